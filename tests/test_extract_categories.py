"""Tests for sitrep.extract.categories: the victims' category from nouns, modifiers, predicates and
antecedents."""

from __future__ import annotations

import pytest

from test_extract_figures import ALL, CIV, I, K, MIL, SF, UNK, f, figures


# Every figure of each sentence, and nothing else: the sentences whose figures rest on how the
# victims' category is read, one construction a line. A heading says where its constructions were
# first met, or what they were first written to test.
GRAMMAR = [
    # verbs
    ("The bodies of six FC personnel were flown to Quetta.", {f(SF, K, 6)}),
    ("Seven Levies personnel were killed in the attack.", {f(SF, K, 7)}),
    ("Nine security personnel sustained injuries.", {f(SF, I, 9)}),
    # coordination
    ("Two employees of a gas company and a Levies sepoy were shot dead.",
     {f(CIV, K, 2), f(SF, K, 1)}),
    # more wordings: ISPR verbs, parts, 'of them', revisions across sentences
    ("Fifteen were killed, among them three Levies personnel.",
     {f(ALL, K, 15), f(SF, K, 3, None)}),
    ("Six security men were martyred.", {f(SF, K, 6)}),
    ("A polio worker and his police escort were shot dead.", {f(CIV, K, 1), f(SF, K, 1)}),
    # noisy reports: durations, earlier attacks, causes that are not attacks, speakers
    ("Two policemen and a prison warden were killed.", {f(SF, K, 2), f(UNK, K, 1)}),
    # constructions first met in the blind heldout3 set
    ("A bomb struck a truck carrying soldiers, killing three and injuring five, two military "
     "sources told Reuters.", {f(SF, K, 3), f(SF, I, 5)}),
    # constructions first met in heldout4 (ISPR releases, FIR summaries, wire copy)
    ("Seven family members were gunned down in what police called a decades-old feud.",
     {f(CIV, K, 7)}),
    ("Four people, two of them Levies men, were killed.", {f(ALL, K, 4), f(SF, K, 2, None)}),
    ("Elders said most of the 17 people killed were civilians.", {f(ALL, K, 17)}),
    # constructions first met in heldout5 (translations, tickers, OCHA updates, wire copy)
    ("Police said officers killed eight gang members.", {f(MIL, K, 8)}),
    # constructions first met in heldout6 (hospital and police releases, live blogs, wires)
    ("Ten people were injured. Among the injured brought to the clinic were a traffic warden "
     "and three porters.", {f(ALL, I, 10), f(SF, I, 1, None), f(CIV, I, 3, None)}),
    # constructions first met in heldout7 (WhatsApp notes, stringers' run-on copy, FIRs, flash
    # updates, translated posts)
    ("Nine wounded reached the clinic, two of whom are policemen.",
     {f(ALL, I, 9), f(SF, I, 2, None)}),
    # constructions first met in heldout8 (a parliamentary answer, a union statement, a TV
    # ticker, a polio incident form, a jirga declaration, a letter, translations)
    ("A gang of nine dacoits raided the village and looted three shops. All nine were later "
     "killed by police.", {f(MIL, K, 9)}),
    # constructions first met in heldout9 (a court report, hospital bulletins, a stock-exchange
    # notice, a talk show, a live page, a returning officer's report, translations)
    ("Two shepherds were hit; one died and another was taken to the clinic in injured "
     "condition.", {f(CIV, K, 1), f(CIV, I, 1)}),
    ("Three polling agents and a voter were shot dead.", {f(CIV, K, 3), f(CIV, K, 1)}),
]


@pytest.mark.parametrize("text, expected", GRAMMAR, ids=[t[:60] for t, _ in GRAMMAR])
def test_grammar_gives_exactly_these_figures(text, expected):
    assert figures(text) == expected
