import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { chosenTrack, follow, followedTrack } from "../../docs/javascripts/rp/follow.js";
import { createStore, emptyJournal } from "../../docs/javascripts/rp/store.js";
import { FakeStorage } from "./fake-storage.js";

const week = (slugs, questions) => ({ readings: slugs.map((slug) => ({ slug })), questions });
// "shared" sits in both tracks, as an article two tracks read.
const TRACKS = [
  { id: "basics", weeks: [week(["shared"], ["article-shared/q", "week-basics-1/p"])] },
  { id: "six", weeks: [week(["shared", "own"], ["article-shared/q", "article-own/q", "week-six-1/p"]), week(["later"], ["week-six-2/p"])] },
];

function journal({ read = [], answered = [], tracks = {} } = {}) {
  const journal = emptyJournal();
  read.forEach((slug) => journal.read.set(slug, { at: "2027-01-11T09:00:00.000Z" }));
  answered.forEach((key) => journal.answers.set(key, { text: "x" }));
  Object.entries(tracks).forEach(([id, followed]) => journal.tracks.set(id, { followed }));
  return journal;
}

describe("the track a participant follows", () => {
  it("is the one last started or chosen, whatever else was done", () => {
    const chosen = journal({ read: ["own", "later"], tracks: { six: "2027-01-11T09:00:00.000Z", basics: "2027-01-18T09:00:00.000Z" } });
    assert.equal(chosenTrack(chosen), "basics");
    assert.equal(followedTrack(chosen, TRACKS), "basics");
  });

  it("is none before anything is done or chosen", () => {
    assert.equal(followedTrack(journal(), TRACKS), null);
  });

  it("without a choice, is the one with most done that only it asks", () => {
    // One shared reading and one shared answer count for both: the own prompt decides.
    assert.equal(followedTrack(journal({ read: ["shared"], answered: ["article-shared/q", "week-six-1/p"] }), TRACKS), "six");
    assert.equal(followedTrack(journal({ read: ["shared"], answered: ["week-basics-1/p"] }), TRACKS), "basics");
  });

  it("then by everything done, then in the site's order", () => {
    assert.equal(followedTrack(journal({ read: ["shared"] }), TRACKS), "basics", "a tie: the first track");
    assert.equal(followedTrack(journal({ answered: ["elsewhere/q"] }), TRACKS), null, "nothing in any track");
  });
});

describe("following a track", () => {
  it("stores when, keeps what else the entry holds, and makes it the followed one", () => {
    const storage = new FakeStorage();
    const store = createStore({ storageOf: () => storage });
    store.open();
    store.set("tracks", "six", { followed: "2020-01-01T00:00:00.000Z", pace: "weekly" });
    follow(store, "basics");
    assert.equal(chosenTrack(store.journal), "basics");
    follow(store, "six");
    assert.equal(chosenTrack(store.journal), "six");
    assert.equal(store.journal.tracks.get("six").pace, "weekly");
    assert.ok(JSON.parse(storage.getItem("reading-program")).tracks.six.followed > "2020-01-02");
  });
});
