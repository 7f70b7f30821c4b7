"""What the build writes for a rhythm of one's own and one's own words coming back: the
track page's form (labelled, hidden until the script runs), the week pages' places for the
day a week opens and for an earlier answer, and in the last week each week-1 question, in
the same list the finish page has. What fills them is the browser's (tests/browser)."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from reading_program.render.calendar import reminder_triggers

TRACK = "tracks/six-week-leadership/"


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")


def test_the_track_page_offers_a_rhythm_of_ones_own(repo_site) -> None:
    html = page(repo_site.directory, TRACK)
    section = html.select_one("section.rp-rhythm[hidden]")
    assert section["data-rp-plan"] == "plan.json" and section["data-rp-root"] == "../../"
    assert section.find_previous("section", class_="rp-resume") is not None, "below the card"
    labels = [" ".join(label.get_text(" ").split()) for label in section.select("label")]
    assert [label.split(" Mon")[0] for label in labels] == [
        "My week 1 starts on",
        "Reminder day The day each week opens",
        "Reminder time",
        "My time zone",
    ]
    days = [option["value"] for option in section.select("select[name=day] option")]
    assert days == ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert section.select_one("input[name=start][type=date][required]")


def test_the_plan_data_carries_the_reminders_of_the_download(repo_site) -> None:
    data = json.loads((repo_site.directory / TRACK / "plan.json").read_text("utf-8"))
    assert data["reminders"] == reminder_triggers() == {"timed": "P0D", "all_day": "PT9H"}
    assert data["own_calendar_name"].endswith(": my reading weeks")


def test_week_pages_have_room_for_the_participants_dates_and_words(repo_site) -> None:
    first = page(repo_site.directory, f"{TRACK}week-1/")
    assert first.select_one(".rp-opens[hidden][data-rp-week='1']")
    assert first.select_one(".rp-last-week") is None, "nothing earlier to bring back in week 1"
    second = page(repo_site.directory, f"{TRACK}week-2/")
    slot = second.select_one(".rp-last-week[hidden]")
    assert slot["data-rp-week"] == "2" and slot["data-rp-css"].endswith("stylesheets/words.css")
    assert not slot.get_text(strip=True), "no heading until there is an answer to show"
    assert second.select_one(".rp-now-again") is None


def test_the_last_week_asks_each_week_1_question_again(repo_site) -> None:
    site = repo_site.directory
    last = page(site, f"{TRACK}week-6/").select_one("section.rp-now-again[hidden]")
    finish = page(site, f"{TRACK}finish/").select_one(".rp-then-now")
    keys = [item["data-rp-then"] for item in last.select("li[data-rp-then][hidden]")]
    assert keys == [item["data-rp-then"] for item in finish.select("li[data-rp-then]")]
    assert keys and all(key.startswith(("week-six-week-leadership-1/", "article-")) for key in keys)
    assert last.select_one("h2").get_text() == "Week 1 and now"
    assert page(site, f"{TRACK}week-5/").select_one(".rp-now-again") is None
