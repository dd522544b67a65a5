"""Tests for sitrep.extract.candidates: the candidates table of the seed report."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sitrep.extract import CANDIDATE_COLUMNS, draft_victims, extract_figures

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_1a76105c3b426e2f.txt"


@pytest.fixture(scope="module")
def seed() -> tuple[str, pd.DataFrame]:
    text = SEED.read_text(encoding="utf-8")
    return text, extract_figures(text, SEED.name)


def _row(frame: pd.DataFrame, **where) -> pd.DataFrame:
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column] == value
    return frame[mask]


def test_seed_columns_are_exactly_the_candidate_columns(seed):
    assert list(seed[1].columns) == list(CANDIDATE_COLUMNS)


def test_seed_23_civilians_and_14_security_officials_with_their_sentence(seed):
    text, c = seed
    civ = _row(c, victim_category="civilians", outcome="killed", low=23, high=23, claim="no")
    sf = _row(c, victim_category="security_forces", outcome="killed", low=14, high=14,
              claim="no")
    assert len(civ) == 1 and len(sf) == 1
    sentence = "The attacks claimed the lives of 23 civilians and 14 security officials"
    assert civ.iloc[0]["sentence"].startswith(sentence)
    assert text[civ.iloc[0]["start"]:civ.iloc[0]["end"]] == "23 civilians"
    assert text[sf.iloc[0]["start"]:sf.iloc[0]["end"]] == "14 security officials"


def test_seed_over_40_dead_in_all_is_open_from_41(seed):
    text, c = seed
    total = _row(c, victim_category="all", outcome="killed", low=41)
    assert len(total) == 1 and pd.isna(total.iloc[0]["high"])
    assert text[total.iloc[0]["start"]:total.iloc[0]["end"]] == "over 40 individuals"


def test_seed_victims_by_origin_14_from_punjab_and_9_baloch(seed):
    _, c = seed
    punjab = _row(c, outcome="killed", low=14, home_province="Punjab")
    baloch = _row(c, outcome="killed", low=9, home_province="Baloch")
    assert len(punjab) == 1 and len(baloch) == 1
    # parts of the victims of unknown kind, never a second total
    assert set(punjab["victim_category"]) | set(baloch["victim_category"]) == {"unknown"}
    assert "Musakhail" in set(punjab["place"]) | set(baloch["place"])
    v = draft_victims(c)
    got = {(r.home_province, r.count, r.basis) for r in v.itertuples()}
    assert ("Punjab", "14", "reported") in got
    assert ("Balochistan", "nine", "inferred") in got


def test_seed_800_fighters_is_not_a_figure_and_nothing_is_a_claim(seed):
    text, c = seed
    assert 800 not in set(c["low"])
    assert set(c["claim"]) == {"no"}  # "claimed responsibility", "claimed the lives of"


def test_every_evidence_span_is_inside_its_sentence(seed):
    text, c = seed
    for r in c.itertuples():
        evidence = text[r.start:r.end]
        assert evidence and evidence in r.sentence
