"""A team lead's site built by the tests themselves: a six-week track, a cohort "Ops North"
in Berlin with members, a named break and a recorded assignment, built strictly with real
MkDocs and served on 127.0.0.1. Shared by the team-lead browser tests and the README's
pictures, so none of them depends on the repository's sample content."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from site_helpers import article_text, make_site

TRACK = "six-weeks"
COHORT = "ops-north"
THEMES = ["Leading", "Courage", "Resistance", "Coaching", "Engagement", "Growing"]
SUMMARY = (
    "Explains what the idea means for a team lead, where it goes wrong in practice, and "
    "what to try in the next one-on-one, with an example from a sales team."
)
QUESTIONS = (
    "Which part of your week does this describe best, and what would you change first?",
    "Who on your team would notice if you changed it, and what would they say?",
    "What is one thing you will try before the next meeting, and how will you know?",
    "Where did you last see this go well, and what made the difference then?",
    "What stops you from doing this already, and who could help you with it?",
)
PROMPTS = (
    "Looking at last week's calendar, where did you lead and where did you only manage?",
    "Which of this week's ideas would your team most want you to try, and why?",
)


def _track_yaml() -> str:
    weeks = "".join(
        f'  - title: "{theme}"\n'
        f'    intro: "A week on {theme.lower()}: what it asks of a lead, and a first step."\n'
        f"    articles: [{theme.lower()}-1, {theme.lower()}-2]\n"
        f"    prompts: {json.dumps(list(PROMPTS))}\n"
        for theme in THEMES
    )
    return f'title: "Six Weeks"\nsummary: "Six weeks of leadership reading."\nweeks:\n{weeks}'


COHORT_YAML = """\
team: "Ops North"
track: six-weeks
start: 2027-01-11
meeting: "Thu 09:30"
timezone: Europe/Berlin
skip: [{date: 2027-02-03, reason: "the sales kick-off"}]
lead: "Dana Whitfield"
members: ["Sam Ortiz", "Kim Nakamura", "Alex Meyer", "Jo Lindqvist"]
"""


def write_team_site(root: Path) -> None:
    site = make_site(root)
    for theme in THEMES:
        for n in (1, 2):
            slug = f"{theme.lower()}-{n}"
            body = "Words of the article. " * 120 + "\n"
            text = article_text(f"{theme}, part {n}", SUMMARY, "[leadership]", QUESTIONS, body)
            site.write(f"content/articles/{slug}.md", text)
    site.write(f"content/tracks/{TRACK}.yml", _track_yaml())
    site.write(f"content/cohorts/{COHORT}.yml", COHORT_YAML)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served_team_site(root: Path) -> Iterator[str]:
    """Build the team site strictly into root/site and serve it; yields its address."""
    write_team_site(root)
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root / "site"))
    )
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    config = load_config(config_file=str(root / "mkdocs.yml"), strict=True, site_url=url)
    build(config)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()
