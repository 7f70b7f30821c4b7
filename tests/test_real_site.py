"""The repository's own site builds strictly with all articles and the six-week track."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from site_helpers import REPO

pytestmark = pytest.mark.build
ARTICLES = sorted(path.stem for path in (REPO / "content/articles").glob("*.md"))


@pytest.fixture(scope="module")
def site_dir(repo_site) -> Path:
    return repo_site.directory


def page(site_dir: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / url / "index.html").read_text("utf-8"), "html.parser")


def test_all_twelve_seed_articles_are_published(site_dir: Path) -> None:
    assert len(ARTICLES) == 12
    for slug in ARTICLES:
        article = page(site_dir, f"articles/{slug}")
        assert len(article.select(".rp-reflection li")) >= 3, slug
        assert article.select("a.md-tag"), slug


@pytest.mark.parametrize("number", range(1, 7))
def test_each_week_has_readings_and_questions(site_dir: Path, number: int) -> None:
    week = page(site_dir, f"tracks/six-week-leadership/week-{number}")
    assert len(week.select(".rp-reading")) >= 1
    assert len(week.select("li[data-rp-key]")) >= 3  # the prompts and the readings' questions


def test_every_article_is_read_in_exactly_one_week(site_dir: Path) -> None:
    read = []
    for number in range(1, 7):
        week = page(site_dir, f"tracks/six-week-leadership/week-{number}")
        read += [
            a["href"].rstrip("/").split("/")[-1]
            for a in week.select("h3.rp-reading__title a:not(.headerlink)")
        ]
    assert sorted(read) == ARTICLES


def test_every_tag_has_a_page_and_the_index_links_to_it(site_dir: Path) -> None:
    index = page(site_dir, "tags")
    listed = [a["href"] for a in index.select("article td a.md-tag")]
    carried = {tag for slug in ARTICLES for tag in _tags(slug)}
    assert sorted(listed) == sorted(f"{tag}/" for tag in carried)
    for tag in carried:
        own = page(site_dir, f"tags/{tag}")
        listed = sorted(a["href"].split("/")[-2] for a in own.select("article li a"))
        assert listed == sorted(slug for slug in ARTICLES if tag in _tags(slug)), tag
    assert not index.select("article li a[href*='articles/']"), "the index lists no articles"


def _tags(slug: str) -> list[str]:
    text = (REPO / f"content/articles/{slug}.md").read_text("utf-8")
    return text.split("tags: [", 1)[1].split("]", 1)[0].replace(" ", "").split(",")


def test_seed_specific_content_survives_conversion(site_dir: Path) -> None:
    coaching = page(site_dir, "articles/effective-coaching-sessions")
    longest_list = max(coaching.select("article ol"), key=lambda ol: len(ol.find_all("li")))
    assert len(longest_list.find_all("li")) == 30
    outcomes = page(site_dir, "articles/good-leader-or-just-a-manager").get_text()
    for outcome in ("Serious Issue", "Cause for Concern", "Seems under control"):
        assert f"Outcome: {outcome}" in outcomes
    for slug in ARTICLES:
        assert "Unsplash" not in (REPO / f"content/articles/{slug}.md").read_text("utf-8")
