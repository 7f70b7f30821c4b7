"""Build-time benchmark: what the reading program costs over the best plain MkDocs set-up.

For each corpus size N the same generated corpus (`make_corpus.make_issue_corpus`: the
repository's own site and content plus N articles, N // 100 listed tracks and two tracks
planned from tags) is built in these configurations:

- A: plain MkDocs + Material with Material's tags plugin: the hooks removed, the same
  articles as ordinary pages in docs/articles/ (`not_in_nav`), the repository's docs/.
- A0 (only with `--configs ... A0`): A without the tags plugin.
- E (only with `--configs ... E`): `reading-program export` of the corpus (every page the
  project publishes, generated pages included, written out as Markdown) built by plain
  MkDocs + Material without hooks: the same pages, so C/E is what the hooks cost over
  what their pages cost MkDocs anyway.
- C: the project's own configuration (the repository's mkdocs.yml with its hooks), with
  its parse cache deleted first: what a fresh clone or CI pays.
- Cw: C again right after, with the parse cache C wrote: what repeated builds pay.

Builds run interleaved: each round builds every N in every configuration, so drift in
load hits every configuration and size alike, and ratios pair builds of the same round;
one warm-up round is discarded. Every build is a fresh `python -m mkdocs build`
subprocess, so imports and template compilation are paid as a user pays them. Peak memory
and CPU time are the child's own `getrusage(RUSAGE_SELF)`, printed by a tiny wrapper that
runs MkDocs' command line in-process. Page sizes (median article page, largest page and
its path, per page type, and the sidebar's share) come from each build's output.

Then `rebuild_bench.py` times edit-to-rebuilt under a real `mkdocs serve` (and `--dirty`)
at N = 1,000 and lists the pages each leaves unlike a clean build.

Run: `python benchmarks/build_bench.py [--sizes 1000 3000] [--large] [--runs 5]`;
`--at REV` benchmarks a commit instead of the working tree, `--max-load` waits for a
quiet machine before each round.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import inspect
import io
import itertools
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reading_program.load.project_hook import without_tripwire

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import make_issue_corpus  # a sibling script, not a package
from rebuild_bench import bench_serve, markdown_serve

SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default when SITE_URL is unset
REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
SNAPSHOT_PATHS = ("mkdocs.yml", "docs", "overrides", "hooks", "src", "content")
DEFAULT_SIZES = (1000, 3000)
LARGE_SIZE = 5000
SERVE_SIZE = 1000
ARTICLES_PER_TRACK = 100  # listed tracks grow with the corpus: N // 100
ALL_CONFIGS = ("A", "A0", "E", "C", "Cw")  # build order: Cw reuses the cache C has just written
DEFAULT_CONFIGS = ("A", "C", "Cw")
DESCRIPTIONS = {
    "A": "MkDocs + Material + tags plugin, articles as plain pages",
    "A0": "A without the tags plugin",
    "E": "`reading-program export` of the corpus (the same pages), plain MkDocs + Material",
    "C": "project (hooks, generated pages, tags), no parse cache: a fresh clone or CI",
    "Cw": "C with the parse cache of the previous build: repeated builds, `mkdocs serve`",
}
# Targets of the performance issue.
TARGET_RATIO = 1.25  # C/A at N = 1,000 and 3,000
TARGET_EXPORT_RATIO = 1.0  # C/E at N = 1,000: the hooks cost no more than their pages
TARGET_ARTICLE_KB = 40  # median article page at N = 3,000
TARGET_LARGEST_KB = 500  # any page
TARGET_EDIT_S = 3.0  # edit to rebuilt under mkdocs serve at N = 1,000
TARGET_MEMORY = 1.5  # peak memory, C / A
RATIO_GROWTH_NOISE = 1.05  # "C/A does not grow": C/A at the larger N over C/A at the smaller
# The project keeps parsed articles between builds here (reading_program.parse_cache);
# C deletes it before building, Cw keeps it.
PARSE_CACHE = ".cache"
MKDOCS_FILE = {"A": "A", "A0": "A0", "E": "E", "C": "C", "Cw": "C"}
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "pydantic")
USAGE_MARKER = "bench-usage:"

# Runs MkDocs' command line in this process, then reports this process's peak RSS (KiB on
# Linux) and CPU time: CPU time is what a build costs even when other work shares the cores.
WRAPPER = f"""
import resource, sys
from mkdocs.__main__ import cli
cli.main(args=sys.argv[1:], prog_name="mkdocs", standalone_mode=False)
usage = resource.getrusage(resource.RUSAGE_SELF)
print("{USAGE_MARKER}", usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""


# --- configurations A and A0 -------------------------------------------------------------


@dataclass(frozen=True)
class _Tagged:
    """A YAML value with a custom tag (`!ENV`, `!!python/name:`), kept for re-dumping."""

    tag: str
    value: Any


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving MkDocs' own tags, so they survive a round trip."""


class _ConfigDumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.Loader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.ScalarNode):
        return _Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return _Tagged(node.tag, loader.construct_mapping(node, deep=True))


def _represent_tagged(dumper: yaml.Dumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_ConfigLoader.add_multi_constructor("!", _construct_tagged)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_ConfigDumper.add_representer(_Tagged, _represent_tagged)


def _plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def plain_config(project: dict[str, Any], docs_dir: str, with_tags: bool) -> dict[str, Any]:
    """The project's config minus everything the reading program adds: A keeps Material's
    tags plugin (the strongest plain set-up), A0 drops it. `watch:` is dropped: it names
    the project's content and code, which a plain site does not have."""
    config = {k: v for k, v in project.items() if k not in {"hooks", "watch", "nav"}}
    # The tripwire stops a build without the hook: a plain site leaves it out, as the export does.
    config["markdown_extensions"] = without_tripwire(config.get("markdown_extensions"))
    plugins = config.get("plugins", [])
    if not with_tags:
        plugins = [p for p in plugins if _plugin_name(p) not in {"tags", "material/tags"}]
    elif not any(_plugin_name(p) in {"tags", "material/tags"} for p in plugins):
        plugins = [*plugins, "tags"]
    config["plugins"] = plugins
    config["docs_dir"] = docs_dir
    config["not_in_nav"] = "/articles/**"
    config["nav"] = [{"Home": "index.md"}, *([{"Tags": "tags.md"}] if with_tags else [])]
    return config


def prepare_plain_configs(root: Path) -> dict[str, Path]:
    """Write mkdocs-a.yml/docs-a (and mkdocs-a0.yml/docs-a0) next to the corpus' mkdocs.yml:
    the corpus' docs/ (home page and tag index, whose markers are HTML comments there) with
    every article of content/articles/ copied to docs/articles/."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    project = yaml.load(text, Loader=_ConfigLoader)
    files = {"C": root / "mkdocs.yml"}
    for name, with_tags in (("A", True), ("A0", False)):
        docs = root / f"docs-{name.lower()}"
        ignore = None if with_tags else shutil.ignore_patterns("tags.md")
        shutil.copytree(root / "docs", docs, ignore=ignore)
        shutil.copytree(root / "content" / "articles", docs / "articles")
        config = plain_config(project, docs.name, with_tags)
        files[name] = root / f"mkdocs-{name.lower()}.yml"
        dumped = yaml.dump(config, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True)
        files[name].write_text(dumped, encoding="utf-8")
    return files


def prepare_export(root: Path, code: Path | None) -> Path:
    """`reading-program export` of the corpus into export/ beside it (config E), with the
    benchmarked code; returns the export's mkdocs.yml."""
    out = root.parent / f"{root.name}-export"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "reading_program", "--root", str(root), "export"]
    done = subprocess.run(
        [*command, "--out", str(out)], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"export of {root.name} failed:\n{done.stderr}")
    shutil.rmtree(root / PARSE_CACHE, ignore_errors=True)  # C starts without one
    return out / "mkdocs.yml"


# --- one build ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BuildRun:
    wall_s: float
    cpu_s: float
    peak_mib: float
    site_bytes: int = 0
    html_pages: int = 0
    article_page_bytes: float = 0.0  # median over site/articles/<slug>/index.html
    largest_page_bytes: int = 0
    largest_page: str = ""
    page_types: dict[str, dict[str, float]] = field(default_factory=dict)


_NAV_TAG = re.compile(rb"<nav\b|</nav>")
_PRIMARY_NAV = b'<nav class="md-nav md-nav--primary"'


def primary_nav_bytes(html: bytes) -> int:
    """Bytes of the sidebar (Material's primary `<nav>`, with its nested navs)."""
    start = html.find(_PRIMARY_NAV)
    if start < 0:
        return 0
    depth = 0
    for match in _NAV_TAG.finditer(html, start):
        depth += 1 if match.group() != b"</nav>" else -1
        if depth == 0:
            return match.end() - start
    return len(html) - start


def page_type(rel: str) -> str:
    """What kind of page a site path is, by the project's URL scheme (A has fewer)."""
    parts = rel.split("/")
    if rel == "index.html":
        return "home"
    if parts[0] == "articles":
        return "articles index" if len(parts) == 2 else "article"
    if parts[0] == "tracks":
        if len(parts) == 2:
            return "tracks index"
        if len(parts) == 3:
            return "track"
        return "guide" if "guide" in parts else "week"
    if parts[0] in {"journal", "tags", "cohorts", "assessments"}:
        return {"journal": "journal", "tags": "tag index"}.get(parts[0], parts[0])
    return "other"


def site_stats(site: Path) -> dict[str, Any]:
    """Sizes of the output: total, per page type (count, median, largest, median sidebar
    bytes) and the largest page."""
    files = [path for path in site.rglob("*") if path.is_file()]
    pages: dict[str, list[tuple[int, int]]] = {}
    largest, largest_path = 0, ""
    for path in files:
        if path.suffix != ".html":
            continue
        rel = path.relative_to(site).as_posix()
        html = path.read_bytes()
        pages.setdefault(page_type(rel), []).append((len(html), primary_nav_bytes(html)))
        if len(html) > largest:
            largest, largest_path = len(html), rel
    types = {
        kind: {
            "count": len(items),
            "median_bytes": statistics.median(size for size, _ in items),
            "max_bytes": max(size for size, _ in items),
            "total_bytes": sum(size for size, _ in items),
            "median_nav_bytes": statistics.median(nav for _, nav in items),
            "total_nav_bytes": sum(nav for _, nav in items),
        }
        for kind, items in sorted(pages.items())
    }
    return {
        "site_bytes": sum(path.stat().st_size for path in files),
        "html_pages": sum(item["count"] for item in types.values()),
        "article_page_bytes": types.get("article", {}).get("median_bytes", 0.0),
        "largest_page_bytes": largest,
        "largest_page": largest_path,
        "page_types": types,
    }


def build_once(
    config_file: Path, site: Path, code: Path | None = None, keep_stats: bool = True
) -> BuildRun:
    """One `mkdocs build` in a fresh interpreter; `site` must not exist yet. `code` is a
    src/ folder to import the project from instead of the installed working tree.
    Without `keep_stats` the output is not measured (page sizes do not change by round)."""
    command = [sys.executable, "-c", WRAPPER, "build", "-q", "-f", str(config_file)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), env.get("PYTHONPATH")]))
    start = time.perf_counter()
    done = subprocess.run(
        [*command, "-d", str(site)], capture_output=True, text=True, env=env, check=False
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"build of {config_file.name} failed:\n{done.stderr}")
    usage = [line for line in done.stdout.splitlines() if line.startswith(USAGE_MARKER)]
    peak_kib, cpu = usage[-1].split()[1:]
    stats = site_stats(site) if keep_stats else {}
    shutil.rmtree(site)
    return BuildRun(wall, float(cpu), int(peak_kib) / 1024, **stats)


# --- corpora and rounds -------------------------------------------------------------------


@dataclass
class SizeResult:
    """The measured builds of one corpus size, and the project's own work on it."""

    articles: int
    tracks: int
    corpus: dict[str, Any] = field(default_factory=dict)
    runs: dict[str, list[BuildRun]] = field(default_factory=dict)
    load_ms: list[float] = field(default_factory=list)
    render_ms: list[float] = field(default_factory=list)


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _timed_ms(action: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _project_api() -> tuple[Any, Any, Any]:
    """ContentPaths, load_library and generate_pages, in the package layout at hand: the
    build's stages (load/, plan/, render/), the same before their renaming (content/, plan/,
    site/), or the flat modules before them (18da942)."""
    layouts = [  # modules of reading_program: paths, library, pages
        ("load.paths", "plan.library", "render.pages"),
        ("content.paths", "plan.library", "site.pages"),
        ("loader", "loader", "site_pages"),
    ]
    for paths, library, pages in layouts:
        try:
            return (
                importlib.import_module(f"reading_program.{paths}").ContentPaths,
                importlib.import_module(f"reading_program.{library}").load_library,
                importlib.import_module(f"reading_program.{pages}").generate_pages,
            )
        except ImportError:
            continue
    raise SystemExit("reading_program is not importable in any layout this benchmark knows")


def time_project_work(root: Path, repeat: int = 5) -> tuple[list[float], list[float]]:
    """Load+validate+plan (no parse cache: every article parsed, as in C) and render,
    in-process, after one untimed warm-up of each."""
    ContentPaths, load_library, _ = _project_api()

    paths = ContentPaths(root)
    library = load_library(paths)
    _generate_pages(library)
    load = _timed_ms(lambda: load_library(paths), repeat)
    render = _timed_ms(lambda: _generate_pages(library), repeat)
    return load, render


def _generate_pages(library: Any) -> object:
    """`generate_pages` as the hook calls it: newer versions also take the site URL, and
    the newest the cohorts' messages, rendered here as older ones rendered them inside."""
    generate_pages = _project_api()[2]
    parameters = inspect.signature(generate_pages).parameters
    if "messages" in parameters:
        pages = importlib.import_module(generate_pages.__module__)
        return generate_pages(library, SITE_URL, pages.all_cohort_messages(library, SITE_URL))
    if "site_url" in parameters:
        return generate_pages(library, site_url=SITE_URL)
    return generate_pages(library)


@dataclass(frozen=True)
class Corpus:
    articles: int
    tracks: int
    configs: dict[str, Path]  # configuration name -> its mkdocs.yml
    shape: dict[str, Any]  # make_issue_corpus's IssueCorpus, as a dict

    @property
    def root(self) -> Path:
        return self.configs["C"].parent


def prepare_corpora(
    sizes: list[int],
    listed_tracks: int | None,
    seed: int,
    workdir: Path,
    setup: Path,
    code: Path | None = None,
    export: bool = False,
) -> list[Corpus]:
    """Generate every corpus before any build, so all rounds can visit every size."""
    corpora = []
    for articles in sizes:
        root = workdir / f"corpus-{articles}"
        shape = make_issue_corpus(
            root, articles, seed=seed, setup=setup, listed_tracks=listed_tracks
        )
        configs = prepare_plain_configs(root)
        if export:
            configs["E"] = prepare_export(root, code)
        corpora.append(Corpus(articles, shape.tracks, configs, asdict(shape)))
        _log(
            f"N={articles}: +{shape.repository_articles} repository articles, {shape.tracks} "
            f"tracks ({shape.listed_tracks} listed, {shape.planned_tracks} planned, "
            f"{shape.repository_tracks} repository), corpus in {root}"
        )
    return corpora


def load_average() -> float:
    """The 1-minute load average: a busy machine explains a noisy round."""
    return os.getloadavg()[0]


def wait_for_quiet(limit: float | None, patience_s: float = 300) -> float:
    """On a shared machine, wait (at most `patience_s`) until the load average is at most
    `limit` before a round, so other people's work does not land in the figures."""
    waited = 0.0
    while limit is not None and load_average() > limit and waited < patience_s:
        if waited == 0:
            _log(f"load average {load_average():.2f} > {limit}: waiting")
        time.sleep(10)
        waited += 10
    return load_average()


def bench_rounds(
    corpora: list[Corpus],
    configs: tuple[str, ...],
    runs: int,
    warmup: int,
    workdir: Path,
    code: Path | None,
    max_load: float | None = None,
) -> tuple[list[SizeResult], list[float]]:
    """Every round builds every size in every configuration (A, C, Cw for N1, then for
    N2, ...), so both the C/A ratios and the growth ratios compare builds made minutes
    apart, not a whole benchmark apart. Returns the results and each round's load."""
    results = [
        SizeResult(c.articles, c.tracks, c.shape, {name: [] for name in configs}) for c in corpora
    ]
    loads = []
    for round_number in range(warmup + runs):
        measured = round_number >= warmup
        loads.append(wait_for_quiet(max_load))
        label = "measured" if measured else "warm-up"
        _log(f"round {round_number} ({label}), load average {loads[-1]:.2f}")
        for corpus, result in zip(corpora, results, strict=True):
            for name in configs:
                config_file = corpus.configs[MKDOCS_FILE[name]]
                if name == "C":
                    shutil.rmtree(config_file.parent / PARSE_CACHE, ignore_errors=True)
                site = workdir / f"site-{corpus.articles}-{name}"
                run = build_once(config_file, site, code)
                if measured:
                    result.runs[name].append(run)
                _log(f"  N={corpus.articles} {name}: {run.wall_s:.2f} s, {run.peak_mib:.0f} MiB")
    for corpus, result in zip(corpora, results, strict=True):
        if "C" in configs:
            result.load_ms, result.render_ms = time_project_work(corpus.root)
    return results, loads[warmup:]


# --- summaries -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spread:
    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: Iterable[float]) -> Spread:
        items = list(values)
        return cls(statistics.median(items), min(items), max(items))


def config_summary(runs: list[BuildRun]) -> dict[str, Any]:
    wall = Spread.of(run.wall_s for run in runs)
    last = runs[-1]  # sizes are the same in every round
    return {
        "wall_s": asdict(wall),
        "cpu_s": asdict(Spread.of(run.cpu_s for run in runs)),
        "html_pages": last.html_pages,
        "ms_per_page": wall.median * 1000 / max(last.html_pages, 1),
        "peak_mib": asdict(Spread.of(run.peak_mib for run in runs)),
        "site_bytes": last.site_bytes,
        "article_page_bytes": last.article_page_bytes,
        "largest_page_bytes": last.largest_page_bytes,
        "largest_page": last.largest_page,
        "page_types": last.page_types,
    }


def paired_ratio(result: SizeResult, top: str, bottom: str, measure: str = "wall_s") -> Spread:
    """Ratio of builds in the same round, so each pair saw the same machine state."""
    pairs = zip(result.runs[top], result.runs[bottom], strict=True)
    return Spread.of(getattr(a, measure) / getattr(b, measure) for a, b in pairs)


def size_summary(result: SizeResult) -> dict[str, Any]:
    configs = {name: config_summary(runs) for name, runs in result.runs.items()}
    summary: dict[str, Any] = {
        "articles": result.articles,
        "tracks": result.tracks,
        "corpus": result.corpus,
        "configs": configs,
        "ratios": {},
    }
    for top in ("C", "Cw", "A0"):
        if top in result.runs and "A" in result.runs:
            summary["ratios"][f"{top}/A"] = asdict(paired_ratio(result, top, "A"))
            summary["ratios"][f"{top}/A CPU"] = asdict(paired_ratio(result, top, "A", "cpu_s"))
            summary["ratios"][f"{top}/A memory"] = asdict(
                paired_ratio(result, top, "A", "peak_mib")
            )
    for top in ("C", "Cw"):
        if top in result.runs and "E" in result.runs:
            summary["ratios"][f"{top}/E"] = asdict(paired_ratio(result, top, "E"))
            summary["ratios"][f"{top}/E CPU"] = asdict(paired_ratio(result, top, "E", "cpu_s"))
    if result.load_ms:
        load = statistics.median(result.load_ms)
        render = statistics.median(result.render_ms)
        summary |= {
            "load_plan_ms": load,
            "render_ms": render,
            "project_share_of_c": (load + render) / 1000 / configs["C"]["wall_s"]["median"],
            "load_plan_ms_runs": result.load_ms,
            "render_ms_runs": result.render_ms,
        }
    summary["runs"] = {
        name: [asdict(run) | {"page_types": None} for run in runs]
        for name, runs in result.runs.items()
    }
    return summary


def growth(results: list[SizeResult], configs: tuple[str, ...]) -> list[dict[str, Any]]:
    """For each pair of consecutive sizes: the time ratio of builds in the same round, the
    marginal cost per added article (which leaves out the fixed start-up cost that makes
    ratios look sub-linear at small N), and how C/A itself moves (same rounds)."""
    rows = []
    by_size = sorted(results, key=lambda result: result.articles)
    for small, large in itertools.pairwise(by_size):
        for name in configs:
            pairs = list(zip(small.runs[name], large.runs[name], strict=True))
            t_small = statistics.median(run.wall_s for run in small.runs[name])
            t_large = statistics.median(run.wall_s for run in large.runs[name])
            added = large.articles - small.articles
            row = {
                "config": name,
                "from": small.articles,
                "to": large.articles,
                "size_ratio": large.articles / small.articles,
                "time_ratio": asdict(Spread.of(b.wall_s / a.wall_s for a, b in pairs)),
                "cpu_ratio": asdict(Spread.of(b.cpu_s / a.cpu_s for a, b in pairs)),
                "marginal_ms_per_article": (t_large - t_small) * 1000 / added,
            }
            if name != "A" and "A" in configs:
                quads = zip(
                    small.runs[name],
                    small.runs["A"],
                    large.runs[name],
                    large.runs["A"],
                    strict=True,
                )
                row["ratio_growth"] = asdict(
                    Spread.of(
                        (c2.wall_s / a2.wall_s) / (c1.wall_s / a1.wall_s)
                        for c1, a1, c2, a2 in quads
                    )
                )
            rows.append(row)
    return rows


# --- machine and report -------------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu = "unknown"
    memory_gib = 0.0
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        lines = cpuinfo.read_text().splitlines()
        models = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
        cpu = models[0] if models else cpu
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total = next(line for line in meminfo.read_text().splitlines() if "MemTotal" in line)
        memory_gib = int(total.split()[1]) / 1024**2
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu,
        "memory_gib": round(memory_gib, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "packages": {name: importlib.metadata.version(name) for name in PACKAGES},
    }


def _git(*args: str) -> subprocess.CompletedProcess[bytes]:
    """Read-only git: `--no-optional-locks` keeps `git status` from rewriting the index."""
    command = ["git", "--no-optional-locks", "-C", str(REPO), *args]
    return subprocess.run(command, capture_output=True, check=False)


def source_version(rev: str | None) -> str:
    """The commit benchmarked and, for the working tree, whether it had uncommitted changes."""
    if rev is not None:
        return _git("rev-parse", "--short", f"{rev}^{{commit}}").stdout.decode().strip()
    commit = _git("rev-parse", "--short", "HEAD").stdout.decode().strip() or "unknown"
    changed = _git("status", "--porcelain", "--untracked-files=no").stdout.strip()
    return f"{commit} (working tree, with uncommitted changes)" if changed else commit


def snapshot(rev: str, dest: Path) -> Path:
    """Extract the site setup and src/ of commit `rev` into `dest`, without touching the
    repository: benchmarks of a commit are not disturbed by edits made while they run."""
    done = _git("archive", "--format=tar", rev, "--", *SNAPSHOT_PATHS)
    if done.returncode != 0:
        raise SystemExit(f"git archive {rev} failed: {done.stderr.decode().strip()}")
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as archive:
        archive.extractall(dest, filter="data")
    return dest


def _spread(spread: dict[str, float], unit: str = "", digits: int = 2) -> str:
    low, high = spread["low"], spread["high"]
    return f"{spread['median']:.{digits}f}{unit} ({low:.{digits}f}–{high:.{digits}f})"


def _kb(value: float) -> str:
    return f"{value / 1024:.1f}"


def targets(report: dict[str, Any]) -> list[dict[str, str]]:
    """Each target of the issue with what was measured, and met / missed / not measured."""
    rows: list[dict[str, str]] = []
    sizes = {size["articles"]: size for size in report["sizes"]}

    def row(target: str, measured: str, met: bool | None) -> None:
        verdict = "not measured" if met is None else ("met" if met else "missed")
        rows.append({"target": target, "measured": measured, "verdict": verdict})

    for n in (1000, 3000):
        ratio = sizes.get(n, {}).get("ratios", {}).get("C/A")
        row(
            f"C/A ≤ {TARGET_RATIO} at N = {n:,}",
            _spread(ratio) if ratio else "–",
            None if ratio is None else ratio["median"] <= TARGET_RATIO,
        )
    export_ratio = sizes.get(1000, {}).get("ratios", {}).get("C/E")
    if export_ratio:
        row(
            f"C/E ≤ {TARGET_EXPORT_RATIO} at N = 1,000 (the same pages by plain MkDocs)",
            _spread(export_ratio),
            export_ratio["median"] <= TARGET_EXPORT_RATIO,
        )
    growth_rows = [g for g in report["growth"] if g["config"] == "C" and "ratio_growth" in g]
    for g in growth_rows:
        rows_growth = g["ratio_growth"]
        row(
            f"C/A does not grow with N ({g['from']:,} → {g['to']:,})",
            f"C/A at {g['to']:,} / C/A at {g['from']:,} = {_spread(rows_growth)}",
            rows_growth["median"] <= RATIO_GROWTH_NOISE,
        )
    biggest = sizes.get(3000) or (sizes[max(sizes)] if sizes else None)
    if biggest and "C" in biggest["configs"]:
        c = biggest["configs"]["C"]
        tracks = biggest["tracks"]
        row(
            f"median article page ≤ {TARGET_ARTICLE_KB} KB at N = {biggest['articles']:,} "
            f"({tracks} tracks)",
            f"{_kb(c['article_page_bytes'])} KB",
            c["article_page_bytes"] <= TARGET_ARTICLE_KB * 1024,
        )
    for n, size in sizes.items():
        if "C" in size["configs"]:
            c = size["configs"]["C"]
            row(
                f"no page over {TARGET_LARGEST_KB} KB (N = {n:,})",
                f"largest {_kb(c['largest_page_bytes'])} KB: `{c['largest_page']}`",
                c["largest_page_bytes"] <= TARGET_LARGEST_KB * 1024,
            )
    serve = report.get("serve")
    if serve:
        for name in ("C", "C --dirty"):
            mode = serve["modes"].get(name)
            if mode:
                stale = len(mode["stale"]["different"]) + len(mode["stale"]["missing"])
                same = (
                    "pages identical to a clean build"
                    if not stale
                    else f"{stale} files unlike a clean build"
                )
                row(
                    f"edit → rebuilt ≤ {TARGET_EDIT_S:.0f} s, `mkdocs serve{name[1:]}`, "
                    f"N = {serve['articles']:,}",
                    f"{mode['median_s']:.2f} s ({mode['low_s']:.2f}–{mode['high_s']:.2f}); {same}",
                    mode["median_s"] <= TARGET_EDIT_S and (stale == 0 or name != "C"),
                )
    for n, size in sizes.items():
        memory = size.get("ratios", {}).get("C/A memory")
        if memory:
            row(
                f"peak memory C ≤ {TARGET_MEMORY} x A (N = {n:,})",
                f"{_spread(memory)} ({size['configs']['C']['peak_mib']['median']:.0f} vs "
                f"{size['configs']['A']['peak_mib']['median']:.0f} MiB)",
                memory["median"] <= TARGET_MEMORY,
            )
    return rows


PAGE_TYPES = (
    "article", "week", "guide", "track", "tracks index", "articles index", "journal",
    "tag index", "home", "assessments", "cohorts", "other",
)  # fmt: skip


def markdown_report(report: dict[str, Any]) -> str:
    host = report["machine"]
    packages = ", ".join(f"{name} {version}" for name, version in host["packages"].items())
    configs = report["config_names"]
    lines = [
        f"Command: `{report['command']}` at {report['source']}, "
        f"finished {report['finished_utc']}, {report['total_s'] / 60:.0f} min  ",
        f"Machine: {host['cpus']} CPUs ({host['cpu_model']}), {host['memory_gib']} GiB RAM, "
        f"Python {host['python']}; {packages}  ",
        f"Runs: {report['warmup']} warm-up round, {report['runs']} measured rounds; each round "
        f"builds every N in {', '.join(configs)}. Median (min–max); ratios are of builds in "
        "the same round. 1-minute load average at round starts: "
        f"{_spread(report['load_average'])}.",
        "",
        "| N | tracks | config | HTML pages | build s | CPU s | ms/page | peak MiB | site MB "
        "| article page KB | largest page KB | largest page |",
        "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for size in report["sizes"]:
        for name, config in size["configs"].items():
            lines.append(
                f"| {size['articles']} | {size['tracks']} | {name} | {config['html_pages']} "
                f"| {_spread(config['wall_s'])} | {config['cpu_s']['median']:.2f} "
                f"| {config['ms_per_page']:.1f} "
                f"| {config['peak_mib']['median']:.0f} | {config['site_bytes'] / 1e6:.1f} "
                f"| {_kb(config['article_page_bytes'])} | {_kb(config['largest_page_bytes'])} "
                f"| `{config['largest_page']}` |"
            )
    ratio_names = [name for name in report["sizes"][0]["ratios"]]
    if ratio_names:
        lines += [
            "",
            "| N | "
            + " | ".join(ratio_names)
            + " | load+plan ms | render ms | load+plan+render / C |",
            "| ---: | " + " | ".join("---:" for _ in ratio_names) + " | ---: | ---: | ---: |",
        ]
        for size in report["sizes"]:
            cells = [_spread(size["ratios"][name]) for name in ratio_names]
            project = (
                [
                    f"{size['load_plan_ms']:.0f}",
                    f"{size['render_ms']:.0f}",
                    f"{size['project_share_of_c']:.1%}",
                ]
                if "load_plan_ms" in size
                else ["–", "–", "–"]
            )
            lines.append(f"| {size['articles']} | " + " | ".join(cells + project) + " |")
    if report["growth"]:
        lines += [
            "",
            "| config | N → N' | N'/N | time ratio | CPU ratio | marginal ms per added article "
            "| ratio to A, N' / N |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in report["growth"]:
            ratio_growth = _spread(row["ratio_growth"]) if "ratio_growth" in row else "–"
            lines.append(
                f"| {row['config']} | {row['from']} → {row['to']} | {row['size_ratio']:.1f} "
                f"| {_spread(row['time_ratio'])} | {_spread(row['cpu_ratio'])} "
                f"| {row['marginal_ms_per_article']:.1f} | {ratio_growth} |"
            )
    lines += [
        "",
        "Page sizes by type (count, median KB, largest KB, median KB of the sidebar, i.e. "
        "Material's primary `<nav>`; total MB of that type, of which sidebar MB):",
        "",
        "| N | config | page type | pages | median KB | largest KB | sidebar KB (median) "
        "| total MB | sidebar MB |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in report["sizes"]:
        for name in ("A", "C"):
            types = size["configs"].get(name, {}).get("page_types", {})
            for kind in PAGE_TYPES:
                if kind in types:
                    t = types[kind]
                    lines.append(
                        f"| {size['articles']} | {name} | {kind} | {t['count']} "
                        f"| {_kb(t['median_bytes'])} | {_kb(t['max_bytes'])} "
                        f"| {_kb(t['median_nav_bytes'])} | {t['total_bytes'] / 1e6:.1f} "
                        f"| {t['total_nav_bytes'] / 1e6:.1f} |"
                    )
    if report.get("serve"):
        lines += ["", markdown_serve(report["serve"], report["serve"]["articles"]).rstrip()]
    lines += ["", "Against the targets:", "", "| target | measured | |", "| --- | --- | --- |"]
    lines += [f"| {t['target']} | {t['measured']} | {t['verdict']} |" for t in report["targets"]]
    return "\n".join(lines) + "\n"


def plot_growth(report: dict[str, Any], path: Path) -> bool:
    """Build time against N per configuration; skipped when matplotlib is not installed."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    figure, axes = plt.subplots(figsize=(6, 4))
    sizes = [size["articles"] for size in report["sizes"]]
    for name in report["config_names"]:
        times = [size["configs"][name]["wall_s"]["median"] for size in report["sizes"]]
        lows = [size["configs"][name]["wall_s"]["low"] for size in report["sizes"]]
        highs = [size["configs"][name]["wall_s"]["high"] for size in report["sizes"]]
        errors = [
            [t - lo for t, lo in zip(times, lows, strict=True)],
            [hi - t for t, hi in zip(times, highs, strict=True)],
        ]
        axes.errorbar(
            sizes, times, yerr=errors, marker="o", capsize=3, label=f"{name}: {DESCRIPTIONS[name]}"
        )
    axes.set_xlabel("generated articles (N)")
    axes.set_ylabel("median build time (s), min–max bars")
    axes.set_xlim(left=0)
    axes.set_ylim(bottom=0)
    axes.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)
    return True


# --- command line ----------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--large", action="store_true", help=f"also N={LARGE_SIZE}")
    parser.add_argument("--runs", type=int, default=5, help="measured rounds (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="discarded rounds (default 1)")
    parser.add_argument(
        "--configs",
        nargs="+",
        choices=ALL_CONFIGS,
        default=list(DEFAULT_CONFIGS),
        help="configurations to build (default A C Cw; A0 = A without the tags plugin; "
        "E = the project's export built by plain MkDocs)",
    )
    default_tracks = f"default N//{ARTICLES_PER_TRACK}"
    parser.add_argument("--tracks", type=int, help=f"listed tracks per corpus ({default_tracks})")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--at", metavar="REV", help="benchmark this commit (via git archive), not the working tree"
    )
    parser.add_argument(
        "--max-load",
        type=float,
        metavar="LOAD",
        help="before each round, wait up to 5 min for the 1-minute load average to be ≤ LOAD",
    )
    parser.add_argument(
        "--serve-size",
        type=int,
        default=SERVE_SIZE,
        help=f"N for the `mkdocs serve` edit-to-rebuilt rows (default {SERVE_SIZE}; 0: skip)",
    )
    parser.add_argument("--serve-runs", type=int, help="edits per serve mode (default: --runs)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where results go")
    parser.add_argument(
        "--report-from",
        type=Path,
        metavar="JSON",
        help="only rewrite latest.md (targets included) and growth.png next to a saved "
        "latest.json, without building",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.large and LARGE_SIZE not in args.sizes:
        args.sizes.append(LARGE_SIZE)
    args.sizes = sorted(set(args.sizes))
    args.configs = tuple(name for name in ALL_CONFIGS if name in args.configs)
    if "Cw" in args.configs and "C" not in args.configs:
        parser.error("Cw needs C (it reuses the parse cache C writes)")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.report_from:
        saved = json.loads(args.report_from.read_text(encoding="utf-8"))
        saved["targets"] = targets(saved)
        args.report_from.write_text(json.dumps(saved, indent=2) + "\n", "utf-8")
        (args.report_from.parent / "latest.md").write_text(markdown_report(saved), "utf-8")
        target = args.report_from.parent / "growth.png"
        _log(f"plot: {target}" if plot_growth(saved, target) else "no plot: matplotlib missing")
        return
    source = source_version(args.at)  # before the runs: the tree may change meanwhile
    started = time.perf_counter()
    serve = None
    with tempfile.TemporaryDirectory(prefix="reading-bench-") as tmp:
        setup, code = REPO, None
        if args.at:
            setup = snapshot(args.at, Path(tmp) / "snapshot")
            code = setup / "src"
            sys.path.insert(0, str(code))  # for the in-process timing of the project's work
        sizes = sorted(set(args.sizes) | ({args.serve_size} if args.serve_size else set()))
        corpora = prepare_corpora(
            sizes, args.tracks, args.seed, Path(tmp), setup, code, export="E" in args.configs
        )
        measured = [c for c in corpora if c.articles in args.sizes]
        results, loads = bench_rounds(
            measured, args.configs, args.runs, args.warmup, Path(tmp), code, args.max_load
        )
        if args.serve_size:
            corpus = next(c for c in corpora if c.articles == args.serve_size)
            _log(f"mkdocs serve at N={corpus.articles}")
            serve = bench_serve(
                corpus.root, corpus.configs, corpus.shape["edit_slug"],
                list(corpus.shape["edit_weeks"]), Path(tmp), code,
                args.serve_runs or args.runs, args.warmup, args.max_load,
                with_reference=True, wait_for_quiet=wait_for_quiet, log=_log,
            )  # fmt: skip
            serve["articles"] = corpus.articles
    report = {
        "command": shlex.join(["python", "benchmarks/build_bench.py", *(argv or sys.argv[1:])]),
        "source": source,
        "finished_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": machine(),
        "runs": args.runs,
        "warmup": args.warmup,
        "seed": args.seed,
        "load_average": asdict(Spread.of(loads)),
        "total_s": time.perf_counter() - started,
        "config_names": list(args.configs),
        "configs": {name: DESCRIPTIONS[name] for name in args.configs},
        "sizes": [size_summary(result) for result in results],
        "growth": growth(results, args.configs),
        "serve": serve,
    }
    report["targets"] = targets(report)
    table = markdown_report(report)
    print(table)
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "latest.md").write_text(table, encoding="utf-8")
    (args.output / "latest.json").write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    if plot_growth(report, args.output / "growth.png"):
        _log(f"plot: {args.output / 'growth.png'}")
    _log(f"done in {report['total_s']:.0f} s; results in {args.output}")


if __name__ == "__main__":
    main()
