// Share my progress: the check-in loads on demand.
import { button } from "./dom.js";

export function enhance() {
  const opener = button("Share my progress", () => import("./share-panel.js").then((panel) => panel.toggle(opener)), "rp-share");
  opener.ariaExpanded = "false";
  document.querySelector(".rp-track-progress, .rp-reflection")?.after(opener);
}
