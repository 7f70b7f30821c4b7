// A journal carried in a link's fragment (after "#", which browsers never send to a server):
// its JSON compressed by the browser (CompressionStream, deflate-raw), base64url-encoded,
// behind a version prefix so that a later format can be told apart. Pure functions.

export const VERSION = 1;
export const PREFIX = `rp${VERSION}.`;
const PAYLOAD = /^rp(\d{1,6})\.([A-Za-z0-9_-]*)$/;
// Refused before any work: far above a real journal's link, far below what freezes a tab.
export const MAX_PAYLOAD_CHARS = 8 * 1024 * 1024;
export const MAX_JOURNAL_BYTES = 20 * 1024 * 1024; // as for an imported file
// The longest link drawn as a QR code: above it, a code too dense to scan from a screen.
export const QR_MAX_CHARS = 2000;
const FORMAT = "deflate-raw";
const CHUNK = 0x8000; // bytes per String.fromCharCode call, well under argument limits

/** The fragment for the journal's JSON text `text`: "rp1." and the compressed text. */
export async function encodeJournal(text) {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream(FORMAT));
  return PREFIX + toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** The address of `page` (a URL or string) with `payload` as its fragment. */
export function journalLink(page, payload) {
  const url = new URL(page);
  url.hash = payload;
  return url.href;
}

/** The journal's JSON text from a fragment (with or without "#"), or
 * {problem: "damaged" | "newer" | "large", version}. Never throws. */
export async function decodeJournal(fragment) {
  const payload = String(fragment).replace(/^#/, "");
  if (payload.length > MAX_PAYLOAD_CHARS) return { problem: "large" };
  const match = PAYLOAD.exec(payload);
  if (!match) return { problem: "damaged" };
  const version = Number(match[1]);
  if (version > VERSION) return { problem: "newer", version };
  if (version < VERSION) return { problem: "damaged" };
  const bytes = fromBase64Url(match[2]);
  if (!bytes?.length) return { problem: "damaged" };
  const inflated = await inflate(bytes, MAX_JOURNAL_BYTES).catch(() => undefined);
  if (inflated === undefined) return { problem: "damaged" };
  if (inflated === null) return { problem: "large" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(inflated) };
  } catch {
    return { problem: "damaged" };
  }
}

export function toBase64Url(bytes) {
  let binary = "";
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The bytes of base64url `text` (unpadded), or null when it is not base64url. */
export function fromBase64Url(text) {
  if (text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    return Uint8Array.from(binary, (character) => character.charCodeAt(0));
  } catch {
    return null;
  }
}

// Decompressed chunk by chunk: a small hostile link that inflates to gigabytes stops at
// `limit` (null), a corrupt one rejects.
async function inflate(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream(FORMAT)).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}
