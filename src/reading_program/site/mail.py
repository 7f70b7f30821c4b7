"""A cohort's weekly messages as e-mail: `mailto:` links and ready-to-send drafts (.eml).

No address is ever published: links and the site's drafts carry no recipient, and the lead
picks the team's list in their mail client. Only `reading-program message --eml --to`
writes recipients, into a folder the lead chooses, outside the published content.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import hashlib
import re
from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from urllib.parse import quote
from zoneinfo import ZoneInfo

from ..model import Cohort, ScheduledWeek
from .messages import DETAILS, Message, week_message

# Mail clients and browsers cut longer mailto: links (Outlook near 2,000 characters).
MAILTO_LIMIT = 2000
SEND_AT = dt.time(8, 0)  # a draft's Date: the week's first morning, in the team's zone
_DOMAIN = re.compile(r"^[^.\s@]+(?:\.[^.\s@]+)+$")


class BadAddress(ValueError):
    """An address that is not one; the message says which and why."""


def mailto_href(cohort: Cohort, scheduled: ScheduledWeek, site_url: str) -> str:
    """`mailto:?subject=...&body=...` for the week, with no recipient. A message too long
    for a link falls back to shorter wording that links to the week's page."""
    href = ""
    for detail in DETAILS:
        message = week_message(cohort, scheduled, site_url, detail)
        href = _mailto(message)
        if len(href) <= MAILTO_LIMIT:
            return href
    return href  # even the minimal message is long (a very long team name): still usable


def _mailto(message: Message) -> str:
    # RFC 6068: UTF-8, percent-encoded; line breaks in the body are CRLF.
    subject = quote(message.subject, safe="")
    body = quote(message.body.replace("\n", "\r\n"), safe="")
    return f"mailto:?subject={subject}&body={body}"


def draft(cohort: Cohort, scheduled: ScheduledWeek, site_url: str, to: Sequence[str] = ()) -> bytes:
    """The week's message as an RFC 5322 draft: plain text and an HTML alternative,
    dated the week's first morning, marked unsent so mail clients open it for editing."""
    message = week_message(cohort, scheduled, site_url)
    mail = EmailMessage(policy=email.policy.SMTP)  # CRLF line endings, folded headers
    mail["Subject"] = message.subject
    sent = dt.datetime.combine(scheduled.starts, SEND_AT, tzinfo=ZoneInfo(cohort.timezone))
    mail["Date"] = format_datetime(sent)
    if to:
        mail["To"] = [_address(text) for text in to]
    mail["X-Unsent"] = "1"  # Outlook and Apple Mail open it as a draft
    mail.set_content(message.body, charset="utf-8")
    mail.add_alternative(message.html, subtype="html", charset="utf-8")
    # The same message, the same bytes: a random boundary would change the site every
    # build. "=_" never occurs in quoted-printable text, so it cannot clash with the body.
    parts = (message.subject, message.body, message.html, mail["Date"], mail.get("To", ""))
    digest = hashlib.sha256("\0".join(map(str, parts)).encode()).hexdigest()[:32]
    mail.set_boundary(f"=_reading-program_{digest}")
    return mail.as_bytes()


def draft_name(cohort: Cohort, scheduled: ScheduledWeek) -> str:
    return f"{cohort.id}-week-{scheduled.number}.eml"


def parse_addresses(texts: Sequence[str]) -> list[str]:
    """Check every `--to` address; BadAddress names the first that is not one."""
    for text in texts:
        _address(text)
    return list(texts)


def _address(text: str) -> Address:
    name, addr = parseaddr(text)
    local, _, domain = addr.rpartition("@")
    if not local or not _DOMAIN.match(domain) or any(c.isspace() for c in addr):
        raise BadAddress(f"{text!r} is not an e-mail address (name@example.org)")
    try:
        return Address(display_name=name, username=local, domain=domain)
    except (ValueError, IndexError) as error:
        raise BadAddress(f"{text!r} is not an e-mail address ({error})") from None
