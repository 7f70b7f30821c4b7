// "Plan this track for my team": the form. The plan is worked out in the browser and lives
// in the page's address, so it can be shared; its code loads once a plan is asked for.
import { readIsland } from "./dom.js";

const FIELDS = ["team", "start", "day", "time"];

export function enhance() {
  const form = document.querySelector("form.rp-plan");
  const track = readIsland(document.querySelector(".rp-track-data"));
  if (!track || form.dataset.rpReady) return;
  form.dataset.rpReady = "yes";
  form.hidden = false;
  const query = new URLSearchParams(window.location.search);
  for (const name of FIELDS) if (query.get(name) && form.elements[name]) form.elements[name].value = query.get(name);
  const show = (plan, address) =>
    import("./plan-view.js")
      .then((view) => view.showPlan(track, plan, address))
      .catch((error) => console.error("reading-program:", error));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const plan = formPlan(form);
    const url = new URL(window.location.href);
    url.search = new URLSearchParams(plan).toString();
    url.hash = "plan";
    window.history.replaceState(null, "", url);
    show(plan, url.href);
  });
  if (query.get("team") && query.get("start")) show(formPlan(form), window.location.href);
}

const formPlan = (form) => Object.fromEntries(FIELDS.map((name) => [name, form.elements[name]?.value ?? ""]));
