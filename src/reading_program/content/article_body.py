"""What an article's Markdown body says about itself: its words, the anchors its headings
get, and the links and images it holds, each with its line.

Links are checked against the site's pages before MkDocs empties `site/` (MkDocs' own
validation runs after that, and only warns), so they are found here with a light scan
rather than a Markdown render: fenced code and inline code are skipped, as Markdown does.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from markdown.extensions.toc import slugify

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_NEWLINE = re.compile(r"\n")
_INLINE_LINK = re.compile(
    r"(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S+?)>?(?:[ \t]+[^\n]*)?$", re.M)
_HTML_URL = re.compile(
    r"<(?P<tag>[a-zA-Z][a-zA-Z0-9]*)\b[^>]*?\b(?P<attr>href|src)\s*=\s*[\"']?(?P<url>[^\"'\s>]+)",
    re.S,
)
# Literal first, so the regex engine can skip ahead to each "id"; the word boundary before
# it is checked on the few matches (`_html_ids`). 15 times faster than a leading \b.
_HTML_ID = re.compile(r"id\s*=\s*[\"']([^\"']+)[\"']")
_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+([^\n]+?)(?:[ \t]+#+)?[ \t]*$", re.M)
_SETEXT = re.compile(r"(?<=\n)[ \t]{0,3}(?:=+|-+)[ \t]*$", re.M)  # an underline, under a line
_ATTR_ID = re.compile(r"\{:?[^}]*#([\w-]+)[^}]*\}\s*$")
_ATTR_LIST = re.compile(r"\s*\{:?[^}]*\}\s*$")
_INLINE_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|<[^>]+>|[*_`]")
# A word: letters or digits, joined by apostrophes or hyphens. The underscore, which \w
# would match, is turned into a space first (it joins nothing): `\w` runs twice as fast
# as `[^\W_]`, and word counting is the larger part of loading an article.
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
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
    prose = _mask_code(body)
    starts = [0, *(match.end() for match in _NEWLINE.finditer(prose))]

    def line_at(offset: int) -> int:
        return first_line + bisect.bisect_right(starts, offset) - 1

    return BodyFacts(
        words=count_words(body),
        anchors=frozenset(_anchors(prose)),
        links=tuple(_links(prose, line_at)),
    )


def count_words(markdown: str) -> int:
    if "](" in markdown:
        markdown = _LINK_TARGET.sub("]", markdown)
    if "<" in markdown:
        markdown = _HTML_TAG.sub(" ", markdown)
    if "_" in markdown:
        markdown = markdown.replace("_", " ")
    return _WORD.subn("", markdown)[1]  # counts without building a list of a million words


def heading_anchor(heading: str) -> str:
    """The id MkDocs' default `toc` settings give a heading with this text."""
    return slugify(_INLINE_MARKUP.sub(lambda m: m.group(1) or "", heading), "-")


def _mask_code(body: str) -> str:
    """The body with fenced code and code spans turned into spaces (line breaks kept), so
    that nothing in code counts as a link or heading, and offsets still give lines."""
    if "`" not in body and "~~~" not in body:
        return body
    lines, fence = body.split("\n"), None
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)[0] * len(opening.group(1))
            lines[index] = ""
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            lines[index] = ""
        elif "`" in line:
            lines[index] = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
    return "\n".join(lines)


def _links(prose: str, line_at) -> list[BodyLink]:
    found = []
    if "](" in prose:
        for match in _INLINE_LINK.finditer(prose):
            found.append(BodyLink(line_at(match.start()), match.group(2), bool(match.group(1))))
    if "]:" in prose:
        for match in _REFERENCE.finditer(prose):
            found.append(BodyLink(line_at(match.start()), match.group(1), image=False))
    if "<" in prose:
        for match in _HTML_URL.finditer(prose):
            tag = match["tag"].lower()
            link = BodyLink(line_at(match.start()), match["url"], tag == "img", html_tag=tag)
            found.append(link)
    return sorted(found, key=lambda link: link.line)


def _anchors(prose: str) -> list[str]:
    """Heading ids as the toc extension makes them (a repeated heading gets `_1`, `_2`),
    attr_list ids (`## Title { #custom }`) and raw HTML ids."""
    headings = [(m.start(), m.group(2)) for m in _ATX.finditer(prose)]
    for underline in _SETEXT.finditer(prose):
        above = prose.rfind("\n", 0, underline.start() - 1) + 1
        text = prose[above : underline.start() - 1].strip()
        if text and not text.startswith(("-", "*", ">", "#")):
            headings.append((above, text))
    anchors: list[str] = []
    for _, text in sorted(headings):
        custom = _ATTR_ID.search(text)
        if custom:
            anchors.append(custom.group(1))
        else:
            anchors.append(_unique(heading_anchor(_ATTR_LIST.sub("", text)), anchors))
    if "id" in prose:
        anchors += _html_ids(prose)
    return anchors


def _html_ids(prose: str) -> list[str]:
    """What `\\bid\\s*=...` finds: a match after a word character is skipped, and the
    search goes on from the next character (a skipped match may hide a real one)."""
    found, position = [], 0
    while (match := _HTML_ID.search(prose, position)) is not None:
        start = match.start()
        if start and _is_word_character(prose[start - 1]):
            position = start + 1
            continue
        found.append(match.group(1))
        position = match.end()
    return found


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


def _unique(anchor: str, taken: list[str]) -> str:
    candidate, counter = anchor, 1
    while candidate in taken:
        candidate, counter = f"{anchor}_{counter}", counter + 1
    return candidate
