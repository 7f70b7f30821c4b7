// A team's plan for a track, from the build's data (tracks/<id>/plan.json): the messages
// and calendar texts are written by Python with slots for the team, dates, meeting, lead,
// note and break, which are filled here; dates are worked out here as the cohort planner
// does (guides/team-leads.md). Pure functions, no DOM. tests/js/plan-cases.json, which
// Python writes, holds them to Python's schedule, dates, messages and calendar.
import { addDays, dayText } from "./dates.js";
import { calendarFile, utcStamp } from "./ical.js";

const ISO_DAY = /^\d{4}-\d\d-\d\d$/;
const parts = (iso) => iso.split("-").map(Number);
function weekday(iso) {
  const [year, month, day] = parts(iso);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7; // Monday is 0
}

export { dayText };

/** "Mon 11 Jan – Sun 17 Jan 2027"; both years across New Year. */
export function longRange(first, last, data) {
  const [year] = parts(first);
  const [lastYear] = parts(last);
  return `${dayText(first, data)}${year !== lastYear ? ` ${year}` : ""} – ${dayText(last, data)} ${lastYear}`;
}

/** "11–17 Jan", "29 Jan – 4 Feb". */
export function shortRange(first, last, data) {
  const [, month, day] = parts(first);
  const [, lastMonth, lastDay] = parts(last);
  const end = `${lastDay} ${data.months[lastMonth - 1]}`;
  return month === lastMonth ? `${day}–${end}` : `${day} ${data.months[month - 1]} – ${end}`;
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

/** "No reading next week: a break; week 4 starts Mon 8 Feb.", or "" when none follows. */
function breakNote(schedule, week, data) {
  const count = schedule.breaks.filter((pause) => pause.before === week.number + 1).length;
  const next = schedule.weeks.find((item) => item.number === week.number + 1);
  if (!count || !next) return "";
  const values = { reason: data.unnamed_break, number: next.number, day: dayText(next.starts, data), count };
  return data.break_notes[count === 1 ? "one" : "many"].replace(/\{(\w+)\}/g, (match, name) => values[name] ?? match);
}

function slots(plan, week, data, base, schedule) {
  return {
    team: plan.team,
    lead: plan.lead,
    note: plan.note,
    base: base.replace(/\/$/, ""),
    dates: longRange(week.starts, week.ends, data),
    short_dates: shortRange(week.starts, week.ends, data),
    meeting: week.meeting ? meetingText(week.meeting, plan, data) : "",
    meeting_day: week.meeting ? data.weekday_names[weekday(week.meeting.day)] : "",
    break_note: breakNote(schedule, week, data),
  };
}

/** The week's message, as the cohort page would write it; `base` is the site's address and
 * `schedule` planWeeks' result (the week before a break says so). */
export function planMessage(data, plan, week, base, schedule = { weeks: [week], breaks: [] }) {
  const text = data.weeks[week.number - 1];
  const values = slots(plan, week, data, base, schedule);
  const variant = (week.meeting ? 1 : 0) | (plan.lead ? 2 : 0) | (plan.note ? 4 : 0) | (values.break_note ? 8 : 0);
  const lines = text.body.filter(([, mask]) => mask & (1 << variant)).map(([line]) => line);
  // A subject is one header line, its spaces collapsed (as Python does).
  return { subject: fill(text.subject, values).trim().split(/\s+/).join(" "), body: fill(lines.join("\n"), values) };
}

/** A team's id as `reading-program assign` would make it: "Équipe Zürich" -> "equipe-zurich".
 * Python's slugs.slug_for answers tests/js/plan-cases.json's cases for it. */
export const teamId = (team) =>
  team
    .replaceAll("ß", "ss")
    .normalize("NFKD")
    .replace(/[\u0080-\uffff]/g, "") // what is not ASCII now goes, as in Python
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || encodeURIComponent(team);

const REVISIONS_FROM = Date.UTC(2020, 0, 1);

/** The plan as a calendar file: one event a week, at the meeting in the team's time zone
 * (as a cohort's feed has it), or all day on the week's first day; texts as in a cohort's
 * feed. Each download is a newer revision of the same events (same UID, a SEQUENCE that
 * grows with time, DTSTAMP now), so importing it again updates them. `reminders`: each
 * event with its alarm, as a cohort's download with reminders has it; `id` and `name`: a
 * participant's own weeks instead of a team's. */
export function planCalendar(data, track, plan, weeks, base, now = new Date(), { reminders = false, id = `plan-${track.id}-${teamId(plan.team)}`, name = data.calendar_name } = {}) {
  const values = { team: plan.team, base: base.replace(/\/$/, "") };
  const stamp = utcStamp(now);
  const sequence = Math.max(0, Math.floor((now.getTime() - REVISIONS_FROM) / 60000));
  const events = weeks.map((week) => {
    const text = data.weeks[week.number - 1];
    const summary = fill(text.summary, values);
    return {
      uid: `${id}-week-${week.number}@${data.uid_domain}`,
      sequence,
      stamp,
      ...(week.meeting ? { start: week.meeting, minutes: data.meeting_minutes } : { day: week.starts }),
      summary,
      description: fill(text.description, values),
      url: week.url, // absolute: the view resolves it against the page
      ...(reminders && { alarms: [{ trigger: data.reminders[week.meeting ? "timed" : "all_day"], description: summary }] }),
    };
  });
  return calendarFile({ name: fill(name, values), zone: plan.timezone || "UTC", events });
}
