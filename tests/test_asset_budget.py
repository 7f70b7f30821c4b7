"""The project's own JavaScript and CSS stay small: under 10 KB gzipped in total."""

from __future__ import annotations

import gzip

from site_helpers import REPO

BUDGET_BYTES = 10 * 1024


def test_own_assets_fit_the_budget() -> None:
    assets = [*(REPO / "docs/javascripts").glob("*.js"), *(REPO / "docs/stylesheets").glob("*.css")]
    assert len(assets) >= 2
    total = sum(len(gzip.compress(path.read_bytes(), compresslevel=9)) for path in assets)
    assert total < BUDGET_BYTES, f"{total} bytes gzipped"


def test_script_uses_no_network_api() -> None:
    script = (REPO / "docs/javascripts/reading-program.js").read_text()
    for api in ("fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource", "import("):
        assert api not in script, f"answers never leave the browser: found {api}"
