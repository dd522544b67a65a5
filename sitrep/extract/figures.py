"""Decide which mentions of one sentence are casualty figures, and of what: the rules' order.

Each rule is a module of its own (tests/fixtures/extract/README.md has the conventions they
implement), applied to one sentence in this order:

1. **Outcome**: a figure's own cue (:mod:`.outcomes`), a form's field label (:mod:`.labels`),
   a neighbour's cue (:mod:`.sharing`);
2. **Subsets**, parts of the victims that never make a second total (:mod:`.subsets`);
3. **Category** of the victims (:mod:`.categories`);
4. **Claims** of an armed group (:mod:`.claims`);
5. **Background** sentences and earlier events, which give no figures (:mod:`.background`);
6. **Toll updates**, and the figures they replace (:mod:`.updates`), also across a document
   (:func:`settle_tolls`, :func:`supersede`).

Each count of people that is no figure is reported with its reason (``dropped``), for
``unread.csv``.
"""

from __future__ import annotations

from sitrep.extract.background import background_sentence, earlier_event
from sitrep.extract.categories import (carried, mark_hits, mark_totals, numbered_antecedents,
                                       predicates, set_categories)
from sitrep.extract.claims import set_claims
from sitrep.extract.labels import labelled_outcomes
from sitrep.extract.mentions import Mention, find_mentions
from sitrep.extract.outcomes import direct_outcomes
from sitrep.extract.sharing import shared_outcomes
from sitrep.extract.subsets import among_totals, fronted_parts, mark_subsets, vague_part
from sitrep.extract.updates import (drop_increments, mark_updates, replacement, settle_tolls,
                                    supersede, toll_pronoun)

__all__ = ["sentence_figures", "settle_tolls", "supersede", "replacement", "BACKGROUND",
           "EARLIER_EVENT", "EXCLUDED", "NO_OUTCOME", "VAGUE_PART", "INCREMENT", "LATER_DEATH"]

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
    fronted_parts(text, start, mentions)
    earlier = earlier_event(text, start, end)
    if earlier:  # "..., which came a day after four people were shot dead"
        dropped += [(m, EARLIER_EVENT) for m in mentions if m.start >= earlier.start()]
        mentions = [m for m in mentions if m.start < earlier.start()]
    if not mentions:
        return []
    gaps = _gaps(text, start, end, mentions)
    rests = [text[m.np_end:end] for m in mentions]
    direct_outcomes(mentions, gaps, rests, context[1])
    toll_pronoun(text, start, mentions, gaps)
    mark_hits(mentions, gaps)
    mark_totals(mentions, gaps)
    labelled_outcomes(text, start, end, mentions)
    shared_outcomes(mentions, gaps)
    among_totals(mentions, gaps)
    predicates(text, end, mentions, rests)
    numbered_antecedents(text, start, mentions, gaps)
    figures = [m for m in mentions if m.outcome]
    mark_subsets(mentions, gaps, rests)
    set_categories(mentions, carried(text, start, mentions[0].start) or context[0])
    set_claims(text, start, end, figures)
    mark_updates(mentions, gaps)
    kept = drop_increments(figures, gaps, mentions)
    for m in mentions:
        if m in kept and not vague_part(m):
            continue
        updated = {u.outcome for u in figures if u.update}
        reason = (EXCLUDED if m.excluded else NO_OUTCOME if not m.outcome
                  else VAGUE_PART if m in kept
                  else INCREMENT if m.outcome in updated else LATER_DEATH)
        dropped.append((m, reason))
    return [m for m in kept if not vague_part(m)]


def _gaps(text: str, start: int, end: int, ms: list[Mention]) -> list[str]:
    """gaps[i] is the text before mention i; gaps[-1] the text after the last one."""
    bounds = [start] + [x for m in ms for x in (m.start, m.np_end)] + [end]
    return [text[bounds[2 * i]:bounds[2 * i + 1]] for i in range(len(ms) + 1)]
