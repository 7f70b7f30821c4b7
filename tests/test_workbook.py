"""The workbook (`/tracks/<id>/workbook/`): the whole track on one printable page, its
cover's cohort schedules, its links, and its place outside navigation and search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from builders import make_article, make_cohort, make_track, make_week
from site_helpers import REPO, Site

from reading_program.content.paths import ContentPaths
from reading_program.plan.library import load_library
from reading_program.site.workbook import assessment_columns, cover_data

SIX_WEEKS = "tracks/six-week-leadership/workbook/index.html"


def words(node) -> str:
    return " ".join(node.get_text(" ").split())


def test_one_column_per_week_that_takes_the_assessment() -> None:
    library = load_library(ContentPaths(REPO))
    track = next(t for t in library.tracks if t.id == "six-week-leadership")
    headings = [column.heading for column in assessment_columns(track)]
    assert headings == ["Week 1: first time", "Week 6: retake"]
    plain = make_track("t", "T", [make_week(1, "One", [make_article("a")])])
    assert assessment_columns(plain) == ()  # no assessment, no form


def test_the_cover_data_has_every_date_written_out() -> None:
    track = make_track("t", "T", [make_week(n, f"W{n}", [make_article(f"a{n}")]) for n in (1, 2)])
    cohort = make_cohort(track, start="2027-01-25", skip=["2027-02-03"], lead="Dana")
    (data,) = cover_data([cohort])["cohorts"]
    assert data["team"] == "Sales East" and data["lead"] == "Dana"
    assert data["breaks"] == ["Wed 3 Feb 2027"]
    assert [w["dates"] for w in data["weeks"]] == [
        "Mon 25 Jan – Sun 31 Jan 2027",
        "Mon 8 Feb – Sun 14 Feb 2027",  # after the break
    ]
    assert data["weeks"][0]["meeting"] == "Thu 28 Jan, 09:30 (Europe/Berlin)"


@pytest.fixture(scope="module")
def six_weeks(repo_site) -> BeautifulSoup:
    return BeautifulSoup((repo_site.directory / SIX_WEEKS).read_text("utf-8"), "html.parser")


@pytest.mark.build
def test_every_question_of_every_week_is_on_the_workbook(six_weeks: BeautifulSoup) -> None:
    library = load_library(ContentPaths(REPO))
    track = next(t for t in library.tracks if t.id == "six-week-leadership")
    sections = six_weeks.select("section.rp-workbook-week")
    assert len(sections) == len(track.weeks) == 6
    assert words(six_weeks.select_one(".rp-workbook-cover")).count(track.summary) == 1
    for week, section in zip(track.weeks, sections, strict=True):
        assert words(section.h2).startswith(f"Week {week.number}: {week.title}")
        assert week.intro in words(section)
        written = [words(li) for li in section.select("ol.rp-workbook-questions > li")]
        assert written == [q.text for q in week.questions]  # prompts, then each reading's
        for article in week.readings:
            reading = next(
                r for r in section.select(".rp-workbook-reading") if article.title in words(r)
            )
            assert f"{article.reading_minutes} min read" in words(reading)
            assert article.summary in words(reading)
    assert len(six_weeks.select("ol.rp-workbook-questions > li")) == sum(
        len(week.questions) for week in track.weeks
    )


@pytest.mark.build
def test_the_self_assessment_is_a_paper_form(six_weeks: BeautifulSoup) -> None:
    library = load_library(ContentPaths(REPO))
    assessment = library.assessments[0]
    form = six_weeks.select_one(".rp-workbook-assessment")
    assert form.h2.get_text(strip=True).startswith(assessment.title)
    rows = form.select(".rp-workbook-form tbody tr")
    statements = [words(row.th) for row in rows[:-1]]
    assert statements == [f"{i}. {s.text}" for i, s in enumerate(assessment.statements, 1)]
    for row in rows[:-1]:  # a scale to circle in each column: first time, retake
        cells = row.select("td")
        assert len(cells) == 2
        assert [words(cell) for cell in cells] == ["1 2 3 4 5"] * 2
    assert words(rows[-1].th).startswith("Total")
    for label in assessment.scale:
        assert label in words(form)
    for band in assessment.bands:
        assert f"{band.min}–{band.max}" in words(form) and band.outcome in words(form)
    callouts = six_weeks.select(".rp-workbook-week .rp-callout")
    assert [" ".join(c.get_text().split()) for c in callouts] == [
        "Before you start: rate the statements of the self-assessment at the end of this "
        "workbook, in its column Week 1.",
        "Look back: rate again the statements of the self-assessment at the end of this "
        "workbook, in its column Week 6, and compare.",
    ]


@pytest.mark.build
def test_the_cover_island_holds_the_cohorts_of_this_track(six_weeks: BeautifulSoup) -> None:
    island = json.loads(six_weeks.select_one(".rp-workbook-data")["data-rp-json"])
    assert [c["id"] for c in island["cohorts"]] == ["sales-east"]
    assert island["cohorts"][0]["weeks"][3]["dates"] == "Mon 8 Feb – Sun 14 Feb 2027"
    assert six_weeks.select_one(".rp-workbook-team").has_attr("hidden")  # until asked for


@pytest.mark.build
def test_linked_from_the_track_its_guides_and_cohort_pages(repo_site) -> None:
    site = Path(repo_site.directory)

    def page(path: str) -> BeautifulSoup:
        return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "html.parser")

    assert page("tracks/six-week-leadership").select_one("article a[href='workbook/']")
    for n in range(1, 7):
        guide = page(f"tracks/six-week-leadership/week-{n}/guide")
        assert guide.select_one("article a[href='../../workbook/']"), n
    cohort = page("cohorts/sales-east")
    link = cohort.select_one("article a[href$='workbook/?cohort=sales-east']")
    assert link["href"] == "../../tracks/six-week-leadership/workbook/?cohort=sales-east"
    assert (site / link["href"].replace("../../", "").split("?")[0] / "index.html").is_file()


@pytest.mark.build
def test_out_of_the_navigation_and_out_of_search(repo_site) -> None:
    site = Path(repo_site.directory)
    index = json.loads((site / "search/search_index.json").read_text("utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert any(location.startswith("tracks/six-week-leadership/week-1/") for location in locations)
    assert not any("workbook" in location for location in locations)
    track = BeautifulSoup(
        (site / "tracks/six-week-leadership/index.html").read_text("utf-8"), "html.parser"
    )
    assert not track.select("nav.md-nav a[href*='workbook']")


@pytest.mark.build
def test_names_and_texts_on_the_workbook_stay_text(site: Site) -> None:
    hostile = '<img src=x onerror="alert(1)"> & </script>'
    site.write(
        "content/cohorts/east.yml",
        f"team: {json.dumps(hostile)}\ntrack: two-weeks\nstart: 2027-03-01\n"
        f"lead: {json.dumps(hostile)}\n",
    )
    site.write(
        "content/tracks/two-weeks.yml",
        (site.root / "content/tracks/two-weeks.yml")
        .read_text("utf-8")
        .replace('title: "Two Weeks"', f"title: {json.dumps('Two ' + hostile)}"),
    )
    site.build()
    raw = site.raw_html("tracks/two-weeks/workbook")
    page = BeautifulSoup(raw, "html.parser")
    assert not page.find_all("img", src="x") and not page.find_all(attrs={"onerror": True})
    assert page.h1.get_text(strip=True).removesuffix("¶") == f"Two {hostile}"
    island = json.loads(page.select_one(".rp-workbook-data")["data-rp-json"])
    assert island["cohorts"][0]["team"] == hostile
    assert "</script>" not in raw.split("data-rp-json=")[1].split("'")[1]
