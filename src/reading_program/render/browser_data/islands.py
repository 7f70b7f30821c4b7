"""Data the browser script reads from a page: which readings and questions make up
each week, how an assessment is scored, a cohort's schedule, where each cohort's workbook
is; embedded as JSON in the page. And the journal's data files, which the browser reads
from the site (`journal_data_files`)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from types import SimpleNamespace
from typing import Any

from markupsafe import Markup

from ...model import WEEKDAYS, Article, Assessment, Cohort, Library, Question, Track
from ..dates import MONTHS, day_text
from ..urls import (
    JOURNAL,
    article_src,
    assessment_src,
    cohort_workbook_src,
    finish_src,
    relative_href,
    track_src,
    week_src,
)

Href = Callable[[str], str]


def json_island(data: Any) -> Markup:
    """JSON for a single-quoted `data-rp-json='...'` attribute: `<`, `>`, `&` and `'` are
    escaped as JSON unicode escapes, so no value can leave the attribute. (Not a
    <script type="application/json">: Material's instant navigation re-runs scripts.)"""
    text = _compact(data)
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
        "finish": href(finish_src(track)),
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
        # Each band as the article words it: its outcome, what it says, where it says it.
        "bands": [
            {
                "min": b.min,
                "max": b.max,
                "outcome": b.outcome,
                "summary": b.summary,
                "url": f"{article_url}#{b.anchor}",
            }
            for b in assessment.bands
        ],
    }


JOURNAL_DATA = "journal/questions.json"
OTHER_ARTICLES_DATA = "journal/other-articles.json"
QUESTION_TEXTS_DATA = "journal/question-texts.json"
# A stand-in article and question that are their slug and id alone, in the placeholders
# the browser fills: article_src and question_key need nothing else, so the URL and key
# templates come from the very rules the pages are built with.
_ANY_ARTICLE = SimpleNamespace(slug="{slug}")
_ANY_QUESTION = SimpleNamespace(id="{question}")


def cohort_data(cohort: Cohort) -> dict[str, Any]:
    """The schedule for the browser: where today falls (before the start, a reading week,
    a break, after the end) and the team progress table (its members: names only). Dates
    come written out, as the site writes them, so the browser formats none of the schedule
    itself."""
    return {
        "id": cohort.id,
        "team": cohort.team,
        "track": cohort.track.id,
        "members": list(cohort.members),
        "weekdays": list(WEEKDAYS),  # to write a check-in's day as the site writes days
        "months": list(MONTHS),
        # Check-ins count the track's readings as participants see them, which may have
        # changed since this cohort was given its own.
        "readings": [len(week.readings) for week in cohort.track.weeks],
        "weeks": [
            {
                "number": scheduled.number,
                "title": scheduled.week.title,
                "starts": scheduled.starts.isoformat(),
                "ends": scheduled.ends.isoformat(),
                "startsText": day_text(scheduled.starts),
                "endsText": day_text(scheduled.ends),
                "readings": len(scheduled.week.readings),
            }
            for scheduled in cohort.schedule
        ],
    }


def workbook_cohorts_data(cohorts: Sequence[Cohort], href: Href) -> dict[str, Any]:
    """For the track's workbook: where each cohort's own workbook is, so an old link
    (`?cohort=<id>`) still finds it."""
    return {"cohorts": {cohort.id: href(cohort_workbook_src(cohort)) for cohort in cohorts}}


def journal_data(library: Library, href: Href) -> dict[str, Any]:
    """What the journal page always loads to show stored answers with their question, week
    and reading: the tracks, and only they, so it stays the same size however many
    articles are in no track. (The page itself is the same size whatever the library.)
    Links are relative to the journal page.

    `tracks`: each week's number, title, url, readings (slugs) and `prompts` (answer keys);
    the week's questions are its prompts, then each reading's questions, in page order.
    `readings`: slug -> [title, question ids, minutes], for the tracks' readings. `article_url` and
    `article_question` give an article's URL and an answer's key from `{slug}` and
    `{question}`. `other_articles`: the file with the same table for the articles in no
    track, which the journal loads only for answers outside the tracks. `question_texts`:
    the file with every question's wording, loaded only for answers stored without it.
    `assessments`: id -> [title, url].
    """
    return {
        "tracks": [_journal_track(track, href) for track in library.tracks],
        "readings": _article_table(_track_readings(library).values()),
        "article_url": href(article_src(_ANY_ARTICLE)),
        "article_question": question_key(article_scope(_ANY_ARTICLE), _ANY_QUESTION),
        "other_articles": href(OTHER_ARTICLES_DATA),
        "question_texts": href(QUESTION_TEXTS_DATA),
        "assessments": {a.id: [a.title, href(assessment_src(a))] for a in library.assessments},
    }


def other_articles_data(library: Library) -> dict[str, Any]:
    """The articles in no track: `articles`, slug -> [title, question ids]. The journal
    needs them for answers outside the tracks, to show an answer's article and to tell an
    answer to a question they still ask from one whose question is retired."""
    in_tracks = _track_readings(library)
    articles = (a for a in library.articles if a.slug not in in_tracks)
    return {"articles": _article_table(articles, minutes=False)}


def question_texts_data(library: Library) -> dict[str, Any]:
    """Every question as it is worded now, for answers stored without their question's
    text (an answer shows its question as it was answered): `articles`, slug -> texts in
    the order of the article's question ids; `prompts`, answer key -> text."""
    prompts = {
        question_key(week_scope(track, week.number), prompt): prompt.text
        for track in library.tracks
        for week in track.weeks
        for prompt in week.prompts
    }
    articles = {a.slug: [q.text for q in a.reflection] for a in library.articles}
    return {"articles": articles, "prompts": prompts}


def _journal_track(track: Track, href: Href) -> dict[str, Any]:
    weeks = [
        {
            "number": week.number,
            "title": week.title,
            "url": href(week_src(track, week)),
            "readings": [article.slug for article in week.readings],
            "prompts": [question_key(week_scope(track, week.number), q) for q in week.prompts],
        }
        for week in track.weeks
    ]
    return {
        "id": track.id,
        "title": track.title,
        "url": href(track_src(track)),
        "finish": href(finish_src(track)),
        "weeks": weeks,
    }


def _track_readings(library: Library) -> dict[str, Article]:
    """The tracks' readings by slug, each once, in the order the tracks first read them."""
    return {a.slug: a for track in library.tracks for week in track.weeks for a in week.readings}


def _article_table(articles: Iterable[Article], minutes: bool = True) -> dict[str, list[Any]]:
    """slug -> [title, question ids], and the reading time where a track reads it (a
    participant's card names the next reading with its minutes)."""
    return {
        a.slug: [a.title, [q.id for q in a.reflection], *([a.reading_minutes] if minutes else [])]
        for a in articles
    }


def journal_data_files(library: Library) -> list[tuple[str, bytes]]:
    """The journal's data files as compact UTF-8 JSON (served as files: no escaping for
    HTML): what it always loads, the articles in no track, and the questions' texts."""

    def href(to_src: str) -> str:
        return relative_href(JOURNAL, to_src)

    return [
        (JOURNAL_DATA, json_file(journal_data(library, href))),
        (OTHER_ARTICLES_DATA, json_file(other_articles_data(library))),
        (QUESTION_TEXTS_DATA, json_file(question_texts_data(library))),
    ]


def json_file(data: Any) -> bytes:
    """A data file the browser reads: compact JSON, UTF-8."""
    return _compact(data).encode("utf-8")


def _compact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
