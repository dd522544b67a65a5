"""Reports -> events: the counting rule of docs/counting-rules.md, figure by figure."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import small_log
from sitrep import clean
from sitrep.tabulate import tables
from sitrep.clean.filters import make_filters
from sitrep.clean.readers.native import read_native
from sitrep.clean.reconcile import claims, lower_median, reconcile

HEAD = ("event_id,source_id,event_date,country,province,district,part_of,origin,total_excludes,"
        "killed_civilians,killed_security_forces,killed_militants,killed_unknown,killed_total\n")
SOURCES = ("source_id,publisher,published,title,url,source_type\n"
           "M1,Media One,2024-08-26,t,,media\n"
           "M2,Media Two,2024-08-26,t,,media\n"
           "M3,Media Three,2024-08-27,t,,media\n"
           "O1,Ministry,2024-08-26,t,,official\n"
           "R1,Relay News,2024-08-27,t,,media\n"
           "C1,Armed group,2024-08-26,t,,perpetrator_claim\n")


def log(folder: Path, rows: str):
    (folder / "incidents.csv").write_text(HEAD + rows, encoding="utf-8")
    (folder / "sources.csv").write_text(SOURCES, encoding="utf-8")
    result = read_native(folder, make_filters())
    assert not [p for p in result.problems if p.severity == "error"], result.problems
    return result, clean.count(result)


def fig(events, event, cat, outcome="killed"):
    r = events[(events.event_id == event) & (events.category == cat) & (events.outcome == outcome)]
    assert len(r) == 1, f"no single row for {event}/{cat}/{outcome}"
    r = r.iloc[0]
    return (int(r.low), int(r.best), None if pd.isna(r.high) else int(r.high))


WORKED = (
    "P,M1,2024-08-26,Pakistan,Balochistan,,,,,20,10,,,over 40\n"
    "P,M2,2024-08-26,Pakistan,Balochistan,,,,,,,,,50\n"
    "P,O1,2024-08-26,Pakistan,Balochistan,,,O1,,,12,15,,\n"
    "P,R1,2024-08-26,Pakistan,Balochistan,,,O1,,,12,15,,\n"
    "P,C1,2024-08-26,Pakistan,Balochistan,,,,,,100,,,\n"
    "A,M1,2024-08-26,Pakistan,Balochistan,Kalat,P,,,5,3,,,9\n"
    "A,M2,2024-08-26,Pakistan,Balochistan,Kalat,P,,,,,,,7\n"
    "B,O1,2024-08-26,Pakistan,Balochistan,Kachhi,P,,,,,,,6\n")


def test_worked_example(tmp_path):
    """The issue's worked example, figure by figure, down to casualties.csv."""
    result, ev = log(tmp_path, WORKED)
    assert fig(ev, "A", "civilians") == (5, 5, 5)
    assert fig(ev, "A", "security_forces") == (3, 3, 3)
    assert fig(ev, "A", "unknown") == (0, 0, 1)
    assert fig(ev, "A", "all") == (8, 8, 9)
    assert fig(ev, "B", "unknown") == (6, 6, 6)
    assert fig(ev, "B", "all") == (6, 6, 6)
    assert fig(ev, "P", "civilians") == (20, 20, 20)
    assert fig(ev, "P", "security_forces") == (10, 10, 12)
    assert fig(ev, "P", "militants") == (15, 15, 15)
    assert fig(ev, "P", "unknown") == (6, 6, None)
    assert fig(ev, "P", "all") == (51, 51, None)
    c = tables.casualties(ev)
    assert c[["victim_category", "low", "best", "high"]].astype(object).where(
        c[["victim_category", "low", "best", "high"]].notna(), None).values.tolist() == [
        ["civilians", 20, 20, 20], ["security_forces", 10, 10, 12], ["militants", 15, 15, 15],
        ["unknown", 6, 6, None], ["all", 51, 51, None]]
    warned = [p for p in result.problems if p.severity == "warning"]
    assert [(p.line, p.value) for p in warned] == [(8, "7")]
    assert "below the 8 that event A's categories count" in warned[0].message
    # C1's 100 appears only among the claims.
    cl = claims(result.reports, result.figures)
    assert cl[["source_id", "category", "low"]].values.tolist() == [["C1", "security_forces", 100]]


def test_a_report_sum_of_its_categories_is_not_a_total(tmp_path):
    # ISPR-like: 14 + 21 and no total; a media total of 40. The total is 40 + nothing unknown
    # beyond the categories (35 <= 40: U = 5), never a median of "35" and 40.
    _, ev = log(tmp_path, (
        "E,O1,2024-08-26,Pakistan,Balochistan,,,,,,14,21,,\n"
        "E,M1,2024-08-26,Pakistan,Balochistan,,,,,,,,,40\n"))
    assert fig(ev, "E", "unknown") == (5, 5, 5)
    assert fig(ev, "E", "all") == (40, 40, 40)


def test_unknown_does_not_count_again_dead_under_a_category(tmp_path):
    # One source: total 20, no breakdown. Another: 12 civilians. The unknown is 8, not 20.
    _, ev = log(tmp_path, (
        "E,M1,2024-08-26,Pakistan,Balochistan,,,,,,,,,20\n"
        "E,M2,2024-08-26,Pakistan,Balochistan,,,,,12,,,,\n"))
    assert fig(ev, "E", "civilians") == (12, 12, 12)
    assert fig(ev, "E", "unknown") == (8, 8, 8)
    assert fig(ev, "E", "all") == (20, 20, 20)


def test_relays_count_once_with_the_latest_figure(tmp_path):
    # M1 and M3 carry O1's figure (same origin): M3 (27 Aug) is the later; M2 is independent.
    _, ev = log(tmp_path, (
        "E,M1,2024-08-26,Pakistan,Balochistan,,,SSP,,,8,,,\n"
        "E,M3,2024-08-26,Pakistan,Balochistan,,,SSP,,,11,,,\n"
        "E,M2,2024-08-26,Pakistan,Balochistan,,,,,,9,,,\n"))
    row = ev[(ev.event_id == "E") & (ev.category == "security_forces")].iloc[0]
    assert fig(ev, "E", "security_forces") == (9, 9, 11)  # lower median of 11 and 9
    assert int(row.n_reports) == 2 and row.sources == "M1;M2;M3"


def test_relays_tie_on_date_take_the_later_row(tmp_path):
    _, ev = log(tmp_path, (
        "E,M1,2024-08-26,Pakistan,Balochistan,,,SSP,,,8,,,\n"
        "E,M2,2024-08-26,Pakistan,Balochistan,,,SSP,,,10,,,\n"))
    assert fig(ev, "E", "security_forces") == (10, 10, 10)


def test_a_total_that_leaves_out_the_attackers(tmp_path):
    # "40 killed; 21 militants also died": the 40 counts victims only. Militants across reports:
    # 21 and 12 (best 12, lower median). Civilians 30: the unknown is 40 - 30 = 10.
    _, ev = log(tmp_path, (
        "E,M1,2024-08-26,Pakistan,Balochistan,,,,militants,,,21,,at least 40\n"
        "E,M2,2024-08-26,Pakistan,Balochistan,,,,,30,,12,,\n"))
    assert fig(ev, "E", "militants") == (12, 12, 21)
    # S = 40+ plus the event's militants (12..21, best 12): 52 and open; U.low = 52 - (30 + 21).
    assert fig(ev, "E", "unknown") == (1, 10, None)
    assert fig(ev, "E", "all") == (52, 52, None)  # 30 + 12 + 10; low max(40 + 12, 42 + 1)


def test_victims_only_total_is_not_warned_against_the_militants(tmp_path):
    result, _ = log(tmp_path, (
        "E,M1,2024-08-26,Pakistan,Balochistan,,,,militants,5,,21,,10\n"))
    assert not [p for p in result.problems if p.severity == "warning"]


def test_episode_takes_the_larger_of_itself_and_its_parts(tmp_path):
    _, ev = log(tmp_path, (
        "EP,M1,2024-08-26,Pakistan,Balochistan,,,,,23,14,,,over 40\n"
        "EP,O1,2024-08-26,Pakistan,Balochistan,,,,,38,14,21,,at least 73\n"
        "A,M1,2024-08-26,Pakistan,Balochistan,Musakhail,EP,,,23,,,,23\n"
        "B,M1,2024-08-26,Pakistan,Balochistan,Kalat,EP,,,3,5,,,10-12\n"
        "B,O1,2024-08-26,Pakistan,Balochistan,Kalat,EP,,,5,5,,,10\n"))
    # Parts' civilians: A 23; B 3..5 (best 3). Sum 26..28, best 26. Own: 23..38, best 23.
    assert fig(ev, "EP", "civilians") == (26, 26, 38)
    assert fig(ev, "EP", "security_forces") == (14, 14, 14)
    assert fig(ev, "EP", "militants") == (21, 21, 21)
    # B: S = 10 (10..12), categories 8: U = 2 (0..4). EP's own S 41 and open, U 0; folded U 2.
    assert fig(ev, "B", "unknown") == (0, 2, 4)
    assert fig(ev, "EP", "unknown") == (0, 2, None)
    # 26 + 14 + 21 + 2; low = the categories' lows 26 + 14 + 21 (S's 41 is below them).
    assert fig(ev, "EP", "all") == (61, 63, None)
    assert set(ev.loc[ev.event_id == "A", "level"]) == {"part"}
    assert set(ev.loc[ev.event_id == "EP", "level"]) == {"event"}


def test_nested_episodes_fold_bottom_up(tmp_path):
    _, ev = log(tmp_path, (
        "TOP,M1,2024-08-26,Pakistan,Balochistan,,,,,,,,,\n"
        "MID,M1,2024-08-26,Pakistan,Balochistan,,TOP,,,,,,,\n"
        "L1,M1,2024-08-26,Pakistan,Balochistan,Kalat,MID,,,4,,,,\n"
        "L2,M1,2024-08-26,Pakistan,Balochistan,Kalat,MID,,,6,,,,\n"))
    assert fig(ev, "TOP", "civilians") == (10, 10, 10)
    assert fig(ev, "TOP", "all") == (10, 10, 10)


def test_open_part_makes_the_episode_open(tmp_path):
    _, ev = log(tmp_path, (
        "EP,M1,2024-08-26,Pakistan,Balochistan,,,,,,,,,20\n"
        "A,M1,2024-08-26,Pakistan,Balochistan,Kalat,EP,,,,,,,at least 5\n"
        "B,M1,2024-08-26,Pakistan,Balochistan,Kalat,EP,,,,,,,7\n"))
    assert fig(ev, "EP", "all") == (20, 20, None)
    assert fig(ev, "EP", "unknown") == (20, 20, None)


def test_reports_keep_what_the_source_said(tmp_path):
    # The per-report view: stated figures only, nothing derived (no residual, no summed total).
    result, _ = log(tmp_path, "E,M1,2024-08-26,Pakistan,Balochistan,,,,,3,over 2,,,\n")
    f = result.figures
    assert sorted(f["category"]) == ["civilians", "security_forces"]
    assert set(f["derived"]) == {""}


def test_small_log_helper_still_reconciles(tmp_path):
    _, ev = small_log(tmp_path, "E,S1,2024-08-26,Pakistan,Balochistan,,,5,5,,,10\n")
    assert ev[ev.category == "unknown"].empty  # nothing left unexplained: no unknown row
    assert fig(ev, "E", "all") == (10, 10, 10)


@pytest.mark.parametrize("values, expected", [([3], 3), ([1, 9], 1), ([5, 1, 9], 5),
                                              ([4, 1, 3, 2], 2)])
def test_lower_median(values, expected):
    assert lower_median(np.array(values)) == expected


# --- the property: at every level, categories + unknown = total on the best -----------------

CELL = st.one_of(st.just(""), st.integers(0, 60).map(str),
                 st.integers(0, 60).map(lambda n: f"at least {n}"),
                 st.integers(0, 60).map(lambda n: f"over {n}"),
                 st.tuples(st.integers(0, 30), st.integers(0, 30)).map(
                     lambda t: f"{min(t)}-{max(t)}"),
                 st.integers(0, 60).map(lambda n: f"about {n}"))
EVENTS = [("EP", ""), ("A", "EP"), ("B", "EP"), ("C", "A"), ("D", "")]
REPORT = st.tuples(st.sampled_from(EVENTS), st.sampled_from(["M1", "M2", "M3", "O1", "R1", "C1"]),
                   st.sampled_from(["", "", "X"]), st.sampled_from(["", "", "militants"]),
                   st.lists(CELL, min_size=5, max_size=5))


def _log_rows(reports) -> str:
    seen, rows = set(), []
    for (ev, parent), src, origin, excl, cells in reports:
        if (ev, src) in seen:
            continue
        seen.add((ev, src))
        rows.append(",".join([ev, src, "2024-08-26", "Pakistan", "Balochistan", "Kalat", parent,
                              origin, excl, *cells]))
    return "\n".join(rows) + "\n"


def _check(frame: pd.DataFrame, keys: list[str]) -> None:
    f = frame.rename(columns={"victim_category": "category"})
    assert (f["low"] <= f["best"]).all(), f
    assert (f["high"].isna() | (f["best"] <= f["high"])).all(), f
    for key, g in f.groupby(keys + ["outcome"]):
        total = g[g["category"] == "all"]
        parts = g[g["category"] != "all"]
        if total.empty:
            assert parts.empty, g
            continue
        assert int(parts["best"].sum()) == int(total["best"].iloc[0]), g
        assert int(total["low"].iloc[0]) >= int(parts[parts.category != "unknown"]["low"].sum())


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(REPORT, min_size=1, max_size=9))
def test_categories_and_unknown_make_the_total_at_every_level(tmp_path_factory, reports):
    folder = tmp_path_factory.mktemp("prop")
    (folder / "incidents.csv").write_text(HEAD + _log_rows(reports), encoding="utf-8")
    (folder / "sources.csv").write_text(SOURCES, encoding="utf-8")
    result = read_native(folder, make_filters())
    ev = reconcile(result.reports, result.figures, result.sources)
    _check(ev, ["event_id"])
    _check(tables.casualties(ev), ["province_code"])
    _check(tables.totals(ev), [])
    _check(tables.by_day(ev), ["date"])
    d = tables.by_district(ev)
    for key, g in d.rename(columns={"victim_category": "category"}).groupby(["district", "outcome"]):
        total = g[g["category"] == "all"]
        if len(total):
            assert int(g[g["category"] != "all"]["best"].sum()) == int(total["best"].iloc[0]), g
    # The districts add up to the province on the best estimate.
    c = tables.casualties(ev)
    for (cat, outcome), g in d.groupby(["victim_category", "outcome"]):
        row = c[(c.victim_category == cat) & (c.outcome == outcome)]
        assert int(g["best"].sum()) == int(row["best"].iloc[0])


def test_source_ids_are_kept_whole_in_the_unknowns_trail(tmp_path):
    # A source id holding "nan" (financial-...) once lost those letters in the joined list.
    (tmp_path / "sources.csv").write_text(
        SOURCES.replace("M1,Media One", "financial-times,Media One"), encoding="utf-8")
    (tmp_path / "incidents.csv").write_text(
        HEAD + "E,financial-times,2024-08-26,Pakistan,Balochistan,,,,,,,,,10\n",
        encoding="utf-8")
    result = read_native(tmp_path, make_filters())
    ev = reconcile(result.reports, result.figures, result.sources)
    assert ev.loc[ev.category == "unknown", "sources"].tolist() == ["financial-times"]
