// Progress check-ins (pure): what a participant sends their team lead, in words and as a
// code, and what the lead's page reads back. Never an answer nor a question: a name, a track,
// the team (cohort) when known, a day and, per week, a status and two counts. The format:
// guides/team-leads.md, "While the track runs". Code v1: "RPC1" + base32 (RFC 4648, no padding) of: day (2 bytes,
// since 2020-01-01), track id and name (a length byte each, then UTF-8), weeks (1), per week
// status << 6 | read and answers (1 each), FNV-1a of the version and all before it (4).
// Code v2 (when the participant came from a cohort's page): the cohort's id after the track
// id, as they are. The checksum catches truncated, mistyped and edited codes; not forgery:
// anyone can write any check-in. Codes of both versions are read.

export const NAME_MAX = 80;
export const STATUS = ["not started", "started", "done"]; // index = status in a code
const VERSIONS = [1, 2]; // 2 names a cohort
const CODE = /\bRPC(\d)([A-Z2-7]+)/gi;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const EPOCH = Date.UTC(2020, 0, 1);
const DAY_MS = 86400000;
const TRACK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const UNWANTED = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u; // controls, bidi overrides

/** The name as a check-in carries it, or why it cannot be. */
export function cleanName(text) {
  const name = String(text ?? "").normalize("NFC").replace(/\s+/gu, " ").trim();
  if (!name) return { problem: "Type your name first." };
  if (UNWANTED.test(name)) return { problem: "Use letters, digits and punctuation only." };
  if ([...name].length > NAME_MAX || utf8(name).length > 255) return { problem: `Keep it under ${NAME_MAX} characters.` };
  return { name };
}

/** {track, cohort?, name, day: "YYYY-MM-DD", weeks: [{status, read, answers}]} -> "RPC1..."
 * (or "RPC2..." with a cohort) */
export function encodeCheckin({ track, cohort, name, day, weeks }) {
  const version = cohort ? 2 : 1;
  const text = (value) => {
    const bytes = utf8(value);
    return [bytes.length, ...bytes];
  };
  const clamp = (n, max) => Math.max(0, Math.min(max, Math.trunc(n) || 0));
  const days = clamp((Date.parse(`${day}T00:00:00Z`) - EPOCH) / DAY_MS, 65535);
  const bytes = [days >> 8, days & 255, ...text(track), ...(cohort ? text(cohort) : []), ...text(name), weeks.length];
  for (const week of weeks) bytes.push((clamp(week.status, 2) << 6) | clamp(week.read, 63), clamp(week.answers, 255));
  const sum = checksum([version, ...bytes]);
  bytes.push(sum >>> 24, (sum >>> 16) & 255, (sum >>> 8) & 255, sum & 255);
  return `RPC${version}${toBase32(bytes)}`;
}

/** -> {checkin} or {problem: "newer" | "damaged"} */
export function decodeCheckin(code) {
  const match = /^RPC(\d)([A-Z2-7]+)$/i.exec(code.trim());
  if (!match) return { problem: "damaged" };
  const version = Number(match[1]);
  if (!VERSIONS.includes(version)) return { problem: version > Math.max(...VERSIONS) ? "newer" : "damaged" };
  const bytes = fromBase32(match[2].toUpperCase());
  if (!bytes || bytes.length < 10) return { problem: "damaged" };
  const body = bytes.slice(0, -4);
  const sum = bytes.slice(-4).reduce((value, byte) => value * 256 + byte, 0);
  if (checksum([version, ...body]) !== sum) return { problem: "damaged" };
  try {
    return { checkin: readBody(body, version) };
  } catch {
    return { problem: "damaged" };
  }
}

function readBody(body, version) {
  let at = 0;
  const take = (count) => {
    if (at + count > body.length) throw new Error("short");
    at += count;
    return body.slice(at - count, at);
  };
  const [high, low] = take(2);
  const day = new Date(EPOCH + (high * 256 + low) * DAY_MS).toISOString().slice(0, 10);
  const text = () => new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(take(take(1)[0])));
  const track = text();
  const cohort = version >= 2 ? text() : null;
  const name = text();
  const weeks = [];
  for (let count = take(1)[0]; count > 0; count -= 1) {
    const [packed, answers] = take(2);
    const week = { status: packed >> 6, read: packed & 63, answers };
    if (week.status > 2 || (week.status === 0) !== (week.read + answers === 0)) throw new Error("status");
    weeks.push(week);
  }
  const ids = [track, ...(cohort === null ? [] : [cohort])];
  if (at !== body.length || !ids.every((id) => TRACK_ID.test(id)) || cleanName(name).name !== name || !weeks.length) throw new Error("shape");
  return cohort === null ? { track, name, day, weeks } : { track, cohort, name, day, weeks };
}

/** A week's line: "done (2/2 read, 3 answers)", "started (1/2 read)", "not started". */
export function describeWeek(readings, week) {
  if (!week.status) return STATUS[0];
  const parts = [`${week.read}/${readings} read`];
  if (week.answers) parts.push(`${week.answers} answer${week.answers === 1 ? "" : "s"}`);
  return `${STATUS[week.status]} (${parts.join(", ")})`;
}

/** "Sam, Six-Week Leadership: week 1 done (2/2 read, 3 answers), week 2 started (1/2 read)"
 * `readings`: each week's number of readings, from the track. */
export function checkinText(title, readings, checkin) {
  const weeks = checkin.weeks
    .map((week, index) => week.status && `week ${index + 1} ${describeWeek(readings[index], week)}`)
    .filter(Boolean);
  return `${checkin.name}, ${title}: ${weeks.join(", ") || "not started yet"}`;
}

/** Every check-in code in `text` (pasted, or kept), read for this cohort: `cohort` is
 * {track, id, readings: each of the track's weeks' number of readings, members: names}.
 * -> {people: [{checkin, count, member}], missing: [member names without a check-in],
 * skipped: [{code, reason}]}. One row a person (the same name in any case): of their
 * check-ins the newest day wins, then the furthest. A code naming another team is skipped;
 * one naming none (an older code, or a participant who never opened the cohort's page) counts. */
export function collectCheckins(text, cohort) {
  const people = new Map();
  const skipped = [];
  const seen = new Set();
  for (const [code] of String(text).matchAll(CODE)) {
    const upper = code.toUpperCase();
    if (seen.has(upper)) continue; // the same message pasted twice
    seen.add(upper);
    const read = readFor(decodeCheckin(upper), cohort);
    if (read.problem) {
      skipped.push({ code: code.length > 14 ? `${code.slice(0, 12)}…` : code, reason: read.problem });
      continue;
    }
    const key = nameKey(read.checkin.name);
    const person = people.get(key) ?? { checkin: read.checkin, count: 0 };
    if (isNewer(read.checkin, person.checkin)) person.checkin = read.checkin;
    person.count += 1;
    people.set(key, person);
  }
  const members = new Set((cohort.members ?? []).map(nameKey));
  for (const person of people.values()) person.member = members.has(nameKey(person.checkin.name));
  const missing = (cohort.members ?? []).filter((name) => !people.has(nameKey(name)));
  const sorted = [...people.values()].sort((a, b) => a.checkin.name.localeCompare(b.checkin.name, "en"));
  return { people: sorted, missing, skipped };
}

const nameKey = (name) => String(name).normalize("NFC").replace(/\s+/gu, " ").trim().toLocaleLowerCase("en");

function readFor(decoded, cohort) {
  if (decoded.problem === "newer") return { problem: "made by a newer version of the site" };
  if (decoded.problem) return { problem: "damaged or cut short: ask for it again" };
  const { checkin } = decoded;
  if (checkin.track !== cohort.track) return { problem: `for another track (${checkin.track})` };
  if (checkin.cohort && cohort.id && checkin.cohort !== cohort.id) return { problem: `from another team (${checkin.cohort})` };
  const { readings } = cohort;
  const fits = checkin.weeks.length === readings.length && checkin.weeks.every((week, i) => week.read <= readings[i]);
  return fits ? decoded : { problem: "does not fit this track's weeks (made before the track changed?)" };
}

const progressOf = (checkin) => checkin.weeks.reduce((sum, week) => sum + week.status * 1000 + week.read + week.answers, 0);
const isNewer = (a, b) => (a.day === b.day ? progressOf(a) > progressOf(b) : a.day > b.day);

const utf8 = (text) => [...new TextEncoder().encode(text)];

export function checksum(bytes) {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

function toBase32(bytes) {
  let out = "";
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xfff;
    bits += 8;
    for (; bits >= 5; bits -= 5) out += ALPHABET[(value >> (bits - 5)) & 31];
  }
  return bits ? out + ALPHABET[(value << (5 - bits)) & 31] : out;
}

function fromBase32(text) {
  const bytes = [];
  let bits = 0;
  let value = 0;
  for (const character of text) {
    value = ((value << 5) | ALPHABET.indexOf(character)) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 255);
    }
  }
  // What is left over must be padding: fewer than 5 bits, all zero.
  return bits < 5 && (value & ((1 << bits) - 1)) === 0 ? bytes : null;
}
