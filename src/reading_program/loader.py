"""Loading the content folder: every file read, validated and reported on in one pass."""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .assessments import build_assessment
from .auto_planner import plan_from_tags
from .cohorts import load_cohorts
from .models import Article, Assessment, Library, TagInfo, Track
from .parse_cache import ParseCache
from .planner import plan_track
from .problems import ContentError, Problem
from .questions import build_questions
from .reading_time import reading_minutes
from .schema import (
    SLUG_PATTERN,
    ArticleFrontmatter,
    AssessmentFile,
    PlannedTrackFile,
    TagsFile,
    TrackFile,
)
from .source_files import read_source, split_markdown, yaml_files
from .strict_yaml import ParsedYaml, parse_yaml
from .validation import validate

_SLUG = re.compile(SLUG_PATTERN)
T = TypeVar("T")


@dataclass(frozen=True)
class ContentPaths:
    """Where content lives; `root` is the repository, used to print relative paths."""

    root: Path

    @property
    def articles(self) -> Path:
        return self.root / "content" / "articles"

    @property
    def tracks(self) -> Path:
        return self.root / "content" / "tracks"

    @property
    def assessments(self) -> Path:
        return self.root / "content" / "assessments"

    def display(self, file: Path) -> str:
        try:
            return file.relative_to(self.root).as_posix()
        except ValueError:
            return file.as_posix()


def load_library(paths: ContentPaths, cache: ParseCache | None = None) -> Library:
    """Load and plan everything, or raise ContentError listing every problem.

    With a `cache`, articles unchanged since it was filled are not parsed again.
    """
    problems: list[Problem] = []
    tags = _load_tags(paths, problems)
    articles = _load_articles(paths, tags, cache or ParseCache(None), problems)
    loaded = {article.slug for article in articles}
    unreadable = frozenset(
        file.stem for file in paths.articles.rglob("*.md") if file.stem not in loaded
    )
    assessments = _load_assessments(paths, articles, problems)
    tracks = _load_tracks(paths, articles, unreadable, assessments, tags, problems)
    cohorts = load_cohorts(paths, {track.id: len(track.weeks) for track in tracks}, problems)
    if problems:
        raise ContentError(problems)
    return Library(
        articles=tuple(articles),
        tracks=tuple(tracks),
        assessments=tuple(assessments),
        cohorts=tuple(cohorts),
        tags=tuple(tags),
    )


def _load_tags(paths: ContentPaths, problems: list[Problem]) -> list[TagInfo]:
    """content/tags.yml lists the tags articles may carry; without it any slug is allowed."""
    file = paths.root / "content" / "tags.yml"
    if not file.exists():
        return []
    parsed = _read_yaml(file, paths.display(file), problems)
    spec = parsed and validate(TagsFile, parsed, paths.display(file), "the tags file")
    if isinstance(spec, list):
        problems.extend(spec)
        return []
    if not spec:
        return []
    return [TagInfo(slug, tag.title, tag.description) for slug, tag in sorted(spec.root.items())]


def _tag_problems(
    article: Article, tag_lines: tuple[int, ...], display: str, tags: list[TagInfo]
) -> list[Problem]:
    allowed = [tag.slug for tag in tags]
    problems = []
    for index, (tag, line) in enumerate(zip(article.tags, tag_lines, strict=True)):
        if allowed and tag not in allowed:
            close = difflib.get_close_matches(tag, allowed, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            message = f"unknown tag {tag!r}; {hint}(tags are listed in content/tags.yml)"
            problems.append(Problem(display, line, f"tags[{index}]", message))
    return problems


def _load_articles(
    paths: ContentPaths, tags: list[TagInfo], cache: ParseCache, problems: list[Problem]
) -> list[Article]:
    articles: dict[str, Article] = {}
    for file in sorted(paths.articles.rglob("*.md")):
        display = paths.display(file)
        slug = file.stem
        if not _SLUG.match(slug):
            message = (
                f"file name {file.name!r} is not a slug: use lowercase letters, digits, hyphens"
            )
            problems.append(Problem(display, None, "", message))
            continue
        article = _load_article(file, display, slug, tags, cache, problems)
        if article is None:
            continue
        if slug in articles:
            message = (
                f"two articles have the slug {slug!r}: {articles[slug].source_path} and {display}"
            )
            problems.append(Problem(display, None, "", f"{message}; rename one"))
            continue
        articles[slug] = article
    return sorted(articles.values(), key=lambda a: (a.title.casefold(), a.slug))


@dataclass(frozen=True)
class ParsedArticle:
    """What one article file says on its own: cacheable while the file is unchanged."""

    article: Article | None
    problems: tuple[Problem, ...] = ()
    tag_lines: tuple[int, ...] = ()  # the line of each tag, for checks against tags.yml


def _load_article(
    file: Path,
    display: str,
    slug: str,
    tags: list[TagInfo],
    cache: ParseCache,
    problems: list[Problem],
) -> Article | None:
    parsed = cache.get(file, lambda: parse_article(file, display, slug))
    problems.extend(parsed.problems)
    if parsed.article is None:
        return None
    if tag_problems := _tag_problems(parsed.article, parsed.tag_lines, display, tags):
        problems.extend(tag_problems)
        return None
    return parsed.article


def parse_article(file: Path, display: str, slug: str) -> ParsedArticle:
    source = read_source(file, display)
    if source.problem:
        return ParsedArticle(None, (source.problem,))
    parts = split_markdown(source.text, display)
    if isinstance(parts, Problem):
        return ParsedArticle(None, (parts,))
    parsed = parse_yaml(parts.frontmatter, parts.frontmatter_line)
    meta = validate(ArticleFrontmatter, parsed, display, "frontmatter")
    if isinstance(meta, list):
        return ParsedArticle(None, tuple(meta))
    if not parts.body.strip():
        message = "the article has no text below ---"
        return ParsedArticle(None, (Problem(display, parts.body_line, "", message),))
    article = Article(
        slug=slug,
        source_path=display,
        title=meta.title,
        summary=meta.summary,
        tags=tuple(meta.tags),
        reflection=build_questions(meta.reflection),
        body=parts.body,
        reading_minutes=reading_minutes(parts.body),
        content_hash=hashlib.sha256(source.text.encode()).hexdigest()[:12],
        date=meta.date,
        level=meta.level,
        author=meta.author,
        source=meta.source,
    )
    tag_lines = tuple(parsed.line_of(("tags", index), 1) for index in range(len(meta.tags)))
    return ParsedArticle(article, tag_lines=tag_lines)


def _load_tracks(
    paths: ContentPaths,
    articles: list[Article],
    unreadable: frozenset[str],
    assessments: list[Assessment],
    tags: list[TagInfo],
    problems: list[Problem],
) -> list[Track]:
    tracks = []
    for file, display in _yaml_files(paths, paths.tracks, "track", problems):
        parsed = _read_yaml(file, display, problems)
        if parsed is None:
            continue
        # A track that gives `select` is planned from tags; otherwise weeks are listed.
        planned_from_tags = isinstance(parsed.data, dict) and "select" in parsed.data
        model = PlannedTrackFile if planned_from_tags else TrackFile
        spec = validate(model, parsed, display, "a track file")
        if isinstance(spec, list):
            problems.extend(spec)
        elif isinstance(spec, PlannedTrackFile):
            planned = plan_from_tags(file.stem, display, spec, parsed, articles, assessments, tags)
            _collect(planned, tracks, problems)
        else:
            planned = plan_track(
                file.stem, display, spec, parsed, articles, unreadable, assessments
            )
            _collect(planned, tracks, problems)
    return tracks


def _load_assessments(
    paths: ContentPaths, articles: list[Article], problems: list[Problem]
) -> list[Assessment]:
    assessments: list[Assessment] = []
    for file, display in _yaml_files(paths, paths.assessments, "assessment", problems):
        parsed = _read_yaml(file, display, problems)
        spec = parsed and validate(AssessmentFile, parsed, display, "an assessment file")
        if isinstance(spec, list):
            problems.extend(spec)
        elif spec:
            built = build_assessment(file.stem, display, spec, parsed, articles)
            _collect(built, assessments, problems)
    return assessments


def _yaml_files(
    paths: ContentPaths, folder: Path, kind: str, problems: list[Problem]
) -> list[tuple[Path, str]]:
    """The folder's YAML files whose names are valid ids, with their display paths."""
    found = []
    for file in yaml_files(folder):
        display = paths.display(file)
        if _SLUG.match(file.stem):
            found.append((file, display))
        else:
            message = f"file name {file.name!r} is not a slug: the name is the {kind}'s id and URL"
            problems.append(Problem(display, None, "", message))
    return found


def _read_yaml(file: Path, display: str, problems: list[Problem]) -> ParsedYaml | None:
    source = read_source(file, display)
    if source.problem:
        problems.append(source.problem)
        return None
    return parse_yaml(source.text)


def _collect(result: T | list[Problem], into: list[T], problems: list[Problem]) -> None:
    if isinstance(result, list):
        problems.extend(result)
    else:
        into.append(result)
