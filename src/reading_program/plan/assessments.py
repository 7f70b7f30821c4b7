"""Self-assessments: statements rated on a scale, whose total maps to an outcome band.

The bands must cover every possible total exactly once, in ascending order, each with
its own outcome, and each band's heading must be a heading of the article, since
results link to it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..load.article_body import heading_id
from ..load.loader import Loaded
from ..load.problems import Problems
from ..load.specs import AssessmentFile
from ..model import Article, Assessment, Band, Statement
from .articles import unknown_article


def build_assessment(
    loaded: Loaded[AssessmentFile],
    articles: Sequence[Article],
    problems: Problems,
    *,
    unreadable: frozenset[str] = frozenset(),
) -> Assessment | None:
    spec = loaded.spec
    before = len(problems)
    report = problems.in_file(loaded)

    article = next((a for a in articles if a.slug == spec.article), None)
    if article is None and spec.article not in unreadable:
        report(("article",), unknown_article(spec.article, (a.slug for a in articles)))
    _check_bands(spec, report)
    anchors = _band_anchors(spec, article, report) if article is not None else ()
    if len(problems) > before or article is None:
        return None
    return Assessment(
        id=loaded.id,
        repo_path=loaded.repo_path,
        title=spec.title,
        intro=spec.intro,
        article=article,
        scale=tuple(spec.scale),
        statements=tuple(Statement(s.id, s.aspect, s.text) for s in spec.statements),
        bands=tuple(
            Band(b.outcome, b.heading, anchor, b.min, b.max, b.summary)
            for b, anchor in zip(spec.bands, anchors, strict=True)
        ),
    )


def _check_bands(spec: AssessmentFile, report) -> None:
    lowest, highest = len(spec.statements), len(spec.statements) * len(spec.scale)
    expected_min = lowest
    outcomes: dict[str, int] = {}
    for index, band in enumerate(spec.bands):
        if band.outcome in outcomes:
            first = outcomes[band.outcome]
            message = (
                f"has the same outcome as band {first + 1} ({band.outcome!r}): each band "
                "leads to its own outcome; merge the two bands into one"
            )
            report(("bands", index, "outcome"), message)
        outcomes.setdefault(band.outcome, index)
        if band.min != expected_min:
            gap_or_overlap = (
                "leaves a gap" if band.min > expected_min else "overlaps the band before"
            )
            message = f"starts at {band.min} and {gap_or_overlap}: start it at {expected_min}"
            report(("bands", index, "min"), message)
            return
        if band.max < band.min:
            report(("bands", index, "max"), f"is {band.max}, below its min ({band.min}): raise it")
            return
        expected_min = band.max + 1
    if expected_min - 1 != highest:
        message = (
            f"end at {expected_min - 1}, but the highest possible total is {highest} "
            f"({len(spec.statements)} statements x {len(spec.scale)} points): "
            f"make the last band's max {highest}"
        )
        report(("bands",), message)


def _band_anchors(spec: AssessmentFile, article: Article, report) -> tuple[str, ...]:
    """Each band's heading's id in the article, where results link."""
    toc = article.rendered.toc if article.rendered else ()
    anchors = []
    for index, band in enumerate(spec.bands):
        anchor = heading_id(toc, band.heading)
        if anchor is None:
            message = (
                f"{band.heading!r} is not a heading of the article {article.slug!r} "
                f"({article.repo_path}): results link to it; copy the heading exactly"
            )
            report(("bands", index, "heading"), message)
        anchors.append(anchor or "")
    return tuple(anchors)
