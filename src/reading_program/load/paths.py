"""Where the project's files are: the one owner of every path the program reads.

A *repo path* is a path relative to the repository root with forward slashes, such as
`content/articles/courage-is-calling.md`: every message to an author names files that way.
"""

from __future__ import annotations

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


class ContentPaths:
    """Every location the program reads or writes, below the repository `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.content = root / "content"
        self.articles = self.content / "articles"
        self.cohorts = self.content / "cohorts"
        self.tags = self.content / "tags.yml"
        kept = root / ".cache" / "reading-program"  # between builds; ignored by git
        self.cache = kept / "parsed-content.json"  # the parsed content
        self.generated = kept / "pages"  # the generated pages' sources, for MkDocs to read

    def repo_path(self, file: Path) -> RepoPath:
        """`file` relative to the repository, for messages; absolute if it lies outside."""
        try:
            return file.relative_to(self.root).as_posix()
        except ValueError:
            return file.as_posix()

    def inside(self, file: Path) -> bool:
        """Whether `file`, with every symbolic link followed, lies inside the repository."""
        return file.resolve().is_relative_to(self.root.resolve())
