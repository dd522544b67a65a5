"""Page 1: the title block, the key figures and the computed summary."""

from __future__ import annotations

import pandas as pd

from sitrep.brief import account, fmt, narrative
from sitrep.brief.fmt import esc
from sitrep.schema import CATEGORIES, CATEGORY_LABELS


def title_block(b) -> str:
    s = b.summary
    title = b.title or b.default_title()
    files = ", ".join(b.run.get("files", []))
    events_dated = (f" (events dated {s['events_period']})"
                    if s.get("events_period") and s["events_period"] != s.get("period")
                    else "")
    claims = int(s.get("claim_sources", 0))
    sources = fmt.plural(int(s.get("sources", 0)), "source") + (
        f" and {fmt.plural(claims, 'perpetrator statement')}" if claims else "")
    as_of = (f"<tr><th>As of</th><td>{esc(fmt.date(s['as_of']))} (the latest source "
             "counted)</td></tr>") if s.get("as_of") else ""
    return f"""
<header class="title-block">
  <p class="kicker">Casualty briefing</p>
  <h1 id="title">{esc(title)}</h1>
  <table class="meta">
    <tr><th>Period</th><td>{esc(s.get('period'))}{esc(events_dated)}</td></tr>
    <tr><th>Area</th><td>{esc(s.get('area'))}</td></tr>
    <tr><th>Data</th><td>{esc(b.run.get('dataset'))}: {esc(files)}
      ({esc(fmt.plural(int(s.get('reports', 0)), 'report'))} from
      {esc(sources)})</td></tr>{as_of}
    <tr><th>Scope</th><td>{esc(b.run.get('filters', {}).get('description'))}</td></tr>
    <tr><th>Generated</th><td>{esc(fmt.date(b.run.get('generated', '')[:10]))}
      by sitrep</td></tr>
  </table>
</header>"""


def agreement(r: pd.Series, sources: int = 2) -> str:
    """'all 4 sources agree' for a single value ('one source' when there is one), else
    'range 66-80' or 'range 66+'."""
    if not fmt.missing(r["high"]) and int(r["low"]) == int(r["high"]):
        return f"all {sources} sources agree" if sources > 1 else "one source"
    return f"range {fmt.span(r['low'], r['high'])}"


def _sources(b, cat: str, outcome: str) -> int:
    """How many sources (claims apart) give a figure of this category and outcome."""
    f = b.tables.get("report_figures")
    if f is None or f.empty:
        return 0
    f = f[(f["source_type"] != "perpetrator_claim") & (f["outcome"] == outcome)]
    f = f if cat == "all" else f[f["victim_category"] == cat]
    # Only the reports of what is counted: an episode's own, not its parts' (which the
    # episode's figure may exceed without any of them disagreeing).
    inc = b.tables.get("incidents")
    if inc is not None and len(inc):
        parts = inc["part_of"].fillna("").astype(str)
        top = set(inc.loc[parts == "", "event_id"]) | set(parts[parts != ""])
        f = f[f["event_id"].isin(top)]
    return int(f["source_id"].nunique())


def key_figures(b) -> str:
    t = b.tables["totals"]
    s = b.summary
    cards = []

    def card(label: str, cat: str, outcome: str, cls: str = "") -> None:
        r = t[(t["victim_category"] == cat) & (t["outcome"] == outcome)]
        if r.empty:
            return
        r = r.iloc[0]
        cards.append(
            f'<div class="kf {cls}"><div class="kf-num">{esc(fmt.num(r["best"]))}</div>'
            f'<div class="kf-label">{esc(label)}</div>'
            f'<div class="kf-range">{esc(agreement(r, _sources(b, cat, outcome)))}'
            '</div></div>')

    card("killed in all", "all", "killed", "kf-main")
    for cat in CATEGORIES:
        card("killed, category not given" if cat == "unknown" else
             f"{CATEGORY_LABELS[cat].lower()} killed", cat, "killed")
    card("injured in all", "all", "injured")
    districts = fmt.plural(int(s.get("districts", 0)), "district")
    cards.append(f'<div class="kf"><div class="kf-num">{esc(fmt.num(s.get("incidents")))}'
                 f'</div><div class="kf-label">incidents</div>'
                 f'<div class="kf-range">{esc(districts)} affected</div></div>')
    caveat = narrative.left_out(b.run.get("not_counted", {}))
    return (f'<section class="key-figures"><h2>Key figures</h2>'
            f'<div class="kf-grid">{"".join(cards)}</div>'
            + (f'<p class="caveat">{esc(caveat)}</p>' if caveat else "") +
            '<p class="note">Large numbers are best estimates, and the categories add up to '
            'the total; ranges run from the lowest to the highest figure any source gives '
            '("+" = open-ended). Perpetrator claims are not counted.</p></section>')


def summary_text(b) -> str:
    """What happened and the key judgements, then how sure the sources are."""
    s = b.summary
    told = account.account(b.tables, s)
    points = account.judgements(b.tables, s)
    html = '<section class="summary"><h2>What happened</h2>'
    html += f"<p>{esc(told)}</p>" if told else ""
    if points:
        html += ("<h3>Key judgements</h3><ul class='judgements'>"
                 + "".join(f"<li>{esc(p)}</li>" for p in points) + "</ul>")
    paras = narrative.paragraphs(b.tables, s)
    if paras:
        html += "<h3>Sources and certainty</h3>" + "".join(f"<p>{esc(p)}</p>" for p in paras)
    return html + "</section>"
