"""Cohort files: read like tracks, every problem named by file, line and field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from site_helpers import article_text, write_files

from reading_program.load.paths import ContentPaths
from reading_program.load.problems import ContentError
from reading_program.load.specs import MeetingSpec, parse_meeting
from reading_program.model import Cohort, Meeting
from reading_program.plan.library import load_library

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


def track_yaml(weeks: int) -> str:
    week = '  - {{title: "Week {n}", intro: "I.", articles: [a{n}], prompts: ["P?"]}}\n'
    return 'title: "T"\nsummary: "S."\nweeks:\n' + "".join(
        week.format(n=n) for n in range(1, weeks + 1)
    )


TRACKS = {
    **{f"content/articles/a{n}.md": article_text(f"A{n}") for n in range(1, 7)},
    "content/tracks/six-week-leadership.yml": track_yaml(6),
    "content/tracks/two-weeks.yml": track_yaml(2),
}


def load(
    root: Path, files: dict[str, str | bytes], tracks: dict[str, str] | None = None
) -> tuple[list[Cohort], list[str]]:
    write_files(root, {**(TRACKS if tracks is None else tracks), **files})
    try:
        library = load_library(ContentPaths(root))
    except ContentError as error:
        return [], [str(problem) for problem in error.problems]
    return list(library.cohorts), []


def test_a_complete_cohort_file_loads(tmp_path: Path) -> None:
    cohorts, problems = load(tmp_path, {FILE: cohort_yaml()})
    assert problems == []
    [cohort] = cohorts
    assert (cohort.id, cohort.repo_path, cohort.team) == ("sales-east", FILE, "Sales East")
    assert cohort.track.id == "six-week-leadership"
    assert (cohort.start, cohort.meeting) == (dt.date(2026, 1, 12), Meeting(3, dt.time(9, 30)))
    assert (cohort.timezone, cohort.skip) == ("Europe/Berlin", (dt.date(2026, 2, 16),))
    assert (cohort.lead, cohort.message) == ("Maria Rossi", "Welcome aboard!")
    assert [week.number for week in cohort.schedule] == [1, 2, 3, 4, 5, 6]
    assert cohort.schedule[0].meeting.isoformat() == "2026-01-15T09:30:00+01:00"


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
        ("Thu 09:30", MeetingSpec(3, dt.time(9, 30))),
        ("thursday 9:30", MeetingSpec(3, dt.time(9, 30))),
        ("SUNDAY 23:59", MeetingSpec(6, dt.time(23, 59))),
        ("mon 00:00", MeetingSpec(0, dt.time(0, 0))),
        ("  Fri   17:05 ", MeetingSpec(4, dt.time(17, 5))),
    ],
)
def test_meeting_spellings(written: str, expected: MeetingSpec) -> None:
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
    assert [week.starts.isoformat() for week in cohort.schedule] == [
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
        f"{FILE}:4: meeting: 'Thr' is not a weekday: use Mon, Tue, Wed, Thu, Fri, Sat or Sun",
        id="weekday-typo",
    ),
    pytest.param(
        cohort_yaml(meeting='"09:30"'),
        f"{FILE}:4: meeting: expected a weekday and a 24-hour time, e.g. 'Thu 09:30', not '09:30'",
        id="no-weekday",
    ),
    pytest.param(
        cohort_yaml(meeting='"Thu 9.30am"'),
        f"{FILE}:4: meeting: expected a weekday and a 24-hour time",
        id="twelve-hour-clock",
    ),
    pytest.param(
        cohort_yaml(meeting="42"),
        f"{FILE}:4: meeting: expected a weekday and a 24-hour time, e.g. 'Thu 09:30'",
        id="number-meeting",
    ),
    pytest.param(
        cohort_yaml(timezone='"Europe/Berln"'),
        (
            f"{FILE}:5: timezone: 'Europe/Berln' is not an IANA time zone name; did you mean "
            "Europe/Berlin?"
        ),
        id="zone-typo",
    ),
    pytest.param(
        cohort_yaml(timezone='"europe/berlin"'),
        (
            f"{FILE}:5: timezone: 'europe/berlin' is not an IANA time zone name; did you mean "
            "Europe/Berlin?"
        ),
        id="zone-case",
    ),
    pytest.param(
        cohort_yaml(timezone='"Europe"'),
        f"{FILE}:5: timezone: 'Europe' is not an IANA time zone name",
        id="zone-folder",
    ),
    pytest.param(
        cohort_yaml(timezone='"../../etc/passwd"'),
        f"{FILE}:5: timezone: '../../etc/passwd' is not an IANA time zone name",
        id="zone-path",
    ),
    pytest.param(
        cohort_yaml(timezone="CET+1"),
        f"{FILE}:5: timezone: 'CET+1' is not an IANA time zone name",
        id="zone-offset",
    ),
    pytest.param(
        cohort_yaml(timezone="localtime"),
        f"{FILE}:5: timezone: 'localtime' is not an IANA time zone name",
        id="zone-localtime",
    ),
    pytest.param(
        cohort_yaml(timezone="Factory"),
        f"{FILE}:5: timezone: 'Factory' is not an IANA time zone name",
        id="zone-factory",
    ),
    pytest.param(
        cohort_yaml(start='"1799625600"'),
        f"{FILE}:3: start: expected a date written YYYY-MM-DD, such as 2027-01-11",
        id="quoted-timestamp",
    ),
    pytest.param(
        cohort_yaml(start="0001-01-01"),
        f"{FILE}:3: start: 0001-01-01 is out of range: check the year",
        id="year-one",
    ),
    pytest.param(
        cohort_yaml(team='"Sales\\nEast"'),
        f"{FILE}:1: team: must be one line: remove the line break",
        id="line-break-in-team",
    ),
    pytest.param(
        cohort_yaml(start="2026-13-01"),
        f"{FILE}:3: start: 2026-13-01 is not a day of the calendar (check month and day)",
        id="bad-month",
    ),
    pytest.param(
        cohort_yaml(start="12.01.2026"),
        f"{FILE}:3: start: expected a date written YYYY-MM-DD, such as 2027-01-11",
        id="european-date",
    ),
    pytest.param(
        cohort_yaml(start="20260112"),
        f"{FILE}:3: start: expected a date written YYYY-MM-DD, such as 2027-01-11",
        id="number-date",
    ),
    pytest.param(
        cohort_yaml(start=None),
        f"{FILE}:1: start: is missing: add a line 'start: ...'",
        id="no-start",
    ),
    pytest.param(
        cohort_yaml(team=None),
        f"{FILE}:1: team: is missing: add a line 'team: ...'",
        id="no-team",
    ),
    pytest.param(
        cohort_yaml(team="yes"),
        None,  # YAML 1.1's "yes" is text here: no problem
        id="yes-is-text",
    ),
    pytest.param(
        cohort_yaml(team="true"),
        f"{FILE}:1: team: expected text, found true/false (true): put it in double quotes",
        id="boolean-team",
    ),
    pytest.param(
        cohort_yaml(track='"Six Week"'),
        f"{FILE}:2: track: 'Six Week' is not a valid id",
        id="track-not-slug",
    ),
    pytest.param(
        cohort_yaml(track="six-weeks-leadership"),
        f"{FILE}:2: track: no track has the id 'six-weeks-leadership'; "
        "did you mean 'six-week-leadership'?",
        id="unknown-track",
    ),
    pytest.param(
        cohort_yaml(skip="[2026-01-12, 2025-02-16]"),
        f"{FILE}:6: skip date 2: 2025-02-16 is before the cohort starts (2026-01-12): remove it",
        id="skip-before-start",
    ),
    pytest.param(
        cohort_yaml(skip="\n  - 2026-02-16\n  - 2026-06-16"),
        f"{FILE}:8: skip date 2: 2026-06-16 is after the last reading week ends (2026-03-01): "
        "remove it",
        id="skip-after-end",
    ),
    pytest.param(
        cohort_yaml(skip="[2026-02-16, 2026-02-16]"),
        f"{FILE}:6: skip: lists 2026-02-16 more than once: keep one",
        id="skip-twice",
    ),
    pytest.param(
        cohort_yaml(skip="\n  - 2026-02-16\n  - 2026-02-30"),
        f"{FILE}:8: skip date 2: 2026-02-30 is not a day of the calendar (check month and day)",
        id="skip-not-a-date",
    ),
    pytest.param(
        cohort_yaml(skip="2026-02-16"),
        f"{FILE}:6: skip: expected a list (one '- item' per line, or [a, b]), found '2026-02-16'",
        id="skip-not-a-list",
    ),
    pytest.param(
        cohort_yaml(message=None) + "meting: x\n",
        f"{FILE}:8: 'meting' is not a field here; did you mean 'meeting'? allowed fields are "
        "team, track, start, meeting, timezone, skip, lead, message",
        id="unknown-field",
    ),
    pytest.param(
        cohort_yaml(lead='""'),
        f"{FILE}:7: lead: is empty: write the text, or remove the line",
        id="empty-lead",
    ),
    pytest.param(
        cohort_yaml(team='"a"') + 'team: "b"\n',
        f"{FILE}:9: team: 'team' is given twice (first on line 1); keep one",
        id="duplicate-key",
    ),
    pytest.param(
        "- team\n- track\n",
        (
            f"{FILE}:1: a cohort file must hold fields (name: value), one per line, but it holds "
            "a list"
        ),
        id="list-file",
    ),
    pytest.param(
        "team: Sales: East\ntrack: x\n",
        f"{FILE}:1: a ': ' inside a value makes YAML read it as a new field",
        id="unquoted-colon",
    ),
    pytest.param(
        b'team: "Caf\xe9"\n',
        f"{FILE}:1: is not valid UTF-8 (byte 0xe9)",
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
    assert [w.starts.isoformat() for w in cohort.schedule] == ["2026-01-19", "2026-02-02"]


def test_no_tracks_at_all_says_so(tmp_path: Path) -> None:
    _, problems = load(
        tmp_path, {FILE: cohort_yaml(), "content/articles/a.md": article_text()}, tracks={}
    )
    assert problems == [
        f"{FILE}:2: track: no track has the id 'six-week-leadership'; "
        "known tracks: none yet (add one in content/tracks/)"
    ]


def test_a_track_that_failed_to_load_is_not_reported_again(tmp_path: Path) -> None:
    files = {FILE: cohort_yaml(), "content/tracks/six-week-leadership.yml": "title: [x]\n"}
    cohorts, problems = load(tmp_path, files)
    assert cohorts == []
    assert all(p.startswith("content/tracks/six-week-leadership.yml") for p in problems), problems


@pytest.mark.parametrize("name", ["Sales East.yml", "sales_east.yml", "SalesEast.yaml"])
def test_file_name_must_be_a_slug(tmp_path: Path, name: str) -> None:
    cohorts, problems = load(tmp_path, {f"content/cohorts/{name}": cohort_yaml()})
    assert cohorts == []
    assert len(problems) == 1
    assert problems[0].startswith(
        f"content/cohorts/{name}: the file name {name!r} is not a valid id"
    )


def test_yml_and_yaml_with_one_name_are_reported(tmp_path: Path) -> None:
    files = {FILE: cohort_yaml(), "content/cohorts/sales-east.yaml": cohort_yaml()}
    cohorts, problems = load(tmp_path, files)
    assert cohorts == []
    assert problems == [
        f"{FILE}: has the same id as content/cohorts/sales-east.yaml (a cohort's id is its "
        "file name): rename or remove one of them"
    ]


def test_every_problem_of_every_file_is_reported_at_once(tmp_path: Path) -> None:
    files = {
        "content/cohorts/a.yml": cohort_yaml(meeting='"Thr 9:30"', timezone='"Mars/Base"'),
        "content/cohorts/b.yml": cohort_yaml(track="nope"),
        "content/cohorts/c.yml": cohort_yaml(),
    }
    _, problems = load(tmp_path, files)
    assert [line.split(": ")[0] for line in problems] == [
        "content/cohorts/a.yml:4",
        "content/cohorts/a.yml:5",
        "content/cohorts/b.yml:2",
    ]


def test_no_cohorts_folder_means_no_cohorts(tmp_path: Path) -> None:
    assert load(tmp_path, {}) == ([], [])  # TRACKS has no content/cohorts/


def test_bom_and_crlf_simply_work(tmp_path: Path) -> None:
    source = ("\ufeff" + cohort_yaml()).replace("\n", "\r\n").encode("utf-8")
    [cohort], problems = load(tmp_path, {FILE: source})
    assert problems == []
    assert cohort.team == "Sales East"


# ---- a cohort holds steady: the readings recorded when it was assigned ---------------------


def record(*weeks: tuple[str, list[str]], sequence: int = 0) -> str:
    """An `assigned:` field as `reading-program assign` writes it: (event, readings) a week."""
    lines = "".join(f'    - {{when: "{when}", readings: {readings}}}\n' for when, readings in weeks)
    return f'assigned:\n  at: "2026-01-05T10:00:00Z"\n  sequence: {sequence}\n  weeks:\n{lines}'


# The six weeks of cohort_yaml(): Thursdays at 09:30 in Berlin, a break in the week of 16 Feb.
SIX_WEEKS = [
    ("2026-01-15T09:30+01:00", ["a1"]),
    ("2026-01-22T09:30+01:00", ["a2"]),
    ("2026-01-29T09:30+01:00", ["a3"]),
    ("2026-02-05T09:30+01:00", ["a4"]),
    ("2026-02-12T09:30+01:00", ["a5"]),
    ("2026-02-26T09:30+01:00", ["a6"]),
]


def test_a_recorded_cohort_keeps_its_readings_when_the_track_changes(tmp_path: Path) -> None:
    changed = track_yaml(6).replace("articles: [a2]", "articles: [a2, a7]")
    files = {
        FILE: cohort_yaml() + record(*SIX_WEEKS),
        "content/articles/a7.md": article_text("Decide Before You Are Ready"),
        "content/tracks/six-week-leadership.yml": changed,
    }
    [cohort], problems = load(tmp_path, files)
    assert problems == []
    assert [[a.slug for a in w.week.readings] for w in cohort.schedule] == [
        [f"a{n}"] for n in range(1, 7)
    ]
    assert cohort.track.weeks[1].readings[1].slug == "a7"  # the track itself has changed
    assert cohort.notes == (
        "the track's week 2 now also lists “Decide Before You Are Ready”; this cohort keeps "
        "its readings: run `reading-program update sales-east --take-plan` to take the new plan",
    )


def test_a_recorded_cohort_unchanged_has_nothing_to_say(tmp_path: Path) -> None:
    [cohort], problems = load(tmp_path, {FILE: cohort_yaml() + record(*SIX_WEEKS)})
    assert (problems, cohort.notes) == ([], ())
    assert {(w.sequence, w.revised.isoformat()) for w in cohort.schedule} == {
        (0, "2026-01-05T10:00:00+00:00")
    }


def test_removed_readings_and_new_weeks_are_said_in_one_line(tmp_path: Path) -> None:
    weeks = [*SIX_WEEKS[:2], ("2026-01-29T09:30+01:00", ["a3", "a1"]), *SIX_WEEKS[3:5]]
    files = {FILE: cohort_yaml(skip=None) + record(*weeks)}
    [cohort], problems = load(tmp_path, files)
    assert problems == []
    assert len(cohort.schedule) == 5, "the cohort keeps the five weeks it was given"
    assert [a.slug for a in cohort.schedule[2].week.readings] == ["a3", "a1"]
    [note] = cohort.notes
    assert note.startswith(
        "the track's week 3 no longer lists “A1”; it now has 6 weeks, not 5; this cohort keeps"
    )


def test_a_cohort_without_a_record_follows_the_track_and_says_how_to_hold_it(
    tmp_path: Path,
) -> None:
    [cohort], problems = load(tmp_path, {FILE: cohort_yaml()})
    assert problems == []
    assert [a.slug for a in cohort.schedule[0].week.readings] == ["a1"]
    assert cohort.notes == (
        "no readings recorded, so this cohort follows the track as it changes: run "
        "`reading-program update sales-east` to keep the readings it has now",
    )
    assert {(w.sequence, w.revised) for w in cohort.schedule} == {(0, None)}


@pytest.mark.parametrize(
    ("weeks", "expected"),
    [
        (
            [*SIX_WEEKS[:1], ("2026-01-22T09:30+01:00", ["a2", "a9"]), *SIX_WEEKS[2:]],
            f"{FILE}:14: assigned, week 2, readings, item 2: no article has the id 'a9' any "
            "more: write its new id here, or run `reading-program update "
            "sales-east --take-plan` to take the track's readings as they are now",
        ),
        (
            [*SIX_WEEKS, ("2026-03-05T09:30+01:00", ["a1"])],
            f"{FILE}:12: assigned, weeks: this team was given 7 weeks, but the track now has "
            "6: run `reading-program update sales-east --take-plan` to take the track as it "
            "is now",
        ),
    ],
    ids=["a reading gone", "fewer weeks"],
)
def test_a_record_the_track_cannot_honour_is_a_problem_with_its_fix(
    tmp_path: Path, weeks: list, expected: str
) -> None:
    cohorts, problems = load(tmp_path, {FILE: cohort_yaml() + record(*weeks)})
    assert (cohorts, problems) == ([], [expected])


def test_a_changed_meeting_is_a_newer_revision_of_the_same_events(tmp_path: Path) -> None:
    source = cohort_yaml(meeting='"Thu 10:00"') + record(*SIX_WEEKS, sequence=3)
    [cohort], problems = load(tmp_path, {FILE: source})
    assert problems == []
    assert [w.sequence for w in cohort.schedule] == [4] * 6
    [note] = cohort.notes
    assert note == (
        "the calendar events of weeks 1, 2, 3, 4, 5, 6 changed since they were recorded "
        "(week 1: 2026-01-15T09:30+01:00 → 2026-01-15T10:00+01:00); calendars take them as "
        "updates: run `reading-program update sales-east` to record them"
    )


def test_a_new_break_moves_only_the_weeks_after_it(tmp_path: Path) -> None:
    source = cohort_yaml(skip="[2026-02-16, 2026-01-28]") + record(*SIX_WEEKS)
    [cohort], problems = load(tmp_path, {FILE: source})
    assert problems == []
    assert [w.sequence for w in cohort.schedule] == [0, 0, 1, 1, 1, 1]


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ('at: "2026-01-05 10:00"', "assigned, at: expected a moment in UTC written"),
        ("sequence: -1", "assigned, sequence: "),
        ('weeks: [{when: "soon", readings: [a1]}]', "assigned, week 1, when: expected a day"),
        ('weeks: [{when: "2026-02-30", readings: [a1]}]', "is not a day of the calendar"),
        ("weeks: [{when: 2026-01-12, readings: [A1]}]", "assigned, week 1, readings, item 1"),
    ],
)
def test_a_damaged_record_is_reported_in_plain_words(
    tmp_path: Path, field: str, expected: str
) -> None:
    base = 'assigned:\n  at: "2026-01-05T10:00:00Z"\n  sequence: 0\n  weeks: [{when: 2026-01-12, readings: [a1]}]\n'  # noqa: E501
    key = field.split(":")[0]
    text = "\n".join(
        f"  {field}" if line.strip().startswith(f"{key}:") else line for line in base.splitlines()
    )
    cohorts, problems = load(tmp_path, {FILE: cohort_yaml() + text + "\n"})
    assert cohorts == []
    assert any(expected in line for line in problems), problems


# ---- breaks with a reason, members ------------------------------------------------------


def test_a_skip_may_say_why_and_the_break_carries_it(tmp_path: Path) -> None:
    skip = '[{date: 2026-02-18, reason: "the sales kick-off"}, 2026-02-25]'
    [cohort], problems = load(tmp_path, {FILE: cohort_yaml(skip=skip)})
    assert problems == []
    assert [(b.starts.isoformat(), b.reason) for b in cohort.breaks] == [
        ("2026-02-16", "the sales kick-off"),
        ("2026-02-23", None),
    ]
    assert cohort.breaks_after(cohort.schedule[4]) == cohort.breaks  # two weeks without
    assert cohort.breaks_after(cohort.schedule[0]) == ()
    assert cohort.week_after(cohort.schedule[4]).starts.isoformat() == "2026-03-02"


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        ('["Sam", "Alex Kim", "Zoë"]', None),
        ('["Sam", "sam"]', f"{FILE}:9: members: lists sam more than once"),
        (
            '["Sam", "sam@example.org"]',
            f"{FILE}:9: members, item 2: looks like an e-mail address: list names only",
        ),
        ('["Sam <sam@example.org>"]', "looks like an e-mail address"),
        ('["Sam", ""]', "members, item 2: is empty"),
    ],
)
def test_members_are_names_only(tmp_path: Path, members: str, expected: str | None) -> None:
    cohorts, problems = load(tmp_path, {FILE: cohort_yaml() + f"members: {members}\n"})
    if expected is None:
        assert problems == []
        assert cohorts[0].members == ("Sam", "Alex Kim", "Zoë")
    else:
        assert any(expected in line for line in problems), problems
