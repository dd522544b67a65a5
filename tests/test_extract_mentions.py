"""Tests for sitrep.extract.mentions and .nouns: which numbers count people, and the noun each
counts."""

from __future__ import annotations

import pytest

from test_extract_figures import ALL, CIV, I, K, MIL, SF, UNK, f, figures


@pytest.mark.parametrize("text", [
    "The BLA said 800 of its fighters took part in the attacks.",
    "Around 200 families were displaced by the fighting.",
    "The attackers torched 10 vehicles and three were arrested.",
    "Commandos ended the 12-hour siege at 4:30 pm on 26 August 2024.",
    "Militants stormed Police Station No. 5 in Bannu.",
    "No one was hurt in the blast.",
    "Dozens of people were injured.",
    "More than 200 people were killed in attacks across the province last year.",
    "A group of 30 to 35 militants crossed the border.",
    "No one was hurt in the raid, which came two days after six people were shot dead nearby.",
    "A senior police official said the area was sealed.",
])
def test_numbers_that_are_not_casualty_figures(text):
    assert figures(text) == set()


# Every figure of each sentence, and nothing else: the sentences whose figures rest on reading the
# count and its noun, one construction a line. A heading says where its constructions were first
# met, or what they were first written to test.
GRAMMAR = [
    # verbs
    ("Two troops were hurt.", {f(SF, I, 2)}),
    ("A shopkeeper escaped with minor injuries.", {f(CIV, I, 1)}),
    ("A man was shot dead.", {f(ALL, K, 1)}),
    ("A clerk and a tailor were wounded.", {f(CIV, I, 1)}),
    # subsets, appositions
    ("Four students, including two girls aged 12 and 14, lost their lives.",
     {f(CIV, K, 4), f(CIV, K, 2, None)}),
    ("Gunmen abducted six labourers and later shot dead two of them.", {f(CIV, K, 2)}),
    # numbers
    ("Almost 10 soldiers were injured.", {f(SF, I, 10)}),
    ("Up to 50 people were wounded.", {f(ALL, I, 0, 50)}),
    ("As many as 16 shoppers were injured.", {f(CIV, I, 0, 16)}),
    ("More than 120 were injured.", {f(ALL, I, 121, None)}),
    ("Twenty-one people were wounded.", {f(ALL, I, 21)}),
    # tolls
    ("Two policemen were killed. A third later died in hospital.", {f(SF, K, 2), f(SF, K, 1)}),
    # not figures
    ("No one was killed.", set()),
    # more wordings: ISPR verbs, parts, 'of them', revisions across sentences
    ("A policeman was martyred and another injured.", {f(SF, K, 1), f(SF, I, 1)}),
    ("Seven members of a family were killed when a shell hit their house.", {f(CIV, K, 7)}),
    ("Two members of the security forces were killed.", {f(SF, K, 2)}),
    ("Five of the deceased were from Punjab.", {f(UNK, K, 5)}),
    ("A rocket hit a house, killing a woman and injuring her two children.",
     {f(CIV, K, 1), f(CIV, I, 2)}),
    ("Four people, two of them children, were killed.", {f(ALL, K, 4), f(CIV, K, 2, None)}),
    ("A 25-year-old suspect was killed in retaliatory fire.", {f(MIL, K, 1)}),
    ("Three of the six injured were later discharged.", {f(ALL, I, 6)}),
    ("Police found the body of a young man.", {f(ALL, K, 1)}),
    # longer reports: 'of them' antecedents, tolls that inherit, name-and-age asides
    ("Two soldiers, Havildar Naseer Ahmed, 32, and Sepoy Gul Zaman, 24, embraced shahadat.",
     {f(SF, K, 2)}),
    # mixed totals, lynchings, members of groups, lists after 'among the dead'
    ("A shopkeeper was stabbed to death.", {f(CIV, K, 1)}),
    ("Three members of a village defence group were killed.", {f(UNK, K, 3)}),
    ("Two senior members of the banned TTP were killed.", {f(MIL, K, 2)}),
    ("The group said its fighters killed 11 \"members of the regime's forces\".",
     {f(SF, K, 11, claim="yes")}),
    ("Among the dead were the candidate's brother and two of his guards.", {f(UNK, K, 2)}),
    # noisy reports: durations, earlier attacks, causes that are not attacks, speakers
    ("A passer-by was hit by a stray bullet.", {f(CIV, I, 1)}),
    ("The attackers fled, leaving behind the body of one of their comrades.", {f(MIL, K, 1)}),
    # elided verbs, 'both', dashes, group names, 'numbering'
    ("Half a dozen soldiers were injured.", {f(SF, I, 6)}),
    ("Both attackers were killed.", {f(MIL, K, 2)}),
    # constructions first met in the blind heldout3 set
    ("One of the injured, a 16-year-old boy, later died in hospital.", {f(CIV, K, 1)}),
    # constructions first met in heldout4 (ISPR releases, FIR summaries, wire copy)
    ("Four guards of a former senator and his driver lost their lives.",
     {f(UNK, K, 4), f(CIV, K, 1)}),
    # constructions first met in heldout5 (translations, tickers, OCHA updates, wire copy)
    ("Two soldiers — Naik Abdul Wahid, 29, of Kohat and Sepoy Fazal Rabi, 22, of Swat — "
     "embraced shahadat.", {f(SF, K, 2)}),
    ("Nine khwarij, including a ring leader, Qari Ismail, were neutralised.",
     {f(MIL, K, 9), f(MIL, K, 1, None)}),
    # constructions first met in heldout6 (hospital and police releases, live blogs, wires)
    ("Two gunmen were killed and a third was arrested in a wounded state.",
     {f(MIL, K, 2), f(MIL, I, 1)}),
    ("Twenty people were injured, eight of them policemen.",
     {f(ALL, I, 20), f(SF, I, 8, None)}),
    # constructions first met in heldout7 (WhatsApp notes, stringers' run-on copy, FIRs, flash
    # updates, translated posts)
    ("Among the injured were nine pupils; three of them died later.",
     {f(CIV, I, 9, None), f(CIV, K, 3)}),
    ("Three of our patrolmen lost their lives.", {f(SF, K, 3)}),
    ("Six rebels, including a sub-commander, were killed.", {f(MIL, K, 6), f(MIL, K, 1, None)}),
    # constructions first met in heldout8 (a parliamentary answer, a union statement, a TV
    # ticker, a polio incident form, a jirga declaration, a letter, translations)
    ("Our cook, Gul Khan, was killed by a stray round.", {f(CIV, K, 1)}),
    ("Eight workers were gunned down. The martyred include five from Punjab's Okara and "
     "Sahiwal districts and two Hazara cousins.",
     {f(CIV, K, 8), f(CIV, K, 5, None), f(CIV, K, 2, None)}),
    ("The district put the toll at 9 dead: six labourers, two policemen and a teacher.",
     {f(ALL, K, 9), f(CIV, K, 6), f(SF, K, 2), f(CIV, K, 1)}),
    ("Coast guards shot dead three pirates and a fourth was arrested in injured condition.",
     {f(MIL, K, 3), f(MIL, I, 1)}),
    ("The convoy reached the pass at nine, and two soldiers were hurt.", {f(SF, I, 2)}),
    # constructions first met in heldout9 (a court report, hospital bulletins, a stock-exchange
    # notice, a talk show, a live page, a returning officer's report, translations)
    ("A boatman crossing the river, Ali Sher, 50, was hit by a stray bullet and died.",
     {f(CIV, K, 1)}),
    ('"More than 30 of its fighters were neutralised," the army spokesman said.',
     {f(MIL, K, 31, None)}),
    ("One of our drivers sustained minor injuries.", {f(CIV, I, 1)}),
    # an independent review's probes: each once read wrongly by a rule of this project
    ("Militants attacked a checkpost in North Waziristan on Monday morning. The relief convoy "
     "reached the pass at nine, and two soldiers were hurt.", {f(SF, I, 2)}),
    # a second review's probes, each read wrongly by an intermediate version of the rules
    ("Two members of the raiding party were injured.", {f(UNK, I, 2)}),
]


@pytest.mark.parametrize("text, expected", GRAMMAR, ids=[t[:60] for t, _ in GRAMMAR])
def test_grammar_gives_exactly_these_figures(text, expected):
    assert figures(text) == expected
