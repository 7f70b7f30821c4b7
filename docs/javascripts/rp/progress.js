// Progress from the build's track data and the journal: pure, unit-tested, shared by the
// views (track-views.js), the journal and check-ins. A week is complete when all its
// readings are read and one of its questions is answered; started when anything is.

/** -> {read, readings, answered, questions, started, complete}: a stable shape, shared. */
export function weekStatus(week, journal) {
  const read = week.readings.filter((reading) => journal.read.has(reading.slug)).length;
  const answered = week.questions.filter((key) => journal.answers.has(key)).length;
  const readings = week.readings.length;
  const questions = week.questions.length;
  const complete = read === readings && (answered > 0 || questions === 0);
  return { read, readings, answered, questions, started: read + answered > 0, complete };
}

export const plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** "Not started", "1 of 2 read · 2 answered", "Complete". */
export function describeWeek(status) {
  if (status.complete) return "Complete";
  if (!status.started) return "Not started";
  return `${status.read} of ${status.readings} read · ${status.answered} answered`;
}

/** What a week still needs to be complete, e.g. "mark 1 more reading as read and answer
 * one question"; "" when it is complete. */
export function weekTodo(status) {
  const parts = [readingsTodo(status)].filter(Boolean);
  if (!status.answered && status.questions) parts.push("answer one question");
  return parts.join(" and ");
}

function readingsTodo({ read, readings }) {
  const unread = readings - read;
  if (!unread) return "";
  if (!read) return readings === 1 ? "mark its reading as read" : `mark its ${readings} readings as read`;
  return `mark ${plural(unread, "more reading")} as read`;
}

/** Weeks, totals, `next` (first incomplete week, its first unread reading or null),
 * `current` (that week's index, or the last week once all are complete). The bar's steps:
 * each reading and a week's first answer (full when all weeks are complete). */
export function trackStatus(track, journal) {
  const weeks = track.weeks.map((week) => weekStatus(week, journal));
  const totals = { done: 0, read: 0, readings: 0, answered: 0, questions: 0, steps: 0, stepsDone: 0 };
  for (const status of weeks) {
    for (const key of ["read", "readings", "answered", "questions"]) totals[key] += status[key];
    totals.done += status.complete;
    totals.steps += status.readings + (status.questions > 0);
    totals.stepsDone += status.read + (status.answered > 0);
  }
  const index = weeks.findIndex((status) => !status.complete);
  const week = track.weeks[index];
  const next = week ? { week, reading: week.readings.find((item) => !journal.read.has(item.slug)) ?? null } : null;
  const current = index === -1 ? track.weeks.length - 1 : index;
  return { weeks, ...totals, started: weeks.some((status) => status.started), complete: index === -1, current, next };
}

/** "2 of 6 weeks complete · 5 of 12 readings read": weeks and readings, not the
 * questions (one answer a week is enough). */
export const describeTrack = (track, status) =>
  `${status.done} of ${plural(track.weeks.length, "week")} complete · ${status.read} of ${plural(status.readings, "reading")} read`;
