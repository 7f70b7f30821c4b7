"""Finding the content files of each kind, and the rules their names follow.

A file's name is its id and its page's address, so names are checked before anything is
read: a slug, the kind's own suffix, one file per id, no id the site itself uses. Editor
leftovers (`.#x.md`, `x.md~`, `.x.md.swp`) are ignored; anything else in a content folder
that is not a content file is reported, since a silently ignored `x.MD` looks, to its
author, like a page that never appears.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .paths import ContentPaths, RepoPath
from .problems import Problem, closest
from .slugs import is_slug, slug_for
from .source import not_a_file, unreadable

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn"})
_YAML_SUFFIXES = frozenset({".yml", ".yaml"})
# Ids the site uses itself: a folder's own page (/articles/, /cohorts/), the A to Z pages.
RESERVED_IDS = frozenset({"index"})
_RESERVED_BY_KIND = {"article": frozenset({"a-z"})}


@dataclass(frozen=True)
class Kind:
    """One kind of content file: where it lives and how it is named."""

    name: str  # "article", as in messages
    folder: str  # its folder in content/: "articles"
    suffixes: tuple[str, ...]  # the accepted suffixes, the preferred one first

    @property
    def article(self) -> str:
        return "an" if self.name[0] in "aeiou" else "a"

    @property
    def is_markdown(self) -> bool:
        return self.suffixes[0] == ".md"

    def similar_suffixes(self) -> frozenset[str]:
        return _MARKDOWN_SUFFIXES if self.is_markdown else _YAML_SUFFIXES

    def location(self, paths: ContentPaths) -> Path:
        return paths.content / self.folder


ARTICLE = Kind("article", "articles", (".md",))
TRACK = Kind("track", "tracks", (".yml", ".yaml"))
ASSESSMENT = Kind("assessment", "assessments", (".yml", ".yaml"))
COHORT = Kind("cohort", "cohorts", (".yml", ".yaml"))
FOLDER_KINDS = (ARTICLE, TRACK, ASSESSMENT, COHORT)


@dataclass(frozen=True)
class ContentFile:
    id: str
    path: Path
    repo_path: RepoPath


def is_editor_leftover(name: str) -> bool:
    """Lock, swap and backup files editors leave beside the file being edited."""
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".swo", ".bak", ".orig"))


def is_readme(name: str) -> bool:
    return name.split(".")[0].upper() == "README"


def list_kind(paths: ContentPaths, kind: Kind) -> tuple[list[ContentFile], list[Problem]]:
    """The kind's files, sorted, one per id, and a problem for every file that breaks a rule."""
    folder = kind.location(paths)
    found: list[ContentFile] = []
    problems: list[Problem] = []
    by_id: dict[str, RepoPath] = {}
    for entry in sorted(_walk(folder, paths, problems)):
        problem = _name_problem(entry, kind, paths)
        if problem:
            problems.append(problem)
            continue
        item_id = entry.name.removesuffix(entry.suffix)
        repo_path = paths.repo_path(entry)
        if item_id in by_id:
            message = (
                f"has the same id as {by_id[item_id]} ({kind.article} {kind.name}'s id is its "
                "file name): rename or remove one of them"
            )
            problems.append(Problem(repo_path, None, "", message))
            continue
        by_id[item_id] = repo_path
        found.append(ContentFile(item_id, entry, repo_path))
    return found, problems


def _walk(folder: Path, paths: ContentPaths, problems: list[Problem]) -> Iterator[Path]:
    def skipped(name: str) -> bool:
        return is_editor_leftover(name) or is_readme(name)

    yield from walk_files(folder, paths, problems, skip=skipped)


def walk_files(
    folder: Path,
    paths: ContentPaths,
    problems: list[Problem],
    skip: Callable[[str], bool] = lambda name: False,
    folders_named_like_files: bool = True,
) -> Iterator[Path]:
    """The plain files below `folder`, following links that stay inside the repository,
    without ever opening one. What cannot be a source is a problem, found without waiting:
    a link that loops or leads back to a folder already read, a link out of the
    repository or to nothing, a named pipe, socket or device (reading one would wait
    forever or never end)."""
    if not folder.is_dir():
        return
    pending, seen = [folder], {folder.resolve()}
    while pending:
        current = pending.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda entry: entry.name)
        except OSError as error:
            problems.append(_unreadable(paths, current, error))
            continue
        for entry in entries:
            path = Path(entry.path)
            if skip(entry.name):
                continue
            if entry.is_symlink() and (problem := _link_problem(path, paths)):
                problems.append(problem)
                continue
            try:
                mode = path.stat().st_mode
            except OSError as error:
                problems.append(unreadable(paths.repo_path(path), error))
                continue
            if stat.S_ISDIR(mode):
                if folders_named_like_files and path.suffix.lower() in _LIKE_FILES:
                    message = "is a folder, not a file: move its contents up, or remove it"
                    problems.append(Problem(paths.repo_path(path), None, "", message))
                elif path.resolve() in seen or current.resolve().is_relative_to(path.resolve()):
                    problems.append(_second_way_in(path, paths))
                else:
                    seen.add(path.resolve())
                    pending.append(path)
            elif stat.S_ISREG(mode):
                yield path
            else:
                problems.append(Problem(paths.repo_path(path), None, "", not_a_file(mode)))


_LIKE_FILES = _MARKDOWN_SUFFIXES | _YAML_SUFFIXES


def _second_way_in(link: Path, paths: ContentPaths) -> Problem:
    target = paths.repo_path(link.resolve())
    if link.parent.resolve().is_relative_to(link.resolve()):
        message = f"is a link to {target}, a folder that holds it (a loop): remove the link"
    else:
        message = f"is a second way into {target}, which is read already: remove the link"
    return Problem(paths.repo_path(link), None, "", message)


def _link_problem(link: Path, paths: ContentPaths) -> Problem | None:
    repo_path = paths.repo_path(link)
    target = os.readlink(link)
    try:
        link.stat()
    except OSError as error:
        if error.errno != errno.ENOENT:
            return unreadable(repo_path, error)
        return Problem(
            repo_path,
            None,
            "",
            f"is a link to {target}, which does not exist: remove the link or restore its target",
        )
    if not paths.inside(link):
        message = (
            f"is a link to {link.resolve()}, outside the repository: copy the file in "
            "instead (the site is built from the repository alone)"
        )
        return Problem(repo_path, None, "", message)
    return None


def _unreadable(paths: ContentPaths, folder: Path, error: OSError) -> Problem:
    return Problem(paths.repo_path(folder), None, "", f"cannot be read ({error.strerror or error})")


def _name_problem(file: Path, kind: Kind, paths: ContentPaths) -> Problem | None:
    repo_path = paths.repo_path(file)
    preferred = kind.suffixes[0]
    if file.suffix not in kind.suffixes:
        stem = file.name[: -len(file.suffix)] if file.suffix else file.name
        if file.suffix.lower() in kind.similar_suffixes():
            return Problem(
                repo_path,
                None,
                "",
                f"rename it to {stem}{preferred}: {kind.name} files end in {preferred}",
            )
        message = (
            f"is not a {kind.name} file ({kind.name}s are {preferred} files): rename it, "
            f"or move it out of {paths.repo_path(kind.location(paths))}/"
        )
        return Problem(repo_path, None, "", message)
    item_id = file.name.removesuffix(file.suffix)
    if not is_slug(item_id):
        suggestion = slug_for(item_id)
        fix = f"rename it to {suggestion}{file.suffix}" if suggestion else "rename it"
        message = (
            f"the file name {file.name!r} is not a valid id (it becomes the page's address: "
            f"lowercase letters, digits and hyphens): {fix}"
        )
        return Problem(repo_path, None, "", message)
    if item_id in RESERVED_IDS | _RESERVED_BY_KIND.get(kind.name, frozenset()):
        page = f"/{kind.folder}/" if item_id in RESERVED_IDS else f"/{kind.folder}/{item_id}/"
        message = f"the id {item_id!r} is taken by the site's own page {page}: rename the file"
        return Problem(repo_path, None, "", message)
    return None


def unexpected_entries(paths: ContentPaths) -> list[Problem]:
    """What lies directly in content/ besides the kinds' folders and the tags file."""
    if not paths.content.is_dir():
        return [
            Problem(
                "content",
                None,
                "",
                "is missing: create content/articles/ and content/tracks/ next to mkdocs.yml",
            )
        ]
    expected = {kind.folder for kind in FOLDER_KINDS} | {paths.tags.name}
    problems = []
    for entry in sorted(paths.content.iterdir()):
        if entry.name in expected or is_editor_leftover(entry.name) or is_readme(entry.name):
            continue
        repo_path = paths.repo_path(entry)
        if entry.is_symlink() and (problem := _link_problem(entry, paths)):
            problems.append(problem)
        elif entry.stem.lower() == "tags" and entry.suffix.lower() in _YAML_SUFFIXES:
            problems.append(Problem(repo_path, None, "", f"rename it to {paths.tags.name}"))
        elif entry.is_dir() and entry.name.lower() in expected:
            problems.append(
                Problem(repo_path, None, "", f"rename the folder to {entry.name.lower()}")
            )
        else:
            problems.append(Problem(repo_path, None, "", _unexpected(entry, expected)))
    return problems


def _unexpected(entry: Path, expected: set[str]) -> str:

    close = closest(entry.name, expected)
    if close:
        return f"is not a content folder or file; did you mean content/{close}?"
    return (
        "is not a content folder or file: content/ holds articles/, tracks/, assessments/, "
        "cohorts/ and tags.yml; move it elsewhere"
    )
