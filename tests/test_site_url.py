"""One source for the site's address: mkdocs.yml's site_url as the build reads it. The
build's pages and .eml drafts, `message`, `check` and the export all use it, so a message
never links to http://127.0.0.1:8000/ while the published site lives elsewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from site_helpers import Site

from reading_program.cli import main

ADDRESS = "https://reading.example.org/leads/"


def with_site_url(site: Site, value: str) -> None:
    config = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write("mkdocs.yml", re.sub(r"(?m)^site_url: .*$", f"site_url: {value}", config))


def assign(site: Site) -> None:
    code = main(
        ["--root", str(site.root), "assign", "--track", "two-weeks", "--team", "Sales East",
         "--start", "2027-01-11", "--timezone", "Europe/Berlin"]
    )  # fmt: skip
    assert code == 0


def test_message_links_to_mkdocs_yml_site_url(
    site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITE_URL", "http://elsewhere.example/")  # mkdocs.yml no longer reads it
    with_site_url(site, ADDRESS.rstrip("/"))  # MkDocs adds the slash; so does every link
    assign(site)
    capsys.readouterr()
    assert main(["--root", str(site.root), "message", "sales-east", "--week", "2"]) == 0
    out = capsys.readouterr().out
    assert f"{ADDRESS}articles/coach/" in out
    assert "127.0.0.1" not in out and "elsewhere" not in out


def test_message_follows_the_environment_when_mkdocs_yml_does(
    site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The repository's mkdocs.yml reads SITE_URL (`!ENV`): message reads it the same way."""
    monkeypatch.setenv("SITE_URL", ADDRESS)
    assign(site)
    capsys.readouterr()
    assert main(["--root", str(site.root), "message", "sales-east", "--week", "2"]) == 0
    assert f"{ADDRESS}articles/coach/" in capsys.readouterr().out


@pytest.mark.build
def test_the_built_drafts_and_message_use_the_same_address(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with_site_url(site, ADDRESS)
    assign(site)
    site.build()
    built = {p.name: p.read_text("utf-8") for p in (site.root / "site").rglob("*.eml")}
    assert built, "the build writes the cohort's .eml drafts"
    drafts = tmp_path / "drafts"
    assert (
        main(["--root", str(site.root), "message", "sales-east", "--all", "--eml", str(drafts)])
        == 0
    )
    for draft in drafts.iterdir():
        links = set(re.findall(r"https?://[^\s\"<>]+", draft.read_text("utf-8")))
        assert links and all(link.startswith(ADDRESS) for link in links), links
    for text in built.values():
        links = set(re.findall(r"https?://[^\s\"<>]+", text))
        assert links and all(link.startswith(ADDRESS) for link in links), links
