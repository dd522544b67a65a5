"""Tests for the scoring scripts: scripts/eval_extract.py (``make eval-extract``) and
scripts/agreement.py (a second annotation against the first)."""

from __future__ import annotations

from pathlib import Path

from conftest import load_script

ROOT = Path(__file__).resolve().parent.parent


def _splits(fixtures, *names: str) -> None:
    """Splits of one report each, with its one gold figure."""
    for name in names:
        split = fixtures / name
        split.mkdir()
        (split / "r1.txt").write_text("Three soldiers were killed.", encoding="utf-8")
        (split / "gold.csv").write_text(
            "document,victim_category,outcome,low,high,claim,home_province\n"
            "r1.txt,security_forces,killed,3,3,no,\n", encoding="utf-8")


def test_eval_script_scores_any_split_by_name(tmp_path, capsys):
    eval_extract = load_script("eval_extract")
    _splits(tmp_path, "blind")
    assert eval_extract.main(["--split", "blind", "--fixtures", str(tmp_path)]) == 0
    assert "blind: 1 reports" in capsys.readouterr().out
    # A held-out split's misses stay unread unless asked for: reading them would un-blind it.
    (tmp_path / "blind" / "gold.csv").write_text(
        "document,victim_category,outcome,low,high,claim,home_province\n"
        "r1.txt,civilians,killed,5,5,no,\n", encoding="utf-8")
    assert eval_extract.main(["--split", "blind", "--fixtures", str(tmp_path)]) == 0
    assert "recall 0.000" in (out := capsys.readouterr().out) and "missed" not in out
    assert eval_extract.main(["--split", "blind", "--fixtures", str(tmp_path),
                              "--show-misses"]) == 0
    assert "missed: civilians killed 5" in capsys.readouterr().out
    assert eval_extract.main(["--split", "heldout9", "--fixtures", str(tmp_path)]) == 2
    assert "splits: blind" in capsys.readouterr().err


def test_agreement_script_scores_a_second_annotation_against_the_first(tmp_path, capsys,
                                                                         monkeypatch):
    agreement = load_script("agreement")
    monkeypatch.setattr(agreement, "PAIRS", {"spent_second.csv": ("dev", "v"),
                                             "blind_second.csv": ("blind", "c")})
    header = "document,victim_category,outcome,low,high,claim,home_province\n"
    for folder in ("dev", "agreement", "blind"):
        (tmp_path / folder).mkdir()
    # the first gold also holds another set's report (d01, not counted) and a report the
    # second annotator found no figure in (v02, counted: its figure is a difference)
    (tmp_path / "dev" / "gold.csv").write_text(
        header + "v01.txt,all,killed,5,5,no,\nv01.txt,civilians,killed,2,,no,\n"
        "v02.txt,all,injured,3,3,no,\nd01.txt,all,killed,9,9,no,\n", encoding="utf-8")
    (tmp_path / "agreement" / "spent_second.csv").write_text(
        header + "v01.txt,all,killed,5,5,no,\nv01.txt,civilians,killed,2,2,no,\n",
        encoding="utf-8")
    (tmp_path / "blind" / "gold.csv").write_text(
        header + "c01.txt,militants,killed,4,4,no,\n", encoding="utf-8")
    (tmp_path / "agreement" / "blind_second.csv").write_text(
        header + "c01.txt,militants,killed,4,,no,\n", encoding="utf-8")
    assert agreement.main(["--fixtures", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "precision 0.500  recall 0.333" in out  # one of two, one of three
    assert "v01.txt  first only:  civilians killed 2+" in out
    assert "v01.txt  second only: civilians killed 2" in out
    assert "v02.txt  first only:  all injured 3" in out
    assert "d01" not in out
    assert "precision 0.000  recall 0.000" in out  # the blind set's one figure differs ...
    assert "c01" not in out  # ... and a held-out set's differences stay unread
    assert agreement.main(["--fixtures", str(tmp_path), "--show-differences"]) == 0
    assert "c01.txt  second only: militants killed 4+" in capsys.readouterr().out


def test_a_sealed_split_is_skipped_by_all_and_scored_only_by_name(tmp_path, capsys):
    eval_extract = load_script("eval_extract")
    _splits(tmp_path, "open", "sealed")
    (tmp_path / "sealed" / "SEALED").write_text("waiting for the next change\n")
    assert eval_extract.main(["--fixtures", str(tmp_path), "--no-curve"]) == 0
    out = capsys.readouterr().out
    assert "== open: 1 reports" in out and "sealed: sealed, not scored" in out
    assert "== sealed: 1 reports" not in out
    assert eval_extract.main(["--split", "sealed", "--fixtures", str(tmp_path),
                              "--no-curve"]) == 0
    assert "== sealed: 1 reports" in capsys.readouterr().out


def test_a_split_trained_on_says_its_score_is_in_sample_and_judges_nothing(tmp_path, capsys):
    eval_extract = load_script("eval_extract")
    _splits(tmp_path, "dev", "trained", "blind", "sealed")
    (tmp_path / "trained" / "TRAIN").write_text("training data now\n")
    (tmp_path / "sealed" / "SEALED").write_text("waiting for the next change\n")
    assert eval_extract.blind_splits(tmp_path) == ["blind"]
    assert eval_extract.main(["--fixtures", str(tmp_path), "--no-curve"]) == 0
    out = capsys.readouterr().out
    assert "== trained: 1 reports, 1 gold figures (the learned layer is trained on it" in out
    assert "== blind: 1 reports, 1 gold figures\n" in out


def test_the_blind_sets_are_also_scored_together_and_only_they(tmp_path, capsys):
    eval_extract = load_script("eval_extract")
    _splits(tmp_path, "dev", "trained", "blind_a", "blind_b")
    (tmp_path / "trained" / "TRAIN").write_text("training data now\n")
    assert eval_extract.main(["--fixtures", str(tmp_path), "--no-curve"]) == 0
    out = capsys.readouterr().out
    assert "== the blind sets together (blind_a, blind_b): F1 learned - rules +0.000" in out
    # one blind set is its own line already: nothing is said of it "together"
    (tmp_path / "blind_b" / "TRAIN").write_text("training data now\n")
    assert eval_extract.main(["--fixtures", str(tmp_path), "--no-curve"]) == 0
    assert "together" not in capsys.readouterr().out
