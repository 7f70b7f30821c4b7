// The one request the script makes besides loading its own modules: a data file that the
// build writes next to a page (the journal's, a plan form's), from the site's own origin, by
// GET, with nothing added to its address. This module never sees the journal (it does not
// import the store), so no request can carry an answer; tests/test_asset_budget.py checks.
const loaded = new Map();

/** The JSON at `path` (relative to the page), or null when it cannot be had. */
export function loadData(path) {
  const url = new URL(path, window.location.href);
  if (url.origin !== window.location.origin) return Promise.resolve(null);
  url.search = "";
  url.hash = "";
  if (!loaded.has(url.href)) {
    const request = fetch(url.href, { credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null)
      .then((data) => {
        if (data === null) loaded.delete(url.href); // try again on the next visit
        return data;
      });
    loaded.set(url.href, request);
  }
  return loaded.get(url.href);
}
