"""An article body is content, never code: even past the build's own check, nothing in a
body runs in the reader's browser or makes it ask another host for anything.

The build refuses such bodies (tests/test_last_good_site.py). Here that first layer is
switched off, so the hostile bodies reach the second one, the sanitiser (nh3), and the
pages a reader would get are opened in Chromium with every request logged.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Page, expect
from site_helpers import article_text, make_site

from reading_program.load import html_policy, markdown_render

HOSTILE_BODY = """\
Before the payloads.

<script>window.__ran = "script"</script>
<img src="https://tracker.example/pixel.gif" alt="">
<img src="x.png" onerror="window.__ran = 'onerror'">
<img src="x.png" srcset="https://cdn.example/a.png 2x">
<style>@import url(https://fonts.example/x.css); body { display: none }</style>
<iframe src="https://video.example/embed"></iframe>
<object data="https://flash.example/x.swf"></object>
<embed src="https://flash.example/y.swf">
<video src="https://media.example/v.mp4" autoplay></video>
<link rel="stylesheet" href="https://cdn.example/x.css">
<meta http-equiv="refresh" content="0; url=https://evil.example/">
<div style="background: url(https://tracker.example/bg.png)">styled</div>
<form action="https://evil.example/"><input autofocus onfocus="window.__ran = 'focus'"></form>
<svg><script>window.__ran = "svg"</script><image href="https://tracker.example/s.png"/></svg>
<a href="javascript:window.__ran = 'link'" id="js-link">a link</a>
<ol class="rp-questions" data-rp-scope="x"><li data-rp-key="fake">A fake question?</li></ol>

[a [b] c](javascript:window.__ran='markdown') and ![x](https://tracker.example/md.gif)

## Heading { onclick="window.__ran = 'attr-list'" }

After the payloads.
"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def past_the_check(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site whose article holds every hostile construct, built with the first layer
    (html_policy.inspect) reporting nothing, and served on 127.0.0.1."""
    site = make_site(tmp_path_factory.mktemp("hostile"))
    site.write("content/articles/lead.md", article_text("Lead", body=HOSTILE_BODY))
    site.write("docs/articles/lead/x.png", b"\x89PNG\r\n\x1a\n")  # the page's own image

    def blind(html: str) -> html_policy.Inspected:
        seen = html_policy.inspect(html)
        return html_policy.Inspected((), seen.ids, seen.addresses)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markdown_render, "inspect", blind)
        build(load_config(config_file=str(site.root / "mkdocs.yml"), strict=True))
    handler = functools.partial(_Quiet, directory=str(site.root / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_nothing_in_a_body_runs_or_asks_another_host(page: Page, past_the_check: str) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(past_the_check)
    page.evaluate("localStorage.setItem('reading-program', '{\"kept\": true}')")
    page.goto(past_the_check + "articles/lead/")
    expect(page.get_by_text("After the payloads.")).to_be_visible()
    page.locator("#js-link").click()
    page.get_by_role("heading", name="Heading").click()
    page.wait_for_timeout(300)

    assert page.evaluate("window.__ran") is None
    assert page.evaluate("localStorage.getItem('reading-program')") == '{"kept": true}'
    hosts = {urlsplit(url).netloc for url in asked}
    assert hosts == {urlsplit(past_the_check).netloc}, sorted(asked)
    body = page.locator("article")
    expect(body.locator("script, iframe, object, embed, video, form, svg image")).to_have_count(0)
    hostile = "[onerror], [onclick], [onfocus], [autofocus], [style*='url'], [data-rp-key='fake']"
    expect(body.locator(hostile)).to_have_count(0)
    fake = page.locator("li", has_text="A fake question?")  # text, not one of the page's questions
    expect(fake).to_be_visible()
    expect(fake.locator("textarea")).to_have_count(0)


def test_what_a_body_may_hold_still_shows(page: Page, past_the_check: str) -> None:
    page.goto(past_the_check + "articles/lead/")
    expect(page.get_by_text("Before the payloads.")).to_be_visible()
    inert = page.locator("a", has_text="a [b] c")  # kept as text: its href is gone
    expect(inert).to_have_count(1)
    assert inert.get_attribute("href") is None


def test_the_build_names_what_it_refuses(tmp_path: Path) -> None:
    """The first layer is the build's: the same body fails it, naming what it found."""
    site = make_site(tmp_path)
    site.write("content/articles/lead.md", article_text("Lead", body=HOSTILE_BODY))
    site.write("docs/articles/lead/x.png", b"\x89PNG\r\n\x1a\n")
    result = site.build_cli()
    assert result.returncode == 1
    for found in ("a <script> would run", "tracker.example/pixel.gif", "onerror=", "fonts.example"):
        assert found in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
