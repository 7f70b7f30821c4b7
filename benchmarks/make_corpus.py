"""Generate a synthetic, deterministic site folder for benchmarks and scale tests.

Two shapes:

- `make_issue_corpus(dest, N, seed=...)`: the benchmark corpus (see its docstring): the
  repository's own site and content plus N generated articles, N // 100 listed tracks and
  two tracks planned from tags. `build_bench.py` and `profile_build.py` use it.
- `make_corpus(dest, articles, tracks, seed=...)`: the older small, self-contained corpus
  (no repository content, no tags.yml, any tag allowed); `tests/test_dirty_rebuild.py`
  builds it and edits an article's tags freely, so it stays as it was. Described below.

`make_corpus(dest, articles, tracks, seed=...)` writes a complete site that the project's
hooks build: the repository's `mkdocs.yml`, `docs/`, `overrides/` and `hooks/`, an empty
`src/` (mkdocs.yml `watch:` needs it), and generated `content/articles/*.md` and
`content/tracks/*.yml`.

Everything is derived from the seed, and article `i` depends only on `(seed, i)`, so the
corpus of 1,000 articles contains the corpus of 500: growth measurements compare like with
like. Tracks pin their readings (`articles:` per week, `tags: []`) because the planner
rejects an article that two weeks' tags would both take; pinning is valid whatever tags
the generator hands out.

Command line: `python benchmarks/make_corpus.py DEST --articles N --tracks M --seed S`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

MIN_WORDS, MAX_WORDS = 300, 2_000
WEEKS_PER_TRACK = (4, 8)
READINGS_PER_WEEK = (3, 5)
TAGS_PER_ARTICLE = (3, 6)
QUESTIONS_PER_ARTICLE = (3, 6)

TAGS = (
    "accountability adaptability alignment authenticity change coaching collaboration "
    "communication confidence conflict courage culture decisiveness delegation discipline "
    "empathy engagement feedback focus follow-up goals habits hiring influence integrity "
    "leadership listening meetings mentoring motivation negotiation ownership potential "
    "prioritising rejection resilience resistance responsibility selling strategy trust"
).split()

_NOUNS = (
    "team manager leader habit decision meeting customer colleague goal plan project "
    "question conversation feedback promise deadline budget priority result risk change "
    "strategy culture trust mistake lesson story process report review signal pattern "
    "commitment agenda week quarter client partner mentor role responsibility outcome"
).split()
_VERBS = (
    "builds shapes tests protects earns changes reveals rewards weakens strengthens clarifies "
    "delays speeds supports challenges frames anchors guides reframes questions sustains"
).split()
_ADJECTIVES = (
    "honest quiet clear difficult small steady bold careful practical useful hidden shared "
    "open early late simple patient direct deliberate generous focused"
).split()
_ADVERBS = "rarely often quietly openly slowly quickly always seldom gradually deliberately".split()
_OPENERS = (
    "In practice,",
    "Over time,",
    "Most of the time,",
    "On a good day,",
    "Under pressure,",
    "In most teams,",
    "For a new manager,",
    "Sooner or later,",
)
_QUESTION_STARTS = (
    "Which {noun} did you last avoid, and what would facing it this week take?",
    "When did one {adjective} {noun} change how your team worked?",
    "Who on your team would notice first if your {noun} changed?",
    "What is one {adjective} step you could take on your next {noun}?",
    "How do you know whether your {noun} {verb} trust or weakens it?",
    "Where does the {adjective} {noun} cost you the most time?",
    "What would the {adjective} {noun} look like a month from now?",
    "Which {noun} are you still waiting on, and who is waiting on you?",
)


@dataclass(frozen=True)
class CorpusSize:
    """What a corpus holds; returned so callers need not count files."""

    articles: int
    tracks: int
    weeks: int
    words: int


def _words(rng: random.Random, pool: list[str] | tuple[str, ...], count: int) -> list[str]:
    return [rng.choice(pool) for _ in range(count)]


def _sentence(rng: random.Random) -> str:
    """A plausible, grammatical-looking sentence of 8-22 words."""
    adjective = rng.choice(_ADJECTIVES)
    article = "an" if adjective[0] in "aeiou" else "a"
    subject = f"{article} {adjective} {rng.choice(_NOUNS)}"
    object_ = f"the {rng.choice(_NOUNS)} of the {rng.choice(_NOUNS)}"
    tail = " ".join(_words(rng, _NOUNS + _ADJECTIVES, rng.randint(0, 8)))
    parts = [subject, rng.choice(_ADVERBS), rng.choice(_VERBS), object_]
    if rng.random() < 0.4:
        parts.insert(0, rng.choice(_OPENERS).lower())
    if tail:
        parts.append(f"and the {tail}")
    text = " ".join(parts)
    return text[0].upper() + text[1:] + "."


def _title(rng: random.Random) -> str:
    words = [rng.choice(_ADJECTIVES), rng.choice(_NOUNS), rng.choice(["and", "as", "before"])]
    words += [rng.choice(_ADJECTIVES), rng.choice(_NOUNS)]
    return " ".join(word.capitalize() for word in words)


def _body(rng: random.Random, target_words: int) -> tuple[str, int]:
    """Markdown sections of paragraphs, about `target_words` long; returns (text, words)."""
    blocks: list[str] = []
    written = 0
    while written < target_words:
        if blocks and rng.random() < 0.15:
            blocks.append(f"## {_title(rng)}")
        sentences = [_sentence(rng) for _ in range(rng.randint(3, 7))]
        paragraph = " ".join(sentences)
        written += len(paragraph.split())
        blocks.append(paragraph)
    return "\n\n".join(blocks) + "\n", written


def _question(rng: random.Random) -> str:
    template = rng.choice(_QUESTION_STARTS)
    return template.format(
        noun=rng.choice(_NOUNS), adjective=rng.choice(_ADJECTIVES), verb=rng.choice(_VERBS)
    )


def _quoted(text: str) -> str:
    """A double-quoted YAML scalar, as the README tells authors to write text."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def article_source(seed: int, index: int) -> tuple[str, str, int]:
    """The slug, file text and body word count of article `index` for `seed`."""
    rng = random.Random(f"article-{seed}-{index}")
    title = _title(rng)
    slug = f"{title.lower().replace(' ', '-')}-{index:05d}"
    summary = " ".join(_sentence(rng) for _ in range(rng.randint(1, 2)))
    tags = rng.sample(TAGS, rng.randint(*TAGS_PER_ARTICLE))
    questions = [_question(rng) for _ in range(rng.randint(*QUESTIONS_PER_ARTICLE))]
    body, words = _body(rng, rng.randint(MIN_WORDS, MAX_WORDS))
    lines = [
        "---",
        f"title: {_quoted(title)}",
        f"summary: {_quoted(summary)}",
        f"tags: [{', '.join(tags)}]",
        "reflection:",
        *(f"  - {_quoted(question)}" for question in questions),
    ]
    if rng.random() < 0.5:
        day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))
        lines.append(f"date: {day.isoformat()}")
    lines += ["---", "", body]
    return slug, "\n".join(lines), words


def _week_sizes(rng: random.Random, articles: int) -> list[int]:
    """4-8 weeks of 3-5 readings, trimmed so a track never needs more articles than exist."""
    sizes = [rng.randint(*READINGS_PER_WEEK) for _ in range(rng.randint(*WEEKS_PER_TRACK))]
    while sum(sizes) > articles:
        largest = max(range(len(sizes)), key=sizes.__getitem__)
        if sizes[largest] > READINGS_PER_WEEK[0]:
            sizes[largest] -= 1
        else:
            sizes.pop()
    return sizes


def track_source(seed: int, index: int, slugs: list[str]) -> tuple[str, str, int]:
    """The id, file text and week count of track `index`, pinning distinct `slugs`."""
    rng = random.Random(f"track-{seed}-{index}")
    sizes = _week_sizes(rng, len(slugs))
    chosen = rng.sample(slugs, sum(sizes))
    title = f"{_title(rng)} Track {index + 1}"
    lines = [
        f"title: {_quoted(title)}",
        f"summary: {_quoted(_sentence(rng))}",
        "weeks:",
    ]
    start = 0
    for size in sizes:
        readings = chosen[start : start + size]
        start += size
        lines += [
            f"  - title: {_quoted(_title(rng))}",
            f"    intro: {_quoted(_sentence(rng))}",
            "    tags: []",
            f"    articles: [{', '.join(readings)}]",
            "    prompts:",
            *(f"      - {_quoted(_question(rng))}" for _ in range(rng.randint(1, 3))),
        ]
    return f"track-{index + 1:03d}", "\n".join(lines) + "\n", len(sizes)


HOME_PAGE = """\
# Generated Reading Program

A synthetic corpus for benchmarks: every article and track here was generated from a seed.

## All tracks

<!-- reading-program:tracks -->
"""


def _copy_site_setup(dest: Path, setup: Path) -> None:
    """The site setup of `setup`, with a home page that names no particular track."""
    shutil.copy(setup / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("docs", "overrides", "hooks"):
        ignore = shutil.ignore_patterns("__pycache__")
        shutil.copytree(setup / folder, dest / folder, ignore=ignore)
    (dest / "docs" / "index.md").write_text(HOME_PAGE, encoding="utf-8")
    (dest / "src").mkdir()


def make_corpus(
    dest: Path,
    articles: int,
    tracks: int,
    cohorts: int = 0,
    seed: int = 0,
    setup: Path = REPO,
) -> CorpusSize:
    """Write a complete site folder at `dest` (which must not exist or be empty).

    mkdocs.yml, docs/, overrides/ and hooks/ are copied from `setup`: the repository, or
    a snapshot of one of its commits (see build_bench.py --at).

    `cohorts` is accepted so callers can already pass it; the cohort schema does not
    exist yet, so only 0 is allowed. When cohorts land, K cohort files will be written
    to content/ here.
    """
    if cohorts:
        raise NotImplementedError("cohorts are not in the content schema yet; pass 0")
    if tracks and articles < READINGS_PER_WEEK[0]:
        raise ValueError(f"a track needs at least {READINGS_PER_WEEK[0]} articles")
    dest.mkdir(parents=True, exist_ok=True)
    if any(dest.iterdir()):
        raise FileExistsError(f"{dest} is not empty")
    _copy_site_setup(dest, setup)
    article_dir = dest / "content" / "articles"
    track_dir = dest / "content" / "tracks"
    article_dir.mkdir(parents=True)
    track_dir.mkdir(parents=True)

    slugs: list[str] = []
    total_words = 0
    for index in range(articles):
        slug, text, words = article_source(seed, index)
        (article_dir / f"{slug}.md").write_text(text, encoding="utf-8")
        slugs.append(slug)
        total_words += words
    weeks = 0
    for index in range(tracks):
        track_id, text, week_count = track_source(seed, index, slugs)
        (track_dir / f"{track_id}.yml").write_text(text, encoding="utf-8")
        weeks += week_count
    return CorpusSize(articles=articles, tracks=tracks, weeks=weeks, words=total_words)


# --- the corpus of the issue: the repository's content plus N generated articles ----------

ISSUE_WORDS = (300, 1_300)
ISSUE_TAGS_PER_ARTICLE = (1, 2)
ISSUE_WEEKS = 6
ISSUE_READINGS_PER_WEEK = 3
ARTICLES_PER_LISTED_TRACK = 100  # N // 100 listed tracks
PLANNED_TRACKS = 2  # planned from one generated tag each, so they grow with N
PLANNED_MINUTES_PER_WEEK = 30
# 20 tags that content/tags.yml does not list yet: generated articles never land in the
# repository's own tracks (six-week-leadership reads tags, coaching-basics selects them).
ISSUE_TAGS = (
    "adaptability alignment authenticity confidence conflict culture delegation empathy focus "
    "goals habits hiring influence integrity meetings negotiation ownership prioritising "
    "strategy trust"
).split()


@dataclass(frozen=True)
class IssueCorpus:
    """What `make_issue_corpus` wrote, for reports and for picking an article to edit."""

    articles: int  # generated, beside the repository's own
    repository_articles: int
    listed_tracks: int
    planned_tracks: int
    repository_tracks: int
    words: int
    edit_slug: str  # a generated article pinned in week 1 of the first listed track
    edit_weeks: tuple[str, ...]  # URL folders of the listed week pages that read it

    @property
    def tracks(self) -> int:
        return self.listed_tracks + self.planned_tracks + self.repository_tracks


def issue_article_source(seed: int, index: int) -> tuple[str, str, int, list[str]]:
    """Article `index`: 300-1,300 words, one or two of the 20 tags; (slug, text, words, tags)."""
    rng = random.Random(f"issue-article-{seed}-{index}")
    title = _title(rng)
    slug = f"{title.lower().replace(' ', '-')}-{index:05d}"
    summary = " ".join(_sentence(rng) for _ in range(rng.randint(1, 2)))
    tags = rng.sample(ISSUE_TAGS, rng.randint(*ISSUE_TAGS_PER_ARTICLE))
    questions = [_question(rng) for _ in range(rng.randint(*QUESTIONS_PER_ARTICLE))]
    body, words = _body(rng, rng.randint(*ISSUE_WORDS))
    lines = [
        "---",
        f"title: {_quoted(title)}",
        f"summary: {_quoted(summary)}",
        f"tags: [{', '.join(tags)}]",
        "reflection:",
        *(f"  - {_quoted(question)}" for question in questions),
    ]
    if rng.random() < 0.5:
        day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))
        lines.append(f"date: {day.isoformat()}")
    lines += ["---", "", body]
    return slug, "\n".join(lines), words, tags


def listed_track_source(
    seed: int, index: int, slugs: list[str]
) -> tuple[str, str, list[list[str]]]:
    """Listed track `index`: 6 weeks of 3 pinned readings (`tags: []`); (id, text, weeks)."""
    rng = random.Random(f"issue-track-{seed}-{index}")
    chosen = rng.sample(slugs, ISSUE_WEEKS * ISSUE_READINGS_PER_WEEK)
    weeks = [
        chosen[w * ISSUE_READINGS_PER_WEEK : (w + 1) * ISSUE_READINGS_PER_WEEK]
        for w in range(ISSUE_WEEKS)
    ]
    lines = [
        f"title: {_quoted(f'{_title(rng)} Track {index + 1}')}",
        f"summary: {_quoted(_sentence(rng))}",
        "weeks:",
    ]
    for readings in weeks:
        lines += [
            f"  - title: {_quoted(_title(rng))}",
            f"    intro: {_quoted(_sentence(rng))}",
            "    tags: []",
            f"    articles: [{', '.join(readings)}]",
            "    prompts:",
            *(f"      - {_quoted(_question(rng))}" for _ in range(rng.randint(1, 3))),
        ]
    return f"track-{index + 1:03d}", "\n".join(lines) + "\n", weeks


def planned_track_source(tag: str, weeks: int = ISSUE_WEEKS) -> str:
    return (
        f"title: {_quoted(f'All about {tag}')}\n"
        f"summary: {_quoted(f'Every article tagged {tag}, spread over six weeks.')}\n"
        f"select:\n  tags: [{tag}]\n"
        f"weeks: {weeks}\n"
        f"minutes_per_week: {PLANNED_MINUTES_PER_WEEK}\n"
    )


def _merged_tags(setup_tags: Path) -> str:
    """The repository's content/tags.yml with the 20 generated tags appended."""
    text = setup_tags.read_text(encoding="utf-8") if setup_tags.exists() else ""
    added = [
        f"{tag}: {{title: {_quoted(tag.capitalize())}, "
        f"description: {_quoted(f'Generated benchmark tag {tag}.')}}}"
        for tag in ISSUE_TAGS
    ]
    return (
        text.rstrip("\n") + "\n# Generated by benchmarks/make_corpus.py\n" + "\n".join(added) + "\n"
    )


def make_issue_corpus(
    dest: Path, articles: int, seed: int = 0, setup: Path = REPO, listed_tracks: int | None = None
) -> IssueCorpus:
    """The benchmark corpus of the performance issue, written to `dest` (absent or empty).

    Beside the repository's own site (mkdocs.yml, docs/ with its home page and markers,
    overrides/, hooks/, and all of content/: its articles, tracks, assessment, cohort and
    tags), N generated articles of 300-1,300 words with one or two of 20 tags (added to
    content/tags.yml), N // 100 listed tracks of 6 weeks x 3 pinned readings (`tags: []`)
    and two tracks planned from one generated tag each (6 weeks, 30 minutes a week), which
    grow with N. Article `i` depends only on `(seed, i)`.
    """
    dest.mkdir(parents=True, exist_ok=True)
    if any(dest.iterdir()):
        raise FileExistsError(f"{dest} is not empty")
    shutil.copy(setup / "mkdocs.yml", dest / "mkdocs.yml")
    ignore = shutil.ignore_patterns("__pycache__", ".cache")
    for folder in ("docs", "overrides", "hooks", "content"):
        shutil.copytree(setup / folder, dest / folder, ignore=ignore)
    (dest / "src").mkdir()  # mkdocs.yml watches src/; the project is imported from elsewhere
    own_articles = len(list((dest / "content" / "articles").rglob("*.md")))
    own_tracks = len(list((dest / "content" / "tracks").glob("*.yml")))
    (dest / "content" / "tags.yml").write_text(
        _merged_tags(setup / "content" / "tags.yml"), encoding="utf-8"
    )
    article_dir = dest / "content" / "articles"
    track_dir = dest / "content" / "tracks"
    slugs, total_words = [], 0
    tag_counts: dict[str, int] = dict.fromkeys(ISSUE_TAGS, 0)
    for index in range(articles):
        slug, text, words, tags = issue_article_source(seed, index)
        for tag in tags:
            tag_counts[tag] += 1
        (article_dir / f"{slug}.md").write_text(text, encoding="utf-8")
        slugs.append(slug)
        total_words += words
    count = articles // ARTICLES_PER_LISTED_TRACK if listed_tracks is None else listed_tracks
    if count and articles < ISSUE_WEEKS * ISSUE_READINGS_PER_WEEK:
        raise ValueError(f"a listed track needs {ISSUE_WEEKS * ISSUE_READINGS_PER_WEEK} articles")
    first_weeks: list[list[str]] = []
    for index in range(count):
        track_id, text, weeks = listed_track_source(seed, index, slugs)
        (track_dir / f"{track_id}.yml").write_text(text, encoding="utf-8")
        if index == 0:
            first_weeks = weeks
    for tag in ISSUE_TAGS[:PLANNED_TRACKS]:
        # 6 weeks; fewer only for tiny corpora (N < ~150), where a tag has < 6 articles
        weeks = min(ISSUE_WEEKS, tag_counts[tag])
        if weeks:
            text = planned_track_source(tag, weeks)
            (track_dir / f"planned-{tag}.yml").write_text(text, encoding="utf-8")
    edit_slug = first_weeks[0][0] if first_weeks else (slugs[0] if slugs else "")
    return IssueCorpus(
        articles=articles,
        repository_articles=own_articles,
        listed_tracks=count,
        planned_tracks=PLANNED_TRACKS,
        repository_tracks=own_tracks,
        words=total_words,
        edit_slug=edit_slug,
        edit_weeks=("tracks/track-001/week-1/",) if first_weeks else (),
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path, help="folder to create (must be empty or absent)")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument(
        "--shape",
        choices=("issue", "legacy"),
        default="issue",
        help="issue: the benchmark corpus (repository content + N articles, N//100 listed and "
        "2 planned tracks); legacy: the small self-contained corpus the dirty-rebuild test uses",
    )
    parser.add_argument("--tracks", type=int, help="legacy: tracks (2); issue: listed tracks")
    parser.add_argument("--cohorts", type=int, default=0, help="legacy only; must be 0")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.shape == "legacy":
        tracks = 2 if args.tracks is None else args.tracks
        size = make_corpus(args.dest, args.articles, tracks, args.cohorts, args.seed)
        print(
            f"{args.dest}: {size.articles} articles ({size.words:,} words), "
            f"{size.tracks} tracks ({size.weeks} weeks)"
        )
        return
    corpus = make_issue_corpus(args.dest, args.articles, args.seed, listed_tracks=args.tracks)
    print(
        f"{args.dest}: {corpus.articles} generated + {corpus.repository_articles} repository "
        f"articles ({corpus.words:,} generated words); {corpus.tracks} tracks "
        f"({corpus.listed_tracks} listed, {corpus.planned_tracks} planned from tags, "
        f"{corpus.repository_tracks} of the repository)"
    )


if __name__ == "__main__":
    main()
