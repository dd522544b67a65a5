"""Rule 6, toll updates: which figures a later or revised toll replaces.

Toll updates ("the death toll rose to 15") supersede smaller earlier figures of the same
category, outcome and claim, and the increments in their own sentence; a revision ("revised the
toll to four") supersedes them whatever their size, and a figure given first ("after initially
saying 10", "an earlier toll of six") gives way to any other of its kind. A toll that names no
victims ("raising the death toll to seven") takes the category of the figures before it when
they all share one (:func:`settle_tolls`). A later death that a toll of its sentence already
counts ("Six people have died after a worker ... passed away") is no figure of its own; deaths
of other people ("when two bombers died in the blast") are. A later update replaces an earlier
one ("toll reaches 5" ... "climbs to 6") unless it is said to be another incident's ("a
separate blast"); a toll given first ("had given a provisional toll of 17", "up from a toll of
27") gives way to any later figure of its outcome when it named no victims.
"""

from __future__ import annotations

import re

from sitrep.extract.mentions import Mention
from sitrep.extract.patterns import DYING, EVENT_NOUN, REVISION_CUE, UPDATE_CUE

# A figure given first and since replaced: "after initially saying that 10 people had been
# killed", "the first police report had put the toll at 26", "down to seven from 10".
_STALE_CUE = re.compile(r"\bhad\s+(?:earlier\s+|first\s+)?(?:given)\s+(?:a|an)\s+"
                        r"(?:\w+\s+)?(?:death\s+)?(?:toll|tally|count|figure)\s+(?:at|as|of)\s*$|"
                        # "up from a toll of 27 he had given"; "a provisional toll of five"
                        r"\b(?:up|down)\s+from\s+(?:a|an|the|its|his|their)\s+(?:\w+\s+)?"
                        r"(?:toll|tally|count|figure)\s+of\s*$|"
                        r"\b(?:provisional|preliminary)\s+(?:death\s+)?(?:toll|tally|count|figure)"
                        r"\s+(?:of|at|was|stood\s+at)\s*$|"
                        r"\b(?:initially|originally|first|previously|had\s+earlier|"
                        r"earlier\s+had)\b[^.;]{0,60}?\b(?:said|saying|reported|reporting|put|"
                        r"putting|gave|giving|stated|announced|told|report)\b[^.;]{0,60}$|"
                        r"\b(?:earlier|initial|previous|original|first)\s+(?:death\s+)?(?:toll|"
                        r"tally|figure|count|estimate)s?\b[^.;]{0,40}$|"
                        r"\bearlier\s+(?:\w+\s+)?(?:statement|report|bulletin|account)\b[^.;]{0,60}?"
                        r"\b(?:said|put|gave|reported|stated)\b[^.;]{0,60}$|"
                        r"^\s*,?\s*(?:down\s+|up\s+)?from\s*$", re.IGNORECASE)
# an update said to be of another incident: "the death toll from a separate blast rose to 20"
_OTHER_EVENT = re.compile(rf"\b(?:separate|another|second|other|earlier)\s+(?:\w+\s+)?"
                          rf"{EVENT_NOUN}\b", re.IGNORECASE)
# "..., it had reached | a dozen": "it" is the toll of the sentence
_IT_REACHED = re.compile(r"\bit\s+(?:had\s+|has\s+)?(?:reached|(?:rose|risen|climbed|jumped)\s+to)"
                         r"\s+$", re.IGNORECASE)
# dying of earlier wounds: "succumbed", "passed away", "died of his injuries", "died in hospital"
_LATER_DYING = (r"(?:succumbed|passed\s+away|breathed\s+(?:his|her|their)\s+last|"
                r"died\s+(?:of|from)\s+(?:his|her|their)\s+(?:injuries|wounds)|"
                r"(?:later\s+)?died\s+(?:later\s+)?(?:in|at)\s+(?:the\s+)?"
                r"(?:hospital|(?-i:[A-Z])))")
# "after | three of the wounded died": deaths that explain a rise
_INCREMENT_BEFORE = re.compile(r"\b(?:after|when|as)\s*$", re.IGNORECASE)


def toll_pronoun(text: str, start: int, ms: list[Mention], gaps: list[str]) -> None:
    """'the toll stood at nine; by Wednesday, after three of the wounded died, it had reached a
    dozen': 'it' is the toll, and the figure after it an update."""
    for i, m in enumerate(ms):
        if (not m.outcome and _IT_REACHED.search(gaps[i])
                and re.search(r"\btoll\b", text[start:m.start], re.IGNORECASE)):
            m.outcome, m.outcome_from, m.toll, m.update = "killed", "before", True, True


def mark_updates(ms: list[Mention], gaps: list[str]) -> None:
    """Toll updates and revisions, and the figures they say were given first."""
    for i, m in enumerate(ms):
        if m.outcome and UPDATE_CUE.search(gaps[i]):
            m.update = True
            m.other_event = bool(_OTHER_EVENT.search(gaps[i].split(",")[-1]))
            m.revision = bool(REVISION_CUE.search(gaps[i]))
            if not m.head:
                m.category = m.hint or "all"
        elif m.outcome and _STALE_CUE.search(gaps[i]):
            m.stale = True


def drop_increments(figures: list[Mention], gaps: list[str],
                    ms: list[Mention]) -> list[Mention]:
    """In a sentence with a toll update, the other figures of that outcome explain it
    ("after two of the injured died"), unless they break it down ("including 14 soldiers");
    so do later deaths that a toll of the same sentence counts already ("Six people have
    died after a worker who had been shot passed away")."""
    updated = {m.outcome for m in figures if m.update and m.outcome_from != "label"}
    totals = [m for m in figures if m.outcome == "killed" and not m.subset]
    return [m for m in figures if (m.update or m.outcome not in updated
                                   or (m.subset and not m.of_head) or m.breakdown)
            and not (len(totals) > 1 and m in totals and _later_death(m, gaps[ms.index(m)],
                                                                      gaps[ms.index(m) + 1]))]


def _later_death(m: Mention, before: str, after: str) -> bool:
    """'after three of the wounded died', 'when two injured men passed away', 'after a worker
    who had been shot in the chest passed away': people already hurt who died later; not
    'when two suicide bombers died in the blast'."""
    if not _INCREMENT_BEFORE.search(before):
        return False
    injured = m.of_head in ("injured", "wounded") or {"injured", "wounded", "more"} & set(m.mods)
    return bool(re.match(rf"[^,.;]{{0,80}}?\b{_LATER_DYING}", after, re.IGNORECASE)
                or (injured and re.match(rf"[^,.;]{{0,80}}?\b{DYING}", after, re.IGNORECASE)))


def settle_tolls(figures: list[Mention]) -> None:
    """A toll that names no victims ('raising the death toll to seven') counts the victims
    of the document's other figures of its outcome: their category, when they are all
    civilians or all security forces (attackers killed are not the toll of an attack)."""
    for u in figures:
        if not u.update or u.head or u.category != "all":
            continue
        others = {m.category for m in figures
                  if m is not u and m.outcome == u.outcome and m.claim == u.claim
                  and not m.subset and m.category != "militants"}
        if len(others) == 1 and others <= {"civilians", "security_forces"}:
            u.category = others.pop()


def supersede(figures: list[Mention]) -> list[int]:
    """Indexes of the figures of a document that a later figure does not replace: a toll
    update replaces smaller figures of its kind, a revision any figure of its kind, and a
    figure given first ("initially said 10") is replaced by any other of its kind."""
    return [i for i, m in enumerate(figures) if replacement(figures, m) is None]


def replacement(figures: list[Mention], m: Mention) -> Mention | None:
    """The figure of the document that replaces ``m``, or None when ``m`` stands."""
    if m.subset:
        return None
    return next((u for u in figures if u is not m and _replaces(u, m)), None)


def _replaces(u: Mention, m: Mention) -> bool:
    if u.subset or (u.outcome, u.claim) != (m.outcome, m.claim):
        return False
    if m.stale and not u.stale and (u.category == m.category or (
            m.category == "all" and u.start > m.start and u.low >= m.low)):
        # "had given a provisional toll of 17, confirmed that 21 soldiers were killed": a toll
        # given first, that named no victims, gives way to any later figure of its outcome
        return True
    if u.category != m.category:
        return False
    # a later update replaces an earlier one: "toll reaches 5" ... "death toll climbs to 6",
    # unless it is another incident's ("the death toll from a separate blast rose to 20")
    later = not m.update or (m.start < u.start and not u.other_event)
    return u.update and later and (u.revision or m.low < u.low)
