"""`reading-program check`: everything the build checks, without building."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import mkdocs_adapter
from ..load.paths import ContentPaths
from ..load.problems import ContentError, Problem
from ..load.project_hook import hook_problems
from ..pipeline import prepare_site
from .reports import plan_report


def check(args: argparse.Namespace) -> int:
    try:
        config = mkdocs_adapter.project_config(args.root)
    except ContentError as error:  # every problem at once: the hook's too, when readable
        raise ContentError([*error.problems, *_hook_problems(args.root)]) from None
    if problems := _hook_problems(args.root):
        raise ContentError(problems)
    docs = mkdocs_adapter.docs_files(config)
    markdown = mkdocs_adapter.markdown_config(config)
    paths = ContentPaths(args.root)
    site_url = mkdocs_adapter.site_url(config)
    site = prepare_site(paths, docs, site_url, markdown=markdown)  # as published: no drafts
    print(plan_report(site.library))
    for left_out in site.library.drafts:
        print(f"Draft, left out of published builds (shown by make serve): {left_out}")
    return 0


def _hook_problems(root: Path) -> list[Problem]:
    try:
        return hook_problems(mkdocs_adapter.raw_config(root), root)
    except ContentError:  # mkdocs.yml is not YAML settings: project_config has said so
        return []
