"""YAML with the traps taken out, hostile input refused, and a line for every key and item.

- PyYAML speaks YAML 1.1, where `NO`, `on` and `yes` are booleans and `9:30` is the integer
  570. Authors mean text, so only `true`/`false` are booleans and only plain decimal, hex
  and octal numbers are numbers (the YAML 1.2 core schema); dates stay text for the schema
  to check. Duplicate keys are reported instead of silently keeping the last one.
- Explicit tags (`!!timestamp`, `!!binary`, `!custom`) are refused, all but `!!str`: they
  would turn text into dates, bytes or objects that no schema here expects. So are numbers
  of more than MAX_NUMBER_DIGITS digits (Python itself refuses 4,300).
- Hostile input is refused quickly with a message, never a hang or a crash: nesting deeper
  than MAX_DEPTH (libyaml's own composer recurses in C and crashes the process on a few
  thousand brackets, so documents are composed here, iteratively, from libyaml's events),
  aliases that expand to more than MAX_EXPANDED_NODES values ("billion laughs"), and
  aliases that contain themselves.
- Syntax errors are told in plain words, on the line where the mistake most likely is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
import yaml.cyaml

Location = tuple[str | int, ...]

MAX_DEPTH = 32  # content files nest four or five levels deep
MAX_EXPANDED_NODES = 50_000  # a 52-week track with long lists stays far below
MAX_NUMBER_DIGITS = 100  # numbers here are minutes, weeks, levels; Python refuses 4,300

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_REPLACED_TAGS = {
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
}

# libyaml's C parser is ~10x faster than PyYAML's pure-Python one; composing, resolving
# and constructing stay in Python, so the rules below apply either way.
if yaml.__with_libyaml__:
    _EventSource = yaml.cyaml.CParser
else:  # pragma: no cover - PyYAML wheels ship libyaml

    class _EventSource(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)


class YamlRefused(Exception):
    """The document is hostile or absurd; the message says why, `line` where."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


class StrictLoader(_EventSource, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):  # type: ignore[misc, valid-type]
    """A safe loader with YAML 1.2 core-schema booleans and numbers, dates left as text,
    and an iterative composer (see the module docstring)."""

    def __init__(self, stream: str) -> None:
        _EventSource.__init__(self, stream)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        value = self.construct_scalar(node)
        if len(value) > MAX_NUMBER_DIGITS:
            message = (
                f"this number has {len(value):,} digits; numbers here are small: write a "
                'smaller one, or text in double quotes ("...")'
            )
            raise YamlRefused(node.start_mark.line + 1, message)
        return int(value, 0) if value.startswith(("0x", "0o")) else int(value)

    def compose_single(self) -> yaml.Node | None:
        """The stream's only document as a node tree, built without recursion."""
        self.get_event()  # stream start
        if self.check_event(yaml.StreamEndEvent):
            return None
        self.get_event()  # document start
        node = self._compose_document()
        self.get_event()  # document end
        if not self.check_event(yaml.StreamEndEvent):
            line = self.peek_event().start_mark.line + 1
            raise YamlRefused(line, _SECOND_DOCUMENT)
        return node

    def _compose_document(self) -> yaml.Node:
        anchors: dict[str, yaml.Node] = {}
        open_nodes: list[yaml.CollectionNode] = []
        pending_keys: list[yaml.Node | None] = []
        while True:
            event = self.get_event()
            if isinstance(event, yaml.CollectionEndEvent):
                node = open_nodes.pop()
                pending_keys.pop()
                node.end_mark = event.end_mark
            else:
                node = self._node(event, anchors)
                if isinstance(node, yaml.CollectionNode) and not isinstance(event, yaml.AliasEvent):
                    if len(open_nodes) >= MAX_DEPTH:
                        raise YamlRefused(event.start_mark.line + 1, _TOO_DEEP)
                    open_nodes.append(node)
                    pending_keys.append(None)
                    continue
            if not open_nodes:
                return node
            _attach(open_nodes[-1], pending_keys, node)

    def _node(self, event: yaml.Event, anchors: dict[str, yaml.Node]) -> yaml.Node:
        tag = getattr(event, "tag", None)
        if tag is not None and not (isinstance(event, yaml.ScalarEvent) and tag == _TEXT):
            raise YamlRefused(event.start_mark.line + 1, _explicit_tag(tag))
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in anchors:
                message = (
                    f"*{event.anchor} refers to no &{event.anchor} above it; write the value out"
                )
                raise YamlRefused(event.start_mark.line + 1, message)
            return anchors[event.anchor]
        if isinstance(event, yaml.ScalarEvent):
            tag = tag or self.resolve(yaml.ScalarNode, event.value, event.implicit)
            node: yaml.Node = yaml.ScalarNode(
                tag, event.value, event.start_mark, event.end_mark, style=event.style
            )
        elif isinstance(event, yaml.SequenceStartEvent):
            tag = self.resolve(yaml.SequenceNode, None, event.implicit)
            node = yaml.SequenceNode(tag, [], event.start_mark, None, flow_style=event.flow_style)
        else:  # a mapping starts
            tag = self.resolve(yaml.MappingNode, None, event.implicit)
            node = yaml.MappingNode(tag, [], event.start_mark, None, flow_style=event.flow_style)
        if event.anchor is not None:
            anchors[event.anchor] = node
        return node


def _attach(
    parent: yaml.CollectionNode, pending_keys: list[yaml.Node | None], node: yaml.Node
) -> None:
    if isinstance(parent, yaml.SequenceNode):
        parent.value.append(node)
    elif pending_keys[-1] is None:
        pending_keys[-1] = node
    else:
        parent.value.append((pending_keys[-1], node))
        pending_keys[-1] = None


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _REPLACED_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, list("-+0123456789."))
StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_yaml_int)

_TEXT = "tag:yaml.org,2002:str"  # `!!str 12`: text, the one tag allowed


def _explicit_tag(tag: str) -> str:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return (
        f"{shown} is a YAML tag, which content files do not use (it can turn text into "
        'dates, binary data or objects): remove it, and write text in double quotes ("...")'
    )


_TOO_DEEP = (
    f"the values nest more than {MAX_DEPTH} levels deep; content files need only a few "
    "(check for stray [ or { brackets)"
)
_SECOND_DOCUMENT = (
    "the file holds a second YAML document (a line '---' in the middle?); remove it, "
    "or put that text in quotes"
)


@dataclass(frozen=True)
class YamlIssue:
    line: int
    location: Location  # () for the document as a whole
    message: str


@dataclass(frozen=True)
class LineMap:
    """The line of every key and list item of a document, for messages."""

    lines: dict[Location, int] = field(default_factory=dict)
    first_line: int = 1

    def line_of(self, location: Location) -> int:
        """The line of `location`, or of its closest ancestor that has one."""
        while location:
            if location in self.lines:
                return self.lines[location]
            location = location[:-1]
        return self.first_line


@dataclass(frozen=True)
class ParsedYaml:
    """The data, the line of every key and list item, and what was wrong."""

    data: Any
    lines: LineMap = field(default_factory=LineMap)
    issues: tuple[YamlIssue, ...] = ()


def parse_yaml(text: str, first_line: int = 1) -> ParsedYaml:
    """Parse one YAML document; line numbers are shifted so that `text` starts at `first_line`."""
    offset = first_line - 1
    loader = StrictLoader(text)
    try:
        node = loader.compose_single()
        if node is None:
            return ParsedYaml(data=None, lines=LineMap(first_line=first_line))
        lines, issues = _map_lines(node, offset)
        data = loader.construct_document(node)
    except YamlRefused as refused:
        issue = YamlIssue(refused.line + offset, (), str(refused))
        return ParsedYaml(data=None, lines=LineMap(first_line=first_line), issues=(issue,))
    except yaml.MarkedYAMLError as error:
        issue = syntax_issue(error, text, offset)
        return ParsedYaml(data=None, lines=LineMap(first_line=first_line), issues=(issue,))
    except yaml.YAMLError as error:  # errors without a position
        issue = YamlIssue(
            first_line, (), f"this is not valid YAML ({error}); check quotes and indentation"
        )
        return ParsedYaml(data=None, lines=LineMap(first_line=first_line), issues=(issue,))
    finally:
        loader.dispose()
    return ParsedYaml(data, LineMap(lines, first_line), tuple(issues))


def _map_lines(root: yaml.Node, offset: int) -> tuple[dict[Location, int], list[YamlIssue]]:
    """Walk the node tree once, aliases expanded, without recursion: the line of every key
    and item, duplicate keys, and a refusal for bombs and self-containing aliases."""
    lines: dict[Location, int] = {}
    issues: list[YamlIssue] = []
    expanded = 0
    # Each entry: a node to visit at a location, or None marking that its children are done.
    stack: list[tuple[yaml.Node, Location] | None] = [(root, ())]
    open_ids: list[int] = []  # the nodes on the path from the root: an alias among them loops
    while stack:
        entry = stack.pop()
        if entry is None:
            open_ids.pop()
            continue
        node, location = entry
        expanded += 1
        if expanded > MAX_EXPANDED_NODES:
            raise YamlRefused(node.start_mark.line + 1, _TOO_MANY_VALUES)
        if not isinstance(node, yaml.CollectionNode):
            continue
        if id(node) in open_ids:
            message = (
                "an alias (*name) is used inside the value it names, so it never ends; write "
                "the value out"
            )
            raise YamlRefused(node.start_mark.line + 1, message)
        open_ids.append(id(node))
        stack.append(None)
        children = list(_children(node, location, offset, lines, issues))
        stack.extend(reversed(children))
    return lines, issues


_TOO_MANY_VALUES = (
    f"the file expands to more than {MAX_EXPANDED_NODES:,} values through YAML aliases "
    "(*name repeats the value marked &name); write the values out instead"
)


def _children(
    node: yaml.CollectionNode,
    location: Location,
    offset: int,
    lines: dict[Location, int],
    issues: list[YamlIssue],
) -> Iterator[tuple[yaml.Node, Location]]:
    if isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines.setdefault((*location, index), item.start_mark.line + 1 + offset)
            yield item, (*location, index)
        return
    seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = (
            str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "(a list or mapping)"
        )
        line = key_node.start_mark.line + 1 + offset
        if key in seen:
            message = f"'{key}' is given twice (first on line {seen[key]}); keep one"
            issues.append(YamlIssue(line, (*location, key), message))
            continue
        seen[key] = line
        lines.setdefault((*location, key), line)
        yield value_node, (*location, key)


# ---- syntax errors in plain words ----------------------------------------------------------

_QUOTE_HINT = (
    'put text that contains ": " or starts with a special character in double quotes, e.g. title: '
    '"Week 1: Intro"'
)
_PLAIN_WORDS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        f"a ': ' inside a value makes YAML read it as a new field; {_QUOTE_HINT}",
    ),
    ("found character '\\t'", "indent with spaces, not tabs"),
    ("found a tab character", "indent with spaces, not tabs"),
    (
        "found unknown escape character",
        (
            "a backslash inside double quotes starts an escape: write \\\\ for a backslash, or "
            "use single quotes"
        ),
    ),
    (
        "did not find expected alphabetic or numeric character",
        f"a value starting with * or & is read as a YAML alias; {_QUOTE_HINT}",
    ),
    (
        "found character that cannot start any token",
        f"a value starting with @, ` or % is not allowed unquoted; {_QUOTE_HINT}",
    ),
    (
        "could not find expected ':'",
        (
            "this line is neither a field (name: value) nor a list item (- value); add the ':' "
            "or the '- ', or join it to the line above in quotes"
        ),
    ),
    (
        "did not find expected ',' or ']'",
        (
            "a list in [ ] is not closed, or one of its values contains a comma or ': ' (put "
            "such a value in double quotes)"
        ),
    ),
    (
        "did not find expected ',' or '}'",
        (
            "a mapping in { } is not closed, or one of its values contains a comma or ': ' (put "
            "such a value in double quotes)"
        ),
    ),
    (
        "did not find expected '-' indicator",
        "a list item is indented differently from the items above it; line the '- ' up",
    ),
    (
        "did not find expected key",
        (
            "this line is not indented like the fields around it (or a quoted value is followed "
            "by more text); line it up with its neighbours"
        ),
    ),
    ("found unexpected end of stream", "the file ends inside a quoted text: close the quote"),
    (
        "expected <block end>",
        "this line is indented differently from the lines above it; line it up with its neighbours",
    ),
    ("found duplicate anchor", "the same &name is given twice; rename one"),
)


def syntax_issue(error: yaml.MarkedYAMLError, text: str, offset: int = 0) -> YamlIssue:
    """A YAML syntax error as an issue on the line where the mistake most likely is."""
    problem = f"{error.context or ''} {error.problem or ''}"
    plain = next((words for marker, words in _PLAIN_WORDS if marker in problem), None)
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    lines = text.split("\n")
    bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())]:
        return YamlIssue(line + offset, (), "indent with spaces, not tabs")
    opened = _unclosed_quote_line(text, error.problem_mark)
    if opened is not None and opened < line:
        message = 'this quoted text is not closed on its line: add the closing quote (")'
        return YamlIssue(opened + offset, (), message)
    if "quoted scalar" in (error.context or "") and error.context_mark:
        line = error.context_mark.line + 1  # where the quote opens, not where YAML gave up
        plain = (
            plain
            if "escape" in problem
            else "this quoted text is not closed: add the closing quote"
        )
    elif "flow" in (error.context or "") and error.context_mark:
        line = error.context_mark.line + 1  # the [ or { that opens the unfinished list
    message = plain or f"this is not valid YAML ({error.problem}); check quotes and indentation"
    return YamlIssue(line + offset, (), message)


def _unclosed_quote_line(text: str, problem: yaml.Mark | None) -> int | None:
    """The line (1-based) of a quoted text that runs over a line break right before the
    point where YAML gave up: almost always a missing closing quote that swallowed the
    next line. None when the text before the error ends otherwise."""
    if problem is None:
        return None
    last_scalar = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= problem.index:
                break
            if isinstance(token, yaml.ScalarToken):
                last_scalar = token
    except yaml.YAMLError:
        pass
    if last_scalar is None or last_scalar.style not in ('"', "'"):
        return None
    spans_lines = last_scalar.end_mark.line > last_scalar.start_mark.line
    return last_scalar.start_mark.line + 1 if spans_lines else None
