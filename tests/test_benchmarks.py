"""The benchmarks call the project as the build does: a change to the stages' signatures
fails here in a second, not forty minutes into `make bench`."""

from __future__ import annotations

import sys
from pathlib import Path

from site_helpers import REPO, TRACK_YAML, article_text, write_files

sys.path.insert(0, str(REPO / "benchmarks"))

import build_bench  # from benchmarks/, put on the path above
import data_bench


def small_project(root: Path) -> Path:
    write_files(
        root,
        {
            "content/articles/lead.md": article_text("Lead", tags="[leadership]"),
            "content/articles/coach.md": article_text("Coach", tags="[coaching]"),
            "content/tracks/two-weeks.yml": TRACK_YAML,
            "content/cohorts/team.yml": (
                'team: "Team"\ntrack: two-weeks\nstart: 2027-01-11\nmeeting: "Thu 09:30"\n'
                "timezone: Europe/Berlin\n"
            ),
        },
    )
    return root


def test_the_build_benchmark_times_loading_and_rendering(tmp_path: Path) -> None:
    load, render = build_bench.time_project_work(small_project(tmp_path), repeat=1)
    assert len(load) == len(render) == 1 and min(load + render) > 0


def test_the_data_benchmark_weighs_the_journal_files(tmp_path: Path) -> None:
    lines = data_bench.measure(small_project(tmp_path), runs=1)
    assert lines[0] == "2 articles, 1 tracks"
    assert any(line.startswith("  journal/") for line in lines)
    assert lines[-1].startswith("  generate_assets: ")
