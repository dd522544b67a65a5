"""Dataset exports (ACLED, UCDP GED, GTD) -> the same reports and figures as the native log.

Each dataset's reader module holds only that dataset's rules in a :class:`Dataset` (which columns,
how to date an event, how its deaths split into victim categories, what to tell the methodology
section). This package does the rest, the same way for all three, in modules that follow the read:
:mod:`.dataset` (what a dataset module provides, and its helpers), :mod:`.sources` (the file as
blocks of text columns), :mod:`.scope` (the filters, applied while reading), :mod:`.chunks` (rows
in scope -> reports, figures, audit, problems) and :mod:`.assemble` (one ReadResult).

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

Why pyarrow and not DuckDB: DuckDB's bare select of the needed columns is faster, but it needs
a window function to number the lines (``row_number() OVER ()``) and another scan for the
per-reason counts, which together cost more than this reader's whole pass, and it would be one
more dependency (the README's speed section gives the measurements and the command).
"""

from sitrep.clean.readers.export.assemble import read_export

__all__ = ["read_export"]
