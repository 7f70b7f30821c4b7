// The self-assessment form, scored from the build's assessment data (maths in scoring.js).
import { element, readIsland } from "./dom.js";
import { bandFor, scoreRatings, withResult } from "./scoring.js";
import { store } from "./store.js";

export function enhance() {
  store.open();
  const form = document.querySelector("form.rp-assessment");
  const data = readIsland(document.querySelector(".rp-assessment-data"));
  if (!data || form.dataset.rpReady) return;
  form.dataset.rpReady = "yes";
  if (store.journal.assessments.get(data.id)?.before) {
    form.querySelector('input[name="rp-phase"][value="after"]').checked = true;
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = new FormData(form);
    const result = scoreRatings(data, (id) => Number(values.get(id)), new Date().toISOString());
    const message = document.querySelector(".rp-assessment-result");
    if (!result) {
      message.textContent = "Please rate every statement.";
      return;
    }
    const retake = values.get("rp-phase") === "after";
    store.set("assessments", data.id, withResult(store.journal.assessments.get(data.id), result, retake));
    store.saveNow();
    const band = bandFor(data, result.total);
    message.textContent = `Your total: ${result.total} of ${result.max}. Outcome: `;
    message.append(band ? element("a", { href: band.url }, band.outcome) : "none", ".");
  });
}
