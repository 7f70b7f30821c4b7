// The journal's tools, loaded on first use: export (JSON, Markdown), import (all or nothing,
// with a summary), clear, and the copies of stored data that could not be read.
import { isoDay } from "./dates.js";
import { button, element } from "./dom.js";
import { download } from "./download.js";
import { applyImport, describeImport, planImport } from "./import-merge.js";
import { journalMarkdown } from "./journal-markdown.js";
import { followedOf, loadNeeded } from "./journal-view.js";
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
  store.open();
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
  return importJournal(await file.text());
}

/** Imports a journal export's text (a file's, or a link's: device-receive.js), all or
 * nothing, asking before replacing differing answers; -> what it did, in words. */
export function importJournal(text, source = "that file") {
  const read = parseJournal(text, { file: true });
  if (read.problem === "newer") return `Nothing was imported: ${source} is from a newer version of this site (format ${read.version}).`;
  if (read.problem) return `Nothing was imported: ${REJECTED[read.problem]}.`;
  store.open(); // merge into what is stored now, other tabs' answers included
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
  store.open();
  if (view.data) await loadNeeded(view, { reads: true });
  const journal = store.journal;
  download(journalMarkdown(view.data, journal, isoDay(new Date()), view.loaded, followedOf(view.data, journal)), "md");
}
