// A feature's own stylesheet, added when it first shows something (again after a page swap
// dropped it); resolves once it has loaded, so nothing shows unstyled.
import { element } from "./dom.js";

const sheets = new Map(); // href -> {link, loaded}

export function styled(href) {
  if (!href) return Promise.resolve();
  let sheet = sheets.get(href);
  if (!sheet) {
    const link = element("link", { rel: "stylesheet", href });
    const loaded = new Promise((done) => {
      link.addEventListener("load", done);
      link.addEventListener("error", done);
    });
    sheets.set(href, (sheet = { link, loaded }));
  }
  if (!sheet.link.isConnected) document.head.append(sheet.link);
  return sheet.loaded;
}
