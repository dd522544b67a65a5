"""Tests for sitrep.extract.scoring: scores against gold figures, on the dev and held-out
splits."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sitrep.extract import evaluate, evaluate_folder

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract"


def test_evaluate_counts_sets_of_figures():
    gold = pd.DataFrame({"document": ["d", "d"], "victim_category": ["all", "civilians"],
                         "outcome": ["killed", "killed"], "low": ["12", "2"],
                         "high": ["12", ""], "claim": ["no", "no"]})
    pred = pd.DataFrame({"document": ["d", "d", "d"],
                         "victim_category": ["all", "all", "militants"],
                         "outcome": ["killed"] * 3, "low": [12, 12, 3], "high": [12, 12, 3],
                         "claim": ["no"] * 3})
    result = evaluate(pred, gold)
    assert (result["precision"], result["recall"]) == (0.5, 0.5)


def test_dev_split_scores():
    result = evaluate_folder(FIXTURES / "dev")
    assert result["documents"] >= 25
    assert result["precision"] >= 0.9 and result["recall"] >= 0.9


HELDOUT = FIXTURES / "heldout10"


@pytest.mark.xfail(strict=True, reason=(
    "issue 8's target is not met: scored once, heldout10 gave precision 0.728 and recall 0.650 "
    "(see tests/fixtures/extract/README.md for every blind round); strict, so a rules change "
    "that reaches 0.9 on it shows up as XPASS and this mark must then go"))
def test_heldout_split_precision_and_recall_at_least_0_9():
    """Issue 8: >= 0.9 on reports the rules were never tuned on (written blind, in heldout10/).

    Do not tune on heldout10/: `make eval-extract` prints its scores only. The message names
    only the scores, so that a failure does not show the misses to whoever edits the rules.
    """
    result = evaluate_folder(HELDOUT)
    assert result["documents"] >= 25
    scores = f"precision {result['precision']:.3f}, recall {result['recall']:.3f}"
    assert result["precision"] >= 0.9 and result["recall"] >= 0.9, scores
