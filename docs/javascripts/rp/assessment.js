// The self-assessment form, scored from the build's data (scoring.js, loaded on submit).
// First result or retake is an explicit choice: once there is a first result, neither is
// preselected.
import { element, readIsland } from "./dom.js";
import { store } from "./store.js";

let scoring = null;

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
    (scoring ??= import("./scoring.js"))
      .then((module) => save(form, data, module))
      .catch((error) => console.error("reading-program:", error));
  });
}

function save(form, data, { bandFor, scoreRatings, withResult }) {
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
}

function showPhaseChoice(form, first) {
  const note = form.querySelector(".rp-phase__first");
  note.hidden = !first;
  form.querySelector(".rp-phase__new").hidden = Boolean(first);
  form.querySelector(".rp-phase__replace").hidden = !first;
  if (first) note.querySelector(".rp-phase__result").textContent = `${first.total} of ${first.max}`;
  // Nothing to compare with yet: the first result is the choice on screen.
  else if (!form.querySelector('input[name="rp-phase"]:checked')) form.querySelector('input[value="before"]').checked = true;
}
