// Self-assessment results side by side (the table: comparison-data.js), with the names,
// maxima and bands of the build's assessment data on the page. Loaded by comparison.js once
// there is a result to show.
import { bandsWithResults, comparisonColumns, comparisonHeadline, comparisonRows } from "./comparison-data.js";
import { element, readIsland } from "./dom.js";
import { styled } from "./stylesheet.js";

function assessmentData(id) {
  for (const node of document.querySelectorAll(".rp-assessment-data")) {
    const data = readIsland(node);
    if (data?.id === id) return data;
  }
  return null;
}

export function showComparisons(journal) {
  for (const holder of document.querySelectorAll(".rp-compare")) {
    const columns = comparisonColumns(journal.assessments.get(holder.dataset.rpAssessment));
    holder.textContent = "";
    holder.hidden = true;
    if (!columns.length) continue;
    styled(holder.dataset.rpCss).then(() => (holder.hidden = !holder.childElementCount));
    const data = assessmentData(holder.dataset.rpAssessment);
    const headline = comparisonHeadline(columns, data);
    if (headline) holder.append(element("p", { class: "rp-compare__headline" }, headline));
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
    const trend = difference.startsWith("+") ? " rp-compare__change--up" : difference.startsWith("-") ? " rp-compare__change--down" : "";
    if (hasChange) row.append(element("td", { class: `rp-compare__change${trend}` }, difference));
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
