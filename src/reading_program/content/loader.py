"""The first stage: every content file, of every kind, read and validated the same way.

For each kind: list the files and check their names (files.py), read the bytes, parse
(frontmatter + YAML, or YAML), validate against the kind's model (specs.py), and keep
what is needed later. What fails is recorded as it happens: the ids of files that exist
but did not load are kept, so later stages can tell "unknown" from "broken".
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from .article_body import BodyFacts, body_facts
from .cache import ParseCache
from .errors import place, validate
from .files import (
    ARTICLE,
    ASSESSMENT,
    COHORT,
    TRACK,
    ContentFile,
    Kind,
    list_kind,
    unexpected_entries,
)
from .paths import ContentPaths, RepoPath
from .problems import Problem
from .source import SourceText, decode, read_bytes, split_markdown
from .specs import (
    BODY_PLACEHOLDER,
    PLACEHOLDER,
    ArticleFrontmatter,
    AssessmentFile,
    CohortFile,
    PlannedTrackFile,
    TagsFile,
    TrackFile,
)
from .strict_yaml import LineMap, Location, ParsedYaml, parse_yaml

Spec = TypeVar("Spec")


@dataclass(frozen=True)
class Loaded(Generic[Spec]):
    """One valid file: its id (the file name), where it is, what it says, and the line of
    every field, for problems later stages find."""

    id: str
    repo_path: RepoPath
    spec: Spec
    lines: LineMap
    unfinished: tuple[Problem, ...] = ()  # placeholders left by `reading-program new`

    def problem(self, location: Location, message: str) -> Problem:
        """A problem with this file at `location`, on the line that holds it."""
        keyed_by = getattr(type(self.spec), "item_noun", None)  # "tag courage, title"
        where = place(location, keyed_by=keyed_by)
        return Problem(self.repo_path, self.lines.line_of(location), where, message)


@dataclass(frozen=True)
class ArticleSource:
    """An article file: the validated frontmatter and the Markdown body."""

    frontmatter: ArticleFrontmatter
    body: str
    body_line: int
    facts: BodyFacts
    content_hash: str


TrackSpec = TrackFile | PlannedTrackFile


@dataclass(frozen=True)
class Content:
    """Everything under content/ that is valid on its own, and what is not."""

    articles: tuple[Loaded[ArticleSource], ...] = ()
    tracks: tuple[Loaded[TrackSpec], ...] = ()
    assessments: tuple[Loaded[AssessmentFile], ...] = ()
    cohorts: tuple[Loaded[CohortFile], ...] = ()
    tags: Loaded[TagsFile] | None = None
    failed: dict[str, frozenset[str]] = field(default_factory=dict)  # kind -> ids that exist
    problems: tuple[Problem, ...] = ()

    def did_not_load(self, kind: Kind) -> frozenset[str]:
        return self.failed.get(kind.name, frozenset())


Parse = Callable[[SourceText, ContentFile], "Loaded | list[Problem]"]


def load_content(paths: ContentPaths, cache: ParseCache | None = None) -> Content:
    """Read and validate every content file; never raises for what a file says."""
    cache = cache or ParseCache(None)
    problems = unexpected_entries(paths)
    failed: dict[str, frozenset[str]] = {}

    def load(kind: Kind, parse: Parse) -> tuple[Loaded, ...]:
        loaded, kind_problems, broken = _load_kind(paths, kind, parse, cache)
        problems.extend(kind_problems)
        failed[kind.name] = frozenset(broken)
        return tuple(loaded)

    tags = _load_tags(paths, cache, problems)
    return Content(
        articles=load(ARTICLE, _PARSERS[ARTICLE.name]),
        tracks=load(TRACK, _PARSERS[TRACK.name]),
        assessments=load(ASSESSMENT, _PARSERS[ASSESSMENT.name]),
        cohorts=load(COHORT, _PARSERS[COHORT.name]),
        tags=tags,
        failed=failed,
        problems=tuple(problems),
    )


def _load_kind(
    paths: ContentPaths, kind: Kind, parse: Parse, cache: ParseCache
) -> tuple[list[Loaded], list[Problem], set[str]]:
    files, problems = list_kind(paths, kind)
    loaded, broken = [], set()
    for file in files:
        result = _load_file(file, parse, cache)
        if isinstance(result, Loaded):
            loaded.append(result)
        else:
            problems.extend(result)
            broken.add(file.id)
    return loaded, problems, broken


def _load_file(file: ContentFile, parse: Parse, cache: ParseCache) -> Loaded | list[Problem]:
    raw = read_bytes(file.path, file.repo_path)
    if isinstance(raw, Problem):
        return [raw]

    content_hash = hashlib.sha256(raw).hexdigest()

    def parse_now() -> Loaded | list[Problem]:
        source = decode(raw, file.repo_path, content_hash)
        return [source] if isinstance(source, Problem) else parse(source, file)

    return cache.get(file.repo_path, content_hash, parse_now)


def _load_tags(
    paths: ContentPaths, cache: ParseCache, problems: list[Problem]
) -> Loaded[TagsFile] | None:
    """content/tags.yml lists the tags articles may carry; without it any slug is allowed."""
    if not paths.tags.exists() and not paths.tags.is_symlink():
        return None
    file = ContentFile("tags", paths.tags, paths.repo_path(paths.tags))
    result = _load_file(file, _yaml_model(TagsFile, "the tags file"), cache)
    if isinstance(result, Loaded):
        return result
    problems.extend(result)
    return None


def _yaml_model(model: type, what: str) -> Parse:
    def parse(source: SourceText, file: ContentFile) -> Loaded | list[Problem]:
        parsed = parse_yaml(source.text)
        spec = validate(model, parsed, file.repo_path, what)
        return spec if isinstance(spec, list) else _loaded(file, spec, parsed)

    return parse


def _loaded(
    file: ContentFile, spec: Any, parsed: ParsedYaml, extra: tuple[Problem, ...] = ()
) -> Loaded:
    unfinished = tuple(unfinished_parts(parsed, file.repo_path)) + extra
    return Loaded(file.id, file.repo_path, spec, parsed.lines, unfinished)


def unfinished_parts(parsed: ParsedYaml, repo_path: RepoPath) -> list[Problem]:
    """Text still reading TODO...: fine while drafting, refused by `check` and the build."""
    found = []
    pending: list[tuple[Location, Any]] = [((), parsed.data)]
    while pending:
        location, value = pending.pop()
        if isinstance(value, dict):
            pending += [((*location, str(key)), item) for key, item in value.items()]
        elif isinstance(value, list):
            pending += [((*location, index), item) for index, item in enumerate(value)]
        elif isinstance(value, str) and value.strip().startswith(PLACEHOLDER):
            message = f"is still the placeholder {value.strip()[:50]!r}: write the real text"
            found.append(
                Problem(
                    repo_path, parsed.lines.line_of(location), place(location, parsed.data), message
                )
            )
    return sorted(found)


def load_text(kind: Kind, text: str, file: ContentFile) -> Loaded | list[Problem]:
    """Validate text meant for `file` (e.g. a cohort file a command is about to write)."""
    return _PARSERS[kind.name](SourceText(text, ""), file)


def _parse_track(source: SourceText, file: ContentFile) -> Loaded | list[Problem]:
    parsed = parse_yaml(source.text)
    # A track that gives `select` is planned from tags; otherwise its weeks are listed.
    planned = isinstance(parsed.data, dict) and "select" in parsed.data
    model = PlannedTrackFile if planned else TrackFile
    spec = validate(model, parsed, file.repo_path, "a track file")
    return spec if isinstance(spec, list) else _loaded(file, spec, parsed)


def _parse_article(source: SourceText, file: ContentFile) -> Loaded | list[Problem]:
    parts = split_markdown(source.text, file.repo_path)
    if isinstance(parts, Problem):
        return [parts]
    parsed = parse_yaml(parts.frontmatter)
    meta = validate(ArticleFrontmatter, parsed, file.repo_path, "the frontmatter")
    if isinstance(meta, list):
        return meta
    if not parts.body.strip():
        message = "has no text below the frontmatter: write the article after the closing '---'"
        return [Problem(file.repo_path, parts.body_line, "", message)]
    facts = body_facts(parts.body, parts.body_line)
    article = ArticleSource(meta, parts.body, parts.body_line, facts, source.content_hash)
    body_placeholder = ()
    if parts.body.strip().startswith(BODY_PLACEHOLDER):
        message = f"the text is still the placeholder {BODY_PLACEHOLDER!r}: write the article"
        body_placeholder = (Problem(file.repo_path, parts.body_line, "", message),)
    return _loaded(file, article, parsed, body_placeholder)


_PARSERS: dict[str, Parse] = {
    ARTICLE.name: _parse_article,
    TRACK.name: _parse_track,
    ASSESSMENT.name: _yaml_model(AssessmentFile, "an assessment file"),
    COHORT.name: _yaml_model(CohortFile, "a cohort file"),
}
