// The workbook: a print button; on a track's workbook, an old link that names a cohort
// (?cohort=<id>) goes to that cohort's own workbook, whose cover the build wrote.
import { button, readIsland } from "./dom.js";

export function enhance() {
  const hint = document.querySelector(".rp-workbook-hint");
  if (hint && !hint.querySelector("button")) hint.append(" ", button("Print the workbook", () => window.print()));
  const island = document.querySelector(".rp-workbook-data");
  const id = new URLSearchParams(window.location.search).get("cohort");
  const target = island && id ? readIsland(island)?.cohorts?.[id] : null;
  if (typeof target === "string" && Object.hasOwn(readIsland(island).cohorts, id)) {
    window.location.replace(new URL(target, window.location.href).href);
  }
}
