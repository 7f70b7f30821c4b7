"""Reading time from an article's word count (counted when the file is read)."""

from __future__ import annotations

import math

WORDS_PER_MINUTE = 230


def reading_minutes(words: int) -> int:
    """Minutes at 230 words per minute, rounded up; at least one minute."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
