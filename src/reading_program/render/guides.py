"""Discussion guides: what the person leading a week's meeting needs."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Question, Week

MAX_QUESTIONS = 5


@dataclass(frozen=True)
class AgendaItem:
    minutes: int
    what: str


AGENDA = (
    AgendaItem(5, "Check-in: one sentence each on how the week went."),
    AgendaItem(10, "The readings: each person names one idea that stuck, and why."),
    AgendaItem(20, "Discussion: take two or three of the questions above, in any order."),
    AgendaItem(5, "Commitments: one thing each person will try before the next meeting."),
)


def discussion_questions(week: Week) -> tuple[Question, ...]:
    """The week's prompts first, then each reading's questions in turn (first of every
    reading, then second...), up to five: the group hears from every reading."""
    chosen = list(week.prompts[:MAX_QUESTIONS])
    depth = 0
    while len(chosen) < MAX_QUESTIONS:
        round_ = [a.reflection[depth] for a in week.readings if depth < len(a.reflection)]
        if not round_:
            break
        chosen += round_[: MAX_QUESTIONS - len(chosen)]
        depth += 1
    return tuple(chosen)
