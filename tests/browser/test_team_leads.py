"""Team leads in the browser: where the team is on a cohort page (this week, before the
start, a break, the end), the messages (copy, Open in email, .eml drafts), the calendar to
subscribe to, check-ins that name their team, kept in the lead's browser, and the members
without one. The plan form is tested in test_plan_form.py."""

from __future__ import annotations

import email
import email.policy
import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from icalendar import Calendar
from playwright.sync_api import Page, expect
from team_site import served_team_site

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
    assert copied.startswith("Subject: Sales East · Six-Week Leadership, week 1 (11–17 Jan)")
    assert "Hello Sales East," in copied


# ---- on a site the tests build: Ops North, six weeks, members, a named break ------------

TEAM_COHORT = "cohorts/ops-north/"
WCAG_2_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
IDLE = {"status": 0, "read": 0, "answers": 0}
DAMAGED_ONCE = """
if (localStorage.getItem("reading-program.checkins") === null) {
  localStorage.setItem("reading-program.checkins", "{broken");
}
"""


@pytest.fixture(scope="module")
def team_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served_team_site(tmp_path_factory.mktemp("team-site")) as url:
        yield url


def make_code(page: Page, url: str, **fields) -> str:
    weeks = fields.pop("weeks", [IDLE] * 6)
    checkin = {"track": "six-weeks", "day": "2027-01-20", "weeks": weeks, **fields}
    return page.evaluate(
        "([url, fields]) => import(url).then((m) => m.encodeCheckin(fields))",
        [url + "javascripts/rp/checkin.js", checkin],
    )


def test_the_calendar_can_be_subscribed_to_or_downloaded(page: Page, team_url: str) -> None:
    page.goto(team_url + TEAM_COHORT)
    subscribe = page.get_by_role("link", name="Subscribe in your calendar")
    host = team_url.removeprefix("http://")
    expect(subscribe).to_have_attribute("href", f"webcal://{host}cohorts/ops-north.ics")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download with reminders (.ics)").click()
    feed = Calendar.from_ical(Path(download_info.value.path()).read_bytes())
    events = feed.walk("VEVENT")
    assert len(events) == 6
    for event in events:  # each week's reminder at the meeting, in the team's zone
        [alarm] = event.walk("VALARM")
        assert (event.DTSTART + alarm["TRIGGER"].dt).strftime("%H:%M %Z") == "09:30 CET"
    expect(page.get_by_text("calendar apps ignore them in a subscription")).to_be_visible()
    assert {int(event["SEQUENCE"]) for event in events} == {0}
    assert events[3].DTSTART.isoformat() == "2027-02-11T09:30:00+01:00"  # after the break
    assert str(events[0]["URL"]).endswith("tracks/six-weeks/week-1/?cohort=ops-north")


def test_the_week_before_the_break_says_so_and_links_name_the_team(
    page: Page, team_url: str
) -> None:
    page.goto(team_url + TEAM_COHORT)
    expect(page.locator("article")).to_contain_text(
        "No reading Mon 1 Feb – Sun 7 Feb 2027 (the sales kick-off): later weeks move back."
    )
    week_3 = page.locator(".rp-cohort-week").nth(2)
    week_3.locator("summary").click()
    body = week_3.locator(".rp-message__body")
    expect(body).to_contain_text(
        "No reading next week: the sales kick-off; week 4 starts Mon 8 Feb."
    )
    expect(body).to_contain_text(f"{team_url}tracks/six-weeks/week-3/?cohort=ops-north")
    link = week_3.get_by_role("link", name="The week's page")
    assert link.get_attribute("href").endswith("week-3/?cohort=ops-north")


def test_a_check_in_names_the_team_and_the_lead_sees_who_has_not_checked_in(
    browser, team_url: str
) -> None:
    participant = browser.new_context().new_page()
    participant.goto(team_url + TEAM_COHORT)
    participant.locator(".rp-cohort-week").first.get_by_role("link", name="The week's page").click()
    expect(participant).to_have_url(re.compile(r"week-1/\?cohort=ops-north$"))
    participant.get_by_label("Mark as read").first.check()
    participant.goto(team_url + "tracks/six-weeks/")  # later, without ?cohort=
    participant.get_by_role("button", name="Share my progress").click()
    participant.get_by_label("Your name, as your team lead knows you").fill("Sam Ortiz")
    text = participant.get_by_label(
        "Your check-in, to paste into a chat or an e-mail to your team lead"
    )
    expect(text).to_have_value(re.compile(r"Check-in code: RPC2[A-Z2-7]+$"))
    own = re.search(r"RPC2[A-Z2-7]+", text.input_value()).group()

    lead = browser.new_context().new_page()
    lead.clock.set_fixed_time("2027-01-20T10:00:00")
    lead.goto(team_url + TEAM_COHORT)
    rows = lead.locator(".rp-team-table tbody tr")
    expect(rows).to_have_count(4)  # the members, before any check-in
    expect(rows.first).to_contain_text("no check-in yet")
    other_team = make_code(lead, team_url, name="Sam Ortiz", cohort="ops-south", day="2027-01-21")
    lead.get_by_label("Check-ins you received").fill(f"Sam: {own}\nSam (South): {other_team}")
    expect(lead.locator(".rp-team-progress__status")).to_have_text(
        "1 person; 3 without a check-in yet; 1 code skipped, see below."
    )
    sam = rows.filter(has_text="Sam Ortiz")
    expect(sam.locator("td").nth(1)).to_have_text("started1/2 read")
    expect(lead.locator(".rp-team-progress__notes")).to_contain_text(
        "skipped, from another team (ops-south)."
    )
    assert [r.locator("th").inner_text() for r in rows.all()] == [
        "Alex Meyer",
        "Jo Lindqvist",
        "Kim Nakamura",
        "Sam Ortiz",
    ]
    lead.reload()
    expect(rows.filter(has_text="Sam Ortiz").locator("td").nth(1)).to_have_text(
        "started1/2 read"
    )  # kept in the lead's browser


def test_kept_check_ins_that_cannot_be_read_are_never_written_over(
    page: Page, team_url: str
) -> None:
    page.add_init_script(DAMAGED_ONCE)
    page.goto(team_url + TEAM_COHORT)
    notice = page.locator(".rp-team-progress__notice")
    expect(notice).to_contain_text("The check-ins kept in this browser cannot be read.")
    code = make_code(page, team_url, name="Kim Nakamura")
    page.get_by_label("Check-ins you received").fill(code)
    expect(page.locator(".rp-team-table tbody tr").filter(has_text="Kim")).to_have_count(1)
    assert page.evaluate("localStorage.getItem('reading-program.checkins')") == "{broken"
    copies = page.evaluate(
        "Object.keys(localStorage).filter((k) => k.startsWith('reading-program.checkins.damaged.'))"
    )
    assert len(copies) == 1
    assert page.evaluate(f"localStorage.getItem('{copies[0]}')") == "{broken"
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Start afresh").click()
    expect(notice).to_be_hidden()
    page.get_by_label("Check-ins you received").fill(code + " ")
    kept = json.loads(page.evaluate("localStorage.getItem('reading-program.checkins')"))
    assert kept["cohorts"]["ops-north"]["codes"] == [code]


def test_six_weeks_fit_1280_px_and_the_paste_box_shows_a_whole_code(
    page: Page, team_url: str
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.clock.set_fixed_time("2027-01-20T10:00:00")
    page.goto(team_url + TEAM_COHORT)
    busy = {"status": 2, "read": 2, "answers": 12}
    code = make_code(page, team_url, name="Alexandra Meyer-Lindqvist", weeks=[busy] * 6)
    page.get_by_label("Check-ins you received").fill(f"[09:12] Alexandra: {code}")
    table = page.locator(".rp-team-table")
    expect(table.locator("thead th")).to_have_count(8)
    assert table.evaluate("t => t.scrollWidth <= t.clientWidth"), "no sideways scrolling"
    box = page.get_by_label("Check-ins you received")
    assert box.evaluate("b => b.scrollWidth <= b.clientWidth"), "the code wraps inside the box"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_team_pages_pass_axe_with_the_table_shown(page: Page, team_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.clock.set_fixed_time("2027-01-20T10:00:00")
    page.goto(team_url + TEAM_COHORT)
    page.get_by_label("Check-ins you received").fill(make_code(page, team_url, name="Kim"))
    expect(page.locator(".rp-team-table tbody tr")).to_have_count(5)
    options = {"runOnly": {"type": "tag", "values": WCAG_2_A_AA}, "resultTypes": ["violations"]}
    results = Axe().run(page, context="article", options=options)
    assert results.violations_count == 0, results.generate_report()
    page.goto(team_url + TEAM_COHORT + "workbook/")
    results = Axe().run(page, context="article", options=options)
    assert results.violations_count == 0, results.generate_report()
