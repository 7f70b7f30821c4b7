"""When a cohort reads each week: any start weekday, breaks, DST, leap years, New Year."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from reading_program.model import Meeting, ScheduledWeek, Week
from reading_program.plan.schedule import plan_schedule, schedule_end


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def weeks_of(count: int) -> tuple[Week, ...]:
    return tuple(Week(n, f"Week {n}", "I.", (), ()) for n in range(1, count + 1))


def starts(weeks: tuple[ScheduledWeek, ...]) -> list[str]:
    return [week.starts.isoformat() for week in weeks]


def meetings(weeks: tuple[ScheduledWeek, ...]) -> list[dt.datetime]:
    held = [week.meeting for week in weeks]
    assert all(held), held
    return [moment for moment in held if moment]


THU_0930 = Meeting(3, dt.time(9, 30))


@pytest.mark.parametrize(
    "start",
    # 2026-01-05 is a Monday: one start on every weekday
    [
        "2026-01-05",
        "2026-01-06",
        "2026-01-07",
        "2026-01-08",
        "2026-01-09",
        "2026-01-10",
        "2026-01-11",
    ],
)
def test_a_week_is_seven_days_from_any_start_weekday(start: str) -> None:
    weeks = plan_schedule(d(start), weeks_of(3))
    assert [w.number for w in weeks] == [1, 2, 3]
    assert weeks[0].starts == d(start)
    for week in weeks:
        assert week.starts.weekday() == d(start).weekday()
        assert week.ends - week.starts == dt.timedelta(days=6)
    for earlier, later in pairwise(weeks):
        assert later.starts == earlier.ends + dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("start", "skip", "expected"),
    [
        pytest.param("2026-01-05", [], ["2026-01-05", "2026-01-12", "2026-01-19"], id="no-skip"),
        pytest.param(
            "2026-01-05", ["2026-01-14"], ["2026-01-05", "2026-01-19", "2026-01-26"], id="one"
        ),
        pytest.param(
            "2026-01-05",
            ["2026-01-14", "2026-01-21"],
            ["2026-01-05", "2026-01-26", "2026-02-02"],
            id="two-in-a-row",
        ),
        pytest.param(
            "2026-01-05", ["2026-01-05"], ["2026-01-12", "2026-01-19", "2026-01-26"], id="first-day"
        ),
        pytest.param(
            "2026-01-05",
            ["2026-01-11"],
            ["2026-01-12", "2026-01-19", "2026-01-26"],
            id="last-day-of-first-week",
        ),
        pytest.param(
            "2026-01-05",
            ["2026-01-15", "2026-01-13"],
            ["2026-01-05", "2026-01-19", "2026-01-26"],
            id="two-days-of-one-week",
        ),
        pytest.param(
            "2026-01-05",
            ["2026-01-01", "2026-03-01"],
            ["2026-01-05", "2026-01-12", "2026-01-19"],
            id="outside-is-ignored",
        ),
        pytest.param(
            "2026-01-08",  # a Thursday: the week runs Thursday to Wednesday
            ["2026-01-12"],
            ["2026-01-15", "2026-01-22", "2026-01-29"],
            id="thursday-start",
        ),
        pytest.param(
            "2026-01-05",
            ["2026-01-19"],
            ["2026-01-05", "2026-01-12", "2026-01-26"],
            id="last-week-moves",
        ),
    ],
)
def test_a_skip_date_makes_its_week_a_break(start: str, skip: list[str], expected: list[str]):
    weeks = plan_schedule(d(start), weeks_of(3), [d(day) for day in skip])
    assert starts(weeks) == expected
    assert [w.number for w in weeks] == [1, 2, 3]
    assert not any(d(day) in week for day in skip for week in weeks)


@pytest.mark.parametrize(
    ("start", "skip", "expected"),
    [
        pytest.param(
            "2028-02-23",
            [],
            [("2028-02-23", "2028-02-29"), ("2028-03-01", "2028-03-07")],
            id="leap",
        ),
        pytest.param(
            "2027-02-23",
            [],
            [("2027-02-23", "2027-03-01"), ("2027-03-02", "2027-03-08")],
            id="no-leap",
        ),
        pytest.param(
            "2028-02-24",
            ["2028-02-29"],
            [("2028-03-02", "2028-03-08"), ("2028-03-09", "2028-03-15")],
            id="skip-feb-29",
        ),
        pytest.param(
            "2026-12-28",
            [],
            [("2026-12-28", "2027-01-03"), ("2027-01-04", "2027-01-10")],
            id="new-year",
        ),
        pytest.param(
            "2026-12-28",
            ["2027-01-01"],
            [("2027-01-04", "2027-01-10"), ("2027-01-11", "2027-01-17")],
            id="skip-new-year",
        ),
    ],
)
def test_calendar_edges(start: str, skip: list[str], expected: list[tuple[str, str]]) -> None:
    weeks = plan_schedule(d(start), weeks_of(2), [d(day) for day in skip])
    assert [(w.starts.isoformat(), w.ends.isoformat()) for w in weeks] == expected


@pytest.mark.parametrize(
    ("zone", "start", "meeting", "expected"),
    [
        pytest.param(
            "Europe/Berlin",
            "2026-03-16",
            THU_0930,
            [("2026-03-19T09:30", 1), ("2026-03-26T09:30", 1), ("2026-04-02T09:30", 2)],
            id="berlin-spring",
        ),
        pytest.param(
            "Europe/Berlin",
            "2026-10-19",
            THU_0930,
            [("2026-10-22T09:30", 2), ("2026-10-29T09:30", 1)],
            id="berlin-autumn",
        ),
        pytest.param(
            "Europe/Berlin",
            "2026-03-23",
            Meeting(6, dt.time(9, 30)),
            [("2026-03-29T09:30", 2), ("2026-04-05T09:30", 2)],
            id="berlin-on-the-change-day",
        ),
        pytest.param(
            "America/New_York",
            "2026-03-02",
            Meeting(1, dt.time(9, 30)),
            [("2026-03-03T09:30", -5), ("2026-03-10T09:30", -4)],
            id="new-york-spring",
        ),
        pytest.param(
            "America/New_York",
            "2026-10-26",
            Meeting(0, dt.time(9, 30)),
            [("2026-10-26T09:30", -4), ("2026-11-02T09:30", -5)],
            id="new-york-autumn",
        ),
        pytest.param(
            "America/New_York",
            "2026-10-26",
            Meeting(6, dt.time(9, 30)),
            [("2026-11-01T09:30", -5), ("2026-11-08T09:30", -5)],
            id="new-york-on-the-change-day",
        ),
        pytest.param(
            "Europe/Berlin",
            "2026-03-23",
            Meeting(6, dt.time(2, 30)),  # 02:30 does not exist that night: clocks go 02:00->03:00
            [("2026-03-29T03:30", 2), ("2026-04-05T02:30", 2)],
            id="time-skipped-by-the-clocks",
        ),
        pytest.param(
            "UTC",
            "2026-12-28",
            THU_0930,
            [("2026-12-31T09:30", 0), ("2027-01-07T09:30", 0)],
            id="utc",
        ),
    ],
)
def test_meetings_keep_their_local_time_across_dst(
    zone: str, start: str, meeting: Meeting, expected: list[tuple[str, int]]
) -> None:
    weeks = plan_schedule(d(start), weeks_of(len(expected)), meeting=meeting, timezone=zone)
    held = meetings(weeks)
    assert all(moment.tzinfo == ZoneInfo(zone) for moment in held)
    local = [(m.strftime("%Y-%m-%dT%H:%M"), m.utcoffset() // dt.timedelta(hours=1)) for m in held]
    assert local == expected
    assert all(moment in week for moment, week in zip(held, weeks, strict=True))


def test_the_same_local_time_is_a_different_utc_time_after_the_change() -> None:
    weeks = plan_schedule(d("2026-03-16"), weeks_of(3), meeting=THU_0930, timezone="Europe/Berlin")
    in_utc = [moment.astimezone(dt.UTC).strftime("%H:%M") for moment in meetings(weeks)]
    assert in_utc == ["08:30", "08:30", "07:30"]


@pytest.mark.parametrize(
    ("start", "weekday", "expected"),
    [
        pytest.param("2026-01-07", 0, "2026-01-12", id="monday-after-a-wednesday-start"),
        pytest.param("2026-01-07", 2, "2026-01-07", id="on-the-first-day"),
        pytest.param("2026-01-07", 1, "2026-01-13", id="on-the-last-day"),
    ],
)
def test_the_meeting_falls_inside_its_week(start: str, weekday: int, expected: str) -> None:
    [week] = plan_schedule(d(start), weeks_of(1), meeting=Meeting(weekday, dt.time(17, 0)))
    assert week.meeting == dt.datetime.fromisoformat(f"{expected}T17:00+00:00")


def test_a_break_week_has_no_meeting_and_numbers_continue() -> None:
    weeks = plan_schedule(
        d("2026-01-05"), weeks_of(2), [d("2026-01-08")], THU_0930, "Europe/Berlin"
    )
    assert [w.number for w in weeks] == [1, 2]
    assert [m.date().isoformat() for m in meetings(weeks)] == ["2026-01-15", "2026-01-22"]


def test_no_meeting_means_none() -> None:
    assert all(week.meeting is None for week in plan_schedule(d("2026-01-05"), weeks_of(2)))


def test_zero_weeks_and_schedule_end() -> None:
    assert plan_schedule(d("2026-01-05"), weeks_of(0)) == ()
    assert schedule_end(d("2026-01-05"), 2, [d("2026-01-06")]) == d("2026-01-25")


@pytest.mark.parametrize("weekday", [-1, 7])
def test_meeting_weekday_is_checked(weekday: int) -> None:
    with pytest.raises(ValueError, match="weekday"):
        Meeting(weekday, dt.time(9, 30))


def test_meeting_prints_as_written() -> None:
    assert str(THU_0930) == "Thu 09:30"
