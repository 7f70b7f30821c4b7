"""The one module of the package that speaks MkDocs: its config, the files it finds in the
docs folder, and the generated files handed back to it. `hooks/` delegates here."""

from __future__ import annotations

import json
import logging
import os
import posixpath
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2.exceptions import TemplateNotFound
from markdown import Extension, Markdown
from markdown.extensions.toc import nest_toc_tokens
from markdown.preprocessors import Preprocessor
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel, get_files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents, get_toc
from mkdocs.utils import CountHandler
from mkdocs.utils.yaml import yaml_load
from yaml import MarkedYAMLError

from ..fingerprints import files_fingerprint, fingerprint, installed_version
from ..load.cache import ParseCache
from ..load.files import walk_files
from ..load.hand_written import DocsFiles, ThemeFacts
from ..load.markdown_render import MarkdownConfig
from ..load.paths import CONFIG_FILE, ContentPaths, RepoPath
from ..load.problems import ContentError, Problem
from ..load.project_hook import HOOK_MISSING, without_tripwire
from ..pipeline import prepare_site
from ..render import html_blocks, offline
from ..render.generate import GeneratedSite
from ..render.links import clash_problems
from ..render.problems_page import problems_page
from ..render.site_address import local_address_warning
from . import minify, offline_site
from .incremental import GeneratedSources, merged_search_index
from .staging import SiteStaging, StagingError

# The one key on the build's config holding its BuildState (MkDocs makes a config a build).
_STATE = "reading_program"
# The command MkDocs runs (`on_startup`, once per process; a hook module keeps no state).
COMMAND_VARIABLE = "READING_PROGRAM_MKDOCS_COMMAND"
_PACKAGE = Path(__file__).resolve().parent
log = get_plugin_logger("reading_program")


@dataclass(frozen=True)
class _Handed:
    """What `on_files` handed MkDocs: `finish` records it after the build."""

    sources: GeneratedSources
    fingerprint: str  # what every page shows ("content problems" for problem pages)
    files: Files
    generated: frozenset[str]  # src_uris of the generated pages


@dataclass
class BuildState:
    """What one build's events hand to the next, on that build's config (the hook module
    keeps nothing: MkDocs caches it across `serve` rebuilds). Set by `prepare`; `site` is
    let go once written; `handed` is set by `on_files`; the pages' blocks and URLs fill
    in as MkDocs renders them."""

    edited: Mapping[str, str]  # src_uri -> the file an author edits, for messages
    previous_index: bytes | None  # the search index the last (dirty) build left
    site: GeneratedSite | None = None
    problems: tuple[Problem, ...] | None = None  # under `serve`: the problems it shows
    staged: SiteStaging | None = None  # the staging folder MkDocs writes into
    handed: _Handed | None = None
    blocks: dict[str, html_blocks.PageText] = field(default_factory=dict)
    built: set[str] = field(default_factory=set)  # URLs of the pages rendered


def _state(config: MkDocsConfig) -> BuildState:
    return config[_STATE]


def repository(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def docs_files(config: MkDocsConfig) -> DocsFiles:
    """The docs folder as MkDocs sees it (its exclusion rules included). The docs folder
    and the theme's overrides are walked first, without opening a file: MkDocs would
    follow a link that loops until the path is too long, copying every file on the way,
    and wait forever on a named pipe."""
    paths = ContentPaths(repository(config))
    problems: list[Problem] = []
    docs = Path(config.docs_dir)
    found = {
        file.relative_to(docs).as_posix(): paths.repo_path(file)
        for file in walk_files(docs, paths, problems, skip=_hidden, folders_named_like_files=False)
    }
    if custom_dir := config.theme.custom_dir:
        for _ in walk_files(Path(custom_dir), paths, problems, skip=_hidden):
            pass  # only the problems count here
    # MkDocs keeps one of two files with one address (README.md beside index.md, guide.md
    # beside guide/index.md), with a warning that --quiet hides: both are named instead.
    problems += clash_problems({}, found)
    if problems:
        return DocsFiles({}, {}, tuple(problems))
    files = get_files(config)
    pages = {f.src_uri: Path(f.abs_src_path) for f in files.documentation_pages() if f.abs_src_path}
    others = {
        f.src_uri: Path(f.abs_src_path)
        for f in files
        if not f.is_documentation_page() and f.abs_src_path
    }
    return DocsFiles(pages, others, theme=_theme_facts(config))


def _theme_facts(config: MkDocsConfig) -> ThemeFacts:
    """What a page's frontmatter may ask of the theme (checked in load.hand_written)."""
    statuses = {"new", "deprecated"}
    if isinstance(config.extra.get("status"), dict):
        statuses |= set(config.extra["status"])
    folders = tuple(Path(folder) for folder in config.theme.dirs)
    return ThemeFacts(folders, frozenset(statuses))


def _hidden(name: str) -> bool:
    return name.startswith(".")  # MkDocs leaves these out (`exclude_docs` default)


class _ExactDirtyBuilds(logging.Filter):
    """MkDocs warns that a dirty build "will likely lead to inaccurate navigation and other
    links". Here it does not (tests/test_dirty_rebuild.py): say what it does instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.getMessage().startswith("A 'dirty' build is being performed"):
            record.levelno, record.levelname = logging.INFO, "INFO"
            record.msg, record.args = _DIRTY_NOTE, ()
        return True


_DIRTY_NOTE = (
    "Rebuilding only the pages that changed: the reading program keeps every page, the "
    "navigation and the search index as a full build makes them."
)


def _quiet_dirty_warning() -> None:
    build_log = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _ExactDirtyBuilds) for f in build_log.filters):
        build_log.addFilter(_ExactDirtyBuilds())


def remember_command(command: str) -> None:
    """For `on_startup`: `serve`, or a published build (`build`, `gh-deploy`)."""
    os.environ[COMMAND_VARIABLE] = command


def serving() -> bool:
    """Under `mkdocs serve` (`make serve`): drafts are built, problems shown in the page."""
    return os.environ.get(COMMAND_VARIABLE) == "serve"


def prepare(config: MkDocsConfig) -> GeneratedSite | None:
    """For `on_pre_build`: everything generated and checked before `site/` is touched."""
    config.markdown_extensions = without_tripwire(config.markdown_extensions)  # the hook ran
    _quiet_dirty_warning()
    paths = ContentPaths(repository(config))
    cache = ParseCache(paths.cache)
    try:
        site = prepare_site(
            paths,
            docs_files(config),
            site_url(config),
            cache,
            markdown_config(config),
            with_drafts=serving(),
        )
    except ContentError as error:
        if serving():
            return _show_problems(config, error)
        raise PluginError(error.report()) from None
    finally:
        cache.save()
        if cache.note:
            log.info(cache.note)
    if not serving():
        _published_notes(site.library.drafts, site_url(config))
    for track in site.library.tracks:
        for note in track.notes:  # not a warning: --strict would fail on an honest plan
            log.info("%s: %s", track.repo_path, note)
    edited = {
        **{src: f"{_docs_prefix(config)}{src}" for src in site.hand_written.repo_paths},
        **{page.src_uri: page.source or f"the site's page {page.src_uri}" for page in site.pages},
    }
    _forget_previous_search_index(config)
    # A dirty build keeps site/; if this is one, its search index is merged with this one.
    previous_index = Path(config.site_dir) / offline.SEARCH_INDEX
    previous = previous_index.read_bytes() if previous_index.is_file() else None
    config[_STATE] = BuildState(edited, previous, site=site)
    _stage(config)
    return site


def _published_notes(drafts: tuple[RepoPath, ...], site_url: str) -> None:
    for draft in drafts:
        log.info("%s: a draft (draft: true), left out of this build", draft)
    if warning := local_address_warning(site_url):
        # Printed, not logged: `mkdocs build --strict` (make build) fails on a logged warning.
        print(warning, file=sys.stderr)


def _show_problems(config: MkDocsConfig, error: ContentError) -> None:
    """Under `serve`, content problems make a site of problem pages (`add_generated_files`)
    rather than a failed build, on which MkDocs' server would hold every request."""
    log.error(error.report())
    config[_STATE] = BuildState({}, None, problems=tuple(error.problems))
    _stage(config)


def _docs_prefix(config: MkDocsConfig) -> str:
    docs = ContentPaths(repository(config)).repo_path(Path(config.docs_dir))
    return f"{docs}/"


def _stage(config: MkDocsConfig) -> None:
    """From here on MkDocs writes into a staging folder (see staging.py)."""
    staging = SiteStaging(Path(config.site_dir))
    try:
        folder = staging.start()
    except StagingError as error:
        raise PluginError(f"cannot prepare the new site: {error}") from None
    _state(config).staged = staging
    config.site_dir = str(folder)


def _swap_in(config: MkDocsConfig) -> None:
    """The staging folder becomes the site, unless MkDocs is about to abort the build for
    a strict-mode warning (it counts them, and raises only after `on_post_build`)."""
    state = _state(config)
    assert state.staged is not None
    if config.strict and _warnings_counted():
        return  # the build error that follows discards the staging folder
    try:
        state.staged.swap_in()
    except StagingError as error:
        raise PluginError(f"cannot put the new site in place: {error}") from None
    config.site_dir, state.staged = str(state.staged.given), None


def _warnings_counted() -> bool:
    counters = [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]
    return any(counter.get_counts() for counter in counters)


def build_failed(error: BaseException) -> None:
    """For `on_build_error`: the staging folder goes, `site/` stays as it was, and an
    error MkDocs would show as a traceback becomes one plain line naming the file.

    MkDocs hands this event no config: the build's config, and the page being read or
    built if any, are found in the frames the error went through (`build`, where it was
    caught, and `_populate_page` or `_build_page`)."""
    config, page = _failed_build(error)
    state = config.get(_STATE) if config is not None else None
    if config is not None and state is not None and state.staged is not None:
        state.staged.discard()
        config.site_dir, state.staged = str(state.staged.given), None
    if isinstance(error, BuildError | Abort):
        return  # MkDocs says these in one line already
    where = _failing_file(error, config, page)
    raise Abort(f"{where}: {_plain(error)}; the last good site is left as it was") from None


def _failed_build(error: BaseException) -> tuple[MkDocsConfig | None, Page | None]:
    config, page = None, None
    traceback = error.__traceback__
    while traceback is not None:
        local = traceback.tb_frame.f_locals
        if isinstance(local.get("config"), MkDocsConfig) and _STATE in local["config"]:
            config = config or local["config"]
        if isinstance(local.get("page"), Page):
            page = local["page"]
        traceback = traceback.tb_next
    return config, page


def _failing_file(error: BaseException, config: MkDocsConfig | None, page: Page | None) -> str:
    if isinstance(error, OSError) and error.filename:
        root = repository(config) if config is not None else Path.cwd()
        return ContentPaths(root).repo_path(Path(str(error.filename)))
    if page is None or config is None:
        return CONFIG_FILE
    src_uri = page.file.src_uri
    state: BuildState | None = config.get(_STATE)
    edited = state.edited.get(src_uri) if state is not None else None
    return edited or f"{_docs_prefix(config)}{src_uri}"


def _plain(error: BaseException) -> str:
    if isinstance(error, TemplateNotFound):
        return f"the theme has no template {error.name!r} (the page's `template:`)"
    if isinstance(error, OSError):
        return str(error.strerror or error)
    return f"the build stopped ({type(error).__name__}: {' '.join(str(error).split())})"


def _forget_previous_search_index(config: MkDocsConfig) -> None:
    """Material's search plugin, under `serve --dirty`, merges the index it kept from the
    last build, dropping the old entries of only one rebuilt page. The merge is done
    here instead (`finish`), from the index file the last build wrote; without Material's
    copy, its index holds exactly this build's entries."""
    search = config.plugins.get("material/search")
    if search is not None and hasattr(search, "search_index_prev"):
        search.search_index_prev = None


def add_generated_files(files: Files, config: MkDocsConfig) -> Files:
    """For `on_files`: add the generated pages and feeds, swap in expanded hand-written
    pages, and set the navigation.

    Pages are handed over as files that change only when their text does, so that
    `mkdocs serve --dirty` rebuilds just them (and MkDocs reads them, rather than holding a
    copy of their text); when something every page shows has changed (see `_fingerprint`),
    every page counts as changed: generated ones are touched, hand-written ones handed
    over as text, which MkDocs always rebuilds."""
    state = _state(config)
    assert state.staged is not None
    try:
        state.staged.own_copies()  # a dirty build: the last site, unshared
    except StagingError as error:
        raise PluginError(f"cannot prepare the new site: {error}") from None
    if state.problems is not None:
        return _problem_pages(files, config, state.problems)
    site = state.site
    assert site is not None
    root = repository(config)
    sources = GeneratedSources(ContentPaths(root).generated)
    site_fingerprint = _fingerprint(site, config)
    everything = site_fingerprint != sources.previous_fingerprint

    def generated(src_uri: str, text: str, **options: Any) -> File:
        path = sources.put(src_uri, text, touch=everything)
        return File.generated(config, src_uri, abs_src_path=str(path), **options)

    for asset in site.assets:
        files.append(File.generated(config, asset.src_uri, content=asset.content))
    for page in site.pages:
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = generated(page.src_uri, html_blocks.with_blocks(page.text), inclusion=inclusion)
        if page.source:
            file.edit_uri = posixpath.relpath(root / page.source, config.docs_dir)
        files.append(file)
    for src_uri, text in site.hand_written.texts.items():
        if src_uri in site.expanded:
            replacement = generated(src_uri, site.expanded[src_uri])
        elif everything:  # MkDocs reads it from docs/, but would skip it if unchanged
            replacement = File.generated(config, src_uri, content=text)
        else:
            continue
        replacement.edit_uri = src_uri
        if (original := files.get_file_from_path(src_uri)) is not None:
            files.remove(original)
        files.append(replacement)
    _minify_own_stylesheets(files, config)
    config.nav = site.nav
    generated_pages = frozenset(page.src_uri for page in site.pages)
    state.handed = _Handed(sources, site_fingerprint, files, generated_pages)
    state.site = None  # the generated text is on disk now: let it go
    return files


def _problem_pages(files: Files, config: MkDocsConfig, problems: tuple[Problem, ...]) -> Files:
    """Under `serve` with content problems: every page the author may have open (the
    home page, docs/ and the last build's pages) lists them; recording an unmatched
    fingerprint makes the build after the fix rebuild every page."""
    sources = GeneratedSources(ContentPaths(repository(config)).generated)
    pages = {f.src_uri for f in files.documentation_pages()} | sources.previous_pages()
    pages.add("index.md")
    for src_uri in sorted(pages):
        if (original := files.get_file_from_path(src_uri)) is not None:
            files.remove(original)
        text = problems_page(src_uri, problems)
        inclusion = InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, src_uri, content=text, inclusion=inclusion))
    _state(config).handed = _Handed(sources, "content problems", files, frozenset(pages))
    config.nav = [{"Content problems": "index.md"}]
    return files


def _minify_own_stylesheets(files: Files, config: MkDocsConfig) -> None:
    """The project's stylesheets, handed over minified (minify.py)."""
    for file in files.css_files():
        if file.abs_src_path and minify.is_own_stylesheet(file.src_uri):
            text = Path(file.abs_src_path).read_text(encoding="utf-8")
            minified = minify.minified(file.src_uri, text)
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=minified))


def _fingerprint(site: GeneratedSite, config: MkDocsConfig) -> str:
    """What every page shows besides its own text: the navigation (titles of tracks,
    weeks and hand-written pages included), this package's code and templates, the
    config, the theme and its version."""
    custom = config.theme.custom_dir
    theme_dirs = [Path(custom)] if custom else []
    return fingerprint(
        [
            json.dumps(site.nav, sort_keys=True),
            *(site.hand_written.texts.get(src, "") for src in sorted(site.hand_written.texts)),
            files_fingerprint([_PACKAGE], suffixes=(".py", ".j2")),
            files_fingerprint(theme_dirs),
            Path(config.config_file_path).read_bytes(),
            site_url(config),
            installed_version("mkdocs"),
            installed_version("mkdocs-material"),
        ]
    )


def page_markdown(markdown: str, page: Page, config: MkDocsConfig) -> str:
    """For `on_page_markdown`: a generated page's HTML blocks set apart (render.html_blocks)
    until MkDocs has made its HTML."""
    state = _state(config)
    assert state.handed is not None
    if page.file.src_uri not in state.handed.generated:
        return markdown  # a hand-written page: its text is the author's, as written
    text = html_blocks.split_blocks(markdown)
    if text.blocks:
        state.blocks[page.file.src_uri] = text
    return text.markdown


def page_content(page_html: str, page: Page, config: MkDocsConfig) -> str:
    """For `on_page_content`: the blocks that search should see put back, and the ids of
    all of them known to MkDocs' anchor checks, which run before any page is written."""
    text = _state(config).blocks.get(page.file.src_uri)
    if text is None:
        return page_html
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= html_blocks.anchor_ids(text.blocks)
    if text.body is not None and text.body.toc:
        page.toc = _with_body_toc(page, page_html, text.body)
    return html_blocks.restored(page_html, text.blocks, searched_only=True)


def _with_body_toc(page: Page, page_html: str, body: html_blocks.BodyBlock) -> TableOfContents:
    """The page's table of contents with the body's headings where the body stands, as
    one Markdown conversion of the whole page would give it."""

    def flat(items, position):
        for item in items:
            yield position(item), {"level": item.level, "id": item.id, "name": item.title}
            yield from flat(item.children, position)

    def in_page(item: AnchorLink) -> int:
        return page_html.find(f'id="{item.id}"')

    at_body = page_html.find(html_blocks.placeholder(body.number))
    own = list(flat(page.toc, in_page))
    body_tokens = [token for _, token in flat(get_toc(list(body.toc)), lambda _: at_body)]
    before = [token for at, token in own if at < at_body]
    after = [token for at, token in own if at >= at_body]
    return get_toc(nest_toc_tokens([*before, *body_tokens, *after]))


def page_context(context: dict[str, Any], page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """For `on_page_context`, after the search plugin's: the blocks kept out of search put
    back; and the page noted as rendered in this build (under --dirty: those changed)."""
    state = _state(config)
    text = state.blocks.pop(page.file.src_uri, None)
    if text is not None and page.content is not None:
        page.content = html_blocks.restored(page.content, text.blocks, searched_only=False)
    state.built.add(page.url)
    return context


def finish(config: MkDocsConfig) -> None:
    """For `on_post_build`: record the generated sources; after a dirty build, drop the
    search index's stale entries and the pages of content that is gone."""
    try:
        _finish_dirty_build(config)
        app = offline.web_app(config.site_name, config.extra, config.theme.get("palette"))
        offline_site.publish(Path(config.site_dir), app, published=not serving())
    except OSError as error:
        raise PluginError(f"{error.filename or config.site_dir}: {error.strerror}") from None
    _swap_in(config)


def _finish_dirty_build(config: MkDocsConfig) -> None:
    state = _state(config)
    assert state.handed is not None
    sources, files = state.handed.sources, state.handed.files
    current = {f.src_uri for f in files.documentation_pages()}
    gone = sources.previous_pages() - current
    sources.finish(state.handed.fingerprint, current)
    # Page URLs, as the search index writes them (the home page's is "", its file's "./")
    pages = [f.page.url if f.page else f.url for f in files.documentation_pages()]
    if len(state.built) == len(pages):
        return  # a full build: nothing can be stale
    for src_uri in gone:
        gone_file = File(src_uri, "", config.site_dir, config.use_directory_urls)
        Path(gone_file.abs_dest_path).unlink(missing_ok=True)
    _merge_search_index(config, pages)


def _merge_search_index(config: MkDocsConfig, pages: list[str]) -> None:
    index_file = Path(config.site_dir) / offline.SEARCH_INDEX
    try:
        current = json.loads(index_file.read_text("utf-8"))
        kept = _state(config).previous_index
        previous = json.loads(kept) if kept else None
    except (OSError, ValueError):
        return  # no search plugin, or an index we cannot read: leave it as it is
    merged = merged_search_index(previous, current, _state(config).built, pages)
    index_file.write_text(json.dumps(merged, separators=(",", ":")), "utf-8")


def site_url(config: MkDocsConfig) -> str:
    """The site's address as the build reads it (`!ENV` resolved, a folder URL ending in
    `/`): the one source for every absolute link, in the build, `message` and the export."""
    return config.site_url or ""


def markdown_config(config: MkDocsConfig) -> MarkdownConfig:
    """The site's Markdown as MkDocs configures it (its own extensions added to the list)."""
    extensions = without_tripwire(config.markdown_extensions)
    return MarkdownConfig(tuple(extensions), dict(config.mdx_configs or {}))


class HookTripwire(Extension):
    """Listed in mkdocs.yml, taken out by the hook (`prepare`): a build that renders a page
    with it ran without the hook, and stops with one plain line (load/project_hook.py)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_HookMissing(md), "reading_program_hook_missing", 1000)


class _HookMissing(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        raise BuildError(HOOK_MISSING)  # MkDocs shows a BuildError as its message alone


def project_config(root: Path) -> MkDocsConfig:
    """The project's MkDocs config, loaded and validated as `mkdocs build` does. A config
    MkDocs refuses is a ContentError naming mkdocs.yml, in MkDocs' words, one line each."""
    collected = _Collected()
    config_log = logging.getLogger("mkdocs.config")
    config_log.addHandler(collected)  # MkDocs logs each error, then raises
    try:
        return load_config(config_file=str(root / CONFIG_FILE))
    except (ConfigurationError, Abort) as error:  # Abort: "Aborted with N errors"
        raise ContentError(_config_problems(error, collected.errors)) from None
    finally:
        config_log.removeHandler(collected)


def raw_config(root: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data, `!ENV` resolved by MkDocs' own loader."""
    try:
        with (root / CONFIG_FILE).open(encoding="utf-8") as handle:
            data = yaml_load(handle) or {}
    except ConfigurationError as error:
        raise ContentError(_config_problems(error, [])) from None
    if not isinstance(data, dict):
        message = "must hold settings (name: value), one per line"
        raise ContentError([Problem(CONFIG_FILE, None, "", message)])
    return data


class _Collected(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.errors.append(record.getMessage())


def _config_problems(error: Exception, logged: list[str]) -> list[Problem]:
    """MkDocs' messages about mkdocs.yml, each on one line, with its line when YAML says."""
    cause = error.__context__
    if isinstance(cause, MarkedYAMLError) and cause.problem_mark is not None:
        what = " ".join(str(part) for part in (cause.problem, cause.context) if part)
        message = f"is not valid YAML ({what}); check quotes and indentation"
        return [Problem(CONFIG_FILE, cause.problem_mark.line + 1, "", message)]
    messages = logged or [str(error)]
    return [Problem(CONFIG_FILE, None, "", " ".join(m.split())) for m in messages]
