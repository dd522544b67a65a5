"""Reports -> events: the counting rule, low/best/high across sources, claims apart, episodes.

This module is the one implementation of ``docs/counting-rules.md`` (the one statement of the
rule, which the README, the notebooks and the briefing's methodology point to or render). In
short, per event and outcome, perpetrator claims left out and relayed figures counted once:
categories and stated totals are reconciled across reports on their own; the unknown is what
the stated totals leave unexplained beyond the categories; episodes fold their parts in per
category, stated total and unknown; the total is derived last, so that the categories and the
unknown always make the total on the best estimate, at every level.

A per-report residual (total minus that report's categories, reconciled as if it were a figure
of its own) was the rule before; it counted again dead already counted under a category by
another source, so the categories could add up to more than the total. It is gone.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sitrep.frames import isin
from sitrep.schema import ALL, BEST_ONLY, CATEGORIES, CLAIM, EVENT_COLUMNS

Int = "Int64"
KEYS = ["event_id", "category", "outcome"]
EO = ["event_id", "outcome"]
# Pseudo-categories carried through the episode fold beside the real ones.
STATED = "_stated"   # the stated total S
REST = "_rest"       # U: what the stated totals leave unexplained
ANY = "_any"         # which reports say anything (n_reports and sources of the total)


def lower_median(values: np.ndarray) -> int:
    s = np.sort(values)
    return int(s[(len(s) - 1) // 2])


def combine(figures: pd.DataFrame) -> pd.DataFrame:
    """Per event x category x outcome: low = lowest low, high = highest high (open if any is),
    best = lower median of the point figures, with the reports and sources behind them."""
    cols = KEYS + ["low", "best", "high", "n_reports", "sources"]
    if figures.empty:
        return pd.DataFrame(columns=cols)
    # Most events in a dataset export have one report: take those as they are.
    several = figures.duplicated(KEYS, keep=False)
    one = figures[~several]
    single = pd.DataFrame({
        **{k: one[k] for k in KEYS}, "low": one["low"], "best": one["point"],
        "high": one["high"], "n_reports": 1, "sources": one["source_id"]})
    f = figures[several].assign(open=figures["high"].isna())
    if f.empty:
        return single[cols].reset_index(drop=True)
    g = f.groupby(KEYS, sort=False, observed=True)
    multi = g.agg(low=("low", "min"), high=("high", "max"), any_open=("open", "any"),
                  n_reports=("report_id", "size"),
                  sources=("source_id", lambda s: ";".join(sorted(set(";".join(s).split(";"))))))
    multi["best"] = g["point"].agg(lambda s: lower_median(s.to_numpy(dtype="int64")))
    multi["high"] = multi["high"].astype(Int).mask(multi["any_open"])
    multi = multi.drop(columns="any_open").reset_index()
    return pd.concat([single[cols], multi[cols]], ignore_index=True)


def counted_figures(reports: pd.DataFrame, figures: pd.DataFrame,
                    sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """The figures that count: claims left out, each relay group reduced to one report.

    Reports of one event with the same non-empty ``origin`` carry one figure (an official's,
    say): per category and outcome, the figure of the most recently published of them counts
    (ties: the later row), under every relaying source and one report id for the group.
    """
    keep = isin(figures["report_id"], reports.loc[reports["source_type"] != CLAIM, "report_id"])
    f = figures[keep].copy()
    scoped = reports[reports["total_excludes"] != ""]
    f["total_excludes"] = (f["report_id"].map(scoped.set_index("report_id")["total_excludes"])
                           .astype(object).fillna("") if len(scoped) else "")
    relaying = reports[reports["origin"] != ""]
    if relaying.empty or f.empty:
        return f.reset_index(drop=True)
    meta = relaying.set_index("report_id")
    origin = f["report_id"].map(meta["origin"]).astype(object).fillna("")
    relayed = origin != ""
    r = f[relayed].assign(_origin=origin[relayed])
    published = {} if sources is None else sources.set_index("source_id")["published"] \
        .fillna("").astype(str).to_dict()
    r["_pub"] = r["source_id"].map(published).fillna("")
    r["_file"] = r["report_id"].map(meta["file"])
    r["_line"] = r["report_id"].map(meta["line"]).astype("int64")
    group = ["event_id", "_origin"]
    who = r.groupby(group, sort=False)["source_id"].agg(lambda s: ";".join(sorted(set(s))))
    r = r.sort_values(["_pub", "_file", "_line"], kind="stable") \
        .drop_duplicates(group + ["category", "outcome"], keep="last")
    r["source_id"] = [who[(e, o)] for e, o in zip(r["event_id"], r["_origin"])]
    r["report_id"] = r["event_id"] + "|relay|" + r["_origin"]
    out = pd.concat([f[~relayed], r[f.columns]], ignore_index=True)
    return out


def _sums(cats: pd.DataFrame) -> pd.DataFrame:
    """Per event and outcome, over the real categories: the sums of low, best and high."""
    if cats.empty:
        return pd.DataFrame(columns=["c_low", "c_best", "c_high", "c_open"],
                            index=pd.MultiIndex.from_tuples([], names=EO))
    f = cats.assign(c_open=cats["high"].isna(), c_high=cats["high"].fillna(0).astype("int64"))
    return f.groupby(EO, sort=False).agg(c_low=("low", "sum"), c_best=("best", "sum"),
                                         c_high=("c_high", "sum"), c_open=("c_open", "any"))


def _scoped_totals(totals: pd.DataFrame, cats: pd.DataFrame) -> pd.DataFrame:
    """A total that leaves out categories (``total_excludes``) plus the event's figure for them,
    so that every stated total counts everyone and the unknown is the same whatever the scope."""
    scoped = totals["total_excludes"].fillna("") != ""
    if not scoped.any():
        return totals
    c = cats.set_index(KEYS)
    t = totals.copy()
    for i in t.index[scoped]:
        ev, outcome = t.at[i, "event_id"], t.at[i, "outcome"]
        for cat in str(t.at[i, "total_excludes"]).split(";"):
            key = (ev, cat.strip(), outcome)
            if key not in c.index:
                continue
            add = c.loc[key]
            t.at[i, "low"] += int(add["low"])
            t.at[i, "point"] += int(add["best"])
            t.at[i, "high"] = pd.NA if pd.isna(add["high"]) or pd.isna(t.at[i, "high"]) \
                else int(t.at[i, "high"]) + int(add["high"])
    return t


def _rest(cats: pd.DataFrame, stated: pd.DataFrame, best_only: set) -> pd.DataFrame:
    """U per event and outcome: best = S.best - sum of bests, low = S.low - sum of highs (0 if
    any high is open), high = S.high - sum of lows (open if S is), none below 0 or U.best.
    Where the categories are best estimates only, U is that best alone: the dataset's range
    belongs to its total, not to an unknown category."""
    if stated.empty:
        return stated.iloc[0:0]
    s = stated.set_index(EO).join(_sums(cats), how="left")
    for c in ("c_low", "c_best", "c_high"):
        s[c] = s[c].fillna(0).astype("int64")
    s["c_open"] = s["c_open"].fillna(False).astype(bool)
    best = (s["best"].astype("int64") - s["c_best"]).clip(lower=0)
    low = (s["low"].astype("int64") - s["c_high"]).clip(lower=0).where(~s["c_open"], 0)
    high = np.maximum(best, s["high"].astype("float64") - s["c_low"])
    out = s.assign(category=REST, low=low, best=best,
                   high=pd.array(high.where(s["high"].notna()).round(), dtype=Int))
    if best_only:
        only = pd.Series([k in best_only for k in s.index], index=s.index, dtype=bool)
        out["low"] = out["low"].where(~only, out["best"])
        out["high"] = out["high"].where(~only, out["best"])
    out = out[(out["high"].isna() | (out["high"] > 0))]  # nothing left unexplained: no row
    return out.reset_index()[stated.columns]


def _derive(frame: pd.DataFrame, best_only: set | None = None) -> pd.DataFrame:
    """From categories, S and U (folded or not): the unknown shown (stated + U) and the total.

    total best = sum of bests + U.best; low = max(S.low, sum of lows + U.low); high =
    max(S.high, sum of highs), open if either is, never below the best. Where every category is
    a best estimate only (UCDP GED), the total keeps S's own low and high around the best.
    """
    cats = frame[frame["category"].isin(CATEGORIES)]
    stated = frame[frame["category"] == STATED].set_index(EO)
    rest = frame[frame["category"] == REST].set_index(EO)
    anyr = frame[frame["category"] == ANY].set_index(EO)
    keys = anyr.index
    sums = _sums(cats).reindex(keys)
    for c in ("c_low", "c_best", "c_high"):
        sums[c] = sums[c].fillna(0).astype("int64")
    sums["c_open"] = sums["c_open"].fillna(False).astype(bool)
    u = rest.reindex(keys)
    s = stated.reindex(keys)
    u_best, u_low = u["best"].fillna(0).astype("int64"), u["low"].fillna(0).astype("int64")
    best = sums["c_best"] + u_best
    s_low = s["low"].astype("float64")
    low = np.fmax(s_low, (sums["c_low"] + u_low).astype("float64"))
    has_s = s["best"].notna()
    s_open = has_s & s["high"].isna()
    high = np.fmax(s["high"].astype("float64"), sums["c_high"].astype("float64"))
    high = np.maximum(high, best.astype("float64"))
    opened = s_open | sums["c_open"]
    if best_only:
        only = pd.Series([k in best_only for k in keys], index=keys, dtype=bool) & has_s
        low = low.where(~only, np.minimum(s_low, best))
        high = high.where(~only, np.maximum(s["high"].astype("float64"), best))
        opened = opened.where(~only, s_open)
    total = pd.DataFrame({
        "category": ALL, "low": low.round().astype("int64"), "best": best,
        "high": pd.array(high.where(~opened).round(), dtype=Int),
        "n_reports": anyr["n_reports"], "sources": anyr["sources"]}, index=keys)
    # The unknown shown: a stated unknown plus U.
    stated_u = cats[cats["category"] == "unknown"].set_index(EO)
    both = stated_u.index.union(rest.index)
    su, uu = stated_u.reindex(both), rest.reindex(both)
    u_open = (su["best"].notna() & su["high"].isna()) | (uu["best"].notna() & uu["high"].isna())
    unknown = pd.DataFrame({
        "category": "unknown",
        "low": su["low"].fillna(0).astype("int64") + uu["low"].fillna(0).astype("int64"),
        "best": su["best"].fillna(0).astype("int64") + uu["best"].fillna(0).astype("int64"),
        "high": pd.array((su["high"].fillna(0).astype("float64")
                          + uu["high"].fillna(0).astype("float64")).where(~u_open), dtype=Int),
        "n_reports": su["n_reports"].fillna(0).astype("int64")
        + uu["n_reports"].fillna(0).astype("int64"),
        "sources": [";".join(sorted(set(filter(None, f"{a};{b}".split(";")))))
                    for a, b in zip(su["sources"].astype(object).fillna(""),
                                    uu["sources"].astype(object).fillna(""))],
    }, index=both)
    named = cats[cats["category"] != "unknown"].set_index(EO)
    out = pd.concat([named, unknown, total]).reset_index()
    return out[KEYS + ["low", "best", "high", "n_reports", "sources"]]


def _own(counted: pd.DataFrame, best_only: set) -> pd.DataFrame:
    """Per event, before any episode fold: categories, S, U and the reports behind them."""
    cats = combine(counted[counted["category"] != ALL])
    totals = counted[(counted["category"] == ALL) & (counted["derived"] == "")]
    stated = combine(_scoped_totals(totals, cats))
    stated["category"] = STATED
    r = counted[EO + ["report_id", "source_id"]].drop_duplicates(EO + ["report_id"])
    several = r.duplicated(EO, keep=False)
    multi = r[several].groupby(EO, sort=False).agg(
        n_reports=("report_id", "size"),
        sources=("source_id", lambda s: ";".join(sorted(set(";".join(s).split(";"))))))
    anyr = pd.concat([r[~several].assign(n_reports=1)[EO + ["n_reports", "source_id"]]
                      .rename(columns={"source_id": "sources"}), multi.reset_index()],
                     ignore_index=True).assign(category=ANY, low=0, best=0, high=0)
    parts = [x for x in (cats, stated, _rest(cats, stated, best_only), anyr[stated.columns]) if len(x)]
    if not parts:
        return stated
    own = pd.concat(parts, ignore_index=True)
    for c in ("low", "best", "high", "n_reports"):
        own[c] = own[c].astype(Int)
    return own


def reconcile(reports: pd.DataFrame, figures: pd.DataFrame,
              sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """Clean events: one row per event x category x outcome (EVENT_COLUMNS)."""
    counted = counted_figures(reports, figures, sources)
    best_only = set(zip(counted.loc[counted["derived"] == BEST_ONLY, "event_id"],
                        counted.loc[counted["derived"] == BEST_ONLY, "outcome"]))
    own = _own(counted, best_only)
    meta = event_meta(reports)
    parents = meta["part_of"]
    in_tree = set(parents[parents != ""].index) | set(parents[parents != ""])
    tree = isin(own["event_id"], in_tree) if len(own) else pd.Series(dtype=bool)
    own_derived = _derive(own, best_only)
    if tree.any():
        folded = fold_episodes(own[tree], parents)
        folded = pd.concat([own[~tree], folded[own.columns]], ignore_index=True)
        events = _derive(folded, best_only)
    else:
        events = own_derived
    mine = own_derived.set_index(KEYS)[["low", "best", "high"]].add_prefix("own_")
    events = events.join(mine, on=KEYS).join(meta, on="event_id")
    events["level"] = np.where(events["part_of"] != "", "part", "event")
    for c in ("low", "best", "high", "n_reports", "own_low", "own_best", "own_high"):
        events[c] = events[c].astype(Int)
    order = {c: i for i, c in enumerate(CATEGORIES + (ALL,))}
    events = events.sort_values(
        ["event_date", "event_id", "outcome", "category"],
        key=lambda s: s.map(order) if s.name == "category" else s, kind="stable")
    return events[list(EVENT_COLUMNS)].reset_index(drop=True)


def fold_episodes(own: pd.DataFrame, parents: pd.Series) -> pd.DataFrame:
    """Episode figures with their parts folded in, per category and outcome: low, best and high
    each the larger of the episode's own and the sum of its parts' (open if either is open).
    Parts keep their own figures; nested episodes fold bottom up."""
    children: dict[str, list[str]] = {}
    for ev, parent in parents.items():
        if parent:
            children.setdefault(parent, []).append(ev)
    by_event: dict[str, dict[tuple[str, str], dict]] = {}
    for r in own.itertuples(index=False):
        high = None if pd.isna(r.high) else int(r.high)
        by_event.setdefault(r.event_id, {})[(r.category, r.outcome)] = {
            "low": int(r.low), "best": int(r.best), "high": high,
            "sources": set(r.sources.split(";")), "n_reports": int(r.n_reports)}
    done: dict[str, dict[tuple[str, str], dict]] = {}
    visiting: set[str] = set()

    def fold(ev: str) -> dict[tuple[str, str], dict]:
        if ev in done:
            return done[ev]
        if ev in visiting:  # a cycle: validation rejects these; never loop on one
            return {}
        visiting.add(ev)
        mine = by_event.get(ev, {})
        kids = [fold(k) for k in children.get(ev, [])]
        result = {}
        for key in set(mine).union(*kids):
            o, ps = mine.get(key), [kid[key] for kid in kids if key in kid]
            if not ps:
                result[key] = o
                continue
            s = {"low": sum(p["low"] for p in ps), "best": sum(p["best"] for p in ps),
                 "high": None if any(p["high"] is None for p in ps)
                 else sum(p["high"] for p in ps),
                 "sources": set().union(*(p["sources"] for p in ps)),
                 "n_reports": sum(p["n_reports"] for p in ps)}
            if o is not None:
                s = {"low": max(o["low"], s["low"]), "best": max(o["best"], s["best"]),
                     "high": None if o["high"] is None or s["high"] is None
                     else max(o["high"], s["high"]),
                     "sources": o["sources"] | s["sources"],
                     "n_reports": o["n_reports"] + s["n_reports"]}
            result[key] = s
        done[ev] = result
        return result

    records = []
    for ev in set(by_event) | set(children):
        for (cat, outcome), v in fold(ev).items():
            records.append({"event_id": ev, "category": cat, "outcome": outcome,
                            "low": v["low"], "best": v["best"], "high": v["high"],
                            "n_reports": v["n_reports"],
                            "sources": ";".join(sorted(v["sources"]))})
    out = pd.DataFrame.from_records(
        records, columns=KEYS + ["low", "best", "high", "n_reports", "sources"])
    for c in ("low", "best", "high", "n_reports"):
        out[c] = out[c].astype(Int)
    return out


def event_meta(reports: pd.DataFrame) -> pd.DataFrame:
    """One row per event: the metadata of its first report (by file order)."""
    cols = ["event_id", "event_date", "date_precision", "country_code", "country",
            "province_code", "province", "district", "location", "latitude", "longitude",
            "part_of"]
    first = reports.sort_values(["file", "line"], kind="stable").drop_duplicates("event_id")
    meta = first[cols].set_index("event_id")
    # A part whose episode is not in the data (filtered out, or rejected) counts on its own.
    known = set(meta.index)
    meta["part_of"] = meta["part_of"].where(isin(meta["part_of"], known), "")
    return meta


def claims(reports: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Perpetrator claims, one row per event x source x category x outcome. Never counted."""
    ids = reports.loc[reports["source_type"] == CLAIM, "report_id"]
    f = figures[isin(figures["report_id"], ids)]
    return f[["event_id", "source_id", "category", "outcome", "low", "high", "text"]] \
        .reset_index(drop=True)


__all__ = ["reconcile", "claims", "event_meta", "lower_median", "combine", "fold_episodes",
           "counted_figures"]
