"""Train the learned layer of the extractor (``make train-extract``): writes
sitrep/extract/learn/model.json from the training sets and the reviewed store.

The training sets are ``tests/fixtures/extract/dev`` and every other set there that holds a
file named ``TRAIN`` (held-out sets once scored, and reports written as training data in new
voices: see that folder's README). The reviewed store is ``data/extract_reviewed/`` (report
texts and a gold.csv in the same format); when it is absent or empty, the sets alone.
Deterministic: the same reports give the same bytes. ``--cv`` prints the cross-validated
scores (folds of whole sets of reports) instead of writing the model.

    python scripts/train_extract.py [--out PATH] [--cv]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

# one BLAS thread: the same sums in the same order, so the same weights (set before numpy loads)
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from sitrep.extract.learn import train as T  # noqa: E402
from sitrep.extract.learn.apply import MODEL  # noqa: E402
from sitrep.extract.learn.model import dump  # noqa: E402
from sitrep.paths import ROOT  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "extract"
DEV = FIXTURES / "dev"
REVIEWED = ROOT / "data" / "extract_reviewed"


def training_reports(sets: Path | list[Path] | None = None, reviewed: Path = REVIEWED,
                     say=print) -> list:
    """The training sets' reports, then the reviewed store's. Report names are unique across
    the sets (their letters name the writer's set, which the calibration folds keep whole). A
    reviewed report named as one of the sets' is the same report when its text is theirs
    (their gold is used), else another report, trained on as ``reviewed-<name>``; either is
    said."""
    sets = T.training_sets(FIXTURES) if sets is None else [sets] if isinstance(sets, Path) else sets
    reports = []
    texts: dict[str, str] = {}
    for folder in sets:
        for name, text, figures in T.read_folder(folder):
            if name in texts:
                raise SystemExit(f"{folder / name}: a report of that name is already in "
                                 "another training set; rename one (its letters name its set)")
            reports.append((name, text, figures))
            texts[name] = text
    for name, text, figures in T.read_folder(reviewed):
        if name not in texts:
            reports.append((name, text, figures))
        elif text.strip() == texts[name].strip():
            say(f"{Path(reviewed) / name}: the text of the training sets' {name}: trained on "
                "once, with their gold")
        else:
            new = f"reviewed-{name}"
            while new in texts:
                new = f"reviewed-{new}"
            reports.append((new, text, figures))
            texts[new] = text
            say(f"{Path(reviewed) / name}: another report than the training sets' {name}: "
                f"trained on as {new}")
    return reports


def model_of(reports: list) -> dict:
    """The model of ``training_reports()``: a figure's probability is calibrated on the
    reports outside dev, in voices the rules were not tuned on (as the layer's are in use)."""
    dev = {p.name for p in DEV.glob("*.txt")}
    return T.train(T.prepare(reports), calibrate_rows_on={n for n, _, _ in reports
                                                          if n not in dev})


def cross_validate(examples: list) -> None:
    preds = T.cross_predictions(examples)
    platt_figure, _ = T.calibrations(examples, preds)
    tp = n_pred = n_gold = 0
    for ex, ps in zip(examples, preds):
        keys = {(r.category, r.outcome, r.low, r.high, r.claim)
                for r in T.rows_of(ex, ps, platt_figure)}
        tp += len(keys & ex.keys)
        n_pred += len(keys)
        n_gold += len(ex.keys)
    p, r = tp / n_pred, tp / n_gold
    print(f"training sets, {len(T.folds(examples))} folds of whole sets: precision {p:.3f} "
          f"recall {r:.3f} F1 {2 * p * r / (p + r):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--cv", action="store_true",
                        help="cross-validate on the training sets; write nothing")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    reports = training_reports()
    if args.cv:
        cross_validate(T.prepare(reports))
        return 0
    text = dump(model_of(reports))
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}: "
          f"{len(reports)} reports, {len(text) / 1e6:.2f} MB, "
          f"{time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
