// Compared self-assessment results: comparison-view.js loads once there is a result.
import { store } from "./store.js";

let view = null;

export function enhance({ signal }) {
  store.open();
  const show = () => {
    const holders = [...document.querySelectorAll(".rp-compare")];
    if (!view && !holders.some((holder) => store.journal.assessments.has(holder.dataset.rpAssessment))) return;
    view ??= import("./comparison-view.js");
    view.then((module) => module.showComparisons(store.journal)).catch((error) => console.error("reading-program:", error));
  };
  store.listen(show, signal);
  show();
}
