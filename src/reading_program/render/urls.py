"""Source paths and URLs of the site's pages.

Other work links to the URLs these produce (`/articles/<slug>/`, `/tracks/<id>/week-<n>/`),
so they are part of the contract. Source paths are MkDocs' `src_uri`s; URLs follow its
default `use_directory_urls`.
"""

from __future__ import annotations

import posixpath

from ..model import Article, Assessment, Cohort, ScheduledWeek, Track, Week

HOME = "index.md"
ARTICLES_INDEX = "articles/index.md"
TRACKS_INDEX = "tracks/index.md"
TAGS_INDEX = "tags.md"
JOURNAL = "journal.md"
COHORTS_INDEX = "cohorts/index.md"


def article_src(article: Article) -> str:
    return f"articles/{article.slug}.md"


def tag_src(slug: str) -> str:
    return f"tags/{slug}.md"


def letter_src(letter: str) -> str:
    """A page of the A to Z, for libraries too large for one page (see catalogue)."""
    return f"articles/a-z/{letter}.md"


def assessment_src(assessment: Assessment) -> str:
    return f"assessments/{assessment.id}.md"


def _in_track(track: Track, name: str) -> str:
    """A file in the track's folder, whose index page is the track's overview."""
    return f"tracks/{track.id}/{name}"


def track_src(track: Track) -> str:
    return _in_track(track, "index.md")


def week_src(track: Track, week: Week) -> str:
    return _in_track(track, f"week-{week.number}.md")


def guide_src(track: Track, week: Week) -> str:
    return _in_track(track, f"week-{week.number}/guide.md")


def workbook_src(track: Track) -> str:
    """The whole track on one printable page (not in the navigation)."""
    return _in_track(track, "workbook.md")


def finish_src(track: Track) -> str:
    """The end of a track: what changed, the journal to keep, the next track (not in the
    navigation; linked from the last week and the track's card once it is complete)."""
    return _in_track(track, "finish.md")


def plan_data_src(track: Track) -> str:
    """The data the track's plan form reads (render/browser_data/plan_form.py)."""
    return _in_track(track, "plan.json")


def cohort_src(cohort: Cohort) -> str:
    return f"cohorts/{cohort.id}.md"


def calendar_src(cohort: Cohort) -> str:
    """The cohort's calendar feed, to subscribe to."""
    return f"cohorts/{cohort.id}.ics"


def _in_cohort(cohort: Cohort, name: str) -> str:
    """A file in the cohort's folder, under its page's URL. A file to download carries the
    cohort's id in its name, which it keeps once saved."""
    return f"cohorts/{cohort.id}/{name}"


def cohort_workbook_src(cohort: Cohort) -> str:
    """The track's workbook as the cohort reads it, its dated schedule on the cover."""
    return _in_cohort(cohort, "workbook.md")


def reminders_src(cohort: Cohort) -> str:
    """The cohort's calendar as a file to download, each week with a reminder."""
    return _in_cohort(cohort, f"{cohort.id}-reminders.ics")


def draft_src(cohort: Cohort, scheduled: ScheduledWeek) -> str:
    """A week's message as an e-mail draft."""
    return _in_cohort(cohort, f"{cohort.id}-week-{scheduled.number}.eml")


def relative_path(target: str, start: str) -> str:
    """`posixpath.relpath` for the site's own relative, normalised paths, without its
    look at the working directory: pages make thousands of links to each other."""
    to = [part for part in target.split("/") if part and part != "."]
    base = [part for part in start.split("/") if part and part != "."]
    common = 0
    for ours, theirs in zip(to, base, strict=False):
        if ours != theirs:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def relative_link(from_src: str, to_src: str) -> str:
    """A Markdown link target from one page's source path to another's."""
    target_dir, target_name = posixpath.split(to_src)
    start = posixpath.dirname(from_src) or "."
    return posixpath.join(relative_path(target_dir or ".", start), target_name)


def directory_url(src: str) -> str:
    """The URL path MkDocs gives a source file with `use_directory_urls` (the default);
    `README.md` is a folder's index page, as `index.md` is."""
    if not src.endswith(".md"):
        return src  # a static file keeps its name
    folder, name = posixpath.split(src.removesuffix(".md"))
    if name in ("index", "README"):
        return f"{folder}/" if folder else ""
    return f"{folder}/{name}/" if folder else f"{name}/"


def output_path(src: str) -> str:
    """The file MkDocs writes for a source file: two sources with one output path would
    publish one of them at the other's address."""
    if not src.endswith(".md"):
        return src
    return f"{directory_url(src)}index.html"


def relative_href(from_src: str, to_src: str) -> str:
    """An href from one page to another for raw HTML, where MkDocs rewrites nothing."""
    base = directory_url(from_src) or "."
    target = directory_url(to_src)
    if not to_src.endswith(".md"):
        return relative_path(target, base)
    relative = relative_path(target or ".", base)
    return "./" if relative == "." else f"{relative}/"


def page_url(site_url: str, src: str) -> str:
    """The absolute URL of a page, from its source path."""
    return site_url.rstrip("/") + "/" + directory_url(src)


# Reading offline (render/offline.py): the service worker, and the folder of the tracks'
# lists, the manifest's icons and the page for what is not kept.
OFFLINE_WORKER = "offline-worker.js"  # at the root: its scope is the whole site
OFFLINE_FOLDER = "offline"


def offline_list_src(track: Track) -> str:
    """The build's list of what a track needs offline (render/offline.py)."""
    return f"{OFFLINE_FOLDER}/{track.id}.json"
