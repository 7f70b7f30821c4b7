"""Writing a file so that no reader ever sees half of it: the one place the package does.

The text goes to a hidden sibling file, which is then renamed over the target (a rename
within a folder is atomic); a failed write leaves the old file and no temporary one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def write_atomically(target: Path, content: str | bytes, mode: int | None = None) -> None:
    """Write `content` (text as UTF-8) to `target`, making its folder if needed. The file
    gets `mode`, or the permissions the umask gives any new file (mkstemp alone would make
    it 0600)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    _install(target, lambda handle, _: _write(handle, data), mode, os.replace)


def create_atomically(target: Path, content: bytes, mode: int) -> None:
    """Write `content` to `target` unless it exists: of several processes creating the same
    file at once, one wins, and every reader sees its whole content (a key, say)."""
    _install(target, lambda handle, _: _write(handle, content), mode, _link_unless_taken)


def copy_atomically(source: Path, target: Path) -> None:
    """Replace `target` by a copy of `source` (bytes, permissions and times)."""
    _install(target, lambda handle, temporary: _copy(handle, source, temporary), None, os.replace)


def _link_unless_taken(temporary: str, target: Path) -> None:
    try:
        os.link(temporary, target)  # fails where `target` exists: never replaces it
    except FileExistsError:
        pass
    except OSError:  # a file system without hard links: only a race may lose a write
        if not target.exists():
            os.replace(temporary, target)
            return
    Path(temporary).unlink()


def _install(target: Path, fill, mode: int | None, put) -> None:
    """Fill a hidden sibling of `target`, then `put` it in place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        os.fchmod(handle, 0o666 & ~_umask() if mode is None else mode)
        fill(handle, temporary)
        put(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write(handle: int, data: bytes) -> None:
    with os.fdopen(handle, "wb") as file:
        file.write(data)


def _copy(handle: int, source: Path, temporary: str) -> None:
    os.close(handle)
    shutil.copy2(source, temporary)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
