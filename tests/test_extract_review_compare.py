"""Tests for sitrep.extract.review.compare: an event the log holds is the same only when its
incident row (notes' figures included) and every victims row match the review now."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sitrep.extract import run_extract
from sitrep.extract.review.decisions import ReviewError
from sitrep.extract.review.loop import apply_review

TEXT = ("Publisher: Test Wire\nPublished: 2024-08-26\n\n"
        "QUETTA: Gunmen killed five soldiers in Kech district on Monday, police said. Two "
        "civilians were injured. The Baloch Liberation Army said it had killed 12 soldiers.\n")
FILES = ("incidents.csv", "sources.csv", "victims.csv")


def _decide(base: Path, decisions: list[str], **edits) -> None:
    path = base / "cand" / "candidates.csv"
    cands = pd.read_csv(path, dtype=str, keep_default_na=False)
    cands["decision"] = decisions
    for column, values in edits.items():
        cands[column] = values
    cands.to_csv(path, index=False)


def _apply(base: Path) -> list[str]:
    return apply_review(base / "cand", base / "seeds", base / "log", base / "store",
                        lambda folder: [])


@pytest.fixture
def applied(tmp_path):
    """a.txt reviewed (the injured civilians from Punjab: a victims row) and applied once."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(TEXT, encoding="utf-8")
    run_extract(tmp_path / "seeds", tmp_path / "cand")
    (tmp_path / "log").mkdir()
    _decide(tmp_path, ["accept"] * 3, home_province=["", "Punjab", ""],
            claim=["no", "no", "yes"])
    _apply(tmp_path)
    assert len(pd.read_csv(tmp_path / "log" / "victims.csv")) == 1
    return tmp_path


def _refused(base: Path) -> str:
    before = {n: (base / "log" / n).read_bytes() for n in FILES}
    with pytest.raises(ReviewError) as err:
        _apply(base)
    assert {n: (base / "log" / n).read_bytes() for n in FILES} == before
    return str(err.value)


def test_the_same_review_again_is_skipped(applied):
    said = "\n".join(_apply(applied))
    assert "nothing new to add" in said and "victims.csv: 1 row(s) already there" in said


def test_a_victims_count_changed_is_a_conflict_not_a_second_row(applied):
    _decide(applied, ["accept"] * 3, home_province=["", "Punjab", ""],
            claim=["no", "no", "yes"], low=["5", "3", "12"], high=["5", "3", "12"])
    message = _refused(applied)
    assert "incidents.csv:2, victims.csv:2: EXT-a~" in message
    assert "victims row civilians from Punjab count 'two' (the review: '3')" in message


def test_a_home_province_changed_or_a_victims_figure_rejected(applied):
    _decide(applied, ["accept"] * 3, home_province=["", "Sindh", ""],
            claim=["no", "no", "yes"])
    message = _refused(applied)
    assert "victims row civilians from Punjab two (line 2), which the review no longer " \
           "gives" in message
    assert "no victims row civilians from Sindh two (the review gives it)" in message


def test_a_figure_carried_only_in_the_notes_changed_is_a_conflict(applied):
    # The claim (12 soldiers) is kept out of the counts and said in the notes only.
    _decide(applied, ["accept"] * 3, home_province=["", "Punjab", ""],
            claim=["no", "no", "yes"], low=["5", "2", "13"], high=["5", "2", "13"])
    assert "with notes '..." in _refused(applied)


def test_a_report_applied_before_under_other_events_is_a_conflict(applied):
    _decide(applied, ["reject"] * 3)
    assert "incidents.csv:2: EXT-a~" in (message := _refused(applied))
    assert "came from an earlier review of a.txt; the review now gives no incident" in message
    # Its text edited: another hash, another event id; the earlier one is named.
    (applied / "seeds" / "a.txt").write_text(TEXT.replace("Monday", "Sunday"),
                                             encoding="utf-8")
    _decide(applied, ["accept"] * 3, home_province=["", "Punjab", ""],
            claim=["no", "no", "yes"])
    assert "came from an earlier review of a.txt; the review now gives EXT-a~" in \
        _refused(applied)
