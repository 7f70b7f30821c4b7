// Reading progress from the build's track data (each week's readings and question keys)
// and the journal: the maths (pure, unit-tested) and the views that show it, each week's
// status and the bar on the track page, and Start or Continue on the home and track pages.
//
// A week is complete when all its readings are marked read and at least one of its
// questions is answered; it is started when anything in it is read or answered.
import { element, readIsland } from "./dom.js";
import { store } from "./store.js";

/** One week: {read, readings, answered, questions, started, complete}. A stable shape:
 * other modules (sharing progress) read it. */
export function weekStatus(week, journal) {
  const read = week.readings.filter((reading) => journal.read.has(reading.slug)).length;
  const answered = week.questions.filter((key) => journal.answers.has(key)).length;
  const readings = week.readings.length;
  const questions = week.questions.length;
  const complete = read === readings && (answered > 0 || questions === 0);
  return { read, readings, answered, questions, started: read + answered > 0, complete };
}

const plural = (count, one, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function describeWeek(status) {
  if (!status.started) return "not started";
  const counts = `${status.read} of ${status.readings} read · ${status.answered} of ${status.questions} answered`;
  return status.complete ? `complete · ${counts}` : counts;
}

/** Steps towards a week's completion: each reading, and a first answer. The track's bar
 * counts these, so it moves with every reading and with each week's first answer, and is
 * full exactly when every week is complete. */
export function weekSteps(status) {
  const answeredStep = status.questions ? 1 : 0;
  return { done: status.read + Math.min(status.answered, answeredStep), total: status.readings + answeredStep };
}

/** Each week's status, the totals, and where to go on: the first unread reading of the
 * first incomplete week, else that week's questions; `next` is null when all are done. */
export function trackStatus(track, journal) {
  const weeks = track.weeks.map((week) => weekStatus(week, journal));
  const sum = (pick) => weeks.reduce((total, status) => total + pick(status), 0);
  const totals = {
    done: weeks.filter((status) => status.complete).length,
    read: sum((status) => status.read),
    readings: sum((status) => status.readings),
    answered: sum((status) => status.answered),
    questions: sum((status) => status.questions),
    steps: sum((status) => weekSteps(status).total),
    stepsDone: sum((status) => weekSteps(status).done),
    started: weeks.some((status) => status.started),
  };
  const index = weeks.findIndex((status) => !status.complete);
  if (index < 0) return { weeks, ...totals, next: null };
  const week = track.weeks[index];
  const reading = week.readings.find((item) => !journal.read.has(item.slug)) ?? null;
  return { weeks, ...totals, next: { week, reading } };
}

export function describeTrack(track, status) {
  return [
    `${status.done} of ${plural(track.weeks.length, "week")} complete`,
    `${status.read} of ${plural(status.readings, "reading")} read`,
    `${status.answered} of ${plural(status.questions, "question")} answered`,
  ].join(" · ");
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
  // Start before anything is done, Continue after: never both.
  for (const start of ofTrack(".rp-start-link", track)) start.hidden = status.started;
  for (const slot of ofTrack(".rp-continue", track)) showContinue(slot, track, status);
}

function showContinue(slot, track, status) {
  slot.textContent = "";
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
