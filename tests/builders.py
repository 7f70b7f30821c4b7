"""Domain objects for unit tests, with defaults for every field a test does not care about."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reading_program.model import Article, Cohort, Meeting, Question, Track, Week
from reading_program.plan.schedule import plan_schedule

THU_0930 = Meeting(3, dt.time(9, 30))


def make_article(slug: str, **fields: object) -> Article:
    defaults: dict[str, object] = {
        "repo_path": f"content/articles/{slug}.md",
        "title": slug.replace("-", " ").title(),
        "summary": "S.",
        "tags": ("t",),
        "reflection": (),
        "body": "Text.",
        "reading_minutes": 3,
        "content_hash": "0" * 12,
    }
    return Article(slug=slug, **{**defaults, **fields})  # type: ignore[arg-type]


def make_week(
    number: int,
    title: str,
    readings: Sequence[Article],
    prompts: Sequence[str] = ("A prompt?",),
    intro: str | None = None,
) -> Week:
    questions = tuple(Question(f"q{number}-{i}", text) for i, text in enumerate(prompts))
    return Week(number, title, intro or f"Intro {number}.", questions, tuple(readings))


def make_track(track_id: str, title: str, weeks: Sequence[Week]) -> Track:
    return Track(track_id, f"content/tracks/{track_id}.yml", title, "S.", tuple(weeks))


def make_cohort(
    track: Track,
    start: str = "2026-03-09",
    meeting: Meeting | None = THU_0930,
    timezone: str = "Europe/Berlin",
    skip: Sequence[str] = (),
    team: str = "Sales East",
    lead: str | None = None,
    message: str | None = None,
    cohort_id: str = "sales-east",
) -> Cohort:
    """A cohort with its schedule computed as the planner computes it."""
    first = dt.date.fromisoformat(start)
    skipped = tuple(sorted(dt.date.fromisoformat(day) for day in skip))
    return Cohort(
        id=cohort_id,
        repo_path=f"content/cohorts/{cohort_id}.yml",
        team=team,
        track=track,
        start=first,
        meeting=meeting,
        timezone=timezone,
        skip=skipped,
        schedule=plan_schedule(first, track.weeks, skipped, meeting, timezone),
        lead=lead,
        message=message,
    )
