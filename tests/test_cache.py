"""A cached reading gives exactly what reading the file gives, and changes with its key."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sitrep.clean import cache
from sitrep import clean
from sitrep.clean.filters import make_filters
from sitrep.clean.reconcile import reconcile

ACLED = Path(__file__).resolve().parent / "fixtures" / "acled"


def test_cached_reading_equals_fresh_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "CACHE", tmp_path / "cache")
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    data = next(p for p in sorted(ACLED.glob("*.csv")) if "problem" not in p.name
                and "unseen" not in p.name)
    filters = make_filters("Pakistan", "", "", "")
    fresh = clean.read(data, "auto", filters)
    again = clean.read(data, "auto", filters)
    assert "Read from the cache" in again.method[-1]
    assert "Read from the cache" not in " ".join(fresh.method)
    for name in cache.FRAMES:
        a, b = getattr(fresh, name), getattr(again, name)
        assert list(a.columns) == list(b.columns), name
        pd.testing.assert_frame_equal(a.astype(str), b.astype(str), check_dtype=False, obj=name)
    assert fresh.problems == again.problems
    ev_a = reconcile(fresh.reports, fresh.figures)
    ev_b = reconcile(again.reports, again.figures)
    pd.testing.assert_frame_equal(ev_a, ev_b, check_dtype=False)


def test_key_changes_with_filters_and_file(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    f = tmp_path / "x.csv"
    f.write_text("a\n1\n")
    k1 = cache.key(f, "auto", make_filters("Pakistan"))
    assert k1 == cache.key(f, "auto", make_filters("Pakistan"))
    assert k1 != cache.key(f, "auto", make_filters("Pakistan", "Balochistan"))
    f.write_text("a\n2\n3\n")
    assert k1 != cache.key(f, "auto", make_filters("Pakistan"))
    monkeypatch.setattr(cache, "MIN_BYTES", 10**9)
    assert cache.key(f, "auto", make_filters("Pakistan")) is None  # small files: no cache


def _frames_equal(a, b) -> None:
    for name in cache.FRAMES:
        x, y = getattr(a, name), getattr(b, name)
        assert list(x.columns) == list(y.columns), name
        pd.testing.assert_frame_equal(x.astype(str), y.astype(str), check_dtype=False, obj=name)
    assert a.problems == b.problems


def test_an_export_briefed_with_other_filters_is_read_from_its_copy(tmp_path, monkeypatch):
    """First reading: nothing copied. Second, with other filters: the Parquet copy is written
    while the CSV is read. Third, with yet other filters: read from the copy. Each gives what
    reading the CSV afresh gives (GTD's Latin-1 file too: the copy restarts with the encoding)."""
    gtd = Path(__file__).resolve().parent / "fixtures" / "gtd" / "gtd_pakistan.csv"
    acled = ACLED / "acled_pakistan.csv"
    for data, scopes in ((acled, [("Pakistan", "", "2024-01-01", "2024-12-31"),
                                  ("Pakistan", "Balochistan", "", ""),
                                  ("Pakistan", "Punjab", "", ""), ("", "", "", "")]),
                         (gtd, [("Pakistan", "", "", ""), ("Pakistan", "Sindh", "", ""),
                                ("Pakistan", "Khyber Pakhtunkhwa", "", "")])):
        monkeypatch.setattr(cache, "MIN_BYTES", 10**12)
        fresh = [clean.read(data, "auto", make_filters(*f)) for f in scopes]
        monkeypatch.setattr(cache, "CACHE", tmp_path / data.stem)
        monkeypatch.setattr(cache, "MIN_BYTES", 0)
        folder = cache.copy_dir(data, fresh[0].dataset)
        for i, (f, want) in enumerate(zip(scopes, fresh)):
            got = clean.read(data, "auto", make_filters(*f))
            _frames_equal(want, got)
            copied = (folder / "rows.parquet").is_file()
            assert copied == (i >= 1), (data.name, i)
            from_copy = any("column-pruned copy" in m for m in got.method)
            assert from_copy == (i >= 2), (data.name, i, got.method)
        assert not list(folder.glob(".rows.parquet*"))  # no half-written copy left behind


def test_two_runs_saving_one_entry_at_once_both_succeed(tmp_path, monkeypatch):
    """Each writer has its own temporary folder; the first rename wins, the other copy (the
    same reading) is dropped, and nothing is left beside the entry. Threads stand for runs:
    the names used to clash on the key alone, whatever the process."""
    import threading

    monkeypatch.setattr(cache, "CACHE", tmp_path / "cache")
    data = next(p for p in sorted(ACLED.glob("*.csv")) if "problem" not in p.name
                and "unseen" not in p.name)
    result = clean.read(data, "auto", make_filters("Pakistan", "", "", ""))
    for round_ in range(5):
        k = f"entry{round_}"
        start, failures = threading.Barrier(4), []

        def save() -> None:
            start.wait()
            try:
                cache.save(k, result)
            except Exception as exc:  # noqa: BLE001 - the test reports any failure
                failures.append(exc)

        threads = [threading.Thread(target=save) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert failures == []
        _frames_equal(cache.load(k), result)
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == \
        [f"entry{i}" for i in range(5)]
