"""Rule 1, a figure's own outcome (killed or injured), from the cues around it.

The outcome comes from the figure's own noun ("11 dead", "bodies", "12 lives"), then a passive
cue right after it ("were killed", "lost their lives"), also after an aside that names a part
of the victims ("Eleven people, of whom six were elders, were killed"), then an active cue
right before it ("killing", "the deaths of", "the toll rose to", "the injured, among them"),
then a passive cue after a short phrase ("a policeman escorting a team was shot dead"). A
relative clause's injury gives way to a later death ("a constable who was injured ...
succumbed"). A mention with no outcome is not a figure: that is how force sizes,
participants, arrests and displaced families are left out; nor is one whose cue mixes both
outcomes ("killing and wounding more than 60", "killed or injured"), nor a speaker ("a senior
official said"). Cues that others give are read in :mod:`.labels` and :mod:`.sharing`.
"""

from __future__ import annotations

import re

from sitrep.extract import lexicon as lx
from sitrep.extract.mentions import Mention
from sitrep.extract.patterns import (AFTER_CUE, AGE_PHRASE, AMONG_AFTER, DYING, INJURED_WORDS,
                                     KILLED_WORDS, LABEL_WORD, REVISION_CUE, SUBSET_ASIDE)

# --- cues after the figure --------------------------------------------------------------------
# A passive cue after a short modifier phrase, when an auxiliary marks the passive:
# "a policeman escorting a polio team was shot dead".
# Also after a first passive verb: "22 passengers were offloaded from buses and shot dead".
_AFTER_GAP_CUE = re.compile(
    rf"^[^,.;:]{{0,110}}?\b(?:were|was|is|are|have\s+been|had\s+been|has\s+been)\s+"
    rf"(?:(?:\w+ly|also|later)\s+)?(?:[\"“‘']?(?:\w+ed|hit|shot)\b[^,.;:]{{0,60}}?\band\s+"
    rf"(?:then\s+|later\s+)?)?"
    rf"(?P<cue>{KILLED_WORDS}|{INJURED_WORDS}|{AMONG_AFTER})\b",
    re.IGNORECASE,
)
# "9 persons with minor injuries were given first aid"
# ... or "seven people had been taken to hospital with gunshot wounds"
_WITH_INJURIES = re.compile(r"^\s*(?:(?:had\s+been|have\s+been|has\s+been|were|was)\s+"
                            r"(?:taken|rushed|shifted|admitted|brought|moved|evacuated)\b"
                            r"[^,.;]{0,60}?\s+)?with\s+(?:[a-z-]+\s+){0,2}(?:injuries|wounds)\b",
                            re.IGNORECASE)
# a relative clause right after the figure: "a constable who was injured ... succumbed"
_RELATIVE_START = re.compile(r"^\s*,?\s*(?:who|that)\b", re.IGNORECASE)
# "three soldiers of the 12-member assault team, ..., embraced shahadat": the unit they were in
_UNIT_PHRASE = re.compile(r"^\s+(?:of|from)\s+(?:the|a|an|their|its|his)\s+[^,.;]{1,40}?(?=\s*,)",
                          re.IGNORECASE)
# a short "of"/"from" phrase that says where the victims were from or belonged, when a cue
# follows it: "one engineer of the EPC contractor lost his life"
_OF_PLACE = re.compile(r"^\s+(?:of|from)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
                       r"(?:(?!(?:and|or|who|which|that|were|was|had|have|has|also)\b)[\w'’-]+\s+)"
                       r"{1,4}?(?=(?:also\s+|later\s+)?(?:were|was|had|have|has|lost|died|"
                       r"succumbed|perished|embraced|sustained|suffered|received|breathed|gave|"
                       r"fell|passed)\b)", re.IGNORECASE)
# asides skipped on the way to the cue
# "three persons, namely his brother, aged 45, his cousin and a guest, were killed"
_NAMELY = re.compile(r"\s*,\s*(?:namely|viz\.?|i\.e\.)\s[^.;]{1,160}?,(?=\s*(?:were|was|had|have|"
                     r"has)\b)", re.IGNORECASE)
_ASIDE = re.compile(r"\s*,(?:(?:[^,;.\d(]|\d{1,3}-year-old|aged\s+\d{1,3}|Rs\.?\s?\d[\d.]*|"
                    r"\([^()]{0,80}\)){1,80}|\s*\d{1,2}\s*)(?=,)|"  # names, ages, money
                    r"\s*[—–][^—–.;]{1,120}?[—–]")  # "Two soldiers — Naik A, 29, and ... — embraced"
_PAREN_ASIDE = re.compile(r"\s*\([^()]{1,100}\)")  # "Three personnel (two jawans and ...) were"
# a relative clause up to a comma: "five labourers who were working at the site, were"
_RELATIVE_ASIDE = re.compile(r"\s*(?:who|whom|that)\b[^,;.\d]{1,60}(?=,)", re.IGNORECASE)
# a relative clause with no commas, before a verb of dying: "a woman who lived beside the
# station also died"
_RELATIVE_DIED = re.compile(rf"\s*(?:who|that)\s[^,;.\d]{{1,60}}?(?=\s(?:also\s+|later\s+)?"
                            rf"{DYING}\b)", re.IGNORECASE)
# a later death after the injury: "was hit by a stray bullet and died on the way"
_AND_DIED = re.compile(rf"[^.;,]{{0,40}}?\band\s+(?:later\s+)?{DYING}\b", re.IGNORECASE)
# a name (and age) between commas: "a police official, Inspector Khan, said"
_NAME_ASIDE = re.compile(r"^([^,.;:]{0,60}?),\s*(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+\s*"
                         r"(?:,\s*\d{1,3}\s*)?,")
# the next field's label right after a count: "Killed: 2, Injured: 3"
_LABEL_AHEAD = re.compile(rf"^\s*[,|/;—–-]?\s*{LABEL_WORD}", re.IGNORECASE)
# A death after the injury that a relative clause reports: "a constable who was injured in the
# attack succumbed to his injuries", "a seventh, who was wounded, ... where he later died".
_LATER_DEATH = re.compile(
    r"\b(?:later\s+died|died\s+later|succumbed|passed\s+away|"
    r"(?:he|she|they|who)\s+(?:later\s+|subsequently\s+|also\s+)?died|"
    r"died\s+(?:of|from|in|at|on|overnight|after|while|during))\b",
    re.IGNORECASE)
# A mention followed by a speech verb is a speaker ("a senior official said"), not a victim.
_SPEAKER_AFTER = re.compile(r"^\s*(?:(?:in|of|from|at)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,2}\s+|"
                            r"(?:[\w-]+\s+){0,2}(?:sources|witnesses|eyewitnesses|spokesmen)\s+)?"
                            r"(?:has\s+|had\s+|also\s+)?(?:said|says|told|added|confirmed|"
                            r"stated|claimed|announced)\b", re.IGNORECASE)
# A later pronoun carries the outcome: "abducted 11 miners ... and later shot them dead".
_PRONOUN_CUE = re.compile(
    r"\b(?:(?P<kill>killed|shot|gunned\s+down|executed|murdered|beheaded|slaughtered)"
    r"\s+(?:all\s+(?:of\s+)?)?them\b|(?P<hurt>injured|wounded)\s+(?:all\s+(?:of\s+)?)?them\b)",
    re.IGNORECASE)

# --- cues before the figure -------------------------------------------------------------------
# "the number of policemen killed", "the number of dead": a toll that may name its victims.
_NUMBER_OF = (r"number\s+(?:of\s+)?(?:(?P<tollnoun>[a-z]+)\s+)?"
              r"(?P<tollout>killed|dead|deaths|martyrs|injured|wounded)\b")
# A first item that is no count: "among the dead were the candidate's brother and two ...".
_LIST_HEAD = r"(?:\s+[^,.;\d]{1,40}?(?:,|\s+and))?"
# An active cue right before a figure: "killing 12", "the deaths of over 40".
_BEFORE_CUE = re.compile(
    rf"\b(?P<cue>kill(?:ed|ing|s)?|shot\s+dead|shooting\s+dead|gunned\s+down|gunning\s+down|"
    rf"martyr(?:ed|ing)|massacred|murdered|executed|slew|neutrali[sz](?:ed|ing|e)|buried|"
    rf"lynch(?:ed|ing)|behead(?:ed|ing)|slaughter(?:ed|ing)|"
    rf"eliminat(?:ed|ing)|"
    rf"injur(?:ed|ing|es)|wound(?:ed|ing)|hurt(?:ing)?|maim(?:ed|ing)|"
    rf"deaths?\s+of|lives\s+of|(?:dead\s+)?bod(?:y|ies)\s+of|killing\s+of|murder\s+of|"
    rf"(?:the\s+)?(?:dead|injured|wounded|victims)\s*,?\s*(?:numbering|numbered|totall?ing)|"
    rf"(?:(?:the\s+)?(?:dead|killed|deceased|victims|injured|wounded|slain|martyred|martyrs)|"
    rf"those\s+who\s+(?:were\s+)?(?:killed|died|lost\s+their\s+lives|injured|wounded|hurt))\s+"
    rf"(?:(?:in|at|from|of)\s+[^,.;\d]{{1,40}}?\s+)?(?:also\s+)?"
    rf"(?:included|include|includes|comprised|comprise|were|are){_LIST_HEAD}|"
    rf"among\s+(?:the|those)\s+(?:dead|killed|victims|deceased|injured|wounded|"
    rf"casualties|fatalities|martyred|martyrs)(?:\s+(?:shifted|taken|brought|admitted|rushed|moved|"
    rf"evacuated|identified|recovered|received)\b[^,.;\d]{{0,40}}?)?"
    rf"(?:\s+were|\s+was|\s+are|\s+is)?{_LIST_HEAD}|"
    rf"(?P<toll>toll\b[^,.;]{{0,120}}?(?:,\s*(?:(?-i:[A-Z])[\w'-]*\s*){{1,3}},[^,.;]{{0,60}}?)?"
    rf"\b(?:to|at|of|was|is|stood|stands|reached|reaches|hit|"
    rf"hits)|"
    rf"(?:death|injured|wounded)\s+(?:count|tally)\b[^,.;]{{0,40}}?"
    rf"\b(?:now|to|at|was|is|stood|stands|reached)|"
    rf"{_NUMBER_OF}[^,.;]{{0,120}}?\b(?:to|at|was|is|stood|stands|reached)|"
    rf"(?:bringing|taking|raising|pushing)\s+the\s+(?:death\s+)?toll\b[^,.;]{{0,60}}?"
    rf"\s+to)|"
    rf"(?:the\s+)?(?:dead|killed|deceased|victims|injured|wounded)\s*,\s*"
    rf"(?:among\s+(?:them|whom)|including)|"
    rf"(?P<lost>lost))"
    rf"\s+(?:all\s+|another\s+|the\s+|its\s+|his\s+|her\s+|their\s+|only\s+|just\s+)?"
    rf"[\"'“‘]?$",
    re.IGNORECASE,
)
# a definite description between cue and count: "killing the group's leader and | two"
_DEFINITE_AND = re.compile(r"\b(?:killing|killed|injuring|injured|wounding|wounded|including|"
                           r"among\s+them|among\s+whom)\s+(?P<np>(?:the|his|her|their|its)\s+"
                           r"[^,.;\d]{1,40}?\s+and\s+)$", re.IGNORECASE)
# whose losses a toll counts: "put the army's losses at | 30"
_POSSESSOR = re.compile(r"\b([a-z]+)['’]s?\s+(?:own\s+)?(?:losses|toll|casualties|dead)\b"
                        r"[^,.;\d]{0,30}?\b(?:at|to|as)\s+$", re.IGNORECASE)
# "Among them were | two children": a part of the figure before the sentence
_AMONG_THEM = re.compile(r"^\s*among\s+(?:them|those)\s+(?:were|was|are|is)\s+$",
                         re.IGNORECASE)

# --- both outcomes at once, or no attack ------------------------------------------------------
_KILL, _HURT = r"(?:kill(?:ed|ing)|dead)", r"(?:wound(?:ed|ing)|injur(?:ed|ing))"
_MIXED_BEFORE = re.compile(rf"\b(?:{_KILL}\s+(?:and|or)\s+{_HURT}|{_HURT}\s+(?:and|or)\s+{_KILL})"
                           r"\s+(?:\w+\s+)?$", re.IGNORECASE)
_MIXED_AFTER = re.compile(rf"^\s*(?:were|was|have\s+been|had\s+been)?\s*(?:{_KILL}\s+(?:and|or)"
                          rf"\s+{_HURT}|{_HURT}\s+(?:and|or)\s+{_KILL})\b", re.IGNORECASE)
# Deaths that no attack caused: "29 children have died because of the shortage of medicines".
_NOT_VIOLENCE = re.compile(
    r"^[^.;]{0,60}?\b(?:because\s+of|due\s+to|owing\s+to|of|from)\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:shortage|lack|cold|disease|diseases|illness|hunger|starvation|malnutrition|floods?|heat|"
    r"drowning|accidents?|exposure|heart\s+attack|natural\s+causes)\b",
    re.IGNORECASE)
# The cue's outcome: any word of dying gives "killed", the rest "injured".
_DEAD_CUES = re.compile(r"kill|dead|death|died|dies|breathed|fell|gave|martyr|slain|lives|"
                        r"bod(?:y|ies)|deceased|toll|"
                        r"fatalit|"
                        r"lost|massacr|murder|execut|slew|victims|perish|succumb|beheaded|"
                        r"passed\s+away|"
                        r"lynched|gunned|gunning|fatally|mortally|shahadat|neutrali|"
                        r"eliminat|hell|death|alive|slaughter|lynch|behead|buried",
                        re.IGNORECASE)


def outcome_of(cue: str) -> str:
    return "killed" if _DEAD_CUES.search(cue) else "injured"


def direct_outcomes(ms: list[Mention], gaps: list[str], rests: list[str],
                    context: str) -> None:
    """Each mention's own outcome cue; ``context`` is the outcome of the figure before the
    sentence ("Among them were two children", "It was later revised to 12")."""
    for i, m in enumerate(ms):
        before, after = gaps[i], gaps[i + 1]
        if _LABEL_AHEAD.match(after) and not _own_outcome(m):
            continue  # "Killed: 3, Injured: 5": the next field's label is not this count's cue
        if _SPEAKER_AFTER.match(after) or _SPEAKER_AFTER.match(
                _NAME_ASIDE.sub(r"\1 ", after, count=1)):
            m.speaker = True  # "a senior official said", "a police official, Inspector Khan, said"
            continue
        if (_MIXED_BEFORE.search(before) or _MIXED_AFTER.match(after)
                or _NOT_VIOLENCE.match(after)):
            m.excluded = True  # "killing and wounding more than 60"; "died of hunger"
            continue
        found = (_own_outcome(m) or _after_outcome(after, i + 1 < len(ms))
                 or (("injured", "after") if _WITH_INJURIES.match(after) else None)
                 or _after_subset_aside(rests[i])
                 or (_after_outcome(rests[i], False) if after.lstrip().startswith("(")
                     else None)  # "Three personnel (two jawans and a rifleman) were injured"
                 or _modifier_outcome(m) or _before_outcome(m, past_definite(before))
                 or _gap_outcome(after) or _pronoun_outcome(after)
                 or _context_outcome(m, before, context))
        if found:
            m.outcome, m.outcome_from = found
            m.hint = m.hint or _possessor(before)


def past_definite(before: str) -> str:
    """'killing the group's local leader and at least two other militants': a definite
    description is no count, but it stands between the figure and its cue; cut it."""
    d = _DEFINITE_AND.search(before)
    return before[:d.start("np")] if d else before


def _own_outcome(m: Mention) -> tuple[str, str] | None:
    """'11 dead', '37 bodies': the noun itself is the outcome."""
    if m.head in lx.OUTCOME_HEADS and not m.of_head:
        return lx.OUTCOME_HEADS[m.head], "head"
    return None


def _after_outcome(after: str, has_next: bool) -> tuple[str, str] | None:
    """'23 civilians were killed', '11 others injured', '58 people, most of them lawyers, were
    killed' (asides between commas, names and ages among them, are skipped)."""
    if _LABEL_AHEAD.match(after):
        return None  # "Killed: 2, Injured: 3": the next field's label is not this count's cue
    after = AGE_PHRASE.sub("", after, count=1)  # "four children aged five to 10 were ..."
    a = AFTER_CUE.match(after)
    unit = None if a else (_OF_PLACE.match(after) or _UNIT_PHRASE.match(after))
    if unit:  # "three soldiers of the assault team, ..."; "two civilians of Arandu village also
        after = after[unit.end():]  # lost their lives"
        a = AFTER_CUE.match(after)
    for _ in range(5):  # "two soldiers, Havildar Ali, 32, and Sepoy Khan, 24, embraced ..."
        aside = None if a else (_ASIDE.match(after) or _RELATIVE_ASIDE.match(after)
                                or _PAREN_ASIDE.match(after) or _RELATIVE_DIED.match(after))
        if not aside:
            break
        after = after[aside.end():]
        if _LABEL_AHEAD.match(after):
            return None  # "Killed: 7 (4 on the spot), Injured: 12"
        a = AFTER_CUE.match(after)
    if not a:
        return None
    if has_next and not after[a.end():].strip() and not _has_aux(after[:a.start("cue")]):
        return None  # "a bomber killed six": the verb belongs to the next figure
    outcome = outcome_of(a.group("cue"))
    if outcome == "injured" and ((_RELATIVE_START.match(after) and _LATER_DEATH.search(
            after[a.end():])) or _AND_DIED.match(after, a.end())):
        # "a constable who was injured ... succumbed to his injuries"; "was hit by a stray
        # bullet and died on the way to hospital"
        outcome = "killed"
    return outcome, "after"


def _after_subset_aside(rest: str) -> tuple[str, str] | None:
    """'Eleven people, of whom six were elders, were killed': the cue after an aside that
    names a part of the victims (the part is a mention of its own)."""
    unit = _UNIT_PHRASE.match(rest)  # "three soldiers of the assault team, including ..."
    rest = rest[unit.end():] if unit else rest
    aside = SUBSET_ASIDE.match(rest) or _NAMELY.match(rest)
    if not aside:
        return None
    # what follows the part may hold more asides: "..., including a lieutenant, having fought
    # gallantly, embraced shahadat"
    return _after_outcome("," + rest[aside.end():], False)


def _modifier_outcome(m: Mention) -> tuple[str, str] | None:
    """'four wounded villagers'; 'two of the injured' (unless a verb after says more)."""
    for w in m.mods:
        if w in ("dead", "slain", "killed"):
            return "killed", "head"
        if w in ("wounded", "injured"):
            return "injured", "head"
    if m.of_head in lx.OUTCOME_HEADS:
        return lx.OUTCOME_HEADS[m.of_head], "head"
    return None


def _before_outcome(m: Mention, before: str) -> tuple[str, str] | None:
    """'killing nine people', 'the deaths of', 'the toll rose to', 'the attackers lost'."""
    b = _BEFORE_CUE.search(before)
    if not b:
        return None
    m.toll = bool(b.group("toll"))
    if b.group("tollnoun"):
        m.hint = lx.CATEGORY_OF.get(b.group("tollnoun").lower(), "")
    if b.group("tollout"):
        return outcome_of(b.group("tollout")), "before"
    if b.group("lost"):
        subject = re.search(r"(\w+)\s+(?:had\s+|have\s+|has\s+)?$", before[:b.start()])
        m.hint = lx.CATEGORY_OF.get(subject.group(1).lower(), "") if subject else ""
        if m.head not in ("men", "fighters", "soldiers", "personnel", "comrades", "members"):
            return None  # "lost 3 vehicles" is not about people
    return outcome_of(b.group("cue")), "before"


def _possessor(before: str) -> str:
    """'put the army's losses at 30': the category of whose losses or toll it is."""
    p = _POSSESSOR.search(before)
    if not p:
        return ""
    word = p.group(1).lower()
    if word in lx.SECURITY_MODIFIERS:
        return "security_forces"
    return lx.CATEGORY_OF.get(word, "")


def gap_cue(after: str) -> str:
    """The cue after a short phrase ("a policeman escorting a team was shot dead"), or ""."""
    aged = AGE_PHRASE.match(after)
    if aged:  # "a rickshaw driver aged 40, was also hit and lost his life"
        after = re.sub(r"^\s*,", " ", after[aged.end():])
    # "a fisherman walking home from the jetty, Ghulam Rasool, 45, was hit ... and died"
    after = _NAME_ASIDE.sub(r"\1 ", after, count=1)
    g = _AFTER_GAP_CUE.match(after)
    return g.group("cue") if g else ""


def _gap_outcome(after: str) -> tuple[str, str] | None:
    cue = gap_cue(after)
    return (outcome_of(cue), "gap") if cue else None


def _pronoun_outcome(after: str) -> tuple[str, str] | None:
    """'abducted 11 coal miners ... and later shot them dead'."""
    p = _PRONOUN_CUE.search(after)
    if not p:
        return None
    return ("killed" if p.group("kill") else "injured"), "pronoun"


def _context_outcome(m: Mention, before: str, context: str) -> tuple[str, str] | None:
    """'Among them were two children', 'Two of them were children': the outcome of the
    figure before the sentence."""
    if context and (_AMONG_THEM.search(before) or REVISION_CUE.search(before)
                    or (m.of_head in ("them", "victims") and not before.strip())):
        return context, "before"
    return None


def _has_aux(text: str) -> bool:
    return bool(re.search(r"\b(?:were|was|are|is|been|be)\b", text, re.IGNORECASE))

