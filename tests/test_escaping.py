"""Every field of every content file is text on the site: script, attribute and Markdown
payloads in each of them come out as the characters the author typed, never as markup.

One build plants a payload in every text field of every kind of file (articles, a listed
track, an assessment, a cohort, the tags list), then every built page is searched for
anything the payloads could have become: a script, an event handler, a `javascript:` link,
an image or other request to a third party.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from site_helpers import Site, make_site

pytestmark = pytest.mark.build

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
MARKDOWN = "[click](javascript:alert(1)) ![](https://example.org/p.gif) **bold** `code`"
PAYLOADS = {"script": SCRIPT, "attribute": ATTRIBUTE, "markdown": MARKDOWN}


def q(text: str) -> str:
    """`text` as a double-quoted YAML scalar."""
    return json.dumps(text)


def content(payload: str) -> dict[str, str]:
    p = q(payload)
    article = (
        f"---\ntitle: {q('Lead ' + payload)}\nsummary: {q('Sum ' + payload)}\n"
        f'tags: [leadership]\nreflection:\n  - {q("Q1 " + payload)}\n  - "Q2?"\n  - "Q3?"\n'
        f"author: {p}\nsource: {p}\n---\n\nBody text.\n\n## Outcome: Low\n\nText.\n"
    )
    coach = (
        f'---\ntitle: {q("Coach " + payload)}\nsummary: "S."\ntags: [coaching]\n'
        'reflection: ["One?", "Two?", "Three?"]\n---\n\nText.\n'
    )
    track = (
        f"title: {q('Weeks ' + payload)}\nsummary: {q('Track ' + payload)}\nassessment: check\n"
        "weeks:\n"
        f"  - title: {q('First ' + payload)}\n    intro: {q('Intro ' + payload)}\n"
        f"    tags: [leadership]\n    assessment: before\n    prompts: [{q('Prompt ' + payload)}]\n"
        f'  - title: "Second"\n    intro: "Then."\n    tags: [coaching]\n    assessment: after\n'
        '    prompts: ["P?"]\n'
    )
    assessment = (
        f"title: {q('Check ' + payload)}\nintro: {q('Rate ' + payload)}\narticle: lead\n"
        f'scale: [{p}, "Yes"]\nstatements:\n'
        f"  - {{id: one, aspect: coaching, text: {q('Statement ' + payload)}}}\n"
        f'bands:\n  - {{outcome: {q("Band " + payload)}, heading: "Outcome: Low", min: 1, '
        f"max: 2, summary: {q('Band summary ' + payload)}}}\n"
    )
    cohort = (
        f'team: {q("Team " + payload)}\ntrack: weeks\nstart: 2027-03-01\nmeeting: "Mon 09:30"\n'
        f"lead: {q('Lead ' + payload)}\nmessage: {q('Note ' + payload)}\n"
    )
    tags = (
        f"leadership: {{title: {q('Leadership ' + payload)}, "
        f"description: {q('Leads ' + payload)}}}\n"
        f'coaching: {{title: {q("Coaching " + payload)}, description: "Grows."}}\n'
    )
    return {
        "content/articles/lead.md": article,
        "content/articles/coach.md": coach,
        "content/tracks/weeks.yml": track,
        "content/assessments/check.yml": assessment,
        "content/cohorts/team.yml": cohort,
        "content/tags.yml": tags,
        "docs/index.md": (
            "# Home\n\n<!-- reading-program:start weeks -->\n\n<!-- reading-program:tracks -->\n\n"
            "<!-- reading-program:articles -->\n\n<!-- reading-program:tags -->\n"
        ),
    }


@pytest.fixture(scope="module", params=sorted(PAYLOADS))
def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Site, str]:
    site = make_site(tmp_path_factory.mktemp(request.param))
    (site.root / "content/tracks/two-weeks.yml").unlink()
    for relative, text in content(PAYLOADS[request.param]).items():
        site.write(relative, text)
    site.build()
    return site, PAYLOADS[request.param]


def pages(site: Site) -> list[tuple[str, BeautifulSoup]]:
    found = []
    for file in sorted((site.root / "site").rglob("*.html")):
        found.append(
            (
                file.relative_to(site.root / "site").as_posix(),
                BeautifulSoup(file.read_text("utf-8"), "html.parser"),
            )
        )
    return found


def test_no_payload_becomes_markup_on_any_page(built: tuple[Site, str]) -> None:
    site, _ = built
    for name, page in pages(site):
        assert not [s for s in page.find_all("script") if "alert(1)" in s.get_text()], name
        assert not page.find_all(attrs={"onerror": True}), name
        assert not page.find_all("img", src="x"), name
        for element in page.find_all(href=True):
            assert not element["href"].strip().lower().startswith("javascript:"), (name, element)
        for element in page.find_all(["img", "script", "iframe", "source", "link"]):
            if element.get("rel") == ["canonical"]:
                continue  # the page's own address; nothing is fetched
            for attribute in ("src", "href", "srcset"):
                assert not urlsplit(element.get(attribute, "")).netloc, (name, element)
        assert not [
            e for e in page.find_all(["strong", "code"]) if e.get_text() in {"bold", "code"}
        ], name


def test_islands_feeds_and_descriptions_carry_payloads_as_text(built: tuple[Site, str]) -> None:
    site, payload = built
    description = site.html("articles/lead").find("meta", attrs={"name": "description"})
    assert description["content"] == f"Sum {payload}"
    for _, page in pages(site):
        for island in page.select("[data-rp-json]"):
            json.loads(island["data-rp-json"])  # intact JSON: nothing broke out of the attribute
    week = site.html("tracks/weeks/week-1")
    track = json.loads(week.select_one(".rp-track-data")["data-rp-json"])
    assert track["title"] == f"Weeks {payload}"
    feed = (site.root / "site/cohorts/team.ics").read_text("utf-8")
    assert "BEGIN:VEVENT" in feed and feed.count("BEGIN:VEVENT") == 2


FIELDS_SHOWN = [
    ("articles/lead", ["Lead ", "Q1 "]),
    ("tracks/weeks", ["Weeks ", "Track ", "First "]),
    ("tracks/weeks/week-1", ["First ", "Intro ", "Prompt ", "Lead "]),
    ("tracks/weeks/week-1/guide", ["First ", "Intro ", "Prompt "]),
    ("assessments/check", ["Check ", "Rate ", "Statement ", "Band "]),
    ("cohorts/team", ["Team ", "Note "]),
    ("tags", ["Leadership ", "Leads ", "Coaching "]),
    ("", ["Weeks "]),
]


@pytest.mark.parametrize(("url", "prefixes"), FIELDS_SHOWN)
def test_each_field_reads_as_typed(built: tuple[Site, str], url: str, prefixes: list[str]) -> None:
    site, payload = built
    text = " ".join(site.html(url).select_one("article").get_text(" ").split())
    for prefix in prefixes:
        expected = " ".join(f"{prefix}{payload}".split())
        assert expected in text, (url, prefix, text[:2000])
