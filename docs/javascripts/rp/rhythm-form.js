// A rhythm of one's own, on a track's page: the form shows once the script runs, the time
// zone the browser's own; the participant's saved weeks (rhythm-view.js) load once there is
// a journal, or when the form is sent.
import { onJournal } from "./on-journal.js";

const logged = (error) => console.error("reading-program:", error);

export function enhance({ signal }) {
  const section = document.querySelector(".rp-rhythm");
  const form = section.querySelector("form");
  section.hidden = false;
  if (!form.elements.zone.value) form.elements.zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  const view = () => import("./rhythm-view.js");
  const submit = (event) => {
    event.preventDefault();
    view()
      .then((module) => module.save(section, signal))
      .catch(logged);
  };
  form.addEventListener("submit", submit, { signal });
  onJournal(() => view().then((module) => signal.aborted || module.show(section, signal)).catch(logged), signal);
}
