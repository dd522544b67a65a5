"""Global Terrorism Database (GTD) exports: its columns, dates and category rule.

The date is ``iyear``/``imonth``/``iday``; a day of 0 means the day is unknown: the event is dated
to the first of its month with month precision. Empty cells, -9 and -99 mean unknown, never
zero. ``nkillter`` (perpetrators killed) are militants; the other dead, ``nkill - nkillter`` (an
unknown ``nkillter`` counting as 0), are classed by ``targtype1_txt``. Injuries the same way with
``nwound`` and ``nwoundte``. The event's ``all`` is ``nkill`` (``nwound``) when known. The file
ships as ISO-8859-1, which the shared export reader detects.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sitrep.clean.filters import Filters
from sitrep.clean.readers.base import ReadResult
from sitrep.clean.readers.export import read_export
from sitrep.clean.readers.export.dataset import (Dataset, Dates, Figures, category_figures,
                                                 concat_faults, faults_where, figure_part,
                                                 implausible, no_faults, whole_numbers)

UNKNOWN = frozenset({"", "-9", "-99"})
TARGET_CATEGORY = {
    "Military": "security_forces", "Police": "security_forces",
    "Terrorists/Non-State Militia": "militants", "Violent Political Party": "militants",
    "Unknown": "unknown", "Other": "unknown",
}  # every other target type: civilians
OUTCOME_COLUMNS = {"killed": ("nkill", "nkillter"), "injured": ("nwound", "nwoundte")}


def dates(frame: pd.DataFrame) -> Dates:
    """iyear/imonth/iday; iday 0 -> the 1st, month precision; imonth 0 -> undated (the year)."""
    faults = []
    y, f = whole_numbers(frame, "iyear", frozenset(), "give the year")
    faults.append(f)
    m, f = whole_numbers(frame, "imonth", frozenset(), "give the month (0 if unknown)")
    faults.append(f)
    d, f = whole_numbers(frame, "iday", frozenset(), "give the day (0 if unknown)")
    faults.append(f)
    no_day = (d == 0).fillna(False).astype(bool)
    text = (y.astype(str) + "-" + m.astype(str) + "-" + d.where(~no_day, 1).astype(str))
    date = pd.to_datetime(text.where(y.notna() & m.notna() & d.notna() & (m > 0)),
                          format="%Y-%m-%d", errors="coerce")
    shown = (frame["iyear"].astype(str) + "/" + frame["imonth"].astype(str) + "/"
             + frame["iday"].astype(str))
    clean = y.notna() & m.notna() & d.notna()
    no_month = (clean & (m == 0)).fillna(False).astype(bool)
    faults.append(faults_where(clean & ~no_month & date.isna(), shown, "iday",
                               "is not a real date (iyear/imonth/iday)",
                               "check the day and month"))
    year_text = y.astype(str).where(y.notna())
    first = pd.to_datetime(year_text + "-01-01", format="%Y-%m-%d", errors="coerce")
    last = pd.to_datetime(year_text + "-12-31", format="%Y-%m-%d", errors="coerce")
    date, odd = implausible(date, shown, "iyear")
    faults.append(odd)
    precision = pd.Series("day", index=frame.index).mask(no_day, "month").mask(no_month, "year")
    return Dates(date, precision, concat_faults(faults), first.where(no_month),
                 last.where(no_month))


def target_category(frame: pd.DataFrame) -> pd.Series:
    t = frame["targtype1_txt"].astype(str).str.strip().replace("", "Unknown")
    return t.map(TARGET_CATEGORY).fillna("civilians")


def split(total: pd.Series, own: pd.Series, target: pd.Series, outcome: str, own_col: str,
          total_col: str) -> tuple[list[pd.DataFrame], pd.DataFrame, pd.DataFrame]:
    """Perpetrators (own) are militants; the rest of the total goes by the target's category."""
    victims = total - own.fillna(0)
    bad = victims < 0
    faults = faults_where(bad, own.astype(str), own_col,
                          f"exceeds {total_col} (" + total.astype(str) + ")",
                          f"check {own_col} and {total_col}") if bad.any() else no_faults()
    victims = victims.where(~bad.fillna(False))
    parts = {c: [victims.where(target == c)] for c in ("civilians", "security_forces",
                                                       "unknown")}
    parts["militants"] = [own, victims.where(target == "militants")]
    cats = category_figures(parts, outcome)
    total_fig = figure_part(total.where(~bad.fillna(False)), "all", outcome)
    return cats, total_fig, faults


def figures(frame: pd.DataFrame) -> Figures:
    target = target_category(frame)
    out, faults = [], []
    for outcome, (total_col, own_col) in OUTCOME_COLUMNS.items():
        total, f1 = whole_numbers(frame, total_col, UNKNOWN)
        own, f2 = whole_numbers(frame, own_col, UNKNOWN)
        cats, total_fig, f3 = split(total, own, target, outcome, own_col, total_col)
        out += cats + [total_fig]
        faults += [f1, f2, f3]
    return Figures(pd.concat(out, ignore_index=True), concat_faults(faults))


def _text(frame: pd.DataFrame, column: str, unknown: str = "") -> pd.Series:
    if column not in frame:
        return pd.Series("", index=frame.index)
    t = frame[column].astype(str).str.strip()
    return t.mask(t == unknown, "") if unknown else t


def describe(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"district": "", "location": _text(frame, "city", "Unknown"),
                         "event_type": _text(frame, "attacktype1_txt"),
                         "perpetrator": _text(frame, "gname")}, index=frame.index)


def province_name(raw: str) -> str:
    name = " ".join(str(raw).split())
    return "" if name.casefold() == "unknown" else name


def method(columns: set[str], reports: pd.DataFrame) -> list[str]:
    lines = [
        "Victim categories: perpetrators killed (nkillter) count as militants. The other dead, "
        "nkill minus nkillter (an unknown nkillter counting as 0), are classed by the first "
        "target type (targtype1_txt): Military and Police as security forces; Terrorists/"
        "Non-State Militia and Violent Political Party as militants; Unknown and Other as "
        "unknown; every other target type as civilians. Injuries are split the same way with "
        "nwound and nwoundte.",
        "In GTD an empty cell, -9 or -99 means unknown, never zero: an unknown count gives no "
        "figure for its category. An event's total is nkill (nwound for injuries) when known, "
        "otherwise the sum of the figures that are known.",
        "Where GTD gives no day (iday 0), the event is dated to the first day of its month and "
        "marked as known to the month only; START and END compare with that first day. An event "
        "whose month is unknown (imonth 0) is kept, dated to 1 January of its year, when its "
        "whole year lies inside the period, filtered when the whole year lies outside, and "
        "rejected when the year straddles START or END (it cannot be placed).",
        "Province is GTD's provstate, matched through the alias table (e.g. 'Federally "
        "Administered Tribal Areas' and 'North-West Frontier Province' are Khyber "
        "Pakhtunkhwa); GTD gives no district, and its city is shown as the location.",
    ]
    y = int((reports["date_precision"] == "year").sum()) if len(reports) else 0
    if y:
        lines.append(f"{y} GTD event{'s' if y != 1 else ''} in this briefing "
                     f"{'have' if y != 1 else 'has'} no month (imonth 0) and "
                     f"{'are' if y != 1 else 'is'} dated to 1 January of the year.")
    n = int((reports["date_precision"] == "month").sum()) if len(reports) else 0
    if n:
        lines.append(f"{n} GTD event{'s' if n != 1 else ''} in this briefing "
                     f"{'have' if n != 1 else 'has'} no day (iday 0) and "
                     f"{'are' if n != 1 else 'is'} dated to the first of the month.")
    return lines


GTD = Dataset(
    name="GTD", source_id="GTD",
    publisher="Global Terrorism Database (GTD), START, University of Maryland",
    url="https://www.start.umd.edu/gtd/", id_column="eventid", country_column="country_txt",
    province_column="provstate",
    required=("eventid", "iyear", "imonth", "iday", "country_txt", "provstate",
              "targtype1_txt", "nkill", "nkillter", "nwound", "nwoundte"),
    optional=("city", "latitude", "longitude", "attacktype1_txt", "gname"),
    province_name=province_name, dates=dates, describe=describe, figures=figures,
    method=method)


def read(path: Path, filters: Filters) -> ReadResult:
    return read_export(path, filters, GTD)
