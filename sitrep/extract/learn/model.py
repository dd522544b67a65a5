"""Per-field logistic regressions, kept as plain JSON weights and scored with numpy.

A field is one question about a candidate: is it a figure; its category; its outcome; is its
bound open; is it a claim. Each is a logistic regression over the string features of
:mod:`.features` (present or absent). Training uses scikit-learn; prediction reads only the
JSON (feature -> one weight per class), so loading a model runs no pickled code and a change of
weights shows in a diff. Probabilities of "is a figure" are calibrated by Platt scaling fitted
on cross-validated scores (:mod:`.train`).
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

DIGITS = 5       # weights are rounded so that the file is stable and small
# A feature of fewer training rows carries no weight. Each candidate is two rows (with and
# without the rules' reading), so 4 keeps the words seen beside at least two candidates: one
# seen once cannot be learnt. With 761 reports, 2 (any word seen once) made model.json 5.3 MB
# for a pooled F1 0.003 higher on the eight new-voice sets left out in turn (0.768 / 0.764).
MIN_COUNT = 4


def fit_field(rows: list[list[str]], labels: list[str], c: float = 1.0) -> dict:
    """A logistic regression of ``labels`` on the feature sets ``rows``, as a JSON-able dict:
    ``{"classes": [...], "intercept": [...], "weights": {feature: [...]}}``; a binary field
    has one weight per feature (for classes[1])."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression
    classes = sorted(set(labels))
    if len(classes) == 1:
        return {"classes": classes, "intercept": [0.0], "weights": {}}
    counts: dict[str, int] = {}
    for feats in rows:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: j for j, f in enumerate(vocab)}
    cols = [index[f] for feats in rows for f in feats if f in index]
    ptr = np.cumsum([0] + [sum(f in index for f in feats) for feats in rows])
    x = csr_matrix((np.ones(len(cols)), cols, ptr), shape=(len(rows), len(vocab)))
    y = np.array([classes.index(v) for v in labels])
    # lbfgs on one thread is deterministic; class weights stay plain (probabilities matter)
    lr = LogisticRegression(C=c, max_iter=2000, solver="lbfgs", tol=1e-6)
    _fit(lr, x, y)
    coef = lr.coef_  # (1, n) for two classes, (k, n) for more
    weights = {}
    for j, f in enumerate(vocab):
        w = [round(float(v), DIGITS) for v in coef[:, j]]
        if any(abs(v) >= 10 ** -DIGITS for v in w):
            weights[f] = w
    return {"classes": classes, "intercept": [round(float(v), DIGITS) for v in lr.intercept_],
            "weights": weights}


def _fit(lr, x, y) -> None:
    """Fit on one BLAS thread, wherever this runs (make train-extract, a test, a notebook):
    several threads add in another order and move the fifth decimal of a weight."""
    from threadpoolctl import threadpool_limits
    with threadpool_limits(limits=1):
        lr.fit(x, y)


def scores(field: dict, feats: list[str]) -> np.ndarray:
    """The decision values of one candidate (one per class; one for a binary field)."""
    total = np.array(field["intercept"], dtype=float)
    w = field["weights"]
    for f in feats:
        if f in w:
            total = total + np.array(w[f])
    return total


def probabilities(field: dict, feats: list[str]) -> dict[str, float]:
    """class -> probability for one candidate."""
    classes = field["classes"]
    s = scores(field, feats)
    if len(classes) == 1:
        return {classes[0]: 1.0}
    if len(classes) == 2:
        p = sigmoid(float(s[0]))
        return {classes[0]: 1 - p, classes[1]: p}
    e = np.exp(s - s.max())
    p = e / e.sum()
    return {k: float(v) for k, v in zip(classes, p)}


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def fit_platt(raw: list[float], truth: list[int]) -> dict:
    """Platt scaling: p = sigmoid(a * logit(raw) + b), fitted on held-out predictions."""
    from sklearn.linear_model import LogisticRegression
    x = np.array([[logit(p)] for p in raw])
    lr = LogisticRegression(C=1e4, solver="lbfgs", max_iter=1000)
    _fit(lr, x, np.array(truth))
    return {"a": round(float(lr.coef_[0][0]), DIGITS),
            "b": round(float(lr.intercept_[0]), DIGITS)}


def calibrate(platt: dict, raw: float) -> float:
    return sigmoid(platt["a"] * logit(raw) + platt["b"])


_NUMBERS = re.compile(r"\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]")


def dump(model: dict) -> str:
    """The model as JSON text: sorted keys, one feature per line with its weights, so that a
    retrain with nothing changed writes the same bytes and a change reads as a diff."""
    text = json.dumps(model, sort_keys=True, indent=1, ensure_ascii=True)
    return _NUMBERS.sub(lambda m: "[" + ", ".join(x.strip() for x in m.group(1).split(","))
                        + "]", text) + "\n"


def save(model: dict, path: str | Path) -> None:
    Path(path).write_text(dump(model), encoding="utf-8")


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load(path: str | Path) -> dict | None:
    """The model at ``path``, or None when there is none (the rules alone then decide)."""
    p = Path(path)
    if not p.is_file():
        return None
    return _load(str(p), p.stat().st_mtime)
