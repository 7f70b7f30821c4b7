"""The hand-written pages in docs/: read once, rendered with the site's Markdown, and
checked (markers, frontmatter the theme can use, stylesheets and scripts that load
nothing from another host). Needs no library, so these problems are reported together
with content problems, before anything is generated."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cache import ParseCache
from .file_read import READ_CODEC, FileRead
from .html_policy import script_loads, stylesheet_loads
from .markdown_render import RenderedBody, Renderer
from .marker_syntax import marker_problems
from .paths import ContentPaths, RepoPath
from .problems import Problem, Problems, closest
from .source import MarkdownParts, SourceText, read_text, split_markdown
from .strict_yaml import parse_yaml


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
