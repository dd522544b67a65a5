"""GTD exports (ISO-8859-1) -> reports, figures and the casualties table, checked by hand."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sitrep import clean
from sitrep.clean.filters import make_filters
from sitrep.problems import InputError
from sitrep.schema import FIGURE_COLUMNS, REPORT_COLUMNS
from conftest import casualty_table as table

FIX = Path(__file__).parent / "fixtures" / "gtd"
MAIN = FIX / "gtd_pakistan.csv"      # ISO-8859-1, as GTD ships
PROBLEMS = FIX / "gtd_problems.csv"
YEAR_2014 = dict(country="Pakistan", start="2014-01-01", end="2014-12-31")


def read(path: Path, fmt: str = "gtd", **filters):
    return clean.read(path, fmt, make_filters(**filters))




# Hand count for gtd_pakistan.csv, COUNTRY=Pakistan, 2014. Columns: nkill/nkillter and
# nwound/nwoundte ("." = empty); victims = total - perpetrators (unknown perpetrators = 0),
# classed by targtype1_txt. Unknown (empty, -9, -99) gives no figure; all = nkill when known,
# else the sum of the known categories.
#   2 Balochistan, Private Citizens, 10/2, 5/0 -> k: mil 2, civ 8, all 10; i: mil 0, civ 5, all 5
#   3 North-West Frontier Province (-> KP), Kohât, iday 0, Police, 4/., -99/.
#        -> k: sf 4, all 4; i: nothing known
#   4 FATA (-> KP), Military, -99/3, 0/0 -> k: mil 3, all 3 (sum); i: sf 0, mil 0, all 0
#   5 Sindh, Terrorists/Non-State Militia, 5/1, 2/-9
#        -> k: mil 1 + 4 = 5, all 5; i: mil 2 (nwoundte unknown counts 0), all 2
#   6 KP, Dera Ismaïl Khan, Unknown target, 0/0, ./. -> k: mil 0, unk 0, all 0; i: nothing
#   7 Punjab, Religious Figures, 7/-99, 20/1 -> k: civ 7, all 7; i: mil 1, civ 19, all 20
#   8 2013-12-31 -> filtered (before START)      9 Afghanistan -> filtered
#  10 2015-01-01 -> filtered (after END)
#  11 provstate Unknown (province unknown), Police, 2/0, 1/0
#        -> k: sf 2, mil 0, all 2; i: sf 1, mil 0, all 1
#  12 Balochistan, iday 0, Government (General), 1/., 0/. -> k: civ 1, all 1; i: civ 0, all 0
#  13 India -> filtered
#  14 Balochistan, iday 0, Violent Political Party, 3/1, ./. -> k: mil 1 + 2 = 3, all 3
EXPECTED_2014 = {
    ("", "security_forces", "killed"): (2, 2, 2),
    ("", "militants", "killed"): (0, 0, 0),
    ("", "all", "killed"): (2, 2, 2),
    ("", "security_forces", "injured"): (1, 1, 1),
    ("", "militants", "injured"): (0, 0, 0),
    ("", "all", "injured"): (1, 1, 1),
    ("PK-BA", "civilians", "killed"): (9, 9, 9),          # 8 + 1
    ("PK-BA", "militants", "killed"): (5, 5, 5),          # 2 + 3
    ("PK-BA", "all", "killed"): (14, 14, 14),             # 10 + 1 + 3
    ("PK-BA", "civilians", "injured"): (5, 5, 5),         # 5 + 0
    ("PK-BA", "militants", "injured"): (0, 0, 0),
    ("PK-BA", "all", "injured"): (5, 5, 5),               # 5 + 0
    ("PK-KP", "security_forces", "killed"): (4, 4, 4),    # line 3; line 4's victims unknown
    ("PK-KP", "militants", "killed"): (3, 3, 3),          # 3 + 0
    ("PK-KP", "unknown", "killed"): (0, 0, 0),
    ("PK-KP", "all", "killed"): (7, 7, 7),                # 4 + 3 + 0
    ("PK-KP", "security_forces", "injured"): (0, 0, 0),
    ("PK-KP", "militants", "injured"): (0, 0, 0),
    ("PK-KP", "all", "injured"): (0, 0, 0),
    ("PK-PB", "civilians", "killed"): (7, 7, 7),
    ("PK-PB", "all", "killed"): (7, 7, 7),
    ("PK-PB", "civilians", "injured"): (19, 19, 19),      # 20 - 1
    ("PK-PB", "militants", "injured"): (1, 1, 1),
    ("PK-PB", "all", "injured"): (20, 20, 20),
    ("PK-SD", "militants", "killed"): (5, 5, 5),
    ("PK-SD", "all", "killed"): (5, 5, 5),
    ("PK-SD", "militants", "injured"): (2, 2, 2),
    ("PK-SD", "all", "injured"): (2, 2, 2),
}


def test_casualties_follow_the_category_rule_to_the_unit():
    assert table(read(MAIN, **YEAR_2014)) == EXPECTED_2014


def test_latin1_text_comes_through_unchanged():
    assert b"Koh\xe2t" in MAIN.read_bytes()  # the fixture really is ISO-8859-1
    r = read(MAIN, **YEAR_2014)
    rep = r.reports.set_index("event_id")
    assert rep.at["201408000002", "location"] == "Kohât"
    assert rep.at["201410100005", "location"] == "Dera Ismaïl Khan"
    assert rep.at["201409050004", "perpetrator"] == "Front de Libération (Ménard faction)"
    assert "as ISO-8859-1 (Latin-1) text" in r.method[0]
    assert not any("\ufffd" in str(v) for v in r.reports.to_numpy().ravel())


def test_utf8_copy_reads_the_same(tmp_path):
    f = tmp_path / "gtd_utf8.csv"
    f.write_text(MAIN.read_text(encoding="latin-1"), encoding="utf-8")
    r = read(f, **YEAR_2014)
    assert table(r) == EXPECTED_2014
    assert r.reports.set_index("event_id").at["201408000002", "location"] == "Kohât"
    assert "as UTF-8 text" in r.method[0]


def test_latin1_beyond_the_first_megabyte_is_still_read(tmp_path):
    # Over 1 MiB of plain ASCII rows (another country), then the Latin-1 fixture rows: the
    # first block looks like UTF-8, the reader must start again as ISO-8859-1.
    data = MAIN.read_bytes().split(b"\n")
    header, rows = data[0], [r for r in data[1:] if r]
    filler = rows[7].replace(b"201408260008", b"2014082600{:02d}")  # an Afghan row
    pad = [filler.replace(b"{:02d}", str(i).encode()) for i in range(12000)]
    f = tmp_path / "gtd_big.csv"
    f.write_bytes(b"\n".join([header, *pad, *rows]) + b"\n")
    assert len(b"\n".join(pad)) > 1 << 20
    r = read(f, **YEAR_2014)
    assert table(r) == EXPECTED_2014
    assert r.reports.set_index("event_id").at["201408000002", "location"] == "Kohât"
    assert r.audit["rows"].sum() == 12000 + 13
    assert r.audit.set_index("event_id").at["201408000002", "line"] == 12000 + 3


def test_day_zero_keeps_the_month_and_says_so():
    r = read(MAIN, **YEAR_2014)
    rep = r.reports.set_index("event_id")
    assert rep.at["201408000002", "event_date"] == pd.Timestamp("2014-08-01")
    assert rep.at["201408000002", "date_precision"] == "month"
    assert rep.at["201408260001", "date_precision"] == "day"
    assert (rep["date_precision"] == "month").sum() == 3
    text = " ".join(r.method)
    assert "iday 0" in text and "first day of its month" in text
    assert "3 GTD events in this briefing have no day" in text


def test_unknown_is_never_zero():
    f = read(MAIN, **YEAR_2014).figures
    assert list(f.columns) == list(FIGURE_COLUMNS)
    f = f.set_index(["event_id", "category", "outcome"])
    # nkill -99: no victim figure and no stated total; the counting rule makes the total from
    # what is known (nkillter 3).
    assert ("201409010003", "security_forces", "killed") not in f.index
    assert ("201409010003", "all", "killed") not in f.index
    assert f.loc[("201409010003", "militants", "killed"), "point"] == 3
    # nwound -99 and nwoundte empty: no injury figure at all.
    assert not any(k[0] == "201408000002" and k[2] == "injured" for k in f.index)
    # nkillter empty: no militants figure, but the victims are all of nkill.
    assert ("201408000002", "militants", "killed") not in f.index
    assert f.loc[("201408000002", "security_forces", "killed"), "point"] == 4
    # 0 and 0 are real zeros.
    assert f.loc[("201410100005", "unknown", "killed"), "point"] == 0
    assert f.loc[("201410100005", "all", "killed"), "point"] == 0


def test_every_input_row_is_in_the_audit():
    a = read(MAIN, **YEAR_2014).audit
    assert a["rows"].sum() == 13
    assert list(a.loc[a["fate"] == "kept", "line"]) == [2, 3, 4, 5, 6, 7, 11, 12, 14]
    assert a[a["fate"] == "filtered"].set_index("reason")["rows"].to_dict() == {
        "outside COUNTRY=Pakistan": 2, "before START=2014-01-01": 1, "after END=2014-12-31": 1}


def test_reports_contract_and_places():
    r = read(MAIN, **YEAR_2014).reports
    assert list(r.columns) == list(REPORT_COLUMNS)
    rep = r.set_index("event_id")
    assert rep.at["201409010003", "province_code"] == "PK-KP"   # FATA
    assert rep.at["201408000002", "province_code"] == "PK-KP"   # North-West Frontier Province
    assert (rep.at["201411200010", "province_code"], rep.at["201411200010", "location"]) == \
        ("", "")  # provstate and city "Unknown"
    assert rep.at["201408260001", "event_type"] == "Armed Assault"
    assert (r["source_id"] == "GTD").all() and (r["district"] == "").all()


def test_method_states_the_dataset_and_the_rule():
    text = " ".join(read(MAIN, **YEAR_2014).method)
    assert "Global Terrorism Database (GTD)" in text
    assert "nkillter" in text and "targtype1_txt" in text
    assert "Military and Police as security forces" in text
    assert "-9 or -99 means unknown, never zero" in text


def test_bad_rows_are_rejected_with_their_line_column_and_value():
    r = read(PROBLEMS, **YEAR_2014)
    assert [(p.line, p.column, p.value) for p in r.problems] == [
        (5, "nkillter", "5"),         # more perpetrators killed than killed in all
        (6, "nkill", "-5"),           # negative (only -9 and -99 mean unknown)
        (7, "iday", "2014/2/30"),     # no such day
        (8, "provstate", "Atlantis"),  # a warning: kept under the dataset's own name
        (9, "nwound", "many"),
    ]
    assert [p.severity for p in r.problems if p.line == 8] == ["warning"]
    fates = r.audit.groupby("fate")["rows"].sum().to_dict()
    # Line 3 (2014, month unknown) lies wholly inside the period: kept, dated 1 January.
    # Line 4 (2012, month unknown) lies wholly before START: filtered, not rejected.
    assert fates == {"kept": 3, "rejected": 4, "filtered": 1}
    rep = r.reports.set_index("event_id")
    assert rep.at["201400000002", "date_precision"] == "year"
    assert str(rep.at["201400000002", "event_date"].date()) == "2014-01-01"
    # Police targets: line 2 kills 1, line 3 kills 2 -> security forces 3.
    atlantis = {k: v for k, v in table(r).items() if k[0] == ""}
    assert atlantis[("", "all", "killed")] == (1, 1, 1)
    assert {k: v for k, v in table(r).items() if k[0] != ""} == {
                        ("PK-BA", "security_forces", "killed"): (3, 3, 3),
                        ("PK-BA", "militants", "killed"): (0, 0, 0),
                        ("PK-BA", "all", "killed"): (3, 3, 3),
                        ("PK-BA", "security_forces", "injured"): (0, 0, 0),
                        ("PK-BA", "militants", "injured"): (0, 0, 0),
                        ("PK-BA", "all", "injured"): (0, 0, 0)}


def test_a_year_that_straddles_the_period_cannot_be_placed():
    r = read(PROBLEMS, country="Pakistan", start="2014-06-01", end="2014-12-31")
    straddling = [p for p in r.problems if p.line == 3]
    assert [(p.column, p.value) for p in straddling] == [("iyear", "2014")]
    assert "straddles START or END" in straddling[0].message


def test_a_missing_codebook_column_stops_with_its_name(tmp_path):
    f = tmp_path / "gtd.csv"
    f.write_text("eventid,iyear,imonth,iday,country_txt,provstate,targtype1_txt,nkill,nwound,"
                 "nwoundte\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read(f, **YEAR_2014)
    assert "nkillter" in str(err.value)


def test_xlsx_export_reads_like_the_csv(tmp_path):
    from openpyxl import Workbook

    frame = pd.read_csv(MAIN, dtype=str, keep_default_na=False, encoding="latin-1")
    numbers = {"eventid", "iyear", "imonth", "iday", "nkill", "nkillter", "nwound", "nwoundte"}
    wb = Workbook()
    ws = wb.active
    ws.append(list(frame.columns))
    for row in frame.to_dict("records"):
        ws.append([float(row[c]) if c in numbers and row[c] else (row[c] or None)
                   for c in frame.columns])
    path = tmp_path / "gtd.xlsx"
    wb.save(path)
    r = read(path, "auto", **YEAR_2014)
    assert table(r) == EXPECTED_2014
    assert r.reports.set_index("event_id").at["201408000002", "location"] == "Kohât"


# End-to-end on an export the tests above never read (ISO-8859-1): COUNTRY=Pakistan, 2016.
#   1 BA Police 15/1, 25/0         -> k: sf 14, mil 1, all 15; i: sf 25, mil 0, all 25
#   2 Punjab Private Citizens 75/1, 340/-99 -> k: civ 74, mil 1, all 75; i: civ 340, all 340
#   3 BA Government (General) 70/1, 112/. -> k: civ 69, mil 1, all 70; i: civ 112, all 112
#   4 2015, month 0               -> filtered (the whole year is before START)
#   5 BA Police, iday 0, 61/3, 165/-9 -> k: sf 58, mil 3, all 61; i: sf 165, all 165
#   6 BA Religious Figures 52/0, 102/0 -> k: civ 52, mil 0, all 52; i: civ 102, mil 0, all 102
#   7 FATA Military -99/-99, 3/0   -> k: nothing; i: sf 3, mil 0, all 3
#   8 NWFP (Mardân) Terrorists 2/2, 0/0 -> k: mil 2 + 0, all 2; i: mil 0 + 0, all 0
#   9 Afghanistan -> filtered;  10 2017 -> filtered
#  11 KP Other 1/., ./.            -> k: unk 1, all 1
#  12 Islamabad Capital Territory Journalists 0/0, 2/0 -> k: civ 0, mil 0, all 0;
#        i: civ 2, mil 0, all 2
def test_end_to_end_on_an_unseen_export():
    r = read(FIX / "unseen_gtd_2016.csv", "auto", country="Pakistan", start="2016-01-01",
             end="2016-12-31")
    clean.enforce(r, allow_rejects=False)
    assert table(r) == {
        ("PK-BA", "civilians", "killed"): (121, 121, 121),       # 69 + 52
        ("PK-BA", "security_forces", "killed"): (72, 72, 72),    # 14 + 58
        ("PK-BA", "militants", "killed"): (5, 5, 5),             # 1 + 1 + 3 + 0
        ("PK-BA", "all", "killed"): (198, 198, 198),             # 15 + 70 + 61 + 52
        ("PK-BA", "civilians", "injured"): (214, 214, 214),      # 112 + 102
        ("PK-BA", "security_forces", "injured"): (190, 190, 190),  # 25 + 165
        ("PK-BA", "militants", "injured"): (0, 0, 0),            # 0 + 0 (others unknown)
        ("PK-BA", "all", "injured"): (404, 404, 404),            # 25 + 112 + 165 + 102
        ("PK-IS", "civilians", "killed"): (0, 0, 0),
        ("PK-IS", "militants", "killed"): (0, 0, 0),
        ("PK-IS", "all", "killed"): (0, 0, 0),
        ("PK-IS", "civilians", "injured"): (2, 2, 2),
        ("PK-IS", "militants", "injured"): (0, 0, 0),
        ("PK-IS", "all", "injured"): (2, 2, 2),
        ("PK-KP", "militants", "killed"): (2, 2, 2),
        ("PK-KP", "unknown", "killed"): (1, 1, 1),
        ("PK-KP", "all", "killed"): (3, 3, 3),                   # 2 + 1
        ("PK-KP", "security_forces", "injured"): (3, 3, 3),
        ("PK-KP", "militants", "injured"): (0, 0, 0),
        ("PK-KP", "all", "injured"): (3, 3, 3),                  # 3 + 0
        ("PK-PB", "civilians", "killed"): (74, 74, 74),
        ("PK-PB", "militants", "killed"): (1, 1, 1),
        ("PK-PB", "all", "killed"): (75, 75, 75),
        ("PK-PB", "civilians", "injured"): (340, 340, 340),
        ("PK-PB", "all", "injured"): (340, 340, 340),
    }
    assert r.audit["rows"].sum() == 12
    assert r.reports.set_index("event_id").at["201609020008", "location"] == "Mardân"


def test_a_cut_off_last_row_is_an_input_problem_with_its_line(tmp_path):
    # A download that stopped mid-row: the parser's "Expected 50 columns, got 13" becomes the
    # file and line, what is wrong and what to do, never a traceback.
    lines = (FIX / "unseen_gtd_2016.csv").read_text(encoding="latin-1").splitlines()
    cut = tmp_path / "gtd_cut.csv"
    cut.write_text("\n".join(lines[:-1] + [lines[-1][:60]]), encoding="latin-1")
    with pytest.raises(InputError) as err:
        read(cut, "auto", country="Pakistan")
    assert str(err.value).startswith(f"gtd_cut.csv:{len(lines)}: the file ends in the middle "
                                     "of this row")
    assert "cut off" in str(err.value) and "download" in str(err.value)
