"""Data the browser script reads from a page: which readings and questions make up
each week, and how an assessment is scored. Embedded as JSON in the page."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from ..model import Article, Assessment, Library, Question, Track
from .urls import JOURNAL, article_src, assessment_src, relative_href, track_src, week_src

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


JOURNAL_DATA = "journal/questions.json"


def journal_data(library: Library, href: Href) -> dict[str, Any]:
    """What the journal page needs to show stored answers with their question, reading and
    week: a data file beside the page, so the page itself stays the same size however
    large the library is. Links are relative to the journal page.

    `articles`: slug -> [title, url]; `questions`: answer key -> [question, reading slug,
    or "" for a week's prompt]; `tracks`: each week's readings (slugs) and answer keys in
    page order; `assessments`: id -> [title, url].
    """
    questions: dict[str, list[str]] = {}
    for article in library.articles:
        for question in article.reflection:
            questions[question_key(article_scope(article), question)] = [
                question.text,
                article.slug,
            ]
    tracks = []
    for track in library.tracks:
        weeks = []
        for week in track.weeks:
            scope = week_scope(track, week.number)
            for prompt in week.prompts:
                questions[question_key(scope, prompt)] = [prompt.text, ""]
            weeks.append(
                {
                    "number": week.number,
                    "title": week.title,
                    "url": href(week_src(track, week)),
                    "readings": [article.slug for article in week.readings],
                    "questions": [question_key(scope, q) for q in week.prompts]
                    + [
                        question_key(article_scope(a), q)
                        for a in week.readings
                        for q in a.reflection
                    ],
                }
            )
        tracks.append(
            {"id": track.id, "title": track.title, "url": href(track_src(track)), "weeks": weeks}
        )
    return {
        "articles": {a.slug: [a.title, href(article_src(a))] for a in library.articles},
        "questions": questions,
        "tracks": tracks,
        "assessments": {a.id: [a.title, href(assessment_src(a))] for a in library.assessments},
    }


def journal_data_file(library: Library) -> bytes:
    """The journal's data as compact UTF-8 JSON (served as a file: no escaping for HTML)."""

    def href(to_src: str) -> str:
        return relative_href(JOURNAL, to_src)

    text = json.dumps(journal_data(library, href), ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")
