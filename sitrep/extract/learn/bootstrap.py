"""How sure a difference of F1 between two extractors is: a paired bootstrap over reports.

Both extractors are scored on the same reports; resampling the reports (with replacement, a
fixed seed) and taking the F1 difference of each resample gives its spread. The reports are
the unit because the figures of one report share its writer's voice and are not independent.
"""

from __future__ import annotations

import numpy as np

RESAMPLES = 2000
SEED = 18  # the number: any fixed seed would do; a fixed one gives the same interval


def counts(result: dict, documents: list[str]) -> np.ndarray:
    """Per report (in ``documents`` order): true positives, proposed, gold, from the
    ``per_document`` misses and extras of :func:`sitrep.extract.scoring.evaluate` and the
    report's gold and proposed totals (``result["by_document"]``)."""
    by = result["by_document"]
    return np.array([by.get(d, (0, 0, 0)) for d in documents], dtype=float)


def f1(tp: float, pred: float, gold: float) -> float:
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def paired_interval(a: np.ndarray, b: np.ndarray, resamples: int = RESAMPLES,
                    seed: int = SEED) -> tuple[float, float, float]:
    """F1(b) - F1(a) over all reports, and its 95% bootstrap interval; ``a`` and ``b`` are
    (reports, 3) arrays of true positives, proposed and gold per report."""
    rng = np.random.RandomState(seed)
    n = len(a)
    diff = f1(*b.sum(0)) - f1(*a.sum(0))
    out = np.empty(resamples)
    for k in range(resamples):
        idx = rng.randint(0, n, n)
        out[k] = f1(*b[idx].sum(0)) - f1(*a[idx].sum(0))
    low, high = np.percentile(out, [2.5, 97.5])
    return float(diff), float(low), float(high)
