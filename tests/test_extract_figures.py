"""Tests for sitrep.extract.figures, end to end: bounds, outcomes and categories read from
whole sentences. ``figures`` and ``f`` here are the helpers the rule tests share
(tests/test_extract_<rule>.py)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sitrep.extract import extract_figures
from sitrep.extract.candidates import rule_figures

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_1a76105c3b426e2f.txt"


def figures(text: str) -> set[tuple]:
    """(category, outcome, low, high, claim) of every figure the rules propose (the rule
    layer: the learned layer of issue 18 has its own tests); high None when open."""
    c = rule_figures(text, "t.txt")
    return {(r.victim_category, r.outcome, int(r.low),
             None if pd.isna(r.high) else int(r.high), r.claim) for r in c.itertuples()}


K, I = "killed", "injured"
CIV, SF, MIL, ALL, UNK = "civilians", "security_forces", "militants", "all", "unknown"


def f(category: str, outcome: str, low: int, high: object = "=", claim: str = "no") -> tuple:
    """A figure as ``figures`` gives it; ``high`` defaults to ``low``, None is open."""
    return (category, outcome, low, low if high == "=" else high, claim)


@pytest.mark.parametrize("text, expected", [
    ("Twenty-three civilians were killed.", ("civilians", "killed", 23, 23, "no")),
    ("Gunmen shot dead a dozen passengers.", ("civilians", "killed", 12, 12, "no")),
    ("More than 40 people died.", ("all", "killed", 41, None, "no")),
    ("At least 14 soldiers lost their lives.", ("security_forces", "killed", 14, None, "no")),
    ("Up to 50 people were injured.", ("all", "injured", 0, 50, "no")),
    ("Between 14 and 20 policemen were wounded.", ("security_forces", "injured", 14, 20, "no")),
    ("About 30 labourers were hurt.", ("civilians", "injured", 30, 30, "no")),
    ("Police recovered 1,200 bodies.", ("all", "killed", 1200, 1200, "no")),
    ("Five FC personnel were martyred.", ("security_forces", "killed", 5, 5, "no")),
    ("Three Levies men died.", ("security_forces", "killed", 3, 3, "no")),
    ("Security forces killed 11 terrorists.", ("militants", "killed", 11, 11, "no")),
    ("A policeman was shot dead.", ("security_forces", "killed", 1, 1, "no")),
    ("Nine people, all of them pilgrims, were killed.", ("all", "killed", 9, 9, "no")),
    ("Three teachers were among the dead.", ("civilians", "killed", 3, None, "no")),
    ("Roughly 10 to 12 rebels were killed.", ("militants", "killed", 10, 12, "no")),
    ("Two constables were killed and a third was hurt.",
     ("security_forces", "injured", 1, 1, "no")),
    ("Gunmen killed two shopkeepers and wounded another.", ("civilians", "injured", 1, 1, "no")),
    ("Six miners suffered injuries.", ("civilians", "injured", 6, 6, "no")),
])
def test_numbers_bounds_outcomes_and_categories(text, expected):
    assert expected in figures(text)


def test_same_text_gives_the_same_rows():
    text = SEED.read_text(encoding="utf-8")
    pd.testing.assert_frame_equal(extract_figures(text, "a"), extract_figures(text, "a"))
