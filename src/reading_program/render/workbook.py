"""The workbook: a whole track on one printable page; a cohort's own, with the dated schedule
on its cover (its announced weeks) and the readings the team was given
(`/cohorts/<id>/workbook/`). This module: the paper self-assessment's columns."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Track


@dataclass(frozen=True)
class FormColumn:
    """A column of the paper self-assessment: when to fill it in."""

    heading: str
    week: int | None  # the week that asks for it, if any


def assessment_columns(track: Track) -> tuple[FormColumn, ...]:
    """One column per week that takes or retakes the track's assessment (first take, then
    retakes); one plain column when no week asks for it."""
    if track.assessment is None:
        return ()
    labels = {"before": "first time", "after": "retake"}
    columns = tuple(
        FormColumn(f"Week {week.number}: {labels[week.assessment]}", week.number)
        for week in sorted(track.weeks, key=lambda w: (w.assessment != "before", w.number))
        if week.assessment in labels
    )
    return columns or (FormColumn("Your rating", None),)
