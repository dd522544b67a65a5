"""Tests for sitrep.extract.background: sentences about earlier events give no figures."""

from __future__ import annotations

import pytest

from test_extract_figures import CIV, I, K, SF, f, figures


# Every figure of each sentence, and nothing else: the sentences that tell of earlier events, or
# only seem to, one construction a line. A heading says where its constructions were first met, or
# what they were first written to test.
GRAMMAR = [
    # not figures
    ("The militants had attacked a border post a day earlier, killing two soldiers.", set()),
    # more wordings: ISPR verbs, parts, 'of them', revisions across sentences
    ("Two years ago, a similar attack killed 20 people.", set()),
    # longer reports: 'of them' antecedents, tolls that inherit, name-and-age asides
    ("The attack comes days after militants killed four soldiers in the same district.", set()),
    ("The feud, going back a decade, has claimed 16 lives.", set()),
    # noisy reports: durations, earlier attacks, causes that are not attacks, speakers
    ("Over the past two years, 14 policemen were killed in the district.", set()),
    ("The clashes erupted after an attack on a convoy in which 52 passengers were killed.", set()),
    # constructions first met in the blind heldout3 set
    ("More than 60 soldiers have been martyred in the district this year.", set()),
    # constructions first met in heldout4 (ISPR releases, FIR summaries, wire copy)
    ("Fourteen soldiers were killed and 11 wounded in a clash, in one of the deadliest "
     "encounters since a 2014 peace deal.", {f(SF, K, 14), f(SF, I, 11)}),
    ("Yemen's decade-long war has killed more than 150,000 people.", set()),
    # constructions first met in heldout5 (translations, tickers, OCHA updates, wire copy)
    ("He noted that 46 soldiers had been martyred in the district since January.", set()),
    # constructions first met in heldout6 (hospital and police releases, live blogs, wires)
    ("The insurgency has so far claimed 300 lives.", set()),
    # constructions first met in heldout7 (WhatsApp notes, stringers' run-on copy, FIRs, flash
    # updates, translated posts)
    ("a bomb went off in the bazaar. four traders died on the spot. police said in 2019 a "
     "similar blast killed two.", {f(CIV, K, 4)}),
    # constructions first met in heldout8 (a parliamentary answer, a union statement, a TV
    # ticker, a polio incident form, a jirga declaration, a letter, translations)
    ("In the past three months four ambushes have killed 30 soldiers in the district.", set()),
    # an independent review's probes: each once read wrongly by a rule of this project
    ("Three soldiers were martyred on Monday, the fifth such attack in the last three months.",
     {f(SF, K, 3)}),
    # a second review's probes, each read wrongly by an intermediate version of the rules
    ("It was the second attack on the school since January, when 14 students were killed.",
     set()),
    ("The latest attack follows a blast that killed 30 people last year.", set()),
]


@pytest.mark.parametrize("text, expected", GRAMMAR, ids=[t[:60] for t, _ in GRAMMAR])
def test_grammar_gives_exactly_these_figures(text, expected):
    assert figures(text) == expected
