"""The native incident log (incidents, sources, victims) -> validated reports and figures.

Input: a folder holding ``incidents.csv`` (or ``.xlsx``), ``sources.csv`` and optionally
``victims.csv``; or one of those files (its siblings are found beside it); or one workbook with
sheets named incidents, sources and victims. Every input row ends up in the audit as kept,
merged (an exact duplicate), filtered or rejected, and every problem is reported with its file,
line, column and value.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from sitrep.clean import validate as v
from sitrep.clean.filters import Filters
from sitrep.clean.readers.base import ReadResult
from sitrep.clean.readers.native import incidents as step
from sitrep.clean.readers.native.log_files import LogFiles, locate
from sitrep.clean.readers.native.rows import audit_rows, exact_duplicates, reject_lines
from sitrep.clean.readers.native.sources import SOURCE_REQUIRED, check_sources
from sitrep.clean.readers.native.victims import read_victims
from sitrep.problems import InputError
from sitrep.schema import (INCIDENT_OPTIONAL, INCIDENT_REQUIRED, REPORT_COLUMNS, SOURCE_COLUMNS,
                           VICTIM_COLUMNS)

DATASET = "Incident log"


def read_native(path: Path, filters: Filters, today: dt.date | None = None) -> ReadResult:
    today = today or dt.date.today()
    files = locate(Path(path))
    inc, src = files.incidents, files.sources
    problems = inc.problems + src.problems + (files.victims.problems if files.victims else [])
    missing = (v.missing_columns(inc, INCIDENT_REQUIRED) + v.missing_columns(src, SOURCE_REQUIRED)
               + (v.missing_columns(files.victims, VICTIM_COLUMNS) if files.victims else []))
    if missing:
        raise InputError(problems + missing)
    if inc.frame.empty:  # said before the victims' rows are found to name no event
        raise InputError(message=f"{inc.name} has a header but no rows - add one row per "
                                 "report of an incident below the header")

    # Sources: every report must point at a valid one.
    sources, sp = check_sources(src, today)
    problems += sp
    bad_src_lines = reject_lines(sp + src.problems, src)
    src_dup = exact_duplicates(src)
    src_ok = ~sources["line"].isin(bad_src_lines) & (src_dup == 0)
    source_type = dict(zip(sources.loc[src_ok, "source_id"], sources.loc[src_ok, "source_type"]))

    # Incidents: cells, then checks across rows, fates, reports, filters, figures.
    parsed = step.parse_columns(inc, exact_duplicates(inc), today)
    step.cross_row_checks(parsed, set(sources["source_id"]), source_type, src.name)
    problems += parsed.problems
    fate, reason = step.fates(parsed)
    kept = step.report_frame(parsed, source_type, fate == "kept")
    extra, ep = step.extra_columns(inc)
    kept = kept.join(inc.frame.loc[kept.index, extra])
    problems += ep
    problems += step.disagreements(kept, inc.name)
    kept = step.apply_filters(kept, filters, fate, reason)
    figures, fp = step.stated_figures(parsed, kept)
    problems += fp

    audit = [audit_rows(inc, fate, reason), _source_audit(src, sources, src_dup, bad_src_lines)]
    victims = None
    if files.victims is not None:
        victims, vp, vaudit = read_victims(files.victims, kept, fate, parsed.cols,
                                           set(sources["source_id"]), today)
        problems += vp
        audit.append(vaudit)
    used = set(kept["source_id"])
    result = ReadResult(
        dataset=DATASET,
        files=[t.name for t in (inc, src, files.victims) if t is not None],
        reports=kept[list(REPORT_COLUMNS) + extra].reset_index(drop=True),
        figures=figures,
        sources=sources.loc[src_ok & sources["source_id"].isin(used),
                            list(SOURCE_COLUMNS)].reset_index(drop=True),
        audit=pd.concat(audit, ignore_index=True),
        problems=problems,
        method=[f"Read {t.name} ({t.encoding})." for t in (inc, src, files.victims) if t],
    )
    if victims is not None:
        result.victims = victims
    return result


def _source_audit(src, sources: pd.DataFrame, dup: pd.Series, bad_lines: dict) -> pd.DataFrame:
    fate = pd.Series("kept", index=src.frame.index, dtype=object)
    reason = pd.Series("", index=src.frame.index, dtype=object)
    fate[dup > 0] = "merged"
    reason[dup > 0] = "exact duplicate of line " + dup[dup > 0].astype(str)
    rej = sources["line"].isin(bad_lines) & (dup == 0)
    fate[rej] = "rejected"
    reason[rej] = sources.loc[rej, "line"].map(bad_lines)
    return audit_rows(src, fate, reason, event=pd.Series("", index=src.frame.index))


__all__ = ["read_native", "locate", "LogFiles", "INCIDENT_OPTIONAL"]
