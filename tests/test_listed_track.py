"""Which week reads which article: the documented, deterministic rule."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from site_helpers import loaded, make_article

from reading_program.load.problems import Problem, Problems
from reading_program.model import Article, Track
from reading_program.plan.listed_track import plan_track
from reading_program.plan.track_inputs import TrackInputs


def article(slug: str, tags: str, title: str | None = None, date: str | None = None) -> Article:
    day = dt.date.fromisoformat(date) if date else None
    return make_article(slug, tags=tuple(tags.split()), title=title or slug.title(), date=day)


def plan(weeks: list[dict], articles: list[Article]) -> Track | list[Problem]:
    text = yaml.safe_dump({"title": "T", "summary": "S.", "weeks": weeks}, sort_keys=False)
    problems = Problems()
    track = plan_track(loaded("track", text), TrackInputs(articles), problems)
    return list(problems) if track is None else track


def week(tags: list[str] | None = None, articles: list[str] | None = None, title: str = "W"):
    entry = {"title": title, "intro": "I.", "tags": tags or [], "prompts": ["Q?"]}
    if articles:
        entry["articles"] = articles
    return entry


def readings(track: Track | list[Problem]) -> list[list[str]]:
    assert isinstance(track, Track), track
    return [[a.slug for a in w.readings] for w in track.weeks]


def messages(result: Track | list[Problem]) -> list[str]:
    assert isinstance(result, list), result
    return [str(problem) for problem in result]


LIBRARY = [
    article("b-lead", "lead", title="Beta"),
    article("a-lead", "lead", title="Alpha"),
    article("old-lead", "lead", title="Zeta", date="2020-01-01"),
    article("coach", "coach"),
    article("both", "lead coach"),
]


@pytest.mark.parametrize(
    ("weeks", "articles", "expected"),
    [
        pytest.param(
            [week(["lead"])],
            LIBRARY[:3],
            [["old-lead", "a-lead", "b-lead"]],
            id="dated-first-then-by-title",
        ),
        pytest.param(
            [week(["lead"], articles=["b-lead"])],
            LIBRARY[:3],
            [["b-lead", "old-lead", "a-lead"]],
            id="pinned-first-in-given-order",
        ),
        pytest.param(
            [week(["lead"]), week(["coach"], articles=["both"])],
            LIBRARY,
            [["old-lead", "a-lead", "b-lead"], ["both", "coach"]],
            id="pinned-article-leaves-tag-matching",
        ),
        pytest.param(
            [week(articles=["coach"]), week(["lead"])],
            LIBRARY[:4],
            [["coach"], ["old-lead", "a-lead", "b-lead"]],
            id="week-of-pins-only",
        ),
        pytest.param(
            [week(["lead", "coach"])],
            LIBRARY,
            [["old-lead", "a-lead", "b-lead", "both", "coach"]],
            id="any-of-the-week-tags",
        ),
    ],
)
def test_plan(weeks: list[dict], articles: list[Article], expected: list[list[str]]) -> None:
    assert readings(plan(weeks, articles)) == expected


def test_same_input_same_plan_whatever_the_article_order() -> None:
    weeks = [week(["lead"]), week(["coach"])]
    assert readings(plan(weeks, LIBRARY[:4])) == readings(plan(weeks, LIBRARY[:4][::-1]))


@pytest.mark.parametrize(
    ("weeks", "articles", "expected"),
    [
        pytest.param(
            [week(["lead"], title="One"), week(["coach"], title="Two")],
            LIBRARY,
            "content/tracks/t.yml:12: week 2, tags: the article 'both' is tagged for week 1 (One) "
            "and week 2 (Two); a track reads an article once; pin it with 'articles:' in one week",
            id="claimed-by-two-weeks",
        ),
        pytest.param(
            [week(articles=["coach"], title="One"), week(articles=["coach"], title="Two")],
            LIBRARY,
            "content/tracks/t.yml:17: week 2, pinned article 1: the article 'coach' is pinned "
            "in week 1 (One) and week 2 (Two); a track reads an article once",
            id="pinned-twice",
        ),
        pytest.param(
            [week(["lead", "nobody-has-this"])],
            LIBRARY,
            "content/tracks/t.yml:8: week 1, tag 2: no article carries the tag 'nobody-has-this'",
            id="tag-no-article-carries",
        ),
        pytest.param(
            [week(["lead", "coahc"])],
            LIBRARY,
            (
                "content/tracks/t.yml:8: week 1, tag 2: no article carries the tag 'coahc'; did "
                "you mean 'coach'?"
            ),
            id="misspelled-week-tag",
        ),
        pytest.param(
            [week(articles=["missing"])],
            LIBRARY,
            "content/tracks/t.yml:10: week 1, pinned article 1: no article has the id 'missing'",
            id="unknown-pinned-slug",
        ),
        pytest.param(
            [week(articles=["a-lead", "b-lead", "old-lead"]), week(["lead"], title="Empty")],
            LIBRARY[:3],
            "content/tracks/t.yml:13: week 2: has nothing to read: give it tags or pinned articles",
            id="week-without-reading",
        ),
    ],
)
def test_plan_problems(weeks: list[dict], articles: list[Article], expected: str) -> None:
    reported = messages(plan(weeks, articles))
    assert any(line.startswith(expected) for line in reported), reported


def test_planned_week_sums_minutes_and_questions() -> None:
    track = plan([week(["lead"])], LIBRARY[:3])
    assert isinstance(track, Track)
    [first] = track.weeks
    assert first.minutes == 9
    assert track.minutes == 9
    assert [q.text for q in first.questions] == ["Q?"]
