"""Score the casualty-figure extractor on the evaluation set (``make eval-extract``).

Runs :func:`sitrep.extract.extract_figures` over every report of a split of
``tests/fixtures/extract/`` (any subfolder holding report ``.txt`` files and a ``gold.csv``:
``dev`` is tuned on; a held-out split such as ``heldout10`` is never tuned on), compares the
figures with the split's ``gold.csv`` and prints precision, recall and F1 over
``(document, category, outcome, low, high, claim)``. Each document's misses and extras are
printed for ``dev`` only (or with ``--show-misses``): a held-out split whose misses have been
read is no longer held out.
Claims are scored with the claim flag in the key (see tests/fixtures/extract/README.md).
Exits 0 once the splits are scored: it reports, it does not gate (tests/test_extract_scoring.py
does); exits 2 when ``--split`` names no folder with a ``gold.csv``.

    python scripts/eval_extract.py [--split dev|heldout10|all|NAME] [--fixtures DIR] [--show-misses]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitrep.extract.scoring import evaluate_folder, format_key
from sitrep.paths import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "extract"


def report(split: str, folder: Path, show_misses: bool) -> dict:
    result = evaluate_folder(folder)
    print(f"== {split}: {result['documents']} reports, {result['gold']} gold figures, "
          f"{result['predicted']} proposed")
    for document, diff in result["per_document"].items() if show_misses else ():
        if not diff["missed"] and not diff["extra"]:
            continue
        print(f"  {document}")
        for key in diff["missed"]:
            print(f"    missed: {format_key(key)}")
        for key in diff["extra"]:
            print(f"    extra:  {format_key(key)}")
    agree, total = result["home_province_agreement"]
    print(f"  precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
          f"F1 {result['f1']:.3f}  (home province agrees on {agree} of {total} matched "
          "figures that have one)")
    return result


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
    args = parser.parse_args(argv)
    splits = available_splits(args.fixtures)
    if args.split != "all":
        if args.split not in splits:
            print(f"--split {args.split}: no folder with a gold.csv of that name in "
                  f"{args.fixtures}; splits: {', '.join(splits) or 'none'}", file=sys.stderr)
            return 2
        splits = [args.split]
    for split in splits:
        report(split, args.fixtures / split, args.show_misses or split == "dev")
    return 0


if __name__ == "__main__":
    sys.exit(main())
