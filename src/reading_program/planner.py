"""Deciding which articles each week of a track reads.

The rule, in order:
1. A week's pinned `articles` come first, in the order given.
2. Then every other article carrying any of the week's `tags`, oldest `date` first
   (undated after dated), then by title.
3. An article pinned anywhere in the track is never also picked up by tags.
An article that two weeks would both read, a week with nothing to read, a tag no
article carries and an unknown pinned slug are errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .models import Article, Assessment, Track, Week
from .problems import Problem
from .questions import build_questions
from .schema import TrackFile
from .strict_yaml import ParsedYaml, dotted_path


def plan_track(
    track_id: str,
    path: str,
    spec: TrackFile,
    parsed: ParsedYaml,
    articles: Sequence[Article],
    unreadable: frozenset[str] = frozenset(),
    assessments: Sequence[Assessment] = (),
) -> Track | list[Problem]:
    """Plan one track. `unreadable` holds slugs of articles that failed to load: while
    there are any, checks that depend on every article (tags carried, empty weeks) wait,
    so one broken file does not bury its own message under follow-on errors."""
    by_slug = {article.slug: article for article in articles}
    problems: list[Problem] = []

    def problem(loc: tuple, message: str) -> None:
        problems.append(Problem(path, parsed.line_of(loc, 1), dotted_path(loc), message))

    pinned_in: dict[str, int] = {}
    for w, week in enumerate(spec.weeks):
        for i, slug in enumerate(week.articles):
            loc = ("weeks", w, "articles", i)
            if slug in unreadable:
                continue
            if slug not in by_slug:
                problem(loc, f"no article has the slug {slug!r}")
            elif slug in pinned_in:
                first = pinned_in[slug]
                problem(loc, _claimed_twice(by_slug[slug], spec, first, w, "pinned in"))
            else:
                pinned_in[slug] = w

    carried = {tag for article in articles for tag in article.tags}
    claimed_by: dict[str, int] = {}
    readings: list[list[Article]] = []
    for w, week in enumerate(spec.weeks):
        for t, tag in enumerate(week.tags):
            if tag not in carried and not unreadable:
                problem(("weeks", w, "tags", t), f"no article carries the tag {tag!r}")
        wanted = set(week.tags)
        matched = [a for a in articles if wanted & set(a.tags) and a.slug not in pinned_in]
        for article in matched:
            if article.slug in claimed_by:
                first = claimed_by[article.slug]
                message = _claimed_twice(article, spec, first, w, "tagged for")
                problem(("weeks", w, "tags"), f"{message}; pin it with 'articles:' in one week")
            else:
                claimed_by[article.slug] = w
        pinned = [by_slug[s] for s in week.articles if s in by_slug and pinned_in.get(s) == w]
        week_readings = pinned + sorted(
            (a for a in matched if claimed_by[a.slug] == w), key=_reading_order
        )
        if not week_readings and not unreadable:
            problem(
                ("weeks", w), f"week {w + 1} ({week.title}) has no reading: add tags or articles"
            )
        readings.append(week_readings)

    assessment = next((a for a in assessments if a.id == spec.assessment), None)
    if spec.assessment and assessment is None:
        known = ", ".join(a.id for a in assessments) or "none"
        problem(("assessment",), f"no assessment {spec.assessment!r}; known: {known}")
    for w, week in enumerate(spec.weeks):
        if week.assessment and not spec.assessment:
            problem(("weeks", w, "assessment"), "the track names no 'assessment:' to take")

    if problems:
        return problems
    weeks = tuple(
        Week(
            number=w + 1,
            title=week.title,
            intro=week.intro,
            prompts=build_questions(week.prompts),
            readings=tuple(readings[w]),
            assessment=week.assessment,
        )
        for w, week in enumerate(spec.weeks)
    )
    return Track(track_id, path, spec.title, spec.summary, weeks, assessment)


def _reading_order(article: Article) -> tuple[bool, date, str, str]:
    return (article.date is None, article.date or date.min, article.title.casefold(), article.slug)


def _claimed_twice(article: Article, spec: TrackFile, first: int, second: int, how: str) -> str:
    return (
        f"article {article.slug!r} is {how} week {first + 1} ({spec.weeks[first].title}) "
        f"and week {second + 1} ({spec.weeks[second].title}); a track reads an article once"
    )
