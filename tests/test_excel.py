"""What Excel does to an export (sitrep/clean/readers/export/excel.py): its date forms are read,
an ambiguous day/month order is a fault, ids in scientific notation are named as Excel's damage,
and a fault shared by a whole column is one line in the error, not one per row."""

from __future__ import annotations

import csv
import datetime as dt
import itertools

import pandas as pd
import pytest

from conftest import FIXTURES
from sitrep import clean
from sitrep.clean.filters import make_filters
from sitrep.clean.readers.export.excel import ambiguous_order, excel_dates, scientific_ids
from sitrep.problems import InputError

ACLED = FIXTURES / "acled" / "acled_pakistan.csv"


def test_excel_date_forms_are_read():
    got, form = excel_dates(pd.Series(["9-May-20", "26-Aug-24", "25 Aug 2024", "soon"]))
    assert [d.date().isoformat() if not pd.isna(d) else None for d in got] == [
        "2020-05-09", "2024-08-26", "2024-08-25", None]
    assert "9-May-20" in form


def test_the_column_settles_the_day_month_order():
    got, form = excel_dates(pd.Series(["05/09/2020", "25/08/2024"]))  # 25 cannot be a month
    assert [d.date().isoformat() for d in got] == ["2020-09-05", "2024-08-25"] and form == \
        "dd/mm/yyyy"
    got, form = excel_dates(pd.Series(["05/09/2020", "08/25/2024"]))  # 25 cannot be a day
    assert [d.date().isoformat() for d in got] == ["2020-05-09", "2024-08-25"]
    both = pd.Series(["05/09/2020", "06/10/2020"])
    assert excel_dates(both)[0].isna().all() and ambiguous_order(both).all()


def test_a_two_digit_year_follows_the_year_column():
    got, _ = excel_dates(pd.Series(["9-May-99", "9-May-20"]), year=pd.Series([1999, 2020]))
    assert [d.year for d in got] == [1999, 2020]


def test_ids_in_scientific_notation_are_named_as_excels_damage():
    f = scientific_ids(pd.Series(["PAK1001", "2.01305E+11", "201305010001"]), "eventid")
    assert f["value"].tolist() == ["2.01305E+11"]
    assert "scientific notation" in f["message"].iloc[0] and "Text" in f["fix"].iloc[0]


def _resaved(tmp_path, change) -> str:
    rows = list(csv.reader(open(ACLED, encoding="utf-8", newline="")))
    head = rows[0]
    for r in rows[1:]:
        change(head, r)
    path = tmp_path / "resaved.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_an_export_with_excels_dates_briefs_as_the_original(tmp_path):
    def to_excel_date(head, r):
        i = head.index("event_date")
        if len(r[i]) == 10:
            d = dt.date.fromisoformat(r[i])
            r[i] = f"{d.day}-{d.strftime('%b')}-{d.strftime('%y')}"

    f = make_filters(country="Pakistan")
    resaved = clean.read(_resaved(tmp_path, to_excel_date), "acled", f)
    original = clean.read(ACLED, "acled", f)
    assert resaved.reports["event_date"].tolist() == original.reports["event_date"].tolist()
    warned = [p for p in resaved.problems if p.severity == "warning"]
    assert len(warned) == 1 and "as Excel writes them back" in warned[0].message


def test_a_whole_column_of_damage_is_one_line_with_its_fix(tmp_path):
    def to_scientific(head, r):
        r[head.index("event_id_cnty")] = "2.01305E+11"

    result = clean.read(_resaved(tmp_path, to_scientific), "acled", make_filters())
    with pytest.raises(InputError) as err:
        clean.enforce(result, allow_rejects=False)
    lines = str(err.value).splitlines()
    assert len(lines) == 3  # the count, one line for the whole column, what to do
    assert "column 'event_id_cnty': 13 rows (lines 2 to 14" in lines[1]  # all 13 rows
    assert "export the file again" in lines[1]


def test_a_date_with_words_or_out_of_range_is_an_error_while_excels_forms_still_read(tmp_path):
    """'2024-08-26 or 27' was read as the 26th; a date before 1900 or after today was kept."""
    cells = {2: "2024-08-26 or 27", 3: "approx 2024-08-26", 4: "1024-08-26", 5: "2099-01-01",
             6: "26-Aug-24", 7: "2024-08-26 00:00:00", 8: "25 Aug 2024"}

    lines = itertools.count(2)  # _resaved changes the data rows in order: line 2 first

    def change(head, r):
        line = next(lines)
        if line in cells:
            r[head.index("event_date")] = cells[line]

    r = clean.read(_resaved(tmp_path, change), "acled", make_filters())
    got = {p.line: (p.severity, p.message) for p in r.problems if p.column == "event_date"}
    assert got[2][1] == got[3][1] == "is not a date ACLED writes"
    assert got[4] == ("error", "lies before 1900") and got[5] == ("error", "lies in the future")
    assert got[6][0] == "warning" and "as Excel writes them back" in got[6][1]  # one warning
    assert {ln for ln, (sev, _) in got.items() if sev == "error"} == {2, 3, 4, 5}
    kept = set(r.audit.loc[r.audit["fate"] == "kept", "line"])
    assert {6, 7, 8} <= kept and not {2, 3, 4, 5} & kept


def test_an_impossible_count_in_an_export_is_a_located_error(tmp_path):
    def change(head, r):
        if r[head.index("event_id_cnty")] == first_id:
            r[head.index("fatalities")] = "12345678901234567890"

    first_id = list(csv.reader(open(ACLED, encoding="utf-8", newline="")))[1][0]
    r = clean.read(_resaved(tmp_path, change), "acled", make_filters())
    [p] = [p for p in r.problems if p.severity == "error"]
    assert (p.line, p.column, p.value) == (2, "fatalities", "12345678901234567890")
    assert p.message == "is more people than any count can hold (over 100,000,000)"
