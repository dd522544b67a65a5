"""Cell-level checks: each parser turns one cell into a clean value or says what is wrong.

Parsers raise :class:`Fault` (what is wrong, how to fix it); :func:`parse_column` applies one to
a whole column, once per distinct value, and collects every fault as a :class:`Problem` with its
file, line, column and value, so all problems are reported at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pandas as pd

from sitrep import places
from sitrep.counts import MAX_COUNT, Count, CountError, parse_count
from sitrep.problems import Problem
from sitrep.schema import CATEGORIES
from sitrep.clean.readers.files import LINE, RawTable


class Fault(ValueError):
    def __init__(self, message: str, fix: str = ""):
        super().__init__(message)
        self.message, self.fix = message, fix


def missing_columns(table: RawTable, required: tuple[str, ...]) -> list[Problem]:
    found = [c for c in table.frame.columns if c != LINE]
    out = []
    for col in required:
        if col in found:
            continue
        near = [c for c in found if places.normalise(c).replace(" ", "_") == col]
        fix = (f"rename '{near[0]}' to '{col}'" if near else
               f"add a '{col}' column to the header row")
        out.append(Problem(table.name, 1, col, "", "required column is missing",
                           f"{fix} (columns found: {', '.join(found) or 'none'})"))
    return out


def parse_column(table: RawTable, column: str, parse: Callable[[str], Any],
                 severity: str = "error") -> tuple[pd.Series, list[Problem]]:
    """Apply ``parse`` to every cell of ``column``; faulty cells become None and a Problem."""
    values = table.frame[column] if column in table.frame else pd.Series(
        [""] * len(table.frame), index=table.frame.index)
    parsed: dict[str, Any] = {}
    faults: dict[str, Fault] = {}
    for v in values.unique():
        try:
            parsed[v] = parse(v)
        except Fault as f:
            faults[v] = f
    problems = [Problem(table.name, int(line), column, v, faults[v].message, faults[v].fix,
                        severity)
                for v, line in zip(values, table.frame[LINE]) if v in faults]
    return values.map(lambda v: parsed.get(v)), problems


def required_text(value: str) -> str:
    if not value:
        raise Fault("is empty", "every row needs a value here")
    return value


# A time may follow the date (an XLSX date cell with a time reads as 2024-08-26T14:30:00); any
# other text after it ("2024-08-26 or 27") makes the cell more than a date.
TIME = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})" + TIME + "$")
HAS_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
FIRST_YEAR = 1900  # earlier dates are typing errors (1024 for 2024), not modern incidents


def parse_date(value: str, today: dt.date | None = None, required: bool = True) -> dt.date | None:
    if not value:
        if required:
            raise Fault("is empty", "give the date as YYYY-MM-DD")
        return None
    m = ISO_DATE.match(value)
    if not m and HAS_DATE.search(value):
        raise Fault("holds more than a date", "give one date as YYYY-MM-DD (the first day "
                    "when unsure) and put the rest in notes")
    if not m:
        raise Fault("is not an ISO date", "write it as YYYY-MM-DD, e.g. 2024-08-26")
    try:
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise Fault(f"is not a real date ({exc})", "check the day and month") from None
    if day.year < FIRST_YEAR:
        raise Fault(f"lies before {FIRST_YEAR}", "check the year")
    if day > (today or dt.date.today()):
        raise Fault("lies in the future", "check the year; events must have happened already")
    return day


def parse_country(value: str) -> places.Country:
    if not value:
        raise Fault("is empty", "name the country, e.g. Pakistan")
    c = places.resolve_country(value)
    if c is None:
        near = places.suggest_country(value)
        raise Fault("is not a country this tool knows",
                    f"did you mean {_or_list(near)}?" if near else
                    "use the country's English name or ISO 3166 code")
    return c


def province_parser(country_code: str | None) -> Callable[[str], places.Province]:
    def parse(value: str) -> places.Province:
        if not value:
            raise Fault("is empty", "name the province (first-level division) of the incident")
        if country_code is None:
            raise Fault("cannot be checked without a valid country", "fix the country first")
        p = places.resolve_province(value, country_code)
        if p is None:
            near = places.suggest_province(value, country_code)
            raise Fault("is not a province of this country",
                        f"did you mean {_or_list(near)}? (names, ISO codes and the aliases in "
                        "data/aliases/provinces.csv are accepted)")
        return p
    return parse


def _or_list(names: list[str]) -> str:
    quoted = [f"'{n}'" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def coordinate_parser(kind: str) -> Callable[[str], float | None]:
    limit = 90.0 if kind == "latitude" else 180.0

    def parse(value: str) -> float | None:
        if not value:
            return None
        try:
            x = float(value)
        except ValueError:
            raise Fault(f"is not a {kind}", "write decimal degrees, e.g. 30.86") from None
        if not -limit <= x <= limit:
            raise Fault(f"is outside -{limit:g}..{limit:g}", f"check the {kind}; "
                        "latitude and longitude may be swapped")
        return x
    return parse


def parse_count_cell(value: str) -> Count | None:
    try:
        count = parse_count(value)
    except CountError as exc:
        message, _, fix = str(exc).partition(" - ")
        raise Fault(message, fix) from None
    if count is not None and max(count.low, count.high or 0) > MAX_COUNT:
        raise Fault(f"is more people than any count can hold (over {MAX_COUNT:,})",
                    "check the cell: an id or a date pasted into a count column?")
    return count


def choice_parser(choices: tuple[str, ...], what: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        v = value.strip().lower().replace(" ", "_").replace("-", "_")
        if v in choices:
            return v
        raise Fault(f"is not a known {what}", f"use one of: {', '.join(choices)}")
    return parse


def categories_list(value: str) -> str:
    """'militants' or 'militants; security forces' -> 'militants;security_forces' ('' = none)."""
    out = []
    for part in filter(None, (x.strip() for x in value.replace(",", ";").split(";"))):
        out.append(choice_parser(CATEGORIES, "victim category")(part))
    return ";".join(out)
