"""Source paths of the site's pages. Other work links to the URLs they produce
(`/articles/<slug>/`, `/tracks/<id>/week-<n>/`), so they are part of the contract."""

from __future__ import annotations

from .models import Article, Track, Week

HOME = "index.md"
ARTICLES_INDEX = "articles/index.md"
TRACKS_INDEX = "tracks/index.md"
TAGS_INDEX = "tags.md"


def article_src(article: Article) -> str:
    return f"articles/{article.slug}.md"


def track_src(track: Track) -> str:
    return f"tracks/{track.id}/index.md"


def week_src(track: Track, week: Week) -> str:
    return f"tracks/{track.id}/week-{week.number}.md"
