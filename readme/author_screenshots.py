"""The README's pictures for authors, taken in headless Chromium (Debian's, never a
download): `make screenshots`, or `.venv/bin/python readme/author_screenshots.py [--out DIR |
--update-readme]` once the test tools are installed (readme/shots.py says what it needs).

Serves a small site the way `make serve` does (tests/mkdocs_serve.py), with a draft and
then a mistake, and writes serve-draft.png and serve-problems.png into build/screenshots/
(readme/ with --update-readme)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "readme"), str(REPO / "tests"), str(REPO / "tests" / "browser")]
from shots import chromium, output_folder, require_browser  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Page


def article_shot(page: Page, path: Path) -> None:
    box = page.locator("article").bounding_box()
    clip = {"x": box["x"] - 8, "y": box["y"] - 8, "width": box["width"] + 16, "height": 330}
    page.screenshot(path=path, clip=clip)


def main() -> None:
    out = output_folder("Take the authors' pictures.")
    require_browser()  # before the imports that need the test tools
    from mkdocs_serve import mkdocs_serve
    from playwright.sync_api import expect
    from site_helpers import article_text, make_site

    draft = article_text(
        "Decide Before You Are Ready",
        summary="Why leaders who wait for certainty decide too late.",
        tags="[leadership]",
        extra="draft: true\n",
        body="Leaders rarely have all the facts. They decide anyway.\n",
    )
    with tempfile.TemporaryDirectory() as folder:
        site = make_site(Path(folder))
        site.write("content/articles/decide-before-you-are-ready.md", draft)
        coach = site.root / "content/articles/coach.md"
        with mkdocs_serve(site.root) as url, chromium() as browser:
            page = browser.new_page(viewport={"width": 1100, "height": 700})
            page.goto(url + "articles/decide-before-you-are-ready/")
            article_shot(page, out / "serve-draft.png")
            coach.write_text(
                coach.read_text("utf-8").replace("tags: [coaching]", "tag: [coaching]"), "utf-8"
            )
            expect(page.locator(".rp-content-problems li")).to_have_count(1, timeout=90_000)
            article_shot(page, out / "serve-problems.png")
    print(f"Wrote {out / 'serve-draft.png'} and {out / 'serve-problems.png'}")


if __name__ == "__main__":
    main()
