"""Tests for sitrep.extract.review.carry: a re-extraction keeps the decisions written."""

from __future__ import annotations

import pandas as pd
import pytest

from sitrep.extract import run_extract
from sitrep.extract.review.carry import carry_decisions, earlier_decisions
from sitrep.extract.review.decisions import ReviewError, read_review

TEXT = "Gunmen killed five soldiers. Two civilians were injured. Nine militants were killed."


def _extracted(tmp_path, text):
    """Extract ``text`` as a.txt: (seeds, out, the candidates as make extract wrote them)."""
    seeds, out = tmp_path / "seeds", tmp_path / "cand"
    seeds.mkdir()
    (seeds / "a.txt").write_text(text, encoding="utf-8")
    run_extract(seeds, out)
    return seeds, out, pd.read_csv(out / "candidates.csv", dtype=str, keep_default_na=False)


def test_decisions_corrections_and_additions_survive_a_re_extraction(tmp_path):
    seeds, out, cands = _extracted(tmp_path, TEXT)
    assert list(cands["low"]) == ["5", "2", "9"]
    cands["decision"] = ["accept", "reject", "accept"]
    cands.loc[2, "low"] = cands.loc[2, "high"] = "10"  # a correction
    added = {**{c: "" for c in cands.columns}, "document": "a.txt", "victim_category": "all",
             "outcome": "killed", "low": "15", "high": "15", "claim": "no", "decision": "add"}
    pd.concat([cands, pd.DataFrame([added])]).to_csv(out / "candidates.csv", index=False)

    earlier = earlier_decisions(out)
    run_extract(seeds, out)  # writes candidates.csv afresh
    assert carry_decisions(out, earlier) == 4
    again = pd.read_csv(out / "candidates.csv", dtype=str, keep_default_na=False)
    assert list(again["decision"]) == ["accept", "reject", "accept", "add"]
    assert list(again["low"]) == ["5", "2", "10", "15"]


def test_a_reject_holds_only_for_the_same_figure(tmp_path):
    seeds, out, cands = _extracted(tmp_path, TEXT)
    cands["decision"] = "reject"
    cands.loc[1, "victim_category"] = "militants"  # the extractor proposed another figure then
    cands.to_csv(out / "candidates.csv", index=False)
    earlier = earlier_decisions(out)
    run_extract(seeds, out)
    assert carry_decisions(out, earlier) == 2
    again = pd.read_csv(out / "candidates.csv", dtype=str, keep_default_na=False)
    assert list(again["decision"]) == ["reject", "", "reject"]


def test_nothing_to_carry(tmp_path):
    assert earlier_decisions(tmp_path).empty
    assert carry_decisions(tmp_path, earlier_decisions(tmp_path)) == 0


def test_decisions_in_a_file_excel_saved_as_windows_1252_are_kept(tmp_path):
    seeds, out, cands = _extracted(tmp_path, TEXT)
    cands["decision"] = ["accept", "reject", "accept"]
    cands.loc[0, "home_province"] = "Bal\u00f4chistan \u2014"  # characters cp1252 has
    (out / "candidates.csv").write_bytes(cands.to_csv(index=False).encode("cp1252"))
    earlier = earlier_decisions(out)
    run_extract(seeds, out)
    assert carry_decisions(out, earlier) == 3
    again = pd.read_csv(out / "candidates.csv", dtype=str, keep_default_na=False)
    assert again.loc[0, "home_province"] == "Bal\u00f4chistan \u2014"


# An edited text moves the offsets: the decisions follow the figures, never twice.

def _review(tmp_path, text, decide):
    """Extract ``text`` as a.txt, let ``decide`` write decisions on the candidates, and return
    (seeds, out)."""
    seeds, out, cands = _extracted(tmp_path, text)
    decide(cands).to_csv(out / "candidates.csv", index=False)
    return seeds, out


def _re_extract(seeds, out, text):
    earlier = earlier_decisions(out)
    (seeds / "a.txt").write_text(text, encoding="utf-8")
    run_extract(seeds, out)
    kept = carry_decisions(out, earlier)
    return kept, pd.read_csv(out / "candidates.csv", dtype=str, keep_default_na=False)


def _corrected(cands):
    cands["decision"] = ["accept", "reject", "accept"]
    cands.loc[2, "low"] = cands.loc[2, "high"] = "10"  # a correction: 9 -> 10
    return cands


def test_decisions_follow_offsets_shifted_by_an_edit_before_the_figures(tmp_path):
    seeds, out = _review(tmp_path, TEXT, _corrected)
    before = pd.read_csv(out / "candidates.csv", dtype=str, keep_default_na=False)
    kept, again = _re_extract(seeds, out, "UPDATED. " + TEXT)
    assert len(again) == 3  # no stale row left beside the fresh one
    assert list(again["decision"]) == ["accept", "reject", "accept"]
    assert [int(s) - int(b) for s, b in zip(again["start"], before["start"])] == [9, 9, 9]
    assert (kept, kept.carried, kept.moved, kept.orphaned, kept.dropped) == (3, 0, 3, 0, 0)
    assert "3 moved with the text" in repr(kept)


def test_a_correction_is_carried_across_a_shift(tmp_path):
    seeds, out = _review(tmp_path, TEXT, _corrected)
    _, again = _re_extract(seeds, out, "UPDATED. " + TEXT)
    assert list(again["low"]) == ["5", "2", "10"]  # the analyst's 10, not the extractor's 9
    assert list(again["high"]) == ["5", "2", "10"]


def test_rejected_rows_are_carried_across_a_shift(tmp_path):
    def reject_all(cands):
        cands["decision"] = "reject"
        return cands
    seeds, out = _review(tmp_path, TEXT, reject_all)
    kept, again = _re_extract(seeds, out, "Report, 3 May.\n\n" + TEXT)
    assert list(again["decision"]) == ["reject"] * 3
    assert (kept, kept.moved, kept.dropped) == (3, 3, 0)


def test_an_edited_sentence_orphans_only_its_own_figure(tmp_path, capsys):
    def decide(cands):
        cands["decision"] = ["accept", "accept", "reject"]
        return cands
    seeds, out = _review(tmp_path, TEXT, decide)
    edited = TEXT.replace("Two civilians were injured.", "Police sealed off the area.")
    edited = edited.replace("Gunmen killed", "Armed gunmen killed")  # moves the first figure
    kept, again = _re_extract(seeds, out, edited)
    # The soldiers and the militants are found again; the civilians are gone from the text:
    # their accepted figure stays, visibly, without offsets and without a decision, once, so
    # that make extract-apply waits for the reviewer's add or reject.
    assert list(again["low"]) == ["5", "9", "2"]
    assert list(again["decision"]) == ["accept", "reject", ""]
    assert list(again["start"])[2] == "" and list(again["probability"])[2] == ""
    assert (kept, kept.moved, kept.orphaned) == (2, 2, 1)
    said = capsys.readouterr().out
    assert "'2 civilians injured' is no longer found in the text" in said
    with pytest.raises(ReviewError, match=r"have no decision while others of its rows have one"):
        read_review(out / "candidates.csv")


def test_a_rejection_no_longer_proposed_is_dropped_and_said(tmp_path, capsys):
    def decide(cands):
        cands["decision"] = ["accept", "reject", "accept"]
        return cands
    seeds, out = _review(tmp_path, TEXT, decide)
    kept, again = _re_extract(seeds, out, TEXT.replace("Two civilians were injured. ", ""))
    assert list(again["decision"]) == ["accept", "accept"]
    assert (kept, kept.carried, kept.moved, kept.dropped) == (2, 1, 1, 1)
    assert "'2 civilians injured' is no longer proposed: dropped" in capsys.readouterr().out


def test_no_figure_is_doubled_after_a_shift_and_a_second_run(tmp_path):
    from sitrep.extract.review.decisions import read_review

    def decide(cands):
        cands["decision"] = ["accept", "reject", "accept"]
        added = {**{c: "" for c in cands.columns}, "document": "a.txt", "victim_category": "all",
                 "outcome": "killed", "low": "15", "high": "15", "claim": "no",
                 "decision": "add"}
        return pd.concat([cands, pd.DataFrame([added])], ignore_index=True)
    seeds, out = _review(tmp_path, TEXT, decide)
    _re_extract(seeds, out, "UPDATED. " + TEXT)
    kept, again = _re_extract(seeds, out, "UPDATED AGAIN. " + TEXT)
    assert (kept, kept.moved, kept.added) == (4, 3, 1)
    assert list(again["decision"]) == ["accept", "reject", "accept", "add"]
    review = read_review(out / "candidates.csv")  # every row decided: nothing refused
    assert review.reviewed == ["a.txt"]
    assert sorted(review.accepted["low"]) == [5, 9, 15]
