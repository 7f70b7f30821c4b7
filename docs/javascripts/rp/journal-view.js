// The journal's answers by track and week, built from what is stored and the build's data
// file: what still waits in each week, an Edit control per answer, a search once there
// are many. Loaded with the data file, which it needs to show anything; the files of the
// articles in no track and of the questions' texts load only when what is stored needs them.
import { button, element } from "./dom.js";
import { journalSections, neededFiles, waitingText } from "./journal-entries.js";
import { loadData } from "./site-data.js";
import { store } from "./store.js";

const SEARCH_FROM = 6; // answers
const logged = (error) => console.error("reading-program:", error);
let editing = null;
const editor = () => (editing ??= import("./journal-edit.js"));
let searching = null;
const filter = (view) =>
  (searching ??= import("./journal-search.js")).then((module) => module.filter(view, view.search.value)).catch(logged);

export function showJournal(view, signal) {
  view.search = view.root.querySelector(".rp-journal-search input");
  view.search.addEventListener("input", () => filter(view), { signal });
  const show = () =>
    loadNeeded(view)
      .then(() => signal.aborted || render(view))
      .catch(logged);
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

// Rebuilt when the set of answers or reading marks changes; otherwise answers are updated
// in place, so typing in an open editor is never interrupted.
function render(view) {
  const { journal } = store;
  const signature = JSON.stringify([[...journal.answers.keys()], [...journal.read.keys()]]);
  if (signature === view.signature) {
    for (const { node, key } of view.entries) if (node !== view.editing?.node) showAnswer(node, journal.answers.get(key));
    return;
  }
  view.signature = signature;
  const open = view.editing;
  view.editing = null;
  view.entries = [];
  const sections = journalSections(view.data, journal, view.loaded);
  const parts = [];
  if (!sections.count) {
    parts.push(element("p", { class: "rp-journal-empty" }, "You have not answered any questions yet. What you write on a week's page or an article's page appears here, by track and week."));
  }
  // The tracks with answers first, then the others, each in one line.
  const tracks = [...sections.tracks.filter((track) => track.answered), ...sections.tracks.filter((track) => !track.answered)];
  for (const track of tracks) parts.push(trackSection(view, track));
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
  view.root.querySelector(".rp-journal-entries").replaceChildren(...parts);
  view.root.querySelector(".rp-journal-search").hidden = sections.count < SEARCH_FROM;
  view.root.dataset.rpShown = "yes";
  if (open) editor().then((module) => module.reopen(view, open));
  if (view.search.value) filter(view);
}

function group(className, title, intro, ...content) {
  const section = element("section", { class: `rp-journal-group ${className}` });
  section.append(element("h2", {}, title));
  if (intro) section.append(element("p", { class: "rp-meta" }, intro));
  section.append(...content);
  return section;
}

function trackSection(view, track) {
  const summary = `${track.answered} of ${track.questions} questions answered · ${track.read} of ${track.readings} readings read`;
  if (!track.answered) {
    const first = track.weeks[0];
    const line = element("p", { class: "rp-journal-aside" }, `Nothing answered yet: ${track.questions} questions in ${track.weeks.length} weeks. `);
    if (first) line.append(element("a", { href: `${first.url}#reflect` }, `Start with week ${first.number}: ${first.title}`));
    return group("rp-journal-track rp-journal-track--waiting", track.title, "", line);
  }
  const section = group("rp-journal-track", track.title, summary);
  let waiting = null; // consecutive weeks with nothing answered, in one list
  for (const week of track.weeks) {
    const count = week.questions - week.entries.length;
    const link = element("a", { href: `${week.url}#reflect` }, waitingText(count, week.number));
    if (!week.entries.length) {
      if (!waiting) section.append((waiting = element("ul", { class: "rp-journal-aside rp-waiting" })));
      const item = element("li");
      item.append(link, `: ${week.title}`);
      waiting.append(item);
      continue;
    }
    waiting = null;
    const part = element("section", { class: "rp-journal-group rp-journal-week" });
    const heading = element("h3");
    heading.append(element("a", { href: week.url }, `Week ${week.number}: ${week.title}`));
    part.append(heading, list(view, week.entries));
    if (count) {
      const more = element("p", { class: "rp-journal-aside rp-waiting" });
      more.append(link);
      part.append(more);
    }
    section.append(part);
  }
  return section;
}

let ids = 0;

function list(view, entries) {
  const items = element("ol", { class: "rp-entries" });
  for (const entry of entries) {
    const id = `rp-entry-${(ids += 1)}`;
    const node = element("li", { class: "rp-entry", "data-rp-entry": entry.key });
    const question = element("p", { class: "rp-entry__question", id }, entry.question);
    if (entry.unknown) question.dataset.rpUnknown = "yes"; // not to be saved as its text
    node.append(question);
    const from = element("p", { class: "rp-meta" });
    if (entry.reading) from.append("From ", element("a", { href: entry.reading.url }, entry.reading.title));
    else if (entry.prompt) from.append("This week's prompt");
    else if (entry.source) from.append(`Answered on “${entry.source}”`);
    const edit = button("Edit", () => editor().then((module) => module.startEditing(view, node, entry.key)), "rp-entry__edit");
    edit.setAttribute("aria-describedby", id);
    node.append(from, element("p", { class: "rp-entry__answer" }), edit);
    showAnswer(node, entry.answer);
    view.entries.push({ node, key: entry.key, entry });
    items.append(node);
  }
  return items;
}

export function showAnswer(node, answer) {
  if (answer) node.querySelector(".rp-entry__answer").textContent = answer.text;
}
