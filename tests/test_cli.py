"""The command line: `reading-program check`."""

from __future__ import annotations

import subprocess
import sys

from site_helpers import REPO, Site, article_text


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "reading_program", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_check_prints_the_plan_of_the_real_content() -> None:
    result = run("--root", str(REPO), "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("12 articles, 1 track: all valid.")
    assert "  Week 6: Growing others and yourself" in result.stdout


def test_check_reports_every_problem_and_fails(site: Site) -> None:
    site.write("content/articles/lead.md", article_text(tags="[Lead]"))
    site.write("content/articles/coach.md", "no frontmatter\n")
    result = run("--root", str(site.root), "check")
    assert result.returncode == 1
    assert "content/articles/lead.md:4: tags[0]: 'Lead' is not a slug" in result.stderr
    assert "content/articles/coach.md:1: missing frontmatter" in result.stderr
