"""The README's pictures for team leads, taken in headless Chromium (Debian's, never a
download): `make screenshots`, or `.venv/bin/python readme/team_leads_screenshots.py [--out DIR |
--update-readme]` once the test tools are installed (readme/shots.py says what it needs).

Builds the site the browser tests build (tests/browser/team_site.py: Ops North reading six
weeks in Berlin, with members and a named break), serves it on 127.0.0.1 and writes
cohort-calendar.png, cohort-email.png, team-progress.png and workbook.png into
build/screenshots/ (readme/ with --update-readme)."""

from __future__ import annotations

import base64
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "readme"), str(REPO / "tests"), str(REPO / "tests" / "browser")]
from shots import chromium, output_folder, require_browser  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Page
TODAY = "2027-01-27T10:00:00"  # Ops North's week 3: the week before the sales kick-off
IDLE = {"status": 0, "read": 0, "answers": 0}
TEAM = [  # (name, day, weeks 1 to 3) of the check-ins the lead received
    (
        "Sam Ortiz",
        "2027-01-27",
        [{"status": 2, "read": 2, "answers": 3}, {"status": 2, "read": 2, "answers": 1},
         {"status": 1, "read": 1, "answers": 0}],
    ),
    (
        "Kim Nakamura",
        "2027-01-26",
        [{"status": 2, "read": 2, "answers": 5}, {"status": 2, "read": 2, "answers": 2}, IDLE],
    ),
    ("Alex Meyer", "2027-01-20", [{"status": 1, "read": 1, "answers": 0}, IDLE, IDLE]),
]  # fmt: skip


# Two printed pages side by side, at half size: the cover and week 1's first page.
SHEETS = """
body { margin: 0; padding: 16px; background: #d9d9d9; display: flex; gap: 16px; }
.page { width: 397px; height: 561px; padding: 24px; box-sizing: border-box; overflow: hidden;
        background: white; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); }
.page img { width: 100%; }
"""


def shoot(page: Page, url: str, out: Path) -> None:
    page.clock.set_fixed_time(TODAY)
    page.goto(url + "cohorts/ops-north/")
    top = page.locator("article h1").bounding_box()
    schedule = page.locator("#schedule").bounding_box()
    page.screenshot(
        path=out / "cohort-calendar.png",
        clip={
            "x": top["x"] - 12,
            "y": top["y"] - 12,
            "width": 720,
            "height": schedule["y"] - top["y"],
        },
    )
    page.set_viewport_size({"width": 1280, "height": 4000})  # in view: no sticky header over it
    week = page.locator(".rp-cohort-week").nth(2)  # this week, highlighted, a break next
    week.locator("summary").click()
    page.evaluate("window.scrollTo(0, 0)")
    week.screenshot(path=out / "cohort-email.png")

    codes = [
        page.evaluate(
            "([src, fields]) => import(src).then((m) => m.encodeCheckin(fields))",
            [
                url + "javascripts/rp/checkin.js",
                {
                    "track": "six-weeks",
                    "cohort": "ops-north",
                    "name": name,
                    "day": day,
                    "weeks": [*weeks, *[IDLE] * 3],
                },
            ],
        )
        for name, day, weeks in TEAM
    ]
    chat = (
        f"[09:12] Kim Nakamura: two weeks done!\nCheck-in code: {codes[1]}\n"
        f"[09:30] Sam Ortiz: Sam Ortiz, Six Weeks: week 1 done (2/2 read, 3 answers), ...\n"
        f"Check-in code: {codes[0]}\n"
        f"[Mon] Alex Meyer: {codes[2]}\n[10:02] Bob: {codes[0][:30]}"
    )
    page.set_viewport_size({"width": 1280, "height": 6000})  # all of the page in view
    page.get_by_label("Check-ins you received").fill(chat)
    page.locator(".rp-team-table").wait_for()
    page.evaluate("window.scrollTo(0, 0)")
    first = page.get_by_text("Check-ins you received").bounding_box()
    last = page.locator(".rp-team-progress").bounding_box()
    clip = {"x": last["x"] - 12, "y": first["y"] - 12, "width": last["width"] + 24}
    clip["height"] = last["y"] + last["height"] - clip["y"] + 12
    page.screenshot(path=out / "team-progress.png", clip=clip)

    page.goto(url + "cohorts/ops-north/workbook/")
    page.locator(".rp-workbook-team").wait_for()
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    cover = page.locator(".rp-workbook-cover").screenshot()
    week = page.locator(".rp-workbook-week").first
    box = week.bounding_box()
    height = min(box["height"], 1123 - 120)
    first_week = page.screenshot(
        clip={"x": box["x"], "y": box["y"], "width": box["width"], "height": height},
        full_page=True,
    )
    pages = "".join(
        f'<div class="page"><img src="data:image/png;base64,{data}"></div>'
        for data in (base64.b64encode(png).decode() for png in (cover, first_week))
    )
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 842, "height": 593})
    page.set_content(f"<style>{SHEETS}</style>{pages}")
    page.locator(".page").last.wait_for()
    page.screenshot(path=out / "workbook.png")


def main() -> None:
    out = output_folder("Take the team leads' pictures.")
    require_browser()  # before the imports that need the test tools
    from team_site import served_team_site

    with (
        tempfile.TemporaryDirectory() as folder,
        served_team_site(Path(folder)) as url,
        chromium() as browser,
    ):
        shoot(browser.new_page(viewport={"width": 1280, "height": 900}), url, out)
    print(f"Wrote the team leads' pictures into {out}")


if __name__ == "__main__":
    main()
