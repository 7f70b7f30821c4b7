"""Real MkDocs builds of a small site in tmp_path, asserting on the HTML."""

from __future__ import annotations

import json
import shutil
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from site_helpers import TRACK_YAML, Site, article_text

from reading_program.cli import main

pytestmark = pytest.mark.build


@pytest.fixture
def built(site: Site) -> Site:
    site.build()
    return site


def test_every_generated_page_is_built(built: Site) -> None:
    for url in [
        "articles/lead",
        "articles/coach",
        "articles",
        "tracks",
        "tracks/two-weeks",
        "tracks/two-weeks/week-1",
        "tracks/two-weeks/week-2",
        "tags",
    ]:
        assert (built.root / "site" / url / "index.html").is_file(), url
    assert not list((built.root / "docs").rglob("articles")), "nothing is written into docs/"


def test_article_page_shows_time_track_tags_questions_and_neighbours(built: Site) -> None:
    page = built.html("articles/lead")
    assert page.h1.get_text(strip=True) == "Lead"
    meta = page.select_one(".rp-meta")
    assert "1 min read" in meta.get_text()
    week_link = meta.find("a", string="Week 1 of Two Weeks")
    assert week_link["href"] == "../../tracks/two-weeks/week-1/"
    tag = page.select_one("a.md-tag")
    assert tag.get_text(strip=True) == "leadership"
    assert tag["href"] == "../../tags/leadership/"
    questions = page.select(".rp-reflection .rp-questions li")
    assert [q.get_text() for q in questions] == [
        "What will you try?",
        "Who can help?",
        "What stops you?",
    ]
    pager = page.select_one("nav.rp-pager[data-search-exclude]")
    assert page.select_one(f"#{pager['aria-labelledby']}").get_text() == (
        "Two Weeks, week 1: previous and next"
    )
    next_link = pager.select_one("a.rp-pager__next")
    assert next_link.get_text() == "Next reading → Coach"
    assert next_link["href"] == "../coach/"


def test_week_page_lists_readings_and_groups_questions(built: Site) -> None:
    page = built.html("tracks/two-weeks/week-1")
    assert page.h1.get_text(strip=True) == "Week 1: First"
    assert "Start here." in page.get_text()
    reading = page.select_one("h3.rp-reading__title a")
    assert (reading.get_text(), reading["href"]) == ("Lead", "../../../articles/lead/")
    # The week's own prompts lead; each reading's questions fold under that reading.
    prompts = page.select(".rp-reflection li")
    assert [p["data-rp-key"] for p in prompts] == ["week-two-weeks-1/notice"]
    fold = page.select_one(".rp-reading details.rp-fold")
    assert fold.summary.get_text(strip=True) == "3 questions from this reading"
    assert len(fold.select("li[data-rp-key]")) == 3
    assert page.select_one(".rp-pager a.rp-pager__next")["href"] == "../week-2/"


def test_search_finds_a_reading_on_its_own_page_not_on_every_week_listing_it(built: Site) -> None:
    index = json.loads((built.root / "site/search/search_index.json").read_text("utf-8"))
    week_text = " ".join(
        doc["text"]
        for doc in index["docs"]
        if doc["location"].startswith("tracks/two-weeks/week-1/")
    )
    article_text = " ".join(
        doc["text"] for doc in index["docs"] if doc["location"].startswith("articles/lead/")
    )
    assert "Start here." in week_text
    assert "What will you try?" in article_text and "What will you try?" not in week_text
    assert "A short summary." not in week_text, "a reading's summary is not the week's text"


def test_track_overview_has_weeks_minutes_and_total(built: Site) -> None:
    page = built.html("tracks/two-weeks")
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in page.select("tbody tr")
    ]
    assert rows[0][:3] == ["1", "First", "Lead"]
    assert rows[0][3].endswith("1")
    assert rows[-1][1:4] == ["Total", "2 readings", "2"]


def test_home_page_markers_are_expanded(built: Site) -> None:
    start = built.html("").select_one(".rp-resume a.md-button--primary")
    assert start["href"] == "tracks/two-weeks/week-1/"
    assert start.get_text() == "Start week 1"


def test_readers_see_no_author_links(built: Site) -> None:
    page = built.html("articles/lead")
    assert page.select_one('a[title="Edit this page"]') is None
    assert page.select_one("a.md-source") is None


def test_edit_link_of_an_article_points_at_its_content_file(site: Site) -> None:
    config = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write("mkdocs.yml", config.replace("!ENV [AUTHOR_LINKS, false]", "true"))  # authors' build
    site.build()
    page = site.html("articles/lead")
    edit = page.select_one('a[title="Edit this page"]')
    assert edit["href"].endswith("/edit/main/content/articles/lead.md")
    assert page.select_one("a.md-source") is not None


def test_navigation_stays_the_same_size_as_articles_are_added(site: Site) -> None:
    site.build()
    before = len(site.html("tracks").select("nav.md-nav--primary a"))
    for number in range(30):
        site.write(f"content/articles/more-{number}.md", article_text(f"More {number}"))
    site.build()
    after = site.html("tracks")
    assert len(after.select("nav.md-nav--primary a")) == before
    assert len(site.html("articles").select("article li")) == 32


PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


@pytest.mark.parametrize("payload", PAYLOADS)
def test_inserted_values_are_escaped_everywhere(site: Site, payload: str) -> None:
    quoted = payload.replace('"', '\\"')
    site.write(
        "content/articles/lead.md",
        article_text(
            title=f"Lead {quoted}",
            summary=f"Sum {quoted}",
            reflection=(f"Q1 {quoted}", "Q2?", "Q3?"),
        ),
    )
    track = (site.root / "content/tracks/two-weeks.yml").read_text()
    track = track.replace('"Two Weeks"', f'"Weeks {quoted}"').replace(
        '"First"', f'"First {quoted}"'
    )
    track = track.replace('"What did you notice?"', f'"Prompt {quoted}"')
    site.write("content/tracks/two-weeks.yml", track)
    site.write(
        "docs/index.md",
        "# Home\n\n<!-- reading-program:articles -->\n<!-- reading-program:tracks -->\n",
    )
    site.build()
    pages = [
        "",
        "articles",
        "articles/lead",
        "tracks",
        "tracks/two-weeks",
        "tracks/two-weeks/week-1",
    ]
    for url in pages:
        page = site.html(url)
        assert not [s for s in page.find_all("script") if "alert(1)" in s.get_text()], url
        for island in page.select("[data-rp-json]"):  # data for the browser script
            json.loads(island["data-rp-json"])
        assert not page.find_all(attrs={"onerror": True}), url
        assert not page.find_all("img", src="x"), url
    week = site.html("tracks/two-weeks/week-1")
    assert (
        json.loads(week.select_one(".rp-track-data")["data-rp-json"])["title"] == f"Weeks {payload}"
    )
    assert f"Prompt {payload}" in week.select_one(".rp-questions").get_text()
    assert f"Week 1: First {payload}" in week.title.get_text()
    article = site.html("articles/lead")
    assert article.h1.get_text(strip=True) == f"Lead {payload}"
    assert article.find("meta", attrs={"name": "description"})["content"] == f"Sum {payload}"
    nav_texts = [a.get_text(" ", strip=True) for a in week.select("nav.md-nav--primary a, label")]
    assert any(f"Weeks {payload}" in text for text in nav_texts)


def test_pages_make_no_request_to_a_third_party(built: Site) -> None:
    for html_file in (built.root / "site").rglob("*.html"):  # 404.html and not-kept.html too
        page = BeautifulSoup(html_file.read_text("utf-8"), "html.parser")
        loaded = page.find_all(["script", "link", "img", "iframe", "source", "audio", "video"])
        for element in loaded:
            if element.name == "link" and element.get("rel") == ["canonical"]:
                continue  # names the page's own address; nothing is fetched
            for attribute in ("src", "href", "srcset"):
                assert not urlsplit(element.get(attribute, "")).netloc, (html_file, element)
        assert 'data-md-component="source"' not in str(page), "repo facts would call GitHub's API"
        assert "fonts.googleapis.com" not in str(page)


def test_content_error_fails_the_build_with_path_line_and_field(site: Site) -> None:
    site.write("content/articles/lead.md", "---\ntitle: Week 1: Intro\n---\n\nText.\n")
    site.write("content/articles/coach.md", article_text(tags="[Coaching]"))
    result = site.build_cli()
    assert result.returncode == 1
    assert (
        "content/articles/lead.md:2: a ': ' inside a value makes YAML read it as a new field"
        in result.stderr
    )
    assert "content/articles/coach.md:4: tag 1: 'Coaching' is not a valid id" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_track_in_a_marker_is_an_error(site: Site, build_error) -> None:
    site.write(
        "docs/index.md", "# Home\n\nIntro.\n\n<!-- reading-program:start no-such-track -->\n"
    )
    assert (
        "docs/index.md:5: marker: no track has the id 'no-such-track'; known tracks: two-weeks"
        in build_error()
    )


def test_hand_written_page_may_not_replace_a_generated_one(site: Site, build_error) -> None:
    site.write("docs/tracks/index.md", "# Mine\n")
    assert (
        "docs/tracks/index.md: the site makes this page itself (the list of tracks): rename or "
        "remove the file"
    ) in build_error()


def test_other_hand_written_pages_join_the_navigation(site: Site) -> None:
    site.write("docs/about.md", "# About us\n")
    site.build()
    assert site.html("about").select_one("nav.md-nav--primary a[href='./']") is not None


def test_builds_in_one_process_share_no_state(site: Site, tmp_path_factory) -> None:
    site.build()
    other = Site(tmp_path_factory.mktemp("other"))
    for relative in ("mkdocs.yml", "docs", "hooks", "overrides", "src"):
        source = site.root / relative
        if source.is_dir():
            shutil.copytree(source, other.root / relative)
        else:
            shutil.copy(source, other.root / relative)
    other.write("content/articles/solo.md", article_text("Solo", tags="[solo]"))
    one_week = TRACK_YAML.split('  - title: "Second"')[0].replace("[leadership]", "[solo]")
    other.write("content/tracks/two-weeks.yml", one_week)
    other.build()
    titles = [a.get_text() for a in other.html("articles").select("article li a")]
    assert titles == ["Solo"]
    assert (site.root / "site/articles/lead/index.html").is_file()


def test_content_error_leaves_the_last_good_build_in_place(site: Site, build_error) -> None:
    site.build()
    site.write("content/articles/lead.md", "---\ntitle: [unclosed\n---\n\nText.\n")
    assert "content/articles/lead.md:2: a list in [ ] is not closed" in build_error()
    assert site.html("tracks/two-weeks/week-1").h1.get_text(strip=True) == "Week 1: First"


def test_tags_show_their_titles_and_have_pages_of_their_own(site: Site) -> None:
    site.write(
        "content/tags.yml",
        'leadership: {title: "Leading & people", description: "Leading people."}\n'
        'coaching: {title: "Coaching", description: "Helping people grow."}\n',
    )
    site.write("docs/index.md", "# Home\n\n<!-- reading-program:tags -->\n")
    site.build()
    chip = site.html("articles/lead").select_one("nav.md-tags a.md-tag")
    assert chip.get_text(strip=True) == "Leading & people"
    assert chip["href"] == "../../tags/leadership/"
    own = site.html("tags/leadership")
    assert own.h1.get_text(strip=True) == "Leading & people"
    assert [a.get_text() for a in own.select("article li a")] == ["Lead"]
    assert "Leading people." in own.select_one("article").get_text()
    assert [a["href"] for a in site.html("").select("a.md-tag")] == [
        "tags/coaching/",
        "tags/leadership/",
    ]


def test_a_tags_plugin_directive_is_flagged(site: Site, build_error) -> None:
    site.write("docs/tags.md", "# Tags\n\n<!-- material/tags -->\n")
    assert "docs/tags.md:3: marker: Material's tags plugin is not used here" in build_error()


def test_a_large_library_gets_an_a_to_z_of_letter_pages(site: Site) -> None:
    for number in range(125):
        letter = "ABCÉ"[number % 4]
        site.write(f"content/articles/more-{number}.md", article_text(f"{letter}rticle {number}"))
    site.write("docs/index.md", "# Home\n\n<!-- reading-program:articles 5 -->\n")
    site.build()
    index = site.html("articles")
    letters = [a.get_text() for a in index.select("article p a")[1:]]  # after "by tag"
    assert letters == ["A", "B", "C", "E", "L"]  # É files under E; L for "Lead"
    assert not index.select("article li"), "the index lists letters, not articles"
    page_e = site.html("articles/a-z/e")
    assert len(page_e.select("article li")) == 31
    assert len(site.html("").select("article li")) == 5  # the newest five
    assert site.html("").find("a", string="All 127 articles, A to Z") is not None


def test_the_articles_marker_takes_a_count(site: Site, build_error) -> None:
    site.write("docs/index.md", "# Home\n\n<!-- reading-program:articles many -->\n")
    assert "docs/index.md:3: marker: the 'articles' marker takes how many to show" in build_error()


SAFE_BODY = """\
Intro with an <abbr title="Objectives and key results">OKR</abbr>.

## a_b_c

Back to [the heading](#a_b_c), to [the coach](coach.md#coaching-well), to
[a week](../tracks/two-weeks/week-1.md), in raw HTML to <a href="../coach/">the coach</a>,
and out to [a site](https://example.org/page).

| Left | Right |
|:-----|------:|
| a    | b     |

<details><summary>More</summary>Hidden text.</details>

<figure><img src="../../images/chart.png" alt="A chart"><figcaption>The chart</figcaption></figure>

!!! note "Remember"
    An admonition.

### Custom { #my-id }
"""


def test_a_body_of_safe_html_builds_as_markdown_renders_it(site: Site) -> None:
    """Links, anchors and ids are what the rendered body holds (not what a scan of the
    source guesses): `#a_b_c` keeps its underscores, `[a [b] c](...)`-style links and raw
    HTML links resolve as MkDocs and the browser resolve them."""
    site.write("content/articles/lead.md", article_text("Lead", body=SAFE_BODY))
    site.write(
        "content/articles/coach.md",
        article_text("Coach", tags="[coaching]", body="## Coaching well\n\nWords.\n"),
    )
    site.write("docs/images/chart.png", b"\x89PNG\r\n\x1a\n")
    site.build()
    page = site.html("articles/lead")
    article = page.select_one("article")
    links = next(p for p in article.select("p") if p.get_text().startswith("Back to"))
    hrefs = [a["href"] for a in links.select("a[href]")]
    assert hrefs == [
        "#a_b_c",
        "../coach/#coaching-well",
        "../../tracks/two-weeks/week-1/",
        "../coach/",
        "https://example.org/page",
    ]
    assert article.select_one("h2#a_b_c") and article.select_one("h3#my-id")
    assert article.select_one("abbr[title]").get_text() == "OKR"
    assert article.select_one("details summary").get_text() == "More"
    assert article.select_one("figure img")["src"] == "../../images/chart.png"
    assert article.select_one("th")["style"].replace(" ", "") == "text-align:left"
    assert article.select_one(".admonition .admonition-title").get_text() == "Remember"
    toc = [a["href"] for a in page.select("nav.md-nav--secondary a.md-nav__link")]
    assert toc == ["#a_b_c", "#my-id", "#reflect"]  # the body's headings, then the page's


UNICODE_SLUGS = (
    "      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n"
)


def test_anchors_follow_the_sites_own_toc_slugify(site: Site, build_error) -> None:
    """Ids come from the site's Markdown configuration: with pymdownx's Unicode slugify in
    mkdocs.yml, `## Привет мир` is `#привет-мир` for check and build alike; with MkDocs'
    default it has no such id, and both say so."""
    body = "## Привет мир\n\nBack to [the top](#привет-мир).\n"
    site.write("content/articles/lead.md", article_text("Lead", body=body))
    assert "'#привет-мир'" in build_error()  # the default slugify drops Cyrillic
    config = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write(
        "mkdocs.yml",
        config.replace("      permalink: true\n", "      permalink: true\n" + UNICODE_SLUGS),
    )
    assert main(["--root", str(site.root), "check"]) == 0
    site.build()
    article = site.html("articles/lead").select_one("article")
    assert article.select_one("h2")["id"] == "привет-мир"
    back = next(p for p in article.select("p") if p.get_text().startswith("Back to"))
    assert [a["href"] for a in back.select("a")] == ["#привет-мир"]
