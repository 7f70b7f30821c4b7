"""A cohort's weeks as its page, workbook, calendar feed and messages announce them (dates
and meeting written out, links absolute)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, Break, Cohort, ScheduledWeek
from .dates import long_range, meeting_text
from .urls import article_src, assessment_src, calendar_src, draft_src, page_url, week_src


@dataclass(frozen=True)
class ReadingLink:
    title: str
    minutes: int
    url: str  # absolute


@dataclass(frozen=True)
class AssessmentLink:
    """The track's self-assessment, as a week asks for it: `when` is "before" or "after"."""

    when: str
    title: str
    statements: int
    url: str  # absolute


@dataclass(frozen=True)
class AnnouncedWeek:
    """One scheduled week as the cohort's page, workbook cover, calendar feed and messages
    tell the team about it: its dates and meeting as the site writes them, its links
    absolute."""

    scheduled: ScheduledWeek
    dates: str  # "Mon 11 Jan – Sun 17 Jan 2026"
    meeting: str | None  # "Thu 14 Jan, 09:30 (Europe/Berlin)"; None: the team does not meet
    readings: tuple[ReadingLink, ...]
    prompts: tuple[str, ...]
    url: str  # the week's page
    assessment: AssessmentLink | None  # taken (week 1) or retaken (the last week)
    draft_src: str  # the week's message as an .eml draft on the site

    @property
    def number(self) -> int:
        return self.scheduled.number

    @property
    def theme(self) -> str:
        return self.scheduled.week.title

    @property
    def intro(self) -> str:
        return self.scheduled.week.intro

    @property
    def minutes(self) -> int:
        return self.scheduled.week.minutes


def announced_weeks(cohort: Cohort, site_url: str) -> tuple[AnnouncedWeek, ...]:
    return tuple(announced_week(cohort, scheduled, site_url) for scheduled in cohort.schedule)


def announced_week(
    cohort: Cohort, scheduled: ScheduledWeek, site_url: str, *, published: bool = True
) -> AnnouncedWeek:
    """`published`: the cohort has a page, so the week's link names it (`?cohort=<id>`):
    a participant who follows it checks in as a member of this team."""
    week = scheduled.week
    url = page_url(site_url, week_src(cohort.track, week))
    assessment = cohort.track.assessment
    return AnnouncedWeek(
        scheduled=scheduled,
        dates=long_range(scheduled.starts, scheduled.ends),
        meeting=meeting_text(scheduled.meeting, cohort.timezone) if scheduled.meeting else None,
        readings=tuple(_reading(article, site_url) for article in week.readings),
        prompts=tuple(prompt.text for prompt in week.prompts),
        url=f"{url}?cohort={cohort.id}" if published else url,
        assessment=AssessmentLink(
            week.assessment,
            assessment.title,
            len(assessment.statements),
            page_url(site_url, assessment_src(assessment)),
        )
        if assessment and week.assessment
        else None,
        draft_src=draft_src(cohort, scheduled),
    )


def _reading(article: Article, site_url: str) -> ReadingLink:
    return ReadingLink(
        article.title, article.reading_minutes, page_url(site_url, article_src(article))
    )


def subscribe_href(cohort: Cohort, site_url: str) -> str | None:
    """The feed as a `webcal:` link, which calendar apps subscribe to (and so refresh);
    None when the site has no absolute address to name."""
    url = page_url(site_url, calendar_src(cohort))
    scheme, separator, rest = url.partition("://")
    return f"webcal://{rest}" if separator and scheme in {"http", "https"} else None


def break_text(pause: Break) -> str:
    """'Mon 1 Feb – Sun 7 Feb 2027 (the sales kick-off)'."""
    reason = f" ({pause.reason})" if pause.reason else ""
    return f"{long_range(pause.starts, pause.ends)}{reason}"
