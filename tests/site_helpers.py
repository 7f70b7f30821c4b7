"""A small real site in tmp_path, built with real MkDocs; shared by the tests."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from builders import make_article  # noqa: F401 - shared by older tests

REPO = Path(__file__).resolve().parent.parent
# A frozen copy of the sample content (content/ is the authors' and changes): the site that
# tests of whole pages build (conftest.repo_site) and the library they compare it with.
SAMPLE = REPO / "tests" / "fixtures" / "sample"
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
    may_build = True  # tests/conftest.py allows builds only in tests marked `build`

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)  # may be a link to the shared snapshot: never write through
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, "utf-8")
        return path

    def build(self) -> None:
        """Build strictly in-process, as `mkdocs build --strict` does."""
        assert self.may_build, "this test builds a site: mark it @pytest.mark.build"
        mkdocs_build(mkdocs_config(self.root / "mkdocs.yml"))

    def build_cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Build through the real `mkdocs` command line, capturing its output."""
        assert self.may_build, "this test builds a site: mark it @pytest.mark.build"
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


def mkdocs_config(config_file: Path, **settings: object):
    """mkdocs.yml loaded strictly, as `mkdocs build --strict` loads it.

    MkDocs (and with the adapter, the whole package) is imported on first use: this module
    loads in every pytest process, the parallel fast loop's controller too, which builds
    nothing."""
    from mkdocs.config import load_config

    return load_config(config_file=str(config_file), strict=True, **settings)


def mkdocs_build(config) -> None:
    from mkdocs.commands.build import build

    build(config)


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    """Write content files (text as UTF-8, bytes as given) below `root`."""
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, "utf-8")


def loaded(kind_name: str, text: str, item_id: str = "t"):
    """A content file's text as the loader's `Loaded` spec, for unit tests of later stages."""
    from reading_program.load import files
    from reading_program.load.files import ContentFile
    from reading_program.load.loader import load_text
    from reading_program.load.problems import Problems

    kind = {k.name: k for k in files.FOLDER_KINDS}[kind_name]
    repo_path = f"content/{kind.folder}/{item_id}{kind.suffixes[0]}"
    problems = Problems()
    result = load_text(kind, text, ContentFile(item_id, REPO / repo_path, repo_path), problems)
    assert result is not None and not problems, [str(p) for p in problems]
    return result


# The repository's own parts of a site, which every test site has: its theme and pages.
SHARED_FOLDERS = ("hooks", "overrides", "docs")


@functools.cache
def shared_snapshot() -> Path:
    """SHARED_FOLDERS as this test process first saw them, copied once (and removed when it
    ends): test sites link to this copy, so an edit to the repository during a run changes
    no test's site, and no test can write into the repository through a link."""
    root = Path(tempfile.mkdtemp(prefix="reading-program-shared-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    for folder in SHARED_FOLDERS:
        shutil.copytree(REPO / folder, root / folder)
    return root


def share_folder(relative: str, target: Path) -> None:
    """`relative` (a folder of SHARED_FOLDERS, or below one) at `target`, as hard links to
    the snapshot's files where the file system allows: a hundred links cost a fraction of
    a hundred copies, and the fast loop makes a site for many of its tests. `Site.write`
    replaces a linked file instead of writing through it."""
    shutil.copytree(shared_snapshot() / relative, target, copy_function=_link_or_copy)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed
        shutil.copy2(source, target)


def make_site(root: Path) -> Site:
    """A site with the project's mkdocs.yml, hooks and theme overrides, two articles and a
    two-week track, below `root`."""
    for folder in ("hooks", "overrides", "docs/stylesheets", "docs/javascripts"):
        share_folder(folder, root / folder)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "src").mkdir()  # watched by `mkdocs serve`; must exist
    shutil.copy(REPO / "docs" / "tags.md", root / "docs" / "tags.md")
    new = Site(root)
    new.write("docs/index.md", "# Home\n\n<!-- reading-program:start two-weeks -->\n")
    new.write("content/articles/lead.md", article_text("Lead", tags="[leadership]"))
    new.write("content/articles/coach.md", article_text("Coach", tags="[coaching]"))
    new.write("content/tracks/two-weeks.yml", TRACK_YAML)
    return new
