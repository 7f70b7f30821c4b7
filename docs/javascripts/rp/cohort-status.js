// Where a day falls in a cohort's schedule (pure): before the start, in a reading week, in a
// break, after the end. Weeks come from the build (.rp-cohort-data): ISO days, and each
// week's first and last day written out as the site writes them ("Mon 11 Jan").

const DAY_MS = 86400000;
const utc = (iso) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
export const daysBetween = (from, to) => Math.round((utc(to) - utc(from)) / DAY_MS);

/** -> {kind: "before", next, days} | {kind: "current", week} | {kind: "break", next} |
 * {kind: "after", last} | null (no weeks). `today` is "YYYY-MM-DD". */
export function whereIs(today, weeks) {
  if (!weeks.length) return null;
  if (today < weeks[0].starts) return { kind: "before", next: weeks[0], days: daysBetween(today, weeks[0].starts) };
  const last = weeks[weeks.length - 1];
  if (today > last.ends) return { kind: "after", last };
  const week = weeks.find((item) => item.starts <= today && today <= item.ends);
  return week ? { kind: "current", week } : { kind: "break", next: weeks.find((item) => item.starts > today) };
}

// "Mon 11 Jan", with the year when it is not this one.
const dayOf = (text, iso, today) => (iso.slice(0, 4) === today.slice(0, 4) ? text : `${text} ${iso.slice(0, 4)}`);

function inTime(days) {
  if (days === 1) return "tomorrow";
  if (days < 14) return `in ${days} days`;
  return `in ${Math.round(days / 7)} weeks`;
}

/** What a cohort page says outside its reading weeks; null in a reading week. */
export function statusText(where, today) {
  if (!where || where.kind === "current") return null;
  if (where.kind === "after") return `Finished on ${dayOf(where.last.endsText, where.last.ends, today)}.`;
  const { next } = where;
  const starts = dayOf(next.startsText, next.starts, today);
  if (where.kind === "before") return `Starts ${starts}, ${inTime(where.days)}.`;
  return `No reading this week: a break; week ${next.number} starts ${starts}.`;
}
