"""A reviewed candidates.csv in: every decision checked, the accepted figures typed.

The ``decision`` column takes, in any case:

* empty: not reviewed yet;
* ``accept``: the figure is right *as the row now reads*; a reviewer who corrects a figure
  edits ``victim_category``, ``outcome``, ``low``, ``high``, ``claim`` or ``home_province`` in
  the row and writes ``accept``;
* ``reject``: not a figure of this report (its values are not checked);
* ``add``: a figure the extractor missed, on a row the reviewer added: ``document`` and the
  figure's columns filled, ``sentence``/``start``/``end``/``probability`` may stay empty.

A document is reviewed when every one of its rows has a decision; one with decisions on some
rows only is an error (the figures of a report are applied together). A document with no
decision at all is left for later.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sitrep.counts import MAX_COUNT
from sitrep.schema import CATEGORIES_ALL, OUTCOMES
from sitrep.textfiles import decode, separator

DECISIONS = ("accept", "reject", "add")
ACCEPTED = ("accept", "add")
_DIGITS = re.compile(r"[0-9]+")  # not str.isdigit: '²' and '٢' are digits to it
NEEDED = ("document", "victim_category", "outcome", "low", "high", "claim", "home_province",
          "decision")


class ReviewError(ValueError):
    """What is wrong in the review, one line per problem, each naming file, line and column."""

    def __init__(self, problems: list[str], head: str = ""):
        self.problems = list(problems)
        n = len(self.problems)
        head = head or f"{n} problem{'s' if n != 1 else ''} in the review:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


@dataclass
class Review:
    rows: pd.DataFrame      # every row as text, decision normalised, with its file line
    accepted: pd.DataFrame  # the accept/add rows, low/high as integers (high <NA> when open)
    reviewed: list[str]     # documents whose every row has a decision, in file order
    undecided: list[str]    # documents with no decision at all


def read_review(path: str | Path) -> Review:
    """Read and check a reviewed candidates.csv; raises :class:`ReviewError` listing every
    problem found."""
    path = Path(path)
    if not path.is_file():
        raise ReviewError([f"{path}: no such file - run make extract first"],
                          head="Nothing to apply:")
    rows, problems = _read(path)
    name = path.name
    for row in rows.to_dict("records"):
        problems += check_row(row, name)
    reviewed, undecided = [], []
    for doc, group in rows.groupby("document", sort=False):
        open_lines = group.loc[group["decision"] == "", "line"].tolist()
        if len(open_lines) == len(group):
            undecided.append(doc)
        elif open_lines:
            problems.append(f"{name}: document '{doc}': lines {_lines(open_lines)} have no "
                            "decision while others of its rows have one - decide every row of "
                            "a report (reject what is wrong), or none")
        else:
            reviewed.append(doc)
    if problems:
        raise ReviewError(problems)
    accepted = rows[rows["decision"].isin(ACCEPTED) & rows["document"].isin(reviewed)].copy()
    accepted["low"] = accepted["low"].astype(int)
    accepted["high"] = pd.array([int(h) if h else pd.NA for h in accepted["high"]],
                                dtype="Int64")
    return Review(rows, accepted.reset_index(drop=True), reviewed, undecided)


def _read(path: Path) -> tuple[pd.DataFrame, list[str]]:
    """Rows as text with their first line in the file (header = line 1), as a spreadsheet
    shows it even when a sentence spans lines."""
    text, sep = read_csv_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    header = [h.strip() for h in next(reader, [])]
    records, line = [], 1
    for cells in reader:
        if any(c.strip() for c in cells):
            records.append([line + 1] + [c.strip() for c in cells[:len(header)]]
                           + [""] * (len(header) - len(cells)))
        line = reader.line_num
    missing = [c for c in NEEDED if c not in header]
    if missing:
        return (pd.DataFrame(columns=["line", *NEEDED]),
                [f"{path.name}:1: column '{c}' is missing - keep the columns make extract "
                 "wrote, and add 'decision' if it is gone" for c in missing])
    rows = pd.DataFrame(records, columns=["line", *header])
    rows["decision"] = rows["decision"].str.lower()
    for column in ("victim_category", "outcome", "claim"):  # as the log's cell checks read them
        rows[column] = rows[column].str.lower().str.replace(r"[\s-]+", "_", regex=True)
    return rows, []


def read_csv_text(path: Path) -> tuple[str, str]:
    """A candidates.csv as a spreadsheet may have saved it: its text, decoded as the log's
    readers decode, and its separator (comma, or the semicolon or tab its header line holds
    more of)."""
    text, _ = decode(path.read_bytes())
    return text.removeprefix("\ufeff"), separator(text)


def _count(value: str) -> bool:
    return bool(_DIGITS.fullmatch(value)) and int(value) <= MAX_COUNT


def check_row(row: dict, name: str) -> list[str]:
    """Problems of one row: an unknown decision word, or, for an accepted or added figure, a
    value that is no category, outcome, count or claim flag."""
    at = f"{name}:{row['line']}"
    decision = row["decision"]
    if decision == "" or decision == "reject":
        return [] if decision == "" or row["document"] else [
            f"{at}: column 'document' is empty - name the report's file"]
    if decision not in DECISIONS:
        return [f"{at}: column 'decision': '{decision}' is not a decision - write accept, "
                "reject or add (or leave it empty: not reviewed)"]
    out = []
    for column, choices in (("victim_category", CATEGORIES_ALL), ("outcome", OUTCOMES),
                            ("claim", ("yes", "no"))):
        value = row[column]
        if value not in choices:
            out.append(f"{at}: column '{column}': '{value}' is not one of "
                       f"{', '.join(choices)}")
    if not row["document"]:
        out.append(f"{at}: column 'document' is empty - name the report's file")
    low, high = row["low"], row["high"]
    if not _count(low):
        out.append(f"{at}: column 'low': '{low}' is not a count - write a whole number "
                   f"(0 to {MAX_COUNT:,}) in the digits 0-9")
    if high and not _count(high):
        out.append(f"{at}: column 'high': '{high}' is not a count - write a whole number "
                   f"(0 to {MAX_COUNT:,}) in the digits 0-9, or leave it empty for an open "
                   "figure ('over 40')")
    elif high and _count(low) and int(high) < int(low):
        out.append(f"{at}: column 'high': {high} is below low ({low})")
    return out


def _lines(lines: list[int]) -> str:
    return ", ".join(str(n) for n in lines)
