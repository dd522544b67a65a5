"""What re-saving an export in Excel does to it, recognised: dates written back in Excel's
forms (``9-May-20``, ``5/9/2020``, ``25 Aug 2024``), and long numeric ids turned into
scientific notation (``2.01305E+11``), which rounds them so that different events share one.

Dates are read when their form is unambiguous: the day/month order of ``05/09/2020`` is settled
by the column itself (some cell with a first part over 12 means day first, a second part over 12
means month first); a two-digit year is settled by the export's ``year`` column where it has one,
else read as 20yy. An id in scientific notation is a fault of its own, named as Excel's damage.
"""

from __future__ import annotations

import re

import pandas as pd

from sitrep.clean.readers.export.dataset import (Dates, concat_faults, faults_where,
                                                 implausible)

MONTHS = {m.lower(): i for i, m in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"), start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_D_MON_YY = re.compile(r"^\s*(\d{1,2})[-\s]([A-Za-z]{3,9})[-\s,]+(\d{2}|\d{4})\s*$")
_SLASHED = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}.*)?\s*$")
_SCIENTIFIC = re.compile(r"^\s*\d(?:\.\d+)?[eE]\+?\d+\s*$")


def _year(text: pd.Series, year: pd.Series | None) -> pd.Series:
    """Four-digit years; a two-digit one from the row's ``year`` column when it agrees, else
    20yy."""
    y = pd.to_numeric(text, errors="coerce")
    short = y < 100
    if year is not None:
        given = pd.to_numeric(year.reindex(text.index), errors="coerce")
        y = y.where(~short | (given % 100 != y), given)
    return y.where(~(y < 100), y + 2000)


def _build(day: pd.Series, month: pd.Series, year: pd.Series) -> pd.Series:
    ok = day.notna() & month.notna() & year.notna()
    text = (year.astype("Int64").astype(str) + "-" + month.astype("Int64").astype(str) + "-"
            + day.astype("Int64").astype(str))
    return pd.to_datetime(text.where(ok), format="%Y-%m-%d", errors="coerce")


def excel_dates(raw: pd.Series, year: pd.Series | None = None) -> tuple[pd.Series, str]:
    """Dates in Excel's forms -> datetime64 (NaT where not one), and the form found ('' when
    none), for the methodology."""
    text = raw.astype(str)
    out = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
    forms = []
    named = text.str.extract(_D_MON_YY)
    if named[0].notna().any():
        month = named[1].str.lower().map(MONTHS)
        got = _build(pd.to_numeric(named[0], errors="coerce"), month, _year(named[2], year))
        out = out.fillna(got)
        if got.notna().any():
            forms.append("day-month-year with the month's name (as 9-May-20)")
    parts = text.str.extract(_SLASHED)
    if parts[0].notna().any():
        a, b = pd.to_numeric(parts[0], errors="coerce"), pd.to_numeric(parts[1], errors="coerce")
        day_first, month_first = (a > 12).any(), (b > 12).any()
        if day_first != month_first:  # the column settles the order; else leave them unread
            day, month = (a, b) if day_first else (b, a)
            got = _build(day, month, _year(parts[2], year))
            out = out.fillna(got)
            forms.append("dd/mm/yyyy" if day_first else "mm/dd/yyyy")
    return out, " and ".join(forms)


def ambiguous_order(raw: pd.Series) -> pd.Series:
    """Cells like 05/09/2020 whose column never shows which part is the day."""
    parts = raw.astype(str).str.extract(_SLASHED)
    a, b = pd.to_numeric(parts[0], errors="coerce"), pd.to_numeric(parts[1], errors="coerce")
    if (a > 12).any() or (b > 12).any():
        return pd.Series(False, index=raw.index)
    return parts[0].notna()


def excel_read(frame: pd.DataFrame, raw: pd.Series, date: pd.Series, column: str,
               message: str, fix: str) -> Dates:
    """A dataset's dates with the cells its own forms missed read as Excel writes them; a
    warning (once) says so, and what still fails is a fault with the dataset's message."""
    miss = date.isna()
    note = faults_where(pd.Series(False, index=raw.index), raw, column, "")
    if miss.any():
        got, form = excel_dates(raw[miss], frame["year"] if "year" in frame else None)
        if got.notna().any():
            first = got.notna().idxmax()
            note = faults_where(pd.Series(raw.index == first, index=raw.index), raw, column,
                                f"{int(got.notna().sum()):,} rows are dates as Excel writes them "
                                f"back ({form}); they are read as such",
                                "save the export as it was downloaded to keep its own dates",
                                "warning")
            date = date.fillna(got)
        unclear = ambiguous_order(raw) & date.isna()
        message = pd.Series(message, index=raw.index).where(
            ~unclear, "is day/month or month/day, and no cell of this column tells which")
    date, odd = implausible(date, raw, column)
    faults = faults_where(date.isna() & ~raw.index.isin(odd["row"]), raw, column, message, fix)
    return Dates(date, pd.Series("day", index=frame.index), concat_faults([note, odd, faults]))


def scientific_ids(values: pd.Series, column: str) -> pd.DataFrame:
    """Ids that Excel turned into numbers in scientific notation: an error each, with the fix."""
    text = values.astype(str)
    return faults_where(text.str.match(_SCIENTIFIC), text, column,
                        "is in scientific notation: Excel turned the id into a number and "
                        "rounded it, so different events may now share one id",
                        "export the file again, or open it in Excel with this column imported "
                        "as Text (Data > From Text/CSV, column type Text), then save")


__all__ = ["excel_dates", "excel_read", "ambiguous_order", "scientific_ids", "MONTHS"]
