"""What every table of the log shares: its audit rows, exact duplicates, the lines its errors
reject, and reading attributes of parsed cells."""

from __future__ import annotations

import pandas as pd

from sitrep.clean.readers.files import LINE, RawTable
from sitrep.counts import Count
from sitrep.problems import Problem


def audit_rows(table: RawTable, fate: pd.Series, reason: pd.Series,
                event: pd.Series | None = None, source: pd.Series | None = None) -> pd.DataFrame:
    f = table.frame
    blank = pd.Series("", index=f.index)
    return pd.DataFrame({
        "file": table.name, "line": f[LINE], "rows": 1,
        "event_id": event if event is not None else f.get("event_id", blank),
        "source_id": source if source is not None else f.get("source_id", blank),
        "fate": fate, "reason": reason})


def exact_duplicates(table: RawTable) -> pd.Series:
    """For each row that repeats an earlier one cell for cell, that earlier line; else 0."""
    cols = [c for c in table.frame.columns if c != LINE]
    f = table.frame
    dup = f.duplicated(cols, keep="first")
    if not dup.any():
        return pd.Series(0, index=f.index)
    first_line = f.groupby(cols, sort=False)[LINE].transform("min")
    return first_line.where(dup, 0)


def reject_lines(problems: list[Problem], table: RawTable) -> dict[int, str]:
    out: dict[int, str] = {}
    for p in problems:
        if p.file == table.name and p.severity == "error" and p.line > 1:
            out.setdefault(p.line, f"column '{p.column}': {p.message}")
    return out


def attr(series: pd.Series, name: str, default: object = "") -> pd.Series:
    """An attribute of parsed values (Country, Province, Count); default where there is none.

    Missing cells may hold None or NaN (pandas fills object columns with NaN), so the test is
    for the attribute, not for truth."""
    return series.map(lambda x: getattr(x, name, default) if x is not None and
                      hasattr(x, name) else default)


def as_count(x: object) -> Count | None:
    """A parsed cell, or None (pandas may hold 'not reported' as NaN)."""
    return x if isinstance(x, Count) else None


def problems_at(problems: list[Problem], t: RawTable, line: int, column: str) -> bool:
    return any(p.file == t.name and p.line == line and p.column == column for p in problems)
