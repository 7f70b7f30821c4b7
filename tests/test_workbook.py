"""The workbook (`/tracks/<id>/workbook/`): the whole track on one printable page; a
cohort's own (`/cohorts/<id>/workbook/`) with its schedule on the cover, written at build
time; its links, and its place outside navigation and search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from builders import make_article, make_cohort, make_track, make_week
from site_helpers import SAMPLE, Site, article_text

from reading_program.load.paths import ContentPaths
from reading_program.plan.library import load_library
from reading_program.render.messages import cohort_messages
from reading_program.render.pages import cohort_pages
from reading_program.render.workbook import assessment_columns

SIX_WEEKS = "tracks/six-week-leadership/workbook/index.html"


def words(node) -> str:
    return " ".join(node.get_text(" ").split())


def test_one_column_per_week_that_takes_the_assessment() -> None:
    library = load_library(ContentPaths(SAMPLE))
    track = next(t for t in library.tracks if t.id == "six-week-leadership")
    headings = [column.heading for column in assessment_columns(track)]
    assert headings == ["Week 1: first time", "Week 6: retake"]
    plain = make_track("t", "T", [make_week(1, "One", [make_article("a")])])
    assert assessment_columns(plain) == ()  # no assessment, no form


def test_the_cover_has_every_date_written_out() -> None:
    track = make_track("t", "T", [make_week(n, f"W{n}", [make_article(f"a{n}")]) for n in (1, 2)])
    cohort = make_cohort(track, start="2027-01-25", skip=["2027-02-03"], lead="Dana")
    assert cover_rows(cohort) == [
        ["1", "W1", "Mon 25 Jan – Sun 31 Jan 2027", "Thu 28 Jan, 09:30 (Europe/Berlin)"],
        ["2", "W2", "Mon 8 Feb – Sun 14 Feb 2027", "Thu 11 Feb, 09:30 (Europe/Berlin)"],
    ]
    unmet = make_cohort(track, start="2027-01-25", meeting=None)
    assert [row[3] for row in cover_rows(unmet)] == ["–", "–"]


def cover_rows(cohort) -> list[list[str]]:
    """The schedule on the cover of `cohort`'s workbook, as the page's Markdown holds it."""
    site_url = "https://example.org/"
    _, workbook = cohort_pages(cohort, cohort_messages(cohort, site_url), site_url)
    cover = BeautifulSoup(workbook.markdown, "html.parser").select_one(".rp-workbook-cover")
    return [[words(cell) for cell in row.select("td")] for row in cover.select("tbody tr")]


COHORT = """\
team: "Ops North"
track: two-weeks
start: 2027-01-11
meeting: "Thu 09:30"
timezone: Europe/Berlin
skip: [{date: 2027-01-20, reason: "the sales kick-off"}]
lead: "Dana"
assigned:
  at: "2026-12-03T10:15:00Z"
  sequence: 0
  weeks:
    - {when: "2027-01-14T09:30+01:00", readings: [lead]}
    - {when: "2027-01-28T09:30+01:00", readings: [coach]}
"""


@pytest.mark.build
def test_a_cohort_workbook_is_printed_with_its_schedule_and_its_readings(site: Site) -> None:
    site.write("content/cohorts/ops-north.yml", COHORT)
    site.write("content/articles/brave.md", article_text("Brave", tags="[coaching]"))
    site.build()
    page = site.html("cohorts/ops-north/workbook")
    cover = page.select_one(".rp-workbook-cover")
    assert words(cover.select_one(".rp-workbook-team__name")) == "Ops North · led by Dana"
    rows = [[words(cell) for cell in row.select("td")] for row in cover.select("tbody tr")]
    assert rows == [
        ["1", "First", "Mon 11 Jan – Sun 17 Jan 2027", "Thu 14 Jan, 09:30 (Europe/Berlin)"],
        ["2", "Second", "Mon 25 Jan – Sun 31 Jan 2027", "Thu 28 Jan, 09:30 (Europe/Berlin)"],
    ]
    assert "No reading Mon 18 Jan – Sun 24 Jan 2027 (the sales kick-off)" in words(cover)
    week_2 = page.select("section.rp-workbook-week")[1]
    assert [words(r.strong) for r in week_2.select(".rp-workbook-reading")] == ["Coach"]
    track_week_2 = site.html("tracks/two-weeks/workbook").select("section.rp-workbook-week")[1]
    assert len(track_week_2.select(".rp-workbook-reading")) == 2, "the track has moved on"
    assert page.select_one("article a[href='workbook/']") is None
    cohort = site.html("cohorts/ops-north")
    assert cohort.select_one("article a[href='workbook/']").get_text() == "Print the workbook"
    track_workbook = site.html("tracks/two-weeks/workbook")
    island = json.loads(track_workbook.select_one(".rp-workbook-data")["data-rp-json"])
    assert island == {"cohorts": {"ops-north": "../../../cohorts/ops-north/workbook/"}}


@pytest.fixture(scope="module")
def six_weeks(repo_site) -> BeautifulSoup:
    return BeautifulSoup((repo_site.directory / SIX_WEEKS).read_text("utf-8"), "html.parser")


@pytest.mark.build
def test_every_question_of_every_week_is_on_the_workbook(six_weeks: BeautifulSoup) -> None:
    library = load_library(ContentPaths(SAMPLE))
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
    library = load_library(ContentPaths(SAMPLE))
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
def test_linked_from_the_track_its_guides_and_cohort_pages(repo_site) -> None:
    site = Path(repo_site.directory)

    def page(path: str) -> BeautifulSoup:
        return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "html.parser")

    assert page("tracks/six-week-leadership").select_one("article a[href='workbook/']")
    for n in range(1, 7):
        guide = page(f"tracks/six-week-leadership/week-{n}/guide")
        assert guide.select_one("article a[href='../../workbook/']"), n
    cohort = page("cohorts/sales-east")
    link = cohort.select_one("article a[href='workbook/']")
    assert link.get_text() == "Print the workbook"
    assert (site / "cohorts/sales-east/workbook/index.html").is_file()


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
    for path in ("tracks/two-weeks/workbook", "cohorts/east/workbook"):
        page = BeautifulSoup(site.raw_html(path), "html.parser")
        assert not page.find_all("img", src="x") and not page.find_all(attrs={"onerror": True})
        assert page.h1.get_text(strip=True).removesuffix("¶") == f"Two {hostile}"
    cover = site.html("cohorts/east/workbook").select_one(".rp-workbook-team__name")
    assert words(cover) == f"{hostile} · led by {hostile}"
