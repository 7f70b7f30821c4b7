"""The plan form's data (tracks/<id>/plan.json): with its slots filled as the browser fills
them, it says what a cohort's messages and calendar feed say, in every variant (with or
without a meeting, a lead, a note) and every week."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

import pytest
from icalendar import Calendar
from site_helpers import REPO

from reading_program.content.paths import ContentPaths
from reading_program.model import Cohort, ScheduledWeek
from reading_program.plan.library import load_library
from reading_program.site.calendar import cohort_calendar
from reading_program.site.dates import WEEKDAY_NAMES, long_range, meeting_text, short_range
from reading_program.site.messages import week_message
from reading_program.site.plan_data import merge_variants, plan_data

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
    }
    return SLOT.sub(lambda match: values[match[1]], text)


def variant_of(cohort: Cohort, scheduled: ScheduledWeek) -> int:
    return (scheduled.meeting is not None) | bool(cohort.lead) << 1 | bool(cohort.message) << 2


@pytest.mark.parametrize("name", variants())
def test_each_variant_of_each_week_is_the_cohort_message(name: str) -> None:
    cohort = variants()[name]
    data = plan_data(cohort.track)
    for scheduled in cohort.schedule:
        text = data["weeks"][scheduled.number - 1]
        bit = 1 << variant_of(cohort, scheduled)
        body = "\n".join(line for line, mask in text["body"] if mask & bit)
        subject = " ".join(filled(text["subject"], cohort, scheduled).split())
        expected = week_message(cohort, scheduled, SITE)
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
        assert filled(text["description"], cohort, scheduled) == event["DESCRIPTION"]


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
