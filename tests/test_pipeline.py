"""`make report` end to end: papermill really runs the notebooks, the PDF is really rendered,
and its text is read back and checked against the tables."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from conftest import pdf_text

pytestmark = pytest.mark.e2e


def casualties(out) -> dict:
    t = pd.read_csv(out / "tables" / "casualties.csv", keep_default_na=False)
    return {(r.province_code, r.victim_category, r.outcome):
            (int(r.low), int(r.best), None if r.high == "" else int(r.high))
            for r in t.itertuples()}


def test_small_log_tables_to_the_unit(small_report):
    c = casualties(small_report)
    # KP-1: tribune civ 2, sf 3, total over 6 (7+); ISPR sf 3, mil 4; the armed group's "twelve"
    # soldiers is a claim and not counted. Categories 2 + 3 + 4 = 9 already explain the 7+:
    # unknown 0 (0 and open, as the total is), all 9 (9 and open).
    assert c[("PK-KP", "civilians", "killed")] == (2, 2, 2)
    assert c[("PK-KP", "security_forces", "killed")] == (3, 3, 3)
    assert c[("PK-KP", "militants", "killed")] == (4, 4, 4)
    assert c[("PK-KP", "unknown", "killed")] == (0, 0, None)
    assert c[("PK-KP", "all", "killed")] == (9, 9, None)
    # A total of 4 injured with no breakdown: all of it unknown.
    assert c[("PK-KP", "unknown", "injured")] == (4, 4, 4)
    assert c[("PK-KP", "all", "injured")] == (4, 4, 4)
    # SD-1 ("Sind" is Sindh): civilians seven and 9 -> 7..9, best 7 (lower median); Dawn's
    # total 9 leaves 2 unexplained (0..2), so all = 9.
    assert c[("PK-SD", "civilians", "killed")] == (7, 7, 9)
    assert c[("PK-SD", "unknown", "killed")] == (0, 2, 2)
    assert c[("PK-SD", "all", "killed")] == (9, 9, 9)
    # injured: "about 15" civilians and a total of 20: 5 unknown, all 20.
    assert c[("PK-SD", "unknown", "injured")] == (5, 5, 5)
    assert c[("PK-SD", "all", "injured")] == (20, 20, 20)
    assert len(c) == 7 + 6  # exactly the rows that have data


def test_small_log_outputs_and_claims(small_report):
    claims = pd.read_csv(small_report / "tables" / "claims.csv", keep_default_na=False)
    assert claims[["event_id", "claimed", "counted_best"]].values.tolist() == [["KP-1", "twelve", 3]]
    victims = pd.read_csv(small_report / "tables" / "victims_by_home_province.csv")
    assert victims[["home_province", "best", "basis"]].values.tolist() == [["Punjab", 2, "reported"]]
    audit = pd.read_csv(small_report / "audit.csv", keep_default_na=False)
    assert audit["rows"].sum() == 5 + 4 + 1 and set(audit["fate"]) == {"kept"}


def test_small_log_pdf_text_matches_tables(small_report):
    text = pdf_text(small_report / "briefing.pdf")
    assert "Fixture briefing" in text
    for words in ("Key figures", "Casualties by province", "Khyber Pakhtunkhwa", "Sindh",
                  "Perpetrator claims", "Methodology", "Sources", "data quality"):
        assert words in text, words
    # The key figure: 9 + 9 killed, open-ended because KP-1's total is.
    lines = [ln for ln in text.splitlines() if ln.strip()]
    at = next(i for i, ln in enumerate(lines) if "killed in all" in ln)
    assert lines[at - 1].split()[0] == "18" and lines[at + 1].split()[:2] == ["range", "18+"]
    assert "Khyber Pakhtunkhwa and Sindh, Pakistan" in text
    # Page numbers and no leaked code or missing values.
    assert re.search(r"Page 1 of \d+", text)
    for bad in ("nan", "None", "Traceback", "import ", "In [", "<NA>"):
        assert not re.search(rf"(?<![A-Za-z]){re.escape(bad)}(?![A-Za-z])", text), bad


def test_shipped_briefing_meets_the_contract(shipped_report):
    """The issue's acceptance figures, read from the tables and the PDF of the shipped data."""
    c = casualties(shipped_report)
    assert c[("PK-BA", "civilians", "killed")][0] >= 23
    assert c[("PK-BA", "security_forces", "killed")][0] >= 14
    assert c[("PK-BA", "all", "killed")][0] >= 41  # the seed's "over 40"
    claims = pd.read_csv(shipped_report / "tables" / "claims.csv", keep_default_na=False)
    assert claims["claimant"].str.contains("Baloch Liberation Army").all() and len(claims) >= 3
    victims = pd.read_csv(shipped_report / "tables" / "victims_by_home_province.csv")
    assert "Punjab" in set(victims["home_province"])
    text = pdf_text(shipped_report / "briefing.pdf")
    for name in ("Musakhail", "Balochistan", "Punjab", "Perpetrator claims"):
        assert name in text, name
    # Every counted province figure in the PDF's province table is the table's figure.
    best = c[("PK-BA", "all", "killed")][1]
    assert f"{best}" in text


def test_html_is_self_contained(shipped_report):
    html = (shipped_report / "briefing.html").read_text(encoding="utf-8")
    assert "<svg" in html
    assert not re.search(r"""(src|href)=["']https?://""", html.split("<section class=\"sources\"")[0])
    assert not re.search(r"<(script|link)\b", html)
    assert "@import" not in html and "url(http" not in html
