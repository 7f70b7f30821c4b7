"""Loading content: every bad input is named by file, line, field in plain words, and fix."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from site_helpers import TRACK_YAML, article_text, write_files

from reading_program.load.paths import ContentPaths
from reading_program.load.problems import ContentError
from reading_program.model import Library
from reading_program.plan.library import load_library

GOOD = article_text()
ARTICLE = "content/articles/a.md"


def load(root: Path, files: dict[str, str | bytes]) -> Library:
    write_files(root, files)
    return load_library(ContentPaths(root))


def problems(root: Path, files: dict[str, str | bytes]) -> list[str]:
    with pytest.raises(ContentError) as error:
        load(root, files)
    return [str(problem) for problem in error.value.problems]


def fm(body: str) -> str:
    """An article whose frontmatter is exactly `body`."""
    return f"---\n{body}---\n\nText.\n"


VALID_FIELDS = 'summary: "S."\ntags: [a]\nreflection: ["One?", "Two?", "Three?"]\n'  # lines 3-5
REFLECTION = 'reflection: ["1?", "2?", "3?"]\n'

BAD_ARTICLES = [
    pytest.param(
        fm("title: Week 1: Intro\n" + VALID_FIELDS),
        "content/articles/a.md:2: a ': ' inside a value makes YAML read it as a new field; "
        'put text that contains ": " or starts with a special character in double quotes',
        id="unquoted-colon",
    ),
    pytest.param(
        fm('title: "Week 1\n' + VALID_FIELDS),
        (
            "content/articles/a.md:2: this quoted text is not closed on its line: add the closing "
            'quote (")'
        ),
        id="unclosed-quote-points-at-its-line",
    ),
    pytest.param(
        fm(
            'title: "A"\nsummary: "S."\ntags: [a]\nreflection:\n  - "One?"\n'
            '  - Who is waiting: the team?\n  - "Three?"\n'
        ),
        "content/articles/a.md:7: question 2: this text contains ': ', which YAML reads as a "
        'field name; put it in double quotes: - "Who is waiting: the team?"',
        id="colon-in-question",
    ),
    pytest.param(
        fm('title: "A"\n' + VALID_FIELDS + 'title: "B"\n'),
        "content/articles/a.md:6: title: 'title' is given twice (first on line 2); keep one",
        id="duplicate-key",
    ),
    pytest.param(
        fm("title: true\n" + VALID_FIELDS),
        (
            "content/articles/a.md:2: title: expected text, found true/false (true): put it in "
            "double quotes"
        ),
        id="boolean-title",
    ),
    pytest.param(
        fm("title: 42\n" + VALID_FIELDS),
        (
            "content/articles/a.md:2: title: expected text, found a number (42): put it in double "
            "quotes"
        ),
        id="number-title",
    ),
    pytest.param(
        "---\n- title\n- summary\n---\n\nText.\n",
        "content/articles/a.md:1: the frontmatter must hold fields (name: value), one per "
        "line, but it holds a list",
        id="list-instead-of-mapping",
    ),
    pytest.param(
        '---\ntitle: "A"\n' + VALID_FIELDS + "\nText.\n",
        "content/articles/a.md:1: the frontmatter is not closed: add a line '---'",
        id="missing-closing-fence",
    ),
    pytest.param(
        "Just text, no frontmatter.\n",
        "content/articles/a.md:1: has no frontmatter: the file must start with a line '---'",
        id="no-frontmatter",
    ),
    pytest.param(
        fm(VALID_FIELDS),
        "content/articles/a.md:1: title: is missing: add a line 'title: ...'",
        id="missing-title",
    ),
    pytest.param(
        fm('title: "  "\n' + VALID_FIELDS),
        "content/articles/a.md:2: title: is empty: write the text, or remove the line",
        id="empty-title",
    ),
    pytest.param(
        fm("title:\n" + VALID_FIELDS),
        "content/articles/a.md:2: title: expected text, found nothing (an empty value)",
        id="title-without-value",
    ),
    pytest.param(
        fm('title: "Two\\nlines"\n' + VALID_FIELDS),
        "content/articles/a.md:2: title: must be one line: remove the line break",
        id="line-break-in-title",
    ),
    pytest.param(
        fm('title: "A"\nsummary: "S."\ntag: [a]\n' + REFLECTION),
        "content/articles/a.md:4: 'tag' is not a field here; did you mean 'tags'? allowed fields "
        "are title, summary, tags, reflection, date, level, author, source",
        id="unknown-key",
    ),
    pytest.param(
        fm('title: "A"\nsummary: "S."\ntags: [Leadership]\n' + REFLECTION),
        "content/articles/a.md:4: tag 1: 'Leadership' is not a valid id: use lowercase letters, "
        "digits and single hyphens, e.g. 'leadership'",
        id="tag-not-slug",
    ),
    pytest.param(
        fm('title: "A"\nsummary: "S."\ntags: []\n' + REFLECTION),
        "content/articles/a.md:4: tags: needs at least 1 item, found 0: add more",
        id="no-tags",
    ),
    pytest.param(
        fm('title: "A"\nsummary: "S."\ntags: leadership\n' + REFLECTION),
        (
            "content/articles/a.md:4: tags: expected a list (one '- item' per line, or [a, b]), "
            "found 'leadership'"
        ),
        id="tags-not-a-list",
    ),
    pytest.param(
        fm('title: "A"\nsummary: "S."\ntags: [a, a]\n' + REFLECTION),
        "content/articles/a.md:4: tags: lists a more than once: keep one",
        id="duplicate-tag",
    ),
    pytest.param(
        fm('title: "A"\nsummary: "S."\ntags: [a]\nreflection:\n  - "1?"\n  - ""\n  - "3?"\n'),
        "content/articles/a.md:7: question 2: is empty: write the text, or remove the line",
        id="empty-question",
    ),
    pytest.param(
        fm('title: "A"\nsummary: "S."\ntags: [a]\nreflection: ["1?", "2?"]\n'),
        "content/articles/a.md:5: reflection: needs at least 3 items, found 2: add more",
        id="too-few-questions",
    ),
    pytest.param(
        fm('title: "A"\nsummary: "One. Two. Three."\ntags: [a]\n' + REFLECTION),
        "content/articles/a.md:3: summary: must be one or two sentences, found 3: shorten it",
        id="long-summary",
    ),
    pytest.param(
        fm('title: "A"\n' + VALID_FIELDS + "date: 2024-13-45\n"),
        (
            "content/articles/a.md:6: date: 2024-13-45 is not a day of the calendar (check month "
            "and day)"
        ),
        id="bad-date",
    ),
    pytest.param(
        fm('title: "A"\n' + VALID_FIELDS + "date: 0\n"),
        "content/articles/a.md:6: date: expected a date written YYYY-MM-DD, such as 2027-01-11",
        id="number-as-date",
    ),
    pytest.param(
        fm('title: "A"\n' + VALID_FIELDS + 'date: "0"\n'),
        "content/articles/a.md:6: date: expected a date written YYYY-MM-DD, such as 2027-01-11",
        id="quoted-number-as-date",
    ),
    pytest.param(
        fm('title: "A"\n' + VALID_FIELDS + "level: 7\n"),
        "content/articles/a.md:6: level: is 7; it must be 5 or less",
        id="level-out-of-range",
    ),
    pytest.param(
        fm('title: "A"\n' + VALID_FIELDS + "level: high\n"),
        "content/articles/a.md:6: level: expected a whole number, found 'high'",
        id="level-not-a-number",
    ),
    pytest.param(
        fm('title: "A"\n' + VALID_FIELDS + "reading_time: 5\n"),
        "content/articles/a.md:6: 'reading_time' is not a field here",
        id="hand-written-reading-time",
    ),
    pytest.param(
        b'---\ntitle: "Caf\xe9"\n---\n',
        "content/articles/a.md:2: is not valid UTF-8 (byte 0xe9): save the file as UTF-8",
        id="latin-1-bytes",
    ),
    pytest.param(
        fm('title: "A"\n' + VALID_FIELDS).replace("Text.", ""),
        "content/articles/a.md:7: has no text below the frontmatter",
        id="empty-body",
    ),
    pytest.param(
        fm('title: "A"\ntitle_x: &a [*a]\n' + VALID_FIELDS),
        "content/articles/a.md:3: an alias (*name) is used inside the value it names",
        id="recursive-alias",
    ),
]


@pytest.mark.parametrize(("source", "expected"), BAD_ARTICLES)
def test_bad_article_is_reported_precisely(tmp_path: Path, source: str, expected: str) -> None:
    reported = problems(tmp_path, {ARTICLE: source})
    assert any(line.startswith(expected) for line in reported), reported


@pytest.mark.parametrize("answer", ["NO", "on", "yes", "off"])
def test_yaml_1_1_booleans_are_text_where_text_is_expected(tmp_path: Path, answer: str) -> None:
    library = load(tmp_path, {ARTICLE: fm(f"title: {answer}\n" + VALID_FIELDS)})
    assert library.articles[0].title == answer


def test_bom_and_crlf_simply_work(tmp_path: Path) -> None:
    source = "\ufeff" + article_text(title="Windows", body="Line one.\nLine two.\n")
    library = load(tmp_path, {ARTICLE: source.replace("\n", "\r\n").encode("utf-8")})
    [article] = library.articles
    assert article.title == "Windows"
    assert article.body == "Line one.\nLine two.\n"


def test_all_problems_of_all_files_are_reported_at_once(tmp_path: Path) -> None:
    reported = problems(
        tmp_path,
        {
            "content/articles/a.md": fm('title: "A"\n'),
            "content/articles/b.md": b"---\n\xff\n---\n",
            "content/tracks/t.yml": "title: [x]\n",
        },
    )
    paths = {line.split(":")[0] for line in reported}
    assert paths == {"content/articles/a.md", "content/articles/b.md", "content/tracks/t.yml"}
    assert len(reported) >= 5  # a.md misses summary, tags, reflection


def test_no_message_carries_pydantic_wording(tmp_path: Path) -> None:
    reported = problems(
        tmp_path,
        {
            ARTICLE: fm(
                'title: [x]\nsummary: 3\ntags: {a: 1}\nreflection: "x"\nlevel: 2.5\ndate: yes\n'
            ),
            "content/tracks/t.yml": (
                'title: "T"\nsummary: "S"\n'
                "weeks: [{title: 1, intro: [], prompts: {}, assessment: later}]\n"
            ),
        },
    )
    text = "\n".join(reported)
    for raw in ("Input should", "valid integer", "[0]", "type=", "Field required"):
        assert raw not in text, text


# ---- one loader for every kind: names, ids, odd files ------------------------------------

TRACK_FILES = {
    "content/articles/lead.md": article_text(tags="[leadership]"),
    "content/articles/coach.md": article_text(tags="[coaching]"),
}


def test_one_id_in_two_files_is_an_error_for_every_kind(tmp_path: Path) -> None:
    reported = problems(
        tmp_path,
        {
            **TRACK_FILES,
            "content/tracks/two.yml": TRACK_YAML,
            "content/tracks/two.yaml": TRACK_YAML,
            "content/articles/one/lead.md": GOOD,
        },
    )
    assert (
        "content/tracks/two.yml: has the same id as content/tracks/two.yaml (a track's id "
        "is its file name): rename or remove one of them"
    ) in reported
    assert any(
        line.startswith("content/articles/one/lead.md: has the same id as content/articles/lead.md")
        for line in reported
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "content/articles/UPPER.MD",
            "content/articles/UPPER.MD: rename it to UPPER.md: article files end in .md",
        ),
        ("content/articles/x.markdown", "content/articles/x.markdown: rename it to x.md"),
        (
            "content/tracks/coaching-basics.YML",
            "content/tracks/coaching-basics.YML: rename it to coaching-basics.yml",
        ),
        (
            "content/tracks/notes.txt",
            "content/tracks/notes.txt: is not a track file (tracks are .yml files)",
        ),
        (
            "content/articles/index.md",
            "content/articles/index.md: the id 'index' is taken by the site's own page /articles/",
        ),
        (
            "content/cohorts/index.yml",
            "content/cohorts/index.yml: the id 'index' is taken by the site's own page /cohorts/",
        ),
        (
            "content/articles/My Article.md",
            "content/articles/My Article.md: the file name 'My Article.md' is not a valid id",
        ),
        ("content/articles/Équipe Zürich.md", "rename it to equipe-zurich.md"),
        ("content/tags.yaml", "content/tags.yaml: rename it to tags.yml"),
        (
            "content/track/x.yml",
            "content/track: is not a content folder or file; did you mean content/tracks?",
        ),
    ],
)
def test_misnamed_files_are_named_with_the_fix(tmp_path: Path, name: str, expected: str) -> None:
    reported = problems(tmp_path, {ARTICLE: GOOD, name: GOOD})
    assert any(expected in line for line in reported), reported


@pytest.mark.parametrize("leftover", [".#a.md", "a.md~", ".a.md.swp", "#a.md#", ".DS_Store"])
def test_editor_leftovers_are_ignored(tmp_path: Path, leftover: str) -> None:
    library = load(tmp_path, {ARTICLE: GOOD, f"content/articles/{leftover}": "junk \xff"})
    assert [a.slug for a in library.articles] == ["a"]


def test_odd_entries_are_one_line_problems_not_tracebacks(tmp_path: Path) -> None:
    write_files(tmp_path, {ARTICLE: GOOD, "outside/secret.md": GOOD})
    articles = tmp_path / "content/articles"
    (articles / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    (articles / "folder.md").mkdir()
    outside = tmp_path.parent / f"{tmp_path.name}-outside.md"
    outside.write_text(GOOD)
    (articles / "escapes.md").symlink_to(outside)
    (articles / "inside.md").symlink_to(tmp_path / "outside/secret.md")
    reported = problems(tmp_path, {})
    assert any(
        r.startswith("content/articles/dangling.md: is a link to") and "does not exist" in r
        for r in reported
    )
    assert (
        "content/articles/folder.md: is a folder, not a file: move its contents up, or remove it"
        in reported
    )
    assert any(
        r.startswith("content/articles/escapes.md: is a link to") and "outside the repository" in r
        for r in reported
    )
    assert not any("inside.md" in r for r in reported)  # a link within the repository is fine


def test_unreadable_file_is_one_line(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    write_files(tmp_path, {ARTICLE: GOOD})
    (tmp_path / ARTICLE).chmod(0)
    assert problems(tmp_path, {}) == ["content/articles/a.md: cannot be read (Permission denied)"]


def test_missing_content_folder_is_reported(tmp_path: Path) -> None:
    assert problems(tmp_path, {}) == [
        "content: is missing: create content/articles/ and content/tracks/ next to mkdocs.yml"
    ]


# ---- hostile YAML: refused fast, in every kind of file -------------------------------------

BILLION_LAUGHS = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


@pytest.mark.parametrize(
    "name",
    [
        "content/tracks/t.yml",
        "content/cohorts/c.yml",
        "content/assessments/x.yml",
        "content/tags.yml",
        ARTICLE,
    ],
)
@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (BILLION_LAUGHS, "expands to more than 50,000 values through YAML aliases"),
        ("x: &a [*a]\n", "an alias (*name) is used inside the value it names"),
        ("x: " + "[" * 5000 + "]" * 5000 + "\n", "the values nest more than 32 levels deep"),
        (
            "x: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n",
            "the values nest more than 32 levels deep",
        ),
    ],
    ids=["alias-bomb", "recursive-alias", "deep-brackets", "deep-mappings"],
)
def test_hostile_yaml_is_refused_fast(
    tmp_path: Path, name: str, payload: str, expected: str
) -> None:
    text = f"---\n{payload}---\n\nText.\n" if name.endswith(".md") else payload
    started = time.perf_counter()
    reported = problems(tmp_path, {name: text})
    assert time.perf_counter() - started < 5  # a generous bound: the bomb took minutes before
    assert any(name in line and expected in line for line in reported), reported


def test_aliases_in_moderation_still_work(tmp_path: Path) -> None:
    source = fm('title: &t "Shared"\nsummary: *t\ntags: [a]\nreflection: ["1?", "2?", "3?"]\n')
    [article] = load(tmp_path, {ARTICLE: source}).articles
    assert article.summary == "Shared"


# ---- what articles become ------------------------------------------------------------------


def test_track_file_problems_name_the_field_in_plain_words(tmp_path: Path) -> None:
    bad_track = TRACK_YAML.replace('    prompts: ["What did you notice?"]\n', "    prompts: []\n")
    reported = problems(tmp_path, {**TRACK_FILES, "content/tracks/two-weeks.yml": bad_track})
    assert reported == [
        "content/tracks/two-weeks.yml:7: week 1, prompts: needs at least 1 item, found 0: add more"
    ]


def test_track_file_that_is_a_list_is_reported(tmp_path: Path) -> None:
    reported = problems(tmp_path, {ARTICLE: GOOD, "content/tracks/t.yml": "- a\n- b\n"})
    assert reported == [
        (
            "content/tracks/t.yml:1: a track file must hold fields (name: value), one per line, "
            "but it holds a list"
        )
    ]


def test_listed_tracks_stop_at_52_weeks(tmp_path: Path) -> None:
    week = '  - {title: "W", intro: "I.", tags: [leadership], prompts: ["P?"]}\n'
    track = 'title: "Long"\nsummary: "S."\nweeks:\n' + week * 53
    reported = problems(tmp_path, {**TRACK_FILES, "content/tracks/long.yml": track})
    assert reported == ["content/tracks/long.yml:3: weeks: has 53 items; at most 52 are allowed"]


def test_article_is_loaded_with_computed_fields(tmp_path: Path) -> None:
    words = " ".join(["word"] * 231)
    library = load(tmp_path, {ARTICLE: article_text(body=words + "\n", extra="date: 2024-03-01\n")})
    [article] = library.articles
    assert article.slug == "a"
    assert article.repo_path == "content/articles/a.md"
    assert article.reading_minutes == 2  # 231 words at 230 wpm, rounded up
    assert str(article.date) == "2024-03-01"
    assert len(article.content_hash) == 12


def test_question_ids_can_be_pinned(tmp_path: Path) -> None:
    source = fm(
        'title: "A"\nsummary: "S."\ntags: [a]\nreflection:\n'
        '  - {id: my-own-id, text: "Reworded question?"}\n  - "Two?"\n  - "Three?"\n'
    )
    [article] = load(tmp_path, {ARTICLE: source}).articles
    assert article.reflection[0].id == "my-own-id"


TAGS_YML = """\
leadership: {title: "Leadership", description: "Leading people."}
coaching: {title: "Coaching", description: "Helping people grow."}
"""


def test_unknown_tag_suggests_the_closest_and_how_to_add_it(tmp_path: Path) -> None:
    reported = problems(
        tmp_path,
        {"content/tags.yml": TAGS_YML, ARTICLE: article_text(tags="[coaching, leadrship]")},
    )
    assert reported == [
        "content/articles/a.md:4: tag 2: 'leadrship' is not in content/tags.yml; did you mean "
        "'leadership'? Or add it there with a line "
        '`leadrship: {title: "...", description: "..."}`'
    ]


def test_tags_file_gives_titles_and_descriptions(tmp_path: Path) -> None:
    library = load(tmp_path, {"content/tags.yml": TAGS_YML, ARTICLE: GOOD})
    assert [(t.slug, t.title) for t in library.tags] == [
        ("coaching", "Coaching"),
        ("leadership", "Leadership"),
    ]


def test_bad_tags_file_names_the_tag_and_the_allowed_fields(tmp_path: Path) -> None:
    reported = problems(
        tmp_path,
        {
            "content/tags.yml": (
                'Leadership: {title: "L", description: "D."}\n'
                'coaching: {titel: "C", description: "D."}\n'
            ),
            ARTICLE: GOOD,
        },
    )
    assert (
        "content/tags.yml:1: tag Leadership: 'Leadership' is not a valid id: use lowercase "
        "letters, digits and single hyphens, e.g. 'leadership'"
    ) in reported
    assert (
        "content/tags.yml:2: tag coaching: 'titel' is not a field here; did you mean 'title'? "
        "allowed fields are title, description"
    ) in reported


def test_placeholders_from_the_scaffold_are_errors(tmp_path: Path) -> None:
    reported = problems(
        tmp_path,
        {ARTICLE: article_text(summary="TODO: write this.", body="Write the article here.\n")},
    )
    assert reported == [
        (
            "content/articles/a.md:3: summary: is still the placeholder 'TODO: write this.': "
            "write the real text"
        ),
        (
            "content/articles/a.md:11: the text is still the placeholder "
            "'Write the article here.': write the article"
        ),
    ]


def test_unfinished_articles_can_be_allowed(tmp_path: Path) -> None:
    write_files(tmp_path, {ARTICLE: article_text(summary="TODO: write this.")})
    library = load_library(ContentPaths(tmp_path), allow_unfinished=True)
    assert [a.slug for a in library.articles] == ["a"]


def test_two_tags_may_not_share_a_title(tmp_path: Path) -> None:
    tags = TAGS_YML + 'coach: {title: "COACHING!", description: "Again."}\n'
    reported = problems(tmp_path, {"content/tags.yml": tags, ARTICLE: GOOD})
    assert reported == [
        "content/tags.yml:3: tag coach, title: 'COACHING!' is also the title of the tag "
        "'coaching'; readers would take them for one tag: give each its own title"
    ]


def _fifo(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)


def _socket(path: Path) -> None:
    import socket

    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()


def _device(path: Path) -> None:
    path.symlink_to("/dev/zero")  # a device, reached through a link that stays on the machine


def _self_loop(path: Path) -> None:
    path.symlink_to(path.name)


SPECIAL_FILES = [
    pytest.param(
        "content/articles/pipe.md", _fifo, "is a named pipe (FIFO), not a file", id="fifo"
    ),
    pytest.param("content/articles/s.md", _socket, "is a socket, not a file", id="socket"),
    pytest.param(
        "content/tracks/t.yml", _fifo, "is a named pipe (FIFO), not a file", id="fifo-track"
    ),
    pytest.param("content/tags.yml", _fifo, "is a named pipe (FIFO), not a file", id="fifo-tags"),
    pytest.param("content/articles/self.md", _self_loop, "leads back to itself", id="link-loop"),
    pytest.param("content/articles/zero.md", _device, "", id="device"),
]


@pytest.mark.parametrize(("where", "make", "words"), SPECIAL_FILES)
def test_special_files_are_refused_without_waiting(
    tmp_path: Path, where: str, make, words: str
) -> None:
    write_files(tmp_path, {ARTICLE: GOOD})
    make(tmp_path / where)
    started = time.monotonic()
    reported = problems(tmp_path, {})
    assert time.monotonic() - started < 30  # a pipe would block forever: any bound will do
    [problem] = [r for r in reported if r.startswith(f"{where}: ")]
    assert words in problem


def test_a_folder_link_that_loops_is_named(tmp_path: Path) -> None:
    write_files(tmp_path, {ARTICLE: GOOD})
    (tmp_path / "content/articles/more").symlink_to("..")
    (tmp_path / "content/articles/again").symlink_to(".")
    reported = problems(tmp_path, {})
    assert (
        "content/articles/again: is a link to content/articles, a folder that holds it (a loop): "
        "remove the link" in reported
    )
    assert any(r.startswith("content/articles/more: is a link to content") for r in reported)
