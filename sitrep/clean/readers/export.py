"""Dataset exports (ACLED, UCDP GED, GTD) -> the same reports and figures as the native log.

Each dataset's reader module holds only that dataset's rules in a :class:`Dataset` (which columns,
how to date an event, how its deaths split into victim categories, what to tell the methodology
section). This module does the rest, the same way for all three:

* A CSV file streams through pyarrow in blocks of ``BLOCK_SIZE``, reading only the dataset's
  columns and reading them as text: numbers are checked here, cell by cell, so a bad cell becomes
  a problem with its line instead of a crash. The country and province columns are read
  dictionary-encoded, so each distinct name is resolved once per block and rows outside COUNTRY
  (and PROVINCE, when COUNTRY is given) are dropped before they reach pandas. The rest is
  processed in pandas in chunks of at most ``CHUNK_ROWS`` rows, so the file is never held whole.
  A large file is cut at record starts into one piece per core, read at once
  (:mod:`sitrep.clean.readers.pieces`); if a piece fails, the file is read again whole.
* Text is read as UTF-8; a file that is not valid UTF-8 (GTD ships as ISO-8859-1) is read as
  ISO-8859-1 (Latin-1) instead, and the methodology says which.
* An XLSX file (small by nature) is read with openpyxl and then goes through the same steps.
* A large CSV export briefed on with a second set of filters is copied, while it is read, to
  Parquet in the cache (the columns read, with their lines); later readings of it, whatever
  their filters, stream that copy instead of parsing the CSV again.
* Every input data row is accounted for in the audit: rows the filters drop are summed per reason
  (line empty, ``rows`` = how many); every other row has its own audit row (kept, merged or
  rejected) with its line, which is the data record's index + 2 (the header is line 1), as a
  spreadsheet numbers it, even when quoted cells hold line breaks.

Why pyarrow and not DuckDB: on a generated 1.2 GB, 2.5M-row ACLED-shaped file (2 cores), a
DuckDB query selecting the 12 needed columns of one province's rows took about 1.0 s; this
reader, doing everything above (line numbers, per-reason counts, places, dates, figures), takes
about 1.6 s in two pieces (2.2 s on one core) at under 400 MB peak. DuckDB needs 1.45 s just to
add line numbers (``row_number() OVER ()``) and another scan for the per-reason counts, and
would be one more dependency.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from sitrep import places
from sitrep.clean.filters import Filters, unmatched_province
from sitrep.problems import InputError, Problem
from sitrep.clean.readers import pieces
from sitrep.clean.readers.files import cell_text
from sitrep.clean.readers.base import ReadResult
from sitrep.schema import (AUDIT_COLUMNS, CATEGORIES, FIGURE_COLUMNS, REPORT_COLUMNS,
                           SOURCE_COLUMNS)

LINE = "_line"
BLOCK_SIZE = 2 << 20      # 2 MiB: as fast as any size measured, at low memory
CHUNK_ROWS = 200_000      # rows inside the filters handed to pandas at a time
COPY_FILE, SEEN = "rows.parquet", "seen"  # a large export's copy in the cache, and its marker
COPY_ROW_GROUP = 250_000  # rows per Parquet row group of that copy
UTF8, LATIN1 = "UTF-8", "ISO-8859-1 (Latin-1)"
FAULT_COLUMNS = ("row", "column", "value", "message", "fix", "severity")
FIG_PART_COLUMNS = ("row", "category", "outcome", "low", "high", "point", "derived", "text")
INT = "Int64"


# --- what a dataset module provides ---------------------------------------------------------

class Dates(NamedTuple):
    """Each row's date (NaT when it cannot be dated), its precision and the faults found.

    ``first``/``last`` optionally bound undated rows (e.g. GTD with an unknown month: the year),
    so that a row whose whole range lies outside START..END is filtered, not rejected.
    """
    date: pd.Series
    precision: pd.Series
    faults: pd.DataFrame
    first: pd.Series | None = None
    last: pd.Series | None = None


class Figures(NamedTuple):
    """Figures in long form (FIG_PART_COLUMNS; ``row`` is the frame's index) and faults."""
    figures: pd.DataFrame
    faults: pd.DataFrame


@dataclass(frozen=True)
class Dataset:
    name: str                 # "ACLED": ReadResult.dataset
    source_id: str            # the id every report cites
    publisher: str
    url: str
    id_column: str            # the dataset's event id
    country_column: str
    province_column: str
    required: tuple[str, ...]  # read; the file must have them (codebook names)
    optional: tuple[str, ...]  # read when present
    # raw province cell -> the name to resolve ("" = province unknown)
    province_name: Callable[[str], str]
    dates: Callable[[pd.DataFrame], Dates]
    # -> columns district (cleaned name, resolved here), location, event_type, perpetrator
    describe: Callable[[pd.DataFrame], pd.DataFrame]
    figures: Callable[[pd.DataFrame], Figures]
    # (columns read, kept reports) -> methodology sentences on the dataset's own rules
    method: Callable[[set[str], pd.DataFrame], list[str]]


# --- small pure helpers the dataset modules use -----------------------------------------------

def no_faults() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in FAULT_COLUMNS})


def faults_where(mask: pd.Series, values: pd.Series, column: str, message: str | pd.Series,
                 fix: str = "", severity: str = "error") -> pd.DataFrame:
    """One fault per row where ``mask`` holds (``message`` may vary by row)."""
    mask = mask.fillna(False).astype(bool)
    if not mask.any():
        return no_faults()
    msg = message[mask] if isinstance(message, pd.Series) else message
    return pd.DataFrame({"row": values.index[mask], "column": column,
                         "value": values[mask].astype(str).to_numpy(), "message": msg,
                         "fix": fix, "severity": severity}).reset_index(drop=True)


def concat_faults(parts: list[pd.DataFrame]) -> pd.DataFrame:
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else no_faults()


def whole_numbers(frame: pd.DataFrame, column: str, unknown: frozenset[str] = frozenset(),
                  empty_fix: str = "") -> tuple[pd.Series, pd.DataFrame]:
    """A count column -> Int64 (<NA> = unknown) and faults for text, fractions and negatives.

    ``unknown`` lists the cell texts (after trimming, and as numbers) that mean "not known"
    (GTD: "", "-9", "-99"); an empty cell not in ``unknown`` is a fault with ``empty_fix``.
    """
    raw = frame[column].astype(str).str.strip()
    num = pd.to_numeric(raw, errors="coerce")
    unknown_nums = {float(u) for u in unknown if _is_number(u)}
    is_unknown = raw.isin(list(unknown)) | num.isin(list(unknown_nums))
    empty = (raw == "") & ~is_unknown
    bad_text = num.isna() & ~is_unknown & ~empty
    fraction = num.notna() & ~is_unknown & (num % 1 != 0)
    negative = num.notna() & ~is_unknown & ~fraction & (num < 0)
    faults = concat_faults([
        faults_where(empty, raw, column, "is empty", empty_fix),
        faults_where(bad_text, raw, column, "is not a number", "give a whole number"),
        faults_where(fraction, raw, column, "is not a whole number", "give a whole number"),
        faults_where(negative, raw, column, "is negative",
                     "give the number of people (0 or more)"),
    ])
    ok = num.notna() & ~is_unknown & ~fraction & ~negative
    return num.where(ok).astype(INT), faults


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


_ISO = re.compile(r"^\s*(\d{4}-\d{1,2}-\d{1,2})(?:[ T].*)?$")


def iso_dates(values: pd.Series) -> pd.Series:
    """'2024-08-26' (optionally followed by a time) -> datetime64; NaT when not that shape.

    The common shapes are parsed vectorised; only cells that fail are tried with the pattern.
    """
    text = values.astype(str).str.strip()
    head, rest = text.str.slice(0, 10), text.str.slice(10, 11)
    date = pd.to_datetime(head.where(rest.isin(["", " ", "T"])), format="%Y-%m-%d",
                          errors="coerce")
    if date.isna().any():
        miss = text[date.isna()]
        day = miss.str.extract(_ISO, expand=False)
        date = date.fillna(pd.to_datetime(day, format="%Y-%m-%d", errors="coerce"))
    return date


def figure_part(values: pd.Series, category: str, outcome: str, derived: pd.Series | str = "",
                low: pd.Series | None = None, high: pd.Series | None = None,
                text: pd.Series | None = None) -> pd.DataFrame:
    """Figures for the rows where ``values`` is known: point = values; low/high default to it."""
    known = values.notna()
    v = values[known]
    lo = v if low is None else low[known]
    hi = v if high is None else high[known]
    return pd.DataFrame({
        "row": v.index, "category": category, "outcome": outcome,
        "low": lo.astype(INT).to_numpy(), "high": hi.astype(INT).to_numpy(),
        "point": v.astype(INT).to_numpy(),
        "derived": derived[known].to_numpy() if isinstance(derived, pd.Series) else derived,
        "text": (v.astype(str) if text is None else text[known]).to_numpy(),
    })


def category_figures(parts: dict[str, list[pd.Series]], outcome: str) -> list[pd.DataFrame]:
    """Each category's figure is the sum of its known parts.

    A part is <NA> on rows where it does not apply to the category or is unknown; a category has
    no figure on a row where all its parts are <NA>. ``derived`` is "sum" where two or more
    parts were added (UCDP's deaths_a and deaths_b both on the non-state side, say).
    """
    out = []
    for category in CATEGORIES:
        series = parts.get(category, [])
        if not series:
            continue
        stacked = pd.concat(series, axis=1)
        n = stacked.notna().sum(axis=1)
        total = stacked.sum(axis=1, min_count=1).astype(INT).where(n > 0)
        derived = pd.Series(np.where(n > 1, "sum", ""), index=stacked.index)
        out.append(figure_part(total, category, outcome, derived))
    return out


def strip_suffix(name: str, word: str) -> str:
    """'Balochistan province' -> 'Balochistan' (case-insensitive, trailing word only)."""
    text = " ".join(str(name).split())
    if text.lower().endswith(" " + word):
        text = text[: -len(word) - 1].rstrip()
    return text


# --- reading the file -----------------------------------------------------------------------

class _Encoding(Exception):
    """The file claimed UTF-8 in its first block but is not UTF-8 further on."""


@dataclass
class _Source:
    name: str
    columns: list[str]   # the dataset's columns found in the header
    encoding: str
    batches: Callable[[], Iterator[tuple[pa.RecordBatch, np.ndarray]]]
    note: str = ""       # said in the methodology: where the rows were read from
    # the blocks already masked, when the source can do better than masking ``batches``
    masked: Callable[[Mask], Iterator[Block] | None] | None = None

    def blocks(self, mask: Mask) -> Iterator[Block]:
        """Each block's rows inside the filters (None when none are) with their lines, the
        counts of the rows filtered by reason, and the block's number of rows."""
        fast = self.masked(mask) if self.masked is not None else None
        if fast is not None:
            return fast
        return (_apply(mask, batch, lines) for batch, lines in self.batches())


Mask = Callable[[pa.RecordBatch], tuple[np.ndarray, Counter]]
Block = tuple[pa.RecordBatch | None, np.ndarray, Counter, int]


def _apply(mask: Mask, batch: pa.RecordBatch, lines: np.ndarray) -> Block:
    keep, counts = mask(batch)
    if keep.all():
        return batch, lines, counts, batch.num_rows
    if keep.any():
        return batch.filter(pa.array(keep)), lines[keep], counts, batch.num_rows
    return None, lines[:0], counts, batch.num_rows


def _header_and_encoding(path: Path) -> tuple[list[str], str]:
    with open(path, "rb") as fh:
        head = fh.read(1 << 20)
    encoding = UTF8
    if not head.startswith(codecs.BOM_UTF8):
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        except UnicodeDecodeError:
            encoding = LATIN1
    text = head.decode("utf-8-sig", errors="replace") if encoding == UTF8 \
        else head.decode("latin-1")
    first = next(csv.reader(io.StringIO(text, newline="")), [])
    return [c.strip() for c in first], encoding


def _csv_source(path: Path, ds: Dataset, encoding: str | None = None,
                copy: Path | None = None, whole: bool = False) -> _Source:
    """The CSV file's blocks; with ``copy``, each block is also written to a Parquet copy of
    the file there (see :class:`_CopyWriter`); ``whole``: never read in pieces."""
    header, sniffed = _header_and_encoding(path)
    encoding = encoding or sniffed
    columns = _check_columns(path.name, header, ds)
    names = pa.dictionary(pa.int32(), pa.string())
    types = {c: pa.string() for c in columns}
    types[ds.country_column] = types[ds.province_column] = names

    read_options = pacsv.ReadOptions(block_size=BLOCK_SIZE,
                                     encoding="utf8" if encoding == UTF8 else "latin-1")
    parse_options = pacsv.ParseOptions(newlines_in_values=True)
    convert_options = pacsv.ConvertOptions(include_columns=columns, column_types=types,
                                           strings_can_be_null=False,
                                           quoted_strings_can_be_null=False)

    def batches() -> Iterator[tuple[pa.RecordBatch, np.ndarray]]:
        reader = pacsv.open_csv(path, read_options=read_options, parse_options=parse_options,
                                convert_options=convert_options)
        seen = 0
        writer = _CopyWriter(copy, encoding) if copy is not None else None
        try:
            while True:
                try:
                    batch = reader.read_next_batch()
                except StopIteration:
                    if writer is not None:
                        writer.finish()
                    return
                except pa.ArrowInvalid as exc:
                    if "UTF8" in str(exc) and encoding == UTF8:
                        raise _Encoding() from exc
                    raise InputError(message=f"{path.name}: cannot be read as CSV after line "
                                             f"{seen + 1} ({exc}) - check that cells holding "
                                             "commas, quotes or line breaks are in double "
                                             "quotes") from None
                lines = np.arange(seen + 2, seen + 2 + batch.num_rows)
                if writer is not None:
                    writer.add(batch, lines)
                yield batch, lines
                seen += batch.num_rows
        finally:
            if writer is not None:
                writer.abort()  # after finish(), nothing to undo

    def masked(mask: Mask) -> Iterator[Block] | None:
        """A large file is cut into pieces read at once on all cores, each piece masked in its
        own thread (see sitrep.clean.readers.pieces); lines are numbered once the pieces before are
        counted. Not while a copy is written: the copy wants every row, in order."""
        if copy is not None or whole:
            return None

        def each(batch: pa.RecordBatch, first: int) -> Block:
            return _apply(mask, batch, np.arange(first + 2, first + 2 + batch.num_rows))

        split = pieces.read_pieces(path, read_options, parse_options, convert_options, each)
        if split is None:
            return None

        def numbered() -> Iterator[Block]:
            piece = before = total = 0  # before: the rows of the pieces before this one
            for k, (batch, lines, counts, rows) in split:
                if k != piece:
                    piece, before = k, total
                total += rows
                yield batch, lines + before, counts, rows
        return numbered()

    return _Source(path.name, columns, encoding, batches, masked=masked)


class _CopyWriter:
    """Writes the blocks of a CSV export, with their lines, to ``rows.parquet`` in a folder of
    the cache (cache.copy_dir): the columns the dataset's rules read, as read. The file appears
    only once the whole export has been written; an interrupted copy leaves nothing."""

    def __init__(self, folder: Path, encoding: str):
        self.folder, self.encoding = folder, encoding
        folder.mkdir(parents=True, exist_ok=True)
        self.tmp = folder / f".{COPY_FILE}.{os.getpid()}"
        self.writer: pq.ParquetWriter | None = None
        self.pending: list[pa.RecordBatch] = []
        self.rows = 0
        self.done = False

    def add(self, batch: pa.RecordBatch, lines: np.ndarray) -> None:
        self.pending.append(batch.append_column(LINE, pa.array(lines, pa.int64())))
        self.rows += batch.num_rows
        if self.rows >= COPY_ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if not self.pending:
            return
        table = pa.Table.from_batches(self.pending)
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.tmp, table.schema, compression="snappy")
        self.writer.write_table(table)
        self.pending, self.rows = [], 0

    def finish(self) -> None:
        self._flush()
        if self.writer is None:
            return  # no rows: nothing worth a copy
        self.writer.close()
        (self.folder / "meta.json").write_text(json.dumps({"encoding": self.encoding}),
                                               encoding="utf-8")
        os.replace(self.tmp, self.folder / COPY_FILE)
        self.done = True

    def abort(self) -> None:
        if self.done:
            return
        if self.writer is not None:
            self.writer.close()
        self.tmp.unlink(missing_ok=True)


def _copy_source(path: Path, folder: Path, ds: Dataset) -> _Source:
    """The blocks of an export's Parquet copy, as its CSV gave them (lines included)."""
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    pf = pq.ParquetFile(folder / COPY_FILE,
                        read_dictionary=[ds.country_column, ds.province_column])
    columns = [c for c in pf.schema_arrow.names if c != LINE]

    def batches() -> Iterator[tuple[pa.RecordBatch, np.ndarray]]:
        for batch in pf.iter_batches(batch_size=CHUNK_ROWS):
            yield batch.select(columns), batch.column(LINE).to_numpy()

    return _Source(path.name, columns, meta["encoding"], batches,
                   note=f"{path.name} was read from its column-pruned copy in build/cache, "
                        "made when it was first briefed on with other filters.")


def _xlsx_source(path: Path, ds: Dataset) -> _Source:
    from openpyxl import load_workbook  # only when a workbook is read

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise InputError(message=f"{path.name}: cannot be read as a workbook ({exc}) - save the "
                                 "export again as CSV or XLSX") from None
    try:
        rows = wb.worksheets[0].iter_rows(values_only=True)
        header = [cell_text(c) for c in next(rows, ())]
        columns = _check_columns(path.name, header, ds)
        where = [header.index(c) for c in columns]
        cells: list[list[str]] = [[] for _ in columns]
        lines = []
        for line, row in enumerate(rows, start=2):
            texts = [cell_text(row[i]) if i < len(row) else "" for i in where]
            if not any(cell_text(v) for v in row):
                continue  # a blank row is not a row
            for store, t in zip(cells, texts):
                store.append(t)
            lines.append(line)
    finally:
        wb.close()
    table = pa.table({c: pa.array(v, pa.string()) for c, v in zip(columns, cells)})
    for c in (ds.country_column, ds.province_column):
        table = table.set_column(table.schema.get_field_index(c), c,
                                 table.column(c).dictionary_encode())
    table = table.combine_chunks()
    line_array = np.asarray(lines, dtype=np.int64)

    def batches() -> Iterator[tuple[pa.RecordBatch, np.ndarray]]:
        start = 0
        for batch in table.to_batches(max_chunksize=CHUNK_ROWS):
            yield batch, line_array[start:start + batch.num_rows]
            start += batch.num_rows

    return _Source(path.name, columns, "XLSX", batches)


def _check_columns(name: str, header: list[str], ds: Dataset) -> list[str]:
    missing = [c for c in ds.required if c not in header]
    if missing:
        article = "an" if ds.name.startswith("A") else "a"  # an ACLED, a UCDP GED, a GTD
        problems = [Problem(name, 1, c, "", "required column is missing",
                            f"{article} {ds.name} export names it '{c}' in its header (codebook "
                            f"spelling); columns found: {', '.join(h for h in header if h)}")
                    for c in missing]
        raise InputError(problems, message="\n".join(
            [f"{name} is not a complete {ds.name} export:", *(f"  {p}" for p in problems)]))
    return [c for c in ds.required + ds.optional if c in header]


# --- filtering while reading ----------------------------------------------------------------

def outside_country(filters: Filters) -> str:
    return f"outside COUNTRY={filters.country}"


def outside_province(filters: Filters) -> str:
    return f"outside PROVINCE={filters.province}"


class _Places:
    """Country and province names -> codes, each distinct name resolved once per run.

    With COUNTRY given, ``block_mask`` drops the rows of other countries (and, with PROVINCE,
    of other provinces) from each block by looking at the block's distinct names only. A
    country name this tool does not recognise cannot be COUNTRY, so its rows are outside too.
    """

    def __init__(self, ds: Dataset, filters: Filters):
        self.ds, self.filters = ds, filters
        self.countries: dict[str, places.Country | None] = {}
        self.provinces: dict[tuple[str, str], places.Province | None] = {}
        self.clean: dict[str, str] = {}
        self.country_in: dict[str, bool] = {}
        self.province_out: dict[str, bool] = {}

    def country(self, name: str) -> places.Country | None:
        if name not in self.countries:
            self.countries[name] = places.resolve_country(name) if name.strip() else None
        return self.countries[name]

    def province_name(self, raw: str) -> str:
        if raw not in self.clean:
            self.clean[raw] = self.ds.province_name(raw)
        return self.clean[raw]

    def province(self, name: str, country_code: str) -> places.Province | None:
        key = (name, country_code)
        if key not in self.provinces:
            self.provinces[key] = places.resolve_province(name, country_code) \
                if name and country_code else None
        return self.provinces[key]

    def _is_country(self, name: str) -> bool:
        if name not in self.country_in:
            c = self.country(name)
            self.country_in[name] = c is not None and c.code == self.filters.country_code
        return self.country_in[name]

    def _is_other_province(self, raw: str) -> bool:
        """Known to lie outside PROVINCE: unknown, or another province (unresolved: not known)."""
        if raw not in self.province_out:
            f = self.filters
            name = self.province_name(raw)
            p = self.province(name, f.country_code)
            self.province_out[raw] = name == "" or (
                p is not None and p.code != f.province_code_in(f.country_code))
        return self.province_out[raw]

    def block_mask(self, batch: pa.RecordBatch) -> tuple[np.ndarray, Counter]:
        """Which rows of one block may be inside the filters, and why the others are not."""
        f, counts = self.filters, Counter()
        if not f.country_code:
            return np.ones(batch.num_rows, dtype=bool), counts
        keep = self._by_name(batch.column(self.ds.country_column), self._is_country)
        counts[outside_country(f)] = batch.num_rows - int(keep.sum())
        if f.province and keep.any():
            other = self._by_name(batch.column(self.ds.province_column), self._is_other_province)
            drop = keep & other
            counts[outside_province(f)] = int(drop.sum())
            keep &= ~drop
        return keep, +counts

    @staticmethod
    def _by_name(col: pa.DictionaryArray, test: Callable[[str], bool]) -> np.ndarray:
        verdict = np.fromiter((test(n) for n in col.dictionary.to_pylist()), bool,
                              len(col.dictionary))
        return verdict[col.indices.to_numpy(zero_copy_only=False)]


def settle_undated(dates: Dates, filters: Filters) -> Dates:
    """Rows known only to a range (a year): dated to its start when the whole range lies inside
    START..END; a fault when it straddles them. Wholly outside is filtered later."""
    if dates.first is None:
        return dates
    undated = dates.date.isna() & dates.first.notna()
    inside = undated.copy()
    if filters.start:
        inside &= dates.first >= pd.Timestamp(filters.start)
    if filters.end:
        inside &= dates.last <= pd.Timestamp(filters.end)
    straddle = undated & ~inside
    fault = faults_where(straddle, dates.first.dt.year.astype("Int64"), "iyear",
                         "the month is unknown (imonth 0) and the year straddles START or END",
                         "the event cannot be placed in the period; give its month if another "
                         "source has it, or widen START/END to whole years")
    return Dates(dates.date.where(~inside, dates.first), dates.precision,
                 concat_faults([dates.faults, fault]), dates.first, dates.last)


def _date_reasons(filters: Filters, dates: Dates) -> pd.Series:
    reason = pd.Series("", index=dates.date.index, dtype=object)
    latest = dates.date if dates.last is None else dates.date.fillna(dates.last)
    earliest = dates.date if dates.first is None else dates.date.fillna(dates.first)
    if filters.start:
        out = (latest < pd.Timestamp(filters.start)).fillna(False).to_numpy(bool)
        reason[out] = f"before START={filters.start}"
    if filters.end:
        out = (earliest > pd.Timestamp(filters.end)).fillna(False).to_numpy(bool)
        reason[out & (reason == "").to_numpy()] = f"after END={filters.end}"
    return reason


# --- one chunk of rows inside COUNTRY/PROVINCE -> reports, figures, audit, problems ----------

@dataclass
class _Part:
    reports: pd.DataFrame
    figures: pd.DataFrame
    audit: pd.DataFrame
    problems: list[Problem]
    filtered: Counter


class _Placed(NamedTuple):
    code: pd.Series      # ISO 3166-1 alpha-2, "" when not recognised
    country: pd.Series   # its English name, "" when not recognised
    name: pd.Series      # the province name to resolve, "" when unknown
    pcode: pd.Series     # ISO 3166-2, "" when unknown or not recognised
    province: pd.Series  # its official name, "" when unknown or not recognised


def by_value(values: pd.Series, fn: Callable) -> pd.Series:
    """``fn`` applied once per distinct value, mapped back onto every row."""
    return values.map({v: fn(v) for v in values.unique()})


def by_pair(a: pd.Series, b: pd.Series, fn: Callable) -> pd.Series:
    """``fn(a, b)`` once per distinct pair, mapped back onto every row."""
    key = a + "\x1f" + b
    return key.map({k: fn(*k.split("\x1f", 1)) for k in key.unique()})


def _place(frame: pd.DataFrame, ds: Dataset, pl: _Places) -> _Placed:
    raw = frame[ds.country_column]
    code = by_value(raw, lambda n: c.code if (c := pl.country(n)) else "")
    country = by_value(raw, lambda n: c.name if (c := pl.country(n)) else "")
    name = by_value(frame[ds.province_column], pl.province_name)
    pcode = by_pair(code, name, lambda c, n: p.code if (p := pl.province(n, c)) else "")
    province = by_pair(code, name, lambda c, n: p.name if (p := pl.province(n, c)) else "")
    return _Placed(code, country, name, pcode, province)


def _reasons(filters: Filters, raw_country: pd.Series, at: _Placed, dates: Dates) -> pd.Series:
    """Why each row is outside the filters ('' = inside), in Filters.reasons' order.

    A province that cannot be resolved is not known to be outside: such a row stays in scope
    (and is then rejected with a problem) unless its country or dates put it outside.
    """
    reason = pd.Series("", index=raw_country.index, dtype=object)
    if filters.country_code:
        out = at.code != filters.country_code
        reason[out] = outside_country(filters)
    if filters.province:
        wanted = by_value(at.code, lambda c: (filters.province_code_in(c) or "") if c else "")
        out = (at.name == "") | (wanted == "") | ((at.pcode != "") & (at.pcode != wanted))
        reason[out & (reason == "")] = outside_province(filters)
    return reason.where(reason != "", _date_reasons(filters, dates))


def _checks(scope: pd.DataFrame, ds: Dataset, at: _Placed, dates: Dates,
            figure_faults: pd.DataFrame) -> pd.DataFrame:
    """Every fault of the rows inside the filters: places, dates and figures."""
    i = scope.index
    return concat_faults([
        faults_where(at.code[i] == "", scope[ds.country_column], ds.country_column,
                     "is not a country this tool recognises",
                     "give COUNTRY= to brief on one country (other countries' rows are then "
                     "filtered out), or add the spelling to the country look-up"),
        _province_faults(scope, ds, at),
        dates.faults[dates.faults["row"].isin(i)],
        figure_faults,
    ])


def _reports(kept: pd.DataFrame, ds: Dataset, name: str, at: _Placed,
             dates: Dates) -> pd.DataFrame:
    k = kept.index
    desc = ds.describe(kept)
    line = kept[LINE]
    return pd.DataFrame({
        "report_id": name + ":" + line.astype(str),
        "file": name, "line": line.astype("int64"),
        "event_id": kept[ds.id_column].astype(str).str.strip(),
        "source_id": ds.source_id, "source_type": "other",
        "event_date": dates.date[k], "date_precision": dates.precision[k],
        "country_code": at.code[k], "country": at.country[k],
        "province_code": at.pcode[k], "province": at.province[k],
        "district": by_pair(desc["district"].astype(str), at.pcode[k],
                            places.resolve_district),
        "location": desc["location"],
        "latitude": _coordinate(kept, "latitude"), "longitude": _coordinate(kept, "longitude"),
        "event_type": desc["event_type"], "perpetrator": desc["perpetrator"],
        "notes": "", "part_of": "", "origin": "", "total_excludes": "",
        # to tell an exact repeat of an event from a conflicting one
        "_hash": pd.util.hash_pandas_object(kept.drop(columns=LINE), index=False),
    }, index=k)


def _report_figures(parts: pd.DataFrame, reports: pd.DataFrame, ds: Dataset) -> pd.DataFrame:
    f = parts[parts["row"].isin(reports.index)]
    return pd.DataFrame({
        "report_id": f["row"].map(reports["report_id"]).to_numpy(),
        "event_id": f["row"].map(reports["event_id"]).to_numpy(),
        "source_id": ds.source_id, "category": f["category"].to_numpy(),
        "outcome": f["outcome"].to_numpy(), "low": f["low"].to_numpy(),
        "high": f["high"].to_numpy(), "point": f["point"].to_numpy(), "approx": False,
        "derived": f["derived"].to_numpy(), "text": f["text"].to_numpy(),
        "_line": f["row"].map(reports["line"]).to_numpy()})


def _row_audit(rows: pd.DataFrame, ds: Dataset, name: str, fate: str,
               reason: pd.Series | str = "") -> pd.DataFrame:
    return pd.DataFrame({"file": name, "line": rows[LINE], "rows": 1,
                         "event_id": rows[ds.id_column].astype(str).str.strip(),
                         "source_id": ds.source_id, "fate": fate, "reason": reason})


def _chunk(frame: pd.DataFrame, ds: Dataset, filters: Filters, name: str,
           pl: _Places) -> _Part:
    """One chunk of rows: resolve places, date, filter, check, then reports and figures."""
    at = _place(frame, ds, pl)
    dates = settle_undated(ds.dates(frame), filters)
    reason = _reasons(filters, frame[ds.country_column], at, dates)
    scope = frame[reason == ""]
    figs = ds.figures(scope)
    faults = _checks(scope, ds, at, dates, figs.faults)
    problems = [Problem(name, int(frame.at[r, LINE]), c, str(v), m, fx, s)
                for r, c, v, m, fx, s in faults.itertuples(index=False)]
    errors = faults[faults["severity"] == "error"].drop_duplicates("row").set_index("row")
    bad = scope.index.isin(errors.index)
    kept, rejected = scope[~bad], scope[bad]
    why = ("column '" + errors["column"] + "': " + errors["message"]).reindex(rejected.index)
    reports = _reports(kept, ds, name, at, dates)
    audit = pd.concat([_row_audit(kept, ds, name, "kept"),
                       _row_audit(rejected, ds, name, "rejected", why)], ignore_index=True)
    return _Part(reports, _report_figures(figs.figures, reports, ds), audit, problems,
                 Counter(reason[reason != ""].value_counts().to_dict()))


def _province_faults(scope: pd.DataFrame, ds: Dataset, at: _Placed) -> pd.DataFrame:
    """A province name that is given but is not one of its (recognised) country's."""
    i = scope.index
    bad = (at.name[i] != "") & (at.code[i] != "") & (at.pcode[i] == "")
    if not bad.any():
        return no_faults()
    out = faults_where(bad, scope[ds.province_column], ds.province_column,
                       "is not a province of " + at.country[i])
    out["fix"] = [
        f"did you mean {' or '.join(repr(s) for s in places.suggest_province(n, c))}? "
        "(otherwise add this spelling to data/aliases/provinces.csv)"
        for n, c in zip(at.name[i][bad], at.code[i][bad])]
    return out


def _coordinate(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame:
        return pd.Series(np.nan, index=frame.index)
    return pd.to_numeric(frame[column].astype(str).str.strip(), errors="coerce").astype(float)


# --- putting it together --------------------------------------------------------------------

def read_export(path: Path, filters: Filters, ds: Dataset) -> ReadResult:
    path = Path(path)
    if not path.is_file():
        raise InputError(message=f"DATA={path}: no such file - point DATA at the {ds.name} "
                                 "export (CSV or XLSX)")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read(_xlsx_source(path, ds), filters, ds)
    from sitrep.clean import cache
    # A large export briefed on with a second set of filters gets a Parquet copy of the
    # columns read (written while it is read, about a third more time); every later briefing,
    # whatever its filters, reads the copy (a quarter of the time). A file briefed on once
    # never pays for a copy.
    folder = cache.copy_dir(path, ds.name)
    if folder is not None and (folder / COPY_FILE).is_file():
        return _read(_copy_source(path, folder, ds), filters, ds)
    copy = folder if folder is not None and (folder / SEEN).is_file() else None
    try:
        result = _read_csv(path, ds, filters, copy)
    except _Encoding:
        result = _read_csv(path, ds, filters, copy, LATIN1)
    if folder is not None and copy is None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / SEEN).write_text(f"{path} was read once\n", encoding="utf-8")
    return result


def _read_csv(path: Path, ds: Dataset, filters: Filters, copy: Path | None,
              encoding: str | None = None) -> ReadResult:
    try:
        return _read(_csv_source(path, ds, encoding, copy), filters, ds)
    except pieces.Unsplit:
        # A piece failed: a genuine fault, or a cut inside a quoted cell. Read whole, which
        # reports a genuine fault at its line.
        return _read(_csv_source(path, ds, encoding, copy, whole=True), filters, ds)


def _read(source: _Source, filters: Filters, ds: Dataset) -> ReadResult:
    pl = _Places(ds, filters)
    filtered: Counter = Counter()
    parts: list[_Part] = []
    pending: list[tuple[pa.RecordBatch, np.ndarray]] = []
    pending_rows = total = 0

    def flush() -> None:
        nonlocal pending, pending_rows
        if pending:
            parts.append(_chunk(_to_frame(pending), ds, filters, source.name, pl))
            pending, pending_rows = [], 0

    for batch, lines, counts, rows in source.blocks(pl.block_mask):
        total += rows
        filtered.update(counts)
        if batch is None:
            continue
        pending.append((batch, lines))
        pending_rows += batch.num_rows
        if pending_rows >= CHUNK_ROWS:
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


def _result(source: _Source, ds: Dataset, filters: Filters, parts: list[_Part],
            filtered: Counter, total: int) -> ReadResult:
    reports = _concat([p.reports for p in parts], list(REPORT_COLUMNS) + ["_hash"])
    figures = _concat([p.figures for p in parts], list(FIGURE_COLUMNS) + ["_line"])
    audit = _concat([p.audit for p in parts], list(AUDIT_COLUMNS))
    problems = [q for p in parts for q in p.problems]
    reports, figures, audit, more = _repeated_events(reports, figures, audit, ds, source.name)
    problems = sorted(problems + more, key=lambda q: q.line)
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
    return ReadResult(dataset=ds.name, files=[source.name], reports=reports,
                      figures=_typed_figures(figures), sources=sources,
                      audit=audit[list(AUDIT_COLUMNS)].reset_index(drop=True),
                      problems=problems, method=method)


def _repeated_events(reports: pd.DataFrame, figures: pd.DataFrame, audit: pd.DataFrame,
                     ds: Dataset, name: str):
    """An event listed twice: an exact repeat is merged; a differing one is an error."""
    reports = reports.sort_values("line", kind="stable")
    dup = reports.duplicated("event_id", keep="first")
    if not dup.any():
        return reports, figures, audit, []
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
    return (reports[~reports["line"].isin(drop)], figures[~figures["_line"].isin(drop)],
            by_line.reset_index()[list(AUDIT_COLUMNS)], problems)


def _typed_reports(reports: pd.DataFrame) -> pd.DataFrame:
    out = reports.drop(columns="_hash").reset_index(drop=True)
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


__all__ = ["Dataset", "Dates", "Figures", "read_export", "whole_numbers", "iso_dates",
           "figure_part", "category_figures", "faults_where", "concat_faults",
           "no_faults", "strip_suffix", "outside_country", "outside_province"]
