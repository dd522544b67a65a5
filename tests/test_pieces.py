"""Reading a CSV in pieces (sitrep/clean/readers/pieces.py) gives what reading it whole gives."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pytest

from sitrep import clean
from sitrep.clean.filters import make_filters
from sitrep.problems import InputError
from sitrep.clean.readers import export, pieces

HEADER = ["event_id_cnty", "event_date", "event_type", "country", "admin1", "admin2", "notes",
          "fatalities"]
PLACES = [("Pakistan", "Balochistan", "Quetta"), ("Pakistan", "Sindh", "Karachi"),
          ("Afghanistan", "Kabul", "Kabul"), ("Pakistan", "Balochistan", "Kech")]


def export_text(rows: int, note=lambda i: f'Report {i}: "quoted", with\na line break') -> str:
    """An ACLED-shaped export whose notes hold quotes, commas and line breaks."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(HEADER)
    for i in range(rows):
        country, province, district = PLACES[i % len(PLACES)]
        w.writerow([f"E{i}", "2024-08-26", "Battles", country, province, district, note(i),
                    i % 5])
    return out.getvalue()


@pytest.fixture
def split(monkeypatch):
    """Any file is read in pieces (not only files of 64 MB and more)."""
    monkeypatch.setattr(pieces, "MIN_BYTES", 0)

    def parts(n: int) -> None:
        monkeypatch.setattr(pieces, "cores", lambda: n)
    parts(2)
    return parts


def read(path: Path, **filters):
    return clean.read(path, "acled", make_filters(**filters))


def read_whole(path: Path, monkeypatch, **filters):
    with monkeypatch.context() as m:
        m.setattr(pieces, "cores", lambda: 1)
        return read(path, **filters)


def same(a, b) -> None:
    for name in ("reports", "figures", "audit"):
        pd.testing.assert_frame_equal(getattr(a, name).reset_index(drop=True),
                                      getattr(b, name).reset_index(drop=True))


def assert_read_whole_after_pieces(path: Path, monkeypatch, rows: int) -> None:
    """Reading ``path`` tries pieces, finds a piece wrong, reads the file whole, and gets what
    a whole read gets."""
    wholes = []
    source = export.sources.csv_source
    monkeypatch.setattr(export.sources, "csv_source",
                        lambda *a, **k: wholes.append(k.get("whole")) or source(*a, **k))
    monkeypatch.setattr(export.sources, "BLOCK_SIZE", 8192)
    got = read(path, country="Pakistan")
    assert wholes == [None, True]
    same(got, read_whole(path, monkeypatch, country="Pakistan"))
    assert got.audit["rows"].sum() == rows


def test_cuts_fall_at_record_starts_even_inside_multiline_notes(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text(export_text(500), encoding="utf-8")
    data = path.read_bytes()
    start = pieces.header_end(path)
    assert data[:start].decode().rstrip("\n") == ",".join(HEADER)
    cuts = pieces.cut_points(path, 4, start)
    assert len(cuts) == 3 and cuts == sorted(cuts)
    for cut in cuts:
        # the quotes before a record start are even in number, and a record starts there
        assert data[:cut].count(b'"') % 2 == 0
        assert data[cut:cut + 1] == b"E"


def test_pieces_give_the_rows_in_order_with_their_record_index(tmp_path, split):
    path = tmp_path / "e.csv"
    path.write_text(export_text(1000), encoding="utf-8")
    options = (pacsv.ReadOptions(block_size=4096), pacsv.ParseOptions(newlines_in_values=True),
               pacsv.ConvertOptions(column_types={c: pa.string() for c in HEADER}))
    got = list(pieces.read_pieces(path, *options,
                                  each=lambda b, first: (b, first), parts=3))
    assert {k for k, _ in got} == {0, 1, 2}
    whole = pacsv.read_csv(path, parse_options=options[1], convert_options=options[2])
    rows = pa.Table.from_batches([b for _, (b, _) in got])
    assert rows.equals(whole)
    # ``first`` counts the records of its piece before the batch
    for k in (0, 1, 2):
        firsts = [first for piece, (b, first) in got if piece == k]
        sizes = [b.num_rows for piece, (b, _) in got if piece == k]
        assert firsts == list(np.cumsum([0] + sizes[:-1]))


@pytest.mark.parametrize("parts", [2, 3])
def test_an_export_read_in_pieces_reads_as_when_read_whole(tmp_path, monkeypatch, split, parts):
    split(parts)
    path = tmp_path / "acled.csv"
    path.write_text(export_text(2000), encoding="utf-8")
    monkeypatch.setattr(export.sources, "BLOCK_SIZE", 8192)
    got = read(path, country="Pakistan", province="Balochistan")
    whole = read_whole(path, monkeypatch, country="Pakistan", province="Balochistan")
    same(got, whole)
    kept = got.audit[got.audit["fate"] == "kept"]
    assert len(kept) == 1000 and kept["line"].tolist() == sorted(kept["line"])
    # lines are records + 2, whatever line breaks the notes hold: E{i} is on line i + 2
    assert (kept["line"] == kept["event_id"].str[1:].astype(int) + 2).all()
    assert got.audit["rows"].sum() == 2000


def test_a_stray_quote_in_an_unquoted_cell_still_reads_right(tmp_path, monkeypatch, split):
    # 'a 5" pipe' is a literal quote to a CSV reader but upsets the quote count; wherever that
    # puts the cut, the rows must come out as when the file is read whole.
    path = tmp_path / "acled.csv"
    text = export_text(3000, note=lambda i: f"Report {i}, a " + ('5" pipe' if i == 7 else
                                                                 '"x"" y"'))
    path.write_text(text.replace('"Report 7, a 5"" pipe"', 'Report 7 a 5" pipe'),
                    encoding="utf-8")
    assert b'Report 7 a 5" pipe' in path.read_bytes()
    monkeypatch.setattr(export.sources, "BLOCK_SIZE", 8192)
    got = read(path, country="Pakistan")
    same(got, read_whole(path, monkeypatch, country="Pakistan"))
    assert got.audit["rows"].sum() == 3000


def test_a_cut_inside_a_quoted_cell_is_caught_and_the_file_read_whole(tmp_path, monkeypatch,
                                                                       split):
    # One stray quote makes every line break inside a quoted note look like a record start, so
    # the cut lands inside a note; the pieces then fail to read and the file is read whole.
    path = tmp_path / "acled.csv"
    text = export_text(3000)
    path.write_text(text.replace("E7,2024-08-26,Battles", 'E7,2024-08-26,Bat"tles'),
                    encoding="utf-8")
    assert_read_whole_after_pieces(path, monkeypatch, 3000)


def test_a_cut_inside_a_last_column_note_that_parses_cleanly_is_caught(tmp_path, monkeypatch,
                                                                        split):
    # The worst case for a cut: a stray quote upsets the count, the multi-line note is the
    # last column (so the piece before the cut ends in an open quote, which CSV readers accept)
    # and the note's second line has as many cells as a record. Only the record added after
    # each piece shows that the cut was inside the note.
    header = [c for c in HEADER if c != "notes"] + ["notes"]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for i in range(3000):
        country, province, district = PLACES[i % len(PLACES)]
        w.writerow([f"E{i}", "2024-08-26", "Battles", country, province, district, i % 5,
                    f"Report {i}\nkilled in A, B, C, D, E, F, G, H"])
    path = tmp_path / "acled.csv"
    path.write_text(out.getvalue().replace("E7,2024-08-26,Battles", 'E7,2024-08-26,Bat"tles'),
                    encoding="utf-8")
    start = pieces.header_end(path)
    cut = pieces.cut_points(path, 2, start)[0]
    assert path.read_bytes()[cut:].startswith(b"killed in")  # the cut is inside a note
    assert_read_whole_after_pieces(path, monkeypatch, 3000)


def test_a_record_longer_than_a_piece_gives_one_cut_not_two(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text(export_text(3, note=lambda i: "x" * 5000 if i == 1 else "short"),
                    encoding="utf-8")
    cuts = pieces.cut_points(path, 7, pieces.header_end(path))
    assert cuts == sorted(set(cuts)) and len(cuts) <= 2


def test_filtered_rows_are_summed_in_the_filters_order_whatever_the_pieces(tmp_path,
                                                                           monkeypatch, split):
    path = tmp_path / "acled.csv"
    path.write_text(export_text(2000), encoding="utf-8")
    monkeypatch.setattr(export.sources, "BLOCK_SIZE", 4096)
    reasons = []
    for n in (1, 2, 3):
        monkeypatch.setattr(pieces, "cores", lambda n=n: n)
        audit = read(path, country="Pakistan", province="Sindh").audit
        reasons.append(audit.loc[audit["fate"] == "filtered", "reason"].tolist())
    assert reasons[0] == reasons[1] == reasons[2] == [
        "outside COUNTRY=Pakistan", "outside PROVINCE=Sindh"]


def test_a_bad_row_late_in_the_file_is_reported_at_its_line(tmp_path, monkeypatch, split):
    path = tmp_path / "acled.csv"
    lines = export_text(2000, note=lambda i: f"Report {i}").splitlines()
    lines[1901] += ",surplus"  # record 1900: line 1902
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(export.sources, "BLOCK_SIZE", 8192)
    with pytest.raises(InputError) as err:
        read(path, country="Pakistan")
    with pytest.raises(InputError) as whole:
        read_whole(path, monkeypatch, country="Pakistan")
    assert str(err.value) == str(whole.value)
    assert "acled.csv" in str(err.value) and "E1900" in str(err.value)


def test_latin1_pieces_read_as_latin1(tmp_path, monkeypatch, split):
    path = tmp_path / "gtd_like.csv"
    text = export_text(2000, note=lambda i: f"Report {i}").replace("Kech", "K\u00e9ch")
    path.write_bytes(text.encode("latin-1"))
    monkeypatch.setattr(export.sources, "BLOCK_SIZE", 8192)
    got = read(path, country="Pakistan")
    same(got, read_whole(path, monkeypatch, country="Pakistan"))
    assert got.audit["rows"].sum() == 2000
    assert any("ISO-8859-1" in m for m in got.method)


@pytest.mark.parametrize("sep", [";", "\t"])
def test_a_semicolon_or_tab_export_reads_in_pieces_as_when_read_whole(tmp_path, monkeypatch,
                                                                        split, sep):
    """The record added after each piece is written with the file's own separator."""
    rows = list(csv.reader(io.StringIO(export_text(2000), newline="")))
    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="\n").writerows(rows)
    path = tmp_path / "acled.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    monkeypatch.setattr(export.sources, "BLOCK_SIZE", 8192)
    got = read(path, country="Pakistan")
    same(got, read_whole(path, monkeypatch, country="Pakistan"))
    assert got.audit["rows"].sum() == 2000 and (got.audit["fate"] != "rejected").all()
