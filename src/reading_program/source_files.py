"""Reading content files as text, and splitting Markdown into frontmatter and body.

Encoding problems are content problems: a UTF-8 BOM and CRLF line endings simply
work, other bytes are reported with the line they sit on.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import frontmatter

from .problems import Problem

_BOM = "\ufeff"


@dataclass(frozen=True)
class SourceText:
    """A content file's text with LF line endings, or the problem that kept us from it."""

    path: str  # relative to the repository, for messages
    text: str | None
    problem: Problem | None = None


@dataclass(frozen=True)
class MarkdownParts:
    """Frontmatter and body of a Markdown file, with the line each starts on."""

    frontmatter: str
    frontmatter_line: int
    body: str
    body_line: int


def read_source(file: Path, display_path: str) -> SourceText:
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        message = f"not valid UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8"
        return SourceText(display_path, None, Problem(display_path, line, "", message))
    text = text.removeprefix(_BOM).replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(display_path, text)


def split_markdown(text: str, display_path: str) -> MarkdownParts | Problem:
    """Split `---` fenced YAML frontmatter from the body using python-frontmatter's handler."""
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        return Problem(display_path, 1, "", "missing frontmatter: the file must start with '---'")
    fences = list(islice(handler.FM_BOUNDARY.finditer(text), 2))  # not every rule in the body
    if len(fences) < 2:
        message = "frontmatter is not closed: add a line '---' after the last field"
        return Problem(display_path, 1, "", message)
    fm_text, body = handler.split(text)
    # fm_text keeps the newline that ends the opening fence, so its lines match the file's.
    body = body.lstrip("\n")  # the body is the end of the text, after the closing fence
    closing_fence_line = text.count("\n", 0, fences[1].start()) + 1
    body_line = text.count("\n", 0, len(text) - len(body)) + 1 if body else closing_fence_line + 1
    return MarkdownParts(fm_text, 1, body, body_line)


def yaml_files(folder: Path) -> list[Path]:
    """A content folder's YAML files (`.yml` and `.yaml`), in a stable order."""
    return sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")])
