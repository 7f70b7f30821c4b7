"""`reading-program message`: a cohort's weekly messages, printed or as .eml drafts."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..atomic_files import write_atomically
from ..load.paths import ContentPaths
from ..model import Cohort
from ..plan.library import load_library
from ..render.cohort_weeks import announced_weeks
from ..render.mail import BadAddress, draft, draft_name, parse_addresses
from ..render.messages import Message, week_message
from . import CommandError
from .cohort_files import cohort_hint
from .reports import site_url_of

DRAFTS = Path("drafts")  # message --eml's folder in the repository; .gitignore lists it


def message(args: argparse.Namespace) -> int:
    library = load_library(ContentPaths(args.root), allow_unfinished=True)
    cohort = next((c for c in library.cohorts if c.id == args.cohort), None)
    if cohort is None:
        raise CommandError(f"no cohort {args.cohort!r}; {cohort_hint(args.cohort, library)}")
    weeks = announced_weeks(cohort, site_url_of(args.root))
    if args.week is not None:
        weeks = tuple(w for w in weeks if w.number == args.week)
        if not weeks:
            raise CommandError(
                f"week {args.week} is not in {cohort.id}'s schedule "
                f"(weeks 1 to {len(cohort.schedule)})"
            )
    if args.to and args.eml is None:
        raise CommandError("--to is for the .eml drafts: add --eml DIR")
    messages = tuple(week_message(cohort, week) for week in weeks)
    if args.eml is None:
        print("\n\n".join(f"Subject: {m.subject}\n\n{m.body}" for m in messages))
        return 0
    _write_drafts(args, cohort, messages)
    return 0


def _write_drafts(args: argparse.Namespace, cohort: Cohort, messages: tuple[Message, ...]) -> None:
    try:
        recipients = parse_addresses(args.to)
    except BadAddress as error:
        raise CommandError(f"--to: {error}") from None
    folder = _drafts_folder(args.eml, args.root)
    for message in messages:
        target = folder / draft_name(message)
        write_atomically(target, draft(cohort, message, recipients))
        print(f"Wrote {target}")


def _drafts_folder(given: Path, root: Path) -> Path:
    """Where drafts may go: never where git or the site would pick up the team's
    addresses. Inside the repository only its drafts/ folder, which .gitignore lists."""
    if given == DRAFTS:
        return root / DRAFTS
    folder = (given if given.is_absolute() else Path.cwd() / given).resolve()
    repository = root.resolve()
    if folder.is_relative_to(repository) and not folder.is_relative_to(repository / DRAFTS):
        published = any(folder.is_relative_to(repository / p) for p in ("content", "docs"))
        where = "is published with the site" if published else "is inside the repository"
        raise CommandError(
            f"--eml {given}: that folder {where}, where the team's addresses would be "
            f"committed: leave DIR out to write into {DRAFTS}/ (ignored by git), or name a "
            "folder outside the repository"
        )
    return folder
