"""Ids and tags a command is given or makes: valid, free, and listed."""

from __future__ import annotations

from pathlib import Path

from ..load.files import RESERVED_IDS
from ..load.loader import load_content
from ..load.paths import ContentPaths
from ..load.problems import ContentError, closest
from ..load.slugs import is_slug, slug_for
from . import CommandError

MAX_ID = 60  # a file name and an address: long enough for any team name worth typing


def new_id(given: str | None, text: str, option: str, source: str) -> str:
    """A valid id: `given`, or one made from `text` (transliterated)."""
    if given is not None:
        if not is_slug(given) or len(given) > MAX_ID:
            suggestion = slug_for(given)[:MAX_ID].strip("-")
            hint = f", e.g. {suggestion!r}" if suggestion else ""
            raise CommandError(
                f"{option} {given!r} is not a valid id: lowercase letters, digits and single "
                f"hyphens, at most {MAX_ID} characters{hint}"
            )
        made = given
    else:
        made = slug_for(text)
        if not made:
            raise CommandError(f"cannot make an id from {source} {text!r}: pass {option}")
        if len(made) > MAX_ID:
            raise CommandError(
                f"the id made from {source} is {len(made)} characters long: pass a shorter {option}"
            )
    if made in RESERVED_IDS:
        raise CommandError(
            f"the id {made!r} is taken by one of the site's own pages: pass another {option}"
        )
    return made


def existing_file(folder: Path, item_id: str, suffixes: tuple[str, ...]) -> Path | None:
    return next(
        (folder / f"{item_id}{s}" for s in suffixes if (folder / f"{item_id}{s}").exists()), None
    )


def checked_tags(text: str, paths: ContentPaths) -> list[str]:
    tags = [tag.strip() for tag in text.split(",") if tag.strip()]
    if not tags:
        raise CommandError("--tags names no tag: give at least one, e.g. --tags coaching")
    allowed = _listed_tags(paths)
    problems = []
    for tag in tags:
        if not is_slug(tag):
            suggestion = slug_for(tag)
            problems.append(
                f"{tag!r} is not a tag: tags are lowercase words joined by hyphens"
                + (f", e.g. {suggestion!r}" if suggestion else "")
            )
        elif allowed is not None and tag not in allowed:
            close = closest(tag, allowed)
            hint = f"did you mean {close!r}? Or " if close else ""
            problems.append(f"{tag!r} is not in content/tags.yml; {hint}add it there first")
    if problems:
        raise CommandError("--tags: " + "; ".join(problems))
    return list(dict.fromkeys(tags))


def _listed_tags(paths: ContentPaths) -> set[str] | None:
    """The tags content/tags.yml allows, or None when there is no list (any tag goes)."""
    content = load_content(paths)
    tags_file = paths.repo_path(paths.tags)
    if problems := [p for p in content.problems if p.repo_path == tags_file]:
        raise ContentError(problems)
    return set(content.tags.spec.root) if content.tags else None
