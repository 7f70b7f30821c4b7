"""Every `reading-program` command the README and the guides show works as written on a fresh
clone.

A fresh clone is the repository's tracked files only. Each code block (or each inline
command) runs in its own fresh copy, its commands in order, as a newcomer would type them;
`.venv/bin/reading-program` is the console script for `reading_program.cli:main`, run here
in-process; tests/test_cli.py runs the script itself.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from site_helpers import REPO

from reading_program.cli import main

pytestmark = pytest.mark.build

# The README and a guide for each reader (tests/test_guides.py checks the facts they state).
DOCUMENTS = [
    "README.md",
    "guides/authors.md",
    "guides/team-leads.md",
    "docs/how-this-works.md",
    "src/reading_program/README.md",
]
TEXTS = {name: (REPO / name).read_text("utf-8") for name in DOCUMENTS}
COMMAND = re.compile(r"^(?:\$ )?(\.venv/bin/reading-program\b.*)$")


def command_groups(text: str) -> list[list[str]]:
    """A document's commands: one group per fenced block, one per inline code span."""
    groups = []
    for block in re.findall(r"```(?:sh|text|console)\n(.*?)```", text, re.S):
        lines = re.sub(r"\\\n\s*", " ", block).splitlines()
        commands = [
            m.group(1).split("  #")[0].strip()
            for line in lines
            if (m := COMMAND.match(line.strip()))
        ]
        if commands:
            groups.append(commands)
    for span in re.findall(r"`(\.venv/bin/reading-program [^`]+)`", text):
        groups.append([span])
    return groups


GROUPS = [group for name in DOCUMENTS for group in command_groups(TEXTS[name])]


def fresh_clone(target: Path) -> Path:
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, tracked):
        source = REPO / name.decode()
        if source.is_file():
            destination = target / name.decode()
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
    return target


def test_the_guides_show_the_commands_they_should() -> None:
    shown = " ".join(command for group in GROUPS for command in group)
    for command in ("check", "new article", "assign", "message", "schema", "export"):
        assert f"reading-program {command}" in shown, command


@pytest.mark.parametrize("commands", GROUPS, ids=lambda group: group[0][len(".venv/bin/") :][:60])
def test_readme_command_works_on_a_fresh_clone(
    tmp_path: Path, commands: list[str], monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(fresh_clone(tmp_path / "clone"))
    for command in commands:
        argv = shlex.split(command)
        assert argv[0] == ".venv/bin/reading-program"  # the console script runs cli.main
        code = main(argv[1:])
        captured = capsys.readouterr()
        assert code == 0, (command, captured.out[-2000:], captured.err[-2000:])
