"""Who: victims by home province, and what the perpetrators claimed."""

from __future__ import annotations

from sitrep.brief import fmt
from sitrep.brief.html import data_table, section
from sitrep.schema import CATEGORY_LABELS


def home_province_section(b) -> str:
    v = b.tables["victims_by_home_province"]
    if v.empty:
        return section("Victims by home province", "<p>No source in this data says where the "
                       "victims came from.</p>")
    rows = [[r["home_province"], r["home_province_code"],
             CATEGORY_LABELS.get(r["victim_category"], r["victim_category"]),
             fmt.num(r["best"]), fmt.span(r["low"], r["high"]), r["basis"],
             "" if fmt.missing(r["sources"]) else ", ".join(str(r["sources"]).split(";"))]
            for _, r in v.iterrows()]
    return section("Victims by home province",
                   '<p class="note">Where victims came from, which is not where they were killed. '
                   '"Inferred" marks a figure that maps an ethnicity (for example "Baloch") to a '
                   'province: an assumption, not a reported fact.</p>'
                   + data_table([("Home province", ""), ("ISO", ""), ("Category", ""),
                                 ("Best", "n"), ("Range", "n"), ("Basis", ""),
                                 ("Sources", "src")], rows))


def actors_section(b) -> str:
    """Incidents and killed by perpetrator group and by kind of attack (claims apart)."""
    html = ""
    for key, head, title in (("by_perpetrator", "perpetrator", "Perpetrator"),
                             ("by_event_type", "event_type", "Kind of attack")):
        t = b.tables.get(key)
        if t is None or len(t) < 2:  # one group says nothing the key figures do not
            continue
        rows = [[r[head], str(int(r["incidents"])), str(int(r["incidents_with_deaths"])),
                 fmt.num(r["killed"]), fmt.num(r["killed_civilians"])]
                for _, r in t.head(15).iterrows()]
        html += data_table([(title, ""), ("Incidents", "n"), ("With deaths", "n"),
                            ("Killed", "n"), ("Civilians killed", "n")], rows)
    if not html:
        return ""
    return section("By perpetrator and kind of attack",
                   '<p class="note">Best estimates of the dead, summed over incidents; '
                   "perpetrator claims are not counted.</p>" + html)


def claims_section(b) -> str:
    c = b.tables["claims"]
    if c.empty:
        return section("Perpetrator claims", "<p>No perpetrator claims are in this data.</p>")
    rows = [[r.get("event_label", r["event_id"]), r["claimant"],
             f"{CATEGORY_LABELS.get(r['victim_category'], '')} {r['outcome']}", r["claimed"],
             fmt.figure(r["counted_low"], r["counted_best"], r["counted_high"])
             or "not reported"]
            for _, r in c.iterrows()]
    return section("Perpetrator claims",
                   '<p class="note">Claims are shown as the claimant worded them, beside the '
                   'figure counted from the other sources for the same incident, category and '
                   'outcome. They are never counted.</p>'
                   + data_table([("Incident", ""), ("Claimant", ""), ("Figure", ""),
                                 ("Claimed", "n"), ("Counted (range)", "n")], rows))
