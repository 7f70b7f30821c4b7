"""Team leads in the browser: where the team is on a cohort page (this week, before the
start, a break, the end), the messages (copy, Open in email, .eml drafts). The plan form
is tested in test_plan_form.py."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
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


# Sales East: week 1 from Mon 11 Jan 2027, the week of 1 Feb a break, week 6 ends Sun 28 Feb.
@pytest.mark.parametrize(
    ("today", "says"),
    [
        ("2026-11-23", "Starts Mon 11 Jan 2027, in 7 weeks."),
        ("2027-01-04", "Starts Mon 11 Jan, in 7 days."),
        ("2027-01-10", "Starts Mon 11 Jan, tomorrow."),
        ("2027-02-03", "No reading this week: a break; week 4 starts Mon 8 Feb."),
        ("2027-03-10", "Finished on Sun 28 Feb."),
    ],
    ids=["weeks before", "days before", "the day before", "in the break", "after the end"],
)
def test_outside_reading_weeks_the_page_says_where_the_team_is(
    page: Page, site_url: str, today: str, says: str
) -> None:
    page.clock.set_fixed_time(f"{today}T10:00:00")
    page.goto(site_url + COHORT)
    expect(page.locator(".rp-this-week")).to_have_text(says)
    expect(page.locator(".rp-this-week")).to_be_visible()
    expect(page.locator(".rp-cohort-week.rp-current")).to_have_count(0)
    expect(page.locator(".rp-cohort-week")).to_have_count(6)  # the full schedule


def test_every_week_opens_in_email_and_downloads_as_a_draft(page: Page, site_url: str) -> None:
    page.goto(site_url + COHORT)
    weeks = page.locator(".rp-cohort-week")
    expect(weeks).to_have_count(6)
    for index in range(6):
        week = weeks.nth(index)
        week.locator("summary").click()
        shown_subject = week.locator(".rp-message__subject").text_content()
        shown_body = week.locator(".rp-message__body").text_content()
        link = week.get_by_role("link", name="Open in email")
        fields = parse_qs(urlsplit(link.get_attribute("href")).query, strict_parsing=True)
        assert urlsplit(link.get_attribute("href")).path == "", "no recipient in the link"
        assert fields["subject"] == [shown_subject]
        body = fields["body"][0].replace("\r\n", "\n")
        assert body == shown_body or (  # too long for a link: shorter, with the week's page
            body.startswith("Hello Sales East,")
            and f"{site_url}tracks/six-week-leadership/week-{index + 1}/" in body
        )
        assert f"week {index + 1} (" in shown_subject
        with page.expect_download() as download_info:
            week.get_by_role("link", name="Download as a draft (.eml)").click()
        download = download_info.value
        assert download.suggested_filename == f"sales-east-week-{index + 1}.eml"
        draft = email.message_from_bytes(
            Path(download.path()).read_bytes(), policy=email.policy.default
        )
        assert draft["Subject"] == shown_subject
        assert draft["X-Unsent"] == "1" and draft["To"] is None
        plain = draft.get_body(("plain",)).get_content().replace("\r\n", "\n")
        assert plain == shown_body


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
