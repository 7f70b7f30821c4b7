"""What is stored survives anything, in real Chromium: hostile stored values, damaged
storage, hostile and huge imports, a full storage, two tabs. No page ever throws."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

WCAG_2_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
KEY = "reading-program"
FORMAT = "reading-program-journal"
WEEK_1 = "tracks/six-week-leadership/week-1/"
FIRST_KEY = "week-six-week-leadership-1/looking-last-weeks-calendar"
FIRST_QUESTION = f"li[data-rp-key='{FIRST_KEY}']"
FULL_STORAGE = """
(() => {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (String(value).length > %d) throw new DOMException("full", "QuotaExceededError");
    return setItem.call(this, key, value);
  };
})();
"""

# Each page type that reads the journal, and what shows that its modules have run (with
# something stored, the views bound to the journal mark what they showed).
PAGES: dict[str, tuple[str, Callable[[Page], None]]] = {
    "home": ("", lambda p: expect(p.locator(".rp-track-data[data-rp-shown]")).to_have_count(1)),
    "track": (
        "tracks/six-week-leadership/",
        lambda p: expect(p.locator(".rp-track-data[data-rp-shown]")).to_have_count(1),
    ),
    "week": (WEEK_1, lambda p: expect(p.locator("li[data-rp-shown] textarea")).to_have_count(12)),
    "week 6": (
        "tracks/six-week-leadership/week-6/",
        lambda p: expect(p.locator("[data-rp-shown] .rp-read")).to_have_count(2),
    ),
    "article": (
        "articles/courage-is-calling/",
        lambda p: expect(p.locator("[data-rp-shown] .rp-read")).to_have_count(2),
    ),
    "journal": (
        "journal/",
        lambda p: expect(p.locator(".rp-journal[data-rp-shown]")).to_have_count(1),
    ),
    "assessment": (
        "assessments/leader-or-manager/",
        lambda p: expect(p.locator("form.rp-assessment[data-rp-ready]")).to_have_count(1),
    ),
}

RESULT = {"ratings": {"a": 2}, "aspects": {"coaching": 2}, "total": 2, "max": 50, "outcome": "x"}
HOSTILE: dict[str, str] = {
    "invalid JSON": '{"version": 2, "answers": {"a": {"text": "cut off',
    "not an object": "[1, 2, 3]",
    "JSON null": "null",
    "a string": '"just text"',
    "version as text": json.dumps({"version": "1", "answers": {}}),
    "future version": json.dumps({"format": FORMAT, "version": 99, "answers": {"x": 1}}),
    "number as answer text": json.dumps({"version": 1, "answers": {FIRST_KEY: {"text": 42}}}),
    "answer as a plain string": json.dumps({"version": 1, "answers": {FIRST_KEY: "plain"}}),
    "null answer": json.dumps({"version": 1, "answers": {FIRST_KEY: None, "b": None}}),
    "prototype keys": '{"version": 1, "answers": {"__proto__": {"text": "p"}, '
    '"constructor": {"text": "c"}, "toString": {"text": "t"}}, '
    '"read": {"constructor": {"hash": "h"}, "__proto__": 1}, '
    '"assessments": {"toString": {"before": 1}, "hasOwnProperty": {}}}',
    "arrays for objects": json.dumps(
        {"version": 1, "answers": [{"text": "a"}], "read": [1], "assessments": [[]]}
    ),
    "wrong types everywhere": json.dumps(
        {
            "version": 1,
            "answers": {FIRST_KEY: {"text": "ok", "question": 5, "updated": "yesterday"}},
            "read": {"courage-is-calling": {"hash": 7, "at": {}}, "x": "yes"},
            "assessments": {
                "leader-or-manager": {
                    "before": {**RESULT, "total": None, "ratings": {"a": 99}},
                    "after": {"aspects": "many", "outcome": None},
                }
            },
        }
    ),
    "results with missing totals": json.dumps(
        {
            "version": 2,
            "format": FORMAT,
            "assessments": {
                "leader-or-manager": {
                    "before": {k: v for k, v in RESULT.items() if k != "total"},
                    "retakes": [{"outcome": "x", "max": 50}, None, "40 of 50"],
                }
            },
        }
    ),
    "a huge answer": json.dumps({"version": 1, "answers": {FIRST_KEY: {"text": "x" * 2_000_000}}}),
    "deeply nested JSON": '{"version": 1, "answers": {"a": '
    + '{"text": "deep", "more": ' * 5000
    + "null"
    + "}" * 5000
    + "}}",
}


def collect_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    page.on("console", lambda m: m.type == "error" and errors.append(f"console: {m.text}"))
    return errors


def store_raw(page: Page, site_url: str, raw: str | None) -> None:
    """Put `raw` under the journal's key, from a page that does not read it."""
    page.goto(site_url + "tags/")
    page.evaluate(
        "raw => raw === null ? localStorage.clear() : localStorage.setItem('reading-program', raw)",
        raw,
    )


def stored_raw(page: Page, key: str = KEY) -> str | None:
    return page.evaluate("key => localStorage.getItem(key)", key)


def backups(page: Page) -> dict[str, str]:
    return page.evaluate(
        "Object.fromEntries(Object.keys(localStorage)"
        ".filter(k => k.startsWith('reading-program.damaged.')).map(k => [k, localStorage[k]]))"
    )


def journal_file(tmp_path: Path, data: object, name: str = "import.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


@pytest.mark.parametrize("raw", HOSTILE.values(), ids=HOSTILE.keys())
def test_no_page_throws_whatever_is_stored(page: Page, site_url: str, raw: str) -> None:
    errors = collect_errors(page)
    store_raw(page, site_url, raw)
    for url, enhanced in PAGES.values():
        page.goto(site_url + url)
        enhanced(page)
    assert errors == []


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ('{"version": 2, "answers": {', "could not be read: it is not valid JSON"),
        ('{"answers": {"a": {"text": "x"}}}', "could not be read: it has no valid format version"),
        ("[1, 2, 3]", "could not be read: it is not a journal"),
        (
            json.dumps({"format": FORMAT, "version": 4, "answers": {}}),
            "saved by a newer version of this site (format 4)",
        ),
    ],
    ids=["invalid JSON", "no version", "wrong shape", "future version"],
)
def test_damaged_storage_is_kept_shown_and_offered(
    page: Page, site_url: str, raw: str, says: str
) -> None:
    errors = collect_errors(page)
    store_raw(page, site_url, raw)
    page.goto(site_url + WEEK_1)
    notice = page.get_by_role("alert")
    expect(notice).to_contain_text(says)
    expect(notice).to_contain_text("It is left unchanged")
    assert list(backups(page).values()) == [raw]
    with page.expect_download() as download_info:
        notice.get_by_role("button", name="Download the saved data").click()
    assert Path(download_info.value.path()).read_text() == raw

    area = page.locator(FIRST_QUESTION).get_by_role("textbox")
    area.fill("Typed while the journal is damaged")
    page.wait_for_timeout(600)  # past the save delay
    page.locator(".rp-pager a.rp-pager__next").click()  # instant navigation
    expect(page.get_by_role("alert")).to_contain_text(says)
    page.locator(".rp-pager a.rp-pager__previous").click()
    expect(area).to_have_value("Typed while the journal is damaged")
    page.reload()
    expect(page.get_by_role("alert")).to_contain_text(says)
    assert stored_raw(page) == raw, "nothing overwrote it"
    assert len(backups(page)) == 1, "one copy, however often pages load"
    assert errors == []


def test_starting_afresh_is_the_participants_choice(page: Page, site_url: str) -> None:
    store_raw(page, site_url, "{not json")
    page.goto(site_url + WEEK_1)
    page.locator(FIRST_QUESTION).get_by_role("textbox").fill("Kept when starting afresh")
    dialogs: list[str] = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Start a fresh journal").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert "Its copy stays in this browser" in dialogs[0]
    assert stored_raw(page) == "{not json"
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Start a fresh journal").click()
    expect(page.get_by_role("alert")).to_have_count(0)
    saved = json.loads(stored_raw(page))
    assert saved["version"] == 3
    assert saved["answers"][FIRST_KEY]["text"] == "Kept when starting afresh"
    assert list(backups(page).values()) == ["{not json"]
    page.goto(site_url + "journal/")
    copies = page.locator(".rp-backups")
    expect(copies).to_contain_text("Saved data that could not be read")
    with page.expect_download() as download_info:
        copies.get_by_role("button", name="Download").click()
    assert Path(download_info.value.path()).read_text() == "{not json"


def test_unreadable_entries_are_set_aside_and_the_rest_is_used(page: Page, site_url: str) -> None:
    raw = json.dumps(
        {"version": 1, "answers": {FIRST_KEY: {"text": "Still here"}, "x": {"text": 5}, "y": None}}
    )
    store_raw(page, site_url, raw)
    page.goto(site_url + WEEK_1)
    expect(page.locator(FIRST_QUESTION).get_by_role("textbox")).to_have_value("Still here")
    notice = page.get_by_role("status").filter(has_text="Some entries")
    expect(notice).to_contain_text("2 set aside (not text)")
    assert list(backups(page).values()) == [raw]
    with page.expect_download() as download_info:
        notice.get_by_role("button", name="Download the original").click()
    assert Path(download_info.value.path()).read_text() == raw
    notice.get_by_role("button", name="Dismiss").click()
    expect(notice).to_have_count(0)


def test_the_notice_stands_next_to_the_field_and_across_navigation(
    page: Page, site_url: str
) -> None:
    page.add_init_script(FULL_STORAGE % 0)
    page.goto(site_url + WEEK_1)
    last = page.locator(".rp-reflection textarea.rp-answer").last  # the last one unfolded
    last.fill("Typed far down the page")
    notice = page.get_by_role("alert")
    expect(notice).to_contain_text("storage is full")
    expect(notice).to_be_in_viewport()
    field, box = last.bounding_box(), notice.bounding_box()
    assert 0 <= box["y"] - (field["y"] + field["height"]) < 60, (field, box)
    page.evaluate("window.stayedOnThisDocument = true")
    page.locator(".rp-pager a.rp-pager__next").click()
    expect(page).to_have_url(site_url + "tracks/six-week-leadership/week-2/")
    assert page.evaluate("window.stayedOnThisDocument") is True
    expect(page.get_by_role("alert")).to_contain_text("storage is full")
    page.locator("textarea.rp-answer").nth(1).focus()
    # The notice follows the focused field: wait for it to arrive rather than race it.
    page.wait_for_function(
        """() => {
            const field = document.querySelectorAll("textarea.rp-answer")[1];
            const notice = document.querySelector("[role=alert]");
            const gap = notice.getBoundingClientRect().top - field.getBoundingClientRect().bottom;
            return gap >= 0 && gap < 60;
        }""",
        timeout=5000,
    )


def test_hostile_import_summary_and_nothing_unsafe_kept(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    errors = collect_errors(page)
    hostile = (
        '{"format": "reading-program-journal", "version": 1, "answers": {'
        f'"{FIRST_KEY}": {{"text": 42}}, "week-x-1/a": "A plain answer", '
        '"week-x-1/b": null, "__proto__": {"text": "p"}, "constructor": {"text": "c"}, '
        '"toString": {"text": "t"}, "week-x-1/c": {"text": "Fine", "updated": "not a date"}}, '
        '"read": {"__proto__": {"hash": "x"}, "ok": {"hash": "h"}}, "assessments": []}'
    )
    page.goto(site_url + "journal/")
    page.get_by_label("Import JSON").set_input_files(journal_file(tmp_path, hostile))
    expect(page.locator(".rp-journal-status")).to_have_text(
        "Imported 2 answers: 2 added; 7 skipped (2 not text, 4 reserved name, "
        "1 assessments not a set); 2 repaired (1 plain text answer, 1 bad date). "
        "Also added: 1 reading mark."
    )
    saved = json.loads(stored_raw(page))
    assert set(saved["answers"]) == {"week-x-1/a", "week-x-1/c"}
    assert saved["answers"]["week-x-1/a"] == {"text": "A plain answer"}
    assert set(saved["read"]) == {"ok"}
    retired = page.locator(".rp-retired")
    expect(retired).to_contain_text("A plain answer")
    for url, enhanced in PAGES.values():
        page.goto(site_url + url)
        enhanced(page)
    assert errors == []


@pytest.mark.parametrize(
    ("version", "says"),
    [
        (None, "its format version is not a whole number from 1"),
        ("1", "its format version is not a whole number from 1"),
        (-7, "its format version is not a whole number from 1"),
        (4, "that file is from a newer version of this site (format 4)"),
    ],
)
def test_imports_of_bad_versions_change_nothing(
    page: Page, site_url: str, tmp_path: Path, version: object, says: str
) -> None:
    page.goto(site_url + WEEK_1)
    page.locator("textarea.rp-answer").first.fill("Mine")
    page.wait_for_timeout(600)
    page.goto(site_url + "journal/")
    before = stored_raw(page)
    data = {"format": FORMAT, "version": version, "answers": {"week-x-1/a": {"text": "New"}}}
    page.get_by_label("Import JSON").set_input_files(journal_file(tmp_path, data))
    expect(page.locator(".rp-journal-status")).to_have_text(f"Nothing was imported: {says}.")
    assert stored_raw(page) == before


def test_an_import_that_cannot_be_saved_is_rolled_back(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    page.add_init_script(FULL_STORAGE % 20_000)
    page.goto(site_url + WEEK_1)
    page.locator("textarea.rp-answer").first.fill("Mine")
    page.wait_for_timeout(600)
    second_key = page.locator("li[data-rp-key]").nth(1).get_attribute("data-rp-key")
    page.goto(site_url + "journal/")
    expect(page.locator(".rp-entry")).to_have_count(1)
    before = stored_raw(page)
    answers = {f"week-x-1/q{n}": {"text": "An imported answer. " * 10} for n in range(200)}
    answers[second_key] = {"text": "Hi"}
    data = {"format": FORMAT, "version": 2, "answers": answers}
    page.get_by_label("Import JSON").set_input_files(journal_file(tmp_path, data))
    expect(page.locator(".rp-journal-status")).to_have_text(
        "Nothing was imported: this browser's storage is full. Your journal is as it was."
    )
    assert stored_raw(page) == before
    expect(page.locator(".rp-entry")).to_have_count(1)  # the import's answers are not shown
    expect(page.locator(".rp-retired")).to_have_count(0)
    expect(page.get_by_role("alert")).to_have_count(0)  # no unsaved answers to warn about


def test_a_huge_import_claims_nothing(page: Page, site_url: str, tmp_path: Path) -> None:
    answers = {f"week-x-1/q{n}": {"text": "x" * 1000} for n in range(10_500)}  # about 11 MB
    data = {"format": FORMAT, "version": 2, "answers": answers}
    page.goto(site_url + "journal/")
    page.get_by_label("Import JSON").set_input_files(journal_file(tmp_path, data))
    status = page.locator(".rp-journal-status")
    expect(status).to_have_text(
        "Nothing was imported: this browser's storage is full. Your journal is as it was.",
        timeout=30_000,
    )
    assert stored_raw(page) is None
    huge = tmp_path / "huge.json"
    with huge.open("w") as out:
        out.write('{"format": "reading-program-journal", "version": 2, "answers": {"a": {"text": "')
        out.write("x" * (21 * 1024 * 1024))
        out.write('"}}}')
    page.get_by_label("Import JSON").set_input_files(huge)
    expect(status).to_have_text(
        "Nothing was imported: that file is 21 MB, too large for a journal."
    )


def test_two_tabs_keep_each_others_answers(page: Page, site_url: str) -> None:
    other = page.context.new_page()
    page.goto(site_url + WEEK_1)
    other.goto(site_url + WEEK_1)
    expect(other.locator("textarea.rp-answer")).to_have_count(12)
    page.locator("textarea.rp-answer").nth(0).fill("From the first tab")
    page.wait_for_timeout(600)
    # The second tab hears of it without a reload ...
    expect(other.locator("textarea.rp-answer").nth(0)).to_have_value("From the first tab")
    other.locator("textarea.rp-answer").nth(1).fill("From the second tab")
    other.wait_for_timeout(600)
    # ... and its save does not drop the first tab's answer.
    answers = json.loads(stored_raw(page))["answers"]
    assert [a["text"] for a in answers.values()] == ["From the first tab", "From the second tab"]
    expect(page.locator("textarea.rp-answer").nth(1)).to_have_value("From the second tab")
    other.close()


def test_the_notices_are_accessible(page: Page, site_url: str) -> None:
    store_raw(page, site_url, "{not json")
    page.goto(site_url + WEEK_1)
    expect(page.get_by_role("alert")).to_be_visible()
    fresh = page.get_by_role("button", name="Start a fresh journal")
    fresh.focus()
    assert fresh.evaluate("el => getComputedStyle(el).outlineStyle") != "none"
    options = {"runOnly": {"type": "tag", "values": WCAG_2_A_AA}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    assert results.violations_count == 0, results.generate_report()


def test_an_export_from_a_damaged_journal_says_what_it_holds(page: Page, site_url: str) -> None:
    store_raw(page, site_url, '{"version": 2, "answers": {')
    page.goto(site_url + WEEK_1)
    page.locator("textarea.rp-answer").first.fill("Typed today")
    page.evaluate("window.stayedOnThisDocument = true")
    page.locator("nav.md-nav--primary").get_by_role("link", name="My journal").click()
    expect(page).to_have_url(site_url + "journal/")
    assert page.evaluate("window.stayedOnThisDocument") is True, "instant: still in memory"
    expect(page.locator(".rp-entry__answer")).to_have_text("Typed today")
    export = page.get_by_role("button", name="Export as JSON")
    with page.expect_download() as download_info:
        export.click()  # the first click counts: the notice stays put for a button
    exported = json.loads(Path(download_info.value.path()).read_text())
    assert [a["text"] for a in exported["answers"].values()] == ["Typed today"]
    expect(page.locator(".rp-journal-status")).to_have_text(
        "This export holds only what this page could read: "
        "download the unreadable saved journal from the notice."
    )
