"""The `reading-program` command line: content checks and tools for team leads."""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .cohort_plan import cohort_weeks
from .cohorts import Cohort, cohort_from_text
from .export import ExportError, export_site
from .json_schemas import write_schemas
from .loader import ContentPaths, load_library
from .models import Library
from .problems import ContentError, Problem
from .rendering import render_text

if TYPE_CHECKING:  # what add_subparsers returns; argparse names it privately
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")


class CommandError(Exception):
    """A problem with the command's input: printed, exit code 1."""


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
    except CommandError as error:
        print(f"reading-program: {error}", file=sys.stderr)
    return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reading-program",
        description="Tools for the leadership reading program's content.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=Path.cwd(),
        help="the repository folder holding content/ (default: the current folder)",
    )
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")
    _add_check(commands)
    _add_new(commands)
    _add_assign(commands)
    _add_message(commands)
    _add_schema(commands)
    _add_export(commands)
    return parser


def _command(commands: Commands, name: str, summary: str, example: str) -> argparse.ArgumentParser:
    return commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _add_check(commands: Commands) -> None:
    check = _command(
        commands,
        "check",
        "Validate all content without building the site; print every problem as "
        "path:line: field: message, then the plan of every track.",
        "reading-program check",
    )
    check.set_defaults(run=_check)


def _add_new(commands: Commands) -> None:
    new = _command(
        commands,
        "new",
        "Start a new article: writes content/articles/<slug>.md with placeholders that "
        "`check` reports until you replace them.",
        'reading-program new article "Decide Before You Are Ready" --tags decisiveness,courage',
    )
    new.add_argument("kind", choices=["article"], help="what to create")
    new.add_argument("title", help="the article's title; the file name is made from it")
    new.add_argument("--tags", required=True, help="comma-separated tags, e.g. coaching,feedback")
    new.set_defaults(run=_new)


def _add_assign(commands: Commands) -> None:
    assign = _command(
        commands,
        "assign",
        "Assign a track to a team: write content/cohorts/<id>.yml and print the dated schedule.",
        'reading-program assign --track six-week-leadership --team "Sales East" '
        '--start 2027-01-11 --meeting "Thu 09:30" --timezone Europe/Berlin',
    )
    assign.add_argument("--track", required=True, help="the track's id, e.g. six-week-leadership")
    assign.add_argument("--team", required=True, help="the team's name, shown on its page")
    assign.add_argument("--start", required=True, help="first day of week 1, YYYY-MM-DD")
    assign.add_argument("--meeting", help='weekly meeting, weekday and 24h time: "Thu 09:30"')
    assign.add_argument("--timezone", default="UTC", help="IANA time zone (default: UTC)")
    assign.add_argument("--skip", action="append", default=[], help="a date whose week is a break")
    assign.add_argument("--lead", help="the lead's name, shown on the page and in messages")
    assign.add_argument("--note", help="a personal note from the lead, shown in week 1")
    assign.add_argument("--id", help="the cohort's id and URL (default: from the team name)")
    assign.add_argument("--force", action="store_true", help="overwrite an existing cohort file")
    assign.set_defaults(run=_assign)


def _add_message(commands: Commands) -> None:
    message = _command(
        commands,
        "message",
        "Print a cohort's ready-to-send message for one week, or for every week.",
        "reading-program message sales-east --week 3",
    )
    message.add_argument("cohort", help="the cohort's id (its file name in content/cohorts/)")
    which = message.add_mutually_exclusive_group(required=True)
    which.add_argument("--week", type=int, help="the track week number")
    which.add_argument("--all", action="store_true", help="every week, in order")
    message.set_defaults(run=_message)


def _add_schema(commands: Commands) -> None:
    schema = _command(
        commands,
        "schema",
        "Write JSON Schemas for article frontmatter, track, cohort, assessment and tags files, "
        "generated from the models that validate them (for editor completion and checks).",
        "reading-program schema --out schemas",
    )
    schema.add_argument(
        "--out", type=Path, default=Path("schemas"), help="folder (default: schemas)"
    )
    schema.set_defaults(run=_schema)


def _add_export(commands: Commands) -> None:
    export = _command(
        commands,
        "export",
        "Write a complete MkDocs project (docs with every generated page, and mkdocs.yml "
        "without hooks) that any generator reading mkdocs.yml can build.",
        "reading-program export --out build/export && cd build/export && mkdocs build",
    )
    export.add_argument("--out", type=Path, required=True, help="an empty folder to write into")
    export.add_argument("--force", action="store_true", help="replace an earlier export in --out")
    export.set_defaults(run=_export)


def _schema(args: argparse.Namespace) -> int:
    out = args.out if args.out.is_absolute() else args.root / args.out
    for path in write_schemas(out):
        print(f"Wrote {path}")
    return 0


def _export(args: argparse.Namespace) -> int:
    try:
        export_site(args.root, args.out, force=args.force)
    except ExportError as error:
        raise CommandError(str(error)) from None
    print(f"Exported to {args.out}: build it with `mkdocs build -f {args.out / 'mkdocs.yml'}`.")
    return 0


def _check(args: argparse.Namespace) -> int:
    print(_plan_report(load_library(ContentPaths(args.root))))
    return 0


def _new(args: argparse.Namespace) -> int:
    paths = ContentPaths(args.root)
    slug = _slug(args.title)
    target = paths.articles / f"{slug}.md"
    if target.exists():
        raise CommandError(f"{paths.display(target)} exists; choose another title")
    tags = [tag.strip() for tag in args.tags.split(",") if tag.strip()]
    text = render_text("new_article.md.j2", title=args.title, tags=tags)
    _write_atomically(target, text)
    print(f"Wrote {paths.display(target)}: replace its TODO placeholders, then run")
    print("`reading-program check` to see it valid and where it lands.")
    return 0


def _assign(args: argparse.Namespace) -> int:
    paths = ContentPaths(args.root)
    library = load_library(paths)
    cohort_id = args.id or _slug(args.team)
    target = paths.root / "content" / "cohorts" / f"{cohort_id}.yml"
    if target.exists() and not args.force:
        raise CommandError(f"{paths.display(target)} exists; pass --force to replace it")
    text = _cohort_yaml(args)
    track_weeks = {track.id: len(track.weeks) for track in library.tracks}
    cohort = cohort_from_text(text, cohort_id, paths.display(target), track_weeks)
    if isinstance(cohort, list):
        raise CommandError(_input_problems(cohort))
    _write_atomically(target, text)
    print(f"Wrote {paths.display(target)}. Publish it with `make build`.\n")
    print(_schedule_report(library, cohort))
    return 0


def _message(args: argparse.Namespace) -> int:
    library = load_library(ContentPaths(args.root))
    cohort = next((c for c in library.cohorts if c.id == args.cohort), None)
    if cohort is None:
        known = ", ".join(c.id for c in library.cohorts) or "none"
        raise CommandError(f"no cohort {args.cohort!r}; known cohorts: {known}")
    weeks = cohort_weeks(cohort, library.track(cohort.track_id), SITE_URL)
    if args.week is not None:
        weeks = tuple(w for w in weeks if w.week.number == args.week)
        if not weeks:
            raise CommandError(f"week {args.week} is not in {cohort.id}'s schedule")
    print("\n\n".join(f"Subject: {w.message.subject}\n\n{w.message.body}" for w in weeks))
    return 0


def _cohort_yaml(args: argparse.Namespace) -> str:
    fields = {
        "team": args.team,
        "track": args.track,
        "start": args.start,
        "meeting": args.meeting,
        "timezone": args.timezone,
        "skip": args.skip or None,
        "lead": args.lead,
        "message": args.note,
    }
    data = {key: value for key, value in fields.items() if value is not None}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _input_problems(problems: list[Problem]) -> str:
    option = {"team": "--team", "track": "--track", "start": "--start", "meeting": "--meeting"}
    option |= {"timezone": "--timezone", "lead": "--lead", "message": "--note"}
    lines = [f"{option.get(p.field.split('[')[0], p.field)}: {p.message}" for p in problems]
    return "bad input:\n  " + "\n  ".join(lines)


def _write_atomically(target: Path, text: str) -> None:
    """Write a sibling temporary file and rename it: readers never see half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if not slug:
        raise CommandError(f"cannot make an id from {text!r}; pass --id")
    return slug


def _schedule_report(library: Library, cohort: Cohort) -> str:
    track = library.track(cohort.track_id)
    lines = [f"{cohort.team}: {track.title}"]
    for item in cohort_weeks(cohort, track, SITE_URL):
        meeting = f"; meeting {item.meeting}" if item.meeting else ""
        lines.append(f"  Week {item.week.number}: {item.dates}{meeting}")
        lines.append(f"    {item.week.title} ({item.week.minutes} min)")
    return "\n".join(lines)


def _plan_report(library: Library) -> str:
    counts = [
        _count(len(library.articles), "article"),
        _count(len(library.tracks), "track"),
        _count(len(library.cohorts), "cohort"),
    ]
    lines = [f"{', '.join(counts)}: all valid."]
    for track in library.tracks:
        lines.append(f"\n{track.title} ({track.id}), {track.minutes} min")
        for week in track.weeks:
            lines.append(f"  Week {week.number}: {week.title} ({week.minutes} min)")
            lines += [f"    - {a.title} ({a.reading_minutes} min)" for a in week.readings]
        lines += [f"  Note: {note}" for note in track.notes]
    return "\n".join(lines)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
