"""The README's pictures of Send to another device, taken in headless Chromium (Debian's,
never a download) from the repository's site, the clock pinned to a Monday:
`make screenshots`, or `.venv/bin/python readme/device_screenshots.py [--out DIR |
--update-readme]` once the test tools are installed (readme/shots.py says what it needs).

Builds the site into a temporary folder, serves it on 127.0.0.1, stores the journal of a
participant in week 3 (participant_screenshots.py) in a laptop's browser, opens Send to
another device there (readme/device-link-desktop.png, light), then opens its link in a
phone's browser, another context with its own storage (device-link-phone.png, dark), into
build/screenshots/ (readme/ with --update-readme)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
from participant_screenshots import DESKTOP, MONDAYS, PHONE, journal, open_with, weeks_of
from shots import take_pictures

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page


def scroll_to(page: Page, selector: str) -> None:
    """Down from the top to just below the header (scrolling up shows Back to top)."""
    page.evaluate("scrollTo(0, 0)")
    page.wait_for_timeout(200)
    top = page.locator(selector).first.evaluate("(node) => node.getBoundingClientRect().top")
    page.evaluate("y => scrollTo(0, y)", top - 72)


def shoot(browser: Browser, url: str, site: Path, out: Path) -> None:
    weeks = weeks_of(site)
    laptop = browser.new_page(viewport={**DESKTOP, "height": 1000}, device_scale_factor=1)
    laptop.clock.set_fixed_time(f"{MONDAYS[2]}T10:00:00")
    open_with(laptop, url, "journal/", journal(weeks, 2, True))
    laptop.get_by_role("button", name="Send to another device").click()
    panel = laptop.locator(".rp-device-panel")
    panel.wait_for()
    link = laptop.get_by_role("textbox", name="The link to your journal").input_value()
    scroll_to(laptop, ".rp-journal-tools")
    laptop.mouse.move(0, 0)
    laptop.wait_for_timeout(400)
    tools = laptop.locator(".rp-journal-tools").first.bounding_box()
    end = panel.bounding_box()
    pad = 16
    laptop.screenshot(
        path=out / "device-link-desktop.png",
        clip={
            "x": tools["x"] - pad,
            "y": tools["y"] - pad,
            "width": tools["width"] + 2 * pad,
            "height": end["y"] + end["height"] - tools["y"] + 2 * pad,
        },
    )
    laptop.close()
    phone = browser.new_page(viewport=PHONE, device_scale_factor=1)
    phone.clock.set_fixed_time(f"{MONDAYS[2]}T12:00:00")
    phone.emulate_media(color_scheme="dark")
    phone.goto(link)
    phone.locator(".rp-journal-status").filter(has_text="From the link").wait_for()
    scroll_to(phone, ".rp-journal-tools")
    phone.wait_for_timeout(400)
    phone.screenshot(path=out / "device-link-phone.png")
    phone.close()


def main() -> None:
    take_pictures("the pictures of Send to another device", shoot)


if __name__ == "__main__":
    main()
