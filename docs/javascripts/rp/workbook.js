// The workbook's cover: the team's dated schedule when the address names a cohort reading
// this track (?cohort=<id>; an unknown id leaves the plain cover), and a print button.
import { button, element, readIsland } from "./dom.js";

export function enhance() {
  const hint = document.querySelector(".rp-workbook-hint");
  if (hint && !hint.querySelector("button")) hint.append(" ", button("Print the workbook", () => window.print()));
  const slot = document.querySelector(".rp-workbook-team");
  const island = document.querySelector(".rp-workbook-data");
  const id = new URLSearchParams(window.location.search).get("cohort");
  const cohort = slot && island && id ? readIsland(island)?.cohorts.find((item) => item.id === id) : null;
  if (!cohort) return;
  slot.textContent = "";
  const team = element("p", { class: "rp-workbook-team__name" });
  team.append(element("strong", {}, cohort.team), cohort.lead ? ` · led by ${cohort.lead}` : "");
  const table = element("table");
  const head = element("tr");
  for (const title of ["Week", "Theme", "Dates", "Meeting"]) head.append(element("th", { scope: "col" }, title));
  const thead = element("thead");
  thead.append(head);
  const body = element("tbody");
  for (const week of cohort.weeks) {
    const row = element("tr");
    for (const text of [String(week.number), week.title, week.dates, week.meeting ?? "–"]) row.append(element("td", {}, text));
    body.append(row);
  }
  table.append(thead, body);
  const scroll = element("div", { class: "rp-scroll", tabindex: "0", role: "region", "aria-label": "Schedule" });
  scroll.append(table);
  slot.append(team, scroll);
  if (cohort.breaks.length) slot.append(element("p", {}, `No reading in the week of ${cohort.breaks.join(", ")}: later weeks move back.`));
  slot.hidden = false;
}
