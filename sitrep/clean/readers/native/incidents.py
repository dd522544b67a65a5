"""incidents.csv, step by step: each column parsed, the checks across rows, each row's fate,
the reports frame, the warnings when reports of one event disagree, the filters, and the
figures as each source stated them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from sitrep.clean import validate as v
from sitrep.clean.filters import Filters, unmatched_province
from sitrep.clean.readers.files import LINE, RawTable
from sitrep.clean.readers.native.rows import as_count, attr, reject_lines
from sitrep.places import resolve_district
from sitrep.problems import InputError, Problem
from sitrep.schema import (ALL, CATEGORIES, COUNT_COLUMNS, FIGURE_COLUMNS, INCIDENT_OPTIONAL,
                           INCIDENT_REQUIRED, INCIDENT_TABLE_COLUMNS, OUTCOMES, REPORT_COLUMNS)

COMPUTED = set(REPORT_COLUMNS) | set(INCIDENT_TABLE_COLUMNS)  # an extra column may not take these


@dataclass
class Parsed:
    """incidents.csv with every cell parsed: ``cols`` holds parsed values (None where a cell is
    empty or faulty), ``live`` the rows that are not exact duplicates of an earlier one."""
    table: RawTable
    merged_into: pd.Series
    cols: dict[str, pd.Series] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def frame(self) -> pd.DataFrame:
        return self.table.frame

    @property
    def live(self) -> pd.Series:
        return self.merged_into == 0

    def line(self, i) -> int:
        return int(self.frame.at[i, LINE])


def parse_columns(inc: RawTable, merged_into: pd.Series, today: dt.date) -> Parsed:
    """Every column through its parser; a province by the parser of its row's country."""
    p = Parsed(inc, merged_into)
    f, live = inc.frame, p.live

    def check(col: str, parse) -> pd.Series:
        sub = RawTable(inc.name, f[live], inc.encoding, [])
        parsed, found = v.parse_column(sub, col, parse)
        p.problems.extend(found)
        out = parsed.reindex(f.index).astype(object)
        return out.where(out.notna(), None)

    def absent(fill) -> pd.Series:
        return pd.Series([fill] * len(f), index=f.index, dtype=object)

    c = p.cols
    c["event_id"] = check("event_id", v.required_text)
    c["source_id"] = check("source_id", v.required_text)
    c["event_date"] = check("event_date", lambda s: v.parse_date(s, today))
    c["country"] = check("country", v.parse_country)
    country_code = attr(c["country"], "code", None)
    provinces = absent(None)
    for code in country_code[live].dropna().unique():
        sel = live & (country_code == code)
        parsed, found = v.parse_column(RawTable(inc.name, f[sel], inc.encoding, []), "province",
                                       v.province_parser(code))
        p.problems.extend(found)
        provinces[sel] = parsed
    c["province"] = provinces
    c["latitude"] = check("latitude", v.coordinate_parser("latitude"))
    c["longitude"] = check("longitude", v.coordinate_parser("longitude"))
    c["total_excludes"] = check("total_excludes", v.categories_list) \
        if "total_excludes" in f else absent("")
    for col in COUNT_COLUMNS:
        c[col] = check(col, v.parse_count_cell) if col in f else absent(None)
    return p


def cross_row_checks(p: Parsed, source_ids: set[str], source_type: dict[str, str],
                     sources_name: str) -> None:
    """Sources exist, one report per event and source, episodes exist and form no loop."""
    f, c, name = p.frame, p.cols, p.table.name
    rows = f.index[p.live]
    for i in rows:
        sid = c["source_id"][i]
        if sid and sid not in source_ids:
            p.problems.append(Problem(name, p.line(i), "source_id", sid,
                                      f"is not in {sources_name}",
                                      f"add a row for '{sid}' to {sources_name} or correct the "
                                      "id"))
        elif sid and sid not in source_type:
            p.problems.append(Problem(name, p.line(i), "source_id", sid,
                                      f"its row in {sources_name} was rejected",
                                      f"fix that row in {sources_name}"))
    first_report: dict[tuple[str, str], int] = {}
    for i in rows:
        key = (c["event_id"][i], c["source_id"][i])
        if not all(key):
            continue
        if key in first_report:
            p.problems.append(Problem(
                name, p.line(i), "source_id", key[1],
                f"event '{key[0]}' already has a report from this source at line "
                f"{first_report[key]}",
                "merge the two rows, or give the second version its own source id (e.g. a "
                "later article)"))
        else:
            first_report[key] = p.line(i)
    p.problems.extend(_date_gaps(p, rows))
    event_ids = set(c["event_id"].dropna())
    part_of = part_of_column(f)
    parent_of: dict[str, str] = {}
    for i in rows:
        parent, ev = part_of[i], c["event_id"][i]
        if not parent:
            continue
        if parent == ev:
            p.problems.append(Problem(name, p.line(i), "part_of", parent,
                                      "an event cannot be part of itself",
                                      "name its episode's event_id"))
        elif parent not in event_ids:
            p.problems.append(Problem(name, p.line(i), "part_of", parent,
                                      "names no event_id in this log",
                                      "give the episode its own rows, or correct the id"))
        else:
            parent_of.setdefault(ev, parent)
    for i in rows:  # cycles: a -> b -> a
        ev, seen = c["event_id"][i], set()
        while ev in parent_of and ev not in seen:
            seen.add(ev)
            ev = parent_of[ev]
        if ev in seen and part_of[i]:
            p.problems.append(Problem(name, p.line(i), "part_of", part_of[i],
                                      "episodes form a loop",
                                      "an episode cannot be part of its parts"))


# Reports of one incident may date it a day or two apart (a night attack, a report dated by its
# publication); further apart than this they are not one incident, or a date is mistyped.
MAX_DATE_GAP_DAYS = 3


def _date_gaps(p: Parsed, rows) -> list[Problem]:
    """An error for each report dated more than MAX_DATE_GAP_DAYS from its event's first
    (dated) report, naming that report; smaller gaps are warnings (see disagreements)."""
    c, name, out = p.cols, p.table.name, []
    first: dict[str, int] = {}
    for i in rows:
        ev, day = c["event_id"][i], c["event_date"][i]
        if not ev or day is None:
            continue
        if ev not in first:
            first[ev] = i
            continue
        j = first[ev]
        gap = abs((day - c["event_date"][j]).days)
        if gap > MAX_DATE_GAP_DAYS:
            out.append(Problem(
                name, p.line(i), "event_date", p.frame.at[i, "event_date"],
                f"is {gap} days from the date of event '{ev}' in its first report "
                f"({c['event_date'][j].isoformat()}, line {p.line(j)}, source "
                f"'{c['source_id'][j]}')",
                f"reports of one event may differ by at most {MAX_DATE_GAP_DAYS} days: correct "
                "the date, or give the other incident its own event_id"))
    return out


def part_of_column(f: pd.DataFrame) -> pd.Series:
    return f["part_of"] if "part_of" in f else pd.Series("", index=f.index)


def fates(p: Parsed) -> tuple[pd.Series, pd.Series]:
    """kept, merged (an exact duplicate) or rejected (an error in the row), with the reason."""
    f, live = p.frame, p.live
    rejected = reject_lines(p.table.problems + p.problems, p.table)
    line = f[LINE]
    fate = pd.Series("kept", index=f.index, dtype=object)
    reason = pd.Series("", index=f.index, dtype=object)
    fate[~live] = "merged"
    reason[~live] = "exact duplicate of line " + p.merged_into[~live].astype(str)
    rej = live & line.isin(rejected)
    fate[rej] = "rejected"
    reason[rej] = line[rej].map(rejected)
    return fate, reason


def report_frame(p: Parsed, source_type: dict[str, str], ok: pd.Series) -> pd.DataFrame:
    """One row per report (REPORT_COLUMNS), for the rows that are kept."""
    f, c, name = p.frame, p.cols, p.table.name
    line = f[LINE]
    province = c["province"]
    reports = pd.DataFrame({
        "report_id": name + ":" + line.astype(str),
        "file": name, "line": line,
        "event_id": c["event_id"], "source_id": c["source_id"],
        "source_type": c["source_id"].map(lambda s: source_type.get(s, "")),
        "event_date": pd.to_datetime(c["event_date"].where(ok)),
        "date_precision": "day",
        "country_code": attr(c["country"], "code", None),
        "country": attr(c["country"], "name"),
        "province_code": attr(province, "code"),
        "province": attr(province, "name"),
        "latitude": pd.to_numeric(c["latitude"], errors="coerce"),
        "longitude": pd.to_numeric(c["longitude"], errors="coerce"),
    }, index=f.index)
    for col in ("location", "event_type", "perpetrator", "notes"):
        reports[col] = f[col] if col in f else ""
    reports["district"] = [resolve_district(d, pc) for d, pc in
                           zip(f["district"] if "district" in f else [""] * len(f),
                               reports["province_code"])]
    reports["part_of"] = part_of_column(f)
    reports["origin"] = f["origin"].str.strip() if "origin" in f else ""
    reports["total_excludes"] = c["total_excludes"].fillna("")
    return reports[ok]


def extra_columns(inc: RawTable) -> tuple[list[str], list[Problem]]:
    """Columns of the log that sitrep does not read, which the reports carry through to the
    incidents table; a warning for one named like a column sitrep computes (it is left out)."""
    known = set(INCIDENT_REQUIRED + INCIDENT_OPTIONAL + COUNT_COLUMNS) | {LINE}
    extra = [c for c in inc.frame.columns if c not in known and c]
    taken = [c for c in extra if c in COMPUTED or c.startswith("_")]
    return [c for c in extra if c not in taken], [
        Problem(inc.name, 1, c, c, "is the name of a column sitrep computes, so this column is "
                "not passed through to the incidents table", "rename it", "warning")
        for c in taken]


def disagreements(kept: pd.DataFrame, name: str) -> list[Problem]:
    """Event-level metadata is the first report's; a warning where another report differs."""
    out = []
    for col in ("event_date", "province_code", "district"):
        firsts = kept.drop_duplicates("event_id").set_index("event_id")[col]
        for _, r in kept.iterrows():
            first = firsts[r["event_id"]]
            if r[col] != first and not (pd.isna(r[col]) and pd.isna(first)):
                shown = first.date().isoformat() if isinstance(first, pd.Timestamp) else first
                mine = r[col].date().isoformat() if isinstance(r[col], pd.Timestamp) else r[col]
                out.append(Problem(
                    name, int(r["line"]), col.replace("_code", ""), str(mine),
                    f"differs from the event's first report ('{shown}'), which is used",
                    "make the reports of one event agree", "warning"))
    return out


def apply_filters(kept: pd.DataFrame, filters: Filters, fate: pd.Series,
                  reason: pd.Series) -> pd.DataFrame:
    """Filters apply to whole events: a filtered event's reports are all 'filtered'."""
    msg = unmatched_province(filters, kept["country_code"].unique())
    if msg:
        raise InputError(message=msg)
    meta = kept.drop_duplicates("event_id").set_index("event_id")
    ev_reason = kept["event_id"].map(filters.reasons(meta))
    filtered_idx = ev_reason[ev_reason != ""].index
    fate[filtered_idx] = "filtered"
    reason[filtered_idx] = ev_reason[filtered_idx]
    return kept.drop(index=filtered_idx)


def stated_figures(p: Parsed, kept: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """Figures as each source stated them (FIGURE_COLUMNS), and a warning for a closed total
    below the report's own categories (those its ``total_excludes`` leaves out apart)."""
    f, c, name = p.frame, p.cols, p.table.name
    rows, problems = [], []
    for i, r in kept.iterrows():
        excluded = set(filter(None, str(r["total_excludes"]).split(";")))
        for outcome in OUTCOMES:
            counts = {k: as_count(c[f"{outcome}_{k}"][i]) for k in CATEGORIES + ("total",)}
            texts = {k: f.at[i, f"{outcome}_{k}"] if f"{outcome}_{k}" in f else ""
                     for k in counts}
            total = counts["total"]
            inside = [n for k, n in counts.items()
                      if k != "total" and k not in excluded and n is not None]
            if total is not None and inside:
                lows = sum(n.low for n in inside)
                if total.high is not None and total.high < lows:
                    problems.append(Problem(
                        name, int(r["line"]), f"{outcome}_total", texts["total"],
                        f"is smaller than the sum of its own categories ({lows})",
                        "check the figures, or name in total_excludes the categories the "
                        "total leaves out", "warning"))
            for k, n in counts.items():
                if n is None:
                    continue
                rows.append({"report_id": r["report_id"], "event_id": r["event_id"],
                             "source_id": r["source_id"], "outcome": outcome,
                             "category": ALL if k == "total" else k, "low": n.low,
                             "high": n.high, "point": n.point, "approx": n.approx,
                             "derived": "", "text": texts.get(k, "")})
    figures = pd.DataFrame.from_records(rows, columns=list(FIGURE_COLUMNS))
    for col in ("low", "high", "point"):
        figures[col] = figures[col].astype("Int64")
    figures["approx"] = figures["approx"].astype(bool)
    return figures, problems
