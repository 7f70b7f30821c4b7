"""The parse cache never serves stale content, and a broken cache is only a slower build."""

from __future__ import annotations

import json
import os
import pickle
import shutil
from pathlib import Path

import pytest
from site_helpers import article_text, write_files

from reading_program.load.cache import ParseCache
from reading_program.load.file_read import READ_CODEC, FileRead
from reading_program.load.paths import ContentPaths
from reading_program.plan.library import load_library

ARTICLE = "content/articles/a.md"


def stored(root: Path) -> dict:
    """The cache's entries, as written (after a header line with the signature)."""
    return json.loads(ContentPaths(root).cache.read_bytes().partition(b"\n")[2])


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
    cache.get(ARTICLE, "not-the-hash", lambda: calls.append(1) or FileRead(), READ_CODEC)
    assert calls == [1]  # another hash: parsed again
    assert list(stored(tmp_path)) == [ARTICLE]


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
    assert list(stored(tmp_path)) == [ARTICLE]


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    write_files(tmp_path, {ARTICLE: article_text("Fine")})
    cache_file = ContentPaths(tmp_path).cache
    cache_file.parent.mkdir(parents=True)
    cache_file.write_bytes(b"not a cache")
    assert titles(tmp_path) == ["Fine"]
    assert stored(tmp_path)  # rewritten whole


def test_a_cache_from_other_code_is_thrown_away(tmp_path: Path) -> None:
    write_files(tmp_path, {ARTICLE: article_text("Fresh")})
    cache_file = ContentPaths(tmp_path).cache
    cache_file.parent.mkdir(parents=True)
    cache_file.write_bytes(pickle.dumps(("another fingerprint", {ARTICLE: ("hash", "stale")})))
    assert titles(tmp_path) == ["Fresh"]


def test_an_unwritable_cache_is_only_slower(tmp_path: Path) -> None:
    write_files(tmp_path, {ARTICLE: article_text("Fine"), ".cache": "a file, not a folder"})
    assert titles(tmp_path) == ["Fine"]


class _Runs:
    def __reduce__(self):
        return (os.system, ("touch ran-from-the-cache",))


def test_a_pickle_in_the_cache_never_runs(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {ARTICLE: article_text("Fine")})
    cache_file = ContentPaths(tmp_path).cache
    cache_file.parent.mkdir(parents=True)
    cache_file.write_bytes(pickle.dumps(_Runs()))
    assert titles(tmp_path) == ["Fine"]
    assert not (tmp_path / "ran-from-the-cache").exists()


def _poisoned(root: Path, edit) -> None:
    """The cache as someone else left it: the entries edited after they were written."""
    cache_file = ContentPaths(root).cache
    header, _, body = cache_file.read_bytes().partition(b"\n")
    entries = json.loads(body)
    edit(entries[ARTICLE]["value"])
    cache_file.write_bytes(header + b"\n" + json.dumps(entries).encode())


@pytest.mark.parametrize(
    "edit",
    [
        lambda value: value["rendered"].update(html="<script>steal()</script><p>Edited</p>"),
        lambda value: value["yaml"]["data"]["m"][0].__setitem__(1, "Edited title"),
    ],
    ids=["rendered-html", "frontmatter"],
)
def test_an_edited_cache_is_not_ours_and_is_ignored(tmp_path: Path, edit) -> None:
    write_files(tmp_path, {ARTICLE: article_text("Fine", body="Plain words.\n")})
    assert titles(tmp_path) == ["Fine"]
    _poisoned(tmp_path, edit)
    paths = ContentPaths(tmp_path)
    cache = ParseCache(paths.cache)
    library = load_library(paths, cache)
    assert [a.title for a in library.articles] == ["Fine"]
    assert "script" not in library.articles[0].rendered.html
    assert cache.note and "not written here" in cache.note


def test_a_cache_signed_with_another_key_is_not_ours(tmp_path: Path, monkeypatch) -> None:
    write_files(tmp_path, {ARTICLE: article_text("Fine")})
    titles(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-machine"))
    cache = ParseCache(ContentPaths(tmp_path).cache)
    assert cache.note and "not written here" in cache.note


def test_an_entry_of_the_wrong_shape_is_read_again(tmp_path: Path) -> None:
    write_files(tmp_path, {ARTICLE: article_text("Fine")})
    titles(tmp_path)
    paths = ContentPaths(tmp_path)
    cache = ParseCache(paths.cache)
    assert cache.note is None
    calls = []

    class Broken:
        encode = staticmethod(lambda value: value)

        @staticmethod
        def decode(data):
            raise TypeError("not the shape this program writes")

    content_hash = stored(tmp_path)[ARTICLE]["hash"]
    assert cache.get(ARTICLE, content_hash, lambda: calls.append(1) or "read", Broken) == "read"
    assert calls == [1]
