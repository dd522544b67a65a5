"""ACLED exports -> reports, figures and the casualties table, checked to the unit by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from sitrep import clean
from sitrep.clean.filters import make_filters
from sitrep.problems import InputError
from sitrep.clean.readers import export
from sitrep.schema import AUDIT_COLUMNS, FIGURE_COLUMNS, REPORT_COLUMNS, SOURCE_COLUMNS
from conftest import casualty_table as table

FIX = Path(__file__).parent / "fixtures" / "acled"
MAIN = FIX / "acled_pakistan.csv"
PROBLEMS = FIX / "acled_problems.csv"
YEAR_2024 = dict(country="Pakistan", start="2024-01-01", end="2024-12-31")


def read(path: Path, fmt: str = "acled", **filters):
    return clean.read(path, fmt, make_filters(**filters))




# Hand count for acled_pakistan.csv, COUNTRY=Pakistan, 2024 (line: event, rule, fatalities):
#   2 PAK1001 Balochistan  Violence against civilians          -> civilians 23
#   3 PAK1002 Balochistan  Battles ("26 August 2024")          -> unknown   14
#   4 PAK1003 Balochistan  civilian_targeting (an explosion)   -> civilians  6
#   5 PAK1004 Punjab       Protests, 0 fatalities              -> unknown    0 (a real zero)
#   6 PAK1005 Sindh        Riots ("5 March 2024", 2-line note) -> unknown    2
#   7 PAK1006 Islamabad Capital Territory, VAC                 -> civilians  1
#   8 PAK1007 2023-12-31                                       -> filtered (before START)
#   9 AFG2001 Afghanistan                                      -> filtered (outside COUNTRY)
#  10 PAK1008 Khyber Pakhtunkhwa, Battles                      -> unknown    9
#  11 PAK1009 Khyber Pakhtunkhwa, VAC, 0 fatalities            -> civilians  0
#  12 PAK1010 2025-01-02                                       -> filtered (after END)
#  13 IND3001 India                                            -> filtered (outside COUNTRY)
#  14 PAK1011 Balochistan, Strategic developments, 0           -> unknown    0
EXPECTED_2024 = {
    ("PK-BA", "civilians", "killed"): (29, 29, 29),   # 23 + 6
    ("PK-BA", "unknown", "killed"): (14, 14, 14),     # 14 + 0
    ("PK-BA", "all", "killed"): (43, 43, 43),         # 23 + 14 + 6 + 0
    ("PK-IS", "civilians", "killed"): (1, 1, 1),
    ("PK-IS", "all", "killed"): (1, 1, 1),
    ("PK-KP", "civilians", "killed"): (0, 0, 0),      # a stated zero stays a zero
    ("PK-KP", "unknown", "killed"): (9, 9, 9),
    ("PK-KP", "all", "killed"): (9, 9, 9),            # 9 + 0
    ("PK-PB", "unknown", "killed"): (0, 0, 0),
    ("PK-PB", "all", "killed"): (0, 0, 0),
    ("PK-SD", "unknown", "killed"): (2, 2, 2),
    ("PK-SD", "all", "killed"): (2, 2, 2),
}


def test_casualties_follow_the_category_rule_to_the_unit():
    assert table(read(MAIN, **YEAR_2024)) == EXPECTED_2024


def test_auto_detection_gives_the_same_result_and_says_so():
    r = read(MAIN, "auto", **YEAR_2024)
    assert table(r) == EXPECTED_2024
    assert r.dataset == "ACLED"
    assert r.method[0] == "Format recognised from the header: ACLED."


def test_every_input_row_is_in_the_audit():
    r = read(MAIN, **YEAR_2024)
    a = r.audit
    assert list(a.columns) == list(AUDIT_COLUMNS)
    assert a["rows"].sum() == 13  # data rows of the file
    kept = a[a["fate"] == "kept"]
    assert list(kept["line"]) == [2, 3, 4, 5, 6, 7, 10, 11, 14]
    assert (kept["rows"] == 1).all()
    filtered = a[a["fate"] == "filtered"].set_index("reason")["rows"].to_dict()
    assert filtered == {"outside COUNTRY=Pakistan": 2, "before START=2024-01-01": 1,
                        "after END=2024-12-31": 1}
    assert a.loc[a["fate"] == "filtered", "line"].isna().all()


def test_reports_carry_the_contract_and_the_dataset_as_source():
    r = read(MAIN, **YEAR_2024)
    assert list(r.reports.columns) == list(REPORT_COLUMNS)
    assert list(r.figures.columns) == list(FIGURE_COLUMNS)
    assert list(r.sources.columns) == list(SOURCE_COLUMNS)
    assert r.sources.to_dict("records") == [{
        "source_id": "ACLED", "publisher": "ACLED (Armed Conflict Location & Event Data)",
        "published": "", "title": "acled_pakistan.csv", "url": "https://acleddata.com",
        "source_type": "other"}]
    first = r.reports.iloc[0]
    assert first["report_id"] == "acled_pakistan.csv:2"
    assert first["event_id"] == "PAK1001"
    assert (first["source_id"], first["source_type"]) == ("ACLED", "other")
    assert first["perpetrator"] == "BLA: Baloch Liberation Army"
    assert first["latitude"] == pytest.approx(30.7912)
    assert (r.reports["date_precision"] == "day").all()
    # One figure for the category and one for 'all', killed only: ACLED has no injuries.
    assert set(r.figures["outcome"]) == {"killed"}
    per_report = r.figures.groupby("report_id")["category"].apply(list)
    assert per_report["acled_pakistan.csv:2"] == ["civilians", "all"]
    assert per_report["acled_pakistan.csv:3"] == ["unknown", "all"]
    assert not r.figures["approx"].any()
    assert set(r.figures["derived"]) == {""}


def test_both_date_spellings_and_line_numbers_after_a_multiline_note():
    r = read(MAIN, **YEAR_2024).reports.set_index("event_id")
    assert r.at["PAK1002", "event_date"] == pd.Timestamp("2024-08-26")  # "26 August 2024"
    assert r.at["PAK1005", "event_date"] == pd.Timestamp("2024-03-05")  # "5 March 2024"
    # PAK1005's note spans two physical lines; the next record is still line 7.
    assert r.at["PAK1006", "line"] == 7
    assert r.at["PAK1011", "line"] == 14


def test_places_resolve_through_the_alias_tables():
    r = read(MAIN, **YEAR_2024).reports.set_index("event_id")
    # The code through the alias table; the name as the dataset writes it (issue 15).
    assert (r.at["PAK1006", "province_code"], r.at["PAK1006", "province"]) == (
        "PK-IS", "Islamabad Capital Territory")
    assert r.at["PAK1001", "district"] == "Musakhail"  # admin2 "Musakhel"
    assert r.at["PAK1003", "district"] == "Kachhi"     # admin2 "Bolan"
    assert r.at["PAK1001", "country"] == "Pakistan"


def test_province_filter_keeps_one_province_and_counts_the_rest():
    r = read(MAIN, province="Balochistan", **YEAR_2024)
    assert table(r) == {k: v for k, v in EXPECTED_2024.items() if k[0] == "PK-BA"}
    filtered = r.audit[r.audit["fate"] == "filtered"].set_index("reason")["rows"].to_dict()
    # Outside the province: Punjab, Sindh, Islamabad, KP x2 (2023's KP row is outside too:
    # the province is checked before the dates, as Filters.reasons does).
    assert filtered["outside PROVINCE=Balochistan"] == 6
    assert r.audit["rows"].sum() == 13


def test_without_filters_every_country_is_kept():
    r = read(MAIN)
    assert len(r.reports) == 13
    assert set(r.reports["country_code"]) == {"PK", "AF", "IN"}
    assert table(r)[("AF-NAN", "unknown", "killed")] == (11, 11, 11)
    assert table(r)[("IN-MN", "civilians", "killed")] == (3, 3, 3)


def test_method_states_the_dataset_and_the_rule():
    text = " ".join(read(MAIN, **YEAR_2024).method)
    assert "ACLED (Armed Conflict Location & Event Data)" in text
    assert "acled_pakistan.csv" in text
    assert "'Violence against civilians'" in text and "'Civilian targeting'" in text
    assert "unknown" in text and "real zero" in text
    assert "does not report injuries" in text


def test_bad_rows_are_rejected_with_their_line_column_and_value():
    r = read(PROBLEMS, **YEAR_2024)
    found = {(p.line, p.column, p.value) for p in r.problems if p.severity == "error"}
    assert found == {
        (3, "event_date", "2024/13/45"),
        (4, "fatalities", "-3"),
        (6, "fatalities", ""),
        (7, "fatalities", "two"),
        (9, "event_id_cnty", "PAK9001"),  # same id as line 2, other figures
    }
    fate = r.audit.set_index("line")["fate"]
    assert fate[2] == "kept" and fate[11] == "kept"
    assert fate[8] == "merged"  # an exact repeat of line 2
    assert [fate[n] for n in (3, 4, 6, 7, 9)] == ["rejected"] * 5
    # An admin1 with no ISO code is kept under the dataset's name, with one warning.
    assert fate[5] == "kept"
    assert [(p.line, p.column, p.value) for p in r.problems if p.severity == "warning"] == [
        (5, "admin1", "Atlantis")]
    # Line 10 is bad twice over (Atlantis, -1) but lies before START: filtered, no problem.
    assert r.audit["rows"].sum() == 10
    assert r.audit.loc[r.audit["fate"] == "filtered", "rows"].sum() == 1
    assert table(r) == {("", "unknown", "killed"): (2, 2, 2),
                        ("", "all", "killed"): (2, 2, 2),
                        ("PK-BA", "unknown", "killed"): (3, 3, 3),
                        ("PK-BA", "all", "killed"): (3, 3, 3),
                        ("PK-SD", "civilians", "killed"): (2, 2, 2),
                        ("PK-SD", "all", "killed"): (2, 2, 2)}
    with pytest.raises(InputError):
        clean.enforce(r, allow_rejects=False)
    clean.enforce(r, allow_rejects=True)


def test_a_missing_codebook_column_stops_with_its_name(tmp_path):
    f = tmp_path / "acled.csv"
    f.write_text("event_id_cnty,event_date,event_type,country,admin1,admin2,deaths\n"
                 "PAK1,2024-01-01,Battles,Pakistan,Sindh,Karachi,1\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read(f, **YEAR_2024)
    assert "fatalities" in str(err.value)


def test_streaming_in_small_blocks_changes_nothing(monkeypatch):
    whole = read(MAIN, **YEAR_2024)
    monkeypatch.setattr(export.sources, "BLOCK_SIZE", 1024)   # several blocks
    monkeypatch.setattr(export.sources, "CHUNK_ROWS", 2)       # several pandas chunks
    small = read(MAIN, **YEAR_2024)
    assert table(small) == EXPECTED_2024
    pd.testing.assert_frame_equal(small.reports, whole.reports)
    pd.testing.assert_frame_equal(small.audit.sort_values("reason").reset_index(drop=True),
                                  whole.audit.sort_values("reason").reset_index(drop=True))


def test_xlsx_export_reads_like_the_csv(tmp_path):
    from openpyxl import Workbook

    frame = pd.read_csv(MAIN, dtype=str, keep_default_na=False)
    wb = Workbook()
    ws = wb.active
    ws.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        cells = list(row)
        cells[frame.columns.get_loc("fatalities")] = int(row.fatalities)
        if row.event_id_cnty == "PAK1001":  # a real date cell, as Excel stores one
            cells[frame.columns.get_loc("event_date")] = dt.datetime(2024, 8, 26)
        ws.append(cells)
    path = tmp_path / "acled_pakistan.xlsx"
    wb.save(path)
    r = read(path, "auto", **YEAR_2024)
    assert table(r) == EXPECTED_2024
    assert list(r.audit.loc[r.audit["fate"] == "kept", "line"]) == [2, 3, 4, 5, 6, 7, 10, 11,
                                                                     14]


# End-to-end on an export the tests above never read: COUNTRY=Pakistan, June 2023.
#   PAK2001 KP VAC + targeting 4 -> civilians 4   PAK2002 KP Battles 7   -> unknown 7
#   PAK2003 BA explosion 0       -> unknown 0     PAK2004 31 May         -> filtered
#   PAK2005 1 July               -> filtered      PAK2006 Sindh VAC 1    -> civilians 1
#   PAK2007 Punjab riot, civilian_targeting 2 -> civilians 2            IRN0001 -> filtered
#   PAK2008 Islamabad Capital Territory battle 3 -> unknown 3
#   PAK2009 BA VAC 5 -> civilians 5               PAK2010 KP protest 0   -> unknown 0
def test_end_to_end_on_an_unseen_export():
    r = read(FIX / "unseen_acled_2023.csv", "auto", country="Pakistan", start="2023-06-01",
             end="2023-06-30")
    clean.enforce(r, allow_rejects=False)
    assert table(r) == {
        ("PK-BA", "civilians", "killed"): (5, 5, 5),
        ("PK-BA", "unknown", "killed"): (0, 0, 0),
        ("PK-BA", "all", "killed"): (5, 5, 5),       # 0 + 5
        ("PK-IS", "unknown", "killed"): (3, 3, 3),
        ("PK-IS", "all", "killed"): (3, 3, 3),
        ("PK-KP", "civilians", "killed"): (4, 4, 4),
        ("PK-KP", "unknown", "killed"): (7, 7, 7),   # 7 + 0
        ("PK-KP", "all", "killed"): (11, 11, 11),    # 4 + 7 + 0
        ("PK-PB", "civilians", "killed"): (2, 2, 2),
        ("PK-PB", "all", "killed"): (2, 2, 2),
        ("PK-SD", "civilians", "killed"): (1, 1, 1),
        ("PK-SD", "all", "killed"): (1, 1, 1),
    }
    assert r.audit["rows"].sum() == 11


def test_an_export_without_civilian_targeting_finds_civilians_by_actor_type(tmp_path):
    # Before civilian_targeting, ACLED's codebook marks civilians as the target by the second
    # actor's type: inter2 = 7 (written as a number, or as "Civilians" in later files).
    path = tmp_path / "acled_2016.csv"
    path.write_text(
        "data_id,iso,event_id_cnty,event_date,year,event_type,actor1,inter1,actor2,inter2,"
        "interaction,country,admin1,admin2,location,fatalities\n"
        "1,706,SOM1,2016-03-01,2016,Remote violence,Al Shabaab,2,Civilians (Somalia),7,27,"
        "Somalia,Banaadir,Mogadishu,Mogadishu,9\n"
        "2,706,SOM2,2016-03-02,2016,Battles,Military Forces of Somalia,1,Al Shabaab,2,12,"
        "Somalia,Banaadir,Mogadishu,Mogadishu,5\n"
        "3,706,SOM3,2016-03-03,2016,Violence against civilians,Al Shabaab,2,Civilians,Civilians,"
        "27,Somalia,Lower Shabelle,Marka,Marka,3\n", encoding="utf-8")
    r = read(path, "auto", country="Somalia")
    t = table(r)
    assert t[("SO-BN", "civilians", "killed")] == (9, 9, 9)   # inter2 = 7, "Remote violence"
    assert t[("SO-BN", "unknown", "killed")] == (5, 5, 5)     # a battle between armed actors
    assert t[("SO-SH", "civilians", "killed")] == (3, 3, 3)   # "Lower Shabelle" via the alias
    assert "inter2 = 7" in " ".join(r.method)
