"""Weekly messages: plain text a lead can paste into mail or chat."""

from __future__ import annotations

import datetime as dt
import html as html_module
import re
from dataclasses import replace
from pathlib import Path

import pytest
from builders import THU_0930, make_article, make_cohort, make_track, make_week

import reading_program
from reading_program.model import (
    Article,
    Assessment,
    Cohort,
    Library,
    Meeting,
    Question,
    Statement,
)
from reading_program.plan.schedule import plan_breaks
from reading_program.render import mail, pages
from reading_program.render import messages as messages_module
from reading_program.render.cohort_weeks import announced_week, announced_weeks
from reading_program.render.dates import long_range, meeting_text, short_range
from reading_program.render.messages import Message, cohort_messages, week_message
from reading_program.render.urls import cohort_src

SITE = "https://example.org/"


def article(slug: str, title: str, minutes: int) -> Article:
    question = Question("r", "A reading's own question?")
    return make_article(slug, title=title, reading_minutes=minutes, reflection=(question,))


def week(number: int, title: str, readings: list[Article], prompts: list[str]):
    return make_week(number, title, readings, prompts, intro=f"Intro to {title.lower()}.")


TRACK = make_track(
    "six-week-leadership",
    "Six-Week Leadership",
    [
        week(1, "Leading, not just managing", [article("lead", "Lead", 6)], ["Where do you lead?"]),
        week(2, "Courage", [article("courage", "Courage", 4)], ["What scares you?"]),
        week(
            3,
            "Resistance and discipline",
            [article("war-of-art", "The War of Art", 4), article("selling", "Don't Take It", 5)],
            ["What form does Resistance take?", "Which rejection still stings?"],
        ),
    ],
)


def cohort(
    meeting: Meeting | None = THU_0930,
    lead: str | None = "Maria Rossi",
    message: str | None = "Welcome aboard! Block an hour a week.",
    team: str = "Sales East",
    skip: tuple[str, ...] = (),
    start: str = "2026-01-11",
    timezone: str = "Europe/Berlin",
) -> Cohort:
    return make_cohort(TRACK, start, meeting, timezone, skip, team, lead, message)


def messages(group: Cohort) -> tuple[Message, ...]:
    """One message per reading week, in order (break weeks get none)."""
    return cohort_messages(group, SITE)


def test_subject_names_team_track_week_dates_and_theme() -> None:
    assert [m.subject for m in messages(cohort())] == [
        "Sales East · Six-Week Leadership, week 1 (11–17 Jan): Leading, not just managing",
        "Sales East · Six-Week Leadership, week 2 (18–24 Jan): Courage",
        "Sales East · Six-Week Leadership, week 3 (25–31 Jan): Resistance and discipline",
    ]


def test_week_three_body() -> None:
    body = messages(cohort())[2].body
    assert body == (
        "Hello Sales East,\n"
        "\n"
        "This is week 3 of Six-Week Leadership: Resistance and discipline.\n"
        "Dates: Sun 25 Jan – Sat 31 Jan 2026\n"
        "Meeting: Thu 29 Jan, 09:30 (Europe/Berlin)\n"
        "\n"
        "Intro to resistance and discipline.\n"
        "\n"
        "Readings (9 min in all):\n"
        "- The War of Art (4 min)\n"
        "  https://example.org/articles/war-of-art/\n"
        "- Don't Take It (5 min)\n"
        "  https://example.org/articles/selling/\n"
        "\n"
        "Questions to think about this week:\n"
        "- What form does Resistance take?\n"
        "- Which rejection still stings?\n"
        "\n"
        "This week's page, with every reflection question:\n"
        "https://example.org/tracks/six-week-leadership/week-3/?cohort=sales-east\n"
        "\n"
        "See you on Thursday,\n"
        "Maria Rossi\n"
    )


def test_the_leads_note_is_in_week_one_only() -> None:
    bodies = [m.body for m in messages(cohort())]
    assert "A note from Maria Rossi:\nWelcome aboard! Block an hour a week.\n" in bodies[0]
    assert all("Welcome aboard" not in body for body in bodies[1:])


def test_without_meeting_lead_or_note() -> None:
    body = messages(cohort(meeting=None, lead=None, message=None))[0].body
    assert "Meeting:" not in body
    assert "A note" not in body
    assert body.endswith("\nEnjoy the reading,\nThe Reading Program\n")


def test_a_note_without_a_lead_is_from_your_lead() -> None:
    body = messages(cohort(lead=None))[0].body
    assert "A note from your lead:\nWelcome aboard!" in body


def test_meeting_is_local_time_across_dst() -> None:
    # Berlin changes to summer time on 29 Mar 2026, between week 2 and week 3.
    bodies = [m.body for m in messages(cohort(start="2026-03-16"))]
    meetings = [line for body in bodies for line in body.splitlines() if line.startswith("Meet")]
    assert meetings == [
        "Meeting: Thu 19 Mar, 09:30 (Europe/Berlin)",
        "Meeting: Thu 26 Mar, 09:30 (Europe/Berlin)",
        "Meeting: Thu 2 Apr, 09:30 (Europe/Berlin)",
    ]


def test_break_weeks_get_no_message_and_later_weeks_move() -> None:
    subjects = [m.subject for m in messages(cohort(skip=("2026-01-20",)))]
    assert [s.split("(")[1].split(")")[0] for s in subjects] == [
        "11–17 Jan",
        "25–31 Jan",
        "1–7 Feb",
    ]


def test_plain_text_is_not_html_escaped_and_the_subject_stays_one_line() -> None:
    group = cohort(team="R&D <West>\nTeam", message="Fish & chips <b>after</b>.")
    first = messages(group)[0]
    assert first.subject.startswith("R&D <West> Team · Six-Week Leadership, week 1")
    assert "\n" not in first.subject
    assert first.body.startswith("Hello R&D <West>\nTeam,\n")
    assert "Fish & chips <b>after</b>." in first.body
    assert "&amp;" not in first.body


def test_week_message_for_one_scheduled_week() -> None:
    group = cohort()
    message = week_message(group, announced_week(group, group.schedule[1], "https://example.org"))
    assert message.subject.endswith("week 2 (18–24 Jan): Courage")
    assert "https://example.org/articles/courage/" in message.body


@pytest.mark.parametrize(
    ("first", "last", "short", "long"),
    [
        ("2026-01-25", "2026-01-31", "25–31 Jan", "Sun 25 Jan – Sat 31 Jan 2026"),
        ("2026-01-29", "2026-02-04", "29 Jan – 4 Feb", "Thu 29 Jan – Wed 4 Feb 2026"),
        ("2026-12-28", "2027-01-03", "28 Dec – 3 Jan", "Mon 28 Dec 2026 – Sun 3 Jan 2027"),
        ("2028-02-23", "2028-02-29", "23–29 Feb", "Wed 23 Feb – Tue 29 Feb 2028"),
    ],
)
def test_date_ranges(first: str, last: str, short: str, long: str) -> None:
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    assert (short_range(start, end), long_range(start, end)) == (short, long)


def test_meeting_text() -> None:
    moment = dt.datetime.fromisoformat("2026-01-28T09:30+01:00")
    assert meeting_text(moment, "Europe/Berlin") == "Wed 28 Jan, 09:30 (Europe/Berlin)"


# ---- what the week holds: a break next, the self-assessment ------------------------------


def with_breaks(group: Cohort, reasons: dict[str, str] | None = None) -> Cohort:
    """The cohort's breaks, as the planner finds them, with a reason for some skip dates."""
    reasons = reasons or {}
    spans = plan_breaks(group.start, len(group.track.weeks), group.skip)
    named = tuple(
        replace(
            span,
            reason=next(
                (
                    r
                    for d, r in reasons.items()
                    if span.starts <= dt.date.fromisoformat(d) <= span.ends
                ),
                None,
            ),
        )
        for span in spans
    )
    return replace(group, breaks=named)


def test_the_week_before_a_break_says_so_with_its_reason_and_when_reading_resumes() -> None:
    # Week 1 from Sun 11 Jan 2026; 20 Jan is the kick-off: 18-24 Jan is a break.
    group = with_breaks(cohort(skip=("2026-01-20",)), {"2026-01-20": "the sales kick-off"})
    first, second, third = messages(group)
    assert (
        "week-1/?cohort=sales-east\n\nNo reading next week: the sales kick-off; week 2 starts "
        "Sun 25 Jan.\n\nA note from Maria Rossi:"
    ) in first.body
    assert "No reading" not in second.body + third.body
    assert (
        "<strong>No reading next week: the sales kick-off; week 2 starts Sun 25 Jan.</strong>"
        in (first.html)
    )


def test_two_breaks_in_a_row_are_counted_and_an_unnamed_break_is_a_break() -> None:
    group = with_breaks(cohort(skip=("2026-01-26", "2026-02-02")))
    body = messages(group)[1].body
    assert "No reading for the next 2 weeks: a break; week 3 starts Sun 8 Feb." in body


def test_weeks_that_take_the_self_assessment_say_so_with_its_link() -> None:
    statement = Statement("s1", "coaching", "I coach.")
    quiz = Assessment(
        "leader-or-manager", "content/assessments/x.yml", "Leader or manager?", "I.",
        make_article("lead"), ("No", "Yes"), (statement, statement), (),
    )  # fmt: skip
    asks = ("before", None, "after")
    weeks = [replace(w, assessment=a) for w, a in zip(TRACK.weeks, asks, strict=True)]
    group = replace(cohort(), track=replace(TRACK, weeks=tuple(weeks), assessment=quiz))
    group = replace(
        group,
        schedule=tuple(replace(s, week=w) for s, w in zip(group.schedule, weeks, strict=True)),
    )
    first, second, third = messages(group)
    assert (
        'Before you start: rate yourself on the self-assessment "Leader or manager?" '
        "(2 statements, a few minutes). You retake it at the end to see what changed:\n"
        f"{SITE}assessments/leader-or-manager/\n"
    ) in first.body
    assert "self-assessment" not in second.body
    assert (
        'Looking back: retake the self-assessment "Leader or manager?" and compare it with '
        f"your first result:\n{SITE}assessments/leader-or-manager/\n"
    ) in third.body
    assert f'<a href="{SITE}assessments/leader-or-manager/">Leader or manager?</a>' in third.html


def test_each_weeks_message_is_rendered_once_for_the_page_the_link_and_the_draft(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The cohort page, its mailto: links and its .eml drafts share one rendering a week,
    as the build renders them (the e-mail HTML is the costly part); shorter wordings only
    when a link is too long."""
    group = cohort()
    library = Library(
        articles=tuple(a for w in TRACK.weeks for a in w.readings),
        tracks=(TRACK,),
        cohorts=(group,),
    )
    html, text = [], []
    real_html, real_text = messages_module.render_html, messages_module.render_text
    monkeypatch.setattr(
        messages_module, "render_html", lambda *a, **k: html.append(a) or real_html(*a, **k)
    )
    monkeypatch.setattr(
        messages_module,
        "render_text",
        lambda *a, **k: text.append(k["detail"]) or real_text(*a, **k),
    )
    messages = pages.all_cohort_messages(library, SITE)
    page = next(
        p for p in pages.generate_pages(library, SITE, messages) if p.src_uri == cohort_src(group)
    )
    assets = {a.src_uri: a.content for a in pages.generate_assets(library, SITE, messages)}
    weeks = len(group.schedule)
    assert (len(html), text) == (weeks, ["full"] * weeks)
    for message in messages[group.id]:
        assert html_module.escape(message.mailto) in page.markdown
        assert message.mailto.startswith("mailto:?subject=")
        assert assets[message.week.draft_src] == mail.draft(group, message)
    # The messages are the ones rendered for a single week.
    alone = week_message(group, announced_weeks(group, SITE)[1])
    assert messages[group.id][1] == alone


def test_three_week_types_as_the_maintainers_guide_names_them() -> None:
    """A track's week, a week of a cohort's schedule, and that week as its team is told
    about it (page, calendar, messages): a fourth would say one of these a second time."""
    package = Path(reading_program.__file__).parent
    found = {
        name
        for path in package.rglob("*.py")
        for name in re.findall(r"^class (\w*Week)\b", path.read_text("utf-8"), re.M)
    }
    assert found == {"Week", "ScheduledWeek", "AnnouncedWeek"}
    guide = (package / "README.md").read_text("utf-8")
    assert all(f"`{name}`" in guide for name in found)
