"""sitrep.store: the files where the stages meet.

write_csv neutralises spreadsheet formulas and writes through a temporary file; save_clean and
load_clean round-trip the clean files in the clean/ and out/ layout; save_tables/load_tables
type numbers back and restore neutralised text; save_title; load_audit.
"""

from __future__ import annotations

import csv
import datetime as dt
import json

import pandas as pd
import pytest

from sitrep import store
from sitrep.paths import ROOT
from sitrep.problems import Problem

# --- write_csv ----------------------------------------------------------------------------


def raw_cells(path) -> dict[str, list[str]]:
    return pd.read_csv(path, dtype=str, keep_default_na=False).to_dict("list")


def test_write_csv_neutralises_formula_cells(tmp_path):
    frame = pd.DataFrame({
        "text": ["=HYPERLINK(\"http://x\")", "+92 300", "-3 text", "@SUM(A1)", "\tx",
                 "plain", "a=b"],
        "n": [1, -2, 3, 4, 5, 6, 7],
    })
    store.write_csv(frame, tmp_path / "t.csv")
    with open(tmp_path / "t.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    # Text starting with = + - @ or a tab gets a leading apostrophe; text with such a
    # character elsewhere, and numbers (a negative one too), are left alone.
    assert [r[0] for r in rows[1:]] == ["'=HYPERLINK(\"http://x\")", "'+92 300", "'-3 text",
                                        "'@SUM(A1)", "'\tx", "plain", "a=b"]
    assert [r[1] for r in rows[1:]] == ["1", "-2", "3", "4", "5", "6", "7"]


def test_neutralise_formulas_covers_a_leading_carriage_return():
    out = store.neutralise_formulas(pd.DataFrame({"a": ["\rx", "x\r"]}))
    assert out["a"].tolist() == ["'\rx", "x\r"]


def test_a_carriage_return_inside_a_cell_stays_in_its_row(tmp_path):
    store.write_csv(pd.DataFrame({"notes": ["before\rafter"], "n": [1]}), tmp_path / "t.csv")
    with open(tmp_path / "t.csv", newline="", encoding="utf-8") as fh:
        assert list(csv.reader(fh)) == [["notes", "n"], ["before\rafter", "1"]]


def test_write_csv_neutralises_mixed_and_missing_cells(tmp_path):
    frame = pd.DataFrame({"mixed": pd.Series(["=1+1", 5, None, "-x"], dtype=object),
                          "text": ["=a", None, "b", "+c"]})
    store.write_csv(frame, tmp_path / "t.csv")
    # In a mixed column only text can be a formula; missing cells stay empty.
    assert raw_cells(tmp_path / "t.csv") == {"mixed": ["'=1+1", "5", "", "'-x"],
                                             "text": ["'=a", "", "b", "'+c"]}


def test_write_csv_leaves_the_frame_unchanged(tmp_path):
    frame = pd.DataFrame({"a": ["=x"]})
    store.write_csv(frame, tmp_path / "t.csv")
    assert frame["a"].tolist() == ["=x"]


def test_write_csv_replaces_the_file_whole(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("old\n", encoding="utf-8")
    store.write_csv(pd.DataFrame({"a": [1, 2]}), path)
    assert path.read_text(encoding="utf-8") == "a\n1\n2\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv"]  # no temporary file left


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "t.csv"
    path.write_text("old\n", encoding="utf-8")
    written_to = []

    def half_then_fail(self, target, *args, **kwargs):
        written_to.append(target)
        with open(target, "w") as fh:
            fh.write("a\n1\n")  # half a file...
        raise OSError("disk full")  # ...then the writer fails

    monkeypatch.setattr(pd.DataFrame, "to_csv", half_then_fail)
    with pytest.raises(OSError, match="disk full"):
        store.write_csv(pd.DataFrame({"a": [1, 2]}), path)
    # The half file went to a temporary name beside it; a reader still sees the old file.
    assert written_to == [tmp_path / ".t.csv.tmp"]
    assert path.read_text(encoding="utf-8") == "old\n"


# --- save_clean / load_clean and the folder layout ----------------------------------------

def clean_frames() -> dict:
    events = pd.DataFrame({"event_id": ["E1", "E1"], "category": ["civilians", "all"],
                           "low": pd.array([5, 9], dtype="Int64"),
                           "high": pd.array([8, None], dtype="Int64"),
                           "event_date": pd.to_datetime(["2024-08-26"] * 2)})
    reports = pd.DataFrame({"report_id": ["incidents.csv:2"], "line": [2]})
    figures = pd.DataFrame({"report_id": ["incidents.csv:2"], "text": ["over 40"],
                            "low": pd.array([41], dtype="Int64"),
                            "high": pd.array([None], dtype="Int64")})
    victims = pd.DataFrame({"event_id": ["E1"], "home_province": ["Punjab"]})
    sources = pd.DataFrame({"source_id": ["S1", "S2"], "publisher": ["Dawn", "=cmd|'/C calc'!A0"],
                            "published": ["2024-08-26", ""], "url": ["", "@evil"]})
    audit = pd.DataFrame({"file": ["incidents.csv"], "line": ["2"], "rows": ["1"],
                          "event_id": ["E1"], "source_id": ["S1"], "fate": ["kept"],
                          "reason": ["-"]})
    problems = [Problem("incidents.csv", 14, "province", "Blochistan",
                        "is not a province of this country", "did you mean 'Balochistan'?"),
                Problem("incidents.csv", 3, "killed_total", "=25", "is below", "", "warning")]
    run = {"dataset": "native", "filters": {"start": dt.date(2024, 8, 1)}, "n_errors": 1}
    return dict(events=events, reports=reports, figures=figures, victims=victims,
                sources=sources, audit=audit, problems=problems, run=run)


def test_save_clean_writes_the_layout(tmp_path):
    store.save_clean(tmp_path / "work", **clean_frames())
    files = sorted(str(p.relative_to(tmp_path / "work")) for p in (tmp_path / "work").rglob("*")
                   if p.is_file())
    assert files == ["clean/events.parquet", "clean/figures.parquet", "clean/problems.csv",
                     "clean/reports.parquet", "clean/run.json", "clean/sources.csv",
                     "clean/victims.parquet", "out/audit.csv"]


def test_clean_files_round_trip(tmp_path):
    given = clean_frames()
    store.save_clean(tmp_path, **given)
    back = store.load_clean(tmp_path)
    assert set(back) == {"events", "reports", "figures", "victims", "sources", "problems",
                         "run", "previous"}
    # Parquet keeps types: nullable integers with their missing highs, dates.
    pd.testing.assert_frame_equal(back["events"], given["events"], check_dtype=False)
    assert back["previous"] is None  # no previous period was written
    assert back["events"]["high"].isna().tolist() == [False, True]
    assert back["events"]["event_date"].dtype.kind == "M"
    pd.testing.assert_frame_equal(back["figures"], given["figures"], check_dtype=False)
    # CSV tables come back as text, neutralised formulas restored, empty cells "".
    assert back["sources"].to_dict("list") == given["sources"].to_dict("list")
    assert back["problems"].columns.tolist() == list(store.PROBLEM_COLUMNS)
    assert back["problems"].values.tolist() == [
        ["incidents.csv", "14", "province", "Blochistan", "is not a province of this country",
         "did you mean 'Balochistan'?", "error"],
        ["incidents.csv", "3", "killed_total", "=25", "is below", "", "warning"]]
    # run.json: JSON, with dates written as text.
    assert back["run"] == {"dataset": "native", "filters": {"start": "2024-08-01"},
                           "n_errors": 1}


def test_audit_is_written_neutralised_and_read_as_text(tmp_path):
    store.save_clean(tmp_path, **clean_frames())
    assert raw_cells(tmp_path / "out" / "audit.csv")["reason"] == ["'-"]
    audit = store.load_audit(tmp_path)
    assert audit.columns.tolist() == ["file", "line", "rows", "event_id", "source_id", "fate",
                                      "reason"]
    assert audit.iloc[0]["line"] == "2"  # text, as every audit cell


def test_no_problems_is_an_empty_table_with_its_columns(tmp_path):
    store.save_clean(tmp_path, **{**clean_frames(), "problems": []})
    assert (tmp_path / "clean" / "problems.csv").read_text(encoding="utf-8") == \
        "file,line,column,value,message,fix,severity\n"
    p = store.load_clean(tmp_path)["problems"]
    assert p.columns.tolist() == list(store.PROBLEM_COLUMNS) and p.empty


def test_folders_of_a_work_folder(tmp_path, monkeypatch):
    assert store.clean_dir(tmp_path) == tmp_path / "clean"
    assert store.out_dir(tmp_path) == tmp_path / "out"
    # A relative work folder is taken from the repository root, wherever we run.
    monkeypatch.chdir(tmp_path)
    assert store.clean_dir("build/report") == ROOT / "build" / "report" / "clean"
    assert store.out_dir("build/report") == ROOT / "build" / "report" / "out"


# --- save_tables / load_tables ------------------------------------------------------------

def tables() -> dict[str, pd.DataFrame]:
    out = {name: pd.DataFrame({"x": ["a"]}) for name in store.TABLES}
    out["casualties"] = pd.DataFrame({
        "province_code": ["PK-BA", "PK-SD"], "province": ["Balochistan", "Sindh"],
        "low": pd.array([5, 1200], dtype="Int64"), "best": pd.array([6, 1250], dtype="Int64"),
        "high": pd.array([8, None], dtype="Int64")})
    out["incidents"] = pd.DataFrame({
        "event_id": ["007", "12"], "event_date": ["2024-08-26", "2024-08-27"],
        "latitude": [29.5, 30.0], "longitude": [66.0, 67.25],
        "district": ["Kalat", "123"], "best": [1.5, 2.0]})
    out["claims"] = pd.DataFrame({"claimed": ["70", "over 50"], "claimed_low": [70, 51],
                                  "counted_high": pd.array([None, None], dtype="Int64")})
    out["report_figures"] = pd.DataFrame({
        "said": ["=40", "-5"], "notes": ["@ISPR said", "'quoted'"], "text": ["1", "2"],
        "line": [2, 3]})
    return out


def test_save_tables_writes_one_csv_per_table(tmp_path):
    store.save_tables(tmp_path, tables())
    assert sorted(p.name for p in (tmp_path / "out" / "tables").iterdir()) == \
        sorted(f"{name}.csv" for name in store.TABLES)


def test_load_tables_types_numbers_and_keeps_text(tmp_path):
    store.save_tables(tmp_path, tables())
    t = store.load_tables(tmp_path)
    assert set(t) == set(store.TABLES)
    c = t["casualties"]
    # Whole numbers come back as nullable integers, an empty high as missing.
    assert str(c["low"].dtype) == "Int64" and c["low"].tolist() == [5, 1200]
    assert c["high"].iloc[0] == 8 and pd.isna(c["high"].iloc[1])
    assert c["province_code"].tolist() == ["PK-BA", "PK-SD"]
    inc = t["incidents"]
    # Ids and dates stay text even when they look like numbers ("007" keeps its zeros).
    assert inc["event_id"].tolist() == ["007", "12"]
    assert inc["event_date"].tolist() == ["2024-08-26", "2024-08-27"]
    # Coordinates are floats even when whole; other fractions are floats too.
    assert inc["latitude"].dtype.kind == "f" and inc["latitude"].tolist() == [29.5, 30.0]
    assert inc["best"].tolist() == [1.5, 2.0] and inc["best"].dtype.kind == "f"
    # A column with any text in it stays text, numbers-as-text included.
    assert inc["district"].tolist() == ["Kalat", "123"]
    # What a source said stays as said; its numbers are typed beside it.
    cl = t["claims"]
    assert cl["claimed"].tolist() == ["70", "over 50"]
    assert cl["claimed_low"].tolist() == [70, 51]
    # A column with no value at all stays text, "" when empty.
    assert cl["counted_high"].tolist() == ["", ""]


def test_load_tables_restores_neutralised_text(tmp_path):
    store.save_tables(tmp_path, tables())
    raw = raw_cells(tmp_path / "out" / "tables" / "report_figures.csv")
    assert raw["said"] == ["'=40", "'-5"] and raw["notes"] == ["'@ISPR said", "'quoted'"]
    rf = store.load_tables(tmp_path)["report_figures"]
    # The apostrophes written before = and - and @ are gone again; an apostrophe the text
    # itself begins with (before a letter) is kept; "said" and "text" stay text.
    assert rf["said"].tolist() == ["=40", "-5"]
    assert rf["notes"].tolist() == ["@ISPR said", "'quoted'"]
    assert rf["text"].tolist() == ["1", "2"]
    assert rf["line"].tolist() == [2, 3]


def test_text_beginning_with_an_apostrophe_and_a_formula_sign_round_trips(tmp_path):
    t = tables()
    t["report_figures"] = pd.DataFrame({"notes": ["'=x is how Excel shows text", "'-5"]})
    store.save_tables(tmp_path, t)
    assert store.load_tables(tmp_path)["report_figures"]["notes"].tolist() == \
        ["'=x is how Excel shows text", "'-5"]


def test_save_title(tmp_path):
    store.save_title(tmp_path, "Balochistan, 25\u201326 August 2024 <draft>")
    assert json.loads((tmp_path / "briefing.json").read_text(encoding="utf-8")) == \
        {"title": "Balochistan, 25\u201326 August 2024 <draft>"}
