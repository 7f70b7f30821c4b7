"""The participant's path in real Chromium: the journal (answers, not boxes), keyboard
focus and contrast in both colour schemes, the weeks on a phone, printed page counts, the
pager per track."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

WCAG_2_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FORMAT = "reading-program-journal"
OVERVIEW = "tracks/six-week-leadership/"
WEEK_1 = "tracks/six-week-leadership/week-1/"
PROMPT = "week-six-week-leadership-1/looking-last-weeks-calendar"
READING_QUESTION = "article-leadership-vs-management/five-differences-such-vision"


def store(page: Page, site_url: str, answers: dict, **sections: dict) -> None:
    page.goto(site_url + "tags/")
    data = {"format": FORMAT, "version": 2, "answers": answers, "read": {}, "assessments": {}}
    data.update(sections)
    page.evaluate("data => localStorage.setItem('reading-program', JSON.stringify(data))", data)


def stored_answers(page: Page) -> dict:
    return json.loads(page.evaluate("localStorage.getItem('reading-program')"))["answers"]


def contrast(page: Page, foreground: str, background: str) -> float:
    return page.evaluate(
        """([a, b]) => {
          const lum = (css) => {
            const [r, g, b] = css.match(/[\\d.]+/g).slice(0, 3).map(Number).map((c) => {
              c /= 255;
              return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
            });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
          return (x + 0.05) / (y + 0.05);
        }""",
        [foreground, background],
    )


# ---- The journal -------------------------------------------------------------------


def test_a_new_users_journal_has_no_wall_of_boxes(page: Page, site_url: str) -> None:
    page.goto(site_url + "journal/")
    expect(page.locator(".rp-journal[data-rp-shown]")).to_have_count(1)
    expect(page.locator("textarea")).to_have_count(0)
    expect(page.locator(".rp-journal-empty")).to_contain_text("not answered any questions yet")
    lines = page.locator(".rp-journal-track--waiting")
    expect(lines).to_have_count(2)  # one line per track
    expect(lines.first).to_contain_text("nothing answered there yet")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 2000, height
    expect(page.locator(".rp-journal-search")).to_be_hidden()


def test_answers_show_by_week_with_question_reading_and_whats_waiting(
    page: Page, site_url: str
) -> None:
    store(
        page,
        site_url,
        {PROMPT: {"text": "Mostly managing."}, READING_QUESTION: {"text": "Vision."}},
    )
    page.goto(site_url + "journal/")
    track = page.locator(".rp-journal-track").first
    expect(track.locator("h2")).to_have_text("Six-Week Leadership")  # tracks with answers first
    expect(track.locator(".rp-meta").first).to_have_text(
        "The track you follow · 0 of 6 weeks complete · 0 of 12 readings read · 2 answers"
    )
    week = track.locator(".rp-journal-week")
    expect(week).to_have_count(1)
    expect(week.locator("h3")).to_have_text("Week 1: Leading, not just managing")
    entries = week.locator(".rp-entry")
    expect(entries.nth(0).locator(".rp-entry__question")).to_contain_text("last week's calendar")
    expect(entries.nth(0)).to_contain_text("This week's prompt")
    expect(entries.nth(1).get_by_role("link")).to_have_text(
        "Leadership vs. Management: The Differences to Know for Driving Results"
    )
    waiting = week.get_by_role("link", name="10 questions waiting in week 1")
    expect(waiting).to_have_attribute("href", "../tracks/six-week-leadership/week-1/#reflect")
    expect(track.get_by_role("link", name="9 questions waiting in week 2")).to_be_visible()


def test_an_answer_is_edited_from_the_journal(page: Page, site_url: str) -> None:
    store(page, site_url, {PROMPT: {"text": "Mostly managing.", "source": "Week 1"}})
    page.goto(site_url + "journal/")
    entry = page.locator(".rp-entry")
    entry.get_by_role("button", name="Edit").click()
    box = entry.get_by_role("textbox")
    expect(box).to_be_focused()
    expect(box).to_have_accessible_name(re.compile("^Looking at last week's calendar"))
    box.fill("Half and half, now.")
    entry.get_by_role("button", name="Done").click()
    expect(entry.locator(".rp-entry__answer")).to_have_text("Half and half, now.")
    expect(entry.get_by_role("button", name="Edit")).to_be_focused()
    saved = stored_answers(page)[PROMPT]
    assert (saved["text"], saved["source"]) == ("Half and half, now.", "Week 1")
    page.goto(site_url + WEEK_1)
    expect(page.locator(f"li[data-rp-key='{PROMPT}'] textarea")).to_have_value(
        "Half and half, now."
    )


def test_emptying_an_answer_asks_before_deleting_it(page: Page, site_url: str) -> None:
    store(page, site_url, {PROMPT: {"text": "Mostly managing."}})
    page.goto(site_url + "journal/")
    entry = page.locator(".rp-entry")
    entry.get_by_role("button", name="Edit").click()
    entry.get_by_role("textbox").fill("")
    page.once("dialog", lambda dialog: dialog.dismiss())
    entry.get_by_role("button", name="Done").click()
    expect(entry.locator(".rp-entry__answer")).to_have_text("Mostly managing.")
    assert stored_answers(page)[PROMPT]["text"] == "Mostly managing."
    entry.get_by_role("button", name="Edit").click()
    entry.get_by_role("textbox").fill("   ")
    page.once("dialog", lambda dialog: dialog.accept())
    entry.get_by_role("button", name="Done").click()
    expect(page.locator(".rp-entry")).to_have_count(0)
    assert stored_answers(page) == {}


def test_retired_answers_are_shown_and_editable(page: Page, site_url: str) -> None:
    retired = {"text": "Still mine", "question": "A removed question?", "source": "Week 9"}
    store(page, site_url, {"week-gone-9/old": retired})
    page.goto(site_url + "journal/")
    section = page.locator(".rp-retired")
    expect(section).to_contain_text("A removed question?")
    expect(section).to_contain_text("Answered on “Week 9”")
    section.get_by_role("button", name="Edit").click()
    section.get_by_role("textbox").fill("Still mine, edited")
    section.get_by_role("button", name="Done").click()
    assert stored_answers(page)["week-gone-9/old"]["question"] == "A removed question?"
    assert stored_answers(page)["week-gone-9/old"]["text"] == "Still mine, edited"


def test_many_answers_can_be_searched(page: Page, site_url: str) -> None:
    page.goto(site_url + WEEK_1)
    areas = page.locator("textarea.rp-answer")
    expect(areas).to_have_count(12)
    page.evaluate("document.querySelectorAll('details.rp-fold').forEach((d) => (d.open = true))")
    for index in range(7):
        areas.nth(index).fill(f"Answer number {index}" + (" about hiring" if index == 5 else ""))
    page.wait_for_timeout(600)
    page.goto(site_url + "journal/")
    search = page.get_by_label("Search your answers")
    expect(search).to_be_visible()
    search.fill("hiring")
    expect(page.locator(".rp-entry:visible")).to_have_count(1)
    expect(page.locator(".rp-journal-search__count")).to_have_text("1 of 7 answers match")
    expect(page.locator(".rp-waiting:visible")).to_have_count(0)
    search.fill("")
    expect(page.locator(".rp-entry:visible")).to_have_count(7)


def test_the_journal_page_requests_only_its_data_by_get(page: Page, site_url: str) -> None:
    requests: list[tuple[str, str, str | None]] = []
    page.on("request", lambda r: requests.append((r.method, r.url, r.post_data)))
    store(page, site_url, {PROMPT: {"text": "Private words"}})
    requests.clear()
    page.goto(site_url + "journal/", wait_until="networkidle")
    expect(page.locator(".rp-entry")).to_have_count(1)
    assert {method for method, _, _ in requests} == {"GET"}
    assert all(body is None for _, _, body in requests)
    assert not any("Private" in url or "?" in url for _, url, _ in requests)
    assert (f"{site_url}journal/questions.json") in {url for _, url, _ in requests}


# ---- Keyboard focus and contrast, light and dark ------------------------------------

SCHEMES = {"light": "default", "dark": "slate"}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_control_shows_its_focus_with_enough_contrast(
    page: Page, site_url: str, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    background = {"light": "rgb(255, 255, 255)"}.get(scheme)
    controls = {
        OVERVIEW: [
            "form.rp-plan input[name='team']",
            "form.rp-plan select",
            "form.rp-plan textarea",
        ],
        WEEK_1: [".rp-read__box", "textarea.rp-answer"],
        "assessments/leader-or-manager/": ["fieldset.rp-statement input"],
        "journal/": ["button[data-rp-action='export-json']", "button[data-rp-action='clear']"],
    }
    for url, selectors in controls.items():
        page.goto(site_url + url)
        for selector in selectors:
            control = page.locator(selector).first
            expect(control).to_be_visible()
            expect(control).to_be_enabled()  # a Mark as read box waits until its code loads
            control.focus()
            page.keyboard.press("Shift+Tab")
            page.keyboard.press("Tab")  # focus from the keyboard: :focus-visible
            expect(control).to_be_focused()
            style = control.evaluate(
                "el => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineColor,"
                " getComputedStyle(document.body).backgroundColor]"
            )
            assert style[0] != "none", (url, selector)
            ratio = contrast(page, style[1], background or style[2])
            assert ratio >= 3, (url, selector, style, ratio)


def test_every_mark_as_read_box_names_its_reading(page: Page, site_url: str) -> None:
    page.goto(site_url + WEEK_1)
    expect(page.get_by_role("checkbox")).to_have_count(2)
    expect(page.get_by_role("checkbox").nth(0)).to_have_accessible_name(
        "Mark as read: Leadership vs. Management: The Differences to Know for Driving Results"
    )
    expect(page.get_by_role("checkbox").nth(1)).to_have_accessible_name(
        "Mark as read: Are You a Good Leader or Just a Manager?"
    )


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_outlined_buttons_and_links_have_contrast_in_dark_mode(
    page: Page, site_url: str, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + "journal/")
    for name in ["Export as JSON", "Clear everything"]:
        button = page.get_by_role("button", name=name)
        colours = button.evaluate(
            "el => [getComputedStyle(el).color, getComputedStyle(document.body).backgroundColor]"
        )
        assert contrast(page, *colours) >= 4.5, (name, colours)
    # The week link on an article sits on a translucent chip: axe measures what shows.
    page.goto(site_url + "articles/courage-is-calling/")
    options = {"runOnly": {"type": "tag", "values": WCAG_2_A_AA}}
    results = Axe().run(page, context=".rp-article-meta", options=options)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_this_weeks_highlight_is_readable(page: Page, site_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.clock.set_fixed_time("2027-01-20T10:00:00")
    page.goto(site_url + "cohorts/sales-east/")
    expect(page.locator(".rp-cohort-week.rp-current")).to_have_count(1)
    options = {"runOnly": {"type": "tag", "values": WCAG_2_A_AA}}
    results = Axe().run(page, context=".rp-current", options=options)
    assert results.violations_count == 0, results.generate_report()
    page.goto(site_url + OVERVIEW + "?team=Ops&start=2027-01-18&day=Thu&time=09:30")
    expect(page.locator(".rp-plan-result .rp-current")).to_have_count(1)
    results = Axe().run(page, context=".rp-plan-result", options=options)
    assert results.violations_count == 0, results.generate_report()


# ---- Phone --------------------------------------------------------------------------


def test_weeks_are_cards_on_a_phone(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + OVERVIEW)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, overflow
    first = page.locator(".rp-weeks tbody tr").first
    for cell in [first.locator("td").nth(3), first.locator(".rp-week-progress")]:
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    minutes = first.locator("td").nth(3)
    assert minutes.evaluate("td => getComputedStyle(td, '::before').content") == '"Minutes: "'
    page.set_viewport_size({"width": 1200, "height": 900})
    expect(page.locator(".rp-weeks thead")).to_be_visible()  # a table on wider screens


# ---- Print --------------------------------------------------------------------------


def pdf_pages(page: Page, url: str) -> int:
    page.goto(url)
    page.wait_for_timeout(200)
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", page.pdf(format="A4")))


def test_a_week_prints_on_at_most_two_a4_pages(page: Page, site_url: str) -> None:
    counts = {week: pdf_pages(page, f"{site_url}{OVERVIEW}week-{week}/") for week in range(1, 7)}
    assert all(count <= 2 for count in counts.values()), counts
    assert counts[2] <= 2, "week 2 spent a third page on one sentence"


def test_a_discussion_guide_prints_on_one_a4_page(page: Page, site_url: str) -> None:
    counts = {
        week: pdf_pages(page, f"{site_url}{OVERVIEW}week-{week}/guide/") for week in range(1, 7)
    }
    assert set(counts.values()) == {1}, counts
    page.goto(f"{site_url}{OVERVIEW}week-1/guide/")
    expect(page.locator(".rp-agenda")).to_contain_text("the questions above")


# ---- Previous / next ----------------------------------------------------------------


def test_each_track_has_its_own_labelled_pager(page: Page, site_url: str) -> None:
    page.goto(site_url + "articles/coaching-beyond-the-metrics/")  # in two tracks
    pagers = page.get_by_role("navigation", name=re.compile(r"week \d+: previous and next$"))
    expect(pagers).to_have_count(2)
    labels = [p.get_attribute("aria-labelledby") for p in pagers.all()]
    names = [page.locator(f"#{label}").text_content() for label in labels]
    assert names[0].startswith("Coaching Basics, week ") or names[1].startswith("Coaching Basics")
    assert any(name.startswith("Six-Week Leadership, week 4") for name in names), names
    links = pagers.first.get_by_role("link")
    for link in links.all()[1:]:
        box = link.bounding_box()
        assert box["height"] > 30, "each link is a block of its own"


def test_the_pager_is_not_in_the_search_index(repo_site) -> None:
    index = json.loads((Path(repo_site.directory) / "search/search_index.json").read_text())
    texts = " ".join(doc["text"] for doc in index["docs"])
    assert "Previous reading" not in texts and "Next reading" not in texts
    assert "previous and next" not in texts
