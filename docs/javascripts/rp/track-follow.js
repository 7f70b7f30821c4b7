// When the participant follows another track than this page's: a note (back to their week,
// or follow this one instead) and the card of the track they follow. And the quiet word
// when a week completes. Loaded by track-state.js when there is something to say.
import { element } from "./dom.js";
import { follow } from "./follow.js";
import { trackStatus } from "./progress.js";
import { loadData } from "./site-data.js";
import { store } from "./store.js";
import { icon, showCard } from "./track-state.js";

export async function showOther(track, src, followed, notes) {
  const other = await programTrack(src, followed);
  if (!other) return;
  const status = trackStatus(other, store.journal);
  for (const card of document.querySelectorAll(".rp-resume")) showCard(card, other, status);
  const week = other.weeks[status.current];
  for (const note of notes) {
    const choose = element("button", { type: "button", class: "md-button rp-small" }, `Follow ${track.title} instead`);
    choose.addEventListener("click", () => follow(store, track.id));
    note.replaceChildren(`You follow ${other.title}`);
    if (week && !status.complete) note.append(": ", element("a", { href: week.url }, `back to your week ${week.number}`));
    note.append(". ", choose);
    note.hidden = false;
  }
}

/** Another track, from every track's data (the journal's data file), in the island's
 * shape: its links made absolute, as they are relative to that file. */
async function programTrack(src, id) {
  const [data, { readingsOf, tracksOf }] = await Promise.all([loadData(src), import("./journal-entries.js")]);
  const found = data && tracksOf(data).tracks.find((track) => track.id === id);
  if (!found) return null;
  const url = (href) => new URL(href, new URL(src, window.location.href)).href;
  const readings = readingsOf(data);
  const reading = ({ slug }) => ({ slug, ...readings.get(slug), url: url(readings.get(slug)?.url ?? "") });
  const weeks = found.weeks.map((week) => ({ ...week, url: url(week.url), readings: week.readings.map(reading) }));
  return { ...found, url: url(found.url), finish: url(found.finish), weeks };
}

/** A week (or the whole track) completed on its page: a note at the bottom of the screen,
 * with the way on, until closed or the page changes. */
export function celebrate(track, number, all) {
  const following = track.weeks[number];
  const toast = element("div", { class: "rp-toast", role: "status" });
  const close = element("button", { type: "button", class: "rp-toast__close", "aria-label": "Close" }, "×");
  close.addEventListener("click", () => toast.remove());
  const next = following
    ? element("a", { href: following.url }, `On to week ${following.number}: ${following.title}`)
    : element("a", { href: track.finish }, "See what changed");
  toast.append(icon("complete"), element("strong", {}, all ? `${track.title} complete.` : `Week ${number} complete.`), " ", next, close);
  document.querySelector(".rp-toast")?.remove();
  (document.querySelector("article") ?? document.body).append(toast);
}
