// The journal page: its tools (their code loads on first use), and the answers, shown by
// journal-view.js once it and the build's data file (loaded side by side) have arrived.
import { loadData } from "./site-data.js";
import { store } from "./store.js";

const ACTIONS = { "export-json": "exportJson", "export-markdown": "exportMarkdown", import: "importFile", clear: "clearEverything" };
let tools = null;
const loadTools = () => (tools ??= import("./journal-tools.js"));

export function enhance({ signal }) {
  store.open();
  const holder = document.querySelector(".rp-journal-tools");
  const root = document.querySelector(".rp-journal");
  if (holder.dataset.rpReady || !root) return;
  holder.dataset.rpReady = "yes";
  holder.hidden = false;
  root.hidden = false;
  const status = holder.querySelector(".rp-journal-status");
  const failed = (error) => {
    status.textContent = "That did not work: reload the page and try again.";
    console.error("reading-program:", error);
  };
  // data: the tracks (journal/questions.json); loaded: the files loaded only when needed
  // (journal-view.js loadNeeded), by name; loading: their requests.
  const view = { root, data: undefined, loaded: {}, loading: {}, signature: "", editing: null, entries: [] };
  for (const [action, name] of Object.entries(ACTIONS)) {
    const control = holder.querySelector(`[data-rp-action="${action}"]`);
    const type = action === "import" ? "change" : "click";
    control?.addEventListener(type, (event) => loadTools().then((module) => module[name](event.target, status, view)).catch(failed));
  }
  const backups = () => (tools || store.backups().length) && loadTools().then((module) => module.showBackups(holder)).catch(failed);
  store.listen(backups, signal);
  backups();
  Promise.all([loadData(root.dataset.rpSrc), import("./journal-view.js")])
    .then(([data, module]) => {
      view.data = data;
      if (!signal.aborted) module.showJournal(view, signal);
    })
    .catch(failed);
}
