"""Reading time from the words of a Markdown body."""

from __future__ import annotations

import math
import re

WORDS_PER_MINUTE = 230
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_HTML_TAG = re.compile(r"<[^>]+>")


def count_words(markdown: str) -> int:
    prose = _HTML_TAG.sub(" ", _LINK_TARGET.sub("]", markdown))
    return len(_WORD.findall(prose))


def reading_minutes(markdown: str) -> int:
    """Minutes at 230 words per minute, rounded up; at least one minute."""
    return max(1, math.ceil(count_words(markdown) / WORDS_PER_MINUTE))
