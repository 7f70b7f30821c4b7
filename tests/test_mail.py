"""E-mail for team leads: mailto: links that mail clients accept, and drafts (.eml) read back
with Python's own parser."""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from builders import make_article, make_cohort, make_track, make_week
from site_helpers import REPO, Site

from reading_program.cli import main
from reading_program.model import Cohort, ScheduledWeek
from reading_program.render.cohort_weeks import announced_week
from reading_program.render.mail import BadAddress, draft, parse_addresses
from reading_program.render.messages import MAILTO_LIMIT, Message, mailto, week_message

SITE = "https://leaders.example.org/reading-program/"


def track(readings: int = 2, prompt_words: int = 8):
    prompt = " ".join(["word"] * prompt_words) + "?"
    weeks = [
        make_week(
            n,
            f"Theme {n}",
            [make_article(f"a{n}-{i}", title=f"Reading {n}.{i} ✓") for i in range(readings)],
            [prompt, prompt],
        )
        for n in (1, 2)
    ]
    return make_track("t", "Track Ünïcode", weeks)


def message(cohort: Cohort, scheduled: ScheduledWeek) -> Message:
    return week_message(cohort, announced_week(cohort, scheduled, SITE))


def decoded(href: str) -> dict[str, str]:
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == "", "no recipient in the link"
    return {key: values[0] for key, values in parse_qs(parts.query, strict_parsing=True).items()}


def test_a_short_message_goes_into_the_link_whole() -> None:
    cohort = make_cohort(track(), team="Équipe Zürich 🚀", lead="Dana")
    first = message(cohort, cohort.schedule[0])
    href = first.mailto
    fields = decoded(href)
    assert fields["subject"] == first.subject
    assert fields["body"] == first.body.replace("\n", "\r\n")  # RFC 6068: CRLF
    assert len(href) <= MAILTO_LIMIT
    assert re.fullmatch(r"mailto:\?subject=[A-Za-z0-9%._~-]+&body=[A-Za-z0-9%._~-]+", href)


def test_a_long_message_links_to_the_week_instead() -> None:
    cohort = make_cohort(track(readings=8, prompt_words=60), message="A long note. " * 20)
    for scheduled in cohort.schedule:
        full = message(cohort, scheduled)
        href = full.mailto
        assert len(href) <= MAILTO_LIMIT
        body = decoded(href)["body"]
        assert f"{SITE}tracks/t/week-{scheduled.number}/" in body
        assert body.startswith("Hello Sales East,")
        assert len(mailto(full.subject, full.body)) > MAILTO_LIMIT  # the case being tested


def test_a_draft_reads_back_with_pythons_email_parser() -> None:
    cohort = make_cohort(track(), team='R&D <West> "Team"', lead="Dana", timezone="Europe/Berlin")
    scheduled = cohort.schedule[1]
    expected = message(cohort, scheduled)
    raw = draft(cohort, expected, to=["Sam <sam@example.org>", "kim@example.org"])
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["Subject"] == expected.subject
    assert parsed["To"] == "Sam <sam@example.org>, kim@example.org"
    assert parsed["X-Unsent"] == "1"
    assert parsed["Date"].datetime.isoformat() == "2026-03-16T08:00:00+01:00"  # week 2 starts
    assert parsed.get_content_type() == "multipart/alternative"
    plain = parsed.get_body(("plain",))
    assert plain.get_content_charset() == "utf-8"
    assert plain.get_content().replace("\r\n", "\n") == expected.body
    html = parsed.get_body(("html",)).get_content()
    assert (
        "R&amp;D &lt;West&gt; &#34;Team&#34;" in html
        or "R&amp;D &lt;West&gt; &quot;Team&quot;" in html
    )
    assert f'<a href="{SITE}articles/a2-0/">' in html
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")


def test_drafts_are_the_same_bytes_every_time_and_carry_no_address() -> None:
    cohort = make_cohort(track())
    first, second = (draft(cohort, message(cohort, cohort.schedule[0])) for _ in range(2))
    assert first == second
    assert b"To:" not in first


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("nobody", "is not an e-mail address"),
        ("a@b", "needs a name, an @ and a domain"),
        ("two words@example.org", "is not an e-mail address"),
        ("@example.org", "is not an e-mail address"),
        ("x@example..org", "is not an e-mail address"),
        ('"Evil\r\nBcc: x@evil.org" <team@example.org>', "holds a line break"),
        ("team@example.org\nBcc: x@evil.org", "holds a line break"),
        ("Evil\u2028Bcc: x@evil.org <team@example.org>", "holds a line break"),
        ("=?utf-8?q?x=40evil.org?= <team@example.org>", "holds an encoded word"),
        ("team@example.org, =?utf-8?b?eEBldmlsLm9yZw==?=", "holds an encoded word"),
        ("Team\x00 <team@example.org>", "control character"),
        ("undisclosed-recipients:;", "is not an e-mail address"),
        ("team: a@example.org, b@example.org;", "is a group"),
        ("Ann <ann@example.org> trailing words", "is not an e-mail address"),
        ("zoë@example.org", "is not an e-mail address"),
    ],
)
def test_bad_addresses_are_refused_saying_why(address: str, why: str) -> None:
    with pytest.raises(BadAddress, match=re.escape(repr(address))) as refused:
        parse_addresses(["ok@example.org", address])
    assert why in str(refused.value)


def test_every_recipient_of_a_list_is_kept_once_each() -> None:
    found = parse_addresses(
        ['"Lee, Ann" <ann@example.org>, bob@example.org', "Cé <c@example.org>", "BOB@example.org"]
    )
    assert [(a.display_name, a.addr_spec) for a in found] == [
        ("Lee, Ann", "ann@example.org"),
        ("", "bob@example.org"),
        ("Cé", "c@example.org"),
    ]


def test_an_international_domain_is_written_in_its_ascii_form() -> None:
    [address] = parse_addresses(["Zoë <zoe@exämple.org>"])
    assert address.addr_spec == "zoe@xn--exmple-cua.org"


def test_a_draft_is_addressed_to_exactly_the_recipients_given() -> None:
    cohort = make_cohort(track())
    recipients = parse_addresses(['"Evil Bcc: x@evil.org" <team@example.org>, b@example.org'])
    raw = draft(cohort, message(cohort, cohort.schedule[0]), recipients)
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert [a.addr_spec for a in parsed["To"].addresses] == ["team@example.org", "b@example.org"]
    assert parsed["Bcc"] is None and parsed["Cc"] is None
    assert parsed["To"].addresses[0].display_name == "Evil Bcc: x@evil.org"  # a name, quoted


def test_message_writes_a_draft_per_week(site: Site, tmp_path: Path, capsys) -> None:
    site.write("content/cohorts/east.yml", 'team: "East"\ntrack: two-weeks\nstart: 2027-03-01\n')
    out = tmp_path / "drafts"
    code = main(
        [
            "--root",
            str(site.root),
            "message",
            "east",
            "--all",
            "--eml",
            str(out),
            "--to",
            "team@example.org",
        ]
    )
    assert code == 0, capsys.readouterr().err
    written = sorted(p.name for p in out.iterdir())
    assert written == ["east-week-1.eml", "east-week-2.eml"]
    for name in written:
        parsed = email.message_from_bytes((out / name).read_bytes(), policy=email.policy.default)
        assert parsed["To"] == "team@example.org"
        assert parsed["Subject"].startswith("East · Two Weeks, week ")
    assert "team@example.org" not in "".join(
        p.read_text() for p in (site.root / "content").rglob("*.*")
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--to", "x@example.org"], "--to is for the .eml drafts: add --eml DIR"),
        (["--eml", "content/drafts"], "that folder is published with the site"),
        (["--eml", "notes"], "that folder is inside the repository, where the team's addresses"),
        (
            ["--eml", "drafts", "--to", "not-an-address"],
            "--to: 'not-an-address' is not an e-mail address",
        ),
        (
            ["--eml", "drafts", "--to", '"Evil\r\nBcc: x@evil.org" <team@example.org>'],
            "holds a line break, which would start another header line (such as Bcc:)",
        ),
    ],
)
def test_message_eml_refusals(
    site: Site, monkeypatch, capsys, extra: list[str], message: str
) -> None:
    monkeypatch.chdir(site.root)
    site.write("content/cohorts/east.yml", 'team: "East"\ntrack: two-weeks\nstart: 2027-03-01\n')
    assert main(["message", "east", "--week", "1", *extra]) == 1
    assert message in capsys.readouterr().err
    assert not (site.root / "content/drafts").exists()


@pytest.mark.build
def test_the_cohort_page_links_every_week_by_mail_and_as_a_draft(site: Site) -> None:
    site.write(
        "content/cohorts/east.yml",
        'team: "East"\ntrack: two-weeks\nstart: 2027-03-01\nlead: "Dana"\n',
    )
    site.build()
    page = site.html("cohorts/east")
    links = page.select("a[href^='mailto:']")
    assert len(links) == 2
    for link in links:
        fields = decoded(link["href"])
        assert fields["subject"].startswith("East · Two Weeks, week ")
        assert "Hello East," in fields["body"]
    drafts = page.select("a[download][href$='.eml']")
    assert [a["href"] for a in drafts] == ["east-week-1.eml", "east-week-2.eml"]  # in cohorts/east/
    raw = (site.root / "site/cohorts/east/east-week-1.eml").read_bytes()
    assert email.message_from_bytes(raw, policy=email.policy.default)["X-Unsent"] == "1"
    published = "".join(
        p.read_text("utf-8", "replace")
        for p in (site.root / "site").rglob("*")
        if p.is_file() and p.suffix in {".html", ".eml", ".ics"}
    )
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", published.replace("@reading-program", "")), (
        "no address is published"
    )


def test_eml_without_a_folder_writes_into_the_ignored_drafts_folder(
    site: Site, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(site.root / "content")  # wherever the lead is in the repository
    site.write("content/cohorts/east.yml", 'team: "East"\ntrack: two-weeks\nstart: 2027-03-01\n')
    code = main(["message", "east", "--week", "1", "--eml", "--to", "team@example.org"])
    assert code == 0, capsys.readouterr().err
    assert [p.name for p in (site.root / "drafts").iterdir()] == ["east-week-1.eml"]
    ignored = (REPO / ".gitignore").read_text().splitlines()
    assert "/drafts/" in ignored
