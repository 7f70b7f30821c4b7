"""`export_site`: the repository's site as a plain MkDocs project that builds strictly without
the hook and shows the same pages as the normal build."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, NavigableString
from mkdocs.commands.build import build
from mkdocs.config import load_config
from site_helpers import REPO, Site, article_text

from reading_program.export import ExportError, export_site
from reading_program.load.paths import ContentPaths
from reading_program.load.problems import ContentError
from reading_program.mkdocs_adapter import raw_config
from reading_program.plan.library import load_library
from reading_program.render.generate import page_title
from reading_program.render.offline import NOT_KEPT
from reading_program.render.pages import navigation
from reading_program.render.urls import article_src, directory_url, track_src, week_src

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, repo_site) -> Path:
    """The session's site (the repository with the sample content) exported and built with
    plain MkDocs, strictly, for the address of its normal build (mkdocs.yml reads it from
    SITE_URL)."""
    out = tmp_path_factory.mktemp("export") / "project"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", repo_site.url)
        export_site(repo_site.source, out)
    build(load_config(config_file=str(out / "mkdocs.yml"), strict=True))
    return out


@pytest.fixture(scope="module")
def normal_site(repo_site) -> Path:
    """The repository built as usual, with the hook (once per session)."""
    return repo_site.directory


def main_content(html_file: Path, keep_actions: bool = False) -> str:
    """The page's `<article>` without its page actions (see the test below for why), and
    without the whitespace-only text the actions' template block leaves at the top level."""
    soup = BeautifulSoup(html_file.read_text("utf-8"), "html.parser")
    article = soup.select_one("article.md-content__inner")
    assert article is not None, html_file
    if not keep_actions:
        for button in article.select("a.md-content__button"):
            button.decompose()
    blank = [c for c in article.contents if isinstance(c, NavigableString) and not c.strip()]
    for node in blank:
        node.extract()
    return article.decode_contents()


def pages(site_dir: Path) -> list[str]:
    """The site's pages; not the offline worker's fallback page, which only the hook's
    published build writes (an export leaves offline reading out)."""
    found = (p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    return sorted(page for page in found if page != NOT_KEPT)


def test_export_config_has_no_hooks_and_the_hooks_navigation(exported: Path, repo_site) -> None:
    config = yaml.safe_load((exported / "mkdocs.yml").read_text("utf-8"))
    assert "hooks" not in config and "watch" not in config
    library = load_library(ContentPaths(repo_site.source))
    docs = repo_site.source / "docs"
    extra = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    titled = [(p, page_title((docs / p).read_text("utf-8"))) for p in extra]
    assert config["nav"] == navigation(
        library, [(p, title) for p, title in titled if p not in {"index.md", "tags.md"}]
    )
    hidden = set(config["not_in_nav"].split())
    assert {f"/{article_src(a)}" for a in library.articles} <= hidden
    assert not any(f"/{track_src(t)}" in hidden for t in library.tracks)
    assert (exported / "overrides/partials/source.html").is_file()
    assert (exported / "docs/stylesheets/reading-program.css").is_file()


def test_export_keeps_site_url_and_repo_url(exported: Path, repo_site) -> None:
    source = raw_config(REPO)
    config = yaml.safe_load((exported / "mkdocs.yml").read_text("utf-8"))
    assert config["site_url"] == repo_site.url  # SITE_URL, resolved when exporting
    assert config["repo_url"] == source["repo_url"]
    assert config["site_url"].startswith("http")


def test_every_page_matches_the_normal_build(exported: Path, normal_site: Path, repo_site) -> None:
    export_site_dir = exported / "site"
    assert pages(export_site_dir) == pages(normal_site)
    library = load_library(ContentPaths(repo_site.source))
    required = [article_src(a) for a in library.articles]
    for track in library.tracks:
        required += [track_src(track), *(week_src(track, w) for w in track.weeks)]
    built = set(pages(normal_site))
    assert {f"{directory_url(src)}index.html" for src in required} <= built
    different = [
        page
        for page in pages(normal_site)
        if main_content(normal_site / page) != main_content(export_site_dir / page)
    ]
    assert different == []


def test_export_has_no_edit_links_that_would_404(exported: Path) -> None:
    # The hook points edit links at content/articles/<slug>.md; a plain build could only
    # point at docs/articles/<slug>.md, which is not in the repository.
    for page in ("index.html", "articles/courage-is-calling/index.html"):
        html = (exported / "site" / page).read_text("utf-8")
        assert "/edit/" not in html, page


def test_calendar_feeds_are_the_same_bytes(exported: Path, normal_site: Path) -> None:
    feeds = sorted(p.relative_to(normal_site) for p in normal_site.rglob("*.ics"))
    assert feeds
    for feed in feeds:
        assert (exported / "site" / feed).read_bytes() == (normal_site / feed).read_bytes()


def test_export_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", "utf-8")
    with pytest.raises(ExportError, match="not empty"):
        export_site(REPO, out)
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]


def test_force_replaces_an_earlier_export_and_keeps_other_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    export_site(REPO, out)
    stale = out / "docs/articles/removed-article.md"
    stale.write_text("# Gone\n", "utf-8")
    (out / "notes.txt").write_text("mine", "utf-8")
    export_site(REPO, out, force=True)
    assert not stale.exists()
    assert (out / "notes.txt").read_text("utf-8") == "mine"
    assert (out / "mkdocs.yml").is_file()


def test_export_refuses_the_repository_itself(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="repository"):
        export_site(REPO, REPO, force=True)
    with pytest.raises(ExportError, match="source folders"):
        export_site(REPO, REPO / "docs" / "export", force=True)


def test_content_errors_propagate_before_anything_is_written(site: Site, tmp_path: Path) -> None:
    site.write("content/articles/broken.md", article_text(tags="[Not A Slug]"))
    out = tmp_path / "out"
    with pytest.raises(ContentError, match=r"broken\.md"):
        export_site(site.root, out)
    assert not out.exists()


def test_a_marker_problem_is_a_content_error(site: Site, tmp_path: Path) -> None:
    site.write("docs/index.md", "# Home\n\n<!-- reading-program:start no-such-track -->\n")
    with pytest.raises(ContentError, match="no-such-track"):
        export_site(site.root, tmp_path / "out")


def test_a_small_site_exports_and_builds(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    export_site(site.root, out)
    build(load_config(config_file=str(out / "mkdocs.yml"), strict=True))
    home = (out / "site/index.html").read_text("utf-8")
    assert "reading-program:start" not in home
    assert (out / "site/tracks/two-weeks/week-1/index.html").is_file()


def test_env_tags_resolve_as_mkdocs_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]\n'
        "strict: !ENV [RP_STRICT, RP_OTHER, false]\nname: !ENV RP_UNSET_NAME\n",
        "utf-8",
    )
    monkeypatch.delenv("SITE_URL", raising=False)
    for name in ("RP_STRICT", "RP_OTHER", "RP_UNSET_NAME"):
        monkeypatch.delenv(name, raising=False)
    assert raw_config(tmp_path) == {
        "site_url": "http://127.0.0.1:8000/",
        "strict": False,
        "name": None,
    }
    monkeypatch.setenv("SITE_URL", "https://leaders.example.org/")
    monkeypatch.setenv("RP_OTHER", "true")
    resolved = raw_config(tmp_path)
    assert resolved["site_url"] == "https://leaders.example.org/"
    assert resolved["strict"] is True


@pytest.mark.parametrize(
    "folder", ["content", "content/articles/new", "docs", "overrides", "hooks"]
)
def test_force_never_writes_into_a_source_folder(site: Site, folder: str) -> None:
    before = sorted(p.relative_to(site.root) for p in site.root.rglob("*"))
    with pytest.raises(ExportError, match="source folders"):
        export_site(site.root, site.root / folder, force=True)
    assert sorted(p.relative_to(site.root) for p in site.root.rglob("*")) == before


def test_force_never_replaces_a_folder_holding_the_repository(site: Site) -> None:
    with pytest.raises(ExportError, match="holding it"):
        export_site(site.root, site.root.parent, force=True)


def test_force_never_replaces_someone_elses_project(site: Site, tmp_path: Path) -> None:
    other = tmp_path / "their-docs"
    other.mkdir()
    (other / "mkdocs.yml").write_text("site_name: Theirs\n", "utf-8")
    (other / "docs").mkdir()
    (other / "docs/index.md").write_text("# Theirs\n", "utf-8")
    with pytest.raises(ExportError, match="no earlier export"):
        export_site(site.root, other, force=True)
    assert (other / "docs/index.md").read_text("utf-8") == "# Theirs\n"
    assert (other / "mkdocs.yml").read_text("utf-8") == "site_name: Theirs\n"


def test_an_export_is_marked_and_force_replaces_a_marked_one(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    export_site(site.root, out)
    assert (out / ".reading-program-export").is_file()
    (out / ".reading-program-export").unlink()  # an export written before the mark
    export_site(site.root, out, force=True)
    assert (out / ".reading-program-export").is_file()
