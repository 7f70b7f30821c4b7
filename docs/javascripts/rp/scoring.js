// Self-assessment scoring from the build's assessment data, and the history of results.
// Pure functions, no DOM.

export const bandFor = (data, total) => data.bands.find((band) => total >= band.min && total <= band.max);

/** A result from `ratingOf(statementId)`, or null when a rating is missing or off the scale. */
export function scoreRatings(data, ratingOf, at) {
  const ratings = Object.create(null);
  const aspects = Object.create(null);
  let total = 0;
  for (const statement of data.statements) {
    const rating = ratingOf(statement.id);
    if (!Number.isInteger(rating) || rating < 1 || rating > data.scale) return null;
    ratings[statement.id] = rating;
    aspects[statement.aspect] = (aspects[statement.aspect] ?? 0) + rating;
    total += rating;
  }
  const outcome = bandFor(data, total)?.outcome ?? "";
  return { ratings, aspects, total, max: data.statements.length * data.scale, outcome, at };
}

/** The history with `result` recorded as the first time or as one more retake. */
export function withResult(history, result, retake) {
  const before = history?.before ?? null;
  const retakes = history?.retakes ?? [];
  return retake ? { ...history, before, retakes: [...retakes, result] } : { ...history, before: result, retakes };
}
