"""The page `mkdocs serve` shows in place of every page while content has problems, so
the author reads them in the browser (and it reloads when they are fixed), rather than a
request that waits for a build that never succeeds."""

from __future__ import annotations

from collections.abc import Sequence

from ..load.problems import Problem
from .html_blocks import with_blocks
from .templating import render_page


def problems_page(src_uri: str, problems: Sequence[Problem]) -> str:
    """The Markdown of the problems page, written for the page at `src_uri`."""
    return with_blocks(render_page("content_problems.md.j2", src_uri, problems=problems))
