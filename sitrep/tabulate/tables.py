"""Clean events -> the briefing's tables (casualties by province, district and day; claims;
victims by home province; the report-level figures behind every number).

Sums over events add lows, bests and highs; a sum is open (empty high) when any term is open.
Only counted events (level "event") enter province and day sums, so an episode and its parts are
never both counted; the district table splits an episode into its parts plus what the episode's
own reports add beyond them ("not attributed to a district").
"""

from __future__ import annotations

import pandas as pd

from sitrep.tabulate import home_provinces
from sitrep.tabulate import incidents as incident_table
from sitrep.frames import isin
from sitrep.clean.reconcile import claims as reconcile_claims
from sitrep.clean.reconcile import event_meta
from sitrep.schema import ALL, CASUALTIES_COLUMNS, CATEGORIES_ALL, CLAIM, OUTCOMES

Int = "Int64"
UNATTRIBUTED = "(not attributed to a district)"
NO_DISTRICT = "(district not reported)"
UNKNOWN_PROVINCE = "Unknown"


def _sum(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Sum low/best/high over ``keys``; high is <NA> when any summed high is."""
    if frame.empty:
        return pd.DataFrame(columns=keys + ["low", "best", "high", "events"])
    f = frame.assign(_open=frame["high"].isna())
    g = f.groupby(keys, sort=False, observed=True, dropna=False)
    out = g.agg(low=("low", "sum"), best=("best", "sum"), high=("high", "sum"),
                _open=("_open", "any"), events=("event_id", "nunique"))
    out["high"] = out["high"].astype(Int).mask(out["_open"])
    for c in ("low", "best"):
        out[c] = out[c].astype(Int)
    return out.drop(columns="_open").reset_index()


def _order(frame: pd.DataFrame, first: list[str]) -> pd.DataFrame:
    cat = {c: i for i, c in enumerate(CATEGORIES_ALL)}
    out = {c: i for i, c in enumerate(OUTCOMES)}
    keyed = frame.assign(_c=frame["victim_category"].map(cat), _o=frame["outcome"].map(out))
    return keyed.sort_values(first + ["_o", "_c"], kind="stable") \
        .drop(columns=["_c", "_o"]).reset_index(drop=True)


def event_labels(reports: pd.DataFrame) -> pd.Series:
    """A readable name per event: 'Highway ambush, Musakhail (BLA-2024-08-MSK)'."""
    first = reports.sort_values(["file", "line"], kind="stable").drop_duplicates("event_id")
    text = {c: first[c].fillna("").astype(str) for c in
            ("district", "province", "country", "event_type", "event_id")}
    where = text["district"].where(text["district"] != "",
                                   text["province"].where(text["province"] != "",
                                                          text["country"]))
    what = text["event_type"].where(text["event_type"] != "", "Incident")
    names = what.where(where == "", what + ", " + where) + " (" + text["event_id"] + ")"
    return pd.Series(names.to_numpy(dtype=object), index=first["event_id"].to_numpy(),
                     dtype=object)


def counted(events: pd.DataFrame) -> pd.DataFrame:
    return events[events["level"] == "event"]


def casualties(events: pd.DataFrame) -> pd.DataFrame:
    """Province x victim category x outcome (the contract's casualties.csv)."""
    ev = counted(events).rename(columns={"category": "victim_category"})
    ev = ev.assign(province=ev["province"].where(ev["province"] != "", UNKNOWN_PROVINCE))
    out = _sum(ev, ["province_code", "province", "victim_category", "outcome"])
    return _order(out, ["province_code"])[list(CASUALTIES_COLUMNS)]


def totals(events: pd.DataFrame) -> pd.DataFrame:
    """All provinces together: victim category x outcome."""
    ev = counted(events).rename(columns={"category": "victim_category"})
    return _order(_sum(ev, ["victim_category", "outcome"]), [])


def by_day(events: pd.DataFrame) -> pd.DataFrame:
    ev = counted(events).rename(columns={"category": "victim_category"})
    ev = ev.assign(date=ev["event_date"].dt.date.astype(str))
    return _order(_sum(ev, ["date", "victim_category", "outcome"]), ["date"])


def by_month(day_table: pd.DataFrame) -> pd.DataFrame:
    """The by-day table summed by calendar month (for spans too long to show by day)."""
    t = day_table.assign(month=day_table["date"].str[:7], _open=day_table["high"].isna())
    g = t.groupby(["month", "victim_category", "outcome"], sort=False)
    out = g.agg(low=("low", "sum"), best=("best", "sum"), high=("high", "sum"),
                _open=("_open", "any"), events=("events", "sum")).reset_index()
    out["high"] = out["high"].astype(Int).mask(out["_open"])
    return _order(out.drop(columns="_open"), ["month"])


def by_district(events: pd.DataFrame) -> pd.DataFrame:
    """Districts of incidents, with each episode split into its parts.

    Incidents with no parts count under their own district, in the province of the episode
    they belong to (so each province adds up as in the province table). What an episode's own
    reports give beyond its direct parts appears as "not attributed to a district": best =
    episode best - parts' bests, so the rows add up to the province on the best estimate, with
    a range that holds whatever the truth within the reports (low = episode low - parts' highs,
    not below 0; high = episode high - parts' lows). An episode's unattributed row for an outcome
    is left out when every best in it is 0.
    """
    ev = events.rename(columns={"category": "victim_category"})
    keys = ["event_id", "victim_category", "outcome"]
    meta = ev.drop_duplicates("event_id").set_index("event_id")
    parent = meta["part_of"].to_dict()

    def root(e: str) -> str:
        seen = set()
        while parent.get(e) and e not in seen:
            seen.add(e)
            e = parent[e]
        return e

    has_parts = set(ev.loc[ev["part_of"] != "", "part_of"])
    leaves = ev[~isin(ev["event_id"], has_parts)]
    kids = _sum(ev[ev["part_of"] != ""].assign(event_id=lambda d: d["part_of"]), keys)
    eps = ev[isin(ev["event_id"], has_parts)].merge(kids, on=keys, how="left",
                                                   suffixes=("", "_k"))
    zero = pd.Series(0, index=eps.index, dtype=Int)
    low = (eps["low"] - eps["high_k"].astype(Int)).clip(lower=0).fillna(0)
    low = low.where(eps["best_k"].notna(), eps["low"])
    high = eps["high"] - eps["low_k"].astype(Int).fillna(zero)
    # The fold makes an episode's best at least its parts' sum, so this is never negative and
    # the district rows add up to the province on the best estimate.
    best = eps["best"] - eps["best_k"].astype(Int).fillna(zero)
    rest = eps.assign(low=low.astype(Int), best=best.astype(Int), high=high.astype(Int),
                      district=UNATTRIBUTED)
    said = rest.groupby(["event_id", "outcome"])["best"].transform("max") > 0
    rest = rest[said]
    rows = pd.concat([leaves, rest[leaves.columns]], ignore_index=True)
    # Every row counts in the province of its top episode, as in the province table.
    top = rows["event_id"].map(root)
    rows["province_code"] = top.map(meta["province_code"])
    rows["province"] = top.map(meta["province"])
    rows["district"] = rows["district"].where(rows["district"] != "", NO_DISTRICT)
    rows["province"] = rows["province"].where(rows["province"] != "", UNKNOWN_PROVINCE)
    out = _sum(rows, ["province_code", "province", "district", "victim_category", "outcome"])
    out["_un"] = out["district"].isin([UNATTRIBUTED, NO_DISTRICT])
    return _order(out, ["province_code", "_un", "district"]).drop(columns="_un")


def claims(reports: pd.DataFrame, figures: pd.DataFrame, events: pd.DataFrame,
           sources: pd.DataFrame) -> pd.DataFrame:
    """Perpetrator claims beside the counted figure for the same event, category and outcome."""
    f = reconcile_claims(reports, figures)
    meta = event_meta(reports)
    out = f.merge(events[["event_id", "category", "outcome", "low", "best", "high"]],
                  on=["event_id", "category", "outcome"], how="left",
                  suffixes=("_claimed", "_counted"))
    pub = sources.set_index("source_id")["publisher"]
    res = pd.DataFrame({
        "event_id": out["event_id"],
        "event_label": out["event_id"].map(event_labels(reports)),
        "event_date": out["event_id"].map(meta["event_date"]).dt.date.astype(str),
        "province_code": out["event_id"].map(meta["province_code"]),
        "province": out["event_id"].map(meta["province"]),
        "district": out["event_id"].map(meta["district"]),
        "source_id": out["source_id"], "claimant": out["source_id"].map(pub),
        "victim_category": out["category"], "outcome": out["outcome"],
        "claimed": out["text"], "claimed_low": out["low_claimed"],
        "claimed_high": out["high_claimed"],
        "counted_low": out["low_counted"], "counted_best": out["best"],
        "counted_high": out["high_counted"],
    })
    for c in ("claimed_low", "claimed_high", "counted_low", "counted_best", "counted_high"):
        res[c] = res[c].astype(Int)
    return _order(res, ["event_date", "event_id"])


def victims_by_home_province(victims: pd.DataFrame, events: pd.DataFrame,
                             reports: pd.DataFrame,
                             sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """Where victims came from (sitrep.tabulate.home_provinces owns the rule)."""
    return home_provinces.by_home_province(victims, events, reports, sources)


def report_figures(reports: pd.DataFrame, figures: pd.DataFrame,
                   sources: pd.DataFrame) -> pd.DataFrame:
    """Every figure of every report, with where it came from: the trail behind each number."""
    meta = reports.set_index("report_id")
    pub = sources.set_index("source_id")
    out = pd.DataFrame({
        "event_id": figures["event_id"],
        "event_label": figures["event_id"].map(event_labels(reports)),
        "source_id": figures["source_id"],
        "publisher": figures["source_id"].map(pub["publisher"]),
        "source_type": figures["report_id"].map(meta["source_type"]),
        "victim_category": figures["category"], "outcome": figures["outcome"],
        "said": figures["text"], "low": figures["low"], "high": figures["high"],
        "point": figures["point"], "derived": figures["derived"],
        "file": figures["report_id"].map(meta["file"]),
        "line": figures["report_id"].map(meta["line"]).astype(Int),
        "notes": figures["report_id"].map(meta["notes"]).fillna(""),
        "origin": figures["report_id"].map(meta["origin"]).fillna(""),
        "total_excludes": figures["report_id"].map(meta["total_excludes"]).fillna(""),
    })
    return _order(out, ["event_id", "source_id"])


def all_tables(clean: dict) -> dict[str, pd.DataFrame]:
    """Every table of the briefing from the clean files (see store.load_clean)."""
    from sitrep.tabulate.comparison import comparison  # it builds on this module
    ev, rep, fig, src = clean["events"], clean["reports"], clean["figures"], clean["sources"]
    incidents = incident_table.incidents(ev, rep)
    timeline = incident_table.timeline(ev, rep)
    return {
        "summary": summary(ev, rep, incidents, src),
        "casualties": casualties(ev),
        "totals": totals(ev),
        "by_district": by_district(ev),
        "by_day": by_day(ev),
        "incidents": incidents,
        "timeline": timeline,
        "by_perpetrator": incident_table.by_actor(timeline, "perpetrator"),
        "by_event_type": incident_table.by_actor(timeline, "event_type"),
        "claims": claims(rep, fig, ev, src),
        "victims_by_home_province": victims_by_home_province(clean["victims"], ev, rep, src),
        "comparison": comparison(ev, rep, clean.get("previous"), clean.get("run", {})),
        "report_figures": report_figures(rep, fig, src),
        "sources": src,
    }


def summary(events: pd.DataFrame, reports: pd.DataFrame, incidents: pd.DataFrame,
            sources: pd.DataFrame) -> pd.DataFrame:
    """One row of counts the narrative and key figures need (incidents, sites, sources)."""
    episodes = set(events.loc[events["part_of"] != "", "part_of"])
    districts = incidents.loc[incidents["district"] != "", ["province_code", "district"]] \
        .drop_duplicates()
    place = incidents["district"].where(incidents["district"] != "", incidents["location"])
    sites = incidents.assign(place=place)[["province_code", "place", "location"]] \
        .drop_duplicates()
    no_deaths = incidents["best"].isna() | (incidents["best"] == 0)
    counted_reports = reports[reports["source_type"] != CLAIM]
    provinces = incidents.loc[incidents["province"] != "", "province"].drop_duplicates()
    # "As of" the latest source counted: what the briefing can know.
    used = sources[sources["source_id"].isin(counted_reports["source_id"])]
    published = pd.to_datetime(used["published"], errors="coerce", format="%Y-%m-%d")
    dates = pd.to_datetime(incidents["event_date"], errors="coerce")
    return pd.DataFrame([{
        "incidents": int(len(incidents)),
        "incidents_without_deaths": int(no_deaths.sum()),
        "sites": int(len(sites)),
        "episodes": len(episodes),
        "districts": len(districts),
        "provinces": "; ".join(provinces),
        "countries": "; ".join(events["country"].drop_duplicates()),
        "sources": int(counted_reports["source_id"].nunique()),
        "claim_sources": int(reports.loc[reports["source_type"] == CLAIM, "source_id"].nunique()),
        "reports": int(len(reports)),
        "first_date": dates.min().date().isoformat() if dates.notna().any() else "",
        "last_date": dates.max().date().isoformat() if dates.notna().any() else "",
        "as_of": published.max().date().isoformat() if published.notna().any() else "",
    }])


__all__ = ["summary", "casualties", "totals", "by_day", "by_district", "claims",
           "victims_by_home_province", "report_figures", "ALL"]
