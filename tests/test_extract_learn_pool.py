"""Tests for sitrep.extract.learn.pool, features, combine and bootstrap: the candidates,
the words the model reads, the rules-and-model combination, the paired interval."""

from __future__ import annotations

import numpy as np

from sitrep.extract.learn.bootstrap import paired_interval
from sitrep.extract.learn.combine import ADD_ABOVE, KEEP_BELOW, OVERRIDE, accepted, label
from sitrep.extract.learn.features import pool_features
from sitrep.extract.learn.pool import SKIP, Candidate, Gold, align, build_pool

TEXT = ("A bomb killed nine people in Quetta on Monday. By Tuesday the toll had risen to 15. "
        "Police arrested 3 suspects at 4 pm.")


def test_the_pool_holds_proposals_replaced_tolls_set_aside_counts_and_raw_numbers():
    pool = build_pool(TEXT, "t.txt")
    by_value = {c.low: c.source for c in pool.candidates}
    assert by_value[15] == "proposed" and by_value[9] == "replaced"
    assert by_value[3] == "set_aside" and by_value[4] == "raw"
    assert [c.start for c in pool.candidates] == sorted(c.start for c in pool.candidates)


def test_alignment_is_by_value_and_prefers_the_rules_reading():
    pool = build_pool(TEXT, "t.txt")
    gold = [Gold("civilians", "killed", 15, 15, False), Gold("all", "killed", 15, 15, False)]
    aligned = dict(zip((c.low for c in pool.candidates), align(pool.candidates, gold)))
    assert aligned[9] is None and aligned[15].category == "all"


def test_a_number_read_better_elsewhere_is_left_out_of_training_not_taken_for_the_figure():
    text = ("Gunmen killed 4 policemen at a checkpoint near Turbat on Monday. The attack began "
            "at 4 am, and 4 vehicles were burnt.")
    pool = build_pool(text, "t.txt")
    gold = Gold("security_forces", "killed", 4, 4, False)
    aligned = {text[c.start:c.end]: g for c, g in zip(pool.candidates,
                                                     align(pool.candidates, [gold]))}
    assert aligned["4 policemen"] == gold
    assert aligned["4 am"] is SKIP and aligned["4 vehicles"] is SKIP


def test_a_figure_said_twice_is_the_rules_proposal_and_the_repeat_is_left_out():
    text = "A bomb killed 6 soldiers in Kech. The 6 soldiers were buried on Tuesday."
    pool = build_pool(text, "t.txt")
    gold = Gold("security_forces", "killed", 6, 6, False)
    aligned = [(c.source, g) for c, g in zip(pool.candidates, align(pool.candidates, [gold]))]
    assert aligned == [("proposed", gold), ("set_aside", SKIP)]


def test_of_two_figures_of_one_number_each_candidate_stands_for_the_one_it_reads_best():
    """Labels first: the count set aside as civilians injured stands for that figure, not the
    proposal of soldiers killed; a count that reads neither figure best is left out."""
    def count(source: str, category: str, outcome: str) -> Candidate:
        return Candidate(0, 1, 1, 4, 4, 0, source, category=category, outcome=outcome)
    killed = Gold("security_forces", "killed", 4, 4, False)
    injured = Gold("civilians", "injured", 4, 4, False)
    cands = [count("proposed", "security_forces", "killed"), count("set_aside", "all", ""),
             count("raw", "", ""), count("set_aside", "civilians", "injured")]
    assert align(cands, [killed, injured]) == [killed, SKIP, SKIP, injured]
    assert align(cands[:1] + cands[3:], [injured]) == [SKIP, injured]
    # with no candidate reading it better than the proposal does, a figure keeps none
    assert align(cands[:3], [killed, injured]) == [killed, SKIP, SKIP]


def test_features_never_carry_the_rules_verdict():
    pool = build_pool(TEXT, "t.txt")
    words = {f for feats in pool_features(pool) for f in feats}
    assert not any(w in f for f in words for w in ("proposed", "replaced", "set_aside"))
    assert "rule_cat=all" in words and any(f.startswith("l1=") for f in words)


def _pred(p_figure: float, category: str = "all") -> dict:
    return {"figure": {"yes": p_figure}, "category": {category: 0.95, "unknown": 0.05},
            "outcome": {"killed": 0.95, "injured": 0.05}, "open": {"yes": 0.05, "no": 0.95},
            "claim": {"yes": 0.01, "no": 0.99}}


def test_a_rule_proposal_stands_unless_the_model_is_sure_and_others_need_a_sure_row():
    pool = build_pool(TEXT, "t.txt")
    i = next(k for k, c in enumerate(pool.candidates) if c.low == 15)
    c = pool.candidates[i]
    assert accepted(c, label(c, i, _pred(KEEP_BELOW)))
    assert not accepted(c, label(c, i, _pred(KEEP_BELOW - 0.01)))
    j = next(k for k, d in enumerate(pool.candidates) if d.low == 9)
    d = pool.candidates[j]
    assert not accepted(d, label(d, j, _pred(ADD_ABOVE)))
    assert accepted(d, label(d, j, _pred(0.99)))


def test_the_rules_label_stands_unless_the_model_gives_it_under_override():
    pool = build_pool(TEXT, "t.txt")
    i = next(k for k, c in enumerate(pool.candidates) if c.low == 15)
    c = pool.candidates[i]
    assert label(c, i, _pred(0.9, "civilians")).category == "civilians"  # 'all' gets 0 ...
    pred = _pred(0.9, "civilians")
    pred["category"] = {"civilians": 1 - OVERRIDE, "all": OVERRIDE}
    assert label(c, i, pred).category == "all"           # ... OVERRIDE is enough
    pred["category"] = {"civilians": 1.01 - OVERRIDE, "all": OVERRIDE - 0.01}
    assert label(c, i, pred).category == "civilians"      # ... and just under it is not


def test_paired_interval_is_fixed_and_brackets_the_difference():
    a = np.array([[1, 2, 2]] * 10, dtype=float)
    b = np.array([[2, 2, 2]] * 5 + [[1, 2, 2]] * 5, dtype=float)
    diff, low, high = paired_interval(a, b)
    assert low <= diff <= high and (diff, low, high) == paired_interval(a, b)
