"""The `reading-program` command line: content checks and tools for authors and team leads.

Every failure is one line (or one list of content problems), never a traceback: content
problems, bad options, files that cannot be written, a closed pipe.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from . import mkdocs_adapter
from .content.files import COHORT, RESERVED_IDS, ContentFile, suggest_id
from .content.json_schemas import write_schemas
from .content.loader import load_content, load_text
from .content.paths import ContentPaths, ProjectNotFound, find_root
from .content.problems import ContentError, Problem, closest
from .content.project_hook import hook_problems
from .content.specs import SLUG_PATTERN, AssignedSpec, time_zones
from .export import WITHOUT_THE_HOOK, ExportError, export_site
from .model import Cohort, Library
from .pipeline import prepare_site
from .plan.cohorts import Assignment, assignment, build_cohort
from .plan.library import load_library
from .site.cohort_weeks import cohort_weeks
from .site.mail import BadAddress, draft, draft_name, parse_addresses

if TYPE_CHECKING:  # what add_subparsers returns; argparse names it privately
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]

DRAFTS = Path("drafts")  # message --eml's folder in the repository; .gitignore lists it
_SLUG = re.compile(SLUG_PATTERN)
_MAX_ID = 60  # a file name and an address: long enough for any team name worth typing


class CommandError(Exception):
    """A problem with the command's input: printed as one line, exit code 1."""


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
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")
    _add_check(commands)
    _add_new(commands)
    _add_assign(commands)
    _add_message(commands)
    _add_schema(commands)
    _add_export(commands)
    return parser


def _version() -> str:
    try:
        return importlib.metadata.version("reading-program")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


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
        "Check everything the build checks, without building: print every problem as "
        "path:line: field: message, or the plan of every track.",
        "reading-program check",
    )
    check.set_defaults(run=_check)


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
    new.set_defaults(run=_new)


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
    assign.set_defaults(run=_assign)

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
    update.set_defaults(run=_update)


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
        const=DRAFTS,
        metavar="DIR",
        help="write <cohort>-week-<n>.eml files into DIR: outside the repository, or its "
        f"{DRAFTS}/ folder, which git ignores (the default)",
    )
    message.add_argument(
        "--to",
        nargs="+",
        default=[],
        metavar="ADDRESS",
        help="recipients of the .eml drafts (never written into the site or content/)",
    )
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


# ---- commands ----------------------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
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
    print(_plan_report(site.library))
    for left_out in site.library.drafts:
        print(f"Draft, left out of published builds (shown by make serve): {left_out}")
    return 0


def _hook_problems(root: Path) -> list[Problem]:
    try:
        return hook_problems(mkdocs_adapter.raw_config(root), root)
    except ContentError:  # mkdocs.yml is not YAML settings: project_config has said so
        return []


def _schema(args: argparse.Namespace) -> int:
    out = args.out if args.out.is_absolute() else args.root / args.out
    for path in write_schemas(out):
        print(f"Wrote {path}")
    return 0


def _export(args: argparse.Namespace) -> int:
    export_site(args.root, args.out, force=args.force)
    print(f"Exported to {args.out}: build it with `mkdocs build -f {args.out / 'mkdocs.yml'}`.")
    print(WITHOUT_THE_HOOK)
    return 0


def _new(args: argparse.Namespace) -> int:
    paths = ContentPaths(args.root)
    if not paths.content.is_dir():
        raise CommandError(f"{args.root} has no content/ folder: is this the reading program?")
    slug = _id(args.id, args.title, "--id", "the title")
    existing = _existing(paths.articles, slug, (".md",))
    if existing:
        raise CommandError(f"{paths.repo_path(existing)} exists; pass another --id")
    tags = _tags(args.tags, paths)
    target = paths.articles / f"{slug}.md"
    _write_atomically(target, _article_skeleton(args.title, tags, draft=args.draft))
    print(f"Wrote {paths.repo_path(target)}: replace its TODO placeholders and its text, then")
    print("run `reading-program check` to see it valid and where it lands in the tracks.")
    return 0


def _assign(args: argparse.Namespace) -> int:
    paths = ContentPaths(args.root)
    library = load_library(paths, allow_unfinished=True)
    cohort_id = _id(args.id, args.team, "--id", "--team")
    existing = _existing(paths.cohorts, cohort_id, (".yml", ".yaml"))
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
    _write_atomically(target, text)
    print(f"Wrote {paths.repo_path(target)}. Publish it with `make build`.\n")
    print(_schedule_report(cohort, _site_url(args.root)))
    return 0


def _update(args: argparse.Namespace) -> int:
    paths = ContentPaths(args.root)
    library = load_library(paths, allow_unfinished=True)
    target = _existing(paths.cohorts, args.cohort, (".yml", ".yaml"))
    if target is None:
        raise CommandError(f"no cohort {args.cohort!r}; {_cohort_hint(args.cohort, library)}")
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
    _write_atomically(target, text)
    print(f"Recorded in {file.repo_path} (calendar revision {record.sequence}).")
    print("".join(f"  Before: {note}\n" for note in before))
    print(_schedule_report(recorded, _site_url(args.root)))
    return 0


def _message(args: argparse.Namespace) -> int:
    library = load_library(ContentPaths(args.root), allow_unfinished=True)
    cohort = next((c for c in library.cohorts if c.id == args.cohort), None)
    if cohort is None:
        raise CommandError(f"no cohort {args.cohort!r}; {_cohort_hint(args.cohort, library)}")
    weeks = cohort_weeks(cohort, _site_url(args.root))
    if args.week is not None:
        weeks = tuple(w for w in weeks if w.week.number == args.week)
        if not weeks:
            raise CommandError(
                f"week {args.week} is not in {cohort.id}'s schedule "
                f"(weeks 1 to {len(cohort.schedule)})"
            )
    if args.to and args.eml is None:
        raise CommandError("--to is for the .eml drafts: add --eml DIR")
    if args.eml is None:
        print("\n\n".join(f"Subject: {w.message.subject}\n\n{w.message.body}" for w in weeks))
        return 0
    _write_drafts(args, cohort, [w.scheduled for w in weeks])
    return 0


def _write_drafts(args: argparse.Namespace, cohort: Cohort, weeks: list) -> None:
    try:
        recipients = parse_addresses(args.to)
    except BadAddress as error:
        raise CommandError(f"--to: {error}") from None
    folder = _drafts_folder(args.eml, args.root)
    site_url = _site_url(args.root)
    for scheduled in weeks:
        target = folder / draft_name(cohort, scheduled)
        _write_atomically(target, draft(cohort, scheduled, site_url, recipients))
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


# ---- helpers -----------------------------------------------------------------------------


def _id(given: str | None, text: str, option: str, source: str) -> str:
    """A valid id: `given`, or one made from `text` (transliterated)."""
    if given is not None:
        if not _SLUG.match(given) or len(given) > _MAX_ID:
            suggestion = suggest_id(given)[:_MAX_ID].strip("-")
            hint = f", e.g. {suggestion!r}" if suggestion else ""
            raise CommandError(
                f"{option} {given!r} is not a valid id: lowercase letters, digits and single "
                f"hyphens, at most {_MAX_ID} characters{hint}"
            )
        made = given
    else:
        made = suggest_id(text)
        if not made:
            raise CommandError(f"cannot make an id from {source} {text!r}: pass {option}")
        if len(made) > _MAX_ID:
            raise CommandError(
                f"the id made from {source} is {len(made)} characters long: pass a shorter {option}"
            )
    if made in RESERVED_IDS:
        raise CommandError(
            f"the id {made!r} is taken by one of the site's own pages: pass another {option}"
        )
    return made


def _existing(folder: Path, item_id: str, suffixes: tuple[str, ...]) -> Path | None:
    return next(
        (folder / f"{item_id}{s}" for s in suffixes if (folder / f"{item_id}{s}").exists()), None
    )


def _tags(text: str, paths: ContentPaths) -> list[str]:
    tags = [tag.strip() for tag in text.split(",") if tag.strip()]
    if not tags:
        raise CommandError("--tags names no tag: give at least one, e.g. --tags coaching")
    allowed = _listed_tags(paths)
    problems = []
    for tag in tags:
        if not _SLUG.match(tag):
            suggestion = suggest_id(tag)
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


class _Quoted(str):
    """A value written in double quotes, as authors are told to write text."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Quoted, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"')
)


def _dump(data: dict) -> str:
    def quoted(value):
        if isinstance(value, str):
            return _Quoted(value)
        return [quoted(item) for item in value] if isinstance(value, list) else value

    fields = {key: quoted(value) for key, value in data.items()}
    return yaml.dump(fields, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


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
        f"---\n{_dump(frontmatter)}---\n\nWrite the article here. Use `##` for section headings.\n"
    )


def _cohort_hint(cohort_id: str, library: Library) -> str:
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
    return _dump({key: value for key, value in fields.items() if value is not None})


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
        loaded = load_text(COHORT, path.read_text("utf-8"), file)
    except (OSError, UnicodeDecodeError):
        return None
    return None if isinstance(loaded, list) else loaded.spec.assigned


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
    loaded = load_text(COHORT, text, file)
    if isinstance(loaded, list):
        raise CommandError(_input_problems(loaded))
    cohort = build_cohort(
        loaded, library.tracks, frozenset(), library.articles, take_plan=take_plan
    )
    if isinstance(cohort, list):
        raise CommandError(_input_problems(cohort))
    return cohort


def _input_problems(problems: list[Problem]) -> str:
    lines = []
    for problem in problems:
        field = re.sub(r" [0-9]+$", "", problem.field.split(",")[0])
        lines.append(f"{_OPTIONS.get(field, field or 'input')}: {problem.message}")
    return "bad input:\n  " + "\n  ".join(lines)


def _write_atomically(target: Path, content: str | bytes) -> None:
    """Write a sibling temporary file and rename it: readers never see half a file. The
    file gets the permissions the umask gives any new file (mkstemp would make it 0600)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        os.fchmod(handle, 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _site_url(root: Path) -> str:
    """mkdocs.yml's site_url as the build reads it: links in messages match the site's."""
    return mkdocs_adapter.site_url(mkdocs_adapter.project_config(root))


def _schedule_report(cohort: Cohort, site_url: str) -> str:
    lines = [f"{cohort.team}: {cohort.track.title}"]
    for item in cohort_weeks(cohort, site_url):
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
