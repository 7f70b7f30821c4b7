// The self-assessment form, scored from the build's assessment data (maths in scoring.js).
// Whether a result is the first one or a retake is the participant's explicit choice: once
// there is a first result, neither is preselected.
import { element, readIsland } from "./dom.js";
import { bandFor, scoreRatings, withResult } from "./scoring.js";
import { store } from "./store.js";

const dayText = (iso) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
};

export function enhance({ signal }) {
  store.open();
  const form = document.querySelector("form.rp-assessment");
  const data = readIsland(document.querySelector(".rp-assessment-data"));
  if (!data || form.dataset.rpReady) return;
  form.dataset.rpReady = "yes";
  const showPhase = () => showPhaseChoice(form, store.journal.assessments.get(data.id)?.before);
  store.listen(showPhase, signal);
  showPhase();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = new FormData(form);
    const result = scoreRatings(data, (id) => Number(values.get(id)), new Date().toISOString());
    const message = document.querySelector(".rp-assessment-result");
    if (!result) {
      message.textContent = "Please rate every statement.";
      return;
    }
    const phase = values.get("rp-phase");
    if (phase !== "before" && phase !== "retake") {
      message.textContent = "Please choose whether this is your first result or a retake.";
      return;
    }
    store.set("assessments", data.id, withResult(store.journal.assessments.get(data.id), result, phase === "retake"));
    store.saveNow();
    // The next result needs a choice of its own.
    for (const radio of form.querySelectorAll('input[name="rp-phase"]')) radio.checked = false;
    const band = bandFor(data, result.total);
    message.textContent = `Your total: ${result.total} of ${result.max}. Outcome: `;
    message.append(band ? element("a", { href: band.url }, band.outcome) : "none", ".");
    message.append(` Saved as ${phase === "retake" ? "a retake" : "your first result"}.`);
  });
}

function showPhaseChoice(form, first) {
  const note = form.querySelector(".rp-phase__first");
  const before = form.querySelector('input[name="rp-phase"][value="before"]');
  const label = form.querySelector(".rp-phase__before");
  if (!first) {
    // Nothing to compare with yet: a first result, said so on screen.
    if (!form.querySelector('input[name="rp-phase"]:checked')) before.checked = true;
    label.textContent = "my first result (before the track)";
    note.hidden = true;
    return;
  }
  const when = dayText(first.at);
  const summary = `${first.total} of ${first.max}${when ? `, ${when}` : ""}`;
  note.textContent = `You have a first result (${summary}). Choose how to record this one:`;
  note.hidden = false;
  label.textContent = `a new first result, replacing the one you have (${summary})`;
}
