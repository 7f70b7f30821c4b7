// Reading program: reading progress, the reflection journal and the self-assessment.
// Everything stays in this browser (localStorage); nothing is ever sent anywhere.
// Pages work without this script: it only adds controls to what the build rendered.
(() => {
  "use strict";
  const STORAGE_KEY = "reading-program";
  const FORMAT = "reading-program-journal";
  const VERSION = 1;
  const SAVE_DELAY_MS = 400;

  let state = emptyState(); // the truth while the page is open; localStorage mirrors it
  let saveTimer = null;
  let unsaved = false; // a save failed: memory holds text that storage does not

  function emptyState() {
    return { version: VERSION, answers: {}, read: {}, assessments: {} };
  }

  // ---- storage -------------------------------------------------------------------------

  function load() {
    if (unsaved) return; // never swap typed text for an older stored copy
    try {
      const raw = window.localStorage.getItem(STORAGE_KEY);
      state = raw ? normalise(JSON.parse(raw)) : emptyState();
    } catch (error) {
      storageFailed(); // keep what is in memory: typed text is never thrown away
    }
  }

  function normalise(data) {
    const fresh = emptyState();
    for (const part of ["answers", "read", "assessments"]) {
      if (data && typeof data[part] === "object" && data[part]) fresh[part] = data[part];
    }
    return fresh;
  }

  function saveSoon() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNow, SAVE_DELAY_MS);
  }

  function saveNow() {
    clearTimeout(saveTimer);
    saveTimer = null;
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
      unsaved = false;
      document.querySelectorAll(".rp-storage-notice").forEach((n) => n.remove());
    } catch (error) {
      storageFailed();
    }
  }

  function storageFailed() {
    unsaved = true;
    if (document.querySelector(".rp-storage-notice")) return;
    const notice = element("div", { class: "rp-notice rp-storage-notice", role: "alert" });
    notice.append(
      "Your answers are not being saved: this browser's storage is unavailable or full. " +
        "What you typed stays on this page; ",
      button("Export your journal", () => download(exportJson(), "json")),
      " to keep a copy.",
    );
    const content = document.querySelector("article") || document.body;
    content.prepend(notice);
  }

  // ---- small DOM helpers -----------------------------------------------------------------

  function element(name, attributes = {}, text = "") {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    if (text) node.textContent = text;
    return node;
  }

  function button(label, onClick) {
    const node = element("button", { type: "button", class: "md-button rp-small" }, label);
    node.addEventListener("click", onClick);
    return node;
  }

  function readJson(selector) {
    const island = document.querySelector(selector);
    return island ? JSON.parse(island.dataset.rpJson) : null;
  }

  function answered(key) {
    const answer = state.answers[key];
    return Boolean(answer && answer.text.trim());
  }

  // ---- reflection questions --------------------------------------------------------------

  function enhanceQuestions() {
    document.querySelectorAll("li[data-rp-key]").forEach((item) => {
      if (item.querySelector("textarea")) return;
      const key = item.dataset.rpKey;
      const text = item.querySelector(".rp-question");
      const area = element("textarea", {
        class: "rp-answer",
        rows: "3",
        id: `${item.id}-answer`,
        "aria-labelledby": text.id,
        placeholder: "Your answer (saved in this browser only)",
      });
      area.value = state.answers[key] ? state.answers[key].text : "";
      const printed = element("div", { class: "rp-print-answer", "aria-hidden": "true" });
      area.addEventListener("input", () => {
        recordAnswer(key, text.textContent, area.value);
        mirrorAnswer(key, area);
      });
      item.append(area, printed);
      showAnswered(item, area.value);
    });
  }

  function recordAnswer(key, question, text) {
    if (text.trim()) {
      const heading = document.querySelector("h1");
      state.answers[key] = {
        text,
        question,
        source: heading ? heading.textContent.replace("¶", "").trim() : document.title,
        updated: new Date().toISOString(),
      };
    } else {
      delete state.answers[key];
    }
    saveSoon();
  }

  function mirrorAnswer(key, from) {
    // The same question can stand twice on a page (an article read in two tracks).
    document.querySelectorAll("li[data-rp-key]").forEach((item) => {
      if (item.dataset.rpKey !== key) return;
      const area = item.querySelector("textarea");
      if (area !== from) area.value = from.value;
      showAnswered(item, from.value);
    });
  }

  function showAnswered(item, text) {
    item.classList.toggle("rp-answered", Boolean(text.trim()));
    item.querySelector(".rp-print-answer").textContent = text;
  }

  // ---- reading progress ------------------------------------------------------------------

  function enhanceReadMarkers() {
    document.querySelectorAll("[data-rp-article]").forEach((holder, index) => {
      if (holder.querySelector(".rp-read")) return;
      const slug = holder.dataset.rpArticle;
      const id = `rp-read-${slug}-${index}`;
      const box = element("input", { type: "checkbox", id, class: "rp-read__box" });
      box.checked = Boolean(state.read[slug]);
      const label = element("label", { for: id }, "Mark as read");
      const wrapper = element("span", { class: "rp-read" });
      wrapper.append(box, " ", label);
      const stored = state.read[slug];
      if (stored && stored.hash !== holder.dataset.rpHash) {
        wrapper.append(element("span", { class: "rp-updated" }, " Updated since you read it"));
      }
      box.addEventListener("change", () => {
        if (box.checked) {
          state.read[slug] = { hash: holder.dataset.rpHash, at: new Date().toISOString() };
        } else {
          delete state.read[slug];
        }
        saveNow();
        showProgress();
      });
      holder.append(wrapper);
    });
  }

  function weekStatus(week) {
    const read = week.readings.filter((r) => state.read[r.slug]).length;
    const answers = week.questions.filter(answered).length;
    const complete = read === week.readings.length && answers === week.questions.length;
    return { read, answers, complete, started: read + answers > 0 };
  }

  function describeWeek(week, status) {
    if (status.complete) return "complete";
    if (!status.started) return "not started";
    return `${status.read} of ${week.readings.length} read, ${status.answers} of ${week.questions.length} answered`;
  }

  function showProgress() {
    document.querySelectorAll(".rp-track-data").forEach((island) => {
      const track = JSON.parse(island.dataset.rpJson);
      const statuses = track.weeks.map(weekStatus);
      document.querySelectorAll(`.rp-week-progress`).forEach((cell) => {
        const index = Number(cell.dataset.rpWeek) - 1;
        if (track.weeks[index]) cell.textContent = describeWeek(track.weeks[index], statuses[index]);
      });
      const done = statuses.filter((s) => s.complete).length;
      document.querySelectorAll(`.rp-track-progress[data-rp-track="${track.id}"]`).forEach((bar) => {
        bar.querySelector("progress").value = done;
        bar.querySelector(".rp-track-progress__text").textContent =
          `${done} of ${track.weeks.length} weeks complete`;
        bar.hidden = false;
      });
      document.querySelectorAll(`.rp-continue[data-rp-track="${track.id}"]`).forEach((slot) => {
        showContinue(slot, track, statuses);
      });
    });
  }

  function showContinue(slot, track, statuses) {
    const index = statuses.findIndex((s) => !s.complete);
    slot.textContent = "";
    slot.hidden = false;
    if (index < 0) {
      slot.textContent = `You have completed ${track.title}.`;
      return;
    }
    const week = track.weeks[index];
    const next = week.readings.find((r) => !state.read[r.slug]);
    const link = next
      ? element("a", { href: next.url }, next.title)
      : element("a", { href: `${week.url}#reflect` }, "answer this week's questions");
    slot.append(element("strong", {}, "Continue: "), `Week ${week.number}, `, link);
  }

  // ---- self-assessment -------------------------------------------------------------------

  function enhanceAssessment() {
    const form = document.querySelector("form.rp-assessment");
    const data = readJson(".rp-assessment-data");
    if (!form || !data || form.dataset.rpReady) return;
    form.dataset.rpReady = "yes";
    if (state.assessments[data.id] && state.assessments[data.id].before) {
      form.querySelector('input[name="rp-phase"][value="after"]').checked = true;
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const result = scoreAssessment(form, data);
      const phase = new FormData(form).get("rp-phase");
      state.assessments[data.id] = { ...state.assessments[data.id], [phase]: result };
      saveNow();
      const band = data.bands.find((b) => result.total >= b.min && result.total <= b.max);
      const message = document.querySelector(".rp-assessment-result");
      message.textContent = `Your total: ${result.total} of ${result.max}. Outcome: `;
      message.append(element("a", { href: band.url }, band.outcome), ".");
      showComparisons();
    });
  }

  function scoreAssessment(form, data) {
    const values = new FormData(form);
    const ratings = {};
    const aspects = {};
    let total = 0;
    for (const statement of data.statements) {
      const rating = Number(values.get(statement.id));
      ratings[statement.id] = rating;
      aspects[statement.aspect] = (aspects[statement.aspect] || 0) + rating;
      total += rating;
    }
    const band = data.bands.find((b) => total >= b.min && total <= b.max);
    const max = data.statements.length * data.scale;
    return { ratings, aspects, total, max, outcome: band.outcome, at: new Date().toISOString() };
  }

  function showComparisons() {
    document.querySelectorAll(".rp-compare").forEach((holder) => {
      const results = state.assessments[holder.dataset.rpAssessment] || {};
      holder.textContent = "";
      if (!results.before && !results.after) return;
      holder.hidden = false;
      const table = element("table", { class: "rp-compare__table" });
      table.append(element("caption", {}, "Your self-assessment, before and after"));
      const head = table.createTHead().insertRow();
      for (const text of ["", "Before", "After"]) head.append(element("th", { scope: "col" }, text));
      const body = table.createTBody();
      const aspects = Object.keys({ ...(results.before || {}).aspects, ...(results.after || {}).aspects });
      const rows = aspects.map((a) => [a.replace(/-/g, " "), (r) => r.aspects[a]]);
      rows.push(["Total", (r) => `${r.total} of ${r.max}`], ["Outcome", (r) => r.outcome]);
      for (const [label, value] of rows) {
        const row = body.insertRow();
        row.append(element("th", { scope: "row" }, label));
        for (const result of [results.before, results.after]) {
          row.insertCell().textContent = result ? String(value(result)) : "not taken yet";
        }
      }
      holder.append(table);
    });
  }

  // ---- journal page: export, import, clear, retired questions ------------------------------

  function enhanceJournal() {
    const tools = document.querySelector(".rp-journal-tools");
    if (!tools || tools.dataset.rpReady) return;
    tools.dataset.rpReady = "yes";
    tools.hidden = false;
    const on = (action, type, handler) =>
      tools.querySelector(`[data-rp-action="${action}"]`).addEventListener(type, handler);
    on("export-json", "click", () => download(exportJson(), "json"));
    on("export-markdown", "click", () => download(exportMarkdown(), "md"));
    on("import", "change", (event) => importFile(event.target));
    on("clear", "click", clearEverything);
    showRetired();
  }

  function showRetired() {
    // Answers not on this page: those to articles in no track, and retired ones.
    const other = readJson(".rp-other-data");
    if (!other) return;
    const current = new Set([...document.querySelectorAll("li[data-rp-key]")].map((li) => li.dataset.rpKey));
    const lists = { other: [], retired: [] };
    for (const [key, answer] of Object.entries(state.answers)) {
      if (!current.has(key)) lists[other.keys[key] ? "other" : "retired"].push([key, answer]);
    }
    for (const [name, entries] of Object.entries(lists)) {
      const section = document.querySelector(`.rp-${name}`);
      const list = section.querySelector(".rp-saved-list");
      list.textContent = "";
      for (const [key, answer] of entries) {
        const item = element("li", { "data-rp-saved": key });
        item.append(element("p", { class: "rp-question" }, answer.question));
        const from = element("p", { class: "rp-meta" }, "From: ");
        const [title, url] = other.keys[key] || [answer.source, null];
        from.append(url ? element("a", { href: url }, title) : title || "");
        item.append(from, element("p", { class: "rp-saved-answer" }, answer.text));
        list.append(item);
      }
      section.hidden = !entries.length;
    }
  }

  function exportJson() {
    const { answers, read, assessments } = state;
    const data = { format: FORMAT, version: VERSION, exported: new Date().toISOString(), answers, read, assessments };
    return JSON.stringify(data, null, 2);
  }

  function exportMarkdown() {
    const lines = ["# My reading journal", ""];
    const headingLevel = { H2: "##", H3: "###", H4: "####" };
    const root = document.querySelector("article") || document.body;
    for (const node of root.querySelectorAll(".rp-journal-track h2, .rp-journal-track h3, .rp-journal-track h4, li[data-rp-key], .rp-saved:not([hidden]) h2, .rp-saved li")) {
      if (headingLevel[node.tagName]) {
        lines.push(`${headingLevel[node.tagName]} ${node.textContent.replace("¶", "").trim()}`, "");
      } else if (node.dataset.rpKey) {
        const answer = state.answers[node.dataset.rpKey];
        lines.push(`**${node.querySelector(".rp-question").textContent}**`, "", answer ? answer.text : "_(not answered yet)_", "");
      } else {
        const answer = state.answers[node.dataset.rpSaved];
        lines.push(`**${answer.question}**`, "", answer.text, "");
      }
    }
    return lines.join("\n");
  }

  function download(text, extension, name = `reading-journal-${isoDay(new Date())}`) {
    const types = { json: "application/json", md: "text/markdown", ics: "text/calendar" };
    const url = URL.createObjectURL(new Blob([text], { type: types[extension] }));
    const link = element("a", { href: url, download: `${name}.${extension}` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async function importFile(input) {
    const status = document.querySelector(".rp-journal-status");
    const file = input.files[0];
    input.value = "";
    if (!file) return;
    let data;
    try {
      data = JSON.parse(await file.text());
    } catch (error) {
      status.textContent = "That file is not JSON exported from this journal.";
      return;
    }
    if (!data || data.format !== FORMAT || !(data.version <= VERSION)) {
      status.textContent = `That file is not a ${FORMAT} file of version ${VERSION} or older.`;
      return;
    }
    const incoming = normalise(data);
    const differing = Object.keys(incoming.answers).filter(
      (key) => state.answers[key] && state.answers[key].text !== incoming.answers[key].text,
    );
    const replace =
      differing.length > 0 &&
      window.confirm(
        `${differing.length} imported answer(s) differ from the ones in this browser. ` +
          "Replace them with the imported ones? (Cancel keeps the ones in this browser.)",
      );
    let added = 0;
    for (const [key, answer] of Object.entries(incoming.answers)) {
      if (state.answers[key] && !(replace && differing.includes(key))) continue;
      state.answers[key] = answer;
      added += 1;
    }
    state.read = { ...incoming.read, ...state.read };
    for (const [id, results] of Object.entries(incoming.assessments)) {
      state.assessments[id] = { ...results, ...state.assessments[id] };
    }
    saveNow();
    refresh();
    status.textContent = `Imported ${added} answer(s).`;
  }

  function clearEverything() {
    const sure = window.confirm(
      "Delete all your answers, reading progress and self-assessment results from this browser? " +
        "This cannot be undone: export your journal first to keep a copy.",
    );
    if (!sure) return;
    state = emptyState();
    saveNow();
    refresh();
    document.querySelector(".rp-journal-status").textContent = "Your journal is empty.";
  }

  // ---- team leads: this week on a cohort page, copy buttons, the plan form ----------------

  const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

  function isoDay(date) {
    const pad = (n) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }

  function addDays(iso, days) {
    const [y, m, d] = iso.split("-").map(Number);
    return isoDay(new Date(y, m - 1, d + days));
  }

  function highlightThisWeek() {
    const today = isoDay(new Date());
    document.querySelectorAll(".rp-cohort-week").forEach((week) => {
      const current = week.dataset.rpStarts <= today && today <= week.dataset.rpEnds;
      week.classList.toggle("rp-current", current);
      const slot = document.querySelector(".rp-this-week");
      if (!current || !slot) return;
      const heading = week.querySelector("h3");
      slot.textContent = "";
      slot.append(element("strong", {}, "This week: "), element("a", { href: `#${heading.id}` }, heading.textContent.replace("¶", "")));
      slot.hidden = false;
    });
  }

  function addCopyButtons(root = document) {
    root.querySelectorAll(".rp-message").forEach((box) => {
      if (box.querySelector(".rp-copy")) return;
      const text = () => `Subject: ${box.querySelector(".rp-message__subject").textContent}\n\n${box.querySelector(".rp-message__body").textContent}`;
      const status = element("span", { role: "status", class: "rp-meta" });
      const copy = button("Copy message", async () => {
        try {
          await navigator.clipboard.writeText(text());
          status.textContent = " Copied.";
        } catch (error) {
          window.getSelection().selectAllChildren(box.querySelector(".rp-message__body"));
          status.textContent = " Selected: press Ctrl+C (or ⌘C) to copy.";
        }
      });
      copy.classList.add("rp-copy");
      box.append(copy, status);
    });
  }

  function enhancePlanForm() {
    const form = document.querySelector("form.rp-plan");
    const island = document.querySelector(".rp-track-data");
    if (!form || !island || form.dataset.rpReady) return;
    form.dataset.rpReady = "yes";
    form.hidden = false;
    const track = JSON.parse(island.dataset.rpJson);
    const query = new URLSearchParams(window.location.search);
    for (const name of ["team", "start", "day", "time"]) {
      if (query.get(name)) form.elements[name].value = query.get(name);
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const plan = Object.fromEntries(new FormData(form));
      const url = new URL(window.location.href);
      url.search = new URLSearchParams(plan).toString();
      url.hash = "plan";
      window.history.replaceState(null, "", url);
      showPlan(track, plan, url.href);
    });
    if (query.get("team") && query.get("start")) showPlan(track, Object.fromEntries(new FormData(form)), window.location.href);
  }

  function planWeeks(track, plan) {
    return track.weeks.map((week, index) => {
      const starts = addDays(plan.start, 7 * index);
      const offset = plan.day ? (DAYS.indexOf(plan.day) - new Date(`${starts}T12:00`).getDay() + 8) % 7 : null;
      const meeting = plan.day ? `${addDays(starts, offset)} ${plan.time || "09:30"}` : null;
      return { ...week, starts, ends: addDays(starts, 6), meeting };
    });
  }

  function planMessage(track, plan, week) {
    const link = (url) => new URL(url, window.location.href).href;
    const lines = [`Hello ${plan.team},`, "", `This is week ${week.number} of ${track.title}: ${week.title}.`, `Dates: ${week.starts} to ${week.ends}`];
    if (week.meeting) lines.push(`Meeting: ${week.meeting}`);
    lines.push("", `Readings (${week.minutes} min in all):`);
    for (const r of week.readings) lines.push(`- ${r.title} (${r.minutes} min)`, `  ${link(r.url)}`);
    lines.push("", "Questions to think about this week:", ...week.prompts.map((p) => `- ${p}`), "", "This week's page, with every reflection question:", link(week.url));
    return { subject: `${plan.team} · ${track.title}, week ${week.number} (${week.starts}): ${week.title}`, body: lines.join("\n") };
  }

  function showPlan(track, plan, shareUrl) {
    const result = document.querySelector(".rp-plan-result");
    const weeks = planWeeks(track, plan);
    result.textContent = "";
    const share = element("p");
    share.append("Share this plan: ", element("a", { href: shareUrl }, `${plan.team}, from ${plan.start}`), " ");
    share.append(button("Download calendar (.ics)", () => download(planCalendar(track, plan, weeks), "ics", `${track.id}-plan`)));
    result.append(share);
    for (const week of weeks) {
      const section = element("section", { class: "rp-cohort-week", "data-rp-starts": week.starts, "data-rp-ends": week.ends });
      section.append(element("h3", {}, `Week ${week.number}: ${week.title}`));
      section.append(element("p", { class: "rp-meta" }, `${week.starts} to ${week.ends} · ${week.minutes} min${week.meeting ? ` · Meeting: ${week.meeting}` : ""}`));
      const list = element("ul");
      for (const r of week.readings) {
        const item = element("li");
        item.append(element("a", { href: r.url }, r.title), ` · ${r.minutes} min`);
        list.append(item);
      }
      const message = planMessage(track, plan, week);
      const box = element("details", { class: "rp-message" });
      const subject = element("p");
      subject.append(element("strong", {}, "Subject: "), element("span", { class: "rp-message__subject" }, message.subject));
      box.append(element("summary", {}, `Message to send for week ${week.number}`), subject, element("pre", { class: "rp-message__body" }, message.body));
      section.append(list, box);
      result.append(section);
    }
    addCopyButtons(result);
    highlightThisWeek();
  }

  function planCalendar(track, plan, weeks) {
    const text = (value) => value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, "\\n");
    const compact = (iso) => iso.replace(/-/g, "");
    const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Reading Program//Plan//EN", `X-WR-CALNAME:${text(`${plan.team} · ${track.title}`)}`];
    for (const week of weeks) {
      const message = planMessage(track, plan, week);
      // Floating local times: the plan is made in the browser, for the team's own zone.
      const [day, time] = week.meeting ? week.meeting.split(" ") : [week.starts, null];
      const start = time ? `DTSTART:${compact(day)}T${time.replace(":", "")}00` : `DTSTART;VALUE=DATE:${compact(day)}`;
      lines.push("BEGIN:VEVENT", `UID:${track.id}-${compact(plan.start)}-${encodeURIComponent(plan.team)}-week-${week.number}@reading-program`,
        `DTSTAMP:${compact(plan.start)}T000000Z`, start, time ? "DURATION:PT1H" : "DURATION:P1D",
        `SUMMARY:${text(`Week ${week.number}: ${week.title} — ${track.title}`)}`, `DESCRIPTION:${text(message.body)}`, "END:VEVENT");
    }
    lines.push("END:VCALENDAR");
    return lines.flatMap(fold).join("\r\n") + "\r\n";
  }

  function fold(line) {
    const parts = [];
    for (let rest = line; rest.length; rest = rest.slice(60)) parts.push((parts.length ? " " : "") + rest.slice(0, 60));
    return parts;
  }

  // ---- wiring ----------------------------------------------------------------------------

  function refresh() {
    document.querySelectorAll("li[data-rp-key]").forEach((item) => {
      const area = item.querySelector("textarea");
      area.value = state.answers[item.dataset.rpKey] ? state.answers[item.dataset.rpKey].text : "";
      showAnswered(item, area.value);
    });
    document.querySelectorAll(".rp-read__box").forEach((box) => {
      box.checked = Boolean(state.read[box.closest("[data-rp-article]").dataset.rpArticle]);
    });
    showProgress();
    showComparisons();
    showRetired();
  }

  function enhance() {
    if (saveTimer) saveNow(); // instant navigation: keep what was typed on the last page
    load();
    enhanceQuestions();
    enhanceReadMarkers();
    enhanceAssessment();
    enhanceJournal();
    enhancePlanForm();
    addCopyButtons();
    highlightThisWeek();
    showProgress();
    showComparisons();
  }

  window.addEventListener("pagehide", () => saveTimer && saveNow());
  if (window.document$) {
    window.document$.subscribe(enhance); // Material's instant navigation swaps pages in place
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
