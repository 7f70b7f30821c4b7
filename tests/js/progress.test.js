import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { describeWeek, trackStatus, weekStatus } from "../../docs/javascripts/rp/progress.js";
import { emptyJournal } from "../../docs/javascripts/rp/store.js";

const reading = (slug) => ({ slug, title: slug, url: `../${slug}/` });
const track = {
  id: "t",
  title: "Track",
  weeks: [
    { number: 1, url: "w1/", readings: [reading("a"), reading("b")], questions: ["w1/q", "article-a/q"] },
    { number: 2, url: "w2/", readings: [reading("c")], questions: ["w2/q"] },
  ],
};
function journal({ read = [], answered = [] } = {}) {
  const journal = emptyJournal();
  read.forEach((slug) => journal.read.set(slug, {}));
  answered.forEach((key) => journal.answers.set(key, { text: "x" }));
  return journal;
}

describe("a week's status", () => {
  it("counts readings read and questions answered", () => {
    const status = weekStatus(track.weeks[0], journal({ read: ["a"], answered: ["article-a/q", "elsewhere/q"] }));
    assert.deepEqual(status, { read: 1, answers: 1, complete: false, started: true });
    assert.equal(describeWeek(track.weeks[0], status), "1 of 2 read, 1 of 2 answered");
  });

  it("is complete with every reading read and every question answered", () => {
    const status = weekStatus(track.weeks[0], journal({ read: ["a", "b"], answered: ["w1/q", "article-a/q"] }));
    assert.equal(describeWeek(track.weeks[0], status), "complete");
    assert.equal(describeWeek(track.weeks[1], weekStatus(track.weeks[1], journal())), "not started");
  });
});

describe("a track's status", () => {
  it("counts complete weeks and points at the first unread reading", () => {
    const status = trackStatus(track, journal({ read: ["a"] }));
    assert.equal(status.done, 0);
    assert.equal(status.next.week.number, 1);
    assert.equal(status.next.reading.slug, "b");
  });

  it("points at the questions once a week's readings are read", () => {
    const status = trackStatus(track, journal({ read: ["a", "b"] }));
    assert.equal(status.next.reading, null);
    assert.equal(status.next.week.number, 1);
  });

  it("moves on to the next week, and ends when all are done", () => {
    const week1 = { read: ["a", "b"], answered: ["w1/q", "article-a/q"] };
    assert.equal(trackStatus(track, journal(week1)).next.week.number, 2);
    const all = trackStatus(track, journal({ read: [...week1.read, "c"], answered: [...week1.answered, "w2/q"] }));
    assert.deepEqual([all.done, all.next], [2, null]);
  });
});
