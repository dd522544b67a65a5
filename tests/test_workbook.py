"""Formulas in a workbook (sitrep/clean/readers/workbook.py): a formula whose value was saved
reads as that value; one with no saved value (a workbook written by a script, which computes
nothing) is an error naming the sheet's cell, never an empty cell read as "not reported"."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from conftest import FIXTURES
from sitrep import clean
from sitrep.clean.filters import make_filters
from sitrep.clean.readers import workbook
from sitrep.clean.readers.native import read_native
from sitrep.problems import InputError, errors
from test_encodings import BASE, csv_rows, typed

TODAY = dt.date(2025, 6, 30)
ACLED = FIXTURES / "acled" / "acled_pakistan.csv"


def log_with_formulas(folder: Path, formulas: dict[tuple[int, str], str]) -> Path:
    """incidents.xlsx (sheet 'incidents') beside the base sources and victims, with formulas
    put in the cells (line, column); openpyxl saves them with no value."""
    folder.mkdir()
    rows = csv_rows(BASE / "incidents.csv")
    wb = Workbook()
    ws = wb.active
    ws.title = "incidents"
    for r in rows:
        ws.append([typed(h, v) for h, v in zip(rows[0], r)] if r is not rows[0] else r)
    for (line, column), formula in formulas.items():
        ws.cell(line, rows[0].index(column) + 1).value = formula
    wb.save(folder / "incidents.xlsx")
    for name in ("sources", "victims"):
        shutil.copy(BASE / f"{name}.csv", folder / f"{name}.csv")
    return folder


def with_saved_values(path: Path, saved: dict[bytes, bytes]) -> None:
    """Store results with the formulas, as Excel does on saving (the sheet's XML edited)."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                for old, new in saved.items():
                    assert old in data, old
                    data = data.replace(old, new)
            out.writestr(item, data)
    tmp.replace(path)


def read(folder: Path):
    return read_native(folder, make_filters(), today=TODAY)


def test_a_formula_with_no_saved_value_is_an_error_naming_its_cell(tmp_path):
    folder = log_with_formulas(tmp_path / "log", {(5, "killed_civilians"): "=3+4"})
    r = read(folder)
    [p] = errors(r.problems)
    assert str(p) == (
        "incidents.xlsx:5: column 'killed_civilians': value '=3+4': cell K5 of sheet "
        "'incidents' is a formula with no saved value - open the file in Excel or LibreOffice "
        "and save it, so that the value is stored with the formula (or paste the column as "
        "values)")
    audit = r.audit.set_index(["file", "line"])
    assert audit.loc[("incidents.xlsx", 5), "fate"] == "rejected"


def test_a_row_holding_only_unsaved_formulas_is_not_skipped_as_blank(tmp_path):
    folder = log_with_formulas(tmp_path / "log", {})
    rows = csv_rows(BASE / "incidents.csv")
    wb = load_workbook(folder / "incidents.xlsx")
    wb["incidents"].cell(len(rows) + 1, rows[0].index("killed_total") + 1).value = "=SUM(1,2)"
    wb.save(folder / "incidents.xlsx")
    r = read(folder)
    line = len(rows) + 1
    assert ("killed_total", "=SUM(1,2)") in {(p.column, p.value) for p in errors(r.problems)
                                            if p.line == line}
    assert r.audit.set_index(["file", "line"]).loc[("incidents.xlsx", line), "fate"] == \
        "rejected"  # accounted for, with its empty required cells


def test_a_formula_with_its_saved_value_reads_the_value(tmp_path):
    folder = log_with_formulas(tmp_path / "log", {(5, "killed_civilians"): "=3+4",
                                                  (4, "killed_civilians"): '=IF(1=1,"","x")'})
    with_saved_values(folder / "incidents.xlsx", {
        b"<f>3+4</f><v />": b"<f>3+4</f><v>7</v>",
        # an empty text result (openpyxl reads it as None, but marked as text)
        b'<c r="K4"><f>IF(1=1,"","x")</f><v /></c>':
            b'<c r="K4" t="str"><f>IF(1=1,"","x")</f><v></v></c>'})
    r = read(folder)
    assert r.problems == []
    five = r.figures[r.figures["report_id"] == "incidents.xlsx:5"]
    assert five.loc[five["category"] == "civilians", "point"].tolist()[0] == 7
    four = r.figures[r.figures["report_id"] == "incidents.xlsx:4"]
    assert "civilians" not in set(four.loc[four["outcome"] == "killed", "category"])


def test_a_workbook_without_formulas_is_not_read_twice(tmp_path, monkeypatch):
    folder = log_with_formulas(tmp_path / "log", {})
    assert not workbook.has_formulas(folder / "incidents.xlsx")
    monkeypatch.setattr(workbook, "_empty_text_results", None)  # would fail if called
    assert read(folder).problems == []


def test_an_export_workbook_with_an_unsaved_formula_is_an_input_error(tmp_path):
    import csv
    rows = list(csv.reader(open(ACLED, encoding="utf-8", newline="")))
    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    wb.active.cell(4, rows[0].index("fatalities") + 1).value = "=2*3"
    wb.save(tmp_path / "acled.xlsx")
    with pytest.raises(InputError) as err:
        clean.read(tmp_path / "acled.xlsx", "acled", make_filters())
    [p] = err.value.problems
    assert (p.file, p.line, p.column, p.value) == ("acled.xlsx", 4, "fatalities", "=2*3")
    assert "of sheet 'Sheet' is a formula with no saved value" in p.message
