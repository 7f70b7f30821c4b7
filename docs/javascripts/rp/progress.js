// Progress from the build's track data and the journal (pure, unit-tested), and its views:
// each week's status, the track's bar, Start or Continue. A week is complete when all its
// readings are read and one of its questions is answered; started when anything is.
import { element, readIsland } from "./dom.js";
import { store } from "./store.js";

/** -> {read, readings, answered, questions, started, complete}: a stable shape, shared. */
export function weekStatus(week, journal) {
  const read = week.readings.filter((reading) => journal.read.has(reading.slug)).length;
  const answered = week.questions.filter((key) => journal.answers.has(key)).length;
  const readings = week.readings.length;
  const questions = week.questions.length;
  const complete = read === readings && (answered > 0 || questions === 0);
  return { read, readings, answered, questions, started: read + answered > 0, complete };
}

const plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;

export function describeWeek(status) {
  const counts = `${status.read} of ${status.readings} read · ${status.answered} of ${status.questions} answered`;
  return status.started ? (status.complete ? "complete · " : "") + counts : "not started";
}

/** Weeks, totals, `next` (first incomplete week, its first unread reading or null). The
 * bar's steps: each reading and a week's first answer (full when all weeks are complete). */
export function trackStatus(track, journal) {
  const weeks = track.weeks.map((week) => weekStatus(week, journal));
  const totals = { done: 0, read: 0, readings: 0, answered: 0, questions: 0, steps: 0, stepsDone: 0 };
  for (const status of weeks) {
    for (const key of ["read", "readings", "answered", "questions"]) totals[key] += status[key];
    totals.done += status.complete;
    totals.steps += status.readings + (status.questions > 0);
    totals.stepsDone += status.read + (status.answered > 0);
  }
  const week = track.weeks[weeks.findIndex((status) => !status.complete)];
  const next = week ? { week, reading: week.readings.find((item) => !journal.read.has(item.slug)) ?? null } : null;
  return { weeks, ...totals, started: weeks.some((status) => status.started), next };
}

export const describeTrack = (track, status) =>
  `${status.done} of ${plural(track.weeks.length, "week")} complete · ${status.read} of ${plural(status.readings, "reading")} read · ${status.answered} of ${plural(status.questions, "question")} answered`;

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
  for (const cell of ofTrack(".rp-week-progress", track)) {
    const index = Number(cell.dataset.rpWeek) - 1;
    if (!status.weeks[index]) continue;
    cell.textContent = describeWeek(status.weeks[index]);
    cell.classList.toggle("rp-week-progress--complete", status.weeks[index].complete);
  }
  for (const bar of ofTrack(".rp-track-progress", track)) {
    const meter = bar.querySelector("progress");
    meter.max = status.steps;
    meter.value = status.stepsDone;
    bar.querySelector(".rp-track-progress__text").textContent = describeTrack(track, status);
    bar.hidden = false;
  }
  for (const start of ofTrack(".rp-start-link", track)) start.hidden = status.started;
  for (const slot of ofTrack(".rp-continue", track)) showContinue(slot, track, status);
}

function showContinue(slot, track, status) {
  slot.textContent = "";
  slot.dataset.rpReady = "yes";
  slot.hidden = !status.started;
  if (!status.started) return;
  if (!status.next) {
    slot.textContent = `You have completed ${track.title}: every week is complete.`;
    return;
  }
  const { week, reading } = status.next;
  const link = reading
    ? element("a", { href: reading.url }, reading.title)
    : element("a", { href: `${week.url}#reflect` }, `answer one of its ${plural(week.questions.length, "question")}`);
  slot.append(element("strong", {}, "Continue: "), `Week ${week.number}, `, link);
}
