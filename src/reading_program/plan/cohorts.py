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
```

The dated schedule is computed here, once, into the cohort.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..content.loader import Loaded
from ..content.problems import Problem, closest
from ..content.specs import CohortFile
from ..content.strict_yaml import Location
from ..model import Cohort, Meeting, Track
from .schedule import plan_schedule, schedule_end


def build_cohort(
    loaded: Loaded[CohortFile], tracks: Sequence[Track], unloaded_tracks: frozenset[str]
) -> Cohort | list[Problem]:
    """The cohort with its schedule. A track whose file did not load is not reported as
    unknown (its own problems say why), and the cohort waits for it: an empty list."""
    spec = loaded.spec
    problems: list[Problem] = []

    def problem(location: Location, message: str) -> None:
        problems.append(loaded.problem(location, message))

    track = next((t for t in tracks if t.id == spec.track), None)
    if track is None:
        if spec.track not in unloaded_tracks:
            problem(("track",), _unknown_track(spec.track, tracks))
        return problems
    last_day = schedule_end(spec.start, len(track.weeks), spec.skip)
    for index, day in enumerate(spec.skip):
        if day < spec.start:
            problem(("skip", index), f"{day} is before the cohort starts ({spec.start}): remove it")
        elif day > last_day:
            message = f"{day} is after the last reading week ends ({last_day}): remove it"
            problem(("skip", index), message)
    if problems:
        return problems
    meeting = Meeting(spec.meeting.weekday, spec.meeting.time) if spec.meeting else None
    skip = tuple(sorted(spec.skip))
    return Cohort(
        id=loaded.id,
        repo_path=loaded.repo_path,
        team=spec.team,
        track=track,
        start=spec.start,
        meeting=meeting,
        timezone=spec.timezone,
        skip=skip,
        schedule=plan_schedule(spec.start, track.weeks, skip, meeting, spec.timezone),
        lead=spec.lead,
        message=spec.message,
    )


def _unknown_track(track_id: str, tracks: Sequence[Track]) -> str:
    known = [t.id for t in tracks]
    close = closest(track_id, known)
    if close:
        return f"no track has the id {track_id!r}; did you mean {close!r}?"
    listing = ", ".join(known) or "none yet (add one in content/tracks/)"
    return f"no track has the id {track_id!r}; known tracks: {listing}"
