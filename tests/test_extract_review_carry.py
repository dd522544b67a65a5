"""Tests for sitrep.extract.review.carry: a re-extraction keeps the decisions written."""

from __future__ import annotations

import pandas as pd

from sitrep.extract import run_extract
from sitrep.extract.review.carry import carry_decisions, earlier_decisions

TEXT = "Gunmen killed five soldiers. Two civilians were injured. Nine militants were killed."


def test_decisions_corrections_and_additions_survive_a_re_extraction(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "cand"
    run_extract(tmp_path / "seeds", out)
    cands = pd.read_csv(out / "candidates.csv", dtype=str, keep_default_na=False)
    assert list(cands["low"]) == ["5", "2", "9"]
    cands["decision"] = ["accept", "reject", "accept"]
    cands.loc[2, "low"] = cands.loc[2, "high"] = "10"  # a correction
    added = {**{c: "" for c in cands.columns}, "document": "a.txt", "victim_category": "all",
             "outcome": "killed", "low": "15", "high": "15", "claim": "no", "decision": "add"}
    pd.concat([cands, pd.DataFrame([added])]).to_csv(out / "candidates.csv", index=False)

    earlier = earlier_decisions(out)
    run_extract(tmp_path / "seeds", out)  # writes candidates.csv afresh
    assert carry_decisions(out, earlier) == 4
    again = pd.read_csv(out / "candidates.csv", dtype=str, keep_default_na=False)
    assert list(again["decision"]) == ["accept", "reject", "accept", "add"]
    assert list(again["low"]) == ["5", "2", "10", "15"]


def test_a_reject_holds_only_for_the_same_figure(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "cand"
    run_extract(tmp_path / "seeds", out)
    cands = pd.read_csv(out / "candidates.csv", dtype=str, keep_default_na=False)
    cands["decision"] = "reject"
    cands.loc[1, "victim_category"] = "militants"  # the extractor proposed another figure then
    cands.to_csv(out / "candidates.csv", index=False)
    earlier = earlier_decisions(out)
    run_extract(tmp_path / "seeds", out)
    assert carry_decisions(out, earlier) == 2
    again = pd.read_csv(out / "candidates.csv", dtype=str, keep_default_na=False)
    assert list(again["decision"]) == ["reject", "", "reject"]


def test_nothing_to_carry(tmp_path):
    assert earlier_decisions(tmp_path).empty
    assert carry_decisions(tmp_path, earlier_decisions(tmp_path)) == 0


def test_decisions_in_a_file_excel_saved_as_windows_1252_are_kept(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "cand"
    run_extract(tmp_path / "seeds", out)
    cands = pd.read_csv(out / "candidates.csv", dtype=str, keep_default_na=False)
    cands["decision"] = ["accept", "reject", "accept"]
    cands.loc[0, "home_province"] = "Bal\u00f4chistan \u2014"  # characters cp1252 has
    (out / "candidates.csv").write_bytes(cands.to_csv(index=False).encode("cp1252"))
    earlier = earlier_decisions(out)
    run_extract(tmp_path / "seeds", out)
    assert carry_decisions(out, earlier) == 3
    again = pd.read_csv(out / "candidates.csv", dtype=str, keep_default_na=False)
    assert again.loc[0, "home_province"] == "Bal\u00f4chistan \u2014"
