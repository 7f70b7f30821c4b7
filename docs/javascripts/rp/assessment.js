// The self-assessment form, scored from the build's data (scoring.js, loaded on submit);
// results are shown (assessment-result.js) once there is a journal. First result or retake
// is an explicit choice: once there is a first result, neither is preselected.
import { readIsland } from "./dom.js";
import { journalHere, onJournal } from "./on-journal.js";

let results = null;
let scoring = null;
const logged = (error) => console.error("reading-program:", error);

export function enhance({ signal }) {
  const form = document.querySelector("form.rp-assessment");
  const data = readIsland(document.querySelector(".rp-assessment-data"));
  if (!data || form.dataset.rpReady) return;
  form.dataset.rpReady = "yes";
  const view = { form, data, card: document.querySelector(".rp-result"), retaking: false };
  const show = () => (results ??= import("./assessment-result.js")).then((module) => (module.show(view, signal), module));
  // No journal, no first result: recording one is the choice on screen.
  if (!journalHere()) form.querySelector('input[value="before"]').checked = true;
  onJournal(() => show().catch(logged), signal);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    Promise.all([show(), (scoring ??= import("./scoring.js"))])
      .then(([module, scores]) => module.save(view, scores))
      .catch(logged);
  });
}
