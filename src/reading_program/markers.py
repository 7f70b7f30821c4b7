"""Generated lists inside hand-written pages.

A hand-written page (e.g. `docs/index.md`) may hold markers such as
`<!-- reading-program:start six-week-leadership -->`; each is replaced by a rendered list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .loader import ContentPaths
from .models import Library
from .problems import ContentError, Problem
from .rendering import render
from .site_paths import TAGS_INDEX

MARKER = re.compile(r"<!--\s*reading-program:(?P<name>[\w-]+)(?:\s+(?P<arg>[\w-]+))?\s*-->")
MARKERS = ("articles", "start", "tags", "tracks")
_NEEDS_TRACK = {"start"}


def has_markers(markdown: str) -> bool:
    return MARKER.search(markdown) is not None


def expand_markers(
    markdown: str, page_src: str, display_path: str, library: Library
) -> str | list[Problem]:
    tracks = {track.id: track for track in library.tracks}
    tag_counts = _tag_counts(library)
    tags = [tag for tag in library.tags if tag.slug in tag_counts]
    problems: list[Problem] = []

    def replace(match: re.Match[str]) -> str:
        name, arg = match["name"], match["arg"]
        line = markdown.count("\n", 0, match.start()) + 1
        if name not in MARKERS:
            known = ", ".join(MARKERS)
            problems.append(
                Problem(display_path, line, "marker", f"unknown marker {name!r}; known: {known}")
            )
            return ""
        if name in _NEEDS_TRACK and arg not in tracks:
            known = ", ".join(tracks) or "none"
            message = f"unknown track id {arg!r}; known tracks: {known}"
            problems.append(Problem(display_path, line, "marker", message))
            return ""
        return render(
            f"marker_{name}.md.j2",
            page_src,
            library=library,
            track=tracks.get(arg),
            tag_counts=tag_counts,
            tags=tags,
        )

    expanded = MARKER.sub(replace, markdown)
    return problems or expanded


def _tag_counts(library: Library) -> dict[str, int]:
    return dict(Counter(tag for article in library.articles for tag in article.tags))


def expand_hand_written(
    pages: Iterable[tuple[str, Path]], paths: ContentPaths, library: Library
) -> dict[str, str]:
    """The hand-written pages (source path, file) that hold markers, expanded; the tag
    index always, as Material's tags plugin must render it on every build (a dirty build
    would skip an unchanged file). Raises ContentError with every marker problem."""
    expanded: dict[str, str] = {}
    problems: list[Problem] = []
    for src_uri, file in pages:
        markdown = file.read_text(encoding="utf-8-sig")
        if not has_markers(markdown) and src_uri != TAGS_INDEX:
            continue
        result = expand_markers(markdown, src_uri, paths.display(file), library)
        if isinstance(result, list):
            problems.extend(result)
        else:
            expanded[src_uri] = result
    if problems:
        raise ContentError(problems)
    return expanded
