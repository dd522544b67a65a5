"""The patterns that several rules read: counts of people, provinces, casualty verbs, and the
cues of parts and toll updates. A pattern that one rule reads lives with that rule."""

from __future__ import annotations

import re

from sitrep.extract import lexicon as lx

# --- counts of people -------------------------------------------------------------------------
_WORD = r"(?:" + "|".join(lx.TEN_WORDS + lx.UNIT_WORDS[::-1] + list(lx.SCALE_WORDS)) + r")"
_WORDS = rf"{_WORD}(?:[\s-]+{_WORD})*"
# "and" joins number words only after a scale: "one hundred and five", not "two and three".
NUMBER = (rf"(?:half\s+a\s+dozen|\d{{1,3}}(?:,\d{{3}})+|\d+"
          rf"|(?:an?\s+|{_WORDS}[\s-]+)?(?:dozen|hundred|thousand)(?:\s+and\s+{_WORDS})?"
          rf"|{_WORDS})")
_QUALIFIER = (r"(?:more\s+than|over|above|in\s+excess\s+of|at\s+least|a\s+minimum\s+of"
              r"|no\s+fewer\s+than|no\s+less\s+than|up\s+to|at\s+most|as\s+many\s+as"
              r"|no\s+more\s+than|about|around|some|approximately|roughly|nearly|almost"
              r"|an\s+estimated)")
COUNT_RE = re.compile(
    rf"\b(?:{_QUALIFIER}\s+)?"
    # an em dash with spaces is a pause, not a range: "Martyred: 4 — 2 soldiers, 2 policemen"
    rf"(?:between\s+{NUMBER}\s+and\s+{NUMBER}|{NUMBER}(?:(?:\s*[-–]\s*|—|\s*\bto\b\s*){NUMBER})?)"
    rf"(?:\s+or\s+more|\+)?(?!\w)",
    re.IGNORECASE,
)
# A province of Pakistan as written, old names and abbreviations too ("NWFP", "KP").
PROVINCE_RE = re.compile(
    r"\b(Punjab|Sindh|Sind|Khyber[\s-]Pakhtunkhwa|KPK|KP|NWFP|Balochistan|Baluchistan"
    r"|Gilgit[\s-]Baltistan|Azad\s+(?:Jammu\s+and\s+)?Kashmir|AJK|Islamabad)\b"
    r"(?:\s+province)?"
)

# --- outcomes ---------------------------------------------------------------------------------
KILLED_WORDS = (r"killed|dead|died|dies|succumbs|martyred|slain|perished|passed\s+away|"
                r"shot\s+dead|gunned\s+down|"
                r"lost\s+(?:(?:their|his|her)\s+)?li(?:fe|ves?)|embraced\s+(?:shahadat|martyrdom)|"
                r"succumbed(?:\s+to\s+(?:their|his|her)\s+(?:injuries|wounds))?|"
                r"laid\s+down\s+(?:their|his|her)\s+lives?|feared\s+dead|confirmed\s+dead|"
                r"found\s+dead|beheaded|executed|massacred|murdered|lynched|"
                r"(?:fatally|mortally)\s+(?:wounded|injured|shot)|neutrali[sz]ed|eliminated|"
                r"(?:stabbed|hacked|beaten|tortured|stoned|burnt|burned|crushed)\s+to\s+death|"
                r"burnt\s+alive|burned\s+alive|slaughtered|"
                r"sent\s+to\s+hell|breathed\s+(?:his|her|their)\s+last|"
                r"gave\s+(?:their|his|her)\s+lives?|"
                r"fell\s+(?:on\s+the\s+field\s+of\s+honou?r|in\s+(?:action|battle|combat))")
INJURED_WORDS = (r"injured|wounded|hurt|"
                 r"(?:sustained|suffered)\s+(?:\w+\s+){0,2}(?:injuries|wounds)|"
                 r"received\s+(?:\w+\s+){0,2}(?:injuries|wounds)|maimed|"
                 r"escaped\s+with\s+(?:\w+\s+){0,2}(?:injuries|wounds)|"
                 r"treated\s+for\s+(?:[\w-]+\s+){0,4}(?:injuries|wounds|burns)|"
                 r"hit\s+by\s+(?:a\s+)?(?:stray\s+)?bullets?|"
                 r"(?:(?:apprehended|arrested|captured|caught|held|found)|"
                 r"(?:taken|shifted|brought|rushed|admitted|evacuated|moved)"
                 r"(?:\s+to\s+[^,.;]{1,50}?)?)\s+in\s+(?:an?\s+)?"
                 r"(?:injured|wounded)\s+(?:condition|state)")
AUX = (r"(?:(?:were|was|are|is|have|has|had|been|being|be|got|get|also|reportedly|later|"
       r"all|both|allegedly|feared|believed|said|thought|reported|confirmed|to|subsequently|"
       r"either|critically|seriously|severely|grievously|badly|slightly|"
       r"instantly|brutally|found|later|now|already|so\s+far|since|brought(?:\s+in)?)\s+)*"
       r"[\"“‘']?")
# "two journalists were among the dead": an outcome, and a part of the victims.
AMONG_AFTER = (r"(?:among\s+(?:the\s+|those\s+)?(?:dead|killed|deceased|victims|injured|"
               r"wounded|casualties|fatalities|martyred|martyrs|hurt)|"
               r"among\s+those\s+who\s+(?:were\s+)?(?:killed|"
               r"died|lost\s+their\s+lives|injured|wounded|hurt))")
# A passive or intransitive cue right after a figure: "23 civilians were killed".
AFTER_CUE = re.compile(
    rf"^[\"'”’]?\s*[,—–]?\s*(?:who\s+|that\s+)?{AUX}"
    rf"(?P<cue>{KILLED_WORDS}|{INJURED_WORDS}|"
    rf"{AMONG_AFTER})\b",
    re.IGNORECASE,
)
# verbs of a victim's own dying, after the noun: "... also died", "... and later succumbed"
DYING = (r"(?:died|succumbed|perished|passed\s+away|"
         r"lost\s+(?:his|her|their)\s+li(?:fe|ves))")
# The word of a form's field label, with its colon: "Killed:", "Deaths confirmed:".
LABEL_WORD = (r"(?P<label>killed|dead|martyred|martyrs|deaths|fatalities|injured|wounded|hurt)"
              r"(?:\s+(?:received|reported|confirmed|so\s+far))?\s*:")

# --- parts of the victims ---------------------------------------------------------------------
# Ages after a noun, skipped on the way to its cue: "four children aged five to 10 were ...".
AGE_PHRASE = re.compile(r"^\s*,?\s*aged\s+(?:between\s+)?[\w-]+(?:\s+(?:and|to|or)\s+[\w-]+)?"
                        r"(?:\s+years)?\s*(?:,(?=\s*(?:who|were|was))|(?=\s))", re.IGNORECASE)
# An aside naming a part, between commas or dashes: "Eleven people, of whom six were elders,".
SUBSET_ASIDE = re.compile(r"\s*[,—–]\s*(?:including|among\s+(?:them|whom)|of\s+whom|"
                          r"[\w-]+\s+of\s+(?:them|whom)|mostly)\b"
                          r"[^,;—–]{1,100}[,—–]", re.IGNORECASE)
# "12 civilians injured when a wall collapsed, four children among them"
AMONG_THEM_AFTER = re.compile(r"\s*among\s+them\b", re.IGNORECASE)
# The words that open a part right after its whole: "..., including", "of whom".
SUBSET_CONNECTOR = re.compile(r"^\s*,?\s*(?:including|incl\b\.?|among\s+them|among\s+whom|"
                              r"of\s+whom|"
                              r"of\s+them)\s*$", re.IGNORECASE)

# --- toll updates -----------------------------------------------------------------------------
# A toll that rises or is revised: "the death toll rose to 15", "raising the toll to".
UPDATE_CUE = re.compile(
    r"\b(?:toll|tally)\b[^.;]{0,120}?\b(?:rose|risen|rises|rising|climbed|climbs|increased|"
    r"jumped|reached|reaches|went\s+up|gone\s+up|now\s+stands?|has\s+reached)\b[^,.;]{0,20}$|"
    r"\bnumber\s+of\s+(?:[a-z]+\s+)?(?:killed|dead|deaths|martyrs|injured|wounded)\b[^,.;]{0,120}?"
    r"\b(?:rose|risen|rises|climbed|increased|jumped|reached|went\s+up|gone\s+up)\b"
    r"[^,.;]{0,20}$|"
    r"\b(?:bringing|taking|raising|pushing|brought|took|raised|pushed)\s+the\s+(?:death\s+)?"
    r"(?:toll|tally|number\s+of"
    r"\s+[^,.;]{0,30}?)\b[^,.;]{0,60}?\s+to\s*$|"
    r"\b(?:revised|revising|revises|corrected|correcting|lowered|lowering|reduced|reducing|"
    r"brought\s+down|scaled\s+down)\b[^.;]{0,120}?\bto\s*$",
    re.IGNORECASE,
)
# A toll revised, up or down: it replaces every earlier figure of its kind, larger or not.
REVISION_CUE = re.compile(r"\b(?:revised|revising|revises|corrected|correcting|lowered|"
                          r"lowering|reduced|reducing|brought\s+down|scaled\s+down)\b"
                          r"[^.;]{0,120}?\bto\s*$", re.IGNORECASE)
# What an attack is called: "a separate blast", "the fifth such attack".
EVENT_NOUN = r"(?:attack|incident|blast|bombing|explosion|ambush|clash|killing|strike|raid)"
