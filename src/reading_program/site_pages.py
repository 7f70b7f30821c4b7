"""Which pages the site gets from the library, and the navigation."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from .models import Library
from .rendering import render
from .site_paths import (
    ARTICLES_INDEX,
    HOME,
    JOURNAL,
    TAGS_INDEX,
    TRACKS_INDEX,
    article_src,
    assessment_src,
    track_src,
    week_src,
)


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    markdown: str
    edit_path: str | None = None  # the content file to edit, relative to the repository
    in_nav: bool = True


def generate_pages(library: Library) -> list[GeneratedPage]:
    unplaced = [a for a in library.articles if not library.placements(a.slug)]
    pages = [
        GeneratedPage(ARTICLES_INDEX, render("articles.md.j2", ARTICLES_INDEX, library=library)),
        GeneratedPage(TRACKS_INDEX, render("tracks.md.j2", TRACKS_INDEX, library=library)),
        GeneratedPage(
            JOURNAL, render("journal.md.j2", JOURNAL, library=library, unplaced=unplaced)
        ),
    ]
    for assessment in library.assessments:
        src = assessment_src(assessment)
        markdown = render("assessment.md.j2", src, assessment=assessment)
        pages.append(GeneratedPage(src, markdown, edit_path=assessment.source_path))
    for article in library.articles:
        src = article_src(article)
        placements = library.placements(article.slug)
        markdown = render("article.md.j2", src, article=article, placements=placements)
        pages.append(GeneratedPage(src, markdown, edit_path=article.source_path, in_nav=False))
    for track in library.tracks:
        src = track_src(track)
        markdown = render("track.md.j2", src, track=track)
        pages.append(GeneratedPage(src, markdown, edit_path=track.source_path))
        for week in track.weeks:
            src = week_src(track, week)
            markdown = render("week.md.j2", src, track=track, week=week)
            pages.append(GeneratedPage(src, markdown, edit_path=track.source_path))
    return pages


def navigation(library: Library, extra_pages: list[str]) -> list[Any]:
    """MkDocs `nav` config: a constant-size sidebar however many articles there are.

    Articles are reached from the articles index, tracks and tags, never listed one by
    one. Titles are HTML-escaped because themes print nav titles unescaped.
    """
    tracks: list[Any] = [TRACKS_INDEX]
    for track in library.tracks:
        weeks = [
            {_nav_title(f"Week {week.number}: {week.title}"): week_src(track, week)}
            for week in track.weeks
        ]
        tracks.append({_nav_title(track.title): [track_src(track), *weeks]})
    return [
        {"Home": HOME},
        {"Tracks": tracks},
        {"Articles": ARTICLES_INDEX},
        *({_nav_title(a.title): assessment_src(a)} for a in library.assessments),
        {"My journal": JOURNAL},
        *extra_pages,
        {"Tags": TAGS_INDEX},
    ]


def _nav_title(text: str) -> str:
    return html.escape(text, quote=True)
