// Every page loads this module; it imports the modules (rp/) for what the page shows.
// tests/test_asset_budget.py reads this table to weigh each page: one line per entry.
const FEATURES = [
  { when: "li[data-rp-key]", load: () => import("./rp/questions.js") },
  { when: "[data-rp-article]", load: () => import("./rp/read-marks.js") },
  { when: ".rp-week-progress, .rp-track-progress, .rp-continue", load: () => import("./rp/progress.js") },
  { when: "form.rp-assessment", load: () => import("./rp/assessment.js") },
  { when: ".rp-compare", load: () => import("./rp/comparison.js") },
  { when: ".rp-journal-tools", load: () => import("./rp/journal-page.js") },
  { when: ".rp-cohort-week, .rp-message", load: () => import("./rp/cohort.js") },
  { when: "form.rp-plan", load: () => import("./rp/plan-form.js") },
  { when: ".rp-track-data", load: () => import("./rp/share.js") },
  { when: ".rp-team-progress", load: () => import("./rp/team-progress.js") },
  { when: ".rp-workbook", load: () => import("./rp/workbook.js") },
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

if (window.document$) window.document$.subscribe(enhancePage); // Material's instant navigation
else enhancePage(); // modules run once the document is parsed
