"""One document's text -> the candidate figures table (``candidates.csv``)."""

from __future__ import annotations

import pandas as pd

from sitrep.extract.figures import sentence_figures, settle_tolls, supersede
from sitrep.extract.mentions import Mention
from sitrep.extract.sentences import Sentence, split_sentences
from sitrep.extract.where import dateline, nearest_place, places_in
from sitrep.schema import CANDIDATE_COLUMNS


def extract_figures(text: str, document: str) -> pd.DataFrame:
    """Every casualty figure proposed for ``text``, one row each, in text order.

    ``text[start:end]`` is the evidence (the count and its noun); ``high`` is empty for an
    open figure ("over 40"); ``claim`` is "yes" or "no"; ``probability`` is in 0..1 (how
    likely the figure is right); ``decision`` is left empty for the reviewer. With the
    learned layer's model.json present, the rules propose and the model decides
    (:mod:`sitrep.extract.learn`, issue 18), and ``probability`` is its calibrated one;
    without it, the rules alone (:func:`rule_figures`).
    """
    # imported here: the learned layer builds on this module's read_figures
    from sitrep.extract.learn.apply import default_model, learned_tables
    model = default_model()
    if model is None:
        return rule_figures(text, document)
    return learned_tables(model, text, document)[0]


def rule_figures(text: str, document: str) -> pd.DataFrame:
    """The figures the rules alone propose for ``text`` (the candidate generator of the
    learned layer), ``probability`` being the rules' own confidence."""
    return candidate_frame(document, *read_figures(text))


def candidate_frame(document: str, figures: list[Mention], sentences: list[Sentence],
                    places: list[str]) -> pd.DataFrame:
    """The candidates table of one document from :func:`read_figures`'s output: the figures
    that no other replaces."""
    rows = [_row(document, sentences[i].text, figures[i], places[i])
            for i in supersede(figures)]
    frame = pd.DataFrame(rows, columns=list(CANDIDATE_COLUMNS))
    for col in ("start", "end", "low", "high"):
        frame[col] = frame[col].astype("Int64")
    return frame


def read_figures(text: str, dropped: list[tuple[Mention, str]] | None = None
                 ) -> tuple[list[Mention], list[Sentence], list[str]]:
    """Every figure the rules read in ``text``, superseded ones included, with the sentence
    and the place of each (the caller decides which stand: :func:`supersede`). The counts of
    people that are no figure are appended to ``dropped`` with the reason."""
    figures: list[Mention] = []
    sentences: list[Sentence] = []
    places: list[str] = []
    home = dateline(text)
    previous_places: list[tuple[int, str]] = []
    context = ("", "")  # the last figure's (category, outcome): "A seventh later died"
    for s in split_sentences(text):
        here = places_in(s.text)
        for m in sentence_figures(text, s.start, s.end, context, dropped):
            context = (m.category, m.outcome) if not m.subset else context
            figures.append(m)
            sentences.append(s)
            places.append(nearest_place(here, m.start - s.start)
                          or (previous_places[-1][1] if previous_places else "") or home)
        previous_places = here or previous_places
    settle_tolls(figures)
    return figures, sentences, places


def _row(document: str, sentence: str, m: Mention, place: str) -> dict:
    return {
        "document": document, "sentence": sentence, "start": m.start, "end": m.end,
        "victim_category": m.category, "outcome": m.outcome, "low": m.low,
        "high": m.high if m.high is not None else pd.NA,
        "claim": "yes" if m.claim else "no", "place": place, "home_province": m.home,
        "probability": confidence(m), "decision": "",
    }


def confidence(m: Mention) -> float:
    """How sure the rules are, 0..1: lower for borrowed cues, guessed nouns and parts."""
    score = 0.95
    score -= {"head": 0.0, "after": 0.0, "before": 0.05, "gap": 0.15,
              "next": 0.1, "previous": 0.1}.get(m.outcome_from, 0.2)
    if m.category == "unknown" and not m.subset:
        score -= 0.25  # the noun named no category we know
    if not m.head and not m.of_head and not m.update:
        score -= 0.1   # a number standing alone
    if m.subset:
        score -= 0.05
    if m.singular:
        score -= 0.05
    return round(max(score, 0.3), 2)
