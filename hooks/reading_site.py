"""MkDocs glue for the reading program: each event delegates to the package.

Keeps no state (MkDocs caches hook modules across `mkdocs serve` rebuilds): what one event
hands to the next lives on that build's config, which MkDocs creates afresh each build.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from reading_program import mkdocs_adapter


def on_startup(command: str, **_: Any) -> None:
    """Note whether MkDocs serves (drafts and problems shown in the browser) or publishes."""
    mkdocs_adapter.remember_command(command)


def on_pre_build(config: MkDocsConfig) -> None:
    """Load, validate, generate and check everything before MkDocs empties the site folder,
    so an error leaves the last good build in place (and `mkdocs serve` on it)."""
    mkdocs_adapter.prepare(config)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages and feeds, and set the navigation."""
    return mkdocs_adapter.add_generated_files(files, config)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """Set a generated page's HTML blocks apart while Markdown runs."""
    return mkdocs_adapter.page_markdown(markdown, page, config)


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """Put back the HTML blocks that search should see."""
    return mkdocs_adapter.page_content(html, page, config)


@event_priority(-100)  # after every plugin's, the search index's above all
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any
) -> dict[str, Any]:
    """After search has indexed the page: put back the blocks it skips; note the page
    as rendered in this build (under --dirty: the pages that changed)."""
    return mkdocs_adapter.page_context(context, page, config)


@event_priority(-100)  # last: after search has written its index into the new site
def on_post_build(config: MkDocsConfig) -> None:
    """Record the generated pages; after a dirty build, repair what MkDocs left stale;
    then the new site takes the place of the last one (see staging.py)."""
    mkdocs_adapter.finish(config)


@event_priority(-100)  # after every plugin's: this one may turn the error into a message
def on_build_error(error: Exception) -> None:
    """The new site is dropped, the last one stays; an error that MkDocs would show as a
    traceback is one plain line naming the file instead."""
    mkdocs_adapter.build_failed(error)
