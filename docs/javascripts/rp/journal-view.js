// The journal's answers, built from what is stored and the build's data file: the track
// followed first, its weeks folded under a jump list, every answer once with its question,
// reading and date, what still waits, an Edit control per answer, a search once there are
// many. Typing updates only the answer typed in (a full journal is a long page). Loaded with
// the data file, which it needs to show anything; the files of the articles in no track and
// of the questions' texts load only when what is stored needs them.
import { button, element } from "./dom.js";
import { followedTrack } from "./follow.js";
import { journalSections, neededFiles, tracksOf } from "./journal-entries.js";
import { closeAgain, group, openAll, openHash, openTarget, otherTracks, trackSection } from "./journal-tracks.js";
import { loadData } from "./site-data.js";
import { store } from "./store.js";

const SEARCH_FROM = 6; // answers
export const DAY = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });
const logged = (error) => console.error("reading-program:", error);
let editing = null;
const editor = () => (editing ??= import("./journal-edit.js"));
let searching = null;
const filter = (view) =>
  (searching ??= import("./journal-search.js")).then((module) => module.filter(view, view.search.value)).catch(logged);

export function showJournal(view, signal) {
  store.open();
  const backups = (change) => {
    if (change?.type === "set" || change?.type === "saved") return; // typing: no copy comes or goes
    if (store.backups().length || view.holder.querySelector(".rp-backups")) view.tools().then((module) => module.showBackups(view.holder)).catch(view.failed);
  };
  store.listen(backups, signal);
  backups();
  view.search = view.root.querySelector(".rp-journal-search input");
  view.search.addEventListener("input", () => filter(view), { signal });
  view.root.addEventListener("click", (event) => openTarget(event, view), { signal });
  addEventListener("hashchange", () => openHash(), { signal });
  addEventListener("beforeprint", () => openAll(view), { signal });
  addEventListener("afterprint", () => closeAgain(view), { signal });
  const show = (change) => {
    if (change?.type === "saved") return;
    if (change?.type === "set" && change.section === "answers" && updateOne(view, change.key)) return;
    loadNeeded(view)
      .then(() => signal.aborted || render(view))
      .catch(logged);
  };
  store.listen(show, signal);
  show();
}

const FILES = { other: "other_articles", texts: "question_texts" }; // the data names each

/** Settles once the files that what is stored needs (journal-entries.js neededFiles) are
 * in `view.loaded`, each as null when it cannot be had; `reads`: as the export needs. */
export function loadNeeded(view, { reads = false } = {}) {
  const needed = neededFiles(view.data, store.journal, { reads });
  const loads = Object.entries(FILES)
    .filter(([name]) => needed[name] && view.loaded[name] === undefined)
    .map(([name, path]) =>
      (view.loading[name] ??= loadData(view.data[path]).then((file) => {
        view.loaded[name] = file;
      })),
    );
  return Promise.all(loads);
}

/** The track followed, from the data: chosen, or where most was done. */
export const followedOf = (data, journal) => (data ? followedTrack(journal, tracksOf(data).tracks) : null);

// An answer typed in (here or in another tab) that is already shown: only its entry changes.
function updateOne(view, key) {
  const nodes = view.byKey?.get(key);
  const answer = store.journal.answers.get(key);
  if (!nodes || !answer) return false; // a new or a deleted answer: the sections change
  for (const node of nodes) if (node !== view.editing?.node) showAnswer(node, answer);
  return true;
}

// Rebuilt when the answers, reading marks or the track followed change; otherwise answers
// are updated in place, so typing in an open editor is never interrupted.
function render(view) {
  const { journal } = store;
  const followed = followedOf(view.data, journal);
  const signature = JSON.stringify([followed, [...journal.answers.keys()], [...journal.read.keys()]]);
  if (signature === view.signature) {
    for (const [key, nodes] of view.byKey) nodes.forEach((node) => node !== view.editing?.node && showAnswer(node, journal.answers.get(key)));
    return;
  }
  view.signature = signature;
  const open = view.editing;
  view.editing = null;
  view.entries = [];
  view.byKey = new Map();
  const sections = journalSections(view.data, journal, view.loaded, followed);
  const parts = [];
  if (!sections.count) {
    parts.push(element("p", { class: "rp-journal-empty" }, "You have not answered any questions yet. What you write on a week's page or an article's page appears here, by track and week."));
  }
  const shown = sections.tracks.filter((track) => track.shown || track.followed);
  for (const track of shown) parts.push(trackSection(view, track));
  if (sections.other.length) {
    parts.push(group("rp-saved rp-other", "Other articles", "Your answers to questions of articles that are not part of a track.", list(view, sections.other)));
  }
  if (sections.retired.length) {
    const why = "These answers belong to questions that have since been removed or rewritten. They are kept here so nothing you wrote is lost.";
    const retired = sections.retired.map((entry) => ({ ...entry, retired: true }));
    parts.push(group("rp-saved rp-retired", "Retired questions", why, list(view, retired)));
  }
  if (sections.loose.length) {
    const why = "The list of questions could not be loaded, so your answers are shown as they were saved.";
    parts.push(group("rp-saved", "Your answers", why, list(view, sections.loose)));
  }
  const rest = sections.tracks.filter((track) => !shown.includes(track));
  if (rest.length) parts.push(otherTracks(rest, shown[0]));
  view.root.querySelector(".rp-journal-entries").replaceChildren(...parts);
  for (const results of view.root.querySelectorAll(".rp-journal-results")) results.hidden = !journal.assessments.has(results.dataset.rpAssessment);
  view.root.querySelector(".rp-journal-search").hidden = sections.count < SEARCH_FROM;
  view.root.dataset.rpShown = "yes";
  if (open) editor().then((module) => module.reopen(view, open));
  if (view.search.value) filter(view);
  openHash();
}

let ids = 0;

export function list(view, entries) {
  const items = element("ol", { class: "rp-entries" });
  for (const entry of entries) {
    const id = `rp-entry-${(ids += 1)}`;
    const node = element("li", { class: "rp-entry", "data-rp-entry": entry.key });
    const question = element("p", { class: "rp-entry__question", id }, entry.question);
    if (entry.unknown) question.dataset.rpUnknown = "yes"; // not to be saved as its text
    node.append(question);
    const from = element("p", { class: "rp-meta rp-entry__from" });
    if (entry.reading) from.append("From ", element("a", { href: entry.reading.url }, entry.reading.title));
    else if (entry.prompt) from.append("This week's prompt");
    else if (entry.source) from.append(`Answered on “${entry.source}”`);
    from.append(element("span", { class: "rp-entry__date" }));
    const edit = button("Edit", () => editor().then((module) => module.startEditing(view, node, entry.key)), "rp-entry__edit");
    edit.setAttribute("aria-describedby", id);
    node.append(from, element("p", { class: "rp-entry__first" }), element("p", { class: "rp-entry__answer" }), edit);
    showAnswer(node, entry.answer);
    view.entries.push({ node, key: entry.key, entry });
    view.byKey.set(entry.key, [...(view.byKey.get(entry.key) ?? []), node]);
    items.append(node);
  }
  return items;
}

/** Brings an entry up to date with its answer, writing only what changed. */
export function showAnswer(node, answer) {
  if (!answer) return;
  const text = node.querySelector(".rp-entry__answer");
  if (text.textContent !== answer.text) text.textContent = answer.text;
  const date = node.querySelector(".rp-entry__date");
  const written = answer.updated ? ` · ${DAY.format(new Date(answer.updated))}` : "";
  if (date.textContent !== written) date.textContent = written;
  const first = node.querySelector(".rp-entry__first");
  const before = answer.first ? `First written${answer.first.updated ? ` ${DAY.format(new Date(answer.first.updated))}` : ""}: ${answer.first.text}` : "";
  if (first.textContent !== before) first.textContent = before;
  first.hidden = !before;
}
