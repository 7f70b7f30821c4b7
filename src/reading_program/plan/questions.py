"""Stable ids for reflection questions.

An id is built from the question's own words, never from its place, so reordering or
deleting questions keeps every other id (and the answers stored under it). A question in
Latin letters takes its first significant words (editing the end of a sentence keeps the
id); one in another script (Cyrillic, Greek, CJK...), which these words would lose, takes a
short hash of its words, normalised. Authors can pin an id with `{id: ..., text: ...}`
when they reword a question more deeply.

An id is the key a participant's answers are stored under, not a slug: it keeps the rule it
was published with (the ASCII letters and digits of the words: "Café" gives "caf"), where
load.slugs.slug_for transliterates ("cafe"). Changing it would move every stored answer to
a question with an accent away from its question; tests/test_rendering.py pins it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..fingerprints import digest
from ..load.specs import QuestionSpec
from ..model import Question

_ASCII_WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = frozenset(
    (
        "a an and are as at be by can could did do does for from had has have i if in is it its "
        "me my of on or our so that the their them then there these they this to was we were "
        "what when where which who whom why will with would you your"
    ).split()
)
_SIGNIFICANT_WORDS = 4


_ANY_WORD = re.compile(r"\w+")


def derive_question_id(text: str) -> str:
    words = _ASCII_WORD.findall(text.lower().replace("’", "").replace("'", ""))
    if not words or _has_other_script(text):
        return _words_hash(text)
    significant = [word for word in words if word not in _STOP_WORDS] or words
    return "-".join(significant[:_SIGNIFICANT_WORDS])


def _has_other_script(text: str) -> bool:
    """Whether `text` has letters of a script other than Latin (accents are Latin)."""
    return any(
        char.isalpha() and not unicodedata.name(char, "").startswith("LATIN")
        for char in text
        if not char.isascii()
    )


def _words_hash(text: str) -> str:
    """`q-` and 8 hex digits from the text's words, case, width and spacing normalised."""
    words = _ANY_WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    return f"q-{digest(' '.join(words or [text.strip()]))[:8]}"


def build_questions(specs: Iterable[QuestionSpec]) -> tuple[Question, ...]:
    """Questions with ids unique within one page (a repeated id gets a numeric suffix)."""
    taken: set[str] = set()
    questions = []
    for spec in specs:
        base = spec.id or derive_question_id(spec.text)
        question_id, counter = base, 2
        while question_id in taken:
            question_id, counter = f"{base}-{counter}", counter + 1
        taken.add(question_id)
        questions.append(Question(question_id, spec.text))
    return tuple(questions)
