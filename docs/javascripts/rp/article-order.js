// An article in tracks (article-tracks.js loads this once there is a journal): the track the
// participant follows comes first, its chip marked and its pager on top; other tracks fold
// under "Also in". Without a track followed, the page stays as built (every track alike).
import { element } from "./dom.js";
import { followedTrackId } from "./follow.js";
import { store } from "./store.js";

export function show(signal) {
  store.open();
  const meta = document.querySelector(".rp-article-meta");
  if (!meta) return;
  let asked = 0;
  const show = (change) => {
    if (change?.type === "saved" || (change?.type === "set" && change.section === "answers")) return;
    const mine = (asked += 1);
    followedTrackId(store.journal, meta.dataset.rpJournal)
      .then((followed) => mine === asked && arrange(meta, followed))
      .catch((error) => console.error("reading-program:", error));
  };
  store.listen(show, signal);
  show();
}

function arrange(meta, followed) {
  const chips = [...meta.querySelectorAll(".rp-place")];
  const first = chips.find((chip) => chip.dataset.rpTrack === followed);
  meta.querySelector(".rp-also")?.replaceWith(...meta.querySelectorAll(".rp-also .rp-place"));
  for (const chip of chips) chip.classList.toggle("rp-place--followed", chip === first);
  const pagers = document.querySelector(".rp-pagers");
  pagers?.querySelector(".rp-pagers__also")?.replaceWith(...pagers.querySelectorAll(".rp-pagers__also .rp-pager"));
  if (!first) return;
  // The chip: first after the reading time; the others in one "Also in" line.
  meta.querySelector(".rp-chip:not(.rp-place)")?.after(first);
  const others = chips.filter((chip) => chip !== first);
  if (others.length) {
    const also = element("span", { class: "rp-also" }, "Also in: ");
    also.append(...others);
    meta.append(also);
  }
  // The pager: the followed track's on top; the others folded under it.
  const mine = pagers?.querySelector(`.rp-pager[data-rp-track="${CSS.escape(followed)}"]`);
  if (!mine) return;
  pagers.prepend(mine);
  const rest = [...pagers.querySelectorAll(".rp-pager")].filter((pager) => pager !== mine);
  if (!rest.length) return;
  const fold = element("details", { class: "rp-details rp-pagers__also" });
  fold.append(element("summary", {}, `Also in ${rest.length === 1 ? "another track" : `${rest.length} other tracks`}`), ...rest);
  pagers.append(fold);
}
