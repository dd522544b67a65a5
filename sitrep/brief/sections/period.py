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
