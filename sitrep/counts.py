"""The count grammar: what a source said ("over 40", "14-20", "twenty-three") -> low/high bounds.

A count cell holds the words of the source, not a number we made up. This module turns those
words into a :class:`Count` (low, high or open, approximate or not) and says clearly when it
cannot. It knows nothing about files, tables or pages.

Grammar (case-insensitive, surrounding spaces ignored)::

    23 | 1,200 | nine | twenty-three | a dozen | one hundred and five   -> exact
    over N | more than N                                                -> N+1 .. open
    at least N | N+ | N or more                                         -> N .. open
    N-M | N–M | N to M | between N and M                                -> N .. M
    about N | around N | some N | approximately N | roughly N | ~N       -> N .. N, approximate
    up to N | at most N                                                 -> 0 .. N
    (empty) | unknown | not reported | n/a                              -> not reported

Anything else raises :class:`CountError` with a message that says how to write it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Count", "CountError", "parse_count", "parse_number", "NOT_REPORTED_WORDS"]


@dataclass(frozen=True)
class Count:
    """A figure as a source gave it: ``high is None`` means open-ended ("over 40")."""

    low: int
    high: int | None
    approx: bool = False

    @property
    def open(self) -> bool:
        return self.high is None

    @property
    def point(self) -> int:
        """The single figure that stands for this report in a median.

        Its number; the midpoint of a range rounded down; the bound of an open figure.
        """
        if self.high is None:
            return self.low
        return (self.low + self.high) // 2

    def __str__(self) -> str:  # the form used in tables and the narrative
        return format_range(self.low, self.high, approx=self.approx)


class CountError(ValueError):
    """A count cell that the grammar cannot read. The message says how to fix it."""


def format_range(low: int, high: int | None, approx: bool = False) -> str:
    if high is None:
        return f"{low:,}+"
    if low == high:
        return f"~{low:,}" if approx else f"{low:,}"
    return f"{low:,}-{high:,}"


NOT_REPORTED_WORDS = frozenset({"", "unknown", "not reported", "n/a", "na", "nr"})

_UNITS = {
    "zero": 0, "no": 0, "none": 0, "nil": 0,
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000}

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def _words_to_int(text: str) -> int | None:
    """'twenty-three' -> 23, 'a dozen' -> 12, 'one hundred and five' -> 105; None if not words."""
    tokens = [t for t in re.split(r"[\s\-]+", text) if t and t != "and"]
    if not tokens:
        return None
    total, current, seen = 0, 0, False
    for tok in tokens:
        if tok in _UNITS:
            if current % 10 or (tok in ("a", "an") and current):
                return None  # "three four", "twenty a" are not numbers
            current += _UNITS[tok]
        elif tok in _TENS:
            if current % 100:
                return None  # "twenty thirty", "five twenty" are not numbers
            current += _TENS[tok]
        elif tok in _SCALES:
            scale = _SCALES[tok]
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    if not seen:
        return None
    if tokens in (["a"], ["an"]):
        return None  # a bare article is not a count
    return total + current


def parse_number(text: str) -> int | None:
    """One number in digits or words, or None. Negative or fractional numbers are not counts."""
    t = text.strip().lower()
    if _DIGITS.fullmatch(t):
        return int(t.replace(",", ""))
    return _words_to_int(t)


_NUM = r"(\d{1,3}(?:,\d{3})+|\d+|[a-z][a-z\- ]*?[a-z])"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^(?:over|more than|above|in excess of)\s+{_NUM}$"), "over"),
    (re.compile(rf"^(?:at least|a minimum of|no fewer than|no less than)\s+{_NUM}$"), "atleast"),
    (re.compile(rf"^{_NUM}\s*(?:\+|or more|plus)$"), "atleast"),
    (re.compile(rf"^(?:up to|at most|as many as|no more than)\s+{_NUM}$"), "upto"),
    (re.compile(rf"^between\s+{_NUM}\s+and\s+{_NUM}$"), "range"),
    (re.compile(rf"^{_NUM}\s*(?:-|–|—|to)\s*{_NUM}$"), "range"),
    (re.compile(rf"^(?:about|around|some|approximately|approx\.?|roughly|nearly|almost"
                rf"|an estimated|estimated|c\.|ca\.)\s+{_NUM}$"), "approx"),
    (re.compile(rf"^~\s*{_NUM}$"), "approx"),
]

HOW_TO_WRITE = (
    "write a whole number (23, 1,200, twenty-three), 'over N', 'at least N', 'N-M', "
    "'about N', or leave the cell empty if the source gave no figure"
)


# More people than any incident can count: a pasted id or a stray digit run. Figures are kept as
# 64-bit integers, which a 20-digit number would overflow.
MAX_COUNT = 100_000_000


@lru_cache(maxsize=65536)
def parse_count(text: object) -> Count | None:
    """Parse one count cell. ``None`` means the source did not report this figure.

    Raises CountError for anything the grammar does not cover (negative numbers included).
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise CountError(f"a yes/no value is not a count - {HOW_TO_WRITE}")
    if isinstance(text, int):
        if text < 0:
            raise CountError(f"a count cannot be negative - {HOW_TO_WRITE}")
        return Count(text, text)
    if isinstance(text, float):
        if text != text:  # NaN: an empty spreadsheet cell
            return None
        if text < 0 or text != int(text):
            raise CountError(f"a count must be a whole number of people - {HOW_TO_WRITE}")
        return Count(int(text), int(text))
    t = " ".join(str(text).strip().lower().split())
    if t in NOT_REPORTED_WORDS:
        return None
    if t.startswith("-") and parse_number(t[1:]) is not None:
        raise CountError(f"a count cannot be negative - {HOW_TO_WRITE}")
    if re.fullmatch(r"\d+\.\d+", t):
        whole = float(t)
        if whole == int(whole):  # "23.0": what spreadsheets write for 23
            return Count(int(whole), int(whole))
        raise CountError(f"a count must be a whole number of people - {HOW_TO_WRITE}")
    n = parse_number(t)
    if n is not None:
        return Count(n, n)
    for pattern, kind in _PATTERNS:
        m = pattern.match(t)
        if not m:
            continue
        nums = [parse_number(g) for g in m.groups()]
        if any(x is None for x in nums):
            continue
        if kind == "over":
            return Count(nums[0] + 1, None)
        if kind == "atleast":
            return Count(nums[0], None)
        if kind == "upto":
            return Count(0, nums[0])
        if kind == "approx":
            return Count(nums[0], nums[0], approx=True)
        lo, hi = nums
        if lo > hi:
            raise CountError(f"the range runs backwards ({lo} > {hi}) - write it as '{hi}-{lo}'")
        return Count(lo, hi)
    raise CountError(f"not a count this tool can read - {HOW_TO_WRITE}")
