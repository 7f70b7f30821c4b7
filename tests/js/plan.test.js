import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { addDays, isoDay } from "../../docs/javascripts/rp/dates.js";
import { escapeText, foldLine, knownZone } from "../../docs/javascripts/rp/ical.js";
import { dayText, longRange, meetingText, planCalendar, planMessage, planWeeks, shortRange, teamId } from "../../docs/javascripts/rp/plan.js";

// Written by Python (tests/test_plan_form_data.py), which checks it is what Python says now.
const cases = JSON.parse(readFileSync(new URL("./plan-cases.json", import.meta.url), "utf-8"));
const NOW = new Date("2026-12-03T10:15:00Z");

/** A calendar file's lines, unfolded, and its events' and time zone's properties. */
function readCalendar(text) {
  const lines = text.replace(/\r\n /g, "").split("\r\n").slice(0, -1);
  const blocks = (name) => {
    const found = [];
    let current = null;
    for (const line of lines) {
      if (line === `BEGIN:${name}`) current = [];
      else if (line === `END:${name}`) found.push(current), (current = null);
      else if (current) current.push(line);
    }
    return found;
  };
  const props = (block) => Object.fromEntries(block.map((line) => [line.split(/[:;]/)[0], line]));
  // An event's own properties, and its alarms' apart (both have a DESCRIPTION).
  const event = (block) => {
    const own = [];
    const alarms = [];
    let alarm = null;
    for (const line of block) {
      if (line === "BEGIN:VALARM") alarm = [];
      else if (line === "END:VALARM") alarms.push(alarm), (alarm = null);
      else (alarm ?? own).push(line);
    }
    return { ...props(own), alarms: alarms.map(props) };
  };
  return { lines, events: blocks("VEVENT").map(event), observances: [...blocks("STANDARD"), ...blocks("DAYLIGHT")].map(props) };
}

/** The UTC instant of a local time by the file's own VTIMEZONE: the last change before it. */
function utcBy(observances, local) {
  const value = (line) => line.slice(line.indexOf(":") + 1);
  const inForce = observances
    .map((o) => ({ start: value(o.DTSTART), to: value(o.TZOFFSETTO) }))
    .filter((o) => o.start <= local)
    .sort((a, b) => (a.start < b.start ? -1 : 1))
    .at(-1);
  const sign = inForce.to.startsWith("-") ? -1 : 1;
  const offset = sign * (Number(inForce.to.slice(1, 3)) * 60 + Number(inForce.to.slice(3, 5)));
  const [, y, mo, d, h, mi] = /(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)/.exec(local).map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi) - offset * 60000).toISOString().replace(".000", "");
}

describe("the plan form says what Python says (tests/js/plan-cases.json)", () => {
  const { data, track, base } = cases;
  for (const { plan, weeks, breaks, messages, events } of cases.plans) {
    const schedule = planWeeks(track, plan, data);

    it(`${plan.team}: the same weeks, meetings and breaks`, () => {
      assert.deepEqual(
        schedule.weeks.map(({ number, starts, ends, meeting }) => ({ number, starts, ends, meeting })),
        weeks,
      );
      assert.deepEqual(
        schedule.breaks.map(({ starts, ends }) => ({ starts, ends })),
        breaks,
      );
    });

    it(`${plan.team}: the same messages, breaks announced`, () => {
      assert.deepEqual(
        schedule.weeks.map((week) => planMessage(data, plan, week, base, schedule)),
        messages,
      );
    });

    it(`${plan.team}: with reminders, the same alarm on each event as a cohort's download`, () => {
      const unescape = (text) => text.replace(/\\([\\;,])/g, "$1").replace(/\\n/g, "\n");
      const value = (line) => line.slice(line.indexOf(":") + 1);
      const file = readCalendar(planCalendar(data, track, plan, schedule.weeks, base, NOW, { reminders: true }));
      assert.deepEqual(
        file.events.map((event) => event.alarms.map((alarm) => ({ action: value(alarm.ACTION), trigger: value(alarm.TRIGGER), description: unescape(value(alarm.DESCRIPTION)) }))),
        events.map((event) => event.alarms),
      );
      const plain = readCalendar(planCalendar(data, track, plan, schedule.weeks, base, NOW));
      assert.ok(plain.events.every((event) => event.alarms.length === 0), "no alarm unless asked for");
    });

    it(`${plan.team}: the same events at the same instants, by the file's own time zone`, () => {
      const file = readCalendar(planCalendar(data, track, plan, schedule.weeks, base, NOW));
      const value = (line) => line.slice(line.indexOf(":") + 1);
      assert.equal(file.events.length, events.length);
      file.events.forEach((event, index) => {
        const expected = events[index];
        if (expected.day) {
          assert.equal(event.DTSTART, `DTSTART;VALUE=DATE:${expected.day}`);
          return;
        }
        const local = value(event.DTSTART).replace(/Z$/, "");
        assert.equal(local, expected.local);
        if (expected.zone === "UTC") {
          assert.equal(event.DTSTART, `DTSTART:${expected.local}Z`);
        } else {
          assert.equal(event.DTSTART, `DTSTART;TZID=${expected.zone}:${expected.local}`);
          assert.equal(utcBy(file.observances, local), expected.utc, "the VTIMEZONE gives the instant");
        }
      });
    });
  }

  it("makes a team's id as assign does, where assign can make one", () => {
    for (const { team, id } of cases.ids) {
      assert.equal(teamId(team), id || encodeURIComponent(team), team);
    }
  });

  it("writes days and ranges as the site does", () => {
    for (const { first, last, day, long, short } of cases.dates) {
      assert.deepEqual([dayText(first, data), longRange(first, last, data), shortRange(first, last, data)], [day, long, short]);
    }
  });
});

describe("the plan's calendar file", () => {
  const { data, track, base } = cases;
  const plan = cases.plans[0].plan;
  const weeks = planWeeks(track, plan, data).weeks;

  it("revises the same events on every download: same UID, later DTSTAMP, higher SEQUENCE", () => {
    const first = readCalendar(planCalendar(data, track, plan, weeks, base, NOW));
    const later = readCalendar(planCalendar(data, track, { ...plan, time: "15:00" }, weeks, base, new Date("2026-12-04T08:00:00Z")));
    assert.deepEqual(first.events.map((e) => e.UID), later.events.map((e) => e.UID));
    assert.equal(first.events[0].UID, "UID:plan-three-ops-north-week-1@reading-program");
    assert.equal(first.events[0].DTSTAMP, "DTSTAMP:20261203T101500Z");
    assert.equal(first.events[0]["LAST-MODIFIED"], "LAST-MODIFIED:20261203T101500Z");
    const sequence = (file) => Number(file.events[0].SEQUENCE.split(":")[1]);
    assert.ok(sequence(later) > sequence(first));
  });

  it("names the team's zone, and defines it", () => {
    const file = readCalendar(planCalendar(data, track, plan, weeks, base, NOW));
    assert.ok(file.lines.includes("X-WR-TIMEZONE:Europe/Berlin"));
    assert.ok(file.lines.includes("TZID:Europe/Berlin"));
    assert.ok(file.lines.includes("DTSTART:20270328T020000"), "summer time starts at 02:00 local");
  });

  it("knows the zones the browser knows, and no other", () => {
    assert.ok(knownZone("Europe/Berlin") && knownZone("America/New_York") && knownZone("UTC"));
    assert.ok(!knownZone("Europe/Atlantis") && !knownZone("Berlin"));
  });

  it("makes ids from team names as assign does", () => {
    assert.equal(teamId("Équipe Zürich"), "equipe-zurich");
    assert.equal(teamId("  R&D -- West "), "r-d-west");
    assert.equal(teamId("東京"), encodeURIComponent("東京"));
  });
});

const track = {
  id: "six",
  title: "Six Weeks",
  weeks: [1, 2].map((number) => ({
    number,
    title: `Week title ${number}`,
    minutes: 12,
    url: `tracks/six/week-${number}/`,
    prompts: ["What did you notice?"],
    readings: [{ slug: "a", title: "An article", url: "articles/a/", minutes: 6 }],
  })),
};
const BASE = "https://example.org/site/";
const octets = (text) => new TextEncoder().encode(text).length;
const slot = (name) => `\uE000${name}\uE001`;
const ALL = 255;
const MEETING = 0b10101010; // variants with bit 1 (a meeting)
// What the build writes (src/reading_program/render/browser_data/plan_form.py), trimmed to a few lines.
const data = {
  calendar_name: `${slot("team")} · Six Weeks`,
  meeting_minutes: 60,
  uid_domain: "reading-program",
  months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
  weekday_names: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  weeks: [1, 2].map((number) => ({
    number,
    subject: `${slot("team")} · Six Weeks, week ${number} (${slot("short_dates")}): Week title ${number}`,
    body: [
      [`Hello ${slot("team")},`, ALL],
      [`Dates: ${slot("dates")}`, ALL],
      [`Meeting: ${slot("meeting")}`, MEETING],
      [`  ${slot("base")}/articles/a/`, ALL],
      [`A note from ${slot("lead")}:`, 0b11000000],
      [slot("note"), 0b11110000],
      [`See you on ${slot("meeting_day")},`, MEETING],
      ["Enjoy the reading,", ~MEETING & ALL],
      [slot("lead"), 0b11001100],
      ["The Reading Program", 0b00110011],
    ],
    summary: `Week ${number}: Week title ${number} — Six Weeks`,
    description: `Readings:\n- An article: ${slot("base")}/articles/a/`,
  })),
};

describe("plan dates", () => {
  it("counts days across months and years", () => {
    assert.equal(addDays("2026-12-29", 7), "2027-01-05");
    assert.equal(addDays("2028-02-27", 2), "2028-02-29");
    assert.equal(isoDay(new Date(2027, 2, 1)), "2027-03-01");
  });

  it("dates each week from the start, with the meeting on the chosen day", () => {
    const { weeks } = planWeeks(track, { team: "Ops", start: "2027-03-01", day: "Thu", time: "14:00" }, data);
    assert.deepEqual(
      weeks.map((w) => [w.starts, w.ends, w.meeting]),
      [
        ["2027-03-01", "2027-03-07", { day: "2027-03-04", time: "14:00" }],
        ["2027-03-08", "2027-03-14", { day: "2027-03-11", time: "14:00" }],
      ],
    );
  });

  it("puts a meeting before the start day into the following days of that week", () => {
    const { weeks } = planWeeks(track, { team: "Ops", start: "2027-03-03", day: "Mon", time: "" }, data);
    assert.deepEqual(weeks[0].meeting, { day: "2027-03-08", time: "09:30" }); // a Wednesday start
  });

  it("has no meeting without a day, and ignores a time that is not hh:mm", () => {
    assert.equal(planWeeks(track, { start: "2027-03-01", day: "" }, data).weeks[0].meeting, null);
    assert.equal(planWeeks(track, { start: "2027-03-01", day: "Fri", time: "noon" }, data).weeks[0].meeting.time, "09:30");
  });

  it("turns the week holding a skip day into a break, and moves later weeks back", () => {
    const { weeks, breaks } = planWeeks(track, { start: "2027-03-01", skip: "2027-03-10,not-a-day" }, data);
    assert.deepEqual(weeks.map((w) => w.starts), ["2027-03-01", "2027-03-15"]);
    assert.deepEqual(breaks, [{ starts: "2027-03-08", ends: "2027-03-14", before: 2 }]);
  });

  it("writes dates as the cohort pages do", () => {
    assert.equal(dayText("2027-01-14", data), "Thu 14 Jan");
    assert.equal(longRange("2027-01-11", "2027-01-17", data), "Mon 11 Jan – Sun 17 Jan 2027");
    assert.equal(longRange("2026-12-28", "2027-01-03", data), "Mon 28 Dec 2026 – Sun 3 Jan 2027");
    assert.equal(shortRange("2027-01-11", "2027-01-17", data), "11–17 Jan");
    assert.equal(shortRange("2027-01-29", "2027-02-04", data), "29 Jan – 4 Feb");
    const plan = { timezone: "Europe/Berlin" };
    assert.equal(meetingText({ day: "2027-01-14", time: "09:30" }, plan, data), "Thu 14 Jan, 09:30 (Europe/Berlin)");
  });
});

describe("plan messages", () => {
  const plan = { team: "Ops & Co", start: "2027-03-01", day: "Thu", time: "14:00", timezone: "Europe/Berlin" };

  it("fills the build's message with the team, dates, meeting and absolute links", () => {
    const [week] = planWeeks(track, plan, data).weeks;
    const message = planMessage(data, plan, week, BASE);
    assert.equal(message.subject, "Ops & Co · Six Weeks, week 1 (1–7 Mar): Week title 1");
    assert.equal(
      message.body,
      "Hello Ops & Co,\nDates: Mon 1 Mar – Sun 7 Mar 2027\nMeeting: Thu 4 Mar, 14:00 (Europe/Berlin)\n" +
        "  https://example.org/site/articles/a/\nSee you on Thursday,\nThe Reading Program",
    );
  });

  it("picks the lines of its variant: no meeting, a lead who signs, a note", () => {
    const withLead = { ...plan, day: "", lead: "Dana", note: "Welcome!" };
    const [week] = planWeeks(track, withLead, data).weeks;
    const { body } = planMessage(data, withLead, week, BASE);
    assert.ok(!body.includes("Meeting:"));
    assert.ok(body.endsWith("A note from Dana:\nWelcome!\nEnjoy the reading,\nDana"), body);
  });

  it("keeps a subject on one line", () => {
    const [week] = planWeeks(track, plan, data).weeks;
    assert.equal(planMessage(data, { ...plan, team: "Ops\n  West" }, week, BASE).subject.split("\n").length, 1);
  });
});

describe("iCalendar", () => {
  it("escapes backslashes, semicolons, commas and line breaks", () => {
    assert.equal(escapeText("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("folds at 75 octets, continuation lines starting with one space", () => {
    const lines = foldLine(`DESCRIPTION:${"x".repeat(200)}`);
    assert.deepEqual(lines.map(octets), [75, 75, 1 + 212 - 75 - 74]); // 212 octets in all
    assert.ok(lines.slice(1).every((line) => line.startsWith(" ") && !line.startsWith("  ")));
    assert.deepEqual(foldLine("SHORT"), ["SHORT"]);
    assert.deepEqual(foldLine("x".repeat(75)), ["x".repeat(75)]);
  });

  it("never splits a character: emoji and accents survive unfolding", () => {
    const line = `SUMMARY:${"é🙂 ".repeat(40)}`;
    const lines = foldLine(line);
    assert.ok(lines.every((part) => octets(part) <= 75));
    assert.ok(lines.every((part) => !/[\uD800-\uDBFF]$/.test(part)), "no surrogate pair is cut");
    assert.equal(lines.map((part, index) => (index ? part.slice(1) : part)).join(""), line);
    assert.equal(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(lines.join("\r\n"))).includes("\uFFFD"), false);
  });

  it("makes a calendar of folded CRLF lines, one event a week, with the build's texts", () => {
    const plan = { team: "Équipe 🚀", start: "2027-03-01", day: "Thu", time: "14:00" };
    const text = planCalendar(data, track, plan, planWeeks(track, plan, data).weeks, BASE);
    assert.ok(text.endsWith("END:VCALENDAR\r\n"));
    const lines = text.split("\r\n").slice(0, -1);
    assert.ok(lines.every((line) => octets(line) <= 75));
    assert.equal(lines.filter((line) => line === "BEGIN:VEVENT").length, 2);
    const unfolded = text.replace(/\r\n /g, "");
    assert.match(unfolded, /\r\nDTSTART:20270304T140000Z\r\n/); // no zone given: UTC
    assert.match(unfolded, /\r\nX-WR-CALNAME:Équipe 🚀 · Six Weeks\r\n/);
    assert.match(unfolded, /\r\nSUMMARY:Week 1: Week title 1 — Six Weeks\r\n/);
    assert.match(unfolded, /DESCRIPTION:Readings:\\n- An article: https:\/\/example\.org\/site\/articles\/a\/\r\n/);
  });

  it("makes all-day events that keep the day free when there is no meeting", () => {
    const plan = { team: "Ops", start: "2027-03-01", day: "" };
    const text = planCalendar(data, track, plan, planWeeks(track, plan, data).weeks, BASE);
    assert.match(text, /\r\nDTSTART;VALUE=DATE:20270301\r\nDTEND;VALUE=DATE:20270302\r\nTRANSP:TRANSPARENT\r\n/);
  });
});
