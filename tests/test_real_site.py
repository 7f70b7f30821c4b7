"""The repository's own site builds strictly: every article, every week of every track.

The content is the authors' (they add articles, tracks and cohorts, following the README):
these checks hold for any valid content, read from the library the build plans, never for
today's counts or titles.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from site_helpers import REPO

from reading_program.load.paths import ContentPaths
from reading_program.plan.library import load_library
from reading_program.render.urls import article_src, week_src

pytestmark = pytest.mark.build
LIBRARY = load_library(ContentPaths(REPO))  # drafts left out, as the published build does
WEEKS = [(track, week) for track in LIBRARY.tracks for week in track.weeks]


@pytest.fixture(scope="module")
def site_dir(real_site: Path) -> Path:
    return real_site


def page(site_dir: Path, src_uri: str) -> BeautifulSoup:
    url = src_uri.removesuffix("index.md").removesuffix(".md").rstrip("/")
    return BeautifulSoup((site_dir / url / "index.html").read_text("utf-8"), "html.parser")


def test_every_article_is_published_with_its_questions_and_tags(site_dir: Path) -> None:
    assert LIBRARY.articles
    for article in LIBRARY.articles:
        built = page(site_dir, article_src(article))
        assert len(built.select(".rp-reflection li")) == len(article.reflection), article.slug
        assert len(built.select("a.md-tag")) == len(article.tags), article.slug


@pytest.mark.parametrize(
    ("track", "week"), WEEKS, ids=[f"{t.id}-week-{w.number}" for t, w in WEEKS]
)
def test_each_week_has_its_readings_and_questions(site_dir: Path, track, week) -> None:
    built = page(site_dir, week_src(track, week))
    read = [
        a["href"].rstrip("/").split("/")[-1]
        for a in built.select("h3.rp-reading__title a:not(.headerlink)")
    ]
    assert read == [article.slug for article in week.readings]
    assert read, "every week reads something"
    assert built.select("li[data-rp-key]"), "the week's prompts and its readings' questions"


def test_every_tag_has_a_page_and_the_index_links_to_it(site_dir: Path) -> None:
    index = BeautifulSoup((site_dir / "tags/index.html").read_text("utf-8"), "html.parser")
    listed = [a["href"] for a in index.select("article td a.md-tag")]
    carried = {tag for article in LIBRARY.articles for tag in article.tags}
    assert sorted(listed) == sorted(f"{tag}/" for tag in carried)
    for tag in carried:
        own = BeautifulSoup((site_dir / f"tags/{tag}/index.html").read_text("utf-8"), "html.parser")
        listed = sorted(a["href"].split("/")[-2] for a in own.select("article li a"))
        assert listed == sorted(a.slug for a in LIBRARY.articles if tag in a.tags), tag
    assert not index.select("article li a[href*='articles/']"), "the index lists no articles"
