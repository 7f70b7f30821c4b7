"""What commands print: each track's plan, a cohort's schedule."""

from __future__ import annotations

from pathlib import Path

from .. import mkdocs_adapter
from ..model import Cohort, Library
from ..render.cohort_weeks import announced_weeks


def plan_report(library: Library) -> str:
    counts = [
        count(len(library.articles), "article"),
        count(len(library.tracks), "track"),
        count(len(library.cohorts), "cohort"),
    ]
    lines = [f"{', '.join(counts)}: all valid."]
    for track in library.tracks:
        lines.append(f"\n{track.title} ({track.id}), {track.minutes} min")
        for week in track.weeks:
            lines.append(f"  Week {week.number}: {week.title} ({week.minutes} min)")
            lines += [f"    - {a.title} ({a.reading_minutes} min)" for a in week.readings]
        lines += [f"  Note: {note}" for note in track.notes]
    return "\n".join(lines)


def schedule_report(cohort: Cohort, site_url: str) -> str:
    lines = [f"{cohort.team}: {cohort.track.title}"]
    for item in announced_weeks(cohort, site_url):
        meeting = f"; meeting {item.meeting}" if item.meeting else ""
        lines.append(f"  Week {item.number}: {item.dates}{meeting}")
        lines.append(f"    {item.theme} ({item.minutes} min)")
    return "\n".join(lines)


def count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def site_url_of(root: Path) -> str:
    """mkdocs.yml's site_url as the build reads it: links in messages match the site's."""
    return mkdocs_adapter.site_url(mkdocs_adapter.project_config(root))
