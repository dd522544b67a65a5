"""Rule 2, parts of the victims: which mentions are a part of a total, never a second total.

"including two children", "among the victims were 14 individuals" and "two journalists were
among the dead" are parts. In "seven soldiers were among 19 people killed" the 19 is the total
and the seven a part; "two of them" after people who are not victims ("abducted six
labourers") is no part; "two of the dead were children and one was a woman" makes two parts.
A part that names neither category nor home ("nine of the injured were in critical
condition") is dropped (:func:`vague_part`). What a part counts (``unknown`` for a generic
noun, an open lower bound for a category noun) is decided in :mod:`.categories`.
"""

from __future__ import annotations

import re

from sitrep.extract import lexicon as lx
from sitrep.extract.categories import phrase_category
from sitrep.extract.mentions import Mention
from sitrep.extract.outcomes import gap_cue
from sitrep.extract.patterns import (AGE_PHRASE, AMONG_AFTER, AMONG_THEM_AFTER, AUX,
                                     SUBSET_ASIDE, SUBSET_CONNECTOR, UPDATE_CUE)
from sitrep.extract.sharing import joined, next_part

_FRONTED_OF = re.compile(r"\bof\s+(?:the|those)\s+(dead|killed|injured|wounded|deceased)\s*,\s*$",
                         re.IGNORECASE)
# a part's word earlier in the clause: "including two children and | a woman"
_SUBSET_BEFORE = re.compile(r"\b(?:including|included|include|includes|comprised|comprise|"
                            r"incl\b\.?|among|of\s+whom)\b"
                            r"[^,;]*$", re.IGNORECASE)
# "seven soldiers | were among | 19 people killed": the figure after is the total
_AMONG_TOTAL = re.compile(r"(?:^|\b)\s*(?:were|was|are|is)\s+(?:also\s+|reportedly\s+)?among\s+"
                          r"(?:the\s+)?$", re.IGNORECASE)
_PART_BEFORE = re.compile(r"^[^,.;\d]{0,40}$")  # "two constables guarding the mosque"
# "two journalists | were among the dead"
_AMONG_AFTER = re.compile(rf"^\s*,?\s*{AUX}{AMONG_AFTER}\b", re.IGNORECASE)


def fronted_parts(text: str, start: int, ms: list[Mention]) -> None:
    """'Of the dead, four were soldiers': the four are of the dead, named before them."""
    for m in ms:
        if not m.head and not m.of_head and (
                f := _FRONTED_OF.search(text, max(start, m.start - 40), m.start)):
            m.of_head = f.group(1).lower()


def among_totals(ms: list[Mention], gaps: list[str]) -> None:
    """'Seven soldiers were among 19 people killed': the 19 is the total, the seven a part."""
    for i, total in enumerate(ms):
        among = _AMONG_TOTAL.search(gaps[i])
        if not total.outcome or not among:
            continue
        total.part = False  # "women and children were among the 14 people killed"
        part = ms[i - 1] if i and _PART_BEFORE.match(gaps[i][:among.start()]) else None
        if part is not None and not part.outcome:
            part.part = True
            part.outcome, part.outcome_from = total.outcome, "next"


def mark_subsets(ms: list[Mention], gaps: list[str], rests: list[str]) -> None:
    """Each mention's ``subset``, in order: a part may follow the part before it."""
    for m in ms:
        m.subset = _is_subset(m, ms, gaps, rests)


def _is_subset(m: Mention, ms: list[Mention], gaps: list[str], rests: list[str]) -> bool:
    """Whether ``m`` is a part of the victims; 'of them' after people who are no victims sets
    ``hint`` to their category instead."""
    if m.part is not None:
        return m.part
    i = ms.index(m)
    if any(o.inner and o.inner == m.start for o in ms):
        return False  # the whole in "three of the six injured"
    if m.of_head in ("them", "whom") and i and not ms[i - 1].outcome and phrase_category(
            ms[i - 1].head, ms[i - 1].mods):
        # "abducted six labourers and shot dead two of them": a part of the abducted; but
        # "six gunmen ... checked the passengers' cards and shot dead 14 of them": the
        # passengers, named nearer
        m.hint = (_bare_antecedent(gaps[i])
                  or phrase_category(ms[i - 1].head, ms[i - 1].mods))
        return False
    if (m.of_head in ("them", "whom") and (not i or not ms[i - 1].outcome)
            and (antecedent := _bare_antecedent("".join(gaps[:i + 1])))):
        # "opened fire on the passengers, killing seven of them"; "offloaded passengers from
        # three coaches and shot dead nine of them"
        m.hint = antecedent
        return False
    if (m.of_head in ("them", "whom") and i and m.outcome == "killed"
            and ms[i - 1].outcome == "injured"):
        # "Among the wounded were 12 children; two of them died": more deaths, of children
        m.hint = phrase_category(ms[i - 1].head, ms[i - 1].mods)
        return False
    if m.of_head in lx.OF_VICTIMS:
        # "one of the injured later died" is one more death, not a part of the dead
        return not (m.outcome == "killed" and m.of_head in ("injured", "wounded"))
    before = gaps[i]
    if _AMONG_AFTER.match(AGE_PHRASE.sub("", gaps[i + 1], count=1)):
        return True  # "two journalists were among the dead"
    if m.outcome_from == "next" and i + 2 < len(gaps) and (
            _AMONG_AFTER.match(AGE_PHRASE.sub("", gaps[i + 2], count=1))
            or (ms[i + 1].outcome_from == "gap"
                and gap_cue(gaps[i + 2]).lower().startswith("among"))):
        return True  # "a constable and five children were among the dead"
    if AMONG_THEM_AFTER.match(gaps[i + 1]):
        return True  # "killing at least 15 people, two police officers among them"
    if m.outcome_from == "gap" and gap_cue(gaps[i + 1]).lower().startswith("among"):
        return True  # "two soldiers deployed to separate the sides were among the injured"
    aside = SUBSET_ASIDE.match(rests[i])
    if aside and _AMONG_AFTER.match(rests[i][aside.end():]):
        return True  # "five civilians, among them a woman, were among the dead"
    if SUBSET_CONNECTOR.match(before) or _SUBSET_BEFORE.search(before[-60:]):
        return not UPDATE_CUE.search(before)
    if (i > 0 and joined(before, ms[i - 1]) and ms[i - 1].subset
            and not (m.outcome_from in ("head", "after", "gap")
                     and m.outcome != ms[i - 1].outcome)):
        return True  # "including two children and a woman", not "..., and 14 wounded"
    if i > 0 and ms[i - 1].subset and next_part(ms[i - 1], m, before):
        return True
    return False


def _bare_antecedent(before: str) -> str:
    """The category of the last plural victim noun before 'of them' ('the passengers'), or
    '' when there is none (then 'them' are the victims of a sentence before)."""
    for word in reversed(re.findall(r"[a-z][a-z-]*", before.lower())):
        if word in lx.CATEGORY_OF and word.endswith(("s", "men", "ren")):
            return lx.CATEGORY_OF[word]
    return ""


def vague_part(m: Mention) -> bool:
    """'Nine of the injured were in critical condition', 'including five critically': a
    part of the victims that names neither a category nor a home says nothing new."""
    return (m.subset and (m.of_head in lx.OF_VICTIMS or not m.head)
            and m.category == "unknown" and not m.home and not m.update and not m.named)
