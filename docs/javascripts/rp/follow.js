// The track a participant follows: the one they last started or chose (journal.tracks,
// set by Start and by "Follow this track"); without a choice, the one they have done most
// in, counting first what only that track asks (its prompts, the readings no other track
// has), then everything, then the site's order. Every page that shows tracks asks here.
import { loadData } from "./site-data.js";

/** The id of the track last started or chosen, or null. */
export function chosenTrack(journal) {
  let chosen = null;
  for (const [id, { followed }] of journal.tracks) if (!chosen || followed > chosen.followed) chosen = { id, followed };
  return chosen?.id ?? null;
}

const hasProgress = (journal) => journal.read.size > 0 || journal.answers.size > 0;

/** `tracks`: [{id, weeks: [{readings: [{slug}], questions: [answer keys]}]}], in site order.
 * The chosen track, else the one with most done (see above), else null. */
export function followedTrack(journal, tracks) {
  const chosen = chosenTrack(journal);
  if (chosen || !hasProgress(journal)) return chosen;
  const items = tracks.map((track) => ({
    id: track.id,
    slugs: new Set(track.weeks.flatMap((week) => week.readings.map((reading) => reading.slug))),
    keys: new Set(track.weeks.flatMap((week) => week.questions)),
  }));
  const elsewhere = (item, has) => items.some((other) => other !== item && has(other));
  let best = null;
  for (const item of items) {
    const read = [...item.slugs].filter((slug) => journal.read.has(slug));
    const answered = [...item.keys].filter((key) => journal.answers.has(key));
    const own =
      read.filter((slug) => !elsewhere(item, (other) => other.slugs.has(slug))).length +
      answered.filter((key) => !elsewhere(item, (other) => other.keys.has(key))).length;
    const score = [own, read.length + answered.length];
    const better = !best || score[0] > best.score[0] || (score[0] === best.score[0] && score[1] > best.score[1]);
    if (score[1] > 0 && better) best = { id: item.id, score };
  }
  return best?.id ?? null;
}

/** The followed track's id: at once when one was chosen or nothing is done yet; otherwise
 * from every track's data (the journal's data file at `programSrc`), or null. */
export async function followedTrackId(journal, programSrc) {
  const chosen = chosenTrack(journal);
  if (chosen || !hasProgress(journal) || !programSrc) return chosen;
  const [data, { tracksOf }] = await Promise.all([loadData(programSrc), import("./journal-entries.js")]);
  return data ? followedTrack(journal, tracksOf(data).tracks) : null;
}

/** Start, or "Follow this track": the track followed from now on. */
export function follow(store, id) {
  store.set("tracks", id, { ...store.journal.tracks.get(id), followed: new Date().toISOString() });
  store.saveNow();
}
