"""Debian's Chromium and the arguments it is launched with: one home for the browser tests
(conftest.py) and the browser benchmark (benchmarks/journal_bench.py). Nothing downloads a
browser; these arguments keep it from calling out (no updates, sync or background traffic)."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
