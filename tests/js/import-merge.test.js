import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { applyImport, describeImport, planImport } from "../../docs/javascripts/rp/import-merge.js";
import { FORMAT, emptyJournal, parseJournal, toStored } from "../../docs/javascripts/rp/store.js";

function journalWith(answers = {}, extra = {}) {
  const journal = emptyJournal();
  for (const [key, text] of Object.entries(answers)) journal.answers.set(key, { text });
  for (const [slug, mark] of Object.entries(extra.read ?? {})) journal.read.set(slug, mark);
  for (const [id, history] of Object.entries(extra.assessments ?? {})) journal.assessments.set(id, history);
  return journal;
}
const exported = (journal) => JSON.stringify({ ...toStored(journal), exported: "2026-11-23T10:00:00.000Z" });
const noIssues = { skipped: new Map(), repaired: new Map() };
const result = (total, at) => ({ ratings: {}, aspects: {}, total, max: 50, outcome: "Fine", at });

describe("planning an import", () => {
  it("tells added, differing and identical answers apart", () => {
    const current = journalWith({ same: "S", differs: "mine" });
    const incoming = journalWith({ same: "S", differs: "theirs", fresh: "new" });
    const plan = planImport(current, incoming);
    assert.deepEqual([plan.added, plan.updated, plan.same], [["fresh"], ["differs"], ["same"]]);
  });

  it("keeps the participant's answers unless they choose to replace them", () => {
    const current = journalWith({ differs: "mine" });
    const incoming = journalWith({ differs: "theirs", fresh: "new" });
    const plan = planImport(current, incoming);
    assert.equal(applyImport(current, incoming, plan, false).answers.get("differs").text, "mine");
    assert.equal(applyImport(current, incoming, plan, true).answers.get("differs").text, "theirs");
    assert.equal(current.answers.has("fresh"), false, "the current journal is left alone");
  });

  it("adds reading marks and results that are missing, keeping this browser's first result", () => {
    const mine = { before: result(10, "2026-01-01T00:00:00Z"), retakes: [result(30, "2026-03-01T00:00:00Z")] };
    const theirs = { before: result(12, "2026-01-02T00:00:00Z"), retakes: [result(30, "2026-03-01T00:00:00Z"), result(40, "2026-02-01T00:00:00Z")] };
    const current = journalWith({}, { read: { a: { hash: "1" } }, assessments: { quiz: mine } });
    const incoming = journalWith({}, { read: { a: { hash: "2" }, b: {} }, assessments: { quiz: theirs, other: theirs } });
    const plan = planImport(current, incoming);
    const next = applyImport(current, incoming, plan, false);
    assert.deepEqual(next.read.get("a"), { hash: "1" });
    assert.ok(next.read.has("b"));
    assert.equal(next.assessments.get("quiz").before.total, 10);
    assert.deepEqual(next.assessments.get("quiz").retakes.map((r) => r.total), [40, 30]);
    assert.equal(plan.resultsAdded, 1 + 3);
  });
});

describe("the import summary", () => {
  it("says what was added, updated and skipped, and why", () => {
    const current = journalWith({ a: "1", b: "2", c: "3" });
    const file = { format: FORMAT, version: 2, answers: { a: { text: "x" }, b: { text: "y" }, c: { text: "z" }, bad: { text: 5 }, worse: { text: [] } } };
    for (let index = 0; index < 9; index += 1) file.answers[`new${index}`] = { text: "n" };
    const read = parseJournal(JSON.stringify(file), { file: true });
    const plan = planImport(current, read.journal);
    assert.equal(describeImport(plan, read, true), "Imported 12 answers: 9 added, 3 updated; 2 skipped (not text).");
    assert.equal(describeImport(plan, read, false), "Imported 9 answers: 9 added; 3 kept as in this browser; 2 skipped (not text).");
  });

  it("names each reason when there are several, and what else came in", () => {
    const file = parsed('{"format":"reading-program-journal","version":2,"answers":{"__proto__":{"text":"x"},"a":{"text":1},"b":"plain"},"read":{"r":{}}}');
    const plan = planImport(emptyJournal(), file.journal);
    assert.equal(
      describeImport(plan, file, false),
      "Imported 1 answer: 1 added; 2 skipped (1 reserved name, 1 not text); 1 repaired (plain text answer). Also added: 1 reading mark.",
    );
  });

  it("re-imports the participant's own export exactly, changing nothing twice", () => {
    const mine = journalWith({ a: "First\nwith two lines", b: 'Quotes " and <angle>' }, { read: { r: { hash: "h", at: "2026-11-23T09:50:00.000Z" } } });
    mine.profile.set("displayName", "Sam");
    const read = parsed(exported(mine));
    const intoEmpty = applyImport(emptyJournal(), read.journal, planImport(emptyJournal(), read.journal), false);
    assert.equal(JSON.stringify(toStored(intoEmpty)), JSON.stringify(toStored(mine)));
    const again = planImport(intoEmpty, read.journal);
    assert.equal(describeImport(again, noIssues, false), "Imported 0 answers; 2 already here.");
  });

  it("brings the tracks followed and what a newer version added, and round-trips them exactly", () => {
    const mine = journalWith({ a: "x" });
    mine.answers.set("a", { text: "x", mood: "calm", first: { text: "w" } });
    mine.tracks.set("six", { followed: "2027-01-11T09:00:00.000Z" });
    mine.kept.set("streak", { days: 3 });
    const read = parsed(exported(mine));
    const plan = planImport(emptyJournal(), read.journal);
    const intoEmpty = applyImport(emptyJournal(), read.journal, plan, false);
    assert.equal(JSON.stringify(toStored(intoEmpty)), JSON.stringify(toStored(mine)));
    assert.equal(describeImport(plan, read, false), "Imported 1 answer: 1 added. Also added: 1 track followed, 1 part from a newer version.");
  });

  it("takes a track chosen later elsewhere as the one followed", () => {
    const here = journalWith();
    here.tracks.set("six", { followed: "2027-01-11T09:00:00.000Z" });
    here.tracks.set("two", { followed: "2027-01-12T09:00:00.000Z" });
    const there = journalWith();
    there.tracks.set("six", { followed: "2027-02-01T09:00:00.000Z" });
    there.tracks.set("two", { followed: "2027-01-01T09:00:00.000Z" });
    const plan = planImport(here, there);
    assert.deepEqual(plan.tracks, ["six"]);
    assert.equal(applyImport(here, there, plan, false).tracks.get("six").followed, "2027-02-01T09:00:00.000Z");
  });
});

function parsed(text) {
  return parseJournal(text, { file: true });
}
