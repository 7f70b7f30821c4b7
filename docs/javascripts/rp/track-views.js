// A track's pages (home, track, week) open as built, for someone who has done nothing yet;
// once there is a journal, track-state.js shows where the participant stands.
import { readIsland } from "./dom.js";
import { onJournal } from "./on-journal.js";

export function enhance({ signal }) {
  const island = document.querySelector(".rp-track-data");
  const track = readIsland(island);
  if (!track) return;
  for (const line of document.querySelectorAll(".rp-week-status")) line.hidden = false;
  const load = () =>
    import("./track-state.js")
      .then((module) => signal.aborted || module.show(track, island.dataset.rpJournal, signal))
      .catch((error) => console.error("reading-program:", error));
  onJournal(load, signal);
}
