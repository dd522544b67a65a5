"""Issue 4 end to end: `make report` on bad input, run as the Makefile runs it, in a subprocess.

A briefing is first built from the clean base log (tests/fixtures/bad/base) into OUT; then faulty
copies of that log are run into the same OUT. Each must exit 2 with every problem on its own
`file:line: column 'x': value 'y': ...` line, show no traceback, and leave OUT byte for byte as it
was. ALLOW_REJECTS=1 builds anyway and lists each rejected row in the data-quality appendix;
hostile text from the data is escaped in the HTML and neutralised in the CSV tables; a failure
that is not an input problem exits 1 and names the notebook and cell.

Each run costs a few seconds (a failing one less: it stops in the first notebook).
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parent.parent
VENV_PY = ROOT / ".venv" / "bin" / "python"
PY = str(VENV_PY if VENV_PY.exists() else Path(sys.executable))


def make_report(data: Path, out: Path, work: Path, *args: str,
                env: dict | None = None) -> subprocess.CompletedProcess:
    cmd = [PY, "-m", "sitrep.run.pipeline", "--data", str(data), "--out", str(out),
           "--work", str(work.resolve()), *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**os.environ, **(env or {})})


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (and every folder, as b'<dir>') by its relative path."""
    return {p.relative_to(folder).as_posix(): (b"<dir>" if p.is_dir() else p.read_bytes())
            for p in sorted(folder.rglob("*"))}


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def flat(text: str) -> str:
    """Whitespace collapsed, so that lines wrapped by the PDF layout still match."""
    return " ".join(text.split())


def csv_cells(path: Path):
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.reader(fh):
            yield from row


def audit_total(out: Path) -> tuple[pd.DataFrame, int]:
    a = pd.read_csv(out / "audit.csv", keep_default_na=False, dtype=str)
    return a, int(pd.to_numeric(a["rows"]).sum())


@pytest.fixture(scope="module")
def published(tmp_path_factory, make_bad_log):
    """The clean base log built once into OUT, which also holds a file of the analyst's own."""
    root = tmp_path_factory.mktemp("bad_e2e")
    log = make_bad_log(root / "clean_log")
    out = root / "out"
    out.mkdir()
    (out / "my notes.txt").write_text("The analyst's own file: never touched.\n")
    p = make_report(log.folder, out, root / "work-clean", "--force-out")
    assert p.returncode == 0, p.stderr
    assert (out / "briefing.pdf").read_bytes().startswith(b"%PDF")
    return SimpleNamespace(root=root, out=out, before=snapshot(out))


def assert_no_traceback(p: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in p.stdout + p.stderr
    assert 'File "' not in p.stderr


# --- exit 2, every problem on its own line, OUT untouched ------------------------------------

def _missing_column(log):
    log.drop_column("event_date")


def _negative_count(log):
    log.set(6, "killed_civilians", "-3")


def _province_typo(log):
    log.set(4, "province", "Blochistan")


def _unknown_source_type(log):
    log.set(5, "source_type", "government", "sources.csv")


def _multi_fault(log):
    """The multi-fault log of test_validation: five faults, their consequence, and a warning."""
    log.set(3, "killed_total", "several").set(4, "province", "Blochistan")
    log.set(7, "source_id", "dawn-khi-2").set(9, "event_date", "2099-10-02")
    log.set(5, "source_type", "government", "sources.csv")
    log.set(6, "killed_total", "2")  # below its categories (2 + 1): a warning, not listed


FAULTS = [
    ("missing-column", _missing_column, [
        "incidents.csv:1: column 'event_date': value '': required column is missing - add a "
        "'event_date' column to the header row (columns found: event_id, source_id, country, "
        "province, district,"]),
    ("negative-count", _negative_count, [
        "incidents.csv:6: column 'killed_civilians': value '-3': a count cannot be negative - "
        "write a whole number"]),
    ("province-typo", _province_typo, [
        "incidents.csv:4: column 'province': value 'Blochistan': is not a province of this "
        "country - did you mean 'Balochistan'?"]),
    ("unknown-source-type", _unknown_source_type, [
        "sources.csv:5: column 'source_type': value 'government': is not a known source type - "
        "use one of: official, media, ngo, perpetrator_claim, other",
        "incidents.csv:5: column 'source_id': value 'police-qta': its row in sources.csv was "
        "rejected - fix that row in sources.csv"]),
    ("multi-fault", _multi_fault, [
        "incidents.csv:3: column 'killed_total': value 'several': not a count this tool can "
        "read - write a whole number",
        "incidents.csv:4: column 'province': value 'Blochistan': is not a province of this "
        "country - did you mean 'Balochistan'?",
        "incidents.csv:5: column 'source_id': value 'police-qta': its row in sources.csv was "
        "rejected - fix that row in sources.csv",
        "incidents.csv:7: column 'source_id': value 'dawn-khi-2': is not in sources.csv - add a "
        "row for 'dawn-khi-2' to sources.csv or correct the id",
        "incidents.csv:9: column 'event_date': value '2099-10-02': lies in the future - check "
        "the year",
        "sources.csv:5: column 'source_type': value 'government': is not a known source type - "
        "use one of: official, media, ngo, perpetrator_claim, other"]),
]


@pytest.mark.parametrize("edit,expected", [f[1:] for f in FAULTS], ids=[f[0] for f in FAULTS])
def test_bad_input_exits_2_lists_every_problem_and_leaves_out_alone(published, make_bad_log,
                                                                    request, edit, expected):
    name = request.node.callspec.id
    log = make_bad_log(published.root / f"log-{name}")
    edit(log)
    p = make_report(log.folder, published.out, published.root / f"work-{name}")
    assert p.returncode == 2, p.stdout + p.stderr
    assert_no_traceback(p)
    lines = p.stderr.splitlines()
    assert lines[0] == f"make report: no briefing was written ({published.out} is unchanged)."
    problem_lines = [ln.strip() for ln in lines if ln.startswith("  ") and ".csv:" in ln]
    for want in expected:
        assert any(ln.startswith(want) for ln in problem_lines), (want, p.stderr)
    assert len(problem_lines) == len(expected)  # one line per problem, no warning among them
    n = len(expected)
    assert f"{n} problem{'s' if n != 1 else ''} in the input:" in p.stderr
    assert "ALLOW_REJECTS=1" in p.stderr
    assert snapshot(published.out) == published.before


def test_bad_filter_exits_2_and_leaves_out_alone(published):
    p = make_report(ROOT / "tests" / "fixtures" / "bad" / "base", published.out,
                    published.root / "work-filter", "--province", "Blochistan",
                    "--country", "Pakistan")
    assert p.returncode == 2, p.stderr
    assert_no_traceback(p)
    assert "PROVINCE='Blochistan' is not a province of Pakistan - did you mean 'Balochistan'?" \
        in p.stderr
    assert snapshot(published.out) == published.before


def test_unknown_country_exits_2_not_as_a_notebook_failure(published, make_bad_log):
    log = make_bad_log(published.root / "log-country")
    log.set(6, "country", "Pakistn")
    p = make_report(log.folder, published.out, published.root / "work-country")
    assert snapshot(published.out) == published.before
    assert_no_traceback(p)
    assert p.returncode == 2, p.stderr
    assert "incidents.csv:6: column 'country': value 'Pakistn': is not a country" in p.stderr


# --- a failure that is not an input problem: exit 1, the notebook and cell named -------------

BREAK_TABLES = '''\
"""Test-only: with SITREP_TEST_BREAK_TABLES=1, sitrep.tabulate.tables.all_tables raises when called."""
import importlib.abc
import importlib.machinery
import os
import sys


class _BreakTables(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "sitrep.tabulate.tables":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)

            def all_tables(clean):
                raise RuntimeError("injected failure: the tables cannot be built")
            module.all_tables = all_tables
        spec.loader.exec_module = exec_module
        return spec


if os.environ.get("SITREP_TEST_BREAK_TABLES") == "1":
    sys.meta_path.insert(0, _BreakTables())
'''


def test_notebook_failure_exits_1_naming_the_kept_notebook_and_cell(published, tmp_path):
    """The kernels inherit the environment: a sitecustomize on PYTHONPATH breaks 02_tabulate."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(BREAK_TABLES)
    work = published.root / "work-broken"
    p = make_report(ROOT / "tests" / "fixtures" / "bad" / "base", published.out, work,
                    env={"PYTHONPATH": str(hook), "SITREP_TEST_BREAK_TABLES": "1"})
    assert p.returncode == 1, p.stdout + p.stderr
    assert_no_traceback(p)
    kept = work.resolve() / "notebooks" / "02_tabulate.ipynb"
    assert "02_tabulate failed in cell " in p.stderr
    assert "(RuntimeError: injected failure: the tables cannot be built)" in p.stderr
    assert f"The executed notebook, with the error, is kept at {kept}." in p.stderr
    cell = int(p.stderr.split("02_tabulate failed in cell ")[1].split()[0])
    nb = json.loads(kept.read_text(encoding="utf-8"))
    [failed] = [c for c in nb["cells"] if c.get("execution_count") == cell]
    assert any(o.get("output_type") == "error" and o.get("ename") == "RuntimeError"
               for o in failed["outputs"])
    assert snapshot(published.out) == published.before


# --- ALLOW_REJECTS=1: the briefing builds, and every rejected row is in its appendix ----------

@pytest.fixture(scope="module")
def allowed(published, make_bad_log):
    log = make_bad_log(published.root / "log-allowed")
    _multi_fault(log)
    out = published.root / "out-allowed"
    p = make_report(log.folder, out, published.root / "work-allowed", "--allow-rejects", "1")
    return SimpleNamespace(proc=p, out=out, log=log)


def test_allow_rejects_builds_the_briefing(allowed):
    assert allowed.proc.returncode == 0, allowed.proc.stderr
    assert_no_traceback(allowed.proc)
    assert allowed.proc.stdout.startswith(f"Briefing written to {allowed.out}/briefing.pdf")
    assert (allowed.out / "briefing.pdf").read_bytes().startswith(b"%PDF")


def test_allow_rejects_audit_adds_up(allowed):
    a, total = audit_total(allowed.out)
    assert total == 8 + 8 + 3 == len(a)
    by = a.groupby(["file", "fate"]).size().to_dict()
    assert by == {("incidents.csv", "kept"): 3, ("incidents.csv", "rejected"): 5,
                  ("sources.csv", "kept"): 7, ("sources.csv", "rejected"): 1,
                  ("victims.csv", "kept"): 1, ("victims.csv", "rejected"): 2}


def test_allow_rejects_appendix_lists_each_rejected_row_and_the_sum(allowed):
    text = flat(text_of(allowed.out / "briefing.pdf"))
    appendix = text[text.index("Appendix: data quality"):]
    a, total = audit_total(allowed.out)
    assert f"11 + 0 + 0 + 8 = {total} input rows" in appendix
    rejected = a[a["fate"] == "rejected"]
    assert len(rejected) == 8
    for r in rejected.itertuples():
        item = flat(f"{r.file}:{r.line} ({r.event_id} / {r.source_id}): {r.reason}")
        assert item in appendix, item
    for reason in ("column 'killed_total': not a count this tool can read",
                   "column 'province': is not a province of this country",
                   "column 'source_id': is not in sources.csv",
                   "column 'event_date': lies in the future",
                   "column 'source_type': is not a known source type"):
        assert reason in appendix
    # the warning (a total below its categories) is listed too
    assert ("incidents.csv:6: column 'killed_total': value '2': is smaller than the sum of its own "
            "categories (3)") in appendix


def test_a_claim_with_nothing_counted_beside_it_builds(published, make_bad_log):
    log = make_bad_log(published.root / "log-claim")
    log.set(8, "killed_security_forces", "").set(8, "killed_total", "")  # injured only
    out = published.root / "out-claim"
    p = make_report(log.folder, out, published.root / "work-claim")
    assert_no_traceback(p)
    assert p.returncode == 0, p.stderr
    claims = pd.read_csv(out / "tables" / "claims.csv", keep_default_na=False, dtype=str)
    assert claims[["source_id", "claimed", "counted_best"]].values.tolist() == [
        ["ttp-dgk", "12", ""]]


# --- hostile text: escaped in the HTML, neutralised in the CSV tables, and a warning ---------

SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://example.com","click")'


@pytest.fixture(scope="module")
def hostile(published, make_bad_log):
    log = make_bad_log(published.root / "log-hostile")
    log.set(4, "notes", SCRIPT + " blast outside the bakery")
    log.set(6, "location", FORMULA).set(7, "location", FORMULA)
    log.set(6, "district", "<b>Karachi East</b>").set(7, "district", "<b>Karachi East</b>")
    log.set(4, "event_type", "<i>Bombing</i>").set(5, "event_type", "<i>Bombing</i>")
    log.set(8, "perpetrator", "<img src=x onerror=alert(3)>")
    log.set(4, "title", "<script>alert(2)</script> Blast report", "sources.csv")
    log.set(7, "publisher", "@Dawn", "sources.csv")
    log.set(8, "title", "+92 desk: ambush report", "sources.csv")
    for line in (8, 9):
        log.set(line, "event_id", "=1+1 PB-2024-10-DGK")
    log.set(6, "killed_total", "2")  # a warning: the build goes on
    out = published.root / "out-hostile"
    p = make_report(log.folder, out, published.root / "work-hostile")
    assert p.returncode == 0, p.stderr
    return SimpleNamespace(out=out, html=(out / "briefing.html").read_text(encoding="utf-8"))


def test_script_in_the_data_is_escaped_in_the_html(hostile):
    html = hostile.html
    assert "<script" not in html.lower()  # the briefing has no script of its own either
    assert "&lt;script&gt;alert(2)&lt;/script&gt; Blast report" in html  # a source title
    for raw in (SCRIPT, "<b>Karachi East</b>", "<i>Bombing</i>", "<img src=x"):
        assert raw not in html, raw
    assert "&lt;b&gt;Karachi East&lt;/b&gt;" in html  # the district tables
    assert "&lt;script&gt;alert(1)&lt;/script&gt; blast outside the bakery" in html  # a note
    assert "=1+1 PB-2024-10-DGK" in html  # formulas are harmless in HTML: shown as typed


def test_formulas_in_the_data_are_neutralised_in_the_csv_tables(hostile):
    files = sorted((hostile.out / "tables").glob("*.csv")) + [hostile.out / "audit.csv"]
    for f in files:
        for cell in csv_cells(f):
            assert cell[:1] not in ("=", "+", "@", "\t", "\r"), (f.name, cell)
    cells = {f.name: set(csv_cells(f)) for f in files}
    assert "'" + FORMULA in cells["incidents.csv"]  # the location column
    assert "'=1+1 PB-2024-10-DGK" in cells["audit.csv"]
    assert "'=1+1 PB-2024-10-DGK" in cells["report_figures.csv"]
    assert "'@Dawn" in cells["sources.csv"] and "'+92 desk: ambush report" in cells["sources.csv"]


def test_a_warning_alone_builds_and_is_listed_in_the_appendix(hostile):
    text = flat(text_of(hostile.out / "briefing.pdf"))
    appendix = text[text.index("Appendix: data quality"):]
    assert ("Warnings • incidents.csv:6: column 'killed_total': value '2': is smaller than the "
            "sum of its own categories (3)") in appendix
    assert "19 + 0 + 0 + 0 = 19 input rows" in appendix
    _, total = audit_total(hostile.out)
    assert total == 19
