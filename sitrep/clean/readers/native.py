"""The native incident log (incidents, sources, victims) -> validated reports and figures.

Input: a folder holding ``incidents.csv`` (or ``.xlsx``), ``sources.csv`` and optionally
``victims.csv``; or one of those files (its siblings are found beside it); or one workbook with
sheets named incidents, sources and victims. Every input row ends up in the audit as kept,
merged (an exact duplicate), filtered or rejected, and every problem is reported with its file,
line, column and value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sitrep.clean import validate as v
from sitrep.clean.filters import Filters, unmatched_province
from sitrep.clean.readers.base import VICTIM_OUT_COLUMNS, ReadResult
from sitrep.clean.readers.files import LINE, RawTable, read_table, sheet_names
from sitrep.counts import Count
from sitrep.places import resolve_district
from sitrep.problems import InputError, Problem
from sitrep.schema import (
    ALL,
    BASES,
    CATEGORIES,
    CATEGORIES_ALL,
    FIGURE_COLUMNS,
    INCIDENT_OPTIONAL,
    INCIDENT_REQUIRED,
    OUTCOMES,
    REPORT_COLUMNS,
    SOURCE_COLUMNS,
    SOURCE_TYPES,
    VICTIM_COLUMNS,
)

DATASET = "Incident log"
SOURCE_REQUIRED = ("source_id", "publisher", "source_type")


@dataclass
class LogFiles:
    incidents: RawTable
    sources: RawTable
    victims: RawTable | None


def _find(folder: Path, stem: str) -> Path | None:
    for ext in (".csv", ".xlsx", ".CSV", ".XLSX"):
        if (folder / f"{stem}{ext}").is_file():
            return folder / f"{stem}{ext}"
    return None


def locate(path: Path) -> LogFiles:
    path = Path(path)
    if path.suffix.lower() == ".xlsx" and path.is_file():
        sheets = {s.lower(): s for s in sheet_names(path)}
        if "incidents" in sheets:
            def sheet(n: str) -> RawTable | None:
                return read_table(path, sheets[n], f"{path.name}[{sheets[n]}]") \
                    if n in sheets else None
            srcs = sheet("sources")
            if srcs is None:
                raise InputError(message=f"{path.name}: has no 'sources' sheet - add one with "
                                         f"the columns {', '.join(SOURCE_COLUMNS)}")
            return LogFiles(sheet("incidents"), srcs, sheet("victims"))
    folder = path if path.is_dir() else path.parent
    incidents = path if path.is_file() else _find(folder, "incidents")
    if not path.exists():
        raise InputError(message=f"DATA={path}: no such file or folder - point DATA at the "
                                 "folder holding incidents.csv, or at an export file")
    if incidents is None:
        raise InputError(message=f"{folder}: no incidents.csv or incidents.xlsx here - point "
                                 "DATA at the folder of the incident log or at an export file")
    sources = _find(folder, "sources")
    if sources is None:
        raise InputError(message=f"{folder}: sources.csv is missing - every report's source_id "
                                 f"must be listed there ({', '.join(SOURCE_COLUMNS)})")
    victims = _find(folder, "victims")
    return LogFiles(read_table(incidents), read_table(sources),
                    read_table(victims) if victims else None)


def _audit_rows(table: RawTable, fate: pd.Series, reason: pd.Series,
                event: pd.Series | None = None, source: pd.Series | None = None) -> pd.DataFrame:
    f = table.frame
    blank = pd.Series("", index=f.index)
    return pd.DataFrame({
        "file": table.name, "line": f[LINE], "rows": 1,
        "event_id": event if event is not None else f.get("event_id", blank),
        "source_id": source if source is not None else f.get("source_id", blank),
        "fate": fate, "reason": reason})


def _exact_duplicates(table: RawTable) -> pd.Series:
    """For each row that repeats an earlier one cell for cell, that earlier line; else 0."""
    cols = [c for c in table.frame.columns if c != LINE]
    f = table.frame
    dup = f.duplicated(cols, keep="first")
    if not dup.any():
        return pd.Series(0, index=f.index)
    first_line = f.groupby(cols, sort=False)[LINE].transform("min")
    return first_line.where(dup, 0)


def _reject_lines(problems: list[Problem], table: RawTable) -> dict[int, str]:
    out: dict[int, str] = {}
    for p in problems:
        if p.file == table.name and p.severity == "error" and p.line > 1:
            out.setdefault(p.line, f"column '{p.column}': {p.message}")
    return out


def _check_sources(t: RawTable, today: dt.date) -> tuple[pd.DataFrame, list[Problem]]:
    f = t.frame
    problems: list[Problem] = []
    ids, p = v.parse_column(t, "source_id", v.required_text)
    problems += p
    types, p = v.parse_column(t, "source_type", v.choice_parser(SOURCE_TYPES, "source type"))
    problems += p
    pub, p = v.parse_column(t, "published", lambda s: v.parse_date(s, today, required=False))
    problems += p
    first = {}
    dup = _exact_duplicates(t)
    for sid, line, d in zip(ids, f[LINE], dup):
        if d:
            continue  # an exact duplicate row is merged, not a second source
        if sid and sid in first:
            problems.append(Problem(t.name, int(line), "source_id", sid,
                                    f"is already used at line {first[sid]}",
                                    "give each source its own id"))
        first.setdefault(sid, int(line))
    out = pd.DataFrame({c: f.get(c, pd.Series("", index=f.index)) for c in SOURCE_COLUMNS})
    out["source_id"] = ids.fillna("")
    out["source_type"] = types.fillna("")
    out["published"] = pub.map(lambda d: d.isoformat() if d else "")
    out["line"] = f[LINE]
    return out, problems


def read_native(path: Path, filters: Filters, today: dt.date | None = None) -> ReadResult:
    today = today or dt.date.today()
    files = locate(Path(path))
    inc, src = files.incidents, files.sources
    problems = inc.problems + src.problems + (files.victims.problems if files.victims else [])
    missing = (v.missing_columns(inc, INCIDENT_REQUIRED) + v.missing_columns(src, SOURCE_REQUIRED)
               + (v.missing_columns(files.victims, VICTIM_COLUMNS) if files.victims else []))
    if missing:
        raise InputError(problems + missing)

    # Sources: every report must point at a valid one.
    sources, sp = _check_sources(src, today)
    problems += sp
    bad_src_lines = _reject_lines(sp + src.problems, src)
    src_dup = _exact_duplicates(src)
    src_ok = ~sources["line"].isin(bad_src_lines) & (src_dup == 0)
    source_type = dict(zip(sources.loc[src_ok, "source_id"], sources.loc[src_ok, "source_type"]))
    all_source_ids = set(sources["source_id"])

    # Incidents, column by column.
    f = inc.frame
    merged_into = _exact_duplicates(inc)
    live = merged_into == 0
    cols: dict[str, pd.Series] = {}
    ip: list[Problem] = []

    def check(col: str, parse, severity: str = "error") -> pd.Series:
        sub = RawTable(inc.name, f[live], inc.encoding, [])
        parsed, p = v.parse_column(sub, col, parse, severity)
        ip.extend(p)
        out = parsed.reindex(f.index).astype(object)
        return out.where(out.notna(), None)

    cols["event_id"] = check("event_id", v.required_text)
    cols["source_id"] = check("source_id", v.required_text)
    cols["event_date"] = check("event_date", lambda s: v.parse_date(s, today))
    cols["country"] = check("country", v.parse_country)
    country_code = _attr(cols["country"], "code", None)
    provinces = pd.Series([None] * len(f), index=f.index, dtype=object)
    for code in country_code[live].dropna().unique():
        sel = live & (country_code == code)
        sub = RawTable(inc.name, f[sel], inc.encoding, [])
        parsed, p = v.parse_column(sub, "province", v.province_parser(code))
        ip.extend(p)
        provinces[sel] = parsed
    no_country = live & country_code.isna() & (f["country"] != "")
    cols["province"] = provinces
    cols["latitude"] = check("latitude", v.coordinate_parser("latitude"))
    cols["longitude"] = check("longitude", v.coordinate_parser("longitude"))
    cols["total_excludes"] = check("total_excludes", v.categories_list) \
        if "total_excludes" in f else pd.Series([""] * len(f), index=f.index, dtype=object)
    count_cols = [f"{o}_{c}" for o in OUTCOMES for c in CATEGORIES + ("total",)]
    for col in count_cols:
        cols[col] = check(col, v.parse_count_cell) if col in f else \
            pd.Series([None] * len(f), index=f.index, dtype=object)

    # Cross-row checks: sources exist, one report per event and source, episodes exist.
    for i in f.index[live]:
        line, sid = int(f.at[i, LINE]), cols["source_id"][i]
        if sid and sid not in all_source_ids:
            ip.append(Problem(inc.name, line, "source_id", sid, f"is not in {src.name}",
                              f"add a row for '{sid}' to {src.name} or correct the id"))
        elif sid and sid not in source_type:
            ip.append(Problem(inc.name, line, "source_id", sid,
                              f"its row in {src.name} was rejected", f"fix that row in {src.name}"))
    first_report: dict[tuple[str, str], int] = {}
    for i in f.index[live]:
        key = (cols["event_id"][i], cols["source_id"][i])
        if not all(key):
            continue
        if key in first_report:
            ip.append(Problem(inc.name, int(f.at[i, LINE]), "source_id", key[1],
                              f"event '{key[0]}' already has a report from this source at "
                              f"line {first_report[key]}",
                              "merge the two rows, or give the second version its own source "
                              "id (e.g. a later article)"))
        else:
            first_report[key] = int(f.at[i, LINE])
    event_ids = set(cols["event_id"].dropna())
    part_of = f["part_of"] if "part_of" in f else pd.Series("", index=f.index)
    parent_of: dict[str, str] = {}
    for i in f.index[live]:
        parent, ev = part_of[i], cols["event_id"][i]
        if not parent:
            continue
        if parent == ev:
            ip.append(Problem(inc.name, int(f.at[i, LINE]), "part_of", parent,
                              "an event cannot be part of itself", "name its episode's event_id"))
        elif parent not in event_ids:
            ip.append(Problem(inc.name, int(f.at[i, LINE]), "part_of", parent,
                              "names no event_id in this log",
                              "give the episode its own rows, or correct the id"))
        else:
            parent_of.setdefault(ev, parent)
    for i in f.index[live]:  # cycles: a -> b -> a
        ev, seen = cols["event_id"][i], set()
        while ev in parent_of and ev not in seen:
            seen.add(ev)
            ev = parent_of[ev]
        if ev in seen and part_of[i]:
            ip.append(Problem(inc.name, int(f.at[i, LINE]), "part_of", part_of[i],
                              "episodes form a loop", "an episode cannot be part of its parts"))
    problems += ip

    # Fates of incident rows.
    rejected = _reject_lines(inc.problems + ip, inc)
    line = f[LINE]
    fate = pd.Series("kept", index=f.index, dtype=object)
    reason = pd.Series("", index=f.index, dtype=object)
    fate[~live] = "merged"
    reason[~live] = "exact duplicate of line " + merged_into[~live].astype(str)
    rej = live & line.isin(rejected)
    fate[rej] = "rejected"
    reason[rej] = line[rej].map(rejected)
    del no_country

    ok = fate == "kept"
    province = cols["province"]
    reports = pd.DataFrame({
        "report_id": inc.name + ":" + line.astype(str),
        "file": inc.name, "line": line,
        "event_id": cols["event_id"], "source_id": cols["source_id"],
        "source_type": cols["source_id"].map(lambda s: source_type.get(s, "")),
        "event_date": pd.to_datetime(cols["event_date"].where(ok)),
        "date_precision": "day",
        "country_code": country_code,
        "country": _attr(cols["country"], "name"),
        "province_code": _attr(province, "code"),
        "province": _attr(province, "name"),
        "latitude": pd.to_numeric(cols["latitude"], errors="coerce"),
        "longitude": pd.to_numeric(cols["longitude"], errors="coerce"),
    }, index=f.index)
    for c in ("location", "event_type", "perpetrator", "notes"):
        reports[c] = f[c] if c in f else ""
    reports["district"] = [resolve_district(d, p) for d, p in
                           zip(f["district"] if "district" in f else [""] * len(f),
                               reports["province_code"])]
    reports["part_of"] = part_of
    reports["origin"] = f["origin"].str.strip() if "origin" in f else ""
    reports["total_excludes"] = cols["total_excludes"].fillna("")
    kept = reports[ok]

    # Event-level metadata is the first report's; say so when reports disagree.
    for col in ("event_date", "province_code", "district"):
        firsts = kept.drop_duplicates("event_id").set_index("event_id")[col]
        for i, r in kept.iterrows():
            first = firsts[r["event_id"]]
            if r[col] != first and not (pd.isna(r[col]) and pd.isna(first)):
                shown = first.date().isoformat() if isinstance(first, pd.Timestamp) else first
                mine = r[col].date().isoformat() if isinstance(r[col], pd.Timestamp) else r[col]
                problems.append(Problem(
                    inc.name, int(r["line"]), col.replace("_code", ""), str(mine),
                    f"differs from the event's first report ('{shown}'), which is used",
                    "make the reports of one event agree", "warning"))

    # Filters apply to whole events.
    msg = unmatched_province(filters, kept["country_code"].unique())
    if msg:
        raise InputError(message=msg)
    meta = kept.drop_duplicates("event_id").set_index("event_id")
    out_reason = filters.reasons(meta)
    ev_reason = kept["event_id"].map(out_reason)
    filtered_idx = ev_reason[ev_reason != ""].index
    fate[filtered_idx] = "filtered"
    reason[filtered_idx] = ev_reason[filtered_idx]
    kept = kept.drop(index=filtered_idx)

    # Figures as the source stated them, and the warning for totals below their categories.
    fig_rows = []
    for i, r in kept.iterrows():
        excluded = set(filter(None, str(r["total_excludes"]).split(";")))
        for outcome in OUTCOMES:
            counts = {c: _count(cols[f"{outcome}_{c}"][i]) for c in CATEGORIES + ("total",)}
            texts = {c: f.at[i, f"{outcome}_{c}"] if f"{outcome}_{c}" in f else ""
                     for c in counts}
            total = counts["total"]
            inside = [n for c, n in counts.items()
                      if c != "total" and c not in excluded and n is not None]
            if total is not None and inside:
                lows = sum(n.low for n in inside)
                if total.high is not None and total.high < lows:
                    problems.append(Problem(
                        inc.name, int(r["line"]), f"{outcome}_total", texts["total"],
                        f"is smaller than the sum of its own categories ({lows})",
                        "check the figures, or name in total_excludes the categories the "
                        "total leaves out", "warning"))
            for c, n in counts.items():
                if n is None:
                    continue
                fig_rows.append({"report_id": r["report_id"], "event_id": r["event_id"],
                                 "source_id": r["source_id"], "outcome": outcome,
                                 "category": ALL if c == "total" else c, "low": n.low,
                                 "high": n.high, "point": n.point, "approx": n.approx,
                                 "derived": "", "text": texts.get(c, "")})
    figures = pd.DataFrame.from_records(fig_rows, columns=list(FIGURE_COLUMNS))
    for c in ("low", "high", "point"):
        figures[c] = figures[c].astype("Int64")
    figures["approx"] = figures["approx"].astype(bool)

    audit = [_audit_rows(inc, fate, reason)]
    src_fate = pd.Series("kept", index=src.frame.index, dtype=object)
    src_reason = pd.Series("", index=src.frame.index, dtype=object)
    src_fate[src_dup > 0] = "merged"
    src_reason[src_dup > 0] = "exact duplicate of line " + src_dup[src_dup > 0].astype(str)
    src_rej = sources["line"].isin(bad_src_lines) & (src_dup == 0)
    src_fate[src_rej] = "rejected"
    src_reason[src_rej] = sources.loc[src_rej, "line"].map(bad_src_lines)
    audit.append(_audit_rows(src, src_fate, src_reason, event=pd.Series("", index=src.frame.index)))

    victims = None
    if files.victims is not None:
        victims, vp, vaudit = _read_victims(files.victims, kept, fate, cols, all_source_ids,
                                            today)
        problems += vp
        audit.append(vaudit)
    used = set(kept["source_id"])
    result = ReadResult(
        dataset=DATASET,
        files=[t.name for t in (inc, src, files.victims) if t is not None],
        reports=kept[list(REPORT_COLUMNS)].reset_index(drop=True),
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


def _read_victims(t: RawTable, kept: pd.DataFrame, inc_fate: pd.Series, cols: dict,
                  source_ids: set[str], today: dt.date):
    f = t.frame
    problems: list[Problem] = []
    cat, p = v.parse_column(t, "victim_category", v.choice_parser(CATEGORIES_ALL, "category"))
    problems += p
    count, p = v.parse_column(t, "count", v.parse_count_cell)
    problems += p
    basis, p = v.parse_column(t, "basis", v.choice_parser(BASES, "basis"))
    problems += p
    event_country = dict(zip(cols["event_id"], _attr(cols["country"], "code")))
    home = pd.Series([None] * len(f), index=f.index, dtype=object)
    for i in f.index:
        code = event_country.get(f.at[i, "event_id"])
        if code:
            try:
                home[i] = v.province_parser(code)(f.at[i, "home_province"])
            except v.Fault as fault:
                problems.append(Problem(t.name, int(f.at[i, LINE]), "home_province",
                                        f.at[i, "home_province"], fault.message, fault.fix))
        elif f.at[i, "event_id"] not in event_country:
            problems.append(Problem(t.name, int(f.at[i, LINE]), "event_id", f.at[i, "event_id"],
                                    "names no event in the incident log", "correct the id"))
        if f.at[i, "source_id"] not in source_ids:
            problems.append(Problem(t.name, int(f.at[i, LINE]), "source_id", f.at[i, "source_id"],
                                    "is not in the sources", "add it to the sources or correct it"))
    for i in f.index:
        if count[i] is None and not problems_at(problems, t, int(f.at[i, LINE]), "count"):
            problems.append(Problem(t.name, int(f.at[i, LINE]), "count", f.at[i, "count"],
                                    "is empty", "give the number of victims from this province"))
    rejected = _reject_lines(problems, t)
    fate = pd.Series("kept", index=f.index, dtype=object)
    reason = pd.Series("", index=f.index, dtype=object)
    rej = f[LINE].isin(rejected)
    fate[rej], reason[rej] = "rejected", f.loc[rej, LINE].map(rejected)
    kept_events = set(kept["event_id"])
    gone = ~rej & ~f["event_id"].isin(kept_events)
    # A victims row follows its event: filtered or rejected with it.
    ev_fate = dict(zip(cols["event_id"], inc_fate))
    fate[gone] = f.loc[gone, "event_id"].map(lambda e: "filtered" if ev_fate.get(e) == "filtered"
                                             else "rejected")
    reason[gone] = "its event was " + fate[gone]
    # A victims figure belongs to one report: it goes where that report goes.
    kept_pairs = set(zip(kept["event_id"], kept["source_id"]))
    all_pairs = set(zip(cols["event_id"], cols["source_id"]))
    for i in f.index[fate == "kept"]:
        pair = (f.at[i, "event_id"], f.at[i, "source_id"])
        if pair in kept_pairs:
            continue
        fate[i] = "rejected"
        if pair in all_pairs:
            reason[i] = "its report in the incident log was rejected"
        else:
            reason[i] = "no report of this event from this source in the incident log"
            problems.append(Problem(t.name, int(f.at[i, LINE]), "source_id", pair[1],
                                    f"gives no report of event '{pair[0]}' in the incident log",
                                    "add that report to the incidents or correct the ids"))
    ok = fate == "kept"
    out = pd.DataFrame({
        "event_id": f["event_id"], "source_id": f["source_id"], "victim_category": cat,
        "home_province_code": _attr(home, "code"),
        "home_province": _attr(home, "name"),
        "low": _attr(count, "low", None),
        "high": _attr(count, "high", None),
        "point": _attr(count, "point", None),
        "basis": basis, "file": t.name, "line": f[LINE]})[ok]
    for c in ("low", "high", "point"):
        out[c] = out[c].astype("Int64")
    return (out[list(VICTIM_OUT_COLUMNS)].reset_index(drop=True), problems,
            _audit_rows(t, fate, reason))


def _attr(series: pd.Series, name: str, default: object = "") -> pd.Series:
    """An attribute of parsed values (Country, Province, Count); default where there is none.

    Missing cells may hold None or NaN (pandas fills object columns with NaN), so the test is
    for the attribute, not for truth."""
    return series.map(lambda x: getattr(x, name, default) if x is not None and
                      hasattr(x, name) else default)


def _count(x: object) -> Count | None:
    """A parsed cell, or None (pandas may hold 'not reported' as NaN)."""
    return x if isinstance(x, Count) else None


def problems_at(problems: list[Problem], t: RawTable, line: int, column: str) -> bool:
    return any(p.file == t.name and p.line == line and p.column == column for p in problems)


__all__ = ["read_native", "locate", "INCIDENT_OPTIONAL"]
