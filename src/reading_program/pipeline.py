"""The build's stages in order: content files -> library -> site, as one call.

Used by the MkDocs hook before MkDocs empties `site/`, by `reading-program check` and by
the export, so all three accept and reject exactly the same things.
"""

from __future__ import annotations

from dataclasses import replace

from .load.cache import ParseCache
from .load.drafts import without_drafts
from .load.files import TRACK
from .load.hand_written import DocsFiles, read_hand_written
from .load.loader import load_content
from .load.markdown_render import MarkdownConfig, Renderer
from .load.paths import ContentPaths
from .load.problems import Problems
from .plan.library import build_library
from .render.generate import GeneratedSite, generate_site
from .render.templating import ARTICLE_PAGE_IDS


def prepare_site(
    paths: ContentPaths,
    docs: DocsFiles,
    site_url: str,
    cache: ParseCache | None = None,
    markdown: MarkdownConfig | None = None,
    *,
    with_drafts: bool = False,
) -> GeneratedSite:
    """Load, plan, generate and check everything; raise ContentError with every problem:
    one collector goes down the stages, and is raised here only.
    `markdown`: the site's Markdown extensions and settings (MkDocs' defaults if None).
    Drafts are built only `with_drafts` (`mkdocs serve`); see load.drafts."""
    config = markdown or MarkdownConfig()
    renderer = Renderer(replace(config, reserved_ids=ARTICLE_PAGE_IDS))
    content = load_content(paths, cache, renderer)
    content = content if with_drafts else without_drafts(content, paths)
    track_ids = frozenset(item.id for item in content.tracks) | content.did_not_load(TRACK)
    problems = Problems()
    # Hand-written pages are read and their markers checked even when content is broken,
    # so every problem is reported in one go.
    hand_written = read_hand_written(docs, paths, track_ids, renderer, problems, cache)
    library = build_library(content, problems)
    problems.raise_if_any()  # pages are made from a whole library only
    assert library is not None  # no problems: it built
    site = generate_site(library, docs, hand_written, site_url, renderer, problems)
    problems.raise_if_any()
    return site
