"""Ids (slugs): what makes one valid, and the one way to make one from any text.

An id is a file name and a page address, so every place that checks or suggests one
(`reading-program new` and `assign`, file names, ids in YAML) uses these two.
"""

from __future__ import annotations

import re
import unicodedata

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)
_NOT_SLUG_CHARACTERS = re.compile(r"[^a-z0-9]+")


def is_slug(text: str) -> bool:
    return _SLUG.match(text) is not None


def slug_for(text: str) -> str:
    """A slug for `text`, letters transliterated: "Café Führung" -> "cafe-fuhrung"."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("ß", "ss")).encode("ascii", "ignore")
    return _NOT_SLUG_CHARACTERS.sub("-", ascii_text.decode().lower()).strip("-")
