"""What reading each content file found, kept between builds, keyed by its content hash.

`mkdocs serve` rebuilds the whole site on every change; reading (YAML, Markdown rendering)
a thousand unchanged files again is most of the project's own cost. An entry is used only
when the file's bytes hash to what they hashed to when it was stored, so an edit that keeps
the size and restores the modification time (`cp -p`, `rsync -t`, `tar x`) is never served
stale.

The cache is never trusted: it lives in `.cache/`, which anyone can commit or edit. It is
plain JSON (a format that cannot run code, unlike pickle), holds plain data only (what
parsing found, never validated objects: every build validates that data again with the
same models), and is used only when it was written by this version of the package and
its parsing code, on this machine: its entries are signed (HMAC-SHA256) with a key kept
outside the repository, in the user's cache folder, so a cache that was committed, copied
or edited (rendered HTML that was never checked, say) is not ours. Anything else about it
(damaged, foreign, an entry of the wrong shape) makes it ignored, with a note, and rewritten.
"""

from __future__ import annotations

import hmac
import json
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from ..atomic_files import create_atomically, write_atomically
from ..fingerprints import installed_version, modules_fingerprint, signature

T = TypeVar("T")
_FORMAT = "reading-program-parse-cache"
_CONTENT_PACKAGE = Path(__file__).resolve().parent


def code_fingerprint() -> str:
    """Changes whenever a module that parses content changes, so old entries are dropped."""
    return modules_fingerprint(_CONTENT_PACKAGE)


def signing_key() -> bytes | None:
    """This user's key for the cache's signature, made on first use; None when it can be
    neither read nor made (then nothing is cached)."""
    home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(home) / "reading-program" / "cache-key"
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    try:
        # Two first builds at once (check beside serve) may both make one: the first
        # written is everyone's, so neither process's cache looks foreign to the other.
        create_atomically(path, secrets.token_bytes(32), mode=0o600)
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) >= 32 else None


class Codec(Generic[T]):
    """How one kind of value is kept: `encode` to JSON data, `decode` back, raising
    ValueError, KeyError or TypeError for data of the wrong shape."""

    def __init__(self, encode: Callable[[T], Any], decode: Callable[[Any], T]) -> None:
        self.encode, self.decode = encode, decode


class ParseCache:
    """`get(key, content_hash, read, codec)`: what `read()` found while the content is
    unchanged. With `store=None` nothing is kept: every `get` reads."""

    def __init__(self, store: Path | None) -> None:
        self._key = signing_key() if store else None
        self._store = store if self._key else None
        self.note: str | None = None  # why the stored cache was ignored, if it was
        self._stamp = {
            "format": _FORMAT,
            "version": installed_version(),
            "code": code_fingerprint(),
        }
        self._stored: dict[str, dict[str, Any]] = self._read()
        self._kept: dict[str, dict[str, Any]] = {}
        self._changed = False

    def get(self, key: str, content_hash: str, read: Callable[[], T], codec: Codec[T]) -> T:
        entry = self._stored.get(key)
        if entry is not None and entry.get("hash") == content_hash:
            try:
                value = codec.decode(entry["value"])
            except (ValueError, KeyError, TypeError, AttributeError, IndexError):
                self._changed = True  # an entry of the wrong shape: read the file again
            else:
                self._kept[key] = entry
                return value
        value = read()
        if self._store is not None:
            self._kept[key] = {"hash": content_hash, "value": codec.encode(value)}
            self._changed = True
        return value

    def save(self) -> None:
        """Write the entries used in this load (deleted files drop out), atomically.

        A cache that cannot be written only makes the next build slower."""
        if self._store is None or (not self._changed and self._kept.keys() == self._stored.keys()):
            return
        entries = json.dumps(self._kept, separators=(",", ":")).encode()
        header = json.dumps({**self._stamp, "signature": self._sign(entries)}).encode()
        try:
            write_atomically(self._store, header + b"\n" + entries, mode=0o600)
        except OSError:
            return

    def _sign(self, entries: bytes) -> str:
        assert self._key is not None
        return signature(self._key, entries)

    def _read(self) -> dict[str, dict[str, Any]]:
        if self._store is None:
            return {}
        try:
            with self._store.open("rb") as file:
                header_line, _, body = file.read().partition(b"\n")
            header = json.loads(header_line)
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            return self._ignored("it is not a cache this program writes")
        if not isinstance(header, dict) or any(header.get(k) != v for k, v in self._stamp.items()):
            return self._ignored("it was written by another version, or not by this program")
        signature = header.get("signature")
        if not isinstance(signature, str) or not hmac.compare_digest(signature, self._sign(body)):
            return self._ignored("it was not written here (copied, committed or edited)")
        try:
            entries = json.loads(body)
        except ValueError:
            return self._ignored("it cannot be read as JSON")
        if not isinstance(entries, dict) or not all(
            isinstance(entry, dict) and isinstance(entry.get("hash"), str)
            for entry in entries.values()
        ):
            return self._ignored("its entries are not what this program writes")
        return entries

    def _ignored(self, why: str) -> dict[str, dict[str, Any]]:
        self.note = f"{self._store}: ignored and rebuilt, since {why}"
        return {}
