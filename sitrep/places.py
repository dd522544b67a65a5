"""Place names -> ISO 3166 codes and official names, through documented alias tables.

Countries and first-level subdivisions ("provinces") resolve through pycountry's ISO 3166 data,
after the alias table ``data/aliases/provinces.csv`` (old names such as Baluchistan, NWFP, FATA,
Sind). Districts resolve through ``data/aliases/districts.csv`` (Musakhel -> Musakhail, Bolan ->
Kachhi); a district not in that table is kept as written. Look-ups are cached: a million-row
export has a few hundred distinct names.
"""

from __future__ import annotations

import csv
import difflib
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from sitrep.paths import ALIASES

# Words that name the kind of unit, not the unit: "Balochistan province" is Balochistan.
_UNIT_WORDS = re.compile(
    r"\b(province|provinsi|state|region|governorate|district|division|agency|tehsil|oblast|"
    r"department|prefecture)\b"
)
# Apostrophes and transliteration marks vanish ("Ma'rib", "Ta'izz", "Donets'ka"), brackets
# hold a tag, not a name ("Amanat al Asimah [city]").
_MARKS = re.compile(r"[\u0027\u2018\u2019\u02bb\u02bc\u02bf\u02be`\u00b4]|\[[^\]]*\]")


def normalise(name: object) -> str:
    """Casefolded, accent-free, punctuation-free form used for matching names."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _MARKS.sub("", text.replace("&", " and "))
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def _strip_units(key: str) -> str:
    return " ".join(_UNIT_WORDS.sub(" ", key).split())


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str


@dataclass(frozen=True)
class Province:
    code: str  # ISO 3166-2
    name: str
    via: str = ""  # the alias-table note when an alias was used


@lru_cache(maxsize=None)
def _country_aliases() -> dict[str, str]:
    return {normalise(r["alias"]): r["alpha_2"] for r in _alias_rows("countries.csv")}


@lru_cache(maxsize=4096)
def resolve_country(name: str) -> Country | None:
    text = str(name).strip()
    if not text:
        return None
    alias = _country_aliases().get(normalise(text))
    if alias:
        c = pycountry.countries.get(alpha_2=alias)
        # Kosovo (XK) is outside ISO 3166-1: the alias table's code and name stand alone.
        return Country(c.alpha_2, getattr(c, "common_name", c.name)) if c else \
            Country(alias, text)
    try:
        c = pycountry.countries.lookup(text)
    except LookupError:
        key = normalise(text)
        c = next((c for c in pycountry.countries if normalise(c.name) == key
                  or normalise(getattr(c, "common_name", "")) == key), None)
    return Country(c.alpha_2, getattr(c, "common_name", c.name)) if c else None


def suggest_country(name: str, n: int = 3) -> list[str]:
    names = [c.name for c in pycountry.countries]
    by_key = {normalise(x): x for x in names}
    return [by_key[k] for k in difflib.get_close_matches(normalise(name), by_key, n=n, cutoff=0.6)]


@lru_cache(maxsize=None)
def _province_index(country_code: str) -> dict[str, Province]:
    """Every key a province may be written as, for one country."""
    index: dict[str, Province] = {}
    subs = pycountry.subdivisions.get(country_code=country_code) or []
    # Top-level units only: a subdivision with a parent is below province level.
    for s in subs:
        if getattr(s, "parent_code", None):
            continue
        p = Province(s.code, s.name)
        index[normalise(s.code)] = p
        index[normalise(s.name)] = p
        index.setdefault(_strip_units(normalise(s.name)), p)
    official = set(index)
    for row in _alias_rows("provinces.csv"):
        if row["country_code"] != country_code:
            continue
        target = index.get(normalise(row["iso_code"]))
        if target is None:
            raise ValueError(f"data/aliases/provinces.csv: unknown ISO code {row['iso_code']!r}")
        p = Province(target.code, target.name, via=row["note"] or f"alias of {target.name}")
        if normalise(row["alias"]) not in official:  # an official name needs no alias note
            index[normalise(row["alias"])] = p
    return index


@lru_cache(maxsize=None)
def _alias_rows(filename: str) -> tuple[dict[str, str], ...]:
    with open(ALIASES / filename, newline="", encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


@lru_cache(maxsize=65536)
def resolve_province(name: str, country_code: str, loose: bool = False) -> Province | None:
    """'Baluchistan' / 'PK-BA' / 'Balochistan province' -> Province('PK-BA', 'Balochistan').

    Names match without accents, case, apostrophes or unit words ("Oblast", "Governorate"). A
    dataset export may also match ``loose``ly (:func:`_by_spelling`): a hand-kept log stays
    strict, so that a typo is an error with "did you mean".
    """
    index = _province_index(country_code)
    key = normalise(name)
    if not key:
        return None
    found = index.get(key) or index.get(_strip_units(key))
    if found is None and loose:
        found = _by_spelling(_strip_units(key), country_code)
    return found


def _by_spelling(key: str, country_code: str) -> Province | None:
    """One province whose official name the dataset's spelling points to, or None.

    In turn, each needing a single province: the official name (units stripped) starts with
    the spelling or shares all but its last letter ("Donetsk" -> Donetska, "Poltava" ->
    Poltavska); every word of the spelling is in the official name ("Federal Capital
    Territory" -> Abuja Federal Capital Territory, "Michoacan" -> Michoacan de Ocampo); the
    names are close as strings ("Banadir" -> Banaadir, "Idleb" -> Idlib). Anything else needs
    a row in data/aliases/provinces.csv.
    """
    if len(key) < 4:
        return None
    officials = _official_keys(country_code)

    def one(hits: list[Province]) -> Province | None:
        codes = {p.code for p in hits}
        return hits[0] if len(codes) == 1 else None

    def stem(a: str, b: str) -> bool:
        common = len(os.path.commonprefix([a, b]))
        return b.startswith(a) or (common >= 5 and common >= len(a) - 1)

    words = set(key.split())
    for rule in (lambda k: stem(key, k), lambda k: words <= set(k.split())):
        hit = one([p for k, p in officials.items() if rule(k)])
        if hit:
            return Province(hit.code, hit.name, via=f"matched by spelling to {hit.name}")
    close = difflib.get_close_matches(key, list(officials), n=2, cutoff=0.8)
    if len(close) == 1 or (len(close) == 2 and officials[close[0]].code ==
                           officials[close[1]].code):
        hit = officials[close[0]]
        return Province(hit.code, hit.name, via=f"matched by spelling to {hit.name}")
    return None


@lru_cache(maxsize=None)
def _official_keys(country_code: str) -> dict[str, Province]:
    """Each top-level unit's official name, normalised and without unit words."""
    subs = pycountry.subdivisions.get(country_code=country_code) or []
    return {_strip_units(normalise(s.name)): Province(s.code, s.name) for s in subs
            if not getattr(s, "parent_code", None)}


def suggest_province(name: str, country_code: str, n: int = 3) -> list[str]:
    """The closest official names, for 'did you mean' messages."""
    index = _province_index(country_code)
    hits = difflib.get_close_matches(normalise(name), list(index), n=10, cutoff=0.5)
    out: list[str] = []
    for h in hits:
        if index[h].name not in out:
            out.append(index[h].name)
    if not out:
        out = sorted({p.name for p in index.values()})
    return out[:n]


def province_names(country_code: str) -> dict[str, str]:
    """ISO code -> official name, for every province of a country."""
    return {p.code: p.name for p in _province_index(country_code).values()}


@lru_cache(maxsize=None)
def _district_index() -> dict[tuple[str, str], str]:
    return {(row["province_code"], normalise(row["alias"])): row["district"]
            for row in _alias_rows("districts.csv")}


@lru_cache(maxsize=65536)
def resolve_district(name: str, province_code: str) -> str:
    """The canonical district name from the alias table, or the name as written (trimmed)."""
    text = " ".join(str(name).split())
    if not text:
        return ""
    index = _district_index()
    key = normalise(text)
    return (index.get((province_code, key)) or index.get((province_code, _strip_units(key)))
            or text)
