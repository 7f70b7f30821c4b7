// A team's plan for a track, from the build's data (tracks/<id>/plan.json): the messages
// and calendar texts are written by Python with slots for the team, dates, meeting, lead
// and note, which are filled here; dates are worked out here as the cohort planner does
// (README: "For team leads"). Pure functions, no DOM.
import { addDays } from "./dates.js";
import { calendarText, escapeText } from "./ical.js";

const ISO_DAY = /^\d{4}-\d\d-\d\d$/;
const parts = (iso) => iso.split("-").map(Number);
function weekday(iso) {
  const [year, month, day] = parts(iso);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7; // Monday is 0
}

/** "Thu 14 Jan", as the cohort pages write a day. */
export function dayText(iso, data) {
  const [, month, day] = parts(iso);
  return `${data.weekdays[weekday(iso)]} ${day} ${data.months[month - 1]}`;
}

/** "Mon 11 Jan – Sun 17 Jan 2027"; both years across New Year. */
export function longRange(first, last, data) {
  const [year] = parts(first);
  const [lastYear] = parts(last);
  return `${dayText(first, data)}${year !== lastYear ? ` ${year}` : ""} – ${dayText(last, data)} ${lastYear}`;
}

/** "Jan 11–17", "Jan 29–Feb 4". */
export function shortRange(first, last, data) {
  const [, month, day] = parts(first);
  const [, lastMonth, lastDay] = parts(last);
  const end = month === lastMonth ? lastDay : `${data.months[lastMonth - 1]} ${lastDay}`;
  return `${data.months[month - 1]} ${day}–${end}`;
}

export const meetingText = (meeting, plan, data) => `${dayText(meeting.day, data)}, ${meeting.time} (${plan.timezone || "UTC"})`;

export const skipDays = (plan) => (plan.skip ?? "").split(",").filter((day) => ISO_DAY.test(day));

/** Reading weeks from `plan.start`: a week holding a skip day is a break (listed in
 * `breaks`) and later weeks move back; the meeting is on `plan.day` within each week. */
export function planWeeks(track, plan, data) {
  const skipped = skipDays(plan);
  const day = data.weekdays.indexOf(plan.day);
  const time = /^\d\d:\d\d$/.test(plan.time) ? plan.time : "09:30";
  const weeks = [];
  const breaks = [];
  for (let starts = plan.start; weeks.length < track.weeks.length; starts = addDays(starts, 7)) {
    const ends = addDays(starts, 6);
    if (skipped.some((skip) => starts <= skip && skip <= ends)) {
      breaks.push({ starts, ends, before: weeks.length + 1 });
      continue;
    }
    const meeting = day < 0 ? null : { day: addDays(starts, (day - weekday(starts) + 7) % 7), time };
    weeks.push({ ...track.weeks[weeks.length], starts, ends, meeting });
  }
  return { weeks, breaks };
}

function fill(text, values) {
  return text.replace(/\uE000(\w+)\uE001/g, (match, name) => values[name] ?? match);
}

function slots(plan, week, data, base) {
  return {
    team: plan.team,
    lead: plan.lead,
    note: plan.note,
    base: base.replace(/\/$/, ""),
    dates: longRange(week.starts, week.ends, data),
    short_dates: shortRange(week.starts, week.ends, data),
    meeting: week.meeting ? meetingText(week.meeting, plan, data) : "",
    meeting_day: week.meeting ? data.weekday_names[weekday(week.meeting.day)] : "",
  };
}

/** The week's message, as the cohort page would write it; `base` is the site's address. */
export function planMessage(data, plan, week, base) {
  const text = data.weeks[week.number - 1];
  const variant = (week.meeting ? 1 : 0) | (plan.lead ? 2 : 0) | (plan.note ? 4 : 0);
  const lines = text.body.filter(([, mask]) => mask & (1 << variant)).map(([line]) => line);
  const values = slots(plan, week, data, base);
  // A subject is one header line, its spaces collapsed (as Python does).
  return { subject: fill(text.subject, values).trim().split(/\s+/).join(" "), body: fill(lines.join("\n"), values) };
}

/** An iCalendar file with one event a week: at the meeting (floating local time, for the
 * team's own zone), or all day on the week's first day; texts as in a cohort's feed. */
export function planCalendar(data, track, plan, weeks, base) {
  const compact = (iso) => iso.replace(/-/g, "");
  const values = { team: plan.team, base: base.replace(/\/$/, "") };
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Reading Program//Plan//EN", `X-WR-CALNAME:${escapeText(fill(data.calendar_name, values))}`];
  for (const week of weeks) {
    const text = data.weeks[week.number - 1];
    const { meeting } = week;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${track.id}-${compact(plan.start)}-${encodeURIComponent(plan.team)}-week-${week.number}@reading-program`,
      `DTSTAMP:${compact(plan.start)}T000000Z`,
      meeting ? `DTSTART:${compact(meeting.day)}T${meeting.time.replace(":", "")}00` : `DTSTART;VALUE=DATE:${compact(week.starts)}`,
      meeting ? "DURATION:PT1H" : "DURATION:P1D",
      ...(meeting ? [] : ["TRANSP:TRANSPARENT"]),
      `SUMMARY:${escapeText(fill(text.summary, values))}`,
      `DESCRIPTION:${escapeText(fill(text.description, values))}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return calendarText(lines);
}
