import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { earlierAnswer } from "../../docs/javascripts/rp/earlier-answer.js";
import { parseJournal, toStored } from "../../docs/javascripts/rp/journal-format.js";
import { weekStatus } from "../../docs/javascripts/rp/progress.js";
import { calendarNext, longDay, openIndex, opensText, rhythmCalendar, rhythmPlan, rhythmWeeks, todayIn } from "../../docs/javascripts/rp/rhythm.js";
import { normaliseJournal, readRhythm } from "../../docs/javascripts/rp/validate.js";

// The build's data for a three-week track, as Python writes it (tests/test_plan_form_data.py).
const cases = JSON.parse(readFileSync(new URL("./plan-cases.json", import.meta.url), "utf-8"));
const { data, track } = cases;
const BERLIN = { start: "2027-03-08", day: "Wed", time: "07:30", zone: "Europe/Berlin" };
const tally = (map) => Object.fromEntries(map);

describe("a rhythm's weeks", () => {
  it("open seven days apart from the first day of week 1", () => {
    assert.deepEqual(
      rhythmWeeks(track, BERLIN).map(({ number, starts, ends }) => [number, starts, ends]),
      [
        [1, "2027-03-08", "2027-03-14"],
        [2, "2027-03-15", "2027-03-21"],
        [3, "2027-03-22", "2027-03-28"],
      ],
    );
  });

  it("say when each week opens, or opened", () => {
    const [first, second] = rhythmWeeks(track, BERLIN);
    assert.equal(longDay("2027-01-18"), "Monday 18 January");
    assert.equal(opensText(second, "2027-03-10"), "Week 2 opens Monday 15 March");
    assert.equal(opensText(first, "2027-03-10"), "Week 1 opened Monday 8 March");
  });

  it("know which week is open on a day", () => {
    const weeks = rhythmWeeks(track, BERLIN);
    assert.deepEqual(["2027-03-07", "2027-03-08", "2027-03-21", "2027-03-22", "2027-06-01"].map((day) => openIndex(weeks, day)), [-1, 0, 1, 2, 2]);
  });

  it("know today in the rhythm's zone, and in the browser's when the zone is unknown", () => {
    const late = new Date("2027-03-14T23:30:00Z"); // already Monday in Berlin
    assert.equal(todayIn("Europe/Berlin", late), "2027-03-15");
    assert.equal(todayIn("America/New_York", late), "2027-03-14");
    assert.match(todayIn("Nowhere/Else", late), /^\d{4}-\d\d-\d\d$/);
  });

  it("put the reminder on the week's first day when no weekday is chosen", () => {
    assert.equal(rhythmPlan({ ...BERLIN, day: "" }, data).day, "Mon");
    assert.equal(rhythmPlan({ ...BERLIN, start: "2027-03-11", day: "" }, data).day, "Thu");
    assert.equal(rhythmPlan(BERLIN, data).day, "Wed");
  });
});

describe("Continue on the calendar", () => {
  const weeks = rhythmWeeks(track, BERLIN);
  const journal = (slugs, keys = []) => ({ read: new Map(slugs.map((slug) => [slug, {}])), answers: new Map(keys.map((key) => [key, { text: "x" }])) });
  const status = (done) => ({ weeks: track.weeks.map((week, index) => weekStatus(week, done.includes(index) ? journal(week.readings.map((r) => r.slug), week.questions) : journal([]))) });

  it("before week 1 opens: week 1, with its opening day", () => {
    assert.deepEqual(calendarNext(status([]), weeks, "2027-03-01"), { index: 0, opens: "2027-03-08" });
  });

  it("leads to the week open now, never past it", () => {
    assert.deepEqual(calendarNext(status([]), weeks, "2027-03-16"), { index: 1 }, "behind: the open week");
    assert.deepEqual(calendarNext(status([1]), weeks, "2027-03-16"), { index: 0 }, "the open week done: back to week 1");
    assert.deepEqual(calendarNext(status([0, 1]), weeks, "2027-03-16"), { upToDate: 1, opens: "2027-03-22" });
    assert.deepEqual(calendarNext(status([0]), weeks, "2027-03-10"), { upToDate: 0, opens: "2027-03-15" });
  });
});

describe("the calendar file with reminders", () => {
  const weeks = track.weeks.map((week) => ({ ...week, url: `https://example.org/site/${week.url}` }));
  const file = rhythmCalendar(data, { ...track, weeks }, BERLIN, "https://example.org/site/", new Date("2027-03-01T08:00:00Z"));
  const unfolded = file.replace(/\r\n /g, "");

  it("has one event a week at the reminder's day and time in the rhythm's zone, across summer time", () => {
    const starts = [...unfolded.matchAll(/\r\nDTSTART;TZID=Europe\/Berlin:(\w+)\r\n/g)].map((match) => match[1]);
    assert.deepEqual(starts, ["20270310T073000", "20270317T073000", "20270324T073000"]);
    assert.match(unfolded, /\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0200\r\n/);
  });

  it("reminds at the start of each event, with the week's summary, as a cohort's download does", () => {
    const alarms = [...unfolded.matchAll(/BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:(\w+)\r\nDESCRIPTION:([^\r]+)\r\nEND:VALARM/g)];
    assert.deepEqual(alarms.map((match) => match[1]), [data.reminders.timed, data.reminders.timed, data.reminders.timed]);
    assert.equal(alarms[0][2], "Week 1: Theme 1 — Three & Co");
  });

  it("is named for the participant, not a team, and keeps its events' ids", () => {
    assert.match(unfolded, /\r\nX-WR-CALNAME:Three & Co: my reading weeks\r\n/);
    assert.match(unfolded, /\r\nUID:own-three-week-2@reading-program\r\n/);
  });
});

describe("a rhythm in the journal", () => {
  const stored = (rhythm) => JSON.stringify({ format: "reading-program-journal", version: 3, tracks: { six: { followed: "2027-03-01T09:00:00.000Z", rhythm } } });

  it("is kept when sound, and written back as it was read", () => {
    const { journal, skipped, repaired } = parseJournal(stored(BERLIN));
    assert.deepEqual(journal.tracks.get("six").rhythm, BERLIN);
    assert.equal(skipped.size + repaired.size, 0);
    assert.deepEqual(toStored(journal).tracks, JSON.parse(stored(BERLIN)).tracks);
  });

  it("is set aside, and counted, when damaged; the track stays followed", () => {
    for (const rhythm of [{ ...BERLIN, start: "2027-02-30" }, { ...BERLIN, time: "7:30" }, { ...BERLIN, day: "Someday" }, { ...BERLIN, zone: "../../etc" }, "weekly", null]) {
      const { journal, repaired } = parseJournal(stored(rhythm));
      assert.deepEqual(journal.tracks.get("six"), { followed: "2027-03-01T09:00:00.000Z" }, JSON.stringify(rhythm));
      assert.deepEqual(tally(repaired), { "bad rhythm": 1 });
    }
  });

  it("carries along what a newer version adds to it", () => {
    const { journal } = normaliseJournal({ tracks: { six: { followed: "2027-03-01T09:00:00.000Z", rhythm: { ...BERLIN, pace: "slow" } } } });
    assert.equal(journal.tracks.get("six").rhythm.pace, "slow");
  });

  it("reads only sound fields", () => {
    assert.deepEqual(readRhythm({ start: "2027-03-08", time: "23:59", zone: "UTC" }), { start: "2027-03-08", day: "", time: "23:59", zone: "UTC" });
    assert.equal(readRhythm({ start: "2027-03-08", time: "24:00", zone: "UTC" }), null);
  });
});

describe("Last week you wrote", () => {
  const island = {
    weeks: [1, 2, 3, 4].map((number) => ({
      number,
      url: `../week-${number}/`,
      prompts: [`Prompt ${number}?`],
      questions: [`week-t-${number}/prompt`, `article-a${number}/q`],
    })),
  };
  const answers = (entries) => new Map(Object.entries(entries));

  it("brings back the previous week's first answer, in page order", () => {
    const found = earlierAnswer(island, 3, answers({ "article-a2/q": { text: "Second", question: "Reading Q?" }, "week-t-2/prompt": { text: "First" }, "week-t-1/prompt": { text: "Older" } }));
    assert.deepEqual(found && { ...found, week: found.week.number }, { week: 2, key: "week-t-2/prompt", question: "Prompt 2?", text: "First", href: "../week-2/#week-t-2--prompt" });
  });

  it("goes back further when last week has no answer, and skips answers without their question", () => {
    const found = earlierAnswer(island, 4, answers({ "article-a3/q": { text: "No question saved" }, "article-a1/q": { text: "Week 1", question: "Q1?" } }));
    assert.deepEqual([found.week.number, found.text, found.href], [1, "Week 1", "../week-1/#article-a1--q"]);
  });

  it("shows nothing in week 1, nor when nothing earlier is answered", () => {
    assert.equal(earlierAnswer(island, 1, answers({ "week-t-1/prompt": { text: "x" } })), null);
    assert.equal(earlierAnswer(island, 3, answers({ "week-t-3/prompt": { text: "this week" } })), null);
  });
});
