"""Tests for sitrep.extract.outcomes: a figure's own outcome cue, after it, before it or after a
short phrase; speakers and counts of both outcomes are no figures."""

from __future__ import annotations

import pytest

from test_extract_figures import ALL, CIV, I, K, MIL, SF, UNK, f, figures


# Every figure of each sentence, and nothing else: the sentences whose figures rest on a figure's
# own cue, one construction a line. A heading says where its constructions were first met, or what
# they were first written to test.
GRAMMAR = [
    # verbs
    ("Three commuters were gunned down.", {f(CIV, K, 3)}),
    ("Four worshippers lost their lives in the blast.", {f(CIV, K, 4)}),
    ("Two students succumbed to injuries in hospital.", {f(CIV, K, 2)}),
    ("Five constables embraced martyrdom.", {f(SF, K, 5)}),
    ("Eleven assailants were shot dead.", {f(MIL, K, 11)}),
    ("Police killed three gunmen.", {f(MIL, K, 3)}),
    ("Six women and children were injured.", {f(CIV, I, 6)}),
    ("The blast claimed 12 lives.", {f(ALL, K, 12)}),
    # coordination
    ("Four soldiers were killed and two were injured.", {f(SF, K, 4), f(SF, I, 2)}),
    # subsets, appositions
    ("Eleven people, of whom six were tribal elders, were killed.",
     {f(ALL, K, 11), f(CIV, K, 6, None)}),
    ("Five of the dead were soldiers.", {f(SF, K, 5, None)}),
    # numbers
    ("Nearly two dozen militants were killed.", {f(MIL, K, 24)}),
    ("About a dozen people died.", {f(ALL, K, 12)}),
    ("Between 30 and 40 villagers were killed.", {f(CIV, K, 30, 40)}),
    ("Some 15 to 20 insurgents were killed.", {f(MIL, K, 15, 20)}),
    ("At least 42 people were killed.", {f(ALL, K, 42, None)}),
    # tolls
    ("A seventh, who was critically wounded, was airlifted to Quetta, where he later died.",
     {f(ALL, K, 1)}),
    ("A constable who was injured in the attack succumbed to his injuries on Monday.",
     {f(SF, K, 1)}),
    ("The army put the number of dead at 18.", {f(ALL, K, 18)}),
    ("Eighty villagers were killed, residents said, while the army put the number of dead at 18.",
     {f(CIV, K, 80), f(ALL, K, 18)}),
    # claims
    ("The army said its troops had killed 15 \"terrorists\".", {f(MIL, K, 15)}),
    # not figures
    ("A 12-year-old boy was arrested.", set()),
    ("The blast occurred at 8:15 am on 3 March 2024.", set()),
    ("The government announced Rs1 million for each of the families.", set()),
    ("The attackers torched five vehicles.", set()),
    ("The siege lasted 14 hours.", set()),
    ("Police arrested 14 suspects.", set()),
    ("Fourteen people were arrested.", set()),
    ("Around 300 soldiers took part in the operation.", set()),
    ("A five-member team was attacked.", set()),
    ("Militants attacked Police Station No 5 in District 7.", set()),
    ("The area falls in the NA-35 constituency, where Section 144 has been imposed for 30 days.",
     set()),
    ("The remaining three members of the team were unhurt.", set()),
    # more wordings: ISPR verbs, parts, 'of them', revisions across sentences
    ("At least five people were killed and 12 others injured in a blast in Quetta.",
     {f(ALL, K, 5, None), f(ALL, I, 12)}),
    ("The blast left three people dead and nine injured.", {f(ALL, K, 3), f(ALL, I, 9)}),
    ("Two soldiers embraced shahadat while three terrorists were sent to hell.",
     {f(SF, K, 2), f(MIL, K, 3)}),
    ("Security forces neutralised six khwarij.", {f(MIL, K, 6)}),
    ("Five terrorists were neutralised and two were apprehended.", {f(MIL, K, 5)}),
    ("Troops eliminated four terrorists.", {f(MIL, K, 4)}),
    ("Terrorists opened fire on a vehicle, martyring two policemen.", {f(SF, K, 2)}),
    ("Two brothers were shot dead over a land dispute.", {f(CIV, K, 2)}),
    ("Twenty-two passengers were offloaded from buses and shot dead.", {f(CIV, K, 22)}),
    ("Gunmen offloaded 14 passengers from a bus and shot them dead.", {f(CIV, K, 14)}),
    ("Officials confirmed 16 deaths.", {f(ALL, K, 16)}),
    ("Two of the attackers blew themselves up.", set()),
    ("A total of 17 people were killed.", {f(ALL, K, 17)}),
    ("Two soldiers, Naik Ali and Sepoy Khan, embraced martyrdom.", {f(SF, K, 2)}),
    ("Police said the number of injured was 23.", {f(ALL, I, 23)}),
    ("Five people were killed in a blast. Among them were two children.",
     {f(ALL, K, 5), f(CIV, K, 2, None)}),
    ("No group has claimed responsibility, but police said three attackers were killed.",
     {f(MIL, K, 3)}),
    ("Four suspects were killed in a CTD raid.", {f(MIL, K, 4)}),
    ("An explosion killed two and wounded five.", {f(ALL, K, 2), f(ALL, I, 5)}),
    ("The militants lost 12 men.", {f(MIL, K, 12)}),
    ("A second blast, minutes later, injured six more people.", {f(ALL, I, 6)}),
    ("Nine people lost their lives and 20 were injured.", {f(ALL, K, 9), f(ALL, I, 20)}),
    ("Two people were killed and their bodies were taken to the hospital.", {f(ALL, K, 2)}),
    ("A bomb killed four people and injured 10 on Monday, the fourth attack this month.",
     {f(ALL, K, 4), f(ALL, I, 10)}),
    ("Unidentified men shot dead two labourers from Punjab.", {f(CIV, K, 2)}),
    ("Four miners were killed and three rescued alive.", {f(CIV, K, 4)}),
    ("Six more bodies were pulled from the rubble, raising the death toll to 19.",
     {f(ALL, K, 19)}),
    ("The toll was later revised down to 12.", {f(ALL, K, 12)}),
    ("Officials had earlier put the toll at 14. It was later revised to 12.", {f(ALL, K, 12)}),
    # longer reports: 'of them' antecedents, tolls that inherit, name-and-age asides
    ("Five people were killed. Two of them were children.", {f(ALL, K, 5), f(CIV, K, 2, None)}),
    ("The death toll from Saturday's suicide attack on a crowded wedding procession "
     "on the outskirts of the town climbed to 27.",
     {f(ALL, K, 27)}),
    # mixed totals, lynchings, members of groups, lists after 'among the dead'
    ("The group said its fighter had killed and wounded 75 people.", set()),
    ("Ten people were killed or injured in the blast.", set()),
    ("A mob lynched two men accused of theft.", {f(ALL, K, 2)}),
    # tolls that count the victims of the other figures, losses put by others
    ("At least 84 people, most of them policemen, have so far been confirmed dead.",
     {f(ALL, K, 84, None)}),
    ("An official put the army's losses at more than 30 dead.", {f(SF, K, 31, None)}),
    ("A sepoy who had been critically injured died in hospital, raising the toll to "
     "five. Four Levies personnel had died on the spot.",
     {f(SF, K, 5)}),
    ("Two soldiers were martyred on Monday; a day later, a bomb killed two policemen.",
     {f(SF, K, 2)}),
    # noisy reports: durations, earlier attacks, causes that are not attacks, speakers
    ("One sailor embraced martyrdom while repulsing the attack.", {f(SF, K, 1)}),
    ("Security forces killed 30 terrorists over the past 24 hours.", {f(MIL, K, 30)}),
    ("At least 29 children have died in hospitals because of the shortage of medicines.", set()),
    ("A Taliban official in the province said 46 people had died.", {f(ALL, K, 46)}),
    # elided verbs, 'both', dashes, group names, 'numbering'
    ("The blast killed one person and injured two.", {f(ALL, K, 1), f(ALL, I, 2)}),
    ("More than a dozen people were killed.", {f(ALL, K, 13, None)}),
    ("Eleven people \u2014 including four women \u2014 were killed.",
     {f(ALL, K, 11), f(CIV, K, 4, None)}),
    ("The injured, numbering 22, were shifted to the hospital.", {f(ALL, I, 22)}),
    ("Both soldiers and civilians were killed.", set()),
    ("The army said it killed 10 militants.", {f(MIL, K, 10)}),
    ("Nine people lost lives in the attack.", {f(ALL, K, 9)}),
    ("The attack resulted in the death of two soldiers.", {f(SF, K, 2)}),
    ("Rescue 1122 said it shifted 14 injured and five bodies to hospital.",
     {f(ALL, I, 14), f(ALL, K, 5)}),
    ("Six people were reported killed.", {f(ALL, K, 6)}),
    ("Four policemen lost their lives while two sustained injuries.", {f(SF, K, 4), f(SF, I, 2)}),
    ("Police confirmed the deaths of three people.", {f(ALL, K, 3)}),
    ("The number of those killed has risen to 19.", {f(ALL, K, 19)}),
    ("Gunmen opened fire, leaving 4 dead.", {f(ALL, K, 4)}),
    ("The bomb left two policemen wounded.", {f(SF, I, 2)}),
    ("Security forces said they had killed all six militants.", {f(MIL, K, 6)}),
    ("Three militants were killed and one was arrested.", {f(MIL, K, 3)}),
    # constructions first met in the blind heldout3 set
    ("A 14-year-old girl who lived next to the station was also killed, the mayor said.",
     {f(CIV, K, 1)}),
    ("A fifth policeman, a constable who was hit in the neck, died on the way to hospital.",
     {f(SF, K, 1)}),
    ("Jets struck a hideout, killing the group's local leader and at least two other militants.",
     {f(MIL, K, 2, None)}),
    ("Two soldiers deployed to separate the tribes were among the injured.",
     {f(SF, I, 2, None)}),
    ("Four of the dead were members of a family from Sindh's Jacobabad district.",
     {f(UNK, K, 4)}),
    ("The army said troops killed between four and six guerrillas.", {f(MIL, K, 4, 6)}),
    ("In all, 19 people were injured, among them the groom's uncle and a 12-year-old boy.",
     {f(ALL, I, 19), f(CIV, I, 1, None)}),
    # constructions first met in heldout4 (ISPR releases, FIR summaries, wire copy)
    ("Three soldiers of the 12-member assault team, including a 27-year-old lieutenant, having "
     "fought gallantly, embraced shahadat.", {f(SF, K, 3), f(SF, K, 1, None)}),
    ("Two constables of his party, namely Ali Nawaz and Shahzado Khan, were martyred on the "
     "spot.", {f(SF, K, 2)}),
    ("One dacoit, carrying head money of Rs3 million, was killed.", {f(MIL, K, 1)}),
    ("A passer-by, a rickshaw driver aged 40, was also hit and lost his life.", {f(CIV, K, 1)}),
    ("A civilian, a 60-year-old rubber tapper, was hit by a stray bullet and died.",
     {f(CIV, K, 1)}),
    ("Three security personnel (two CRPF jawans and an Assam Rifles rifleman) were injured.",
     {f(SF, I, 3), f(SF, I, 2), f(SF, I, 1)}),
    # constructions first met in heldout5 (translations, tickers, OCHA updates, wire copy)
    ("Seventeen khwarij trying to slip across the Pak-Afghan border into the Sambaza area of "
     "Zhob district were killed by security forces.", {f(MIL, K, 17)}),
    ('"We have buried 26 people," said the official.', {f(ALL, K, 26)}),
    # constructions first met in heldout6 (hospital and police releases, live blogs, wires)
    ("Two marchers were shot dead during a weeks-long sit-in outside the mill.", {f(CIV, K, 2)}),
    ("Medics treated 5 people with minor wounds at the scene.", {f(ALL, I, 5)}),
    ("Police found the bodies of just three gunmen.", {f(MIL, K, 3)}),
    ("Commandos moved in to neutralise 12 terrorists.", {f(MIL, K, 12)}),
    ("Eleven died. Among the fatalities were three minors. Nine people had been rushed to "
     "hospital with burn wounds.", {f(ALL, K, 11), f(CIV, K, 3, None), f(ALL, I, 9)}),
    ("Gunmen killed four soldiers in the hills. Later that night 6 dead and 9 wounded were "
     "reported from the market.", {f(SF, K, 4), f(ALL, K, 6), f(ALL, I, 9)}),
    ("The clinic received 14 wounded patients.", {f(ALL, I, 14)}),
    # constructions first met in heldout7 (WhatsApp notes, stringers' run-on copy, FIRs, flash
    # updates, translated posts)
    ("Nine people died. Police say three of the dead were members of a wedding party.",
     {f(ALL, K, 9), f(UNK, K, 3)}),
    ("Gunmen opened fire and as a result two persons, namely a grocer aged 50 and his son, "
     "were killed on the spot.", {f(ALL, K, 2), f(CIV, K, 1)}),
    ("Eight died. Among the dead were a guard and a porter of the depot, and two drivers "
     "waiting at the gate were among the injured.",
     {f(ALL, K, 8), f(UNK, K, 1), f(CIV, K, 1, None), f(CIV, I, 2, None)}),
    ("A Levies sepoy guarding the gate is among the injured.", {f(SF, I, 1, None)}),
    ("Officials put the number killed at 12.", {f(ALL, K, 12)}),
    ("A vendor who sold tea near the gate also died.", {f(CIV, K, 1)}),
    # constructions first met in heldout8 (a parliamentary answer, a union statement, a TV
    # ticker, a polio incident form, a jirga declaration, a letter, translations)
    ("Late on Friday the number of martyrs reached 11 when two injured men passed away.",
     {f(ALL, K, 11)}),
    ("Ten pilgrims were killed. Three of those killed were reportedly women.",
     {f(CIV, K, 10), f(CIV, K, 3, None)}),
    ("Police said three of the robbers had been \"chased and killed\" near the river.",
     {f(MIL, K, 3)}),
    ("Masked men kill four in Turbat; separatists claim attack", {f(ALL, K, 4)}),
    # constructions first met in heldout9 (a court report, hospital bulletins, a stock-exchange
    # notice, a talk show, a live page, a returning officer's report, translations)
    ("Twelve people died. Four of the victims were students from Sindh.",
     {f(ALL, K, 12), f(CIV, K, 4, None)}),
    ("Total casualties: 4 martyred, 7 injured.", {f(ALL, K, 4), f(ALL, I, 7)}),
    ("Later one more injured man breathed his last.", {f(ALL, K, 1)}),
    ("We salute the 9 soldiers who fell in action.", {f(SF, K, 9)}),
    ("Two policemen gave their lives and four were wounded.", {f(SF, K, 2), f(SF, I, 4)}),
    ("Two engineers of the construction company lost their lives.", {f(CIV, K, 2)}),
    ("Five traders from the grain market also died.", {f(CIV, K, 5)}),
    ("The clinic said as many as 12 people had been brought in wounded.", {f(ALL, I, 0, 12)}),
    # an independent review's probes: each once read wrongly by a rule of this project
    ("Killed: 2, Injured: 3", {f(ALL, K, 2), f(ALL, I, 3)}),
    ("Three people were killed and 12 injured (3 critically).", {f(ALL, K, 3), f(ALL, I, 12)}),
    ("Gunmen killed 8 people: 5 at the market and 3 at the bus stand.", {f(ALL, K, 8)}),
    ("Four policemen were martyred when two suicide bombers died in the blast.",
     {f(SF, K, 4), f(MIL, K, 2)}),
    ("Two gunmen shot a shopkeeper and his son. The two died in hospital.",
     {f(ALL, K, 2)}),
    ("The blast hit 5 NATO tankers and 3 soldiers were killed.", {f(SF, K, 3)}),
    # a second review's probes, each read wrongly by an intermediate version of the rules
    ("Five gunmen opened fire on a bus, killing 12.", {f(ALL, K, 12)}),
    ("Four militants attacked a police station in Bannu, killing two and injuring five.",
     {f(ALL, K, 2), f(ALL, I, 5)}),
    ("On the same day two soldiers were martyred in Kurram.", {f(SF, K, 2)}),
    ("The death toll from Monday's suicide bombing of a police convoy in the Bannu cantonment "
     "area remained at 17.", {f(ALL, K, 17)}),
    ("Two people were killed in Turbat. Quetta blast - Killed: 5, Injured: 12.",
     {f(ALL, K, 2), f(ALL, K, 5), f(ALL, I, 12)}),
    ("A preliminary toll of 30 was given by the police. Separately, two soldiers were killed "
     "in Kech.", {f(ALL, K, 30), f(SF, K, 2)}),
    ("A police official, Inspector Khan, said the suicide bomber was killed.", set()),
    ("Police arrested two nephews of the tribal elder killed in Monday's attack.", set()),
    ("The death toll could rise, hospital officials said, as the condition of 12 people was "
     "critical.", set()),
    ("Seven dead (5 men, 2 women).", {f(ALL, K, 7), f(ALL, K, 5), f(CIV, K, 2)}),
    ("Killed/injured: 12.", set()),
    ("Killed:3 Injured:5", {f(ALL, K, 3), f(ALL, I, 5)}),
    ("Between 14 and 20 people died; 14-20 were hurt.", {f(ALL, K, 14, 20), f(ALL, I, 14, 20)}),
]


@pytest.mark.parametrize("text, expected", GRAMMAR, ids=[t[:60] for t, _ in GRAMMAR])
def test_grammar_gives_exactly_these_figures(text, expected):
    assert figures(text) == expected
