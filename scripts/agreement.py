"""How far two people agree on the gold figures of the same reports (inter-annotator agreement).

A second annotator, who saw only the reports and the conventions of
``tests/fixtures/extract/README.md`` (never the first gold, the rules or the extractor),
coded the figures of four held-out sets again (heldout9 and heldout10 after they had been
scored); those files are in ``tests/fixtures/extract/agreement/``. This script scores each
second annotation against the first, with the same key and the same scorer as ``make eval-extract``, and lists every
figure on which they differ. The agreement is the ceiling to read the extractor's scores
against: an extractor cannot be expected to match one writer's gold better than a second
careful writer does.

The differences are listed for the sets in ``dev/`` only (or with ``--show-differences``):
they show gold figures, and a held-out set's gold stays unread.

    python scripts/agreement.py [--fixtures DIR] [--show-differences]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from sitrep.extract.scoring import evaluate, format_key
from sitrep.paths import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "extract"
# second annotation -> (the folder whose gold.csv holds the first, the documents' prefix)
PAIRS = {"heldout7_second.csv": ("dev", "v"), "heldout8_second.csv": ("dev", "b"),
         "heldout9_second.csv": ("dev", "c"), "heldout10_second.csv": ("heldout10", "e")}


def compare(second: pd.DataFrame, first: pd.DataFrame) -> dict:
    """The scorer's result for ``second`` read against ``first`` (both of the same reports: a
    report the second annotator found no figure in still counts with the first's figures)."""
    return evaluate(second, first)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=FIXTURES)
    parser.add_argument("--show-differences", action="store_true",
                        help="also list the differences on held-out sets")
    args = parser.parse_args(argv)
    for name, (folder, prefix) in PAIRS.items():
        path = args.fixtures / "agreement" / name
        if not path.is_file():
            print(f"{path}: not found", file=sys.stderr)
            return 2
        second = pd.read_csv(path, dtype=str, keep_default_na=False)
        first = pd.read_csv(args.fixtures / folder / "gold.csv", dtype=str,
                            keep_default_na=False)
        first = first[first["document"].str.startswith(prefix)]
        r = compare(second, first)
        print(f"== {name}: {r['gold']} figures by the first writer, {r['predicted']} by the "
              f"second; the second matches the first on {r['true_positives']}")
        print(f"  precision {r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}")
        shown = r["per_document"].items() if folder == "dev" or args.show_differences else ()
        for document, diff in shown:
            for key in diff["missed"]:
                print(f"  {document}  first only:  {format_key(key)}")
            for key in diff["extra"]:
                print(f"  {document}  second only: {format_key(key)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
