"""The committed province outlines of every country (``data/geo/admin1/XX.geojson``, Natural
Earth admin-1, public domain; rebuilt by ``scripts/build_provinces.py``; Pakistan's are also in
``data/geo/pk_provinces.geojson``) and the geometry drawn from them.

One country's file is read when its map is drawn, never the world's."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from matplotlib.path import Path as MplPath

from sitrep.paths import GEO

PROVINCES_GEOJSON = GEO / "pk_provinces.geojson"
ADMIN1 = GEO / "admin1"


class Province(NamedTuple):
    code: str        # ISO 3166-2 of a first-level unit; "" for a unit ISO does not list
    name: str        # as pycountry spells it (Natural Earth's name for an uncoded unit)
    polys: tuple     # polygons; each a tuple of (n, 2) lon/lat rings, the outer one first
    includes: tuple  # lower-level ISO codes dissolved into it (French departments, ...)
    point: tuple     # (lon, lat) inside the unit, for incidents known only by province


def country_file(country: str):
    return ADMIN1 / f"{country.upper()}.geojson"


def has_outlines(country: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z]{2}", country or "")) and country_file(country).exists()


@lru_cache(maxsize=8)
def outlines(country: str = "PK") -> tuple[Province, ...]:
    data = json.loads(country_file(country).read_text(encoding="utf-8"))
    out = []
    for feat in data["features"]:
        props = feat["properties"]
        geom = feat["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        rings = tuple(tuple(np.asarray(r, dtype=float) for r in poly) for poly in polys)
        out.append(Province(props["iso_code"], props["name"], rings,
                            tuple(props.get("includes", ())), tuple(props["point"])))
    return tuple(out)


def load_provinces(country: str = "PK") -> list[dict]:
    """Province features as dicts: ``iso_code``, ``name``, ``point`` and ``polygons``.

    ``polygons`` is a list of polygons; each polygon is a list of (n, 2) lon/lat arrays, the
    outer ring first and then its holes.
    """
    return [{"iso_code": p.code, "name": p.name, "point": p.point,
             "polygons": [[r.copy() for r in poly] for poly in p.polys]}
            for p in outlines(country)]


def display_name(name: str) -> str:
    """'Amānat al ‘Āşimah [city]' -> 'Amānat al ‘Āşimah': ISO's qualifiers are not labels."""
    return re.sub(r"\s*\[[^\]]*\]", "", name).strip()


def _box(polys) -> np.ndarray:
    pts = np.concatenate([p[0] for p in polys])
    return np.array([pts[:, 0].min(), pts[:, 1].min(), pts[:, 0].max(), pts[:, 1].max()])


@lru_cache(maxsize=8)
def bounds(country: str = "PK") -> tuple[float, float, float, float]:
    """The view of a country: of the groups its land forms (land within a gap of a degree,
    or of a thirtieth of the country's size, belongs to one group), the one with the most
    area, with any land within that gap of its box. Far islands and overseas parts (Réunion
    for France, Hawaii and Alaska for the United States) are left out; points there widen the
    view like any point."""
    polys = [poly for p in outlines(country) for poly in p.polys]
    boxes = np.array([_box([poly]) for poly in polys])
    areas = np.array([abs(ring_area(poly[0])) for poly in polys])
    size = max(boxes[:, 2].max() - boxes[:, 0].min(), boxes[:, 3].max() - boxes[:, 1].min())
    gap = max(1.0, size / 30)
    near = ((boxes[:, None, 0] <= boxes[None, :, 2] + gap)
            & (boxes[:, None, 2] >= boxes[None, :, 0] - gap)
            & (boxes[:, None, 1] <= boxes[None, :, 3] + gap)
            & (boxes[:, None, 3] >= boxes[None, :, 1] - gap))
    group = np.arange(len(polys))
    while True:  # every polygon takes the smallest group number among its neighbours
        joined = np.where(near, group[None, :], len(polys)).min(axis=1)
        if (joined == group).all():
            break
        group = joined
    main = group == np.bincount(group, weights=areas).argmax()
    while True:
        x0, y0 = boxes[main, 0].min(), boxes[main, 1].min()
        x1, y1 = boxes[main, 2].max(), boxes[main, 3].max()
        grown = main | ((boxes[:, 0] <= x1 + gap) & (boxes[:, 2] >= x0 - gap)
                        & (boxes[:, 1] <= y1 + gap) & (boxes[:, 3] >= y0 - gap))
        if (grown == main).all():
            return float(x0), float(y0), float(x1), float(y1)
        main = grown


def polygon_path(polys) -> MplPath:
    verts, codes = [], []
    for poly in polys:
        for ring in poly:
            n = len(ring)
            verts.append(ring)
            codes.extend([MplPath.MOVETO] + [MplPath.LINETO] * (n - 2) + [MplPath.CLOSEPOLY])
    return MplPath(np.concatenate(verts), codes)


def ring_area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))


def interior_segments(poly, n_lines: int = 9) -> list[tuple[float, float, float]]:
    """Horizontal interior segments (x0, x1, y) of a polygon at several latitudes.

    Along each scan line the crossings with all rings are sorted and paired; the widest
    pair is the segment. Returned widest first: its midpoint is a point well inside the
    polygon, usable for a label even for concave shapes.
    """
    shell = poly[0]
    y0, y1 = float(shell[:, 1].min()), float(shell[:, 1].max())
    segments = []
    for frac in np.linspace(0.2, 0.8, n_lines):
        y = y0 + frac * (y1 - y0)
        xs = []
        for ring in poly:
            a, b = ring[:-1], ring[1:]
            crosses = (a[:, 1] > y) != (b[:, 1] > y)
            if not crosses.any():
                continue
            a, b = a[crosses], b[crosses]
            xs.extend(a[:, 0] + (y - a[:, 1]) * (b[:, 0] - a[:, 0]) / (b[:, 1] - a[:, 1]))
        xs.sort()
        pairs = [(xs[i], xs[i + 1]) for i in range(0, len(xs) - 1, 2)]
        if pairs:
            lo, hi = max(pairs, key=lambda p: p[1] - p[0])
            segments.append((float(lo), float(hi), float(y)))
    segments.sort(key=lambda s: s[1] - s[0], reverse=True)
    return segments
