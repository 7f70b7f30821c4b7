"""The project's own JavaScript and CSS stay small, page by page: what a page loads when it
opens (the entry module, the feature modules for what the page shows, their imports, and
the stylesheet) is under 10 KB gzipped. Code a page loads only on demand (the store and
the views of progress once the browser holds a journal, the journal's import tools, the
storage notice, a team plan) is weighed and listed too.

The modules are read as text: the entry's FEATURES table says which selector loads which
module, static `import ... from` lines and `import("./x.js")` calls give the rest."""

from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path, PurePosixPath

import pytest
from bs4 import BeautifulSoup
from site_helpers import REPO

from reading_program.mkdocs_adapter.minify import minified

BUDGET_BYTES = 10 * 1024
SCRIPTS = REPO / "docs/javascripts"
ENTRY = SCRIPTS / "reading-program.js"
STYLESHEET = REPO / "docs/stylesheets/reading-program.css"
PAGES = {
    "home": "",
    "article": "articles/courage-is-calling/",
    "track overview": "tracks/six-week-leadership/",
    "week": "tracks/six-week-leadership/week-1/",
    "week with comparison": "tracks/six-week-leadership/week-6/",
    "finish": "tracks/six-week-leadership/finish/",
    "journal": "journal/",
    "assessment": "assessments/leader-or-manager/",
    "cohort": "cohorts/sales-east/",
    "discussion guide": "tracks/six-week-leadership/week-1/guide/",
    "tag index": "tags/",
    "all articles": "articles/",
    "all tracks": "tracks/",
    "how this works": "how-this-works/",
}
FEATURE = re.compile(r'\{ when: "([^"]+)", load: \(\) => import\("([^"]+)"\) \}')
STATIC_IMPORT = re.compile(r'^(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)";', re.MULTILINE)
DYNAMIC_IMPORT = re.compile(r"\bimport\(")
DYNAMIC_LITERAL = re.compile(r'\bimport\("([^"]+)"\)')
NETWORK_APIS = ("fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource", "RTCPeer")
# The one module that may request a file: the build's data for a page (the journal's
# questions), by GET from the site's own origin. It cannot see the journal.
DATA_LOADER = SCRIPTS / "rp/site-data.js"
HTML_SINKS = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write")


def modules() -> list[Path]:
    return sorted(SCRIPTS.rglob("*.js"))


def resolve(module: Path, specifier: str) -> Path:
    assert specifier.startswith("./") or specifier.startswith("../"), (
        f"{module.name} imports {specifier!r}: only the project's own modules, by relative path"
    )
    target = (module.parent / specifier).resolve()
    assert target.is_file() and SCRIPTS in target.parents, f"{module.name}: no module {specifier}"
    return target


@cache
def static_imports(module: Path) -> frozenset[Path]:
    return frozenset(resolve(module, s) for s in STATIC_IMPORT.findall(module.read_text()))


@cache
def dynamic_imports(module: Path) -> frozenset[Path]:
    return frozenset(resolve(module, s) for s in DYNAMIC_LITERAL.findall(module.read_text()))


def closure(roots: set[Path]) -> set[Path]:
    seen: set[Path] = set()
    todo = list(roots)
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(static_imports(module))
    return seen


def features() -> list[tuple[str, Path]]:
    return [(when, resolve(ENTRY, path)) for when, path in FEATURE.findall(ENTRY.read_text())]


def page_assets(html: BeautifulSoup) -> tuple[set[Path], set[Path]]:
    """The modules a page loads when it opens, and those it can load later on demand."""
    on_open = closure({ENTRY, *(m for when, m in features() if html.select_one(when))})
    later: set[Path] = set()
    frontier = on_open - {ENTRY}  # the entry's own imports are the page's features, above
    while frontier:
        found = {d for m in frontier for d in dynamic_imports(m)} - on_open - later
        grown = closure(found) - on_open - later
        later |= grown
        frontier = grown
    return on_open, later


def page_stylesheets(html: BeautifulSoup) -> set[Path]:
    """The stylesheets of one page type that its template links (journal.css...)."""
    found = set()
    for link in html.select("article link[rel='stylesheet']"):
        path = STYLESHEET.parent / PurePosixPath(link["href"]).name
        assert path.is_file() and "stylesheets/" in link["href"], link
        found.add(path)
    return found


def on_demand_stylesheets(html: BeautifulSoup) -> set[Path]:
    """Stylesheets a feature adds when it shows (data-rp-css: the comparison table's)."""
    return {
        STYLESHEET.parent / PurePosixPath(n["data-rp-css"]).name
        for n in html.select("[data-rp-css]")
    }


def gzipped(paths: set[Path], site: Path) -> int:
    """What the browser transfers: the copies of these docs/ assets that the built `site`
    serves (stylesheets minified: reading_program.mkdocs_adapter.minify), gzipped."""
    shipped = (site / path.relative_to(REPO / "docs") for path in paths)
    return sum(len(gzip.compress(file.read_bytes(), compresslevel=9)) for file in shipped)


@pytest.fixture(scope="module")
def site_dir(repo_site) -> Path:
    return repo_site.directory


def html_of(site_dir: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / url / "index.html").read_text("utf-8"), "html.parser")


def test_the_entry_table_is_what_the_entry_imports() -> None:
    table = features()
    assert len(table) >= 8
    assert len(DYNAMIC_IMPORT.findall(ENTRY.read_text())) == len(table)
    assert not static_imports(ENTRY), "the entry loads on every page: it imports nothing upfront"


@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_each_page_opens_within_the_budget(site_dir: Path, url: str) -> None:
    html = html_of(site_dir, url)
    entry = html.select_one('script[type="module"][src$="javascripts/reading-program.js"]')
    assert entry is not None, "the entry is loaded as a module"
    assert html.select_one('link[rel="stylesheet"][href$="stylesheets/reading-program.css"]')
    on_open, later = page_assets(html)
    for module in on_open | later:  # the built site serves these very files
        relative = PurePosixPath(module.relative_to(REPO / "docs").as_posix())
        expected = minified(str(relative), module.read_text("utf-8"))
        assert (site_dir / relative).read_text("utf-8") == expected
    styles = {STYLESHEET, *page_stylesheets(html)}
    total = gzipped(on_open, site_dir) + gzipped(styles, site_dir)
    names = sorted(str(m.relative_to(SCRIPTS)) for m in on_open) + sorted(s.name for s in styles)
    assert total < BUDGET_BYTES, f"{total} bytes gzipped: {names}"


def test_pages_load_only_what_they_show(site_dir: Path) -> None:
    def loaded(url: str) -> set[str]:
        return {m.name for m in page_assets(html_of(site_dir, url))[0]}

    assert loaded("tags/") == {"reading-program.js"}
    assert "journal-page.js" in loaded("journal/")
    assert "journal-tools.js" not in loaded("journal/"), "the import tools load on first use"
    assert {"questions.js", "read-marks.js"} <= loaded("tracks/six-week-leadership/week-1/")
    assert "plan.js" not in loaded("tracks/six-week-leadership/"), "a plan loads when asked for"
    for url in PAGES.values():  # the journal loads where there is one, or on first use
        assert "store.js" not in loaded(url), url


def test_on_demand_code_is_weighed_too(site_dir: Path) -> None:
    _, later = page_assets(html_of(site_dir, "journal/"))
    expected = {
        "journal-tools.js",
        "import-merge.js",
        "storage-notice.js",
        "journal-view.js",
        "store.js",
    }
    assert expected <= {m.name for m in later}
    for module in later:  # no single on-demand piece is large
        assert gzipped({module}, site_dir) < 3 * 1024, module.name
    styles = on_demand_stylesheets(html_of(site_dir, "assessments/leader-or-manager/"))
    assert [s.name for s in styles] == ["comparison.css"]
    assert all(s.is_file() and gzipped({s}, site_dir) < 1024 for s in styles)


def test_script_uses_no_network_api() -> None:
    assert len(modules()) >= 10
    for module in modules():
        text = module.read_text()
        allowed = {"fetch("} if module == DATA_LOADER else set()
        for api in set(NETWORK_APIS) - allowed:
            assert api not in text, f"answers never leave the browser: {api} in {module.name}"
        # import( only of the project's own modules, by a literal relative path
        assert len(DYNAMIC_IMPORT.findall(text)) == len(DYNAMIC_LITERAL.findall(text)), module.name
        for specifier in DYNAMIC_LITERAL.findall(text):
            resolve(module, specifier)
        static_imports(module)


def test_the_data_loader_only_reads_and_never_sees_the_journal() -> None:
    text = DATA_LOADER.read_text()
    assert text.count("fetch(") == 1
    for word in ("method", "body", "POST", "PUT", "keepalive", "localStorage", "sessionStorage"):
        assert word not in text, f"{DATA_LOADER.name}: {word}"
    assert "url.origin !== window.location.origin" in text, "same origin only"
    assert 'url.search = ""' in text, "nothing added to the address"
    assert not static_imports(DATA_LOADER) and not dynamic_imports(DATA_LOADER), (
        "it imports nothing: no way to the store"
    )


def test_script_never_writes_html() -> None:
    for module in modules():
        text = module.read_text()
        for sink in HTML_SINKS:
            assert sink not in text, f"text goes in as text: {sink} in {module.name}"


def sizes_report(site_dir: Path) -> list[str]:
    """Lines for a human: each page type's weight on open and on demand."""
    lines = []
    for name, url in PAGES.items():
        html = html_of(site_dir, url)
        on_open, later = page_assets(html)
        opened = gzipped(on_open, site_dir) + gzipped(
            {STYLESHEET, *page_stylesheets(html)}, site_dir
        )
        demand = gzipped(later, site_dir) + gzipped(on_demand_stylesheets(html), site_dir)
        lines.append(f"{name}: {opened} B on open, +{demand} B on demand")
    return lines
