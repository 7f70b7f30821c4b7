"""The one module of the package that speaks MkDocs: its config, the files it finds in the
docs folder, and the generated files handed back to it. `hooks/` delegates here."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel, get_files
from mkdocs.utils.yaml import yaml_load

from .content.cache import ParseCache
from .content.paths import ContentPaths
from .content.problems import ContentError
from .pipeline import prepare_site
from .site.generate import DocsFiles, GeneratedSite

_SITE = "reading_program_site"  # key on the build's config: what on_pre_build prepared
log = get_plugin_logger("reading_program")


def repository(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def docs_files(config: MkDocsConfig) -> DocsFiles:
    """The docs folder as MkDocs sees it (its exclusion rules included)."""
    files = get_files(config)
    pages = {f.src_uri: Path(f.abs_src_path) for f in files.documentation_pages() if f.abs_src_path}
    others = frozenset(f.src_uri for f in files if not f.is_documentation_page())
    return DocsFiles(pages, others)


def prepare(config: MkDocsConfig) -> GeneratedSite:
    """For `on_pre_build`: everything generated and checked before `site/` is touched."""
    paths = ContentPaths(repository(config))
    cache = ParseCache(paths.cache)
    try:
        site = prepare_site(paths, docs_files(config), config.site_url or "", cache)
    except ContentError as error:
        raise PluginError(error.report()) from None
    finally:
        cache.save()
    for track in site.library.tracks:
        for note in track.notes:  # not a warning: --strict would fail on an honest plan
            log.info("%s: %s", track.repo_path, note)
    config[_SITE] = site
    return site


def add_generated_files(files: Files, config: MkDocsConfig) -> Files:
    """For `on_files`: add the generated pages and feeds, swap in expanded hand-written
    pages, and set the navigation."""
    site: GeneratedSite = config[_SITE]
    root = repository(config)
    for asset in site.assets:
        files.append(File.generated(config, asset.src_uri, content=asset.content))
    for page in site.pages:
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion)
        if page.source:
            file.edit_uri = posixpath.relpath(root / page.source, config.docs_dir)
        files.append(file)
    for src_uri, markdown in site.expanded.items():
        original = files.get_file_from_path(src_uri)
        replacement = File.generated(config, src_uri, content=markdown)
        replacement.edit_uri = src_uri
        if original is not None:
            files.remove(original)
        files.append(replacement)
    config.nav = site.nav
    return files


def project_config(root: Path) -> MkDocsConfig:
    """The project's MkDocs config, loaded and validated as `mkdocs build` does."""
    return load_config(config_file=str(root / "mkdocs.yml"))


def raw_config(root: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data, `!ENV` resolved by MkDocs' own loader."""
    with (root / "mkdocs.yml").open(encoding="utf-8") as handle:
        return yaml_load(handle) or {}
