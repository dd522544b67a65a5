"""Tests for sitrep.extract: the seed report's figures, the rules, the drafts, the notebook."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sitrep.extract import (CANDIDATE_COLUMNS, INCIDENT_COLUMNS,  # noqa: E402
                            UNREAD_COLUMNS, VICTIM_COLUMNS, draft_incidents, draft_victims,
                            evaluate, evaluate_folder, extract_figures, run_extract,
                            unread_counts)
from sitrep.extract.mentions import find_mentions  # noqa: E402
from sitrep.extract.sentences import split_sentences  # noqa: E402
from sitrep.extract.figures import (BACKGROUND, INCREMENT, LATER_DEATH,  # noqa: E402
                                    NO_OUTCOME)

SEED = ROOT / "seeds" / "000_1a76105c3b426e2f.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "extract"


def figures(text: str) -> set[tuple]:
    """(category, outcome, low, high, claim) of every proposed figure; high None when open."""
    c = extract_figures(text, "t.txt")
    return {(r.victim_category, r.outcome, int(r.low),
             None if pd.isna(r.high) else int(r.high), r.claim) for r in c.itertuples()}


@pytest.fixture(scope="module")
def seed() -> tuple[str, pd.DataFrame]:
    text = SEED.read_text(encoding="utf-8")
    return text, extract_figures(text, SEED.name)


# --- the seed report -------------------------------------------------------------------------

def _row(frame: pd.DataFrame, **where) -> pd.DataFrame:
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column] == value
    return frame[mask]


def test_seed_columns_are_exactly_the_candidate_columns(seed):
    assert list(seed[1].columns) == list(CANDIDATE_COLUMNS)


def test_seed_23_civilians_and_14_security_officials_with_their_sentence(seed):
    text, c = seed
    civ = _row(c, victim_category="civilians", outcome="killed", low=23, high=23, claim="no")
    sf = _row(c, victim_category="security_forces", outcome="killed", low=14, high=14,
              claim="no")
    assert len(civ) == 1 and len(sf) == 1
    sentence = "The attacks claimed the lives of 23 civilians and 14 security officials"
    assert civ.iloc[0]["sentence"].startswith(sentence)
    assert text[civ.iloc[0]["start"]:civ.iloc[0]["end"]] == "23 civilians"
    assert text[sf.iloc[0]["start"]:sf.iloc[0]["end"]] == "14 security officials"


def test_seed_over_40_dead_in_all_is_open_from_41(seed):
    text, c = seed
    total = _row(c, victim_category="all", outcome="killed", low=41)
    assert len(total) == 1 and pd.isna(total.iloc[0]["high"])
    assert text[total.iloc[0]["start"]:total.iloc[0]["end"]] == "over 40 individuals"


def test_seed_victims_by_origin_14_from_punjab_and_9_baloch(seed):
    _, c = seed
    punjab = _row(c, outcome="killed", low=14, home_province="Punjab")
    baloch = _row(c, outcome="killed", low=9, home_province="Baloch")
    assert len(punjab) == 1 and len(baloch) == 1
    # parts of the victims of unknown kind, never a second total
    assert set(punjab["victim_category"]) | set(baloch["victim_category"]) == {"unknown"}
    assert "Musakhail" in set(punjab["place"]) | set(baloch["place"])
    v = draft_victims(c)
    got = {(r.home_province, r.count, r.basis) for r in v.itertuples()}
    assert ("Punjab", "14", "reported") in got
    assert ("Balochistan", "nine", "inferred") in got


def test_seed_800_fighters_is_not_a_figure_and_nothing_is_a_claim(seed):
    text, c = seed
    assert 800 not in set(c["low"])
    assert set(c["claim"]) == {"no"}  # "claimed responsibility", "claimed the lives of"


def test_every_evidence_span_is_inside_its_sentence(seed):
    text, c = seed
    for r in c.itertuples():
        evidence = text[r.start:r.end]
        assert evidence and evidence in r.sentence


# --- the rules ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Twenty-three civilians were killed.", ("civilians", "killed", 23, 23, "no")),
    ("Gunmen shot dead a dozen passengers.", ("civilians", "killed", 12, 12, "no")),
    ("More than 40 people died.", ("all", "killed", 41, None, "no")),
    ("At least 14 soldiers lost their lives.", ("security_forces", "killed", 14, None, "no")),
    ("Up to 50 people were injured.", ("all", "injured", 0, 50, "no")),
    ("Between 14 and 20 policemen were wounded.", ("security_forces", "injured", 14, 20, "no")),
    ("About 30 labourers were hurt.", ("civilians", "injured", 30, 30, "no")),
    ("Police recovered 1,200 bodies.", ("all", "killed", 1200, 1200, "no")),
    ("Five FC personnel were martyred.", ("security_forces", "killed", 5, 5, "no")),
    ("Three Levies men died.", ("security_forces", "killed", 3, 3, "no")),
    ("Security forces killed 11 terrorists.", ("militants", "killed", 11, 11, "no")),
    ("A policeman was shot dead.", ("security_forces", "killed", 1, 1, "no")),
    ("Nine people, all of them pilgrims, were killed.", ("all", "killed", 9, 9, "no")),
    ("Three teachers were among the dead.", ("civilians", "killed", 3, None, "no")),
    ("Roughly 10 to 12 rebels were killed.", ("militants", "killed", 10, 12, "no")),
    ("Two constables were killed and a third was hurt.",
     ("security_forces", "injured", 1, 1, "no")),
    ("Gunmen killed two shopkeepers and wounded another.", ("civilians", "injured", 1, 1, "no")),
    ("Six miners suffered injuries.", ("civilians", "injured", 6, 6, "no")),
])
def test_numbers_bounds_outcomes_and_categories(text, expected):
    assert expected in figures(text)


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


K, I = "killed", "injured"
CIV, SF, MIL, ALL, UNK = "civilians", "security_forces", "militants", "all", "unknown"


def f(category: str, outcome: str, low: int, high: object = "=", claim: str = "no") -> tuple:
    """A figure as ``figures`` gives it; ``high`` defaults to ``low``, None is open."""
    return (category, outcome, low, low if high == "=" else high, claim)


# Every figure of each sentence, and nothing else: the grammar, one construction a line.
GRAMMAR = [
    # verbs
    ("Three commuters were gunned down.", {f(CIV, K, 3)}),
    ("Four worshippers lost their lives in the blast.", {f(CIV, K, 4)}),
    ("Two students succumbed to injuries in hospital.", {f(CIV, K, 2)}),
    ("Five constables embraced martyrdom.", {f(SF, K, 5)}),
    ("The bodies of six FC personnel were flown to Quetta.", {f(SF, K, 6)}),
    ("Seven Levies personnel were killed in the attack.", {f(SF, K, 7)}),
    ("Nine security personnel sustained injuries.", {f(SF, I, 9)}),
    ("Two troops were hurt.", {f(SF, I, 2)}),
    ("Eleven assailants were shot dead.", {f(MIL, K, 11)}),
    ("Police killed three gunmen.", {f(MIL, K, 3)}),
    ("A suicide bomber and two gunmen were killed.", {f(MIL, K, 1), f(MIL, K, 2)}),
    ("Women and children were among the 14 people killed.", {f(ALL, K, 14)}),
    ("Six women and children were injured.", {f(CIV, I, 6)}),
    ("A shopkeeper escaped with minor injuries.", {f(CIV, I, 1)}),
    ("The blast claimed 12 lives.", {f(ALL, K, 12)}),
    ("A man was shot dead.", {f(ALL, K, 1)}),
    ("A clerk and a tailor were wounded.", {f(CIV, I, 1)}),
    # coordination
    ("Two soldiers and three civilians were killed.", {f(SF, K, 2), f(CIV, K, 3)}),
    ("Militants killed two soldiers and a civilian and wounded four others.",
     {f(SF, K, 2), f(CIV, K, 1), f(ALL, I, 4)}),
    ("Two employees of a gas company and a Levies sepoy were shot dead.",
     {f(CIV, K, 2), f(SF, K, 1)}),
    ("Four soldiers were killed and two were injured.", {f(SF, K, 4), f(SF, I, 2)}),
    ("Gunmen killed a man and his son.", {f(ALL, K, 1), f(CIV, K, 1)}),
    # subsets, appositions
    ("The dead included two policemen and a child.", {f(SF, K, 2, None), f(CIV, K, 1, None)}),
    ("Among the dead were three students.", {f(CIV, K, 3, None)}),
    ("Eleven people, of whom six were tribal elders, were killed.",
     {f(ALL, K, 11), f(CIV, K, 6, None)}),
    ("Four students, including two girls aged 12 and 14, lost their lives.",
     {f(CIV, K, 4), f(CIV, K, 2, None)}),
    ("Twelve people, among them five soldiers, were killed.", {f(ALL, K, 12), f(SF, K, 5, None)}),
    ("Seven security personnel were among 19 people killed.", {f(SF, K, 7, None), f(ALL, K, 19)}),
    ("Two children were among five people hurt.", {f(ALL, I, 5), f(CIV, I, 2, None)}),
    ("The injured, among them a 10-year-old boy, were taken to hospital.", {f(CIV, I, 1, None)}),
    ("Nine of the injured were in critical condition.", set()),
    ("Five of the dead were soldiers.", {f(SF, K, 5, None)}),
    ("Gunmen abducted six labourers and later shot dead two of them.", {f(CIV, K, 2)}),
    # numbers
    ("Nearly two dozen militants were killed.", {f(MIL, K, 24)}),
    ("Almost 10 soldiers were injured.", {f(SF, I, 10)}),
    ("About a dozen people died.", {f(ALL, K, 12)}),
    ("Between 30 and 40 villagers were killed.", {f(CIV, K, 30, 40)}),
    ("Up to 50 people were wounded.", {f(ALL, I, 0, 50)}),
    ("As many as 16 shoppers were injured.", {f(CIV, I, 0, 16)}),
    ("Some 15 to 20 insurgents were killed.", {f(MIL, K, 15, 20)}),
    ("At least 42 people were killed.", {f(ALL, K, 42, None)}),
    ("More than 120 were injured.", {f(ALL, I, 121, None)}),
    ("Twenty-one people were wounded.", {f(ALL, I, 21)}),
    # tolls
    ("Three people were killed on Monday. The death toll rose to five on Tuesday.",
     {f(ALL, K, 5)}),
    ("Eight people were killed. The toll later climbed to 11.", {f(ALL, K, 11)}),
    ("Police revised the death toll to seven, after initially saying 10 people had been killed.",
     {f(ALL, K, 7)}),
    ("Police revised the toll to four policemen, after initially reporting that six had "
     "been killed.",
     {f(SF, K, 4)}),
    ("Two policemen were killed. A third later died in hospital.", {f(SF, K, 2), f(SF, K, 1)}),
    ("A seventh, who was critically wounded, was airlifted to Quetta, where he later died.",
     {f(ALL, K, 1)}),
    ("A constable who was injured in the attack succumbed to his injuries on Monday.",
     {f(SF, K, 1)}),
    ("The army put the number of dead at 18.", {f(ALL, K, 18)}),
    ("Eighty villagers were killed, residents said, while the army put the number of dead at 18.",
     {f(CIV, K, 80), f(ALL, K, 18)}),
    # claims
    ("The BLA claimed that its fighters had killed 12 soldiers.", {f(SF, K, 12, claim="yes")}),
    ("The TTP said it killed 17 soldiers.", {f(SF, K, 17, claim="yes")}),
    ("A spokesman for the group claimed seven \"enemy personnel\" were killed.",
     {f(SF, K, 7, claim="yes")}),
    ("The army said its troops had killed 15 \"terrorists\".", {f(MIL, K, 15)}),
    ("Officials said three soldiers were killed, but the group claimed 20 had died.",
     {f(SF, K, 3), f(SF, K, 20, claim="yes")}),
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
    ("The militants had attacked a border post a day earlier, killing two soldiers.", set()),
    ("The remaining three members of the team were unhurt.", set()),
    ("No one was killed.", set()),
    # more wordings: ISPR verbs, parts, 'of them', revisions across sentences
    ("At least five people were killed and 12 others injured in a blast in Quetta.",
     {f(ALL, K, 5, None), f(ALL, I, 12)}),
    ("The blast left three people dead and nine injured.", {f(ALL, K, 3), f(ALL, I, 9)}),
    ("Two soldiers embraced shahadat while three terrorists were sent to hell.",
     {f(SF, K, 2), f(MIL, K, 3)}),
    ("Security forces neutralised six khwarij.", {f(MIL, K, 6)}),
    ("Five terrorists were neutralised and two were apprehended.", {f(MIL, K, 5)}),
    ("Troops eliminated four terrorists.", {f(MIL, K, 4)}),
    ("A policeman was martyred and another injured.", {f(SF, K, 1), f(SF, I, 1)}),
    ("Terrorists opened fire on a vehicle, martyring two policemen.", {f(SF, K, 2)}),
    ("Three people including a child were killed.", {f(ALL, K, 3), f(CIV, K, 1, None)}),
    ("Two brothers were shot dead over a land dispute.", {f(CIV, K, 2)}),
    ("Seven members of a family were killed when a shell hit their house.", {f(CIV, K, 7)}),
    ("Two members of the security forces were killed.", {f(SF, K, 2)}),
    ("Five of the deceased were from Punjab.", {f(UNK, K, 5)}),
    ("Twenty-two passengers were offloaded from buses and shot dead.", {f(CIV, K, 22)}),
    ("Gunmen offloaded 14 passengers from a bus and shot them dead.", {f(CIV, K, 14)}),
    ("Six people were wounded, two of them critically.", {f(ALL, I, 6)}),
    ("A child was among those killed.", {f(CIV, K, 1, None)}),
    ("Those killed included three policemen.", {f(SF, K, 3, None)}),
    ("The deceased included a woman and her daughter.", {f(CIV, K, 1, None)}),
    ("Officials confirmed 16 deaths.", {f(ALL, K, 16)}),
    ("Two of the attackers blew themselves up.", set()),
    ("A rocket hit a house, killing a woman and injuring her two children.",
     {f(CIV, K, 1), f(CIV, I, 2)}),
    ("Two Chinese nationals and their Pakistani driver were killed.",
     {f(CIV, K, 2), f(CIV, K, 1)}),
    ("A total of 17 people were killed.", {f(ALL, K, 17)}),
    ("The dead comprised 10 soldiers and three civilians.",
     {f(SF, K, 10, None), f(CIV, K, 3, None)}),
    ("Eleven people died, eight of them on the spot.", {f(ALL, K, 11)}),
    ("Those injured include four children.", {f(CIV, I, 4, None)}),
    ("Four children aged between five and 10 were among the injured.", {f(CIV, I, 4, None)}),
    ("An SHO and two constables were killed.", {f(SF, K, 1), f(SF, K, 2)}),
    ("A DSP was among those martyred.", {f(SF, K, 1, None)}),
    ("They were among at least 21 people killed.", {f(ALL, K, 21, None)}),
    ("Seven militants, three soldiers killed in North Waziristan.", {f(MIL, K, 7), f(SF, K, 3)}),
    ("Two soldiers, Naik Ali and Sepoy Khan, embraced martyrdom.", {f(SF, K, 2)}),
    ("Police said the number of injured was 23.", {f(ALL, I, 23)}),
    ("Around 20 people were injured, including five critically.", {f(ALL, I, 20)}),
    ("Four people, two of them children, were killed.", {f(ALL, K, 4), f(CIV, K, 2, None)}),
    ("Three policemen were injured, one of them seriously.", {f(SF, I, 3)}),
    ("Five people were killed in a blast. Among them were two children.",
     {f(ALL, K, 5), f(CIV, K, 2, None)}),
    ("Two years ago, a similar attack killed 20 people.", set()),
    ("The Islamic State claimed responsibility, saying its fighters killed 30 worshippers.",
     {f(CIV, K, 30, claim="yes")}),
    ("The BLA said in a statement its fighters killed 'over 100' soldiers.",
     {f(SF, K, 101, None, claim="yes")}),
    ("According to the TTP, 14 soldiers were killed.", {f(SF, K, 14, claim="yes")}),
    ("The military claimed to have killed 20 militants.", {f(MIL, K, 20, claim="yes")}),
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
    ("A 25-year-old suspect was killed in retaliatory fire.", {f(MIL, K, 1)}),
    ("Three of the six injured were later discharged.", {f(ALL, I, 6)}),
    ("Fifteen were killed, among them three Levies personnel.",
     {f(ALL, K, 15), f(SF, K, 3, None)}),
    ("Three soldiers were killed, the army said, while the group claimed 20 had died.",
     {f(SF, K, 3), f(SF, K, 20, claim="yes")}),
    ("Six security men were martyred.", {f(SF, K, 6)}),
    ("A polio worker and his police escort were shot dead.", {f(CIV, K, 1), f(SF, K, 1)}),
    ("Unidentified men shot dead two labourers from Punjab.", {f(CIV, K, 2)}),
    ("Four miners were killed and three rescued alive.", {f(CIV, K, 4)}),
    ("Police found the body of a young man.", {f(ALL, K, 1)}),
    ("A 60-year-old woman succumbed to her wounds on Friday, taking the toll to 8.",
     {f(ALL, K, 8)}),
    ("Six more bodies were pulled from the rubble, raising the death toll to 19.",
     {f(ALL, K, 19)}),
    ("The toll was later revised down to 12.", {f(ALL, K, 12)}),
    ("Officials had earlier put the toll at 14. It was later revised to 12.", {f(ALL, K, 12)}),
    # longer reports: 'of them' antecedents, tolls that inherit, name-and-age asides
    ("Gunmen opened fire on the passengers, killing seven of them.", {f(CIV, K, 7)}),
    ("Six labourers were shot dead. One more labourer died in hospital on Sunday, "
     "raising the death toll to seven.",
     {f(CIV, K, 7)}),
    ("Five people were killed. Two of them were children.", {f(ALL, K, 5), f(CIV, K, 2, None)}),
    ("The attack comes days after militants killed four soldiers in the same district.", set()),
    ("Two soldiers, Havildar Naseer Ahmed, 32, and Sepoy Gul Zaman, 24, embraced shahadat.",
     {f(SF, K, 2)}),
    ("Officials said four people had been killed, revising down an earlier toll of six.",
     {f(ALL, K, 4)}),
    ("The feud, going back a decade, has claimed 16 lives.", set()),
    ("The death toll from Saturday's suicide attack on a crowded wedding procession "
     "on the outskirts of the town climbed to 27.",
     {f(ALL, K, 27)}),
    ("Three people were killed on Friday. The toll rose to five on Saturday.", {f(ALL, K, 5)}),
    # mixed totals, lynchings, members of groups, lists after 'among the dead'
    ("The group said its fighter had killed and wounded 75 people.", set()),
    ("Ten people were killed or injured in the blast.", set()),
    ("A mob lynched two men accused of theft.", {f(ALL, K, 2)}),
    ("A shopkeeper was stabbed to death.", {f(CIV, K, 1)}),
    ("Three members of a village defence group were killed.", {f(UNK, K, 3)}),
    ("Two senior members of the banned TTP were killed.", {f(MIL, K, 2)}),
    ("The group said its fighters killed 11 \"members of the regime's forces\".",
     {f(SF, K, 11, claim="yes")}),
    ("Among the dead were the candidate's brother and two of his guards.", {f(UNK, K, 2)}),
    ("Five civilians, among them a woman, were among the dead.",
     {f(CIV, K, 5, None), f(CIV, K, 1, None)}),
    ("Two of the dead were children and one was a woman.",
     {f(CIV, K, 2, None), f(CIV, K, 1, None)}),
    # tolls that count the victims of the other figures, losses put by others
    ("At least 84 people, most of them policemen, have so far been confirmed dead.",
     {f(ALL, K, 84, None)}),
    ("An official put the army's losses at more than 30 dead.", {f(SF, K, 31, None)}),
    ("A sepoy who had been critically injured died in hospital, raising the toll to "
     "five. Four Levies personnel had died on the spot.",
     {f(SF, K, 5)}),
    ("Three soldiers were killed. The toll rose to five. Security forces killed six attackers.",
     {f(SF, K, 5), f(MIL, K, 6)}),
    ("Two soldiers were martyred on Monday; a day later, a bomb killed two policemen.",
     {f(SF, K, 2)}),
    # noisy reports: durations, earlier attacks, causes that are not attacks, speakers
    ("One sailor embraced martyrdom while repulsing the attack.", {f(SF, K, 1)}),
    ("Security forces killed 30 terrorists over the past 24 hours.", {f(MIL, K, 30)}),
    ("Over the past two years, 14 policemen were killed in the district.", set()),
    ("A passer-by was hit by a stray bullet.", {f(CIV, I, 1)}),
    ("Two policemen and a prison warden were killed.", {f(SF, K, 2), f(UNK, K, 1)}),
    ("The clashes erupted after an attack on a convoy in which 52 passengers were killed.", set()),
    ("At least 29 children have died in hospitals because of the shortage of medicines.", set()),
    ("The attackers fled, leaving behind the body of one of their comrades.", {f(MIL, K, 1)}),
    ("A bomber killed a candidate for the provincial assembly and five of his supporters.",
     {f(CIV, K, 1), f(CIV, K, 5)}),
    ("Two other constables guarding the mosque were among the 12 people injured.",
     {f(ALL, I, 12), f(SF, I, 2, None)}),
    ("A Taliban official in the province said 46 people had died.", {f(ALL, K, 46)}),
    # elided verbs, 'both', dashes, group names, 'numbering'
    ("The blast killed one person and injured two.", {f(ALL, K, 1), f(ALL, I, 2)}),
    ("Half a dozen soldiers were injured.", {f(SF, I, 6)}),
    ("More than a dozen people were killed.", {f(ALL, K, 13, None)}),
    ("Eleven people \u2014 including four women \u2014 were killed.",
     {f(ALL, K, 11), f(CIV, K, 4, None)}),
    ("The injured, numbering 22, were shifted to the hospital.", {f(ALL, I, 22)}),
    ("The slain included a lawyer.", {f(CIV, K, 1, None)}),
    ("Both attackers were killed.", {f(MIL, K, 2)}),
    ("Both soldiers and civilians were killed.", set()),
    ("A father and his two sons were killed.", {f(CIV, K, 1), f(CIV, K, 2)}),
    ("Seven, including two children, were injured.", {f(ALL, I, 7), f(CIV, I, 2, None)}),
    ("Two people were killed in Quetta and three in Turbat.", {f(ALL, K, 2), f(ALL, K, 3)}),
    ("Five soldiers were killed and two militants.", {f(SF, K, 5), f(MIL, K, 2)}),
    ("The ISPR said the terrorists' hideout was destroyed and five of them were killed.",
     {f(MIL, K, 5)}),
    ("Jamaat-ul-Ahrar said it had killed nine policemen.", {f(SF, K, 9, claim="yes")}),
    ("The militants said they had killed 20 soldiers.", {f(SF, K, 20, claim="yes")}),
    ("The army said it killed 10 militants.", {f(MIL, K, 10)}),
    ("Nine people lost lives in the attack.", {f(ALL, K, 9)}),
    ("The attack resulted in the death of two soldiers.", {f(SF, K, 2)}),
    ("Rescue 1122 said it shifted 14 injured and five bodies to hospital.",
     {f(ALL, I, 14), f(ALL, K, 5)}),
    ("Six people were reported killed.", {f(ALL, K, 6)}),
    ("Four policemen lost their lives while two sustained injuries.", {f(SF, K, 4), f(SF, I, 2)}),
    ("Police confirmed the deaths of three people.", {f(ALL, K, 3)}),
    ("He was among 11 people killed in the blast.", {f(ALL, K, 11)}),
    ("The number of those killed has risen to 19.", {f(ALL, K, 19)}),
    ("Gunmen opened fire, leaving 4 dead.", {f(ALL, K, 4)}),
    ("The bomb left two policemen wounded.", {f(SF, I, 2)}),
    ("Security forces said they had killed all six militants.", {f(MIL, K, 6)}),
    ("Three militants were killed and one was arrested.", {f(MIL, K, 3)}),
    ("The BLA said 40 soldiers were killed, a claim that could not be verified.",
     {f(SF, K, 40, claim="yes")}),
    # constructions first met in the blind heldout3 set
    ("A 14-year-old girl who lived next to the station was also killed, the mayor said.",
     {f(CIV, K, 1)}),
    ("One of the injured, a 16-year-old boy, later died in hospital.", {f(CIV, K, 1)}),
    ("A fifth policeman, a constable who was hit in the neck, died on the way to hospital.",
     {f(SF, K, 1)}),
    ("Jets struck a hideout, killing the group's local leader and at least two other militants.",
     {f(MIL, K, 2, None)}),
    ("Two soldiers deployed to separate the tribes were among the injured.",
     {f(SF, I, 2, None)}),
    ("Four of the dead were members of a family from Sindh's Jacobabad district.",
     {f(UNK, K, 4)}),
    ("A bomb struck a truck carrying soldiers, killing three and injuring five, two military "
     "sources told Reuters.", {f(SF, K, 3), f(SF, I, 5)}),
    ("The army said troops killed between four and six guerrillas.", {f(MIL, K, 4, 6)}),
    ("ISKP said its bomber had killed 60 worshippers.", {f(CIV, K, 60, claim="yes")}),
    ("Police claimed to have killed 12 militants, but relatives said five of the dead were "
     "students.", {f(MIL, K, 12, claim="yes"), f(CIV, K, 5, None)}),
    ("More than 60 soldiers have been martyred in the district this year.", set()),
    ("In all, 19 people were injured, among them the groom's uncle and a 12-year-old boy.",
     {f(ALL, I, 19), f(CIV, I, 1, None)}),
    ("Eleven policemen were martyred and seven others injured. An earlier police statement had "
     "put the number of injured at three.", {f(SF, K, 11), f(ALL, I, 7)}),
    # constructions first met in heldout4 (ISPR releases, FIR summaries, wire copy)
    ("Gunmen offloaded passengers from three Karachi-bound coaches and shot dead nine of them.",
     {f(CIV, K, 9)}),
    ("Seven of the dead were labourers from Punjab's Khanewal district and two were Sindhi "
     "truck drivers.", {f(CIV, K, 7, None), f(CIV, K, 2, None)}),
    ("Three soldiers of the 12-member assault team, including a 27-year-old lieutenant, having "
     "fought gallantly, embraced shahadat.", {f(SF, K, 3), f(SF, K, 1, None)}),
    ("Two constables of his party, namely Ali Nawaz and Shahzado Khan, were martyred on the "
     "spot.", {f(SF, K, 2)}),
    ("One dacoit, carrying head money of Rs3 million, was killed.", {f(MIL, K, 1)}),
    ("Four guards of a former senator and his driver lost their lives.",
     {f(UNK, K, 4), f(CIV, K, 1)}),
    ("Among the dead are a police constable and a woman, while six of the injured remain in "
     "critical condition.", {f(SF, K, 1, None), f(CIV, K, 1, None)}),
    ("A passer-by, a rickshaw driver aged 40, was also hit and lost his life.", {f(CIV, K, 1)}),
    ("Fourteen soldiers were killed and 11 wounded in a clash, in one of the deadliest "
     "encounters since a 2014 peace deal.", {f(SF, K, 14), f(SF, I, 11)}),
    ("Yemen's decade-long war has killed more than 150,000 people.", set()),
    ("A civilian, a 60-year-old rubber tapper, was hit by a stray bullet and died.",
     {f(CIV, K, 1)}),
    ("Three security personnel (two CRPF jawans and an Assam Rifles rifleman) were injured.",
     {f(SF, I, 3), f(SF, I, 2), f(SF, I, 1)}),
    ("The missile killed 11 soldiers (among them a brigade commander) and wounded 23.",
     {f(SF, K, 11), f(SF, K, 1, None), f(SF, I, 23)}),
    ("Seven family members were gunned down in what police called a decades-old feud.",
     {f(CIV, K, 7)}),
    ("Four people, two of them Levies men, were killed.", {f(ALL, K, 4), f(SF, K, 2, None)}),
    ("Twelve people were killed. Prosecutors raised the death toll to 14 after two of the "
     "wounded died.", {f(ALL, K, 14)}),
    ("Local groups claimed that the 10 men killed were villagers.",
     {f(CIV, K, 10, claim="yes")}),
    ("Elders said most of the 17 people killed were civilians.", {f(ALL, K, 17)}),
    # constructions first met in heldout5 (translations, tickers, OCHA updates, wire copy)
    ("Seventeen khwarij trying to slip across the Pak-Afghan border into the Sambaza area of "
     "Zhob district were killed by security forces.", {f(MIL, K, 17)}),
    ("Two soldiers — Naik Abdul Wahid, 29, of Kohat and Sepoy Fazal Rabi, 22, of Swat — "
     "embraced shahadat.", {f(SF, K, 2)}),
    ("He noted that 46 soldiers had been martyred in the district since January.", set()),
    ("The dead in Chamkani included a deputy administrator and three students.",
     {f(CIV, K, 1, None), f(CIV, K, 3, None)}),
    ("Eight persons lost their lives. Three women are also among those who lost their lives.",
     {f(ALL, K, 8), f(CIV, K, 3, None)}),
    ('"We have buried 26 people," said the official.', {f(ALL, K, 26)}),
    ("Nine khwarij, including a ring leader, Qari Ismail, were neutralised.",
     {f(MIL, K, 9), f(MIL, K, 1, None)}),
    ("Gangs overran the town, killing at least 15 people, two police officers among them.",
     {f(ALL, K, 15, None), f(SF, K, 2, None)}),
    ("Police said officers killed eight gang members.", {f(MIL, K, 8)}),
    ('The group said its fighters had killed "at least 20 regime forces".',
     {f(SF, K, 20, None, claim="yes")}),
    # constructions first met in heldout6 (hospital and police releases, live blogs, wires)
    ("Two marchers were shot dead during a weeks-long sit-in outside the mill.", {f(CIV, K, 2)}),
    ("The insurgency has so far claimed 300 lives.", set()),
    ("Fourteen people were hurt, among them a Levies havaldar and two pupils, officials said.",
     {f(ALL, I, 14), f(SF, I, 1, None), f(CIV, I, 2, None)}),
    ("Ten people were injured. Among the injured brought to the clinic were a traffic warden "
     "and three porters.", {f(ALL, I, 10), f(SF, I, 1, None), f(CIV, I, 3, None)}),
    ("Medics treated 5 people with minor wounds at the scene.", {f(ALL, I, 5)}),
    ("Eight labourers were hurt when the roof fell, three boys among them.",
     {f(CIV, I, 8), f(CIV, I, 3, None)}),
    ("Eight labourers were hurt, including three boys. One of the boys has since died.",
     {f(CIV, I, 8), f(CIV, I, 3, None), f(CIV, K, 1)}),
    ("Two gunmen were killed and a third was arrested in a wounded state.",
     {f(MIL, K, 2), f(MIL, I, 1)}),
    ("Police found the bodies of just three gunmen.", {f(MIL, K, 3)}),
    ("A naik, Sher Khan of Mardan, and two sepoys were martyred.",
     {f(SF, K, 1), f(SF, K, 2)}),
    ("A teacher who had stepped out of the gate and four pupils were among the dead.",
     {f(CIV, K, 1, None), f(CIV, K, 4, None)}),
    ("Commandos moved in to neutralise 12 terrorists.", {f(MIL, K, 12)}),
    ("Eleven died. Among the fatalities were three minors. Nine people had been rushed to "
     "hospital with burn wounds.", {f(ALL, K, 11), f(CIV, K, 3, None), f(ALL, I, 9)}),
    ("Twenty people were injured, eight of them policemen.",
     {f(ALL, I, 20), f(SF, I, 8, None)}),
    ("Twenty people were injured, eight of them critically.", {f(ALL, I, 20)}),
    ("Eleven people died. Of the dead, three have been identified as constables.",
     {f(ALL, K, 11), f(SF, K, 3, None)}),
    ("Gunmen killed four soldiers in the hills. Later that night 6 dead and 9 wounded were "
     "reported from the market.", {f(SF, K, 4), f(ALL, K, 6), f(ALL, I, 9)}),
    ("A commander of the Grand Grif gang alliance said his men had lost only two fighters.",
     {f(MIL, K, 2, claim="yes")}),
    ("The clinic received 14 wounded patients.", {f(ALL, I, 14)}),
    # constructions first met in heldout7 (WhatsApp notes, stringers' run-on copy, FIRs, flash
    # updates, translated posts)
    ("a bomb went off in the bazaar. four traders died on the spot. police said in 2019 a "
     "similar blast killed two.", {f(CIV, K, 4)}),
    ("The hospital got 6 dead bodies incl 3 women & 2 children.",
     {f(ALL, K, 6), f(CIV, K, 3, None), f(CIV, K, 2, None)}),
    ("Nine people died. Police say three of the dead were members of a wedding party.",
     {f(ALL, K, 9), f(UNK, K, 3)}),
    ("Gunmen opened fire and as a result two persons, namely a grocer aged 50 and his son, "
     "were killed on the spot.", {f(ALL, K, 2), f(CIV, K, 1)}),
    ("Eight died. Among the dead were a guard and a porter of the depot, and two drivers "
     "waiting at the gate were among the injured.",
     {f(ALL, K, 8), f(UNK, K, 1), f(CIV, K, 1, None), f(CIV, I, 2, None)}),
    ("UPDATE: the wounded count now 17, incl 4 schoolgirls.",
     {f(ALL, I, 17), f(CIV, I, 4, None)}),
    ("Twelve people were injured, of whom 8 were discharged after first aid.",
     {f(ALL, I, 12)}),
    ("A Levies sepoy guarding the gate is among the injured.", {f(SF, I, 1, None)}),
    ("Two guards were shot dead, as was a cleaner from Swat.", {f(UNK, K, 2), f(CIV, K, 1)}),
    ("The toll has climbed to 20 and includes 5 children.",
     {f(ALL, K, 20), f(CIV, K, 5, None)}),
    ("Among the injured were nine pupils; three of them died later.",
     {f(CIV, I, 9, None), f(CIV, K, 3)}),
    ("Officials put the number killed at 12.", {f(ALL, K, 12)}),
    ("A vendor who sold tea near the gate also died.", {f(CIV, K, 1)}),
    ("Three of our patrolmen lost their lives.", {f(SF, K, 3)}),
    ('He claimed that "up to 60 people" had died.', {f(ALL, K, 0, 60, claim="yes")}),
    ("Six rebels, including a sub-commander, were killed.", {f(MIL, K, 6), f(MIL, K, 1, None)}),
    ("Nine wounded reached the clinic, two of whom are policemen.",
     {f(ALL, I, 9), f(SF, I, 2, None)}),
    # constructions first met in heldout8 (a parliamentary answer, a union statement, a TV
    # ticker, a polio incident form, a jirga declaration, a letter, translations)
    ("Dead: 4 (3 farmers, 1 constable). Wounded: 6.",
     {f(ALL, K, 4), f(CIV, K, 3), f(SF, K, 1), f(ALL, I, 6)}),
    ("Injured: nine porters, two of them boys.", {f(CIV, I, 9), f(CIV, I, 2, None)}),
    ("Our cook, Gul Khan, was killed by a stray round.", {f(CIV, K, 1)}),
    ("Eight workers were gunned down. The martyred include five from Punjab's Okara and "
     "Sahiwal districts and two Hazara cousins.",
     {f(CIV, K, 8), f(CIV, K, 5, None), f(CIV, K, 2, None)}),
    ("The toll of the two strikes was six martyrs, among them a nurse, and 20 wounded, "
     "including four students.",
     {f(ALL, K, 6), f(CIV, K, 1, None), f(ALL, I, 20), f(CIV, I, 4, None)}),
    ("Late on Friday the number of martyrs reached 11 when two injured men passed away.",
     {f(ALL, K, 11)}),
    ("Five people have died after a guard who had been shot in the neck passed away.",
     {f(ALL, K, 5)}),
    ("A gang of nine dacoits raided the village and looted three shops. All nine were later "
     "killed by police.", {f(MIL, K, 9)}),
    ("Records show 30 people were treated for bullet and burn injuries, of whom six were minors.",
     {f(ALL, I, 30), f(CIV, I, 6, None)}),
    ("Ten pilgrims were killed. Three of those killed were reportedly women.",
     {f(CIV, K, 10), f(CIV, K, 3, None)}),
    ("The province's toll has risen to 19 dead. On Sunday the office had given a provisional "
     "toll of 15.", {f(ALL, K, 19)}),
    ("In the past three months four ambushes have killed 30 soldiers in the district.", set()),
    ("Among the dead are a shopkeeper, Haji Rahim, and three of his sons.",
     {f(CIV, K, 1, None), f(CIV, K, 3, None)}),
    ("The district put the toll at 9 dead: six labourers, two policemen and a teacher.",
     {f(ALL, K, 9), f(CIV, K, 6), f(SF, K, 2), f(CIV, K, 1)}),
    ("11:05 Police: blast near court, toll reaches 4. 11:40 one injured guard succumbs, "
     "death toll climbs to 5.", {f(ALL, K, 5)}),
    ("12:10 two ASIs among injured.", {f(SF, I, 2, None)}),
    ("On day one the toll stood at four; after two of the injured died, it had reached six.",
     {f(ALL, K, 6)}),
    ("Police said three of the robbers had been \"chased and killed\" near the river.",
     {f(MIL, K, 3)}),
    ("They killed his three daughters, aged 4, 6 and 9, his wife and a neighbour.",
     {f(CIV, K, 3), f(CIV, K, 1)}),
    ("The group said its fighters had killed \"22 Punjabi colonisers\".",
     {f(UNK, K, 22, claim="yes")}),
    ("Masked men kill four in Turbat; separatists claim attack", {f(ALL, K, 4)}),
    ("Gang members claimed to have killed \"at least 12 police\".",
     {f(SF, K, 12, None, claim="yes")}),
    ("Coast guards shot dead three pirates and a fourth was arrested in injured condition.",
     {f(MIL, K, 3), f(MIL, I, 1)}),
    ("The convoy reached the pass at nine, and two soldiers were hurt.", {f(SF, I, 2)}),
    # constructions first met in heldout9 (a court report, hospital bulletins, a stock-exchange
    # notice, a talk show, a live page, a returning officer's report, translations)
    ('The group said two of its fighters had "embraced martyrdom".', {f(MIL, K, 2, claim="yes")}),
    ("A boatman crossing the river, Ali Sher, 50, was hit by a stray bullet and died.",
     {f(CIV, K, 1)}),
    ("Armed men stopped the van, checked the pilgrims' papers and shot dead nine of them.",
     {f(CIV, K, 9)}),
    ("Twelve people died. Four of the victims were students from Sindh.",
     {f(ALL, K, 12), f(CIV, K, 4, None)}),
    ("He claimed that at least five of those killed in the raid were farmers.",
     {f(CIV, K, 5, None, claim="yes")}),
    ("Bulletin 2: Dead received: 9. Injured received: 20.", {f(ALL, K, 9), f(ALL, I, 20)}),
    ("The dead include three guards who were on duty at the gate and a porter.",
     {f(UNK, K, 3), f(CIV, K, 1, None)}),
    ("Total casualties: 4 martyred, 7 injured.", {f(ALL, K, 4), f(ALL, I, 7)}),
    ("Nine people died. Those who lost their lives include three women.",
     {f(ALL, K, 9), f(CIV, K, 3, None)}),
    ("Later one more injured man breathed his last.", {f(ALL, K, 1)}),
    ("We salute the 9 soldiers who fell in action.", {f(SF, K, 9)}),
    ("Two policemen gave their lives and four were wounded.", {f(SF, K, 2), f(SF, I, 4)}),
    ("Two engineers of the construction company lost their lives.", {f(CIV, K, 2)}),
    ("Five traders from the grain market also died.", {f(CIV, K, 5)}),
    ("The ministry, which had given a provisional toll of 8, said 11 troops were killed.",
     {f(SF, K, 11)}),
    ("At least 20 people died, up from a toll of 14 given on Sunday.", {f(ALL, K, 20, None)}),
    ('"More than 30 of its fighters were neutralised," the army spokesman said.',
     {f(MIL, K, 31, None)}),
    ("One of our drivers sustained minor injuries.", {f(CIV, I, 1)}),
    ("Two shepherds were hit; one died and another was taken to the clinic in injured "
     "condition.", {f(CIV, K, 1), f(CIV, I, 1)}),
    ("Three polling agents and a voter were shot dead.", {f(CIV, K, 3), f(CIV, K, 1)}),
    ("Six policemen were martyred, including an inspector, and nine were injured.",
     {f(SF, K, 6), f(SF, K, 1, None), f(SF, I, 9)}),
    ("The clinic said as many as 12 people had been brought in wounded.", {f(ALL, I, 0, 12)}),
    # an independent review's probes: each once read wrongly by a rule of this project
    ("Killed: 2, Injured: 3", {f(ALL, K, 2), f(ALL, I, 3)}),
    ("Killed: 4 soldiers | Injured: 6 civilians", {f(SF, K, 4), f(CIV, I, 6)}),
    ("Killed: 3 — police later deployed 200 troops in the area.", {f(ALL, K, 3)}),
    ("Injured: 2, shifted to hospital in 3 ambulances.", {f(ALL, I, 2)}),
    ("Three people were killed and 12 injured (3 critically).", {f(ALL, K, 3), f(ALL, I, 12)}),
    ("Gunmen killed 8 people: 5 at the market and 3 at the bus stand.", {f(ALL, K, 8)}),
    ("Four policemen were martyred when two suicide bombers died in the blast.",
     {f(SF, K, 4), f(MIL, K, 2)}),
    ("Separatists claimed the bombing, saying 12 soldiers were killed.",
     {f(SF, K, 12, claim="yes")}),
    ("Three soldiers were martyred on Monday, the fifth such attack in the last three months.",
     {f(SF, K, 3)}),
    ("In Quetta the death toll rose to 12. In Peshawar the death toll from a separate blast "
     "rose to 20.", {f(ALL, K, 12), f(ALL, K, 20)}),
    ("Two gunmen shot a shopkeeper and his son. The two died in hospital.",
     {f(ALL, K, 2)}),
    ("The blast hit 5 NATO tankers and 3 soldiers were killed.", {f(SF, K, 3)}),
    ("Militants attacked a checkpost in North Waziristan on Monday morning. The relief convoy "
     "reached the pass at nine, and two soldiers were hurt.", {f(SF, I, 2)}),
    # a second review's probes, each read wrongly by an intermediate version of the rules
    ("Five gunmen opened fire on a bus, killing 12.", {f(ALL, K, 12)}),
    ("Four militants attacked a police station in Bannu, killing two and injuring five.",
     {f(ALL, K, 2), f(ALL, I, 5)}),
    ("On the same day two soldiers were martyred in Kurram.", {f(SF, K, 2)}),
    ("The death toll from Monday's suicide bombing of a police convoy in the Bannu cantonment "
     "area remained at 17.", {f(ALL, K, 17)}),
    ("Martyred: 2 soldiers, 1 policeman.", {f(SF, K, 2), f(SF, K, 1)}),
    ("Two people were killed in Turbat. Quetta blast - Killed: 5, Injured: 12.",
     {f(ALL, K, 2), f(ALL, K, 5), f(ALL, I, 12)}),
    ("A preliminary toll of 30 was given by the police. Separately, two soldiers were killed "
     "in Kech.", {f(ALL, K, 30), f(SF, K, 2)}),
    ("A police official, Inspector Khan, said the suicide bomber was killed.", set()),
    ("Police arrested two nephews of the tribal elder killed in Monday's attack.", set()),
    ("It was the second attack on the school since January, when 14 students were killed.",
     set()),
    ("The latest attack follows a blast that killed 30 people last year.", set()),
    ("The death toll could rise, hospital officials said, as the condition of 12 people was "
     "critical.", set()),
    ("Eight people have now died after two more victims died overnight.", {f(ALL, K, 8)}),
    ("The attack killed four soldiers who were guarding the site and 20 workers were evacuated "
     "safely.", {f(SF, K, 4)}),
    ("Killed: three soldiers; two policemen; one civilian.",
     {f(SF, K, 3), f(SF, K, 2), f(CIV, K, 1)}),
    ("Seven dead (5 men, 2 women).", {f(ALL, K, 7), f(ALL, K, 5), f(CIV, K, 2)}),
    ("Martyred: 4 — 2 soldiers, 2 policemen.", {f(ALL, K, 4), f(SF, K, 2)}),
    ("Killed/injured: 12.", set()),
    ("Two members of the raiding party were injured.", {f(UNK, I, 2)}),
    ("The death toll rose to 12, police said. When a second blast struck, the death toll rose "
     "to 25.", {f(ALL, K, 25)}),
    ("Killed:3 Injured:5", {f(ALL, K, 3), f(ALL, I, 5)}),
    ("Injured: 5 (2 critical).", {f(ALL, I, 5)}),
    ("Killed: 7 (4 on the spot), Injured: 12", {f(ALL, K, 7), f(ALL, I, 12)}),
    ("Between 14 and 20 people died; 14-20 were hurt.", {f(ALL, K, 14, 20), f(ALL, I, 14, 20)}),
]


@pytest.mark.parametrize("text, expected", GRAMMAR, ids=[t[:60] for t, _ in GRAMMAR])
def test_grammar_gives_exactly_these_figures(text, expected):
    assert figures(text) == expected


def test_subset_is_a_lower_bound_of_its_category_never_a_second_total():
    got = figures("Twelve people were killed, including two children and a woman.")
    assert got == {("all", "killed", 12, 12, "no"), ("civilians", "killed", 2, None, "no"),
                   ("civilians", "killed", 1, None, "no")}
    drafted = draft_incidents(extract_figures(
        "Twelve people were killed, including two children.", "s.txt"))
    assert drafted.iloc[0]["killed_total"] == "twelve"
    assert drafted.iloc[0]["killed_civilians"] == "at least 2"


def test_toll_update_keeps_only_the_latest_figure():
    got = figures("A bomb killed nine people on Friday. Officials said the death toll had "
                  "risen to 15 after two of the injured died in hospital.")
    assert got == {("all", "killed", 15, 15, "no")}


def test_claims_are_flagged_and_kept_out_of_the_draft_counts():
    text = ("Officials said five soldiers were killed. The BLA said its fighters had killed "
            "18 soldiers, and the group claimed 30 more were wounded.")
    got = figures(text)
    assert ("security_forces", "killed", 5, 5, "no") in got
    assert ("security_forces", "killed", 18, 18, "yes") in got
    drafted = draft_incidents(extract_figures(text, "c.txt")).iloc[0]
    assert drafted["killed_security_forces"] == "five"
    assert "claim, not counted" in drafted["notes"] and "18" in drafted["notes"]


def test_a_relative_clause_about_the_attack_is_not_a_claim_of_the_figure():
    got = figures("Forty people were injured in the blast, which the group claimed later.")
    assert got == {("all", "injured", 40, 40, "no")}


def test_claimed_the_lives_and_claimed_responsibility_are_not_claims():
    got = figures("The TTP claimed responsibility for the blast, which claimed the lives of "
                  "seven policemen.")
    assert got == {("security_forces", "killed", 7, 7, "no")}


def test_home_province_reported_and_inferred():
    c = extract_figures("Seven labourers from Punjab and four Sindhi drivers were killed.",
                        "h.txt")
    assert set(zip(c["low"], c["home_province"])) == {(7, "Punjab"), (4, "Sindhi")}
    v = draft_victims(c)
    assert set(zip(v["home_province"], v["basis"])) == {("Punjab", "reported"),
                                                        ("Sindh", "inferred")}


def test_same_text_gives_the_same_rows():
    text = SEED.read_text(encoding="utf-8")
    pd.testing.assert_frame_equal(extract_figures(text, "a"), extract_figures(text, "a"))


# --- drafts and files --------------------------------------------------------------------------

def test_draft_incident_for_the_seed(seed):
    text, c = seed
    row = draft_incidents(c, {SEED.name: text}).iloc[0]
    assert row["killed_civilians"] == "23"
    assert row["killed_security_forces"] == "14"
    assert row["killed_total"] == "over 40"
    assert row["killed_unknown"] == ""  # the 14 and 9 are parts of the total
    assert row["province"] == "Balochistan"
    assert row["perpetrator"] == "Baloch Liberation Army"


def test_run_extract_writes_the_four_files(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (seeds / "b.txt").write_text("No one was hurt in the blast. Last year 40 people were "
                                 "killed here.", encoding="utf-8")
    counts = run_extract(seeds, tmp_path / "out")
    assert counts == {"documents": 2, "candidates": 6, "incidents": 2, "victims": 2,
                      "unread": 1}
    unread = pd.read_csv(tmp_path / "out" / "unread.csv")
    assert list(unread.columns) == list(UNREAD_COLUMNS)
    assert unread.loc[0, "count"] == "40 people" and unread.loc[0, "reason"] == BACKGROUND
    cands = pd.read_csv(tmp_path / "out" / "candidates.csv")
    assert list(cands.columns) == list(CANDIDATE_COLUMNS)
    incidents = pd.read_csv(tmp_path / "out" / "incidents.csv")
    assert list(incidents.columns) == list(INCIDENT_COLUMNS)
    victims = pd.read_csv(tmp_path / "out" / "victims.csv")
    assert list(victims.columns) == list(VICTIM_COLUMNS)
    assert not list((tmp_path / "out").glob("*.tmp"))


def test_unread_lists_each_count_set_aside_with_its_reason():
    text = ("Gunmen killed nine people in Kech on Monday. By Tuesday the death toll had risen "
            "to 15. Some 300 troops joined the search. Last year 40 people were killed in the "
            "district. Three guards stood at the gate when the bomb went off, and two workers "
            "were wounded.")
    rows = unread_counts(text, "r.txt")
    assert list(zip(rows["count"], rows["reason"])) == [
        ("nine people", "replaced by another figure of its kind (a toll update, a revision or "
                        "a later report): '15'"),
        ("40 people", BACKGROUND),
        ("Three guards", NO_OUTCOME),
    ]
    assert all(text[s:e] == c for s, e, c in zip(rows["start"], rows["end"], rows["count"]))
    proposed = extract_figures(text, "r.txt")
    assert set(proposed["start"]).isdisjoint(rows["start"])  # a proposal is never set aside


def test_unread_tells_a_later_death_from_a_toll_update():
    later = unread_counts("Six people have died after two pilgrims succumbed to their wounds.",
                          "r.txt")
    assert list(later["reason"]) == [LATER_DEATH]
    update = unread_counts("On day one the toll stood at four; after two of the injured died, "
                           "it had reached six.", "r.txt")
    assert list(zip(update["count"], update["reason"])) == [
        ("four", INCREMENT), ("two of the injured", INCREMENT)]


def test_every_count_in_a_casualty_sentence_is_proposed_or_set_aside():
    """Nothing is lost silently: over every dev report, each count of people in a sentence
    that proposed a figure or holds a casualty word is a proposal or a row of unread.csv."""
    for path in sorted((FIXTURES / "dev").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        proposed = set(extract_figures(text, path.name)["start"])
        unread = set(unread_counts(text, path.name)["start"])
        for s in split_sentences(text):
            starts = {m.start for m in find_mentions(text, s.start, s.end)}
            if starts & proposed or re.search(r"kill|dead|died|wound|injur|toll|martyr|bod",
                                              s.text, re.IGNORECASE):
                assert starts <= proposed | unread, (path.name, s.text)


def test_run_extract_names_a_missing_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="SEEDS="):
        run_extract(tmp_path / "nowhere", tmp_path / "out")


# --- evaluation --------------------------------------------------------------------------------

def test_evaluate_counts_sets_of_figures():
    gold = pd.DataFrame({"document": ["d", "d"], "victim_category": ["all", "civilians"],
                         "outcome": ["killed", "killed"], "low": ["12", "2"],
                         "high": ["12", ""], "claim": ["no", "no"]})
    pred = pd.DataFrame({"document": ["d", "d", "d"],
                         "victim_category": ["all", "all", "militants"],
                         "outcome": ["killed"] * 3, "low": [12, 12, 3], "high": [12, 12, 3],
                         "claim": ["no"] * 3})
    result = evaluate(pred, gold)
    assert (result["precision"], result["recall"]) == (0.5, 0.5)


def test_dev_split_scores():
    result = evaluate_folder(FIXTURES / "dev")
    assert result["documents"] >= 25
    assert result["precision"] >= 0.9 and result["recall"] >= 0.9


HELDOUT = FIXTURES / "heldout10"


@pytest.mark.xfail(strict=True, reason=(
    "issue 8's target is not met: scored once, heldout10 gave precision 0.728 and recall 0.650 "
    "(see tests/fixtures/extract/README.md for every blind round); strict, so a rules change "
    "that reaches 0.9 on it shows up as XPASS and this mark must then go"))
def test_heldout_split_precision_and_recall_at_least_0_9():
    """Issue 8: >= 0.9 on reports the rules were never tuned on (written blind, in heldout10/).

    Do not tune on heldout10/: `make eval-extract` prints its scores only. The message names
    only the scores, so that a failure does not show the misses to whoever edits the rules.
    """
    result = evaluate_folder(HELDOUT)
    assert result["documents"] >= 25
    scores = f"precision {result['precision']:.3f}, recall {result['recall']:.3f}"
    assert result["precision"] >= 0.9 and result["recall"] >= 0.9, scores


def test_eval_script_scores_any_split_by_name(tmp_path, capsys):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import eval_extract
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    split = tmp_path / "blind"
    split.mkdir()
    (split / "r1.txt").write_text("Three soldiers were killed.", encoding="utf-8")
    (split / "gold.csv").write_text(
        "document,victim_category,outcome,low,high,claim,home_province\n"
        "r1.txt,security_forces,killed,3,3,no,\n", encoding="utf-8")
    assert eval_extract.main(["--split", "blind", "--fixtures", str(tmp_path)]) == 0
    assert "blind: 1 reports" in capsys.readouterr().out
    # A held-out split's misses stay unread unless asked for: reading them would un-blind it.
    (split / "gold.csv").write_text(
        "document,victim_category,outcome,low,high,claim,home_province\n"
        "r1.txt,civilians,killed,5,5,no,\n", encoding="utf-8")
    assert eval_extract.main(["--split", "blind", "--fixtures", str(tmp_path)]) == 0
    assert "recall 0.000" in (out := capsys.readouterr().out) and "missed" not in out
    assert eval_extract.main(["--split", "blind", "--fixtures", str(tmp_path),
                              "--show-misses"]) == 0
    assert "missed: civilians killed 5" in capsys.readouterr().out
    assert eval_extract.main(["--split", "heldout9", "--fixtures", str(tmp_path)]) == 2
    assert "splits: blind" in capsys.readouterr().err


# --- the notebook -----------------------------------------------------------------------------

def test_agreement_script_scores_a_second_annotation_against_the_first(tmp_path, capsys,
                                                                         monkeypatch):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import agreement
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    monkeypatch.setattr(agreement, "PAIRS", {"spent_second.csv": ("dev", "v"),
                                             "blind_second.csv": ("blind", "c")})
    header = "document,victim_category,outcome,low,high,claim,home_province\n"
    for folder in ("dev", "agreement", "blind"):
        (tmp_path / folder).mkdir()
    # the first gold also holds another set's report (d01, not counted) and a report the
    # second annotator found no figure in (v02, counted: its figure is a difference)
    (tmp_path / "dev" / "gold.csv").write_text(
        header + "v01.txt,all,killed,5,5,no,\nv01.txt,civilians,killed,2,,no,\n"
        "v02.txt,all,injured,3,3,no,\nd01.txt,all,killed,9,9,no,\n", encoding="utf-8")
    (tmp_path / "agreement" / "spent_second.csv").write_text(
        header + "v01.txt,all,killed,5,5,no,\nv01.txt,civilians,killed,2,2,no,\n",
        encoding="utf-8")
    (tmp_path / "blind" / "gold.csv").write_text(
        header + "c01.txt,militants,killed,4,4,no,\n", encoding="utf-8")
    (tmp_path / "agreement" / "blind_second.csv").write_text(
        header + "c01.txt,militants,killed,4,,no,\n", encoding="utf-8")
    assert agreement.main(["--fixtures", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "precision 0.500  recall 0.333" in out  # one of two, one of three
    assert "v01.txt  first only:  civilians killed 2+" in out
    assert "v01.txt  second only: civilians killed 2" in out
    assert "v02.txt  first only:  all injured 3" in out
    assert "d01" not in out
    assert "precision 0.000  recall 0.000" in out  # the blind set's one figure differs ...
    assert "c01" not in out  # ... and a held-out set's differences stay unread
    assert agreement.main(["--fixtures", str(tmp_path), "--show-differences"]) == 0
    assert "c01.txt  second only: militants killed 4+" in capsys.readouterr().out


@pytest.mark.notebook
def test_notebook_writes_candidates(tmp_path):
    papermill = pytest.importorskip("papermill")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "candidates"
    papermill.execute_notebook(
        str(ROOT / "notebooks" / "00_extract.ipynb"), str(tmp_path / "run.ipynb"),
        parameters={"SEEDS": str(seeds), "OUT": str(out)}, cwd=str(ROOT),
        kernel_name="python3", progress_bar=False)
    cands = pd.read_csv(out / "candidates.csv")
    assert list(cands.columns) == list(CANDIDATE_COLUMNS)
    assert {23, 14, 41, 9} <= set(cands["low"])
    assert (out / "incidents.csv").is_file() and (out / "victims.csv").is_file()
    assert list(pd.read_csv(out / "unread.csv").columns) == list(UNREAD_COLUMNS)


def test_notebook_is_committed_without_outputs():
    import json
    nb = json.loads((ROOT / "notebooks" / "00_extract.ipynb").read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    assert "parameters" in code[0]["metadata"].get("tags", [])
