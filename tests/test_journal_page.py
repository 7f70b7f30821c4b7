"""The journal page stays the same size however large the library is: the browser builds
it from what is stored and the data file the build writes beside it."""

from __future__ import annotations

import json

import pytest
from site_helpers import Site, article_text

pytestmark = pytest.mark.build


def journal_data(site: Site) -> dict:
    return json.loads((site.root / "site/journal/questions.json").read_text("utf-8"))


def test_the_data_file_holds_questions_readings_and_weeks(site: Site) -> None:
    site.write("content/articles/solo.md", article_text("Solo <b>", tags="[solo]"))
    site.build()
    data = journal_data(site)
    week = data["tracks"][0]["weeks"][0]
    assert week["url"] == "../tracks/two-weeks/week-1/"
    assert week["readings"] == ["lead"]
    assert week["questions"][:2] == ["week-two-weeks-1/notice", "article-lead/try"]
    assert data["questions"]["week-two-weeks-1/notice"] == ["What did you notice?", ""]
    assert data["questions"]["article-lead/try"] == ["What will you try?", "lead"]
    # An article in no track: its questions are known, so its answers are not "retired".
    assert data["questions"]["article-solo/try"] == ["What will you try?", "solo"]
    assert data["articles"]["solo"] == ["Solo <b>", "../articles/solo/"]
    html = site.raw_html("journal")
    assert 'data-rp-src="questions.json"' in html
    assert "What will you try?" not in html, "no question is printed on the page"


def test_the_journal_page_does_not_grow_with_the_library(site: Site) -> None:
    site.build()
    small = len(site.raw_html("journal").encode())
    for n in range(60):  # 60 more articles, half of them read by the track's weeks
        tags = "[leadership]" if n % 2 else "[extra]"
        questions = tuple(f"Question {q} of article {n}, with some words?" for q in range(4))
        site.write(
            f"content/articles/more-{n}.md",
            article_text(f"More {n}", tags=tags, reflection=questions),
        )
    site.build()
    large = len(site.raw_html("journal").encode())
    assert large - small < 200, (small, large)  # nothing per article or question
    assert len(journal_data(site)["questions"]) > 240
