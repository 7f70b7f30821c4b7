"""Domain objects: articles, questions, tracks and their planned weeks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .cohorts import Cohort


@dataclass(frozen=True)
class Question:
    """A reflection question. `id` is stable across reordering and small wording edits."""

    id: str
    text: str


@dataclass(frozen=True)
class Article:
    slug: str
    source_path: str  # relative to the repository, e.g. content/articles/courage.md
    title: str
    summary: str
    tags: tuple[str, ...]
    reflection: tuple[Question, ...]
    body: str
    reading_minutes: int
    content_hash: str
    date: date | None = None
    level: int | None = None
    author: str | None = None
    source: str | None = None


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
    min: int
    max: int
    summary: str


@dataclass(frozen=True)
class Assessment:
    id: str
    source_path: str
    title: str
    intro: str
    article: Article
    scale: tuple[str, ...]
    statements: tuple[Statement, ...]
    bands: tuple[Band, ...]


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
    source_path: str
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

    def track(self, track_id: str) -> Track:
        return next(track for track in self.tracks if track.id == track_id)

    def placements(self, slug: str) -> tuple[Placement, ...]:
        return self._placements.get(slug, ())

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
