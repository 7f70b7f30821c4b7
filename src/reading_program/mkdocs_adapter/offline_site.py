"""After the build, into the site folder: each track's offline list completed from the built
site, the service worker, the web app manifest and its icons.

A list gets every file its pages load (scripts, stylesheets, icons, the data files they
fetch, Material's search worker), the site's own scripts and styles, the search index, each
with a hash of its content, and a version made of them all. The service worker
(offline-worker.js, at the site's root so that its scope is the whole site) names the
build's version in its first line: a site published again with any change is a new worker
to the browser, which installs it and refreshes the copies kept (only the files whose hash
changed). The lists before the build, and the manifest: render/offline.py.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from ..fingerprints import digest
from ..render.browser_data.islands import json_file
from ..render.offline import (
    FORMAT,
    ICONS,
    LISTS,
    MANIFEST,
    NOT_KEPT,
    OFFLINE_FILES,
    SITE_FILES,
    SITE_WIDE,
    WebApp,
    manifest,
)
from ..render.urls import OFFLINE_WORKER


def write_web_app(folder: Path, app: WebApp) -> None:
    """The manifest and its icons, which every page links, into a site (or an export's
    docs folder, which any engine copies as it is)."""
    (folder / MANIFEST).write_bytes(manifest(app))
    for icon in ICONS:
        target = folder / icon
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((OFFLINE_FILES / posixpath.basename(icon)).read_bytes())


def publish(site_dir: Path, app: WebApp, *, published: bool) -> None:
    """After the build, into the site folder: the manifest and icons; on a published build
    (not under `mkdocs serve`, where nothing should be kept) the completed lists and the
    service worker."""
    write_web_app(site_dir, app)
    if not published:
        return
    (site_dir / NOT_KEPT).write_bytes((OFFLINE_FILES / posixpath.basename(NOT_KEPT)).read_bytes())
    versions = []
    for list_file in sorted((site_dir / LISTS).glob("*.json")):
        completed = completed_list(site_dir, json.loads(list_file.read_bytes()))
        list_file.write_bytes(json_file(completed))
        versions.append(completed["version"])
    build = _hash("\n".join(versions).encode())
    worker = (OFFLINE_FILES / "worker.js").read_text("utf-8")
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
