"""The Jinja environment that renders generated pages and messages.

Page templates produce Markdown (MkDocs builds the table of contents from its headings).
Autoescaping is on: every inserted value is HTML-escaped, and the `md` filter also
escapes Markdown punctuation for link texts, headings and table cells.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..model import Article
from . import urls
from .browser_data import islands
from .html_blocks import BodyBlock, PageText, can_set_apart, placeholder

# Ids the article page gives its own parts besides the body's (the reflection heading):
# the body's headings are rendered around them (load/markdown_render.py).
ARTICLE_PAGE_IDS = ("reflect",)

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def markdown_inline(value: Any) -> Markup:
    """Escape text for Markdown inline context: Markdown punctuation, then HTML."""
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", str(value))
    return Markup(html.escape(escaped, quote=True))


def page_meta(**fields: Any) -> Markup:
    """YAML frontmatter for a generated page. Text that themes print unescaped (title,
    description) is HTML-escaped here, because MkDocs' templates do not autoescape.

    Values are written as JSON, which is valid YAML and far faster to emit than PyYAML's
    pure-Python dumper (this runs once for every page)."""
    lines = [
        f"{key}: {json.dumps(_escaped(key, value), ensure_ascii=False)}"
        for key, value in fields.items()
        if value is not None
    ]
    return Markup("---\n" + "\n".join(lines) + "\n---\n")


def _escaped(key: str, value: Any) -> Any:
    if key in {"title", "description"}:
        return html.escape(value, quote=True)
    if key == "tags":  # the search index shows tag names as given
        return [html.escape(tag, quote=True) for tag in value]
    return value


def _new_environment(autoescape: bool) -> Environment:
    return Environment(
        loader=PackageLoader("reading_program.render", "templates"),
        autoescape=autoescape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache  # built once: templates ship with the package and never change while it runs
def _environment() -> Environment:
    env = _new_environment(autoescape=True)
    env.filters["md"] = markdown_inline
    env.filters["json_island"] = islands.json_island
    env.globals["page_meta"] = page_meta
    env.globals.update(_TEMPLATE_GLOBALS)
    return env


# What templates may call besides link() and href(): page paths and the browser's data.
_TEMPLATE_GLOBALS = {
    **{
        name: getattr(urls, name)
        for name in (
            "ARTICLES_INDEX",
            "HOME",
            "JOURNAL",
            "TAGS_INDEX",
            "article_src",
            "assessment_src",
            "cohort_src",
            "cohort_workbook_src",
            "finish_src",
            "guide_src",
            "letter_src",
            "reminders_src",
            "tag_src",
            "track_src",
            "week_src",
            "workbook_src",
        )
    },
    **{
        name: getattr(islands, name)
        for name in (
            "JOURNAL_DATA",
            "article_scope",
            "assessment_data",
            "question_key",
            "track_data",
            "week_scope",
        )
    },
}


def render(template: str, page_src: str, **context: Any) -> str:
    """Render `template` for the page at `page_src`: Markdown with its HTML blocks in place.

    `link(src)` gives a Markdown link target (validated and rewritten by MkDocs);
    `href(src)` gives a URL for raw HTML.
    """
    return _render(template, page_src, None, context, [])


def render_page(template: str, page_src: str, **context: Any) -> PageText:
    """Render a generated page, its HTML blocks set apart (see html_blocks), or inline
    where its own text does not allow that (`html_blocks.can_set_apart`)."""
    blocks: list[str] = []
    body: list[BodyBlock] = []
    markdown = _render(template, page_src, blocks, context, body)
    if can_set_apart(markdown, blocks):
        return PageText(markdown, tuple(blocks), body[0] if body else None)
    return PageText(_render(template, page_src, None, context, []))


def _render(
    template: str,
    page_src: str,
    blocks: list[str] | None,
    context: Any,
    body: list[BodyBlock],
) -> str:
    def link(to_src: str) -> str:
        return urls.relative_link(page_src, to_src)

    def href(to_src: str) -> str:
        return urls.relative_href(page_src, to_src)

    def html_block(caller: Any) -> Markup:
        block = str(caller())
        if blocks is None:
            return Markup(block)
        html = block.rstrip("\n")
        blocks.append(html)
        return Markup(placeholder(len(blocks) - 1) + block[len(html) :])

    def body_block(article: Article) -> Markup:
        assert article.rendered is not None
        if blocks is None:
            return Markup(article.rendered.html)
        blocks.append(article.rendered.html)
        body.append(BodyBlock(len(blocks) - 1, article.body, article.rendered.toc))
        return Markup(placeholder(len(blocks) - 1))

    article = context.get("article")
    if isinstance(article, Article) and article.rendered is not None:
        context = {**context, "article": replace(article, body=_Body(article, body_block))}
    template_object = _environment().get_template(template)
    return template_object.render(
        page_src=page_src, link=link, href=href, html_block=html_block, **context
    )


class _Body(str):
    """An article's body in its page's template: `{{ article.body }}` (or `| safe`) puts
    the body's rendered, sanitised HTML there as the page's body block, never its
    Markdown again (rendering it twice would double the build's Markdown time)."""

    def __new__(cls, article: Article, place: Any) -> _Body:
        made = super().__new__(cls, article.body)
        made._article, made._place = article, place
        return made

    def __html__(self) -> Markup:
        return self._place(self._article)


def render_html(template: str, **context: Any) -> str:
    """A stand-alone HTML document (an e-mail's HTML part): every value escaped."""
    return _environment().get_template(template).render(**context)


@cache
def _text_environment() -> Environment:
    """For text that is not HTML (messages): no escaping."""
    return _new_environment(autoescape=False)


def render_text(template: str, **context: Any) -> str:
    return _text_environment().get_template(template).render(**context)
