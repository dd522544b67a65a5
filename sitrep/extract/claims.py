"""Rule 4, claims: the nearest attribution before the figure (after it, if none before)
decides whether an armed group or a "claim" speaks, or an official source."""

from __future__ import annotations

import re

from sitrep.extract.mentions import Mention

# An armed group, by name or as "the group", "its fighters": what it says is a claim.
_GROUP = (r"(?:Baloch(?:istan)?|Baluch(?:istan)?)\s+Liberation\s+(?:Army|Front)|\bBLA\b|\bBLF\b|"
          r"\bBRAS\b|Baloch\s+Raaji\s+Aajoi\s+Sangar|\bTTP\b|Tehreek-e-Taliban|"
          r"Tehrik-i-Taliban|Pakistani\s+Taliban|Islamic\s+State(?:\s+group)?|\bISIS\b|\bISKP\b|"
          r"\bIS\b|Daesh|Al-Shabaab|al-Shabab|Boko\s+Haram|\bISWAP\b|Lashkar-e-\w+|"
          r"Jaish-e-\w+|Hafiz\s+Gul\s+Bahadur|Majeed\s+Brigade|Jamaat-ul-Ahrar|\bJuA\b|"
          r"Jundallah|al-Qaeda|\bAQIS\b|Hizbul\s+Mujahideen|Jaish\s+al-Adl|\bJNIM\b|"
          r"Baloch\s+Republican\s+(?:Army|Guards)|\bBRA\b|\bBRG\b|Baloch\s+Nationalist\s+Army|"
          r"Ittehad-ul-Mujahideen|Tehreek-e-Jihad|Ansar\s+al-\w+|"
          r"(?:the|a|an)\s+(?:[\w-]+\s+){0,3}(?:group|outfit|organisation|organization|alliance|"
          r"coalition|militia|faction)|"
          r"its\s+(?:fighters|men|militants|attackers|mujahideen|(?:suicide\s+)?bombers?)|"
          r"(?:group|outfit)'s\s+spokesman")
# what a group does when it gives a figure; claiming responsibility gives none
_SPEAKS = (r"(?:said|says|saying|stated|asserted|announced|statement|"
           r"claim(?:ed|s|ing)?(?!\s+(?:responsibility|credit|ownership)))")
# An armed group speaking: the group, an optional aside between commas, a few words, a verb.
_CLAIM_BY_GROUP = re.compile(
    rf"(?:{_GROUP})(?:\s*,[^,.;]{{0,80}},)?(?:\s+[\w'-]+){{0,4}}?\s*,?\s+{_SPEAKS}\b|"
    rf"(?:{_GROUP})\s+claimed\s+(?:responsibility|the\s+\w+)[^.;]{{0,80}}?,?\s+(?:saying|and\s+said)\b|"
    # "Separatists claimed the bombing, saying 12 soldiers were killed"
    r"\bclaim(?:ed|s)?\s+(?:the\s+)?(?:attacks?|bombings?|blasts?|ambush|raid)\b[^.;]{0,60}?,?\s+"
    r"(?:saying|and\s+said)\b|"
    rf"\baccording\s+to\s+(?:a\s+|the\s+)?(?:statement\s+(?:issued\s+)?by\s+)?(?:the\s+)?"
    rf"(?:{_GROUP})|\bits\s+(?:fighters|mujahideen|(?:suicide\s+)?bombers?)\b|"
    r"\b(?:militants|insurgents|rebels|separatists|jihadists)\s+(?:later\s+)?(?:said|claimed)\s+"
    r"(?:that\s+)?(?:they|it)\b",
    re.IGNORECASE,
)
_CLAIM_VERB = re.compile(r"\bclaim(?:ed|s|ing)?\b(?!\s+(?:responsibility|the\s+lives|lives|"
                         r"credit|ownership|(?:the\s+)?(?:attacks?|bombings?|blasts?|ambush)\b|"
                         r"(?:[\w-]+\s+){1,3}lives\b))",
                         re.IGNORECASE)
_OFFICIAL_SAID = re.compile(
    r"\b(?:police|officials?|military|army|ispr|spokes(?:man|person|woman)|sources|hospital|"
    r"doctors?|residents|witnesses|elders|relatives|family|families|villagers|minister|"
    r"commissioner|sho|dpo|ssp|officer|authorities|"
    r"administration|rescue|levies|ctd|government)\b[^.;]{0,60}?\b(?:said|says|told|confirmed|"
    r"added|put)\b|\baccording\s+to\s+(?:the\s+)?(?:police|officials?|hospital|sources|"
    r"doctors?|residents|rescue|levies|authorities)",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\b(?:which|who|that|whom)\b", re.IGNORECASE)


def set_claims(text: str, start: int, end: int, figures: list[Mention]) -> None:
    """Each figure's ``claim``: the nearest attribution is an armed group's, or a claim."""
    events = attributions(text[start:end])
    for m in figures:
        pos = m.start - start
        before = [k for e, k in events if e <= pos]
        # after the figure, only a speaker of the figure counts: "..., the group claimed",
        # not a relative clause about the attack ("the blast, which the group claimed")
        after = [k for e, k in events if e > m.np_end - start  # "40 of its fighters"
                 and not _RELATIVE.search(text[m.np_end:start + e])]
        kind = before[-1] if before else (after[0] if after else "")
        m.claim = kind == "claim"


def attributions(sentence: str) -> list[tuple[int, str]]:
    """(end offset, 'claim' | 'official') for each attribution in a sentence, in order."""
    events = [(m.end(), "claim") for m in _CLAIM_BY_GROUP.finditer(sentence)]
    events += [(m.end(), "claim") for m in _CLAIM_VERB.finditer(sentence)]
    events += [(m.end(), "official") for m in _OFFICIAL_SAID.finditer(sentence)]
    # at the same position an official source wins: "militants ..., the army said"
    return sorted(events, key=lambda e: (e[0], e[1] == "official"))
