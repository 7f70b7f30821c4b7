"""The tests' own program, for the browser tests that walk it: fourteen articles, a six-week
track with a self-assessment taken in week 1 and retaken in week 6, and a second, two-week
track that shares articles with it (so an article sits in two tracks). Nothing here comes
from the repository's content: the tests hold for any content an author writes."""

from __future__ import annotations

from pathlib import Path

from site_helpers import article_text, make_site

SIX = "six-weeks"
TWO = "two-weeks"
ASSESSMENT = "habits"
# slug -> (title, tags, words in the body): reading times of 1 to 6 minutes at 230 a minute.
ARTICLES = {
    "first-look": ("First Look", "[standing]", 1100),
    "second-look": ("Second Look", "[standing]", 600),
    "say-it-plainly": ("Say It Plainly", "[courage, shared]", 450),
    "follow-through": ("Follow Through", "[courage]", 300),
    "the-long-game": ("The Long Game", "[discipline]", 700),
    "small-steps": ("Small Steps", "[discipline]", 500),
    "ask-dont-tell": ("Ask, Don't Tell", "[coaching, shared]", 900),
    "listen-first": ("Listen First", "[coaching]", 400),
    "why-people-stay": ("Why People Stay", "[engagement]", 650),
    "the-case-for-change": ("The Case for Change", "[engagement]", 350),
    "grow-others": ("Grow Others", "[growth]", 800),
    "grow-yourself": ("Grow Yourself", "[growth]", 250),
    "side-note": ("A Side Note", "[extra]", 200),
    "another-aside": ("Another Aside", "[extra]", 230),
}
QUESTIONS = ("What will you try this week?", "Who could help you with it?", "What gets in the way?")
WEEK_TITLES = ["Where you stand", "Courage", "Discipline", "Coaching", "Engagement", "Growth"]
WEEK_TAGS = ["standing", "courage", "discipline", "coaching", "engagement", "growth"]
BANDS = "".join(
    f"## Outcome: {band}\n\nWords.\n\n" for band in ("Starting out", "On the way", "Well along")
)


def six_weeks_yaml() -> str:
    weeks = []
    for number, (title, tag) in enumerate(zip(WEEK_TITLES, WEEK_TAGS, strict=True), start=1):
        extra = {1: "    assessment: before\n", 6: "    assessment: after\n"}.get(number, "")
        weeks.append(
            f'  - title: "{title}"\n    intro: "Week {number}: {title.lower()}."\n'
            f"    tags: [{tag}]\n{extra}"
            f'    prompts:\n      - "Which moment of week {number} taught you most?"\n'
            f'      - "What will you do differently after week {number}?"\n'
        )
    return (
        'title: "Six Weeks of Practice"\n'
        'summary: "Six weeks, two readings a week, and questions to make them yours."\n'
        f"assessment: {ASSESSMENT}\nweeks:\n" + "".join(weeks)
    )


TWO_WEEKS_YAML = """\
title: "Two Short Weeks"
summary: "Two weeks that share their readings with the six."
weeks:
  - title: "Speaking up"
    intro: "Say it, then ask."
    articles: [say-it-plainly, ask-dont-tell]
    prompts: ["When did you last speak up?"]
  - title: "Asides"
    intro: "Two short asides."
    tags: [extra]
    prompts: ["Which aside stayed with you?"]
"""

ASSESSMENT_YAML = """\
title: "Your habits, rated"
intro: "Rate each statement from 1 (rarely) to 3 (usually)."
article: first-look
scale: ["Rarely", "Sometimes", "Usually"]
statements:
  - {id: plans, aspect: planning, text: "I plan my week."}
  - {id: reviews, aspect: planning, text: "I review my week."}
  - {id: asks, aspect: coaching, text: "I ask before I tell."}
  - {id: listens, aspect: coaching, text: "I listen to the end."}
bands:
  - {outcome: "Starting out", heading: "Outcome: Starting out", min: 4, max: 6,
     summary: "Plenty of room to grow."}
  - {outcome: "On the way", heading: "Outcome: On the way", min: 7, max: 9,
     summary: "Good habits, not yet every week."}
  - {outcome: "Well along", heading: "Outcome: Well along", min: 10, max: 12,
     summary: "Habits that hold."}
"""
HOME = """\
---
hide:
  - navigation
---

# A Practice Program

Six weeks of short readings, for the tests.

<!-- reading-program:start six-weeks -->

## All tracks

<!-- reading-program:tracks -->

## Articles

<!-- reading-program:articles -->
"""


def write_program(root: Path) -> None:
    """The program's site below `root`: the project's setup (site_helpers.make_site) with
    this module's content in place of the one it writes."""
    site = make_site(root)
    for old in (
        "content/articles/lead.md",
        "content/articles/coach.md",
        "content/tracks/two-weeks.yml",
    ):
        (root / old).unlink()
    for slug, (title, tags, words) in ARTICLES.items():
        body = "Some words of the reading. " * (words // 5) + "\n"
        if slug == "first-look":
            body += "\n" + BANDS
        site.write(
            f"content/articles/{slug}.md",
            article_text(title, f"What {title} is about.", tags, QUESTIONS, body),
        )
    site.write(f"content/tracks/{SIX}.yml", six_weeks_yaml())
    site.write(f"content/tracks/{TWO}.yml", TWO_WEEKS_YAML)
    site.write(f"content/assessments/{ASSESSMENT}.yml", ASSESSMENT_YAML)
    site.write("docs/index.md", HOME)
