"""Send to another device, in real Chromium: a journal sent by link from one browser (one
context: its own storage, as another device has) arrives whole in another, through the
same import as a file; the fragment leaves the address and the history; a damaged link
changes nothing; the QR code drawn in the page reads back, with a real decoder (zxing-cpp),
as the very link."""

from __future__ import annotations

import base64
import io
import json
import random
import string
import zlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import zxingcpp
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import Browser, BrowserContext, Page, expect

WEEK_1 = "tracks/six-week-leadership/week-1/"
JOURNAL = "journal/"
PHONE = {"width": 390, "height": 844}
WCAG_2_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
KEY = "week-six-week-leadership-1/looking-last-weeks-calendar"


@pytest.fixture
def devices(browser: Browser) -> Iterator[tuple[BrowserContext, BrowserContext]]:
    """A laptop and a phone: two contexts, nothing shared between them."""
    laptop = browser.new_context()
    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield laptop, phone
    laptop.close()
    phone.close()


def stored(page: Page) -> dict:
    return json.loads(page.evaluate("localStorage.getItem('reading-program')") or "{}")


def answer(page: Page, index: int, text: str) -> None:
    page.evaluate("document.querySelectorAll('details.rp-fold').forEach((d) => (d.open = true))")
    area = page.locator("textarea.rp-answer").nth(index)
    area.fill(text)
    area.blur()
    expect(page.locator(".rp-saved-note").nth(index)).to_contain_text("Saved")
    # in storage, not only in memory: what another page or a link reads
    page.wait_for_function(
        "text => (localStorage.getItem('reading-program') || '').includes(JSON.stringify(text))",
        arg=text,
    )


def answered_and_sent(laptop: Page, site_url: str) -> str:
    """The laptop answers week 1's first question and opens Send to another device."""
    laptop.goto(site_url + WEEK_1)
    answer(laptop, 0, "The laptop's answer")
    laptop.goto(site_url + JOURNAL)
    return send_link(laptop)


def send_link(page: Page) -> str:
    """Opens Send to another device on the page open now, and returns its link."""
    page.get_by_role("button", name="Send to another device").click()
    field = page.get_by_role("textbox", name="The link to your journal")
    expect(field).not_to_have_value("")
    return field.input_value()


def open_link(page: Page, link: str) -> None:
    page.goto(link)
    expect(page.locator(".rp-journal-status")).not_to_have_text("")
    expect(page.locator(".rp-journal-status")).not_to_contain_text("Adding the journal")


def assert_fragment_gone(page: Page, link: str) -> None:
    assert page.evaluate("location.hash") == ""
    assert "#" not in page.url
    page.go_back()
    assert "#" not in page.url
    page.go_forward()
    assert "#" not in page.url, "the history entry no longer holds the journal"
    expect(page.locator(".rp-journal-tools").first).to_be_visible()
    assert urlsplit(link).fragment.startswith("rp1.")


def test_a_journal_sent_by_link_arrives_whole_and_leaves_no_trace(
    devices: tuple[BrowserContext, BrowserContext], site_url: str
) -> None:
    laptop, phone = (context.new_page() for context in devices)
    hosts: set[str] = set()
    for page in (laptop, phone):
        page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    laptop.goto(site_url + "tracks/six-week-leadership/")
    laptop.locator(".rp-resume").get_by_role("link", name="Start week 1").click()
    expect(laptop).to_have_url(site_url + WEEK_1)
    laptop.get_by_label("Mark as read").first.check()
    answer(laptop, 0, 'On the laptop: "quotes", <b>tags</b> & ünïcödé\nsecond line')
    answer(laptop, 3, "Ask more questions.")
    laptop.goto(site_url + JOURNAL)
    link = send_link(laptop)
    assert link.startswith(site_url + JOURNAL + "#rp1.")
    expect(laptop.locator(".rp-device-size")).to_have_text(
        f"The link is {len(link):,} characters long."
    )
    sent = stored(laptop)
    assert len(sent["answers"]) == 2 and sent["read"] and sent["tracks"]

    phone.goto("about:blank")
    open_link(phone, link)
    expect(phone.locator(".rp-journal-status")).to_have_text(
        "From the link: Imported 2 answers: 2 added. Also added: 1 reading mark, 1 track followed."
    )
    arrived = stored(phone)
    for section in ("answers", "read", "tracks", "assessments", "profile"):
        assert arrived[section] == sent[section], section
    expect(phone.locator(".rp-entry__answer").first).to_contain_text("On the laptop:")
    assert_fragment_gone(phone, link)
    phone.reload()
    expect(phone.locator(".rp-entry")).to_have_count(2)
    assert stored(phone)["answers"] == sent["answers"], "nothing imported twice, nothing lost"

    # And back, from the phone's week page (beside Share my progress) to the laptop.
    phone.goto(site_url + WEEK_1)
    answer(phone, 1, "Typed on the phone.")
    back = send_link(phone)
    assert back.startswith(site_url + JOURNAL + "#rp1.")
    laptop.goto("about:blank")
    open_link(laptop, back)
    expect(laptop.locator(".rp-journal-status")).to_have_text(
        "From the link: Imported 1 answer: 1 added; 2 already here."
    )
    assert stored(laptop)["answers"] == stored(phone)["answers"]
    assert_fragment_gone(laptop, back)
    assert hosts <= {urlsplit(site_url).netloc, ""}, hosts


@pytest.mark.parametrize("replace", [True, False], ids=["replace", "keep"])
def test_a_differing_answer_goes_through_the_same_choice_as_a_file(
    devices: tuple[BrowserContext, BrowserContext], site_url: str, replace: bool
) -> None:
    laptop, phone = (context.new_page() for context in devices)
    link = answered_and_sent(laptop, site_url)
    phone.goto(site_url + WEEK_1)
    answer(phone, 0, "The phone's answer")
    messages: list[str] = []

    def choose(dialog) -> None:
        messages.append(dialog.message)
        dialog.accept() if replace else dialog.dismiss()

    phone.on("dialog", choose)
    open_link(phone, link)
    assert messages == [
        "1 imported answer(s) differ from the ones in this browser. Replace them with the "
        "imported ones? (Cancel keeps the ones in this browser.)"
    ]
    expected = "1 updated" if replace else "Imported 0 answers; 1 kept as in this browser"
    expect(phone.locator(".rp-journal-status")).to_contain_text(expected)
    kept = "The laptop's answer" if replace else "The phone's answer"
    assert stored(phone)["answers"][KEY]["text"] == kept
    expect(phone.locator(".rp-entry__answer")).to_have_text(kept)
    assert phone.evaluate("location.hash") == ""


def damaged_links(link: str) -> dict[str, tuple[str, str]]:
    """Ways a link goes wrong, and what the page then says."""
    page, payload = link.split("#")
    damaged = "incomplete or damaged"
    return {
        "cut short": (f"{page}#{payload[:-10]}", damaged),
        "changed": (f"{page}#{payload[:12]}{'AAAA' * 8}{payload[44:]}", damaged),
        "not base64": (f"{page}#rp1.%%%<script>", damaged),
        "empty": (f"{page}#rp1.", damaged),
        "newer": (f"{page}#rp9.{payload[4:]}", "from a newer version of this site"),
        "a compression bomb": (f"{page}#rp1.{bomb()}", "too large for a journal"),
    }


def bomb() -> str:
    """A short link that inflates to 21 MB: more than any journal (20 MB)."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate, as the links are
    packed = squeeze.compress(b" " * (21 * 1024 * 1024)) + squeeze.flush()
    return base64.urlsafe_b64encode(packed).decode().rstrip("=")


@pytest.mark.parametrize(
    "how", ["cut short", "changed", "not base64", "empty", "newer", "a compression bomb"]
)
def test_a_damaged_link_changes_nothing(
    devices: tuple[BrowserContext, BrowserContext], site_url: str, how: str
) -> None:
    laptop, phone = (context.new_page() for context in devices)
    link, message = damaged_links(answered_and_sent(laptop, site_url))[how]
    phone.goto(site_url + WEEK_1)
    answer(phone, 0, "The phone's answer")
    before = phone.evaluate("JSON.stringify(localStorage)")
    errors: list[str] = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    phone.on("dialog", lambda dialog: errors.append(dialog.message))
    open_link(phone, link)
    status = phone.locator(".rp-journal-status")
    expect(status).to_contain_text("Nothing was imported")
    expect(status).to_contain_text(message)
    expect(status).to_contain_text("Your journal is as it was.")
    assert phone.evaluate("JSON.stringify(localStorage)") == before
    expect(phone.locator(".rp-entry__answer")).to_have_text("The phone's answer")
    assert phone.evaluate("location.hash") == ""
    assert errors == []


def test_a_link_to_something_else_than_a_journal_is_refused_by_the_journal_checks(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + JOURNAL)
    encode = "async ([module, text]) => (await import(module)).encodeJournal(text)"
    module = site_url + "javascripts/rp/device-link.js"
    wrong = '{"format": "reading-program-journal", "version": 3, "answers": [1, 2]}'
    payload = page.evaluate(encode, [module, wrong])
    hostile = page.evaluate(encode, [module, '{"version": 1e400}'])
    for fragment, words in ((payload, "Imported 0 answers"), (hostile, "Nothing was imported")):
        page.goto("about:blank")
        page.goto(f"{site_url}{JOURNAL}#{fragment}")
        expect(page.locator(".rp-journal-status")).to_contain_text(words)
        assert page.evaluate("location.hash") == ""
    assert stored(page).get("answers", {}) == {}


def noise(length: int) -> str:
    """Text that does not compress, for a long link."""
    return "".join(random.Random(length).choices(string.ascii_letters + " ", k=length))


@pytest.mark.parametrize("length", [60, 1600], ids=["short", "near the limit"])
def test_the_qr_code_reads_back_as_the_link(page: Page, site_url: str, length: int) -> None:
    answers = {KEY: {"text": noise(length)}}
    page.goto(site_url)
    journal = {"format": "reading-program-journal", "version": 3, "answers": answers}
    page.evaluate("data => localStorage.setItem('reading-program', JSON.stringify(data))", journal)
    page.goto(site_url + JOURNAL)
    link = send_link(page)
    assert (len(link) < 500) if length < 100 else (1700 < len(link) <= 2000), len(link)
    code = page.get_by_role("img", name="QR code of the link to your journal")
    expect(code).to_be_visible()
    image = Image.open(io.BytesIO(code.screenshot()))
    found = zxingcpp.read_barcodes(image)
    assert [(result.format, result.text) for result in found] == [
        (zxingcpp.BarcodeFormat.QRCode, link)
    ]


def test_a_journal_too_large_for_a_qr_code_is_offered_as_link_and_file(
    page: Page, site_url: str
) -> None:
    answers = {
        f"week-six-week-leadership-{week}/q{n}": {"text": noise(300 + week * 10 + n)}
        for week in range(1, 7)
        for n in range(3)
    }
    page.goto(site_url)
    journal = {"format": "reading-program-journal", "version": 3, "answers": answers}
    page.evaluate("data => localStorage.setItem('reading-program', JSON.stringify(data))", journal)
    page.goto(site_url + JOURNAL)
    link = send_link(page)
    assert len(link) > 2000
    size = page.locator(".rp-device-size")
    expect(size).to_contain_text(f"The link is {len(link):,} characters long.")
    expect(size).to_contain_text("That is too long for a QR code")
    expect(page.locator(".rp-device-qr")).to_have_count(0)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the journal file").click()
    exported = json.loads(Path(download_info.value.path()).read_text("utf-8"))
    assert {key: a["text"] for key, a in exported["answers"].items()} == {
        key: a["text"] for key, a in answers.items()
    }
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy the link").click()
    expect(page.locator(".rp-device-actions [role=status]")).to_have_text(" Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == link


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", [JOURNAL, WEEK_1], ids=["journal", "week"])
def test_the_panel_is_accessible(page: Page, site_url: str, url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + WEEK_1)
    answer(page, 0, "An answer")
    page.goto(site_url + url)
    expect(page.locator("body")).to_have_attribute(
        "data-md-color-scheme", "slate" if scheme == "dark" else "default"
    )
    opener = page.get_by_role("button", name="Send to another device")
    opener.focus()
    page.keyboard.press("Enter")
    expect(opener).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("img", name="QR code of the link to your journal")).to_be_visible()
    for control in (opener, page.get_by_role("button", name="Copy the link")):
        control.focus()
        assert control.evaluate("el => getComputedStyle(el).outlineStyle") != "none"
    options = {"runOnly": {"type": "tag", "values": WCAG_2_A_AA}, "resultTypes": ["violations"]}
    results = Axe().run(page, context="article", options=options)
    assert results.violations_count == 0, results.generate_report()
    opener.click()
    expect(opener).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".rp-device-panel")).to_have_count(0)


def test_a_journal_this_page_cannot_read_is_not_sent_as_if_whole(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.evaluate("localStorage.setItem('reading-program', '{\"answers\": {broken')")
    page.goto(site_url + JOURNAL)
    send_link(page)
    expect(page.locator(".rp-device-partial")).to_contain_text(
        "This link holds only what this page could read"
    )
    assert page.evaluate("localStorage.getItem('reading-program')") == '{"answers": {broken'


def test_send_comes_with_the_first_mark_not_before(page: Page, site_url: str) -> None:
    """A browser with no journal has nothing to send: beside Share my progress (a check-in
    says "not started" too), Send to another device appears with the first mark."""
    page.goto(site_url + WEEK_1)
    expect(page.get_by_role("button", name="Share my progress")).to_be_visible()
    send = page.locator(".rp-share", has_text="Send to another device")
    expect(send).to_be_hidden()
    page.get_by_label("Mark as read").first.check()
    expect(send).to_be_visible()
    page.reload()
    expect(send).to_be_visible()
