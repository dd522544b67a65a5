#!/usr/bin/env python3
"""Build the province outlines: data/geo/pk_provinces.geojson and, for every country,
data/geo/admin1/XX.geojson, from Natural Earth admin-1 boundaries.

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
``pk_provinces.geojson``: a GeoJSON FeatureCollection with one feature per
province-level unit of Pakistan, keyed by its ISO 3166-2 code and named as
pycountry names it.  Natural Earth still carries the pre-2018 map, so:

* F.A.T.A. is merged into Khyber Pakhtunkhwa (25th amendment, 2018): the two
  polygons are dissolved along their shared edges when they share vertices
  exactly, otherwise kept as two parts of one MultiPolygon;
* the old names (Baluchistan, Sind, N.W.F.P./K.P., F.C.T., Northern Areas,
  Azad Kashmir) are mapped to PK-BA, PK-SD, PK-KP, PK-IS, PK-GB, PK-JK.

Coordinates are simplified (Douglas-Peucker, then rounded to 3 decimals, about
100 m) to keep the committed file small.

``admin1/XX.geojson`` (XX = ISO 3166-1 alpha-2), one per country: its
first-level units (pycountry's subdivisions without a parent), keyed by ISO
3166-2.  This copy of Natural Earth has no ISO 3166-2 field, so each unit is
matched by name: a hand override (``data/geo/ne_admin1_overrides.csv``), else
the same name as pycountry's once accents, apostrophes and words such as
"Province" or "Muhafazat" are set aside (its own name, then its alternate
names), else the most similar unused name (difflib ratio >= 0.8).  A unit
matched to a lower level (a French department, a Philippine province) is
dissolved into its first-level unit, whose property ``includes`` lists the
lower codes.  A unit ISO does not list (Somaliland, Kenya's pre-2013
provinces) keeps Natural Earth's name and an empty ``iso_code``: drawn, never
highlighted.  Each unit also gets ``point``, a point inside it (away from its
edges) for incidents known only by province.  Simplification is scaled to the
country (under two pixels of a 16 cm map); a country across the antimeridian
is kept in one frame of longitude (Chukotka past 180 E).  Pakistan's file is
pk_provinces.geojson's geometry.  ``admin1/index.csv`` lists each file's
units and box; ``admin1/matches.csv`` every unit not matched by its own name,
and how it was.

This is a build-time script: the report and the tests only read its output.

Usage::

    python scripts/build_provinces.py                 # download qgis-common
    python scripts/build_provinces.py --gpkg world_map.gpkg
    python scripts/build_provinces.py --deb qgis-common_*.deb
    python scripts/build_provinces.py --pakistan-only

Needs: Debian/Ubuntu with apt-get and dpkg-deb (unless --gpkg is given),
pycountry and numpy.  Run ``apt-get update`` first on a fresh machine (the
script tries it once by itself if the download fails).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import math
import re
import sqlite3
import struct
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import numpy as np
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
# Every country: Natural Earth names -> ISO 3166-2, one file per country
# --------------------------------------------------------------------------

WORLD_DIR = GEO / "admin1"
OVERRIDES = GEO / "ne_admin1_overrides.csv"
FUZZY_CUTOFF = 0.8  # below this, two names are not taken for one (checked by hand above it)

# Natural Earth units without an ISO 3166-1 code (iso_a2 "-1"), by adm0_a3 -> the country
# whose map shows them, as outlines without a province code. Siachen, the Spratly Islands and
# Clipperton are left out.
NE_UNIT_COUNTRY = {"SOL": "SO", "CYN": "CY", "ESB": "CY", "WSB": "CY", "KAB": "KZ", "USG": "CU"}

# Words that name the kind of unit, in the languages of Natural Earth's name fields and of
# ISO 3166-2, and articles: "Muhafazat al Bayda'" and "Al Bayḑā’" are one name.
UNIT_WORDS = frozenset("""
oblast oblasti voblasts voblasc province provincia provincie provinsi provinz state estado
region regione regiao governorate muhafazat mohafazat muhafazah departement department
departamento prefecture prefektura county municipality municipio city territory capital
federal district distrito parish wilayat wilaya wilayah shabiyat kanton canton kommune kommun
fylke laen lan novads rajons zupanija marz khett ostan mintaqat eparchia wojewodztwo
dzongkhag sheng zizhiqu shi do si autonomous autonomna avtonomna respublika republic
republika kray krai kraj okrug rayon rayonu raion division zone council borough unitary
authority of the de du des la le les l el al ad ash as at az an ar ath ed en et y e da di
del della dos das and i va
""".split())


# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h",
                          "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th", "ŀ": "l"})


def ne_key(name: str | None) -> str:
    """Matching key: accents, apostrophes, brackets, unit words and articles dropped."""
    if not name:
        return ""
    text = re.sub(r"\[[^\]]*\]|\([^)]*\)", " ", name.replace("Â´", "'"))
    text = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = re.findall(r"[a-z0-9]+", re.sub(r"['`’‘ʻʼ´]", "", text))
    return "".join([w for w in words if w not in UNIT_WORDS] or words)


def read_world(gpkg: Path) -> list[dict]:
    """Every admin-1 feature: its country (ISO alpha-2), its names, its polygons."""
    con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    try:
        table, geom_col = find_admin1_table(con)
        lower = {r[1].lower(): r[1] for r in con.execute(f'PRAGMA table_info("{table}")')}
        wanted = ["iso_a2", "adm0_a3", "name", "woe_name", "gn_name", "woe_label"]
        select = ", ".join(f'"{lower[c]}"' if c in lower else "NULL" for c in wanted)
        rows = con.execute(f'SELECT {select}, "{geom_col}" FROM "{table}" '
                           f'ORDER BY "{lower["adm0_a3"]}", "{lower["name"]}", rowid').fetchall()
    finally:
        con.close()
    out = []
    for iso_a2, adm0, name, woe, gn, label, blob in rows:
        names = [n for n in (name, woe, gn, (label or "").split(",")[0].strip()) if n]
        country = country_of(iso_a2, adm0, names)
        if country and blob:
            out.append({"country": country, "names": list(dict.fromkeys(names)) or [""],
                        "polygons": parse_geometry(blob)})
    print(f"layer {table!r}: {len(out)} of {len(rows)} features placed in a country",
          file=sys.stderr)
    return out


def country_of(iso_a2: str | None, adm0: str | None, names: list[str]) -> str | None:
    if iso_a2 == "XK" or (iso_a2 and pycountry.countries.get(alpha_2=iso_a2)):
        return iso_a2  # Kosovo's XK is outside ISO 3166-1 but is what exports use
    if adm0 in NE_UNIT_COUNTRY:
        return NE_UNIT_COUNTRY[adm0]
    for n in names:  # Christmas Island, Cocos (Keeling) Islands
        try:
            return pycountry.countries.lookup(n).alpha_2
        except LookupError:
            continue
    return None


def load_overrides(path: Path = OVERRIDES) -> dict[tuple[str, str], str]:
    """(country, Natural Earth name) -> ISO 3166-2 code, or "" for "no code"."""
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        if r["iso_code"] and pycountry.subdivisions.get(code=r["iso_code"]) is None:
            sys.exit(f"{path.name}: {r['iso_code']} is not an ISO 3166-2 code")
    return {(r["country"], r["ne_name"]): r["iso_code"] for r in rows}


def top_level(code: str):
    """The first-level subdivision a code belongs to (a French department -> its region)."""
    sub = pycountry.subdivisions.get(code=code)
    while sub is not None and sub.parent_code:
        parent = sub.parent_code
        parent = parent if "-" in parent else f"{code.split('-')[0]}-{parent}"
        sub = pycountry.subdivisions.get(code=parent)
    return sub


def match_country(cc: str, feats: list[dict], overrides: dict) -> list[tuple[str, str]]:
    """(ISO 3166-2 code or "", how) per feature: a hand override, then the same name (its
    own, then its alternates), then the most similar unused name above FUZZY_CUTOFF."""
    # pycountry returns a set: sorted, so that a rebuild gives the same files.
    subs = sorted(pycountry.subdivisions.get(country_code=cc) or [], key=lambda s: s.code)
    index: dict[str, list] = {}
    for s in subs:
        index.setdefault(ne_key(s.name), []).append(s)
    result: list = [None] * len(feats)
    for i, f in enumerate(feats):
        if f["key"] in overrides:
            result[i] = (overrides[f["key"]], "override")
    shared: dict[tuple, list[int]] = {}  # a city and the province around it: one name
    for how, pick in (("name", slice(0, 1)), ("alternate name", slice(1, None))):
        for i, f in enumerate(feats):
            for n in f["names"][pick]:
                hits = index.get(ne_key(n), [])
                top = [s for s in hits if not s.parent_code] or hits
                if result[i] is None and len(top) == 1:
                    result[i] = (top[0].code, how)
                elif result[i] is None and len(top) > 1:
                    shared.setdefault(tuple(s.code for s in top), []).append(i)
    for codes, idx in shared.items():
        # The larger unit takes the province, the smaller the city.
        idx = sorted({i for i in idx if result[i] is None}, key=lambda i: (-_size(feats[i]), i))
        for i, code in zip(idx, sorted(codes, key=_city_like)):
            result[i] = (code, "name shared by a city and its province")
    used = {r[0] for r in result if r}
    scored = sorted(((difflib.SequenceMatcher(None, ne_key(n), ne_key(s.name)).ratio(), i,
                      s.code) for i, f in enumerate(feats) if result[i] is None
                     for n in f["names"] for s in subs if s.code not in used), reverse=True)
    for ratio, i, code in scored:
        if ratio < FUZZY_CUTOFF:
            break
        if result[i] is None and code not in used:
            result[i] = (code, f"similar name ({ratio:.2f})")
            used.add(code)
    return [r or ("", "no match") for r in result]


def _size(feat: dict) -> float:
    return sum(abs(_ring_area(p[0])) for p in feat["polygons"])


def _city_like(code: str) -> bool:
    s = pycountry.subdivisions.get(code=code)
    text = f"{s.name} {s.type}".lower()
    return any(w in text for w in ("city", "municipal", "capital", "prefecture", "stolitsa"))


def dissolve_all(polygons: list) -> list:
    """Union of polygons that share borders vertex for vertex: every directed edge whose
    reverse also occurs is inside the union and dropped; the others are chained into rings.

    Shells must run counter-clockwise and holes clockwise (see orient), so that what is left
    chains into shells (positive area) and holes (negative). A border whose vertices differ
    on its two sides simply stays, drawn as a line: the union is still right.
    """
    edges: dict = {}
    for poly in polygons:
        for ring in poly:
            pts = _open_ring(ring)
            for a, b in zip(pts, pts[1:] + pts[:1]):
                if a != b:
                    edges[(a, b)] = edges.get((a, b), 0) + 1
    for (a, b), n in list(edges.items()):
        m = edges.get((b, a), 0)
        if n and m:
            k = min(n, m)
            edges[(a, b)], edges[(b, a)] = n - k, m - k
    out: dict = {}
    for (a, b), n in edges.items():
        if n:
            out.setdefault(a, []).extend([b] * n)
    rings = []
    while out:
        start = next(iter(out))
        ring, cur = [start], start
        while True:
            nxt = out[cur].pop()
            if not out[cur]:
                del out[cur]
            ring.append(nxt)
            cur = nxt
            if cur == start or cur not in out:
                break
        if cur == start and len(ring) >= 4:
            rings.append(ring)
    shells = [r for r in rings if _ring_area(r) > 0]
    holes = [r for r in rings if _ring_area(r) < 0]
    result = [[s] for s in sorted(shells, key=_ring_area)]
    if not result:
        return polygons
    for h in holes:  # in the smallest shell around it; a stray one stays with the largest
        probe = _edge_midpoint(h)
        next((p for p in result if _inside(probe, p[0])), result[-1]).append(h)
    return result[::-1]


def _edge_midpoint(ring: list) -> tuple:
    a, b = max(zip(ring, ring[1:]), key=lambda e: math.dist(*e))
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _inside(p: tuple, ring: list) -> bool:
    x, y = p
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def antimeridian(polygons: list) -> int:
    """+360 or -360 when moving the polygons on one side of the antimeridian narrows the
    country (Russia's Chukotka to 180-190 E, the Aleutians west of 180 to below -180), else 0.
    Of two shifts about as narrow, the one that moves less land."""
    def cost(shift: int) -> tuple:
        xs, moved = [], 0.0
        for p in polygons:
            mean = _mean_x(p)
            xs.extend(_moved(x, mean, shift) for x, _ in p[0])
            moved += abs(_ring_area(p[0])) if _moved(mean, mean, shift) != mean else 0.0
        return round(max(xs) - min(xs)), moved

    return min((0, 360, -360), key=cost)


def _mean_x(poly: list) -> float:
    return sum(x for x, _ in poly[0]) / len(poly[0])


def _moved(x: float, mean: float, shift: int) -> float:
    return x + shift if (shift > 0 and mean < 0) or (shift < 0 and mean > 0) else x


def shift_polygons(polygons: list, shift: int) -> list:
    if not shift:
        return polygons
    return [[[(_moved(x, m, shift), y) for x, y in ring] for ring in p]
            for p in polygons for m in (_mean_x(p),)]


def inside_point(polygons: list) -> list[float]:
    """A point inside the largest polygon, far from its edges: the midpoint of an interior
    segment of a horizontal scan line (inside by construction, holes included), the one
    farthest from every edge."""
    poly = max(polygons, key=lambda p: _ring_area(p[0]))
    rings = [np.asarray(r, dtype=float) for r in poly]
    a = np.concatenate([r[:-1] for r in rings])
    b = np.concatenate([r[1:] for r in rings])
    y0, y1 = rings[0][:, 1].min(), rings[0][:, 1].max()
    best, best_d = None, -1.0
    for y in np.linspace(y0, y1, 43)[1:-1]:
        cross = (a[:, 1] > y) != (b[:, 1] > y)
        xs = np.sort(a[cross, 0] + (y - a[cross, 1]) * (b[cross, 0] - a[cross, 0])
                     / (b[cross, 1] - a[cross, 1]))
        for lo, hi in zip(xs[0::2], xs[1::2]):
            p = np.array([(lo + hi) / 2, y])
            d = _distance_to_edges(p, a, b)
            if d > best_d:
                best, best_d = p, d
    if best is None:  # a sliver: its first vertex will do
        best = rings[0][0]
    return [round(float(best[0]), 4), round(float(best[1]), 4)]


def _distance_to_edges(p, a, b) -> float:
    ab = b - a
    t = np.clip(((p - a) * ab).sum(1) / np.maximum((ab * ab).sum(1), 1e-18), 0, 1)
    return float(np.sqrt((((a + t[:, None] * ab) - p) ** 2).sum(1)).min())


def _extent(polygons: list) -> float:
    xs = [x for p in polygons for x, _ in p[0]]
    ys = [y for p in polygons for _, y in p[0]]
    return max(max(xs) - min(xs), max(ys) - min(ys))


def build_country(cc: str, feats: list[dict], overrides: dict) -> tuple[dict, list[dict]]:
    """One country's FeatureCollection (first-level units) and its rows for matches.csv."""
    matched = match_country(cc, feats, overrides)
    shift = antimeridian([p for f in feats for p in f["polygons"]])
    groups: dict[str, dict] = {}
    audit = []
    for f, (code, how) in zip(feats, matched):
        top = top_level(code) if code else None
        key = top.code if top else f"~{f['names'][0]}"
        g = groups.setdefault(key, {"code": top.code if top else "",
                                    "name": top.name if top else f["names"][0],
                                    "includes": set(), "polygons": []})
        g["polygons"].extend(orient(shift_polygons(f["polygons"], shift)))
        if code and code != g["code"]:
            g["includes"].add(code)
        if how != "name":
            audit.append({"country": f["key"][0], "ne_name": f["names"][0], "iso_code": code,
                          "province": g["code"], "how": how})
    extent = _extent([p for g in groups.values() for p in g["polygons"]])
    # Under two pixels of a 16 cm map at 200 dpi: simplification that hardly shows.
    tol = min(max(extent / 800, 0.002), 0.1)
    decimals = 2 if extent > 20 else 3 if extent > 1 else 4  # about a pixel, or finer
    features = []
    for key in sorted(groups, key=lambda k: (k.startswith("~"), k)):
        g = groups[key]
        polys = dissolve_all(g["polygons"]) if len(g["polygons"]) > 1 else g["polygons"]
        biggest = max(polys, key=lambda p: abs(_ring_area(p[0])))
        # Specks under half a millimetre of the map are dropped, never a unit's largest part.
        kept = [p for p in polys if p is biggest or _extent([p]) > extent / 300]
        polys = orient(simplify_polygons(kept, tol, decimals)
                       or simplify_polygons([biggest], 0.0, decimals + 1))
        if not polys:
            print(f"{cc}: {g['name']} vanished when simplified", file=sys.stderr)
            continue
        features.append(world_feature(g, polys))
    return features, audit


def world_feature(group: dict, polys: list) -> dict:
    props = {"iso_code": group["code"], "name": group["name"]}
    if group.get("includes"):
        props["includes"] = sorted(group["includes"])
    props["point"] = inside_point(polys)
    return {"type": "Feature", "properties": props,
            "geometry": {"type": "MultiPolygon", "coordinates":
                         [[[list(p) for p in ring] for ring in poly] for poly in polys]}}


def build_world(gpkg: Path, pakistan: dict) -> tuple[dict, list[dict]]:
    """alpha-2 -> FeatureCollection of its first-level units, and the audit of the matching.
    Pakistan's features are the ones of pk_provinces.geojson (FATA merged, old names)."""
    overrides = load_overrides()
    by_country: dict[str, list] = {}
    for f in read_world(gpkg):
        f["key"] = (f["country"], f["names"][0])
        # An override may move a unit to the country ISO 3166-2 gives it (Crimea).
        moved = overrides.get(f["key"], "").split("-")[0]
        by_country.setdefault(moved or f["country"], []).append(f)
    out, audit = {}, []
    for cc in sorted(by_country):
        if cc == "PK":
            feats = [world_feature({"code": f["properties"]["iso_code"],
                                    "name": f["properties"]["name"]},
                                   f["geometry"]["coordinates"]) for f in pakistan["features"]]
        else:
            feats, rows = build_country(cc, by_country[cc], overrides)
            audit.extend(rows)
        country = pycountry.countries.get(alpha_2=cc)
        out[cc] = {"type": "FeatureCollection", "country": cc,
                   "name": getattr(country, "common_name", None) or getattr(country, "name", cc)
                   if country else "Kosovo", "source": SOURCE, "features": feats}
    return out, audit


def write_world(world: dict, audit: list[dict], folder: Path) -> None:
    """One GeoJSON per country, index.csv (what each file holds, its bounding box) and
    matches.csv (every Natural Earth unit not matched by its own name, and how it was)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.geojson"):
        old.unlink()
    index = []
    for cc, fc in world.items():
        write_geojson(fc, folder / f"{cc}.geojson")
        xs = [x for f in fc["features"] for p in f["geometry"]["coordinates"] for x, _ in p[0]]
        ys = [y for f in fc["features"] for p in f["geometry"]["coordinates"] for _, y in p[0]]
        codes = [f["properties"]["iso_code"] for f in fc["features"]]
        index.append({"country": cc, "name": fc["name"], "units": len(codes),
                      "coded": sum(1 for c in codes if c), "west": min(xs), "south": min(ys),
                      "east": max(xs), "north": max(ys)})
    for name, rows in (("index.csv", index), ("matches.csv", audit)):
        with open(folder / name, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
            w.writeheader()
            w.writerows(rows)


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
    head = dump({k: v for k, v in fc.items() if k != "features"})
    lines = [head[:-1] + ',"features":[']
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
    ap.add_argument("--world", type=Path, default=WORLD_DIR,
                    help="folder for one GeoJSON per country (default data/geo/admin1)")
    ap.add_argument("--pakistan-only", action="store_true", help="skip the world")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="sitrep-ne-") as tmp:
        work = Path(tmp)
        if args.gpkg:
            gpkg = args.gpkg
        else:
            deb = args.deb.resolve() if args.deb else download_deb(work)
            gpkg = extract_gpkg(deb, work)
        fc = build(gpkg)
        if not args.pakistan_only:
            world, audit = build_world(gpkg, fc)
    write_geojson(fc, args.out)
    if not args.pakistan_only:
        write_world(world, audit, args.world)
        size = sum(f.stat().st_size for f in args.world.iterdir())
        coded = sum(1 for fc_ in world.values() for f in fc_["features"]
                    if f["properties"]["iso_code"])
        print(f"wrote {args.world}: {len(world)} countries, {coded} coded units, "
              f"{len(audit)} units not matched by their own name, {size} bytes",
              file=sys.stderr)
    npts = sum(len(r) for f in fc["features"]
               for poly in f["geometry"]["coordinates"] for r in poly)
    print(f"wrote {args.out} ({len(fc['features'])} features, {npts} points, "
          f"{args.out.stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
