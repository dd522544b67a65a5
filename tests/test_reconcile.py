"""Reports -> events: the residual, low/best/high across sources, claims apart, episodes."""

import pandas as pd

from conftest import small_log
import pytest

from sitrep.counts import parse_count
from sitrep.filters import make_filters
from sitrep.readers.native import read_native
from sitrep.reconcile import claims, lower_median, reconcile, report_figures

def load(tmp_path, rows: str, victims: str = ""):
    return small_log(tmp_path, rows, victims)


def fig(events, event, cat, outcome="killed"):
    r = events[(events.event_id == event) & (events.category == cat) & (events.outcome == outcome)]
    assert len(r) == 1, f"no single row for {event}/{cat}/{outcome}"
    r = r.iloc[0]
    return (int(r.low), int(r.best), None if pd.isna(r.high) else int(r.high))


def test_worked_example(tmp_path):
    """The issue's worked example, figure by figure."""
    result, ev = load(tmp_path, (
        "E,S1,2024-08-26,Pakistan,Balochistan,,,twelve,9,,,over 30\n"
        "E,S2,2024-08-26,Pakistan,Balochistan,,,10-14,9,6,,\n"
        "E,S3,2024-08-26,Pakistan,Balochistan,,,,50,,,\n"))
    f = result.figures.set_index(["source_id", "category"])
    # S1: unknown = 31 - (12 + 9) = 10, open because the total is; all = 31 and open.
    assert (f.loc[("S1", "unknown"), "low"], pd.isna(f.loc[("S1", "unknown"), "high"])) == (10, True)
    assert f.loc[("S1", "unknown"), "derived"] == "residual"
    # S2: no total, so all = the sum of its categories: 10+9+6 .. 14+9+6.
    assert (f.loc[("S2", "all"), "low"], f.loc[("S2", "all"), "high"]) == (25, 29)
    assert fig(ev, "E", "civilians") == (10, 12, 14)   # best: median of 12 and 12
    assert fig(ev, "E", "security_forces") == (9, 9, 9)  # S3's 50 is a claim: not counted
    assert fig(ev, "E", "militants") == (6, 6, 6)
    assert fig(ev, "E", "unknown") == (10, 10, None)
    assert fig(ev, "E", "all") == (25, 27, None)  # lower median of 31 and 27
    c = claims(result.reports, result.figures)
    assert c[["source_id", "category", "low"]].values.tolist() == [["S3", "security_forces", 50]]


def test_no_residual_when_total_equals_categories(tmp_path):
    _, ev = load(tmp_path, "E,S1,2024-08-26,Pakistan,Balochistan,,,5,5,,,10\n")
    assert ev[ev.category == "unknown"].empty
    assert fig(ev, "E", "all") == (10, 10, 10)


def test_episode_takes_the_larger_of_itself_and_its_parts(tmp_path):
    _, ev = load(tmp_path, (
        "EP,S1,2024-08-26,Pakistan,Balochistan,,,23,14,,,over 40\n"
        "EP,S2,2024-08-26,Pakistan,Balochistan,,,38,14,21,,at least 73\n"
        "A,S1,2024-08-26,Pakistan,Balochistan,Musakhail,EP,23,,,,23\n"
        "B,S1,2024-08-26,Pakistan,Balochistan,Kalat,EP,3,5,,,10-12\n"
        "B,S2,2024-08-26,Pakistan,Balochistan,Kalat,EP,5,5,,,10\n"))
    # Parts' civilians: A 23; B 3..5 (best 3). Sum 26..28, best 26. Own: 23..38, best 23.
    assert fig(ev, "EP", "civilians") == (26, 26, 38)
    # Security forces: own 14 (both), parts 5: the episode's own figure is larger.
    assert fig(ev, "EP", "security_forces") == (14, 14, 14)
    # All: own 41..open (best 41 = lower median of 41 and 73); parts 23 + 10..12 (best 11).
    assert fig(ev, "EP", "all") == (41, 41, None)
    assert set(ev.loc[ev.event_id == "A", "level"]) == {"part"}
    assert set(ev.loc[ev.event_id == "EP", "level"]) == {"event"}


def test_nested_episodes_fold_bottom_up(tmp_path):
    _, ev = load(tmp_path, (
        "TOP,S1,2024-08-26,Pakistan,Balochistan,,,,,,,\n"
        "MID,S1,2024-08-26,Pakistan,Balochistan,,TOP,,,,,\n"
        "L1,S1,2024-08-26,Pakistan,Balochistan,Kalat,MID,4,,,,\n"
        "L2,S1,2024-08-26,Pakistan,Balochistan,Kalat,MID,6,,,,\n"))
    assert fig(ev, "TOP", "civilians") == (10, 10, 10)


def test_open_part_makes_the_episode_open(tmp_path):
    _, ev = load(tmp_path, (
        "EP,S1,2024-08-26,Pakistan,Balochistan,,,,,,,20\n"
        "A,S1,2024-08-26,Pakistan,Balochistan,Kalat,EP,,,,,at least 5\n"
        "B,S1,2024-08-26,Pakistan,Balochistan,Kalat,EP,,,,,7\n"))
    assert fig(ev, "EP", "all") == (20, 20, None)


def test_report_figures_sum_when_no_total():
    out = report_figures({"civilians": parse_count("3"), "militants": parse_count("over 2")}, {})
    allf = [f for f in out if f["category"] == "all"][0]
    assert (allf["low"], allf["high"], allf["derived"]) == (6, None, "sum")


@pytest.mark.parametrize("values, expected", [([3], 3), ([1, 9], 1), ([5, 1, 9], 5),
                                              ([4, 1, 3, 2], 2)])
def test_lower_median(values, expected):
    import numpy as np

    assert lower_median(np.array(values)) == expected
