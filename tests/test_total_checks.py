"""sitrep.clean.total_checks: a closed stated total below the event's category floors.

The warning names the file, line, column and value, and the categories behind the floor;
categories in a report's total_excludes are not counted in its floor; episodes fold before the
check; open totals, claims and totals above the floor are never warned; a total already below
its own report's categories is left to the reader's warning (named once, not twice).
"""

from __future__ import annotations

from pathlib import Path

from sitrep.clean.filters import make_filters
from sitrep.clean.readers.native import read_native
from sitrep.clean.reconcile import reconcile
from sitrep.clean.total_checks import total_checks

HEAD = ("event_id,source_id,event_date,country,province,district,part_of,total_excludes,"
        "killed_civilians,killed_security_forces,killed_militants,killed_unknown,killed_total,"
        "injured_civilians,injured_total\n")
SOURCES = ("source_id,publisher,published,title,url,source_type\n"
           "S1,Media One,2024-08-26,t,,media\n"
           "S2,Media Two,2024-08-26,t,,media\n"
           "S3,Armed group,2024-08-26,t,,perpetrator_claim\n"
           "S4,Media Four,2024-08-26,t,,media\n")
ROW = ("{e},{s},2024-08-26,Pakistan,Balochistan,Kalat,{part},{excl},"
       "{c},{sf},{m},{u},{t},{ic},{it}\n")


def row(e: str, s: str, *, part="", excl="", c="", sf="", m="", u="", t="", ic="", it="") -> str:
    return ROW.format(e=e, s=s, part=part, excl=excl, c=c, sf=sf, m=m, u=u, t=t, ic=ic, it=it)


def check(folder: Path, *rows: str):
    """The log's reader warnings (by line) and total_checks' problems."""
    (folder / "incidents.csv").write_text(HEAD + "".join(rows), encoding="utf-8")
    (folder / "sources.csv").write_text(SOURCES, encoding="utf-8")
    result = read_native(folder, make_filters())
    assert not [p for p in result.problems if p.severity == "error"], result.problems
    events = reconcile(result.reports, result.figures, result.sources)
    reader = [p for p in result.problems if p.severity == "warning"]
    return reader, total_checks(result.reports, result.figures, events)


def test_a_total_below_the_events_categories_is_a_warning_naming_the_cell(tmp_path):
    # Line 2: civilians 20, security forces 10; line 3: a total of 25 < 20 + 10.
    reader, problems = check(tmp_path, row("E", "S1", c="20", sf="10"), row("E", "S2", t="25"))
    assert reader == []  # line 3 has no categories of its own to be below
    assert len(problems) == 1
    p = problems[0]
    assert (p.file, p.line, p.column, p.value, p.severity) == \
        ("incidents.csv", 3, "killed_total", "25", "warning")
    assert p.message == ("is below the 30 that event E's categories count at the least "
                         "(civilians 20, security forces 10)")
    assert "total_excludes" in p.fix
    assert str(p).startswith("incidents.csv:3: column 'killed_total': value '25': is below")


def test_the_floor_is_the_lows_of_the_categories(tmp_path):
    # Civilians "10-20" and "12": the event's civilians are 10 at the least, so S4's total of
    # 11 is not below the floor though it is below the best (lower median of 15 and 12 = 12).
    _, problems = check(tmp_path, row("E", "S1", c="10-20"), row("E", "S2", c="12"),
                        row("E", "S4", t="11"))
    assert problems == []
    _, problems = check(tmp_path, row("E", "S1", c="10-20"), row("E", "S2", c="12"),
                        row("E", "S4", t="9"))
    assert [(p.line, p.value) for p in problems] == [(4, "9")]
    assert "is below the 10 that event E's" in problems[0].message


def test_closed_total_at_the_floor_is_fine_one_below_is_not(tmp_path):
    _, at = check(tmp_path, row("E", "S1", c="7", m="3"), row("E", "S2", t="10"))
    assert at == []  # 10 = 7 + 3
    _, below = check(tmp_path, row("E", "S1", c="7", m="3"), row("E", "S2", t="9"))
    assert [(p.line, p.value) for p in below] == [(3, "9")]
    assert below[0].message.endswith("(civilians 7, militants 3)")


def test_categories_the_total_leaves_out_are_not_in_its_floor(tmp_path):
    # "15 killed, and 21 attackers also died": the 15 leaves out the militants, so its floor
    # is the civilians' 12 alone; 15 >= 12, no warning.
    _, fine = check(tmp_path, row("E", "S1", c="12", m="21"),
                    row("E", "S2", excl="militants", t="15"))
    assert fine == []
    # Below even the categories it counts: 10 < 12, named against the civilians only.
    _, low = check(tmp_path, row("E", "S1", c="12", m="21"),
                   row("E", "S2", excl="militants", t="10"))
    assert len(low) == 1
    assert low[0].message == ("is below the 12 that event E's categories count at the least "
                              "(civilians 12)")


def test_the_unknown_is_not_in_the_floor(tmp_path):
    # A stated unknown of 30 is no named category: a total of 10 is below nothing named.
    _, problems = check(tmp_path, row("E", "S1", u="30"), row("E", "S2", t="10"))
    assert problems == []


def test_open_totals_are_never_warned(tmp_path):
    _, problems = check(tmp_path, row("E", "S1", c="20", sf="10"),
                        row("E", "S2", t="at least 5"))
    assert problems == []


def test_claims_are_never_warned_nor_counted(tmp_path):
    # S3's total of 5 is a claim: not checked. Its 100 civilians raise no floor for S2's 25.
    _, problems = check(tmp_path, row("E", "S1", c="20"), row("E", "S3", c="100", t="5"),
                        row("E", "S2", t="25"))
    assert problems == []


def test_a_total_below_its_own_categories_is_left_to_the_reader(tmp_path):
    # Line 2 says civilians 20, security forces 10 and a total of 25: the reader warns (25 <
    # its own 30); total_checks does not warn a second time.
    reader, problems = check(tmp_path, row("E", "S1", c="20", sf="10", t="25"))
    assert [(p.line, p.column, p.value) for p in reader] == [(2, "killed_total", "25")]
    assert problems == []


def test_a_total_above_its_own_categories_but_below_the_events_is_warned(tmp_path):
    # Line 2: civilians 20 and a total of 25 (above its own 20); line 3 adds security forces 10:
    # the event's floor is 30, so line 2's total is named here, and only here.
    reader, problems = check(tmp_path, row("E", "S1", c="20", t="25"), row("E", "S2", sf="10"))
    assert reader == []
    assert [(p.line, p.value) for p in problems] == [(2, "25")]
    assert problems[0].message.endswith("(civilians 20, security forces 10)")


def test_episode_floors_count_their_parts(tmp_path):
    # Parts A (civilians 5) and B (civilians 6) fold into P: civilians 11. P's report of a total
    # of 8 is below that.
    _, problems = check(tmp_path, row("P", "S1", t="8"), row("A", "S1", part="P", c="5"),
                        row("B", "S1", part="P", c="6"))
    assert [(p.line, p.value) for p in problems] == [(2, "8")]
    assert problems[0].message == ("is below the 11 that event P's categories count at the "
                                   "least (civilians 11)")


def test_injured_totals_are_checked_as_injured(tmp_path):
    _, problems = check(tmp_path, row("E", "S1", c="1", ic="9"), row("E", "S2", it="4"))
    # The killed floor (1) has nothing to do with it; the injured civilians' 9 is above 4.
    assert [(p.line, p.column, p.value) for p in problems] == [(3, "injured_total", "4")]
    assert problems[0].message.endswith("(civilians 9)")


def test_no_closed_totals_no_problems(tmp_path):
    _, problems = check(tmp_path, row("E", "S1", c="20", sf="10"))
    assert problems == []
