"""Reading one large CSV file as several pieces at once, one thread per core.

pyarrow's streaming CSV reader tokenises on one core (the README's speed section measures it);
its whole-file reader is parallel only when no quoted cell may hold a line break, which an
export's notes can. This module cuts the file at record starts near equal byte offsets, so each
piece is a CSV of its own that a streaming reader can parse while the others are parsed.

Where a record starts: at a line break outside quotes. In CSV, quotes come in pairs (a quote
inside a quoted cell is doubled), so a line break is outside quotes when the quotes before it
are even in number; counting them is a fast byte scan. A stray quote in an unquoted cell (which
CSV readers take literally) breaks that rule, so each cut is also checked: every piece but the
last is read with one more line after it, a record of END_MARK in every cell. If the cut was
at a record start, that line is the piece's last record; if the cut was inside a quoted cell,
the line is swallowed by that cell (it holds no quote to close it) or the piece fails to parse.
Either way the reader learns of it, and any failing piece makes the caller read the file
whole, on one core, which also gives the exact line of a genuine error.
"""

from __future__ import annotations

import io
import os
import queue
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

END_MARK = "~sitrep: end of piece~"  # the cells of the record added after each piece
MIN_BYTES = 64 << 20      # smaller files are read on one thread: the pieces would not pay
SCAN_BYTES = 8 << 20      # quotes are counted this many bytes at a time
WINDOW_BYTES = 1 << 20    # how far past each cut a record start is looked for
QUOTE, NEWLINE = 0x22, 0x0A


class Unsplit(Exception):
    """The pieces could not be read; read the file whole instead."""


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class _Range(io.RawIOBase):
    """Bytes ``lo``..``hi`` of a file, then ``tail``, as a stream (read, not mapped: mapped
    pages would count as the process's memory)."""

    def __init__(self, path: Path, lo: int, hi: int, tail: bytes = b""):
        self.file = open(path, "rb", buffering=0)
        self.file.seek(lo)
        self.left = hi - lo
        self.tail = tail

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        n = min(len(b), self.left)
        if n <= 0:
            n = min(len(b), len(self.tail))
            b[:n], self.tail = self.tail[:n], self.tail[n:]
            return n
        got = self.file.readinto(memoryview(b)[:n])
        if not got:  # the file is shorter than when it was cut
            raise OSError("the file changed while it was read")
        self.left -= got
        return got

    def close(self) -> None:
        self.file.close()
        super().close()


def _record_start(window: np.ndarray, quotes: int) -> int | None:
    """Offset in ``window`` just after its first line break outside quotes, given the number
    of quotes before the window."""
    breaks = np.flatnonzero(window == NEWLINE)
    if not len(breaks):
        return None
    even = np.flatnonzero((quotes + np.cumsum(window == QUOTE)[breaks]) % 2 == 0)
    return int(breaks[even[0]]) + 1 if len(even) else None


def header_end(path: Path) -> int | None:
    """The offset just after the header record."""
    with open(path, "rb", buffering=0) as fh:
        return _record_start(np.frombuffer(fh.read(WINDOW_BYTES), dtype=np.uint8), 0)


def _target(start: int, size: int, parts: int, j: int) -> int:
    return start + (size - start) * j // parts


def cut_points(path: Path, parts: int, start: int) -> list[int] | None:
    """Offsets of record starts dividing the file after the header (which ends at ``start``)
    into ``parts`` near-equal pieces; None when one is not found near its place."""
    size = path.stat().st_size
    scan = np.empty(SCAN_BYTES, dtype=np.uint8)
    cuts, quotes, at = [], 0, 0
    with open(path, "rb", buffering=0) as fh:
        for j in range(1, parts):
            target = _target(start, size, parts, j)
            while at < target:
                n = fh.readinto(memoryview(scan)[:min(SCAN_BYTES, target - at)])
                if not n:  # the file is shorter than it was
                    return None
                quotes += int(np.count_nonzero(scan[:n] == QUOTE))
                at += n
            window = np.frombuffer(fh.read(WINDOW_BYTES), dtype=np.uint8)
            fh.seek(at)
            found = _record_start(window, quotes)
            if found is None or target + found >= size:
                return None
            if not cuts or target + found > cuts[-1]:  # a record longer than a piece: one cut
                cuts.append(target + found)
    return cuts


Item = tuple  # whatever ``each`` returns for one batch


def _ends_with_mark(batch: pa.RecordBatch) -> bool:
    """The batch's last record is the one added after the piece (every cell read is END_MARK;
    the caller reads text columns)."""
    return batch.num_rows > 0 and all(
        col[batch.num_rows - 1].as_py() == END_MARK for col in batch.columns)


def read_pieces(path: Path, read_options: pacsv.ReadOptions,
                parse_options: pacsv.ParseOptions, convert_options: pacsv.ConvertOptions,
                each: Callable[[pa.RecordBatch, int], Item],
                parts: int | None = None) -> Iterator[tuple[int, Item]] | None:
    """The file's batches, piece by piece and in file order, as ``(piece, each(batch, first))``
    where ``first`` is the batch's first record's index within its piece; pieces after the first
    are read ahead in threads and kept as ``each`` returns them (so ``each`` should shrink them).

    None when the file is too small or has no record starts to cut at (read it whole). Raises
    :class:`Unsplit` when a piece fails to read; nothing yielded before then can be trusted.
    """
    parts = parts or cores()
    size = path.stat().st_size
    start = header_end(path) if parts > 1 and size >= MIN_BYTES else None
    if start is None:
        return None
    with _Range(path, 0, start) as head:
        header = pacsv.open_csv(head, read_options=pacsv.ReadOptions(
            encoding=read_options.encoding), parse_options=parse_options).schema.names
    cuts = cut_points(path, parts, start)
    if cuts is None:
        return None
    bounds = list(zip([0, *cuts], [*cuts, size]))
    stop = threading.Event()
    queues: list[queue.Queue] = [queue.Queue() for _ in bounds]

    end_record = (parse_options.delimiter.join([END_MARK] * len(header)) + "\n").encode("ascii")

    def work(k: int, lo: int, hi: int) -> None:
        last = k == len(bounds) - 1
        try:
            # one thread per piece: pyarrow's own threads would only contend with the others
            options = pacsv.ReadOptions(
                use_threads=False, block_size=read_options.block_size,
                encoding=read_options.encoding, skip_rows=1 if k == 0 else 0,
                column_names=header)
            with _Range(path, lo, hi, b"" if last else end_record) as piece:
                reader = pacsv.open_csv(piece, read_options=options,
                                        parse_options=parse_options,
                                        convert_options=convert_options)
                seen, held = 0, None  # a batch is held until it is known not to be the last
                for batch in reader:
                    if stop.is_set():
                        return
                    if held is not None:
                        queues[k].put(("item", each(held, seen)))
                        seen += held.num_rows
                    held = batch
            if not last:
                if held is None or not _ends_with_mark(held):
                    raise ValueError("the cut after it is not at a record start")
                held = held.slice(0, held.num_rows - 1)
            if held is not None and held.num_rows:
                queues[k].put(("item", each(held, seen)))
            queues[k].put(("done", None))
        except BaseException as exc:  # handed to the reader of the pieces
            queues[k].put(("error", exc))

    def pieces() -> Iterator[tuple[int, Item]]:
        for k, (lo, hi) in enumerate(bounds):
            threading.Thread(target=work, args=(k, lo, hi), daemon=True).start()
        try:
            for k, q in enumerate(queues):
                while True:
                    kind, value = q.get()
                    if kind == "done":
                        break
                    if kind == "error":
                        raise Unsplit(f"piece {k + 1} of {len(queues)}: {value}") from value
                    yield k, value
        finally:
            stop.set()

    return pieces()
