"""UCDP Georeferenced Event Dataset (GED) exports: its columns, dates and category rule.

``deaths_a`` counts as security forces when ``side_a`` begins with "Government of", otherwise as
militants; the same for ``deaths_b`` with ``side_b``; ``deaths_civilians`` are civilians and
``deaths_unknown`` unknown. Each is UCDP's best estimate (``derived`` "best"); the event's
stated total is UCDP's own ``low``, ``best`` and ``high``, which the counting rule keeps around
the categories' sum. No injuries. Province = ``adm_1`` without " province",
district = ``adm_2`` without " district", date = ``date_start``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from sitrep.clean.filters import Filters
from sitrep.clean.readers.base import ReadResult
from sitrep.clean.readers.export import read_export
from sitrep.clean.readers.export.dataset import (Dataset, Dates, Figures, category_figures,
                                                 concat_faults, faults_where, figure_part,
                                                 implausible, iso_dates, strip_suffix,
                                                 whole_numbers)
from sitrep.schema import BEST_ONLY

GOVERNMENT = "Government of"
VIOLENCE_TYPES = {"1": "State-based conflict", "2": "Non-state conflict",
                  "3": "One-sided violence"}
DEATHS = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")
EMPTY_FIX = "UCDP GED gives every death count as a number (0 when none)"


def dates(frame: pd.DataFrame) -> Dates:
    raw = frame["date_start"].astype(str)
    date, odd = implausible(iso_dates(raw), raw, "date_start")
    faults = faults_where(date.isna() & ~raw.index.isin(odd["row"]), raw, "date_start",
                          "is not a date", "UCDP dates look like 2024-08-26 (optionally with a time)")
    return Dates(date, pd.Series("day", index=frame.index), concat_faults([odd, faults]))


def side_category(side: pd.Series) -> pd.Series:
    """'Government of Pakistan' -> security_forces; any other side -> militants."""
    gov = side.astype(str).str.strip().str.startswith(GOVERNMENT)
    return pd.Series(np.where(gov, "security_forces", "militants"), index=side.index)


def figures(frame: pd.DataFrame) -> Figures:
    n, faults = {}, []
    for col in DEATHS + ("low", "best", "high"):
        n[col], f = whole_numbers(frame, col, empty_fix=EMPTY_FIX)
        faults.append(f)
    cat_a, cat_b = side_category(frame["side_a"]), side_category(frame["side_b"])
    parts = {c: [n["deaths_a"].where(cat_a == c), n["deaths_b"].where(cat_b == c)]
             for c in ("security_forces", "militants")}
    parts["civilians"] = [n["deaths_civilians"]]
    parts["unknown"] = [n["deaths_unknown"]]
    # UCDP's categories are best estimates that sum to its best; only the total has a range.
    cats = [c.assign(derived=BEST_ONLY) for c in category_figures(parts, "killed")]
    best, low, high = n["best"], n["low"], n["high"]
    text = best.astype(str) + " (low " + low.astype(str) + ", high " + high.astype(str) + ")"
    total = figure_part(best, "all", "killed", "", low, high, text)
    order = (low <= best) & (best <= high)
    faults.append(faults_where(~order.fillna(True), best, "best",
                               "is not between the event's low and high",
                               "check low, best and high", "warning"))
    return Figures(pd.concat(cats + [total], ignore_index=True), concat_faults(faults))


def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame:
        return pd.Series("", index=frame.index)
    return frame[column].astype(str).str.strip()


def perpetrator(side_a: pd.Series, side_b: pd.Series) -> pd.Series:
    """The non-state side: side_a unless it is a government, then side_b (unless civilians)."""
    a, b = side_a.astype(str).str.strip(), side_b.astype(str).str.strip()
    a_gov = a.str.startswith(GOVERNMENT)
    b_other = ~b.str.startswith(GOVERNMENT) & (b.str.casefold() != "civilians") & (b != "")
    return a.where(~a_gov | ~b_other, b)


def describe(frame: pd.DataFrame) -> pd.DataFrame:
    district = frame["adm_2"].astype(str).map(lambda s: strip_suffix(s, "district"))
    kind = _text(frame, "type_of_violence").map(lambda t: VIOLENCE_TYPES.get(t, t))
    return pd.DataFrame({"district": district, "location": _text(frame, "where_coordinates"),
                         "event_type": kind,
                         "perpetrator": perpetrator(frame["side_a"], frame["side_b"])},
                        index=frame.index)


def method(columns: set[str], reports: pd.DataFrame) -> list[str]:
    return [
        f"Victim categories: deaths_a count as security forces when side_a is a government "
        f"(its name begins with '{GOVERNMENT}') and as militants otherwise; deaths_b the same "
        "with side_b; deaths_civilians count as civilians and deaths_unknown as unknown. These "
        "are UCDP's best estimates per side and add up to its best; UCDP gives a low and a "
        "high for the event's total only, so the total keeps UCDP's own low and high around "
        "that best rather than a range derived from the categories.",
        "UCDP GED does not report injuries, so no injured figures are shown for this dataset.",
        "Province is adm_1 without its trailing 'province' (an empty adm_1 counts as province "
        "unknown) and district is adm_2 without 'district', matched through the alias table; "
        "the date is date_start.",
    ]


UCDP = Dataset(
    name="UCDP GED", source_id="UCDP-GED",
    publisher="UCDP Georeferenced Event Dataset (GED), Uppsala Conflict Data Program",
    url="https://ucdp.uu.se", id_column="id", country_column="country",
    province_column="adm_1",
    required=("id", "side_a", "side_b", "adm_1", "adm_2", "country", "date_start") + DEATHS
    + ("best", "high", "low"),
    optional=("type_of_violence", "where_coordinates", "latitude", "longitude"),
    province_name=lambda raw: strip_suffix(raw, "province"),
    dates=dates, describe=describe, figures=figures, method=method)


def read(path: Path, filters: Filters) -> ReadResult:
    return read_export(path, filters, UCDP)
