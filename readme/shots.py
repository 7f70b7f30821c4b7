"""What the picture scripts share: where the pictures go, and what they need to run.

The scripts write into build/screenshots/ unless told otherwise, so a run never changes the
committed pictures by accident: `--update-readme` writes into readme/, the folder the guides
show, and `--out DIR` anywhere else. They need the test tools (Playwright, Beautiful Soup),
which `make serve` does not install, and Debian's Chromium: `make screenshots` installs the
tools and runs all four; a missing piece is one plain line, not a traceback."""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib.util
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "browser"))  # the browser as the browser tests launch it
from headless_chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

README_PICTURES = REPO / "readme"
DEFAULT_OUT = REPO / "build" / "screenshots"
TEST_TOOLS = ("playwright", "bs4")


def output_folder(description: str, argv: list[str] | None = None) -> Path:
    """The folder the pictures go to, from the command line, created if missing."""
    parser = argparse.ArgumentParser(description=description)
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help=f"folder for the pictures (default: {DEFAULT_OUT.relative_to(REPO)}/)",
    )
    where.add_argument(
        "--update-readme",
        action="store_true",
        help="replace the committed pictures in readme/ that the guides show",
    )
    args = parser.parse_args(argv)
    out = README_PICTURES if args.update_readme else args.out
    out.mkdir(parents=True, exist_ok=True)
    return out


def missing_requirements(chromium: Path = CHROMIUM) -> list[str]:
    """What this machine lacks to take the pictures, in plain words (empty when nothing)."""
    missing = []
    if absent := [name for name in TEST_TOOLS if importlib.util.find_spec(name) is None]:
        missing.append(f"the test tools ({', '.join(absent)} are not installed)")
    if not chromium.is_file():
        missing.append(f"Debian's chromium at {chromium} (sudo apt-get install chromium)")
    return missing


def require_browser(chromium: Path = CHROMIUM) -> None:
    """Exit with one line saying what is missing and how to get it."""
    if missing := missing_requirements(chromium):
        raise SystemExit(
            "The pictures need " + " and ".join(missing) + ". `make screenshots` installs the "
            "test tools into .venv (`make serve` does not) and takes every picture."
        )


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def served_site() -> Iterator[tuple[str, Path]]:
    """The repository's site, built into a temporary folder with its own address and
    served on 127.0.0.1: (its URL, the folder). Call after require_browser()."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        handler = functools.partial(_Quiet, directory=str(site))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        config = load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site), site_url=url)
        build(config)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield url, site
        finally:
            server.shutdown()


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless. Call after require_browser()."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def take_pictures(pictures: str, shoot: Callable[[Browser, str, Path, Path], None]) -> None:
    """A picture script of the repository's own site, from its command line to the line it
    prints: `shoot(browser, url, site, out)` takes the `pictures`."""
    out = output_folder(f"Take {pictures}.")
    require_browser()  # before the imports that need the test tools
    with served_site() as (url, site), chromium() as browser:
        shoot(browser, url, site, out)
    print(f"Wrote {pictures} into {out}")
