// Share my progress and Send to another device (panels load on demand). A page opened with
// ?cohort=<id> remembers the team, so check-ins name it.
import { button } from "./dom.js";
import { onJournal } from "./on-journal.js";

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
  send.hidden = true; // a check-in may say "not started"; a journal to send needs a journal
  onJournal(() => (send.hidden = false));
  // Under the week's status, or after the track's card.
  const anchor = document.querySelector(".rp-track-progress, .rp-reflection");
  (anchor?.closest(".rp-resume") ?? anchor)?.after(opener, " ", send);
}
