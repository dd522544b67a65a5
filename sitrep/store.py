"""The files where notebooks meet: what 01_clean writes and 02/03 read, and the tables.

Layout of a run's work folder (``WORK``)::

    clean/events.parquet    clean events (schema.EVENT_COLUMNS)
    clean/reports.parquet   reports that were kept (schema.REPORT_COLUMNS)
    clean/figures.parquet   their figures (schema.FIGURE_COLUMNS)
    clean/victims.parquet   victims by home province, per report
    clean/sources.csv       sources cited by kept reports (schema.SOURCE_COLUMNS)
    clean/problems.csv      every problem found: file, line, column, value, message, fix, severity
    clean/run.json          dataset, files, filters, methodology notes, audit sums
    clean/previous/         the previous period's events and reports, previous.json
    briefing.json           the briefing's title (03_briefing -> the renderer)
    out/audit.csv           one row per input row (schema.AUDIT_COLUMNS)
    out/tables/*.csv        the tables (see sitrep.tabulate.tables)
    out/briefing.html|pdf   the briefing

``out/`` is what ``make report`` moves into ``OUT`` once everything succeeded.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from sitrep.paths import resolve
from sitrep.problems import Problem
from sitrep.schema import PROBLEM_COLUMNS, TABLES



def clean_dir(work: Path) -> Path:
    return resolve(work) / "clean"


def out_dir(work: Path) -> Path:
    return resolve(work) / "out"


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
    write_csv(sources, d / "sources.csv")
    write_csv(pd.DataFrame([asdict(p) for p in problems], columns=list(PROBLEM_COLUMNS)),
              d / "problems.csv")
    write_csv(audit, out_dir(work) / "audit.csv")
    (d / "run.json").write_text(json.dumps(run, indent=2, default=str), encoding="utf-8")


def save_previous(work: Path, previous: dict) -> None:
    """The previous period's events and reports (clean/previous/), and what it was."""
    d = clean_dir(work) / "previous"
    d.mkdir(parents=True, exist_ok=True)
    if len(previous["events"]):
        previous["events"].to_parquet(d / "events.parquet", index=False)
        previous["reports"].to_parquet(d / "reports.parquet", index=False)
    meta = {k: previous[k] for k in ("start", "end", "rejected_rows", "why")}
    (d / "previous.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")


def load_previous(work: Path) -> dict | None:
    d = clean_dir(work) / "previous"
    if not (d / "previous.json").is_file():
        return None
    out = json.loads((d / "previous.json").read_text(encoding="utf-8"))
    have = (d / "events.parquet").is_file()
    out["events"] = pd.read_parquet(d / "events.parquet") if have else pd.DataFrame()
    out["reports"] = pd.read_parquet(d / "reports.parquet") if have else pd.DataFrame()
    return out


def load_clean(work: Path) -> dict:
    d = clean_dir(work)
    text = {"keep_default_na": False, "dtype": str}
    return {
        "events": pd.read_parquet(d / "events.parquet"),
        "reports": pd.read_parquet(d / "reports.parquet"),
        "figures": pd.read_parquet(d / "figures.parquet"),
        "victims": pd.read_parquet(d / "victims.parquet"),
        "sources": _restored(pd.read_csv(d / "sources.csv", **text)),
        "problems": _restored(pd.read_csv(d / "problems.csv", **text)),
        "run": json.loads((d / "run.json").read_text(encoding="utf-8")),
        "previous": load_previous(work),
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


def _restored(frame: pd.DataFrame) -> pd.DataFrame:
    """Undo the apostrophe that keeps spreadsheets from running a text cell as a formula."""
    for c in frame.columns:
        if frame[c].str.startswith("'").any():
            frame[c] = frame[c].str.replace(r"^'(?='*[=+\-@\t\r])", "", regex=True)
    return frame


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    _restored(frame)
    for c in frame.columns:
        s = frame[c]
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


def save_title(work: Path, title: str) -> None:
    """The briefing's title, for the renderer (the notebook computes it from the scope)."""
    (resolve(work) / "briefing.json").write_text(json.dumps({"title": title}),
                                                 encoding="utf-8")


def load_audit(work: Path) -> pd.DataFrame:
    return pd.read_csv(out_dir(work) / "audit.csv", keep_default_na=False, dtype=str)


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells a spreadsheet would run as a formula get a leading apostrophe; so does text
    that already begins with an apostrophe before such a sign, so that reading back (which
    takes one apostrophe off) gives the text as it was."""
    out = frame.copy()
    for c in out.columns:
        s = out[c]
        if s.dtype == object:  # mixed cells: only the text ones can be formulas
            s = s.astype(object)
            risky = s.map(lambda x: isinstance(x, str) and bool(_RISKY.match(x)))
            out[c] = s.where(~risky, "'" + s.astype(str))
        elif pd.api.types.is_string_dtype(s):  # text column: vectorised (large exports)
            risky = s.str.match(_RISKY.pattern).fillna(False).astype(bool)
            out[c] = s.where(~risky, "'" + s)
    return out


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_RISKY = re.compile(r"[=+\-@\t\r]|'+[=+\-@\t\r]")


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """The one CSV writer for what an analyst opens: formulas neutralised, written whole (to a
    temporary file first), so that a reader never sees half a file."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    safe = neutralise_formulas(frame)
    # pandas quotes a cell only for the line terminator "\n": a bare "\r" would split its row
    text = safe.select_dtypes(include=["object", "string"])
    cr = any(text[c].astype(str).str.contains("\r", regex=False).any() for c in text.columns)
    safe.to_csv(tmp, index=False, **({"quoting": csv.QUOTE_NONNUMERIC} if cr else {}))
    tmp.replace(path)
