// "Last week you wrote": which of the participant's own answers a week's page brings back.
// Pure, no DOM: `track` is the page's island (track_data), `answers` the journal's.

/** The answer to bring back on week `number`'s page: the first answered question, in page
 * order, of the week before; else of the week before that, and so on. Only answers whose
 * question is known (saved with it, or one of the week's own prompts). -> {week, key,
 * question, text, href (where it can be edited, relative to the page)} or null. */
export function earlierAnswer(track, number, answers) {
  for (let index = number - 2; index >= 0; index -= 1) {
    const week = track.weeks[index];
    for (const [position, key] of week.questions.entries()) {
      const answer = answers.get(key);
      const question = answer?.question || week.prompts[position];
      if (!answer?.text.trim() || !question) continue;
      return { week, key, question, text: answer.text, href: `${week.url}#${key.replace("/", "--")}` };
    }
  }
  return null;
}
