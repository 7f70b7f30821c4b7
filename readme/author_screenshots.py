"""The README's pictures for authors, taken in headless Chromium (Debian's, never a
download): `.venv/bin/python readme/author_screenshots.py`.

Serves a small site the way `make serve` does (tests/mkdocs_serve.py), with a draft and
then a mistake, and writes readme/serve-draft.png and readme/serve-problems.png."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "tests"), str(REPO / "tests" / "browser")]
from mkdocs_serve import mkdocs_serve  # noqa: E402
from site_helpers import article_text, make_site  # noqa: E402

OUT = REPO / "readme"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DRAFT = article_text(
    "Decide Before You Are Ready",
    summary="Why leaders who wait for certainty decide too late.",
    tags="[leadership]",
    extra="draft: true\n",
    body="Leaders rarely have all the facts. They decide anyway.\n",
)


def article_shot(page: Page, path: Path) -> None:
    box = page.locator("article").bounding_box()
    clip = {"x": box["x"] - 8, "y": box["y"] - 8, "width": box["width"] + 16, "height": 330}
    page.screenshot(path=path, clip=clip)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = make_site(Path(folder))
        site.write("content/articles/decide-before-you-are-ready.md", DRAFT)
        coach = site.root / "content/articles/coach.md"
        with mkdocs_serve(site.root) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 700})
            page.goto(url + "articles/decide-before-you-are-ready/")
            article_shot(page, OUT / "serve-draft.png")
            coach.write_text(
                coach.read_text("utf-8").replace("tags: [coaching]", "tag: [coaching]"), "utf-8"
            )
            expect(page.locator(".rp-content-problems li")).to_have_count(1, timeout=90_000)
            article_shot(page, OUT / "serve-problems.png")
            browser.close()
    print(f"Wrote {OUT / 'serve-draft.png'} and {OUT / 'serve-problems.png'}")


if __name__ == "__main__":
    main()
