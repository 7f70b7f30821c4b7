"""Drafts: articles whose frontmatter says `draft: true`.

`mkdocs serve` builds them like any article (with a banner) and checks them like any
file, so their author sees them and their problems. Every other build (`mkdocs build`,
`make build`, gh-deploy, `reading-program check` and the tools that plan from content)
leaves them out before anything is checked: a half-written draft never blocks a
published build. A file counts as a draft when its frontmatter holds the line
`draft: true`, read before the file is parsed, so a draft that does not parse yet is
still recognised. No track ever lists a draft (plan.library plans without them).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from .files import ARTICLE, ContentFile, list_kind
from .loader import Content
from .paths import ContentPaths

_DRAFT_LINE = re.compile(r"draft:[ \t]*(?i:true)[ \t]*(?:#.*)?")
_FENCE = "---"
_MOST_FRONTMATTER_LINES = 500  # an unclosed frontmatter is read this far, no further


def says_draft(text: str) -> bool:
    """Whether the frontmatter of an article's text holds the line `draft: true`."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != _FENCE:
        return False
    for line in lines[1:_MOST_FRONTMATTER_LINES]:
        if line.strip() == _FENCE:
            return False
        if _DRAFT_LINE.fullmatch(line.rstrip()):
            return True
    return False


def _is_draft(file: ContentFile) -> bool:
    try:
        text = file.path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return False  # the loader reports the unreadable file
    return says_draft(text)


def without_drafts(content: Content, paths: ContentPaths) -> Content:
    """`content` as a published build sees it: drafts, and their problems, left out."""
    broken = content.did_not_load(ARTICLE)  # only these need their text read again
    files, _ = list_kind(paths, ARTICLE) if broken else ([], [])
    drafts = {file.repo_path for file in files if file.id in broken and _is_draft(file)} | {
        item.repo_path for item in content.articles if item.spec.frontmatter.draft
    }
    if not drafts:
        return content
    draft_ids = {Path(repo_path).stem for repo_path in drafts}
    failed = dict(content.failed)
    failed[ARTICLE.name] = content.did_not_load(ARTICLE) - draft_ids
    return dataclasses.replace(
        content,
        articles=tuple(item for item in content.articles if item.repo_path not in drafts),
        failed=failed,
        problems=tuple(p for p in content.problems if p.repo_path not in drafts),
        drafts=tuple(sorted(drafts)),
    )
