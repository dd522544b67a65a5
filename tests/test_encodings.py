"""Issue 4, encodings: the same incident log saved as UTF-8, UTF-8 with a byte-order mark,
Windows-1252 or XLSX gives the same reconciled events and tables, with accented names and en
dashes intact.

The CSV variants are real files under tests/fixtures/encodings (the base log of
tests/fixtures/bad/base re-encoded with CRLF line ends, as Excel writes them); the workbooks are
written here with openpyxl, with numbers and dates typed as a spreadsheet stores them.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from sitrep import clean
from sitrep.clean.filters import make_filters
from sitrep.problems import InputError, errors
from sitrep.clean.readers.native import read_native
from sitrep.clean.reconcile import reconcile
from sitrep.schema import REPORT_COLUMNS
from sitrep.tabulate.tables import casualties, victims_by_home_province

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "bad" / "base"
ENC = FIXTURES / "encodings"
FILES = ("incidents", "sources", "victims")
TODAY = dt.date(2025, 6, 30)

LOCATION = "Café Müller, Sariab Road"
NOTE = "Blast outside a bakery on the Quetta \u2013 Sibi road; the owner\u2019s son among the injured."
TITLE = "[Report on the blast outside Café Müller]"


def read(path: Path):
    return read_native(path, make_filters(), today=TODAY)


def csv_rows(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def typed(column: str, value: str):
    """A cell as a spreadsheet stores it: empty, a whole number, a date, or text."""
    if value == "":
        return None
    if column in ("event_date", "published") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.datetime.strptime(value, "%Y-%m-%d")
    if re.fullmatch(r"\d+", value):
        return int(value)
    return value


def fill(ws, rows: list[list[str]]) -> None:
    header = rows[0]
    ws.append(header)
    for r in rows[1:]:
        ws.append([typed(h, v) for h, v in zip(header, r)])


def workbook(dest: Path, folder: Path = BASE) -> Path:
    """One workbook with the sheets incidents, sources and victims."""
    wb = Workbook()
    wb.remove(wb.active)
    for name in FILES:
        fill(wb.create_sheet(name), csv_rows(folder / f"{name}.csv"))
    wb.save(dest)
    return dest


def incidents_xlsx_beside_csv(dest: Path) -> Path:
    """incidents.xlsx (one sheet) in a folder with sources.csv and victims.csv."""
    dest.mkdir()
    wb = Workbook()
    fill(wb.active, csv_rows(BASE / "incidents.csv"))
    wb.active.title = "Sheet1"
    wb.save(dest / "incidents.xlsx")
    for name in ("sources", "victims"):
        shutil.copy(BASE / f"{name}.csv", dest / f"{name}.csv")
    return dest


def mixed(dest: Path) -> Path:
    """Each file in its own encoding: incidents Windows-1252, sources BOM, victims plain."""
    dest.mkdir()
    shutil.copy(ENC / "cp1252" / "incidents.csv", dest / "incidents.csv")
    shutil.copy(ENC / "utf8_bom" / "sources.csv", dest / "sources.csv")
    shutil.copy(BASE / "victims.csv", dest / "victims.csv")
    return dest


VARIANTS = {
    "utf8-bom": lambda tmp: ENC / "utf8_bom",
    "cp1252": lambda tmp: ENC / "cp1252",
    "mixed": lambda tmp: mixed(tmp / "mixed"),
    "xlsx-workbook": lambda tmp: workbook(tmp / "log.xlsx"),
    "xlsx-incidents": lambda tmp: incidents_xlsx_beside_csv(tmp / "xlsx_folder"),
}


@pytest.fixture(scope="module")
def base():
    r = read(BASE)
    assert r.problems == []
    return r


@pytest.fixture(params=list(VARIANTS))
def variant(request, tmp_path):
    return VARIANTS[request.param](tmp_path)


def test_fixture_files_are_the_base_log_re_encoded():
    for name in FILES:
        text = (BASE / f"{name}.csv").read_text(encoding="utf-8").replace("\n", "\r\n")
        assert (ENC / "utf8_bom" / f"{name}.csv").read_bytes() == \
            b"\xef\xbb\xbf" + text.encode("utf-8")
        assert (ENC / "cp1252" / f"{name}.csv").read_bytes() == text.encode("cp1252")
    raw = (ENC / "cp1252" / "incidents.csv").read_bytes()
    for bytes_ in (b"Quetta \x96 Sibi", b"Caf\xe9 M\xfcller", b"owner\x92s"):
        assert bytes_ in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


def test_base_log_holds_the_accented_text(base):
    assert LOCATION in set(base.reports["location"])
    assert NOTE in set(base.reports["notes"])
    assert TITLE in set(base.sources["title"])


def test_every_encoding_gives_the_same_tables_and_text(variant, base):
    r = read(variant)
    assert r.problems == []
    events, base_events = reconcile(r.reports, r.figures), reconcile(base.reports, base.figures)
    pd.testing.assert_frame_equal(events, base_events)
    pd.testing.assert_frame_equal(casualties(events), casualties(base_events))
    pd.testing.assert_frame_equal(victims_by_home_province(r.victims, events, r.reports),
                                  victims_by_home_province(base.victims, base_events, base.reports))
    same = [c for c in REPORT_COLUMNS if c not in ("report_id", "file")]
    pd.testing.assert_frame_equal(r.reports[same], base.reports[same])
    pd.testing.assert_frame_equal(r.sources, base.sources)
    assert LOCATION in set(r.reports["location"])
    assert NOTE in set(r.reports["notes"])
    assert TITLE in set(r.sources["title"])
    cols = ["line", "rows", "event_id", "source_id", "fate", "reason"]
    assert r.audit[cols].astype(str).values.tolist() == base.audit[cols].astype(str).values.tolist()


def test_auto_format_reads_every_encoding_as_the_native_log(variant, base):
    r = clean.read(variant, "auto", make_filters())
    assert r.dataset == base.dataset
    assert r.method[0] == "Format recognised from the header: Incident log."
    assert len(r.reports) == len(base.reports)


@pytest.mark.parametrize("folder,encoding", [
    (BASE, "UTF-8"), (ENC / "utf8_bom", "UTF-8 with byte-order mark"),
    (ENC / "cp1252", "Windows-1252")])
def test_the_encoding_read_is_stated(folder, encoding):
    # victims.csv is plain ASCII, which is valid UTF-8 whatever the program that saved it
    victims = "UTF-8 with byte-order mark" if "byte-order" in encoding else "UTF-8"
    assert read(folder).method == [f"Read incidents.csv ({encoding}).",
                                   f"Read sources.csv ({encoding}).",
                                   f"Read victims.csv ({victims})."]


def test_workbook_is_read_directly_and_stated(tmp_path):
    r = read(workbook(tmp_path / "log.xlsx"))
    assert r.files == ["log.xlsx[incidents]", "log.xlsx[sources]", "log.xlsx[victims]"]
    assert r.method == [f"Read log.xlsx[{n}] (XLSX)." for n in FILES]


def test_problems_in_a_cp1252_file_are_located_and_shown_intact(tmp_path):
    """A fault in a Windows-1252 file: right line, and the accented value shown as typed."""
    folder = tmp_path / "cp"
    shutil.copytree(ENC / "cp1252", folder)
    path = folder / "incidents.csv"
    raw = path.read_bytes()
    assert raw.count(b",Balochistan,Quetta,") == 2  # lines 4 and 5
    path.write_bytes(raw.replace(b",Balochistan,Quetta,", b",Quetta \x96 Sibi,Quetta,", 1))
    [p] = errors(read(folder).problems)
    assert (p.file, p.line, p.column, p.value) == \
        ("incidents.csv", 4, "province", "Quetta \u2013 Sibi")
    assert str(p).startswith("incidents.csv:4: column 'province': value 'Quetta \u2013 Sibi': ")


def test_problems_in_a_workbook_name_the_sheet_and_its_row(tmp_path):
    """Rows are the sheet's row numbers, an empty row included, as the spreadsheet shows them."""
    rows = csv_rows(BASE / "incidents.csv")
    rows[3][rows[0].index("province")] = "Blochistan"  # sheet row 4 ...
    wb = Workbook()
    wb.remove(wb.active)
    fill(wb.create_sheet("incidents"), rows[:2])
    wb["incidents"].append([])  # ... pushed down to row 5 by an empty row 3
    for r in rows[2:]:
        wb["incidents"].append([typed(h, v) for h, v in zip(rows[0], r)])
    for name in ("sources", "victims"):
        fill(wb.create_sheet(name), csv_rows(BASE / f"{name}.csv"))
    wb.save(tmp_path / "log.xlsx")
    r = read(tmp_path / "log.xlsx")
    [p] = errors(r.problems)
    assert str(p).startswith("log.xlsx[incidents]:5: column 'province': value 'Blochistan': "
                             "is not a province of this country - did you mean 'Balochistan'?")
    assert sorted(r.audit.loc[r.audit["file"] == "log.xlsx[incidents]", "line"]) == \
        [2, 4, 5, 6, 7, 8, 9, 10]


def test_workbook_without_a_sources_sheet_is_an_input_error(tmp_path):
    wb = Workbook()
    fill(wb.active, csv_rows(BASE / "incidents.csv"))
    wb.active.title = "incidents"
    wb.save(tmp_path / "log.xlsx")
    with pytest.raises(InputError, match=r"^log\.xlsx: has no 'sources' sheet - add one"):
        read(tmp_path / "log.xlsx")


@pytest.mark.parametrize("fmt", ["auto", "native"])
def test_a_corrupt_workbook_is_an_input_error(tmp_path, fmt):
    (tmp_path / "log.xlsx").write_text("event_id,source_id\nnot a workbook\n")
    with pytest.raises(InputError, match="log.xlsx"):
        clean.read(tmp_path / "log.xlsx", fmt, make_filters())


# --- issue 17: what Excel's other "Save as" choices write -----------------------------------

def resaved(src: Path, dest: Path, sep: str, encoding: str, bom: bytes = b"") -> Path:
    """``src`` as Excel's "Unicode text" (UTF-16 with its byte-order mark, tab-separated) or a
    European "CSV" (semicolons) writes it: CRLF line ends, cells quoted only when needed."""
    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="\r\n").writerows(csv_rows(src))
    dest.write_bytes(bom + out.getvalue().encode(encoding))
    return dest


SAVED_AS = {
    "utf16-tab": ("\t", "utf-16-le", codecs.BOM_UTF16_LE, "UTF-16, tab-separated"),
    "utf16be-tab": ("\t", "utf-16-be", codecs.BOM_UTF16_BE, "UTF-16, tab-separated"),
    "semicolon": (";", "utf-8", b"", "UTF-8, semicolon-separated"),
    "semicolon-cp1252": (";", "cp1252", b"", "Windows-1252, semicolon-separated"),
    "tab": ("\t", "utf-8", b"", "UTF-8, tab-separated"),
}


@pytest.mark.parametrize("kind", list(SAVED_AS))
def test_a_log_saved_as_unicode_text_or_with_semicolons_reads_as_the_base(tmp_path, base, kind):
    sep, encoding, bom, said = SAVED_AS[kind]
    folder = tmp_path / kind
    shutil.copytree(BASE, folder)
    for name in FILES:
        resaved(BASE / f"{name}.csv", folder / f"{name}.csv", sep, encoding, bom)
    r = read(folder)
    assert r.problems == []
    same = [c for c in REPORT_COLUMNS if c not in ("report_id", "file")]
    pd.testing.assert_frame_equal(r.reports[same], base.reports[same])
    assert NOTE in set(r.reports["notes"]) and LOCATION in set(r.reports["location"])
    assert r.method[0] == f"Read incidents.csv ({said})."
    assert clean.read(folder, "auto", make_filters()).dataset == base.dataset


def test_a_comma_in_a_semicolon_file_is_text_and_a_stray_separator_is_named(tmp_path):
    folder = tmp_path / "semi"
    shutil.copytree(BASE, folder)
    path = resaved(BASE / "incidents.csv", folder / "incidents.csv", ";", "utf-8")
    text = path.read_bytes().decode("utf-8")
    assert "Café Müller, Sariab Road" in text  # a comma needs no quotes here
    lines = text.split("\r\n")
    lines[3] = lines[3].replace("Sariab Road", "Sariab; Road", 1)
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    found = errors(read(folder).problems)
    assert {p.line for p in found} == {4}  # the shifted cells fail too; the row is named
    [p] = [p for p in found if p.column == "(row)"]
    assert p.fix == "put text that contains semicolons in double quotes"


EXPORT = FIXTURES / "acled" / "acled_pakistan.csv"


@pytest.mark.parametrize("kind", ["utf16-tab", "utf16be-tab", "semicolon", "tab"])
def test_an_export_saved_as_unicode_text_or_with_semicolons_reads_as_the_original(tmp_path,
                                                                                  kind):
    sep, encoding, bom, said = SAVED_AS[kind]
    path = resaved(EXPORT, tmp_path / "acled.csv", sep, encoding, bom)
    f = make_filters(country="Pakistan")
    got, original = clean.read(path, "auto", f), clean.read(EXPORT, "auto", f)
    same = [c for c in REPORT_COLUMNS if c not in ("report_id", "file")]
    pd.testing.assert_frame_equal(got.reports[same], original.reports[same])
    pd.testing.assert_frame_equal(got.figures.drop(columns="report_id"),
                                  original.figures.drop(columns="report_id"))
    assert f"Read acled.csv as {said} text" in got.method[1]


def test_a_one_megabyte_note_is_read(tmp_path):
    """The csv module stops at 128 KiB cells by default; a note may hold a whole article."""
    folder = tmp_path / "long"
    shutil.copytree(BASE, folder)
    rows = csv_rows(BASE / "incidents.csv")
    article = ("The attackers stopped the bus on the highway. " * 22000)[:1_000_000]
    rows[6][rows[0].index("notes")] = article
    with open(folder / "incidents.csv", "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    r = read(folder)
    assert r.problems == []
    assert r.reports.loc[r.reports["line"] == 7, "notes"].tolist() == [article]


def test_a_one_megabyte_note_in_an_export_is_read(tmp_path):
    rows = list(csv.reader(open(EXPORT, encoding="utf-8", newline="")))
    rows[3][rows[0].index("notes")] = "x" * 1_000_000
    path = tmp_path / "acled.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    f = make_filters(country="Pakistan")
    assert len(clean.read(path, "acled", f).reports) == len(clean.read(EXPORT, "acled", f).reports)
