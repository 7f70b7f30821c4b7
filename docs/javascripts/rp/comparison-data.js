// Self-assessment results side by side: the first one and the latest retakes, per aspect
// (named as in the article, out of its maximum), the change, and the outcome bands. Pure.

const MAX_COLUMNS = 4;
const NOT_TAKEN = "not taken yet";

// The first result and the latest retakes (an empty "After" until there is one).
export function comparisonColumns(history) {
  if (!history) return [];
  const { before, retakes } = history;
  const shown = retakes.slice(-(MAX_COLUMNS - 1));
  const skipped = retakes.length - shown.length;
  const label = (index) => (retakes.length === 1 ? "After" : `Retake ${skipped + index + 1}`);
  const columns = shown.map((result, index) => ({ label: label(index), result }));
  if (!columns.length && before) columns.push({ label: "After", result: null });
  return before ? [{ label: "Before", result: before }, ...columns] : columns;
}

/** "+3", "-2", "no change"; "" when there is nothing to compare. */
export function change(from, to) {
  if (!Number.isFinite(from) || !Number.isFinite(to)) return "";
  const difference = to - from;
  if (difference === 0) return "no change";
  return difference > 0 ? `+${difference}` : `-${-difference}`;
}

// An aspect id the data does not name (a result from an older version of the assessment).
const fallbackName = (id) => id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, " ");

function scoreCell(result, value, max) {
  if (!result) return { text: NOT_TAKEN };
  if (!Number.isFinite(value)) return { text: "–" };
  return { text: Number.isFinite(max) ? `${value} of ${max}` : String(value), value, max };
}

/** Rows of {label, cells: [{text, value?, max?, url?}], change}: each aspect, the total and
 * the outcome. The change runs from the first result to the latest one shown. */
export function comparisonRows(columns, data = null) {
  const results = columns.map((column) => column.result);
  const compared = columns[0]?.label === "Before" && results.length > 1 ? [results[0], results.at(-1)] : null;
  const known = new Map((data?.aspects ?? []).map((aspect) => [aspect.id, aspect]));
  const ids = new Set([...known.keys(), ...results.flatMap((result) => Object.keys(result?.aspects ?? {}))]);
  const rows = [...ids].map((id) => {
    const { name = fallbackName(id), max } = known.get(id) ?? {};
    const score = (result) => result?.aspects?.[id];
    return {
      label: name,
      cells: results.map((result) => scoreCell(result, score(result), max)),
      change: compared ? change(score(compared[0]), score(compared[1])) : "",
    };
  });
  rows.push({
    label: "Total",
    cells: results.map((result) => scoreCell(result, result?.total, result?.max ?? data?.max)),
    change: compared ? change(compared[0]?.total, compared[1]?.total) : "",
  });
  const bandOf = (outcome) => data?.bands?.find((band) => band.outcome === outcome);
  rows.push({
    label: "Outcome",
    cells: results.map((result) => (result ? { text: result.outcome || "–", url: bandOf(result.outcome)?.url } : { text: NOT_TAKEN })),
    change: "",
  });
  return rows;
}

/** One line for the change from the first result to the latest: "+14 overall (23 → 37 of
 * 50); biggest gain: Coaching, +4". "" until there are both. */
export function comparisonHeadline(columns, data = null) {
  const before = columns[0]?.label === "Before" ? columns[0].result : null;
  const latest = columns.length > 1 ? columns.at(-1).result : null;
  if (!before || !latest) return "";
  const overall = change(before.total, latest.total);
  let text = `${overall === "no change" ? "No change" : overall} overall (${before.total} → ${latest.total} of ${latest.max})`;
  const names = new Map((data?.aspects ?? []).map((aspect) => [aspect.id, aspect.name]));
  let best = null;
  for (const [id, score] of Object.entries(latest.aspects ?? {})) {
    const gain = score - (before.aspects?.[id] ?? NaN);
    if (Number.isFinite(gain) && gain > 0 && (!best || gain > best.gain)) best = { id, gain };
  }
  if (best) text += `; biggest gain: ${names.get(best.id) ?? fallbackName(best.id)}, +${best.gain}`;
  return text;
}

/** The outcome bands, each with the columns whose total falls in it. */
export function bandsWithResults(data, columns) {
  return (data?.bands ?? []).map((band) => ({
    ...band,
    results: columns
      .filter(({ result }) => Number.isFinite(result?.total) && result.total >= band.min && result.total <= band.max)
      .map((column) => column.label),
  }));
}
