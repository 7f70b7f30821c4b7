"""Generated sources that change only with their text, and the search index a dirty build
must end up with (reading_program.mkdocs_adapter.incremental)."""

from __future__ import annotations

from pathlib import Path

from reading_program.fingerprints import files_fingerprint
from reading_program.mkdocs_adapter.incremental import GeneratedSources, merged_search_index


def test_a_source_is_rewritten_only_when_its_text_changes(tmp_path: Path) -> None:
    first = GeneratedSources(tmp_path)
    path = first.put("articles/a.md", "one")
    first.put("articles/b.md", "two")
    first.finish("fp-1", ["articles/a.md", "articles/b.md", "index.md"])
    written = path.stat().st_mtime_ns

    second = GeneratedSources(tmp_path)
    assert second.previous_fingerprint == "fp-1"
    assert second.previous_pages() == {"articles/a.md", "articles/b.md", "index.md"}
    assert second.put("articles/a.md", "one").stat().st_mtime_ns == written  # untouched
    assert second.put("articles/c.md", "three").read_text() == "three"
    second.finish("fp-2", ["articles/a.md", "articles/c.md"])
    assert not (tmp_path / "articles/b.md").exists()  # gone with its page

    third = GeneratedSources(tmp_path)
    third.put("articles/a.md", "one, edited")
    assert (tmp_path / "articles/a.md").read_text() == "one, edited"


def test_a_lost_source_or_manifest_is_written_again(tmp_path: Path) -> None:
    sources = GeneratedSources(tmp_path)
    sources.put("x.md", "text")
    sources.finish("fp", ["x.md"])
    (tmp_path / "x.md").unlink()
    assert GeneratedSources(tmp_path).put("x.md", "text").read_text() == "text"
    (tmp_path / "manifest.json").write_text("{not json")
    assert GeneratedSources(tmp_path).previous_fingerprint is None


def test_the_files_fingerprint_follows_names_and_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.j2").write_text("x")
    before = files_fingerprint([tmp_path])
    (tmp_path / "a.j2").write_text("y")
    assert files_fingerprint([tmp_path]) != before
    (tmp_path / "a.j2").write_text("x")
    assert files_fingerprint([tmp_path]) == before
    (tmp_path / "b.txt").write_text("z")
    assert files_fingerprint([tmp_path], suffixes=(".j2",)) == before


def entry(location: str, text: str = "") -> dict:
    return {"location": location, "title": location, "text": text}


def test_the_merged_index_is_what_a_clean_build_writes() -> None:
    previous = {
        "config": {"lang": ["en"]},
        "docs": [
            entry(""),
            entry("#intro"),
            entry("a/", "old"),
            entry("a/#s", "old"),
            entry("gone/"),
            entry("b/"),
        ],
    }
    # What Material writes after rebuilding a/ and c/, its own previous index forgotten.
    current = {"config": {"lang": ["en"]}, "docs": [entry("a/", "new"), entry("c/")]}
    merged = merged_search_index(
        previous, current, built={"a/", "c/"}, pages=["", "a/", "b/", "c/"]
    )
    assert [(e["location"], e["text"]) for e in merged["docs"]] == [
        ("", ""), ("#intro", ""), ("a/", "new"), ("b/", ""), ("c/", ""),
    ]  # fmt: skip
    assert merged["config"] == {"lang": ["en"]}


def test_without_a_previous_index_only_this_build_counts() -> None:
    current = {"docs": [entry("a/")]}
    assert merged_search_index(None, current, {"a/"}, ["a/", "b/"])["docs"] == [entry("a/")]


def test_an_edited_page_file_is_written_again_from_content(tmp_path: Path) -> None:
    sources = GeneratedSources(tmp_path)
    sources.put("articles/a.md", "the article")
    sources.finish("fp", ["articles/a.md"])
    (tmp_path / "articles/a.md").write_text("<script>steal()</script>")  # manifest unchanged
    assert GeneratedSources(tmp_path).put("articles/a.md", "the article").read_text() == (
        "the article"
    )
    outside = tmp_path.parent / f"{tmp_path.name}-elsewhere.md"
    outside.write_text("not ours")
    (tmp_path / "articles/a.md").unlink()
    (tmp_path / "articles/a.md").symlink_to(outside)  # same bytes elsewhere: still rewritten
    outside.write_text("the article")
    path = GeneratedSources(tmp_path).put("articles/a.md", "the article")
    assert not path.is_symlink() and path.read_text() == "the article"


def test_a_manifest_naming_files_outside_its_folder_is_not_used(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me")
    (pages).mkdir()
    manifest = {"fingerprint": "fp", "pages": {"../precious.txt": "x"}, "site": ["../precious.txt"]}
    (pages / "manifest.json").write_text(__import__("json").dumps(manifest))
    sources = GeneratedSources(pages)
    assert sources.previous_pages() == set()
    sources.finish("fp", [])
    assert victim.read_text() == "keep me"
