"""Incidents as a reader counts them: every event that is not an episode of others, with or
without deaths (a police station stormed, a bridge blown up: attacks are incidents whether or
not anyone died or a count was given), and the timeline of them in date order.

Events with no figure have no row among the clean events (there is nothing to count); their
place, date and kind come from their reports, so they are counted here as incidents.
"""

from __future__ import annotations

import pandas as pd

from sitrep.clean.reconcile import event_meta
from sitrep.frames import isin
from sitrep.schema import ALL, CATEGORIES, CLAIM, INCIDENT_TABLE_COLUMNS, REPORT_COLUMNS

Int = "Int64"


def _leaves(reports: pd.DataFrame) -> pd.DataFrame:
    """One row per incident (an event no other event names as its episode), with its kind."""
    meta = event_meta(reports).reset_index()
    episodes = set(meta.loc[meta["part_of"] != "", "part_of"])
    meta = meta[~isin(meta["event_id"], episodes)]
    first = reports.sort_values(["file", "line"], kind="stable").drop_duplicates("event_id")
    kind = first.set_index("event_id")[["event_type", "perpetrator"]]
    counted = reports[reports["source_type"] != CLAIM]
    n_sources = counted.groupby("event_id")["source_id"].nunique()
    out = meta.join(kind, on="event_id")
    out["sources"] = out["event_id"].map(n_sources).fillna(0).astype(int)
    return out


def incidents(events: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """Each incident: place, coordinates, kind and people killed (empty where none reported)."""
    out = _leaves(reports)
    killed = events[(events["category"] == ALL) & (events["outcome"] == "killed")][
        ["event_id", "low", "best", "high"]]
    out = out.merge(killed, on="event_id", how="left")
    mil = events[(events["category"] == "militants") & (events["outcome"] == "killed")]
    out["militants"] = out["event_id"].map(mil.set_index("event_id")["best"]).astype(Int)
    for c in ("low", "best", "high"):
        out[c] = out[c].astype(Int)
    out["event_date"] = out["event_date"].dt.date.astype(str)
    extra = passed_through(reports)
    out = out.join(extra, on="event_id")
    return out.sort_values(["event_date", "event_id"])[list(INCIDENT_TABLE_COLUMNS) + list(extra.columns)] \
        .reset_index(drop=True)


def passed_through(reports: pd.DataFrame) -> pd.DataFrame:
    """The log's own extra columns (beyond REPORT_COLUMNS), by event: the first value given in
    file order, as the README promises that extra columns are passed through."""
    extra = [c for c in reports.columns if c not in REPORT_COLUMNS and not c.startswith("_")]
    ordered = reports.sort_values(["file", "line"], kind="stable")
    out = pd.DataFrame(index=pd.Index(ordered["event_id"].unique(), name="event_id"))
    for c in extra:
        given = ordered[ordered[c].fillna("").astype(str).str.strip() != ""]
        out[c] = given.drop_duplicates("event_id").set_index("event_id")[c]
        out[c] = out[c].fillna("")
    return out


def timeline(events: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """One row per incident in date order: where, what, killed by category and injured (best
    estimates; empty where no source gave a figure), and how many sources told it."""
    out = _leaves(reports)
    wide = events[isin(events["event_id"], out["event_id"])].pivot_table(
        index="event_id", columns=["outcome", "category"], values="best", aggfunc="first")
    wide.columns = [f"{o}_{c}" for o, c in wide.columns]
    out = out.join(wide, on="event_id")
    cols = [f"killed_{c}" for c in CATEGORIES + (ALL,)] + ["injured_all"]
    for c in cols:
        out[c] = (out[c] if c in out else pd.Series(pd.NA, index=out.index)).astype(Int)
    out["place"] = out["district"].where(out["district"] != "", out["location"])
    out["event_date"] = out["event_date"].dt.date.astype(str)
    keep = ["event_date", "event_id", "place", "location", "province", "event_type",
            "perpetrator"] + cols + ["sources"]
    return out.sort_values(["event_date", "place", "event_id"])[keep].reset_index(drop=True)


def by_actor(timeline_table: pd.DataFrame, column: str) -> pd.DataFrame:
    """Incidents and killed (best estimates summed; claims are never in them) per perpetrator
    group (``column`` "perpetrator") or per kind of attack ("event_type"), the deadliest first.
    Incidents without deaths count as incidents."""
    t = timeline_table.assign(**{column: timeline_table[column].fillna("").astype(str)
                                 .replace("", "(not given)")})
    g = t.groupby(column, sort=False)
    out = pd.DataFrame({
        "incidents": g.size(),
        "incidents_with_deaths": g["killed_all"].apply(lambda s: int((s.fillna(0) > 0).sum())),
        "killed": g["killed_all"].sum(min_count=1).astype(Int),
        "killed_civilians": g["killed_civilians"].sum(min_count=1).astype(Int),
    }).reset_index()
    return out.sort_values(["killed", "incidents"], ascending=False, na_position="last",
                           kind="stable").reset_index(drop=True)


__all__ = ["incidents", "timeline", "by_actor"]
