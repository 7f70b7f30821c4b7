// Reflection questions: a text box under each, which grows with the text. What is stored
// is shown, and what is typed saved, by answers.js: at once when there is a journal, or on
// the first keystroke. A reading's questions folded on a week page all print.
import { element } from "./dom.js";
import { onJournal } from "./on-journal.js";

let answers = null;
const bound = () => (answers ??= import("./answers.js"));

export function enhance({ signal }) {
  const items = [...document.querySelectorAll("li[data-rp-key]")].filter((item) => !item.querySelector("textarea"));
  const views = items.map(addAnswerField);
  const show = () => bound().then((module) => module.show(views, signal));
  for (const view of views) {
    view.area.addEventListener("focus", show, { once: true, signal }); // ready before the first key
    view.area.addEventListener("input", () => show().then(() => view.typed()), { signal });
  }
  onJournal(show, signal);
  // Fetched now, bound on use: words typed and the page left at once are not lost waiting.
  bound().catch((error) => console.error("reading-program:", error));
  addEventListener("beforeprint", () => fold(true), { signal });
  addEventListener("afterprint", () => fold(false), { signal });
}

function addAnswerField(item) {
  const question = item.querySelector(".rp-question");
  const note = element("p", { class: "rp-saved-note", id: `${item.id}-saved` });
  const area = element("textarea", {
    class: "rp-answer",
    rows: "3",
    id: `${item.id}-answer`,
    "aria-labelledby": question.id,
    "aria-describedby": note.id,
    placeholder: "Your answer (saved in this browser only)",
  });
  item.append(area, note, element("div", { class: "rp-print-answer", "aria-hidden": "true" }));
  return { key: item.dataset.rpKey, item, question, area, note, print: item.lastElementChild };
}

// Printing opens folded questions, and closes them again after.
let opened = [];
function fold(open) {
  if (open) opened = [...document.querySelectorAll("details.rp-fold:not([open])")];
  for (const details of opened) details.open = open;
}
