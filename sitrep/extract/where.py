"""Place names in a report: the place of a figure, and where a place lies.

Pakistani places are recognised through the project's offline gazetteer
(:func:`sitrep.gazetteer.find_place`, GeoNames plus the alias table) and a name followed by a
unit word ("Musakhail district", "Mir Ali area"); a short table covers well-known places in
other countries. A figure's place is the place nearest to it in its sentence, else the last
place of the sentence before, else the dateline ("QUETTA:").
"""

from __future__ import annotations

import re
from functools import lru_cache

_UNIT = re.compile(
    r"\b((?:[A-Z][a-z]+|[A-Z]{2,})(?:[\s-][A-Z][a-z]+){0,2})\s+"
    r"(?:district|tehsil|area|city|town|village|valley|agency|subdivision|sub-division)\b"
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){0,2}\b")
# "QUETTA:", and the wire forms "QUETTA, 27 August 2024:", "QUETTA, Pakistan (AP) -",
# "QUETTA, Aug 27 (Reuters) -": the place in capitals, then a date or country and an agency.
_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'-]{2,40}?)\s*(?:,[^:\n—–()]{1,40}?)?\s*"
                       r"(?:\([^)\n]{1,30}\))?\s*(?::|—|–|\s-\s)")
# Words that start with a capital but are never the place of an incident.
_NOT_PLACES = set("""
The A An In On At Of For From By With After Before During While When Police Officials Official
Security Army Military Government Deputy Assistant Commissioner Minister Chief Prime Home
Interior Provincial District Station House Officer Hospital Rescue Levies Frontier Corps
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Eid Tahsil Temple Road Highway Bazar Bazaar
National Civil Combined Lady Reading Medical Complex Western Bypass Old Goods Naka Zero Point
Pakistan Pakistani Afghan Afghanistan Indian India Chinese China Taliban Islamic State Group
Liberation Front BLA BLF TTP ISPR Al Shabaab Majeed Brigade Islamabad Punjab Sindh Balochistan
Baluchistan Khyber Pakhtunkhwa Baloch Baluch Pashtun Sindhi Punjabi Hazara
""".split())
# Well-known places outside Pakistan: name -> (country, province or state).
FOREIGN = {
    "Kabul": ("Afghanistan", "Kabul"), "Kandahar": ("Afghanistan", "Kandahar"),
    "Herat": ("Afghanistan", "Herat"), "Jalalabad": ("Afghanistan", "Nangarhar"),
    "Nangarhar": ("Afghanistan", "Nangarhar"), "Khost": ("Afghanistan", "Khost"),
    "Mazar-i-Sharif": ("Afghanistan", "Balkh"), "Kunduz": ("Afghanistan", "Kunduz"),
    "Mogadishu": ("Somalia", "Banaadir"), "Maiduguri": ("Nigeria", "Borno"),
    "Borno": ("Nigeria", "Borno"), "Imphal": ("India", "Manipur"),
    "Manipur": ("India", "Manipur"), "Srinagar": ("India", "Jammu and Kashmir"),
    "Bishnupur": ("India", "Manipur"), "Kupwara": ("India", "Jammu and Kashmir"),
    "Tehran": ("Iran", "Tehran"), "Zahedan": ("Iran", "Sistan and Baluchestan"),
}


def dateline(text: str) -> str:
    """'QUETTA: ...' -> 'Quetta'; '' when the report has no dateline."""
    m = _DATELINE.match(text)
    return m.group(1).strip().title() if m else ""


def places_in(sentence: str) -> list[tuple[int, str]]:
    """(offset, name) of the place names in a sentence, in order."""
    found: dict[int, str] = {}
    for m in _UNIT.finditer(sentence):
        if m.group(1).split()[0] not in _NOT_PLACES:
            found[m.start(1)] = _title(m.group(1))
    for m in _CAPITALISED.finditer(sentence):
        name = m.group(0)
        if m.start() in found or any(a < m.start() < a + len(v) for a, v in found.items()):
            continue
        hit = _known(name)
        if hit:
            found[m.start()] = hit
    return sorted(found.items())


def _title(name: str) -> str:
    return name if not name.isupper() else name.title()


def _known(span: str) -> str:
    """The longest leading part of ``span`` that is a known place, as written."""
    words = span.replace("-", " - ").split()
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n]).replace(" - ", "-")
        if words[0] in _NOT_PLACES:
            return ""
        if name in FOREIGN or locate(name):
            return name
    return ""


@lru_cache(maxsize=4096)
def locate(name: str) -> tuple[str, str, str] | None:
    """(country, province, district) of a place name, or None when it is not known."""
    if not name:
        return None
    if name in FOREIGN:
        country, province = FOREIGN[name]
        return country, province, ""
    from sitrep.gazetteer import find_place
    from sitrep.places import province_names, resolve_district
    hit = find_place(name)
    if hit is None or (hit["matched_on"] == "alternatename" and " " not in name
                       and hit["name"].lower().replace(" ", "") != name.lower()):
        return None
    code = hit["province_code"]
    province = province_names("PK").get(code, "")
    return "Pakistan", province, resolve_district(name, code)


def nearest_place(places: list[tuple[int, str]], pos: int) -> str:
    if not places:
        return ""
    return min(places, key=lambda p: (abs(p[0] - pos), p[0]))[1]
