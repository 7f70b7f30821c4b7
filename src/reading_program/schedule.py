"""When a cohort reads each week of its track, and when it meets.

Week 1 starts on the cohort's start date, whatever the weekday, and every week is seven
days from its first day. A skip date (a holiday, an offsite) turns the whole week it falls
in into a break: nobody reads that week, and the track's remaining weeks move back by
seven days. Meetings keep their wall-clock time in the cohort's time zone, so a 09:30
meeting stays at 09:30 local time across daylight-saving changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Meeting:
    """A weekly meeting: `weekday` as in `date.weekday()` (0 is Monday), local `time`."""

    weekday: int
    time: time

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), got {self.weekday}")

    def __str__(self) -> str:
        return f"{WEEKDAYS[self.weekday]} {self.time:%H:%M}"


@dataclass(frozen=True)
class ScheduledWeek:
    """One reading week: the track's week `number`, its seven days and its meeting."""

    number: int
    starts: date
    ends: date  # inclusive: starts + 6 days
    meeting: datetime | None = None  # aware, in the cohort's time zone

    def __contains__(self, day: object) -> bool:
        if isinstance(day, datetime):  # a datetime is a date, but does not compare with one
            day = day.date()
        return isinstance(day, date) and self.starts <= day <= self.ends


def plan_schedule(
    start: date,
    weeks: int,
    skip: Iterable[date] = (),
    meeting: Meeting | None = None,
    timezone: str = "UTC",
) -> tuple[ScheduledWeek, ...]:
    """The dates of a track's `weeks` reading weeks, starting on `start`."""
    if weeks < 0:
        raise ValueError(f"a track has at least 0 weeks, got {weeks}")
    zone = ZoneInfo(timezone)
    skipped = sorted(set(skip))
    planned: list[ScheduledWeek] = []
    starts = start
    # Terminates: each skip date can turn at most one seven-day span into a break.
    while len(planned) < weeks:
        ends = starts + timedelta(days=6)
        if not any(starts <= day <= ends for day in skipped):
            held = _meeting_time(starts, meeting, zone) if meeting else None
            planned.append(ScheduledWeek(len(planned) + 1, starts, ends, held))
        starts += _WEEK
    return tuple(planned)


def schedule_end(start: date, weeks: int, skip: Iterable[date] = ()) -> date:
    """The last day of the last reading week (breaks included in between)."""
    planned = plan_schedule(start, weeks, skip)
    return planned[-1].ends if planned else start


def _meeting_time(week_start: date, meeting: Meeting, zone: ZoneInfo) -> datetime:
    """The meeting's weekday on or after the week's first day, at its local time."""
    day = week_start + timedelta(days=(meeting.weekday - week_start.weekday()) % 7)
    local = datetime.combine(day, meeting.time, tzinfo=zone)
    # A time that the clocks skip (02:30 on a spring-forward night) does not exist;
    # a round trip through UTC names the instant that is actually meant (03:30).
    return local.astimezone(UTC).astimezone(zone)
