"""Loading content: every bad input is named by file, line, field and expectation."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_helpers import TRACK_YAML, article_text, write_files

from reading_program.loader import ContentPaths, load_library
from reading_program.models import Library
from reading_program.problems import ContentError

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

BAD_ARTICLES = [
    pytest.param(
        fm("title: Week 1: Intro\n" + VALID_FIELDS),
        "content/articles/a.md:2: invalid YAML: mapping values are not allowed",
        id="unquoted-colon",
    ),
    pytest.param(
        fm('title: "A"\n' + VALID_FIELDS + 'title: "B"\n'),
        "content/articles/a.md:6: title: duplicate key (first given on line 2)",
        id="duplicate-key",
    ),
    pytest.param(
        fm("title: true\n" + VALID_FIELDS),
        "content/articles/a.md:2: title: expected text, got true/false (true) (put it in quotes)",
        id="boolean-title",
    ),
    pytest.param(
        fm("title: 42\n" + VALID_FIELDS),
        "content/articles/a.md:2: title: expected text, got a number (42) (put it in quotes)",
        id="number-title",
    ),
    pytest.param(
        "---\n- title\n- summary\n---\n\nText.\n",
        "content/articles/a.md:2: frontmatter must be a mapping of fields (key: value), got a list",
        id="list-instead-of-mapping",
    ),
    pytest.param(
        '---\ntitle: "A"\n' + VALID_FIELDS + "\nText.\n",
        "content/articles/a.md:1: frontmatter is not closed: add a line '---'",
        id="missing-closing-fence",
    ),
    pytest.param(
        "Just text, no frontmatter.\n",
        "content/articles/a.md:1: missing frontmatter: the file must start with '---'",
        id="no-frontmatter",
    ),
    pytest.param(
        fm(VALID_FIELDS),
        "content/articles/a.md:1: title: required field is missing",
        id="missing-title",
    ),
    pytest.param(
        fm('title: "  "\n' + VALID_FIELDS),
        "content/articles/a.md:2: title: must not be empty",
        id="empty-title",
    ),
    pytest.param(
        fm("title:\n" + VALID_FIELDS),
        "content/articles/a.md:2: title: expected text, got nothing (an empty value)",
        id="title-without-value",
    ),
    pytest.param(
        fm('title: "A"\nsummary: "S."\ntag: [a]\nreflection: ["1?", "2?", "3?"]\n'),
        "content/articles/a.md:4: tag: unknown field; allowed fields are title, summary, tags, "
        "reflection, date, level, author, source; did you mean 'tags'?",
        id="unknown-key",
    ),
    pytest.param(
        fm('title: "A"\nsummary: "S."\ntags: [Leadership]\nreflection: ["1?", "2?", "3?"]\n'),
        "content/articles/a.md:4: tags[0]: 'Leadership' is not a slug",
        id="tag-not-slug",
    ),
    pytest.param(
        fm('title: "A"\nsummary: "S."\ntags: []\nreflection: ["1?", "2?", "3?"]\n'),
        "content/articles/a.md:4: tags: needs at least 1 item, got 0",
        id="no-tags",
    ),
    pytest.param(
        fm('title: "A"\nsummary: "S."\ntags: leadership\nreflection: ["1?", "2?", "3?"]\n'),
        "content/articles/a.md:4: tags: expected a list (one '- item' per line), got text",
        id="tags-not-a-list",
    ),
    pytest.param(
        fm('title: "A"\nsummary: "S."\ntags: [a, a]\nreflection: ["1?", "2?", "3?"]\n'),
        "content/articles/a.md:4: tags: lists a more than once",
        id="duplicate-tag",
    ),
    pytest.param(
        fm('title: "A"\nsummary: "S."\ntags: [a]\nreflection:\n  - "1?"\n  - ""\n  - "3?"\n'),
        "content/articles/a.md:7: reflection[1].text: must not be empty",
        id="empty-question",
    ),
    pytest.param(
        fm('title: "A"\nsummary: "S."\ntags: [a]\nreflection: ["1?", "2?"]\n'),
        "content/articles/a.md:5: reflection: needs at least 3 items, got 2",
        id="too-few-questions",
    ),
    pytest.param(
        fm('title: "A"\nsummary: "One. Two. Three."\ntags: [a]\nreflection: ["1?", "2?", "3?"]\n'),
        "content/articles/a.md:3: summary: must be 1-2 sentences, found 3",
        id="long-summary",
    ),
    pytest.param(
        fm('title: "A"\n' + VALID_FIELDS + "date: 2024-13-45\n"),
        "content/articles/a.md:6: date: expected a date as YYYY-MM-DD, got '2024-13-45'",
        id="bad-date",
    ),
    pytest.param(
        fm('title: "A"\n' + VALID_FIELDS + "date: 0\n"),
        "content/articles/a.md:6: date: expected a date as YYYY-MM-DD, got a number (0)",
        id="number-as-date",
    ),
    pytest.param(
        fm('title: "A"\n' + VALID_FIELDS + "reading_time: 5\n"),
        "content/articles/a.md:6: reading_time: unknown field",
        id="hand-written-reading-time",
    ),
    pytest.param(
        b'---\ntitle: "Caf\xe9"\n---\n',
        "content/articles/a.md:2: not valid UTF-8 (byte 0xe9); save the file as UTF-8",
        id="latin-1-bytes",
    ),
    pytest.param(
        fm('title: "A"\n' + VALID_FIELDS).replace("Text.", ""),
        "content/articles/a.md:7: the article has no text below ---",
        id="empty-body",
    ),
]


@pytest.mark.parametrize(("source", "expected"), BAD_ARTICLES)
def test_bad_article_is_reported_precisely(tmp_path: Path, source: str, expected: str) -> None:
    reported = problems(tmp_path, {ARTICLE: source})
    assert any(line.startswith(expected) for line in reported), reported


@pytest.mark.parametrize(
    "answer",
    ["NO", "on", "yes", "off"],
)
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


def test_two_articles_with_one_slug_are_reported(tmp_path: Path) -> None:
    reported = problems(
        tmp_path,
        {"content/articles/one/lead.md": GOOD, "content/articles/two/lead.md": GOOD},
    )
    assert reported == [
        "content/articles/two/lead.md: two articles have the slug 'lead': "
        "content/articles/one/lead.md and content/articles/two/lead.md; rename one"
    ]


def test_file_name_must_be_a_slug(tmp_path: Path) -> None:
    reported = problems(tmp_path, {"content/articles/My Article.md": GOOD})
    assert reported == [
        "content/articles/My Article.md: file name 'My Article.md' is not a slug: "
        "use lowercase letters, digits, hyphens"
    ]


def test_track_file_problems_name_the_field(tmp_path: Path) -> None:
    bad_track = TRACK_YAML.replace('    prompts: ["What did you notice?"]\n', "    prompts: []\n")
    reported = problems(
        tmp_path,
        {
            "content/articles/lead.md": article_text(tags="[leadership]"),
            "content/articles/coach.md": article_text(tags="[coaching]"),
            "content/tracks/two-weeks.yml": bad_track,
        },
    )
    assert reported == [
        "content/tracks/two-weeks.yml:7: weeks[0].prompts: needs at least 1 item, got 0"
    ]


def test_track_file_that_is_a_list_is_reported(tmp_path: Path) -> None:
    reported = problems(tmp_path, {ARTICLE: GOOD, "content/tracks/t.yml": "- a\n- b\n"})
    assert reported == [
        "content/tracks/t.yml:1: a track file must be a mapping of fields (key: value), got a list"
    ]


def test_article_is_loaded_with_computed_fields(tmp_path: Path) -> None:
    words = " ".join(["word"] * 231)
    library = load(tmp_path, {ARTICLE: article_text(body=words + "\n", extra="date: 2024-03-01\n")})
    [article] = library.articles
    assert article.slug == "a"
    assert article.source_path == "content/articles/a.md"
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


def test_unknown_tag_suggests_the_closest_allowed_one(tmp_path: Path) -> None:
    reported = problems(
        tmp_path,
        {"content/tags.yml": TAGS_YML, ARTICLE: article_text(tags="[coaching, leadrship]")},
    )
    assert reported == [
        "content/articles/a.md:4: tags[1]: unknown tag 'leadrship'; did you mean 'leadership'? "
        "(tags are listed in content/tags.yml)"
    ]


def test_tags_file_gives_titles_and_descriptions(tmp_path: Path) -> None:
    library = load(tmp_path, {"content/tags.yml": TAGS_YML, ARTICLE: GOOD})
    assert [(t.slug, t.title) for t in library.tags] == [
        ("coaching", "Coaching"),
        ("leadership", "Leadership"),
    ]


def test_bad_tags_file_is_reported(tmp_path: Path) -> None:
    reported = problems(tmp_path, {"content/tags.yml": "Leadership: {title: L}\n", ARTICLE: GOOD})
    assert "content/tags.yml:1: Leadership: 'Leadership' is not a slug" in " ".join(reported)
    assert any("Leadership.description: required field is missing" in r for r in reported)


def test_placeholders_from_the_scaffold_are_errors(tmp_path: Path) -> None:
    reported = problems(tmp_path, {ARTICLE: article_text(summary="TODO: write this.")})
    assert reported == [
        "content/articles/a.md:3: summary: still the placeholder 'TODO: write this.': "
        "write the real text"
    ]


def test_tag_that_is_not_a_slug_gets_its_normalised_form_suggested(tmp_path: Path) -> None:
    reported = problems(tmp_path, {ARTICLE: article_text(tags='["Follow Up"]')})
    assert reported == [
        "content/articles/a.md:4: tags[0]: 'Follow Up' is not a slug: use lowercase letters, "
        "digits and single hyphens; did you mean 'follow-up'?"
    ]
