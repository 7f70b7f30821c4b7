"""A cohort's weeks as its page and its lead need them: dates, meeting, message, e-mail,
and the schedule as data for the browser."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import WEEKDAYS, Break, Cohort, ScheduledWeek, Week
from .dates import MONTHS, day_text, long_range, meeting_text
from .mail import mailto_href
from .messages import Message, week_message
from .urls import calendar_src, draft_src, page_url


@dataclass(frozen=True)
class CohortWeek:
    scheduled: ScheduledWeek
    dates: str
    meeting: str | None
    message: Message
    mailto: str  # the message as a mailto: link, short enough for mail clients
    draft_src: str  # the message as an .eml draft on the site

    @property
    def week(self) -> Week:
        return self.scheduled.week


def cohort_weeks(cohort: Cohort, site_url: str) -> tuple[CohortWeek, ...]:
    """Each scheduled week with its message, rendered once for the page, the mailto: link
    and the e-mail draft."""
    return tuple(_cohort_week(cohort, scheduled, site_url) for scheduled in cohort.schedule)


def _cohort_week(cohort: Cohort, scheduled: ScheduledWeek, site_url: str) -> CohortWeek:
    message = week_message(cohort, scheduled, site_url)
    return CohortWeek(
        scheduled=scheduled,
        dates=long_range(scheduled.starts, scheduled.ends),
        meeting=meeting_text(scheduled.meeting, cohort.timezone) if scheduled.meeting else None,
        message=message,
        mailto=mailto_href(cohort, scheduled, site_url, full=message),
        draft_src=draft_src(cohort, scheduled),
    )


def subscribe_href(cohort: Cohort, site_url: str) -> str | None:
    """The feed as a `webcal:` link, which calendar apps subscribe to (and so refresh);
    None when the site has no absolute address to name."""
    url = page_url(site_url, calendar_src(cohort))
    scheme, separator, rest = url.partition("://")
    return f"webcal://{rest}" if separator and scheme in {"http", "https"} else None


def break_text(pause: Break) -> str:
    """'Mon 1 Feb – Sun 7 Feb 2027 (the sales kick-off)'."""
    reason = f" ({pause.reason})" if pause.reason else ""
    return f"{long_range(pause.starts, pause.ends)}{reason}"


def cohort_data(cohort: Cohort) -> dict[str, Any]:
    """The schedule for the browser: where today falls (before the start, a reading week,
    a break, after the end) and the team progress table (its members: names only). Dates
    come written out, as the site writes them, so the browser formats none of the schedule
    itself."""
    return {
        "id": cohort.id,
        "team": cohort.team,
        "track": cohort.track.id,
        "members": list(cohort.members),
        "weekdays": list(WEEKDAYS),  # to write a check-in's day as the site writes days
        "months": list(MONTHS),
        # Check-ins count the track's readings as participants see them, which may have
        # changed since this cohort was given its own.
        "readings": [len(week.readings) for week in cohort.track.weeks],
        "weeks": [
            {
                "number": scheduled.number,
                "title": scheduled.week.title,
                "starts": scheduled.starts.isoformat(),
                "ends": scheduled.ends.isoformat(),
                "startsText": day_text(scheduled.starts),
                "endsText": day_text(scheduled.ends),
                "readings": len(scheduled.week.readings),
            }
            for scheduled in cohort.schedule
        ],
    }
