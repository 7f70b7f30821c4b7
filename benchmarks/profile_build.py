"""Where build time goes: phases and page types of one in-process build of A and of C.

`build_bench.py` says how much slower the project's build is than the plain baseline A;
this says why, and what each lever would save. For one generated corpus (the same as
`build_bench.py`'s) it builds A and C in this process, twice each:

1. **Timed build** (no profiler): MkDocs' and the theme's functions are wrapped with
   `perf_counter` timers, so the figures are close to a real build (the wrappers cost a
   few microseconds per call). Each phase is split by page type (article, week, guide,
   track, journal, ...): plugin and hook events by plugin, Markdown conversion (and the
   `md_in_html` machinery inside it), Material's template rendering (and its partials:
   the sidebar `partials/nav.html`, the table of contents, header, footer, content),
   the search plugin, the sitemap, writing files.
2. **cProfile build** (`--no-cprofile` skips it): the top functions by own time, and own
   time summed by package. cProfile slows Python code 2-3x: read shares, not seconds.

Then the levers, measured on the timed build's pages (see `levers()`).

Run: `python benchmarks/profile_build.py [--articles 1000] [--at REV] [--json FILE]`;
`--pyinstrument` also writes a pyinstrument text report per configuration when
pyinstrument is installed (optional: `pip install pyinstrument`).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import functools
import json
import logging
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_bench import (  # sibling scripts
    REPO,
    page_type,
    prepare_plain_configs,
    primary_nav_bytes,
    snapshot,
    source_version,
)
from make_corpus import make_issue_corpus

PARTIALS = (
    "partials/nav.html",
    "partials/toc.html",
    "partials/header.html",
    "partials/footer.html",
    "partials/content.html",
    "partials/path.html",
    "partials/tabs.html",
)
MD_IN_HTML = ("HtmlBlockPreprocessor", "MarkdownInHtmlProcessor", "MarkdownInHTMLPostprocessor")


class Timers:
    """Seconds and calls per (phase, page type); page type "" for whole-build phases."""

    def __init__(self) -> None:
        self.seconds: dict[tuple[str, str], float] = defaultdict(float)
        self.calls: dict[tuple[str, str], int] = defaultdict(int)
        self.page = ""  # type of the page being read or built
        self.per_page: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.page_uri = ""

    def add(self, phase: str, seconds: float, kind: str | None = None) -> None:
        kind = self.page if kind is None else kind
        self.seconds[phase, kind] += seconds
        self.calls[phase, kind] += 1
        if self.page_uri:
            self.per_page[self.page_uri][phase] += seconds

    def wrap(self, phase: str, function: Callable, whole_build: bool = False) -> Callable:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.add(phase, time.perf_counter() - start, "" if whole_build else None)

        return timed

    def total(self, phase: str) -> float:
        return sum(s for (p, _), s in self.seconds.items() if p == phase)

    def by_type(self, phase: str) -> dict[str, float]:
        return {k: s for (p, k), s in self.seconds.items() if p == phase}


@contextlib.contextmanager
def patched(obj: Any, name: str, replacement: Any) -> Iterator[None]:
    original = getattr(obj, name)
    setattr(obj, name, replacement)
    try:
        yield
    finally:
        setattr(obj, name, original)


def _page_kind(page: Any) -> str:
    return page_type(page.file.dest_uri) if page is not None else ""


def timed_build(config_file: Path, site_dir: Path) -> tuple[Timers, dict[str, Any]]:
    """One build with timers around MkDocs', Markdown's, Jinja's and the plugins' work."""
    import jinja2
    import markdown.extensions.md_in_html as md_in_html
    from mkdocs import plugins, utils
    from mkdocs.commands import build as build_module
    from mkdocs.config import load_config
    from mkdocs.structure import pages

    timers = Timers()
    start = time.perf_counter()
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    timers.add("load config (mkdocs.yml, plugins, hooks import)", time.perf_counter() - start, "")

    def run_event(self: Any, name: str, item: Any = None, **kwargs: Any) -> Any:
        pass_item = item is not None
        kind = _page_kind(kwargs.get("page")) if "page" in kwargs else ""
        for method in self.events[name]:
            origin = self._event_origins.get(method, "<unknown>")
            self._current_plugin = origin
            began = time.perf_counter()
            result = method(item, **kwargs) if pass_item else method(**kwargs)
            timers.add(f"event {name} [{origin}]", time.perf_counter() - began, kind)
            if result is not None:
                item = result
        self._current_plugin = None
        if name == "files":  # keep the build's Files for the lever experiments
            kwargs["config"]["_bench_files"] = item
        return item

    def populate(original: Callable) -> Callable:
        @functools.wraps(original)
        def wrapper(page: Any, *args: Any, **kwargs: Any) -> Any:
            timers.page, timers.page_uri = _page_kind(page), page.file.dest_uri
            began = time.perf_counter()
            try:
                return original(page, *args, **kwargs)
            finally:
                timers.add("read + convert page (all)", time.perf_counter() - began)
                timers.page, timers.page_uri = "", ""

        return wrapper

    def build_page(original: Callable) -> Callable:
        @functools.wraps(original)
        def wrapper(page: Any, *args: Any, **kwargs: Any) -> Any:
            timers.page, timers.page_uri = _page_kind(page), page.file.dest_uri
            began = time.perf_counter()
            try:
                return original(page, *args, **kwargs)
            finally:
                timers.add("output page (all)", time.perf_counter() - began)
                timers.page, timers.page_uri = "", ""

        return wrapper

    get_env = config.theme.get_env
    partial_wrapped: set[int] = set()

    def get_env_timed() -> jinja2.Environment:
        env = get_env()
        original_get_template = env.get_template

        def get_template(name: Any, *args: Any, **kwargs: Any) -> jinja2.Template:
            template = original_get_template(name, *args, **kwargs)
            if name in PARTIALS and id(template) not in partial_wrapped:
                partial_wrapped.add(id(template))
                root = template.root_render_func

                def root_render_func(context: Any, _root: Callable = root, _name: str = name):
                    began = time.perf_counter()
                    yield from _root(context)
                    timers.add(f"  template partial {_name}", time.perf_counter() - began)

                template.root_render_func = root_render_func  # type: ignore[method-assign]
            return template

        env.get_template = get_template  # type: ignore[method-assign]
        return env

    md_patches = [
        (getattr(md_in_html, cls), "run", f"    md_in_html {cls}.run") for cls in MD_IN_HTML
    ]
    with contextlib.ExitStack() as stack:
        enter = stack.enter_context
        enter(patched(plugins.PluginCollection, "run_event", run_event))
        enter(patched(build_module, "_populate_page", populate(build_module._populate_page)))
        enter(patched(build_module, "_build_page", build_page(build_module._build_page)))
        enter(patched(config.theme, "get_env", get_env_timed))
        for name, phase, whole in (
            ("get_files", "scan docs/ (get_files)", True),
            ("get_navigation", "navigation structure (get_navigation)", True),
            ("get_context", "  template context (get_context)", False),
        ):
            enter(
                patched(build_module, name, timers.wrap(phase, getattr(build_module, name), whole))
            )
        theme_template = build_module._build_theme_template

        def build_theme_template(name: str, *args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return theme_template(name, *args, **kwargs)
            finally:
                timers.add(f"static template {name}", time.perf_counter() - began, "")

        enter(patched(build_module, "_build_theme_template", build_theme_template))
        enter(
            patched(pages.Page, "read_source", timers.wrap("  read source", pages.Page.read_source))
        )
        enter(patched(pages.Page, "render", timers.wrap("  Markdown to HTML", pages.Page.render)))
        enter(
            patched(
                pages.Page,
                "validate_anchor_links",
                timers.wrap("validate anchor links", pages.Page.validate_anchor_links),
            )
        )
        enter(
            patched(
                build_module.Files,
                "copy_static_files",
                timers.wrap("copy static files", build_module.Files.copy_static_files, True),
            )
        )
        enter(patched(utils, "write_file", timers.wrap("  write file", utils.write_file)))
        enter(
            patched(
                jinja2.Template,
                "render",
                timers.wrap("  template render (Material, all)", jinja2.Template.render),
            )
        )
        for cls, method, phase in md_patches:
            enter(patched(cls, method, timers.wrap(phase, getattr(cls, method))))
        began = time.perf_counter()
        build_module.build(config)
        timers.add("whole build (build())", time.perf_counter() - began, "")
    pages_info = _pages_info(config, site_dir)
    return timers, {"config": config, "pages": pages_info}


def _pages_info(config: Any, site_dir: Path) -> dict[str, dict[str, Any]]:
    """Per output page: type, Markdown source and HTML content sizes, sidebar bytes."""
    info = {}
    for path in site_dir.rglob("*.html"):
        rel = path.relative_to(site_dir).as_posix()
        html = path.read_bytes()
        info[rel] = {"type": page_type(rel), "bytes": len(html), "nav": primary_nav_bytes(html)}
    return info


# --- the levers ------------------------------------------------------------------------------


def _markdown_for(config: Any) -> Any:
    import markdown

    from reading_program.load.project_hook import without_tripwire

    extensions = without_tripwire(config.markdown_extensions)  # as the hook leaves them
    return markdown.Markdown(extensions=extensions, extension_configs=config.mdx_configs or {})


def _time(action: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - began)
    return best


def html_instead_of_markdown(config: Any, files: Any, a_pages: dict[str, Any]) -> dict[str, Any]:
    """Lever 1: generated blocks emitted as HTML. For each generated page of C: the time
    to convert its Markdown as now, against converting what it would be if the hook
    emitted HTML: for articles, the article's own body (its generated meta line,
    reflection section and pager as raw HTML); for the other generated pages, their
    final HTML as one raw HTML block. Same extensions, fresh Markdown instance per page
    type, best of 3."""
    md = _markdown_for(config)
    now: dict[str, float] = defaultdict(float)
    as_html: dict[str, float] = defaultdict(float)
    for file in files.documentation_pages():
        page = file.page
        if page is None or page.markdown is None or page.content is None:
            continue
        kind = page_type(file.dest_uri)
        source = page.markdown
        now[kind] += _time(functools.partial(_convert, md, source))
        if kind == "article" and file.dest_uri in a_pages:
            body, generated = a_pages[file.dest_uri], _generated_html(page.content)
            text = body + "\n\n" + generated
        else:
            text = f"<div>\n{page.content}\n</div>"
        as_html[kind] += _time(functools.partial(_convert, md, text))
    return {"now_s": dict(now), "as_html_s": dict(as_html)}


def _convert(md: Any, text: str) -> str:
    return md.reset().convert(text)


def _generated_html(content: str) -> str:
    """The parts of an article page that the hook generates, as the HTML they become."""
    import re

    parts = re.findall(
        r'<p class="rp-meta rp-article-meta".*?</p>|<section class="rp-reflection".*?</section>'
        r'|<nav class="rp-pager".*?</nav>',
        content,
        re.S,
    )
    return "\n\n".join(parts)


def levers(a: Timers, c: Timers, a_info: dict[str, Any], c_info: dict[str, Any]) -> dict[str, Any]:
    """What each lever of the issue would save on this build, from the timed phases."""
    c_pages = c_info["pages"]
    a_pages = a_info["pages"]
    c_config = c_info["config"]
    # per page cost in C: read+convert and output, by page type
    per_type: dict[str, dict[str, float]] = {}
    for kind in {v["type"] for v in c_pages.values()}:
        count = sum(1 for v in c_pages.values() if v["type"] == kind)
        per_type[kind] = {
            "pages": count,
            "convert_s": c.by_type("read + convert page (all)").get(kind, 0.0),
            "output_s": c.by_type("output page (all)").get(kind, 0.0),
            "nav_s": c.by_type("  template partial partials/nav.html").get(kind, 0.0),
            "search_s": sum(
                s
                for (p, k), s in c.seconds.items()
                if k == kind and p.startswith("event page_context [material/search]")
            ),
        }
    result: dict[str, Any] = {"per_type": per_type}

    # 1. generated blocks as HTML: measured re-conversion of C's pages
    a_sources = {
        file.dest_uri: file.page.markdown
        for file in a_info["files"].documentation_pages()
        if file.page is not None and file.page.markdown is not None
    }
    html = html_instead_of_markdown(c_config, c_info["files"], a_sources)
    result["html_instead_of_markdown"] = html | {
        "saving_s": sum(html["now_s"].values()) - sum(html["as_html_s"].values())
    }
    result["md_in_html_s"] = sum(c.total(f"    md_in_html {cls}.run") for cls in MD_IN_HTML)
    result["md_in_html_a_s"] = sum(a.total(f"    md_in_html {cls}.run") for cls in MD_IN_HTML)

    # 2. a sidebar that does not grow with tracks: C's nav partial time against A's per page
    a_nav = a.total("  template partial partials/nav.html")
    a_nav_per_page = a_nav / max(1, len(a_pages))
    c_nav = c.total("  template partial partials/nav.html")
    nav_bytes = sum(v["nav"] for v in c_pages.values())
    a_nav_bytes = statistics.median(v["nav"] for v in a_pages.values()) if a_pages else 0
    result["constant_nav"] = {
        "c_nav_s": c_nav,
        "a_nav_s": a_nav,
        "floor_s": a_nav_per_page * len(c_pages),
        "saving_s": c_nav - a_nav_per_page * len(c_pages),
        "c_nav_mb": nav_bytes / 1e6,
        "a_nav_bytes_per_page": a_nav_bytes,
        "c_html_mb": sum(v["bytes"] for v in c_pages.values()) / 1e6,
    }

    # 3. no page listing the whole library
    whole = ("journal", "articles index", "tag index", "home", "tracks index")
    typical = per_type.get("week", per_type.get("article", {}))
    typical_cost = (typical.get("convert_s", 0) + typical.get("output_s", 0)) / max(
        1, typical.get("pages", 1)
    )
    listing = {
        kind: per_type[kind]["convert_s"] + per_type[kind]["output_s"]
        for kind in whole
        if kind in per_type
    }
    largest = {
        kind: max(v["bytes"] for v in c_pages.values() if v["type"] == kind)
        for kind in whole
        if kind in per_type
    }
    result["no_whole_library_pages"] = {
        "cost_s": listing,
        "bytes": largest,
        "saving_s": sum(listing.values()) - typical_cost * len(listing),
        "typical_page_s": typical_cost,
    }

    # 4. caching rendered generated pages between serve rebuilds: Markdown conversion of
    # every unchanged generated page is skipped (an edit touches ~a dozen pages).
    convert_generated = sum(
        s for (p, k), s in c.seconds.items() if p == "  Markdown to HTML" and k != ""
    )
    result["cache_rendered"] = {
        "markdown_s": convert_generated,
        "hook_generate_s": c.total("event files [hooks/reading_site.py]"),
        "saving_s": convert_generated * (1 - 20 / max(1, len(c_pages))),
    }

    # 5. dirty builds done right: only the pages an edit changes are converted and output;
    # the rest of the build (config, load, generate, files, nav, search index, sitemap) stays.
    per_page_work = c.total("read + convert page (all)") + c.total("output page (all)")
    whole_build = c.total("whole build (build())") + c.total(
        "load config (mkdocs.yml, plugins, hooks import)"
    )
    fixed = whole_build - per_page_work
    affected = 20  # the article, its neighbours, weeks, tracks, indexes, home, journal
    result["dirty"] = {
        "fixed_s": fixed,
        "per_page_s": per_page_work / max(1, len(c_pages)),
        "floor_s": fixed + affected * per_page_work / max(1, len(c_pages)),
        "saving_s": per_page_work * (1 - affected / max(1, len(c_pages))),
    }
    return result


# --- cProfile -----------------------------------------------------------------------------------


def _package(filename: str) -> str:
    if "reading_program" in filename or filename.endswith("reading_site.py"):
        return "reading_program (hooks + src)"
    if "site-packages/" in filename:
        rest = filename.split("site-packages/", 1)[1]
        top = rest.split("/", 1)[0]
        if top == "material":
            return "material (plugins, theme)"
        if top == "mkdocs" and "/plugins/search" in rest:
            return "mkdocs search plugin"
        return top
    if filename.startswith("<template>") or filename.endswith(".html"):
        return "Jinja templates (compiled)"
    if filename == "~":
        return "builtins (C: re, str, html.parser...)"
    if "/lib/python3" in filename:
        return "stdlib: " + filename.rsplit("/", 1)[-1].removesuffix(".py")
    return filename


def profile_build(config_file: Path, site_dir: Path) -> pstats.Stats:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    profiler = cProfile.Profile()
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    profiler.runcall(build, config)
    return pstats.Stats(profiler)


def top_entries(stats: pstats.Stats, count: int = 15) -> list[dict[str, Any]]:
    rows = []
    raw = stats.stats  # type: ignore[attr-defined]
    for (filename, line, name), (_, calls, own, cumulative, _) in sorted(
        raw.items(), key=lambda item: -item[1][2]
    )[:count]:
        short = filename.split("site-packages/", 1)[-1]
        rows.append({"function": f"{short}:{line}({name})", "calls": calls, "own_s": own,
                     "cumulative_s": cumulative})  # fmt: skip
    return rows


def by_package(stats: pstats.Stats) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, own, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        package = _package(filename)
        if package.startswith("stdlib: "):
            package = "stdlib (" + package[8:] + ")" if package[8:] in {"re", "html"} else "stdlib"
        totals[package] += own
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


# --- report ---------------------------------------------------------------------------------------

PHASES = (
    "load config (mkdocs.yml, plugins, hooks import)",
    "whole build (build())",
    "event pre_build [hooks/reading_site.py]",
    "scan docs/ (get_files)",
    "event files [hooks/reading_site.py]",
    "event files [material/tags]",
    "navigation structure (get_navigation)",
    "event nav [material/tags]",
    "read + convert page (all)",
    "  read source",
    "  Markdown to HTML",
    "    md_in_html HtmlBlockPreprocessor.run",
    "    md_in_html MarkdownInHtmlProcessor.run",
    "    md_in_html MarkdownInHTMLPostprocessor.run",
    "event page_markdown [material/tags]",
    "event page_content [material/search]",
    "event page_content [material/tags]",
    "event env [material/tags]",
    "copy static files",
    "static template 404.html",
    "static template sitemap.xml",
    "output page (all)",
    "  template context (get_context)",
    "event page_context [material/search]",
    "event page_context [material/tags]",
    "  template render (Material, all)",
    "  template partial partials/nav.html",
    "  template partial partials/toc.html",
    "  template partial partials/header.html",
    "  template partial partials/content.html",
    "  template partial partials/footer.html",
    "  template partial partials/path.html",
    "  write file",
    "validate anchor links",
    "event post_build [material/search]",
    "event post_build [material/tags]",
)
TYPES = ("article", "week", "guide", "track", "journal", "tag index", "articles index", "home")


def phase_table(a: Timers, c: Timers) -> list[str]:
    phases = list(PHASES) + sorted(
        {p for p, _ in c.seconds}
        - set(PHASES)
        - {p for p, _ in c.seconds if p.startswith("  write")}
    )
    seen = {p for p, _ in a.seconds} | {p for p, _ in c.seconds}
    total_a = a.total("whole build (build())") + a.total(PHASES[0])
    total_c = c.total("whole build (build())") + c.total(PHASES[0])
    lines = [
        "| phase | A s | C s | C - A s | " + " | ".join(f"C {t}" for t in TYPES) + " |",
        "| --- | ---: | ---: | ---: | " + " | ".join("---:" for _ in TYPES) + " |",
    ]
    for phase in phases:
        if phase not in seen:
            continue
        if phase != "whole build (build())" and max(a.total(phase), c.total(phase)) < 0.005:
            continue
        by_type = c.by_type(phase)
        cells = [f"{by_type[t]:.2f}" if t in by_type else "" for t in TYPES]
        if phase.startswith("event page_") or phase.startswith("event post_page"):
            phase_label = "  " + phase  # inside read + convert or output page
        else:
            phase_label = phase
        label = phase_label.replace("  ", "  ↳ ", 1) if phase_label.startswith("  ") else phase
        lines.append(
            f"| {label} | {a.total(phase):.2f} | {c.total(phase):.2f} "
            f"| {c.total(phase) - a.total(phase):+.2f} | " + " | ".join(cells) + " |"
        )

    def unattributed(t: Timers) -> float:
        top = {
            p
            for p, _ in t.seconds
            if not p.startswith(" ")
            and not p.startswith(("event page_", "event post_page"))
            and p not in {"whole build (build())", PHASES[0]}
        }
        return t.total("whole build (build())") - sum(t.total(p) for p in top)

    lines.append(
        f"| other, inside build() (theme env, Files, unattributed) | {unattributed(a):.2f} "
        f"| {unattributed(c):.2f} | {unattributed(c) - unattributed(a):+.2f} | "
        + " | ".join("" for _ in TYPES)
        + " |"
    )
    lines.append(
        f"| **total (load config + build)** | {total_a:.2f} | {total_c:.2f} "
        f"| {total_c - total_a:+.2f} | " + " | ".join("" for _ in TYPES) + " |"
    )
    return lines


def page_type_table(c: Timers, info: dict[str, Any]) -> list[str]:
    pages = info["pages"]
    lines = [
        "| page type | pages | ms/page convert | ms/page output | of which sidebar ms "
        "| median KB | sidebar KB | total s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    kinds = sorted(
        {v["type"] for v in pages.values()}, key=lambda k: TYPES.index(k) if k in TYPES else 99
    )
    for kind in kinds:
        items = [v for v in pages.values() if v["type"] == kind]
        n = len(items)
        convert = c.by_type("read + convert page (all)").get(kind, 0.0)
        output = c.by_type("output page (all)").get(kind, 0.0)
        nav = c.by_type("  template partial partials/nav.html").get(kind, 0.0)
        lines.append(
            f"| {kind} | {n} | {convert * 1000 / n:.1f} | {output * 1000 / n:.1f} "
            f"| {nav * 1000 / n:.1f} | {statistics.median(v['bytes'] for v in items) / 1024:.1f} "
            f"| {statistics.median(v['nav'] for v in items) / 1024:.1f} | {convert + output:.2f} |"
        )
    return lines


def lever_lines(result: dict[str, Any]) -> list[str]:
    h = result["html_instead_of_markdown"]
    n = result["constant_nav"]
    w = result["no_whole_library_pages"]
    k = result["cache_rendered"]
    d = result["dirty"]
    now = sum(h["now_s"].values())
    as_html = sum(h["as_html_s"].values())
    listing = ", ".join(
        f"{kind} {s:.2f} s ({w['bytes'][kind] / 1024:.0f} KB)" for kind, s in w["cost_s"].items()
    )
    return [
        f"- generated blocks as HTML, not Markdown + md_in_html: converting C's pages takes "
        f"{now:.2f} s now, {as_html:.2f} s if the hook emitted HTML "
        f"→ saves ≈ {h['saving_s']:.2f} s "
        f"(md_in_html's own processors: {result['md_in_html_s']:.2f} s in C, "
        f"{result['md_in_html_a_s']:.2f} s in A)",
        f"- a sidebar that does not grow with the tracks: rendering `partials/nav.html` takes "
        f"{n['c_nav_s']:.2f} s in C ({n['c_nav_mb']:.1f} of {n['c_html_mb']:.1f} MB written) "
        "against "
        f"{n['floor_s']:.2f} s at A's per-page cost → saves ≈ {n['saving_s']:.2f} s (plus search/"
        "write bytes)",
        f"- no page listing the whole library: {listing}; at a typical page's cost "
        f"({w['typical_page_s'] * 1000:.0f} ms) → saves ≈ {w['saving_s']:.2f} s",
        f"- caching rendered generated pages between serve rebuilds: Markdown conversion of "
        f"generated pages {k['markdown_s']:.2f} s → saves ≈ {k['saving_s']:.2f} s per rebuild "
        f"(the hook's on_files, {k['hook_generate_s']:.2f} s, stays unless cached too)",
        f"- dirty builds that skip unchanged generated pages: fixed part of a build "
        f"{d['fixed_s']:.2f} s + ~20 affected pages x {d['per_page_s'] * 1000:.1f} ms → "
        f"rebuild ≈ {d['floor_s']:.2f} s, saves ≈ {d['saving_s']:.2f} s",
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--tracks", type=int, help="listed tracks (default N // 100)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--at", metavar="REV", help="profile this commit, not the working tree")
    parser.add_argument("--no-cprofile", action="store_true", help="only the timed builds")
    parser.add_argument("--pyinstrument", action="store_true", help="also pyinstrument reports")
    parser.add_argument("--json", type=Path, help="write every figure here")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    out: list[str] = []
    data: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="reading-profile-") as tmp:
        setup = REPO
        if args.at:
            setup = snapshot(args.at, Path(tmp) / "snapshot")
            sys.path.insert(0, str(setup / "src"))  # before the hooks import the project
        root = Path(tmp) / "corpus"
        corpus = make_issue_corpus(root, args.articles, args.seed, setup, args.tracks)
        configs = prepare_plain_configs(root)
        a, a_info = timed_build(configs["A"], Path(tmp) / "site-a")
        c, c_info = timed_build(configs["C"], Path(tmp) / "site-c")
        a_info["files"] = _files_of(a_info)
        c_info["files"] = _files_of(c_info)
        lever_result = levers(a, c, a_info, c_info)
        head = (
            f"N = {args.articles} generated + {corpus.repository_articles} repository articles, "
            f"{corpus.tracks} tracks, at {source_version(args.at)}; timed in-process builds "
            "(no profiler), seconds"
        )
        out += [
            head,
            "",
            *phase_table(a, c),
            "",
            "C by page type:",
            "",
            *page_type_table(c, c_info),
        ]
        out += ["", "Levers (measured on this build):", "", *lever_lines(lever_result)]
        data = {
            "articles": args.articles,
            "tracks": corpus.tracks,
            "a": {f"{p}|{k}": s for (p, k), s in a.seconds.items()},
            "c": {f"{p}|{k}": s for (p, k), s in c.seconds.items()},
            "levers": lever_result,
        }
        if not args.no_cprofile:
            for name in ("A", "C"):
                stats = profile_build(configs[name], Path(tmp) / f"site-{name}-prof")
                total = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
                packages = by_package(stats)
                top = top_entries(stats)
                data[f"cprofile_{name}"] = {"packages": packages, "top": top, "total_s": total}
                out += [
                    "",
                    f"cProfile, {name}: own time by package "
                    f"(total {total:.1f} s under the profiler)",
                    "",
                ]
                out += ["| package | own s | share |", "| --- | ---: | ---: |"]
                out += [
                    f"| {p} | {s:.2f} | {s / total:.0%} |" for p, s in list(packages.items())[:12]
                ]
                out += ["", f"cProfile, {name}: top functions by own time", ""]
                out += [
                    "| function | calls | own s | cumulative s |",
                    "| --- | ---: | ---: | ---: |",
                ]
                out += [
                    f"| `{r['function']}` | {r['calls']} | {r['own_s']:.2f} "
                    f"| {r['cumulative_s']:.2f} |"
                    for r in top
                ]
        if args.pyinstrument:
            _pyinstrument(configs, Path(tmp), out)
    print("\n".join(out))
    if args.json:
        args.json.write_text(json.dumps(data, indent=1, default=str) + "\n", encoding="utf-8")


def _files_of(info: dict[str, Any]) -> Any:
    """The Files of the build, kept on the config by the timed build's wrapper."""
    return info["config"]["_bench_files"]


def _pyinstrument(configs: dict[str, Path], tmp: Path, out: list[str]) -> None:
    try:
        from pyinstrument import Profiler
    except ImportError:
        out += ["", "(pyinstrument is not installed: `pip install pyinstrument`)"]
        return
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for name in ("A", "C"):
        config = load_config(config_file=str(configs[name]), site_dir=str(tmp / f"site-{name}-pi"))
        profiler = Profiler(interval=0.002)
        profiler.start()
        build(config)
        profiler.stop()
        out += ["", f"pyinstrument, {name}:", "", "```text"]
        out += [profiler.output_text(unicode=True, color=False, show_all=False)[:6000], "```"]


if __name__ == "__main__":
    main()
