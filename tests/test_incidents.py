"""Incidents with and without deaths (sitrep/tabulate/incidents.py): every event that is not an
episode counts as an incident, and the timeline lists them in date order."""

from __future__ import annotations

import pandas as pd

from conftest import small_log
from sitrep.tabulate import incidents as inc


def test_an_attack_without_deaths_is_an_incident_and_on_the_timeline(tmp_path):
    result, ev = small_log(tmp_path, (
        "EP,S1,2024-08-25,Pakistan,Balochistan,,,,,,,over 10\n"
        "A,S1,2024-08-25,Pakistan,Balochistan,Musakhail,EP,7,,,,7\n"
        "B,S1,2024-08-26,Pakistan,Balochistan,Kech,EP,,,,,\n"      # stormed, no count given
        "C,S1,2024-08-24,Pakistan,Sindh,Karachi,,,2,,,\n"))
    t = inc.incidents(ev, result.reports)
    assert t["event_id"].tolist() == ["C", "A", "B"]        # by date; the episode is not one
    assert t.set_index("event_id")["best"].isna().tolist() == [False, False, True]
    tl = inc.timeline(ev, result.reports).set_index("event_id")
    assert list(tl.index) == ["C", "A", "B"]
    assert int(tl.at["A", "killed_civilians"]) == 7 and int(tl.at["C", "killed_all"]) == 2
    assert pd.isna(tl.at["B", "killed_all"]) and tl.at["B", "place"] == "Kech"
    assert int(tl.at["A", "sources"]) == 1


def test_by_actor_counts_incidents_with_and_without_deaths(tmp_path):
    result, ev = small_log(tmp_path, (
        "A,S1,2024-08-25,Pakistan,Balochistan,Musakhail,,7,,,,7\n"
        "B,S1,2024-08-26,Pakistan,Balochistan,Kech,,,,,,\n"
        "C,S1,2024-08-24,Pakistan,Sindh,Karachi,,,2,,,\n"))
    tl = inc.timeline(ev, result.reports).assign(event_type=["Blast", "Ambush", "Blast"])
    t = inc.by_actor(tl, "event_type").set_index("event_type")
    # C (blast, 2 killed) and B (blast, none reported); A (ambush, 7 killed).
    assert t.loc["Blast", ["incidents", "incidents_with_deaths", "killed"]].tolist() == [2, 1, 2]
    assert t.loc["Ambush", ["incidents", "killed", "killed_civilians"]].tolist() == [1, 7, 7]
    assert list(t.index) == ["Ambush", "Blast"]  # the deadliest first


def test_the_logs_extra_columns_are_passed_through_to_the_incidents_table(tmp_path):
    """README: extra columns are passed through; per incident, the first value given."""
    from conftest import LOG_HEAD, LOG_SOURCES
    from sitrep.clean.filters import make_filters
    from sitrep.clean.readers.native import read_native
    from sitrep.clean.reconcile import reconcile

    head = LOG_HEAD.rstrip("\n") + ",analyst,verified\n"
    (tmp_path / "incidents.csv").write_text(head + (
        "A,S1,2024-08-25,Pakistan,Balochistan,Musakhail,,7,,,,7,,\n"
        "A,S2,2024-08-25,Pakistan,Balochistan,Musakhail,,7,,,,7,AB,yes\n"
        "B,S1,2024-08-26,Pakistan,Balochistan,Kech,,,,,,,CD,no\n"), encoding="utf-8")
    (tmp_path / "sources.csv").write_text(LOG_SOURCES, encoding="utf-8")
    result = read_native(tmp_path, make_filters())
    t = inc.incidents(reconcile(result.reports, result.figures), result.reports)
    assert list(t.columns[-2:]) == ["analyst", "verified"]
    assert t[["event_id", "analyst", "verified"]].values.tolist() == [
        ["A", "AB", "yes"], ["B", "CD", "no"]]
