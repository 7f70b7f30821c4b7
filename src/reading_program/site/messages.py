"""The weekly message a cohort's lead sends: what to read, when to meet, what to ask.

Plain text, so it pastes into any mail or chat tool.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Cohort, ScheduledWeek
from .calendar import CalendarWeek, calendar_week
from .dates import WEEKDAY_NAMES, long_range, meeting_text, short_range
from .templating import render_text


@dataclass(frozen=True)
class Message:
    subject: str
    body: str


def week_message(cohort: Cohort, scheduled: ScheduledWeek, site_url: str) -> Message:
    """The message for one scheduled week of `cohort`.

    The lead's personal `message` note is shown in week 1 only: it is a welcome, and
    repeating it every week would bury it.
    """
    week = calendar_week(cohort, scheduled, site_url)
    return Message(subject=_subject(cohort, week), body=_body(cohort, week))


def _subject(cohort: Cohort, week: CalendarWeek) -> str:
    dates = short_range(week.scheduled.starts, week.scheduled.ends)
    subject = f"{cohort.team} · {cohort.track.title}, week {week.number} ({dates}): {week.theme}"
    # A subject is one header line: no line break may start another.
    return " ".join(subject.split())


def _body(cohort: Cohort, week: CalendarWeek) -> str:
    meeting = week.scheduled.meeting
    # Plain text: the text environment does not HTML-escape ("&" stays "&").
    return render_text(
        "message.txt.j2",
        team=cohort.team,
        track_title=cohort.track.title,
        week=week,
        dates=long_range(week.scheduled.starts, week.scheduled.ends),
        meeting=meeting_text(meeting, cohort.timezone) if meeting else None,
        meeting_day=WEEKDAY_NAMES[meeting.weekday()] if meeting else None,
        lead=cohort.lead,
        note=cohort.message if week.number == 1 else None,
    )
