"""Progress, the reflection journal and storage failures, in real Chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect

WEEK_1 = "tracks/six-week-leadership/week-1/"
OVERVIEW = "tracks/six-week-leadership/"
PROMPT_KEY = "week-six-week-leadership-1/looking-last-weeks-calendar"
FIRST_QUESTION = f"li[data-rp-key='{PROMPT_KEY}']"


def answer(page: Page, index: int, text: str) -> None:
    """Writes in the page's `index`-th answer box (a reading's questions unfolded first) and
    waits for it to say it saved."""
    page.evaluate("document.querySelectorAll('details.rp-fold').forEach((d) => (d.open = true))")
    area = page.locator("textarea.rp-answer").nth(index)
    area.fill(text)
    area.blur()
    expect(page.locator(".rp-saved-note").nth(index)).to_contain_text("Saved")


def stored(page: Page) -> dict:
    return json.loads(page.evaluate("localStorage.getItem('reading-program')") or "{}")


def mark_read(page: Page, box) -> None:
    """Ticks a Mark as read box and sees the mark stored."""
    before = len(stored(page).get("read", {}))
    box.check()
    marks = "Object.keys(JSON.parse(localStorage.getItem('reading-program') || '{}').read || {})"
    page.wait_for_function(f"n => {marks}.length > n", arg=before)


def test_marking_readings_read_shows_progress_on_the_overview(page: Page, site_url: str) -> None:
    page.goto(site_url + OVERVIEW)
    card = page.locator(".rp-resume")
    start = card.get_by_role("link", name="Start week 1")
    expect(start).to_be_visible()
    expect(card.locator(".rp-resume__progress")).to_be_hidden()
    page.goto(site_url + WEEK_1)
    readings = page.locator(".rp-reading")
    expect(readings).to_have_count(2)
    mark_read(page, readings.nth(0).get_by_label("Mark as read"))
    page.goto(site_url + OVERVIEW)
    page.reload()
    expect(page.locator(".rp-week-progress[data-rp-week='1']")).to_have_text(
        "● 1 of 2 read · 0 answered"
    )
    expect(page.locator(".rp-week-progress[data-rp-week='2']")).to_have_text("○ Not started")
    expect(card.locator(".rp-resume__count")).to_have_text(
        "0 of 6 weeks complete · 1 of 12 readings read"
    )
    expect(card.get_by_role("heading")).to_have_text(re.compile("^Week 1 of 6: "))
    expect(card.get_by_role("link", name=re.compile("^Continue: "))).to_contain_text(
        "Are You a Good Leader or Just a Manager?"
    )
    expect(start).to_have_count(0)  # Start and Continue never show together


def test_partial_progress_after_reading_week_one_and_answering_four(
    page: Page, site_url: str
) -> None:
    """The issue's case: both week-1 readings read and 4 of 12 questions answered."""
    page.goto(site_url + WEEK_1)
    expect(page.locator("textarea.rp-answer")).to_have_count(12)  # the modules have loaded
    for box in page.get_by_label("Mark as read").all():
        box.check()
    for index in range(4):
        answer(page, index, "My answer.")
    page.goto(site_url + OVERVIEW)
    expect(page.locator(".rp-week-progress[data-rp-week='1']")).to_have_text("✓ Complete")
    card = page.locator(".rp-resume")
    expect(card.locator(".rp-resume__count")).to_have_text(
        "1 of 6 weeks complete · 2 of 12 readings read"
    )
    # 12 readings and a first answer in each week: 18 steps, 3 done.
    width = card.locator(".rp-bar > span").evaluate("s => s.style.width")
    assert width == f"{round(100 * 3 / 18)}%"
    expect(page.get_by_text("A week is complete when its readings are marked read")).to_be_visible()
    expect(card.get_by_role("link", name=re.compile("^Continue: "))).to_contain_text(
        "Keep the Project on Track"
    )
    page.goto(site_url)
    card = page.locator(".rp-resume")
    expect(card.get_by_role("link", name=re.compile("^Continue: "))).to_contain_text(
        "Keep the Project on Track"
    )
    expect(card.get_by_role("link", name="Start week 1")).to_have_count(0)


def test_continue_names_the_questions_once_the_readings_are_read(page: Page, site_url: str) -> None:
    page.goto(site_url + WEEK_1)
    expect(page.get_by_label("Mark as read")).to_have_count(2)
    for box in page.get_by_label("Mark as read").all():
        box.check()
    page.goto(site_url + OVERVIEW)
    link = page.locator(".rp-resume").get_by_role("link", name=re.compile("^Continue"))
    expect(link).to_have_text("Continue: answer a question of week 1")
    expect(link).to_have_attribute("href", re.compile("week-1/#reflect$"))


def test_answer_survives_instant_navigation_and_reload(page: Page, site_url: str) -> None:
    page.goto(site_url + WEEK_1)
    answer = page.locator(FIRST_QUESTION).get_by_role("textbox")
    expect(answer).to_have_accessible_name(
        "Looking at last week's calendar, which hours did you spend managing processes and "
        "which leading people?"
    )
    answer.fill("Mostly managing, sadly.")
    page.evaluate("window.stayedOnThisDocument = true")
    page.locator(".rp-pager a.rp-pager__next").click()
    expect(page).to_have_url(site_url + "tracks/six-week-leadership/week-2/")
    assert page.evaluate("window.stayedOnThisDocument") is True, "navigation was not instant"
    page.locator(".rp-pager a.rp-pager__previous").click()
    expect(page.locator(FIRST_QUESTION).get_by_role("textbox")).to_have_value(
        "Mostly managing, sadly."
    )
    page.reload()
    expect(page.locator(FIRST_QUESTION).get_by_role("textbox")).to_have_value(
        "Mostly managing, sadly."
    )


def test_article_answers_are_shared_with_the_week_page(page: Page, site_url: str) -> None:
    page.goto(site_url + "articles/courage-is-calling/")
    page.locator(".rp-reflection textarea").first.fill("Listen first.")
    expect(page.locator(".rp-reflection .rp-saved-note").first).to_contain_text("Sav")
    page.goto(site_url + "tracks/six-week-leadership/week-2/")
    key = "article-courage-is-calling/how-balance-being-leader"
    expect(page.locator(f"li[data-rp-key='{key}'] textarea")).to_have_value("Listen first.")


def test_export_clear_import_restores_everything(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + WEEK_1)
    mark_read(page, page.get_by_label("Mark as read").first)
    answer(page, 0, "First answer\nwith two lines")
    answer(page, 3, 'Quotes " and <angle> brackets')
    page.goto(site_url + "journal/")
    before = stored(page)
    assert len(before["answers"]) == 2
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export as JSON").click()
    exported = tmp_path / "journal.json"
    download_info.value.save_as(exported)
    assert json.loads(exported.read_text())["format"] == "reading-program-journal"
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear everything").click()
    expect(page.locator(".rp-journal-status")).to_have_text("Your journal is empty.")
    assert stored(page)["answers"] == {}
    page.get_by_label("Import JSON").set_input_files(exported)
    expect(page.locator(".rp-journal-status")).to_have_text(
        "Imported 2 answers: 2 added. Also added: 1 reading mark."
    )
    assert stored(page) == before
    page.goto(site_url + WEEK_1)
    expect(page.locator("textarea.rp-answer").nth(0)).to_have_value("First answer\nwith two lines")


def test_import_asks_before_overwriting_a_different_answer(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    page.goto(site_url + WEEK_1)
    answer(page, 0, "Old answer")
    key = page.locator("li[data-rp-key]").first.get_attribute("data-rp-key")
    page.goto(site_url + "journal/")
    file = tmp_path / "other.json"
    other = {"text": "Imported answer", "question": "Q", "updated": "2026-01-01T00:00:00Z"}
    file.write_text(
        json.dumps({"format": "reading-program-journal", "version": 1, "answers": {key: other}})
    )
    messages: list[str] = []

    def decline(dialog) -> None:
        messages.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", decline)
    page.get_by_label("Import JSON").set_input_files(file)
    expect(page.locator(".rp-journal-status")).to_have_text(
        "Imported 0 answers; 1 kept as in this browser."
    )
    assert "1 imported answer(s) differ" in messages[0]
    expect(page.locator(".rp-entry__answer")).to_have_text("Old answer")


def test_markdown_export_holds_answers_results_and_progress_only(page: Page, site_url: str) -> None:
    page.goto(site_url + WEEK_1)
    mark_read(page, page.get_by_label("Mark as read").first)
    answer(page, 0, "Planning, mostly.")
    answer(page, 3, "Ask more questions.")
    page.goto(site_url + "journal/")
    expect(page.locator(".rp-entry")).to_have_count(2)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export as Markdown").click()
    text = Path(download_info.value.path()).read_text()
    assert text.startswith("# My reading journal\n\nExported from this browser on ")
    assert "\n## Six-Week Leadership\n\n### Week 1: Leading, not just managing\n" in text
    assert "**Looking at last week's calendar" in text
    assert "Planning, mostly." in text
    assert "_From “Leadership vs. Management" in text
    assert "not answered" not in text
    assert "Coaching Basics" not in text, "a track with nothing answered or read is left out"
    assert "## Reading progress" in text
    assert "- Six-Week Leadership: 0 of 6 weeks complete, 1 of 12 readings read" in text
    assert len(text.splitlines()) < 40


def test_failing_storage_shows_a_notice_and_keeps_the_text(page: Page, site_url: str) -> None:
    page.add_init_script(
        "Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError') }"
    )
    page.goto(site_url + WEEK_1)
    area = page.locator("textarea.rp-answer").first
    area.fill("Text that cannot be stored")
    notice = page.get_by_role("alert")
    expect(notice).to_contain_text("Your answers are not being saved")
    expect(area).to_have_value("Text that cannot be stored")
    with page.expect_download() as download_info:
        notice.get_by_role("button", name="Export your journal").click()
    exported = json.loads(Path(download_info.value.path()).read_text())
    assert [a["text"] for a in exported["answers"].values()] == ["Text that cannot be stored"]
    page.locator(".rp-pager a.rp-pager__next").click()
    page.locator(".rp-pager a.rp-pager__previous").click()
    expect(page.locator("textarea.rp-answer").first).to_have_value("Text that cannot be stored")


def store_journal(page: Page, site_url: str, answers: dict) -> None:
    page.goto(site_url)
    data = {"version": 1, "answers": answers, "read": {}, "assessments": {}}
    page.evaluate("data => localStorage.setItem('reading-program', JSON.stringify(data))", data)


def requested(page: Page, url: str) -> list[str]:
    """The URLs the page requests while it opens `url` and settles."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(url, wait_until="networkidle")
    return urls


def test_answer_to_a_removed_question_shows_as_retired(page: Page, site_url: str) -> None:
    retired = {"text": "Still mine", "question": "A question that was removed?", "source": "Week 9"}
    store_journal(page, site_url, {"week-gone-9/old-question": retired})
    urls = requested(page, site_url + "journal/")
    section = page.locator(".rp-retired")
    expect(section).to_be_visible()
    expect(section).to_contain_text("A question that was removed?")
    expect(section).to_contain_text("Answered on “Week 9”")
    expect(section).to_contain_text("Still mine")
    assert f"{site_url}journal/other-articles.json" in urls, "it may be another article's"


def test_a_retired_answer_without_its_question_is_edited_without_one(
    page: Page, site_url: str
) -> None:
    store_journal(page, site_url, {"week-gone-9/old-question": {"text": "Old words"}})
    page.goto(site_url + "journal/")
    entry = page.locator(".rp-retired .rp-entry")
    expect(entry.locator(".rp-entry__question")).to_have_text("(question not saved)")
    entry.get_by_role("button", name="Edit").click()
    entry.get_by_role("textbox").fill("New words")
    entry.get_by_role("button", name="Done").click()
    expect(entry.locator(".rp-entry__answer")).to_have_text("New words")
    saved = stored(page)["answers"]["week-gone-9/old-question"]
    assert saved["text"] == "New words"
    assert "question" not in saved, "the placeholder is not saved as the question"


def test_answers_within_the_tracks_need_only_the_tracks_data(page: Page, site_url: str) -> None:
    """The journal shows the question as it was answered (a question reworded since keeps
    its id), and loads nothing about articles in no track."""
    answer = {"text": "Mine", "question": "As the question read then?", "source": "Week 1"}
    store_journal(page, site_url, {PROMPT_KEY: answer})
    urls = requested(page, site_url + "journal/")
    entry = page.locator(".rp-journal-week .rp-entry")
    expect(entry.locator(".rp-entry__question")).to_have_text("As the question read then?")
    expect(entry).to_contain_text("This week's prompt")
    assert f"{site_url}journal/questions.json" in urls
    assert not [url for url in urls if "other-articles" in url or "question-texts" in url]


def test_article_changed_after_reading_says_so(page: Page, site_url: str) -> None:
    page.goto(site_url)
    data = {
        "version": 1,
        "answers": {},
        "assessments": {},
        "read": {"courage-is-calling": {"hash": "old"}},
    }
    page.evaluate("data => localStorage.setItem('reading-program', JSON.stringify(data))", data)
    page.goto(site_url + "articles/courage-is-calling/")
    boxes = page.get_by_label("Mark as read")
    expect(boxes).to_have_count(2)  # at the top and where reading ends
    for box in boxes.all():
        expect(box).to_be_checked()
    expect(page.locator(".rp-updated").first).to_have_text("Updated since you read it")


def test_answers_to_articles_in_no_track_are_listed_from_storage(page: Page, site_url: str) -> None:
    # Every article of the real site is in a track, so serve a list of the articles in no
    # track that has one (as a library with articles outside tracks would).
    def with_unplaced_article(route) -> None:
        data = json.loads(route.fetch().text())
        data["articles"]["solo"] = ["Solo <piece>", ["why"]]
        route.fulfill(body=json.dumps(data), content_type="application/json")

    page.route("**/journal/other-articles.json", with_unplaced_article)
    answer = {"text": "Because.", "question": "Why solo?", "source": "Solo"}
    store_journal(page, site_url, {"article-solo/why": answer})
    page.goto(site_url + "journal/")
    other = page.locator(".rp-other")
    expect(other).to_be_visible()
    expect(other.get_by_role("link", name="Solo <piece>")).to_have_attribute(
        "href", "../articles/solo/"
    )
    expect(other).to_contain_text("Why solo?")
    expect(other).to_contain_text("Because.")
    expect(page.locator(".rp-retired")).to_have_count(0)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export as Markdown").click()
    text = Path(download_info.value.path()).read_text()
    assert "## Other articles\n\n**Why solo?**\n\n_From “Solo <piece>”_\n\nBecause.\n" in text
