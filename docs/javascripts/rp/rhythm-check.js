// A rhythm as stored in the journal (journal.tracks.<id>.rhythm: rhythm.js), checked like
// every entry on load and import (validate.js).
const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const ZONE = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/** A rhythm's fields when they are sound, else null: `start` a real day, `day` a weekday or
 * "" (the week's first day), `time` hh:mm, `zone` an IANA time zone's name. */
export function readRhythm(value) {
  if (!isRecord(value)) return null;
  const { start, day = "", time, zone } = value;
  const [year, month, date] = typeof start === "string" && /^\d{4}-\d\d-\d\d$/.test(start) ? start.split("-").map(Number) : [];
  const real = year > 1900 && new Date(Date.UTC(year, month - 1, date)).toISOString().startsWith(start);
  const clock = typeof time === "string" && /^([01]\d|2[0-3]):[0-5]\d$/.test(time);
  if (!real || !clock || !(day === "" || WEEKDAYS.includes(day)) || typeof zone !== "string" || !ZONE.test(zone)) return null;
  return { start, day, time, zone };
}
