"""Turning parsed YAML into schema models, with errors authors can act on."""

from __future__ import annotations

import difflib
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .problems import Problem
from .strict_yaml import ParsedYaml, dotted_path

Model = TypeVar("Model", bound=BaseModel)


def validate(model: type[Model], parsed: ParsedYaml, path: str, what: str) -> Model | list[Problem]:
    """Validate `parsed.data` against `model`; return the model or every problem found."""
    problems = [Problem(path, issue.line, issue.field, issue.message) for issue in parsed.issues]
    if problems and parsed.data is None:
        return problems
    if not isinstance(parsed.data, dict):
        got = describe(parsed.data)
        message = f"{what} must be a mapping of fields (key: value), got {got}"
        first_line = min(parsed.lines.values(), default=1)
        return [*problems, Problem(path, first_line, "", message)]
    try:
        result = model.model_validate(parsed.data)
    except ValidationError as error:
        problems += [_problem(model, err, parsed, path) for err in error.errors()]
    return problems or result


def _problem(model: type[BaseModel], error: Any, parsed: ParsedYaml, path: str) -> Problem:
    loc = tuple(
        part for index, part in enumerate(error["loc"]) if index == 0 or not _is_union_tag(part)
    )
    line = parsed.line_of(loc, 1)
    return Problem(path, line, dotted_path(loc), _message(model, error, loc))


def _is_union_tag(part: Any) -> bool:
    # pydantic adds the member type's name (e.g. 'function-before[...]') to union locations
    return isinstance(part, str) and ("[" in part or part in {"str", "date", "none"})


def _message(model: type[BaseModel], error: Any, loc: tuple) -> str:
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return _unknown_field(model, loc)
    if kind in {"string_type", "model_type", "model_attributes_type"}:
        expected = "text" if kind == "string_type" else "text or a mapping with 'text'"
        hint = " (put it in quotes)" if isinstance(value, bool | int | float) else ""
        return f"expected {expected}, got {describe(value)}{hint}"
    if kind == "list_type":
        return f"expected a list (one '- item' per line), got {describe(value)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        needed = ctx.get("min_length", 1)
        return f"needs at least {needed} item{'s' if needed != 1 else ''}, got {len(value)}"
    if kind == "string_pattern_mismatch":
        message = f"{value!r} is not a slug: use lowercase letters, digits and single hyphens"
        normalised = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
        return f"{message}; did you mean {normalised!r}?" if normalised else message
    if kind.startswith("date"):
        return f"expected a date as YYYY-MM-DD, got {value!r}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return error["msg"]


def _unknown_field(model: type[BaseModel], loc: tuple) -> str:
    owner = _owner_model(model, loc[:-1])
    allowed = list(owner.model_fields) if owner else []
    name = str(loc[-1])
    close = difflib.get_close_matches(name, allowed, n=1)
    suggestion = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown field; allowed fields are {', '.join(allowed)}{suggestion}"


def _owner_model(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """Follow `loc` through nested models to the model that owns the last key."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    while hasattr(annotation, "__args__") or hasattr(annotation, "__origin__"):
        args = [a for a in getattr(annotation, "__args__", ()) if a is not type(None)]
        if not args:
            break
        annotation = args[0]
    return annotation


def describe(value: Any) -> str:
    """A reader's name for a YAML value's type."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"text ({value!r})"
