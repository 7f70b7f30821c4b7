"""Generated pages' HTML blocks, kept apart from their Markdown until MkDocs has made HTML.

A template wraps each block of finished HTML (a pager, a list of questions, a reading card)
in `{% call html_block() %}`; the page's Markdown then holds a placeholder comment there.
Markdown would pass such a block through unchanged anyway, but only after parsing it twice
with Python's HTML parser (MkDocs' anchor scan, then md_in_html), and Material's search
parses the page's HTML once more: together these parses were most of what a generated page
cost to build. The blocks go back in place in two steps:

- blocks to be searched, as soon as the page has its HTML (`on_page_content`);
- blocks marked `data-search-exclude`, after the search plugin has indexed the page
  (`on_page_context`): the index is the one the whole page would give, without parsing
  what it would skip.

The blocks travel in the page's source file, after its Markdown (`with_blocks`), so a page
counts as changed whenever a block does (`mkdocs serve --dirty` compares files).

An article's body is one of its page's blocks: HTML rendered once, checked and sanitised
(load/markdown_render.py). Its headings belong in the page's table of contents, so the
block carries them (`BodyBlock.toc`), and a plain MkDocs gets the body's Markdown instead
(`PageText.inlined`).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

_TRAILER = "\n<!--rp-blocks "
_PLACEHOLDER = re.compile(r"<!--rp-block-(\d+)-->")
_OPENING_TAG = re.compile(r"\s*<[^>]*>")
_IDS = re.compile(r'\sid="([^"]*)"')
_QUOTED = re.compile(r'"[^"]*"|\'[^\']*\'')
_SEARCH_EXCLUDE = re.compile(r"\sdata-search-exclude(?=[\s/>=])")


@dataclass(frozen=True)
class BodyBlock:
    """The block that is an article's body: its number, its Markdown as written (for a
    plain MkDocs) and its headings as toc tokens (for the page's table of contents)."""

    number: int
    markdown: str = ""
    toc: tuple[dict, ...] = ()


@dataclass(frozen=True)
class PageText:
    """A generated page's Markdown, a placeholder comment where each block goes."""

    markdown: str
    blocks: tuple[str, ...] = ()
    body: BodyBlock | None = None

    def inlined(self) -> str:
        """The same page as one Markdown text, blocks in place (for a plain MkDocs), the
        body as Markdown. A block inside another comes first (its template call ends
        first), so putting them back from the last brings every inner placeholder out
        before its turn."""
        text = self.markdown
        for number in reversed(range(len(self.blocks))):
            block = self.blocks[number]
            if self.body is not None and number == self.body.number:
                block = self.body.markdown
            text = text.replace(placeholder(number), block, 1)
        return text


def placeholder(number: int) -> str:
    return f"<!--rp-block-{number}-->"


def can_set_apart(markdown: str, blocks: list[str]) -> bool:
    """Whether the placeholders in `markdown` are surely ours and will survive Markdown.
    Not when the page's own text (an article body) holds something like a placeholder,
    which would receive a block, or opens an HTML comment it never closes, which our
    placeholder's `-->` would close (the comment would then run to the end of the page
    once the block is back). Such a page is rendered with its blocks inline instead."""
    if sum(part.count("<!--rp-block-") for part in (markdown, *blocks)) != len(blocks):
        return False
    own_text = _PLACEHOLDER.sub("", markdown)
    return own_text.rfind("<!--") <= own_text.rfind("-->")


def with_blocks(text: PageText) -> str:
    """The page's source file: its Markdown, then its blocks (and the body's headings) in
    a trailing comment."""
    if not text.blocks:
        return text.markdown
    body = [text.body.number, list(text.body.toc)] if text.body is not None else None
    data = json.dumps([text.blocks, body], ensure_ascii=False, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e")
    return f"{text.markdown}{_TRAILER}{data} -->\n"


def split_blocks(source: str) -> PageText:
    """`with_blocks` undone (the body without its Markdown); a page without blocks comes
    back as it is."""
    start = source.rfind(_TRAILER)
    if start < 0 or not source.endswith(" -->\n"):
        return PageText(source)
    try:
        blocks, body = json.loads(source[start + len(_TRAILER) : -len(" -->\n")])
    except ValueError:
        return PageText(source)
    number, toc = body if body else (None, ())
    body_block = BodyBlock(number, toc=tuple(toc)) if number is not None else None
    return PageText(source[:start], tuple(blocks), body_block)


def excluded_from_search(block: str) -> bool:
    """Whether the block's own element carries `data-search-exclude` (as an attribute:
    not inside another attribute's value, such as an article titled with those words)."""
    opening = _OPENING_TAG.match(block)
    if opening is None:
        return False
    attributes = _QUOTED.sub('""', opening.group(0))
    return _SEARCH_EXCLUDE.search(attributes) is not None


def restored(page_html: str, blocks: tuple[str, ...], *, searched_only: bool) -> str:
    """`page_html` with blocks put back in place, blocks inside blocks too: with
    `searched_only`, all but those marked `data-search-exclude` (and what they hold);
    without, every one still missing."""

    def block_for(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if number >= len(blocks):
            return match.group(0)
        block = blocks[number]
        if searched_only and excluded_from_search(block):
            return match.group(0)
        return _PLACEHOLDER.sub(block_for, block)

    return _PLACEHOLDER.sub(block_for, page_html)


def anchor_ids(blocks: tuple[str, ...]) -> set[str]:
    """The ids the blocks give the page (templates write every attribute in double quotes),
    which MkDocs would have found in them for its anchor checks."""
    return {html.unescape(found) for block in blocks for found in _IDS.findall(block)}
