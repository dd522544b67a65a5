"""Tests for sitrep.brief.maps, the committed province polygons (Pakistan's and every
country's), placing incidents without coordinates, and the map section."""

from __future__ import annotations

import html
import io
import json
import re

import numpy as np
import pandas as pd
import pycountry
import pytest
from matplotlib import rc_context as plt_rc
from matplotlib.figure import Figure
from matplotlib.image import imread

from sitrep.brief import charts
from sitrep.brief.briefing import Briefing
from sitrep.brief.maps import (ADMIN1, CREDIT, CREDIT_BOUNDARIES, PROVINCES_GEOJSON, credit,
                               load_provinces, province_map)
from sitrep.brief.maps.geometry import display_name, polygon_path
from sitrep.brief.sections import places
from sitrep.gazetteer import locate
from sitrep.tabulate.points import country_at, map_points, place_incidents

PK_LON = (60.5, 78.0)
PK_LAT = (23.5, 37.2)
EXPECTED_CODES = {"PK-BA", "PK-KP", "PK-PB", "PK-SD", "PK-IS", "PK-GB", "PK-JK"}


def sample_points() -> pd.DataFrame:
    rows = [("Musakhail", 23, "Musakhail (23)"), ("Kalat", 11, "Kalat (11)"),
            ("Kachhi", 6, "Bolan/Kachhi (6)"), ("Bela", 5, "Bela (5)"),
            ("Quetta", 0, "Quetta (0)")]
    out = []
    for name, killed, label in rows:
        lat, lon = locate(name, "PK-BA")
        out.append({"latitude": lat, "longitude": lon, "killed": killed, "label": label})
    return pd.DataFrame(out)


def render(fig: Figure, dpi: int = 80) -> np.ndarray:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    assert buf.getvalue()[:8] == b"\x89PNG\r\n\x1a\n"
    buf.seek(0)
    return imread(buf)


def non_white_share(img: np.ndarray) -> float:
    rgb = img[..., :3]
    return float((rgb < 0.97).any(axis=-1).mean())


def all_texts(fig: Figure) -> list[str]:
    texts = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        texts += [t.get_text() for t in ax.texts]
        legend = ax.get_legend()
        if legend is not None:
            texts += [t.get_text() for t in legend.get_texts()]
    return texts


# --- the GeoJSON -----------------------------------------------------------------------------

def test_geojson_has_one_feature_per_iso_code():
    fc = json.loads(PROVINCES_GEOJSON.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection"
    codes = [f["properties"]["iso_code"] for f in fc["features"]]
    assert sorted(codes) == sorted(EXPECTED_CODES)  # no duplicates, nothing missing
    pyc = {s.code: s.name for s in pycountry.subdivisions.get(country_code="PK")}
    assert set(pyc) == EXPECTED_CODES
    for f in fc["features"]:
        p = f["properties"]
        assert p["name"] == pyc[p["iso_code"]]
        assert p["source"] == "Natural Earth admin-1 (public domain)"
        assert f["geometry"]["type"] == "MultiPolygon"


def test_fata_is_not_a_separate_feature():
    text = PROVINCES_GEOJSON.read_text(encoding="utf-8")
    fc = json.loads(text)
    names = {f["properties"]["name"] for f in fc["features"]}
    assert not any("tribal" in n.lower() or "f.a.t.a" in n.lower() for n in names)
    assert "F.A.T.A." not in text and "Baluchistan" not in text


def test_geojson_coordinates_are_valid_and_inside_pakistan():
    for prov in load_provinces():
        assert prov["polygons"], prov["iso_code"]
        for poly in prov["polygons"]:
            for ring in poly:
                assert ring.shape[1] == 2 and len(ring) >= 4
                assert np.isfinite(ring).all()
                assert (ring[0] == ring[-1]).all(), "ring must be closed"
                assert ring[:, 0].min() >= PK_LON[0] and ring[:, 0].max() <= PK_LON[1]
                assert ring[:, 1].min() >= PK_LAT[0] and ring[:, 1].max() <= PK_LAT[1]


def test_geojson_is_small():
    assert PROVINCES_GEOJSON.stat().st_size < 300_000


def test_balochistan_is_the_largest_province():
    def area(ring):
        x, y = ring[:, 0], ring[:, 1]
        return abs(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1])) / 2

    areas = {p["iso_code"]: sum(area(poly[0]) for poly in p["polygons"])
             for p in load_provinces()}
    assert max(areas, key=areas.get) == "PK-BA"
    assert min(areas, key=areas.get) == "PK-IS"


# --- province_map ----------------------------------------------------------------------------

def test_province_map_returns_a_figure_that_renders():
    fig = province_map(sample_points(), highlight={"PK-BA"}, title="Sample")
    assert isinstance(fig, Figure)
    w, h = fig.get_size_inches() * 2.54
    assert w == pytest.approx(16, abs=1) and h == pytest.approx(12, abs=1)
    img = render(fig)
    share = non_white_share(img)
    assert 0.15 < share < 0.8, share


def test_credit_and_labels_are_in_the_figure():
    fig = province_map(sample_points(), title="Sample title")
    texts = all_texts(fig)
    assert CREDIT in texts
    assert CREDIT == "Boundaries: Natural Earth (public domain). Places: GeoNames (CC BY 4.0)."
    assert "Sample title" in texts
    for label in sample_points()["label"]:
        assert label in texts
    assert "Balochistan" in texts


def test_point_labels_stay_text_in_svg():
    # A stroked halo would turn each label into outlines: large SVG, slow PDF, unsearchable.
    fig = province_map(sample_points(), title="Sample title")
    buf = io.StringIO()
    with plt_rc({"svg.fonttype": "none"}):
        fig.savefig(buf, format="svg")
    svg = buf.getvalue()
    for label in sample_points()["label"]:
        assert f">{label}</text>" in svg
    assert len(svg) < 150_000, len(svg)


def test_size_legend_has_round_reference_values():
    fig = province_map(sample_points())
    legend = fig.axes[0].get_legend()
    assert legend is not None
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels[:3] == ["5", "10", "20"]
    assert "0 or not reported" in labels


def test_circle_area_is_proportional_to_killed():
    fig = province_map(sample_points())
    ax = fig.axes[0]
    filled = [c for c in ax.collections if len(c.get_offsets()) == 4]
    sizes = sorted(filled[0].get_sizes())
    assert sizes[-1] / sizes[0] == pytest.approx(23 / 5)


def test_highlight_darkens_a_province():
    def grey_at(fig: Figure, lon: float, lat: float) -> float:
        dpi = 80
        img = render(fig, dpi=dpi)
        # Display coordinates at the figure's own dpi, rescaled to the saved dpi; row 0 = top.
        x, y = fig.axes[0].transData.transform((lon, lat)) * dpi / fig.dpi
        return float(img[img.shape[0] - int(round(y)), int(round(x)), :3].mean())

    # A spot in western Balochistan with no point or label on it, and one in Punjab.
    plain = province_map(sample_points())
    lit = province_map(sample_points(), highlight={"PK-BA"})
    assert grey_at(lit, 64.0, 28.2) < grey_at(plain, 64.0, 28.2) - 0.03
    assert grey_at(lit, 72.5, 30.0) == pytest.approx(grey_at(plain, 72.5, 30.0))


def test_empty_points_still_give_a_map():
    empty = pd.DataFrame(columns=["latitude", "longitude", "killed", "label"])
    fig = province_map(empty)
    assert non_white_share(render(fig)) > 0.15
    assert CREDIT in all_texts(fig)


def test_points_outside_pakistan_extend_the_view():
    pts = pd.DataFrame([{"latitude": 25.2, "longitude": 55.3, "killed": 2, "label": "Dubai"}])
    fig = province_map(pts)
    x0, x1 = fig.axes[0].get_xlim()
    assert x0 < 55.3 < x1
    render(fig)


def test_missing_coordinates_are_skipped_and_missing_columns_rejected():
    pts = sample_points()
    pts.loc[len(pts)] = {"latitude": None, "longitude": None, "killed": 3, "label": "nowhere"}
    render(province_map(pts))
    with pytest.raises(ValueError):
        province_map(pd.DataFrame({"latitude": [30.0], "longitude": [67.0]}))


def test_repeated_calls_do_not_leak_global_state():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    for _ in range(3):
        province_map(sample_points())
    assert plt.get_fignums() == before


# --- every country's outlines (data/geo/admin1) -----------------------------------------------

MAPPED = ("YE", "NG", "UA", "MX")


def world_files() -> list:
    return sorted(ADMIN1.glob("*.geojson"))


def test_one_small_file_per_country_and_an_index():
    files = world_files()
    assert len(files) > 200
    assert {f.stem for f in files} >= {"PK", "YE", "NG", "UA", "MX", "SY", "AF", "SO", "RU"}
    assert sum(f.stat().st_size for f in ADMIN1.iterdir()) < 4_000_000
    index = pd.read_csv(ADMIN1 / "index.csv", keep_default_na=False)
    assert sorted(index["country"]) == sorted(f.stem for f in files)


def test_every_code_is_a_first_level_iso_subdivision_of_its_country():
    for path in world_files():
        fc = json.loads(path.read_text(encoding="utf-8"))
        cc = path.stem
        assert fc["country"] == cc and fc["source"] == "Natural Earth admin-1 (public domain)"
        codes = [f["properties"]["iso_code"] for f in fc["features"] if f["properties"]["iso_code"]]
        assert len(codes) == len(set(codes)), cc  # a province is one feature
        for f in fc["features"]:
            p = f["properties"]
            assert f["geometry"]["type"] == "MultiPolygon" and f["geometry"]["coordinates"]
            if not p["iso_code"]:
                continue  # a unit ISO 3166-2 does not list (Somaliland, Kenya's old provinces)
            sub = pycountry.subdivisions.get(code=p["iso_code"])
            assert sub is not None and sub.country_code == cc, (cc, p["iso_code"])
            assert sub.parent_code is None and p["name"] == sub.name, p
            for child in p.get("includes", []):
                assert pycountry.subdivisions.get(code=child).country_code == cc


@pytest.mark.parametrize("country", MAPPED)
def test_the_conflict_countries_have_every_province(country):
    official = {s.code for s in pycountry.subdivisions.get(country_code=country)
                if not s.parent_code}
    drawn = {p["iso_code"] for p in load_provinces(country)}
    # Natural Earth's Yemen still counts Socotra as part of Hadramawt (YE-SU since 2013).
    assert official - drawn <= {"YE-SU"}


def test_pakistan_in_the_world_set_is_the_pakistan_file():
    pk = json.loads(PROVINCES_GEOJSON.read_text(encoding="utf-8"))["features"]
    world = json.loads((ADMIN1 / "PK.geojson").read_text(encoding="utf-8"))["features"]
    assert [(f["properties"]["iso_code"], f["properties"]["name"], f["geometry"]) for f in pk] \
        == [(f["properties"]["iso_code"], f["properties"]["name"], f["geometry"]) for f in world]


def test_the_point_of_every_province_is_inside_it():
    for path in world_files():
        for prov in load_provinces(path.stem):
            outline = polygon_path(prov["polygons"])
            assert outline.contains_point(prov["point"]), (path.stem, prov["name"])


def test_crimea_and_sevastopol_are_drawn_with_ukraine():
    assert {"UA-43", "UA-40"} <= {p["iso_code"] for p in load_provinces("UA")}
    assert not {"UA-43", "UA-40"} & {p["iso_code"] for p in load_provinces("RU")}


# --- maps of other countries -------------------------------------------------------------------

def province_points(country: str, n: int = 4) -> pd.DataFrame:
    """Points at the inner points of the first n provinces, labelled by their killed."""
    rows = []
    for i, prov in enumerate(p for p in load_provinces(country) if p["iso_code"]):
        if i == n:
            break
        lon, lat = prov["point"]
        rows.append({"latitude": lat, "longitude": lon, "killed": 3 * i,
                     "label": f"Place {i} ({3 * i})"})
    return pd.DataFrame(rows)


def svg_texts(svg: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


@pytest.mark.parametrize("country", MAPPED)
def test_a_country_map_names_its_provinces_in_svg(country):
    pts = province_points(country)
    provinces = load_provinces(country)
    fig = province_map(pts, highlight={provinces[0]["iso_code"]}, title="Test", country=country)
    texts = svg_texts(charts.to_svg(fig))
    # A name is written on several lines, one <text> each, broken at spaces and hyphens.
    joined = "".join(texts).replace(" ", "")
    for prov in provinces:
        if prov["iso_code"]:
            assert display_name(prov["name"]).replace(" ", "") in joined, prov["name"]
    for label in pts["label"]:
        assert label in texts
    assert credit(country) in texts and credit(country) == CREDIT_BOUNDARIES
    assert any(t.endswith("km") or t == "km" for t in texts)  # the scale bar


def test_ukraine_is_drawn_at_its_latitude():
    fig = province_map(province_points("UA"), country="UA")
    ax = fig.axes[0]
    # Aspect 1/cos(mid-latitude): about 1.5 at 48 N, where a degree of longitude is 2/3 of one
    # of latitude.
    assert ax.get_aspect() == pytest.approx(1 / np.cos(np.radians(np.mean(ax.get_ylim()))))
    assert 1.4 < ax.get_aspect() < 1.6
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    assert x0 < 22.2 and x1 > 40.2 and y0 < 44.4 and y1 > 52.3


def test_russia_is_one_piece_across_the_antimeridian():
    # Chukotka runs past 180 E; a point given at 175 W lands beside it, not across the map.
    pts = pd.DataFrame([{"latitude": 65.0, "longitude": -175.0, "killed": 4, "label": "East"},
                        {"latitude": 55.75, "longitude": 37.6, "killed": 2, "label": "Moscow"}])
    fig = province_map(pts, country="RU")
    x0, x1 = fig.axes[0].get_xlim()
    assert x0 < 37.6 and 185.0 < x1 < 200.0
    offsets = np.concatenate([c.get_offsets() for c in fig.axes[0].collections])
    assert offsets[:, 0].max() == pytest.approx(185.0)
    render(fig)


def test_a_highlighted_province_is_bold_elsewhere_too():
    fig = province_map(province_points("NG"), highlight={"NG-BO"}, country="NG")
    bold = [t.get_text() for t in fig.axes[0].texts if t.get_fontweight() == "bold"]
    assert bold == ["Borno"]


def test_unknown_country_is_refused():
    with pytest.raises(ValueError):
        province_map(province_points("NG"), country="ZZ")


# --- placing incidents without coordinates, and the map section -----------------------------------

def incidents(rows) -> pd.DataFrame:
    cols = ["event_id", "province_code", "province", "district", "location", "latitude",
            "longitude", "best"]
    return pd.DataFrame(rows, columns=cols)


def test_incidents_without_coordinates_land_inside_their_province():
    rows, outlines = [], {}
    for country in MAPPED:
        for prov in (p for p in load_provinces(country) if p["iso_code"]):
            rows.append((f"E{len(rows)}", prov["iso_code"], prov["name"], "Nowhere district",
                         "", "", "", 2))
            outlines[prov["iso_code"]] = polygon_path(prov["polygons"])
    placed = place_incidents(incidents(rows))
    assert (placed["how"] == "province").all()
    for row, (_, p) in zip(rows, placed.iterrows()):
        assert outlines[row[1]].contains_point((p["longitude"], p["latitude"])), row
    pts, located = map_points(incidents(rows))
    assert located == len(rows) and pts["province"].sum() == len(rows)
    # One point per province, named after it.
    assert len(pts) == len(outlines) and "Borno (2)" in set(pts["label"])


def test_the_pakistani_gazetteer_is_not_used_for_other_countries():
    # Kalat is a Pakistani district; a Yemeni place of that name must not land in Balochistan.
    placed = place_incidents(incidents([("E1", "YE-TA", "Tāʻizz", "Kalat", "", "", "", 5)]))
    assert placed.loc[0, "how"] == "province" and placed.loc[0, "country"] == "YE"
    assert 12.5 < placed.loc[0, "latitude"] < 14.5


def test_the_country_of_a_point_without_a_province():
    assert country_at(15.35, 44.2) == "YE"      # Sanaa
    assert country_at(50.45, 30.52) == "UA"     # Kyiv
    assert country_at(65.0, -175.0) == "RU"     # Chukotka, west of 180
    assert country_at(15.0, -30.0) == ""        # the Atlantic


def two_country_briefing() -> Briefing:
    inc = incidents([("Y1", "YE-TA", "Tāʻizz", "Al Mudhaffar", "", 13.58, 44.02, 12),
                     ("Y2", "YE-JA", "Al Jawf", "", "", "", "", 4),
                     ("N1", "NG-BO", "Borno", "Maiduguri", "", 11.85, 13.16, 30),
                     ("N2", "NG-ZA", "Zamfara", "", "", "", "", 9),
                     ("X1", "", "", "", "", "", "", 1)])
    summary = pd.DataFrame([{"countries": "Nigeria; Yemen", "provinces": ""}])
    return Briefing({"incidents": inc, "summary": summary}, {}, pd.DataFrame(), pd.DataFrame())


def test_a_two_country_briefing_has_one_map_per_country():
    section = html.unescape(places.map_section(two_country_briefing()))
    assert section.count("<svg") == 2
    # The country with the most killed first, each with its own honest count.
    assert section.index("in Nigeria located") < section.index("in Yemen located")
    assert ("2 of 2 incidents in Nigeria located: 1 from the log's coordinates and 1 at a "
            "point inside their province") in section
    assert "1 incident of no country with outlines" in section
    assert "GeoNames" not in section


def test_only_the_countries_with_most_killed_get_maps(monkeypatch):
    monkeypatch.setattr(places, "MAX_MAPS", 1)
    section = places.map_section(two_country_briefing())
    assert section.count("<svg") == 1 and "in Nigeria located" in section
    assert "2 incidents in 1 other country are not mapped" in section


def test_militants_killed_are_drawn_apart_from_victims():
    # Bela: 13 killed, 5 of them militants -> a circle for 8 and a cross for 5, in the legend.
    inc = pd.DataFrame({
        "event_id": ["E1", "E2"], "event_date": ["2024-08-26"] * 2,
        "province_code": ["PK-BA"] * 2, "province": ["Balochistan"] * 2,
        "district": ["Lasbela", "Kalat"], "location": ["Bela", "Kalat"],
        "latitude": [26.23, 29.03], "longitude": [66.31, 66.59], "part_of": ["", ""],
        "best": [13, 9], "militants": [5, pd.NA]})
    points, _ = map_points(inc)
    by = points.set_index(points["label"].str.split(" (", regex=False).str[0])
    assert (int(by.at["Lasbela", "killed"]), int(by.at["Lasbela", "militants"])) == (8, 5)
    assert (int(by.at["Kalat", "killed"]), int(by.at["Kalat", "militants"])) == (9, 0)
    svg = charts.to_svg(province_map(points, highlight={"PK-BA"}))
    assert "militants killed (not victims)" in html.unescape(svg)
