"""ACLED exports (Armed Conflict Location & Event Data): its columns, dates and category rule.

ACLED gives one fatality figure per event, no victim breakdown and no injuries. Fatalities of an
event whose ``event_type`` is "Violence against civilians", or whose ``civilian_targeting`` is
"Civilian targeting", are civilians; all others are unknown. The event's ``all`` is its
fatalities (0 is a real zero). Province = ``admin1``, district = ``admin2``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sitrep.clean.filters import Filters
from sitrep.clean.readers.base import ReadResult
from sitrep.clean.readers.export import read_export
from sitrep.clean.readers.export.excel import excel_read
from sitrep.clean.readers.export.dataset import (Dataset, Dates, Figures, concat_faults,
                                                 figure_part, iso_dates,
                                                 whole_numbers)

CIVILIAN_EVENT_TYPE = "Violence against civilians"
CIVILIAN_TARGETING = "Civilian targeting"
CIVILIAN_INTER, CIVILIAN_ACTOR = "7", "Civilians"  # the codebook's actor type 7
MONTHS = {m.lower(): i for i, m in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"), start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
_LONG_DATE = r"^\s*(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\s*$"


def dates(frame: pd.DataFrame) -> Dates:
    """``event_date`` as 2024-08-26 or 26 August 2024, or as Excel writes dates back."""
    raw = frame["event_date"].astype(str)
    date = iso_dates(raw)
    if date.isna().any():
        date = date.fillna(spelled_dates(raw[date.isna()]))
    return excel_read(frame, raw, date, "event_date",
                      "is not a date ACLED writes",
                      "ACLED dates look like 2024-08-26 or 26 August 2024")


def spelled_dates(raw: pd.Series) -> pd.Series:
    """'26 August 2024' -> datetime64 (English month names, whatever the locale)."""
    parts = raw.str.extract(_LONG_DATE)
    month = parts[1].str.lower().map(MONTHS)
    text = parts[2] + "-" + month.astype("Int64").astype(str) + "-" + parts[0]
    return pd.to_datetime(text.where(month.notna()), format="%Y-%m-%d", errors="coerce")


def is_civilian(frame: pd.DataFrame) -> pd.Series:
    """Civilians are the target: the event type says so, or civilian_targeting does; an export
    from before that column says it through the target's actor type (inter2 = 7, "Civilians",
    or an interaction whose second actor is civilians: 17, 27, ...), as the codebook defines."""
    civ = frame["event_type"].astype(str).str.strip() == CIVILIAN_EVENT_TYPE
    if "civilian_targeting" in frame:
        return civ | (frame["civilian_targeting"].astype(str).str.strip() == CIVILIAN_TARGETING)
    if "inter2" in frame:
        inter2 = frame["inter2"].astype(str).str.strip().str.casefold()
        civ |= inter2.isin([CIVILIAN_INTER, CIVILIAN_ACTOR.casefold()])
    if "interaction" in frame:
        pair = frame["interaction"].astype(str).str.strip()
        civ |= pair.str.fullmatch(r"\d" + CIVILIAN_INTER) | pair.str.casefold().str.endswith(
            "-" + CIVILIAN_ACTOR.casefold())
    return civ


def figures(frame: pd.DataFrame) -> Figures:
    deaths, faults = whole_numbers(frame, "fatalities",
                                   empty_fix="ACLED writes 0 when no fatalities are reported")
    civ = is_civilian(frame)
    cats = [figure_part(deaths.where(civ), "civilians", "killed"),
            figure_part(deaths.where(~civ), "unknown", "killed")]
    total = figure_part(deaths, "all", "killed")
    return Figures(pd.concat(cats + [total], ignore_index=True), concat_faults([faults]))


def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame:
        return pd.Series("", index=frame.index)
    return frame[column].astype(str).str.strip()


def describe(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"district": _text(frame, "admin2"), "location": _text(frame, "location"),
                         "event_type": _text(frame, "event_type"),
                         "perpetrator": _text(frame, "actor1")}, index=frame.index)


def method(columns: set[str], reports: pd.DataFrame) -> list[str]:
    rule = ("ACLED gives one fatality figure per event and no breakdown by victim. Fatalities of "
            f"events whose event_type is '{CIVILIAN_EVENT_TYPE}'")
    rule += (f" or whose civilian_targeting is '{CIVILIAN_TARGETING}' are counted as civilians;"
             if "civilian_targeting" in columns else
             ", or whose target is civilians by ACLED's actor type (inter2 = 7, or an "
             "interaction ending in 7), are counted as civilians (this export predates the "
             "civilian_targeting column);" if {"inter2", "interaction"} & columns else
             " are counted as civilians (this export has neither civilian_targeting nor "
             "inter2);")
    rule += (" all other fatalities are counted as victims of unknown category. An event's "
             "total is its fatalities figure, and a figure of 0 is counted as a real zero.")
    return [rule,
            "ACLED does not report injuries, so no injured figures are shown for this dataset.",
            "Province is ACLED's admin1 and district its admin2, matched to ISO 3166-2 provinces "
            "through the alias table (e.g. 'Islamabad Capital Territory' is Islamabad)."]


ACLED = Dataset(
    name="ACLED", source_id="ACLED",
    publisher="ACLED (Armed Conflict Location & Event Data)", url="https://acleddata.com",
    id_column="event_id_cnty", country_column="country", province_column="admin1",
    required=("event_id_cnty", "event_date", "event_type", "country", "admin1", "admin2",
              "fatalities"),
    optional=("civilian_targeting", "inter2", "interaction", "actor1", "location", "latitude",
              "longitude"),
    province_name=lambda raw: " ".join(str(raw).split()),
    dates=dates, describe=describe, figures=figures, method=method)


def read(path: Path, filters: Filters) -> ReadResult:
    return read_export(path, filters, ACLED)
