"""Keystrokes in the journal's Edit box (issue 17, item 8): how long one keystroke takes to
show, with every question of the site answered in 200 words, in Debian's headless Chromium
at 4x CPU slowdown (a mid-range phone), for each commit given.

Each commit's site (mkdocs.yml, docs/, overrides/, hooks/, src/ and content/, extracted
with `git archive`) is built once and served on 127.0.0.1. A round, per commit in turn
(interleaved, so a busy moment lands on both): a fresh browser page holding the full
journal opens the journal, opens an answer's editor, and types `--keys` characters. One
keystroke's time runs from its keydown to the end of the task after the next frame: the
input handling, every listener and view update, style and layout, and the paint.

    .venv/bin/python benchmarks/journal_bench.py --at dde8273 HEAD --rounds 5 --max-load 2

Prints a Markdown table (median and worst per commit, the median of the rounds' medians,
the ratio to the first commit) and writes it, with every keystroke's time, to
benchmarks/results/journal-keystroke/latest.{md,json}."""

from __future__ import annotations

import argparse
import functools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from build_bench import REPO, _git, _log, load_average, snapshot, wait_for_quiet
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(REPO / "tests" / "browser"))  # the browser as the browser tests launch it
from headless_chromium import CHROMIUM, CHROMIUM_ARGS

SLOWDOWN = 4
WORDS = 200
TARGET_MS = 50
OUTPUT = REPO / "benchmarks" / "results" / "journal-keystroke"

# In the page: each keystroke's time from keydown to after the next frame has painted.
MEASURE = """
window.rpKeystrokes = [];
document.addEventListener("keydown", () => {
  const start = performance.now();
  const done = () => window.rpKeystrokes.push(performance.now() - start);
  requestAnimationFrame(() => setTimeout(done));
}, true);
"""


class _Keys(HTMLParser):
    """Every answer key (data-rp-key) on a page."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        key = dict(attrs).get("data-rp-key")
        if key:
            self.keys.append(key)


def answer_keys(site: Path) -> list[str]:
    """Every question a participant can answer on the built site: its week and article pages."""
    keys: dict[str, None] = {}
    for page in [*site.glob("tracks/*/week-*/index.html"), *site.glob("articles/*/index.html")]:
        parser = _Keys()
        parser.feed(page.read_text(encoding="utf-8"))
        keys.update(dict.fromkeys(parser.keys))
    return list(keys)


def full_journal(keys: list[str]) -> dict:
    """Format 2, which every commit measured reads: each answer 200 words."""
    words = " ".join(f"word{i % 37}" for i in range(WORDS))
    answers = {
        key: {"text": words, "question": key, "updated": "2027-01-04T09:00:00.000Z"} for key in keys
    }
    return {
        "format": "reading-program-journal",
        "version": 2,
        "answers": answers,
        "read": {},
        "assessments": {},
    }


def build(rev: str, workdir: Path) -> Path:
    code = snapshot(rev, workdir / rev)
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(code / "site")]
    env = {"PYTHONPATH": str(code / "src"), "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        command, cwd=code, capture_output=True, text=True, check=False, env={**os.environ, **env}
    )
    if done.returncode != 0:
        raise SystemExit(f"the build of {rev} failed:\n{done.stderr}")
    return code / "site"


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def one_round(browser, url: str, journal: dict, keys: int) -> list[float]:
    """A fresh page with the full journal: the journal opened, an answer's editor opened,
    `keys` characters typed; each keystroke's time in ms."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(url + "tags/")
    page.evaluate("j => localStorage.setItem('reading-program', JSON.stringify(j))", journal)
    page.goto(url + "journal/")
    page.locator(".rp-entry__edit:visible").first.wait_for()
    edit = page.locator(".rp-entry__edit:visible").last  # the latest week's last answer
    edit.click()
    box = page.locator(".rp-entry textarea").first
    box.wait_for()
    box.press("End")
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
    page.evaluate(MEASURE)
    for index in range(keys):
        box.press("a" if index % 5 else " ")
        page.wait_for_function("n => window.rpKeystrokes.length >= n", arg=index + 1)
    times = page.evaluate("window.rpKeystrokes")
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    context.close()
    return times


def report(results: dict[str, dict], keys_answered: int) -> str:
    first = next(iter(results))
    lines = [
        f"# Journal keystrokes at {SLOWDOWN}x CPU slowdown, {keys_answered} answers of "
        f"{WORDS} words",
        "",
        f"Target: at most {TARGET_MS} ms a keystroke. Time from keydown to after the next frame.",
        "",
        "| commit | median ms | p90 ms | worst ms | median of round medians | vs first |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    base = statistics.median(statistics.median(r) for r in results[first]["rounds"])
    for rev, result in results.items():
        every = sorted(t for r in result["rounds"] for t in r)
        medians = statistics.median(statistics.median(r) for r in result["rounds"])
        p90 = every[int(0.9 * (len(every) - 1))]
        lines.append(
            f"| {rev} ({result['commit']}) | {statistics.median(every):.1f} | {p90:.1f} | "
            f"{every[-1]:.1f} | {medians:.1f} | {medians / base:.2f} |"
        )
    loads = [load for result in results.values() for load in result["loads"]]
    lines += ["", f"Load average before rounds: {min(loads):.2f}–{max(loads):.2f}."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--at", nargs="+", default=["HEAD"], metavar="REV", help="commits")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per commit (default 5)")
    parser.add_argument("--keys", type=int, default=40, help="keystrokes a round (default 40)")
    parser.add_argument("--max-load", type=float, metavar="LOAD", help="wait for load ≤ LOAD")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        servers = {}
        for rev in args.at:
            _log(f"building {rev}")
            site = build(rev, Path(tmp))
            keys = answer_keys(site)
            commit = _git("rev-parse", "--short", f"{rev}^{{commit}}").stdout.decode().strip()
            servers[rev] = (*serve(site), full_journal(keys))
            results[rev] = {"commit": commit, "answers": len(keys), "rounds": [], "loads": []}
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for round_number in range(args.rounds):
            for rev, (_, url, journal) in servers.items():
                results[rev]["loads"].append(wait_for_quiet(args.max_load))
                times = one_round(browser, url, journal, args.keys)
                results[rev]["rounds"].append(times)
                _log(
                    f"round {round_number + 1} {rev}: median {statistics.median(times):.1f} ms, "
                    f"worst {max(times):.1f} ms (load {load_average():.2f})"
                )
        browser.close()
        for server, _, _ in servers.values():
            server.shutdown()
    answered = next(iter(results.values()))["answers"]
    text = report(results, answered)
    print(text)
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "latest.md").write_text(text, encoding="utf-8")
    (args.output / "latest.json").write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
