"""When a cohort reads each week of its track, and when it meets.

Week 1 starts on the cohort's start date, whatever the weekday, and every week is seven
days from its first day. A skip date (a holiday, an offsite) turns the whole week it falls
in into a break: nobody reads that week, and the track's remaining weeks move back by
seven days. Meetings keep their wall-clock time in the cohort's time zone, so a 09:30
meeting stays at 09:30 local time across daylight-saving changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
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
    return tuple(
        ScheduledWeek(week, starts, ends, _meeting_time(starts, meeting, zone) if meeting else None)
        for week, (starts, ends) in zip(weeks, _reading_spans(start, len(weeks), skip), strict=True)
    )


def plan_breaks(start: date, weeks: int, skip: Iterable[date] = ()) -> tuple[Break, ...]:
    """The seven-day spans without reading among the first `weeks` reading weeks."""
    return tuple(
        Break(starts, ends) for starts, ends, reading in _spans(start, weeks, skip) if not reading
    )


def schedule_end(start: date, weeks: int, skip: Iterable[date] = ()) -> date:
    """The last day of the last of `weeks` reading weeks (breaks included in between)."""
    return max((ends for _, ends in _reading_spans(start, weeks, skip)), default=start)


def _reading_spans(start: date, weeks: int, skip: Iterable[date]) -> Iterator[tuple[date, date]]:
    return ((starts, ends) for starts, ends, reading in _spans(start, weeks, skip) if reading)


def _spans(start: date, weeks: int, skip: Iterable[date]) -> Iterator[tuple[date, date, bool]]:
    """Seven-day spans from `start` (first day, last day, whether it is a reading week),
    up to the `weeks`-th reading week: a span holding a skip date is a break."""
    skipped = sorted(set(skip))
    reading, starts = 0, start
    # Terminates: each skip date can turn at most one seven-day span into a break.
    while reading < weeks:
        ends = starts + timedelta(days=6)
        is_reading = not any(starts <= day <= ends for day in skipped)
        reading += is_reading
        yield starts, ends, is_reading
        starts += _WEEK


def _meeting_time(week_start: date, meeting: Meeting, zone: ZoneInfo) -> datetime:
    """The meeting's weekday on or after the week's first day, at its local time."""
    day = week_start + timedelta(days=(meeting.weekday - week_start.weekday()) % 7)
    local = datetime.combine(day, meeting.time, tzinfo=zone)
    # A time that the clocks skip (02:30 on a spring-forward night) does not exist;
    # a round trip through UTC names the instant that is actually meant (03:30).
    return local.astimezone(UTC).astimezone(zone)
