import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { FORMAT, MIGRATIONS, VERSION, emptyJournal, parseJournal, toStored } from "../../docs/javascripts/rp/store.js";

const file = (data) => JSON.stringify({ format: FORMAT, ...data });
const asObject = (map) => Object.fromEntries(map);

describe("the journal's envelope", () => {
  it("rejects text that is not JSON, and JSON that is not a journal object", () => {
    assert.deepEqual(parseJournal("{not json"), { problem: "json" });
    for (const text of ["[]", "null", '"text"', "42", "[1, 2]"]) assert.equal(parseJournal(text).problem, "shape", text);
  });

  it("needs a whole-number version of 1 or more", () => {
    for (const version of [null, "1", -7, 0, 1.5, true, [], {}]) {
      assert.equal(parseJournal(file({ version }), { file: true }).problem, "version", JSON.stringify(version));
    }
    assert.equal(parseJournal(file({}), { file: true }).problem, "version");
  });

  it("leaves a newer version unread, and says which", () => {
    assert.deepEqual(parseJournal(file({ version: VERSION + 1, answers: {} })), { problem: "newer", version: VERSION + 1 });
  });

  it("needs the format name, except in what version 1 stored", () => {
    assert.equal(parseJournal(JSON.stringify({ version: 1 }), { file: true }).problem, "format");
    assert.equal(parseJournal(JSON.stringify({ version: 2 })).problem, "format");
    assert.equal(parseJournal(JSON.stringify({ version: 1, format: "other" })).problem, "format");
    assert.ok(parseJournal(JSON.stringify({ version: 1, answers: {} })).journal);
  });
});

describe("migrations", () => {
  it("has one step from every older version to the current one", () => {
    for (let version = 1; version < VERSION; version += 1) assert.equal(typeof MIGRATIONS.get(version), "function");
    assert.equal(MIGRATIONS.has(VERSION), false);
  });

  it("turns version 1's before/after into before and a list of retakes", () => {
    const before = { total: 20, max: 50, outcome: "Serious Issue", aspects: { coaching: 4 } };
    const after = { total: 40, max: 50, outcome: "Seems under control", aspects: { coaching: 8 } };
    const stored = { version: 1, answers: {}, read: {}, assessments: { quiz: { before, after }, once: { before } } };
    const { journal, skipped, repaired } = parseJournal(JSON.stringify(stored));
    assert.equal(skipped.size + repaired.size, 0);
    assert.equal(journal.assessments.get("quiz").before.total, 20);
    assert.deepEqual(
      journal.assessments.get("quiz").retakes.map((result) => result.total),
      [40],
    );
    assert.deepEqual(journal.assessments.get("once").retakes, []);
    assert.equal(journal.profile.size, 0);
  });

  it("reads version 2 as it was: no track followed yet, its extra keys kept", () => {
    const stored = { format: FORMAT, version: 2, answers: { a: { text: "x" } }, later: { kept: true } };
    const { journal, skipped } = parseJournal(JSON.stringify(stored));
    assert.equal(skipped.size, 0);
    assert.equal(journal.tracks.size, 0);
    assert.deepEqual(journal.kept.get("later"), { kept: true });
    assert.equal(toStored(journal).version, VERSION);
  });

  it("trusts no type in old data: odd assessments are left to validation", () => {
    const stored = { version: 1, assessments: { a: "x", b: { after: 7 } } };
    const { journal, skipped } = parseJournal(JSON.stringify(stored));
    assert.equal(journal.assessments.size, 0);
    assert.deepEqual([...skipped], [["not a self-assessment", 1], ["incomplete result", 1]]);
    assert.equal(parseJournal(JSON.stringify({ version: 1, assessments: [1] })).skipped.get("assessments not a set"), 1);
  });
});

describe("the stored form", () => {
  it("writes the format name, the version and every section", () => {
    assert.deepEqual(toStored(emptyJournal()), {
      format: FORMAT,
      version: VERSION,
      profile: {},
      answers: {},
      read: {},
      assessments: {},
      tracks: {},
    });
  });

  it("reads back exactly what it wrote", () => {
    const journal = emptyJournal();
    journal.profile.set("displayName", "Sam");
    journal.answers.set("week-t-1/q", { text: "Mine\nwith ✨", question: "Q?", source: "Week 1", updated: "2026-11-23T09:58:12.000Z" });
    journal.read.set("an-article", { hash: "3f2a9c1d0b7e", at: "2026-11-23T09:50:00.000Z" });
    const text = JSON.stringify(toStored(journal));
    const again = parseJournal(text);
    assert.equal(again.skipped.size + again.repaired.size, 0);
    assert.equal(JSON.stringify(toStored(again.journal)), text);
    assert.deepEqual(asObject(again.journal.answers), asObject(journal.answers));
  });

  it("reads back, key for key and in order, what a newer version added", () => {
    const text = JSON.stringify({
      format: FORMAT,
      version: VERSION,
      profile: { displayName: "Sam", theme: "dark" },
      answers: { "week-t-1/q": { text: "Mine", mood: "calm", first: { text: "Then", updated: "2027-01-11T09:00:00.000Z" } } },
      read: { a: { hash: "h", at: "2027-01-11T09:00:00.000Z", rating: 5 } },
      assessments: {},
      tracks: { t: { followed: "2027-01-11T09:00:00.000Z" } },
      reminders: { weekday: "Mon", at: "08:00" },
      streak: 4,
    });
    const again = parseJournal(text);
    assert.equal(again.skipped.size + again.repaired.size, 0);
    assert.equal(JSON.stringify(toStored(again.journal)), text);
  });
});
