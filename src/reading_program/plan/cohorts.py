"""Cohorts: a team reading a track together, from `content/cohorts/<cohort-id>.yml`.

```yaml
team: "Sales East"
track: six-week-leadership
start: 2026-01-12
meeting: "Thu 09:30"          # optional: weekday and 24-hour time, in `timezone`
timezone: "Europe/Berlin"     # optional, IANA name; UTC if not given
skip: [2026-02-16]            # optional: the week holding each date is a break
lead: "Maria Rossi"           # optional
message: "Welcome aboard!"    # optional: the lead's note in the first week's message
members: ["Sam", "Alex"]      # optional: names only (the page is published)
assigned: ...                 # written by `reading-program assign` and `update`
```

A cohort holds steady while the site changes: the readings it was given are recorded in
the file by the command line (the build never writes into content/), and the build keeps
them, saying in one note what the track has changed since and which command takes the new
plan. A file without a record follows the track as it is. The record also numbers the
revisions of the cohort's calendar events, so calendars take a changed meeting as an
update of the same event. The dated schedule is computed here, once, into the cohort.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..load.loader import Loaded
from ..load.problems import Problems, closest
from ..load.specs import AssignedSpec, CohortFile
from ..model import Article, Break, Cohort, Meeting, ScheduledWeek, Track, Week
from .schedule import plan_breaks, plan_schedule, schedule_end


def build_cohort(
    loaded: Loaded[CohortFile],
    tracks: Sequence[Track],
    unloaded_tracks: frozenset[str],
    problems: Problems,
    articles: Sequence[Article] = (),
    *,
    take_plan: bool = False,
) -> Cohort | None:
    """The cohort with its schedule. A track whose file did not load is not reported as
    unknown (its own problems say why), and the cohort waits for it: an empty list.
    `articles`: every article, to find recorded readings no track lists any more (without
    them, the articles in tracks). `take_plan`: read the track as it is now, whatever was
    recorded (`reading-program update --take-plan`)."""
    spec = loaded.spec
    before = len(problems)
    report = problems.in_file(loaded)
    track = next((t for t in tracks if t.id == spec.track), None)
    if track is None:
        if spec.track not in unloaded_tracks:
            report(("track",), _unknown_track(spec.track, tracks))
        return None
    record = None if take_plan else spec.assigned
    if record is None:
        weeks, notes = track.weeks, _unrecorded_note(loaded, take_plan)
    else:
        weeks = _recorded_weeks(loaded, record, track, _by_slug(articles, tracks), report)
        if len(problems) > before:
            return None
        notes = _track_changes(loaded.id, weeks, track)
    skip_days = [skip.date for skip in spec.skip]
    last_day = schedule_end(spec.start, len(weeks), skip_days)
    for index, day in enumerate(skip_days):
        if day < spec.start:
            report(("skip", index), f"{day} is before the cohort starts ({spec.start}): remove it")
        elif day > last_day:
            message = f"{day} is after the last reading week ends ({last_day}): remove it"
            report(("skip", index), message)
    if len(problems) > before:
        return None
    meeting = Meeting(spec.meeting.weekday, spec.meeting.time) if spec.meeting else None
    schedule = plan_schedule(spec.start, weeks, skip_days, meeting, spec.timezone)
    revised = revise(schedule, spec.assigned)
    return Cohort(
        id=loaded.id,
        repo_path=loaded.repo_path,
        team=spec.team,
        track=track,
        start=spec.start,
        meeting=meeting,
        timezone=spec.timezone,
        skip=tuple(sorted(skip_days)),
        schedule=revised.schedule,
        lead=spec.lead,
        message=spec.message,
        breaks=_breaks(spec, len(weeks)),
        members=tuple(spec.members),
        notes=(*notes, *_calendar_note(loaded.id, revised)),
    )


# ---- the record --------------------------------------------------------------------------


@dataclass(frozen=True)
class Assignment:
    """What `reading-program` records in a cohort file (its `assigned:` field)."""

    at: dt.datetime  # aware, UTC
    sequence: int
    weeks: tuple[tuple[dt.date, tuple[str, ...]], ...]  # (event time, reading slugs)


def event_time(scheduled: ScheduledWeek) -> dt.date:
    """The week's calendar event: its meeting (aware), or its first day."""
    return scheduled.meeting or scheduled.starts


def assignment(
    cohort: Cohort, previous: AssignedSpec | None, at: dt.datetime, *, replacing: bool
) -> Assignment | None:
    """The record of what `cohort` gives its team now, or None when it is what `previous`
    recorded. Its sequence goes up whenever something changed, so calendars that got an
    earlier revision take this one; a file that had no record (`replacing`) may have been
    published with sequence 0, so its first record is 1."""
    weeks = tuple(
        (event_time(week), tuple(article.slug for article in week.week.readings))
        for week in cohort.schedule
    )
    if previous is None:
        return Assignment(at, 1 if replacing else 0, weeks)
    recorded = tuple((week.when, tuple(week.readings)) for week in previous.weeks)
    if len(recorded) == len(weeks) and all(
        _same_time(old, new) and old_readings == new_readings
        for (old, old_readings), (new, new_readings) in zip(recorded, weeks, strict=True)
    ):
        return None
    return Assignment(at, previous.sequence + 1, weeks)


@dataclass(frozen=True)
class Revised:
    schedule: tuple[ScheduledWeek, ...]
    moved: tuple[tuple[ScheduledWeek, dt.date | None], ...]  # changed since recorded, and from


def revise(schedule: tuple[ScheduledWeek, ...], record: AssignedSpec | None) -> Revised:
    """Each week's event revision. As recorded when its time is the recorded one; one more
    when it changed since (a hand edit), so calendars still take it as an update."""
    if record is None:
        return Revised(schedule, ())
    weeks, moved = [], []
    for index, scheduled in enumerate(schedule):
        was = record.weeks[index].when if index < len(record.weeks) else None
        same = was is not None and _same_time(was, event_time(scheduled))
        weeks.append(replace(scheduled, sequence=record.sequence + (not same), revised=record.at))
        if not same:
            moved.append((scheduled, was))
    return Revised(tuple(weeks), tuple(moved))


def _same_time(recorded: dt.date, now: dt.date) -> bool:
    if isinstance(recorded, dt.datetime) != isinstance(now, dt.datetime):
        return False
    return recorded == now  # aware datetimes compare as instants


def _recorded_weeks(
    loaded: Loaded[CohortFile],
    record: AssignedSpec,
    track: Track,
    articles: dict[str, Article],
    report,
) -> tuple[Week, ...]:
    update = f"`reading-program update {loaded.id} --take-plan`"
    if len(record.weeks) > len(track.weeks):
        report(
            ("assigned", "weeks"),
            f"this team was given {len(record.weeks)} weeks, but the track now has "
            f"{len(track.weeks)}: run {update} to take the track as it is now",
        )
        return ()
    weeks = []
    for index, recorded in enumerate(record.weeks):
        readings = []
        for position, slug in enumerate(recorded.readings):
            if slug in articles:
                readings.append(articles[slug])
                continue
            close = closest(slug, articles)
            hint = f" (did you mean {close!r}?)" if close else ""
            report(
                ("assigned", "weeks", index, "readings", position),
                f"no article has the id {slug!r} any more{hint}: write its new id here, "
                f"or run {update} to take the track's readings as they are now",
            )
        weeks.append(replace(track.weeks[index], readings=tuple(readings)))
    return tuple(weeks)


def _by_slug(articles: Sequence[Article], tracks: Sequence[Track]) -> dict[str, Article]:
    if articles:
        return {article.slug: article for article in articles}
    return {a.slug: a for track in tracks for week in track.weeks for a in week.readings}


def _track_changes(cohort_id: str, weeks: Sequence[Week], track: Track) -> tuple[str, ...]:
    """One line saying how the track's readings differ from this cohort's, if they do."""
    changes = []
    for kept, now in zip(weeks, track.weeks, strict=False):
        kept_slugs = {article.slug for article in kept.readings}
        added = [a.title for a in now.readings if a.slug not in kept_slugs]
        current = {article.slug for article in now.readings}
        removed = [a.title for a in kept.readings if a.slug not in current]
        parts = [f"now also lists {_titles(added)}"] if added else []
        parts += [f"no longer lists {_titles(removed)}"] if removed else []
        if parts:
            changes.append(f"week {now.number} {' and '.join(parts)}")
    if len(track.weeks) > len(weeks):
        changes.append(f"it now has {len(track.weeks)} weeks, not {len(weeks)}")
    if not changes:
        return ()
    return (
        f"the track's {'; '.join(changes)}; this cohort keeps its readings: run "
        f"`reading-program update {cohort_id} --take-plan` to take the new plan",
    )


def _titles(titles: list[str]) -> str:
    quoted = [f"“{title}”" for title in titles]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"


def _unrecorded_note(loaded: Loaded[CohortFile], take_plan: bool) -> tuple[str, ...]:
    if take_plan:
        return ()
    return (
        "no readings recorded, so this cohort follows the track as it changes: run "
        f"`reading-program update {loaded.id}` to keep the readings it has now",
    )


def _calendar_note(cohort_id: str, revised: Revised) -> tuple[str, ...]:
    if not revised.moved:
        return ()
    numbers = ", ".join(str(scheduled.number) for scheduled, _ in revised.moved)
    first, was = revised.moved[0]
    detail = f" (week {first.number}: {_when_text(was)} → {_when_text(event_time(first))})"
    return (
        f"the calendar events of week{'s' if len(revised.moved) > 1 else ''} {numbers} "
        f"changed since they were recorded{detail if was else ''}; calendars take them as "
        f"updates: run `reading-program update {cohort_id}` to record them",
    )


def _when_text(when: dt.date | None) -> str:
    """ISO 8601, as the record writes it: a note is read beside the file."""
    if isinstance(when, dt.datetime):
        return when.isoformat(timespec="minutes")
    return when.isoformat() if when else "none"


def _breaks(spec: CohortFile, weeks: int) -> tuple[Break, ...]:
    spans = plan_breaks(spec.start, weeks, [skip.date for skip in spec.skip])
    return tuple(
        replace(
            span,
            reason=next(
                (s.reason for s in spec.skip if s.reason and span.starts <= s.date <= span.ends),
                None,
            ),
        )
        for span in spans
    )


def _unknown_track(track_id: str, tracks: Sequence[Track]) -> str:
    known = [t.id for t in tracks]
    close = closest(track_id, known)
    if close:
        return f"no track has the id {track_id!r}; did you mean {close!r}?"
    listing = ", ".join(known) or "none yet (add one in content/tracks/)"
    return f"no track has the id {track_id!r}; known tracks: {listing}"
