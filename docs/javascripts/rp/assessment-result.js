// The self-assessment's results (assessment.js loads this once there is a journal, or on
// submit): the page leads with the latest result (the total, the outcome as the article
// words it, each aspect) and the form waits behind Retake.
import { element } from "./dom.js";
import { store } from "./store.js";

const bound = new WeakSet();

export function show(view, signal) {
  if (bound.has(view)) return;
  bound.add(view);
  store.open();
  view.card.querySelector(".rp-result__retake").addEventListener("click", () => retake(view));
  const update = (change) => {
    if (change?.type === "saved" || (change?.type === "set" && change.section !== "assessments")) return;
    const history = store.journal.assessments.get(view.data.id);
    showPhaseChoice(view.form, history?.before);
    showResult(view, history);
  };
  store.listen(update, signal);
  update();
}

export function save(view, { scoreRatings, withResult }) {
  const { form, data } = view;
  const values = new FormData(form);
  const result = scoreRatings(data, (id) => Number(values.get(id)), new Date().toISOString());
  const message = document.querySelector(".rp-assessment-result");
  if (!result) {
    message.textContent = "Please rate every statement.";
    return;
  }
  const phase = values.get("rp-phase");
  if (phase !== "before" && phase !== "retake") {
    message.textContent = "Please choose whether this is your first result or a retake.";
    return;
  }
  view.retaking = false;
  store.set("assessments", data.id, withResult(store.journal.assessments.get(data.id), result, phase === "retake"));
  store.saveNow();
  form.reset(); // the next result needs ratings and a choice of its own
  message.textContent = `Saved as ${phase === "retake" ? "a retake" : "your first result"}.`;
  // The result, where the eyes are: on a phone the form's end is at the screen's edge.
  const heading = view.card.querySelector("h2");
  heading.scrollIntoView({ block: "start" });
  heading.focus({ preventScroll: true });
}

// The latest result (the newest retake, or the first one); the form only while retaking.
function showResult({ card, form, data, retaking }, history) {
  const latest = history?.retakes.at(-1) ?? history?.before;
  card.hidden = !latest;
  form.hidden = Boolean(latest) && !retaking;
  card.querySelector(".rp-result__retake").hidden = !form.hidden;
  if (!latest) return;
  const band = data.bands.find((item) => latest.total >= item.min && latest.total <= item.max);
  card.querySelector("h2").textContent = history.retakes.length ? "Your latest result" : "Your first result";
  const total = card.querySelector(".rp-result__total");
  total.textContent = "";
  total.append(element("strong", { class: "rp-result__score" }, `${latest.total} of ${latest.max}`));
  if (history.retakes.length && history.before) total.append(` · ${changeSince(history.before.total, latest.total)} since your first result (${history.before.total})`);
  const bandLine = card.querySelector(".rp-result__band");
  bandLine.textContent = "";
  if (band) {
    bandLine.append("In the article's words: ", element("a", { href: band.url }, band.outcome), band.summary ? `. ${band.summary}` : ".");
  } else bandLine.textContent = latest.outcome;
  const aspects = card.querySelector(".rp-result__aspects");
  aspects.textContent = "";
  for (const aspect of data.aspects) {
    const score = latest.aspects?.[aspect.id];
    if (!Number.isFinite(score)) continue;
    const item = element("li");
    const bar = element("span", { class: "rp-score-bar", "aria-hidden": "true" });
    const fill = element("span");
    fill.style.width = `${Math.round((100 * score) / aspect.max)}%`;
    bar.append(fill);
    item.append(element("span", { class: "rp-result__aspect" }, aspect.name), ` ${score} of ${aspect.max}`, bar);
    aspects.append(item);
  }
}

const changeSince = (from, to) => (to === from ? "no change" : to > from ? `+${to - from}` : `−${from - to}`);

function retake(view) {
  view.retaking = true;
  view.form.hidden = false;
  view.card.querySelector(".rp-result__retake").hidden = true;
  view.form.querySelector("input")?.focus();
}

function showPhaseChoice(form, first) {
  const note = form.querySelector(".rp-phase__first");
  note.hidden = !first;
  form.querySelector(".rp-phase__new").hidden = Boolean(first);
  form.querySelector(".rp-phase__replace").hidden = !first;
  if (first) note.querySelector(".rp-phase__result").textContent = `${first.total} of ${first.max}`;
  // Nothing to compare with yet: the first result is the choice on screen.
  else if (!form.querySelector('input[name="rp-phase"]:checked')) form.querySelector('input[value="before"]').checked = true;
}
