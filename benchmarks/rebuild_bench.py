"""Edit-to-rebuilt time under a real `mkdocs serve`, and what a rebuild leaves stale.

For each mode (`C`: the project under `mkdocs serve`; `C --dirty`: the same with
`--dirty`; `A` and `A --dirty`: the plain baseline, for reference) a copy of the corpus
is served by its own `python -m mkdocs serve --dev-addr 127.0.0.1:<free port> --livereload`
process. Rounds are interleaved: each round edits one article in every copy in turn (its
title and its first reflection question) and times from just before the file is written
until the server answers the article's URL with the new title. MkDocs' server holds every
request while a rebuild runs (it waits for the site version it serves to be complete), so
that moment is the end of the whole rebuild, as a browser that reloads sees it. The loop is
bounded (`POLL_TIMEOUT_S`). Idle servers cost nothing while another copy is edited.

After the last round, every file of each served site (HTML with MkDocs' injected
livereload script removed, the search index, the sitemap, sitemap.xml.gz decompressed) is
fetched over HTTP and compared with a clean `mkdocs build` of the same edited content with
the same `site_url` (`mkdocs serve` sets it to the dev address): the pages a mode leaves
different from a clean build are listed.

Run on its own: `python benchmarks/rebuild_bench.py [--articles 1000] [--runs 5] [--at REV]`;
`build_bench.py` runs it too (N = 1,000 by default).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

POLL_TIMEOUT_S = 180.0  # per edit: give up (and report) after this long
POLL_INTERVAL_S = 0.05
START_TIMEOUT_S = 600.0  # the first build of a server
SETTLE_S = 1.0  # after an edit is served: the server's log must be quiet this long


@dataclass(frozen=True)
class Mode:
    name: str  # "C", "C --dirty", "A", "A --dirty"
    config: str  # "C" or "A": which configuration's mkdocs.yml
    dirty: bool


MODES = (Mode("C", "C", False), Mode("C --dirty", "C", True))
REFERENCE_MODES = (Mode("A", "A", False), Mode("A --dirty", "A", True))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 120.0) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, b""


def strip_livereload(html: bytes) -> bytes:
    """Remove the `<script>` MkDocs' server inserts just before the last `</body>`."""
    end = html.rfind(b"</body>")
    start = html.rfind(b"<script>", 0, end) if end >= 0 else -1
    if start >= 0 and html[start:end].endswith(b"</script>") and b"livereload" in html[start:end]:
        return html[:start] + html[end:]
    return html


@dataclass
class Server:
    """One `mkdocs serve` process on a copy of the corpus."""

    mode: Mode
    config_file: Path
    article: Path  # the file edited
    article_url: str  # path of its page, e.g. articles/<slug>/
    code: Path | None
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    log: Path | None = None
    times: list[float] = field(default_factory=list)
    first_build_s: float = 0.0
    rebuilds: list[int] = field(default_factory=list)  # builds each edit caused

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self, workdir: Path) -> None:
        self.port = free_port()
        self.log = workdir / f"serve-{self.mode.name.replace(' ', '').replace('-', '')}.log"
        command = [
            sys.executable, "-m", "mkdocs", "serve", "-f", str(self.config_file),
            "--dev-addr", f"127.0.0.1:{self.port}", "--livereload",
        ]  # fmt: skip
        if self.mode.dirty:
            command.append("--dirty")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        if self.code is not None:
            env["PYTHONPATH"] = os.pathsep.join(
                filter(None, [str(self.code), env.get("PYTHONPATH")])
            )
        started = time.perf_counter()
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.config_file.parent
            )
        deadline = started + START_TIMEOUT_S
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.mode.name}: mkdocs serve exited:\n{self.log_text()}")
            status, _ = fetch(self.base + self.article_url, timeout=30)
            if status == 200:
                self.first_build_s = time.perf_counter() - started
                return
            time.sleep(0.2)
        raise RuntimeError(f"{self.mode.name}: no page after {START_TIMEOUT_S:.0f} s")

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log else ""

    def _counts(self) -> tuple[int, int]:
        text = self.log_text()
        return text.count("Building documentation"), text.count("Reloading browsers")

    def settle(self) -> None:
        """Wait until every build the server started has finished and the log is quiet."""
        deadline = time.perf_counter() + POLL_TIMEOUT_S
        last, quiet_since = None, time.perf_counter()
        while time.perf_counter() < deadline:
            counts = self._counts()
            if counts != last:
                last, quiet_since = counts, time.perf_counter()
            # Initial build: "Building" without "Reloading"; each rebuild logs both.
            elif counts[1] >= counts[0] - 1 and time.perf_counter() - quiet_since >= SETTLE_S:
                return
            time.sleep(0.1)

    def edit_and_time(self, number: int) -> float:
        """Edit the article and wait (bounded) until its page shows the new title."""
        builds_before = self._counts()[0]
        title = f"Edited title {self.mode.name.replace(' --', ' ')} {number}"
        edit_article(self.article, title, f"Edited question {number}, is it rebuilt?")
        started = time.perf_counter()
        deadline = started + POLL_TIMEOUT_S
        needle = title.encode()
        while time.perf_counter() < deadline:
            status, body = fetch(self.base + self.article_url)
            if status == 200 and needle in body:
                elapsed = time.perf_counter() - started
                self.settle()
                self.rebuilds.append(self._counts()[0] - builds_before)
                self.times.append(elapsed)
                return elapsed
            time.sleep(POLL_INTERVAL_S)
        raise RuntimeError(f"{self.mode.name}: edit not served after {POLL_TIMEOUT_S:.0f} s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()  # our own child, by its handle
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def edit_article(article: Path, title: str, question: str) -> None:
    """Set the title and the first reflection question (write in place, as editors save)."""
    text = article.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    lines, seen_reflection, replaced = [], False, False
    for line in head.splitlines():
        if line.startswith("title:"):
            line = f'title: "{title}"'
        elif line.startswith("reflection:"):
            seen_reflection = True
        elif seen_reflection and not replaced and line.lstrip().startswith("- "):
            line = f'  - "{question}"'
            replaced = True
        lines.append(line)
    article.write_text("\n".join(lines) + "\n---\n" + body, encoding="utf-8")


def clean_build(config_file: Path, site: Path, site_url: str, code: Path | None) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), env.get("PYTHONPATH")]))
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "-q",
        "-f",
        str(config_file),
        "-d",
        str(site),
    ]
    done = subprocess.run(command, capture_output=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"clean build failed:\n{done.stderr.decode()}")


def compared_files(site: Path) -> list[str]:
    """What a reader or a crawler gets: pages, search index, sitemap."""
    keep = (".html", ".json", ".xml", ".gz")
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and path.suffix in keep and "assets/" not in path.as_posix()
    )


def search_index_difference(served: bytes, expected: bytes) -> dict[str, Any]:
    """Entries (by location) missing from, extra in, or changed in the served index."""
    try:
        got = {d["location"]: d for d in json.loads(served)["docs"]}
        want = {d["location"]: d for d in json.loads(expected)["docs"]}
    except (ValueError, KeyError):
        return {}
    return {
        "entries": len(want),
        "missing": len(want.keys() - got.keys()),
        "extra": len(got.keys() - want.keys()),
        "changed": sum(1 for key in want.keys() & got.keys() if want[key] != got[key]),
        "examples": sorted(want.keys() ^ got.keys())[:5]
        + sorted(key for key in want.keys() & got.keys() if want[key] != got[key])[:5],
    }


def stale_pages(server: Server, clean: Path) -> dict[str, Any]:
    """Fetch every compared file from the server and list those unlike the clean build;
    also count the clean pages that link to the edited article (they show its title)."""
    different, missing, linking = [], [], []
    search: dict[str, Any] = {}
    files = compared_files(clean)
    link = f"{server.article_url}".encode()
    for rel in files:
        expected = (clean / rel).read_bytes()
        if rel.endswith(".html") and link in expected and rel != f"{server.article_url}index.html":
            linking.append(rel)
        status, served = fetch(server.base + rel)
        if status != 200:
            missing.append(rel)
            continue
        if rel.endswith(".html"):
            served = strip_livereload(served)
        if rel.endswith(".gz"):
            served, expected = gzip.decompress(served), gzip.decompress(expected)
        if served != expected:
            different.append(rel)
            if rel == "search/search_index.json":
                search = search_index_difference(served, expected)
    return {
        "compared": len(files),
        "different": different,
        "missing": missing,
        "linking_pages": linking,
        "linking_stale": sorted(set(linking) & set(different + missing)),
        "search_index": search,
    }


def describe_stale(result: dict[str, Any], article_url: str, week_urls: list[str]) -> list[str]:
    """Plain words for the files the lead asked about."""
    different = set(result["different"]) | set(result["missing"])
    named = {
        "edited article page": f"{article_url}index.html",
        "search index": "search/search_index.json",
        "sitemap": "sitemap.xml",
    }
    named |= {f"week page {url}": f"{url}index.html" for url in week_urls}
    linking = result.get("linking_pages", [])
    words = [
        f"{len(linking)} other pages link to the article, "
        f"{len(result.get('linking_stale', []))} of them stale"
    ]
    if result.get("search_index"):
        words.append(
            "search index entries: {entries}; missing {missing}, extra {extra}, "
            "changed {changed} (e.g. {examples})".format(**result["search_index"])
        )
    return words + [
        f"{label}: {'DIFFERENT' if path in different else 'same'}" for label, path in named.items()
    ]


def bench_serve(
    corpus_root: Path,
    configs: dict[str, Path],
    slug: str,
    week_urls: list[str],
    workdir: Path,
    code: Path | None,
    runs: int,
    warmup: int = 1,
    max_load: float | None = None,
    with_reference: bool = True,
    wait_for_quiet: Any = None,
    log: Any = print,
) -> dict[str, Any]:
    """Serve a copy of the corpus per mode, time `runs` interleaved edits, compare pages."""
    modes = MODES + (REFERENCE_MODES if with_reference else ())
    servers: list[Server] = []
    try:
        for mode in modes:
            copy = workdir / f"serve-{mode.config}{'-dirty' if mode.dirty else ''}"
            shutil.copytree(corpus_root, copy, ignore=shutil.ignore_patterns("site-*", ".cache"))
            config_file = copy / configs[mode.config].name
            docs = "content/articles" if mode.config == "C" else "docs-a/articles"
            server = Server(
                mode, config_file, copy / docs / f"{slug}.md", f"articles/{slug}/", code
            )
            log(f"serve {mode.name}: starting (first build)")
            server.start(workdir)
            server.settle()
            log(f"serve {mode.name}: up on port {server.port} in {server.first_build_s:.1f} s")
            servers.append(server)
        loads = []
        for number in range(warmup + runs):
            if wait_for_quiet is not None:
                loads.append(wait_for_quiet(max_load))
            for server in servers:
                elapsed = server.edit_and_time(number)
                log(f"  edit {number} {server.mode.name}: {elapsed:.2f} s")
            if number < warmup:
                for server in servers:
                    server.times.clear()
                    server.rebuilds.clear()
        results = {}
        for server in servers:
            clean = workdir / f"clean-{server.port}"
            clean_build(server.config_file, clean, server.base, code)
            stale = stale_pages(server, clean)
            weeks = week_urls if server.mode.config == "C" else []
            stale["named"] = describe_stale(stale, server.article_url, weeks)
            shutil.rmtree(clean)
            results[server.mode.name] = {
                "times_s": server.times,
                "median_s": statistics.median(server.times),
                "low_s": min(server.times),
                "high_s": max(server.times),
                "first_build_s": server.first_build_s,
                "rebuilds_per_edit": server.rebuilds,
                "stale": stale,
            }
        return {"runs": runs, "warmup": warmup, "load_average": loads[warmup:], "modes": results}
    finally:
        for server in servers:
            server.stop()


def markdown_serve(report: dict[str, Any], articles: int) -> str:
    lines = [
        f"Edit to rebuilt under `mkdocs serve` at N = {articles} (one article's title and first "
        f"question; {report['runs']} interleaved edits after {report['warmup']} discarded):",
        "",
        "| mode | edit → rebuilt s | first build s | builds per edit | files compared "
        "| unlike a clean build |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, mode in report["modes"].items():
        stale = mode["stale"]
        bad = stale["different"] + [f"{m} (missing)" for m in stale["missing"]]
        shown = ", ".join(f"`{p}`" for p in bad[:8]) + (
            f" and {len(bad) - 8} more" if len(bad) > 8 else ""
        )
        rebuilds = sorted(set(mode["rebuilds_per_edit"]))
        lines.append(
            f"| {name} | {mode['median_s']:.2f} ({mode['low_s']:.2f}–{mode['high_s']:.2f}) "
            f"| {mode['first_build_s']:.1f} | {', '.join(map(str, rebuilds))} "
            f"| {stale['compared']} | {len(bad)}{': ' + shown if bad else ' (identical)'} |"
        )
    lines.append("")
    for name, mode in report["modes"].items():
        lines.append(f"- {name}: " + "; ".join(mode["stale"]["named"]))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from build_bench import prepare_plain_configs, snapshot, wait_for_quiet
    from make_corpus import make_issue_corpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--at", metavar="REV", help="serve this commit, not the working tree")
    parser.add_argument("--max-load", type=float, metavar="LOAD")
    parser.add_argument("--no-reference", action="store_true", help="skip the A rows")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with tempfile.TemporaryDirectory(prefix="reading-serve-") as tmp:
        setup, code = Path(__file__).resolve().parent.parent, None
        if args.at:
            setup = snapshot(args.at, Path(tmp) / "snapshot")
            code = setup / "src"
        root = Path(tmp) / "corpus"
        corpus = make_issue_corpus(root, args.articles, seed=args.seed, setup=setup)
        configs = prepare_plain_configs(root)
        report = bench_serve(
            root, configs, corpus.edit_slug, list(corpus.edit_weeks), Path(tmp), code,
            args.runs, args.warmup, args.max_load, not args.no_reference, wait_for_quiet,
            lambda message: print(message, file=sys.stderr, flush=True),
        )  # fmt: skip
    print(markdown_serve(report, args.articles))


if __name__ == "__main__":
    main()
