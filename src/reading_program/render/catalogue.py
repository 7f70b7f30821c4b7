"""Browsing the library: the A to Z of articles and a page per tag, sized to stay small.

No page lists the whole library once it is large: up to ONE_PAGE articles the A to Z is one
page; beyond that it is an index of letters with a page per letter. Every tag has its own
page listing its articles, so the tag index stays a table of tags. Tags are rendered here
rather than by Material's tags plugin: the same pages, at a fraction of the cost, and
pages that change exactly when their articles do (which incremental rebuilds rely on).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..model import Article, Library

ONE_PAGE = 120  # articles the A to Z shows on one page
NEWEST = 12  # articles the `articles` marker shows unless given another number
OTHER = "0-9"  # titles that start with no letter


@dataclass(frozen=True)
class Letter:
    key: str  # "a" ... "z", or OTHER: also the page's file name
    label: str  # "A", "0-9"
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class TagLink:
    slug: str
    title: str


@dataclass(frozen=True)
class TagPage(TagLink):
    """A tag's own page, linked to as its tag is."""

    description: str
    articles: tuple[Article, ...]  # A to Z

    @property
    def count(self) -> int:
        return len(self.articles)


def letter_of(title: str) -> str:
    """The A to Z letter a title files under: its first letter without accents."""
    for character in unicodedata.normalize("NFKD", title):
        if character.isalpha() and character.isascii():
            return character.lower()
        if character.isalnum():
            return OTHER
    return OTHER


def letters(articles: Sequence[Article]) -> tuple[Letter, ...]:
    """Articles (already A to Z) grouped by letter, letters in order, OTHER last."""
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(letter_of(article.title), []).append(article)
    order = sorted(groups, key=lambda key: (key == OTHER, key))
    return tuple(Letter(key, key.upper(), tuple(groups[key])) for key in order)


def newest(articles: Sequence[Article], count: int) -> list[Article]:
    """The `count` most recent articles (dated, newest first), then undated by title."""
    ranked = sorted(articles, key=lambda a: (a.date is None, -(a.date or date.min).toordinal()))
    return ranked[:count]


def tag_pages(library: Library) -> tuple[TagPage, ...]:
    """A page for every tag some article carries, with its title and description from
    content/tags.yml when it is listed there."""
    tagged: dict[str, list[Article]] = {}
    for article in library.articles:  # already A to Z
        for tag in article.tags:
            tagged.setdefault(tag, []).append(article)
    described = {tag.slug: tag for tag in library.tags}
    pages = []
    for slug in sorted(tagged):
        info = described.get(slug)
        title = info.title if info else slug
        description = info.description if info else ""
        pages.append(TagPage(slug, title, description, tuple(tagged[slug])))
    return tuple(pages)
