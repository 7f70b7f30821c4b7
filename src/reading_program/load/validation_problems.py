"""Turning parsed YAML into file models, with errors a non-programmer can act on.

Every message names the place in plain words ("week 1, prompt 2", counted from 1), says
what is wrong and how to fix it; pydantic's own wording never reaches an author.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import BaseModel, RootModel, ValidationError

from .paths import RepoPath
from .problems import Problem, Problems, closest
from .slugs import slug_for
from .strict_yaml import Location, ParsedYaml

Model = TypeVar("Model", bound=BaseModel)

# What one item of each list is called, in messages: weeks[0] is "week 1".
_ITEM_NAMES = {
    "weeks": "week",
    "reflection": "question",
    "prompts": "prompt",
    "tags": "tag",
    "exclude_tags": "excluded tag",
    "articles": "pinned article",
    "statements": "statement",
    "bands": "band",
    "scale": "scale label",
    "skip": "skip date",
    "themes": "theme",
}
_QUESTION_LISTS = {"reflection", "prompts"}


def place(location: Location, data: Any = None, keyed_by: str | None = None) -> str:
    """`("weeks", 0, "prompts", 1)` as "week 1, prompt 2". A question written as plain text
    is just "question 2" (its `text` key is implied); in a file keyed by id, such as the
    tags file, `("courage", "title")` is "tag courage, title"."""
    parts: list[str] = []
    for index, part in enumerate(location):
        if index == 0 and keyed_by and isinstance(part, str):
            parts.append(f"{keyed_by} {part}")
        elif isinstance(part, int):
            owner = str(location[index - 1]) if index else ""
            item = f"{_ITEM_NAMES.get(owner, 'item')} {part + 1}"
            parts[-1:] = [item] if owner in _ITEM_NAMES else [*parts[-1:], item]
        elif part == "text" and _is_plain_question(location[:index], data):
            continue
        else:
            parts.append(str(part))
    return ", ".join(parts)


def _is_plain_question(location: Location, data: Any) -> bool:
    return (
        len(location) >= 2
        and isinstance(location[-1], int)
        and str(location[-2]) in _QUESTION_LISTS
        and isinstance(_value_at(data, location), str)
    )


def validate(
    model: type[Model], parsed: ParsedYaml, repo_path: RepoPath, what: str, found: Problems
) -> Model | None:
    """Validate `parsed.data` against `model`: the model, or None with every problem found
    added to `found`."""
    keyed_by = getattr(model, "item_noun", None)
    problems = [
        Problem(repo_path, issue.line, place(issue.location, parsed.data, keyed_by), issue.message)
        for issue in parsed.issues
    ]
    if not isinstance(parsed.data, dict) and not (problems and parsed.data is None):
        got = describe(parsed.data)
        message = f"{what} must hold fields (name: value), one per line, but it holds {got}"
        problems.append(Problem(repo_path, parsed.lines.first_line, "", message))
    result = None
    if isinstance(parsed.data, dict):
        try:
            result = model.model_validate(parsed.data)
        except ValidationError as error:
            problems += _problems(model, error, parsed, repo_path, keyed_by)
    found.extend(problems)
    return None if problems else result


def _problems(
    model: type[BaseModel],
    error: ValidationError,
    parsed: ParsedYaml,
    repo_path: RepoPath,
    keyed_by: str | None,
) -> list[Problem]:
    errors = [(err, _location(err["loc"], model)) for err in error.errors()]
    misspelt = _misspelt_fields(model, errors)
    found: dict[Location, Problem] = {}
    for err, location in errors:
        if err["type"] == "missing" and location in misspelt:
            continue  # `tag:` for `tags:` is one mistake: the unknown field's message says it
        quoted = _question_with_colon(location, parsed.data)
        if quoted is not None:  # one message for the whole question, not one per symptom
            location, message = quoted
        else:
            message = _message(model, err, location)
        line = parsed.lines.line_of(location)
        # An unknown field is named in the message; the place is where it was written.
        named = location[:-1] if err["type"] == "extra_forbidden" else location
        where = place(named, parsed.data, keyed_by)
        found.setdefault(location, Problem(repo_path, line, where, message))
    return list(found.values())


def _misspelt_fields(model: type[BaseModel], errors: list[tuple[Any, Location]]) -> set[Location]:
    """Locations of missing fields that an unknown field next to them was meant to be."""
    meant = set()
    for err, location in errors:
        if err["type"] == "extra_forbidden":
            owner = _owner_model(model, location[:-1])
            close = closest(str(location[-1]), owner.model_fields) if owner else None
            if close:
                meant.add((*location[:-1], close))
    return meant


def _location(loc: tuple[Any, ...], model: type[BaseModel]) -> Location:
    parts = [part for part in loc if not _is_validator_tag(part)]
    if issubclass(model, RootModel) and parts[:1] == ["root"]:
        parts = parts[1:]
    return tuple(parts)


def _is_validator_tag(part: Any) -> bool:
    # pydantic adds validator names ('function-plain[iso_date()]') to some locations
    return isinstance(part, str) and "[" in part


def _question_with_colon(location: Location, data: Any) -> tuple[Location, str] | None:
    """A question like `- Who is waiting: the team?` is read by YAML as a field named
    "Who is waiting"; say to quote it, with the text as the author meant it."""
    for end in range(len(location), 1, -1):
        head = location[:end]
        if isinstance(head[-1], int) and str(head[-2]) in _QUESTION_LISTS | {"scale"}:
            value = _value_at(data, head)
            if isinstance(value, dict) and len(value) == 1 and not {"id", "text"} & set(value):
                ((key, rest),) = value.items()
                meant = f"{key}: {rest}" if rest is not None else f"{key}:"
                message = (
                    "this text contains ': ', which YAML reads as a field name; put it in "
                    f'double quotes: - "{meant}"'
                )
                return head, message
    return None


def _value_at(data: Any, location: Location) -> Any:
    for part in location:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _message(model: type[BaseModel], error: Any, location: Location) -> str:
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    field = str(location[-1]) if location else ""
    if kind == "missing":
        return f"is missing: add a line '{field}: ...'" if field else "is missing"
    if kind == "extra_forbidden":
        return _unknown_field(model, location)
    if kind in {"string_type", "model_type", "model_attributes_type", "dict_type"}:
        return _wrong_type(kind, value)
    if kind == "list_type":
        return f"expected a list (one '- item' per line, or [a, b]), found {describe(value)}"
    if kind == "string_too_short":
        return "is empty: write the text, or remove the line"
    if kind == "string_too_long":
        return f"is {len(str(value))} characters long; at most {ctx.get('max_length')}: shorten it"
    if kind == "too_short":
        needed = ctx.get("min_length", 1)
        return (
            f"needs at least {_count(needed, 'item')}, found {len(value) if value else 0}: add more"
        )
    if kind == "too_long":
        return f"has {_count(len(value), 'item')}; at most {ctx.get('max_length')} are allowed"
    if kind == "string_pattern_mismatch":
        return _not_a_slug(value)
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"expected a whole number, found {describe(value)}"
    if kind in {"less_than_equal", "greater_than_equal", "less_than", "greater_than"}:
        return _out_of_range(value, ctx)
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"must be {' or '.join(allowed)}, not {describe(value)}"
    if kind == "value_error":
        return str(ctx.get("error", "is not valid"))
    return (
        f"has a value of the wrong kind ({describe(value)}); see guides/authors.md for this field"
    )


def _wrong_type(kind: str, value: Any) -> str:
    if kind == "string_type":
        if isinstance(value, bool | int | float):
            return f"expected text, found {describe(value)}: put it in double quotes"
        return f"expected text, found {describe(value)}"
    if kind == "dict_type":
        return f"expected fields (name: value) here, found {describe(value)}"
    return f"expected text or fields (name: value), found {describe(value)}"


def _out_of_range(value: Any, ctx: dict[str, Any]) -> str:
    if "le" in ctx:
        return f"is {value}; it must be {ctx['le']} or less"
    if "ge" in ctx:
        return f"is {value}; it must be {ctx['ge']} or more"
    if "lt" in ctx:
        return f"is {value}; it must be less than {ctx['lt']}"
    return f"is {value}; it must be more than {ctx['gt']}"


def _not_a_slug(value: Any) -> str:
    message = f"{value!r} is not a valid id: use lowercase letters, digits and single hyphens"
    normalised = slug_for(str(value))
    return f"{message}, e.g. {normalised!r}" if normalised else message


def _unknown_field(model: type[BaseModel], location: Location) -> str:
    owner = _owner_model(model, location[:-1])
    allowed = list(owner.model_fields) if owner else []
    name = str(location[-1])
    close = closest(name, allowed)
    suggestion = f"did you mean '{close}'? " if close else ""
    listing = f"allowed fields are {', '.join(allowed)}" if allowed else "remove it"
    return f"'{name}' is not a field here; {suggestion}{listing}"


def _owner_model(model: type[BaseModel], location: Location) -> type[BaseModel] | None:
    """Follow `location` through nested models to the model that owns its last key."""
    current: Any = model
    for part in location:
        if isinstance(current, type) and issubclass(current, RootModel):
            current = _inner_model(current.model_fields["root"].annotation, mapping_values=True)
            continue
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if field is None:
            return None
        current = _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, RootModel):
        current = _inner_model(current.model_fields["root"].annotation, mapping_values=True)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any, mapping_values: bool = False) -> Any:
    """The model inside `list[X]`, `X | None`, `Annotated[X, ...]` or `dict[K, X]`."""
    while hasattr(annotation, "__args__") or hasattr(annotation, "__origin__"):
        args = [a for a in getattr(annotation, "__args__", ()) if a is not type(None)]
        if not args:
            break
        annotation = args[-1] if mapping_values and len(args) == 2 else args[0]
        mapping_values = False
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            break
    if hasattr(annotation, "__metadata__"):
        return _inner_model(annotation.__origin__)
    return annotation


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def describe(value: Any) -> str:
    """A reader's name for a YAML value: what the author wrote, in words."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "fields (name: value)"
    text = str(value)
    return f"{text[:60]!r}" + ("..." if len(text) > 60 else "")
