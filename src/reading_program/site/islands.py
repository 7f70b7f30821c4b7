"""Data the browser script reads from a page: which readings and questions make up
each week, and how an assessment is scored. Embedded as JSON in the page."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup

from ..model import Article, Assessment, Question, Track
from .urls import article_src, assessment_src, track_src, week_src

Href = Callable[[str], str]


def json_island(data: Any) -> Markup:
    """JSON for a single-quoted `data-rp-json='...'` attribute: `<`, `>`, `&` and `'` are
    escaped as JSON unicode escapes, so no value can leave the attribute. (Not a
    <script type="application/json">: Material's instant navigation re-runs scripts.)"""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character in "<>&'":
        text = text.replace(character, f"\\u{ord(character):04x}")
    return Markup(text)


def question_key(scope: str, question: Question) -> str:
    """Where an answer is stored: the page scope plus the question's stable id."""
    return f"{scope}/{question.id}"


def article_scope(article: Article) -> str:
    return f"article-{article.slug}"


def week_scope(track: Track, number: int) -> str:
    return f"week-{track.id}-{number}"


def track_data(track: Track, href: Href) -> dict[str, Any]:
    return {
        "id": track.id,
        "title": track.title,
        "url": href(track_src(track)),
        "weeks": [
            {
                "number": week.number,
                "title": week.title,
                "prompts": [prompt.text for prompt in week.prompts],
                "minutes": week.minutes,
                "url": href(week_src(track, week)),
                "readings": [
                    {
                        "slug": a.slug,
                        "title": a.title,
                        "url": href(article_src(a)),
                        "hash": a.content_hash,
                        "minutes": a.reading_minutes,
                    }
                    for a in week.readings
                ],
                "questions": [question_key(week_scope(track, week.number), q) for q in week.prompts]
                + [question_key(article_scope(a), q) for a in week.readings for q in a.reflection],
            }
            for week in track.weeks
        ],
    }


def aspect_name(aspect: str) -> str:
    """An aspect's name as the article words it, from its id: "leading-vs-managing" is
    "Leading vs. managing", "coaching" is "Coaching"."""
    words = ["vs." if word == "vs" else word for word in aspect.split("-")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def assessment_data(assessment: Assessment, href: Href) -> dict[str, Any]:
    article_url = href(article_src(assessment.article))
    scale = len(assessment.scale)
    per_aspect = Counter(statement.aspect for statement in assessment.statements)
    return {
        "id": assessment.id,
        "title": assessment.title,
        "url": href(assessment_src(assessment)),
        "scale": scale,
        "max": scale * len(assessment.statements),
        "statements": [{"id": s.id, "aspect": s.aspect} for s in assessment.statements],
        # In the order of their first statement; `max` is the best score of the aspect.
        "aspects": [
            {"id": aspect, "name": aspect_name(aspect), "max": scale * per_aspect[aspect]}
            for aspect in assessment.aspects
        ],
        "bands": [
            {"min": b.min, "max": b.max, "outcome": b.outcome, "url": f"{article_url}#{b.anchor}"}
            for b in assessment.bands
        ],
    }


def unplaced_data(articles: Sequence[Article], href: Href) -> dict[str, Any]:
    """Question keys of articles in no track. The journal lists their answers from the
    browser's storage instead of printing every question of a large library."""
    return {
        "keys": {
            question_key(article_scope(a), q): [a.title, href(article_src(a))]
            for a in articles
            for q in a.reflection
        }
    }
