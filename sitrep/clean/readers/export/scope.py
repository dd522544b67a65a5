"""Filtering while reading: the country and province columns are read dictionary-encoded, so
each distinct name is resolved once per block and rows outside COUNTRY (and PROVINCE, when
COUNTRY is given) are dropped before they reach pandas; dates outside START..END likewise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa

from sitrep import places
from sitrep.clean.filters import Filters
from sitrep.clean.readers.export.dataset import Dataset, Dates, concat_faults, faults_where


def outside_country(filters: Filters) -> str:
    return f"outside COUNTRY={filters.country}"


def outside_province(filters: Filters) -> str:
    return f"outside PROVINCE={filters.province}"


class Places:
    """Country and province names -> codes, each distinct name resolved once per run.

    With COUNTRY given, ``block_mask`` drops the rows of other countries (and, with PROVINCE,
    of other provinces) from each block by looking at the block's distinct names only. A
    country name this tool does not recognise cannot be COUNTRY, so its rows are outside too.
    """

    def __init__(self, ds: Dataset, filters: Filters):
        self.ds, self.filters = ds, filters
        self.countries: dict[str, places.Country | None] = {}
        self.provinces: dict[tuple[str, str], places.Province | None] = {}
        self.clean: dict[str, str] = {}
        self.country_in: dict[str, bool] = {}
        self.province_out: dict[str, bool] = {}

    def country(self, name: str) -> places.Country | None:
        if name not in self.countries:
            self.countries[name] = places.resolve_country(name) if name.strip() else None
        return self.countries[name]

    def province_name(self, raw: str) -> str:
        if raw not in self.clean:
            self.clean[raw] = self.ds.province_name(raw)
        return self.clean[raw]

    def province(self, name: str, country_code: str) -> places.Province | None:
        key = (name, country_code)
        if key not in self.provinces:
            self.provinces[key] = places.resolve_province(name, country_code, loose=True) \
                if name and country_code else None
        return self.provinces[key]

    def _is_country(self, name: str) -> bool:
        if name not in self.country_in:
            c = self.country(name)
            self.country_in[name] = c is not None and c.code == self.filters.country_code
        return self.country_in[name]

    def _is_other_province(self, raw: str) -> bool:
        """Known to lie outside PROVINCE: unknown, or another province (unresolved: not known)."""
        if raw not in self.province_out:
            f = self.filters
            name = self.province_name(raw)
            p = self.province(name, f.country_code)
            self.province_out[raw] = name == "" or (
                p is not None and p.code != f.province_code_in(f.country_code))
        return self.province_out[raw]

    def block_mask(self, batch: pa.RecordBatch) -> tuple[np.ndarray, Counter]:
        """Which rows of one block may be inside the filters, and why the others are not."""
        f, counts = self.filters, Counter()
        if not f.country_code:
            return np.ones(batch.num_rows, dtype=bool), counts
        keep = self._by_name(batch.column(self.ds.country_column), self._is_country)
        counts[outside_country(f)] = batch.num_rows - int(keep.sum())
        if f.province and keep.any():
            other = self._by_name(batch.column(self.ds.province_column), self._is_other_province)
            drop = keep & other
            counts[outside_province(f)] = int(drop.sum())
            keep &= ~drop
        return keep, +counts

    @staticmethod
    def _by_name(col: pa.DictionaryArray, test: Callable[[str], bool]) -> np.ndarray:
        verdict = np.fromiter((test(n) for n in col.dictionary.to_pylist()), bool,
                              len(col.dictionary))
        return verdict[col.indices.to_numpy(zero_copy_only=False)]


def settle_undated(dates: Dates, filters: Filters) -> Dates:
    """Rows known only to a range (a year): dated to its start when the whole range lies inside
    START..END; a fault when it straddles them. Wholly outside is filtered later."""
    if dates.first is None:
        return dates
    undated = dates.date.isna() & dates.first.notna()
    inside = undated.copy()
    if filters.start:
        inside &= dates.first >= pd.Timestamp(filters.start)
    if filters.end:
        inside &= dates.last <= pd.Timestamp(filters.end)
    straddle = undated & ~inside
    fault = faults_where(straddle, dates.first.dt.year.astype("Int64"), "iyear",
                         "the month is unknown (imonth 0) and the year straddles START or END",
                         "the event cannot be placed in the period; give its month if another "
                         "source has it, or widen START/END to whole years")
    return Dates(dates.date.where(~inside, dates.first), dates.precision,
                 concat_faults([dates.faults, fault]), dates.first, dates.last)


def date_reasons(filters: Filters, dates: Dates) -> pd.Series:
    reason = pd.Series("", index=dates.date.index, dtype=object)
    latest = dates.date if dates.last is None else dates.date.fillna(dates.last)
    earliest = dates.date if dates.first is None else dates.date.fillna(dates.first)
    if filters.start:
        out = (latest < pd.Timestamp(filters.start)).fillna(False).to_numpy(bool)
        reason[out] = f"before START={filters.start}"
    if filters.end:
        out = (earliest > pd.Timestamp(filters.end)).fillna(False).to_numpy(bool)
        reason[out & (reason == "").to_numpy()] = f"after END={filters.end}"
    return reason


