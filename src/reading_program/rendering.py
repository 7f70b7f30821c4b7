"""Jinja rendering of generated pages.

Templates produce Markdown (so MkDocs validates our links and builds the table of
contents). Autoescaping is on: every inserted value is HTML-escaped, and the `md`
filter also escapes Markdown punctuation for link texts and headings.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import client_data, site_paths

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
    return html.escape(value, quote=True) if key in {"title", "description"} else value


def relative_link(from_src: str, to_src: str) -> str:
    """A Markdown link target from one generated page's source path to another's."""
    target_dir, target_name = posixpath.split(to_src)
    start = posixpath.dirname(from_src) or "."
    return posixpath.join(posixpath.relpath(target_dir or ".", start), target_name)


def directory_url(src: str) -> str:
    """The URL path MkDocs gives a source file with `use_directory_urls` (the default)."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def relative_href(from_src: str, to_src: str) -> str:
    """An href for raw HTML, where MkDocs does not rewrite `.md` links.

    Used only for links MkDocs cannot validate: anchors that plugins add after
    validation, such as the tags index's `#tag:<slug>`.
    """
    base = directory_url(from_src) or "."
    target = directory_url(to_src) or "."
    relative = posixpath.relpath(target, base)
    return "./" if relative == "." else f"{relative}/"


def _new_environment(autoescape: bool) -> Environment:
    return Environment(
        loader=PackageLoader("reading_program", "templates"),
        autoescape=autoescape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache  # built once: templates ship with the package and never change at run time
def _environment() -> Environment:
    env = _new_environment(autoescape=True)
    env.filters["md"] = markdown_inline
    env.globals["page_meta"] = page_meta
    env.filters["json_island"] = client_data.json_island
    for module in (site_paths, client_data):
        env.globals.update(
            {name: getattr(module, name) for name in module.__all__ if not name.startswith("_")}
        )
    return env


def render(template: str, page_src: str, **context: Any) -> str:
    """Render `template` for the page at `page_src`.

    `link(src)` gives a Markdown link target (validated and rewritten by MkDocs);
    `href(src)` gives a URL for raw HTML.
    """

    def link(to_src: str) -> str:
        return relative_link(page_src, to_src)

    def href(to_src: str) -> str:
        return relative_href(page_src, to_src)

    template_object = _environment().get_template(template)
    return template_object.render(page_src=page_src, link=link, href=href, **context)


@cache
def _text_environment() -> Environment:
    """For text that is not HTML (messages, scaffolded Markdown sources): no escaping."""
    return _new_environment(autoescape=False)


def render_text(template: str, **context: Any) -> str:
    return _text_environment().get_template(template).render(**context)
