"""A "Mark as read" box clicked at a moment its state is changing: the moment a page opens,
while the code that reads the journal is still on its way (held back here by a slow response
for marks.js), or while another tab changes the mark. The click does what the reader meant,
and the box and the stored journal agree with it."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

ARTICLE = "small-steps"  # program.py
HOLD_MS = 1500
MARKS = "**/javascripts/rp/marks.js*"


def open_slowly(page: Page, url: str) -> None:
    """Opens `url` with marks.js (the store's binding to the boxes) answered HOLD_MS late."""

    def late(route) -> None:
        page.wait_for_timeout(HOLD_MS)
        route.continue_()

    page.route(MARKS, late)
    page.goto(url, wait_until="commit")


def stored_read(page: Page) -> dict:
    return json.loads(page.evaluate("localStorage.getItem('reading-program')") or "{}")["read"]


def store_read(page: Page, program_url: str, slugs: list[str]) -> None:
    page.goto(program_url)
    read = {slug: {"hash": "whatever", "at": "2026-12-01T09:00:00.000Z"} for slug in slugs}
    data = {"version": 1, "answers": {}, "assessments": {}, "read": read}
    page.evaluate("data => localStorage.setItem('reading-program', JSON.stringify(data))", data)


@pytest.mark.parametrize("was_read", [False, True], ids=["marking", "unmarking"])
def test_a_click_before_the_journal_is_shown_does_what_the_reader_meant(
    page: Page, program_url: str, was_read: bool
) -> None:
    # Something else is read, so the page has a journal to read before it knows this mark.
    store_read(page, program_url, ["first-look", ARTICLE] if was_read else ["first-look"])
    open_slowly(page, f"{program_url}articles/{ARTICLE}/")
    box = page.get_by_label("Mark as read").first
    box.click()  # as soon as it can be clicked
    expect(page.locator(".rp-read[aria-busy]")).to_have_count(0)
    expect(box).to_be_checked(checked=not was_read)
    page.wait_for_selector("[data-rp-article][data-rp-shown='yes']", state="attached")
    expect(box).to_be_checked(checked=not was_read)  # still, now the journal is shown
    assert (ARTICLE in stored_read(page)) is not was_read
    page.unroute(MARKS)
    page.reload()
    expect(page.get_by_label("Mark as read").first).to_be_checked(checked=not was_read)


def test_a_first_tick_is_kept_when_the_reader_leaves_at_once(page: Page, program_url: str) -> None:
    """No journal yet: the box waits until the code that stores a tick has loaded, so a tick
    made the moment the box can be clicked, and the page left straight after, is kept."""
    open_slowly(page, f"{program_url}articles/{ARTICLE}/")
    page.get_by_label("Mark as read").first.check()  # as soon as it can be clicked
    page.goto(program_url)  # at once: nothing waits for a save
    stored = json.loads(page.evaluate("localStorage.getItem('reading-program')") or "{}")
    assert ARTICLE in stored.get("read", {})


@pytest.mark.parametrize("was_read", [False, True], ids=["marking", "unmarking"])
def test_a_press_the_other_tab_overtakes_still_does_what_the_reader_meant(
    page: Page, program_url: str, was_read: bool
) -> None:
    """The box changes under a press (another tab changed the mark meanwhile): the release
    does what the box showed when it was pressed, not the opposite of the new state."""
    store_read(page, program_url, ["first-look", ARTICLE] if was_read else ["first-look"])
    url = f"{program_url}articles/{ARTICLE}/"
    page.goto(url)
    box = page.get_by_label("Mark as read").first
    expect(box).to_be_checked(checked=was_read)
    other = page.context.new_page()
    other.goto(url)
    other_box = other.get_by_label("Mark as read").first
    expect(other_box).to_be_checked(checked=was_read)

    area = box.bounding_box()
    page.mouse.move(area["x"] + area["width"] / 2, area["y"] + area["height"] / 2)
    page.mouse.down()
    other_box.click()  # the other tab gets there first
    expect(box).to_be_checked(checked=not was_read)  # shown here while the press lasts
    page.mouse.up()

    expect(box).to_be_checked(checked=not was_read)
    assert (ARTICLE in stored_read(page)) is not was_read
    other.reload()
    expect(other.get_by_label("Mark as read").first).to_be_checked(checked=not was_read)
