// The journal page: its tools (their code loads on first use, so the page opens light) and
// the answers that are not on the page: to articles in no track, and to retired questions.
import { element, readIsland } from "./dom.js";
import { store } from "./store.js";

const ACTIONS = { "export-json": "exportJson", "export-markdown": "exportMarkdown", import: "importFile", clear: "clearEverything" };
let tools = null;
const loadTools = () => (tools ??= import("./journal-tools.js"));

export function enhance({ signal }) {
  store.open();
  const holder = document.querySelector(".rp-journal-tools");
  if (holder.dataset.rpReady) return;
  holder.dataset.rpReady = "yes";
  holder.hidden = false;
  const status = holder.querySelector(".rp-journal-status");
  const failed = (error) => {
    status.textContent = "That did not work: reload the page and try again.";
    console.error("reading-program:", error);
  };
  for (const [action, name] of Object.entries(ACTIONS)) {
    const control = holder.querySelector(`[data-rp-action="${action}"]`);
    const type = action === "import" ? "change" : "click";
    control?.addEventListener(type, (event) => loadTools().then((module) => module[name](event.target, status)).catch(failed));
  }
  const other = new Map(Object.entries(readIsland(document.querySelector(".rp-other-data"))?.keys ?? {}));
  const show = () => {
    showSavedAnswers(other);
    if (tools || store.backups().length) loadTools().then((module) => module.showBackups(holder)).catch(failed);
  };
  store.listen(show, signal);
  show();
}

function showSavedAnswers(other) {
  const onPage = new Set([...document.querySelectorAll("li[data-rp-key]")].map((item) => item.dataset.rpKey));
  const lists = { other: [], retired: [] };
  for (const [key, answer] of store.journal.answers) {
    if (!onPage.has(key)) lists[other.has(key) ? "other" : "retired"].push(savedAnswer(key, answer, other.get(key)));
  }
  for (const [name, items] of Object.entries(lists)) {
    const section = document.querySelector(`.rp-${name}`);
    section?.querySelector(".rp-saved-list")?.replaceChildren(...items);
    if (section) section.hidden = !items.length;
  }
}

function savedAnswer(key, answer, [title, url] = [answer.source ?? "", null]) {
  const item = element("li", { "data-rp-saved": key });
  item.append(element("p", { class: "rp-question" }, answer.question ?? "(question not saved)"));
  const from = element("p", { class: "rp-meta" }, "From: ");
  from.append(url ? element("a", { href: url }, title) : title);
  item.append(from, element("p", { class: "rp-saved-answer" }, answer.text));
  return item;
}
