"""A cohort's weeks as its page and its lead need them: dates, readings, meeting, message."""

from __future__ import annotations

from dataclasses import dataclass

from .cohorts import Cohort
from .messages import Message, long_range, meeting_text, week_message
from .models import Track, Week
from .schedule import ScheduledWeek


@dataclass(frozen=True)
class CohortWeek:
    scheduled: ScheduledWeek
    week: Week
    dates: str
    meeting: str | None
    message: Message


def cohort_weeks(cohort: Cohort, track: Track, site_url: str) -> tuple[CohortWeek, ...]:
    return tuple(
        CohortWeek(
            scheduled=scheduled,
            week=track.weeks[scheduled.number - 1],
            dates=long_range(scheduled.starts, scheduled.ends),
            meeting=meeting_text(scheduled.meeting, cohort.timezone) if scheduled.meeting else None,
            message=week_message(cohort, track, scheduled, site_url),
        )
        for scheduled in cohort.schedule(len(track.weeks))
    )
