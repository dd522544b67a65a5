"""victims.csv: where an event's victims came from, per report; each row follows its report
(kept, filtered or rejected with it)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from sitrep.clean import validate as v
from sitrep.clean.readers.base import VICTIM_OUT_COLUMNS
from sitrep.clean.readers.files import LINE, RawTable
from sitrep.clean.readers.native.rows import attr, audit_rows, problems_at, reject_lines
from sitrep.problems import Problem
from sitrep.schema import BASES, CATEGORIES_ALL


def read_victims(t: RawTable, kept: pd.DataFrame, inc_fate: pd.Series, cols: dict,
                  source_ids: set[str], today: dt.date):
    f = t.frame
    problems: list[Problem] = []
    cat, p = v.parse_column(t, "victim_category", v.choice_parser(CATEGORIES_ALL, "category"))
    problems += p
    count, p = v.parse_column(t, "count", v.parse_count_cell)
    problems += p
    basis, p = v.parse_column(t, "basis", v.choice_parser(BASES, "basis"))
    problems += p
    event_country = dict(zip(cols["event_id"], attr(cols["country"], "code")))
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
    rejected = reject_lines(problems, t)
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
        "home_province_code": attr(home, "code"),
        "home_province": attr(home, "name"),
        "low": attr(count, "low", None),
        "high": attr(count, "high", None),
        "point": attr(count, "point", None),
        "basis": basis, "file": t.name, "line": f[LINE]})[ok]
    for c in ("low", "high", "point"):
        out[c] = out[c].astype("Int64")
    return (out[list(VICTIM_OUT_COLUMNS)].reset_index(drop=True), problems,
            audit_rows(t, fate, reason))
