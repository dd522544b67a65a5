"""The files where notebooks meet: what 01_clean writes and 02/03 read, and the tables.

Layout of a run's work folder (``WORK``)::

    clean/events.parquet    clean events (schema.EVENT_COLUMNS)
    clean/reports.parquet   reports that were kept (schema.REPORT_COLUMNS)
    clean/figures.parquet   their figures (schema.FIGURE_COLUMNS)
    clean/victims.parquet   victims by home province, per report
    clean/sources.csv       sources cited by kept reports (schema.SOURCE_COLUMNS)
    clean/problems.csv      every problem found: file, line, column, value, message, fix, severity
    clean/run.json          dataset, files, filters, methodology notes, audit sums
    out/audit.csv           one row per input row (schema.AUDIT_COLUMNS)
    out/tables/*.csv        the tables (see tables.py)
    out/briefing.html|pdf   the briefing

``out/`` is what ``make report`` moves into ``OUT`` once everything succeeded.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from sitrep.problems import Problem
from sitrep.tables import write_csv

PROBLEM_COLUMNS = ("file", "line", "column", "value", "message", "fix", "severity")
TABLES = ("summary", "casualties", "totals", "by_district", "by_day", "incidents", "claims",
          "victims_by_home_province", "report_figures", "sources")


def clean_dir(work: Path) -> Path:
    return Path(work) / "clean"


def out_dir(work: Path) -> Path:
    return Path(work) / "out"


def save_clean(work: Path, *, events: pd.DataFrame, reports: pd.DataFrame,
               figures: pd.DataFrame, victims: pd.DataFrame, sources: pd.DataFrame,
               audit: pd.DataFrame, problems: list[Problem], run: dict) -> None:
    d = clean_dir(work)
    d.mkdir(parents=True, exist_ok=True)
    out_dir(work).mkdir(parents=True, exist_ok=True)
    events.to_parquet(d / "events.parquet", index=False)
    reports.to_parquet(d / "reports.parquet", index=False)
    figures.to_parquet(d / "figures.parquet", index=False)
    victims.to_parquet(d / "victims.parquet", index=False)
    sources.to_csv(d / "sources.csv", index=False)
    pd.DataFrame([asdict(p) for p in problems], columns=list(PROBLEM_COLUMNS)) \
        .to_csv(d / "problems.csv", index=False)
    write_csv(audit, out_dir(work) / "audit.csv")
    (d / "run.json").write_text(json.dumps(run, indent=2, default=str), encoding="utf-8")


def load_clean(work: Path) -> dict:
    d = clean_dir(work)
    text = {"keep_default_na": False, "dtype": str}
    return {
        "events": pd.read_parquet(d / "events.parquet"),
        "reports": pd.read_parquet(d / "reports.parquet"),
        "figures": pd.read_parquet(d / "figures.parquet"),
        "victims": pd.read_parquet(d / "victims.parquet"),
        "sources": pd.read_csv(d / "sources.csv", **text),
        "problems": pd.read_csv(d / "problems.csv", **text),
        "run": json.loads((d / "run.json").read_text(encoding="utf-8")),
    }


def save_tables(work: Path, tables: dict[str, pd.DataFrame]) -> None:
    d = out_dir(work) / "tables"
    d.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        write_csv(frame, d / f"{name}.csv")


def load_tables(work: Path) -> dict[str, pd.DataFrame]:
    """The tables as written: text stays text ("" when empty), numbers come back as numbers."""
    d = out_dir(work) / "tables"
    return {name: _typed(pd.read_csv(d / f"{name}.csv", keep_default_na=False, dtype=str))
            for name in TABLES}


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    for c in frame.columns:
        s = frame[c]
        if s.str.startswith("'").any():
            # Undo the apostrophe that keeps spreadsheets from running a cell as a formula.
            s = frame[c] = s.str.replace(r"^'(?=[=+\-@\t\r])", "", regex=True)
        filled = s[s != ""]
        if filled.empty or c.endswith(("_id", "_code", "date", "said", "claimed", "text")):
            continue
        # A text column shows itself in its first cells: no need to parse all of them.
        if pd.to_numeric(filled.iloc[:20], errors="coerce").isna().any():
            continue
        n = pd.to_numeric(filled, errors="coerce")
        if n.isna().any():
            continue
        full = n.reindex(s.index)  # empty cells: missing
        frame[c] = full.astype("Int64") if (n == n.round()).all() and "itude" not in c else full
    return frame


def load_audit(work: Path) -> pd.DataFrame:
    return pd.read_csv(out_dir(work) / "audit.csv", keep_default_na=False, dtype=str)
