"""sitrep.paths: the repository's folders, and resolve() for paths the analyst gives.

An absolute path stays as it is; "~" expands; a relative path is taken from the repository root
when the working directory is elsewhere (a notebook in notebooks/, a test in tmp_path) and is
left as written when it is the root. The folders are where the repository has them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sitrep import paths

# The repository root, found from this file rather than from the module under test.
REPO = Path(__file__).resolve().parent.parent


def test_root_and_folders_are_the_repositorys():
    assert paths.ROOT == REPO
    assert paths.PACKAGE == REPO / "sitrep"
    assert paths.NOTEBOOKS == REPO / "notebooks"
    assert paths.RAW == REPO / "data" / "raw"
    assert paths.ALIASES == REPO / "data" / "aliases"
    assert paths.GEO == REPO / "data" / "geo"
    assert paths.BUILD == REPO / "build"
    assert paths.TEMPLATES == REPO / "sitrep" / "brief" / "templates"
    # The files the package ships are where it looks for them.
    assert paths.COUNTING_RULES.is_file()
    assert (paths.TEMPLATES / "briefing" / "index.html.j2").is_file()


def test_an_absolute_path_stays(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert paths.resolve("/srv/data/acled.csv") == Path("/srv/data/acled.csv")
    assert paths.resolve(tmp_path / "out") == tmp_path / "out"


def test_tilde_expands(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    assert paths.resolve("~/Downloads/acled.csv") == home / "Downloads" / "acled.csv"
    assert paths.resolve("~") == home


def test_relative_is_taken_from_the_root_when_elsewhere(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert paths.resolve("data/raw") == REPO / "data" / "raw"
    assert paths.resolve(Path("report")) == REPO / "report"  # a PathLike too
    # Not from the working directory.
    assert paths.resolve("data/raw") != tmp_path / "data" / "raw"


def test_relative_from_a_notebook_folder(monkeypatch):
    # JupyterLab runs a notebook in notebooks/: it still reads the same files.
    monkeypatch.chdir(REPO / "notebooks")
    assert paths.resolve("build/lab") == REPO / "build" / "lab"


def test_relative_is_left_as_written_at_the_root(monkeypatch):
    monkeypatch.chdir(REPO)
    # So that messages show the path as the analyst gave it.
    assert paths.resolve("data/raw") == Path("data/raw")
    assert not paths.resolve("data/raw").is_absolute()


def test_cache_folder_follows_sitrep_cache(tmp_path):
    # CACHE is fixed at import: checked in a fresh interpreter with and without the variable.
    code = "from sitrep.paths import CACHE; print(CACHE)"
    env = {k: v for k, v in os.environ.items() if k != "SITREP_CACHE"}
    default = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                             text=True, check=True).stdout.strip()
    assert Path(default) == REPO / "build" / "cache"
    moved = subprocess.run([sys.executable, "-c", code],
                           env={**env, "SITREP_CACHE": str(tmp_path / "c")},
                           capture_output=True, text=True, check=True).stdout.strip()
    assert Path(moved) == tmp_path / "c"
