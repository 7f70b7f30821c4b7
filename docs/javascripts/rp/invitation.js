// A week's invitation to the self-assessment says what was done once it is: week 1 the
// first result, the last week the change since then (once there is a journal to ask).
import { element } from "./dom.js";
import { onJournal } from "./on-journal.js";

const DAY = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });
const on = (result) => (result.at ? ` on ${DAY.format(new Date(result.at))}` : "");

export function enhance({ signal }) {
  const invitations = [...document.querySelectorAll(".rp-invitation")];
  const bind = ({ store }) => {
    store.open();
    const show = (change) => {
      if (change?.type === "saved" || (change?.type === "set" && change.section !== "assessments")) return;
      for (const invitation of invitations) showInvitation(invitation, store.journal.assessments.get(invitation.dataset.rpAssessment));
    };
    store.listen(show, signal);
    show();
  };
  onJournal(() => import("./store.js").then(bind).catch((error) => console.error("reading-program:", error)), signal);
}

function showInvitation(invitation, history) {
  const ask = invitation.querySelector(".rp-invitation__ask");
  const done = invitation.querySelector(".rp-invitation__done");
  const link = ask.querySelector("a");
  const latest = history?.retakes.at(-1);
  const text = invitation.dataset.rpPhase === "before" ? firstText(history?.before) : latest && changeText(history.before, latest);
  ask.hidden = Boolean(text);
  done.hidden = !text;
  done.textContent = "";
  if (!text) return;
  invitation.classList.add("rp-invitation--done");
  done.append(element("span", { class: "rp-icon rp-icon--complete", "aria-hidden": "true" }, "✓ "), text, " ");
  done.append(element("a", { href: link.href }, invitation.dataset.rpPhase === "before" ? "See your result" : "Retake it"));
}

const firstText = (before) => before && `Done: your first result is ${before.total} of ${before.max} (${before.outcome})${on(before)}.`;

function changeText(before, latest) {
  if (!before) return `Your retake: ${latest.total} of ${latest.max} (${latest.outcome})${on(latest)}.`;
  const difference = latest.total - before.total;
  const change = difference > 0 ? `+${difference}` : difference < 0 ? `−${-difference}` : "no change";
  return `Your change since week 1: ${change} (${before.total} → ${latest.total} of ${latest.max}).`;
}
