// "Mark as read" on week pages and at an article's top and end (where "Done" marks it read
// and moves on). The boxes show and save what is stored through marks.js.
import { element } from "./dom.js";
import { journalHere, onJournal } from "./on-journal.js";

let marks = null;
const bound = () => (marks ??= import("./marks.js"));

export function enhance({ signal }) {
  const views = [...document.querySelectorAll("[data-rp-article]")].map(addReadMark).filter(Boolean);
  // A box waits (disabled) until its code has loaded, so a tick is stored at once, and
  // until it shows what is stored (a click on the box as built could undo a mark).
  const ready = () => views.forEach((view) => busy(view, false));
  views.forEach((view) => busy(view, true));
  const close = document.querySelector(".rp-close");
  const done = close ? [...close.querySelectorAll(".rp-close__done")] : [];
  // Without a track followed, Done goes to the article's one track.
  if (done.length === 1) done[0].hidden = false;
  for (const link of done) link.classList.add("md-button", "md-button--primary");
  const show = () =>
    bound().then((module) => {
      module.show(views, done, signal);
      ready();
    });
  for (const view of views) {
    view.box.addEventListener("pointerdown", show, { once: true, signal }); // ready before the click
    const meant = pressedAs(view, signal);
    view.box.addEventListener("change", () => {
      const read = meant(); // as the reader meant it, before the store's view of it
      show().then(() => view.mark(read));
    }, { signal });
  }
  for (const link of done) link.addEventListener("click", () => show().then(() => views[0]?.mark(true)), { signal });
  onJournal(show, signal);
  // A journal may be here by now, though no event said so.
  bound().then(() => (journalHere() ? show() : ready())).catch((error) => console.error("reading-program:", error));
}

function addReadMark(holder, index) {
  if (holder.querySelector(".rp-read")) return null;
  const { rpArticle: slug, rpHash: hash, rpTitle: title } = holder.dataset;
  const id = `rp-read-${slug}-${index}`;
  // Named with its reading: a week has several boxes, an article two.
  const box = element("input", { type: "checkbox", id, class: "rp-read__box", "aria-label": `Mark as read: ${title}` });
  const updated = element("span", { class: "rp-updated", hidden: "" }, " Updated since you read it");
  const wrapper = element("span", { class: "rp-read" });
  wrapper.append(box, " ", element("label", { for: id }, "Mark as read"), updated);
  // Before a reading's folded questions; under "Finished reading?" at an article's end.
  const fold = holder.querySelector(".rp-fold");
  const closing = holder.querySelector(".rp-close__title");
  if (fold) fold.before(wrapper);
  else if (closing) closing.after(wrapper);
  else holder.append(wrapper);
  return { slug, hash, box, updated };
}

// A click means the opposite of what the box showed when pressed (another tab may change
// the mark during the press).
function pressedAs({ box }, signal) {
  let pressed = null;
  const press = () => (pressed = box.checked);
  const release = () => setTimeout(() => (pressed = null)); // after the click it ends
  box.closest(".rp-read").addEventListener("pointerdown", press, { signal });
  box.addEventListener("keydown", (event) => event.key === " " && !event.repeat && press(), { signal });
  for (const end of ["pointerup", "pointercancel", "keyup"]) addEventListener(end, release, { signal });
  return () => (pressed === null ? box.checked : !pressed);
}

function busy({ box }, waiting) {
  box.disabled = waiting;
  const wrapper = box.closest(".rp-read");
  if (waiting) wrapper.setAttribute("aria-busy", "true");
  else wrapper.removeAttribute("aria-busy");
}
