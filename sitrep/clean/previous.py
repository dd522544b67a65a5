"""The period before the briefing's, of the same length, for the comparison analysts make in
every monthly report (PICSS, PIPS): read with the same COUNTRY and PROVINCE and counted by the
same rule. It is read apart from the briefing's own data, so its rows never enter the
briefing's figures or its audit; rows with errors in it are left out and counted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from sitrep.clean.filters import Filters, make_filters
from sitrep.clean.reconcile import reconcile
from sitrep.problems import InputError


def window(filters: Filters) -> tuple[dt.date, dt.date] | None:
    """START..END moved back by its own length (by whole months when it is whole months);
    None without both START and END."""
    if not (filters.start and filters.end):
        return None
    start, end = filters.start, filters.end
    if start.day == 1 and (end + dt.timedelta(days=1)).day == 1:
        # whole calendar months (March): the same number of whole months before (February)
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        first = start.year * 12 + start.month - 1 - months
        return dt.date(first // 12, first % 12 + 1, 1), start - dt.timedelta(days=1)
    days = (end - start).days + 1
    return start - dt.timedelta(days=days), start - dt.timedelta(days=1)


def read_previous(data: str | Path, fmt: str, filters: Filters) -> dict:
    """{"start", "end", "events", "reports", "rejected_rows", "why"}; events empty (and
    "why" saying so) when there is nothing to compare with."""
    from sitrep.clean.stage import read

    w = window(filters)
    if w is None:
        return {"start": "", "end": "", "events": pd.DataFrame(), "reports": pd.DataFrame(),
                "rejected_rows": 0, "why": "the briefing has no START and END to compare"}
    start, end = w
    f = make_filters(filters.country, filters.province, start.isoformat(), end.isoformat())
    try:
        result = read(data, fmt, f)
    except InputError as exc:  # the previous period is context: it never stops the briefing
        return {"start": start.isoformat(), "end": end.isoformat(), "events": pd.DataFrame(),
                "reports": pd.DataFrame(), "rejected_rows": 0,
                "why": f"the data for {start} to {end} could not be read ({exc})"}
    rows = pd.to_numeric(result.audit["rows"])
    rejected = int(rows[result.audit["fate"] == "rejected"].sum())
    events = reconcile(result.reports, result.figures, result.sources) \
        if len(result.reports) else pd.DataFrame()
    why = "" if len(result.reports) else f"the data holds no events from {start} to {end}"
    return {"start": start.isoformat(), "end": end.isoformat(), "events": events,
            "reports": result.reports, "rejected_rows": rejected, "why": why}


__all__ = ["window", "read_previous"]
