"""The cohort calendar feed, read back with vobject (a parser independent of icalendar)."""

from __future__ import annotations

import datetime as dt

import pytest
import vobject
from builders import THU_0930, make_article, make_cohort, make_track, make_week
from icalendar import Calendar
from site_helpers import make_site

from reading_program.load.paths import ContentPaths
from reading_program.model import Article, Cohort, Meeting, Track
from reading_program.plan.library import load_library
from reading_program.render.calendar import cohort_calendar
from reading_program.render.cohort_weeks import AnnouncedWeek, announced_week
from reading_program.render.urls import page_url

SITE = "https://example.org/reading/"


def article(slug: str, title: str, minutes: int) -> Article:
    return make_article(slug, title=title, reading_minutes=minutes)


TRACK = make_track(
    "three-weeks",
    "Three Weeks",
    [
        make_week(
            1, "Leading", [article("lead", "Lead", 6), article("manage", "Manage", 5)], ["Q1?"]
        ),
        make_week(2, "Courage", [article("courage", "Courage", 4)], ["Q2a?", "Q2b?"]),
        make_week(3, "Coaching", [article("coach", "Coach", 7)], ["Q3?"]),
    ],
)


def cohort(
    start: str = "2026-03-09",
    meeting: Meeting | None = THU_0930,
    timezone: str = "Europe/Berlin",
    skip: tuple[str, ...] = (),
    team: str = "Sales East",
    track: Track = TRACK,
) -> Cohort:
    return make_cohort(track, start, meeting, timezone, skip, team)


def feed(group: Cohort, site: str = SITE) -> bytes:
    return cohort_calendar(group, site)


def parse(data: bytes) -> vobject.base.Component:
    return vobject.readOne(data.decode("utf-8"))


def events(data: bytes) -> list[vobject.base.Component]:
    return list(parse(data).vevent_list)


def test_one_event_per_week_with_summary_url_and_uid() -> None:
    found = events(feed(cohort()))
    assert [e.summary.value for e in found] == [
        "Week 1: Leading — Three Weeks",
        "Week 2: Courage — Three Weeks",
        "Week 3: Coaching — Three Weeks",
    ]
    assert [e.url.value for e in found] == [
        f"{SITE}tracks/three-weeks/week-{n}/?cohort=sales-east" for n in (1, 2, 3)
    ]
    assert [e.uid.value for e in found] == [
        f"sales-east-week-{n}@reading-program" for n in (1, 2, 3)
    ]


def test_calendar_properties() -> None:
    calendar = parse(feed(cohort()))
    assert calendar.version.value == "2.0"
    assert calendar.prodid.value == "-//Reading Program//Cohort calendar//EN"
    assert calendar.x_wr_calname.value == "Sales East · Three Weeks"


def test_meetings_keep_local_time_across_dst_with_the_zone_named() -> None:
    # Berlin moves to summer time on Sun 29 Mar 2026: week 3's meeting is on 2 Apr.
    data = feed(cohort(start="2026-03-16"))
    found = events(data)
    starts = [e.dtstart.value for e in found]
    assert [s.strftime("%Y-%m-%d %H:%M") for s in starts] == [
        "2026-03-19 09:30",
        "2026-03-26 09:30",
        "2026-04-02 09:30",
    ]
    assert [s.utcoffset() for s in starts] == [dt.timedelta(hours=h) for h in (1, 1, 2)]
    assert [e.dtend.value - e.dtstart.value for e in found] == [dt.timedelta(minutes=60)] * 3
    text = data.decode()
    assert "DTSTART;TZID=Europe/Berlin:20260402T093000\r\n" in text
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n" in text


def test_new_york_meetings_across_the_autumn_change() -> None:
    group = cohort(
        start="2026-10-19", meeting=Meeting(0, dt.time(9, 30)), timezone="America/New_York"
    )
    starts = [e.dtstart.value for e in events(feed(group))]
    assert [(s.date().isoformat(), s.hour, s.minute) for s in starts] == [
        ("2026-10-19", 9, 30),
        ("2026-10-26", 9, 30),
        ("2026-11-02", 9, 30),
    ]
    in_utc = [s.astimezone(dt.UTC).hour for s in starts]
    assert in_utc == [13, 13, 14]


def test_utc_meetings_need_no_vtimezone() -> None:
    data = feed(cohort(timezone="UTC"))
    assert b"VTIMEZONE" not in data
    assert b"DTSTART:20260312T093000Z\r\n" in data


def test_without_a_meeting_each_week_is_an_all_day_event_on_its_first_day() -> None:
    data = feed(cohort(start="2026-12-28", meeting=None, skip=("2027-01-06",)))
    found = events(data)
    assert [e.dtstart.value for e in found] == [
        dt.date(2026, 12, 28),
        dt.date(2027, 1, 11),  # 4-10 Jan is a break
        dt.date(2027, 1, 18),
    ]
    assert [e.dtend.value - e.dtstart.value for e in found] == [dt.timedelta(days=1)] * 3
    assert all(e.dtstart.params["VALUE"] == ["DATE"] for e in found)
    assert all(e.transp.value == "TRANSPARENT" for e in found)
    assert b"VTIMEZONE" not in data


def test_the_same_input_gives_the_same_bytes() -> None:
    first, second = feed(cohort()), feed(cohort())
    assert first == second
    assert [e.dtstamp.value for e in events(first)] == [dt.datetime(2026, 3, 9, tzinfo=dt.UTC)] * 3


def test_a_moved_week_keeps_its_uid_so_calendars_update_it() -> None:
    before = {e.uid.value: e.dtstart.value for e in events(feed(cohort()))}
    after = {e.uid.value: e.dtstart.value for e in events(feed(cohort(skip=("2026-03-17",))))}
    assert before.keys() == after.keys()
    moved = [uid for uid in before if before[uid] != after[uid]]
    assert moved == ["sales-east-week-2@reading-program", "sales-east-week-3@reading-program"]


def test_description_lists_readings_with_minutes_and_links_and_the_prompts() -> None:
    description = events(feed(cohort()))[1].description.value
    assert description == (
        "Intro 2.\n\n"
        "Readings (4 min in all):\n"
        f"- Courage (4 min): {SITE}articles/courage/\n\n"
        "Prompts:\n- Q2a?\n- Q2b?\n\n"
        f"Week page: {SITE}tracks/three-weeks/week-2/?cohort=sales-east"
    )


NASTY = 'Team, "East"; <script>alert(1)</script>\nsecond line \\ back'


def test_special_characters_round_trip_as_text() -> None:
    nasty_article = article("nasty", NASTY, 3)
    track = make_track(TRACK.id, NASTY, [make_week(1, NASTY, [nasty_article], [NASTY])])
    data = feed(cohort(team=NASTY, track=track))
    calendar = parse(data)
    [event] = calendar.vevent_list
    assert calendar.x_wr_calname.value == f"{NASTY} · {NASTY}"
    assert calendar.contents["name"][0].value == f"{NASTY} · {NASTY}"
    assert event.summary.value == f"Week 1: {NASTY} — {NASTY}"
    assert f"- {NASTY} (3 min): {SITE}articles/nasty/" in event.description.value
    assert f"- {NASTY}\n" in event.description.value
    # Nothing leaked into the structure: one event, and no line starts a new property.
    assert data.count(b"BEGIN:VEVENT") == 1
    assert not any(line.startswith(b"second line") for line in data.split(b"\r\n"))


def test_lines_are_folded_at_75_octets_with_crlf() -> None:
    data = feed(cohort(team="A very long team name " * 10))
    lines = data.split(b"\r\n")
    assert lines[-1] == b""
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in data.replace(b"\r\n", b"")


@pytest.mark.parametrize("site", ["https://example.org/reading/", "https://example.org/reading"])
def test_site_url_with_or_without_trailing_slash(site: str) -> None:
    group = cohort()
    week = announced_week(group, group.schedule[0], site)
    assert week.url == "https://example.org/reading/tracks/three-weeks/week-1/?cohort=sales-east"
    assert week.readings[0].url == "https://example.org/reading/articles/lead/"
    assert page_url(site, "index.md") == "https://example.org/reading/"


def test_announced_weeks_carry_what_the_feed_needs() -> None:
    group = cohort()
    first = announced_week(group, group.schedule[0], SITE)
    assert isinstance(first, AnnouncedWeek)
    assert (first.number, first.theme, first.prompts, first.minutes) == (1, "Leading", ("Q1?",), 11)
    assert [(r.title, r.minutes) for r in first.readings] == [("Lead", 6), ("Manage", 5)]
    assert first.scheduled.starts == dt.date(2026, 3, 9)
    # Written as the cohort's page and messages write them, from the one view of the week.
    assert (first.dates, first.meeting) == (
        "Mon 9 Mar – Sun 15 Mar 2026",
        "Thu 12 Mar, 09:30 (Europe/Berlin)",
    )
    assert first.draft_src == "cohorts/sales-east/sales-east-week-1.eml"
    no_meeting = cohort(meeting=None)
    assert announced_week(no_meeting, no_meeting.schedule[0], SITE).meeting is None


def test_no_weeks_is_an_empty_but_valid_calendar() -> None:
    data = cohort_calendar(cohort(track=make_track(TRACK.id, "Three Weeks", [])), SITE)
    calendar = parse(data)
    assert "vevent" not in calendar.contents
    assert calendar.x_wr_calname.value == "Sales East · Three Weeks"


# ---- calendars that update: RFC 5545/5546 revisions from the recorded assignment --------

COHORT_FILE = "content/cohorts/ops-north.yml"
RECORDED = """\
team: "Ops North"
track: two-weeks
start: 2027-01-11
meeting: "{meeting}"
timezone: Europe/Berlin
assigned:
  at: "2026-12-03T10:15:00Z"
  sequence: 2
  weeks:
    - {{when: "2027-01-14T09:30+01:00", readings: [lead]}}
    - {{when: "2027-01-21T09:30+01:00", readings: [coach]}}
"""


def recorded_feed(root, meeting: str = "Thu 09:30") -> bytes:
    site = make_site(root)
    site.write(COHORT_FILE, RECORDED.format(meeting=meeting))
    [cohort] = load_library(ContentPaths(root)).cohorts
    return cohort_calendar(cohort, SITE)


def test_events_carry_their_recorded_revision(tmp_path) -> None:
    found = Calendar.from_ical(recorded_feed(tmp_path)).walk("VEVENT")
    assert [int(e["SEQUENCE"]) for e in found] == [2, 2]
    stamp = dt.datetime(2026, 12, 3, 10, 15, tzinfo=dt.UTC)
    assert {e.DTSTAMP for e in found} == {e.LAST_MODIFIED for e in found} == {stamp}


def test_a_changed_meeting_is_a_newer_version_of_the_same_events(tmp_path) -> None:
    before = Calendar.from_ical(recorded_feed(tmp_path / "a")).walk("VEVENT")
    after = Calendar.from_ical(recorded_feed(tmp_path / "b", "Thu 10:00")).walk("VEVENT")
    for old, new in zip(before, after, strict=True):
        assert new.uid == old.uid
        # RFC 5546 2.1.5: the higher SEQUENCE wins; at the same SEQUENCE, the later DTSTAMP.
        assert (new.sequence, new.DTSTAMP) > (old.sequence, old.DTSTAMP)
        assert dt.timedelta(minutes=30) == new.DTSTART - old.DTSTART


def test_an_unchanged_feed_is_byte_identical(tmp_path) -> None:
    assert recorded_feed(tmp_path / "a") == recorded_feed(tmp_path / "b")


def test_a_feed_without_a_record_keeps_the_stamp_it_always_had() -> None:
    found = Calendar.from_ical(feed(cohort())).walk("VEVENT")
    assert {int(e["SEQUENCE"]) for e in found} == {0}
    assert {e.DTSTAMP for e in found} == {dt.datetime(2026, 3, 9, tzinfo=dt.UTC)}


# ---- the download with reminders: the same events, each with its alarm ---------------------


def test_the_subscription_feed_carries_no_alarm() -> None:
    assert b"VALARM" not in feed(cohort())


def test_the_download_reminds_at_each_meeting_in_local_time_across_dst() -> None:
    # Berlin moves to summer time on Sun 29 Mar 2026: week 3's meeting is on 2 Apr. Read with
    # icalendar: vobject keeps the first VTIMEZONE it saw for a TZID, whatever file it read.
    data = cohort_calendar(cohort(start="2026-03-16"), SITE, reminders=True)
    found = Calendar.from_ical(data).walk("VEVENT")
    plain = Calendar.from_ical(feed(cohort(start="2026-03-16"))).walk("VEVENT")
    assert [str(e["UID"]) for e in found] == [str(e["UID"]) for e in plain]
    fires = []
    for event in found:
        [alarm] = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
        fires.append(event.DTSTART + alarm["TRIGGER"].dt)  # relative to the start
    assert [f.strftime("%m-%d %H:%M") for f in fires] == [
        "03-19 09:30",
        "03-26 09:30",
        "04-02 09:30",
    ]
    utc = [f.astimezone(dt.UTC).hour for f in fires]
    assert utc == [8, 8, 7]  # 09:30 in Berlin, winter then summer time


def test_the_download_reminds_at_nine_on_an_all_day_week() -> None:
    data = cohort_calendar(cohort(start="2026-12-28", meeting=None), SITE, reminders=True)
    triggers = [e.walk("VALARM")[0]["TRIGGER"].dt for e in Calendar.from_ical(data).walk("VEVENT")]
    assert triggers == [dt.timedelta(hours=9)] * 3
    assert b"TRIGGER:PT9H\r\n" in data
