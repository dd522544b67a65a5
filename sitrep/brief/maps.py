"""Briefing maps: Pakistan's provinces with incident points sized by the number killed.

This module owns the drawing of maps, and only that. It reads the committed province polygons
``data/geo/pk_provinces.geojson`` (Natural Earth admin-1, public domain; rebuilt by
``scripts/build_provinces.py``) and draws onto a fresh :class:`matplotlib.figure.Figure`
each call, never touching pyplot's global state, so it is safe in loops and in notebooks
executed headless (the figure is rendered with the Agg canvas; nothing is shown).

Where the points come from is not its business: callers pass latitude/longitude, usually from
:func:`sitrep.gazetteer.locate`, which represents a district by its seat. There are no district
polygons here.

Design choices, so that the map survives greyscale print at A4 width:

* provinces are light grey with thin dark-grey borders; highlighted provinces a shade darker;
* an incident is a dark translucent circle whose *area* is proportional to the number killed,
  with a size legend of two or three round reference values; an incident with 0 (or unknown)
  killed is an open ring, so it is visible but not mistaken for a small count;
* labels carry a white halo and are placed by a greedy rule: the most lethal incidents are
  labelled first, each label takes the first of several positions around its circle that does
  not overlap a circle, another label, the legend or the scale bar, and falls back to the
  least-overlapping one; a label pushed away from its circle gets a thin leader line;
* the plot uses longitude/latitude with the aspect corrected by 1/cos(mid-latitude), so
  distances east-west and north-south look the same; no ticks, a 200 km scale bar;
* the credit line "Boundaries: Natural Earth (public domain). Places: GeoNames (CC BY 4.0)."
  is always printed at the bottom.
"""

from __future__ import annotations

import json
import math
import textwrap
from functools import lru_cache

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch
from matplotlib.text import Annotation, Text
from matplotlib.path import Path as MplPath
from matplotlib.transforms import Bbox

from sitrep.paths import GEO

__all__ = ["PROVINCES_GEOJSON", "CREDIT", "FIGSIZE_CM", "load_provinces", "province_map"]

PROVINCES_GEOJSON = GEO / "pk_provinces.geojson"
CREDIT = "Boundaries: Natural Earth (public domain). Places: GeoNames (CC BY 4.0)."
FIGSIZE_CM = (16.0, 12.0)

# Greys and one dark accent that turns into a dark grey in greyscale print.
_FILL = "#e3e3e3"
_FILL_HIGHLIGHT = "#cbcbcb"
_BORDER = "#7f7f7f"
_POINT = "#a50f15"
_POINT_EDGE = "#3d0508"
_TEXT = "#1a1a1a"
_PROVINCE_TEXT = "#555555"
_CREDIT_TEXT = "#595959"

_MAX_MARKER_AREA = 480.0  # pt^2, for the largest count on the map (about 8.6 mm across)
_ZERO_MARKER_AREA = 22.0  # pt^2, open ring for 0 / unknown
_POINT_FONT = 6.5
_PROVINCE_FONT = 6.0
_KM_PER_DEG_LAT = 111.32


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _provinces() -> tuple:
    data = json.loads(PROVINCES_GEOJSON.read_text(encoding="utf-8"))
    out = []
    for feat in data["features"]:
        props = feat["properties"]
        geom = feat["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        rings = tuple(tuple(np.asarray(r, dtype=float) for r in poly) for poly in polys)
        out.append((props["iso_code"], props["name"], rings))
    return tuple(out)


def load_provinces() -> list[dict]:
    """Province features as dicts: ``iso_code``, ``name`` and ``polygons``.

    ``polygons`` is a list of polygons; each polygon is a list of (n, 2) lon/lat arrays, the
    outer ring first and then its holes.
    """
    return [{"iso_code": c, "name": n, "polygons": [[r.copy() for r in p] for p in polys]}
            for c, n, polys in _provinces()]


def _bounds() -> tuple[float, float, float, float]:
    xs = np.concatenate([r[:, 0] for _, _, polys in _provinces() for p in polys for r in p])
    ys = np.concatenate([r[:, 1] for _, _, polys in _provinces() for p in polys for r in p])
    return float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())


def _polygon_path(polys) -> MplPath:
    verts, codes = [], []
    for poly in polys:
        for ring in poly:
            n = len(ring)
            verts.append(ring)
            codes.extend([MplPath.MOVETO] + [MplPath.LINETO] * (n - 2) + [MplPath.CLOSEPOLY])
    return MplPath(np.concatenate(verts), codes)


def _ring_area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))


def _interior_segments(poly, n_lines: int = 9) -> list[tuple[float, float, float]]:
    """Horizontal interior segments (x0, x1, y) of a polygon at several latitudes.

    Along each scan line the crossings with all rings are sorted and paired; the widest
    pair is the segment. Returned widest first: its midpoint is a point well inside the
    polygon, usable for a label even for concave shapes.
    """
    shell = poly[0]
    y0, y1 = float(shell[:, 1].min()), float(shell[:, 1].max())
    segments = []
    for frac in np.linspace(0.2, 0.8, n_lines):
        y = y0 + frac * (y1 - y0)
        xs = []
        for ring in poly:
            a, b = ring[:-1], ring[1:]
            crosses = (a[:, 1] > y) != (b[:, 1] > y)
            if not crosses.any():
                continue
            a, b = a[crosses], b[crosses]
            xs.extend(a[:, 0] + (y - a[:, 1]) * (b[:, 0] - a[:, 0]) / (b[:, 1] - a[:, 1]))
        xs.sort()
        pairs = [(xs[i], xs[i + 1]) for i in range(0, len(xs) - 1, 2)]
        if pairs:
            lo, hi = max(pairs, key=lambda p: p[1] - p[0])
            segments.append((float(lo), float(hi), float(y)))
    segments.sort(key=lambda s: s[1] - s[0], reverse=True)
    return segments


# --------------------------------------------------------------------------------------------
# Sizes and the legend
# --------------------------------------------------------------------------------------------

def _nice_refs(max_value: float) -> list[int]:
    """Two or three round reference counts for the size legend, the largest <= max_value."""
    if max_value < 1:
        return []
    nice = []
    for exp in range(0, 7):
        nice.extend(m * 10 ** exp for m in (1, 2, 5))
    top = max(v for v in nice if v <= max_value)
    refs = [top]
    for v in sorted((v for v in nice if v < top), reverse=True):
        if v <= refs[-1] / 2 and len(refs) < 3:
            refs.append(v)
    return sorted(refs)


# --------------------------------------------------------------------------------------------
# Label placement
# --------------------------------------------------------------------------------------------

def _text_box(artist, renderer) -> Bbox:
    """Display box of the text alone (an Annotation's own extent includes its leader line)."""
    if isinstance(artist, Annotation):
        artist.update_positions(renderer)
    return Text.get_window_extent(artist, renderer)


class _Placer:
    """Greedy, first-fit placement of text boxes in display space."""

    def __init__(self, renderer, frame: Bbox):
        self.renderer = renderer
        self.frame = frame
        self.taken = np.empty((0, 4))  # x0, y0, x1, y1 of each placed box

    def cost(self, box: Bbox) -> float:
        inside = (box.x0 >= self.frame.x0 and box.x1 <= self.frame.x1
                  and box.y0 >= self.frame.y0 and box.y1 <= self.frame.y1)
        t = self.taken  # overlap with every placed box at once: a map may hold hundreds
        w = np.minimum(t[:, 2], box.x1) - np.maximum(t[:, 0], box.x0)
        h = np.minimum(t[:, 3], box.y1) - np.maximum(t[:, 1], box.y0)
        area = float(np.sum(np.where((w > 0) & (h > 0), w * h, 0.0)))
        return area + (0.0 if inside else 1e9)

    def best(self, artist, candidates) -> tuple[float, int, Bbox]:
        """Try candidates (callables that move *artist*); return the first free one, else the
        least-overlapping: (cost, index, box). The artist is left at that candidate."""
        best = None
        for i, move in enumerate(candidates):
            move()
            box = _text_box(artist, self.renderer).expanded(1.04, 1.12)
            c = self.cost(box)
            if c == 0:
                return c, i, box
            if best is None or c < best[0]:
                best = (c, i, box)
        candidates[best[1]]()
        return best

    def place(self, artist, candidates) -> float:
        """Move *artist* to its best candidate and reserve that space; return its cost."""
        cost, _, box = self.best(artist, candidates)
        self.block(box)
        return cost

    def block(self, box: Bbox) -> None:
        self.taken = np.vstack([self.taken, [box.x0, box.y0, box.x1, box.y1]])


# --------------------------------------------------------------------------------------------
# The map
# --------------------------------------------------------------------------------------------

_REQUIRED = ("latitude", "longitude", "killed", "label")


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
    })
    # A point without coordinates cannot be drawn; the caller's table still lists it.
    df = df.dropna(subset=["latitude", "longitude"])
    return df.sort_values(["killed", "label"], ascending=[False, True], kind="stable")


def _highlight_codes(highlight) -> set[str]:
    if not highlight:
        return set()
    from sitrep.gazetteer import normalise_province

    return {normalise_province(h) for h in highlight}


def province_map(points: pd.DataFrame, highlight: set[str] | None = None,
                 title: str | None = None) -> Figure:
    """Draw Pakistan's provinces and incident points; return a new Figure (16 x 12 cm).

    *points* has columns ``latitude``, ``longitude``, ``killed`` (0, NaN = none reported:
    drawn as an open ring) and ``label`` (text next to the point; may be empty). Rows without
    coordinates are skipped. Points outside Pakistan widen the view. An empty frame gives a
    map without points.

    *highlight* is a set of provinces (ISO 3166-2 codes such as ``"PK-BA"``; bare codes and
    names are accepted) drawn a shade darker. *title* is printed above the map.

    The caller chooses the resolution: ``fig.savefig(path, dpi=200)``.
    """
    df = _clean_points(points)
    highlighted = _highlight_codes(highlight)

    fig = Figure(figsize=(FIGSIZE_CM[0] / 2.54, FIGSIZE_CM[1] / 2.54))
    FigureCanvasAgg(fig)
    title_lines = textwrap.wrap(title, 78) if title else []
    top = 0.985 - 0.058 * len(title_lines) - (0.005 if title_lines else 0.0)
    ax = fig.add_axes((0.01, 0.055, 0.98, top - 0.055))
    ax.set_axis_off()

    # --- extent and aspect ---------------------------------------------------------------
    x0, y0, x1, y1 = _bounds()
    if len(df):
        x0, x1 = min(x0, df["longitude"].min()), max(x1, df["longitude"].max())
        y0, y1 = min(y0, df["latitude"].min()), max(y1, df["latitude"].max())
    pad_x, pad_y = 0.04 * (x1 - x0) + 0.3, 0.04 * (y1 - y0) + 0.3
    x0, x1, y0, y1 = x0 - pad_x, x1 + pad_x, y0 - pad_y, y1 + pad_y
    mid_lat = 0.5 * (y0 + y1)
    coslat = max(math.cos(math.radians(mid_lat)), 0.05)
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
    provinces = _provinces()
    for code, _name, polys in provinces:
        hl = code in highlighted
        ax.add_patch(PathPatch(
            _polygon_path(polys),
            facecolor=_FILL_HIGHLIGHT if hl else _FILL,
            edgecolor=_BORDER, linewidth=0.8 if hl else 0.5,
            joinstyle="round", zorder=1))

    # --- points ---------------------------------------------------------------------------
    max_killed = float(df["killed"].max()) if len(df) else 0.0
    scale = _MAX_MARKER_AREA / max_killed if max_killed > 0 else 0.0

    def area(k: float) -> float:
        return k * scale if k > 0 else _ZERO_MARKER_AREA

    sizes = np.array([area(k) for k in df["killed"]])
    hit = df["killed"].to_numpy() > 0
    if hit.any():
        ax.scatter(df["longitude"][hit], df["latitude"][hit], s=sizes[hit],
                   facecolor=_POINT, edgecolor=_POINT_EDGE, alpha=0.72,
                   linewidth=0.6, zorder=3)
        ax.scatter(df["longitude"][hit], df["latitude"][hit], s=1.5,
                   color=_POINT_EDGE, linewidth=0, zorder=3.1)
    if (~hit).any():
        ax.scatter(df["longitude"][~hit], df["latitude"][~hit], s=sizes[~hit],
                   facecolor="white", edgecolor=_POINT_EDGE, linewidth=1.0, zorder=3.2)

    frame = ax.get_window_extent(renderer)
    placer = _Placer(renderer, frame)
    px_per_pt = fig.dpi / 72.0
    centres = ax.transData.transform(df[["longitude", "latitude"]].to_numpy()) if len(df) else []
    for (cx, cy), s in zip(centres, sizes):
        r = math.sqrt(s) / 2 * px_per_pt
        placer.block(Bbox.from_extents(cx - r, cy - r, cx + r, cy + r))

    # --- legend (corner with the least map underneath) and scale bar -----------------------
    corner = _emptiest_corner(ax, df)
    legend = None
    if len(df):
        legend = _size_legend(ax, df, area, corner)
        placer.block(legend.get_window_extent(renderer))
    bar_corner = "lower left" if corner != "lower left" else "lower right"
    for artist in _scale_bar(ax, coslat, bar_corner):
        placer.block(artist.get_window_extent(renderer))

    # --- point labels: most killed first ---------------------------------------------------
    # A pale box, not a stroked halo: a halo turns each label into outlines in the SVG (about
    # 20 KB a label, half the briefing's HTML for 2.5M events, and 0.2 s of PDF rendering);
    # boxed labels stay text, which the PDF can also search.
    halo = dict(boxstyle="round,pad=0.12", facecolor="white", edgecolor="none", alpha=0.8)
    for (lon, lat), s, text in zip(df[["longitude", "latitude"]].to_numpy(), sizes, df["label"]):
        if not text.strip():
            continue
        gap = math.sqrt(s) / 2 + 2.5
        ann = ax.annotate(
            text, xy=(lon, lat), xytext=(gap, 0), textcoords="offset points",
            fontsize=_POINT_FONT, color=_TEXT, ha="left", va="center", zorder=5,
            bbox=halo, annotation_clip=False,
            arrowprops=dict(arrowstyle="-", color=_TEXT, linewidth=0.4,
                            shrinkA=0, shrinkB=math.sqrt(s) / 2 + 0.5, alpha=0.0))
        placer.place(ann, _label_moves(ann, gap))

    # --- province names -------------------------------------------------------------------
    # Big provinces first: they have room inside; small ones then go outside with a leader.
    by_size = sorted(provinces, key=lambda f: -max(abs(_ring_area(p[0])) for p in f[2]))
    land = [ax.transData.transform_path(_polygon_path(polys)) for _, _, polys in provinces]
    for code, name, polys in by_size:
        _place_province_label(ax, placer, name, polys, code in highlighted, land)

    # --- title and credit -----------------------------------------------------------------
    if title:
        fig.text(0.012, 0.985, "\n".join(title_lines), ha="left", va="top", fontsize=9,
                 fontweight="bold", color=_TEXT, linespacing=1.25)
    fig.text(0.012, 0.012, CREDIT, ha="left", va="bottom", fontsize=5.5, color=_CREDIT_TEXT)
    return fig


def _label_moves(ann, gap: float) -> list:
    """Candidate positions around a circle: near ones first, then farther with a leader line."""
    d = gap * 0.75
    near = [((gap, 0), "left", "center"), ((-gap, 0), "right", "center"),
            ((d, d), "left", "bottom"), ((d, -d), "left", "top"),
            ((-d, d), "right", "bottom"), ((-d, -d), "right", "top"),
            ((0, gap), "center", "bottom"), ((0, -gap), "center", "top")]
    moves = []
    for (dx, dy), ha, va in near:
        moves.append(_mover(ann, dx, dy, ha, va, leader=False))
    for extra in (10, 20, 32, 46):
        for (dx, dy), ha, va in near:
            norm = math.hypot(dx, dy) or 1.0
            moves.append(_mover(ann, dx + extra * dx / norm, dy + extra * dy / norm, ha, va,
                                leader=True))
    return moves


def _mover(ann, dx, dy, ha, va, leader: bool):
    def move():
        ann.xyann = (dx, dy)
        ann.set_ha(ha)
        ann.set_va(va)
        ann.arrow_patch.set_alpha(0.8 if leader else 0.0)
    return move


def _place_province_label(ax, placer: _Placer, name: str, polys, highlighted: bool,
                          land: list) -> None:
    """Name a province inside it if the name fits, else on blank paper with a leader line."""
    largest = max(polys, key=lambda p: abs(_ring_area(p[0])))
    text = textwrap.fill(name, 12)
    style = dict(fontsize=_PROVINCE_FONT, color=_PROVINCE_TEXT, style="italic",
                 fontweight="bold" if highlighted else "normal", zorder=2, linespacing=1.0)
    txt = ax.text(0, 0, text, ha="center", va="center", **style)
    renderer = placer.renderer
    to_px = ax.transData.transform
    outline = ax.transData.transform_path(_polygon_path([largest]))

    # Inside: the first spot, widest scan line first, whose whole text box (probed on a
    # 5 x 3 grid) lies inside the province and overlaps nothing already placed.
    # The text's box only moves with it: measure it once and translate it (measuring text
    # at every candidate spot was most of the map's time).
    segments = _interior_segments(largest)
    origin = to_px((0.0, 0.0))
    box0 = _text_box(txt, renderer)
    for lo, hi, y in segments:
        for frac in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
            x = lo + frac * (hi - lo)
            px, py = to_px((x, y)) - origin
            box = box0.translated(px, py).expanded(1.06, 1.1)
            if outline.contains_points(_probe_points(box)).all() and placer.cost(box) == 0:
                txt.set_position((x, y))
                placer.block(box)
                return

    # Too small for its name: label it outside, east or west, with a leader line to a
    # point inside the province.
    txt.remove()
    if segments:
        lo, hi, y = segments[0]
        anchor = (0.5 * (lo + hi), y)
    else:  # degenerate outline: any vertex will do
        anchor = tuple(largest[0].mean(axis=0))
        y = anchor[1]
    ann = ax.annotate(text, xy=anchor, xytext=(0, 0), textcoords="offset points",
                      annotation_clip=False,
                      arrowprops=dict(arrowstyle="-", color=_PROVINCE_TEXT, linewidth=0.4,
                                      shrinkA=1, shrinkB=0), **style)
    # Candidate spots on blank paper (outside every province), nearest first: for several
    # vertical offsets, step away east and west until the text box clears the land.
    # As inside, the text's box is measured once per alignment and translated (points to
    # pixels) to each offset.
    points = ax.figure.dpi / 72.0
    box0 = {}
    for ha in ("left", "right"):
        _mover(ann, 0, 0, ha, "center", True)()
        box0[ha] = _text_box(ann, renderer)
    candidates = []
    for dy in (0, -9, 9, -18, 18, -27, 27):
        for side in (1, -1):
            for step in range(1, 40):
                dx = side * 6.0 * step
                box = box0["left" if side > 0 else "right"].translated(dx * points, dy * points)
                if not placer.cost(box) < 1e9:  # left the frame
                    break
                if not any(path.contains_points(_probe_points(box)).any() for path in land):
                    candidates.append((math.hypot(dx, dy), dx, dy, side))
                    break
    candidates.sort()
    moves = [_mover(ann, dx + 4 * side, dy, "left" if side > 0 else "right", "center", True)
             for _, dx, dy, side in candidates]
    if not moves:  # nowhere blank: sit just east of the anchor
        moves = [_mover(ann, 8, 0, "left", "center", True)]
    placer.place(ann, moves)


def _probe_points(box: Bbox, nx: int = 5, ny: int = 3) -> np.ndarray:
    xs = np.linspace(box.x0, box.x1, nx)
    ys = np.linspace(box.y0, box.y1, ny)
    return np.array([(x, y) for x in xs for y in ys])


def _emptiest_corner(ax, df: pd.DataFrame) -> str:
    """The axes corner (lower right, upper left, ...) with the fewest points and borders."""
    inv = ax.transAxes.inverted()
    pts = [inv.transform(ax.transData.transform(r)) for _, _, polys in _provinces()
           for p in polys for r in (p[0][::3],)]
    border = np.concatenate(pts)
    incidents = (inv.transform(ax.transData.transform(df[["longitude", "latitude"]].to_numpy()))
                 if len(df) else np.empty((0, 2)))
    boxes = {"lower right": (0.72, 0.0, 1.0, 0.34), "upper left": (0.0, 0.66, 0.28, 1.0),
             "lower left": (0.0, 0.0, 0.28, 0.34), "upper right": (0.72, 0.66, 1.0, 1.0)}
    best, best_score = "lower right", None
    for name, (bx0, by0, bx1, by1) in boxes.items():  # dict order = preference on ties
        def count(a):
            return int(((a[:, 0] >= bx0) & (a[:, 0] <= bx1)
                        & (a[:, 1] >= by0) & (a[:, 1] <= by1)).sum())
        score = count(border) + 50 * count(incidents)
        if best_score is None or score < best_score:
            best, best_score = name, score
    return best


def _size_legend(ax, df: pd.DataFrame, area, corner: str):
    refs = _nice_refs(float(df["killed"].max()))
    handles = [Line2D([], [], linestyle="none", marker="o", markersize=math.sqrt(area(v)),
                      markerfacecolor=_POINT, markeredgecolor=_POINT_EDGE, alpha=0.72,
                      markeredgewidth=0.6, label=f"{v:,}")
               for v in refs]
    if (df["killed"] <= 0).any():
        handles.append(Line2D([], [], linestyle="none", marker="o",
                              markersize=math.sqrt(_ZERO_MARKER_AREA),
                              markerfacecolor="white", markeredgecolor=_POINT_EDGE,
                              markeredgewidth=1.0, label="0 or not reported"))
    # Every row as tall and the handle column as wide as the biggest circle (in font units).
    fontsize = 6.0
    biggest = max((h.get_markersize() for h in handles), default=fontsize) / fontsize
    return ax.legend(handles=handles, title="Killed", loc=corner, frameon=False,
                     fontsize=fontsize, title_fontsize=6.5, alignment="left",
                     handleheight=max(1.0, biggest), handlelength=max(1.0, biggest),
                     labelspacing=0.35, handletextpad=0.8, borderpad=0.6)


def _scale_bar(ax, coslat: float, corner: str) -> list:
    """A 0-100-200 km bar near *corner*; returns its artists."""
    km = 200
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    length = km / (_KM_PER_DEG_LAT * coslat)
    y = y0 + 0.05 * (y1 - y0)
    if corner == "lower left":
        start = x0 + 0.04 * (x1 - x0)
    else:
        start = x1 - 0.04 * (x1 - x0) - length
    xs = [start, start + length / 2, start + length]
    tick = 0.008 * (y1 - y0)
    artists = [ax.plot([xs[0], xs[2]], [y, y], color=_TEXT, linewidth=0.8,
                       solid_capstyle="butt", zorder=4)[0]]
    for x in xs:
        artists.append(ax.plot([x, x], [y - tick, y + tick], color=_TEXT, linewidth=0.6,
                               zorder=4)[0])
    for x, t in zip(xs, ("0", f"{km // 2}", f"{km}")):
        artists.append(ax.text(x, y + 1.8 * tick, t, ha="center", va="bottom",
                               fontsize=5.5, color=_TEXT, zorder=4))
    artists.append(ax.annotate("km", xy=(xs[-1], y), xytext=(4, 0), textcoords="offset points",
                               ha="left", va="center", fontsize=5.5, color=_TEXT, zorder=4))
    return artists
