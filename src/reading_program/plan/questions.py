"""Stable ids for reflection questions.

An id is built from the first significant words of the question, so reordering
questions or editing the end of a sentence keeps it; authors can pin one with
`{id: ..., text: ...}` when they reword a question more deeply.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..content.specs import QuestionSpec
from ..model import Question

_WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = frozenset(
    (
        "a an and are as at be by can could did do does for from had has have i if in is it its "
        "me my of on or our so that the their them then there these they this to was we were "
        "what when where which who whom why will with would you your"
    ).split()
)
_SIGNIFICANT_WORDS = 4


def derive_question_id(text: str) -> str:
    words = _WORD.findall(text.lower().replace("’", "").replace("'", ""))
    significant = [word for word in words if word not in _STOP_WORDS] or words
    return "-".join(significant[:_SIGNIFICANT_WORDS]) or "question"


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
