"""The same participant path on the site as MkDocs, ProperDocs and Zensical (from the export)
build it: mark a reading as read, answer a question, and the journal shows the answer."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from engine_builds import ENGINES, build_with
from playwright.sync_api import Page, expect
from site_helpers import make_site

WEEK_1 = "tracks/two-weeks/week-1/"
OVERVIEW = "tracks/two-weeks/"


class _Handler(SimpleHTTPRequestHandler):
    """Serves whichever folder `serving` names: the site is built after the port is known,
    as its site_url (Material's instant navigation follows the sitemap's addresses)."""

    def __init__(self, *args: object, serving: dict[str, Path], **kwargs: object) -> None:
        super().__init__(*args, directory=str(serving["site"]), **kwargs)  # type: ignore[arg-type]

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module", params=ENGINES)
def engine_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    engine = request.param
    serving: dict[str, Path] = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, serving=serving))
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    site = make_site(tmp_path_factory.mktemp(engine) / "project")
    serving["site"] = build_with(engine, site.root, site.root / f"site-{engine}", url).site
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()
    server.server_close()


def test_read_answer_and_find_it_in_the_journal(page: Page, engine_site: str) -> None:
    page.goto(engine_site + WEEK_1)
    expect(page.locator("textarea.rp-answer")).to_have_count(4)  # the modules have loaded
    page.get_by_label("Mark as read").first.check()
    page.locator("textarea.rp-answer").first.fill("Listen before I speak.")
    page.goto(engine_site + OVERVIEW)
    # Week 1's one reading is read: the week counts as complete.
    week_1 = page.locator(".rp-week-progress[data-rp-week='1']")
    expect(week_1).to_have_class(re.compile(r"\brp-week-progress--complete\b"))
    page.goto(engine_site + "journal/")
    journal = page.locator("article")
    expect(journal).to_contain_text("What did you notice?")
    expect(journal).to_contain_text("Listen before I speak.")
