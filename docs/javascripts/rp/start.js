// Start (a track's card, a next track on a finish page): the track is the one followed from
// now on. The store loads with the click.
export function enhance({ signal }) {
  document.addEventListener("click", onStart, { signal });
}

function onStart(event) {
  const link = event.target.closest?.("a.rp-start-link[data-rp-track]");
  if (!link) return;
  Promise.all([import("./follow.js"), import("./store.js")])
    .then(([{ follow }, { store }]) => follow(store, link.dataset.rpTrack))
    .catch((error) => console.error("reading-program:", error));
}
