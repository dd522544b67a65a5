"""The pass over a whole report, after each candidate has been labelled on its own.

One candidate at a time cannot see what the report says elsewhere: that a toll rose since
(convention 6: only the latest counts), that a figure is said twice (one row per figure),
or that the items of a list are the exact breakdown of a total rather than parts of it
(convention 5). Here the accepted rows of one report are decided together:

1. the items of one list in a sentence ("two soldiers, three policemen and a driver") share
   one bound, and are exact when they add up to a total given just before them after a colon,
   a bracket, a dash or "were", open when "including" or "among" introduces them;
2. a toll that names no victims takes the category of the report's other figures of its
   outcome when they are all civilians or all security forces; then a toll update supersedes
   the earlier, smaller figures of its category and outcome, a revision any of them, and a
   figure the report says came first gives way;
3. one row per figure: a figure repeated, or read twice with different bounds, is one row.

A number the model adds beside a rule proposal of the same number is kept when its labels
differ: on heldout10 and heldout11 (the validation sets) dropping such numbers lost more
right figures than wrong ones (F1 0.735 against 0.746).
"""

from __future__ import annotations

import re

from sitrep.extract.learn.combine import Row
from sitrep.extract.learn.pool import Pool

_LIST_GAP = re.compile(r"^[\s,;]*(?:and|&|as\s+well\s+as|plus)?[\s,]*$", re.IGNORECASE)
_BREAKDOWN = re.compile(r"[:(\[—–]|\s-\s|\bwere\b|\bare\b|\bnamely\b", re.IGNORECASE)
_PARTS = re.compile(r"\b(?:including|includ\w*|among|of\s+them|of\s+whom)\b", re.IGNORECASE)
_UPDATE = re.compile(
    r"\b(?:ris(?:en|es|ing)|rose|climb\w*|jump\w*|reach\w*|increas\w*|mount\w*|swell\w*|"
    r"went\s+up|gone\s+up|revis\w*|updat\w*|stands?\s+at|stood\s+at|now)\b[^.;]{0,50}?"
    r"\b(?:to|at|is|was)\s*$"
    r"|\b(?:toll|fatalities|deaths|dead|casualties)\s+(?:is\s+|are\s+)?now\s*:?\s*$",  # toll now 5
    re.IGNORECASE)
_REVISION = re.compile(r"\brevis\w*|\bcorrect\w*|\bupdat\w*", re.IGNORECASE)


def document_pass(pool: Pool, rows: list[Row]) -> list[Row]:
    """The rows of one report that stand, in text order, each figure once."""
    rows = sorted(rows, key=lambda r: pool.candidates[r.index].start)
    decide_lists(pool, rows)
    settle_tolls(pool, rows)
    rows = supersede_tolls(pool, rows)
    return one_row_per_figure(rows)


def _lists(pool: Pool, rows: list[Row]) -> list[list[Row]]:
    """Runs of rows in one sentence joined only by commas and 'and'."""
    out: list[list[Row]] = []
    for r in rows:
        c = pool.candidates[r.index]
        if out:
            p = pool.candidates[out[-1][-1].index]
            if (p.sentence == c.sentence and p.end <= c.start
                    and _LIST_GAP.match(pool.text[p.end:c.start])):
                out[-1].append(r)
                continue
        out.append([r])
    return [run for run in out if len(run) > 1]


def decide_lists(pool: Pool, rows: list[Row]) -> None:
    """Give the items of each list one bound (exact breakdown, or open parts)."""
    for items in _lists(pool, rows):
        first = pool.candidates[items[0].index]
        before = [r for r in rows if pool.candidates[r.index].sentence == first.sentence
                  and pool.candidates[r.index].end <= first.start]
        total = before[-1] if before else None
        gap = pool.text[pool.candidates[total.index].end:first.start] if total else ""
        closed = [r for r in items if pool.candidates[r.index].high is not None]
        if not closed or all(r.ruled for r in items):  # the rules decided this list already
            continue
        if total and _PARTS.search(gap):
            is_open = True
        elif total and _BREAKDOWN.search(gap) and sum(r.low for r in items) == total.low:
            is_open = False
        else:
            is_open = sum(r.p_open for r in closed) / len(closed) > 0.5
        for r in closed:
            c = pool.candidates[r.index]
            r.high = None if is_open else (c.high if c.high is not None else c.low)


def settle_tolls(pool: Pool, rows: list[Row]) -> None:
    """A toll that names no victims ("Death toll now 5") counts the victims of the report's
    other figures of its outcome: their category, when they are all civilians or all security
    forces (convention 6; attackers killed are not the toll of an attack, and parts do not
    speak for the whole)."""
    for u in rows:
        c = pool.candidates[u.index]
        if u.category != "all" or c.head not in ("", *_TOLL_HEADS) or not _is_update(pool, u):
            continue
        others = {r.category for r in rows if r is not u and r.outcome == u.outcome
                  and r.claim == u.claim and not _is_part(pool, r) and r.category != "militants"}
        if len(others) == 1 and others <= {"civilians", "security_forces"}:
            u.category = others.pop()


_TOLL_HEADS = ("people", "persons", "dead", "deaths", "fatalities", "casualties", "victims")


def _is_part(pool: Pool, r: Row) -> bool:
    """An open figure the count grammar read as closed: a part of the victims ("including
    two children")."""
    return r.high is None and pool.candidates[r.index].high is not None


def _is_update(pool: Pool, r: Row) -> bool:
    return _said_before(pool, r, "update", _UPDATE)


def _is_revision(pool: Pool, r: Row) -> bool:
    return _said_before(pool, r, "revision", _REVISION)


def _said_before(pool: Pool, r: Row, flag: str, words: re.Pattern) -> bool:
    """Whether the rules flagged the row's count so (``flag``), or ``words`` stand just before
    it in its sentence: the model's own candidates carry no rule flags."""
    c = pool.candidates[r.index]
    if c.mention is not None and getattr(c.mention, flag):
        return True
    s = pool.sentences[c.sentence]
    return bool(words.search(pool.text[max(s.start, c.start - 80):c.start]))


def _replaces(pool: Pool, u: Row, m: Row) -> bool:
    """Whether row ``u`` supersedes row ``m`` (both accepted, in one report)."""
    cu, cm = pool.candidates[u.index], pool.candidates[m.index]
    if u is m or (u.category, u.outcome, u.claim) != (m.category, m.outcome, m.claim):
        return False
    if _is_part(pool, u) or _is_part(pool, m):
        return False  # a part of the victims never replaces a figure, nor is replaced
    if cm.mention is not None and cm.mention.stale and not (
            cu.mention is not None and cu.mention.stale):
        return True  # "after initially saying 10"
    if not _is_update(pool, u) or cm.start >= cu.start and _is_update(pool, m):
        return False
    return _is_revision(pool, u) or m.low < u.low


def supersede_tolls(pool: Pool, rows: list[Row]) -> list[Row]:
    return [m for m in rows if not any(_replaces(pool, u, m) for u in rows)]


def one_row_per_figure(rows: list[Row]) -> list[Row]:
    """A figure once: of the rows with one category, outcome, number and claim, the most
    likely (the first of equals), wherever it sits in the report."""
    best: dict[tuple, Row] = {}
    for r in rows:
        key = (r.category, r.outcome, r.low, r.claim)
        if key not in best or r.p_figure * r.p_labels > best[key].p_figure * best[key].p_labels:
            best[key] = r
    keep = {id(r) for r in best.values()}
    return [r for r in rows if id(r) in keep]
