"""Small tabular files (hand-kept logs) -> frames of strings that remember their line numbers.

CSV is decoded as UTF-8 (with or without the byte-order mark Excel's "CSV UTF-8" writes), as
UTF-16 when it starts with that byte-order mark (Excel's "Unicode text"), and falls back to
Windows-1252 (what older Excel writes). The separator is the one of comma, semicolon (Excel in
much of Europe) and tab that the header line holds most of. XLSX is read directly with openpyxl;
a formula with no saved value is an error naming its cell. Every cell comes back as text,
exactly as typed, so the count grammar sees what the analyst wrote.
Large dataset exports do not come through here: they stream through their own typed readers.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sitrep.clean.readers import workbook
from sitrep.problems import InputError, Problem
from sitrep.textfiles import SEPARATORS, decode, separator

LINE = "_line"
# A notes cell may hold a whole article; the csv module's default limit (128 KiB) would make
# such a file unreadable.
csv.field_size_limit(1 << 30)
SEP_WORDS = {",": "commas", ";": "semicolons", "\t": "tabs"}


@dataclass
class RawTable:
    name: str              # file name as shown in messages ("incidents.csv")
    frame: pd.DataFrame    # one column per header cell, all str, plus LINE
    encoding: str
    problems: list[Problem]


def header_cells(data: bytes) -> list[str]:
    """The first row's cells of the start of a CSV file, whatever its encoding and separator."""
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = data.split(b"\n", 1)[0]  # a block may end inside a character: decode one line
    text, _ = decode(data)
    first = text.split("\n", 1)[0]
    return [c.strip() for c in next(csv.reader([first], delimiter=separator(first)), [])]


def cell_text(value: object) -> str:
    """A spreadsheet cell as the text a person typed: dates ISO, whole floats as integers."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_rows(path: Path) -> tuple[list[tuple[int, list[str]]], str, str]:
    text, encoding = decode(path.read_bytes())
    sep = separator(text)
    if SEPARATORS[sep]:
        encoding += ", " + SEPARATORS[sep]
    # A spreadsheet numbers records, not text lines: a quoted cell with a line break is still
    # one row. csv.reader yields [] for a blank line, so blank rows keep their numbers.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    return list(enumerate(reader, start=1)), encoding, sep


def _xlsx_rows(path: Path, sheet: str | None,
               name: str) -> tuple[list[tuple[int, list[str]]], list[Problem]]:
    title, values = workbook.sheet_values(path, sheet)
    rows = [(i, [cell_text(v) for v in row]) for i, row in enumerate(values, start=1)]
    unsaved = workbook.unsaved_formulas(path, title, values)
    header = [c.strip() for c in rows[0][1]] if rows else []
    return rows, workbook.formula_problems(name, title, header, unsaved)


def sheet_names(path: Path) -> list[str]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True)
    except Exception as exc:  # a corrupt or mislabelled workbook
        raise InputError(message=f"{path.name}: cannot be read as an XLSX workbook ({exc}) - "
                                 "open it in a spreadsheet and save it again as .xlsx or CSV") \
            from None
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def read_table(path: Path, sheet: str | None = None, name: str | None = None) -> RawTable:
    """Every non-blank row of a CSV file or XLSX sheet, as text, with its line number."""
    name = name or (f"{path.name}[{sheet}]" if sheet else path.name)
    try:
        sep, formulas = ",", []
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            (rows, formulas), encoding = _xlsx_rows(path, sheet, name), "XLSX"
        else:
            rows, encoding, sep = _csv_rows(path)
    except OSError as exc:
        raise InputError(message=f"{name}: cannot be read ({exc.strerror or exc}) - "
                                 "check the path and that the file is not open elsewhere")
    except Exception as exc:  # a corrupt workbook or an undecodable file
        raise InputError(message=f"{name}: cannot be read as a table ({exc}) - save it again "
                                 "as CSV UTF-8 or XLSX")
    if not rows or not any(c.strip() for c in rows[0][1]):
        raise InputError(message=f"{name}:1: the header row is empty - the first line must "
                                 "name the columns")
    header = [h.strip() for h in rows[0][1]]
    while header and not header[-1]:
        header.pop()  # trailing empty header cells: spreadsheet formatting, not columns
    problems: list[Problem] = list(formulas)
    unsaved = {p.line for p in formulas}
    seen: set[str] = set()
    for h in header:
        if h in seen:
            problems.append(Problem(name, 1, h, h, "the column name appears twice",
                                    "rename or delete one of the two columns"))
        seen.add(h)
    records = []
    for line, cells in rows[1:]:
        cells = [c.strip() for c in cells]
        if not any(cells) and line not in unsaved:
            continue  # a blank line is not a row (a row of unsaved formulas is one)
        extra = [c for c in cells[len(header):] if c]
        if extra:
            problems.append(Problem(
                name, line, "(row)", ",".join(cells[len(header):]),
                f"the row has {len(header) + len(extra)} or more cells but the header has "
                f"{len(header)}", f"put text that contains {SEP_WORDS[sep]} in double quotes"))
        cells = (cells + [""] * len(header))[: len(header)]
        records.append(cells + [line])
    frame = pd.DataFrame(records, columns=[*header, LINE])
    frame[LINE] = frame[LINE].astype("int64")
    return RawTable(name, frame, encoding, problems)
