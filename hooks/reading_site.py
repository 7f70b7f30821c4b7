"""MkDocs glue for the reading program: thin on purpose.

All the work (loading, validation, planning, rendering) happens in the
`reading_program` package; this file hands its results to MkDocs. The module keeps no
state (MkDocs caches hook modules across `mkdocs serve` rebuilds): what one event hands
to the next lives on that build's config, which MkDocs creates afresh for every build.
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from reading_program.loader import ContentPaths, load_library
from reading_program.markers import expand_hand_written
from reading_program.models import Library
from reading_program.parse_cache import ParseCache
from reading_program.problems import ContentError
from reading_program.site_pages import generate_assets, generate_pages, navigation
from reading_program.site_paths import HOME, TAGS_INDEX

_LIBRARY = "reading_program_library"  # key on the build's config
log = logging.getLogger("mkdocs.hooks.reading_site")


def on_pre_build(config: MkDocsConfig) -> None:
    """Load and validate the content before MkDocs empties the site folder, so a content
    error leaves the last good build in place (and `mkdocs serve` on it)."""
    root = _repository(config)
    cache = ParseCache(root / ".cache" / "reading-program" / "parsed-articles.pickle")
    try:
        library = load_library(ContentPaths(root), cache)
    except ContentError as error:
        raise PluginError(error.report()) from None
    finally:
        cache.save()
    for track in library.tracks:
        for note in track.notes:  # not a warning: --strict would fail on an honest plan
            log.info("%s: %s", track.source_path, note)
    config[_LIBRARY] = library


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages and set the navigation."""
    library: Library = config[_LIBRARY]
    root = _repository(config)

    site_url = config.site_url or ""
    for asset in generate_assets(library, site_url):
        files.append(File.generated(config, asset.src_uri, content=asset.content))
    for page in generate_pages(library, site_url):
        if files.get_file_from_path(page.src_uri) is not None:
            message = f"docs/{page.src_uri} clashes with a generated page; rename or remove it"
            raise PluginError(message)
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion)
        if page.edit_path:
            file.edit_uri = posixpath.relpath(root / page.edit_path, config.docs_dir)
        files.append(file)

    hand_written = [f.src_uri for f in files.documentation_pages() if f.generated_by is None]
    _expand_hand_written_pages(files, config, root, library)
    config.nav = navigation(library, sorted(set(hand_written) - {HOME, TAGS_INDEX}))
    return files


def _repository(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _expand_hand_written_pages(
    files: Files, config: MkDocsConfig, root: Path, library: Library
) -> None:
    """Replace hand-written pages that hold `reading-program:` markers by expanded copies."""
    hand_written = {f.src_uri: f for f in files.documentation_pages() if f.generated_by is None}
    sources = [(src, Path(file.abs_src_path)) for src, file in hand_written.items()]
    try:
        expanded = expand_hand_written(sources, ContentPaths(root), library)
    except ContentError as error:
        raise PluginError(error.report()) from None
    for src_uri, markdown in expanded.items():
        replacement = File.generated(config, src_uri, content=markdown)
        replacement.edit_uri = src_uri
        files.remove(hand_written[src_uri])
        files.append(replacement)
