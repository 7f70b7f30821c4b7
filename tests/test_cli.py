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
    assert result.stdout.startswith("12 articles, 2 tracks, 1 cohort: all valid.")
    assert "  Week 6: Growing others and yourself" in result.stdout


def test_check_reports_every_problem_and_fails(site: Site) -> None:
    site.write("content/articles/lead.md", article_text(tags="[Lead]"))
    site.write("content/articles/coach.md", "no frontmatter\n")
    result = run("--root", str(site.root), "check")
    assert result.returncode == 1
    assert "content/articles/lead.md:4: tags[0]: 'Lead' is not a slug" in result.stderr
    assert "content/articles/coach.md:1: missing frontmatter" in result.stderr


def assign(root, *extra: str) -> subprocess.CompletedProcess[str]:
    return run(
        "--root", str(root), "assign", "--track", "two-weeks", "--team", "Sales East",
        "--start", "2027-01-11", *extra,
    )  # fmt: skip


def test_assign_writes_a_valid_cohort_and_prints_the_schedule(site: Site) -> None:
    result = assign(site.root, "--meeting", "Thu 09:30", "--timezone", "Europe/Berlin")
    assert result.returncode == 0, result.stderr
    written = site.root / "content/cohorts/sales-east.yml"
    assert written.read_text().startswith("team: Sales East\ntrack: two-weeks\n")
    assert "Week 1: Mon 11 Jan – Sun 17 Jan 2027; meeting Thu 14 Jan, 09:30 (Europe/Berlin)" in (
        result.stdout
    )
    assert not list(written.parent.glob(".*")), "no temporary file is left behind"
    site.build()
    assert (site.root / "site/cohorts/sales-east.ics").is_file()
    assert site.html("cohorts/sales-east").h1.get_text(strip=True) == "Sales East: Two Weeks"


def test_assign_refuses_to_overwrite_without_force(site: Site) -> None:
    assert assign(site.root).returncode == 0
    again = assign(site.root, "--lead", "Dana")
    assert again.returncode == 1
    assert "content/cohorts/sales-east.yml exists; pass --force to replace it" in again.stderr
    assert "Dana" not in (site.root / "content/cohorts/sales-east.yml").read_text()
    assert assign(site.root, "--lead", "Dana", "--force").returncode == 0
    assert "lead: Dana" in (site.root / "content/cohorts/sales-east.yml").read_text()


def test_assign_reports_bad_input_by_option(site: Site) -> None:
    result = assign(site.root, "--meeting", "Someday 25:00", "--timezone", "Mars/Base")
    assert result.returncode == 1
    assert "--meeting: unknown weekday 'Someday'; use one of Mon, Tue, Wed" in result.stderr
    assert "--timezone: unknown time zone 'Mars/Base'" in result.stderr
    assert not (site.root / "content/cohorts/sales-east.yml").exists()


def test_assign_rejects_an_unknown_track(site: Site) -> None:
    result = run(
        "--root",
        str(site.root),
        "assign",
        "--track",
        "nope",
        "--team",
        "T",
        "--start",
        "2027-01-11",
    )
    assert result.returncode == 1
    assert "--track: no track has the id 'nope'; known tracks: two-weeks" in result.stderr


def test_message_prints_one_week_or_all(site: Site) -> None:
    assign(site.root, "--lead", "Dana", "--note", "Welcome aboard.")
    week_2 = run("--root", str(site.root), "message", "sales-east", "--week", "2")
    assert week_2.returncode == 0, week_2.stderr
    assert week_2.stdout.startswith("Subject: Sales East · Two Weeks, week 2 (Jan 18–24): Second\n")
    assert "http://127.0.0.1:8000/articles/coach/" in week_2.stdout
    assert "Welcome aboard." not in week_2.stdout  # the note is a week 1 welcome
    every = run("--root", str(site.root), "message", "sales-east", "--all")
    assert every.stdout.count("Subject: ") == 2
    assert "Welcome aboard." in every.stdout


def test_message_errors(site: Site) -> None:
    assign(site.root)
    unknown = run("--root", str(site.root), "message", "nobody", "--week", "1")
    assert (unknown.returncode, unknown.stderr.strip()) == (
        1,
        "reading-program: no cohort 'nobody'; known cohorts: sales-east",
    )
    missing = run("--root", str(site.root), "message", "sales-east", "--week", "9")
    assert "week 9 is not in sales-east's schedule" in missing.stderr
    neither = run("--root", str(site.root), "message", "sales-east")
    assert neither.returncode == 2  # argparse: one of --week/--all is required


def test_help_explains_each_command_with_an_example() -> None:
    for command in ("check", "assign", "message"):
        result = run(command, "--help")
        assert result.returncode == 0
        assert "example:\n  reading-program " + command in result.stdout


def test_new_article_is_flagged_by_check_until_filled_in(site: Site) -> None:
    created = run("--root", str(site.root), "new", "article", "Decide: Now!", "--tags", "coaching")
    assert created.returncode == 0, created.stderr
    path = site.root / "content/articles/decide-now.md"
    check = run("--root", str(site.root), "check")
    assert check.returncode == 1
    assert "content/articles/decide-now.md:3: summary: still the placeholder" in check.stderr
    assert check.stderr.count("still the placeholder") == 4
    filled = path.read_text().replace("TODO: ", "")
    path.write_text(filled)
    assert run("--root", str(site.root), "check").returncode == 0
    again = run("--root", str(site.root), "new", "article", "Decide: Now!", "--tags", "x")
    assert again.returncode == 1
    assert "content/articles/decide-now.md exists" in again.stderr


def test_check_summarises_the_real_content() -> None:
    result = run("--root", str(REPO), "check")
    assert result.returncode == 0
    assert "12 articles, 2 tracks, 1 cohort: all valid." in result.stdout


def test_schema_and_export_commands(tmp_path) -> None:
    schemas = run("--root", str(REPO), "schema", "--out", str(tmp_path / "schemas"))
    assert schemas.returncode == 0, schemas.stderr
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == [
        "article.schema.json",
        "assessment.schema.json",
        "cohort.schema.json",
        "tags.schema.json",
        "track.schema.json",
    ]
    out = tmp_path / "export"
    exported = run("--root", str(REPO), "export", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    assert (out / "mkdocs.yml").is_file()
    again = run("--root", str(REPO), "export", "--out", str(out))
    assert again.returncode == 1
    assert "is not empty; pass --force" in again.stderr
