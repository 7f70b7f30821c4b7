// Compared self-assessment results: comparison-view.js loads once there is a result (and so
// a journal to ask).
import { onJournal } from "./on-journal.js";

let view = null;

export function enhance({ signal }) {
  const bind = ({ store }) => {
    store.open();
    const show = (change) => {
      if (change?.type === "saved" || (change?.type === "set" && change.section !== "assessments")) return;
      const holders = [...document.querySelectorAll(".rp-compare")];
      if (!view && !holders.some((holder) => store.journal.assessments.has(holder.dataset.rpAssessment))) return;
      view ??= import("./comparison-view.js");
      view.then((module) => module.showComparisons(store.journal)).catch((error) => console.error("reading-program:", error));
    };
    store.listen(show, signal);
    show();
  };
  onJournal(() => import("./store.js").then(bind).catch((error) => console.error("reading-program:", error)), signal);
}
