"""Content problems: what is wrong, in which file, on which line, in which field."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

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


class _Locates(Protocol):
    """A loaded file: makes a problem on the line of a location within it."""

    def problem(self, location: Any, message: str) -> Problem: ...


class Problems:
    """Every problem found so far. One collector is passed down the stages; each adds what
    it finds, and a function that found problems instead of its result returns None. The
    pipeline (and `check`) raise them all at once: `raise_if_any`."""

    def __init__(self, found: Iterable[Problem] = ()) -> None:
        self._found: list[Problem] = list(found)

    def add(self, problem: Problem) -> None:
        self._found.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self._found.extend(problems)

    def in_file(self, file: _Locates) -> Callable[[Any, str], None]:
        """`report(location, message)`: a problem at a location of `file`, collected."""
        return lambda location, message: self.add(file.problem(location, message))

    def raise_if_any(self) -> None:
        if self._found:
            raise ContentError(self._found)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self._found)

    def __len__(self) -> int:
        return len(self._found)
