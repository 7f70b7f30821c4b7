"""The weekly message a cohort's lead sends: what to read, when to meet, what to ask.

Plain text, so it pastes into any mail or chat tool. A message comes in three levels of
detail: `full` (readings with links, the week's prompts), `short` (reading titles, no links
or prompts) and `minimal` (the week, its dates and its page), for places that take only so
much text, such as a `mailto:` link.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..model import Cohort, ScheduledWeek
from .calendar import CalendarWeek, calendar_week
from .dates import WEEKDAY_NAMES, day_text, long_range, meeting_text, short_range
from .templating import render_html, render_text

Detail = Literal["full", "short", "minimal"]
DETAILS: tuple[Detail, ...] = ("full", "short", "minimal")
# The week before a break says so. The plan form gets these as data (browser_data/plan_form.py), so
# the browser says it in these words too.
BREAK_NOTES = {
    "one": "No reading next week: {reason}; week {number} starts {day}.",
    "many": "No reading for the next {count} weeks: {reason}; week {number} starts {day}.",
}
UNNAMED_BREAK = "a break"


@dataclass(frozen=True)
class Message:
    subject: str
    body: str  # plain text
    html: str = ""  # the same message as an HTML document, for e-mail


def week_message(
    cohort: Cohort,
    scheduled: ScheduledWeek,
    site_url: str,
    detail: Detail = "full",
    *,
    published: bool = True,
) -> Message:
    """The message for one scheduled week of `cohort` (`published`: it has a page, and its
    links name it; see calendar_week).

    The lead's personal `message` note is shown in week 1 only: it is a welcome, and
    repeating it every week would bury it.
    """
    week = calendar_week(cohort, scheduled, site_url, published=published)
    subject = message_subject(cohort, week)
    fields = message_fields(cohort, week)
    return Message(
        subject=subject,
        # Plain text: the text environment does not HTML-escape ("&" stays "&").
        body=render_text("message.txt.j2", detail=detail, **fields),
        # Only the full message goes out as e-mail; shorter ones are for mailto: links.
        html=render_html("message.html.j2", subject=subject, **fields) if detail == "full" else "",
    )


def message_subject(cohort: Cohort, week: CalendarWeek) -> str:
    dates = short_range(week.scheduled.starts, week.scheduled.ends)
    subject = f"{cohort.team} · {cohort.track.title}, week {week.number} ({dates}): {week.theme}"
    # A subject is one header line: no line break may start another.
    return " ".join(subject.split())


def break_note(cohort: Cohort, scheduled: ScheduledWeek) -> str | None:
    """The week before a break says so: "No reading next week: the sales kick-off; week 4
    starts Mon 8 Feb.", or None when
    the next reading week follows straight on."""
    breaks = cohort.breaks_after(scheduled)
    following = cohort.week_after(scheduled)
    if not breaks or following is None:
        return None
    reasons = dict.fromkeys(b.reason for b in breaks if b.reason)
    return BREAK_NOTES["one" if len(breaks) == 1 else "many"].format(
        reason="; ".join(reasons) or UNNAMED_BREAK,
        number=following.number,
        day=day_text(following.starts),
        count=len(breaks),
    )


def message_fields(cohort: Cohort, week: CalendarWeek) -> dict[str, object]:
    meeting = week.scheduled.meeting
    return {
        "break_note": break_note(cohort, week.scheduled),
        "team": cohort.team,
        "track_title": cohort.track.title,
        "week": week,
        "dates": long_range(week.scheduled.starts, week.scheduled.ends),
        "meeting": meeting_text(meeting, cohort.timezone) if meeting else None,
        "meeting_day": WEEKDAY_NAMES[meeting.weekday()] if meeting else None,
        "lead": cohort.lead,
        "note": cohort.message if week.number == 1 else None,
    }
