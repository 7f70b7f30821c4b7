"""The site's own scripts and stylesheets as the browser gets them: minified.

The sources in docs/ stay readable, with their comments; the site ships them without
comments and needless whitespace (rJSmin and rCSSmin, fast C minifiers that keep the code's
meaning), which keeps every page's own JS and CSS within its budget of 10 KB gzipped.
"""

from __future__ import annotations

import rcssmin
import rjsmin

OWN_FOLDERS = ("javascripts/", "stylesheets/")  # below docs/: the project's own assets


def is_own_asset(src_uri: str) -> bool:
    return src_uri.startswith(OWN_FOLDERS) and src_uri.endswith((".js", ".css"))


def minified(src_uri: str, text: str) -> str:
    """`text` of the script or stylesheet at `src_uri`, minified."""
    if src_uri.endswith(".js"):
        return rjsmin.jsmin(text, keep_bang_comments=True)
    return rcssmin.cssmin(text, keep_bang_comments=True)
