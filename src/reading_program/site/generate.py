"""Everything the site adds to MkDocs, generated and checked in one step.

`generate_site` runs before MkDocs touches `site/`: it renders the generated pages and
feeds, expands markers in hand-written pages, builds the navigation, and checks links,
anchors and addresses across all of them, so that any mistake stops the build while the
last good site is still in place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content.article_body import body_facts
from ..content.paths import ContentPaths, RepoPath
from ..content.problems import ContentError, Problem, closest
from ..content.source import read_text, split_markdown
from ..content.strict_yaml import parse_yaml
from ..model import Library
from .islands import JOURNAL_DATA, OTHER_ARTICLES_DATA, QUESTION_TEXTS_DATA
from .links import LinkSource, clash_problems, link_problems
from .markers import expand_markers, has_markers, marker_problems
from .pages import GeneratedAsset, GeneratedPage, generate_assets, generate_pages, navigation
from .urls import (
    ARTICLES_INDEX,
    COHORTS_INDEX,
    HOME,
    JOURNAL,
    TAGS_INDEX,
    TRACKS_INDEX,
    article_src,
)


@dataclass(frozen=True)
class ThemeFacts:
    """What the theme offers a page's frontmatter: its folders (templates, and icons in
    `.icons/`, looked up as the theme looks them up), the page statuses it knows. No
    folders, or no statuses: not known, not checked."""

    folders: tuple[Path, ...] = ()
    statuses: frozenset[str] | None = None

    def has(self, name: str) -> bool:
        return not self.folders or any((folder / name).is_file() for folder in self.folders)

    def templates(self) -> set[str]:
        return {file.name for folder in self.folders for file in folder.glob("*.html")}


@dataclass(frozen=True)
class DocsFiles:
    """What MkDocs finds in the docs folder: pages (src_uri -> file) and other files;
    `problems`: what makes the folder unusable (a link that loops, a named pipe...);
    `theme`: what the frontmatter of a page may ask of the theme."""

    pages: Mapping[str, Path]
    others: Mapping[str, Path] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    theme: ThemeFacts = ThemeFacts()


@dataclass(frozen=True)
class HandWritten:
    """The hand-written pages' text, read once; None where a page could not be read.
    `static_paths`: the other files in docs/ (images, data), which may clash too."""

    texts: Mapping[str, str]
    repo_paths: Mapping[str, RepoPath]
    static_paths: Mapping[str, RepoPath] = field(default_factory=dict)


@dataclass(frozen=True)
class GeneratedSite:
    library: Library
    pages: tuple[GeneratedPage, ...]
    assets: tuple[GeneratedAsset, ...]
    expanded: Mapping[str, str]  # hand-written src_uri -> the page with markers expanded
    nav: list[Any]
    hand_written: HandWritten


_FIRST_H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.M)
_FIXED_PAGES = {
    ARTICLES_INDEX: "the list of all articles",
    TRACKS_INDEX: "the list of tracks",
    JOURNAL: "the journal",
    JOURNAL_DATA: "the journal's data",
    OTHER_ARTICLES_DATA: "the journal's data for articles in no track",
    QUESTION_TEXTS_DATA: "the journal's question texts",
    COHORTS_INDEX: "the list of cohorts",
}


def read_hand_written(
    docs: DocsFiles, paths: ContentPaths, track_ids: frozenset[str]
) -> tuple[HandWritten, list[Problem]]:
    """Read every hand-written page and check its markers: needs no library, so these
    problems are reported together with content problems."""
    texts, repo_paths, problems = {}, {}, list(docs.problems)
    for src_uri, file in sorted(docs.pages.items()):
        repo_path = paths.repo_path(file)
        repo_paths[src_uri] = repo_path
        source = read_text(file, repo_path)
        if not paths.inside(file):
            message = "is a link to a file outside the repository: copy the page in instead"
            problems.append(Problem(repo_path, None, "", message))
        elif isinstance(source, Problem):
            problems.append(source)
        else:
            texts[src_uri] = source.text
            problems += marker_problems(source.text, repo_path, track_ids)
            problems += _frontmatter_problems(source.text, repo_path, docs.theme)
    static_paths = {src_uri: paths.repo_path(file) for src_uri, file in docs.others.items()}
    return HandWritten(texts, repo_paths, static_paths), problems


def _frontmatter_problems(text: str, repo_path: RepoPath, theme: ThemeFacts) -> list[Problem]:
    """A hand-written page's frontmatter, if it has one, must be valid YAML fields: MkDocs
    would silently drop it (title and all) rather than say so. The values the theme uses
    must be ones it can use: it would fail only after `site/` is emptied."""
    if not text.startswith("---\n"):
        return []
    parts = split_markdown(text, repo_path)
    if isinstance(parts, Problem):
        return [parts]
    parsed = parse_yaml(parts.frontmatter)
    problems = [Problem(repo_path, issue.line, "", issue.message) for issue in parsed.issues]
    if not problems and parsed.data is not None and not isinstance(parsed.data, dict):
        message = "the frontmatter must hold fields (name: value), one per line"
        problems.append(Problem(repo_path, 2, "", message))
    if problems or not isinstance(parsed.data, dict):
        return problems
    for key, check in _THEME_FIELDS.items():
        if key in parsed.data and (message := check(parsed.data[key], theme)):
            problems.append(Problem(repo_path, parsed.lines.line_of((key,)), key, message))
    return problems


_HIDEABLE = ("navigation", "toc", "footer", "path", "tags", "feedback")
_ICON = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_.-]*)+$")
_STATUS = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def _template_problem(value: Any, theme: ThemeFacts) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "must be the name of a template, e.g. main.html"
    if not theme.has(value):
        close = closest(value, theme.templates())
        hint = f"did you mean {close!r}?" if close else "put it in the theme's overrides folder"
        return f"the theme has no template {value!r}: {hint}"
    return None


def _hide_problem(value: Any, theme: ThemeFacts) -> str | None:
    allowed = ", ".join(_HIDEABLE)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return f"must be a list of what to hide, e.g. [toc]; the theme hides {allowed}"
    unknown = [item for item in value if item not in _HIDEABLE]
    return f"{unknown[0]!r} is not something the theme hides ({allowed})" if unknown else None


def _search_problem(value: Any, theme: ThemeFacts) -> str | None:
    fix = "write search: {exclude: true} or search: {boost: 2}"
    if not isinstance(value, dict) or not set(value) <= {"exclude", "boost"}:
        return f"must hold exclude and/or boost: {fix}"
    if "exclude" in value and not isinstance(value["exclude"], bool):
        return f"exclude must be true or false: {fix}"
    boost = value.get("boost", 1)
    if isinstance(boost, bool) or not isinstance(boost, int | float):
        return f"boost must be a number: {fix}"
    return None


def _icon_problem(value: Any, theme: ThemeFacts) -> str | None:
    if not isinstance(value, str) or not _ICON.match(value):
        return "must name one of the theme's icons, e.g. material/book-open-variant"
    if not theme.has(f".icons/{value}.svg"):
        return f"the theme has no icon {value!r}: check its name (e.g. material/book-open-variant)"
    return None


def _status_problem(value: Any, theme: ThemeFacts) -> str | None:
    if not isinstance(value, str) or not _STATUS.match(value):
        return "must be a status name, e.g. new"
    if theme.statuses is not None and value not in theme.statuses:
        known = ", ".join(sorted(theme.statuses))
        return f"the theme knows no status {value!r} (it knows {known}; more go in extra.status)"
    return None


_THEME_FIELDS = {
    "template": _template_problem,
    "hide": _hide_problem,
    "search": _search_problem,
    "icon": _icon_problem,
    "status": _status_problem,
}


def generate_site(
    library: Library, docs: DocsFiles, hand_written: HandWritten, site_url: str
) -> GeneratedSite:
    pages = tuple(generate_pages(library, site_url))
    assets = tuple(generate_assets(library, site_url))
    expanded = {
        src_uri: expand_markers(text, src_uri, library)
        for src_uri, text in hand_written.texts.items()
        if has_markers(text)
    }
    problems = _clashes(pages, assets, hand_written) + _links(
        library, docs, hand_written, expanded, pages, assets
    )
    if problems:
        raise ContentError(problems)
    extra_pages = [
        (src_uri, page_title(hand_written.texts.get(src_uri, "")))
        for src_uri in sorted(set(hand_written.repo_paths) - {HOME, TAGS_INDEX})
    ]
    nav = navigation(library, extra_pages)
    return GeneratedSite(library, pages, assets, expanded, nav, hand_written)


def page_title(markdown: str) -> str | None:
    """A hand-written page's title as MkDocs finds it: the frontmatter's `title`, else
    the first level-one heading."""
    if markdown.startswith("---\n"):
        parts = split_markdown(markdown, "")
        if not isinstance(parts, Problem):
            data = parse_yaml(parts.frontmatter).data
            if isinstance(data, dict) and isinstance(data.get("title"), str):
                return data["title"]
            markdown = parts.body
    heading = _FIRST_H1.search(markdown)
    return heading.group(1).strip() if heading else None


def _clashes(pages, assets, hand_written: HandWritten) -> list[Problem]:
    generated = {
        page.src_uri: page.source or _FIXED_PAGES.get(page.src_uri, "a generated page")
        for page in pages
    }
    generated |= {
        asset.src_uri: _FIXED_PAGES.get(
            asset.src_uri, "a generated file (a track's plan data, a cohort's feed or draft)"
        )
        for asset in assets
    }
    return clash_problems(generated, {**hand_written.static_paths, **hand_written.repo_paths})


def _links(
    library: Library, docs: DocsFiles, hand_written: HandWritten, expanded, pages, assets
) -> list[Problem]:
    files = {*docs.pages, *docs.others, *(p.src_uri for p in pages), *(a.src_uri for a in assets)}
    sources = [
        LinkSource(article_src(a), a.repo_path, a.links, a.anchors) for a in library.articles
    ] + [
        LinkSource(src_uri, hand_written.repo_paths[src_uri], _page_links(text), frozenset())
        for src_uri, text in hand_written.texts.items()
    ]
    texts = dict(hand_written.texts) | dict(expanded)
    return link_problems(sources, files, _LazyAnchors({p.src_uri: p for p in pages}, texts))


def _page_links(markdown: str):
    return body_facts(markdown, 1).links


class _LazyAnchors(Mapping[str, frozenset[str]]):
    """Anchors of a page, found only when a link points into it: a generated page's text
    (its HTML blocks put in place) is put together only then."""

    def __init__(self, pages: Mapping[str, GeneratedPage], texts: Mapping[str, str]) -> None:
        self._pages = pages
        self._texts = texts  # hand-written pages, markers expanded: these win, as in a build
        self._found: dict[str, frozenset[str]] = {}

    def __getitem__(self, src_uri: str) -> frozenset[str]:
        if src_uri not in self._found:
            self._found[src_uri] = body_facts(self._text(src_uri), 1).anchors
        return self._found[src_uri]

    def _text(self, src_uri: str) -> str:
        if src_uri in self._texts:
            return self._texts[src_uri]
        return self._pages[src_uri].markdown

    def __iter__(self) -> Iterator[str]:
        return iter(self._pages.keys() | self._texts.keys())

    def __len__(self) -> int:
        return len(self._pages.keys() | self._texts.keys())
