"""The briefing's sections as HTML fragments, built from the tables (and the run's audit).

The notebook ``03_briefing`` displays one fragment per cell; the nbconvert template puts them on
A4 pages. Every value from the data goes through :func:`sitrep.brief.fmt.esc`. No number is typed:
each comes from a table, and the sources section shows the report rows behind it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sitrep.brief import charts, fmt, narrative
from sitrep.brief.fmt import esc
from sitrep.paths import COUNTING_RULES
from sitrep.schema import CATEGORIES, CATEGORY_LABELS
from sitrep.tabulate.tables import NO_DISTRICT, UNATTRIBUTED

def counting_rules(path: Path = COUNTING_RULES) -> list[tuple[str, str]]:
    """The plain-language rules ("In brief" of sitrep/counting_rules.md): (heading, paragraph).

    The methodology prints them as written there, so the rule has one statement."""
    text = path.read_text(encoding="utf-8")
    brief = text.split("\n## In brief\n", 1)[1].split("\n## ", 1)[0]
    out = []
    for block in brief.split("\n### ")[1:]:
        head, _, body = block.partition("\n")
        out.append((head.strip(), " ".join(body.split())))
    return out


@dataclass
class Briefing:
    tables: dict[str, pd.DataFrame]
    run: dict
    problems: pd.DataFrame
    audit: pd.DataFrame
    title: str = ""

    # --- helpers --------------------------------------------------------------------------
    @property
    def summary(self) -> dict:
        s = self.tables["summary"].iloc[0].to_dict() if len(self.tables["summary"]) else {}
        provinces = [p for p in str(s.get("provinces", "")).split("; ") if p]
        countries = [c for c in str(s.get("countries", "")).split("; ") if c]
        if len(provinces) > 4:
            s["area"] = fmt.join(countries)
        else:
            s["area"] = ", ".join(x for x in (fmt.join(provinces), fmt.join(countries)) if x)
        s["events_period"] = fmt.period(s.get("first_date"), s.get("last_date"))
        f = self.run.get("filters", {})
        # A briefing asked for a window covers that window, whatever dates its events have.
        s["period"] = (fmt.period(f["start"], f["end"]) if f.get("start") and f.get("end")
                       else s["events_period"])
        return s

    def default_title(self) -> str:
        s = self.summary
        area = s.get("area") or "the area covered"
        return f"Casualties in {area}, {s['period']}" if s.get("period") else \
            f"Casualties in {area}"

    # --- sections -------------------------------------------------------------------------
    def title_block(self) -> str:
        s = self.summary
        title = self.title or self.default_title()
        files = ", ".join(self.run.get("files", []))
        events_dated = (f" (events dated {s['events_period']})"
                        if s.get("events_period") and s["events_period"] != s.get("period")
                        else "")
        return f"""
<header class="title-block">
  <p class="kicker">Casualty briefing</p>
  <h1 id="title">{esc(title)}</h1>
  <table class="meta">
    <tr><th>Period</th><td>{esc(s.get('period'))}{esc(events_dated)}</td></tr>
    <tr><th>Area</th><td>{esc(s.get('area'))}</td></tr>
    <tr><th>Data</th><td>{esc(self.run.get('dataset'))}: {esc(files)}
      ({esc(fmt.plural(int(s.get('reports', 0)), 'report'))} from
      {esc(fmt.plural(int(s.get('sources', 0)) + int(s.get('claim_sources', 0)), 'source'))})</td></tr>
    <tr><th>Scope</th><td>{esc(self.run.get('filters', {}).get('description'))}</td></tr>
    <tr><th>Generated</th><td>{esc(fmt.date(self.run.get('generated', '')[:10]))}
      by sitrep</td></tr>
  </table>
</header>"""

    def key_figures(self) -> str:
        t = self.tables["totals"]
        s = self.summary
        cards = []

        def card(label: str, cat: str, outcome: str, cls: str = "") -> None:
            r = t[(t["victim_category"] == cat) & (t["outcome"] == outcome)]
            if r.empty:
                return
            r = r.iloc[0]
            cards.append(
                f'<div class="kf {cls}"><div class="kf-num">{esc(fmt.num(r["best"]))}</div>'
                f'<div class="kf-label">{esc(label)}</div>'
                f'<div class="kf-range">{esc(_agreement(r))}</div></div>')

        card("killed in all", "all", "killed", "kf-main")
        for cat in CATEGORIES:
            card("killed, category not given" if cat == "unknown" else
                 f"{CATEGORY_LABELS[cat].lower()} killed", cat, "killed")
        card("injured in all", "all", "injured")
        cards.append(f'<div class="kf"><div class="kf-num">{esc(fmt.num(s.get("incidents")))}'
                     f'</div><div class="kf-label">incidents</div>'
                     f'<div class="kf-range">{esc(fmt.plural(int(s.get("districts", 0)), "district"))}'
                     f' affected</div></div>')
        return (f'<section class="key-figures"><h2>Key figures</h2>'
                f'<div class="kf-grid">{"".join(cards)}</div>'
                '<p class="note">Large numbers are best estimates, and the categories add up to '
                'the total; ranges run from the lowest to the highest figure any source gives '
                '("+" = open-ended). Perpetrator claims are not counted.</p></section>')

    def summary_text(self) -> str:
        paras = narrative.paragraphs(self.tables, self.summary)
        body = "".join(f"<p>{esc(p)}</p>" for p in paras)
        return f'<section class="summary"><h2>Summary</h2>{body}</section>'

    def province_section(self) -> str:
        t = self.tables["casualties"]
        fig = charts.stacked_killed(t.assign(label=t["province"]), "label",
                                    "People killed by province and victim category")
        return (f'<section><h2>Casualties by province</h2>'
                f'{_category_table(t, ["province"], "Province")}'
                f'{_figure(charts.to_svg(fig), _sum_note(t))}</section>')

    def district_section(self) -> str:
        t = self.tables["by_district"]
        if t.empty:
            return ""
        t, cut = _largest(t, ["province", "district"], MAX_DISTRICTS)
        one = t["province"].nunique() == 1
        keys, head = (["district"], "District") if one else (["province", "district"],
                                                              "Province / district")
        html = f'<section><h2>Casualties by district</h2>{_category_table(t, keys, head)}'
        if cut:
            html += (f'<p class="note">The {MAX_DISTRICTS} districts with the most people killed '
                     f'are shown; {fmt.plural(cut, "other district")} are in '
                     f'tables/by_district.csv.</p>')
        if one:
            top, _ = _largest(t, ["district"], MAX_CHARTED)
            fig = charts.stacked_killed(top, "district", "People killed by district and category"
                                        + (f" ({MAX_CHARTED} with the most killed)"
                                           if t["district"].nunique() > MAX_CHARTED else ""))
            html += _figure(charts.to_svg(fig), "Districts are as named by the sources, "
                            "through the district alias table. '" + UNATTRIBUTED + "' is what an "
                            "episode's own reports add beyond the sum of its parts.")
        return html + "</section>"

    def day_section(self) -> str:
        t = self.tables["by_day"]
        if t.empty:
            return ""
        dates = pd.to_datetime(t["date"])
        if (dates.max() - dates.min()).days > 62:
            from sitrep.tabulate.tables import by_month

            m = by_month(t)
            fig = charts.timeline(m.rename(columns={"month": "date"}).assign(
                date=lambda d: d["date"] + "-01"), per="month")
            if m["month"].nunique() > 24:  # the table by year, the chart by month
                y = by_month(t.assign(date=t["date"].str[:4] + "-01-01"))
                table = _category_table(y.assign(year=y["month"].str[:4]), ["year"], "Year")
                head = "Casualties by year and month"
            else:
                table, head = _category_table(m, ["month"], "Month"), "Casualties by month"
            return (f'<section><h2>{head}</h2>{table}'
                    f'{_figure(charts.to_svg(fig), "Best estimate per month; the whisker runs from the low to the high figure (an arrow when open-ended). Daily figures are in tables/by_day.csv.")}'
                    '</section>')
        fig = charts.timeline(t)
        return (f'<section><h2>Casualties by day</h2>{_category_table(t, ["date"], "Date")}'
                f'{_figure(charts.to_svg(fig), "Best estimate per day; the whisker runs from the low to the high figure (an arrow when open-ended).")}'
                '</section>')

    def map_section(self) -> str:
        from sitrep.brief import maps
        inc = self.tables["incidents"]
        if not inc["province_code"].astype(str).str.startswith("PK").any():
            return ""  # the committed outlines cover Pakistan only
        points, located = map_points(inc)
        fig = maps.province_map(points, highlight=set(inc["province_code"]) - {""})
        caption = (f"Incidents as points sized by the best estimate of people killed "
                   f"({located:,} of {fmt.plural(len(inc), 'incident')} located, from the log's "
                   f"coordinates or, failing those, at their district's seat; incidents in one "
                   f"district share a point). {maps.CREDIT}")
        return f'<section class="map"><h2>Map</h2>{_figure(charts.to_svg(fig), caption)}</section>'

    def home_province_section(self) -> str:
        v = self.tables["victims_by_home_province"]
        if v.empty:
            return ('<section><h2>Victims by home province</h2><p>No source in this data says '
                    'where the victims came from.</p></section>')
        rows = "".join(
            f"<tr><td>{esc(r['home_province'])}</td><td>{esc(r['home_province_code'])}</td>"
            f"<td>{esc(CATEGORY_LABELS.get(r['victim_category'], r['victim_category']))}</td>"
            f"<td class='n'>{esc(fmt.num(r['best']))}</td>"
            f"<td class='n'>{esc(fmt.span(r['low'], r['high']))}</td>"
            f"<td>{esc(r['basis'])}</td><td class='src'>{esc(_sources_list(r['sources']))}</td></tr>"
            for _, r in v.iterrows())
        return (f'<section><h2>Victims by home province</h2>'
                f'<p class="note">Where victims came from, which is not where they were killed. '
                f'"Inferred" marks a figure that maps an ethnicity (for example "Baloch") to a '
                f'province: an assumption, not a reported fact.</p>'
                f'<table class="data"><thead><tr><th>Home province</th><th>ISO</th>'
                f'<th>Category</th><th class="n">Best</th><th class="n">Range</th><th>Basis</th>'
                f'<th>Sources</th></tr></thead><tbody>{rows}</tbody></table></section>')

    def claims_section(self) -> str:
        c = self.tables["claims"]
        if c.empty:
            return ('<section><h2>Perpetrator claims</h2><p>No perpetrator claims are in this '
                    'data.</p></section>')
        rows = "".join(
            f"<tr><td>{esc(r.get('event_label', r['event_id']))}</td>"
            f"<td>{esc(r['claimant'])}</td>"
            f"<td>{esc(CATEGORY_LABELS.get(r['victim_category'], ''))} {esc(r['outcome'])}</td>"
            f"<td class='n'>{esc(r['claimed'])}</td>"
            f"<td class='n'>{esc(fmt.figure(r['counted_low'], r['counted_best'], r['counted_high']) or 'not reported')}</td></tr>"
            for _, r in c.iterrows())
        return (f'<section><h2>Perpetrator claims</h2><p class="note">Claims are shown as '
                f'the claimant worded them, beside the figure counted from the other sources '
                f'for the same incident, category and outcome. They are never counted.</p>'
                f'<table class="data"><thead><tr><th>Incident</th>'
                f'<th>Claimant</th><th>Figure</th><th class="n">Claimed</th>'
                f'<th class="n">Counted (range)</th></tr></thead><tbody>{rows}</tbody></table>'
                f'</section>')

    def methodology(self) -> str:
        rules = "".join(f"<h3>{esc(h)}</h3><p>{esc(p)}</p>" for h, p in counting_rules())
        method = "".join(f"<li>{esc(m)}</li>" for m in self.run.get("method", []))
        return (f'<section class="methodology"><h2>Methodology</h2>'
                f'<h3>Data read</h3><p>Dataset: {esc(self.run.get("dataset"))}. Scope: '
                f'{esc(self.run.get("filters", {}).get("description"))}.</p><ul>{method}</ul>'
                f'{rules}</section>')

    def sources_section(self) -> str:
        src = self.tables["sources"]
        items = []
        for _, r in src.iterrows():
            url = "" if fmt.missing(r.get("url")) else str(r.get("url"))
            # Only web addresses become links; anything else (a seeds/ path) is shown as text.
            link = (f' <a href="{esc(url)}">{esc(url)}</a>' if re.match(r"https?://", url)
                    else f" {esc(url)}" if url else "")
            title = "" if fmt.missing(r.get("title")) else str(r.get("title")).strip()
            date = fmt.date(r.get("published")) if not fmt.missing(r.get("published")) else "n.d."
            items.append(f'<li id="src-{esc(r["source_id"])}"><b>{esc(r["publisher"])}</b> '
                         f'({esc(date or "n.d.")}).{" " + esc(title) + "." if title else ""}{link} '
                         f'<span class="tag">{esc(str(r["source_type"]).replace("_", " "))}; '
                         f'id {esc(r["source_id"])}</span></li>')
        return (f'<section class="sources"><h2>Sources</h2>'
                f'<p class="note">Titles in square brackets describe a report whose headline '
                f'was not recorded.</p><ol>{"".join(items)}</ol>'
                f'{self._figures_by_source()}{self._report_notes()}</section>')

    def _report_notes(self) -> str:
        """The notes coded with each report (who said what, why a figure was chosen), so a
        reader can follow a figure back to the analyst's reading of the source."""
        f = self.tables["report_figures"]
        if "notes" not in f:
            return ""
        n = f[f["notes"].fillna("").astype(str).str.strip() != ""]
        n = n.drop_duplicates(["event_id", "source_id"])
        if n.empty:
            return ""
        shown, more = n.head(MAX_NOTES), len(n) - MAX_NOTES
        items = "".join(
            f"<li><b>{esc(label)}</b><ul>"
            + "".join(f"<li>{esc(r.source_id)}: {esc(str(r.notes).strip())}</li>"
                      for r in g.itertuples()) + "</ul></li>"
            for label, g in shown.groupby("event_label", sort=False))
        tail = (f"<p class='note'>{fmt.plural(more, 'further note')} in "
                f"tables/report_figures.csv.</p>" if more > 0 else "")
        return (f"<h3>Notes recorded with the reports</h3><ul class='report-notes'>{items}</ul>"
                + tail)

    def _figures_by_source(self) -> str:
        f = self.tables["report_figures"]
        f = f[f["outcome"] == "killed"]
        # Events told by one source need no comparison: the tables already show them.
        n_src = f.groupby("event_id")["source_id"].nunique()
        f = f[f["event_id"].isin(n_src[n_src >= 2].index)]
        if f.empty:
            return ("<h3>Which source gave which figure</h3><p class='note'>Each incident here "
                    "comes from a single source; every figure with its input row is in "
                    "tables/report_figures.csv.</p>")
        shown = list(dict.fromkeys(f["event_id"]))[:MAX_TRAILS]
        more = f["event_id"].nunique() - len(shown)
        f = f[f["event_id"].isin(shown)]
        cats = list(CATEGORIES) + ["all"]
        blocks = []
        for ev, g in f.groupby("event_id", sort=False):
            rows = []
            origin = g["origin"].fillna("") if "origin" in g else pd.Series("", index=g.index)
            # Reports that relay one figure stand together under whose figure it is.
            g = g.assign(_o=origin, _k=origin.where(origin != "", g["source_id"])) \
                .sort_values(["_k", "source_id"], kind="stable")
            seen = set()
            for (sid, stype), s in g.groupby(["source_id", "source_type"], sort=False):
                o = s["_o"].iloc[0]
                if o and o not in seen:
                    seen.add(o)
                    rows.append(f"<tr class='relay'><td colspan='{len(cats) + 2}'>Carrying the "
                                f"figure of {esc(o)} (counted once, as most recently "
                                f"published):</td></tr>")
                cells = []
                for c in cats:
                    x = s[s["victim_category"] == c]
                    if x.empty:
                        cells.append("<td></td>")
                        continue
                    x = x.iloc[0]
                    shown = fmt.span(x["low"], x["high"]) if fmt.missing(x["said"]) \
                        or not x["said"] else x["said"]
                    if c == "all" and str(x.get("total_excludes", "") or ""):
                        left = " and ".join(CATEGORY_LABELS[k].lower()
                                            for k in str(x["total_excludes"]).split(";"))
                        shown += f" ({left} not included)"
                    cells.append(f"<td class='n'>{esc(shown)}</td>")
                first = s.iloc[0]
                where = f"{first['file']}:{first['line']}" if not fmt.missing(first["line"]) \
                    else first["file"]
                claim = " (claim)" if stype == "perpetrator_claim" else ""
                indent = " class='relayed'" if o else ""
                rows.append(f"<tr><td{indent}>{esc(sid)}{claim}</td>{''.join(cells)}"
                            f"<td class='src'>{esc(where)}</td></tr>")
            head = "".join(f"<th class='n'>{esc(CATEGORY_LABELS[c])}</th>" for c in cats)
            label = g["event_label"].iloc[0] if "event_label" in g else ev
            blocks.append(f"<div class='keep'><h4>{esc(label)}: people killed, as each source "
                          f"gave it</h4><table class='data trail'><thead><tr><th>Source</th>"
                          f"{head}<th>Row</th></tr></thead><tbody>{''.join(rows)}</tbody>"
                          f"</table></div>")
        tail = (f"<p class='note'>{fmt.plural(more, 'further incident')} with several sources "
                f"are in tables/report_figures.csv.</p>" if more > 0 else "")
        return ("<h3>Which source gave which figure</h3><p class='note'>Each figure as the "
                "source worded it; an empty cell means the source gave no figure. 'Row' is the "
                "input file and line.</p>" + "".join(blocks) + tail)

    def quality_appendix(self) -> str:
        a = self.audit.assign(rows=pd.to_numeric(self.audit["rows"]))
        by = a.groupby(["file", "fate"])["rows"].sum().unstack(fill_value=0)
        fates = ["kept", "merged", "filtered", "rejected"]
        for f in fates:
            if f not in by:
                by[f] = 0
        by["total"] = by[fates].sum(axis=1)
        rows = "".join(f"<tr><td>{esc(f)}</td>" + "".join(
            f"<td class='n'>{esc(fmt.num(r[c]))}</td>" for c in fates + ["total"]) + "</tr>"
            for f, r in by.iterrows())
        tot = by[fates + ["total"]].sum()
        rows += "<tr class='total'><td>All input rows</td>" + "".join(
            f"<td class='n'>{esc(fmt.num(tot[c]))}</td>" for c in fates + ["total"]) + "</tr>"
        html = (f'<section class="quality"><h2>Appendix: data quality</h2>'
                f'<p>Every input row is accounted for: kept, merged (an exact duplicate of '
                f'another row), filtered (outside the scope) or rejected (with its reason). '
                f'{esc(fmt.num(tot["kept"]))} + {esc(fmt.num(tot["merged"]))} + '
                f'{esc(fmt.num(tot["filtered"]))} + {esc(fmt.num(tot["rejected"]))} = '
                f'{esc(fmt.num(tot["total"]))} input rows.</p>'
                f'<table class="data"><thead><tr><th>File</th>'
                + "".join(f"<th class='n'>{f.capitalize()}</th>" for f in fates)
                + f'<th class="n">Total</th></tr></thead><tbody>{rows}</tbody></table>')
        html += self._listing("Rejected rows", a[a["fate"] == "rejected"], "reason")
        merged = a[a["fate"] == "merged"]
        html += self._listing("Merged rows", merged, "reason")
        filt = a[a["fate"] == "filtered"].groupby(["file", "reason"])["rows"].sum().reset_index()
        if len(filt):
            items = "".join(f"<li>{esc(r['file'])}: {esc(fmt.plural(int(r['rows']), 'row'))} "
                            f"{esc(r['reason'])}</li>" for _, r in filt.iterrows())
            html += f"<h3>Filtered rows</h3><ul>{items}</ul>"
        w = self.problems[self.problems["severity"] == "warning"] if len(self.problems) else \
            self.problems
        if len(w):
            items = "".join(f"<li>{esc(r['file'])}:{esc(r['line'])}: column '{esc(r['column'])}'"
                            f": value '{esc(r['value'])}': {esc(r['message'])}</li>"
                            for _, r in w.head(MAX_LISTED).iterrows())
            if len(w) > MAX_LISTED:
                items += f"<li>... and {fmt.plural(len(w) - MAX_LISTED, 'more warning')}.</li>"
            html += f"<h3>Warnings</h3><ul>{items}</ul>"
        html += f"<h3>Assumptions</h3><ul>{self._assumptions()}</ul>"
        return html + "</section>"

    def _listing(self, title: str, rows: pd.DataFrame, col: str) -> str:
        if rows.empty:
            return ""
        items = "".join(f"<li>{esc(r['file'])}:{esc(r['line'])} ({esc(r['event_id'])} / "
                        f"{esc(r['source_id'])}): {esc(r[col])}</li>"
                        for _, r in rows.head(MAX_LISTED).iterrows())
        if len(rows) > MAX_LISTED:
            items += (f"<li>... and {fmt.plural(len(rows) - MAX_LISTED, 'more row')}: see "
                      "audit.csv.</li>")
        return f"<h3>{esc(title)}</h3><ul>{items}</ul>"

    def _assumptions(self) -> str:
        out = []
        v = self.tables["victims_by_home_province"]
        for _, r in v[v["basis"] == "inferred"].iterrows() if len(v) else []:
            out.append(f"{fmt.num(r['best'])} victims are placed in {r['home_province']} by "
                       "inference from their ethnicity as reported, not by a reported home "
                       "province.")
        d = self.tables["by_district"]
        if len(d) and (d["district"] == UNATTRIBUTED).any():
            out.append("Figures an episode's own reports give beyond the sum of its parts are "
                       "not attributed to a district.")
        if len(d) and (d["district"] == NO_DISTRICT).any():
            out.append("Some incidents have no district in the data.")
        out.append("Home province is where victims came from; incident province is where they "
                   "were killed. The two are never mixed in one table.")
        return "".join(f"<li>{esc(x)}</li>" for x in out)


MAX_POINTS = 150
MAX_DISTRICTS = 25
MAX_CHARTED = 12
MAX_TRAILS = 20
MAX_NOTES = 60
MAX_LISTED = 50
MAX_LABELS = 12


def map_points(inc: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """One point per district (or place) with the people killed there; the largest first."""
    from sitrep import gazetteer
    lat = pd.to_numeric(inc["latitude"], errors="coerce")
    lon = pd.to_numeric(inc["longitude"], errors="coerce")
    place = inc["district"].where(inc["district"] != "", inc["location"]).fillna("")
    lookup = {}
    for name, prov in set(zip(place, inc["province_code"])):
        lookup[(name, prov)] = gazetteer.locate(name, prov or None) if name else None
    found = [lookup[k] for k in zip(place, inc["province_code"])]
    glat = pd.Series([f[0] if f else None for f in found], index=inc.index, dtype=float)
    glon = pd.Series([f[1] if f else None for f in found], index=inc.index, dtype=float)
    have = lat.notna() & lon.notna()
    pts = pd.DataFrame({"latitude": lat.where(have, glat), "longitude": lon.where(have, glon),
                        "killed": pd.to_numeric(inc["best"], errors="coerce").fillna(0),
                        "label": place.where(place != "", inc["event_id"])})
    pts = pts.dropna(subset=["latitude", "longitude"])
    located = len(pts)
    pts = pts.assign(label=pts["label"].astype(str))
    grouped = pts.groupby("label", as_index=False).agg(
        latitude=("latitude", "mean"), longitude=("longitude", "mean"), killed=("killed", "sum"))
    grouped = grouped.sort_values("killed", ascending=False).head(MAX_POINTS)
    grouped["killed"] = grouped["killed"].astype(int)
    grouped["label"] = grouped["label"] + " (" + grouped["killed"].map("{:,}".format) + ")"
    grouped = grouped.reset_index(drop=True)
    grouped.loc[grouped.index >= MAX_LABELS, "label"] = ""  # the largest are named, not all
    return grouped, located


def _largest(t: pd.DataFrame, keys: list[str], n: int) -> tuple[pd.DataFrame, int]:
    """The n groups of ``keys`` with the most people killed (best), and how many were cut."""
    k = t[(t["victim_category"] == "all") & (t["outcome"] == "killed")]
    order = k.sort_values("best", ascending=False, kind="stable")[keys].drop_duplicates()
    groups = t[keys].drop_duplicates()
    if len(groups) <= n:
        return t, 0
    keep = order.head(n)
    return t.merge(keep, on=keys), len(groups) - len(keep)


def _agreement(r: pd.Series) -> str:
    """'all sources agree' for a single value, else 'range 66-80' or 'range 66+'."""
    if not fmt.missing(r["high"]) and int(r["low"]) == int(r["high"]):
        return "all sources agree"
    return f"range {fmt.span(r['low'], r['high'])}"


def _sources_list(s: object) -> str:
    return "" if fmt.missing(s) else ", ".join(str(s).split(";"))


def _figure(svg: str, caption: str) -> str:
    return f'<figure>{svg}<figcaption>{esc(caption)}</figcaption></figure>'


def _sum_note(t: pd.DataFrame) -> str:
    return ("For each place, the upper bar stacks each category's best estimate, which add up to "
            "the best estimate of the total in the grey bar below; the line is the total's range "
            "(lowest to highest figure given).")


def _category_table(t: pd.DataFrame, keys: list[str], head: str) -> str:
    """Rows = keys x outcome; columns = categories and all, as 'best (low-high)'."""
    cats = list(CATEGORIES) + ["all"]
    present = [c for c in cats if (t["victim_category"] == c).any()]
    body = []
    for key, g in t.groupby([*keys, "outcome"], sort=False):
        label, outcome = " / ".join(str(k) for k in key[:-1]), key[-1]
        cells = []
        for c in present:
            r = g[g["victim_category"] == c]
            cells.append("<td class='n'></td>" if r.empty else
                         f"<td class='n'>{esc(fmt.figure(r.iloc[0]['low'], r.iloc[0]['best'], r.iloc[0]['high']))}</td>")
        body.append(f"<tr><td>{esc(label)}</td><td>{esc(outcome)}</td>{''.join(cells)}</tr>")
    th = "".join(f"<th class='n'>{esc(CATEGORY_LABELS[c])}</th>" for c in present)
    return (f"<table class='data'><thead><tr><th>{esc(head)}</th><th>Outcome</th>{th}</tr>"
            f"</thead><tbody>{''.join(body)}</tbody></table>")
