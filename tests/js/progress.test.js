import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { describeTrack, describeWeek, trackStatus, weekStatus, weekTodo } from "../../docs/javascripts/rp/progress.js";
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
    assert.deepEqual(status, { read: 1, readings: 2, answered: 1, questions: 2, started: true, complete: false });
    assert.equal(describeWeek(status), "1 of 2 read · 1 answered");
    assert.equal(weekTodo(status), "mark 1 more reading as read");
  });

  it("is complete with every reading read and at least one question answered", () => {
    const status = weekStatus(track.weeks[0], journal({ read: ["a", "b"], answered: ["article-a/q"] }));
    assert.equal(status.complete, true);
    assert.equal(describeWeek(status), "Complete");
    assert.equal(weekTodo(status), "");
    assert.equal(weekStatus(track.weeks[0], journal({ read: ["a", "b"] })).complete, false, "no answer yet");
    assert.equal(weekStatus(track.weeks[0], journal({ answered: ["w1/q", "article-a/q"] })).complete, false, "unread");
  });

  it("is started by an answer alone, and not started with nothing", () => {
    assert.equal(weekStatus(track.weeks[1], journal({ answered: ["w2/q"] })).started, true);
    assert.equal(describeWeek(weekStatus(track.weeks[1], journal())), "Not started");
  });

  it("says what the week still needs", () => {
    assert.equal(weekTodo(weekStatus(track.weeks[0], journal())), "mark its 2 readings as read and answer one question");
    assert.equal(weekTodo(weekStatus(track.weeks[1], journal())), "mark its reading as read and answer one question");
    assert.equal(weekTodo(weekStatus(track.weeks[0], journal({ read: ["a", "b"] }))), "answer one question");
  });
});

describe("a track's status", () => {
  it("shows partial progress: readings and answers move the bar before any week is complete", () => {
    const none = trackStatus(track, journal());
    assert.deepEqual([none.stepsDone, none.steps, none.started], [0, 5, false]);
    const read = trackStatus(track, journal({ read: ["a"] }));
    assert.deepEqual([read.done, read.stepsDone], [0, 1]);
    const answered = trackStatus(track, journal({ read: ["a"], answered: ["w1/q"] }));
    assert.deepEqual([answered.done, answered.stepsDone, answered.answered], [0, 2, 1]);
    assert.equal(describeTrack(track, answered), "0 of 2 weeks complete · 1 of 3 readings read");
  });

  it("fills the bar exactly when every week is complete", () => {
    const all = trackStatus(track, journal({ read: ["a", "b", "c"], answered: ["w1/q", "w2/q"] }));
    assert.deepEqual([all.done, all.stepsDone, all.steps, all.next, all.complete, all.current], [2, 5, 5, null, true, 1]);
  });

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

  it("moves on to the next week once one question is answered", () => {
    const week1 = { read: ["a", "b"], answered: ["article-a/q"] };
    assert.equal(trackStatus(track, journal(week1)).next.week.number, 2);
  });
});
