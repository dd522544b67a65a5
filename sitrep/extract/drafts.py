"""Candidate figures -> draft rows of the native incident log (incidents.csv, victims.csv).

The drafts are for review, never for direct use: an analyst checks each row against the
report and copies it into ``data/raw/``. The rules are conservative:

* one event per document, unless every non-claim figure sits in a sentence naming its own
  place and there are several such places;
* a count cell holds the source's words in the count grammar ("over 40", "23"); when one
  category has several figures, the largest is drafted and the others are listed in notes;
* a part of the victims (an open lower bound from "including two children", or an
  ``unknown`` group such as "14 individuals from Punjab") is never added to a total;
  unknown groups go to notes and to victims.csv, not into ``killed_unknown``;
* claims are left out of the counts and named in notes: in the log they are coded as a
  separate source of type ``perpetrator_claim``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from sitrep.counts import parse_count
from sitrep.extract import lexicon as lx
from sitrep.extract.patterns import COUNT_RE, PROVINCE_RE
from sitrep.extract.where import dateline, locate
from sitrep.schema import COUNT_COLUMNS, VICTIM_COLUMNS
from sitrep.schema import DRAFT_INCIDENT_COLUMNS as INCIDENT_COLUMNS

_CELL_CATEGORY = {"civilians": "civilians", "security_forces": "security_forces",
                  "militants": "militants", "all": "total"}
_PERPETRATORS = [
    (r"Balochistan Liberation Front|Baluchistan Liberation Front|\bBLF\b",
     "Balochistan Liberation Front"),
    (r"Baloch(?:istan)? Liberation Army|Baluch(?:istan)? Liberation Army|\bBLA\b",
     "Baloch Liberation Army"),
    (r"Baloch Raaji Aajoi Sangar|\bBRAS\b", "Baloch Raaji Aajoi Sangar"),
    (r"Tehreek-e-Taliban|Tehrik-i-Taliban|Pakistani Taliban|\bTTP\b",
     "Tehreek-e-Taliban Pakistan"),
    (r"Islamic State|\bISKP\b|\bISIS\b|Daesh", "Islamic State"),
    (r"Al-Shabaab|al-Shabab", "Al-Shabaab"),
    (r"Boko Haram|\bISWAP\b", "Boko Haram / ISWAP"),
]
# Only a report that says so splits into several events ("in a separate attack in Kech").
_SEPARATE = re.compile(r"\b(?:separate|another|second|third)\s+(?:attack|incident|blast|"
                       r"explosion|ambush|clash)|\belsewhere\b|\bseparately\b", re.IGNORECASE)
_EVENT_TYPES = [
    (r"\bsuicide\b", "Suicide bombing"),
    (r"\b(?:bomb|blast|IED|explosion|explosive|grenade)", "Bombing"),
    (r"\bambush", "Ambush"),
    (r"\b(?:drone|air\s*strike|shell(?:s|ing)|mortar)", "Shelling or air strike"),
    (r"\b(?:intelligence-based operation|IBO|security operation|shootout|exchange of fire "
     r"with)\b", "Security operation"),
    (r"\bclash(?:es)?\b", "Armed clash"),
    (r"\b(?:gunmen|opened fire|shot|storm|attacked|assault|raid)", "Armed assault"),
]
_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(lx.MONTHS[:12]) + r")\s*,?\s+((?:19|20)\d\d)\b"
                   r"|\b(" + "|".join(lx.MONTHS[:12]) + r")\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b",
                   re.IGNORECASE)


def draft_incidents(candidates: pd.DataFrame,
                    texts: dict[str, str] | None = None) -> pd.DataFrame:
    """Draft incident-log rows from candidate figures (and the reports' texts, if given).

    Without ``texts`` only the candidates' sentences are read, and a document with no
    candidate gets no row; with ``texts`` (file name -> text) every document gets a row.
    """
    documents = list(dict.fromkeys(list(texts or {}) + list(candidates["document"])))
    rows = []
    for doc in documents:
        cands = candidates[candidates["document"] == doc]
        text = (texts or {}).get(doc) or " ".join(dict.fromkeys(cands["sentence"]))
        for event_id, part in _events(doc, cands):
            rows.append(_incident_row(doc, event_id, part, text))
    return pd.DataFrame(rows, columns=list(INCIDENT_COLUMNS))


def draft_victims(candidates: pd.DataFrame) -> pd.DataFrame:
    """Draft victims.csv rows: figures tied to a home province or a people."""
    rows = []
    for doc, cands in candidates.groupby("document", sort=False):
        for event_id, part in _events(doc, cands):
            for row in part.to_dict("records"):
                home = _text(row["home_province"])
                if not home or row["claim"] == "yes":
                    continue
                province = lx.PEOPLE_PROVINCE.get(home)
                rows.append({"event_id": event_id, "source_id": _source_id(doc),
                             "victim_category": row["victim_category"],
                             "home_province": province or home,
                             "count": count_text(row["low"], row["high"], row["sentence"]),
                             "basis": "inferred" if province else "reported"})
    return pd.DataFrame(rows, columns=list(VICTIM_COLUMNS)).drop_duplicates(ignore_index=True)


def _source_id(document: str) -> str:
    return Path(document).stem


def _text(value: object) -> str:
    return "" if value is None or value is pd.NA or value != value else str(value)


def _events(doc: str, cands: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """One event per document, or one per place when each figure names its own place."""
    base = f"DRAFT-{_source_id(doc)}"
    counted = cands[cands["claim"] != "yes"]
    own_place = [bool(p) and p in s for p, s in zip(counted["place"], counted["sentence"])]
    places = list(dict.fromkeys(counted["place"]))
    separate = any(_SEPARATE.search(str(x)) for x in cands["sentence"])
    if len(counted) and all(own_place) and len(places) > 1 and separate:
        parts = []
        for k, place in enumerate(places, start=1):
            mask = (cands["place"] == place) | (cands["claim"] == "yes") & (k == 1)
            parts.append((f"{base}-{k}", cands[mask]))
        return parts
    return [(base, cands)]


def _incident_row(doc: str, event_id: str, cands: pd.DataFrame, text: str) -> dict:
    counted = cands[cands["claim"] != "yes"]
    location = _single(counted["place"]) or (dateline(text) if not len(counted) else "")
    where = locate(location) if location else None
    row = {"event_id": event_id, "source_id": _source_id(doc), "event_date": _date(text),
           "country": where[0] if where else _country(text),
           "province": where[1] if where else _province(text),
           "district": where[2] if where else "", "location": location, "part_of": "",
           "event_type": _first(_EVENT_TYPES, text), "perpetrator": _perpetrator(text)}
    cells, notes = count_cells(counted)
    row.update(cells)
    notes += _claim_notes(cands[cands["claim"] == "yes"])
    if not len(cands):
        notes.append("no casualty figure found in the report")
    row["notes"] = "Draft from the figure extractor; check against the report. " + "; ".join(
        n for n in notes if n)
    return row


def count_cells(figures: pd.DataFrame) -> tuple[dict[str, str], list[str]]:
    """The log's count cells for one source's figures of one event (the largest of each
    category and outcome; "" where none), and the notes for the rest: the other figures of a
    cell, and the unknown groups, which are parts of the total and never added."""
    cells = {column: "" for column in COUNT_COLUMNS}
    notes = []
    for (category, outcome), group in figures.groupby(["victim_category", "outcome"]):
        if category == "unknown":
            notes.append(_unknown_note(outcome, group))
            continue
        cell, others = _cell(group)
        cells[f"{outcome}_{_CELL_CATEGORY[category]}"] = cell
        if others:
            notes.append(f"{outcome} {category}: also reported {', '.join(others)}")
    return cells, notes


def _single(values: pd.Series) -> str:
    distinct = {v for v in values if v}
    return distinct.pop() if len(distinct) == 1 and all(values) else ""


def _cell(group: pd.DataFrame) -> tuple[str, list[str]]:
    """The figure to draft (the largest lower bound) and the others' words."""
    texts = [(int(r["low"]), count_text(r["low"], r["high"], r["sentence"]))
             for r in group.to_dict("records")]
    texts = list(dict.fromkeys(texts))
    best = max(texts, key=lambda t: t[0])
    return best[1], [t for _, t in texts if t != best[1]]


def _unknown_note(outcome: str, group: pd.DataFrame) -> str:
    parts = []
    for r in group.to_dict("records"):
        words = count_text(r["low"], r["high"], r["sentence"])
        home = _text(r["home_province"])
        parts.append(f"{words} ({home})" if home else words)
    return (f"{outcome}, victims of unknown category, part of the total and not added: "
            + ", ".join(dict.fromkeys(parts)))


def _claim_notes(claims: pd.DataFrame) -> list[str]:
    out = []
    for r in claims.to_dict("records"):
        words = count_text(r["low"], r["high"], r["sentence"])
        out.append(f"claim, not counted: {r['victim_category']} {r['outcome']} {words} - code "
                   "it as a separate source of type perpetrator_claim")
    return list(dict.fromkeys(out))


def count_text(low: object, high: object, sentence: str = "") -> str:
    """The words of a figure in the count grammar, as the sentence wrote them if possible."""
    low_i = int(low)
    high_i = None if _text(high) == "" else int(high)
    for m in COUNT_RE.finditer(sentence or ""):
        words = " ".join(m.group(0).split())
        try:
            c = parse_count(words)
        except ValueError:
            continue
        if c is not None and (c.low, c.high) == (low_i, high_i):
            return words.lower() if not words[0].isdigit() else words
    if high_i is None:
        return f"at least {low_i}"
    if low_i == 0:
        return f"up to {high_i}"
    return f"{low_i}" if low_i == high_i else f"{low_i}-{high_i}"


def _date(text: str) -> str:
    m = _DATE.search(text)
    if not m:
        return ""
    day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (
        m.group(5), m.group(4), m.group(6))
    number = lx.MONTHS.index(month.lower()) + 1
    return f"{int(year):04d}-{number:02d}-{int(day):02d}"


def _first(table: list[tuple[str, str]], text: str) -> str:
    for pattern, label in table:
        if re.search(pattern, text, re.IGNORECASE):
            return label
    return ""


def _perpetrator(text: str) -> str:
    """The group the report names as claiming or carrying out the attack, if any."""
    for pattern, name in _PERPETRATORS:
        if re.search(pattern, text):
            return name
    return ""


def _country(text: str) -> str:
    return "Pakistan" if re.search(r"\bPakistan", text) else ""


def _province(text: str) -> str:
    """The province named most often in the report, outside 'from <province>'."""
    from sitrep.places import resolve_province
    counts: dict[str, int] = {}
    for m in PROVINCE_RE.finditer(text):
        if re.search(r"\bfrom\s+(?:the\s+)?$", text[max(0, m.start() - 12):m.start()]):
            continue
        p = resolve_province(m.group(1), "PK")
        if p:
            counts[p.name] = counts.get(p.name, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else ""
