"""Tests for sitrep.extract.learn.train and model: deterministic, JSON, small, reproducible."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import load_script
from sitrep.extract.learn import train as T
from sitrep.extract.learn.apply import MODEL
from sitrep.extract.learn.model import dump

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "fixtures" / "extract" / "dev"


@pytest.fixture(scope="module")
def dev_examples():
    return T.prepare(T.read_folder(DEV))


def test_training_twice_gives_the_same_bytes(dev_examples):
    small = dev_examples[::8]
    assert dump(T.train(small)) == dump(T.train(small))


def test_the_committed_model_is_small_json_and_no_pickle():
    raw = MODEL.read_bytes()
    assert len(raw) < 5_000_000
    model = json.loads(raw)
    assert set(model["fields"]) == {"figure", "category", "outcome", "open", "claim"}
    assert b"pickle" not in raw and not raw.startswith(b"\x80")


def test_the_committed_model_is_what_make_train_extract_builds():
    """The same command rebuilds it byte for byte (about 20 s)."""
    script = load_script("train_extract")
    if (script.REVIEWED / "gold.csv").is_file():
        pytest.skip("a reviewed store is present: the committed model was trained without it")
    reports = script.training_reports(reviewed=ROOT / "no-such-store")
    assert dump(script.model_of(reports)) == MODEL.read_text(encoding="utf-8")


def test_the_training_sets_are_dev_and_the_sets_marked_train(tmp_path):
    for name, marked in (("dev", False), ("old", True), ("blind", False), ("nogold", True)):
        (tmp_path / name).mkdir()
        if name != "nogold":
            (tmp_path / name / "gold.csv").write_text("document\n", encoding="utf-8")
        if marked:
            (tmp_path / name / T.TRAIN_MARK).write_text("", encoding="utf-8")
    assert [p.name for p in T.training_sets(tmp_path)] == ["dev", "old"]


def test_a_report_name_in_two_training_sets_is_refused(tmp_path):
    for name in ("dev", "other"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a01.txt").write_text("Two soldiers were killed.", encoding="utf-8")
        (tmp_path / name / "gold.csv").write_text(
            "document,victim_category,outcome,low,high,claim,home_province\n", encoding="utf-8")
    script = load_script("train_extract")
    with pytest.raises(SystemExit, match="a01.txt: a report of that name is already"):
        script.training_reports([tmp_path / "dev", tmp_path / "other"], tmp_path / "none")


def test_folds_hold_whole_sets(dev_examples):
    folds = T.folds(dev_examples)
    sets = [{T.set_of(dev_examples[i].pool.document) for i in f} for f in folds]
    assert len(folds) == 5 and sorted(i for f in folds for i in f) == list(range(len(dev_examples)))
    assert all(a.isdisjoint(b) for k, a in enumerate(sets) for b in sets[k + 1:])


def test_the_reviewed_store_adds_its_reports(tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    (store / "z01.txt").write_text("Three soldiers were killed.", encoding="utf-8")
    (store / "gold.csv").write_text(
        "document,victim_category,outcome,low,high,claim,home_province\n"
        "z01.txt,security_forces,killed,3,3,no,\n", encoding="utf-8")
    script = load_script("train_extract")
    reports = script.training_reports(DEV, store)
    assert reports[-1][0] == "z01.txt" and reports[-1][2][0].category == "security_forces"
    assert len(script.training_reports(DEV, tmp_path / "absent")) == len(reports) - 1


def test_calibration_a_likelier_bin_is_right_more_often(dev_examples):
    """On dev cross-validation: probabilities in 0..1, and rows above 0.9 are right more
    often than rows under it."""
    preds = T.cross_predictions(dev_examples)
    platt_figure, platt_row = T.calibrations(dev_examples, preds)
    from sitrep.extract.learn.model import calibrate
    bins = {True: [], False: []}
    for ex, ps in zip(dev_examples, preds):
        for r in T.rows_of(ex, ps, platt_figure):
            p = calibrate(platt_row, r.p_figure * r.p_labels)
            assert 0.0 <= p <= 1.0
            right = (r.category, r.outcome, r.low, r.high, r.claim) in ex.keys
            bins[p > 0.9].append(right)
    assert bins[True] and bins[False]
    assert sum(bins[True]) / len(bins[True]) > sum(bins[False]) / len(bins[False])
    # the rows' calibration is fitted on the reports named, the figure's on all of them
    names = {ex.pool.document for ex in dev_examples}
    assert T.calibrations(dev_examples, preds, rows_on=names) == (platt_figure, platt_row)
    assert T.calibrations(dev_examples, preds, rows_on=set()) == (platt_figure, T.IDENTITY)
