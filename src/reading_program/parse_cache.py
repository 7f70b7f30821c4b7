"""Parsed articles kept between builds, keyed by file path, modification time and size.

`mkdocs serve` rebuilds the whole site on every change; re-reading a thousand unchanged
articles is most of the project's own cost. The cache lives in a file (not in module
state, which MkDocs keeps across rebuilds and tests), one per repository, and is thrown
away whole when the package's code changes.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent


def code_fingerprint() -> str:
    """Changes whenever a module of this package changes, so stale parses are never used."""
    digest = hashlib.sha256()
    for module in sorted(_PACKAGE.glob("*.py")):
        stat = module.stat()
        digest.update(f"{module.name}:{stat.st_mtime_ns}:{stat.st_size};".encode())
    return digest.hexdigest()


class ParseCache:
    """`get(file, parse)` returns the stored result while the file is unchanged."""

    def __init__(self, store: Path | None) -> None:
        self._store = store
        self._fingerprint = code_fingerprint()
        self._entries: dict[str, tuple[int, int, Any]] = self._read()
        self._used: set[str] = set()
        self._changed = False
        self.hits = self.misses = 0

    def get(self, file: Path, parse: Callable[[], T]) -> T:
        stat = file.stat()
        key = str(file.resolve())
        self._used.add(key)
        entry = self._entries.get(key)
        if entry and entry[:2] == (stat.st_mtime_ns, stat.st_size):
            self.hits += 1
            return entry[2]
        self.misses += 1
        result = parse()
        self._entries[key] = (stat.st_mtime_ns, stat.st_size, result)
        self._changed = True
        return result

    def save(self) -> None:
        """Write the entries used in this load (deleted files drop out), atomically."""
        if self._store is None:
            return
        if not self._changed and self._used == set(self._entries):
            return
        kept = {key: value for key, value in self._entries.items() if key in self._used}
        self._store.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self._store.parent, prefix=".parse-cache.")
        with os.fdopen(handle, "wb") as file:
            pickle.dump((self._fingerprint, kept), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self._store)

    def _read(self) -> dict[str, tuple[int, int, Any]]:
        if self._store is None or not self._store.exists():
            return {}
        try:
            with self._store.open("rb") as file:
                fingerprint, entries = pickle.load(file)  # our own file, next to the content
        except Exception:  # a damaged or foreign cache is only a slower build
            return {}
        return entries if fingerprint == self._fingerprint else {}
