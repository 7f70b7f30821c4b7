// The journal as Markdown (Export as Markdown, Download my journal): pure, no DOM.
import { journalSections, readingsOf, tracksOf } from "./journal-entries.js";
import { weekStatus } from "./progress.js";

const own = (object, key) => (object != null && Object.hasOwn(object, key) ? object[key] : undefined);
const day = (iso) => (typeof iso === "string" ? iso.slice(0, 10) : "");

/** The journal as Markdown: only the answers (by track and week, with their question,
 * reading and date; the track `followed` first, every answer once), then self-assessment
 * results and reading progress. No empty questions. `loaded`: the files loaded on demand
 * (journalSections). */
export function journalMarkdown(data, journal, today, loaded = {}, followed = null) {
  const sections = journalSections(data, journal, loaded, followed);
  const lines = ["# My reading journal", "", `Exported from this browser on ${today}.`, ""];
  const entryLines = (entry) => {
    let from = entry.source ? `_Answered on “${entry.source}”` : "";
    if (entry.reading) from = `_From “${entry.reading.title}”`;
    else if (entry.prompt) from = "_This week's prompt";
    const when = day(entry.answer.updated);
    from = from ? `${from}${when ? `, ${when}` : ""}_` : when && `_${when}_`;
    const first = entry.answer.first ? [`_First written${day(entry.answer.first.updated) ? ` ${day(entry.answer.first.updated)}` : ""}:_ ${entry.answer.first.text}`, ""] : [];
    return [`**${entry.question}**`, "", ...(from ? [from, ""] : []), ...first, entry.answer.text, ""];
  };
  for (const track of sections.tracks.filter((item) => item.shown)) {
    lines.push(`## ${track.title}`, "");
    for (const week of track.weeks.filter((item) => item.entries.length)) {
      lines.push(`### Week ${week.number}: ${week.title}`, "", ...week.entries.flatMap((entry) => entryLines(entry)));
    }
  }
  const groups = [
    ["Other articles", sections.other],
    ["Retired questions", sections.retired],
    ["Your answers", sections.loose],
  ];
  for (const [title, entries] of groups.filter(([, entries]) => entries.length)) {
    lines.push(`## ${title}`, "", ...entries.flatMap(entryLines));
  }
  const tracks = sections.tracks.filter((track) => track.shown || track.followed).map((track) => track.id);
  lines.push(...assessmentLines(data, journal), ...progressLines(data, journal, loaded.other, tracks));
  return lines.join("\n");
}

function assessmentLines(data, journal) {
  const lines = [];
  const result = (label, { total, max, outcome, aspects, at }) => {
    const parts = Object.entries(aspects ?? {}).map(([aspect, score]) => `${aspect.replace(/-/g, " ")} ${score}`);
    const when = day(at) ? ` (${day(at)})` : "";
    return `- ${label}${when}: ${total} of ${max}, ${outcome || "no outcome"}${parts.length ? `; ${parts.join(", ")}` : ""}`;
  };
  for (const [id, history] of journal.assessments) {
    if (!history?.before && !history?.retakes?.length) continue;
    const [title = id] = own(own(data, "assessments"), id) ?? [];
    lines.push(`## Self-assessment: ${title}`, "");
    if (history.before) lines.push(result("First result", history.before));
    history.retakes.forEach((retake, index) => lines.push(result(`Retake ${index + 1}`, retake)));
    lines.push("");
  }
  return lines;
}

// Progress in the tracks the journal shows (`ids`: the one followed first), not in every
// track an article read happens to sit in.
function progressLines(data, journal, other, ids) {
  if (!journal.read.size) return [];
  const lines = ["## Reading progress", ""];
  const tracks = data ? tracksOf(data).tracks : [];
  for (const track of ids.map((id) => tracks.find((item) => item.id === id))) {
    const statuses = track.weeks.map((week) => weekStatus(week, journal));
    if (!statuses.some((status) => status.started)) continue;
    const done = statuses.filter((status) => status.complete).length;
    const read = statuses.reduce((sum, status) => sum + status.read, 0);
    const readings = statuses.reduce((sum, status) => sum + status.readings, 0);
    lines.push(`- ${track.title}: ${done} of ${track.weeks.length} weeks complete, ${read} of ${readings} readings read`);
  }
  lines.push("", "Read:", "");
  const readings = data ? readingsOf(data, other) : new Map();
  for (const [slug, mark] of journal.read) {
    const title = readings.get(slug)?.title ?? slug;
    lines.push(`- ${title}${day(mark.at) ? ` (${day(mark.at)})` : ""}`);
  }
  lines.push("");
  return lines;
}
