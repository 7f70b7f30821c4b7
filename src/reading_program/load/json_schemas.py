"""JSON Schemas for content files, generated from the pydantic models that validate them.

Editors use them to complete and check content as authors type (e.g. VS Code's YAML
extension with `# yaml-language-server: $schema=...`). They are generated, never hand-written,
so they cannot drift from the models; `reading-program check` stays the authority for the
rules JSON Schema cannot express (a summary of at most two sentences, a known time zone,
unique statement ids, references between files).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue, models_json_schema
from pydantic_core import core_schema

from . import specs

DIALECT = "https://json-schema.org/draft/2020-12/schema"
AUTHORS_GUIDE = "guides/authors.md"
TEAM_LEADS_GUIDE = "guides/team-leads.md"


class _ContentSchema(GenerateJsonSchema):
    """pydantic's generator, taught what our custom validators accept.

    pydantic cannot see inside a validator function: a BeforeValidator gets the schema of
    what it returns, a PlainValidator gets `{}` (anything). The models cannot carry
    `json_schema_input_type` here, so each such validator is recognised by identity and its
    input described below; a validator not listed keeps pydantic's schema.
    """

    def function_before_schema(
        self, schema: core_schema.BeforeValidatorFunctionSchema
    ) -> JsonSchemaValue:
        generated = super().function_before_schema(schema)
        if _validator(schema) is specs.text_as_question:
            # A question is plain text, or {id, text} to pin its id.
            return {"anyOf": [_non_blank_text(), generated]}
        return generated

    def function_plain_schema(
        self, schema: core_schema.PlainValidatorFunctionSchema
    ) -> JsonSchemaValue:
        if _validator(schema) is specs.parse_meeting:
            return _meeting()
        if _validator(schema) is specs.iso_date:
            return _iso_date()
        return super().function_plain_schema(schema)

    def function_after_schema(
        self, schema: core_schema.AfterValidatorFunctionSchema
    ) -> JsonSchemaValue:
        generated = super().function_after_schema(schema)
        extra = _AFTER_VALIDATORS.get(_validator(schema))
        return {**generated, **extra()} if extra else generated

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        generated = super().str_schema(schema)
        # Text is stripped before its length is checked, so "   " is empty: require a
        # non-space character (exact for min_length 1, the only length Text uses).
        if schema.get("strip_whitespace") and schema.get("min_length") == 1:
            generated.setdefault("pattern", r"\S")
            generated.update(_not_placeholder())  # flagged as unfinished by `check`
        return generated

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        generated = super().dict_schema(schema)
        # pydantic lists allowed keys as patternProperties; the model rejects any other key.
        if "patternProperties" in generated:
            generated.setdefault("additionalProperties", False)
        return generated


def _validator(schema: Any) -> Callable[..., Any] | None:
    return schema.get("function", {}).get("function")


def _non_blank_text() -> JsonSchemaValue:
    return {"type": "string", "minLength": 1, "pattern": r"\S"}


def _iso_date() -> JsonSchemaValue:
    return {
        "type": "string",
        "format": "date",
        "pattern": specs.ISO_DATE.pattern,
        "description": "a date written YYYY-MM-DD",
        "examples": ["2027-01-11"],
    }


def _meeting() -> JsonSchemaValue:
    # specs.MEETING without its group names, which JavaScript regexes spell differently;
    # weekday names and the hour range are checked by `reading-program check` only.
    pattern = re.sub(r"\(\?P<\w+>", "(", specs.MEETING.pattern)
    text = {
        "type": "string",
        "pattern": rf"^\s*{pattern.removeprefix('^').removesuffix('$')}\s*$",
        "description": "a weekday and a 24-hour time, e.g. 'Thu 09:30'",
        "examples": ["Thu 09:30"],
    }
    return {"anyOf": [text, {"type": "null"}]}


def _unique_items() -> JsonSchemaValue:
    return {"uniqueItems": True}


def _not_placeholder() -> JsonSchemaValue:
    return {"not": {"pattern": rf"^\s*{re.escape(specs.PLACEHOLDER)}"}}


_AFTER_VALIDATORS: dict[Callable[..., Any] | None, Callable[[], JsonSchemaValue]] = {
    specs.unique: _unique_items,
}


def _model_schema(model: type[BaseModel]) -> JsonSchemaValue:
    return model.model_json_schema(mode="validation", schema_generator=_ContentSchema)


def _track_schema() -> JsonSchemaValue:
    """A track lists its weeks, or is planned from tags when it has `select` (as the
    loader decides)."""
    refs, definitions = models_json_schema(
        [(specs.TrackFile, "validation"), (specs.PlannedTrackFile, "validation")],
        schema_generator=_ContentSchema,
    )
    return {
        **definitions,
        "type": "object",
        "if": {"required": ["select"]},
        "then": refs[(specs.PlannedTrackFile, "validation")],
        "else": refs[(specs.TrackFile, "validation")],
    }


def _document(
    generated: JsonSchemaValue, title: str, what: str, section: str, guide: str = AUTHORS_GUIDE
) -> JsonSchemaValue:
    description = (
        f"{what} Written for editors; see section '{section}' of {guide} in the reading "
        "program's repository."
    )
    return {**generated, "$schema": DIALECT, "title": title, "description": description}


def schema_files() -> dict[str, JsonSchemaValue]:
    """File name -> JSON Schema, one per kind of content file."""
    return {
        "article.schema.json": _document(
            _model_schema(specs.ArticleFrontmatter),
            "Reading program article frontmatter",
            "The YAML frontmatter of content/articles/<slug>.md.",
            "Add an article",
        ),
        "track.schema.json": _document(
            _track_schema(),
            "Reading program track",
            "content/tracks/<track-id>.yml: weeks listed by hand, or planned from tags.",
            "Add a track",
        ),
        "cohort.schema.json": _document(
            _model_schema(specs.CohortFile),
            "Reading program cohort",
            "content/cohorts/<cohort-id>.yml, as `reading-program assign` writes it.",
            "Run a track with your team",
            TEAM_LEADS_GUIDE,
        ),
        "assessment.schema.json": _document(
            _model_schema(specs.AssessmentFile),
            "Reading program self-assessment",
            "content/assessments/<id>.yml: statements rated on a scale, and score bands.",
            "Add a track",
        ),
        "tags.schema.json": _document(
            _model_schema(specs.TagsFile),
            "Reading program tag list",
            "content/tags.yml: the tags articles may carry, with a title and a description.",
            "Add an article",
        ),
    }


def render(document: JsonSchemaValue) -> str:
    """Deterministic text: sorted keys, 2-space indent, trailing newline."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(out_dir: Path) -> list[Path]:
    """Write every schema into `out_dir` (created if needed); return the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, document in schema_files().items():
        target = out_dir / name
        target.write_text(render(document), encoding="utf-8")
        written.append(target)
    return written
