"""One fixture site built three ways, as a site owner would past Material's end of life:
MkDocs with the hook, ProperDocs (MkDocs 1.x continued) with the hook, and Zensical from
`reading-program export` (Zensical skips `hooks:`). Each engine is a real command line run
in its own process, from the versions pinned in pyproject.toml's test extra."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from reading_program.render.offline import NOT_KEPT

BIN = Path(sys.executable).parent
ENGINES = ("mkdocs", "properdocs", "zensical")


@dataclass(frozen=True)
class Built:
    engine: str
    site: Path  # the built site folder

    def pages(self) -> set[str]:
        """Every HTML page, as a path relative to the site folder; not the offline worker's
        fallback page, which only the hook's published build writes."""
        found = {path.relative_to(self.site).as_posix() for path in self.site.rglob("*.html")}
        return found - {NOT_KEPT}

    def html(self, page: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / page).read_text("utf-8"), "html.parser")


def run(command: list[str], cwd: Path, site_url: str) -> subprocess.CompletedProcess[str]:
    # Author links on (as for an authors' build), so the edit buttons are there to check.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, "AUTHOR_LINKS": "1"}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def build_with(engine: str, root: Path, out: Path, site_url: str) -> Built:
    """Build the project at `root` with `engine` into `out`, as the README tells a site owner."""
    commands = {
        "mkdocs": [[str(BIN / "mkdocs"), "build", "--strict", "-d", str(out)]],
        "properdocs": [
            [str(BIN / "properdocs"), "build", "--strict", "-f", "mkdocs.yml", "-d", str(out)]
        ],
        "zensical": [
            [str(BIN / "reading-program"), "export", "--out", str(out.parent / "export")],
            # Zensical writes into the export's site_dir (site/), beside its mkdocs.yml.
            [
                str(BIN / "zensical"),
                "build",
                "--strict",
                "-f",
                str(out.parent / "export/mkdocs.yml"),
            ],
        ],
    }[engine]
    for command in commands:
        result = run(command, root, site_url)
        assert result.returncode == 0, (
            engine,
            command,
            result.stdout[-3000:],
            result.stderr[-3000:],
        )
    site = out.parent / "export" / "site" if engine == "zensical" else out
    return Built(engine, site)
