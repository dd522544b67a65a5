"""Page 1's account and key judgements, computed from the tables: what happened, to whom, and
how sure the sources are, in the words of an analyst's note (no event ids, no tool words).

Every number here comes from a table; each function returns plain text ("" when the tables
hold nothing to say it from), and the briefing escapes it.
"""

from __future__ import annotations

import pandas as pd

from sitrep.brief import fmt
from sitrep.brief.fmt import plain
from sitrep.schema import CATEGORY_LABELS


def _killed(totals: pd.DataFrame, cat: str = "all") -> pd.Series | None:
    r = totals[(totals["victim_category"] == cat) & (totals["outcome"] == "killed")]
    return None if r.empty else r.iloc[0]


def _pct(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else ""


def _who(timeline: pd.DataFrame) -> str:
    """The group behind most incidents (two in three at least), else "": a dataset's first
    actor in a mix of battles, riots and protests is no perpetrator of "attacks"."""
    named = timeline["perpetrator"].fillna("").astype(str)
    named = named[named != ""]
    if named.empty:
        return ""
    top = named.value_counts()
    return top.index[0] if top.iloc[0] * 3 >= len(timeline) * 2 else ""


def account(t: dict[str, pd.DataFrame], summary: dict) -> str:
    """One paragraph: when, who, how many places, and the dead by category."""
    tl, totals = t["timeline"], t["totals"]
    if tl.empty:
        return ""
    when = summary.get("events_period") or ""
    who = _who(tl)
    n, districts = int(summary.get("incidents", len(tl))), int(summary.get("districts", 0))
    where = summary.get("area") or "the area covered"
    in_districts = f" in {fmt.plural(districts, 'district')}" if districts else ""
    text = (f"{'On ' + when if when else 'In the period'}, "
            + (f"{who} attacks struck {fmt.plural(n, 'site')}{in_districts} of {where}."
               if who else
               f"{fmt.plural(n, 'incident')} {'was' if n == 1 else 'were'} recorded"
               f"{in_districts} of {where}."))
    k = _killed(totals)
    if k is not None:
        parts = [f"{fmt.num(r['best'])} {CATEGORY_LABELS[c].lower()}"
                 for c in ("civilians", "security_forces", "militants")
                 if (r := _killed(totals, c)) is not None and int(r["best"])]
        u = _killed(totals, "unknown")
        if u is not None and int(u["best"]):
            parts.append(f"{fmt.num(u['best'])} whom no source placed in a category")
        low = "" if int(k["low"]) == int(k["best"]) else f" (at least {fmt.num(k['low'])})"
        text += (f" The sources put the dead at {fmt.num(k['best'])}{low}"
                 f"{': ' + fmt.join(parts) if parts else ''}.")
    inj = totals[(totals["victim_category"] == "all") & (totals["outcome"] == "injured")]
    if len(inj):
        text += f" At least {fmt.num(inj.iloc[0]['low'])} were reported injured."
    return text


def judgements(t: dict[str, pd.DataFrame], summary: dict) -> list[str]:
    """Three to five key judgements: the deadliest site and its share, the civilians' share,
    where victims came from, what was claimed against what was counted, how spread it was."""
    out = []
    tl, totals = t["timeline"], t["totals"]
    k = _killed(totals)
    total = int(k["best"]) if k is not None else 0
    dead = tl.dropna(subset=["killed_all"])
    if total and len(dead) > 1:
        top = dead.sort_values("killed_all", ascending=False, kind="stable").iloc[0]
        what = str(top["event_type"]).lower() if top["event_type"] else "attack"
        out.append(f"The deadliest attack was the {what} at {top['place']}: "
                   f"{fmt.num(top['killed_all'])} of the {fmt.num(total)} dead "
                   f"({_pct(int(top['killed_all']), total)}).")
    civ = _killed(totals, "civilians")
    if civ is not None and total:
        out.append(f"Civilians were {fmt.num(civ['best'])} of the {fmt.num(total)} dead "
                   f"({_pct(int(civ['best']), total)}), the largest group"
                   if int(civ["best"]) * 2 >= total else
                   f"Civilians were {fmt.num(civ['best'])} of the {fmt.num(total)} dead "
                   f"({_pct(int(civ['best']), total)})")
        out[-1] += "."
    v = t["victims_by_home_province"]
    rep = v[v["basis"] == "reported"] if len(v) else v
    if len(rep):
        named = [f"{fmt.figure(r['low'], r['best'], r['high'])} from {r['home_province']}"
                 for _, r in rep.iterrows()]
        inf = v[v["basis"] == "inferred"]
        extra = (" and " + fmt.join([f"{fmt.num(r['best'])} from {r['home_province']} "
                                     "(inferred from their ethnicity)"
                                     for _, r in inf.iterrows()]) if len(inf) else "")
        out.append(f"Where sources said where victims came from: {fmt.join(named)}{extra}; "
                   "home province is where they lived, not where they died.")
    c = t["claims"]
    c = c[c["outcome"] == "killed"] if len(c) else c
    if len(c):
        top = c.loc[pd.to_numeric(c["claimed_low"]).idxmax()]
        who = plain(top["claimant"]).split(" statement")[0].split(",")[0]
        what = CATEGORY_LABELS.get(top["victim_category"], "").lower()
        counted = fmt.figure(top["counted_low"], top["counted_best"], top["counted_high"])
        out.append(f"{who} claimed {top['claimed']} {what if what != 'all' else 'people'} "
                   f"killed; the other sources count {counted or 'no such figure'}. Claims are "
                   "shown, never counted.")
    n, quiet = int(summary.get("incidents", 0)), int(summary.get("incidents_without_deaths", 0))
    if n > 1:
        out.append(f"The attacks were spread over {fmt.plural(n, 'site')}"
                   f"{' in ' + fmt.plural(int(summary['districts']), 'district') if summary.get('districts') else ''}"
                   f"{f'; at {quiet} of them no death was reported' if quiet else ''}.")
    return out[:5]


__all__ = ["account", "judgements"]
