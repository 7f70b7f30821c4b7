"""Browsing the library: the A to Z of articles and a page per tag, sized to stay small.

No page lists the whole library once it is large: up to ONE_PAGE articles the A to Z is one
page; beyond that it is an index of letters with a page per letter. Every tag has its own
page with the tag plugin's listing of that tag alone, so the tag index stays a table.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
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
class TagPage:
    slug: str
    title: str
    description: str
    count: int


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
    counts = Counter(tag for article in library.articles for tag in article.tags)
    described = {tag.slug: tag for tag in library.tags}
    pages = []
    for slug in sorted(counts):
        info = described.get(slug)
        title = info.title if info else slug
        pages.append(TagPage(slug, title, info.description if info else "", counts[slug]))
    return tuple(pages)
