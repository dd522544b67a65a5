"""sources.csv: every source checked (id, type, date), each id once."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from sitrep.clean import validate as v
from sitrep.clean.readers.files import LINE, RawTable
from sitrep.clean.readers.native.rows import exact_duplicates
from sitrep.problems import Problem
from sitrep.schema import SOURCE_COLUMNS, SOURCE_TYPES

SOURCE_REQUIRED = ("source_id", "publisher", "source_type")


def check_sources(t: RawTable, today: dt.date) -> tuple[pd.DataFrame, list[Problem]]:
    f = t.frame
    problems: list[Problem] = []
    ids, p = v.parse_column(t, "source_id", v.required_text)
    problems += p
    types, p = v.parse_column(t, "source_type", v.choice_parser(SOURCE_TYPES, "source type"))
    problems += p
    pub, p = v.parse_column(t, "published", lambda s: v.parse_date(s, today, required=False))
    problems += p
    first = {}
    dup = exact_duplicates(t)
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
