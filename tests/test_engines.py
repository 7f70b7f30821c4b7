"""Past Material's end of life: the pins keep MkDocs 1.x, a build that did not run the hook
stops with one plain line (check and export refuse such a mkdocs.yml), and one site built
by MkDocs, ProperDocs and Zensical (from the export) holds the same pages, readings and
questions. tests/browser/test_engines_in_browser.py drives each of the three."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

import pytest
from engine_builds import BIN, ENGINES, Built, build_with, run
from packaging.requirements import Requirement
from site_helpers import REPO, Site, article_text, make_site

from reading_program.cli import main
from reading_program.export import WITHOUT_THE_HOOK
from reading_program.load.paths import ContentPaths
from reading_program.load.project_hook import HOOK, HOOK_MISSING, TRIPWIRE
from reading_program.plan.library import load_library
from reading_program.render.urls import directory_url, week_src

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
MKDOCS_2 = ("2.0.0a1", "2.0.0", "2.1.0")  # pre-releases too: pip takes them when pinned loosely


def pinned() -> list[Requirement]:
    project = PYPROJECT["project"]
    return [
        Requirement(r)
        for r in [*project["dependencies"], *project["optional-dependencies"]["test"]]
    ]


def test_the_pins_never_allow_mkdocs_2() -> None:
    mkdocs = [r for r in pinned() if r.name == "mkdocs"]
    assert mkdocs, "pyproject.toml must pin MkDocs itself, not leave it to Material"
    for version in MKDOCS_2:
        assert not mkdocs[0].specifier.contains(version, prereleases=True), mkdocs[0]
    assert importlib.metadata.version("mkdocs").startswith("1."), "the installed MkDocs"


def test_every_dependency_is_pinned_to_one_version() -> None:
    """A range (`>=`) would let a fresh install pick a release nobody has tested, such as
    an engine release built on MkDocs 2."""
    for requirement in pinned():
        assert str(requirement.specifier).startswith("=="), requirement


def test_the_engines_are_pinned_as_test_extras_and_need_no_mkdocs_2() -> None:
    """ProperDocs and Zensical are what CI builds with; neither may drag MkDocs 2 in, and
    nothing installed asks for MkDocs at a version our pin refuses."""
    names = {r.name for r in pinned()}
    assert {"properdocs", "zensical"} <= names
    for dist in importlib.metadata.distributions():
        for text in dist.requires or []:
            wanted = Requirement(text)
            if wanted.name.lower() == "mkdocs" and not wanted.marker:
                assert wanted.specifier.contains("1.6.1"), (dist.metadata["Name"], text)


def without_hooks(site: Site) -> None:
    config = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write("mkdocs.yml", re.sub(r"(?m)^hooks:\n(  - .*\n)+", "", config))


@pytest.mark.build
@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_a_build_without_the_hook_stops_with_one_plain_line(tmp_path: Path, engine: str) -> None:
    site = make_site(tmp_path / "project")
    without_hooks(site)
    command = {"mkdocs": [str(BIN / "mkdocs")], "properdocs": [str(BIN / "properdocs")]}[engine]
    result = run([*command, "build", "-f", "mkdocs.yml"], site.root, "http://127.0.0.1:8000/")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    errors = [
        line.split(" -  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("ERROR")
    ]
    # MkDocs names the page it was rendering, then says why in our words: nothing else.
    assert errors == ["Error reading page 'index.md':", HOOK_MISSING]


@pytest.mark.build
def test_with_the_hook_the_tripwire_never_fires(site: Site) -> None:
    """The repository's mkdocs.yml lists the tripwire, and the hook takes it out."""
    assert TRIPWIRE in (site.root / "mkdocs.yml").read_text("utf-8")
    result = site.build_cli()
    assert result.returncode == 0, result.stderr
    assert (site.root / "site" / "tracks" / "two-weeks" / "week-1" / "index.html").is_file()


@pytest.mark.build
@pytest.mark.parametrize("command", [["check"], ["export", "--out", "out"]])
def test_check_and_export_refuse_a_config_without_the_hook(
    site: Site, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    without_hooks(site)
    assert main(["--root", str(site.root), *command]) == 1
    err = capsys.readouterr().err
    assert f"mkdocs.yml: hooks: must list {HOOK}" in err
    assert not (site.root / "out").exists()


@pytest.mark.build
def test_check_refuses_a_config_without_the_tripwire(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    config = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write("mkdocs.yml", config.replace(f"  - {TRIPWIRE}\n", ""))
    assert main(["--root", str(site.root), "check"]) == 1
    assert f"markdown_extensions: must list {TRIPWIRE}" in capsys.readouterr().err


@pytest.fixture(scope="module")
def three_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, dict[str, Built]]:
    site = make_site(tmp_path_factory.mktemp("engines") / "project")
    site.write("content/articles/third.md", article_text("Third", tags="[leadership]"))
    builds = {
        engine: build_with(
            engine, site.root, site.root / f"site-{engine}", "http://127.0.0.1:8000/"
        )
        for engine in ENGINES
    }
    return site, builds


@pytest.mark.build
def test_the_three_engines_build_the_same_pages(three_builds) -> None:
    _, builds = three_builds
    pages = {engine: built.pages() for engine, built in builds.items()}
    assert "journal/index.html" in pages["mkdocs"]
    assert pages["properdocs"] == pages["mkdocs"]
    assert pages["zensical"] == pages["mkdocs"]


@pytest.mark.build
@pytest.mark.parametrize("engine", ENGINES)
def test_every_weeks_readings_and_questions_are_on_each_engines_pages(
    three_builds, engine: str
) -> None:
    site, builds = three_builds
    library = load_library(ContentPaths(site.root))
    weeks = [(track, week) for track in library.tracks for week in track.weeks]
    assert len(weeks) == 2
    for track, week in weeks:
        page = builds[engine].html(directory_url(week_src(track, week)) + "index.html")
        content = page.select_one("article")
        assert content is not None
        # A reading's title is a heading or a link (its permalink sign aside).
        named = {
            " ".join(el.get_text(" ", strip=True).replace("¶", "").split())
            for el in content.select("h2, h3, h4, a")
        }
        assert {article.title for article in week.readings} <= named, (engine, week.number)
        asked = {" ".join(li.get_text(" ", strip=True).split()) for li in content.select("li")}
        for question in week.questions:
            assert any(question.text in text for text in asked), (engine, question.text)
        assert len(content.select("li[data-rp-key]")) == len(week.questions)


@pytest.mark.build
@pytest.mark.parametrize("engine", ENGINES)
def test_no_engine_publishes_an_edit_link_that_would_404(three_builds, engine: str) -> None:
    """With the hook, edit links open the file an author edits; the export has no such
    file, and Zensical would link repo_url//page.md: the export drops the button."""
    _, builds = three_builds
    built = builds[engine]
    links = [
        link["href"]
        for page in built.pages()
        for link in built.html(page).select("a.md-content__button[href]")
    ]
    if engine == "zensical":  # built from the export, which turns the button off
        assert links == []
    else:  # built with AUTHOR_LINKS=1 (engine_builds.run): every page has its button
        assert links
        assert all(re.search(r"/edit/main/(content|docs)/", href) for href in links), links


@pytest.mark.build
def test_the_export_says_what_a_build_without_the_hook_lacks(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(site.root), "export", "--out", str(site.root / "out")]) == 0
    assert WITHOUT_THE_HOOK in capsys.readouterr().out


@pytest.mark.build
def test_zensical_on_the_repository_stops_at_the_tripwire(site: Site) -> None:
    """Zensical skips `hooks:` but loads the Markdown extensions: it stops instead of
    publishing a site without tracks (its own traceback around our line)."""
    result = run([str(BIN / "zensical"), "build", "-f", "mkdocs.yml"], site.root, "")
    assert result.returncode != 0
    assert HOOK_MISSING in result.stdout + result.stderr
    assert not (site.root / "site" / "tracks").exists()
