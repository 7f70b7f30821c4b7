import assert from "node:assert/strict";
import { deflateRawSync } from "node:zlib";
import { describe, it } from "node:test";

import {
  MAX_JOURNAL_BYTES,
  MAX_PAYLOAD_CHARS,
  PREFIX,
  decodeJournal,
  encodeJournal,
  fromBase64Url,
  journalLink,
  toBase64Url,
} from "../../docs/javascripts/rp/device-link.js";
import { emptyJournal, parseJournal, toStored } from "../../docs/javascripts/rp/store.js";

function journalText() {
  const journal = emptyJournal();
  journal.answers.set("week-lead-1/why", { text: "Ünïcödé, <b>tags</b>, \"quotes\" & emoji 🌱\nsecond line", updated: "2026-12-01T09:00:00.000Z" });
  journal.read.set("courage-is-calling", { at: "2026-12-01T09:00:00.000Z" });
  journal.tracks.set("six-week-leadership", { followed: "2026-11-30T08:00:00.000Z" });
  return JSON.stringify(toStored(journal, { exported: "2026-12-07T00:00:00.000Z" }));
}
const payloadOf = (bytes) => PREFIX + toBase64Url(bytes);

describe("a journal in a link", () => {
  it("comes back as the same text, and parses as the same journal", async () => {
    const text = journalText();
    const payload = await encodeJournal(text);
    assert.match(payload, /^rp1\.[A-Za-z0-9_-]+$/, "base64url, no padding, nothing a URL escapes");
    assert.deepEqual(await decodeJournal(payload), { text });
    assert.deepEqual(await decodeJournal(`#${payload}`), { text });
    assert.deepEqual(parseJournal((await decodeJournal(payload)).text, { file: true }), parseJournal(text, { file: true }));
  });

  it("is compressed: a long journal's link is far shorter than its JSON", async () => {
    const journal = emptyJournal();
    for (let week = 1; week <= 6; week += 1) {
      for (let n = 1; n <= 5; n += 1) journal.answers.set(`week-lead-${week}/q${n}`, { text: `This week I tried to listen more than I spoke, in meeting ${n}.` });
    }
    const text = JSON.stringify(toStored(journal));
    const payload = await encodeJournal(text);
    assert.ok(payload.length < text.length / 2, `${payload.length} characters for ${text.length}`);
  });

  it("puts the payload in the fragment of the page's address, replacing any there", () => {
    assert.equal(journalLink("https://example.org/program/journal/#top", "rp1.abc"), "https://example.org/program/journal/#rp1.abc");
  });
});

describe("a link that cannot be imported", () => {
  it("from a newer version is refused, naming its version", async () => {
    const payload = (await encodeJournal(journalText())).replace(/^rp1\./, "rp2.");
    assert.deepEqual(await decodeJournal(payload), { problem: "newer", version: 2 });
  });

  it("damaged in any way is refused, and nothing throws", async () => {
    const good = await encodeJournal(journalText());
    const damaged = [
      "",
      "rp1.",
      "rp0.abc",
      "rp1.a",
      "rp1.ab+c/",
      "rp1.%41%42",
      "rp.abcd",
      "xx1.abcd",
      good.slice(0, good.length - 12), // cut short when copied
      good.slice(0, 20) + "A".repeat(40) + good.slice(60), // changed in the middle
      payloadOf(new Uint8Array([0xff, 0xfe, 0xfd])), // not deflate
      payloadOf(deflateRawSync(Buffer.from([0xc3, 0x28]))), // not UTF-8
    ];
    for (const payload of damaged) {
      assert.equal((await decodeJournal(payload)).problem, "damaged", JSON.stringify(payload.slice(0, 40)));
    }
    assert.equal((await decodeJournal(null)).problem, "damaged");
  });

  it("too long is refused before it is read", async () => {
    assert.deepEqual(await decodeJournal(PREFIX + "A".repeat(MAX_PAYLOAD_CHARS)), { problem: "large" });
  });

  it("that inflates past the journal limit (a compression bomb) stops there", async () => {
    const bomb = deflateRawSync(Buffer.alloc(MAX_JOURNAL_BYTES + 1024, 0x20), { level: 9 });
    assert.ok(bomb.length < 64 * 1024, "a small link");
    assert.deepEqual(await decodeJournal(payloadOf(bomb)), { problem: "large" });
  });

  it("that decodes to text which is no journal is left to the journal's own validation", async () => {
    const payload = await encodeJournal('{"answers": "not a journal"}');
    const { text } = await decodeJournal(payload);
    assert.equal(parseJournal(text, { file: true }).problem, "version");
  });
});

describe("base64url", () => {
  it("round-trips every byte value, at every length's padding", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (const length of [0, 1, 2, 3, 4, 256]) {
      const bytes = all.subarray(0, length);
      assert.deepEqual(fromBase64Url(toBase64Url(bytes)), bytes);
      assert.doesNotMatch(toBase64Url(bytes), /[+/=]/);
    }
  });

  it("round-trips more than one chunk of bytes", () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) % 256);
    assert.deepEqual(fromBase64Url(toBase64Url(bytes)), bytes);
  });
});
