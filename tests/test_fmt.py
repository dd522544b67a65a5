"""sitrep.brief.fmt: how numbers, ranges, dates and text appear in the briefing.

Every function of the module: missing, esc, num, span, figure, date, period, plural, join.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sitrep.brief import fmt

DASH = "\u2013"  # the en dash of ranges and periods


@pytest.mark.parametrize("value, expected", [
    ("", True),              # an empty cell read back from a CSV table
    (None, True),
    (float("nan"), True),
    (pd.NA, True),
    (pd.NaT, True),
    (np.nan, True),
    ("0", False),            # text, even when it reads as zero
    (0, False),              # zero is a figure, not a missing one
    (" ", False),
    ("x", False),
])
def test_missing(value, expected):
    assert fmt.missing(value) is expected


def test_esc_escapes_markup_and_both_quotes():
    # html.escape with quote=True: & < > " ' all become entities.
    assert fmt.esc("<b>A & B</b>") == "&lt;b&gt;A &amp; B&lt;/b&gt;"
    assert fmt.esc("it's \"x\"") == "it&#x27;s &quot;x&quot;"


def test_esc_of_missing_is_empty_never_nan_or_none():
    for x in (None, float("nan"), pd.NA, pd.NaT, ""):
        assert fmt.esc(x) == ""


def test_esc_turns_other_values_into_text():
    assert fmt.esc(12) == "12"
    assert fmt.esc(2.5) == "2.5"


@pytest.mark.parametrize("value, expected", [
    (0, "0"),
    (14, "14"),
    (1200, "1,200"),
    (1234567, "1,234,567"),
    (12.0, "12"),                 # a float from a table is shown as a whole number
    (np.int64(2500), "2,500"),
    ("41", "41"),                 # text of a number, as read from a CSV
    (None, ""),
    (pd.NA, ""),
    ("", ""),
])
def test_num(value, expected):
    assert fmt.num(value) == expected


@pytest.mark.parametrize("low, high, expected", [
    (26, 38, f"26{DASH}38"),
    (1200, 1500, f"1,200{DASH}1,500"),
    (41, None, "41+"),             # open-ended
    (41, pd.NA, "41+"),
    (1200, float("nan"), "1,200+"),
    (14, 14, "14"),                # the sources agree: one number
    (None, 5, ""),                 # no low: nothing to show
    ("", "", ""),
])
def test_span(low, high, expected):
    assert fmt.span(low, high) == expected


@pytest.mark.parametrize("low, best, high, expected", [
    (26, 30, 38, f"30 (26{DASH}38)"),
    (14, 14, 14, "14"),                 # no disagreement: the best alone
    (41, 42, pd.NA, "42 (41+)"),
    (41, 41, pd.NA, "41 (41+)"),         # open: the range is shown even when best == low
    (1000, 1200, 1500, f"1,200 (1,000{DASH}1,500)"),
    (5, None, 8, ""),                   # no best: nothing
    (5, pd.NA, 8, ""),
])
def test_figure(low, best, high, expected):
    assert fmt.figure(low, best, high) == expected


@pytest.mark.parametrize("value, expected", [
    ("2024-08-26", "26 August 2024"),
    ("2024-01-05", "5 January 2024"),   # no leading zero on the day
    (pd.Timestamp("2015-12-31"), "31 December 2015"),
    ("", ""),
    (None, ""),
    (pd.NaT, ""),
])
def test_date(value, expected):
    assert fmt.date(value) == expected


@pytest.mark.parametrize("start, end, expected", [
    ("2024-08-26", "2024-08-26", "26 August 2024"),                       # one day
    ("2024-08-25", "2024-08-26", f"25{DASH}26 August 2024"),              # one month
    ("2015-01-01", "2015-12-31", f"1 January {DASH} 31 December 2015"),   # one year
    ("2023-12-30", "2024-01-02", f"30 December 2023 {DASH} 2 January 2024"),
    ("", "2024-08-26", ""),
    (None, "2024-08-26", ""),
])
def test_period(start, end, expected):
    assert fmt.period(start, end) == expected


@pytest.mark.parametrize("n, args, expected", [
    (1, ("incident",), "1 incident"),
    (0, ("incident",), "0 incidents"),
    (2, ("source",), "2 sources"),
    (1200, ("report",), "1,200 reports"),
    (1, ("person", "people"), "1 person"),
    (3, ("person", "people"), "3 people"),
])
def test_plural(n, args, expected):
    assert fmt.plural(n, *args) == expected


@pytest.mark.parametrize("items, expected", [
    ([], ""),
    (["a"], "a"),
    (["a", "b"], "a and b"),
    (["a", "b", "c"], "a, b and c"),
    (["a", "", "b"], "a and b"),   # empty items are dropped before joining
    (["", ""], ""),
])
def test_join(items, expected):
    assert fmt.join(items) == expected
