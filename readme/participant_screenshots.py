"""The README's pictures of a participant's six weeks, taken in headless Chromium (Debian's,
never a download) from the repository's site, the clock pinned to a Monday:
`make screenshots`, or `.venv/bin/python readme/participant_screenshots.py [--out DIR |
--update-readme]` once the test tools are installed (readme/shots.py says what it needs).

Builds the site into a temporary folder, serves it on 127.0.0.1, stores a journal as a
participant's would be after some weeks, and writes resume-card.png, resume-card-phone.png,
week-page.png, week-page-dark-phone.png, journal-light.png, journal-dark-phone.png,
finish.png and finish-phone.png into build/screenshots/ (readme/ with --update-readme)."""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shots import take_pictures

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

REPO = Path(__file__).resolve().parent.parent
TRACK = "six-week-leadership"
ASSESSMENT = "leader-or-manager"
MONDAYS = ["2027-01-04", "2027-01-11", "2027-01-18", "2027-01-25", "2027-02-01", "2027-02-08"]
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}
WORDS = [
    "Mostly managing: status meetings and approvals. Two hours with people, at most.",
    "Coaching is my strongest; I avoid accountability talks and put them off.",
    "I told Dana what to do on the launch plan instead of asking what she would try.",
    "I said no to the extra project and explained why, the same day.",
    "Three of us agreed a written plan for the quarter; I follow up every Friday.",
    "I asked before answering in four one-to-ones; two people found their own way.",
]


class WeekPage(HTMLParser):
    """A week page's readings (data-rp-article on .rp-reading) and answer keys, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.readings: list[str] = []
        self.keys: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if "rp-reading" in (found.get("class") or "").split() and found.get("data-rp-article"):
            self.readings.append(found["data-rp-article"] or "")
        if found.get("data-rp-key"):
            self.keys.append(found["data-rp-key"] or "")


def weeks_of(site: Path) -> list[WeekPage]:
    pages = []
    for number in range(1, 7):
        parser = WeekPage()
        parser.feed((site / f"tracks/{TRACK}/week-{number}/index.html").read_text("utf-8"))
        pages.append(parser)
    return pages


ASPECTS = ("recruiting", "coaching", "accountability", "motivating", "leading-vs-managing")


def result(scores: tuple[int, ...], day: str, outcome: str) -> dict:
    return {
        "total": sum(scores),
        "max": 50,
        "outcome": outcome,
        "aspects": dict(zip(ASPECTS, scores, strict=True)),
        "ratings": {},
        "at": f"{day}T09:20:00.000Z",
    }


def journal(weeks: list[WeekPage], done: int, started: bool, ending: bool = False) -> dict:
    """After `done` complete weeks (readings read, the prompt answered on its Monday), and
    with `started`, the next week's first reading read. `ending`: the retake in week 6, and
    week 1's first prompt answered again."""
    answers, read = {}, {}
    for index, week in enumerate(weeks[:done]):
        day = MONDAYS[index]
        for slug in week.readings:
            read[slug] = {"hash": "", "at": f"{day}T08:30:00.000Z"}
        answers[week.keys[0]] = {
            "text": WORDS[index],
            "question": "",
            "source": f"Week {index + 1}",
            "updated": f"{day}T09:00:00.000Z",
        }
    if started and done < len(weeks):
        read[weeks[done].readings[0]] = {"hash": "", "at": f"{MONDAYS[done]}T08:30:00.000Z"}
    if done >= 1:
        answers[weeks[0].keys[1]] = {
            "text": WORDS[1],
            "question": "",
            "source": "Week 1",
            "updated": f"{MONDAYS[0]}T09:05:00.000Z",
        }
    history = {"before": result((6, 5, 4, 7, 5), MONDAYS[0], "Cause for Concern"), "retakes": []}
    if ending:
        history["retakes"].append(result((7, 9, 7, 8, 7), MONDAYS[5], "Seems under control"))
        first = answers[weeks[0].keys[0]]
        answers[weeks[0].keys[0]] = {
            **first,
            "first": {"text": first["text"], "updated": first["updated"]},
            "text": "Half and half now: I block Tuesday mornings for one-to-ones.",
            "updated": f"{MONDAYS[5]}T09:30:00.000Z",
        }
    return {
        "format": "reading-program-journal",
        "version": 3,
        "answers": answers,
        "read": read,
        "assessments": {ASSESSMENT: history},
        "tracks": {TRACK: {"followed": f"{MONDAYS[0]}T08:00:00.000Z"}},
    }


def open_with(page: Page, url: str, path: str, data: dict, scheme: str = "light") -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(url + "tags/")
    page.evaluate("d => localStorage.setItem('reading-program', JSON.stringify(d))", data)
    page.goto(url + path)
    page.wait_for_timeout(700)  # the views bound to the journal have run


def shoot(browser: Browser, url: str, site: Path, out: Path) -> None:
    weeks = weeks_of(site)
    for name, viewport, scheme in (("", DESKTOP, "light"), ("-phone", PHONE, "light")):
        page = browser.new_page(viewport=viewport, device_scale_factor=1)
        page.clock.set_fixed_time(f"{MONDAYS[2]}T10:00:00")
        open_with(page, url, "", journal(weeks, 2, True), scheme)
        page.locator(".rp-resume").scroll_into_view_if_needed()
        region = page.locator(".rp-resume")
        box = region.bounding_box()
        pad = 16
        page.screenshot(
            path=out / f"resume-card{name}.png",
            clip={
                "x": max(box["x"] - pad, 0),
                "y": max(box["y"] - 140, 0),
                "width": min(box["width"] + 2 * pad, viewport["width"]),
                "height": box["height"] + 140 + pad,
            },
        )
        page.close()
    # Week 3 on its Monday: one reading read, then the prompt answered: the week completes.
    for name, viewport, scheme in (("", DESKTOP, "light"), ("-dark-phone", PHONE, "dark")):
        page = browser.new_page(viewport=viewport)
        page.clock.set_fixed_time(f"{MONDAYS[2]}T10:00:00")
        data = journal(weeks, 2, True)
        data["read"][weeks[2].readings[1]] = {"hash": "", "at": f"{MONDAYS[2]}T09:40:00.000Z"}
        open_with(page, url, f"tracks/{TRACK}/week-3/", data, scheme)
        box = page.locator(".rp-reflection textarea.rp-answer").first
        box.fill("I put the hard conversation with Lee on Thursday's agenda, in writing.")
        box.blur()
        page.locator(".rp-toast").wait_for()
        page.wait_for_timeout(300)
        if name:  # a phone: the answer above the quiet word, at the screen's foot
            page.locator(".rp-reflection").evaluate("(node) => node.scrollIntoView()")
        else:
            page.evaluate("scrollTo(0, 0)")
        page.wait_for_timeout(400)
        page.screenshot(path=out / f"week-page{name}.png")
        page.close()
    for name, viewport, scheme in (("-light", DESKTOP, "light"), ("-dark-phone", PHONE, "dark")):
        page = browser.new_page(viewport=viewport)
        page.clock.set_fixed_time(f"{MONDAYS[3]}T10:00:00")
        open_with(page, url, "journal/", journal(weeks, 3, False), scheme)
        if name == "-light":  # below the tools: the followed track with its weeks
            page.locator(".rp-journal-track").first.evaluate("(node) => node.scrollIntoView()")
        page.wait_for_timeout(400)  # the header's title has settled
        page.screenshot(path=out / f"journal{name}.png")
        page.close()
    for name, viewport in (("", DESKTOP), ("-phone", PHONE)):
        page = browser.new_page(viewport={**viewport, "height": 1400 if name else 1100})
        page.clock.set_fixed_time(f"{MONDAYS[5]}T10:00:00")
        open_with(page, url, f"tracks/{TRACK}/finish/", journal(weeks, 6, False, ending=True))
        page.screenshot(path=out / f"finish{name}.png")
        page.close()


def main() -> None:
    take_pictures("the pictures of a participant's six weeks", shoot)


if __name__ == "__main__":
    main()
