"""Cohort pages, calendar feeds and discussion guides in a real build."""

from __future__ import annotations

import pytest
import vobject
from site_helpers import Site

pytestmark = pytest.mark.build

COHORT = """\
team: "Sales <East> & Co"
track: two-weeks
start: 2027-03-22
meeting: "Mon 09:30"
timezone: Europe/Berlin
lead: "Dana"
message: "Welcome!"
"""


def test_cohort_page_schedule_feed_and_messages(site: Site) -> None:
    site.write("content/cohorts/east.yml", COHORT)
    site.build()
    page = site.html("cohorts/east")
    assert page.h1.get_text(strip=True) == "Sales <East> & Co: Two Weeks"
    weeks = page.select(".rp-cohort-week")
    assert [(w["data-rp-starts"], w["data-rp-ends"]) for w in weeks] == [
        ("2027-03-22", "2027-03-28"),
        ("2027-03-29", "2027-04-04"),
    ]
    meta = [w.select_one(".rp-meta").get_text() for w in weeks]
    assert (
        meta[1]
        == "Mon 29 Mar – Sun 4 Apr 2027 · 1 min · Meeting: Mon 29 Mar, 09:30 (Europe/Berlin)"
    )
    assert weeks[0].select_one("a[href$='articles/lead/']").get_text() == "Lead"
    assert weeks[0].select_one("a[href$='week-1/guide/']").get_text() == "Discussion guide"
    body = weeks[0].select_one(".rp-message__body").get_text()
    assert "Hello Sales <East> & Co," in body
    assert "http://127.0.0.1:8000/articles/lead/" in body
    download = page.select_one("a[href='east-reminders.ics'][download]")
    assert download.get_text() == "Download with reminders (.ics)"
    note = page.select_one(".rp-reminders-note").get_text()
    assert (
        note
        == "Reminders come with the download only: calendar apps ignore them in a subscription."
    )
    reminders = vobject.readOne((site.root / "site/cohorts/east/east-reminders.ics").read_text())
    assert all(len(event.valarm_list) == 1 for event in reminders.vevent_list)
    assert "Welcome!" in page.select_one(".rp-callout").get_text()

    feed = (site.root / "site/cohorts/east.ics").read_text()
    calendar = vobject.readOne(feed)
    events = sorted(calendar.vevent_list, key=lambda e: e.uid.value)
    assert [e.uid.value for e in events] == [
        "east-week-1@reading-program",
        "east-week-2@reading-program",
    ]
    # Local wall-clock time with the zone's id, so 09:30 stays 09:30 across the change to
    # summer time on 28 March 2027. (Read from the text: vobject caches zones across parses.)
    starts = [line for line in feed.splitlines() if line.startswith("DTSTART;TZID")]
    assert starts == [
        "DTSTART;TZID=Europe/Berlin:20270322T093000",
        "DTSTART;TZID=Europe/Berlin:20270329T093000",
    ]


def test_cohorts_index_lists_cohorts(site: Site) -> None:
    site.write("content/cohorts/east.yml", COHORT)
    site.build()
    link = site.html("cohorts").select_one("article a[href='east/']")
    assert link.get_text() == "Sales <East> & Co"


def test_bad_cohort_fails_the_build(site: Site, build_error) -> None:
    site.write("content/cohorts/east.yml", COHORT.replace("two-weeks", "three-weeks"))
    assert "content/cohorts/east.yml:2: track: no track has the id 'three-weeks'" in build_error()


def test_week_discussion_guide(site: Site) -> None:
    site.build()
    guide = site.html("tracks/two-weeks/week-1/guide")
    assert guide.h1.get_text(strip=True) == "Discussion guide: Week 1: First"
    questions = [li.get_text() for li in guide.select("article ol li")]
    assert questions == [
        "What did you notice?",
        "What will you try?",
        "Who can help?",
        "What stops you?",
    ]
    rows = guide.select("tbody tr")
    assert sum(int(row.td.get_text()) for row in rows) == 40
    week = site.html("tracks/two-weeks/week-1")
    assert week.select_one("a[href='guide/']").get_text() == "discussion guide"
