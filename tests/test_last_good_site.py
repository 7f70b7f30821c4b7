"""A content or docs mistake never takes the site down, and `check` rejects what the build does.

Each case breaks a copy of a small site that was built once, then builds it again: the build
must fail naming the file an author edits, in plain words and without a traceback, and
leave every file of the last good `site/` exactly as it was (MkDocs empties `site/` right
after `on_pre_build`, so every check has to happen before). `reading-program check` must
reject the same mistake with the same line.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from site_helpers import Site, article_text, make_site

from reading_program.cli import main

pytestmark = pytest.mark.build

Breakage = Callable[[Site], None]


def write(relative: str, text: str | bytes) -> Breakage:
    return lambda site: site.write(relative, text)


def append(relative: str, text: str) -> Breakage:
    def apply(site: Site) -> None:
        path = site.root / relative
        path.write_text(path.read_text("utf-8") + text, "utf-8")

    return apply


def symlink(relative: str, target: str) -> Breakage:
    def apply(site: Site) -> None:
        (site.root / relative).symlink_to(site.root / target)

    return apply


def _link_from_outside(site: Site, relative: str) -> None:
    outside = site.root.parent / "outside.md"
    outside.write_text("# Out\n", "utf-8")
    (site.root / relative).symlink_to(outside)


ASSESSMENT = """\
title: "Check"
intro: "Rate yourself."
article: lead
scale: ["No", "Yes"]
statements:
  - {id: one, aspect: coaching, text: "I coach."}
bands:
  - {outcome: "Low", heading: "Outcome: Low", min: 1, max: 2, summary: "Work on it."}
"""

BODY_CASES = [  # what an article's body may not hold, found on the rendered body
    (
        "link-with-brackets-to-missing-page",
        "Intro.\n\nSee [a [b] c](missing.md).\n",
        "content/articles/lead.md:13: link: 'missing.md' points at articles/missing.md",
    ),
    (
        "raw-html-link-to-missing-page",
        'Intro.\n\nSee <a href="../missing/">the other</a>.\n',
        "content/articles/lead.md:13: link: '../missing/' in raw HTML points at /articles/missing,",
    ),
    (
        "bracketed-javascript-link",
        "See [a [b] c](javascript:alert(1)).\n",
        "content/articles/lead.md:11: 'javascript:alert(1)' would run code",
    ),
    (
        "raw-html-javascript-link",
        'Text.\n\n<a HREF="JavaScript:alert(1)">x</a>\n',
        "content/articles/lead.md:13: 'JavaScript:alert(1)' would run code",
    ),
    (
        "raw-image-from-another-site",
        '<img SRC="https://tracker.example/p.gif" alt="">\n',
        "content/articles/lead.md:11: an image from another site (https://tracker.example/p.gif)",
    ),
    (
        "style-import-from-another-site",
        "Text.\n\n<style>@import url(https://fonts.example/x.css);</style>\n",
        "content/articles/lead.md:13: a style sheet from another site (https://fonts.example",
    ),
    (
        "inline-script",
        "Text.\n\n<script>localStorage.clear()</script>\n",
        "content/articles/lead.md:13: a <script> would run in every reader's browser",
    ),
    (
        "event-handler-by-attr-list",
        '## Heading { onclick="steal()" }\n',
        "content/articles/lead.md:11: the event handler onclick= would run code",
    ),
    (
        "srcset-from-another-site",
        '<img src="x.png" srcset="https://cdn.example/x.png 2x">\n',
        "an image from another site (https://cdn.example/x.png)",
    ),
    (
        "iframe",
        '<iframe src="https://video.example/embed/1"></iframe>\n',
        "content/articles/lead.md:11: a <iframe> from another site",
    ),
    (
        "form",
        "<form><textarea>x</textarea></form>\n",
        "content/articles/lead.md:11: a form element (<form>) would sit among the page's own",
    ),
    (
        "site-class",
        '<ol class="rp-questions"><li>Fake?</li></ol>\n',
        "content/articles/lead.md:11: the class 'rp-questions' belongs to the site's own parts",
    ),
    (
        "data-url-image",
        "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)\n",
        "content/articles/lead.md:11: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz' would run code",
    ),
]

CASES = [
    pytest.param(
        write("content/articles/lead.md", "---\ntitle: Week 1: Intro\n---\n\nText.\n"),
        "content/articles/lead.md:2: a ': ' inside a value makes YAML read it as a new field",
        id="yaml-syntax",
    ),
    pytest.param(
        write("docs/index.md", "# Home\n\n<!-- reading-program:start two-weks -->\n"),
        "docs/index.md:3: marker: no track has the id 'two-weks'; did you mean 'two-weeks'?",
        id="marker-track-typo",
    ),
    pytest.param(
        write("docs/index.md", "# Home\n\n<!-- reading-program:tracs -->\n"),
        "docs/index.md:3: marker: 'tracs' is not a marker; did you mean 'tracks'?",
        id="marker-name-typo",
    ),
    pytest.param(
        write("docs/index.md", "# Home\n\n<!-- reading_program:tracks -->\n"),
        "docs/index.md:3: marker: looks like a marker but is not one",
        id="marker-misspelled-prefix",
    ),
    pytest.param(
        write("docs/about.md", b"# Caf\xe9\n"),
        "docs/about.md:1: is not valid UTF-8 (byte 0xe9): save the file as UTF-8",
        id="docs-page-not-utf8",
    ),
    pytest.param(
        write("docs/about.md", "---\ntitle: About: us\n---\n\n# About\n"),
        "docs/about.md:2: a ': ' inside a value makes YAML read it as a new field",
        id="docs-page-frontmatter",
    ),
    pytest.param(
        lambda site: _link_from_outside(site, "docs/outside.md"),
        "docs/outside.md: is a link to ",
        id="docs-page-links-outside",
    ),
    pytest.param(
        write("docs/articles/lead.md", "# Mine\n"),
        "docs/articles/lead.md: has the same address as content/articles/lead.md, which the site "
        "is built from: rename or remove one of them",
        id="docs-page-clashes-with-article",
    ),
    pytest.param(
        write("docs/journal.md", "# Mine\n"),
        "docs/journal.md: the site makes this page itself (the journal): rename or remove the file",
        id="docs-page-clashes-with-journal",
    ),
    pytest.param(
        write("docs/tracks/two-weeks/plan.json", "{}\n"),
        "docs/tracks/two-weeks/plan.json: the site makes this file itself (a generated file",
        id="docs-file-clashes-with-plan-data",
    ),
    pytest.param(
        write("docs/journal/question-texts.json", "{}\n"),
        "docs/journal/question-texts.json: the site makes this file itself (the journal's "
        "question texts): rename or remove the file",
        id="docs-file-clashes-with-journal-data",
    ),
    pytest.param(
        write("docs/journal/index.md", "# Mine\n"),
        "docs/journal/index.md: the site makes this page itself (the journal): rename or remove",
        id="docs-index-page-clashes-with-journal-by-address",
    ),
    pytest.param(
        write("docs/articles/lead/index.md", "# Mine\n"),
        "docs/articles/lead/index.md: has the same address as content/articles/lead.md",
        id="docs-index-page-clashes-with-article-by-address",
    ),
    pytest.param(
        write("docs/tags/leadership/index.html", "<p>Mine</p>\n"),
        "docs/tags/leadership/index.html: the site makes this file itself",
        id="docs-html-file-clashes-with-tag-page",
    ),
    pytest.param(
        write("docs/tracks/two-weeks/week-1/index.md", "# Mine\n"),
        "docs/tracks/two-weeks/week-1/index.md: has the same address as "
        "content/tracks/two-weeks.yml",
        id="docs-index-page-clashes-with-week-by-address",
    ),
    pytest.param(
        lambda site: [
            site.write("docs/guide.md", "# A\n"),
            site.write("docs/guide/index.md", "# B\n"),
        ],
        "docs/guide.md: has the same address (/guide/) as docs/guide/index.md",
        id="two-docs-pages-one-address",
    ),
    pytest.param(
        write("docs/README.md", "# Readme\n"),
        "docs/README.md: has the same address (/) as docs/index.md",
        id="readme-beside-index",
    ),
    pytest.param(
        write("docs/tracks/two-weeks/week-1.md", "# Mine\n"),
        "docs/tracks/two-weeks/week-1.md: has the same address as content/tracks/two-weeks.yml",
        id="docs-page-clashes-with-week",
    ),
    pytest.param(
        write("content/articles/index.md", article_text("Index")),
        "content/articles/index.md: the id 'index' is taken by the site's own page /articles/",
        id="reserved-article-id",
    ),
    pytest.param(
        write("content/cohorts/index.yml", 'team: "T"\ntrack: two-weeks\nstart: 2027-01-04\n'),
        "content/cohorts/index.yml: the id 'index' is taken by the site's own page /cohorts/",
        id="reserved-cohort-id",
    ),
    pytest.param(
        lambda site: site.write(
            "content/tracks/two-weeks.yaml",
            (site.root / "content/tracks/two-weeks.yml").read_text(),
        ),
        "content/tracks/two-weeks.yml: has the same id as content/tracks/two-weeks.yaml",
        id="one-id-two-files",
    ),
    pytest.param(
        write("content/articles/UPPER.MD", article_text("Upper")),
        "content/articles/UPPER.MD: rename it to UPPER.md",
        id="wrong-suffix",
    ),
    pytest.param(
        symlink("content/articles/gone.md", "nowhere.md"),
        "content/articles/gone.md: is a link to",
        id="dangling-symlink",
    ),
    pytest.param(
        write("content/articles/lead.md", article_text("Lead", body="See [coach](choach.md).\n")),
        "content/articles/lead.md:11: link: 'choach.md' points at articles/choach.md, which is not "
        "a page or file of the site: did you mean 'coach.md'?",
        id="article-link-to-missing-article",
    ),
    pytest.param(
        write(
            "content/articles/lead.md", article_text("Lead", body="See [it](coach.md#nowhere).\n")
        ),
        "content/articles/lead.md:11: link: '#nowhere' is not a heading or anchor of the page "
        "articles/coach.md",
        id="article-link-to-missing-anchor",
    ),
    pytest.param(
        write("content/articles/lead.md", article_text("Lead", body="See [tracks](/tracks/).\n")),
        "content/articles/lead.md:11: link: '/tracks/' is an absolute link",
        id="absolute-link",
    ),
    pytest.param(
        write(
            "content/articles/lead.md",
            article_text("Lead", body="See [week](../tracks/two-weeks/).\n"),
        ),
        "content/articles/lead.md:11: link: '../tracks/two-weeks/' does not name a file of "
        "the site (links point at .md files): did you mean '../tracks/two-weeks/index.md'?",
        id="folder-link",
    ),
    pytest.param(
        write(
            "content/articles/lead.md",
            article_text("Lead", body="![](https://example.org/p.gif)\n"),
        ),
        "content/articles/lead.md:11: an image from another site (https://example.org/p.gif) "
        "would be loaded by every reader: copy it into docs/",
        id="third-party-image",
    ),
    pytest.param(
        write("content/articles/lead.md", article_text("Lead", body="[x](javascript:alert(1))\n")),
        "content/articles/lead.md:11: 'javascript:alert(1)' would run code in every reader's "
        "browser",
        id="script-link",
    ),
    *(
        pytest.param(
            write("content/articles/lead.md", article_text("Lead", body=body)), expected, id=name
        )
        for name, body, expected in BODY_CASES
    ),
    pytest.param(
        write("content/assessments/check.yml", ASSESSMENT),
        "content/assessments/check.yml:8: band 1, heading: 'Outcome: Low' is not a heading of the "
        "article 'lead'",
        id="band-heading-not-in-article",
    ),
    pytest.param(
        write("docs/about.md", "# About\n\nSee [the list](articles.md).\n"),
        "docs/about.md:3: link: 'articles.md' points at articles.md, which is not a page or file "
        "of the site: did you mean 'articles/index.md'?",
        id="docs-page-broken-link",
    ),
    pytest.param(
        write("content/articles/lead.md", article_text("Lead", tags="[leadrship]")),
        "content/articles/lead.md:4: tag 1: 'leadrship' is not in content/tags.yml; did you mean "
        "'leadership'?",
        id="unknown-tag",
    ),
    pytest.param(
        append(
            "content/tracks/two-weeks.yml",
            "  - title: 'Third'\n    intro: 'I.'\n    tags: [nothing]\n    prompts: ['P?']\n",
        ),
        "content/tracks/two-weeks.yml:14: week 3, tag 1: no article carries the tag 'nothing'",
        id="week-tag-no-article",
    ),
    pytest.param(
        write("docs/about.md", "# About\n\n<script>localStorage.clear()</script>\n"),
        "docs/about.md:3: a <script> would run in every reader's browser",
        id="docs-page-script",
    ),
    pytest.param(
        write("docs/about.md", "# About\n\n![](https://tracker.example/p.gif)\n"),
        "docs/about.md:3: an image from another site (https://tracker.example/p.gif)",
        id="docs-page-third-party-image",
    ),
    pytest.param(
        write("docs/stylesheets/extra.css", "@import url('https://fonts.example/css');\n"),
        "docs/stylesheets/extra.css:1: https://fonts.example/css is on another site",
        id="docs-stylesheet-from-another-site",
    ),
    pytest.param(
        write("docs/javascripts/extra.js", 'import x from "https://cdn.example/x.js";\n'),
        "docs/javascripts/extra.js:1: https://cdn.example/x.js is on another site",
        id="docs-script-from-another-site",
    ),
    pytest.param(
        write("docs/about.md", "# About\n\n## a_b_c\n\n[x](#a_b_d)\n"),
        "docs/about.md:5: link: '#a_b_d' is not a heading or anchor of this page: did you "
        "mean #a_b_c?",
        id="anchor-with-underscores-suggested-as-it-is",
    ),
    pytest.param(
        write("docs/about.md", "---\ntemplate: nope.html\n---\n\n# About\n"),
        "docs/about.md:2: template: the theme has no template 'nope.html'",
        id="frontmatter-template",
    ),
    pytest.param(
        write("docs/about.md", "---\ntitle: About\nhide: toc\n---\n\n# About\n"),
        "docs/about.md:3: hide: must be a list of what to hide, e.g. [toc]",
        id="frontmatter-hide",
    ),
    pytest.param(
        write("docs/about.md", "---\nsearch: true\n---\n\n# About\n"),
        "docs/about.md:2: search: must hold exclude and/or boost",
        id="frontmatter-search",
    ),
    pytest.param(
        write("docs/about.md", "---\nicon: material/no-such-icon\n---\n\n# About\n"),
        "docs/about.md:2: icon: the theme has no icon 'material/no-such-icon'",
        id="frontmatter-icon",
    ),
    pytest.param(
        write("docs/about.md", '---\nstatus: "new\\" onmouseover=\\"x"\n---\n\n# About\n'),
        "docs/about.md:2: status: must be a status name, e.g. new",
        id="frontmatter-status",
    ),
    pytest.param(
        write(
            "content/cohorts/team.yml",
            "team: T\ntrack: two-weeks\nstart: !!timestamp 2027-01-11 09:00:00\n",
        ),
        "content/cohorts/team.yml:3: !!timestamp is a YAML tag, which content files do not use",
        id="yaml-explicit-tag",
    ),
    pytest.param(
        write("content/articles/lead.md", article_text("Lead", extra=f"level: {'9' * 5000}\n")),
        "content/articles/lead.md:9: this number has 5,000 digits",
        id="yaml-huge-number",
    ),
    pytest.param(
        lambda site: os.mkfifo(site.root / "content/articles/pipe.md"),
        "content/articles/pipe.md: is a named pipe (FIFO), not a file",
        id="fifo-in-content",
    ),
    pytest.param(
        lambda site: os.mkfifo(site.root / "docs/pipe.css"),
        "docs/pipe.css: is a named pipe (FIFO), not a file",
        id="fifo-in-docs",
    ),
    pytest.param(
        symlink("docs/loop", "docs"),
        "docs/loop: is a link to docs, a folder that holds it (a loop): remove the link",
        id="symlink-loop-in-docs",
    ),
    pytest.param(
        write("content/cohorts/team.yml", 'team: "T"\ntrack: two-weeks\nstart: "1799625600"\n'),
        "content/cohorts/team.yml:3: start: expected a date written YYYY-MM-DD",
        id="timestamp-as-date",
    ),
]

TAGS = """\
leadership: {title: "Leadership", description: "Leading people."}
coaching: {title: "Coaching", description: "Helping people grow."}
"""


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = make_site(tmp_path_factory.mktemp("good"))
    site.write("content/tags.yml", TAGS)
    site.build()
    return site.root


@pytest.fixture
def good_site(built_once: Path, tmp_path: Path) -> Site:
    shutil.copytree(built_once, tmp_path / "copy", symlinks=True)
    return Site(tmp_path / "copy")


def snapshot(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize(("breakage", "expected"), CASES)
def test_a_mistake_fails_build_and_check_and_keeps_the_last_good_site(
    good_site: Site,
    breakage: Breakage,
    expected: str,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = snapshot(good_site.root / "site")
    assert len(before) > 40
    breakage(good_site)

    caplog.set_level(logging.ERROR, logger="mkdocs")
    with pytest.raises(Abort):  # what MkDocs raises after logging a PluginError
        good_site.build()
    logged = caplog.text
    assert expected in logged, logged
    assert "Traceback" not in logged
    assert snapshot(good_site.root / "site") == before

    assert main(["--root", str(good_site.root), "check"]) == 1
    reported = capsys.readouterr().err
    assert expected in reported, reported
    assert "Traceback" not in reported


EXTRA_HOOK = """\
import logging

log = logging.getLogger("mkdocs.plugins.extra")


def on_page_content(html, page, **kwargs):
    log.warning("a warning from another plugin while the pages are built")
    return html
"""


def _theme_fails_to_render(site: Site) -> None:
    site.write(
        "overrides/main.html",
        '{% extends "base.html" %}{% block content %}{{ nope.no.such }}{% endblock %}\n',
    )


def _warning_after_the_checks(site: Site) -> None:
    site.write("hooks/extra.py", EXTRA_HOOK)
    config = (site.root / "mkdocs.yml").read_text("utf-8")
    hooked = config.replace(
        "  - hooks/reading_site.py\n", "  - hooks/reading_site.py\n  - hooks/extra.py\n"
    )
    site.write("mkdocs.yml", hooked)


def _cache_cannot_be_written(site: Site) -> None:
    pages = site.root / ".cache/reading-program/pages"
    shutil.rmtree(pages)
    pages.write_text("not a folder", "utf-8")  # as a full disk would, writing fails


LATE_FAILURES = [
    pytest.param(
        _theme_fails_to_render, ": the build stopped (UndefinedError", id="theme-template-error"
    ),
    pytest.param(_warning_after_the_checks, "warnings in strict mode!", id="strict-warning"),
    pytest.param(_cache_cannot_be_written, ".cache/reading-program/pages", id="cache-not-writable"),
]


@pytest.mark.parametrize("dirty", [False, True], ids=["build", "dirty-build"])
@pytest.mark.parametrize(("breakage", "expected"), LATE_FAILURES)
def test_a_failure_after_the_checks_still_keeps_the_last_good_site(
    good_site: Site, breakage: Breakage, expected: str, dirty: bool, caplog
) -> None:
    """What only the build can find (the theme, the disk, another plugin's warning) fails
    after MkDocs would have emptied `site/`: the site stays byte for byte, the message is
    plain, and no staging folder is left behind."""
    before = snapshot(good_site.root / "site")
    breakage(good_site)
    caplog.set_level(logging.WARNING, logger="mkdocs")  # strict mode counts warnings
    config = load_config(config_file=str(good_site.root / "mkdocs.yml"), strict=True)
    with pytest.raises(Abort) as failure:
        build(config, dirty=dirty)
    told = "\n".join([caplog.text, str(failure.value)])
    assert expected in told, told
    assert "Traceback" not in told
    assert snapshot(good_site.root / "site") == before
    assert sorted(p.name for p in good_site.root.iterdir() if p.name.startswith(".site")) == []
    assert config.site_dir == str(good_site.root / "site")


@pytest.mark.parametrize("dirty", [False, True], ids=["build", "dirty-build"])
def test_a_good_build_replaces_the_site_whole_and_keeps_its_hidden_files(
    good_site: Site, dirty: bool
) -> None:
    site = good_site.root / "site"
    (site / ".git-marker").write_text("kept", "utf-8")
    (site / "stale.html").write_text("from an old build", "utf-8")
    good_site.write("content/articles/lead.md", article_text("Lead, Revised"))
    config = load_config(config_file=str(good_site.root / "mkdocs.yml"), strict=True)
    build(config, dirty=dirty)
    assert (site / ".git-marker").read_text("utf-8") == "kept"
    assert (site / "stale.html").exists() is dirty  # a full build starts afresh
    assert "Lead, Revised" in (site / "articles/lead/index.html").read_text("utf-8")
    assert config.site_dir == str(site)
    assert [p.name for p in good_site.root.iterdir() if p.name.startswith(".site")] == []
