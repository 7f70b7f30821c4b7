// The journal's format (src/reading_program/README.md: "The journal in the browser") and its migrations.
import { KEPT, PARTS, SECTIONS, entriesOf, isRecord, normaliseJournal } from "./validate.js";

export const FORMAT = "reading-program-journal";
export const VERSION = 3;

// version -> step to version + 1, on unvalidated data: move fields, trust no type.
export const MIGRATIONS = new Map([
  [
    1, // assessments {before, after} -> {before, retakes}; profile; format name
    (data) => {
      const migrated = { ...data, format: FORMAT, version: 2, profile: {} };
      if (!isRecord(data.assessments)) return migrated;
      migrated.assessments = Object.create(null);
      for (const [id, phases] of entriesOf(data.assessments)) {
        const retakes = phases?.after == null ? [] : [phases.after];
        migrated.assessments[id] = isRecord(phases) ? { before: phases.before ?? null, retakes } : phases;
      }
      return migrated;
    },
  ],
  [2, (data) => ({ ...data, version: 3 })], // adds `tracks` (the tracks followed) and answers' `first`
]);

export const emptyJournal = () => Object.fromEntries(PARTS.map((part) => [part, new Map()]));

/** -> {journal, skipped, repaired} or {problem: json|shape|format|version|newer, version} */
export function parseJournal(text, { file = false } = {}) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: "json" };
  }
  if (!isRecord(data)) return { problem: "shape" };
  const { version } = data;
  if (!Number.isInteger(version) || version < 1) return { problem: "version" };
  if (version > VERSION) return { problem: "newer", version };
  // Version 1 stored no format name (its exports did).
  if (data.format !== FORMAT && (file || version > 1 || data.format !== undefined)) return { problem: "format" };
  for (let step = version; step < VERSION; step += 1) data = MIGRATIONS.get(step)(data);
  return normaliseJournal(data);
}

// What this version does not know (journal.kept) is written back as it was read.
export function toStored(journal, extra = {}) {
  const sections = SECTIONS.map((section) => [section, Object.fromEntries(journal[section])]);
  return { format: FORMAT, version: VERSION, ...extra, ...Object.fromEntries(sections), ...Object.fromEntries(journal[KEPT] ?? []) };
}
