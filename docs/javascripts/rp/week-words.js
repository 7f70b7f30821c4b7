// A participant's own words back on a week's page (loaded by track-state.js once there is
// a journal): from week 2 on, *Last week you wrote* (earlier-answer.js picks which); in the
// last week, each week-1 answer beside a box for today's (then-now.js). Private, from the
// journal; nothing shows, not even a heading, when there is nothing to bring back.
import { element } from "./dom.js";
import { earlierAnswer } from "./earlier-answer.js";
import { store } from "./store.js";
import { styled } from "./stylesheet.js";
import { showThenNow } from "./then-now.js";

export function show(track, signal) {
  const slot = document.querySelector(".rp-last-week");
  const compare = document.querySelector(".rp-now-again");
  const items = [...(compare?.querySelectorAll("li[data-rp-then]") ?? [])].map((item) => ({ item, key: item.dataset.rpThen }));
  const update = (change) => {
    if (change?.type === "saved" || (change?.type === "set" && change.section !== "answers")) return;
    if (slot) lastWeek(slot, track);
    if (compare) nowAgain(compare, items);
  };
  store.listen(update, signal);
  update();
}

// Typing on this page changes this week's answers, not an earlier week's: the card is
// redrawn only when what it shows changed.
function lastWeek(slot, track) {
  const number = Number(slot.dataset.rpWeek);
  const found = earlierAnswer(track, number, store.journal.answers);
  const shown = found && `${found.key}\n${found.text}`;
  if (slot.dataset.rpShown === (shown || "")) return;
  slot.dataset.rpShown = shown || "";
  slot.replaceChildren();
  slot.hidden = true;
  if (!found) return;
  const heading = found.week.number === number - 1 ? "Last week you wrote" : `In week ${found.week.number} you wrote`;
  const card = element("section", { class: "rp-last-week__card", "aria-labelledby": "rp-last-week-title" });
  const link = element("a", { href: found.href }, `Continue the thought in week ${found.week.number}`);
  card.append(
    element("h2", { class: "rp-last-week__title", id: "rp-last-week-title" }, heading),
    element("p", { class: "rp-last-week__question" }, found.question),
    element("blockquote", { class: "rp-last-week__text" }, found.text),
    element("p", { class: "rp-last-week__more" }),
  );
  card.lastChild.append(link);
  slot.append(card);
  styled(slot.dataset.rpCss).then(() => (slot.hidden = !slot.childElementCount));
}

function nowAgain(compare, items) {
  items.forEach((item) => showThenNow(item, { open: true }));
  const any = items.some(({ item }) => !item.hidden);
  if (!any) return void (compare.hidden = true);
  styled(compare.dataset.rpCss).then(() => (compare.hidden = !items.some(({ item }) => !item.hidden)));
}
