"""Export the site as a plain MkDocs project: every page written out, no hooks needed.

The export builds with `mkdocs build --strict` alone (or another tool that reads MkDocs
projects): generated pages become Markdown files, markers in hand-written pages are
expanded, and the navigation the hook computes at build time is written into `nav:`.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from .loader import ContentPaths, load_library
from .markers import expand_hand_written
from .models import Library
from .problems import ContentError, Problem
from .site_pages import GeneratedAsset, GeneratedPage, generate_assets, generate_pages, navigation
from .site_paths import HOME, TAGS_INDEX

# What MkDocs treats as pages, and skips by default (`exclude_docs`: dot files, /templates/).
_MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")
_HOOK_ONLY_KEYS = ("hooks", "watch")  # the hook is what the export replaces; watch serves it
_HEADER = (
    "# Written by `reading-program export`: a plain MkDocs project, no hooks needed.\n"
    "# Regenerate it from the reading program's repository rather than editing it.\n"
)


class ExportError(Exception):
    """The export cannot be written where it was asked to go."""


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader that reads MkDocs' `!ENV` tag as MkDocs does."""


def _construct_env(loader: _ConfigLoader, node: yaml.Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, ..., default]`: the first variable set, else the default.

    Resolved now because generated pages already hold absolute links built from site_url:
    the exported config must carry the same value.
    """
    children = node.value if isinstance(node, yaml.SequenceNode) else [node]
    names = children[:-1] if len(children) > 1 else children
    for child in names:
        value = os.environ.get(str(loader.construct_scalar(child)))
        if value is not None:  # typed as YAML would type it, like MkDocs (pyyaml_env_tag)
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return loader.construct_object(children[-1]) if len(children) > 1 else None


_ConfigLoader.add_constructor("!ENV", _construct_env)


class _ConfigDumper(yaml.SafeDumper):
    """Writes multi-line text (the `not_in_nav` patterns) as a readable `|` block."""


def _represent_text(dumper: _ConfigDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_ConfigDumper.add_representer(str, _represent_text)


def read_mkdocs_config(file: Path) -> dict[str, Any]:
    """The MkDocs config as plain data, `!ENV` values resolved."""
    with file.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_ConfigLoader) or {}  # a SafeLoader: no arbitrary objects


def export_site(root: Path, out: Path, *, force: bool = False) -> None:
    """Write a self-contained MkDocs project for the repository at `root` into `out`.

    Raises ContentError (every content problem) before anything is written, and
    ExportError when `out` is not empty and `force` is not given.
    """
    config = read_mkdocs_config(root / "mkdocs.yml")
    docs_dir = str(config.get("docs_dir", "docs"))  # relative to mkdocs.yml, kept in the export
    docs = root / docs_dir
    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    _check_target(root, out, [docs, *([root / custom_dir] if custom_dir else [])], force)

    library = load_library(ContentPaths(root))
    site_url = _site_url(config)
    pages = generate_pages(library, site_url)
    assets = generate_assets(library, site_url)
    hand_written = _hand_written_pages(docs)
    paths = ContentPaths(root)
    _check_clashes(paths, docs, [*pages, *assets])
    expanded = expand_hand_written([(src, docs / src) for src in hand_written], paths, library)

    _clear(out, [docs_dir, custom_dir])
    shutil.copytree(docs, out / docs_dir)
    _write_docs(out / docs_dir, expanded, pages, assets)
    if custom_dir:
        shutil.copytree(root / custom_dir, out / custom_dir)
    plain = _plain_config(config, library, hand_written, pages)
    text = yaml.dump(plain, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True, width=100)
    (out / "mkdocs.yml").write_text(_HEADER + text, encoding="utf-8")


def _check_target(root: Path, out: Path, sources: list[Path], force: bool) -> None:
    target = out.resolve()
    if target == root.resolve() or any(target.is_relative_to(s.resolve()) for s in sources):
        raise ExportError(f"{out} is the repository or one of its source folders; pick another")
    if target.exists() and not target.is_dir():
        raise ExportError(f"{out} is a file, not a folder")
    if target.exists() and any(target.iterdir()) and not force:
        raise ExportError(f"{out} is not empty; pass --force to replace the export in it")


def _site_url(config: dict[str, Any]) -> str:
    # MkDocs validates site_url as a folder URL, adding the slash; generated links need it too.
    url = str(config.get("site_url") or "")
    return url if not url or url.endswith("/") else f"{url}/"


def _hand_written_pages(docs: Path) -> list[str]:
    """Source paths of the pages MkDocs finds in `docs`, as it spells them (src_uri)."""
    found = []
    for file in docs.rglob("*"):
        relative = file.relative_to(docs)
        skipped = any(p.startswith(".") for p in relative.parts) or relative.parts[0] == "templates"
        if file.is_file() and file.suffix in _MARKDOWN_SUFFIXES and not skipped:
            found.append(relative.as_posix())
    return sorted(found)


def _check_clashes(
    paths: ContentPaths, docs: Path, generated: list[GeneratedPage | GeneratedAsset]
) -> None:
    """A hand-written file where a generated one goes would be silently overwritten."""
    problems = [
        Problem(paths.display(docs / item.src_uri), None, "", "clashes with a generated page")
        for item in generated
        if (docs / item.src_uri).exists()
    ]
    if problems:
        raise ContentError(problems)


def _clear(out: Path, folders: list[str | None]) -> None:
    """Remove what an earlier export wrote (so deleted pages go too); leave anything else."""
    for name in folders:
        if name and (out / name).is_dir():
            shutil.rmtree(out / name)
    (out / "mkdocs.yml").unlink(missing_ok=True)
    out.mkdir(parents=True, exist_ok=True)


def _write_docs(
    docs: Path,
    expanded: dict[str, str],
    pages: list[GeneratedPage],
    assets: list[GeneratedAsset],
) -> None:
    texts = {**expanded, **{page.src_uri: page.markdown for page in pages}}
    for src_uri, text in texts.items():
        _target(docs, src_uri).write_text(text, encoding="utf-8")
    for asset in assets:
        _target(docs, asset.src_uri).write_bytes(asset.content)


def _target(docs: Path, src_uri: str) -> Path:
    target = docs / src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def _plain_config(
    config: dict[str, Any], library: Library, hand_written: list[str], pages: list[GeneratedPage]
) -> dict[str, Any]:
    """The repository's config without the hook: nav written out, and the generated pages
    the hook keeps out of nav marked so, as `--strict` would otherwise warn about them."""
    plain = {key: value for key, value in config.items() if key not in _HOOK_ONLY_KEYS}
    # Without the hook, an edit link can only point at the exported copy (docs/articles/..),
    # which is not in the repository: no edit links rather than links that 404.
    plain["edit_uri"] = ""
    plain["nav"] = navigation(library, sorted(set(hand_written) - {HOME, TAGS_INDEX}))
    patterns = [f"/{page.src_uri}" for page in pages if not page.in_nav]
    existing = str(plain.get("not_in_nav") or "").splitlines()
    if patterns or existing:
        plain["not_in_nav"] = "\n".join([*existing, *sorted(patterns)]) + "\n"
    return plain
