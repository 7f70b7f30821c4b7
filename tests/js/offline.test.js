import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { isSiteCache, keptWhen, offlinePlace } from "../../docs/javascripts/rp/offline-place.js";
import { cacheName, changes, handles, isOurs, keyOf, recordKey, validList } from "../../src/reading_program/render/offline_files/worker.js";

// The track page's control, as the build writes it on tracks/lead/ (track.md.j2).
const control = { rpTrack: "lead", rpOffline: "../../offline/lead.json", rpWorker: "../../offline-worker.js", rpRoot: "../../" };

describe("where a track's offline copy lives", () => {
  it("resolves the build's relative addresses under any base path", () => {
    const place = offlinePlace(control, "https://example.org/sub/path/tracks/lead/");
    assert.equal(place.scope, "https://example.org/sub/path/");
    assert.equal(place.worker, "https://example.org/sub/path/offline-worker.js");
    assert.equal(place.list, "https://example.org/sub/path/offline/lead.json");
    assert.equal(place.listPath, "offline/lead.json");
  });

  it("names the cache and the record as the worker does", () => {
    const place = offlinePlace(control, "http://127.0.0.1:8000/tracks/lead/");
    assert.equal(place.cacheName, cacheName(place.scope, "lead"));
    assert.equal(place.recordKey, recordKey(place.list));
    assert.ok(isSiteCache(place.scope, place.cacheName) && isOurs(place.scope, place.cacheName));
  });

  it("keeps two sites on one host apart", () => {
    const one = offlinePlace(control, "https://example.org/one/tracks/lead/");
    assert.ok(!isSiteCache("https://example.org/", one.cacheName));
    assert.ok(!isSiteCache("https://example.org/one/tracks/", one.cacheName));
  });

  it("says when a track was kept, or nothing for a damaged date", () => {
    assert.match(keptWhen("2026-12-07T09:30:00Z", "en-GB"), /7 December 2026/);
    // As the site writes dates, whatever the browser's locale (not "December 7, 2026").
    assert.match(keptWhen("2026-12-07T09:30:00Z"), /^7 December 2026 at \d\d:\d\d$/);
    assert.equal(keptWhen("not a date", "en-GB"), null);
    assert.equal(keptWhen(undefined, "en-GB"), null);
  });
});

describe("the service worker's rules", () => {
  const scope = "https://example.org/sub/path/";

  it("answers only GET requests for the site's own files", () => {
    assert.ok(handles(scope, "GET", `${scope}tracks/lead/`));
    assert.ok(!handles(scope, "POST", `${scope}tracks/lead/`));
    assert.ok(!handles(scope, "GET", "https://example.org/other/"));
    assert.ok(!handles(scope, "GET", "https://cdn.example.com/sub/path/x.js"));
    assert.ok(!handles(scope, "GET", "https://example.org.evil.test/sub/path/"));
  });

  it("keeps a file under its address without query or fragment", () => {
    assert.equal(keyOf(`${scope}articles/a/?q=1#reflect`), `${scope}articles/a/`);
  });

  it("takes only a list the build wrote, of paths within the site", () => {
    const list = { format: "reading-program-offline", track: "lead", version: "v1", files: { "": "h0", "articles/a/": "h1" } };
    assert.deepEqual(validList(list), list);
    for (const path of ["/etc/passwd", "../other/", "a//b", "https://cdn.example.com/x.js", "http:cdn.example.com/x.js", "\\\\cdn.example.com/x"]) {
      assert.equal(validList({ ...list, files: { [path]: "h" } }), null, path);
    }
    assert.equal(validList({ ...list, format: "other" }), null);
    assert.equal(validList(null), null);
    assert.equal(validList({ ...list, files: { "a/": 3 } }), null);
  });

  it("downloads only what is new or changed, and drops what is gone", () => {
    const before = { files: { "": "h0", "a/": "h1", "gone/": "h2" } };
    const now = { files: { "": "h0", "a/": "h1-new", "b/": "h3" } };
    const held = (path) => path !== "";
    assert.deepEqual(changes(now, before, () => true), { download: ["a/", "b/"], remove: ["gone/"] });
    assert.deepEqual(changes(now, before, held).download, ["", "a/", "b/"], "a file missing from the cache is fetched again");
    assert.deepEqual(changes(now, null, () => false).download, ["", "a/", "b/"]);
  });
});
