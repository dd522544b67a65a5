"""Where: casualties by province and by district, and the map of incidents."""

from __future__ import annotations

from sitrep.brief import charts, fmt
from sitrep.brief.html import category_table, figure, largest, section
from sitrep.tabulate.points import map_points
from sitrep.tabulate.tables import UNATTRIBUTED

MAX_DISTRICTS = 25  # rows in the district table
MAX_CHARTED = 12    # bars in the district chart

SUM_NOTE = ("For each place, the upper bar stacks each category's best estimate, which add up to "
            "the best estimate of the total in the grey bar below; the line is the total's range "
            "(lowest to highest figure given).")


def province_section(b) -> str:
    t = b.tables["casualties"]
    fig = charts.stacked_killed(t.assign(label=t["province"]), "label",
                                "People killed by province and victim category")
    return section("Casualties by province",
                   category_table(t, ["province"], "Province")
                   + figure(charts.to_svg(fig), SUM_NOTE))


def district_section(b) -> str:
    t = b.tables["by_district"]
    if t.empty:
        return ""
    t, cut = largest(t, ["province", "district"], MAX_DISTRICTS)
    one = t["province"].nunique() == 1
    keys, head = (["district"], "District") if one else (["province", "district"],
                                                          "Province / district")
    html = category_table(t, keys, head)
    if cut:
        html += (f'<p class="note">The {MAX_DISTRICTS} districts with the most people killed '
                 f'are shown; {fmt.plural(cut, "other district")} are in '
                 f'tables/by_district.csv.</p>')
    if one:
        top, _ = largest(t, ["district"], MAX_CHARTED)
        fig = charts.stacked_killed(top, "district", "People killed by district and category"
                                    + (f" ({MAX_CHARTED} with the most killed)"
                                       if t["district"].nunique() > MAX_CHARTED else ""))
        html += figure(charts.to_svg(fig), "Districts are as named by the sources, through the "
                       "district alias table. '" + UNATTRIBUTED + "' is what an episode's own "
                       "reports add beyond the sum of its parts.")
    return section("Casualties by district", html)


def map_section(b) -> str:
    from sitrep.brief import maps

    inc = b.tables["incidents"]
    if not inc["province_code"].astype(str).str.startswith("PK").any():
        return ""  # the committed outlines cover Pakistan only
    points, located = map_points(inc)
    fig = maps.province_map(points, highlight=set(inc["province_code"]) - {""})
    caption = (f"Incidents as points sized by the best estimate of people killed "
               f"({located:,} of {fmt.plural(len(inc), 'incident')} located, from the log's "
               f"coordinates or, failing those, at their district's seat; incidents in one "
               f"district share a point). {maps.CREDIT}")
    return section("Map", figure(charts.to_svg(fig), caption), "map")
