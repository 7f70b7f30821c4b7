// The team progress table: the check-ins kept and pasted on a cohort page, a row a person
// (members without a check-in too) and a column a week, this week highlighted, and notes
// on what was skipped. Loaded once there is something to show.
import { STATUS, collectCheckins, describeWeek } from "./checkin.js";
import { whereIs } from "./cohort-status.js";
import { copyText } from "./copy.js";
import { dayText, isoDay } from "./dates.js";
import { button, element } from "./dom.js";

const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

export function showTable(result, status, cohort, text) {
  result.textContent = "";
  const read = collectCheckins(text, cohort);
  const { people, missing, skipped } = read;
  const where = whereIs(isoDay(new Date()), cohort.weeks);
  const current = where?.kind === "current" ? where.week.number : null;
  status.textContent = people.length
    ? `${count(people.length, "person", "people")}${missing.length ? `; ${missing.length} without a check-in yet` : ""}${skipped.length ? `; ${count(skipped.length, "code", "codes")} skipped, see below` : ""}.`
    : text.trim()
      ? "No check-in for this team found in what you pasted."
      : "";
  if (people.length || missing.length) {
    const table = teamTable(cohort, read, current);
    const copied = element("span", { role: "status", class: "rp-meta" });
    const copy = button("Copy the table as text", () => copyText(tableText(cohort, read, current), table, copied));
    const actions = element("p");
    actions.append(copy, copied);
    const wrapper = element("div", { class: "rp-team-table rp-scroll", tabindex: "0", role: "region", "aria-label": "Team progress table" });
    wrapper.append(table);
    result.append(wrapper, actions);
  }
  const notes = [
    ...people.filter((person) => person.count > 1).map((person) => [person.checkin.name, `: ${person.count} check-ins, the table shows the newest.`]),
    ...(cohort.members?.length ? people.filter((person) => !person.member).map((person) => [person.checkin.name, ": not on the team's member list."]) : []),
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

/** A cell: the status in words, then its counts a line each, so six weeks fit 1280 px. */
function weekCell(readings, week) {
  const cell = element("td", { class: `rp-${STATUS[week.status].replace(" ", "-")}` });
  cell.append(element("span", { class: "rp-team-table__status" }, STATUS[week.status]));
  if (week.status) cell.append(element("br"), `${week.read}/${readings} read`);
  if (week.answers) cell.append(element("br"), count(week.answers, "answer", "answers"));
  return cell;
}

function teamTable(cohort, { people, missing }, current) {
  const weeks = cohort.weeks;
  const table = element("table");
  table.append(element("caption", {}, "Team progress, from the check-ins kept and pasted here"));
  const head = element("tr");
  head.append(element("th", { scope: "col" }, "Person"), element("th", { scope: "col" }, "Checked in"));
  for (const week of weeks) {
    const cell = element("th", { scope: "col" }, `Week ${week.number}`);
    if (week.number === current) {
      cell.className = "rp-current";
      cell.append(element("br"), element("span", { class: "rp-meta" }, "this week"));
    }
    head.append(cell);
  }
  const body = element("tbody");
  const rows = [...people.map((person) => ({ name: person.checkin.name, checkin: person.checkin })), ...missing.map((name) => ({ name, checkin: null }))];
  rows.sort((a, b) => a.name.localeCompare(b.name, "en"));
  for (const { name, checkin } of rows) {
    const row = element("tr", checkin ? {} : { class: "rp-team-table__missing" });
    const who = element("th", { scope: "row" });
    who.append(element("bdi", {}, name));
    row.append(who, element("td", {}, checkin ? dayText(checkin.day, cohort) : "no check-in yet"));
    weeks.forEach((week, index) => {
      const cell = checkin ? weekCell(cohort.readings[index], checkin.weeks[index]) : element("td", { class: "rp-not-started" }, "–");
      if (week.number === current) cell.classList.add("rp-current");
      row.append(cell);
    });
    body.append(row);
  }
  const done = element("tr");
  done.append(element("th", { scope: "row" }, "Done"), element("td"));
  weeks.forEach((week, index) => {
    const finished = people.filter(({ checkin }) => checkin.weeks[index].status === 2).length;
    const cell = element("td", {}, `${finished} of ${rows.length}`);
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
function tableText(cohort, { people, missing }, current = null) {
  const header = ["Person", "Checked in", ...cohort.weeks.map((week) => `Week ${week.number}${week.number === current ? " (this week)" : ""}`)];
  const rows = [
    ...people.map(({ checkin }) => [checkin.name, dayText(checkin.day, cohort), ...cohort.weeks.map((_, i) => describeWeek(cohort.readings[i], checkin.weeks[i]))]),
    ...missing.map((name) => [name, "no check-in yet", ...cohort.weeks.map(() => "")]),
  ].sort((a, b) => a[0].localeCompare(b[0], "en"));
  return [header, ...rows].map((cells) => cells.join("\t")).join("\n");
}
