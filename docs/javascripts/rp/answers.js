// The answers on a page (questions.js made the boxes): each box shows what is stored and
// saves what is typed, says when it was saved, and grows where the browser cannot size it
// (field-sizing). A folded reading's questions open once one is answered.
import { headingText } from "./dom.js";
import { store } from "./store.js";

const GROWS = globalThis.CSS?.supports?.("field-sizing", "content") ?? false;
const TIME = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const DAY = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });
const shown = new WeakSet();

/** Binds the page's boxes to the store, once; each view gains typed(). */
export function show(views, signal) {
  if (shown.has(views)) return;
  shown.add(views);
  store.open();
  const byKey = new Map();
  for (const view of views) {
    byKey.set(view.key, [...(byKey.get(view.key) ?? []), view]);
    view.typed = () => typed(view);
  }
  // A question can stand twice on a page, and another tab can change an answer: on
  // typing, only that question's boxes change.
  const update = (change) => {
    if (change?.type === "set") return change.section === "answers" && byKey.get(change.key)?.forEach((view) => showAnswer(view));
    if (change?.type === "saved") return change.keys.get("answers")?.forEach((key) => byKey.get(key)?.forEach((view) => saved(view, change.at)));
    views.forEach((view) => showAnswer(view, true));
  };
  store.listen(update, signal);
  // Words typed (or pasted) before this module arrived are the participant's latest: saved,
  // never replaced by what the box showed before (a first visit has nothing stored).
  for (const view of views) if (view.area.value && view.area.value !== (store.journal.answers.get(view.key)?.text ?? "")) typed(view);
  update();
  for (const view of views) view.item.dataset.rpShown = "yes";
  for (const fold of document.querySelectorAll("details.rp-fold")) fold.open ||= Boolean(fold.querySelector(".rp-answered"));
}

function typed({ key, area, question }) {
  const stored = store.journal.answers.get(key);
  store.set("answers", key, area.value.trim() ? answerEntry(stored, area.value, question.textContent) : undefined);
  store.saveSoon();
  if (!GROWS) grow(area);
}

// Fields of the saved answer this page does not set (a newer version's) stay as they were.
function answerEntry(stored, text, question) {
  const heading = document.querySelector("h1");
  const source = heading ? headingText(heading) : document.title;
  return { ...stored, text, question, source, updated: new Date().toISOString() };
}

function showAnswer(view, always = false) {
  const answer = store.journal.answers.get(view.key);
  if (answer === view.shown && !always) return;
  view.shown = answer;
  const text = answer?.text ?? "";
  const { area, item } = view;
  // Blanks are not stored: do not empty a box of spaces under the cursor.
  if (area.value !== text && (text || area.value.trim())) {
    area.value = text;
    if (!GROWS) grow(area);
  }
  item.classList.toggle("rp-answered", Boolean(text));
  view.print.textContent = text;
  if (document.activeElement === area) view.note.textContent = store.problem ? "Not saved yet: see the notice." : "Saving…";
  else view.note.textContent = answer?.updated ? `Saved · ${when(new Date(answer.updated))}` : "";
}

function saved(view, at) {
  view.note.textContent = store.journal.answers.has(view.key) ? `Saved · ${when(at)}` : "";
}

const when = (date) => (date.toDateString() === new Date().toDateString() ? TIME : DAY).format(date);

function grow(area) {
  area.style.height = "auto";
  area.style.height = `${area.scrollHeight + 2}px`;
}
