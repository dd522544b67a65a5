"""What sits around the points: the size legend with round reference values, the scale bar,
and the emptiest corner to put them in."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from sitrep.brief.maps.style import KM_PER_DEG_LAT, POINT, POINT_EDGE, TEXT, ZERO_MARKER_AREA


def nice_refs(max_value: float) -> list[int]:
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




def emptiest_corner(ax, df: pd.DataFrame, provinces) -> str:
    """The axes corner (lower right, upper left, ...) with the fewest points and borders."""
    inv = ax.transAxes.inverted()
    pts = [inv.transform(ax.transData.transform(r)) for prov in provinces
           for p in prov.polys for r in (p[0][::3],)]
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


def size_legend(ax, df: pd.DataFrame, area, corner: str):
    refs = nice_refs(float(df["killed"].max()))
    handles = [Line2D([], [], linestyle="none", marker="o", markersize=math.sqrt(area(v)),
                      markerfacecolor=POINT, markeredgecolor=POINT_EDGE, alpha=0.72,
                      markeredgewidth=0.6, label=f"{v:,}")
               for v in refs]
    if (df["killed"] <= 0).any():
        handles.append(Line2D([], [], linestyle="none", marker="o",
                              markersize=math.sqrt(ZERO_MARKER_AREA),
                              markerfacecolor="white", markeredgecolor=POINT_EDGE,
                              markeredgewidth=1.0, label="0 or not reported"))
    if "militants" in df and (df["militants"] > 0).any():
        handles.append(Line2D([], [], linestyle="none", marker="x", markersize=6,
                              color="black", markeredgewidth=1.1,
                              label="militants killed (not victims)"))
    # Every row as tall and the handle column as wide as the biggest circle (in font units).
    fontsize = 6.0
    biggest = max((h.get_markersize() for h in handles), default=fontsize) / fontsize
    return ax.legend(handles=handles, title="Killed", loc=corner, frameon=False,
                     fontsize=fontsize, title_fontsize=6.5, alignment="left",
                     handleheight=max(1.0, biggest), handlelength=max(1.0, biggest),
                     labelspacing=0.35, handletextpad=0.8, borderpad=0.6)


def bar_length(width_km: float) -> int:
    """The largest round length (1, 2 or 5 times a power of ten km) within a sixth of the
    map's width (so at least a fifteenth, room for its three numbers): 200 km across
    Pakistan, 1,000 km across Russia, 5 km across Malta."""
    nice = [m * 10 ** e for e in range(0, 5) for m in (1, 2, 5)]
    return max([v for v in nice if v <= width_km / 6] or [1])


def scale_bar(ax, coslat: float, corner: str) -> list:
    """A 0-half-full km bar near *corner*, true at the map's middle latitude; returns its
    artists."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    km = bar_length((x1 - x0) * KM_PER_DEG_LAT * coslat)
    length = km / (KM_PER_DEG_LAT * coslat)
    y = y0 + 0.05 * (y1 - y0)
    if corner == "lower left":
        start = x0 + 0.04 * (x1 - x0)
    else:
        start = x1 - 0.04 * (x1 - x0) - length
    xs = [start, start + length / 2, start + length]
    tick = 0.008 * (y1 - y0)
    artists = [ax.plot([xs[0], xs[2]], [y, y], color=TEXT, linewidth=0.8,
                       solid_capstyle="butt", zorder=4)[0]]
    for x in xs:
        artists.append(ax.plot([x, x], [y - tick, y + tick], color=TEXT, linewidth=0.6,
                               zorder=4)[0])
    half = f"{km / 2:g}"
    for x, t in zip(xs, ("0", half, f"{km:,}")):
        artists.append(ax.text(x, y + 1.8 * tick, t, ha="center", va="bottom",
                               fontsize=5.5, color=TEXT, zorder=4))
    artists.append(ax.annotate("km", xy=(xs[-1], y), xytext=(4, 0), textcoords="offset points",
                               ha="left", va="center", fontsize=5.5, color=TEXT, zorder=4))
    return artists
