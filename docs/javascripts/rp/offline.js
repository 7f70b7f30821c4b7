// "Keep this track for offline reading", on a track page: says whether this browser keeps
// the track, and since when. Keeping and removing (the service worker, its caches) load
// when the reader presses the button (offline-keep.js); nothing is registered before.
import { button, element } from "./dom.js";
import { keptWhen, offlinePlace } from "./offline-place.js";

export async function enhance({ signal }) {
  const box = document.querySelector(".rp-offline");
  if (!box) return;
  const place = offlinePlace(box.dataset, window.location.href);
  const status = element("p", { class: "rp-offline__status", role: "status" });
  const show = (text, action) => {
    if (signal.aborted) return;
    status.textContent = text;
    box.replaceChildren(status, ...(action ? [action] : []));
    box.hidden = false;
  };
  if (!window.isSecureContext || !("serviceWorker" in navigator) || !window.caches) {
    return show("Reading offline needs the site at a secure (https://) address, in a browser that can keep pages.");
  }
  const act = (doing, work, again) => async () => {
    show(doing);
    let keep = null;
    try {
      keep = await import("./offline-keep.js");
      await work(keep);
    } catch (error) {
      const words = keep && error instanceof keep.OfflineProblem ? error.message : `That did not work (${error?.message ?? error}): try again.`;
      return show(words, again());
    }
    await render();
  };
  const keepButton = () => button("Keep this track for offline reading", act("Keeping this track for offline reading…", (keep) => keep.keepTrack(place), keepButton), "rp-offline__keep");
  const removeButton = () => button("Remove the offline copy", act("Removing the offline copy…", (keep) => keep.removeCopy(place), removeButton), "rp-offline__remove");
  async function render() {
    const record = await window.caches.match(place.recordKey, { cacheName: place.cacheName }).catch(() => undefined);
    if (!record) {
      return show("Read without a network: keep this track's weeks, articles, discussion guides and workbook in this browser.", keepButton());
    }
    const keptAt = await record.json().then((data) => data?.keptAt, () => null);
    show(`Kept for offline reading on ${keptWhen(keptAt) ?? "an earlier day"}: its weeks, articles and guides open in this browser without a network.`, removeButton());
    import("./offline-keep.js").then((keep) => keep.checkForUpdate(place)).catch(() => null);
  }
  await render();
}
