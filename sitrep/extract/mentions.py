"""Find the numbers of people in one sentence, with the noun each one counts.

A *mention* is a count phrase ("over 40", "twenty-three", "between 14 and 20", "a dozen",
or "a", "another", "his" before a singular victim noun) followed by its noun phrase
("individuals from Punjab province", "Frontier Corps personnel", "of the six attackers",
a quoted "terrorists"). Numbers that count things other than people (hours, vehicles, dates,
ages, money, police station numbers) are dropped here.
The noun phrase after a count is read in :mod:`.nouns`; whether a mention is a casualty figure
is decided later, by the rules that :mod:`.figures` runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.counts import CountError, parse_count
from sitrep.extract import lexicon as lx
from sitrep.extract.nouns import attach_noun_phrase, noun_tokens
from sitrep.extract.patterns import COUNT_RE, NUMBER

_PLURAL_FORMS = {"men", "women", "children", "people", "personnel", "police", "levies",
                 "troops", "gunmen", "policemen", "servicemen", "fishermen", "policewomen",
                 "passersby", "passers-by", "khwarij", "khawarij", "dead", "injured",
                 "wounded", "others", "staff"}


@dataclass
class Mention:
    """One count of people in a sentence; offsets are into the whole document."""

    start: int            # evidence: the count phrase through its head noun
    end: int
    count_text: str       # "over 40": the words of the count, for the draft log
    low: int
    high: int | None
    head: str = ""        # head noun, lower case ("" when the number stands alone)
    mods: list[str] = field(default_factory=list)
    np_end: int = 0       # end of the whole noun phrase (home province included)
    of_head: str = ""     # "two of the injured" -> "injured"
    singular: bool = False
    home: str = ""        # "Punjab" (a province) or "Baloch" (a people)
    # set by the rules of figures.py
    outcome: str = ""
    outcome_from: str = ""  # head | after | before | gap | next | previous
    category: str = ""
    subset: bool = False
    claim: bool = False
    update: bool = False
    speaker: bool = False   # "a senior official said": the person speaks, not a victim
    hint: str = ""          # a category named elsewhere: "the number of policemen killed"
    part: bool | None = None  # set when the sentence decides it: "seven were among 19 killed"
    toll: bool = False      # the figure of a toll phrase: "the number of dead at 18"
    stale: bool = False     # a figure reported first and since replaced: "initially said 10"
    revision: bool = False  # a toll revised, up or down: "revised the toll to four"
    other_event: bool = False  # an update said to be of another incident ("a separate blast")
    breakdown: bool = False  # an item of a breakdown by kind: "14 dead: ten employees, ..."
    hit: bool = False       # people hit, with no outcome yet: "Two herders were hit; one died"
    inner: int = 0          # start of the count inside "three of the six injured"
    excluded: bool = False  # never a figure: "killed and wounded 75" (both outcomes in one),
                            # "29 children died because of the shortage of medicines"
    named: bool = False     # a part said to be people of some kind: "four of the dead were
                            # members of one family" (unknown, but said)


def find_mentions(text: str, start: int, end: int) -> list[Mention]:
    """The mentions in ``text[start:end]`` (one sentence), in order."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in COUNT_RE.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in taken):
            continue
        mention = _count_mention(text, m.start(), m.end(), end, start)
        if mention is not None:
            found.append(mention)
            taken.append((mention.start, mention.inner or mention.np_end))
    for m in _BOTH.finditer(text, start, end):
        if not any(a <= m.start() < b for a, b in taken):
            mention = _both_mention(text, m.start(), m.end(), end)
            if mention is not None:
                found.append(mention)
                taken.append((mention.start, mention.np_end))
    for m in _ONE.finditer(text[start:end]):
        s = start + m.start()
        if any(a <= s < b for a, b in taken):
            continue
        mention = _article_mention(text, s, start + m.end(), end)
        if mention is not None:
            found.append(mention)
            taken.append((mention.start, mention.np_end))
    return _fold_appositions(text, sorted(found, key=lambda x: x.start))


def _fold_appositions(text: str, found: list[Mention]) -> list[Mention]:
    """'One of the injured, a 16-year-old boy, later died', 'A fifth policeman, a constable
    who was hit in the neck, died': the apposed 'a boy' or 'a constable' is the person just
    counted, so it names that mention's noun (if it had none) instead of counting again."""
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if (prev is not None and m.singular and prev.low == prev.high == 1
                and (prev.singular or (not prev.head and prev.of_head))
                and re.fullmatch(r"\s*,\s*", text[prev.np_end:m.start])
                and _APPOSITION_END.match(text, m.np_end)):
            if not prev.head:
                prev.head, prev.mods = m.head, m.mods
            prev.home = prev.home or m.home
            prev.np_end = m.np_end
            continue
        out.append(m)
    return out


_APPOSITION_END = re.compile(r"\s*(?:aged\s+\d{1,3}\s*)?(?:,|(?:who|whom|that)\b[^,;.\d]{1,60},)")


def _count_mention(text: str, s: int, e: int, limit: int, sentence_start: int = 0
                   ) -> Mention | None:
    words = " ".join(text[s:e].split())
    if _not_people(text, s, e, words):
        return None
    count = _parse(words)
    if count is None or count.high == 0:
        return None
    mention = Mention(s, e, words, count.low, count.high, np_end=e)
    attach_noun_phrase(text, mention, limit)
    if mention.head in lx.NOT_PEOPLE_NOUNS:
        return None
    if not mention.head and not mention.of_head and (
            _AT_TIME.search(text[sentence_start:s]) or _DAY.search(text[max(0, s - 6):s])):
        return None  # "the convoy reached the pass at nine": a time; "on day one"
    if _looks_like_year(words, mention):
        return None
    return mention


def _parse(words: str):
    """parse_count, plus 'an estimated 15 to 20' (an approximate range), read as the range."""
    words = re.sub(r"\bhalf\s+a\s+dozen\b", "six", words, flags=re.IGNORECASE)
    try:
        return parse_count(words)
    except CountError:
        pass
    bare = re.sub(r"^(?:about|around|some|approximately|roughly|nearly|almost|an\s+estimated|"
                  r"estimated)\s+", "", words, flags=re.IGNORECASE)
    try:
        return parse_count(bare) if bare != words else None
    except CountError:
        return None


def _not_people(text: str, s: int, e: int, words: str) -> bool:
    after, before = text[e:e + 16], text[max(0, s - 14):s]
    if _NOT_PEOPLE_AFTER.match(after) or _NOT_PEOPLE_BEFORE.search(before):
        return True
    if re.search(r"[-/]\Z|\d[:.]\Z", before) or re.match(r"^[-/]\w", after):
        return True  # "N-70", "1/2", "12:10"
    if _AGE_LIST.search(text, max(0, s - 40), s):
        return True  # "two girls aged 12 and 14": the 14 is an age too
    if words.isdigit() and _NAME_BEFORE.search(before) and _AGE_AFTER.match(after):
        return True  # "Sepoy Gul Zaman, 24, embraced shahadat": an age after a name
    if re.match(r"^\s+" + _MONTH_RE.pattern, after, re.IGNORECASE):
        return True  # "25 August"
    return bool(re.search(_MONTH_RE.pattern + r"\s*$", before, re.IGNORECASE))


# A number glued to these is not a count of people ("12-hour siege", "a 45-year-old man").
_NOT_PEOPLE_AFTER = re.compile(
    r"^(?:\s*-\s*|\s+)?(?:(?:year|yr|hour|hr|minute|min|day|week|month|km|kilometre|"
    r"kilometer|kilo|kg|inch|inche|metre|meter|mile|mm|tonne|ton|litre|storey|round|shot|"
    r"rupee|dollar|time|crore|lakh)s?\b|feet\b|foot\b|per\s*cent\b|percent\b|pc\b|%|"
    r"p\.?m\b|a\.?m\b|o'clock|rs\b|million\b|billion\b|th\b|st\b|nd\b|rd\b|"
    r"storey|story\b)"
    r"|^\s*(?::|\.\d|/\d)",
    re.IGNORECASE,
)
_NOT_PEOPLE_BEFORE = re.compile(
    r"(?:\bno\.?|\bnumber|\bsection|\bn-|\bm-|\brs\.?|\$|\brescue|\bbrigade|\bcorps|\bwing|"
    r"\bunit|\bplatoon|\bbattalion|\broute|\bblock|\bsector|\bphase|\bchapter|\barticle|"
    r"\bpage|\bflight|\bpost|\bgate|\broom|\bhouse|\bstreet|\broad|\bkm|\bage[sd]?|\baged|"
    r"\bclass|\bgrade|\bparagraph|\bcase|"
    # a time: "by the time the Elite Force arrived at six"
    r"\b(?:arrived|came|reached|returned|started|began|ended|left|struck)\s+at)\s*$",
    re.IGNORECASE,
)
_MONTH_RE = re.compile(r"\b(?:" + "|".join(lx.MONTHS) + r")\b\.?", re.IGNORECASE)
# "at nine", "at about six", unless a toll is put at it ("the toll stood at nine")
_DAY = re.compile(r"\bday\s+$", re.IGNORECASE)
_AT_TIME = re.compile(r"(?:^|[.;])(?![^.;]*\b(?:toll|tally|number|figure|count|total|dead|killed|"
                      r"injured|wounded|casualties|deaths|losses|put|placed|estimated|stood|"
                      r"stands)\b)[^.;]*\bat\s+(?:about\s+|around\s+)?$",
                      re.IGNORECASE)
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]+\s*[,(]\s*$")
_AGE_AFTER = re.compile(r"^\s*(?:[,);]|and\b|\.)")
_AGE = r"(?:\d+|" + NUMBER + r")"
_AGE_LIST = re.compile(rf"\b(?:aged|ages)\s+{_AGE}(?:\s*(?:,|and|or|to)\s*{_AGE})*"
                       r"\s*(?:,|and|or|to)\s*$", re.IGNORECASE)


def _looks_like_year(words: str, mention: Mention) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", words)) and mention.head not in lx.VICTIM_NOUNS


# "a policeman", "his son", "our driver", "another employee": one person, if a singular
# victim noun follows.
_ONE = re.compile(r"\b(?:a|an|his|her|their|my|our)\s+|\banother\b\s*", re.IGNORECASE)
_POSSESSIVE = {"his", "her", "their", "my", "our"}
_BOTH = re.compile(r"\bboth\s+(?:the\s+|of\s+the\s+)?", re.IGNORECASE)


def _both_mention(text: str, s: int, e: int, limit: int) -> Mention | None:
    """'both attackers were killed': two people; not 'both soldiers and civilians'."""
    mention = Mention(s, e, "2", 2, 2, np_end=e)
    attach_noun_phrase(text, mention, limit)
    if mention.head not in lx.VICTIM_NOUNS or mention.head in lx.OUTCOME_HEADS:
        return None
    if re.match(r"\s*(?:,\s*)?(?:and|or|as\s+well\s+as)\b", text[mention.np_end:limit]):
        return None
    return mention


_ORDINAL = re.compile(r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b",
                      re.IGNORECASE)


def _article_mention(text: str, s: int, e: int, limit: int) -> Mention | None:
    """'a policeman', 'an attacker', 'a man', 'his son': one person, when the noun is a
    singular victim noun; 'a fourth was wounded': one more of the people just counted."""
    determiner = text[s:e].strip().lower()
    ordinal = _ORDINAL.match(text, e, limit) if determiner in ("a", "an") else None
    if ordinal and not noun_tokens(text, ordinal.end(), limit):
        return Mention(s, ordinal.end(), "1", 1, 1, np_end=ordinal.end(), singular=True)
    if determiner == "another" and _alone(text, e, limit):
        # "shot dead three men and injured another": one more of the people just counted
        return Mention(s, s + 7, "1", 1, 1, np_end=s + 7, singular=True)
    mention = Mention(s, e, "1", 1, 1, np_end=e, singular=True)
    attach_noun_phrase(text, mention, limit)
    return mention if _singular_victim(mention.head, determiner in _POSSESSIVE) else None


def _singular_victim(head: str, possessive: bool) -> bool:
    """A singular victim noun; 'a man' counts, 'his body' does not (it repeats a victim)."""
    if not head or head in _PLURAL_FORMS or (head.endswith("s") and not head.endswith("ss")):
        return False
    if head in lx.GENERIC_NOUNS and (possessive or head not in lx.SINGULAR_GENERIC):
        return False
    return head in lx.VICTIM_NOUNS and head not in {"levy", "personnel"}


def _alone(text: str, pos: int, limit: int) -> bool:
    """Nothing countable follows: no noun, no number ("another 32 people")."""
    rest = text[pos:limit]
    if re.match(r"\s*(?:\d|" + NUMBER + r"\b)", rest, re.IGNORECASE):
        return False
    tokens = noun_tokens(text, pos, limit)
    return not tokens or tokens[0][0].lower() in lx.OUTCOME_HEADS  # "and another injured"

