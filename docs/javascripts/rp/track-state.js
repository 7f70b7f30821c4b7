// Where a participant stands, shown where they are (track-views.js loads it once there is a
// journal): the track's card (the week they are in and Continue, then what changed), each
// week's status and what completes it, a quiet word when a week completes, ticks in the
// navigation. The track followed and other tracks' cards: track-follow.js. With a rhythm
// of the participant's own (rhythm.js), the day each week opens, and Continue on that
// calendar; a week's page also brings back their own words (week-words.js).
import { element } from "./dom.js";
import { followedTrackId } from "./follow.js";
import { describeTrack, describeWeek, plural, trackStatus, weekTodo } from "./progress.js";
import { calendarNext, longDay, opensText, rhythmOf, rhythmWeeks, todayIn } from "./rhythm.js";
import { store } from "./store.js";

const ICONS = { complete: "✓", current: "●", waiting: "○" };
let following = null;
const others = () => (following ??= import("./track-follow.js"));

export function show(track, programSrc, signal) {
  store.open();
  const view = { track, programSrc, completed: null, asked: 0 };
  const update = (change) => change?.type === "saved" || render(view);
  store.listen(update, signal);
  update();
  document.querySelector(".rp-track-data").dataset.rpShown = "yes"; // for tests: shown from the journal
  if (!document.querySelector(".rp-last-week, .rp-now-again")) return;
  import("./week-words.js")
    .then((module) => signal.aborted || module.show(track, signal))
    .catch((error) => console.error("reading-program:", error));
}

function render(view) {
  const { track } = view;
  const status = trackStatus(track, store.journal);
  showWeekStatus(track, status);
  showOpens(track);
  showWeeksTable(track, status);
  acknowledge(view, status);
  tickReadings();
  const asked = (view.asked += 1);
  followedTrackId(store.journal, view.programSrc)
    .then((followed) => asked === view.asked && showFollowed(view, status, followed))
    .catch((error) => console.error("reading-program:", error));
}

function showFollowed({ track, programSrc }, status, followed) {
  markNavigation(track, status, followed === track.id || (!followed && status.started));
  const notes = document.querySelectorAll(".rp-follow");
  if (followed && followed !== track.id) {
    others().then((module) => module.showOther(track, programSrc, followed, notes));
    return;
  }
  for (const note of notes) {
    note.hidden = !followed;
    note.replaceChildren(icon("complete"), "You follow this track: its weeks come first across the site.");
  }
  for (const card of document.querySelectorAll(".rp-resume")) showCard(card, track, status);
}

// ---- The track's card ------------------------------------------------------------------

export function showCard(card, track, status) {
  const part = (name) => card.querySelector(`.rp-resume__${name}`);
  const primary = card.querySelector(".md-button--primary");
  card.dataset.rpTrack = track.id;
  card.dataset.rpState = status.complete ? "complete" : status.started ? "started" : "new";
  if (part("more")) part("more").href = track.url;
  primary.dataset.rpTrack = track.id;
  primary.classList.toggle("rp-start-link", !status.started);
  part("progress").hidden = !status.started;
  const calendar = calendarOf(track, status);
  const opens = calendar?.index === 0 && calendar.opens ? `Week 1 opens ${longDay(calendar.opens)} · ` : "";
  if (!status.started) {
    const first = track.weeks[0];
    const minutes = first.minutes ?? first.readings.reduce((sum, reading) => sum + (reading.minutes ?? 0), 0);
    part("track").textContent = track.title;
    part("title").textContent = `Start week 1: ${first.title}`;
    part("where").textContent = `${opens}${plural(first.readings.length, "reading")} · ${minutes} min · one answer to a question completes the week`;
    return setLink(primary, first.url, "Start week 1");
  }
  part("track").textContent = `Your track: ${track.title}`;
  part("count").textContent = describeTrack(track, status);
  part("progress").querySelector(".rp-bar > span").style.width = `${Math.round((100 * status.stepsDone) / Math.max(status.steps, 1))}%`;
  if (status.complete) {
    part("title").textContent = `You completed all ${plural(track.weeks.length, "week")}`;
    part("where").textContent = "See what changed since week 1, and keep your journal.";
    return setLink(primary, track.finish, "See what changed");
  }
  if (calendar?.upToDate !== undefined) return upToDate(card, track, calendar);
  const { week, reading } = calendar ? nextIn(track.weeks[calendar.index]) : status.next;
  part("title").textContent = `Week ${week.number} of ${track.weeks.length}: ${week.title}`;
  part("where").textContent = `${opens}To complete it: ${weekTodo(status.weeks[week.number - 1])}.`;
  if (reading) setLink(primary, reading.url, `Continue: ${reading.title}${reading.minutes ? ` · ${reading.minutes} min` : ""}`);
  else setLink(primary, `${week.url}#reflect`, `Continue: answer a question of week ${week.number}`);
}

/** The week the participant is in: on their own calendar when they set one (the week
 * Continue leads to), else the first incomplete week. */
function currentIndex(track, status) {
  const calendar = calendarOf(track, status);
  return calendar ? (calendar.index ?? calendar.upToDate) : status.current;
}

const calendarOf = (track, status) => {
  const rhythm = rhythmOf(store.journal, track.id);
  return rhythm && !status.complete ? calendarNext(status, rhythmWeeks(track, rhythm), todayIn(rhythm.zone)) : null;
};

const nextIn = (week) => ({ week, reading: week.readings.find((item) => !store.journal.read.has(item.slug)) ?? null });

// Every week open on the participant's calendar is complete: the next one opens later.
function upToDate(card, track, { upToDate: index, opens }) {
  const following = track.weeks[index + 1];
  card.querySelector(".rp-resume__title").textContent = `Up to date: week ${index + 1} of ${track.weeks.length} complete`;
  card.querySelector(".rp-resume__where").textContent = `Week ${following.number} opens ${longDay(opens)}.`;
  setLink(card.querySelector(".md-button--primary"), following.url, `Look ahead: week ${following.number}`);
}

function setLink(link, href, text) {
  link.href = href;
  link.textContent = text;
}

// ---- Weeks -------------------------------------------------------------------------------

const ofTrack = (selector, track) => [...document.querySelectorAll(selector)].filter((node) => node.dataset.rpTrack === track.id);
const weekOf = (node, status) => status.weeks[Number(node.dataset.rpWeek) - 1];
export const icon = (kind) => element("span", { class: `rp-icon rp-icon--${kind}`, "aria-hidden": "true" }, `${ICONS[kind]} `);

function showWeekStatus(track, status) {
  for (const line of ofTrack(".rp-week-status", track)) {
    const week = weekOf(line, status);
    if (!week) continue;
    line.dataset.rpState = week.complete ? "complete" : week.started ? "started" : "new";
    if (week.complete) line.replaceChildren(icon("complete"), element("strong", {}, "Week complete"), ` · ${week.read} of ${week.readings} read · ${plural(week.answered, "answer")}`);
    else line.replaceChildren(icon(week.started ? "current" : "waiting"), element("strong", {}, describeWeek(week)), ` · To complete this week: ${weekTodo(week)}.`);
    line.hidden = false;
  }
}

// "Week 2 opens Monday 18 January" on a week's page, from the participant's own dates.
function showOpens(track) {
  const rhythm = rhythmOf(store.journal, track.id);
  const weeks = rhythm && rhythmWeeks(track, rhythm);
  const today = rhythm && todayIn(rhythm.zone);
  for (const line of ofTrack(".rp-opens", track)) {
    const week = weeks?.[Number(line.dataset.rpWeek) - 1];
    line.hidden = !week;
    if (!week) continue;
    const now = week.starts <= today && today <= week.ends;
    const kind = now ? "current" : week.starts > today ? "waiting" : null;
    line.replaceChildren(...(kind ? [icon(kind)] : []), `${opensText(week, today)}${now ? ": this is your week now" : ""}.`);
  }
}

function showWeeksTable(track, status) {
  for (const cell of ofTrack(".rp-week-progress", track)) {
    const week = weekOf(cell, status);
    if (!week) continue;
    const current = status.started && !status.complete && currentIndex(track, status) === Number(cell.dataset.rpWeek) - 1;
    cell.replaceChildren(icon(week.complete ? "complete" : current ? "current" : "waiting"), describeWeek(week));
    cell.classList.toggle("rp-week-progress--complete", week.complete);
    cell.closest("tr")?.classList.toggle("rp-current", current);
  }
}

// A quiet word when a week completes on its page (not when a page opens complete).
function acknowledge(view, status) {
  const line = ofTrack(".rp-week-status", view.track)[0];
  const week = line && weekOf(line, status);
  if (!week) return;
  const before = view.completed;
  view.completed = week.complete;
  if (before === false && week.complete) others().then((module) => module.celebrate(view.track, Number(line.dataset.rpWeek), status.complete));
}

// ---- The navigation ----------------------------------------------------------------------

// Sidebar: ticks on complete weeks and, in the track followed, its current week.
function markNavigation(track, status, mine) {
  const weeks = new Map(track.weeks.map((week, index) => [new URL(week.url, window.location.href).href, index]));
  for (const link of document.querySelectorAll(".md-nav--primary a.md-nav__link[href]")) {
    const index = weeks.get(link.href);
    if (index === undefined) continue;
    const kind = status.weeks[index].complete ? "complete" : mine && index === currentIndex(track, status) && !status.complete ? "current" : "";
    mark(link, kind, { complete: "complete", current: "this week" }[kind]);
  }
}

// Table of contents: a tick on each reading read.
function tickReadings() {
  const links = [...document.querySelectorAll(".md-nav--secondary a.md-nav__link[href]")];
  for (const link of links.filter((item) => item.hash.startsWith("#reading-") && item.pathname === window.location.pathname)) {
    const slug = document.getElementById(link.hash.slice(1))?.nextElementSibling?.dataset?.rpArticle;
    if (slug) mark(link, store.journal.read.has(slug) ? "complete" : "", "read");
  }
}

function mark(link, kind, words) {
  link.classList.toggle("rp-nav-current", kind === "current");
  link.querySelector(".rp-nav-mark")?.remove();
  if (!kind) return;
  const badge = element("span", { class: "rp-nav-mark" });
  badge.append(element("span", { "aria-hidden": "true" }, ` ${ICONS[kind]}`), element("span", { class: "rp-sr-only" }, ` (${words})`));
  (link.querySelector(".md-ellipsis") ?? link).append(badge);
}
