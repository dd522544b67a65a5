"""sitrep.clean.filters: COUNTRY, PROVINCE, START and END, checked once and applied to events.

make_filters with names, aliases and ISO codes; bad dates, swapped dates, unknown countries and
provinces are InputError with a clear message; describe(); reasons() on a small event frame;
unmatched_province.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from sitrep.clean.filters import Filters, make_filters, unmatched_province
from sitrep.problems import InputError


def test_no_filters():
    f = make_filters()
    assert f == Filters()
    assert (f.country, f.province, f.start, f.end, f.country_code) == ("", "", None, None, "")
    assert f.describe() == "no filters"


@pytest.mark.parametrize("country, province, code", [
    ("Pakistan", "Balochistan", "PK-BA"),     # official names
    ("pakistan", "  Baluchistan ", "PK-BA"),   # an alias, any case, trimmed
    ("PK", "PK-BA", "PK-BA"),                 # ISO 3166 codes
    ("Pakistan", "NWFP", "PK-KP"),            # an old name through the alias table
    ("Pakistan", "Sind", "PK-SD"),
])
def test_provinces_by_name_alias_or_code(country, province, code):
    f = make_filters(country, province)
    assert f.country_code == "PK"
    assert f.province_code_in("PK") == code


def test_province_without_country_resolves_in_each_country():
    f = make_filters(province="Balochistan")
    assert f.country_code == ""
    assert f.province_code_in("PK") == "PK-BA"
    assert f.province_code_in("IN") is None  # no province of that name in India


def test_dates_are_parsed_and_described():
    f = make_filters("Pakistan", "Baluchistan", " 2024-08-01", "2024-08-31 ")
    assert (f.start, f.end) == (dt.date(2024, 8, 1), dt.date(2024, 8, 31))
    # describe() says the filters as the analyst wrote them.
    assert f.describe() == ("country Pakistan, province Baluchistan, "
                            "from 2024-08-01 to 2024-08-31")
    assert make_filters(start="2024-08-01").describe() == "from 2024-08-01 to the end"
    assert make_filters(end="2024-08-31").describe() == "from the start to 2024-08-31"
    assert make_filters(province="PK-BA").describe() == "province PK-BA"


@pytest.mark.parametrize("kwargs, message", [
    ({"start": "2024-13-01"},
     "START='2024-13-01' is not a date - write it as YYYY-MM-DD, e.g. START=2024-08-01"),
    ({"end": "31/08/2024"},
     "END='31/08/2024' is not a date - write it as YYYY-MM-DD, e.g. START=2024-08-01"),
    ({"start": "2024-09-01", "end": "2024-08-01"},
     "START=2024-09-01 is after END=2024-08-01 - swap them"),
    ({"country": "Pakistn"},
     "COUNTRY='Pakistn' is not a country - did you mean 'Pakistan'?"),
    ({"country": "Xyzzyq"},
     "COUNTRY='Xyzzyq' is not a country - use the English name"),
    ({"country": "Pakistan", "province": "Blochistan"},
     "PROVINCE='Blochistan' is not a province of Pakistan - did you mean 'Balochistan'?"),
])
def test_bad_filters_are_input_errors_with_a_clear_message(kwargs, message):
    with pytest.raises(InputError) as e:
        make_filters(**kwargs)
    assert str(e.value) == message
    assert e.value.problems == []  # a message of its own, not a list of rows


def test_a_province_far_from_any_name_still_gets_a_suggestion():
    with pytest.raises(InputError, match=r"^PROVINCE='Zzzzzz' is not a province of Pakistan - "
                                         r"did you mean '.+'\?$"):
        make_filters("Pakistan", "Zzzzzz")


def test_a_province_in_a_country_without_provinces_is_an_input_error():
    with pytest.raises(InputError, match="is not a province of"):
        make_filters("VA", "Anything")


def events(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["country_code", "province_code", "event_date"]) \
        .assign(event_date=lambda d: pd.to_datetime(d["event_date"]))


def test_reasons_name_the_first_filter_each_row_is_outside():
    f = make_filters("Pakistan", "Balochistan", "2024-08-01", "2024-08-31")
    frame = events(
        ("PK", "PK-BA", "2024-08-26"),  # inside
        ("IN", "IN-RJ", "2024-08-26"),  # another country
        ("PK", "PK-SD", "2024-08-26"),  # another province
        ("PK", "PK-BA", "2024-07-31"),  # the day before START
        ("PK", "PK-BA", "2024-09-01"),  # the day after END
        ("PK", "PK-BA", "2024-08-01"),  # START and END are inclusive
        ("PK", "PK-BA", "2024-08-31"),
        ("AF", "AF-KAN", "2023-01-01"),  # outside twice: the country is named, first
    )
    assert f.reasons(frame).tolist() == [
        "", "outside COUNTRY=Pakistan", "outside PROVINCE=Balochistan",
        "before START=2024-08-01", "after END=2024-08-31", "", "",
        "outside COUNTRY=Pakistan"]


def test_reasons_for_a_province_without_country():
    f = make_filters(province="Baluchistan")
    frame = events(("PK", "PK-BA", "2024-08-26"), ("PK", "PK-PB", "2024-08-26"),
                   ("IN", "IN-PB", "2024-08-26"))
    # Resolved per row's country: India has no Baluchistan, so nothing there matches.
    assert f.reasons(frame).tolist() == ["", "outside PROVINCE=Baluchistan",
                                         "outside PROVINCE=Baluchistan"]


def test_reasons_keep_rows_without_a_date_and_the_index():
    f = make_filters(start="2024-08-01")
    frame = events(("PK", "PK-BA", None), ("PK", "PK-BA", "2024-01-01"))
    frame.index = [10, 20]
    r = f.reasons(frame)
    assert r.to_dict() == {10: "", 20: "before START=2024-08-01"}


def test_no_filters_keep_everything():
    frame = events(("PK", "PK-BA", "2024-08-26"), ("IN", "IN-RJ", "1999-01-01"))
    assert make_filters().reasons(frame).tolist() == ["", ""]


def test_unmatched_province():
    codes = np.array(["IN", "", "AF"], dtype=object)
    # PROVINCE names no province of India or Afghanistan (the empty code is skipped).
    assert unmatched_province(make_filters(province="Balochistan"), codes) == (
        "PROVINCE='Balochistan' is not a province of any country in the data - check the "
        "spelling or give COUNTRY too")
    # It names one in Pakistan: fine.
    assert unmatched_province(make_filters(province="Balochistan"),
                              np.array(["IN", "PK"], dtype=object)) is None
    # No PROVINCE, or a COUNTRY that already checked it: nothing to say.
    assert unmatched_province(make_filters(), codes) is None
    assert unmatched_province(make_filters("Pakistan", "Balochistan"), codes) is None
