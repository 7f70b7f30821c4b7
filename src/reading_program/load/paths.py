"""Where the project's files are: the one owner of every path the program reads.

A *repo path* is a path relative to the repository root with forward slashes, such as
`content/articles/courage-is-calling.md`: every message to an author names files that way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

RepoPath = str  # relative to the repository root, forward slashes
CONFIG_FILE = "mkdocs.yml"


class ProjectNotFound(Exception):
    """No `mkdocs.yml` in the folder or any folder above it."""


def find_root(start: Path) -> Path:
    """The repository root: the nearest folder, from `start` upwards, holding mkdocs.yml
    (as git finds `.git`), so commands work from any sub-folder and pre-commit hooks."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise ProjectNotFound(
        f"no {CONFIG_FILE} in {start} or any folder above it: run this inside the reading "
        "program's repository, or pass --root <folder>"
    )


@dataclass(frozen=True)
class ContentPaths:
    """Every content location, below the repository `root`."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def articles(self) -> Path:
        return self.content / "articles"

    @property
    def tracks(self) -> Path:
        return self.content / "tracks"

    @property
    def assessments(self) -> Path:
        return self.content / "assessments"

    @property
    def cohorts(self) -> Path:
        return self.content / "cohorts"

    @property
    def tags(self) -> Path:
        return self.content / "tags.yml"

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def cache(self) -> Path:
        """Parsed content kept between builds (ignored by git)."""
        return self.root / ".cache" / "reading-program" / "parsed-content.json"

    @property
    def generated(self) -> Path:
        """The generated pages' sources, for MkDocs to read (ignored by git)."""
        return self.root / ".cache" / "reading-program" / "pages"

    def repo_path(self, file: Path) -> RepoPath:
        """`file` relative to the repository, for messages; absolute if it lies outside."""
        try:
            return file.relative_to(self.root).as_posix()
        except ValueError:
            return file.as_posix()

    def inside(self, file: Path) -> bool:
        """Whether `file`, with every symbolic link followed, lies inside the repository."""
        return file.resolve().is_relative_to(self.root.resolve())
