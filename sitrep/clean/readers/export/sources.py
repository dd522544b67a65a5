"""Reading an export file: a CSV streamed through pyarrow in blocks (whole, or in one piece per
core), its Parquet copy in the cache, or an XLSX workbook, as the same stream of
(record batch, lines) blocks holding only the dataset's columns, as text.

Text is read as UTF-8; a file that is not valid UTF-8 (GTD ships as ISO-8859-1) is read as
ISO-8859-1 (Latin-1) instead, and the methodology says which. A large CSV export briefed on with a
second set of filters is copied, while it is read, to Parquet in the cache (the columns read,
with their lines); later readings of it, whatever their filters, stream that copy instead.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import json
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from sitrep.clean.readers import pieces, workbook
from sitrep.clean.readers.export.dataset import Dataset
from sitrep.clean.readers.files import SEPARATORS, cell_text, separator
from sitrep.problems import InputError, Problem

LINE = "_line"
BLOCK_SIZE = 2 << 20      # 2 MiB: as fast as any size measured, at low memory
CHUNK_ROWS = 200_000      # rows inside the filters handed to pandas at a time
COPY_FILE, SEEN = "rows.parquet", "seen"  # a large export's copy in the cache, and its marker
COPY_ROW_GROUP = 250_000  # rows per Parquet row group of that copy
UTF8, LATIN1, UTF16 = "UTF-8", "ISO-8859-1 (Latin-1)", "UTF-16"
ARROW_ENCODING = {UTF8: "utf8", LATIN1: "latin-1", UTF16: "utf-16"}


class NotUtf8(Exception):
    """The file claimed UTF-8 in its first block but is not UTF-8 further on."""


@dataclass
class Source:
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


def header_and_encoding(path: Path) -> tuple[list[str], str, str]:
    """The header's cells, the encoding and the separator (see files.separator)."""
    with open(path, "rb") as fh:
        head = fh.read(1 << 20)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = head.decode("utf-16", errors="ignore"), UTF16
    else:
        encoding = UTF8
        if not head.startswith(codecs.BOM_UTF8):
            try:
                codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
            except UnicodeDecodeError:
                encoding = LATIN1
        text = head.decode("utf-8-sig", errors="replace") if encoding == UTF8 \
            else head.decode("latin-1")
    sep = separator(text)
    first = next(csv.reader(io.StringIO(text, newline=""), delimiter=sep), [])
    return [c.strip() for c in first], encoding, sep


def csv_source(path: Path, ds: Dataset, encoding: str | None = None,
                copy: Path | None = None, whole: bool = False) -> Source:
    """The CSV file's blocks; with ``copy``, each block is also written to a Parquet copy of
    the file there (see :class:`CopyWriter`); ``whole``: never read in pieces."""
    header, sniffed, sep = header_and_encoding(path)
    encoding = encoding or sniffed
    if encoding == UTF16:
        whole = True  # the pieces are cut at line-break bytes, which UTF-16 does not have
    # A header in capitals (ACLED's early Africa files) is read under the codebook's names.
    renamed = header != [h.lower() for h in header] and \
        not set(ds.required) <= set(header) and set(ds.required) <= {h.lower() for h in header}
    if renamed:
        header = [h.lower() for h in header]
        whole = True  # the pieces re-read the header line itself
    columns = check_columns(path.name, header, ds)
    names = pa.dictionary(pa.int32(), pa.string())
    types = {c: pa.string() for c in columns}
    types[ds.country_column] = types[ds.province_column] = names

    read_options = pacsv.ReadOptions(block_size=BLOCK_SIZE,
                                     encoding=ARROW_ENCODING[encoding],
                                     **({"column_names": header, "skip_rows": 1} if renamed
                                        else {}))
    parse_options = pacsv.ParseOptions(newlines_in_values=True, delimiter=sep)
    convert_options = pacsv.ConvertOptions(include_columns=columns, column_types=types,
                                           strings_can_be_null=False,
                                           quoted_strings_can_be_null=False)

    def batches() -> Iterator[tuple[pa.RecordBatch, np.ndarray]]:
        seen, reader = 0, None
        writer = CopyWriter(copy, encoding) if copy is not None else None
        try:
            while True:
                try:
                    if reader is None:
                        # Opening reads the first block: a fault there is the same fault.
                        reader = pacsv.open_csv(path, read_options=read_options,
                                                parse_options=parse_options,
                                                convert_options=convert_options)
                    batch = reader.read_next_batch()
                except StopIteration:
                    if writer is not None:
                        writer.finish()
                    return
                except pa.ArrowInvalid as exc:
                    if "UTF8" in str(exc) and encoding == UTF8:
                        raise NotUtf8() from exc
                    raise unreadable(path, encoding, seen, exc) from None
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

    label = f"{encoding}, {SEPARATORS[sep]}" if SEPARATORS[sep] else encoding
    return Source(path.name, columns, label, batches, masked=masked)


class CopyWriter:
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
        # two runs may copy the same export at once: each renames its own files into place
        meta = self.folder / f".meta.json.{os.getpid()}"
        meta.write_text(json.dumps({"encoding": self.encoding}), encoding="utf-8")
        os.replace(meta, self.folder / "meta.json")
        os.replace(self.tmp, self.folder / COPY_FILE)
        self.done = True

    def abort(self) -> None:
        if self.done:
            return
        if self.writer is not None:
            self.writer.close()
        self.tmp.unlink(missing_ok=True)


def copy_source(path: Path, folder: Path, ds: Dataset) -> Source:
    """The blocks of an export's Parquet copy, as its CSV gave them (lines included)."""
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    pf = pq.ParquetFile(folder / COPY_FILE,
                        read_dictionary=[ds.country_column, ds.province_column])
    columns = [c for c in pf.schema_arrow.names if c != LINE]

    def batches() -> Iterator[tuple[pa.RecordBatch, np.ndarray]]:
        for batch in pf.iter_batches(batch_size=CHUNK_ROWS):
            yield batch.select(columns), batch.column(LINE).to_numpy()

    return Source(path.name, columns, meta["encoding"], batches,
                   note=f"{path.name} was read from its column-pruned copy in build/cache, "
                        "made when it was first briefed on with other filters.")


def xlsx_source(path: Path, ds: Dataset) -> Source:
    try:
        title, values = workbook.sheet_values(path)
    except Exception as exc:
        raise InputError(message=f"{path.name}: cannot be read as a workbook ({exc}) - save the "
                                 "export again as CSV or XLSX") from None
    rows = iter(values)
    header = [cell_text(c) for c in next(rows, ())]
    columns = check_columns(path.name, header, ds)
    where = [header.index(c) for c in columns]
    # a formula with no saved value reads as empty: a figure would silently go missing
    unsaved = [c for c in workbook.unsaved_formulas(path, title, values) if c[1] in where]
    if unsaved:
        raise InputError(workbook.formula_problems(path.name, title, header, unsaved))
    cells: list[list[str]] = [[] for _ in columns]
    lines = []
    for line, row in enumerate(rows, start=2):
        texts = [cell_text(row[i]) if i < len(row) else "" for i in where]
        if not any(cell_text(v) for v in row):
            continue  # a blank row is not a row
        for store, t in zip(cells, texts):
            store.append(t)
        lines.append(line)
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

    return Source(path.name, columns, "XLSX", batches)


def check_columns(name: str, header: list[str], ds: Dataset) -> list[str]:
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


_SHORT = re.compile(r"Expected (\d+) columns, got (\d+): (.*)", re.S)


def unreadable(path: Path, encoding: str, seen: int, exc: Exception) -> InputError:
    """pyarrow's parse error as an input problem: the line of a row with too few or too many
    cells, and whether the file ends inside it (a cut-off download)."""
    m = _SHORT.search(str(exc))
    if not m:
        return InputError(message=f"{path.name}: cannot be read as CSV after line {seen + 1} "
                                  f"({exc}) - check that cells holding commas, quotes or line "
                                  "breaks are in double quotes")
    expected, got = int(m.group(1)), int(m.group(2))
    # pyarrow quotes the row, shortened with " ..." when long: search for what it quotes.
    text = re.sub(r"\s*\.\.\.$", "", m.group(3).splitlines()[0])[:200]
    data = path.read_bytes()
    # The last occurrence: a cut-off row may begin like an earlier one it was copied from.
    codec = {UTF8: "utf-8", UTF16: "utf-16-le"}.get(encoding, "latin-1")
    at = data.rfind(text.encode(codec, errors="replace"))
    line = data.count(b"\n", 0, at) + 1 if at >= 0 else seen + 2
    # The last row, or a file that stops without its final line break: a cut-off download.
    last = at >= 0 and (b"\n" not in data[at:].rstrip() or not data.endswith((b"\n", b"\r")))
    what = (f"the file ends in the middle of this row ({got} of {expected} cells): it looks "
            "cut off" if got < expected and last else
            f"this row has {got} cells where the header has {expected}")
    fix = ("download or export the file again (or delete this last row)" if "cut off" in what
           else "check the row's quotes: a cell holding commas, quotes or line breaks must be "
                "in double quotes")
    start = text[:40] + ("..." if len(text) > 40 else "")
    return InputError(message=f"{path.name}:{line}: {what} (it begins '{start}') - {fix}")
