"""What a track is planned from besides its own file, the same for both kinds of track
(weeks listed: listed_track.py; planned from tags: planned_track.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Article, Assessment, TagInfo


@dataclass(frozen=True)
class TrackInputs:
    """The library built so far: its published articles, assessments and listed tags, and
    the ids of articles whose files did not load. While there are any `unreadable`, checks
    that depend on every article (tags carried, empty weeks) wait, so one broken file does
    not bury its own message under follow-on errors. Likewise a track does not call an
    assessment unknown when its file exists but did not load or build (`broken_assessments`):
    that file's own problems say why."""

    articles: Sequence[Article]
    assessments: Sequence[Assessment] = ()
    tags: Sequence[TagInfo] = ()
    unreadable: frozenset[str] = frozenset()
    broken_assessments: frozenset[str] = frozenset()

    def assessment(
        self, assessment_id: str | None, report: Callable[[Any, str], None]
    ) -> Assessment | None:
        """The assessment a track names, if any; an id no assessment has is a report."""
        found = next((a for a in self.assessments if a.id == assessment_id), None)
        if assessment_id and found is None and assessment_id not in self.broken_assessments:
            known = ", ".join(a.id for a in self.assessments) or (
                "none yet (add one in content/assessments/)"
            )
            report(("assessment",), f"no assessment has the id {assessment_id!r}; known: {known}")
        return found
