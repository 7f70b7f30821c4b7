"""Pages for participants speak to participants: no words from the repository's world."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

PAGES = [
    "",
    "articles/courage-is-calling/",
    "tracks/six-week-leadership/",
    "tracks/six-week-leadership/week-1/",
    "tracks/six-week-leadership/week-6/",
    "tracks/six-week-leadership/week-1/guide/",
    "journal/",
    "assessments/leader-or-manager/",
]
JARGON = re.compile(r"(?i)\breadme\b|localstorage|\bcommit(ting)?\b|\bgit\b|\byaml\b|\.yml\b")


@pytest.mark.parametrize("url", PAGES)
def test_no_jargon_in_the_content(repo_site, url: str) -> None:
    html = (Path(repo_site.directory) / url / "index.html").read_text("utf-8")
    article = BeautifulSoup(html, "html.parser").select_one("article")
    for hidden in article.select("noscript"):
        hidden.unwrap()  # what readers without JavaScript see counts too
    text = article.get_text(" ")
    assert not JARGON.search(text), JARGON.search(text)
