"""The README's "When Material reaches its end of life" works as written: each engine's
commands, run in order on a fresh copy of the repository, build the site; the versions it
tells a site owner to install are the ones pyproject.toml pins; the error it quotes is the
one a build without the hook prints."""

from __future__ import annotations

import re
import shlex
import sys
import tomllib
from pathlib import Path

import pytest
from engine_builds import run
from packaging.requirements import Requirement
from site_helpers import REPO
from test_readme_commands import fresh_clone

from reading_program.load.project_hook import HOOK_MISSING

pytestmark = pytest.mark.build

README = (REPO / "README.md").read_text("utf-8")
SECTION = README.split("## When Material reaches its end of life\n", 1)[1].split("\n## ", 1)[0]
BLOCKS = re.findall(r"```sh\n(.*?)```", SECTION, re.S)
# Where each engine's commands leave the site, in a fresh copy of the repository.
SITES = ["site", "site", "build/export/site"]
BIN = Path(sys.executable).parent


def pins() -> dict[str, str]:
    test_extra = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"][
        "optional-dependencies"
    ]["test"]
    return {r.name: str(r.specifier) for r in map(Requirement, test_extra)}


def test_the_section_shows_each_engines_commands() -> None:
    assert len(BLOCKS) == len(SITES) == 3
    assert "mkdocs build" in BLOCKS[0]
    assert "properdocs build" in BLOCKS[1]
    assert "reading-program export" in BLOCKS[2] and "zensical build" in BLOCKS[2]


def test_the_section_quotes_the_error_a_build_without_the_hook_prints() -> None:
    quoted = re.search(r"```text\nERROR   -  (.*?): \.\.\.\n```", SECTION)
    assert quoted, "the quoted error line"
    assert HOOK_MISSING.startswith(quoted.group(1))


def test_the_versions_to_install_are_the_pinned_ones() -> None:
    installs = re.findall(r"pip install (\S+)==(\S+)", SECTION)
    assert installs
    for name, version in installs:
        assert pins()[name] == f"=={version}", name


@pytest.mark.parametrize(
    ("block", "site"),
    list(zip(BLOCKS, SITES, strict=True)),
    ids=["mkdocs", "properdocs", "zensical"],
)
def test_each_engines_commands_build_the_site(tmp_path: Path, block: str, site: str) -> None:
    clone = fresh_clone(tmp_path / "clone")
    for line in block.strip().splitlines():
        argv = shlex.split(line)
        assert argv[0].startswith(".venv/bin/"), line
        if argv[1:2] == ["install"]:
            continue  # the versions are checked above; the test extra installed them
        command = [str(BIN / argv[0].removeprefix(".venv/bin/")), *argv[1:]]
        result = run(command, clone, "http://127.0.0.1:8000/")
        assert result.returncode == 0, (line, result.stdout[-2000:], result.stderr[-2000:])
    for page in ("index.html", "journal/index.html", "tracks/index.html"):
        assert (clone / site / page).is_file(), page
