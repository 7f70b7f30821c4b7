// Opening a link made by Send to another device (its fragment already out of the address:
// journal-page.js): the journal in it is decoded and imported exactly as a journal file is
// (journal-tools.js: all or nothing, asking about answers that differ).
import { decodeJournal } from "./device-link.js";

const REFUSED = {
  damaged: "the link to a journal is incomplete or damaged (it may have been cut short when it was copied): copy the whole link again, or send the journal file instead",
  newer: "the link comes from a newer version of this site: reload this page and open the link again",
  large: "the link is too large for a journal",
};

/** Imports the journal in `fragment` (location.hash as the page opened); says in `status`
 * what happened. `tools` loads journal-tools.js. Never throws. */
export async function receive(fragment, status, tools) {
  status.textContent = "Adding the journal from the link…";
  try {
    const read = await decodeJournal(fragment);
    status.textContent = read.problem
      ? `Nothing was imported: ${REFUSED[read.problem]}. Your journal is as it was.`
      : `From the link: ${(await tools()).importJournal(read.text, "that link")}`;
  } catch (error) {
    status.textContent = "Nothing was imported from the link: open it again. Your journal is as it was.";
    console.error("reading-program:", error);
  }
  status.scrollIntoView({ block: "center" });
}
