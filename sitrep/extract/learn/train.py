"""Training, deterministically: the same reports give the same model.json, byte for byte.

Reports are read in name order, candidates in text order, features sorted; scikit-learn's
lbfgs runs on one thread with no random start; weights are rounded (:mod:`.model`). The
calibration is fitted on cross-validated predictions within the training reports: folds hold
whole *sets* of reports (the name's letters: ``d``, ``h``, ``q``...), so that each prediction
is made by a model that never saw that writer's voice, as a blind set's would be.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sitrep.extract.learn.combine import combine, predict
from sitrep.extract.learn.document import document_pass
from sitrep.extract.learn.features import pool_features
from sitrep.extract.learn.model import calibrate, fit_field, fit_platt
from sitrep.extract.learn.pool import SKIP, Gold, Pool, align, build_pool
from sitrep.extract.scoring import _int_or_none, _yes

RULE_READING = "rule_"  # the prefix of the features that carry the rules' reading
C = 0.25       # inverse regularisation, the same for every field (chosen on dev folds)
FOLDS = 5


@dataclass
class Example:
    """One training report: its pool, its candidates' features, their gold (or None)."""

    pool: Pool
    feats: list[list[str]]
    gold: list[Gold | None]
    keys: set[tuple]            # the report's gold figures, for scoring rows


def read_folder(folder: str | Path) -> list[tuple[str, str, list[Gold]]]:
    """(name, text, gold figures) of every report of a folder with a gold.csv, by name."""
    folder = Path(folder)
    if not (folder / "gold.csv").is_file():
        return []
    gold = pd.read_csv(folder / "gold.csv", dtype=str, keep_default_na=False)
    out = []
    for p in sorted(folder.glob("*.txt")):
        rows = gold[gold["document"] == p.name]
        figs = [Gold(r.victim_category, r.outcome, int(_int_or_none(r.low)),
                     _int_or_none(r.high), _yes(r.claim)) for r in rows.itertuples()]
        out.append((p.name, p.read_text(encoding="utf-8"), figs))
    return out


TRAIN_MARK = "TRAIN"  # a set of reports holding this file is training data for the layer


def training_sets(fixtures: str | Path) -> list[Path]:
    """``fixtures/dev``, then every other set of ``fixtures`` (a folder with a gold.csv) that
    holds a ``TRAIN`` file, in name order."""
    fixtures = Path(fixtures)
    marked = sorted(p.parent for p in fixtures.glob(f"*/{TRAIN_MARK}")
                    if (p.parent / "gold.csv").is_file() and p.parent.name != "dev")
    return [fixtures / "dev"] + marked


def prepare(reports: list[tuple[str, str, list[Gold]]]) -> list[Example]:
    out = []
    for name, text, gold in reports:
        pool = build_pool(text, name)
        keys = {(g.category, g.outcome, g.low, g.high, g.claim) for g in gold}
        out.append(Example(pool, pool_features(pool), align(pool.candidates, gold), keys))
    return out


def words_only(feats: list[str]) -> list[str]:
    """A candidate's features without the rules' reading of it."""
    return [f for f in feats if not f.startswith(RULE_READING)]


def fit_fields(examples: list[Example], c: float = C) -> dict:
    """The five fields' regressions, fitted on every candidate of ``examples`` that
    :func:`.pool.align` does not leave out, each seen twice:
    with the rules' reading and without it. On the reports the rules were tuned on their
    reading is nearly always right, so a model that only ever saw it beside the words learns
    to lean on it and little else; in new voices the rules read less, and the counts they set
    aside (no outcome tied to them) need the words to speak for themselves."""
    x_all, y_fig = [], []
    data = {"category": ([], []), "outcome": ([], []), "open": ([], []), "claim": ([], [])}
    twice = [(cand, variant, g) for ex in examples
             for cand, feats, g in zip(ex.pool.candidates, ex.feats, ex.gold)
             for variant in (feats, words_only(feats)) if g is not SKIP]
    for cand, feats, g in twice:
        x_all.append(feats)
        y_fig.append("yes" if g is not None else "no")
        if g is None:
            continue
        for field, value in (("category", g.category), ("outcome", g.outcome),
                             ("claim", "yes" if g.claim else "no")):
            data[field][0].append(feats)
            data[field][1].append(value)
        if cand.high is not None:  # an open count ("over 40") is open whatever it counts
            data["open"][0].append(feats)
            data["open"][1].append("yes" if g.high is None else "no")
    fields = {"figure": fit_field(x_all, y_fig, c)}
    for field, (x, y) in data.items():
        fields[field] = fit_field(x, y or ["no"], c)
    return fields


def set_of(name: str) -> str:
    """The set a report belongs to: the letters its name starts with ('q' for q07.txt)."""
    letters = ""
    for ch in name:
        if not ch.isalpha():
            break
        letters += ch
    return letters or name


def folds(examples: list[Example], k: int = FOLDS) -> list[list[int]]:
    """k folds of whole sets, the largest sets first into the smallest fold (deterministic)."""
    sets: dict[str, list[int]] = {}
    for i, ex in enumerate(examples):
        sets.setdefault(set_of(ex.pool.document), []).append(i)
    out: list[list[int]] = [[] for _ in range(min(k, len(sets)))]
    for name in sorted(sets, key=lambda s: (-len(sets[s]), s)):
        min(out, key=len).extend(sets[name])
    return [sorted(f) for f in out]


IDENTITY = {"a": 1.0, "b": 0.0}


def cross_predictions(examples: list[Example], c: float = C) -> list[list[dict]]:
    """For each report, the predictions of a model fitted on the other folds (uncalibrated)."""
    preds: list[list[dict]] = [[] for _ in examples]
    for held in folds(examples):
        inside = set(held)
        fields = fit_fields([ex for i, ex in enumerate(examples) if i not in inside], c)
        model = {"fields": fields, "platt_figure": IDENTITY}
        for i in held:
            preds[i] = [predict(model, f) for f in examples[i].feats]
    return preds


def calibrations(examples: list[Example], preds: list[list[dict]], policy: str | None = None,
                 rows_on: set[str] | None = None) -> tuple[dict, dict]:
    """Platt scaling of "is a figure" on the cross-validated predictions, then of each
    proposed row's probability (figure and labels) against whether the row is gold, on the
    reports named in ``rows_on`` (default: all)."""
    raw = [p["figure"]["yes"] for ex, ps in zip(examples, preds)
           for p, g in zip(ps, ex.gold) if g is not SKIP]
    truth = [int(g is not None) for ex in examples for g in ex.gold if g is not SKIP]
    platt_figure = fit_platt(raw, truth)
    row_raw, row_truth = [], []
    for ex, ps in zip(examples, preds):
        if rows_on is not None and ex.pool.document not in rows_on:
            continue
        rows = rows_of(ex, ps, platt_figure, policy)
        for r in rows:
            row_raw.append(r.p_figure * r.p_labels)
            row_truth.append(int((r.category, r.outcome, r.low, r.high, r.claim) in ex.keys))
    platt_row = fit_platt(row_raw, row_truth) if len(set(row_truth)) == 2 else IDENTITY
    return platt_figure, platt_row


def rows_of(ex: Example, preds: list[dict], platt_figure: dict, policy: str | None = None):
    """The rows the layer would propose for one report, given uncalibrated predictions."""
    cal = [dict(p, figure={"yes": calibrate(platt_figure, p["figure"]["yes"])}) for p in preds]
    rows, _ = combine(ex.pool, cal) if policy is None else combine(ex.pool, cal, policy)
    return document_pass(ex.pool, rows)


def train(examples: list[Example], c: float = C, calibrate_rows_on: set[str] | None = None
          ) -> dict:
    """The model, as the JSON-able dict that :mod:`.apply` reads. ``calibrate_rows_on``
    names the reports whose cross-validated rows calibrate a figure's ``probability``: those
    in voices the rules were not tuned on, since the layer is used on such reports, and the
    rules' reading, a feature, is nearly always right on the others."""
    from sitrep.extract.learn.combine import ADD_ABOVE, KEEP_BELOW, OVERRIDE
    preds = cross_predictions(examples, c)
    platt_figure, platt_row = calibrations(examples, preds, rows_on=calibrate_rows_on)
    return {"format": "sitrep-extract-learn/1", "fields": fit_fields(examples, c),
            "platt_figure": platt_figure, "platt_row": platt_row,
            "thresholds": {"keep_below": KEEP_BELOW, "add_above": ADD_ABOVE,
                           "override": OVERRIDE},
            "trained_on": {"reports": len(examples),
                           "candidates": sum(g is not SKIP for ex in examples
                                             for g in ex.gold)}}
