"""The counting rule's warnings: a closed stated total below the event's category floors.

A report's total below its *own* categories is found by the reader, row by row. Here a total is
held against the event as reconciled (``sitrep.clean.reconcile``): when the lows of the event's named
categories (civilians, security forces, militants; after any episode fold) add up to more than a
report's closed total, that report undercounts or counts a different set of people, and the
data-quality appendix names it. The total still enters the rule; the event's total never falls
below its categories whatever the reports say.
"""

from __future__ import annotations

import pandas as pd

from sitrep.frames import isin
from sitrep.problems import Problem
from sitrep.schema import ALL, CATEGORY_LABELS, CLAIM

NAMED = ("civilians", "security_forces", "militants")


def total_checks(reports: pd.DataFrame, figures: pd.DataFrame,
                 events: pd.DataFrame) -> list[Problem]:
    counted = isin(figures["report_id"], reports.loc[reports["source_type"] != CLAIM,
                                                     "report_id"])
    f = figures[counted]
    closed = f[(f["category"] == ALL) & (f["derived"] == "") & f["high"].notna()]
    if closed.empty:
        return []
    named = events[events["category"].isin(NAMED)]
    floors = named.pivot_table(index=["event_id", "outcome"], columns="category", values="low",
                               aggfunc="sum", fill_value=0)
    # Only totals below the whole floor can be below it once excluded categories are taken out.
    floor_all = floors.sum(axis=1).rename("floor")
    closed = closed.join(floor_all, on=["event_id", "outcome"])
    closed = closed[closed["high"].astype("float64") < closed["floor"]]
    if closed.empty:
        return []
    own = f[f["category"].isin(NAMED)].groupby(["report_id", "outcome"])["low"].sum()
    meta = reports.set_index("report_id")
    problems = []
    for r in closed.itertuples(index=False):
        excluded = set(str(meta.at[r.report_id, "total_excludes"]).split(";"))
        row = floors.loc[(r.event_id, r.outcome)]
        parts = {c: int(row[c]) for c in NAMED
                 if c in row.index and c not in excluded and int(row[c]) > 0}
        floor = sum(parts.values())
        if int(r.high) >= floor or int(r.high) < int(own.get((r.report_id, r.outcome), 0)):
            continue  # enough, or already named by the reader against its own categories
        what = ", ".join(f"{CATEGORY_LABELS[c].lower()} {n}" for c, n in parts.items())
        problems.append(Problem(
            str(meta.at[r.report_id, "file"]), int(meta.at[r.report_id, "line"]),
            f"{r.outcome}_total", str(r.text),
            f"is below the {floor} that event {r.event_id}'s categories count at the least "
            f"({what})",
            "check the figure: a total that leaves out some categories names them in "
            "total_excludes; the event's total is never counted below its categories",
            "warning"))
    return problems


__all__ = ["total_checks"]
