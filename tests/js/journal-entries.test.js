import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { journalSections, neededFiles, readingsOf, tracksOf } from "../../docs/javascripts/rp/journal-entries.js";
import { journalMarkdown } from "../../docs/javascripts/rp/journal-markdown.js";
import { emptyJournal } from "../../docs/javascripts/rp/store.js";

// What the build writes (src/reading_program/render/browser_data/islands.py): the tracks, always loaded...
const data = {
  tracks: [
    {
      id: "two",
      title: "Two Weeks",
      url: "../tracks/two/",
      weeks: [
        { number: 1, title: "First", url: "../tracks/two/week-1/", readings: ["lead"], prompts: ["week-two-1/notice"] },
        { number: 2, title: "Second", url: "../tracks/two/week-2/", readings: ["coach", "lead"], prompts: [] },
      ],
    },
  ],
  readings: { lead: ["Lead <b>", ["try", "who"]], coach: ["Coach", ["ask"]] },
  article_url: "../articles/{slug}/",
  article_question: "article-{slug}/{question}",
  other_articles: "other-articles.json",
  assessments: { quiz: ["A quiz", "../assessments/quiz/"] },
};
// ...and, loaded only when needed, the articles in no track and the questions' texts.
const other = { articles: { solo: ["Solo", ["why"]] } };
const texts = {
  articles: { lead: ["What will you try?", "Who can help?"], coach: ["Whom will you ask?"], solo: ["Why solo?"] },
  prompts: { "week-two-1/notice": "What did you notice?" },
};

function journal(answers = {}, read = []) {
  const journal = emptyJournal();
  for (const [key, question] of Object.entries(answers)) {
    journal.answers.set(key, { text: `Answer to ${key}`, question, source: "Some page" });
  }
  read.forEach((slug) => journal.read.set(slug, { at: "2026-11-23T09:50:00.000Z" }));
  return journal;
}

describe("the tracks' data", () => {
  it("gives each week its questions in page order: prompts, then each reading's", () => {
    const [first, second] = tracksOf(data).tracks[0].weeks;
    assert.deepEqual(first.questions, ["week-two-1/notice", "article-lead/try", "article-lead/who"]);
    assert.deepEqual(second.questions, ["article-coach/ask", "article-lead/try", "article-lead/who"]);
    assert.deepEqual(second.readings, [{ slug: "coach" }, { slug: "lead" }]);
  });

  it("links readings by the build's URL template", () => {
    assert.deepEqual(readingsOf(data).get("lead"), { title: "Lead <b>", url: "../articles/lead/" });
    const timed = { ...data, readings: { ...data.readings, lead: ["Lead", ["try"], 4] } };
    assert.equal(readingsOf(timed).get("lead").minutes, 4, "with its reading time, where the data has it");
    assert.equal(readingsOf(data).has("solo"), false);
    assert.deepEqual(readingsOf(data, other).get("solo"), { title: "Solo", url: "../articles/solo/" });
  });
});

describe("the files loaded on demand", () => {
  const needs = (stored, options) => neededFiles(data, stored, options);

  it("are not needed for answers with their question and reading marks within the tracks", () => {
    const within = journal({ "week-two-1/notice": "Q?", "article-coach/ask": "Q?" }, ["lead"]);
    assert.deepEqual(needs(within, { reads: true }), { other: false, texts: false });
    assert.deepEqual(neededFiles(null, journal({ "article-solo/why": "" })), { other: false, texts: false }, "no data, nothing to add to");
  });

  it("are the other articles for an answer outside the tracks, and for the export a reading mark", () => {
    assert.equal(needs(journal({ "article-solo/why": "Q?" })).other, true);
    assert.equal(needs(journal({ "week-gone-9/old": "Q?" })).other, true);
    assert.equal(needs(journal({}, ["solo"])).other, false);
    assert.equal(needs(journal({}, ["solo"]), { reads: true }).other, true);
  });

  it("are the questions' texts for an answer stored without its question", () => {
    assert.deepEqual(needs(journal({ "article-lead/try": "" })), { other: false, texts: true });
  });
});

describe("the journal's sections", () => {
  it("puts answers in their weeks with the question as it was answered, its reading and the counts", () => {
    const stored = journal({ "article-lead/try": "What will you try, as worded then?", "week-two-1/notice": "What did you notice?" }, ["lead"]);
    const [track] = journalSections(data, stored).tracks;
    const [first, second] = track.weeks;
    assert.deepEqual(
      first.entries.map(({ key, question, reading, prompt }) => ({ key, question, reading, prompt })),
      [
        { key: "week-two-1/notice", question: "What did you notice?", reading: null, prompt: true },
        { key: "article-lead/try", question: "What will you try, as worded then?", reading: { title: "Lead <b>", url: "../articles/lead/" }, prompt: false },
      ],
    );
    assert.deepEqual([first.questions, first.read, first.readings], [3, 1, 1]);
    assert.deepEqual([second.entries.length, second.answered, second.elsewhere], [0, 1, 1], "an answer shows once, in the first week");
    assert.deepEqual([track.answered, track.shown, track.questions, track.read, track.readings], [3, 2, 6, 2, 3]);
  });

  it("puts the followed track first and shows every answer once across tracks", () => {
    const twoTracks = { ...data, tracks: [{ ...data.tracks[0], id: "basics", title: "Basics" }, data.tracks[0]] };
    const stored = journal({ "article-lead/try": "Q?", "week-two-1/notice": "Q?" });
    const sections = journalSections(twoTracks, stored, {}, "two");
    assert.deepEqual(sections.tracks.map((track) => [track.id, track.followed, track.shown, track.answered]), [
      ["two", true, 2, 3],
      ["basics", false, 0, 3],
    ]);
    const unfollowed = journalSections(twoTracks, stored).tracks;
    assert.deepEqual(unfollowed.map((track) => [track.id, track.shown]), [["basics", 2], ["two", 0]], "in the site's order");
  });

  it("tells answers to articles in no track from retired ones, once those articles are loaded", () => {
    const stored = journal({ "article-solo/why": "Why solo?", "article-lead/gone": "An old question?", "week-gone-9/old": "" });
    const sections = journalSections(data, stored, { other });
    assert.deepEqual(
      sections.other.map((entry) => [entry.key, entry.question, entry.reading]),
      [["article-solo/why", "Why solo?", { title: "Solo", url: "../articles/solo/" }]],
    );
    assert.deepEqual(
      sections.retired.map((entry) => [entry.key, entry.question, entry.reading, entry.source]),
      [
        ["article-lead/gone", "An old question?", null, "Some page"],
        ["week-gone-9/old", "(question not saved)", null, "Some page"],
      ],
    );
    assert.deepEqual(sections.loose, []);
  });

  it("shows answers outside the tracks as stored while the other articles cannot be had", () => {
    const stored = journal({ "article-solo/why": "Why solo?", "week-two-1/notice": "Q?" });
    const sections = journalSections(data, stored, { other: null });
    assert.deepEqual(sections.loose.map((entry) => entry.key), ["article-solo/why"]);
    assert.equal(sections.tracks[0].answered, 1);
    const without = journalSections(null, stored);
    assert.deepEqual([without.tracks, without.loose.length, without.count], [[], 2, 2]);
  });

  it("words an answer stored without its question as the question reads now, once known", () => {
    const stored = journal({ "article-lead/who": "", "week-two-1/notice": "", "article-solo/why": "", "week-gone-9/old": "" });
    const shown = (loaded) => {
      const sections = journalSections(data, stored, loaded);
      const entries = [...sections.tracks[0].weeks[0].entries, ...sections.other, ...sections.retired];
      return entries.map((entry) => [entry.key, entry.question, entry.unknown]);
    };
    assert.deepEqual(shown({ other, texts }), [
      ["week-two-1/notice", "What did you notice?", false],
      ["article-lead/who", "Who can help?", false],
      ["article-solo/why", "Why solo?", false],
      ["week-gone-9/old", "(question not saved)", true],
    ]);
    assert.deepEqual(
      shown({ other, texts: null }).map(([, question]) => question),
      Array(4).fill("(question not saved)"),
    );
  });
});

describe("the Markdown export", () => {
  it("names articles in no track and their answers, retired answers, and what was read", () => {
    const stored = journal({ "article-solo/why": "Why solo?", "week-gone-9/old": "A removed prompt?", "article-lead/try": "Try?" }, ["lead", "solo"]);
    const text = journalMarkdown(data, stored, "2026-12-01", { other });
    assert.match(text, /## Two Weeks\n\n### Week 1: First\n\n\*\*Try\?\*\*\n\n_From “Lead <b>”_\n\nAnswer to article-lead\/try\n/);
    assert.match(text, /## Other articles\n\n\*\*Why solo\?\*\*\n\n_From “Solo”_\n/);
    assert.match(text, /## Retired questions\n\n\*\*A removed prompt\?\*\*\n\n_Answered on “Some page”_\n/);
    assert.match(text, /- Two Weeks: 1 of 2 weeks complete, 2 of 3 readings read\n/);
    assert.match(text, /Read:\n\n- Lead <b> \(2026-11-23\)\n- Solo \(2026-11-23\)\n/);
  });

  it("names a reading by its slug when the other articles are not at hand", () => {
    const text = journalMarkdown(data, journal({}, ["solo"]), "2026-12-01", { other: null });
    assert.match(text, /Read:\n\n- solo \(2026-11-23\)\n/);
  });
});
