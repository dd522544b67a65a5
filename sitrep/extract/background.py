"""Rule 5, background: sentences about earlier events ("last year", "since 2023") give no
figures, nor do figures after "a day after" or "two days earlier" (another event)."""

from __future__ import annotations

import re

from sitrep.extract.patterns import EVENT_NOUN

# Time before this event: "last year", "since 2023", "in March", "the decade-long insurgency".
_BACKGROUND_CUE = re.compile(
    r"\b(?:last|previous|past)\s+(?:(?:two|three|four|five|six|several|few|\d+)\s+)?"
    r"(?:year|month|decade|years|months|decades)\b|"
    r"\b(?:a|one|two|three|several)\s+decades?\b(?!-)|"
    r"\bover\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years?|months?|decades?)\b|"
    r"\bsince\s+(?:\w+\s+)?(?:19|20)\d\d\b|"
    r"\bin\s+(?:19|20)\d\d\b|\bso\s+far\s+this\s+year\b|\bearlier\s+this\s+year\b|"
    r"\bin\s+(?:january|february|march|april|june|july|august|september|october|november|"
    r"december)\b|\bin\s+similar\s+attacks\b|\bsince\s+(?:the\s+)?(?:start|beginning)\b|"
    r"\b(?:have|has)\s+been\b[^.;]{0,80}?\bthis\s+year\b|\bin\s+may\s+(?:19|20)\d\d\b|"
    r"\b(?:decade|decades|years|months)-long\s+(?:war|conflict|insurgency|violence|fighting|"
    r"feud|campaign|dispute|crisis)\b|\b[a-z]+-decade\b|"
    r"\b(?:war|conflict|insurgency|violence|fighting|feud)\b[^.;]{0,60}?\b(?:has|have)\s+"
    r"(?:so\s+far\s+|already\s+)?(?:killed|claimed)\b|"
    r"\bsince\s+(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b|"
    r"\bsince\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:violence|war|conflict|insurgency|fighting)\s+"
    r"(?:broke\s+out|began|erupted|started)\b",
    re.IGNORECASE,
)
# "one of the deadliest encounters | since a 2014 deal": this event, compared
_COMPARISON = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest|highest|first|"
                         r"heaviest)\b[^.;]*$", re.IGNORECASE)
# "the fifth such attack in the last three months": this event, counted among others
_NTH_ATTACK = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                         r"\d+(?:st|nd|rd|th))\s+(?:such\s+|major\s+|deadly\s+)?"
                         rf"{EVENT_NOUN}s?\s+"
                         r"(?:(?:on|in)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?"
                         r"(?:in|over|during|within)\s+(?:the\s+)?$", re.IGNORECASE)
# a clause that tells the earlier events after all: "since January, when 14 were killed"
_EARLIER_TOLD = re.compile(r"\b(?:in\s+which|when|which|that|who)\b", re.IGNORECASE)
# Figures after these words belong to an earlier event: "a day after four people were shot".
_EARLIER_EVENT = re.compile(r"(?:\b(?:a|one|two|three|four|five|six|\d+|several|few)\s+"
                            r"(?:day|week|month|year)|\b(?:days|weeks|months|years))\s+"
                            r"(?:after|before|earlier|ago)\b|"
                            r"\b(?:erupted|began|started|came|followed)\s+(?:after|following)\s+"
                            r"an?\s+(?:\w+\s+){0,2}(?:attack|ambush|blast|bombing|clash)",
                            re.IGNORECASE)


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
               for b in _BACKGROUND_CUE.finditer(sentence))


def earlier_event(text: str, start: int, end: int) -> re.Match | None:
    """Where the sentence ``text[start:end]`` turns to an earlier event, if it does."""
    return _EARLIER_EVENT.search(text, start, end)
