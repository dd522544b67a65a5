"""The candidates of one report: every count the rules read, and every raw number.

The rules are the candidate generator here, not the judge: a candidate is a figure the rules
proposed, one they read and then replaced (a toll update, a revision), a count of people they
set aside (with their reason), or a number in a sentence that the rules never took for a count
of people. Each keeps the labels the rules proposed for it as *options* (the other worker's
review and the document pass read them); the model never sees them as features, because on the
reports the rules were tuned on they are nearly always right and the model would copy them.
For training, :func:`align` ties each candidate to the gold figure of its document it best
reads, by value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.extract.candidates import read_figures
from sitrep.extract.figures import replacement, supersede
from sitrep.extract.mentions import Mention, _parse
from sitrep.extract.patterns import COUNT_RE
from sitrep.extract.sentences import Sentence, split_sentences
from sitrep.extract.where import dateline, nearest_place, places_in

CATEGORIES = ("all", "civilians", "security_forces", "militants", "unknown")
_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")


@dataclass
class Candidate:
    """One number of a report that may be a casualty figure; offsets into the document."""

    start: int                # evidence: the count through its noun
    end: int
    count_end: int            # end of the count words ("over 40")
    low: int
    high: int | None          # as the count grammar reads it (None: open)
    sentence: int             # index into Pool.sentences
    source: str               # "proposed" | "replaced" | "set_aside" | "raw"
    reason: str = ""          # why the rules set it aside or replaced it
    head: str = ""            # the noun it counts ("" when none was read)
    of_head: str = ""
    mods: list[str] = field(default_factory=list)
    home: str = ""
    place: str = ""
    mention: Mention | None = None  # the rules' reading, when they read one
    # the rules' labels, as options (empty for a raw number)
    category: str = ""
    outcome: str = ""
    claim: bool = False
    open: bool = False


@dataclass
class Pool:
    document: str
    text: str
    sentences: list[Sentence]
    candidates: list[Candidate]
    figures: list[Mention]                    # everything read_figures returned
    dropped: list[tuple[Mention, str]]        # the counts it set aside, with the reason


def build_pool(text: str, document: str) -> Pool:
    """Every candidate of ``text``, in text order; runs the rules once."""
    dropped: list[tuple[Mention, str]] = []
    figures, _, _ = read_figures(text, dropped)
    sentences = split_sentences(text)
    standing = set(supersede(figures))
    cands: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for i, m in enumerate(figures):
        other = replacement(figures, m)
        reason = "" if i in standing else (
            f"replaced by another figure of its kind: '{text[other.start:other.end]}'"
            if other is not None else "replaced")
        cands.append(_from_mention(text, sentences, m, "proposed" if i in standing
                                   else "replaced", reason))
        taken.append((m.start, max(m.end, m.np_end)))
    for m, reason in dropped:
        if any(a <= m.start < b for a, b in taken):
            continue
        cands.append(_from_mention(text, sentences, m, "set_aside", reason))
        taken.append((m.start, max(m.end, m.np_end)))
    for k, s in enumerate(sentences):
        for hit in COUNT_RE.finditer(text, s.start, s.end):
            if any(a <= hit.start() < b or hit.start() <= a < hit.end() for a, b in taken):
                continue
            raw = _raw(text, k, s, hit)
            if raw is not None:
                cands.append(raw)
                taken.append((raw.start, raw.end))
    cands.sort(key=lambda c: (c.start, c.end))
    _places(text, sentences, cands)
    return Pool(document, text, sentences, cands, figures, dropped)


def _sentence_of(sentences: list[Sentence], pos: int) -> int:
    for k, s in enumerate(sentences):
        if s.start <= pos < s.end:
            return k
    return max(0, len(sentences) - 1)


def _count_end(text: str, m: Mention) -> int:
    hit = COUNT_RE.match(text, m.start)
    if hit:
        return hit.end()
    word = re.compile(r"\S+").match(text, m.start)  # "a policeman", "his son"
    return word.end() if word else m.end


def _from_mention(text: str, sentences: list[Sentence], m: Mention, source: str,
                  reason: str) -> Candidate:
    parsed = _parse(m.count_text)
    low, high = (parsed.low, parsed.high) if parsed is not None else (m.low, m.high)
    if m.inner:  # "three of the six injured": the count is the first number
        low, high = m.low, m.high if not m.subset else m.high
    return Candidate(
        start=m.start, end=m.end, count_end=_count_end(text, m), low=low, high=high,
        sentence=_sentence_of(sentences, m.start), source=source, reason=reason,
        head=m.head, of_head=m.of_head, mods=list(m.mods), home=m.home, mention=m,
        category=m.category, outcome=m.outcome, claim=m.claim, open=m.high is None)


def _raw(text: str, k: int, s: Sentence, hit: re.Match) -> Candidate | None:
    """A number the rules never read as a count of people: its next word is its noun."""
    parsed = _parse(" ".join(hit.group(0).split()))
    if parsed is None or parsed.high == 0 or parsed.low > 100000:
        return None
    if re.fullmatch(r"(1[89]|20)\d\d", hit.group(0).strip()):
        return None  # a year
    nxt = _WORD.match(text, hit.end() + 1) if hit.end() < s.end else None
    end = nxt.end() if nxt and nxt.start() - hit.end() <= 1 and nxt.end() <= s.end else hit.end()
    return Candidate(start=hit.start(), end=end, count_end=hit.end(), low=parsed.low,
                     high=parsed.high, sentence=k, source="raw",
                     reason="not read as a count of people",
                     head=nxt.group(0).lower() if end > hit.end() else "")


def _places(text: str, sentences: list[Sentence], cands: list[Candidate]) -> None:
    """The place of each candidate, as the rules choose it (:mod:`sitrep.extract.where`)."""
    home = dateline(text)
    here = [places_in(s.text) for s in sentences]
    last = ""
    previous: list[str] = []
    for k, s in enumerate(sentences):
        previous.append(last)
        if here[k]:
            last = here[k][-1][1]
    for c in cands:
        s = sentences[c.sentence]
        c.place = (nearest_place(here[c.sentence], c.start - s.start)
                   or previous[c.sentence] or home)


# --- alignment to gold, for training -------------------------------------------------------

@dataclass(frozen=True)
class Gold:
    category: str
    outcome: str
    low: int
    high: int | None
    claim: bool


SKIP = Gold("", "", -1, None, False)  # a candidate training leaves out: see align()


def align(cands: list[Candidate], gold: list[Gold]) -> list[Gold | None]:
    """The gold figure each candidate stands for; None when no gold figure of its document
    has its number, :data:`SKIP` when one has but another candidate reads it better.

    Gold figures carry no position in the text, only a number. Of the candidates with a gold
    figure's number, those the rules read most like it stand for it: the most labels agreeing
    with the figure's (category, outcome, claim, bound), then a proposal before a count
    replaced, a count set aside, then a raw number. The others with that number ("at 2 pm",
    "two vehicles" beside "two soldiers were killed") are neither the figure nor surely not
    it, and are left out of training. Taken as the figure, as the first versions did, they
    taught the model that a clock time or a count of houses may be a casualty figure of the
    same category: on the 13 new-voice sets left out in turn, pooled F1 0.729 -> 0.742
    (precision 0.740 -> 0.764); taken as not figures, 0.733 (recall falls, since a figure said
    twice is then half wrong).

    Of several gold figures with the number, a candidate stands for the one it reads best (the
    first of equals), and only where no candidate reads that figure better. The first weights
    put how the rules read a count before its labels, so a proposal of "4 soldiers killed"
    stood for a gold "4 civilians injured" rather than a count of 4 set aside with exactly that
    reading, teaching the soldiers' words as civilians' (found in review). Labels first: 0.759
    -> 0.760 on the same folds with the same settings, a fix rather than a gain. Sharing the
    candidates out (each goes to the figure it reads best, each figure keeps the best of those
    that came to it) gave 0.758, and 0.753 with the first weights: not taken.
    """
    def fit(c: Candidate, g: Gold) -> int:
        read = {"proposed": 3, "replaced": 2, "set_aside": 1}.get(c.source, 0)
        return read + 4 * ((g.category == c.category) + (g.outcome == c.outcome)
                           + (g.claim == c.claim) + ((g.high is None) == c.open))
    best: dict[Gold, int] = {}
    for c in cands:
        for g in gold:
            if g.low == c.low:
                best[g] = max(best.get(g, -1), fit(c, g))
    out: list[Gold | None] = []
    for c in cands:
        same = [g for g in gold if g.low == c.low]
        mine = [g for g in same if fit(c, g) == best[g]]
        out.append(max(mine, key=lambda g: fit(c, g)) if mine else SKIP if same else None)
    return out
