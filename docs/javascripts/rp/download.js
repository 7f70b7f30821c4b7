// Hands text to the participant as a file: nothing leaves the browser.
import { isoDay } from "./dates.js";
import { element } from "./dom.js";

const TYPES = { json: "application/json", md: "text/markdown", ics: "text/calendar" };

export function download(text, extension, name = `reading-journal-${isoDay(new Date())}`) {
  const url = URL.createObjectURL(new Blob([text], { type: TYPES[extension] }));
  const link = element("a", { href: url, download: `${name}.${extension}` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
