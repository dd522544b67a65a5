"""FORMAT=auto: each export is recognised from its header, and the choice is stated."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep import clean
from sitrep.clean.filters import make_filters
from sitrep.problems import InputError
from sitrep.clean.readers import detect

FIX = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("path, fmt", [
    (FIX / "acled" / "acled_pakistan.csv", "acled"),
    (FIX / "acled" / "unseen_acled_2023.csv", "acled"),
    (FIX / "acled" / "acled_problems.csv", "acled"),     # a short export: only some columns
    (FIX / "ucdp" / "ged_pakistan.csv", "ucdp"),
    (FIX / "ucdp" / "unseen_ged_2022.csv", "ucdp"),
    (FIX / "gtd" / "gtd_pakistan.csv", "gtd"),            # ISO-8859-1
    (FIX / "gtd" / "unseen_gtd_2016.csv", "gtd"),
    (FIX / "gtd" / "gtd_problems.csv", "gtd"),
])
def test_each_export_is_recognised_from_its_header(path, fmt):
    assert detect.detect(path) == fmt


def test_the_native_log_folder_is_still_native():
    assert detect.detect(ROOT / "data" / "raw") == "native"


@pytest.mark.parametrize("header, fmt", [
    ("event_id_cnty,event_date,year,event_type,country,admin1,admin2,fatalities", "acled"),
    ("id,year,type_of_violence,side_a,side_b,adm_1,adm_2,country,date_start,date_end,"
     "deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low", "ucdp"),
    ("eventid,iyear,imonth,iday,country_txt,provstate,city,targtype1_txt,nkill,nkillter,"
     "nwound,nwoundte", "gtd"),
])
def test_header_alone_decides(tmp_path, header, fmt):
    f = tmp_path / "export.csv"
    f.write_text(header + "\n", encoding="utf-8")
    assert detect.detect(f) == fmt


@pytest.mark.parametrize("header, fmt", [
    (["event_id_cnty", "event_date", "event_type", "country", "admin1", "admin2",
      "fatalities"], "acled"),
    (["eventid", "iyear", "imonth", "iday", "country_txt", "provstate", "targtype1_txt",
      "nkill", "nkillter", "nwound", "nwoundte"], "gtd"),
])
def test_xlsx_headers_are_recognised(tmp_path, header, fmt):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(header)
    f = tmp_path / "export.xlsx"
    wb.save(f)
    assert detect.detect(f) == fmt


def test_an_unknown_header_is_an_error_that_lists_the_columns(tmp_path):
    f = tmp_path / "other.csv"
    f.write_text("date,place,dead\n2024-01-01,Quetta,3\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        detect.detect(f)
    assert "matches no known format" in str(err.value) and "dead" in str(err.value)


@pytest.mark.parametrize("path, dataset", [
    (FIX / "acled" / "acled_pakistan.csv", "ACLED"),
    (FIX / "ucdp" / "ged_pakistan.csv", "UCDP GED"),
    (FIX / "gtd" / "gtd_pakistan.csv", "GTD"),
])
def test_auto_says_which_format_it_chose(path, dataset):
    r = clean.read(path, "auto", make_filters("Pakistan"))
    assert r.dataset == dataset
    assert r.method[0] == f"Format recognised from the header: {dataset}."
    assert r.files == [path.name]


def test_an_explicit_format_is_used_as_given():
    r = clean.read(FIX / "acled" / "acled_pakistan.csv", "ACLED", make_filters("Pakistan"))
    assert r.dataset == "ACLED"
    assert not r.method[0].startswith("Format recognised")


def test_the_wrong_explicit_format_names_the_missing_columns():
    with pytest.raises(InputError) as err:
        clean.read(FIX / "acled" / "acled_pakistan.csv", "gtd", make_filters("Pakistan"))
    assert "not a complete GTD export" in str(err.value) and "eventid" in str(err.value)


def test_an_unknown_format_name_is_refused():
    with pytest.raises(InputError) as err:
        clean.read(FIX / "acled" / "acled_pakistan.csv", "csv", make_filters())
    assert "FORMAT='csv'" in str(err.value)
