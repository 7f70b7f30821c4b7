"""The workbook: a whole track on one printable page; a cohort's own, with the dated schedule
on its cover and the readings the team was given (`/cohorts/<id>/workbook/`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Cohort, Track
from .dates import long_range, meeting_text
from .urls import cohort_workbook_src


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


@dataclass(frozen=True)
class CoverRow:
    number: int
    title: str
    dates: str
    meeting: str  # "–" without a meeting


def cover_rows(cohort: Cohort) -> tuple[CoverRow, ...]:
    """The cohort's dated schedule for its workbook's cover, written out at build time so a
    plain print has it, in the site's one date style."""
    return tuple(
        CoverRow(
            scheduled.number,
            scheduled.week.title,
            long_range(scheduled.starts, scheduled.ends),
            meeting_text(scheduled.meeting, cohort.timezone) if scheduled.meeting else "–",
        )
        for scheduled in cohort.schedule
    )


def cohort_workbooks(cohorts: Sequence[Cohort], href: Callable[[str], str]) -> dict[str, Any]:
    """For the track's workbook: where each cohort's own workbook is, so an old link
    (`?cohort=<id>`) still finds it."""
    return {"cohorts": {cohort.id: href(cohort_workbook_src(cohort)) for cohort in cohorts}}
