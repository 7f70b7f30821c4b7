"""A cohort's weeks as its page and its lead need them: dates, meeting, message."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Cohort, ScheduledWeek, Week
from .dates import long_range, meeting_text
from .messages import Message, week_message


@dataclass(frozen=True)
class CohortWeek:
    scheduled: ScheduledWeek
    dates: str
    meeting: str | None
    message: Message

    @property
    def week(self) -> Week:
        return self.scheduled.week


def cohort_weeks(cohort: Cohort, site_url: str) -> tuple[CohortWeek, ...]:
    return tuple(
        CohortWeek(
            scheduled=scheduled,
            dates=long_range(scheduled.starts, scheduled.ends),
            meeting=meeting_text(scheduled.meeting, cohort.timezone) if scheduled.meeting else None,
            message=week_message(cohort, scheduled, site_url),
        )
        for scheduled in cohort.schedule
    )
