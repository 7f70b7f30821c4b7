"""What a rendered article body may hold, checked on the parsed tree and enforced again.

An article body is content, never code: nothing in it may run in a reader's browser (where
it could read the private journal) or make that browser ask another host for anything.
The body is rendered to HTML first (markdown_render.py), then:

1. `inspect` parses the HTML as a browser parses a fragment in a `<div>` (lexbor, an
   HTML5 parser, via selectolax) and names every element, attribute and address that is
   not on the allowlist below. The build fails on each, with the line and how to fix it.
2. `sanitised` passes the same HTML through nh3 (Ammonia) with the same allowlist: a
   second, independent layer, so that whatever the first one missed is dropped, not run.

Hand-written pages in docs/ are the site's own pages: only what runs or loads from
another host is refused there (`Finding.kind`), the rest of the allowlist does not apply.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from urllib.parse import urlsplit

import nh3
from selectolax.lexbor import LexborHTMLParser


class Kind(Enum):
    RUNS = "runs code"  # refused everywhere
    LOADS = "loads from another host"  # refused everywhere
    NOT_ALLOWED = "not on the allowlist"  # refused in article bodies


@dataclass(frozen=True)
class Finding:
    kind: Kind
    message: str  # what, and how to fix it
    needles: tuple[str, ...]  # text to look for in the source, to give the line


@dataclass(frozen=True)
class Address:
    """A URL in the body, in any attribute that holds one (`tag` and `attribute` say which)."""

    tag: str
    attribute: str
    url: str

    @property
    def is_link_or_image(self) -> bool:
        """In an `<a href>` or an `<img src>`: the addresses whose targets the site checks."""
        return self.attribute in ("href", "src") and self.tag in ("a", "img")


@dataclass(frozen=True)
class Inspected:
    findings: tuple[Finding, ...]
    ids: tuple[str, ...]
    addresses: tuple[Address, ...]


# The allowlist: what Markdown writes (with the site's extensions) and the safe HTML an
# author may add by hand. Everything else is refused by `inspect` and dropped by nh3.
TAGS = frozenset(
    """p br hr h1 h2 h3 h4 h5 h6 em strong b i u s del ins mark small sub sup code kbd samp var
    pre blockquote q cite abbr dfn time span div ul ol li dl dt dd table caption colgroup col
    thead tbody tfoot tr th td details summary figure figcaption a img""".split()
)
_EVERYWHERE = frozenset({"id", "class", "title", "lang", "dir"})
ATTRIBUTES = {
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "th": frozenset({"colspan", "rowspan", "scope", "style"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "details": frozenset({"open"}),
    "time": frozenset({"datetime"}),
}
SCHEMES = frozenset({"http", "https", "mailto", "tel"})  # of links; images: this site only
_ALIGN = re.compile(r"^\s*text-align:\s*(?:left|right|center)\s*;?\s*$", re.I)
# Attributes that hold an address a browser fetches or follows, on any element.
_URL_ATTRIBUTES = frozenset(
    """href src srcset action formaction poster background data codebase cite longdesc
    usemap manifest ping lowsrc dynsrc archive classid profile icon xlink:href""".split()
)
_RUNNING_SCHEMES = frozenset({"javascript", "vbscript", "data"})
_EMBEDS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "portal"})
_MEDIA = frozenset({"video", "audio", "source", "track", "picture"})
_FORMS = frozenset(
    """form input button select option optgroup textarea label fieldset legend datalist
    output""".split()
)
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]*)|@import\s+['"]([^'"]*)""", re.I)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")  # browsers drop these inside a scheme


def inspect(html: str) -> Inspected:
    """Every finding, every id, and every address of the body's HTML."""
    tree = LexborHTMLParser(html, is_fragment=True)
    findings: list[Finding] = []
    ids: list[str] = []
    addresses: list[Address] = []
    for node in _elements(tree):
        tag, attributes = node.tag, node.attributes
        if tag not in TAGS:
            findings.append(_element_finding(tag, attributes, node.text(deep=True)))
        for name, value in attributes.items():
            value = value or ""
            if name == "id":
                ids.append(value)
            if name in _URL_ATTRIBUTES:
                addresses.append(Address(tag, name, value))
            finding = _attribute_finding(tag, name, value)
            # An element refused as a whole is named once, unless one of its attributes
            # would run code even so.
            if finding is not None and (tag in TAGS or finding.kind is Kind.RUNS):
                findings.append(finding)
    if html.rfind("<!--") > html.rfind("-->"):
        message = (
            "an HTML comment (<!--) is never closed, so everything after it would be "
            "hidden: close it with -->"
        )
        findings.append(Finding(Kind.NOT_ALLOWED, message, ("<!--",)))
    return Inspected(tuple(findings), tuple(ids), tuple(addresses))


def _elements(tree: LexborHTMLParser) -> Iterator:
    if tree.root is None:
        return
    for node in tree.root.traverse(include_text=False):
        if node.tag and not node.tag.startswith("-"):  # not a comment or the fragment
            yield node


def _element_finding(tag: str, attributes: dict, text: str) -> Finding:
    needles = (f"<{tag}",)
    remote = [v for n, v in attributes.items() if n in _URL_ATTRIBUTES and _is_remote(v or "")]
    if tag == "script":
        return Finding(Kind.RUNS, _RUNS_SCRIPT, needles)
    if tag == "style":
        if loads := _css_remote(text):
            return Finding(Kind.LOADS, _loads("a style sheet", loads[0]), (loads[0], *needles))
        message = "a <style> element would restyle the whole page: remove it"
        return Finding(Kind.NOT_ALLOWED, message, needles)
    if tag in _FORMS:
        message = f"a form element (<{tag}>) would sit among the page's own answer boxes: remove it"
        return Finding(Kind.LOADS if remote else Kind.NOT_ALLOWED, message, needles)
    if tag in ("base", "meta", "link") and not remote:
        message = f"a <{tag}> element changes what the page does or where its links go: remove it"
        return Finding(Kind.RUNS, message, needles)
    if remote:
        what = "media" if tag in _MEDIA else f"a <{tag}>"
        return Finding(Kind.LOADS, _loads(what, remote[0]), (remote[0], *needles))
    if tag in _EMBEDS:
        message = f"an embedded <{tag}> would load another page into this one: link to it instead"
        return Finding(Kind.NOT_ALLOWED, message, needles)
    if tag in ("svg", "math"):
        message = (
            f"inline <{tag}> can hold scripts: save the picture as a file in docs/ and show "
            "it with ![description](file)"
        )
        return Finding(Kind.NOT_ALLOWED, message, needles)
    message = (
        f"<{tag}> is not allowed in an article (see 'What an article may hold' in "
        "guides/authors.md): remove it"
    )
    return Finding(Kind.NOT_ALLOWED, message, needles)


def _attribute_finding(tag: str, name: str, value: str) -> Finding | None:
    needles = (name,)
    if name.startswith("on"):
        message = f"the event handler {name}= would run code in every reader's browser: remove it"
        return Finding(Kind.RUNS, message, needles)
    if name in _URL_ATTRIBUTES:
        for url in _urls(name, value):
            if (finding := _address_finding(tag, name, url)) is not None:
                return finding
    if name == "style":
        if loads := _css_remote(value):
            return Finding(Kind.LOADS, _loads("an inline style", loads[0]), (loads[0], name))
        if tag in ("th", "td") and _ALIGN.match(value):
            return None
        message = "an inline style (style=) is not allowed: the site's stylesheets style articles"
        return Finding(Kind.NOT_ALLOWED, message, needles)
    if name == "class" and (own := [c for c in value.split() if c.startswith("rp-")]):
        message = (
            f"the class {own[0]!r} belongs to the site's own parts, which its scripts act "
            "on: use another name"
        )
        return Finding(Kind.NOT_ALLOWED, message, (own[0],))
    if tag in TAGS and name not in _EVERYWHERE and name not in ATTRIBUTES.get(tag, ()):
        if name.startswith("data-"):
            message = f"{name}= is not allowed: data- attributes drive the site's own scripts"
        else:
            message = f"the attribute {name}= is not allowed on <{tag}> in an article: remove it"
        return Finding(Kind.NOT_ALLOWED, message, needles)
    return None


def _address_finding(tag: str, name: str, url: str) -> Finding | None:
    scheme = _scheme(url)
    if scheme in _RUNNING_SCHEMES:
        message = (
            f"{url[:40]!r} would run code in every reader's browser (where it could read "
            "their private journal): link to a page instead"
        )
        return Finding(Kind.RUNS, message, (url[:40], name))
    if _is_remote(url):
        if tag == "a" and name == "href":
            return None  # a link to another site: followed only when a reader chooses to
        what = "an image" if tag == "img" else f"a <{tag}>"
        return Finding(Kind.LOADS, _loads(what, url), (url, name))
    if scheme and scheme not in SCHEMES:
        message = f"{url[:40]!r} is not a web address: link to a page (http, https or mailto)"
        return Finding(Kind.NOT_ALLOWED, message, (url[:40],))
    return None


def _urls(name: str, value: str) -> list[str]:
    if name in ("srcset", "ping", "archive"):
        return [part.strip().split(" ")[0] for part in re.split(r",\s+|\s+", value) if part]
    return [value.strip()]


def _scheme(url: str) -> str:
    cleaned = _INVISIBLE.sub("", url)
    return urlsplit(cleaned).scheme.lower() if ":" in cleaned else ""


def _is_remote(url: str) -> bool:
    cleaned = _INVISIBLE.sub("", url).replace("\\", "/")
    return cleaned.startswith("//") or _scheme(url) in ("http", "https", "ftp", "ws", "wss")


def _css_remote(css: str) -> list[str]:
    found = [first or second for first, second in _CSS_URL.findall(css)]
    return [url for url in found if _is_remote(url) or _scheme(url) not in ("", "data")]


def _loads(what: str, url: str) -> str:
    return (
        f"{what} from another site ({url[:60]}) would be loaded by every reader: copy it "
        "into docs/ and link to it there, or remove it"
    )


_RUNS_SCRIPT = (
    "a <script> would run in every reader's browser, where it could read their private "
    "journal: remove it (the site's own scripts live in docs/javascripts/)"
)


# String literals and comments of a script, in one pass: each alternative can run to the
# end of the text, so no position is scanned twice.
_SCRIPT_PARTS = re.compile(
    r"//[^\n]*|/\*(?:[^*]|\*(?!/))*(?:\*/|$)"
    r"|\"(?:[^\"\\\n]|\\.)*\"?|'(?:[^'\\\n]|\\.)*'?|`(?:[^`\\]|\\.)*`?",
    re.S,
)
_REMOTE_IN_TEXT = re.compile(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s'\"`)]*", re.I)
_CSS_COMMENT = re.compile(r"/\*(?:[^*]|\*(?!/))*(?:\*/|$)")


def stylesheet_loads(css: str) -> list[str]:
    """Addresses on other hosts that a style sheet would make the browser fetch."""
    return _css_remote(_CSS_COMMENT.sub(" ", css))


def script_loads(script: str) -> list[str]:
    """Addresses on other hosts written in a script's strings (comments left out): the
    site's own scripts must not fetch or import anything from elsewhere."""
    found = []
    for part in _SCRIPT_PARTS.finditer(script):
        if part.group().startswith(("//", "/*")):
            continue
        found += _REMOTE_IN_TEXT.findall(part.group())
    return found


def sanitised(html: str) -> str:
    """The body as nh3 (Ammonia) cleans it with the allowlist above: the second layer."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes={
            "*": set(_EVERYWHERE),
            **{tag: set(names) for tag, names in ATTRIBUTES.items()},
        },
        attribute_filter=_second_layer,
        url_schemes=set(SCHEMES),
        filter_style_properties={"text-align"},
        link_rel=None,
        strip_comments=True,
    )


def _second_layer(tag: str, name: str, value: str) -> str | None:
    if name == "class":
        return " ".join(c for c in value.split() if not c.startswith("rp-")) or None
    if tag == "img" and name == "src" and (_is_remote(value) or _scheme(value)):
        return None  # images from this site only
    return value
