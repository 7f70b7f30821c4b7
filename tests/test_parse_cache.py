"""The parse cache never serves stale content, and a broken cache is only a slower build."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

from site_helpers import article_text, write_files

from reading_program.content.cache import ParseCache
from reading_program.content.paths import ContentPaths
from reading_program.plan.library import load_library

ARTICLE = "content/articles/a.md"


def titles(root: Path) -> list[str]:
    paths = ContentPaths(root)
    cache = ParseCache(paths.cache)
    library = load_library(paths, cache)
    cache.save()
    return [article.title for article in library.articles]


def test_unchanged_files_are_served_from_the_cache(tmp_path: Path) -> None:
    write_files(tmp_path, {ARTICLE: article_text("First")})
    assert titles(tmp_path) == ["First"]
    calls = []
    cache = ParseCache(ContentPaths(tmp_path).cache)
    cache.get(ARTICLE, "not-the-hash", lambda: calls.append(1))
    assert calls == [1]  # another hash: parsed again
    stored = pickle.loads(ContentPaths(tmp_path).cache.read_bytes())[1]
    assert list(stored) == [ARTICLE]


def test_a_same_size_edit_with_the_old_mtime_is_not_served_stale(tmp_path: Path) -> None:
    # `cp -p`, `rsync -t` and `tar x` restore modification times: size and mtime alone
    # would say "unchanged".
    write_files(tmp_path, {ARTICLE: article_text("Alpha")})
    file = tmp_path / ARTICLE
    assert titles(tmp_path) == ["Alpha"]
    before = file.stat()
    file.write_text(article_text("Gamma"), "utf-8")  # same length as "Alpha"
    os.utime(file, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert file.stat().st_size == before.st_size and file.stat().st_mtime_ns == before.st_mtime_ns
    assert titles(tmp_path) == ["Gamma"]


def test_a_file_copied_with_its_times_is_read_again(tmp_path: Path) -> None:
    write_files(tmp_path, {ARTICLE: article_text("Alpha"), "elsewhere/a.md": article_text("Omega")})
    assert titles(tmp_path) == ["Alpha"]
    shutil.copy2(tmp_path / "elsewhere/a.md", tmp_path / ARTICLE)  # cp -p
    assert titles(tmp_path) == ["Omega"]


def test_deleted_files_drop_out_of_the_cache(tmp_path: Path) -> None:
    write_files(tmp_path, {ARTICLE: article_text("A"), "content/articles/b.md": article_text("B")})
    assert titles(tmp_path) == ["A", "B"]
    (tmp_path / "content/articles/b.md").unlink()
    assert titles(tmp_path) == ["A"]
    stored = pickle.loads(ContentPaths(tmp_path).cache.read_bytes())[1]
    assert list(stored) == [ARTICLE]


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    write_files(tmp_path, {ARTICLE: article_text("Fine")})
    cache_file = ContentPaths(tmp_path).cache
    cache_file.parent.mkdir(parents=True)
    cache_file.write_bytes(b"not a pickle")
    assert titles(tmp_path) == ["Fine"]
    assert pickle.loads(cache_file.read_bytes())[1]  # rewritten whole


def test_a_cache_from_other_code_is_thrown_away(tmp_path: Path) -> None:
    write_files(tmp_path, {ARTICLE: article_text("Fresh")})
    cache_file = ContentPaths(tmp_path).cache
    cache_file.parent.mkdir(parents=True)
    cache_file.write_bytes(pickle.dumps(("another fingerprint", {ARTICLE: ("hash", "stale")})))
    assert titles(tmp_path) == ["Fresh"]


def test_an_unwritable_cache_is_only_slower(tmp_path: Path) -> None:
    write_files(tmp_path, {ARTICLE: article_text("Fine"), ".cache": "a file, not a folder"})
    assert titles(tmp_path) == ["Fine"]
