"""Checks between pages, made before MkDocs empties `site/`.

MkDocs validates links only while it renders pages, after it has cleaned the site folder,
and then only warns. These checks find the same mistakes first, on the links of the
rendered pages (load/markdown_render.py), and name the file an author edits
(`content/articles/x.md`, not the generated `articles/x.md`):

- every relative link and image in an article body or a hand-written page points at a
  file of the site, and its `#anchor` at an id of that page, as MkDocs resolves them: a
  Markdown link from the page's source path (MkDocs rewrites it), a link in raw HTML from
  the page's address (the browser resolves it, MkDocs leaves it as written);
- no link is absolute (`/x`, which breaks when the site is published below a path);
- no page or file takes the address of another (`clash_problems`).

What runs code or loads from another host is refused where the body is rendered
(load/html_policy.py); `rewritten` turns an article's Markdown links into the
addresses MkDocs would give them, by the same resolution as the check.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ..load.markdown_render import BodyLink
from ..load.paths import RepoPath
from ..load.problems import Problem, closest
from .urls import directory_url, output_path, relative_href


@dataclass(frozen=True)
class LinkSource:
    """A page whose links are checked: where it is built and which file to blame."""

    src_uri: str  # the page in the site, e.g. articles/courage.md
    repo_path: RepoPath  # the file an author edits
    links: tuple[BodyLink, ...]


class SiteFiles:
    """Every file of the site (pages and static files), by source path and by address."""

    def __init__(self, files: Iterable[str]) -> None:
        self.sources = frozenset(files)
        self._by_address = {_address_key(directory_url(src)): src for src in self.sources}

    def at_address(self, address: str) -> str | None:
        return self._by_address.get(_address_key(address))


def _address_key(address: str) -> str:
    return posixpath.normpath(address or ".").strip("/") or "."


def link_problems(
    sources: Iterable[LinkSource], files: SiteFiles, anchors: Mapping[str, frozenset[str]]
) -> list[Problem]:
    """`anchors`: the ids on each page that is known, by source path."""
    problems = []
    for source in sources:
        for link in source.links:
            message = _link_problem(source, link, files, anchors)
            if message:
                problems.append(Problem(source.repo_path, link.line, _what(link), message))
    return problems


def rewritten(page_src: str, targets: Sequence[str], files: SiteFiles) -> list[str]:
    """Each Markdown link target as MkDocs writes it into the page (escaped for an
    attribute): a file of the site, relative to the page's address; anything else as
    written (the check reports it)."""
    found = []
    for target in targets:
        _, _, path, query, anchor = urlsplit(target)
        resolved = _from_source(page_src, path)
        if resolved not in files.sources:
            found.append(html.escape(target, quote=True))
            continue
        url = relative_href(page_src, resolved)
        suffix = (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")
        found.append(html.escape(url + suffix, quote=True))
    return found


def _from_source(page_src: str, path: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_src), unquote(path)))


def _what(link: BodyLink) -> str:
    return "image" if link.image else "link"


def _link_problem(
    source: LinkSource, link: BodyLink, files: SiteFiles, anchors: Mapping[str, frozenset[str]]
) -> str | None:
    target = link.target.strip()
    scheme, netloc, path, _, anchor = urlsplit(target)
    if scheme or netloc or not target:
        return None  # another site, or mailto: (what may not be linked is refused earlier)
    if target.startswith(("/", "\\")):
        return (
            f"{target!r} is an absolute link, which breaks when the site is published below "
            "a path: write it relative to this page, e.g. other-article.md"
        )
    if not path:
        return _anchor_problem(anchor, source.src_uri, anchors, this_page=True)
    if link.html_tag is None:
        resolved = _from_source(source.src_uri, path)
        if resolved in files.sources:
            return _anchor_problem(anchor, resolved, anchors) if anchor else None
        return _missing_target(target, resolved, source.src_uri, files.sources)
    page = posixpath.join(directory_url(source.src_uri), unquote(path))
    found = files.at_address(page)
    if found is not None:
        return _anchor_problem(anchor, found, anchors) if anchor else None
    if path.endswith(".md") and _from_source(source.src_uri, path) in files.sources:
        return (
            f"{target!r} is in raw HTML, where .md links are not turned into page addresses: "
            f"use [text]({target})"
        )
    address = posixpath.normpath(page)
    return (
        f"{target!r} in raw HTML points at /{address}, which is not a page or file of the "
        "site (raw HTML links are relative to the page's address, e.g. ../other-article/)"
    )


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
