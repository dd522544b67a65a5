"""Apply a reviewed candidates.csv (``make extract-apply``): the accepted figures into the
incident log, every reviewed report into the training store.

Reads ``CANDIDATES/candidates.csv`` (the decisions: see ``sitrep.extract.review.decisions``)
and the report texts with their sources from ``SEEDS``; adds the rows the log in ``DATA`` does
not hold yet to its incidents.csv, sources.csv and victims.csv, after checking the would-be log
with the same checks as ``make report`` (all three files written, or none); and writes the
reviewed reports and their gold figures into ``STORE``. Exits 0 when done (or nothing was new),
2 with the problems listed (file, line, column) when the review, the texts or the would-be log
are wrong, and then nothing is written.

    python scripts/extract_apply.py [--candidates data/candidates] [--seeds seeds]
                                    [--data data/raw] [--store data/extract_reviewed]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitrep import clean
from sitrep.extract.review.decisions import ReviewError
from sitrep.extract.review.loop import apply_review
from sitrep.clean.readers.native.log_files import _find as find_log_file
from sitrep.extract.texts import SourceError
from sitrep.paths import resolve
from sitrep.problems import InputError, errors


def validate_log(folder: Path) -> list[str]:
    """The errors make report's reading and counting give for the native log in ``folder``
    (what would stop the briefing), one line each."""
    try:
        result = clean.read(folder, "native")
        clean.count(result)
    except InputError as exc:
        return [str(p) for p in errors(exc.problems)] or [str(exc)]
    return [str(p) for p in errors(result.problems)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", default="data/candidates",
                        help="the reviewed candidates.csv, or its folder (default: "
                             "data/candidates)")
    parser.add_argument("--seeds", default="seeds", help="the folder of the report texts")
    parser.add_argument("--data", default="data/raw", help="the incident log's folder")
    parser.add_argument("--store", default="data/extract_reviewed",
                        help="the training store that make train-extract reads")
    args = parser.parse_args(argv)
    try:
        said = apply_review(resolve(args.candidates), resolve(args.seeds), resolve(args.data),
                            resolve(args.store), validate_log, find_log_file)
    except (ReviewError, SourceError, InputError, FileNotFoundError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print("\n".join(said))
    return 0


if __name__ == "__main__":
    sys.exit(main())
