"""When: casualties by day, or by month (and year) when the span is long."""

from __future__ import annotations

import pandas as pd

from sitrep.brief import charts
from sitrep.brief.html import category_table, figure, section
from sitrep.tabulate.tables import by_month

MONTHLY_AFTER_DAYS = 62   # a longer span is shown by month
YEARLY_AFTER_MONTHS = 24  # and its table by year

WHISKER = "the whisker runs from the low to the high figure (an arrow when open-ended)"


def day_section(b) -> str:
    t = b.tables["by_day"]
    if t.empty:
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
