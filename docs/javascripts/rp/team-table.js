// The team progress table: the check-ins pasted on a cohort page, a row a person and a
// column a week, this week highlighted, and notes on what was skipped. Loaded on first paste.
import { STATUS, collectCheckins, describeWeek } from "./checkin.js";
import { whereIs } from "./cohort-status.js";
import { copyText } from "./copy.js";
import { isoDay } from "./dates.js";
import { button, element } from "./dom.js";

/** "Wed 20 Jan" for a check-in's day (a day the build cannot know). */
const dayText = (iso) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).replace(",", "");

export function showTable(result, status, cohort, text) {
  result.textContent = "";
  const readings = cohort.weeks.map((week) => week.readings);
  const { people, skipped } = collectCheckins(text, cohort.track, readings);
  const where = whereIs(isoDay(new Date()), cohort.weeks);
  const current = where?.kind === "current" ? where.week.number : null;
  const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  status.textContent = people.length
    ? `${count(people.length, "person", "people")}${skipped.length ? `; ${count(skipped.length, "code", "codes")} skipped, see below` : ""}.`
    : "No check-in for this track found in what you pasted.";
  if (people.length) {
    const table = teamTable(cohort, people, readings, current);
    const copied = element("span", { role: "status", class: "rp-meta" });
    const copy = button("Copy the table as text", () => copyText(tableText(table), table, copied));
    const actions = element("p");
    actions.append(copy, copied);
    const wrapper = element("div", { class: "rp-team-table rp-scroll", tabindex: "0", role: "region", "aria-label": "Team progress table" });
    wrapper.append(table);
    result.append(wrapper, actions);
  }
  const notes = [
    ...people.filter((person) => person.count > 1).map((person) => [person.checkin.name, `: ${person.count} check-ins, the table shows the newest.`]),
    ...skipped.map((skip) => [skip.code, `: skipped, ${skip.reason}.`]),
  ];
  if (notes.length) {
    const list = element("ul", { class: "rp-team-progress__notes" });
    for (const [what, why] of notes) {
      const item = element("li");
      item.append(element("bdi", {}, what), why);
      list.append(item);
    }
    result.append(list);
  }
}

function teamTable(cohort, people, readings, current) {
  const table = element("table");
  table.append(element("caption", {}, "Team progress, from the check-ins pasted above"));
  const head = element("tr");
  head.append(element("th", { scope: "col" }, "Person"), element("th", { scope: "col" }, "Checked in"));
  for (const week of cohort.weeks) {
    const cell = element("th", { scope: "col" }, `Week ${week.number}`);
    if (week.number === current) {
      cell.className = "rp-current";
      cell.append(element("br"), element("span", { class: "rp-meta" }, "this week"));
    }
    head.append(cell);
  }
  const body = element("tbody");
  for (const { checkin } of people) {
    const row = element("tr");
    const name = element("th", { scope: "row" });
    name.append(element("bdi", {}, checkin.name));
    row.append(name, element("td", {}, dayText(checkin.day)));
    checkin.weeks.forEach((week, index) => {
      const cell = element("td", { class: `rp-${STATUS[week.status].replace(" ", "-")}` }, describeWeek(readings[index], week));
      if (index + 1 === current) cell.classList.add("rp-current");
      row.append(cell);
    });
    body.append(row);
  }
  const done = element("tr");
  done.append(element("th", { scope: "row" }, "Done"), element("td"));
  cohort.weeks.forEach((week, index) => {
    const finished = people.filter(({ checkin }) => checkin.weeks[index].status === 2).length;
    const cell = element("td", {}, `${finished} of ${people.length}`);
    if (week.number === current) cell.className = "rp-current";
    done.append(cell);
  });
  const foot = element("tfoot");
  foot.append(done);
  const thead = element("thead");
  thead.append(head);
  table.append(thead, body, foot);
  return table;
}

/** The table as tab-separated lines, for a spreadsheet or a message. */
export const tableText = (table) =>
  [...table.querySelectorAll("tr")].map((row) => [...row.cells].map((cell) => cell.textContent.replace("this week", " (this week)").trim()).join("\t")).join("\n");
