"""A small real site in tmp_path, built with real MkDocs; shared by the tests."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from reading_program.models import Article

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def article_text(
    title: str = "An Article",
    summary: str = "A short summary.",
    tags: str = "[leadership]",
    reflection: tuple[str, ...] = ("What will you try?", "Who can help?", "What stops you?"),
    body: str = "Some words of the article.\n",
    extra: str = "",
) -> str:
    """Article source with double-quoted YAML values, as authors are told to write them."""
    questions = "".join(f'  - "{q}"\n' for q in reflection)
    return (
        f'---\ntitle: "{title}"\nsummary: "{summary}"\ntags: {tags}\n'
        f"reflection:\n{questions}{extra}---\n\n{body}"
    )


TRACK_YAML = """\
title: "Two Weeks"
summary: "A short track."
weeks:
  - title: "First"
    intro: "Start here."
    tags: [leadership]
    prompts: ["What did you notice?"]
  - title: "Second"
    intro: "Then this."
    tags: [coaching]
    prompts: ["What will you change?"]
"""


@dataclass
class Site:
    """A throwaway copy of the project's site setup with its own content."""

    root: Path

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, "utf-8")
        return path

    def build(self) -> None:
        """Build strictly in-process, as `mkdocs build --strict` does."""
        config = load_config(config_file=str(self.root / "mkdocs.yml"), strict=True)
        build(config)

    def build_cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Build through the real `mkdocs` command line, capturing its output."""
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", *args]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        return subprocess.run(
            command, cwd=self.root, capture_output=True, text=True, env=env, check=False
        )

    def html(self, url_path: str) -> BeautifulSoup:
        file = self.root / "site" / url_path.strip("/") / "index.html"
        return BeautifulSoup(file.read_text("utf-8"), "html.parser")

    def raw_html(self, url_path: str) -> str:
        return (self.root / "site" / url_path.strip("/") / "index.html").read_text("utf-8")


def make_article(slug: str, **fields: object) -> Article:
    """An Article for unit tests: defaults for every field the test does not care about."""
    defaults: dict[str, object] = {
        "source_path": f"content/articles/{slug}.md",
        "title": slug.replace("-", " ").title(),
        "summary": "S.",
        "tags": ("t",),
        "reflection": (),
        "body": "Text.",
        "reading_minutes": 3,
        "content_hash": "0" * 12,
    }
    return Article(slug=slug, **{**defaults, **fields})  # type: ignore[arg-type]


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    """Write content files (text as UTF-8, bytes as given) below `root`."""
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, "utf-8")
