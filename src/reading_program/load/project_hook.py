"""The project's hook must run: without it MkDocs builds a site holding no track, article
or journal page, and says nothing (Zensical and MkDocs 2 skip `hooks:` silently too).

Two guards. `check` and `export` read mkdocs.yml and refuse it without the hook
(`hook_problems`). A build cannot notice that an event never fired, so mkdocs.yml also
lists a tripwire: a Markdown extension that stops MkDocs at the first page with one plain
line (`HOOK_MISSING`). The hook takes the tripwire out before any page is rendered, so only
a build without the hook ever meets it; the export leaves it out, as it leaves out the hook.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .paths import CONFIG_FILE
from .problems import Problem

HOOK = "hooks/reading_site.py"
TRIPWIRE = "reading_program.mkdocs_adapter:HookTripwire"
HOOK_MISSING = (
    f"{CONFIG_FILE}: the reading program's hook did not run, so this site would hold no "
    f"track, article or journal page: list it in {CONFIG_FILE} (hooks: [{HOOK}]); to build "
    "with an engine that skips hooks, build the output of `reading-program export` instead"
)


def hook_problems(config: dict[str, Any], root: Path) -> list[Problem]:
    """What is missing from mkdocs.yml (as plain data) for the hook to run and to guard."""
    hooks = config.get("hooks") or []
    listed = [root / hook for hook in hooks if isinstance(hook, str)]
    problems = []
    if not any(path.resolve() == (root / HOOK).resolve() for path in listed):
        problems.append(
            Problem(
                CONFIG_FILE,
                None,
                "hooks",
                f"must list {HOOK}: without it a build publishes no track, article or journal "
                f"page; add `hooks: [{HOOK}]` back (to build with an engine that skips hooks, "
                "use `reading-program export`)",
            )
        )
    if TRIPWIRE not in _extension_names(config.get("markdown_extensions")):
        problems.append(
            Problem(
                CONFIG_FILE,
                None,
                "markdown_extensions",
                f"must list {TRIPWIRE}: it stops a build that ran without the hook; add "
                f"`- {TRIPWIRE}` back",
            )
        )
    return problems


def without_tripwire(extensions: Any) -> list[Any]:
    """mkdocs.yml's `markdown_extensions` (names, or one-key settings) less the tripwire."""
    return [ext for ext in extensions or [] if _extension_names([ext]) != [TRIPWIRE]]


def _extension_names(extensions: Any) -> list[str]:
    if not isinstance(extensions, list):
        return []
    names = []
    for ext in extensions:
        if isinstance(ext, str):
            names.append(ext)
        elif isinstance(ext, dict):
            names += [str(name) for name in ext]
    return names
