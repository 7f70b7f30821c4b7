"""Everything the site adds to MkDocs, generated and checked in one step.

`generate_site` runs before MkDocs touches `site/`: it renders the generated pages and
feeds, expands markers in hand-written pages, builds the navigation, and checks links,
anchors and addresses across all of them, so that any mistake stops the build while the
last good site is still in place.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..load.hand_written import DocsFiles, HandWritten
from ..load.markdown_render import RenderedBody, Renderer, with_links
from ..load.marker_syntax import has_markers
from ..load.problems import Problem, Problems
from ..load.source import split_markdown
from ..load.strict_yaml import parse_yaml
from ..model import Article, Library
from . import html_blocks, offline
from .browser_data.islands import JOURNAL_DATA, OTHER_ARTICLES_DATA, QUESTION_TEXTS_DATA
from .links import LinkSource, SiteFiles, clash_problems, link_problems, rewritten
from .markers import expand_markers
from .pages import (
    GeneratedAsset,
    GeneratedPage,
    all_cohort_messages,
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


def generate_site(
    library: Library,
    docs: DocsFiles,
    hand_written: HandWritten,
    site_url: str,
    renderer: Renderer,
    problems: Problems,
) -> GeneratedSite:
    """Every page and file the library makes, with the links between them checked: what
    clashes or does not resolve is added to `problems`."""
    messages = all_cohort_messages(library, site_url)  # each week's message rendered once
    pages = tuple(generate_pages(library, site_url, messages))
    assets = (*generate_assets(library, site_url, messages), *offline.page_lists(library))
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
    problems.extend(_clashes(pages, assets, hand_written))
    problems.extend(_links(library, hand_written, expanded, pages, files, renderer))
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
