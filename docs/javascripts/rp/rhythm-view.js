// A participant's own weeks on a track's page (rhythm-form.js loads this): the day each
// week opens, the reminder, *Add to my calendar* (a file with one event and reminder a
// week: rhythm.js, with the build's calendar texts), and the form to change or stop them.
// Kept in the journal beside the track followed; setting weeks follows the track.
import { button, element, readIsland } from "./dom.js";
import { download } from "./download.js";
import { knownZone } from "./ical.js";
import { longDay, opensText, rhythmCalendar, rhythmOf, rhythmWeeks, todayIn } from "./rhythm.js";
import { loadData } from "./site-data.js";
import { store } from "./store.js";
import { readRhythm } from "./validate.js";

const FIELDS = ["start", "day", "time", "zone"];
const shown = new WeakSet();
const trackOf = () => readIsland(document.querySelector(".rp-track-data"));

export function show(section, signal) {
  if (shown.has(section)) return;
  shown.add(section);
  store.open();
  const track = trackOf();
  if (!track) return;
  const update = (change) => (!change || change.type === "all" || change.section === "tracks") && render(section, track);
  store.listen(update, signal);
  update();
}

export function save(section, signal) {
  show(section, signal);
  const form = section.querySelector("form");
  const values = Object.fromEntries(FIELDS.map((name) => [name, form.elements[name].value.trim()]));
  const rhythm = readRhythm(values);
  const problem = section.querySelector(".rp-rhythm__problem");
  if (!rhythm || !knownZone(rhythm.zone)) {
    problem.textContent = rhythm ? `“${values.zone}” is not a time zone this browser knows: write it like Europe/Berlin or America/New_York.` : "Pick the first day of week 1 and a time.";
    return;
  }
  problem.textContent = "";
  const id = section.dataset.rpTrack;
  const entry = store.journal.tracks.get(id);
  // What a newer version keeps in the rhythm stays; the fields set here are replaced.
  store.set("tracks", id, { ...entry, followed: new Date().toISOString(), rhythm: { ...entry?.rhythm, ...rhythm } });
  store.saveNow();
  section.querySelector("details").open = false;
  section.querySelector(".rp-rhythm__title")?.focus();
}

function render(section, track) {
  const rhythm = rhythmOf(store.journal, track.id);
  const part = section.querySelector(".rp-rhythm__shown");
  section.querySelector("summary").textContent = rhythm ? "Change your weeks or reminders" : "Reading on your own? Set your own weeks and reminders";
  part.hidden = !rhythm;
  part.replaceChildren();
  if (!rhythm) return;
  const form = section.querySelector("form");
  if (!form.contains(document.activeElement)) for (const name of FIELDS) form.elements[name].value = rhythm[name];
  const today = todayIn(rhythm.zone);
  const weeks = rhythmWeeks(track, rhythm);
  const dayName = rhythm.day ? `every ${form.elements.day.selectedOptions[0]?.textContent}` : "the day each week opens";
  const list = element("ul", { class: "rp-rhythm__weeks" });
  for (const week of weeks) {
    const now = week.starts <= today && today <= week.ends;
    const item = element("li", now ? { class: "rp-rhythm__now" } : {}, `${opensText(week, today)} · ${week.title}${now ? " · your week now" : ""}`);
    list.append(item);
  }
  const status = element("span", { class: "rp-meta", role: "status" });
  const actions = element("p", { class: "rp-rhythm__actions" });
  const calendar = () => addToCalendar(section, track, rhythm, status).catch((error) => console.error("reading-program:", error));
  actions.append(button("Add to my calendar (.ics)", calendar, "md-button--primary"), " ", button("Stop using my dates", () => stop(track.id)), " ", status);
  part.append(
    element("h2", { class: "rp-rhythm__title", tabindex: "-1" }, "Your weeks"),
    element("p", { class: "rp-meta" }, `From ${longDay(rhythm.start)}, a new week every seven days · a reminder ${dayName} at ${rhythm.time} (${rhythm.zone}) in the calendar file.`),
    list,
    actions,
  );
}

async function addToCalendar(section, track, rhythm, status) {
  if (!knownZone(rhythm.zone)) {
    status.textContent = `This browser does not know the time zone “${rhythm.zone}”: change your weeks and name another.`;
    return;
  }
  const data = await loadData(section.dataset.rpPlan);
  if (!data) {
    status.textContent = "The calendar file could not be made: reload the page and try again.";
    return;
  }
  const absolute = (href) => new URL(href, window.location.href).href;
  const weeks = track.weeks.map((week) => ({ ...week, url: absolute(week.url) }));
  download(rhythmCalendar(data, { ...track, weeks }, rhythm, absolute(section.dataset.rpRoot)), "ics", `${track.id}-my-weeks`);
  status.textContent = "Downloaded: open the file to add your weeks to your calendar.";
}

function stop(id) {
  const { rhythm, ...entry } = store.journal.tracks.get(id) ?? {};
  if (rhythm) store.set("tracks", id, entry);
  store.saveNow();
}
