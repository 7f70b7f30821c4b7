"""A rhythm of your own and your own words coming back (issue 18, sections 3 and 4), in real
Chromium on the tests' own program (program.py), the clock pinned: the weeks a participant
sets on the track page, the day each week opens on the week pages, Continue on that
calendar week after week, the calendar file with a reminder on each week (read back with
icalendar, across a change to summer time); from week 2 an earlier answer of theirs, and in
week 6 each week-1 answer beside a box for today's."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe
from icalendar import Calendar
from playwright.sync_api import Browser, BrowserContext, Page, expect
from program import SIX, WEEK_TITLES

WCAG_2_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
TRACK = f"tracks/{SIX}/"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
WEEK_1_PROMPT = "Which moment of week 1 taught you most?"
WEEK_2_PROMPT = "What will you do differently after week 2?"
README = Path(__file__).resolve().parents[2] / "readme"


def week_url(number: int) -> str:
    return f"{TRACK}week-{number}/"


@pytest.fixture
def context(browser: Browser) -> BrowserContext:
    """A browser in Berlin: the time zone a rhythm gets unless the participant names one."""
    context = browser.new_context(
        timezone_id="Europe/Berlin", accept_downloads=True, viewport=DESKTOP
    )
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    page = context.new_page()
    found: list[str] = []
    page.on("console", lambda m: m.type == "error" and found.append(m.text))
    page.on("pageerror", lambda e: found.append(str(e)))
    yield page
    assert not found, found


def stored(page: Page) -> dict:
    return json.loads(page.evaluate("localStorage.getItem('reading-program') || '{}'"))


def set_rhythm(
    page: Page, url: str, start: str, day: str = "", time: str = "", zone: str = ""
) -> None:
    page.goto(url + TRACK)
    rhythm = page.locator(".rp-rhythm")
    rhythm.get_by_text("Set your own weeks and reminders").click()
    rhythm.get_by_label("My week 1 starts on").fill(start)
    if day:
        rhythm.get_by_label("Reminder day").select_option(day)
    if time:
        rhythm.get_by_label("Reminder time").fill(time)
    if zone:
        rhythm.get_by_label("My time zone").fill(zone)
    rhythm.get_by_role("button", name="Save my weeks").click()
    expect(rhythm.get_by_role("heading", name="Your weeks")).to_be_visible()


def mark_done(page: Page, numbers: list[int]) -> None:
    """Weeks complete as the participant would leave them: readings read, one answer each,
    written into the journal the page keeps (then the page is opened afresh)."""
    track = json.loads(page.locator(".rp-track-data").get_attribute("data-rp-json"))
    journal = stored(page)
    for number in numbers:
        week = track["weeks"][number - 1]
        for reading in week["readings"]:
            journal["read"][reading["slug"]] = {
                "hash": reading["hash"],
                "at": "2027-01-01T09:00:00.000Z",
            }
        journal["answers"][week["questions"][0]] = {"text": f"Done in week {number}."}
    page.evaluate("j => localStorage.setItem('reading-program', JSON.stringify(j))", journal)


# ---- A rhythm of your own ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "start", "typed"),
    [
        ("Europe/Berlin", "2027-03-08", False),  # summer time from Sun 28 March
        ("America/New_York", "2027-03-01", True),  # from Sun 14 March
    ],
)
def test_add_to_my_calendar_reminds_each_week_at_the_chosen_time_in_the_chosen_zone(
    page: Page, program_url: str, zone: str, start: str, typed: bool
) -> None:
    page.clock.set_fixed_time("2027-02-20T10:00:00")
    page.goto(program_url + TRACK)
    expect(page.locator(".rp-rhythm").get_by_label("My time zone")).to_have_value("Europe/Berlin")
    set_rhythm(page, program_url, start, day="Wed", time="07:30", zone=zone if typed else "")
    assert stored(page)["tracks"][SIX]["rhythm"] == {
        "start": start,
        "day": "Wed",
        "time": "07:30",
        "zone": zone,
    }

    with page.expect_download() as download:
        page.get_by_role("button", name="Add to my calendar (.ics)").click()
    assert download.value.suggested_filename == f"{SIX}-my-weeks.ics"
    calendar = Calendar.from_ical(Path(download.value.path()).read_bytes())
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [
        f"Week {n}: {title} — Six Weeks of Practice" for n, title in enumerate(WEEK_TITLES, 1)
    ]
    first_wednesday = dt.date.fromisoformat(start) + dt.timedelta(days=2)
    offsets = set()
    for number, event in enumerate(events, 1):
        [alarm] = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
        fires = event.DTSTART + alarm["TRIGGER"].dt  # relative to the event's start
        assert event.DTSTART.tzinfo.key == zone, "in the chosen zone, named (TZID)"
        local = fires.astimezone(ZoneInfo(zone))
        assert (local.date(), local.hour, local.minute) == (
            first_wednesday + dt.timedelta(weeks=number - 1),
            7,
            30,
        )
        offsets.add(local.utcoffset())
    assert len(offsets) == 2, "the weeks cross a change to summer time, and keep 07:30"
    assert "BEGIN:VTIMEZONE" in Path(download.value.path()).read_text("utf-8")


def test_week_pages_say_when_each_week_opens_and_continue_follows_the_calendar(
    page: Page, program_url: str
) -> None:
    page.clock.set_fixed_time("2027-01-01T10:00:00")  # a Friday, before week 1
    set_rhythm(page, program_url, "2027-01-04")
    card = page.locator(".rp-resume")
    expect(card.locator(".rp-resume__where")).to_contain_text("Week 1 opens Monday 4 January")
    weeks = page.locator(".rp-rhythm__weeks li")
    expect(weeks).to_have_count(6)
    expect(weeks.nth(1)).to_have_text("Week 2 opens Monday 11 January · Courage")

    page.goto(program_url + week_url(2))
    expect(page.locator(".rp-opens")).to_have_text("○ Week 2 opens Monday 11 January.")

    # Week 2 of the calendar, nothing done: Continue leads to week 2, not to week 1.
    page.clock.set_fixed_time("2027-01-12T08:00:00")
    mark_done(page, [])
    page.goto(program_url + TRACK)
    page.goto(program_url + week_url(1))  # a journal with a reading read: the card shows
    page.get_by_label("Mark as read").first.check()
    page.goto(program_url + TRACK)
    expect(card.locator(".rp-resume__title")).to_have_text(f"Week 2 of 6: {WEEK_TITLES[1]}")
    expect(card.get_by_role("link", name="Continue: Follow Through · 2 min")).to_be_visible()
    expect(page.locator(".md-nav--primary a.rp-nav-current")).to_contain_text("Week 2")
    page.goto(program_url + week_url(2))
    expect(page.locator(".rp-opens")).to_have_text(
        "● Week 2 opened Monday 11 January: this is your week now."
    )

    # Weeks 1 and 2 complete in week 2: up to date, week 3 opens on Monday, never Continue past.
    mark_done(page, [1, 2])
    page.goto(program_url + TRACK)
    expect(card.locator(".rp-resume__title")).to_have_text("Up to date: week 2 of 6 complete")
    expect(card.locator(".rp-resume__where")).to_have_text("Week 3 opens Monday 18 January.")
    expect(card.get_by_role("link", name="Look ahead: week 3")).to_have_attribute("href", "week-3/")

    # Week 4 of the calendar with week 3 left undone: Continue leads to the open week 4...
    page.clock.set_fixed_time("2027-01-27T08:00:00")
    page.goto(program_url + TRACK)
    expect(card.locator(".rp-resume__title")).to_have_text(f"Week 4 of 6: {WEEK_TITLES[3]}")
    # ...and once it is complete, back to week 3, still open.
    mark_done(page, [4])
    page.goto(program_url)  # the home page's card says the same
    expect(page.locator(".rp-resume__title")).to_have_text(f"Week 3 of 6: {WEEK_TITLES[2]}")

    # Stopping the dates brings back the card as it was: the first incomplete week.
    page.clock.set_fixed_time("2027-02-10T08:00:00")
    page.goto(program_url + TRACK)
    page.get_by_role("button", name="Stop using my dates").click()
    expect(page.locator(".rp-rhythm__weeks")).to_have_count(0)
    expect(card.locator(".rp-resume__title")).to_have_text(f"Week 3 of 6: {WEEK_TITLES[2]}")
    assert "rhythm" not in stored(page)["tracks"][SIX]
    page.goto(program_url + week_url(2))
    expect(page.locator(".rp-week-status")).to_be_visible()
    expect(page.locator(".rp-opens")).to_be_hidden()


def test_a_zone_the_browser_does_not_know_is_refused_in_words(page: Page, program_url: str) -> None:
    page.goto(program_url + TRACK)
    rhythm = page.locator(".rp-rhythm")
    rhythm.get_by_text("Set your own weeks and reminders").click()
    rhythm.get_by_label("My week 1 starts on").fill("2027-03-01")
    rhythm.get_by_label("My time zone").fill("Mars/Olympus")
    rhythm.get_by_role("button", name="Save my weeks").click()
    expect(rhythm.get_by_role("status")).to_contain_text("“Mars/Olympus” is not a time zone")
    assert "rhythm" not in json.dumps(stored(page))


# ---- Your own words come back --------------------------------------------------------------


def answer(page: Page, url: str, question: str, text: str) -> None:
    page.goto(url)
    page.get_by_role("textbox", name=question).fill(text)
    expect(page.get_by_text("Saved ·").first).to_be_visible()


def test_last_week_you_wrote_brings_back_an_earlier_answer(page: Page, program_url: str) -> None:
    answer(page, program_url + week_url(1), WEEK_1_PROMPT, "Saying no to the Friday meeting.")
    page.goto(program_url + week_url(2))
    card = page.locator(".rp-last-week")
    expect(card.get_by_role("heading", name="Last week you wrote")).to_be_visible()
    expect(card.locator(".rp-last-week__question")).to_have_text(WEEK_1_PROMPT)
    expect(card.locator(".rp-last-week__text")).to_have_text("Saying no to the Friday meeting.")

    # Week 3: week 2 has no answer yet, so week 1's comes back, named as week 1's.
    page.goto(program_url + week_url(3))
    expect(card.get_by_role("heading", name="In week 1 you wrote")).to_be_visible()

    answer(page, program_url + week_url(2), WEEK_2_PROMPT, "Ask before I tell.\n<b>Always</b>.")
    page.goto(program_url + week_url(3))
    expect(card.get_by_role("heading", name="Last week you wrote")).to_be_visible()
    expect(card.locator(".rp-last-week__text")).to_have_text("Ask before I tell.\n<b>Always</b>.")
    assert card.locator("b").count() == 0, "the participant's words go in as text"

    # Continue the thought: to the box where that answer is, ready to add to.
    card.get_by_role("link", name="Continue the thought in week 2").click()
    expect(page).to_have_url(
        program_url + week_url(2) + "#week-six-weeks-2--differently-after-week-2"
    )
    expect(page.get_by_role("textbox", name=WEEK_2_PROMPT)).to_have_value(
        "Ask before I tell.\n<b>Always</b>."
    )


def test_nothing_comes_back_when_there_is_nothing_earlier(page: Page, program_url: str) -> None:
    for path in (week_url(2), week_url(6)):  # no journal at all
        page.goto(program_url + path)
        page.wait_for_timeout(300)
        expect(page.locator(".rp-last-week")).to_be_hidden()
    expect(page.locator(".rp-now-again")).to_be_hidden()
    answer(page, program_url + week_url(3), "Which moment of week 3 taught you most?", "Later.")
    for path in (week_url(2), week_url(3)):  # a journal, nothing earlier answered
        page.goto(program_url + path)
        expect(page.locator(".rp-track-data[data-rp-shown]")).to_have_count(1)
        page.wait_for_timeout(300)
        expect(page.locator(".rp-last-week")).to_be_hidden()
        assert page.locator(".rp-last-week h2").count() == 0, "no empty heading"
    page.goto(program_url + week_url(6))  # week 3's answer comes back; no week-1 answer to compare
    expect(page.get_by_role("heading", name="In week 3 you wrote")).to_be_visible()
    expect(page.locator(".rp-now-again")).to_be_hidden()
    page.goto(program_url + week_url(4))
    expect(page.get_by_role("heading", name="Last week you wrote")).to_be_visible()


def test_week_6_sets_each_week_1_answer_beside_todays(page: Page, program_url: str) -> None:
    answer(page, program_url + week_url(1), WEEK_1_PROMPT, "Saying no to the Friday meeting.")
    page.goto(program_url + week_url(6))
    compare = page.locator(".rp-now-again")
    expect(compare.get_by_role("heading", name="Week 1 and now")).to_be_visible()
    items = compare.locator("li[data-rp-then]:visible")
    expect(items).to_have_count(1)
    expect(items.locator(".rp-then-now__text")).to_have_text("Saying no to the Friday meeting.")
    box = items.get_by_role("textbox", name=WEEK_1_PROMPT)
    expect(box).to_have_attribute("placeholder", "What would you write now?")
    box.fill("Saying yes, on purpose.")
    items.get_by_role("button", name="Save today's answer").click()
    expect(items.locator(".rp-then-now__text")).to_have_text(
        ["Saying no to the Friday meeting.", "Saying yes, on purpose."]
    )
    saved = stored(page)["answers"]["week-six-weeks-1/moment-week-1-taught"]
    assert saved["text"] == "Saying yes, on purpose."
    assert saved["first"]["text"] == "Saying no to the Friday meeting."
    page.goto(program_url + "journal/")  # a proper answer: the journal shows it
    expect(page.get_by_text("Saying yes, on purpose.")).to_be_visible()


# ---- Accessible, light and dark, desktop and phone; the pictures -------------------------


def around(page: Page, first: str, last: str) -> dict:
    """Screenshot options for the part of the page from `first` to the end of `last`."""
    top = page.locator(first).first.bounding_box()
    bottom = page.locator(last).first.bounding_box()
    scroll = page.evaluate("window.scrollY")
    y = max(top["y"] + scroll - 16, 0)
    x = max(min(top["x"], bottom["x"]) - 16, 0)
    width = (
        min(
            max(top["x"] + top["width"], bottom["x"] + bottom["width"]) + 16,
            page.viewport_size["width"],
        )
        - x
    )
    return {
        "full_page": True,
        "clip": {
            "x": x,
            "y": y,
            "width": width,
            "height": bottom["y"] + scroll + bottom["height"] + 16 - y,
        },
    }


def with_everything(page: Page, program_url: str) -> None:
    page.clock.set_fixed_time("2027-03-17T08:00:00")
    answer(page, program_url + week_url(1), WEEK_1_PROMPT, "Saying no to the Friday meeting.")
    answer(page, program_url + week_url(2), WEEK_2_PROMPT, "Ask before I tell, every time.")
    set_rhythm(page, program_url, "2027-03-08", day="Wed", time="07:30")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_rhythm_and_the_words_pass_axe(page: Page, program_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    with_everything(page, program_url)
    options = {"runOnly": {"type": "tag", "values": WCAG_2_A_AA}, "resultTypes": ["violations"]}
    for path, shown in (
        (TRACK, ".rp-rhythm__weeks"),
        (week_url(3), ".rp-last-week__card"),
        (week_url(6), ".rp-now-again li:visible"),
    ):
        page.goto(program_url + path)
        expect(page.locator(shown).first).to_be_visible()
        if path == TRACK:  # the form too, unfolded
            page.locator(".rp-rhythm__set summary").click()
        results = Axe().run(page, context="article", options=options)
        assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize(
    ("viewport", "scheme"),
    [(DESKTOP, "light"), (PHONE, "dark"), (PHONE, "light"), (DESKTOP, "dark")],
    ids=["desktop-light", "phone-dark", "phone-light", "desktop-dark"],
)
def test_pictures_of_the_rhythm_and_the_words(
    page: Page, program_url: str, tmp_path: Path, viewport: dict, scheme: str
) -> None:
    """Screenshots to look at (the README's come from desktop, light): the card and weeks
    on the track page, last week's words at the top of a week; nothing overflows a phone."""
    page.set_viewport_size(viewport)
    page.emulate_media(color_scheme=scheme)
    with_everything(page, program_url)
    name = f"{viewport['width']}-{scheme}"
    page.goto(program_url + TRACK)
    rhythm = page.locator(".rp-rhythm")
    expect(rhythm.locator(".rp-rhythm__weeks")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.screenshot(
        path=tmp_path / f"rhythm-track-{name}.png", **around(page, ".rp-resume", ".rp-rhythm")
    )
    page.goto(program_url + week_url(3))
    expect(page.locator(".rp-last-week__card")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    picture = around(page, "article h1", ".rp-last-week__card")
    page.screenshot(path=tmp_path / f"last-week-you-wrote-{name}.png", **picture)
    print(tmp_path)
