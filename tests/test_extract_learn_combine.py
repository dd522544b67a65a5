"""Tests for sitrep.extract.learn.combine: how the model's labels meet the rules' reading."""

from __future__ import annotations

from sitrep.extract.learn.combine import OVERRIDE, label
from sitrep.extract.learn.pool import build_pool


def _pred(category: dict[str, float]) -> dict:
    return {"figure": {"yes": 0.9}, "category": category,
            "outcome": {"killed": 0.95, "injured": 0.05}, "open": {"yes": 0.0, "no": 1.0},
            "claim": {"yes": 0.0, "no": 1.0}}


def _candidate(text: str, value: int):
    pool = build_pool(text, "t.txt")
    [(i, c)] = [(i, c) for i, c in enumerate(pool.candidates) if c.low == value]
    return i, c


def test_a_generic_noun_never_gets_a_specific_category_from_the_model():
    """Convention 4: "individuals" among the victims are unknown, whoever they were, however
    sure the model is that the words around them speak of civilians."""
    text = ("Gunmen killed 20 people on a highway. Among the victims were nine Baluch "
            "individuals, officials said.")
    i, c = _candidate(text, 9)
    assert c.source == "proposed" and c.category == "unknown"
    sure = _pred({"civilians": 0.97, "unknown": OVERRIDE / 10, "all": 0.02,
                  "security_forces": 0.0, "militants": 0.0})
    assert label(c, i, sure).category == "unknown"
    # Between the generic categories the model may still move it.
    moved = _pred({"all": 0.99, "unknown": OVERRIDE / 10, "civilians": 0.0,
                   "security_forces": 0.0, "militants": 0.0})
    assert label(c, i, moved).category == "all"


def test_a_category_noun_is_overridden_only_below_the_threshold():
    text = "Gunmen killed five soldiers in Kech on Monday."
    i, c = _candidate(text, 5)
    assert c.category == "security_forces"
    low = _pred({"civilians": 0.95, "security_forces": OVERRIDE / 2, "all": 0.0,
                 "unknown": 0.0, "militants": 0.0})
    high = _pred({"civilians": 0.8, "security_forces": OVERRIDE * 2, "all": 0.0,
                  "unknown": 0.0, "militants": 0.0})
    assert label(c, i, low).category == "civilians"
    assert label(c, i, high).category == "security_forces"
