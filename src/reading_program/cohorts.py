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
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any
from zoneinfo import available_timezones

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator

from .problems import Problem
from .schedule import WEEKDAYS, Meeting, ScheduledWeek, plan_schedule, schedule_end
from .schema import SLUG_PATTERN, IsoDate, Slug, Text
from .source_files import read_source, yaml_files
from .strict_yaml import ParsedYaml, parse_yaml
from .validation import describe, validate

if TYPE_CHECKING:  # loader imports this module to load cohorts; import it only for types
    from .loader import ContentPaths

_SLUG = re.compile(SLUG_PATTERN)
_MEETING = re.compile(r"^(?P<day>[A-Za-z]+)\s+(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})$")
_DAY_NAMES = {
    name: index
    for index, full in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())
    for name in (full, full[:3])
}
_MEETING_EXAMPLE = "a weekday and a 24-hour time, e.g. 'Thu 09:30'"


def parse_meeting(value: Any) -> Meeting | None:
    """'Thu 09:30' or 'thursday 9:30' as a Meeting; a ValueError says what is expected."""
    if value is None or isinstance(value, Meeting):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected {_MEETING_EXAMPLE}, got {describe(value)}")
    match = _MEETING.match(value.strip())
    if not match:
        raise ValueError(f"expected {_MEETING_EXAMPLE}, got {value!r}")
    day = _DAY_NAMES.get(match["day"].lower())
    if day is None:
        raise ValueError(f"unknown weekday {match['day']!r}; use one of {', '.join(WEEKDAYS)}")
    hour, minute = int(match["hour"]), int(match["minute"])
    if hour > 23 or minute > 59:
        raise ValueError(f"{value.strip()!r} is not a time of day: use 00:00 to 23:59")
    return Meeting(day, dt.time(hour, minute))


@cache  # the zone list is read from disk; it does not change while we run
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def _known_zone(name: str) -> str:
    # Checked against the list rather than by opening ZoneInfo(name): "Europe" is a
    # folder and "../x" a path, and both should read as "unknown", not as an OSError.
    if name in _zones():
        return name
    by_case = {zone.casefold(): zone for zone in _zones()}
    close = difflib.get_close_matches(name, sorted(_zones()), n=1)
    example = by_case.get(name.casefold()) or (close[0] if close else "Europe/Berlin")
    raise ValueError(f"unknown time zone {name!r}; e.g. {example}")


def _unique_dates(days: list[dt.date]) -> list[dt.date]:
    duplicates = sorted({day for day in days if days.count(day) > 1})
    if duplicates:
        raise ValueError(f"lists {', '.join(map(str, duplicates))} more than once")
    return days


# Not strict: strict_yaml leaves dates as text, quoted or not, and pydantic parses them.
class CohortFile(BaseModel):
    """`content/cohorts/<cohort-id>.yml`."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    team: Text
    track: Slug
    start: IsoDate
    meeting: Annotated[Meeting | None, PlainValidator(parse_meeting)] = None
    timezone: Annotated[Text, AfterValidator(_known_zone)] = "UTC"
    skip: Annotated[list[IsoDate], AfterValidator(_unique_dates)] = Field(default_factory=list)
    lead: Text | None = None
    message: Text | None = None


@dataclass(frozen=True)
class Cohort:
    id: str  # the file name without extension
    source_path: str  # relative to the repository
    team: str
    track_id: str
    start: dt.date
    meeting: Meeting | None
    timezone: str
    skip: tuple[dt.date, ...]
    lead: str | None = None
    message: str | None = None

    def schedule(self, weeks: int) -> tuple[ScheduledWeek, ...]:
        """The reading weeks of a track with `weeks` weeks, for this cohort."""
        return plan_schedule(self.start, weeks, self.skip, self.meeting, self.timezone)


def cohorts_folder(paths: ContentPaths) -> Path:
    return paths.root / "content" / "cohorts"


def load_cohorts(
    paths: ContentPaths, track_weeks: dict[str, int], problems: list[Problem]
) -> list[Cohort]:
    """Load every cohort file, appending what is wrong to `problems`.

    `track_weeks` maps each loaded track's id to its number of weeks. A track whose file
    exists but did not load is not reported as unknown: its own problems say why.
    """
    unloaded = frozenset(file.stem for file in yaml_files(paths.tracks)) - set(track_weeks)
    cohorts: list[Cohort] = []
    seen: dict[str, str] = {}  # id -> file, so that a.yml and a.yaml are reported
    for file in yaml_files(cohorts_folder(paths)):
        display = paths.display(file)
        if not _SLUG.match(file.stem):
            message = f"file name {file.name!r} is not a slug: the name is the cohort's id"
            problems.append(Problem(display, None, "", message))
            continue
        if file.stem in seen:
            first = seen[file.stem]
            message = f"two cohort files have the id {file.stem!r}: {first} and {display}"
            problems.append(Problem(display, None, "", f"{message}; rename one"))
            continue
        seen[file.stem] = display
        cohort = _load_cohort(file, display, track_weeks, unloaded, problems)
        if cohort is not None:
            cohorts.append(cohort)
    return cohorts


def _load_cohort(
    file: Path,
    display: str,
    track_weeks: dict[str, int],
    unloaded: frozenset[str],
    problems: list[Problem],
) -> Cohort | None:
    source = read_source(file, display)
    if source.problem:
        problems.append(source.problem)
        return None
    cohort = cohort_from_text(source.text, file.stem, display, track_weeks, unloaded)
    if isinstance(cohort, list):
        problems.extend(cohort)
        return None
    return cohort


def cohort_from_text(
    text: str,
    cohort_id: str,
    display: str,
    track_weeks: dict[str, int],
    unloaded: frozenset[str] = frozenset(),
) -> Cohort | list[Problem] | None:
    """Validate a cohort file's text; None when its track failed to load (the track file's
    own problems are reported, and checks here would only guess)."""
    parsed = parse_yaml(text)
    spec = validate(CohortFile, parsed, display, "a cohort file")
    if isinstance(spec, list):
        return spec
    if spec.track in unloaded:
        return None
    found = _check_track(spec, parsed, display, track_weeks) or _check_skip(
        spec, parsed, display, track_weeks[spec.track]
    )
    if found:
        return found
    return Cohort(
        id=cohort_id,
        source_path=display,
        team=spec.team,
        track_id=spec.track,
        start=spec.start,
        meeting=spec.meeting,
        timezone=spec.timezone,
        skip=tuple(sorted(spec.skip)),
        lead=spec.lead,
        message=spec.message,
    )


def _check_track(
    spec: CohortFile, parsed: ParsedYaml, display: str, track_weeks: dict[str, int]
) -> list[Problem]:
    if spec.track in track_weeks:
        return []
    known = ", ".join(sorted(track_weeks)) or "none yet (add one in content/tracks/)"
    message = f"no track has the id {spec.track!r}; known tracks: {known}"
    return [Problem(display, parsed.line_of(("track",), 1), "track", message)]


def _check_skip(spec: CohortFile, parsed: ParsedYaml, display: str, weeks: int) -> list[Problem]:
    """Every skip date must fall inside the schedule; one outside it would do nothing,
    which is almost always a typo in the year or month."""
    last = schedule_end(spec.start, weeks, spec.skip)
    return [
        Problem(display, parsed.line_of(("skip", index), 1), f"skip[{index}]", message)
        for index, message in _outside(spec.skip, spec.start, last)
    ]


def _outside(skip: Iterable[dt.date], first: dt.date, last: dt.date) -> list[tuple[int, str]]:
    found = []
    for index, day in enumerate(skip):
        if day < first:
            found.append((index, f"{day} is before the cohort starts ({first}); remove it"))
        elif day > last:
            message = f"{day} is after the last reading week ends ({last}); remove it"
            found.append((index, message))
    return found
