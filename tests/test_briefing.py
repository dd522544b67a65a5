"""The briefing as a reader sees it: sections, key figures that match the tables, no leaks."""

from __future__ import annotations

import re
import subprocess

import pandas as pd
import pytest

from conftest import pdf_text
from sitrep.brief import fmt, narrative
def test_ranges_and_figures_format():
    assert fmt.span(26, 38) == "26\u201338"
    assert fmt.span(41, None) == "41+"
    assert fmt.figure(41, 42, pd.NA) == "42 (41+)"
    assert fmt.figure(14, 14, 14) == "14"
    assert fmt.esc("<script>") == "&lt;script&gt;"
    assert fmt.esc(float("nan")) == "" and fmt.esc(None) == "" and fmt.esc(pd.NA) == ""


def test_narrative_numbers_come_from_the_table():
    totals = pd.DataFrame({"victim_category": ["civilians", "all"], "outcome": ["killed"] * 2,
                           "low": [5, 9], "best": [6, 11], "high": [8, pd.NA]})
    text = narrative.overview(totals, {"area": "Sindh, Pakistan", "period": "1 May 2023",
                                       "incidents": 2, "districts": 1, "sources": 3})
    assert "at 11 (best estimate), at least 9, with no agreed upper figure" in text
    assert "across 2 incidents in 1 district" in text
    assert "civilians 6 (5\u20138)" in narrative.categories(totals)


def _briefing(first: str, last: str, start: str = "", end: str = ""):
    from sitrep.brief.briefing import Briefing

    summary = pd.DataFrame([{"provinces": "Sindh", "countries": "Pakistan", "first_date": first,
                             "last_date": last, "reports": 3, "sources": 2,
                             "claim_sources": 0}])
    return Briefing({"summary": summary}, {"filters": {"start": start, "end": end}},
                    pd.DataFrame(), pd.DataFrame())


def test_period_is_the_window_asked_for_and_says_when_the_events_fall():
    b = _briefing("2015-01-05", "2015-12-01", "2015-01-01", "2015-12-31")
    assert b.summary["period"] == "1 January \u2013 31 December 2015"
    assert b.default_title() == "Casualties in Sindh, Pakistan, 1 January \u2013 31 December 2015"
    assert "(events dated 5 January \u2013 1 December 2015)" in b.title_block()
    # Without a window the period is the events' own dates, said once.
    b = _briefing("2024-08-26", "2024-08-26")
    assert b.summary["period"] == "26 August 2024" and "events dated" not in b.title_block()


def test_report_notes_are_listed_escaped_and_capped():
    from sitrep.brief import briefing
    from sitrep.brief.sections import sources
    notes = [f"<b>note {i}</b>" for i in range(sources.MAX_NOTES + 2)] + [""]
    figs = pd.DataFrame({"event_id": [f"E{i}" for i in range(len(notes))],
                         "event_label": [f"Event {i}" for i in range(len(notes))],
                         "source_id": "S1", "notes": notes})
    b = briefing.Briefing({"report_figures": figs}, {}, pd.DataFrame(), pd.DataFrame())
    html = sources.report_notes(b)
    assert "<li><b>Event 0</b><ul><li>S1: &lt;b&gt;note 0&lt;/b&gt;</li></ul></li>" in html
    assert html.count("S1: ") == sources.MAX_NOTES and "2 further notes" in html


pytestmark_e2e = pytest.mark.e2e


@pytestmark_e2e
def test_sections_and_key_figures(shipped_report):
    text = pdf_text(shipped_report / "briefing.pdf")
    for section in ("Key figures", "What happened", "Key judgements", "Timeline",
                    "Casualties by district",
                    "Victims by home province", "Perpetrator claims", "Map", "Methodology",
                    "Sources", "Appendix: data quality"):
        assert section in text, section
    # One province: its table would repeat the key figures, so there is none.
    assert "Casualties by province" not in text
    assert "Natural Earth" in text and "GeoNames (CC BY 4.0)" in text
    pages = int(re.search(r"Page 1 of (\d+)", text).group(1))
    assert pages >= 3
    totals = pd.read_csv(shipped_report / "tables" / "totals.csv", keep_default_na=False)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for cat, label in (("all", "killed in all"), ("civilians", "civilians killed"),
                       ("security_forces", "security forces killed")):
        r = totals[(totals.victim_category == cat) & (totals.outcome == "killed")].iloc[0]
        at = next(i for i, ln in enumerate(lines) if label in ln)
        col = lines[at].index(label)
        # The big number sits right above its label, in the same column.
        assert lines[at - 1][col:col + 8].split()[0] == f"{int(r.best):,}", (label, lines[at - 1])
    # The appendix's sum is the audit's.
    audit = pd.read_csv(shipped_report / "audit.csv")
    assert f"= {audit['rows'].sum()} input rows" in text


@pytestmark_e2e
def test_no_missing_values_or_code(shipped_report):
    text = pdf_text(shipped_report / "briefing.pdf")
    for bad in ("nan", "NaN", "None", "<NA>", "Traceback", "In [", "def ", "import "):
        assert not re.search(rf"(?<![\w]){re.escape(bad)}(?![\w])", text), bad


@pytestmark_e2e
def test_fonts_embedded_and_a4(shipped_report):
    fonts = subprocess.run(["pdffonts", str(shipped_report / "briefing.pdf")],
                           capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(" yes " in ln for ln in fonts)
    info = subprocess.run(["pdfinfo", str(shipped_report / "briefing.pdf")], capture_output=True,
                          text=True, check=True).stdout
    assert "(A4)" in info


@pytestmark_e2e
def test_first_page_renders(shipped_report, tmp_path):
    from PIL import Image  # matplotlib depends on pillow

    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1",
                    str(shipped_report / "briefing.pdf"), str(tmp_path / "p")], check=True)
    import numpy as np

    img = np.asarray(Image.open(next(tmp_path.glob("p*.png"))).convert("L"))
    h, w = img.shape
    assert abs(h / w - 297 / 210) < 0.02
    dark = float((img < 200).mean())
    assert 0.03 < dark < 0.6, dark  # neither blank nor a black page
