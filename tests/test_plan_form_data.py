"""The plan form's data (tracks/<id>/plan.json): with its slots filled as the browser fills
them, it says what a cohort's messages and calendar feed say, in every variant (with or
without a meeting, a lead, a note) and every week."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from functools import cache

import pytest
from builders import make_article, make_cohort, make_track, make_week
from icalendar import Calendar
from site_helpers import REPO

from reading_program.load.paths import ContentPaths
from reading_program.load.slugs import slug_for
from reading_program.model import WEEKDAYS, Cohort, Meeting, ScheduledWeek
from reading_program.plan.library import load_library
from reading_program.plan.schedule import plan_breaks
from reading_program.render.browser_data.islands import track_data
from reading_program.render.browser_data.plan_form import merge_variants, plan_data
from reading_program.render.calendar import cohort_calendar
from reading_program.render.cohort_weeks import announced_week
from reading_program.render.dates import (
    WEEKDAY_NAMES,
    day_text,
    long_range,
    meeting_text,
    short_range,
)
from reading_program.render.messages import break_note, week_message
from reading_program.render.urls import relative_href, track_src

SITE = "https://example.org/programme/"
SLOT = re.compile("\ue000(\\w+)\ue001")


@cache
def sales_east() -> Cohort:
    """The repository's cohort: a Thursday meeting in Berlin, a break, a lead and a note."""
    return next(c for c in load_library(ContentPaths(REPO)).cohorts if c.id == "sales-east")


def variants() -> dict[str, Cohort]:
    cohort = sales_east()
    return {
        f"meeting={meeting} lead={lead} note={note}": replace(
            cohort,
            meeting=cohort.meeting if meeting else None,
            schedule=cohort.schedule if meeting else _without_meetings(cohort.schedule),
            lead=cohort.lead if lead else None,
            message=cohort.message if note else None,
        )
        for meeting in (True, False)
        for lead in (True, False)
        for note in (True, False)
    }


def _without_meetings(schedule: tuple[ScheduledWeek, ...]) -> tuple[ScheduledWeek, ...]:
    return tuple(replace(scheduled, meeting=None) for scheduled in schedule)


def filled(text: str, cohort: Cohort, scheduled: ScheduledWeek) -> str:
    """The slots filled with what Python writes for this cohort (plan.js does the same)."""
    meeting = scheduled.meeting
    values = {
        "team": cohort.team,
        "lead": cohort.lead or "",
        "note": cohort.message or "",
        "base": SITE.rstrip("/"),
        "dates": long_range(scheduled.starts, scheduled.ends),
        "short_dates": short_range(scheduled.starts, scheduled.ends),
        "meeting": meeting_text(meeting, cohort.timezone) if meeting else "",
        "meeting_day": WEEKDAY_NAMES[meeting.weekday()] if meeting else "",
        "break_note": break_note(cohort, scheduled) or "",
    }
    return SLOT.sub(lambda match: values[match[1]], text)


def variant_of(cohort: Cohort, scheduled: ScheduledWeek) -> int:
    breaks = bool(cohort.breaks_after(scheduled)) << 3
    return (
        (scheduled.meeting is not None)
        | bool(cohort.lead) << 1
        | bool(cohort.message) << 2
        | breaks
    )


@pytest.mark.parametrize("name", variants())
def test_each_variant_of_each_week_is_the_cohort_message(name: str) -> None:
    cohort = variants()[name]
    data = plan_data(cohort.track)
    for scheduled in cohort.schedule:
        text = data["weeks"][scheduled.number - 1]
        bit = 1 << variant_of(cohort, scheduled)
        body = "\n".join(line for line, mask in text["body"] if mask & bit)
        subject = " ".join(filled(text["subject"], cohort, scheduled).split())
        expected = week_message(cohort, announced_week(cohort, scheduled, SITE, published=False))
        assert (subject, filled(body, cohort, scheduled)) == (expected.subject, expected.body)


def test_the_calendar_texts_are_the_cohort_feed_texts() -> None:
    cohort = sales_east()
    data = plan_data(cohort.track)
    feed = Calendar.from_ical(cohort_calendar(cohort, SITE))
    assert filled(data["calendar_name"], cohort, cohort.schedule[0]) == feed["X-WR-CALNAME"]
    events = feed.walk("VEVENT")
    assert len(events) == len(data["weeks"]) == len(cohort.schedule)
    for text, event, scheduled in zip(data["weeks"], events, cohort.schedule, strict=True):
        assert filled(text["summary"], cohort, scheduled) == event["SUMMARY"]
        description = event["DESCRIPTION"].replace(f"?cohort={cohort.id}", "")
        assert filled(text["description"], cohort, scheduled) == description


def test_merged_variants_give_back_each_variant_exactly() -> None:
    texts = {
        0b0011: ["Hello,", "", "Read this.", "", "Enjoy the reading,", "Us"],
        0b0100: ["Hello,", "", "Read this.", "", "A note:", "Hi", "", "See you,", "Dana"],
        0b1000: ["Hello,", "Meeting: Thu", "", "Read this.", "", "See you,", "Dana"],
    }
    merged = merge_variants([(lines, mask) for mask, lines in texts.items()])
    for mask, lines in texts.items():
        for bit in (b for b in range(4) if mask & 1 << b):
            assert [line for line, m in merged if m & 1 << bit] == lines, bin(mask)
    assert len(merged) < sum(map(len, texts.values())), "shared lines are stored once"


# ---- the bridge to the browser: cases Python writes, tests/js/plan.test.js checks ----------

CASES_FILE = REPO / "tests" / "js" / "plan-cases.json"
BASE = "https://example.org/site/"


def _case_track():
    """Three weeks; the browser's plan of it must match a cohort's, case by case."""
    weeks = [
        make_week(n, f"Theme {n}", [make_article(f"a{n}", title=f"Reading {n} “quoted”")])
        for n in (1, 2, 3)
    ]
    return make_track("three", "Three & Co", weeks)


# (the form's fields, as the browser reads them)
PLANS = [
    {"team": "Ops North", "start": "2027-03-01", "day": "Thu", "time": "14:00",
     "timezone": "Europe/Berlin", "lead": "Dana", "note": "Welcome!", "skip": "2027-03-10"},
    {"team": "Équipe Zürich", "start": "2026-10-19", "day": "Mon", "time": "09:30",
     "timezone": "America/New_York", "lead": "", "note": "", "skip": "2026-10-28,2026-11-04"},
    {"team": "Night Owls", "start": "2026-12-28", "day": "", "time": "", "timezone": "UTC",
     "lead": "", "note": "", "skip": ""},
    {"team": "Pune", "start": "2027-03-03", "day": "Mon", "time": "18:15",
     "timezone": "Asia/Kolkata", "lead": "Asha", "note": "", "skip": ""},
    {"team": "Lord Howe", "start": "2027-03-29", "day": "Sat", "time": "10:00",
     "timezone": "Australia/Lord_Howe", "lead": "", "note": "", "skip": "2027-04-01"},
]  # fmt: skip


# Team names whose ids `assign` and the plan form's calendar must make alike.
ID_CASES = [
    "Café Führung",
    "Straße Nord",
    "Øresund Øst",
    "AØB",
    "R&D -- West",
    "ﬁnance",
    "東京 Tokyo",
]


def _cohort_of(track, plan: dict) -> Cohort:
    day = WEEKDAYS.index(plan["day"]) if plan["day"] else None
    meeting = Meeting(day, dt.time.fromisoformat(plan["time"])) if day is not None else None
    skip = [dt.date.fromisoformat(d) for d in plan["skip"].split(",") if d]
    start = dt.date.fromisoformat(plan["start"])
    return replace(
        make_cohort(
            track, plan["start"], meeting, plan["timezone"], [d.isoformat() for d in skip],
            plan["team"], plan["lead"] or None, plan["note"] or None, cohort_id="plan",
        ),
        breaks=plan_breaks(start, len(track.weeks), skip),
    )  # fmt: skip


def _event(event) -> dict:
    start = event.DTSTART
    if isinstance(start, dt.datetime):
        zone = start.tzinfo.key if hasattr(start.tzinfo, "key") else "UTC"
        return {
            "local": start.strftime("%Y%m%dT%H%M%S"),
            "zone": zone,
            "utc": start.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "minutes": (event.DTEND - start) // dt.timedelta(minutes=1),
            "alarms": _alarms(event),
        }
    return {"day": start.strftime("%Y%m%d"), "alarms": _alarms(event)}


def _alarms(event) -> list[dict]:
    """Each alarm as the download with reminders writes it: its trigger (as written, relative
    to the start) and what it says."""
    return [
        {
            "action": str(alarm["ACTION"]),
            "trigger": alarm["TRIGGER"].to_ical().decode(),
            "description": str(alarm["DESCRIPTION"]),
        }
        for alarm in event.walk("VALARM")
    ]


def plan_cases() -> dict:
    """For each plan: Python's schedule, breaks, messages and calendar events of the
    equivalent cohort, and the data the browser gets; dates written as the site writes them."""
    track = _case_track()
    cases = []
    for plan in PLANS:
        cohort = _cohort_of(track, plan)
        feed = Calendar.from_ical(cohort_calendar(cohort, BASE, reminders=True))
        weeks = [announced_week(cohort, w, BASE, published=False) for w in cohort.schedule]
        messages = [week_message(cohort, week) for week in weeks]
        cases.append(
            {
                "plan": plan,
                "weeks": [
                    {
                        "number": w.number,
                        "starts": w.starts.isoformat(),
                        "ends": w.ends.isoformat(),
                        "meeting": {"day": w.meeting.date().isoformat(), "time": plan["time"]}
                        if w.meeting
                        else None,
                    }
                    for w in cohort.schedule
                ],
                "breaks": [
                    {"starts": b.starts.isoformat(), "ends": b.ends.isoformat()}
                    for b in cohort.breaks
                ],
                "messages": [{"subject": m.subject, "body": m.body} for m in messages],
                "events": [_event(event) for event in feed.walk("VEVENT")],
            }
        )
    teams = [*(plan["team"] for plan in PLANS), *ID_CASES]
    days = [dt.date(2026, 12, 28) + dt.timedelta(days=n) for n in range(0, 70, 9)]
    return {
        "base": BASE,
        "track": track_data(track, lambda src: relative_href(track_src(track), src)),
        "data": plan_data(track),
        "plans": cases,
        "ids": [{"team": team, "id": slug_for(team)} for team in teams],
        "dates": [
            {
                "first": first.isoformat(),
                "last": (first + dt.timedelta(days=6)).isoformat(),
                "day": day_text(first),
                "long": long_range(first, first + dt.timedelta(days=6)),
                "short": short_range(first, first + dt.timedelta(days=6)),
            }
            for first in days
        ],
    }


def cases_text() -> str:
    return json.dumps(plan_cases(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def test_the_browser_cases_are_the_ones_python_writes_now() -> None:
    """tests/js/plan.test.js reads this file: a change to the schedule, dates, messages or
    calendar in Python shows here, one to the browser's copy there."""
    assert CASES_FILE.read_text("utf-8") == cases_text(), (
        "tests/js/plan-cases.json is out of date: "
        "run `.venv/bin/python tests/test_plan_form_data.py`"
    )


if __name__ == "__main__":
    CASES_FILE.write_text(cases_text(), "utf-8")
    print(f"Wrote {CASES_FILE.relative_to(REPO)}")
