"""When: casualties by day, or by month (and year) when the span is long."""

from __future__ import annotations

import pandas as pd

from sitrep.brief import charts, fmt
from sitrep.brief.html import category_table, data_table, figure, section
from sitrep.tabulate.tables import by_month

MONTHLY_AFTER_DAYS = 62   # a longer span is shown by month
YEARLY_AFTER_MONTHS = 24  # and its table by year

MAX_TIMELINE = 40  # incidents listed; the rest are in tables/timeline.csv
WHISKER = "the whisker runs from the low to the high figure (an arrow when open-ended)"


def timeline_section(b) -> str:
    """One line per incident in date order, those without deaths included."""
    tl = b.tables.get("timeline")
    if tl is None or tl.empty:
        return ""
    cats = ["civilians", "security_forces", "militants", "unknown"]
    shown = tl
    if len(tl) > MAX_TIMELINE:  # the deadliest, still in date order
        top = tl["killed_all"].fillna(-1).sort_values(ascending=False, kind="stable")
        shown = tl.loc[sorted(top.index[:MAX_TIMELINE])]
    rows = []
    for _, r in shown.iterrows():
        killed = [fmt.num(r[f"killed_{c}"]) for c in cats]
        none = fmt.missing(r["killed_all"])
        d = pd.Timestamp(r["event_date"])
        town = str(r["location"] or "").split(",")[0].split("(")[0].strip()
        place = r["place"] or town
        if town and town != place and len(town) <= 20:
            place = f"{place} ({town})"
        rows.append([f"{d.day} {d.strftime('%b %Y')}", place, str(r["event_type"] or ""),
                     *killed, "none" if none else fmt.num(r["killed_all"]),
                     fmt.num(r["injured_all"]), str(int(r["sources"]))])
    lead = ("Every incident" if len(shown) == len(tl) else
            f"The {len(shown)} deadliest of {len(tl):,} incidents (all are in "
            "tables/timeline.csv)")
    return section("Timeline", f'<p class="note">{lead}, those where no death was '
                   "reported included ('none' under Killed), with the best estimate of the dead "
                   "by category (empty: no source gave that figure).</p>" + data_table(
                       [("Date", ""), ("Place", ""), ("What happened", ""),
                        ("Civilians", "n"), ("Security", "n"), ("Militants", "n"),
                        ("Unknown", "n"), ("Killed", "n"), ("Injured", "n"), ("Sources", "n")],
                       rows, "data timeline"))


def comparison_section(b) -> str:
    """This period against the one before it, of the same length: incidents, and killed and
    injured by category (all provinces), with the change; or why there is nothing to compare."""
    prev = b.run.get("previous") or {}
    t = b.tables.get("comparison")
    if t is None or t.empty or not prev.get("start"):
        why = prev.get("why") or "the briefing has no START and END to compare"
        return section("Compared with the previous period",
                       f'<p class="note">Nothing to compare with: {fmt.esc(why)}.</p>')
    rows = []
    n = t.drop_duplicates(["period", "province_code"]).groupby("period")["incidents"].sum()
    rows.append(["Incidents", *_change(n.get("current", 0), n.get("previous", 0))])
    k = t.groupby(["period", "victim_category", "outcome"])["best"].sum(min_count=1)
    for cat, outcome, label in (("all", "killed", "Killed"),
                                ("civilians", "killed", "Civilians killed"),
                                ("security_forces", "killed", "Security forces killed"),
                                ("militants", "killed", "Militants killed"),
                                ("unknown", "killed", "Killed, category not given"),
                                ("all", "injured", "Injured")):
        cur, pre = k.get(("current", cat, outcome)), k.get(("previous", cat, outcome))
        if pd.isna(cur) and pd.isna(pre):
            continue
        rows.append([label, *_change(0 if pd.isna(cur) else cur, 0 if pd.isna(pre) else pre)])
    f = b.run.get("filters", {})
    head = [("", ""), (f"{fmt.period(prev['start'], prev['end'])}", "n"),
            (f"{fmt.period(f.get('start'), f.get('end'))}", "n"), ("Change", "n")]
    rejected = int(prev.get("rejected_rows") or 0)
    note = (f" {fmt.plural(rejected, 'row')} of the previous period had errors and "
            "are not counted." if rejected else "")
    return section("Compared with the previous period",
                   '<p class="note">The same span before this one, with the same scope, counted '
                   f"by the same rule (best estimates; tables/comparison.csv).{fmt.esc(note)}"
                   "</p>" + data_table(head, rows))


def _change(current, previous) -> list[str]:
    cur, pre = int(current), int(previous)
    diff = cur - pre
    pct = f" ({'+' if diff >= 0 else ''}{round(100 * diff / pre)}%)" if pre else ""
    return [f"{pre:,}", f"{cur:,}", f"{'+' if diff > 0 else ''}{diff:,}{pct}"]


def day_section(b) -> str:
    """By day (a chart and a table), or by month over long spans; nothing for a single day,
    which the key figures already give."""
    t = b.tables["by_day"]
    if t.empty or t["date"].nunique() < 2:
        return ""
    dates = pd.to_datetime(t["date"])
    if (dates.max() - dates.min()).days <= MONTHLY_AFTER_DAYS:
        fig = charts.timeline(t)
        return section("Casualties by day", category_table(t, ["date"], "Date")
                       + figure(charts.to_svg(fig), f"Best estimate per day; {WHISKER}."))
    m = by_month(t)
    fig = charts.timeline(m.rename(columns={"month": "date"}).assign(
        date=lambda d: d["date"] + "-01"), per="month")
    if m["month"].nunique() > YEARLY_AFTER_MONTHS:  # the table by year, the chart by month
        y = by_month(t.assign(date=t["date"].str[:4] + "-01-01"))
        table = category_table(y.assign(year=y["month"].str[:4]), ["year"], "Year")
        head = "Casualties by year and month"
    else:
        table, head = category_table(m, ["month"], "Month"), "Casualties by month"
    return section(head, table + figure(
        charts.to_svg(fig), f"Best estimate per month; {WHISKER}. Daily figures are in "
        "tables/by_day.csv."))
