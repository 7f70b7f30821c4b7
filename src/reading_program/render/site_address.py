"""Whether a published build has a real address: feeds, messages and mailto links are
absolute, built from `site_url`, and mkdocs.yml falls back to this computer's address
when SITE_URL is not set."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

_LOCAL_NAMES = frozenset({"localhost", ""})


def is_local_address(site_url: str) -> bool:
    """True for no address, localhost or a loopback or unspecified IP (127.0.0.1, ::1, 0.0.0.0)."""
    host = (urlsplit(site_url).hostname or "").lower()
    if host in _LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def local_address_warning(site_url: str) -> str | None:
    """One plain line for a published build whose address is this computer, else None."""
    if not is_local_address(site_url):
        return None
    return (
        f"WARNING: this build's address is {site_url or 'not set'} "
        "(SITE_URL is not set, or names this computer): "
        "calendar feeds, messages, e-mail drafts and mailto links in site/ will point at "
        "this computer. To publish, give the site's address: "
        "SITE_URL=https://your.site/ make build (or mkdocs gh-deploy)."
    )
