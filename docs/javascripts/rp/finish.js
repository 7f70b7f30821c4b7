// A track's finish page: as built it says what it will show; once there is a journal,
// finish-view.js shows it. Download my journal loads the journal's tools on use.
import { onJournal } from "./on-journal.js";
import { loadData } from "./site-data.js";

const logged = (error) => console.error("reading-program:", error);

export function enhance({ signal }) {
  const holder = document.querySelector(".rp-finish");
  const download = document.querySelector(".rp-finish-download");
  download.hidden = false;
  download.addEventListener("click", () => downloadJournal(download.dataset.rpJournal).catch(logged), { signal });
  onJournal(() => import("./finish-view.js").then((module) => signal.aborted || module.show(holder, signal)).catch(logged), signal);
}

async function downloadJournal(src) {
  const [data, tools] = await Promise.all([loadData(src), import("./journal-tools.js")]);
  await tools.exportMarkdown(null, null, { data, loaded: {}, loading: {} });
}
