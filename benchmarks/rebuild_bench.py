"""Edit-to-rebuilt time: what an author waits for under `mkdocs serve` after saving.

Builds a generated corpus once, then repeatedly edits one article (its title and a
reflection question, which changes a week page too) and times the rebuild, in the same
process as `mkdocs serve` does it: a fresh config each time, `dirty=False` (the default
`mkdocs serve`) and `dirty=True` (`mkdocs serve --dirty`), both with the project's parse
cache warm. Prints medians (min-max) of `--runs` edits.

Run: `python benchmarks/rebuild_bench.py [--articles 1000] [--tracks 10] [--runs 5]`.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import make_corpus  # a sibling script


def rebuild_seconds(root: Path, site: Path, dirty: bool) -> float:
    started = time.perf_counter()
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    build(config, dirty=dirty)
    return time.perf_counter() - started


def edit(article: Path, number: int) -> None:
    text = article.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    lines = [
        f'title: "Edited title {number}"' if line.startswith("title:") else line
        for line in head.splitlines()
    ]
    article.write_text("\n".join(lines) + "\n---\n" + body, encoding="utf-8")


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s ({min(values):.2f}-{max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--tracks", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # dirty builds warn on purpose
    with tempfile.TemporaryDirectory() as temporary:
        root, site = Path(temporary) / "corpus", Path(temporary) / "site"
        make_corpus(root, articles=args.articles, tracks=args.tracks)
        first = rebuild_seconds(root, site, dirty=False)  # cold: fills the parse cache
        article = sorted((root / "content" / "articles").glob("*.md"))[0]
        timings: dict[bool, list[float]] = {False: [], True: []}
        for run in range(args.runs):
            for dirty in (False, True):
                edit(article, run * 2 + dirty)
                timings[dirty].append(rebuild_seconds(root, site, dirty))
    print(f"N = {args.articles} articles, {args.tracks} tracks; first build {first:.2f} s")
    print(f"edit -> rebuilt, `mkdocs serve`         : {spread(timings[False])}")
    print(f"edit -> rebuilt, `mkdocs serve --dirty` : {spread(timings[True])}")


if __name__ == "__main__":
    main()
