import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { addDays, isoDay } from "../../docs/javascripts/rp/dates.js";
import { escapeText, foldLine } from "../../docs/javascripts/rp/ical.js";
import { planCalendar, planMessage, planWeeks } from "../../docs/javascripts/rp/plan.js";

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
const BASE = "https://example.org/site/tracks/six/";
const octets = (text) => new TextEncoder().encode(text).length;

describe("plan dates", () => {
  it("counts days across months and years", () => {
    assert.equal(addDays("2026-12-29", 7), "2027-01-05");
    assert.equal(addDays("2028-02-27", 2), "2028-02-29");
    assert.equal(isoDay(new Date(2027, 2, 1)), "2027-03-01");
  });

  it("dates each week from the start, with the meeting on the chosen day", () => {
    const weeks = planWeeks(track, { team: "Ops", start: "2027-03-01", day: "Thu", time: "14:00" });
    assert.deepEqual(
      weeks.map((w) => [w.starts, w.ends, w.meeting]),
      [
        ["2027-03-01", "2027-03-07", "2027-03-04 14:00"],
        ["2027-03-08", "2027-03-14", "2027-03-11 14:00"],
      ],
    );
  });

  it("puts a meeting before the start day into the following days of that week", () => {
    const weeks = planWeeks(track, { team: "Ops", start: "2027-03-03", day: "Mon", time: "" });
    assert.equal(weeks[0].meeting, "2027-03-08 09:30"); // a Wednesday start: Monday comes next
  });

  it("has no meeting without a day, and ignores a time that is not hh:mm", () => {
    assert.equal(planWeeks(track, { start: "2027-03-01", day: "" })[0].meeting, null);
    assert.equal(planWeeks(track, { start: "2027-03-01", day: "Fri", time: "noon" })[0].meeting, "2027-03-05 09:30");
  });
});

describe("plan messages", () => {
  it("names the team, the dates, the readings with absolute links, and the prompts", () => {
    const plan = { team: "Ops & Co", start: "2027-03-01", day: "Thu", time: "14:00" };
    const week = planWeeks(track, plan)[0];
    const message = planMessage(track, plan, week, BASE);
    assert.equal(message.subject, "Ops & Co · Six Weeks, week 1 (2027-03-01): Week title 1");
    assert.match(message.body, /^Hello Ops & Co,\n/);
    assert.match(message.body, /\nMeeting: 2027-03-04 14:00\n/);
    assert.match(message.body, /\n {2}https:\/\/example\.org\/site\/tracks\/six\/articles\/a\/\n/);
    assert.match(message.body, /\n- What did you notice\?\n/);
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

  it("makes a calendar of folded CRLF lines, one event a week", () => {
    const plan = { team: "Équipe 🚀", start: "2027-03-01", day: "Thu", time: "14:00" };
    const text = planCalendar(track, plan, planWeeks(track, plan), BASE);
    assert.ok(text.endsWith("END:VCALENDAR\r\n"));
    const lines = text.split("\r\n").slice(0, -1);
    assert.ok(lines.every((line) => octets(line) <= 75));
    assert.equal(lines.filter((line) => line === "BEGIN:VEVENT").length, 2);
    const unfolded = text.replace(/\r\n /g, "");
    assert.match(unfolded, /\r\nDTSTART:20270304T140000\r\n/);
    assert.match(unfolded, /\r\nX-WR-CALNAME:Équipe 🚀 · Six Weeks\r\n/);
    assert.match(unfolded, /DESCRIPTION:Hello Équipe 🚀\\,\\n/);
  });
});
