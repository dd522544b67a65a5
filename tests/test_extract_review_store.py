"""Tests for sitrep.extract.review.store: the training store that make train-extract reads,
in exactly the evaluation splits' format, a report's rows replaced when it is applied again."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from conftest import load_script
from sitrep.extract import run_extract
from sitrep.extract.review.decisions import ReviewError, read_review
from sitrep.extract.review.loop import apply_review
from sitrep.extract.review.store import STORE_COLUMNS, write_store
from sitrep.extract.scoring import evaluate_folder
from sitrep.extract.texts import read_documents

ROOT = Path(__file__).resolve().parent.parent
DEV_GOLD = ROOT / "tests" / "fixtures" / "extract" / "dev" / "gold.csv"
HEAD = ("document,sentence,start,end,victim_category,outcome,low,high,claim,place,"
        "home_province,probability,decision\n")
BODY = "Gunmen killed five soldiers. Two civilians were injured. Over 40 people died."


def _setup(tmp_path, rows: list[str]):
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    (seeds / "a.txt").write_text("Publisher: Wire\nPublished: 2024-08-26\n\n" + BODY,
                                 encoding="utf-8")
    (seeds / "b.txt").write_text("Nine militants were killed.", encoding="utf-8")
    (tmp_path / "candidates.csv").write_text(HEAD + "".join(r + "\n" for r in rows),
                                             encoding="utf-8")
    return read_review(tmp_path / "candidates.csv"), read_documents(seeds)


def test_the_store_has_the_evaluation_splits_format(tmp_path):
    review, reports = _setup(tmp_path, [
        "a.txt,s,37,42,security_forces,killed,5,5,no,,,0.9,accept",
        "a.txt,s,66,69,civilians,injured,2,2,no,,,0.9,reject",
        "a.txt,s,98,112,All,killed,41,,no,,,0.9,accept",
        "a.txt,,,,civilians,injured,2,2,no,,Punjab,,add",
        "b.txt,s,0,4,militants,killed,9,9,no,,,0.9,"])
    done = write_store(tmp_path / "store", review, reports)
    assert done == {"documents": 1, "gold": 3, "replaced": [], "text_changed": []}
    gold_text = (tmp_path / "store" / "gold.csv").read_text(encoding="utf-8")
    assert gold_text.splitlines()[0] == DEV_GOLD.read_text(encoding="utf-8").splitlines()[0]
    assert tuple(gold_text.splitlines()[0].split(",")) == STORE_COLUMNS
    assert gold_text.splitlines()[1:] == ["a.txt,security_forces,killed,5,5,no,",
                                          "a.txt,all,killed,41,,no,",
                                          "a.txt,civilians,injured,2,2,no,Punjab"]
    # The text without its header; a report nobody reviewed is not there.
    assert (tmp_path / "store" / "a.txt").read_text(encoding="utf-8") == BODY
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == ["a.txt", "gold.csv"]
    # The scorer that reads the evaluation splits reads the store as one.
    result = evaluate_folder(tmp_path / "store")
    assert result["documents"] == 1 and result["gold"] == 3
    # And so does make train-extract, which takes the store as another training split.
    from sitrep.extract.learn.train import read_folder
    [(name, text, figures)] = read_folder(tmp_path / "store")
    assert (name, text, len(figures)) == ("a.txt", BODY, 3)


def test_applying_again_replaces_the_reports_rows(tmp_path):
    review, reports = _setup(tmp_path, [
        "a.txt,s,37,42,security_forces,killed,5,5,no,,,0.9,accept",
        "a.txt,s,98,112,all,killed,41,,no,,,0.9,accept",
        "b.txt,s,0,4,militants,killed,9,9,no,,,0.9,accept"])
    write_store(tmp_path / "store", review, reports)
    review, reports = _setup(tmp_path, [
        "a.txt,s,37,42,security_forces,killed,6,6,no,,,0.9,accept",
        "a.txt,s,98,112,all,killed,41,,no,,,0.9,reject",
        "b.txt,s,0,4,militants,killed,9,9,no,,,0.9,"])
    done = write_store(tmp_path / "store", review, reports)
    assert done["replaced"] == ["a.txt"]
    gold = pd.read_csv(tmp_path / "store" / "gold.csv", dtype=str, keep_default_na=False)
    # b.txt's earlier rows stay; a.txt's are the new review's only.
    assert gold.values.tolist() == [["b.txt", "militants", "killed", "9", "9", "no", ""],
                                    ["a.txt", "security_forces", "killed", "6", "6", "no", ""]]


def test_a_report_whose_figures_were_all_rejected_is_kept_without_gold(tmp_path):
    review, reports = _setup(tmp_path, ["a.txt,s,37,42,security_forces,killed,5,5,no,,,0.9,"
                                        "reject"])
    assert write_store(tmp_path / "store", review, reports)["gold"] == 0
    assert (tmp_path / "store" / "a.txt").is_file()
    assert (tmp_path / "store" / "gold.csv").read_text(encoding="utf-8").splitlines() == [
        ",".join(STORE_COLUMNS)]


def test_a_store_that_cannot_take_the_review_stops_the_apply_before_the_log(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("Published: 2024-08-26\n\n" + BODY,
                                              encoding="utf-8")
    run_extract(tmp_path / "seeds", tmp_path / "cand")
    cands = pd.read_csv(tmp_path / "cand" / "candidates.csv", dtype=str, keep_default_na=False)
    cands["decision"] = "accept"
    cands.to_csv(tmp_path / "cand" / "candidates.csv", index=False)
    (tmp_path / "log").mkdir()
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "gold.csv").write_text("document,category\n", encoding="utf-8")
    with pytest.raises(ReviewError, match="gold.csv:1: the header is document,category"):
        apply_review(tmp_path / "cand", tmp_path / "seeds", tmp_path / "log",
                     tmp_path / "store", lambda folder: [])
    assert not list((tmp_path / "log").iterdir())
    (tmp_path / "store" / "gold.csv").unlink()
    (tmp_path / "store").rmdir()
    (tmp_path / "store").write_text("", encoding="utf-8")
    with pytest.raises(ReviewError, match="is a file, not a folder"):
        apply_review(tmp_path / "cand", tmp_path / "seeds", tmp_path / "log",
                     tmp_path / "store", lambda folder: [])
    assert not list((tmp_path / "log").iterdir())


def test_a_reviewed_report_named_as_a_dev_one_is_trained_on_not_dropped(tmp_path):
    script = load_script("train_extract")
    dev = DEV_GOLD.parent
    name = sorted(p.name for p in dev.glob("*.txt"))[0]
    store = tmp_path / "store"
    store.mkdir()
    (store / name).write_text("Nine militants were killed.", encoding="utf-8")
    (store / "gold.csv").write_text(",".join(STORE_COLUMNS) + "\n"
                                    f"{name},militants,killed,9,9,no,\n", encoding="utf-8")
    said = []
    reports = script.training_reports(dev, store, said.append)
    assert reports[-1][0] == f"reviewed-{name}" and reports[-1][2][0].low == 9
    assert said == [f"{store / name}: another report than the training sets' {name}: "
                    f"trained on as reviewed-{name}"]
    # The very text of dev's report: one report, dev's gold.
    (store / name).write_bytes((dev / name).read_bytes())
    said.clear()
    assert len(script.training_reports(dev, store, said.append)) == len(reports) - 1
    assert "the text of the training sets'" in said[0]
