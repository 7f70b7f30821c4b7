"""`reading-program assign` and `update`: a team's cohort file, written and recorded."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

from ..atomic_files import write_atomically
from ..load.files import COHORT, ContentFile
from ..load.loader import load_text
from ..load.paths import ContentPaths
from ..load.problems import Problem, Problems, closest
from ..load.specs import AssignedSpec, time_zones
from ..model import Cohort, Library
from ..plan.cohorts import Assignment, assignment, build_cohort
from ..plan.library import load_library
from . import CommandError
from .ids import existing_file, new_id
from .reports import schedule_report, site_url_of
from .yaml_text import yaml_text


def assign(args: argparse.Namespace) -> int:
    paths = ContentPaths(args.root)
    library = load_library(paths, allow_unfinished=True)
    cohort_id = new_id(args.id, args.team, "--id", "--team")
    existing = existing_file(paths.cohorts, cohort_id, (".yml", ".yaml"))
    if existing and not args.force:
        raise CommandError(f"{paths.repo_path(existing)} exists; pass --force to replace it")
    target = existing or paths.cohorts / f"{cohort_id}.yml"
    file = ContentFile(cohort_id, target, paths.repo_path(target))
    args.timezone = args.timezone or _ask_time_zone()
    text = _cohort_yaml(args)
    cohort = _validated_cohort(text, file, library)
    previous = _previous_record(existing, file) if existing else None
    record = assignment(cohort, previous, _now(), replacing=existing is not None)
    if record is not None:  # None: the plan the file being replaced recorded, unchanged
        text = _with_record(text, record)
        cohort = _validated_cohort(text, file, library)
    _warn_if_past(cohort)
    write_atomically(target, text)
    print(f"Wrote {paths.repo_path(target)}. Publish it with `make build`.\n")
    print(schedule_report(cohort, site_url_of(args.root)))
    return 0


def update(args: argparse.Namespace) -> int:
    paths = ContentPaths(args.root)
    library = load_library(paths, allow_unfinished=True)
    target = existing_file(paths.cohorts, args.cohort, (".yml", ".yaml"))
    if target is None:
        raise CommandError(f"no cohort {args.cohort!r}; {cohort_hint(args.cohort, library)}")
    file = ContentFile(args.cohort, target, paths.repo_path(target))
    text = target.read_text("utf-8")
    try:  # what the build says about the file now, if it builds as it is
        before = _validated_cohort(text, file, library).notes
    except CommandError:
        before = ()
    now = _validated_cohort(text, file, library, take_plan=args.take_plan)
    record = assignment(now, _previous_record(target, file), _now(), replacing=True)
    if record is None:
        print(f"{file.repo_path}: nothing to record, the team has this plan already.")
        return 0
    text = _with_record(text, record)
    recorded = _validated_cohort(text, file, library)
    write_atomically(target, text)
    print(f"Recorded in {file.repo_path} (calendar revision {record.sequence}).")
    print("".join(f"  Before: {note}\n" for note in before))
    print(schedule_report(recorded, site_url_of(args.root)))
    return 0


def cohort_hint(cohort_id: str, library: Library) -> str:
    known = [c.id for c in library.cohorts]
    close = closest(cohort_id, known)
    return f"did you mean {close!r}?" if close else f"known cohorts: {', '.join(known) or 'none'}"


def _cohort_yaml(args: argparse.Namespace) -> str:
    fields = {
        "team": args.team,
        "track": args.track,
        "start": args.start,
        "meeting": args.meeting,
        "timezone": args.timezone,
        "skip": [_skip_entry(text) for text in args.skip] or None,
        "lead": args.lead,
        "message": args.note,
        "members": args.member or None,
    }
    return yaml_text({key: value for key, value in fields.items() if value is not None})


def _skip_entry(text: str) -> str | dict[str, str]:
    """`--skip 2027-02-01` or `--skip "2027-02-01: the sales kick-off"`."""
    day, _, reason = text.partition(":")
    return {"date": day.strip(), "reason": reason.strip()} if reason.strip() else day.strip()


_RECORD_COMMENT = """\
# What the team was given, recorded by `reading-program assign` and `update`: the build keeps
# these readings while the track changes, and calendars take a changed event as an update.
"""


_TOP_LEVEL_KEY = re.compile(r"^[^\s#]", re.M)


def _with_record(text: str, record: Assignment) -> str:
    """The cohort file's text with `record` as its `assigned:` field: the field replaced
    where it is, or added at the end; everything else, comments included, kept."""
    weeks = "".join(
        f"    - {{when: {json.dumps(_when(when))}, readings: {json.dumps(list(readings))}}}\n"
        for when, readings in record.weeks
    )
    at = record.at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    block = f'assigned:\n  at: "{at}"\n  sequence: {record.sequence}\n  weeks:\n{weeks}'
    found = re.search(r"^assigned:", text, re.M)
    if found is None:
        return f"{text.rstrip()}\n{_RECORD_COMMENT}{block}"
    following = _TOP_LEVEL_KEY.search(text, found.end())
    return text[: found.start()] + block + (text[following.start() :] if following else "")


def _when(when: dt.date) -> str:
    if isinstance(when, dt.datetime):
        return when.isoformat(timespec="minutes")
    return when.isoformat()


def _previous_record(path: Path, file: ContentFile) -> AssignedSpec | None:
    """What the file being replaced or updated recorded, if it reads."""
    try:
        loaded = load_text(COHORT, path.read_text("utf-8"), file, Problems())
    except (OSError, UnicodeDecodeError):
        return None
    return None if loaded is None else loaded.spec.assigned  # unreadable: nothing recorded


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _ask_time_zone() -> str:
    """At a terminal, ask for the team's time zone; elsewhere, UTC with a warning."""
    if not sys.stdin.isatty():
        print(
            "reading-program: warning: no --timezone, so the dates and the meeting are in "
            "UTC; pass --timezone (e.g. Europe/Berlin) if the team is elsewhere",
            file=sys.stderr,
        )
        return "UTC"
    while True:
        answer = input("The team's time zone (IANA name, e.g. Europe/Berlin) [UTC]: ").strip()
        if not answer or answer in time_zones():
            return answer or "UTC"
        close = closest(answer, time_zones())
        print(f"{answer!r} is not a time zone name" + (f"; did you mean {close}?" if close else ""))


def _warn_if_past(cohort: Cohort) -> None:
    today = dt.date.today()
    if cohort.start < today:
        over = sum(1 for week in cohort.schedule if week.ends < today)
        print(
            f"reading-program: warning: --start {cohort.start} is in the past (today is "
            f"{today}): {over} of its {len(cohort.schedule)} weeks are already over",
            file=sys.stderr,
        )


_OPTIONS = {
    "team": "--team",
    "track": "--track",
    "start": "--start",
    "meeting": "--meeting",
    "timezone": "--timezone",
    "skip date": "--skip",
    "skip": "--skip",
    "lead": "--lead",
    "message": "--note",
    "members": "--member",
}


def _validated_cohort(
    text: str, file: ContentFile, library: Library, *, take_plan: bool = False
) -> Cohort:
    problems = Problems()
    loaded = load_text(COHORT, text, file, problems)
    cohort = loaded and build_cohort(
        loaded, library.tracks, frozenset(), problems, library.articles, take_plan=take_plan
    )
    if cohort is None:
        raise CommandError(_input_problems(list(problems)))
    return cohort


def _input_problems(problems: list[Problem]) -> str:
    lines = []
    for problem in problems:
        field = re.sub(r" [0-9]+$", "", problem.field.split(",")[0])
        lines.append(f"{_OPTIONS.get(field, field or 'input')}: {problem.message}")
    return "bad input:\n  " + "\n  ".join(lines)
