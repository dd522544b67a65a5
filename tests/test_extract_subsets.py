"""Tests for sitrep.extract.subsets: parts of the victims are lower bounds, never a second
total."""

from __future__ import annotations

import pytest

from sitrep.extract import draft_incidents
from sitrep.extract.candidates import rule_figures
from test_extract_figures import ALL, CIV, I, K, MIL, SF, f, figures


# Every figure of each sentence, and nothing else: the sentences with parts of the victims, one
# construction a line. A heading says where its constructions were first met, or what they were
# first written to test.
GRAMMAR = [
    # verbs
    ("Women and children were among the 14 people killed.", {f(ALL, K, 14)}),
    # subsets, appositions
    ("Among the dead were three students.", {f(CIV, K, 3, None)}),
    ("Twelve people, among them five soldiers, were killed.", {f(ALL, K, 12), f(SF, K, 5, None)}),
    ("Seven security personnel were among 19 people killed.", {f(SF, K, 7, None), f(ALL, K, 19)}),
    ("Two children were among five people hurt.", {f(ALL, I, 5), f(CIV, I, 2, None)}),
    ("The injured, among them a 10-year-old boy, were taken to hospital.", {f(CIV, I, 1, None)}),
    ("Nine of the injured were in critical condition.", set()),
    # more wordings: ISPR verbs, parts, 'of them', revisions across sentences
    ("Six people were wounded, two of them critically.", {f(ALL, I, 6)}),
    ("A child was among those killed.", {f(CIV, K, 1, None)}),
    ("Those killed included three policemen.", {f(SF, K, 3, None)}),
    ("The deceased included a woman and her daughter.", {f(CIV, K, 1, None)}),
    ("Eleven people died, eight of them on the spot.", {f(ALL, K, 11)}),
    ("Those injured include four children.", {f(CIV, I, 4, None)}),
    ("Four children aged between five and 10 were among the injured.", {f(CIV, I, 4, None)}),
    ("A DSP was among those martyred.", {f(SF, K, 1, None)}),
    ("They were among at least 21 people killed.", {f(ALL, K, 21, None)}),
    ("Around 20 people were injured, including five critically.", {f(ALL, I, 20)}),
    ("Three policemen were injured, one of them seriously.", {f(SF, I, 3)}),
    # longer reports: 'of them' antecedents, tolls that inherit, name-and-age asides
    ("Gunmen opened fire on the passengers, killing seven of them.", {f(CIV, K, 7)}),
    # mixed totals, lynchings, members of groups, lists after 'among the dead'
    ("Five civilians, among them a woman, were among the dead.",
     {f(CIV, K, 5, None), f(CIV, K, 1, None)}),
    # noisy reports: durations, earlier attacks, causes that are not attacks, speakers
    ("Two other constables guarding the mosque were among the 12 people injured.",
     {f(ALL, I, 12), f(SF, I, 2, None)}),
    # elided verbs, 'both', dashes, group names, 'numbering'
    ("The slain included a lawyer.", {f(CIV, K, 1, None)}),
    ("Seven, including two children, were injured.", {f(ALL, I, 7), f(CIV, I, 2, None)}),
    ("The ISPR said the terrorists' hideout was destroyed and five of them were killed.",
     {f(MIL, K, 5)}),
    ("He was among 11 people killed in the blast.", {f(ALL, K, 11)}),
    # constructions first met in heldout4 (ISPR releases, FIR summaries, wire copy)
    ("Gunmen offloaded passengers from three Karachi-bound coaches and shot dead nine of them.",
     {f(CIV, K, 9)}),
    ("Among the dead are a police constable and a woman, while six of the injured remain in "
     "critical condition.", {f(SF, K, 1, None), f(CIV, K, 1, None)}),
    # constructions first met in heldout5 (translations, tickers, OCHA updates, wire copy)
    ("Eight persons lost their lives. Three women are also among those who lost their lives.",
     {f(ALL, K, 8), f(CIV, K, 3, None)}),
    ("Gangs overran the town, killing at least 15 people, two police officers among them.",
     {f(ALL, K, 15, None), f(SF, K, 2, None)}),
    # constructions first met in heldout6 (hospital and police releases, live blogs, wires)
    ("Twenty people were injured, eight of them critically.", {f(ALL, I, 20)}),
    ("Eleven people died. Of the dead, three have been identified as constables.",
     {f(ALL, K, 11), f(SF, K, 3, None)}),
    # constructions first met in heldout7 (WhatsApp notes, stringers' run-on copy, FIRs, flash
    # updates, translated posts)
    ("Twelve people were injured, of whom 8 were discharged after first aid.",
     {f(ALL, I, 12)}),
    # constructions first met in heldout8 (a parliamentary answer, a union statement, a TV
    # ticker, a polio incident form, a jirga declaration, a letter, translations)
    ("12:10 two ASIs among injured.", {f(SF, I, 2, None)}),
    # constructions first met in heldout9 (a court report, hospital bulletins, a stock-exchange
    # notice, a talk show, a live page, a returning officer's report, translations)
    ("Armed men stopped the van, checked the pilgrims' papers and shot dead nine of them.",
     {f(CIV, K, 9)}),
    ("Nine people died. Those who lost their lives include three women.",
     {f(ALL, K, 9), f(CIV, K, 3, None)}),
]


@pytest.mark.parametrize("text, expected", GRAMMAR, ids=[t[:60] for t, _ in GRAMMAR])
def test_grammar_gives_exactly_these_figures(text, expected):
    assert figures(text) == expected


def test_subset_is_a_lower_bound_of_its_category_never_a_second_total():
    got = figures("Twelve people were killed, including two children and a woman.")
    assert got == {("all", "killed", 12, 12, "no"), ("civilians", "killed", 2, None, "no"),
                   ("civilians", "killed", 1, None, "no")}
    drafted = draft_incidents(rule_figures(
        "Twelve people were killed, including two children.", "s.txt"))
    assert drafted.iloc[0]["killed_total"] == "twelve"
    assert drafted.iloc[0]["killed_civilians"] == "at least 2"
