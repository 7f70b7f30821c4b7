// A team's plan for a track, worked out in the browser from the build's track data: dated
// weeks, the message for each week, and a calendar file. Pure functions, no DOM.
import { addDays } from "./dates.js";
import { calendarText, escapeText } from "./ical.js";

export const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Weeks from `plan.start`, with the meeting on `plan.day` (if any) within each week. */
export function planWeeks(track, plan) {
  return track.weeks.map((week, index) => {
    const starts = addDays(plan.start, 7 * index);
    let meeting = null;
    if (DAYS.includes(plan.day)) {
      const weekday = (new Date(`${starts}T12:00`).getDay() + 6) % 7; // Monday is 0
      const time = /^\d\d:\d\d$/.test(plan.time) ? plan.time : "09:30";
      meeting = `${addDays(starts, (DAYS.indexOf(plan.day) - weekday + 7) % 7)} ${time}`;
    }
    return { ...week, starts, ends: addDays(starts, 6), meeting };
  });
}

/** The message to send for a week; links are made absolute against `base`. */
export function planMessage(track, plan, week, base) {
  const link = (url) => new URL(url, base).href;
  const lines = [
    `Hello ${plan.team},`,
    "",
    `This is week ${week.number} of ${track.title}: ${week.title}.`,
    `Dates: ${week.starts} to ${week.ends}`,
  ];
  if (week.meeting) lines.push(`Meeting: ${week.meeting}`);
  lines.push("", `Readings (${week.minutes} min in all):`);
  for (const reading of week.readings) lines.push(`- ${reading.title} (${reading.minutes} min)`, `  ${link(reading.url)}`);
  lines.push("", "Questions to think about this week:", ...week.prompts.map((prompt) => `- ${prompt}`));
  lines.push("", "This week's page, with every reflection question:", link(week.url));
  const subject = `${plan.team} · ${track.title}, week ${week.number} (${week.starts}): ${week.title}`;
  return { subject, body: lines.join("\n") };
}

/** An iCalendar file with one event a week: the meeting, or the week's first day. */
export function planCalendar(track, plan, weeks, base) {
  const compact = (iso) => iso.replace(/-/g, "");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Reading Program//Plan//EN",
    `X-WR-CALNAME:${escapeText(`${plan.team} · ${track.title}`)}`,
  ];
  for (const week of weeks) {
    // Floating local times: the plan is made in the browser, for the team's own time zone.
    const [day, time] = week.meeting ? week.meeting.split(" ") : [week.starts, null];
    lines.push(
      "BEGIN:VEVENT",
      `UID:${track.id}-${compact(plan.start)}-${encodeURIComponent(plan.team)}-week-${week.number}@reading-program`,
      `DTSTAMP:${compact(plan.start)}T000000Z`,
      time ? `DTSTART:${compact(day)}T${time.replace(":", "")}00` : `DTSTART;VALUE=DATE:${compact(day)}`,
      time ? "DURATION:PT1H" : "DURATION:P1D",
      `SUMMARY:${escapeText(`Week ${week.number}: ${week.title} — ${track.title}`)}`,
      `DESCRIPTION:${escapeText(planMessage(track, plan, week, base).body)}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return calendarText(lines);
}
