"""What an article's Markdown body says about itself: its words, the anchors its headings
get, and the links and images it holds, each with its line.

Links are checked against the site's pages before MkDocs empties `site/` (MkDocs' own
validation runs after that, and only warns), so they are found here with a light scan
rather than a Markdown render: fenced code and inline code are skipped, as Markdown does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown.extensions.toc import slugify

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_INLINE_LINK = re.compile(
    r"(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
_HTML_URL = re.compile(
    r"<(?P<tag>[a-zA-Z][a-zA-Z0-9]*)\b[^>]*?\b(?P<attr>href|src)\s*=\s*[\"']?(?P<url>[^\"'\s>]+)",
    re.S,
)
_HTML_ID = re.compile(r"\bid\s*=\s*[\"']([^\"']+)[\"']")
_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")
_ATTR_ID = re.compile(r"\{:?[^}]*#([\w-]+)[^}]*\}\s*$")
_ATTR_LIST = re.compile(r"\s*\{:?[^}]*\}\s*$")
_INLINE_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|<[^>]+>|[*_`]")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_HTML_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class BodyLink:
    line: int  # in the file
    target: str  # as written
    image: bool
    html_tag: str | None = None  # for links in raw HTML: the tag (`img`, `a`, ...)


@dataclass(frozen=True)
class BodyFacts:
    words: int
    anchors: frozenset[str]
    links: tuple[BodyLink, ...]


def body_facts(body: str, first_line: int) -> BodyFacts:
    prose_lines = list(_outside_code(body))
    return BodyFacts(
        words=count_words(body),
        anchors=frozenset(_anchors(prose_lines)),
        links=tuple(_links(prose_lines, first_line)),
    )


def count_words(markdown: str) -> int:
    prose = _HTML_TAG.sub(" ", _LINK_TARGET.sub("]", markdown))
    return len(_WORD.findall(prose))


def heading_anchor(heading: str) -> str:
    """The id MkDocs' default `toc` settings give a heading with this text."""
    return slugify(_INLINE_MARKUP.sub(lambda m: m.group(1) or "", heading), "-")


def _outside_code(body: str) -> list[tuple[int, str]]:
    """(index, line) of the body's lines outside fenced code, with code spans blanked."""
    kept, fence = [], None
    for index, line in enumerate(body.split("\n")):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)[0] * len(opening.group(1))
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        kept.append((index, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)))
    return kept


def _links(lines: list[tuple[int, str]], first_line: int) -> list[BodyLink]:
    found = []
    for index, line in lines:
        number = first_line + index
        for match in _INLINE_LINK.finditer(line):
            found.append(BodyLink(number, match.group(2), image=bool(match.group(1))))
        reference = _REFERENCE.match(line)
        if reference:
            found.append(BodyLink(number, reference.group(1), image=False))
        for match in _HTML_URL.finditer(line):
            tag = match["tag"].lower()
            found.append(BodyLink(number, match["url"], image=tag == "img", html_tag=tag))
    return found


def _anchors(lines: list[tuple[int, str]]) -> list[str]:
    """Heading ids as the toc extension makes them (a repeated heading gets `_1`, `_2`),
    attr_list ids (`## Title { #custom }`) and raw HTML ids."""
    anchors: list[str] = []
    previous = ""
    for _, line in lines:
        text = None
        atx = _ATX.match(line)
        if atx:
            text = atx.group(2)
        elif (
            _SETEXT.match(line)
            and previous.strip()
            and not previous.lstrip().startswith(("-", "*", ">"))
        ):
            text = previous.strip()
        if text is not None:
            custom = _ATTR_ID.search(text)
            anchors.append(
                custom.group(1)
                if custom
                else _unique(heading_anchor(_ATTR_LIST.sub("", text)), anchors)
            )
        anchors.extend(_HTML_ID.findall(line))
        previous = line
    return anchors


def _unique(anchor: str, taken: list[str]) -> str:
    candidate, counter = anchor, 1
    while candidate in taken:
        candidate, counter = f"{anchor}_{counter}", counter + 1
    return candidate
