// Self-assessment results side by side: the first one and the latest retakes, per aspect
// (named as in the article, out of its maximum), the change, and the outcome bands. The
// names, maxima and bands come from the build's assessment data on the page. Loaded by
// comparison.js once there is a result to show.
import { element, readIsland } from "./dom.js";

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

/** The outcome bands, each with the columns whose total falls in it. */
export function bandsWithResults(data, columns) {
  return (data?.bands ?? []).map((band) => ({
    ...band,
    results: columns
      .filter(({ result }) => Number.isFinite(result?.total) && result.total >= band.min && result.total <= band.max)
      .map((column) => column.label),
  }));
}

function assessmentData(id) {
  for (const node of document.querySelectorAll(".rp-assessment-data")) {
    const data = readIsland(node);
    if (data?.id === id) return data;
  }
  return null;
}

const stylesheets = new Map(); // href -> {link, loaded}

// The table's stylesheet, added once (again after a page swap dropped it).
function styled(href) {
  if (!href) return Promise.resolve();
  let sheet = stylesheets.get(href);
  if (!sheet) {
    const link = element("link", { rel: "stylesheet", href });
    const loaded = new Promise((done) => {
      link.addEventListener("load", done);
      link.addEventListener("error", done);
    });
    stylesheets.set(href, (sheet = { link, loaded }));
  }
  if (!sheet.link.isConnected) document.head.append(sheet.link);
  return sheet.loaded;
}

export function showComparisons(journal) {
  for (const holder of document.querySelectorAll(".rp-compare")) {
    const columns = comparisonColumns(journal.assessments.get(holder.dataset.rpAssessment));
    holder.textContent = "";
    holder.hidden = true;
    if (!columns.length) continue;
    styled(holder.dataset.rpCss).then(() => (holder.hidden = !holder.childElementCount));
    const data = assessmentData(holder.dataset.rpAssessment);
    holder.append(comparisonTable(columns, data));
    if (data?.bands?.length) holder.append(bandList(data, columns));
  }
}

function scoreNode(cell) {
  const node = element("td");
  if (cell.url) node.append(element("a", { href: cell.url }, cell.text));
  else node.textContent = cell.text;
  if (Number.isFinite(cell.value) && Number.isFinite(cell.max) && cell.max > 0) {
    const bar = element("span", { class: "rp-score-bar", "aria-hidden": "true" });
    const fill = element("span");
    fill.style.width = `${Math.max(0, Math.min(100, (100 * cell.value) / cell.max))}%`;
    bar.append(fill);
    node.append(bar);
  }
  return node;
}

function comparisonTable(columns, data) {
  const rows = comparisonRows(columns, data);
  const hasChange = rows.some((row) => row.change);
  const table = element("table");
  table.append(element("caption", {}, "Your self-assessment, before and after"));
  const head = table.createTHead().insertRow();
  const headings = ["Aspect", ...columns.map((column) => column.label), ...(hasChange ? ["Change"] : [])];
  for (const text of headings) head.append(element("th", { scope: "col" }, text));
  const body = table.createTBody();
  for (const { label, cells, change: difference } of rows) {
    const row = body.insertRow();
    row.className = label === "Total" ? "rp-compare__total" : "";
    row.append(element("th", { scope: "row" }, label), ...cells.map(scoreNode));
    if (hasChange) row.append(element("td", { class: "rp-compare__change" }, difference));
  }
  const wrap = element("div", { class: "md-typeset__scrollwrap" });
  const inner = element("div", { class: "md-typeset__table" });
  inner.append(table);
  wrap.append(inner);
  return wrap;
}

function bandList(data, columns) {
  const holder = element("div", { class: "rp-bands" });
  holder.append(element("p", { class: "rp-bands__title" }, `Outcomes (totals out of ${data.max ?? "the maximum"})`));
  const list = element("ul");
  for (const band of bandsWithResults(data, columns)) {
    const item = element("li", { class: band.results.length ? "rp-band rp-band--yours" : "rp-band" });
    item.append(element("span", { class: "rp-band__range" }, `${band.min}–${band.max}`), " ");
    item.append(element("a", { href: band.url }, band.outcome));
    if (band.results.length) item.append(" ", element("strong", {}, `(${band.results.join(", ")})`));
    list.append(item);
  }
  holder.append(list);
  return holder;
}
