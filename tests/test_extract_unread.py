"""Tests for sitrep.extract.unread: every count of people set aside, with its reason."""

from __future__ import annotations

import re
from pathlib import Path

from sitrep.extract import unread_counts
from sitrep.extract.candidates import rule_figures
from sitrep.extract.figures import BACKGROUND, INCREMENT, LATER_DEATH, NO_OUTCOME
from sitrep.extract.mentions import find_mentions
from sitrep.extract.sentences import split_sentences

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract"


def test_unread_lists_each_count_set_aside_with_its_reason():
    text = ("Gunmen killed nine people in Kech on Monday. By Tuesday the death toll had risen "
            "to 15. Some 300 troops joined the search. Last year 40 people were killed in the "
            "district. Three guards stood at the gate when the bomb went off, and two workers "
            "were wounded.")
    rows = unread_counts(text, "r.txt")
    assert list(zip(rows["count"], rows["reason"])) == [
        ("nine people", "replaced by another figure of its kind (a toll update, a revision or "
                        "a later report): '15'"),
        ("40 people", BACKGROUND),
        ("Three guards", NO_OUTCOME),
    ]
    assert all(text[s:e] == c for s, e, c in zip(rows["start"], rows["end"], rows["count"]))
    proposed = rule_figures(text, "r.txt")
    assert set(proposed["start"]).isdisjoint(rows["start"])  # a proposal is never set aside


def test_unread_tells_a_later_death_from_a_toll_update():
    later = unread_counts("Six people have died after two pilgrims succumbed to their wounds.",
                          "r.txt")
    assert list(later["reason"]) == [LATER_DEATH]
    update = unread_counts("On day one the toll stood at four; after two of the injured died, "
                           "it had reached six.", "r.txt")
    assert list(zip(update["count"], update["reason"])) == [
        ("four", INCREMENT), ("two of the injured", INCREMENT)]


def test_every_count_in_a_casualty_sentence_is_proposed_or_set_aside():
    """Nothing is lost silently: over every dev report, each count of people in a sentence
    that proposed a figure or holds a casualty word is a proposal or a row of unread.csv."""
    for path in sorted((FIXTURES / "dev").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        proposed = set(rule_figures(text, path.name)["start"])
        unread = set(unread_counts(text, path.name)["start"])
        for s in split_sentences(text):
            starts = {m.start for m in find_mentions(text, s.start, s.end)}
            if starts & proposed or re.search(r"kill|dead|died|wound|injur|toll|martyr|bod",
                                              s.text, re.IGNORECASE):
                assert starts <= proposed | unread, (path.name, s.text)
