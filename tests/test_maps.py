"""Tests for sitrep.brief.maps and the committed province polygons."""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import pycountry
import pytest
from matplotlib import rc_context as plt_rc
from matplotlib.figure import Figure
from matplotlib.image import imread

from sitrep.gazetteer import locate
from sitrep.brief.maps import CREDIT, PROVINCES_GEOJSON, load_provinces, province_map

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
