"""Dates as the site writes them, in one style on every page, message and workbook
('Thu 14 Jan', 'Mon 11 Jan – Sun 17 Jan 2027', '11–17 Jan' in e-mail subjects), in English
whatever the machine's locale. The browser writes them with the same names, sent as data
(browser_data/plan_form.py).

strftime's month and weekday names follow the locale of the machine that builds the site,
so they are spelled out here.
"""

from __future__ import annotations

from datetime import date, datetime

from ..model import WEEKDAYS

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def short_range(first: date, last: date) -> str:
    """'25–31 Jan', '29 Jan – 4 Feb': day before month, as everywhere; the month once when
    both days share it."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTHS[last.month - 1]}"
    return f"{first.day} {MONTHS[first.month - 1]} – {last.day} {MONTHS[last.month - 1]}"


def long_range(first: date, last: date) -> str:
    """'Mon 25 Jan – Sun 31 Jan 2026'; both years when the week spans New Year."""
    start_year = f" {first.year}" if first.year != last.year else ""
    return f"{day_text(first)}{start_year} – {day_text(last)} {last.year}"


def day_text(day: date) -> str:
    """'Thu 14 Jan'."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


def meeting_text(moment: datetime, timezone: str) -> str:
    """'Thu 28 Jan, 09:30 (Europe/Berlin)': local time, with the zone it is local to."""
    return f"{day_text(moment.date())}, {moment:%H:%M} ({timezone})"
