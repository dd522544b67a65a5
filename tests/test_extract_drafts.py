"""Tests for sitrep.extract.drafts: the draft incident-log and victims rows."""

from __future__ import annotations

from pathlib import Path

from sitrep.extract import draft_incidents, draft_victims
from sitrep.extract.candidates import rule_figures

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_1a76105c3b426e2f.txt"


def test_draft_incident_for_the_seed():
    text = SEED.read_text(encoding="utf-8")
    c = rule_figures(text, SEED.name)
    row = draft_incidents(c, {SEED.name: text}).iloc[0]
    assert row["killed_civilians"] == "23"
    assert row["killed_security_forces"] == "14"
    assert row["killed_total"] == "over 40"
    assert row["killed_unknown"] == ""  # the 14 and 9 are parts of the total
    assert row["province"] == "Balochistan"
    assert row["perpetrator"] == "Baloch Liberation Army"


def test_home_province_reported_and_inferred():
    c = rule_figures("Seven labourers from Punjab and four Sindhi drivers were killed.",
                        "h.txt")
    assert set(zip(c["low"], c["home_province"])) == {(7, "Punjab"), (4, "Sindhi")}
    v = draft_victims(c)
    assert set(zip(v["home_province"], v["basis"])) == {("Punjab", "reported"),
                                                        ("Sindh", "inferred")}
