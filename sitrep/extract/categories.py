"""Rule 3, the victims' category: civilians, security forces, militants, all or unknown.

The category comes from the head noun and its modifiers; generic nouns give ``all``; a number
standing alone takes the category of the noun it elides: the figure before it in the sentence,
else the last figure of the sentences before ("A seventh later died"). A toll phrase names no
victims ("the army put the number of dead at 18" gives ``all``). "All twelve" with no noun are
the twelve counted earlier ("a group of twelve terrorists"). A part with a generic noun gives
``unknown``, a part with a category noun an open lower bound.
"""

from __future__ import annotations

import re

from sitrep.extract import lexicon as lx
from sitrep.extract.mentions import Mention
from sitrep.extract.nouns import home_name, noun_phrase
from sitrep.extract.patterns import PROVINCE_RE

# the people an attack hit, with no outcome yet: "Two herders were hit; one died"
_HIT_AFTER = re.compile(r"\s+(?:were|was|had\s+been)\s+(?:hit|shot|caught|trapped|targeted|"
                        r"fired\s+on|ambushed|attacked)\b", re.IGNORECASE)
# "Total casualties: | 5 martyred", "In all, | 12": a count of all the victims
_TOTAL_BEFORE = re.compile(r"(?:^|[.;:]\s*)(?:the\s+)?(?:total|overall|grand\s+total|in\s+all)\b"
                           r"[^.;:\d]{0,30}[:\-–—,]?\s*$", re.IGNORECASE)
# "the three killed were civilians", "five of the dead were Sindhi workers".
_PREDICATE = re.compile(r"^\s*(?:(?:killed|dead|injured|wounded)\s+)?"
                        r"(?:(?:in|at|on|during|near)\s+(?:the\s+)?[^,.;\d]{1,30}?\s+)?"
                        r"(?:(?:were|was|are|is)|"
                        r"(?:have|has|had)\s+been\s+identified\s+as|"
                        r"(?:were|was)\s+identified\s+as)\s+"
                        r"(?:all\s+|mostly\s+|also\s+|reportedly\s+)?(?:an?\s+)?", re.IGNORECASE)
# "most of the | 17 people killed were civilians": not all of them
_SOME_OF = re.compile(r"\b(?:most|many|some|several|half|majority)\s+of\s+(?:the\s+)?$",
                      re.IGNORECASE)
# "four of the dead were members of a family | from Sindh"
_PREDICATE_HOME = re.compile(r"[^,.;]{0,40}?\bfrom\s+(?:the\s+)?" + PROVINCE_RE.pattern)
# "All | twelve were killed": the twelve counted before
_ALL_N = re.compile(r"\ball(?:\s+of)?(?:\s+the)?\s+$", re.IGNORECASE)
# "a truck | carrying | soldiers": the people a vehicle or column carried
_CARRYING = re.compile(r"\b(?:carrying|transporting|ferrying|full\s+of|packed\s+with|"
                       r"(?:convoy|column|busload|truckload)\s+of)\s+(?:the\s+)?", re.IGNORECASE)


def mark_hits(ms: list[Mention], gaps: list[str]) -> None:
    """People an attack hit, with no outcome yet: a later number may elide their noun."""
    for i, m in enumerate(ms):
        m.hit = not m.outcome and bool(_HIT_AFTER.match(gaps[i + 1]))


def mark_totals(ms: list[Mention], gaps: list[str]) -> None:
    """'Total casualties: 5 martyred, 8 injured': a count of all victims."""
    for i, m in enumerate(ms):
        if _TOTAL_BEFORE.search(gaps[i]):
            m.toll = True


def predicates(text: str, end: int, ms: list[Mention], rests: list[str]) -> None:
    """'the three killed were civilians': the category is named after the verb."""
    for i, m in enumerate(ms):
        if m.head and m.head not in lx.GENERIC_NOUNS:
            continue
        p = _PREDICATE.match(rests[i])
        if not p or _SOME_OF.search(text, max(0, m.start - 25), m.start):
            continue  # "most of the 17 people killed were civilians" names not all of them
        head, mods = noun_phrase(text, m.np_end + p.end(), end)
        category = phrase_category(head, mods)
        m.named = bool(head) and head not in lx.ADJECTIVE_HEADS
        if category not in ("", "all", "unknown"):
            m.hint = category
            m.home = m.home or next((lx.PEOPLES[w] for w in mods if w in lx.PEOPLES), "")
        if head and not m.home:  # "four of the dead were members of a family from Sindh"
            home = _PREDICATE_HOME.match(text, m.np_end + p.end(), end)
            m.home = home_name(home.group(1)) if home else ""


def numbered_antecedents(text: str, start: int, ms: list[Mention], gaps: list[str]) -> None:
    """'a group of twelve terrorists breached the camp ... All twelve were killed': 'all N'
    with no noun are the N people counted just before (not 'the two', which may be others)."""
    for i, m in enumerate(ms):
        if m.head or m.of_head or m.hint or not _ALL_N.search(gaps[i]):
            continue
        window = max(0, start - 400)  # the antecedent is near: this or the last sentences
        earlier = list(re.finditer(rf"\b{re.escape(m.count_text)}\b", text[window:start],
                                   re.IGNORECASE))
        if earlier:
            head, mods = noun_phrase(text, window + earlier[-1].end(), start)
            category = phrase_category(head, mods)
            if category not in ("", "all", "unknown"):
                m.hint = category


def carried(text: str, start: int, end: int) -> str:
    """'a bomb struck a truck carrying soldiers, killing three': the category of the people a
    vehicle or column carried, for numbers that elide their noun after it."""
    c = _CARRYING.search(text, start, end)
    if not c:
        return ""
    head, mods = noun_phrase(text, c.end(), end)
    return phrase_category(head, mods)


def set_categories(ms: list[Mention], context: str) -> None:
    """Each mention's category; ``context`` is the category of the last figure of the
    sentences before, for a number that elides its noun ("A seventh later died")."""
    previous = context
    superset = ""  # the category of the last whole figure of the sentence
    for m in ms:
        # "7 dead" opening a sentence is a count of its own, not more of the last sentence's
        # victims; a number with no noun at all ("A seventh later died") is. A bare part
        # ("29 were injured, of whom 21 were discharged") names no kind of its own.
        adjective_only = m.head in lx.ADJECTIVE_HEADS and previous == context and not superset
        bare_part = m.subset and not m.head and not m.of_head and not m.home
        m.category = _noun_category(m, "" if adjective_only or bare_part else previous)
        if m.subset and m.head in lx.ROLE_HEADS and superset in ("militants", "security_forces"):
            m.category = superset  # "nine khwarij, including a ring leader"
        if m.subset and m.category == "all":
            m.category = "unknown"
        elif m.subset and m.category != "unknown":
            m.high = None  # at least N of this category; others may be too
        if not m.subset and m.outcome:
            previous = superset = m.category
        elif not m.outcome and m.hit and m.category not in ("", "all", "unknown"):
            previous = m.category  # "Two herders were hit; one died": 'one' elides 'herders'


def _noun_category(m: Mention, previous: str) -> str:
    head = m.head
    if m.hint and (not head or head in lx.GENERIC_NOUNS or head in lx.NEEDS_MODIFIER):
        return m.hint  # "the number of policemen killed", "the attackers lost four men"
    if head in lx.NEEDS_MODIFIER:
        return _modified_category(head, set(m.mods))
    if head in lx.CATEGORY_OF:
        return lx.CATEGORY_OF[head]
    if m.toll and (not head or head in lx.ADJECTIVE_HEADS):
        return "all"  # "the army put the number of dead at 18": a toll names no victims
    if head in lx.ADJECTIVE_HEADS:
        head = ""  # "killed and three wounded": the number stands for an elided noun
    elif head in lx.GENERIC_NOUNS or m.of_head:
        return "all"
    if head:
        return "unknown"  # a noun that names no category: "30 apostates"
    if previous not in ("", "all", "unknown"):
        return previous  # "four soldiers were killed and two were injured"
    return "all"


def phrase_category(head: str, mods: list[str]) -> str:
    """The category a noun phrase names, '' when its head is no victim noun."""
    if head in lx.NEEDS_MODIFIER:
        return _modified_category(head, set(mods))
    return lx.CATEGORY_OF.get(head, "")


def _modified_category(head: str, mods: set[str]) -> str:
    """'security officials' -> security forces, 'company employees' -> civilians, 'a
    security guard' -> civilians (guards of a firm), 'police guards' -> security forces."""
    if head in lx.GUARD_HEADS and mods & lx.PRIVATE_GUARD_MODIFIERS and not (
            mods & (lx.SECURITY_MODIFIERS - {"security"})):
        return "civilians"
    if mods & lx.MILITANT_MODIFIERS:
        return "militants"
    if mods & lx.SECURITY_MODIFIERS:
        return "security_forces"
    if mods & lx.CIVILIAN_MODIFIERS:
        return "civilians"
    if head in ("member", "members") and mods:
        return "unknown"  # "members of a village defence group": a group we do not know
    return lx.NEEDS_MODIFIER[head] or "all"
