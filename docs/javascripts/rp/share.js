// Share my progress and Send to another device: their panels load on demand. A page opened
// from a cohort's page or messages (?cohort=<id>) remembers the team, so check-ins name it.
import { button } from "./dom.js";

export function enhance() {
  if (new URLSearchParams(window.location.search).has("cohort")) {
    import("./cohort-memory.js")
      .then((memory) => memory.rememberFromPage())
      .catch((error) => console.error("reading-program:", error));
  }
  const opener = button("Share my progress", () => import("./share-panel.js").then((panel) => panel.toggle(opener)), "rp-share");
  opener.ariaExpanded = "false";
  const send = button("Send to another device", () => import("./device-send.js").then((panel) => panel.toggle(send)), "rp-share");
  send.ariaExpanded = "false";
  // Under the week's status, or under the track's card (not inside it, between its bar and Continue).
  const anchor = document.querySelector(".rp-track-progress, .rp-reflection");
  (anchor?.closest(".rp-resume") ?? anchor)?.after(opener, " ", send);
}
