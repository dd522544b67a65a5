"""sitrep.tabulate.home_provinces: victims by home province, under the counting rule.

Claims are left out and relays counted once; the bests are capped within the event's killed
best (room above the low first, most room first; then inferred before reported, largest first;
the highs kept); the cap falls back to the event's total; episodes fold (and are capped at their
own level); events add up; the worked example of the module's docstring.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sitrep.clean.filters import make_filters
from sitrep.clean.readers.native import read_native
from sitrep.clean.reconcile import reconcile
from sitrep.tabulate.home_provinces import COLUMNS, by_home_province

HEAD = ("event_id,source_id,event_date,country,province,district,part_of,origin,"
        "killed_civilians,killed_security_forces,killed_total\n")
SOURCES = ("source_id,publisher,published,title,url,source_type\n"
           "S1,Media One,2024-08-26,t,,media\n"
           "S2,Media Two,2024-08-27,t,,media\n"
           "S3,Armed group,2024-08-26,t,,perpetrator_claim\n"
           "R1,Relay One,2024-08-28,t,,media\n"
           "R2,Relay Two,2024-08-27,t,,media\n")


def row(e: str, s: str, *, part="", origin="", c="", sf="", t="") -> str:
    return f"{e},{s},2024-08-26,Pakistan,Balochistan,Kalat,{part},{origin},{c},{sf},{t}\n"


def table(folder: Path, rows: list[str], victims: list[str]) -> pd.DataFrame:
    """Write the log, read it, reconcile it and tabulate victims by home province."""
    (folder / "incidents.csv").write_text(HEAD + "".join(rows), encoding="utf-8")
    (folder / "sources.csv").write_text(SOURCES, encoding="utf-8")
    (folder / "victims.csv").write_text(
        "event_id,source_id,victim_category,home_province,count,basis\n" + "".join(victims),
        encoding="utf-8")
    r = read_native(folder, make_filters())
    assert not [p for p in r.problems if p.severity == "error"], r.problems
    events = reconcile(r.reports, r.figures, r.sources)
    return by_home_province(r.victims, events, r.reports, r.sources)


def figures(t: pd.DataFrame) -> list[tuple]:
    """(home province, basis, low, best, high) per row, high None when open."""
    return [(r.home_province, r.basis, int(r.low), int(r.best),
             None if pd.isna(r.high) else int(r.high)) for r in t.itertuples()]


def test_the_worked_example_of_the_docstring(tmp_path):
    # 23 civilians killed. S1 names 23 from Punjab; S2 names 14 from Punjab and 9 Baloch
    # (inferred to Balochistan). Punjab: low 14, high 23, best = lower median of 23 and 14 =
    # 14; Balochistan 9. 14 + 9 = 23: within the dead, nothing to cap.
    t = table(tmp_path, [row("E", "S1", c="23"), row("E", "S2", c="23")], [
        "E,S1,civilians,Punjab,23,reported\n",
        "E,S2,civilians,Punjab,14,reported\n",
        "E,S2,civilians,Balochistan,9,inferred\n"])
    assert figures(t) == [("Punjab", "reported", 14, 14, 23),
                          ("Balochistan", "inferred", 9, 9, 9)]
    assert t.columns.tolist() == COLUMNS
    assert t[["home_province_code", "victim_category", "events", "sources"]].values.tolist() \
        == [["PK-PB", "civilians", 1, "S1;S2"], ["PK-BA", "civilians", 1, "S2"]]


def test_claims_are_left_out(tmp_path):
    t = table(tmp_path, [row("E", "S1", c="10"), row("E", "S3", c="50")], [
        "E,S1,civilians,Punjab,10,reported\n",
        "E,S3,civilians,Sindh,50,reported\n"])  # the armed group's claim
    assert figures(t) == [("Punjab", "reported", 10, 10, 10)]


def test_relays_count_once_with_the_latest_figure(tmp_path):
    # R1 (published 28 August) and R2 (27 August) relay one official's figure: R1's 12 counts,
    # once, not a range of 10 to 12 over two reports.
    t = table(tmp_path, [row("E", "R1", origin="ISPR", c="20"),
                         row("E", "R2", origin="ISPR", c="20")], [
        "E,R2,civilians,Punjab,10,reported\n",
        "E,R1,civilians,Punjab,12,reported\n"])
    assert figures(t) == [("Punjab", "reported", 12, 12, 12)]
    assert t["sources"].tolist() == ["R1;R2"]


def test_the_cap_takes_room_above_the_low_first_most_room_first(tmp_path):
    # 20 civilians killed. Punjab "10-16" (best 13, room 3), Sindh "8-10" (best 9, room 1):
    # 22 bests for 20 dead, 2 too many, taken from Punjab (most room): Punjab 11, Sindh 9.
    # Highs are what the sources said: kept.
    t = table(tmp_path, [row("E", "S1", c="20")], [
        "E,S1,civilians,Punjab,10-16,reported\n",
        "E,S1,civilians,Sindh,8-10,reported\n"])
    assert figures(t) == [("Punjab", "reported", 10, 11, 16),
                          ("Sindh", "reported", 8, 9, 10)]
    assert int(t["best"].sum()) == 20


def test_then_inferred_before_reported(tmp_path):
    # 20 dead; Punjab 15 and Sindh 4 reported, Balochistan 9 inferred: 28, no room above any
    # low. The 8 too many come off the inferred origin: Balochistan 1 (its low follows it down),
    # the reported figures untouched.
    t = table(tmp_path, [row("E", "S1", c="20")], [
        "E,S1,civilians,Punjab,15,reported\n",
        "E,S1,civilians,Sindh,4,reported\n",
        "E,S1,civilians,Balochistan,9,inferred\n"])
    assert figures(t) == [("Punjab", "reported", 15, 15, 15),
                          ("Sindh", "reported", 4, 4, 4),
                          ("Balochistan", "inferred", 1, 1, 9)]


def test_largest_inferred_first_and_reported_last(tmp_path):
    # 12 dead; Punjab 10 reported, Balochistan 9 and Khyber Pakhtunkhwa 5 inferred: 24, 12 too
    # many. Balochistan (the larger inferred) goes to 0 (9 taken), KP loses the other 3 (5 -> 2);
    # Punjab's reported 10 is kept.
    t = table(tmp_path, [row("E", "S1", c="12")], [
        "E,S1,civilians,Punjab,10,reported\n",
        "E,S1,civilians,Balochistan,9,inferred\n",
        "E,S1,civilians,Khyber Pakhtunkhwa,5,inferred\n"])
    assert figures(t) == [("Punjab", "reported", 10, 10, 10),
                          ("Khyber Pakhtunkhwa", "inferred", 2, 2, 5),
                          ("Balochistan", "inferred", 0, 0, 9)]


def test_reported_origins_are_cut_when_they_alone_exceed_the_dead(tmp_path):
    # 5 dead; Punjab 4 and Sindh 3 reported: 2 too many, off the largest: Punjab 2.
    t = table(tmp_path, [row("E", "S1", c="5")], [
        "E,S1,civilians,Punjab,4,reported\n",
        "E,S1,civilians,Sindh,3,reported\n"])
    assert figures(t) == [("Sindh", "reported", 3, 3, 3), ("Punjab", "reported", 2, 2, 4)]


def test_the_cap_is_per_victim_category(tmp_path):
    # 6 civilians and 10 security forces killed (16 in all). Security forces from Punjab 9 fit
    # their category's 10; civilians from Punjab 8 are capped at the civilians' 6.
    t = table(tmp_path, [row("E", "S1", c="6", sf="10")], [
        "E,S1,security_forces,Punjab,9,reported\n",
        "E,S1,civilians,Punjab,8,reported\n"])
    got = {(r.victim_category, r.home_province): (int(r.low), int(r.best), int(r.high))
           for r in t.itertuples()}
    assert got == {("security_forces", "Punjab"): (9, 9, 9), ("civilians", "Punjab"): (6, 6, 8)}


def test_without_a_figure_for_the_category_the_total_caps(tmp_path):
    # Only a total of 10 killed: civilians from Punjab 15 are brought to 10.
    t = table(tmp_path, [row("E", "S1", t="10")], ["E,S1,civilians,Punjab,15,reported\n"])
    assert figures(t) == [("Punjab", "reported", 10, 10, 15)]


def test_open_figures_stay_open(tmp_path):
    t = table(tmp_path, [row("E", "S1", c="30")], ["E,S1,civilians,Punjab,over 10,reported\n"])
    assert figures(t) == [("Punjab", "reported", 11, 11, None)]


def test_episodes_fold_their_parts(tmp_path):
    # Episode P (30 civilians) names 4 from Punjab; its parts A and B name 3 and 2: the
    # larger of P's own 4 and the parts' 5 -> 5, counted once, as one event.
    t = table(tmp_path, [row("P", "S1", c="30"), row("A", "S1", part="P", c="10"),
                         row("B", "S1", part="P", c="10")], [
        "P,S1,civilians,Punjab,4,reported\n",
        "A,S1,civilians,Punjab,3,reported\n",
        "B,S1,civilians,Punjab,2,reported\n"])
    assert figures(t) == [("Punjab", "reported", 5, 5, 5)]
    assert t["events"].tolist() == [1]


def test_an_episode_is_capped_at_its_own_level(tmp_path):
    # Parts A and B each 5 civilians killed, from Punjab 5 each; P's own report says 10 killed
    # and 20 from Punjab. P's 20 is capped at P's 10 (low min(20, 10) = 10, high 20) before
    # folding: max(10, 5 + 5) = 10, not 20.
    t = table(tmp_path, [row("P", "S1", c="10"), row("A", "S1", part="P", c="5"),
                         row("B", "S1", part="P", c="5")], [
        "P,S1,civilians,Punjab,20,reported\n",
        "A,S1,civilians,Punjab,5,reported\n",
        "B,S1,civilians,Punjab,5,reported\n"])
    assert figures(t) == [("Punjab", "reported", 10, 10, 20)]


def test_events_add_up_and_rows_are_ordered(tmp_path):
    # Two events: Punjab 5 + 6 = 11 over 2 events; Sindh 12 in one. Reported before inferred,
    # then the largest best first.
    t = table(tmp_path, [row("E1", "S1", c="20"), row("E2", "S2", c="20")], [
        "E1,S1,civilians,Punjab,5,reported\n",
        "E2,S2,civilians,Punjab,6,reported\n",
        "E2,S2,civilians,Balochistan,1,inferred\n",
        "E1,S1,civilians,Sindh,12,reported\n"])
    assert figures(t) == [("Sindh", "reported", 12, 12, 12),
                          ("Punjab", "reported", 11, 11, 11),
                          ("Balochistan", "inferred", 1, 1, 1)]
    assert t["events"].tolist() == [1, 2, 1]
    assert t["sources"].tolist() == ["S1", "S1;S2", "S2"]


def test_no_victims_an_empty_table(tmp_path):
    t = table(tmp_path, [row("E", "S1", c="20")], [])
    assert t.empty and t.columns.tolist() == COLUMNS
