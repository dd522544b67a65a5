"""What every reader returns: reports, their figures, sources, victims, audit and problems.

A reader turns one input (the native log or a dataset export) into these frames and knows
nothing about tables or pages. Column lists are in :mod:`sitrep.schema`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from sitrep.problems import Problem
from sitrep.schema import VICTIM_OUT_COLUMNS


@dataclass
class ReadResult:
    dataset: str                    # "Incident log", "ACLED", "UCDP GED", "GTD"
    files: list[str]
    reports: pd.DataFrame
    figures: pd.DataFrame
    sources: pd.DataFrame
    audit: pd.DataFrame
    victims: pd.DataFrame = field(default_factory=lambda: empty(VICTIM_OUT_COLUMNS))
    problems: list[Problem] = field(default_factory=list)
    # Plain-language statements for the methodology section (category rule, encodings read).
    method: list[str] = field(default_factory=list)
    # The dead a dataset export gives for its rejected rows, which the briefing does not count:
    # {"killed": sum where the figure could be read, "unreadable": rows where it could not}.
    not_counted: dict = field(default_factory=dict)


def empty(columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
