import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { isTimestamp, normaliseJournal } from "../../docs/javascripts/rp/validate.js";

const result = (fields = {}) => ({ ratings: { a: 2, b: 3 }, aspects: { x: 5 }, total: 5, max: 10, outcome: "Fine", ...fields });
// A parsed file: JSON.parse makes "__proto__" an own key, as a hostile file would.
const parsed = (data) => JSON.parse(JSON.stringify(data).replace('"PROTO"', '"__proto__"'));
const tally = (map) => Object.fromEntries(map);

describe("answers", () => {
  it("keeps text answers with their optional fields", () => {
    const answer = { text: "Mine", question: "Q?", source: "Week 1", updated: "2026-11-23T09:58:12.000Z" };
    const { journal, skipped, repaired } = normaliseJournal({ answers: { "week-t-1/q": answer } });
    assert.deepEqual(journal.answers.get("week-t-1/q"), answer);
    assert.equal(skipped.size + repaired.size, 0);
  });

  it("skips what is not text, and counts why", () => {
    const answers = { a: { text: 42 }, b: null, c: [], d: { text: "   " }, e: 7, f: { question: "no text" }, g: { text: ["x"] } };
    const { journal, skipped } = normaliseJournal({ answers });
    assert.equal(journal.answers.size, 0);
    assert.deepEqual(tally(skipped), { "not text": 6, empty: 1 });
  });

  it("turns an answer given as a plain string into an answer", () => {
    const { journal, repaired } = normaliseJournal({ answers: { a: "Just text" } });
    assert.deepEqual(journal.answers.get("a"), { text: "Just text" });
    assert.deepEqual(tally(repaired), { "plain text answer": 1 });
  });

  it("drops fields of the wrong type or size, and dates that are not dates", () => {
    const answers = {
      a: { text: "x", question: 5, source: "s".repeat(501), updated: "yesterday" },
      b: { text: "y", updated: 1700000000000 },
      c: { text: "z", updated: "2026-13-45T99:99:00Z" },
    };
    const { journal, repaired } = normaliseJournal({ answers });
    assert.deepEqual(journal.answers.get("a"), { text: "x" });
    assert.deepEqual(tally(repaired), { "bad question": 1, "bad source": 1, "bad date": 3 });
  });

  it("keeps the first version of an answer, when there is one", () => {
    const first = { text: "In week 1", updated: "2027-01-11T09:00:00.000Z" };
    const answers = { a: { text: "Now", first }, b: { text: "x", first: { text: " " } }, c: { text: "y", first: "old" } };
    const { journal, repaired } = normaliseJournal({ answers });
    assert.deepEqual(journal.answers.get("a"), { text: "Now", first });
    assert.deepEqual(journal.answers.get("b"), { text: "x" });
    assert.deepEqual(tally(repaired), { "bad first answer": 2 });
  });
});

describe("what this version does not know", () => {
  it("carries a newer version's fields along, on every kind of entry", () => {
    const mood = { colour: "blue", scores: [1, 2, 3], nested: { deep: true }, none: null };
    const data = {
      profile: { displayName: "Sam", pronouns: "they" },
      answers: { a: { text: "w", mood, first: { text: "v", tone: "calm" } } },
      read: { r: { hash: "h", rating: 4 } },
      assessments: { q: { before: result({ note: "felt tired" }), retakes: [], shared: false } },
      tracks: { t: { followed: "2027-01-11T09:00:00.000Z", pace: "weekly" } },
    };
    const { journal, skipped, repaired } = normaliseJournal(data);
    assert.equal(skipped.size + repaired.size, 0);
    assert.deepEqual(journal.answers.get("a"), { text: "w", mood, first: { text: "v", tone: "calm" } });
    assert.equal(journal.profile.get("pronouns"), "they");
    assert.equal(journal.read.get("r").rating, 4);
    assert.equal(journal.assessments.get("q").before.note, "felt tired");
    assert.equal(journal.assessments.get("q").shared, false);
    assert.equal(journal.tracks.get("t").pace, "weekly");
  });

  it("carries top-level keys along, and leaves the envelope out", () => {
    const data = { format: "f", version: 3, exported: "x", streak: { days: 4 }, notes: [], flag: null };
    const { journal, skipped } = normaliseJournal(data);
    assert.deepEqual(tally(journal.kept), { streak: { days: 4 }, notes: [], flag: null });
    assert.equal(skipped.size, 0);
  });

  it("sets aside, and counts, what is too large or too deep to carry, and hostile names", () => {
    let deep = {};
    for (let level = 0; level < 40; level += 1) deep = { deep };
    const answers = parsed({ a: { text: "x", huge: "h".repeat(100_001), deep, PROTO: { polluted: true }, fine: 1 } });
    const { journal, skipped, repaired } = normaliseJournal({ ...parsed({ PROTO: 1 }), answers, deep });
    assert.deepEqual(journal.answers.get("a"), { text: "x", fine: 1 });
    assert.deepEqual(tally(repaired), { "unknown field too large": 2, "reserved name of a field": 1 });
    assert.deepEqual(tally(skipped), { "reserved name": 1, "unknown part too large": 1 });
    assert.equal(journal.kept.size, 0);
    assert.equal({}.polluted, undefined);
  });
});

describe("tracks followed", () => {
  it("keeps when each track was started or chosen, and skips what has no date", () => {
    const tracks = { six: { followed: "2027-01-11T09:00:00.000Z" }, two: { followed: "soon" }, three: {}, four: "yes" };
    const { journal, skipped } = normaliseJournal({ tracks });
    assert.deepEqual([...journal.tracks.keys()], ["six"]);
    assert.deepEqual(tally(skipped), { "not a followed track": 3 });
  });
});

describe("keys", () => {
  it("skips keys named like Object.prototype members", () => {
    const answers = parsed({ PROTO: { text: "p" }, constructor: { text: "c" }, toString: { text: "t" }, hasOwnProperty: { text: "h" }, fine: { text: "f" } });
    const { journal, skipped } = normaliseJournal({ answers, read: parsed({ PROTO: {}, valueOf: {} }) });
    assert.deepEqual([...journal.answers.keys()], ["fine"]);
    assert.equal(journal.read.size, 0);
    assert.deepEqual(tally(skipped), { "reserved name": 6 });
    assert.equal({}.polluted, undefined);
  });

  it("skips empty, huge and control-character keys", () => {
    const answers = { "": { text: "a" }, ["k".repeat(301)]: { text: "b" }, "a\u0000b": { text: "c" }, "ok/key": { text: "d" } };
    const { journal, skipped } = normaliseJournal({ answers });
    assert.deepEqual([...journal.answers.keys()], ["ok/key"]);
    assert.deepEqual(tally(skipped), { "bad key": 3 });
  });
});

describe("sections", () => {
  it("skips a section that is not a set of entries (an array, a string, null)", () => {
    const { journal, skipped } = normaliseJournal({ answers: [{ text: "x" }], read: "all", assessments: null, profile: 3 });
    assert.equal(journal.answers.size + journal.read.size + journal.assessments.size, 0);
    assert.deepEqual(tally(skipped), {
      "answers not a set": 1,
      "read not a set": 1,
      "assessments not a set": 1,
      "profile not a set": 1,
    });
  });

  it("sets deeply nested JSON aside without recursing into it, and counts it", () => {
    let deep = {};
    for (let level = 0; level < 100000; level += 1) deep = { deep };
    const { journal, skipped, repaired } = normaliseJournal({ answers: { a: { text: "x", nested: deep } }, other: deep });
    assert.deepEqual(journal.answers.get("a"), { text: "x" });
    assert.deepEqual(tally(repaired), { "unknown field too large": 1 });
    assert.deepEqual(tally(skipped), { "unknown part too large": 1 });
  });

  it("keeps a display name, trimmed, and a newer version's other fields of the profile", () => {
    const { journal, skipped, repaired } = normaliseJournal({ profile: { displayName: "  Sam  ", colour: "blue" } });
    assert.deepEqual(tally(journal.profile), { displayName: "Sam", colour: "blue" });
    assert.equal(skipped.size + repaired.size, 0);
    assert.equal(normaliseJournal({ profile: { displayName: "x".repeat(81) } }).journal.profile.size, 0);
  });
});

describe("reading marks", () => {
  it("keeps a hash and a date, and skips what is not a mark", () => {
    const read = { a: { hash: "3f2a", at: "2026-11-23T09:50:00.000Z" }, b: true, c: "yes", d: { hash: 12 } };
    const { journal, skipped, repaired } = normaliseJournal({ read });
    assert.deepEqual(journal.read.get("a"), read.a);
    assert.deepEqual(journal.read.get("d"), {});
    assert.deepEqual(tally(skipped), { "not a reading mark": 2 });
    assert.deepEqual(tally(repaired), { "bad hash": 1 });
  });
});

describe("self-assessment results", () => {
  const assessment = (entry) => normaliseJournal({ assessments: { quiz: entry } });

  it("keeps a result and its retakes", () => {
    const entry = { before: result({ at: "2026-01-01T10:00:00Z" }), retakes: [result({ ratings: { a: 4, b: 4 }, total: 8 })] };
    const { journal, skipped, repaired } = assessment(entry);
    assert.equal(journal.assessments.get("quiz").retakes[0].total, 8);
    assert.equal(journal.assessments.get("quiz").before.at, "2026-01-01T10:00:00Z");
    assert.equal(skipped.size + repaired.size, 0);
  });

  it("recomputes a missing or wrong total from the ratings", () => {
    const { journal, repaired } = assessment({ before: result({ total: undefined }), retakes: [result({ total: 99 })] });
    assert.equal(journal.assessments.get("quiz").before.total, 5);
    assert.equal(journal.assessments.get("quiz").retakes[0].total, 5);
    assert.deepEqual(tally(repaired), { "total recomputed": 2 });
  });

  it("skips results that cannot be shown: no total, no max, total above max, no outcome", () => {
    const bad = [
      result({ ratings: undefined, total: undefined }),
      result({ max: undefined }),
      result({ ratings: undefined, total: 11 }),
      result({ outcome: "" }),
      result({ outcome: 3 }),
      "20 of 50",
      null,
    ];
    const { journal, skipped } = assessment({ before: null, retakes: bad });
    assert.equal(journal.assessments.size, 0);
    assert.deepEqual(tally(skipped), { "incomplete result": 7 });
  });

  it("drops ratings out of range and aspect scores that are not numbers, and keeps the result", () => {
    const { journal, repaired } = assessment({ before: result({ ratings: { a: 99 }, aspects: { x: "five" } }) });
    const kept = journal.assessments.get("quiz").before;
    assert.deepEqual({ ...kept.ratings }, {});
    assert.deepEqual({ ...kept.aspects }, {});
    assert.equal(kept.total, 5);
    assert.deepEqual(tally(repaired), { "bad ratings": 1, "bad aspect scores": 1 });
  });

  it("skips retakes that are not a list", () => {
    const { journal, skipped } = assessment({ before: result(), retakes: { 0: result() } });
    assert.deepEqual(journal.assessments.get("quiz").retakes, []);
    assert.deepEqual(tally(skipped), { "retakes not a list": 1 });
  });
});

describe("timestamps", () => {
  it("accepts ISO 8601 with a zone and nothing else", () => {
    for (const good of ["2026-11-23T09:58:12.000Z", "2026-11-23T09:58Z", "2026-11-23T09:58:12+01:00"]) assert.ok(isTimestamp(good), good);
    for (const bad of ["2026-11-23", "yesterday", "2026-02-30T10:00:00Z ", 1700000000000, null, "9999-99-99T99:99:99Z"]) {
      assert.equal(isTimestamp(bad), false, String(bad));
    }
  });
});
