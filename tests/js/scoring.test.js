import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { comparisonColumns, comparisonRows } from "../../docs/javascripts/rp/comparison.js";
import { bandFor, scoreRatings, withResult } from "../../docs/javascripts/rp/scoring.js";

const data = {
  id: "quiz",
  scale: 5,
  statements: [
    { id: "s1", aspect: "coaching" },
    { id: "s2", aspect: "coaching" },
    { id: "s3", aspect: "leading-people" },
  ],
  bands: [
    { min: 3, max: 7, outcome: "Low", url: "#low" },
    { min: 8, max: 15, outcome: "High", url: "#high" },
  ],
};
const AT = "2026-11-23T10:00:00.000Z";
const ratings = (values) => (id) => values[id];

describe("scoring", () => {
  it("adds the ratings up by aspect and finds the outcome", () => {
    const result = scoreRatings(data, ratings({ s1: 2, s2: 4, s3: 5 }), AT);
    assert.deepEqual({ ...result.aspects }, { coaching: 6, "leading-people": 5 });
    assert.deepEqual([result.total, result.max, result.outcome, result.at], [11, 15, "High", AT]);
    assert.equal(bandFor(data, 4).outcome, "Low");
    assert.equal(bandFor(data, 99), undefined);
  });

  it("gives nothing for a missing or off-scale rating", () => {
    assert.equal(scoreRatings(data, ratings({ s1: 2, s2: 4 }), AT), null);
    assert.equal(scoreRatings(data, ratings({ s1: 2, s2: 4, s3: 6 }), AT), null);
    assert.equal(scoreRatings(data, ratings({ s1: 2, s2: 4, s3: 0.5 }), AT), null);
  });
});

describe("the history of results", () => {
  const first = { total: 5 };
  const retake = { total: 9 };

  it("records the first time, then any number of retakes", () => {
    const once = withResult(undefined, first, false);
    assert.deepEqual(once, { before: first, retakes: [] });
    const twice = withResult(withResult(once, retake, true), { total: 12 }, true);
    assert.deepEqual(twice.retakes.map((r) => r.total), [9, 12]);
    assert.equal(twice.before, first);
  });

  it("replaces the first result when the participant says it is their first time", () => {
    const again = withResult({ before: first, retakes: [retake] }, { total: 7 }, false);
    assert.deepEqual([again.before.total, again.retakes.length], [7, 1]);
  });
});

describe("the comparison table", () => {
  const result = (total, coaching) => ({ total, max: 15, outcome: `Got ${total}`, aspects: { coaching } });

  it("shows before and after, with the after column waiting for a retake", () => {
    const columns = comparisonColumns({ before: result(5, 2), retakes: [] });
    assert.deepEqual(columns.map((c) => c.label), ["Before", "After"]);
    assert.deepEqual(comparisonRows(columns), [
      ["coaching", ["2", "not taken yet"]],
      ["Total", ["5 of 15", "not taken yet"]],
      ["Outcome", ["Got 5", "not taken yet"]],
    ]);
  });

  it("shows the latest retakes, numbered, when there are several", () => {
    const retakes = [result(6, 3), result(7, 3), result(8, 4), result(9, 5)];
    const columns = comparisonColumns({ before: result(5, 2), retakes });
    assert.deepEqual(columns.map((c) => c.label), ["Before", "Retake 2", "Retake 3", "Retake 4"]);
    assert.deepEqual(comparisonRows(columns)[1], ["Total", ["5 of 15", "7 of 15", "8 of 15", "9 of 15"]]);
  });

  it("shows nothing before a first result, and copes with missing aspects", () => {
    assert.deepEqual(comparisonColumns(undefined), []);
    const columns = comparisonColumns({ before: null, retakes: [{ total: 1, max: 15, outcome: "x", aspects: {} }] });
    assert.deepEqual(columns.map((c) => c.label), ["After"]);
    const mixed = comparisonColumns({ before: result(5, 2), retakes: [{ total: 1, max: 15, outcome: "x", aspects: {} }] });
    assert.deepEqual(comparisonRows(mixed)[0], ["coaching", ["2", "–"]]);
  });
});
