"""Escaping, links and small computations used by the page templates."""

from __future__ import annotations

import posixpath
import re

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from reading_program.load.article_body import count_words
from reading_program.load.specs import QuestionSpec
from reading_program.plan.questions import build_questions, derive_question_id
from reading_program.plan.reading_time import reading_minutes
from reading_program.render.templating import markdown_inline, page_meta
from reading_program.render.urls import directory_url, relative_href, relative_link, relative_path


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "[link](javascript:alert(1))",
        "*bold* _it_ `code` # not a heading",
        "Tom & Jerry's \\ back-slash",
    ],
)
def test_markdown_inline_renders_text_as_written(text: str) -> None:
    html = markdown.markdown(f"[{markdown_inline(text)}](target.md)")
    anchor = BeautifulSoup(html, "html.parser").a
    assert anchor.get_text() == text
    assert anchor["href"] == "target.md"
    assert anchor.find() is None  # no element inside: nothing was interpreted


def test_page_meta_escapes_title_and_description_only() -> None:
    meta = page_meta(title='<b>"x"</b>', description="a & b", tags=["t"], empty=None)
    assert meta == (
        '---\ntitle: "&lt;b&gt;&quot;x&quot;&lt;/b&gt;"\n'
        'description: "a &amp; b"\ntags: ["t"]\n---\n'
    )
    assert yaml.safe_load(meta.strip("-\n")) == {
        "title": "&lt;b&gt;&quot;x&quot;&lt;/b&gt;",
        "description": "a &amp; b",
        "tags": ["t"],
    }


@pytest.mark.parametrize(
    ("source", "target", "link", "href"),
    [
        ("index.md", "tags.md", "tags.md", "tags/"),
        ("tracks/t/week-1.md", "articles/a.md", "../../articles/a.md", "../../../articles/a/"),
        ("tracks/t/week-1.md", "tracks/t/index.md", "index.md", "../"),
        ("articles/index.md", "articles/a.md", "a.md", "a/"),
        ("articles/a.md", "index.md", "../index.md", "../../"),
    ],
)
def test_relative_links(source: str, target: str, link: str, href: str) -> None:
    assert relative_link(source, target).removeprefix("./") == link
    assert relative_href(source, target) == href


def test_relative_path_is_posix_relpath_for_site_paths() -> None:
    parts = ["", "a", "b", "a/b", "a/c", "a/b/c", "tracks/t/week-1", "x/y/z/w"]
    for target in parts:
        for start in parts:
            for trailing in ("", "/"):
                expected = posixpath.relpath(target or ".", start or ".")
                assert relative_path(target + trailing if target else "", start) == expected


@pytest.mark.parametrize(
    ("body", "words", "minutes"),
    [
        ("", 0, 1),
        ("one two three", 3, 1),
        (" ".join(["w"] * 230), 230, 1),
        (" ".join(["w"] * 231), 231, 2),
        ("A [linked phrase](https://example.org/a-b-c) here", 4, 1),
        ("<div class='x'>Two words</div>", 2, 1),
        ("don’t stop well-known", 3, 1),
        ("snake_case __init__ a-_b c_-d _e_", 8, 1),  # an underscore joins nothing
        ("'tis a--b x’y-z 日本語_テキスト", 6, 1),
    ],
)
def test_reading_time(body: str, words: int, minutes: int) -> None:
    assert count_words(body) == words
    assert reading_minutes(count_words(body)) == minutes


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (
            "What can I do to make my leadership skills stronger?",
            "What can I do to make my leadership skills stronger today?",
            True,
        ),
        (
            "Who can help me become a better leader?",
            "Who could help me become a better leader",
            True,
        ),
        ("Who can help me become a better leader?", "Which habit will you keep?", False),
    ],
)
def test_question_ids_survive_small_edits(first: str, second: str, same: bool) -> None:
    assert (derive_question_id(first) == derive_question_id(second)) is same


QUESTIONS_IN_OTHER_SCRIPTS = [
    ("Что вы сделаете на этой неделе?", "Кто вам поможет?", "Что вам мешает?"),
    ("Τι θα κάνετε αυτή την εβδομάδα;", "Ποιος θα σας βοηθήσει;", "Τι σας εμποδίζει;"),  # noqa: RUF001 - the script is the point
    ("今週は何をしますか？", "誰が助けてくれますか？", "何が邪魔していますか？"),  # noqa: RUF001 - the script is the point
    ("이번 주에 무엇을 하시겠습니까?", "누가 도와줄까요?", "무엇이 방해가 됩니까?"),
    ("ماذا ستفعل هذا الأسبوع؟", "من سيساعدك؟", "ما الذي يمنعك؟"),
    ("Что такое leadership для вас?", "Что такое leadership для команды?", "Кто?"),
]


@pytest.mark.parametrize("questions", QUESTIONS_IN_OTHER_SCRIPTS)
def test_question_ids_in_every_script_come_from_the_words_not_the_place(questions) -> None:
    def ids(texts):
        return {q.text: q.id for q in build_questions(QuestionSpec(text=t) for t in texts)}

    forward = ids(questions)
    assert len(set(forward.values())) == len(questions)
    assert ids(reversed(questions)) == forward  # reordered: every answer stays with its question
    assert ids(questions[1:]) == {t: forward[t] for t in questions[1:]}  # one deleted
    assert all(re.fullmatch(r"q-[0-9a-f]{8}", i) for i in forward.values())


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # ids answers are stored under: they must never change
        ("What can I do to make my leadership skills stronger?", "make-leadership-skills-stronger"),
        ("Café or tea: where do you think best?", "caf-tea-think-best"),
        ("Who is waiting for that decision?", "waiting-decision"),
        ("Was ist dein nächster Schritt?", "ist-dein-n-chster"),
    ],
)
def test_latin_question_ids_are_unchanged(text: str, expected: str) -> None:
    assert derive_question_id(text) == expected


def test_the_same_words_in_another_width_or_spacing_keep_their_id() -> None:
    assert derive_question_id("今週は何をしますか？") == derive_question_id(" 今週は何をしますか ?")  # noqa: RUF001 - the script is the point
    assert derive_question_id("Кто вам поможет?") == derive_question_id("кто  вам поможет")


@pytest.mark.parametrize(
    "src",
    [
        "index.md", "README.md", "guide.md", "guide/index.md", "guide/README.md",
        "journal.md", "journal/index.md", "tags/x.md", "a/b/c.md", "img/a.png",
        "cohorts/x/x-week-1.eml", "articles/a-z/b.md", "index.html",
    ],
)  # fmt: skip
def test_output_paths_are_the_files_mkdocs_writes(src: str) -> None:
    from mkdocs.structure.files import File

    from reading_program.render.urls import output_path

    made = File(src, "/docs", "/site", use_directory_urls=True)
    assert output_path(src) == made.dest_uri
    assert directory_url(src) == (made.url if src.endswith(".md") else src).removeprefix("./")


def test_every_page_and_file_at_one_address_is_named_with_the_other() -> None:
    from reading_program.render.links import clash_problems

    generated = {
        "journal.md": "the journal",
        "articles/lead.md": "content/articles/lead.md",
        "tags/x.md": "the site's tag page",
    }
    hand_written = {
        "journal/index.md": "docs/journal/index.md",
        "articles/lead/README.md": "docs/articles/lead/README.md",
        "tags/x/index.html": "docs/tags/x/index.html",
        "about.md": "docs/about.md",
        "about/index.md": "docs/about/index.md",
    }
    found = sorted(str(p) for p in clash_problems(generated, hand_written))
    assert found == [
        "docs/about.md: has the same address (/about/) as docs/about/index.md: rename or "
        "remove one of them",
        "docs/about/index.md: has the same address (/about/) as docs/about.md: rename or "
        "remove one of them",
        "docs/articles/lead/README.md: has the same address as content/articles/lead.md, "
        "which the site is built from: rename or remove one of them",
        "docs/journal/index.md: the site makes this page itself (the journal): rename or "
        "remove the file",
        "docs/tags/x/index.html: the site makes this file itself (the site's tag page): "
        "rename or remove the file",
    ]
