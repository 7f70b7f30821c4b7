// Keeping a track offline and removing the copy: loaded when the reader asks. The service
// worker (offline-worker.js, at the site's root) downloads the build's list of the track's
// files into the track's cache; removing deletes that cache, and the worker too when no
// other track of the site is kept.
import { isSiteCache } from "./offline-place.js";
import { loadData } from "./site-data.js";

/** A reason the track could not be kept, in words for the reader. */
export class OfflineProblem extends Error {}

/** Keep (or refresh) the track at `place`: resolves once every file is in its cache. */
export async function keepTrack(place) {
  const list = await loadData(place.list);
  if (list === null || place.listPath === null) {
    throw new OfflineProblem(navigator.onLine ? "The track's list of files could not be loaded: try again." : "You are offline: connect to keep this track, then try again.");
  }
  if (typeof list.version !== "string") {
    // `mkdocs serve` (pages change as the author edits) and builds of an export write no worker.
    throw new OfflineProblem("Offline reading works on the published site (mkdocs build); this copy, from mkdocs serve or an export, has none.");
  }
  const registration = await navigator.serviceWorker.register(place.worker, { scope: place.scope, type: "module" });
  const worker = await activated(registration);
  return ask(worker, { type: "keep", list: place.listPath });
}

export async function removeCopy(place) {
  await caches.delete(place.cacheName);
  const others = (await caches.keys()).filter((name) => isSiteCache(place.scope, name));
  if (others.length) return;
  const registration = await navigator.serviceWorker.getRegistration(place.scope);
  await registration?.unregister();
}

/** On a kept track's page: the browser checks for a newer worker (a site published
 * again), which refreshes the kept files that changed. */
export async function checkForUpdate(place) {
  const registration = await navigator.serviceWorker.getRegistration(place.scope);
  await registration?.update();
}

function activated(registration) {
  if (registration.active) return Promise.resolve(registration.active);
  const worker = registration.waiting ?? registration.installing;
  return new Promise((resolve, reject) => {
    worker.addEventListener("statechange", () => {
      if (worker.state === "activated") resolve(worker);
      if (worker.state === "redundant") reject(new Error("the offline worker did not start"));
    });
  });
}

function ask(worker, message) {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }) => (data?.ok ? resolve(data) : reject(new Error(data?.error ?? "no answer")));
    worker.postMessage(message, [channel.port2]);
  });
}
