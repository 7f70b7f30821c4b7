// Where a track's offline copy lives: the site's root (the service worker's scope), the
// build's list of the track's files, the worker, and the cache that holds the copy. Read
// from the track page's markup (`.rp-offline`, addresses relative to the page), so the
// site works under any base path. The worker (offline-worker.js) names caches alike.

const CACHE_PREFIX = "reading-program-offline";

/** The place of the track whose control has `data` (its dataset), on the page at `pageUrl`. */
export function offlinePlace(data, pageUrl) {
  const scope = new URL(data.rpRoot, pageUrl).href;
  const list = new URL(data.rpOffline, pageUrl).href;
  return {
    scope,
    track: data.rpTrack,
    list,
    listPath: list.startsWith(scope) ? list.slice(scope.length) : null,
    worker: new URL(data.rpWorker, pageUrl).href,
    cacheName: `${CACHE_PREFIX} ${scope} ${data.rpTrack}`,
    recordKey: `${list}?kept`,
  };
}

/** Whether `name` is the cache of a kept track of the site at `scope`. */
export const isSiteCache = (scope, name) => name.startsWith(`${CACHE_PREFIX} ${scope} `);

/** "7 December 2026 at 09:30", in the reader's time zone, day before month as the site
 * writes dates ("Monday 18 January"), whatever the browser's own locale. */
export function keptWhen(iso, locale = "en-GB") {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short" }).format(date);
}
