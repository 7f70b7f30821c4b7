"""Plan this track for my team, in real Chromium: the browser's messages are the ones
Python writes for an equivalent cohort; breaks, the calendar, the link to share."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect
from site_helpers import SAMPLE
from team_site import served_team_site

from reading_program.load.paths import ContentPaths
from reading_program.model import Cohort, Meeting
from reading_program.plan.library import load_library
from reading_program.plan.schedule import plan_breaks, plan_schedule
from reading_program.render.cohort_weeks import announced_week
from reading_program.render.messages import week_message

OVERVIEW = "tracks/six-week-leadership/"
PLAN = {
    "team": "Ops & Co",
    "start": "2027-03-01",
    "day": "Thu",
    "time": "14:00",
    "timezone": "Europe/Berlin",
}


@pytest.fixture(scope="module")
def track():
    library = load_library(ContentPaths(SAMPLE))
    return next(t for t in library.tracks if t.id == "six-week-leadership")


def cohort_like(track, *, lead=None, note=None, meeting=True, skip=()) -> Cohort:
    start = dt.date.fromisoformat(PLAN["start"])
    held = Meeting(3, dt.time(14, 0)) if meeting else None
    skipped = tuple(dt.date.fromisoformat(day) for day in skip)
    return Cohort(
        id="ops",
        repo_path="content/cohorts/ops.yml",
        team=PLAN["team"],
        track=track,
        start=start,
        meeting=held,
        timezone=PLAN["timezone"],
        skip=skipped,
        schedule=plan_schedule(start, track.weeks, skipped, held, PLAN["timezone"]),
        lead=lead,
        message=note,
        breaks=plan_breaks(start, len(track.weeks), skipped),
    )


def fill_plan(page: Page, site_url: str, **fields: str) -> None:
    page.goto(site_url + OVERVIEW)
    form = page.locator("form.rp-plan")
    values = {**PLAN, **fields}
    form.get_by_label("Team name").fill(values["team"])
    form.get_by_label("First day of week 1").fill(values["start"])
    form.get_by_label("Meeting day").select_option(values["day"])
    form.get_by_label("Meeting time").fill(values["time"])
    form.get_by_label("Time zone").fill(values["timezone"])
    form.get_by_label("Your name, to sign the messages").fill(values.get("lead", ""))
    form.get_by_label("A note for week 1's message").fill(values.get("note", ""))
    form.get_by_role("button", name="Show the plan").click()
    expect(page.locator(".rp-plan-result .rp-cohort-week")).to_have_count(6)


def browser_messages(page: Page) -> list[tuple[str, str]]:
    weeks = page.locator(".rp-plan-result .rp-cohort-week")
    return [
        (
            week.locator(".rp-message__subject").text_content(),
            week.locator(".rp-message__body").text_content(),
        )
        for week in weeks.all()
    ]


def python_messages(cohort: Cohort, site_url: str) -> list[tuple[str, str]]:
    """What Python writes for the same plan: each week's subject and body (the plan form
    is for a team without a page yet, so its links name no cohort)."""
    weeks = (announced_week(cohort, s, site_url, published=False) for s in cohort.schedule)
    return [(m.subject, m.body) for m in (week_message(cohort, week) for week in weeks)]


@pytest.mark.parametrize(
    ("fields", "cohort"),
    [
        ({}, {}),
        (
            {"lead": "Dana Whitfield", "note": "Looking forward to it."},
            {"lead": "Dana Whitfield", "note": "Looking forward to it."},
        ),
        ({"day": "", "lead": "Sam"}, {"meeting": False, "lead": "Sam"}),
    ],
    ids=["meeting", "lead and note", "no meeting"],
)
def test_the_browser_says_what_python_says(
    page: Page, site_url: str, track, fields: dict, cohort: dict
) -> None:
    fill_plan(page, site_url, **fields)
    python = cohort_like(track, **cohort)
    expected = python_messages(python, site_url)
    assert browser_messages(page) == expected


def test_a_break_moves_later_weeks_and_matches_a_cohort_with_a_skip(
    page: Page, site_url: str, track
) -> None:
    fill_plan(page, site_url)
    weeks = page.locator(".rp-plan-result .rp-cohort-week")
    minutes = track.weeks[1].minutes
    expect(weeks.nth(1).locator("p.rp-meta")).to_have_text(
        f"Mon 8 Mar – Sun 14 Mar 2027 · {minutes} min · Meeting: Thu 11 Mar, 14:00 (Europe/Berlin)"
    )
    weeks.nth(2).get_by_role("button", name="Add a break week before week 3").click()
    expect(page.locator(".rp-plan-break")).to_contain_text(
        "Break: Mon 15 Mar – Sun 21 Mar 2027, no reading."
    )
    expect(weeks.nth(2).locator("p.rp-meta")).to_contain_text("Mon 22 Mar – Sun 28 Mar 2027")
    assert parse_qs(urlsplit(page.url).query)["skip"] == ["2027-03-15"]
    python = cohort_like(track, skip=["2027-03-15"])
    expected = python_messages(python, site_url)
    assert browser_messages(page) == expected
    page.get_by_role("button", name="Remove this break").click()
    expect(page.locator(".rp-plan-break")).to_have_count(0)
    expect(weeks.nth(2).locator("p.rp-meta")).to_contain_text("Mon 15 Mar – Sun 21 Mar 2027")


def test_the_plan_is_shared_by_its_link_and_its_calendar(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    fill_plan(page, site_url)
    query = parse_qs(urlsplit(page.url).query)
    assert query == {key: [value] for key, value in PLAN.items()}
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator(".rp-plan-share [role='status']")).to_have_text(" Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == page.url

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download calendar (.ics)").click()
    # icalendar, not vobject: vobject keeps the first VTIMEZONE it reads for a TZID for the
    # whole process, and this one covers 2027 only.
    calendar = Calendar.from_ical(Path(download_info.value.path()).read_bytes())
    events = sorted(calendar.walk("VEVENT"), key=lambda event: event.DTSTART)
    assert [e.DTSTART.isoformat() for e in events[:2]] == [
        "2027-03-04T14:00:00+01:00",
        "2027-03-11T14:00:00+01:00",
    ]
    assert events[0]["SUMMARY"] == "Week 1: Leading, not just managing — Six-Week Leadership"
    assert f"{site_url}articles/leadership-vs-management/" in events[0]["DESCRIPTION"]

    shared = page.context.new_page()
    shared.goto(page.url)
    expect(shared.locator(".rp-plan-result .rp-cohort-week")).to_have_count(6)
    expect(shared.locator("form.rp-plan").get_by_label("Team name")).to_have_value("Ops & Co")


def test_an_unknown_time_zone_is_said_plainly(page: Page, site_url: str) -> None:
    page.goto(site_url + OVERVIEW)
    form = page.locator("form.rp-plan")
    form.get_by_label("Team name").fill("Ops")
    form.get_by_label("First day of week 1").fill("2027-03-01")
    form.get_by_label("Time zone").fill("Europe/Berln")
    form.get_by_role("button", name="Show the plan").click()
    expect(page.locator(".rp-plan-result")).to_contain_text("“Europe/Berln” is not a time zone")


# ---- the plan's calendar in another time zone, on a site the tests build ----------------

KHAL_CONFIG = """\
[calendars]
[[plan]]
path = {path}
[locale]
local_timezone = America/New_York
default_timezone = America/New_York
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
"""


@pytest.fixture(scope="module")
def team_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served_team_site(tmp_path_factory.mktemp("team-site")) as url:
        yield url


def download_plan(page: Page, team_url: str, tmp_path: Path) -> Path:
    query = "team=Ops+North&start=2026-12-07&day=Mon&time=09:30&timezone=Europe/Berlin"
    page.goto(f"{team_url}tracks/six-weeks/?{query}")
    expect(page.locator(".rp-plan-result .rp-cohort-week")).to_have_count(6)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download calendar (.ics)").click()
    target = tmp_path / "plan.ics"
    download_info.value.save_as(target)
    return target


def test_a_berlin_meeting_is_at_the_right_hour_in_new_york(
    page: Page, team_url: str, tmp_path: Path
) -> None:
    calendar = Calendar.from_ical(download_plan(page, team_url, tmp_path).read_bytes())
    new_york = ZoneInfo("America/New_York")
    starts = [event.DTSTART for event in calendar.walk("VEVENT")]
    assert starts[0].isoformat() == "2026-12-07T09:30:00+01:00"
    assert [s.astimezone(new_york).strftime("%Y-%m-%d %H:%M") for s in starts[:2]] == [
        "2026-12-07 03:30",
        "2026-12-14 03:30",
    ]
    [zone] = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Berlin"


# khal comes with the test extras, so it sits beside this interpreter.
KHAL = shutil.which("khal", path=str(Path(sys.executable).parent)) or shutil.which("khal")


@pytest.mark.skipif(KHAL is None, reason="khal is not installed (pip install -e '.[test]')")
def test_khal_in_new_york_shows_the_plan_at_the_right_hour(
    page: Page, team_url: str, tmp_path: Path
) -> None:
    ics = download_plan(page, team_url, tmp_path)
    (tmp_path / "calendar").mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(KHAL_CONFIG.format(path=tmp_path / "calendar"))
    shown = subprocess.run(
        [KHAL, "-c", str(config), "printics", "--format", "{start} {title}", str(ics)],
        capture_output=True, text=True, check=True, env={**os.environ, "TZ": "America/New_York"},
    ).stdout  # fmt: skip
    assert "2026-12-07 03:30 Week 1: Leading — Six Weeks" in shown
    assert "2026-12-14 03:30 Week 2: Courage — Six Weeks" in shown
