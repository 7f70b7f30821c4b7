"""The site's own stylesheets as the browser gets them: minified.

The sources in docs/ stay readable, with their comments; the site ships the stylesheets
without comments and needless whitespace (rCSSmin, a fast C minifier that keeps their
meaning). Scripts ship as written: the Python JavaScript minifiers at hand (rJSmin, jsmin)
rewrite the inside of template literals, which would change what the pages say.
"""

from __future__ import annotations

import rcssmin

OWN_STYLESHEETS = "stylesheets/"  # below docs/: the project's own


def is_own_stylesheet(src_uri: str) -> bool:
    return src_uri.startswith(OWN_STYLESHEETS) and src_uri.endswith(".css")


def minified(src_uri: str, text: str) -> str:
    """What the site ships for the asset at `src_uri`: a stylesheet minified, else `text`."""
    return rcssmin.cssmin(text, keep_bang_comments=True) if is_own_stylesheet(src_uri) else text
