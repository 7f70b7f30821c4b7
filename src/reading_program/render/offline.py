"""Read offline: what a track needs without a network, and the files that make it so.

Before MkDocs builds, each track gets a list of its pages (`offline/<track>.json`: the
track, its weeks, discussion guides, workbook and finish page, its articles and
assessment, the home page and the journal). After the build, `publish` completes each
list from the built site: every file those pages load (scripts, stylesheets, icons, the
data files they fetch, Material's search worker), the site's own scripts and styles, the
search index, each with a hash of its content, and a version made of them all. It also
writes the web app manifest, its icons and the service worker (offline-worker.js, at the
site's root so that its scope is the whole site), whose first line names the build's
version: a site published again with any change is a new worker to the browser, which
installs it and refreshes the copies kept (only the files whose hash changed).

Everything is relative to the site's root, so the site works under any base path.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from ..fingerprints import digest
from ..model import Library, Track
from .browser_data.islands import (
    JOURNAL_DATA,
    OTHER_ARTICLES_DATA,
    QUESTION_TEXTS_DATA,
    json_file,
)
from .pages import GeneratedAsset
from .urls import (
    HOME,
    JOURNAL,
    OFFLINE_WORKER,
    article_src,
    assessment_src,
    directory_url,
    finish_src,
    guide_src,
    offline_list_src,
    track_src,
    week_src,
    workbook_src,
)

LISTS = "offline"  # the folder of the lists, one per track (urls.offline_list_src)
MANIFEST = "manifest.webmanifest"
ICONS = ("offline/icon.svg", "offline/icon-192.png", "offline/icon-512.png")
FORMAT = "reading-program-offline"
SEARCH_INDEX = "search/search_index.json"
# Besides each page's own: every page may load these (the entry module imports the others
# on demand; Material's instant navigation reads the sitemap; the journal loads its other
# data files, named in its first, when it needs them).
SITE_WIDE = ("javascripts/", "stylesheets/")
JOURNAL_FILES = (JOURNAL_DATA, OTHER_ARTICLES_DATA, QUESTION_TEXTS_DATA)
NOT_KEPT = "offline/not-kept.html"  # what the worker shows for a page not kept, offline
SITE_FILES = (SEARCH_INDEX, "sitemap.xml", MANIFEST, *ICONS, *JOURNAL_FILES, NOT_KEPT)
_FILES = package_files(__package__) / "offline_files"
# Material's primary colours (its palette stylesheet), for the manifest's theme colour.
_PRIMARY = {
    "red": "#ef5552",
    "pink": "#e92063",
    "purple": "#ab47bd",
    "deep-purple": "#7e56c2",
    "indigo": "#4051b5",
    "blue": "#2094f3",
    "light-blue": "#02a6f2",
    "cyan": "#00bdd6",
    "teal": "#009485",
    "green": "#4cae4f",
    "light-green": "#8bc34b",
    "lime": "#cbdc38",
    "yellow": "#ffec3d",
    "amber": "#ffc105",
    "orange": "#ffa724",
    "deep-orange": "#ff6e42",
    "brown": "#795649",
    "grey": "#757575",
    "blue-grey": "#546d78",
    "black": "#000000",
    "white": "#ffffff",
}


def track_pages(track: Track) -> list[str]:
    """The pages a track needs, as URLs relative to the site's root ("" is the home page)."""
    sources = [HOME, JOURNAL, track_src(track), workbook_src(track), finish_src(track)]
    for week in track.weeks:
        sources += [week_src(track, week), guide_src(track, week)]
        sources += [article_src(article) for article in week.readings]
    if track.assessment is not None:
        sources.append(assessment_src(track.assessment))
    return list(dict.fromkeys(directory_url(src) for src in sources))


def page_lists(library: Library) -> list[GeneratedAsset]:
    """Per track, the list of its pages, which `publish` completes after the build."""
    return [
        GeneratedAsset(
            offline_list_src(track), json_file({"track": track.id, "pages": track_pages(track)})
        )
        for track in library.tracks
    ]


@dataclass(frozen=True)
class WebApp:
    """What the manifest says of the site: its names and colours."""

    name: str
    short_name: str
    theme_color: str
    background_color: str = "#ffffff"


def web_app(site_name: str, extra: Mapping[str, Any], palette: Any) -> WebApp:
    """From mkdocs.yml: `site_name`, `extra.short_name` (else the site's name) and the
    theme's primary colour (the first palette's)."""
    first = palette[0] if isinstance(palette, list) and palette else palette
    primary = first.get("primary") if isinstance(first, dict) else None
    short = extra.get("short_name")
    short_name = short if isinstance(short, str) and short.strip() else site_name
    return WebApp(site_name, short_name, _PRIMARY.get(str(primary), _PRIMARY["indigo"]))


def manifest(app: WebApp) -> bytes:
    """The web app manifest; its addresses are relative to itself, at the site's root."""
    icons = [
        {"src": ICONS[0], "sizes": "any", "type": "image/svg+xml"},
        {"src": ICONS[1], "sizes": "192x192", "type": "image/png"},
        {"src": ICONS[2], "sizes": "512x512", "type": "image/png", "purpose": "any maskable"},
    ]
    return json_file(
        {
            "name": app.name,
            "short_name": app.short_name,
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "theme_color": app.theme_color,
            "background_color": app.background_color,
            "icons": icons,
        }
    )


def write_web_app(folder: Path, app: WebApp) -> None:
    """The manifest and its icons, which every page links, into a site (or an export's
    docs folder, which any engine copies as it is)."""
    (folder / MANIFEST).write_bytes(manifest(app))
    for icon in ICONS:
        target = folder / icon
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((_FILES / posixpath.basename(icon)).read_bytes())


def publish(site_dir: Path, app: WebApp, *, published: bool) -> None:
    """After the build, into the site folder: the manifest and icons; on a published build
    (not under `mkdocs serve`, where nothing should be kept) the completed lists and the
    service worker."""
    write_web_app(site_dir, app)
    if not published:
        return
    (site_dir / NOT_KEPT).write_bytes((_FILES / posixpath.basename(NOT_KEPT)).read_bytes())
    versions = []
    for list_file in sorted((site_dir / LISTS).glob("*.json")):
        completed = completed_list(site_dir, json.loads(list_file.read_bytes()))
        list_file.write_bytes(json_file(completed))
        versions.append(completed["version"])
    build = _hash("\n".join(versions).encode())
    worker = (_FILES / "worker.js").read_text("utf-8")
    (site_dir / OFFLINE_WORKER).write_text(f"// Build {build}\n{worker}", "utf-8")


def completed_list(site_dir: Path, pages_list: Mapping[str, Any]) -> dict[str, Any]:
    """A track's list with every file it needs and the hash of each, from the built site."""
    pages = [page for page in pages_list["pages"] if _page_file(site_dir, page).is_file()]
    needed = dict.fromkeys(pages)
    for page in pages:
        needed.update(dict.fromkeys(page_resources(site_dir, page)))
    for folder in SITE_WIDE:
        found = sorted(path for path in (site_dir / folder).rglob("*") if path.is_file())
        needed.update(dict.fromkeys(path.relative_to(site_dir).as_posix() for path in found))
    needed.update(dict.fromkeys(f for f in SITE_FILES if (site_dir / f).is_file()))
    hashes = {url: _hash(_file_of(site_dir, url).read_bytes()) for url in needed}
    version = _hash("\n".join(f"{url} {digest}" for url, digest in hashes.items()).encode())
    return {"format": FORMAT, "track": pages_list["track"], "version": version, "files": hashes}


def page_resources(site_dir: Path, page: str) -> list[str]:
    """The files of this site that a built page loads or fetches: its scripts, stylesheets
    and icons, the data files its markup names (`data-rp-*`), Material's search worker."""
    tree = HTMLParser(_page_file(site_dir, page).read_text("utf-8"))
    found: list[str] = []
    for node in tree.css("script[src], img[src], link[href]"):
        rel = set((node.attributes.get("rel") or "").split())
        if node.tag == "link" and not _LOADED_LINKS & rel:
            continue
        found.append(node.attributes.get("src") or node.attributes.get("href") or "")
    for node in tree.css("*"):
        found += [v or "" for k, v in node.attributes.items() if k.startswith("data-rp-")]
    config = tree.css_first("script#__config")
    if config is not None:
        worker = _search_worker(config.text())
        found += [worker] if worker else []
    return list(_site_files(site_dir, page, found))


def _search_worker(config_text: str) -> str | None:
    try:
        worker = json.loads(config_text).get("search")
    except (ValueError, AttributeError):
        return None
    return worker if isinstance(worker, str) else None


_LOADED_LINKS = {"stylesheet", "icon", "apple-touch-icon", "manifest", "modulepreload"}
_BASE = "https://site.invalid/"  # any origin: a link resolving elsewhere is not the site's


def _site_files(site_dir: Path, page: str, references: Iterable[str]) -> Iterable[str]:
    """The references that name a file of the built site (not a page, not another host)."""
    for reference in references:
        if not reference or reference.startswith(("data:", "#")):
            continue
        url = urlsplit(urljoin(_BASE + page, reference))
        if f"{url.scheme}://{url.netloc}/" != _BASE:
            continue
        path = posixpath.normpath(url.path).lstrip("/")
        if _is_own_file(path) and not url.path.endswith("/") and (site_dir / path).is_file():
            yield path


def _is_own_file(path: str) -> bool:
    """A file a page may need: not the lists themselves, nor the worker (which browsers
    fetch themselves, bypassing it)."""
    in_lists = posixpath.dirname(path) == LISTS and path.endswith(".json")
    return bool(path) and not in_lists and path != OFFLINE_WORKER


def _page_file(site_dir: Path, page: str) -> Path:
    return site_dir / page / "index.html"


def _file_of(site_dir: Path, url: str) -> Path:
    return _page_file(site_dir, url) if url == "" or url.endswith("/") else site_dir / url


def _hash(data: bytes) -> str:
    return digest(data)[:16]
