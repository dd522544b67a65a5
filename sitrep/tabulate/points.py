"""Incidents -> map points: where each incident is drawn, and how that place was found.

An incident is placed by the log's coordinates; failing those, a Pakistani one at its
district's seat from the gazetteer (which holds Pakistani places only); failing that, one of
any other country at the point inside its province that the committed outlines carry
(``data/geo/admin1/XX.geojson``, property ``point``: inside the drawn polygon by
construction). Incidents of one district (or place) of one country share a point with the
people killed there; those placed by province share their province's point.
"""

from __future__ import annotations

import json
from functools import lru_cache

import numpy as np
import pandas as pd

from sitrep import gazetteer
from sitrep.paths import GEO

MAX_POINTS = 150  # points drawn per country, the largest first
MAX_LABELS = 12   # of which the largest are named
ADMIN1 = GEO / "admin1"
HOW = ("coordinates", "seat", "province")  # how an incident was placed, in order of trust


@lru_cache(maxsize=32)
def _outlines(country: str) -> tuple[dict, list]:
    """A country's {ISO code: (lat, lon) inside it} and its outer rings (for finding the
    country of a point); empty when there is no file for it."""
    path = ADMIN1 / f"{country}.geojson"
    if not country.isalpha() or not path.exists():
        return {}, []
    fc = json.loads(path.read_text(encoding="utf-8"))
    inside, rings = {}, []
    for f in fc["features"]:
        p = f["properties"]
        if p["iso_code"]:
            inside[p["iso_code"]] = (p["point"][1], p["point"][0])
        rings.extend(np.asarray(poly[0], dtype=float) for poly in f["geometry"]["coordinates"])
    return inside, rings


@lru_cache(maxsize=1)
def _boxes() -> pd.DataFrame:
    return pd.read_csv(ADMIN1 / "index.csv", keep_default_na=False)


def _in_ring(ring: np.ndarray, lon: float, lat: float) -> bool:
    a, b = ring[:-1], ring[1:]
    cross = (a[:, 1] > lat) != (b[:, 1] > lat)
    xs = a[cross, 0] + (lat - a[cross, 1]) * (b[cross, 0] - a[cross, 0]) \
        / (b[cross, 1] - a[cross, 1])
    return bool((xs > lon).sum() % 2)


@lru_cache(maxsize=4096)
def country_at(lat: float, lon: float) -> str:
    """The country (ISO alpha-2) whose outlines hold a point, or "". Only the countries whose
    box holds it are read."""
    box = _boxes()
    for turn in (0.0, 360.0, -360.0):  # outlines across the antimeridian run past 180
        x = lon + turn
        hit = box[(box["west"] <= x) & (box["east"] >= x)
                  & (box["south"] <= lat) & (box["north"] >= lat)]
        for cc in hit["country"]:
            if any(_in_ring(r, x, lat) for r in _outlines(cc)[1]):
                return cc
    return ""


def place_incidents(inc: pd.DataFrame, country: str | None = None) -> pd.DataFrame:
    """Per incident: ``country``, ``latitude``, ``longitude`` (NaN when it cannot be placed),
    ``how`` (one of HOW, or ""), ``key`` (what shares a point), ``label``, ``killed``.

    The country is the province code's; else *country* (the briefing's only country), else
    the country whose outlines hold the log's coordinates.
    """
    lat = pd.to_numeric(inc["latitude"], errors="coerce")
    lon = pd.to_numeric(inc["longitude"], errors="coerce")
    have = lat.notna() & lon.notna()
    prov = inc["province_code"].fillna("").astype(str)
    cc = prov.str.split("-").str[0].where(prov != "", (country or "").upper())
    unknown = (cc == "") & have
    cc[unknown] = [country_at(float(a), float(o)) for a, o in zip(lat[unknown], lon[unknown])]
    place = inc["district"].where(inc["district"] != "", inc["location"]).fillna("")

    # The gazetteer knows Pakistani places only: asked for Pakistani incidents, and (as
    # before there were other countries' outlines) for those of no known country.
    lookup = {}
    for name, code, c in set(zip(place, prov, cc)):
        if name and c in ("PK", ""):
            lookup[(name, code, c)] = gazetteer.locate(name, code or None)
    found = [lookup.get(k) for k in zip(place, prov, cc)]
    cc = cc.where([f is None for f in found], "PK")
    seat = pd.Series([f is not None for f in found], index=inc.index)
    glat = pd.Series([f[0] if f else None for f in found], index=inc.index, dtype=float)
    glon = pd.Series([f[1] if f else None for f in found], index=inc.index, dtype=float)

    inside = [_outlines(c)[0].get(code) if c != "PK" else None for c, code in zip(cc, prov)]
    by_prov = pd.Series([p is not None for p in inside], index=inc.index) & ~have & ~seat
    plat = pd.Series([p[0] if p else None for p in inside], index=inc.index, dtype=float)
    plon = pd.Series([p[1] if p else None for p in inside], index=inc.index, dtype=float)

    how = np.select([have, seat, by_prov], list(HOW), default="")
    militants = (pd.to_numeric(inc["militants"], errors="coerce").fillna(0)
                 if "militants" in inc else pd.Series(0.0, index=inc.index))
    label = place.where(place != "", inc["event_id"]).astype(str)
    pname = inc["province"].fillna("").astype(str) if "province" in inc else prov
    return pd.DataFrame({
        "country": cc,
        "latitude": lat.where(have, glat.where(seat, plat)),
        "longitude": lon.where(have, glon.where(seat, plon)),
        "how": how,
        # Incidents placed by province share its point, named after it; places share a point
        # only within one province (two Saddars, in Karachi and Rawalpindi, are two points).
        "key": (prov + ":" + label).where(~by_prov, "province:" + prov),
        "label": label.where(~by_prov, pname.where(pname != "", prov)),
        # the dead other than militants; militants killed are drawn apart from victims
        "killed": (pd.to_numeric(inc["best"], errors="coerce").fillna(0) - militants),
        "militants": militants,
    }, index=inc.index)


def points_from(placed: pd.DataFrame) -> pd.DataFrame:
    """One point per country and place, the largest first within each country; the
    ``MAX_POINTS`` largest of a country are kept and its ``MAX_LABELS`` largest named.
    Columns: latitude, longitude, killed, label, country, and the number of incidents placed
    each way (``coordinates``, ``seat``, ``province``)."""
    pts = placed[placed["how"] != ""]
    counts = pd.get_dummies(pts["how"]).reindex(columns=list(HOW), fill_value=0).astype(int)
    pts = pd.concat([pts, counts], axis=1)
    grouped = pts.groupby(["country", "key"], as_index=False).agg(
        latitude=("latitude", "mean"), longitude=("longitude", "mean"),
        killed=("killed", "sum"), militants=("militants", "sum"), label=("label", "first"),
        **{h: (h, "sum") for h in HOW})
    grouped = grouped.sort_values("killed", ascending=False, kind="stable")
    grouped = grouped.groupby("country", sort=False).head(MAX_POINTS)
    grouped["killed"] = grouped["killed"].astype(int)
    grouped["militants"] = grouped["militants"].astype(int)
    # astype(str): on no points, map() keeps int64 and the sum of str and int fails
    grouped["label"] = (grouped["label"].astype(str) + " ("
                        + grouped["killed"].map("{:,}".format).astype(str) + ")")
    grouped = grouped.reset_index(drop=True)
    rank = grouped.groupby("country").cumcount()
    grouped.loc[rank >= MAX_LABELS, "label"] = ""  # the largest are named, not all
    return grouped[["latitude", "longitude", "killed", "militants", "label", "country", *HOW]]


def map_points(inc: pd.DataFrame, country: str | None = None) -> tuple[pd.DataFrame, int]:
    """One point per district (or place) with the people killed there, and the number of
    incidents placed (see :func:`place_incidents` and :func:`points_from`)."""
    placed = place_incidents(inc, country)
    return points_from(placed), int((placed["how"] != "").sum())


__all__ = ["map_points", "place_incidents", "points_from", "country_at", "MAX_POINTS",
           "MAX_LABELS", "HOW"]
