"""sitrep.brief.narrative: the summary's sentences, computed from small tables built here.

Each sentence is checked word for word against numbers worked out by hand from its table, that
every number in it comes from the table (or the summary counts), and that each function has
nothing (or its stated fallback) to say when its table is empty.
"""

from __future__ import annotations

import re

import pandas as pd

from sitrep.brief import narrative

DASH = "\u2013"
FIG = ["victim_category", "outcome", "low", "best", "high"]


def totals(*rows) -> pd.DataFrame:
    """A totals table (victim_category, outcome, low, best, high); None = open high."""
    t = pd.DataFrame([(c, o, lo, b, pd.NA if h is None else h) for c, o, lo, b, h in rows],
                     columns=FIG)
    return t.astype({"low": "Int64", "best": "Int64", "high": "Int64"})


SUMMARY = {"area": "Balochistan, Pakistan", "period": "25\u201326 August 2024",
           "incidents": 4, "districts": 3, "sources": 5}


def numbers(text: str) -> set[int]:
    return {int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text)}


# --- overview -----------------------------------------------------------------------------

def test_overview_with_a_closed_range():
    t = totals(("all", "killed", 1200, 1350, 1500))
    assert narrative.overview(t, SUMMARY) == (
        "Reports from 5 sources put the number of people killed in Balochistan, Pakistan, "
        "25\u201326 August 2024 at 1,350 (best estimate), a range of 1,200 to 1,500, across 4 "
        "incidents in 3 districts.")


def test_overview_with_an_open_high():
    t = totals(("all", "killed", 41, 51, None))
    text = narrative.overview(t, SUMMARY)
    assert "at 51 (best estimate), at least 41, with no agreed upper figure," in text


def test_overview_when_the_sources_agree():
    t = totals(("all", "killed", 14, 14, 14))
    assert "at 14 (best estimate), with no source giving another figure, across" in \
        narrative.overview(t, SUMMARY)


def test_overview_singular_and_without_area_period_or_districts():
    t = totals(("all", "killed", 3, 3, 3))
    summary = {"incidents": 1, "sources": 1, "districts": 0}
    assert narrative.overview(t, summary) == (
        "Reports from 1 source put the number of people killed in the area covered at 3 "
        "(best estimate), with no source giving another figure, across 1 incident.")


def test_overview_ignores_injured_and_category_rows():
    # Only the "all"/"killed" row is the overview's figure.
    t = totals(("civilians", "killed", 7, 7, 7), ("all", "injured", 9, 9, 9),
               ("all", "killed", 20, 22, 25))
    text = narrative.overview(t, SUMMARY)
    assert "at 22 (best estimate), a range of 20 to 25" in text
    assert numbers(text) == {5, 25, 26, 2024, 22, 20, 4, 3}  # summary counts and the row


def test_overview_with_no_killed_total():
    t = totals(("all", "injured", 2, 2, 2))
    assert narrative.overview(t, SUMMARY) == \
        "The sources read give no casualty figures for this scope."
    assert narrative.overview(totals(), SUMMARY) == \
        "The sources read give no casualty figures for this scope."


# --- categories ---------------------------------------------------------------------------

def test_categories_with_ranges_and_a_further_unknown():
    t = totals(("civilians", "killed", 5, 6, 8), ("security_forces", "killed", 10, 10, 10),
               ("militants", "killed", 21, 21, None), ("unknown", "killed", 2, 3, None),
               ("all", "killed", 38, 40, None), ("civilians", "injured", 50, 50, 50))
    assert narrative.categories(t) == (
        f"By victim category, the best estimates (with ranges) are: civilians 6 (5{DASH}8), "
        "security forces 10 and militants 21 (21+). A further 3 (2+) were counted in "
        "sources' totals without being attributed to a category.")


def test_categories_leaves_out_what_is_absent():
    t = totals(("security_forces", "killed", 3, 4, 9), ("all", "killed", 3, 4, 9))
    assert narrative.categories(t) == (
        f"By victim category, the best estimates (with ranges) are: security forces 4 "
        f"(3{DASH}9).")


def test_categories_says_nothing_without_a_named_category():
    # An unknown alone is no breakdown by category.
    assert narrative.categories(totals(("unknown", "killed", 5, 5, 5),
                                       ("all", "killed", 5, 5, 5))) == ""
    assert narrative.categories(totals()) == ""


# --- agreement ----------------------------------------------------------------------------

RF = ["event_id", "event_label", "source_id", "source_type", "victim_category", "outcome",
      "low", "high", "point"]


def report_figures(*rows) -> pd.DataFrame:
    """report_figures rows: (event, source, source_type, category, outcome, low, high, point)."""
    out = pd.DataFrame([(e, f"Ambush, Kalat ({e})", s, st, c, o, lo,
                         pd.NA if h is None else h, p)
                        for e, s, st, c, o, lo, h, p in rows], columns=RF)
    return out.astype({"low": "Int64", "high": "Int64", "point": "Int64"})


def test_agreement_names_what_three_sources_agree_on():
    f = report_figures(
        ("E1", "S1", "media", "security_forces", "killed", 10, 10, 10),
        ("E1", "S2", "official", "security_forces", "killed", 10, 10, 10),
        ("E1", "S3", "media", "security_forces", "killed", 10, 10, 10))
    assert narrative.agreement(f) == \
        "Sources agree on 10 security forces killed in the ambush in Kalat (3 sources)."


def test_two_agreeing_sources_are_not_enough():
    f = report_figures(
        ("E1", "S1", "media", "civilians", "killed", 10, 10, 10),
        ("E1", "S2", "media", "civilians", "killed", 10, 10, 10))
    assert narrative.agreement(f) == ""


def test_agreement_names_the_widest_disputed_total():
    f = report_figures(
        # E1: totals 10 and 12 -> width 2.
        ("E1", "S1", "media", "all", "killed", 10, 10, 10),
        ("E1", "S2", "media", "all", "killed", 12, 12, 12),
        # E2: totals 20 and 35 -> width 15, the widest.
        ("E2", "S1", "media", "all", "killed", 20, 20, 20),
        ("E2", "S2", "official", "all", "killed", 35, 35, 35))
    assert narrative.agreement(f) == \
        "Totals are disputed for the ambush in Kalat: its 2 reports range from 20 to 35."


def test_an_open_total_is_disputed_and_said_to_be_open():
    # "over 40" (41, open, point 41) and "50": from 41 to 50, some open-ended.
    f = report_figures(
        ("E1", "S1", "media", "all", "killed", 41, None, 41),
        ("E1", "S2", "media", "all", "killed", 50, 50, 50))
    assert narrative.agreement(f) == (
        "Totals are disputed for the ambush in Kalat: its 2 reports range from 41 to 50 "
        "(some open-ended, such as 'over' or 'at least').")


def test_claims_and_injured_neither_agree_nor_dispute():
    f = report_figures(
        ("E1", "S1", "media", "all", "killed", 20, 20, 20),
        ("E1", "S2", "media", "all", "killed", 20, 20, 20),
        ("E1", "S3", "perpetrator_claim", "all", "killed", 100, 100, 100),
        ("E1", "S1", "media", "all", "injured", 5, 5, 5),
        ("E1", "S2", "media", "all", "injured", 30, 30, 30))
    # Without the claim's 100 and the injured, both totals are 20: nothing disputed.
    assert narrative.agreement(f) == ""


def test_events_with_one_source_say_nothing():
    f = report_figures(("E1", "S1", "media", "all", "killed", 5, 9, 7),
                       ("E2", "S2", "media", "all", "killed", 3, 3, 3))
    assert narrative.agreement(f) == ""
    assert narrative.agreement(f.iloc[0:0]) == ""


def test_a_disputed_range_runs_to_the_highest_figure_a_source_gave():
    # "14-20" (low 14, high 20, point 17) and "15": the sources' figures run from 14 to 20.
    f = report_figures(
        ("E1", "S1", "media", "all", "killed", 14, 20, 17),
        ("E1", "S2", "media", "all", "killed", 15, 15, 15))
    assert "its 2 reports range from 14 to 20." in narrative.agreement(f)


# --- claims -------------------------------------------------------------------------------

CL = ["event_id", "source_id", "claimant", "victim_category", "outcome", "claimed",
      "claimed_low", "counted_low", "counted_best", "counted_high"]


def claims_table(*rows) -> pd.DataFrame:
    t = pd.DataFrame(list(rows), columns=CL)
    return t.astype({c: "Int64" for c in CL[6:]})


def test_one_claim_beside_the_counted_figure():
    c = claims_table(("E1", "S3", "Armed group", "security_forces", "killed", "over 50", 51,
                      9, 10, 12))
    assert narrative.claims(c) == (
        "1 perpetrator claim is shown apart and never counted; the largest, by Armed group, is "
        f"over 50 security forces killed, against 10 (9{DASH}12) counted from the other "
        "sources.")


def test_the_largest_claim_by_its_low_and_all_reads_as_people():
    c = claims_table(
        ("E1", "S3", "Armed group", "civilians", "killed", "30", 30, pd.NA, pd.NA, pd.NA),
        ("E1", "S4", "", "all", "killed", "at least 130", 130, pd.NA, pd.NA, pd.NA),
        ("E1", "S3", "Armed group", "all", "injured", "500", 500, pd.NA, pd.NA, pd.NA))
    # Killed only: 2 claims; the largest low is 130, whose claimant is empty -> its source id;
    # no counted figure -> no "against" clause.
    assert narrative.claims(c) == (
        "2 perpetrator claims are shown apart and never counted; the largest, by S4, is "
        "at least 130 people killed.")


def test_no_killed_claims_say_nothing():
    assert narrative.claims(claims_table()) == ""
    c = claims_table(("E1", "S3", "Armed group", "all", "injured", "5", 5, 1, 1, 1))
    assert narrative.claims(c) == ""


# --- home provinces -----------------------------------------------------------------------

HP = ["home_province", "basis", "low", "best", "high"]


def victims(*rows) -> pd.DataFrame:
    t = pd.DataFrame([(p, b, lo, be, pd.NA if h is None else h) for p, b, lo, be, h in rows],
                     columns=HP)
    return t.astype({"low": "Int64", "best": "Int64", "high": "Int64"})


def test_home_provinces_reported_and_inferred():
    v = victims(("Punjab", "reported", 14, 14, 23), ("Sindh", "reported", 2, 2, 2),
                ("Balochistan", "inferred", 9, 9, 9))
    assert narrative.home_provinces(v) == (
        f"Where sources said where victims came from, 14 (14{DASH}23) from Punjab and 2 from "
        "Sindh (reported); home province is not where they were killed. A further 9 to "
        "Balochistan rest on an inference (an ethnicity mapped to a home province), not on a "
        "reported figure.")


def test_home_provinces_inferred_only():
    v = victims(("Balochistan", "inferred", 9, 9, None))
    assert narrative.home_provinces(v) == (
        "A further 9 (9+) to Balochistan rest on an inference (an ethnicity mapped to a home "
        "province), not on a reported figure.")


def test_home_provinces_empty():
    assert narrative.home_provinces(victims()) == ""


# --- injured ------------------------------------------------------------------------------

def test_injured():
    t = totals(("all", "killed", 9, 9, 9), ("all", "injured", 1200, 1250, None))
    assert narrative.injured(t) == (
        "At least 1,200 people were reported injured (best estimate 1,250); injury figures are "
        "less complete than death tolls.")
    assert narrative.injured(totals(("all", "killed", 9, 9, 9))) == \
        "No source read gives a figure for the injured."


# --- paragraphs ---------------------------------------------------------------------------

def test_paragraphs_take_every_number_from_the_tables():
    t = {
        "totals": totals(("civilians", "killed", 5, 6, 8), ("all", "killed", 9, 11, 13),
                         ("all", "injured", 3, 4, 7)),
        "report_figures": report_figures(
            ("E1", "S1", "media", "all", "killed", 9, 9, 9),
            ("E1", "S2", "media", "all", "killed", 13, 13, 13)),
        "claims": claims_table(("E1", "S3", "Armed group", "all", "killed", "70", 70,
                                9, 11, 13)),
        "victims_by_home_province": victims(("Punjab", "reported", 2, 2, 2)),
    }
    summary = {"area": "Sindh", "incidents": 1, "districts": 1, "sources": 2}
    paras = narrative.paragraphs(t, summary)
    assert len(paras) == 3
    assert "at 11 (best estimate), a range of 9 to 13" in paras[0]
    assert f"civilians 6 (5{DASH}8)" in paras[0]
    assert "its 2 reports range from 9 to 13." in paras[1]
    # Claims and home provinces are page 1's key judgements (sitrep.brief.account), not
    # repeated here.
    assert "Armed group" not in " ".join(paras) and "Punjab" not in " ".join(paras)
    assert "best estimate 4" in paras[2]
    # Every number said is in a table or the summary counts (2 sources, 1 incident, ...).
    in_tables = {5, 6, 8, 9, 11, 13, 3, 4, 7, 70, 2, 1}
    assert numbers(" ".join(paras)) <= in_tables


def test_paragraphs_drop_empty_ones():
    t = {"totals": totals(("all", "killed", 3, 3, 3)),
         "report_figures": report_figures(),
         "claims": claims_table(),
         "victims_by_home_province": victims()}
    paras = narrative.paragraphs(t, {"incidents": 1, "sources": 1, "districts": 0})
    # Agreement and claims have nothing to say: that paragraph is gone; the injured fallback
    # keeps the last one.
    assert len(paras) == 2
    assert paras[0].startswith("Reports from 1 source put")
    assert paras[1].strip() == "No source read gives a figure for the injured."
