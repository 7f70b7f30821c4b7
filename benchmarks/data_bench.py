"""What the build's data files weigh and cost, on the benchmark corpus.

For each N: the size of every file the journal page can load (`journal/*.json`, raw and
gzipped at level 9) and the time to write every track's plan form data
(`tracks/<id>/plan.json`) and all generated assets (`generate_assets`), the best of R runs.

    .venv/bin/python benchmarks/data_bench.py --sizes 1000 3000 --runs 5

To measure another revision's code on the same corpus, put its `src/` first on the path:

    git archive REV src | tar -x -C /tmp/rev && \\
        PYTHONPATH=/tmp/rev/src .venv/bin/python benchmarks/data_bench.py
"""

from __future__ import annotations

import argparse
import gzip
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from make_corpus import REPO, make_issue_corpus

import reading_program
from reading_program.load.paths import ContentPaths
from reading_program.plan.library import load_library
from reading_program.render.browser_data.plan_form import plan_data_file
from reading_program.render.pages import all_cohort_messages, generate_assets

SITE_URL = "https://example.org/"


def best_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def measure(root: Path, runs: int) -> list[str]:
    library = load_library(ContentPaths(root))
    lines = [f"{len(library.articles)} articles, {len(library.tracks)} tracks"]
    messages = all_cohort_messages(library, SITE_URL)
    for asset in generate_assets(library, SITE_URL, messages):
        if asset.src_uri.startswith("journal/"):
            packed = len(gzip.compress(asset.content, compresslevel=9))
            lines.append(f"  {asset.src_uri}: {len(asset.content):,} B, {packed:,} B gzipped")
    plans = best_of(runs, lambda: [plan_data_file(track) for track in library.tracks])
    lines.append(f"  plan data of every track: {plans * 1000:.0f} ms")
    assets = best_of(runs, lambda: generate_assets(library, SITE_URL, messages))
    lines.append(f"  generate_assets: {assets * 1000:.0f} ms")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"code: {Path(reading_program.__file__).parent}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder) / "corpus"
            make_issue_corpus(root, size, setup=REPO)
            print(f"N = {size}: " + "\n".join(measure(root, args.runs)))


if __name__ == "__main__":
    main()
