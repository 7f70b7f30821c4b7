"""Hashes: the one place the package computes them.

A fingerprint changes whenever its input changes (a file's bytes, the parsing code, what
every page shows); `digest` is the plain SHA-256 of one text, kept byte for byte where a
value is stored elsewhere (a question's id lives in participants' journals); `signature`
proves the parse cache was written by this user. Installed versions go into fingerprints.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.metadata
from collections.abc import Iterable
from functools import cache
from pathlib import Path


def digest(data: bytes | str) -> str:
    """The SHA-256 of `data` (text as UTF-8), in hex."""
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def fingerprint(parts: Iterable[bytes | str]) -> str:
    """One hash of many parts, each ended by NUL, so that ("ab", "c") and ("a", "bc") differ."""
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(part.encode() if isinstance(part, str) else part)
        hashed.update(b"\0")
    return hashed.hexdigest()


def files_fingerprint(folders: Iterable[Path], suffixes: tuple[str, ...] | None = None) -> str:
    """A hash of every file below `folders` (names and bytes), or only those of `suffixes`."""
    parts: list[bytes | str] = []
    for folder in folders:
        for file in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if file.is_file() and (suffixes is None or file.suffix in suffixes):
                parts += [file.relative_to(folder).as_posix(), file.read_bytes()]
    return fingerprint(parts)


@cache  # what is installed does not change while the process runs
def installed_version(distribution: str = "reading-program") -> str:
    """The installed version of `distribution` (this package by default), or "unknown"."""
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


@cache  # the code that runs is the code imported: an edit needs a new process anyway
def modules_fingerprint(folder: Path) -> str:
    """A hash of the Python modules directly in `folder` (names and bytes)."""
    modules = sorted(folder.glob("*.py"))
    return fingerprint(part for module in modules for part in (module.name, module.read_bytes()))


def signature(key: bytes, data: bytes) -> str:
    """An HMAC-SHA-256 of `data` under `key`, in hex."""
    return hmac.new(key, data, hashlib.sha256).hexdigest()
