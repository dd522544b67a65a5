"""sitrep.brief.charts: the briefing's figures, built from small tables.

Bars for each category stacked per label (few labels: with a total bar; many: a diamond), the
range of the total (an arrow when open), the empty case; the timeline by day and by month with
its whiskers; inline SVG with text kept as text; and no pyplot global state.
"""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Annotation

from sitrep.brief import charts

COLS = ["label", "victim_category", "outcome", "low", "best", "high"]


def table(*rows) -> pd.DataFrame:
    t = pd.DataFrame([(*r[:5], pd.NA if r[5] is None else r[5]) for r in rows], columns=COLS)
    return t.astype({"low": "Int64", "best": "Int64", "high": "Int64"})


def two_provinces() -> pd.DataFrame:
    return table(
        ("Balochistan", "civilians", "killed", 5, 6, 8),
        ("Balochistan", "security_forces", "killed", 10, 10, 10),
        ("Balochistan", "all", "killed", 15, 16, None),
        ("Sindh", "civilians", "killed", 2, 2, 2),
        ("Sindh", "all", "killed", 2, 2, 2),
        ("Sindh", "all", "injured", 40, 40, 40),
    )


def bars(ax) -> dict[str, list[tuple[float, float]]]:
    """Per bar container: (left, width) of each bar."""
    out: dict[str, list] = {}
    for c in ax.containers:
        out.setdefault(c.get_label(), []).extend(
            (float(p.get_x()), float(p.get_width())) for p in c)
    return out


def test_stacked_bars_for_each_category_with_a_total_bar_per_label():
    fig = charts.stacked_killed(two_provinces(), "label", "People killed by province")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    b = bars(ax)
    # Categories present: civilians and security forces (militants and unknown have no bars).
    # Civilians: Balochistan 6, Sindh 2, from 0; security forces stacked on them: 10 from 6,
    # 0 from 2. Then one grey total bar per label: 16 and 2.
    assert b == {"Civilians": [(0, 6), (0, 2)],
                 "Security forces": [(6, 10), (2, 0)],
                 "_total": [(0, 16), (0, 2)]}
    # Two rows per label: "<label>: by category" then "total".
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Balochistan: by category", "Sindh: by category", "total", "total"]
    assert ax.get_title(loc="left") == "People killed by province"
    assert ax.get_xlabel() == "People killed (best estimate per category)"


def test_the_range_of_the_total_and_an_arrow_when_open():
    ax = charts.stacked_killed(two_provinces(), "label", "t").axes[0]
    # Balochistan's total is 15 to open: the range runs from 15 to 16 * 1.25 + 1 = 21 with an
    # arrow; Sindh's is 2 to 2, closed: no arrow.
    arrows = [t for t in ax.texts if isinstance(t, Annotation)]
    assert len(arrows) == 1
    assert tuple(arrows[0].xy) == (21, 1)
    ranges = [(list(l.get_xdata()), list(l.get_ydata())) for l in ax.lines]
    assert ([15, 21], [1, 1]) in ranges      # Balochistan's total bar sits at y = 1
    assert ([2, 2], [3, 3]) in ranges        # Sindh's at y = 3
    # The axis reaches past the arrow: 21 * 1.08.
    assert ax.get_xlim() == pytest.approx((0, 21 * 1.08))


def test_outcome_chooses_the_rows():
    ax = charts.stacked_killed(two_provinces(), "label", "t", outcome="injured").axes[0]
    # Injured: only Sindh, with a total and no category -> no category bars, one total bar.
    assert bars(ax) == {"_total": [(0, 40)]}
    assert ax.get_xlabel() == "People injured (best estimate per category)"


def test_many_labels_get_one_bar_each_and_a_diamond_for_the_total():
    rows = []
    for i in range(8):  # more than 6 labels
        rows += [(f"D{i}", "militants", "killed", i + 1, i + 1, i + 1),
                 (f"D{i}", "all", "killed", i + 1, i + 1, i + 1)]
    ax = charts.stacked_killed(table(*rows), "label", "t").axes[0]
    b = bars(ax)
    assert b == {"Militants": [(0, i + 1) for i in range(8)]}  # no separate total bars
    assert [t.get_text() for t in ax.get_yticklabels()] == [f"D{i}" for i in range(8)]
    diamonds = [l for l in ax.lines if l.get_marker() == "D"]
    # One per label, at its best, on its own bar (y = i).
    assert [(float(l.get_xdata()[0]), float(l.get_ydata()[0])) for l in diamonds] == \
        [(i + 1, i) for i in range(8)]


def test_no_figures():
    ax = charts.stacked_killed(two_provinces().iloc[0:0], "label", "t").axes[0]
    assert [t.get_text() for t in ax.texts] == ["No figures reported"]
    assert not ax.axison and not ax.containers


def by_day(*rows) -> pd.DataFrame:
    t = pd.DataFrame([(d, c, o, lo, b, pd.NA if h is None else h) for d, c, o, lo, b, h in rows],
                     columns=["date", "victim_category", "outcome", "low", "best", "high"])
    return t.astype({"low": "Int64", "best": "Int64", "high": "Int64"})


def test_timeline_by_day_fills_the_days_between_and_around():
    t = by_day(("2024-08-25", "all", "killed", 8, 10, 12),
               ("2024-08-25", "civilians", "killed", 3, 3, 3),
               ("2024-08-27", "all", "killed", 5, 5, None),
               ("2024-08-27", "all", "injured", 90, 90, 90))
    ax = charts.timeline(t).axes[0]
    # One bar per day from the day before the first to the day after the last (24..28
    # August), the days without figures at 0; only "all" and "killed" rows count.
    heights = [p.get_height() for p in ax.containers[0]]
    assert heights == [0, 10, 0, 5, 0]
    assert ax.get_title(loc="left") == "People killed per day"
    assert ax.get_ylabel() == "People killed"
    # Whiskers: 8 to 12 closed (a bar end at 12); 5 to open: an upward triangle at
    # max(5, 1) * 1.25 + 1 = 7.25.
    tri = [l for l in ax.lines if l.get_marker() == "^"]
    assert len(tri) == 1 and list(tri[0].get_ydata()) == [7.25]
    low = [l for l in ax.lines if l.get_marker() == "_" and l.get_markersize() == 8]
    assert list(low[0].get_ydata()) == [8, 5]
    # The y axis reaches past the highest mark: max(10, 12) * 1.15.
    assert ax.get_ylim() == pytest.approx((0, 12 * 1.15))


def test_timeline_by_month():
    t = by_day(("2024-01-01", "all", "killed", 4, 4, 4),
               ("2024-04-01", "all", "killed", 7, 9, 11))
    ax = charts.timeline(t, per="month").axes[0]
    # January to April: four month bars, February and March at 0.
    assert [p.get_height() for p in ax.containers[0]] == [4, 0, 0, 9]
    assert ax.get_title(loc="left") == "People killed per month"


def test_timeline_without_figures():
    t = by_day(("2024-08-25", "all", "injured", 1, 1, 1))
    ax = charts.timeline(t).axes[0]  # no killed rows
    assert [x.get_text() for x in ax.texts] == ["No figures reported"]
    assert not ax.axison


def test_svg_is_inline_and_keeps_text_as_text():
    t = two_provinces()
    t["label"] = t["label"].replace({"Sindh": "Dera $Bugti$ & Kohlu"})
    svg = charts.to_svg(charts.stacked_killed(t, "label", "People killed by province"))
    # No XML prolog (it is inlined into HTML), and no date in its metadata.
    assert svg.startswith("<svg") and "<?xml" not in svg and "<dc:date>" not in svg
    # svg.fonttype none: the title and labels are <text> elements, searchable in the PDF;
    # "$" is not a formula and "&" is escaped.
    assert ">People killed by province</text>" in svg
    assert ">Balochistan: by category</text>" in svg
    assert ">Dera $Bugti$ &amp; Kohlu: by category</text>" in svg
    assert "<path" in svg and "glyph" not in svg  # no text drawn as outlines


def test_no_pyplot_global_state():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    charts.stacked_killed(two_provinces(), "label", "t")
    charts.timeline(by_day(("2024-08-25", "all", "killed", 1, 2, 3)))
    assert plt.get_fignums() == before  # no figure registered with pyplot


def test_charts_do_not_import_pyplot():
    # In a fresh interpreter: building and saving a figure never loads matplotlib.pyplot.
    code = ("import sys, pandas as pd\n"
            "from sitrep.brief import charts\n"
            "t = pd.DataFrame({'date': ['2024-08-25'], 'victim_category': ['all'],"
            " 'outcome': ['killed'], 'low': [1], 'best': [2], 'high': [3]})\n"
            "charts.to_svg(charts.timeline(t))\n"
            "print('matplotlib.pyplot' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("dates, per", [
    (pd.date_range("2024-08-01", "2024-08-15"), "day"),                  # 15 days
    (pd.date_range("2024-01-01", "2024-12-01", freq="MS"), "month"),     # 12 months
    (pd.date_range("2017-01-01", "2023-12-01", freq="MS"), "month"),     # 7 years
])
def test_date_labels_never_overlap(dates, per):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    t = pd.DataFrame({"date": [d.date().isoformat() for d in dates], "outcome": "killed",
                      "victim_category": "all", "low": 1, "best": 2, "high": 3})
    fig = charts.timeline(t, per=per)
    FigureCanvasAgg(fig).draw()
    renderer = fig.canvas.get_renderer()
    boxes = [lab.get_window_extent(renderer) for lab in fig.axes[0].get_xticklabels()
             if lab.get_text()]
    assert len(boxes) >= 3
    assert not any(a.overlaps(b) for a, b in zip(boxes, boxes[1:]))
