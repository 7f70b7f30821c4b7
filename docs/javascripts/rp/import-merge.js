// Importing a journal file: a plan of what would change, the merged journal, and a summary.
// Pure functions: the caller decides, saves, and rolls back when saving fails.
import { KEPT, PARTS } from "./validate.js";

const copyJournal = (journal) => Object.fromEntries(PARTS.map((part) => [part, new Map(journal[part])]));

/** What importing `incoming` into `current` would do. */
export function planImport(current, incoming) {
  const plan = { added: [], updated: [], same: [], read: [], results: [], resultsAdded: 0, profile: [], tracks: [], kept: [] };
  for (const [key, answer] of incoming.answers) {
    const mine = current.answers.get(key);
    if (!mine) plan.added.push(key);
    else (mine.text === answer.text ? plan.same : plan.updated).push(key);
  }
  for (const slug of incoming.read.keys()) if (!current.read.has(slug)) plan.read.push(slug);
  for (const [id, theirs] of incoming.assessments) {
    const merged = mergeAssessment(current.assessments.get(id), theirs);
    if (merged) plan.results.push([id, merged.entry]);
    plan.resultsAdded += merged ? merged.added : 0;
  }
  for (const field of incoming.profile.keys()) if (!current.profile.has(field)) plan.profile.push(field);
  // A track chosen later elsewhere is the one followed now.
  for (const [id, theirs] of incoming.tracks) {
    if (!(current.tracks.get(id)?.followed >= theirs.followed)) plan.tracks.push(id);
  }
  for (const key of incoming[KEPT].keys()) if (!current[KEPT].has(key)) plan.kept.push(key);
  return plan;
}

// Results are told apart by when they were taken and their total; this browser's "before"
// stays, retakes from both sides are kept in date order.
function mergeAssessment(mine, theirs) {
  if (!mine) return { entry: theirs, added: (theirs.before ? 1 : 0) + theirs.retakes.length };
  const id = (result) => `${result.at}|${result.total}`;
  const known = new Set(mine.retakes.map(id));
  const retakes = theirs.retakes.filter((result) => !known.has(id(result)));
  const before = mine.before ?? theirs.before;
  const added = retakes.length + (before === mine.before ? 0 : 1);
  if (!added) return null;
  const all = [...mine.retakes, ...retakes].sort((a, b) => String(a.at).localeCompare(String(b.at)));
  return { entry: { before, retakes: all }, added };
}

/** The journal after the import; `replace` says whether differing answers are replaced. */
export function applyImport(current, incoming, plan, replace) {
  const next = copyJournal(current);
  const take = (section, keys) => keys.forEach((key) => next[section].set(key, incoming[section].get(key)));
  take("answers", plan.added);
  if (replace) take("answers", plan.updated);
  take("read", plan.read);
  take("profile", plan.profile);
  take("tracks", plan.tracks);
  take(KEPT, plan.kept);
  for (const [id, entry] of plan.results) next.assessments.set(id, entry);
  return next;
}

const count = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** E.g. "Imported 12 answers: 9 added, 3 updated; 2 skipped (not text)." */
export function describeImport(plan, { skipped, repaired }, replace) {
  const updated = replace ? plan.updated.length : 0;
  const changes = [];
  if (plan.added.length) changes.push(`${plan.added.length} added`);
  if (updated) changes.push(`${updated} updated`);
  let text = `Imported ${count(plan.added.length + updated, "answer")}`;
  if (changes.length) text += `: ${changes.join(", ")}`;
  const notes = [];
  if (!replace && plan.updated.length) notes.push(`${plan.updated.length} kept as in this browser`);
  if (plan.same.length) notes.push(`${plan.same.length} already here`);
  if (skipped.size) notes.push(`${tallyTotal(skipped)} skipped (${describeTally(skipped)})`);
  if (repaired.size) notes.push(`${tallyTotal(repaired)} repaired (${describeTally(repaired)})`);
  text += notes.map((note) => `; ${note}`).join("") + ".";
  const extras = [];
  if (plan.read.length) extras.push(count(plan.read.length, "reading mark"));
  if (plan.resultsAdded) extras.push(count(plan.resultsAdded, "self-assessment result"));
  if (plan.profile.length) extras.push(plan.profile.length === 1 && plan.profile[0] === "displayName" ? "your display name" : count(plan.profile.length, "profile field"));
  if (plan.tracks.length) extras.push(count(plan.tracks.length, "track followed"));
  if (plan.kept.length) extras.push(count(plan.kept.length, "part from a newer version"));
  return extras.length ? `${text} Also added: ${extras.join(", ")}.` : text;
}

export const tallyTotal = (tally) => [...tally.values()].reduce((sum, n) => sum + n, 0);

// "not text", or "2 not text, 1 reserved name"
export const describeTally = (tally) =>
  tally.size === 1 ? [...tally.keys()][0] : [...tally].map(([reason, n]) => `${n} ${reason}`).join(", ");
