"""Export the site as a plain MkDocs project: every page written out, no hooks needed.

The export builds with `mkdocs build --strict` alone (or another tool that reads MkDocs
projects): generated pages become Markdown files, markers in hand-written pages are
expanded, and the navigation the hook computes at build time is written into `nav:`.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from . import mkdocs_adapter
from .load.paths import ContentPaths
from .load.problems import ContentError
from .load.project_hook import hook_problems, without_tripwire
from .mkdocs_adapter import offline_site
from .pipeline import prepare_site
from .render import offline
from .render.generate import GeneratedSite

_HOOK_ONLY_KEYS = ("hooks", "watch")  # the hook is what the export replaces; watch serves it
# Written into every export: `--force` replaces a folder only when it holds this mark (or
# the header of an export written before the mark), never a folder of someone else's.
MARK = ".reading-program-export"
_MARK_TEXT = (
    "This folder was written by `reading-program export`; `export --force` may replace it.\n"
)
_HEADER = (
    "# Written by `reading-program export`: a plain MkDocs project, no hooks needed.\n"
    "# Regenerate it from the reading program's repository rather than editing it.\n"
)


# What a build of the export lacks, whichever engine builds it (Zensical skips `hooks:`):
# `reading-program export` prints it, and the README's "When Material reaches its end of
# life" says the same.
WITHOUT_THE_HOOK = (
    "Built from this export (by MkDocs, ProperDocs or Zensical, which skips hooks), the site "
    "runs without the reading program's hook: content is checked by this export, not by the "
    "build, so export again after every change to content/ or docs/; a failed build does not "
    "keep the last good site in place; pages have no edit button."
)


def build_command(out: Path, cwd: Path | None = None) -> str:
    """The command that builds the export in `out`, as it can be typed in `cwd`.

    MkDocs is the one installed beside the Python running this (`.venv/bin/mkdocs` after
    `make`), which need not be on the PATH: named as on the PATH when it is that one,
    else by its path (relative to `cwd` when inside it)."""
    here = Path.cwd() if cwd is None else cwd
    beside = Path(sys.executable).parent / "mkdocs"  # not resolved: a venv's python is a link
    on_path = shutil.which("mkdocs")
    if not beside.is_file():
        program = [str(_shown(Path(sys.executable), here)), "-m", "mkdocs"]
    elif on_path and os.path.samefile(on_path, beside):
        program = ["mkdocs"]
    else:
        program = [str(_shown(beside, here))]
    config = _shown(out / "mkdocs.yml", here)
    return shlex.join([*program, "build", "--strict", "-f", str(config)])


def _shown(path: Path, cwd: Path) -> Path:
    absolute = path if path.is_absolute() else cwd / path
    return absolute.relative_to(cwd) if absolute.is_relative_to(cwd) else absolute


class ExportError(Exception):
    """The export cannot be written where it was asked to go."""


class _ConfigDumper(yaml.SafeDumper):
    """Writes multi-line text (the `not_in_nav` patterns) as a readable `|` block."""


def _represent_text(dumper: _ConfigDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_ConfigDumper.add_representer(str, _represent_text)


def export_site(root: Path, out: Path, *, force: bool = False) -> None:
    """Write a self-contained MkDocs project for the repository at `root` into `out`.

    Raises ContentError (every content problem) before anything is written, and
    ExportError when `out` is a folder the project reads or writes, or is not empty and
    is not an earlier export (`force` replaces an earlier export only).
    """
    config = mkdocs_adapter.raw_config(root)
    if problems := hook_problems(config, root):
        raise ContentError(problems)
    docs_dir = str(config.get("docs_dir", "docs"))  # relative to mkdocs.yml, kept in the export
    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    _check_target(root, out, _project_folders(root, config, docs_dir, custom_dir), force)

    project = mkdocs_adapter.project_config(root)
    docs = mkdocs_adapter.docs_files(project)
    markdown = mkdocs_adapter.markdown_config(project)
    site_url = mkdocs_adapter.site_url(project)
    site = prepare_site(ContentPaths(root), docs, site_url, markdown=markdown)

    _clear(out, [docs_dir, custom_dir])
    shutil.copytree(root / docs_dir, out / docs_dir)
    _write_docs(out / docs_dir, site)
    app = offline.web_app(project.site_name, project.extra, project.theme.get("palette"))
    offline_site.write_web_app(out / docs_dir, app)  # every page links the manifest (no worker)
    if custom_dir:
        shutil.copytree(root / custom_dir, out / custom_dir)
    text = yaml.dump(
        _plain_config(config, site),
        Dumper=_ConfigDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    (out / "mkdocs.yml").write_text(_HEADER + text, encoding="utf-8")
    (out / MARK).write_text(_MARK_TEXT, encoding="utf-8")


def _project_folders(
    root: Path, config: dict[str, Any], docs_dir: str, custom_dir: str | None
) -> list[Path]:
    """Folders the project reads or writes: an export must not land in any of them."""
    hooks = [(root / hook).parent for hook in config.get("hooks") or [] if isinstance(hook, str)]
    named = [docs_dir, custom_dir, str(config.get("site_dir") or "site")]
    fixed = ["content", "src", ".git", ".cache"]
    return [*(root / name for name in [*named, *fixed] if name), *hooks]


def _check_target(root: Path, out: Path, folders: list[Path], force: bool) -> None:
    target = out.resolve()
    if root.resolve().is_relative_to(target):
        raise ExportError(f"{out} is the repository or a folder holding it; pick another")
    if any(target.is_relative_to(folder.resolve()) for folder in folders):
        raise ExportError(f"{out} is one of the project's source folders; pick another")
    if target.exists() and not target.is_dir():
        raise ExportError(f"{out} is a file, not a folder")
    if not target.exists() or not any(target.iterdir()):
        return
    if not _is_earlier_export(target):
        raise ExportError(
            f"{out} is not empty and holds no earlier export (no {MARK} file): pick an empty folder"
        )
    if not force:
        raise ExportError(f"{out} is not empty; pass --force to replace the export in it")


def _is_earlier_export(folder: Path) -> bool:
    if (folder / MARK).is_file():
        return True
    try:  # exports written before the mark start their mkdocs.yml with the header
        with (folder / "mkdocs.yml").open(encoding="utf-8") as config:
            return config.readline() == _HEADER.splitlines(keepends=True)[0]
    except (OSError, UnicodeDecodeError):
        return False


def _clear(out: Path, folders: list[str | None]) -> None:
    """Remove what an earlier export wrote (so deleted pages go too); leave anything else."""
    for name in folders:
        if name and (out / name).is_dir():
            shutil.rmtree(out / name)
    (out / "mkdocs.yml").unlink(missing_ok=True)
    out.mkdir(parents=True, exist_ok=True)


def _write_docs(docs: Path, site: GeneratedSite) -> None:
    texts = {**site.expanded, **{page.src_uri: page.markdown for page in site.pages}}
    for src_uri, text in texts.items():
        _target(docs, src_uri).write_text(text, encoding="utf-8")
    for asset in site.assets:
        _target(docs, asset.src_uri).write_bytes(asset.content)


def _target(docs: Path, src_uri: str) -> Path:
    target = docs / src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def _without_edit_button(theme: Any) -> Any:
    if not isinstance(theme, dict) or not isinstance(theme.get("features"), list):
        return theme
    return {**theme, "features": [f for f in theme["features"] if f != "content.action.edit"]}


def _plain_config(config: dict[str, Any], site: GeneratedSite) -> dict[str, Any]:
    """The repository's config without the hook: nav written out, and the generated pages
    the hook keeps out of nav marked so, as `--strict` would otherwise warn about them."""
    plain = {key: value for key, value in config.items() if key not in _HOOK_ONLY_KEYS}
    # Without the hook, an edit link can only point at the exported copy (docs/articles/..),
    # which is not in the repository: no edit links rather than links that 404.
    plain["edit_uri"] = ""
    # Zensical builds edit links from repo_url even so (repo//page.md): no edit button at all.
    plain["theme"] = _without_edit_button(plain.get("theme"))
    plain["markdown_extensions"] = without_tripwire(config.get("markdown_extensions"))
    plain["nav"] = site.nav
    patterns = [f"/{page.src_uri}" for page in site.pages if not page.in_nav]
    existing = str(plain.get("not_in_nav") or "").splitlines()
    if patterns or existing:
        plain["not_in_nav"] = "\n".join([*existing, *sorted(patterns)]) + "\n"
    return plain
