"""The site folder is replaced only by a whole, finished build.

MkDocs writes straight into `site/`: it empties the folder right after `on_pre_build`, so
any failure after that point (a page the theme cannot render, a full disk, a plugin's
error, a strict-mode warning) leaves a broken or empty site. Instead, the build writes
into a staging folder beside `site/`, and the staging folder takes the site's place only
when the build has finished without an error or (under --strict) a warning.

A dirty build (`mkdocs serve --dirty`) rebuilds only what changed, so it needs the last
site to start from: the staging folder starts as hard links to the site's files (cheap).
A full build empties it straight away, which leaves the site untouched; a dirty build
finds the links still there and turns each into a copy of its own before anything is
written, so that no write can reach the site through a shared file.

Hidden entries of the site folder (`.git`, `.nojekyll`), which MkDocs never writes nor
removes, move over to the new site. A crash leaves at most a stale staging folder, which
the next build removes.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..atomic_files import copy_atomically


class StagingError(Exception):
    """The staging folder cannot be made or swapped in; the message says where and why."""


class SiteStaging:
    """The folder a build writes into instead of `site`, and the swap that ends it."""

    def __init__(self, site: Path) -> None:
        self.given = site  # the site folder as MkDocs was given it, to write there again
        self.site = Path(os.path.realpath(site))  # a site/ that is a link: its target moves
        self.folder = self.site.parent / f".{self.site.name}.staging"
        self._previous = self.site.parent / f".{self.site.name}.previous"

    def start(self) -> Path:
        """A fresh staging folder holding hard links to the site's files."""
        for leftover in (self.folder, self._previous):
            _remove(leftover)
        try:
            self.folder.mkdir(parents=True)
            if self.site.is_dir():
                _link_tree(self.site, self.folder)
        except OSError as error:
            _remove(self.folder)
            raise StagingError(_where(error, self.folder)) from None
        return self.folder

    def own_copies(self) -> None:
        """Turn every file still shared with the site into a copy of its own (same bytes
        and dates), so that a dirty build's writes stay in the staging folder."""
        try:
            for file in _files(self.folder):
                if os.stat(file).st_nlink > 1:
                    _unshare(file)
        except OSError as error:
            raise StagingError(_where(error, self.folder)) from None

    def swap_in(self) -> None:
        """Put the staging folder in the site's place, and remove the old site."""
        try:
            if self.site.is_dir():
                for hidden in self.site.iterdir():
                    if hidden.name.startswith(".") and not (self.folder / hidden.name).exists():
                        os.replace(hidden, self.folder / hidden.name)
                os.replace(self.site, self._previous)
            os.replace(self.folder, self.site)
        except OSError as error:
            if not self.site.exists() and self._previous.exists():
                os.replace(self._previous, self.site)  # the old site back, whole
            raise StagingError(_where(error, self.site)) from None
        _remove(self._previous)

    def discard(self) -> None:
        _remove(self.folder)


def _link_tree(source: Path, target: Path) -> None:
    for entry in os.scandir(source):
        if entry.name.startswith("."):
            continue  # hidden entries stay with the site until the swap
        if entry.is_dir(follow_symlinks=False):
            shutil.copytree(entry.path, target / entry.name, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry.path, target / entry.name)


def _link_or_copy(source: str, target: str | Path) -> None:
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:  # a file system without hard links: copy it
        shutil.copy2(source, target, follow_symlinks=False)


def _files(folder: Path):
    for root, _, names in os.walk(folder):
        for name in names:
            yield Path(root) / name


def _unshare(file: Path) -> None:
    copy_atomically(file, file)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink(missing_ok=True)


def _where(error: OSError, fallback: Path) -> str:
    return f"{error.filename or fallback}: {error.strerror or error}"
