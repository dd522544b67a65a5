"""Accepted figures -> rows of the native incident log (incidents, sources, victims).

The figures of a report are mapped to the log's columns exactly as the drafts map them
(:func:`sitrep.extract.drafts.draft_incidents` and :func:`~sitrep.extract.drafts.draft_victims`:
one event per report unless the report separates incidents by place, claims and parts kept out
of the counts and named in notes); only the ids, the date and the notes change:

* ``event_id`` is ``EXT-<file name without .txt>~<hash>`` (``-1``, ``-2``... after it for
  separate events), ``<hash>`` the first 8 hex digits of the SHA-256 of the report's text
  (header left out, spaces collapsed): a file name alone is no identity (``a.txt`` split by
  place and ``a-1.txt``, or a later batch's ``article.txt``, would share ids); ``source_id`` the one its header or ``SEEDS/sources.csv`` gives (default: the file name
  without ``.txt``);
* ``event_date`` is the first date written in the report ("26 August 2024"); when it writes
  none, the report's publication date, and the row's notes say so;
* the notes open with where the row came from instead of the drafts' "check against the report";
* an accepted claim is coded as the log codes claims: a source of its own, ``<source_id>-claim``
  of type ``perpetrator_claim`` ("<group> claim, as reported by <publisher>"), with an incidents
  row of the event holding the claimed figures, so that it reaches ``tables/claims.csv`` and the
  briefing's claims, shown apart and never counted.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from sitrep.extract.drafts import count_cells, draft_incidents, draft_victims
from sitrep.extract.review.decisions import Review, ReviewError
from sitrep.extract.texts import Report
from sitrep.schema import CLAIM, DRAFT_INCIDENT_COLUMNS, SOURCE_COLUMNS, VICTIM_COLUMNS

EVENT_PREFIX = "EXT-"
_DRAFT_PREFIX = "DRAFT-"
_DRAFT_NOTE = "Draft from the figure extractor; check against the report. "
NOTES_HEAD = "From the reviewed extraction of {doc} (make extract-apply)."
PUBLISHED_NOTE = "event date: the report's publication date (the text gives no date)"
CLAIM_SUFFIX = "-claim"
_CODE_IT = " - code it as a separate source of type perpetrator_claim"
CLAIM_NOTE = "Perpetrator claim, shown apart and never counted."


@dataclass
class LogRows:
    """The rows a review adds to the log, before they are compared with what it holds."""
    incidents: pd.DataFrame   # DRAFT_INCIDENT_COLUMNS
    sources: pd.DataFrame     # SOURCE_COLUMNS
    victims: pd.DataFrame     # VICTIM_COLUMNS
    document: dict[tuple[str, str], str] = field(default_factory=dict)  # (event, source) -> file
    said: list[str] = field(default_factory=list)  # what the command tells the analyst


def log_rows(review: Review, reports: dict[str, Report]) -> LogRows:
    """The log rows of every reviewed report with at least one accepted figure; raises
    :class:`ReviewError` for a document not in SEEDS or an event with no date."""
    problems = [f"candidates.csv:{_first_line(review, doc)}: document '{doc}' is not a .txt "
                "file in SEEDS - point SEEDS at the folder the candidates came from"
                for doc in review.reviewed if doc not in reports]
    if problems:
        raise ReviewError(problems)
    out = LogRows(*(pd.DataFrame(columns=list(c)) for c in
                    (DRAFT_INCIDENT_COLUMNS, SOURCE_COLUMNS, VICTIM_COLUMNS)))
    incidents, victims, sources = [], [], []
    for doc in dict.fromkeys(review.accepted["document"]):
        report = reports[doc]
        figures = _as_drafted(review.accepted[review.accepted["document"] == doc])
        inc = draft_incidents(figures, {doc: report.text})
        vic = draft_victims(figures)
        source_id = report.source["source_id"]
        drafted, base = re.escape(f"{_DRAFT_PREFIX}{Path(doc).stem}"), event_base(report)
        for frame in (inc, vic):
            frame["source_id"] = source_id
            frame["event_id"] = frame["event_id"].str.replace(f"^{drafted}", lambda _: base,
                                                              regex=True)
        claims = figures[figures["claim"] == "yes"]
        claim_id = source_id + CLAIM_SUFFIX
        inc["notes"] = [_notes(doc, n).replace(_CODE_IT, f" - coded as source {claim_id}")
                        for n in inc["notes"]]
        problems += _date(inc, report, out.said)
        sources.append({c: report.source.get(c, "") for c in SOURCE_COLUMNS})
        if len(claims):
            inc = pd.concat([inc, _claim_row(inc.iloc[0].to_dict(), claims, claim_id, doc)],
                            ignore_index=True)
            sources.append(_claim_source(report, claim_id, inc.iloc[0]["perpetrator"]))
        for event_id, sid in zip(inc["event_id"], inc["source_id"]):
            out.document[(event_id, sid)] = doc
        incidents.append(inc)
        victims.append(vic)
    if problems:
        raise ReviewError(problems)
    if incidents:
        out.incidents = pd.concat(incidents, ignore_index=True)
        out.victims = pd.concat(victims, ignore_index=True)
    out.sources = _one_per_id(sources)
    return out


def _claim_row(event: dict, claims: pd.DataFrame, claim_id: str, doc: str) -> pd.DataFrame:
    """The incidents row of the claims of one report: its event's row, the claimed figures."""
    cells, notes = count_cells(claims)
    row = {**event, **cells, "source_id": claim_id,
           "notes": " ".join([NOTES_HEAD.format(doc=doc), CLAIM_NOTE] + [n + "." for n in notes])}
    return pd.DataFrame([row], columns=list(DRAFT_INCIDENT_COLUMNS))


def _claim_source(report: Report, claim_id: str, perpetrator: str) -> dict:
    """The source row of a report's claims: the claimant, as the report's publisher gives it."""
    row = {c: report.source.get(c, "") for c in SOURCE_COLUMNS}
    by = report.source.get("publisher") or report.name
    row.update(source_id=claim_id, source_type=CLAIM,
               publisher=f"{perpetrator or 'The claiming group'} claim, as reported by {by}")
    return row


def event_base(report: Report) -> str:
    """``EXT-<stem>~<hash of the text>``: '~' then 8 hex digits, which no draft's ``-k`` makes."""
    digest = hashlib.sha256(" ".join(report.body.split()).encode("utf-8")).hexdigest()[:8]
    return f"{EVENT_PREFIX}{Path(report.name).stem}~{digest}"


def _as_drafted(figures: pd.DataFrame) -> pd.DataFrame:
    """Accepted rows in the shape the drafts read: text cells never missing."""
    out = figures.copy()
    for column in ("sentence", "place", "home_province"):
        out[column] = out[column].fillna("").astype(str)
    return out


def _notes(doc: str, notes: str) -> str:
    rest = notes[len(_DRAFT_NOTE):] if notes.startswith(_DRAFT_NOTE) else notes
    head = NOTES_HEAD.format(doc=doc)
    return f"{head} {rest}".strip()


def _date(inc: pd.DataFrame, report: Report, said: list[str]) -> list[str]:
    """Fill the dates the text does not give with the publication date; the problems left."""
    missing = inc["event_date"] == ""
    if not missing.any():
        return []
    published = report.source.get("published", "")
    if not published:
        return [f"{report.name}: the text gives no date and no publication date is given - add "
                "'Published: YYYY-MM-DD' to its header or SEEDS/sources.csv"]
    inc.loc[missing, "event_date"] = published
    inc.loc[missing, "notes"] = [n + (" " if n.endswith(".") else "; ") + PUBLISHED_NOTE
                                 for n in inc.loc[missing, "notes"]]
    said.append(f"{report.name}: the text gives no date: event date {published}, the date it "
                "was published (said in the row's notes)")
    return []


def _one_per_id(sources: list[dict]) -> pd.DataFrame:
    """One row per source id; two reports naming one source must describe it alike."""
    out: dict[str, dict] = {}
    for row in sources:
        seen = out.setdefault(row["source_id"], row)
        if seen != row:
            differ = [c for c in SOURCE_COLUMNS if seen[c] != row[c]]
            raise ReviewError([f"source '{row['source_id']}' is given twice with different "
                               f"{', '.join(differ)} - give each report its own source_id, or "
                               "the same details"])
    return pd.DataFrame(list(out.values()), columns=list(SOURCE_COLUMNS))


def _first_line(review: Review, doc: str) -> int:
    return int(review.rows.loc[review.rows["document"] == doc, "line"].iloc[0])
