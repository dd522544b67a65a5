"""This period against the one before it, of the same length (OUT/tables/comparison.csv):
incidents, and killed and injured by category, per province, each period counted by the same
rule. Empty when the briefing has no START and END; the briefing then says so."""

from __future__ import annotations

import pandas as pd

from sitrep.schema import COMPARISON_COLUMNS
from sitrep.tabulate.incidents import incidents
from sitrep.tabulate.tables import casualties


def _period(name: str, start: str, end: str, events: pd.DataFrame,
            reports: pd.DataFrame) -> pd.DataFrame:
    if events is None or events.empty:
        return pd.DataFrame(columns=list(COMPARISON_COLUMNS))
    c = casualties(events)
    n = incidents(events, reports).groupby("province_code").size()
    return c.assign(period=name, start=start, end=end,
                    incidents=c["province_code"].map(n).fillna(0).astype(int))


def comparison(events: pd.DataFrame, reports: pd.DataFrame, previous: dict | None,
               run: dict) -> pd.DataFrame:
    f = run.get("filters", {})
    if not previous or not previous.get("start"):
        return pd.DataFrame(columns=list(COMPARISON_COLUMNS))
    out = pd.concat([_period("current", f.get("start", ""), f.get("end", ""), events, reports),
                     _period("previous", previous["start"], previous["end"],
                             previous.get("events"), previous.get("reports"))],
                    ignore_index=True)
    for c in ("low", "best", "high"):
        out[c] = out[c].astype("Int64")
    return out[list(COMPARISON_COLUMNS)]


__all__ = ["comparison"]
