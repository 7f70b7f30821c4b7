// The reading program's service worker (a module worker): keeps the tracks a reader asked
// to keep, so that their pages work without a network. Registered only when someone
// presses "Keep this track for offline reading" (docs/javascripts/rp/offline-keep.js); the
// build writes it at the site's root (reading_program/render/offline.py), its first line
// naming the build, so that a site published again is a new worker to the browser, which
// refreshes every kept track (only the files whose hash changed) when it takes over.
//
// It handles only GET requests for this site's own files (within its scope): for a file
// some kept track holds, the network first (revalidated, so a page published again is the
// new page, and the kept copy is replaced), the kept copy when the network fails; anything
// else goes to the network as if there were no worker. It never caches another host's
// files, nor anything a reader did not ask to keep. Answers are not its business: the
// pages keep them in localStorage, which works offline as it does online.

const PREFIX = "reading-program-offline";
const FORMAT = "reading-program-offline";
const NOT_KEPT = "offline/not-kept.html";
const AT_ONCE = 4; // downloads in parallel when keeping a track

/** The cache of one kept track of the site at `scope` (sites under one host each have theirs). */
export function cacheName(scope, track) {
  return `${PREFIX} ${scope} ${track}`;
}

export function isOurs(scope, name) {
  return name.startsWith(`${PREFIX} ${scope} `);
}

/** Where the record of a kept track is stored in its cache: no page ever requests it. */
export function recordKey(listUrl) {
  return `${listUrl}?kept`;
}

/** Whether the worker answers this request at all: a GET for a file within its scope. */
export function handles(scope, method, url) {
  return method === "GET" && url.startsWith(scope);
}

/** The address a file is kept under: without its query and fragment. */
export function keyOf(url) {
  const parsed = new URL(url);
  parsed.search = "";
  parsed.hash = "";
  return parsed.href;
}

/** A list the build wrote, checked: its track and files, each a path within the site. */
export function validList(data) {
  if (data === null || typeof data !== "object" || data.format !== FORMAT) return null;
  if (typeof data.track !== "string" || typeof data.version !== "string") return null;
  const files = data.files;
  if (files === null || typeof files !== "object") return null;
  const base = "https://site.invalid/base/";
  for (const [path, hash] of Object.entries(files)) {
    const within = !path.includes("//") && !path.split("/").includes("..") && new URL(path, base).href.startsWith(base);
    if (typeof hash !== "string" || !within) return null;
  }
  return data;
}

/** What keeping `list` needs to download, given the list kept before (or null): files
 * new or changed; and what to delete: files no longer listed. */
export function changes(list, previous, alreadyHeld) {
  const before = previous?.files ?? {};
  const download = Object.keys(list.files).filter((path) => before[path] !== list.files[path] || !alreadyHeld(path));
  const remove = Object.keys(before).filter((path) => !(path in list.files));
  return { download, remove };
}

const scope = () => self.registration.scope;

async function ourCaches() {
  const names = await caches.keys();
  return names.filter((name) => isOurs(scope(), name));
}

/** A response fit to keep and to answer a navigation with (not one marked redirected). */
async function storable(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}

// Kept files come from the server itself, never the browser's HTTP cache: a file is
// downloaded only when its hash says it changed.
async function download(url) {
  if (!handles(scope(), "GET", url)) throw new Error(`${url} is not this site's`);
  const response = await fetch(url, { cache: "reload", credentials: "same-origin" });
  if (!response.ok || response.type !== "basic") throw new Error(`${url}: ${response.status}`);
  return storable(response);
}

async function inBatches(items, work) {
  for (let start = 0; start < items.length; start += AT_ONCE) {
    await Promise.all(items.slice(start, start + AT_ONCE).map(work));
  }
}

/** Keep (or refresh) the track whose list is at `listPath` (relative to the scope). */
async function keep(listPath) {
  const listUrl = new URL(listPath, scope()).href;
  if (!handles(scope(), "GET", listUrl)) throw new Error("the list is not this site's");
  const list = validList(await (await download(listUrl)).json());
  if (list === null) throw new Error("the offline list is not one this site wrote");
  const name = cacheName(scope(), list.track);
  const isNew = !(await caches.has(name));
  const cache = await caches.open(name);
  try {
    const record = await cache.match(recordKey(listUrl));
    const previous = record ? validList(await record.json()) : null;
    const held = new Set((await cache.keys()).map((request) => request.url));
    const { download: needed, remove } = changes(list, previous, (path) => held.has(new URL(path, scope()).href));
    await inBatches(needed, async (path) => {
      const url = new URL(path, scope()).href;
      await cache.put(url, await download(url));
    });
    await Promise.all(remove.map((path) => cache.delete(new URL(path, scope()).href)));
    const keptAt = previous?.keptAt ?? new Date().toISOString();
    const kept = { ...list, list: listPath, keptAt, refreshedAt: new Date().toISOString() };
    await cache.put(recordKey(listUrl), new Response(JSON.stringify(kept), { headers: { "content-type": "application/json" } }));
    return { track: list.track, keptAt, files: Object.keys(list.files).length, downloaded: needed.length };
  } catch (error) {
    if (isNew) await caches.delete(name); // half a track is no offline copy
    throw error;
  }
}

/** After a new build's worker takes over: every kept track refreshed (changed files only). */
async function refreshAll() {
  for (const name of await ourCaches()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (!request.url.endsWith("?kept")) continue;
      const record = validList(await (await cache.match(request)).json());
      if (record && typeof record.list === "string") await keep(record.list).catch(() => null);
    }
  }
}

/** The network first, revalidated (no page older than the site); the kept copy offline. */
async function networkFirst(request) {
  const key = keyOf(request.url);
  const holders = [];
  let kept;
  for (const name of await ourCaches()) {
    const cache = await caches.open(name);
    const hit = await cache.match(key);
    if (hit) {
      holders.push(cache);
      kept ??= hit;
    }
  }
  if (!holders.length) return passThrough(request);
  let response;
  try {
    response = await fetch(key, { cache: "no-cache", credentials: "same-origin" });
  } catch {
    return kept;
  }
  if (!response.ok || response.type !== "basic") return response;
  const copy = await storable(response);
  await Promise.all(holders.map((cache) => cache.put(key, copy.clone())));
  return copy;
}

/** As if there were no worker; but a page not kept, opened offline while tracks are kept,
 * answers with a page saying so (kept with every track) rather than the browser's error.
 * It answers at the address asked for (503, never a redirect), so "Try again" and a reload
 * once online open the page the reader wanted. */
async function passThrough(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const notKept = request.mode === "navigate" && (await caches.match(new URL(NOT_KEPT, scope()).href));
    if (!notKept) throw error;
    const page = (await notKept.text()).replaceAll('href="../"', `href="${scope()}"`);
    return new Response(page, {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}

function reply(event, work) {
  const port = event.ports[0];
  event.waitUntil(
    work.then(
      (result) => port?.postMessage({ ok: true, ...result }),
      (error) => port?.postMessage({ ok: false, error: String(error?.message ?? error) }),
    ),
  );
}

// In a browser (not in the unit tests, which import the functions above).
if (typeof ServiceWorkerGlobalScope !== "undefined" && self instanceof ServiceWorkerGlobalScope) {
  self.addEventListener("install", () => self.skipWaiting());
  self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim().then(refreshAll)));
  self.addEventListener("fetch", (event) => {
    const { request } = event;
    if (handles(scope(), request.method, request.url)) event.respondWith(networkFirst(request));
  });
  self.addEventListener("message", (event) => {
    if (event.data?.type === "keep" && typeof event.data.list === "string") reply(event, keep(event.data.list));
  });
}
