"""The markers a hand-written page may hold (`<!-- reading-program:start TRACK -->`) and the
check of their spelling: found while reading the page, even when content is broken; the
render stage expands them (render/markers.py)."""

from __future__ import annotations

import re
from collections.abc import Collection

from .paths import RepoPath
from .problems import Problem, closest

MARKER = re.compile(r"<!--\s*reading-program:(?P<name>[\w-]*)(?:\s+(?P<arg>[^\s>]+))?\s*-->")
# Anything that looks like an attempt at a marker, to catch `reading_program:` and friends.
_NEAR_MARKER = re.compile(r"<!--\s*reading[-_ ]?program\b", re.IGNORECASE)
_TAGS_PLUGIN = re.compile(r"<!--\s*material/tags\b")
# name -> its argument: a track id (required), a number (optional), or none
MARKERS = {"articles": "count", "start": "track", "tags": None, "tracks": None}
MAX_COUNT = 200


def marker_problems(
    markdown: str, repo_path: RepoPath, track_ids: Collection[str]
) -> list[Problem]:
    """Every marker that names an unknown list or track, or is misspelled."""
    problems = []
    exact = {match.start() for match in MARKER.finditer(markdown)}
    for directive in _TAGS_PLUGIN.finditer(markdown):
        line = markdown.count("\n", 0, directive.start()) + 1
        message = (
            "Material's tags plugin is not used here (tags are the reading program's own): "
            "write <!-- reading-program:tags --> for the table of tags"
        )
        problems.append(Problem(repo_path, line, "marker", message))
    for near in _NEAR_MARKER.finditer(markdown):
        if near.start() not in exact:
            line = markdown.count("\n", 0, near.start()) + 1
            message = "looks like a marker but is not one: write <!-- reading-program:NAME -->"
            problems.append(Problem(repo_path, line, "marker", message))
    for match in MARKER.finditer(markdown):
        line = markdown.count("\n", 0, match.start()) + 1
        message = _marker_problem(match["name"], match["arg"], track_ids)
        if message:
            problems.append(Problem(repo_path, line, "marker", message))
    return problems


def _marker_problem(name: str, arg: str | None, track_ids: Collection[str]) -> str | None:
    if name not in MARKERS:
        close = closest(name, MARKERS)
        hint = f"did you mean {close!r}? " if close else ""
        return f"{name!r} is not a marker; {hint}markers are {', '.join(MARKERS)}"
    if MARKERS[name] == "count":
        if arg is None or (arg.isdigit() and 1 <= int(arg) <= MAX_COUNT):
            return None
        return (
            f"the {name!r} marker takes how many to show, 1 to {MAX_COUNT}: "
            f"<!-- reading-program:{name} 12 -->"
        )
    if MARKERS[name] == "track" and arg not in track_ids:
        if not arg:
            return f"the {name!r} marker needs a track id: <!-- reading-program:{name} TRACK-ID -->"
        close = closest(arg, track_ids)
        hint = (
            f"did you mean {close!r}?"
            if close
            else f"known tracks: {', '.join(sorted(track_ids)) or 'none'}"
        )
        return f"no track has the id {arg!r}; {hint}"
    if MARKERS[name] is None and arg:
        return f"the {name!r} marker takes no argument: write <!-- reading-program:{name} -->"
    return None


def has_markers(markdown: str) -> bool:
    return MARKER.search(markdown) is not None
