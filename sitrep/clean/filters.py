"""The briefing's scope: COUNTRY, PROVINCE, START and END, checked once and applied to events.

PROVINCE accepts a name, an alias or an ISO 3166-2 code; without COUNTRY it is resolved in each
country the data holds. Dates are inclusive.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep import places
from sitrep.problems import InputError

if TYPE_CHECKING:  # pandas is imported where rows are filtered, not to check the filters:
    import numpy as np  # make report checks them before anything else, so this stays light
    import pandas as pd


@dataclass(frozen=True)
class Filters:
    country: str = ""
    province: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    country_code: str = ""
    _province_codes: dict = field(default_factory=dict, compare=False, repr=False)

    def describe(self) -> str:
        parts = []
        if self.country:
            parts.append(f"country {self.country}")
        if self.province:
            parts.append(f"province {self.province}")
        if self.start or self.end:
            parts.append(f"from {self.start or 'the start'} to {self.end or 'the end'}")
        return ", ".join(parts) or "no filters"

    def province_code_in(self, country_code: str) -> str | None:
        """The PROVINCE filter resolved in one country (None: not a province there)."""
        if country_code not in self._province_codes:
            p = places.resolve_province(self.province, country_code)
            self._province_codes[country_code] = p.code if p else None
        return self._province_codes[country_code]

    def reasons(self, frame: pd.DataFrame) -> pd.Series:
        """Why each row (with country_code, province_code, event_date) is outside; '' if inside."""
        import pandas as pd

        reason = pd.Series("", index=frame.index, dtype=object)
        if self.country_code:
            out = frame["country_code"] != self.country_code
            reason = reason.mask(out & (reason == ""), f"outside COUNTRY={self.country}")
        if self.province:
            wanted = frame["country_code"].map(lambda c: self.province_code_in(c) or "")
            # Where PROVINCE names no province of the row's country, nothing there matches.
            out = (frame["province_code"] != wanted) | (wanted == "")
            reason = reason.mask(out & (reason == ""), f"outside PROVINCE={self.province}")
        dates = pd.to_datetime(frame["event_date"])
        if self.start:
            out = (dates < pd.Timestamp(self.start)).to_numpy(dtype=bool, na_value=False)
            reason = reason.mask(out & (reason == "").to_numpy(), f"before START={self.start}")
        if self.end:
            out = (dates > pd.Timestamp(self.end)).to_numpy(dtype=bool, na_value=False)
            reason = reason.mask(out & (reason == "").to_numpy(), f"after END={self.end}")
        return reason


def _date(name: str, value: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(message=f"{name}={value!r} is not a date - write it as YYYY-MM-DD, "
                                 "e.g. START=2024-08-01") from None


def make_filters(country: str = "", province: str = "", start: str = "",
                 end: str = "") -> Filters:
    country, province = (country or "").strip(), (province or "").strip()
    code = ""
    if country:
        c = places.resolve_country(country)
        if c is None:
            near = places.suggest_country(country)
            hint = f" - did you mean {near[0]!r}?" if near else " - use the English name"
            raise InputError(message=f"COUNTRY={country!r} is not a country{hint}")
        code = c.code
        if province and places.resolve_province(province, code) is None:
            near = places.suggest_province(province, code)
            hint = (f"did you mean {near[0]!r}?" if near else
                    f"{c.name} has no provinces in ISO 3166-2: leave PROVINCE empty")
            raise InputError(message=f"PROVINCE={province!r} is not a province of {c.name} - "
                                     f"{hint}")
    s, e = _date("START", start or ""), _date("END", end or "")
    if s and e and s > e:
        raise InputError(message=f"START={s} is after END={e} - swap them")
    return Filters(country, province, s, e, code)


def unmatched_province(filters: Filters, country_codes: np.ndarray) -> str | None:
    """An error message when PROVINCE names no province in any of the data's countries."""
    if not filters.province or filters.country_code:
        return None
    if any(filters.province_code_in(c) for c in country_codes if c):
        return None
    return (f"PROVINCE={filters.province!r} is not a province of any country in the data - "
            "check the spelling or give COUNTRY too")
