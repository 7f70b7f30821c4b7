"""`make serve` as an author sees it, in real Chromium: a draft carries its banner, and a
content mistake turns every page into the list of problems, which reloads by itself into
the site once the mistake is fixed (MkDocs' livereload), rather than a page that never
loads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from mkdocs_serve import mkdocs_serve
from playwright.sync_api import Page, expect
from site_helpers import Site, article_text, make_site

DRAFT = article_text("Work in progress", tags="[leadership]", extra="draft: true\n")
RELOAD_MS = 90_000  # a rebuild on two shared cores
WCAG_2_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def assert_accessible_light_and_dark(page: Page) -> None:
    options = {"runOnly": {"type": "tag", "values": WCAG_2_A_AA}, "resultTypes": ["violations"]}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        results = Axe().run(page, context="article", options=options)
        assert results.violations_count == 0, results.generate_report()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Site, str]]:
    site = make_site(tmp_path)
    site.write("content/articles/work-in-progress.md", DRAFT)
    with mkdocs_serve(site.root) as url:
        yield site, url


def test_a_draft_shows_its_banner_and_no_week_lists_it(page: Page, served) -> None:
    _, url = served
    page.goto(url + "articles/work-in-progress/")
    banner = page.locator("article .admonition.warning")
    expect(banner).to_be_visible()
    expect(banner.locator(".admonition-title")).to_have_text("Draft")
    expect(banner).to_contain_text("content/articles/work-in-progress.md")
    expect(banner).to_contain_text("published builds leave it out")
    assert_accessible_light_and_dark(page)
    page.goto(url + "tracks/two-weeks/week-1/")
    expect(page.locator(".rp-reading")).to_have_count(1)
    expect(page.locator("article")).not_to_contain_text("Work in progress")


def test_problems_show_in_the_open_page_and_it_reloads_when_fixed(page: Page, served) -> None:
    site, url = served
    lead = site.root / "content/articles/lead.md"
    good = lead.read_text("utf-8")
    page.goto(url + "articles/lead/")
    expect(page.locator("article h1")).to_have_text("Lead")

    lead.write_text(good.replace('summary: "A short summary."', "summary: 12"), "utf-8")
    problems = page.locator(".rp-content-problems li")
    expect(problems).to_have_count(1, timeout=RELOAD_MS)  # reloaded without a click
    expect(problems).to_have_text(
        "content/articles/lead.md:3: summary: expected text, found a number (12): "
        "put it in double quotes"
    )
    expect(page.get_by_role("alert")).to_contain_text("1 problem stops the site from building")
    assert_accessible_light_and_dark(page)

    lead.write_text(good, "utf-8")
    expect(page.locator("article h1")).to_have_text("Lead", timeout=RELOAD_MS)
    expect(problems).to_have_count(0)


def test_under_serve_keeping_a_track_registers_nothing_and_says_why(page: Page, served) -> None:
    """Offline copies are for the published site: pages under `mkdocs serve` change as the
    author edits, and its live reload must reach the server."""
    _, url = served
    page.goto(url + "tracks/two-weeks/")
    page.get_by_role("button", name="Keep this track for offline reading").click()
    expect(page.locator(".rp-offline__status")).to_contain_text("works on the published site")
    registrations = page.evaluate("navigator.serviceWorker.getRegistrations()")
    assert registrations == [] and page.evaluate("caches.keys()") == []
