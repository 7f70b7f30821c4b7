// Send to another device: a panel under its button with a link to the journal page that
// carries this browser's journal in its fragment (device-link.js), the link's length, and a
// QR code of it to scan with a phone; a link too long for a QR code is offered to copy, and
// the journal file to download, instead. The QR generator loads with the panel.
import { copyText } from "./copy.js";
import { QR_MAX_CHARS, encodeJournal, journalLink } from "./device-link.js";
import { button, element } from "./dom.js";
import { store, toStored } from "./store.js";

const PANEL_ID = "rp-device-panel";
const JOURNAL_PAGE = new URL("../../journal/", import.meta.url); // docs/journal.md, from rp/
const STYLE = new URL("../../stylesheets/device-link.css", import.meta.url);
const QUIET_ZONE = 4; // modules of white around the code, as scanners expect
const NUMBER = new Intl.NumberFormat();

/** Opens or closes the panel under `opener`; each opening shows the journal as it is now. */
export async function toggle(opener) {
  const open = document.getElementById(PANEL_ID);
  const wasOpen = open && !open.hidden && opener.ariaExpanded === "true";
  open?.remove();
  for (const other of document.querySelectorAll(`[aria-controls="${PANEL_ID}"]`)) other.ariaExpanded = "false";
  if (wasOpen || opener.dataset.rpBusy) return;
  opener.dataset.rpBusy = "yes"; // a second click while the link is made opens no second panel
  const panel = await buildPanel().finally(() => delete opener.dataset.rpBusy);
  (opener.closest("p") ?? opener).after(panel);
  opener.setAttribute("aria-controls", PANEL_ID);
  opener.ariaExpanded = "true";
  panel.querySelector("textarea").focus({ preventScroll: true }); // the link, selectable at once
  panel.scrollIntoView({ block: "nearest" });
}

async function buildPanel() {
  store.open();
  const text = JSON.stringify(toStored(store.journal, { exported: new Date().toISOString() }));
  const link = journalLink(JOURNAL_PAGE, await encodeJournal(text));
  const panel = element("div", { id: PANEL_ID, class: "rp-device-panel" });
  panel.append(
    element("link", { rel: "stylesheet", href: STYLE }),
    element("p", {}, "Open this link on your other device (a phone, a laptop) to add this journal there: your answers, reading marks, results and the track you follow. They travel inside the link, after its “#”, a part browsers never send to a website. Anyone who has the link can read your answers: send it only to yourself."),
  );
  if (store.problem?.raw !== undefined) {
    panel.append(element("p", { class: "rp-device-partial" }, "This link holds only what this page could read of your saved journal: download the unreadable saved journal from the notice to keep it too."));
  }
  const size = element("p", { class: "rp-device-size" }, `The link is ${NUMBER.format(link.length)} characters long.`);
  panel.append(size);
  const code = link.length <= QR_MAX_CHARS ? await qrCode(link) : null;
  if (code) panel.append(code);
  else size.append(` That is too long for a QR code: copy the link and send it to yourself (some chat apps cut long links short), or download your journal as a file and import it on the other device.`);
  panel.append(...linkField(link));
  return panel;
}

function linkField(link) {
  const label = element("label", { for: "rp-device-link" }, "The link to your journal");
  const field = element("textarea", { id: "rp-device-link", class: "rp-field rp-device-link", rows: "3", readonly: "", spellcheck: "false" });
  field.value = link;
  const status = element("span", { role: "status", class: "rp-meta" });
  const copy = button("Copy the link", () => copyText(link, field, status));
  const save = () => import("./journal-tools.js").then((tools) => tools.exportJson(null, status));
  const actions = element("p", { class: "rp-device-actions" });
  actions.append(copy, " ", button("Download the journal file", save), status);
  const holder = element("p");
  holder.append(label, element("br"), field);
  return [holder, actions];
}

/** The QR code of `text`, drawn on a canvas with a text alternative, or null when it does
 * not fit in one. Black on white in both colour schemes, as scanners expect. */
async function qrCode(text) {
  const { generate, correction } = await import("../vendor/lean-qr-nano.js");
  const canvas = element("canvas", { class: "rp-device-qr", role: "img", "aria-label": "QR code of the link to your journal: scan it with the other device's camera" });
  try {
    generate(text, { minCorrectionLevel: correction.L }).toCanvas(canvas, { on: [0, 0, 0, 255], off: [255, 255, 255, 255], pad: QUIET_ZONE });
  } catch {
    return null; // too long for the largest QR code
  }
  const figure = element("figure", { class: "rp-device-figure" });
  figure.append(canvas, element("figcaption", {}, "Scan this with your other device's camera, then open the link it shows."));
  return figure;
}
