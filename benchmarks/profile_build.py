"""Where build time goes: one profiled build of configuration A and of C, by stage.

`build_bench.py` says how much slower the project's build is than plain MkDocs + Material;
this says why. It builds one generated corpus in-process under cProfile, once as plain
MkDocs + Material (A) and once with the project's hooks (C), and prints the cumulative
time of each stage. cProfile slows Python code down by 2-3x, so read the shares and the
differences, not the absolute seconds.

Run: `python benchmarks/profile_build.py [--articles 1000] [--tracks 10]`.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_bench import (  # sibling scripts
    ARTICLES_PER_TRACK,
    REPO,
    prepare_plain_configs,
    snapshot,
    source_version,
)
from make_corpus import make_corpus

# (stage, test on a profiled function's (file, line, name)); stages may overlap.
Key = tuple[str, int, str]
STAGES: list[tuple[str, Callable[[Key], bool]]] = [
    ("whole build", lambda k: k[2] == "build" and k[0].endswith("mkdocs/commands/build.py")),
    ("project: load, validate, plan (on_pre_build)", lambda k: k[2] == "load_library"),
    ("project: generate pages, markers, nav (on_files)", lambda k: _hook(k, "on_files")),
    ("Markdown to HTML, all pages", lambda k: k[2] == "render" and k[0].endswith("pages.py")),
    ("  of which md_in_html", lambda k: k[2] == "run" and k[0].endswith("md_in_html.py")),
    ("tags plugin, all events", lambda k: "plugins/tags/" in k[0] and k[2].startswith("on_")),
    ("per page output: context events, theme, write", lambda k: k[2] == "_build_page"),
    ("  of which search plugin entries", lambda k: k[2] == "add_entry_from_context"),
    ("  of which the sidebar (site nav)", lambda k: k[2] == "block_site_nav"),
    ("  of which writing files", lambda k: k[2] == "write_file"),
    ("search index written (on_post_build)", lambda k: _search(k, "on_post_build")),
]


def _search(key: Key, event: str) -> bool:
    return key[2] == event and "plugins/search/" in key[0]


def _hook(key: Key, event: str) -> bool:
    return key[2] == event and key[0].endswith("hooks/reading_site.py")


def profile(config_file: Path, site_dir: Path) -> dict[str, float]:
    """Cumulative seconds per stage for one in-process build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    profiler = cProfile.Profile()
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    profiler.runcall(build, config)
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    return {
        stage: sum(row[3] for key, row in stats.items() if matches(key))
        for stage, matches in STAGES
    }


def table(a: dict[str, float], c: dict[str, float]) -> str:
    total_a, total_c = a["whole build"], c["whole build"]
    lines = [
        "| stage (cProfile, cumulative) | A s | A share | C s | C share | C - A s |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for stage, _ in STAGES:
        lines.append(
            f"| {stage} | {a[stage]:.2f} | {a[stage] / total_a:.0%} | {c[stage]:.2f} "
            f"| {c[stage] / total_c:.0%} | {c[stage] - a[stage]:+.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--tracks", type=int, help="default: as build_bench.py, N // 100")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--at", metavar="REV", help="profile this commit, not the working tree")
    args = parser.parse_args(argv)
    tracks = args.tracks or max(2, args.articles // ARTICLES_PER_TRACK)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with tempfile.TemporaryDirectory(prefix="reading-profile-") as tmp:
        setup = REPO
        if args.at:
            setup = snapshot(args.at, Path(tmp) / "snapshot")
            sys.path.insert(0, str(setup / "src"))  # before the hooks import the project
        root = Path(tmp) / "corpus"
        make_corpus(root, args.articles, tracks, seed=args.seed, setup=setup)
        configs = prepare_plain_configs(root)
        a = profile(configs["A"], Path(tmp) / "site-a")
        c = profile(configs["C"], Path(tmp) / "site-c")
    print(f"N={args.articles} articles, {tracks} tracks, at {source_version(args.at)}\n")
    print(table(a, c))


if __name__ == "__main__":
    main()
