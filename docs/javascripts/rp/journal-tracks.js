// The journal's tracks (journal-view.js): the track followed first with a jump list to its
// weeks, each week folded but the latest, what waits in it; the other tracks in a line each.
import { element } from "./dom.js";
import { tracksOf, waitingText } from "./journal-entries.js";
import { DAY, list } from "./journal-view.js";
import { describeTrack, plural, trackStatus } from "./progress.js";
import { store } from "./store.js";

export function group(className, title, intro, ...content) {
  const section = element("section", { class: `rp-journal-group ${className}` });
  section.append(element("h2", {}, title));
  if (intro) section.append(element("p", { class: "rp-meta" }, intro));
  section.append(...content);
  return section;
}

// The tracks with nothing of their own to show: a line each, no list of what waits.
// `first`: the track shown first, where answers to articles they share are.
export function otherTracks(tracks, first) {
  const section = element("section", { class: "rp-journal-group rp-journal-others" });
  section.append(element("h2", {}, first ? "Other tracks" : "Tracks"));
  const items = element("ul", { class: "rp-journal-aside" });
  for (const track of tracks) {
    const item = element("li", { class: "rp-journal-track--waiting" });
    const shared = track.answered && first ? `; your ${plural(track.answered, "answer")} to questions it shares are under ${first.title}` : ", nothing answered there yet";
    item.append(element("a", { href: track.url }, track.title), `: ${plural(track.weeks.length, "week")}${shared}.`);
    items.append(item);
  }
  section.append(items);
  return section;
}

export function trackSection(view, track) {
  const status = trackStatus(tracksOf(view.data).tracks.find((item) => item.id === track.id), store.journal);
  const summary = `${track.followed ? "The track you follow · " : ""}${describeTrack(track, status)} · ${plural(track.shown, "answer")}`;
  const section = group("rp-journal-track", track.title, summary);
  section.dataset.rpTrack = track.id;
  const weeks = track.weeks.filter((week) => week.entries.length);
  if (weeks.length > 1) section.append(jumpList(track, weeks));
  let waiting = null; // consecutive weeks with nothing answered, in one list
  const latest = weeks.at(-1);
  for (const week of track.weeks) {
    const count = week.questions - week.answered;
    const link = element("a", { href: `${week.url}#reflect` }, waitingText(count, week.number));
    if (!week.entries.length) {
      if (!track.followed || week.answered) continue; // nothing to nag about outside the track followed
      if (!waiting) section.append((waiting = element("ul", { class: "rp-journal-aside rp-waiting" })));
      const item = element("li");
      item.append(link, `: ${week.title}`);
      waiting.append(item);
      continue;
    }
    waiting = null;
    const part = element("details", { class: "rp-details rp-journal-group rp-journal-week", id: weekId(track, week) });
    part.open = week === latest;
    const summaryLine = element("summary");
    const heading = element("h3", {}, `Week ${week.number}: ${week.title}`);
    summaryLine.append(heading, element("span", { class: "rp-journal-week__count" }, `${plural(week.entries.length, "answer")}${dates(week.entries)}`));
    part.append(summaryLine, list(view, week.entries));
    const more = element("p", { class: "rp-journal-aside rp-waiting" });
    more.append(element("a", { href: week.url }, "Open the week"), count && track.followed ? " · " : "");
    if (count && track.followed) more.append(link);
    part.append(more);
    section.append(part);
  }
  return section;
}

const weekId = (track, week) => `journal-${track.id}-${week.number}`;

function jumpList(track, weeks) {
  const nav = element("nav", { class: "rp-jump", "aria-label": `Weeks of ${track.title}` });
  const items = element("ul");
  for (const week of weeks) {
    const item = element("li");
    item.append(element("a", { href: `#${weekId(track, week)}` }, `Week ${week.number}`));
    items.append(item);
  }
  nav.append(element("span", { class: "rp-jump__label" }, "Jump to: "), items);
  return nav;
}

// The span of days a week's answers were written on: " · 11 Jan 2027" or " · 11–13 Jan".
function dates(entries) {
  const days = entries.map((entry) => entry.answer.updated).filter(Boolean).sort();
  if (!days.length) return "";
  const [first, last] = [DAY.format(new Date(days[0])), DAY.format(new Date(days.at(-1)))];
  return first === last ? ` · ${first}` : ` · ${first} to ${last}`;
}

// A jump link opens its week before the page moves there.
export function openTarget(event, view) {
  const link = event.target.closest?.(".rp-jump a");
  if (!link) return;
  const target = view.root.querySelector(link.hash);
  if (target) target.open = true;
}

/** The week the address points at (a jump link followed, a page opened with it) opens, and
 * shows once the answers are there. */
export function openHash() {
  const id = decodeURIComponent(window.location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target?.matches("details.rp-journal-week") || target.open) return;
  target.open = true;
  target.scrollIntoView();
}

// Print holds every answer: folded weeks open for it and close again after.
export function openAll(view) {
  view.printed = [...view.root.querySelectorAll("details.rp-journal-week:not([open])")];
  view.printed.forEach((part) => (part.open = true));
}

export function closeAgain(view) {
  (view.printed ?? []).forEach((part) => (part.open = false));
  view.printed = [];
}
