// Opening a link made by Send to another device: the journal in its fragment leaves the
// address bar and the history entry at once (whatever follows), then it is decoded and
// imported exactly as a journal file is (journal-tools.js: all or nothing, asking about
// answers that differ).
import { decodeJournal, isJournalHash } from "./device-link.js";

const REFUSED = {
  damaged: "the link to a journal is incomplete or damaged (it may have been cut short when it was copied): copy the whole link again, or send the journal file instead",
  newer: "the link comes from a newer version of this site: reload this page and open the link again",
  large: "the link is too large for a journal",
};

/** Takes the journal link in this page's address, if any; says in `status` what happened.
 * `tools` loads journal-tools.js. Never throws. */
export async function receive(status, tools) {
  const fragment = window.location.hash;
  if (!isJournalHash(fragment)) return;
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, "", pathname + search);
  status.textContent = "Adding the journal from the link…";
  try {
    const read = await decodeJournal(fragment);
    status.textContent = read.problem
      ? `Nothing was imported: ${REFUSED[read.problem]}. Your journal is as it was.`
      : `From the link: ${(await tools()).importJournal(read.text, "that link")}`;
  } catch (error) {
    status.textContent = "Nothing was imported from the link: reload the page and try again. Your journal is as it was.";
    console.error("reading-program:", error);
  }
  status.scrollIntoView({ block: "center" });
}
