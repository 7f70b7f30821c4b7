"""Which pages the site gets from the library, at which paths, and the navigation.

Paths are MkDocs source paths (`tracks/<id>/week-<n>.md`); other work links to the
URLs they produce, so they are part of the site's contract.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from .models import Article, Library, Track, Week
from .rendering import render

ARTICLES_INDEX = "articles/index.md"
TRACKS_INDEX = "tracks/index.md"
TAGS_INDEX = "tags.md"
HOME = "index.md"


def article_src(article: Article) -> str:
    return f"articles/{article.slug}.md"


def track_src(track: Track) -> str:
    return f"tracks/{track.id}/index.md"


def week_src(track: Track, week: Week) -> str:
    return f"tracks/{track.id}/week-{week.number}.md"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    markdown: str
    edit_path: str | None = None  # the content file to edit, relative to the repository
    in_nav: bool = True


def generate_pages(library: Library) -> list[GeneratedPage]:
    pages = [
        GeneratedPage(ARTICLES_INDEX, render("articles.md.j2", ARTICLES_INDEX, **_urls(), library=library)),
        GeneratedPage(TRACKS_INDEX, render("tracks.md.j2", TRACKS_INDEX, **_urls(), library=library)),
    ]
    for article in library.articles:
        src = article_src(article)
        markdown = render(
            "article.md.j2",
            src,
            **_urls(),
            article=article,
            placements=library.placements(article.slug),
        )
        pages.append(GeneratedPage(src, markdown, edit_path=article.source_path, in_nav=False))
    for track in library.tracks:
        src = track_src(track)
        markdown = render("track.md.j2", src, **_urls(), track=track)
        pages.append(GeneratedPage(src, markdown, edit_path=track.source_path))
        for week in track.weeks:
            src = week_src(track, week)
            markdown = render("week.md.j2", src, **_urls(), track=track, week=week)
            pages.append(GeneratedPage(src, markdown, edit_path=track.source_path))
    return pages


def _urls() -> dict[str, Any]:
    """Path helpers every template may use."""
    return {
        "article_src": article_src,
        "track_src": track_src,
        "week_src": week_src,
        "ARTICLES_INDEX": ARTICLES_INDEX,
        "TRACKS_INDEX": TRACKS_INDEX,
        "TAGS_INDEX": TAGS_INDEX,
    }


def navigation(library: Library, extra_pages: list[str]) -> list[Any]:
    """MkDocs `nav` config: a constant-size sidebar however many articles there are.

    Articles are reached from the articles index, tracks and tags, never listed one by
    one. Titles are HTML-escaped because themes print nav titles unescaped.
    """
    tracks: list[Any] = [TRACKS_INDEX]
    for track in library.tracks:
        weeks = [{_nav_title(f"Week {w.number}: {w.title}"): week_src(track, w)} for w in track.weeks]
        tracks.append({_nav_title(track.title): [track_src(track), *weeks]})
    return [
        {"Home": HOME},
        {"Tracks": tracks},
        {"Articles": ARTICLES_INDEX},
        *extra_pages,
        {"Tags": TAGS_INDEX},
    ]


def _nav_title(text: str) -> str:
    return html.escape(text, quote=True)
