"""Team leads in the browser: this week on a cohort page, copying messages. (The plan form
is tested in test_plan_form.py.)"""

from __future__ import annotations

from playwright.sync_api import Page, expect

COHORT = "cohorts/sales-east/"
OVERVIEW = "tracks/six-week-leadership/"


def test_this_week_is_highlighted_from_the_readers_date(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time("2027-01-20T10:00:00")
    page.goto(site_url + COHORT)
    current = page.locator(".rp-cohort-week.rp-current")
    expect(current).to_have_count(1)
    expect(current.locator("h3")).to_contain_text("Week 2: Courage and follow-through")
    expect(page.locator(".rp-this-week")).to_contain_text(
        "This week: Week 2: Courage and follow-through"
    )


def test_the_week_after_a_break_is_found(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time("2027-02-10T10:00:00")  # 1 Feb was skipped: week 4 runs 8-14 Feb
    page.goto(site_url + COHORT)
    expect(page.locator(".rp-cohort-week.rp-current h3")).to_contain_text("Week 4: Coaching")


def test_no_week_is_highlighted_outside_the_schedule(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time("2026-12-01T10:00:00")
    page.goto(site_url + COHORT)
    expect(page.locator(".rp-cohort-week.rp-current")).to_have_count(0)
    expect(page.locator(".rp-this-week")).to_be_hidden()
    expect(page.locator(".rp-cohort-week")).to_have_count(6)  # the full schedule


def test_copy_button_copies_subject_and_body(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + COHORT)
    first = page.locator(".rp-message").first
    first.locator("summary").click()
    first.get_by_role("button", name="Copy message").click()
    expect(first.get_by_role("status")).to_have_text(" Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Subject: Sales East · Six-Week Leadership, week 1 (Jan 11–17)")
    assert "Hello Sales East," in copied
