"""Data for "Plan this track for my team" on a track's page: the messages and calendar
texts of each week, written by the very code that writes a cohort's messages and calendar,
for a stand-in cohort whose free-text fields are slots. The browser fills the slots (team,
dates, meeting, lead, note, the site's address), so it says exactly what Python says; only
the dates are worked out in the browser. Served as a file beside the track's page."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from difflib import SequenceMatcher
from typing import Any

from icalendar import Calendar

from ..model import WEEKDAYS, Cohort, Meeting, ScheduledWeek, Track
from .calendar import cohort_calendar
from .dates import MONTHS, WEEKDAY_NAMES, long_range, meeting_text, short_range
from .messages import week_message


def slot(name: str) -> str:
    """A placeholder no content can contain (private-use characters around a name)."""
    return f"\ue000{name}\ue001"


_PLAN_START = date(2001, 1, 1)  # any Monday: its rendered dates are replaced by slots
_PLAN_MEETING = Meeting(0, time(9, 30))
# Variant bits: a meeting, a lead (who signs), a note (shown in week 1).
_MEETING, _LEAD, _NOTE = 1, 2, 4
_VARIANTS = 8


def plan_data_src(track: Track) -> str:
    return f"tracks/{track.id}/plan.json"


def plan_data(track: Track) -> dict[str, Any]:
    """Per week: the subject with slots, the body as lines each with a bit mask of the
    variants it belongs to (variant = meeting | lead | note bits), and the calendar
    event's summary and description. Links start with the `base` slot (the site's URL)."""
    schedule = tuple(
        ScheduledWeek(
            week,
            _PLAN_START + timedelta(days=7 * index),
            _PLAN_START + timedelta(days=7 * index + 6),
            datetime.combine(
                _PLAN_START + timedelta(days=7 * index), _PLAN_MEETING.time, tzinfo=UTC
            ),
        )
        for index, week in enumerate(track.weeks)
    )
    calendar = Calendar.from_ical(
        cohort_calendar(_plan_cohort(track, schedule, _MEETING), slot("base"))
    )
    events = [(str(e["SUMMARY"]), str(e["DESCRIPTION"])) for e in calendar.walk("VEVENT")]
    weeks = []
    for scheduled, (summary, description) in zip(schedule, events, strict=True):
        variants = []
        for variant in range(_VARIANTS):
            cohort = _plan_cohort(track, schedule, variant)
            with_meeting = scheduled if variant & _MEETING else replace(scheduled, meeting=None)
            body = week_message(cohort, with_meeting, slot("base")).body
            variants.append(_slotted(body, scheduled).split("\n"))
        subject = week_message(_plan_cohort(track, schedule, 0), scheduled, slot("base")).subject
        weeks.append(
            {
                "number": scheduled.number,
                "subject": subject.replace(
                    short_range(scheduled.starts, scheduled.ends), slot("short_dates")
                ),
                "body": _meeting_day_slots(merge_variants(variants)),
                "summary": summary,
                "description": description,
            }
        )
    return {
        "calendar_name": str(calendar["X-WR-CALNAME"]),
        "months": list(MONTHS),
        "weekdays": list(WEEKDAYS),
        "weekday_names": list(WEEKDAY_NAMES),
        "weeks": weeks,
    }


def _plan_cohort(track: Track, schedule: tuple[ScheduledWeek, ...], variant: int) -> Cohort:
    return Cohort(
        id=f"plan-{track.id}",
        repo_path=track.repo_path,
        team=slot("team"),
        track=track,
        start=_PLAN_START,
        meeting=_PLAN_MEETING if variant & _MEETING else None,
        timezone="UTC",
        skip=(),
        schedule=schedule,
        lead=slot("lead") if variant & _LEAD else None,
        message=slot("note") if variant & _NOTE else None,
    )


def _slotted(text: str, scheduled: ScheduledWeek) -> str:
    text = text.replace(long_range(scheduled.starts, scheduled.ends), slot("dates"))
    if scheduled.meeting:
        text = text.replace(meeting_text(scheduled.meeting, "UTC"), slot("meeting"))
    return text


def _meeting_day_slots(lines: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The meeting's weekday name ("See you on Monday,") as a slot, in the lines only
    variants with a meeting have (content lines, shared by all, are left alone)."""
    without_meeting = sum(1 << v for v in range(_VARIANTS) if not v & _MEETING)
    day = WEEKDAY_NAMES[_PLAN_START.weekday()]
    return [
        (line.replace(day, slot("meeting_day")) if not mask & without_meeting else line, mask)
        for line, mask in lines
    ]


def merge_variants(variants: list[list[str]]) -> list[tuple[str, int]]:
    """Lines of several variants of one text in one sequence, each line with a bit mask of
    the variants that have it: the lines whose mask has bit v are exactly variant v."""
    merged = [(line, 1) for line in variants[0]]
    for index, lines in enumerate(variants[1:], start=1):
        bit = 1 << index
        matcher = SequenceMatcher(None, [line for line, _ in merged], lines, autojunk=False)
        combined: list[tuple[str, int]] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                combined += [(line, mask | bit) for line, mask in merged[i1:i2]]
            else:
                combined += merged[i1:i2]
                combined += [(line, bit) for line in lines[j1:j2]]
        merged = combined
    return merged


def plan_data_file(track: Track) -> bytes:
    return json.dumps(plan_data(track), ensure_ascii=False, separators=(",", ":")).encode()
