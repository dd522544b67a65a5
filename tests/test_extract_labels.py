"""Tests for sitrep.extract.labels: a form's field label gives its outcome to the counts of its
field."""

from __future__ import annotations

import pytest

from test_extract_figures import ALL, CIV, I, K, SF, f, figures


# Every figure of each sentence, and nothing else: the sentences whose figures rest on a field
# label, one construction a line. A heading says where its constructions were first met, or what
# they were first written to test.
GRAMMAR = [
    # constructions first met in heldout8 (a parliamentary answer, a union statement, a TV
    # ticker, a polio incident form, a jirga declaration, a letter, translations)
    ("Dead: 4 (3 farmers, 1 constable). Wounded: 6.",
     {f(ALL, K, 4), f(CIV, K, 3), f(SF, K, 1), f(ALL, I, 6)}),
    ("Injured: nine porters, two of them boys.", {f(CIV, I, 9), f(CIV, I, 2, None)}),
    # constructions first met in heldout9 (a court report, hospital bulletins, a stock-exchange
    # notice, a talk show, a live page, a returning officer's report, translations)
    ("Bulletin 2: Dead received: 9. Injured received: 20.", {f(ALL, K, 9), f(ALL, I, 20)}),
    # an independent review's probes: each once read wrongly by a rule of this project
    ("Killed: 4 soldiers | Injured: 6 civilians", {f(SF, K, 4), f(CIV, I, 6)}),
    ("Killed: 3 — police later deployed 200 troops in the area.", {f(ALL, K, 3)}),
    ("Injured: 2, shifted to hospital in 3 ambulances.", {f(ALL, I, 2)}),
    # a second review's probes, each read wrongly by an intermediate version of the rules
    ("Martyred: 2 soldiers, 1 policeman.", {f(SF, K, 2), f(SF, K, 1)}),
    ("Killed: three soldiers; two policemen; one civilian.",
     {f(SF, K, 3), f(SF, K, 2), f(CIV, K, 1)}),
    ("Martyred: 4 — 2 soldiers, 2 policemen.", {f(ALL, K, 4), f(SF, K, 2)}),
    ("Injured: 5 (2 critical).", {f(ALL, I, 5)}),
    ("Killed: 7 (4 on the spot), Injured: 12", {f(ALL, K, 7), f(ALL, I, 12)}),
]


@pytest.mark.parametrize("text, expected", GRAMMAR, ids=[t[:60] for t, _ in GRAMMAR])
def test_grammar_gives_exactly_these_figures(text, expected):
    assert figures(text) == expected
