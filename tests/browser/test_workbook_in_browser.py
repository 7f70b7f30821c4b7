"""The workbook in real Chromium: its cover shows the team its address names, and it prints
as an A4 handout, each week starting a new page (read back from the PDF's outline)."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

COHORT = "cohorts/sales-east/"
WORKBOOK = "tracks/six-week-leadership/workbook/"
HOSTILE = '<img src=x onerror="document.title=1">'
PA4 = (595, 842)  # A4 in points, as Chromium's PDFs give it (rounded)


def test_the_workbook_cover_shows_the_team_named_in_its_address(page: Page, site_url: str) -> None:
    page.goto(site_url + COHORT)
    page.get_by_role("link", name="Print the workbook").click()  # instant navigation
    expect(page).to_have_url(site_url + WORKBOOK + "?cohort=sales-east")
    cover = page.locator(".rp-workbook-team")
    expect(cover).to_be_visible()
    expect(cover.locator(".rp-workbook-team__name")).to_have_text(
        "Sales East · led by Dana Whitfield"
    )
    expect(cover.locator("tbody tr")).to_have_count(6)
    expect(cover.locator("tbody tr").nth(3)).to_have_text(
        re.compile("4\\s*Coaching\\s*Mon 8 Feb – Sun 14 Feb 2027\\s*Thu 11 Feb, 09:30")
    )
    expect(cover).to_contain_text("No reading in the week of Mon 1 Feb 2027")
    scale = page.locator(".rp-workbook-scale span").first
    expect(scale).to_have_css("border-radius", "50%")  # the workbook's stylesheet is in

    for query in ["?cohort=nobody", "?cohort=" + HOSTILE, ""]:
        page.goto(site_url + WORKBOOK + query)
        expect(page.locator("h1")).to_have_text(re.compile("^Six-Week Leadership"))
        expect(page.get_by_role("button", name="Print the workbook")).to_be_visible()
        expect(page.locator(".rp-workbook-team")).to_be_hidden()
        assert page.locator("img[src=x]").count() == 0


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


def test_the_workbook_prints_on_a4_with_each_week_on_a_new_page(page: Page, site_url: str) -> None:
    page.goto(site_url + WORKBOOK + "?cohort=sales-east")
    expect(page.locator(".rp-workbook-team")).to_be_visible()
    page.emulate_media(media="print")
    for hidden in [".md-header", ".md-sidebar--primary", ".rp-workbook-hint", ".md-footer"]:
        expect(page.locator(hidden).first).to_be_hidden()
    space = page.locator(".rp-workbook-questions li").first.evaluate(
        "li => parseFloat(getComputedStyle(li, '::after').minHeight)"
    )
    assert space > 60, "room to write under every question"

    sizes, headings = outline(page.pdf(prefer_css_page_size=True, outline=True, tagged=True))
    assert set(sizes) == {PA4}, "the workbook asks for A4 itself"
    weeks = [h for h in headings if re.match(r"Week \d: ", h[0])]
    assert [title.split(":")[0] for title, _, _ in weeks] == [f"Week {n}" for n in range(1, 7)]
    starts = [headings.index(week) for week in weeks]
    assert headings[0][0] == "Six-Week Leadership" and headings[0][1] == 0  # the cover
    for title, _, height in weeks:
        assert height > PA4[1] - 100, f"{title} starts at the top of its page"
    for position in starts:  # nothing of the previous week shares a week's first page
        assert headings[position - 1][1] < headings[position][1], headings[position][0]
    assessment = next(h for h in headings if h[0].startswith("Leading or just managing?"))
    assert assessment[1] > weeks[-1][1] and assessment[2] > PA4[1] - 100
    page_count = len(sizes)
    assert page_count >= 1 + 6 + 1, page_count
    assert page_count <= 24, f"{page_count} pages: a handout, not a book"

    a4 = outline(page.pdf(format="A4", outline=True, tagged=True))
    assert len(a4[0]) == page_count  # a printer set to A4 gets the same pages
