"""Checks between pages, made before MkDocs empties `site/`.

MkDocs validates links only while it renders pages, after it has cleaned the site folder,
and then only warns. These checks find the same mistakes first, and name the file an
author edits (`content/articles/x.md`, not the generated `articles/x.md`):

- every relative link and image in an article body or a hand-written page points at a
  file of the site, and its `#anchor` at a heading of that page, as MkDocs resolves them;
- no link is absolute (`/x`, which breaks when the site is published below a path), none
  runs script (`javascript:`), and no image or embed loads from another site: readers'
  browsers must not contact third parties;
- no hand-written page takes the address of a generated one.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ..content.article_body import BodyLink
from ..content.paths import RepoPath
from ..content.problems import Problem, closest
from .urls import output_path

_SCRIPT_SCHEMES = {"javascript", "vbscript", "data"}
_EMBEDS = {
    "img",
    "script",
    "iframe",
    "embed",
    "object",
    "video",
    "audio",
    "source",
    "link",
    "track",
}


@dataclass(frozen=True)
class LinkSource:
    """A page whose links are checked: where it is built and which file to blame."""

    src_uri: str  # the page in the site, e.g. articles/courage.md
    repo_path: RepoPath  # the file an author edits
    links: tuple[BodyLink, ...]
    anchors: frozenset[str]


def link_problems(
    sources: Iterable[LinkSource],
    files: Iterable[str],
    anchors: Mapping[str, frozenset[str]],
) -> list[Problem]:
    """`files`: every src_uri of the site (pages and static files); `anchors`: the ids
    on each page that is known."""
    known = frozenset(files)
    problems = []
    for source in sources:
        for link in source.links:
            message = _link_problem(source, link, known, anchors)
            if message:
                problems.append(Problem(source.repo_path, link.line, _what(link), message))
    return problems


def _what(link: BodyLink) -> str:
    return "image" if link.image else "link"


def _link_problem(
    source: LinkSource, link: BodyLink, known: frozenset[str], anchors: Mapping[str, frozenset[str]]
) -> str | None:
    target = link.target.strip()
    scheme, netloc, path, _, anchor = urlsplit(target)
    embeds = link.image or link.html_tag in _EMBEDS
    if scheme.lower() in _SCRIPT_SCHEMES and not (
        embeds and target.lower().startswith("data:image/")
    ):
        return f"{target[:40]!r} runs code in the reader's browser: link to a page instead"
    if scheme or netloc or target.startswith("//"):
        if embeds:
            return (
                f"{target!r} loads from another site, which every reader's browser would then "
                "contact: copy the file into docs/ and link to it there"
            )
        return None
    if not target or target.startswith("mailto:"):
        return None
    if target.startswith(("/", "\\")):
        return (
            f"{target!r} is an absolute link, which breaks when the site is published below "
            "a path: write it relative to this page, e.g. other-article.md"
        )
    if link.html_tag and path.endswith(".md"):
        return (
            f"{target!r} is in raw HTML, where .md links are not turned into page addresses: "
            f"use [text]({target})"
        )
    if not path:
        return _anchor_problem(anchor, source.src_uri, anchors, this_page=True)
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source.src_uri), unquote(path)))
    if resolved in known:
        return _anchor_problem(anchor, resolved, anchors) if anchor else None
    return _missing_target(target, resolved, source.src_uri, known)


def _anchor_problem(
    anchor: str, page: str, anchors: Mapping[str, frozenset[str]], this_page: bool = False
) -> str | None:
    ids = anchors.get(page)
    if ids is None or unquote(anchor) in ids:
        return None
    where = "this page" if this_page else f"the page {page}"
    close = closest(unquote(anchor), ids)
    hint = f"did you mean #{close}?" if close else "link to one of its headings"
    return f"'#{anchor}' is not a heading or anchor of {where}: {hint}"


def _missing_target(target: str, resolved: str, page: str, known: frozenset[str]) -> str:
    base = resolved.removesuffix(".md")
    guesses = [base + ".md", posixpath.join(base, "index.md"), posixpath.join(base, "README.md")]
    found = next((guess for guess in guesses if guess in known), None)
    if found is None:
        pages = sorted(src for src in known if src.endswith(".md"))
        found = closest(resolved, pages)
    suggestion = f"did you mean {_relative(found, page)!r}?" if found else "check the file name"
    if not posixpath.splitext(resolved)[1]:
        return (
            f"{target!r} does not name a file of the site (links point at .md files): {suggestion}"
        )
    return f"{target!r} points at {resolved}, which is not a page or file of the site: {suggestion}"


def _relative(target: str, page: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def clash_problems(
    generated: Mapping[str, str], hand_written: Mapping[str, RepoPath]
) -> list[Problem]:
    """Pages and files published at one address. `generated`: src_uri -> what makes it (a
    content file, or words for the site's own pages); `hand_written`: src_uri -> its file in
    docs/. Sources are compared by the file each becomes (`guide.md` and `guide/index.md`
    are both `guide/index.html`), since one would silently replace the other."""
    by_output: dict[str, list[tuple[str, str, bool]]] = {}
    for src_uri, maker in sorted(generated.items()):
        by_output.setdefault(output_path(src_uri), []).append((src_uri, maker, False))
    for src_uri, repo_path in sorted(hand_written.items()):
        by_output.setdefault(output_path(src_uri), []).append((src_uri, repo_path, True))
    problems = []
    for output, makers in sorted(by_output.items()):
        if len(makers) < 2:
            continue
        first = makers[0]
        for src_uri, maker, by_hand in makers[1:] if not first[2] else makers:
            other = first if (src_uri, maker, by_hand) != first else makers[1]
            if by_hand or maker.startswith("content/"):
                message = _clash(src_uri, output, other)
                problems.append(Problem(maker, None, "", message))
    return problems


def _clash(src_uri: str, output: str, other: tuple[str, str, bool]) -> str:
    _, maker, by_hand = other
    if by_hand:
        address = output.removesuffix("index.html")
        return f"has the same address (/{address}) as {maker}: rename or remove one of them"
    if maker.startswith("content/"):
        return (
            f"has the same address as {maker}, which the site is built from: rename or "
            "remove one of them"
        )
    kind = "page" if src_uri.endswith(".md") else "file"
    return f"the site makes this {kind} itself ({maker}): rename or remove the file"
