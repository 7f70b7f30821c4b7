"""Source paths of the site's pages. Other work links to the URLs they produce
(`/articles/<slug>/`, `/tracks/<id>/week-<n>/`), so they are part of the contract."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markdown.extensions.toc import slugify

from .models import Article, Assessment, Track, Week

if TYPE_CHECKING:
    from .cohorts import Cohort


__all__ = [
    "ARTICLES_INDEX",
    "COHORTS_INDEX",
    "HOME",
    "JOURNAL",
    "TAGS_INDEX",
    "TRACKS_INDEX",
    "article_src",
    "assessment_src",
    "calendar_src",
    "cohort_src",
    "guide_src",
    "heading_anchor",
    "track_src",
    "week_src",
]

HOME = "index.md"
ARTICLES_INDEX = "articles/index.md"
TRACKS_INDEX = "tracks/index.md"
TAGS_INDEX = "tags.md"
JOURNAL = "journal.md"
COHORTS_INDEX = "cohorts/index.md"


def article_src(article: Article) -> str:
    return f"articles/{article.slug}.md"


def track_src(track: Track) -> str:
    return f"tracks/{track.id}/index.md"


def week_src(track: Track, week: Week) -> str:
    return f"tracks/{track.id}/week-{week.number}.md"


def guide_src(track: Track, week: Week) -> str:
    return f"tracks/{track.id}/week-{week.number}/guide.md"


def cohort_src(cohort: Cohort) -> str:
    return f"cohorts/{cohort.id}.md"


def calendar_src(cohort: Cohort) -> str:
    return f"cohorts/{cohort.id}.ics"


def assessment_src(assessment: Assessment) -> str:
    return f"assessments/{assessment.id}.md"


def heading_anchor(heading: str) -> str:
    """The id MkDocs' default `toc` settings give a Markdown heading."""
    return slugify(heading, "-")
