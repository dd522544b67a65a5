"""Where: casualties by province and by district, and the maps of incidents (one per country,
the countries with the most people killed first)."""

from __future__ import annotations

from sitrep.brief import charts, fmt
from sitrep.brief.html import category_table, figure, largest, note, section
from sitrep.places import resolve_country
from sitrep.tabulate.points import place_incidents, points_from
from sitrep.tabulate.tables import UNATTRIBUTED

MAX_DISTRICTS = 25  # rows in the district table
MAX_CHARTED = 12    # bars in the district chart
MAX_MAPS = 4        # maps in one briefing, one per country, the most killed first

SUM_NOTE = ("For each place, the upper bar stacks each category's best estimate, which add up to "
            "the best estimate of the total in the grey bar below; the line is the total's range "
            "(lowest to highest figure given).")


def province_section(b) -> str:
    """By province, when there is more than one: for one, the key figures already say it."""
    t = b.tables["casualties"]
    if t[["province_code", "province"]].drop_duplicates().shape[0] < 2:
        return ""
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


def _only_country(b) -> str | None:
    """The briefing's country when it has exactly one: incidents without a province are
    then placed in it."""
    names = [c for c in str(b.summary.get("countries", "")).split("; ") if c]
    found = resolve_country(names[0]) if len(names) == 1 else None
    return found.code if found else None


def _how(counts: dict) -> str:
    parts = [f"{counts['coordinates']:,} from the log's coordinates" if counts["coordinates"]
             else "",
             f"{counts['seat']:,} at their district's seat" if counts["seat"] else "",
             f"{counts['province']:,} at a point inside their province (no coordinates and no "
             f"place the gazetteer knows)" if counts["province"] else ""]
    return fmt.join(parts)


def map_section(b) -> str:
    from sitrep.brief import maps

    inc = b.tables["incidents"]
    if inc.empty:
        return ""
    placed = place_incidents(inc, _only_country(b))
    killed = placed.groupby("country")["killed"].sum().sort_values(ascending=False,
                                                                    kind="stable")
    mapped = [c for c in killed.index if c and maps.has_outlines(c)]
    if not mapped:
        return ""
    points = points_from(placed)
    codes = inc["province_code"].fillna("").astype(str)
    html = ""
    for cc in mapped[:MAX_MAPS]:
        mine = placed[placed["country"] == cc]
        counts = mine["how"].value_counts().to_dict()
        counts = {h: int(counts.get(h, 0)) for h in ("coordinates", "seat", "province")}
        located = sum(counts.values())
        name = getattr(resolve_country(cc), "name", cc)
        fig = maps.province_map(points[points["country"] == cc].drop(columns="country"),
                                highlight=set(codes[codes.str.startswith(cc + "-")]),
                                title=name if len(mapped) > 1 else None, country=cc)
        how = _how(counts)
        caption = (f"Incidents as points sized by the best estimate of people killed other "
                   f"than militants, whose dead are crosses on the same scale "
                   f"({located:,} of {fmt.plural(len(mine), 'incident')}"
                   f"{' in ' + name if len(mapped) > 1 else ''} located"
                   f"{': ' + how if how else ''}; incidents in one district share a point). "
                   f"{maps.credit(cc)}")
        html += figure(charts.to_svg(fig), caption)
    left = mapped[MAX_MAPS:]
    if left:
        rest = placed[placed["country"].isin(left)]
        html += note(f"Maps are drawn for the {MAX_MAPS} countries with the most people "
                     f"killed; {fmt.plural(len(rest), 'incident')} in "
                     f"{fmt.plural(len(left), 'other country', 'other countries')} are not "
                     f"mapped (tables/incidents.csv lists them).")
    unmapped = placed[~placed["country"].isin(mapped)]
    if len(unmapped):
        html += note(f"{fmt.plural(len(unmapped), 'incident')} of no country with outlines "
                     f"(no province and no coordinates inside a mapped country) "
                     f"{'is' if len(unmapped) == 1 else 'are'} not on any map.")
    return section("Map" if len(mapped) == 1 else "Maps", html, "map")
