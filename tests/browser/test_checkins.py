"""Progress check-ins in real Chromium: a participant shares their progress (words and a
code, never an answer), the lead pastes check-ins into Team progress on the cohort page and
sees a table; nothing is stored or sent. Axe in light and dark, with the table filled."""

from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

TRACK = "tracks/six-week-leadership/"
WEEK_1 = TRACK + "week-1/"
WEEK_2 = TRACK + "week-2/"
COHORT = "cohorts/sales-east/"
WORKBOOK = TRACK + "workbook/"
WCAG_2_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CODE = re.compile(r"RPC1[A-Z2-7]+")
HOSTILE = '<img src=x onerror="document.title=1">'
BLOCKED_CLIPBOARD = """
Object.defineProperty(navigator, "clipboard", {
  value: { writeText: () => Promise.reject(new DOMException("blocked", "NotAllowedError")) },
});
"""


def stored(page: Page) -> dict:
    return json.loads(page.evaluate("localStorage.getItem('reading-program')") or "{}")


def make_code(page: Page, site_url: str, **fields) -> str:
    """A check-in code made by the site's own module, for people not in this browser."""
    return page.evaluate(
        """([url, fields]) => import(url).then((m) => m.encodeCheckin(fields))""",
        [site_url + "javascripts/rp/checkin.js", fields],
    )


def share(page: Page, name: str | None = "Sam") -> str:
    page.get_by_role("button", name="Share my progress").click()
    if name is not None:
        page.get_by_label("Your name, as your team lead knows you").fill(name)
    text = page.get_by_label("Your check-in, to paste into a chat or an e-mail to your team lead")
    expect(text).to_have_value(CODE)
    return text.input_value()


def finish_week_1(page: Page, site_url: str) -> list[str]:
    """Both readings read and every question answered: complete by any definition."""
    page.goto(site_url + WEEK_1)
    expect(page.get_by_label("Mark as read")).to_have_count(2)
    expect(page.locator("textarea.rp-answer")).to_have_count(12)
    for box in page.get_by_label("Mark as read").all():
        box.check()
    page.evaluate("document.querySelectorAll('details.rp-fold').forEach((d) => (d.open = true))")
    answers = []
    for index, area in enumerate(page.locator("textarea.rp-answer").all()):
        answers.append(f"My private answer number {index}")
        area.fill(answers[-1])
    expect(page.locator("li.rp-answered")).to_have_count(len(answers))
    return answers


def test_share_my_progress_gives_words_and_a_code_and_no_answer(page: Page, site_url: str) -> None:
    answers = finish_week_1(page, site_url)
    page.goto(site_url + WEEK_2)
    page.get_by_label("Mark as read").first.check()
    text = share(page)
    first, second = text.split("\n")
    assert first == (
        "Sam, Six-Week Leadership: week 1 done (2/2 read, 12 answers), week 2 started (1/2 read)"
    )
    assert CODE.fullmatch(second.removeprefix("Check-in code: "))
    for answer in answers:
        assert answer not in text and "private" not in text
    decoded = page.evaluate(
        "([url, code]) => import(url).then((m) => m.decodeCheckin(code))",
        [site_url + "javascripts/rp/checkin.js", CODE.search(text).group()],
    )
    assert decoded["checkin"]["name"] == "Sam"
    assert [w["status"] for w in decoded["checkin"]["weeks"]] == [2, 1, 0, 0, 0, 0]
    expect(page.get_by_role("button", name="Share my progress")).to_have_attribute(
        "aria-expanded", "true"
    )
    page.wait_for_function(
        "JSON.parse(localStorage.getItem('reading-program') || '{}').profile?.displayName"
    )
    assert stored(page)["profile"] == {"displayName": "Sam"}

    page.goto(site_url + TRACK)  # the name is asked for once, then kept in this browser
    assert share(page, name=None) == text
    expect(page.locator(".rp-resume + .rp-share")).to_have_count(1)  # under the track's card


def test_the_name_is_checked_and_stays_text(page: Page, site_url: str) -> None:
    page.goto(site_url + WEEK_1)
    page.get_by_role("button", name="Share my progress").click()
    name = page.get_by_label("Your name, as your team lead knows you")
    copy = page.get_by_role("button", name="Copy check-in")
    text = page.locator("#rp-share-text")
    name.fill("   ")
    expect(page.locator(".rp-share-problem")).to_have_text("Type your name first.")
    expect(text).to_have_value("")
    expect(copy).to_be_disabled()
    name.fill("x" * 81)  # the field takes 80 characters, as the journal's profile does
    expect(text).to_have_value(re.compile("^" + "x" * 80 + ", Six-Week"))
    expect(copy).to_be_enabled()
    name.fill(HOSTILE)
    expect(text).to_have_value(re.compile("^" + re.escape(HOSTILE) + ", Six-Week Leadership:"))
    expect(page.locator(".rp-share-problem")).to_have_text("")
    assert page.locator("img[src=x]").count() == 0 and page.title() != "1"


def test_copy_check_in_and_its_fallback(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + WEEK_1)
    text = share(page)
    page.get_by_role("button", name="Copy check-in").click()
    expect(page.locator(".rp-share-panel").get_by_role("status").last).to_have_text(" Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == text

    page.add_init_script(BLOCKED_CLIPBOARD)
    page.reload()
    share(page, name=None)
    page.get_by_role("button", name="Copy check-in").click()
    expect(page.locator(".rp-share-panel").get_by_role("status").last).to_have_text(
        " Selected: press Ctrl+C (or ⌘C) to copy."
    )
    selected = page.evaluate(
        "() => { const t = document.activeElement;"
        " return t.value.slice(t.selectionStart, t.selectionEnd); }"
    )
    assert selected == text


def paste_team(page: Page, site_url: str, own: str) -> dict[str, str]:
    """Check-ins from four people, with chat noise, repeats and codes to skip, pasted on
    the cohort page."""
    idle = {"status": 0, "read": 0, "answers": 0}

    def weeks(*first: dict) -> list[dict]:
        return [*first, *[idle] * (6 - len(first))]

    codes = {
        "kim": make_code(
            page,
            site_url,
            track="six-week-leadership",
            name="Kim",
            day="2027-01-19",
            weeks=weeks(
                {"status": 2, "read": 2, "answers": 4}, {"status": 2, "read": 2, "answers": 1}
            ),
        ),
        "hostile": make_code(
            page,
            site_url,
            track="six-week-leadership",
            name=HOSTILE,
            day="2027-01-18",
            weeks=weeks(),
        ),
        "kim_older": make_code(
            page,
            site_url,
            track="six-week-leadership",
            name="kim",
            day="2027-01-12",
            weeks=weeks({"status": 1, "read": 1, "answers": 0}),
        ),
        "foreign": make_code(
            page,
            site_url,
            track="coaching-basics",
            name="Lee",
            day="2027-01-19",
            weeks=[idle] * 4,
        ),
    }
    chat = (
        f"[09:12] Kim: done with two weeks! {codes['kim']}\n"
        f"[09:30] Sam: {own}\n"
        f"[09:31] Sam: {own}\n"  # the same message twice
        f"[Mon] forwarded: {codes['kim_older']}\n"
        f"[10:02] Bob: my code {codes['kim'][:40]} (cut off by my phone)\n"
        f"[10:05] Lee (other team): {codes['foreign']}\n"
        f"{codes['hostile']} -- sent from my phone"
    )
    page.get_by_label("Check-ins you received").fill(chat)
    return codes


def test_team_progress_table_from_pasted_check_ins(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time("2027-01-20T10:00:00")  # week 2 of Sales East
    finish_week_1(page, site_url)
    page.goto(site_url + WEEK_2)
    own = share(page)
    page.evaluate("localStorage.clear()")  # the lead's browser knows nothing of Sam
    page.goto(site_url + COHORT)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    stored_before = page.evaluate("JSON.stringify(localStorage)")
    codes = paste_team(page, site_url, own)

    table = page.locator(".rp-team-table table")
    expect(table.locator("tbody tr")).to_have_count(3)
    expect(page.locator(".rp-team-progress__status")).to_have_text(
        "3 people; 2 codes skipped, see below."
    )
    rows = [row.locator("th, td").all_inner_texts() for row in table.locator("tbody tr").all()]
    assert rows == [
        [HOSTILE, "Mon 18 Jan", *["not started"] * 6],
        [
            "Kim",
            "Tue 19 Jan",
            "done\n2/2 read\n4 answers",
            "done\n2/2 read\n1 answer",
            *["not started"] * 4,
        ],
        ["Sam", "Wed 20 Jan", "done\n2/2 read\n12 answers", *["not started"] * 5],
    ]
    current = table.locator("thead th.rp-current")
    expect(current).to_have_count(1)
    expect(current).to_have_text(re.compile(r"Week 2\s*this week"))
    expect(table.locator("tbody td.rp-current")).to_have_count(3)
    expect(table.locator("tfoot tr")).to_have_text(re.compile("Done\\s*2 of 3\\s*1 of 3"))
    assert table.locator("img").count() == 0 and page.title() != "1"  # the name is text
    notes = page.locator(".rp-team-progress__notes li").all_inner_texts()
    assert notes == [
        "Kim: 2 check-ins, the table shows the newest.",
        f"{codes['kim'][:12]}…: skipped, damaged or cut short: ask for it again.",
        f"{codes['foreign'][:12]}…: skipped, for another track (coaching-basics).",
    ]
    kept = json.loads(page.evaluate("localStorage.getItem('reading-program.checkins')"))
    assert set(kept["cohorts"]) == {"sales-east"}, "kept for this cohort"
    assert "Bob" not in json.dumps(kept) and "09:12" not in json.dumps(kept), "codes, no chat"
    others = page.evaluate(
        "JSON.stringify(Object.fromEntries(Object.entries(localStorage)"
        ".filter(([k]) => k !== 'reading-program.checkins')))"
    )
    assert others == stored_before, "the journal is untouched"
    assert all(url.startswith(site_url) for url in requests), "nothing is sent"
    expect(page.locator(".rp-team-progress")).to_contain_text("nothing is sent anywhere")

    page.get_by_label("Check-ins you received").fill("")
    expect(table.locator("tbody tr")).to_have_count(3)  # kept in this browser
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Forget them").click()
    expect(table).to_have_count(0)
    page.get_by_label("Check-ins you received").fill("no codes here, just chat")
    expect(page.locator(".rp-team-progress__status")).to_have_text(
        "No check-in for this team found in what you pasted."
    )


def test_the_table_copies_as_text(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.clock.set_fixed_time("2027-01-20T10:00:00")
    page.goto(site_url + COHORT)
    own = make_code(
        page,
        site_url,
        track="six-week-leadership",
        name="Sam",
        day="2027-01-20",
        weeks=[
            {"status": 1, "read": 1, "answers": 0},
            *[{"status": 0, "read": 0, "answers": 0}] * 5,
        ],
    )
    page.get_by_label("Check-ins you received").fill(own)
    page.get_by_role("button", name="Copy the table as text").click()
    lines = page.evaluate("navigator.clipboard.readText()").split("\n")
    assert lines[0].split("\t")[:4] == ["Person", "Checked in", "Week 1", "Week 2 (this week)"]
    assert lines[1].split("\t")[:3] == ["Sam", "Wed 20 Jan", "started (1/2 read)"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_team_progress_and_workbook_pass_axe(page: Page, site_url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.clock.set_fixed_time("2027-01-20T10:00:00")
    page.goto(site_url + COHORT)
    own = make_code(
        page,
        site_url,
        track="six-week-leadership",
        name="Sam",
        day="2027-01-20",
        weeks=[
            {"status": 2, "read": 2, "answers": 3},
            *[{"status": 0, "read": 0, "answers": 0}] * 5,
        ],
    )
    page.get_by_label("Check-ins you received").fill(f"{own} RPC1AAAA")
    expect(page.locator(".rp-team-table tbody tr")).to_have_count(1)
    expect(page.locator(".rp-team-progress__notes li")).to_have_count(1)
    options = {"runOnly": {"type": "tag", "values": WCAG_2_A_AA}, "resultTypes": ["violations"]}
    results = Axe().run(page, context="article", options=options)
    assert results.violations_count == 0, results.generate_report()

    page.goto(site_url + WORKBOOK + "?cohort=sales-east")
    expect(page.locator(".rp-workbook-team")).to_be_visible()
    results = Axe().run(page, context="article", options=options)
    assert results.violations_count == 0, results.generate_report()

    page.goto(site_url + WEEK_1)
    share(page)
    results = Axe().run(page, context="article", options=options)
    assert results.violations_count == 0, results.generate_report()


def test_controls_show_their_focus(page: Page, site_url: str) -> None:
    page.goto(site_url + WEEK_1)
    share(page)
    for control in [
        page.get_by_label("Your name, as your team lead knows you"),
        page.get_by_label("Your check-in, to paste into a chat or an e-mail to your team lead"),
    ]:
        control.focus()
        assert control.evaluate("el => getComputedStyle(el).outlineStyle") != "none"
    copy = page.get_by_role("button", name="Copy check-in")
    resting = copy.evaluate("el => getComputedStyle(el).backgroundColor")
    copy.focus()
    # Material's focus style: the button fills with the accent colour (after a transition)
    expect(copy).not_to_have_css("background-color", resting)
    page.goto(site_url + COHORT)
    box = page.get_by_label("Check-ins you received")
    expect(box).to_be_visible()  # the box shows once its script is ready
    box.focus()
    assert box.evaluate("el => getComputedStyle(el).outlineStyle") != "none"
