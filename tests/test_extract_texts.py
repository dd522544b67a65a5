"""Tests for sitrep.extract.texts: the SEEDS folder, the source header and SEEDS/sources.csv."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.extract import extract_figures, run_extract
from sitrep.extract.texts import SourceError, read_documents, read_reports

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_1a76105c3b426e2f.txt"
HEADER = ("Publisher: Test Wire\nPublished: 2024-08-26\n"
          "Headline: 40 killed in attacks, 23 of them civilians\nURL: https://example.org/a\n"
          "source-type: Media\nSource ID: wire-1\n\n")
BODY = "QUETTA: Gunmen killed five soldiers on Monday. Two civilians were injured."


def _seeds(tmp_path, **files: str) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name.replace("__", ".")).write_text(text, encoding="utf-8")
    return folder


def test_the_header_gives_the_source_and_is_blanked_in_the_text(tmp_path):
    seeds = _seeds(tmp_path, a__txt=HEADER + BODY)
    report = read_documents(seeds)["a.txt"]
    assert report.source == {"publisher": "Test Wire", "published": "2024-08-26",
                             "title": "40 killed in attacks, 23 of them civilians",
                             "url": "https://example.org/a", "source_type": "media",
                             "source_id": "wire-1"}
    assert report.said_at["published"] == "a.txt:2"
    assert len(report.text) == len(HEADER + BODY)
    assert report.text.count("\n") == (HEADER + BODY).count("\n")
    assert report.text[:len(HEADER)].strip() == "" and report.body == BODY
    assert read_reports(seeds)["a.txt"] == report.text


def test_offsets_count_the_files_characters_and_the_headline_is_not_read(tmp_path):
    raw = HEADER + SEED.read_text(encoding="utf-8")
    seeds = _seeds(tmp_path, a__txt=raw)
    run_extract(seeds, tmp_path / "out")
    import pandas as pd
    cands = pd.read_csv(tmp_path / "out" / "candidates.csv")
    plain = extract_figures(SEED.read_text(encoding="utf-8"), "a.txt")
    # The headline's "40 killed" is no figure; the body's figures are the plain text's.
    assert list(cands["low"]) == list(plain["low"])
    assert list(cands["start"]) == [s + len(HEADER) for s in plain["start"]]
    for start, end in zip(cands["start"], cands["end"]):
        assert raw[start:end] == SEED.read_text(encoding="utf-8")[start - len(HEADER):
                                                                    end - len(HEADER)]


def test_a_fenced_header_and_no_header(tmp_path):
    seeds = _seeds(tmp_path, a__txt="---\nPublisher: Dawn\n\nDate: 2024-08-27\n---\n" + BODY,
                   b__txt=BODY, c__txt="Publisher: Dawn\n---\n" + BODY)
    docs = read_documents(seeds)
    assert docs["a.txt"].source["published"] == "2024-08-27" and docs["a.txt"].body == BODY
    assert docs["c.txt"].body == BODY
    # A dateline is report text, not a header; the defaults: the file name and media.
    assert docs["b.txt"].text == BODY
    assert docs["b.txt"].source == {"source_id": "b", "source_type": "media"}


@pytest.mark.parametrize("written", ["26 August 2024", "Aug 26, 2024", "Monday, 26 August 2024",
                                     "26 Aug. 2024", "August 26 2024", " 2024-08-26 "])
def test_a_date_with_its_month_named_is_read_as_iso(tmp_path, written):
    """A page's printed date pasted as it stands is unambiguous; sitrep writes it ISO."""
    seeds = _seeds(tmp_path, a__txt=f"Publisher: Dawn\nDate: {written}\n\n" + BODY)
    assert read_documents(seeds)["a.txt"].source["published"] == "2024-08-26"


@pytest.mark.parametrize("text, message", [
    ("Publisher: Dawn\nGunmen killed five soldiers.", "a.txt:2: 'Gunmen killed five"),
    ("Publisher: Dawn\nPublished: 26/08/2024\n\n" + BODY,
     "a.txt:2: published date '26/08/2024' is not a date sitrep can read"),
    ("Date: 2024-02-30\n\n" + BODY, "a.txt:1: published date '2024-02-30' is not a date"),
    ("Publisher: Dawn\nPublisher: Dawn\n\n" + BODY, "a.txt:2: publisher is given twice"),
    ("Source type: blog\n\n" + BODY, "a.txt:1: source type 'blog' is not one of"),
    ("Publisher: Dawn\nURL: https://x", "a.txt: the header never ends"),
    # A misspelt first key: the block holds other keys, so it is a header with a bad line.
    ("Publsher: Dawn\nPublished: 2024-08-26\n\n" + BODY, "a.txt:1: 'Publsher: Dawn' is not "
                                                          "a header line"),
])
def test_header_errors_name_the_file_and_line(tmp_path, text, message):
    with pytest.raises(SourceError, match=message.replace("(", r"\(")):
        read_documents(_seeds(tmp_path, a__txt=text))


def test_sources_csv_beside_the_texts(tmp_path):
    seeds = _seeds(tmp_path, a__txt=HEADER + BODY, b__txt=BODY,
                   sources__csv="document,source_id,publisher,published,title,url,source_type\n"
                                "b.txt,dawn-1,Dawn,2024-08-27,Five soldiers killed,,media\n"
                                "a.txt,,,2024-08-26,,,\n")
    docs = read_documents(seeds)
    assert docs["b.txt"].source["source_id"] == "dawn-1"
    assert docs["b.txt"].source["title"] == "Five soldiers killed"
    assert docs["a.txt"].source["publisher"] == "Test Wire"  # both agree on the date


def test_header_and_sources_csv_disagreeing_name_both(tmp_path):
    seeds = _seeds(tmp_path, a__txt=HEADER + BODY,
                   sources__csv="document,published\na.txt,2024-08-25\n")
    with pytest.raises(SourceError) as err:
        read_documents(seeds)
    assert str(err.value).startswith("a.txt:2 says published '2024-08-26' but sources.csv:2 "
                                     "says '2024-08-25'")


@pytest.mark.parametrize("csv_text, message", [
    ("document,published\nz.txt,2024-08-25\n", "sources.csv:2: document 'z.txt' is not"),
    ("file,published\na.txt,2024-08-25\n", "sources.csv:1: no 'document' column"),
    ("document,date\na.txt,2024-08-25\n", "sources.csv:1: unknown column"),
    ("document,published\na.txt,2024-08-25\na.txt,2024-08-25\n",
     "sources.csv:3: document 'a.txt' is already listed at sources.csv:2"),
])
def test_sources_csv_errors(tmp_path, csv_text, message):
    with pytest.raises(SourceError, match=message):
        read_documents(_seeds(tmp_path, a__txt=BODY, sources__csv=csv_text))


def test_a_text_not_in_utf8_is_named_not_a_traceback(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_bytes((HEADER + BODY + "\nGunmen \u2014 fled.").encode("cp1252"))
    with pytest.raises(SourceError, match=r"a.txt:9: is not UTF-8 \(byte \d+: b'\\x97'\) - "
                                          "save the text as UTF-8"):
        read_documents(seeds)


def test_a_header_after_a_byte_order_mark_is_read_and_offsets_kept(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    raw = "\ufeff" + HEADER.replace("\n", "\r\n") + BODY
    (seeds / "a.txt").write_bytes(raw.encode("utf-8"))
    report = read_documents(seeds)["a.txt"]
    assert report.source["publisher"] == "Test Wire" and report.body == BODY
    assert len(report.text) == len(raw) and report.text.strip() == BODY
