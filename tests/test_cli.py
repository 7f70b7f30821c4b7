"""The command line, run in-process: every failure is one line, never a traceback."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from site_helpers import REPO, Site, article_text

from reading_program.cli import main
from reading_program.load.drafts import says_draft
from reading_program.load.paths import ContentPaths
from reading_program.plan.library import load_library


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]):
    def invoke(*args: str) -> Result:
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse: --help, --version, usage errors
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def assign(run, root: Path, *extra: str, team: str = "Sales East") -> Result:
    """`assign` at a start in the future; UTC unless `extra` names a time zone."""
    zone = () if "--timezone" in extra else ("--timezone", "UTC")
    return run(
        "--root", str(root), "assign", "--track", "two-weeks", "--team", team,
        "--start", "2027-01-11", *zone, *extra,
    )  # fmt: skip


# ---- check -------------------------------------------------------------------------------


def test_check_prints_the_plan_of_the_real_content(run) -> None:
    # Holds for any valid content: authors add articles, tracks and cohorts.
    library = load_library(ContentPaths(REPO))
    result = run("--root", str(REPO), "check")
    assert result.code == 0, result.err
    assert re.match(r"\d+ articles?, \d+ tracks?, \d+ cohorts?: all valid\.\n", result.out)
    assert result.out.startswith(f"{len(library.articles)} article")
    for track in library.tracks:
        assert f"{track.title} ({track.id}), {track.minutes} min" in result.out
        for week in track.weeks:
            assert f"  Week {week.number}: {week.title} ({week.minutes} min)" in result.out


def test_check_reports_every_problem_and_fails(run, site: Site) -> None:
    site.write("content/articles/lead.md", article_text(tags="[Lead]"))
    site.write("content/articles/coach.md", "no frontmatter\n")
    result = run("--root", str(site.root), "check")
    assert result.code == 1
    assert "content/articles/lead.md:4: tag 1: 'Lead' is not a valid id" in result.err
    assert "content/articles/coach.md:1: has no frontmatter" in result.err


def test_check_finds_the_repository_from_a_sub_folder(run, site: Site, monkeypatch) -> None:
    monkeypatch.chdir(site.root / "content" / "articles")
    result = run("check")
    assert result.code == 0, result.err
    assert result.out.startswith("2 articles, 1 track, 0 cohorts: all valid.")


@pytest.mark.parametrize(
    "command", [["check"], ["new", "article", "A", "--tags", "x"], ["export", "--out", "out"]]
)
def test_outside_a_repository_every_command_says_so(
    run, tmp_path: Path, monkeypatch, command
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(*command)
    assert result.code == 1
    assert result.err.startswith(
        f"reading-program: no mkdocs.yml in {tmp_path.resolve()} or any folder above it"
    )
    assert not (tmp_path / "content").exists() and not (tmp_path / "out").exists()


def test_a_root_without_mkdocs_yml_is_refused(run, tmp_path: Path) -> None:
    result = run("--root", str(tmp_path), "check")
    assert (result.code, result.err.strip()) == (
        1,
        f"reading-program: --root {tmp_path}: no mkdocs.yml there; point it at the repository",
    )


def test_new_needs_a_content_folder(run, tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    result = run("--root", str(tmp_path), "new", "article", "A Title", "--tags", "x")
    assert result.code == 1
    assert "has no content/ folder" in result.err
    assert not (tmp_path / "content").exists()


@pytest.mark.slow
def test_check_piped_into_head_is_silent(site: Site) -> None:
    # The installed console script, and a real pipe: the reader closes it after one line.
    script = Path(sys.executable).parent / "reading-program"
    command = f"{script} --root {site.root} check | head -n 1"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, check=False)
    assert re.match(r"\d+ articles?, \d+ tracks?", result.stdout)
    assert result.stderr == ""


def test_version_and_help(run) -> None:
    version = run("--version")
    assert (version.code, version.out.startswith("reading-program 0.")) == (0, True)
    for command in ("check", "new", "assign", "message", "schema", "export"):
        result = run(command, "--help")
        assert result.code == 0
        assert "example:\n  reading-program " + command in result.out


# ---- assign ------------------------------------------------------------------------------


@pytest.mark.build
def test_assign_writes_a_valid_cohort_and_prints_the_schedule(run, site: Site, umask_022) -> None:
    result = assign(run, site.root, "--meeting", "Thu 09:30", "--timezone", "Europe/Berlin")
    assert result.code == 0, result.err
    written = site.root / "content/cohorts/sales-east.yml"
    assert written.read_text().startswith('team: "Sales East"\ntrack: "two-weeks"\n')
    assert stat.S_IMODE(written.stat().st_mode) == 0o644  # the umask's, not mkstemp's 0600
    assert "Week 1: Mon 11 Jan – Sun 17 Jan 2027; meeting Thu 14 Jan, 09:30 (Europe/Berlin)" in (
        result.out
    )
    assert not list(written.parent.glob(".*")), "no temporary file is left behind"
    site.build()
    assert (site.root / "site/cohorts/sales-east.ics").is_file()
    assert site.html("cohorts/sales-east").h1.get_text(strip=True) == "Sales East: Two Weeks"


def test_assign_refuses_to_overwrite_without_force(run, site: Site, umask_022) -> None:
    assert assign(run, site.root).code == 0
    written = site.root / "content/cohorts/sales-east.yml"
    again = assign(run, site.root, "--lead", "Dana")
    assert again.code == 1
    assert "content/cohorts/sales-east.yml exists; pass --force to replace it" in again.err
    assert "Dana" not in written.read_text()
    assert assign(run, site.root, "--lead", "Dana", "--force").code == 0
    assert 'lead: "Dana"' in written.read_text()
    assert stat.S_IMODE(written.stat().st_mode) == 0o644


def test_assign_sees_a_yaml_file_of_the_same_id(run, site: Site) -> None:
    site.write(
        "content/cohorts/sales-east.yaml", 'team: "T"\ntrack: two-weeks\nstart: 2027-01-04\n'
    )
    result = assign(run, site.root)
    assert "content/cohorts/sales-east.yaml exists; pass --force to replace it" in result.err


def test_assign_reports_bad_input_by_option(run, site: Site) -> None:
    result = assign(run, site.root, "--meeting", "Someday 25:00", "--timezone", "Mars/Base")
    assert result.code == 1
    assert "--meeting: 'Someday' is not a weekday: use Mon, Tue, Wed" in result.err
    assert "--timezone: 'Mars/Base' is not an IANA time zone name" in result.err
    assert not (site.root / "content/cohorts/sales-east.yml").exists()


@pytest.mark.parametrize(
    ("start", "message"),
    [
        ("0", "--start: expected a date written YYYY-MM-DD"),
        ("1799625600", "--start: expected a date written YYYY-MM-DD"),
        ("2027-02-30", "--start: 2027-02-30 is not a day of the calendar"),
    ],
)
def test_assign_takes_only_real_dates(run, site: Site, start: str, message: str) -> None:
    result = run(
        "--root", str(site.root), "assign", "--track", "two-weeks", "--team", "T", "--start", start
    )
    assert result.code == 1
    assert message in result.err


def test_assign_rejects_an_unknown_track(run, site: Site) -> None:
    result = run(
        "--root",
        str(site.root),
        "assign",
        "--track",
        "two-week",
        "--team",
        "T",
        "--start",
        "2027-01-11",
    )
    assert result.code == 1
    assert "--track: no track has the id 'two-week'; did you mean 'two-weeks'?" in result.err


@pytest.mark.parametrize(
    ("cohort_id", "message"),
    [
        ("../../../../tmp/x", "--id '../../../../tmp/x' is not a valid id"),
        (
            "Not A Slug",
            (
                "--id 'Not A Slug' is not a valid id: lowercase letters, digits and single "
                "hyphens, at most 60 characters, e.g. 'not-a-slug'"
            ),
        ),
        ("index", "the id 'index' is taken by one of the site's own pages: pass another --id"),
    ],
)
def test_assign_validates_the_id(run, site: Site, cohort_id: str, message: str) -> None:
    result = assign(run, site.root, "--id", cohort_id)
    assert result.code == 1
    assert message in result.err
    assert not (site.root / "content/cohorts").exists()


def test_ids_are_transliterated(run, site: Site) -> None:
    assert assign(run, site.root, team="Café Führung").code == 0
    assert assign(run, site.root, team="Équipe Zürich").code == 0
    written = sorted(p.name for p in (site.root / "content/cohorts").iterdir())
    assert written == ["cafe-fuhrung.yml", "equipe-zurich.yml"]


def test_every_place_that_makes_or_suggests_an_id_agrees(run, site: Site) -> None:
    """One slug function: the id `assign` and `new` make, and the fix every message suggests."""
    name = "Café Führung"
    # made: the cohort file `assign` writes and the article file `new` writes
    assert assign(run, site.root, team=name).code == 0
    assert (site.root / "content/cohorts/cafe-fuhrung.yml").is_file()
    made = run("--root", str(site.root), "new", "article", name, "--tags", "leadership")
    assert made.code == 0, made.err
    assert (site.root / "content/articles/cafe-fuhrung.md").is_file()
    # suggested: an --id, a tag, a file name and an id inside YAML that are not ids
    bad_id = assign(run, site.root, "--id", name)
    assert "e.g. 'cafe-fuhrung'" in bad_id.err
    bad_tag = run("--root", str(site.root), "new", "article", "T", "--tags", name)
    assert "e.g. 'cafe-fuhrung'" in bad_tag.err
    site.write(f"content/articles/{name}.md", article_text())
    site.write("content/articles/other.md", article_text(tags=f'["{name}"]'))
    check = run("--root", str(site.root), "check")
    assert f"content/articles/{name}.md: " in check.err
    assert "rename it to cafe-fuhrung.md" in check.err
    assert (
        "content/articles/other.md:4: tag 1: 'Café Führung' is not a valid id: use lowercase "
        "letters, digits and single hyphens, e.g. 'cafe-fuhrung'"
    ) in check.err
    assert "caf-f-hrung" not in bad_id.err + bad_tag.err + check.err


def test_a_very_long_team_name_is_one_line(run, site: Site) -> None:
    result = assign(run, site.root, team="A" * 300)
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert "pass a shorter --id" in result.err


def test_a_failed_write_is_one_line(run, site: Site) -> None:
    (site.root / "content/cohorts").write_text("a file where the folder should be")
    result = assign(run, site.root, "--force")
    assert result.code == 1
    assert result.err.startswith("reading-program: ")
    assert result.err.count("\n") == 1


def test_an_unfinished_article_blocks_check_but_not_assign_or_message(run, site: Site) -> None:
    site.write(
        "content/articles/draft.md",
        article_text("Draft", summary="TODO: later.", tags="[coaching]"),
    )
    assert run("--root", str(site.root), "check").code == 1
    assert assign(run, site.root).code == 0
    assert run("--root", str(site.root), "message", "sales-east", "--week", "1").code == 0


def test_assign_records_the_readings_and_events_the_team_is_given(
    run, site: Site, monkeypatch
) -> None:
    monkeypatch.setattr(
        "reading_program.commands.cohort_files._now",
        lambda: dt.datetime(2026, 12, 3, 10, 15, tzinfo=dt.UTC),
    )
    result = assign(
        run, site.root, "--meeting", "Thu 09:30", "--timezone", "Europe/Berlin",
        "--skip", "2027-01-18: the sales kick-off", "--member", "Sam", "--member", "Alex Kim",
    )  # fmt: skip
    assert result.code == 0, result.err
    text = (site.root / "content/cohorts/sales-east.yml").read_text()
    assert text.endswith(
        'members:\n- "Sam"\n- "Alex Kim"\n'
        "# What the team was given, recorded by `reading-program assign` and `update`: the "
        "build keeps\n# these readings while the track changes, and calendars take a changed "
        'event as an update.\nassigned:\n  at: "2026-12-03T10:15:00Z"\n  sequence: 0\n'
        '  weeks:\n    - {when: "2027-01-14T09:30+01:00", readings: ["lead"]}\n'
        '    - {when: "2027-01-28T09:30+01:00", readings: ["coach"]}\n'
    )
    assert "reason: the sales kick-off" in text


def test_the_track_changes_and_update_takes_the_new_plan_when_asked(
    run, site: Site, monkeypatch
) -> None:
    clock = iter(dt.datetime(2026, 12, day, 9, tzinfo=dt.UTC) for day in (1, 2, 3, 4))
    monkeypatch.setattr("reading_program.commands.cohort_files._now", lambda: next(clock))
    assert assign(run, site.root, "--meeting", "Thu 09:30").code == 0
    site.write("content/articles/brave.md", article_text("Brave", tags="[coaching]"))
    file = site.root / "content/cohorts/sales-east.yml"
    before = file.read_text()

    kept = run("--root", str(site.root), "update", "sales-east")
    assert kept.out.startswith(
        "content/cohorts/sales-east.yml: nothing to record, the team has this plan already."
    )
    assert file.read_text() == before

    taken = run("--root", str(site.root), "update", "sales-east", "--take-plan")
    assert taken.code == 0, taken.err
    assert taken.out.startswith(
        "Recorded in content/cohorts/sales-east.yml (calendar revision 1).\n"
        "  Before: the track's week 2 now also lists “Brave”; this cohort keeps its readings"
    )
    text = file.read_text()
    assert '    - {when: "2027-01-21T09:30+00:00", readings: ["brave", "coach"]}\n' in text
    assert text.count("assigned:") == 1 and text.count("# What the team was given") == 1
    assert '  at: "2026-12-03T09:00:00Z"\n  sequence: 1\n' in text

    file.write_text(text.replace("Thu 09:30", "Thu 10:00"))  # a hand edit
    moved = run("--root", str(site.root), "update", "sales-east")
    assert "(calendar revision 2)" in moved.out
    assert '"2027-01-14T10:00+00:00"' in file.read_text()


def test_update_names_an_unknown_cohort(run, site: Site) -> None:
    assert assign(run, site.root).code == 0
    unknown = run("--root", str(site.root), "update", "sales-eats")
    assert (
        unknown.err.strip() == "reading-program: no cohort 'sales-eats'; did you mean 'sales-east'?"
    )


def test_replacing_a_cohort_continues_its_calendar_revisions(run, site: Site) -> None:
    site.write(
        "content/cohorts/sales-east.yml",
        'team: "Sales East"\ntrack: two-weeks\nstart: 2027-01-11\n',
    )
    assert assign(run, site.root, "--force").code == 0
    text = (site.root / "content/cohorts/sales-east.yml").read_text()
    assert "  sequence: 1\n" in text, "a feed without a record was published as revision 0"
    assert assign(run, site.root, "--force", "--meeting", "Fri 08:00").code == 0
    assert "  sequence: 2\n" in (site.root / "content/cohorts/sales-east.yml").read_text()


def test_assign_without_a_time_zone_warns_and_a_past_start_warns(run, site: Site) -> None:
    result = run(
        "--root", str(site.root), "assign", "--track", "two-weeks", "--team", "Ops",
        "--start", "2020-01-06",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "warning: no --timezone, so the dates and the meeting are in UTC" in result.err
    assert "warning: --start 2020-01-06 is in the past" in result.err
    assert "2 of its 2 weeks are already over" in result.err
    assert 'timezone: "UTC"' in (site.root / "content/cohorts/ops.yml").read_text()


def test_assign_asks_for_the_time_zone_at_a_terminal(run, site: Site, monkeypatch) -> None:
    answers = iter(["Europe/Berln", "Europe/Berlin"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    result = run(
        "--root", str(site.root), "assign", "--track", "two-weeks", "--team", "Ops",
        "--start", "2027-01-11",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "'Europe/Berln' is not a time zone name; did you mean Europe/Berlin?" in result.out
    assert 'timezone: "Europe/Berlin"' in (site.root / "content/cohorts/ops.yml").read_text()


def test_a_member_address_is_refused(run, site: Site) -> None:
    result = assign(run, site.root, "--member", "sam@example.org")
    assert result.code == 1
    assert "--member: looks like an e-mail address: list names only" in result.err


# ---- message -----------------------------------------------------------------------------


def test_message_prints_one_week_or_all(run, site: Site) -> None:
    assign(run, site.root, "--lead", "Dana", "--note", "Welcome aboard.")
    week_2 = run("--root", str(site.root), "message", "sales-east", "--week", "2")
    assert week_2.code == 0, week_2.err
    assert week_2.out.startswith("Subject: Sales East · Two Weeks, week 2 (18–24 Jan): Second\n")
    assert "http://127.0.0.1:8000/articles/coach/" in week_2.out
    assert "Welcome aboard." not in week_2.out  # the note is a week 1 welcome
    every = run("--root", str(site.root), "message", "sales-east", "--all")
    assert every.out.count("Subject: ") == 2
    assert "Welcome aboard." in every.out


def test_message_errors(run, site: Site) -> None:
    assign(run, site.root)
    unknown = run("--root", str(site.root), "message", "sales-eats", "--week", "1")
    assert (unknown.code, unknown.err.strip()) == (
        1,
        "reading-program: no cohort 'sales-eats'; did you mean 'sales-east'?",
    )
    missing = run("--root", str(site.root), "message", "sales-east", "--week", "9")
    assert "week 9 is not in sales-east's schedule (weeks 1 to 2)" in missing.err
    neither = run("--root", str(site.root), "message", "sales-east")
    assert neither.code == 2  # argparse: one of --week/--all is required


# ---- new ---------------------------------------------------------------------------------


def test_new_article_is_flagged_by_check_until_filled_in(run, site: Site, umask_022) -> None:
    created = run("--root", str(site.root), "new", "article", "Decide: Now!", "--tags", "coaching")
    assert created.code == 0, created.err
    path = site.root / "content/articles/decide-now.md"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    check = run("--root", str(site.root), "check")
    assert check.code == 1
    assert "content/articles/decide-now.md:3: summary: is still the placeholder" in check.err
    assert check.err.count("still the placeholder") == 5  # summary, 3 questions, the text
    path.write_text(
        path.read_text().replace("TODO: ", "").replace("Write the article here.", "Real words.")
    )
    assert run("--root", str(site.root), "check").code == 0
    again = run("--root", str(site.root), "new", "article", "Decide: Now!", "--tags", "coaching")
    assert again.code == 1
    assert "content/articles/decide-now.md exists; pass another --id" in again.err
    other = run(
        "--root",
        str(site.root),
        "new",
        "article",
        "Decide: Now!",
        "--tags",
        "coaching",
        "--id",
        "decide-today",
    )
    assert other.code == 0, other.err
    assert (site.root / "content/articles/decide-today.md").is_file()


def test_new_draft_is_left_out_of_published_builds_until_finished(run, site: Site) -> None:
    """`new --draft` writes `draft: true`: `check` (and so the build) passes with the
    placeholders still in, and names the draft; without it the same article is refused."""
    root = ("--root", str(site.root))
    created = run(*root, "new", "article", "Half an Idea", "--tags", "coaching", "--draft")
    assert created.code == 0, created.err
    path = site.root / "content/articles/half-an-idea.md"
    assert says_draft(path.read_text("utf-8"))
    check = run(*root, "check")
    assert check.code == 0, check.err
    draft_note = "Draft, left out of published builds (shown by make serve)"
    assert f"{draft_note}: content/articles/half-an-idea.md" in check.out
    path.unlink()
    assert run(*root, "new", "article", "Half an Idea", "--tags", "coaching").code == 0
    assert not says_draft(path.read_text("utf-8"))
    assert "content/articles/half-an-idea.md:3: summary:" in run(*root, "check").err


def test_new_writes_valid_yaml_whatever_the_title(run, site: Site) -> None:
    title = 'Quotes "and" colons: [brackets] & #hash'
    assert (
        run(
            "--root", str(site.root), "new", "article", title, "--tags", "coaching", "--id", "odd"
        ).code
        == 0
    )
    check = run("--root", str(site.root), "check")
    assert "odd.md:2" not in check.err  # the title line parsed; only placeholders are left
    assert "content/articles/odd.md:3: summary: is still the placeholder" in check.err


@pytest.mark.parametrize(
    ("tags", "message"),
    [
        ("courage], evil: [x", "--tags: 'courage]' is not a tag"),
        (
            "Coaching",
            (
                "--tags: 'Coaching' is not a tag: tags are lowercase words joined by hyphens, "
                "e.g. 'coaching'"
            ),
        ),
        (
            "coachin",
            (
                "--tags: 'coachin' is not in content/tags.yml; did you mean 'coaching'? Or add "
                "it there first"
            ),
        ),
        (" , ", "--tags names no tag"),
    ],
)
def test_new_checks_its_tags(run, site: Site, tags: str, message: str) -> None:
    site.write(
        "content/tags.yml",
        'coaching: {title: "Coaching", description: "D."}\n'
        'leadership: {title: "L", description: "D."}\n',
    )
    result = run("--root", str(site.root), "new", "article", "A Title", "--tags", tags)
    assert result.code == 1
    assert message in result.err
    assert not (site.root / "content/articles/a-title.md").exists()


# ---- schema, export ------------------------------------------------------------------------


@pytest.mark.build
def test_schema_and_export_commands(run, tmp_path: Path) -> None:
    schemas = run("--root", str(REPO), "schema", "--out", str(tmp_path / "schemas"))
    assert schemas.code == 0, schemas.err
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == [
        "article.schema.json",
        "assessment.schema.json",
        "cohort.schema.json",
        "tags.schema.json",
        "track.schema.json",
    ]
    out = tmp_path / "export"
    exported = run("--root", str(REPO), "export", "--out", str(out))
    assert exported.code == 0, exported.err
    assert (out / "mkdocs.yml").is_file()
    again = run("--root", str(REPO), "export", "--out", str(out))
    assert again.code == 1
    assert "is not empty; pass --force" in again.err


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ("site_name: [x\n", "mkdocs.yml:2: is not valid YAML"),
        ("site_name: x\ntheme: {name: nope}\n", "mkdocs.yml: Config value 'theme': Unrecognised"),
        ("site_name: x\nnav: 5\n", "mkdocs.yml: Config value 'nav': Expected nav to be a list"),
        ("- a\n", "mkdocs.yml: The configuration is invalid."),
    ],
)
def test_check_with_a_broken_mkdocs_yml_says_so_in_one_line(
    run, site: Site, config: str, expected: str
) -> None:
    site.write("mkdocs.yml", config)
    result = run("--root", str(site.root), "check")
    assert result.code == 1
    assert expected in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda root: os.mkfifo(root / "docs/pipe.md"), "docs/pipe.md: is a named pipe (FIFO)"),
        (lambda root: os.mkfifo(root / "docs/data.json"), "docs/data.json: is a named pipe"),
        (
            lambda root: (root / "docs/loop").symlink_to("."),
            "docs/loop: is a link to docs, a folder that holds it (a loop)",
        ),
        (
            lambda root: os.mkfifo(root / "overrides/extra.html"),
            "overrides/extra.html: is a named pipe",
        ),
    ],
)
def test_check_refuses_special_files_and_loops_in_docs_without_waiting(
    run, site: Site, make, expected: str
) -> None:
    make(site.root)
    result = run("--root", str(site.root), "check")
    assert result.code == 1
    assert expected in result.err
