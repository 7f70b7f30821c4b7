"""YAML with the traps taken out, and line numbers for every key and list item.

PyYAML speaks YAML 1.1, where `NO`, `on` and `yes` are booleans and `9:30` is the
integer 570. Authors mean text, so only `true`/`false` are booleans and only plain
decimal/hex/octal numbers are numbers (the YAML 1.2 core schema). Duplicate keys are
reported instead of silently keeping the last one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
import yaml.cyaml

Path = tuple[str | int, ...]

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
# Timestamps are left as text too: the schema parses dates, with a message that names the field.
_REPLACED_TAGS = {
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
}


# libyaml's C parser is ~10x faster than PyYAML's pure-Python one (parsing is most of the
# cost of loading content); resolving and constructing stay in Python, so the rules below
# apply either way.
_Parser = yaml.cyaml.CParser if yaml.__with_libyaml__ else None


class StrictLoader(
    _Parser or yaml.SafeLoader, yaml.constructor.SafeConstructor, yaml.resolver.Resolver
):  # type: ignore[misc]
    """SafeLoader with YAML 1.2 core-schema booleans and numbers, and dates left as text."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)  # the parser, C or Python
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        value = self.construct_scalar(node)
        return int(value, 0) if value.startswith(("0x", "0o")) else int(value)


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _REPLACED_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, list("-+0123456789."))
StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_yaml_int)


@dataclass(frozen=True)
class YamlIssue:
    line: int
    field: str
    message: str


@dataclass(frozen=True)
class ParsedYaml:
    """The data, the line of every key and list item, and what was wrong."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    issues: tuple[YamlIssue, ...] = ()

    def line_of(self, path: Path, default: int) -> int:
        """The line of `path`, or of its closest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return default


def parse_yaml(text: str, first_line: int = 1) -> ParsedYaml:
    """Parse one YAML document; line numbers are shifted so that `text` starts at `first_line`."""
    offset = first_line - 1
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return ParsedYaml(data=None)
        lines: dict[Path, int] = {}
        issues: list[YamlIssue] = []
        _walk(node, (), offset, lines, issues)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        return ParsedYaml(data=None, issues=(_syntax_issue(error, offset, text),))
    except yaml.YAMLError as error:  # errors without a position
        return ParsedYaml(data=None, issues=(YamlIssue(first_line, "", f"invalid YAML: {error}"),))
    finally:
        loader.dispose()
    return ParsedYaml(data=data, lines=lines, issues=tuple(issues))


def _walk(
    node: yaml.Node, path: Path, offset: int, lines: dict[Path, int], issues: list[YamlIssue]
) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1 + offset
            dotted = _dotted((*path, key))
            if key in seen:
                message = f"duplicate key (first given on line {seen[key]}); give it once"
                issues.append(YamlIssue(line, dotted, message))
                continue
            seen[key] = line
            lines[(*path, key)] = line
            _walk(value_node, (*path, key), offset, lines, issues)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1 + offset
            _walk(item, (*path, index), offset, lines, issues)


def _syntax_issue(error: yaml.MarkedYAMLError, offset: int, text: str) -> YamlIssue:
    mark = error.problem_mark or error.context_mark
    bad_line = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
    line = (mark.line + 1 + offset) if mark else offset + 1
    message = f"invalid YAML: {error.problem or 'cannot parse'}"
    if error.context and error.context_mark and error.context_mark.line + 1 + offset != line:
        message += f" ({error.context} started on line {error.context_mark.line + 1 + offset})"
    if "mapping values are not allowed" in message:  # "here" (Python) or "in this context" (C)
        message += " (a value containing ': ' must be quoted, e.g. title: \"Week 1: Intro\")"
    elif "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())]:
        message += " (indent with spaces, not tabs)"
    return YamlIssue(line, "", message)


def _dotted(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


dotted_path = _dotted
