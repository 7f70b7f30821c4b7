// Team progress on a cohort page: a box for the check-ins the lead received; the table's
// code (rp/team-table.js) loads once something is pasted. Nothing is stored or sent.
import { element, readIsland } from "./dom.js";

export function enhance() {
  const box = document.querySelector(".rp-team-progress");
  const island = document.querySelector(".rp-cohort-data");
  const cohort = island && readIsland(island);
  if (!box || !cohort || box.dataset.rpReady) return;
  box.dataset.rpReady = "yes";
  box.hidden = false;
  const input = box.querySelector("textarea");
  const result = box.querySelector(".rp-team-progress__result");
  const status = element("p", { role: "status", class: "rp-team-progress__status" });
  result.before(status);
  const show = () => {
    if (input.value.trim()) {
      import("./team-table.js")
        .then((table) => input.value.trim() && table.showTable(result, status, cohort, input.value))
        .catch((error) => console.error("reading-program:", error));
    } else {
      result.textContent = "";
      status.textContent = "";
    }
  };
  input.addEventListener("input", show);
  show();
}
