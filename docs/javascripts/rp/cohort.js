// For team leads: where the team is today on a schedule (this week highlighted, or before
// the start, a break, the end), and a copy button on each message.
import { statusText, whereIs } from "./cohort-status.js";
import { copyText } from "./copy.js";
import { isoDay } from "./dates.js";
import { button, element, headingText, readIsland } from "./dom.js";

export function enhance() {
  highlightThisWeek();
  addCopyButtons(document);
}

export function highlightThisWeek() {
  const today = isoDay(new Date());
  const slot = document.querySelector(".rp-this-week");
  for (const week of document.querySelectorAll(".rp-cohort-week")) {
    const current = week.dataset.rpStarts <= today && today <= week.dataset.rpEnds;
    week.classList.toggle("rp-current", current);
    const heading = week.querySelector("h3");
    if (!current || !slot || !heading) continue;
    slot.textContent = "";
    const link = heading.id ? element("a", { href: `#${heading.id}` }, headingText(heading)) : headingText(heading);
    slot.append(element("strong", {}, "This week: "), link);
    slot.hidden = false;
  }
  const island = document.querySelector(".rp-cohort-data");
  const data = island && readIsland(island);
  const text = slot && data && statusText(whereIs(today, data.weeks), today);
  if (text) {
    slot.textContent = text;
    slot.hidden = false;
  }
}

export function addCopyButtons(root) {
  for (const box of root.querySelectorAll(".rp-message")) {
    if (box.querySelector(".rp-copy")) continue;
    const subject = box.querySelector(".rp-message__subject");
    const body = box.querySelector(".rp-message__body");
    const status = element("span", { role: "status", class: "rp-meta" });
    const copy = button("Copy message", () => copyText(`Subject: ${subject.textContent}\n\n${body.textContent}`, body, status), "rp-copy");
    box.append(copy, status);
  }
}
