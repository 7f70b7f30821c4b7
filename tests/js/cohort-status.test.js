import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { daysBetween, statusText, whereIs } from "../../docs/javascripts/rp/cohort-status.js";

// Sales East: weeks from Mon 11 Jan 2027, a break in the week of 1 Feb, the end on 28 Feb.
const week = (number, starts, ends, startsText, endsText) => ({ number, starts, ends, startsText, endsText });
const WEEKS = [
  week(1, "2027-01-11", "2027-01-17", "Mon 11 Jan", "Sun 17 Jan"),
  week(2, "2027-01-18", "2027-01-24", "Mon 18 Jan", "Sun 24 Jan"),
  week(3, "2027-01-25", "2027-01-31", "Mon 25 Jan", "Sun 31 Jan"),
  week(4, "2027-02-08", "2027-02-14", "Mon 8 Feb", "Sun 14 Feb"),
  week(5, "2027-02-15", "2027-02-21", "Mon 15 Feb", "Sun 21 Feb"),
  week(6, "2027-02-22", "2027-02-28", "Mon 22 Feb", "Sun 28 Feb"),
];
const say = (today) => statusText(whereIs(today, WEEKS), today);

describe("where today falls in a schedule", () => {
  it("before the start: the first day, and how far off", () => {
    assert.equal(say("2027-01-10"), "Starts Mon 11 Jan, tomorrow.");
    assert.equal(say("2027-01-04"), "Starts Mon 11 Jan, in 7 days.");
    assert.equal(say("2026-11-23"), "Starts Mon 11 Jan 2027, in 7 weeks."); // another year
  });

  it("in a reading week, on its first and last day: that week, and no sentence", () => {
    for (const [today, number] of [["2027-01-11", 1], ["2027-01-24", 2], ["2027-02-28", 6]]) {
      const where = whereIs(today, WEEKS);
      assert.deepEqual([where.kind, where.week.number], ["current", number]);
      assert.equal(statusText(where, today), null);
    }
  });

  it("in a break: the week after it", () => {
    for (const today of ["2027-02-01", "2027-02-07"]) {
      assert.equal(say(today), "No reading this week: a break; week 4 starts Mon 8 Feb.");
    }
  });

  it("after the end: the last day", () => {
    assert.equal(say("2027-03-01"), "Finished on Sun 28 Feb.");
    assert.equal(say("2028-01-05"), "Finished on Sun 28 Feb 2027.");
  });

  it("counts days across months, years and summer time exactly", () => {
    assert.equal(daysBetween("2026-12-31", "2027-01-01"), 1);
    assert.equal(daysBetween("2027-03-27", "2027-03-29"), 2);
    assert.equal(whereIs("2027-01-01", []), null);
  });
});
