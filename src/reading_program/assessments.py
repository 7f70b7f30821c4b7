"""Self-assessments: statements rated on a scale, whose total maps to an outcome band."""

from __future__ import annotations

from collections.abc import Sequence

from .models import Article, Assessment, Band, Statement
from .problems import Problem
from .schema import AssessmentFile
from .strict_yaml import ParsedYaml


def build_assessment(
    assessment_id: str,
    path: str,
    spec: AssessmentFile,
    parsed: ParsedYaml,
    articles: Sequence[Article],
) -> Assessment | list[Problem]:
    problems: list[Problem] = []
    article = next((a for a in articles if a.slug == spec.article), None)
    if article is None:
        line = parsed.line_of(("article",), 1)
        problems.append(Problem(path, line, "article", f"no article has the slug {spec.article!r}"))
    problems += _band_problems(path, spec, parsed)
    if problems or article is None:
        return problems
    return Assessment(
        id=assessment_id,
        source_path=path,
        title=spec.title,
        intro=spec.intro,
        article=article,
        scale=tuple(spec.scale),
        statements=tuple(Statement(s.id, s.aspect, s.text) for s in spec.statements),
        bands=tuple(Band(b.outcome, b.heading, b.min, b.max, b.summary) for b in spec.bands),
    )


def _band_problems(path: str, spec: AssessmentFile, parsed: ParsedYaml) -> list[Problem]:
    """Bands must cover every possible total exactly once, in ascending order."""
    lowest, highest = len(spec.statements), len(spec.statements) * len(spec.scale)
    expected_min = lowest
    for index, band in enumerate(spec.bands):
        line = parsed.line_of(("bands", index, "min"), 1)
        if band.min != expected_min:
            message = f"band starts at {band.min}, expected {expected_min} (no gap or overlap)"
            return [Problem(path, line, f"bands[{index}].min", message)]
        if band.max < band.min:
            return [Problem(path, line, f"bands[{index}].max", "must not be below min")]
        expected_min = band.max + 1
    if expected_min - 1 != highest:
        line = parsed.line_of(("bands",), 1)
        message = (
            f"bands must end at the highest total, {highest} "
            f"({len(spec.statements)} statements x {len(spec.scale)}), not {expected_min - 1}"
        )
        return [Problem(path, line, "bands", message)]
    return []
