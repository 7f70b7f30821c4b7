"""Parsed content files kept between builds, keyed by each file's content hash.

`mkdocs serve` rebuilds the whole site on every change; parsing and validating a thousand
unchanged articles again is most of the project's own cost. An entry is used only when
the file's bytes hash to what they hashed to when it was stored, so an edit that keeps
the size and restores the modification time (`cp -p`, `rsync -t`, `tar x`) is never
served stale. The cache lives in a file (not module state, which MkDocs keeps across
rebuilds and tests), and is thrown away whole when this package's parsing code changes.
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
_CONTENT_PACKAGE = Path(__file__).resolve().parent


def code_fingerprint() -> str:
    """Changes whenever a module that parses content changes, so old parses are dropped."""
    digest = hashlib.sha256()
    for module in sorted(_CONTENT_PACKAGE.glob("*.py")):
        digest.update(module.name.encode() + b"\0" + module.read_bytes() + b"\0")
    return digest.hexdigest()


class ParseCache:
    """`get(key, content_hash, parse)`: the stored result while the content is unchanged.

    With `store=None` nothing is kept: every `get` parses."""

    def __init__(self, store: Path | None) -> None:
        self._store = store
        self._fingerprint = code_fingerprint() if store else ""
        self._entries: dict[str, tuple[str, Any]] = self._read()
        self._used: set[str] = set()
        self._changed = False

    def get(self, key: str, content_hash: str, parse: Callable[[], T]) -> T:
        self._used.add(key)
        entry = self._entries.get(key)
        if entry is not None and entry[0] == content_hash:
            return entry[1]
        result = parse()
        if self._store is not None:
            self._entries[key] = (content_hash, result)
            self._changed = True
        return result

    def save(self) -> None:
        """Write the entries used in this load (deleted files drop out), atomically.

        A cache that cannot be written only makes the next build slower."""
        if self._store is None or (not self._changed and self._used == set(self._entries)):
            return
        kept = {key: value for key, value in self._entries.items() if key in self._used}
        try:
            self._store.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self._store.parent, prefix=".parse-cache.")
            with os.fdopen(handle, "wb") as file:
                pickle.dump((self._fingerprint, kept), file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self._store)
        except OSError:
            return

    def _read(self) -> dict[str, tuple[str, Any]]:
        if self._store is None or not self._store.exists():
            return {}
        try:
            with self._store.open("rb") as file:
                fingerprint, entries = pickle.load(file)  # our own file, in .cache/
        except Exception:  # a damaged or foreign cache is only a slower build
            return {}
        return entries if fingerprint == self._fingerprint else {}
