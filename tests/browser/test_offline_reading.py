"""Read offline: a reader keeps a track, the network goes, and the track's weeks, articles,
search and answers still work; a site published again replaces the kept pages; removing
the copy leaves nothing behind. On the tests' own program, built here and served by a
plain static server, at the root and under a sub-path."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import BrowserContext, Page, expect
from program import SIX, write_program

BODY_OPENS = "Some words of the reading."  # program.py's article bodies
KEEP = "Keep this track for offline reading"
REMOVE = "Remove the offline copy"
TRACK = f"tracks/{SIX}/"
WEEK_1 = f"tracks/{SIX}/week-1/"
WEEK_2 = f"tracks/{SIX}/week-2/"
ARTICLE = "articles/first-look/"  # week 1
OTHER_ARTICLE = "articles/small-steps/"  # week 3: a page the reader does not revisit
# In the page: whether the kept copy's record names the version the site now publishes.
KEPT_IS_CURRENT = """async () => {
    const list = new URL("../../offline/six-weeks.json", location.href).href;
    const published = await (await fetch(list, { cache: "no-store" })).json();
    const [name] = await caches.keys();
    const record = await caches.match(`${list}?kept`, { cacheName: name });
    return Boolean(record) && (await record.json()).version === published.version;
}"""
WCAG_2_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@dataclass
class Served:
    """The program built into `root/public/<sub-path>` and served from `root/public`."""

    root: Path
    url: str  # the site's address on the test server
    site_url: str  # mkdocs.yml's site_url for the build
    hosts: set[str] = field(default_factory=set)

    def build(self) -> None:
        """`mkdocs build --strict`, as a publisher runs it."""
        folder = self.root / "public" / urlsplit(self.site_url).path.strip("/")
        config = load_config(
            config_file=str(self.root / "mkdocs.yml"),
            strict=True,
            site_dir=str(folder),
            site_url=self.site_url,
        )
        build(config)  # a published build: tests/conftest.py says so for every test

    def revise_article(self, slug: str, words: str) -> None:
        """The article's body now opens with `words` (its title, tags and place unchanged)."""
        path = self.root / "content" / "articles" / f"{slug}.md"
        text = path.read_text("utf-8")
        path.write_text(text.replace(BODY_OPENS, f"{words} {BODY_OPENS}", 1), "utf-8")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _served(root: Path, sub_path: str, site_url: str | None) -> Iterator[Served]:
    write_program(root)
    (root / "public").mkdir()
    handler = functools.partial(_Quiet, directory=str(root / "public"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/{sub_path}"
    served = Served(root, url, site_url or url)
    served.build()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield served
    server.shutdown()
    server.server_close()


@pytest.fixture
def program(tmp_path: Path) -> Iterator[Served]:
    """The program at the server's root, its site_url the served address."""
    yield from _served(tmp_path, "", None)


@pytest.fixture
def sub_path_program(tmp_path: Path) -> Iterator[Served]:
    """Published for https://example.org/sub/path/, served under /sub/path/ here."""
    yield from _served(tmp_path, "sub/path/", "https://example.org/sub/path/")


@pytest.fixture
def reader(context: BrowserContext) -> Iterator[tuple[BrowserContext, set[str]]]:
    """The browser context, and every host it requested (its service worker's included)."""
    hosts: set[str] = set()
    context.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    yield context, hosts


def keep_track(page: Page, site: Served) -> None:
    page.goto(site.url + TRACK)
    page.get_by_role("button", name=KEEP).click()
    expect(page.locator(".rp-offline__status")).to_contain_text("Kept for offline reading on")
    expect(page.get_by_role("button", name=REMOVE)).to_be_visible()


def wait_until(condition: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the kept copy was not refreshed in time"
        time.sleep(0.2)


def cache_names(page: Page) -> list[str]:
    return page.evaluate("caches.keys()")


def registrations(page: Page) -> int:
    return page.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)")


def search(page: Page, words: str) -> None:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially(words, delay=30)  # Material reads keys
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)


def test_a_kept_track_reads_offline_and_the_copy_goes_in_one_click(
    page: Page, reader: tuple[BrowserContext, set[str]], program: Served
) -> None:
    context, hosts = reader
    page.goto(program.url + TRACK)
    assert registrations(page) == 0, "nothing is registered before the reader asks"
    keep_track(page, program)
    assert registrations(page) == 1
    context.set_offline(True)
    for url in (
        WEEK_1,
        WEEK_2,
        ARTICLE,
        OTHER_ARTICLE,
        f"{WEEK_1}guide/",
        f"tracks/{SIX}/workbook/",
    ):
        page.goto(program.url + url)
        expect(page.locator("article h1")).to_be_visible()
    page.goto(program.url + "tags/")  # no kept track needs it
    expect(page.locator("h1")).to_have_text("Not kept for offline reading")
    assert page.url == program.url + "tags/", "the address asked for stays, to try again"
    page.get_by_role("link", name="go to the home page").click()
    expect(page.locator("article h1")).to_be_visible()
    search(page, "Plainly")
    expect(page.locator(".md-search-result__item").first).to_contain_text("Say It Plainly")
    page.goto(program.url + WEEK_1)
    page.locator("textarea.rp-answer").first.fill("Written on the train.")
    page.locator("textarea.rp-answer").first.blur()
    expect(page.locator(".rp-saved-note").first).to_contain_text("Saved")  # offline too
    page.reload()
    expect(page.locator("textarea.rp-answer").first).to_have_value("Written on the train.")
    stored = page.evaluate("localStorage.getItem('reading-program')")
    assert "Written on the train." in stored
    page.goto(program.url + "journal/")
    expect(page.locator(".rp-entry")).to_have_count(1)
    page.goto(program.url + "tags/")
    expect(page.locator("h1")).to_have_text("Not kept for offline reading")
    context.set_offline(False)
    page.get_by_role("link", name="Try again").click()
    expect(page.locator("article h1")).to_be_visible()  # the page wanted, once online
    assert page.url == program.url + "tags/"
    page.goto(program.url + TRACK)
    page.get_by_role("button", name=REMOVE).click()
    expect(page.get_by_role("button", name=KEEP)).to_be_visible()
    assert cache_names(page) == []
    assert registrations(page) == 0
    assert hosts == {urlsplit(program.url).netloc}, hosts


def test_a_site_published_again_replaces_the_kept_pages(
    page: Page, context: BrowserContext, program: Served
) -> None:
    keep_track(page, program)
    program.revise_article("first-look", "Revised words of week one.")
    program.revise_article("small-steps", "Revised steps of week three.")
    program.build()
    page.goto(program.url + ARTICLE)  # online: the new page, never the kept one
    expect(page.locator("article")).to_contain_text("Revised words of week one.")
    page.goto(program.url + TRACK)  # the new build's worker refreshes what changed
    wait_until(lambda: page.evaluate(KEPT_IS_CURRENT))
    context.set_offline(True)
    page.goto(program.url + ARTICLE)
    expect(page.locator("article")).to_contain_text("Revised words of week one.")
    page.goto(program.url + OTHER_ARTICLE)
    expect(page.locator("article")).to_contain_text("Revised steps of week three.")


def test_under_a_sub_path_on_a_plain_static_server(
    page: Page, reader: tuple[BrowserContext, set[str]], sub_path_program: Served
) -> None:
    context, hosts = reader
    site = sub_path_program
    manifest = page.request.get(site.url + "manifest.webmanifest").json()
    assert manifest["start_url"] == "./" and manifest["scope"] == "./"
    keep_track(page, site)
    scope = page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.scope)")
    assert scope == site.url
    context.set_offline(True)
    for url in ("", WEEK_1, ARTICLE):
        page.goto(site.url + url)
        expect(page.locator("article h1")).to_be_visible()
    assert hosts == {urlsplit(site.url).netloc}, hosts


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_control_is_named_focusable_and_passes_axe(
    page: Page, program: Served, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(program.url + TRACK)
    keep = page.get_by_role("button", name=KEEP)
    keep.focus()
    assert keep.evaluate("el => getComputedStyle(el).outlineStyle") != "none"
    options = {"runOnly": {"type": "tag", "values": WCAG_2_A_AA}, "resultTypes": ["violations"]}
    for state in ("not kept", "kept"):
        if state == "kept":
            page.keyboard.press("Enter")
            expect(page.get_by_role("button", name=REMOVE)).to_be_visible()
        results = Axe().run(page, context="article", options=options)
        assert results.violations_count == 0, (state, results.generate_report())
