// iCalendar (RFC 5545) text values and line folding.

/** Escape a TEXT value: backslash, semicolon, comma, and line breaks as \n. */
export const escapeText = (value) => value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");

const MAX_OCTETS = 75;

const octets = (codePoint) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** Lines of at most 75 octets of UTF-8, each continuation starting with one space (which
 * counts); a character is never split, so an emoji survives unfolding. */
export function foldLine(line) {
  const parts = [];
  let part = "";
  let size = 0;
  for (const character of line) {
    const length = octets(character.codePointAt(0));
    if (size + length > MAX_OCTETS) {
      parts.push(part);
      part = " ";
      size = 1;
    }
    part += character;
    size += length;
  }
  parts.push(part);
  return parts;
}

export const calendarText = (lines) => `${lines.flatMap(foldLine).join("\r\n")}\r\n`;
