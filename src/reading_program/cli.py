"""The `reading-program` command line: content checks and tools for authors and team leads.

Every failure is one line (or one list of content problems), never a traceback: content
problems, bad options, files that cannot be written, a closed pipe.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .commands import CommandError, check, cohort_files, messages, scaffold
from .export import WITHOUT_THE_HOOK, ExportError, build_command, export_site
from .fingerprints import installed_version
from .load.json_schemas import write_schemas
from .load.paths import ProjectNotFound, find_root
from .load.problems import ContentError

if TYPE_CHECKING:  # what add_subparsers returns; argparse names it privately
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        args.root = _root(args.root)
        return args.run(args)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
    except (CommandError, ProjectNotFound, ExportError) as error:
        print(f"reading-program: {error}", file=sys.stderr)
    except BrokenPipeError:  # `reading-program check | head`: the reader has gone, say nothing
        _silence_stdout()
        return 0
    except OSError as error:
        print(f"reading-program: {_os_error(error)}", file=sys.stderr)
    except KeyboardInterrupt:
        return 130
    return 1


def _root(given: Path | None) -> Path:
    if given is None:
        return find_root(Path.cwd())
    if not (given / "mkdocs.yml").is_file():
        raise CommandError(f"--root {given}: no mkdocs.yml there; point it at the repository")
    return given.resolve()


def _silence_stdout() -> None:
    # Python flushes stdout at exit and would report the broken pipe a second time.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _os_error(error: OSError) -> str:
    where = f"{error.filename}: " if error.filename else ""
    return f"{where}{error.strerror or error}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reading-program",
        description="Tools for the leadership reading program's content.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--root",
        type=Path,
        help="the repository (the folder holding mkdocs.yml); default: found from the "
        "current folder upwards, as git finds its repository",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {installed_version()}")
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
    parser = _command(
        commands,
        "check",
        "Check everything the build checks, without building: print every problem as "
        "path:line: field: message, or the plan of every track.",
        "reading-program check",
    )
    parser.set_defaults(run=check.check)


def _add_new(commands: Commands) -> None:
    new = _command(
        commands,
        "new",
        "Start a new article: writes content/articles/<id>.md with placeholders that "
        "`check` reports until you replace them.",
        'reading-program new article "Decide Before You Are Ready" --tags decisiveness,courage',
    )
    new.add_argument("kind", choices=["article"], help="what to create")
    new.add_argument("title", help="the article's title")
    new.add_argument("--tags", required=True, help="comma-separated tags, e.g. coaching,feedback")
    new.add_argument("--id", help="the article's id and address (default: made from the title)")
    new.add_argument("--draft", action="store_true", help="mark it draft: true (not published)")
    new.set_defaults(run=scaffold.new)


def _add_assign(commands: Commands) -> None:
    """`assign`, and `update`, which records a cohort's changed plan later."""
    assign = _command(
        commands,
        "assign",
        "Assign a track to a team: write content/cohorts/<id>.yml, recording the readings "
        "and calendar events the team is given, and print the dated schedule.",
        'reading-program assign --track six-week-leadership --team "Sales West" '
        '--start 2027-03-01 --meeting "Tue 10:00" --timezone America/Denver',
    )
    assign.add_argument("--track", required=True, help="the track's id, e.g. six-week-leadership")
    assign.add_argument("--team", required=True, help="the team's name, shown on its page")
    assign.add_argument("--start", required=True, help="first day of week 1, YYYY-MM-DD")
    assign.add_argument("--meeting", help='weekly meeting, weekday and 24h time: "Thu 09:30"')
    assign.add_argument(
        "--timezone",
        help="IANA time zone of the dates and meeting, e.g. Europe/Berlin (asked for when "
        "not given, at a terminal; otherwise UTC, with a warning)",
    )
    assign.add_argument(
        "--skip",
        action="append",
        default=[],
        metavar="DATE[:REASON]",
        help='a date whose week is a break, and why: "2027-02-01: the sales kick-off"',
    )
    assign.add_argument("--lead", help="the lead's name, shown on the page and in messages")
    assign.add_argument("--note", help="a personal note from the lead, shown in week 1")
    assign.add_argument(
        "--member",
        action="append",
        default=[],
        metavar="NAME",
        help="a team member's name (never an address: the page is published); repeat it",
    )
    assign.add_argument("--id", help="the cohort's id and address (default: made from the team)")
    assign.add_argument("--force", action="store_true", help="overwrite an existing cohort file")
    assign.set_defaults(run=cohort_files.assign)

    update = _command(
        commands,
        "update",
        "Record what a cohort's team is given now: its calendar events as they are (a "
        "changed meeting time, a new break), so calendars take them as updates; with "
        "--take-plan, also the track's readings as they are now.",
        "reading-program update sales-east --take-plan",
    )
    update.add_argument("cohort", help="the cohort's id (its file name in content/cohorts/)")
    update.add_argument(
        "--take-plan",
        action="store_true",
        help="take the track's readings as they are now (the cohort keeps its own otherwise)",
    )
    update.set_defaults(run=cohort_files.update)


def _add_message(commands: Commands) -> None:
    message = _command(
        commands,
        "message",
        "Print a cohort's ready-to-send message for one week, or for every week; with --eml, "
        "write each as an e-mail draft (.eml) that mail clients open for sending.",
        "reading-program message sales-east --all --eml drafts --to team@example.org",
    )
    message.add_argument("cohort", help="the cohort's id (its file name in content/cohorts/)")
    which = message.add_mutually_exclusive_group(required=True)
    which.add_argument("--week", type=int, help="the track week number")
    which.add_argument("--all", action="store_true", help="every week, in order")
    message.add_argument(
        "--eml",
        type=Path,
        nargs="?",
        const=messages.DRAFTS,
        metavar="DIR",
        help="write <cohort>-week-<n>.eml files into DIR: outside the repository, or its "
        f"{messages.DRAFTS}/ folder, which git ignores (the default)",
    )
    message.add_argument(
        "--to",
        nargs="+",
        default=[],
        metavar="ADDRESS",
        help="recipients of the .eml drafts (never written into the site or content/)",
    )
    message.set_defaults(run=messages.message)


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
        "reading-program export --out build/export\n"
        "  .venv/bin/mkdocs build --strict -f build/export/mkdocs.yml",
    )
    export.add_argument("--out", type=Path, required=True, help="an empty folder to write into")
    export.add_argument("--force", action="store_true", help="replace an earlier export in --out")
    export.set_defaults(run=_export)


# ---- commands ----------------------------------------------------------------------------


def _schema(args: argparse.Namespace) -> int:
    out = args.out if args.out.is_absolute() else args.root / args.out
    for path in write_schemas(out):
        print(f"Wrote {path}")
    return 0


def _export(args: argparse.Namespace) -> int:
    export_site(args.root, args.out, force=args.force)
    print(f"Exported to {args.out}: build it with `{build_command(args.out)}`.")
    print(WITHOUT_THE_HOOK)
    return 0
