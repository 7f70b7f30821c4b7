"""The shape of every content file, as pydantic models: what each file may say.

Models are strict (no silent coercion of numbers or booleans into text) and forbid unknown
keys, so a typo such as `tag:` is reported instead of ignored. Checks that need other files
(does the tag exist? the article?) belong to `plan/`, not here.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import re
from functools import cache
from typing import Annotated, Any, ClassVar, Literal, NamedTuple

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    RootModel,
    StringConstraints,
    WithJsonSchema,
)

from .problems import closest
from .slugs import SLUG_PATTERN

PLACEHOLDER = "TODO"  # `reading-program new` writes it; see loader.unfinished_parts
BODY_PLACEHOLDER = "Write the article here."
MAX_WEEKS = 52
# A sentence ends at . ! or ? before the end or a capitalised word; "vs. execution" does not.
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*(?:\s+(?=[\"“‘(]?[A-Z])|\s*$)")
_LINE_BREAKS = re.compile(r"[\n\r\v\f\x85\u2028\u2029]")
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # Unicode's Cc but the line break


def _no_control_characters(text: str) -> str:
    found = _CONTROL.search(text)
    if found:
        code = ord(found.group())
        raise ValueError(f"contains an invisible control character (U+{code:04X}); remove it")
    return text


def _one_line(text: str) -> str:
    if _LINE_BREAKS.search(text):
        raise ValueError("must be one line: remove the line break (or the | or > before it)")
    return text


_TEXT = (StringConstraints(strip_whitespace=True, min_length=1),)
# One line of text: titles, names, questions, labels. A line break would break the tables,
# headings and message subjects it is printed in.
Line = Annotated[
    str,
    *_TEXT,
    Field(max_length=300),
    AfterValidator(_one_line),
    AfterValidator(_no_control_characters),
]
LongLine = Annotated[
    str,
    *_TEXT,
    Field(max_length=1000),
    AfterValidator(_one_line),
    AfterValidator(_no_control_characters),
]
# Text that may run over several lines and paragraphs: intros, a lead's note.
Paragraphs = Annotated[str, *_TEXT, Field(max_length=4000), AfterValidator(_no_control_characters)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=100)]


def _not_the_tag_index(slug: str) -> str:
    if slug == "index":
        raise ValueError("'index' names the tag index page itself: choose another tag")
    return slug


# A tag is also the address of its page, /tags/<tag>/.
TagSlug = Annotated[Slug, AfterValidator(_not_the_tag_index)]


def iso_date(value: Any) -> dt.date:
    """Dates are written YYYY-MM-DD, nothing else: pydantic's lax parsing would read
    "0" or "1799625600" as Unix timestamps."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not ISO_DATE.match(value.strip()):
        raise ValueError("expected a date written YYYY-MM-DD, such as 2027-01-11")
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(
            f"{value.strip()} is not a day of the calendar (check month and day)"
        ) from None
    if not 1900 <= day.year <= 2200:
        raise ValueError(f"{day.isoformat()} is out of range: check the year")
    return day


IsoDate = Annotated[dt.date, PlainValidator(iso_date)]


def _at_most_two_sentences(summary: str) -> str:
    sentences = [part for part in _SENTENCE_END.split(summary) if part.strip()]
    if len(sentences) > 2:
        raise ValueError(f"must be one or two sentences, found {len(sentences)}: shorten it")
    return summary


def unique(items: list[Any]) -> list[Any]:
    duplicates = sorted({str(item) for item in items if items.count(item) > 1})
    if duplicates:
        raise ValueError(f"lists {', '.join(duplicates)} more than once: keep one")
    return items


def text_as_question(value: Any) -> Any:
    """A question is written as plain text, or as `{id: ..., text: ...}` to pin its id."""
    return {"text": value} if isinstance(value, str) else value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class QuestionSpec(_Strict):
    text: LongLine
    id: Slug | None = None


Question = Annotated[QuestionSpec, BeforeValidator(text_as_question)]
Tags = Annotated[list[TagSlug], Field(min_length=1, max_length=20), AfterValidator(unique)]


class ArticleFrontmatter(_Strict):
    """The frontmatter of `content/articles/<slug>.md`."""

    title: Line
    summary: Annotated[LongLine, AfterValidator(_at_most_two_sentences)]
    tags: Tags
    reflection: Annotated[list[Question], Field(min_length=3, max_length=20)]
    date: IsoDate | None = None
    level: Annotated[int, Field(ge=1, le=5)] | None = None  # 1 introductory ... 5 advanced
    author: Line | None = None
    source: Line | None = None
    # Shown by `mkdocs serve` with a banner, left out of published builds (load/drafts.py)
    draft: bool = False


class WeekSpec(_Strict):
    """One week of a track: its theme and the tags (or pinned articles) it reads.

    `assessment` invites participants to take the track's self-assessment this week
    (`before`) or to retake it and compare (`after`)."""

    title: Line
    intro: Paragraphs
    tags: Annotated[list[Slug], AfterValidator(unique)] = Field(default_factory=list)
    prompts: Annotated[list[Question], Field(min_length=1, max_length=20)]
    articles: Annotated[list[Slug], AfterValidator(unique)] = Field(default_factory=list)
    assessment: Literal["before", "after"] | None = None


class TrackFile(_Strict):
    """`content/tracks/<track-id>.yml` with its weeks listed."""

    title: Line
    summary: LongLine
    assessment: Slug | None = None
    weeks: Annotated[list[WeekSpec], Field(min_length=1, max_length=MAX_WEEKS)]


class SelectSpec(_Strict):
    """Which articles a planned track reads: any of `tags`, none of `exclude_tags`."""

    tags: Annotated[list[Slug], Field(min_length=1), AfterValidator(unique)]
    exclude_tags: Annotated[list[Slug], AfterValidator(unique)] = Field(default_factory=list)


class ThemeSpec(_Strict):
    """Optional wording for one week of a planned track; missing parts are derived."""

    title: Line | None = None
    intro: Paragraphs | None = None
    prompts: Annotated[list[Question], Field(max_length=20)] = Field(default_factory=list)


class PlannedTrackFile(_Strict):
    """A track planned from tags: the planner spreads the selected articles over `weeks`,
    keeping their order and balancing reading time around `minutes_per_week`."""

    title: Line
    summary: LongLine
    assessment: Slug | None = None
    select: SelectSpec
    weeks: Annotated[int, Field(ge=1, le=MAX_WEEKS)]
    minutes_per_week: Annotated[int, Field(ge=1, le=600)]
    themes: Annotated[list[ThemeSpec], Field(max_length=MAX_WEEKS)] = Field(default_factory=list)


class TagSpec(_Strict):
    title: Line
    description: LongLine


class TagsFile(RootModel[dict[TagSlug, TagSpec]]):
    """`content/tags.yml`: `slug: {title: ..., description: ...}` for every allowed tag."""

    model_config = ConfigDict(strict=True, frozen=True)
    item_noun: ClassVar[str] = "tag"  # what one entry is called in messages


class StatementSpec(_Strict):
    id: Slug
    aspect: Slug
    text: LongLine


class BandSpec(_Strict):
    """A range of total scores and the article's outcome it maps to."""

    outcome: Line
    heading: Line  # the outcome's heading in the article, linked from results
    min: int
    max: int
    summary: LongLine


def _unique_ids(statements: list[StatementSpec]) -> list[StatementSpec]:
    unique([statement.id for statement in statements])
    return statements


class AssessmentFile(_Strict):
    """`content/assessments/<id>.yml`: statements rated on a scale, and score bands."""

    title: Line
    intro: Paragraphs
    article: Slug
    scale: Annotated[list[Line], Field(min_length=2, max_length=10)]
    statements: Annotated[
        list[StatementSpec], Field(min_length=1, max_length=100), AfterValidator(_unique_ids)
    ]
    bands: Annotated[list[BandSpec], Field(min_length=1, max_length=20)]


# ---- cohorts ----------------------------------------------------------------------------

MEETING = re.compile(r"^(?P<day>[A-Za-z]+)\s+(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})$")
_DAY_NAMES = {
    name: index
    for index, full in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())
    for name in (full, full[:3])
}
MEETING_EXAMPLE = "a weekday and a 24-hour time, e.g. 'Thu 09:30'"


class MeetingSpec(NamedTuple):
    """A weekly meeting as written: `weekday` as in `date.weekday()` (0 is Monday)."""

    weekday: int
    time: dt.time


def parse_meeting(value: Any) -> MeetingSpec | None:
    """'Thu 09:30' or 'thursday 9:30'; a ValueError says what is expected."""
    if value is None or isinstance(value, MeetingSpec):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected {MEETING_EXAMPLE}")
    match = MEETING.match(value.strip())
    if not match:
        raise ValueError(f"expected {MEETING_EXAMPLE}, not {value.strip()!r}")
    day = _DAY_NAMES.get(match["day"].lower())
    if day is None:
        raise ValueError(
            f"{match['day']!r} is not a weekday: use Mon, Tue, Wed, Thu, Fri, Sat or Sun"
        )
    hour, minute = int(match["hour"]), int(match["minute"])
    if hour > 23 or minute > 59:
        raise ValueError(f"{value.strip()!r} is not a time of day: use 00:00 to 23:59")
    return MeetingSpec(day, dt.time(hour, minute))


@cache  # the list ships with tzdata and does not change while we run
def time_zones() -> frozenset[str]:
    """IANA time zone names, from the tzdata package: never the build machine's own
    `localtime`, nor tzdata's placeholder `Factory`."""
    names = importlib.resources.files("tzdata").joinpath("zones").read_text("utf-8").split()
    return frozenset(names) - {"Factory"}


def _known_zone(name: str) -> str:
    if name in time_zones():
        return name
    by_case = {zone.casefold(): zone for zone in time_zones()}
    example = by_case.get(name.casefold()) or closest(name, time_zones()) or "Europe/Berlin"
    raise ValueError(f"{name!r} is not an IANA time zone name; did you mean {example}?")


class SkipSpec(_Strict):
    """A break: the week holding `date` has no reading; `reason` is said in the messages."""

    date: IsoDate
    reason: Line | None = None


def _skip(value: Any) -> SkipSpec:
    """A skip is a date, or `{date: ..., reason: "the sales kick-off"}` to say why."""
    if isinstance(value, SkipSpec):
        return value
    if isinstance(value, dict):
        return SkipSpec.model_validate(value)
    return SkipSpec(date=iso_date(value))


_DATE_SCHEMA = {"type": "string", "pattern": ISO_DATE.pattern, "examples": ["2027-02-01"]}
Skip = Annotated[
    SkipSpec,
    PlainValidator(_skip),
    WithJsonSchema(
        {
            "anyOf": [
                _DATE_SCHEMA,
                {
                    "type": "object",
                    "properties": {"date": _DATE_SCHEMA, "reason": {"type": "string"}},
                    "required": ["date"],
                    "additionalProperties": False,
                },
            ],
            "description": "a date whose week is a break, or {date, reason}",
        }
    ),
]


def _one_skip_a_day(skips: list[SkipSpec]) -> list[SkipSpec]:
    unique([skip.date for skip in skips])
    return skips


_ADDRESS = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")


def _a_name_not_an_address(name: str) -> str:
    if "@" in name and _ADDRESS.search(name):
        raise ValueError(
            "looks like an e-mail address: list names only, as the team knows each other "
            "(the page is published; addresses go in `reading-program message --to`)"
        )
    return name


MemberName = Annotated[Line, Field(max_length=80), AfterValidator(_a_name_not_an_address)]


def _unique_names(names: list[str]) -> list[str]:
    unique([name.casefold() for name in names])
    return names


_INSTANT = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")
_WHEN = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2})?$")


def _instant(value: Any) -> dt.datetime:
    """A moment in UTC, written 2026-12-03T10:15:00Z (as `reading-program` writes it)."""
    if not isinstance(value, str) or not _INSTANT.match(value.strip()):
        raise ValueError("expected a moment in UTC written 2026-12-03T10:15:00Z")
    try:
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{value.strip()} is not a moment of the calendar") from None


def _when(value: Any) -> dt.date:
    """A week's event as sent: its meeting (2027-01-14T09:30+01:00) or its first day."""
    if not isinstance(value, str) or not _WHEN.match(value.strip()):
        raise ValueError("expected a day (2027-01-11) or a meeting (2027-01-14T09:30+01:00)")
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text} is not a day of the calendar (check month and day)") from None


Instant = Annotated[
    dt.datetime,
    PlainValidator(_instant),
    WithJsonSchema({"type": "string", "pattern": _INSTANT.pattern}),
]
When = Annotated[
    dt.date, PlainValidator(_when), WithJsonSchema({"type": "string", "pattern": _WHEN.pattern})
]


class AssignedWeekSpec(_Strict):
    """One week as the team was given it: its event in the calendar, and its readings."""

    when: When
    readings: Annotated[list[Slug], Field(max_length=100), AfterValidator(unique)]


class AssignedSpec(_Strict):
    """What a team was given, recorded by `reading-program assign` and `update` (the build
    never writes into content/): the readings it keeps while the track changes, and the
    calendar's revision, so calendars take a changed meeting as an update of its event."""

    at: Instant  # when it was recorded: the events' DTSTAMP and LAST-MODIFIED
    sequence: Annotated[int, Field(ge=0, le=1_000_000)]  # the events' SEQUENCE
    weeks: Annotated[list[AssignedWeekSpec], Field(min_length=1, max_length=MAX_WEEKS)]


class CohortFile(_Strict):
    """`content/cohorts/<cohort-id>.yml`: a team reading a track on dated weeks."""

    team: Line
    track: Slug
    start: IsoDate
    meeting: Annotated[MeetingSpec | None, PlainValidator(parse_meeting)] = None
    timezone: Annotated[Line, AfterValidator(_known_zone)] = "UTC"
    skip: Annotated[
        list[Skip],
        Field(max_length=MAX_WEEKS, json_schema_extra={"uniqueItems": True}),
        AfterValidator(_one_skip_a_day),
    ] = Field(default_factory=list)
    lead: Line | None = None
    message: Paragraphs | None = None
    # Names only: the page is published. A name with no check-in shows in Team progress.
    members: Annotated[
        list[MemberName],
        Field(max_length=500, json_schema_extra={"uniqueItems": True}),
        AfterValidator(_unique_names),
    ] = Field(default_factory=list)
    assigned: AssignedSpec | None = None
