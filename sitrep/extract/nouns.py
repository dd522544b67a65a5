"""The noun phrase that a count of people counts: its head noun and modifiers, the group of
"two of the injured" or "three of them", and the victims' home (a province or a people)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.extract import lexicon as lx
from sitrep.extract.patterns import COUNT_RE, PROVINCE_RE

if TYPE_CHECKING:
    from sitrep.extract.mentions import Mention

_TOKEN = re.compile(r"[A-Za-z0-9][\w'’.-]*|[^\w\s]")
_OF_GROUP = re.compile(r"\s+of\s+(?P<det>the|its|their|these|those|them|whom|his|her|our)\b",
                       re.IGNORECASE)
_HOME = re.compile(
    r"\s*,?\s*(?:(?:all|both|who|mostly|most|hailed|hailing|came|coming|were|was|belonging|"
    r"belonged|residents|natives|originally|of\s+(?:whom|them))\s+)*(?:from|of|to)\s+(?:the\s+)?"
    + PROVINCE_RE.pattern
    # "from Khyber Pakhtunkhwa's Shangla and Swat districts": the districts are in the province
    + r"(?:['’]s\s+(?:[A-Z][\w-]*\s+){1,2}(?:(?:and|&)\s+(?:[A-Z][\w-]*\s+){1,2})?"
      r"(?:districts?|valleys?|divisions?|regions?|areas?)\b)?"
)


def attach_noun_phrase(text: str, mention: Mention, limit: int) -> None:
    """Fill head, mods, of_head, home and the evidence end of ``mention``."""
    pos = mention.end
    of = _OF_GROUP.match(text, pos, limit)
    if of:
        pos = _attach_of_group(text, mention, of, limit)
        if mention.of_head:
            _attach_home(text, mention, limit)  # "three of the dead were from Punjab"
            return
    tokens = noun_tokens(text, pos, limit)
    head_i = _head_index([t for t, _, _ in tokens]) if tokens else None
    if head_i is None:
        _attach_home(text, mention, limit)  # "seven from Swat": the number elides its noun
        return
    words = [t.lower() for t, _, _ in tokens]
    after_head = words[head_i + 1] if head_i + 1 < len(words) else ""
    mention.head = words[head_i]
    if after_head in lx.NOT_PEOPLE_NOUNS:
        mention.head = after_head  # "a militant hideout" counts hideouts, not militants
    mention.mods = words[:head_i]
    mention.end = mention.np_end = tokens[head_i][2]
    for w in mention.mods:
        if w in lx.PEOPLES:
            mention.home = lx.PEOPLES[w]
    if mention.head in lx.NEEDS_MODIFIER:
        of = _OF_PHRASE.match(text, mention.end, limit)
        if of:
            # "four guards of a former senator": the phrase says who they are, and the
            # person it names ("a senator") is not counted on their own
            mention.mods += of.group(1).lower().split()
            rest = noun_tokens(text, of.start(1), limit)  # the whole noun phrase after "of"
            mention.np_end = max(of.end(), rest[-1][2] if rest else 0)
    _attach_home(text, mention, limit)


# "members of a family", "personnel of the Frontier Corps": the words that say who.
_OF_PHRASE = re.compile(r"\s+of\s+(?:the\s+|a\s+|an\s+)?"
                        r"((?:[A-Za-z'’-]+\s+){0,2}[A-Za-z'’-]+)")


def _attach_of_group(text: str, mention: Mention, of: re.Match, limit: int) -> int:
    """'five of the six attackers', 'two of the injured', 'three of them'."""
    det = of.group("det").lower()
    if det in ("them", "whom"):
        mention.of_head = det
        mention.end = mention.np_end = of.end()
        _attach_apposed_noun(text, mention, limit)
        return mention.end
    pos = of.end()
    inner = COUNT_RE.match(text, pos + 1) if text[pos:pos + 1] == " " else None
    if inner:
        pos = inner.end()
    tokens = noun_tokens(text, pos, limit)
    head_i = _head_index([t for t, _, _ in tokens]) if tokens else None
    if head_i is None:
        return of.start()
    head = tokens[head_i][0].lower()
    mention.end = mention.np_end = tokens[head_i][2]
    if inner and head in lx.OUTCOME_HEADS:
        mention.inner = inner.start()  # "three of the six injured": the six is a figure too
    if head in lx.GENERIC_NOUNS:
        mention.of_head = head
    else:
        mention.head = head
        mention.mods = [t.lower() for t, _, _ in tokens[:head_i]]
    return mention.end


def _attach_apposed_noun(text: str, mention: Mention, limit: int) -> None:
    """'four people, two of them children, were killed': the noun after 'of them'."""
    tokens = noun_tokens(text, mention.np_end, limit)
    head_i = _head_index([t for t, _, _ in tokens]) if tokens else None
    if head_i is None:
        return
    head = tokens[head_i][0].lower()
    # "two of them children"; "two of them Levies men" (a generic head its modifier names)
    if head in lx.VICTIM_NOUNS and (head not in lx.GENERIC_NOUNS or (
            head in lx.NEEDS_MODIFIER and head_i > 0)):
        mention.head = head
        mention.mods = [t.lower() for t, _, _ in tokens[:head_i]]
        mention.end = mention.np_end = tokens[head_i][2]


def noun_phrase(text: str, pos: int, limit: int) -> tuple[str, list[str]]:
    """(head, modifiers) of the noun phrase starting at ``pos``; ("", []) when none."""
    tokens = noun_tokens(text, pos, limit)
    head_i = _head_index([t for t, _, _ in tokens]) if tokens else None
    if head_i is None:
        return "", []
    words = [t.lower() for t, _, _ in tokens]
    return words[head_i], words[:head_i]


_QUOTES = {'"', "“", "”", "‘", "’", "'"}


def noun_tokens(text: str, pos: int, limit: int) -> list[tuple[str, int, int]]:
    """Up to four words after ``pos`` before a stop word, a number or punctuation."""
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text, pos, limit):
        tok = m.group(0).rstrip(".")
        if tok in _QUOTES:
            continue  # 15 "terrorists": the quoted noun is still the noun
        if re.fullmatch(r"\w+-year-old", tok):  # "a 45-year-old shopkeeper"
            out.append((tok, m.start(), m.start() + len(tok)))
            continue
        if not re.match(r"[A-Za-z]", tok) or tok.lower() in lx.NOUN_STOP:
            break
        if tok[0].isupper() and text[m.start() + len(tok):m.start() + len(tok) + 1] == ":":
            break  # "Killed:3 Injured:5": a field's label, not the noun of the 3
        out.append((tok, m.start(), m.start() + len(tok)))
        if len(out) == 4:
            break
    return out


def _head_index(tokens: list[str]) -> int | None:
    """The victim noun among ``tokens`` (the last one), or an unknown plural noun first."""
    lower = [t.lower().replace("’", "'") for t in tokens]
    for i, t in enumerate(lower[1:], start=1):
        if t in lx.OUTCOME_HEADS:  # "others injured": the participle is not the noun
            if all(w.endswith("ly") for w in lower[:i]):
                return i  # "three of the critically injured": the adjective is the noun
            if i + 1 < len(lower) and lower[i + 1] in lx.VICTIM_NOUNS:
                continue  # "one more injured man": an adjective before the noun
            lower = lower[:i]
            break
    hits = [i for i, t in enumerate(lower) if t in lx.VICTIM_NOUNS]
    if hits:
        return hits[-1]
    first = lower[0]
    if first in lx.NOT_PEOPLE_NOUNS:
        return 0  # "10 vehicles": found so that the caller can drop it
    for i, (token, word) in enumerate(zip(tokens, lower)):
        # "30 apostates", "10 Punjabi occupiers", two "state informers": a noun the lexicon
        # does not know, after names of peoples or places, or after one modifier at the end
        if not token[0].islower() and word not in lx.PEOPLES and not word.endswith(
                ("i", "an", "ese", "ish")):
            return None  # "5 NATO tankers": a name, not a people's ("10 Punjabi occupiers")
        if token[0].islower():
            if _unknown_plural(word):
                return i
            last = len(lower) - 1
            if i + 1 == last and tokens[last][0].islower() and _unknown_plural(lower[last]):
                return last
            return None
    return None


def _unknown_plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith("ss") and len(word) > 3


def _attach_home(text: str, mention: Mention, limit: int) -> None:
    m = _HOME.match(text, mention.np_end, limit)
    if not m:
        return
    mention.home = home_name(m.group(1))
    mention.np_end = m.end()


def home_name(written: str) -> str:
    """A province as written ("NWFP", "Sind") by its official name, through the alias table."""
    from sitrep.places import resolve_province  # the shared alias table of province names
    province = resolve_province(written, "PK")
    return province.name if province else written
