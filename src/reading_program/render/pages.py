"""Which pages the site gets from the library, and the navigation."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..load.paths import RepoPath
from ..model import Cohort, Library, Track, Week
from . import catalogue
from .browser_data.islands import (
    cohort_data,
    journal_data_files,
    workbook_cohorts_data,
)
from .browser_data.plan_form import plan_data_file
from .calendar import cohort_calendar
from .cohort_weeks import break_text, subscribe_href
from .dates import long_range
from .guides import AGENDA, discussion_questions
from .html_blocks import PageText
from .mail import draft
from .messages import Message, cohort_messages
from .templating import render_page
from .urls import (
    ARTICLES_INDEX,
    COHORTS_INDEX,
    HOME,
    JOURNAL,
    OFFLINE_WORKER,
    TAGS_INDEX,
    TRACKS_INDEX,
    article_src,
    assessment_src,
    calendar_src,
    cohort_src,
    cohort_workbook_src,
    finish_src,
    guide_src,
    letter_src,
    offline_list_src,
    plan_data_src,
    relative_href,
    reminders_src,
    tag_src,
    track_src,
    week_src,
    workbook_src,
)
from .workbook import assessment_columns


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    text: PageText  # its Markdown, HTML blocks set apart
    source: RepoPath | None = None  # the content file it is made from, to edit
    in_nav: bool = True

    @property
    def markdown(self) -> str:
        """The page as one Markdown text (what a plain MkDocs would build)."""
        return self.text.inlined()


@dataclass(frozen=True)
class GeneratedAsset:
    """A file published as is, such as a cohort's calendar feed."""

    src_uri: str
    content: bytes


def generate_pages(
    library: Library, site_url: str, messages: Mapping[str, tuple[Message, ...]]
) -> list[GeneratedPage]:
    """Every generated page; `messages`: each cohort's weekly messages by its id
    (`all_cohort_messages`), rendered once for the pages and the assets."""
    letters = catalogue.letters(library.articles)
    if len(library.articles) <= catalogue.ONE_PAGE:
        letters = ()
    pages = [
        GeneratedPage(
            ARTICLES_INDEX,
            render_page("articles.md.j2", ARTICLES_INDEX, library=library, letters=letters),
        ),
        *_letter_pages(letters),
        *_tag_pages(library),
        GeneratedPage(TRACKS_INDEX, render_page("tracks.md.j2", TRACKS_INDEX, library=library)),
        GeneratedPage(
            JOURNAL,
            render_page("journal.md.j2", JOURNAL, assessments=library.assessments),
        ),
    ]
    for assessment in library.assessments:
        src = assessment_src(assessment)
        text = render_page("assessment.md.j2", src, assessment=assessment)
        pages.append(GeneratedPage(src, text, source=assessment.repo_path))
    for article in library.articles:
        src = article_src(article)
        placements = library.placements(article.slug)
        tags = [catalogue.TagLink(tag, library.tag_title(tag)) for tag in article.tags]
        text = render_page(
            "article.md.j2",
            src,
            article=article,
            placements=placements,
            tags=tags,
        )
        pages.append(GeneratedPage(src, text, source=article.repo_path, in_nav=False))
    for track in library.tracks:
        pages += _track_pages(library, track)
    cohorts_index = render_page(
        "cohorts.md.j2", COHORTS_INDEX, library=library, date_range=long_range
    )
    pages.append(GeneratedPage(COHORTS_INDEX, cohorts_index))
    for cohort in library.cohorts:
        pages += cohort_pages(cohort, messages[cohort.id], site_url)
    pages += workbook_pages(library)
    return pages


def all_cohort_messages(library: Library, site_url: str) -> dict[str, tuple[Message, ...]]:
    return {cohort.id: cohort_messages(cohort, site_url) for cohort in library.cohorts}


def cohort_pages(
    cohort: Cohort, messages: tuple[Message, ...], site_url: str
) -> list[GeneratedPage]:
    """A cohort's page (schedule, messages, calendar, team progress) and its workbook;
    `messages`: one for each week of its schedule."""
    src = cohort_src(cohort)
    text = render_page(
        "cohort.md.j2",
        src,
        cohort=cohort,
        track=cohort.track,
        messages=messages,
        data=cohort_data(cohort),
        subscribe=subscribe_href(cohort, site_url),
        break_text=break_text,
    )
    workbook = _workbook_page(
        cohort_workbook_src(cohort),
        cohort.track,
        tuple(scheduled.week for scheduled in cohort.schedule),
        cohort.repo_path,
        cohort=cohort,
        cover=tuple(message.week for message in messages),
        break_text=break_text,
        workbooks=None,
    )
    return [GeneratedPage(src, text, source=cohort.repo_path, in_nav=False), workbook]


def _track_pages(library: Library, track: Track) -> list[GeneratedPage]:
    """A track's overview, its weeks with their discussion guides, and its finish page.
    Each names the journal's data file (`data-rp-journal`), for the track a participant
    follows."""
    context = {"track": track}
    src = track_src(track)
    offline = {"offline_src": offline_list_src(track), "offline_worker": OFFLINE_WORKER}
    text = render_page("track.md.j2", src, plan_src=plan_data_src(track), **offline, **context)
    pages = [GeneratedPage(src, text, source=track.repo_path)]
    for week in track.weeks:
        src = week_src(track, week)
        text = render_page("week.md.j2", src, week=week, **context)
        pages.append(GeneratedPage(src, text, source=track.repo_path))
        pages.append(_guide_page(track, week))
    src = finish_src(track)
    others = [other for other in library.tracks if other is not track]
    text = render_page("finish.md.j2", src, others=others, **context)
    pages.append(GeneratedPage(src, text, source=track.repo_path, in_nav=False))
    return pages


def workbook_pages(library: Library) -> list[GeneratedPage]:
    """Per track, the whole track on one printable page; its cover can show the dated
    schedule of any cohort reading the track. Out of the navigation (linked from the
    track, its cohorts and its discussion guides) and out of search (see the template)."""
    cohorts: dict[str, list[Cohort]] = {}
    for cohort in library.cohorts:
        cohorts.setdefault(cohort.track.id, []).append(cohort)
    pages = []
    for track in library.tracks:
        src = workbook_src(track)
        workbooks = workbook_cohorts_data(
            cohorts.get(track.id, ()), lambda to, src=src: relative_href(src, to)
        )
        pages.append(
            _workbook_page(
                src, track, track.weeks, track.repo_path, cohort=None, workbooks=workbooks
            )
        )
    return pages


def _workbook_page(
    src: str, track: Track, weeks: Sequence[Week], source: RepoPath, **context: Any
) -> GeneratedPage:
    """A workbook: `weeks` of `track` on one printable page, out of the navigation."""
    columns = assessment_columns(track)
    text = render_page("workbook.md.j2", src, track=track, weeks=weeks, columns=columns, **context)
    return GeneratedPage(src, text, source=source, in_nav=False)


def _letter_pages(letters: tuple[catalogue.Letter, ...]) -> list[GeneratedPage]:
    pages = []
    for index, letter in enumerate(letters):
        src = letter_src(letter.key)
        previous = letters[index - 1] if index else None
        following = letters[index + 1] if index + 1 < len(letters) else None
        text = render_page(
            "articles_letter.md.j2", src, letter=letter, previous=previous, following=following
        )
        pages.append(GeneratedPage(src, text, in_nav=False))
    return pages


def _tag_pages(library: Library) -> list[GeneratedPage]:
    """A page per tag listing its articles: the chips on articles link there."""
    pages = []
    for tag in catalogue.tag_pages(library):
        src = tag_src(tag.slug)
        pages.append(GeneratedPage(src, render_page("tag.md.j2", src, tag=tag), in_nav=False))
    return pages


def _guide_page(track: Track, week: Week) -> GeneratedPage:
    src = guide_src(track, week)
    questions = discussion_questions(week)
    text = render_page(
        "guide.md.j2", src, track=track, week=week, questions=questions, agenda=AGENDA
    )
    return GeneratedPage(src, text, source=track.repo_path, in_nav=False)


def generate_assets(
    library: Library, site_url: str, messages: Mapping[str, tuple[Message, ...]]
) -> list[GeneratedAsset]:
    """The journal's data files; per track, the data of its plan form; per cohort: its
    calendar feed (`.ics`), the same with reminders to download, and a draft e-mail
    (`.eml`, no recipient) per week, with absolute links built from `site_url`."""
    assets = [GeneratedAsset(src, data) for src, data in journal_data_files(library)]
    assets += [GeneratedAsset(plan_data_src(t), plan_data_file(t)) for t in library.tracks]
    for cohort in library.cohorts:
        assets.append(GeneratedAsset(calendar_src(cohort), cohort_calendar(cohort, site_url)))
        with_reminders = cohort_calendar(cohort, site_url, reminders=True)
        assets.append(GeneratedAsset(reminders_src(cohort), with_reminders))
        assets += [
            GeneratedAsset(message.week.draft_src, draft(cohort, message))
            for message in messages[cohort.id]
        ]
    return assets


def navigation(library: Library, extra_pages: list[tuple[str, str | None]]) -> list[Any]:
    """MkDocs `nav` config: a constant-size sidebar however many articles there are.

    Articles are reached from the articles index, tracks and tags, never listed one by
    one. Every entry has its title: a page that a dirty build does not rebuild has no
    other (its source is not read), and its neighbours would say "Previous: None".
    Titles are HTML-escaped because themes print nav titles unescaped.
    """
    tracks: list[Any] = [{"Tracks": TRACKS_INDEX}]
    for track in library.tracks:
        weeks = [
            {_nav_title(f"Week {week.number}: {week.title}"): week_src(track, week)}
            for week in track.weeks
        ]
        tracks.append(
            {_nav_title(track.title): [{_nav_title(track.title): track_src(track)}, *weeks]}
        )
    extra = [{_nav_title(title): src} if title else src for src, title in extra_pages]
    return [
        {"Home": HOME},
        {"Tracks": tracks},
        {"Articles": ARTICLES_INDEX},
        *({_nav_title(a.title): assessment_src(a)} for a in library.assessments),
        {"My journal": JOURNAL},
        {"Cohorts": COHORTS_INDEX},
        *extra,
        {"Tags": TAGS_INDEX},
    ]


def _nav_title(text: str) -> str:
    return html.escape(text, quote=True)
