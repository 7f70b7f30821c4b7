// Every page loads this module; it imports the modules (rp/) for what the page shows.
// tests/test_asset_budget.py reads this table to weigh each page: one line per entry.
const FEATURES = [
  { when: "li[data-rp-key]", load: () => import("./rp/questions.js") },
  { when: "[data-rp-article]", load: () => import("./rp/read-marks.js") },
  { when: ".rp-track-data", load: () => import("./rp/track-views.js") },
  { when: "a.rp-start-link", load: () => import("./rp/start.js") },
  { when: ".rp-place", load: () => import("./rp/article-tracks.js") },
  { when: "[data-rp-read-state]", load: () => import("./rp/read-state.js") },
  { when: "form.rp-assessment", load: () => import("./rp/assessment.js") },
  { when: ".rp-invitation", load: () => import("./rp/invitation.js") },
  { when: ".rp-compare", load: () => import("./rp/comparison.js") },
  { when: ".rp-finish", load: () => import("./rp/finish.js") },
  { when: ".rp-journal-tools", load: () => import("./rp/journal-page.js") },
  { when: ".rp-cohort-week, .rp-message", load: () => import("./rp/cohort.js") },
  { when: "form.rp-plan", load: () => import("./rp/plan-form.js") },
  { when: ".rp-rhythm", load: () => import("./rp/rhythm-form.js") },
  { when: ".rp-track-data", load: () => import("./rp/share.js") },
  { when: ".rp-team-progress", load: () => import("./rp/team-progress.js") },
  { when: ".rp-workbook", load: () => import("./rp/workbook.js") },
  { when: ".rp-offline", load: () => import("./rp/offline.js") },
];

let page = null; // aborting it unhooks the previous page's listeners

// One feature failing, or failing to load, leaves the others working.
function enhancePage() {
  page?.abort();
  page = new AbortController();
  const { signal } = page;
  for (const { when, load } of FEATURES) {
    if (!document.querySelector(when)) continue;
    load()
      .then((feature) => signal.aborted || feature.enhance({ signal }))
      .catch((error) => console.error("reading-program:", error));
  }
}

// After following a link (not on the first page), focus goes to the new page's heading,
// or to the part of it the link points at, so keyboard and screen reader users start there.
let opened = false;
function focusNewPage() {
  if (!opened) return void (opened = true);
  const target = (location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)))) || document.querySelector("article h1");
  if (!target) return;
  if (!target.matches("a, button, input, select, textarea, [tabindex]")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: Boolean(location.hash) });
}

if (window.document$) {
  window.document$.subscribe(() => {
    enhancePage();
    focusNewPage();
  }); // Material's instant navigation
} else {
  enhancePage(); // modules run once the document is parsed
}
