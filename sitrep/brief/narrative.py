"""Sentences for the briefing's summary, computed from the tables: no number is typed here.

Each function returns plain text (or "" when it has nothing to say); the briefing escapes it.
"""

from __future__ import annotations

import pandas as pd

from sitrep.brief import fmt
from sitrep.schema import CATEGORY_LABELS


def _row(table: pd.DataFrame, cat: str, outcome: str = "killed") -> pd.Series | None:
    r = table[(table["victim_category"] == cat) & (table["outcome"] == outcome)]
    return None if r.empty else r.iloc[0]


def _range_words(r: pd.Series) -> str:
    if fmt.missing(r["high"]):
        return f"at least {fmt.num(r['low'])}, with no agreed upper figure"
    if r["low"] == r["high"]:
        return "with no source giving another figure"
    return f"a range of {fmt.num(r['low'])} to {fmt.num(r['high'])}"


def overview(totals: pd.DataFrame, summary: dict) -> str:
    r = _row(totals, "all")
    if r is None:
        return "The sources read give no casualty figures for this scope."
    where = summary.get("area") or "the area covered"
    when = summary.get("period")
    incidents = fmt.plural(summary["incidents"], "incident")
    districts = summary.get("districts", 0)
    place = f" in {fmt.plural(districts, 'district')}" if districts else ""
    return (f"Reports from {fmt.plural(summary['sources'], 'source')} put the number of people "
            f"killed in {where}{', ' + when if when else ''} at {fmt.num(r['best'])} (best "
            f"estimate), {_range_words(r)}, across {incidents}{place}.")


def categories(totals: pd.DataFrame) -> str:
    parts = []
    for cat in ("civilians", "security_forces", "militants"):
        r = _row(totals, cat)
        if r is not None:
            parts.append(f"{CATEGORY_LABELS[cat].lower()} {fmt.figure(r['low'], r['best'], r['high'])}")
    if not parts:
        return ""
    text = f"By victim category, the best estimates (with ranges) are: {fmt.join(parts)}."
    u = _row(totals, "unknown")
    if u is not None:
        text += (f" A further {fmt.figure(u['low'], u['best'], u['high'])} were counted in "
                 "sources' totals without being attributed to a category.")
    return text


def agreement(report_figures: pd.DataFrame) -> str:
    """What is certain (all sources agree) and what is disputed (widest spread of totals)."""
    f = report_figures[(report_figures["source_type"] != "perpetrator_claim")
                       & (report_figures["outcome"] == "killed")]
    # Only events told by several sources can agree or disagree (most dataset events have one).
    n = f.groupby("event_id")["source_id"].transform("nunique")
    f = f[n >= 2]
    if f.empty:
        return ""
    out = []
    agreed = []
    for cat in ("security_forces", "civilians", "militants"):
        c = f[f["victim_category"] == cat]
        for ev, g in c.groupby("event_label"):
            if len(g) >= 3 and g["low"].nunique() == 1 and g["high"].notna().all() \
                    and g["high"].nunique() == 1 and g["low"].iloc[0] == g["high"].iloc[0]:
                agreed.append(f"{fmt.num(g['low'].iloc[0])} {CATEGORY_LABELS[cat].lower()} "
                              f"killed in the {fmt.incident_phrase(ev)} "
                              f"({fmt.plural(len(g), 'source')})")
    if agreed:
        out.append(f"Sources agree on {fmt.join(agreed[:2])}.")
    tot = f[f["victim_category"] == "all"]
    spread = []
    for ev, g in tot.groupby("event_label"):
        if len(g) < 2:
            continue
        lo, hi = int(g["low"].min()), g["high"]
        open_ = hi.isna().any()
        # the highest figure a source gave: a range's top, an open figure's bound
        top = int(max(g["point"].max(), hi.dropna().max() if hi.notna().any() else 0))
        spread.append((top - lo, ev, lo, top, open_, len(g)))
    if spread:
        width, ev, lo, top, open_, n = max(spread)
        if width > 0 or open_:
            tail = " (some open-ended, such as 'over' or 'at least')" if open_ else ""
            out.append(f"Totals are disputed for the {fmt.incident_phrase(ev)}: its {n} reports "
                       f"range from {lo:,} to "
                       f"{top:,}{tail}.")
    return " ".join(out)


def claims(claims_table: pd.DataFrame) -> str:
    c = claims_table[claims_table["outcome"] == "killed"]
    if c.empty:
        return ""
    top = c.loc[c["claimed_low"].idxmax()]
    who = top["claimant"] if not fmt.missing(top["claimant"]) else top["source_id"]
    what = CATEGORY_LABELS.get(top["victim_category"], "").lower()
    what = "people" if what == "all" else what
    counted = ""
    if not fmt.missing(top["counted_best"]):
        counted = (f", against {fmt.figure(top['counted_low'], top['counted_best'], top['counted_high'])}"
                   " counted from the other sources")
    n = len(c)
    return (f"{fmt.plural(n, 'perpetrator claim')} {'is' if n == 1 else 'are'} shown apart and "
            f"never counted; the largest, by {who}, is {top['claimed']} {what} killed{counted}.")


def home_provinces(victims: pd.DataFrame) -> str:
    if victims.empty:
        return ""
    rep = victims[victims["basis"] == "reported"]
    parts = [f"{fmt.figure(r['low'], r['best'], r['high'])} from {r['home_province']}"
             for _, r in rep.iterrows()]
    text = ""
    if parts:
        text = (f"Where sources said where victims came from, {fmt.join(parts)} (reported); "
                "home province is not where they were killed.")
    inf = victims[victims["basis"] == "inferred"]
    if not inf.empty:
        inferred = [f"{fmt.figure(r['low'], r['best'], r['high'])} to {r['home_province']}"
                    for _, r in inf.iterrows()]
        text += (f" A further {fmt.join(inferred)} rest on an inference (an ethnicity mapped "
                 "to a home province), not on a reported figure.")
    return text.strip()


def injured(totals: pd.DataFrame) -> str:
    r = _row(totals, "all", "injured")
    if r is None:
        return "No source read gives a figure for the injured."
    return (f"At least {fmt.num(r['low'])} people were reported injured (best estimate "
            f"{fmt.num(r['best'])}); injury figures are less complete than death tolls.")


def left_out(nc: dict) -> str:
    """What the figures leave out (rejected rows, with the dead an export's own figures give
    for them) and what they hold without an ISO code; "" when neither."""
    out = []
    rejected = int(nc.get("rejected_rows") or 0)
    if rejected:
        text = (f"Not counted: {rejected:,} of {int(nc.get('input_rows') or 0):,} input rows "
                "were rejected for errors and are not counted")
        killed, unreadable = nc.get("rejected_killed"), int(nc.get("rejected_unreadable") or 0)
        if killed is not None:
            text += f" (their own figures give {int(killed):,} killed"
            text += (f"; {fmt.plural(unreadable, 'row')} had no readable figure)"
                     if unreadable else ")")
        out.append(text + ".")
    uncoded = nc.get("uncoded_provinces") or []
    if uncoded:
        named = uncoded[:MAX_NAMED] + ([f"{len(uncoded) - MAX_NAMED} more"]
                                       if len(uncoded) > MAX_NAMED else [])
        out.append(f"Without an ISO code: {fmt.plural(len(uncoded), 'province')} "
                   f"({fmt.join(named)}) {'is' if len(uncoded) == 1 else 'are'} counted under "
                   "the dataset's own name.")
    return " ".join(out) + " The data-quality appendix lists them." if out else ""


MAX_NAMED = 8  # provinces named in that sentence; the appendix lists every one


def paragraphs(t: dict[str, pd.DataFrame], summary: dict) -> list[str]:
    """How sure the figures are: the overview with ranges, where sources agree and where they
    disagree, and the injured. Claims and home provinces are page 1's key judgements."""
    return [s for s in (
        overview(t["totals"], summary) + " " + categories(t["totals"]),
        agreement(t["report_figures"]),
        injured(t["totals"]),
    ) if s.strip()]
