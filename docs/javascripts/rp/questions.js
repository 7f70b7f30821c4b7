// Reflection questions: a text box under each, saved as the participant types.
import { element, headingText } from "./dom.js";
import { store } from "./store.js";

export function enhance({ signal }) {
  store.open();
  const items = [...document.querySelectorAll("li[data-rp-key]")].filter((item) => !item.querySelector("textarea"));
  items.forEach(addAnswerField);
  // A question can stand twice on a page, and another tab can change an answer.
  const show = () => items.forEach(showAnswer);
  store.listen(show, signal);
  show();
}

function addAnswerField(item) {
  const question = item.querySelector(".rp-question");
  const area = element("textarea", {
    class: "rp-answer",
    rows: "3",
    id: `${item.id}-answer`,
    "aria-labelledby": question.id,
    placeholder: "Your answer (saved in this browser only)",
  });
  area.addEventListener("input", () => {
    const key = item.dataset.rpKey;
    const saved = store.journal.answers.get(key);
    store.set("answers", key, area.value.trim() ? answerEntry(saved, area.value, question.textContent) : undefined);
    store.saveSoon();
  });
  item.append(area, element("div", { class: "rp-print-answer", "aria-hidden": "true" }));
}

// Fields of the saved answer this page does not set (a newer version's) stay as they were.
function answerEntry(saved, text, question) {
  const heading = document.querySelector("h1");
  const source = heading ? headingText(heading) : document.title;
  return { ...saved, text, question, source, updated: new Date().toISOString() };
}

function showAnswer(item) {
  const text = store.journal.answers.get(item.dataset.rpKey)?.text ?? "";
  const area = item.querySelector("textarea");
  // Blanks are not stored: do not empty a box of spaces under the cursor.
  if (area.value !== text && (text || area.value.trim())) area.value = text;
  item.classList.toggle("rp-answered", Boolean(text));
  item.querySelector(".rp-print-answer").textContent = text;
}
