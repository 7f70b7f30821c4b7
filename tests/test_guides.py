"""What the README and the guides state is true, checked against what they describe: what
`make test` needs, the `check` output they quote, the rating scale, how long `make bench`
runs, the command `export` prints, where the pictures go, the dependencies, and their links.
(tests/test_readme_commands.py runs the commands they show.)"""

from __future__ import annotations

import json
import re
import runpy
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from annotated_types import MaxLen, MinLen
from packaging.requirements import Requirement
from site_helpers import REPO
from test_architecture import STAGES
from test_readme_commands import DOCUMENTS, TEXTS, fresh_clone

from reading_program.cli import main
from reading_program.export import build_command
from reading_program.load.specs import AssessmentFile

README = TEXTS["README.md"]
AUTHORS = TEXTS["guides/authors.md"]
MAINTAINERS = TEXTS["src/reading_program/README.md"]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
MAKEFILE = (REPO / "Makefile").read_text("utf-8")
SHOTS = REPO / "readme"
SCRIPTS = sorted(SHOTS.glob("*_screenshots.py"))


def section(text: str, heading: str) -> str:
    return text.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]


def recipe(target: str) -> list[str]:
    """The commands of a Makefile target."""
    body = MAKEFILE.split(f"\n{target}:", 1)[1].split("\n\n", 1)[0]
    return [line.strip() for line in body.splitlines()[1:] if line.startswith("\t")]


# ---- what a fresh machine needs --------------------------------------------------------


def test_the_readme_names_each_tool_make_test_needs_at_its_version() -> None:
    needs = section(README, "## Two commands")
    python = PYPROJECT["project"]["requires-python"].removeprefix(">=")
    node = json.loads((REPO / "package.json").read_text("utf-8"))["engines"]["node"]
    assert f"**Python {python}** or newer" in needs
    assert f"**Node.js {node.removeprefix('>=')}** or newer" in needs
    assert "**make**" in needs
    # What makes them needed: make test starts with node, and the browser tests drive
    # Debian's chromium, which CI installs on a fresh machine.
    assert recipe("test")[0].startswith("node --test")
    browser_tests = (REPO / "tests/browser/headless_chromium.py").read_text("utf-8")
    chromium = re.search(r'^CHROMIUM = Path\("([^"]+)"\)$', browser_tests, re.M).group(1)
    assert f"`{chromium}`" in needs
    assert "apt-get install -y -qq chromium" in (REPO / ".ci/run").read_text("utf-8")


# ---- the check output the authors' guide quotes ------------------------------------------


@pytest.mark.build
def test_the_quoted_check_output_is_what_check_prints_on_the_sample(
    repo_site, capsys: pytest.CaptureFixture[str]
) -> None:
    quoted = re.search(r"```text\n\$ \.venv/bin/reading-program check\n(.*?)```", AUTHORS, re.S)
    assert quoted, "the quoted output of check"
    lines = [line for line in quoted.group(1).splitlines() if line.strip() != "..."]
    assert main(["--root", str(repo_site.source), "check"]) == 0  # the sample content
    printed = capsys.readouterr().out.splitlines()
    position = 0
    for line in lines:  # each quoted line, in the order check prints them
        assert line in printed[position:], line
        position = printed.index(line, position) + 1
    assert any(re.search(r"\), \d+ min$", line) for line in lines), "a track's length is quoted"


# ---- the rating scale ----------------------------------------------------------------------


def test_the_rating_scale_stated_is_the_schemas_and_the_browsers() -> None:
    points = {type(m): m for m in AssessmentFile.model_fields["scale"].metadata}
    low, high = points[MinLen].min_length, points[MaxLen].max_length
    assert f"a scale has {low} to {high} points" in MAINTAINERS
    validate = (REPO / "docs/javascripts/rp/validate.js").read_text("utf-8")
    assert f"integers(value.ratings, 1, {high})" in validate  # the browser keeps 1 to the max
    sample = (REPO / "tests/fixtures/sample/content/assessments/leader-or-manager.yml").read_text(
        "utf-8"
    )
    scale = re.search(r"^scale: \[(.*)\]$", sample, re.M)
    count = len(re.findall(r'"[^"]+"', scale.group(1)))
    assert f"the sample assessment's {count} make its ratings 1 to {count}" in MAINTAINERS


# ---- how long make bench runs -----------------------------------------------------------


def test_every_mention_of_make_bench_gives_the_same_duration_as_its_longest_default_run() -> None:
    said = {
        "Makefile": re.search(r"^bench:.*runs about (\d+) minutes", MAKEFILE, re.M),
        "README.md": re.search(r"`make bench`[^.]*about (\d+) minutes", README),
        "maintainers": re.search(r"runs for about (\d+) minutes", MAINTAINERS),
        "benchmarks/README.md": re.search(
            r"^make bench .*\(~(\d+) min", (REPO / "benchmarks/README.md").read_text("utf-8"), re.M
        ),
    }
    assert all(said.values()), said
    minutes = {int(found.group(1)) for found in said.values()}
    assert len(minutes) == 1, said
    defaults = []  # runs of build_bench.py with the sizes, configs and rounds `make bench` uses
    for result in (REPO / "benchmarks/results").rglob("latest.json"):
        run = json.loads(result.read_text("utf-8"))
        options = set(shlex.split(run.get("command") or "-"))
        if run.get("total_s") and not options & {"--sizes", "--configs", "--runs", "--large"}:
            defaults.append(run["total_s"] / 60)
    assert defaults, "a default run in benchmarks/results/"
    assert minutes == {5 * round(max(defaults) / 5)}, (minutes, defaults)


# ---- the command export prints -----------------------------------------------------------


@pytest.mark.build
def test_the_build_command_export_prints_builds_the_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clone = fresh_clone(tmp_path / "clone")
    monkeypatch.chdir(clone)
    assert main(["export", "--out", "build/export"]) == 0
    printed = re.search(r"build it with `([^`]+)`", capsys.readouterr().out)
    assert printed, "export says how to build it"
    result = subprocess.run(shlex.split(printed.group(1)), cwd=clone, capture_output=True)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert (clone / "build/export/site/index.html").is_file()


def test_the_build_command_names_the_venvs_mkdocs_when_it_is_not_on_the_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    venv_bin = Path(sys.executable).parent  # .venv/bin, where make installs mkdocs
    assert (venv_bin / "mkdocs").is_file()
    monkeypatch.setenv("PATH", "")
    command = build_command(Path("build/export"), cwd=venv_bin.parent.parent)
    mkdocs = f"{venv_bin.parent.name}/{venv_bin.name}/mkdocs"
    assert command == f"{mkdocs} build --strict -f build/export/mkdocs.yml"
    monkeypatch.setenv("PATH", str(venv_bin))
    assert build_command(Path("out"), cwd=tmp_path) == "mkdocs build --strict -f out/mkdocs.yml"


# ---- the pictures -------------------------------------------------------------------------


def shots_module() -> dict:
    return runpy.run_path(str(SHOTS / "shots.py"))


def test_pictures_go_to_an_ignored_folder_unless_the_readmes_are_asked_for(
    tmp_path: Path,
) -> None:
    shots = shots_module()
    default = shots["output_folder"]("x", [])
    assert default == REPO / "build/screenshots"
    ignored = subprocess.run(["git", "check-ignore", "-q", str(default)], cwd=REPO)
    assert ignored.returncode == 0, "build/screenshots/ is ignored by git"
    assert shots["output_folder"]("x", ["--update-readme"]) == SHOTS
    assert shots["output_folder"]("x", ["--out", str(tmp_path / "p")]) == tmp_path / "p"
    assert (tmp_path / "p").is_dir()


@pytest.mark.slow
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda script: script.name)
def test_without_the_test_tools_a_picture_script_says_what_it_needs(
    script: Path, tmp_path: Path
) -> None:
    """As after `make serve` alone: one line naming what is missing, no traceback, and no
    picture written anywhere."""
    run = (
        "import runpy, sys; sys.modules['playwright'] = sys.modules['bs4'] = None; "
        f"sys.argv = ['{script.name}', '--out', sys.argv[1]]; "
        f"runpy.run_path({str(script)!r}, run_name='__main__')"
    )
    result = subprocess.run(
        [sys.executable, "-c", run, str(tmp_path)], capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "The pictures need the test tools (playwright, bs4 are not installed)" in result.stderr
    assert "`make screenshots`" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_make_screenshots_installs_the_test_tools_and_runs_every_script() -> None:
    assert "$(VENV)/.test-installed" in MAKEFILE.split("\nscreenshots:", 1)[1].split("\n", 1)[0]
    run = recipe("screenshots")
    assert sorted(line.split()[1] for line in run) == [f"readme/{s.name}" for s in SCRIPTS]
    assert all(line.endswith("$(SHOTS_ARGS)") for line in run)


def test_a_missing_chromium_is_named() -> None:
    missing = shots_module()["missing_requirements"](Path("/nonexistent/chromium"))
    assert any("/nonexistent/chromium" in item for item in missing)


# ---- dependencies and links ---------------------------------------------------------------


def test_every_pinned_package_has_its_row_in_the_maintainers_guide() -> None:
    table = section(MAINTAINERS, "## Dependencies")
    project = PYPROJECT["project"]
    extras = project["optional-dependencies"].values()
    pinned = [*project["dependencies"], *(line for extra in extras for line in extra)]
    for name in (Requirement(line).name for line in pinned):
        assert f"`{name}`" in table, name
    for name in json.loads((REPO / "package.json").read_text("utf-8"))["devDependencies"]:
        assert f"`{name}`" in table, name


LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("name", [d for d in DOCUMENTS if not d.startswith("docs/")])
def test_every_relative_link_in_a_guide_leads_to_a_file(name: str) -> None:
    """Links in docs/ are the site's, checked by its strict build."""
    for target in LINK.findall(TEXTS[name]):
        if re.match(r"[a-z]+:", target):
            continue
        path = target.split("#", 1)[0]
        assert ((REPO / name).parent / path).exists(), f"{name}: {target}"


@pytest.mark.build
def test_the_participant_page_is_in_the_site_and_publishes_no_note_for_the_lead(
    repo_site,
) -> None:
    page = (repo_site.directory / "how-this-works/index.html").read_text("utf-8")
    assert "How this works" in page
    assert "issue 18" not in page and "For the lead" not in page
    home = (repo_site.directory / "index.html").read_text("utf-8")
    assert 'href="how-this-works/"' in home


def test_the_readmes_map_lists_the_stages_in_the_order_imports_run() -> None:
    block = section(README, "## The map").split("```", 2)[1]
    package = block.split("src/reading_program/\n", 1)[1]
    listed = []
    for line in package.splitlines():
        if not line.startswith(" "):
            break  # past the package
        if re.match(r"  \S", line):  # an entry (deeper lines continue its description)
            names = line.strip().split("  ", 1)[0]
            listed += [
                name.strip().removesuffix("/").removesuffix(".py") for name in names.split(",")
            ]
    assert listed == STAGES


def test_the_maintainers_guide_names_the_stages_in_the_order_imports_run() -> None:
    assert ", ".join(STAGES) in " ".join(MAINTAINERS.split())  # line breaks aside
