// Editing an answer on the journal page, loaded on the first Edit. A blank box deletes
// nothing while typing; Done on a blank box asks before deleting the answer.
import { button, element } from "./dom.js";
import { showAnswer } from "./journal-view.js";
import { store } from "./store.js";

export function startEditing(view, node, key, value = store.journal.answers.get(key)?.text ?? "") {
  if (view.editing) stopEditing(view);
  const question = node.querySelector(".rp-entry__question");
  const area = element("textarea", { class: "rp-answer", rows: "4", "aria-labelledby": question.id });
  area.value = value;
  const wording = question.dataset.rpUnknown ? undefined : question.textContent;
  area.addEventListener("input", () => {
    const saved = store.journal.answers.get(key);
    if (!area.value.trim()) return;
    // An answer keeps the question as it was answered; one saved without it gets it now.
    store.set("answers", key, { ...saved, question: saved?.question || wording, text: area.value, updated: new Date().toISOString() });
    store.saveSoon();
  });
  const done = button("Done", () => stopEditing(view), "rp-entry__done");
  done.setAttribute("aria-describedby", question.id);
  node.querySelector(".rp-entry__answer").hidden = true;
  node.querySelector(".rp-entry__edit").hidden = true;
  node.append(area, done);
  view.editing = { node, key, area };
  area.focus();
}

function stopEditing(view) {
  const { node, key, area } = view.editing;
  view.editing = null;
  if (!area.value.trim()) {
    if (window.confirm("Delete this answer? This cannot be undone.")) {
      store.set("answers", key, undefined);
      store.saveNow();
      return;
    }
  }
  store.saveNow();
  area.nextElementSibling?.remove();
  area.remove();
  node.querySelector(".rp-entry__answer").hidden = false;
  const edit = node.querySelector(".rp-entry__edit");
  edit.hidden = false;
  showAnswer(node, store.journal.answers.get(key));
  edit.focus();
}

// After a rebuild (another tab, an import), the open editor comes back with its text.
export function reopen(view, { key, area }) {
  const found = view.entries.find((item) => item.key === key);
  if (found) startEditing(view, found.node, key, area.value);
}
