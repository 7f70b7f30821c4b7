"""Shared fixtures: a small real site in tmp_path, built with real MkDocs."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from site_helpers import REPO, TRACK_YAML, Site, article_text


@pytest.fixture
def site(tmp_path: Path) -> Site:
    """A site with the project's mkdocs.yml, hooks and theme overrides, two articles and a
    two-week track."""
    for folder in ("hooks", "overrides", "docs/stylesheets"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "src").mkdir()  # watched by `mkdocs serve`; must exist
    shutil.copy(REPO / "docs" / "tags.md", tmp_path / "docs" / "tags.md")
    new = Site(tmp_path)
    new.write("docs/index.md", "# Home\n\n<!-- reading-program:start two-weeks -->\n")
    new.write("content/articles/lead.md", article_text("Lead", tags="[leadership]"))
    new.write("content/articles/coach.md", article_text("Coach", tags="[coaching]"))
    new.write("content/tracks/two-weeks.yml", TRACK_YAML)
    return new


@pytest.fixture
def build_error(site: Site, caplog: pytest.LogCaptureFixture) -> Callable[[], str]:
    """Build `site` expecting failure; return what MkDocs logged."""

    def run() -> str:
        caplog.set_level(logging.ERROR, logger="mkdocs")
        with pytest.raises(Exception) as failure:  # MkDocs raises Abort after logging
            site.build()
        return "\n".join([caplog.text, str(failure.value)])

    return run
