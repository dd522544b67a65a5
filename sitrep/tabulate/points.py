"""Incidents -> map points: one per district (or place), placed by the log's coordinates or,
failing those, at the district's seat from the gazetteer, with the people killed there."""

from __future__ import annotations

import pandas as pd

from sitrep import gazetteer

MAX_POINTS = 150  # points drawn, the largest first
MAX_LABELS = 12   # of which the largest are named


def map_points(inc: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """One point per district (or place) with the people killed there; the largest first."""
    lat = pd.to_numeric(inc["latitude"], errors="coerce")
    lon = pd.to_numeric(inc["longitude"], errors="coerce")
    place = inc["district"].where(inc["district"] != "", inc["location"]).fillna("")
    lookup = {}
    for name, prov in set(zip(place, inc["province_code"])):
        lookup[(name, prov)] = gazetteer.locate(name, prov or None) if name else None
    found = [lookup[k] for k in zip(place, inc["province_code"])]
    glat = pd.Series([f[0] if f else None for f in found], index=inc.index, dtype=float)
    glon = pd.Series([f[1] if f else None for f in found], index=inc.index, dtype=float)
    have = lat.notna() & lon.notna()
    pts = pd.DataFrame({"latitude": lat.where(have, glat), "longitude": lon.where(have, glon),
                        "killed": pd.to_numeric(inc["best"], errors="coerce").fillna(0),
                        "label": place.where(place != "", inc["event_id"])})
    pts = pts.dropna(subset=["latitude", "longitude"])
    located = len(pts)
    pts = pts.assign(label=pts["label"].astype(str))
    grouped = pts.groupby("label", as_index=False).agg(
        latitude=("latitude", "mean"), longitude=("longitude", "mean"), killed=("killed", "sum"))
    grouped = grouped.sort_values("killed", ascending=False).head(MAX_POINTS)
    grouped["killed"] = grouped["killed"].astype(int)
    grouped["label"] = grouped["label"] + " (" + grouped["killed"].map("{:,}".format) + ")"
    grouped = grouped.reset_index(drop=True)
    grouped.loc[grouped.index >= MAX_LABELS, "label"] = ""  # the largest are named, not all
    return grouped, located


__all__ = ["map_points", "MAX_POINTS", "MAX_LABELS"]
