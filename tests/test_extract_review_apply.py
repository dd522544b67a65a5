"""Tests for sitrep.extract.review.apply, .logfiles and .loop (``make extract-apply``): the
accepted figures into the log, rows already there skipped, conflicts refused, the log written
whole or not at all when make report's checks fail."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from conftest import load_script
from sitrep.extract import run_extract
from sitrep.extract.review.decisions import ReviewError
from sitrep.extract.review.loop import apply_review
from sitrep.schema import DRAFT_INCIDENT_COLUMNS, SOURCE_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("Publisher: Test Wire\nPublished: 2024-08-26\nHeadline: Soldiers killed in Kech\n\n"
        "QUETTA: Gunmen killed five soldiers in Kech district on Monday, police said. Two "
        "civilians were injured. The Baloch Liberation Army said it had killed 12 soldiers.\n")
# a.txt's event id: its file name and a hash of its text (header left out, spaces collapsed).
BODY = TEXT.split("\n\n", 1)[1]
A = "EXT-a~" + hashlib.sha256(" ".join(BODY.split()).encode()).hexdigest()[:8]


VALIDATE = load_script("extract_apply").validate_log


@pytest.fixture
def loop(tmp_path):
    """SEEDS with one report (and one nobody reviewed), its candidates, an empty log folder."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(TEXT, encoding="utf-8")
    (seeds / "b.txt").write_text("Three soldiers were killed in Quetta.", encoding="utf-8")
    run_extract(seeds, tmp_path / "cand")
    (tmp_path / "log").mkdir()
    return tmp_path


def _decide(base: Path, *decisions: str, **edits) -> None:
    """Write decisions into a.txt's rows in order; edits: {column: [value per row]}."""
    path = base / "cand" / "candidates.csv"
    cands = pd.read_csv(path, dtype=str, keep_default_na=False)
    rows = cands.index[cands["document"] == "a.txt"]
    cands.loc[rows, "decision"] = list(decisions)
    for column, values in edits.items():
        cands.loc[rows, column] = values
    cands.to_csv(path, index=False)


def _apply(base: Path, validate=VALIDATE) -> list[str]:
    return apply_review(base / "cand", base / "seeds", base / "log", base / "store", validate)


def _log(base: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(base / "log" / name, dtype=str, keep_default_na=False)


def test_accepted_figures_become_one_incident_with_its_source(loop):
    # The claim the extractor missed is corrected to claim = yes: out of the counts, in notes.
    _decide(loop, "accept", "accept", "accept", claim=["no", "no", "yes"])
    said = _apply(loop)
    inc = _log(loop, "incidents.csv")
    assert list(inc.columns) == list(DRAFT_INCIDENT_COLUMNS)
    row = inc.iloc[0]
    assert (row["event_id"], row["source_id"], row["event_date"]) == (A, "a", "2024-08-26")
    assert (row["province"], row["district"]) == ("Balochistan", "Kech")
    assert (row["killed_security_forces"], row["injured_civilians"]) == ("five", "two")
    assert row["notes"].startswith("From the reviewed extraction of a.txt (make extract-apply).")
    assert "claim, not counted: security_forces killed 12 - coded as source a-claim" in row["notes"]
    # ... and coded as the log codes a claim: its own source, the event's row, the figure.
    claim = inc.iloc[1]
    assert (claim["event_id"], claim["source_id"], claim["killed_security_forces"]) == (
        A, "a-claim", "12")
    assert claim["notes"].startswith("From the reviewed extraction of a.txt (make extract-apply). "
                                     "Perpetrator claim, shown apart and never counted.")
    assert len(inc) == 2
    assert row["notes"].endswith("event date: the report's publication date (the text gives "
                                 "no date)")
    src = _log(loop, "sources.csv")
    assert list(src.columns) == list(SOURCE_COLUMNS)
    assert src.iloc[0].tolist() == ["a", "Test Wire", "2024-08-26", "Soldiers killed in Kech",
                                    "", "media"]
    assert src.iloc[1].tolist() == ["a-claim", "Baloch Liberation Army claim, as reported by "
                                    "Test Wire", "2024-08-26", "Soldiers killed in Kech", "",
                                    "perpetrator_claim"]
    assert any("1 with no decision left out (b.txt)" in s for s in said)
    assert any("event date 2024-08-26, the date it was published" in s for s in said)


def test_applying_again_skips_what_the_log_holds(loop):
    _decide(loop, "accept", "accept", "reject")
    _apply(loop)
    before = {n: (loop / "log" / n).read_bytes() for n in ("incidents.csv", "sources.csv")}
    said = _apply(loop)
    assert {n: (loop / "log" / n).read_bytes() for n in before} == before
    assert any(f"incidents.csv:2: {A} from a is already there, alike: skipped" in s
               for s in said)
    assert any("nothing new to add" in s for s in said)


def test_new_rows_are_appended_below_the_log_untouched(loop, tmp_path):
    shipped = ROOT / "data" / "raw"
    for name in ("incidents.csv", "sources.csv", "victims.csv"):
        (loop / "log" / name).write_bytes((shipped / name).read_bytes())
    _decide(loop, "accept", "accept", "reject")
    _apply(loop)
    for name in ("incidents.csv", "sources.csv"):
        old = (shipped / name).read_bytes()
        new = (loop / "log" / name).read_bytes()
        assert new.startswith(old) and new.count(b"\n") == old.count(b"\n") + 1
    assert (loop / "log" / "victims.csv").read_bytes() == (shipped / "victims.csv").read_bytes()


def test_a_row_the_log_holds_with_other_figures_is_a_conflict(loop):
    _decide(loop, "accept", "accept", "reject")
    _apply(loop)
    _decide(loop, "accept", "accept", "reject", low=["6", "2", "12"], high=["6", "2", "12"])
    before = (loop / "log" / "incidents.csv").read_bytes()
    with pytest.raises(ReviewError) as err:
        _apply(loop)
    assert (f"incidents.csv:2: {A}/a is already in the log with killed_security_forces "
            "'five' (the review: '6')") in str(err.value)
    assert "nothing was written" in str(err.value)
    assert (loop / "log" / "incidents.csv").read_bytes() == before


def test_a_log_failing_make_reports_checks_is_left_as_it_was(loop):
    shipped = ROOT / "data" / "raw"
    for name in ("incidents.csv", "sources.csv", "victims.csv"):
        (loop / "log" / name).write_bytes((shipped / name).read_bytes())
    # A publication date in the future: the event date taken from it fails the date check.
    (loop / "seeds" / "a.txt").write_text(TEXT.replace("2024-08-26", "2999-01-01"),
                                          encoding="utf-8")
    _decide(loop, "accept", "accept", "reject")
    with pytest.raises(ReviewError) as err:
        _apply(loop)
    message = str(err.value)
    assert "make report's checks fail" in message and "nothing was written" in message
    assert "incidents.csv:54: column 'event_date': value '2999-01-01': lies in the future" \
        in message
    assert "sources.csv:26: column 'published'" in message
    for name in ("incidents.csv", "sources.csv", "victims.csv"):
        assert (loop / "log" / name).read_bytes() == (shipped / name).read_bytes()
    assert not list((loop / "log").glob(".*"))  # no temporary file left behind
    assert not (loop / "store").exists()


def test_errors_already_in_the_log_do_not_stop_the_rows_added(loop):
    _decide(loop, "accept", "accept", "reject")
    calls = []

    def validate(folder):
        calls.append(folder)
        return ["incidents.csv:9: an old problem"]
    (loop / "log" / "incidents.csv").write_text("event_id,source_id,event_date,country,"
                                                 "province\n", encoding="utf-8")
    (loop / "log" / "sources.csv").write_text("source_id,publisher,source_type\n",
                                              encoding="utf-8")
    _apply(loop, validate)
    assert len(calls) == 2 and calls[0] == loop / "log"  # the log as it is, then as it would be
    inc = _log(loop, "incidents.csv")
    # Columns the file lacked are added at its end for the values the review gives.
    assert list(inc.columns[:5]) == ["event_id", "source_id", "event_date", "country",
                                     "province"]
    assert inc.loc[0, "killed_security_forces"] == "five" and "notes" in inc.columns
    assert list(_log(loop, "sources.csv").columns) == ["source_id", "publisher", "source_type",
                                                       "published", "title"]


def test_a_report_with_no_date_anywhere_is_refused(loop):
    (loop / "seeds" / "a.txt").write_text(TEXT.replace("Published: 2024-08-26\n", ""),
                                          encoding="utf-8")
    _decide(loop, "accept", "reject", "reject")
    with pytest.raises(ReviewError, match="a.txt: the text gives no date and no publication "
                                          "date is given"):
        _apply(loop)
    assert not list((loop / "log").iterdir())


def test_a_date_in_the_text_is_the_event_date(loop):
    (loop / "seeds" / "a.txt").write_text(TEXT.replace("on Monday", "on 25 August 2024"),
                                          encoding="utf-8")
    run_extract(loop / "seeds", loop / "cand")
    _decide(loop, "accept", "reject", "reject")
    said = _apply(loop)
    row = _log(loop, "incidents.csv").iloc[0]
    assert row["event_date"] == "2024-08-25" and "publication date" not in row["notes"]
    assert not any("the date it was published" in s for s in said)


def test_all_rejected_writes_no_log_row(loop):
    _decide(loop, "reject", "reject", "reject")
    said = _apply(loop)
    assert not list((loop / "log").iterdir())
    assert any("0 accept, 3 reject, 0 add" in s for s in said)


def test_a_missing_log_folder_or_a_document_not_in_seeds(loop):
    _decide(loop, "accept", "reject", "reject")
    with pytest.raises(ReviewError, match="DATA=.*: no such folder"):
        apply_review(loop / "cand", loop / "seeds", loop / "nowhere", loop / "store", VALIDATE)
    (loop / "seeds" / "a.txt").unlink()
    with pytest.raises(ReviewError, match="candidates.csv:2: document 'a.txt' is not a .txt "
                                          "file in SEEDS"):
        _apply(loop)


def test_the_command_exits_2_with_the_problems(loop, capsys):
    _decide(loop, "acept", "reject", "reject")
    main = load_script("extract_apply").main
    args = ["--candidates", str(loop / "cand"), "--seeds", str(loop / "seeds"),
            "--data", str(loop / "log"), "--store", str(loop / "store")]
    assert main(args) == 2
    assert "candidates.csv:2: column 'decision': 'acept'" in capsys.readouterr().err
    _decide(loop, "accept", "reject", "reject")
    assert main(args) == 0
    assert f"incidents.csv: added {A} from a (a.txt)" in capsys.readouterr().out


def test_what_the_command_points_out(loop):
    (loop / "seeds" / "c.txt").write_text("Nothing happened here.", encoding="utf-8")
    (loop / "seeds" / "a.txt").write_text(TEXT.replace("Publisher: Test Wire\n", ""),
                                          encoding="utf-8")
    (loop / "log" / "incidents.csv").write_text(
        "event_id,source_id,event_date,country,province,killed_total\n"
        "OLD-1,a,2024-08-25,Pakistan,Balochistan,5\n", encoding="utf-8")
    (loop / "log" / "sources.csv").write_text("source_id,publisher,source_type\n",
                                              encoding="utf-8")
    _decide(loop, "accept", "reject", "reject")
    said = "\n".join(_apply(loop, lambda folder: []))
    # A report with no candidate row has no decision either.
    assert "2 with no decision left out (b.txt, c.txt)" in said
    assert (f"note: source a already reports OLD-1 in the log; if {A} is one of these "
            "incidents, give its rows that event_id") in said
    assert "note: source a is added without a publisher" in said


def test_reports_whose_names_look_alike_never_share_an_event_id(tmp_path):
    # a.txt separates two incidents by place (drafts' -1, -2); a-1.txt is another report.
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(
        "Published: 2024-08-26\n\nQUETTA, 26 August 2024: Gunmen killed five soldiers in "
        "Kech district on Monday. In a separate attack in Gwadar, three civilians were "
        "killed.\n", encoding="utf-8")
    (seeds / "a-1.txt").write_text(
        "Published: 2024-08-26\n\nPESHAWAR, 26 August 2024: Seven policemen were killed in "
        "Bannu district on Friday, officials said.\n", encoding="utf-8")
    run_extract(seeds, tmp_path / "cand")
    path = tmp_path / "cand" / "candidates.csv"
    cands = pd.read_csv(path, dtype=str, keep_default_na=False)
    cands["decision"] = "accept"
    cands.to_csv(path, index=False)
    (tmp_path / "log").mkdir()
    _apply(tmp_path)
    inc = _log(tmp_path, "incidents.csv")
    assert len(inc) == 3 and inc["event_id"].is_unique
    assert inc["event_id"].str.match(r"^EXT-a(-1)?~[0-9a-f]{8}(-\d)?$").all()


def test_an_event_id_the_log_gives_another_source_is_refused(loop):
    _decide(loop, "accept", "accept", "reject")
    (loop / "log" / "incidents.csv").write_text(
        f"event_id,source_id,event_date,country,province,killed_total\n"
        f"{A},other,2024-08-25,Pakistan,Balochistan,5\n", encoding="utf-8")
    (loop / "log" / "sources.csv").write_text("source_id,publisher,source_type\nother,X,media\n",
                                              encoding="utf-8")
    before = (loop / "log" / "incidents.csv").read_bytes()
    with pytest.raises(ReviewError) as err:
        _apply(loop, lambda folder: [])
    assert (f"incidents.csv:2: event_id {A} is already given to source 'other'; the review "
            "gives it to source 'a' (a.txt)") in str(err.value)
    assert (loop / "log" / "incidents.csv").read_bytes() == before


@pytest.mark.parametrize("name", ["incidents.xlsx", "incidents.CSV"])
def test_a_log_make_report_reads_from_another_file_is_refused(loop, capsys, name):
    _decide(loop, "accept", "accept", "reject")
    if name.endswith(".xlsx"):
        pd.DataFrame({"event_id": ["X-1"], "source_id": ["s"]}).to_excel(loop / "log" / name,
                                                                          index=False)
    else:
        (loop / "log" / name).write_text("event_id,source_id\nX-1,s\n", encoding="utf-8")
    before = sorted(p.name for p in (loop / "log").iterdir())
    main = load_script("extract_apply").main
    assert main(["--candidates", str(loop / "cand"), "--seeds", str(loop / "seeds"),
                 "--data", str(loop / "log"), "--store", str(loop / "store")]) == 2
    err = capsys.readouterr().err
    assert f"{name}: make report reads the log's incidents from this file" in err
    assert "save the log as CSV UTF-8" in err and "point DATA at the folder of the CSV log" in err
    assert sorted(p.name for p in (loop / "log").iterdir()) == before
    assert not (loop / "store").exists()


@pytest.mark.parametrize("data, said", [
    ("event_id;source_id\nX-1;s\n".encode(), "separated by semicolons"),
    ("event_id\tsource_id\nX-1\ts\n".encode(), "separated by tabs"),
    ("event_id,source_id\nX-1,s\n".encode("utf-16"), "is not UTF-8"),
    ("event_id,source_id,notes\nX-1,s,L\u00e9vies\n".encode("cp1252"), "is not UTF-8"),
])
def test_a_log_the_apply_cannot_append_to_byte_safely_is_refused(loop, data, said):
    _decide(loop, "accept", "accept", "reject")
    (loop / "log" / "incidents.csv").write_bytes(data)
    with pytest.raises(ReviewError, match=said):
        _apply(loop)
    assert (loop / "log" / "incidents.csv").read_bytes() == data
    assert sorted(p.name for p in (loop / "log").iterdir()) == ["incidents.csv"]


def test_every_state_between_the_renames_is_a_valid_log(loop, monkeypatch):
    from sitrep.extract.review import logfiles
    shipped = ROOT / "data" / "raw"
    for name in ("incidents.csv", "sources.csv", "victims.csv"):
        (loop / "log" / name).write_bytes((shipped / name).read_bytes())
    # A victims row too: the injured civilians' home province.
    _decide(loop, "accept", "accept", "reject", home_province=["", "Punjab", ""])
    # What an apply killed between writing and renaming left behind.
    (loop / "log" / ".incidents.csv.k1l2d.tmp").write_text("stale", encoding="utf-8")
    before = set(VALIDATE(loop / "log"))
    real, renamed = logfiles.os.replace, []

    def replace(src, dst):
        real(src, dst)
        renamed.append(Path(dst).name)
        assert set(VALIDATE(loop / "log")) <= before, f"invalid log after renaming {dst}"
    monkeypatch.setattr(logfiles.os, "replace", replace)
    _apply(loop)
    assert renamed[:3] == ["sources.csv", "incidents.csv", "victims.csv"]  # then the store
    assert not list((loop / "log").glob(".*"))


def test_the_log_files_keep_their_permissions(loop):
    import os
    (loop / "log" / "incidents.csv").write_text("event_id,source_id,event_date,country,"
                                                 "province\n", encoding="utf-8")
    (loop / "log" / "incidents.csv").chmod(0o664)
    _decide(loop, "accept", "accept", "reject")
    umask = os.umask(0o022)
    try:
        _apply(loop, lambda folder: [])
    finally:
        os.umask(umask)
    assert (loop / "log" / "incidents.csv").stat().st_mode & 0o777 == 0o664
    assert (loop / "log" / "sources.csv").stat().st_mode & 0o777 == 0o644  # new: the umask's


def test_a_seeds_text_not_in_utf8_exits_2_named(loop, capsys):
    _decide(loop, "accept", "accept", "reject")
    (loop / "seeds" / "b.txt").write_bytes("Three soldiers \u2014 killed.".encode("cp1252"))
    assert load_script("extract_apply").main([
        "--candidates", str(loop / "cand"), "--seeds", str(loop / "seeds"),
        "--data", str(loop / "log"), "--store", str(loop / "store")]) == 2
    assert "b.txt:1: is not UTF-8" in capsys.readouterr().err


def test_a_column_the_log_lacks_is_added_with_every_line_where_it_was(loop):
    """The log is written afresh only to add a column; its blank lines stay, so every row
    keeps the line number make report's messages and the analyst's editor give it."""
    _decide(loop, "accept", "accept", "reject")
    _apply(loop)
    path = loop / "log" / "incidents.csv"
    log = pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns="notes")
    # An older log: no notes column, and a blank line after its row.
    path.write_text(log.to_csv(index=False) + "\n", encoding="utf-8")
    before = path.read_text(encoding="utf-8").split("\n")
    assert before[2] == "" and "notes" not in before[0]
    (loop / "seeds" / "b.txt").write_text("QUETTA: Three soldiers were killed in Kech on "
                                          "26 August 2024.", encoding="utf-8")
    run_extract(loop / "seeds", loop / "cand")  # a.txt's decisions are carried
    cands = pd.read_csv(loop / "cand" / "candidates.csv", dtype=str, keep_default_na=False)
    cands.loc[cands["document"] == "b.txt", "decision"] = "accept"
    cands.to_csv(loop / "cand" / "candidates.csv", index=False)
    _apply(loop)
    after = path.read_text(encoding="utf-8").split("\n")
    assert after[0] == before[0] + ",notes"
    assert after[1] == before[1] + "," and after[2] == ""  # the same line, the blank one kept
    assert after[3].startswith("EXT-b~")
