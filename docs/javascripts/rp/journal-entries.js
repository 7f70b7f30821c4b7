// What the journal shows, from the build's data and what is stored: the answers by track
// and week with their question and reading, how many questions still wait in each week,
// answers to articles in no track, and answers whose question has since been removed
// (retired: always kept and shown). Pure, no DOM.
//
// The data comes in files (src/reading_program/render/browser_data/islands.py): the tracks, always loaded
// (journal/questions.json); the articles in no track (`other`), loaded only when something
// stored is outside the tracks; the questions' current texts (`texts`), loaded only for
// answers stored without their question. A question is shown as it was answered.

const own = (object, key) => (object != null && Object.hasOwn(object, key) ? object[key] : undefined);
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (match, name) => values[name] ?? match);

const worked = new WeakMap(); // a file's table or tracks -> what they say, worked out once

function once(object, work) {
  if (!worked.has(object)) worked.set(object, work());
  return worked.get(object);
}

/** {slug: [title, question ids, minutes?]} -> readings (slug -> {title, url, minutes}),
 * the articles' answer keys (key -> slug) and each one's keys (slug -> keys), by the data's
 * templates. */
const articleTable = (data, table = {}) =>
  once(table, () => {
    const readings = new Map();
    const keys = new Map();
    const bySlug = new Map();
    for (const [slug, [title, questions, minutes]] of Object.entries(table)) {
      const url = fill(data.article_url, { slug });
      readings.set(slug, minutes === undefined ? { title, url } : { title, url, minutes });
      bySlug.set(slug, questions.map((question) => fill(data.article_question, { slug, question })));
      for (const key of bySlug.get(slug)) keys.set(key, slug);
    }
    return { readings, keys, bySlug };
  });

/** The tracks with each week's answer keys in page order (its prompts, then each reading's
 * questions) and readings as [{slug}]; `placed`, every key of a week; the tracks'
 * articles' readings and keys (articleTable). */
export const tracksOf = (data) =>
  once(data, () => {
    const articles = articleTable(data, own(data, "readings"));
    const tracks = (own(data, "tracks") ?? []).map((track) => ({
      ...track,
      weeks: track.weeks.map((week) => ({
        ...week,
        readings: week.readings.map((slug) => ({ slug })),
        questions: [...week.prompts, ...week.readings.flatMap((slug) => articles.bySlug.get(slug) ?? [])],
      })),
    }));
    const placed = new Set(tracks.flatMap((track) => track.weeks.flatMap((week) => week.questions)));
    return { ...articles, tracks, placed };
  });

/** Which of the files loaded on demand what is stored needs: `other` for an answer outside
 * the tracks (another article's, or retired) or, with `reads`, a reading mark outside
 * them; `texts` for an answer stored without its question's text. */
export function neededFiles(data, journal, { reads = false } = {}) {
  if (!data) return { other: false, texts: false };
  const { placed, readings } = tracksOf(data);
  const answers = [...journal.answers];
  return {
    other: answers.some(([key]) => !placed.has(key)) || (reads && [...journal.read.keys()].some((slug) => !readings.has(slug))),
    texts: answers.some(([, answer]) => !answer.question),
  };
}

/** Title and url by slug, of the tracks' readings and (once loaded) the other articles. */
export function readingsOf(data, other) {
  const { readings } = tracksOf(data);
  return other ? new Map([...readings, ...articleTable(data, own(other, "articles")).readings]) : readings;
}

/** A question's current text, from `texts` (question-texts.json), or undefined. */
function currentText(texts, articles, key) {
  const slug = articles.keys.get(key);
  if (slug === undefined) return own(own(texts, "prompts"), key);
  return own(own(texts, "articles"), slug)?.[articles.bySlug.get(slug).indexOf(key)];
}

const NOT_SAVED = "(question not saved)";

/** -> {tracks, other, retired, loose, count}. An entry is {key, question, unknown, reading,
 * prompt, source, answer}: `unknown` when the question's text is not known (neither stored
 * nor current); `reading` is {title, url} or null; `prompt` says it is a week's prompt.
 * `loaded`: the files loaded on demand that neededFiles asked for, or null when they could
 * not be had. Without data every answer is in `loose`, as stored; so are answers outside
 * the tracks while `other` is missing.
 *
 * Every answer is shown once: the track `followed` comes first (then the others in the
 * site's order), and an answer to an article two weeks or two tracks read stands in the
 * first of them. Each week counts all its answers (`answered`) and those shown under an
 * earlier week (`elsewhere`); each track says whether it is the one followed. */
export function journalSections(data, journal, loaded = {}, followed = null) {
  const { answers } = journal;
  const known = data ? tracksOf(data) : null;
  const others = data && loaded.other ? articleTable(data, own(loaded.other, "articles")) : null;
  const entry = (key, reading = null, prompt = false) => {
    const answer = answers.get(key);
    const articles = others?.keys.has(key) ? others : known;
    const question = answer.question || (articles && currentText(loaded.texts, articles, key));
    return { key, question: question || NOT_SAVED, unknown: !question, reading, prompt, source: answer.source ?? "", answer };
  };
  if (!known) return { tracks: [], other: [], retired: [], loose: [...answers.keys()].map((key) => entry(key)), count: answers.size };
  const inTrack = (key) => {
    const slug = known.keys.get(key);
    return slug === undefined ? entry(key, null, true) : entry(key, known.readings.get(slug));
  };
  const shown = new Set();
  const ordered = [...known.tracks.filter((track) => track.id === followed), ...known.tracks.filter((track) => track.id !== followed)];
  const tracks = ordered.map((track) => {
    const weeks = track.weeks.map((week) => {
      const answered = week.questions.filter((key) => answers.has(key));
      const entries = answered.filter((key) => !shown.has(key)).map(inTrack);
      entries.forEach(({ key }) => shown.add(key));
      const readCount = week.readings.filter(({ slug }) => journal.read.has(slug)).length;
      const { number, title, url } = week;
      return {
        ...{ number, title, url, entries, shown: entries.length, answered: answered.length, elsewhere: answered.length - entries.length },
        ...{ questions: week.questions.length, read: readCount, readings: week.readings.length },
      };
    });
    const total = (field) => weeks.reduce((sum, week) => sum + week[field], 0);
    const { id, title, url } = track;
    return {
      ...{ id, title, url, weeks, followed: id === followed, answered: total("answered"), shown: total("shown") },
      ...{ questions: total("questions"), read: total("read"), readings: total("readings") },
    };
  });
  const outside = [...answers.keys()].filter((key) => !known.placed.has(key));
  const sections = { tracks, other: [], retired: [], loose: [], count: answers.size };
  for (const key of outside) {
    if (!others) {
      sections.loose.push(entry(key));
      continue;
    }
    const slug = others.keys.get(key);
    if (slug === undefined) sections.retired.push(entry(key));
    else sections.other.push(entry(key, others.readings.get(slug)));
  }
  return sections;
}

export const waitingText = (count, number) =>
  `${count} question${count === 1 ? "" : "s"} waiting in week ${number}`;
