// Stored and imported journals are untrusted: each bad entry is dropped or repaired, and counted.
// What this version does not know (a field a newer version added to an entry, a top-level key
// of its own) is carried along unchanged when it is plain, small data, and set aside (kept in
// the copy of the original, and counted) when it is not: never dropped without a word.

import { readRhythm } from "./rhythm-check.js";

export { readRhythm };

// Harmless in Maps, but the mark of a hostile or broken file.
const RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)$/;
const CONTROL = /\p{Cc}/u;
const KEPT_CHARACTERS = 100_000; // as JSON: room for what a newer version adds to an entry
const KEPT_TOP_LEVEL = 1_000_000; // a whole section of a newer version
const KEPT_DEPTH = 32;

export const SECTIONS = ["profile", "answers", "read", "assessments", "tracks"];
// Top-level keys this version does not know, by name: a Map beside the sections.
export const KEPT = "kept";
export const PARTS = [...SECTIONS, KEPT];
const ENVELOPE = new Set(["format", "version", "exported"]);
export const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
export const entriesOf = (value) => (isRecord(value) ? Object.entries(value) : []);
export const isTimestamp = (value) => typeof value === "string" && TIMESTAMP.test(value) && Date.parse(value) > 0;
const record = () => Object.create(null); // keys from files never reach Object.prototype

// -> a Map per section and the kept top-level keys, and tallies of reasons. Entries are
// replaced, never edited in place.
export function normaliseJournal(data) {
  const skipped = new Map();
  const repaired = new Map();
  const counter = (tally) => (reason) => {
    tally.set(reason, (tally.get(reason) ?? 0) + 1);
    return null; // so: return note.skip("why")
  };
  const note = { skip: counter(skipped), repair: counter(repaired) };
  const journal = { [KEPT]: new Map() };
  for (const section of SECTIONS) {
    journal[section] = new Map();
    if (data[section] !== undefined && !isRecord(data[section])) note.skip(`${section} not a set`);
    for (const [key, value] of entriesOf(data[section])) {
      const entry = keyProblem(key) ? note.skip(keyProblem(key)) : READERS[section](value, note, key);
      if (entry != null) journal[section].set(key, entry);
    }
  }
  for (const [key, value] of Object.entries(data)) {
    if (ENVELOPE.has(key) || SECTIONS.includes(key)) continue;
    if (keyProblem(key)) {
      note.skip(keyProblem(key));
      continue;
    }
    const kept = keepable(value, KEPT_TOP_LEVEL);
    if (kept === undefined) note.skip("unknown part too large");
    else journal[KEPT].set(key, kept);
  }
  return { journal, skipped, repaired };
}

const keyProblem = (key) =>
  RESERVED.has(key) ? "reserved name" : !key || key.length > 300 || CONTROL.test(key) ? "bad key" : null;

/** A copy of a JSON value as plain data, when it is shallow and small enough to carry
 * along; undefined when it is not. Never recurses into what it has not measured. */
function keepable(value, limit = KEPT_CHARACTERS) {
  const stack = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop();
    if (item === null || typeof item !== "object") continue;
    if (depth >= KEPT_DEPTH) return undefined;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  const text = JSON.stringify(value);
  return text !== undefined && text.length <= limit ? JSON.parse(text) : undefined;
}

const displayName = (value, note) => {
  const name = typeof value === "string" ? value.trim() : "";
  return name && name.length <= 80 && !CONTROL.test(name) ? name : note.repair("bad display name");
};

const READERS = {
  profile(value, note, field) {
    if (field === "displayName") return displayName(value, note);
    return keepable(value) ?? note.skip("unknown field too large");
  },
  answers(value, note) {
    if (typeof value === "string") {
      note.repair("plain text answer");
      value = { text: value };
    }
    if (!isRecord(value) || typeof value.text !== "string") return note.skip("not text");
    if (!value.text.trim()) return note.skip("empty");
    const entry = copy({ text: value.text }, value, note, { question: 2000, source: 500 }, "updated", ["first"]);
    if (value.first !== undefined) {
      const first = isRecord(value.first) && typeof value.first.text === "string" && value.first.text.trim();
      if (first) entry.first = copy({ text: value.first.text }, value.first, note, {}, "updated");
      else note.repair("bad first answer");
    }
    return entry;
  },
  read(value, note) {
    return isRecord(value) ? copy({}, value, note, { hash: 64 }, "at") : note.skip("not a reading mark");
  },
  assessments(value, note) {
    if (!isRecord(value)) return note.skip("not a self-assessment");
    const before = value.before == null ? null : result(value.before, note);
    const retakes = Array.isArray(value.retakes) ? value.retakes.map((item) => result(item, note)).filter(Boolean) : [];
    if (!Array.isArray(value.retakes) && value.retakes !== undefined) note.skip("retakes not a list");
    return before || retakes.length ? keepOthers({ before, retakes }, value, note, ["before", "retakes"]) : null;
  },
  // The tracks a participant started or chose to follow, by id: `followed`, when; and
  // `rhythm`, the weeks they set for themselves (rhythm.js).
  tracks(value, note) {
    if (!isRecord(value) || !isTimestamp(value.followed)) return note.skip("not a followed track");
    const entry = copy({}, value, note, {}, "followed", ["rhythm"]);
    if (value.rhythm === undefined) return entry;
    const rhythm = readRhythm(value.rhythm);
    if (rhythm) entry.rhythm = keepOthers(rhythm, value.rhythm, note, Object.keys(rhythm));
    else note.repair("bad rhythm");
    return entry;
  },
};

export function result(value, note) {
  if (!isRecord(value)) return note.skip("incomplete result");
  const ratings = integers(value.ratings, 1, 10) ?? note.repair("bad ratings") ?? record();
  const rated = Object.values(ratings);
  const total = rated.length ? rated.reduce((sum, rating) => sum + rating, 0) : value.total;
  if (rated.length && value.total !== total) note.repair("total recomputed");
  const { max, outcome } = value;
  const sane = Number.isInteger(total) && total >= 0 && Number.isInteger(max) && max >= Math.max(total, 1);
  if (!sane || max > 1000 || typeof outcome !== "string" || !outcome.trim() || outcome.length > 200) {
    return note.skip("incomplete result");
  }
  const aspects = integers(value.aspects, 0, max) ?? note.repair("bad aspect scores") ?? record();
  return copy({ ratings, aspects, total, max, outcome }, value, note, {}, "at", ["ratings", "aspects", "total", "max", "outcome"]);
}

function integers(value, min, max) {
  if (value === undefined) return record();
  if (!isRecord(value)) return null;
  const out = record();
  for (const [key, number] of Object.entries(value)) {
    if (keyProblem(key) || !Number.isInteger(number) || number < min || number > max) return null;
    out[key] = number;
  }
  return out;
}

// Optional fields (a bad one is dropped), then the fields this version does not know.
function copy(entry, value, note, texts, dateField, handled = []) {
  for (const [field, length] of Object.entries(texts)) {
    const text = value[field];
    if (typeof text === "string" && text.length <= length) entry[field] = text;
    else if (text !== undefined) note.repair(`bad ${field}`);
  }
  const date = value[dateField];
  if (isTimestamp(date)) entry[dateField] = date;
  else if (date !== undefined) note.repair("bad date");
  return keepOthers(entry, value, note, [...Object.keys(texts), dateField, ...handled, ...Object.keys(entry)]);
}

function keepOthers(entry, value, note, known) {
  for (const [field, data] of Object.entries(value)) {
    if (known.includes(field)) continue;
    if (keyProblem(field)) {
      note.repair(`${keyProblem(field)} of a field`);
      continue;
    }
    const kept = keepable(data);
    if (kept === undefined) note.repair("unknown field too large");
    else entry[field] = kept;
  }
  return entry;
}
