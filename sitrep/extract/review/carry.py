"""Decisions kept across a re-extraction: ``make extract`` writes candidates.csv afresh, and a
review already written in it must not be lost, even when the report's text was edited since.

An earlier decided row is matched to at most one fresh row of its document, and a fresh row to
at most one earlier row (so nothing is ever carried twice):

1. the same evidence span (``start``, ``end``), when the sentence or the figure is still the
   same there;
2. failing that, the same sentence (and evidence of the same length, or the same figure): the
   offsets moved because the text before it was edited. Where a sentence could match more than
   one row, the shift most of the report's rows moved by decides;
3. failing that, the offsets moved by the shift of the nearest matched row before or after it,
   when the extractor proposes the very same figure there (its sentence was edited elsewhere).

A matched row takes an earlier ``accept`` with the values the reviewer wrote (a correction is
kept); it takes an earlier ``reject`` only when it proposes the very same figure (a changed
proposal is shown again). An ``add`` row is always kept, at the end of its report. An accepted
row no fresh row matches (its figure is gone from the text, or the text changed around it) is
kept without offsets and *without a decision*, and said: the report then has a row undecided
among decided ones, which ``make extract-apply`` refuses until the reviewer writes ``add`` (the
report still gives it) or ``reject``; a figure that may have left the text is never applied
on an old word. A rejected one is dropped, and said.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pandas as pd

from sitrep.extract.review.decisions import read_csv_text
from sitrep.schema import CANDIDATE_COLUMNS

SPAN = ("document", "start", "end")
VALUES = ("victim_category", "outcome", "low", "high", "claim")
FIGURE = SPAN + VALUES
# The columns of the fresh row that stay the extractor's: the rest are the reviewer's.
FRESH_ONLY = ("document", "sentence", "start", "end", "probability")


class Kept(int):
    """How many rows of the fresh candidates.csv hold a decision, and what became of the
    earlier decisions: ``carried`` at the same offsets, ``moved`` with the text, ``added`` rows
    kept, ``orphaned`` (accepted, no longer found: kept undecided) and ``dropped``
    (rejected, no longer proposed as it was)."""

    carried = moved = added = orphaned = dropped = 0

    def __new__(cls, total: int, **parts: int) -> "Kept":
        kept = super().__new__(cls, total)
        for name, n in parts.items():
            setattr(kept, name, n)
        return kept

    def __repr__(self) -> str:
        return (f"{int(self)} ({self.carried} carried, {self.moved} moved with the text, "
                f"{self.added} added rows, {self.orphaned} no longer found: kept undecided, "
                f"{self.dropped} rejections dropped)")

    __str__ = __repr__


def earlier_decisions(out_dir: str | Path) -> pd.DataFrame:
    """The rows of ``out_dir/candidates.csv`` that carry a decision (none if no such file)."""
    path = Path(out_dir) / "candidates.csv"
    if not path.is_file():
        return pd.DataFrame(columns=list(CANDIDATE_COLUMNS))
    text, sep = read_csv_text(path)  # as a spreadsheet may have saved it (cp1252, ';')
    rows = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    rows.columns = [c.strip() for c in rows.columns]
    if "decision" not in rows:
        return pd.DataFrame(columns=list(CANDIDATE_COLUMNS))
    rows["decision"] = rows["decision"].str.strip().str.lower()
    return rows[rows["decision"] != ""].reset_index(drop=True)


def carry_decisions(out_dir: str | Path, earlier: pd.DataFrame) -> Kept:
    """Write ``earlier``'s decisions into the fresh ``out_dir/candidates.csv``; returns how
    many rows hold a decision now (a :class:`Kept`, which also says what became of each earlier
    decision). What could not be carried as it was is printed."""
    if earlier.empty:
        return Kept(0)
    path = Path(out_dir) / "candidates.csv"
    fresh = pd.read_csv(path, dtype=str, keep_default_na=False)
    columns = list(fresh.columns)
    old = [{c: str(r.get(c, "")).strip() for c in set(columns) | set(r)}
           for r in earlier.to_dict("records")]
    new = fresh.to_dict("records")
    said: list[str] = []
    tally = Counter()
    matched = match_rows(old, new)
    rows = [dict(r) for r in new]
    kept: list[dict] = []
    for i, e in enumerate(old):
        if i in matched:
            j, how = matched[i]
            if e["decision"] != "reject":
                rows[j].update({c: e.get(c, "") for c in columns if c not in FRESH_ONLY})
                tally[how] += 1
            elif _values(e) == _values(new[j]):
                rows[j]["decision"] = "reject"
                tally[how] += 1
            else:
                tally["dropped"] += 1
                said.append(f"{_where(e)}: the rejected figure {_figure(e)} is proposed as "
                            f"{_figure(new[j])} now: shown again without a decision")
        elif e["decision"] == "add" or _offsets(e) is None and e["decision"] != "reject":
            kept.append({c: e.get(c, "") for c in columns})
            tally["added"] += 1
        elif e["decision"] == "reject":
            tally["dropped"] += 1
            said.append(f"{_where(e)}: the rejected figure {_figure(e)} is no longer proposed: "
                        "dropped")
        else:
            row = {c: e.get(c, "") for c in columns}
            row.update(start="", end="", probability="", decision="")
            kept.append(row)
            tally["orphaned"] += 1
            said.append(f"{_where(e)}: the accepted figure {_figure(e)} is no longer found in the "
                        f"text ('{_short(e.get('sentence', ''))}'): kept without offsets and "
                        "without a decision - write add if the report still gives it, reject "
                        "if not (make extract-apply waits for it)")
    for line in said:
        print(line)
    out = pd.DataFrame(rows + kept, columns=columns)
    # Added rows after the last row of their report, reports in the fresh file's order.
    order = {d: k for k, d in enumerate(dict.fromkeys(out["document"]))}
    out = out.iloc[sorted(range(len(out)), key=lambda i: order[out["document"].iat[i]])]
    tmp = path.with_name(f".{path.name}.tmp")
    out.to_csv(tmp, index=False)
    tmp.replace(path)
    return Kept(int((out["decision"] != "").sum()), **{k: tally[k] for k in (
        "carried", "moved", "added", "orphaned", "dropped")})


def match_rows(old: list[dict], new: list[dict]) -> dict[int, tuple[int, str]]:
    """Earlier decided rows matched to fresh rows: earlier index -> (fresh index, 'carried'
    when at the same offsets, else 'moved'). ``add`` rows and rows without offsets are never
    matched; no row on either side is matched twice."""
    matched: dict[int, tuple[int, str]] = {}
    docs = {r["document"] for r in old}
    for doc in docs:
        olds = [i for i, r in enumerate(old) if r["document"] == doc and r["decision"] != "add"
                and _offsets(r) is not None]
        news = [j for j, r in enumerate(new) if r["document"] == doc
                and _offsets(r) is not None]
        matched.update(_match_document(old, new, olds, news))
    return matched


def _match_document(old, new, olds, news) -> dict[int, tuple[int, str]]:
    out: dict[int, tuple[int, str]] = {}
    used: set[int] = set()
    at = {_offsets(new[j]): j for j in reversed(news)}  # the first row at a span

    def take(i, j):
        out[i] = (j, "carried" if _offsets(old[i]) == _offsets(new[j]) else "moved")
        used.add(j)

    for i in olds:  # 1. the same span, the sentence or the figure still the same there
        j = at.get(_offsets(old[i]))
        if j is not None and j not in used and (_same_sentence(old[i], new[j])
                                                or _values(old[i]) == _values(new[j])):
            take(i, j)
    pairs = []  # 2. the same sentence: the shift most rows moved by first
    for i in olds:
        if i in out:
            continue
        (s0, e0) = _offsets(old[i])
        for j in news:
            (s1, e1) = _offsets(new[j])
            if j not in used and _same_sentence(old[i], new[j]) and (
                    e1 - s1 == e0 - s0 or _values(old[i]) == _values(new[j])):
                pairs.append((s1 - s0, i, j))
    votes = Counter(d for d, _, _ in pairs)
    votes.update(_shift(old[i], new[j]) for i, (j, _) in out.items())
    pairs.sort(key=lambda p: (-votes[p[0]], _values(old[p[1]]) != _values(new[p[2]]),
                              abs(p[0]), _offsets(old[p[1]])))
    for _, i, j in pairs:
        if i not in out and j not in used:
            take(i, j)
    for i in olds:  # 3. shifted like a matched neighbour, the very same figure there
        if i in out:
            continue
        s0, e0 = _offsets(old[i])
        for d in _neighbour_shifts(old, new, out, s0):
            j = at.get((s0 + d, e0 + d))
            if j is not None and j not in used and _values(old[i]) == _values(new[j]):
                take(i, j)
                break
    return out


def _neighbour_shifts(old, new, out, start: int) -> list[int]:
    """The shifts of the nearest matched earlier rows before and after ``start``."""
    by_start = sorted((_offsets(old[i])[0], _shift(old[i], new[j])) for i, (j, _) in out.items())
    before = [d for s, d in by_start if s <= start][-1:]
    after = [d for s, d in by_start if s > start][:1]
    return list(dict.fromkeys(before + after))


def _shift(o: dict, n: dict) -> int:
    return _offsets(n)[0] - _offsets(o)[0]


def _offsets(row: dict) -> tuple[int, int] | None:
    try:
        return int(float(row.get("start", ""))), int(float(row.get("end", "")))
    except (TypeError, ValueError):
        return None


def _values(row: dict) -> tuple:
    return tuple(str(row.get(c, "")).strip().lower() for c in VALUES)


_NOT_LETTER = re.compile(r"[^a-z0-9]+")


def _same_sentence(a: dict, b: dict) -> bool:
    """The same sentence, whatever a spreadsheet did to its spaces, case or the characters its
    code page lacks."""
    ka = _NOT_LETTER.sub("", str(a.get("sentence", "")).lower())
    return bool(ka) and ka == _NOT_LETTER.sub("", str(b.get("sentence", "")).lower())


def _where(row: dict) -> str:
    return f"candidates.csv: {row.get('document', '')}"


def _figure(row: dict) -> str:
    low, high = row.get("low", ""), row.get("high", "")
    count = low if high == low else f"{low}-{high}" if high else f"{low} or more"
    claim = ", claimed" if row.get("claim", "") == "yes" else ""
    return f"'{count} {row.get('victim_category', '')} {row.get('outcome', '')}{claim}'"


def _short(text: str, n: int = 70) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[:n - 3] + "..."
