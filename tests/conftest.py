"""Shared fixtures: a small real site in tmp_path, built with real MkDocs; test markers."""

from __future__ import annotations

import functools
import logging
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from site_helpers import (
    REPO,
    SAMPLE,
    SHARED_FOLDERS,
    Site,
    make_site,
    mkdocs_build,
    mkdocs_config,
    share_folder,
    shared_snapshot,
)

_BUILDING_FIXTURES = {"repo_site", "real_site", "build_error", "good_site"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/browser drives a browser, and tests using a built site build
    one: `-m "not build and not browser"` leaves the fast unit tests (and `make test-fast`
    leaves out the few marked `slow` too)."""
    for item in items:
        if "browser" in item.path.parts:
            item.add_marker(pytest.mark.browser)
        if _BUILDING_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)


@pytest.fixture(scope="session", autouse=True)
def _shared_files_stay_untouched() -> Iterator[None]:
    """Test sites hard-link the snapshot of the repository's hooks, theme and pages
    (`share_folder`): a test that wrote through a link would change every later site."""
    before = _shared_file_bytes()
    yield
    after = _shared_file_bytes()
    changed = sorted(name for name, data in after.items() if before.get(name) != data)
    assert not changed, f"a test wrote into the shared hooks, theme or pages: {changed}"


def _shared_file_bytes() -> dict[str, bytes]:
    snapshot = shared_snapshot()
    return {
        str(path.relative_to(snapshot)): path.read_bytes()
        for path in snapshot.rglob("*")
        if path.is_file()
    }


@pytest.fixture(autouse=True)
def _builds_only_when_marked(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A test that builds a site must say so (`@pytest.mark.build`), so the fast loop stays fast."""
    marked = request.node.get_closest_marker("build") or request.node.get_closest_marker("browser")
    monkeypatch.setattr(Site, "may_build", bool(marked))


@pytest.fixture(autouse=True)
def _published_build_unless_a_test_serves(monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs' on_startup says once per process whether it serves; a test that says so
    in-process (test_dirty_rebuild) must not make later tests' builds serve."""
    from reading_program.mkdocs_adapter import COMMAND_VARIABLE  # see site_helpers.mkdocs_config

    monkeypatch.setenv(COMMAND_VARIABLE, "build")


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return make_site(tmp_path)


@pytest.fixture
def build_error(site: Site, caplog: pytest.LogCaptureFixture) -> Callable[[], str]:
    """Build `site` expecting failure; return what MkDocs logged."""

    def run() -> str:
        caplog.set_level(logging.ERROR, logger="mkdocs")
        with pytest.raises(Exception) as failure:  # MkDocs raises Abort after logging
            site.build()
        return "\n".join([caplog.text, str(failure.value)])

    return run


@dataclass(frozen=True)
class ServedSite:
    directory: Path
    url: str
    source: Path  # the project it was built from


def sample_site(root: Path) -> Path:
    """The repository's code, config, theme and hand-written pages with the sample content
    of tests/fixtures/sample/content (twelve articles, two tracks, the Sales East cohort),
    below `root`: content/ is the authors' and changes, these tests' pages do not."""
    for folder in SHARED_FOLDERS:
        share_folder(folder, root / folder)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(SAMPLE / "content", root / "content")
    (root / "src").mkdir()  # watched by `mkdocs serve`; must exist
    return root


def published_build(config) -> None:
    """`mkdocs build`, whatever an earlier test's in-process serve start-up noted."""
    from reading_program.mkdocs_adapter import COMMAND_VARIABLE

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(COMMAND_VARIABLE, "build")
        mkdocs_build(config)


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The repository's site with the sample content (`sample_site`), built strictly once
    for the whole session and served from a thread on 127.0.0.1. Its site_url is the
    served address: Material's instant navigation only takes over links to pages listed in
    the sitemap, written with it."""
    root = sample_site(tmp_path_factory.mktemp("sample-site"))
    site_dir = tmp_path_factory.mktemp("repo-site")
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    config = mkdocs_config(root / "mkdocs.yml", site_dir=str(site_dir), site_url=url)
    published_build(config)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield ServedSite(site_dir, url, root)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository exactly as it is, its own content included, built strictly once."""
    site_dir = tmp_path_factory.mktemp("real-site")
    published_build(mkdocs_config(REPO / "mkdocs.yml", site_dir=str(site_dir)))
    return site_dir


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass
