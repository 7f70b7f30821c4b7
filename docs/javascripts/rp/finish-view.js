// A track's finish page, once there is a journal (finish.js): where the participant is
// (done, or how far), each week-1 answer beside their latest answer to the same question
// (answered again here, the week-1 answer kept as `first`: then-now.js).
import { element } from "./dom.js";
import { plural, trackStatus } from "./progress.js";
import { loadData } from "./site-data.js";
import { store } from "./store.js";
import { day, showThenNow } from "./then-now.js";

export async function show(holder, signal) {
  store.open();
  const src = holder.dataset.rpJournal;
  const [data, { tracksOf }] = await Promise.all([loadData(src), import("./journal-entries.js")]);
  const track = data && tracksOf(data).tracks.find((item) => item.id === holder.dataset.rpTrack);
  if (!track || signal.aborted) return;
  const items = [...document.querySelectorAll(".rp-then-now li[data-rp-then]")].map((item) => ({ item, key: item.dataset.rpThen }));
  const show = (change) => {
    if (change?.type === "saved") return;
    showStatus(holder, track, new URL(src, window.location.href));
    items.forEach((item) => showThenNow(item));
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
