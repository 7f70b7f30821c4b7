// Loaded only when there is something to say: answers are not being saved, or the stored
// journal could not be read in full. The notice offers a way out (export, download the
// stored data, start afresh), sits next to the field in use so it is seen where the typing
// happens, and comes back after each of Material's instant page swaps.
import { button, element } from "./dom.js";
import { download } from "./download.js";
import { describeTally, tallyTotal } from "./import-merge.js";
import { exportJson } from "./journal-tools.js";
import { store } from "./store.js";

const FIELDS = "li[data-rp-key], .rp-read, form.rp-assessment, .rp-journal-tools";
const UNREADABLE = {
  json: "it is not valid JSON",
  shape: "it is not a journal",
  format: "it is not a journal",
  version: "it has no valid format version",
  partial: "some entries are unreadable, and there is no room to keep a copy",
};

let notice = null;
let shown = ""; // what the notice says, to rebuild it only when that changes

function render() {
  const { problem, repairs, freshElsewhere } = store;
  const what = problem ? `${problem.kind} ${problem.backupKey}` : repairs ? "repairs" : freshElsewhere ? "fresh" : "";
  const onScreen = !notice || notice.isConnected; // instant navigation drops it with the page
  if (what === shown && onScreen) return;
  shown = what;
  const fresh = what ? (problem ? problemNotice(problem) : repairs ? repairNotice(repairs) : freshNotice(freshElsewhere)) : null;
  if (notice?.isConnected) notice.remove();
  if (fresh) place(fresh, document.activeElement);
  notice = fresh;
}

function place(node, field) {
  const near = field?.closest?.(FIELDS);
  if (near?.matches("li")) near.append(node); // right under the answer box
  else if (near) near.after(node);
  else if (!node.isConnected) (document.querySelector("article") ?? document.body).prepend(node);
  if (near) node.scrollIntoView({ block: "nearest" });
}

function box(role, ...parts) {
  const node = element("div", { class: "rp-notice rp-storage-notice", role });
  node.append(...parts);
  return node;
}

const downloadRaw = (raw, label) => button(label, () => download(raw, "json", "reading-journal-unreadable"));

function problemNotice({ kind, reason, version, raw, backupKey }) {
  if (kind === "full" || kind === "unavailable") {
    return box(
      "alert",
      `Your answers are not being saved: this browser's storage is ${kind === "full" ? "full" : "unavailable"}. What you typed stays on this page; `,
      button("Export your journal", exportJson),
      " to keep a copy.",
    );
  }
  const what =
    kind === "newer"
      ? `Your journal was saved by a newer version of this site (format ${version}): reload the page to get it.`
      : `Your saved journal could not be read: ${UNREADABLE[reason]}.`;
  const copy = backupKey ? ` A copy is kept in this browser as “${backupKey}”.` : "";
  return box(
    "alert",
    `${what} It is left unchanged, and nothing you write here is saved until you choose.${copy} `,
    downloadRaw(raw, "Download the saved data"),
    " ",
    button("Start a fresh journal", startFresh, "rp-danger"),
  );
}

function startFresh() {
  const keep = store.problem?.backupKey ? "Its copy stays in this browser." : "Download it first to keep it.";
  if (window.confirm(`Save what this page holds in place of the unreadable journal? ${keep}`)) store.startFresh();
}

function repairNotice({ skipped, repaired, raw }) {
  const parts = [];
  if (skipped.size) parts.push(`${tallyTotal(skipped)} set aside (${describeTally(skipped)})`);
  if (repaired.size) parts.push(`${tallyTotal(repaired)} repaired (${describeTally(repaired)})`);
  return box(
    "status",
    `Some entries of your saved journal were unusable: ${parts.join("; ")}. The original is kept in this browser. `,
    downloadRaw(raw, "Download the original"),
    " ",
    button("Dismiss", () => store.dismissRepairs()),
  );
}

// Another tab chose to start afresh: this tab's words went into the fresh journal.
function freshNotice({ saved }) {
  const words = saved ? " What you wrote on this page is saved in it." : "";
  return box("status", `Your journal was started afresh in another tab.${words} `, button("Dismiss", () => store.dismissFreshElsewhere()));
}

store.listen(render);
window.document$?.subscribe(render); // a new page: put the notice back
// It follows the field being typed in; following a button would move the page under the
// pointer between a click's press and release, and the click would be lost.
const TYPING = "textarea, input:not([type=checkbox], [type=radio], [type=file], [type=button], [type=submit])";
document.addEventListener("focusin", ({ target }) => {
  if (notice?.contains(target) === false && target.matches?.(TYPING)) place(notice, target);
});
render();
