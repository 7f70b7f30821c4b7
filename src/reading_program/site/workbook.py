"""The workbook: a whole track on one printable page, and the cohorts' schedules for its cover."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Cohort, Track
from .dates import day_text, long_range, meeting_text


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


def cover_data(cohorts: Sequence[Cohort]) -> dict[str, Any]:
    """The schedules of the cohorts reading a track, for the workbook's cover: the page
    shows the one its address names (`?cohort=<id>`). Every date already written out."""
    return {
        "cohorts": [
            {
                "id": cohort.id,
                "team": cohort.team,
                "lead": cohort.lead,
                "breaks": [day_text(day) + f" {day.year}" for day in cohort.skip],
                "weeks": [
                    {
                        "number": scheduled.number,
                        "title": scheduled.week.title,
                        "dates": long_range(scheduled.starts, scheduled.ends),
                        "meeting": meeting_text(scheduled.meeting, cohort.timezone)
                        if scheduled.meeting
                        else None,
                    }
                    for scheduled in cohort.schedule
                ],
            }
            for cohort in cohorts
        ]
    }
