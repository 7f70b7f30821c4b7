// The plan form; the plan lives in the address. Its view and data load when asked for.
import { readIsland } from "./dom.js";

const FIELDS = ["team", "start", "day", "time", "timezone", "lead", "note", "skip"];

export function enhance() {
  const form = document.querySelector("form.rp-plan");
  const track = readIsland(document.querySelector(".rp-track-data"));
  if (!track || form.dataset.rpReady) return;
  form.dataset.rpReady = "yes";
  form.hidden = false;
  const query = new URLSearchParams(window.location.search);
  for (const name of FIELDS) if (query.get(name) && form.elements[name]) form.elements[name].value = query.get(name);
  if (!form.elements.timezone.value) form.elements.timezone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  const show = () =>
    import("./plan-view.js")
      .then((view) => view.showPlan(form, track, Object.fromEntries(FIELDS.map((name) => [name, form.elements[name].value.trim()]))))
      .catch((error) => console.error("reading-program:", error));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    show();
  });
  if (query.get("team") && query.get("start")) show();
}
