"""Page 1's account and key judgements (sitrep/brief/account.py): every number comes from the
tables, and no event id appears."""

from __future__ import annotations

import re

import pandas as pd

from sitrep.brief import account


def _tables():
    totals = pd.DataFrame([
        ("civilians", "killed", 20, 30, None), ("security_forces", "killed", 10, 10, 10),
        ("unknown", "killed", 0, 5, None), ("all", "killed", 40, 45, None),
        ("all", "injured", 7, 9, 12)],
        columns=["victim_category", "outcome", "low", "best", "high"])
    timeline = pd.DataFrame([
        ("2024-08-25", "E-1", "Kalat", "Highway", "Balochistan", "Armed assault", "Group A",
         5, 10, None, 0, 15, None, 3),
        ("2024-08-25", "E-2", "Musakhail", "", "Balochistan", "Highway ambush", "Group A",
         25, None, None, 5, 30, 1, 4),
        ("2024-08-26", "E-3", "Kech", "", "Balochistan", "Attack on a police station",
         "Group A", None, None, None, None, None, None, 1)],
        columns=["event_date", "event_id", "place", "location", "province", "event_type",
                 "perpetrator", "killed_civilians", "killed_security_forces",
                 "killed_militants", "killed_unknown", "killed_all", "injured_all", "sources"])
    claims = pd.DataFrame([("E-1", "Group A statement", "security_forces", "killed", "over 60",
                            61, None, 10, 10, 10)],
                          columns=["event_id", "claimant", "victim_category", "outcome",
                                   "claimed", "claimed_low", "claimed_high", "counted_low",
                                   "counted_best", "counted_high"])
    victims = pd.DataFrame([("Punjab", "PK-PB", "civilians", "reported", 14, 14, 20)],
                           columns=["home_province", "home_province_code", "victim_category",
                                    "basis", "low", "best", "high"])
    return {"totals": totals, "timeline": timeline, "claims": claims,
            "victims_by_home_province": victims}


SUMMARY = {"events_period": "25–26 August 2024", "area": "Balochistan, Pakistan",
           "incidents": 3, "incidents_without_deaths": 1, "districts": 3}


def test_the_account_says_when_who_where_and_the_dead_by_category():
    text = account.account(_tables(), SUMMARY)
    assert text.startswith("On 25–26 August 2024, Group A attacks struck 3 sites in 3 "
                           "districts of Balochistan, Pakistan.")
    assert ("the dead at 45 (at least 40): 30 civilians, 10 security forces and 5 whom no "
            "source placed in a category") in text
    assert "At least 7 were reported injured." in text


def test_key_judgements_are_computed_and_name_no_event_id():
    j = account.judgements(_tables(), SUMMARY)
    assert j[0] == "The deadliest attack was the highway ambush at Musakhail: 30 of the 45 dead (67%)."
    assert j[1] == "Civilians were 30 of the 45 dead (67%), the largest group."
    assert "14 (14–20) from Punjab" in j[2]
    assert j[3].startswith("Group A claimed over 60 security forces killed; the other sources "
                           "count 10.")
    assert j[4] == "The attacks were spread over 3 sites in 3 districts; at 1 of them no death was reported."
    assert not any(re.search(r"\bE-\d\b", x) for x in j)


def test_no_group_is_named_when_none_is_behind_most_incidents():
    t = _tables()
    t["timeline"]["perpetrator"] = ["Protesters", "Group A", "Military"]
    text = account.account(t, SUMMARY)
    assert text.startswith("On 25–26 August 2024, 3 incidents were recorded in 3 districts of "
                           "Balochistan, Pakistan.")
