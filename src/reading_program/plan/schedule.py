"""When a cohort reads each week of its track, and when it meets.

Week 1 starts on the cohort's start date, whatever the weekday, and every week is seven
days from its first day. A skip date (a holiday, an offsite) turns the whole week it falls
in into a break: nobody reads that week, and the track's remaining weeks move back by
seven days. Meetings keep their wall-clock time in the cohort's time zone, so a 09:30
meeting stays at 09:30 local time across daylight-saving changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from ..model import Break, Meeting, ScheduledWeek, Week

_WEEK = timedelta(days=7)


def plan_schedule(
    start: date,
    weeks: Sequence[Week],
    skip: Iterable[date] = (),
    meeting: Meeting | None = None,
    timezone: str = "UTC",
) -> tuple[ScheduledWeek, ...]:
    """The dates of the reading weeks of `weeks`, starting on `start`."""
    zone = ZoneInfo(timezone)
    skipped = sorted(set(skip))
    planned: list[ScheduledWeek] = []
    starts = start
    # Terminates: each skip date can turn at most one seven-day span into a break.
    while len(planned) < len(weeks):
        ends = starts + timedelta(days=6)
        if not any(starts <= day <= ends for day in skipped):
            held = _meeting_time(starts, meeting, zone) if meeting else None
            planned.append(ScheduledWeek(weeks[len(planned)], starts, ends, held))
        starts += _WEEK
    return tuple(planned)


def plan_breaks(start: date, weeks: int, skip: Iterable[date] = ()) -> tuple[Break, ...]:
    """The seven-day spans without reading among the first `weeks` reading weeks."""
    skipped = sorted(set(skip))
    breaks: list[Break] = []
    reading, starts = 0, start
    while reading < weeks:
        ends = starts + timedelta(days=6)
        if any(starts <= day <= ends for day in skipped):
            breaks.append(Break(starts, ends))
        else:
            reading += 1
        starts += _WEEK
    return tuple(breaks)


def schedule_end(start: date, weeks: int, skip: Iterable[date] = ()) -> date:
    """The last day of the last of `weeks` reading weeks (breaks included in between)."""
    skipped = sorted(set(skip))
    reading, starts, ends = 0, start, start
    while reading < weeks:
        ends = starts + timedelta(days=6)
        if not any(starts <= day <= ends for day in skipped):
            reading += 1
        starts += _WEEK
    return ends


def _meeting_time(week_start: date, meeting: Meeting, zone: ZoneInfo) -> datetime:
    """The meeting's weekday on or after the week's first day, at its local time."""
    day = week_start + timedelta(days=(meeting.weekday - week_start.weekday()) % 7)
    local = datetime.combine(day, meeting.time, tzinfo=zone)
    # A time that the clocks skip (02:30 on a spring-forward night) does not exist;
    # a round trip through UTC names the instant that is actually meant (03:30).
    return local.astimezone(UTC).astimezone(zone)
