"""The generated JSON Schemas: valid, deterministic, accept the real content, and agree with
the pydantic models on good and bad input.

YAML is parsed with the project's loader (YAML 1.2 scalars, dates left as text), as the
content pipeline and editors' YAML 1.2 language servers do; `yaml.safe_load` would turn
`2026-01-12` into a date object, which no JSON document can hold.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel, ValidationError
from site_helpers import REPO

from reading_program.load.drafts import says_draft
from reading_program.load.json_schemas import DIALECT, render, schema_files, write_schemas
from reading_program.load.loader import track_model, unfinished_parts
from reading_program.load.problems import Problems
from reading_program.load.source import read_text, split_markdown
from reading_program.load.specs import ArticleFrontmatter, AssessmentFile, CohortFile, TagsFile
from reading_program.load.strict_yaml import ParsedYaml, parse_yaml

SCHEMAS = schema_files()
NAMES = sorted(SCHEMAS)


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(SCHEMAS[name], format_checker=Draft202012Validator.FORMAT_CHECKER)


def yaml_data(text: str) -> Any:
    parsed = parse_yaml(textwrap.dedent(text))
    assert not parsed.issues, parsed.issues
    return parsed.data


def frontmatter(file: Path) -> Any:
    problems = Problems()
    source = read_text(file, file.name, problems)
    parts = source and split_markdown(source.text, file.name, problems)
    assert parts is not None and not problems, [str(p) for p in problems]
    return yaml_data(parts.frontmatter)


def model_for(name: str, data: Any) -> type[BaseModel]:
    """The model the loader validates `data` with."""
    if name == "track.schema.json":
        return track_model(data)
    models: dict[str, type[BaseModel]] = {
        "article.schema.json": ArticleFrontmatter,
        "cohort.schema.json": CohortFile,
        "assessment.schema.json": AssessmentFile,
        "tags.schema.json": TagsFile,
    }
    return models[name]


def model_accepts(name: str, data: Any) -> bool:
    """What `check` accepts: the model validates, and no placeholder is left (the loader
    flags those as unfinished, outside the model, so drafts can still be assigned)."""
    try:
        model_for(name, data).model_validate(data)
    except ValidationError:
        return False
    return not unfinished_parts(ParsedYaml(data), "x")


@pytest.mark.parametrize("name", NAMES)
def test_each_schema_is_valid_draft_2020_12(name: str) -> None:
    Draft202012Validator.check_schema(SCHEMAS[name])
    assert SCHEMAS[name]["$schema"] == DIALECT
    assert "$id" not in SCHEMAS[name]
    assert SCHEMAS[name]["title"]
    # It names a section of a guide that exists, so an editor's hover help leads somewhere.
    named = re.search(r"see section '([^']+)' of (\S+)", SCHEMAS[name]["description"])
    section, guide = named.groups()
    assert f"\n## {section}\n" in (REPO / guide).read_text("utf-8"), (guide, section)


def test_write_schemas_writes_sorted_two_space_json(tmp_path: Path) -> None:
    written = write_schemas(tmp_path / "schemas")
    assert sorted(path.name for path in written) == NAMES
    for path in written:
        text = path.read_text("utf-8")
        assert text.endswith("}\n") and not text.endswith("\n\n")
        assert (
            text
            == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        )
        assert text == render(schema_files()[path.name])  # the same every time


def content_files() -> list[tuple[str, Path]]:
    content = REPO / "content"
    # Drafts are left unchecked until published (load.drafts): a TODO in one is fine.
    articles = [f for f in sorted(content.glob("articles/*.md")) if not says_draft(f.read_text())]
    found = [("article.schema.json", f) for f in articles]
    for folder, name in (("tracks", "track"), ("cohorts", "cohort"), ("assessments", "assessment")):
        found += [(f"{name}.schema.json", f) for f in sorted(content.glob(f"{folder}/*.yml"))]
    if (content / "tags.yml").exists():
        found.append(("tags.schema.json", content / "tags.yml"))
    return found


@pytest.mark.parametrize(
    ("name", "file"), content_files(), ids=[f.name for _, f in content_files()]
)
def test_real_content_validates(name: str, file: Path) -> None:
    data = frontmatter(file) if file.suffix == ".md" else yaml_data(file.read_text("utf-8"))
    errors = [error.message for error in validator(name).iter_errors(data)]
    assert errors == []


def test_every_kind_of_content_is_covered() -> None:
    covered = {name for name, _ in content_files()}
    assert covered >= {"article.schema.json", "track.schema.json", "cohort.schema.json"}
    assert covered >= {"assessment.schema.json"}


ARTICLE = """\
title: "Decide Before You Are Ready"
summary: "Why leaders wait."
tags: [decisiveness]
reflection: ["One?", {id: pinned, text: "Two?"}, "Three?"]
"""
WEEKS = """\
title: "Coaching Basics"
summary: "Two weeks."
weeks:
  - title: "Sessions"
    intro: "What a good session looks like."
    tags: [coaching]
    prompts: ["What will you change?", {id: one-on-one, text: "When?"}]
"""
PLANNED = """\
title: "Coaching Basics"
summary: "Planned."
select: {tags: [coaching]}
weeks: 4
minutes_per_week: 6
"""
COHORT = """\
team: "Sales East"
track: six-week-leadership
start: 2026-01-12
meeting: "Thu 09:30"
skip: [2026-02-16]
"""

# (schema, YAML, what the schema and the model must both say)
CASES = [
    ("article.schema.json", ARTICLE, True),
    ("article.schema.json", ARTICLE + "date: 2026-11-23\nlevel: 2\n", True),
    ("article.schema.json", ARTICLE + "tag: [courage]\n", False),  # unknown key
    ("article.schema.json", ARTICLE.replace('"Decide Before You Are Ready"', "42"), False),
    ("article.schema.json", ARTICLE.replace('"Decide Before You Are Ready"', '"   "'), False),
    ("article.schema.json", ARTICLE.replace("Decide Before", "TODO Decide"), False),
    ("article.schema.json", ARTICLE.replace("[decisiveness]", "[Follow Up]"), False),
    ("article.schema.json", ARTICLE.replace("[decisiveness]", "[a, a]"), False),
    ("article.schema.json", ARTICLE.replace("[decisiveness]", "[]"), False),
    ("article.schema.json", ARTICLE.replace('"One?", ', ""), False),  # two questions
    ("article.schema.json", ARTICLE.replace("id: pinned", "id: Not A Slug"), False),
    ("article.schema.json", ARTICLE.replace("id: pinned", "note: x"), False),
    ("article.schema.json", ARTICLE + "date: 2026-13-45\n", False),
    ("article.schema.json", ARTICLE + "date: 20261123\n", False),  # a number, not a date
    ("article.schema.json", ARTICLE + "level: 9\n", False),
    ("track.schema.json", WEEKS, True),
    ("track.schema.json", WEEKS + "colour: blue\n", False),
    ("track.schema.json", WEEKS.replace("    tags: [coaching]\n", "    tags: coaching\n"), False),
    ("track.schema.json", WEEKS.replace("prompts: [", "prompts: [3, "), False),
    ("track.schema.json", PLANNED, True),
    ("track.schema.json", PLANNED.replace("weeks: 4", "weeks: four"), False),
    ("track.schema.json", PLANNED + 'themes: [{title: Listening, prompts: ["Why?"]}]\n', True),
    ("track.schema.json", PLANNED + 'prompts: ["Why?"]\n', False),  # weeks-only key
    ("cohort.schema.json", COHORT, True),
    ("cohort.schema.json", COHORT.replace("Thu 09:30", "Thursday 9:30"), True),
    ("cohort.schema.json", COHORT.replace('"Thu 09:30"', "null"), True),
    ("cohort.schema.json", COHORT.replace("Thu 09:30", "at nine"), False),
    ("cohort.schema.json", COHORT.replace("2026-01-12", "12.01.2026"), False),
    ("cohort.schema.json", COHORT.replace("[2026-02-16]", "[2026-02-16, 2026-02-16]"), False),
    ("cohort.schema.json", COHORT + "lead: 7\n", False),
    ("cohort.schema.json", COHORT + "teams: x\n", False),
    ("tags.schema.json", 'coaching: {title: "Coaching", description: "Talks."}\n', True),
    ("tags.schema.json", 'Coaching: {title: "Coaching", description: "Talks."}\n', False),
    ("tags.schema.json", 'coaching: {title: "Coaching"}\n', False),
]


@pytest.mark.parametrize(("name", "text", "valid"), CASES)
def test_schema_and_model_agree(name: str, text: str, valid: bool) -> None:
    data = yaml_data(text)
    assert model_accepts(name, data) is valid, "the model disagrees with the table"
    assert validator(name).is_valid(data) is valid


def test_assessment_unknown_key_and_wrong_type_fail() -> None:
    file = next((REPO / "content/assessments").glob("*.yml"))
    good = yaml_data(file.read_text("utf-8"))
    assert validator("assessment.schema.json").is_valid(good)
    for bad in ({**good, "scales": good["scale"]}, {**good, "scale": "1-5"}):
        assert not validator("assessment.schema.json").is_valid(bad)
        assert not model_accepts("assessment.schema.json", bad)


def test_committed_schemas_are_up_to_date() -> None:
    committed = REPO / "schemas"
    for name, document in schema_files().items():
        assert (committed / name).read_text("utf-8") == render(document), (
            f"schemas/{name} is stale: run `reading-program schema`"
        )
