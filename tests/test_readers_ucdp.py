"""UCDP GED exports -> reports, figures and the casualties table, checked to the unit by hand."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sitrep import clean
from sitrep.clean.filters import make_filters
from sitrep.problems import InputError
from sitrep.clean.reconcile import reconcile
from sitrep.schema import FIGURE_COLUMNS, REPORT_COLUMNS
from conftest import casualty_table as table
from sitrep.tabulate.tables import casualties

FIX = Path(__file__).parent / "fixtures" / "ucdp"
MAIN = FIX / "ged_pakistan.csv"
YEAR_2024 = dict(country="Pakistan", start="2024-01-01", end="2024-12-31")


def read(path: Path, fmt: str = "ucdp", **filters):
    return clean.read(path, fmt, make_filters(**filters))




# Hand count for ged_pakistan.csv, COUNTRY=Pakistan, 2024. Columns: deaths_a/b/civilians/
# unknown, then UCDP's best (low-high). A side beginning "Government of" is security forces,
# any other side (also "Civilians" as side_b) militants.
#   2 501001 Balochistan province, Gov v BLA   10/12/3/0  25 (25-30) -> sf 10, mil 12, civ 3
#   3 501002 Balochistan province, BLA v Civ.   0/0/23/0  23 (23-23) -> mil 0+0, civ 23
#   4 501003 Khyber Pakhtunkhwa province, TTP v IS 4/3/0/1 8 (6-10) -> mil 4+3=7, unk 1
#   5 501004 adm_1 empty (province unknown), Gov v TTP 2/5/0/0 7 (7-9) -> sf 2, mil 5
#   6 501005 Federally Administered Tribal Areas (-> KP), Gov v TTP 3/0/0/0 3 -> sf 3, mil 0
#   7 501006 2023-12-30                                   -> filtered (before START)
#   8 501007 Afghanistan                                  -> filtered (outside COUNTRY)
#   9 501008 Sindh province, Gov v Civilians 0/0/2/0 2   -> sf 0, mil 0, civ 2
#  10 501009 2025-01-05                                   -> filtered (after END)
#  11 501010 Balochistan province, Gov v BLF 0/0/0/0  0 (0-2) -> all zeros, all 0 (0-2)
#  12 501011 India                                        -> filtered (outside COUNTRY)
#  13 501012 Punjab province, LeJ v SMP (date without time) 1/1/0/2 4 -> mil 1+1=2, unk 2
EXPECTED_2024 = {
    ("", "civilians", "killed"): (0, 0, 0),
    ("", "security_forces", "killed"): (2, 2, 2),
    ("", "militants", "killed"): (5, 5, 5),
    ("", "unknown", "killed"): (0, 0, 0),
    ("", "all", "killed"): (7, 7, 9),
    ("PK-BA", "civilians", "killed"): (26, 26, 26),       # 3 + 23 + 0
    ("PK-BA", "security_forces", "killed"): (10, 10, 10),  # 10 + 0
    ("PK-BA", "militants", "killed"): (12, 12, 12),        # 12 + 0 + 0
    ("PK-BA", "unknown", "killed"): (0, 0, 0),
    ("PK-BA", "all", "killed"): (48, 48, 55),              # low 25+23+0, high 30+23+2
    ("PK-KP", "civilians", "killed"): (0, 0, 0),
    ("PK-KP", "security_forces", "killed"): (3, 3, 3),
    ("PK-KP", "militants", "killed"): (7, 7, 7),           # 7 + 0
    ("PK-KP", "unknown", "killed"): (1, 1, 1),
    ("PK-KP", "all", "killed"): (9, 11, 13),               # 6+3, 8+3, 10+3
    ("PK-PB", "civilians", "killed"): (0, 0, 0),
    ("PK-PB", "militants", "killed"): (2, 2, 2),
    ("PK-PB", "unknown", "killed"): (2, 2, 2),
    ("PK-PB", "all", "killed"): (4, 4, 4),
    ("PK-SD", "civilians", "killed"): (2, 2, 2),
    ("PK-SD", "security_forces", "killed"): (0, 0, 0),
    ("PK-SD", "militants", "killed"): (0, 0, 0),
    ("PK-SD", "unknown", "killed"): (0, 0, 0),
    ("PK-SD", "all", "killed"): (2, 2, 2),
}


def test_casualties_follow_the_category_rule_to_the_unit():
    assert table(read(MAIN, **YEAR_2024)) == EXPECTED_2024


def test_unknown_province_is_shown_as_unknown():
    t = casualties(reconcile(*_rf(read(MAIN, **YEAR_2024))))
    assert set(t.loc[t["province_code"] == "", "province"]) == {"Unknown"}


def _rf(r):
    return r.reports, r.figures


def test_every_input_row_is_in_the_audit():
    a = read(MAIN, **YEAR_2024).audit
    assert a["rows"].sum() == 12
    assert list(a.loc[a["fate"] == "kept", "line"]) == [2, 3, 4, 5, 6, 9, 11, 13]
    assert a[a["fate"] == "filtered"].set_index("reason")["rows"].to_dict() == {
        "outside COUNTRY=Pakistan": 2, "before START=2024-01-01": 1, "after END=2024-12-31": 1}


def test_figures_per_category_and_ucdp_own_estimates_for_all():
    r = read(MAIN, **YEAR_2024)
    assert list(r.figures.columns) == list(FIGURE_COLUMNS)
    f = r.figures.set_index(["event_id", "category"])
    assert tuple(f.loc[("501001", "all"), ["low", "point", "high"]]) == (25, 25, 30)
    assert tuple(f.loc[("501001", "militants"), ["low", "point", "high"]]) == (12, 12, 12)
    # deaths_a and deaths_b both on the non-state side are added; like every UCDP category it
    # is a best estimate, whose range only the event's total has.
    assert f.loc[("501003", "militants"), "derived"] == "best"
    assert f.loc[("501003", "militants"), "point"] == 7
    # No security-forces figure when neither side is a government.
    assert ("501003", "security_forces") not in f.index
    assert set(r.figures["outcome"]) == {"killed"}


def test_places_dates_and_perpetrators():
    r = read(MAIN, **YEAR_2024).reports
    assert list(r.columns) == list(REPORT_COLUMNS)
    r = r.set_index("event_id")
    assert r.at["501001", "province"] == "Balochistan"      # "Balochistan province"
    assert r.at["501001", "district"] == "Kalat"            # "Kalat district"
    assert r.at["501002", "district"] == "Musakhail"        # "Musakhel district"
    assert r.at["501005", "province_code"] == "PK-KP"       # FATA, merged into KP in 2018
    assert (r.at["501004", "province_code"], r.at["501004", "province"]) == ("", "")
    assert r.at["501001", "event_date"] == pd.Timestamp("2024-08-26")
    assert r.at["501012", "event_date"] == pd.Timestamp("2024-04-01")  # no time part
    assert r.at["501001", "perpetrator"] == "BLA"               # the non-state side
    assert r.at["501008", "perpetrator"] == "Government of Pakistan"  # one-sided, by the state
    assert r.at["501003", "event_type"] == "Non-state conflict"
    assert r.at["501001", "location"] == "Kalat town"
    assert (r["source_id"] == "UCDP-GED").all()


def test_province_filter():
    r = read(MAIN, province="Khyber Pakhtunkhwa", **YEAR_2024)
    assert table(r) == {k: v for k, v in EXPECTED_2024.items() if k[0] == "PK-KP"}
    assert set(r.reports["event_id"]) == {"501003", "501005"}
    assert r.audit["rows"].sum() == 12


def test_method_states_the_dataset_and_the_rule():
    text = " ".join(read(MAIN, **YEAR_2024).method)
    assert "UCDP Georeferenced Event Dataset (GED)" in text
    assert "'Government of'" in text and "deaths_civilians" in text
    assert "keeps UCDP's own low and high" in text
    assert "does not report injuries" in text


def test_bad_counts_are_rejected(tmp_path):
    lines = MAIN.read_text(encoding="utf-8").splitlines()
    # Line 2's counts are "...,10,12,3,0,25,30,25,..."; make deaths_a negative.
    bad = lines[1].replace(",10,12,3,0,25,30,25,", ",-10,12,3,0,25,30,25,")
    assert bad != lines[1]
    f = tmp_path / "ged.csv"
    f.write_text("\n".join([lines[0], bad, lines[2]]) + "\n", encoding="utf-8")
    r = read(f, **YEAR_2024)
    assert [(p.line, p.column, p.value) for p in r.problems] == [(2, "deaths_a", "-10")]
    assert r.audit.set_index("line")["fate"].to_dict()[2] == "rejected"
    assert list(r.reports["event_id"]) == ["501002"]


def test_a_missing_codebook_column_stops_with_its_name(tmp_path):
    f = tmp_path / "ged.csv"
    f.write_text("id,side_a,side_b,adm_1,adm_2,country,date_start,deaths_a,deaths_b,"
                 "deaths_civilians,best,high,low\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read(f, **YEAR_2024)
    assert "deaths_unknown" in str(err.value)


def test_xlsx_export_reads_like_the_csv(tmp_path):
    from openpyxl import Workbook

    frame = pd.read_csv(MAIN, dtype=str, keep_default_na=False)
    numbers = ["deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high",
               "low", "id"]
    wb = Workbook()
    ws = wb.active
    ws.append(list(frame.columns))
    for row in frame.to_dict("records"):
        ws.append([int(row[c]) if c in numbers else row[c] for c in frame.columns])
    path = tmp_path / "ged.xlsx"
    wb.save(path)
    assert table(read(path, "auto", **YEAR_2024)) == EXPECTED_2024


# End-to-end on an export the tests above never read: COUNTRY=Pakistan, 2022.
#   601001 KP Gov v TTP   4/6/1/0  11 (9-14)  -> sf 4, mil 6, civ 1, unk 0
#   601002 KP IS v Civ.   0/0/63/0 63 (62-65) -> mil 0+0, civ 63, unk 0
#   601003 BA Gov v BLA   4/9/0/0  13 (13-20) -> sf 4, mil 9, civ 0, unk 0
#   601004 2021-12-31 -> filtered;  601005 Afghanistan -> filtered;  601008 2023 -> filtered
#   601006 no adm_1, TTP v LeI 2/3/0/0 5 (5-5) -> unknown province: mil 2+3, civ 0, unk 0
#   601007 BA Gov v BLF   1/0/0/2  3 (3-3)    -> sf 1, mil 0, civ 0, unk 2
#   601009 Azad Kashmir, Gov of India v Gov of Pakistan 0/2/1/0 3 -> sf 0+2, civ 1, unk 0
#   601010 Sindh Gov v Civilians 0/0/4/1 5 (5-6) -> sf 0, mil 0, civ 4, unk 1
def test_end_to_end_on_an_unseen_export():
    r = read(FIX / "unseen_ged_2022.csv", "auto", country="Pakistan", start="2022-01-01",
             end="2022-12-31")
    clean.enforce(r, allow_rejects=False)
    assert table(r) == {
        ("", "civilians", "killed"): (0, 0, 0),
        ("", "militants", "killed"): (5, 5, 5),
        ("", "unknown", "killed"): (0, 0, 0),
        ("", "all", "killed"): (5, 5, 5),
        ("PK-BA", "civilians", "killed"): (0, 0, 0),
        ("PK-BA", "security_forces", "killed"): (5, 5, 5),   # 4 + 1
        ("PK-BA", "militants", "killed"): (9, 9, 9),         # 9 + 0
        ("PK-BA", "unknown", "killed"): (2, 2, 2),
        ("PK-BA", "all", "killed"): (16, 16, 23),            # 13+3, 13+3, 20+3
        ("PK-JK", "civilians", "killed"): (1, 1, 1),
        ("PK-JK", "security_forces", "killed"): (2, 2, 2),
        ("PK-JK", "unknown", "killed"): (0, 0, 0),
        ("PK-JK", "all", "killed"): (3, 3, 3),
        ("PK-KP", "civilians", "killed"): (64, 64, 64),      # 1 + 63
        ("PK-KP", "security_forces", "killed"): (4, 4, 4),
        ("PK-KP", "militants", "killed"): (6, 6, 6),         # 6 + 0
        ("PK-KP", "unknown", "killed"): (0, 0, 0),
        ("PK-KP", "all", "killed"): (71, 74, 79),            # 9+62, 11+63, 14+65
        ("PK-SD", "civilians", "killed"): (4, 4, 4),
        ("PK-SD", "security_forces", "killed"): (0, 0, 0),
        ("PK-SD", "militants", "killed"): (0, 0, 0),
        ("PK-SD", "unknown", "killed"): (1, 1, 1),
        ("PK-SD", "all", "killed"): (5, 5, 6),
    }
    assert r.audit["rows"].sum() == 10
