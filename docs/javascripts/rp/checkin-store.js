// The check-ins a team lead pasted, kept in their browser per cohort (guides/team-leads.md: "See who is
// keeping up"), under the journal's durability rules: versioned and validated; what cannot
// be read is copied aside and never written over until the lead starts afresh; entries that
// cannot be read are dropped from use, counted, and kept in the copy. Storage is injected,
// so the unit tests run it in Node.

export const KEY = "reading-program.checkins";
export const BACKUP_PREFIX = `${KEY}.damaged.`;
export const FORMAT = "reading-program-checkins";
export const VERSION = 1;
export const MAX_CODES = 500; // per cohort: the newest are kept
const CODE = /^RPC\d[A-Z2-7]{8,600}$/;
const COHORT_ID = /^[a-z0-9]+(?:-[a-z0-9]+){0,30}$/;
const CODE_IN_TEXT = /\bRPC\d[A-Z2-7]+/gi; // as rp/checkin.js finds them
const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** Every check-in code in `text` (pasted chat), once each, in upper case. */
export const codesIn = (text) => [...new Set([...String(text).matchAll(CODE_IN_TEXT)].map(([code]) => code.toUpperCase()))];

/** The stored text read: {cohorts: Map(id -> codes), dropped} or {problem, version}. */
export function readKept(raw) {
  if (raw === null || raw === undefined) return { cohorts: new Map(), dropped: 0 };
  let data;
  try {
    data = JSON.parse(raw);
  } catch {
    return { problem: "json" };
  }
  if (!isRecord(data) || data.format !== FORMAT) return { problem: "format" };
  if (!Number.isInteger(data.version) || data.version < 1) return { problem: "version" };
  if (data.version > VERSION) return { problem: "newer", version: data.version };
  const cohorts = new Map();
  let dropped = 0;
  for (const [id, entry] of isRecord(data.cohorts) ? Object.entries(data.cohorts) : []) {
    const codes = isRecord(entry) && Array.isArray(entry.codes) ? entry.codes : null;
    if (!COHORT_ID.test(id) || !codes) {
      dropped += 1;
      continue;
    }
    const good = codes.filter((code) => typeof code === "string" && CODE.test(code));
    dropped += codes.length - good.length;
    cohorts.set(id, [...new Set(good)]);
  }
  if (data.cohorts !== undefined && !isRecord(data.cohorts)) dropped += 1;
  return { cohorts, dropped };
}

const stored = (cohorts, now) =>
  JSON.stringify({
    format: FORMAT,
    version: VERSION,
    cohorts: Object.fromEntries([...cohorts].map(([id, codes]) => [id, { codes, updated: now().toISOString() }])),
  });

const isQuotaError = (error) => error?.name === "QuotaExceededError" || error?.code === 22;

export function createCheckinStore({ storageOf = () => globalThis.localStorage, now = () => new Date() } = {}) {
  // {kind: "damaged"|"newer", backupKey} holds writes back; {kind: "full"|"unavailable"}: not kept.
  let problem = null;
  let dropped = 0;

  function read() {
    let raw;
    try {
      raw = storageOf().getItem(KEY);
    } catch {
      problem = { kind: "unavailable" };
      return null;
    }
    const kept = readKept(raw);
    if (kept.problem) {
      problem = { kind: kept.problem === "newer" ? "newer" : "damaged", backupKey: keepCopy(raw) };
      return null;
    }
    if (problem?.kind === "damaged" || problem?.kind === "newer") problem = null; // readable again
    if (kept.dropped) {
      dropped = kept.dropped;
      problem = { kind: "repaired", backupKey: keepCopy(raw) };
    }
    return kept.cohorts;
  }

  function keepCopy(raw) {
    try {
      const storage = storageOf();
      for (let index = 0; index < storage.length; index += 1) {
        const key = storage.key(index);
        if (key?.startsWith(BACKUP_PREFIX) && storage.getItem(key) === raw) return key;
      }
      const key = BACKUP_PREFIX + now().toISOString();
      storage.setItem(key, raw);
      return key;
    } catch {
      return null;
    }
  }

  function write(cohorts) {
    if (problem?.kind === "repaired" && !problem.backupKey) return false; // no copy, no write
    try {
      storageOf().setItem(KEY, stored(cohorts, now));
      if (problem?.kind !== "repaired") problem = null;
      return true;
    } catch (error) {
      problem = { kind: isQuotaError(error) ? "full" : "unavailable" };
      return false;
    }
  }

  return {
    /** The codes kept for `cohort` (none while what is stored cannot be read). */
    codes(cohort) {
      return read()?.get(cohort) ?? [];
    },
    /** Keeps `codes` (new ones) for `cohort`, merged with what any tab kept; the number added. */
    add(cohort, codes) {
      const cohorts = read();
      if (!cohorts) return 0;
      const before = cohorts.get(cohort) ?? [];
      const fresh = codes.filter((code) => CODE.test(code) && !before.includes(code));
      if (!fresh.length) return 0;
      cohorts.set(cohort, [...before, ...fresh].slice(-MAX_CODES));
      return write(cohorts) ? fresh.length : 0;
    },
    /** Forgets the codes kept for `cohort`; false when that could not be saved. */
    clear(cohort) {
      const cohorts = read();
      if (!cohorts) return false;
      cohorts.delete(cohort);
      return write(cohorts);
    },
    /** After "cannot be read": stores an empty set over it (its copy stays aside). */
    startFresh() {
      if (!problem?.backupKey) return false;
      problem = null;
      dropped = 0;
      return write(new Map());
    },
    get problem() {
      return problem;
    },
    get dropped() {
      return dropped;
    },
  };
}
