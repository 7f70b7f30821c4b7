"""What an article's Markdown source says about itself that rendering does not: its length.

Links, anchors and what a body may hold are found on the rendered body
(markdown_render.py), never in the Markdown source.
"""

from __future__ import annotations

import re

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


def heading_anchor(heading: str) -> str:
    """The id MkDocs' default `toc` settings give a heading with this text, found by
    Python-Markdown itself (so `a_b_c` stays `a_b_c`, and emphasis is left out)."""
    converter = markdown.Markdown(extensions=["toc"])
    converter.convert(f"# {heading}")
    tokens = getattr(converter, "toc_tokens", [])
    return tokens[0]["id"] if tokens else ""
