"""The first stage: every content file, of every kind, read and validated the same way.

For each kind: list the files and check their names (files.py), read the bytes, parse
(frontmatter + YAML, or YAML; an article's body rendered with the site's Markdown, see
markdown_render.py), validate against the kind's model (specs.py), and keep what is needed
later. What parsing finds is plain data, cached by content hash (cache.py); validation runs
on every load. What fails is recorded as it happens: the ids of files that exist but did
not load are kept, so later stages can tell "unknown" from "broken".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ..fingerprints import digest
from .article_body import count_words
from .cache import ParseCache
from .file_read import READ_CODEC, FileRead
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
from .markdown_render import RenderedBody, Renderer
from .paths import ContentPaths, RepoPath
from .problems import Problem, Problems
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
from .validation_problems import place, validate

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
    """An article file: the validated frontmatter, the Markdown body and what it renders to."""

    frontmatter: ArticleFrontmatter
    body: str
    body_line: int
    words: int
    rendered: RenderedBody
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
    drafts: tuple[RepoPath, ...] = ()  # articles left out as drafts (load.drafts), sorted

    def did_not_load(self, kind: Kind) -> frozenset[str]:
        return self.failed.get(kind.name, frozenset())


Validate = Callable[[FileRead, ContentFile, str, Problems], "Loaded | None"]


def load_content(
    paths: ContentPaths, cache: ParseCache | None = None, renderer: Renderer | None = None
) -> Content:
    """Read and validate every content file; never raises for what a file says.
    `renderer`: the site's Markdown (MkDocs' defaults when not given)."""
    reading = _Reading(cache or ParseCache(None), renderer or Renderer())
    problems = Problems(unexpected_entries(paths))
    failed: dict[str, frozenset[str]] = {}

    def load(kind: Kind) -> tuple[Loaded, ...]:
        loaded, broken = _load_kind(paths, kind, reading, problems)
        failed[kind.name] = frozenset(broken)
        return tuple(loaded)

    tags = _load_tags(paths, reading, problems)
    return Content(
        articles=load(ARTICLE),
        tracks=load(TRACK),
        assessments=load(ASSESSMENT),
        cohorts=load(COHORT),
        tags=tags,
        failed=failed,
        problems=tuple(problems),
    )


@dataclass(frozen=True)
class _Reading:
    cache: ParseCache
    renderer: Renderer

    def read(self, raw: bytes, file: ContentFile, markdown: bool) -> tuple[FileRead, str]:
        """What the file says, as plain data (cached), and the hash of its bytes."""
        content_hash = digest(raw)
        key = f"{content_hash}:{self.renderer.config.fingerprint}" if markdown else content_hash

        def read_now() -> FileRead:  # what it finds is cached: problems with the rest
            found = Problems()
            source = decode(raw, file.repo_path, found, content_hash)
            if source is None:
                return FileRead(problems=tuple(found))
            return _read_markdown(source, file, self.renderer) if markdown else _read_yaml(source)

        return self.cache.get(file.repo_path, key, read_now, READ_CODEC), content_hash


def _load_kind(
    paths: ContentPaths, kind: Kind, reading: _Reading, problems: Problems
) -> tuple[list[Loaded], set[str]]:
    files, name_problems = list_kind(paths, kind)
    problems.extend(name_problems)
    loaded, broken = [], set()
    for file in files:
        result = _load_file(file, _VALIDATORS[kind.name], reading, problems, kind.is_markdown)
        if result is None:
            broken.add(file.id)
        else:
            loaded.append(result)
    return loaded, broken


def _load_file(
    file: ContentFile,
    validate_read: Validate,
    reading: _Reading,
    problems: Problems,
    markdown: bool = False,
) -> Loaded | None:
    raw = read_bytes(file.path, file.repo_path, problems)
    if raw is None:
        return None
    read, content_hash = reading.read(raw, file, markdown)
    if read.problems and read.yaml is None:
        problems.extend(read.problems)
        return None
    return validate_read(read, file, content_hash, problems)


def _read_yaml(source: SourceText) -> FileRead:
    return FileRead(yaml=parse_yaml(source.text))


def _read_markdown(source: SourceText, file: ContentFile, renderer: Renderer) -> FileRead:
    found = Problems()
    parts = split_markdown(source.text, file.repo_path, found)
    if parts is None:
        return FileRead(problems=tuple(found))
    rendered = renderer.render(parts.body, parts.body_line, file.repo_path, article=True)
    return FileRead(
        yaml=parse_yaml(parts.frontmatter),
        body=parts.body,
        body_line=parts.body_line,
        words=count_words(parts.body),
        rendered=rendered,
    )


def _load_tags(
    paths: ContentPaths, reading: _Reading, problems: Problems
) -> Loaded[TagsFile] | None:
    """content/tags.yml lists the tags articles may carry; without it any slug is allowed."""
    if not paths.tags.exists() and not paths.tags.is_symlink():
        return None
    file = ContentFile("tags", paths.tags, paths.repo_path(paths.tags))
    return _load_file(file, _yaml_model(TagsFile, "the tags file"), reading, problems)


def _yaml_model(model: type, what: str) -> Validate:
    def validate_read(
        read: FileRead, file: ContentFile, _: str, problems: Problems
    ) -> Loaded | None:
        assert read.yaml is not None
        spec = validate(model, read.yaml, file.repo_path, what, problems)
        return None if spec is None else _loaded(file, spec, read.yaml)

    return validate_read


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


def load_text(kind: Kind, text: str, file: ContentFile, problems: Problems) -> Loaded | None:
    """Validate text meant for `file` (e.g. a cohort file a command is about to write)."""
    source = SourceText(text, "")
    if kind.is_markdown:
        read = _read_markdown(source, file, Renderer())
        if read.yaml is None:
            problems.extend(read.problems)
            return None
    else:
        read = _read_yaml(source)
    return _VALIDATORS[kind.name](read, file, "", problems)


def track_model(data: object) -> type[TrackSpec]:
    """The model a track file's data is validated with: a track that gives `select` is
    planned from tags; otherwise its weeks are listed."""
    return PlannedTrackFile if isinstance(data, dict) and "select" in data else TrackFile


def _validate_track(read: FileRead, file: ContentFile, _: str, problems: Problems) -> Loaded | None:
    assert read.yaml is not None
    model = track_model(read.yaml.data)
    spec = validate(model, read.yaml, file.repo_path, "a track file", problems)
    return None if spec is None else _loaded(file, spec, read.yaml)


def _validate_article(
    read: FileRead, file: ContentFile, content_hash: str, problems: Problems
) -> Loaded | None:
    assert read.yaml is not None and read.body is not None and read.rendered is not None
    meta = validate(ArticleFrontmatter, read.yaml, file.repo_path, "the frontmatter", problems)
    if meta is None:
        return None
    if not read.body.strip():
        message = "has no text below the frontmatter: write the article after the closing '---'"
        problems.add(Problem(file.repo_path, read.body_line, "", message))
        return None
    if read.rendered.problems:  # what a body may not hold (html_policy.py)
        problems.extend(read.rendered.problems)
        return None
    article = ArticleSource(
        meta, read.body, read.body_line, read.words, read.rendered, content_hash
    )
    body_placeholder = ()
    if read.body.strip().startswith(BODY_PLACEHOLDER):
        message = f"the text is still the placeholder {BODY_PLACEHOLDER!r}: write the article"
        body_placeholder = (Problem(file.repo_path, read.body_line, "", message),)
    return _loaded(file, article, read.yaml, body_placeholder)


_VALIDATORS: dict[str, Validate] = {
    ARTICLE.name: _validate_article,
    TRACK.name: _validate_track,
    ASSESSMENT.name: _yaml_model(AssessmentFile, "an assessment file"),
    COHORT.name: _yaml_model(CohortFile, "a cohort file"),
}
