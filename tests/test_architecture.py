"""The package's layout is the build's stages, and imports run one way through them.

atomic_files, fingerprints (helpers every stage uses) -> load -> model -> plan -> render ->
pipeline -> mkdocs_adapter -> export -> commands -> cli: a module may import from its own
stage and the stages before it, never after (type-only imports count). Everything specific
to MkDocs lives in mkdocs_adapter/ (the adapter, incremental rebuilds and the search index,
the staging folder, minifying), and MkDocs is imported by the adapter module alone
(mkdocs_adapter/__init__.py); hooks/ delegates to it.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest
from site_helpers import REPO

PACKAGE = REPO / "src" / "reading_program"
STAGES = [
    "atomic_files", "fingerprints", "load", "model", "plan", "render", "pipeline",
    "mkdocs_adapter", "export", "commands", "cli",
]  # fmt: skip
_TOP = {"__init__", "__main__"}  # the package's entry points, outside the stages


def stage_of(module: str) -> str | None:
    """`reading_program.plan.listed_track` -> "plan"."""
    parts = module.split(".")
    if parts[0] != "reading_program" or len(parts) < 2:
        return None
    return parts[1]


@cache  # two tests ask for every module's imports
def imports(file: Path) -> tuple[tuple[int, str], ...]:
    """(line, absolute module) of every import in `file`, relative ones resolved."""
    relative = file.relative_to(PACKAGE.parent).with_suffix("")
    package = list(relative.parts[:-1])  # a module's package, or a package's own
    found = []
    for node in ast.walk(ast.parse(file.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return tuple(found)


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("file", MODULES, ids=lambda f: f.relative_to(PACKAGE).as_posix())
def test_imports_run_one_way_through_the_stages(file: Path) -> None:
    own = file.relative_to(PACKAGE).parts[0].removesuffix(".py")
    if own in _TOP:
        return
    rank = STAGES.index(own)
    for line, module in imports(file):
        stage = stage_of(module)
        if stage is None or stage not in STAGES:
            continue
        assert STAGES.index(stage) <= rank, f"{file.name}:{line} ({own}) imports {module} ({stage})"


@pytest.mark.parametrize("file", MODULES, ids=lambda f: f.relative_to(PACKAGE).as_posix())
def test_only_the_adapter_imports_mkdocs(file: Path) -> None:
    if file == PACKAGE / "mkdocs_adapter" / "__init__.py":
        return
    for line, module in imports(file):
        assert module.split(".")[0] != "mkdocs", f"{file.name}:{line} imports {module}"


def test_hooks_only_delegate() -> None:
    hook = REPO / "hooks" / "reading_site.py"
    tree = ast.parse(hook.read_text("utf-8"))
    events = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert {event.name for event in events} == {
        "on_startup", "on_pre_build", "on_files", "on_page_markdown", "on_page_content",
        "on_page_context", "on_post_build", "on_build_error",
    }  # fmt: skip
    for event in events:
        body = [
            n
            for n in event.body
            if not isinstance(n, ast.Expr) or not isinstance(n.value, ast.Constant)
        ]
        assert len(body) == 1, f"{event.name} does more than delegate"
    state = [n for n in tree.body if isinstance(n, ast.Assign | ast.AnnAssign)]
    assert state == [], "no module state in the hook (MkDocs keeps hook modules)"


_FILE_IO = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "iterdir", "glob"}
_FILE_IO |= {"rglob", "mkdir", "unlink", "walk", "scandir", "listdir"}  # str.replace: not I/O


@pytest.mark.parametrize(
    "file",
    sorted((PACKAGE / "render").rglob("*.py")),
    ids=lambda f: f.relative_to(PACKAGE).as_posix(),
)
def test_render_reads_and_writes_no_files(file: Path) -> None:
    """render/ turns the library into pages and data in memory: the load stage reads the
    files, the adapter and the export write them."""
    called = set()
    for node in ast.walk(ast.parse(file.read_text("utf-8"))):
        if isinstance(node, ast.Call):
            function = node.func
            called.add(function.attr if isinstance(function, ast.Attribute) else "")
            called.add(function.id if isinstance(function, ast.Name) else "")
    assert not called & _FILE_IO, f"{file.name} calls {sorted(called & _FILE_IO)}"
