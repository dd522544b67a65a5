"""Exports as analysts have them, from several countries and column generations (fixtures in
tests/fixtures/real_shaped/, shaped like real ACLED, UCDP GED and GTD files, written here; see
their README): each briefs with totals equal to a plain sum of the file's own fatalities
(expected.json, computed from the files by make_expected.py), no row lost, no traceback."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, run_pipeline
from sitrep import clean
from sitrep.clean.filters import make_filters
from sitrep.clean.reconcile import reconcile
from sitrep.problems import InputError
from sitrep.tabulate.tables import casualties

DIR = FIXTURES / "real_shaped"
EXPECTED = json.loads((DIR / "expected.json").read_text(encoding="utf-8"))
SUMMED = sorted(n for n, e in EXPECTED.items() if e.get("fatalities_total") is not None
                and not e.get("truncated_rows"))


def _brief(name: str):
    e = EXPECTED[name]
    country = e["country"] if e["country"] and "(" not in e["country"] else ""
    result = clean.read(DIR / name, "auto", make_filters(country=country))
    return result, casualties(reconcile(result.reports, result.figures))


@pytest.mark.parametrize("name", SUMMED)
def test_totals_equal_a_plain_sum_of_the_file(name):
    result, c = _brief(name)
    assert not [p for p in result.problems if p.severity == "error"], result.problems[:3]
    killed = c[(c["victim_category"] == "all") & (c["outcome"] == "killed")]
    assert int(killed["best"].sum()) == EXPECTED[name]["fatalities_total"]
    # Nothing lost: every data row is in the audit, kept or filtered with its reason.
    assert int(result.audit["rows"].sum()) == EXPECTED[name]["rows"]


@pytest.mark.parametrize("name", [n for n in SUMMED if "by_admin1" in EXPECTED[n]])
def test_every_admin1_keeps_its_dead_under_a_code_or_its_own_name(name):
    _, c = _brief(name)
    killed = c[(c["victim_category"] == "all") & (c["outcome"] == "killed")]
    want = {k: v for k, v in EXPECTED[name]["by_admin1"].items() if v}
    assert sorted(b for b in killed["best"].astype(int) if b) == sorted(want.values())
    # Every province the fixtures name resolves to an ISO 3166-2 code (alias table or spelling).
    assert (killed["province_code"] != "").all(), killed


def test_an_old_export_counts_civilian_targets_by_actor_type():
    # acled_2016_somalia predates civilian_targeting: civilians by inter2 = 7 (README).
    result, c = _brief("acled_2016_somalia.csv")
    civ = c[(c["victim_category"] == "civilians") & (c["outcome"] == "killed")]
    # 28: the 6 of "Violence against civilians" events and 22 of others whose target is
    # civilians by inter2 (README: civilian_fatalities.any_of_these).
    want = EXPECTED["acled_2016_somalia.csv"]["civilian_fatalities"]["any_of_these"]
    assert int(civ["best"].sum()) == want == 28


def test_a_cut_off_download_is_one_clear_line():
    with pytest.raises(InputError) as err:
        _brief("acled_cut_off.csv")
    assert "acled_cut_off.csv:" in str(err.value) and "cut off" in str(err.value)


def test_gtd_ids_excel_rounded_are_named_once(tmp_path):
    result, _ = _brief("excel_damaged_gtd.csv")
    with pytest.raises(InputError) as err:
        clean.enforce(result, allow_rejects=False)
    assert str(err.value).count("scientific notation") == 1


def test_a_multi_country_export_briefs_without_a_traceback(tmp_path):
    proc = run_pipeline(DIR / "acled_multi_country.csv", tmp_path / "out", tmp_path / "work")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
