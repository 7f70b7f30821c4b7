"""The shape of content files: article frontmatter and track files.

Models are strict (no silent coercion of numbers or booleans into text) and forbid
unknown keys, so a typo such as `tag:` is reported instead of ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
)

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# A sentence ends at . ! or ? before the end or a capitalised word; "vs. execution" does not.
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*(?:\s+(?=[\"“‘(]?[A-Z])|\s*$)")

PLACEHOLDER = "TODO"


def _not_a_placeholder(text: str) -> str:
    if text.startswith(PLACEHOLDER):
        raise ValueError(f"still the placeholder {text!r}: write the real text")
    return text


Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_not_a_placeholder)
]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]


def _at_most_two_sentences(summary: str) -> str:
    sentences = [part for part in _SENTENCE_END.split(summary) if part.strip()]
    if len(sentences) > 2:
        raise ValueError(f"must be 1-2 sentences, found {len(sentences)}")
    return summary


def _unique(items: list[str]) -> list[str]:
    duplicates = sorted({item for item in items if items.count(item) > 1})
    if duplicates:
        raise ValueError(f"lists {', '.join(duplicates)} more than once")
    return items


def _not_a_number(value: Any) -> Any:
    # Lax date parsing reads numbers as Unix timestamps (0 would be 1970-01-01).
    if isinstance(value, bool | int | float):
        raise ValueError(f"expected a date as YYYY-MM-DD, got a number ({value})")
    return value


IsoDate = Annotated[dt.date, Field(strict=False), BeforeValidator(_not_a_number)]


def _text_as_question(value: Any) -> Any:
    """A question is written as plain text, or as `{id: ..., text: ...}` to pin its id."""
    return {"text": value} if isinstance(value, str) else value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class QuestionSpec(_Strict):
    text: Text
    id: Slug | None = None


Question = Annotated[QuestionSpec, BeforeValidator(_text_as_question)]
Tags = Annotated[list[Slug], Field(min_length=1), AfterValidator(_unique)]


class ArticleFrontmatter(_Strict):
    """The frontmatter of `content/articles/<slug>.md`."""

    title: Text
    summary: Annotated[Text, AfterValidator(_at_most_two_sentences)]
    tags: Tags
    reflection: Annotated[list[Question], Field(min_length=3)]
    date: IsoDate | None = None
    level: Annotated[int, Field(ge=1, le=5)] | None = None  # 1 introductory ... 5 advanced
    author: Text | None = None
    source: Text | None = None


class WeekSpec(_Strict):
    """One week of a track: its theme and the tags (or pinned articles) it reads.

    `assessment` invites participants to take the track's self-assessment this week
    (`before`) or to retake it and compare (`after`)."""

    title: Text
    intro: Text
    tags: Annotated[list[Slug], AfterValidator(_unique)] = Field(default_factory=list)
    prompts: Annotated[list[Question], Field(min_length=1)]
    articles: Annotated[list[Slug], AfterValidator(_unique)] = Field(default_factory=list)
    assessment: Literal["before", "after"] | None = None


class TrackFile(_Strict):
    """`content/tracks/<track-id>.yml`."""

    title: Text
    summary: Text
    assessment: Slug | None = None
    weeks: Annotated[list[WeekSpec], Field(min_length=1)]


class SelectSpec(_Strict):
    """Which articles a planned track reads: any of `tags`, none of `exclude_tags`."""

    tags: Annotated[list[Slug], Field(min_length=1), AfterValidator(_unique)]
    exclude_tags: Annotated[list[Slug], AfterValidator(_unique)] = Field(default_factory=list)


class ThemeSpec(_Strict):
    """Optional wording for one week of a planned track; missing parts are derived."""

    title: Text | None = None
    intro: Text | None = None
    prompts: list[Question] = Field(default_factory=list)


class PlannedTrackFile(_Strict):
    """A track planned from tags: the planner spreads the selected articles over `weeks`,
    keeping their order and balancing reading time around `minutes_per_week`."""

    title: Text
    summary: Text
    assessment: Slug | None = None
    select: SelectSpec
    weeks: Annotated[int, Field(ge=1, le=52)]
    minutes_per_week: Annotated[int, Field(ge=1, le=600)]
    themes: list[ThemeSpec] = Field(default_factory=list)


class TagSpec(_Strict):
    title: Text
    description: Text


class TagsFile(RootModel[dict[Slug, TagSpec]]):
    """`content/tags.yml`: `slug: {title: ..., description: ...}` for every allowed tag."""

    model_config = ConfigDict(strict=True, frozen=True)


class StatementSpec(_Strict):
    id: Slug
    aspect: Slug
    text: Text


class BandSpec(_Strict):
    """A range of total scores and the article's outcome it maps to."""

    outcome: Text
    heading: Text  # the outcome's heading in the article, linked from results
    min: int
    max: int
    summary: Text


def _unique_ids(statements: list[StatementSpec]) -> list[StatementSpec]:
    _unique([statement.id for statement in statements])
    return statements


class AssessmentFile(_Strict):
    """`content/assessments/<id>.yml`: statements rated on a scale, and score bands."""

    title: Text
    intro: Text
    article: Slug
    scale: Annotated[list[Text], Field(min_length=2, max_length=10)]
    statements: Annotated[list[StatementSpec], Field(min_length=1), AfterValidator(_unique_ids)]
    bands: Annotated[list[BandSpec], Field(min_length=1)]
