"""Putting it together: a file, a dataset and the filters -> one ReadResult."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from sitrep import places
from sitrep.clean.filters import Filters, unmatched_province
from sitrep.clean.readers import pieces
from sitrep.clean.readers.base import ReadResult
from sitrep.clean.readers.export.chunks import Part, read_chunk
from sitrep.clean.readers.export.dataset import INT, Dataset
from sitrep.clean.readers.export import sources
from sitrep.clean.readers.export.scope import Places
from sitrep.clean.readers.export.sources import (COPY_FILE, LATIN1, LINE, SEEN, NotUtf8, Source,
                                                 copy_source, xlsx_source)
from sitrep.problems import InputError, Problem
from sitrep.schema import AUDIT_COLUMNS, CATEGORIES, FIGURE_COLUMNS, REPORT_COLUMNS, SOURCE_COLUMNS


def read_export(path: Path, filters: Filters, ds: Dataset) -> ReadResult:
    path = Path(path)
    if not path.is_file():
        raise InputError(message=f"DATA={path}: no such file - point DATA at the {ds.name} "
                                 "export (CSV or XLSX)")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read(xlsx_source(path, ds), filters, ds)
    from sitrep.clean import cache
    # A large export briefed on with a second set of filters gets a Parquet copy of the
    # columns read (written while it is read, about a third more time); every later briefing,
    # whatever its filters, reads the copy (a quarter of the time). A file briefed on once
    # never pays for a copy.
    folder = cache.copy_dir(path, ds.name)
    if folder is not None and (folder / COPY_FILE).is_file():
        return _read(copy_source(path, folder, ds), filters, ds)
    copy = folder if folder is not None and (folder / SEEN).is_file() else None
    try:
        result = _read_csv(path, ds, filters, copy)
    except NotUtf8:
        result = _read_csv(path, ds, filters, copy, LATIN1)
    if folder is not None and copy is None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / SEEN).write_text(f"{path} was read once\n", encoding="utf-8")
    return result


def _read_csv(path: Path, ds: Dataset, filters: Filters, copy: Path | None,
              encoding: str | None = None) -> ReadResult:
    try:
        return _read(sources.csv_source(path, ds, encoding, copy), filters, ds)
    except pieces.Unsplit:
        # A piece failed: a genuine fault, or a cut inside a quoted cell. Read whole, which
        # reports a genuine fault at its line.
        return _read(sources.csv_source(path, ds, encoding, copy, whole=True), filters, ds)


def _read(source: Source, filters: Filters, ds: Dataset) -> ReadResult:
    pl = Places(ds, filters)
    filtered: Counter = Counter()
    parts: list[Part] = []
    pending: list[tuple[pa.RecordBatch, np.ndarray]] = []
    pending_rows = total = 0

    def flush() -> None:
        nonlocal pending, pending_rows
        if pending:
            parts.append(read_chunk(_to_frame(pending), ds, filters, source.name, pl))
            pending, pending_rows = [], 0

    for batch, lines, counts, rows in source.blocks(pl.block_mask):
        total += rows
        filtered.update(counts)
        if batch is None:
            continue
        pending.append((batch, lines))
        pending_rows += batch.num_rows
        if pending_rows >= sources.CHUNK_ROWS:  # read at call time: tests make it small
            flush()
    flush()
    for p in parts:
        filtered.update(p.filtered)
    msg = unmatched_province(filters, np.array([c.code for c in pl.countries.values() if c]))
    if msg:
        raise InputError(message=msg)
    return _result(source, ds, filters, parts, filtered, total)


def _to_frame(pending: list[tuple[pa.RecordBatch, np.ndarray]]) -> pd.DataFrame:
    """Blocks -> one frame of text columns (dictionary columns decoded) with LINE."""
    cols: dict[str, list[pa.Array]] = {}
    for batch, _ in pending:
        for name, col in zip(batch.schema.names, batch.columns):
            if pa.types.is_dictionary(col.type):
                col = col.dictionary_decode()
            cols.setdefault(name, []).append(col)
    frame = pa.table({n: pa.chunked_array(c, pa.string()) for n, c in cols.items()}).to_pandas()
    frame[LINE] = np.concatenate([lines for _, lines in pending])
    return frame


_REASON_ORDER = ("outside COUNTRY", "outside PROVINCE", "before START", "after END")


def _result(source: Source, ds: Dataset, filters: Filters, parts: list[Part],
            filtered: Counter, total: int) -> ReadResult:
    reports = _concat([p.reports for p in parts], list(REPORT_COLUMNS) + ["_hash", "_pname"])
    figures = _concat([p.figures for p in parts], list(FIGURE_COLUMNS) + ["_line"])
    audit = _concat([p.audit for p in parts], list(AUDIT_COLUMNS))
    problems = [q for p in parts for q in p.problems]
    reports, figures, audit, more, repeats = _repeated_events(reports, figures, audit, ds,
                                                              source.name)
    problems = _once_per_name(sorted(problems + more, key=lambda q: q.line))
    reports["province"] = display_names(reports)
    audit = audit.sort_values("line", kind="stable")
    # in the order of the filters, whatever order the blocks met them in
    reasons = sorted(filtered, key=lambda r: (next(
        (i for i, w in enumerate(_REASON_ORDER) if r.startswith(w)), len(_REASON_ORDER)), r))
    summed = pd.DataFrame({"file": source.name, "line": pd.NA,
                           "rows": [filtered[r] for r in reasons], "event_id": "",
                           "source_id": ds.source_id, "fate": "filtered", "reason": reasons})
    audit = pd.concat([audit, summed], ignore_index=True) if len(summed) else audit
    audit = audit.astype({"line": INT, "rows": "int64"})
    reports = _typed_reports(reports)
    sources = pd.DataFrame([{"source_id": ds.source_id, "publisher": ds.publisher,
                             "published": "", "title": source.name, "url": ds.url,
                             "source_type": "other"}], columns=list(SOURCE_COLUMNS))
    n_kept = int((audit["fate"] == "kept").sum())
    as_what = "an XLSX workbook" if source.encoding == "XLSX" else f"{source.encoding} text"
    method = [f"Dataset: {ds.publisher}. Read {source.name} as {as_what}: {total:,} data rows, "
              f"of which {n_kept:,} events lie inside the briefing's scope "
              f"({filters.describe()}); the audit accounts for the other rows as filtered, "
              f"merged or rejected. Each {ds.name} event is one report, with {ds.name} as its "
              "source."]
    method += ds.method(set(source.columns), reports)
    method += [source.note] if source.note else []
    not_counted = sum((p.not_counted for p in parts), repeats)
    return ReadResult(dataset=ds.name, files=[source.name], reports=reports,
                      figures=_typed_figures(figures), sources=sources,
                      audit=audit[list(AUDIT_COLUMNS)].reset_index(drop=True),
                      problems=problems, method=method, not_counted=dict(not_counted))


def _repeated_events(reports: pd.DataFrame, figures: pd.DataFrame, audit: pd.DataFrame,
                     ds: Dataset, name: str):
    """An event listed twice: an exact repeat is merged; a differing one is an error."""
    reports = reports.sort_values("line", kind="stable")
    dup = reports.duplicated("event_id", keep="first")
    if not dup.any():
        return reports, figures, audit, [], Counter()
    first = reports[~dup].set_index("event_id")
    d = reports[dup]
    first_line = d["event_id"].map(first["line"]).astype(int)
    same = d["_hash"].to_numpy() == d["event_id"].map(first["_hash"]).to_numpy()
    problems = [Problem(name, int(r.line), ds.id_column, r.event_id,
                        f"the same event id is already at line {first_line[r.Index]} with "
                        "other values", "keep one of the two rows (an export lists each event "
                        "once)") for r in d[~same].itertuples()]
    by_line = audit.set_index("line")
    lines = d["line"].to_numpy()
    by_line.loc[lines, "fate"] = np.where(same, "merged", "rejected")
    by_line.loc[lines, "reason"] = [
        f"exact duplicate of line {n}" if s else
        f"column '{ds.id_column}': repeats the event id of line {n}"
        for n, s in zip(first_line, same)]
    drop = set(lines)
    rejected = figures["_line"].isin(set(d.loc[~same, "line"]))
    killed = figures[rejected & (figures["category"] == "all") & (figures["outcome"] == "killed")]
    return (reports[~reports["line"].isin(drop)], figures[~figures["_line"].isin(drop)],
            by_line.reset_index()[list(AUDIT_COLUMNS)], problems,
            Counter({"killed": int(killed["point"].sum()),
                     "unreadable": int((~same).sum()) - len(killed)}))


def display_names(reports: pd.DataFrame) -> pd.Series:
    """The province name a briefing shows: the dataset's own English name ("Aleppo", not the
    ISO transliteration "Halab" with its diacritics), one per code (the most used spelling,
    "Banadir" or "Banaadir"), but the ISO name wherever the dataset writes it too; and the
    dataset's name for a province that has no code."""
    own = reports["_pname"].fillna("").astype(str)
    coded = reports["province_code"] != ""
    iso = reports["province"].where(coded, "")
    out = own.where(~coded, iso)
    if not coded.any():
        return out
    pairs = pd.DataFrame({"code": reports["province_code"][coded], "own": own[coded],
                          "iso": iso[coded]})
    uses_iso = pairs.assign(same=[places.normalise(a) == places.normalise(b)
                                  for a, b in zip(pairs["own"], pairs["iso"])]) \
        .groupby("code")["same"].any()
    common = pairs.groupby("code")["own"].agg(lambda s: s.value_counts().index[0])
    shown = common.where(~uses_iso.reindex(common.index, fill_value=False),
                         pairs.groupby("code")["iso"].first())
    return out.where(~coded, reports["province_code"].map(shown))


def _once_per_name(problems: list[Problem]) -> list[Problem]:
    """A warning about a name (a province without a code) once per file, not once per block."""
    seen, out = set(), []
    for q in problems:
        key = (q.file, q.column, q.value, q.message)
        if q.severity == "warning" and key in seen:
            continue
        seen.add(key)
        out.append(q)
    return out


def _typed_reports(reports: pd.DataFrame) -> pd.DataFrame:
    out = reports.drop(columns=["_hash", "_pname"]).reset_index(drop=True)
    out["line"] = out["line"].astype("int64")
    out["event_date"] = pd.to_datetime(out["event_date"])
    for c in ("latitude", "longitude"):
        out[c] = out[c].astype(float)
    return out[list(REPORT_COLUMNS)]


def _typed_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures in file order; within a report killed before injured, categories in order."""
    order = {c: i for i, c in enumerate(CATEGORIES + ("all",))}
    out = figures.sort_values(["_line", "outcome", "category"], kind="stable",
                              key=lambda s: s.map(order) if s.name == "category" else s,
                              ascending=[True, False, True])
    out = out.drop(columns="_line").reset_index(drop=True)
    for c in ("low", "high", "point"):
        out[c] = out[c].astype(INT)
    out["approx"] = out["approx"].astype(bool)
    return out[list(FIGURE_COLUMNS)]


def _concat(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    return pd.concat(frames, ignore_index=True)[columns]


__all__ = ["read_export"]
