import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { BACKUP_PREFIX, FORMAT, STORAGE_KEY, VERSION, createStore, emptyJournal } from "../../docs/javascripts/rp/store.js";
import { FakeStorage, blockedStorage } from "./fake-storage.js";

const NOW = new Date("2026-11-23T10:00:00.000Z");
const open = (storage, options = {}) => {
  const store = createStore({ storageOf: () => storage, now: () => NOW, ...options });
  store.open();
  return store;
};
const stored = (storage) => JSON.parse(storage.getItem(STORAGE_KEY));
const answer = (text) => ({ text, updated: "2026-11-23T09:00:00.000Z" });
const withValue = (text) => {
  const storage = new FakeStorage();
  storage.setItem(STORAGE_KEY, text);
  return storage;
};

describe("loading and saving", () => {
  it("starts empty and saves in the current format", () => {
    const storage = new FakeStorage();
    const store = open(storage);
    store.set("answers", "week-t-1/q", answer("Mine"));
    assert.equal(store.saveNow(), true);
    assert.deepEqual(stored(storage).answers, { "week-t-1/q": answer("Mine") });
    assert.equal(stored(storage).version, VERSION);
    assert.equal(stored(storage).format, FORMAT);
  });

  it("migrates a version 1 value the first time it saves", () => {
    const v1 = { version: 1, answers: { a: answer("x") }, read: {}, assessments: { q: { after: { total: 3, max: 5, outcome: "Ok" } } } };
    const storage = withValue(JSON.stringify(v1));
    const store = open(storage);
    assert.equal(store.problem, null);
    store.set("answers", "b", answer("y"));
    store.saveNow();
    assert.deepEqual(stored(storage).assessments.q.retakes[0].total, 3);
    assert.equal(stored(storage).assessments.q.before, null);
  });
});

describe("a stored value that cannot be read", () => {
  for (const [name, text, kind] of [
    ["invalid JSON", '{"version": 2, "answers": {"a": {"text": "half', "damaged"],
    ["the wrong shape", "[1, 2, 3]", "damaged"],
    ["a future version", JSON.stringify({ format: FORMAT, version: 99, answers: { a: { text: "new" } } }), "newer"],
  ]) {
    it(`is kept, backed up and never written over: ${name}`, () => {
      const storage = withValue(text);
      const store = open(storage);
      assert.equal(store.problem.kind, kind);
      assert.equal(store.problem.raw, text);
      assert.equal(store.problem.backupKey, `${BACKUP_PREFIX}${NOW.toISOString()}`);
      assert.equal(storage.getItem(store.problem.backupKey), text);
      store.set("answers", "a", answer("typed"));
      assert.equal(store.saveNow(), false);
      assert.equal(store.commit(emptyJournal()), kind);
      assert.equal(storage.getItem(STORAGE_KEY), text, "typing and clearing leave it alone");
      assert.equal(store.journal.answers.get("a").text, "typed", "what was typed stays in memory");
      assert.equal(open(storage).backups().length, 1, "one copy, however often the page loads");
    });
  }

  it("is replaced only when the participant starts afresh, keeping what was typed", () => {
    const storage = withValue("not json");
    const store = open(storage);
    store.set("answers", "a", answer("typed"));
    assert.equal(store.startFresh(), true);
    assert.equal(store.problem, null);
    assert.deepEqual(stored(storage).answers, { a: answer("typed") });
    assert.equal(store.backups()[0].raw, "not json");
  });

  it("is held back, with what is readable on show, when there is no room for a copy", () => {
    const text = JSON.stringify({ format: FORMAT, version: 2, answers: { ok: { text: "kept" }, bad: { text: 1 } } });
    const storage = withValue(text);
    storage.quota = text.length + STORAGE_KEY.length; // no room for a backup
    const store = open(storage);
    assert.equal(store.problem.kind, "damaged");
    assert.equal(store.problem.reason, "partial");
    assert.equal(store.journal.answers.get("ok").text, "kept");
    store.set("answers", "x", answer("more"));
    assert.equal(store.saveNow(), false);
    assert.equal(storage.getItem(STORAGE_KEY), text);
  });

  it("with some bad entries: the original is backed up, the rest is used", () => {
    const text = JSON.stringify({ format: FORMAT, version: 2, answers: { ok: { text: "kept" }, bad: { text: 1 }, constructor: { text: "c" } } });
    const storage = withValue(text);
    const store = open(storage);
    assert.equal(store.problem, null);
    assert.deepEqual(Object.fromEntries(store.repairs.skipped), { "not text": 1, "reserved name": 1 });
    assert.equal(store.backups()[0].raw, text);
    store.set("answers", "x", answer("more"));
    assert.equal(store.saveNow(), true);
    assert.deepEqual(Object.keys(stored(storage).answers), ["ok", "x"]);
  });
});

describe("storage that fails", () => {
  it("says storage is full, keeps the text in memory, and saves once there is room", () => {
    const storage = new FakeStorage({ quota: 100 });
    const store = open(storage);
    store.set("answers", "a", answer("x".repeat(200)));
    assert.equal(store.saveNow(), false);
    assert.equal(store.problem.kind, "full");
    assert.equal(store.journal.answers.get("a").text.length, 200);
    storage.quota = Infinity;
    assert.equal(store.saveNow(), true);
    assert.equal(store.problem, null);
  });

  it("rolls an import back when it cannot be saved, claiming nothing", () => {
    const storage = new FakeStorage({ quota: 300 });
    const store = open(storage);
    store.set("answers", "mine", answer("small"));
    store.saveNow();
    const before = storage.getItem(STORAGE_KEY);
    const big = emptyJournal();
    big.answers.set("mine", { text: "small" });
    for (let index = 0; index < 50; index += 1) big.answers.set(`k${index}`, answer("imported"));
    assert.equal(store.commit(big), "full");
    assert.deepEqual([...store.journal.answers.keys()], ["mine"]);
    assert.equal(store.problem, null, "nothing is left pending");
    assert.equal(storage.getItem(STORAGE_KEY), before);
  });

  it("works in memory when storage is blocked", () => {
    const store = createStore({ storageOf: blockedStorage });
    store.open();
    assert.equal(store.problem.kind, "unavailable");
    store.set("answers", "a", answer("x"));
    assert.equal(store.saveNow(), false);
    assert.equal(store.journal.answers.get("a").text, "x");
  });
});

describe("two tabs", () => {
  it("never overwrite each other's newer answers with stale memory", () => {
    const storage = new FakeStorage();
    const first = open(storage);
    const second = open(storage);
    first.set("answers", "a", answer("from the first tab"));
    first.saveNow();
    second.set("answers", "b", answer("from the second tab"));
    second.saveNow(); // the second tab never heard of "a"
    assert.deepEqual(Object.keys(stored(storage).answers).sort(), ["a", "b"]);
  });

  it("take in the other tab's changes on a storage event, keeping unsaved typing", () => {
    const storage = new FakeStorage();
    const first = open(storage);
    const second = open(storage);
    let heard = 0;
    second.listen(() => (heard += 1));
    second.set("answers", "typing", answer("not saved yet"));
    first.set("answers", "a", answer("saved elsewhere"));
    first.set("read", "article", { hash: "h" });
    first.saveNow();
    second.sync();
    assert.ok(heard >= 2);
    assert.equal(second.journal.answers.get("a").text, "saved elsewhere");
    assert.equal(second.journal.answers.get("typing").text, "not saved yet");
    assert.ok(second.journal.read.has("article"));
  });

  it("let one tab's deletion stand in the other", () => {
    const storage = new FakeStorage();
    const first = open(storage);
    first.set("answers", "a", answer("x"));
    first.saveNow();
    const second = open(storage);
    first.commit(emptyJournal());
    second.sync();
    assert.equal(second.journal.answers.size, 0);
  });

  it("save the words typed here when another tab starts a fresh journal, and say so", () => {
    const storage = withValue("{damaged");
    const waiting = open(storage);
    const choosing = open(storage);
    waiting.set("answers", "mine", answer("typed while it was held back"));
    assert.equal(waiting.saveNow(), false);
    choosing.set("answers", "theirs", answer("typed in the other tab"));
    assert.equal(choosing.startFresh(), true);
    waiting.sync(); // the storage event
    assert.equal(waiting.problem, null);
    assert.deepEqual(waiting.freshElsewhere, { saved: 1 });
    assert.deepEqual(Object.keys(stored(storage).answers).sort(), ["mine", "theirs"]);
    waiting.dismissFreshElsewhere();
    assert.equal(waiting.freshElsewhere, null);
  });

  it("say so too when nothing was typed here", () => {
    const storage = withValue("{damaged");
    const idle = open(storage);
    open(storage).startFresh();
    idle.sync();
    assert.deepEqual(idle.freshElsewhere, { saved: 0 });
    assert.equal(idle.problem, null);
  });

  it("stop writing when the other tab leaves a newer format", () => {
    const storage = new FakeStorage();
    const old = open(storage);
    const newer = JSON.stringify({ format: FORMAT, version: VERSION + 1, answers: {} });
    storage.setItem(STORAGE_KEY, newer);
    old.set("answers", "a", answer("x"));
    assert.equal(old.saveNow(), false);
    assert.equal(old.problem.kind, "newer");
    assert.equal(storage.getItem(STORAGE_KEY), newer);
  });
});

describe("listeners", () => {
  it("run one by one: a failing one does not stop the next", () => {
    const store = open(new FakeStorage());
    const errors = [];
    const original = console.error;
    console.error = (...args) => errors.push(args);
    let reached = false;
    store.listen(() => {
      throw new Error("broken view");
    });
    store.listen(() => (reached = true));
    store.set("answers", "a", answer("x"));
    console.error = original;
    assert.equal(reached, true);
    assert.equal(errors.length, 1);
  });

  it("stop with the page they belong to", () => {
    const store = open(new FakeStorage());
    const page = new AbortController();
    let calls = 0;
    store.listen(() => (calls += 1), page.signal);
    store.set("answers", "a", answer("x"));
    page.abort();
    store.set("answers", "b", answer("y"));
    assert.equal(calls, 1);
  });

  it("hear what changed: an entry set, the entries saved, or everything", () => {
    const store = open(new FakeStorage());
    const changes = [];
    store.listen((change) => changes.push(change));
    store.set("answers", "a", answer("x"));
    store.saveNow();
    store.commit(emptyJournal());
    assert.deepEqual(changes[0], { type: "set", section: "answers", key: "a" });
    assert.equal(changes[1].type, "saved");
    assert.deepEqual([...changes[1].keys.get("answers")], ["a"]);
    assert.equal(changes[1].at.toISOString(), NOW.toISOString());
    assert.equal(changes.at(-1).type, "all");
  });

  it("keep what a newer version added through edits and saves", () => {
    const text = JSON.stringify({ format: FORMAT, version: VERSION, answers: { a: { text: "x", mood: "calm" } }, streak: { days: 3 } });
    const storage = withValue(text);
    const store = open(storage);
    store.set("answers", "b", answer("y"));
    store.saveNow();
    assert.deepEqual(stored(storage).streak, { days: 3 });
    assert.equal(stored(storage).answers.a.mood, "calm");
    store.commit(emptyJournal());
    assert.equal(stored(storage).streak, undefined, "clearing everything clears it too");
  });

  it("hear about trouble, so the notice can load", () => {
    let trouble = 0;
    open(withValue("{"), { onTrouble: () => (trouble += 1) });
    assert.ok(trouble >= 1);
  });
});
