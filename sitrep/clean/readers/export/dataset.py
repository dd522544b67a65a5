"""What a dataset module provides (:class:`Dataset`) and the small pure helpers the dataset
modules use to turn their columns into dates, figures and faults.

A fault is a problem found in a cell, kept as a frame (``FAULT_COLUMNS``, ``row`` = the frame's
index) until the rows' lines are known. A figure part is one category's figure per row
(``FIG_PART_COLUMNS``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from sitrep.counts import MAX_COUNT
from sitrep.schema import CATEGORIES, FAULT_COLUMNS, FIG_PART_COLUMNS  # noqa: F401

INT = "Int64"


class Dates(NamedTuple):
    """Each row's date (NaT when it cannot be dated), its precision and the faults found.

    ``first``/``last`` optionally bound undated rows (e.g. GTD with an unknown month: the year),
    so that a row whose whole range lies outside START..END is filtered, not rejected.
    """
    date: pd.Series
    precision: pd.Series
    faults: pd.DataFrame
    first: pd.Series | None = None
    last: pd.Series | None = None


class Figures(NamedTuple):
    """Figures in long form (FIG_PART_COLUMNS; ``row`` is the frame's index) and faults."""
    figures: pd.DataFrame
    faults: pd.DataFrame


@dataclass(frozen=True)
class Dataset:
    name: str                 # "ACLED": ReadResult.dataset
    source_id: str            # the id every report cites
    publisher: str
    url: str
    id_column: str            # the dataset's event id
    country_column: str
    province_column: str
    required: tuple[str, ...]  # read; the file must have them (codebook names)
    optional: tuple[str, ...]  # read when present
    # raw province cell -> the name to resolve ("" = province unknown)
    province_name: Callable[[str], str]
    dates: Callable[[pd.DataFrame], Dates]
    # -> columns district (cleaned name, resolved here), location, event_type, perpetrator
    describe: Callable[[pd.DataFrame], pd.DataFrame]
    figures: Callable[[pd.DataFrame], Figures]
    # (columns read, kept reports) -> methodology sentences on the dataset's own rules
    method: Callable[[set[str], pd.DataFrame], list[str]]


# --- small pure helpers the dataset modules use -----------------------------------------------

def no_faults() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in FAULT_COLUMNS})


def faults_where(mask: pd.Series, values: pd.Series, column: str, message: str | pd.Series,
                 fix: str = "", severity: str = "error") -> pd.DataFrame:
    """One fault per row where ``mask`` holds (``message`` may vary by row)."""
    mask = mask.fillna(False).astype(bool)
    if not mask.any():
        return no_faults()
    msg = message[mask] if isinstance(message, pd.Series) else message
    return pd.DataFrame({"row": values.index[mask], "column": column,
                         "value": values[mask].astype(str).to_numpy(), "message": msg,
                         "fix": fix, "severity": severity}).reset_index(drop=True)


def concat_faults(parts: list[pd.DataFrame]) -> pd.DataFrame:
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else no_faults()


def whole_numbers(frame: pd.DataFrame, column: str, unknown: frozenset[str] = frozenset(),
                  empty_fix: str = "") -> tuple[pd.Series, pd.DataFrame]:
    """A count column -> Int64 (<NA> = unknown) and faults for text, fractions and negatives.

    ``unknown`` lists the cell texts (after trimming, and as numbers) that mean "not known"
    (GTD: "", "-9", "-99"); an empty cell not in ``unknown`` is a fault with ``empty_fix``.
    """
    raw = frame[column].astype(str).str.strip()
    num = pd.to_numeric(raw, errors="coerce")
    unknown_nums = {float(u) for u in unknown if _is_number(u)}
    is_unknown = raw.isin(list(unknown)) | num.isin(list(unknown_nums))
    empty = (raw == "") & ~is_unknown
    bad_text = num.isna() & ~is_unknown & ~empty
    fraction = num.notna() & ~is_unknown & (num % 1 != 0)
    negative = num.notna() & ~is_unknown & ~fraction & (num < 0)
    huge = num.notna() & ~is_unknown & ~fraction & (num > MAX_COUNT)
    faults = concat_faults([
        faults_where(empty, raw, column, "is empty", empty_fix),
        faults_where(bad_text, raw, column, "is not a number", "give a whole number"),
        faults_where(fraction, raw, column, "is not a whole number", "give a whole number"),
        faults_where(negative, raw, column, "is negative",
                     "give the number of people (0 or more)"),
        faults_where(huge, raw, column,
                     f"is more people than any count can hold (over {MAX_COUNT:,})",
                     "check the cell: an id or a date pasted into a count column?"),
    ])
    ok = num.notna() & ~is_unknown & ~fraction & ~negative & ~huge
    return num.where(ok).astype(INT), faults


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


# The date, optionally followed by a time (UCDP writes 2024-08-26 00:00:00.000); anything else
# after it ("2024-08-26 or 27") is not a date.
_CLOCK = r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
_ISO = re.compile(r"^\s*(\d{4}-\d{1,2}-\d{1,2})(?:" + _CLOCK + r")?\s*$")
FIRST_DAY = pd.Timestamp("1900-01-01")  # earlier dates are typing errors, not incidents


def iso_dates(values: pd.Series) -> pd.Series:
    """'2024-08-26' (optionally followed by a time) -> datetime64; NaT when not that shape.

    The common shapes are parsed vectorised; only cells that fail are tried with the pattern.
    """
    text = values.astype(str).str.strip()
    head, rest = text.str.slice(0, 10), text.str.slice(10)
    ok = rest == ""
    if not ok.all():  # only the cells with more than a date are matched against a time
        ok[~ok] = rest[~ok].str.fullmatch(_CLOCK).fillna(False).astype(bool)
    date = pd.to_datetime(head.where(ok), format="%Y-%m-%d", errors="coerce")
    if date.isna().any():
        miss = text[date.isna()]
        day = miss.str.extract(_ISO, expand=False)
        date = date.fillna(pd.to_datetime(day, format="%Y-%m-%d", errors="coerce"))
    return date


def implausible(date: pd.Series, values: pd.Series,
                column: str) -> tuple[pd.Series, pd.DataFrame]:
    """Dates before 1900 or after today: NaT, and an error each."""
    today = pd.Timestamp.today().normalize()
    early, late = date < FIRST_DAY, date > today
    faults = concat_faults([
        faults_where(early, values, column, "lies before 1900", "check the year"),
        faults_where(late, values, column, "lies in the future",
                     "check the year; events must have happened already")])
    return date.where(~(early | late)), faults


def figure_part(values: pd.Series, category: str, outcome: str, derived: pd.Series | str = "",
                low: pd.Series | None = None, high: pd.Series | None = None,
                text: pd.Series | None = None) -> pd.DataFrame:
    """Figures for the rows where ``values`` is known: point = values; low/high default to it."""
    known = values.notna()
    v = values[known]
    lo = v if low is None else low[known]
    hi = v if high is None else high[known]
    return pd.DataFrame({
        "row": v.index, "category": category, "outcome": outcome,
        "low": lo.astype(INT).to_numpy(), "high": hi.astype(INT).to_numpy(),
        "point": v.astype(INT).to_numpy(),
        "derived": derived[known].to_numpy() if isinstance(derived, pd.Series) else derived,
        "text": (v.astype(str) if text is None else text[known]).to_numpy(),
    })


def category_figures(parts: dict[str, list[pd.Series]], outcome: str) -> list[pd.DataFrame]:
    """Each category's figure is the sum of its known parts.

    A part is <NA> on rows where it does not apply to the category or is unknown; a category has
    no figure on a row where all its parts are <NA>. ``derived`` is "sum" where two or more
    parts were added (UCDP's deaths_a and deaths_b both on the non-state side, say).
    """
    out = []
    for category in CATEGORIES:
        series = parts.get(category, [])
        if not series:
            continue
        stacked = pd.concat(series, axis=1)
        n = stacked.notna().sum(axis=1)
        total = stacked.sum(axis=1, min_count=1).astype(INT).where(n > 0)
        derived = pd.Series(np.where(n > 1, "sum", ""), index=stacked.index)
        out.append(figure_part(total, category, outcome, derived))
    return out


def strip_suffix(name: str, word: str) -> str:
    """'Balochistan province' -> 'Balochistan' (case-insensitive, trailing word only)."""
    text = " ".join(str(name).split())
    if text.lower().endswith(" " + word):
        text = text[: -len(word) - 1].rstrip()
    return text


