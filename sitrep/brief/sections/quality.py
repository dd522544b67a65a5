"""The data-quality appendix: every input row accounted for (and the sum shown), rejected,
merged and filtered rows, warnings, and the assumptions the figures rest on."""

from __future__ import annotations

import pandas as pd

from sitrep.brief import fmt
from sitrep.brief.fmt import esc
from sitrep.brief.html import Row, data_table
from sitrep.schema import FATES
from sitrep.tabulate.tables import NO_DISTRICT, UNATTRIBUTED

MAX_LISTED = 50  # rows or warnings listed; the rest are in audit.csv and problems


def quality_appendix(b) -> str:
    a = b.audit.assign(rows=pd.to_numeric(b.audit["rows"]))
    by = a.groupby(["file", "fate"])["rows"].sum().unstack(fill_value=0)
    fates = list(FATES)
    for f in fates:
        if f not in by:
            by[f] = 0
    by["total"] = by[fates].sum(axis=1)
    rows = [[f] + [fmt.num(r[c]) for c in fates + ["total"]] for f, r in by.iterrows()]
    tot = by[fates + ["total"]].sum()
    rows.append(Row(["All input rows"] + [fmt.num(tot[c]) for c in fates + ["total"]], "total"))
    html = (f'<section class="quality"><h2>Appendix: data quality</h2>'
            f'<p>Every input row is accounted for: kept, merged (an exact duplicate of '
            f'another row), filtered (outside the scope) or rejected (with its reason). '
            f'{esc(fmt.num(tot["kept"]))} + {esc(fmt.num(tot["merged"]))} + '
            f'{esc(fmt.num(tot["filtered"]))} + {esc(fmt.num(tot["rejected"]))} = '
            f'{esc(fmt.num(tot["total"]))} input rows.</p>'
            + data_table([("File", "")] + [(f.capitalize(), "n") for f in fates]
                         + [("Total", "n")], rows))
    html += _listing("Rejected rows", a[a["fate"] == "rejected"], "reason")
    html += _listing("Merged rows", a[a["fate"] == "merged"], "reason")
    filt = a[a["fate"] == "filtered"].groupby(["file", "reason"])["rows"].sum().reset_index()
    if len(filt):
        items = "".join(f"<li>{esc(r['file'])}: {esc(fmt.plural(int(r['rows']), 'row'))} "
                        f"{esc(r['reason'])}</li>" for _, r in filt.iterrows())
        html += f"<h3>Filtered rows</h3><ul>{items}</ul>"
    w = b.problems[b.problems["severity"] == "warning"] if len(b.problems) else b.problems
    if len(w):
        items = "".join(f"<li>{esc(r['file'])}:{esc(r['line'])}: column '{esc(r['column'])}'"
                        f": value '{esc(r['value'])}': {esc(r['message'])}</li>"
                        for _, r in w.head(MAX_LISTED).iterrows())
        if len(w) > MAX_LISTED:
            items += f"<li>... and {fmt.plural(len(w) - MAX_LISTED, 'more warning')}.</li>"
        html += f"<h3>Warnings</h3><ul>{items}</ul>"
    html += f"<h3>Assumptions</h3><ul>{_assumptions(b)}</ul>"
    return html + "</section>"


def _listing(title: str, rows: pd.DataFrame, col: str) -> str:
    if rows.empty:
        return ""
    items = "".join(f"<li>{esc(r['file'])}:{esc(r['line'])} ({esc(r['event_id'])} / "
                    f"{esc(r['source_id'])}): {esc(r[col])}</li>"
                    for _, r in rows.head(MAX_LISTED).iterrows())
    if len(rows) > MAX_LISTED:
        items += (f"<li>... and {fmt.plural(len(rows) - MAX_LISTED, 'more row')}: see "
                  "audit.csv.</li>")
    return f"<h3>{esc(title)}</h3><ul>{items}</ul>"


def _assumptions(b) -> str:
    out = []
    v = b.tables["victims_by_home_province"]
    for _, r in v[v["basis"] == "inferred"].iterrows() if len(v) else []:
        out.append(f"{fmt.num(r['best'])} victims are placed in {r['home_province']} by "
                   "inference from their ethnicity as reported, not by a reported home "
                   "province.")
    d = b.tables["by_district"]
    if len(d) and (d["district"] == UNATTRIBUTED).any():
        out.append("Figures an episode's own reports give beyond the sum of its parts are "
                   "not attributed to a district.")
    if len(d) and (d["district"] == NO_DISTRICT).any():
        out.append("Some incidents have no district in the data.")
    out.append("Home province is where victims came from; incident province is where they "
               "were killed. The two are never mixed in one table.")
    return "".join(f"<li>{esc(x)}</li>" for x in out)
