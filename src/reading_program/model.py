"""The domain: articles, questions, tracks and their weeks, assessments, cohorts.

Frozen dataclasses, resolved once by `plan/`: a week holds its articles, a cohort its
track and its dated schedule. Nothing here reads files or renders pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cached_property

from .load.markdown_render import BodyLink, RenderedBody
from .load.paths import RepoPath

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Question:
    """A reflection question. `id` is stable across reordering and small wording edits."""

    id: str
    text: str


@dataclass(frozen=True)
class Article:
    slug: str
    repo_path: RepoPath
    title: str
    summary: str
    tags: tuple[str, ...]
    reflection: tuple[Question, ...]
    body: str  # Markdown, as written
    reading_minutes: int
    content_hash: str  # short, for "updated since you read it"
    date: date | None = None
    level: int | None = None
    author: str | None = None
    source: str | None = None
    draft: bool = False  # only `mkdocs serve` builds drafts; no track ever lists one
    rendered: RenderedBody | None = None  # the body as the site renders it

    @property
    def links(self) -> tuple[BodyLink, ...]:
        """Links and images in the body, with their lines."""
        return self.rendered.links if self.rendered else ()


@dataclass(frozen=True)
class Statement:
    id: str
    aspect: str
    text: str


@dataclass(frozen=True)
class Band:
    """Totals from `min` to `max` (inclusive) map to one of the article's outcomes."""

    outcome: str
    heading: str
    anchor: str  # the heading's id in the article
    min: int
    max: int
    summary: str


@dataclass(frozen=True)
class Assessment:
    id: str
    repo_path: RepoPath
    title: str
    intro: str
    article: Article
    scale: tuple[str, ...]
    statements: tuple[Statement, ...]
    bands: tuple[Band, ...]

    @property
    def aspects(self) -> tuple[str, ...]:
        """Aspect ids in the order their first statement appears."""
        return tuple(dict.fromkeys(statement.aspect for statement in self.statements))


@dataclass(frozen=True)
class Week:
    number: int
    title: str
    intro: str
    prompts: tuple[Question, ...]
    readings: tuple[Article, ...]
    assessment: str | None = None  # "before" or "after": take or retake the track's assessment

    @property
    def minutes(self) -> int:
        return sum(article.reading_minutes for article in self.readings)

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.prompts + tuple(q for article in self.readings for q in article.reflection)


@dataclass(frozen=True)
class Track:
    id: str
    repo_path: RepoPath
    title: str
    summary: str
    weeks: tuple[Week, ...]
    assessment: Assessment | None = None
    notes: tuple[str, ...] = ()  # what the planner could not do as asked, for authors

    @property
    def minutes(self) -> int:
        return sum(week.minutes for week in self.weeks)


@dataclass(frozen=True)
class TagInfo:
    slug: str
    title: str
    description: str


@dataclass(frozen=True)
class Meeting:
    """A weekly meeting: `weekday` as in `date.weekday()` (0 is Monday), local `time`."""

    weekday: int
    time: time

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), got {self.weekday}")

    def __str__(self) -> str:
        return f"{WEEKDAYS[self.weekday]} {self.time:%H:%M}"


@dataclass(frozen=True)
class ScheduledWeek:
    """One reading week of a cohort: the track's week, its seven days and its meeting.

    `sequence` and `revised` say which revision of the week's calendar event this is (RFC
    5545 SEQUENCE, and DTSTAMP / LAST-MODIFIED), from what `reading-program` recorded."""

    week: Week
    starts: date
    ends: date  # inclusive: starts + 6 days
    meeting: datetime | None = None  # aware, in the cohort's time zone
    sequence: int = 0
    revised: datetime | None = None  # aware; None: never recorded

    @property
    def number(self) -> int:
        return self.week.number

    def __contains__(self, day: object) -> bool:
        if isinstance(day, datetime):  # a datetime is a date, but does not compare with one
            day = day.date()
        return isinstance(day, date) and self.starts <= day <= self.ends


@dataclass(frozen=True)
class Break:
    """Seven days without reading in a cohort's schedule (the week holding a skip date)."""

    starts: date
    ends: date
    reason: str | None = None  # "the sales kick-off", said in the messages


@dataclass(frozen=True)
class Cohort:
    """A team reading a track on dated weeks; break weeks are not in `schedule`.

    Its weeks' readings are the ones the team was given (`reading-program assign`
    records them), which may differ from the track's today: `notes` says how."""

    id: str
    repo_path: RepoPath
    team: str
    track: Track
    start: date
    meeting: Meeting | None
    timezone: str
    skip: tuple[date, ...]
    schedule: tuple[ScheduledWeek, ...]
    lead: str | None = None
    message: str | None = None
    breaks: tuple[Break, ...] = ()
    members: tuple[str, ...] = ()  # names only, never addresses: the page is published
    notes: tuple[str, ...] = ()  # what changed since the team was given its plan, for leads

    @property
    def ends(self) -> date:
        return self.schedule[-1].ends if self.schedule else self.start

    def breaks_after(self, scheduled: ScheduledWeek) -> tuple[Break, ...]:
        """The breaks between `scheduled` and the next reading week."""
        following = self.week_after(scheduled)
        if following is None:
            return ()
        return tuple(b for b in self.breaks if scheduled.ends < b.starts < following.starts)

    def week_after(self, scheduled: ScheduledWeek) -> ScheduledWeek | None:
        return next((w for w in self.schedule if w.starts > scheduled.starts), None)


@dataclass(frozen=True)
class Placement:
    """Where an article sits in a track, with its neighbours in reading order."""

    track: Track
    week: Week
    previous: Article | None
    next: Article | None


@dataclass(frozen=True)
class Library:
    """Everything the site is built from, validated and planned."""

    articles: tuple[Article, ...]
    tracks: tuple[Track, ...]
    assessments: tuple[Assessment, ...] = ()
    cohorts: tuple[Cohort, ...] = ()
    tags: tuple[TagInfo, ...] = ()  # from content/tags.yml; empty when there is none
    drafts: tuple[RepoPath, ...] = ()  # articles left out of this build as drafts

    def tag_title(self, slug: str) -> str:
        """The tag's title from content/tags.yml, or the slug when it is not listed."""
        return self._tag_titles.get(slug, slug)

    def placements(self, slug: str) -> tuple[Placement, ...]:
        return self._placements.get(slug, ())

    @cached_property
    def _tag_titles(self) -> dict[str, str]:
        return {tag.slug: tag.title for tag in self.tags}

    @cached_property
    def _placements(self) -> dict[str, tuple[Placement, ...]]:
        """Every article's places in tracks, found in one pass over all tracks."""
        found: dict[str, list[Placement]] = {}
        for track in self.tracks:
            order = [(week, article) for week in track.weeks for article in week.readings]
            for index, (week, article) in enumerate(order):
                previous = order[index - 1][1] if index > 0 else None
                following = order[index + 1][1] if index + 1 < len(order) else None
                found.setdefault(article.slug, []).append(
                    Placement(track, week, previous, following)
                )
        return {slug: tuple(places) for slug, places in found.items()}
