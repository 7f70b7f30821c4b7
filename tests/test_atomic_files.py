"""Files written whole or not at all (atomic_files.py)."""

from __future__ import annotations

import stat
from pathlib import Path

from reading_program.atomic_files import create_atomically, write_atomically
from reading_program.load.cache import signing_key


def test_a_write_replaces_the_file_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "folder" / "data.json"
    write_atomically(target, "first")
    write_atomically(target, b"second", mode=0o640)
    assert target.read_bytes() == b"second"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in target.parent.iterdir()) == ["data.json"]


def test_a_created_file_is_never_replaced(tmp_path: Path) -> None:
    target = tmp_path / "key"
    create_atomically(target, b"first", mode=0o600)
    create_atomically(target, b"second", mode=0o600)  # another process, a moment later
    assert target.read_bytes() == b"first"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["key"]


def test_the_cache_key_is_made_once_and_kept(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    key = signing_key()
    assert key is not None and len(key) == 32
    assert signing_key() == key
    path = tmp_path / "reading-program" / "cache-key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
