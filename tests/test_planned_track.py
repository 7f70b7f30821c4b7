"""Tracks planned from tags: order kept, reading time balanced, deterministic."""

from __future__ import annotations

import datetime as dt

import pytest
from site_helpers import loaded, make_article

from reading_program.load.problems import Problems
from reading_program.model import Article, Track
from reading_program.plan.planned_track import (
    balanced_sizes,
    dominant_tag,
    plan_from_tags,
    reading_order,
    smallest_longest_week,
)
from reading_program.plan.track_inputs import TrackInputs


def article(slug: str, minutes: int, tags: str = "coaching", **extra) -> Article:
    return make_article(slug, reading_minutes=minutes, tags=tuple(tags.split()), **extra)


@pytest.mark.parametrize(
    ("minutes", "weeks", "sizes"),
    [
        pytest.param([5, 5, 5, 5], 4, [1, 1, 1, 1], id="one-each"),
        pytest.param([5, 5, 5, 5, 5, 5, 5, 5], 4, [2, 2, 2, 2], id="even"),
        pytest.param([2, 2, 2, 2, 2, 2, 12], 3, [3, 3, 1], id="long-article-alone"),
        pytest.param([30, 1, 1, 1], 2, [1, 3], id="very-long-first"),
        pytest.param([3, 3, 3], 3, [1, 1, 1], id="as-many-articles-as-weeks"),
        pytest.param([4, 4, 4, 4, 4], 2, [3, 2], id="tie-goes-to-earlier-week"),
        pytest.param([1, 1, 1, 1, 1, 1, 1, 1, 1, 9], 2, [9, 1], id="heavy-tail"),
    ],
)
def test_balanced_sizes(minutes: list[int], weeks: int, sizes: list[int]) -> None:
    assert balanced_sizes(minutes, weeks) == sizes
    assert sum(sizes) == len(minutes) and all(size >= 1 for size in sizes)


@pytest.mark.parametrize("weeks", [1, 2, 3, 5, 8])
def test_no_week_is_longer_than_the_best_possible_longest_week(weeks: int) -> None:
    minutes = [7, 3, 9, 2, 2, 8, 5, 1, 6, 4, 3, 10]
    sizes = balanced_sizes(minutes, weeks)
    loads, start = [], 0
    for size in sizes:
        loads.append(sum(minutes[start : start + size]))
        start += size
    assert max(loads) == smallest_longest_week(minutes, weeks)


def spec(**fields):
    text = "title: T\nsummary: S.\nselect: {tags: [coaching]}\nweeks: 2\nminutes_per_week: 10\n"
    for key, value in fields.items():
        text = (
            text.replace(f"{key}: ", f"{key}: {value} #", 1)
            if f"{key}: " in text
            else text + f"{key}: {value}\n"
        )
    return loaded("track", text)


def plan(articles: list[Article], **fields) -> Track | list:
    problems = Problems()
    track = plan_from_tags(spec(**fields), TrackInputs(articles), problems)
    return list(problems) if track is None else track


def test_order_is_level_then_date_then_title() -> None:
    articles = [
        article("z-intro", 3, title="Zeta", level=1),
        article("old", 3, title="Old", date=dt.date(2020, 1, 1)),
        article("a", 3, title="Alpha"),
        article("advanced", 3, title="Beta", level=3),
    ]
    assert [a.slug for a in sorted(articles, key=reading_order)] == [
        "z-intro",
        "advanced",
        "old",
        "a",
    ]


def test_selects_by_tags_excluding_some() -> None:
    articles = [
        article("one", 5),
        article("two", 5, tags="coaching sales"),
        article("three", 5, tags="listening"),
        article("four", 5),
    ]
    track = plan(articles, select="{tags: [coaching, listening], exclude_tags: [sales]}")
    assert isinstance(track, Track)
    assert [[a.slug for a in w.readings] for w in track.weeks] == [["four", "one"], ["three"]]
    assert track.notes == ()


def test_fewer_articles_than_weeks_is_an_error() -> None:
    result = plan([article("only", 5)], weeks=3)
    assert [str(p) for p in result] == [
        "content/tracks/t.yml:4: weeks: is 3, but 'select' matches only 1 article(s): "
        "lower 'weeks' or select more tags"
    ]


def test_unavoidably_long_week_is_reported_in_the_notes() -> None:
    track = plan([article("long", 40), article("short", 2)], minutes_per_week=10)
    assert isinstance(track, Track)
    assert [w.minutes for w in track.weeks] == [40, 2]
    assert track.notes == (
        "week 1 has 40 min, more than 50% over the 10-minute target; no order-keeping plan "
        "of these articles avoids it (split long articles, add weeks or raise the target)",
    )


def test_select_tag_no_article_carries_is_an_error() -> None:
    result = plan([article("a", 5), article("b", 5)], select="{tags: [coaching, nothing]}")
    assert [str(p) for p in result] == [
        "content/tracks/t.yml:3: select, tag 2: no article carries the tag 'nothing': "
        "tag an article with it, or remove it"
    ]


def test_themes_override_derived_titles_and_add_prompts() -> None:
    articles = [
        article("a", 5, tags="coaching listening"),
        article("b", 5, tags="coaching feedback"),
    ]
    track = plan(articles, themes='[{title: "Start here", prompts: ["What now?"]}]')
    assert isinstance(track, Track)
    assert [w.title for w in track.weeks] == ["Start here", "Feedback"]
    assert [q.text for q in track.weeks[0].prompts] == ["What now?"]
    assert track.weeks[1].intro == "1 reading on feedback, about 5 minutes."


def test_dominant_tag_prefers_frequent_then_distinctive_then_selected() -> None:
    week = [
        article("a", 1, tags="coaching listening sales"),
        article("b", 1, tags="coaching sales"),
    ]
    everything = [*week, article("c", 1, tags="coaching sales")]
    assert (
        dominant_tag(week, everything, ["coaching"]) == "coaching"
    )  # ties: rarer "sales"? no: equal
    assert dominant_tag(week[:1], everything, ["coaching"]) == "listening"


def test_same_input_same_plan() -> None:
    articles = [article(f"a{i}", minutes) for i, minutes in enumerate([3, 8, 2, 6, 4, 4, 9])]
    first = plan(articles, weeks=3)
    assert first == plan(list(reversed(articles)), weeks=3)


def test_an_unknown_assessment_is_named_as_for_a_listed_track() -> None:
    problems = Problems()
    inputs = TrackInputs([article("a", 5), article("b", 5)])
    assert plan_from_tags(spec(assessment="nope"), inputs, problems) is None
    assert [(p.field, p.message) for p in problems] == [
        (
            "assessment",
            "no assessment has the id 'nope'; known: none yet (add one in content/assessments/)",
        )
    ]
