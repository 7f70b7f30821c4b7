// A team's plan shown on the track page: dated weeks, each week's message with a copy
// button, and a calendar file. Loaded once a plan is asked for.
import { addCopyButtons, highlightThisWeek } from "./cohort.js";
import { button, element } from "./dom.js";
import { download } from "./download.js";
import { planCalendar, planMessage, planWeeks } from "./plan.js";

const ISO_DAY = /^\d{4}-\d\d-\d\d$/;

export function showPlan(track, plan, shareUrl) {
  const result = document.querySelector(".rp-plan-result");
  if (!result || !ISO_DAY.test(plan.start)) return;
  const base = window.location.href;
  const weeks = planWeeks(track, plan);
  result.textContent = "";
  const share = element("p");
  share.append("Share this plan: ", element("a", { href: shareUrl }, `${plan.team}, from ${plan.start}`), " ");
  share.append(button("Download calendar (.ics)", () => download(planCalendar(track, plan, weeks, base), "ics", `${track.id}-plan`)));
  result.append(share, ...weeks.map((week) => weekSection(track, plan, week, base)));
  addCopyButtons(result);
  highlightThisWeek();
}

function weekSection(track, plan, week, base) {
  const section = element("section", { class: "rp-cohort-week", "data-rp-starts": week.starts, "data-rp-ends": week.ends });
  const meeting = week.meeting ? ` · Meeting: ${week.meeting}` : "";
  section.append(
    element("h3", {}, `Week ${week.number}: ${week.title}`),
    element("p", { class: "rp-meta" }, `${week.starts} to ${week.ends} · ${week.minutes} min${meeting}`),
  );
  const list = element("ul");
  for (const reading of week.readings) {
    const item = element("li");
    item.append(element("a", { href: reading.url }, reading.title), ` · ${reading.minutes} min`);
    list.append(item);
  }
  const message = planMessage(track, plan, week, base);
  const subject = element("p");
  subject.append(element("strong", {}, "Subject: "), element("span", { class: "rp-message__subject" }, message.subject));
  const box = element("details", { class: "rp-message" });
  box.append(element("summary", {}, `Message to send for week ${week.number}`), subject);
  box.append(element("pre", { class: "rp-message__body" }, message.body));
  section.append(list, box);
  return section;
}
