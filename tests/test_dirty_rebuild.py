"""A dirty rebuild gives the same site as a clean build.

`mkdocs serve --dirty` (what `make serve` runs) rebuilds with `dirty=True`: MkDocs skips
pages whose source is older than their output. The hook writes generated pages as files
that change only with their text (reading_program.mkdocs_adapter.incremental), so an edit
rebuilds exactly the pages that show it. These tests build a generated corpus, edit it,
rebuild dirty over the old site and compare every file with a clean build of the same
content: pages byte for byte, the search index entry for entry, deleted pages gone.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from reading_program.mkdocs_adapter import COMMAND_VARIABLE

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

NEW_TITLE = "Edited Title After The Dirty Rebuild"
NEW_TAGS = ["edited-tag", "courage", "trust"]
NEW_QUESTIONS = [
    "Which promise did the dirty rebuild just surface?",
    "Who would notice this question first?",
    "What changes when the title changes?",
]


def _load_make_corpus() -> ModuleType:
    """benchmarks/ is a folder of scripts, not a package: import the generator by path.
    It is registered in sys.modules first because its dataclasses look their module up."""
    name = "benchmarks_make_corpus"
    if name in sys.modules:
        return sys.modules[name]
    path = REPO / "benchmarks" / "make_corpus.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _build(root: Path, site_dir: Path, *, dirty: bool = False) -> None:
    """A fresh config per build, as `mkdocs serve` makes one; plugins are told, as
    `serve --dirty` tells them, that builds are dirty (Material's search then keeps its
    index between builds, in this process). Strict: the hook turns MkDocs' warning about
    dirty builds into a note, as they are exact here."""
    config = load_config(config_file=str(root / "mkdocs.yml"), strict=True, site_dir=str(site_dir))
    with pytest.MonkeyPatch.context() as patch:  # what on_startup notes ends with the build
        patch.setenv(COMMAND_VARIABLE, "build")
        config.plugins.on_startup(command="serve", dirty=dirty)
        build(config, dirty=dirty)


def _first_pinned_article(root: Path) -> tuple[str, str]:
    """The slug of the first reading of track 1, week 1, and that week's URL folder."""
    track_file = sorted((root / "content" / "tracks").glob("*.yml"))[0]
    track = yaml.safe_load(track_file.read_text(encoding="utf-8"))
    return track["weeks"][0]["articles"][0], f"tracks/{track_file.stem}/week-1"


def _edit_article(file: Path, title: str = NEW_TITLE) -> None:
    """Replace the title, tags and reflection questions, keeping summary, date and body."""
    _, frontmatter, body = file.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(frontmatter)
    lines = [
        "---",
        f'title: "{title}"',
        f'summary: "{meta["summary"]}"',
        f"tags: [{', '.join(NEW_TAGS)}]",
        "reflection:",
        *(f'  - "{question}"' for question in NEW_QUESTIONS),
    ]
    if "date" in meta:
        lines.append(f"date: {meta['date'].isoformat()}")
    file.write_text("\n".join([*lines, "---"]) + "\n" + body, encoding="utf-8")


@dataclass(frozen=True)
class Rebuilt:
    """A site built, edited and rebuilt dirty (`served`), and a clean build of the edit."""

    served: Path
    clean: Path
    slug: str  # the edited article
    week_url: str  # the week that reads it
    edited_at: float  # when the dirty rebuild started
    rebuilt_at: dict[str, float]  # each served file's modification time after it

    def track_pages(self, site: Path) -> dict[str, bytes]:
        return {
            path.relative_to(site).as_posix(): path.read_bytes()
            for path in (site / "tracks").rglob("index.html")
        }

    def article_page(self, site: Path) -> bytes:
        return (site / "articles" / self.slug / "index.html").read_bytes()


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Rebuilt:
    tmp = tmp_path_factory.mktemp("dirty")
    root = tmp / "corpus"
    _load_make_corpus().make_corpus(root, articles=30, tracks=2, seed=7)
    slug, week_url = _first_pinned_article(root)
    removed = root / "content" / "articles" / "read-once-then-removed.md"
    removed.write_text(
        '---\ntitle: "Read Once"\nsummary: "Gone soon."\ntags: [courage]\n'
        'reflection: ["One?", "Two?", "Three?"]\n---\n\nShort.\n',
        encoding="utf-8",
    )
    served = tmp / "served-site"
    _build(root, served, dirty=True)  # as `serve --dirty` starts: everything, into a new folder
    assert NEW_QUESTIONS[0] not in (served / week_url / "index.html").read_text("utf-8")

    # A first edit and rebuild: Material's search keeps that index in memory (the plugin
    # lives on between builds, as under serve), which the second rebuild must not leak.
    _edit_article(root / "content" / "articles" / f"{slug}.md", "An Intermediate Title")
    _build(root, served, dirty=True)
    _edit_article(root / "content" / "articles" / f"{slug}.md")
    removed.unlink()  # a deleted article must leave neither its page nor its search entries
    time.sleep(0.05)
    edited_at = time.time()
    _build(root, served, dirty=True)
    rebuilt_at = {
        p.relative_to(served).as_posix(): p.stat().st_mtime
        for p in served.rglob("*")
        if p.is_file()
    }
    clean = tmp / "clean-site"
    _build(root, clean)
    return Rebuilt(served, clean, slug, week_url, edited_at, rebuilt_at)


def site_files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in site.rglob("*")
        if path.is_file() and path.name != "search_index.json"
    }


def search_entries(site: Path) -> list[str]:
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    return sorted(json.dumps(entry, sort_keys=True) for entry in index["docs"])


@pytest.mark.build
def test_a_dirty_rebuild_gives_the_site_of_a_clean_build(rebuilt: Rebuilt) -> None:
    dirty, clean = site_files(rebuilt.served), site_files(rebuilt.clean)
    assert sorted(dirty) == sorted(clean)
    different = sorted(name for name in clean if dirty[name] != clean[name])
    assert different == []
    assert search_entries(rebuilt.served) == search_entries(rebuilt.clean)


@pytest.mark.build
def test_a_dirty_rebuild_rebuilt_only_what_the_edit_changed(rebuilt: Rebuilt) -> None:
    changed = [name for name, built in rebuilt.rebuilt_at.items() if built > rebuilt.edited_at]
    pages = [name for name in rebuilt.rebuilt_at if name.endswith(".html")]
    assert rebuilt.week_url + "/index.html" in changed
    assert f"articles/{rebuilt.slug}/index.html" in changed
    assert 0 < len([n for n in changed if n.endswith(".html")]) < len(pages) / 2


@pytest.mark.build
def test_dirty_rebuild_gives_every_track_and_week_page_of_a_clean_build(
    rebuilt: Rebuilt,
) -> None:
    dirty_pages = rebuilt.track_pages(rebuilt.served)
    clean_pages = rebuilt.track_pages(rebuilt.clean)
    assert sorted(dirty_pages) == sorted(clean_pages)
    assert len(clean_pages) > 10  # the tracks index, two overviews and their 4-8 weeks each
    stale = [page for page in clean_pages if dirty_pages[page] != clean_pages[page]]
    assert stale == [], f"the dirty rebuild left these pages unlike a clean build: {stale}"


@pytest.mark.build
def test_the_edit_shows_on_the_week_and_article_pages(rebuilt: Rebuilt) -> None:
    week = (rebuilt.served / rebuilt.week_url / "index.html").read_text("utf-8")
    assert NEW_TITLE in week
    assert all(question in week for question in NEW_QUESTIONS)
    article = rebuilt.article_page(rebuilt.served).decode()
    assert NEW_TITLE in article
    assert all(question in article for question in NEW_QUESTIONS)
    assert all(f">{tag}</" in article for tag in NEW_TAGS)
    clean = rebuilt.article_page(rebuilt.clean).decode()
    assert all(f'href="../../tags/{tag}/"' in clean for tag in NEW_TAGS)


@pytest.mark.build
def test_dirty_article_page_matches_a_clean_build(rebuilt: Rebuilt) -> None:
    # Tags are the hook's own (chips and tag pages), generated on every build.
    assert rebuilt.article_page(rebuilt.served) == rebuilt.article_page(rebuilt.clean)
