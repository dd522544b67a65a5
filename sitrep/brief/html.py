"""The small HTML vocabulary every briefing section is built from: one data table, a figure
with its caption, a section. Every value from the data is escaped here or by the caller with
:func:`sitrep.brief.fmt.esc`; no section writes a table's markup itself."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sitrep.brief import fmt
from sitrep.brief.fmt import esc
from sitrep.schema import CATEGORIES, CATEGORY_LABELS


@dataclass(frozen=True)
class Row:
    """A table row: its cells as plain text, and an optional class ("total", "relay")."""
    cells: list[str]
    cls: str = ""
    indent: bool = False  # the first cell set in (a report under whose figure it carries)


@dataclass(frozen=True)
class Spanning:
    """A row of one cell across the table (a heading inside it)."""
    text: str
    cls: str = ""


def data_table(columns: list[tuple[str, str]], rows: list, cls: str = "data") -> str:
    """``columns``: (heading, kind), kind "" (text), "n" (a number, right-aligned) or "src"
    (a file and line, small). ``rows``: lists of cell texts, :class:`Row` or
    :class:`Spanning`."""
    def td(text: str, kind: str, extra: str = "") -> str:
        classes = " ".join(c for c in (kind, extra) if c)
        return f"<td class='{classes}'>{esc(text)}</td>" if classes else f"<td>{esc(text)}</td>"

    body = []
    for r in rows:
        if isinstance(r, Spanning):
            body.append(f"<tr class='{r.cls}'><td colspan='{len(columns)}'>{esc(r.text)}</td>"
                        "</tr>")
            continue
        row = r if isinstance(r, Row) else Row(list(r))
        cells = [td(text, kind, "relayed" if i == 0 and row.indent else "")
                 for i, (text, (_, kind)) in enumerate(zip(row.cells, columns))]
        open_tag = f"<tr class='{row.cls}'>" if row.cls else "<tr>"
        body.append(open_tag + "".join(cells) + "</tr>")
    head = "".join(f"<th class='{kind}'>{esc(h)}</th>" if kind == "n" else f"<th>{esc(h)}</th>"
                   for h, kind in columns)
    return (f"<table class='{cls}'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def figure(svg: str, caption: str) -> str:
    return f'<figure>{svg}<figcaption>{esc(caption)}</figcaption></figure>'


def section(title: str, body: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<section{attr}><h2>{esc(title)}</h2>{body}</section>"


def note(text: str) -> str:
    return f'<p class="note">{esc(text)}</p>'


def category_table(t: pd.DataFrame, keys: list[str], head: str) -> str:
    """Rows = keys x outcome; columns = the categories present and all, 'best (low-high)'."""
    cats = [c for c in list(CATEGORIES) + ["all"] if (t["victim_category"] == c).any()]
    rows = []
    for key, g in t.groupby([*keys, "outcome"], sort=False):
        cells = [" / ".join(str(k) for k in key[:-1]), key[-1]]
        for c in cats:
            r = g[g["victim_category"] == c]
            cells.append("" if r.empty else
                         fmt.figure(r.iloc[0]["low"], r.iloc[0]["best"], r.iloc[0]["high"]))
        rows.append(cells)
    return data_table([(head, ""), ("Outcome", "")]
                      + [(CATEGORY_LABELS[c], "n") for c in cats], rows)


def largest(t: pd.DataFrame, keys: list[str], n: int) -> tuple[pd.DataFrame, int]:
    """The n groups of ``keys`` with the most people killed (best), and how many were cut."""
    k = t[(t["victim_category"] == "all") & (t["outcome"] == "killed")]
    order = k.sort_values("best", ascending=False, kind="stable")[keys].drop_duplicates()
    groups = t[keys].drop_duplicates()
    if len(groups) <= n:
        return t, 0
    keep = order.head(n)
    return t.merge(keep, on=keys), len(groups) - len(keep)


__all__ = ["Row", "Spanning", "data_table", "figure", "section", "note", "category_table",
           "largest"]
