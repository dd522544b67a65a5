"""Rule 1, shared cues: a mention with no cue of its own takes the outcome of a neighbour.

Figures joined by "and" or "including" share the cue of their neighbour, and a figure whose
verb is not repeated takes the one before ("two were killed in Quetta and three in Turbat").
A figure gives its outcome to a breakdown by kind after a colon, bracket or dash ("14 dead:
ten employees, two soldiers and two bystanders"), whose items are exact figures of their own,
but not to "12 injured (3 critically)".
"""

from __future__ import annotations

import re

from sitrep.extract import lexicon as lx
from sitrep.extract.mentions import Mention
from sitrep.extract.outcomes import past_definite
from sitrep.extract.patterns import AFTER_CUE, AMONG_THEM_AFTER, SUBSET_CONNECTOR

# Words that join two figures so that they share a cue.
# A short "of"/"from"/"at" phrase may close the first noun phrase: "two employees of a gas
# company and a Levies sepoy were shot dead".
_PP_WORD = (r"(?!(?:said|says|told|added|were|was|had|have|has|is|are|and|or|who|which|that|"
            r"when|while)\b)[a-z'’-]+")
_CONNECTOR = re.compile(rf"^\s*[\"”’]?\s*(?:(?:of|from|at|for|in)\s+(?:the\s+|a\s+|an\s+)?{_PP_WORD}"
                        rf"(?:\s+{_PP_WORD}){{0,3}}?\s*)?"
                        r"(?:,\s*)?(?:and|&|or|as\s+well\s+as|plus|along\s+with|besides|"
                        r"while|,)?\s*(?:another|also|his|her|their|its)?\s*$", re.IGNORECASE)
# A named or described first item of a list: "an ASI, Ghulam Akbar, and two constables were
# martyred"; "a Levies constable who had tried to stop the bomber and five children were ..."
_ASIDE_AND = re.compile(r"^\s*(?:,[^.;:]{1,160}?,|(?:,\s*)?(?:who|whose)\b[^.;:]{1,120}?)"
                        r"\s*(?:and|as\s+well\s+as)\s*$", re.IGNORECASE)
# "two police constables who were on duty at the chowk and a boy of about ten"
_RELATIVE_AND = re.compile(r"^\s*(?:who|whose|that)\b[^.;:,]{1,100}?\s+(?:and|as\s+well\s+as)\s*$",
                           re.IGNORECASE)
# a verb of its own after the next item: "... and 20 workers were evacuated"
_OWN_VERB = re.compile(r"\s+(?:were|was|are|is|had|have|has)\b", re.IGNORECASE)
# ages after a list item: "his two sons, aged 9 and 12, his brother ..."
_LIST_AGES = re.compile(r"^\s*,\s*aged\s+\d{1,3}(?:\s*(?:,|and|to|or)\s*\d{1,3})*(?=\s*,)",
                        re.IGNORECASE)
# "..., including"; "5 dead bodies including" / "incl" (no comma in hurried copy)
_SUBSET_END = re.compile(r"(?:(?:^|[,—–(])\s*(?:including|among\s+them|among\s+whom|of\s+whom)|"
                         r"\b(?:including|incl\b\.?)|\band\s+(?:includes|included|include))\s*$",
                         re.IGNORECASE)
# "Three policemen were shot dead, as was a rickshaw driver"
_AS_WAS = re.compile(r",\s*as\s+(?:was|were|did)\s*(?:an?\s+)?$", re.IGNORECASE)
# "two people were killed in Quetta and | three | in Turbat": a figure whose verb is elided
_AND_END = re.compile(r"[^,.;\d]{0,40}?\band\s*", re.IGNORECASE)
_NO_VERB = re.compile(r"\s*(?:(?:in|at|on|near|from)\b[^,.;]{0,40})?\s*(?:[,.;]|$)", re.IGNORECASE)
# "two of the dead | were children and | one was a woman": one more part
_PREDICATE_AND = re.compile(r"^\s*(?:were|was|are|is)\b[^,.;\d]{0,80}\band\s*$",
                            re.IGNORECASE)


def shared_outcomes(ms: list[Mention], gaps: list[str]) -> None:
    """'Five soldiers and two civilians were killed'; 'killing 23 civilians and 14 officials'."""
    changed = True
    while changed:
        changed = False
        for i, m in enumerate(ms):
            if m.outcome or m.speaker or m.excluded:
                continue
            after, before = gaps[i + 1], _LIST_AGES.sub("", past_definite(gaps[i]), count=1)
            # "while" opens another clause: "a constable and a woman, while six of the
            # injured ..." does not give the woman the injured's outcome
            after = _LIST_AGES.sub("", after, count=1)  # "his two sons, aged 9 and 12, his ..."
            joined_after = (_CONNECTOR.match(after) or SUBSET_CONNECTOR.match(after)
                            or (m.singular and _ASIDE_AND.match(after))) \
                and not re.match(r"\s*,?\s*while\b", after)
            # a list opened by a cue before it goes on: "Among the dead were two vendors and a
            # sweeper, and four constables were among the injured"
            listed = (i > 0 and ms[i - 1].outcome and _CONNECTOR.match(before)
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
                    (joined(before, ms[i - 1], after)
                     and ms[i - 1].outcome_from in ("before", "previous", "label"))
                    or _SUBSET_END.search(before) or next_part(ms[i - 1], m, before)
                    or _elided_verb(before, after) or AMONG_THEM_AFTER.match(after)
                    or _AS_WAS.search(before)
                    or _breakdown_item(before, ms[i - 1], m)
                    or (m.of_head in ("them", "whom") and gaps[i].rstrip().endswith(","))):
                m.outcome, m.outcome_from = ms[i - 1].outcome, "previous"
                # the items of a breakdown: "14 dead: ten employees, two soldiers and ..."
                m.breakdown = _breakdown_item(before, ms[i - 1], m) or (
                    ms[i - 1].breakdown and joined(before, ms[i - 1]))
                changed = True


def _breakdown_item(before: str, previous: Mention, m: Mention) -> bool:
    """'14 dead: ten employees, two soldiers ...', 'Martyred: 3 (1 vaccinator, 2 constables)':
    the first item of a breakdown by kind (a count with a category noun) after a colon, a
    bracket or a dash; not '12 injured (3 critically)' or '8 people: 5 at the market'."""
    return (before.strip() in (":", "(", "—", "–", "-") and not previous.subset
            and bool(m.head) and m.head not in lx.ADJECTIVE_HEADS)


def joined(between: str, previous: Mention, after: str = "") -> bool:
    """Two items of one list: 'two constables and a woman'; 'a local elder, Malik Zada, and
    two of his nephews' (a named first item); 'two constables who were on duty and a boy',
    but not '... who were guarding the site and 20 workers were evacuated'."""
    return bool(_CONNECTOR.match(between) or (previous.singular and _ASIDE_AND.match(between))
                or (_RELATIVE_AND.match(between) and not _OWN_VERB.match(after)))


def _elided_verb(before: str, after: str) -> bool:
    """'two people were killed in Quetta and three in Turbat', 'five soldiers were killed
    and two militants': the verb of the figure before is not repeated."""
    a = AFTER_CUE.match(before)
    return bool(a and _AND_END.fullmatch(before[a.end():]) and _NO_VERB.match(after))


def next_part(previous: Mention, m: Mention, before: str) -> bool:
    """'two of the dead were children and one was a woman': the bare number after a part
    of the victims is another part."""
    return bool(previous.of_head in lx.OF_VICTIMS and not m.head
                and (_CONNECTOR.match(before) or _PREDICATE_AND.match(before)))
