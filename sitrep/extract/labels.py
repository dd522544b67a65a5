"""Rule 1, field labels: a form's label gives its outcome to the counts of its own field.

"Killed: a farmer and his two sons"; "Martyred: 3 (1 vaccinator, 2 constables). Injured: 2":
the label reaches up to the next field, bar, dash or clause.
"""

from __future__ import annotations

import re

from sitrep.extract.mentions import Mention
from sitrep.extract.outcomes import outcome_of
from sitrep.extract.patterns import LABEL_WORD, NUMBER

_FIELD_START = r"(?:^|(?<=[.;:(\n,|—–\ufeff])|(?<=\s[-/]))"  # where a form's field may begin
# A field label of a list or a form: "Killed: ...", "Casualties - Martyred: 3", "Injured: 2"
_LABEL = re.compile(rf"(?:{_FIELD_START}|(?<=\d\s))\s*{LABEL_WORD}", re.IGNORECASE)
# where a label's reach ends: another field ("arrested:"), a bar, a semicolon, a dash
_LABEL_END = re.compile(rf"{_FIELD_START}\s*[A-Za-z]+(?:\s+[a-z]+)?\s*:|"
                        rf";(?!\s*(?:and\b|\d|{NUMBER}\b))|\||\s[-–—]\s|—|\(", re.IGNORECASE)
# a preposition between label and count: "Injured: 2, shifted in 3 ambulances"
_PREPOSITION_END = re.compile(r"\b(?:in|on|by|with|at|from|to|into|for|after)\s+$", re.IGNORECASE)


def labelled_outcomes(text: str, start: int, end: int, ms: list[Mention]) -> None:
    """'Killed: a farmer, his wife and their two sons'; 'Martyred: 3 (1 vaccinator, ...).
    Injured: 2': a field label gives its outcome to the counts after it, up to the next."""
    labels = [(start + m.end(), outcome_of(m.group("label")))
              for m in _LABEL.finditer(text[start:end])]
    for i, m in enumerate(ms):
        if m.outcome or m.speaker or m.excluded:
            continue
        found = [(pos, outcome) for pos, outcome in labels if pos <= m.start]
        stop = _LABEL_END.search(text, found[-1][0], end) if found else None
        if found and not (stop and stop.start() < m.start) \
                and not _PREPOSITION_END.search(text, found[-1][0], m.start):
            # the label reaches the counts of its own field only: not "Killed: 3 - police
            # deployed 200 troops", "Injured: 2, shifted in 3 ambulances", "arrested: 4"
            m.outcome, m.outcome_from = found[-1][1], "label"
            # "Injured: 2" is a headline count: it borrows no category from the figure before
            m.toll = not text[found[-1][0]:m.start].strip()
