// Stored and imported journals are untrusted: each bad entry is dropped or repaired, and counted.

// Harmless in Maps, but the mark of a hostile or broken file.
const RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)$/;
const CONTROL = /\p{Cc}/u;

export const SECTIONS = ["profile", "answers", "read", "assessments"];
export const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
export const entriesOf = (value) => (isRecord(value) ? Object.entries(value) : []);
export const isTimestamp = (value) => typeof value === "string" && TIMESTAMP.test(value) && Date.parse(value) > 0;
const record = () => Object.create(null); // keys from files never reach Object.prototype

// -> a Map per section, and tallies of reasons. Entries are replaced, never edited in place.
export function normaliseJournal(data) {
  const skipped = new Map();
  const repaired = new Map();
  const counter = (tally) => (reason) => {
    tally.set(reason, (tally.get(reason) ?? 0) + 1);
    return null; // so: return note.skip("why")
  };
  const note = { skip: counter(skipped), repair: counter(repaired) };
  const journal = {};
  for (const section of SECTIONS) {
    journal[section] = new Map();
    if (data[section] !== undefined && !isRecord(data[section])) note.skip(`${section} not a set`);
    for (const [key, value] of entriesOf(data[section])) {
      const problem = keyProblem(key) ?? (section === "profile" && key !== "displayName" ? "unknown field" : null);
      const entry = problem ? note.skip(problem) : READERS[section](value, note);
      if (entry != null) journal[section].set(key, entry);
    }
  }
  return { journal, skipped, repaired };
}

const keyProblem = (key) =>
  RESERVED.has(key) ? "reserved name" : !key || key.length > 300 || CONTROL.test(key) ? "bad key" : null;

const READERS = {
  profile(value, note) {
    const name = typeof value === "string" ? value.trim() : "";
    return name && name.length <= 80 && !CONTROL.test(name) ? name : note.repair("bad display name");
  },
  answers(value, note) {
    if (typeof value === "string") {
      note.repair("plain text answer");
      value = { text: value };
    }
    if (!isRecord(value) || typeof value.text !== "string") return note.skip("not text");
    if (!value.text.trim()) return note.skip("empty");
    return copy({ text: value.text }, value, note, { question: 2000, source: 500 }, "updated");
  },
  read(value, note) {
    return isRecord(value) ? copy({}, value, note, { hash: 64 }, "at") : note.skip("not a reading mark");
  },
  assessments(value, note) {
    if (!isRecord(value)) return note.skip("not a self-assessment");
    const before = value.before == null ? null : result(value.before, note);
    const retakes = Array.isArray(value.retakes) ? value.retakes.map((item) => result(item, note)).filter(Boolean) : [];
    if (!Array.isArray(value.retakes) && value.retakes !== undefined) note.skip("retakes not a list");
    return before || retakes.length ? { before, retakes } : null;
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
  return copy({ ratings, aspects, total, max, outcome }, value, note, {}, "at");
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

// Optional fields; a bad one is dropped.
function copy(entry, value, note, texts, dateField) {
  for (const [field, length] of Object.entries(texts)) {
    const text = value[field];
    if (typeof text === "string" && text.length <= length) entry[field] = text;
    else if (text !== undefined) note.repair(`bad ${field}`);
  }
  const date = value[dateField];
  if (isTimestamp(date)) entry[dateField] = date;
  else if (date !== undefined) note.repair("bad date");
  return entry;
}
