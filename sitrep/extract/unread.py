"""The counts of people that the rules read no standing figure from, each with the reason.

The extractor would otherwise set numbers aside silently: a construction it has not seen, a
count it takes for background, a toll a later one replaces. Every count of people that is not
a proposed figure, in a sentence with a casualty word or a figure, gets a row in
``unread.csv``, so that the analyst who reviews the proposals also sees
what was left out, and why, and a figure the rules missed is not lost without a trace.
"""

from __future__ import annotations

import re

import pandas as pd

from sitrep.extract import lexicon as lx
from sitrep.extract.candidates import read_figures
from sitrep.extract.figures import background_sentence, replacement
from sitrep.extract.mentions import find_mentions
from sitrep.extract.sentences import split_sentences

UNREAD_COLUMNS = ("document", "sentence", "start", "end", "count", "reason")

# a casualty word anywhere in the sentence: the outcome words of the rules, and their stems
_CASUALTY_WORD = re.compile(rf"\b(?:{lx.KILLED_WORDS}|{lx.INJURED_WORDS}|kill\w*|martyr\w*|"
                            r"death\w*|die|dies|dying|murder\w*|massacr\w*|succumb\w*|"
                            r"perish\w*|injur\w*|wound\w*|toll|tally|casualt\w*|"
                            r"bod(?:y|ies)|fatalit\w*)\b", re.IGNORECASE)

BACKGROUND = "the sentence reads as background: an earlier event"
NO_OUTCOME = ("not read as a figure: no casualty outcome tied to it, or a part or a later death "
              "that another figure counts")


def unread_counts(text: str, document: str) -> pd.DataFrame:
    """One row per count of people in ``text`` that is not a proposed figure of
    :func:`sitrep.extract.extract_figures`, in a sentence with a casualty word; ``start`` and
    ``end`` are the count's offsets, ``reason`` says why it was set aside."""
    figures, _, _ = read_figures(text)
    read = {m.start: m for m in figures}
    rows = []
    for s in split_sentences(text):
        mentions = find_mentions(text, s.start, s.end)
        # a sentence that gave a figure is about casualties, whatever its words
        casualty = bool(_CASUALTY_WORD.search(s.text)) or any(m.start in read for m in mentions)
        background = casualty and background_sentence(text, s.start, s.end)
        for m in mentions:
            figure = read.get(m.start)
            if figure is not None:
                later = replacement(figures, figure)
                if later is None:
                    continue  # a proposed figure
                reason = (f"replaced by a later figure of its kind: "
                          f"'{text[later.start:later.end]}'")
            elif not casualty:
                continue
            else:
                reason = BACKGROUND if background else NO_OUTCOME
            rows.append({"document": document, "sentence": s.text, "start": m.start,
                         "end": m.end, "count": text[m.start:m.end], "reason": reason})
    frame = pd.DataFrame(rows, columns=list(UNREAD_COLUMNS))
    for col in ("start", "end"):
        frame[col] = frame[col].astype("Int64")
    return frame
