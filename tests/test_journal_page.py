"""The journal page stays the same size however large the library is: the browser builds
it from what is stored and the data files the build writes beside it. What it always
loads holds the tracks only; the articles in no track are in a file of their own, which
it loads only for answers outside the tracks."""

from __future__ import annotations

import json
import posixpath

import pytest
from site_helpers import Site, article_text

pytestmark = pytest.mark.build

ALWAYS_LOADED = "site/journal/questions.json"


def journal_data(site: Site) -> dict:
    return json.loads((site.root / ALWAYS_LOADED).read_text("utf-8"))


def on_demand(site: Site, name: str) -> dict:
    """A file the journal loads only when needed, by its name in the data."""
    path = posixpath.join("site/journal", journal_data(site)[name])
    return json.loads((site.root / path).read_text("utf-8"))


def other_articles(site: Site) -> dict:
    return on_demand(site, "other_articles")


def fill(template: str, **values: str) -> str:
    """As the browser fills the data's templates (journal-entries.js)."""
    for name, value in values.items():
        template = template.replace(f"{{{name}}}", value)
    return template


def more_articles(site: Site, count: int, tags: str) -> None:
    for n in range(count):
        questions = tuple(f"Question {q} of article {n}, with some words?" for q in range(4))
        site.write(
            f"content/articles/more-{n}.md",
            article_text(f"More {n}", tags=tags, reflection=questions),
        )


def test_the_data_holds_the_tracks_and_apart_the_articles_in_no_track(site: Site) -> None:
    site.write("content/articles/solo.md", article_text("Solo <b>", tags="[solo]"))
    site.build()
    data = journal_data(site)
    week = data["tracks"][0]["weeks"][0]
    assert week["url"] == "../tracks/two-weeks/week-1/"
    assert week["readings"] == ["lead"]
    assert week["prompts"] == ["week-two-weeks-1/notice"]
    questions = ["try", "help", "stops"]  # the ids of article_text's questions
    # A track's reading carries its minutes too: a participant's card names the next one.
    assert data["readings"] == {"lead": ["Lead", questions, 1], "coach": ["Coach", questions, 1]}
    assert other_articles(site)["articles"] == {"solo": ["Solo <b>", questions]}
    always_loaded = (site.root / ALWAYS_LOADED).read_text("utf-8")
    assert "What will you try?" not in always_loaded, "answers carry their question's text"
    texts = on_demand(site, "question_texts")  # for answers stored without it
    assert texts["articles"]["solo"] == ["What will you try?", "Who can help?", "What stops you?"]
    assert texts["prompts"] == {
        "week-two-weeks-1/notice": "What did you notice?",
        "week-two-weeks-2/change": "What will you change?",
    }
    html = site.raw_html("journal")
    assert 'data-rp-journal="questions.json"' in html
    assert "What will you try?" not in html, "no question is printed on the page"


@pytest.mark.parametrize("slug", ["lead", "solo"])
def test_the_templates_give_an_articles_page_and_its_answer_keys(site: Site, slug: str) -> None:
    site.write("content/articles/solo.md", article_text("Solo", tags="[solo]"))
    site.build()
    data = journal_data(site)
    url = posixpath.normpath(posixpath.join("journal", fill(data["article_url"], slug=slug)))
    page = site.html(url)
    keys = {item["data-rp-key"] for item in page.select(".rp-reflection li[data-rp-key]")}
    table = data["readings"] if slug in data["readings"] else other_articles(site)["articles"]
    title, questions = table[slug][:2]
    assert page.h1.get_text() == title
    filled = {fill(data["article_question"], slug=slug, question=q) for q in questions}
    assert filled == keys and len(keys) == 3


def test_what_is_always_loaded_does_not_grow_with_articles_in_no_track(site: Site) -> None:
    site.build()
    before = (site.root / ALWAYS_LOADED).read_bytes()
    more_articles(site, 40, tags="[extra]")
    site.build()
    assert (site.root / ALWAYS_LOADED).read_bytes() == before
    assert len(other_articles(site)["articles"]) == 40


def test_the_journal_page_does_not_grow_with_the_library(site: Site) -> None:
    site.build()
    small = len(site.raw_html("journal").encode())
    more_articles(site, 30, tags="[extra]")
    for n in range(30):  # and 30 more that the track's first week reads
        site.write(f"content/articles/read-{n}.md", article_text(f"Read {n}", tags="[leadership]"))
    site.build()
    large = len(site.raw_html("journal").encode())
    assert large - small < 200, (small, large)  # nothing per article or question
    assert len(journal_data(site)["readings"]) == 32
