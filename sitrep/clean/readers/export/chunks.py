"""One chunk of rows inside COUNTRY/PROVINCE -> reports, figures, audit rows and problems.

The rows are processed in pandas in chunks of at most ``CHUNK_ROWS`` rows, so the file is never
held whole. Every row gets an audit row (kept or rejected) with its line, the data record's
index + 2 (the header is line 1), as a spreadsheet numbers it, even when quoted cells hold line
breaks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from sitrep import places
from sitrep.clean.filters import Filters
from sitrep.clean.readers.export.dataset import (Dataset, Dates, concat_faults, faults_where,
                                                 no_faults)
from sitrep.clean.readers.export.excel import scientific_ids
from sitrep.clean.readers.export.scope import (Places, date_reasons, outside_country,
                                               outside_province, settle_undated)
from sitrep.clean.readers.export.sources import LINE
from sitrep.problems import Problem


@dataclass
class Part:
    reports: pd.DataFrame
    figures: pd.DataFrame
    audit: pd.DataFrame
    problems: list[Problem]
    filtered: Counter
    not_counted: Counter  # killed in rejected rows (where readable), rows unreadable


class _Placed(NamedTuple):
    code: pd.Series      # ISO 3166-1 alpha-2, "" when not recognised
    country: pd.Series   # its English name, "" when not recognised
    name: pd.Series      # the province name to resolve, "" when unknown
    pcode: pd.Series     # ISO 3166-2, "" when unknown or not recognised
    province: pd.Series  # its official name, "" when unknown or not recognised


def by_value(values: pd.Series, fn: Callable) -> pd.Series:
    """``fn`` applied once per distinct value, mapped back onto every row."""
    return values.map({v: fn(v) for v in values.unique()})


def by_pair(a: pd.Series, b: pd.Series, fn: Callable) -> pd.Series:
    """``fn(a, b)`` once per distinct pair, mapped back onto every row."""
    key = a + "\x1f" + b
    return key.map({k: fn(*k.split("\x1f", 1)) for k in key.unique()})


def _place(frame: pd.DataFrame, ds: Dataset, pl: Places) -> _Placed:
    raw = frame[ds.country_column]
    code = by_value(raw, lambda n: c.code if (c := pl.country(n)) else "")
    country = by_value(raw, lambda n: c.name if (c := pl.country(n)) else "")
    name = by_value(frame[ds.province_column], pl.province_name)
    pcode = by_pair(code, name, lambda c, n: p.code if (p := pl.province(n, c)) else "")
    province = by_pair(code, name, lambda c, n: p.name if (p := pl.province(n, c)) else "")
    return _Placed(code, country, name, pcode, province)


def _reasons(filters: Filters, raw_country: pd.Series, at: _Placed, dates: Dates) -> pd.Series:
    """Why each row is outside the filters ('' = inside), in Filters.reasons' order.

    With PROVINCE given, a province this tool cannot resolve cannot be shown to be inside: its
    rows are filtered, under a reason that names the spelling, so that it shows in the audit.
    """
    reason = pd.Series("", index=raw_country.index, dtype=object)
    if filters.country_code:
        out = at.code != filters.country_code
        reason[out] = outside_country(filters)
    if filters.province:
        wanted = by_value(at.code, lambda c: (filters.province_code_in(c) or "") if c else "")
        out = (at.name == "") | (wanted == "") | ((at.pcode != "") & (at.pcode != wanted))
        reason[out & (reason == "")] = outside_province(filters)
        unknown = (at.pcode == "") & (at.name != "") & (reason == "")
        reason[unknown] = outside_province(filters) + " (province '" + at.name[unknown] + \
            "' not recognised)"
    return reason.where(reason != "", date_reasons(filters, dates))


def _checks(scope: pd.DataFrame, ds: Dataset, at: _Placed, dates: Dates,
            figure_faults: pd.DataFrame) -> pd.DataFrame:
    """Every fault of the rows inside the filters: places, dates and figures."""
    i = scope.index
    return concat_faults([
        faults_where(at.code[i] == "", scope[ds.country_column], ds.country_column,
                     "is not a country this tool recognises",
                     "give COUNTRY= to brief on one country (other countries' rows are then "
                     "filtered out), or add the spelling to the country look-up"),
        _province_faults(scope, ds, at),
        scientific_ids(scope[ds.id_column], ds.id_column),
        dates.faults[dates.faults["row"].isin(i)],
        figure_faults,
    ])


def _reports(kept: pd.DataFrame, ds: Dataset, name: str, at: _Placed,
             dates: Dates) -> pd.DataFrame:
    k = kept.index
    desc = ds.describe(kept)
    line = kept[LINE]
    return pd.DataFrame({
        "report_id": name + ":" + line.astype(str),
        "file": name, "line": line.astype("int64"),
        "event_id": kept[ds.id_column].astype(str).str.strip(),
        "source_id": ds.source_id, "source_type": "other",
        "event_date": dates.date[k], "date_precision": dates.precision[k],
        "country_code": at.code[k], "country": at.country[k],
        "province_code": at.pcode[k], "province": at.province[k], "_pname": at.name[k],
        "district": by_pair(desc["district"].astype(str), at.pcode[k],
                            places.resolve_district),
        "location": desc["location"],
        "latitude": _coordinate(kept, "latitude"), "longitude": _coordinate(kept, "longitude"),
        "event_type": desc["event_type"], "perpetrator": desc["perpetrator"],
        "notes": "", "part_of": "", "origin": "", "total_excludes": "",
        # to tell an exact repeat of an event from a conflicting one
        "_hash": pd.util.hash_pandas_object(kept.drop(columns=LINE), index=False),
    }, index=k)


def _report_figures(parts: pd.DataFrame, reports: pd.DataFrame, ds: Dataset) -> pd.DataFrame:
    f = parts[parts["row"].isin(reports.index)]
    return pd.DataFrame({
        "report_id": f["row"].map(reports["report_id"]).to_numpy(),
        "event_id": f["row"].map(reports["event_id"]).to_numpy(),
        "source_id": ds.source_id, "category": f["category"].to_numpy(),
        "outcome": f["outcome"].to_numpy(), "low": f["low"].to_numpy(),
        "high": f["high"].to_numpy(), "point": f["point"].to_numpy(), "approx": False,
        "derived": f["derived"].to_numpy(), "text": f["text"].to_numpy(),
        "_line": f["row"].map(reports["line"]).to_numpy()})


def _row_audit(rows: pd.DataFrame, ds: Dataset, name: str, fate: str,
               reason: pd.Series | str = "") -> pd.DataFrame:
    return pd.DataFrame({"file": name, "line": rows[LINE], "rows": 1,
                         "event_id": rows[ds.id_column].astype(str).str.strip(),
                         "source_id": ds.source_id, "fate": fate, "reason": reason})


def read_chunk(frame: pd.DataFrame, ds: Dataset, filters: Filters, name: str,
           pl: Places) -> Part:
    """One chunk of rows: resolve places, date, filter, check, then reports and figures."""
    at = _place(frame, ds, pl)
    dates = settle_undated(ds.dates(frame), filters)
    reason = _reasons(filters, frame[ds.country_column], at, dates)
    scope = frame[reason == ""]
    figs = ds.figures(scope)
    faults = _checks(scope, ds, at, dates, figs.faults)
    problems = [Problem(name, int(frame.at[r, LINE]), c, str(v), m, fx, s)
                for r, c, v, m, fx, s in faults.itertuples(index=False)]
    errors = faults[faults["severity"] == "error"].drop_duplicates("row").set_index("row")
    bad = scope.index.isin(errors.index)
    kept, rejected = scope[~bad], scope[bad]
    why = ("column '" + errors["column"] + "': " + errors["message"]).reindex(rejected.index)
    reports = _reports(kept, ds, name, at, dates)
    audit = pd.concat([_row_audit(kept, ds, name, "kept"),
                       _row_audit(rejected, ds, name, "rejected", why)], ignore_index=True)
    return Part(reports, _report_figures(figs.figures, reports, ds), audit, problems,
                Counter(reason[reason != ""].value_counts().to_dict()),
                _not_counted(figs.figures, rejected.index))


def _not_counted(parts: pd.DataFrame, rejected: pd.Index) -> Counter:
    """The dead a rejected row's own total gives, where it can be read: what the briefing
    leaves out, for its first page."""
    if rejected.empty:
        return Counter()
    total = parts[(parts["category"] == "all") & (parts["outcome"] == "killed")
                  & parts["row"].isin(rejected)]
    return Counter({"killed": int(total["point"].sum()),
                    "unreadable": int(len(rejected) - total["row"].nunique())})


def _province_faults(scope: pd.DataFrame, ds: Dataset, at: _Placed) -> pd.DataFrame:
    """A province name its (recognised) country has no ISO code for: the rows are kept under
    the dataset's own name, and the first row of each such name carries one warning."""
    i = scope.index
    bad = (at.name[i] != "") & (at.code[i] != "") & (at.pcode[i] == "")
    if not bad.any():
        return no_faults()
    first = bad & ~(at.code[i] + "\x1f" + at.name[i]).duplicated()
    out = faults_where(first, scope[ds.province_column], ds.province_column,
                       "is not a province of " + at.country[i] + " this tool can give an ISO "
                       "code; its rows are kept under this name", severity="warning")
    out["fix"] = [
        f"if it is {' or '.join(repr(s) for s in places.suggest_province(n, c))}, add this "
        "spelling to data/aliases/provinces.csv"
        for n, c in zip(at.name[i][first], at.code[i][first])]
    return out


def _coordinate(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame:
        return pd.Series(np.nan, index=frame.index)
    return pd.to_numeric(frame[column].astype(str).str.strip(), errors="coerce").astype(float)


