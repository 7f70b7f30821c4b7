// An article in tracks: as built, every track alike; once there is a journal, the track the
// participant follows comes first (article-order.js).
import { onJournal } from "./on-journal.js";

export function enhance({ signal }) {
  const load = () =>
    import("./article-order.js")
      .then((module) => signal.aborted || module.show(signal))
      .catch((error) => console.error("reading-program:", error));
  onJournal(load, signal);
}
