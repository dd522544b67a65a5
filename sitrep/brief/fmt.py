"""How numbers, ranges, dates and text appear in the briefing (one place, so they agree).

Everything that comes from the data passes through :func:`esc` before it reaches HTML.
"""

from __future__ import annotations

import html
import re

import pandas as pd


def missing(x: object) -> bool:
    """None, NaN, NA, or an empty cell read back from a CSV table."""
    if isinstance(x, str):
        return x == ""
    return x is None or bool(pd.isna(x))


def esc(x: object) -> str:
    """HTML-escaped text; missing values are empty, never 'nan' or 'None'."""
    return "" if missing(x) else html.escape(str(x), quote=True)


def num(x: object) -> str:
    return "" if missing(x) else f"{int(x):,}"


def span(low: object, high: object) -> str:
    """'26-38', '41+' or '14'."""
    if missing(low):
        return ""
    if missing(high):
        return f"{int(low):,}+"
    if int(low) == int(high):
        return f"{int(low):,}"
    return f"{int(low):,}\u2013{int(high):,}"


def figure(low: object, best: object, high: object) -> str:
    """Best estimate with its range when the sources disagree: '26 (26-38)', '14'."""
    if missing(best):
        return ""
    r = span(low, high)
    return f"{int(best):,}" if r == f"{int(best):,}" else f"{int(best):,} ({r})"


def date(x: object) -> str:
    """'26 August 2024'."""
    if missing(x) or x == "":
        return ""
    d = pd.Timestamp(x)
    return f"{d.day} {d.strftime('%B %Y')}"


def period(start: object, end: object) -> str:
    if missing(start) or start == "":
        return ""
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    if s == e:
        return date(s)
    if (s.year, s.month) == (e.year, e.month):
        return f"{s.day}\u2013{e.day} {e.strftime('%B %Y')}"
    if s.year == e.year:
        return f"{s.day} {s.strftime('%B')} \u2013 {e.day} {e.strftime('%B %Y')}"
    return f"{date(s)} \u2013 {date(e)}"


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def join(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def plain(label: object) -> str:
    """An incident's name for prose, without its id: 'Highway ambush, Musakhail
    (BLA-2024-08-MSK)' -> 'Highway ambush, Musakhail'."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", str(label))


def incident_phrase(label: object) -> str:
    """'Coordinated attacks, Balochistan (BLA-2024-08)' -> 'coordinated attacks in Balochistan'."""
    what, _, where = plain(label).partition(", ")
    what = what[:1].lower() + what[1:]
    return f"{what} in {where}" if where else what
