"""Tests for sitrep.gazetteer and the committed files under data/geo/."""

from __future__ import annotations

import json

import pycountry
import pytest

from sitrep import gazetteer
from sitrep.gazetteer import find_place, load_aliases, load_places, locate, normalise_name

# Pakistan's extent, with a little margin (degrees).
PK_LAT = (23.5, 37.2)
PK_LON = (60.7, 77.9)
PROVINCES_GEOJSON = gazetteer.DATA_DIR / "pk_provinces.geojson"


def near(point, lat, lon, tol=0.3):
    return point is not None and abs(point[0] - lat) <= tol and abs(point[1] - lon) <= tol


# --- normalise_name -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "raw, key",
    [
        ("Musa Khel Bazar", "musakhel"),
        ("Musakhel", "musakhel"),
        ("  MUSA-KHEL  ", "musakhel"),
        ("Kachhi District", "kachhi"),
        ("Muzaffarābād", "muzaffarabad"),
        ("Khairpur Mir’s", "khairpurmirs"),
        ("D'Ost", "dost"),
        ("Kachhi (Bolan)", "kachhi"),
        ("Rarasham (national highway)", "rarasham"),
        ("D.I. Khan", "dikhan"),
        ("Bazar", "bazar"),  # a suffix alone is kept, not erased
        ("", ""),
    ],
)
def test_normalise_name(raw, key):
    assert normalise_name(raw) == key


# --- the data files -------------------------------------------------------------------------

def test_places_csv_shape_and_values():
    df = load_places()
    assert list(df.columns) == ["name", "asciiname", "alternatenames", "latitude",
                                "longitude", "province_code", "population", "geonameid"]
    assert len(df) > 400
    assert df["geonameid"].is_unique
    assert df["latitude"].between(*PK_LAT).all()
    assert df["longitude"].between(*PK_LON).all()
    codes = {s.code for s in pycountry.subdivisions.get(country_code="PK")}
    assert set(df["province_code"]) <= codes
    assert df["asciiname"].map(str.isascii).all()


def test_places_csv_is_sorted_deterministically():
    df = load_places()
    key = list(zip(df["province_code"], df["asciiname"].str.casefold(), df["geonameid"]))
    assert key == sorted(key)


def test_load_places_returns_a_copy():
    df = load_places()
    df.loc[:, "latitude"] = 0.0
    assert load_places()["latitude"].ne(0.0).all()


def test_every_alias_resolves_inside_its_province():
    aliases = load_aliases()
    assert list(aliases.columns) == ["alias", "place", "province_code", "note"]
    assert aliases["note"].str.len().gt(0).all()
    for alias, place, province in zip(aliases["alias"], aliases["place"],
                                      aliases["province_code"]):
        hit = find_place(alias, province)
        assert hit is not None, alias
        assert hit["matched_on"] == "alias"
        assert normalise_name(hit["name"]) == normalise_name(place)
        assert hit["province_code"] == province


# --- locate ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["Musakhail", "Musakhel", "Musa Khel Bazar", "musakhail district"])
def test_musakhail_resolves_to_its_seat(name):
    assert near(locate(name, "PK-BA"), 30.86, 69.82)
    assert near(locate(name), 30.86, 69.82)


def test_kalat_and_qalat_are_the_same_place_in_balochistan():
    kalat = find_place("Kalat", "PK-BA")
    qalat = find_place("Qalat", "PK-BA")
    assert kalat is not None and qalat is not None
    assert kalat["geonameid"] == qalat["geonameid"]
    assert kalat["province_code"] == "PK-BA"
    assert locate("Kalat", "PK-BA") == locate("Qalat", "PK-BA")
    assert near(locate("Kalat"), 29.03, 66.59)


@pytest.mark.parametrize(
    "name, lat, lon",
    [
        ("Bela", 26.23, 66.31),
        ("Mastung", 29.80, 66.85),
        ("Pasni", 25.26, 63.47),
        ("Sibi", 29.54, 67.88),
        ("Panjgur", 26.97, 64.09),
        ("Turbat", 26.00, 63.05),
        ("Kech", 26.00, 63.05),
        ("Quetta", 30.18, 67.00),
        ("Gwadar", 25.12, 62.33),
        ("Dhadar", 29.47, 67.65),
        ("Bolan", 29.47, 67.65),
        ("Kachhi", 29.47, 67.65),
        ("Lasbela", 25.81, 66.62),  # district seat Uthal, not the town of Bela
        ("Uthal", 25.81, 66.62),
        ("Kolpur", 29.86, 67.33),  # approximate: nearest listed town, Mach
        ("Kachhi (Bolan)", 29.47, 67.65),
        ("Gawadar", 25.12, 62.33),
    ],
)
def test_balochistan_places_from_the_briefing(name, lat, lon):
    assert near(locate(name, "PK-BA"), lat, lon, tol=0.1)


@pytest.mark.parametrize(
    "name, lat, lon",
    [
        ("D.I. Khan", 31.83, 70.90),
        ("DI Khan", 31.83, 70.90),
        ("North Waziristan", 33.0, 70.07),  # seat Miran Shah
        ("Bajaur", 34.74, 71.53),  # seat Khar
    ],
)
def test_khyber_pakhtunkhwa_aliases(name, lat, lon):
    assert near(locate(name, "PK-KP"), lat, lon, tol=0.1)


def test_unknown_name_gives_none():
    assert locate("Atlantis-on-Indus") is None
    assert locate("Atlantis-on-Indus", "PK-BA") is None
    assert locate("") is None
    assert find_place("Zzyzx") is None


def test_province_preference_and_fallback():
    # "Bela" exists only in Balochistan among these provinces: a preference for another
    # province still falls back to it rather than failing.
    assert locate("Bela", "PK-PB") == locate("Bela", "PK-BA")
    # Province given as a bare code or a name works the same.
    assert locate("Kalat", "BA") == locate("Kalat", "Balochistan") == locate("Kalat", "PK-BA")


def test_province_preference_changes_the_answer_for_namesakes():
    df = load_places()
    keys = df["name"].map(normalise_name)
    dup = df[keys.duplicated(keep=False)].assign(key=keys)
    by_key = dup.groupby("key")["province_code"].nunique()
    multi = by_key[by_key > 1]
    assert len(multi), "expected some names shared across provinces"
    key = multi.index[0]
    rows = dup[dup["key"] == key]
    for code in rows["province_code"].unique():
        hit = find_place(rows["name"].iat[0], code)
        assert hit["province_code"] == code


def test_main_name_beats_an_alternate_name_of_a_bigger_place():
    # GeoNames lists "Khangarh" as an old name of Jacobabad (much larger), but a town is
    # actually called Khangarh.
    hit = find_place("Khangarh")
    assert hit is not None and hit["name"] == "Khangarh"
    assert hit["matched_on"] == "name"


def test_bad_province_code_is_an_error():
    with pytest.raises(ValueError):
        locate("Kalat", "PK-XX")


def test_places_lie_in_the_right_province_polygon_mostly():
    """GeoNames' admin1 codes and Natural Earth polygons should agree for almost all places."""
    fc = json.loads(PROVINCES_GEOJSON.read_text(encoding="utf-8"))

    def inside(x, y, ring):
        hit = False
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
        return hit

    def province_of(lon, lat):
        for f in fc["features"]:
            for poly in f["geometry"]["coordinates"]:
                if inside(lon, lat, poly[0]) and not any(inside(lon, lat, h) for h in poly[1:]):
                    return f["properties"]["iso_code"]
        return None

    df = load_places()
    found = [province_of(lon, lat) for lat, lon in zip(df["latitude"], df["longitude"])]
    agree = sum(f == c for f, c in zip(found, df["province_code"]))
    assert agree / len(df) > 0.97
    assert province_of(*reversed(locate("Musakhail"))) == "PK-BA"
    assert province_of(*reversed(locate("Quetta"))) == "PK-BA"
