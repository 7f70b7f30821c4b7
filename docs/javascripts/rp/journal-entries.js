// What the journal shows, from the build's data file (journal/questions.json) and what is
// stored: the answers by track and week with their question and reading, how many
// questions still wait in each week, answers to articles in no track, and answers whose
// question has since been removed (retired: always kept and shown). Pure, no DOM.

const own = (object, key) => (object != null && Object.hasOwn(object, key) ? object[key] : undefined);

/** -> {tracks, other, retired, loose, count}. An entry is {key, question, reading, source,
 * answer}; `reading` is {title, url} or null for a week's prompt. Without data (the file
 * could not be loaded) every answer is in `loose`, as stored. */
export function journalSections(data, journal) {
  const { answers } = journal;
  const questions = own(data, "questions") ?? {};
  const articles = own(data, "articles") ?? {};
  const entry = (key) => {
    const answer = answers.get(key);
    const [question, slug] = own(questions, key) ?? [];
    const [title, url] = own(articles, slug) ?? [];
    return {
      key,
      question: question || answer.question || "(question not saved)",
      reading: title ? { title, url } : null,
      source: answer.source ?? "",
      answer,
    };
  };
  if (!data) return { tracks: [], other: [], retired: [], loose: [...answers.keys()].map(entry), count: answers.size };
  const placed = new Set();
  const tracks = (own(data, "tracks") ?? []).map((track) => {
    const weeks = track.weeks.map((week) => {
      week.questions.forEach((key) => placed.add(key));
      const entries = week.questions.filter((key) => answers.has(key)).map(entry);
      const read = week.readings.filter((slug) => journal.read.has(slug)).length;
      const { number, title, url } = week;
      return { number, title, url, entries, questions: week.questions.length, read, readings: week.readings.length };
    });
    const total = (field) => weeks.reduce((sum, week) => sum + week[field], 0);
    const answered = weeks.reduce((sum, week) => sum + week.entries.length, 0);
    const { id, title, url } = track;
    return { id, title, url, weeks, answered, questions: total("questions"), read: total("read"), readings: total("readings") };
  });
  const other = [];
  const retired = [];
  for (const key of answers.keys()) {
    if (placed.has(key)) continue;
    (own(questions, key) ? other : retired).push(entry(key));
  }
  return { tracks, other, retired, loose: [], count: answers.size };
}

export const waitingText = (count, number) =>
  `${count} question${count === 1 ? "" : "s"} waiting in week ${number}`;
