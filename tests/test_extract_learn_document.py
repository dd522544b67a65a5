"""Tests for sitrep.extract.learn.document: the pass over a whole report, on short texts."""

from __future__ import annotations

from sitrep.extract.learn.combine import Row
from sitrep.extract.learn.document import document_pass
from sitrep.extract.learn.pool import build_pool


def _rows(text: str, labels: dict[int, tuple]) -> tuple:
    """A pool of ``text`` and rows for the candidates whose number is a key of ``labels``
    (value -> (category, outcome, open)), as the model would hand them to the pass."""
    pool = build_pool(text, "t.txt")
    rows = []
    for i, c in enumerate(pool.candidates):
        if c.low in labels:
            cat, out, is_open = labels[c.low]
            rows.append(Row(i, cat, out, c.low, None if is_open else c.high, False,
                            0.9, 0.9, 1.0 if is_open else 0.0))
    return pool, rows


def _keys(rows):
    return {(r.category, r.outcome, r.low, r.high) for r in rows}


def test_a_toll_update_supersedes_the_earlier_toll():
    text = ("A bomb killed nine people at a market in Quetta on Monday. By the evening the "
            "death toll had risen to 15, officials said.")
    pool, rows = _rows(text, {9: ("all", "killed", False), 15: ("all", "killed", False)})
    assert _keys(document_pass(pool, rows)) == {("all", "killed", 15, 15)}


def test_a_repeated_figure_is_one_row():
    text = ("Seven soldiers were killed in Kech. The seven soldiers were buried on Tuesday, "
            "the army said.")
    pool, rows = _rows(text, {7: ("security_forces", "killed", False)})
    assert len(rows) == 2
    assert _keys(document_pass(pool, rows)) == {("security_forces", "killed", 7, 7)}


def test_parts_after_including_are_open_and_an_exact_breakdown_is_exact():
    parts = "Twelve people were killed, including two children and three women."
    pool, rows = _rows(parts, {12: ("all", "killed", False), 2: ("civilians", "killed", False),
                               3: ("civilians", "killed", False)})
    assert _keys(document_pass(pool, rows)) == {
        ("all", "killed", 12, 12), ("civilians", "killed", 2, None),
        ("civilians", "killed", 3, None)}
    breakdown = "Fourteen died: ten employees, two soldiers and two bystanders."
    pool, rows = _rows(breakdown, {14: ("all", "killed", False),
                                   10: ("civilians", "killed", True),
                                   2: ("security_forces", "killed", True)})
    got = document_pass(pool, rows)
    assert ("civilians", "killed", 10, 10) in _keys(got)
    assert all(r.high is not None for r in got)


def test_the_items_of_one_list_share_their_bound():
    text = "The dead included two policemen, three labourers and a driver."
    pool, rows = _rows(text, {2: ("security_forces", "killed", False),
                              3: ("civilians", "killed", True), 1: ("civilians", "killed", True)})
    got = document_pass(pool, rows)
    assert len(got) == 3 and len({r.high is None for r in got}) == 1


def test_a_toll_that_names_no_victims_takes_the_one_category_of_the_others():
    """Convention 6: "killing four passengers ... Death toll now 5" -> civilians 5 only."""
    text = ("Gunmen opened fire on a bus near Zhob, killing four passengers. Update: one of "
            "the injured has died in hospital. Death toll now 5.")
    pool, rows = _rows(text, {4: ("civilians", "killed", False), 5: ("all", "killed", False)})
    assert _keys(document_pass(pool, rows)) == {("civilians", "killed", 5, 5)}


def test_a_toll_beside_two_kinds_of_victims_stays_all():
    text = ("Gunmen killed four passengers and two policemen near Zhob. Update: the death "
            "toll has risen to 7.")
    pool, rows = _rows(text, {4: ("civilians", "killed", False), 2: ("security_forces",
                       "killed", False), 7: ("all", "killed", False)})
    assert ("all", "killed", 7, 7) in _keys(document_pass(pool, rows))
