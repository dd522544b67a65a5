"""Split a report into sentences, keeping character offsets into the original text.

A sentence ends at ``.``, ``!`` or ``?`` (optionally followed by a closing quote) when the
next non-space character starts a new sentence (a letter of either case, since some copy is
written all in lower case, or a digit), and always at a line break. Abbreviations
common in Pakistani news ("No.", "Lt.", "Rs.") do not end a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = {
    "no", "nos", "mr", "mrs", "ms", "dr", "lt", "gen", "col", "maj", "capt", "brig", "sgt",
    "st", "rs", "vs", "etc", "inc", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "govt", "dept", "sr", "jr", "prof", "hon",
    "u.s", "u.k", "e.g", "i.e", "a.m", "p.m", "approx", "incl", "km", "kg", "ft",
}
_END = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"'“‘(]?[A-Za-z0-9])|\n+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial ("M. Ali")."""
    if text[dot] != ".":
        return False
    word = re.search(r"([A-Za-z.]+)$", text[:dot])
    if not word:
        return False
    w = word.group(1).lower().strip(".")
    return w in _ABBREVIATIONS or len(w) == 1


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``; ``text[s.start:s.end] == s.text``, stripped of spaces."""
    out: list[Sentence] = []
    start = 0
    for m in _END.finditer(text):
        if m.group(0).startswith((".", "!", "?")) and _is_abbreviation(text, m.start()):
            continue
        _add(text, start, m.end(), out)
        start = m.end()
    _add(text, start, len(text), out)
    return out


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    s, e = start + lead, end - trail
    if e > s:
        out.append(Sentence(s, e, text[s:e]))
