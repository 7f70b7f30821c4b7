// The store: the journal in memory, saved to localStorage, shared with other tabs; what
// cannot be read is kept, never written over. Its format: journal-format.js.
import { emptyJournal, parseJournal, toStored } from "./journal-format.js";
import { JOURNAL_KEY, announceOpened } from "./on-journal.js";
import { PARTS } from "./validate.js";

export { FORMAT, MIGRATIONS, VERSION, emptyJournal, parseJournal, toStored } from "./journal-format.js";
export const STORAGE_KEY = JOURNAL_KEY;
export const BACKUP_PREFIX = `${STORAGE_KEY}.damaged.`;

const SAVE_DELAY_MS = 400;
const isQuotaError = (error) => error?.name === "QuotaExceededError" || error?.code === 22;

// storageOf is a function: merely reading window.localStorage throws where it is blocked.
// Listeners hear what changed: {type: "set", section, key} as an entry is set in memory;
// {type: "saved", at, keys: section -> Set of keys} once entries are in storage; {type:
// "all"} when anything may have changed (another tab, an import, a problem).
export function createStore({ storageOf = () => globalThis.localStorage, now = () => new Date(), onTrouble } = {}) {
  let journal = emptyJournal();
  // {kind: full|unavailable}: saving fails. {kind: damaged|newer, raw, ...}: the stored value
  // cannot be read, so it is never written over unless the participant starts afresh.
  let problem = null;
  let repairs = null; // stored entries dropped or fixed on load
  // {saved}: another tab started a fresh journal while this one held back; `saved` counts
  // the entries typed here that went into it. Said until dismissed.
  let freshElsewhere = null;
  let lastRaw; // the stored text memory is based on
  let opened = false;
  let timer = null;
  const dirty = new Map(PARTS.map((part) => [part, new Set()])); // unsaved keys
  const listeners = new Set();
  const held = () => problem?.kind === "damaged" || problem?.kind === "newer";
  const unsaved = () => [...dirty.values()].reduce((count, keys) => count + keys.size, 0);
  const ALL = Object.freeze({ type: "all" });

  function emit(change = ALL) {
    if (problem || repairs || freshElsewhere) onTrouble?.();
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error("reading-program:", error); // one broken view must not stop others
      }
    }
  }

  function readRaw() {
    try {
      return storageOf().getItem(STORAGE_KEY);
    } catch {
      return undefined;
    }
  }

  function open() {
    if (opened) return sync();
    opened = true;
    const raw = readRaw();
    if (raw === undefined) problem = { kind: "unavailable" };
    else absorb(raw);
    emit();
    announceOpened();
    if (typeof addEventListener !== "function") return; // unit tests in Node
    addEventListener("storage", (event) => (event.key === STORAGE_KEY || event.key === null) && sync());
    addEventListener("pagehide", () => timer && saveNow());
  }

  // Take in what another tab stored, keeping this tab's unsaved edits on top.
  function sync() {
    const raw = readRaw();
    if (raw === undefined || raw === lastRaw) return;
    const wasHeld = held();
    absorb(raw);
    if (wasHeld && !held()) {
      // Another tab started afresh: what was typed here goes into the fresh journal.
      const typed = unsaved();
      freshElsewhere = { saved: typed };
      if (typed) saveNow();
    }
    emit();
  }

  function absorb(raw) {
    lastRaw = raw;
    const read = raw === null ? { journal: emptyJournal() } : parseJournal(raw);
    if (read.problem) return holdBack(raw, read.problem, read.version);
    if (read.skipped?.size || read.repaired?.size) {
      if (!keepCopy(raw)) return holdBack(raw, "partial", undefined, read.journal); // show what is readable, write nothing
      repairs = { ...read, raw };
    }
    if (held()) problem = null; // readable again: another tab started afresh
    journal = withUnsaved(read.journal);
  }

  function withUnsaved(next) {
    for (const [part, keys] of dirty) {
      for (const key of keys) {
        const value = journal[part].get(key);
        if (value === undefined) next[part].delete(key);
        else next[part].set(key, value);
      }
    }
    return next;
  }

  function holdBack(raw, reason, version, readable) {
    problem = { kind: reason === "newer" ? "newer" : "damaged", reason, version, raw, backupKey: keepCopy(raw) };
    if (readable) journal = withUnsaved(readable);
  }

  function keepCopy(raw) {
    try {
      const same = backups().find((backup) => backup.raw === raw);
      if (same) return same.key;
      const key = BACKUP_PREFIX + now().toISOString();
      storageOf().setItem(key, raw);
      return key;
    } catch {
      return null;
    }
  }

  function backups() {
    try {
      const storage = storageOf();
      const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index));
      return keys.filter((key) => key?.startsWith(BACKUP_PREFIX)).sort().map((key) => ({ key, raw: storage.getItem(key) }));
    } catch {
      return [];
    }
  }

  function set(section, key, value) {
    if (value === undefined) journal[section].delete(key);
    else journal[section].set(key, value);
    dirty.get(section).add(key);
    emit({ type: "set", section, key });
  }

  function saveSoon() {
    clearTimeout(timer);
    timer = setTimeout(saveNow, SAVE_DELAY_MS);
  }

  // false when saving failed or is held back; force: write over what is stored
  function saveNow(force = false) {
    clearTimeout(timer);
    timer = null;
    if (held() || !(unsaved() || force)) return !held();
    const before = problem?.kind;
    let absorbed = false;
    let saved = null;
    try {
      const storage = storageOf();
      absorbed = !force && storage.getItem(STORAGE_KEY) !== lastRaw;
      if (absorbed) absorb(storage.getItem(STORAGE_KEY));
      if (!held()) {
        const raw = JSON.stringify(toStored(journal));
        storage.setItem(STORAGE_KEY, raw);
        lastRaw = raw;
        saved = new Map([...dirty].map(([part, keys]) => [part, new Set(keys)]));
        dirty.forEach((keys) => keys.clear());
        problem = null;
      }
    } catch (error) {
      problem = { kind: isQuotaError(error) ? "full" : "unavailable" };
    }
    if (absorbed || problem?.kind !== before) emit();
    if (saved) emit({ type: "saved", at: now(), keys: saved });
    return !problem;
  }

  // All or nothing (import, clear): null, or why it failed with memory as it was.
  function commit(next) {
    const saved = { journal, problem, dirty: [...dirty].map(([part, keys]) => [part, new Set(keys)]) };
    for (const part of PARTS) {
      for (const key of new Set([...journal[part].keys(), ...next[part].keys()])) {
        if (journal[part].get(key) !== next[part].get(key)) dirty.get(part).add(key);
      }
    }
    journal = next;
    const failure = saveNow() ? null : (problem?.kind ?? "unavailable");
    if (failure) {
      ({ journal, problem } = saved);
      saved.dirty.forEach(([part, keys]) => dirty.set(part, keys));
    }
    emit();
    return failure;
  }

  function startFresh() {
    const before = problem;
    problem = null;
    const saved = saveNow(true);
    if (saved) repairs = null;
    else problem = before; // the unreadable value is still there: keep saying so
    emit();
    return saved;
  }

  function removeBackup(key) {
    try {
      storageOf().removeItem(key);
    } catch {
      // storage went away: the copy stays listed
    }
    emit();
  }

  return {
    open,
    sync,
    set,
    saveSoon,
    saveNow,
    commit,
    startFresh,
    backups,
    removeBackup,
    dismissRepairs: () => {
      repairs = null;
      emit();
    },
    dismissFreshElsewhere: () => {
      freshElsewhere = null;
      emit();
    },
    listen: (listener, signal) => {
      listeners.add(listener);
      signal?.addEventListener("abort", () => listeners.delete(listener));
    },
    get journal() {
      return journal;
    },
    get problem() {
      return problem;
    },
    get repairs() {
      return repairs;
    },
    get freshElsewhere() {
      return freshElsewhere;
    },
  };
}

// The notice's code loads only when there is something to say.
export const store = createStore({
  onTrouble: () => import("./storage-notice.js").catch((error) => console.error("reading-program:", error)),
});
