// The journal page: its tools (their code loads on first use), and the answers, shown by
// journal-view.js (with the store) once it and the build's data file (loaded side by side)
// have arrived; then a journal sent by link, if the address carries one.
import { loadData } from "./site-data.js";

const ACTIONS = { "export-json": "exportJson", "export-markdown": "exportMarkdown", import: "importFile", clear: "clearEverything" };
let tools = null;
const loadTools = () => (tools ??= import("./journal-tools.js"));

export function enhance({ signal }) {
  const holder = document.querySelector(".rp-journal-tools");
  const root = document.querySelector(".rp-journal");
  if (holder.dataset.rpReady || !root) return;
  holder.dataset.rpReady = "yes";
  const arrived = takeLink();
  for (const tools of document.querySelectorAll(".rp-journal-tools")) tools.hidden = false;
  root.hidden = false;
  const status = holder.querySelector(".rp-journal-status");
  const failed = (error) => {
    status.textContent = "That did not work: reload the page and try again.";
    console.error("reading-program:", error);
  };
  // data: the tracks (journal/questions.json); loaded: the files loaded only when needed
  // (journal-view.js loadNeeded), by name; loading: their requests.
  const view = { root, holder, failed, tools: loadTools, data: undefined, loaded: {}, loading: {}, signature: "", editing: null, entries: [], byKey: new Map() };
  for (const [action, name] of Object.entries(ACTIONS)) {
    const control = document.querySelector(`.rp-journal-tools [data-rp-action="${action}"]`);
    const type = action === "import" ? "change" : "click";
    control?.addEventListener(type, (event) => loadTools().then((module) => module[name](event.target, status, view)).catch(failed));
  }
  const send = holder.querySelector('[data-rp-action="send"]');
  send?.addEventListener("click", () => import("./device-send.js").then((panel) => panel.toggle(send)).catch(failed));
  Promise.all([loadData(root.dataset.rpJournal), import("./journal-view.js")])
    .then(([data, module]) => {
      view.data = data;
      if (!signal.aborted) module.showJournal(view, signal);
    })
    .catch(failed)
    .finally(() => arrived && receive(arrived, status));
}

// A journal sent by link from another device (device-send.js) arrives in the fragment: it
// leaves the address bar and the history entry at once, whatever happens next.
function takeLink() {
  const fragment = window.location.hash;
  if (!/^#rp\d/.test(fragment)) return null;
  window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
  return fragment;
}

function receive(fragment, status) {
  import("./device-receive.js")
    .then((link) => link.receive(fragment, status, loadTools))
    .catch((error) => {
      status.textContent = "Nothing was imported from the link: reload the page and open the link again.";
      console.error("reading-program:", error);
    });
}
