"""Browser tests: the repository's site and the tests' own program (program.py), built
strictly and served on 127.0.0.1, driven in Debian's headless Chromium by Playwright.
Nothing here downloads a browser."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from headless_chromium import CHROMIUM, CHROMIUM_ARGS
from mkdocs.commands.build import build
from mkdocs.config import load_config
from program import write_program


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(f"{CHROMIUM} is missing: CI must run the browser tests")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (apt-get install chromium)")
    for item in items:
        if "browser" in str(item.path):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def site_url(repo_site) -> str:
    """The repository's site, built once for the session (tests/conftest.py)."""
    return repo_site.url


@pytest.fixture(scope="session")
def program_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The tests' own program (tests/browser/program.py), built strictly once for the session
    and served from a thread on 127.0.0.1, its site_url the served address (Material's
    instant navigation takes over links to the pages its sitemap lists)."""
    root = tmp_path_factory.mktemp("program")
    write_program(root)
    handler = functools.partial(_Quiet, directory=str(root / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    build(load_config(config_file=str(root / "mkdocs.yml"), strict=True, site_url=url))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()
    server.server_close()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass
