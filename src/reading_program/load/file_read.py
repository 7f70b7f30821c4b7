"""What reading one content file found, as plain data that the parse cache keeps as JSON.

Nothing here is validated yet: the loader validates it, on every load, with the file's
model. YAML data is kept exactly (a mapping may have keys that are not text, which a JSON
object cannot hold), so every container is tagged: `{"l": [...]}` a list, `{"m": [[key,
value], ...]}` a mapping; text, numbers, true/false and null stand for themselves.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .cache import Codec
from .markdown_render import BodyLink, RenderedBody
from .problems import Problem
from .strict_yaml import LineMap, ParsedYaml, YamlIssue


@dataclass(frozen=True)
class FileRead:
    problems: tuple[Problem, ...] = ()  # the file could not be read as its kind
    yaml: ParsedYaml | None = None  # a YAML file, or an article's frontmatter
    body: str | None = None  # an article's Markdown
    body_line: int = 0
    words: int = 0
    rendered: RenderedBody | None = None


def _encode(read: FileRead) -> dict[str, Any]:
    return {
        "problems": [_problem_out(p) for p in read.problems],
        "yaml": _yaml_out(read.yaml) if read.yaml is not None else None,
        "body": read.body,
        "body_line": read.body_line,
        "words": read.words,
        "rendered": _rendered_out(read.rendered) if read.rendered is not None else None,
    }


def _decode(data: dict[str, Any]) -> FileRead:
    return FileRead(
        problems=tuple(_problem_in(p) for p in data["problems"]),
        yaml=_yaml_in(data["yaml"]) if data["yaml"] is not None else None,
        body=_optional(data["body"], str),
        body_line=_typed(data["body_line"], int),
        words=_typed(data["words"], int),
        rendered=_rendered_in(data["rendered"]) if data["rendered"] is not None else None,
    )


READ_CODEC: Codec[FileRead] = Codec(_encode, _decode)


def _typed(value: Any, kind: type) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TypeError(f"expected {kind.__name__}")
    return value


def _optional(value: Any, kind: type) -> Any:
    return None if value is None else _typed(value, kind)


def _problem_out(problem: Problem) -> list[Any]:
    return [problem.repo_path, problem.line, problem.field, problem.message]


def _problem_in(data: list[Any]) -> Problem:
    repo_path, line, place, message = data
    return Problem(
        _typed(repo_path, str), _optional(line, int), _typed(place, str), _typed(message, str)
    )


def _yaml_out(parsed: ParsedYaml) -> dict[str, Any]:
    return {
        "data": _value_out(parsed.data),
        "lines": [[list(location), line] for location, line in parsed.lines.lines.items()],
        "first_line": parsed.lines.first_line,
        "issues": [[i.line, list(i.location), i.message] for i in parsed.issues],
    }


def _yaml_in(data: dict[str, Any]) -> ParsedYaml:
    lines = {_location(location): _typed(line, int) for location, line in data["lines"]}
    issues = tuple(
        YamlIssue(_typed(line, int), _location(location), _typed(message, str))
        for line, location, message in data["issues"]
    )
    first_line = _typed(data["first_line"], int)
    return ParsedYaml(_value_in(data["data"]), LineMap(lines, first_line), issues)


def _location(parts: list[Any]) -> tuple[str | int, ...]:
    return tuple(_typed(part, str | int) for part in parts)


def _value_out(value: Any) -> Any:
    if isinstance(value, list):
        return {"l": [_value_out(item) for item in value]}
    if isinstance(value, dict):
        return {"m": [[_value_out(k), _value_out(v)] for k, v in value.items()]}
    if isinstance(value, float) and not math.isfinite(value):
        return {"f": repr(value)}
    return value


def _value_in(data: Any) -> Any:
    if isinstance(data, dict):
        [(tag, content)] = data.items()
        if tag == "l":
            return [_value_in(item) for item in content]
        if tag == "m":
            return {_value_in(key): _value_in(value) for key, value in content}
        if tag == "f" and content in ("inf", "-inf", "nan"):
            return float(content)
        raise ValueError(f"unknown tag {tag!r}")
    if isinstance(data, list):
        raise TypeError("a list must be tagged")
    return data


def _rendered_out(body: RenderedBody) -> dict[str, Any]:
    return {
        "html": body.html,
        "ids": list(body.ids),
        "toc": list(body.toc),
        "links": [[link.line, link.target, link.image, link.html_tag] for link in body.links],
        "problems": [_problem_out(p) for p in body.problems],
        "token": body.token,
        "targets": list(body.targets),
    }


def _rendered_in(data: dict[str, Any]) -> RenderedBody:
    return RenderedBody(
        html=_typed(data["html"], str),
        ids=tuple(_typed(i, str) for i in data["ids"]),
        toc=tuple(_toc_in(token) for token in data["toc"]),
        links=tuple(
            BodyLink(
                _typed(line, int), _typed(target, str), _typed(image, bool), _optional(tag, str)
            )
            for line, target, image, tag in data["links"]
        ),
        problems=tuple(_problem_in(p) for p in data["problems"]),
        token=_typed(data["token"], str),
        targets=tuple(_typed(t, str) for t in data["targets"]),
    )


def _toc_in(token: dict[str, Any]) -> dict[str, Any]:
    checked = {
        "level": _typed(token["level"], int),
        "id": _typed(token["id"], str),
        "name": _typed(token["name"], str),
        "children": [_toc_in(child) for child in token["children"]],
    }
    if "data-toc-label" in token:
        checked["data-toc-label"] = _typed(token["data-toc-label"], str)
    return checked
