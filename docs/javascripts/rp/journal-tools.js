// The journal's tools, loaded on first use: export (JSON, Markdown), import (all or nothing,
// with a summary), clear, and the copies of stored data that could not be read.
import { isoDay } from "./dates.js";
import { button, element } from "./dom.js";
import { download } from "./download.js";
import { applyImport, describeImport, planImport } from "./import-merge.js";
import { journalSections, readingsOf, tracksOf } from "./journal-entries.js";
import { loadNeeded } from "./journal-view.js";
import { weekStatus } from "./progress.js";
import { emptyJournal, parseJournal, store, toStored } from "./store.js";

const MAX_IMPORT_BYTES = 20 * 1024 * 1024; // far above any real journal; spares the tab a freeze
const FAILURES = {
  full: "this browser's storage is full",
  unavailable: "this browser's storage is unavailable",
  damaged: "the saved journal could not be read (see the notice: start a fresh journal first)",
  newer: "the saved journal is from a newer version of this site",
};
const REJECTED = {
  json: "it is not JSON",
  shape: "it is not a journal export",
  format: "it is not a journal export",
  version: "its format version is not a whole number from 1",
};

export function exportJson(target, status) {
  const journal = toStored(store.journal, { exported: new Date().toISOString() });
  download(JSON.stringify(journal, null, 2), "json");
  if (status && store.problem?.raw !== undefined) {
    status.textContent = "This export holds only what this page could read: download the unreadable saved journal from the notice.";
  }
}

export async function importFile(input, status) {
  const file = input.files[0];
  input.value = ""; // the same file can be chosen again
  if (!file) return;
  status.textContent = await importText(file).catch(() => "Nothing was imported: that file could not be read.");
}

async function importText(file) {
  if (file.size > MAX_IMPORT_BYTES) return `Nothing was imported: that file is ${Math.round(file.size / 2 ** 20)} MB, too large for a journal.`;
  const read = parseJournal(await file.text(), { file: true });
  if (read.problem === "newer") return `Nothing was imported: that file is from a newer version of this site (format ${read.version}).`;
  if (read.problem) return `Nothing was imported: ${REJECTED[read.problem]}.`;
  store.sync(); // merge into what is stored now, other tabs' answers included
  const plan = planImport(store.journal, read.journal);
  const replace =
    plan.updated.length > 0 &&
    window.confirm(
      `${plan.updated.length} imported answer(s) differ from the ones in this browser. ` +
        "Replace them with the imported ones? (Cancel keeps the ones in this browser.)",
    );
  const failure = store.commit(applyImport(store.journal, read.journal, plan, replace));
  if (failure) return `Nothing was imported: ${FAILURES[failure]}. Your journal is as it was.`;
  return describeImport(plan, read, replace);
}

export function clearEverything(target, status) {
  const sure = window.confirm(
    "Delete all your answers, reading progress and self-assessment results from this browser? " +
      "This cannot be undone: export your journal first to keep a copy.",
  );
  if (!sure) return;
  const failure = store.commit(emptyJournal());
  status.textContent = failure ? `Nothing was deleted: ${FAILURES[failure]}.` : "Your journal is empty.";
}

export function showBackups(holder) {
  let list = holder.querySelector(".rp-backups");
  if (!list) {
    list = element("div", { class: "rp-backups" });
    holder.querySelector(".rp-journal-status").before(list);
  }
  const backups = store.backups();
  list.textContent = "";
  if (!backups.length) return;
  list.append(element("p", {}, "Saved data that could not be read, kept in this browser:"));
  const items = element("ul");
  for (const { key, raw } of backups) {
    const item = element("li", {}, `${key.slice(key.indexOf(".damaged.") + 9)}, ${raw.length} characters `);
    const remove = () => window.confirm("Delete this copy for good?") && store.removeBackup(key);
    item.append(button("Download", () => download(raw, "json", "reading-journal-unreadable")), " ", button("Delete", remove, "rp-danger"));
    items.append(item);
  }
  list.append(items);
}

export async function exportMarkdown(target, status, view) {
  if (view.data) await loadNeeded(view, { reads: true });
  download(journalMarkdown(view.data, store.journal, isoDay(new Date()), view.loaded), "md");
}

const own = (object, key) => (object != null && Object.hasOwn(object, key) ? object[key] : undefined);
const day = (iso) => (typeof iso === "string" ? iso.slice(0, 10) : "");

/** The journal as Markdown: only the answers (by track and week, with their question and
 * reading), then self-assessment results and reading progress. No empty questions.
 * `loaded`: the files loaded on demand (journalSections). */
export function journalMarkdown(data, journal, today, loaded = {}) {
  const sections = journalSections(data, journal, loaded);
  const lines = ["# My reading journal", "", `Exported from this browser on ${today}.`, ""];
  const entryLines = (entry) => {
    let from = entry.source ? `_Answered on “${entry.source}”_` : "";
    if (entry.reading) from = `_From “${entry.reading.title}”_`;
    else if (entry.prompt) from = "_This week's prompt_";
    return [`**${entry.question}**`, "", ...(from ? [from, ""] : []), entry.answer.text, ""];
  };
  for (const track of sections.tracks.filter((item) => item.answered)) {
    lines.push(`## ${track.title}`, "");
    for (const week of track.weeks.filter((item) => item.entries.length)) {
      lines.push(`### Week ${week.number}: ${week.title}`, "", ...week.entries.flatMap((entry) => entryLines(entry)));
    }
  }
  const groups = [
    ["Other articles", sections.other],
    ["Retired questions", sections.retired],
    ["Your answers", sections.loose],
  ];
  for (const [title, entries] of groups.filter(([, entries]) => entries.length)) {
    lines.push(`## ${title}`, "", ...entries.flatMap(entryLines));
  }
  lines.push(...assessmentLines(data, journal), ...progressLines(data, journal, loaded.other));
  return lines.join("\n");
}

function assessmentLines(data, journal) {
  const lines = [];
  const result = (label, { total, max, outcome, aspects, at }) => {
    const parts = Object.entries(aspects ?? {}).map(([aspect, score]) => `${aspect.replace(/-/g, " ")} ${score}`);
    const when = day(at) ? ` (${day(at)})` : "";
    return `- ${label}${when}: ${total} of ${max}, ${outcome || "no outcome"}${parts.length ? `; ${parts.join(", ")}` : ""}`;
  };
  for (const [id, history] of journal.assessments) {
    if (!history?.before && !history?.retakes?.length) continue;
    const [title = id] = own(own(data, "assessments"), id) ?? [];
    lines.push(`## Self-assessment: ${title}`, "");
    if (history.before) lines.push(result("First result", history.before));
    history.retakes.forEach((retake, index) => lines.push(result(`Retake ${index + 1}`, retake)));
    lines.push("");
  }
  return lines;
}

function progressLines(data, journal, other) {
  if (!journal.read.size) return [];
  const lines = ["## Reading progress", ""];
  for (const track of data ? tracksOf(data).tracks : []) {
    const statuses = track.weeks.map((week) => weekStatus(week, journal));
    if (!statuses.some((status) => status.started)) continue;
    const done = statuses.filter((status) => status.complete).length;
    const read = statuses.reduce((sum, status) => sum + status.read, 0);
    const readings = statuses.reduce((sum, status) => sum + status.readings, 0);
    lines.push(`- ${track.title}: ${done} of ${track.weeks.length} weeks complete, ${read} of ${readings} readings read`);
  }
  lines.push("", "Read:", "");
  const readings = data ? readingsOf(data, other) : new Map();
  for (const [slug, mark] of journal.read) {
    const title = readings.get(slug)?.title ?? slug;
    lines.push(`- ${title}${day(mark.at) ? ` (${day(mark.at)})` : ""}`);
  }
  lines.push("");
  return lines;
}
