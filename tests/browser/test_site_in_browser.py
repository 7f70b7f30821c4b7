"""Self-assessment, print handouts, pages without JavaScript, privacy and accessibility."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

ASSESSMENT = "assessments/leader-or-manager/"
WEEK_1 = "tracks/six-week-leadership/week-1/"
PAGE_TYPES = {
    "home": "",
    "article": "articles/courage-is-calling/",
    "track overview": "tracks/six-week-leadership/",
    "week": WEEK_1,
    "journal": "journal/",
    "tag index": "tags/",
    "assessment": ASSESSMENT,
    "all articles": "articles/",
    "all tracks": "tracks/",
    "cohort": "cohorts/sales-east/",
    "discussion guide": "tracks/six-week-leadership/week-1/guide/",
    "week with comparison": "tracks/six-week-leadership/week-6/",
    "finish": "tracks/six-week-leadership/finish/",
    "how this works": "how-this-works/",
}
WCAG_2_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def take_assessment(page: Page, rating: int, phase: str | None) -> None:
    # After instant navigation, wait until the script has taken over the form.
    expect(page.locator("form.rp-assessment[data-rp-ready]")).to_have_count(1)
    retake = page.get_by_role("button", name="Retake the self-assessment")
    if retake.is_visible():  # a result shows first, the form behind Retake
        retake.click()
    for fieldset in page.locator("fieldset.rp-statement").all():
        fieldset.locator(f"input[value='{rating}']").check()
    if phase:
        page.locator(f"input[name='rp-phase'][value='{phase}']").check()
    page.get_by_role("button", name="Save and see my result").click()


def test_self_assessment_before_and_after(page: Page, site_url: str) -> None:
    page.goto(site_url + WEEK_1)
    page.locator(".rp-callout").get_by_role("link", name="Leading or just managing?").click()
    expect(page.locator("form.rp-assessment[data-rp-ready]")).to_have_count(1)
    # A first visit: recording a first result is the choice on screen.
    expect(page.locator("input[name='rp-phase'][value='before']")).to_be_checked()
    take_assessment(page, rating=2, phase=None)
    card = page.locator(".rp-result")
    expect(card.get_by_role("heading")).to_have_text("Your first result")
    expect(card.get_by_role("heading")).to_be_focused()  # where the eyes go after saving
    expect(card.locator(".rp-result__score")).to_have_text("20 of 50")
    outcome = card.locator(".rp-result__band").get_by_role("link", name="Serious Issue")
    assert outcome.get_attribute("href").endswith(
        "good-leader-or-just-a-manager/#outcome-serious-issue"
    )
    expect(page.locator("form.rp-assessment")).to_be_hidden()
    page.reload()
    expect(card.locator(".rp-result__score")).to_have_text("20 of 50")  # the result first
    take_assessment(page, rating=4, phase="retake")
    expect(card.get_by_role("heading")).to_have_text("Your latest result")
    expect(card.locator(".rp-result__total")).to_have_text(
        "40 of 50 · +20 since your first result (20)"
    )
    expect(card.locator(".rp-result__band")).to_contain_text("Seems under control")
    page.goto(site_url + "tracks/six-week-leadership/week-6/")
    table = page.locator(".rp-compare table")
    expect(table.locator("thead tr")).to_have_text("AspectBeforeAfterChange")
    expect(table.locator("tr", has_text="Coaching")).to_have_text("Coaching4 of 108 of 10+4")
    expect(table.locator("tr", has_text="Leading vs. managing")).to_have_text(
        "Leading vs. managing4 of 108 of 10+4"
    )
    expect(table.locator("tr", has_text="Total")).to_have_text("Total20 of 5040 of 50+20")
    expect(table.locator("tr", has_text="Outcome")).to_have_text(
        "OutcomeSerious IssueSeems under control"
    )
    bands = page.locator(".rp-bands li")
    expect(bands).to_have_text(
        [
            "10–24 Serious Issue (Before)",
            "25–37 Cause for Concern",
            "38–50 Seems under control (After)",
        ]
    )
    # A Material table: borders on its cells.
    border = table.locator("td").first.evaluate("td => getComputedStyle(td).borderTopStyle")
    assert border != "none"


def test_a_retake_is_an_explicit_choice(page: Page, site_url: str) -> None:
    page.goto(site_url + ASSESSMENT)
    take_assessment(page, rating=3, phase=None)
    result = page.locator(".rp-assessment-result")
    expect(page.locator(".rp-result__score")).to_have_text("30 of 50")
    page.reload()
    expect(page.locator("form.rp-assessment[data-rp-ready]")).to_have_count(1)
    page.get_by_role("button", name="Retake the self-assessment").click()
    expect(page.locator(".rp-phase__first")).to_have_text(
        "You have a first result (30 of 50). Choose how to record this one:"
    )
    expect(page.locator("input[name='rp-phase']:checked")).to_have_count(0)
    expect(page.get_by_label("a new first result, replacing the one you have")).to_be_visible()
    take_assessment(page, rating=4, phase=None)  # no choice made: nothing is recorded
    expect(result).not_to_contain_text("Saved")
    saved = page.evaluate("JSON.parse(localStorage.getItem('reading-program'))")
    history = saved["assessments"]["leader-or-manager"]
    assert (history["before"]["total"], history["retakes"]) == (30, [])
    page.get_by_label("a retake, to compare with my first result").check()
    page.get_by_role("button", name="Save and see my result").click()
    expect(result).to_contain_text("Saved as a retake.")
    expect(page.locator("input[name='rp-phase']:checked")).to_have_count(0)  # choose again
    saved = page.evaluate("JSON.parse(localStorage.getItem('reading-program'))")
    retakes = saved["assessments"]["leader-or-manager"]["retakes"]
    assert [r["total"] for r in retakes] == [40]


def test_the_assessment_form_keeps_legends_and_button_inside_their_space(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + ASSESSMENT)
    fieldsets = page.locator("form.rp-assessment fieldset").all()
    for fieldset in [*fieldsets[:3], fieldsets[-1]]:
        box = fieldset.bounding_box()
        legend = fieldset.locator("legend").bounding_box()
        assert legend["y"] > box["y"] + 1, "the legend sits inside the border"
    phase = page.locator("fieldset.rp-phase").bounding_box()
    button = page.get_by_role("button", name="Save and see my result").bounding_box()
    assert button["y"] - (phase["y"] + phase["height"]) >= 12, "space above the button"


def test_week_six_waits_for_a_first_result(page: Page, site_url: str) -> None:
    page.goto(site_url + "tracks/six-week-leadership/week-6/")
    invitation = page.locator(".rp-callout").get_by_role("link", name="Leading or just managing?")
    expect(invitation).to_be_visible()
    expect(page.locator(".rp-compare")).to_be_hidden()


def test_printing_a_week_page_gives_a_clean_handout(page: Page, site_url: str) -> None:
    page.goto(site_url + WEEK_1)
    page.locator("textarea.rp-answer").first.fill("My printed answer")
    page.emulate_media(media="print")
    for chrome in [".md-header", ".md-sidebar--primary", ".md-footer", ".rp-read", ".rp-pager"]:
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator("textarea.rp-answer").first).to_be_hidden()
    expect(page.locator(".rp-print-answer").first).to_have_text("My printed answer")
    expect(page.locator(".rp-print-answer").first).to_be_visible()
    expect(page.locator(".rp-reading .rp-chip").first).to_have_text("6 min read")
    unanswered = page.locator(".rp-questions li").nth(1)
    space = unanswered.evaluate("li => getComputedStyle(li, '::after').minHeight")
    assert space == "80px" or float(space.removesuffix("px")) > 40  # room to write


def test_printing_the_journal_gives_the_answers_not_empty_boxes(page: Page, site_url: str) -> None:
    page.goto(site_url + "tags/")
    page.evaluate("data => localStorage.setItem('reading-program', JSON.stringify(data))", ANSWERED)
    page.goto(site_url + "journal/")
    expect(page.locator(".rp-entry")).to_have_count(1)
    page.emulate_media(media="print")
    expect(page.locator(".rp-journal-tools")).to_have_count(2)  # export and import; start over
    expect(page.locator(".rp-journal-tools:visible")).to_have_count(0)
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".rp-entry__answer")).to_have_text("Mostly managing.")
    expect(page.locator(".rp-entry__edit")).to_be_hidden()
    expect(page.locator("textarea")).to_have_count(0)
    expect(page.locator(".rp-journal-aside").first).to_be_hidden()


def test_without_javascript_every_question_is_shown(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + WEEK_1)
    expect(page.locator(".rp-reading")).to_have_count(2)
    expect(page.locator(".rp-questions li")).to_have_count(12)
    expect(page.locator("textarea")).to_have_count(0)
    page.goto(site_url + "journal/")
    expect(page.locator("noscript")).to_have_count(1)  # says the journal needs JavaScript
    expect(page.locator(".rp-journal")).to_be_hidden()
    context.close()


@pytest.mark.parametrize("url", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_pages_request_nothing_but_the_local_server(page: Page, site_url: str, url: str) -> None:
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(site_url + url, wait_until="networkidle")
    assert hosts <= {urlsplit(site_url).netloc}, hosts


SCHEMES = {"light": "default", "dark": "slate"}
ANSWERED = {
    "format": "reading-program-journal",
    "version": 2,
    "answers": {
        "week-six-week-leadership-1/looking-last-weeks-calendar": {"text": "Mostly managing."},
    },
    "read": {"leadership-vs-management": {"hash": "x"}},
    "assessments": {
        "leader-or-manager": {
            "before": {
                "total": 31,
                "max": 50,
                "outcome": "Cause for Concern",
                "aspects": {"coaching": 5},
                "ratings": {},
            },
            "retakes": [],
        }
    },
}


@pytest.mark.parametrize("scheme", SCHEMES, ids=SCHEMES)
@pytest.mark.parametrize("url", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_no_accessibility_violations(page: Page, site_url: str, url: str, scheme: str) -> None:
    """In the content area, in both colour schemes, with the script's controls in use."""
    page.emulate_media(color_scheme="dark" if scheme == "dark" else "light")
    page.goto(site_url + "tags/")
    page.evaluate("data => localStorage.setItem('reading-program', JSON.stringify(data))", ANSWERED)
    page.goto(site_url + url)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    if url == WEEK_1:  # check the controls the script adds, in their used state too
        # The boxes show what is stored first (a box clicked before would toggle that).
        expect(page.locator("[data-rp-shown] .rp-read")).to_have_count(2)
        page.get_by_label("Mark as read").nth(1).check()
        page.locator("textarea.rp-answer").first.fill("An answer")
    if url == "journal/":
        expect(page.locator(".rp-entry")).to_have_count(1)
    page.wait_for_timeout(300)  # the modules' views have run
    options = {"runOnly": {"type": "tag", "values": WCAG_2_A_AA}, "resultTypes": ["violations"]}
    results = Axe().run(page, context="article", options=options)
    assert results.violations_count == 0, results.generate_report()


def test_controls_work_from_the_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + WEEK_1)
    box = page.get_by_label("Mark as read").first
    expect(box).to_be_enabled()  # it waits until the code that stores a tick has loaded
    box.focus()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    outline = box.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none", "focus must be visible"
