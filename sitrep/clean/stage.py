"""Stage 01: read the input, enforce strictness, reconcile, and write the clean files.

The notebook ``01_clean`` calls these in order and shows what each step found.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

from sitrep import store
from sitrep.paths import resolve
from sitrep.clean.filters import Filters, make_filters
from sitrep.problems import InputError, errors, warnings
from sitrep.clean.readers.base import ReadResult
from sitrep.clean.reconcile import reconcile
from sitrep.clean.total_checks import total_checks


def read(data: str | Path, fmt: str = "auto", filters: Filters | None = None) -> ReadResult:
    """Read the native log or a dataset export, as ``fmt`` says (auto: by its header)."""
    from sitrep.clean import cache
    from sitrep.clean.readers import detect

    filters = filters or make_filters()
    data = resolve(data)
    k = cache.key(data, fmt or "auto", filters)
    cached = cache.load(k)
    if cached is not None:
        cached.method.append("Read from the cache of this file's last reading (build/cache).")
        return cached
    result = detect.read(data, fmt or "auto", filters)
    cache.save(k, result)
    return result


def enforce(result: ReadResult, allow_rejects: bool) -> None:
    """Stop with every error listed, unless rejected rows are allowed; stop with a clear
    message when nothing is left to brief on (never an empty briefing, never a traceback)."""
    errs = errors(result.problems)
    if errs and not allow_rejects:
        raise InputError(result.problems)
    if not result.reports.empty:
        return
    data = result.audit[result.audit["file"] == result.files[0]] if result.files else \
        result.audit
    rows = pd.to_numeric(data["rows"])
    fates = rows.groupby(data["fate"]).sum()
    total = int(rows.sum())
    if total == 0:
        raise InputError(message=f"{result.files[0] if result.files else 'DATA'} has a header "
                                 "but no rows - check DATA, or export the data again")
    why = rows[data["fate"] == "filtered"].groupby(data["reason"]).sum()
    said = "; ".join(f"{int(n):,} {reason}" for reason, n in why.items())
    head = f"Nothing to brief on: none of the {total:,} rows of {result.files[0]} is left"
    if errs:
        listing = "\n".join(f"  {p}" for p in errs[:20])
        more = f"\n  ... and {len(errs) - 20} more" if len(errs) > 20 else ""
        raise InputError(message=f"{head}: {int(fates.get('rejected', 0)):,} rejected"
                                 f"{', ' + said + ' filtered' if said else ''}.\n{listing}"
                                 f"{more}\nFix these rows; ALLOW_REJECTS=1 cannot brief on "
                                 "nothing.")
    raise InputError(message=f"{head} after the filters ({said or 'none in scope'}) - widen "
                             "COUNTRY, PROVINCE, START or END, or check DATA")


def audit_sums(audit: pd.DataFrame) -> dict:
    rows = pd.to_numeric(audit["rows"]).astype("int64")
    by = audit.assign(rows=rows).groupby(["file", "fate"])["rows"].sum().unstack(fill_value=0)
    return {"input_rows": int(rows.sum()),
            "by_fate": {k: int(v) for k, v in
                        audit.assign(rows=rows).groupby("fate")["rows"].sum().items()},
            "by_file": {f: {k: int(v) for k, v in row.items() if v} for f, row in by.iterrows()}}


def not_counted(result: ReadResult) -> dict:
    """What the briefing leaves out, for its first page and the terminal: rejected rows (and
    the dead their own figures give, for an export), and provinces kept without a code."""
    data = result.audit[result.audit["file"] == result.files[0]] if result.files else \
        result.audit
    rows = pd.to_numeric(data["rows"])
    unresolved = sorted({p.value for p in warnings(result.problems)
                         if "this tool can give an ISO code" in p.message})
    return {"input_rows": int(rows.sum()),
            "rejected_rows": int(rows[data["fate"] == "rejected"].sum()),
            "rejected_killed": result.not_counted.get("killed"),
            "rejected_unreadable": result.not_counted.get("unreadable", 0),
            "uncoded_provinces": unresolved}


def run_info(result: ReadResult, filters: Filters, title: str, allow_rejects: bool) -> dict:
    return {
        "dataset": result.dataset, "files": result.files, "method": result.method,
        "filters": {"country": filters.country, "province": filters.province,
                    "start": str(filters.start or ""), "end": str(filters.end or ""),
                    "description": filters.describe()},
        "title": title, "allow_rejects": bool(allow_rejects),
        "generated": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "audit": audit_sums(result.audit),
        "n_errors": len(errors(result.problems)), "n_warnings": len(warnings(result.problems)),
        "not_counted": not_counted(result),
    }


def previous(data: str | Path, fmt: str, filters: Filters) -> dict:
    """The period before the briefing's, for the comparison (sitrep.clean.previous)."""
    from sitrep.clean.previous import read_previous

    return read_previous(resolve(data), fmt or "auto", filters)


def write_previous(work: str | Path, prev: dict) -> dict:
    """Its files beside the clean ones, and what it was in run.json; returns that summary."""
    store.save_previous(Path(work), prev)
    meta = {k: prev[k] for k in ("start", "end", "rejected_rows", "why")}
    meta["events"] = int(prev["events"]["event_id"].nunique()) if len(prev["events"]) else 0
    run_json = store.clean_dir(Path(work)) / "run.json"
    run = json.loads(run_json.read_text(encoding="utf-8"))
    run["previous"] = meta
    run_json.write_text(json.dumps(run, indent=2, default=str), encoding="utf-8")
    return meta


def write(work: str | Path, result: ReadResult, events: pd.DataFrame, run: dict) -> None:
    store.save_clean(Path(work), events=events, reports=result.reports,
                     figures=result.figures, victims=result.victims, sources=result.sources,
                     audit=result.audit, problems=result.problems, run=run)


def count(result: ReadResult) -> pd.DataFrame:
    """Reconcile the reports into clean events, adding the counting rule's warnings."""
    events = reconcile(result.reports, result.figures, result.sources)
    result.problems += total_checks(result.reports, result.figures, events)
    return events


__all__ = ["read", "enforce", "count", "previous", "write_previous", "run_info", "write", "make_filters"]
