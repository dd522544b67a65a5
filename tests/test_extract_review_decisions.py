"""Tests for sitrep.extract.review.decisions: the decision column read and checked."""

from __future__ import annotations

import pytest

from sitrep.extract.review.decisions import ReviewError, read_review

HEAD = ("document,sentence,start,end,victim_category,outcome,low,high,claim,place,"
        "home_province,probability,decision\n")


def _csv(tmp_path, *rows: str):
    path = tmp_path / "candidates.csv"
    path.write_text(HEAD + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_decisions_accepted_corrected_added_and_left_for_later(tmp_path):
    review = read_review(_csv(
        tmp_path,
        'a.txt,"Five soldiers were killed,\nsaid police.",0,13,security_forces,killed,5,5,no,,,'
        '0.9, Accept ',
        "a.txt,Two were hurt.,40,43,unknown,injured,2,2,no,,,0.6,reject",
        "a.txt,,,,Civilians,Injured,2,,no,,Punjab,,add",
        "b.txt,Nine died.,0,4,all,killed,9,9,no,,,0.8,"))
    assert review.reviewed == ["a.txt"] and review.undecided == ["b.txt"]
    assert list(review.rows["line"]) == [2, 4, 5, 6]  # a sentence over two lines
    acc = review.accepted
    assert list(acc["decision"]) == ["accept", "add"]
    assert list(acc["victim_category"]) == ["security_forces", "civilians"]
    assert list(acc["low"]) == [5, 2] and acc["high"].isna().tolist() == [False, True]


@pytest.mark.parametrize("row, message", [
    ("a.txt,s,0,4,all,killed,9,9,no,,,0.8,acept",
     "candidates.csv:2: column 'decision': 'acept' is not a decision - write accept, reject "
     "or add"),
    ("a.txt,s,0,4,children,killed,9,9,no,,,0.8,accept",
     "candidates.csv:2: column 'victim_category': 'children' is not one of civilians, "
     "security_forces, militants, unknown, all"),
    ("a.txt,s,0,4,all,missing,9,9,no,,,0.8,accept",
     "candidates.csv:2: column 'outcome': 'missing' is not one of killed, injured"),
    ("a.txt,s,0,4,all,killed,nine,,no,,,0.8,accept",
     "candidates.csv:2: column 'low': 'nine' is not a count"),
    ("a.txt,s,0,4,all,killed,99999999999999999999,,no,,,0.8,accept",
     "candidates.csv:2: column 'low': '99999999999999999999' is not a count"),
    ("a.txt,s,0,4,all,killed,1,100000001,no,,,0.8,accept",
     "candidates.csv:2: column 'high': '100000001' is not a count"),
    ("a.txt,s,0,4,all,killed,2\u00b2,,no,,,0.8,accept",
     "candidates.csv:2: column 'low': '2\u00b2' is not a count"),
    ("a.txt,s,0,4,all,killed,\u0662\u0663,,no,,,0.8,accept",
     "candidates.csv:2: column 'low': '\u0662\u0663' is not a count"),
    ("a.txt,s,0,4,all,killed,9,7,no,,,0.8,accept",
     "candidates.csv:2: column 'high': 7 is below low (9)"),
    ("a.txt,s,0,4,all,killed,9,9,maybe,,,0.8,accept",
     "candidates.csv:2: column 'claim': 'maybe' is not one of yes, no"),
    (",s,,,all,killed,9,9,no,,,,add", "candidates.csv:2: column 'document' is empty"),
])
def test_a_wrong_value_is_named_by_line_and_column(tmp_path, row, message):
    with pytest.raises(ReviewError) as err:
        read_review(_csv(tmp_path, row))
    assert message in str(err.value)


def test_a_rejected_row_is_not_checked_and_every_problem_is_listed(tmp_path):
    with pytest.raises(ReviewError) as err:
        read_review(_csv(tmp_path, "a.txt,s,0,4,children,killed,x,,no,,,0.8,reject",
                         "a.txt,s,0,4,all,killed,x,,no,,,0.8,accept",
                         "a.txt,s,0,4,all,killed,1,,no,,,0.8,maybe"))
    assert err.value.problems == [
        "candidates.csv:3: column 'low': 'x' is not a count - write a whole number (0 to "
        "100,000,000) in the digits 0-9",
        "candidates.csv:4: column 'decision': 'maybe' is not a decision - write accept, reject "
        "or add (or leave it empty: not reviewed)"]


def test_a_report_half_reviewed_is_an_error(tmp_path):
    with pytest.raises(ReviewError, match="document 'a.txt': lines 3, 4 have no decision"):
        read_review(_csv(tmp_path, "a.txt,s,0,4,all,killed,9,9,no,,,0.8,accept",
                         "a.txt,s,5,9,all,injured,2,2,no,,,0.8,",
                         "a.txt,s,9,12,all,injured,3,3,no,,,0.8,"))


def test_a_missing_column_or_file(tmp_path):
    path = tmp_path / "candidates.csv"
    path.write_text("document,victim_category,outcome,low,high,claim,home_province\n"
                    "a.txt,all,killed,1,1,no,\n", encoding="utf-8")
    with pytest.raises(ReviewError, match="candidates.csv:1: column 'decision' is missing"):
        read_review(path)
    with pytest.raises(ReviewError, match="no such file - run make extract first"):
        read_review(tmp_path / "nothing.csv")


@pytest.mark.parametrize("encoding, sep", [("cp1252", ","), ("utf-16", ","), ("utf-8", ";")])
def test_a_candidates_file_a_spreadsheet_saved_is_read(tmp_path, encoding, sep):
    text = (HEAD + "a.txt,L\u00e9vies \u2014 five,0,4,all,killed,5,5,no,,,0.8,accept\n")
    path = tmp_path / "candidates.csv"
    path.write_bytes(text.replace(",", sep).encode(encoding))
    review = read_review(path)
    assert review.reviewed == ["a.txt"] and list(review.accepted["low"]) == [5]
    assert review.rows.loc[0, "sentence"] == "L\u00e9vies \u2014 five"
