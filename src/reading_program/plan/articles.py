"""Articles from their files: reading time, question ids, and tags checked against the list."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..load.loader import ArticleSource, Loaded
from ..load.problems import Problem, Problems, closest
from ..model import Article, TagInfo
from .questions import build_questions
from .reading_time import reading_minutes


def build_articles(
    loaded: Sequence[Loaded[ArticleSource]], tags: Sequence[TagInfo], problems: Problems
) -> list[Article]:
    """Valid articles, A to Z by title; an unknown tag is a problem of its article."""
    articles = []
    for item in loaded:
        tag_problems = _unknown_tags(item, tags)
        if tag_problems:
            problems.extend(tag_problems)
            continue
        articles.append(build_article(item))
    return sorted(articles, key=lambda a: (a.title.casefold(), a.slug))


def unknown_article(slug: str, known: Iterable[str]) -> str:
    """What to say of an article id that names no article (a track's, an assessment's)."""
    close = closest(slug, known)
    hint = f"; did you mean {close!r}?" if close else " (an article's id is its file name)"
    return f"no article has the id {slug!r}{hint}"


def build_article(item: Loaded[ArticleSource]) -> Article:
    source, meta = item.spec, item.spec.frontmatter
    return Article(
        slug=item.id,
        repo_path=item.repo_path,
        title=meta.title,
        summary=meta.summary,
        tags=tuple(meta.tags),
        reflection=build_questions(meta.reflection),
        body=source.body,
        reading_minutes=reading_minutes(source.words),
        content_hash=source.content_hash[:12],
        date=meta.date,
        level=meta.level,
        author=meta.author,
        source=meta.source,
        rendered=source.rendered,
        draft=meta.draft,
    )


def _unknown_tags(item: Loaded[ArticleSource], tags: Sequence[TagInfo]) -> list[Problem]:
    if not tags:  # without content/tags.yml any tag is allowed
        return []
    allowed = [tag.slug for tag in tags]
    problems = []
    for index, tag in enumerate(item.spec.frontmatter.tags):
        if tag in allowed:
            continue
        close = closest(tag, allowed)
        hint = f"did you mean {close!r}? Or " if close else ""
        message = (
            f"{tag!r} is not in content/tags.yml; {hint}add it there with a line "
            f'`{tag}: {{title: "...", description: "..."}}`'
        )
        problems.append(item.problem(("tags", index), message))
    return problems
