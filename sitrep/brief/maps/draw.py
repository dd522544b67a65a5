"""The map itself: one country's provinces, highlighted ones, points sized by the number
killed, labels, legend, scale bar and credit, on a fresh Figure each call."""

from __future__ import annotations

import math
import textwrap

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.transforms import Bbox

from sitrep.brief.maps.geometry import (bounds, display_name, has_outlines, outlines,
                                        polygon_path, ring_area)
from sitrep.brief.maps.labels import Placer, label_moves, place_province_label
from sitrep.brief.maps.legend import emptiest_corner, scale_bar, size_legend
from sitrep.brief.maps.style import (BORDER, CREDIT_TEXT, FIGSIZE_CM, FILL, FILL_HIGHLIGHT,
                                     MAX_MARKER_AREA, POINT, POINT_EDGE, POINT_FONT, TEXT,
                                     ZERO_MARKER_AREA, credit)

_REQUIRED = ("latitude", "longitude", "killed", "label")
# Above this many units (Turkey's 81 provinces, Russia's 83 subjects) only the names that fit
# inside their unit, and those of highlighted units, are written: leader lines to every small
# unit would hide the map.
MAX_LEADER_LABELS = 40


def _clean_points(points: pd.DataFrame | None) -> pd.DataFrame:
    if points is None:
        points = pd.DataFrame(columns=list(_REQUIRED))
    missing = [c for c in _REQUIRED if c not in points.columns]
    if missing:
        raise ValueError(f"points lacks column(s) {missing}; needs {list(_REQUIRED)}")
    df = pd.DataFrame({
        "latitude": pd.to_numeric(points["latitude"], errors="coerce"),
        "longitude": pd.to_numeric(points["longitude"], errors="coerce"),
        "killed": pd.to_numeric(points["killed"], errors="coerce").fillna(0.0).clip(lower=0),
        "label": points["label"].fillna("").astype(str),
        "militants": (pd.to_numeric(points["militants"], errors="coerce").fillna(0.0)
                      .clip(lower=0) if "militants" in points else 0.0),
    })
    # A point without coordinates cannot be drawn; the caller's table still lists it.
    df = df.dropna(subset=["latitude", "longitude"])
    return df.sort_values(["killed", "label"], ascending=[False, True], kind="stable")


def _highlight_codes(highlight, country: str, provinces) -> set[str]:
    """ISO codes (or names) -> the codes of the drawn units they are or lie in."""
    if not highlight:
        return set()
    if country == "PK":
        from sitrep.gazetteer import normalise_province

        return {normalise_province(h) for h in highlight}
    wanted = {str(h).strip().casefold() for h in highlight if str(h).strip()}
    return {p.code or p.name for p in provinces
            if wanted & ({p.code.casefold(), p.name.casefold(),
                          display_name(p.name).casefold()} | {c.casefold() for c in p.includes})}


def _wrap_longitudes(df: pd.DataFrame, centre: float) -> pd.DataFrame:
    """Put points in the map's frame of longitude (Chukotka's points at 180-190 E)."""
    turns = np.round((centre - df["longitude"]) / 360.0)
    return df.assign(longitude=df["longitude"] + 360.0 * turns)


def province_map(points: pd.DataFrame, highlight: set[str] | None = None,
                 title: str | None = None, country: str = "PK") -> Figure:
    """Draw a country's provinces and incident points; return a new Figure (16 x 12 cm).

    *country* is an ISO 3166-1 alpha-2 code with outlines under ``data/geo/admin1``.
    *points* has columns ``latitude``, ``longitude``, ``killed`` (0, NaN = none reported:
    drawn as an open ring) and ``label`` (text next to the point; may be empty). Rows without
    coordinates are skipped. Points outside the country widen the view. An empty frame gives
    a map without points.

    *highlight* is a set of provinces (ISO 3166-2 codes such as ``"PK-BA"``; names are
    accepted) drawn a shade darker. *title* is printed above the map.

    The caller chooses the resolution: ``fig.savefig(path, dpi=200)``.
    """
    country = country.upper()
    if not has_outlines(country):
        raise ValueError(f"no province outlines for country {country!r}")
    provinces = outlines(country)
    x0, y0, x1, y1 = bounds(country)
    df = _wrap_longitudes(_clean_points(points), 0.5 * (x0 + x1))
    highlighted = _highlight_codes(highlight, country, provinces)

    fig = Figure(figsize=(FIGSIZE_CM[0] / 2.54, FIGSIZE_CM[1] / 2.54))
    FigureCanvasAgg(fig)
    title_lines = textwrap.wrap(title, 78) if title else []
    top = 0.985 - 0.058 * len(title_lines) - (0.005 if title_lines else 0.0)
    ax = fig.add_axes((0.01, 0.055, 0.98, top - 0.055))
    ax.set_axis_off()

    # --- extent and aspect ---------------------------------------------------------------
    if len(df):
        x0, x1 = min(x0, df["longitude"].min()), max(x1, df["longitude"].max())
        y0, y1 = min(y0, df["latitude"].min()), max(y1, df["latitude"].max())
    pad_x, pad_y = 0.04 * (x1 - x0) + 0.3, 0.04 * (y1 - y0) + 0.3
    x0, x1, y0, y1 = x0 - pad_x, x1 + pad_x, y0 - pad_y, y1 + pad_y
    y0, y1 = max(y0, -89.0), min(y1, 89.0)
    mid_lat = 0.5 * (y0 + y1)
    # Equal distances look equal at the middle latitude; the floor keeps a polar view finite.
    coslat = max(math.cos(math.radians(mid_lat)), 0.2)
    # Widen the shorter side so the lon/lat box has the axes' shape at aspect 1/cos(lat):
    # the whole extent stays visible and the map fills the figure.
    box = ax.get_position()
    fig_w, fig_h = fig.get_size_inches()
    want = (box.height * fig_h) / (box.width * fig_w)  # height / width of the axes
    have = ((y1 - y0) / coslat) / (x1 - x0)
    if have < want:
        grow = ((x1 - x0) * want * coslat - (y1 - y0)) / 2
        y0, y1 = y0 - grow, y1 + grow
    else:
        grow = ((y1 - y0) / coslat / want - (x1 - x0)) / 2
        x0, x1 = x0 - grow, x1 + grow
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect(1.0 / coslat, adjustable="box")
    ax.apply_aspect()
    renderer = fig.canvas.get_renderer()

    # --- provinces ------------------------------------------------------------------------
    for prov in provinces:
        hl = (prov.code or prov.name) in highlighted
        ax.add_patch(PathPatch(
            polygon_path(prov.polys),
            facecolor=FILL_HIGHLIGHT if hl else FILL,
            edgecolor=BORDER, linewidth=0.8 if hl else 0.5,
            joinstyle="round", zorder=1))

    # --- points ---------------------------------------------------------------------------
    max_killed = float(df["killed"].max()) if len(df) else 0.0
    scale = MAX_MARKER_AREA / max_killed if max_killed > 0 else 0.0

    def area(k: float) -> float:
        return k * scale if k > 0 else ZERO_MARKER_AREA

    sizes = np.array([area(k) for k in df["killed"]])
    hit = df["killed"].to_numpy() > 0
    if hit.any():
        ax.scatter(df["longitude"][hit], df["latitude"][hit], s=sizes[hit],
                   facecolor=POINT, edgecolor=POINT_EDGE, alpha=0.72,
                   linewidth=0.6, zorder=3)
        ax.scatter(df["longitude"][hit], df["latitude"][hit], s=1.5,
                   color=POINT_EDGE, linewidth=0, zorder=3.1)
    if (~hit).any():
        ax.scatter(df["longitude"][~hit], df["latitude"][~hit], s=sizes[~hit],
                   facecolor="white", edgecolor=POINT_EDGE, linewidth=1.0, zorder=3.2)
    # Militants killed are no victims: a black cross on the point, on the same scale.
    armed = df["militants"].to_numpy() > 0
    if armed.any():
        ax.scatter(df["longitude"][armed], df["latitude"][armed],
                   s=[area(m) for m in df["militants"][armed]], marker="x", color="black",
                   linewidth=1.1, zorder=3.3)

    frame = ax.get_window_extent(renderer)
    placer = Placer(renderer, frame)
    px_per_pt = fig.dpi / 72.0
    centres = ax.transData.transform(df[["longitude", "latitude"]].to_numpy()) if len(df) else []
    for (cx, cy), s in zip(centres, sizes):
        r = math.sqrt(s) / 2 * px_per_pt
        placer.block(Bbox.from_extents(cx - r, cy - r, cx + r, cy + r))

    # --- legend (corner with the least map underneath) and scale bar -----------------------
    corner = emptiest_corner(ax, df, provinces)
    legend = None
    if len(df):
        legend = size_legend(ax, df, area, corner)
        placer.block(legend.get_window_extent(renderer))
    bar_corner = "lower left" if corner != "lower left" else "lower right"
    for artist in scale_bar(ax, coslat, bar_corner):
        placer.block(artist.get_window_extent(renderer))

    # --- point labels: most killed first ---------------------------------------------------
    # A pale box, not a stroked halo: a halo turns each label into outlines in the SVG (a
    # large part of the HTML of a briefing with many points, and slower PDF rendering);
    # boxed labels stay text, which the PDF can also search.
    halo = dict(boxstyle="round,pad=0.12", facecolor="white", edgecolor="none", alpha=0.8)
    for (lon, lat), s, text in zip(df[["longitude", "latitude"]].to_numpy(), sizes, df["label"]):
        if not text.strip():
            continue
        gap = math.sqrt(s) / 2 + 2.5
        ann = ax.annotate(
            text, xy=(lon, lat), xytext=(gap, 0), textcoords="offset points",
            fontsize=POINT_FONT, color=TEXT, ha="left", va="center", zorder=5,
            bbox=halo, annotation_clip=False,
            arrowprops=dict(arrowstyle="-", color=TEXT, linewidth=0.4,
                            shrinkA=0, shrinkB=math.sqrt(s) / 2 + 0.5, alpha=0.0))
        placer.place(ann, label_moves(ann, gap))

    # --- province names -------------------------------------------------------------------
    # Big provinces first: they have room inside; small ones then go outside with a leader.
    by_size = sorted(provinces, key=lambda p: -max(abs(ring_area(q[0])) for q in p.polys))
    land = [ax.transData.transform_path(polygon_path(p.polys)) for p in provinces]
    land = [(path, tuple(path.get_extents().extents)) for path in land]
    view = Bbox.from_extents(ax.get_xlim()[0], ax.get_ylim()[0], ax.get_xlim()[1],
                             ax.get_ylim()[1])
    crowded = len(provinces) > MAX_LEADER_LABELS
    for prov in by_size:
        hl = (prov.code or prov.name) in highlighted
        name = display_name(prov.name)
        if name and polygon_path(prov.polys).intersects_bbox(view):
            place_province_label(ax, placer, name, prov.polys, hl, land,
                                 outside=hl or not crowded)

    # --- title and credit -----------------------------------------------------------------
    if title:
        fig.text(0.012, 0.985, "\n".join(title_lines), ha="left", va="top", fontsize=9,
                 fontweight="bold", color=TEXT, linespacing=1.25)
    fig.text(0.012, 0.012, credit(country), ha="left", va="bottom", fontsize=5.5, color=CREDIT_TEXT)
    return fig


