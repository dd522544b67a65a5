"""Score the casualty-figure extractor on the evaluation set (``make eval-extract``).

Runs the rules alone (:func:`sitrep.extract.candidates.rule_figures`) and the learned layer
(:func:`sitrep.extract.extract_figures` with sitrep/extract/learn/model.json) over every report
of a split of
``tests/fixtures/extract/`` (any subfolder holding report ``.txt`` files and a ``gold.csv``:
``dev`` is tuned on; a held-out split such as ``heldout10`` is never tuned on), compares the
figures with the split's ``gold.csv`` and prints precision, recall and F1 over
``(document, category, outcome, low, high, claim)``. Each document's misses and extras are
printed for ``dev`` only (or with ``--show-misses``): a held-out split whose misses have been
read is no longer held out.
Claims are scored with the claim flag in the key (see tests/fixtures/extract/README.md).
For each split it prints both scores and the paired bootstrap 95% interval of the difference
in F1 (reports resampled, fixed seed); then a learning curve: the learned layer trained on 25,
50, 100, 200 and all dev reports, then on all of dev plus 25, 50, 100, 200 and all reports of
the other training sets (new voices; fixed seeded subsets), scored on the blind splits
(``--no-curve`` skips it). A split the learned layer is trained on (dev, and any holding a
``TRAIN`` file) is scored in-sample, and says so; ``python scripts/train_extract.py --cv``
gives the cross-validated score. A split holding ``SEALED`` is skipped under ``--split all``.
Exits 0 once the splits are scored: it reports, it does not gate (tests/test_extract_scoring.py
does); exits 2 when ``--split`` names no folder with a ``gold.csv``.

    python scripts/eval_extract.py [--split dev|heldout10|all|NAME] [--fixtures DIR]
                                   [--show-misses] [--no-curve]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # the learning curve trains like make train-extract

import pandas as pd  # noqa: E402

from sitrep.extract.candidates import rule_figures  # noqa: E402
from sitrep.extract.learn.bootstrap import counts, paired_interval  # noqa: E402
from sitrep.extract.learn.train import TRAIN_MARK  # noqa: E402
from sitrep.extract.scoring import evaluate, evaluate_folder, format_key  # noqa: E402
from sitrep.paths import ROOT  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "extract"
CURVE_SIZES = (25, 50, 100, 200)
CURVE_SEED = 18


def report(split: str, folder: Path, show_misses: bool, trained: bool = False
           ) -> tuple[dict, dict]:
    rules = evaluate_folder(folder, rule_figures)
    print(f"== {split}: {rules['documents']} reports, {rules['gold']} gold figures"
          + (" (the learned layer is trained on it: its score is in-sample)" if trained else ""))
    print(f"  rules alone: precision {rules['precision']:.3f}  recall {rules['recall']:.3f}  "
          f"F1 {rules['f1']:.3f}  ({rules['predicted']} proposed)")
    result = evaluate_folder(folder)
    names = sorted(p.name for p in folder.glob("*.txt"))
    diff, low, high = paired_interval(counts(rules, names), counts(result, names))
    print(f"  learned:     precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
          f"F1 {result['f1']:.3f}  ({result['predicted']} proposed)")
    print(f"  F1 learned - rules: {diff:+.3f}, paired bootstrap 95% interval "
          f"{low:+.3f} to {high:+.3f} (reports resampled)")
    for document, diff in result["per_document"].items() if show_misses else ():
        if not diff["missed"] and not diff["extra"]:
            continue
        print(f"  {document}")
        for key in diff["missed"]:
            print(f"    missed: {format_key(key)}")
        for key in diff["extra"]:
            print(f"    extra:  {format_key(key)}")
    agree, total = result["home_province_agreement"]
    print(f"  learned: home province agrees on {agree} of {total} matched figures that have one")
    return rules, result


def learning_curve(fixtures: Path, targets: list[str]) -> None:
    """F1 on the blind ``targets`` together of the learned layer trained on seeded subsets of
    dev, then on all of dev with seeded subsets of the other training sets (reports in new
    voices) added: what more reports of each kind buy."""
    import numpy as np

    from sitrep.extract.learn import train as T
    from sitrep.extract.learn.apply import candidate_table, learned_rows
    sets = T.training_sets(fixtures)
    if not targets:
        print("== learning curve: no blind split to score it on (every held-out set is trained "
              "on or sealed)")
        return
    if not (sets[0] / "gold.csv").is_file():
        return
    dev = T.prepare(T.read_folder(sets[0]))
    voices = [ex for folder in sets[1:] for ex in T.prepare(T.read_folder(folder))]
    tests = [ex for t in targets for ex in T.prepare(T.read_folder(fixtures / t))]
    gold = pd.concat([pd.read_csv(fixtures / t / "gold.csv", dtype=str, keep_default_na=False)
                      for t in targets], ignore_index=True)
    rng = np.random.RandomState(CURVE_SEED)
    order = rng.permutation(len(dev))  # nested subsets: each size holds the smaller ones
    more = rng.permutation(len(voices))
    print(f"== learning curve, scored on {' + '.join(targets)} (rules alone: F1 "
          f"{evaluate_folders(fixtures, targets):.3f})")
    steps = [(n, 0) for n in CURVE_SIZES if n < len(dev)] + [(len(dev), 0)]
    steps += [(len(dev), n) for n in CURVE_SIZES if n < len(voices)]
    steps += [(len(dev), len(voices))] if voices else []
    for n_dev, n_new in steps:
        model = T.train([dev[i] for i in sorted(order[:n_dev])]
                        + [voices[i] for i in sorted(more[:n_new])])
        frames = [candidate_table(ex.pool, learned_rows(model, ex.pool)[0]) for ex in tests]
        result = evaluate(pd.concat(frames, ignore_index=True), gold)
        print(f"  {n_dev:>4} dev + {n_new:>3} new-voice reports: precision "
              f"{result['precision']:.3f}  recall {result['recall']:.3f}  F1 {result['f1']:.3f}")


def evaluate_folders(fixtures: Path, names: list[str]) -> float:
    """The rules' F1 over several splits together."""
    frames = [rule_figures(p.read_text(encoding="utf-8"), p.name)
              for t in names for p in sorted((fixtures / t).glob("*.txt"))]
    gold = pd.concat([pd.read_csv(fixtures / t / "gold.csv", dtype=str, keep_default_na=False)
                      for t in names], ignore_index=True)
    return evaluate(pd.concat(frames, ignore_index=True), gold)["f1"]


def blind_splits(fixtures: Path) -> list[str]:
    """The splits that judge the learned layer: neither dev, nor trained on, nor sealed."""
    return [s for s in available_splits(fixtures) if s != "dev"
            and not (fixtures / s / TRAIN_MARK).is_file()
            and not (fixtures / s / "SEALED").is_file()]


def available_splits(fixtures: Path) -> list[str]:
    """Names of the subfolders of ``fixtures`` that hold a gold.csv, in name order."""
    if not fixtures.is_dir():
        return []
    return sorted(p.name for p in fixtures.iterdir()
                  if p.is_dir() and (p / "gold.csv").is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="all",
                        help="a subfolder of the fixtures holding a gold.csv (dev, heldout10, "
                             "...), or 'all' for every such subfolder (default)")
    parser.add_argument("--fixtures", type=Path, default=FIXTURES,
                        help="folder holding the splits (default: tests/fixtures/extract)")
    parser.add_argument("--show-misses", action="store_true",
                        help="list misses and extras of held-out splits too (dev's always are)")
    parser.add_argument("--no-curve", action="store_true",
                        help="skip the learning curve (it trains five models)")
    args = parser.parse_args(argv)
    splits = available_splits(args.fixtures)
    if args.split == "all":
        sealed = [s for s in splits if (args.fixtures / s / "SEALED").is_file()]
        for name in sealed:  # a blind set waiting for the change it is to judge
            print(f"== {name}: sealed, not scored (--split {name} scores it: once, after the "
                  f"change; see {name}/SEALED)")
        splits = [s for s in splits if s not in sealed]
    else:
        if args.split not in splits:
            print(f"--split {args.split}: no folder with a gold.csv of that name in "
                  f"{args.fixtures}; splits: {', '.join(splits) or 'none'}", file=sys.stderr)
            return 2
        splits = [args.split]
    blind = [s for s in blind_splits(args.fixtures) if s in splits]
    pairs = []
    for split in splits:
        trained = split == "dev" or (args.fixtures / split / TRAIN_MARK).is_file()
        rules, learned = report(split, args.fixtures / split,
                                args.show_misses or split == "dev", trained)
        if split in blind:
            names = sorted(p.name for p in (args.fixtures / split).glob("*.txt"))
            pairs.append((counts(rules, names), counts(learned, names)))
    if len(pairs) > 1:  # the measure: every report in new voices not trained on
        import numpy as np
        diff, low, high = paired_interval(np.vstack([a for a, _ in pairs]),
                                          np.vstack([b for _, b in pairs]))
        print(f"== the blind sets together ({', '.join(blind)}): F1 learned - rules "
              f"{diff:+.3f}, paired bootstrap 95% interval {low:+.3f} to {high:+.3f}")
    if not args.no_curve:
        learning_curve(args.fixtures, blind_splits(args.fixtures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
