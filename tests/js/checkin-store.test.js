import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { BACKUP_PREFIX, KEY, MAX_CODES, codesIn, createCheckinStore, readKept } from "../../docs/javascripts/rp/checkin-store.js";
import { cohortFor, rememberCohort } from "../../docs/javascripts/rp/cohort-memory.js";
import { encodeCheckin } from "../../docs/javascripts/rp/checkin.js";
import { FakeStorage, blockedStorage } from "./fake-storage.js";

const code = (name, day = "2027-01-20") => encodeCheckin({ track: "six", name, day, weeks: [{ status: 1, read: 1, answers: 0 }] });
const clock = () => {
  let t = Date.UTC(2027, 0, 20);
  return () => new Date((t += 1000));
};
const open = (storage) => createCheckinStore({ storageOf: () => storage, now: clock() });

describe("check-ins kept in the lead's browser", () => {
  it("keeps the codes found in pasted chat, per cohort, once each, and nothing around them", () => {
    const storage = new FakeStorage();
    const store = open(storage);
    assert.equal(store.add("ops-north", codesIn(`Sam: ${code("Sam")} thanks! private chat ${code("Sam")}`)), 1);
    assert.equal(store.add("ops-south", codesIn(code("Kim"))), 1);
    assert.deepEqual(open(storage).codes("ops-north"), [code("Sam")]);
    assert.deepEqual(open(storage).codes("ops-south"), [code("Kim")]);
    assert.ok(!storage.getItem(KEY).includes("private chat"));
    const stored = JSON.parse(storage.getItem(KEY));
    assert.equal(stored.format, "reading-program-checkins");
    assert.equal(stored.version, 1);
  });

  it("merges what another tab kept meanwhile, and forgets one cohort's codes on request", () => {
    const storage = new FakeStorage();
    const [one, two] = [open(storage), open(storage)];
    one.add("ops", [code("Sam")]);
    two.add("ops", [code("Kim")]);
    assert.deepEqual(one.codes("ops"), [code("Sam"), code("Kim")]);
    two.add("other", [code("Lee")]);
    assert.equal(one.clear("ops"), true);
    assert.deepEqual(two.codes("ops"), []);
    assert.deepEqual(two.codes("other"), [code("Lee")]);
  });

  it("never writes over what it cannot read: a copy is kept, and only starting afresh replaces it", () => {
    for (const raw of ["{not json", '{"format":"other"}', JSON.stringify({ format: "reading-program-checkins", version: 9, cohorts: {} })]) {
      const storage = new FakeStorage();
      storage.setItem(KEY, raw);
      const store = open(storage);
      assert.deepEqual(store.codes("ops"), []);
      assert.equal(store.add("ops", [code("Sam")]), 0);
      assert.equal(storage.getItem(KEY), raw, "untouched");
      assert.ok(["damaged", "newer"].includes(store.problem.kind));
      assert.equal(storage.getItem(store.problem.backupKey), raw);
      assert.ok(store.problem.backupKey.startsWith(BACKUP_PREFIX));
      assert.equal(store.startFresh(), true);
      assert.equal(store.add("ops", [code("Sam")]), 1);
      assert.equal(storage.items.size, 2, "the copy stays beside the fresh store");
    }
  });

  it("uses what it can of a partly damaged store, counts the rest, and keeps the original", () => {
    const storage = new FakeStorage();
    const raw = JSON.stringify({
      format: "reading-program-checkins",
      version: 1,
      cohorts: { ops: { codes: [code("Sam"), 42, "<script>", code("Sam")] }, "Bad Id": { codes: [] }, __proto__x: null },
    });
    storage.setItem(KEY, raw);
    const store = open(storage);
    assert.deepEqual(store.codes("ops"), [code("Sam")]);
    assert.equal(store.problem.kind, "repaired");
    assert.equal(store.dropped, 4);
    assert.equal(storage.getItem(store.problem.backupKey), raw);
    assert.equal(readKept(raw).dropped, 4);
  });

  it("says so when storage is full or blocked, and keeps at most the newest codes", () => {
    const full = open(new FakeStorage({ quota: 10 }));
    assert.equal(full.add("ops", [code("Sam")]), 0);
    assert.equal(full.problem.kind, "full");
    const blocked = createCheckinStore({ storageOf: blockedStorage });
    assert.deepEqual(blocked.codes("ops"), []);
    assert.equal(blocked.problem.kind, "unavailable");
    const storage = new FakeStorage();
    const many = Array.from({ length: MAX_CODES + 5 }, (_, i) => code(`P${i}`));
    open(storage).add("ops", many);
    assert.deepEqual(open(storage).codes("ops"), many.slice(-MAX_CODES));
  });
});

describe("the team a participant reads with", () => {
  it("is remembered from ?cohort= per track, validated, and never throws", () => {
    const storage = new FakeStorage();
    const of = () => storage;
    assert.equal(cohortFor("six", of), null);
    assert.equal(rememberCohort("six", "?cohort=ops-north&x=1", of), "ops-north");
    assert.equal(rememberCohort("six", "?cohort=<b>", of), null);
    assert.equal(cohortFor("six", of), "ops-north");
    assert.equal(cohortFor("other", of), null);
    storage.setItem("reading-program.cohort", '{"format":"reading-program-cohort","version":1,"tracks":{"six":"Bad Id"}}');
    assert.equal(cohortFor("six", of), null);
    storage.setItem("reading-program.cohort", "not json");
    assert.equal(cohortFor("six", of), null);
    assert.equal(cohortFor("six", blockedStorage), null);
    assert.equal(rememberCohort("six", "?cohort=ops", blockedStorage), "ops");
    assert.equal(cohortFor("__proto__", of), null);
  });
});
