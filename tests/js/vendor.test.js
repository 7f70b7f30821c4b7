// The QR generator the site ships (docs/javascripts/vendor/) is the pinned npm package's
// file, unchanged under its licence: it cannot drift from package.json and package-lock.json.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

const root = new URL("../../", import.meta.url);
const read = (path) => readFileSync(new URL(path, root));
const json = (path) => JSON.parse(read(path).toString("utf8"));
const VENDORED = "docs/javascripts/vendor/lean-qr-nano.js";

describe("the vendored QR generator", () => {
  const pinned = json("package.json").dependencies["lean-qr"];

  it("is pinned to one exact version, the one the lock file and node_modules hold", () => {
    assert.match(pinned, /^\d+\.\d+\.\d+$/);
    assert.equal(json("package-lock.json").packages["node_modules/lean-qr"].version, pinned);
    assert.equal(json("node_modules/lean-qr/package.json").version, pinned);
  });

  it("is the package's nano.mjs byte for byte, after a comment that names it and holds its licence", () => {
    const shipped = read(VENDORED);
    const original = read("node_modules/lean-qr/nano.mjs");
    const end = shipped.indexOf("\n */\n") + 5;
    assert.ok(end > 5, "a licence comment first");
    assert.deepEqual(shipped.subarray(end), original);
    const header = shipped.subarray(0, end).toString("utf8");
    assert.ok(header.startsWith(`/*! lean-qr ${pinned}, nano.mjs,`));
    const licence = read("node_modules/lean-qr/LICENSE").toString("utf8");
    const words = (text) => text.replace(/^\s*\*/gm, "").replace(/[/!*]/g, " ").split(/\s+/).filter(Boolean).join(" ");
    assert.ok(words(header).includes(words(licence)), "the whole licence text");
  });
});
