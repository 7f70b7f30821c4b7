"""`reading-program new article`: a new article file, its placeholders to fill in."""

from __future__ import annotations

import argparse

from ..atomic_files import write_atomically
from ..load.paths import ContentPaths
from . import CommandError
from .ids import checked_tags, existing_file, new_id
from .yaml_text import yaml_text


def new(args: argparse.Namespace) -> int:
    paths = ContentPaths(args.root)
    if not paths.content.is_dir():
        raise CommandError(f"{args.root} has no content/ folder: is this the reading program?")
    slug = new_id(args.id, args.title, "--id", "the title")
    existing = existing_file(paths.articles, slug, (".md",))
    if existing:
        raise CommandError(f"{paths.repo_path(existing)} exists; pass another --id")
    tags = checked_tags(args.tags, paths)
    target = paths.articles / f"{slug}.md"
    write_atomically(target, _article_skeleton(args.title, tags, draft=args.draft))
    print(f"Wrote {paths.repo_path(target)}: replace its TODO placeholders and its text, then")
    print("run `reading-program check` to see it valid and where it lands in the tracks.")
    return 0


def _article_skeleton(title: str, tags: list[str], draft: bool = False) -> str:
    frontmatter = {
        "title": title,
        "summary": "TODO: one or two sentences on what the reader will take away.",
        "tags": tags,
        "reflection": [
            "TODO: a question the reader can answer about their own work",
            "TODO: a second question",
            "TODO: a third question",
        ],
    } | ({"draft": True} if draft else {})  # shown by make serve, left out of published builds
    return (
        f"---\n{yaml_text(frontmatter)}---\n\n"
        "Write the article here. Use `##` for section headings.\n"
    )
