"""Which reader a file needs: FORMAT=auto|native|acled|ucdp|gtd, recognised from the header.

A folder is always the native log. A file is recognised by the columns its codebook requires.
"""

from __future__ import annotations

from pathlib import Path

from sitrep.clean.filters import Filters
from sitrep.clean.readers.base import ReadResult
from sitrep.clean.readers.files import header_cells
from sitrep.problems import InputError

FORMATS = ("native", "acled", "ucdp", "gtd")

# Columns that identify each format (all must be present).
SIGNATURES = {
    "acled": {"event_id_cnty", "event_date", "admin1", "fatalities"},
    "ucdp": {"id", "side_a", "side_b", "deaths_civilians", "date_start", "best"},
    "gtd": {"eventid", "iyear", "imonth", "iday", "nkill", "targtype1_txt"},
    "native": {"event_id", "source_id", "event_date"},
}


def header(path: Path) -> list[str]:
    """The first row's cells, read cheaply (the first 64 KiB of a CSV, in its encoding and
    with its separator)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True)
        except Exception as exc:  # a corrupt or mislabelled workbook
            raise InputError(message=f"{path.name}: cannot be read as an XLSX workbook ({exc}) - "
                                     "open it in a spreadsheet and save it again as .xlsx or CSV"
                             ) from None
        try:
            names = [n.lower() for n in wb.sheetnames]
            ws = wb.worksheets[names.index("incidents")] if "incidents" in names \
                else wb.worksheets[0]
            row = next(ws.iter_rows(max_row=1, values_only=True), ())
            return [str(c).strip() for c in row if c is not None]
        finally:
            wb.close()
    with open(path, "rb") as fh:
        return header_cells(fh.read(65536))


def detect(path: Path) -> str:
    if path.is_dir():
        return "native"
    if not path.exists():
        raise InputError(message=f"DATA={path}: no such file or folder - point DATA at the "
                                 "folder holding incidents.csv, or at an export file")
    cols = set(header(path))
    for fmt in ("acled", "ucdp", "gtd", "native"):
        # ACLED's early Africa files wrote the codebook's names in capitals (EVENT_DATE)
        if SIGNATURES[fmt] <= cols or (fmt != "native" and
                                       SIGNATURES[fmt] <= {c.lower() for c in cols}):
            return fmt
    raise InputError(message=f"{path.name}:1: the header matches no known format (native log, "
                             "ACLED, UCDP GED, GTD) - check that the first row holds the column "
                             f"names, or set FORMAT= (columns found: {', '.join(sorted(cols))})")


def read(path: Path, fmt: str, filters: Filters) -> ReadResult:
    fmt = (fmt or "auto").lower()
    if fmt not in FORMATS + ("auto",):
        raise InputError(message=f"FORMAT={fmt!r} is not known - use one of auto, "
                                 f"{', '.join(FORMATS)}")
    chosen = detect(path) if fmt == "auto" else fmt
    if chosen == "native":
        from sitrep.clean.readers.native import read_native

        result = read_native(path, filters)
    else:
        import importlib

        module = importlib.import_module(f"sitrep.clean.readers.{chosen}")
        result = module.read(path, filters)
    if fmt == "auto":
        result.method.insert(0, f"Format recognised from the header: {result.dataset}.")
    return result
