"""Content to library: every cross-file reference resolved, once, in dependency order."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

from ..load.cache import ParseCache
from ..load.drafts import without_drafts
from ..load.files import ARTICLE, ASSESSMENT, TRACK
from ..load.loader import Content, Loaded, load_content
from ..load.markdown_render import Renderer
from ..load.paths import ContentPaths
from ..load.problems import Problems
from ..load.specs import PlannedTrackFile, TrackFile
from ..model import Library, TagInfo, Track
from .articles import build_articles
from .assessments import build_assessment
from .cohorts import build_cohort
from .listed_track import plan_track
from .planned_track import plan_from_tags
from .track_inputs import TrackInputs

T = TypeVar("T")


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
    problems = Problems()
    library = build_library(content, problems, allow_unfinished=allow_unfinished)
    problems.raise_if_any()
    assert library is not None  # no problems: it built
    return library


def build_library(
    content: Content, problems: Problems, *, allow_unfinished: bool = False
) -> Library | None:
    """The library, or None with every problem added to `problems`. Placeholders that
    `reading-program new` wrote are problems unless `allow_unfinished` (for tools such as
    `assign`, which must not be blocked by an article someone is still writing), and in
    drafts, which are unfinished by definition."""
    before = len(problems)
    problems.extend(content.problems)
    if not allow_unfinished:
        problems.extend(
            p
            for kind in _KINDS
            for item in getattr(content, kind)
            if not _is_draft(item)
            for p in item.unfinished
        )
    tags = _tags(content, problems)
    articles = build_articles(content.articles, tags, problems)
    # Articles that exist but did not load (a broken file, an unknown tag) are "waiting":
    # checks that need every article hold back, so their own problems stand out.
    waiting = content.did_not_load(ARTICLE) | (
        {item.id for item in content.articles} - {article.slug for article in articles}
    )
    published = [article for article in articles if not article.draft]  # all but under serve
    assessments = _built(
        build_assessment(item, published, problems, unreadable=waiting)
        for item in content.assessments
    )
    broken_assessments = content.did_not_load(ASSESSMENT) | (
        {item.id for item in content.assessments} - {assessment.id for assessment in assessments}
    )
    inputs = TrackInputs(published, assessments, tags, waiting, broken_assessments)
    tracks: list[Track] = []
    unloaded_tracks = set(content.did_not_load(TRACK))
    for item in content.tracks:
        track = _plan(item, inputs, problems)
        if track is None:
            unloaded_tracks.add(item.id)
        else:
            tracks.append(track)
    unloaded = frozenset(unloaded_tracks)
    cohorts = _built(build_cohort(item, tracks, unloaded, problems) for item in content.cohorts)
    if len(problems) > before:
        return None
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


def _tags(content: Content, problems: Problems) -> list[TagInfo]:
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
            problems.add(content.tags.problem((slug, "title"), message))
        seen.setdefault(key, slug)
    return [
        TagInfo(slug, entries[slug].title, entries[slug].description) for slug in sorted(entries)
    ]


def _plan(
    item: Loaded[TrackFile | PlannedTrackFile], inputs: TrackInputs, problems: Problems
) -> Track | None:
    if isinstance(item.spec, PlannedTrackFile):
        return plan_from_tags(item, inputs, problems)
    return plan_track(item, inputs, problems)


def _built(results: Iterable[T | None]) -> list[T]:
    """What built; the rest added their problems to the collector."""
    return [result for result in results if result is not None]
