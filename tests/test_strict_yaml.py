"""The YAML traps, each handled on purpose, and hostile documents refused."""

from __future__ import annotations

import pytest

from reading_program.load.strict_yaml import MAX_DEPTH, parse_yaml


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("answer: NO", "NO"),  # YAML 1.1 reads Norway as false
        ("answer: no", "no"),
        ("answer: on", "on"),
        ("answer: Yes", "Yes"),
        ("answer: off", "off"),
        ("answer: y", "y"),
        ("answer: 9:30", "9:30"),  # YAML 1.1 sexagesimal: 570
        ("answer: 2024-01-02", "2024-01-02"),  # dates are parsed by the schema
        ("answer: 1_000", "1_000"),
        ("answer: true", True),
        ("answer: false", False),
        ("answer: 12", 12),
        ("answer: 0x1f", 31),
        ("answer: 1.5", 1.5),
        ("answer: ~", None),
        ("answer: !!str 12", "12"),
    ],
)
def test_scalars_follow_yaml_1_2_core_schema(text: str, expected: object) -> None:
    assert parse_yaml(text).data == {"answer": expected}


def test_keys_of_yaml_1_1_booleans_stay_text() -> None:
    assert parse_yaml("on: 1\nno: 2").data == {"on": 1, "no": 2}


def test_composes_like_pyyaml_for_ordinary_documents() -> None:
    import yaml

    text = "a: [1, {b: c}]\nd:\n  - e: &x f\n    g: *x\nh: |\n  two\n  lines\n"
    assert parse_yaml(text).data == yaml.safe_load(text) | {}


def test_duplicate_key_is_reported_with_both_lines() -> None:
    parsed = parse_yaml("title: A\nsummary: B\ntitle: C\n", first_line=2)
    [issue] = parsed.issues
    assert (issue.line, issue.location) == (4, ("title",))
    assert issue.message == "'title' is given twice (first on line 2); keep one"


def test_nested_duplicate_key_has_its_location() -> None:
    parsed = parse_yaml("weeks:\n  - title: A\n    title: B\n")
    [issue] = parsed.issues
    assert (issue.line, issue.location) == (3, ("weeks", 0, "title"))


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("title: Week 1: Intro\n", 1, "a ': ' inside a value makes YAML read it as a new field"),
        ("tags:\n\t- a\n", 2, "indent with spaces, not tabs"),
        ('title: "Week 1\nsummary: "x"\n', 1, "this quoted text is not closed on its line"),
        ('title: "Week 1\n', 1, "not closed"),
        ("tags: [a, b\nsummary: x\n", 1, "a list in [ ] is not closed"),
        ("- *bold* text\n", 1, "a value starting with * or & is read as a YAML alias"),
        ("title: @me\n", 1, "a value starting with @, ` or % is not allowed unquoted"),
        ("a: 1\n---\nb: 2\n", 2, "the file holds a second YAML document"),
        ("reflection:\n  - one\n - two\n", 3, "not indented like the fields around it"),
        ("title: x\nsummary\nc: 3\n", 3, "neither a field (name: value) nor a list item"),
        ("x: *nope\n", 1, "*nope refers to no &nope above it"),
    ],
)
def test_syntax_errors_are_told_in_plain_words_on_the_right_line(
    text: str, line: int, words: str
) -> None:
    [issue] = parse_yaml(text).issues
    assert words in issue.message
    assert issue.line == line
    assert "while parsing" not in issue.message and "scanning" not in issue.message


def test_nesting_limit_is_generous_for_content() -> None:
    nested = "x: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)  # the mapping is a level too
    assert parse_yaml(nested).issues == ()


def test_lines_of_keys_and_list_items_are_recorded() -> None:
    parsed = parse_yaml("title: A\ntags:\n  - a\n  - b\n", first_line=2)
    assert parsed.lines.lines[("title",)] == 2
    assert parsed.lines.lines[("tags", 1)] == 5
    assert parsed.lines.line_of(("tags", 1, "missing")) == 5
    assert parsed.lines.line_of(("absent",)) == 2


def test_empty_document_is_none() -> None:
    assert parse_yaml("").data is None


@pytest.mark.parametrize(
    "text",
    [
        "start: !!timestamp 2027-01-11 09:00:00\n",
        "data: !!binary aGVsbG8=\n",
        "when: !!int '12'\n",
        "x: !custom value\n",
        "items: !!set {a, b}\n",
        "items: !!omap [a: 1]\n",
        "what: !!python/object:os.system {}\n",
        "list: !!seq [a]\n",
        "doc: !!map {a: 1}\n",
        "title: ! text\n",
    ],
)
def test_explicit_tags_are_refused_in_plain_words(text: str) -> None:
    parsed = parse_yaml(text, first_line=3)
    [issue] = parsed.issues
    assert issue.line == 3
    assert "is a YAML tag, which content files do not use" in issue.message
    assert parsed.data is None


@pytest.mark.parametrize("digits", [101, 4301, 100_000])
def test_numbers_past_any_sensible_size_are_refused_quickly(digits: int) -> None:
    parsed = parse_yaml(f"title: A\nminutes: {'9' * digits}\n")
    [issue] = parsed.issues
    assert issue.line == 2
    assert f"this number has {digits:,} digits" in issue.message


def test_long_numbers_in_quotes_are_text() -> None:
    assert parse_yaml(f'code: "{"9" * 5000}"').data == {"code": "9" * 5000}
