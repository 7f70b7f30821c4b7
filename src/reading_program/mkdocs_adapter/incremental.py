"""Generated pages as files on disk, rewritten only when their text changes.

MkDocs rebuilds, under `mkdocs serve --dirty`, only the pages whose source file is newer
than their output. Generated pages handed over as text would count as changed every time;
written here (outside docs/) and left untouched while their text is the same, exactly the
pages an edit changes are rebuilt. What every page shows (the navigation, this package's
code and templates, mkdocs.yml, the theme) is fingerprinted: when the fingerprint changes,
every page is rebuilt, since every sidebar may differ.

Plain builds use the same files; they also keep the generated text out of memory.

The folder is in `.cache/`, which is not to be trusted (it can be committed, or edited):
every page file is compared with the text it must hold, on every build, and written again
when it differs, so an edited page file is never published; the manifest's page names
are used only when they are plain paths inside the folder.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from .. import fingerprints
from ..atomic_files import write_atomically

_MANIFEST = "manifest.json"


class GeneratedSources:
    """The folder of generated page sources and its manifest (src_uri -> hash)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._previous = self._read_manifest()
        self._current: dict[str, str] = {}

    @property
    def previous_fingerprint(self) -> str | None:
        return self._previous.get("fingerprint")

    def previous_pages(self) -> set[str]:
        """Every page of the previous build (src_uri), generated or hand-written."""
        return set(self._previous.get("site", self._previous.get("pages", {})))

    def put(self, src_uri: str, text: str, touch: bool = False) -> Path:
        """The file holding `text` for `src_uri`, written only if its text changed;
        `touch`: dated now all the same, so that a dirty build rebuilds it."""
        path = self.folder / src_uri
        data = text.encode()
        digest = fingerprints.digest(data)
        if self._previous.get("pages", {}).get(src_uri) != digest or not _holds(path, data):
            write_atomically(path, text)
        elif touch:
            os.utime(path)
        self._current[src_uri] = digest
        return path

    def finish(self, site_fingerprint: str, site_pages: Iterable[str]) -> None:
        """Remove the sources of generated pages that are gone, and record this build."""
        for src_uri in set(self._previous.get("pages", {})) - set(self._current):
            (self.folder / src_uri).unlink(missing_ok=True)
        manifest = {
            "fingerprint": site_fingerprint,
            "pages": self._current,  # generated: src_uri -> hash of its text
            "site": sorted(site_pages),  # every page, to tell which are gone next time
        }
        write_atomically(self.folder / _MANIFEST, json.dumps(manifest, sort_keys=True))

    def _read_manifest(self) -> dict:
        try:
            data = json.loads((self.folder / _MANIFEST).read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or not isinstance(data.get("pages"), dict):
            return {}
        names = [*data["pages"], *data.get("site", [])]
        if not all(isinstance(name, str) and _is_plain_path(name) for name in names):
            return {}  # not ours: nothing in it may name a file to remove
        return data


def _is_plain_path(name: str) -> bool:
    """A relative path below the folder: no `..`, no root, no backslash, no NUL."""
    parts = name.split("/")
    return (
        bool(name)
        and "\\" not in name
        and "\0" not in name
        and all(part not in ("", ".", "..") for part in parts)
    )


def _holds(path: Path, data: bytes) -> bool:
    """Whether `path` is a plain file (not a link) holding exactly `data`."""
    try:
        return not path.is_symlink() and path.read_bytes() == data
    except OSError:
        return False


def merged_search_index(
    previous: Mapping | None, current: Mapping, built: set[str], pages: Sequence[str]
) -> dict:
    """The search index a clean build would write, after a dirty one: entries of the pages
    rebuilt now (`built`, by URL) from `current` (this build's entries only: see
    mkdocs_adapter._forget_previous_search_index), the others from `previous` (the index
    before this build), none of pages that are gone, in the order of `pages` (every
    page's URL, in build order)."""
    rank = {url: position for position, url in enumerate(pages)}

    def page_of(entry: Mapping) -> str:
        return str(entry.get("location", "")).split("#", 1)[0]

    kept = [
        entry
        for entry in (previous or {}).get("docs", [])
        if page_of(entry) in rank and page_of(entry) not in built
    ]
    new = [entry for entry in current.get("docs", []) if page_of(entry) in built]
    # sorted() is stable: a page's entries keep their order (the page, then its sections)
    docs = sorted([*kept, *new], key=lambda entry: rank[page_of(entry)])
    return {**current, "docs": docs}
