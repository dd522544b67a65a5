"""The counts of people that the rules read no standing figure from, each with the reason.

The extractor would otherwise set numbers aside silently: a construction it has not seen, a
count it takes for background, a toll another replaces. Every count of people that is not a
proposed figure, in a sentence with a casualty word or a figure, gets a row in
``unread.csv`` with the reason the rules gave, so that the analyst who reviews the proposals
also sees what was left out, and why, and a figure the rules missed is not lost without a
trace. The reasons are the constants of :mod:`sitrep.extract.figures` (or a replacement by
another figure). ``no casualty outcome`` is the reason to read first: it is where the rules could not
read a sentence; the other reasons are conventions applied (tests/fixtures/extract/README.md).
"""

from __future__ import annotations

import re

import pandas as pd

from sitrep.extract.candidates import read_figures
from sitrep.extract.figures import replacement
from sitrep.extract.mentions import Mention
from sitrep.extract.patterns import INJURED_WORDS, KILLED_WORDS
from sitrep.extract.sentences import split_sentences
from sitrep.schema import UNREAD_COLUMNS

# a casualty word anywhere in the sentence: the outcome words of the rules, and their stems
_CASUALTY_WORD = re.compile(rf"\b(?:{KILLED_WORDS}|{INJURED_WORDS}|kill\w*|martyr\w*|"
                            r"death\w*|die|dies|dying|murder\w*|massacr\w*|succumb\w*|"
                            r"perish\w*|injur\w*|wound\w*|toll|tally|casualt\w*|"
                            r"bod(?:y|ies)|fatalit\w*)\b", re.IGNORECASE)


def unread_counts(text: str, document: str) -> pd.DataFrame:
    """One row per count of people in ``text`` that is not a proposed figure of
    :func:`sitrep.extract.extract_figures`, in a sentence with a casualty word or a figure;
    ``start`` and ``end`` are the count's offsets, ``reason`` says why it was set aside."""
    dropped: list[tuple[Mention, str]] = []
    figures, _, _ = read_figures(text, dropped)
    return unread_frame(text, document, figures, dropped)


def unread_frame(text: str, document: str, figures: list[Mention],
                 dropped: list[tuple[Mention, str]]) -> pd.DataFrame:
    """The unread table of one document from :func:`read_figures`'s figures and the counts it
    dropped, with their reasons."""
    counts = {m.start: m for m in figures} | {m.start: m for m, _ in dropped}
    reasons = {m.start: reason for m, reason in dropped}
    for m in figures:
        other = replacement(figures, m)
        if other is not None:
            reasons[m.start] = ("replaced by another figure of its kind (a toll update, a "
                                f"revision or a later report): '{text[other.start:other.end]}'")
    figure_starts = {m.start for m in figures}
    rows = []
    for s in split_sentences(text):
        here = [(pos, reason) for pos, reason in sorted(reasons.items())
                if s.start <= pos < s.end]
        if not here or not (_CASUALTY_WORD.search(s.text)
                            or any(s.start <= p < s.end for p in figure_starts)):
            continue
        for pos, reason in here:
            end = counts[pos].end
            rows.append({"document": document, "sentence": s.text, "start": pos, "end": end,
                         "count": text[pos:end], "reason": reason})
    frame = pd.DataFrame(rows, columns=list(UNREAD_COLUMNS))
    for col in ("start", "end"):
        frame[col] = frame[col].astype("Int64")
    return frame
