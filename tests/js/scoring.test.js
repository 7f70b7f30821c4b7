import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { bandsWithResults, change, comparisonColumns, comparisonHeadline, comparisonRows } from "../../docs/javascripts/rp/comparison-data.js";
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
  const data = {
    max: 15,
    aspects: [
      { id: "coaching", name: "Coaching", max: 10 },
      { id: "leading-vs-managing", name: "Leading vs. managing", max: 5 },
    ],
    bands: [
      { min: 3, max: 8, outcome: "Got 5", url: "a/#low" },
      { min: 9, max: 15, outcome: "Got 9", url: "a/#high" },
    ],
  };

  it("shows before and after, with the after column waiting for a retake", () => {
    const columns = comparisonColumns({ before: result(5, 2), retakes: [] });
    assert.deepEqual(columns.map((c) => c.label), ["Before", "After"]);
    const rows = comparisonRows(columns, data);
    assert.deepEqual(rows.map((row) => row.label), ["Coaching", "Leading vs. managing", "Total", "Outcome"]);
    assert.deepEqual(rows[0].cells, [{ text: "2 of 10", value: 2, max: 10 }, { text: "not taken yet" }]);
    assert.deepEqual(rows[1].cells[0], { text: "–" }, "an aspect the result lacks");
    assert.deepEqual(rows[3].cells[0], { text: "Got 5", url: "a/#low" });
    assert.equal(rows[2].change, "");
  });

  it("names aspects as the article does, scores out of their maximum, with the change", () => {
    const columns = comparisonColumns({ before: result(5, 2), retakes: [result(9, 7)] });
    const [coaching, , total] = comparisonRows(columns, data);
    assert.deepEqual(coaching.cells.map((cell) => cell.text), ["2 of 10", "7 of 10"]);
    assert.equal(coaching.change, "+5");
    assert.deepEqual(total.cells.map((cell) => cell.text), ["5 of 15", "9 of 15"]);
    assert.equal(total.change, "+4");
  });

  it("sums the change up in one line, with the biggest gain", () => {
    assert.equal(comparisonHeadline(comparisonColumns({ before: result(5, 2), retakes: [result(9, 7)] }), data), "+4 overall (5 → 9 of 15); biggest gain: Coaching, +5");
    assert.equal(comparisonHeadline(comparisonColumns({ before: result(9, 7), retakes: [result(9, 7)] }), data), "No change overall (9 → 9 of 15)");
    assert.equal(comparisonHeadline(comparisonColumns({ before: result(5, 2), retakes: [] }), data), "", "no retake yet");
  });

  it("says how the total changed, down or not at all", () => {
    assert.deepEqual([change(9, 5), change(5, 5), change(5, undefined)], ["-4", "no change", ""]);
  });

  it("places each total in its outcome band", () => {
    const columns = comparisonColumns({ before: result(5, 2), retakes: [result(9, 7)] });
    const bands = bandsWithResults(data, columns);
    assert.deepEqual(bands.map((band) => band.results), [["Before"], ["After"]]);
  });

  it("shows the latest retakes, numbered, when there are several", () => {
    const retakes = [result(6, 3), result(7, 3), result(8, 4), result(9, 5)];
    const columns = comparisonColumns({ before: result(5, 2), retakes });
    assert.deepEqual(columns.map((c) => c.label), ["Before", "Retake 2", "Retake 3", "Retake 4"]);
    const total = comparisonRows(columns, data).find((row) => row.label === "Total");
    assert.deepEqual(total.cells.map((cell) => cell.text), ["5 of 15", "7 of 15", "8 of 15", "9 of 15"]);
    assert.equal(total.change, "+4", "from the first result to the latest");
  });

  it("shows nothing before a first result, and copes without data or aspects", () => {
    assert.deepEqual(comparisonColumns(undefined), []);
    const columns = comparisonColumns({ before: null, retakes: [{ total: 1, max: 15, outcome: "x", aspects: {} }] });
    assert.deepEqual(columns.map((c) => c.label), ["After"]);
    const mixed = comparisonColumns({ before: result(5, 2), retakes: [{ total: 1, max: 15, outcome: "x", aspects: {} }] });
    const [coaching] = comparisonRows(mixed);
    assert.deepEqual([coaching.label, coaching.cells.map((cell) => cell.text)], ["Coaching", ["2", "–"]]);
    assert.deepEqual(bandsWithResults(null, mixed), []);
  });
});
