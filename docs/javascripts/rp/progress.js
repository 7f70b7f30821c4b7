// Reading progress from the build's track data (each week's readings and question keys)
// and the journal: the maths (pure, unit-tested) and the views that show it, each week's
// status and the bar on the track page, and "Continue" on the home and track pages.
import { element, readIsland } from "./dom.js";
import { store } from "./store.js";

export function weekStatus(week, journal) {
  const read = week.readings.filter((reading) => journal.read.has(reading.slug)).length;
  const answers = week.questions.filter((key) => journal.answers.has(key)).length;
  const complete = read === week.readings.length && answers === week.questions.length;
  return { read, answers, complete, started: read + answers > 0 };
}

export function describeWeek(week, status) {
  if (status.complete) return "complete";
  if (!status.started) return "not started";
  return `${status.read} of ${week.readings.length} read, ${status.answers} of ${week.questions.length} answered`;
}

/** Each week's status, the number complete, and where to go on: the first unread reading
 * of the first incomplete week, else its questions; `next` is null when all are done. */
export function trackStatus(track, journal) {
  const weeks = track.weeks.map((week) => weekStatus(week, journal));
  const done = weeks.filter((status) => status.complete).length;
  const index = weeks.findIndex((status) => !status.complete);
  if (index < 0) return { weeks, done, next: null };
  const week = track.weeks[index];
  const reading = week.readings.find((item) => !journal.read.has(item.slug)) ?? null;
  return { weeks, done, next: { week, reading } };
}

export function enhance({ signal }) {
  store.open();
  const tracks = [...document.querySelectorAll(".rp-track-data")].map(readIsland).filter(Boolean);
  const show = () => tracks.forEach(showTrack);
  store.listen(show, signal);
  show();
}

const ofTrack = (selector, track) =>
  [...document.querySelectorAll(selector)].filter((node) => node.dataset.rpTrack === track.id);

function showTrack(track) {
  const status = trackStatus(track, store.journal);
  for (const cell of document.querySelectorAll(".rp-week-progress")) {
    const index = Number(cell.dataset.rpWeek) - 1;
    if (track.weeks[index]) cell.textContent = describeWeek(track.weeks[index], status.weeks[index]);
  }
  for (const bar of ofTrack(".rp-track-progress", track)) {
    bar.querySelector("progress").value = status.done;
    bar.querySelector(".rp-track-progress__text").textContent = `${status.done} of ${track.weeks.length} weeks complete`;
    bar.hidden = false;
  }
  for (const slot of ofTrack(".rp-continue", track)) showContinue(slot, track, status.next);
}

function showContinue(slot, track, next) {
  slot.textContent = "";
  slot.hidden = false;
  if (!next) {
    slot.textContent = `You have completed ${track.title}.`;
    return;
  }
  const { week, reading } = next;
  const link = reading
    ? element("a", { href: reading.url }, reading.title)
    : element("a", { href: `${week.url}#reflect` }, "answer this week's questions");
  slot.append(element("strong", {}, "Continue: "), `Week ${week.number}, `, link);
}
