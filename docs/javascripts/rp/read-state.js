// Article cards (home, tag pages, the A to Z) say which articles were read, once there is a
// journal to ask.
import { element } from "./dom.js";
import { onJournal } from "./on-journal.js";

export function enhance({ signal }) {
  const cards = [...document.querySelectorAll("[data-rp-read-state]")];
  const bind = ({ store }) => {
    store.open();
    const show = (change) => {
      if (change?.type === "saved" || (change?.type === "set" && change.section !== "read")) return;
      for (const card of cards) showCard(card, store.journal.read.has(card.dataset.rpReadState));
    };
    store.listen(show, signal);
    show();
  };
  onJournal(() => import("./store.js").then(bind).catch((error) => console.error("reading-program:", error)), signal);
}

function showCard(card, read) {
  card.classList.toggle("rp-card--read", read);
  const badge = card.querySelector(".rp-card__read");
  if (read && !badge) card.querySelector(".rp-card__meta")?.after(" ", element("span", { class: "rp-card__read" }, "✓ Read"));
  if (!read) badge?.remove();
}
