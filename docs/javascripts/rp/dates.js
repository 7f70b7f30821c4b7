// Calendar days as "YYYY-MM-DD" in the reader's own time zone, and written as the site writes them.

export function isoDay(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(iso, days) {
  const [y, m, d] = iso.split("-").map(Number);
  return isoDay(new Date(y, m - 1, d + days)); // Date rolls over months and years
}

export const weekdayOf = (iso) => {
  const [year, month, day] = iso.split("-").map(Number);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7; // Monday is 0
};

/** "Thu 14 Jan", as the site writes a day: `names` holds the build's `weekdays` and `months`. */
export function dayText(iso, names) {
  const [, month, day] = iso.split("-").map(Number);
  return `${names.weekdays[weekdayOf(iso)]} ${day} ${names.months[month - 1]}`;
}
