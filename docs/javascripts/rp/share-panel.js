// The check-in a participant sends their team lead: their name (kept in this browser, in
// the journal's profile), then the words and the code to paste into chat or e-mail.
import { NAME_MAX, checkinText, cleanName, encodeCheckin } from "./checkin.js";
import { cohortFor } from "./cohort-memory.js";
import { copyText } from "./copy.js";
import { isoDay } from "./dates.js";
import { button, element, readIsland } from "./dom.js";
import { weekStatus } from "./progress.js";
import { store } from "./store.js";

/** The adapter to rp/progress.js, which decides when a week is started or complete: per
 * week of `track`, the status (0 not started, 1 started, 2 complete) and the counts. */
export function progressWeeks(track, journal) {
  return track.weeks.map((week) => {
    const { read, answered, complete, started } = weekStatus(week, journal);
    return { status: complete ? 2 : started ? 1 : 0, read, answers: answered };
  });
}

/** The text to send: a line a person reads, then the code the lead's page reads; the code
 * names the participant's team (`cohort`) when they came from its page. */
export function checkinMessage(track, name, journal, day, cohort = null) {
  const checkin = { track: track.id, cohort, name, day, weeks: progressWeeks(track, journal) };
  const readings = track.weeks.map((week) => week.readings.length);
  return `${checkinText(track.title, readings, checkin)}\nCheck-in code: ${encodeCheckin(checkin)}`;
}

/** Opens or closes the panel under the "Share my progress" button (rp/share.js). */
export function toggle(opener) {
  let panel = opener.nextElementSibling?.matches(".rp-share-panel") ? opener.nextElementSibling : null;
  if (panel) {
    panel.hidden = !panel.hidden;
  } else {
    const track = readIsland(document.querySelector(".rp-track-data"));
    if (!track) return;
    panel = buildPanel(track);
    opener.after(panel);
  }
  opener.ariaExpanded = String(!panel.hidden);
  if (!panel.hidden) panel.querySelector("input").focus();
}

function buildPanel(track) {
  store.open();
  const panel = element("div", { class: "rp-share-panel" });
  const style = new URL("../../stylesheets/team-leads.css", import.meta.url);
  panel.append(element("link", { rel: "stylesheet", href: style }));
  const name = element("input", { id: "rp-share-name", class: "rp-field", maxlength: String(NAME_MAX), autocomplete: "name", "aria-describedby": "rp-share-problem rp-share-privacy" });
  const problem = element("span", { id: "rp-share-problem", class: "rp-share-problem", role: "status" });
  const text = element("textarea", { id: "rp-share-text", class: "rp-answer", rows: "3", readonly: "" });
  const copied = element("span", { role: "status", class: "rp-meta" });
  const copy = button("Copy check-in", () => copyText(text.value, text, copied));
  const field = (label, id, ...nodes) => {
    const paragraph = element("p");
    paragraph.append(element("label", { for: id }, label), element("br"), ...nodes);
    return paragraph;
  };
  const privacy = element("p", { id: "rp-share-privacy", class: "rp-meta" }, "Your name is kept in this browser only. A check-in holds your name and, for each week, how many readings you marked read and how many questions you answered: never your answers, nor the questions.");
  const actions = element("p");
  actions.append(copy, copied);
  panel.append(
    field("Your name, as your team lead knows you", "rp-share-name", name, " ", problem),
    privacy,
    field("Your check-in, to paste into a chat or an e-mail to your team lead", "rp-share-text", text),
    actions,
  );

  let touched = false; // no "Type your name first." before anything was typed
  const show = () => {
    const cleaned = cleanName(name.value);
    problem.textContent = touched || name.value ? (cleaned.problem ?? "") : "";
    text.value = cleaned.name ? checkinMessage(track, cleaned.name, store.journal, isoDay(new Date()), cohortFor(track.id)) : "";
    copy.disabled = !cleaned.name;
    copied.textContent = "";
  };
  name.value = store.journal.profile.get("displayName") ?? "";
  name.addEventListener("input", () => {
    touched = true;
    const cleaned = cleanName(name.value);
    if (cleaned.name || !name.value.trim()) {
      store.set("profile", "displayName", cleaned.name);
      store.saveSoon();
    }
    show();
  });
  const page = new AbortController(); // the panel goes with its page (instant navigation)
  store.listen(() => {
    if (!panel.isConnected) return page.abort();
    const stored = store.journal.profile.get("displayName") ?? "";
    if (document.activeElement !== name && stored !== cleanName(name.value).name) name.value = stored;
    show();
  }, page.signal);
  show();
  return panel;
}
