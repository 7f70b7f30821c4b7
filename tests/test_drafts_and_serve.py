"""Drafts never block a published build, `mkdocs serve` shows them with a banner and shows
content problems in the page, and a published build without SITE_URL says where its links
will point. Real builds and a real `mkdocs serve` on sites the tests write."""

from __future__ import annotations

import subprocess

import pytest
from bs4 import BeautifulSoup
from mkdocs_serve import fetch, mkdocs_serve, wait_for
from site_helpers import Site, article_text

from reading_program.cli import main
from reading_program.load.drafts import says_draft
from reading_program.render.site_address import is_local_address, local_address_warning

# A draft tagged for week 1 of the two-week track, still holding reading-program new's TODO
DRAFT = article_text("Work in progress", tags="[leadership]", extra="draft: true\n", body="TODO\n")
BROKEN_DRAFT = '---\ntitle: "Half written\nsummary: 12\ndraft: true\n---\n\nSome text.\n'


def titles(soup: BeautifulSoup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select("article a")]


def check(site: Site, capsys: pytest.CaptureFixture[str]) -> subprocess.CompletedProcess[str]:
    """`reading-program check` on `site`, in-process (tests/test_cli.py runs the script)."""
    code = main(["--root", str(site.root), "check"])
    captured = capsys.readouterr()
    return subprocess.CompletedProcess(["check"], code, captured.out, captured.err)


# ---- recognising a draft -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('---\ntitle: "A"\ndraft: true\n---\n\nText\n', True),
        ("---\ndraft: True  # until the review\n---\n", True),
        ('---\ntitle: "unclosed\ndraft: true\n', True),  # frontmatter that does not parse
        ("---\ndraft: false\n---\n", False),
        ("---\ntitle: A\n---\n\ndraft: true\n", False),  # in the body, not the frontmatter
        ("---\nnotes:\n  draft: true\n---\n", False),  # not a top-level field
        ("draft: true\n", False),  # no frontmatter at all
    ],
)
def test_a_draft_is_the_line_draft_true_in_the_frontmatter(text: str, expected: bool) -> None:
    assert says_draft(text) is expected


def test_check_agrees_with_the_published_build_and_names_the_drafts(site: Site, capsys) -> None:
    site.write("content/articles/work-in-progress.md", DRAFT)
    site.write("content/articles/half-written.md", BROKEN_DRAFT)
    result = check(site, capsys)
    assert result.returncode == 0, result.stderr
    assert "Work in progress" not in result.stdout  # in no week
    assert "2 articles, 1 track" in result.stdout
    for path in ("content/articles/half-written.md", "content/articles/work-in-progress.md"):
        assert f"Draft, left out of published builds (shown by make serve): {path}" in result.stdout


def test_a_draft_the_track_pins_is_a_problem_of_the_track(site: Site, capsys) -> None:
    site.write("content/articles/work-in-progress.md", DRAFT)
    track = (site.root / "content/tracks/two-weeks.yml").read_text("utf-8")
    site.write(
        "content/tracks/two-weeks.yml",
        track.replace("tags: [coaching]", "tags: [coaching]\n    articles: [work-in-progress]"),
    )
    result = check(site, capsys)
    assert result.returncode != 0
    assert "content/tracks/two-weeks.yml" in result.stderr
    assert "'work-in-progress'" in result.stderr


# ---- published builds ----------------------------------------------------------------------


@pytest.mark.build
def test_a_published_build_leaves_drafts_out_even_broken_ones(site: Site) -> None:
    site.write("content/articles/work-in-progress.md", DRAFT)
    site.write("content/articles/half-written.md", BROKEN_DRAFT)
    result = site.build_cli()
    assert result.returncode == 0, result.stderr
    for path in ("content/articles/half-written.md", "content/articles/work-in-progress.md"):
        assert f"{path}: a draft (draft: true), left out of this build" in result.stderr
    built = site.root / "site"
    assert not (built / "articles" / "work-in-progress").exists()
    assert not (built / "articles" / "half-written").exists()
    assert "Work in progress" not in (built / "search" / "search_index.json").read_text("utf-8")
    assert "Work in progress" not in titles(site.html("tracks/two-weeks/week-1"))
    assert "Lead" in titles(site.html("tracks/two-weeks/week-1"))


@pytest.mark.build
def test_a_published_build_still_fails_on_a_problem_outside_drafts(site: Site) -> None:
    assert site.build_cli().returncode == 0
    before = (site.root / "site" / "index.html").read_text("utf-8")
    site.write("content/articles/work-in-progress.md", DRAFT)
    site.write("content/articles/lead.md", article_text("Lead", summary="12", tags="[nope-tag-x"))
    result = site.build_cli()
    assert result.returncode != 0
    assert "content/articles/lead.md" in result.stderr
    assert "work-in-progress" not in result.stderr
    assert (site.root / "site" / "index.html").read_text("utf-8") == before  # last good site


@pytest.mark.build
def test_a_build_without_site_url_warns_once_and_strict_mode_still_passes(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    result = site.build_cli()  # `mkdocs build --strict`, as `make build` runs it
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "SITE_URL" in line]
    assert len(warnings) == 1
    assert "http://127.0.0.1:8000/" in warnings[0]
    assert "SITE_URL=https://" in warnings[0]


@pytest.mark.build
def test_a_build_with_a_real_address_does_not_warn(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITE_URL", "https://reading.example.org/")
    result = site.build_cli()
    assert result.returncode == 0, result.stderr
    assert "SITE_URL" not in result.stderr
    assert "https://reading.example.org/" in (site.root / "site" / "sitemap.xml").read_text()


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8000/", "http://localhost:8001/x/", "http://[::1]/", "http://0.0.0.0/", ""],
)
def test_this_computer_is_no_address_to_publish_at(url: str) -> None:
    assert is_local_address(url)
    assert "SITE_URL" in (local_address_warning(url) or "")


@pytest.mark.parametrize("url", ["https://reading.example.org/", "http://10.0.0.5/"])
def test_a_real_address_is_one(url: str) -> None:
    assert not is_local_address(url)
    assert local_address_warning(url) is None


# ---- mkdocs serve --------------------------------------------------------------------------


@pytest.mark.build
def test_serve_shows_drafts_and_problems_in_the_page_never_holding_a_request(site: Site) -> None:
    site.write("content/articles/work-in-progress.md", DRAFT)
    lead = site.root / "content/articles/lead.md"
    good_lead = lead.read_text("utf-8")
    with mkdocs_serve(site.root) as url:
        status, draft_page = fetch(url + "articles/work-in-progress/")
        assert status == 200
        banner = BeautifulSoup(draft_page, "html.parser").select_one(".admonition.warning")
        assert banner is not None and "Draft" in banner.get_text()
        assert "content/articles/work-in-progress.md" in banner.get_text()
        assert "Work in progress" not in titles(
            BeautifulSoup(fetch(url + "tracks/two-weeks/week-1/")[1], "html.parser")
        )

        lead.write_text(good_lead.replace('summary: "A short summary."', "summary: 12"), "utf-8")
        site.write("content/articles/coach.md", good_lead.replace("tags: [leadership]", "tags: 7"))
        wait_for(lambda: "rp-content-problems" in fetch(url)[1])
        for page in ("", "articles/coach/", "articles/lead/", "tracks/two-weeks/"):
            status, text = fetch(url + page, timeout=10)  # answered at once, not held
            listed = [li.get_text() for li in BeautifulSoup(text, "html.parser").select("li code")]
            assert status == 200
            assert any(item.startswith("content/articles/lead.md:3: summary:") for item in listed)
            assert any(item.startswith("content/articles/coach.md:4: tags:") for item in listed)

        lead.write_text(good_lead, "utf-8")
        site.write("content/articles/coach.md", article_text("Coach", tags="[coaching]"))
        wait_for(lambda: "rp-content-problems" not in fetch(url + "articles/coach/")[1])
        for page in ("", "articles/lead/", "tracks/two-weeks/", "articles/work-in-progress/"):
            status, text = fetch(url + page)
            assert status == 200
            assert "rp-content-problems" not in text
        assert "Lead" in titles(
            BeautifulSoup(fetch(url + "tracks/two-weeks/week-1/")[1], "html.parser")
        )
