"""The words the extractor knows: number words, months, victim nouns and their modifiers,
outcome nouns, peoples, and the words that stop a noun phrase.

Only word lists live here, so that a reviewer sees in one place which words the rules know;
the patterns built from them sit with the rule that reads them (:mod:`.patterns` holds those
that several rules share). Nothing here looks at a document.
"""

from __future__ import annotations

# --- numbers --------------------------------------------------------------------------------
# Number words as sitrep.counts.parse_number reads them. "a", "an", "no", "none" are left out:
# "a" only counts in "a dozen" / "a hundred" (or before a singular victim noun, see mentions.py)
# and zero is never a casualty figure.
UNIT_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen "
              "fourteen fifteen sixteen seventeen eighteen nineteen").split()
TEN_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALE_WORDS = ("dozen", "hundred", "thousand")
MONTHS = ("january february march april may june july august september october november "
          "december jan feb mar apr jun jul aug sep sept oct nov dec").split()

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
# Words that may stand between a number and its noun ("14 security officials").
NOUN_STOP = set("""
were was are is be been being had have has and or but in on at by when after before who whom
which that while as to for with during near from of including incl among into onto said says
sustained suffered received lost died succumbed embraced got
say told added reportedly also later all both had including across inside outside under over
than this these those its their his her it they them we he she the a an there where whose
""".split())
# All the nouns that may name victims.
VICTIM_NOUNS = (CIVILIAN_NOUNS | SECURITY_NOUNS | MILITANT_NOUNS | GENERIC_NOUNS
                | set(NEEDS_MODIFIER))
# The category each victim noun names ("labourers" are civilians, "troops" security forces).
CATEGORY_OF = {**{w: "civilians" for w in CIVILIAN_NOUNS},
               **{w: "security_forces" for w in SECURITY_NOUNS},
               **{w: "militants" for w in MILITANT_NOUNS}}
# Outcome words that stand for a noun: "killed and three wounded", "the number of dead".
ADJECTIVE_HEADS = {"dead", "killed", "injured", "wounded", "hurt"}
# The victims that "of the ..." or "of them" names: "two of the injured", "three of them".
OF_VICTIMS = {"dead", "injured", "wounded", "victims", "killed", "casualties", "them",
              "whom", "deceased", "fatalities", "martyrs"}
# Ranks that lead a group: in "nine khwarij, including a ring leader" the leader is one of them.
ROLE_HEADS = {"leader", "leaders", "commander", "commanders", "chief", "chiefs", "head",
              "sub-leader", "sub-leaders", "sub-commander", "sub-commanders"}
