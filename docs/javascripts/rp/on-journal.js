// Whether this browser holds a journal, without reading it: pages open with what the build
// wrote (nothing done yet), and the store (store.js) and the views that show progress load
// once there is a journal, or once the participant first writes or marks something here.
export const JOURNAL_KEY = "reading-program";
const OPENED = "rp:journal"; // the store says it opened (store.js)

// The store opened in this document: its journal is in memory even when storage refuses
// to keep it (full, or blocked), and pages reached by instant navigation show it.
let openedHere = false;

/** True when something is stored, or storage cannot be asked (the store then says why), or
 * the store has opened in this document. */
export function journalHere() {
  if (openedHere) return true;
  try {
    return localStorage.getItem(JOURNAL_KEY) !== null;
  } catch {
    return true;
  }
}

/** Runs `load` now when there is a journal; else once the store opens on this page, or
 * another tab stores a journal. */
export function onJournal(load, signal) {
  if (journalHere()) return void load();
  let done = false;
  const once = () => done || ((done = true), load());
  addEventListener(OPENED, once, { signal });
  addEventListener("storage", (event) => event.key === JOURNAL_KEY && once(), { signal });
}

export function announceOpened() {
  openedHere = true;
  if (typeof dispatchEvent === "function") dispatchEvent(new Event(OPENED));
}
