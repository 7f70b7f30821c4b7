// Team progress on a cohort page: a box for the check-ins the lead received, kept in this
// browser per cohort (rp/checkin-store.js) until the lead forgets them; the table's code
// (rp/team-table.js) loads once there is something to show. Nothing is sent anywhere.
import { codesIn, createCheckinStore } from "./checkin-store.js";
import { button, element, readIsland } from "./dom.js";

export function enhance({ signal } = {}) {
  const box = document.querySelector(".rp-team-progress");
  const island = document.querySelector(".rp-cohort-data");
  const cohort = island && readIsland(island);
  if (!box || !cohort || box.dataset.rpReady) return;
  box.dataset.rpReady = "yes";
  box.hidden = false;
  const view = {
    cohort,
    store: createCheckinStore(),
    input: box.querySelector("textarea"),
    result: box.querySelector(".rp-team-progress__result"),
    kept: element("p", { class: "rp-team-progress__kept" }),
    notice: element("div", { class: "rp-team-progress__notice", role: "alert" }),
    status: element("p", { role: "status", class: "rp-team-progress__status" }),
  };
  view.input.after(view.kept);
  view.result.before(view.notice, view.status);
  view.input.addEventListener("input", () => {
    view.store.add(cohort.id, codesIn(view.input.value));
    show(view);
  });
  const fromStorage = (event) => (event.key === null || event.key?.startsWith("reading-program.checkins")) && show(view);
  addEventListener("storage", fromStorage, { signal });
  show(view);
}

function show(view) {
  const { cohort, store, input, result, status } = view;
  const codes = store.codes(cohort.id);
  const pasted = codesIn(input.value).filter((code) => !codes.includes(code));
  say(view, codes.length + pasted.length);
  if (!codes.length && !input.value.trim() && !cohort.members?.length) {
    result.textContent = "";
    status.textContent = "";
    return;
  }
  import("./team-table.js")
    .then((table) => table.showTable(result, status, cohort, `${codes.join("\n")}\n${input.value}`))
    .catch((error) => console.error("reading-program:", error));
}

/** What is kept, and what went wrong, in plain words with the way out. */
function say(view, count) {
  const { cohort, store, kept, notice, input } = view;
  kept.textContent = "";
  notice.textContent = "";
  const { problem } = store;
  if (problem?.kind === "damaged" || problem?.kind === "newer") {
    const why = problem.kind === "newer" ? "were kept by a newer version of the site" : "cannot be read";
    const copy = problem.backupKey ? `, and a copy is kept (${problem.backupKey})` : "";
    notice.append(element("p", {}, `The check-ins kept in this browser ${why}. They are left as they are${copy}; nothing is saved over them until you start afresh.`));
    const actions = element("p");
    if (problem.backupKey) {
      // Loaded when asked for: only a lead with damaged check-ins ever needs it.
      const saveCopy = () =>
        import("./download.js").then(({ download }) =>
          download(localStorage.getItem(problem.backupKey) ?? "", "json", "team-check-ins-damaged"),
        );
      actions.append(button("Download the copy", saveCopy), " ");
    }
    const fresh = () => {
      if (window.confirm("Keep check-ins afresh in this browser? The unreadable ones stay in their copy.")) store.startFresh();
      show(view);
    };
    actions.append(button("Start afresh", fresh));
    notice.append(actions);
    return;
  }
  if (problem?.kind === "repaired") {
    const n = store.dropped;
    notice.append(element("p", {}, `${n} kept check-in${n === 1 ? "" : "s"} could not be read and ${n === 1 ? "was" : "were"} set aside (a copy is kept as ${problem.backupKey}).`));
  }
  if (problem?.kind === "full" || problem?.kind === "unavailable") {
    notice.append(element("p", {}, "This browser does not let the page keep the check-ins (storage full or blocked): the table shows what is pasted, and is gone when you leave."));
  }
  if (!count) return;
  const forget = () => {
    if (!window.confirm(`Forget the check-ins kept in this browser for ${cohort.team}?`)) return;
    store.clear(cohort.id);
    input.value = "";
    show(view);
  };
  kept.append(`Kept in this browser for ${cohort.team}: ${count} check-in${count === 1 ? "" : "s"}. `, button("Forget them", forget));
}
