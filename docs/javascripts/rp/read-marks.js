// "Mark as read" on every reading of a week page and on every article page.
import { element } from "./dom.js";
import { store } from "./store.js";

export function enhance({ signal }) {
  store.open();
  const marks = [...document.querySelectorAll("[data-rp-article]")].map(addReadMark).filter(Boolean);
  const show = () => marks.forEach(showMark);
  store.listen(show, signal);
  show();
}

function addReadMark(holder, index) {
  if (holder.querySelector(".rp-read")) return null;
  const { rpArticle: slug, rpHash: hash, rpTitle: title } = holder.dataset;
  const id = `rp-read-${slug}-${index}`;
  // Named with its reading: a week has several boxes.
  const box = element("input", { type: "checkbox", id, class: "rp-read__box", "aria-label": `Mark as read: ${title}` });
  const updated = element("span", { class: "rp-updated" }, " Updated since you read it");
  const wrapper = element("span", { class: "rp-read" });
  wrapper.append(box, " ", element("label", { for: id }, "Mark as read"), updated);
  box.addEventListener("change", () => {
    store.set("read", slug, box.checked ? { hash, at: new Date().toISOString() } : undefined);
    store.saveNow();
  });
  holder.append(wrapper);
  return { slug, hash, box, updated };
}

function showMark({ slug, hash, box, updated }) {
  const mark = store.journal.read.get(slug);
  box.checked = Boolean(mark);
  // A mark without a hash cannot tell.
  updated.hidden = !(mark?.hash && mark.hash !== hash);
}
