"""Data for "Plan this track for my team" on a track's page: the messages and calendar
texts of each week, written by the very code that writes a cohort's messages and calendar,
for a stand-in cohort whose free-text fields are slots. The browser fills the slots (team,
dates, meeting, lead, note, the site's address), so it says exactly what Python says; only
the dates are worked out in the browser. Served as a file beside the track's page.

This runs for every track on every build, so each week's texts are made once, not once
per variant and file: the message's fields and the announced week are worked out once, the
message template (text only: the plan shows no HTML part) is rendered once per distinct
set of fields, and the calendar event's texts are taken as written, never put into
iCalendar and parsed back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta
from difflib import SequenceMatcher
from typing import Any

from ...model import WEEKDAYS, Cohort, Meeting, ScheduledWeek, Track
from ...plan.schedule import plan_schedule

# The calendar's and messages' own helpers, not copies of them: so the plan says word for
# word what a cohort's feed and messages say.
from ..calendar import (
    MEETING_LENGTH,
    UID_DOMAIN,
    calendar_name,
    event_description,
    event_summary,
    reminder_triggers,
)
from ..cohort_weeks import AnnouncedWeek, announced_week
from ..dates import MONTHS, WEEKDAY_NAMES, short_range
from ..messages import BREAK_NOTES, UNNAMED_BREAK, message_fields, message_subject
from ..templating import render_text
from .islands import json_file


def slot(name: str) -> str:
    """A placeholder no content can contain (private-use characters around a name)."""
    return f"\ue000{name}\ue001"


_PLAN_START = date(2001, 1, 1)  # any Monday: its rendered dates are replaced by slots
_PLAN_MEETING = Meeting(0, time(9, 30))
# Variant bits: a meeting, a lead (who signs), a note (shown in week 1), a break next.
_MEETING, _LEAD, _NOTE, _BREAK = 1, 2, 4, 8
_VARIANTS = 16
_BASE = slot("base")


def plan_data(track: Track) -> dict[str, Any]:
    """Per week: the subject with slots, the body as lines each with a bit mask of the
    variants it belongs to (variant = meeting | lead | note | break-next bits), and the calendar
    event's summary and description. Links start with the `base` slot (the site's URL)."""
    schedule = _plan_schedule(track)
    cohorts = [_plan_cohort(track, schedule, variant) for variant in range(_VARIANTS)]
    weeks = [_week_texts(cohorts, scheduled) for scheduled in schedule]
    return {
        "calendar_name": calendar_name(slot("team"), track.title),
        # A participant's own weeks (no team): the file *Add to my calendar* downloads.
        "own_calendar_name": f"{track.title}: my reading weeks",
        # Each week's alarm, as a cohort's download with reminders has it.
        "reminders": reminder_triggers(),
        "meeting_minutes": MEETING_LENGTH // timedelta(minutes=1),
        "uid_domain": UID_DOMAIN,
        "break_notes": BREAK_NOTES,
        "unnamed_break": UNNAMED_BREAK,
        "months": list(MONTHS),
        "weekdays": list(WEEKDAYS),
        "weekday_names": list(WEEKDAY_NAMES),
        "weeks": weeks,
    }


def _plan_schedule(track: Track) -> tuple[ScheduledWeek, ...]:
    """Consecutive weeks from _PLAN_START (a Monday), each meeting on its Monday."""
    return plan_schedule(_PLAN_START, track.weeks, meeting=_PLAN_MEETING)


def _week_texts(cohorts: list[Cohort], scheduled: ScheduledWeek) -> dict[str, Any]:
    with_meeting = announced_week(cohorts[_MEETING], scheduled, _BASE, published=False)
    without_meeting = replace(
        with_meeting, scheduled=replace(scheduled, meeting=None), meeting=None
    )
    bodies = _distinct_bodies(cohorts, (without_meeting, with_meeting))
    subject = message_subject(cohorts[0], with_meeting)
    return {
        "number": scheduled.number,
        "subject": subject.replace(
            short_range(scheduled.starts, scheduled.ends), slot("short_dates")
        ),
        "body": _meeting_day_slots(
            merge_variants([(_slotted(body, with_meeting).split("\n"), m) for body, m in bodies])
        ),
        "summary": event_summary(with_meeting, cohorts[0].track.title),
        "description": event_description(with_meeting),
    }


def _distinct_bodies(
    cohorts: list[Cohort], weeks: tuple[AnnouncedWeek, AnnouncedWeek]
) -> list[tuple[str, int]]:
    """Each distinct message body (week_message's, without the HTML part it also renders)
    with the mask of the variants that have it. Variants with the same fields are rendered
    once: the note is shown in week 1 only, so later weeks have four distinct bodies."""
    by_fields: dict[tuple[Any, ...], str] = {}
    masks: dict[str, int] = {}
    for variant, cohort in enumerate(cohorts):
        week = weeks[variant & _MEETING]
        # The break after a week is the browser's to word (BREAK_NOTES, shipped above).
        fields = message_fields(cohort, week) | {
            "break_note": slot("break_note") if variant & _BREAK else None
        }
        key = tuple(id(value) if value is week else value for value in fields.values())
        if key not in by_fields:
            by_fields[key] = render_text("message.txt.j2", detail="full", **fields)
        body = by_fields[key]
        masks[body] = masks.get(body, 0) | 1 << variant
    return list(masks.items())


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


def _slotted(text: str, week: AnnouncedWeek) -> str:
    text = text.replace(week.dates, slot("dates"))
    if week.meeting:
        text = text.replace(week.meeting, slot("meeting"))
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


def merge_variants(variants: list[tuple[list[str], int]]) -> list[tuple[str, int]]:
    """Lines of several variants of one text in one sequence, each line with the bit mask
    of the variants that have it: the lines whose mask has bit v are exactly variant v.
    Each of `variants` is a text's lines and the mask of the variants with that text
    (variants with the same text are merged once)."""
    first_lines, first_mask = variants[0]
    merged = [(line, first_mask) for line in first_lines]
    for lines, bits in variants[1:]:
        matcher = SequenceMatcher(None, [line for line, _ in merged], lines, autojunk=False)
        combined: list[tuple[str, int]] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                combined += [(line, mask | bits) for line, mask in merged[i1:i2]]
            else:
                combined += merged[i1:i2]
                combined += [(line, bits) for line in lines[j1:j2]]
        merged = combined
    return merged


def plan_data_file(track: Track) -> bytes:
    return json_file(plan_data(track))
