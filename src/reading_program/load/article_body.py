"""What an article's Markdown source says about itself that rendering does not: its length;
and which of its rendered headings a heading written in Markdown names.

Links, anchors and what a body may hold are found on the rendered body
(markdown_render.py), never in the Markdown source.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

import markdown

# A word: letters or digits, joined by apostrophes or hyphens. The underscore, which \w
# would match, is turned into a space first (it joins nothing): `\w` runs twice as fast
# as `[^\W_]`, and word counting is the larger part of loading an article.
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_LINK_TARGET = re.compile(r"\]\([^()]*\)")
# A tag is `<` up to the next `>`, with no `<` inside: each character is looked at once,
# however many `<` a crafted body holds (`<[^>]+>` would scan to the end from each one).
_HTML_TAG = re.compile(r"<[^<>]+>")


def count_words(markdown_text: str) -> int:
    if "](" in markdown_text:
        markdown_text = _LINK_TARGET.sub("]", markdown_text)
    if "<" in markdown_text:
        markdown_text = _HTML_TAG.sub(" ", markdown_text)
    if "_" in markdown_text:
        markdown_text = markdown_text.replace("_", " ")
    return _WORD.subn("", markdown_text)[1]  # counts without building a list of words


def heading_id(toc: Sequence[Mapping[str, Any]], heading: str) -> str | None:
    """The id of the heading `heading` names (written as in the Markdown source, emphasis
    and all) in a rendered body's table of contents: made by the site's own `toc`
    settings, its slugify included, so nothing here works an id out a second way. None
    when the body has no such heading."""
    wanted = _heading_text(heading)
    for token in toc:
        if html.unescape(token["name"]) == wanted:
            return token["id"]
        if (found := heading_id(token["children"], heading)) is not None:
            return found
    return None


def _heading_text(heading: str) -> str:
    """A heading's text as a table of contents names it: "The *brave* one" -> "The brave
    one" (Python-Markdown's own reading)."""
    converter = markdown.Markdown(extensions=["toc"])
    converter.convert(f"# {heading}")
    tokens = getattr(converter, "toc_tokens", [])
    return html.unescape(tokens[0]["name"]) if tokens else heading
