"""A cohort's weekly messages as ready-to-send e-mail drafts (.eml), and the addresses a
lead may send them to.

No address is ever published: the messages' `mailto:` links and the site's drafts carry no
recipient, and the lead picks the team's list in their mail client. Only `reading-program
message --eml --to` writes recipients, into a folder the lead chooses, outside the
published content.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import re
from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

from ..fingerprints import digest
from ..model import Cohort
from .messages import Message

SEND_AT = dt.time(8, 0)  # a draft's Date: the week's first morning, in the team's zone
_DOMAIN = re.compile(r"^[^.\s@]+(?:\.[^.\s@]+)+$")
# A line break in a header value would start another header (`Bcc: ...`); so would these.
_LINE_BREAK = re.compile(r"[\r\n\v\f\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_EXAMPLE = "name@example.org, or Name <name@example.org>"


class BadAddress(ValueError):
    """An address that is not one; the message says which and why."""


def draft(cohort: Cohort, message: Message, to: Sequence[Address] = ()) -> bytes:
    """The week's message as an RFC 5322 draft: plain text and an HTML alternative,
    dated the week's first morning, marked unsent so mail clients open it for editing."""
    mail = EmailMessage(policy=email.policy.SMTP)  # CRLF line endings, folded headers
    mail["Subject"] = message.subject
    sent = dt.datetime.combine(
        message.week.scheduled.starts, SEND_AT, tzinfo=ZoneInfo(cohort.timezone)
    )
    mail["Date"] = format_datetime(sent)
    if to:
        mail["To"] = list(to)
    mail["X-Unsent"] = "1"  # Outlook and Apple Mail open it as a draft
    mail.set_content(message.body, charset="utf-8")
    mail.add_alternative(message.html, subtype="html", charset="utf-8")
    # The same message, the same bytes: a random boundary would change the site every
    # build. "=_" never occurs in quoted-printable text, so it cannot clash with the body.
    parts = (message.subject, message.body, message.html, mail["Date"], mail.get("To", ""))
    hashed = digest("\0".join(map(str, parts)))[:32]
    mail.set_boundary(f"=_reading-program_{hashed}")
    return mail.as_bytes()


def draft_name(message: Message) -> str:
    """The draft's file name, as the site publishes it beside the cohort's page."""
    return PurePosixPath(message.week.draft_src).name


def parse_addresses(texts: Sequence[str]) -> list[Address]:
    """Every recipient of every `--to` value, in order and once each. A value may list
    several, comma-separated, as a To: line does. Parsed by the standard library's address
    parser, not split by hand, so a quoted comma ("Lee, Ann" <ann@example.org>) stays in
    its name. BadAddress says which value is refused and why."""
    found: dict[str, Address] = {}
    for text in texts:
        for address in _addresses(text):
            found.setdefault(address.addr_spec.lower(), address)
    return list(found.values())


def _addresses(text: str) -> tuple[Address, ...]:
    if _LINE_BREAK.search(text):
        raise BadAddress(
            f"{text!r} holds a line break, which would start another header line "
            "(such as Bcc:): write each address on one line"
        )
    if _CONTROL.search(text):
        raise BadAddress(f"{text!r} holds an invisible control character: remove it")
    if "=?" in text:  # RFC 2047: "=?utf-8?q?x=40evil.org?=" decodes to another address
        raise BadAddress(
            f"{text!r} holds an encoded word (=?...?=), which mail programs decode into "
            "other text: write the name as plain text"
        )
    try:
        header = email.policy.default.header_factory("To", text)
    except (ValueError, IndexError, TypeError):
        header = None
    if header is None or header.defects or not header.addresses:
        raise BadAddress(f"{text!r} is not an e-mail address ({_EXAMPLE})")
    if any(group.display_name is not None for group in header.groups):
        raise BadAddress(f"{text!r} is a group (name: ...;): list the addresses themselves")
    return tuple(_checked(address, text) for address in header.addresses)


def _checked(address: Address, text: str) -> Address:
    if not address.username or not _DOMAIN.match(address.domain):
        raise BadAddress(
            f"{text!r} is not an e-mail address: {address.addr_spec!r} needs a name, "
            f"an @ and a domain such as example.org ({_EXAMPLE})"
        )
    if not address.username.isascii():
        raise BadAddress(
            f"{text!r}: {address.addr_spec!r} has letters beyond ASCII before the @, which "
            "most mail servers refuse: use the address's plain ASCII form"
        )
    try:  # an international domain goes in its ASCII form (xn--...), as mail servers need
        domain = address.domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise BadAddress(f"{text!r}: {address.domain!r} is not a domain name") from None
    return Address(address.display_name, address.username, domain)
