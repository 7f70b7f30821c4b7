"""Everything the site adds to MkDocs, generated and checked in one step.

`generate_site` runs before MkDocs touches `site/`: it renders the generated pages and
feeds, expands markers in hand-written pages, builds the navigation, and checks links,
anchors and addresses across all of them, so that any mistake stops the build while the
last good site is still in place.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..load.cache import ParseCache
from ..load.file_read import READ_CODEC, FileRead
from ..load.html_policy import script_loads, stylesheet_loads
from ..load.markdown_render import RenderedBody, Renderer, with_links
from ..load.paths import ContentPaths, RepoPath
from ..load.problems import ContentError, Problem, Problems, closest
from ..load.source import MarkdownParts, SourceText, read_text, split_markdown
from ..load.strict_yaml import parse_yaml
from ..model import Article, Library
from . import html_blocks, offline
from .browser_data.islands import JOURNAL_DATA, OTHER_ARTICLES_DATA, QUESTION_TEXTS_DATA
from .links import LinkSource, SiteFiles, clash_problems, link_problems, rewritten
from .markers import expand_markers, has_markers, marker_problems
from .pages import (
    GeneratedAsset,
    GeneratedPage,
    all_cohort_weeks,
    generate_assets,
    generate_pages,
    navigation,
)
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
    """The hand-written pages' text, read once, and rendered (for their links, ids and
    title); a page that could not be read has neither. `static_paths`: the other files in
    docs/ (images, data), which may clash too."""

    texts: Mapping[str, str]
    repo_paths: Mapping[str, RepoPath]
    static_paths: Mapping[str, RepoPath] = field(default_factory=dict)
    rendered: Mapping[str, RenderedBody] = field(default_factory=dict)


@dataclass(frozen=True)
class GeneratedSite:
    library: Library
    pages: tuple[GeneratedPage, ...]
    assets: tuple[GeneratedAsset, ...]
    expanded: Mapping[str, str]  # hand-written src_uri -> the page with markers expanded
    nav: list[Any]
    hand_written: HandWritten


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
    docs: DocsFiles,
    paths: ContentPaths,
    track_ids: frozenset[str],
    renderer: Renderer,
    problems: Problems,
    cache: ParseCache | None = None,
) -> HandWritten:
    """Read and render every hand-written page, check its markers and frontmatter: needs
    no library, so these problems are reported together with content problems."""
    texts, repo_paths, rendered = {}, {}, {}
    problems.extend(docs.problems)
    cache = cache or ParseCache(None)
    for src_uri, file in sorted(docs.pages.items()):
        repo_path = paths.repo_path(file)
        repo_paths[src_uri] = repo_path
        if not paths.inside(file):
            message = "is a link to a file outside the repository: copy the page in instead"
            problems.add(Problem(repo_path, None, "", message))
        elif (source := read_text(file, repo_path, problems)) is not None:
            texts[src_uri] = source.text
            problems.extend(marker_problems(source.text, repo_path, track_ids))
            _check_frontmatter(source.text, repo_path, docs.theme, problems)
            rendered[src_uri] = _rendered_page(source, repo_path, renderer, cache)
            problems.extend(rendered[src_uri].problems)
    static_paths = {src_uri: paths.repo_path(file) for src_uri, file in docs.others.items()}
    problems.extend(_asset_problems(docs.others, static_paths))
    return HandWritten(texts, repo_paths, static_paths, rendered)


_OWN_ASSETS = {".css": stylesheet_loads, ".js": script_loads, ".mjs": script_loads}


def _asset_problems(files: Mapping[str, Path], repo_paths: Mapping[str, RepoPath]) -> list[Problem]:
    """The site's own stylesheets and scripts load nothing from another host either."""
    problems = []
    for src_uri, file in sorted(files.items()):
        scan = _OWN_ASSETS.get(file.suffix.lower())
        # a file that cannot be read is not scanned (its problems are not this check's)
        source = read_text(file, repo_paths[src_uri], Problems()) if scan else None
        if source is None:
            continue
        for url in scan(source.text):
            line = source.text.count("\n", 0, source.text.find(url)) + 1
            message = (
                f"{url[:60]} is on another site, which every reader's browser would then "
                "contact: copy the file into docs/ and refer to it there"
            )
            problems.append(Problem(repo_paths[src_uri], line, "", message))
    return problems


def _rendered_page(
    source: SourceText, repo_path: RepoPath, renderer: Renderer, cache: ParseCache
) -> RenderedBody:
    """The page as MkDocs renders it (its frontmatter left out), cached by content hash."""

    def render() -> FileRead:
        body, first_line = source.text, 1
        if source.text.startswith("---\n"):  # its problems: _check_frontmatter's
            parts = split_markdown(source.text, repo_path, Problems())
            if parts is not None:
                body, first_line = parts.body, parts.body_line
        return FileRead(rendered=renderer.render(body, first_line, repo_path, article=False))

    key = f"{source.content_hash}:{renderer.config.fingerprint}"
    read = cache.get(repo_path, key, render, READ_CODEC)
    assert read.rendered is not None
    return read.rendered


def _check_frontmatter(text: str, repo_path: RepoPath, theme: ThemeFacts, found: Problems) -> None:
    """A hand-written page's frontmatter, if it has one, must be valid YAML fields: MkDocs
    would silently drop it (title and all) rather than say so. The values the theme uses
    must be ones it can use: it would fail only after `site/` is emptied."""
    parts = split_markdown(text, repo_path, found) if text.startswith("---\n") else None
    if parts is not None:
        found.extend(_frontmatter_problems(parts, repo_path, theme))


def _frontmatter_problems(
    parts: MarkdownParts, repo_path: RepoPath, theme: ThemeFacts
) -> list[Problem]:
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
    library: Library,
    docs: DocsFiles,
    hand_written: HandWritten,
    site_url: str,
    renderer: Renderer | None = None,
) -> GeneratedSite:
    renderer = renderer or Renderer()
    weeks = all_cohort_weeks(library, site_url)  # each week's message rendered once
    pages = tuple(generate_pages(library, site_url, weeks))
    assets = (*generate_assets(library, site_url, weeks), *offline.page_lists(library))
    files = SiteFiles(
        [*docs.pages, *docs.others, *(p.src_uri for p in pages), *(a.src_uri for a in assets)]
    )
    articles = {article_src(article): article for article in library.articles}
    pages = tuple(_with_body_links(page, articles.get(page.src_uri), files) for page in pages)
    expanded = {
        src_uri: expand_markers(text, src_uri, library)
        for src_uri, text in hand_written.texts.items()
        if has_markers(text)
    }
    problems = _clashes(pages, assets, hand_written) + _links(
        library, hand_written, expanded, pages, files, renderer
    )
    if problems:
        raise ContentError(problems)
    extra_pages = [
        (
            src_uri,
            page_title(hand_written.texts.get(src_uri, ""), hand_written.rendered.get(src_uri)),
        )
        for src_uri in sorted(set(hand_written.repo_paths) - {HOME, TAGS_INDEX})
    ]
    nav = navigation(library, extra_pages)
    return GeneratedSite(library, pages, assets, expanded, nav, hand_written)


def _with_body_links(
    page: GeneratedPage, article: Article | None, files: SiteFiles
) -> GeneratedPage:
    """An article page with its body's Markdown links written as MkDocs writes them."""
    body = page.text.body
    if body is None or article is None or article.rendered is None:
        return page
    urls = rewritten(page.src_uri, article.rendered.targets, files)
    blocks = list(page.text.blocks)
    blocks[body.number] = with_links(article.rendered, urls)
    return replace(page, text=replace(page.text, blocks=tuple(blocks)))


def page_title(markdown: str, rendered: RenderedBody | None = None) -> str | None:
    """A hand-written page's title as MkDocs finds it: the frontmatter's `title`, else
    the first level-one heading (of the page as rendered)."""
    if markdown.startswith("---\n"):
        parts = split_markdown(markdown, "", Problems())  # reported when the page was read
        if parts is not None:
            data = parse_yaml(parts.frontmatter).data
            if isinstance(data, dict) and isinstance(data.get("title"), str):
                return data["title"]
    first = next(
        (token for token in (rendered.toc if rendered else ()) if token["level"] == 1), None
    )
    return html.unescape(first["name"]) if first else None


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
    library: Library,
    hand_written: HandWritten,
    expanded: Mapping[str, str],
    pages: tuple[GeneratedPage, ...],
    files: SiteFiles,
    renderer: Renderer,
) -> list[Problem]:
    sources = [LinkSource(article_src(a), a.repo_path, a.links) for a in library.articles] + [
        LinkSource(src_uri, hand_written.repo_paths[src_uri], rendered.links)
        for src_uri, rendered in hand_written.rendered.items()
    ]
    anchors = _LazyAnchors({p.src_uri: p for p in pages}, hand_written, expanded, renderer)
    return link_problems(sources, files, anchors)


class _LazyAnchors(Mapping[str, frozenset[str]]):
    """The ids of a page, found only when a link points into it: a generated page's
    Markdown is rendered (its blocks' ids read from the blocks) only then."""

    def __init__(
        self,
        pages: Mapping[str, GeneratedPage],
        hand_written: HandWritten,
        expanded: Mapping[str, str],
        renderer: Renderer,
    ) -> None:
        self._pages = pages
        self._hand_written = hand_written  # these win, as in a build
        self._expanded = expanded  # hand-written pages whose markers add to them
        self._renderer = renderer
        self._found: dict[str, frozenset[str]] = {}
        # Pages of one kind share their Markdown once the frontmatter is off (every
        # article page is the same placeholders around its "Reflect" heading): rendered once.
        self._by_markdown: dict[str, frozenset[str]] = {}

    def __getitem__(self, src_uri: str) -> frozenset[str]:
        if src_uri not in self._found:
            self._found[src_uri] = self._ids(src_uri)
        return self._found[src_uri]

    def _ids(self, src_uri: str) -> frozenset[str]:
        if src_uri in self._expanded:
            return self._rendered_ids(self._expanded[src_uri])
        if src_uri in self._hand_written.rendered:
            return frozenset(self._hand_written.rendered[src_uri].ids)
        text = self._pages[src_uri].text
        return self._rendered_ids(text.markdown) | html_blocks.anchor_ids(text.blocks)

    def _rendered_ids(self, markdown: str) -> frozenset[str]:
        if markdown.startswith("---\n"):
            parts = split_markdown(markdown, "", Problems())  # reported when it was read
            markdown = markdown if parts is None else parts.body
        if markdown not in self._by_markdown:
            rendered = self._renderer.render(markdown, 1, "", article=False)
            self._by_markdown[markdown] = frozenset(rendered.ids)
        return self._by_markdown[markdown]

    def __iter__(self) -> Iterator[str]:
        return iter(self._pages.keys() | self._hand_written.rendered.keys())

    def __len__(self) -> int:
        return len(self._pages.keys() | self._hand_written.rendered.keys())
