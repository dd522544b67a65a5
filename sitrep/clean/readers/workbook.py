"""Reading one sheet of an XLSX workbook, and finding its formulas that have no saved value.

openpyxl reads a formula cell's value from the result the spreadsheet saved with it
(``data_only``). A workbook written by a program that does not compute formulas (a script, an
export tool, openpyxl itself) holds formulas with no saved result, which read as empty: a
count would silently become "not reported". Such cells are found by reading the sheet a
second time with its formulas, which is done only when the workbook holds a formula at all.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from sitrep.problems import Problem

FORMULA_FIX = ("open the file in Excel or LibreOffice and save it, so that the value is stored "
               "with the formula (or paste the column as values)")


def sheet_values(path: Path, sheet: str | None = None) -> tuple[str, list[tuple]]:
    """The sheet's title and its rows of cell values (saved results for formulas)."""
    from openpyxl import load_workbook  # only when a workbook is read

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb[sheet] if sheet else wb.worksheets[0]
        return ws.title, list(ws.iter_rows(values_only=True))
    finally:
        wb.close()


def has_formulas(path: Path) -> bool:
    """Whether any worksheet of the workbook holds a formula (an ``<f>`` element): a byte scan,
    much cheaper than parsing the sheet again."""
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                data = z.read(name)
                if b"<f>" in data or b"<f " in data or b"<f/>" in data:
                    return True
    return False


def unsaved_formulas(path: Path, title: str, values: list[tuple]) -> list[tuple[int, int, str]]:
    """(sheet row, column index from 0, formula) of each formula cell whose value was not saved:
    where the saved values read None and the formulas do not."""
    if not has_formulas(path):
        return []
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=False)
    try:
        out = []
        for i, row in enumerate(wb[title].iter_rows(values_only=True), start=1):
            saved = values[i - 1] if i <= len(values) else ()
            for j, formula in enumerate(row):
                if formula is not None and (j >= len(saved) or saved[j] is None):
                    out.append((i, j, str(getattr(formula, "text", formula))))
    finally:
        wb.close()
    return [c for c in out if (c[0], c[1]) not in _empty_text_results(path, title, out)] \
        if out else []


def _empty_text_results(path: Path, title: str, cells: list[tuple[int, int, str]]) -> set:
    """Of those cells, the ones whose saved result is the empty text (``=IF(A2="","",A2)``),
    which openpyxl also reads as None but marks as text."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        rows = wb[title].iter_rows(min_row=min(c[0] for c in cells),
                                   max_row=max(c[0] for c in cells))
        wanted, found = {(i, j) for i, j, _ in cells}, set()
        for row in rows:
            for cell in row:
                at = (getattr(cell, "row", 0), getattr(cell, "column", 0) - 1)
                if at in wanted and cell.data_type in ("s", "str", "inlineStr"):
                    found.add(at)
        return found
    finally:
        wb.close()


def formula_problems(name: str, title: str, header: list[str],
                     cells: list[tuple[int, int, str]]) -> list[Problem]:
    """One error per unsaved formula, naming the sheet's cell (M5) and its column."""
    from openpyxl.utils import get_column_letter

    out = []
    for line, j, formula in cells:
        column = header[j] if j < len(header) and header[j] else get_column_letter(j + 1)
        out.append(Problem(name, line, column, formula,
                           f"cell {get_column_letter(j + 1)}{line} of sheet '{title}' is a "
                           "formula with no saved value", FORMULA_FIX))
    return out
