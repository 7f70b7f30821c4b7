"""Content problems: what is wrong, in which file, on which line, in which field."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from .paths import RepoPath


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, printed as `repo_path:line: field: message`.

    `field` names the place in plain words ("week 1, prompt 2"); `message` says what is
    wrong and how to fix it.
    """

    repo_path: RepoPath
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.repo_path}:{self.line}" if self.line else self.repo_path
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


def closest(name: str, choices: Iterable[str]) -> str | None:
    """The choice `name` was most likely meant to be, for "did you mean ...?"."""
    found = difflib.get_close_matches(name, sorted(choices), n=1, cutoff=0.75)
    return found[0] if found else None


class ContentError(Exception):
    """Raised with every problem found, so authors fix them all in one go."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        unique = set(problems)
        self.problems = sorted(unique, key=lambda p: (p.repo_path, p.line or 0, p.field, p.message))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{count} content {noun}:", *(f"  {problem}" for problem in self.problems)]
        return "\n".join(lines)
