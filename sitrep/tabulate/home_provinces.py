"""Victims by home province: counted like casualties, and never more than the event's dead.

Each (victim category, home province, basis) is reconciled across an event's reports by the
counting rule's category step (``sitrep.clean.reconcile``: claims left out, relays counted once,
lowest low, highest high, lower median), and an episode folds its parts in the same way. A
report naming "23 from Punjab" and another "14 from Punjab and 9 Baloch" would then make 32
origins for 23 dead, so at each level the bests are brought within the event's killed best for
that victim category (its total where the category has no figure): first each origin down
towards its low, the one with the most room first; then, if the lows alone are too many,
inferred origins before reported ones, the largest first. The highs are kept, as what a source
said.
"""

from __future__ import annotations

import pandas as pd

from sitrep.frames import isin
from sitrep.clean.reconcile import combine, counted_figures, fold_episodes
from sitrep.schema import ALL, HOME_PROVINCE_COLUMNS

SEP = "\x1f"
PARTS = ["victim_category", "home_province_code", "home_province", "basis"]
COLUMNS = list(HOME_PROVINCE_COLUMNS)


def _cap(frame: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Bring each event's bests (per victim category) within that event's killed best."""
    killed = events[events["outcome"] == "killed"].set_index(["event_id", "category"])["best"]
    out = frame.copy()
    vcat = out["category"].str.split(SEP).str[0]
    basis = out["category"].str.split(SEP).str[3]
    for (ev, cat), idx in out.groupby([out["event_id"], vcat], sort=False).groups.items():
        cap = killed.get((ev, cat), killed.get((ev, ALL)))
        if cap is None or pd.isna(cap):
            continue
        rows = out.loc[idx]
        excess = int(rows["best"].sum()) - int(cap)
        if excess <= 0:
            continue
        best = rows["best"].astype(int).to_dict()
        low = rows["low"].astype(int).to_dict()
        for i in sorted(best, key=lambda i: (-(best[i] - low[i]), out.at[i, "category"])):
            cut = min(excess, best[i] - low[i])
            best[i] -= cut
            excess -= cut
        for i in sorted(best, key=lambda i: (basis[i] != "inferred", -best[i],
                                             out.at[i, "category"])):
            cut = min(excess, best[i])
            best[i] -= cut
            excess -= cut
        for i, b in best.items():
            out.at[i, "best"] = b
            out.at[i, "low"] = min(low[i], b)
    return out


def by_home_province(victims: pd.DataFrame, events: pd.DataFrame, reports: pd.DataFrame,
                     sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """Home province x victim category x basis, summed over counted events."""
    if victims.empty or reports.empty:
        return pd.DataFrame(columns=COLUMNS)
    report_of = reports.set_index(["event_id", "source_id"])["report_id"]
    keys = list(zip(victims["event_id"], victims["source_id"]))
    v = victims.assign(
        report_id=[report_of.get(k, "") for k in keys],
        category=victims[PARTS].astype(str).agg(SEP.join, axis=1),
        outcome="killed", derived="")
    v = v[v["report_id"] != ""]
    per_event = _cap(combine(counted_figures(reports, v, sources)), events)
    if per_event.empty:
        return pd.DataFrame(columns=COLUMNS)
    parents = events.drop_duplicates("event_id").set_index("event_id")["part_of"]
    in_tree = set(parents[parents != ""].index) | set(parents[parents != ""])
    tree = isin(per_event["event_id"], in_tree)
    if tree.any():
        folded = _cap(fold_episodes(per_event[tree], parents), events)
        per_event = pd.concat([per_event[~tree], folded[per_event.columns]], ignore_index=True)
    top = per_event[per_event["event_id"].map(parents).fillna("") == ""]
    top = top.assign(**dict(zip(PARTS, zip(*top["category"].str.split(SEP)))))
    top = top.assign(_open=top["high"].isna())
    g = top.groupby(PARTS, sort=False)
    out = g.agg(low=("low", "sum"), best=("best", "sum"), high=("high", "sum"),
                _open=("_open", "any"), events=("event_id", "nunique"),
                sources=("sources", lambda x: ";".join(sorted(set(";".join(x).split(";"))))))
    out = out.reset_index()
    for c in ("low", "best", "high"):
        out[c] = out[c].astype("Int64")
    out["high"] = out["high"].mask(out["_open"])
    out = out.assign(_b=out["basis"].map({"reported": 0, "inferred": 1}))
    out = out.sort_values(["_b", "best", "home_province"], ascending=[True, False, True])
    return out[COLUMNS].reset_index(drop=True)


__all__ = ["by_home_province"]
