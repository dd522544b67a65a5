"""The training store: every reviewed report and its gold figures, for ``make train-extract``.

A folder (``data/extract_reviewed/`` by default) laid out exactly as an evaluation split of
``tests/fixtures/extract/``: each reviewed report as ``<document>`` (its text without the
source header, so any reader takes it as plain report text) and one ``gold.csv``
(``document, victim_category, outcome, low, high, claim, home_province``) holding the accepted,
corrected and added figures; a rejected figure is simply absent, as in any gold file. A report
whose figures were all rejected is kept with no gold rows: it teaches that none of its
candidates is a figure. Applying a review again replaces that report's text and rows.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sitrep.extract.review.decisions import Review, ReviewError
from sitrep.extract.texts import Report
from sitrep.schema import GOLD_COLUMNS

STORE_COLUMNS = GOLD_COLUMNS + ("home_province",)
GOLD = "gold.csv"


def write_store(folder: str | Path, review: Review, reports: dict[str, Report]) -> dict:
    """Add (or replace) the reviewed reports in the store; returns what was done."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    old = read_gold(folder / GOLD)
    docs = [d for d in review.reviewed if d in reports]
    changed = [d for d in docs if (folder / d).is_file()
               and (folder / d).read_text(encoding="utf-8") != reports[d].body]
    again = [d for d in docs if (folder / d).is_file() and d not in changed]
    for doc in docs:
        _write_text(folder / doc, reports[doc].body)
    gold = pd.concat([old[~old["document"].isin(docs)], gold_rows(review, docs)],
                     ignore_index=True)
    _write_text(folder / GOLD, gold.to_csv(index=False, lineterminator="\n"))
    return {"documents": len(docs), "gold": int(gold["document"].isin(docs).sum()),
            "replaced": again + changed, "text_changed": changed}


def check_store(folder: str | Path) -> None:
    """Raise :class:`ReviewError` when ``folder`` cannot take the review (before the log is
    written, so that a refusal means nothing was written)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ReviewError([f"STORE={folder}: is a file, not a folder - point STORE at the "
                           "training store's folder"], head="Cannot add to the training store:")
    read_gold(folder / GOLD)


def gold_rows(review: Review, docs: list[str]) -> pd.DataFrame:
    """The accepted and added figures of ``docs``, as text in the gold format."""
    rows = review.accepted[review.accepted["document"].isin(docs)]
    out = pd.DataFrame({
        "document": rows["document"], "victim_category": rows["victim_category"],
        "outcome": rows["outcome"], "low": rows["low"].astype(int).astype(str),
        "high": [("" if h is pd.NA else str(int(h))) for h in rows["high"]],
        "claim": rows["claim"], "home_province": rows["home_province"]},
        columns=list(STORE_COLUMNS))
    return out.astype(str).reset_index(drop=True)


def read_gold(path: Path) -> pd.DataFrame:
    if not path.is_file():
        return pd.DataFrame(columns=list(STORE_COLUMNS), dtype=str)
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    if tuple(gold.columns) != STORE_COLUMNS:
        raise ReviewError([f"{path}:1: the header is {','.join(gold.columns)}, not "
                           f"{','.join(STORE_COLUMNS)} - is STORE the training store?"],
                          head="Cannot add to the training store:")
    return gold


def _write_text(path: Path, text: str) -> None:
    """Whole or not at all: a temporary file beside it, then a rename."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8", newline="")
    tmp.replace(path)
