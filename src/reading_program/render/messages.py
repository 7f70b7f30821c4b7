"""The weekly message a cohort's lead sends: what to read, when to meet, what to ask.

Plain text, so it pastes into any mail or chat tool; the same as an HTML document, for
e-mail (mail.py makes drafts of it); and as a `mailto:` link. Mail clients cut long links,
so a message too long for one is linked in shorter wording: `short` (reading titles, no
links or prompts) or `minimal` (the week, its dates and its page) instead of `full`
(readings with links, the week's prompts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote

from ..model import Cohort, ScheduledWeek
from .cohort_weeks import AnnouncedWeek, announced_weeks
from .dates import WEEKDAY_NAMES, day_text, short_range
from .templating import render_html, render_text

Detail = Literal["full", "short", "minimal"]
DETAILS: tuple[Detail, ...] = ("full", "short", "minimal")
# Mail clients and browsers cut longer mailto: links (Outlook near 2,000 characters).
MAILTO_LIMIT = 2000
# The week before a break says so. The plan form gets these as data (browser_data/plan_form.py), so
# the browser says it in these words too.
BREAK_NOTES = {
    "one": "No reading next week: {reason}; week {number} starts {day}.",
    "many": "No reading for the next {count} weeks: {reason}; week {number} starts {day}.",
}
UNNAMED_BREAK = "a break"


@dataclass(frozen=True)
class Message:
    """A week's message, rendered once for the cohort's page, its link and its draft."""

    week: AnnouncedWeek
    subject: str
    body: str  # plain text
    html: str  # the same message as an HTML document, for e-mail
    mailto: str  # as a mailto: link with no recipient, short enough for mail clients


def cohort_messages(cohort: Cohort, site_url: str) -> tuple[Message, ...]:
    """The message of each week of `cohort`'s schedule, in order."""
    return tuple(week_message(cohort, week) for week in announced_weeks(cohort, site_url))


def week_message(cohort: Cohort, week: AnnouncedWeek) -> Message:
    """The message for one week of `cohort`.

    The lead's personal `message` note is shown in week 1 only: it is a welcome, and
    repeating it every week would bury it.
    """
    subject = message_subject(cohort, week)
    fields = message_fields(cohort, week)
    # Plain text: the text environment does not HTML-escape ("&" stays "&").
    body = render_text("message.txt.j2", detail="full", **fields)
    return Message(
        week=week,
        subject=subject,
        body=body,
        html=render_html("message.html.j2", subject=subject, **fields),
        mailto=_mailto_href(subject, body, fields),
    )


def _mailto_href(subject: str, full: str, fields: dict[str, object]) -> str:
    """The full message as a link; when that is too long for mail clients, the first
    shorter wording that fits (rendered only then)."""
    href = ""
    for detail in DETAILS:
        body = full if detail == "full" else render_text("message.txt.j2", detail=detail, **fields)
        href = mailto(subject, body)
        if len(href) <= MAILTO_LIMIT:
            break
    return href  # even the minimal message may be long (a very long team name): still usable


def mailto(subject: str, body: str) -> str:
    """`mailto:?subject=...&body=...` (RFC 6068: UTF-8, percent-encoded; line breaks in
    the body are CRLF)."""
    body = body.replace("\n", "\r\n")
    return f"mailto:?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def message_subject(cohort: Cohort, week: AnnouncedWeek) -> str:
    dates = short_range(week.scheduled.starts, week.scheduled.ends)
    subject = f"{cohort.team} · {cohort.track.title}, week {week.number} ({dates}): {week.theme}"
    # A subject is one header line: no line break may start another.
    return " ".join(subject.split())


def break_note(cohort: Cohort, scheduled: ScheduledWeek) -> str | None:
    """The week before a break says so: "No reading next week: the sales kick-off; week 4
    starts Mon 8 Feb."; None when the next reading week follows straight on."""
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


def message_fields(cohort: Cohort, week: AnnouncedWeek) -> dict[str, object]:
    meeting = week.scheduled.meeting
    return {
        "break_note": break_note(cohort, week.scheduled),
        "team": cohort.team,
        "track_title": cohort.track.title,
        "week": week,
        "dates": week.dates,
        "meeting": week.meeting,
        "meeting_day": WEEKDAY_NAMES[meeting.weekday()] if meeting else None,
        "lead": cohort.lead,
        "note": cohort.message if week.number == 1 else None,
    }
