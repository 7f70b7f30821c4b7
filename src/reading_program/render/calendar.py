"""A cohort's reading weeks as an iCalendar feed (RFC 5545) to subscribe to, and as a file
to download with a reminder (VALARM) on each week: calendar services ignore alarms in a
subscribed feed, so only the download carries them.

One event per reading week: at the meeting time when the cohort meets, otherwise an
all-day event on the week's first day. The feed is deterministic, so republishing the
same content gives the same bytes, and each week keeps its UID, so calendar apps update
an event when a week moves instead of adding a second one.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event, vDuration, vText

from ..model import Cohort, ScheduledWeek
from .cohort_weeks import AnnouncedWeek, announced_weeks

PRODID = "-//Reading Program//Cohort calendar//EN"
MEETING_LENGTH = timedelta(minutes=60)
UID_DOMAIN = "reading-program"  # every UID ends @reading-program, the browser's files' too
# A week's reminder: when its event starts (the meeting, or a reader's own reading time),
# or at 09:00 on the first day of an all-day week, in the calendar's own time zone.
REMINDER_AT_START = timedelta(0)
REMINDER_ALL_DAY = timedelta(hours=9)


def reminder_triggers() -> dict[str, str]:
    """The TRIGGER values as iCalendar writes them, for the browser's calendar writer
    (rp/ical.js, through the plan data): one rule, written once."""
    return {
        "timed": vDuration(REMINDER_AT_START).to_ical().decode(),
        "all_day": vDuration(REMINDER_ALL_DAY).to_ical().decode(),
    }


def cohort_calendar(cohort: Cohort, site_url: str, *, reminders: bool = False) -> bytes:
    """The cohort's feed as iCalendar bytes (CRLF line endings, folded lines); with
    `reminders`, the file to download, each week's event with its alarm."""
    track_title = cohort.track.title
    calendar = Calendar.new(
        prodid=PRODID,
        uid=f"{cohort.id}@{UID_DOMAIN}",  # Calendar.new picks a random UID otherwise
        url=site_url,
    )
    _add_text(calendar, "NAME", "X-WR-CALNAME", calendar_name(cohort.team, track_title))
    _add_text(calendar, "DESCRIPTION", "X-WR-CALDESC", f"{cohort.team} reads {track_title}.")
    for week in announced_weeks(cohort, site_url):
        event = _event(cohort, week)
        if reminders:
            event.add_component(reminder(event))
        calendar.add_component(event)
    if cohort.schedule:
        first, last = cohort.schedule[0].starts, cohort.schedule[-1].ends
        # Transitions for the years the feed covers only, not 1970-2038.
        calendar.add_missing_timezones(date(first.year, 1, 1), date(last.year + 1, 1, 1))
    return calendar.to_ical()


def _add_text(calendar: Calendar, name: str, legacy_name: str, value: str) -> None:
    """Set an RFC 7986 text property and the X-WR- one older clients read instead.

    `Calendar.add` writes a plain str verbatim for NAME and X- properties, so a comma,
    semicolon or newline in a team name would break the line; as vText they are escaped
    like any TEXT value.
    """
    for prop in (name, legacy_name):
        calendar.add(prop, vText(value))


def revision_stamp(cohort: Cohort, scheduled: ScheduledWeek) -> datetime:
    """DTSTAMP and LAST-MODIFIED: when the week's event was recorded (`reading-program
    assign` or `update`). Never "now": the same content gives the same bytes, so static
    hosts, caches and diffs see only real changes. A cohort that never recorded one has
    the stamp it always had, midnight UTC of its start."""
    return scheduled.revised or datetime.combine(cohort.start, time(0), tzinfo=UTC)


def _event(cohort: Cohort, week: AnnouncedWeek) -> Event:
    meeting = week.scheduled.meeting
    stamp = revision_stamp(cohort, week.scheduled)
    # RFC 5546: a client keeps the event with the higher SEQUENCE, then the later DTSTAMP,
    # so a changed meeting time replaces the event it has instead of being ignored.
    event = Event.new(
        uid=event_uid(cohort.id, week.number),
        stamp=stamp,
        last_modified=stamp,
        sequence=week.scheduled.sequence,
        summary=event_summary(week, cohort.track.title),
        description=event_description(week),
        url=week.url,
    )
    if meeting is not None:
        event.start, event.end = meeting, meeting + MEETING_LENGTH
    else:
        event.start = week.scheduled.starts
        event.end = week.scheduled.starts + timedelta(days=1)
        event.add("transp", "TRANSPARENT")  # a reading reminder, not a busy day
    return event


def reminder(event: Event) -> Alarm:
    """A display alarm that says the event's summary: at its start, or at 09:00 on the
    day of an all-day event (RFC 5545: relative to DTSTART)."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    timed = isinstance(event.start, datetime)
    alarm.add("trigger", REMINDER_AT_START if timed else REMINDER_ALL_DAY)
    alarm.add("description", event["SUMMARY"])
    return alarm


def calendar_name(team: str, track_title: str) -> str:
    return f"{team} · {track_title}"


def event_summary(week: AnnouncedWeek, track_title: str) -> str:
    return f"Week {week.number}: {week.theme} — {track_title}"


def event_uid(cohort_id: str, number: int) -> str:
    return f"{cohort_id}-week-{number}@{UID_DOMAIN}"


def event_description(week: AnnouncedWeek) -> str:
    readings = [f"- {r.title} ({r.minutes} min): {r.url}" for r in week.readings]
    prompts = [f"- {prompt}" for prompt in week.prompts]
    parts = [
        *([week.intro, ""] if week.intro else []),
        f"Readings ({week.minutes} min in all):",
        *readings,
        "",
        "Prompts:",
        *prompts,
        "",
        f"Week page: {week.url}",
    ]
    return "\n".join(parts)
