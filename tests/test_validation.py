"""Issue 4 at unit level: every fault of the incident log is found, with file, line, column, value,
what is wrong and how to fix it, and every input row ends up in the audit with its fate.

Each test takes a fresh copy of the clean base log (tests/fixtures/bad/base, see its README for
what is on which line) through the ``bad_log`` fixture, makes one edit and calls ``read_native``
directly. Line numbers are as a spreadsheet shows them: the header is line 1.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from sitrep import clean
from sitrep.clean.filters import make_filters
from sitrep.problems import InputError, errors, warnings
from sitrep.clean.readers.native import read_native
from sitrep.clean.reconcile import reconcile
from sitrep.tabulate.tables import casualties

BASE = Path(__file__).parent / "fixtures" / "bad" / "base"
TODAY = dt.date(2025, 6, 30)  # after every date of the base log
FILES = ("incidents.csv", "sources.csv", "victims.csv")
# The base log: 8 reports, 8 sources, 3 victims rows.
BASE_ROWS = {"incidents.csv": 8, "sources.csv": 8, "victims.csv": 3}


def read(log, today: dt.date = TODAY, **filters):
    return read_native(log.folder, make_filters(**filters), today=today)


def input_rows(log) -> dict[str, int]:
    """Data rows of each file, counted independently of sitrep (csv records minus the header)."""
    out = {}
    for name in FILES:
        with open(log.file(name), newline="", encoding="utf-8") as fh:
            out[name] = sum(1 for r in csv.reader(fh) if any(c.strip() for c in r)) - 1
    return out


def fates(result) -> dict[tuple[str, int], tuple[str, str]]:
    """(file, line) -> (fate, reason) from the audit."""
    a = result.audit
    return {(f, int(ln)): (fate, reason)
            for f, ln, fate, reason in zip(a["file"], a["line"], a["fate"], a["reason"])}


def assert_accounted(result, log) -> None:
    """One audit row per input row, and the rows add up to the input's row count, per file."""
    a = result.audit
    assert set(a["fate"]) <= {"kept", "merged", "filtered", "rejected"}
    assert (pd.to_numeric(a["rows"]) == 1).all()
    expected = input_rows(log)
    assert int(pd.to_numeric(a["rows"]).sum()) == sum(expected.values())
    got = a.assign(rows=pd.to_numeric(a["rows"])).groupby("file")["rows"].sum().to_dict()
    assert got == expected
    assert not a.duplicated(["file", "line"]).any()


def only_error(result):
    errs = errors(result.problems)
    assert len(errs) == 1, "\n".join(map(str, result.problems))
    return errs[0]


def assert_problem(p, file, line, column, value, message, fix) -> None:
    """The problem's fields, and its one-line form `FILE:LINE: column 'C': value 'V': ... - ...`."""
    assert (p.file, p.line, p.column, p.value) == (file, line, column, value), p
    assert message in p.message, p
    assert fix in p.fix, p
    assert str(p).startswith(f"{file}:{line}: column '{column}': value '{value}': {p.message} - ")
    assert str(p).endswith(p.fix)


# --- the clean base --------------------------------------------------------------------------

def test_base_log_is_clean_and_every_row_is_kept(bad_log):
    r = read(bad_log)
    assert r.problems == []
    assert input_rows(bad_log) == BASE_ROWS
    assert_accounted(r, bad_log)
    assert set(r.audit["fate"]) == {"kept"}
    assert len(r.reports) == 8 and len(r.victims) == 3
    assert r.reports["event_id"].nunique() == 4


def test_log_copy_rewrites_the_base_byte_for_byte(bad_log):
    """The fixture's edits only change what they are asked to (csv round trip is exact)."""
    for name in FILES:
        before = bad_log.file(name).read_bytes()
        bad_log.write_rows(bad_log.rows(name), name)
        assert bad_log.file(name).read_bytes() == before


# --- missing columns: the whole file is unusable, so read_native raises at once ---------------

@pytest.mark.parametrize("name,column", [
    ("incidents.csv", "event_date"),
    ("incidents.csv", "province"),
    ("incidents.csv", "source_id"),
    ("sources.csv", "source_type"),
    ("victims.csv", "basis"),
])
def test_missing_required_column_is_named_with_the_columns_found(bad_log, name, column):
    found = [c for c in bad_log.rows(name)[0] if c != column]
    bad_log.drop_column(column, name)
    with pytest.raises(InputError) as exc:
        read(bad_log)
    [p] = exc.value.problems
    assert_problem(p, name, 1, column, "", "required column is missing",
                   f"add a '{column}' column to the header row")
    assert p.fix.endswith(f"(columns found: {', '.join(found)})")
    assert f"  {p}" in str(exc.value).splitlines()


def test_misspelt_column_gets_a_rename_hint(bad_log):
    bad_log.rename_column("province", "Province")
    with pytest.raises(InputError) as exc:
        read(bad_log)
    [p] = exc.value.problems
    assert_problem(p, "incidents.csv", 1, "province", "", "required column is missing",
                   "rename 'Province' to 'province'")


def test_missing_columns_in_several_files_are_all_reported(bad_log):
    bad_log.drop_column("event_date").drop_column("country")
    bad_log.drop_column("source_type", "sources.csv")
    with pytest.raises(InputError) as exc:
        read(bad_log)
    got = {(p.file, p.line, p.column) for p in exc.value.problems}
    assert got == {("incidents.csv", 1, "event_date"), ("incidents.csv", 1, "country"),
                   ("sources.csv", 1, "source_type")}
    assert str(exc.value).startswith("3 problems in the input:")


# --- one faulty cell: one problem, one rejected row, everything else kept ---------------------

CELL_FAULTS = [
    # id, (line, column, value, file), expected message, expected fix
    ("count-words", (3, "killed_total", "several", "incidents.csv"),
     "not a count this tool can read", "write a whole number (23, 1,200, twenty-three)"),
    ("count-negative", (6, "killed_civilians", "-3", "incidents.csv"),
     "a count cannot be negative", "write a whole number"),
    ("count-fraction", (2, "killed_security_forces", "4.5", "incidents.csv"),
     "a count must be a whole number of people", "write a whole number"),
    ("count-backwards", (3, "killed_total", "9-5", "incidents.csv"),
     "the range runs backwards (9 > 5)", "write it as '5-9'"),
    ("date-not-iso", (4, "event_date", "09/05/2024", "incidents.csv"),
     "is not an ISO date", "write it as YYYY-MM-DD"),
    ("date-not-real", (2, "event_date", "2024-02-30", "incidents.csv"),
     "is not a real date", "check the day and month"),
    ("date-future", (8, "event_date", "2099-10-02", "incidents.csv"),
     "lies in the future", "check the year"),
    ("date-empty", (8, "event_date", "", "incidents.csv"),
     "is empty", "give the date as YYYY-MM-DD"),
    ("date-before-1900", (2, "event_date", "1024-03-14", "incidents.csv"),
     "lies before 1900", "check the year"),
    ("date-or-words", (2, "event_date", "2024-03-14 or 15", "incidents.csv"),
     "holds more than a date", "give one date as YYYY-MM-DD (the first day when unsure)"),
    ("date-approx-words", (2, "event_date", "approx 2024-03-14", "incidents.csv"),
     "holds more than a date", "put the rest in notes"),
    ("count-impossible", (2, "killed_security_forces", "12345678901234567890", "incidents.csv"),
     "is more people than any count can hold (over 100,000,000)", "check the cell"),
    ("victims-count-impossible", (2, "count", "99999999999", "victims.csv"),
     "is more people than any count can hold", "check the cell"),
    ("province-typo", (4, "province", "Blochistan", "incidents.csv"),
     "is not a province of this country", "did you mean 'Balochistan'?"),
    ("province-typo-kp", (2, "province", "Khyber Pakhtunkwa", "incidents.csv"),
     "is not a province of this country", "did you mean 'Khyber Pakhtunkhwa'"),
    ("province-empty", (3, "province", "", "incidents.csv"),
     "is empty", "name the province"),
    ("event-id-empty", (3, "event_id", "", "incidents.csv"),
     "is empty", "every row needs a value here"),
    ("source-unknown", (7, "source_id", "dawn-khi-2", "incidents.csv"),
     "is not in sources.csv", "add a row for 'dawn-khi-2' to sources.csv or correct the id"),
    ("part-of-unknown", (6, "part_of", "SD-2024-07", "incidents.csv"),
     "names no event_id in this log", "correct the id"),
    ("part-of-itself", (3, "part_of", "KP-2024-03-BNU", "incidents.csv"),
     "an event cannot be part of itself", "name its episode's event_id"),
    ("victims-count", (2, "count", "several", "victims.csv"),
     "not a count this tool can read", "write a whole number"),
    ("victims-count-empty", (2, "count", "", "victims.csv"),
     "is empty", "give the number of victims"),
    ("victims-category", (4, "victim_category", "workers", "victims.csv"),
     "is not a known category", "use one of: civilians, security_forces, militants"),
    ("victims-source", (4, "source_id", "nobody", "victims.csv"),
     "is not in the sources", "add it to the sources or correct it"),
]


@pytest.mark.parametrize("edit,message,fix", [c[1:] for c in CELL_FAULTS],
                         ids=[c[0] for c in CELL_FAULTS])
def test_one_faulty_cell_gives_one_located_problem(bad_log, edit, message, fix):
    line, column, value, name = edit
    bad_log.set(line, column, value, name)
    r = read(bad_log)
    assert_problem(only_error(r), name, line, column, value, message, fix)
    f = fates(r)
    assert f[(name, line)] == ("rejected", f"column '{column}': {only_error(r).message}")
    others = {k: v for k, v in f.items() if k != (name, line)}
    # Everything else is kept, except a victims figure of the rejected report, which goes
    # with its report.
    assert {v for k, v in others.items() if v[0] != "kept"} <= {
        ("rejected", "its report in the incident log was rejected")}
    assert all(k[0] == "victims.csv" for k, v in others.items() if v[0] != "kept")
    assert_accounted(r, bad_log)


def test_future_date_is_relative_to_today(bad_log):
    bad_log.set(8, "event_date", "2025-07-01").set(9, "event_date", "2025-07-01")
    assert read(bad_log, today=dt.date(2025, 7, 1)).problems == []
    errs = errors(read(bad_log, today=dt.date(2025, 6, 30)).problems)
    assert [p.line for p in errs] == [8, 9]
    for p in errs:
        assert_problem(p, "incidents.csv", p.line, "event_date", "2025-07-01",
                       "lies in the future", "events must have happened already")


def test_province_aliases_and_codes_are_not_faults(bad_log):
    bad_log.set(4, "province", "Baluchistan").set(5, "province", "PK-BA")
    bad_log.set(6, "province", "Sind").set(8, "province", "Punjab province")
    assert read(bad_log).problems == []


@pytest.mark.parametrize("value,fix", [("Pakistn", "did you mean 'Pakistan'"),
                                       ("", "name the country, e.g. Pakistan")],
                         ids=["typo", "empty"])
def test_unknown_country_is_a_located_problem(bad_log, value, fix):
    bad_log.set(6, "country", value)
    r = read(bad_log)
    msg = "is not a country this tool knows" if value else "is empty"
    assert_problem(only_error(r), "incidents.csv", 6, "country", value, msg, fix)
    assert fates(r)[("incidents.csv", 6)][0] == "rejected"
    assert_accounted(r, bad_log)


def test_unknown_source_type_rejects_the_source_and_its_reports(bad_log):
    bad_log.set(5, "source_type", "government", "sources.csv")
    r = read(bad_log)
    errs = sorted(errors(r.problems), key=lambda p: p.file, reverse=True)
    assert len(errs) == 2
    assert_problem(errs[0], "sources.csv", 5, "source_type", "government",
                   "is not a known source type",
                   "use one of: official, media, ngo, perpetrator_claim, other")
    assert_problem(errs[1], "incidents.csv", 5, "source_id", "police-qta",
                   "its row in sources.csv was rejected", "fix that row in sources.csv")
    f = fates(r)
    assert f[("sources.csv", 5)][0] == "rejected" and f[("incidents.csv", 5)][0] == "rejected"
    assert "police-qta" not in set(r.sources["source_id"])
    assert_accounted(r, bad_log)


def test_duplicate_source_id_is_an_error(bad_log):
    line = bad_log.append_copy(3, "sources.csv", publisher="Express News")
    r = read(bad_log)
    assert_problem(only_error(r), "sources.csv", line, "source_id", "express-bnu",
                   "is already used at line 3", "give each source its own id")
    assert fates(r)[("sources.csv", line)][0] == "rejected"
    assert_accounted(r, bad_log)


def test_unquoted_comma_in_the_last_column_is_an_extra_cell(bad_log):
    bad_log.set_line_text(7, bad_log.line_text(7) + ", police said")
    r = read(bad_log)
    assert_problem(only_error(r), "incidents.csv", 7, "(row)", "police said",
                   "the row has 22 or more cells but the header has 21",
                   "put text that contains commas in double quotes")
    assert fates(r)[("incidents.csv", 7)][0] == "rejected"
    assert_accounted(r, bad_log)


def test_unquoted_comma_mid_row_is_reported_on_its_line(bad_log):
    text = bad_log.line_text(8)
    bad_log.set_line_text(8, text.replace("Kohe Suleman range", "Kohe Suleman, range"))
    r = read(bad_log)
    errs = errors(r.problems)
    assert {p.line for p in errs} == {8}
    assert ("incidents.csv", 8, "(row)") in {(p.file, p.line, p.column) for p in errs}
    assert fates(r)[("incidents.csv", 8)][0] == "rejected"
    assert_accounted(r, bad_log)


def test_unquoted_comma_mid_row_is_rejected_for_the_extra_cells(bad_log):
    text = bad_log.line_text(8)
    bad_log.set_line_text(8, text.replace("Kohe Suleman range", "Kohe Suleman, range"))
    fate, reason = fates(read(bad_log))[("incidents.csv", 8)]
    assert fate == "rejected" and reason.startswith("column '(row)': the row has 22 or more")


def test_same_event_and_source_twice_with_other_figures_is_an_error(bad_log):
    line = bad_log.append_copy(8, killed_security_forces="3", killed_total="3")
    r = read(bad_log)
    assert_problem(only_error(r), "incidents.csv", line, "source_id", "tribune-dgk",
                   "event 'PB-2024-10-DGK' already has a report from this source at line 8",
                   "merge the two rows, or give the second version its own source id")
    f = fates(r)
    assert f[("incidents.csv", 8)][0] == "kept" and f[("incidents.csv", line)][0] == "rejected"
    assert_accounted(r, bad_log)


def test_exact_duplicate_row_is_merged_not_an_error(bad_log):
    line = bad_log.append_copy(4)
    r = read(bad_log)
    assert errors(r.problems) == []
    assert fates(r)[("incidents.csv", line)] == ("merged", "exact duplicate of line 4")
    assert_accounted(r, bad_log)
    base = read_native(BASE, make_filters(), today=TODAY)
    pd.testing.assert_frame_equal(casualties(reconcile(r.reports, r.figures)),
                                  casualties(reconcile(base.reports, base.figures)))


def test_exact_duplicate_source_is_merged_not_an_error(bad_log):
    line = bad_log.append_copy(3, "sources.csv")
    r = read(bad_log)
    assert fates(r)[("sources.csv", line)] == ("merged", "exact duplicate of line 3")
    assert errors(r.problems) == []


def test_total_below_the_sum_of_its_categories_is_a_warning_only(bad_log):
    bad_log.set(6, "killed_total", "2")
    r = read(bad_log)
    assert errors(r.problems) == []
    [w] = warnings(r.problems)
    assert_problem(w, "incidents.csv", 6, "killed_total", "2",
                   "is smaller than the sum of its own categories (3)", "check the figures")
    assert set(r.audit["fate"]) == {"kept"}
    clean.enforce(r, allow_rejects=False)  # a warning never stops the build


@pytest.mark.parametrize("column,value,message,fix", [
    ("home_province", "Panjaab", "is not a province", "did you mean 'Punjab'"),
    ("event_id", "SD-2024-07-XXX", "names no event in the incident log", "correct the id"),
], ids=["home-province", "event-id"])
def test_victims_row_with_unknown_place_or_event(bad_log, column, value, message, fix):
    bad_log.set(3, column, value, "victims.csv")
    r = read(bad_log)
    assert_problem(only_error(r), "victims.csv", 3, column, value, message, fix)
    assert fates(r)[("victims.csv", 3)][0] == "rejected"
    assert_accounted(r, bad_log)


# --- line numbers as a spreadsheet shows them ------------------------------------------------

def test_blank_lines_keep_the_spreadsheet_line_numbers(bad_log):
    """A blank line is an empty row in a spreadsheet: the rows below keep their numbers."""
    bad_log.set_line_text(4, "\n" + bad_log.line_text(4))  # lines 5.. move down by one
    bad_log.set_line_text(7, bad_log.line_text(7).replace(",2,,1,,3,", ",2,,1,,lots,"))
    r = read(bad_log)
    assert_problem(only_error(r), "incidents.csv", 7, "killed_total", "lots",
                   "not a count", "write a whole number")
    assert fates(r)[("incidents.csv", 7)][0] == "rejected"
    assert sorted(ln for f, ln in fates(r) if f == "incidents.csv") == [2, 3, 5, 6, 7, 8, 9, 10]


def test_crlf_line_ends_keep_the_line_numbers(bad_log):
    bad_log.set(6, "killed_total", "lots")
    path = bad_log.file()
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert only_error(read(bad_log)).line == 6


def test_a_line_break_inside_a_cell_does_not_shift_line_numbers(bad_log):
    bad_log.set(3, "notes", "One passer-by among the dead.\nDPO Bannu.")
    bad_log.set(5, "killed_total", "several")
    p = only_error(read(bad_log))
    assert (p.line, p.value) == (5, "several")


# --- several faults at once --------------------------------------------------------------------

MULTI = {  # (file, line, column, value) of each error in the multi-fault log
    ("incidents.csv", 3, "killed_total", "several"),
    ("incidents.csv", 4, "province", "Blochistan"),
    ("incidents.csv", 5, "source_id", "police-qta"),  # its source row is rejected
    ("incidents.csv", 7, "source_id", "dawn-khi-2"),
    ("incidents.csv", 9, "event_date", "2099-10-02"),  # the claim
    ("sources.csv", 5, "source_type", "government"),
}


def make_multi_fault(log):
    """Five faults in one log, plus a warning (the same edits as the e2e test's)."""
    log.set(3, "killed_total", "several").set(4, "province", "Blochistan")
    log.set(7, "source_id", "dawn-khi-2").set(9, "event_date", "2099-10-02")
    log.set(5, "source_type", "government", "sources.csv")
    log.set(6, "killed_total", "2")  # below civilians 2 + militants 1: a warning
    return log


def test_all_faults_are_reported_in_one_run(bad_log):
    r = read(make_multi_fault(bad_log))
    errs = errors(r.problems)
    assert {(p.file, p.line, p.column, p.value) for p in errs} == MULTI
    assert len(errs) == len(MULTI)
    assert all(p.message and p.fix for p in r.problems)
    assert [(w.line, w.column) for w in warnings(r.problems)] == [(6, "killed_total")]
    with pytest.raises(InputError) as exc:
        clean.enforce(r, allow_rejects=False)
    lines = str(exc.value).splitlines()
    assert lines[0] == "6 problems in the input:"
    assert sorted(lines[1:-1]) == sorted(f"  {p}" for p in errs)  # the warning is not listed
    assert "ALLOW_REJECTS=1" in lines[-1]


def test_multi_fault_fates_add_up(bad_log):
    r = read(make_multi_fault(bad_log))
    clean.enforce(r, allow_rejects=True)  # builds anyway
    f = fates(r)
    rejected = {k for k, (fate, _) in f.items() if fate == "rejected"}
    assert rejected == {(file, line) for file, line, _, _ in MULTI} | {
        ("victims.csv", 2), ("victims.csv", 3)}  # BA-2024-05-QTA lost both its reports
    assert f[("victims.csv", 2)] == ("rejected", "its event was rejected")
    for file, line, column, _ in MULTI:
        assert f[(file, line)][1].startswith(f"column '{column}': ")
    assert_accounted(r, bad_log)
    assert sorted(r.reports["line"]) == [2, 6, 8]


# --- filters: whole events leave as "filtered", with their victims ----------------------------

@pytest.mark.parametrize("filters,out_lines,reason", [
    (dict(province="Sindh"), [2, 3, 4, 5, 8, 9], "outside PROVINCE=Sindh"),
    (dict(start="2024-05-01"), [2, 3], "before START=2024-05-01"),
    (dict(end="2024-07-31"), [8, 9], "after END=2024-07-31"),
    (dict(country="Afghanistan"), [2, 3, 4, 5, 6, 7, 8, 9], "outside COUNTRY=Afghanistan"),
])
def test_filtered_rows_are_audited_with_their_reason(bad_log, filters, out_lines, reason):
    r = read(bad_log, **filters)
    f = fates(r)
    got = sorted(ln for (file, ln), (fate, _) in f.items()
                 if file == "incidents.csv" and fate == "filtered")
    assert got == out_lines
    assert all(f[("incidents.csv", ln)][1] == reason for ln in out_lines)
    kept_events = set(r.reports["event_id"])
    for (file, ln), (fate, why) in f.items():
        if file == "victims.csv":
            event = bad_log.cell(ln, "event_id", "victims.csv")
            assert (fate, why) == (("kept", "") if event in kept_events
                                   else ("filtered", "its event was filtered"))
    assert_accounted(r, bad_log)


def test_faults_and_filters_together_still_add_up(bad_log):
    r = read(make_multi_fault(bad_log), province="Khyber Pakhtunkhwa")
    counts = r.audit["fate"].value_counts().to_dict()
    assert sum(counts.values()) == sum(BASE_ROWS.values())
    assert counts["rejected"] >= 1 and counts["filtered"] >= 1
    assert_accounted(r, bad_log)


# --- issue 17: the paths that were silent ----------------------------------------------------

def test_a_date_with_a_time_is_still_a_date(bad_log):
    bad_log.set(2, "event_date", "2024-03-14 10:30").set(3, "event_date", "2024-03-14T22:05:00")
    assert read(bad_log).problems == []


@pytest.mark.parametrize("second,days", [("2024-03-15", 1), ("2024-03-17", 3),
                                         ("2024-03-11", 3)])
def test_reports_of_one_event_up_to_three_days_apart_are_a_warning(bad_log, second, days):
    bad_log.set(3, "event_date", second)
    r = read(bad_log)
    assert errors(r.problems) == []
    [w] = warnings(r.problems)
    assert (w.line, w.column, w.value) == (3, "event_date", second)
    assert "differs from the event's first report ('2024-03-14'), which is used" in w.message


@pytest.mark.parametrize("second,days", [("2024-03-18", 4), ("2024-03-24", 10),
                                         ("2023-03-14", 366)])
def test_reports_of_one_event_more_than_three_days_apart_are_an_error(bad_log, second, days):
    bad_log.set(3, "event_date", second)
    r = read(bad_log)
    assert_problem(only_error(r), "incidents.csv", 3, "event_date", second,
                   f"is {days} days from the date of event 'KP-2024-03-BNU' in its first report "
                   "(2024-03-14, line 2, source 'dawn-bnu')",
                   "reports of one event may differ by at most 3 days")
    assert warnings(r.problems) == []
    assert fates(r)[("incidents.csv", 3)][0] == "rejected"
    assert fates(r)[("incidents.csv", 2)][0] == "kept"
    assert_accounted(r, bad_log)


def test_a_header_without_rows_is_said_as_such(bad_log):
    bad_log.write_rows(bad_log.rows()[:1])
    with pytest.raises(InputError) as err:
        read(bad_log)
    assert str(err.value) == ("incidents.csv has a header but no rows - add one row per report "
                              "of an incident below the header")


def test_extra_columns_are_carried_by_the_reports(bad_log):
    rows = bad_log.rows()
    rows[0] += ["analyst", "sources"]  # 'sources' is a column sitrep computes
    for i, r in enumerate(rows[1:], start=2):
        r += [f"AB{i}", "x"]
    bad_log.write_rows(rows)
    r = read(bad_log)
    assert r.reports["analyst"].tolist() == [f"AB{i}" for i in range(2, 10)]
    assert "sources" not in r.reports
    [w] = warnings(r.problems)
    assert (w.line, w.column) == (1, "sources") and "not passed through" in w.message
