"""Score the casualty-figure extractor on the evaluation set (``make eval-extract``).

Runs :func:`sitrep.extract.extract_figures` over every report of each split of
``tests/fixtures/extract/`` (``dev``: tuned on; ``heldout``: never tuned on), compares the
figures with the split's ``gold.csv`` and prints, per split, each document's misses and
extras, then precision, recall and F1 over ``(document, category, outcome, low, high, claim)``.
Claims are scored with the claim flag in the key (see tests/fixtures/extract/README.md).
Always exits 0: it reports, it does not gate (tests/test_extract.py does).

    python scripts/eval_extract.py [--split dev|heldout|all] [--fixtures DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sitrep.extract.scoring import evaluate_folder, format_key  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "extract"


def report(split: str, folder: Path) -> dict:
    result = evaluate_folder(folder)
    print(f"== {split}: {result['documents']} reports, {result['gold']} gold figures, "
          f"{result['predicted']} proposed")
    for document, diff in result["per_document"].items():
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument("--fixtures", type=Path, default=FIXTURES,
                        help="folder holding the dev/ and heldout/ splits")
    args = parser.parse_args(argv)
    splits = ("dev", "heldout") if args.split == "all" else (args.split,)
    for split in splits:
        folder = args.fixtures / split
        if not (folder / "gold.csv").is_file():
            print(f"== {split}: no gold.csv in {folder}; skipped")
            continue
        report(split, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
