// Share my progress: the check-in loads on demand. A page opened from a cohort's page or
// messages (?cohort=<id>) remembers the team, so check-ins name it.
import { rememberCohort } from "./cohort-memory.js";
import { button, readIsland } from "./dom.js";

export function enhance() {
  const track = readIsland(document.querySelector(".rp-track-data"));
  if (track?.id) rememberCohort(track.id, window.location.search);
  const opener = button("Share my progress", () => import("./share-panel.js").then((panel) => panel.toggle(opener)), "rp-share");
  opener.ariaExpanded = "false";
  document.querySelector(".rp-track-progress, .rp-reflection")?.after(opener);
}
