// The journal's search, loaded on the first search: entries whose question, reading,
// answer or source hold every word typed stay shown, with their week and track.

/** Every word of `query` is in the entry's question, reading, answer or source. */
export function matches(entry, query) {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const text = [entry.question, entry.reading?.title, entry.source, entry.answer.text].join("\n").toLocaleLowerCase();
  return words.every((word) => text.includes(word));
}

export function filter(view, query) {
  const searching = Boolean(query.trim());
  const shown = new Set();
  for (const { node, key, entry } of view.entries) {
    node.hidden = searching && !matches(entry, query);
    if (!node.hidden) shown.add(key);
  }
  for (const aside of view.root.querySelectorAll(".rp-journal-aside")) aside.hidden = searching;
  // Innermost groups first, so a track hides once all its weeks are hidden; a folded week
  // with a match opens.
  for (const part of [...view.root.querySelectorAll(".rp-journal-group")].reverse()) {
    part.hidden = searching && !part.querySelector(".rp-entry:not([hidden])");
    if (searching && !part.hidden && part.matches("details")) part.open = true;
  }
  const count = view.root.querySelector(".rp-journal-search__count");
  const all = new Set(view.entries.map((item) => item.key)).size;
  count.textContent = searching ? `${shown.size} of ${all} answers match` : "";
}
