// A rhythm of one's own: a participant without a team sets the first day of week 1 (and a
// weekday and time for a reminder) for a track, kept in the journal beside the track
// followed (journal.tracks.<id>.rhythm, checked by validate.js). Its weeks are the ones a
// team's plan has (plan.js, held to Python's schedule), its calendar file the plan's with a
// reminder on each week. Pure functions, no DOM.
import { weekdayOf } from "./dates.js";
import { planCalendar, planWeeks } from "./plan.js";

const LONG_DAY = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });

/** "Monday 18 January". */
export const longDay = (iso) => LONG_DAY.format(new Date(`${iso}T00:00:00Z`));

export const rhythmOf = (journal, trackId) => journal.tracks.get(trackId)?.rhythm ?? null;

/** The rhythm as a plan for plan.js: the reminder on its weekday, or on each week's first
 * day; `data` is the track's plan data (its weekday names). */
export function rhythmPlan(rhythm, data) {
  const day = rhythm.day || data.weekdays[weekdayOf(rhythm.start)];
  return { team: "", start: rhythm.start, day, time: rhythm.time, timezone: rhythm.zone, lead: "", note: "", skip: "" };
}

/** Each week with the day it opens (`starts`) and its last day (`ends`). */
export const rhythmWeeks = (track, rhythm) => planWeeks(track, { start: rhythm.start }, { weekdays: [] }).weeks;

/** Today as "YYYY-MM-DD" in `zone`; in the browser's own zone when it does not know that one. */
export function todayIn(zone, now = new Date()) {
  let parts;
  try {
    parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  } catch {
    parts = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  }
  const part = (type) => parts.find((item) => item.type === type).value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The index of the week open on `day`: the last one that has opened; -1 before week 1. */
export const openIndex = (weeks, day) => weeks.filter((week) => week.starts <= day).length - 1;

/** Where *Continue* leads on the calendar, for a track not yet complete (`status`:
 * progress.js's trackStatus): {index} of the week open now, or of an earlier week still
 * incomplete once the open one is complete, never a week not yet open; {index: 0, opens}
 * before week 1 opens; {upToDate: index, opens} when every open week is complete (`opens`:
 * the day the next week opens, or null after the last). */
export function calendarNext(status, weeks, day) {
  const open = openIndex(weeks, day);
  if (open < 0) return { index: 0, opens: weeks[0].starts };
  if (!status.weeks[open].complete) return { index: open };
  const behind = status.weeks.slice(0, open).findIndex((week) => !week.complete);
  if (behind >= 0) return { index: behind };
  return { upToDate: open, opens: weeks[open + 1]?.starts ?? null };
}

/** "Week 2 opens Monday 18 January", "Week 1 opened Monday 11 January". */
export function opensText(week, day) {
  return `Week ${week.number} ${week.starts <= day ? "opened" : "opens"} ${longDay(week.starts)}`;
}

/** The calendar file *Add to my calendar* downloads: one event a week at the reminder's day
 * and time in the rhythm's zone, each with its alarm; `track`'s week URLs absolute. */
export function rhythmCalendar(data, track, rhythm, base, now = new Date()) {
  const plan = rhythmPlan(rhythm, data);
  const { weeks } = planWeeks(track, plan, data);
  return planCalendar(data, track, plan, weeks, base, now, { reminders: true, id: `own-${track.id}`, name: data.own_calendar_name });
}
