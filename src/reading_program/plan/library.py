"""Content to library: every cross-file reference resolved, once, in dependency order."""

from __future__ import annotations

import re

from ..content.cache import ParseCache
from ..content.drafts import without_drafts
from ..content.files import ARTICLE, TRACK
from ..content.loader import Content, Loaded, load_content
from ..content.markdown_render import Renderer
from ..content.paths import ContentPaths
from ..content.problems import ContentError, Problem
from ..content.specs import PlannedTrackFile, TrackFile
from ..model import Assessment, Cohort, Library, TagInfo, Track
from .articles import build_articles
from .assessments import build_assessment
from .cohorts import build_cohort
from .from_tags import plan_from_tags
from .listed import plan_track


def load_library(
    paths: ContentPaths,
    cache: ParseCache | None = None,
    *,
    allow_unfinished: bool = False,
    renderer: Renderer | None = None,
) -> Library:
    """Read, validate and plan all published content (drafts left out), or raise
    ContentError listing every problem. `renderer`: the site's Markdown (MkDocs' defaults
    when not given)."""
    content = without_drafts(load_content(paths, cache, renderer), paths)
    return build_library(content, allow_unfinished=allow_unfinished)


def build_library(content: Content, *, allow_unfinished: bool = False) -> Library:
    """The library, or ContentError with every problem. Placeholders that
    `reading-program new` wrote are problems unless `allow_unfinished` (for tools such as
    `assign`, which must not be blocked by an article someone is still writing), and in
    drafts, which are unfinished by definition."""
    problems: list[Problem] = list(content.problems)
    if not allow_unfinished:
        problems += [
            p
            for kind in _KINDS
            for item in getattr(content, kind)
            if not _is_draft(item)
            for p in item.unfinished
        ]
    tags = _tags(content, problems)
    articles = build_articles(content.articles, tags, problems)
    # Articles that exist but did not load (a broken file, an unknown tag) are "waiting":
    # checks that need every article hold back, so their own problems stand out.
    waiting = content.did_not_load(ARTICLE) | (
        {item.id for item in content.articles} - {article.slug for article in articles}
    )
    published = [article for article in articles if not article.draft]  # all but under serve
    assessments: list[Assessment] = []
    for item in content.assessments:
        _keep(build_assessment(item, published, waiting), assessments, problems)
    tracks: list[Track] = []
    unloaded_tracks = set(content.did_not_load(TRACK))
    for item in content.tracks:
        if not _keep(_plan(item, published, assessments, tags, waiting), tracks, problems):
            unloaded_tracks.add(item.id)
    cohorts: list[Cohort] = []
    for item in content.cohorts:
        _keep(build_cohort(item, tracks, frozenset(unloaded_tracks)), cohorts, problems)
    if problems:
        raise ContentError(problems)
    return Library(
        articles=tuple(articles),
        tracks=tuple(tracks),
        assessments=tuple(assessments),
        cohorts=tuple(cohorts),
        tags=tuple(tags),
        drafts=content.drafts,
    )


_KINDS = ("articles", "tracks", "assessments", "cohorts")


def _is_draft(item: Loaded) -> bool:
    frontmatter = getattr(item.spec, "frontmatter", None)
    return bool(getattr(frontmatter, "draft", False))


def _tags(content: Content, problems: list[Problem]) -> list[TagInfo]:
    """The listed tags. Two with the same title (ignoring case and punctuation) would look
    like one tag on every page: a problem."""
    if content.tags is None:
        return []
    entries = content.tags.spec.root
    seen: dict[str, str] = {}
    for slug, entry in entries.items():
        key = re.sub(r"[\W_]+", "-", entry.title.casefold()).strip("-")
        if key in seen:
            message = (
                f"{entry.title!r} is also the title of the tag {seen[key]!r}; readers would "
                "take them for one tag: give each its own title"
            )
            problems.append(content.tags.problem((slug, "title"), message))
        seen.setdefault(key, slug)
    return [
        TagInfo(slug, entries[slug].title, entries[slug].description) for slug in sorted(entries)
    ]


def _plan(
    item: Loaded[TrackFile | PlannedTrackFile],
    articles,
    assessments,
    tags,
    waiting: frozenset[str],
) -> Track | list[Problem]:
    if isinstance(item.spec, PlannedTrackFile):
        return plan_from_tags(item, articles, assessments, tags, waiting)
    return plan_track(item, articles, waiting, assessments)


def _keep(result, into: list, problems: list[Problem]) -> bool:
    """Keep a built object, or record its problems; False when it did not build."""
    if isinstance(result, list):
        problems.extend(result)
        return False
    into.append(result)
    return True
