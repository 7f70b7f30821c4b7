"""Markdown bodies rendered as the site renders them, and checked as the browser gets them.

Links, anchors and what a body may hold are checked on the HTML that Python-Markdown makes
with the site's own configuration (mkdocs.yml's extensions and their settings, `toc`'s
slugify included), parsed by an HTML5 parser: so `check` and the build agree on every link
by construction, and nothing hides from the checks in Markdown that a regular expression
reads differently. An article body is rendered once: the page the build publishes holds
this HTML, sanitised (html_policy.py), and its headings go into the page's table of
contents.

Links that MkDocs would rewrite (relative paths to the site's files) are set apart as
tokens while the body is rendered, with their target as written: the site stage resolves
them against the site's files (`with_links`), as MkDocs does; what a body says about
itself does not depend on the other files, so it is cached by content hash.
"""

from __future__ import annotations

import bisect
import json
import re
import secrets
import xml.etree.ElementTree as etree
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..fingerprints import digest, installed_version
from .html_policy import Kind, inspect, sanitised
from .paths import RepoPath
from .problems import Problem

_MKDOCS_DEFAULTS = ("toc", "tables", "fenced_code")  # MkDocs always adds these


@dataclass(frozen=True)
class MarkdownConfig:
    """The site's Markdown: extensions (names or instances) and their settings, as
    mkdocs.yml gives them; `reserved_ids`: ids an article page uses besides its body's."""

    extensions: tuple[Any, ...] = _MKDOCS_DEFAULTS
    configs: Mapping[str, Any] = field(default_factory=dict)
    reserved_ids: tuple[str, ...] = ()

    @cached_property
    def fingerprint(self) -> str:
        """Changes with anything that changes how a body renders."""
        described = json.dumps(
            [list(self.extensions), self.configs, list(self.reserved_ids)],
            sort_keys=True,
            default=_describe,
        )
        versions = [installed_version("markdown"), installed_version()]
        return digest("\0".join([described, *versions]))[:16]


def _describe(value: Any) -> str:
    kind = value if callable(value) and hasattr(value, "__qualname__") else type(value)
    return f"{kind.__module__}.{kind.__qualname__}"


@dataclass(frozen=True)
class BodyLink:
    line: int  # in the file
    target: str  # as written
    image: bool
    html_tag: str | None = None  # for links in raw HTML: the tag (`img`, `a`, ...)


@dataclass(frozen=True)
class RenderedBody:
    """A body as HTML (sanitised for articles; Markdown links as tokens, see `with_links`),
    the ids it holds, its table of contents, its local links and what it may not hold."""

    html: str
    ids: tuple[str, ...] = ()
    toc: tuple[dict, ...] = ()  # Python-Markdown's toc tokens
    links: tuple[BodyLink, ...] = ()
    problems: tuple[Problem, ...] = ()
    token: str = ""  # the tokens' prefix in `html`
    targets: tuple[str, ...] = ()  # what each token stands for, as written


class Renderer:
    """One Markdown converter for many bodies, configured as the site's."""

    def __init__(self, config: MarkdownConfig | None = None) -> None:
        self.config = config or MarkdownConfig()
        self._links = _LinkTokens()
        self._reserved = _ReservedIds()
        self._markdown = markdown.Markdown(
            extensions=[*self.config.extensions, _Hooks(self._links, self._reserved)],
            extension_configs=dict(self.config.configs),
        )

    def render(
        self, text: str, first_line: int, repo_path: RepoPath, *, article: bool
    ) -> RenderedBody:
        """`article`: the full allowlist applies and the HTML is sanitised; otherwise (a
        hand-written page) only what runs or loads from another host is refused."""
        if (costly := _too_costly(text, first_line)) is not None:
            return RenderedBody("", problems=(Problem(repo_path, *costly),))
        self._links.start()
        self._reserved.ids = self.config.reserved_ids if article else ()
        self._markdown.reset()
        try:
            html = self._markdown.convert(text)
        except RecursionError:
            message = "nests lists or quotes too deeply for Markdown: flatten them"
            return RenderedBody("", problems=(Problem(repo_path, first_line, "", message),))
        toc = tuple(getattr(self._markdown, "toc_tokens", ()))
        inspected = inspect(html)
        lines = _SourceLines(text, first_line)
        problems = tuple(
            Problem(repo_path, lines.find(finding.needles), "", finding.message)
            for finding in inspected.findings
            if article or finding.kind is not Kind.NOT_ALLOWED
        )
        targets = tuple(self._links.targets)
        links = tuple(_local_links(inspected.addresses, self._links.prefix, targets, lines))
        return RenderedBody(
            html=sanitised(html) if article else html,
            ids=inspected.ids,
            toc=_plain_toc(toc),
            links=links,
            problems=problems,
            token=self._links.prefix,
            targets=targets,
        )


# Python-Markdown takes time that grows with the square of the `[` in one paragraph, with
# the cube of the tag starts (`<a`) never closed by a `>` (times the text after them), with
# the square of the headings (their ids), of the items of a list and of the code fences:
# bounds far above any article, checked in one pass before rendering, so a crafted body is
# refused at once instead of keeping the build (and MkDocs, which renders hand-written
# pages) busy for minutes.
MAX_BRACKET_LOAD = 200_000  # the sum over paragraphs of (the `[` in it) squared
MAX_UNCLOSED_TAGS = 200
MAX_UNCLOSED_LOAD = 3_000_000  # unclosed tag starts times the characters of the body
MAX_HEADINGS = 1_000
MAX_LIST_ITEMS = 2_000
MAX_FENCES = 1_000
MAX_NESTING = 32  # list and quote markers opening one line
_TAG_START = re.compile(r"<[A-Za-z/!?]")
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


def _too_costly(text: str, first_line: int) -> tuple[int, str, str] | None:
    line, paragraph_line, brackets, load = first_line, first_line, 0, 0
    headings = items = fences = 0
    for row in text.split("\n"):
        stripped = row.lstrip(" \t")
        if not stripped:
            load += brackets * brackets
            paragraph_line, brackets = line + 1, 0
        brackets += row.count("[")
        headings += stripped.startswith("#")
        fences += stripped.startswith(("```", "~~~"))
        items += _LIST_ITEM.match(stripped) is not None
        if load + brackets * brackets > MAX_BRACKET_LOAD:
            message = (
                "this paragraph holds more [ than Markdown can read in good time: split it, "
                "or write them as &#91;"
            )
            return paragraph_line, "", message
        line += 1
    for count, limit, what in (
        (headings, MAX_HEADINGS, "headings"),
        (items, MAX_LIST_ITEMS, "list items"),
        (fences, MAX_FENCES, "code fences (``` or ~~~)"),
    ):
        if count > limit:
            message = f"has {count:,} {what}; an article has at most {limit:,}: split it"
            return first_line, "", message
    depth, row = _deepest_nesting(text)
    if depth > MAX_NESTING:
        message = (
            f"nests lists or quotes {depth:,} deep on one line (at most {MAX_NESTING}): "
            "flatten them"
        )
        return first_line + row, "", message
    unclosed = _unclosed_tags(text)
    if unclosed > MAX_UNCLOSED_TAGS or unclosed * len(text) > MAX_UNCLOSED_LOAD:
        message = (
            f"holds {unclosed:,} HTML tags that are never closed with >, more than Markdown "
            "can read in good time in a body this long: close them, or write < as &lt;"
        )
        return first_line, "", message
    return None


def _unclosed_tags(text: str) -> int:
    """Tag starts (`<a`, `</`, `<!`) with no `>` before the next tag start: one pass, the
    next `>` found once and moved only forward."""
    starts = [match.start() for match in _TAG_START.finditer(text)]
    count, closing = 0, -1
    for index, start in enumerate(starts):
        if closing < start:
            closing = text.find(">", start)
            if closing < 0:
                return count + len(starts) - index  # no `>` after here: none is closed
        following = starts[index + 1] if index + 1 < len(starts) else len(text)
        count += following < closing
    return count


def _deepest_nesting(text: str) -> tuple[int, int]:
    """The most list or quote markers that open one line (`- - > 1. x`), and its line."""
    deepest, where = 0, 0
    for number, row in enumerate(text.split("\n")):
        depth, position, length = 0, 0, len(row)
        while position < length:
            while position < length and row[position] in " \t":
                position += 1
            if position < length and row[position] in "-*+>":
                position, depth = position + 1, depth + 1
                continue
            digits = position
            while digits < length and row[digits].isdigit():
                digits += 1
            if digits > position and digits < length and row[digits] in ".)":
                position, depth = digits + 1, depth + 1
                continue
            break
        if depth > deepest:
            deepest, where = depth, number
    return deepest, where


def with_links(body: RenderedBody, urls: Sequence[str]) -> str:
    """The body's HTML with each Markdown link's token replaced by `urls[n]` (already
    escaped for an attribute)."""
    if not body.targets:
        return body.html
    pattern = re.compile(re.escape(body.token) + r"(\d+)")
    return pattern.sub(lambda match: urls[int(match.group(1))], body.html)


def _local_links(addresses, prefix: str, targets: tuple[str, ...], lines: _SourceLines):
    """The body's links within the site (relative paths and #anchors), for the site stage
    to check: Markdown's with their target as written, raw HTML's as they stand."""
    for address in addresses:
        if not address.is_link_or_image:
            continue
        image = address.tag == "img"
        if prefix and address.url.startswith(prefix):
            target = targets[int(address.url[len(prefix) :])]
            yield BodyLink(lines.find((target,)), target, image)
            continue
        scheme, netloc, *_ = urlsplit(address.url.strip())
        if scheme or netloc or address.url.strip().startswith("//"):
            continue  # refused, or a link to another site (html_policy)
        line = lines.find((address.url, f"<{address.tag}"))
        yield BodyLink(line, address.url, image, html_tag=address.tag)


def _plain_toc(tokens: Sequence[dict]) -> tuple[dict, ...]:
    """Toc tokens with only what a table of contents uses (JSON-able, for the cache)."""
    return tuple(
        {
            "level": token["level"],
            "id": token["id"],
            "name": token["name"],
            "children": list(_plain_toc(token.get("children", []))),
            **({"data-toc-label": token["data-toc-label"]} if token.get("data-toc-label") else {}),
        }
        for token in tokens
    )


class _SourceLines:
    """The line of the first not-yet-used occurrence of a needle in the source."""

    def __init__(self, text: str, first_line: int) -> None:
        self._text = text.lower()
        self._first = first_line
        self._starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self._next: dict[str, int] = {}

    def find(self, needles: Sequence[str]) -> int:
        for needle in needles:
            wanted = needle.lower()
            if not wanted:
                continue
            at = self._text.find(wanted, self._next.get(wanted, 0))
            if at < 0:
                at = self._text.find(wanted)
            if at >= 0:
                self._next[wanted] = at + 1
                return self._first + bisect.bisect_right(self._starts, at) - 1
        return self._first


class _LinkTokens(Treeprocessor):
    """Relative links and images, as MkDocs would rewrite them, set apart as tokens."""

    def __init__(self) -> None:
        super().__init__()
        self.prefix = ""
        self.targets: list[str] = []

    def start(self) -> None:
        self.prefix = f"rp-link-{secrets.token_hex(8)}-"
        self.targets = []

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            attribute = {"a": "href", "img": "src"}.get(element.tag)
            target = element.get(attribute) if attribute else None
            if target is None or not _rewritten_by_mkdocs(target):
                continue
            element.set(attribute, f"{self.prefix}{len(self.targets)}")
            self.targets.append(target)


def _rewritten_by_mkdocs(target: str) -> bool:
    scheme, netloc, path, *_ = urlsplit(target)
    return not (scheme or netloc or target.startswith(("/", "\\")) or not path)


class _ReservedIds(Treeprocessor):
    """Ids the page around an article's body uses: the body's headings get others, as in
    one page the toc extension would give them (`reflect_1` beside the page's `reflect`)."""

    _MARK = "data-rp-reserved"

    def __init__(self) -> None:
        super().__init__()
        self.ids: tuple[str, ...] = ()

    def run(self, root: etree.Element) -> None:
        for reserved in self.ids:
            etree.SubElement(root, "span", {"id": reserved, self._MARK: ""})


class _Unreserve(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in [e for e in root if _ReservedIds._MARK in e.attrib]:
            root.remove(element)


class _Hooks(Extension):
    def __init__(self, links: _LinkTokens, reserved: _ReservedIds) -> None:
        super().__init__()
        self._links, self._reserved = links, reserved

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(self._reserved, "rp_reserve_ids", 6)  # before toc (5)
        md.treeprocessors.register(_Unreserve(md), "rp_unreserve_ids", 4)  # after it
        md.treeprocessors.register(self._links, "rp_link_tokens", 1)  # after toc's links
