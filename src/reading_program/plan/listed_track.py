"""Tracks whose weeks are listed: which articles each week reads.

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

from ..load.loader import Loaded
from ..load.problems import Problems, closest
from ..load.specs import TrackFile
from ..model import Article, Track, Week
from .articles import unknown_article
from .questions import build_questions
from .track_inputs import TrackInputs


def plan_track(loaded: Loaded[TrackFile], inputs: TrackInputs, problems: Problems) -> Track | None:
    """Plan one track whose weeks are listed."""
    spec = loaded.spec
    before = len(problems)
    report = problems.in_file(loaded)
    by_slug = {article.slug: article for article in inputs.articles}
    pinned_in = _pinned(spec, by_slug, inputs.unreadable, report)
    readings = _readings(spec, inputs.articles, by_slug, pinned_in, bool(inputs.unreadable), report)
    assessment = inputs.assessment(spec.assessment, report)
    _check_week_assessments(spec, report)
    if len(problems) > before:
        return None
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
    return Track(loaded.id, loaded.repo_path, spec.title, spec.summary, weeks, assessment)


def _pinned(
    spec: TrackFile, by_slug: dict[str, Article], unreadable: frozenset[str], report
) -> dict[str, int]:
    """Each pinned article's week index; unknown or twice-pinned slugs are problems."""
    pinned_in: dict[str, int] = {}
    for w, week in enumerate(spec.weeks):
        for i, slug in enumerate(week.articles):
            location = ("weeks", w, "articles", i)
            if slug in unreadable:
                continue
            if slug not in by_slug:
                report(location, unknown_article(slug, by_slug))
            elif slug in pinned_in:
                report(
                    location, _claimed_twice(by_slug[slug], spec, pinned_in[slug], w, "pinned in")
                )
            else:
                pinned_in[slug] = w
    return pinned_in


def _readings(
    spec: TrackFile,
    articles: Sequence[Article],
    by_slug: dict[str, Article],
    pinned_in: dict[str, int],
    waiting: bool,
    report,
) -> list[list[Article]]:
    carried = sorted({tag for article in articles for tag in article.tags})
    claimed_by: dict[str, int] = {}
    readings: list[list[Article]] = []
    for w, week in enumerate(spec.weeks):
        uncarried = [t for t, tag in enumerate(week.tags) if tag not in carried and not waiting]
        for t in uncarried:
            report(("weeks", w, "tags", t), _tag_not_carried(week.tags[t], carried))
        wanted = set(week.tags)
        matched = [a for a in articles if wanted & set(a.tags) and a.slug not in pinned_in]
        for article in matched:
            if article.slug in claimed_by:
                message = _claimed_twice(article, spec, claimed_by[article.slug], w, "tagged for")
                report(("weeks", w, "tags"), f"{message}; pin it with 'articles:' in one week")
            else:
                claimed_by[article.slug] = w
        pinned = [by_slug[s] for s in week.articles if s in by_slug and pinned_in.get(s) == w]
        week_readings = pinned + sorted(
            (a for a in matched if claimed_by[a.slug] == w), key=_reading_order
        )
        if not week_readings and not waiting and not uncarried:  # the tags' problems say why
            report(("weeks", w), "has nothing to read: give it tags or pinned articles")
        readings.append(week_readings)
    return readings


def _check_week_assessments(spec: TrackFile, report) -> None:
    for w, week in enumerate(spec.weeks):
        if week.assessment and not spec.assessment:
            report(
                ("weeks", w, "assessment"),
                (
                    "the track names no assessment to take: add 'assessment: <id>' at the top "
                    "of the file"
                ),
            )


def _tag_not_carried(tag: str, carried: list[str]) -> str:
    close = closest(tag, carried)
    hint = f"; did you mean {close!r}?" if close else ": tag an article with it, or remove it"
    return f"no article carries the tag {tag!r}{hint}"


def _reading_order(article: Article) -> tuple[bool, date, str, str]:
    return (article.date is None, article.date or date.min, article.title.casefold(), article.slug)


def _claimed_twice(article: Article, spec: TrackFile, first: int, second: int, how: str) -> str:
    return (
        f"the article {article.slug!r} is {how} week {first + 1} ({spec.weeks[first].title}) "
        f"and week {second + 1} ({spec.weeks[second].title}); a track reads an article once"
    )
