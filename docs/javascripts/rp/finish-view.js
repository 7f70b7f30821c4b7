// A track's finish page, once there is a journal (finish.js): where the participant is
// (done, or how far), each week-1 answer beside their latest answer to the same question
// (answered again here, the week-1 answer kept as `first`).
import { button, element } from "./dom.js";
import { plural, trackStatus } from "./progress.js";
import { loadData } from "./site-data.js";
import { store } from "./store.js";

const DAY = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });
const day = (iso) => (iso ? DAY.format(new Date(iso)) : "");

export async function show(holder, signal) {
  store.open();
  const src = holder.dataset.rpProgram;
  const [data, { tracksOf }] = await Promise.all([loadData(src), import("./journal-entries.js")]);
  const track = data && tracksOf(data).tracks.find((item) => item.id === holder.dataset.rpTrack);
  if (!track || signal.aborted) return;
  const items = [...document.querySelectorAll(".rp-then-now li[data-rp-then]")].map((item) => ({ item, key: item.dataset.rpThen }));
  const show = (change) => {
    if (change?.type === "saved") return;
    showStatus(holder, track, new URL(src, window.location.href));
    items.forEach(showThenNow);
    document.querySelector(".rp-then-now__empty").hidden = items.some(({ item }) => !item.hidden);
    const history = [...document.querySelectorAll(".rp-compare")].map((slot) => store.journal.assessments.get(slot.dataset.rpAssessment));
    const none = document.querySelector(".rp-finish-change__none");
    if (none) none.hidden = history.some((result) => result?.before && result.retakes.length);
  };
  store.listen(show, signal);
  show();
}

function showStatus(holder, track, base) {
  const status = trackStatus(track, store.journal);
  const line = holder.querySelector(".rp-finish__status");
  line.textContent = "";
  if (status.complete) {
    const days = activity(track).sort();
    const span = days.length ? `, from ${day(days[0])} to ${day(days.at(-1))}` : "";
    line.append(element("strong", {}, `You completed all ${plural(track.weeks.length, "week")}${span}.`), " Here is what changed, and what you wrote.");
    return;
  }
  const week = track.weeks[status.current];
  const link = element("a", { href: new URL(status.started ? week.url : track.weeks[0].url, base).href });
  link.textContent = status.started ? `continue with week ${week.number}: ${week.title}` : `start with week 1: ${track.weeks[0].title}`;
  line.append(status.started ? `You have completed ${status.done} of ${plural(track.weeks.length, "week")}: ` : "You have not started this track yet: ", link, ". This page sums up the track once every week is complete.");
}

// When the participant read and answered in the track.
function activity(track) {
  const { read, answers } = store.journal;
  const slugs = track.weeks.flatMap((week) => week.readings.map((reading) => read.get(reading.slug)?.at));
  const keys = track.weeks.flatMap((week) => week.questions.map((key) => answers.get(key)?.updated));
  return [...slugs, ...keys].filter(Boolean);
}

function showThenNow({ item, key }) {
  const answer = store.journal.answers.get(key);
  item.hidden = !answer;
  if (!answer || item.querySelector(".rp-then-now__edit textarea")) return;
  item.querySelector(".rp-then-now__pair")?.remove();
  const then = answer.first ?? answer;
  const pair = element("div", { class: "rp-then-now__pair" });
  pair.append(side("Week 1", then.updated, then.text));
  if (answer.first) pair.append(side("Now", answer.updated, answer.text));
  else pair.append(again(item, key));
  item.append(pair);
}

function side(label, when, text) {
  const part = element("div", { class: "rp-then-now__side" });
  part.append(element("p", { class: "rp-meta" }, `${label}${when ? ` · ${day(when)}` : ""}`), element("p", { class: "rp-then-now__text" }, text));
  return part;
}

// Answer again: the new words become the answer, the week-1 words stay as `first`.
function again(item, key) {
  const part = element("div", { class: "rp-then-now__side rp-then-now__edit" });
  const question = item.querySelector(".rp-then-now__question");
  question.id ||= `rp-then-${key.replace(/[^\w-]/g, "-")}`;
  const open = button("Answer it again", () => {
    const area = element("textarea", { class: "rp-answer", rows: "3", "aria-labelledby": question.id, placeholder: "What would you write now?" });
    const save = button("Save", () => {
      const answer = store.journal.answers.get(key);
      if (!area.value.trim() || !answer) return;
      const first = answer.first ?? { text: answer.text, ...(answer.updated && { updated: answer.updated }) };
      part.remove(); // the pair is shown afresh, with both answers
      store.set("answers", key, { ...answer, first, text: area.value, updated: new Date().toISOString() });
      store.saveNow();
    });
    part.replaceChildren(element("p", { class: "rp-meta" }, "Now"), area, save);
    area.focus();
  });
  part.append(element("p", { class: "rp-meta" }, "Now"), element("p", {}, "What would you write today?"), open);
  return part;
}
