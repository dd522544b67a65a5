"""The house rules, checked on the code itself: stages import only from the stages before them
and from the shared leaf modules; no module grows past about 400 lines; nothing finds the
package by editing sys.path or changing directory; notebooks are committed without outputs."""

from __future__ import annotations

import ast
import json
import re

import pytest

from sitrep.paths import NOTEBOOKS, PACKAGE, ROOT

# The flow: news text -> incident log -> clean events -> tables -> briefing -> a run of it all.
STAGES = ("extract", "clean", "tabulate", "brief", "run")
LEAVES = {"schema", "paths", "store", "places", "counts", "gazetteer", "problems", "frames", "textfiles"}
MAX_LINES = 400

MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _owner(module: str) -> str:
    """'sitrep.clean.readers.native' -> 'clean'; 'sitrep.schema' -> 'schema'."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("sitrep"):
            if node.module == "sitrep":
                out |= {f"sitrep.{a.name}" for a in node.names}
            else:
                out.add(node.module)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("sitrep")}
    return out


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_stage_imports_only_earlier_stages_and_leaves(path):
    rel = path.relative_to(PACKAGE)
    mine = rel.parts[0].removesuffix(".py")
    for target in _imports(path):
        theirs = _owner(target)
        if theirs in LEAVES or theirs == mine:
            continue
        assert mine in STAGES, f"leaf module {rel} imports the stage {target}"
        assert theirs in STAGES, f"{rel} imports {target}, which is neither a stage nor a leaf"
        assert STAGES.index(theirs) < STAGES.index(mine), \
            f"{rel} ({mine}) imports {target} ({theirs}), a later stage"


def test_every_module_is_a_stage_or_a_leaf():
    tops = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in MODULES}
    assert tops - {"__init__"} == set(STAGES) | LEAVES


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_over_about_400_lines(path):
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n <= MAX_LINES, f"{path.relative_to(ROOT)} has {n} lines: split it by responsibility"


FINDERS = re.compile(r"sys\.path\.(insert|append)|os\.chdir\(")


@pytest.mark.parametrize("folder", ["sitrep", "tests", "scripts", "bench"])
def test_nothing_edits_sys_path_or_changes_directory(folder):
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / folder).rglob("*.py")
                 if p.name != "test_house.py" and FINDERS.search(p.read_text(encoding="utf-8"))]
    assert not offenders


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_notebooks_find_the_package_without_help(path):
    code = "".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"]
                   if c["cell_type"] == "code")
    assert not FINDERS.search(code)
