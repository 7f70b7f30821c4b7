"""Read offline: what a track needs without a network, and the web app manifest.

Before MkDocs builds, each track gets a list of its pages (`offline/<track>.json`: the
track, its weeks, discussion guides, workbook and finish page, its articles and
assessment, the home page and the journal). After the build, the adapter completes each
list from the built site and writes the service worker (mkdocs_adapter/offline_site.py).

Everything is relative to the site's root, so the site works under any base path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files as package_files
from typing import Any

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
    OFFLINE_FOLDER,
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

LISTS = OFFLINE_FOLDER  # the folder of the lists, one per track (urls.offline_list_src)
MANIFEST = "manifest.webmanifest"
ICONS = tuple(f"{OFFLINE_FOLDER}/{name}" for name in ("icon.svg", "icon-192.png", "icon-512.png"))
FORMAT = "reading-program-offline"
SEARCH_INDEX = "search/search_index.json"
# Besides each page's own: every page may load these (the entry module imports the others
# on demand; Material's instant navigation reads the sitemap; the journal loads its other
# data files, named in its first, when it needs them).
SITE_WIDE = ("javascripts/", "stylesheets/")
JOURNAL_FILES = (JOURNAL_DATA, OTHER_ARTICLES_DATA, QUESTION_TEXTS_DATA)
NOT_KEPT = f"{OFFLINE_FOLDER}/not-kept.html"  # what the worker shows for a page not kept, offline
SITE_FILES = (SEARCH_INDEX, "sitemap.xml", MANIFEST, *ICONS, *JOURNAL_FILES, NOT_KEPT)
OFFLINE_FILES = package_files(__package__) / "offline_files"  # the worker, icons, not-kept page
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
