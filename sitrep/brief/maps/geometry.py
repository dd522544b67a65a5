"""The committed province outlines (``data/geo/pk_provinces.geojson``, Natural Earth admin-1,
public domain; rebuilt by ``scripts/build_provinces.py``) and the geometry drawn from them."""

from __future__ import annotations

import json
from functools import lru_cache

import numpy as np
from matplotlib.path import Path as MplPath

from sitrep.paths import GEO

PROVINCES_GEOJSON = GEO / "pk_provinces.geojson"



@lru_cache(maxsize=1)
def outlines() -> tuple:
    data = json.loads(PROVINCES_GEOJSON.read_text(encoding="utf-8"))
    out = []
    for feat in data["features"]:
        props = feat["properties"]
        geom = feat["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        rings = tuple(tuple(np.asarray(r, dtype=float) for r in poly) for poly in polys)
        out.append((props["iso_code"], props["name"], rings))
    return tuple(out)


def load_provinces() -> list[dict]:
    """Province features as dicts: ``iso_code``, ``name`` and ``polygons``.

    ``polygons`` is a list of polygons; each polygon is a list of (n, 2) lon/lat arrays, the
    outer ring first and then its holes.
    """
    return [{"iso_code": c, "name": n, "polygons": [[r.copy() for r in p] for p in polys]}
            for c, n, polys in outlines()]


def bounds() -> tuple[float, float, float, float]:
    xs = np.concatenate([r[:, 0] for _, _, polys in outlines() for p in polys for r in p])
    ys = np.concatenate([r[:, 1] for _, _, polys in outlines() for p in polys for r in p])
    return float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())


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


