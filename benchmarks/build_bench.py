"""Build-time benchmark: what the reading program's hooks cost over plain MkDocs + Material.

For each corpus size N the same generated corpus is built in three configurations (C
twice):

- A: plain MkDocs + Material, the articles as ordinary pages in docs/articles/, no hooks,
  no tags plugin, a small explicit nav (articles are `not_in_nav`, as in the project).
- B: A plus Material's tags plugin and a tags index page.
- C: the project's own configuration (the repository's mkdocs.yml with its hooks), with
  its parse cache deleted first: what a fresh clone or CI pays.
- Cw: C again right after, with the parse cache C wrote: what repeated builds pay.

Builds run interleaved: each round builds every N in A, B, C, Cw, so drift in load
hits every configuration and size alike, and ratios pair builds of the same round; one
warm-up round is discarded. Every build is a fresh `python -m mkdocs build` subprocess,
so imports and template compilation are paid as a user pays them. Peak memory and CPU
time are the child's own `getrusage(RUSAGE_SELF)`, printed by a tiny wrapper that runs
MkDocs' command line in-process: `RUSAGE_CHILDREN` in the parent would report the
largest child so far, not this one. CPU time is reported next to wall time because it
stays meaningful when other work shares the machine.

The project's own work (loading + validating + planning, and rendering the generated
Markdown) is also timed in-process, to tell its cost apart from MkDocs' and Material's.

Run: `python benchmarks/build_bench.py [--sizes 100 500 1000] [--large] [--runs 5]`;
`--at REV` benchmarks a commit instead of the working tree, `--max-load` waits for a
quiet machine before each round.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import inspect
import io
import itertools
import json
import os
import platform
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import make_corpus  # a sibling script, not a package

SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default when SITE_URL is unset
REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
SNAPSHOT_PATHS = ("mkdocs.yml", "docs", "overrides", "hooks", "src")
DEFAULT_SIZES = (100, 500, 1000)
LARGE_SIZE = 5000
ARTICLES_PER_TRACK = 100  # tracks grow with the corpus: N // 100, at least 2
CONFIGS = ("A", "B", "C", "Cw")  # in build order: Cw reuses the cache C has just written
DESCRIPTIONS = {
    "A": "MkDocs + Material, articles as plain pages",
    "B": "A + Material tags plugin",
    "C": "project (hooks, generated pages, tags), no parse cache: a fresh clone or CI",
    "Cw": "C with the parse cache of the previous build: repeated builds, `mkdocs serve`",
}
# The project keeps parsed articles between builds here (reading_program.parse_cache);
# C deletes it before building, Cw keeps it.
PARSE_CACHE = ".cache"
MKDOCS_FILE = {"A": "A", "B": "B", "C": "C", "Cw": "C"}
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


# --- configurations A and B -------------------------------------------------------------


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
    """The project's config minus everything the reading program adds (A), or plus only
    Material's tags plugin (B). `watch:` is dropped: it only matters to `mkdocs serve`."""
    config = {k: v for k, v in project.items() if k not in {"hooks", "watch", "nav"}}
    plugins = config.get("plugins", [])
    if not with_tags:
        plugins = [p for p in plugins if _plugin_name(p) not in {"tags", "material/tags"}]
    config["plugins"] = plugins
    config["docs_dir"] = docs_dir
    config["not_in_nav"] = "/articles/**"
    config["nav"] = [{"Home": "index.md"}, *([{"Tags": "tags.md"}] if with_tags else [])]
    return config


def prepare_plain_configs(root: Path) -> dict[str, Path]:
    """Write mkdocs-a.yml/docs-a and mkdocs-b.yml/docs-b next to the corpus' mkdocs.yml."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    project = yaml.load(text, Loader=_ConfigLoader)
    files = {"C": root / "mkdocs.yml"}
    for name, with_tags in (("A", False), ("B", True)):
        docs = root / f"docs-{name.lower()}"
        ignore = None if with_tags else shutil.ignore_patterns("tags.md")
        shutil.copytree(root / "docs", docs, ignore=ignore)
        shutil.copytree(root / "content" / "articles", docs / "articles")
        config = plain_config(project, docs.name, with_tags)
        files[name] = root / f"mkdocs-{name.lower()}.yml"
        dumped = yaml.dump(config, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True)
        files[name].write_text(dumped, encoding="utf-8")
    return files


# --- one build ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BuildRun:
    wall_s: float
    cpu_s: float
    peak_mib: float
    site_bytes: int
    html_pages: int
    article_page_bytes: float  # median over site/articles/<slug>/index.html


def _site_stats(site: Path) -> tuple[int, int, float]:
    files = [path for path in site.rglob("*") if path.is_file()]
    html_pages = sum(1 for path in files if path.suffix == ".html")
    articles = [path.stat().st_size for path in site.glob("articles/*/index.html")]
    median_article = statistics.median(articles) if articles else 0.0
    return sum(path.stat().st_size for path in files), html_pages, median_article


def build_once(config_file: Path, site: Path, code: Path | None = None) -> BuildRun:
    """One `mkdocs build` in a fresh interpreter; `site` must not exist yet. `code` is a
    src/ folder to import the project from instead of the installed working tree."""
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
    site_bytes, html_pages, article_bytes = _site_stats(site)
    shutil.rmtree(site)
    return BuildRun(wall, float(cpu), int(peak_kib) / 1024, site_bytes, html_pages, article_bytes)


# --- corpora and rounds -------------------------------------------------------------------


@dataclass
class SizeResult:
    """The measured builds of one corpus size, and the project's own work on it."""

    articles: int
    tracks: int
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


def time_project_work(root: Path, repeat: int = 5) -> tuple[list[float], list[float]]:
    """Load+validate+plan (no parse cache: every article parsed, as in C) and render,
    in-process, after one untimed warm-up of each."""
    from reading_program.loader import ContentPaths, load_library

    paths = ContentPaths(root)
    library = load_library(paths)
    _generate_pages(library)
    load = _timed_ms(lambda: load_library(paths), repeat)
    render = _timed_ms(lambda: _generate_pages(library), repeat)
    return load, render


def _generate_pages(library: Any) -> object:
    """`generate_pages` as the hook calls it; newer versions also take the site URL."""
    from reading_program.site_pages import generate_pages

    if "site_url" in inspect.signature(generate_pages).parameters:
        return generate_pages(library, site_url=SITE_URL)
    return generate_pages(library)


@dataclass(frozen=True)
class Corpus:
    articles: int
    tracks: int
    configs: dict[str, Path]  # configuration name -> its mkdocs.yml


def prepare_corpora(
    sizes: list[int], tracks: int | None, seed: int, workdir: Path, setup: Path
) -> list[Corpus]:
    """Generate every corpus before any build, so all rounds can visit every size."""
    corpora = []
    for articles in sizes:
        count = tracks or max(2, articles // ARTICLES_PER_TRACK)
        root = workdir / f"corpus-{articles}"
        make_corpus(root, articles, count, seed=seed, setup=setup)
        corpora.append(Corpus(articles, count, prepare_plain_configs(root)))
        _log(f"N={articles}: {count} tracks, corpus in {root}")
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
    runs: int,
    warmup: int,
    workdir: Path,
    code: Path | None,
    max_load: float | None = None,
) -> tuple[list[SizeResult], list[float]]:
    """Every round builds every size in every configuration (A, B, C for N1, then for
    N2, ...), so both the C/A ratios and the growth ratios compare builds made minutes
    apart, not a whole benchmark apart. Returns the results and each round's load."""
    results = [SizeResult(c.articles, c.tracks, {name: [] for name in CONFIGS}) for c in corpora]
    loads = []
    for round_number in range(warmup + runs):
        measured = round_number >= warmup
        loads.append(wait_for_quiet(max_load))
        label = "measured" if measured else "warm-up"
        _log(f"round {round_number} ({label}), load average {loads[-1]:.2f}")
        for corpus, result in zip(corpora, results, strict=True):
            for name in CONFIGS:
                config_file = corpus.configs[MKDOCS_FILE[name]]
                if name == "C":
                    shutil.rmtree(config_file.parent / PARSE_CACHE, ignore_errors=True)
                site = workdir / f"site-{corpus.articles}-{name}"
                run = build_once(config_file, site, code)
                if measured:
                    result.runs[name].append(run)
                _log(f"  N={corpus.articles} {name}: {run.wall_s:.2f} s")
    for corpus, result in zip(corpora, results, strict=True):
        result.load_ms, result.render_ms = time_project_work(corpus.configs["C"].parent)
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
    pages = runs[-1].html_pages
    return {
        "wall_s": asdict(wall),
        "cpu_s": asdict(Spread.of(run.cpu_s for run in runs)),
        "html_pages": pages,
        "ms_per_page": wall.median * 1000 / pages,
        "peak_mib": statistics.median(run.peak_mib for run in runs),
        "site_bytes": statistics.median(run.site_bytes for run in runs),
        "article_page_bytes": statistics.median(run.article_page_bytes for run in runs),
    }


def paired_ratio(result: SizeResult, top: str, bottom: str, measure: str = "wall_s") -> Spread:
    """Ratio of builds in the same round, so each pair saw the same machine state."""
    pairs = zip(result.runs[top], result.runs[bottom], strict=True)
    return Spread.of(getattr(a, measure) / getattr(b, measure) for a, b in pairs)


def size_summary(result: SizeResult) -> dict[str, Any]:
    configs = {name: config_summary(runs) for name, runs in result.runs.items()}
    load = statistics.median(result.load_ms)
    render = statistics.median(result.render_ms)
    return {
        "articles": result.articles,
        "tracks": result.tracks,
        "configs": configs,
        "ratio_b_a": asdict(paired_ratio(result, "B", "A")),
        "ratio_c_a": asdict(paired_ratio(result, "C", "A")),
        "cpu_ratio_c_a": asdict(paired_ratio(result, "C", "A", "cpu_s")),
        "ratio_cw_a": asdict(paired_ratio(result, "Cw", "A")),
        "load_plan_ms": load,
        "render_ms": render,
        "project_share_of_c": (load + render) / 1000 / configs["C"]["wall_s"]["median"],
        "runs": {name: [asdict(run) for run in runs] for name, runs in result.runs.items()},
        "load_plan_ms_runs": result.load_ms,
        "render_ms_runs": result.render_ms,
    }


def growth(results: list[SizeResult]) -> list[dict[str, Any]]:
    """For each pair of consecutive sizes: the time ratio of builds in the same round, and
    the marginal cost per added article (which leaves out the fixed start-up cost that
    makes ratios look sub-linear at small N)."""
    rows = []
    by_size = sorted(results, key=lambda result: result.articles)
    for small, large in itertools.pairwise(by_size):
        for name in CONFIGS:
            pairs = list(zip(small.runs[name], large.runs[name], strict=True))
            t_small = statistics.median(run.wall_s for run in small.runs[name])
            t_large = statistics.median(run.wall_s for run in large.runs[name])
            added = large.articles - small.articles
            rows.append(
                {
                    "config": name,
                    "from": small.articles,
                    "to": large.articles,
                    "size_ratio": large.articles / small.articles,
                    "time_ratio": asdict(Spread.of(b.wall_s / a.wall_s for a, b in pairs)),
                    "cpu_ratio": asdict(Spread.of(b.cpu_s / a.cpu_s for a, b in pairs)),
                    "marginal_ms_per_article": (t_large - t_small) * 1000 / added,
                }
            )
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


def markdown_report(report: dict[str, Any]) -> str:
    host = report["machine"]
    packages = ", ".join(f"{name} {version}" for name, version in host["packages"].items())
    lines = [
        f"Command: `{report['command']}` at {report['source']}, "
        f"finished {report['finished_utc']}  ",
        f"Machine: {host['cpus']} CPUs ({host['cpu_model']}), {host['memory_gib']} GiB RAM, "
        f"Python {host['python']}; {packages}  ",
        f"Runs: {report['warmup']} warm-up round, {report['runs']} measured rounds; each round "
        "builds every N in A, B, C, Cw. Median (min–max); ratios are of builds in the same round. "
        f"1-minute load average at round starts: {_spread(report['load_average'])}.",
        "",
        "| N | tracks | config | HTML pages | build s | CPU s | ms/page | peak MiB | site MB "
        "| article page KB |",
        "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in report["sizes"]:
        for name, config in size["configs"].items():
            lines.append(
                f"| {size['articles']} | {size['tracks']} | {name} | {config['html_pages']} "
                f"| {_spread(config['wall_s'])} | {config['cpu_s']['median']:.2f} "
                f"| {config['ms_per_page']:.1f} "
                f"| {config['peak_mib']:.0f} | {config['site_bytes'] / 1e6:.1f} "
                f"| {config['article_page_bytes'] / 1024:.1f} |"
            )
    lines += [
        "",
        "| N | B/A | C/A | C/A CPU | Cw/A | load+plan ms | render ms "
        "| load+plan+render / C build |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in report["sizes"]:
        lines.append(
            f"| {size['articles']} | {_spread(size['ratio_b_a'])} | {_spread(size['ratio_c_a'])} "
            f"| {_spread(size['cpu_ratio_c_a'])} | {_spread(size['ratio_cw_a'])} "
            f"| {size['load_plan_ms']:.0f} "
            f"| {size['render_ms']:.0f} | {size['project_share_of_c']:.1%} |"
        )
    if report["growth"]:
        lines += [
            "",
            "| config | N → N' | N'/N | time ratio | CPU ratio | marginal ms per added article |",
            "| --- | --- | ---: | ---: | ---: | ---: |",
        ]
        for row in report["growth"]:
            lines.append(
                f"| {row['config']} | {row['from']} → {row['to']} | {row['size_ratio']:.1f} "
                f"| {_spread(row['time_ratio'])} | {_spread(row['cpu_ratio'])} "
                f"| {row['marginal_ms_per_article']:.1f} |"
            )
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
    for name in CONFIGS:
        times = [size["configs"][name]["wall_s"]["median"] for size in report["sizes"]]
        axes.plot(sizes, times, marker="o", label=f"{name}: {DESCRIPTIONS[name]}")
    axes.set_xlabel("articles (N)")
    axes.set_ylabel("median build time (s)")
    axes.legend()
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
    default_tracks = f"default N//{ARTICLES_PER_TRACK}, at least 2"
    parser.add_argument("--tracks", type=int, help=f"tracks per corpus ({default_tracks})")
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
    parser.add_argument("--output", type=Path, default=RESULTS, help="where results go")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.large and LARGE_SIZE not in args.sizes:
        args.sizes.append(LARGE_SIZE)
    args.sizes = sorted(set(args.sizes))
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    source = source_version(args.at)  # before the runs: the tree may change meanwhile
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="reading-bench-") as tmp:
        setup, code = REPO, None
        if args.at:
            setup = snapshot(args.at, Path(tmp) / "snapshot")
            code = setup / "src"
            sys.path.insert(0, str(code))  # for the in-process timing of the project's work
        corpora = prepare_corpora(args.sizes, args.tracks, args.seed, Path(tmp), setup)
        results, loads = bench_rounds(
            corpora, args.runs, args.warmup, Path(tmp), code, args.max_load
        )
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
        "configs": DESCRIPTIONS,
        "sizes": [size_summary(result) for result in results],
        "growth": growth(results),
    }
    table = markdown_report(report)
    print(table)
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "latest.md").write_text(table, encoding="utf-8")
    (args.output / "latest.json").write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    plot_growth(report, args.output / "growth.png")
    _log(f"done in {report['total_s']:.0f} s; results in {args.output}")


if __name__ == "__main__":
    main()
