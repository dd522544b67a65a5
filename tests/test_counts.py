"""The count grammar: what a source said -> low/high, or an error that says how to write it."""

import pytest

from sitrep.counts import Count, CountError, parse_count


@pytest.mark.parametrize("text, low, high, approx", [
    ("23", 23, 23, False),
    ("1,200", 1200, 1200, False),
    ("nine", 9, 9, False),
    ("twenty-three", 23, 23, False),
    ("a dozen", 12, 12, False),
    ("one hundred and five", 105, 105, False),
    ("over 40", 41, None, False),
    ("more than 40", 41, None, False),
    ("at least 40", 40, None, False),
    ("40+", 40, None, False),
    ("14-20", 14, 20, False),
    ("14 – 20", 14, 20, False),
    ("14 to 20", 14, 20, False),
    ("between 14 and 20", 14, 20, False),
    ("about 30", 30, 30, True),
    ("around 30", 30, 30, True),
    ("some 30", 30, 30, True),
    ("~30", 30, 30, True),
    ("up to 20", 0, 20, False),
    ("  Over   Forty ", 41, None, False),
    ("0", 0, 0, False),
    ("none", 0, 0, False),
    (23.0, 23, 23, False),
])
def test_grammar(text, low, high, approx):
    assert parse_count(text) == Count(low, high, approx)


@pytest.mark.parametrize("text", ["", "unknown", "not reported", "n/a", None, float("nan")])
def test_not_reported_is_not_zero(text):
    assert parse_count(text) is None


@pytest.mark.parametrize("text, words", [
    ("-3", "negative"),
    ("several", "not a count"),
    ("2.5", "whole number"),
    ("20-14", "runs backwards"),
    ("three four", "not a count"),
])
def test_errors_say_how_to_fix(text, words):
    with pytest.raises(CountError) as err:
        parse_count(text)
    assert words in str(err.value)
    assert " - " in str(err.value)  # every message carries a fix


def test_point_figure_is_number_midpoint_or_bound():
    assert parse_count("23").point == 23
    assert parse_count("10-15").point == 12  # midpoint rounded down
    assert parse_count("over 40").point == 41  # the bound of an open figure
