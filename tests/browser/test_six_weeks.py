"""Six weeks, lived (issue 17): the tests' own program (program.py) walked in real Chromium
with the clock pinned to each week's Monday, on a desktop and on a phone, light and dark:
reading ends at the bottom, the track followed comes first, a week reads as a week, the
home page resumes and the track ends, progress shows where people are, writing says it
saved, the self-assessment is a result, the journal keeps up, the chrome is a reader's."""

from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect
from program import ARTICLES, SIX, TWO, WEEK_TITLES

WCAG_2_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# Week n's readings, as the track's tags pick them (program.py): alphabetical within a tag.
READINGS = {
    1: ["first-look", "second-look"],
    2: ["follow-through", "say-it-plainly"],
    3: ["small-steps", "the-long-game"],
    4: ["ask-dont-tell", "listen-first"],
    5: ["the-case-for-change", "why-people-stay"],
    6: ["grow-others", "grow-yourself"],
}
MONDAYS = [f"2027-01-{day:02d}T09:00:00" for day in (4, 11, 18, 25)] + [
    "2027-02-01T09:00:00",
    "2027-02-08T09:00:00",
]


def stored(page: Page) -> dict:
    return json.loads(page.evaluate("localStorage.getItem('reading-program') || '{}'"))


def week_url(number: int, track: str = SIX) -> str:
    return f"tracks/{track}/week-{number}/"


def title(slug: str) -> str:
    return ARTICLES[slug][0]


def take_assessment(page: Page, rating: int, retake: bool = False) -> None:
    expect(page.locator("form.rp-assessment[data-rp-ready]")).to_have_count(1)
    if retake:  # the first result shows, the form behind Retake
        page.get_by_role("button", name="Retake the self-assessment").click()
    for fieldset in page.locator("fieldset.rp-statement").all():
        fieldset.locator(f"input[value='{rating}']").check()
    if retake:
        page.get_by_label("a retake, to compare with my first result").check()
    page.get_by_role("button", name="Save and see my result").click()


@pytest.fixture
def errors(page: Page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda m: m.type == "error" and found.append(m.text))
    page.on("pageerror", lambda e: found.append(str(e)))
    return found


# ---- The six-week walk -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("viewport", "scheme"),
    [(DESKTOP, "light"), (PHONE, "dark")],
    ids=["desktop-light", "phone-dark"],
)
def test_six_weeks_from_start_to_the_ending(
    page: Page, program_url: str, errors: list[str], viewport: dict, scheme: str
) -> None:
    page.set_viewport_size(viewport)
    page.emulate_media(color_scheme=scheme)
    page.clock.set_fixed_time(MONDAYS[0])
    page.goto(program_url)
    card = page.locator(".rp-resume")
    expect(card.get_by_role("heading")).to_have_text("Start week 1: Where you stand")
    card.get_by_role("link", name="Start week 1").click()
    expect(page).to_have_url(program_url + week_url(1))
    page.wait_for_function(  # Start made it the track followed
        "id => JSON.parse(localStorage.getItem('reading-program') || '{}').tracks?.[id]?.followed",
        arg=SIX,
    )

    for number in range(1, 7):
        page.clock.set_fixed_time(MONDAYS[number - 1])
        walk_a_week(page, program_url, number)
        page.goto(program_url)
        if number < 6:
            nxt = number + 1
            expect(card.get_by_role("heading")).to_have_text(
                f"Week {nxt} of 6: {WEEK_TITLES[nxt - 1]}"
            )
            expect(card.locator(".rp-resume__count")).to_have_text(
                f"{number} of 6 weeks complete · {2 * number} of 12 readings read"
            )
            first = READINGS[nxt][0]
            expect(card.get_by_role("link", name=re.compile("^Continue"))).to_have_text(
                re.compile(f"^Continue: {re.escape(title(first))}")
            )

    # The ending: the card says so, and the finish page shows what changed.
    expect(card.get_by_role("heading")).to_have_text("You completed all 6 weeks")
    card.get_by_role("link", name="See what changed").click()
    expect(page).to_have_url(program_url + f"tracks/{SIX}/finish/")
    expect(page.locator(".rp-compare table tr", has_text="Total")).to_contain_text("+4")
    pair = page.locator(".rp-then-now li", has_text="Which moment of week 1").locator(
        ".rp-then-now__pair"
    )
    expect(pair).to_contain_text("Week 1's answer, written on Monday.")
    pair.get_by_role("button", name="Answer it again").click()
    pair.get_by_role("textbox").fill("Six weeks on, I would answer differently.")
    pair.get_by_role("button", name="Save").click()
    expect(pair.locator(".rp-then-now__side")).to_have_count(2)
    expect(pair.locator(".rp-then-now__side").last).to_contain_text("Six weeks on")
    expect(pair.locator(".rp-then-now__side").first).to_contain_text("written on Monday")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my journal").click()
    markdown = download.value.path().read_text()  # the journal to read, in Markdown
    assert all(f"Week {n}'s answer, written on Monday." in markdown for n in range(1, 7))
    expect(page.locator(".rp-next-tracks")).to_contain_text("Two Short Weeks")

    # The journal: the followed track first, every answer once.
    page.goto(program_url + "journal/")
    expect(page.locator(".rp-journal[data-rp-shown]")).to_have_count(1)
    expect(page.locator(".rp-journal-track h2").first).to_have_text("Six Weeks of Practice")
    entries = page.locator(".rp-entry")
    expect(entries).to_have_count(6)
    keys = entries.evaluate_all("nodes => nodes.map((n) => n.dataset.rpEntry)")
    assert len(set(keys)) == 6
    assert not page.evaluate("document.documentElement.scrollWidth > innerWidth + 1")
    assert errors == []


def walk_a_week(page: Page, url: str, number: int) -> None:
    """Week `number`: its status, each reading read to its end and closed with Done, the
    self-assessment in weeks 1 and 6, one answer, and the quiet word when it completes."""
    page.goto(url + week_url(number))
    status = page.locator(".rp-week-status")
    expect(status).to_contain_text("To complete this week: mark its 2 readings as read")
    if number in (1, 6):
        page.locator(".rp-invitation").get_by_role("link", name="Your habits, rated").click()
        take_assessment(page, rating=1 if number == 1 else 2, retake=number == 6)
        result = page.locator(".rp-result")
        expect(result).to_be_visible()
        expect(result.locator(".rp-result__score")).to_have_text(
            "4 of 12" if number == 1 else "8 of 12"
        )
        expect(page.locator("form.rp-assessment")).to_be_hidden()
        page.goto(url + week_url(number))
        done = "Done: your first result is 4 of 12" if number == 1 else "+4 (4 → 8 of 12)"
        expect(page.locator(".rp-invitation")).to_contain_text(done)
    # Readings: from the week page to the article, read to the bottom, Done moves on.
    page.locator(".rp-reading__title a").first.click()
    for index, slug in enumerate(READINGS[number]):
        expect(page).to_have_url(url + f"articles/{slug}/")
        close = page.locator(".rp-close")
        done = close.get_by_role("link", name=re.compile("^Done"))
        expect(done).to_have_count(1)  # only the followed track's, in a shared article
        if index == 0:
            expect(done).to_have_text(f"Done, next reading: {title(READINGS[number][1])}")
        else:
            expect(done).to_have_text(f"Done, back to week {number}: {WEEK_TITLES[number - 1]}")
        done.click()
    expect(page).to_have_url(url + week_url(number) + "#reflect")
    assert set(READINGS[number]) <= set(stored(page)["read"])
    expect(status).to_contain_text("2 of 2 read · 0 answered")
    box = page.locator(".rp-reflection textarea.rp-answer").first
    box.fill(f"Week {number}'s answer, written on Monday.")
    expect(page.locator(".rp-reflection .rp-saved-note").first).to_have_text(
        re.compile(r"^(Saving…|Saved · 0?9:00( AM)?)$")
    )
    box.blur()
    expect(page.locator(".rp-reflection .rp-saved-note").first).to_have_text(
        re.compile(r"^Saved · 0?9:00( AM)?$")  # the pinned clock's time, in the browser's locale
    )
    expect(status).to_contain_text("Week complete")
    toast = page.locator(".rp-toast")
    expect(toast).to_contain_text(
        "Six Weeks of Practice complete." if number == 6 else f"Week {number} complete."
    )
    # In the sidebar (the drawer, on a phone): the week ticked.
    nav = page.locator(f".md-nav--primary a.md-nav__link[href$='/week-{number}/']")
    expect(nav.locator(".rp-nav-mark")).to_contain_text("complete")


# ---- Each item on its own ----------------------------------------------------------------


def follow(page: Page, url: str, track: str) -> None:
    page.goto(url)
    data = {
        "format": "reading-program-journal",
        "version": 3,
        "answers": {},
        "read": {},
        "assessments": {},
        "tracks": {track: {"followed": "2027-01-04T09:00:00.000Z"}},
    }
    page.evaluate("d => localStorage.setItem('reading-program', JSON.stringify(d))", data)


def test_an_article_in_two_tracks_leads_with_the_track_followed(
    page: Page, program_url: str
) -> None:
    follow(page, program_url, SIX)
    page.goto(program_url + "articles/say-it-plainly/")
    chips = page.locator(".rp-article-meta .rp-place")
    expect(chips.first).to_contain_text("Week 2 of Six Weeks of Practice")
    pagers = page.locator(".rp-pagers > .rp-pager")
    expect(pagers.first).to_have_attribute("data-rp-track", SIX)
    expect(page.locator(".rp-pagers__also summary")).to_have_text("Also in another track")
    expect(page.locator(".rp-close__done:visible")).to_have_text("Done, back to week 2: Courage")
    # Choosing the other track turns the page round.
    follow(page, program_url, TWO)
    page.goto(program_url + "articles/say-it-plainly/")
    expect(page.locator(".rp-pagers > .rp-pager").first).to_have_attribute("data-rp-track", TWO)
    expect(page.locator(".rp-close__done:visible")).to_have_text(
        "Done, next reading: Ask, Don't Tell"
    )


def test_mark_as_read_at_the_bottom_and_the_top_agree(page: Page, program_url: str) -> None:
    page.goto(program_url + "articles/side-note/")
    boxes = page.get_by_label("Mark as read")
    expect(boxes).to_have_count(2)
    boxes.last.check()
    expect(boxes.first).to_be_checked()
    assert "side-note" in stored(page)["read"]


def test_a_week_leads_with_its_prompts_and_folds_the_readings_questions(
    page: Page, program_url: str
) -> None:
    page.goto(program_url + week_url(2))
    reflection = page.locator(".rp-reflection")
    expect(reflection.locator("textarea")).to_have_count(2)  # the week's own prompts
    expect(reflection).to_contain_text("one question is answered")
    folds = page.locator("details.rp-fold")
    expect(folds).to_have_count(2)
    expect(folds.first).not_to_have_attribute("open", "")
    folds.first.locator("summary").click()
    folds.first.locator("textarea").first.fill("Answered under the reading")
    folds.first.locator("textarea").first.blur()
    expect(folds.first.locator(".rp-saved-note").first).to_contain_text("Saved")
    page.reload()
    expect(page.locator("details.rp-fold").first).to_have_attribute("open", "")


def test_answer_boxes_grow_and_use_the_phone_width(page: Page, program_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(program_url + week_url(1))
    box = page.locator(".rp-reflection textarea.rp-answer").first
    before = box.bounding_box()
    box.fill("A line of thought.\n" * 12)
    after = box.bounding_box()
    assert after["height"] > before["height"] + 100
    content = page.locator("article").bounding_box()
    assert before["width"] > 0.8 * content["width"]


def test_progress_shows_in_the_sidebar_and_on_cards(page: Page, program_url: str) -> None:
    page.clock.set_fixed_time(MONDAYS[0])
    page.goto(program_url + "articles/first-look/")
    page.get_by_label("Mark as read").first.check()
    page.wait_for_function("(localStorage.getItem('reading-program') || '').includes('first-look')")
    page.goto(program_url)
    card = page.locator(".rp-card", has=page.get_by_role("link", name="First Look", exact=True))
    expect(card).to_contain_text("✓ Read")
    page.goto(program_url + "articles/")
    expect(page.locator(".rp-card--read")).to_have_count(1)
    page.goto(program_url + week_url(1))
    current = page.locator(".md-nav--primary a.rp-nav-current")
    expect(current).to_contain_text("Week 1: Where you stand")
    expect(current).to_contain_text("this week")
    toc = page.locator(".md-nav--secondary").get_by_role("link", name=re.compile("First Look"))
    expect(toc.locator(".rp-nav-mark")).to_contain_text("read")


def test_the_assessment_shows_its_result_first_and_the_form_behind_retake(
    page: Page, program_url: str
) -> None:
    page.goto(program_url + "assessments/habits/")
    take_assessment(page, rating=3)
    result = page.locator(".rp-result")
    expect(result.locator(".rp-result__band")).to_contain_text("Well along")
    expect(result.locator(".rp-result__aspects li")).to_have_count(2)
    page.reload()
    expect(result).to_be_visible()
    expect(page.locator("form.rp-assessment")).to_be_hidden()
    result.get_by_role("button", name="Retake the self-assessment").click()
    expect(page.locator("form.rp-assessment")).to_be_visible()


def test_the_journal_updates_only_the_answer_being_edited(page: Page, program_url: str) -> None:
    follow(page, program_url, SIX)
    answers = {
        f"week-{SIX}-{n}/moment-week-{n}-taught": {"text": f"Answer {n}"} for n in range(1, 7)
    }
    page.evaluate(
        """a => { const j = JSON.parse(localStorage.getItem('reading-program'));
                  j.answers = a; localStorage.setItem('reading-program', JSON.stringify(j)); }""",
        answers,
    )
    page.goto(program_url + "journal/")
    entries = page.locator(".rp-entry")
    expect(entries).to_have_count(6)
    expect(page.locator("details.rp-journal-week[open]")).to_have_count(1)  # the latest week
    page.locator(".rp-jump").get_by_role("link", name="Week 3").click()
    expect(page.locator(f"#journal-{SIX}-3")).to_have_attribute("open", "")
    entry = page.locator(".rp-entry").nth(2)
    entry.get_by_role("button", name="Edit").click()
    # Tag every entry node: any re-render would replace them.
    page.evaluate("document.querySelectorAll('.rp-entry').forEach((n) => (n.rpTagged = true))")
    entry.get_by_role("textbox").press_sequentially(" and more", delay=5)
    tagged = page.evaluate("[...document.querySelectorAll('.rp-entry')].every((n) => n.rpTagged)")
    assert tagged, "typing re-rendered the journal"
    expect(entry.get_by_role("textbox")).to_be_focused()
    entry.get_by_role("button", name="Done").click()
    expect(entry.locator(".rp-entry__answer")).to_have_text("Answer 3 and more")


def test_readers_see_no_author_links_and_footers_stay_in_the_track(
    page: Page, program_url: str
) -> None:
    page.goto(program_url + "articles/side-note/")
    expect(page.locator("a[rel=edit]")).to_have_count(0)
    expect(page.locator(".md-source")).to_have_count(0)
    expect(page.locator(".md-footer__link")).to_have_count(0)  # an article is in no track's nav
    page.goto(program_url + week_url(6))
    expect(page.locator(".md-footer__link--next")).to_have_count(0)  # not into another track
    expect(page.locator(".md-footer__link--prev")).to_contain_text("Week 5")


def test_following_a_link_moves_focus_to_the_new_heading(page: Page, program_url: str) -> None:
    page.goto(program_url + week_url(1))
    page.evaluate("window.stayed = true")
    page.locator(".rp-pager").get_by_role("link", name=re.compile("Week 2")).click()
    expect(page).to_have_url(program_url + week_url(2))
    assert page.evaluate("window.stayed") is True  # Material's instant navigation
    expect(page.locator("article h1")).to_be_focused()


def test_on_a_phone_nothing_reaches_the_screen_edge(page: Page, program_url: str) -> None:
    page.set_viewport_size(PHONE)
    for path in ("journal/", f"tracks/{SIX}/", "assessments/habits/"):
        page.goto(program_url + path)
        page.wait_for_timeout(200)
        overflow = page.evaluate(
            """() => [...document.querySelectorAll(
                '.rp-journal-tools .md-button, form.rp-plan input, form.rp-plan select,'
                + '.rp-result')]
              .filter((n) => n.offsetParent)
              .filter((n) => { const r = n.getBoundingClientRect();
                               return r.left < 8 || r.right > innerWidth - 8; })
              .map((n) => n.outerHTML.slice(0, 80))"""
        )
        assert overflow == [], (path, overflow)


def test_the_home_page_says_what_this_is(page: Page, program_url: str) -> None:
    page.goto(program_url)
    pitch = page.locator(".rp-pitch")
    expect(pitch).to_contain_text("6 weeks, 4–8 min of reading a week")  # the real range
    expect(pitch).to_contain_text("never sent anywhere")
    expect(pitch).to_contain_text("before and after")
    preview = page.locator(".rp-preview")
    expect(preview.get_by_role("link")).to_have_text(
        ["Week 1: Where you stand", "First Look", "Second Look"]
    )
    # Above the lists.
    assert preview.bounding_box()["y"] < page.locator("#articles").bounding_box()["y"]


def test_without_javascript_the_home_page_still_starts(browser: Browser, program_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(program_url)
    expect(page.locator(".rp-resume").get_by_role("link", name="Start week 1")).to_be_visible()
    context.close()


# ---- Accessibility of the new views, light and dark --------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "path", ["", week_url(1), "articles/say-it-plainly/", f"tracks/{SIX}/finish/", "journal/"]
)
def test_the_new_views_pass_axe(page: Page, program_url: str, path: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    follow(page, program_url, SIX)
    page.goto(program_url + week_url(1))
    page.get_by_label("Mark as read").first.check()
    page.locator(".rp-reflection textarea.rp-answer").first.fill("An answer")
    page.goto(program_url + path)
    page.wait_for_timeout(400)  # the views bound to the journal have run
    options = {"runOnly": {"type": "tag", "values": WCAG_2_A_AA}, "resultTypes": ["violations"]}
    results = Axe().run(page, context="article", options=options)
    assert results.violations_count == 0, results.generate_report()
