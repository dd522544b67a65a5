"""Decisions kept across a re-extraction: ``make extract`` writes candidates.csv afresh, and a
review already written in it must not be lost.

A fresh row takes an earlier ``accept`` (with the values the reviewer may have corrected) when
it has the same document and evidence span (``start``, ``end``); it takes an earlier
``reject`` only when it proposes the very same figure (a changed proposal is shown again). An
accepted or added row that no fresh row takes is kept at the end of its file, so a correction
or an addition is never lost; a rejected figure the extractor no longer proposes is dropped.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from sitrep.extract.review.decisions import ACCEPTED, read_csv_text
from sitrep.schema import CANDIDATE_COLUMNS

SPAN = ("document", "start", "end")
FIGURE = SPAN + ("victim_category", "outcome", "low", "high", "claim")


def earlier_decisions(out_dir: str | Path) -> pd.DataFrame:
    """The rows of ``out_dir/candidates.csv`` that carry a decision (none if no such file)."""
    path = Path(out_dir) / "candidates.csv"
    if not path.is_file():
        return pd.DataFrame(columns=list(CANDIDATE_COLUMNS))
    text, sep = read_csv_text(path)  # as a spreadsheet may have saved it (cp1252, ';')
    rows = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    rows.columns = [c.strip() for c in rows.columns]
    if "decision" not in rows:
        return pd.DataFrame(columns=list(CANDIDATE_COLUMNS))
    rows["decision"] = rows["decision"].str.strip().str.lower()
    return rows[rows["decision"] != ""].reset_index(drop=True)


def carry_decisions(out_dir: str | Path, earlier: pd.DataFrame) -> int:
    """Write ``earlier``'s decisions into the fresh ``out_dir/candidates.csv``; returns how
    many earlier decisions it holds now."""
    if earlier.empty:
        return 0
    path = Path(out_dir) / "candidates.csv"
    fresh = pd.read_csv(path, dtype=str, keep_default_na=False)
    accepted = earlier[earlier["decision"].isin(ACCEPTED)]
    # A row the reviewer added has no span of its own: a key no fresh row has keeps it apart.
    by_span = {(tuple(r[c] for c in SPAN) if r["start"] else ("", "added", k)): r
               for k, r in enumerate(accepted.to_dict("records"))}
    rejected = {tuple(r[c] for c in FIGURE)
                for r in earlier[~earlier["decision"].isin(ACCEPTED)].to_dict("records")}
    rows, used = [], set()
    for row in fresh.to_dict("records"):
        span = tuple(row[c] for c in SPAN)
        if span in by_span and span not in used:
            used.add(span)
            row = {c: by_span[span].get(c, row.get(c, "")) for c in fresh.columns}
        elif tuple(row[c] for c in FIGURE) in rejected:
            row["decision"] = "reject"
        rows.append(row)
    kept = [{c: r.get(c, "") for c in fresh.columns} for span, r in by_span.items()
            if span not in used]
    out = pd.DataFrame(rows + kept, columns=fresh.columns)
    # Added rows after the last row of their report, reports in the fresh file's order.
    order = {d: k for k, d in enumerate(dict.fromkeys(out["document"]))}
    out = out.iloc[sorted(range(len(out)), key=lambda i: order[out["document"].iat[i]])]
    tmp = path.with_name(f".{path.name}.tmp")
    out.to_csv(tmp, index=False)
    tmp.replace(path)
    return int((out["decision"] != "").sum())
