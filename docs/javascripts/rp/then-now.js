// Week 1 and now, on the finish page and in a track's last week: each week-1 answer beside
// the participant's latest answer to the same question. Answered again, the new words
// become the answer (so the journal and week 1's page show them) and the week-1 words stay
// as `first`. Items are the build's `li[data-rp-then]`, hidden until there is an answer.
import { button, element } from "./dom.js";
import { store } from "./store.js";

const DAY = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });
export const day = (iso) => (iso ? DAY.format(new Date(iso)) : "");

/** Shows one item; `open`: the box for today's answer shows at once (else behind a button). */
export function showThenNow({ item, key }, { open = false } = {}) {
  const answer = store.journal.answers.get(key);
  item.hidden = !answer;
  if (!answer || item.querySelector(".rp-then-now__edit textarea")) return;
  item.querySelector(".rp-then-now__pair")?.remove();
  const then = answer.first ?? answer;
  const pair = element("div", { class: "rp-then-now__pair" });
  pair.append(side("Week 1", then.updated, then.text));
  if (answer.first) pair.append(side("Now", answer.updated, answer.text));
  else pair.append(again(item, key, open));
  item.append(pair);
}

function side(label, when, text) {
  const part = element("div", { class: "rp-then-now__side" });
  part.append(element("p", { class: "rp-meta" }, `${label}${when ? ` · ${day(when)}` : ""}`), element("p", { class: "rp-then-now__text" }, text));
  return part;
}

// Answer again: the new words become the answer, the week-1 words stay as `first`.
function again(item, key, open) {
  const part = element("div", { class: "rp-then-now__side rp-then-now__edit" });
  const question = item.querySelector(".rp-then-now__question");
  question.id ||= `rp-then-${key.replace(/[^\w-]/g, "-")}`;
  const edit = (focus) => {
    const area = element("textarea", { class: "rp-answer", rows: "3", "aria-labelledby": question.id, placeholder: "What would you write now?" });
    const save = button("Save today's answer", () => {
      const answer = store.journal.answers.get(key);
      if (!area.value.trim() || !answer) return;
      const first = answer.first ?? { text: answer.text, ...(answer.updated && { updated: answer.updated }) };
      part.remove(); // the pair is shown afresh, with both answers
      store.set("answers", key, { ...answer, first, text: area.value, updated: new Date().toISOString() });
      store.saveNow();
    });
    part.replaceChildren(element("p", { class: "rp-meta" }, "Now"), area, save);
    if (focus) area.focus();
  };
  if (open) edit(false);
  else part.append(element("p", { class: "rp-meta" }, "Now"), element("p", {}, "What would you write today?"), button("Answer it again", () => edit(true)));
  return part;
}
