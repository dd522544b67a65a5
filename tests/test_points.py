"""sitrep.tabulate.points: incidents -> map points.

Coordinates come from the log, or else from the district's seat in the gazetteer (aliases
included); a place is the district, else the location, else the event id; incidents in one
district share a point (mean position, killed summed); points come largest first, only the
largest MAX_LABELS are labelled, at most MAX_POINTS are kept; unlocated incidents are dropped
and not counted as located.
"""

from __future__ import annotations

import pandas as pd
import pytest

from sitrep.tabulate import points
from sitrep.tabulate.points import map_points

# Seats from data/geo/pk_places.csv (GeoNames): Kalat 29.02663, 66.59361; Musakhail's seat
# Musa Khel Bazar 30.85944, 69.82208 (through data/geo/place_aliases.csv); Kachhi's seat
# Dadhar 29.47489, 67.65167.
KALAT = (29.02663, 66.59361)
MUSAKHAIL = (30.85944, 69.82208)
KACHHI = (29.47489, 67.65167)

COLS = ["event_id", "province_code", "district", "location", "latitude", "longitude", "best"]


def incidents(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=COLS)


def as_list(pts: pd.DataFrame) -> list[tuple]:
    return [(r.label, round(r.latitude, 5), round(r.longitude, 5), r.killed)
            for r in pts.itertuples()]


def test_coordinates_from_the_log_win_over_the_gazetteer():
    pts, located = map_points(incidents(
        ("E1", "PK-BA", "Kalat", "", "29.5", "66.1", 7)))
    assert as_list(pts) == [("Kalat (7)", 29.5, 66.1, 7)]
    assert located == 1


def test_district_seat_from_the_gazetteer_when_the_log_has_none():
    pts, located = map_points(incidents(
        ("E1", "PK-BA", "Kalat", "", "", "", 7),
        ("E2", "PK-BA", "Musakhail", "", None, None, 23),  # an alias of the seat's name
        ("E3", "PK-BA", "Kachhi", "", "29.9", "", 2)))     # half a coordinate: not used
    assert as_list(pts) == [("Musakhail (23)", *MUSAKHAIL, 23), ("Kalat (7)", *KALAT, 7),
                            ("Kachhi (2)", *KACHHI, 2)]
    assert located == 3


def test_incidents_in_one_district_share_a_point():
    pts, located = map_points(incidents(
        ("E1", "PK-BA", "Kalat", "", 29.0, 66.0, 3),
        ("E2", "PK-BA", "Kalat", "", 29.2, 66.4, 4),
        ("E3", "PK-BA", "Kalat", "", "", "", 5)))   # at the seat
    # One point: the mean of (29.0, 66.0), (29.2, 66.4) and the seat; killed 3 + 4 + 5 = 12.
    lat = (29.0 + 29.2 + KALAT[0]) / 3
    lon = (66.0 + 66.4 + KALAT[1]) / 3
    assert len(pts) == 1
    assert pts.loc[0, "label"] == "Kalat (12)" and pts.loc[0, "killed"] == 12
    assert pts.loc[0, "latitude"] == pytest.approx(lat)
    assert pts.loc[0, "longitude"] == pytest.approx(lon)
    assert located == 3  # incidents, not points


def test_the_place_is_the_district_else_the_location_else_the_event():
    pts, _ = map_points(incidents(
        ("E1", "PK-BA", "", "Kalat", "", "", 2),          # location, found in the gazetteer
        ("E2", "PK-BA", "", "", 30.0, 67.0, 1)))          # nothing named: the event id
    assert as_list(pts) == [("Kalat (2)", *KALAT, 2), ("E2 (1)", 30.0, 67.0, 1)]


def test_unlocated_incidents_are_dropped_and_not_counted():
    pts, located = map_points(incidents(
        ("E1", "PK-BA", "Nowhereville", "", "", "", 50),  # not in the gazetteer
        ("E2", "PK-BA", "", "", "", "", 9),               # nothing at all
        ("E3", "PK-BA", "Kalat", "", "", "", 1)))
    assert as_list(pts) == [("Kalat (1)", *KALAT, 1)]
    assert located == 1


def test_a_log_with_no_incident_located_gives_no_points_and_no_error():
    # a Pakistani incident with neither district nor coordinates is not drawn at its
    # province's point (Pakistan's map shows districts): no point at all, which once failed
    # on joining text to an empty integer column (a log made by make extract-apply)
    pts, located = map_points(incidents(("E1", "PK-BA", "", "", "", "", "41")))
    assert located == 0 and pts.empty
    assert list(pts.columns)[:6] == ["latitude", "longitude", "killed", "militants", "label",
                                     "country"]


def test_killed_missing_is_zero_and_large_numbers_have_separators():
    pts, _ = map_points(incidents(
        ("E1", "PK-BA", "Kalat", "", 29.0, 66.0, 1234.0),
        ("E2", "PK-BA", "Kachhi", "", 29.5, 67.6, None)))
    assert pts["label"].tolist() == ["Kalat (1,234)", "Kachhi (0)"]
    assert pts["killed"].tolist() == [1234, 0]


def many(n: int) -> pd.DataFrame:
    # District D<k> with k killed, k = 1..n, each with its own coordinates.
    return incidents(*[(f"E{k}", "PK-BA", f"D{k}", "", 25.0 + k / 10, 65.0, k)
                       for k in range(1, n + 1)])


def test_largest_first_and_only_the_largest_labelled():
    pts, located = map_points(many(points.MAX_LABELS + 2))
    n = points.MAX_LABELS + 2
    assert located == n
    assert pts["killed"].tolist() == list(range(n, 0, -1))  # largest first
    # The MAX_LABELS largest are named with their dead; the two smallest are unnamed.
    assert pts["label"].tolist() == [f"D{k} ({k})" for k in range(n, 2, -1)] + ["", ""]


def test_at_most_max_points_are_kept(monkeypatch):
    monkeypatch.setattr(points, "MAX_POINTS", 3)
    pts, located = map_points(many(5))
    # The 3 largest of 5 are kept; all 5 were located.
    assert pts["label"].tolist() == ["D5 (5)", "D4 (4)", "D3 (3)"]
    assert located == 5


def test_places_of_one_name_in_two_provinces_are_two_points():
    pts, _ = map_points(incidents(
        ("E1", "PK-SD", "", "Saddar", 24.86, 67.03, 3),
        ("E2", "PK-PB", "", "Saddar", 33.60, 73.05, 4)))
    assert sorted(zip(pts["latitude"], pts["killed"])) == [(24.86, 3), (33.60, 4)]


# --- other countries (the committed outlines in data/geo/admin1) -------------------------------

def test_a_place_is_labelled_and_kept_per_country(monkeypatch):
    monkeypatch.setattr(points, "MAX_LABELS", 1)
    pts, located = map_points(incidents(
        ("E1", "YE-TA", "Saddar", "", 13.58, 44.02, 5),
        ("E2", "NG-BO", "Saddar", "", 11.85, 13.16, 3),   # same name, another country
        ("E3", "NG-BO", "Other", "", 11.80, 13.10, 1)))
    # One point per country and place; each country's largest is named.
    assert sorted(zip(pts["country"], pts["label"])) == [
        ("NG", ""), ("NG", "Saddar (3)"), ("YE", "Saddar (5)")]
    assert located == 3 and pts["coordinates"].sum() == 3


def test_without_coordinates_another_country_uses_its_province_point():
    pts, located = map_points(incidents(
        ("E1", "YE-TA", "Al Mudhaffar", "", "", "", 4),
        ("E2", "YE-TA", "Sala", "", "", "", 2),     # the same province: the same point
        ("E3", "NG-XX", "", "", "", "", 1)))        # no outline for the code: not placed
    assert located == 2 and len(pts) == 1
    assert pts.loc[0, "province"] == 2 and pts.loc[0, "killed"] == 6
    assert pts.loc[0, "label"] == "YE-TA (6)"  # no province name given: its code
