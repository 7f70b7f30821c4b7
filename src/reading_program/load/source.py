"""Reading content files as text, and splitting Markdown into frontmatter and body.

Encoding problems are content problems: a UTF-8 BOM and CRLF line endings simply work,
other bytes are reported with the line they sit on. A file that cannot be read at all
(permissions, a folder where a file should be) is a one-line problem, never a traceback.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import frontmatter

from ..fingerprints import digest
from .paths import RepoPath
from .problems import Problem, Problems

_BOM = "\ufeff"
MAX_FILE_BYTES = 2 * 1024 * 1024  # a long article is 50 KB; a book, 1 MB


@dataclass(frozen=True)
class SourceText:
    """A file's text with LF line endings, and the hash of its bytes."""

    text: str
    content_hash: str  # sha256 of the bytes, hex


@dataclass(frozen=True)
class MarkdownParts:
    """Frontmatter and body of a Markdown file; the frontmatter starts on line 1."""

    frontmatter: str
    body: str
    body_line: int


def read_bytes(file: Path, repo_path: RepoPath, problems: Problems) -> bytes | None:
    """The bytes of a regular file. Anything else (a named pipe, a socket, a device, a
    link that loops) is a problem, found without waiting: opening a pipe for reading
    would wait for a writer forever, and a device may never end."""
    try:
        handle = os.open(file, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        problems.add(unreadable(repo_path, error))
        return None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            problems.add(Problem(repo_path, None, "", not_a_file(status.st_mode)))
            return None
        if status.st_size > MAX_FILE_BYTES:
            megabytes = status.st_size / 1024 / 1024
            message = f"is {megabytes:.1f} MB; content files are at most 2 MB: split it"
            problems.add(Problem(repo_path, None, "", message))
            return None
        with os.fdopen(handle, "rb", closefd=False) as opened:
            return opened.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        problems.add(unreadable(repo_path, error))
        return None
    finally:
        os.close(handle)


def unreadable(repo_path: RepoPath, error: OSError) -> Problem:
    if error.errno == errno.ELOOP:
        message = "is a link that leads back to itself (a loop): remove the link"
    else:
        message = f"cannot be read ({error.strerror or error})"
    return Problem(repo_path, None, "", message)


_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISDIR, "a folder"),
)


def not_a_file(mode: int) -> str:
    """What a special file is, and what to do: the site is built from plain files."""
    kind = next((name for test, name in _SPECIAL_FILES if test(mode)), "not a plain file")
    return f"is {kind}, not a file: remove it, or put a plain file in its place"


def decode(
    raw: bytes, repo_path: RepoPath, problems: Problems, content_hash: str | None = None
) -> SourceText | None:
    """The text of `raw`; `content_hash` is the hash of `raw` when the caller has it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        message = f"is not valid UTF-8 (byte 0x{raw[error.start]:02x}): save the file as UTF-8"
        problems.add(Problem(repo_path, line, "", message))
        return None
    text = text.removeprefix(_BOM).replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(text, content_hash or digest(raw))


def read_text(file: Path, repo_path: RepoPath, problems: Problems) -> SourceText | None:
    raw = read_bytes(file, repo_path, problems)
    return None if raw is None else decode(raw, repo_path, problems)


def split_markdown(text: str, repo_path: RepoPath, problems: Problems) -> MarkdownParts | None:
    """Split `---` fenced YAML frontmatter from the body using python-frontmatter's handler."""
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        message = "has no frontmatter: the file must start with a line '---', then the fields"
        problems.add(Problem(repo_path, 1, "", message))
        return None
    fences = list(islice(handler.FM_BOUNDARY.finditer(text), 2))  # not every rule in the body
    if len(fences) < 2:
        message = "the frontmatter is not closed: add a line '---' after the last field"
        problems.add(Problem(repo_path, 1, "", message))
        return None
    fm_text, body = handler.split(text)
    # fm_text keeps the newline that ends the opening fence, so its lines match the file's.
    body = body.lstrip("\n")  # the body is the end of the text, after the closing fence
    closing_fence_line = text.count("\n", 0, fences[1].start()) + 1
    body_line = text.count("\n", 0, len(text) - len(body)) + 1 if body else closing_fence_line + 1
    return MarkdownParts(fm_text, body, body_line)
