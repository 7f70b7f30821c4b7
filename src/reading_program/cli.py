"""The `reading-program` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .loader import ContentPaths, load_library
from .models import Library
from .problems import ContentError


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reading-program",
        description="Tools for the leadership reading program's content.",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=Path.cwd(),
        help="the repository folder holding content/ (default: the current folder)",
    )
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="validate all content and print each track's plan",
        description="Validate articles and tracks without building the site; print every "
        "problem as path:line: field: message, then the plan of every track.",
        epilog="example: reading-program check",
    )
    check.set_defaults(run=_check)
    return parser


def _check(args: argparse.Namespace) -> int:
    try:
        library = load_library(ContentPaths(args.root))
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(_plan_report(library))
    return 0


def _plan_report(library: Library) -> str:
    articles, tracks = len(library.articles), len(library.tracks)
    lines = [f"{_count(articles, 'article')}, {_count(tracks, 'track')}: all valid."]
    for track in library.tracks:
        lines.append(f"\n{track.title} ({track.id}), {track.minutes} min")
        for week in track.weeks:
            lines.append(f"  Week {week.number}: {week.title} ({week.minutes} min)")
            lines += [f"    - {a.title} ({a.reading_minutes} min)" for a in week.readings]
    return "\n".join(lines)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
