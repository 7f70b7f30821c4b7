// iCalendar (RFC 5545) files made in the browser: events at a local time in a named zone
// (TZID, with the VTIMEZONE that defines it, worked out from the browser's own time zone
// data), or all-day; each with its revision (SEQUENCE, DTSTAMP, LAST-MODIFIED), so a file
// downloaded again updates the events it downloaded before. Pure functions, no DOM.
// Shared by the plan form (rp/plan.js); an event may carry `alarms` for reminders.

/** Escape a TEXT value: backslash, semicolon, comma, and line breaks as \n. */
export const escapeText = (value) => value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");

const MAX_OCTETS = 75;

const octets = (codePoint) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** Lines of at most 75 octets of UTF-8, each continuation starting with one space (which
 * counts); a character is never split, so an emoji survives unfolding. */
export function foldLine(line) {
  const parts = [];
  let part = "";
  let size = 0;
  for (const character of line) {
    const length = octets(character.codePointAt(0));
    if (size + length > MAX_OCTETS) {
      parts.push(part);
      part = " ";
      size = 1;
    }
    part += character;
    size += length;
  }
  parts.push(part);
  return parts;
}

const calendarText = (lines) => `${lines.flatMap(foldLine).join("\r\n")}\r\n`;

const MINUTE = 60000;
const DAY = 1440 * MINUTE;
const pad = (n, width = 2) => String(n).padStart(width, "0");
const compactDay = (iso) => iso.replace(/-/g, "");

/** "20261207T093000" for a UTC time in milliseconds, shifted by `offset` minutes. */
function wallClock(ms, offset = 0) {
  const date = new Date(ms + offset * MINUTE);
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
}

export const utcStamp = (date) => `${wallClock(date.getTime())}Z`;

/** Whether the browser's time zone data knows `zone`, so times in it can be worked out. */
export function knownZone(zone) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map();

/** Minutes the zone is ahead of UTC at `ms` (Intl's tz data, as the browser has it). */
function offsetAt(zone, ms) {
  if (!formatters.has(zone)) {
    const options = { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" };
    formatters.set(zone, new Intl.DateTimeFormat("en-US", options));
  }
  const parts = Object.fromEntries(formatters.get(zone).formatToParts(new Date(ms)).map((part) => [part.type, Number(part.value)]));
  const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((local - Math.floor(ms / 1000) * 1000) / MINUTE);
}

const utcOffset = (minutes) => `${minutes < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;

/** The instants the zone's offset changes in [from, to), to the minute. */
function transitions(zone, from, to) {
  const found = [];
  let before = offsetAt(zone, from);
  for (let day = from + DAY; day < to + DAY; day += DAY) {
    const after = offsetAt(zone, day);
    if (after === before) continue;
    let [low, high] = [day - DAY, day]; // the change lies in (low, high]
    while (high - low > MINUTE) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
      if (offsetAt(zone, middle) === before) low = middle;
      else high = middle;
    }
    if (high < to) found.push({ at: high, from: before, to: after });
    before = after;
  }
  return found;
}

/** VTIMEZONE lines for `zone` over the years `firstYear` to `lastYear`: the offset in force
 * on 1 January of the first, then each change, its DTSTART the wall clock before it. The
 * larger offset of a year is its daylight time. */
function timezoneLines(zone, firstYear, lastYear) {
  const from = Date.UTC(firstYear, 0, 1);
  const to = Date.UTC(lastYear + 1, 0, 1);
  const initial = offsetAt(zone, from);
  const changes = transitions(zone, from, to);
  const standard = Math.min(initial, ...changes.map((change) => change.to));
  const observance = (start, fromOffset, toOffset) => {
    const kind = toOffset > standard ? "DAYLIGHT" : "STANDARD";
    return [`BEGIN:${kind}`, `DTSTART:${start}`, `TZOFFSETFROM:${utcOffset(fromOffset)}`, `TZOFFSETTO:${utcOffset(toOffset)}`, `END:${kind}`];
  };
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${zone}`,
    ...observance(`${firstYear}0101T000000`, initial, initial),
    ...changes.flatMap((change) => observance(wallClock(change.at, change.from), change.from, change.to)),
    "END:VTIMEZONE",
  ];
}

const isUtc = (zone) => ["UTC", "Etc/UTC", "Etc/GMT", "GMT"].includes(zone);

/** The instant (ms) of a wall-clock time ("2027-03-04", "14:00") in `zone`. */
function instantOf(day, time, zone) {
  const [year, month, date] = day.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  let instant = wall - offsetAt(zone, wall) * MINUTE;
  instant = wall - offsetAt(zone, instant) * MINUTE; // the offset in force at that instant
  return instant;
}

function dateTime(name, day, time, minutes, zone) {
  const instant = instantOf(day, time, zone) + minutes * MINUTE;
  if (isUtc(zone)) return `${name}:${wallClock(instant)}Z`;
  return `${name};TZID=${zone}:${wallClock(instant, offsetAt(zone, instant))}`;
}

const nextDay = (iso) => new Date(Date.UTC(...iso.split("-").map((n, i) => Number(n) - (i === 1 ? 1 : 0))) + DAY).toISOString().slice(0, 10);

/** An event's lines: `start` {day, time} in `zone` (`minutes` long), or an all-day `day`. */
function eventLines(event, zone) {
  const timed = Boolean(event.start);
  return [
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${event.stamp}`,
    `LAST-MODIFIED:${event.stamp}`,
    `SEQUENCE:${event.sequence}`,
    ...(timed
      ? [dateTime("DTSTART", event.start.day, event.start.time, 0, zone), dateTime("DTEND", event.start.day, event.start.time, event.minutes, zone)]
      : [`DTSTART;VALUE=DATE:${compactDay(event.day)}`, `DTEND;VALUE=DATE:${compactDay(nextDay(event.day))}`, "TRANSP:TRANSPARENT"]),
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(event.url ? [`URL:${event.url}`] : []),
    ...(event.alarms ?? []).flatMap((alarm) => ["BEGIN:VALARM", "ACTION:DISPLAY", `TRIGGER:${alarm.trigger}`, `DESCRIPTION:${escapeText(alarm.description)}`, "END:VALARM"]),
    "END:VEVENT",
  ];
}

/** A calendar file: {name, zone, events: [{uid, sequence, stamp, start | day, minutes,
 * summary, description, url, alarms}]}, timed events at wall-clock times in `zone`. */
export function calendarFile({ name, zone, events, prodid = "-//Reading Program//Plan//EN" }) {
  const years = events.map((event) => Number((event.start?.day ?? event.day).slice(0, 4)));
  const timed = events.some((event) => event.start) && !isUtc(zone);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${prodid}`,
    `NAME:${escapeText(name)}`,
    `X-WR-CALNAME:${escapeText(name)}`,
    ...(timed ? [`X-WR-TIMEZONE:${zone}`, ...timezoneLines(zone, Math.min(...years), Math.max(...years))] : []),
    ...events.flatMap((event) => eventLines(event, zone)),
    "END:VCALENDAR",
  ];
  return calendarText(lines);
}
