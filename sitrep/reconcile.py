"""Reports -> events: the residual, low/best/high across sources, claims apart, episodes.

Rules (the README's "Counting rules" states them for analysts):

* Per report: when a total is given and the unknown count is not, and the total's low exceeds
  the sum of the stated categories' lows, the rest is ``unknown`` (low = total low - sum of
  lows; high = total high - sum of lows, open if the total is open). The report's ``all`` is its
  total if given, else the sum of its categories.
* Per event, category and outcome, over the reports that state it, perpetrator claims excluded:
  low = lowest low; high = highest high (open if any is open); best = lower median of the
  reports' point figures.
* Episodes (events that other events name in ``part_of``): the episode counts, per category and
  outcome, low = max(own low, sum of parts' lows), high = max(own high, sum of parts' highs)
  (open if either is open), best = max(own best, sum of parts' bests). Parts are never counted
  beside their episode.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from sitrep.counts import Count
from sitrep.frames import isin
from sitrep.schema import ALL, CATEGORIES, CLAIM, EVENT_COLUMNS

Int = "Int64"


def report_figures(counts: Mapping[str, Count | None], texts: Mapping[str, str]) -> list[dict]:
    """One report's figures for one outcome: stated categories, residual unknown, and all.

    ``counts`` maps each category and "total" to the parsed cell (None = not reported).
    """
    out: list[dict] = []
    stated = {c: counts.get(c) for c in CATEGORIES if counts.get(c) is not None}
    for c, n in stated.items():
        out.append(_fig(c, n, "", texts.get(c, "")))
    total = counts.get("total")
    lows = sum(n.low for n in stated.values())
    if total is not None and "unknown" not in stated and total.low > lows:
        rest_high = None if total.high is None else total.high - lows
        rest = Count(total.low - lows, rest_high)
        out.append(_fig("unknown", rest, "residual", texts.get("total", "")))
    if total is not None:
        out.append(_fig(ALL, total, "", texts.get("total", "")))
    elif stated:
        high = (None if any(n.high is None for n in stated.values())
                else sum(n.high for n in stated.values()))
        out.append(_fig(ALL, Count(lows, high), "sum", ""))
    return out


def _fig(category: str, n: Count, derived: str, text: str) -> dict:
    return {"category": category, "low": n.low, "high": n.high, "point": n.point,
            "approx": n.approx, "derived": derived, "text": text}


def lower_median(values: np.ndarray) -> int:
    s = np.sort(values)
    return int(s[(len(s) - 1) // 2])


def _combine_reports(figures: pd.DataFrame) -> pd.DataFrame:
    """Per event x category x outcome: low/best/high over the (non-claim) reports."""
    keys = ["event_id", "category", "outcome"]
    cols = keys + ["low", "best", "high", "n_reports", "sources"]
    if figures.empty:
        return pd.DataFrame(columns=cols)
    # Most events in a dataset export have one report: take those as they are.
    several = figures.duplicated(keys, keep=False)
    one = figures[~several]
    single = pd.DataFrame({
        **{k: one[k] for k in keys}, "low": one["low"], "best": one["point"],
        "high": one["high"], "n_reports": 1, "sources": one["source_id"]})
    f = figures[several].assign(open=figures["high"].isna())
    if f.empty:
        return single[cols].reset_index(drop=True)
    g = f.groupby(keys, sort=False, observed=True)
    multi = g.agg(low=("low", "min"), high=("high", "max"), any_open=("open", "any"),
                  n_reports=("report_id", "size"),
                  sources=("source_id", lambda s: ";".join(sorted(set(s)))))
    multi["best"] = g["point"].agg(lambda s: lower_median(s.to_numpy(dtype="int64")))
    multi["high"] = multi["high"].astype(Int).mask(multi["any_open"])
    multi = multi.drop(columns="any_open").reset_index()
    return pd.concat([single[cols], multi[cols]], ignore_index=True)


def reconcile(reports: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Clean events: one row per event x category x outcome (EVENT_COLUMNS)."""
    counted_ids = reports.loc[reports["source_type"] != CLAIM, "report_id"]
    own = _combine_reports(figures[isin(figures["report_id"], counted_ids)])
    meta = event_meta(reports)
    for c in ("low", "best", "high"):
        own[f"own_{c}"] = own[c]
    parents = meta["part_of"]
    in_tree = set(parents[parents != ""].index) | set(parents[parents != ""])
    tree = isin(own["event_id"], in_tree)
    events = pd.concat([own[~tree], _fold_episodes(own[tree], parents)], ignore_index=True)
    events = events.join(meta, on="event_id")
    events["level"] = np.where(events["part_of"] != "", "part", "event")
    for c in ("low", "best", "high", "n_reports", "own_low", "own_best", "own_high"):
        events[c] = events[c].astype(Int)
    order = {c: i for i, c in enumerate(CATEGORIES + (ALL,))}
    events = events.sort_values(
        ["event_date", "event_id", "outcome", "category"],
        key=lambda s: s.map(order) if s.name == "category" else s, kind="stable")
    return events[list(EVENT_COLUMNS)].reset_index(drop=True)


def _fold_episodes(own: pd.DataFrame, parents: pd.Series) -> pd.DataFrame:
    """Episode figures with their parts folded in; parts keep their own figures."""
    children: dict[str, list[str]] = {}
    for ev, parent in parents.items():
        if parent:
            children.setdefault(parent, []).append(ev)
    by_event: dict[str, dict[tuple[str, str], dict]] = {}
    for r in own.itertuples(index=False):
        high = None if pd.isna(r.high) else int(r.high)
        by_event.setdefault(r.event_id, {})[(r.category, r.outcome)] = {
            "low": int(r.low), "best": int(r.best), "high": high,
            "sources": set(r.sources.split(";")), "n_reports": int(r.n_reports),
            "own": (int(r.low), int(r.best), high)}
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
            s_low = sum(p["low"] for p in ps)
            s_best = sum(p["best"] for p in ps)
            s_high = None if any(p["high"] is None for p in ps) else sum(p["high"] for p in ps)
            srcs = set().union(*(p["sources"] for p in ps))
            nrep = sum(p["n_reports"] for p in ps)
            if o is None:
                result[key] = {"low": s_low, "best": s_best, "high": s_high, "sources": srcs,
                               "n_reports": nrep, "own": (None, None, None)}
            else:
                high = None if o["high"] is None or s_high is None else max(o["high"], s_high)
                result[key] = {"low": max(o["low"], s_low), "best": max(o["best"], s_best),
                               "high": high, "sources": o["sources"] | srcs,
                               "n_reports": o["n_reports"] + nrep, "own": o["own"]}
        done[ev] = result
        return result

    records = []
    for ev in set(by_event) | set(children):
        for (cat, outcome), v in fold(ev).items():
            records.append({"event_id": ev, "category": cat, "outcome": outcome,
                            "low": v["low"], "best": v["best"], "high": v["high"],
                            "n_reports": v["n_reports"], "sources": ";".join(sorted(v["sources"])),
                            "own_low": v["own"][0], "own_best": v["own"][1],
                            "own_high": v["own"][2]})
    return pd.DataFrame.from_records(records, columns=list(own.columns))


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
    f = figures[isin(figures["report_id"], ids) & (figures["derived"] == "")]
    return f[["event_id", "source_id", "category", "outcome", "low", "high", "text"]] \
        .reset_index(drop=True)


__all__ = ["report_figures", "reconcile", "claims", "event_meta", "lower_median"]
