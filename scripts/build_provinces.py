#!/usr/bin/env python3
"""Build data/geo/pk_provinces.geojson from Natural Earth admin-1 boundaries.

Where the polygons come from
----------------------------
Debian's ``qgis-common`` package ships ``world_map.gpkg``, a GeoPackage that
holds Natural Earth's admin-0 and admin-1 layers (public domain).  This script
fetches the .deb with ``apt-get download`` (no installation), unpacks it with
``dpkg-deb -x`` into a temporary directory, and reads the GeoPackage with the
standard library's sqlite3.  Geometry blobs are decoded by the small
GeoPackage/WKB reader below, so no GIS library is needed.

What it writes
--------------
A GeoJSON FeatureCollection with one feature per province-level unit of
Pakistan, keyed by its ISO 3166-2 code and named as pycountry names it.
Natural Earth still carries the pre-2018 map, so:

* F.A.T.A. is merged into Khyber Pakhtunkhwa (25th amendment, 2018): the two
  polygons are dissolved along their shared edges when they share vertices
  exactly, otherwise kept as two parts of one MultiPolygon;
* the old names (Baluchistan, Sind, N.W.F.P./K.P., F.C.T., Northern Areas,
  Azad Kashmir) are mapped to PK-BA, PK-SD, PK-KP, PK-IS, PK-GB, PK-JK.

Coordinates are simplified (Douglas-Peucker, then rounded to 3 decimals, about
100 m) to keep the committed file small.  This is a build-time script: the
report and the tests only read its output.

Usage::

    python scripts/build_provinces.py                 # download qgis-common
    python scripts/build_provinces.py --gpkg world_map.gpkg
    python scripts/build_provinces.py --deb qgis-common_*.deb

Needs: Debian/Ubuntu with apt-get and dpkg-deb (unless --gpkg is given), and
pycountry.  Run ``apt-get update`` first on a fresh machine (the script tries
it once by itself if the download fails).
"""

from __future__ import annotations

import argparse
import json
import math
import sqlite3
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

import pycountry

from sitrep.paths import GEO

DEFAULT_OUT = GEO / "pk_provinces.geojson"
SOURCE = "Natural Earth admin-1 (public domain)"

# Natural Earth admin-1 name (and, as a fallback, gn_name / woe_name) for
# Pakistan -> ISO 3166-2 code.  Several spellings are listed because different
# Natural Earth releases use different ones.
NE_TO_ISO = {
    "Baluchistan": "PK-BA",
    "Balochistan": "PK-BA",
    "Sind": "PK-SD",
    "Sindh": "PK-SD",
    "Punjab": "PK-PB",
    "K.P.": "PK-KP",
    "N.W.F.P.": "PK-KP",
    "North-West Frontier": "PK-KP",
    "Khyber Pakhtunkhwa": "PK-KP",
    "Khyber Pakhtunkhwa Province": "PK-KP",
    # Merged into Khyber Pakhtunkhwa in 2018.
    "F.A.T.A.": "PK-KP",
    "Federally Administered Tribal Areas": "PK-KP",
    "F.C.T.": "PK-IS",
    "Islamabad": "PK-IS",
    "Islamabad Capital Territory": "PK-IS",
    "Northern Areas": "PK-GB",
    "Gilgit-Baltistan": "PK-GB",
    "Azad Kashmir": "PK-JK",
    "Azad Jammu and Kashmir": "PK-JK",
}

DP_TOLERANCE_DEG = 0.005  # about 500 m; invisible at report scale
DECIMALS = 3


# --------------------------------------------------------------------------
# Fetching the GeoPackage
# --------------------------------------------------------------------------

def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)


def download_deb(workdir: Path) -> Path:
    """``apt-get download qgis-common`` into *workdir*; return the .deb path."""
    res = _run(["apt-get", "download", "qgis-common"], workdir)
    if res.returncode != 0:
        print("apt-get download failed; running apt-get update once", file=sys.stderr)
        upd = _run(["apt-get", "update"], workdir)
        if upd.returncode != 0:
            sys.exit(f"apt-get update failed:\n{upd.stderr}")
        res = _run(["apt-get", "download", "qgis-common"], workdir)
        if res.returncode != 0:
            sys.exit(f"apt-get download qgis-common failed:\n{res.stderr}")
    debs = sorted(workdir.glob("qgis-common_*.deb"))
    if not debs:
        sys.exit("apt-get download reported success but no qgis-common .deb found")
    return debs[-1]


def extract_gpkg(deb: Path, workdir: Path) -> Path:
    """Unpack *deb* with ``dpkg-deb -x`` and return the world_map.gpkg in it."""
    target = workdir / "unpacked"
    target.mkdir()
    res = _run(["dpkg-deb", "-x", str(deb), str(target)], workdir)
    if res.returncode != 0:
        sys.exit(f"dpkg-deb -x failed:\n{res.stderr}")
    found = sorted(target.rglob("world_map.gpkg"))
    if not found:
        sys.exit(f"no world_map.gpkg inside {deb.name}")
    return found[0]


# --------------------------------------------------------------------------
# GeoPackage binary header + WKB
# --------------------------------------------------------------------------

_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def gpkg_to_wkb(blob: bytes) -> bytes:
    """Strip the GeoPackage binary header and return the WKB that follows."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry blob")
    flags = blob[3]
    envelope = (flags >> 1) & 0x07
    if envelope not in _ENVELOPE_BYTES:
        raise ValueError(f"bad envelope indicator {envelope}")
    if flags & 0x20:
        raise ValueError("extended GeoPackage geometry types are not supported")
    return blob[8 + _ENVELOPE_BYTES[envelope]:]


class _WKBReader:
    """Minimal WKB reader for (Multi)Polygon; Z and M values are dropped."""

    def __init__(self, data: bytes):
        self.data = data
        self.pos = 0

    def _unpack(self, fmt: str):
        size = struct.calcsize(fmt)
        vals = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += size
        return vals

    def geometry(self) -> list:
        """Return a list of polygons; a polygon is a list of rings of (x, y)."""
        (order,) = self._unpack("B")
        end = "<" if order == 1 else ">"
        (raw_type,) = self._unpack(end + "I")
        # EWKB flags (PostGIS style) and ISO codes (1000s for Z/M/ZM).
        has_z = bool(raw_type & 0x80000000)
        has_m = bool(raw_type & 0x40000000)
        if raw_type & 0x20000000:  # EWKB SRID present
            self._unpack(end + "I")
        base = raw_type & 0x0FFFFFFF
        iso_dims, base = divmod(base, 1000)
        if iso_dims in (1, 3):
            has_z = True
        if iso_dims in (2, 3):
            has_m = True
        ndim = 2 + has_z + has_m
        if base == 3:
            return [self._polygon(end, ndim)]
        if base == 6:
            (n,) = self._unpack(end + "I")
            polys = []
            for _ in range(n):
                polys.extend(self.geometry())
            return polys
        raise ValueError(f"unsupported WKB geometry type {raw_type}")

    def _polygon(self, end: str, ndim: int) -> list:
        (nrings,) = self._unpack(end + "I")
        rings = []
        for _ in range(nrings):
            (npts,) = self._unpack(end + "I")
            flat = self._unpack(end + "d" * (npts * ndim))
            rings.append([(flat[i], flat[i + 1]) for i in range(0, len(flat), ndim)])
        return rings


def parse_geometry(blob: bytes) -> list:
    return _WKBReader(gpkg_to_wkb(blob)).geometry()


# --------------------------------------------------------------------------
# Reading the admin-1 layer
# --------------------------------------------------------------------------

def find_admin1_table(con: sqlite3.Connection) -> tuple[str, str]:
    """Return (table, geometry column) of the admin-1 layer."""
    tables = [r[0] for r in con.execute(
        "SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")]
    geom_cols = dict(con.execute(
        "SELECT table_name, column_name FROM gpkg_geometry_columns"))

    def columns(t: str) -> set[str]:
        return {r[1].lower() for r in con.execute(f'PRAGMA table_info("{t}")')}

    candidates = []
    for t in tables:
        cols = columns(t)
        if not {"name", "adm0_a3"} <= cols:
            continue
        score = 0
        low = t.lower()
        if "province" in low or "admin_1" in low or "admin1" in low:
            score += 2
        if "gn_name" in cols or "woe_name" in cols:
            score += 1
        candidates.append((score, t))
    if not candidates:
        sys.exit(f"no admin-1 layer among {tables}")
    table = max(candidates)[1]
    return table, geom_cols[table]


def read_pakistan(gpkg: Path) -> list[dict]:
    con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    try:
        table, geom_col = find_admin1_table(con)
        cols = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
        lower = {c.lower(): c for c in cols}
        wanted = [c for c in ("name", "gn_name", "woe_name") if c in lower]
        select = ", ".join(f'"{lower[c]}"' for c in wanted)
        rows = con.execute(
            f'SELECT {select}, "{geom_col}" FROM "{table}" '
            f'WHERE "{lower["adm0_a3"]}" = ? ORDER BY 1', ("PAK",)).fetchall()
    finally:
        con.close()
    print(f"layer {table!r}: {len(rows)} Pakistani features", file=sys.stderr)
    out = []
    for row in rows:
        names = [n for n in row[:-1] if n]
        out.append({"names": names, "polygons": parse_geometry(row[-1])})
    return out


def iso_code_for(names: list[str]) -> str:
    for n in names:
        if n in NE_TO_ISO:
            return NE_TO_ISO[n]
    sys.exit(f"no ISO 3166-2 mapping for Natural Earth feature {names}; "
             "extend NE_TO_ISO")


# --------------------------------------------------------------------------
# Geometry helpers: dissolve along shared edges, Douglas-Peucker
# --------------------------------------------------------------------------

def _open_ring(ring: list) -> list:
    return ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else list(ring)


def dissolve(polygons: list) -> list:
    """Merge polygons that share edges with exactly equal vertices.

    Directed edges of all rings are collected; every edge whose reverse also
    occurs is an internal boundary and is dropped; the rest are chained back
    into rings.  Holes would be returned as extra outer rings, so the result is
    only used when none of the inputs has holes and every remaining edge
    chains cleanly; otherwise the polygons are returned unchanged (a plain
    MultiPolygon, which is still a valid union).
    """
    if any(len(p) != 1 for p in polygons):
        return polygons
    edges = []
    for poly in polygons:
        ring = _open_ring(poly[0])
        edges.extend((ring[i], ring[(i + 1) % len(ring)]) for i in range(len(ring)))
    edge_set = set(edges)
    kept = [e for e in edges if (e[1], e[0]) not in edge_set]
    if len(kept) == len(edges):
        return polygons  # nothing shared
    nxt: dict = {}
    for a, b in kept:
        if a in nxt:
            return polygons  # vertex touched twice: do not guess
        nxt[a] = b
    rings = []
    while nxt:
        start, cur = next(iter(nxt.items()))
        ring = [start]
        del nxt[start]
        while cur != start:
            ring.append(cur)
            if cur not in nxt:
                return polygons
            cur = nxt.pop(cur)
        ring.append(start)
        rings.append(ring)
    return [[r] for r in rings]


def _perp_dist(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return math.hypot(x - x1, y - y1)
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / math.hypot(dx, dy)


def douglas_peucker(points: list, tol: float) -> list:
    """Simplify an open polyline (iterative, keeps both end points)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        best, idx = 0.0, None
        for k in range(i + 1, j):
            d = _perp_dist(points[k], points[i], points[j])
            if d > best:
                best, idx = d, k
        if idx is not None and best > tol:
            keep[idx] = True
            stack.append((i, idx))
            stack.append((idx, j))
    return [p for p, k in zip(points, keep) if k]


def _ring_area(ring: list) -> float:
    return 0.5 * sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:]))


def simplify_ring(ring: list, tol: float, decimals: int) -> list | None:
    """Simplify a closed ring; return None when it collapses."""
    pts = _open_ring(ring)
    if len(pts) < 3:
        return None
    # Split at the vertex farthest from the first one so DP sees two open
    # chains and cannot collapse the ring to a line.
    far = max(range(len(pts)), key=lambda k: math.hypot(pts[k][0] - pts[0][0],
                                                      pts[k][1] - pts[0][1]))
    a = douglas_peucker(pts[: far + 1], tol)
    b = douglas_peucker(pts[far:] + [pts[0]], tol)
    simplified = a[:-1] + b  # b ends with pts[0]: ring is closed
    out = []
    for x, y in simplified:
        p = (round(x, decimals), round(y, decimals))
        if not out or p != out[-1]:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    if len(out) < 4 or abs(_ring_area(out)) < 10 ** (-2 * decimals):
        return None
    return out


def simplify_polygons(polygons: list, tol: float, decimals: int) -> list:
    result = []
    for poly in polygons:
        shell = simplify_ring(poly[0], tol, decimals)
        if shell is None:
            continue
        holes = [h for h in (simplify_ring(r, tol, decimals) for r in poly[1:]) if h]
        result.append([shell] + holes)
    return result


def orient(polygons: list) -> list:
    """RFC 7946 winding: shells counter-clockwise, holes clockwise."""
    out = []
    for poly in polygons:
        rings = []
        for i, ring in enumerate(poly):
            ccw = _ring_area(ring) > 0
            rings.append(ring if ccw == (i == 0) else ring[::-1])
        out.append(rings)
    return out


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def build(gpkg: Path) -> dict:
    official = {s.code: s.name for s in pycountry.subdivisions.get(country_code="PK")}
    grouped: dict[str, list] = {}
    sources: dict[str, list[str]] = {}
    for feat in read_pakistan(gpkg):
        code = iso_code_for(feat["names"])
        if code not in official:
            sys.exit(f"{code} is not a pycountry subdivision of PK")
        grouped.setdefault(code, []).extend(feat["polygons"])
        sources.setdefault(code, []).append(feat["names"][0])
    missing = sorted(set(official) - set(grouped))
    if missing:
        print(f"warning: no polygon for {missing}", file=sys.stderr)

    features = []
    for code in sorted(grouped):
        polys = grouped[code]
        if len(sources[code]) > 1:
            merged = dissolve(polys)
            how = "dissolved" if len(merged) < len(polys) else "kept as parts"
            print(f"{code}: merged {sources[code]} ({how})", file=sys.stderr)
            polys = merged
        polys = orient(simplify_polygons(polys, DP_TOLERANCE_DEG, DECIMALS))
        features.append({
            "type": "Feature",
            "properties": {
                "iso_code": code,
                "name": official[code],
                "source": SOURCE,
            },
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [[[list(p) for p in ring] for ring in poly]
                                for poly in polys],
            },
        })
    return {"type": "FeatureCollection", "features": features}


def write_geojson(fc: dict, out: Path) -> None:
    """One feature per line: small, stable and readable in diffs."""
    out.parent.mkdir(parents=True, exist_ok=True)
    dump = lambda o: json.dumps(o, separators=(",", ":"), ensure_ascii=False)
    lines = ['{"type":"FeatureCollection","features":[']
    for i, f in enumerate(fc["features"]):
        lines.append(dump(f) + ("," if i < len(fc["features"]) - 1 else ""))
    lines.append("]}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--gpkg", type=Path, help="use this world_map.gpkg")
    src.add_argument("--deb", type=Path, help="use this qgis-common .deb")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="sitrep-ne-") as tmp:
        work = Path(tmp)
        if args.gpkg:
            gpkg = args.gpkg
        else:
            deb = args.deb.resolve() if args.deb else download_deb(work)
            gpkg = extract_gpkg(deb, work)
        fc = build(gpkg)
    write_geojson(fc, args.out)
    npts = sum(len(r) for f in fc["features"]
               for poly in f["geometry"]["coordinates"] for r in poly)
    print(f"wrote {args.out} ({len(fc['features'])} features, {npts} points, "
          f"{args.out.stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
