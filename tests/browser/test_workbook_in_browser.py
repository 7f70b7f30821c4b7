"""The workbook in real Chromium, on a site the tests build: a cohort's workbook carries its
dated schedule in the page itself (no script needed), an old `?cohort=` link finds it, and
it prints with each week on a new page and on at most two pages, on A4 and on US Letter
(read back from the PDF's outline)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from team_site import served_team_site

COHORT = "cohorts/ops-north/"
WORKBOOK = COHORT + "workbook/"
TRACK_WORKBOOK = "tracks/six-weeks/workbook/"
HOSTILE = '<img src=x onerror="document.title=1">'
PAPER = {"A4": (595, 842), "Letter": (612, 792)}  # in points, as Chromium's PDFs give them


@pytest.fixture(scope="module")
def team_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served_team_site(tmp_path_factory.mktemp("team-site")) as url:
        yield url


def test_the_cover_is_in_the_page_and_old_links_find_it(browser, team_url: str) -> None:
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(team_url + WORKBOOK)  # a plain print: no script runs
    cover = page.locator(".rp-workbook-team")
    expect(cover).to_be_visible()
    expect(cover.locator(".rp-workbook-team__name")).to_have_text(
        "Ops North · led by Dana Whitfield"
    )
    expect(cover.locator("tbody tr")).to_have_count(6)
    expect(cover.locator("tbody tr").nth(3)).to_have_text(
        re.compile("4\\s*Coaching\\s*Mon 8 Feb – Sun 14 Feb 2027\\s*Thu 11 Feb, 09:30")
    )
    expect(cover).to_contain_text(
        "No reading Mon 1 Feb – Sun 7 Feb 2027 (the sales kick-off): later weeks move back."
    )

    page = browser.new_page()
    page.goto(team_url + COHORT)
    page.get_by_role("link", name="Print the workbook").click()
    expect(page).to_have_url(team_url + WORKBOOK)
    page.goto(team_url + TRACK_WORKBOOK + "?cohort=ops-north")  # a link from before
    expect(page).to_have_url(team_url + WORKBOOK)
    for query in ["?cohort=nobody", "?cohort=" + HOSTILE, "?cohort=__proto__", ""]:
        page.goto(team_url + TRACK_WORKBOOK + query)
        expect(page.locator("h1")).to_have_text(re.compile("^Six Weeks"))
        expect(page.get_by_role("button", name="Print the workbook")).to_be_visible()
        expect(page.locator(".rp-workbook-team")).to_have_count(0)
        assert page.locator("img[src=x]").count() == 0
        assert page.url.startswith(team_url + TRACK_WORKBOOK)


def outline(pdf: bytes) -> tuple[list[tuple[float, float]], list[tuple[str, int, float]]]:
    """Page sizes, and (title, page index, height from the bottom) of every heading in the
    PDF's outline (Chromium writes one with `outline=True`; objects are plain, unpacked)."""
    objects = {
        int(m.group(1)): m.group(2) for m in re.finditer(rb"(\d+) 0 obj\s*(.*?)endobj", pdf, re.S)
    }

    def leaves(number: int) -> list[int]:
        body = objects[number]
        if not re.search(rb"/Type /Pages\b", body):
            return [number]
        kids = re.search(rb"/Kids \[(.*?)\]", body, re.S).group(1)
        return [page for ref in re.findall(rb"(\d+) 0 R", kids) for page in leaves(int(ref))]

    (root,) = [
        n for n, b in objects.items() if re.search(rb"/Type /Pages\b", b) and b"/Parent" not in b
    ]
    pages = leaves(root)
    sizes = []
    for number in pages:
        box = re.search(rb"/MediaBox \[([^\]]*)\]", objects[number]).group(1).split()
        sizes.append((round(float(box[2])), round(float(box[3]))))
    headings = []
    for body in objects.values():
        found = re.search(
            rb"/Title (\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f]+>)\s*"
            rb"/Dest \[(\d+) 0 R /XYZ [\d.]+ ([\d.]+)",
            body,
        )
        if found:
            raw = found.group(1)
            title = (
                bytes.fromhex(raw[1:-1].decode()).decode("utf-16")
                if raw.startswith(b"<")
                else raw[1:-1].decode("latin-1")
            )
            headings.append((title, pages.index(int(found.group(2))), float(found.group(3))))
    return sizes, sorted(headings, key=lambda h: (h[1], -h[2]))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_each_week_prints_on_a_new_page_and_on_two_pages_at_most(
    page: Page, team_url: str, paper: str
) -> None:
    page.goto(team_url + WORKBOOK)
    page.emulate_media(media="print")
    for hidden in [".md-header", ".md-sidebar--primary", ".rp-workbook-hint", ".md-footer"]:
        expect(page.locator(hidden).first).to_be_hidden()
    space = page.locator(".rp-workbook-questions li").first.evaluate(
        "li => parseFloat(getComputedStyle(li, '::after').minHeight)"
    )
    assert space > 40, "room to write under every question"

    sizes, headings = outline(page.pdf(format=paper, outline=True, tagged=True))
    width, height = PAPER[paper]
    assert all(abs(w - width) <= 1 and abs(h - height) <= 1 for w, h in sizes), (
        "the printer's paper, not one the page forces"
    )
    weeks = [h for h in headings if re.match(r"Week \d: ", h[0])]
    assert [title.split(":")[0] for title, _, _ in weeks] == [f"Week {n}" for n in range(1, 7)]
    assert headings[0][0] == "Six Weeks" and headings[0][1] == 0  # the cover
    for title, _, top in weeks:
        assert top > height - 100, f"{title} starts at the top of its page"
    starts = [first_page for _, first_page, _ in weeks] + [len(sizes)]
    for (title, _, _), first, following in zip(weeks, starts, starts[1:], strict=False):
        assert following - first <= 2, f"{title} takes {following - first} pages on {paper}"
