// Which team (cohort) a participant reads a track with: remembered when they open the track
// from their cohort's page or messages (?cohort=<id>), so their check-ins name it. A
// preference, not the journal: its own small key, validated on read, never throwing.
import { readIsland } from "./dom.js";

export const KEY = "reading-program.cohort";
const FORMAT = "reading-program-cohort";
const ID = /^[a-z0-9]+(?:-[a-z0-9]+){0,30}$/;

function read(storage) {
  try {
    const data = JSON.parse(storage.getItem(KEY) ?? "null");
    const valid = data?.format === FORMAT && data.version === 1 && typeof data.tracks === "object" && data.tracks !== null && !Array.isArray(data.tracks);
    return valid ? data.tracks : {};
  } catch {
    return {};
  }
}

/** The cohort id remembered for `track`, or null. */
export function cohortFor(track, storageOf = () => globalThis.localStorage) {
  try {
    const id = read(storageOf())[track];
    return typeof id === "string" && ID.test(id) && Object.hasOwn(read(storageOf()), track) ? id : null;
  } catch {
    return null;
  }
}

/** Remembers the cohort named by the page's address (`?cohort=<id>`) for `track`. */
export function rememberCohort(track, search, storageOf = () => globalThis.localStorage) {
  const id = new URLSearchParams(search).get("cohort");
  if (!id || !ID.test(id) || !ID.test(track)) return null;
  try {
    const storage = storageOf();
    const tracks = { ...read(storage), [track]: id };
    storage.setItem(KEY, JSON.stringify({ format: FORMAT, version: 1, tracks }));
  } catch {
    // storage blocked or full: the check-in simply names no team
  }
  return id;
}

/** On a track's or week's page: remember the cohort its address names for its track. */
export function rememberFromPage() {
  const track = readIsland(document.querySelector(".rp-track-data"));
  return track?.id ? rememberCohort(track.id, window.location.search) : null;
}
