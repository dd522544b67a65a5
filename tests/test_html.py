"""sitrep.brief.html: the briefing's HTML vocabulary.

data_table escapes every cell and heading, marks numeric columns, and renders Row classes,
indented (relayed) first cells and Spanning rows; figure, section and note; category_table lays
a table out as keys x outcome with one column per category present; largest keeps the groups
with the most people killed.
"""

from __future__ import annotations

import html as htmllib
import re

import pandas as pd

from sitrep.brief import html

DASH = "\u2013"


def body_rows(markup: str) -> list[list[str]]:
    """The table body's rows, each as its cells' text (entities decoded)."""
    body = re.search(r"<tbody>(.*)</tbody>", markup).group(1)
    return [[htmllib.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", tr)]
            for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", body)]


def head_cells(markup: str) -> list[str]:
    head = re.search(r"<thead>(.*)</thead>", markup).group(1)
    return [htmllib.unescape(c) for c in re.findall(r"<th[^>]*>(.*?)</th>", head)]


COLUMNS = [("Place", ""), ("Killed", "n"), ("Where", "src")]


def test_data_table_escapes_every_cell_and_heading():
    t = html.data_table([("<i>Place</i>", ""), ("Killed & injured", "n")],
                        [["<script>alert('x')</script>", "1,200"],
                         ["Dera \"Bugti\"", "<b>5</b>"]])
    assert "<script>" not in t and "<b>" not in t and "<i>" not in t
    # html.escape(quote=True): < > & ' " all escaped.
    assert "<td>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</td>" in t
    assert "<td class='n'>&lt;b&gt;5&lt;/b&gt;</td>" in t
    assert "<td>Dera &quot;Bugti&quot;</td>" in t
    assert "<th>&lt;i&gt;Place&lt;/i&gt;</th>" in t
    assert "<th class='n'>Killed &amp; injured</th>" in t
    # Decoded again, the cells are exactly the texts given.
    assert body_rows(t) == [["<script>alert('x')</script>", "1,200"],
                            ["Dera \"Bugti\"", "<b>5</b>"]]


def test_data_table_column_kinds():
    t = html.data_table(COLUMNS, [["Kalat", "12", "incidents.csv:4"]])
    # Numbers are right-aligned by class "n" (head and cells); "src" cells are small, but
    # their heading is plain; text columns carry no class.
    assert head_cells(t) == ["Place", "Killed", "Where"]
    assert "<th>Place</th><th class='n'>Killed</th><th>Where</th>" in t
    assert ("<tr><td>Kalat</td><td class='n'>12</td><td class='src'>incidents.csv:4</td></tr>"
            in t)
    assert t.startswith("<table class='data'><thead>") and t.endswith("</tbody></table>")


def test_data_table_class_of_the_table():
    t = html.data_table(COLUMNS, [], cls="data compact")
    assert t.startswith("<table class='data compact'>")
    assert "<tbody></tbody>" in t  # no rows, an empty body


def test_row_class_and_indent():
    t = html.data_table(COLUMNS, [
        html.Row(["All", "30", ""], cls="total"),
        html.Row(["Relay News", "12", "incidents.csv:5"], cls="relay", indent=True),
        html.Row(["Plain", "1", ""]),
    ])
    assert "<tr class='total'><td>All</td>" in t
    # indent sets the first cell in (class "relayed"), and only the first.
    assert ("<tr class='relay'><td class='relayed'>Relay News</td><td class='n'>12</td>"
            "<td class='src'>incidents.csv:5</td></tr>") in t
    assert "<tr><td>Plain</td>" in t  # no class: a bare <tr>
    assert t.count("relayed") == 1


def test_indent_on_a_numeric_first_column_keeps_both_classes():
    t = html.data_table([("n", "n"), ("text", "")], [html.Row(["7", "x"], indent=True)])
    assert "<td class='n relayed'>7</td>" in t


def test_spanning_row_spans_every_column_and_is_escaped():
    t = html.data_table(COLUMNS, [html.Spanning("Kalat & Kachhi", cls="group"),
                                  ["Kalat", "3", ""]])
    # Three columns: colspan 3.
    assert "<tr class='group'><td colspan='3'>Kalat &amp; Kachhi</td></tr>" in t
    assert body_rows(t) == [["Kalat & Kachhi"], ["Kalat", "3", ""]]


def test_missing_cells_are_empty_not_nan():
    t = html.data_table(COLUMNS, [["Kalat", None, float("nan")]])
    assert body_rows(t) == [["Kalat", "", ""]]
    assert "nan" not in t and "None" not in t


def test_figure_section_and_note():
    svg = "<svg><text>Kalat</text></svg>"
    # The SVG is markup and kept as it is; the caption is text and escaped.
    assert html.figure(svg, "Best <estimate>") == (
        "<figure><svg><text>Kalat</text></svg><figcaption>Best &lt;estimate&gt;"
        "</figcaption></figure>")
    assert html.section("Places & people", "<p>x</p>") == (
        "<section><h2>Places &amp; people</h2><p>x</p></section>")
    assert html.section("Map", "", cls="map") == '<section class="map"><h2>Map</h2></section>'
    assert html.note("a < b") == '<p class="note">a &lt; b</p>'


def casualty_frame() -> pd.DataFrame:
    return pd.DataFrame([
        # province, victim_category, outcome, low, best, high
        ("Balochistan", "civilians", "killed", 5, 6, 8),
        ("Balochistan", "all", "killed", 9, 11, pd.NA),
        ("Sindh", "all", "killed", 3, 3, 3),
        ("Balochistan", "all", "injured", 2, 2, 2),
    ], columns=["province", "victim_category", "outcome", "low", "best", "high"]) \
        .astype({"low": "Int64", "best": "Int64", "high": "Int64"})


def test_category_table_rows_are_keys_by_outcome_and_columns_the_categories_present():
    t = html.category_table(casualty_frame(), ["province"], "Province")
    # Only civilians and all are present: security forces, militants, unknown have no column.
    assert head_cells(t) == ["Province", "Outcome", "Civilians", "All"]
    assert "<th class='n'>Civilians</th><th class='n'>All</th>" in t
    # Groups in order of first appearance; a category a group lacks is an empty cell.
    assert body_rows(t) == [
        ["Balochistan", "killed", f"6 (5{DASH}8)", "11 (9+)"],
        ["Sindh", "killed", "", "3"],
        ["Balochistan", "injured", "", "2"],
    ]


def test_category_table_orders_categories_as_the_schema_does_and_joins_keys():
    t = pd.DataFrame([
        ("Balochistan", "Kalat", "unknown", "killed", 1, 1, 4),
        ("Balochistan", "Kalat", "security_forces", "killed", 10, 10, 12),
        ("Balochistan", "Kalat", "all", "killed", 11, 11, 16),
    ], columns=["province", "district", "victim_category", "outcome", "low", "best", "high"])
    out = html.category_table(t, ["province", "district"], "Place")
    # security forces before unknown before all, whatever the rows' order.
    assert head_cells(out) == ["Place", "Outcome", "Security forces", "Unknown", "All"]
    assert body_rows(out) == [["Balochistan / Kalat", "killed", f"10 (10{DASH}12)",
                               f"1 (1{DASH}4)", f"11 (11{DASH}16)"]]


def district_frame() -> pd.DataFrame:
    rows = []
    for district, killed in (("A", 5), ("B", 20), ("C", 10)):
        rows.append((district, "all", "killed", killed, killed, killed))
        rows.append((district, "all", "injured", 1, 1, 1))
    rows.append(("D", "all", "injured", 7, 7, 7))  # injured only: no killed figure
    return pd.DataFrame(rows, columns=["district", "victim_category", "outcome", "low", "best",
                                       "high"])


def test_largest_keeps_the_groups_with_most_killed_and_counts_the_rest():
    t = district_frame()
    kept, cut = html.largest(t, ["district"], 2)
    # Killed bests: B 20, C 10, A 5 -> B and C kept; A and D (no killed row) are cut: 4 - 2.
    assert set(kept["district"]) == {"B", "C"}
    assert cut == 2
    # Every row of a kept group is kept (its injured too): 2 groups x 2 rows.
    assert len(kept) == 4
    assert sorted(kept.loc[kept["outcome"] == "injured", "district"]) == ["B", "C"]


def test_largest_returns_the_table_whole_when_it_has_few_groups():
    t = district_frame()
    kept, cut = html.largest(t, ["district"], 4)  # 4 groups, 4 allowed
    assert cut == 0 and kept is t
