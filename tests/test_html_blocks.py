"""Generated pages' HTML blocks, set apart while Markdown runs and put back after: the page
comes out as if Markdown had passed the blocks through itself."""

from __future__ import annotations

from functools import cache

import markdown
import pytest
from bs4 import BeautifulSoup
from builders import make_article
from site_helpers import REPO

from reading_program.load.markdown_render import MarkdownConfig, Renderer
from reading_program.load.paths import ContentPaths
from reading_program.load.project_hook import without_tripwire
from reading_program.mkdocs_adapter import raw_config
from reading_program.plan.library import load_library
from reading_program.render import html_blocks
from reading_program.render.html_blocks import PageText, placeholder
from reading_program.render.pages import all_cohort_messages, generate_pages
from reading_program.render.templating import ARTICLE_PAGE_IDS, render_page

HOSTILE = [
    '<p id="x">a --> b <!-- c --> "quoted" \'single\' &amp; é ✓</p>',
    "<script>alert(1)</script>",
    '<div data-rp-json=\'{"a":"<\\/script>"}\'>\n\n</div>',
    "<!--rp-blocks [] -->",
]


@cache  # the repository's mkdocs.yml, read once
def _site_markdown() -> tuple[list[str], dict]:
    # As the hook leaves them: without the tripwire that stops hook-less builds.
    extensions = without_tripwire(raw_config(REPO)["markdown_extensions"])
    names = [e if isinstance(e, str) else next(iter(e)) for e in extensions]
    configs = {next(iter(e)): next(iter(e.values())) for e in extensions if isinstance(e, dict)}
    return names, configs


@cache
def _markdown() -> markdown.Markdown:
    names, configs = _site_markdown()
    return markdown.Markdown(extensions=names, extension_configs=configs)


def _convert(text: str) -> str:
    """`text` as the site's Markdown renders it. MkDocs makes an instance a page; one
    instance reset before each page starts as afresh (ids, footnotes), and much faster."""
    return _markdown().reset().convert(text)


def _built_in_two_steps(text: PageText) -> str:
    source = html_blocks.with_blocks(text)  # what the page's source file holds
    apart = html_blocks.split_blocks(source)
    page = _convert(apart.markdown)
    page = html_blocks.restored(page, apart.blocks, searched_only=True)  # on_page_content
    return html_blocks.restored(page, apart.blocks, searched_only=False)  # on_page_context


@pytest.fixture(scope="module")
def repository_pages():
    names, configs = _site_markdown()
    renderer = Renderer(MarkdownConfig(tuple(names), configs, ARTICLE_PAGE_IDS))
    library = load_library(ContentPaths(REPO), renderer=renderer)
    site_url = "https://example.org/"
    return generate_pages(library, site_url, all_cohort_messages(library, site_url))


def _normalised(html: str) -> str:
    """HTML as a parser sees it: an article's body is serialised by its sanitiser (nh3),
    which writes the same elements, attributes and text with other quotes and entities."""
    return BeautifulSoup(html, "html.parser").decode()


# Renders every page of the repository's site twice: a whole-site render, not the fast loop.
@pytest.mark.build
def test_every_generated_page_builds_as_if_its_blocks_were_inline(repository_pages) -> None:
    with_blocks = [page for page in repository_pages if page.text.blocks]
    assert len(with_blocks) > len(repository_pages) / 2  # articles, weeks, tracks, tags...
    for page in repository_pages:
        built, inline = _built_in_two_steps(page.text), _convert(page.markdown)
        if page.text.body is None:
            assert built == inline, page.src_uri
        else:  # the body is rendered once, sanitised: the same page, serialised by nh3
            assert _normalised(built) == _normalised(inline), page.src_uri


@pytest.mark.parametrize("block", HOSTILE)
def test_a_source_file_gives_back_its_blocks_whatever_they_hold(block: str) -> None:
    text = PageText(f"# Title\n\n{placeholder(0)}\n\nEnd.\n", (block,))
    assert html_blocks.split_blocks(html_blocks.with_blocks(text)) == text


def test_a_page_without_blocks_is_its_own_source() -> None:
    text = PageText("# Plain\n\n<!--rp-blocks not ours\n")
    assert html_blocks.with_blocks(text) == text.markdown
    assert html_blocks.split_blocks(text.markdown) == text


@pytest.mark.parametrize(
    "body",
    [
        "Some words.\n\n<!-- TODO: finish this\n",  # never closed: ours would close it
        "Words <!-- never closed, mid-paragraph\n",
        "Intro.\n\n<!--rp-block-4-->\n\nMore.\n",  # like a placeholder, before ours
        "Code: `<!--rp-block-0-->` and `<!--`\n",
        "A note <!-- closed --> and an end.\n\n<!--rp-blocks [] -->\n",
        "```\n<!--\n```\n",
        # raw tags never closed: the sanitiser's parser closes them inside the body
        "Intro.\n\n<div>\n\nNever closed.\n",
        "<details><summary>Open\n\nAnd on.\n",
        "<table><tr><td>cell\n",
        '<a href="#x">a link never closed\n',
        "<textarea>\n",
        "<title>\n",
        "<xmp>\n",
        "<plaintext>\n",
        "<noscript>\n",
        "<template>\n",
        "<select><option>\n",
        "<svg><style>\n",
        '<img src="x.png" alt="\n',
    ],
)
def test_an_article_body_cannot_move_or_hide_the_blocks(body: str) -> None:
    """Whatever an article's body holds, it is one block of sanitised HTML (comments and
    look-alike placeholders go or are escaped text): every block of the page comes back
    in its place, the reflection questions after the body."""
    rendered = Renderer().render(body, 1, "content/articles/lead.md", article=True)
    article = make_article("lead", body=body, reflection=(), rendered=rendered)
    context = {"article": article, "placements": (), "tags": []}
    text = render_page("article.md.j2", "articles/lead.md", **context)
    assert text.body is not None and text.blocks[text.body.number] == rendered.html
    assert text.markdown.count("<!--rp-block-") == len(text.blocks)
    built = _built_in_two_steps(text)
    assert "<!--rp-block" not in built.replace("&lt;!--rp-block", "")
    assert built.index('id="reflect"') > built.index(rendered.html[:20] or "<")


@pytest.mark.parametrize(
    ("block", "excluded"),
    [
        ('<nav class="rp-pager" data-search-exclude>', True),
        ("<div data-search-exclude>\n<h3>x</h3>", True),
        ('<p class="rp-meta" data-rp-title="Why data-search-exclude matters">', False),
        ("<p data-rp-title='a data-search-exclude b'>", False),
        ('<p data-search-excluded="no">', False),
        ("<section>\n<div data-search-exclude>", False),  # an inner element's, not its own
    ],
)
def test_only_a_blocks_own_attribute_keeps_it_out_of_search(block: str, excluded: bool) -> None:
    assert html_blocks.excluded_from_search(block) is excluded


def test_blocks_kept_out_of_search_come_back_only_after_it() -> None:
    outer = f"<section>\n<p>searched</p>\n{placeholder(0)}\n</section>"
    inner = '<div data-search-exclude>\n<h3 id="from-a">From “A”</h3>\n</div>'
    pager = '<nav class="rp-pager" data-search-exclude><a href="../b/">B</a></nav>'
    blocks = (inner, outer, pager)
    page = f"<h2>Reflect</h2>\n{placeholder(1)}\n{placeholder(2)}"

    for_search = html_blocks.restored(page, blocks, searched_only=True)
    assert for_search == f"<h2>Reflect</h2>\n{outer}\n{placeholder(2)}"
    final = html_blocks.restored(for_search, blocks, searched_only=False)
    assert final == f"<h2>Reflect</h2>\n{outer.replace(placeholder(0), inner)}\n{pager}"
    assert PageText(page, blocks).inlined() == final


def test_blocks_give_the_page_their_anchor_ids() -> None:
    blocks = ('<li id="q-1"><span id="q-1-text">x</span></li>', '<h3 id="a&amp;b">t</h3>')
    assert html_blocks.anchor_ids(blocks) == {"q-1", "q-1-text", "a&b"}


def test_a_placeholder_beyond_the_blocks_is_left_alone() -> None:
    assert html_blocks.restored(placeholder(3), ("<p>x</p>",), searched_only=False) == (
        placeholder(3)
    )
