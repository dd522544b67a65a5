"""Events -> tables: sums, episodes split by district, claims and victims counted right."""

from __future__ import annotations

import pandas as pd

from conftest import small_log

from sitrep import store
from sitrep.tabulate import tables

def load(tmp_path, rows: str, victims: str = ""):
    return small_log(tmp_path, rows, victims)


def rows(table, *keys):
    return {tuple(r[k] for k in keys): (int(r.low), int(r.best),
                                        None if pd.isna(r.high) else int(r.high))
            for _, r in table.iterrows()}


def test_province_sums_count_each_event_once(tmp_path):
    _, ev = load(tmp_path, (
        "EP,S1,2024-08-26,Pakistan,Balochistan,,,,,,,over 40\n"
        "A,S1,2024-08-26,Pakistan,Balochistan,Kalat,EP,,,,,10\n"
        "B,S1,2024-08-27,Pakistan,Sindh,Karachi,,,,,,5-7\n"))
    c = rows(tables.casualties(ev), "province_code", "victim_category")
    assert c[("PK-BA", "all")] == (41, 41, None)  # the part is inside the episode's 41+
    assert c[("PK-SD", "all")] == (5, 6, 7)


def test_district_remainder_is_a_valid_range(tmp_path):
    # Episode "50", parts 10-30 (best 20) and 13-30 (best 21): the episode is 50 (50..60), and
    # the unattributed rest is 50 - 41 = 9 on the best, between max(0, 50 - 60) = 0 and
    # 60 - 23 = 37, so the districts add up to the province on the best.
    _, ev = load(tmp_path, (
        "EP,S1,2024-08-26,Pakistan,Balochistan,,,,,,,50\n"
        "A,S1,2024-08-26,Pakistan,Balochistan,Kalat,EP,,,,,10-30\n"
        "B,S1,2024-08-26,Pakistan,Balochistan,Kachhi,EP,,,,,13-30\n"))
    d = rows(tables.by_district(ev), "district", "victim_category")
    assert d[(tables.UNATTRIBUTED, "all")] == (0, 9, 37)
    assert d[(tables.UNATTRIBUTED, "unknown")] == (0, 9, 37)
    c = rows(tables.casualties(ev), "victim_category")
    assert sum(v[1] for k, v in d.items() if k[1] == "all") == c[("all",)][1] == 50


def test_district_remainder_is_left_out_when_the_parts_explain_the_episode(tmp_path):
    _, ev = load(tmp_path, (
        "EP,S1,2024-08-26,Pakistan,Balochistan,,,,,,,40\n"
        "A,S1,2024-08-26,Pakistan,Balochistan,Kalat,EP,,,,,10-30\n"
        "B,S1,2024-08-26,Pakistan,Balochistan,Kachhi,EP,,,,,13-30\n"))
    assert tables.UNATTRIBUTED not in set(tables.by_district(ev)["district"])


def test_nested_episode_remainders_are_kept(tmp_path):
    _, ev = load(tmp_path, (
        "TOP,S1,2024-08-26,Pakistan,Balochistan,,,,,,,50\n"
        "MID,S1,2024-08-26,Pakistan,Balochistan,,TOP,,,,,30\n"
        "L1,S1,2024-08-26,Pakistan,Balochistan,Kalat,MID,,,,,5\n"
        "L2,S1,2024-08-26,Pakistan,Balochistan,Kachhi,MID,,,,,6\n"))
    d = tables.by_district(ev)
    d = d[d["victim_category"] == "all"]
    # Kalat 5 + Kachhi 6 + unattributed (MID: 30 - 11 = 19; TOP: 50 - 30 = 20) = 50.
    assert int(d["best"].sum()) == 50
    assert int(d.loc[d["district"] == tables.UNATTRIBUTED, "best"].iloc[0]) == 39


def test_a_part_in_another_province_counts_in_its_episodes_province(tmp_path):
    _, ev = load(tmp_path, (
        "EP,S1,2024-08-26,Pakistan,Balochistan,,,,,,,10\n"
        "A,S1,2024-08-26,Pakistan,Sindh,Jacobabad,EP,,,,,4\n"))
    c = rows(tables.casualties(ev), "province_code", "victim_category")
    d = tables.by_district(ev)
    d = d[d["victim_category"] == "all"]
    assert set(d["province_code"]) == {"PK-BA"} and {k[0] for k in c} == {"PK-BA"}
    assert int(d["best"].sum()) == c[("PK-BA", "all")][1]


def test_claims_stand_beside_the_counted_figure(tmp_path):
    r, ev = load(tmp_path, (
        "E,S1,2024-08-26,Pakistan,Balochistan,Kalat,,,9,,,\n"
        "E,S3,2024-08-26,Pakistan,Balochistan,Kalat,,,over 50,,,\n"))
    c = tables.claims(r.reports, r.figures, ev, r.sources)
    assert c[["claimed", "claimed_low", "counted_best"]].values.tolist() == [["over 50", 51, 9]]
    assert rows(tables.casualties(ev), "victim_category")[("security_forces",)] == (9, 9, 9)


def test_victims_leave_out_claims_and_fold_episodes(tmp_path):
    r, ev = load(tmp_path, (
        "EP,S1,2024-08-26,Pakistan,Balochistan,,,10,,,,\n"
        "A,S1,2024-08-26,Pakistan,Balochistan,Musakhail,EP,10,,,,\n"
        "A,S2,2024-08-26,Pakistan,Balochistan,Musakhail,EP,10,,,,\n"
        "A,S3,2024-08-26,Pakistan,Balochistan,Musakhail,EP,50,,,,\n"), victims=(
        "EP,S1,civilians,Punjab,10,reported\n"
        "A,S1,civilians,Punjab,8,reported\n"
        "A,S2,civilians,Punjab,6-10,reported\n"
        "A,S3,civilians,Sindh,50,reported\n"))
    v = tables.victims_by_home_province(r.victims, ev, r.reports)
    # The claim's Sindh row is not counted; the episode's 10 and its part's 6..10 (best 7,
    # lower median of 8 and 8) are the same people: max per bound -> 10, 10, 10.
    assert v[["home_province", "low", "best", "high"]].values.tolist() == [["Punjab", 10, 10, 10]]


def test_formula_cells_are_neutralised_and_read_back_intact(tmp_path):
    frame = pd.DataFrame({"a": ["=HYPERLINK(1)", "@x", "-3 text", "plain"], "n": [1, 2, 3, 4]})
    (tmp_path / "out" / "tables").mkdir(parents=True)
    store.write_csv(frame, tmp_path / "out" / "tables" / "t.csv")
    raw = pd.read_csv(tmp_path / "out" / "tables" / "t.csv", dtype=str)
    assert raw["a"].tolist() == ["'=HYPERLINK(1)", "'@x", "'-3 text", "plain"]
    back = store._typed(pd.read_csv(tmp_path / "out" / "tables" / "t.csv", dtype=str,
                                    keep_default_na=False))
    assert back["a"].tolist() == frame["a"].tolist() and back["n"].tolist() == [1, 2, 3, 4]
