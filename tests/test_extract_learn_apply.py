"""Tests for sitrep.extract.learn.apply: the learned layer end to end (the seed, the run's
files, unread.csv) and its floor on the blind sets."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import load_script, two_report_seeds
from sitrep.extract import extract_figures, run_extract
from sitrep.extract.candidates import rule_figures
from sitrep.extract.learn.apply import default_model
from sitrep.extract.learn.bootstrap import counts, paired_interval
from sitrep.extract.scoring import evaluate_folder
from sitrep.schema import CANDIDATE_COLUMNS, UNREAD_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_1a76105c3b426e2f.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "extract"


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    assert default_model() is not None, "the committed model.json is missing"
    return extract_figures(SEED.read_text(encoding="utf-8"), SEED.name)


def _has(c, **where) -> int:
    mask = pd.Series(True, index=c.index)
    for column, value in where.items():
        mask &= c[column] == value
    return int(mask.sum())


def test_the_seed_figures_as_before(seed):
    c = seed
    assert list(c.columns) == list(CANDIDATE_COLUMNS)
    assert _has(c, victim_category="civilians", outcome="killed", low=23, high=23) == 1
    assert _has(c, victim_category="security_forces", outcome="killed", low=14, high=14) == 1
    assert _has(c, victim_category="all", outcome="killed", low=41) == 1
    assert c.loc[c["low"] == 41, "high"].isna().all()
    assert _has(c, outcome="killed", low=14, home_province="Punjab") == 1
    assert _has(c, outcome="killed", low=9, home_province="Baloch") == 1
    assert 800 not in set(c["low"]) and set(c["claim"]) == {"no"}


def test_probability_is_calibrated_and_decision_is_left_to_the_reviewer(seed):
    assert seed["probability"].between(0, 1).all()
    assert (seed["decision"] == "").all()
    assert not seed["probability"].equals(rule_figures(SEED.read_text(), SEED.name)
                                          ["probability"])


def test_run_writes_unread_with_the_models_reasons(tmp_path):
    seeds = two_report_seeds(tmp_path)
    counts = run_extract(seeds, tmp_path / "out")
    assert counts["candidates"] == 6
    unread = pd.read_csv(tmp_path / "out" / "unread.csv")
    assert list(unread.columns) == list(UNREAD_COLUMNS)
    forty = unread[unread["count"] == "40 people"]
    assert len(forty) == 1 and "probability" in forty.iloc[0]["reason"]
    assert "background" in forty.iloc[0]["reason"]  # the rules' reason is kept beside it
    cands = pd.read_csv(tmp_path / "out" / "candidates.csv")
    assert set(cands["start"]).isdisjoint(set(unread.loc[unread["document"] == "a.txt",
                                                         "start"]))


# Each blind set's first score by the learned layer, for the record. heldout10 and heldout11 were
# scored blind by its first version (8a55207/a5cdb94, cf5ed17) and were then validation sets;
# heldout12 was written blind before its second version (3ff3dbd) and scored once by it,
# heldout13 before the third (dd5c67f), heldout14 before the fourth (42596f9), heldout15 before
# the fifth (f6fc623); heldout16 was written blind after it and scored once by it (d243779, the
# same figures); heldout17 was written blind after heldout16 and scored once by the fifth version
# with its training alignment mended (3fb903a); heldout14-17 became training data for the sixth
# version, their misses unread, and heldout18-20, written blind and sealed before it, scored it
# once each (0fd411d). A set trained on (its TRAIN file) judges nothing, so only the sets
# neither trained on nor sealed judge the layer. heldout14, written before the fifth version and
# not trained on until the sixth, judged the fifth too (scored a second time: +0.070, interval
# +0.020 to +0.130).
FIRST_SCORES = {
    "heldout10": "rules F1 0.697, first version 0.704 (+0.007, interval -0.005 to +0.021)",
    "heldout11": "rules F1 0.710, first version 0.723 (+0.013, interval -0.001 to +0.032)",
    "heldout12": "rules F1 0.649, second version 0.660 (+0.012, interval -0.019 to +0.040)",
    "heldout13": "rules F1 0.717, third version 0.770 (+0.053, interval +0.015 to +0.095)",
    "heldout14": "rules F1 0.602, fourth version 0.656 (+0.055, interval +0.016 to +0.104)",
    "heldout15": "rules F1 0.571, fifth version 0.651 (+0.079, interval -0.011 to +0.175)",
    "heldout16": "rules F1 0.693, fifth version 0.748 (+0.055, interval +0.004 to +0.116)",
    "heldout17": "rules F1 0.723, fifth version with labels-first alignment 0.758 (+0.034, "
                 "interval -0.019 to +0.090)",
    "heldout18": "rules F1 0.706, sixth version 0.809 (+0.102, interval +0.035 to +0.182)",
    "heldout19": "rules F1 0.803, sixth version 0.831 (+0.028, interval -0.011 to +0.074)",
    "heldout20": "rules F1 0.732, sixth version 0.820 (+0.088, interval +0.040 to +0.135)",
}
BLIND = load_script("eval_extract").blind_splits(FIXTURES)


def test_every_blind_set_has_its_first_score_on_record():
    assert set(BLIND) <= set(FIRST_SCORES), "score a new blind set once, then record it here"


@pytest.fixture(scope="module")
def scored() -> dict:
    """Each blind set's rules and learned scores (only the scores, never the misses)."""
    return {name: (evaluate_folder(FIXTURES / name, rule_figures),
                   evaluate_folder(FIXTURES / name)) for name in BLIND}


@pytest.mark.parametrize("name", BLIND)
def test_blind_floor_the_learned_layer_is_no_worse_than_the_rules(scored, name):
    rules, learned = scored[name]
    assert learned["f1"] >= rules["f1"], (
        f"{name}: learned F1 {learned['f1']:.3f}, rules {rules['f1']:.3f}; first scored: "
        f"{FIRST_SCORES[name]}")


def _together(scored: dict) -> tuple[float, float, float]:
    """F1 learned - rules over the reports of every blind set together, and its paired
    bootstrap interval. The issue asks it of "reports in new voices written before the
    change", and one set of 25 is too few to bound it: heldout15 alone gave the fifth version
    +0.079 with an interval from -0.011 (two of its reports swing it by 0.3 either way), and
    heldout19 the sixth +0.028 with one from -0.011."""
    if not scored:
        pytest.skip("no blind set: every held-out set is trained on or sealed")
    rules, learned = [], []
    for name, (r, lrn) in scored.items():
        names = sorted(p.name for p in (FIXTURES / name).glob("*.txt"))
        rules.append(counts(r, names))
        learned.append(counts(lrn, names))
    return paired_interval(np.vstack(rules), np.vstack(learned))


def test_blind_the_gain_over_the_rules_is_above_zero_with_95_percent_confidence(scored):
    """The paired bootstrap over the blind sets' reports together."""
    diff, low, high = _together(scored)
    assert low > 0, f"{sorted(scored)}: {diff:+.3f} ({low:+.3f} to {high:+.3f})"


def test_blind_learned_layer_is_0_06_above_the_rules(scored):
    """Issue 18's target, on the blind sets' reports together. Reached by the sixth version on
    heldout18-20's 75 reports: +0.070 (+0.041 to +0.102); the fifth version gave +0.059 on
    heldout14-17 and, scored afterwards for comparison, +0.046 on heldout18-20."""
    diff, low, high = _together(scored)
    assert diff >= 0.06, f"{sorted(scored)}: {diff:+.3f} ({low:+.3f} to {high:+.3f})"
