"""The previous period (sitrep/clean/previous.py and the comparison table): the same span
before START, whole months for whole months, counted by the same rule, and a plain count of
the file agrees with the change the briefing shows."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from conftest import FIXTURES, pdf_text, run_pipeline
from sitrep.clean.filters import make_filters
from sitrep.clean.previous import window

NIGERIA = FIXTURES / "real_shaped" / "acled_2024_nigeria.csv"


def test_the_window_before_is_whole_months_or_the_same_days():
    assert window(make_filters(start="2024-03-01", end="2024-03-31")) == (
        dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert window(make_filters(start="2024-01-01", end="2024-06-30")) == (
        dt.date(2023, 7, 1), dt.date(2023, 12, 31))
    assert window(make_filters(start="2024-08-25", end="2024-08-26")) == (
        dt.date(2024, 8, 23), dt.date(2024, 8, 24))
    assert window(make_filters(start="2024-08-25")) is None


def test_a_months_briefing_compares_it_with_the_month_before(tmp_path):
    proc = run_pipeline(NIGERIA, tmp_path / "out", tmp_path / "work", "--country", "Nigeria",
                        "--start", "2024-03-01", "--end", "2024-03-31")
    assert proc.returncode == 0, proc.stderr
    c = pd.read_csv(tmp_path / "out" / "tables" / "comparison.csv", keep_default_na=False)
    killed = c[(c["victim_category"] == "all") & (c["outcome"] == "killed")]
    got = killed.groupby("period")["best"].sum().to_dict()
    incidents = c.drop_duplicates(["period", "province_code"]).groupby("period")[
        "incidents"].sum().to_dict()
    # A plain count of the file, month by month.
    raw = pd.read_csv(NIGERIA)
    month = pd.to_datetime(raw["event_date"], format="mixed").dt.strftime("%Y-%m")
    plain = raw.groupby(month)["fatalities"].sum()
    events = raw.groupby(month).size()
    assert got == {"current": plain["2024-03"], "previous": plain["2024-02"]}
    assert incidents == {"current": events["2024-03"], "previous": events["2024-02"]}
    change = int(plain["2024-03"] - plain["2024-02"])
    text = " ".join(pdf_text(tmp_path / "out" / "briefing.pdf", layout=False).split())
    assert "Compared with the previous period" in text and f"+{change:,}" in text


def test_without_start_and_end_the_briefing_says_there_is_nothing_to_compare(shipped_report):
    text = " ".join(pdf_text(shipped_report / "briefing.pdf", layout=False).split())
    assert "Nothing to compare with: the briefing has no START and END to compare" in text
    assert pd.read_csv(shipped_report / "tables" / "comparison.csv").empty
