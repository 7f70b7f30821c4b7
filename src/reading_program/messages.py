"""The weekly message a cohort's lead sends: what to read, when to meet, what to ask.

Plain text, so it pastes into any mail or chat tool. Dates are formatted here rather
than with strftime, whose month and weekday names follow the machine's locale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .calendar_feed import CalendarWeek, calendar_week
from .cohorts import Cohort
from .models import Track
from .rendering import render_text
from .schedule import WEEKDAYS, ScheduledWeek

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Message:
    subject: str
    body: str


def week_message(cohort: Cohort, track: Track, scheduled: ScheduledWeek, site_url: str) -> Message:
    """The message for one scheduled week of `cohort` reading `track`.

    The lead's personal `message` note is shown in week 1 only: it is a welcome, and
    repeating it every week would bury it.
    """
    if cohort.track_id != track.id:
        raise ValueError(f"cohort {cohort.id!r} reads {cohort.track_id!r}, not {track.id!r}")
    week = calendar_week(track, track.weeks[scheduled.number - 1], scheduled, site_url)
    return Message(subject=_subject(cohort, track.title, week), body=_body(cohort, track, week))


def all_messages(cohort: Cohort, track: Track, site_url: str) -> tuple[Message, ...]:
    """One message per reading week, in order (break weeks get none)."""
    schedule = cohort.schedule(len(track.weeks))
    return tuple(week_message(cohort, track, scheduled, site_url) for scheduled in schedule)


def _subject(cohort: Cohort, track_title: str, week: CalendarWeek) -> str:
    dates = short_range(week.scheduled.starts, week.scheduled.ends)
    subject = f"{cohort.team} · {track_title}, week {week.number} ({dates}): {week.theme}"
    # A subject is one header line: a newline in a team name must not start another.
    return " ".join(subject.split())


def _body(cohort: Cohort, track: Track, week: CalendarWeek) -> str:
    meeting = week.scheduled.meeting
    # Plain text: rendering's text environment does not HTML-escape ("&" stays "&").
    return render_text(
        "message.txt.j2",
        team=cohort.team,
        track_title=track.title,
        week=week,
        dates=long_range(week.scheduled.starts, week.scheduled.ends),
        meeting=meeting_text(meeting, cohort.timezone) if meeting else None,
        meeting_day=WEEKDAY_NAMES[meeting.weekday()] if meeting else None,
        lead=cohort.lead,
        note=cohort.message if week.number == 1 else None,
    )


def short_range(first: date, last: date) -> str:
    """'Jan 25–31', 'Jan 29–Feb 4': the month once when both days share it."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{MONTHS[first.month - 1]} {first.day}–{last.day}"
    return f"{MONTHS[first.month - 1]} {first.day}–{MONTHS[last.month - 1]} {last.day}"


def long_range(first: date, last: date) -> str:
    """'Mon 25 Jan – Sun 31 Jan 2026'; both years when the week spans New Year."""
    start_year = f" {first.year}" if first.year != last.year else ""
    return f"{day_text(first)}{start_year} – {day_text(last)} {last.year}"


def day_text(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


def meeting_text(moment: datetime, timezone: str) -> str:
    """'Thu 28 Jan, 09:30 (Europe/Berlin)': local time, with the zone it is local to."""
    return f"{day_text(moment.date())}, {moment:%H:%M} ({timezone})"
