"""Cohort files: read like tracks, every problem named by file, line and field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from site_helpers import write_files

from reading_program.cohorts import Cohort, load_cohorts, parse_meeting
from reading_program.loader import ContentPaths
from reading_program.problems import Problem
from reading_program.schedule import Meeting

TRACK_WEEKS = {"six-week-leadership": 6, "two-weeks": 2}
FILE = "content/cohorts/sales-east.yml"

# One field a line, in this order, so that tests can name lines: team is line 1.
FIELDS = {
    "team": '"Sales East"',
    "track": "six-week-leadership",
    "start": "2026-01-12",
    "meeting": '"Thu 09:30"',
    "timezone": '"Europe/Berlin"',
    "skip": "[2026-02-16]",
    "lead": '"Maria Rossi"',
    "message": '"Welcome aboard!"',
}


def cohort_yaml(**changes: str | None) -> str:
    """FIELDS with `changes`; None leaves a field out."""
    fields = {**FIELDS, **changes}
    return "".join(f"{key}: {value}\n" for key, value in fields.items() if value is not None)


def load(
    root: Path, files: dict[str, str | bytes], weeks: dict[str, int] | None = None
) -> tuple[list[Cohort], list[str]]:
    write_files(root, files)
    problems: list[Problem] = []
    cohorts = load_cohorts(ContentPaths(root), TRACK_WEEKS if weeks is None else weeks, problems)
    return cohorts, [str(problem) for problem in problems]


def test_a_complete_cohort_file_loads(tmp_path: Path) -> None:
    cohorts, problems = load(tmp_path, {FILE: cohort_yaml()})
    assert problems == []
    assert cohorts == [
        Cohort(
            id="sales-east",
            source_path=FILE,
            team="Sales East",
            track_id="six-week-leadership",
            start=dt.date(2026, 1, 12),
            meeting=Meeting(3, dt.time(9, 30)),
            timezone="Europe/Berlin",
            skip=(dt.date(2026, 2, 16),),
            lead="Maria Rossi",
            message="Welcome aboard!",
        )
    ]


def test_optional_fields_have_defaults(tmp_path: Path) -> None:
    source = cohort_yaml(meeting=None, timezone=None, skip=None, lead=None, message=None)
    [cohort], problems = load(tmp_path, {FILE: source})
    assert problems == []
    assert (cohort.meeting, cohort.timezone, cohort.skip) == (None, "UTC", ())
    assert (cohort.lead, cohort.message) == (None, None)


@pytest.mark.parametrize("start", ["2026-01-12", '"2026-01-12"', "'2026-01-12'"])
def test_start_may_be_quoted_or_not(tmp_path: Path, start: str) -> None:
    [cohort], problems = load(tmp_path, {FILE: cohort_yaml(start=start)})
    assert problems == []
    assert cohort.start == dt.date(2026, 1, 12)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Thu 09:30", Meeting(3, dt.time(9, 30))),
        ("thursday 9:30", Meeting(3, dt.time(9, 30))),
        ("SUNDAY 23:59", Meeting(6, dt.time(23, 59))),
        ("mon 00:00", Meeting(0, dt.time(0, 0))),
        ("  Fri   17:05 ", Meeting(4, dt.time(17, 5))),
    ],
)
def test_meeting_spellings(written: str, expected: Meeting) -> None:
    assert parse_meeting(written) == expected


def test_unquoted_meeting_is_text_not_a_sexagesimal_number(tmp_path: Path) -> None:
    [cohort], problems = load(tmp_path, {FILE: cohort_yaml(meeting="Tue 9:30")})
    assert problems == []
    assert cohort.meeting == Meeting(1, dt.time(9, 30))


def test_skip_dates_are_sorted_and_the_schedule_uses_them(tmp_path: Path) -> None:
    source = cohort_yaml(skip="\n  - 2026-02-16\n  - 2026-01-20")
    [cohort], problems = load(tmp_path, {FILE: source})
    assert problems == []
    assert cohort.skip == (dt.date(2026, 1, 20), dt.date(2026, 2, 16))
    schedule = cohort.schedule(6)
    assert [week.starts.isoformat() for week in schedule] == [
        "2026-01-12",
        "2026-01-26",  # 2026-01-20 makes 19-25 Jan a break
        "2026-02-02",
        "2026-02-09",
        "2026-02-23",  # 2026-02-16 makes 16-22 Feb a break
        "2026-03-02",
    ]


BAD_COHORTS = [
    pytest.param(
        cohort_yaml(meeting='"Thu 25:00"'),
        f"{FILE}:4: meeting: 'Thu 25:00' is not a time of day: use 00:00 to 23:59",
        id="hour-25",
    ),
    pytest.param(
        cohort_yaml(meeting='"Thu 09:75"'),
        f"{FILE}:4: meeting: 'Thu 09:75' is not a time of day",
        id="minute-75",
    ),
    pytest.param(
        cohort_yaml(meeting='"Thr 09:30"'),
        f"{FILE}:4: meeting: unknown weekday 'Thr'; use one of Mon, Tue, Wed, Thu, Fri, Sat, Sun",
        id="weekday-typo",
    ),
    pytest.param(
        cohort_yaml(meeting='"09:30"'),
        f"{FILE}:4: meeting: expected a weekday and a 24-hour time, e.g. 'Thu 09:30', got '09:30'",
        id="no-weekday",
    ),
    pytest.param(
        cohort_yaml(meeting='"Thu 9.30am"'),
        f"{FILE}:4: meeting: expected a weekday and a 24-hour time",
        id="twelve-hour-clock",
    ),
    pytest.param(
        cohort_yaml(meeting="42"),
        f"{FILE}:4: meeting: expected a weekday and a 24-hour time, e.g. 'Thu 09:30', "
        "got a number (42)",
        id="number-meeting",
    ),
    pytest.param(
        cohort_yaml(timezone='"Europe/Berln"'),
        f"{FILE}:5: timezone: unknown time zone 'Europe/Berln'; e.g. Europe/Berlin",
        id="zone-typo",
    ),
    pytest.param(
        cohort_yaml(timezone='"europe/berlin"'),
        f"{FILE}:5: timezone: unknown time zone 'europe/berlin'; e.g. Europe/Berlin",
        id="zone-case",
    ),
    pytest.param(
        cohort_yaml(timezone='"Europe"'),
        f"{FILE}:5: timezone: unknown time zone 'Europe'; e.g.",
        id="zone-folder",
    ),
    pytest.param(
        cohort_yaml(timezone='"../../etc/passwd"'),
        f"{FILE}:5: timezone: unknown time zone '../../etc/passwd'; e.g.",
        id="zone-path",
    ),
    pytest.param(
        cohort_yaml(timezone="CET+1"),
        f"{FILE}:5: timezone: unknown time zone 'CET+1'",
        id="zone-offset",
    ),
    pytest.param(
        cohort_yaml(start="2026-13-01"),
        f"{FILE}:3: start: expected a date as YYYY-MM-DD, got '2026-13-01'",
        id="bad-month",
    ),
    pytest.param(
        cohort_yaml(start="12.01.2026"),
        f"{FILE}:3: start: expected a date as YYYY-MM-DD, got '12.01.2026'",
        id="european-date",
    ),
    pytest.param(
        cohort_yaml(start="20260112"),
        f"{FILE}:3: start: expected a date as YYYY-MM-DD, got a number (20260112)",
        id="number-date",
    ),
    pytest.param(
        cohort_yaml(start=None),
        f"{FILE}:1: start: required field is missing",
        id="no-start",
    ),
    pytest.param(
        cohort_yaml(team=None),
        f"{FILE}:1: team: required field is missing",
        id="no-team",
    ),
    pytest.param(
        cohort_yaml(team="yes"),
        None,  # YAML 1.1's "yes" is text here: no problem
        id="yes-is-text",
    ),
    pytest.param(
        cohort_yaml(team="true"),
        f"{FILE}:1: team: expected text, got true/false (true) (put it in quotes)",
        id="boolean-team",
    ),
    pytest.param(
        cohort_yaml(track='"Six Week"'),
        f"{FILE}:2: track: 'Six Week' is not a slug",
        id="track-not-slug",
    ),
    pytest.param(
        cohort_yaml(track="six-weeks-leadership"),
        f"{FILE}:2: track: no track has the id 'six-weeks-leadership'; "
        "known tracks: six-week-leadership, two-weeks",
        id="unknown-track",
    ),
    pytest.param(
        cohort_yaml(skip="[2026-01-12, 2025-02-16]"),
        f"{FILE}:6: skip[1]: 2025-02-16 is before the cohort starts (2026-01-12); remove it",
        id="skip-before-start",
    ),
    pytest.param(
        cohort_yaml(skip="\n  - 2026-02-16\n  - 2026-06-16"),
        f"{FILE}:8: skip[1]: 2026-06-16 is after the last reading week ends (2026-03-01); "
        "remove it",
        id="skip-after-end",
    ),
    pytest.param(
        cohort_yaml(skip="[2026-02-16, 2026-02-16]"),
        f"{FILE}:6: skip: lists 2026-02-16 more than once",
        id="skip-twice",
    ),
    pytest.param(
        cohort_yaml(skip="\n  - 2026-02-16\n  - 2026-02-30"),
        f"{FILE}:8: skip[1]: expected a date as YYYY-MM-DD, got '2026-02-30'",
        id="skip-not-a-date",
    ),
    pytest.param(
        cohort_yaml(skip="2026-02-16"),
        f"{FILE}:6: skip: expected a list (one '- item' per line), got text",
        id="skip-not-a-list",
    ),
    pytest.param(
        cohort_yaml(message=None) + "meting: x\n",
        f"{FILE}:8: meting: unknown field; allowed fields are team, track, start, meeting, "
        "timezone, skip, lead, message; did you mean 'meeting'?",
        id="unknown-field",
    ),
    pytest.param(
        cohort_yaml(lead='""'),
        f"{FILE}:7: lead: must not be empty",
        id="empty-lead",
    ),
    pytest.param(
        cohort_yaml(team='"a"') + 'team: "b"\n',
        f"{FILE}:9: team: duplicate key (first given on line 1)",
        id="duplicate-key",
    ),
    pytest.param(
        "- team\n- track\n",
        f"{FILE}:1: a cohort file must be a mapping of fields (key: value), got a list",
        id="list-file",
    ),
    pytest.param(
        "team: Sales: East\ntrack: x\n",
        f"{FILE}:1: invalid YAML: mapping values are not allowed",
        id="unquoted-colon",
    ),
    pytest.param(
        b'team: "Caf\xe9"\n',
        f"{FILE}:1: not valid UTF-8 (byte 0xe9)",
        id="latin-1",
    ),
]


@pytest.mark.parametrize(("source", "expected"), BAD_COHORTS)
def test_bad_cohort_is_reported_precisely(
    tmp_path: Path, source: str | bytes, expected: str | None
) -> None:
    cohorts, problems = load(tmp_path, {FILE: source})
    if expected is None:
        assert problems == []
        assert len(cohorts) == 1
    else:
        assert cohorts == []
        assert any(line.startswith(expected) for line in problems), problems


def test_a_skip_date_inside_a_break_is_inside_the_schedule(tmp_path: Path) -> None:
    # Two weeks from Mon 12 Jan; skipping 14 Jan makes 12-18 Jan a break, so the
    # schedule runs to 1 Feb and 30 Jan is inside it (it makes 26 Jan-1 Feb a break too).
    source = cohort_yaml(track="two-weeks", skip="[2026-01-14, 2026-01-30]")
    [cohort], problems = load(tmp_path, {FILE: source})
    assert problems == []
    assert [w.starts.isoformat() for w in cohort.schedule(2)] == ["2026-01-19", "2026-02-02"]


def test_no_tracks_at_all_says_so(tmp_path: Path) -> None:
    _, problems = load(tmp_path, {FILE: cohort_yaml()}, weeks={})
    assert problems == [
        f"{FILE}:2: track: no track has the id 'six-week-leadership'; "
        "known tracks: none yet (add one in content/tracks/)"
    ]


def test_a_track_that_failed_to_load_is_not_reported_again(tmp_path: Path) -> None:
    files = {FILE: cohort_yaml(), "content/tracks/six-week-leadership.yml": "title: [x]\n"}
    cohorts, problems = load(tmp_path, files, weeks={"two-weeks": 2})
    assert (cohorts, problems) == ([], [])


@pytest.mark.parametrize("name", ["Sales East.yml", "sales_east.yml", "SalesEast.yaml"])
def test_file_name_must_be_a_slug(tmp_path: Path, name: str) -> None:
    cohorts, problems = load(tmp_path, {f"content/cohorts/{name}": cohort_yaml()})
    assert cohorts == []
    assert problems == [
        f"content/cohorts/{name}: file name {name!r} is not a slug: the name is the cohort's id"
    ]


def test_yml_and_yaml_with_one_name_are_reported(tmp_path: Path) -> None:
    files = {FILE: cohort_yaml(), "content/cohorts/sales-east.yaml": cohort_yaml()}
    cohorts, problems = load(tmp_path, files)
    assert [cohort.source_path for cohort in cohorts] == ["content/cohorts/sales-east.yaml"]
    assert problems == [
        f"{FILE}: two cohort files have the id 'sales-east': "
        f"content/cohorts/sales-east.yaml and {FILE}; rename one"
    ]


def test_every_problem_of_every_file_is_reported_at_once(tmp_path: Path) -> None:
    files = {
        "content/cohorts/a.yml": cohort_yaml(meeting='"Thr 9:30"', timezone='"Mars/Base"'),
        "content/cohorts/b.yml": cohort_yaml(track="nope"),
        "content/cohorts/c.yml": cohort_yaml(),
    }
    cohorts, problems = load(tmp_path, files)
    assert [cohort.id for cohort in cohorts] == ["c"]
    assert [line.split(": ")[0] for line in problems] == [
        "content/cohorts/a.yml:4",
        "content/cohorts/a.yml:5",
        "content/cohorts/b.yml:2",
    ]


def test_no_cohorts_folder_means_no_cohorts(tmp_path: Path) -> None:
    assert load(tmp_path, {}) == ([], [])


def test_bom_and_crlf_simply_work(tmp_path: Path) -> None:
    source = ("\ufeff" + cohort_yaml()).replace("\n", "\r\n").encode("utf-8")
    [cohort], problems = load(tmp_path, {FILE: source})
    assert problems == []
    assert cohort.team == "Sales East"
