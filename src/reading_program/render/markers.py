"""Generated lists inside hand-written pages.

A hand-written page (e.g. `docs/index.md`) may hold markers such as
`<!-- reading-program:start six-week-leadership -->`; each is replaced by a rendered list.
Markers are checked while the page is read (load/marker_syntax.py), then expanded here
with the library.
"""

from __future__ import annotations

import re

from ..load.marker_syntax import MARKER
from ..model import Library
from . import catalogue
from .templating import render


def expand_markers(markdown: str, page_src: str, library: Library) -> str:
    """The page with every (valid) marker replaced by its rendered list."""
    tracks = {track.id: track for track in library.tracks}
    tags = catalogue.tag_pages(library)

    def replace(match: re.Match[str]) -> str:
        name, arg = match["name"], match["arg"]
        count = int(arg) if name == "articles" and arg else catalogue.NEWEST
        return render(
            f"marker_{name}.md.j2",
            page_src,
            library=library,
            track=tracks.get(arg),
            tags=tags,
            newest=catalogue.newest(library.articles, count),
        )

    return MARKER.sub(replace, markdown)
