"""Matplotlib figures for the briefing, in one style that survives greyscale print.

Each function takes a table from :mod:`sitrep.tabulate.tables` and returns a Figure; :func:`to_svg`
turns it into inline SVG whose text stays text (searchable, and rendered in the PDF's fonts).
Categories differ by lightness and hatching, not by hue alone.
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from sitrep.schema import CATEGORIES, CATEGORY_LABELS  # noqa: E402

STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.titlesize": 9,
    "axes.labelsize": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#555555",
    "axes.linewidth": 0.6,
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    "legend.frameon": False,
    "legend.fontsize": 7.5,
    "svg.fonttype": "none",
    "text.parse_math": False,  # a "$" in a place name is text, not a formula
    "hatch.linewidth": 0.6,
}
matplotlib.rcParams.update(STYLE)

# Dark to light, then hatched: distinguishable in greyscale.
FILL = {"civilians": "#1f3b5c", "security_forces": "#5f86b0", "militants": "#b9cde0",
        "unknown": "#ffffff"}
HATCH = {"civilians": "", "security_forces": "", "militants": "", "unknown": "////"}
EDGE = "#333333"
WIDTH_CM = 16.0


def _figure(height_cm: float) -> Figure:
    return Figure(figsize=(WIDTH_CM / 2.54, height_cm / 2.54), layout="constrained")


def to_svg(fig: Figure) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]  # drop the XML prolog: the SVG is inlined into HTML


def stacked_killed(table: pd.DataFrame, index: str, title: str,
                   outcome: str = "killed") -> Figure:
    """Horizontal bars by ``index`` (province or district): category bests stacked, and the
    range of the total (low to high; an arrow when open) drawn over them."""
    t = table[table["outcome"] == outcome]
    labels = list(dict.fromkeys(t[index]))
    fig = _figure(3.0 + (1.3 if len(labels) <= 6 else 0.55) * max(len(labels), 1))
    ax = fig.add_subplot()
    if not labels:
        ax.text(0.5, 0.5, "No figures reported", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    # Few labels: two bars each, the categories stacked and below them the total with its
    # range. Many labels: one stacked bar each, the total's range drawn across it.
    two = len(labels) <= 6
    get = _cells(t, index)
    ys = [(2 if two else 1) * i for i in range(len(labels))]
    left = [0] * len(labels)
    for cat in CATEGORIES:
        vals = [int(get(lab, cat, "best") or 0) for lab in labels]
        if not any(vals):
            continue
        ax.barh(ys, vals, left=left, color=FILL[cat], hatch=HATCH[cat], edgecolor=EDGE,
                linewidth=0.5, height=0.8, label=CATEGORY_LABELS[cat])
        left = [a + b for a, b in zip(left, vals)]
    xmax = max(left)
    for y, lab in zip(ys, labels):
        low, best, high = get(lab, "all", "low"), get(lab, "all", "best"), get(lab, "all", "high")
        if best is None:
            continue
        if two:
            ax.barh([y + 1], [best], color="#777777", edgecolor=EDGE, linewidth=0.5,
                    height=0.8, label="_total")
        else:
            y = y - 1  # the range is drawn across the stacked bar itself
            ax.plot([best], [y + 1], marker="D", color="black", markersize=3)
        top = high if high is not None else max(best, low) * 1.25 + 1
        xmax = max(xmax, top)
        ax.plot([low, top], [y + 1, y + 1], color="black", linewidth=0.9)
        ax.plot([low, low], [y + 0.75, y + 1.25], color="black", linewidth=0.9)
        if high is None:
            ax.annotate("", xy=(top, y + 1), xytext=(top - 0.01 * xmax, y + 1),
                        arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 0.9})
        else:
            ax.plot([high, high], [y + 0.75, y + 1.25], color="black", linewidth=0.9)
    if two:
        ax.set_yticks([y for y in ys] + [y + 1 for y in ys],
                      [f"{lab}: by category" for lab in labels] + ["total" for _ in labels])
    else:
        ax.set_yticks(ys, labels)
    ax.set_xlim(0, xmax * 1.08)
    ax.invert_yaxis()
    ax.set_xlabel(f"People {outcome} (best estimate per category)")
    ax.set_title(title, loc="left", fontweight="bold")
    handles, names = ax.get_legend_handles_labels()
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    if two:
        handles.append(Patch(facecolor="#777777", edgecolor=EDGE, linewidth=0.5))
        names.append("Total (best estimate)")
    else:
        handles.append(Line2D([0], [0], color="black", marker="D", markersize=3, linewidth=0))
        names.append("Total (best estimate)")
    handles.append(Line2D([0], [0], color="black", linewidth=0.9))
    names.append("Range of the total; arrow = open-ended")
    fig.legend(handles, names, loc="outside lower center", ncol=3)
    ax.grid(axis="x", color="#dddddd", linewidth=0.5)
    ax.set_axisbelow(True)
    return fig


def _cells(t: pd.DataFrame, index: str):
    """get(label, category, column) -> int, or None when absent or open: one pass over the
    table instead of a filter per bar (a chart may have dozens of districts)."""
    cells: dict[tuple, dict] = {}
    for r in t[[index, "victim_category", "low", "best", "high"]].to_dict("records"):
        cells.setdefault((r[index], r["victim_category"]), r)

    def get(label: str, cat: str, col: str) -> int | None:
        value = cells.get((label, cat), {}).get(col)
        return None if value is None or pd.isna(value) else int(value)
    return get


def timeline(by_day: pd.DataFrame, outcome: str = "killed", per: str = "day") -> Figure:
    """Killed per day (or month): best as bars, the range as a whisker (arrow when open)."""
    t = by_day[(by_day["outcome"] == outcome) & (by_day["victim_category"] == "all")].copy()
    fig = _figure(5.5)
    ax = fig.add_subplot()
    if t.empty:
        ax.text(0.5, 0.5, "No figures reported", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    dates = pd.to_datetime(t["date"])
    if per == "month":
        full = pd.date_range(dates.min(), dates.max(), freq="MS")
        width = 20
    else:
        full = pd.date_range(dates.min() - pd.Timedelta(days=1),
                             dates.max() + pd.Timedelta(days=1))
        width = 0.6
    best = t.set_index(dates)["best"].astype(float).reindex(full, fill_value=0)
    ax.bar(full, best, width=width, color=FILL["civilians"], edgecolor=EDGE, linewidth=0.5,
           label="Best estimate")
    # One artist per kind of mark, not per day: a decade of months is 120 whiskers.
    low = t["low"].astype(float).to_numpy()
    open_ = t["high"].isna().to_numpy()
    hi = np.where(open_, np.maximum(low, 1) * 1.25 + 1,
                  t["high"].astype(float).fillna(0).to_numpy())
    top = max(float(best.max()), float(hi.max()))
    ax.vlines(dates, low, hi, color="black", linewidth=0.9)
    ax.plot(dates, low, linestyle="none", marker="_", color="black", markersize=8)
    ax.plot(dates[~open_], hi[~open_], linestyle="none", marker="_", color="black",
            markersize=5)
    ax.plot(dates[open_], hi[open_], linestyle="none", marker="^", color="black", markersize=5)
    ax.set_ylim(0, top * 1.15)
    ax.set_ylabel(f"People {outcome}")
    ax.set_title(f"People {outcome} per {per}", loc="left", fontweight="bold")
    import matplotlib.dates as mdates

    # Few ticks, each labelled only with what changes (day, month or year; the rest once at
    # the axis' end), so labels never run into each other, at 15 days, 12 months or 7 years.
    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(
        locator, formats=["%Y", "%b", "%d %b", "%H:%M", "%H:%M", "%S.%f"],
        offset_formats=["", "%Y", "%b %Y", "%d %b %Y", "%d %b %Y", "%d %b %Y %H:%M"]))
    ax.grid(axis="y", color="#dddddd", linewidth=0.5)
    ax.set_axisbelow(True)
    return fig
