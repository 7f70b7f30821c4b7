// A team's plan shown on the track page: dated weeks and breaks, each week's message with
// a copy button, a calendar file, a link to copy. Loaded once a plan is asked for, with
// the build's message data for the track.
import { addCopyButtons, highlightThisWeek } from "./cohort.js";
import { button, element } from "./dom.js";
import { download } from "./download.js";
import { knownZone } from "./ical.js";
import { dayText, longRange, meetingText, planCalendar, planMessage, planWeeks, skipDays } from "./plan.js";
import { loadData } from "./site-data.js";

const ISO_DAY = /^\d{4}-\d\d-\d\d$/;

export async function showPlan(form, track, plan) {
  const result = document.querySelector(".rp-plan-result");
  if (!result) return;
  if (!plan.team || !ISO_DAY.test(plan.start)) {
    result.textContent = "Enter a team name and the first day of week 1.";
    return;
  }
  if (!knownZone(plan.timezone)) {
    result.textContent = `“${plan.timezone}” is not a time zone this browser knows: write it like Europe/Berlin or America/New_York.`;
    return;
  }
  const data = await loadData(form.dataset.rpPlan);
  if (!data) {
    result.textContent = "The plan could not be made: reload the page and try again.";
    return;
  }
  const url = new URL(window.location.href);
  url.search = new URLSearchParams(Object.entries(plan).filter(([, value]) => value)).toString();
  url.hash = "plan";
  window.history.replaceState(window.history.state, "", url);
  const base = new URL(form.dataset.rpRoot, window.location.href).href;
  const schedule = planWeeks(track, plan, data);
  const { weeks, breaks } = schedule;
  const replan = (skip) => {
    form.elements.skip.value = skip.join(",");
    showPlan(form, track, { ...plan, skip: form.elements.skip.value });
  };
  result.textContent = "";
  result.append(shareLine(track, plan, data, weeks, base, url.href));
  for (const week of weeks) {
    for (const pause of breaks.filter((item) => item.before === week.number)) result.append(breakLine(pause, plan, data, replan));
    result.append(weekSection(week, plan, data, base, schedule, () => replan([...skipDays(plan), week.starts])));
  }
  addCopyButtons(result);
  highlightThisWeek();
}

function shareLine(track, plan, data, weeks, base, address) {
  const line = element("p", { class: "rp-plan-share" });
  const status = element("span", { class: "rp-meta", role: "status" });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(address);
      status.textContent = " Link copied.";
    } catch {
      window.getSelection().selectAllChildren(link);
      status.textContent = " Selected: press Ctrl+C (or ⌘C) to copy.";
    }
  };
  const link = element("a", { href: address }, `${plan.team}, from ${dayText(plan.start, data)}`);
  const absolute = weeks.map((week) => ({ ...week, url: new URL(week.url, window.location.href).href }));
  const calendar = () => download(planCalendar(data, track, plan, absolute, base), "ics", `${track.id}-plan`);
  line.append("Share this plan: ", link, " ", button("Copy link", copy), " ", button("Download calendar (.ics)", calendar), status);
  return line;
}

function breakLine(pause, plan, data, replan) {
  const line = element("p", { class: "rp-plan-break" });
  const inside = (day) => pause.starts <= day && day <= pause.ends;
  line.append(element("strong", {}, "Break: "), `${longRange(pause.starts, pause.ends, data)}, no reading. `);
  line.append(button("Remove this break", () => replan(skipDays(plan).filter((day) => !inside(day)))));
  return line;
}

function weekSection(week, plan, data, base, schedule, makeBreak) {
  const section = element("section", { class: "rp-cohort-week", "data-rp-starts": week.starts, "data-rp-ends": week.ends });
  const meeting = week.meeting ? ` · Meeting: ${meetingText(week.meeting, plan, data)}` : "";
  section.append(
    element("h3", {}, `Week ${week.number}: ${week.title}`),
    element("p", { class: "rp-meta" }, `${longRange(week.starts, week.ends, data)} · ${week.minutes} min${meeting}`),
  );
  const list = element("ul");
  for (const reading of week.readings) {
    const item = element("li");
    item.append(element("a", { href: reading.url }, reading.title), ` · ${reading.minutes} min`);
    list.append(item);
  }
  const message = planMessage(data, plan, week, base, schedule);
  const subject = element("p");
  subject.append(element("strong", {}, "Subject: "), element("span", { class: "rp-message__subject" }, message.subject));
  const box = element("details", { class: "rp-message" });
  box.append(element("summary", {}, `Message to send for week ${week.number}`), subject);
  box.append(element("pre", { class: "rp-message__body" }, message.body));
  const pause = element("p");
  pause.append(button(`Add a break week before week ${week.number}`, makeBreak));
  section.append(list, box, pause);
  return section;
}
