"""The YAML traps, each handled on purpose."""

from __future__ import annotations

import pytest

from reading_program.strict_yaml import parse_yaml


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
    ],
)
def test_scalars_follow_yaml_1_2_core_schema(text: str, expected: object) -> None:
    assert parse_yaml(text).data == {"answer": expected}


def test_keys_of_yaml_1_1_booleans_stay_text() -> None:
    assert parse_yaml("on: 1\nno: 2").data == {"on": 1, "no": 2}


def test_duplicate_key_is_reported_with_both_lines() -> None:
    parsed = parse_yaml("title: A\nsummary: B\ntitle: C\n", first_line=2)
    [issue] = parsed.issues
    assert (issue.line, issue.field) == (4, "title")
    assert "duplicate key (first given on line 2)" in issue.message


def test_nested_duplicate_key_names_the_path() -> None:
    parsed = parse_yaml("weeks:\n  - title: A\n    title: B\n")
    [issue] = parsed.issues
    assert (issue.line, issue.field) == (3, "weeks[0].title")


def test_unquoted_colon_in_value_explains_quoting() -> None:
    parsed = parse_yaml("title: Week 1: Intro\n", first_line=2)
    [issue] = parsed.issues
    assert issue.line == 2
    assert "mapping values are not allowed" in issue.message
    assert 'title: "Week 1: Intro"' in issue.message


def test_tab_indentation_is_explained() -> None:
    [issue] = parse_yaml("tags:\n\t- a\n").issues
    assert "tabs" in issue.message


def test_lines_of_keys_and_list_items_are_recorded() -> None:
    parsed = parse_yaml("title: A\ntags:\n  - a\n  - b\n", first_line=2)
    assert parsed.lines[("title",)] == 2
    assert parsed.lines[("tags", 1)] == 5
    assert parsed.line_of(("tags", 1, "missing"), default=1) == 5
    assert parsed.line_of(("absent",), default=1) == 1


def test_empty_document_is_none() -> None:
    assert parse_yaml("").data is None
