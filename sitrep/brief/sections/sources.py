"""The sources as a reader cites them, then the trail: which source gave which figure (relays
under whose figure they carry), and the notes coded with each report."""

from __future__ import annotations

import re

import pandas as pd

from sitrep.brief import fmt
from sitrep.brief.fmt import esc
from sitrep.brief.html import Row, Spanning, data_table
from sitrep.schema import CATEGORIES, CATEGORY_LABELS

MAX_TRAILS = 20  # incidents whose figures are shown source by source
MAX_NOTES = 60


def sources_section(b) -> str:
    items = []
    for _, r in b.tables["sources"].iterrows():
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
            f'was not recorded.</p><ol>{"".join(items)}</ol></section>')


def annex_section(b) -> str:
    """After the sources: each source's figures, and the notes coded with each report."""
    return (f'<section class="annex"><h2>Annex: the figures behind the counts</h2>'
            f'{figures_by_source(b)}{report_notes(b)}</section>')


def report_notes(b) -> str:
    """The notes coded with each report (who said what, why a figure was chosen), so a reader
    can follow a figure back to the analyst's reading of the source."""
    f = b.tables["report_figures"]
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


def _said(x: pd.Series, category: str) -> str:
    shown = fmt.span(x["low"], x["high"]) if fmt.missing(x["said"]) or not x["said"] \
        else x["said"]
    if category == "all" and str(x.get("total_excludes", "") or ""):
        left = " and ".join(CATEGORY_LABELS[k].lower()
                            for k in str(x["total_excludes"]).split(";"))
        shown += f" ({left} not included)"
    return shown


def _trail(g: pd.DataFrame, cats: list[str]) -> list:
    """One incident's rows: a report per row, relays together under whose figure they carry."""
    origin = g["origin"].fillna("") if "origin" in g else pd.Series("", index=g.index)
    g = g.assign(_o=origin, _k=origin.where(origin != "", g["source_id"])) \
        .sort_values(["_k", "source_id"], kind="stable")
    rows, seen = [], set()
    for (sid, stype), s in g.groupby(["source_id", "source_type"], sort=False):
        o = s["_o"].iloc[0]
        if o and o not in seen:
            seen.add(o)
            rows.append(Spanning(f"Carrying the figure of {o} (counted once, as most recently "
                                 "published):", "relay"))
        cells = [sid + (" (claim)" if stype == "perpetrator_claim" else "")]
        for c in cats:
            x = s[s["victim_category"] == c]
            cells.append("" if x.empty else _said(x.iloc[0], c))
        first = s.iloc[0]
        cells.append(f"{first['file']}:{first['line']}" if not fmt.missing(first["line"])
                     else first["file"])
        rows.append(Row(cells, indent=bool(o)))
    return rows


def figures_by_source(b) -> str:
    f = b.tables["report_figures"]
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
    columns = [("Source", "")] + [(CATEGORY_LABELS[c], "n") for c in cats] + [("Row", "src")]
    blocks = []
    for ev, g in f.groupby("event_id", sort=False):
        label = g["event_label"].iloc[0] if "event_label" in g else ev
        blocks.append(f"<div class='keep'><h4>{esc(label)}: people killed, as each source "
                      f"gave it</h4>{data_table(columns, _trail(g, cats), 'data trail')}</div>")
    tail = (f"<p class='note'>{fmt.plural(more, 'further incident')} with several sources "
            f"are in tables/report_figures.csv.</p>" if more > 0 else "")
    return ("<h3>Which source gave which figure</h3><p class='note'>Each figure as the "
            "source worded it; an empty cell means the source gave no figure. 'Row' is the "
            "input file and line.</p>" + "".join(blocks) + tail)
