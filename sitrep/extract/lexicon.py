"""The words the extractor knows: victim nouns, casualty verbs, claims, subsets, toll updates.

Only word lists and the regular expressions built from them live here, so that a reviewer can
see in one place what the rules recognise. Nothing here looks at a document.
"""

from __future__ import annotations

import re

# --- numbers --------------------------------------------------------------------------------
# Number words as sitrep.counts.parse_number reads them. "a", "an", "no", "none" are left out:
# "a" only counts in "a dozen" / "a hundred" (or before a singular victim noun, see figures.py)
# and zero is never a casualty figure.
_UNIT_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen "
               "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TEN_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALE_WORDS = ("dozen", "hundred", "thousand")
_WORD = r"(?:" + "|".join(_TEN_WORDS + _UNIT_WORDS[::-1] + list(_SCALE_WORDS)) + r")"
_WORDS = rf"{_WORD}(?:[\s-]+{_WORD})*"
# "and" joins number words only after a scale: "one hundred and five", not "two and three".
NUMBER = (rf"(?:half\s+a\s+dozen|\d{{1,3}}(?:,\d{{3}})+|\d+"
          rf"|(?:an?\s+|{_WORDS}[\s-]+)?(?:dozen|hundred|thousand)(?:\s+and\s+{_WORDS})?"
          rf"|{_WORDS})")
QUALIFIER = (r"(?:more\s+than|over|above|in\s+excess\s+of|at\s+least|a\s+minimum\s+of"
             r"|no\s+fewer\s+than|no\s+less\s+than|up\s+to|at\s+most|as\s+many\s+as"
             r"|no\s+more\s+than|about|around|some|approximately|roughly|nearly|almost"
             r"|an\s+estimated)")
COUNT_RE = re.compile(
    rf"\b(?:{QUALIFIER}\s+)?"
    # an em dash with spaces is a pause, not a range: "Martyred: 4 — 2 soldiers, 2 policemen"
    rf"(?:between\s+{NUMBER}\s+and\s+{NUMBER}|{NUMBER}(?:(?:\s*[-–]\s*|—|\s*\bto\b\s*){NUMBER})?)"
    rf"(?:\s+or\s+more|\+)?(?!\w)",
    re.IGNORECASE,
)

# A number glued to these is not a count of people ("12-hour siege", "a 45-year-old man").
NOT_PEOPLE_AFTER = re.compile(
    r"^(?:\s*-\s*|\s+)?(?:(?:year|yr|hour|hr|minute|min|day|week|month|km|kilometre|"
    r"kilometer|kilo|kg|inch|inche|metre|meter|mile|mm|tonne|ton|litre|storey|round|shot|"
    r"rupee|dollar|time|crore|lakh)s?\b|feet\b|foot\b|per\s*cent\b|percent\b|pc\b|%|"
    r"p\.?m\b|a\.?m\b|o'clock|rs\b|million\b|billion\b|th\b|st\b|nd\b|rd\b|"
    r"storey|story\b)"
    r"|^\s*(?::|\.\d|/\d)",
    re.IGNORECASE,
)
NOT_PEOPLE_BEFORE = re.compile(
    r"(?:\bno\.?|\bnumber|\bsection|\bn-|\bm-|\brs\.?|\$|\brescue|\bbrigade|\bcorps|\bwing|"
    r"\bunit|\bplatoon|\bbattalion|\broute|\bblock|\bsector|\bphase|\bchapter|\barticle|"
    r"\bpage|\bflight|\bpost|\bgate|\broom|\bhouse|\bstreet|\broad|\bkm|\bage[sd]?|\baged|"
    r"\bclass|\bgrade|\bparagraph|\bcase|"
    # a time: "by the time the Elite Force arrived at six"
    r"\b(?:arrived|came|reached|returned|started|began|ended|left|struck)\s+at)\s*$",
    re.IGNORECASE,
)
MONTHS = ("january february march april may june july august september october november "
          "december jan feb mar apr jun jul aug sep sept oct nov dec").split()
MONTH_RE = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b\.?", re.IGNORECASE)

# --- victim nouns -----------------------------------------------------------------------------
CIVILIAN_NOUNS = set("""
civilian civilians passenger passengers labourer labourers laborer laborers worker workers
miner miners child children kid kids boy boys girl girls woman women villager villagers
resident residents student students pupil pupils teacher teachers worshipper worshippers
worshiper worshipers pilgrim pilgrims devotee devotees mourner mourners shopper shoppers
trader traders shopkeeper shopkeepers vendor vendors passerby passersby passers-by passer-by
pedestrian pedestrians bystander bystanders commuter commuters traveller travellers
traveler travelers driver drivers engineer engineers national nationals foreigner
foreigners tourist tourists doctor doctors nurse nurses journalist journalists reporter
reporters farmer farmers fisherman fishermen herder herders shepherd shepherds hostage
hostages relative relatives son sons daughter daughters wife wives infant infants baby babies
vaccinator vaccinators employee employees contractor contractors lawyer lawyers voter voters
supporter supporters cleric clerics monk monks nun nuns imam prayer-leader elder elders
politician politicians leader leaders activist activists guest guests customer customers
cameraman cameramen photographer photographers spectator spectators waiter waiters
administrator administrators
spectator spectators player players labour labor
owner owners shopowner shopowners businessman businessmen clerk clerks tailor tailors
barber barbers cook cooks mechanic mechanics porter porters watchman watchmen chowkidar
chowkidars conductor conductors cleaner cleaners rickshaw-driver motorcyclist motorcyclists
peasant peasants herdsman herdsmen nomad nomads refugee refugees migrant migrants volunteer
volunteers rescuer rescuers paramedic paramedics surgeon surgeons schoolteacher schoolteachers
schoolboy schoolboys schoolgirl schoolgirls schoolchildren lecturer lecturers professor
professors principal headmaster judge judges councillor councillors candidate candidates
tribesman tribesmen scholar scholars priest priests pastor pastors seminarian seminarians
neighbour neighbours neighbor neighbors friend friends brother brothers sister sisters
father fathers mother mothers husband husbands nephew nephews niece nieces cousin cousins
uncle uncles grandson grandsons granddaughter granddaughters grandfather grandmother
passer-by teenager teenagers toddler toddlers minor minors
hawker hawkers seller sellers dealer dealers jeweller jewellers goldsmith goldsmiths butcher
butchers baker bakers carpenter carpenters electrician electricians plumber plumbers painter
painters mason masons welder welders gardener gardeners servant servants maid maids housewife
housewives widow widows orphan orphans pensioner pensioners technician technicians accountant
accountants banker bankers manager managers director directors chairman mayor nazim lawmaker
lawmakers legislator legislators mna mnas mpa mpas senator senators minister ministers
protester protesters protestor protestors demonstrator demonstrators marcher marchers
attendee attendees locals citizen citizens inhabitant inhabitants settler settlers youngster
youngsters juvenile juveniles adolescent adolescents newborn newborns correspondent
correspondents pharmacist pharmacists dispenser dispensers khateeb muezzin maulana mufti
caretaker caretakers custodian custodians motorist motorists rider riders cyclist cyclists
magistrate magistrates tehsildar patwari lineman linemen linesman linesmen vice-chancellor
athlete athletes cricketer cricketers footballer footballers fan fans onlooker onlookers
diner diners visitor visitors boatman boatmen abductee abductees hostess hostesses steward
stewards stewardess stewardesses
headman headmen chieftain chieftains tapper tappers umpire umpires referee referees scorer
scorers hari haris comunero comuneros cashier cashiers storekeeper storekeepers salesman
salesmen saleswoman saleswomen loader loaders trucker truckers weaver weavers cobbler cobblers
potter potters goatherd goatherds cowherd cowherds farmhand farmhands sweeper sweepers janitor
janitors chef chefs hotelier hoteliers innkeeper innkeepers landlord landlords tenant tenants
landowner landowners surveyor surveyors architect architects operator operators geologist
geologists scientist scientists researcher researchers academic academics poet poets writer
writers singer singers musician musicians artist artists actor actors broadcaster
broadcasters blogger bloggers editor editors publisher publishers missionary missionaries
deacon deacons bishop bishops rabbi rabbis bride brides groom grooms bridegroom bridegrooms
trainee trainees apprentice apprentices intern interns grandchild grandchildren grandparent
grandparents aunt aunts kinsman kinsmen clansman clansmen prosecutor prosecutors advocate
advocates diplomat diplomats envoy envoys dentist dentists midwife midwives firefighter
firefighters herdboy herdboys schoolgirl stepson stepdaughter in-law in-laws fiancee
housemaid housemaids nanny nannies gatekeeper gatekeepers ferryman ferrymen
woodcutter woodcutters hunter hunters beggar beggars hazara hazaras christian
christians hindu hindus sikh sikhs ahmadi ahmadis zaireen namazis
""".split())
SECURITY_NOUNS = set("""
soldier soldiers troop troops trooper troopers serviceman servicemen jawan jawans sepoy sepoys
policeman policemen policewoman policewomen constable constables cop cops personnel levies
levy levies-men commando commandos paramilitary paramilitaries ranger rangers sentry sentries
cadet cadets recruit recruits officer officers guardsman guardsmen captain captains major majors
lieutenant lieutenants rifleman riflemen forces patrolman patrolmen
colonel colonels brigadier subedar subedars havildar havildars havaldar havaldars naik naiks
sergeant sergeants corporal corporals gendarme gendarmes sub-officer sub-officers constabulary
detective detectives commandant commandants sentinel sentinels
sub-inspector sub-inspectors inspector inspectors asi asis sho superintendent superintendents
dsp ssp sepoy sipahi sipahis gunner gunners sailor sailors airman airmen marine marines
seaman seamen risaldar risaldars khasadar khasadars paratrooper paratroopers peacekeeper
peacekeepers policemen police
""".split())
MILITANT_NOUNS = set("""
militant militants attacker attackers insurgent insurgents terrorist terrorists assailant
assailants gunman gunmen fighter fighters rebel rebels bomber bombers separatist separatists
jihadist jihadists jihadi jihadis khwarij khawarij khariji kharijis miscreant miscreants
raider raiders infiltrator infiltrators abductor abductors kidnapper kidnappers
suicide-bomber suicide-bombers dacoit dacoits outlaw outlaws suspect suspects comrade
comrades bandit bandits extremist extremists fidayeen operative operatives guerrilla
guerrillas guerilla guerillas ringleader ringleaders sub-leader sub-leaders sub-commander
sub-commanders pirate pirates robber robbers narco-terrorist narco-terrorists shooter shooters
hitman hitmen assassin assassins gangster gangsters mujahid mujahideen kharji kharjis
combatant combatants
""".split())
# Nouns that say nothing of the category: "all" for a headline count, "unknown" for a part.
GENERIC_NOUNS = set("""
people persons person individuals individual victims victim men man others other bodies body
dead killed injured wounded casualties lives souls youths youth deceased deaths fatalities
patient patients martyrs martyr
""".split())
# Heads that need a modifier: "security officials" are security forces, "officials" unknown.
NEEDS_MODIFIER = {"official": "unknown", "officials": "unknown", "men": None, "man": None,
                  "member": None, "members": None, "guard": "unknown", "guards": "unknown",
                  "staff": "civilians", "officer": "security_forces",
                  "officers": "security_forces", "personnel": "security_forces",
                  "employee": "civilians", "employees": "civilians",
                  "commander": "militants", "commanders": "militants",
                  "escort": "security_forces", "escorts": "security_forces",
                  "warden": "unknown", "wardens": "unknown", "warder": "unknown",
                  "warders": "unknown", "bodyguard": "unknown", "bodyguards": "unknown",
                  "agent": "unknown", "agents": "unknown", "chief": "unknown",
                  "chiefs": "unknown"}
# Guards of a firm or a person are civilians ("a security guard", "private guards"); guards
# of a force are security forces ("police guards", "an FC guard").
GUARD_HEADS = {"guard", "guards"}
PRIVATE_GUARD_MODIFIERS = {"security", "private", "bank", "company", "factory", "hotel",
                           "school", "hospital", "personal"}
SECURITY_MODIFIERS = set("""
security police army military fc frontier corps levies levy paramilitary rangers ctd
counter-terrorism coast navy naval border intelligence law-enforcement scouts ispr sepoy
forces force traffic brigade battalion regiment
""".split())
# "TTP men", "members of the banned BLA", "a militant commander".
MILITANT_MODIFIERS = set("""
militant militants ttp bla blf bras banned outlawed proscribed terrorist terrorists
insurgent insurgents jihadist al-shabab al-shabaab daesh isis iskp gang gangs
""".split())
CIVILIAN_MODIFIERS = {"civilian", "civil", "government", "private", "polio", "relief",
                      "aid", "health", "bank", "company", "family", "polling", "presiding",
                      "returning", "election", "staff", "school", "hospital",
                      "factory", "construction", "media", "press"}
# Nouns that are themselves the outcome: "11 dead", "37 bodies", "the blast claimed 12 lives".
OUTCOME_HEADS = {"dead": "killed", "killed": "killed", "bodies": "killed", "body": "killed",
                 "lives": "killed", "deceased": "killed", "deaths": "killed",
                 "fatalities": "killed", "martyrs": "killed", "martyr": "killed",
                 "injured": "injured", "wounded": "injured",
                 "hurt": "injured"}
# Generic nouns that count one person after "a": "a man was shot dead".
SINGULAR_GENERIC = {"man", "person", "individual", "youth", "body"}
# Heads that are never people: a number before them is not a casualty figure.
NOT_PEOPLE_NOUNS = set("""
rocket rockets vehicle vehicles house houses home homes shop shops bus buses truck trucks
car cars coach coaches motorcycle motorcycles post posts checkpost checkposts check-posts
weapon weapons grenade grenades hour hours day days minute minutes week weeks month months
year years km kilometres kilometers metre metres feet kg kilogrammes kilograms percent
school schools village villages district districts round rounds shell shells mortar
mortars tonne tonnes incident incidents attack attacks time times project projects stall
stalls case cases family families household households tent tents camp
camps tower towers bridge bridges pipeline pipelines train trains shot shots bullet bullets
kilogram device devices mine mines explosion explosions blast blasts group groups team
teams convoy convoys brigade brigades batch batches compound compounds building buildings
shelter shelters vest vests van vans station stations strike strikes raid raids tanker tankers
container containers wagon wagons ambulance ambulances mobile mobiles checkpoint checkpoints
boat boats
""".split())
PEOPLES = {"baloch": "Baloch", "baluch": "Baloch", "balochi": "Baloch", "pashtun": "Pashtun",
           "pashtuns": "Pashtun", "pakhtun": "Pashtun", "pakhtuns": "Pashtun",
           "pukhtun": "Pashtun", "pathan": "Pashtun", "pathans": "Pashtun",
           "sindhi": "Sindhi", "sindhis": "Sindhi", "punjabi": "Punjabi", "punjabis": "Punjabi"}
PEOPLE_PROVINCE = {"Baloch": "Balochistan", "Pashtun": "Khyber Pakhtunkhwa",
                   "Sindhi": "Sindh", "Punjabi": "Punjab"}
PROVINCE_RE = re.compile(
    r"\b(Punjab|Sindh|Sind|Khyber[\s-]Pakhtunkhwa|KPK|KP|NWFP|Balochistan|Baluchistan"
    r"|Gilgit[\s-]Baltistan|Azad\s+(?:Jammu\s+and\s+)?Kashmir|AJK|Islamabad)\b"
    r"(?:\s+province)?"
)
# Words that may stand between a number and its noun ("14 security officials").
NOUN_STOP = set("""
were was are is be been being had have has and or but in on at by when after before who whom
which that while as to for with during near from of including incl among into onto said says
sustained suffered received lost died succumbed embraced got
say told added reportedly also later all both had including across inside outside under over
than this these those its their his her it they them we he she the a an there where whose
""".split())

# --- outcomes ---------------------------------------------------------------------------------
KILLED_WORDS = (r"killed|dead|died|dies|succumbs|martyred|slain|perished|passed\s+away|"
                r"shot\s+dead|gunned\s+down|"
                r"lost\s+(?:(?:their|his|her)\s+)?li(?:fe|ves?)|embraced\s+(?:shahadat|martyrdom)|"
                r"succumbed(?:\s+to\s+(?:their|his|her)\s+(?:injuries|wounds))?|"
                r"laid\s+down\s+(?:their|his|her)\s+lives?|feared\s+dead|confirmed\s+dead|"
                r"found\s+dead|beheaded|executed|massacred|murdered|lynched|"
                r"(?:fatally|mortally)\s+(?:wounded|injured|shot)|neutrali[sz]ed|eliminated|"
                r"(?:stabbed|hacked|beaten|tortured|stoned|burnt|burned|crushed)\s+to\s+death|"
                r"burnt\s+alive|burned\s+alive|slaughtered|"
                r"sent\s+to\s+hell|breathed\s+(?:his|her|their)\s+last|"
                r"gave\s+(?:their|his|her)\s+lives?|"
                r"fell\s+(?:on\s+the\s+field\s+of\s+honou?r|in\s+(?:action|battle|combat))")
INJURED_WORDS = (r"injured|wounded|hurt|"
                 r"(?:sustained|suffered)\s+(?:\w+\s+){0,2}(?:injuries|wounds)|"
                 r"received\s+(?:\w+\s+){0,2}(?:injuries|wounds)|maimed|"
                 r"escaped\s+with\s+(?:\w+\s+){0,2}(?:injuries|wounds)|"
                 r"treated\s+for\s+(?:[\w-]+\s+){0,4}(?:injuries|wounds|burns)|"
                 r"hit\s+by\s+(?:a\s+)?(?:stray\s+)?bullets?|"
                 r"(?:(?:apprehended|arrested|captured|caught|held|found)|"
                 r"(?:taken|shifted|brought|rushed|admitted|evacuated|moved)"
                 r"(?:\s+to\s+[^,.;]{1,50}?)?)\s+in\s+(?:an?\s+)?"
                 r"(?:injured|wounded)\s+(?:condition|state)")
_AUX = (r"(?:(?:were|was|are|is|have|has|had|been|being|be|got|get|also|reportedly|later|"
        r"all|both|allegedly|feared|believed|said|thought|reported|confirmed|to|subsequently|"
        r"either|critically|seriously|severely|grievously|badly|slightly|"
        r"instantly|brutally|found|later|now|already|so\s+far|since|brought(?:\s+in)?)\s+)*"
        r"[\"“‘']?")
# "two journalists were among the dead": an outcome, and a part of the victims.
AMONG_AFTER = (r"(?:among\s+(?:the\s+|those\s+)?(?:dead|killed|deceased|victims|injured|"
               r"wounded|casualties|fatalities|martyred|martyrs|hurt)|"
               r"among\s+those\s+who\s+(?:were\s+)?(?:killed|"
               r"died|lost\s+their\s+lives|injured|wounded|hurt))")
# A passive or intransitive cue right after a figure: "23 civilians were killed".
AFTER_CUE = re.compile(
    rf"^[\"'”’]?\s*[,—–]?\s*(?:who\s+|that\s+)?{_AUX}"
    rf"(?P<cue>{KILLED_WORDS}|{INJURED_WORDS}|"
    rf"{AMONG_AFTER})\b",
    re.IGNORECASE,
)
# The same after a short modifier phrase, when an auxiliary marks the passive:
# "a policeman escorting a polio team was shot dead".
# Also after a first passive verb: "22 passengers were offloaded from buses and shot dead".
AFTER_GAP_CUE = re.compile(
    rf"^[^,.;:]{{0,110}}?\b(?:were|was|is|are|have\s+been|had\s+been|has\s+been)\s+"
    rf"(?:(?:\w+ly|also|later)\s+)?(?:[\"“‘']?(?:\w+ed|hit|shot)\b[^,.;:]{{0,60}}?\band\s+"
    rf"(?:then\s+|later\s+)?)?"
    rf"(?P<cue>{KILLED_WORDS}|{INJURED_WORDS}|{AMONG_AFTER})\b",
    re.IGNORECASE,
)
# "the number of policemen killed", "the number of dead": a toll that may name its victims.
_NUMBER_OF = (r"number\s+(?:of\s+)?(?:(?P<tollnoun>[a-z]+)\s+)?"
              r"(?P<tollout>killed|dead|deaths|martyrs|injured|wounded)\b")
# A first item that is no count: "among the dead were the candidate's brother and two ...".
_LIST_HEAD = r"(?:\s+[^,.;\d]{1,40}?(?:,|\s+and))?"
# An active cue right before a figure: "killing 12", "the deaths of over 40".
BEFORE_CUE = re.compile(
    rf"\b(?P<cue>kill(?:ed|ing|s)?|shot\s+dead|shooting\s+dead|gunned\s+down|gunning\s+down|"
    rf"martyr(?:ed|ing)|massacred|murdered|executed|slew|neutrali[sz](?:ed|ing|e)|buried|"
    rf"lynch(?:ed|ing)|behead(?:ed|ing)|slaughter(?:ed|ing)|"
    rf"eliminat(?:ed|ing)|"
    rf"injur(?:ed|ing|es)|wound(?:ed|ing)|hurt(?:ing)?|maim(?:ed|ing)|"
    rf"deaths?\s+of|lives\s+of|(?:dead\s+)?bod(?:y|ies)\s+of|killing\s+of|murder\s+of|"
    rf"(?:the\s+)?(?:dead|injured|wounded|victims)\s*,?\s*(?:numbering|numbered|totall?ing)|"
    rf"(?:(?:the\s+)?(?:dead|killed|deceased|victims|injured|wounded|slain|martyred|martyrs)|"
    rf"those\s+who\s+(?:were\s+)?(?:killed|died|lost\s+their\s+lives|injured|wounded|hurt))\s+"
    rf"(?:(?:in|at|from|of)\s+[^,.;\d]{{1,40}}?\s+)?(?:also\s+)?"
    rf"(?:included|include|includes|comprised|comprise|were|are){_LIST_HEAD}|"
    rf"among\s+(?:the|those)\s+(?:dead|killed|victims|deceased|injured|wounded|"
    rf"casualties|fatalities|martyred|martyrs)(?:\s+(?:shifted|taken|brought|admitted|rushed|moved|"
    rf"evacuated|identified|recovered|received)\b[^,.;\d]{{0,40}}?)?"
    rf"(?:\s+were|\s+was|\s+are|\s+is)?{_LIST_HEAD}|"
    rf"(?P<toll>toll\b[^,.;]{{0,120}}?(?:,\s*(?:(?-i:[A-Z])[\w'-]*\s*){{1,3}},[^,.;]{{0,60}}?)?"
    rf"\b(?:to|at|of|was|is|stood|stands|reached|reaches|hit|"
    rf"hits)|"
    rf"(?:death|injured|wounded)\s+(?:count|tally)\b[^,.;]{{0,40}}?"
    rf"\b(?:now|to|at|was|is|stood|stands|reached)|"
    rf"{_NUMBER_OF}[^,.;]{{0,120}}?\b(?:to|at|was|is|stood|stands|reached)|"
    rf"(?:bringing|taking|raising|pushing)\s+the\s+(?:death\s+)?toll\b[^,.;]{{0,60}}?"
    rf"\s+to)|"
    rf"(?:the\s+)?(?:dead|killed|deceased|victims|injured|wounded)\s*,\s*"
    rf"(?:among\s+(?:them|whom)|including)|"
    rf"(?P<lost>lost))"
    rf"\s+(?:all\s+|another\s+|the\s+|its\s+|his\s+|her\s+|their\s+|only\s+|just\s+)?"
    rf"[\"'“‘]?$",
    re.IGNORECASE,
)
DEAD_CUES = re.compile(r"kill|dead|death|died|dies|breathed|fell|gave|martyr|slain|lives|"
                       r"bod(?:y|ies)|deceased|toll|"
                       r"fatalit|"
                       r"lost|massacr|murder|execut|slew|victims|perish|succumb|beheaded|"
                       r"passed\s+away|"
                       r"lynched|gunned|gunning|fatally|mortally|shahadat|neutrali|"
                       r"eliminat|hell|death|alive|slaughter|lynch|behead|buried",
                       re.IGNORECASE)
# A death after the injury that a relative clause reports: "a constable who was injured in the
# attack succumbed to his injuries", "a seventh, who was wounded, ... where he later died".
LATER_DEATH = re.compile(
    r"\b(?:later\s+died|died\s+later|succumbed|passed\s+away|"
    r"(?:he|she|they|who)\s+(?:later\s+|subsequently\s+|also\s+)?died|"
    r"died\s+(?:of|from|in|at|on|overnight|after|while|during))\b",
    re.IGNORECASE)
# Deaths that no attack caused: "29 children have died because of the shortage of medicines".
NOT_VIOLENCE = re.compile(
    r"^[^.;]{0,60}?\b(?:because\s+of|due\s+to|owing\s+to|of|from)\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:shortage|lack|cold|disease|diseases|illness|hunger|starvation|malnutrition|floods?|heat|"
    r"drowning|accidents?|exposure|heart\s+attack|natural\s+causes)\b",
    re.IGNORECASE)
# A mention followed by a speech verb is a speaker ("a senior official said"), not a victim.
SPEAKER_AFTER = re.compile(r"^\s*(?:(?:in|of|from|at)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,2}\s+|"
                           r"(?:[\w-]+\s+){0,2}(?:sources|witnesses|eyewitnesses|spokesmen)\s+)?"
                           r"(?:has\s+|had\s+|also\s+)?(?:said|says|told|added|confirmed|"
                           r"stated|claimed|announced)\b", re.IGNORECASE)
# A later pronoun carries the outcome: "abducted 11 miners ... and later shot them dead".
PRONOUN_CUE = re.compile(
    rf"\b(?:(?P<kill>killed|shot|gunned\s+down|executed|murdered|beheaded|slaughtered)"
    rf"\s+(?:all\s+(?:of\s+)?)?them\b|(?P<hurt>injured|wounded)\s+(?:all\s+(?:of\s+)?)?them\b)",
    re.IGNORECASE)
# "the three killed were civilians", "five of the dead were Sindhi workers".
PREDICATE = re.compile(r"^\s*(?:(?:killed|dead|injured|wounded)\s+)?"
                       r"(?:(?:in|at|on|during|near)\s+(?:the\s+)?[^,.;\d]{1,30}?\s+)?"
                       r"(?:(?:were|was|are|is)|"
                       r"(?:have|has|had)\s+been\s+identified\s+as|"
                       r"(?:were|was)\s+identified\s+as)\s+"
                       r"(?:all\s+|mostly\s+|also\s+|reportedly\s+)?(?:an?\s+)?", re.IGNORECASE)
# Words that join two figures so that they share a cue.
# A short "of"/"from"/"at" phrase may close the first noun phrase: "two employees of a gas
# company and a Levies sepoy were shot dead".
_PP_WORD = (r"(?!(?:said|says|told|added|were|was|had|have|has|is|are|and|or|who|which|that|"
            r"when|while)\b)[a-z'’-]+")
CONNECTOR = re.compile(rf"^\s*[\"”’]?\s*(?:(?:of|from|at|for|in)\s+(?:the\s+|a\s+|an\s+)?{_PP_WORD}"
                       rf"(?:\s+{_PP_WORD}){{0,3}}?\s*)?"
                       r"(?:,\s*)?(?:and|&|or|as\s+well\s+as|plus|along\s+with|besides|"
                       r"while|,)?\s*(?:another|also|his|her|their|its)?\s*$", re.IGNORECASE)
SUBSET_CONNECTOR = re.compile(r"^\s*,?\s*(?:including|incl\b\.?|among\s+them|among\s+whom|"
                              r"of\s+whom|"
                              r"of\s+them)\s*$", re.IGNORECASE)
SUBSET_CUE = re.compile(r"\b(?:including|included|include|includes|incl|among|of\s+whom)\b",
                        re.IGNORECASE)

# --- toll updates, claims, background -------------------------------------------------------
UPDATE_CUE = re.compile(
    r"\b(?:toll|tally)\b[^.;]{0,120}?\b(?:rose|risen|rises|rising|climbed|climbs|increased|"
    r"jumped|reached|reaches|went\s+up|gone\s+up|now\s+stands?|has\s+reached)\b[^,.;]{0,20}$|"
    r"\bnumber\s+of\s+(?:[a-z]+\s+)?(?:killed|dead|deaths|martyrs|injured|wounded)\b[^,.;]{0,120}?"
    r"\b(?:rose|risen|rises|climbed|increased|jumped|reached|went\s+up|gone\s+up)\b"
    r"[^,.;]{0,20}$|"
    r"\b(?:bringing|taking|raising|pushing|brought|took|raised|pushed)\s+the\s+(?:death\s+)?"
    r"(?:toll|tally|number\s+of"
    r"\s+[^,.;]{0,30}?)\b[^,.;]{0,60}?\s+to\s*$|"
    r"\b(?:revised|revising|revises|corrected|correcting|lowered|lowering|reduced|reducing|"
    r"brought\s+down|scaled\s+down)\b[^.;]{0,120}?\bto\s*$",
    re.IGNORECASE,
)
# A toll revised, up or down: it replaces every earlier figure of its kind, larger or not.
REVISION_CUE = re.compile(r"\b(?:revised|revising|revises|corrected|correcting|lowered|"
                          r"lowering|reduced|reducing|brought\s+down|scaled\s+down)\b"
                          r"[^.;]{0,120}?\bto\s*$", re.IGNORECASE)
# A figure given first and since replaced: "after initially saying that 10 people had been
# killed", "the first police report had put the toll at 26", "down to seven from 10".
STALE_CUE = re.compile(r"\bhad\s+(?:earlier\s+|first\s+)?(?:given)\s+(?:a|an)\s+"
                       r"(?:\w+\s+)?(?:death\s+)?(?:toll|tally|count|figure)\s+(?:at|as|of)\s*$|"
                       # "up from a toll of 27 he had given"; "a provisional toll of five"
                       r"\b(?:up|down)\s+from\s+(?:a|an|the|its|his|their)\s+(?:\w+\s+)?"
                       r"(?:toll|tally|count|figure)\s+of\s*$|"
                       r"\b(?:provisional|preliminary)\s+(?:death\s+)?(?:toll|tally|count|figure)"
                       r"\s+(?:of|at|was|stood\s+at)\s*$|"
                       r"\b(?:initially|originally|first|previously|had\s+earlier|"
                       r"earlier\s+had)\b[^.;]{0,60}?\b(?:said|saying|reported|reporting|put|"
                       r"putting|gave|giving|stated|announced|told|report)\b[^.;]{0,60}$|"
                       r"\b(?:earlier|initial|previous|original|first)\s+(?:death\s+)?(?:toll|"
                       r"tally|figure|count|estimate)s?\b[^.;]{0,40}$|"
                       r"\bearlier\s+(?:\w+\s+)?(?:statement|report|bulletin|account)\b[^.;]{0,60}?"
                       r"\b(?:said|put|gave|reported|stated)\b[^.;]{0,60}$|"
                       r"^\s*,?\s*(?:down\s+|up\s+)?from\s*$", re.IGNORECASE)
GROUP = (r"(?:Baloch(?:istan)?|Baluch(?:istan)?)\s+Liberation\s+(?:Army|Front)|\bBLA\b|\bBLF\b|"
         r"\bBRAS\b|Baloch\s+Raaji\s+Aajoi\s+Sangar|\bTTP\b|Tehreek-e-Taliban|"
         r"Tehrik-i-Taliban|Pakistani\s+Taliban|Islamic\s+State(?:\s+group)?|\bISIS\b|\bISKP\b|"
         r"\bIS\b|Daesh|Al-Shabaab|al-Shabab|Boko\s+Haram|\bISWAP\b|Lashkar-e-\w+|"
         r"Jaish-e-\w+|Hafiz\s+Gul\s+Bahadur|Majeed\s+Brigade|Jamaat-ul-Ahrar|\bJuA\b|"
         r"Jundallah|al-Qaeda|\bAQIS\b|Hizbul\s+Mujahideen|Jaish\s+al-Adl|\bJNIM\b|"
         r"Baloch\s+Republican\s+(?:Army|Guards)|\bBRA\b|\bBRG\b|Baloch\s+Nationalist\s+Army|"
         r"Ittehad-ul-Mujahideen|Tehreek-e-Jihad|Ansar\s+al-\w+|"
         r"(?:the|a|an)\s+(?:[\w-]+\s+){0,3}(?:group|outfit|organisation|organization|alliance|"
         r"coalition|militia|faction)|"
         r"its\s+(?:fighters|men|militants|attackers|mujahideen|(?:suicide\s+)?bombers?)|"
         r"(?:group|outfit)'s\s+spokesman")
_SPEAKS = (r"(?:said|says|saying|stated|asserted|announced|statement|"
           r"claim(?:ed|s|ing)?(?!\s+(?:responsibility|credit|ownership)))")
# An armed group speaking: the group, an optional aside between commas, a few words, a verb.
CLAIM_BY_GROUP = re.compile(
    rf"(?:{GROUP})(?:\s*,[^,.;]{{0,80}},)?(?:\s+[\w'-]+){{0,4}}?\s*,?\s+{_SPEAKS}\b|"
    rf"(?:{GROUP})\s+claimed\s+(?:responsibility|the\s+\w+)[^.;]{{0,80}}?,?\s+(?:saying|and\s+said)\b|"
    # "Separatists claimed the bombing, saying 12 soldiers were killed"
    r"\bclaim(?:ed|s)?\s+(?:the\s+)?(?:attacks?|bombings?|blasts?|ambush|raid)\b[^.;]{0,60}?,?\s+"
    r"(?:saying|and\s+said)\b|"
    rf"\baccording\s+to\s+(?:a\s+|the\s+)?(?:statement\s+(?:issued\s+)?by\s+)?(?:the\s+)?"
    rf"(?:{GROUP})|\bits\s+(?:fighters|mujahideen|(?:suicide\s+)?bombers?)\b|"
    r"\b(?:militants|insurgents|rebels|separatists|jihadists)\s+(?:later\s+)?(?:said|claimed)\s+"
    r"(?:that\s+)?(?:they|it)\b",
    re.IGNORECASE,
)
CLAIM_VERB = re.compile(r"\bclaim(?:ed|s|ing)?\b(?!\s+(?:responsibility|the\s+lives|lives|"
                        r"credit|ownership|(?:the\s+)?(?:attacks?|bombings?|blasts?|ambush)\b|"
                        r"(?:[\w-]+\s+){1,3}lives\b))",
                        re.IGNORECASE)
OFFICIAL_SAID = re.compile(
    r"\b(?:police|officials?|military|army|ispr|spokes(?:man|person|woman)|sources|hospital|"
    r"doctors?|residents|witnesses|elders|relatives|family|families|villagers|minister|"
    r"commissioner|sho|dpo|ssp|officer|authorities|"
    r"administration|rescue|levies|ctd|government)\b[^.;]{0,60}?\b(?:said|says|told|confirmed|"
    r"added|put)\b|\baccording\s+to\s+(?:the\s+)?(?:police|officials?|hospital|sources|"
    r"doctors?|residents|rescue|levies|authorities)",
    re.IGNORECASE,
)
# Figures after these words belong to an earlier event: "a day after four people were shot".
EARLIER_EVENT = re.compile(r"(?:\b(?:a|one|two|three|four|five|six|\d+|several|few)\s+"
                           r"(?:day|week|month|year)|\b(?:days|weeks|months|years))\s+"
                           r"(?:after|before|earlier|ago)\b|"
                           r"\b(?:erupted|began|started|came|followed)\s+(?:after|following)\s+"
                           r"an?\s+(?:\w+\s+){0,2}(?:attack|ambush|blast|bombing|clash)",
                           re.IGNORECASE)
BACKGROUND_CUE = re.compile(
    r"\b(?:last|previous|past)\s+(?:(?:two|three|four|five|six|several|few|\d+)\s+)?"
    r"(?:year|month|decade|years|months|decades)\b|"
    r"\b(?:a|one|two|three|several)\s+decades?\b(?!-)|"
    r"\bover\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years?|months?|decades?)\b|"
    r"\bsince\s+(?:\w+\s+)?(?:19|20)\d\d\b|"
    r"\bin\s+(?:19|20)\d\d\b|\bso\s+far\s+this\s+year\b|\bearlier\s+this\s+year\b|"
    r"\bin\s+(?:january|february|march|april|june|july|august|september|october|november|"
    r"december)\b|\bin\s+similar\s+attacks\b|\bsince\s+(?:the\s+)?(?:start|beginning)\b|"
    r"\b(?:have|has)\s+been\b[^.;]{0,80}?\bthis\s+year\b|\bin\s+may\s+(?:19|20)\d\d\b|"
    r"\b(?:decade|decades|years|months)-long\s+(?:war|conflict|insurgency|violence|fighting|"
    r"feud|campaign|dispute|crisis)\b|\b[a-z]+-decade\b|"
    r"\b(?:war|conflict|insurgency|violence|fighting|feud)\b[^.;]{0,60}?\b(?:has|have)\s+"
    r"(?:so\s+far\s+|already\s+)?(?:killed|claimed)\b|"
    r"\bsince\s+(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b|"
    r"\bsince\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:violence|war|conflict|insurgency|fighting)\s+"
    r"(?:broke\s+out|began|erupted|started)\b",
    re.IGNORECASE,
)
