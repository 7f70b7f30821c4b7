// Self-assessment results side by side: the first one and the retakes.
import { element } from "./dom.js";
import { store } from "./store.js";

const MAX_COLUMNS = 4;

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

export function comparisonRows(columns) {
  const results = columns.map((column) => column.result);
  const aspects = new Set(results.flatMap((result) => Object.keys(result?.aspects ?? {})));
  const row = (label, value) => [label, results.map((result) => (result ? String(value(result)) : "not taken yet"))];
  return [
    ...[...aspects].map((aspect) => row(aspect.replace(/-/g, " "), (result) => result.aspects[aspect] ?? "–")),
    row("Total", (result) => `${result.total} of ${result.max}`),
    row("Outcome", (result) => result.outcome),
  ];
}

export function enhance({ signal }) {
  store.open();
  store.listen(showComparisons, signal);
  showComparisons();
}

function showComparisons() {
  for (const holder of document.querySelectorAll(".rp-compare")) {
    const columns = comparisonColumns(store.journal.assessments.get(holder.dataset.rpAssessment));
    holder.textContent = "";
    holder.hidden = columns.length === 0;
    if (columns.length) holder.append(comparisonTable(columns));
  }
}

function comparisonTable(columns) {
  const table = element("table", { class: "rp-compare__table" });
  table.append(element("caption", {}, "Your self-assessment, before and after"));
  const head = table.createTHead().insertRow();
  for (const text of ["", ...columns.map((column) => column.label)]) head.append(element("th", { scope: "col" }, text));
  const body = table.createTBody();
  for (const [label, cells] of comparisonRows(columns)) {
    const row = body.insertRow();
    row.append(element("th", { scope: "row" }, label));
    for (const cell of cells) row.insertCell().textContent = cell;
  }
  return table;
}
