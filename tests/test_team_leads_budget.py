"""Team leads' pages within the budget of tests/test_asset_budget.py, counting the
stylesheet they link themselves (team-leads.css), and the check-in code kept off the
pages everyone opens: it loads when someone shares or pastes a check-in."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from site_helpers import REPO
from test_asset_budget import BUDGET_BYTES, STYLESHEET, gzipped, page_assets, page_stylesheets

pytestmark = pytest.mark.build

TEAM_LEADS_CSS = REPO / "docs/stylesheets/team-leads.css"
ON_DEMAND = {"checkin.js", "share-panel.js", "team-table.js"}


def html(repo_site, url: str) -> BeautifulSoup:
    return BeautifulSoup(
        (Path(repo_site.directory) / url / "index.html").read_text(), "html.parser"
    )


@pytest.mark.parametrize(
    "url",
    ["cohorts/sales-east/", "tracks/six-week-leadership/workbook/"],
    ids=["cohort", "workbook"],
)
def test_team_leads_pages_open_within_the_budget(repo_site, url: str) -> None:
    page = html(repo_site, url)
    linked = page.select_one("article link[rel=stylesheet][href$='stylesheets/team-leads.css']")
    assert linked is not None
    on_open, _ = page_assets(page)
    site = repo_site.directory
    styles = {STYLESHEET, TEAM_LEADS_CSS, *page_stylesheets(page)}  # workbook.css too
    total = gzipped(on_open, site) + gzipped(styles, site)
    assert total < BUDGET_BYTES, f"{total} bytes gzipped"
    assert not ON_DEMAND & {m.name for m in on_open}


@pytest.mark.parametrize(
    "url",
    ["tracks/six-week-leadership/", "tracks/six-week-leadership/week-1/", "cohorts/sales-east/"],
    ids=["track", "week", "cohort"],
)
def test_check_in_code_loads_on_demand(repo_site, url: str) -> None:
    on_open, later = page_assets(html(repo_site, url))
    names = {m.name for m in on_open}
    assert "share.js" in names or "team-progress.js" in names
    assert not ON_DEMAND & names, "only the button or the box loads on open"
    assert {"checkin.js"} <= {m.name for m in later}
