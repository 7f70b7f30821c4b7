"""One truth for each fact: the helpers that exist once stay once.

Each test reads the package's source and fails the day a second module starts doing the
job the named module does (then use that module, or move the new need into it).
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from site_helpers import REPO

from reading_program import atomic_files, fingerprints
from reading_program.load import slugs

PACKAGE = REPO / "src" / "reading_program"


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@cache
def _nodes(file: Path) -> tuple[ast.AST, ...]:
    """Every node of `file`'s syntax tree, parsed once for all the tests here."""
    return tuple(ast.walk(ast.parse(file.read_text("utf-8"))))


def _name(file: Path) -> str:
    return file.relative_to(PACKAGE).as_posix()


@cache
def _calls(file: Path) -> frozenset[str]:
    """Dotted names called in `file`: `os.replace`, `tempfile.mkstemp`."""
    called = set()
    for node in _nodes(file):
        function = node.func if isinstance(node, ast.Call) else None
        if isinstance(function, ast.Attribute) and isinstance(function.value, ast.Name):
            called.add(f"{function.value.id}.{function.attr}")
    return frozenset(called)


def _imported(file: Path) -> set[str]:
    found = set()
    for node in _nodes(file):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module)
    return found


def _strings(file: Path) -> set[str]:
    constants = (n.value for n in _nodes(file) if isinstance(n, ast.Constant))
    return {value for value in constants if isinstance(value, str)}


def test_only_the_slugs_module_makes_slugs() -> None:
    makers = {
        _name(f)
        for f in _modules()
        if any("[^a-z0-9]" in s or "^[a-z0-9]+(?:-" in s for s in _strings(f))
    }
    assert makers == {_name(Path(slugs.__file__))}


def test_only_one_module_writes_files_atomically() -> None:
    temporary_files = {"tempfile.mkstemp", "tempfile.NamedTemporaryFile", "tempfile.mktemp"}
    writers = {_name(f) for f in _modules() if _calls(f) & temporary_files}
    assert writers == {_name(Path(atomic_files.__file__))}
    renamers = {_name(f) for f in _modules() if "os.replace" in _calls(f)}
    # staging.py renames whole folders (the new site in, the old one out), not files
    assert renamers == {_name(Path(atomic_files.__file__)), "mkdocs_adapter/staging.py"}


def test_only_one_module_hashes() -> None:
    hashing = {_name(f) for f in _modules() if "hashlib" in _imported(f) or "hmac.new" in _calls(f)}
    assert hashing == {_name(Path(fingerprints.__file__))}


def test_problems_travel_one_way() -> None:
    """A function returns its result or None, and adds its problems to the collector
    (load.problems.Problems): none returns a result *or* problems for callers to tell
    apart with isinstance."""
    mixed = []
    for file in _modules():
        for node in _nodes(file):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns:
                parts = {part.strip() for part in ast.unparse(node.returns).split("|")}
                problems = parts & {"Problem", "list[Problem]", "tuple[Problem, ...]"}
                if problems and parts - problems - {"None"}:
                    mixed.append(f"{_name(file)}:{node.lineno} {node.name}")
    assert mixed == []
