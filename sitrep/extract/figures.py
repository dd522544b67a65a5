"""Decide which mentions are casualty figures, and of what: outcome, category, claim, update.

Rules, in the order they apply to one sentence (see tests/fixtures/extract/README.md for the
conventions they implement):

1. **Outcome** comes from the figure's own noun ("11 dead", "bodies", "12 lives"), then a
   passive cue right after it ("were killed", "lost their lives"), also after an aside that
   names a part of the victims ("Eleven people, of whom six were elders, were killed"), then
   an active cue right before it ("killing", "the deaths of", "the toll rose to", "the
   injured, among them"), then a passive cue after a short phrase ("a policeman escorting a
   team was shot dead"). A relative clause's injury gives way to a later death ("a constable
   who was injured ... succumbed"). Figures joined by "and" or "including" share the cue of
   their neighbour, and a figure whose verb is not repeated takes the one before ("two were
   killed in Quetta and three in Turbat"). A mention with no outcome is not a figure: that
   is how force sizes, participants, arrests and displaced families are left out; nor is one
   whose cue mixes both outcomes ("killing and wounding more than 60", "killed or injured").
   A field label gives its outcome to the counts of its own field ("Killed: a farmer and his
   two sons"; "Martyred: 3 (1 vaccinator, 2 constables). Injured: 2"), up to the next field,
   bar, dash or clause; a figure gives its outcome to a breakdown by kind after a colon,
   bracket or dash ("14 dead: ten employees, two soldiers and two bystanders"), whose items
   are exact figures of their own, but not to "12 injured (3 critically)".
2. **Subsets** ("including two children", "among the victims were 14 individuals") never
   make a second total: a generic noun gives ``unknown``, a category noun an open lower bound.
   In "seven soldiers were among 19 people killed" the 19 is the total and the seven a part;
   "two of them" after people who are not victims ("abducted six labourers") is no part;
   "two of the dead were children and one was a woman" makes two parts. A part that names
   neither category nor home ("nine of the injured were in critical condition") is dropped.
3. **Category** from the head noun and its modifiers; generic nouns give ``all``; a number
   standing alone takes the category of the noun it elides: the figure before it in the
   sentence, else the last figure of the sentences before ("A seventh later died"). A toll
   phrase names no victims ("the army put the number of dead at 18" gives ``all``). "All
   twelve" with no noun are the twelve counted earlier ("a group of twelve terrorists").
4. **Claims**: the nearest attribution before the figure (after it, if none before) decides
   whether an armed group or a "claim" speaks, or an official source.
5. **Background** sentences ("last year", "since 2023") give no figures, nor do figures after
   "a day after" or "two days earlier" (another event).
6. **Toll updates** ("the death toll rose to 15") supersede smaller earlier figures of the
   same category, outcome and claim, and the increments in their own sentence; a revision
   ("revised the toll to four") supersedes them whatever their size, and a figure given first
   ("after initially saying 10", "an earlier toll of six") gives way to any other of its kind.
   A toll that names no victims ("raising the death toll to seven") takes the category of
   the figures before it when they all share one (:func:`settle_tolls`). A later death that
   a toll of its sentence already counts ("Six people have died after a worker ... passed
   away") is no figure of its own; deaths of other people ("when two bombers died in the
   blast") are. A later update replaces an earlier one ("toll reaches 5" ... "climbs to 6")
   unless it is said to be another incident's ("a separate blast"); a toll given first ("had
   given a provisional toll of 17", "up from a toll of 27") gives way to any later figure of
   its outcome when it named no victims.

Each count of people that is no figure is reported with its reason (``dropped``), for
``unread.csv``.
"""

from __future__ import annotations

import re

from sitrep.extract import lexicon as lx
from sitrep.extract.mentions import Mention, find_mentions, home_name, noun_phrase

_CATEGORY_OF = {**{w: "civilians" for w in lx.CIVILIAN_NOUNS},
                **{w: "security_forces" for w in lx.SECURITY_NOUNS},
                **{w: "militants" for w in lx.MILITANT_NOUNS}}
_SUBSET_BEFORE = re.compile(r"\b(?:including|included|include|includes|comprised|comprise|"
                            r"incl\b\.?|among|of\s+whom)\b"
                            r"[^,;]*$", re.IGNORECASE)
# "..., including"; "5 dead bodies including" / "incl" (no comma in hurried copy)
_SUBSET_END = re.compile(r"(?:(?:^|[,—–(])\s*(?:including|among\s+them|among\s+whom|of\s+whom)|"
                         r"\b(?:including|incl\b\.?)|\band\s+(?:includes|included|include))\s*$",
                         re.IGNORECASE)
# "Three policemen were shot dead, as was a rickshaw driver"
_AS_WAS = re.compile(r",\s*as\s+(?:was|were|did)\s*(?:an?\s+)?$", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:which|who|that|whom)\b", re.IGNORECASE)
_RELATIVE_START = re.compile(r"^\s*,?\s*(?:who|that)\b", re.IGNORECASE)
_POSSESSOR = re.compile(r"\b([a-z]+)['’]s?\s+(?:own\s+)?(?:losses|toll|casualties|dead)\b"
                        r"[^,.;\d]{0,30}?\b(?:at|to|as)\s+$", re.IGNORECASE)
_AMONG_THEM = re.compile(r"^\s*among\s+(?:them|those)\s+(?:were|was|are|is)\s+$",
                         re.IGNORECASE)
_AGE_PHRASE = re.compile(r"^\s*,?\s*aged\s+(?:between\s+)?[\w-]+(?:\s+(?:and|to|or)\s+[\w-]+)?"
                         r"(?:\s+years)?\s*(?:,(?=\s*(?:who|were|was))|(?=\s))", re.IGNORECASE)
_AND_END = re.compile(r"[^,.;\d]{0,40}?\band\s*", re.IGNORECASE)
_NO_VERB = re.compile(r"\s*(?:(?:in|at|on|near|from)\b[^,.;]{0,40})?\s*(?:[,.;]|$)", re.IGNORECASE)
_PREDICATE_AND = re.compile(r"^\s*(?:were|was|are|is)\b[^,.;\d]{0,80}\band\s*$",
                            re.IGNORECASE)
_KILL, _HURT = r"(?:kill(?:ed|ing)|dead)", r"(?:wound(?:ed|ing)|injur(?:ed|ing))"
_MIXED_BEFORE = re.compile(rf"\b(?:{_KILL}\s+(?:and|or)\s+{_HURT}|{_HURT}\s+(?:and|or)\s+{_KILL})"
                           r"\s+(?:\w+\s+)?$", re.IGNORECASE)
_MIXED_AFTER = re.compile(rf"^\s*(?:were|was|have\s+been|had\s+been)?\s*(?:{_KILL}\s+(?:and|or)"
                          rf"\s+{_HURT}|{_HURT}\s+(?:and|or)\s+{_KILL})\b", re.IGNORECASE)
_AMONG_TOTAL = re.compile(r"(?:^|\b)\s*(?:were|was|are|is)\s+(?:also\s+|reportedly\s+)?among\s+"
                          r"(?:the\s+)?$", re.IGNORECASE)
_PART_BEFORE = re.compile(r"^[^,.;\d]{0,40}$")  # "two constables guarding the mosque"
_SUBSET_ASIDE = re.compile(r"\s*[,—–]\s*(?:including|among\s+(?:them|whom)|of\s+whom|"
                           r"[\w-]+\s+of\s+(?:them|whom)|mostly)\b"
                           r"[^,;—–]{1,100}[,—–]", re.IGNORECASE)
# "three persons, namely his brother, aged 45, his cousin and a guest, were killed"
_NAMELY = re.compile(r"\s*,\s*(?:namely|viz\.?|i\.e\.)\s[^.;]{1,160}?,(?=\s*(?:were|was|had|have|"
                     r"has)\b)", re.IGNORECASE)
_ASIDE = re.compile(r"\s*,(?:(?:[^,;.\d(]|\d{1,3}-year-old|aged\s+\d{1,3}|Rs\.?\s?\d[\d.]*|"
                    r"\([^()]{0,80}\)){1,80}|\s*\d{1,2}\s*)(?=,)|"  # names, ages, money
                    r"\s*[—–][^—–.;]{1,120}?[—–]")  # "Two soldiers — Naik A, 29, and ... — embraced"
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
_PAREN_ASIDE = re.compile(r"\s*\([^()]{1,100}\)")  # "Three personnel (two jawans and ...) were"
_RELATIVE_ASIDE = re.compile(r"\s*(?:who|whom|that)\b[^,;.\d]{1,60}(?=,)", re.IGNORECASE)
# verbs of a victim's own dying, after the noun: "... also died", "... and later succumbed"
_DYING = (r"(?:died|succumbed|perished|passed\s+away|"
          r"lost\s+(?:his|her|their)\s+li(?:fe|ves))")
# a relative clause with no commas, before a verb of dying: "a woman who lived beside the
# station also died"
_RELATIVE_DIED = re.compile(rf"\s*(?:who|that)\s[^,;.\d]{{1,60}}?(?=\s(?:also\s+|later\s+)?"
                            rf"{_DYING}\b)", re.IGNORECASE)
_AMONG_AFTER = re.compile(rf"^\s*,?\s*{lx._AUX}{lx.AMONG_AFTER}\b", re.IGNORECASE)
_DEFINITE_AND = re.compile(r"\b(?:killing|killed|injuring|injured|wounding|wounded|including|"
                           r"among\s+them|among\s+whom)\s+(?P<np>(?:the|his|her|their|its)\s+"
                           r"[^,.;\d]{1,40}?\s+and\s+)$", re.IGNORECASE)
_CARRYING = re.compile(r"\b(?:carrying|transporting|ferrying|full\s+of|packed\s+with|"
                       r"(?:convoy|column|busload|truckload)\s+of)\s+(?:the\s+)?", re.IGNORECASE)
_SOME_OF = re.compile(r"\b(?:most|many|some|several|half|majority)\s+of\s+(?:the\s+)?$",
                      re.IGNORECASE)
_AND_DIED = re.compile(rf"[^.;,]{{0,40}}?\band\s+(?:later\s+)?{_DYING}\b", re.IGNORECASE)
_ROLE_HEADS = {"leader", "leaders", "commander", "commanders", "chief", "chiefs", "head",
               "sub-leader", "sub-leaders", "sub-commander", "sub-commanders"}
_COMPARISON = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest|highest|first|"
                         r"heaviest)\b[^.;]*$", re.IGNORECASE)
_PREDICATE_HOME = re.compile(r"[^,.;]{0,40}?\bfrom\s+(?:the\s+)?" + lx.PROVINCE_RE.pattern)
# A named or described first item of a list: "an ASI, Ghulam Akbar, and two constables were
# martyred"; "a Levies constable who had tried to stop the bomber and five children were ..."
_ASIDE_AND = re.compile(r"^\s*(?:,[^.;:]{1,160}?,|(?:,\s*)?(?:who|whose)\b[^.;:]{1,120}?)"
                        r"\s*(?:and|as\s+well\s+as)\s*$", re.IGNORECASE)
# "two police constables who were on duty at the chowk and a boy of about ten"
_RELATIVE_AND = re.compile(r"^\s*(?:who|whose|that)\b[^.;:,]{1,100}?\s+(?:and|as\s+well\s+as)\s*$",
                           re.IGNORECASE)
_FRONTED_OF = re.compile(r"\bof\s+(?:the|those)\s+(dead|killed|injured|wounded|deceased)\s*,\s*$",
                         re.IGNORECASE)
# "12 civilians injured when a wall collapsed, four children among them"
_AMONG_THEM_AFTER = re.compile(r"\s*among\s+them\b", re.IGNORECASE)
# "9 persons with minor injuries were given first aid"
# ... or "seven people had been taken to hospital with gunshot wounds"
_WITH_INJURIES = re.compile(r"^\s*(?:(?:had\s+been|have\s+been|has\s+been|were|was)\s+"
                            r"(?:taken|rushed|shifted|admitted|brought|moved|evacuated)\b"
                            r"[^,.;]{0,60}?\s+)?with\s+(?:[a-z-]+\s+){0,2}(?:injuries|wounds)\b",
                            re.IGNORECASE)
# A field label of a list or a form: "Killed: ...", "Casualties - Martyred: 3", "Injured: 2"
_FIELD_START = r"(?:^|(?<=[.;:(\n,|—–\ufeff])|(?<=\s[-/]))"  # where a form's field may begin
_LABEL_WORD = (r"(?P<label>killed|dead|martyred|martyrs|deaths|fatalities|injured|wounded|hurt)"
               r"(?:\s+(?:received|reported|confirmed|so\s+far))?\s*:")
_LABEL = re.compile(rf"(?:{_FIELD_START}|(?<=\d\s))\s*{_LABEL_WORD}", re.IGNORECASE)
# the next field's label right after a count: "Killed: 2, Injured: 3"
_LABEL_AHEAD = re.compile(rf"^\s*[,|/;—–-]?\s*{_LABEL_WORD}", re.IGNORECASE)
# where a label's reach ends: another field ("arrested:"), a bar, a semicolon, a dash
_LABEL_END = re.compile(rf"{_FIELD_START}\s*[A-Za-z]+(?:\s+[a-z]+)?\s*:|"
                        rf";(?!\s*(?:and\b|\d|{lx.NUMBER}\b))|\||\s[-–—]\s|—|\(", re.IGNORECASE)
_NAME_ASIDE = re.compile(r"^([^,.;:]{0,60}?),\s*(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+\s*"
                         r"(?:,\s*\d{1,3}\s*)?,")
_LIST_AGES = re.compile(r"^\s*,\s*aged\s+\d{1,3}(?:\s*(?:,|and|to|or)\s*\d{1,3})*(?=\s*,)",
                        re.IGNORECASE)
_EVENT_NOUN = r"(?:attack|incident|blast|bombing|explosion|ambush|clash|killing|strike|raid)"
# an update said to be of another incident: "the death toll from a separate blast rose to 20"
_OTHER_EVENT = re.compile(rf"\b(?:separate|another|second|other|earlier)\s+(?:\w+\s+)?"
                          rf"{_EVENT_NOUN}\b", re.IGNORECASE)
# "the fifth such attack in the last three months": this event, counted among others
_NTH_ATTACK = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                         r"\d+(?:st|nd|rd|th))\s+(?:such\s+|major\s+|deadly\s+)?"
                         rf"{_EVENT_NOUN}s?\s+"
                         r"(?:(?:on|in)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?"
                         r"(?:in|over|during|within)\s+(?:the\s+)?$", re.IGNORECASE)
# the people an attack hit, with no outcome yet: "Two herders were hit; one died"
_HIT_AFTER = re.compile(r"\s+(?:were|was|had\s+been)\s+(?:hit|shot|caught|trapped|targeted|"
                        r"fired\s+on|ambushed|attacked)\b", re.IGNORECASE)
_OWN_VERB = re.compile(r"\s+(?:were|was|are|is|had|have|has)\b", re.IGNORECASE)
_EARLIER_TOLD = re.compile(r"\b(?:in\s+which|when|which|that|who)\b", re.IGNORECASE)
_PREPOSITION_END = re.compile(r"\b(?:in|on|by|with|at|from|to|into|for|after)\s+$", re.IGNORECASE)
_TOTAL_BEFORE = re.compile(r"(?:^|[.;:]\s*)(?:the\s+)?(?:total|overall|grand\s+total|in\s+all)\b"
                           r"[^.;:\d]{0,30}[:\-–—,]?\s*$", re.IGNORECASE)
_IT_REACHED = re.compile(r"\bit\s+(?:had\s+|has\s+)?(?:reached|(?:rose|risen|climbed|jumped)\s+to)"
                         r"\s+$", re.IGNORECASE)
_ALL_N = re.compile(r"\ball(?:\s+of)?(?:\s+the)?\s+$", re.IGNORECASE)
# dying of earlier wounds: "succumbed", "passed away", "died of his injuries", "died in hospital"
_LATER_DYING = (r"(?:succumbed|passed\s+away|breathed\s+(?:his|her|their)\s+last|"
                r"died\s+(?:of|from)\s+(?:his|her|their)\s+(?:injuries|wounds)|"
                r"(?:later\s+)?died\s+(?:later\s+)?(?:in|at)\s+(?:the\s+)?"
                r"(?:hospital|(?-i:[A-Z])))")
_INCREMENT_BEFORE = re.compile(r"\b(?:after|when|as)\s*$", re.IGNORECASE)
_ADJECTIVE_HEADS = {"dead", "killed", "injured", "wounded", "hurt"}
_OF_VICTIMS = {"dead", "injured", "wounded", "victims", "killed", "casualties", "them",
               "whom", "deceased", "fatalities", "martyrs"}


# Why a count of people in a sentence is no figure (``sentence_figures(..., dropped=[])``).
BACKGROUND = "the sentence reads as background: an earlier event"
EARLIER_EVENT = "after 'a day after', 'two days earlier' and the like: another, earlier event"
EXCLUDED = ("one count for both outcomes ('killed and wounded 75'), or deaths no attack "
            "caused ('died of hunger')")
NO_OUTCOME = "no casualty outcome (killed, injured) tied to this count"
VAGUE_PART = ("a part of the victims that names neither a kind nor a home ('nine of them "
              "critically')")
INCREMENT = ("in the same sentence as a toll update, which counts it (a later death, or the "
             "toll before the update)")
LATER_DEATH = ("a later death of someone already hurt, which the total in the same sentence "
               "counts ('six have died after two injured men passed away')")


def sentence_figures(text: str, start: int, end: int, context: tuple[str, str] = ("", ""),
                     dropped: list[tuple[Mention, str]] | None = None) -> list[Mention]:
    """The casualty figures of one sentence ``text[start:end]`` (document offsets);
    ``context`` is (category, outcome) of the last figure before the sentence, if any.
    Each count of people that is no figure is appended to ``dropped``, with the reason."""
    dropped = [] if dropped is None else dropped
    mentions = find_mentions(text, start, end)
    if background_sentence(text, start, end):
        dropped += [(m, BACKGROUND) for m in mentions]
        return []
    for m in mentions:
        if not m.head and not m.of_head and (
                f := _FRONTED_OF.search(text, max(start, m.start - 40), m.start)):
            m.of_head = f.group(1).lower()  # "Of the dead, four were soldiers"
    earlier = lx.EARLIER_EVENT.search(text, start, end)
    if earlier:  # "..., which came a day after four people were shot dead"
        dropped += [(m, EARLIER_EVENT) for m in mentions if m.start >= earlier.start()]
        mentions = [m for m in mentions if m.start < earlier.start()]
    if not mentions:
        return []
    gaps = _gaps(text, start, end, mentions)
    rests = [text[m.np_end:end] for m in mentions]
    _direct_outcomes(mentions, gaps, rests, context[1])
    _toll_pronoun(text, start, mentions, gaps)
    for i, m in enumerate(mentions):
        m.hit = not m.outcome and bool(_HIT_AFTER.match(gaps[i + 1]))
    for i, m in enumerate(mentions):
        if _TOTAL_BEFORE.search(gaps[i]):
            m.toll = True  # "Total casualties: 5 martyred, 8 injured": a count of all victims
    _labelled_outcomes(text, start, end, mentions)
    _shared_outcomes(mentions, gaps)
    _among_totals(mentions, gaps)
    _predicates(text, end, mentions, rests)
    _numbered_antecedents(text, start, mentions, gaps)
    figures = [m for m in mentions if m.outcome]
    for m in mentions:
        m.subset = _is_subset(m, mentions, gaps, rests)
    _categories(mentions, _carried(text, start, mentions[0].start) or context[0])
    _claims(text, start, end, figures)
    _updates(mentions, gaps)
    kept = _drop_increments(figures, gaps, mentions)
    for m in mentions:
        if m in kept and not _vague_part(m):
            continue
        updated = {u.outcome for u in figures if u.update}
        reason = (EXCLUDED if m.excluded else NO_OUTCOME if not m.outcome
                  else VAGUE_PART if m in kept
                  else INCREMENT if m.outcome in updated else LATER_DEATH)
        dropped.append((m, reason))
    return [m for m in kept if not _vague_part(m)]


def background_sentence(text: str, start: int, end: int) -> bool:
    """The sentence ``text[start:end]`` tells of earlier events, and gives no figures; an
    aside ("who went missing last month") does not make it so."""
    sentence = re.sub(r",\s*(?:who|whom|which)\b(?:[^,]|,(?=\d))*,(?!\d)", ",", text[start:end])
    return _background(sentence)


def _background(sentence: str) -> bool:
    """The sentence tells of earlier events ("last year", "since 2023"), unless the cue only
    compares this event with them ("one of the deadliest encounters since a 2014 deal")."""
    return any(not ((b.group(0).lower().startswith("since")
                     and _COMPARISON.search(sentence[max(0, b.start() - 60):b.start()]))
                    or (_NTH_ATTACK.search(sentence[max(0, b.start() - 60):b.start()])
                        and not _EARLIER_TOLD.search(sentence, b.end())))
               for b in lx.BACKGROUND_CUE.finditer(sentence))


def _gaps(text: str, start: int, end: int, ms: list[Mention]) -> list[str]:
    """gaps[i] is the text before mention i; gaps[-1] the text after the last one."""
    bounds = [start] + [x for m in ms for x in (m.start, m.np_end)] + [end]
    return [text[bounds[2 * i]:bounds[2 * i + 1]] for i in range(len(ms) + 1)]


def _outcome_of(cue: str) -> str:
    return "killed" if lx.DEAD_CUES.search(cue) else "injured"


def _direct_outcomes(ms: list[Mention], gaps: list[str], rests: list[str],
                     context: str) -> None:
    """Each mention's own outcome cue; ``context`` is the outcome of the figure before the
    sentence ("Among them were two children", "It was later revised to 12")."""
    for i, m in enumerate(ms):
        before, after = gaps[i], gaps[i + 1]
        if _LABEL_AHEAD.match(after) and not _own_outcome(m):
            continue  # "Killed: 3, Injured: 5": the next field's label is not this count's cue
        if lx.SPEAKER_AFTER.match(after) or lx.SPEAKER_AFTER.match(
                _NAME_ASIDE.sub(r"\1 ", after, count=1)):
            m.speaker = True  # "a senior official said", "a police official, Inspector Khan, said"
            continue
        if (_MIXED_BEFORE.search(before) or _MIXED_AFTER.match(after)
                or lx.NOT_VIOLENCE.match(after)):
            m.excluded = True  # "killing and wounding more than 60"; "died of hunger"
            continue
        found = (_own_outcome(m) or _after_outcome(after, i + 1 < len(ms))
                 or (("injured", "after") if _WITH_INJURIES.match(after) else None)
                 or _after_subset_aside(rests[i])
                 or (_after_outcome(rests[i], False) if after.lstrip().startswith("(")
                     else None)  # "Three personnel (two jawans and a rifleman) were injured"
                 or _modifier_outcome(m) or _before_outcome(m, _past_definite(before))
                 or _gap_outcome(after) or _pronoun_outcome(after)
                 or _context_outcome(m, before, context))
        if found:
            m.outcome, m.outcome_from = found
            m.hint = m.hint or _possessor(before)


def _past_definite(before: str) -> str:
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
    after = _AGE_PHRASE.sub("", after, count=1)  # "four children aged five to 10 were ..."
    a = lx.AFTER_CUE.match(after)
    unit = None if a else (_OF_PLACE.match(after) or _UNIT_PHRASE.match(after))
    if unit:  # "three soldiers of the assault team, ..."; "two civilians of Arandu village also
        after = after[unit.end():]  # lost their lives"
        a = lx.AFTER_CUE.match(after)
    for _ in range(5):  # "two soldiers, Havildar Ali, 32, and Sepoy Khan, 24, embraced ..."
        aside = None if a else (_ASIDE.match(after) or _RELATIVE_ASIDE.match(after)
                                or _PAREN_ASIDE.match(after) or _RELATIVE_DIED.match(after))
        if not aside:
            break
        after = after[aside.end():]
        if _LABEL_AHEAD.match(after):
            return None  # "Killed: 7 (4 on the spot), Injured: 12"
        a = lx.AFTER_CUE.match(after)
    if not a:
        return None
    if has_next and not after[a.end():].strip() and not _has_aux(after[:a.start("cue")]):
        return None  # "a bomber killed six": the verb belongs to the next figure
    outcome = _outcome_of(a.group("cue"))
    if outcome == "injured" and ((_RELATIVE_START.match(after) and lx.LATER_DEATH.search(
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
    aside = _SUBSET_ASIDE.match(rest) or _NAMELY.match(rest)
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
    b = lx.BEFORE_CUE.search(before)
    if not b:
        return None
    m.toll = bool(b.group("toll"))
    if b.group("tollnoun"):
        m.hint = _CATEGORY_OF.get(b.group("tollnoun").lower(), "")
    if b.group("tollout"):
        return _outcome_of(b.group("tollout")), "before"
    if b.group("lost"):
        subject = re.search(r"(\w+)\s+(?:had\s+|have\s+|has\s+)?$", before[:b.start()])
        m.hint = _CATEGORY_OF.get(subject.group(1).lower(), "") if subject else ""
        if m.head not in ("men", "fighters", "soldiers", "personnel", "comrades", "members"):
            return None  # "lost 3 vehicles" is not about people
    return _outcome_of(b.group("cue")), "before"


def _possessor(before: str) -> str:
    """'put the army's losses at 30': the category of whose losses or toll it is."""
    p = _POSSESSOR.search(before)
    if not p:
        return ""
    word = p.group(1).lower()
    if word in lx.SECURITY_MODIFIERS:
        return "security_forces"
    return _CATEGORY_OF.get(word, "")


def _gap_cue(after: str) -> str:
    """The cue after a short phrase ("a policeman escorting a team was shot dead"), or ""."""
    aged = _AGE_PHRASE.match(after)
    if aged:  # "a rickshaw driver aged 40, was also hit and lost his life"
        after = re.sub(r"^\s*,", " ", after[aged.end():])
    # "a fisherman walking home from the jetty, Ghulam Rasool, 45, was hit ... and died"
    after = _NAME_ASIDE.sub(r"\1 ", after, count=1)
    g = lx.AFTER_GAP_CUE.match(after)
    return g.group("cue") if g else ""


def _gap_outcome(after: str) -> tuple[str, str] | None:
    cue = _gap_cue(after)
    return (_outcome_of(cue), "gap") if cue else None


def _pronoun_outcome(after: str) -> tuple[str, str] | None:
    """'abducted 11 coal miners ... and later shot them dead'."""
    p = lx.PRONOUN_CUE.search(after)
    if not p:
        return None
    return ("killed" if p.group("kill") else "injured"), "pronoun"


def _context_outcome(m: Mention, before: str, context: str) -> tuple[str, str] | None:
    """'Among them were two children', 'Two of them were children': the outcome of the
    figure before the sentence."""
    if context and (_AMONG_THEM.search(before) or lx.REVISION_CUE.search(before)
                    or (m.of_head in ("them", "victims") and not before.strip())):
        return context, "before"
    return None


def _has_aux(text: str) -> bool:
    return bool(re.search(r"\b(?:were|was|are|is|been|be)\b", text, re.IGNORECASE))


def _shared_outcomes(ms: list[Mention], gaps: list[str]) -> None:
    """'Five soldiers and two civilians were killed'; 'killing 23 civilians and 14 officials'."""
    changed = True
    while changed:
        changed = False
        for i, m in enumerate(ms):
            if m.outcome or m.speaker or m.excluded:
                continue
            after, before = gaps[i + 1], _LIST_AGES.sub("", _past_definite(gaps[i]), count=1)
            # "while" opens another clause: "a constable and a woman, while six of the
            # injured ..." does not give the woman the injured's outcome
            after = _LIST_AGES.sub("", after, count=1)  # "his two sons, aged 9 and 12, his ..."
            joined_after = (lx.CONNECTOR.match(after) or lx.SUBSET_CONNECTOR.match(after)
                            or (m.singular and _ASIDE_AND.match(after))) \
                and not re.match(r"\s*,?\s*while\b", after)
            # a list opened by a cue before it goes on: "Among the dead were two vendors and a
            # sweeper, and four constables were among the injured"
            listed = (i > 0 and ms[i - 1].outcome and lx.CONNECTOR.match(before)
                      and ms[i - 1].outcome_from in ("before", "previous"))
            # a part after its whole is of the whole's outcome: "five martyrs, among them a
            # child, and 14 wounded"
            listed = listed or (i > 0 and ms[i - 1].outcome and not ms[i - 1].subset
                                and bool(_SUBSET_END.search(before)))
            if (not listed and i + 1 < len(ms) and joined_after
                    and ms[i + 1].outcome_from in ("after", "gap", "next", "head")
                    and ms[i + 1].outcome):
                m.outcome, m.outcome_from = ms[i + 1].outcome, "next"
                changed = True
            elif i > 0 and ms[i - 1].outcome and (
                    (_joined(before, ms[i - 1], after)
                     and ms[i - 1].outcome_from in ("before", "previous", "label"))
                    or _SUBSET_END.search(before) or _next_part(ms[i - 1], m, before)
                    or _elided_verb(before, after) or _AMONG_THEM_AFTER.match(after)
                    or _AS_WAS.search(before)
                    or _breakdown_item(before, ms[i - 1], m)
                    or (m.of_head in ("them", "whom") and gaps[i].rstrip().endswith(","))):
                m.outcome, m.outcome_from = ms[i - 1].outcome, "previous"
                # the items of a breakdown: "14 dead: ten employees, two soldiers and ..."
                m.breakdown = _breakdown_item(before, ms[i - 1], m) or (
                    ms[i - 1].breakdown and _joined(before, ms[i - 1]))
                changed = True


def _toll_pronoun(text: str, start: int, ms: list[Mention], gaps: list[str]) -> None:
    """'the toll stood at nine; by Wednesday, after three of the wounded died, it had reached a
    dozen': 'it' is the toll, and the figure after it an update."""
    for i, m in enumerate(ms):
        if (not m.outcome and _IT_REACHED.search(gaps[i])
                and re.search(r"\btoll\b", text[start:m.start], re.IGNORECASE)):
            m.outcome, m.outcome_from, m.toll, m.update = "killed", "before", True, True


def _labelled_outcomes(text: str, start: int, end: int, ms: list[Mention]) -> None:
    """'Killed: a farmer, his wife and their two sons'; 'Martyred: 3 (1 vaccinator, ...).
    Injured: 2': a field label gives its outcome to the counts after it, up to the next."""
    labels = [(start + m.end(), _outcome_of(m.group("label")))
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


def _breakdown_item(before: str, previous: Mention, m: Mention) -> bool:
    """'14 dead: ten employees, two soldiers ...', 'Martyred: 3 (1 vaccinator, 2 constables)':
    the first item of a breakdown by kind (a count with a category noun) after a colon, a
    bracket or a dash; not '12 injured (3 critically)' or '8 people: 5 at the market'."""
    return (before.strip() in (":", "(", "—", "–", "-") and not previous.subset
            and bool(m.head) and m.head not in _ADJECTIVE_HEADS)


def _joined(between: str, previous: Mention, after: str = "") -> bool:
    """Two items of one list: 'two constables and a woman'; 'a local elder, Malik Zada, and
    two of his nephews' (a named first item); 'two constables who were on duty and a boy',
    but not '... who were guarding the site and 20 workers were evacuated'."""
    return bool(lx.CONNECTOR.match(between) or (previous.singular and _ASIDE_AND.match(between))
                or (_RELATIVE_AND.match(between) and not _OWN_VERB.match(after)))


def _elided_verb(before: str, after: str) -> bool:
    """'two people were killed in Quetta and three in Turbat', 'five soldiers were killed
    and two militants': the verb of the figure before is not repeated."""
    a = lx.AFTER_CUE.match(before)
    return bool(a and _AND_END.fullmatch(before[a.end():]) and _NO_VERB.match(after))


def _next_part(previous: Mention, m: Mention, before: str) -> bool:
    """'two of the dead were children and one was a woman': the bare number after a part
    of the victims is another part."""
    return bool(previous.of_head in _OF_VICTIMS and not m.head
                and (lx.CONNECTOR.match(before) or _PREDICATE_AND.match(before)))


def _among_totals(ms: list[Mention], gaps: list[str]) -> None:
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


def _predicates(text: str, end: int, ms: list[Mention], rests: list[str]) -> None:
    """'the three killed were civilians': the category is named after the verb."""
    for i, m in enumerate(ms):
        if m.head and m.head not in lx.GENERIC_NOUNS:
            continue
        p = lx.PREDICATE.match(rests[i])
        if not p or _SOME_OF.search(text, max(0, m.start - 25), m.start):
            continue  # "most of the 17 people killed were civilians" names not all of them
        head, mods = noun_phrase(text, m.np_end + p.end(), end)
        category = _phrase_category(head, mods)
        m.named = bool(head) and head not in _ADJECTIVE_HEADS
        if category not in ("", "all", "unknown"):
            m.hint = category
            m.home = m.home or next((lx.PEOPLES[w] for w in mods if w in lx.PEOPLES), "")
        if head and not m.home:  # "four of the dead were members of a family from Sindh"
            home = _PREDICATE_HOME.match(text, m.np_end + p.end(), end)
            m.home = home_name(home.group(1)) if home else ""


def _numbered_antecedents(text: str, start: int, ms: list[Mention], gaps: list[str]) -> None:
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
            category = _phrase_category(head, mods)
            if category not in ("", "all", "unknown"):
                m.hint = category


def _is_subset(m: Mention, ms: list[Mention], gaps: list[str], rests: list[str]) -> bool:
    if m.part is not None:
        return m.part
    i = ms.index(m)
    if any(o.inner and o.inner == m.start for o in ms):
        return False  # the whole in "three of the six injured"
    if m.of_head in ("them", "whom") and i and not ms[i - 1].outcome and _phrase_category(
            ms[i - 1].head, ms[i - 1].mods):
        # "abducted six labourers and shot dead two of them": a part of the abducted; but
        # "six gunmen ... checked the passengers' cards and shot dead 14 of them": the
        # passengers, named nearer
        m.hint = (_bare_antecedent(gaps[i])
                  or _phrase_category(ms[i - 1].head, ms[i - 1].mods))
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
        m.hint = _phrase_category(ms[i - 1].head, ms[i - 1].mods)
        return False
    if m.of_head in _OF_VICTIMS:
        # "one of the injured later died" is one more death, not a part of the dead
        return not (m.outcome == "killed" and m.of_head in ("injured", "wounded"))
    before = gaps[i]
    if _AMONG_AFTER.match(_AGE_PHRASE.sub("", gaps[i + 1], count=1)):
        return True  # "two journalists were among the dead"
    if m.outcome_from == "next" and i + 2 < len(gaps) and (
            _AMONG_AFTER.match(_AGE_PHRASE.sub("", gaps[i + 2], count=1))
            or (ms[i + 1].outcome_from == "gap"
                and _gap_cue(gaps[i + 2]).lower().startswith("among"))):
        return True  # "a constable and five children were among the dead"
    if _AMONG_THEM_AFTER.match(gaps[i + 1]):
        return True  # "killing at least 15 people, two police officers among them"
    if m.outcome_from == "gap" and _gap_cue(gaps[i + 1]).lower().startswith("among"):
        return True  # "two soldiers deployed to separate the sides were among the injured"
    aside = _SUBSET_ASIDE.match(rests[i])
    if aside and _AMONG_AFTER.match(rests[i][aside.end():]):
        return True  # "five civilians, among them a woman, were among the dead"
    if lx.SUBSET_CONNECTOR.match(before) or _SUBSET_BEFORE.search(before[-60:]):
        return not lx.UPDATE_CUE.search(before)
    if (i > 0 and _joined(before, ms[i - 1]) and ms[i - 1].subset
            and not (m.outcome_from in ("head", "after", "gap")
                     and m.outcome != ms[i - 1].outcome)):
        return True  # "including two children and a woman", not "..., and 14 wounded"
    if i > 0 and ms[i - 1].subset and _next_part(ms[i - 1], m, before):
        return True
    return False


def _bare_antecedent(before: str) -> str:
    """The category of the last plural victim noun before 'of them' ('the passengers'), or
    '' when there is none (then 'them' are the victims of a sentence before)."""
    for word in reversed(re.findall(r"[a-z][a-z-]*", before.lower())):
        if word in _CATEGORY_OF and word.endswith(("s", "men", "ren")):
            return _CATEGORY_OF[word]
    return ""


def _carried(text: str, start: int, end: int) -> str:
    """'a bomb struck a truck carrying soldiers, killing three': the category of the people a
    vehicle or column carried, for numbers that elide their noun after it."""
    c = _CARRYING.search(text, start, end)
    if not c:
        return ""
    head, mods = noun_phrase(text, c.end(), end)
    return _phrase_category(head, mods)


def _categories(ms: list[Mention], context: str) -> None:
    """Each mention's category; ``context`` is the category of the last figure of the
    sentences before, for a number that elides its noun ("A seventh later died")."""
    previous = context
    superset = ""  # the category of the last whole figure of the sentence
    for m in ms:
        # "7 dead" opening a sentence is a count of its own, not more of the last sentence's
        # victims; a number with no noun at all ("A seventh later died") is. A bare part
        # ("29 were injured, of whom 21 were discharged") names no kind of its own.
        adjective_only = m.head in _ADJECTIVE_HEADS and previous == context and not superset
        bare_part = m.subset and not m.head and not m.of_head and not m.home
        m.category = _noun_category(m, "" if adjective_only or bare_part else previous)
        if m.subset and m.head in _ROLE_HEADS and superset in ("militants", "security_forces"):
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
    if head in _CATEGORY_OF:
        return _CATEGORY_OF[head]
    if m.toll and (not head or head in _ADJECTIVE_HEADS):
        return "all"  # "the army put the number of dead at 18": a toll names no victims
    if head in _ADJECTIVE_HEADS:
        head = ""  # "killed and three wounded": the number stands for an elided noun
    elif head in lx.GENERIC_NOUNS or m.of_head:
        return "all"
    if head:
        return "unknown"  # a noun that names no category: "30 apostates"
    if previous not in ("", "all", "unknown"):
        return previous  # "four soldiers were killed and two were injured"
    return "all"


def _phrase_category(head: str, mods: list[str]) -> str:
    """The category a noun phrase names, '' when its head is no victim noun."""
    if head in lx.NEEDS_MODIFIER:
        return _modified_category(head, set(mods))
    return _CATEGORY_OF.get(head, "")


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


def _claims(text: str, start: int, end: int, figures: list[Mention]) -> None:
    events = _attributions(text[start:end])
    for m in figures:
        pos = m.start - start
        before = [k for e, k in events if e <= pos]
        # after the figure, only a speaker of the figure counts: "..., the group claimed",
        # not a relative clause about the attack ("the blast, which the group claimed")
        after = [k for e, k in events if e > m.np_end - start  # "40 of its fighters"
                 and not _RELATIVE.search(text[m.np_end:start + e])]
        kind = before[-1] if before else (after[0] if after else "")
        m.claim = kind == "claim"


def _attributions(sentence: str) -> list[tuple[int, str]]:
    """(end offset, 'claim' | 'official') for each attribution in a sentence, in order."""
    events = [(m.end(), "claim") for m in lx.CLAIM_BY_GROUP.finditer(sentence)]
    events += [(m.end(), "claim") for m in lx.CLAIM_VERB.finditer(sentence)]
    events += [(m.end(), "official") for m in lx.OFFICIAL_SAID.finditer(sentence)]
    # at the same position an official source wins: "militants ..., the army said"
    return sorted(events, key=lambda e: (e[0], e[1] == "official"))


def _updates(ms: list[Mention], gaps: list[str]) -> None:
    """Toll updates and revisions, and the figures they say were given first."""
    for i, m in enumerate(ms):
        if m.outcome and lx.UPDATE_CUE.search(gaps[i]):
            m.update = True
            m.other_event = bool(_OTHER_EVENT.search(gaps[i].split(",")[-1]))
            m.revision = bool(lx.REVISION_CUE.search(gaps[i]))
            if not m.head:
                m.category = m.hint or "all"
        elif m.outcome and lx.STALE_CUE.search(gaps[i]):
            m.stale = True


def _vague_part(m: Mention) -> bool:
    """'Nine of the injured were in critical condition', 'including five critically': a
    part of the victims that names neither a category nor a home says nothing new."""
    return (m.subset and (m.of_head in _OF_VICTIMS or not m.head)
            and m.category == "unknown" and not m.home and not m.update and not m.named)


def _drop_increments(figures: list[Mention], gaps: list[str],
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
                or (injured and re.match(rf"[^,.;]{{0,80}}?\b{_DYING}", after, re.IGNORECASE)))


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
