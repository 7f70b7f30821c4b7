"""Generated pages' HTML blocks, set apart while Markdown runs and put back after: the page
comes out as if Markdown had passed the blocks through itself."""

from __future__ import annotations

import markdown
import pytest
from site_helpers import REPO

from reading_program.content.paths import ContentPaths
from reading_program.mkdocs_adapter import raw_config
from reading_program.plan.library import load_library
from reading_program.site import html_blocks
from reading_program.site.html_blocks import PageText, page_text, placeholder
from reading_program.site.pages import generate_pages

HOSTILE = [
    '<p id="x">a --> b <!-- c --> "quoted" \'single\' &amp; é ✓</p>',
    "<script>alert(1)</script>",
    '<div data-rp-json=\'{"a":"<\\/script>"}\'>\n\n</div>',
    "<!--rp-blocks [] -->",
]


def _convert(text: str) -> str:
    extensions = raw_config(REPO)["markdown_extensions"]
    names = [e if isinstance(e, str) else next(iter(e)) for e in extensions]
    configs = {next(iter(e)): next(iter(e.values())) for e in extensions if isinstance(e, dict)}
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(text)


def _built_in_two_steps(text: PageText) -> str:
    source = html_blocks.with_blocks(text)  # what the page's source file holds
    apart = html_blocks.split_blocks(source)
    page = _convert(apart.markdown)
    page = html_blocks.restored(page, apart.blocks, searched_only=True)  # on_page_content
    return html_blocks.restored(page, apart.blocks, searched_only=False)  # on_page_context


@pytest.fixture(scope="module")
def repository_pages():
    return generate_pages(load_library(ContentPaths(REPO)), "https://example.org/")


def test_every_generated_page_builds_as_if_its_blocks_were_inline(repository_pages) -> None:
    with_blocks = [page for page in repository_pages if page.text.blocks]
    assert len(with_blocks) > len(repository_pages) / 2  # articles, weeks, tracks, tags...
    for page in repository_pages:
        assert _built_in_two_steps(page.text) == _convert(page.markdown), page.src_uri


@pytest.mark.parametrize("block", HOSTILE)
def test_a_source_file_gives_back_its_blocks_whatever_they_hold(block: str) -> None:
    text = PageText(f"# Title\n\n{placeholder(0)}\n\nEnd.\n", (block,))
    assert html_blocks.split_blocks(html_blocks.with_blocks(text)) == text


def test_a_page_without_blocks_is_its_own_source() -> None:
    text = PageText("# Plain\n\n<!--rp-blocks not ours\n")
    assert html_blocks.with_blocks(text) == text.markdown
    assert html_blocks.split_blocks(text.markdown) == text


def test_text_that_looks_like_a_placeholder_keeps_the_blocks_inline() -> None:
    """An author's comment like ours must not receive a block: that page is built as one
    text (correct, just not faster)."""
    written = f"Body with {placeholder(0)} in it.\n\n{placeholder(0)}\n"
    text = page_text(written, ["<p>block</p>"])
    assert text.blocks == ()
    assert text.markdown == f"Body with <p>block</p> in it.\n\n{placeholder(0)}\n"


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
