"""Bodies crafted to make Markdown slow are refused at once, in plain words; ordinary
long bodies are not. Python-Markdown's time grows faster than the text for some shapes
(brackets, tags never closed, headings, list items, code fences, deep nesting): the
renderer checks them in one pass first."""

from __future__ import annotations

import time

import pytest

from reading_program.load.markdown_render import Renderer

CRAFTED = [  # each took from 3 s to minutes before it was refused
    pytest.param("[a](" * 10_000, "this paragraph holds more [", id="open-links"),
    pytest.param("[" * 30_000, "this paragraph holds more [", id="brackets"),
    pytest.param("<a " * 10_000, "HTML tags that are never closed", id="unclosed-tags"),
    pytest.param("<a " * 150 + "word " * 20_000, "never closed", id="unclosed-tags-long-body"),
    pytest.param("## a\n\n" * 10_000, "10,000 headings", id="headings"),
    pytest.param("- \n" * 40_000, "40,000 list items", id="list-items"),
    pytest.param("```\n" * 30_000, "30,000 code fences", id="fences"),
    pytest.param("> " * 2_000 + "x", "nests lists or quotes 2,000 deep", id="quotes"),
    pytest.param("- " * 2_000 + "x", "nests lists or quotes 2,000 deep", id="lists"),
]


@pytest.mark.parametrize(("body", "told"), CRAFTED)
def test_a_crafted_body_is_refused_fast_in_plain_words(body: str, told: str) -> None:
    started = time.perf_counter()
    rendered = Renderer().render(body, 11, "content/articles/x.md", article=True)
    assert time.perf_counter() - started < 2  # a generous bound: minutes before
    [problem] = rendered.problems
    assert told in problem.message
    assert problem.repo_path == "content/articles/x.md" and problem.line >= 11
    assert rendered.html == ""


@pytest.mark.slow
def test_a_long_ordinary_body_is_rendered() -> None:
    """Far more of each shape than an article holds, but below the bounds: all rendered."""
    paragraph = "A [link](other.md), [another](https://example.org) and <abbr>OK</abbr>.\n\n"
    body = "".join(
        [
            "".join(f"## Part {n}\n\n{paragraph * 5}" for n in range(300)),
            "- an item\n" * 1_500,
            "\n```\ncode\n```\n" * 200,
            "\n" + "> " * 20 + "deep\n",
        ]
    )
    rendered = Renderer().render(body, 1, "content/articles/x.md", article=True)
    assert rendered.problems == ()
    assert rendered.html.count("<h2") == 300
    assert rendered.html.count("<li>") == 1_500
