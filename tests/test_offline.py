"""Read offline, the build's part (reading_program.render.offline): the pages a track needs,
the list of files completed from the built site with a hash each, the manifest, and what a
real build and `mkdocs serve` write. Pages in the fixture folders are made here."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from builders import make_article, make_track, make_week
from site_helpers import Site

from reading_program.export import export_site
from reading_program.mkdocs_adapter import COMMAND_VARIABLE, offline_site
from reading_program.render import offline

PAGE = """<!doctype html><html><head>
<link rel="stylesheet" href="../../assets/main.css">
<link rel="icon" href="../../assets/favicon.png">
<link rel="canonical" href="https://example.org/tracks/t/">
<link rel="stylesheet" href="https://fonts.example.com/font.css">
<script id="__config" type="application/json">{"search": "../../assets/search-worker.js"}</script>
</head><body>
<a href="../../articles/a/">A page it links, not one it loads</a>
<img src="data:image/png;base64,AAAA">
<div data-rp-journal="../../journal/questions.json" data-rp-track="t"></div>
<div data-rp-root="../../"></div>
<script src="//cdn.example.com/x.js"></script>
<script type="module" src="../../javascripts/reading-program.js"></script>
</body></html>"""


def write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """A built site's folder, as small as can be: two pages, their files, the site's own."""
    write(
        tmp_path,
        {
            "index.html": "<html><head></head><body>Home</body></html>",
            "tracks/t/index.html": PAGE,
            "articles/a/index.html": "<html><body>Article</body></html>",
            "assets/main.css": "body{}",
            "assets/favicon.png": "png",
            "assets/search-worker.js": "worker",
            "assets/unused.js": "not loaded by these pages",
            "journal/questions.json": "{}",
            "javascripts/reading-program.js": "entry",
            "javascripts/rp/feature.js": "feature",
            "stylesheets/reading-program.css": "css",
            "search/search_index.json": '{"docs": []}',
            "sitemap.xml": "<urlset/>",
        },
    )
    return tmp_path


def pages_list(*pages: str) -> dict:
    return {"track": "t", "pages": list(pages)}


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def test_a_track_needs_its_weeks_guides_articles_and_the_journal() -> None:
    one, two = make_article("one"), make_article("two")
    track = make_track("t", "T", [make_week(1, "W1", [one, two]), make_week(2, "W2", [one])])
    assert offline.track_pages(track) == [
        "",
        "journal/",
        "tracks/t/",
        "tracks/t/workbook/",
        "tracks/t/finish/",
        "tracks/t/week-1/",
        "tracks/t/week-1/guide/",
        "articles/one/",
        "articles/two/",
        "tracks/t/week-2/",
        "tracks/t/week-2/guide/",
    ]


def test_the_list_holds_what_the_pages_load_with_a_hash_each(built: Path) -> None:
    completed = offline_site.completed_list(built, pages_list("", "tracks/t/", "articles/a/"))
    files = completed["files"]
    assert completed["format"] == "reading-program-offline" and completed["track"] == "t"
    assert set(files) == {
        "",
        "tracks/t/",
        "articles/a/",
        "assets/main.css",
        "assets/favicon.png",
        "assets/search-worker.js",  # Material's search worker, from the page's config
        "journal/questions.json",  # a data file the page's markup names
        "javascripts/reading-program.js",
        "javascripts/rp/feature.js",  # imported on demand: all the site's own scripts
        "stylesheets/reading-program.css",
        "search/search_index.json",
        "sitemap.xml",
    }
    assert files["assets/main.css"] == sha("body{}")
    assert files["tracks/t/"] == sha(PAGE)
    assert not any("example" in url for url in files), "nothing from another host"


def test_a_page_the_build_did_not_write_is_left_out(built: Path) -> None:
    completed = offline_site.completed_list(built, pages_list("tracks/t/", "tracks/t/finish/"))
    assert "tracks/t/finish/" not in completed["files"]


def test_the_version_changes_with_any_file_and_only_then(built: Path) -> None:
    def version() -> str:
        return offline_site.completed_list(built, pages_list("", "tracks/t/"))["version"]

    first = version()
    assert version() == first
    (built / "assets" / "unused.js").write_text("changed, but no page loads it")
    assert version() == first
    (built / "search" / "search_index.json").write_text('{"docs": [1]}')
    assert version() != first


def test_the_manifest_names_the_site_and_works_under_any_base_path() -> None:
    palette = [{"scheme": "default", "primary": "teal"}, {"scheme": "slate", "primary": "teal"}]
    app = offline.web_app("Leading Well", {"short_name": "Leading"}, palette)
    data = json.loads(offline.manifest(app))
    assert (data["name"], data["short_name"]) == ("Leading Well", "Leading")
    assert data["start_url"] == "./" and data["scope"] == "./"
    assert data["theme_color"] == "#009485"
    assert [icon["sizes"] for icon in data["icons"]] == ["any", "192x192", "512x512"]
    assert all(not icon["src"].startswith(("/", "http")) for icon in data["icons"])
    plain = offline.web_app("Leading Well", {}, None)
    assert plain.short_name == "Leading Well" and plain.theme_color == "#4051b5"


def test_publishing_writes_the_worker_only_for_a_published_build(built: Path) -> None:
    app = offline.web_app("Site", {}, None)
    write(built, {"offline/t.json": json.dumps(pages_list("", "tracks/t/"))})
    offline_site.publish(built, app, published=False)
    assert (built / "manifest.webmanifest").is_file()
    assert (built / "offline" / "icon-512.png").read_bytes()[:4] == b"\x89PNG"
    assert not (built / "offline-worker.js").exists()
    assert "version" not in json.loads((built / "offline" / "t.json").read_text())

    offline_site.publish(built, app, published=True)
    completed = json.loads((built / "offline" / "t.json").read_text())
    assert "offline/t.json" not in completed["files"], "a list does not list itself"
    assert {"offline/icon-192.png", "offline/not-kept.html"} <= set(completed["files"])
    worker = (built / "offline-worker.js").read_text()
    first_line = worker.splitlines()[0]
    assert first_line.startswith("// Build ")

    (built / "articles" / "a" / "index.html").write_text("<html><body>New text</body></html>")
    write(built, {"offline/t.json": json.dumps(pages_list("", "tracks/t/", "articles/a/"))})
    offline_site.publish(built, app, published=True)
    assert (built / "offline-worker.js").read_text().splitlines()[0] != first_line


@pytest.mark.build
def test_a_real_build_links_the_manifest_and_writes_each_tracks_list(site: Site) -> None:
    site.build()
    out = site.root / "site"
    for url in ("", "tracks/two-weeks/", "articles/lead/"):
        link = site.html(url).select_one('link[rel="manifest"]')
        assert link is not None and not link["href"].startswith("/"), url
    listed = json.loads((out / "offline" / "two-weeks.json").read_text())
    files = listed["files"]
    assert {"tracks/two-weeks/week-1/", "articles/lead/", "search/search_index.json"} <= set(files)
    for url, digest in files.items():
        path = out / url / "index.html" if url == "" or url.endswith("/") else out / url
        assert hashlib.sha256(path.read_bytes()).hexdigest()[:16] == digest, url
    control = site.html("tracks/two-weeks/").select_one(".rp-offline")
    assert control is not None
    assert control["data-rp-offline"] == "../../offline/two-weeks.json"
    assert control["data-rp-worker"] == "../../offline-worker.js"
    assert (out / control["data-rp-worker"].removeprefix("../../")).is_file()


@pytest.mark.build
def test_under_mkdocs_serve_nothing_can_be_kept(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(COMMAND_VARIABLE, "serve")
    site.build()
    out = site.root / "site"
    assert not (out / "offline-worker.js").exists()
    assert "version" not in json.loads((out / "offline" / "two-weeks.json").read_text())
    assert (out / "manifest.webmanifest").is_file()


def test_an_export_carries_the_manifest_its_pages_link(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "export"
    export_site(site.root, out)
    manifest = json.loads((out / "docs" / "manifest.webmanifest").read_text())
    assert manifest["name"] == "Leadership Reading Program"
    assert all((out / "docs" / icon["src"]).is_file() for icon in manifest["icons"])
