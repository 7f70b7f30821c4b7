"""Under a real `mkdocs serve` (as `make serve` runs it), the folder being served is replaced
only by a whole build (staging.py): a content mistake is shown in the page and a build that
fails leaves the last good pages in place, and the fix brings the new text. The tests' own
small site in tmp_path; MkDocs' temporary folder for the served site is kept under tmp_path
(TMPDIR) so that the test can look at it."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs_serve import fetch, mkdocs_serve, wait_for
from site_helpers import make_site

pytestmark = pytest.mark.build

FIRST = "Some words of the article."  # site_helpers.article_text's body
SECOND = "Words of the second draft."
THIRD = "Words that waited for the fix."
# Jinja fails on the page it renders: the lead article's (dirty builds read templates anew)
FAILS_ON_LEAD = (
    '{% if page and page.url == "articles/lead/" %}{{ page.no_such_call() }}{% endif %}\n'
)
LAST_GOOD = "the last good site is left as it was"  # mkdocs_adapter.build_failed


def served_folder(temp: Path) -> Path:
    (folder,) = temp.glob("mkdocs_*")  # made by `mkdocs serve` for the site it serves
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


def article_text(url: str) -> str:
    status, text = fetch(url + "articles/lead/", timeout=60)  # held while a rebuild runs
    assert status == 200
    return BeautifulSoup(text, "html.parser").get_text(" ")


def test_serve_swaps_in_only_whole_builds_and_the_fix_shows(tmp_path: Path) -> None:
    site = make_site(tmp_path / "project")
    temp = tmp_path / "tmp"
    temp.mkdir()
    lead = site.root / "content/articles/lead.md"
    good = lead.read_text("utf-8")
    coach = site.root / "content/articles/coach.md"
    good_coach = coach.read_text("utf-8")
    footer = site.root / "overrides/partials/footer.html"
    good_footer = footer.read_text("utf-8")
    log = site.root / "serve.log"

    with mkdocs_serve(site.root, TMPDIR=str(temp)) as url:
        assert FIRST in article_text(url)
        served = served_folder(temp)
        page = served / "articles/lead/index.html"

        # A content mistake (a quote left open in the frontmatter): the page says so.
        lead.write_text(good.replace('title: "Lead"', 'title: "Lead'), "utf-8")
        wait_for(lambda: "rp-content-problems" in fetch(url + "articles/lead/", timeout=60)[1])
        problems = BeautifulSoup(fetch(url + "articles/lead/")[1], "html.parser")
        listed = [item.get_text() for item in problems.select(".rp-content-problems li code")]
        assert any(item.startswith("content/articles/lead.md:2") for item in listed), listed

        lead.write_text(good.replace(FIRST, SECOND), "utf-8")
        wait_for(lambda: SECOND in article_text(url))
        last_good = snapshot(served)

        # A build that fails once MkDocs has started writing pages: both articles edited in
        # one save, and a theme template that fails on the lead article's page alone (the
        # other is written first). Nothing served changes: not the other article either.
        footer.write_text(good_footer + FAILS_ON_LEAD, "utf-8")
        coach.write_text(good_coach.replace(FIRST, THIRD), "utf-8")
        lead.write_text(good.replace(FIRST, THIRD), "utf-8")
        wait_for(lambda: LAST_GOOD in log.read_text("utf-8"))
        assert snapshot(served) == last_good
        assert SECOND in page.read_text("utf-8"), "the last good page is the one served"
        assert not [*temp.glob(".mkdocs_*")], "no staging folder is left behind"

        footer.write_text(good_footer, "utf-8")
        lead.write_text(good.replace(FIRST, THIRD), "utf-8")  # saved again: serve rebuilds
        wait_for(lambda: THIRD in article_text(url))
        assert THIRD in fetch(url + "articles/coach/")[1]
        assert SECOND not in article_text(url)
        assert "rp-content-problems" not in fetch(url + "articles/lead/")[1]
