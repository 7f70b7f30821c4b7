// The read marks on a page (read-marks.js made the boxes), bound to the store: each shows
// whether its reading is marked, and whether the article changed since; Done shows for the
// track followed.
import { followedTrackId } from "./follow.js";
import { store } from "./store.js";

const shown = new WeakSet();

export function show(views, done, signal) {
  if (shown.has(views)) return;
  shown.add(views);
  store.open();
  for (const view of views) view.mark = (read) => mark(view, read);
  const program = document.querySelector(".rp-article-meta")?.dataset.rpJournal;
  const update = (change) => {
    if (change?.type === "set" && change.section === "answers") return; // typing: nothing to show here
    views.forEach(showMark);
    if (done.length > 1) showDone(done, program);
  };
  store.listen(update, signal);
  update();
  for (const view of views) view.box.closest("[data-rp-article]").dataset.rpShown = "yes";
}

function mark(view, read) {
  const { slug, hash } = view;
  // Done on a reading already read; or a box another tab marked first: it shows the mark.
  if (read && store.journal.read.has(slug)) return showMark(view);
  // A fresh mark; what a newer version stored on an older one goes with it.
  store.set("read", slug, read ? { hash, at: new Date().toISOString() } : undefined);
  store.saveNow();
}

function showMark({ slug, hash, box, updated }) {
  const mark = store.journal.read.get(slug);
  box.checked = Boolean(mark);
  // A mark without a hash cannot tell.
  updated.hidden = !(mark?.hash && mark.hash !== hash);
}

// An article in several tracks: Done of the track followed, or none.
function showDone(done, program) {
  followedTrackId(store.journal, program)
    .then((followed) => done.forEach((link) => (link.hidden = link.dataset.rpTrack !== followed)))
    .catch((error) => console.error("reading-program:", error));
}
