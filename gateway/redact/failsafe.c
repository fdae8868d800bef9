/*
 * failsafe.c: see failsafe.h. One pass: a small tokenizer cuts words,
 * numbers and the punctuation that ends clauses and sentences; each word
 * is folded and looked up once; a clause keeps a few bits of what it has
 * seen; a sentence's clauses are decided when the sentence ends.
 *
 * The word classes are general English vocabulary of living, moving and
 * contacting (and their usual short forms in case notes), never strings of
 * any corpus: the point of this layer is to hold on phrasings nobody listed.
 */
#include "failsafe.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ascii_run.h"
#include "lexicon.h"
#include "mgw_err.h"
#include "scrub.h"

/* Distinct features of one unit kept at most (2 per word of FSM_UNIT_WORDS,
 * and the unit's classes, signals, length and "fired"). */
#define FSM_UNIT_FEATS 512u

/* Word classes. */
#define K_RES    (1ull << 0)  /* a residence or movement word by itself */
#define K_RESN   (1ull << 1)  /* flat, house, home, room: after det/mod/prep/poss */
#define K_PLACE  (1ull << 2)  /* place, property: after det/mod/poss only */
#define K_GO     (1ull << 3)  /* go, went, back ...: with a preposition after */
#define K_BE     (1ull << 4)  /* is, was, be, remains ...: likewise */
#define K_ADV    (1ull << 5)  /* now, currently, still ...: between the two */
#define K_PREP   (1ull << 6)  /* at, in, with, into, @, w/ */
#define K_TO     (1ull << 7)  /* to: "going to" is also the future */
#define K_NOTPL  (1ull << 8)  /* risk, fear, place ...: "at risk" is no place */
#define K_DET    (1ull << 9)  /* a, the, her, his, their ... */
#define K_MOD    (1ull << 10) /* new, temporary, own, family ... */
#define K_KIN    (1ull << 11) /* mum, sister, friend ...: "at her mum's" */
#define K_OUT    (1ull << 12) /* out (of area) */
#define K_OF     (1ull << 13)
#define K_AREA   (1ull << 14) /* area, town, county ... */
#define K_CALL   (1ull << 15) /* ring, call, text, visit ... (present, base) */
#define K_CALLPP (1ull << 16) /* contacted, reached ...: after "be" */
#define K_TIME   (1ull << 17) /* am, morning, Tuesday, weekend ... */
#define K_DAYAB  (1ull << 18) /* Mon, Sat, Sun: a day only when capitalised */
#define K_COND   (1ull << 19) /* between, after, only, never, safe ... */
#define K_WHEN   (1ull << 20) /* when, while, whilst: a condition before he */
#define K_ROUTE  (1ull << 21) /* via, through, voicemail */
#define K_DEV    (1ull << 22) /* phone, mobile, number ...: a route after a mod */
#define K_RMOD   (1ull << 23) /* work, second, spare, safe ... before a device */
#define K_HE     (1ull << 24) /* he, him, his, the perpetrator */
#define K_SHE    (1ull << 25) /* she, her, the victim, mum, the children ... */
#define K_DO     (1ull << 26) /* do (not) */
#define K_NOT    (1ull << 27)
#define K_DONT   (1ull << 28) /* don't, dont */
#define K_SAFE   (1ull << 29) /* safe, best: + time, number */
#define K_SAFEN  (1ull << 30) /* time(s), window, number, contact */
#define K_SCHOOL (1ull << 31) /* school: + hours, run */
#define K_SCHN   (1ull << 32) /* hours, run, day, time */
#define K_LEAVE  (1ull << 33) /* leave (a message) */
#define K_MSG    (1ull << 34)
#define K_PO     (1ull << 35) /* PO (box) */
#define K_BOX    (1ull << 36)
#define K_NDET   (1ull << 37) /* a, the, no, any ...: the next word is a noun */
#define K_BEBASE (1ull << 38) /* be: "can be contacted" */
#define K_ABBR   (1ull << 39) /* a full stop after it ends no sentence */
#define K_FUNC   (1ull << 40) /* a line ending in it goes on */
#define K_MODAL  (1ull << 41) /* can, will, should, please ...: advice, not a report */
#define K_ADDR   (1ull << 42) /* address: not after "the" (the one already named) */
#define K_HOME   (1ull << 43)
#define K_CLOCKW (1ull << 44) /* am, pm, o'clock: a clock time */
#define K_ROUT   (1ull << 45) /* walks, drives, collects, bus ...: a routine */
#define K_EVERY  (1ull << 46) /* every, daily, each: a routine's time */
#define K_BY     (1ull << 47) /* by (text, phone): a route */
#define K_THE    (1ull << 48) /* the: "the house" is the one already known */
#define K_SUBJ   (1ull << 49) /* she, V, IP, victim: "V in Leeds", "IP AT SISTERS" */
#define K_CASEW  (1ull << 50) /* TA, V, IP, AP: a class only in capitals (word()) */
#define K_WORKH  K_CASEW      /* works, finishes, starts: her working hours (word()) */
#define K_FROM   (1ull << 51) /* "a call from": a report */
#define K_BIZ    (1ull << 52) /* meeting, minutes, hearing ...: the agencies' own business
                               * (no rule reads it; the unit model sees it, so "after the
                               * meeting" is not "after 6") */
#define K_OKTO   (1ull << 53) /* ok, okay, free, safe: "ok to talk", "free to ring" */
#define K_ABOVE  (1ull << 54) /* above, below, over, opposite ...: "flat above the shop" */
#define K_GOOD   (1ull << 55) /* fine, ok, good, best, bad ...: after a time, advice */
#define K_STREET (1ull << 56) /* road, street, lane ...: "on the road behind the market" */
#define K_IF     (1ull << 57) /* if: "if she answers she can talk" */
#define K_WAY    (1ull << 58) /* way: "the way to reach her is ..." */
#define K_CONV   (1ull << 60) /* conveyed, taken, escorted ...: someone taken somewhere */
#define K_MEDIC  (1ull << 61) /* hospital, A&E, ambulance, custody: where an incident's
                               * people are taken, not where she lives */
#define K_INTERP (1ull << 62) /* interpreter, translator: a service, not her route */
#define K_STAYV  (1ull << 63) /* spend (time), accept, consider: where she stays or would live
                               * (word()) */
#define K_APPT   (1ull << 59) /* appointment, antenatal, birth: where she will be
                               * seen ("next appt at <Name>", "birth plan changed to <Name>") */

struct fsword {
	const char *w;
	uint64_t cls;
};

#define RS K_RES
#define GO K_GO
#define BE K_BE
#define CL K_CALL
#define TM K_TIME
#define KN K_KIN
#define SH K_SHE
#define HE K_HE
#define NP K_NOTPL
#define FN K_FUNC

static const struct fsword FSW[] = {
	/* living, staying, moving, being placed: any form is a statement */
	{"stay", RS}, {"stays", RS}, {"stayed", RS}, {"staying", RS}, {"stayin", RS},
	{"live", RS}, {"lives", RS}, {"lived", RS}, {"living", RS}, {"livin", RS},
	{"reside", RS}, {"resides", RS}, {"resided", RS}, {"residing", RS},
	{"residence", RS},
	{"move", RS}, {"moves", RS}, {"moved", RS}, {"moving", RS}, {"movin", RS},
	{"relocate", RS}, {"relocated", RS}, {"relocates", RS}, {"relocating", RS},
	{"relocation", RS}, {"rehouse", RS}, {"rehoused", RS}, {"rehousing", RS},
	{"housed", RS}, {"sleep", GO}, {"sleeps", GO}, {"sleeping", GO}, {"slept", GO},
	{"sofa-surfing", RS}, {"surfing", RS}, {"sofasurfing", RS},
	{"flee", GO}, {"flees", GO}, {"fled", GO}, {"fleeing", GO},
	{"tenancy", RS}, {"accommodation", RS}, {"accomodation", RS},
	{"accom", RS}, {"refuge", RS}, {"hostel", RS}, {"shelter", K_RESN}, {"hotel", RS},
	{"b&b", RS}, {"bnb", RS}, {"bedsit", RS}, {"whereabouts", RS}, {"address", K_ADDR},
	{"addresses", RS}, {"adress", K_ADDR}, {"addr", K_ADDR}, {"lodging", RS}, {"lodgings", RS},
	/* a postcode, or part of one, says where as surely as the street: "Postcode
	 * ends 7RB", "her postcode is ..." (not "the postcode": the one on file) */
	{"postcode", K_ADDR}, {"post-code", K_ADDR}, {"postcodes", K_ADDR},
	{"bidding", RS}, {"safehouse", RS}, {"hiding", RS},
	{"kipping", RS}, {"crashing", RS}, {"dossing", RS}, {"abode", RS},
	/* a rough sleeper's pitch ("found her bedded down in the doorway of
	 * ... on Haymarket", "beds down behind the bus station") */
	{"bedded", RS}, {"doorway", K_RESN},
	/* Scots and northern English for stay ("will bide at her sister's") */
	{"bide", RS}, {"bides", RS}, {"biding", RS}, {"bided", RS},
	/* time spent with someone or somewhere is a stay ("spent the weekend
	 * at her cousin's", "spending a few nights with an aunt"); an area
	 * she would accept or consider is where she will live (a housing
	 * application: "would consider <Town> or <Town>") */
	{"spend", K_STAYV}, {"spends", K_STAYV}, {"spent", K_STAYV}, {"spending", K_STAYV},
	{"accept", K_STAYV}, {"consider", K_STAYV},
	{"ooa", RS}, {"settled", RS}, {"settling", RS},
	/* Welsh, in a bilingual letter: accommodation, lives, a flat, a street
	 * ("llety dros dro ... yn Fflat 2, ..., Stryd y Bont, <Town>") */
	{"llety", RS}, {"byw", RS}, {"fflat", K_RESN}, {"stryd", K_STREET}, {"heol", K_STREET},
	{"ffordd", K_STREET},
	/* plural dwellings and bidding for one: house-hunting says where she
	 * will live ("looking at flats near her sister", "bid on a 2-bed") */
	{"flats", RS}, {"properties", RS}, {"bungalows", RS}, {"bid", RS}, {"bids", RS},
	{"somewhere", RS}, {"respite", RS}, {"placement", RS}, {"border", RS},
	/* nouns that are a dwelling after a/her/new/at ... */
	{"flat", K_RESN}, {"house", K_RESN}, {"home", K_RESN | K_HOME}, {"room", K_RESN},
	{"property", K_PLACE}, {"caravan", K_RESN}, {"bungalow", K_RESN},
	{"maisonette", K_RESN}, {"apartment", K_RESN}, {"cottage", K_RESN}, {"annexe", K_RESN},
	{"annex", K_RESN}, {"tent", K_RESN},
	/* more kinds of dwelling: a Traveller's trailer, a Scots four-in-a-block,
	 * a farm, a boat */
	{"trailer", K_RESN}, {"chalet", K_RESN}, {"four-in-a-block", K_RESN},
	{"tenement", K_RESN}, {"farm", K_RESN}, {"farmhouse", K_RESN},
	{"houseboat", K_RESN}, {"narrowboat", K_RESN}, {"terraced", K_MOD},
	/* s35: a Highland or island smallholding's house */
	{"croft", K_RESN}, {"crofthouse", K_RESN},
	/* a street, for "the road behind the precinct": where, not who */
	{"road", K_STREET}, {"street", K_STREET}, {"lane", K_STREET}, {"avenue", K_STREET},
	{"estate", K_STREET}, {"crescent", K_STREET}, {"terrace", K_STREET},
	/* a bed (in a refuge, a crisis house): "has a bed for her from Monday" */
	{"bed", K_RESN}, {"beds", K_RESN}, {"bedspace", RS}, {"bed-space", RS}, {"place", K_PLACE | NP},
	/* going and being somewhere: with a preposition after */
	{"go", GO}, {"goes", GO}, {"going", GO}, {"goin", GO}, {"gone", GO}, {"went", GO},
	{"head", GO}, {"heading", GO}, {"headed", GO}, {"back", GO | K_ADV},
	{"return", GO}, {"returns", GO}, {"returned", GO}, {"returning", GO},
	{"travel", GO}, {"travelled", GO}, {"travelling", GO}, {"traveled", GO},
	{"arrived", GO}, {"arrives", GO}, {"arriving", GO}, {"placed", GO},
	/* travelling and being taken somewhere; "stops at" is northern and
	 * Scots for lives at */
	{"fly", GO}, {"flying", GO}, {"flew", GO}, {"flies", GO}, {"conveyed", GO | K_CONV},
	/* s44-never: a CAD log's "SL14 CONVEYING IP AND CHN TO DALE VIEW" */
	{"conveying", K_CONV}, {"escorting", K_CONV},
	{"escorted", GO | K_CONV}, {"transported", GO | K_CONV}, {"taken", GO | K_CONV},
	{"driven", GO | K_CONV},
	/* s36-never: "discharged ... to her former host": taken there, only
	 * with "to" and her or a place to stay after (word(): K_GO then) */
	{"discharged", K_CONV},
	/* taking people somewhere: "take the kids to her friend's in <Town>"
	 * (word(): f->take_win; no going word, so "take place at" is none) */
	{"take", K_CONV}, {"takes", K_CONV}, {"taking", K_CONV}, {"took", K_CONV},
	{"bring", K_CONV}, {"brings", K_CONV}, {"bringing", K_CONV}, {"brought", K_CONV},
	/* where an incident's people are taken: "conveyed to <Name> Hospital",
	 * "MALE CONVEYED TO <NAME> CUSTODY", "FEMALE TO <NAME> VIA AMB" */
	{"hospital", K_MEDIC}, {"infirmary", K_MEDIC}, {"a&e", K_MEDIC}, {"custody", K_MEDIC | NP},
	{"ambulance", K_MEDIC}, {"amb", K_MEDIC}, {"ambo", K_MEDIC}, {"ysbyty", K_MEDIC},
	/* s20-over: who conveys to a hospital: paramedics and the UK's
	 * ambulance services by their initials ("NWAS CONVEYED FEMALE TO
	 * <NAME>": a hospital named by one word) */
	{"paramedic", K_MEDIC}, {"paramedics", K_MEDIC}, {"sas", K_MEDIC}, {"wast", K_MEDIC},
	{"nias", K_MEDIC}, {"las", K_MEDIC}, {"nwas", K_MEDIC}, {"yas", K_MEDIC},
	{"neas", K_MEDIC}, {"emas", K_MEDIC}, {"wmas", K_MEDIC}, {"eeast", K_MEDIC},
	{"secamb", K_MEDIC}, {"scas", K_MEDIC}, {"swasft", K_MEDIC}, {"swast", K_MEDIC},
	/* s19-over: "hosp", as notes shorten it ("CONVEYED TO <NAME> DISTRICT
	 * HOSP"); a prison, where he is taken ("Returned to HMP <Name>") */
	{"hosp", K_MEDIC}, {"hmp", K_MEDIC | NP}, {"prison", K_MEDIC | NP},
	/* s35: a section 136 suite ("Conveyed to HBPoS <Name>", "to HOB
	 * suite, <Hospital>") */
	{"hbpos", K_MEDIC}, {"hob", K_MEDIC}, {"s136", K_MEDIC},
	{"stops", GO}, {"stopping", GO}, {"stoppin", GO}, {"holed", GO}, {"where", K_PREP | FN},
	/* a transfer to another branch, project or town: "will transfer to the
	 * <Name> branch", "transferring her to their <Town> project" */
	{"transfer", GO}, {"transferred", GO}, {"transferring", GO}, /* not "transfers": bank ones */
	/* a case or conference transferred in to where the family now live:
	 * "Transfer-in CP conference requested with <Town> Children's
	 * Services" (word(): to or with after the noun phrase) */
	{"transfer-in", GO},
	/* "make her way to", "got off at", "dropped off at" */
	{"way", GO | K_WAY}, {"off", GO},
	/* where she will give birth: "deliver at the Horton", "give birth in" */
	{"deliver", GO}, {"delivering", GO}, {"birth", GO}, {"labour", GO},
	/* an appointment at a named place is where she will be, and when
	 * ("birth plan" too: word()); not antenatal care in general ("antenatal
	 * at <hospital>") nor a birth reported ("Birth of baby X at <hospital>") */
	{"appointment", K_APPT}, {"appointments", K_APPT}, {"appt", K_APPT}, {"appts", K_APPT},
	{"maybe", K_ADV}, {"perhaps", K_ADV}, {"probably", K_ADV}, {"possibly", K_ADV},
	{"indeed", K_ADV}, {"definitely", K_ADV}, {"apparently", K_ADV}, {"reportedly", K_ADV},
	{"actually", K_ADV}, {"understood", K_ADV}, {"thought", K_ADV}, {"believed", K_ADV},
	{"is", BE}, {"are", BE}, {"was", BE}, {"were", BE}, {"be", BE | K_BEBASE},
	{"been", BE}, {"being", BE}, {"remain", BE}, {"remains", BE}, {"remained", BE},
	{"now", K_ADV}, {"currently", K_ADV}, {"still", K_ADV}, {"temporarily", K_ADV},
	/* s22-never: "she's sitting in her car in the <Name> car park":
	 * where she is, as "is in", "is at" ("waiting" was left out: it
	 * withheld must-keep text in older notes) */
	{"sitting", K_ADV},
	{"presently", K_ADV}, {"over", K_ADV}, {"down", K_ADV}, {"up", K_ADV},
	{"round", K_ADV}, {"across", K_ADV}, {"away", K_ADV}, {"there", K_ADV},
	{"above", K_ABOVE}, {"below", K_ABOVE}, {"opposite", K_ABOVE}, {"behind", K_ABOVE},
	{"upstairs", K_ABOVE}, {"downstairs", K_ABOVE}, {"beside", K_ABOVE},
	{"at", K_PREP | FN}, {"in", K_PREP | FN}, {"with", K_PREP | FN}, {"into", K_PREP | FN},
	{"to", K_TO | FN}, {"near", K_PREP}, {"outside", K_PREP}, {"inside", K_PREP},
	/* what follows at/in/with when it is no place */
	{"risk", NP}, {"high", NP}, {"medium", NP}, {"standard", NP}, {"low", NP},
	{"significant", NP}, {"serious", NP}, {"increased", NP}, {"least", NP},
	{"times", NP}, {"first", NP}, {"present", NP}, {"fear", NP}, {"custody", NP},
	{"name", NP}, {"debt", NP}, {"arrears", NP},
	{"agreement", NP}, {"touch", NP}, {"relationship", NP}, {"charge", NP},
	{"case", NP}, {"terms", NP}, {"order", NP}, {"line", NP}, {"breach", NP},
	{"respect", NP}, {"addition", NP}, {"particular", NP}, {"progress", NP},
	{"person", NP}, {"writing", NP}, {"crisis", NP}, {"danger", NP}, {"support", NP},
	{"favour", NP}, {"receipt", NP}, {"denial", NP}, {"pain", NP}, {"tears", NP},
	{"regards", NP}, {"regard", NP}, {"relation", NP}, {"total", NP}, {"general", NP},
	{"future", NP}, {"time", NP}, {"all", NP}, {"least", NP}, {"length", NP},
	{"response", NP}, {"light", NP}, {"view", NP}, {"front", NP}, {"control", NP},
	{"school", NP}, {"court", NP}, {"college", NP}, {"fact", NP}, {"effect", NP},
	{"you", NP}, {"me", NP | SH}, {"year", NP}, {"distress", NP}, {"shock", NP}, {"labour", NP}, {"treatment", NP},
	/* s17-fp: a door is where someone stands at the home the notes know ("EX IS AT
	 * DOOR WITH A BAT"), no place of its own */
	{"door", NP}, {"doors", NP}, {"doorstep", NP},
	/* ... and money goes into an account, no place ("goes into his account") */
	{"account", NP}, {"accounts", NP},
	/* determiners and modifiers */
	{"a", K_DET | K_NDET | FN}, {"an", K_DET | K_NDET | FN}, {"the", K_DET | K_NDET | K_THE | FN},
	{"her", K_DET | K_NDET | SH | FN}, {"his", K_DET | K_NDET | HE | FN}, {"their", K_DET | K_NDET | SH | FN},
	{"my", K_DET | K_NDET | SH}, {"our", K_DET | SH | K_NDET}, {"this", K_DET | K_NDET}, {"that", K_DET | K_NDET | FN},
	{"no", K_NDET}, {"any", K_NDET}, {"first", K_NDET}, {"third", K_NDET},
	{"previous", K_NDET}, {"earlier", K_NDET}, {"last", K_NDET}, {"each", K_NDET},
	{"new", K_MOD}, {"own", K_MOD}, {"temporary", K_MOD}, {"emergency", K_MOD},
	{"another", K_MOD}, {"different", K_MOD}, {"alternative", K_MOD}, {"secure", K_MOD},
	/* the marital home is the address the notes already know, as "the house" */
	{"family", K_MOD | SH}, {"marital", K_THE}, {"matrimonial", K_THE},
	{"council", K_MOD}, {"rented", K_MOD}, {"private", K_MOD}, {"shared", K_MOD},
	{"supported", K_MOD}, {"interim", K_MOD}, {"temp", K_MOD}, {"spare", K_MOD | K_RMOD},
	{"maternal", K_MOD}, {"paternal", K_MOD}, /* "with maternal gran" */
	/* kin and friends: "at her mum's" */
	{"mum", KN | SH}, {"mam", KN | SH}, {"mom", KN | SH}, {"mother", KN | SH},
	{"dad", KN}, {"father", KN}, {"parent", KN}, {"parents", KN}, {"sister", KN},
	{"brother", KN}, {"nan", KN}, {"nana", KN}, {"nanna", KN}, {"gran", KN},
	{"granny", KN}, {"grandma", KN}, {"grandmother", KN}, {"grandad", KN},
	{"grandparents", KN}, {"aunt", KN}, {"auntie", KN}, {"aunty", KN}, {"uncle", KN},
	{"cousin", KN}, {"friend", KN}, {"mate", KN}, {"pal", KN}, {"boyfriend", KN},
	{"girlfriend", KN}, {"partner", KN}, {"daughter", KN | SH}, {"son", KN | SH},
	{"niece", KN}, {"nephew", KN},
	{"relative", KN}, {"relatives", KN}, {"in-laws", KN}, {"sister-in-law", KN},
	{"brother-in-law", KN}, {"mother-in-law", KN}, {"colleague", KN},
	{"out", K_OUT}, {"of", K_OF | FN}, {"area", K_AREA}, {"town", K_AREA},
	{"county", K_AREA}, {"city", K_AREA}, {"region", K_AREA}, {"borough", K_AREA},
	{"district", K_AREA}, {"force", K_AREA},
	/* contacting her: present and base forms */
	{"ring", CL}, {"rings", CL}, {"ringing", CL}, {"call", CL}, {"calls", CL},
	{"recalls", CL}, {"re-calls", CL}, /* a CAD's "IP RE-CALLS FROM ..." */
	{"calling", CL}, {"phone", CL | K_DEV}, {"phones", CL}, {"phoning", CL},
	{"text", CL}, {"texts", CL}, {"texting", CL}, {"txt", CL}, {"msg", CL},
	{"message", CL | K_MSG}, {"messages", CL}, {"messaging", CL}, {"whatsapp", CL},
	{"telephone", K_DEV}, {"telephoning", CL},
	{"email", CL | K_DEV}, {"e-mail", CL | K_DEV}, {"emails", CL}, {"contact", CL | K_SAFEN},
	{"contacts", CL}, {"contacting", CL}, {"contactable", CL}, {"reachable", CL},
	{"available", CL}, {"visit", CL}, {"visits", CL}, {"revisit", CL}, {"visiting", CL}, {"see", CL},
	{"seeing", CL}, {"speak", CL}, {"speaks", CL}, {"speaking", CL}, {"meet", CL},
	{"meets", CL}, {"pop", CL}, {"facetime", CL}, {"talk", CL}, {"talks", CL},
	{"talking", CL}, {"chat", CL}, {"reach", CL}, {"answer", CL}, {"answers", CL},
	{"letter", CL}, {"letters", CL}, {"journal", CL}, /* UC's, "use journal only" */
	{"correspondence", CL},
	{"by", K_BY | FN},
	/* routines: where she will be, and when */
	{"walk", K_ROUT}, {"walks", K_ROUT},
	{"collects", K_ROUT}, {"rides", K_ROUT},
	{"pick", K_ROUT}, {"picks", K_ROUT}, {"drop", K_ROUT | CL}, {"drops", K_ROUT},
	{"shops", K_ROUT}, {"gym", K_ROUT},
	{"commutes", K_ROUT}, {"catches", K_ROUT}, {"bus", K_ROUT}, {"train", K_ROUT},
	{"tram", K_ROUT}, {"taxi", K_ROUT}, {"cab", K_ROUT}, {"uber", K_ROUT},
	{"megabus", K_ROUT}, {"lift", K_ROUT},
	/* the school run and where she stops for the night */
	{"drop-off", K_ROUT}, {"dropoff", K_ROUT}, {"pick-up", K_ROUT}, {"pickup", K_ROUT},
	{"collection", K_ROUT},
	{"parks", K_ROUT}, {"shift", K_ROUT}, {"shifts", K_ROUT}, {"class", K_ROUT},
	/* her rota: "rota is Mon, Wed, Fri 9-6", "on earlies, 4am-12" */
	{"rota", K_ROUT}, {"earlies", K_ROUT}, {"lates", K_ROUT},
	/* a journey booked: the crossing, the flight, the coach and its time */
	{"ferry", K_ROUT}, {"ferries", K_ROUT}, {"sailing", K_ROUT}, {"crossing", K_ROUT},
	{"flight", K_ROUT}, {"flights", K_ROUT}, {"coach", K_ROUT}, {"journey", K_ROUT},
	{"classes", K_ROUT},
	/* s32-never: a student's timetable ("waiting outside the Arts Tower after
	 * her lectures") */
	{"lecture", K_ROUT}, {"lectures", K_ROUT},
	/* s53-never: her leisure's and her children's sessions ("runs <Park>
	 * parkrun every Saturday at 9", "swimming Tues 5pm", "training Tues
	 * and Thurs 7-8.30pm") */
	{"parkrun", K_ROUT}, {"swimming", K_ROUT}, {"training", K_ROUT},
	/* her working hours: when she is at work and when at home ("she works
	 * weekdays 9-5", "finishes at 2 on Fridays", "starts at 7"; word():
	 * only hers, not "working with") */
	{"works", K_WORKH}, {"working", K_WORKH}, {"finishes", K_WORKH}, {"finish", K_WORKH},
	{"finishing", K_WORKH}, {"starts", K_WORKH}, {"start", K_WORKH},
	/* (K_WORKH is K_CASEW: no class bit is free, and word() reads both
	 * by the word's length: TA, V, IP, AP are shorter) */
	{"every", K_EVERY | K_NDET}, {"daily", K_EVERY}, {"weekly", K_EVERY}, {"nightly", K_EVERY},
	{"regularly", K_EVERY}, {"usually", K_EVERY | K_MODAL}, {"always", K_EVERY | K_MODAL},
	{"contacted", K_CALLPP}, {"reached", K_CALLPP}, {"called", K_CALLPP},
	{"rung", K_CALLPP}, {"phoned", K_CALLPP}, {"texted", K_CALLPP}, {"visited", K_CALLPP},
	{"seen", K_CALLPP}, {"telephoned", K_CALLPP},
	/* where she rang from is where she is: "rang from the cafe by the
	 * station" (word(): f->callfrom) */
	{"rang", K_CALLPP}, {"messaged", K_CALLPP},
	/* where a worker met or will meet her: "met her in the cafe by the
	 * market" (word(): f->meet) */
	{"met", K_CALLPP},
	/* seen somewhere: "anyone seen her in <Town>?" (word(): f->sight) */
	{"spotted", K_CALLPP}, {"sighted", K_CALLPP},
	/* times */
	{"am", K_CLOCKW}, {"pm", K_CLOCKW}, {"a.m", K_CLOCKW}, {"p.m", K_CLOCKW}, {"morning", TM}, {"mornings", TM},
	{"afternoon", TM}, {"afternoons", TM}, {"evening", TM}, {"evenings", TM},
	{"night", TM}, {"nights", TM}, {"tonight", TM}, {"overnight", TM},
	{"lunchtime", TM}, {"lunchtimes", TM}, {"daytime", TM}, {"midday", TM},
	{"noon", TM}, {"midnight", TM}, {"weekend", TM}, {"weekends", TM}, {"weekday", TM},
	{"weekdays", TM}, {"breaks", TM}, {"lunchbreak", TM}, {"lunchbreaks", TM},
	{"dinnertime", TM}, {"teatime", TM}, {"eves", TM}, {"wkend", TM}, {"wkends", TM}, {"wknd", TM},
	{"wknds", TM}, {"eve", TM}, {"tomorrow", TM}, {"tonite", TM}, {"nite", TM}, {"arvo", TM}, {"o'clock", K_CLOCKW}, {"hrs", K_CLOCKW},
	{"monday", TM}, {"tuesday", TM}, {"wednesday", TM}, {"thursday", TM}, {"friday", TM},
	{"saturday", TM}, {"sunday", TM}, {"mondays", TM}, {"tuesdays", TM},
	{"wednesdays", TM}, {"thursdays", TM}, {"fridays", TM}, {"saturdays", TM},
	{"sundays", TM},
	/* days named by a faith's observance: "not on Shabbat", "after Jummah" */
	{"sabbath", TM}, {"shabbat", TM}, {"shabbos", TM}, {"jummah", TM}, {"jumah", TM},
	{"tue", TM}, {"tues", TM}, {"wed", TM}, {"weds", TM}, {"thu", TM},
	{"thur", TM}, {"thurs", TM}, {"fri", TM}, {"mon", K_DAYAB}, {"sat", K_DAYAB},
	{"sun", K_DAYAB},
	{"school", K_SCHOOL}, {"hours", K_SCHN}, {"run", K_SCHN}, {"day", K_SCHN},
	{"times", K_SCHN | NP | K_SAFEN},
	/* advice rather than a report of what happened */
	{"can", K_MODAL}, {"could", K_MODAL}, {"will", K_MODAL}, {"would", K_MODAL},
	{"should", K_MODAL}, {"may", K_MODAL}, {"must", K_MODAL}, {"please", K_MODAL},
	{"prefer", K_MODAL}, {"prefers", K_MODAL}, {"happy", K_MODAL}, {"ok", K_MODAL | K_OKTO},
	{"okay", K_MODAL | K_OKTO | K_GOOD}, {"free", K_OKTO}, {"safe", K_OKTO},
	{"ok", K_GOOD}, {"fine", K_GOOD}, {"good", K_GOOD}, {"best", K_GOOD}, {"better", K_GOOD},
	{"safest", K_GOOD}, {"bad", K_GOOD}, {"fine", K_MODAL}, {"wants", K_MODAL}, {"asks", K_MODAL},
	{"asked", K_MODAL}, {"agreed", K_MODAL}, {"plan", K_MODAL}, {"arranged", K_MODAL},
	{"normally", K_MODAL | K_EVERY}, {"try", K_MODAL},
	{"ideally", K_MODAL}, {"avoid", K_MODAL}, {"suggested", K_MODAL}, {"requested", K_MODAL},
	/* conditions and routes */
	{"between", K_COND}, {"after", K_COND}, {"before", K_COND}, {"until", K_COND},
	{"till", K_COND}, {"til", K_COND}, {"only", K_COND}, {"never", K_COND},
	{"unless", K_COND}, {"asleep", K_COND}, {"alone", K_ADV}, {"safe", K_COND | K_SAFE | K_RMOD | K_MOD},
	{"safely", K_COND}, {"best", K_SAFE | K_COND}, {"when", K_WHEN | FN}, {"while", K_WHEN},
	{"whilst", K_WHEN}, {"if", K_IF}, {"do", K_DO}, {"not", K_NOT}, {"don't", K_DONT}, {"dont", K_DONT},
	{"via", K_ROUTE}, {"through", K_ROUTE}, {"thru", K_ROUTE}, {"voicemail", K_ROUTE},
	{"answerphone", K_ROUTE}, {"leave", K_LEAVE}, {"po", K_PO}, {"box", K_BOX},
	{"mobile", K_DEV}, {"number", K_DEV | K_SAFEN}, {"landline", K_DEV}, {"mob", K_DEV},
	/* someone else's social media is a route he does not watch */
	{"facebook", K_DEV}, {"fb", K_DEV}, {"messenger", K_DEV}, {"instagram", K_DEV},
	{"insta", K_DEV}, {"snapchat", K_DEV}, {"tiktok", K_DEV}, {"telegram", K_DEV},
	{"viber", K_DEV},
	/* where her phone works is where she goes to be reached: "no signal
	 * except by the shop" */
	{"signal", K_DEV}, {"wifi", K_DEV}, {"wi-fi", K_DEV},
	/* an interpreter is how the agencies speak with her, not a route he
	 * does not watch: "contact via interpreter", "interpreter via phone" */
	{"interpreter", K_INTERP}, {"interpreters", K_INTERP}, {"interpreting", K_INTERP},
	{"translator", K_INTERP},
	{"window", K_SAFEN}, {"word", K_SAFEN}, {"codeword", K_SAFEN | K_SAFE},
	{"code-word", K_SAFEN | K_SAFE}, {"codewords", K_SAFEN | K_SAFE}, {"code", K_SAFE}, {"route", K_SAFEN},
	{"routes", K_SAFEN}, {"use", K_MODAL},
	{"work", K_RMOD}, {"second", K_RMOD | K_NDET}, {"other", K_RMOD},
	{"burner", K_RMOD},
	/* who the clause is about */
	{"he", HE}, {"him", HE}, {"himself", HE}, {"perpetrator", HE}, {"perp", HE},
	/* the perpetrator by his role (a husband's whereabouts are not hers;
	 * "at her husband's brother's" still has "her") */
	{"husband", HE}, {"ex-husband", HE}, {"ex-partner", HE}, {"husb", HE},
	{"suspect", HE}, {"susp", HE}, {"offender", HE}, {"she", SH | K_SUBJ}, {"hers", SH}, {"herself", SH},
	{"victim", SH | K_SUBJ},
	/* CAD and Scots police: "FEMALE AT DIDSBURY", "complainer now at" */
	{"female", SH | K_SUBJ}, {"complainer", SH | K_SUBJ}, {"complainant", SH | K_SUBJ},
	{"aggrieved", SH | K_SUBJ}, {"children", SH}, {"child", SH}, {"kids", SH}, {"kid", SH},
	{"baby", SH}, {"they", SH}, {"them", SH}, {"we", SH}, {"us", SH}, {"client", SH | K_SUBJ},
	/* her own words, quoted or texted: "I'm going where he never found me" */
	{"i", SH}, {"i'm", SH | BE}, {"im", SH | BE},
	/* the perpetrator's texts to her, quoted: "ur at kerrys", "you're at
	 * your mum's": "are" is in the word */
	{"ur", SH | BE}, {"you're", SH | BE}, {"youre", SH | BE}, {"u're", SH | BE},
	/* capitals only: temporary accommodation, the victim, the injured
	 * party, the alleged perpetrator */
	{"ta", K_CASEW}, {"v", K_CASEW}, {"ip", K_CASEW}, {"ap", K_CASEW},
	/* full stops that end no sentence */
	{"mr", K_ABBR}, {"mrs", K_ABBR}, {"ms", K_ABBR}, {"dr", K_ABBR}, {"st", K_ABBR},
	{"approx", K_ABBR}, {"etc", K_ABBR}, {"e.g", K_ABBR}, {"i.e", K_ABBR}, {"rd", K_ABBR},
	{"incl", K_ABBR}, {"excl", K_ABBR}, {"esp", K_ABBR}, /* s30: "boundary, incl. <Town>" */
	{"ave", K_ABBR}, {"tel", K_ABBR}, {"ref", K_ABBR}, {"sgt", K_ABBR}, {"insp", K_ABBR},
	{"supt", K_ABBR}, {"cllr", K_ABBR}, {"prof", K_ABBR}, {"nr", K_ABBR}, {"vs", K_ABBR},
	{"rev", K_ABBR}, {"revd", K_ABBR}, {"fr", K_ABBR}, {"sr", K_ABBR}, {"capt", K_ABBR},
	/* streets abroad: Polish "ul. Dluga", German "Hauptstr. 4", Romanian
	 * "bd. Unirii"; a flat's "apt." */
	{"ul", K_ABBR}, {"str", K_ABBR}, {"bd", K_ABBR}, {"blvd", K_ABBR}, {"apt", K_ABBR},
	{"no", K_NDET | K_ABBR},
	/* County before its name: "Co. Mayo", "Co. Fermanagh" */
	{"co", K_ABBR},
	/* a line ending in these goes on */
	{"and", FN}, {"or", FN}, {"but", FN}, {"for", FN}, {"from", K_FROM | FN}, {"on", FN},
	{"by", FN}, {"said", FN}, {"says", FN},
	/* the agencies' own business: meetings, hearings, papers */
	{"meeting", K_BIZ}, {"meetings", K_BIZ}, {"minutes", K_BIZ}, {"agenda", K_BIZ},
	{"hearing", K_BIZ}, {"conference", K_BIZ}, {"panel", K_BIZ}, {"referral", K_BIZ},
	{"assessment", K_BIZ}, {"report", K_BIZ}, {"agencies", K_BIZ}, {"agency", K_BIZ},
	{"circulated", K_BIZ}, {"review", K_BIZ}, {"strategy", K_BIZ},
	/* (s19-over: and no place: "Outcome: to MARAC 10/12") */
	{"marac", K_BIZ | NP},
	{"sentence", K_BIZ}, {"trial", K_BIZ}, {"bail", K_BIZ}, {"charged", K_BIZ},
};

#undef RS
#undef GO
#undef BE
#undef CL
#undef TM
#undef KN
#undef SH
#undef HE
#undef NP
#undef FN

#define FS_WORD_MAX 16 /* no listed word is longer */
#define FS_HASH_BITS 12 /* 4096 slots: the list passed 682 words */
#define FS_HASH_SIZE (1u << FS_HASH_BITS)

/* A slot: the word's full hash and 1 + its index in FSW (0: empty), so a
 * probe compares text only when the hashes agree; most words of a note are
 * not listed and end at the first slot. */
struct fs_slot {
	uint32_t hash;
	uint16_t idx;
	uint16_t len;
};
static uint64_t fs_cls[sizeof FSW / sizeof FSW[0]];
static uint64_t fs_text[sizeof FSW / sizeof FSW[0]][2]; /* each word zero-padded */
static struct fs_slot fs_slot[FS_HASH_SIZE];
static pthread_once_t fs_once = PTHREAD_ONCE_INIT;
static float fsm_w[FSM_SIZE]; /* the unit model's weights, dense, filled once */

/* Hash of a word of at most FS_WORD_MAX bytes from its two halves (two
 * loads and two multiplies, not one multiply per byte: the scan's hot
 * loop only copies the word). */
static inline uint32_t fs_hash_ab(uint64_t a, uint64_t b, size_t n)
{
	return (uint32_t)((a * 0x9E3779B97F4A7C15ull ^ b * 0xC2B2AE3D27D4EB4Full ^ n) >> 29);
}

static inline uint32_t fs_hash_padded(const char *pad, size_t n)
{
	uint64_t a, b;
	memcpy(&a, pad, 8);
	memcpy(&b, pad + 8, 8);
	return fs_hash_ab(a, b, n);
}

/* Eight bytes of text as fs_run folds them into a word (A-Z to a-z, every
 * other byte as it is), the first in the low byte. */
static inline uint64_t fs_fold8(uint64_t x)
{
	const uint64_t hi = 0x8080808080808080ull, lo7 = 0x7F7F7F7F7F7F7F7Full;
	uint64_t h7 = x & lo7;
	uint64_t ge_a = h7 + 0x3F3F3F3F3F3F3F3Full; /* high bit: >= 'A' */
	uint64_t gt_z = h7 + 0x2525252525252525ull; /* high bit: > 'Z' */
	uint64_t up = ge_a & ~gt_z & ~x & hi;
	return x | up >> 2;
}


/* w[0..n) need not be padded (n <= FS_WORD_MAX). */
static uint32_t fs_hash(const char *w, size_t n)
{
	char pad[FS_WORD_MAX] = {0};
	for (size_t i = 0; i < n && i < FS_WORD_MAX; i++)
		pad[i] = w[i];
	return fs_hash_padded(pad, n);
}

/* Byte classes for the scan's word loop. */
#define CC_ALNUM 1u
#define CC_UPPER 4u /* shifted by 3, the case bit 0x20 */
#define CC_LOWER 8u
#define CC_DIGIT 16u
static uint8_t fs_cc[256];

/* Bytes of p[0..n) before the first that ends a word's run for the scan
 * (fs_cc's CC_ALNUM: an ASCII letter or digit, or any byte of 0x80 and
 * above), eight at a time (ascii_run.h). */
static inline size_t fs_word_run(const unsigned char *p, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, p + i, 8);
		size_t k = ar_lead(ar_letters(x) | ar_in(x, '0', '9') | (x & AR_HI));
		if (k < 8)
			return i + k;
	}
	while (i < n && (fs_cc[p[i]] & CC_ALNUM))
		i++;
	return i;
}

/* A word listed twice ("times", "no") gets the union of its classes. */
static void fs_build(void)
{
	_Static_assert(sizeof FSW / sizeof FSW[0] < FS_HASH_SIZE / 3, "the hash stays sparse");
	for (unsigned c = 0; c < 256; c++)
		fs_cc[c] = (uint8_t)((c >= 'A' && c <= 'Z') ? CC_ALNUM | CC_UPPER
		                     : (c >= 'a' && c <= 'z') ? CC_ALNUM | CC_LOWER
		                     : (c >= '0' && c <= '9') ? CC_ALNUM | CC_DIGIT
		                     : c >= 0x80 ? CC_ALNUM : 0);
	for (size_t i = 0; i < fsm_nweights; i++)
		fsm_w[fsm_weights[i].idx & (FSM_SIZE - 1)] = fsm_weights[i].w;
	for (size_t i = 0; i < sizeof FSW / sizeof FSW[0]; i++) {
		size_t n = strlen(FSW[i].w);
		uint32_t full = fs_hash(FSW[i].w, n);
		memcpy(fs_text[i], FSW[i].w, n);
		for (uint32_t h = full & (FS_HASH_SIZE - 1);; h = (h + 1) & (FS_HASH_SIZE - 1)) {
			uint16_t k = fs_slot[h].idx;
			if (k == 0) {
				fs_slot[h] = (struct fs_slot){full, (uint16_t)(i + 1), (uint16_t)n};
				fs_cls[i] = FSW[i].cls;
				break;
			}
			if (strcmp(FSW[k - 1].w, FSW[i].w) == 0) {
				fs_cls[k - 1] |= FSW[i].cls;
				break;
			}
		}
	}
}

/* The classes of folded word w[0..n), zero-padded to FS_WORD_MAX, whose
 * fs_hash is full. */
static inline uint64_t fs_lookup_ab(uint64_t a, uint64_t b, size_t n, uint32_t full)
{
	for (uint32_t h = full & (FS_HASH_SIZE - 1);; h = (h + 1) & (FS_HASH_SIZE - 1)) {
		const struct fs_slot *sl = &fs_slot[h];
		if (sl->idx == 0)
			return 0;
		if (sl->hash == full && sl->len == n && fs_text[sl->idx - 1][0] == a &&
		    fs_text[sl->idx - 1][1] == b)
			return fs_cls[sl->idx - 1];
	}
}

static inline uint64_t fs_lookup_h(const char *w, size_t n, uint32_t full)
{
	uint64_t a, b;
	memcpy(&a, w, 8);
	memcpy(&b, w + 8, 8);
	return fs_lookup_ab(a, b, n, full);
}

static uint64_t fs_lookup(const char *w, size_t n)
{
	char pad[FS_WORD_MAX] = {0};
	memcpy(pad, w, n < FS_WORD_MAX ? n : FS_WORD_MAX);
	return fs_lookup_h(pad, n, fs_hash(pad, n));
}

/* What a clause has shown. */
#define S_RES   0x01u
#define S_CALL  0x02u
#define S_WHEN  0x04u /* a time, condition or route */
#define S_SAFE  0x08u /* a safe contact by itself ("safe times", "PO box") */
#define S_HE    0x10u
#define S_SHE   0x20u
#define S_CLOCK 0x40u /* a clock time: a safe time only in advice */
#define S_MODAL 0x80u
#define S_ROUT  0x100u /* a routine verb or a means of transport */
#define S_EVERY 0x200u
#define S_CALLN 0x400u /* a contact noun ("any visit", "a call"): advice only with a modal */
#define S_DEV   0x800u /* a phone, mobile, number, landline */
#define S_DAY   0x1000u /* a day or part of a day (K_TIME), not only a condition */
#define S_PREP  0x2000u /* at, in, into, near ...: somewhere (read only after a location clause) */
#define S_CONV  0x4000u /* taken somewhere (conveyed, escorted, "IP TO X"): a residence
                         * unless to a hospital, A&E or custody (S_MEDIC) and nothing
                         * else says where she lives (S_RESO) */
#define S_MEDIC 0x8000u
#define S_RESO  0x10000u /* a residence signal other than a conveyance */
#define S_INTERP 0x20000u /* an interpreter: "via" names the service, not her route */
#define S_WHENO 0x40000u /* a time or condition, not only a route */
#define S_LIVEW 0x80000u /* "lives with <someone>": the household, a residence only
                          * with a place or "now" in the clause (S_PLACEP) */
#define S_PLACEP 0x100000u /* at, in, near, above ... (not "with"), now, currently */
#define S_ALONE 0x400000u /* alone, on her own, by herself: with a day or an hour, when
                           * she can be reached or met (safe_ok) */
#define S_WORKH 0x1000000u /* her working hours ("she works", "finishes"): with a
                            * day or an hour, when she is out and when home */
#define S_CODE  0x2000000u /* a code agreed with her, quoted: the whole sentence is the arrangement */
#define S_WDAY  0x800000u /* a weekday or an hour range: when, not only a part of the day */
#define S_MOVIN 0x200000u /* "X moved (back) in" and no place after: someone moving into
                           * her home, a residence only with her in the clause */
#define S_KINP  0x4000000u /* a kin word's possessive ("her auntie's", "MUM'S"): someone's
                            * home, read only after a location clause */
#define S_HISMSG 0x8000000u /* s20-over: "he has sent", "suspect <NAME> sent": the
                             * contact words after are his messages, a report (safe_ok) */

/*
 * A sentence longer than this many clauses is decided in parts: the state
 * stays bounded whatever the text, and a part is still a whole clause.
 */
#define FS_CLAUSES 32

struct clause {
	size_t start, end; /* the span it would withhold */
	unsigned seen;
	size_t workh;      /* the end of her working-hours word in it, or 0 */
	size_t appt;       /* her next appointment's first word + 1, a place and no
	                    * hour: withheld if the sentence speaks of him */
	int field;         /* opened by a label after a field gap (fs_gap_label) */
};

struct fs {
	const unsigned char *s;
	size_t n;
	struct spans *out;
	int rc;
	int he_is_her; /* the victim is a man: "he", "his" may be the victim */

	/* the current clause */
	size_t c_start, c_end; /* c_start SIZE_MAX until its first word */
	int gap_field;         /* the clause opened at a field gap's label */
	/* fs_incident_at_home's reading of the clause so far: valid while
	 * inc_c == c_start; words up to inc_pos read, inc_state the result.
	 * So a clause with many "at home" is read once, not once per "home". */
	size_t inc_c, inc_pos;
	int inc_state;
	unsigned seen;
	int nwords;            /* words since the clause started, for "Label:" */
	uint64_t p1, p2;       /* classes of the last two words */
	unsigned p1f;          /* flags of the last word */
	int go_win;            /* words left in which a preposition makes a place */
	int prep_win;          /* words left after at/with/to for "her mum's" */
	int place_next;        /* the word after go+preposition decides */
	int now_first;         /* the word before was "now" or "currently" */
	int fled_next;         /* 1: the word before was fleeing: a name or a number after
	                        * it is the place left ("fled <Town>", "fled 14 Oak Row");
	                        * 2: ... then when ("fled 24/01", "fled sunday night") */
	int go_visit;          /* ... and the going verb was a visitor's ("came to",
	                        * "arrived at", "attended"): her home the notes know
	                        * after it is where he came, not news of where she is */
	int out_of;            /* "out" (1), "out of" (2) */
	int when_win;          /* words left after when/while for "he" */
	int kin_pend;          /* "at her mum's" + the next word decides */
	int kin_from;          /* ... after "from": money and accounts are no place
	                        * ("from her uncle's account") */
	size_t lbl;            /* a "Label:" before the clause that goes with it
	                        * ("Safe window:", "Plan:"), else SIZE_MAX */
	int det_win;           /* words left in which a dwelling noun is hers: "a new
	                        * housing association flat" (a/her/new, not "the") */
	int ncall;             /* contact words in the clause */
	int call_any;          /* ... any, even one a "from" made a report ("calls from her") */
	int free_win;          /* words left after "free"/"available" for a time */
	int can_win;           /* words left after "can" (not "so she can") for see/speak */
	int see_win;           /* words left after "can ... see/speak" for "alone" */
	int dwell_win;         /* words left after a dwelling or a street for "above" */
	int kin_poss;          /* the last word was "dads", "her parents'": + in/at */
	int workh_prev;        /* the clause before (this sentence) was her work ("she works
	                        * at ..."): a clause of its hours after is a safe time */
	size_t workh_start;    /* ... and where that clause started */
	int where_win;         /* words left after "where" for "she's been sleeping" */
	int where_named;       /* ... after a name and a comma ("<Town>, where") */
	int if_win;            /* words left after "if" for she/I */
	int appt;              /* the clause named an appointment, antenatal care or a birth */
	int appt_next;         /* ... then at/in/to: a capitalised word next is where */
	int go_conv;           /* the going word was a conveyance (or a bare subject) */
	int skip_in;           /* "moved (back) in": that "in" names no place */
	int pn_conv;           /* place_next came after one */
	int pn_with;           /* ... after a going or being word and "with" */
	int stay_pend;         /* time spent (spend, spent): at/in/with next says where */
	int res_sent;          /* the last sentence had a clause withheld as a location */
	int sent_appt;         /* a clause of this sentence named an appointment */
	int sent_order;        /* ... said "(directly or) indirectly": an order's no-contact
	                        * condition, his, no contact with her */
	int sent_any;          /* ... and it had a word at all */
	int safe_appt;         /* the last sentence, withheld as a safe contact, named one:
	                        * "Next appt <day> <hour>" after it is when she can be seen */
	int tlabel;            /* the clause follows her label ("V:", "Client:", a forename
	                        * that is no common word): "Leah: 10-2 weekdays" */
	size_t tlab_start;     /* where that label starts */
	size_t t_end;          /* the end of its last time window */
	int t_time, t_other;   /* windows (ranges, mornings ...) and other words after it */
	int xfer;              /* a transfer: to/with then a name says where (word()) */
	int take_win;          /* words left after take/bring for her people, then to */
	int take_obj;          /* ... and they came: "take the kids to ..." */
	int take_drv;          /* ... opened by drive, drop or walk (FS_DROVE) */
	int by_win;            /* words left after "taken by" for its agent, then to */
	int subj_and;          /* a bare subject and someone: "V AND CHILD TO ..." */
	int in_cond;           /* after until/when/while/unless: the rest is a condition */
	int putup;             /* words left after put, taken ... for "her up", "her in" */
	int putin;             /* ... 1 after taken, took: "in" */
	int callfrom;          /* words left after rang, ringing, called ... for
	                        * "from" + where she rang from (fs_from_where) */
	int meet;              /* after met/meet: 1 her or her name next, -1 then
	                        * at/in says where (place_next 4) */
	int kin_subj;          /* someone's kin named ("her mum", "Jo's aunt"): who
	                        * rings from where they live is not her */
	int sight;             /* words left after seen/spotted/sighted for her, then
	                        * at/in/near: "anyone seen her in <Town>?" */
	int res_strong;        /* a residence signal other than a known dwelling (fs_dwell_known) */
	int work_lbl;          /* the sentence follows her work's label ("Work:",
	                        * "IP's work:"): its hours are a routine */
	int want;              /* after wants, asked, requested, prefers: 1, then a
	                        * capitalised word: 2 (fs_want_areas) */
	size_t want_end;       /* the end of the last of them */
	size_t workh_end;      /* where her working-hours word ended (word()) */
	int workh_near;        /* an hour range right after it: "she works 9-5", "her
	                        * break is 2-2.30", "on her break at work (12.30-1)"
	                        * (12 bytes at most: a clause of its own, stored) */

	struct clause cl[FS_CLAUSES];
	int ncl;

	/* the unit model (failsafe.h "The unit model"): the current unit */
	int model;             /* run it (failsafe_scan_model) */
	const struct fs_unit_sink *sink; /* export the features instead (failsafe_units) */
	size_t u_start, u_end; /* the unit's span; u_start SIZE_MAX until its first word */
	uint64_t u_cls;        /* word classes seen */
	unsigned u_seen;       /* clause signals seen */
	unsigned u_words;      /* words */
	uint32_t u_prev;       /* the previous token, for bigrams */
	int u_fired;           /* the rules withheld some of it */
	int u_cont;            /* a heading was cut off (line_is_heading() 2): the unit
	                        * still reaches as far as the clause would have */
	int u_venue;           /* s24-over: 1 a court or police station named after a
	                        * preposition (fs_justice_venue), 2 an agency's
	                        * appointment (FS_AGENCY_APPT) or a court after
	                        * "Court:" or "Hearing:" (fs_court_label) */
};

/* Token flags. */
#define TF_CAP   0x01u
#define TF_UPPER 0x02u
#define TF_POSS  0x04u
#define TF_NUM   0x08u
#define TF_CLOCK 0x10u

/*
 * How the line starting at j opens, for a break that might be a wrap:
 * NL_STAMP  "[08:31]", "T 17:05:", "SW 14:05 -": a message or log entry
 *           (a bracket and a digit, or up to two words and a clock time
 *           and ':' or '-');
 * NL_DATE   a clock time or a date in figures and a space, ':' or '-'
 *           ("23:41 UNIT ...", "04/02 -", "11.05:"): a CAD or chronology entry;
 * NL_LABEL  one to three words and ": " ("Hetty: ", "Dad's view: "): a speaker
 *           or a form's next field;
 * else 0. Reads at most 40 bytes.
 */
#define NL_STAMP 3
#define NL_DATE  2
#define NL_LABEL 1

static int fs_alnum(unsigned char c);
static size_t fs_alnum_word(const struct fs *f, size_t *i, size_t e, char *x, size_t cap);

static int next_line_opens(const struct fs *f, size_t j)
{
	const unsigned char *s = f->s;
	size_t n = f->n, lim = j + 40 < n ? j + 40 : n, k = j;
	if (k + 1 < lim && s[k] == '[' && s[k + 1] >= '0' && s[k + 1] <= '9')
		return NL_STAMP;
	int words = 0;
	while (k < lim) {
		size_t a = k;
		int dig = 0, sep = 0;
		while (k < lim && (fs_alnum(s[k]) || ((s[k] == ':' || s[k] == '/' || s[k] == '.' ||
		                                        s[k] == '\'' || s[k] == '-') &&
		                                       k + 1 < lim && fs_alnum(s[k + 1]) && k > a))) {
			dig += s[k] >= '0' && s[k] <= '9';
			sep += s[k] == ':' || s[k] == '/' || s[k] == '.';
			k++;
		}
		if (k == a)
			return 0;
		/* a clock or a date in figures: digits and separators only */
		int stamp = dig >= 3 && sep >= 1 && dig + sep == (int)(k - a);
		unsigned char nx = k < lim ? s[k] : ' ';
		if (stamp && words <= 2) {
			if (words == 0 && (nx == ' ' || nx == ':' || nx == ','))
				return NL_DATE;
			if (nx == ':' || (nx == ' ' && k + 1 < lim && s[k + 1] == '-'))
				return NL_STAMP;
		}
		words++;
		if (nx == ':' && k + 1 < lim && s[k + 1] == ' ' && !dig)
			return NL_LABEL;
		if (nx != ' ' || words == 3)
			return 0;
		k++;
	}
	return 0;
}

/*
 * Where the stamp of the entry whose line starts at j ends: "[08:31] Hetty: ",
 * "T 17:05: ", "SW 14:05 - ", "23:41 ", "04/02 - "; j when the line opens
 * with none (next_line_opens). A speaker after a bracketed stamp goes with it.
 */
static size_t entry_stamp_end(const struct fs *f, size_t j)
{
	const unsigned char *s = f->s;
	size_t n = f->n, k = j;
	int o = next_line_opens(f, j);
	if (o < NL_DATE)
		return j;
	if (s[k] == '[') {
		while (k < n && k < j + 30 && s[k] != ']' && s[k] != '\n')
			k++;
		if (k >= n || s[k] != ']')
			return j;
		k++;
		if (k < n && s[k] == ':')
			k++; /* "[03/02 18:12 SW]: ..." */
	} else {
		/* words, then the date and the clock: to the first byte after
		 * them that is no digit, separator or space */
		while (k < n && !(s[k] >= '0' && s[k] <= '9'))
			k++;
		for (int part = 0; part < 2 && k < n && s[k] >= '0' && s[k] <= '9'; part++) {
			size_t d = k;
			while (k < n && ((s[k] >= '0' && s[k] <= '9') || s[k] == ':' || s[k] == '/' ||
			                 s[k] == '.'))
				k++;
			if (s[k - 1] == ':' || s[k - 1] == '.' || s[k - 1] == '/')
				k--; /* "T 17:05:": the colon is the label's */
			if (k < d + 3 || (k < n && s[k] != ' ' && s[k] != ':' && s[k] != ','))
				return part ? k : j; /* "12 Oak Rd"? not a stamp's part */
			while (k < n && (s[k] == ' ' || s[k] == ':' || s[k] == '-' || s[k] == ','))
				k++;
		}
	}
	while (k < n && s[k] == ' ')
		k++;
	/* the speaker: one word and ": " ("Hetty: ", "SW: ") */
	size_t w = k;
	while (w < n && w < k + 20 && fs_alnum(s[w]))
		w++;
	if (w > k && w + 1 < n && s[w] == ':' && s[w + 1] == ' ')
		for (k = w + 1; k < n && s[k] == ' '; k++)
			;
	return k;
}

static int is_clock(const char *w, size_t n);

/* A clock time at j ("9.30", "10am", "14:00") then one space and a word in
 * lower case? Reads at most 10 bytes. */
static int fs_clock_goes_on(const struct fs *f, size_t j)
{
	char w[8];
	size_t k = 0;
	while (j + k < f->n && k < sizeof w && f->s[j + k] != ' ' && f->s[j + k] != '\n')
		w[k] = (char)(f->s[j + k] | 0x20), k++;
	return k < sizeof w && is_clock(w, k) && j + k + 1 < f->n && f->s[j + k] == ' ' &&
	       f->s[j + k + 1] >= 'a' && f->s[j + k + 1] <= 'z';
}

/*
 * Withhold [a, b). A statement that runs over a message log's or a
 * chronology's next entries leaves out their stamps ("...ring me after
 * nine or\n[21:04] SW: Will do"): when each entry was written, and by whom,
 * stays visible, as the first entry's does; their words go with the
 * statement.
 */
static void push_split(struct fs *f, size_t a, size_t b, unsigned kind, const char *rule)
{
	size_t k = a;
	const unsigned char *nl;
	while (f->rc == 0 && k < b && (nl = memchr(f->s + k, '\n', b - k)) != NULL) {
		size_t brk = (size_t)(nl - f->s), j = brk + 1;
		while (j < b && f->s[j] == ' ')
			j++;
		size_t e = j < b ? entry_stamp_end(f, j) : j;
		/* "...Next call Tuesday\n10.15 from the car park": an hour then the
		 * sentence going on in lower case is the statement's own */
		if (e > j && fs_clock_goes_on(f, j))
			e = j;
		if (e > j) {
			if (brk > a)
				f->rc = spans_push(f->out, a, brk, kind, rule);
			a = e;
		}
		k = e > j ? e : brk + 1;
	}
	if (f->rc == 0 && b > a)
		f->rc = spans_push(f->out, a, b, kind, rule);
}

static void emit(struct fs *f, size_t a, size_t b, unsigned kind, const char *rule)
{
	push_split(f, a, b, kind, rule);
	f->u_fired = 1;
}

/* ---- the unit model (failsafe.h) ------------------------------------------ */

/*
 * Longer units are left to the rules. No sentence of the training sets
 * is longer than 100 words; a text with no sentence end would otherwise be
 * one unit whose repeated features, scaled by the square root of their
 * number, grow without bound (1 MiB of "Abcdefgh " scored as a location).
 */
#define FSM_UNIT_WORDS 100

#define FSM_START 0x5354u   /* the token before a unit's first word */
#define FSM_CAPW  0x43415057u /* a capitalised word inside a unit, not listed */
#define FSM_LONG  0x4c4f4e47u /* a word longer than FS_WORD_MAX */
#define FSM_POSS  0x9e3779b9u /* xor: the possessive of a token */

static inline uint32_t fsm_idx(uint32_t key)
{
	return (key * 0x9E3779B1u) >> (32 - FSM_BITS);
}

/*
 * The current unit's distinct features: each counts once per unit, so a
 * repeated phrase is no more of a location for being repeated ("Review the
 * plan now" x 25 scored as one). Per thread, and all-zero between units
 * (fsm_reset clears the bits its list names, also at the start of every
 * scan), so a scan neither zeroes nor carries these 10 KiB.
 */
static _Thread_local struct {
	uint64_t has[FSM_SIZE / 64];
	uint32_t list[FSM_UNIT_FEATS]; /* the bits of has set */
	unsigned n;
} fsm_set;

static inline void fsm_feat(struct fs *f, uint32_t key)
{
	uint32_t i = fsm_idx(key);
	uint64_t bit = 1ull << (i & 63);
	if (fsm_set.has[i >> 6] & bit)
		return;
	if (fsm_set.n == FSM_UNIT_FEATS)
		return; /* a unit this long is not scored (FSM_UNIT_WORDS) */
	fsm_set.has[i >> 6] |= bit;
	fsm_set.list[fsm_set.n++] = i;
	__builtin_prefetch(&fsm_w[i]); /* for fsm_sum, without a wait here */
	if (f->sink)
		f->sink->feat(f->sink->ctx, i);
}

/*
 * The sum of the weights of the unit's features, in the order they came
 * (fsm_set.list), as a running sum per feature would add them: the same
 * float. Summed at the unit's end, and only for a unit that is scored, not
 * per feature: fsm_w is 256 KiB read at random, and a load per feature in
 * the middle of a word's rules stalled the scan (a third of fs_run's own
 * time); here the loads are independent, one after another.
 */
static float fsm_sum(void)
{
	float sum = 0;
	for (unsigned k = 0; k < fsm_set.n; k++)
		sum += fsm_w[fsm_set.list[k]];
	return sum;
}

/* One token of the unit: its unigram and its bigram with the one before. */
static inline void fsm_token(struct fs *f, uint32_t t)
{
	fsm_feat(f, t);
	fsm_feat(f, (f->u_prev * 0x85EBCA6Bu) ^ (t + 0x68E31DA4u));
	f->u_prev = t;
}

/* A number's shape: each run of digits, letters or other bytes is one
 * character ("10:30" -> "0:0", "7-3" -> "0-0", "28th" -> "0a"), so the
 * model sees clock times, ranges and ordinals, never the digits. */
static uint32_t fsm_shape(const char *w, size_t wn)
{
	uint32_t k = 0x53484150u;
	char last = 0;
	for (size_t j = 0; j < wn && j < FS_WORD_MAX; j++) {
		char x = w[j];
		char cls = (x >= '0' && x <= '9') ? '0' : (x >= 'a' && x <= 'z') ? 'a' : x;
		if (cls != last)
			k = (k ^ (uint8_t)cls) * 0x01000193u;
		last = cls;
	}
	return k;
}

static void fsm_reset(struct fs *f)
{
	f->u_start = SIZE_MAX;
	f->u_end = 0;
	for (unsigned k = 0; k < fsm_set.n; k++)
		fsm_set.has[fsm_set.list[k] >> 6] = 0;
	fsm_set.n = 0;
	f->u_cls = 0;
	f->u_seen = 0;
	f->u_words = 0;
	f->u_prev = FSM_START;
	f->u_fired = 0;
	f->u_cont = 0;
	f->u_venue = 0;
}

static size_t fs_prev_word(const struct fs *f, size_t a, char *out, size_t cap, size_t *start);
static int fs_in(const char *w, const char *const *list);

/*
 * s24-over: does a label of a court's business end right before a ("Court:
 * <Town> County Court, Friday 10am", "Hearing: ...")? Reads back over the
 * spaces, the ':' and one word.
 */
static int fs_court_label(const struct fs *f, size_t a)
{
	static const char *const LABEL[] = {"court", "hearing", "trial", "venue", NULL};
	char x[16];
	while (a > 0 && f->s[a - 1] == ' ')
		a--;
	if (a == 0 || f->s[a - 1] != ':')
		return 0;
	return fs_prev_word(f, a - 1, x, sizeof x, NULL) > 0 && fs_in(x, LABEL);
}

/*
 * s24-over: is the unit the agencies' own business at a court or a police
 * station ("Hearing moved to Friday at <Town> Combined Court, 10am", "Next
 * review 3/5 at <Town> Police Station") or at an agency's office ("Housing
 * appointment 12 Aug at <Name> House, 10am")? A word of their business
 * (K_BIZ: hearing, review, trial ...) and the venue after a preposition, or
 * an agency's appointment (FS_AGENCY_APPT), or the venue after a court's
 * label ("Court: <Town> County Court, Friday 10am"); and nothing of hers: no
 * residence, her or her people, contact, device, route, routine or code,
 * and no condition ("not", "only", "after", "when", "if", "safe": a bail
 * condition, a safe time). Its day and hour are the hearing's, no safe
 * time, and the court no whereabouts (exam25's and exam26's conventions):
 * the model is not asked.
 */
static int fsm_hearing(const struct fs *f)
{
	return (((f->u_venue & 1) && (f->u_cls & K_BIZ)) || (f->u_venue & 2)) &&
	       !(f->u_cls & (K_KIN | K_COND | K_WHEN | K_IF | K_NOT | K_DONT | K_ROUTE | K_SAFE |
	                     K_OKTO)) &&
	       !(f->u_seen & (S_RES | S_SHE | S_KINP | S_CALL | S_CALLN | S_SAFE | S_DEV | S_ROUT |
	                      S_ALONE | S_CODE | S_WORKH | S_CONV | S_LIVEW | S_MOVIN));
}

/* The unit ends (with a sentence, or a part of a long one): add its
 * whole-unit features, and withhold it when the model says so. */
static size_t fs_date_before(const struct fs *f, size_t from);

static void fsm_unit_end(struct fs *f)
{
	if (!f->model && !f->sink) {
		fsm_reset(f);
		return;
	}
	/* which word classes and clause signals it has, how long it is, and
	 * whether the rules withheld some of it */
	for (uint64_t c = f->u_cls; c; c &= c - 1)
		fsm_feat(f, 0x434c0000u + (uint32_t)__builtin_ctzll(c));
	for (unsigned c = f->u_seen; c; c &= c - 1)
		fsm_feat(f, 0x53450000u + (uint32_t)__builtin_ctz(c));
	unsigned w = f->u_words;
	fsm_feat(f, 0x4c450000u + (w < 4 ? 0 : w < 8 ? 1 : w < 16 ? 2 : w < 32 ? 3 : 4));
	if (f->u_fired)
		fsm_feat(f, 0x46495245u);
	if (f->u_start != SIZE_MAX && f->u_end > f->u_start && f->u_words <= FSM_UNIT_WORDS) {
		if (f->sink) {
			f->sink->unit(f->sink->ctx, f->u_start, f->u_end, f->u_fired);
		} else if (!f->u_fired && !fsm_hearing(f) &&
		           fsm_bias + fsm_sum() / sqrtf((float)fsm_set.n) >= fsm_logit_threshold) {
			int when = (f->u_seen & (S_CALL | S_CALLN | S_WHEN | S_CLOCK | S_DAY | S_SAFE)) &&
			           !(f->u_seen & S_RES);
			push_split(f, fs_date_before(f, f->u_start), f->u_end,
			           when ? SCRUB_SAFE_TIME : SCRUB_LOCATION, "fs:model");
		}
	} else if (f->sink) {
		f->sink->unit(f->sink->ctx, SIZE_MAX, SIZE_MAX, 0); /* no words, or too many */
	}
	fsm_reset(f);
}

static int fs_at(const struct fs *f, size_t j, const char *lit);

/* Does an hour follow b: spaces, "at" at most, then a digit? Reads at
 * most 8 bytes. */
static int fs_hour_next(const struct fs *f, size_t b)
{
	size_t j = b, lim = b + 8 < f->n ? b + 8 : f->n;
	while (j < lim && f->s[j] == ' ')
		j++;
	if (j + 3 < lim && fs_at(f, j, "at "))
		j += 3;
	return j < lim && f->s[j] >= '0' && f->s[j] <= '9';
}

/* see, seen, speak, spoken, talk: meeting her, in "can ... alone" */
static const char *const FS_SEE[] = {"see", "seen", "speak", "spoken", "talk", "talked", NULL};

static void clause_reset(struct fs *f)
{
	f->c_start = SIZE_MAX;
	f->c_end = 0;
	f->seen = 0;
	f->nwords = 0;
	f->p1 = f->p2 = 0;
	f->p1f = 0;
	f->go_win = f->prep_win = f->place_next = f->out_of = f->when_win = 0;
	f->kin_pend = f->kin_from = f->ncall = f->free_win = f->if_win = 0;
	f->can_win = f->see_win = 0;
	f->call_any = 0;
	f->dwell_win = f->kin_poss = f->where_win = 0;
	f->det_win = 0;
	f->appt = f->appt_next = 0;
	f->go_conv = f->pn_conv = f->pn_with = f->skip_in = f->go_visit = f->fled_next = f->now_first = 0;
	f->stay_pend = 0;
	f->sight = f->xfer = f->callfrom = f->kin_subj = f->meet = f->putup = 0;
	f->res_strong = 0;
	f->want = 0;
	f->take_win = f->take_obj = f->take_drv = f->subj_and = f->in_cond = f->by_win = 0;
	f->tlabel = f->t_time = f->t_other = 0;
	f->t_end = 0;
	f->workh_end = 0;
	f->workh_near = 0;
	f->lbl = SIZE_MAX;
}

static int res_ok(unsigned seen)
{
	/* Taken somewhere is where she is, unless to a hospital, A&E or
	 * custody: an incident's conveyance, not where she lives ("conveyed
	 * to <Name> Hospital"; "conveyed to her mammy's" stays a residence,
	 * "taken to A&E, then to stay at her daughter's" has "stay"; s19-over:
	 * nor with someone's home in the clause, "conveyed to A&E, then to
	 * her sister's", S_KINP). */
	if ((seen & S_CONV) && (seen & S_MEDIC) && !(seen & (S_RESO | S_KINP)))
		seen &= ~S_RES;
	if ((seen & S_LIVEW) && !(seen & (S_RESO | S_PLACEP | S_CONV)))
		seen &= ~S_RES;
	if ((seen & S_MOVIN) && !(seen & (S_RESO | S_PLACEP | S_CONV | S_LIVEW | S_SHE)))
		seen &= ~S_RES;
	/* A routine with a time says where she will be ("walks the dog
	 * on the front every morning"). */
	if ((seen & S_ROUT) && (seen & (S_WHEN | S_CLOCK | S_EVERY | S_WDAY)))
		seen |= S_RES;
	/* About him alone: his words and none for her or the family. */
	return (seen & S_RES) && !((seen & S_HE) && !(seen & S_SHE));
}

static int safe_ok(unsigned seen)
{
	/* s20-over: messages he sent ("he has sent hundreds of messages via
	 * <App>", "suspect <NAME> sent threats across <App> overnight") are
	 * his abuse, reported: no contact with her in them, unless advice or
	 * a safe word is there (a device of hers or her people's named in the
	 * clause clears S_HISMSG: word()) */
	if ((seen & S_HISMSG) && !(seen & (S_MODAL | S_SAFE | S_ALONE | S_WORKH)))
		return 0;
	/* "via" an interpreter is the service the agencies use, no route of
	 * hers: only a time or condition then makes a safe contact */
	if ((seen & S_INTERP) && !(seen & S_WHENO))
		seen &= ~S_WHEN;
	/* A clock time with a contact word is as often a report ("e-mail
	 * received at 20:20") as advice; it takes a modal or "to call" too.
	 * So does a contact noun ("she asks that any visit is Thursday
	 * morning") and a phone with a day ("use mobile ... Mon-Fri daytime"). */
	if ((seen & S_MODAL) && (seen & (S_CALLN | S_DEV)) && (seen & (S_DAY | S_CLOCK)))
		return 1;
	/* "She's alone on the till after 2 on Tuesdays", "Tuesdays, 2-2.30,
	 * is her only time alone": when she is alone is when she can be met
	 * (a weekday or an hour, not "left alone at night": an incident) */
	if ((seen & S_ALONE) && (seen & S_SHE) && (seen & (S_WDAY | S_CLOCK)) && !(seen & S_HE))
		return 1;
	/* "She works weekdays 9-5", "<Name> finishes at 2 on Fridays", "she
	 * starts at 7": her working hours (the hand-written sets label them
	 * safe times) */
	if ((seen & S_WORKH) && (seen & (S_WDAY | S_CLOCK | S_DAY | S_EVERY | S_WHENO)) &&
	    !(seen & S_HE)) /* (not "she works at X and he waits outside at 23:15": his) */
		return 1;
	return (seen & S_SAFE) ||
	       ((seen & S_CALL) && ((seen & S_WHEN) || ((seen & S_CLOCK) && (seen & S_MODAL))));
}

static int fs_in(const char *w, const char *const *list);
static size_t fs_word_at(const struct fs *f, size_t i, char *out, size_t cap, size_t *k);
static int fs_every_ahead(const struct fs *f, size_t i);

/*
 * Does the clause at i open on "it's" or "it is" and, after an adverb at
 * most ("just", "right"), a preposition of where ("in", "near", "off",
 * "by", "close", "behind" ...) that is not "in place", "in fear" and the
 * like? Said right after where she is, "it" is that place.
 */
static int fs_it_is_where(const struct fs *f, size_t i)
{
	static const char *const ADV[] = {"just", "only", "right", "quite", "very", "really", "still",
					  "now", "about", "also", NULL};
	static const char *const WHERE[] = {"in", "near", "on", "off", "by", "close", "next",
					    "opposite", "behind", "above", "round", "around",
					    "outside", "over", "up", "down", "past", NULL};
	const unsigned char *s = f->s;
	size_t n = f->n;
	char x[16];
	size_t k;
	/* s32-never: "<Name>, near the cricket ground.", "<Name> (by the
	 * ferry)": one or two capitalised words, then what is near (no verb:
	 * the fragment only places the place just withheld) */
	if (i < n && s[i] >= 'A' && s[i] <= 'Z' && !((s[i + 1] | 0x20) == 't' && s[i] == 'I')) {
		static const char *const NEAR[] = {"near", "by", "off", "opposite", "behind",
						   "next", "close", "just", NULL};
		size_t j = i;
		for (int w = 0; w < 2 && j < n && s[j] >= 'A' && s[j] <= 'Z'; w++) {
			j = fs_word_at(f, j, x, sizeof x, &k);
			if (!k || (fs_lookup(x, k) & (K_FUNC | K_SHE | K_HE | K_BE)))
				return 0;
			while (j < n && s[j] == ' ')
				j++;
		}
		if (j >= n || (s[j] != ',' && s[j] != '(' && s[j] != '-'))
			return 0;
		fs_word_at(f, j + 1, x, sizeof x, &k);
		return k && fs_in(x, NEAR);
	}
	if (i + 3 >= n || (s[i] | 0x20) != 'i' || (s[i + 1] | 0x20) != 't')
		return 0;
	i += 2;
	if (s[i] == '\'' && i + 1 < n && (s[i + 1] | 0x20) == 's')
		i += 2; /* it's */
	else if ((s[i] | 0x20) == 's' && (i + 1 >= n || s[i + 1] == ' '))
		i += 1; /* its */
	else {
		i = fs_word_at(f, i, x, sizeof x, &k);
		if (!(k == 2 && memcmp(x, "is", 2) == 0))
			return 0;
	}
	if (i < n && fs_alnum(s[i]))
		return 0; /* "itself", "items" */
	i = fs_word_at(f, i, x, sizeof x, &k);
	if (k && fs_in(x, ADV))
		i = fs_word_at(f, i, x, sizeof x, &k);
	if (!k || !fs_in(x, WHERE))
		return 0;
	fs_word_at(f, i, x, sizeof x, &k);
	return !(k && (fs_lookup(x, k) & K_NOTPL));
}

/*
 * Is the clause s[a..b) only a name: at most six words, one of them
 * capitalised, every other one a number or listed as a determiner, a
 * function word, a preposition, a dwelling, a street or an area ("- <Name>
 * House in <Town> -": where that house is; no verb, no pronoun, no
 * word in small letters no class lists)? After a withheld statement of
 * where she is (three words or more: not a heading, "Tenancy note - <Name>"),
 * such a clause names the place again: "... to a crisis house - <Name>
 * House, <Town>", "AT THE LEISURE CENTRE - <BRAND>". In a CAD's capitals
 * every word looks like a name (and -ED, -ING a verb): three at most there.
 */
static int fs_words3(const struct fs *f, size_t a, size_t b)
{
	int n = 0;
	for (size_t i = a; i < b && n < 3; i++)
		n += fs_alnum(f->s[i]) && (i == a || !fs_alnum(f->s[i - 1]));
	return n >= 3;
}

#define FS_NAME_OK (K_DET | K_NDET | K_THE | K_FUNC | K_ABBR | K_RESN | K_PLACE | K_STREET | \
		    K_AREA | K_NOTPL | K_MOD | K_ROUT | K_HOME | K_PREP)
static int fs_bare_name(const struct fs *f, size_t a, size_t b)
{
	const unsigned char *s = f->s;
	int words = 0, caps = 0, upper = 1, street = 0;
	size_t i = a;
	while (i < b) {
		if (!fs_alnum(s[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < b && (fs_alnum(s[j]) || ((s[j] == '-' || s[j] == '\'' || s[j] == '&') &&
		                                    j + 1 < b && fs_alnum(s[j + 1]))))
			j++;
		char w[16];
		size_t k = 0, lo = 0;
		for (size_t x = i; x < j && k + 1 < sizeof w; x++) {
			lo += s[x] >= 'a' && s[x] <= 'z';
			w[k++] = (char)((s[x] >= 'A' && s[x] <= 'Z') ? s[x] | 0x20 : s[x]);
		}
		w[k] = 0;
		int cap = s[i] >= 'A' && s[i] <= 'Z';
		if (++words > 6)
			return 0;
		caps += cap;
		upper &= cap && lo == 0;
		uint64_t c = (j - i < sizeof w) ? fs_lookup(w, k) : 0;
		if (c & ~FS_NAME_OK)
			return 0;
		street |= (c & K_STREET) ||
		          (cap && (lex_classify((const char *)s + i, j - i) & LEX_STREET)); /* "RD" */
		if (!cap && c == 0 && !(s[i] >= '0' && s[i] <= '9'))
			return 0; /* a word in small letters no class lists: "overridden" */
		if (cap && lo == 0 && k > 3 &&
		    ((w[k - 2] == 'e' && w[k - 1] == 'd') ||
		     (w[k - 3] == 'i' && w[k - 2] == 'n' && w[k - 1] == 'g')))
			return 0;
		i = j;
	}
	/* (s30-never: a name and its street in a CAD's capitals, "ONE STOP,
	 * LEYTONSTONE HIGH RD", is one place, not a sentence) */
	return caps > 0 && (!upper || words <= 3 || street);
}

/*
 * A contact clause, then one with its time or route: "next contact: Tues -
 * after 6". "Via" an interpreter in the second is the agencies' service
 * (safe_ok): "She speaks Polish; interpreter via <Agency>" is no route.
 */
static int fs_call_then_when(unsigned seen, unsigned next)
{
	if ((next & S_INTERP) && !(next & S_WHENO))
		next &= ~S_WHEN;
	return safe_ok(seen | (next & (S_CALL | S_WHEN | S_CLOCK | S_MODAL | S_INTERP | S_WHENO))) &&
	       (next & (S_CALL | S_WHEN));
}

static int fs_month(const char *w);

/*
 * Is the clause [a, e) the agencies' next contact and only its date: "Next
 * contact Thursday", "next visit: Mon 3/12", "Next call Thursday 13
 * November"? "next", a contact noun, an optional ':', then only weekdays,
 * months, dates with '/' and ordinals, or a number of one or two digits
 * right before a month. Not a clock time or a bare hour ("Next visit
 * Monday 11": at 11), a part of the day, a condition or a route ("Next
 * call Friday 2pm", "next visit Thursday when he is at work"): those say
 * when it is safe. Reads the clause once, when its sentence is decided.
 */
static int fs_next_date_only(const struct fs *f, size_t a, size_t e)
{
	static const char *const noun[] = {"contact", "visit", "call", "appointment", "appt",
					   "session", "review", NULL};
	static const char *const day[] = {
	    "mon", "monday", "tue", "tues", "tuesday", "wed", "weds", "wednesday", "thu",
	    "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
	    "on", NULL};
	int k = 0, dates = 0, num_pend = 0;
	size_t i = a;
	if (e > f->n)
		return 0;
	while (i < e) {
		char x[16];
		size_t len = 0, alpha = 0, digit = 0, slash = 0;
		while (i < e && (f->s[i] == ' ' || (k == 2 && f->s[i] == ':' && !dates)))
			i++;
		if (i >= e)
			break;
		while (i < e && (fs_alnum(f->s[i]) || f->s[i] == '/')) {
			unsigned char c = f->s[i];
			alpha += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
			digit += c >= '0' && c <= '9';
			slash += c == '/';
			if (len + 1 < sizeof x)
				x[len] = (char)(c | 0x20);
			len++, i++;
		}
		if (len == 0 || len + 1 >= sizeof x)
			return 0; /* punctuation or a long word: more than a date */
		x[len] = 0;
		if (k == 0) {
			if (strcmp(x, "next") != 0)
				return 0;
		} else if (k == 1) {
			if (!fs_in(x, noun))
				return 0;
		} else if (num_pend) {
			if (!fs_month(x))
				return 0; /* "Monday 11": an hour */
			num_pend = 0, dates++;
		} else if (digit && slash && !alpha) {
			dates++; /* "3/12" */
		} else if (digit && !slash && alpha == 2 && digit == len - 2 &&
			   (!strcmp(x + digit, "st") || !strcmp(x + digit, "nd") ||
			    !strcmp(x + digit, "rd") || !strcmp(x + digit, "th"))) {
			dates++; /* "13th" */
		} else if (digit && !alpha && !slash && len <= 2) {
			num_pend = 1;
		} else if (!digit && !slash && (fs_in(x, day) || fs_month(x))) {
			dates += strcmp(x, "on") != 0;
		} else {
			return 0;
		}
		k++;
	}
	return k >= 3 && dates > 0 && !num_pend;
}

/* Is there a spaced dash (" - ", a clause's end) in [a, e)? */
static int fs_has_dash(const struct fs *f, size_t a, size_t e)
{
	for (size_t j = a; j + 2 < e; j++)
		if (f->s[j] == ' ' && f->s[j + 1] == '-' && f->s[j + 2] == ' ')
			return 1;
	return 0;
}

/*
 * Her own future clinical appointment with its date: "next CPA review
 * 02/12 at <Name> Hospital", "Detox booked at <Name> 02/12", "Next ANC:
 * 15/11 09:40, <Name> Clinic", "next contact at clinic 04/12", "Appointment
 * for smear booked for 11/11", "Follow-up fracture clinic 26/11 09:30" is
 * where she will be and when, without him (a hospital or clinic he can
 * wait at). It takes three things in the clause [a, e) (and in a short
 * label before it on its line: "Next scan: dating scan 16/12"): a kind of
 * clinical care (antenatal, a scan, a smear, detox, a CPA review, a
 * clinic ..., f2f: a face-to-face consultation), a word making it a future
 * one (next, booked; "follow-up" only with a clock time too: "09:30",
 * "2.30pm", "10am"), and a day and month in figures (or a weekday, when
 * booked at a clock time: "booked f2f thurs 09:20"). Not the agencies' and
 * his appointments ("Next appt 23/11 10:30", "Next review 15/12", "next
 * licence appointment": no kind of care), not one that is
 * over (attended, DNA, missed, cancelled), nor "follow-up ... 09/11"
 * without a time (the older notes' "Follow-up: fracture clinic 09/11" is
 * a date for the agencies).
 */
/* w folded a day of a month as written beside its month: "1", "03", "3rd", "21st" */
static int fs_day_of_month(const char *w)
{
	size_t d = 0;
	while (w[d] >= '0' && w[d] <= '9')
		d++;
	if (d == 0 || d > 2 || atoi(w) < 1 || atoi(w) > 31)
		return 0;
	return !w[d] || !strcmp(w + d, "st") || !strcmp(w + d, "nd") || !strcmp(w + d, "rd") ||
	       !strcmp(w + d, "th");
}

static int fs_word_is(const unsigned char *s, size_t n, size_t j, const char *w);

/* Does the word at j open a sentence or a line (". Next", "\nNext")? */
static int fs_sentence_start(const struct fs *f, size_t j)
{
	while (j > 0 && (f->s[j - 1] == ' ' || f->s[j - 1] == '\t'))
		j--;
	return j == 0 || f->s[j - 1] == '.' || f->s[j - 1] == '\n' || f->s[j - 1] == ':' ||
	       f->s[j - 1] == '!' || f->s[j - 1] == '?' || f->s[j - 1] == ';';
}

/* Might [a, e) hold "next", "booked" or "follow" (either case, anywhere),
 * or a clock time ("10:30", "9.30", "10am", "2pm": a figure, then ':' or
 * '.' and a figure, or "am" or "pm")? A superset of what fs_future_appt
 * needs to find anything: a word of the future, or a clinic at a clock
 * time. Most clauses hold none, and are read no further. */
static int fs_appt_words(const struct fs *f, size_t a, size_t e)
{
	/* the bytes a test below can start at: most bytes, none */
	static const uint8_t start[256] = {['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
	                                   ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	                                   ['n'] = 1, ['N'] = 1, ['b'] = 1, ['B'] = 1, ['f'] = 1,
	                                   ['F'] = 1};
	for (size_t j = a; j < e; j++) {
		if (!start[f->s[j]])
			continue;
		unsigned c = f->s[j] | 0x20;
		if (f->s[j] >= '0' && f->s[j] <= '9') {
			if (j + 2 < e && (f->s[j + 1] == ':' || f->s[j + 1] == '.') && f->s[j + 2] >= '0' &&
			    f->s[j + 2] <= '9')
				return 1;
			if (j + 2 < e &&
			    ((f->s[j + 1] | 0x20) == 'a' || (f->s[j + 1] | 0x20) == 'p') &&
			    (f->s[j + 2] | 0x20) == 'm')
				return 1;
		} else if (c == 'n' && j + 4 <= e && (f->s[j + 1] | 0x20) == 'e' &&
			   (f->s[j + 2] | 0x20) == 'x' && (f->s[j + 3] | 0x20) == 't') {
			return 1;
		} else if (c == 'b' && j + 6 <= e && (f->s[j + 1] | 0x20) == 'o' &&
			   strncasecmp((const char *)f->s + j, "booked", 6) == 0) {
			return 1;
		} else if (c == 'f' && j + 6 <= e && (f->s[j + 1] | 0x20) == 'o' &&
			   strncasecmp((const char *)f->s + j, "follow", 6) == 0) {
			return 1;
		}
	}
	return 0;
}

#define FS_APPT_BACK 40 /* bytes read back for a label before the first clause */
static size_t fs_future_appt(const struct fs *f, size_t a, size_t e, int first, int *sure)
{
	static const char *const care[] = {
	    "anc", "antenatal", "scan", "smear", "detox", "cpa", "clinic", "outpatients",
	    "outpatient", "colposcopy", "ultrasound", "physio", "physiotherapy", "epau",
	    "fracture", "maternity", "gynae", "gynaecology", "hospital", "cpn", "depot", "dressing",
	    "dressings", "plastics", "dental", "dentist", "practice", NULL};
	/* what is over by the time it is written ("seen in fracture clinic
	 * 12/11 at 10:30"): a clinic at a date and a clock time with no word
	 * of the future is hers to come only without these */
	static const char *const past[] = {"was", "were", "had", "has", "seen", "saw", "came",
					   "went", "did", "been", "today", "yesterday", NULL};
	/* an appointment's nouns, for one at a named place ("Next appt 16/11
	 * at 14:00, <Name> Children's Centre") */
	static const char *const appt_noun[] = {"appt", "appointment", "visit", "session",
						"assessment", "clinic", NULL};
	/* s50-never: an appointment's label ("Review: <day> <date> <clock>, <Name>
	 * Dental Centre"), a noun only as the label (not "the CPA review on
	 * 02/12", his) */
	static const char *const appt_label[] = {"review", "check", "appt", "appointment", NULL};
	/* an agency's office, his or hers: not where she is seen for care
	 * ("Next appt 11/11 10:00, <Name> probation office") */
	static const char *const office[] = {"probation", "office", "court", "solicitor",
					     "solicitors", "police", "station", "jobcentre",
					     "council", "housing", "marac", "dwp", "law", "legal", NULL};
	/* one that is over, his, or asked about ("rang the antenatal clinic
	 * on 26/11 asking for her next appointment": a report) */
	static const char *const done[] = {"attended", "dna", "missed", "cancelled", NULL};
	static const char *const over[] = {"he",     "his",      "him",       "rang", "rung",
					   "asked",  "asking",   "enquired", "enquiring", NULL};
	/* a weekday, for "booked f2f thurs 09:20" */
	static const char *const wday[] = {
	    "mon", "monday", "tue", "tues", "tuesday", "wed", "weds", "wednesday", "thu", "thur",
	    "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday", NULL};
	int kind = 0, next = 0, follow = 0, date = 0, clock = 0, at = 0, at_was = 0, booked = 0,
	    day = 0;
	int seen = 0; /* the next contact with her: "next contact", "her next appt" */
	int place = 0;  /* a capitalised word after the first: "<Name> Hospital" */
	int noun = 0;   /* an appointment's noun */
	int before = 0; /* a word of something over: "seen", "was", "-ed" */
	int agency = 0; /* an agency's office */
	int there = 0;  /* "there": the place just named */
	int our = 0;    /* "our": the writer's own (office) */
	size_t i = a, lb = a;
	if (e > f->n || a >= e)
		return 0;
	/* the sentence's first clause: from the sentence's start, so a
	 * label or a stamp left out of the clause counts ("Next ANC: 15/11
	 * 09:40, <Name> Clinic"), if it is short */
	while (first && lb > 0 && a - lb < FS_APPT_BACK && f->s[lb - 1] != '\n' &&
	       !(f->s[lb - 1] == '.' && !(f->s[lb] >= '0' && f->s[lb] <= '9')) &&
	       f->s[lb - 1] != ';' && f->s[lb - 1] != '(')
		lb--; /* (not at a clock's point: "08.40") */
	if (lb < a && (lb == 0 || f->s[lb - 1] == '\n' || f->s[lb - 1] == '.' ||
		       f->s[lb - 1] == ';' || f->s[lb - 1] == '(') &&
	    memchr(f->s + lb, ':', a - lb) && !fs_has_dash(f, lb, a))
		i = lb; /* (a label's colon in it, no clause of its own before) */
	if (!fs_appt_words(f, i, e))
		return 0; /* no word of the future nor a clock time: nothing to find */
	size_t start = SIZE_MAX; /* its first word of care or of the future */
	char prev[16] = "";
	while (i < e) {
		char x[16];
		size_t len = 0, alpha = 0, digit = 0, slash = 0, colon = 0;
		while (i < e && !fs_alnum(f->s[i]))
			i++;
		if (i >= e)
			break;
		while (i < e && (fs_alnum(f->s[i]) || f->s[i] == '/' ||
				 ((f->s[i] == ':' || f->s[i] == '.') && len > 0 && i + 1 < e &&
				  f->s[i + 1] >= '0' && f->s[i + 1] <= '9' && digit))) {
			unsigned char c = f->s[i];
			alpha += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
			digit += c >= '0' && c <= '9';
			slash += c == '/';
			colon += c == ':' || c == '.';
			if (len + 1 < sizeof x)
				x[len] = (char)(c | 0x20);
			len++, i++;
		}
		if (len + 1 >= sizeof x) {
			prev[0] = 0;
			continue;
		}
		x[len] = 0;
		if (fs_in(x, done) || fs_in(x, over))
			return 0;
		if (prev[0] && !digit && f->s[i - len] >= 'A' && f->s[i - len] <= 'Z' &&
		    len > 1 && f->s[i - len + 1] >= 'a' && f->s[i - len + 1] <= 'z' &&
		    !fs_month(x) && !fs_in(x, wday) && !fs_in(x, appt_noun) && strcmp(x, "next") &&
		    !fs_sentence_start(f, i - len))
			place = 1;
		noun |= fs_in(x, appt_noun);
		agency |= fs_in(x, office) << (strcmp(x, "office") == 0); /* 2: "office" alone */
		our |= !strcmp(x, "our");
		before |= fs_in(x, past) || (len >= 5 && !strcmp(x + len - 2, "ed") &&
					     strcmp(x, "booked") && strcmp(x, "arranged") &&
					     strcmp(x, "scheduled") && strcmp(x, "planned") &&
					     strcmp(x, "offered"));
		if (fs_in(x, care) || !strcmp(x, "f2f"))
			kind = 1; /* (f2f: a face-to-face consultation, in person) */
		else if (start != SIZE_MAX && !digit && fs_in(x, wday))
			day = 1;
		else if (!strcmp(x, "next") || !strcmp(x, "booked"))
			next = 1, booked |= x[0] == 'b', seen |= !strcmp(prev, "her");
		else if ((!strcmp(x, "at") || !strcmp(x, "there")) && start != SIZE_MAX)
			there |= x[0] == 't', at_was = at,
			    at = 2; /* (there: the place just named, "her next
					      * appointment is there"; 2 until the next word
					      * shows it is no clock time, "at 2.00am") */
		else if (next && !strcmp(prev, "next") &&
			 (!strcmp(x, "contact") || !strcmp(x, "visit")))
			seen = 1;
		else if (next && !strcmp(prev, "next") && strcmp(x, "appointment") && strcmp(x, "appt"))
			seen = 0; /* "her next review" */
		else if (!strcmp(x, "up") && !strcmp(prev, "follow"))
			follow = 1;
		else if (start != SIZE_MAX && digit && slash == 1 && !alpha && !colon && len <= 5 &&
			 !(len >= 3 && !strcmp(x + len - 3, "/40")))
			date = 1; /* "02/12", not "32/40" (weeks of a pregnancy) nor
				   * a log stamp's date before it all */
		else if (start != SIZE_MAX && digit && slash == 2 && !alpha && !colon && len >= 6 &&
			 len <= 10)
			date = 1; /* "03/12/2026" */
		else if (start != SIZE_MAX && ((fs_month(x) && fs_day_of_month(prev)) ||
					       (fs_day_of_month(x) && fs_month(prev))))
			date = 1; /* the date in words: "1 Dec", "Dec 3rd", "3rd December" */
		if (at == 2 && strcmp(x, "at") && strcmp(x, "there"))
			at = digit && !slash && (colon || (alpha == 2 && (!strcmp(x + len - 2, "am") ||
									   !strcmp(x + len - 2, "pm"))))
				 ? at_was
				 : 1;
		if (start == SIZE_MAX && (kind || next || !strcmp(x, "follow") ||
					  !strcmp(x, "appointment") || !strcmp(x, "appt")))
			start = i - len;
		else if (start == SIZE_MAX && i + 1 < e && f->s[i] == ':' && f->s[i + 1] == ' ' &&
			 (fs_in(x, appt_noun) || fs_in(x, appt_label)))
			start = i + 2, noun = 1; /* s50-never: an appointment's label, its value
					* ("Review: Tue 09/03 08.40, <Name> Dental
					* Centre", "6-8 week check: <Name> Practice,
					* <Town>, 19/04 at 09:30") */
		else if (digit && colon == 1 && !alpha && !slash && len >= 4 && len <= 5)
			clock = 1;
		else if (digit && alpha == 2 && !slash && colon <= 1 && len >= 3 && len <= 7 &&
			 (!strcmp(x + len - 2, "am") || !strcmp(x + len - 2, "pm")))
			clock = 1; /* "2.30pm", "10am": a clock time written as said */
		memcpy(prev, x, len + 1);
	}
	/* nor one the sentence goes on to say is over ("booked at <Name>
	 * Hospital 01/12 - attended") */
	for (size_t j = e; j < f->n && j < e + 40 && f->s[j] != '.' && f->s[j] != '\n'; j++)
		if (j == e || !fs_alnum(f->s[j - 1]))
			for (size_t k = 0; done[k]; k++)
				if (fs_word_is(f->s, f->n, j, done[k]))
					return 0;
	/* and when on the day, or booked: not the older notes' "Next ANC
	 * 15/12", a date for the agencies; with only where ("next CPA review
	 * 02/12 at <Name> Hospital"), sure only if the sentence speaks of him
	 * (sentence_decide: "- husband not invited"), as the older notes keep
	 * "Next ANC 10/11 at <Town> Hospital" */
	*sure = clock || booked;
	/* the writer's own office, named, is where she comes to be seen
	 * ("Next appt 6 Feb 10:30, our <Name> office"), as a clinic is; an
	 * office with an agency's word (probation, police, court ...) is not */
	if (agency == 2 && our && place)
		agency = 0;
	/* a visit booked there, at the place the sentence has just named as
	 * where she will stay, on a date and at a clock time ("Sister's house
	 * has no alarms - HSC booked there 22/01 at 2pm", "we offered a visit
	 * there - booked 26/01, 11am"): when she will be found there. "there"
	 * in the clause or in the sentence's 40 bytes before it */
	if (booked && date && clock && start != SIZE_MAX && !before && !agency) {
		for (size_t j = a; !there && j > 0 && a - j < 40 && f->s[j - 1] != '.' &&
				   f->s[j - 1] != '\n';
		     j--)
			there = !fs_alnum(f->s[j - 1]) && fs_word_is(f->s, f->n, j, "there");
		if (there) {
			*sure = 1;
			return start + 1;
		}
	}
	/* a weekday for the date only when booked and at a clock time ("booked
	 * f2f thurs 09:20"; not "next clinic Thursday", a routine for the
	 * agencies) */
	date |= day && booked && clock;
	/* the next contact with her at a place, on a day and at a clock time
	 * ("Next contact at <Name> Children's Centre, 3/12, 10am", "her next
	 * appointment is there, Monday 10th, 09:20"): where she will be, as
	 * her clinic is; not "Next contact Thursday" (no place, no time) */
	if (seen && at && clock) {
		kind = 1;
		date |= day;
	}
	/* the next appointment at a named place, on a day and at a clock
	 * time ("Next appointment 24/11, 09:00, <Name> Lodge") */
	if (next && noun && place && clock && !agency)
		kind = 1;
	/* a clinic at a named place, on a day and at a clock time, and no
	 * word of it being over ("Fracture clinic appt <Name> Hospital, 12/11
	 * at 10:30", "Depot clinic Thurs 20/11, 11:15 at <Name> Hospital"):
	 * to come, as a note's plan */
	/* (or on a weekday: "referral to the <Town> homeless health clinic,
	 * Thurs 9:30, <Name> Island", where she will be that morning) */
	if (kind && noun && (date || day) && clock && place && !before && !agency &&
	    start != SIZE_MAX) {
		/* the place's name before its kind goes too: from "at" or
		 * "to" before it ("at the <Town> baby clinic Friday 10am") */
		size_t st = start;
		for (size_t j = start; j > a && start - j < 60; j--)
			if (!fs_alnum(f->s[j - 1]) &&
			    (fs_word_is(f->s, f->n, j, "at") || fs_word_is(f->s, f->n, j, "to"))) {
				st = j;
				break;
			}
		*sure = 1;
		return st + 1;
	}
	return kind && date && (next || (follow && clock)) && (clock || at || booked) &&
			       start != SIZE_MAX
		   ? start + 1
		   : 0;
}

/*
 * Where she will be begins "at <place>" and a date stands right before it
 * ("Next appt: 26/11 at <Name> children's centre 10:30", "Next CMHT
 * appointment: 01/12/2026 at the <Name> team base, 2pm"): the date is
 * when she will be there and goes with it. Returns where the withheld
 * text starts (from when no such date; nor a row's date stamp at its
 * line's start, "12/11 at home address": the log's date, not hers).
 */
static int fs_weekday(const char *w);

/* Is the word right before a (past spaces and tabs) a weekday, whole or
 * short ("Thu", "Tuesday")? *start gets where it begins. A timetable's
 * row, "Thu<TAB>14:00-16:00<TAB><Building>". */
static int fs_weekday_before(const struct fs *f, size_t a, size_t *start)
{
	char pw[16];
	size_t j = a;
	while (j > 0 && (f->s[j - 1] == ' ' || f->s[j - 1] == '\t'))
		j--;
	size_t pk = fs_prev_word(f, j, pw, sizeof pw, start);
	return pk >= 3 && pk <= 9 && fs_weekday(pw) && (fs_lookup(pw, pk) & (K_TIME | K_DAYAB));
}

static size_t fs_date_before(const struct fs *f, size_t from)
{
	size_t st;
	/* s30-never: a timetable row's weekday before its hours ("Thu
	 * 14:00-16:00 <Building>") */
	if (from < f->n && f->s[from] >= '0' && f->s[from] <= '9' && fs_weekday_before(f, from, &st))
		return st;
	if (from >= f->n || !fs_word_is(f->s, f->n, from, "at"))
		return from;
	size_t j = from;
	while (j > 0 && f->s[j - 1] == ' ')
		j--;
	size_t k = j, seps = 0;
	while (k > 0 && j - k < 10 &&
	       ((f->s[k - 1] >= '0' && f->s[k - 1] <= '9') || f->s[k - 1] == '/'))
		seps += f->s[--k] == '/';
	if (j == from || j - k < 3 || seps < 1 || seps > 2 || f->s[k] == '/' ||
	    f->s[j - 1] == '/' || (k > 0 && fs_alnum(f->s[k - 1])))
		return from;
	/* s32-never: its weekday too ("Viewing arranged: Tues 03/03 at
	 * 10:00, <address>") */
	if (fs_weekday_before(f, k, &st))
		k = st;
	size_t m = k;
	while (m > 0 && (f->s[m - 1] == ' ' || f->s[m - 1] == '\t'))
		m--;
	return m == 0 || f->s[m - 1] == '\n' ? from : k;
}

static int fs_clause_hurt(const struct fs *f, size_t a, size_t b);

/* Decide the sentence's clauses (the unit model's unit goes on). */
/* Does the text at a open on "Next appt" or "Next appointment"? */
static int fs_opens_next_appt(const struct fs *f, size_t a)
{
	if (!fs_word_is(f->s, f->n, a, "next"))
		return 0;
	a += 4;
	while (a < f->n && f->s[a] == ' ')
		a++;
	return fs_word_is(f->s, f->n, a, "appt") || fs_word_is(f->s, f->n, a, "appointment");
}

/* The start of the comma-separated part of [lo, p) that p ends in: after
 * the last ", " before p, else lo. Reads back to lo at most. */
static size_t fs_part_start(const struct fs *f, size_t lo, size_t p)
{
	for (size_t j = p; j > lo + 1; j--)
		if (f->s[j - 2] == ',' && f->s[j - 1] == ' ')
			return j;
	return lo;
}

static void sentence_decide(struct fs *f)
{
	int n = f->ncl;
	int res_prev = 0; /* the clause before was withheld as a location */
	int res_long = 0; /* ... and had three words or more */
	int any_res = 0;
	int done = -1; /* the last clause withheld */
	int safe = 0;  /* a clause withheld as a safe contact */
	/* "The nurse can see her alone at the start of each appointment.
	 * Next appt Tuesday 3rd Mar 11.40am.": the next one,
	 * after a safe contact made at appointments, is when she can be seen */
	/* her next appointment and where, in a sentence that speaks of him
	 * ("Plan: next CPA review 02/12 at <Name> Hospital - husband not
	 * invited"): where she will be that he must not learn */
	int him = 0;
	for (int i = 0; i < n; i++)
		him |= (f->cl[i].seen & S_HE) != 0;
	/* s39-over: "Not to contact <Name> directly or indirectly, including
	 * through social media": an order's condition, his; its contact words
	 * and routes are no contact with her */
	for (int i = 0; i < n && f->sent_order; i++)
		f->cl[i].seen &= ~(S_CALL | S_CALLN);
	for (int i = 0; i < n && him; i++)
		if (f->cl[i].appt && !(f->cl[i].seen & S_HE)) {
			f->cl[i].seen |= S_RES;
			f->cl[i].start = f->cl[i].appt - 1;
		}
	if (f->safe_appt && n > 0 && fs_opens_next_appt(f, f->cl[0].start) &&
	    (f->cl[0].seen & (S_DAY | S_CLOCK | S_WDAY))) {
		emit(f, f->cl[0].start, f->cl[n - 1].end, SCRUB_SAFE_TIME, "fs:safe-contact+next");
		f->ncl = 0;
		f->res_sent = f->safe_appt = f->sent_appt = f->sent_any = f->sent_order = 0;
		return;
	}
	for (int i = 0; i < n; i++) {
		struct clause *c = &f->cl[i];
		int j0 = -1;
		if (i == n - 1 && !(c->seen & (S_RES | S_SAFE)) &&
		    fs_next_date_only(f, c->start, c->end))
			j0 = -1; /* "Next contact Thursday": the agencies' date */
		else if (safe_ok(c->seen) && ((c->seen & (S_SAFE | S_ALONE | S_WORKH)) ||
					      !fs_clause_hurt(f, c->start, c->end)))
			j0 = i;
		else if ((c->seen & S_CALL) && i + 1 < n && fs_call_then_when(c->seen, f->cl[i + 1].seen))
			j0 = i; /* "next contact: Tues - after 6" */
		else if ((c->seen & S_WORKH) && !(c->seen & S_HE) && i + 1 < n &&
			 (f->cl[i + 1].seen & (S_DAY | S_WDAY | S_CLOCK)) &&
			 !(f->cl[i + 1].seen & (S_HE | S_CALL)) &&
			 !fs_words3(f, f->cl[i + 1].start, f->cl[i + 1].end))
			j0 = i; /* "She works at <Shop> - mornings": her hours after a dash */
		if (j0 >= 0) {
			/* The rest of the sentence explains the safe time. */
			unsigned kind = SCRUB_SAFE_TIME;
			const char *rule = "fs:safe-contact";
			for (int j = i; j < n; j++)
				if (res_ok(f->cl[j].seen))
					kind = SCRUB_LOCATION, rule = "fs:residence+contact";
			/* and the clause before, when it gives the route or the
			 * time ("via her cousin's phone - text first") */
			size_t from = c->start;
			/* her working hours alone make it one: from the part
			 * of the clause that names her work ("came to the UK in
			 * 2023, owes money, works in <Shop> 6 days, 9-7"; not
			 * with a contact in it: "revisit by arrangement, she works
			 * 7-3 so after 4" is one arrangement) */
			if (c->workh > from && !safe_ok(c->seen & ~S_WORKH) &&
			    !(c->seen & (S_CALL | S_CALLN | S_MODAL)))
				from = fs_part_start(f, from, c->workh);
			if (i > 0 && (f->cl[i - 1].seen & (S_CALL | S_WHEN | S_DEV)))
				from = f->cl[i - 1].start; /* "use the number she rings from;" */
			/* a code agreed for what the sentence arranges: all of it
			 * ("school will release her to X if ...; password '...'") */
			if ((c->seen & S_CODE) && f->u_start != SIZE_MAX && f->u_start < from)
				from = f->u_start; /* (a first clause with no signal is not kept) */
			emit(f, from, f->cl[n - 1].end, kind, rule);
			safe = 1;
			break;
		}
		if (res_ok(c->seen)) {
			size_t from = c->start;
			/* a routine told in clauses ("Mum drives him in; arrives
			 * 8.40; collects 3.15 at the office"): the clauses right
			 * before, not yet withheld, of a routine, an hour, or her
			 * people somewhere, go with it (each is walked back over
			 * once; not his alone) */
			if (!(c->seen & S_RES))
				for (int k = i - 1; k > done; k--) {
					unsigned sk = f->cl[k].seen;
					if (!((sk & (S_ROUT | S_CLOCK)) || ((sk & S_PREP) && (sk & S_SHE))) ||
					    ((sk & S_HE) && !(sk & S_SHE)))
						break;
					from = f->cl[k].start;
				}
			/* "Carers visit 8am and 6pm daily - V is alone with mum
			 * otherwise": the hours of a daily round right before
			 * where she is, and when, say when she is there alone */
			else if (i - 1 > done && (f->cl[i - 1].seen & S_CLOCK) &&
				 (f->cl[i - 1].seen & S_EVERY) && !(f->cl[i - 1].seen & S_HE))
				from = f->cl[i - 1].start;
			emit(f, fs_date_before(f, from), c->end, SCRUB_LOCATION,
			     (c->seen & S_RES) ? "fs:residence" : "fs:routine");
			done = i;
			res_prev = 1;
			any_res = 1;
			res_long = fs_words3(f, c->start, c->end);
		} else if (res_prev && !c->field && (((c->seen & S_SHE) &&
			   (c->seen & (S_PREP | S_CLOCK | S_WHEN | S_DAY | S_EVERY | S_ROUT |
			                S_KINP))) ||
			   /* "Offer made: <address> - viewing Fri 20/11 at 11am": a
			    * day and a clock time right after where she will be */
			   ((c->seen & S_CLOCK) && (c->seen & (S_DAY | S_WDAY)) && !(c->seen & S_HE)) ||
			   ((c->seen & S_ROUT) && !(c->seen & S_HE)) ||
			   (res_long && !(c->seen & (S_HE | S_CALL)) &&
			    fs_bare_name(f, c->start, c->end)))) {
			/* what follows where she is, about her and somewhere or
			 * some time, goes on saying it: "...at her mother's;
			 * the children are dropped at school by their gran" */
			emit(f, c->start, c->end, SCRUB_LOCATION, "fs:residence+next");
			done = i;
		} else {
			res_prev = 0;
		}
	}
	f->ncl = 0;
	f->res_sent = any_res;
	if (f->sent_any) /* (not the empty sentence a line break ends) */
		f->safe_appt = safe && f->sent_appt;
	f->sent_appt = f->sent_any = f->sent_order = 0;
}

/* Is the label s[a..e) two words with a '/' between ("Gwaith / work",
 * "Cyfeiriad/Address"): one label in two languages? */
static int fs_slash_label(const unsigned char *s, size_t a, size_t e)
{
	for (size_t k = a; k < e; k++)
		if (s[k] == '/')
			return 1;
	return 0;
}

/* Decide the sentence's clauses and start a new sentence. */
static void sentence_end(struct fs *f)
{
	f->work_lbl = 0;
	f->workh_prev = 0;
	sentence_decide(f);
	fsm_unit_end(f);
}

/* An incident or an act of one in a clause, or a worker's visit: "incident
 * at the flat", "broke into her house", "grabbed her throat at home", "seen
 * at home". */
static const char *const FS_INCIDENT_ACT[] = {
	"incident", "incidents", "assault", "assaulted", "attack", "attacked", "occurred",
	"happened", "disturbance", "argument", "altercation", "fight", "strangled",
	"strangulation", "punched", "kicked", "beaten", "raped", "abuse", "abused", "violence",
	"offence", "offences", "breach", "grabbed", "hit", "smashed", "broke", "breaking",
	"damaged", "damage", "pushed", "slapped", "stabbed", "bit", "threatened", "arrested",
	"arrest", "injury", "injuries", "seen", "visited", "attended",
	/* s15-over: what he did there, and a worker's visit */
	"banging", "shouting", "screaming", "smashing", "threatening", "harassing",
	"harassment", "stalking", "reviewed", "assessed",
	/* s17-fp: shut in, kept in */
	"locked",
	/* s21-over: the police there, a marker or an alarm put on it ("police
	 * at home address overnight", "CAD marker on her home address") */
	"police", "officers", "marker", "markers", "flag", "flagged",
	/* s36-over: what he did at her door ("He turned up at her flat 12/01,
	 * 15/01", "dragged her into the garden") */
	"turned", "dragged", "pinned", "banged", "threw", "thrown", "spat", "choked", "headbutted",
	"strangling", "kicking", "punching", "hitting", "pushing", "grabbing", "forced",
	/* s38-over: his visit to it ("ex came to her flat uninvited at 0100") */
	"came", "arrived", "uninvited", "unannounced",
	/* s53-over: at its door ("hammered on the door of her flat") */
	"hammered", "hammering", "knocked", "knocking", "barged", NULL};
/* s53-over: what the agencies' own training is for ("staff training") */
static const char *const FS_STAFF_WORDS[] = {"staff", "safeguarding", "awareness", "mandatory",
					     "refresher", "team", "agency", NULL};
/* Is the word before a (spaces between) one of list? */
static int fs_prev_in(const struct fs *f, size_t a, const char *const *list)
{
	char x[16];
	size_t k = fs_prev_word(f, a, x, sizeof x, NULL);
	return k > 0 && k + 1 < sizeof x && fs_in(x, list);
}

/* s53-over: acts of violence, past: a clause that tells one reports an
 * incident (fs_clause_hurt) */
static const char *const FS_HURT[] = {"hit", "punched", "kicked", "slapped", "strangled",
				      "pinned", "smashed", "choked", "headbutted", "stamped",
				      "throttled", "bit", "stabbed", "dragged", "shoved", NULL};

/*
 * s53-over: does the clause [a, b) tell an act of violence (FS_HURT)? What
 * he did when she asked to ring someone ("hit across the mouth ... after
 * she asked to ring her mam", "pinned her to the bed after she said she
 * wanted to see her GP alone") is an incident, not when she can be
 * reached ("asked", a modal, too), unless a safe word, "alone" or her
 * working hours are in it. Read only for a clause about to be judged a
 * safe contact.
 */
static int fs_clause_hurt(const struct fs *f, size_t a, size_t b)
{
	for (size_t i = a; i < b && i < f->n;) {
		char x[16];
		while (i < b && !fs_alnum(f->s[i]))
			i++;
		size_t k = fs_alnum_word(f, &i, b, x, sizeof x);
		if (k > 0 && k + 1 < sizeof x && (x[k] = 0, fs_in(x, FS_HURT)))
			return 1;
	}
	return 0;
}
/* ... and words that make its dwelling the one she is in now */
static const char *const FS_NOW_WORDS[] = {"now", "currently", "still", "temporarily", "since",
					   "until", "tonight", NULL};

/* ... and words before a place named anywhere in its clause ("seen at
 * home with her partner in <Town>": where that home is) */
static const char *const FS_CLAUSE_WHERE[] = {"in", "near", "around", "outside", NULL};
/* ... unless "in" follows a word of speech: "shouting in <Language>" */
static const char *const FS_SPEECH[] = {"shouting", "screaming", "swearing", "yelling",
					"speaking", "spoke", "speaks", "talking", "said", "says",
					"written", "wrote", "texted", "messaged", "writing", NULL};

static int fs_month(const char *w);
static int fs_weekday(const char *w);

/*
 * Is the capitalised word s[a..b) (folded x[0..k)) after a word of
 * FS_CLAUSE_WHERE no name of a place: in a CAD's capitals a dwelling, a
 * determiner or a pronoun ("OUTSIDE HOUSE", "IN HER FLAT"); after speech and
 * "in" (where 2) a nationality or language of the lexicon that is no place
 * ("shouting in <Language>")?
 */
static int fs_clause_noname(const struct fs *f, size_t a, size_t b, const char *x, size_t k,
			    int where)
{
	int upper = 1;
	for (size_t j = a; j < b && upper; j++)
		upper = !(f->s[j] >= 'a' && f->s[j] <= 'z');
	if (upper && (fs_lookup(x, k) & (K_RESN | K_DET | K_THE | K_SHE | K_HE)))
		return 1;
	if (where != 2)
		return 0;
	unsigned lx = lex_classify((const char *)f->s + a, b - a);
	return (lx & LEX_ALLOW) && !(lx & LEX_PLACE);
}

/* s21-over: do the words after i open on "last" or "the last" ("since last
 * MARAC", "since the last review")? */
static int fs_since_last(const struct fs *f, size_t i)
{
	char x[16];
	size_t k;
	i = fs_word_at(f, i, x, sizeof x, &k);
	if (k == 3 && memcmp(x, "the", 3) == 0)
		fs_word_at(f, i, x, sizeof x, &k);
	return k == 4 && memcmp(x, "last", 4) == 0;
}

/*
 * Does the clause [c_start, c_end) name an incident ("DA" in capitals,
 * FS_INCIDENT_ACT), no word of now (FS_NOW_WORDS) and no place (a
 * capitalised word after FS_CLAUSE_WHERE, not a day or a month, nor what
 * fs_clause_noname reads as no place)? Read once, when the clause ends and
 * its only residence is a dwelling the notes know.
 */
static int fs_clause_incident(const struct fs *f)
{
	int incid = 0, where = 0, speech = 0;
	size_t i = f->c_start, e = f->c_end;
	if (i == SIZE_MAX || e > f->n)
		return 0;
	while (i < e) {
		char x[16];
		size_t k = 0, w0;
		while (i < e && !fs_alnum(f->s[i]))
			i++;
		w0 = i;
		k = fs_alnum_word(f, &i, e, x, sizeof x);
		if (k == 0 || k + 1 >= sizeof x) {
			where = speech = 0;
			continue;
		}
		x[k] = 0;
		/* (s21-over: not "since last MARAC", "since the last meeting": when) */
		if ((fs_in(x, FS_NOW_WORDS) && !(strcmp(x, "since") == 0 && fs_since_last(f, i))) ||
		    (where && f->s[w0] >= 'A' && f->s[w0] <= 'Z' && !fs_month(x) && !fs_weekday(x) &&
		     !fs_clause_noname(f, w0, i, x, k, where)))
			return 0;
		where = fs_in(x, FS_CLAUSE_WHERE) ? 1 + (speech && k == 2 && x[0] == 'i') : 0;
		speech = fs_in(x, FS_SPEECH);
		if (fs_in(x, FS_INCIDENT_ACT) ||
		    (k == 2 && f->s[w0] == 'D' && f->s[w0 + 1] == 'A'))
			incid = 1;
	}
	return incid;
}

static int fs_place_follows(const struct fs *f, size_t b);

/*
 * The word before a (spaces between), folded into out (at most 12 letters,
 * digits or '&'; cap >= 16), NUL-terminated; returns its length and, if
 * start is not NULL, where it starts. Reads at most 12 bytes back plus the
 * spaces.
 */
static size_t fs_prev_word(const struct fs *f, size_t a, char *out, size_t cap, size_t *start)
{
	size_t j = a;
	while (j > 0 && f->s[j - 1] == ' ')
		j--;
	size_t e = j, k = 0;
	while (j > 0 && e - j < 12 && (fs_alnum(f->s[j - 1]) || f->s[j - 1] == '&'))
		j--;
	for (size_t i = j; i < e && k + 1 < cap; i++)
		out[k++] = (char)(f->s[i] | 0x20);
	out[k] = 0;
	if (start)
		*start = j;
	return k;
}

/* Is s[j..) the word w (lower case), in any case, then no letter? */
static int fs_word_is(const unsigned char *s, size_t n, size_t j, const char *w)
{
	size_t k = 0;
	while (w[k] && j + k < n && (s[j + k] | 0x20) == (unsigned char)w[k])
		k++;
	return !w[k] && (j + k == n || !fs_alnum(s[j + k]));
}

/* Does one of the national charity's services follow "Refuge" at j:
 * "national", "helpline", or a number then "helpline" ("24h helpline",
 * "24-hour helpline")? Reads at most 8 bytes of the number, 8 spaces
 * and a word. */
static int fs_refuge_service(const unsigned char *s, size_t n, size_t j)
{
	if (fs_word_is(s, n, j, "national") || fs_word_is(s, n, j, "helpline"))
		return 1;
	if (j >= n || s[j] < '0' || s[j] > '9')
		return 0;
	size_t k = j;
	while (k < n && k - j < 8 && (fs_alnum(s[k]) || s[k] == '-'))
		k++;
	size_t sp = k;
	while (k < n && k - sp < 8 && s[k] == ' ')
		k++;
	return k > sp && fs_word_is(s, n, k, "helpline");
}

/*
 * Is "Refuge" at s[a..b) the national charity's name: right after '(' or
 * '/', right before ')' or '/', or before a spaced dash ("Refuge - <Area>
 * IDVA Service"), or before one of its national services ("Refuge
 * national helpline", "Refuge 24h helpline": s15-over)? Reads at most the
 * spaces around it and a few words. (place.c refuge_charity says the same
 * on its tokens.)
 */
static int fs_refuge_charity(const unsigned char *s, size_t n, size_t a, size_t b)
{
	size_t i = a;
	while (i > 0 && s[i - 1] == ' ')
		i--;
	if (i > 0 && (s[i - 1] == '(' || s[i - 1] == '/'))
		return 1;
	size_t j = b;
	while (j < n && s[j] == ' ')
		j++;
	if (j < n && (s[j] == ')' || s[j] == '/'))
		return 1;
	if (j == b + 1 && fs_refuge_service(s, n, j))
		return 1;
	return j > b && j + 1 < n && s[j] == '-' && s[j + 1] == ' ';
}

/* Words before a dwelling that make it hers as the notes know it: "at
 * home", "her flat", "the family home", "home address", "the same
 * address", "attended address", a CAD's "OUTSIDE HOUSE"; not "her new
 * flat", "a room", nor a possessive ("<Friend>'s address": someone
 * else's; fs_dwell_known reads "victim's" and the like by FS_HER_POSS). */
static const char *const FS_DWELL_KNOWN[] = {"at", "in", "into", "to", "outside", "her", "the",
					     "their", "our", "my", "family", "marital", "matrimonial",
					     "joint", "shared", "home", "same", "old", "previous",
					     "former", "usual", "attended", NULL};
/* ... or hers by a possessive ("the victim's flat", "V's home", "mum's house") */
static const char *const FS_HER_POSS[] = {"victim", "v", "ip", "mum", "mother", "client", "pt",
					  "tenant", "patient", "applicant", "resident",
					  "complainer", "complainant", "informant", "caller", NULL};

/*
 * Is the dwelling word [a, b) her home as the notes know it ("at her home",
 * "into the victim's flat", "home address"): a word of FS_DWELL_KNOWN right
 * before it and no place named after it ("at her home in <Town>")?
 */
/* A number written as a date: "12/02", "12.02.27", "3rd", "21st" */
static int fs_date_word(const char *w, size_t wn)
{
	if (wn >= 3 && (memchr(w, '/', wn) || (memchr(w, '.', wn) && wn >= 5)))
		return 1;
	if (wn >= 3 && wn <= 4) {
		const char *x = w + wn - 2;
		return memcmp(x, "st", 2) == 0 || memcmp(x, "nd", 2) == 0 ||
		       memcmp(x, "rd", 2) == 0 || memcmp(x, "th", 2) == 0;
	}
	return 0;
}

/* ... or the number w ending at b whose date goes on after it ("24" of
 * "24/01", "12" of "12.02.27") */
static int fs_num_date(const struct fs *f, size_t b, const char *w, size_t wn)
{
	return fs_date_word(w, wn) ||
	       (b + 1 < f->n && (f->s[b] == '/' || f->s[b] == '.') && f->s[b + 1] >= '0' &&
		f->s[b + 1] <= '9');
}

static size_t fs_peek(const struct fs *f, size_t b, char *out, size_t cap, int *title);

/* Does "tenancy" ending at b have its reference next ("Tenancy
 * HH/LOZ/0056", "tenancy no. 0044"): a token with a digit, or "no" or
 * "number"? (Its other record and role words are FS_HOME_COMPOUND's and
 * FS_TENANCY_RECORD's.) */
static int fs_tenancy_ref(const struct fs *f, size_t b)
{
	size_t i = b;
	while (i < f->n && f->s[i] == ' ')
		i++;
	size_t j = i;
	int digit = 0;
	while (j < f->n && (fs_alnum(f->s[j]) || f->s[j] == '/' || f->s[j] == '-'))
		digit |= f->s[j] >= '0' && f->s[j] <= '9', j++;
	if (j > i && digit)
		return 1;
	char nx[16];
	int title;
	size_t k = fs_peek(f, b, nx, sizeof nx, &title);
	return (k == 2 && memcmp(nx, "no", 2) == 0) || (k == 6 && memcmp(nx, "number", 6) == 0);
}

/* A visitor's going verbs: to her home the notes know, a visit, not a move */
static const char *const FS_VISIT_VERBS[] = {"came", "come", "comes", "coming", "arrived",
					     "arrives", "arriving", "attended", "attends",
					     "visited", "visits", NULL};

static int fs_dwell_known(const struct fs *f, size_t a, size_t b)
{
	char x[16];
	size_t st, k = fs_prev_word(f, a, x, sizeof x, &st);
	if (k == 1 && x[0] == 's' && st > 0 && f->s[st - 1] == '\'')
		k = fs_prev_word(f, st - 1, x, sizeof x, NULL) > 0 && fs_in(x, FS_HER_POSS);
	else
		k = k > 0 && fs_in(x, FS_DWELL_KNOWN);
	return k && !fs_place_follows(f, b);
}

/*
 * Is the clause s[a..b) only a time: numbers, and at most five words each
 * a time, a day, a condition, a function word, a shift or its plural
 * ("days, 8-4", "Mon-Fri 9-5", "nights 8pm to 8am"; not "comes home
 * Fri-Sun")? Reads the clause once. fs_alnum is ASCII letters and digits
 * and the bytes of UTF-8: a word in another script is no time.
 */
static int fs_only_times(const struct fs *f, size_t a, size_t b)
{
	const uint64_t ok = K_TIME | K_DAYAB | K_FUNC | K_COND | K_CLOCKW | K_EVERY | K_TO |
			    K_SCHN | K_ROUT;
	int words = 0;
	for (size_t i = a; i < b;) {
		if (f->s[i] >= '0' && f->s[i] <= '9') {
			while (i < b && fs_alnum(f->s[i]))
				i++; /* a number, "9am" with it */
			continue;
		}
		if (!fs_alnum(f->s[i])) {
			i++;
			continue;
		}
		char w[16];
		size_t k = 0, j = i;
		for (; j < b && fs_alnum(f->s[j]); j++)
			if (k + 1 < sizeof w)
				w[k++] = (char)(f->s[j] | 0x20);
		if (j - i >= sizeof w || ++words > 5)
			return 0;
		w[k] = 0;
		uint64_t c = fs_lookup(w, k);
		if (c == 0 && k > 3 && w[k - 1] == 's')
			c = fs_lookup(w, k - 1); /* "days" */
		if (!(c & ok))
			return 0;
		i = j;
	}
	return 1;
}

/*
 * Does the clause [c_start, c_end) name a police station or a custody suite
 * ("conveyed to <Town> police station", "taken to the custody suite"), or
 * end on a hospital named as the notes name one, a town then "General" or
 * "Royal" ("conveyed to <Town> Royal", "FEMALE TO <TOWN> GENERAL"; not
 * with someone's home in the clause: "IP TO HER MUMS AT ...")? Where
 * an incident's or an arrest's people are taken, as a hospital or custody
 * is. Read once, at the end of a clause with a conveyance and no hospital
 * or custody word.
 */
static int fs_clause_station(const struct fs *f)
{
	int police = 0, named = 0, royal = 0, to = 0;
	size_t i = f->c_start, e = f->c_end;
	if (i == SIZE_MAX || e > f->n)
		return 0;
	while (i < e) {
		char x[16];
		size_t k = 0;
		while (i < e && !fs_alnum(f->s[i]))
			i++;
		k = fs_alnum_word(f, &i, e, x, sizeof x);
		if (k == 0 || k + 1 >= sizeof x) {
			police = named = 0;
			continue;
		}
		x[k] = 0;
		if ((police == 1 && strcmp(x, "station") == 0) ||
		    (police == 2 && strcmp(x, "suite") == 0))
			return 1;
		/* s38-over: "<NAME> arrested 23:58 (ABH), conveyed to <Name>":
		 * the arrested are taken to custody, whatever its name */
		if (strcmp(x, "arrested") == 0 && !(f->seen & S_KINP))
			return 1;
		if (named && i >= e && !(f->seen & S_KINP) &&
		    (strcmp(x, "general") == 0 || strcmp(x, "royal") == 0))
			return 1; /* the clause's last word, and no one's home in it */
		/* s19-over: "TRANSPORTED TO ROYAL <TOWN>": "to", "Royal", then a
		 * town the lexicon knows (no common word: "to Royal Oak" is a
		 * pub) as the clause's last word */
		if (royal && i >= e && !(f->seen & S_KINP) && f->s[i - k] >= 'A' && f->s[i - k] <= 'Z') {
			unsigned lx = lex_classify((const char *)f->s + i - k, k);
			if ((lx & LEX_PLACE) && !(lx & LEX_COMMON))
				return 1;
		}
		royal = to && strcmp(x, "royal") == 0;
		to = strcmp(x, "to") == 0;
		police = strcmp(x, "police") == 0 ? 1 : strcmp(x, "custody") == 0 ? 2 : 0;
		named = f->s[i - k] >= 'A' && f->s[i - k] <= 'Z' && fs_lookup(x, k) == 0;
	}
	return 0;
}

static void clause_end(struct fs *f)
{
	f->sent_appt |= f->appt;
	f->sent_any |= f->c_start != SIZE_MAX;
	/* "<Name> assaulted Ms <Name> at her home on 7 November": where an
	 * incident happened, the home the notes know, not where she is now */
	if ((f->seen & S_RES) && !f->res_strong && !f->place_next && !f->kin_pend &&
	    fs_clause_incident(f))
		f->seen &= ~(S_RES | S_RESO);
	if (f->place_next || f->kin_pend)
		f->seen |= S_RES; /* "she went to" and the text breaks: withhold */
	/* "conveyed to <Town> police station": custody (res_ok) */
	if ((f->seen & S_CONV) && !(f->seen & S_MEDIC) && fs_clause_station(f))
		f->seen |= S_MEDIC;
	/* Her label and nothing but time windows after it ("V: 9-11am.",
	 * "Leah: 10-2 weekdays"): when she can be reached, label and all. */
	if (f->tlabel && f->t_time > 0 && !f->t_other && f->t_end > f->tlab_start) {
		f->seen |= S_SAFE;
		if (f->c_start == SIZE_MAX) {
			f->c_start = f->tlab_start;
			if (f->u_start == SIZE_MAX)
				f->u_start = f->tlab_start;
		}
		if (f->t_end > f->c_end)
			f->c_end = f->t_end;
		f->lbl = f->tlab_start;
	}
	/* "It's near the retail park", "It is just off the bypass", right
	 * after a sentence withheld as where she is: the place again */
	if (f->res_sent && f->ncl == 0 && f->c_start != SIZE_MAX && !(f->seen & S_HE) &&
	    fs_it_is_where(f, f->c_start))
		f->seen |= S_RES | S_RESO;
	/* Her work, then its hours in a clause of their own ("<Name> works
	 * <Place>, pharmacy - days, 8-4", "She works at <Shop> - 9-5"): when
	 * she is out and when home, as "She works weekdays 9-5" is (only
	 * times: not "comes home Fri-Sun", his). */
	if (f->workh_prev && (f->seen & S_WDAY) && !(f->seen & (S_HE | S_RES | S_CALL)) &&
	    f->c_start != SIZE_MAX && fs_only_times(f, f->c_start, f->c_end)) {
		f->seen |= S_SAFE;
		f->c_start = f->workh_start; /* the two clauses say it together */
	}
	f->workh_prev = (f->seen & S_WORKH) && !(f->seen & S_HE) && f->c_start != SIZE_MAX;
	f->workh_start = f->c_start;
	/* her next clinic appointment and its date: where she will be */
	size_t appt_at = 0;
	if (f->c_start != SIZE_MAX && f->c_end > f->c_start && !(f->seen & S_RES)) {
		size_t from = f->lbl != SIZE_MAX ? f->lbl : f->c_start;
		int sure = 0;
		size_t at = fs_future_appt(f, from, f->c_end, f->ncl == 0, &sure);
		/* s50-never: a later clause read from its sentence's label too
		 * ("Review: Tue 09/03/2027 08.40, <Name> Dental Centre", the
		 * label's clause cut before it), when alone it says nothing */
		if (at == 0 && f->ncl > 0)
			at = fs_future_appt(f, from, f->c_end, 1, &sure);
		if (at && !sure)
			appt_at = at;
		else if (at) {
			f->seen |= S_RES;
			f->lbl = at - 1; /* from its first word: a label before
					  * it goes, a stamp or a sentence the cut
					  * missed ("referral 15:20. Next ANC")
					  * stays */
		}
	}
	if (f->c_start != SIZE_MAX && f->c_end > f->c_start &&
	    ((f->seen & (S_RES | S_CALL | S_WHEN | S_SAFE | S_ROUT | S_DEV)) ||
	     ((f->workh_near || (f->seen & S_CLOCK)) && !(f->seen & S_HE)) ||
	     ((f->seen & S_PREP) && (f->seen & S_SHE)) || appt_at)) { /* (a routine's clauses before it) */
		if (f->ncl == FS_CLAUSES)
			sentence_end(f);
		f->cl[f->ncl++] = (struct clause){f->lbl != SIZE_MAX ? f->lbl : f->c_start, f->c_end,
		                                  f->seen, f->workh_end, appt_at, f->gap_field};
	} else if (f->c_start != SIZE_MAX && f->ncl > 0) {
		/* A clause with no signal still ends the sentence's span, so a
		 * safe-contact clause takes in what explains it. */
		if (f->ncl == FS_CLAUSES)
			sentence_end(f);
		f->cl[f->ncl++] = (struct clause){f->c_start, f->c_end, f->seen, f->workh_end, 0,
		                                  f->gap_field};
	}
	/* the unit: after any sentence_end above, so a long sentence's part
	 * that ends here starts the next unit */
	f->u_seen |= f->seen;
	if (f->c_start != SIZE_MAX && f->c_end > f->c_start) {
		if (f->u_start == SIZE_MAX)
			f->u_start = f->c_start;
		if (f->c_end > f->u_end)
			f->u_end = f->c_end;
	} else if (f->u_cont && f->u_start != SIZE_MAX && f->c_end > f->u_end) {
		/* words after a label that a heading cut off ("...:\nMob: 07700
		 * 900 318"): the unit the model was trained on has them */
		f->u_end = f->c_end;
	}
	f->gap_field = 0;
	clause_reset(f);
}

/* One word or number [a, b) with its folded text w[0..wn) (wn 0: too long). */
/* Classes that make no signal by themselves: such a word only needs to be
 * remembered as the previous word. */
#define FS_INERT (K_FUNC | K_DET | K_NDET | K_THE | K_ABBR | K_BIZ)

/* After "is" or a bare subject, before at/in: still where she is. */
static const char *const FS_FOUND_AT[] = {"found", "locked", "hidden", "hiding", NULL};

/* Is the next word at i " in" or " at" ("my dads in Crewe")? */
static inline int fs_in_at_next(const unsigned char *s, size_t n, size_t i)
{
	if (i + 3 > n || s[i] != ' ')
		return 0;
	unsigned a = s[i + 1] | 0x20, b = s[i + 2] | 0x20;
	return ((a == 'i' && b == 'n') || (a == 'a' && b == 't')) &&
	       (i + 3 == n || !(fs_cc[s[i + 3]] & CC_ALNUM));
}

/* Nothing pending that the next word could complete. */
static inline int fs_idle(const struct fs *f)
{
	return f->c_start != SIZE_MAX &&
	       !(f->place_next | f->kin_pend | f->out_of | f->xfer | f->take_win | f->meet |
		 f->fled_next | f->by_win);
}

/* The word after b on its line, folded into out (at most cap - 1 letters);
 * *title when it is written "Title" (a capital, then a small letter). */
static size_t fs_peek(const struct fs *f, size_t b, char *out, size_t cap, int *title)
{
	size_t i = b, k = 0;
	while (i < f->n && f->s[i] == ' ')
		i++;
	*title = i + 1 < f->n && f->s[i] >= 'A' && f->s[i] <= 'Z' && f->s[i + 1] >= 'a' &&
		 f->s[i + 1] <= 'z';
	while (i < f->n && k + 1 < cap && (f->s[i] | 0x20) >= 'a' && (f->s[i] | 0x20) <= 'z')
		out[k++] = (char)(f->s[i++] | 0x20);
	out[k] = 0;
	if (k == 1 && out[0] == 'w' && i < f->n && f->s[i] == '/' && cap > 4) {
		memcpy(out, "with", 5); /* "w/": with, as the tokenizer reads it */
		return 4;
	}
	return k;
}

static int fs_weekday(const char *w)
{
	static const char d[][4] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
	for (size_t k = 0; k < 7; k++)
		if (memcmp(w, d[k], 3) == 0)
			return 1;
	return 0;
}

/* See failsafe.h ("B17", "LS6", "CF10", "SW1A", w folded). */
int failsafe_postcode_district(const char *w, size_t wn)
{
	static const char areas[] =
	    " ab al b ba bb bd bh bl bn br bs bt ca cb cf ch cm co cr ct cv cw da dd de dg dh dl"
	    " dn dt dy e ec eh en ex fk fy g gl gu ha hd hg hp hr hs hu hx ig ip iv ka kt kw ky"
	    " l la ld le ll ln ls lu m me mk ml n ne ng nn np nr nw ol ox pa pe ph pl po pr rg"
	    " rh rm s sa se sg sk sl sm sn so sp sr ss st sw sy ta td tf tn tq tr ts tw ub w wa"
	    " wc wd wf wn wr ws wv yo ze ";
	size_t k = 0;
	while (k < wn && w[k] >= 'a' && w[k] <= 'z')
		k++;
	size_t d = k;
	while (d < wn && w[d] >= '0' && w[d] <= '9')
		d++;
	if (k < 1 || k > 2 || d - k < 1 || d - k > 2 ||
	    !(d == wn || (d + 1 == wn && w[d] >= 'a' && w[d] <= 'z')))
		return 0;
	char key[5] = {' ', w[0], k == 2 ? w[1] : ' ', k == 2 ? ' ' : 0, 0};
	return strstr(areas, key) != NULL;
}

static int fs_in(const char *w, const char *const *list);

/* w folded a month's name or its short form ("in March", "at Dec") */
static int fs_month(const char *w)
{
	static const char *const m[] = {
	    "january", "february", "march", "april", "may", "june", "july", "august",
	    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
	    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", NULL};
	return fs_in(w, m);
}

/* Is the NUL-ended w one of list (of words none empty)? The first two
 * bytes are compared before a strcmp: most words asked are in no list, and
 * most fail there (the second is read only after a first that is no NUL). */
static int fs_in(const char *w, const char *const *list)
{
	for (; *list; list++)
		if ((*list)[0] == w[0] && (*list)[1] == w[1] && strcmp(w, *list) == 0)
			return 1;
	return 0;
}

/* s51-never: driving or walking her somewhere, as take does ("I drove
 * her back to the farm", "dropped her and the kids to her mum's"): only
 * with her people after it, then "to" (the take window). Not a word class
 * (a conveyance's, K_CONV, moved the unit model's reading of "he drove"
 * elsewhere): these words open the window and nothing else. */
static const char *const FS_DROVE[] = {
	"drove", "drive", "drives", "driving", "dropped", "drop", "drops", "dropping",
	"ferried", "ferrying", "walked", "walking", NULL};

/* An incident and the acts of one: "DA incident at home 21:30", "assaulted
 * by bf at home approx 0100". Where it happened, not where she lives now;
 * and a visit there. */
static const char *const FS_INCIDENT[] = {
	"incident", "incidents", "da", "domestic", "assault", "assaulted", "attack", "attacked",
	"occurred", "happened", "disturbance", "argument", "altercation", "fight", "strangled",
	"strangulation", "punched", "kicked", "beaten", "raped", "abuse", "abused", "violence",
	"offence", "offences", "breach", NULL};
/* s35: a worker's visit, reported ("crisis team saw <Name> at home", "Saw
 * <Name> at home today"): the home the notes know, when nothing after it
 * in the clause says where else (fs_prep_after) */
static const char *const FS_VISIT[] = {"saw", "seen", "visited", NULL};

static size_t fs_next_word(const struct fs *f, size_t *i, char *x, size_t cap, int *title);

/* Does the word after b make "there" existential ("there is", "there
 * were", "there have been", "there will be") or a phrase ("there and
 * then", "there on")? */
static int fs_there_exists(const struct fs *f, size_t b)
{
	static const char *const NEXT[] = {"is", "are", "was", "were", "has", "have", "had", "will",
					   "would", "may", "might", "could", "should", "must",
					   "seems", "seemed", "appears", "appeared", "and", "on", "s",
					   "being", "be", NULL};
	char x[16];
	int title;
	size_t i = b;
	size_t k = fs_next_word(f, &i, x, sizeof x, &title);
	return k > 0 && k + 1 < sizeof x && fs_in(x, NEXT);
}

/* Is the word before a "it", "it's" or "its" (a thing's place: "he put my
 * photo on his Snap, it's there now")? */
static int fs_it_before(const struct fs *f, size_t a)
{
	char x[16];
	size_t st;
	size_t k = fs_prev_word(f, a, x, sizeof x, &st);
	if (k == 1 && x[0] == 's' && st > 0) { /* "it's", "it’s": "it" before the 's */
		if (f->s[st - 1] == '\'')
			st--;
		else if (st >= 3 && f->s[st - 3] == 0xE2 && f->s[st - 2] == 0x80 && f->s[st - 1] == 0x99)
			st -= 3;
		else
			return 0;
		k = fs_prev_word(f, st, x, sizeof x, &st);
	}
	return (k == 2 && memcmp(x, "it", 2) == 0) || (k == 3 && memcmp(x, "its", 3) == 0);
}

/*
 * s36-never: does "to" follow b within five words of the clause, and after
 * it her, a kinsman or an indefinite place ("to her", "to a refuge", "to
 * mum's", "to stay with")? Reads at most six words.
 */
static int fs_discharged_to_her(const struct fs *f, size_t b)
{
	static const char *const AFTER[] = {"her", "a", "an", "stay", "mum", "mums", "refuge",
					    "friends", "family", "relatives", "another", NULL};
	char x[16];
	int title;
	size_t i = b;
	for (int w = 0; w < 5; w++) {
		size_t k = fs_next_word(f, &i, x, sizeof x, &title);
		if (k == 0 || k + 1 >= sizeof x)
			return 0;
		if (k == 2 && memcmp(x, "to", 2) == 0) {
			k = fs_next_word(f, &i, x, sizeof x, &title);
			return k > 0 && k + 1 < sizeof x && (fs_in(x, AFTER) || (fs_lookup(x, k) & K_KIN));
		}
	}
	return 0;
}

/*
 * s37-never: "stop" as the North says "stay": "he can stop at his in
 * <Town>", "stopping with her mum", "stop over at a mate's": "at" or
 * "with" after it, then someone's or a kinsman, or "over". Not "stop him
 * seeing the kids", "stop at nothing", "stop at the lights".
 */
static int fs_stop_at(const struct fs *f, size_t b)
{
	static const char *const AT[] = {"his", "hers", "theirs", "mine", "ours", "her", "their",
					 "my", "a", "an", "friends", "family", "relatives", NULL};
	char x[16];
	int title;
	size_t i = b;
	size_t k = fs_next_word(f, &i, x, sizeof x, &title);
	if (k == 4 && memcmp(x, "over", 4) == 0)
		return 1;
	if (!((k == 2 && memcmp(x, "at", 2) == 0) || (k == 4 && memcmp(x, "with", 4) == 0)))
		return 0;
	k = fs_next_word(f, &i, x, sizeof x, &title);
	return k > 0 && k + 1 < sizeof x && (fs_in(x, AT) || (fs_lookup(x, k) & K_KIN));
}

/* Is one of the words list within the three words before a (stopping at a
 * full stop)? "bring her to", "come back over to" */
static int fs_goto_before(const struct fs *f, size_t a, const char *const *list)
{
	char x[16];
	size_t st = a;
	for (int k = 0; k < 3; k++) {
		size_t wn = fs_prev_word(f, st, x, sizeof x, &st);
		if (wn == 0 || wn + 1 >= sizeof x)
			return 0;
		if (fs_in(x, list))
			return 1;
	}
	return 0;
}

/*
 * "contact" at [a, b) as a child's contact with a parent: "supervised"
 * just before it, or within six words after it "supervised", "centre",
 * "center", or "with the children / kids / child" ("contact with the
 * children via family members", "contact via <Service> supervised contact
 * centre only"). Reads at most eight words.
 */
static int fs_child_contact(const struct fs *f, size_t a, size_t b)
{
	static const char *const KIDS[] = {"children", "kids", "child", "boys", "girls", NULL};
	char x[16];
	int title;
	if (fs_prev_word(f, a, x, sizeof x, NULL) == 10 && memcmp(x, "supervised", 10) == 0)
		return 1;
	size_t i = b;
	for (int wdx = 0; wdx < 6; wdx++) {
		size_t k = fs_next_word(f, &i, x, sizeof x, &title);
		if (k == 0 || k + 1 >= sizeof x)
			return 0;
		if ((k == 10 && memcmp(x, "supervised", 10) == 0) ||
		    (k == 6 && (memcmp(x, "centre", 6) == 0 || memcmp(x, "center", 6) == 0)))
			return 1;
		if (wdx == 0 && !(k == 4 && memcmp(x, "with", 4) == 0))
			continue;
		if (wdx == 0) {
			k = fs_next_word(f, &i, x, sizeof x, &title);
			if (k == 3 && memcmp(x, "the", 3) == 0)
				k = fs_next_word(f, &i, x, sizeof x, &title);
			return k > 0 && k + 1 < sizeof x && fs_in(x, KIDS);
		}
	}
	return 0;
}

/* Past forms that do not end in -ed, for fs_told_after. */
static const char *const FS_PAST[] = {
	"was", "were", "had", "did", "saw", "came", "went", "left", "got", "took", "told", "said",
	"found", "made", "sent", "ran", "rang", "heard", "hit", "broke", "threw", "knew", "kept",
	"gave", "brought", "began", "fell", "stood", "sat", "caught", "fought", "bit", "spat",
	"drove", "rode", "woke", "slept", "spoke", "wrote", "tore", "stole", "shook", "struck",
	"became", "held", "lost", "put", "cut", "shut", "let", "felt", "met", "paid", "read",
	"sold", "thought", "bought", "grabbed", "dragged", "hid", NULL};
/* -ed words that are no past form. */
static const char *const FS_NOT_PAST[] = {"need", "bed", "red", "shed", "seed", "feed", "speed",
					  "weed", "breed", "indeed", "hundred", "ned", "ted", "fred",
					  "ahmed", "mohammed", "muhammed", "mohamed", "sked", NULL};

/*
 * s36-over: does "after", "before" or "until" ending at b open an event
 * told, not a time or condition? A word in -ing next ("after seeing her
 * speak to another boy", "before being discharged"), or a past form among
 * the next three words, not after "has" or "have" ("after Doreen pressed
 * her pendant", "after he left"; not "after he has left for work": a
 * condition on now). A number or a clock next is a time ("after 6").
 * Reads at most three words of the clause.
 */
static int fs_told_after(const struct fs *f, size_t b)
{
	char x[16], prev[16] = "";
	int title;
	size_t i = b;
	for (int w = 0; w < 3; w++) {
		size_t k = fs_next_word(f, &i, x, sizeof x, &title);
		if (k == 0 || k + 1 >= sizeof x || (x[0] >= '0' && x[0] <= '9'))
			return 0;
		if (w == 0 && k >= 5 && memcmp(x + k - 3, "ing", 3) == 0)
			return 1;
		int past = fs_in(x, FS_PAST) ||
			   (k >= 4 && x[k - 2] == 'e' && x[k - 1] == 'd' && !fs_in(x, FS_NOT_PAST));
		if (past)
			return strcmp(prev, "has") != 0 && strcmp(prev, "have") != 0 &&
			       strcmp(prev, "is") != 0 && strcmp(prev, "are") != 0;
		memcpy(prev, x, k + 1);
	}
	return 0;
}

/*
 * s35: does a word of place or company (in, at, near, with, to, by,
 * outside, opposite, behind) follow b in its clause (fs_next_word's: up to
 * a '.', ';', '!', '?' or a line break; and a spaced dash)? Reads words
 * starting in the next 200 bytes.
 */
static int fs_prep_after(const struct fs *f, size_t b)
{
	static const char *const PREP[] = {"in", "at", "near", "with", "to", "by", "outside",
					   "opposite", "behind", NULL};
	char x[16];
	int title;
	size_t i = b;
	while (i < b + 200) {
		size_t gap = i, k = fs_next_word(f, &i, x, sizeof x, &title);
		if (k == 0)
			return 0;
		for (; gap + 2 < i; gap++)
			if (f->s[gap] == ' ' && f->s[gap + 1] == '-' && f->s[gap + 2] == ' ')
				return 0;
		if (k + 1 < sizeof x && fs_in(x, PREP))
			return 1;
	}
	return 0;
}

/*
 * Is the word before a "at", and did the clause [f->c_start, a) name an
 * incident (1) or a worker's visit (2, FS_VISIT) with no being, living,
 * going or "now" after it? 0 if not. Read only at "at home" (most words
 * never reach word()).
 */
static int fs_incident_at_home(struct fs *f, size_t a)
{
	size_t j = a;
	while (j > 0 && f->s[j - 1] == ' ')
		j--;
	if (!(j >= 2 && (f->s[j - 1] | 0x20) == 't' && (f->s[j - 2] | 0x20) == 'a' &&
	      (j == 2 || !fs_alnum(f->s[j - 3]))) || f->c_start == SIZE_MAX)
		return 0;
	/* j ends a word ("at"), so the words up to it are read whole and the
	 * reading can go on from where the last call in this clause stopped */
	size_t i = f->c_start;
	int incid = 0;
	if (f->inc_c == f->c_start && f->inc_pos <= j)
		i = f->inc_pos, incid = f->inc_state;
	while (i < j) {
		char x[16];
		size_t k = 0, w0;
		while (i < j && !fs_alnum(f->s[i]))
			i++;
		w0 = i;
		k = fs_alnum_word(f, &i, j, x, sizeof x);
		if (k == 0 || k + 1 >= sizeof x)
			continue;
		x[k] = 0;
		if (fs_lookup(x, k) & (K_RES | K_BE | K_ADV | K_GO))
			incid = 0;
		else if (fs_in(x, FS_INCIDENT) && (k != 2 || (f->s[w0] == 'D' && f->s[w0 + 1] == 'A')))
			incid = 1;
		else if (fs_in(x, FS_VISIT) && !incid)
			incid = 2;
	}
	f->inc_c = f->c_start, f->inc_pos = j, f->inc_state = incid;
	return incid;
}

/*
 * "<Name> is at home with the children", "Jade at home.": "at home" said
 * of the home the notes know, with no "not" or "never" before it (she is
 * elsewhere: "not at home - at a friend's") and nothing after it in the
 * clause but "with the children": not "at the home of <Name>", "at home
 * with her mum" (mum's?), "at home with her partner in <Town>". "Alone" or
 * "back" before it keep it a statement.
 */
static const char *const FS_HOME_KIDS[] = {"children", "kids", "child", "baby", "boys", "girls",
					   NULL};
/* before "at home": she is elsewhere ("not", "never", "isn't": its "t"),
 * or it is a statement ("alone at home", "back at home") */
static const char *const FS_HOME_NOT[] = {"not", "never", "t", "alone", "back", NULL};
/* ... and the words before the children ("with the children", "with both
 * kids", "with her two boys") */
static const char *const FS_HOME_DET[] = {"the", "her", "both", "two", "three", "all", "their",
					  NULL};

static int fs_plain_at_home(const struct fs *f, size_t a, size_t b)
{
	char x[16], nx[16];
	size_t at;
	int title;
	if (fs_prev_word(f, a, x, sizeof x, &at) != 2 || memcmp(x, "at", 2) != 0)
		return 0;
	if (f->s[a] == 'H' && a + 1 < b && f->s[a + 1] == 'o')
		return 0; /* "<County> Care at Home": a firm's name in title case */
	size_t k = fs_prev_word(f, at, x, sizeof x, NULL);
	if (k > 0 && fs_in(x, FS_HOME_NOT))
		return 0;
	/* then the clause ends, or "with (the|her|both...) children" and it ends
	 * ("her two boys": two such words); a line break ends nothing ("at home
	 * with\nher sister") */
	size_t i = b;
	for (int step = 0;; step++) {
		while (i < f->n && (f->s[i] == ' ' || f->s[i] == '\n' || f->s[i] == '\r' ||
		                    f->s[i] == '\t'))
			i++;
		k = fs_peek(f, i, nx, sizeof nx, &title);
		if (k == 0)
			return 1;
		int ok = step == 0   ? k == 4 && memcmp(nx, "with", 4) == 0
			 : step == 1 ? fs_in(nx, FS_HOME_DET) || fs_in(nx, FS_HOME_KIDS)
			 : step == 2 ? (fs_in(nx, FS_HOME_KIDS) && !fs_in(x, FS_HOME_KIDS)) ||
					       (fs_in(nx, FS_HOME_DET) && fs_in(x, FS_HOME_DET) &&
					        !fs_in(nx, FS_HOME_KIDS))
			 : step == 3 ? fs_in(nx, FS_HOME_KIDS) && fs_in(x, FS_HOME_DET)
				     : 0;
		if (!ok)
			return 0;
		memcpy(x, nx, k + 1); /* the word before the next */
		i += k;
	}
}

/* Nouns that make "home" or "residence" before them no dwelling: "a home
 * visit", "home office", "residence card". */
static const char *const FS_HOME_COMPOUND[] = {
	"visit", "visits", "visiting", "office", "life", "situation", "circumstances",
	"environment", "conditions", "schooled", "schooling", "care", "help", "support",
	"treatment", "study", "tutor", "tuition", "card", "permit", "permits", "status",
	"document", "documents", "visa", "order", "time", "sustainment", "officer", "team",
	"worker", "audit", "check",
	/* s19-over: advice about one ("tenancy advice", "housing and tenancy
	 * advice given"); the tenancy of a home ("the family home tenancy")
	 * is the tenancy's to decide */
	"advice", "tenancy",
	/* ... and who owns one ("home owner", "home ownership") */
	"owner", "owners", "ownership",
	/* s17-fp: its reference ("tenancy ref 0044-...") */
	"ref", "reference",
	/* s20-over: the landlord's work on it ("tenancy management note") */
	"management",
	/* s21-over: ... and its department ("Council tenancy services") */
	"services", "service", NULL};

/* What someone flees when it is no place: "fleeing DA", "fled domestic abuse". */
static const char *const FS_FLED_WHAT[] = {"da", "dv", "domestic", "abuse", "violence", "hbv",
					   "hba", NULL};

/* s23-over: whom she flees, when it is him ("fled husband who arrived
 * Aug"), and when she fled ("fled yesterday", "fled last night") */
static const char *const FS_FLED_WHOM[] = {
    "husband", "him", "partner", "ex", "boyfriend", "perpetrator", "abuser", "perp", "bf",
    "yesterday", "today", "tonight", "overnight", "earlier", "last", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tues", "tue", "wed", "thurs",
    "thu", "fri", "sat", "sun", NULL};

static int fs_no_place_ahead(const struct fs *f, size_t i);

/* Are the two words after b on its line a and c ("safe and well")? */
static int fs_next2(const struct fs *f, size_t b, const char *a, const char *c)
{
	char nx[16];
	int title;
	size_t k = fs_peek(f, b, nx, sizeof nx, &title);
	if (k == 0 || strcmp(nx, a) != 0)
		return 0;
	size_t i = b;
	while (i < f->n && f->s[i] == ' ')
		i++;
	i += k;
	k = fs_peek(f, i, nx, sizeof nx, &title);
	return k > 0 && strcmp(nx, c) == 0;
}

/* "every", "alternate", "fortnightly" or "weekly" in the next four words
 * from i, in the clause */
static int fs_every_ahead(const struct fs *f, size_t i)
{
	static const char *const EVERY[] = {"every", "alternate", "fortnightly", "weekly", NULL};
	char x[16];
	size_t k;
	for (int words = 0; words < 4 && i < f->n; words++) {
		if (f->s[i] != ' ')
			return 0; /* a comma, a full stop: the clause ends */
		i = fs_word_at(f, i, x, sizeof x, &k);
		if (k == 0)
			return 0;
		if (fs_in(x, EVERY))
			return 1;
	}
	return 0;
}

/* The letters of the word at or after i on its line, folded into out (cap
 * bytes, NUL-terminated); returns the index after it, *k its length. */
static size_t fs_word_at(const struct fs *f, size_t i, char *out, size_t cap, size_t *k)
{
	*k = 0;
	while (i < f->n && f->s[i] == ' ')
		i++;
	while (i < f->n && *k + 1 < cap && (f->s[i] | 0x20) >= 'a' && (f->s[i] | 0x20) <= 'z')
		out[(*k)++] = (char)(f->s[i++] | 0x20);
	out[*k] = 0;
	return i;
}

static size_t fs_prev_word(const struct fs *f, size_t a, char *out, size_t cap, size_t *start);

/* Words before "tenancy" that make it one held already: the one they share,
 * the one she had ("old tenancy locks changed"), whose name is on it
 * ("partner not on tenancy"); not "sole" (hers to come) nor "new". */
static int fs_no_place_ahead(const struct fs *f, size_t i);
static int fs_no_place_within(const struct fs *f, size_t i, int maxw);
static int fs_tenure_stated(const struct fs *f, size_t b, const char *prev);
static int fs_plain_ahead(const struct fs *f, size_t i);
static int fs_landlord_aside(const struct fs *f, size_t j, size_t *after);

/* What makes a tenancy a new one (or one to come): "a new secure tenancy" */
static const char *const FS_TENANCY_NEW[] = {"new", "temporary", "temp", "emergency", "interim",
					     "another", "different", "alternative", "offered", NULL};
/* s22-over: a record kept of a tenancy: "tenancy history", "tenancy note";
 * s24-over: or its end ("Tenancy surrendered from 23 June") */
static const char *const FS_TENANCY_RECORD[] = {"history", "note", "notes", "record", "records",
						"file", "agreement", "surrendered", "terminated",
						"ended", NULL};
static const char *const FS_TENANCY_HELD[] = {"joint", "old", "previous", "former", "existing",
					      "current", "original", "on", NULL};

/*
 * Is the residence word [a, b) one the notes already know? tenancy: after
 * FS_TENANCY_HELD ("joint" as before; the others with no place after them:
 * fs_no_place_ahead); lives: after "where" and a pronoun ("where she
 * lives"), with no place, adverb or name after it.
 */
static int fs_res_known(const struct fs *f, size_t a, size_t b, int tenancy)
{
	char x[16];
	size_t st;
	size_t k = fs_prev_word(f, a, x, sizeof x, &st);
	if (tenancy && k == 2 && memcmp(x, "of", 2) == 0) {
		/* s19-over: "transfer of tenancy" (a court's, to her name):
		 * who holds it, unless a place follows */
		char y[16];
		size_t yk = fs_prev_word(f, st, y, sizeof y, NULL);
		if (yk >= 8 && memcmp(y, "transfer", 8) == 0 && fs_no_place_ahead(f, b))
			return 1;
	}
	if (tenancy && ((k == 4 && memcmp(x, "sole", 4) == 0) ||
			/* s22-over: ... and by its tenure ("sole secure
			 * tenancy since 2021", "assured tenancy") */
			(k == 6 && memcmp(x, "secure", 6) == 0) ||
			(k == 7 && memcmp(x, "assured", 7) == 0))) {
		/* s21-over: "wants sole tenancy", "applied for sole tenancy",
		 * "advice on sole tenancy": who will hold the one she has,
		 * said bare (not "a", "new", "offered" ... before it, nor a
		 * name, a number or a place after it: fs_plain_ahead) */
		char y[16];
		size_t yk = fs_prev_word(f, st, y, sizeof y, NULL);
		if (!(yk > 0 && (fs_in(y, FS_TENANCY_NEW) || strcmp(y, "a") == 0 ||
		                 strcmp(y, "an") == 0)) &&
		    fs_plain_ahead(f, b))
			return 1;
	}
	if (tenancy)
		return (k > 0 && fs_in(x, FS_TENANCY_HELD) &&
		        (strcmp(x, "joint") == 0 || fs_no_place_ahead(f, b))) ||
		       fs_tenure_stated(f, b, k > 0 ? x : NULL);
	if (!(k > 0 && (fs_lookup(x, k) & (K_SHE | K_HE))) ||
	    fs_prev_word(f, st, x, sizeof x, NULL) != 5 || memcmp(x, "where", 5) != 0)
		return 0;
	int tn = 0;
	k = fs_peek(f, b, x, sizeof x, &tn);
	return !tn && !(k > 0 && (fs_lookup(x, k) & (K_PREP | K_TO | K_ADV | K_ABOVE)));
}

/* What follows "speaks" when it is a language ("speaks little English") */
static const char *const FS_SPEAKS_HOW[] = {"little", "no", "some", "fluent", "good", "basic",
					    "broken", "limited", "english", "only", NULL};

/*
 * s36-over: is the contact word at a forbidden to him by a court or the
 * police: "not to" or "from" right before it, and bail, an order or a
 * condition named in the 80 bytes before, on its line ("bailed not to
 * contact Mrs <Name>", "The order forbids Mr <Name> from contacting her")?
 */
static int fs_condition_on_him(const struct fs *f, size_t a)
{
	static const char *const LAW[] = {"bail", "bailed", "conditions", "condition", "order",
					  "orders", "injunction", "forbids", "forbidden", "prohibits",
					  "prohibited", "dvpn", "dvpo", "smo", "spo", "undertaking",
					  "licence", NULL};
	char x[16];
	size_t st;
	size_t k = fs_prev_word(f, a, x, sizeof x, &st);
	if (k == 2 && memcmp(x, "to", 2) == 0) {
		if (fs_prev_word(f, st, x, sizeof x, &st) != 3 || memcmp(x, "not", 3) != 0)
			return 0;
	} else if (!(k == 4 && memcmp(x, "from", 4) == 0)) {
		return 0;
	}
	size_t lo = st > 80 ? st - 80 : 0;
	for (size_t i = st; i > lo; i--) {
		if (f->s[i - 1] == '\n')
			break;
		if (fs_alnum(f->s[i - 1]) && (i - 1 == 0 || !fs_alnum(f->s[i - 2]))) {
			size_t j = i - 1, m = 0;
			while (j < f->n && fs_alnum(f->s[j]) && m + 1 < sizeof x)
				x[m++] = (char)(f->s[j++] | 0x20);
			x[m] = 0;
			if (!(j < f->n && fs_alnum(f->s[j])) && fs_in(x, LAW))
				return 1;
		}
	}
	return 0;
}

/* Does "if", "when" or "should" follow i in its clause (eight words)? */
static int fs_if_after(const struct fs *f, size_t i)
{
	char x[16];
	int title;
	for (int w = 0; w < 8; w++) {
		size_t k = fs_next_word(f, &i, x, sizeof x, &title);
		if (k == 0)
			return 0;
		if ((k == 2 && memcmp(x, "if", 2) == 0) || (k == 4 && memcmp(x, "when", 4) == 0) ||
		    (k == 6 && memcmp(x, "should", 6) == 0))
			return 1;
	}
	return 0;
}

/*
 * s36-over: does an agency follow b ("the police", "999", "Devon &
 * Cornwall Police", "Children's Services", "<Town> Women's Aid")? The
 * police by name or number, or up to five capitalised words (and '&')
 * one of which is an agency's head word; not with "if" or "when" after
 * ("to call 999 if <Name> comes on site": a safety plan where she is).
 * Reads at most six words, and fs_if_after's.
 */
static int fs_call_agency(const struct fs *f, size_t b)
{
	static const char *const BY_NAME[] = {"police", "999", "101", "ambulance", "crimestoppers",
					      "mash", "edt", NULL};
	static const char *const HEAD[] = {"police", "constabulary", "services", "service",
					   "council", "team", "unit", "office", "trust", "aid",
					   "helpline", "hub", "mash", "ambulance", NULL};
	char x[16];
	int title;
	size_t i = b;
	size_t k = fs_next_word(f, &i, x, sizeof x, &title);
	if (k == 3 && memcmp(x, "the", 3) == 0)
		k = fs_next_word(f, &i, x, sizeof x, &title);
	if (k == 0 || k + 1 >= sizeof x)
		return 0;
	if (fs_in(x, BY_NAME))
		return !fs_if_after(f, i);
	for (int w = 0; w < 5 && k > 0 && k + 1 < sizeof x && title; w++) {
		if (fs_in(x, HEAD))
			return !fs_if_after(f, i);
		size_t j = i;
		while (j < f->n && (f->s[j] == ' ' || f->s[j] == '&' || f->s[j] == '\''))
			j++; /* "Devon & Cornwall", "Children's" */
		if (j < f->n && f->s[j] == 's' && j > 0 && f->s[j - 1] == '\'')
			j++;
		i = j;
		k = fs_next_word(f, &i, x, sizeof x, &title);
	}
	return 0;
}

/*
 * Is the contact word w[0..wn) at [a, b) an idiom that is no contact:
 * "speak(s)" before a language (a title-case word that is no day or month,
 * or FS_SPEAKS_HOW), "call" after "on" ("on call")?
 */
static int fs_call_idiom(const struct fs *f, const char *w, size_t wn, size_t a, size_t b)
{
	char x[16];
	if ((wn == 5 && memcmp(w, "speak", 5) == 0) || (wn == 6 && memcmp(w, "speaks", 6) == 0)) {
		int tn = 0;
		size_t k = fs_peek(f, b, x, sizeof x, &tn);
		if (k == 0)
			return 0;
		if (fs_in(x, FS_SPEAKS_HOW))
			return 1;
		return tn && !(fs_lookup(x, k) & (K_TIME | K_DAYAB | K_SHE | K_HE | K_KIN)) &&
		       !fs_month(x) && !fs_weekday(x);
	}
	if (wn == 4 && memcmp(w, "call", 4) == 0 &&
	    fs_prev_word(f, a, x, sizeof x, NULL) == 2 && memcmp(x, "on", 2) == 0)
		return 1;
	/* s36-over: a call made to an agency ("I will ring Devon & Cornwall
	 * Police today", "rang the police at 23:10", "contacted Children's
	 * Services"): no contact with her */
	static const char *const VERB[] = {"ring", "rang", "call", "phone", "phoned", "contact",
					   "contacted", "telephoned", "email", "emailed", NULL};
	if (wn < sizeof x && fs_in(w, VERB) && fs_call_agency(f, b))
		return 1;
	/* s36-over: a call that reported an incident ("after a disturbance
	 * call", "DA call to SFA", "welfare call by <Unit>", "999 call") */
	static const char *const REPORT[] = {"disturbance", "da", "dv", "domestic", "neighbour",
					     "neighbours", "welfare", "999", "101", "emergency",
					     "hoax", "silent", "concern", "abandoned", NULL};
	if (((wn == 4 && memcmp(w, "call", 4) == 0) || (wn == 5 && memcmp(w, "calls", 5) == 0)) &&
	    fs_prev_in(f, a, REPORT))
		return 1;
	/* s36-over: a court's or the police's condition on him ("bailed not
	 * to contact Mrs <Name>", "order forbids him from contacting her"):
	 * no arrangement with her */
	return wn < sizeof x && (fs_in(w, VERB) || (wn == 10 && memcmp(w, "contacting", 10) == 0)) &&
	       fs_condition_on_him(f, a);
}

/* Money moved: "a transfer of funds to ..." names no place. */
static const char *const FS_MONEY[] = {"funds", "money", "cash", "payment", "payments",
                                       "benefit", "benefits", "pounds", "savings", NULL};

/* Is the residence word w[0..wn) ending at b an idiom that names no place
 * (word(): "live in hope", "lived like a lodger" (how), "stay away" at the
 * sentence's end or "from" someone, not "from home", nor "staying away,
 * <Town>" or "with friends"; "staying so long", "stayed too long" (how
 * long), both with no place after (fs_no_place_ahead); "moved" then
 * money)? Reads at most the three words after it, or fs_no_place_ahead's
 * eight. */
/*
 * Is there no place in the next eight words from i, up to the clause's end
 * ('.', ';', '!', '?', a line break): no dwelling or place word, no
 * possessive, no house number (after a preposition or before a name; a
 * date is none), no "near", "local", "area" ("a school place near
 * you": near the refuge), and no at, in, with, to ... before a
 * capitalised word, a kin word or a determiner then one ("lived like a
 * hermit in <Town>", "staying so long at her mum's")? Reads at most
 * eight words.
 */

static int fs_no_place_ahead(const struct fs *f, size_t i)
{
	return fs_no_place_within(f, i, 8);
}

/* fs_no_place_ahead reading at most maxw words */
static int fs_no_place_within(const struct fs *f, size_t i, int maxw)
{
	static const char *const NEAR[] = {"near", "nearby", "close", "closer", "local",
					   "locally", "within", "around", "area", NULL};
	int prep = 0;
	for (int words = 0; words < maxw && i < f->n; words++) {
		while (i < f->n && !fs_alnum(f->s[i])) {
			unsigned char ch = f->s[i];
			if (ch == '.' || ch == ';' || ch == '!' || ch == '?' || ch == '\n')
				return 1;
			i++;
		}
		if (i >= f->n)
			return 1;
		size_t w0 = i, k = 0;
		char x[16];
		k = fs_alnum_word(f, &i, f->n, x, sizeof x);
		if (k + 1 >= sizeof x)
			return 0;
		x[k] = 0;
		uint64_t c = fs_lookup(x, k);
		int cap = f->s[w0] >= 'A' && f->s[w0] <= 'Z';
		if (f->s[w0] >= '0' && f->s[w0] <= '9') {
			/* a house number: after a preposition or before a name
			 * ("at 14", "14 Oak Row"), not a date or a clock ("30/10") */
			int sep = i + 1 < f->n && (f->s[i] == '/' || f->s[i] == ':' || f->s[i] == '.') &&
			          f->s[i + 1] >= '0' && f->s[i + 1] <= '9';
			size_t j = i, mk;
			while (j < f->n && f->s[j] == ' ')
				j++;
			/* (s24-over: "from 23 June": a date, the month after it) */
			char mon[16];
			int month = j > i && fs_word_at(f, j, mon, sizeof mon, &mk) && mk > 0 &&
			            fs_month(mon);
			if (!sep && (prep || (!month && j > i && j < f->n && f->s[j] >= 'A' &&
			                      f->s[j] <= 'Z')))
				return 0;
			while (i < f->n && (fs_alnum(f->s[i]) || f->s[i] == '/' || f->s[i] == ':' ||
			                    f->s[i] == '.') && !(f->s[i] == '.' && (i + 1 >= f->n ||
			                                                             !fs_alnum(f->s[i + 1]))))
				i++; /* the rest of the date */
			prep = 0;
			continue;
		}
		if ((i < f->n && f->s[i] == '\'') ||
		    (c & (K_RESN | K_PLACE | K_HOME | K_ADDR | K_AREA | K_STREET)))
			return 0;
		if ((prep && (cap || (c & K_KIN))) || fs_in(x, NEAR))
			return 0;
		if (prep && (c & K_DET))
			continue; /* "in a", "at her": the next word decides */
		prep = (c & (K_PREP | K_TO | K_ABOVE)) != 0;
	}
	return i >= f->n; /* (a longer clause may name one later) */
}

static size_t fs_next_word(const struct fs *f, size_t *i, char *x, size_t cap, int *title);
static int fs_account_next(const struct fs *f, size_t b);

/*
 * s24-over: does "to" and a day or a date follow b ("Hearing moved to
 * Friday at <Town> Combined Court", "review moved to 14/03", "moved to the
 * 3rd", "moved to March")? What moves to a day is an event, put off, no
 * move of hers. A weekday by its whole name (K_TIME: not "to Sunderland"),
 * "tomorrow", a month, or a number with a date's '/' or '.' or an
 * ordinal's ending after it (not "moved to 14 Oak Road"). Reads at most
 * three words.
 */
static int fs_moved_to_when(const struct fs *f, size_t b)
{
	char x[16];
	int title = 0;
	size_t i = b;
	size_t k = fs_next_word(f, &i, x, sizeof x, &title);
	if (k != 2 || memcmp(x, "to", 2) != 0)
		return 0;
	k = fs_next_word(f, &i, x, sizeof x, &title);
	if (k == 3 && memcmp(x, "the", 3) == 0)
		k = fs_next_word(f, &i, x, sizeof x, &title);
	if (k == 0 || k + 1 >= sizeof x)
		return 0;
	if (x[0] >= '0' && x[0] <= '9') {
		size_t d = 0;
		while (d < k && x[d] >= '0' && x[d] <= '9')
			d++;
		if (d == k)
			return i + 1 < f->n && (f->s[i] == '/' || f->s[i] == '.') &&
			       f->s[i + 1] >= '0' && f->s[i + 1] <= '9';
		return d <= 2 && k == d + 2 &&
		       (!strcmp(x + d, "st") || !strcmp(x + d, "nd") || !strcmp(x + d, "rd") ||
		        !strcmp(x + d, "th"));
	}
	return ((fs_lookup(x, k) & K_TIME) && fs_weekday(x)) || !strcmp(x, "tomorrow") ||
	       fs_month(x);
}

static int fs_res_idiom(const struct fs *f, const char *w, size_t wn, size_t b)
{
	if (wn >= 4 && memcmp(w, "liv", 3) == 0) {
		char x[16];
		size_t k, i = b;
		while (i < f->n && (f->s[i] == ' ' || f->s[i] == '"' || f->s[i] == '\''))
			i++; /* lived "like a lodger" */
		i = fs_word_at(f, i, x, sizeof x, &k);
		if (k == 4 && memcmp(x, "like", 4) == 0)
			return fs_no_place_ahead(f, i); /* how, not where */
		if (k != 2 || memcmp(x, "in", 2) != 0)
			return 0;
		i = fs_word_at(f, i, x, sizeof x, &k);
		return k == 4 && memcmp(x, "hope", 4) == 0 && f->s[i - 4] == 'h'; /* not "in Hope" */
	}
	if (wn >= 4 && memcmp(w, "stay", 4) == 0) {
		char x[16];
		size_t k, i = fs_word_at(f, b, x, sizeof x, &k);
		if ((k == 2 && memcmp(x, "so", 2) == 0) || (k == 3 && memcmp(x, "too", 3) == 0)) {
			i = fs_word_at(f, i, x, sizeof x, &k);
			/* "for staying so long" */
			return k == 4 && memcmp(x, "long", 4) == 0 && fs_no_place_ahead(f, i);
		}
		/* s21-over: "stayed up" (awake: "stayed up all night", "said she
		 * stayed up because of the police"), with no place after it (not
		 * "stayed up north", "staying up at her mum's") */
		if (k == 2 && memcmp(x, "up", 2) == 0) {
			static const char *const NORTH[] = {"north", "there", "here", "with", NULL};
			fs_word_at(f, i, x, sizeof x, &k);
			return !(k > 0 && fs_in(x, NORTH)) && fs_no_place_ahead(f, i);
		}
		/* s41-over: "wants to stay safe from Li", "stay calm": how,
		 * with no place after it (not "stay safe at her mum's") */
		static const char *const STATE[] = {"safe", "calm", "sober", "clean", "well",
						    "strong", "quiet", "silent", "alive", "positive",
						    NULL};
		if (k > 0 && k < 16 && fs_in(x, STATE))
			return fs_no_place_ahead(f, i);
		if (k != 4 || memcmp(x, "away", 4) != 0)
			return 0;
		size_t j = i;
		while (j < f->n && f->s[j] == ' ')
			j++;
		if (j >= f->n || f->s[j] == '.' || f->s[j] == ';' || f->s[j] == '!' ||
		    f->s[j] == '?' || f->s[j] == '\n')
			return 1; /* "he will stay away." */
		i = fs_word_at(f, i, x, sizeof x, &k);
		if (k != 4 || memcmp(x, "from", 4) != 0)
			return 0; /* "staying away, <Town>", "staying away with friends" */
		fs_word_at(f, i, x, sizeof x, &k);
		return !(k == 4 && memcmp(x, "home", 4) == 0);
	}
	if (wn >= 4 && memcmp(w, "mov", 3) == 0) {
		if (fs_moved_to_when(f, b))
			return 1;
		size_t i = b;
		while (i < f->n && f->s[i] == ' ')
			i++;
		if (i + 1 < f->n && (unsigned char)f->s[i] == 0xC2 && (unsigned char)f->s[i + 1] == 0xA3)
			return 1; /* £ */
		char x[16];
		size_t k;
		i = fs_word_at(f, b, x, sizeof x, &k);
		if (k > 0 && fs_lookup(x, k) & K_DET)
			fs_word_at(f, i, x, sizeof x, &k);
		if (k > 0 && fs_in(x, FS_MONEY))
			return 1;
		/* s19-over: what is moved out of or into an account is money
		 * ("moving her inheritance (£86,000) out of her sole account"),
		 * within eight words, no name or dwelling before it */
		int title = 0;
		i = b;
		for (int words = 0; words < 8; words++) {
			k = fs_next_word(f, &i, x, sizeof x, &title);
			if (k == 0 || title || (fs_lookup(x, k) & (K_RES | K_RESN | K_HOME | K_KIN | K_TO)))
				return 0;
			if ((strcmp(x, "of") == 0 || strcmp(x, "into") == 0 || strcmp(x, "from") == 0) &&
			    fs_account_next(f, i))
				return 1;
		}
		return 0;
	}
	return 0;
}

/* s24-over: an agency whose appointment is at its office ("housing
 * appointment 12 Aug at <Name> House"), no clinic of hers */
static const char *const FS_AGENCY_APPT[] = {"housing", "probation", "solicitor", "solicitors",
					     "court", "council", "cafcass", "idva", "jobcentre",
					     "legal", "homeless", "homelessness", NULL};

/* "moved in", "moved back in" and then no place: the end, a number, a time
 * or one of FS_MOVED_IN_WHEN ("moved in yesterday", "moved back in after
 * prison"); not "moved in with her sister", "moved in to the flat". */
static const char *const FS_MOVED_IN_WHEN[] = {"after", "since", "yesterday", "last", "on",
					       "today", "recently", "when", "and", "but",
					       /* s35: "moved in without asking staff" */
					       "without", "uninvited", "again", "during", NULL};

static int fs_in(const char *w, const char *const *list);
static int fs_month(const char *w);
static int fs_weekday(const char *w);

static int fs_moved_in(const struct fs *f, size_t b)
{
	char x[16];
	size_t k;
	size_t i = fs_word_at(f, b, x, sizeof x, &k);
	if (k == 4 && memcmp(x, "back", 4) == 0)
		i = fs_word_at(f, i, x, sizeof x, &k);
	if (!(k == 2 && memcmp(x, "in", 2) == 0))
		return 0;
	fs_word_at(f, i, x, sizeof x, &k);
	return k == 0 || fs_in(x, FS_MOVED_IN_WHEN) || fs_month(x) || (k >= 3 && fs_weekday(x));
}

/*
 * s19-over: the words of a line after b, one at a time, for the rules below
 * that read a few words ahead: the next word folded into x (NUL-terminated,
 * cap bytes; *title if it starts with a capital), skipping what is no letter
 * or digit; 0 at a sentence's or line's end (. ; ! ? or a line break) or the
 * text's. *i is advanced past the word.
 */
static size_t fs_next_word(const struct fs *f, size_t *i, char *x, size_t cap, int *title)
{
	while (*i < f->n && !fs_alnum(f->s[*i])) {
		unsigned char ch = f->s[*i];
		if (ch == '.' || ch == ';' || ch == '!' || ch == '?' || ch == '\n')
			return 0;
		(*i)++;
	}
	if (*i >= f->n)
		return 0;
	*title = f->s[*i] >= 'A' && f->s[*i] <= 'Z';
	size_t k = fs_alnum_word(f, i, f->n, x, cap);
	if (k + 1 >= cap)
		x[cap - 1] = 0;
	return k;
}

/*
 * s19-over: is the aside opening at j, '(' ... ')' within 40 bytes on its
 * line (or over one hard wrap), a landlord's name: no digit, capitalised words, the last one
 * Council, Homes, Housing or Trust ("(<Town> Council)", "(<Name> Homes)")?
 * *after is set past its ')'.
 */
static int fs_landlord_aside(const struct fs *f, size_t j, size_t *after)
{
	static const char *const HEAD[] = {"council", "homes", "housing", "trust", NULL};
	size_t i = j + 1, e = j + 1;
	int nl = 0; /* s20-over: one hard wrap inside ("(<Town>\nHomes)") */
	while (e < f->n && e < j + 40 && f->s[e] != ')' && !(f->s[e] == '\n' && nl++))
		if (f->s[e++] >= '0' && f->s[e - 1] <= '9')
			return 0;
	if (e >= f->n || f->s[e] != ')')
		return 0;
	char x[16];
	int title = 0, last = 0;
	while (i < e) {
		while (i < e && !fs_alnum(f->s[i]))
			i++;
		if (i >= e)
			break;
		title = f->s[i] >= 'A' && f->s[i] <= 'Z';
		size_t k = fs_alnum_word(f, &i, e, x, sizeof x);
		if (!title || k + 1 >= sizeof x)
			return 0;
		last = fs_in(x, HEAD);
	}
	if (last)
		*after = e + 1;
	return last;
}

/*
 * s19-over: does the clause after i hold no name and no number up to its
 * sentence's or line's end (at most eight words), and no place by
 * fs_no_place_ahead? "tenancy, joint." is the tenure alone; "Tenancy:
 * joint, <Landlord>, <Street>" names where. A closing bracket ends it too.
 */
static const char *const FS_TITLE_WORDS[] = {"mr", "mrs", "ms", "miss", "mx", NULL};

static int fs_plain_ahead(const struct fs *f, size_t i)
{
	char x[16];
	int title = 0, since = 0;
	size_t j = i;
	for (int words = 0; words < 8; words++) {
		while (j < f->n && f->s[j] == ' ')
			j++;
		if (j < f->n && f->s[j] == ')')
			break;
		if (j < f->n && f->s[j] == '(' && fs_landlord_aside(f, j, &j))
			continue; /* "sole in her name (<Town> Council)" */
		size_t k = fs_next_word(f, &j, x, sizeof x, &title);
		if (k == 0)
			break;
		/* s20-over: a person by title ("sole name Ms <Name>", "joint
		 * (Mrs <Name> / Mr <Name>)"): whose name it is in; a year after
		 * "since" ("in her name since 2024"): when, not a house number */
		if (fs_in(x, FS_TITLE_WORDS)) {
			if (fs_next_word(f, &j, x, sizeof x, &title) == 0)
				break;
			words++;
			since = 0;
			continue;
		}
		if (since && k == 4 && (memcmp(x, "19", 2) == 0 || memcmp(x, "20", 2) == 0) &&
		    x[2] >= '0' && x[2] <= '9' && x[3] >= '0' && x[3] <= '9') {
			since = 0;
			continue;
		}
		since = k == 5 && memcmp(x, "since", 5) == 0;
		if (title || (x[0] >= '0' && x[0] <= '9'))
			return 0;
	}
	return fs_no_place_ahead(f, i);
}

/*
 * s20-over: is the tenancy ending at b, after its holder ("her", "<Name>'s"),
 * the one held: no word of its start next ("her tenancy starts ...", "begins",
 * "from") and nothing after by fs_plain_ahead (no name, number or place)?
 * Who holds a tenancy is no statement of where; a new one is ("her new
 * tenancy": "new" is no holder).
 */
static int fs_tenancy_held(const struct fs *f, size_t b)
{
	static const char *const START[] = {"starts", "start", "started", "begins", "begin",
					    "began", "from", "offer", "offered", "signed",
					    "signing", "sign-up", NULL};
	char x[16];
	int title = 0;
	size_t i = b, k = fs_next_word(f, &i, x, sizeof x, &title);
	if (k > 0 && fs_in(x, START))
		return 0;
	return fs_plain_ahead(f, b);
}

/* s20-over: is the word after b "together", with no place after it by
 * fs_no_place_ahead ("stay together for the children"; not "stay together
 * at her mum's")? */
static int fs_together_only(const struct fs *f, size_t b)
{
	char x[16];
	size_t k, i = fs_word_at(f, b, x, sizeof x, &k);
	return k == 8 && memcmp(x, "together", 8) == 0 && fs_no_place_ahead(f, i);
}


/*
 * s19-over: is the tenancy ending at b told by its tenure, so the one held
 * already: "sole" or "joint" right after it, or after "secure" or "assured"
 * ("CYC tenancy, sole", "secure tenancy (joint)", "Tenancy: secure, joint"),
 * or whose name it is in within ten words on its line ("<Landlord> tenancy
 * in her sole name", "tenancy (<Landlord>) is in her name only", "in joint
 * names"), and no place after that name ("in her name at 4 Oak Row")? Not a
 * tenancy in a place ("tenancy in <Town> in her name": a capitalised word
 * or a number right after "in" ends the reading) nor after "new" and the
 * like (prev). Reads at most twelve words.
 */
static int fs_tenure_stated(const struct fs *f, size_t b, const char *prev)
{
	if (prev && fs_in(prev, FS_TENANCY_NEW))
		return 0;
	char x[16];
	int title = 0, in = -1, tenure = 1;
	size_t i = b;
	for (int words = 0; words < 12; words++) {
		size_t k = fs_next_word(f, &i, x, sizeof x, &title);
		if (k == 0)
			return 0;
		if (tenure && (strcmp(x, "sole") == 0 || strcmp(x, "joint") == 0))
			return fs_plain_ahead(f, i);
		tenure = tenure && words == 0 && (strcmp(x, "secure") == 0 || strcmp(x, "assured") == 0);
		if (in >= 0 && (strcmp(x, "name") == 0 || strcmp(x, "names") == 0))
			return fs_plain_ahead(f, i);
		if (in >= 0 && words == in + 1 && (title || (x[0] >= '0' && x[0] <= '9')))
			return 0; /* "in <Town>", "in 2 Oak Row" */
		if (in >= 0 && words > in + 4)
			in = -1;
		if (strcmp(x, "in") == 0)
			in = words;
	}
	return 0;
}

/* A police or council system's flag on an address */
static const char *const FS_MARKER[] = {"marker", "markers", "flag", "flags", "flagged",
					"alert", "alerts", "warning", NULL};

/*
 * s19-over: is the address word [a, b) the one a marker is on: a marker or
 * flag word among the three words before it ("Police marker on home
 * address", "Marker on victim's address", "marker on both addresses", "flag
 * address") or right after it ("address marker renewed", "Address flagged
 * on our system")? A flag on an address is on the one the notes know; not
 * "new" among those words ("marker on her new address"), nor a place after
 * it ("marker on the address in <Town>", "at 4 Oak Row"). Reads at most
 * four words back on its line and two ahead.
 */
static int fs_address_marker(const struct fs *f, size_t a, size_t b)
{
	char x[16];
	int title = 0, marker = 0;
	size_t i = b, k = fs_next_word(f, &i, x, sizeof x, &title);
	if (k && fs_in(x, FS_MARKER))
		marker = 1;
	else if (k && (strcmp(x, "in") == 0 || strcmp(x, "at") == 0 || strcmp(x, "near") == 0 ||
	               strcmp(x, "on") == 0)) {
		k = fs_next_word(f, &i, x, sizeof x, &title);
		if (k && (title || (x[0] >= '0' && x[0] <= '9') || (fs_lookup(x, k) & K_DET)))
			return 0;
	}
	size_t j = a;
	for (int words = 0; words < 4;) {
		while (j > 0 && !fs_alnum(f->s[j - 1]) && f->s[j - 1] != '\n' && f->s[j - 1] != '.' &&
		       f->s[j - 1] != ';')
			j--;
		size_t e = j;
		while (j > 0 && fs_alnum(f->s[j - 1]) && e - j < 15)
			j--;
		if (j == e || (j > 0 && fs_alnum(f->s[j - 1])))
			break;
		if (e - j == 1 && (f->s[j] | 0x20) == 's' && j > 0 && f->s[j - 1] == '\'')
			continue; /* "victim's": the word before is whose */
		for (size_t q = j; q < e; q++)
			x[q - j] = (char)(f->s[q] | 0x20);
		x[e - j] = 0;
		if (strcmp(x, "new") == 0 || strcmp(x, "temporary") == 0)
			return 0;
		if (words < 3 && fs_in(x, FS_MARKER))
			marker = 1;
		words++;
	}
	return marker;
}

/* s19-over: is "family" at [a, b) in "the family home" or "the former
 * (old, previous) family home" or house: the word before one of those, the
 * word after home or house? */
static int fs_family_home(const struct fs *f, size_t a, size_t b)
{
	static const char *const BEFORE[] = {"the", "former", "old", "previous", "original", NULL};
	char x[16];
	int title = 0;
	size_t i = b, k = fs_next_word(f, &i, x, sizeof x, &title);
	if (!(k == 4 && (strcmp(x, "home") == 0 || strcmp(x, "house") == 0)))
		return 0;
	k = fs_prev_word(f, a, x, sizeof x, NULL);
	return k > 0 && fs_in(x, BEFORE);
}

/*
 * s19-over: is one of the three words after b (a determiner and a
 * modifier between) an account or a name: "go into the joint account", "out of
 * her sole account" (a bank's, where money goes), "is in her sole name",
 * "in joint names" (whose a tenancy is)? No place, as "into his account"
 * and "in her name" are none. A hard-wrapped line goes on ("the joint\n
 * account"). Reads at most three words ("of her sole account").
 */
static int fs_account_next(const struct fs *f, size_t b)
{
	static const char *const NOUN[] = {"account", "accounts", "acct", "accts", "name", "names",
					   NULL};
	char x[16];
	size_t i = b;
	for (int words = 0; words < 3; words++) {
		while (i < f->n && (f->s[i] == ' ' || f->s[i] == '\n' || f->s[i] == '\r'))
			i++;
		size_t k = fs_alnum_word(f, &i, f->n, x, sizeof x);
		if (k == 0 || k + 1 >= sizeof x)
			return 0;
		if (fs_in(x, NOUN))
			return 1;
	}
	return 0;
}

/*
 * Is the word at or after i on its line a name of somewhere: capitalised
 * ("Leyburn", a word in a CAD's capitals), listed in no class (not "The",
 * "She", "Council") and no month or weekday? With preps, only after one of
 * them ("on <Name> Lane", "in Hawes"). For a dwelling or an area named where
 * it is, and a place she would accept.
 */
static const char *const FS_WHERE_PREPS[] = {"on", "in", "at", "near", "off", NULL};
static const char *const FS_FROM_TO[] = {"from", "to", NULL};
/* means of transport among the routine words (K_ROUT) */
static const char *const FS_CONVEYANCE[] = {"bus", "train", "tram", "taxi", "cab", "uber",
					    "megabus", "ferry", "ferries", "sailing", "crossing",
					    "flight", "flights", "coach", "journey", "lift", NULL};

/* Messaging apps a contact word may not name itself ("whatsapp" does). */
static const char *const FS_APPS[] = {"whatsapp", NULL};

/* Is the word before a (or the one before that, when det: "on the
 * landline", "on her mobile") "on"? */
static int fs_after_on(const struct fs *f, size_t a, int det)
{
	size_t i = a;
	for (int back = 0; back <= det; back++) {
		while (i > 0 && f->s[i - 1] == ' ')
			i--;
		size_t e = i;
		while (i > 0 && fs_alnum(f->s[i - 1]))
			i--;
		if (back == det)
			return e - i == 2 && (f->s[i] | 0x20) == 'o' && (f->s[i + 1] | 0x20) == 'n';
	}
	return 0;
}

/* Is the next word "and" or "&"? ("Mum and <Name> to ...") */
static int fs_next2_is_and(const struct fs *f, size_t b)
{
	size_t i = b;
	while (i < f->n && f->s[i] == ' ')
		i++;
	if (i < f->n && f->s[i] == '&')
		return 1;
	return i + 3 < f->n && (f->s[i] | 0x20) == 'a' && (f->s[i + 1] | 0x20) == 'n' &&
	       (f->s[i + 2] | 0x20) == 'd' && f->s[i + 3] == ' ';
}

/* Words that open a condition clause: who is in it does not make the
 * clause his. */
static const char *const FS_COND_CLAUSE[] = {"until", "till", "til", "unless", NULL};


/* What is paid from someone's: "from her uncle's account" names no home. */
static const char *const FS_ACCOUNT[] = {"account", "accounts", "bank", "card", "wages",
                                         "pension",
                                         /* s40-over: "took £180 from mother's purse" */
                                         "purse", "wallet", "handbag", "bag", "tin", NULL};

/* s19-over: what follows someone's when it is no home of theirs: an event
 * or a part of the body (place.c's PL_NOT_HOME) */
static const char *const FS_NOT_HOME[] = {
    "match", "game", "party", "birthday", "funeral", "wedding", "christening", "training",
    "graduation", "concert", "throat", "neck", "face", "head", "arm", "arms", "hair", "chest",
    "stomach", "leg", "legs", "hand", "hands", NULL};

/* An agency's own premises, where a worker meets her: no whereabouts of
 * hers ("met client at the office", "seen in clinic"). */
static const char *const FS_VENUE[] = {"office", "offices", "service", "services", "centre",
                                       "center", "base", "hub", "station", "clinic", "surgery",
                                       "ward", "unit", "premises", "reception", "building",
                                       "project", "department", "team", "practice", NULL};

/* s21-over: what someone goes to that is something done, not a place: a
 * programme, a course, a group, an outreach service's sessions */
static const char *const FS_ACTIVITY[] = {"programme", "programmes", "program", "course",
					  "courses", "group", "groups", "session", "sessions",
					  "class", "classes", "outreach", "counselling", "workshop",
					  NULL};

/*
 * s21-over: does the object of "go to" opening at a name an activity: a
 * word of FS_ACTIVITY there or after up to three capitalised words ("will
 * go to the Freedom Programme", "go to <Name> outreach"), then no place in
 * its clause (fs_no_place_ahead: not "the group at <Name> House")? Reads at
 * most four words and fs_no_place_ahead's eight.
 */
static int fs_activity_ahead(const struct fs *f, size_t a)
{
	char x[16];
	size_t i = a;
	int title = 0;
	for (int words = 0; words < 4;) {
		size_t k = fs_next_word(f, &i, x, sizeof x, &title);
		if (k == 0 || k + 1 >= sizeof x)
			return 0;
		x[k] = 0;
		if (k == 1 && x[0] == 's' && f->s[i - 2] == '\'')
			continue; /* "Women's" */
		if (fs_in(x, FS_ACTIVITY))
			return fs_no_place_ahead(f, i);
		if (!title)
			return 0;
		words++;
	}
	return 0;
}

/* s41: "in bed and breakfast", "B&B": a bed then "and" or "&" is a place
 * to stay, not sleep */
static int fs_bed_and(const struct fs *f, size_t b)
{
	size_t i = b;
	while (i < f->n && f->s[i] == ' ')
		i++;
	return i < f->n && (f->s[i] == '&' || fs_word_is(f->s, f->n, i, "and"));
}

/*
 * Is a word of list among the three words from a, before any word of a
 * class in stop? *after is set past it. fs_state_ahead and
 * fs_service_ahead read so.
 */
static int fs_word_within3(const struct fs *f, size_t a, const char *const *list, uint64_t stop,
			   size_t *after)
{
	char x[16];
	size_t i = a;
	int title = 0;
	for (int words = 0; words < 3; words++) {
		size_t k = fs_next_word(f, &i, x, sizeof x, &title);
		if (k == 0 || k + 1 >= sizeof x)
			return 0;
		x[k] = 0;
		if (fs_in(x, list)) {
			*after = i;
			return 1;
		}
		if (fs_lookup(x, k) & stop)
			return 0;
	}
	return 0;
}

/* s41-over: a state one is in, no place: "in a (same-sex) relationship",
 * "in a panic", within three words of a */
static int fs_state_ahead(const struct fs *f, size_t a)
{
	static const char *const STATE[] = {"relationship", "relationships", "marriage", "panic",
					    "hurry", "rush", "mess", NULL};
	size_t i;
	return fs_word_within3(f, a, STATE, K_RES | K_RESN | K_PLACE, &i); /* (not "a panic room") */
}

/*
 * s39-over: does the object opening at a end, within three words, in a
 * service's or a court room's word: "referred back to the memory service",
 * "friends in public gallery"? An agency's work or a hearing, none of her
 * places (not "project", "unit" or "centre": a refuge may be called so).
 */
static const char *const FS_NOT_HERS[] = {"service", "services", "team", "clinic", "department",
					  "gallery", "courtroom", NULL};
static int fs_service_ahead(const struct fs *f, size_t a)
{
	/* (not "the refuge service", "her mum's team") */
	size_t i;
	return fs_word_within3(f, a, FS_NOT_HERS, K_RES | K_RESN | K_KIN, &i) &&
	       fs_no_place_ahead(f, i);
}

/*
 * s39-over: a room by its use at an agency's, a court's or a hospital's
 * ("our consultation room", "the interview room", "the side room"): none
 * of her homes. Is w such a use and the next word "room" or "suite"?
 */
static const char *const FS_ROOM_USE[] = {
	"consultation", "consulting", "interview", "waiting", "meeting", "treatment", "side",
	"quiet", "staff", "visiting", "therapy", "counselling", "examination", "exam", "contact",
	"video", "relatives", "evidence", "witness", "custody", "clinic", "group", NULL};
static int fs_room_use(const struct fs *f, const char *w, size_t wn, size_t b)
{
	char x[16], nx[16];
	int title;
	if (wn + 1 >= sizeof x)
		return 0;
	memcpy(x, w, wn);
	x[wn] = 0;
	if (!fs_in(x, FS_ROOM_USE))
		return 0;
	size_t k = fs_peek(f, b, nx, sizeof nx, &title);
	return (k == 4 && memcmp(nx, "room", 4) == 0) || (k == 5 && memcmp(nx, "rooms", 5) == 0) ||
	       (k == 5 && memcmp(nx, "suite", 5) == 0);
}

/*
 * s39-over: is the word after b, past "the", an authority called ("he will
 * call immigration", "threatened to ring the police", "phone 999")? A
 * threat or a report, no contact with her.
 */
static const char *const FS_AUTHORITY[] = {"immigration", "police", "999", "101", "cops",
					   "ambulance", "council", "housing", NULL};
static int fs_calls_authority(const struct fs *f, size_t b)
{
	char x[16];
	int title;
	size_t i = b, k = fs_next_word(f, &i, x, sizeof x, &title);
	if (k == 3 && memcmp(x, "the", 3) == 0)
		k = fs_next_word(f, &i, x, sizeof x, &title);
	return k > 0 && k + 1 < sizeof x && (x[k] = 0, fs_in(x, FS_AUTHORITY));
}

/* "gone up north", "moved down south": a direction is somewhere. */
static const char *const FS_COMPASS[] = {"north", "south", "east", "west", "north-east",
					 "north-west", "south-east", "south-west", "country", NULL};

/* Feasts and holidays: "over Christmas" is when, not where. */
static const char *const FS_FEASTS[] = {"christmas", "xmas", "easter", "eid", "diwali",
                                        "ramadan", "halloween", "hanukkah", "new", NULL};

static int fs_named_at(const struct fs *f, size_t i, const char *const *preps)
{
	char x[16];
	size_t k;
	if (preps) {
		i = fs_word_at(f, i, x, sizeof x, &k);
		if (k == 0 || !fs_in(x, preps))
			return 0;
	}
	while (i < f->n && f->s[i] == ' ')
		i++;
	if (i >= f->n || f->s[i] < 'A' || f->s[i] > 'Z')
		return 0;
	i = fs_word_at(f, i, x, sizeof x, &k);
	if (k < 2 || (i < f->n && f->s[i] == '\''))
		return 0; /* not someone's: "consider <Name>'s Law" */
	return (k + 1 == sizeof x || fs_lookup(x, k) == 0) && !fs_month(x) && !fs_weekday(x);
}

/* A place named right after a word ending at b: "in <Town>", "near <Name>",
 * ", <Town>", "(<Name> ...", "(Flat 2 ...", ", 12 ...", " - <Town>", "/
 * <Town>", ": <Town>" (not a clock time or a date: ", 23:10", "(14/11)"):
 * the incident's home is then somewhere named
 * (fs_incident_at_home's callers withhold it as before). */
static int fs_place_follows(const struct fs *f, size_t b)
{
	if (fs_named_at(f, b, FS_WHERE_PREPS))
		return 1;
	size_t i = b;
	while (i < f->n && f->s[i] == ' ')
		i++;
	if (i >= f->n || (f->s[i] != ',' && f->s[i] != '(' && f->s[i] != '-' && f->s[i] != '/' &&
	                  f->s[i] != ':'))
		return 0;
	int sep = f->s[i] != ',' && f->s[i] != '(';
	i++;
	while (i < f->n && f->s[i] == ' ')
		i++;
	if (i < f->n && f->s[i] >= '0' && f->s[i] <= '9') {
		/* a house number, not a clock time or a date (", 23:10", "(14/11)") */
		size_t j = i;
		while (j < f->n && j - i < 4 && f->s[j] >= '0' && f->s[j] <= '9')
			j++;
		return !(j + 1 < f->n && (f->s[j] == ':' || f->s[j] == '/' || f->s[j] == '.') &&
		         f->s[j + 1] >= '0' && f->s[j + 1] <= '9');
	}
	if (!(i < f->n && f->s[i] >= 'A' && f->s[i] <= 'Z'))
		return 0;
	if (!sep)
		return 1;
	/* after a dash, a slash or a colon, a town or a word no list knows;
	 * not an agency or a common word ("DA at home - Police attended",
	 * "- Children present") */
	size_t j = i;
	while (j < f->n && j - i < 24 && fs_alnum(f->s[j]))
		j++;
	unsigned lx = lex_classify((const char *)f->s + i, j - i);
	return (lx & LEX_PLACE) || !(lx & (LEX_ALLOW | LEX_COMMON));
}

/* A record someone rings back from (fs_from_where) */
static const char *const FS_LOG[] = {"log", "logs", "cad", "incident", "occurrence", "serial",
				     NULL};

/* Rooms of a dwelling (fs_from_where) */
static const char *const FS_ROOMS[] = {"bathroom", "bedroom", "kitchen", "toilet", "lounge",
				       "landing", "hallway", "loft", "attic", NULL};

/*
 * After "rang from", "ringing from", "called from": is
 * what follows somewhere she is rather than the line she rang on or who
 * rang? Up to five words: a phone, a number or a channel ("from a withheld
 * number", "from her work mobile"), a person by a pronoun or kin without a
 * possessive ("from her sister": who), a time or a date are not; a
 * place word, a name or any other noun is ("from the cafe by the
 * station", "FROM ACROSS THE PARK", "from work").
 * fs_from_word reads one word x of that clause (i to j, class c): 1 or 0
 * when it decides, -1 to read on.
 */
static int fs_from_word(const struct fs *f, size_t i, size_t j, const char *x, uint64_t c,
                        int poss, int nw, int *where)
{
	if (c & (K_DEV | K_CALL | K_INTERP | K_ROUTE | K_HE))
		return 0;
	if ((c & (K_TIME | K_DAYAB | K_CLOCKW | K_BIZ)) || fs_month(x))
		return *where; /* "from the surgery on Monday", not "from Monday" */
	if (fs_in(x, FS_LOG))
		return 0; /* s19-over: "RING BACK FROM PREVIOUS LOG 0877": a
			   * record, no place */
	static const char *const HIDDEN_NO[] = {"withheld", "unknown", "hidden", "several",
						 "multiple", "various", NULL};
	if (nw == 0 && fs_in(x, HIDDEN_NO))
		return 0; /* s41-over: "rang V 42 times from withheld numbers" */
	if ((c & K_KIN) && !poss) {
		/* "from her sister": who, unless her name and a
		 * possessive follow ("from her friend Jo's") */
		while (j < f->n && f->s[j] == ' ')
			j++;
		if (j >= f->n || f->s[j] < 'A' || f->s[j] > 'Z')
			return *where;
		char y[16];
		size_t yk;
		j = fs_word_at(f, j, y, sizeof y, &yk);
		return yk > 0 && j < f->n && f->s[j] == '\'';
	}
	if ((c & K_SHE) && !(c & K_DET) && !poss)
		return 0; /* "from her", "from them" */
	if ((c & (K_PREP | K_ABOVE | K_ADV)) && *where == 0 && nw == 0)
		return 1; /* "FROM ACROSS THE PARK", "from outside the shop" */
	if ((c & (K_PREP | K_TO)) && *where)
		return 1; /* "from the cafe in ...": the place was named */
	if ((c & K_RESN) && fs_dwell_known(f, i, j))
		return 0; /* "from her home", "from the bathroom of her flat":
			   * the home the notes know (s15-over) */
	if (nw > 0 && fs_in(x, FS_ROOMS)) {
		/* s19-over: "called 999 from the bathroom 0115": a room
		 * of the home the notes know, unless where it is follows
		 * ("from the bathroom at her mum's") */
		char nx[16];
		int title;
		size_t nk = fs_peek(f, j, nx, sizeof nx, &title);
		if (!(nk && (fs_lookup(nx, nk) & (K_PREP | K_TO))))
			return 0;
	}
	if (!(c & (K_DET | K_NDET | K_FUNC)))
		*where = 1; /* a noun or a name: somewhere, unless a phone follows */
	return -1;
}

/* Public places a call comes from (fs_from_where's public mode) */
static const char *const FS_PUBLIC[] = {"shop", "store", "supermarket", "park", "carpark",
					"centre", "entrance", "station", "garage", "pub", "cafe",
					"layby", "services", "hotel", "forecourt", "precinct",
					"market", "mall", "arcade", "subway", "underpass", NULL};

/*
 * Does the clause from i (after "from"; it ends at a comma, a dash, a full
 * stop, after at most five words) name somewhere? With `public_only`
 * (s30-never, "Call from <Hospital> staff car park", "CALLER FROM SHOP -
 * <NAME>"), only a word that names a public place counts (a shop, a car
 * park, a street, a station, a chain's branch) and someone calling ("from
 * her mum", "from IDVA", "from the school") is none.
 */
static int fs_from_where(const struct fs *f, size_t i, int public_only)
{
	char x[16];
	size_t k;
	int where = 0;
	for (int nw = 0; nw < 5 + public_only; nw++) {
		while (i < f->n && f->s[i] == ' ')
			i++;
		if (i >= f->n || !(fs_alnum(f->s[i]) || f->s[i] == '\''))
			break; /* the clause's end: what it named decides */
		if (f->s[i] >= '0' && f->s[i] <= '9') {
			size_t d = 0;
			while (i < f->n && ((f->s[i] >= '0' && f->s[i] <= '9') || f->s[i] == ' '))
				d += f->s[i++] != ' ';
			if (d >= 5)
				return 0; /* a phone number */
			while (i < f->n && fs_alnum(f->s[i]))
				i++; /* "24HR", "from 24 Hour Garage" */
			continue;
		}
		size_t j = fs_word_at(f, i, x, sizeof x, &k);
		if (k == 0)
			break;
		int poss = j < f->n && f->s[j] == '\'';
		uint64_t c = fs_lookup(x, k);
		if (public_only) {
			if (c & (K_KIN | K_HE | K_SHE | K_CALL | K_DEV | K_INTERP))
				return 0;
			if (fs_in(x, FS_PUBLIC) || (lex_classify((const char *)f->s + i, j - i) &
			                            (LEX_STREET | LEX_SHOP)))
				return 1;
		} else {
			int r = fs_from_word(f, i, j, x, c, poss, nw, &where);
			if (r >= 0)
				return r;
		}
		i = j;
		while (public_only && i < f->n && fs_alnum(f->s[i]))
			i++; /* the rest of a long word */
		while (i < f->n && f->s[i] == '\'')
			i++, i += i < f->n && (f->s[i] | 0x20) == 's';
		if (i < f->n && f->s[i] != ' ')
			break; /* "the office." */
	}
	return public_only ? 0 : where;
}

/* Does "from" follow b, and then a public place (fs_from_where)? */
static int fs_from_place(const struct fs *f, size_t b)
{
	char x[16];
	size_t k, i = fs_word_at(f, b, x, sizeof x, &k);
	return k == 4 && memcmp(x, "from", 4) == 0 && fs_from_where(f, i, 1);
}

/* Whom a verb of contact names: "telephone her", "telephone back". */
static const char *const FS_WHOM[] = {"her", "him", "them", "me", "us", "back", "again", NULL};

/* Does "write" ending at b say to whom her post goes: "to" and whom next
 * ("write to me", "write to her"), or "c/o" ("we write c/o her sister")? */
static int fs_write_to_her(const struct fs *f, size_t b)
{
	char nx[8];
	int title;
	size_t k = fs_peek(f, b, nx, sizeof nx, &title), i = b;
	while (i < f->n && f->s[i] == ' ')
		i++;
	if (k == 1 && nx[0] == 'c' && i + 2 < f->n && f->s[i + 1] == '/' && (f->s[i + 2] | 0x20) == 'o')
		return 1;
	if (k != 2 || memcmp(nx, "to", 2) != 0)
		return 0;
	return fs_peek(f, i + 2, nx, sizeof nx, &title) > 0 && fs_in(nx, FS_WHOM);
}

/* What follows "c/o" when it is "care of" (a route for her post: "c/o the
 * surgery", "c/o her sister"), not "complains of" ("c/o headache"). */
static const char *const FS_CO_DET[] = {"the", "her", "his", "their", "my", "our", "a", "an", NULL};

/* One word or number [a, b), folded w[0..wn) (wn 0: too long to be listed),
 * c its classes (fs_lookup). */
static int fs_time_range(const char *w, size_t wn);

/*
 * A message relayed is a route to her (word(), S_SAFE; 2: a quoted code,
 * S_CODE too): "message(s)"
 * after pass, get, take or relay (base forms) with at most "a", "on" or "on a" between
 * ("will pass on messages", "can get a message to her"); "ask" then "for"
 * and a quote ("ask for 'the cleaner'": the name she goes by on that
 * phone). Reads at most three short words back and six bytes on: linear.
 */
static size_t fs_word_back(const unsigned char *s, size_t lo, size_t j, char *out, size_t cap)
{
	while (j > lo && s[j - 1] == ' ')
		j--;
	size_t e = j;
	while (j > lo && e - j < cap - 1 && ((s[j - 1] | 0x20) >= 'a' && (s[j - 1] | 0x20) <= 'z'))
		j--;
	if (j > lo && ((s[j - 1] | 0x20) >= 'a' && (s[j - 1] | 0x20) <= 'z'))
		e = j; /* too long: no word of ours */
	for (size_t k = j; k < e; k++)
		out[k - j] = (char)(s[k] | 0x20);
	out[e - j] = 0;
	return j;
}

/* put, puts, putting: "her sister is putting her up" (word(): f->putup) */
static inline int fs_put_verb(const char *w, size_t wn)
{
	return (wn == 3 && memcmp(w, "put", 3) == 0) || (wn == 4 && memcmp(w, "puts", 4) == 0) ||
	       (wn == 7 && memcmp(w, "putting", 7) == 0);
}

/* Words no class lists that a rule still reads (fs_relay, fs_want_areas,
 * S_PLACEP): they go to word(), not the fast path. */
/* "days", "shifts", "hours": her working days after "her" (word()) */
static inline int fs_work_days(const char *w, size_t wn)
{
	return (wn == 4 && memcmp(w, "days", 4) == 0) || (wn == 6 && memcmp(w, "shifts", 6) == 0) ||
	       (wn == 5 && memcmp(w, "hours", 5) == 0);
}

static inline int fs_rare_cue(const char *w, size_t wn)
{
	if ((w[0] == 'd' || w[0] == 'w' || w[0] == 'f') && wn >= 4 && wn <= 8 && fs_in(w, FS_DROVE))
		return 1; /* (word(): the take window) */
	if (fs_work_days(w, wn))
		return 1; /* (word(): her working days) */
	switch (w[0]) {
	case 'a': return wn == 3 && memcmp(w, "ask", 3) == 0;
	case 'e': return (wn == 4 && memcmp(w, "ends", 4) == 0) ||
		         (wn == 6 && memcmp(w, "ending", 6) == 0); /* "Mob ends 392" */
	case 'b': return (wn == 5 && memcmp(w, "break", 5) == 0) ||
		         (wn == 6 && memcmp(w, "booked", 6) == 0);
	case 'f': return wn == 5 && memcmp(w, "found", 5) == 0;
	case 'h': return (wn == 4 && memcmp(w, "host", 4) == 0) ||
		         (wn == 6 && memcmp(w, "hidden", 6) == 0) ||
		         (wn == 6 && memcmp(w, "handed", 6) == 0) || /* s41: a contact's */
		         (wn >= 8 && wn <= 9 && memcmp(w, "handover", 8) == 0); /* handover */
	case 'l': return (wn == 4 && memcmp(w, "like", 4) == 0) ||
		         (wn == 8 && memcmp(w, "location", 8) == 0) || /* s30-never: a CAD's label */
		         (wn == 4 && memcmp(w, "locn", 4) == 0) ||
		         (wn == 5 && memcmp(w, "lunch", 5) == 0) ||
		         (wn == 6 && memcmp(w, "locked", 6) == 0);
	case 'w': return (wn == 6 && memcmp(w, "wanted", 6) == 0) ||
		         (wn == 4 && memcmp(w, "word", 4) == 0);
	case 'p': return (wn == 7 && memcmp(w, "pretend", 7) == 0) ||
		         (wn == 7 && memcmp(w, "pretext", 7) == 0) ||
		         (wn >= 9 && wn <= 11 && memcmp(w, "prefer", 6) == 0) ||
		         (wn == 8 && memcmp(w, "password", 8) == 0) ||
		         (wn == 6 && memcmp(w, "phrase", 6) == 0) ||
		         (wn == 6 && memcmp(w, "parked", 6) == 0) || /* s30-never: go_win */
		         fs_put_verb(w, wn); /* "putting her up": f->putup */
	case 'r': return wn == 8 && memcmp(w, "requests", 8) == 0;
	case 's': return (wn == 5 && memcmp(w, "since", 5) == 0) || /* S_PLACEP after lives with */
		         (wn == 3 && memcmp(w, "say", 3) == 0) ||
		         (wn == 4 && memcmp(w, "sent", 4) == 0) || /* s20-over: S_HISMSG */
		         (wn == 4 && memcmp(w, "stop", 4) == 0);
	case 'c': return (wn == 5 && memcmp(w, "cover", 5) == 0) ||
		         (wn == 7 && memcmp(w, "collect", 7) == 0) || /* s30-never */
		         (wn == 6 && memcmp(w, "caller", 6) == 0) || /* "FEMALE CALLER FROM" */
		         (wn == 5 && memcmp(w, "coded", 5) == 0);
	case 'd': return wn == 9 && memcmp(w, "disguised", 9) == 0;
	/* s37-never: "stop at his", "an offer in <Town>", "to mine", "round
	 * theirs", "to ours" */
	case 'o': return (wn == 5 && memcmp(w, "offer", 5) == 0) ||
		         (wn == 6 && memcmp(w, "offers", 6) == 0) ||
		         (wn == 4 && memcmp(w, "ours", 4) == 0);
	case 'm': return wn == 4 && memcmp(w, "mine", 4) == 0;
	case 't': return wn == 6 && memcmp(w, "theirs", 6) == 0;
	default: return 0;
	}
}

/*
 * The word at j, after "password", "code" or "phrase" at a written in small
 * letters, is a code set in capitals: four to twenty capitals, a whole word
 * ("use password MANGO", "code phrase BLUE KETTLE"; not "knows her
 * password", "code 3", "PASSWORD RESET" in a CAD's capitals, an agency's
 * acronym of three: "code DVA"). Reads at most 21 bytes.
 */
static int fs_caps_code(const struct fs *f, size_t a, size_t j)
{
	const unsigned char *s = f->s;
	if (a >= f->n || !(s[a] >= 'a' && s[a] <= 'z'))
		return 0;
	size_t e = j;
	while (e < f->n && e - j <= 20 && s[e] >= 'A' && s[e] <= 'Z')
		e++;
	if (e - j < 4 || e - j > 20)
		return 0;
	return e >= f->n || !fs_alnum(s[e]);
}

/* Verbs a cover name follows after "as" (fs_cover_story). */
static const char *const FS_COVER_AS[] = {"booked", "coded", "disguised", NULL};

/* Does s[j..) read lit (ASCII, lower case, any case in s)? */
static int fs_at(const struct fs *f, size_t j, const char *lit)
{
	size_t k = 0;
	while (lit[k] && j + k < f->n && (f->s[j + k] | 0x20) == (unsigned char)lit[k])
		k++;
	return lit[k] == 0;
}

static int fs_cover_story(const struct fs *f, size_t b, const char *w, size_t wn)
{
	char x[16];
	if (wn < 3 || wn > 10)
		return 0;
	if (w[0] != 'p' && w[0] != 'c' && w[0] != 's' && w[0] != 'b' && w[0] != 'd')
		return 0; /* the first letters of the words below */
	memcpy(x, w, wn);
	x[wn] = 0;
	if (!strcmp(x, "pretend") || !strcmp(x, "pretext"))
		return 1;
	/* (s57: "Agreed cover: any call will be \"about the jabs\"") */
	if (!strcmp(x, "cover")) {
		char pw[16];
		fs_prev_word(f, b - wn, pw, sizeof pw, NULL);
		/* (not "Agreed cover: N/A", "none in place") */
		return fs_at(f, b, " story") ||
		       (fs_at(f, b, ": ") && !strcmp(pw, "agreed") && !fs_at(f, b, ": n/a") &&
			!fs_at(f, b, ": none") && !fs_at(f, b, ": nil") && !fs_at(f, b, ": no "));
	}
	if (!strcmp(x, "say")) {
		if (fs_at(f, b, " you are") || fs_at(f, b, " you're") || fs_at(f, b, " it is") ||
		    fs_at(f, b, " it's"))
			return 1;
		/* s57: what she will say she is doing ("She will say she is
		 * seeing the careers adviser", "she'll say she's at the gym"):
		 * she says it of herself, not "Police will say she is lying",
		 * "He will say she is out of control" */
		char pw[16], sp[16];
		size_t ps = 0;
		fs_prev_word(f, b - wn, pw, sizeof pw, &ps);
		fs_prev_word(f, ps, sp, sizeof sp, NULL);
		size_t j = fs_at(f, b, " she is ") ? b + 8 : fs_at(f, b, " she's ") ? b + 7 : 0;
		if (j == 0 || !(!strcmp(pw, "will") || !strcmp(pw, "ll") || !strcmp(pw, "can") ||
				!strcmp(pw, "would")) ||
		    strcmp(sp, "she") != 0 || fs_at(f, j, "at risk") || fs_at(f, j, "in denial"))
			return 0;
		/* doing something or somewhere: not "she is scared" */
		static const char *const WHERE[] = {"at", "with", "in", "on", "out", "off", "away",
						    NULL};
		char nx[16];
		size_t e = j, k = 0;
		while (e < f->n && k < sizeof nx - 1 && (f->s[e] | 0x20) >= 'a' && (f->s[e] | 0x20) <= 'z')
			nx[k++] = (char)(f->s[e++] | 0x20);
		nx[k] = 0;
		/* (how she is is no pretext: "she is coping", "struggling") */
		static const char *const HOW[] = {"coping", "struggling", "managing", "recovering",
						  "improving", "suffering", "drinking", "using", NULL};
		return (k >= 5 && !strcmp(nx + k - 3, "ing") && !fs_in(nx, HOW)) || fs_in(nx, WHERE);
	}
	if (!fs_in(x, FS_COVER_AS) || !fs_at(f, b, " as "))
		return 0;
	size_t j = b + 4;
	if (fs_at(f, j, "a "))
		j += 2;
	else if (fs_at(f, j, "an "))
		j += 3;
	return j < f->n && (f->s[j] == '"' || f->s[j] == '\'' || f->s[j] == 0xE2);
}

static int fs_relay(const struct fs *f, size_t a, size_t b, const char *w, size_t wn, uint64_t c)
{
	/* the base forms only: advice or an arrangement ("will pass messages");
	 * "has been passing messages from <him>" is a report of his */
	static const char *const RELAY[] = {"pass", "get", "take", "relay", NULL};
	if ((c & (K_MSG | K_CALL)) && wn >= 7 && wn <= 8 && memcmp(w, "message", 7) == 0) {
		char x[12];
		size_t lo = f->c_start == SIZE_MAX ? a : f->c_start;
		size_t j = fs_word_back(f->s, lo, a, x, sizeof x);
		if (strcmp(x, "a") == 0)
			j = fs_word_back(f->s, lo, j, x, sizeof x);
		if (strcmp(x, "on") == 0)
			fs_word_back(f->s, lo, j, x, sizeof x);
		return fs_in(x, RELAY);
	}
	if (wn == 3 && memcmp(w, "ask", 3) == 0 && b + 6 < f->n && memcmp(f->s + b, " for ", 5) == 0)
		return f->s[b + 5] == '"' || f->s[b + 5] == '\'' || f->s[b + 5] == 0xE2;
	/* a code agreed with her, quoted: "password \"...\"", "code phrase
	 * '...'" (not "knows her password": no quote follows) */
	if ((wn == 8 && memcmp(w, "password", 8) == 0) || (wn == 6 && memcmp(w, "phrase", 6) == 0) ||
	    (wn == 4 && memcmp(w, "code", 4) == 0)) {
		size_t j = b;
		if (j < f->n && f->s[j] == ' ')
			j++;
		if (j + 1 < f->n && f->s[j] == '(' && (f->s[j + 1] == '"' || f->s[j + 1] == 0xE2))
			return 2; /* s31: "their code (\"have u fed the cat\" means ...)" */
		if (j < f->n && (f->s[j] == '"' || f->s[j] == 0xE2 || (f->s[j] == '\'' && j > b)))
			return 2;
		/* "password set for <Name>: 'sardines'", "Password\nagreed:
		 * \"bluebell\"": the quote after a colon a few words on, in the
		 * same sentence (a hard line break goes on with it) */
		for (size_t k = b; k + 2 < f->n && k < b + 40 && f->s[k] != '.' &&
				   !(f->s[k] == '\n' && f->s[k + 1] == '\n');
		     k++)
			if (f->s[k] == ':' && f->s[k + 1] == ' ' &&
			    (f->s[k + 2] == '"' || f->s[k + 2] == '\'' || f->s[k + 2] == 0xE2))
				return 2;
		if (fs_caps_code(f, a, j))
			return 2;
		/* s38: "password now 'albastru'", "code word is 'X'", "password
		 * agreed 'X'": one short word, then the quote */
		{
			size_t q = j;
			while (q < f->n && q - j <= 8 && f->s[q] >= 'a' && f->s[q] <= 'z')
				q++;
			/* s41-never: "password changed to \"penguin\"", "is now
			 * 'X'": a second small word before the quote */
			static const char *const THEN[] = {"to", "now", "be", "is", NULL};
			size_t r = q + 1;
			while (r < f->n && r - q <= 4 && f->s[r] >= 'a' && f->s[r] <= 'z')
				r++;
			char y[8];
			int two = q > j && q < f->n && f->s[q] == ' ' && r > q + 1 && r - q <= 4 &&
				  r + 1 < f->n && f->s[r] == ' ' &&
				  (f->s[r + 1] == '"' || f->s[r + 1] == '\'' || f->s[r + 1] == 0xE2);
			if (two) {
				memcpy(y, f->s + q + 1, r - q - 1);
				y[r - q - 1] = 0;
				two = fs_in(y, THEN);
			}
			if (q > j && q - j <= 8 && q + 1 < f->n && f->s[q] == ' ' &&
			    (two || f->s[q + 1] == '"' || f->s[q + 1] == '\'' || f->s[q + 1] == 0xE2)) {
				char x[12];
				memcpy(x, f->s + j, q - j);
				x[q - j] = 0;
				static const char *const BETWEEN[] = {"now", "is", "agreed", "set", "will",
								      "was", "be", "changed", NULL};
				if (fs_in(x, BETWEEN))
					return 2;
			}
		}
		/* s35: "agreed a code: if she says \"is the cat in?\" ...": "a
		 * code", then what is said, quoted, within 40 bytes (a route to
		 * her, not the whole arrangement: 1) */
		if (wn == 4 && (f->p1 & K_DET))
			for (size_t q = b; q < f->n && q < b + 40; q++)
				if (f->s[q] == '"' || (q + 2 < f->n && f->s[q] == 0xE2 && f->s[q + 1] == 0x80 &&
				                       (f->s[q + 2] == 0x9C || f->s[q + 2] == 0x98)))
					return 1;
		return 0;
	}
	/* s31: a quoted phrase that "means" a call for help ("\"have u fed the
	 * cat\" means ring 999", "'is the lurcher fed' means call police"):
	 * the code agreed with her. Reads two bytes back, three words on. */
	if (wn == 5 && memcmp(w, "means", 5) == 0 && a >= 2 && f->s[a - 1] == ' ' &&
	    (f->s[a - 2] == '"' || f->s[a - 2] == '\'' || f->s[a - 2] == 0x9D)) {
		static const char *const HELP[] = {"ring", "call", "phone", "police", "help", NULL};
		size_t j = b;
		for (int k = 0; k < 3; k++) {
			char x[8];
			size_t xk, d = j;
			while (d < f->n && f->s[d] == ' ')
				d++;
			if (d < f->n && f->s[d] >= '0' && f->s[d] <= '9') {
				if (d + 3 <= f->n && memcmp(f->s + d, "999", 3) == 0 &&
				    (d + 3 == f->n || !fs_alnum(f->s[d + 3])))
					return 2;
				for (j = d; j < f->n && fs_alnum(f->s[j]);)
					j++; /* a number, read past ("means 1 ring") */
				continue;
			}
			j = fs_word_at(f, j, x, sizeof x, &xk);
			if (xk == 0)
				break;
			if (fs_in(x, HELP))
				return 2;
		}
	}
	/* a cover story agreed with her (s18): "booked as a \"glucose test\"",
	 * "coded as 'smear test'" (a quote after "as", a or an between; not
	 * "recorded as \"fell\"": what was written, not what will be said),
	 * "say you're from the dentist", "pretend to be the GP", "cover story":
	 * the sentence is the arrangement. Reads at most 16 bytes on. */
	if (fs_cover_story(f, b, w, wn))
		return 2;
	/* calls from her with a word agreed: "FUTURE CALLS FROM HER WITH WORD
	 * <X> = ATTEND", "if she rings using the word ..." (a call in the
	 * clause, "with", "using" or "the" right before) */
	if (((wn == 4 && memcmp(w, "word", 4) == 0) || (wn == 8 && memcmp(w, "codeword", 8) == 0)) &&
	    f->call_any && !(f->seen & S_HE)) {
		char x[8];
		fs_prev_word(f, a, x, sizeof x, NULL);
		if (!strcmp(x, "with") || !strcmp(x, "using") || !strcmp(x, "the"))
			return 2;
	}
	return 0;
}

/*
 * Areas she has asked for are where she will live: "she wants Brackton or
 * Wellmere", "she'd like Quenbury or Marnwick", "has asked for areas: Holmwood, Ardglen, Newtonbury", "asked
 * for Ostley/Haddleby". After wants, wanted, asked, requested, prefers,
 * preferred or preference(s), a capitalised word within a few bytes ("for
 * areas: "), then another after or, and, '/', ',' or '&': a choice of
 * places, not of a person ("she wants Tom to have them": "to" ends it). A
 * lower-case word other than or/and between ends it too. Returns 1 at the
 * second place. Reads only the bytes between two words (at most
 * FS_WANT_GAP): linear.
 */
#define FS_WANT_GAP 12
/* w[0..wn) a month's name: asked of a NUL-terminated copy (word()'s buffer
 * need not end in a NUL; fs_month reads to one) */
static int fs_want_month(const char *w, size_t wn)
{
	char m[10] = {0};
	if (wn >= sizeof m)
		return 0;
	memcpy(m, w, wn);
	return fs_month(m);
}

/* After "since" ending at b, a recent time: a month, a weekday, "last",
 * "yesterday" ("lives with mother since Sept": she moved in; not "since
 * leaving <country> 2022", "since 2019": the household). */
static int fs_since_when(const struct fs *f, size_t b)
{
	char nx[16];
	int title;
	size_t k = fs_peek(f, b, nx, sizeof nx, &title);
	if (k < 3)
		return 0;
	return fs_month(nx) || (fs_weekday(nx) && (fs_lookup(nx, k) & (K_TIME | K_DAYAB))) ||
	       strcmp(nx, "last") == 0 || strcmp(nx, "yesterday") == 0;
}

static int fs_want_areas(struct fs *f, size_t a, size_t b, const char *w, size_t wn, uint64_t c,
                         unsigned tf)
{
	static const char *const WANT[] = {"wants", "wanted", "asked", "requested", "requests",
					   "prefers", "preferred", "preference", "preferences",
					   "like", NULL};
	/* asked only after a wish (most words follow none) */
	int cap = f->want && (tf & TF_CAP) && !(tf & TF_NUM) && !((tf & TF_UPPER) && wn <= 5) &&
	          !(c & (K_TIME | K_DAYAB | K_HE | K_SHE | K_KIN | K_CLOCKW)) && !fs_want_month(w, wn);
	if (cap && a > f->want_end && a - f->want_end <= FS_WANT_GAP) {
		const unsigned char *g = f->s + f->want_end;
		size_t gn = a - f->want_end, k = 0, e = gn;
		for (k = 0; k < gn; k++)
			if (g[k] == '.' || g[k] == ';' || g[k] == '\n' || g[k] == '(')
				return f->want = 0;
		/* between two places only a separator: " or ", " / ", ", " */
		while (k > 0 && g[0] == ' ')
			g++, gn--;
		while (e > 0 && gn > 0 && g[gn - 1] == ' ')
			gn--;
		int sep = (gn == 1 && (g[0] == '/' || g[0] == ',' || g[0] == '&')) ||
		          (gn == 2 && g[0] == 'o' && g[1] == 'r') ||
		          (gn == 3 && g[0] == 'a' && g[1] == 'n' && g[2] == 'd');
		int was = f->want;
		if (was == 2 && gn > 0 && !sep)
			return f->want = 0; /* "CAMHS and the GP" */
		if (was == 1 && memchr(g, ',', gn) != NULL)
			return f->want = 0; /* s19-over: "Police requested, <Force> and
					     * <County> (ref)": the wish had its object */
		f->want = 2;
		f->want_end = b;
		return was == 2 && sep;
	}
	if (f->want == 2 && !(tf & TF_CAP) &&
	    !((wn == 2 && memcmp(w, "or", 2) == 0) || (wn == 3 && memcmp(w, "and", 3) == 0)))
		f->want = 0;
	/* "like" only as a wish: "she'd like", "would like" */
	int like = wn == 4 && memcmp(w, "like", 4) == 0;
	if (like && !((a >= 3 && memcmp(f->s + a - 3, "'d ", 3) == 0) ||
	              (a >= 6 && memcmp(f->s + a - 6, "would ", 6) == 0)))
		return 0;
	if (wn >= 4 && wn <= 11 && !(tf & TF_NUM) &&
	    (w[0] == 'w' || w[0] == 'a' || w[0] == 'r' || w[0] == 'p' || w[0] == 'l') &&
	    fs_in(w, WANT)) { /* (the first letters of WANT's words) */
		f->want = 1;
		f->want_end = b;
	}
	return 0;
}

/*
 * Is the capitalised word [a, b) a name after "was with" (the two words
 * before it) that, with at most two more capitalised words, is followed by
 * "for", a number or a word, and "years" or "months", and then the end of
 * the sentence ("was with <Name> <SURNAME> for 9 years.")? How long they
 * were together, not where she is. Reads at most the two words before and
 * seven after.
 */
static int fs_was_with_years(const struct fs *f, size_t a, size_t b)
{
	char x[16];
	size_t st, k = fs_prev_word(f, a, x, sizeof x, &st);
	if (!(k == 4 && memcmp(x, "with", 4) == 0))
		return 0;
	k = fs_prev_word(f, st, x, sizeof x, NULL);
	if (!((k == 3 && memcmp(x, "was", 3) == 0) || (k == 4 && memcmp(x, "been", 4) == 0)))
		return 0; /* (s20-over: "has been with <Name> 10 years") */
	size_t i = b;
	for (int names = 0; names < 3; names++) {
		size_t j = i;
		while (j < f->n && f->s[j] == ' ')
			j++;
		if (!(j < f->n && f->s[j] >= 'A' && f->s[j] <= 'Z'))
			break;
		i = fs_word_at(f, j, x, sizeof x, &k);
		if (k == 0 || (i < f->n && fs_alnum(f->s[i])))
			return 0;
	}
	size_t i0 = i;
	while (i0 < f->n && f->s[i0] == ' ')
		i0++;
	i = fs_word_at(f, i, x, sizeof x, &k);
	if (i0 < f->n && f->s[i0] >= '0' && f->s[i0] <= '9')
		i = i0; /* s20-over: "for" left out ("with <Name> 10 years") */
	else if (!(k == 3 && memcmp(x, "for", 3) == 0))
		return 0;
	while (i < f->n && f->s[i] == ' ')
		i++;
	while (i < f->n && f->s[i] >= '0' && f->s[i] <= '9')
		i++; /* "9" */
	i = fs_word_at(f, i, x, sizeof x, &k);
	if (k > 0 && strcmp(x, "years") != 0 && strcmp(x, "months") != 0)
		i = fs_word_at(f, i, x, sizeof x, &k); /* "six" */
	if (!(k > 0 && (strcmp(x, "years") == 0 || strcmp(x, "months") == 0)))
		return 0;
	if (i < f->n && fs_alnum(f->s[i]))
		return 0;
	while (i < f->n && f->s[i] == ' ')
		i++;
	return i >= f->n || f->s[i] == '.' || f->s[i] == ';' || f->s[i] == '\n' || f->s[i] == ',';
}

/*
 * After a capitalised word ending at b, do at most two more capitalised
 * words then a court's word follow ("<Town> Magistrates' Court", "<Town>
 * County Court"; not a council: "she is with <Town> Council" may be who
 * houses her)? Reads at most three words.
 */
static int fs_court_follows(const struct fs *f, size_t b)
{
	static const char *const COURT[] = {"court", "courts", "magistrates", NULL};
	size_t i = b;
	for (int k = 0; k < 3; k++) {
		if (i < f->n && f->s[i] == '\'')
			i++; /* "Magistrates' Court" */
		while (i < f->n && f->s[i] == ' ')
			i++;
		if (!(i < f->n && f->s[i] >= 'A' && f->s[i] <= 'Z'))
			return 0;
		char x[16];
		size_t n;
		i = fs_word_at(f, i, x, sizeof x, &n);
		if (n > 0 && fs_in(x, COURT))
			return 1;
	}
	return 0;
}

/*
 * s22-over: does the name opening at a (at most five words) name a court or
 * a police station by its kind: a court's kind then "Court" ("<Town> Family
 * Court", "<Town> Magistrates' Court", "<Name> Crown Court"), "courthouse",
 * "Police Station", "Justice Centre"? An appointment there is a hearing or a
 * statement, where his side may be too and no whereabouts of hers. Not a
 * bare "<Name> Court" (a block of flats: "viewing appt at <Name> Court").
 */
static int fs_justice_venue(const struct fs *f, size_t a)
{
	static const char *const KIND[] = {"magistrates", "family", "crown", "county", "combined",
					   "sheriff", "civil", "youth", "justice", NULL};
	char x[16], prev[16] = "";
	int title = 0;
	size_t i = a;
	for (int words = 0; words < 5; words++) {
		size_t k = fs_next_word(f, &i, x, sizeof x, &title);
		if (k == 0 || k + 1 >= sizeof x)
			return 0;
		x[k] = 0;
		if (k == 1 && x[0] == 's' && i >= 2 && f->s[i - 2] == '\'')
			continue; /* "Magistrates's" */
		if (strcmp(x, "courthouse") == 0 ||
		    ((strcmp(x, "court") == 0 || strcmp(x, "courts") == 0) && fs_in(prev, KIND)) ||
		    (strcmp(x, "station") == 0 && strcmp(prev, "police") == 0) ||
		    (strcmp(x, "centre") == 0 && strcmp(prev, "justice") == 0))
			return 1;
		if (!title)
			return 0;
		memcpy(prev, x, k + 1);
	}
	return 0;
}

/*
 * s19-over: does a court or Cafcass follow "via" or "through" ending at b
 * ("contact for the boys via <Town> Family Court", "through the court"),
 * after a determiner and capitalised words (at most five words), and no
 * capitalised word after it ("via <Name> Court Road" is a street)? The
 * court's process, no route of hers.
 */
static int fs_via_court(const struct fs *f, size_t b)
{
	static const char *const COURT[] = {"court", "courts", "cafcass", NULL};
	char x[16];
	int title = 0;
	size_t i = b;
	for (int words = 0; words < 5; words++) {
		size_t k = fs_next_word(f, &i, x, sizeof x, &title);
		if (k == 0 || k + 1 >= sizeof x)
			return 0;
		if (fs_in(x, COURT)) {
			k = fs_next_word(f, &i, x, sizeof x, &title);
			return !(k && title);
		}
		if (!title && !(fs_lookup(x, k) & K_DET))
			return 0;
	}
	return 0;
}

/* s19-over: is "Home" at a after "at" in small letters after a town the
 * lexicon knows ("<Town> at Home")? */
static int fs_provider_at_home(const struct fs *f, size_t a)
{
	char x[16];
	size_t st;
	if (fs_prev_word(f, a, x, sizeof x, &st) != 2 || memcmp(x, "at", 2) != 0 || f->s[st] != 'a')
		return 0;
	size_t st2, k = fs_prev_word(f, st, x, sizeof x, &st2);
	if (!(k > 1 && f->s[st2] >= 'A' && f->s[st2] <= 'Z' && f->s[st2 + 1] >= 'a' &&
	      f->s[st2 + 1] <= 'z'))
		return 0;
	/* a town the lexicon knows, no forename ("<Forename> at Home" is her) */
	unsigned lx = lex_classify((const char *)f->s + st2, k);
	return (lx & LEX_PLACE) && !(lx & LEX_FORENAME);
}

/*
 * s19-over: is "room" at a named by two capitalised words right before it,
 * with only spaces between ("the Witness Service room", "the Fox Cubs
 * room"): a venue's room named by what it is for, not a dwelling named by
 * its street ("the Mill Lane house")? Not "the <Name>, room 212".
 */
static int fs_named_room(const struct fs *f, size_t a)
{
	size_t j = a;
	/* s22-over: "<Name> Police Station, room 3", "<Name> Centre, room 2":
	 * a room of an agency's premises after its name and a comma */
	char pw[16];
	size_t pb;
	if (j >= 3 && f->s[j - 1] == ' ' && f->s[j - 2] == ',' && f->s[j - 3] >= 'a' &&
	    f->s[j - 3] <= 'z' && fs_prev_word(f, j - 2, pw, sizeof pw, &pb) > 0 &&
	    f->s[pb] >= 'A' && f->s[pb] <= 'Z' && (pb == 0 || !fs_alnum(f->s[pb - 1])) &&
	    fs_in(pw, FS_VENUE))
		return 1;
	for (int words = 0; words < 2; words++) {
		if (j == 0 || f->s[j - 1] != ' ')
			return 0;
		j--;
		size_t e = j;
		while (j > 0 && fs_alnum(f->s[j - 1]) && e - j < 40)
			j--;
		if (j == e || f->s[j] < 'A' || f->s[j] > 'Z' || f->s[j + 1] < 'a' || f->s[j + 1] > 'z')
			return 0;
	}
	return 1;
}

/* s19-over: is the contact word w[0..wn) at a a service's name: "health
 * visiting" (the health visitors' service), no visit to her? */
static int fs_call_named(const struct fs *f, const char *w, size_t wn, size_t a)
{
	char pw[16];
	size_t k = fs_prev_word(f, a, pw, sizeof pw, NULL);
	return wn == 8 && memcmp(w, "visiting", 8) == 0 && k == 6 && memcmp(pw, "health", 6) == 0;
}

/*
 * s19-over: is "contact" ending at b a child's contact session: before
 * centre, session, supervised, supervisor; or after a possessive or "his"
 * ("Father's contact", "his contact") with no device, number, details,
 * "via" or "through" after it?
 */
static int fs_contact_session(const struct fs *f, size_t b)
{
	static const char *const SESSION[] = {"centre", "center", "session", "sessions",
					      "supervised", "supervisor", NULL};
	static const char *const ROUTE[] = {"number", "numbers", "details", "via", "through",
					    "no", "num", "tel", NULL};
	static const char *const KIND[] = {"supervised", "indirect", "direct", "weekend",
					   "overnight", "sibling", "letterbox", "unsupervised", NULL};
	char nx[16], pw[16];
	int title;
	size_t k = fs_peek(f, b, nx, sizeof nx, &title);
	if (k && fs_in(nx, SESSION))
		return 1;
	size_t a = b >= 7 ? b - 7 : 0;
	if (fs_prev_word(f, a, pw, sizeof pw, NULL) > 0 && fs_in(pw, KIND))
		return 1; /* "supervised contact", "Jake's weekend contact" */
	if (k && (strcmp(nx, "through") == 0 || strcmp(nx, "via") == 0)) {
		/* "contact through Family Court", "contact to go through the
		 * contact centre": through a court or a centre */
		size_t i = b;
		for (int words = 0; words < 4; words++) {
			size_t wk = fs_next_word(f, &i, nx, sizeof nx, &title);
			if (wk == 0)
				break;
			if (strcmp(nx, "court") == 0 || strcmp(nx, "centre") == 0 ||
			    strcmp(nx, "center") == 0 || strcmp(nx, "cafcass") == 0)
				return 1;
		}
		return 0;
	}
	if (!((f->p1f & TF_POSS) || (f->p1 & K_HE)) || (f->p1 & K_SHE))
		return 0;
	return !(k && (fs_in(nx, ROUTE) || (fs_lookup(nx, k) & K_DEV)));
}

/*
 * s22-over: is the contact word w[0..wn) ending at b the name of a record of
 * contacts ("Contact log:", "call history", "visit record"): a noun before
 * log, record, history, sheet, notes, no contact with her. Each entry under
 * such a heading is judged on its own ("04/11 T/C to V - asked me to ring
 * after 3": a safe time still).
 */
static int fs_contact_record(const struct fs *f, const char *w, size_t wn, size_t b)
{
	static const char *const NOUN[] = {"contact", "contacts", "call", "calls", "visit",
					   "visits", NULL};
	static const char *const RECORD[] = {"log", "logs", "record", "records", "history",
					     "sheet", "notes", NULL};
	char nx[16];
	int title;
	return wn < 16 && fs_in(w, NOUN) && fs_peek(f, b, nx, sizeof nx, &title) > 0 &&
	       fs_in(nx, RECORD);
}

/*
 * Is the contact word w[0..wn) at a a bare noun after a preposition of time
 * ("after contact", "before the visit" is not bare, "during contact",
 * "following contact")? Reads the word before.
 */
static int fs_event_noun(const struct fs *f, const char *w, size_t wn, size_t a)
{
	static const char *const NOUN[] = {"contact", "visit", "visits", "call", "calls", NULL};
	static const char *const WHEN[] = {"after", "before", "during", "following", "since",
					   "until", NULL};
	if (wn >= 16 || !fs_in(w, NOUN))
		return 0;
	return fs_prev_in(f, a, WHEN);
}

/* Is the word after b on its line w (lower case, under 16 letters)? "do not
 * visit unannounced" (s20-over), "Border Force" (s21-over). */
static int fs_next_is(const struct fs *f, size_t b, const char *w)
{
	char x[16];
	size_t k;
	fs_word_at(f, b, x, sizeof x, &k);
	return k > 0 && strcmp(x, w) == 0;
}

/*
 * s21-over: is "live" at [a, b) the adjective of an order, a marker or a
 * condition in force ("Bail conditions from Feb still live", "police marker
 * on address (live)"): in brackets alone, or after "still" with nobody
 * before it ("they still live", "she and the kids still live" are where
 * they live), and nothing after it in its clause? Reads two words back and
 * the next character.
 */
static int fs_live_in_force(const struct fs *f, size_t a, size_t b)
{
	static const char *const WHO[] = {"they", "we", "i", "you", "who", "both", "all", NULL};
	size_t j = b;
	while (j < f->n && f->s[j] == ' ')
		j++;
	int end = j >= f->n || f->s[j] == '.' || f->s[j] == ';' || f->s[j] == ',' ||
	          f->s[j] == ')' || f->s[j] == '\n' || f->s[j] == '!';
	if (!end)
		return 0;
	size_t i = a;
	while (i > 0 && f->s[i - 1] == ' ')
		i--;
	if (i > 0 && f->s[i - 1] == '(')
		return j < f->n && f->s[j] == ')';
	char x[16];
	size_t st, k = fs_prev_word(f, a, x, sizeof x, &st);
	if (k != 5 || memcmp(x, "still", 5) != 0)
		return 0;
	k = fs_prev_word(f, st, x, sizeof x, NULL);
	return k > 0 && !(fs_lookup(x, k) & (K_SHE | K_HE | K_KIN | K_SUBJ)) && !fs_in(x, WHO);
}

/*
 * s21-over: is "TA" at [a, b) a teaching assistant by its grammar: told,
 * asked or informed right before it and no place after it ("<Name> told TA
 * \"daddy ...\"", "told TA dad hit mum"; not "told TA in <Town>")? Not
 * with a bracket after it: "Told TA (Mrs <Name>)" stays withheld, the
 * name in it being one the name rules may not know. Reads one word back
 * and fs_no_place_ahead's eight.
 */
static int fs_ta_person(const struct fs *f, size_t a, size_t b)
{
	static const char *const TOLD[] = {"told", "tells", "telling", "asked", "asks",
					   "informed", "informs", NULL};
	char x[16];
	size_t j = b;
	while (j < f->n && f->s[j] == ' ')
		j++;
	if (j < f->n && f->s[j] == '(')
		return 0;
	return fs_prev_word(f, a, x, sizeof x, NULL) > 0 && fs_in(x, TOLD) &&
	       fs_no_place_ahead(f, b);
}

/* The words that ask where she should live, as a decision: "capacity re
 * where to live", "a decision about where to live" (failsafe.h; place.c
 * reads them too). */
const char *const failsafe_decide_words[] = {"capacity", "decision", "decisions", "decide",
					     "deciding", "choice", "choices", "mca", NULL};

/*
 * s40-over: does "live" at a say that no one lives anywhere: the Mental
 * Capacity Act's question ("capacity re where to live": a decision's word
 * at most three words before "where to"), or an alert in force ("Marker
 * live 21/02", "flag is live", "marker now live")?
 */
static int fs_live_no_place(const struct fs *f, size_t a)
{
	static const char *const LINK[] = {"is", "now", NULL};
	static const char *const MARK[] = {"marker", "markers", "flag", "flags", "alert",
					   "alerts", "warning", NULL};
	char x[16];
	size_t st;
	size_t k = fs_prev_word(f, a, x, sizeof x, &st);
	if (k == 2 && memcmp(x, "to", 2) == 0) {
		size_t st2;
		if (fs_prev_word(f, st, x, sizeof x, &st2) == 5 && memcmp(x, "where", 5) == 0)
			return fs_goto_before(f, st2, failsafe_decide_words);
		return 0;
	}
	if (k && k + 1 < sizeof x && fs_in(x, LINK))
		k = fs_prev_word(f, st, x, sizeof x, &st);
	return k && k + 1 < sizeof x && fs_in(x, MARK);
}

/* s21-over: are the two words before a "right to" or "rights to"? */
static int fs_right_to(const struct fs *f, size_t a)
{
	char x[16];
	size_t st;
	if (fs_prev_word(f, a, x, sizeof x, &st) != 2 || memcmp(x, "to", 2) != 0)
		return 0;
	size_t k = fs_prev_word(f, st, x, sizeof x, NULL);
	return (k == 5 && memcmp(x, "right", 5) == 0) || (k == 6 && memcmp(x, "rights", 6) == 0);
}

/* " 41" after a static caravan's "van" at i: one to three digits, no
 * clock's ':' or '.' and no other figure after them */
static int fs_van_number(const unsigned char *s, size_t n, size_t i)
{
	if (i + 1 >= n || s[i] != ' ')
		return 0;
	size_t k = i + 1;
	while (k < n && k - i <= 4 && s[k] >= '0' && s[k] <= '9')
		k++;
	return k > i + 1 && k - i <= 4 &&
	       !(k + 1 < n && (s[k] == ':' || s[k] == '.') && s[k + 1] >= '0' && s[k + 1] <= '9');
}

/*
 * s50-never: is "on" at i followed by a dwelling one lives on ("still on
 * the boat", "is on the transit site", "on her brother's narrowboat")?
 * Then "on" is where, as "at" is; not "on the phone", "on licence".
 */
static int fs_on_dwelling(const unsigned char *s, size_t n, size_t i)
{
	static const char *const DET[] = {"the", "a", "her", "his", "their", "our", "my", NULL};
	static const char *const MOD[] = {"transit", "council", "traveller", "travellers", "static",
					  "touring", "residential", "permanent", "temporary", "own",
					  "new", "canal", "caravan", "family", NULL};
	static const char *const ON[] = {"narrowboat", "houseboat", "canalboat", "site",
					 "campsite", "plot", "pitch", "moorings", "marina",
					 "caravan", "trailer", NULL};
	/* a boat: only "the boat", the one the note has named (not "crew
	 * on a whitefish boat", his work) */
	static const char *const THE_ON[] = {"boat", "barge", NULL};
	int the = 0;
	for (int w = 0; w < 3; w++) {
		while (i < n && s[i] == ' ')
			i++;
		size_t a = i;
		while (i < n && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
			i++;
		if (i == a || i - a > 12)
			return 0;
		char x[16];
		for (size_t k = a; k < i; k++)
			x[k - a] = (char)(s[k] | 0x20);
		x[i - a] = 0;
		if (w > 0 && (fs_in(x, ON) || (w == 1 && the && fs_in(x, THE_ON))))
			return 1;
		the = w == 0 && !strcmp(x, "the");
		/* "the transit site", "her brother's narrowboat": a determiner,
		 * then at most one word before the dwelling, a possessive or
		 * one of MOD (not "on a building site", "the football pitch") */
		if (w == 0 ? !fs_in(x, DET)
			   : !(fs_in(x, MOD) || (i + 1 < n && s[i] == '\'' && (s[i + 1] | 0x20) == 's')))
			return 0;
		if (w > 0 && i < n && s[i] == '\'')
			i += 2;
	}
	return 0;
}

static void word(struct fs *f, size_t a, size_t b, const char *w, size_t wn, uint64_t c,
                 unsigned tf)
{
	int workh_sig = 0; /* her working hours: S_WORKH */
	/* a man the victim: "he", "his" may be him, so what is said of him
	 * is read as of her (fail closed: his abuser's whereabouts go too) */
	if (f->he_is_her && (c & K_HE))
		c = (c & ~K_HE) | K_SHE; /* (s38-never: not his alone either: "where he
					   * works nights, 10pm-7am" are his hours, hers) */
	/* s53-over: the agencies' own training ("MARAC training on 14/03",
	 * "DA training", "Safe Lives training for ward staff", "staff
	 * training") is no routine of hers; "football training", "Saturday
	 * training at 10:00" are */
	if (wn == 8 && memcmp(w, "training", 8) == 0 && a > 1 && f->s[a - 1] == ' ' &&
	    fs_alnum(f->s[a - 2]) && /* (not after a label: "Plan with IDVA: training Tues") */
	    ((f->p1 & K_BIZ) ||
	     ((f->p1f & (TF_CAP | TF_UPPER)) && !(f->p1 & (K_TIME | K_DAYAB))) ||
	     fs_prev_in(f, a, FS_STAFF_WORDS)))
		c &= ~K_ROUT;
	/* s19-over: a word of an e-mail address or a web domain
	 * ("tenancy.sustainment@...", "...@housing.example.org") is no word of
	 * the sentence: a '.' then a letter or digit, or an '@', right after
	 * it, or an '@' or a word and '.' right before it */
	if (c && wn > 0 && ((b + 1 < f->n && f->s[b] == '.' && fs_alnum(f->s[b + 1])) ||
	                    (b < f->n && f->s[b] == '@') || (a > 0 && f->s[a - 1] == '@') ||
	                    (a > 1 && f->s[a - 1] == '.' && fs_alnum(f->s[a - 2]))))
		c = 0;
	if (wn > 0 && !(tf & TF_NUM)) {
		if (c == 0 && (f->prep_win > 0 || (f->go_win > 0 && ((f->p1 | f->p2) & K_GO))) &&
		    wn > 3 && w[wn - 1] == 's' && (fs_lookup(w, wn - 1) & K_KIN)) {
			c = K_KIN; /* "at mums", "to her sisters", "going ur aunties" */
			tf |= TF_POSS;
		}
		if (c == 0 && wn > 3 && w[wn - 1] == 's' && (fs_lookup(w, wn - 1) & K_KIN)) {
			char nx[16];
			int title;
			size_t k = fs_peek(f, b, nx, sizeof nx, &title);
			if (k == 2 && ((nx[0] == 'i' && nx[1] == 'n') || (nx[0] == 'a' && nx[1] == 't'))) {
				c = K_KIN; /* "my dads in Crewe": his house is */
				tf |= TF_POSS;
			} else if (k > 0 && (fs_lookup(nx, k) & K_DEV)) {
				c = K_KIN; /* "CALL MOTHERS LANDLINE": hers, a route */
				tf |= TF_POSS;
			}
		}
		/* s30-never: "(allowed out only) to collect the kids from
		 * school": her school run, a routine ("collect Harry",
		 * "collect belongings": someone's one visit) */
		if (wn == 7 && memcmp(w, "collect", 7) == 0) {
			char k1[16];
			int t1;
			size_t j = b, k = fs_peek(f, j, k1, sizeof k1, &t1);
			if (k > 0 && fs_in(k1, FS_HOME_DET)) {
				while (j < f->n && f->s[j] == ' ')
					j++;
				k = fs_peek(f, j + k, k1, sizeof k1, &t1);
			}
			if (k > 0 && fs_in(k1, FS_HOME_KIDS) && (f->seen & S_SHE) && !(f->seen & S_HE))
				c |= K_ROUT; /* (hers: not "Dad arrived to collect the kids") */
		}
		int workh = (c & K_WORKH) && wn >= 4;
		c &= ~K_CASEW;
		if ((c & K_DAYAB) && (tf & (TF_CAP | TF_UPPER)))
			c |= K_TIME;
		char nx[16];
		int title = 0;
		if (wn == 2 && (tf & TF_UPPER) && ((w[0] == 't' && w[1] == 'a'))) {
			/* TA: temporary accommodation; "TA Mrs Kaur", "TA Sophie":
			 * a teaching assistant; "TA/00990011": a reference */
			fs_peek(f, b, nx, sizeof nx, &title);
			if (!title && !(b + 1 < f->n && (f->s[b] == '/' || f->s[b] == '-') &&
			                f->s[b + 1] >= '0' && f->s[b + 1] <= '9') &&
			    !fs_ta_person(f, a, b))
				c |= K_RES;
		}
		/* s21-over: "still live", "(live)": an order in force;
		 * "Border Force": an agency */
		if ((c & K_RES) && ((wn == 4 && memcmp(w, "live", 4) == 0 && fs_live_in_force(f, a, b)) ||
		                    (wn == 6 && memcmp(w, "border", 6) == 0 && fs_next_is(f, b, "force"))))
			c &= ~K_RES;
		/* s21-over: "kicking off at mum": an outburst, no going off */
		if ((c & K_GO) && wn == 3 && memcmp(w, "off", 3) == 0 &&
		    fs_prev_word(f, a, nx, sizeof nx, NULL) >= 4 && memcmp(nx, "kick", 4) == 0)
			c &= ~K_GO;
		/* s21-over: "marker placed on V's address": the marker is placed */
		if ((c & K_GO) && wn == 6 && memcmp(w, "placed", 6) == 0 &&
		    fs_prev_word(f, a, nx, sizeof nx, NULL) > 0 && fs_in(nx, FS_MARKER))
			c &= ~K_GO;
		if ((c & (K_HOME | K_RES)) &&
		    ((wn == 4 && memcmp(w, "home", 4) == 0) ||
		     (wn == 9 && memcmp(w, "residence", 9) == 0) ||
		     (wn == 7 && memcmp(w, "tenancy", 7) == 0) ||
		     (wn == 7 && memcmp(w, "settled", 7) == 0)) &&
		    fs_peek(f, b, nx, sizeof nx, &title) && fs_in(nx, FS_HOME_COMPOUND))
			c &= ~(K_HOME | K_RESN | K_RES); /* "a home visit", "residence card",
			                                  * "settled status" */
		/* s39-over: a housing register's record of bids ("bid history for
		 * applicant ...", "bidding number 7781"), no place bid for */
		static const char *const BID_RECORD[] = {"history", "number", "no", "ref", "reference",
							 "status", "log", "account", NULL};
		if ((c & K_RES) && ((wn == 3 && memcmp(w, "bid", 3) == 0) ||
				    (wn == 4 && memcmp(w, "bids", 4) == 0) ||
				    (wn == 7 && memcmp(w, "bidding", 7) == 0)) &&
		    fs_peek(f, b, nx, sizeof nx, &title) && fs_in(nx, BID_RECORD) && fs_no_place_within(f, b, 16))
			c &= ~K_RES;
		/* s22-over: a record of the tenancy held ("Tenancy history:",
		 * "tenancy note 21/12", "Tenancy agreement seen: sole name"), no
		 * statement of where, unless a new one is meant (FS_TENANCY_NEW
		 * before it: "new tenancy agreement") or a place follows in the
		 * sentence (sixteen words: a record's line of facts is long) */
		if ((c & K_RES) && wn == 7 && memcmp(w, "tenancy", 7) == 0 &&
		    fs_peek(f, b, nx, sizeof nx, &title) && fs_in(nx, FS_TENANCY_RECORD) &&
		    !(fs_prev_word(f, a, nx, sizeof nx, NULL) > 0 && fs_in(nx, FS_TENANCY_NEW)) &&
		    fs_no_place_within(f, b, 16))
			c &= ~(K_RESN | K_RES);
		/* "DA incident at home 14/01", "assaulted by bf at home approx
		 * 0100": where the incident happened, the address the notes know,
		 * not a new place she lives ("incident last week; she is now at
		 * home with her mum" is: a being or living word after it) */
		if (wn == 4 && memcmp(w, "home", 4) == 0 && (c & K_HOME) && !fs_place_follows(f, b)) {
			int inc = fs_incident_at_home(f, a);
			if ((inc == 1 || (inc == 2 && !fs_prep_after(f, b)) || fs_plain_at_home(f, a, b)))
				c = K_NOTPL;
		}
		/* s36-never: "discharged with police escort to her former host
		 * in <Town>", "discharged to a refuge": where a patient goes from
		 * hospital, taken there (not "discharged to <Name> Community
		 * Mental Health Team", "discharged with a leaflet", "order
		 * discharged") */
		if (wn == 10 && memcmp(w, "discharged", 10) == 0)
			c = fs_discharged_to_her(f, b) ? c | K_GO : c & ~K_CONV;
		if (wn == 4 && memcmp(w, "stop", 4) == 0 && fs_stop_at(f, b))
			c |= K_RES;
		/* s37-over: "you'll never see her (again)": a threat to keep her
		 * from a child, no visit; "contact with the children", "Ruby
		 * contact via <Service> supervised contact centre": a child's
		 * contact with a parent, no route to her */
		if ((c & K_CALL) && wn == 3 && memcmp(w, "see", 3) == 0) {
			char vx[16];
			if (fs_prev_word(f, a, vx, sizeof vx, NULL) == 5 && memcmp(vx, "never", 5) == 0)
				c &= ~K_CALL;
		}
		if ((c & K_CALL) && wn == 7 && memcmp(w, "contact", 7) == 0 && fs_child_contact(f, a, b))
			c &= ~(K_CALL | K_SAFEN);
		/* s37-over: "he moves it out within the day" (her pension): a
		 * thing moved, no home */
		if ((c & K_RES) && wn >= 4 && memcmp(w, "mov", 3) == 0) {
			char mx[16];
			int mt;
			if (fs_peek(f, b, mx, sizeof mx, &mt) == 2 && mx[0] == 'i' && mx[1] == 't')
				c &= ~K_RES;
		}
		/* s37-over: "calls her \"useless\"", "called him a liar": names
		 * someone, no call to her */
		if ((c & K_CALL) && wn >= 4 && memcmp(w, "call", 4) == 0) {
			char cx[16];
			int ct;
			size_t j = b;
			size_t k = fs_peek(f, b, cx, sizeof cx, &ct);
			if ((k == 3 && (memcmp(cx, "her", 3) == 0 || memcmp(cx, "him", 3) == 0))) {
				while (j < f->n && f->s[j] == ' ')
					j++;
				j += 3;
				while (j < f->n && f->s[j] == ' ')
					j++;
				if (j < f->n && (f->s[j] == '"' || f->s[j] == '\'' ||
				                 (j + 2 < f->n && f->s[j] == 'a' && f->s[j + 1] == ' ') ||
				                 (j + 3 < f->n && f->s[j] == 'a' && f->s[j + 1] == 'n' &&
				                  f->s[j + 2] == ' ')))
					c &= ~K_CALL;
			}
		}
		/* s37-never: a housing offer somewhere: "would accept an offer
		 * in <Town>", "offers at <Estate> refused" */
		if ((wn == 5 && memcmp(w, "offer", 5) == 0) || (wn == 6 && memcmp(w, "offers", 6) == 0)) {
			char ox[16];
			int otitle;
			size_t j = b, k = fs_peek(f, b, ox, sizeof ox, &otitle);
			if (k == 2 && ((ox[0] == 'i' && ox[1] == 'n') || (ox[0] == 'a' && ox[1] == 't'))) {
				while (j < f->n && f->s[j] == ' ')
					j++;
				if (j + 3 < f->n && f->s[j + 3] >= 'A' && f->s[j + 3] <= 'Z')
					c |= K_RES; /* a name after it: not "an offer in writing" */
			}
		}
		/* s37-never: someone's home as a pronoun alone, after "to",
		 * "at", "round" or "back": "bring her to mine at <Town>", "can
		 * come to ours", "sleeping round theirs" */
		if ((wn == 4 && (memcmp(w, "mine", 4) == 0 || memcmp(w, "ours", 4) == 0)) ||
		    (wn == 6 && memcmp(w, "theirs", 6) == 0)) {
			static const char *const AT[] = {"at", "round", "back", NULL};
			static const char *const GOTO[] = {"come", "comes", "coming", "came", "bring",
							   "brought", "bringing", "go", "going", "went",
							   "move", "moving", "moved", "back", "over",
							   "round", "stay", "staying", "stop", NULL};
			char px[16];
			size_t st;
			if (fs_prev_word(f, a, px, sizeof px, &st) > 0 &&
			    (fs_in(px, AT) || (strcmp(px, "to") == 0 && fs_goto_before(f, st, GOTO))))
				c |= K_RES; /* (not "it belongs to mine") */
		}
		/* "with the host family", "host families": where a guest of
		 * a hosting scheme lives (not "host the meeting") */
		if (wn == 4 && memcmp(w, "host", 4) == 0) {
			size_t k = fs_peek(f, b, nx, sizeof nx, &title);
			if ((k == 6 && memcmp(nx, "family", 6) == 0) ||
			    (k == 8 && memcmp(nx, "families", 8) == 0))
				c |= K_RES;
		}
		/* s19-over: in "the family home", "the former family home"
		 * "family" is nobody of hers: who is there is whoever the
		 * clause names ("He remains at the former family home"; not
		 * "her family home", "family are at home"). Still a dwelling:
		 * "Assault at the family home - <Town>" says where it is. */
		if (wn == 6 && memcmp(w, "family", 6) == 0 && fs_family_home(f, a, b))
			c &= ~K_SHE;
		/* s19-over: "<Town> at Home" in title case after a capitalised
		 * word is a housing provider's name ("tenancy (<Town> at
		 * Home)"), no home of hers ("at home", "AT HOME" still are) */
		if (wn == 4 && memcmp(w, "home", 4) == 0 && (tf & TF_CAP) && !(tf & TF_UPPER) &&
		    fs_provider_at_home(f, a))
			c = 0;
		/* "moved back in": no going back to somewhere */
		if (f->skip_in && wn == 4 && memcmp(w, "back", 4) == 0)
			c &= ~K_GO;
		/* s24-over: "housing appointment", "probation appt", "solicitor's
		 * appointment": with an agency, at its office (exam25's and
		 * exam26's conventions: must-keep), no care of hers to come */
		if ((c & K_APPT) && fs_prev_word(f, a, nx, sizeof nx, NULL) > 0 &&
		    fs_in(nx, FS_AGENCY_APPT)) {
			c &= ~K_APPT;
			f->u_venue |= 2;
		}
		/* "birth plan": where she will give birth is in it */
		if (wn == 5 && memcmp(w, "birth", 5) == 0 && fs_peek(f, b, nx, sizeof nx, &title) == 4 &&
		    memcmp(nx, "plan", 4) == 0)
			c |= K_APPT;
		/* "do not telephone her": the verb, before whom (not "a telephone
		 * consultation", "(telephone)") */
		if (wn == 9 && memcmp(w, "telephone", 9) == 0 && fs_peek(f, b, nx, sizeof nx, &title) &&
		    fs_in(nx, FS_WHOM))
			c |= K_CALL;
		/* "write to me at c/o ...", "we write c/o her daughter": her post
		 * (not "write to housing", "write a statement") */
		if (wn == 5 && memcmp(w, "write", 5) == 0 && fs_write_to_her(f, b))
			c |= K_CALL;
		/* "speaks Polish", "speaks little English": a language, not a
		 * contact (not "speaks to her", "can speak Tuesdays"); "social
		 * worker on call": on duty */
		if ((c & K_CALL) && fs_call_idiom(f, w, wn, a, b))
			c &= ~K_CALL;
		/* "refused to return him after contact on Sunday": a contact
		 * session or a visit named by when it was (a bare noun after
		 * after, before, during ...), no contact with her */
		if ((c & K_CALL) && fs_event_noun(f, w, wn, a))
			c &= ~K_CALL;
		/* s19-over: "Father's contact is supervised", "his contact with
		 * the children", "at the contact centre": a child's contact
		 * session with a parent, no contact with her (not "Mum's contact
		 * number", "her sister's contact details": a route) */
		if ((c & K_CALL) && wn == 7 && memcmp(w, "contact", 7) == 0 && fs_contact_session(f, b))
			c &= ~K_CALL;
		/* s22-over: "Contact log:", "call history": a record's name */
		if ((c & K_CALL) && fs_contact_record(f, w, wn, b))
			c &= ~K_CALL;
		/* s19-over: "health visiting" is the service */
		if ((c & K_CALL) && wn >= 5 && fs_call_named(f, w, wn, a))
			c &= ~K_CALL;
		/* "never talk about it", "texts about the money": what is said,
		 * not a contact */
		if ((c & K_CALL) && fs_peek(f, b, nx, sizeof nx, &title) == 5 && memcmp(nx, "about", 5) == 0)
			c &= ~K_CALL;
		/* "Safe and Well visit": the fire service's home safety check, a
		 * name, not a safe time; "fleeing DA", "fled domestic abuse": why
		 * she left, not where she is */
		if ((c & K_SAFE) && wn == 4 && fs_next2(f, b, "and", "well"))
			c &= ~(K_SAFE | K_COND | K_OKTO | K_RMOD | K_MOD);
		/* s23-over: "Refuge referral - outcome", "REFUGE REFERRAL FORM",
		 * "refuge referral made": the agencies' process, no refuge she is
		 * in, unless a place follows ("refuge referral to <Town>") */
		if ((c & K_RES) && wn == 6 && memcmp(w, "refuge", 6) == 0 &&
		    fs_peek(f, b, nx, sizeof nx, &title) >= 8 && memcmp(nx, "referral", 8) == 0 &&
		    (nx[8] == 0 || (nx[8] == 's' && nx[9] == 0)) && fs_no_place_ahead(f, b))
			c &= ~(K_RES | K_RESN);
		/* s38-over: "Tenancy HH/LOZ/0056": the agencies' record, no place */
		if ((c & K_RES) && wn == 7 && memcmp(w, "tenancy", 7) == 0 && fs_tenancy_ref(f, b))
			c &= ~K_RES;
		/* "her head", "mummy's head", "his back": a noun, no going */
		if ((c & K_GO) && ((f->p1 & K_DET) || (f->p1f & TF_POSS)) &&
		    ((wn == 4 && memcmp(w, "head", 4) == 0) || (wn == 4 && memcmp(w, "back", 4) == 0)))
			c &= ~K_GO;
		/* idioms of living and staying that say where nobody is: "I
		 * live in hope", "he will stay away (from her)" (not "stay away
		 * from home": then she is somewhere else); money moved ("moved
		 * £5,500 out of the joint savings", "moved the money") */
		if ((c & K_RES) && fs_res_idiom(f, w, wn, b))
			c &= ~K_RES;
		/* "stayed behind after class" is no stay; "the tenancy" is the
		 * one the notes know */
		if ((c & K_RES) && wn >= 4 && memcmp(w, "stay", 4) == 0 &&
		    fs_peek(f, b, nx, sizeof nx, &title) == 6 && memcmp(nx, "behind", 6) == 0)
			c &= ~K_RES;
		if ((c & K_RES) && (f->p1 & K_THE) && wn == 7 && memcmp(w, "tenancy", 7) == 0)
			c &= ~K_RES;
		/* s21-over: "rights to stay", "right to reside": a legal right
		 * (immigration, tenancy), no place unless one follows */
		if ((c & K_RES) && fs_right_to(f, a) && fs_no_place_ahead(f, b))
			c &= ~K_RES;
		/* "joint tenancy": the one they hold, as "the tenancy"; "decisions about where she lives", "knows where she
		 * lives": a topic, unless a place or "now" follows */
		if ((c & K_RES) && ((wn == 7 && memcmp(w, "tenancy", 7) == 0) ||
		                    (wn >= 4 && memcmp(w, "liv", 3) == 0)) &&
		    fs_res_known(f, a, b, w[0] == 't'))
			c &= ~K_RES;
		/* s20-over: a tenancy with its holder before it ("her tenancy",
		 * "<Name>'s tenancy, no arrears") and nothing after it that could
		 * say where or when it begins (fs_tenancy_held) */
		if ((c & K_RES) && wn == 7 && memcmp(w, "tenancy", 7) == 0 &&
		    ((f->p1f & TF_POSS) || ((f->p1 & K_DET) && (f->p1 & (K_SHE | K_HE)))) &&
		    fs_tenancy_held(f, b))
			c &= ~K_RES;
		/* s20-over: "wants to stay together", "stayed together for the
		 * children": the couple's relationship, unless a place follows */
		if ((c & K_RES) && wn >= 4 && memcmp(w, "stay", 4) == 0 &&
		    fs_together_only(f, b))
			c &= ~K_RES;
		/* "collection 11.45 Mon-Fri", "collection at 3.15": a child's
		 * collection and its hour is the routine; "collection from the
		 * marital home, 24/11", "a password for collection" are not */
		if ((c & K_ROUT) && wn == 10 && memcmp(w, "collection", 10) == 0 &&
		    !fs_hour_next(f, b))
			c &= ~K_ROUT;
		/* "turned up at pick-up 23/09": a moment named, not the routine
		 * ("gran does pick-up at 3") */
		if ((c & K_ROUT) && (f->p1 & K_PREP) &&
		    ((wn == 7 && memcmp(w, "pick-up", 7) == 0) || (wn == 8 && memcmp(w, "drop-off", 8) == 0) ||
		     (wn == 6 && memcmp(w, "pickup", 6) == 0) || (wn == 7 && memcmp(w, "dropoff", 7) == 0)))
			c &= ~K_ROUT;
		/* working hours are hers only with her or her name before
		 * ("She works weekdays 9-5", "<Name> finishes at 2"; not "the
		 * office works 9-5", "working with the IDVA"); start only
		 * before at or work ("starts at 7", not "starts school"); or
		 * opening a note's sentence with her left out ("Works nights
		 * Sun-Wed at <Place>"), as notes about her write it */
		if (workh) {
			int ok = ((f->seen & S_SHE) || (f->p1 & (K_SHE | K_SUBJ)) ||
			          (f->nwords == 0 && (tf & TF_CAP)) ||
			          ((f->p1f & TF_CAP) && !(f->p1 & ~(K_FUNC | K_ABBR)))) &&
			         !(f->seen & S_HE);
			size_t k = fs_peek(f, b, nx, sizeof nx, &title);
			if (k == 4 && memcmp(nx, "with", 4) == 0)
				ok = 0;
			if (w[0] == 's' && !((k == 2 && memcmp(nx, "at", 2) == 0) ||
			                     (k == 4 && memcmp(nx, "work", 4) == 0)))
				ok = 0;
			workh_sig = ok;
		}
		/* "Her break is 2-2.30", "her lunch break is 1-1.45": when she
		 * is away from him, as her working hours are (her own, right
		 * before: not "a break from contact", "he takes his lunch") */
		if (!workh && wn == 5 && (memcmp(w, "break", 5) == 0 || memcmp(w, "lunch", 5) == 0) &&
		    !(f->seen & S_HE)) {
			char pw[8];
			size_t pk = fs_prev_word(f, a, pw, sizeof pw, NULL);
			if ((pk == 3 && memcmp(pw, "her", 3) == 0) ||
			    (pk == 5 && memcmp(pw, "lunch", 5) == 0 && (f->p2 & K_SHE) && !(f->p2 & K_HE)))
				workh_sig = 1;
		}
		/* s51-never: "offered her days at their other shop from Monday
		 * 11-7", "her shifts are Thu-Sat 9pm-3am": her working days,
		 * as her working hours (a clock after it decides) */
		if (!workh && !(f->seen & (S_HE | S_WORKH)) && !f->workh_prev && fs_work_days(w, wn)) {
			char pw[8], nx2[16];
			int t2;
			/* (not "her hours of sleep") */
			if (fs_prev_word(f, a, pw, sizeof pw, NULL) == 3 && memcmp(pw, "her", 3) == 0 &&
			    !(fs_peek(f, b, nx2, sizeof nx2, &t2) == 2 && memcmp(nx2, "of", 2) == 0))
				workh_sig = 1;
		}
		/* PoP: the person on probation, the perpetrator */
		if (wn == 3 && memcmp(w, "pop", 3) == 0 && f->s[a] == 'P' && f->s[a + 2] == 'P')
			c = K_HE;
		if (wn == 1 && (tf & TF_CAP) && w[0] == 'v')
			c |= K_SHE | K_SUBJ; /* V: the victim */
		/* "v at the travelodge", "v staying w her mum": notes typed fast
		 * in small letters write her label small too. Only opening a
		 * clause, where it is the subject ("v said", "v at"); inside one
		 * it is "versus" ("R v Smith") or "very" ("was v upset"). */
		if (wn == 1 && !(tf & TF_CAP) && w[0] == 'v' && f->nwords == 0 && f->s[a] == 'v')
			c |= K_SHE | K_SUBJ;
		if (wn == 3 && (tf & TF_UPPER) && memcmp(w, "vic", 3) == 0)
			c |= K_SHE | K_SUBJ; /* VIC: the victim, in a CAD's capitals */
		if (wn == 2 && w[0] == 'i' && w[1] == 'p' &&
		    ((tf & TF_UPPER) || ((tf & TF_POSS) && f->s[a] == 'I' && f->s[a + 1] == 'P')))
			c |= K_SHE | K_SUBJ; /* IP, IP's: the injured party */
		if (wn == 2 && (tf & TF_UPPER) && w[0] == 'a' && w[1] == 'p')
			c |= K_HE; /* AP: the alleged perpetrator */
	}
	/* A capitalised word after another is part of a name ("Safer Lives",
	 * "We Are With You"): an agency, not a statement; so is one before
	 * another inside a sentence ("engage with Living Without Abuse"). */
	int title_next = 0;
	if ((tf & TF_CAP) && !(tf & TF_UPPER) && f->nwords > 0 && !(f->p1f & TF_CAP) && c) {
		char nx[16];
		fs_peek(f, b, nx, sizeof nx, &title_next);
	}
	if ((tf & TF_CAP) && !(tf & TF_UPPER) && f->nwords > 0 &&
	    (((f->p1f & TF_CAP) && !(f->p1f & TF_UPPER)) || title_next))
		c &= K_HE | K_SHE | K_DET | K_TIME | K_DAYAB | K_ABBR | K_CLOCKW | K_MEDIC;
	/* "Refuge" in title case in brackets, a list of services or a
	 * heading ("(Refuge)", "Solace / Refuge", "Refuge - <Area> IDVA
	 * Service"): the national charity, an agency */
	if ((c & K_RES) && wn == 6 && memcmp(w, "refuge", 6) == 0 && (tf & TF_CAP) &&
	    !(tf & TF_UPPER) && fs_refuge_charity(f->s, f->n, a, b))
		c &= ~K_RES;
	/* ... and so is a word of living in title case, its -ing form,
	 * before a common word that no class lists, wherever it stands
	 * ("Staying Strong", "Living Beyond Harm": agencies; not "Staying
	 * With Mum", "Moved To <Town>", nor a town: "Lives <Town> with mum",
	 * "Moved Hope Valley on 3/11" are where she is) */
	if ((c & K_RES) && (tf & TF_CAP) && !(tf & TF_UPPER) && wn > 4 &&
	    memcmp(w + wn - 3, "ing", 3) == 0) {
		char nx[16];
		int tn = 0;
		size_t k = fs_peek(f, b, nx, sizeof nx, &tn);
		unsigned lx = k > 0 ? lex_classify(nx, k) : 0;
		if (tn && k > 0 && fs_lookup(nx, k) == 0 && (lx & LEX_COMMON) && !(lx & LEX_PLACE))
			c &= ~K_RES;
	}
	/* after her label, only time windows: "V: 9-11am", "Leah: 10-2
	 * weekdays", "Client: evenings" (fs_label_window) */
	if (f->tlabel) {
		if (((tf & TF_NUM) && fs_time_range(w, wn)) || (c & K_TIME))
			f->t_time++, f->t_end = b;
		else if (!(tf & TF_CLOCK) && !(c & (K_COND | K_FUNC | K_TO | K_EVERY | K_DAYAB | K_CLOCKW)))
			f->t_other = 1;
		else
			f->t_end = b;
	}

	/* A log entry's stamp (dates, times, numbers, a weekday before a
	 * date: "Tue 4/11") is no part of the span. */
	if (f->c_start == SIZE_MAX && f->ncl == 0 && (c & (K_TIME | K_DAYAB)) && (tf & (TF_CAP | TF_UPPER)) &&
	    wn >= 3 && wn <= 9 && fs_weekday(w) && memchr(w, '-', wn) == NULL) {
		/* (only at the sentence's start: "...via the office; Mondays
		 * 10am" is the time itself; nor a span of days: "Mon-Fri
		 * 10-12" is a window, no entry's day) */
		size_t j = b;
		while (j < f->n && f->s[j] == ' ')
			j++;
		if (j < f->n && f->s[j] >= '0' && f->s[j] <= '9')
			return;
	}
	if (f->c_start == SIZE_MAX) {
		/* (not "1-bed, ...": a dwelling; nor an hour range before a word:
		 * "V: 12-1 when salon quiet" is the time itself, no entry's stamp) */
		if ((tf & TF_NUM) && !(c & K_RES) &&
		    !(b + 1 < f->n && f->s[b] == ' ' && fs_alnum(f->s[b + 1]) && fs_time_range(w, wn))) {
			if (tf & TF_CLOCK)
				f->seen |= S_CLOCK;
			if (f->u_cont && f->u_start != SIZE_MAX && b > f->u_end)
				f->u_end = b; /* as clause_end() */
			return;
		}
		f->c_start = a;
		if (f->u_start == SIZE_MAX)
			f->u_start = a;
	}
	f->c_end = b;
	f->nwords++;

	unsigned s = 0;
	int conv = 0; /* this word completed a conveyance's place */
	int livew = 0, feed = 0; /* "lives with": S_LIVEW; "live link": none */
	int movin = 0; /* "moved in" alone: S_MOVIN */
	int nores = 0; /* the residence word names none here ("tenancy ref",
	                * "marker live", "where to live"): none */
	/* residence; "Mrs X lives with her son, who is her carer" is the
	 * household at the address on file ("now lives with", "lives with
	 * her sister in Hull" say where) */
	if ((c & K_RES) && ((wn == 5 && memcmp(w, "lives", 5) == 0) || (wn == 4 && memcmp(w, "live", 4) == 0)) &&
	    !(f->p1 & K_ADV) &&
	    !(a >= 7 && strncasecmp((const char *)f->s + a - 7, "longer ", 7) == 0)) {
		/* (not "no longer lives with her": a change, and when she is safe) */
		char nx[16];
		int title;
		size_t k = fs_peek(f, b, nx, sizeof nx, &title);
		if ((k == 4 && memcmp(nx, "with", 4) == 0) || (k == 5 && memcmp(nx, "alone", 5) == 0))
			livew = 1; /* (s38-over: "lives alone with daily care": the
				    * household, as "lives with") */
		/* s39-over: "not eligible for live link", "a live stream":
		 * the adjective, a court's video or a feed ("live link from
		 * <Place>" still says where she will be) */
		static const char *const FEED[] = {"link", "links", "stream", "feed", "chat", NULL};
		static const char *const FROM[] = {"from", "at", "in", NULL};
		size_t i = b;
		if (wn == 4 && fs_next_word(f, &i, nx, sizeof nx, &title) == k && k + 1 < sizeof nx &&
		    (nx[k] = 0, fs_in(nx, FEED))) {
			size_t k2 = fs_next_word(f, &i, nx, sizeof nx, &title);
			feed = !(k2 > 0 && k2 + 1 < sizeof nx && (nx[k2] = 0, fs_in(nx, FROM)));
		}
	}
	if ((c & K_RES) && wn >= 4 && memcmp(w, "mov", 3) == 0 && fs_moved_in(f, b))
		movin = 1;
	/* s40-over: "capacity re where to live", "Marker live 21/02": no one
	 * living anywhere */
	if ((c & K_RES) && wn == 4 && memcmp(w, "live", 4) == 0 && fs_live_no_place(f, a))
		nores = 1;
	/* s40-over: "Tenancy ref BHCC/T/118204", "tenancy no. 4471": a
	 * tenancy's reference, a record's, not where she lives (the
	 * reference is kept as one) */
	if ((c & K_RES) && wn == 7 && memcmp(w, "tenancy", 7) == 0) {
		static const char *const REF[] = {"ref", "reference", "no", "number", "id", NULL};
		char nx[16];
		int title;
		size_t k = fs_peek(f, b, nx, sizeof nx, &title);
		if (k && fs_in(nx, REF))
			nores = 1;
	}
	/* (s19-over: not "marker on both addresses": fs_address_marker) */
	if ((c & K_RES) && !livew && !feed && !movin && !nores &&
	    !(wn == 9 && memcmp(w, "addresses", 9) == 0 && fs_address_marker(f, a, b)))
		s |= S_RES;
	/* "She's been placed by <Provider>": housed by whoever placed her */
	if ((c & K_GO) && wn == 6 && memcmp(w, "placed", 6) == 0) {
		char nx[16];
		int title;
		size_t k = fs_peek(f, b, nx, sizeof nx, &title);
		if (k == 2 && nx[0] == 'b' && nx[1] == 'y') {
			/* (not "placed by phone", "by e-mail": an order) */
			size_t j = b;
			while (j < f->n && f->s[j] == ' ')
				j++;
			k = fs_peek(f, j + 2, nx, sizeof nx, &title);
			if (!(k && (fs_lookup(nx, k) & (K_DEV | K_CALL | K_ROUTE))) &&
			    !(k == 5 && memcmp(nx, "email", 5) == 0) && !(k == 1 && nx[0] == 'e'))
				s |= S_RES;
		} else if (fs_named_at(f, b, NULL)) {
			s |= S_RES; /* "Client placed <Name> House since 22/09": the
			             * preposition dropped, as notes do */
		}
	}
	int skip_in = f->skip_in && wn == 2 && memcmp(w, "in", 2) == 0;
	if (f->skip_in && !(wn == 4 && memcmp(w, "back", 4) == 0))
		f->skip_in = 0;
	if (movin)
		f->skip_in = 1; /* its "back" and "in" name no place */
	if (((c & (K_PREP | K_ABOVE)) && !(wn == 4 && memcmp(w, "with", 4) == 0) && !skip_in) ||
	    (wn == 3 && memcmp(w, "now", 3) == 0) || (wn == 9 && memcmp(w, "currently", 9) == 0) ||
	    (wn == 11 && memcmp(w, "temporarily", 11) == 0) ||
	    (wn == 5 && memcmp(w, "since", 5) == 0 && (f->seen & S_LIVEW) && fs_since_when(f, b)))
		s |= S_PLACEP; /* "LIVES WITH MOTHER, <address> SINCE SEPT": moved in */
	unsigned res0 = s & S_RES; /* before the dwelling's signals */
	if ((c & K_ADDR) && !(f->p1 & (K_NDET | K_PREP | K_TO)) &&
	    !((f->p1 & K_HOME) && (f->p2 & (K_NDET | K_PREP | K_TO))) &&
	    !fs_address_marker(f, a, b))
		s |= S_RES; /* "her address", "new address", not "at the address", nor
		             * "marker on victim's address" (s19-over) */
	/* A dwelling: "her flat", "a new house", "at home", "mum's house",
	 * "a one-bed property"; not "the house" (the one the notes already
	 * know) nor "in place". */
	int det1 = (f->p1 & (K_DET | K_MOD)) && !(f->p1 & K_THE);
	int det2 = (f->p2 & (K_DET | K_MOD)) && !(f->p2 & K_THE);
	if ((c & K_RESN) && (det1 || det2 || (f->det_win > 0 && !(c & K_HOME)) ||
	                     ((f->p1 & (K_PREP | K_TO)) && !(f->p1 & K_THE)) ||
	                     (f->p1f & (TF_POSS | TF_NUM))) &&
	    /* (not "our consultation room": a room's use before it) */
	    !(wn >= 4 && memcmp(w, "room", 4) == 0 && fs_prev_in(f, a, FS_ROOM_USE)) &&
	    /* s41-over: "in bed", "to bed": asleep, no dwelling */
	    !(wn == 3 && memcmp(w, "bed", 3) == 0 && (f->p1 & (K_PREP | K_TO)) && !det1 && !det2 &&
	      !(f->p1f & (TF_POSS | TF_NUM)) && !fs_bed_and(f, b)))
		s |= S_RES;
	if ((c & K_PLACE) && (det1 || det2 || (f->p1f & TF_POSS)) &&
	    !((f->p1 & K_SCHOOL) && fs_no_place_ahead(f, b)))
		s |= S_RES; /* (not "a school place by January": a pupil's; "a school
		             * place near you" says where she will live) */
	/* her home the notes know, in an incident's clause (clause_end) */
	int dwell = !res0 && (s & S_RES) && fs_dwell_known(f, a, b);
	if (dwell)
		s &= ~S_RES;
	if ((c & K_ABOVE) && ((f->p1 & K_RESN) ||
	                      (f->dwell_win > 0 && !(wn >= 8 && memcmp(w + wn - 6, "stairs", 6) == 0))))
		s |= S_RES; /* "flat above the chicken shop", "room behind the pub", "the
		             * house with the red door opposite the church", "on the road
		             * behind the precinct" (even "the": which one is the news) */
	if (f->place_next) {
		if (c & (K_DET | K_ADV)) {
			/* "went to the ...": the next word decides */
		} else {
			int place = !(c & K_NOTPL) && !(tf & TF_CLOCK) &&
			            !((tf & TF_NUM) && wn == 4 && (w[0] == '1' || w[0] == '2'));
			/* s19-over: "a management transfer in Oct", "went in
			 * September": a month after at, in, into is when (after
			 * "to" it may be a town); "into the joint account", "out
			 * of her sole account": a bank's, where money goes */
			if (place && ((f->place_next == 1 && wn < 16 && fs_month(w) && !(tf & TF_POSS)) ||
			              fs_account_next(f, b)))
				place = 0;
			/* s38-over: "fled on 12/02", "left on the 3rd": a date
			 * after at, on, in is when (after "to" a number may be a
			 * house's) */
			if (place && f->place_next == 1 && (tf & TF_NUM) && fs_num_date(f, b, w, wn))
				place = 0;
			/* "going to" + a verb is the future, not a place: after
			 * "to" only a determiner, a name, a number, a kin word or a
			 * dwelling makes one. */
			/* "go to hers", "back to theirs": their home */
			int home_pron = (wn == 4 && memcmp(w, "hers", 4) == 0) ||
					(wn == 6 && memcmp(w, "theirs", 6) == 0) ||
					(wn == 4 && memcmp(w, "ours", 4) == 0);
			if (f->place_next == 2 && !(f->p1 & K_DET) && !home_pron &&
			    !(c & (K_KIN | K_MOD | K_RES | K_RESN | K_PLACE | K_AREA)) &&
			    !(tf & (TF_CAP | TF_UPPER | TF_NUM | TF_POSS)))
				place = 0;
			/* after "down", "up", "round" or "over" (she's down
			 * <County> way) or her being seen at or in: only a name
			 * is a place ("she's up early", "seen her in clinic",
			 * "over Christmas", "seen her at the hearing" are not) */
			if (f->place_next == 3 && !((c & K_KIN) && (tf & TF_POSS)) && !fs_in(w, FS_COMPASS) &&
			    (!(tf & TF_CAP) || (tf & TF_NUM) || fs_month(w) || fs_in(w, FS_FEASTS) ||
			     (c & (K_TIME | K_DAYAB | K_BIZ | K_HE | K_SHE | K_KIN | K_MEDIC | K_CALL))))
				place = 0; /* (someone's is: "Location: her sister's") */
			/* after "met her at": a common place in small letters
			 * ("the cafe", "the library"); not a time, a number,
			 * the agencies' business, a person, a venue by its
			 * name ("met client at <Name> Civic Centre": the
			 * agency's) nor an agency's own premises ("at the
			 * office", "in clinic") */
			if (f->place_next == 4 &&
			    ((c & (K_BIZ | K_TIME | K_DAYAB | K_CALL | K_HE | K_SHE | K_CLOCKW | K_MEDIC)) ||
			     (tf & (TF_NUM | TF_CAP | TF_UPPER)) || fs_month(w) || fs_in(w, FS_VENUE)))
				place = 0;
			if (f->place_next == 4 && place) {
				char nx[16];
				int title;
				if (fs_peek(f, b, nx, sizeof nx, &title) && fs_in(nx, FS_VENUE))
					place = 0; /* "at the advice service" */
			}
			/* "was with <Name> for 9 years": a relationship; "is with
			 * <Town> Magistrates' Court": a court holding an
			 * application, no place */
			if (place && (tf & TF_CAP) &&
			    (fs_was_with_years(f, a, b) || (f->pn_with && fs_court_follows(f, b))))
				place = 0;
			if (place && f->place_next == 2 && !f->pn_with && fs_activity_ahead(f, a))
				place = 0; /* s21-over: "will go to the Freedom Programme" */
			if (place && !f->pn_with && !(c & (K_RES | K_RESN | K_KIN)) &&
			    (fs_service_ahead(f, a) || fs_room_use(f, w, wn, b)))
				place = 0;
			/* s41-over: "Kacper was in the room", "asleep in the
			 * bedroom" (where an incident happened, the home the
			 * notes tell of; not "she locked herself in the
			 * bathroom": where she is now); "was in a same-sex
			 * relationship" (a state, no place) */
			/* s41-over: "arrived at about 2245": a time follows */
			static const char *const APPROX[] = {"about", "approx", "approximately",
							     "roughly", "circa", NULL};
			if (place && wn < 16 && fs_in(w, APPROX))
				place = 0;
			if (place && f->place_next != 2 &&
			    ((((wn == 4 && memcmp(w, "room", 4) == 0) || (wn < 16 && fs_in(w, FS_ROOMS))) &&
			      (f->p1 & K_THE) && !(f->seen & S_SHE) && fs_no_place_ahead(f, b)) ||
			     (f->place_next == 1 && fs_state_ahead(f, a))))
				place = 0;
			/* "Ex came to her flat uninvited at 0100", "arrived at
			 * the victim's home": a visit to the home the notes
			 * know, read as that dwelling (dwell: an incident's
			 * clause keeps it); not "came to her new flat", "to
			 * her home in <Town>" (fs_dwell_known) */
			if (place && dwell && f->go_visit)
				place = 0;
			if (place && f->pn_conv)
				conv = 1 + ((c & K_KIN) || (tf & TF_POSS)); /* 2: someone's */
			else if (place)
				s |= S_RES;
			f->place_next = 0;
		}
	}
	/* "is at", "went back to", "is now with", "went home": only adverbs
	 * between the verb and the preposition ("were married in" is not). */
	int had_go = f->go_win > 0;
	f->go_win = 0;
	/* "V AND CHILD TO ...", "Mum and <Name> to ...": the subject's
	 * company, then where they went */
	if (had_go && f->subj_and && (c & K_SHE)) {
		f->go_win = 1;
		f->subj_and = 0;
		had_go = 0;
	}
	f->subj_and = 0;
	/* "arrived 16:30 at <Name>", "got there 0930 at ...": a clock between
	 * the going verb and its preposition, as an adverb would be */
	if (had_go && (tf & TF_CLOCK))
		f->go_win = 1;
	/* s38: fleeing is a going verb: where to is a place after it ("fled
	 * to her mum's", "fled sunday to <Town>": a day or a date between,
	 * as a clock); a name or a house number right after it is the place
	 * left ("fled <Town>", "fled 14 Oak Row"); "fled 12/11 after he
	 * locked her out", "fled on Sunday", "fled husband" say no place */
	int fled_keep = 0;
	if (had_go && f->fled_next &&
	    ((c & (K_TIME | K_DAYAB)) || fs_month(w) ||
	     ((tf & TF_NUM) && (fs_num_date(f, b, w, wn) ||
				(a > 0 && (f->s[a - 1] == '/' || f->s[a - 1] == '.'))))))
		f->go_win = 1, fled_keep = 1;
	else if (f->fled_next == 1 &&
		 (((tf & (TF_CAP | TF_UPPER)) && !(c & (K_HE | K_KIN | K_FUNC | K_TIME | K_DAYAB)) &&
		   !fs_month(w) && !fs_in(w, FS_FLED_WHAT) && !fs_in(w, FS_FLED_WHOM)) ||
		  ((tf & TF_NUM) && !fs_num_date(f, b, w, wn))))
		s |= S_RES; /* (not "fleeing DV", "fled HBV", "fled Husband") */
	f->fled_next = wn >= 4 && memcmp(w, "fle", 3) == 0 && (c & K_GO) && (w[3] == 'd' || w[3] == 'e')
		       ? 1 : fled_keep ? 2 : 0;
	/* took her, the kids, them (her people) to somewhere: conveyed */
	if (f->take_win > 0) {
		f->take_win--;
		char nx[16];
		int title;
		/* (after drive, drop or walk, "her" the person, not hers: "dropped
		 * her dose to 50mg", "dropping her hours to 16" say no place;
		 * "drove her back to", "dropped her and the kids to", "walked her
		 * to" do) */
		static const char *const HER_NEXT[] = {"to", "back", "off", "home", "and", "round",
						       "over", "up", "down", "straight", "there", "across",
						       "all", "herself", NULL};
		if ((c & K_SHE) && !(c & K_HE) && f->take_drv && wn == 3 && memcmp(w, "her", 3) == 0 &&
		    !(fs_peek(f, b, nx, sizeof nx, &title) && fs_in(nx, HER_NEXT)))
			f->take_win = 0;
		else if ((c & K_SHE) && !(c & K_HE))
			f->take_obj = 1;
		else if ((c & K_TO) && f->take_obj && !f->place_next)
			f->place_next = 2, f->pn_conv = 1, f->take_win = 0;
		else if ((c & K_HE) || (c & K_TO))
			f->take_win = 0;
	}
	/* s51-never: taken by someone, then where: "IP AND CHILDREN TAKEN BY
	 * PC 1166 ATKINSON TO <Town>", "was driven by a friend to <Town>":
	 * the agent's words (a rank, a number, a name, at most four), then
	 * "to" */
	if (f->by_win > 0) {
		f->by_win--;
		if ((c & K_TO) && !f->place_next)
			f->place_next = 2, f->pn_conv = 1, f->by_win = 0;
		else if (c & (K_PREP | K_HE | K_BY))
			f->by_win = 0;
	}
	if (had_go && f->go_conv == 1 && (c & K_BY))
		f->by_win = 5;
	/* (not after him in the clause: "husband has threatened to take
	 * the children to <Country>", "suspect brought her to the UK" are
	 * his acts, not where she is) */
	int drove = !(c & K_CONV) && fs_in(w, FS_DROVE);
	if (((c & K_CONV) || drove) &&
	    (!(c & K_GO) || (wn == 5 && memcmp(w, "taken", 5) == 0)) && !(f->seen & S_HE))
		f->take_win = 4, f->take_obj = 0, f->take_drv = drove; /* (s40-never: "has taken the children to
		                                   * her sister": "taken" is a going word too) */
	if (had_go && (c & K_RESN))
		s |= S_RES;
	/* "from Hexham where she's been sleeping": the place before "where"
	 * is hers */
	if ((c & K_GO) && f->where_win > 0)
		s |= S_RES;
	/* "the Hazel Grove flat", "a drive-by of the Mill Lane house": a
	 * dwelling named by its street, even after "the" (not "IP's flat":
	 * a possessive is whose, which the possessive's rule above reads) */
	if ((c & K_RESN) && !(tf & TF_CAP) && (f->p1f & TF_CAP) &&
	    !(f->p1f & (TF_UPPER | TF_POSS)) && f->nwords > 1 && !(f->p1 & K_DET) && /* not "The house ..." opening a sentence */
	    !(wn == 4 && memcmp(w, "room", 4) == 0 && fs_named_room(f, a))) /* s19-over */
		s |= S_RES;
	/* "the home is Larchwood", "the flat is Beech Court": a dwelling named */
	if ((tf & TF_CAP) && (f->p1 & K_BE) && (f->p2 & K_RESN))
		s |= S_RES;
	/* "the flat on <Name> Way", "THE PLACE ON <STREET> IN <TOWN>", "the
	 * bungalow in Leyburn": a dwelling named where it is says where,
	 * even after "the" (which one is the news); not a business named by
	 * its trade ("the kebab house on X", "a coffee house in Y": someone's
	 * workplace, which place_addr.c recognises) */
	if ((c & (K_RESN | K_PLACE)) && !(c & K_HOME) &&
	    !(wn == 5 && memcmp(w, "house", 5) == 0 && f->p1 == 0 && !(f->p1f & TF_CAP)) &&
	    fs_named_at(f, b, FS_WHERE_PREPS))
		s |= S_RES;
	/* a journey from or to a named place: "train from <Town>", "the coach
	 * to <City> on Friday" (his alone stays: the clause decides) */
	if ((c & K_ROUT) && fs_in(w, FS_CONVEYANCE) &&
	    fs_named_at(f, b, FS_FROM_TO))
		s |= S_RES;
	/* time spent somewhere or with someone: "spent last week with her
	 * gran", "spending the night at a friend's"; "would accept <Town> or
	 * <Town>", "will consider <Town>" in a housing application */
	if (c & K_STAYV) {
		if (w[0] == 's')
			f->stay_pend = 1;
		else if ((f->p1 & K_MODAL) && fs_named_at(f, b, NULL))
			s |= S_RES;
	} else if (f->stay_pend && (c & K_PREP) && !(wn == 5 && memcmp(w, "where", 5) == 0)) {
		f->place_next = (wn == 4 && memcmp(w, "with", 4) == 0) ? 2 : 1;
		f->stay_pend = 0;
	}
	/* a transfer, then what is transferred, then to or with whom: "transfer
	 * of her case to <Town>", "Transfer-in CP conference requested with
	 * <Town> Children's Services": the receiving area, a name, is where
	 * she lives; money transferred ("of 200 pounds", "of funds") is not */
	if (f->xfer) {
		if ((c & (K_PREP | K_TO)) && !(wn == 5 && memcmp(w, "where", 5) == 0))
			f->place_next = 3, f->pn_conv = 0, f->xfer = 0;
		else if ((tf & TF_NUM) || fs_in(w, FS_MONEY) || (wn == 7 && memcmp(w, "tenancy", 7) == 0))
			f->xfer = 0; /* (s19-over: "transfer of tenancy under <Act>": who holds it) */
	} else if ((c & K_GO) && wn >= 8 && memcmp(w, "transfer", 8) == 0 && !had_go) {
		f->xfer = 1;
	}
	/* "my dads in Crewe", "her parents' in Lodz": someone's (house) is in */
	if (f->kin_poss && (c & K_PREP) && !(wn == 4 && memcmp(w, "with", 4) == 0))
		f->place_next = 1;
	/* a later clause that opens on where: "- in Hexham, near the abbey -",
	 * "fled 24/01, now in <Town>" (s38: after "now", "currently") */
	int now_open = f->now_first;
	f->now_first = (wn == 3 && memcmp(w, "now", 3) == 0) ||
		       (wn == 9 && memcmp(w, "currently", 9) == 0);
	if (((f->nwords == 1 && f->ncl > 0) || now_open) && (c & K_PREP) && !(c & K_TO) &&
	    !(wn == 4 && memcmp(w, "with", 4) == 0) && !(wn == 5 && memcmp(w, "where", 5) == 0)) {
		char nx[16];
		int title;
		if (fs_peek(f, b, nx, sizeof nx, &title) && title && !(fs_lookup(nx, strlen(nx)) & (K_TIME | K_BIZ | K_NOTPL)) &&
		    !fs_month(nx))
			f->place_next = 1;
	}
	if (had_go && (c & (K_PREP | K_TO)))
		f->place_next = (c & K_TO) ? 2 : 1,
		f->pn_conv = f->go_conv == 1 || (f->go_conv == 2 && (c & K_TO)),
		f->pn_with = wn == 4 && memcmp(w, "with", 4) == 0;
	else if (had_go && f->go_conv == 1 && (c & K_SUBJ) && !(c & K_DET) && !(tf & TF_POSS))
		f->go_win = 1; /* whom, then where: "TRANSPORTED IP TO ...", "escorted V
		                * to ..." (not "conveyed her to <hospital>": a report's
		                * pronoun, often of an incident's ambulance) */
	else if (had_go && (c & K_DET) && !(c & K_THE))
		f->prep_win = 4; /* "is her old college friend's in ..." */
	else if (had_go && (tf & TF_UPPER) && fs_in(w, FS_FOUND_AT))
		f->go_win = 1; /* "VIC FOUND AT NEIGHBOURS", "VICTIM IS LOCKED IN STAFF
		                * ROOM": in a CAD's capitals, found or hidden somewhere
		                * is being there now (in prose "was found with
		                * bruising", "car found in ..." report an incident) */
	else if (had_go && (c & K_ADV)) {
		f->go_win = 1;
		/* "went there on Sunday with a suitcase", "will stop there till
		 * the hearing": a going or staying verb then "there" is the
		 * place just named (not "is there", "there is") */
		if (wn == 5 && memcmp(w, "there", 5) == 0 && !(f->p1 & K_BE) &&
		    ((f->p1 & K_GO) || ((f->p1 & K_ADV) && (f->p2 & K_GO))))
			s |= S_RES;
		/* "He is there most nights", "she is there on Sundays", opening
		 * the sentence after one withheld as where she is: "there" is
		 * that place, whoever goes there (not "is there ...?", "there
		 * is": no subject before the verb) */
		if (wn == 5 && memcmp(w, "there", 5) == 0 && (f->p1 & K_BE) &&
		    (f->p2 & (K_SHE | K_HE | K_SUBJ)) && !(f->p2 & K_KIN) && f->nwords == 3 &&
		    f->ncl == 0 && f->res_sent)
			s |= S_RES | S_RESO | S_SHE; /* her place, if he is the one there */
		/* "she's down <County> way", "went up <Town>": a direction
		 * then a name says where */
		if ((wn == 4 && (memcmp(w, "down", 4) == 0 || memcmp(w, "over", 4) == 0)) ||
		    (wn == 2 && memcmp(w, "up", 2) == 0) || (wn == 5 && memcmp(w, "round", 5) == 0))
			f->place_next = 3, f->pn_conv = 0;
	}
	/* s36-never: "Sister <Name> is visiting her there daily", "he has
	 * been seen there twice", in the sentence right after one withheld
	 * as where she is: "there" is that place (not "there is", "there
	 * were", "there's", "is there", "there and then"; nor "it's there", a thing's
	 * place) */
	if (wn == 5 && memcmp(w, "there", 5) == 0 && f->res_sent && f->ncl == 0 &&
	    f->nwords > 1 && !(f->p1 & K_BE) && !(tf & TF_POSS) && a + 5 < f->n &&
	    f->s[a + 5] != '\'' && f->s[a + 5] != 0xE2 && !fs_it_before(f, a) &&
	    !fs_there_exists(f, b))
		s |= S_RES | S_RESO | S_SHE;
	/* Her being seen somewhere says where she is, whoever saw her:
	 * "anyone seen her in <Town>?", "spotted V at <Shop> in <Town>"; him
	 * seen ("he was seen in <Town>") is his. */
	if (f->sight > 0) {
		f->sight--;
		if ((c & K_SHE) && !(c & K_KIN))
			f->sight = -1; /* her: at/in/near next */
	} else if (f->sight < 0) {
		if ((c & K_PREP) && !(wn == 4 && memcmp(w, "with", 4) == 0) &&
		    !(wn == 5 && memcmp(w, "where", 5) == 0))
			f->place_next = 3, f->pn_conv = 0;
		f->sight = 0;
	}
	/* s30-never: a CAD's "LOCATION <NAME>, <STREET>", "LOCN JUNC OF ...":
	 * its location label, in capitals without a colon, opening the entry */
	if ((tf & TF_UPPER) && (f->nwords == 1 || (f->nwords == 2 && (f->p1f & TF_NUM))) &&
	    ((wn == 8 && memcmp(w, "location", 8) == 0) || (wn == 4 && memcmp(w, "locn", 4) == 0)) &&
	    b + 1 < f->n && f->s[b] == ' ' && f->s[b + 1] >= 'A' && f->s[b + 1] <= 'Z' &&
	    !f->place_next) {
		static const char *const NOT_WHERE[] = {"unknown", "not", "tbc", "nk", "withheld",
							"of", NULL};
		char nx[16];
		int title;
		size_t k = fs_peek(f, b, nx, sizeof nx, &title);
		if (k > 0 && !fs_in(nx, NOT_WHERE) && !(fs_lookup(nx, k) & (K_FUNC | K_DET | K_OF)))
			f->place_next = 3, f->pn_conv = 0; /* (not "LOCATION OF INCIDENT
			                                    * UNKNOWN") */
	}
	/* s30-never: "locked herself in the bathroom", "barricaded herself
	 * into the bedroom": where she is hiding now; "parked (up) in the
	 * Tesco car park": where she is in her car (not after him in the
	 * clause: "he parked outside her flat" is his act) */
	{
		static const char *const hid[] = {"locked", "barricaded", "shut", "hid", "hiding",
						  "hidden", NULL};
		char pw[16];
		if (((wn == 7 && memcmp(w, "herself", 7) == 0) ||
		     (wn == 10 && memcmp(w, "themselves", 10) == 0)) &&
		    fs_prev_word(f, a, pw, sizeof pw, NULL) > 0 && fs_in(pw, hid))
			f->go_win = 1;
		if (wn == 6 && memcmp(w, "parked", 6) == 0 && !(f->seen & S_HE) && !(f->p1 & K_HE))
			f->go_win = 1;
	}
	/* "Met <Name> in the bakery on the harbour", "IDVA will meet her at the
	 * library on Wednesday": where she was or will be met (not his
	 * meeting her: "He met her at a party in 2015"; not a time, the
	 * agencies' business or court) */
	if (f->meet > 0) {
		f->meet = ((c & K_SHE) && !(c & K_KIN)) || ((tf & TF_CAP) && c == 0) ||
		          (c == 0 && !(tf & TF_NUM) && wn > 0 &&
		           (lex_classify(w, wn) & (LEX_FORENAME | LEX_COMMON | LEX_ALLOW)) == LEX_FORENAME)
		              ? -1
		              : 0; /* (s30-never: "met demi at costa": a forename in a
		                    * note written all in small letters) */
	} else if (f->meet < 0) {
		if ((c & K_PREP) && !(wn == 4 && memcmp(w, "with", 4) == 0) &&
		    !(wn == 5 && memcmp(w, "where", 5) == 0) && !f->place_next)
			f->place_next = 4, f->pn_conv = 0;
		f->meet = 0;
	}
	if ((c & (K_CALL | K_CALLPP)) && !(f->seen & S_HE) &&
	    ((wn == 3 && memcmp(w, "met", 3) == 0) || (wn == 4 && memcmp(w, "meet", 4) == 0)))
		f->meet = 1;
	if ((c & K_CALLPP) && ((wn == 4 && memcmp(w, "seen", 4) == 0) ||
	                       (wn == 7 && (memcmp(w, "spotted", 7) == 0 || memcmp(w, "sighted", 7) == 0))))
		f->sight = 2;
	/* "she was spotted in <Shop>" (not "seen in": a clinic's word) */
	if (wn == 7 && (c & K_CALLPP) && (f->p1 & K_BE) && (f->seen & S_SHE) && w[0] == 's' &&
	    (memcmp(w, "spotted", 7) == 0 || memcmp(w, "sighted", 7) == 0))
		f->sight = -1;
	/* "at her mum's" is a place; "to her son's father", "her friend's
	 * phone", "at her mum's, Sharon" are not (or not only). */
	if (f->kin_pend) {
		/* (s19-over: not an event or a part of the body: "returned from
		 * a friend's birthday", "to mum's throat") */
		if (!(c & (K_KIN | K_DEV | K_CALL)) && !(tf & TF_CAP) && !(fs_in(w, FS_MONEY) || (f->kin_from && fs_in(w, FS_ACCOUNT))) &&
		    !(wn < 16 && fs_in(w, FS_NOT_HOME)))
			s |= S_RES;
		f->kin_pend = 0;
	}
	/* (after a going verb with no preposition too: "going ur aunties",
	 * "went mum's") */
	if ((f->prep_win > 0 || (had_go && ((f->p1 | f->p2) & K_GO))) &&
	    (c & K_KIN) && (tf & TF_POSS))
		f->kin_pend = 1;
	if ((c & K_AREA) && f->out_of == 2)
		s |= S_RES;
	/* "school places in B17", "a flat near LS6": a postcode district */
	if ((tf & TF_CAP) && (f->p1 & (K_PREP | K_TO)) && wn >= 2 && wn <= 4 && failsafe_postcode_district(w, wn))
		s |= S_RES;
	if (fs_want_areas(f, a, b, w, wn, c, tf))
		s |= S_RES;
	/* "next appointment at <Name>", "birth plan changed to <Name>",
	 * "antenatal appt at the <Name> clinic": where she will be seen; not
	 * "appt at 10:30", "appointment with CAMHS" */
	if (f->appt_next && !(c & K_DET)) {
		unsigned lx = f->appt_next >= 2 && wn ? lex_classify(w, wn) : 0;
		if ((tf & TF_CAP) && !(tf & TF_NUM) &&
		    !(c & (K_TIME | K_DAYAB | K_BIZ | K_CLOCKW | K_HE | K_SHE | K_KIN)) &&
		    !fs_month(w) && !((lx & LEX_ALLOW) && !(lx & LEX_PLACE)) &&
		    !fs_justice_venue(f, a))
			s |= S_RES; /* (after a label, not an agency: "Appt: CAMHS") */
		f->appt_next = 0;
	}
	if (c & K_APPT)
		f->appt = 1;
	else if (f->appt && (c & (K_PREP | K_TO)) && !(wn == 4 && memcmp(w, "with", 4) == 0) &&
		 (f->appt != 2 || (wn == 2 && memcmp(w, "at", 2) == 0)) &&
		 !(wn == 5 && memcmp(w, "where", 5) == 0))
		f->appt_next = f->appt == 2 ? 3 : 1;
	/* "rang from the cafe by the station", "IP RINGING FROM ACROSS THE
	 * PARK": where she rang from */
	/* "her sister is putting her up", "her brother has taken her in":
	 * someone housing her (the verb, her or them, then "up" or "in") */
	if (f->putup > 0) {
		f->putup--;
		size_t j = b;
		while (j < f->n && f->s[j] == ' ')
			j++;
		/* then the clause ends, or where or how long: "up in <Town>",
		 * "in (<District>)", "up for now"; not "took her in for
		 * questioning", "put her up against the wall" */
		int ends = j >= f->n || !fs_alnum(f->s[j]) || fs_word_is(f->s, f->n, j, "in") ||
			   fs_word_is(f->s, f->n, j, "at") || fs_word_is(f->s, f->n, j, "with") ||
			   fs_word_is(f->s, f->n, j, "since") || fs_word_is(f->s, f->n, j, "until") ||
			   fs_word_is(f->s, f->n, j, "till") ||
			   (fs_word_is(f->s, f->n, j, "for") && j + 4 < f->n &&
			    (fs_word_is(f->s, f->n, j + 4, "now") ||
			     fs_word_is(f->s, f->n, j + 4, "the")));
		if (f->putup == 0 && wn == 2 && memcmp(w, f->putin ? "in" : "up", 2) == 0 && ends &&
		    (f->p1 & (K_SHE | K_SUBJ)))
			s |= S_RES;
	}
	if (fs_put_verb(w, wn))
		f->putup = 2, f->putin = 0;
	else if ((wn == 5 && memcmp(w, "taken", 5) == 0) || (wn == 4 && memcmp(w, "took", 4) == 0))
		f->putup = 2, f->putin = 1;
	if (f->callfrom > 0) {
		f->callfrom--;
		if ((c & K_FROM) && fs_from_where(f, b, 0))
			s |= S_RES, f->callfrom = 0;
	}
	/* (her ringing, or someone's by name: "IP RANG", "Caller rang",
	 * "<Name> rang", "Rang from ..."; not "The school rang") */
	if ((c & K_KIN) && !(tf & TF_POSS) && ((f->p1 & K_DET) || (f->p1f & TF_POSS)))
		f->kin_subj = 1; /* "her aunt (Mrs X) rang from <Town>": hers */
	if ((c & (K_CALL | K_CALLPP)) && wn >= 4 && !f->kin_subj &&
	    ((f->p1 & (K_SHE | K_SUBJ)) || f->nwords <= 1 ||
	     ((f->p1f & TF_CAP) && !(f->p1 & ~(K_FUNC | K_ABBR)))) &&
	    ((wn == 4 && (memcmp(w, "rang", 4) == 0 || memcmp(w, "rung", 4) == 0)) ||
	     (wn >= 5 && memcmp(w + wn - 5, "calls", 5) == 0 && (tf & TF_UPPER) &&
	      (wn == 5 || (wn == 7 && memcmp(w, "re", 2) == 0) ||
	       (wn == 8 && memcmp(w, "re-", 3) == 0))) ||
	     memcmp(w + wn - 2, "ed", 2) == 0 || memcmp(w + wn - 3, "ing", 3) == 0))
		f->callfrom = 4; /* ("IP CALLS FROM ...", "IP RE-CALLS FROM ...": a CAD's
				  * present, in capitals) */
	/* s22-never: "FEMALE CALLER FROM <PLACE>", "V caller from the
	 * station": her, as a CAD names her, ringing from somewhere (not a
	 * caller on its own: a neighbour, a passer-by) */
	if (wn == 6 && memcmp(w, "caller", 6) == 0 && !f->kin_subj && (f->p1 & (K_SHE | K_SUBJ)))
		f->callfrom = 4;
	/* s30-never: a record that opens on where the call came from ("Call
	 * from <Hospital> staff car park, level 2", "CALLER FROM SHOP - ...",
	 * "Call from Tesco, Anlaby Rd"): the incident's place, where she is;
	 * a person or an agency calling is no place (fs_from_place) */
	if (((wn == 4 && memcmp(w, "call", 4) == 0) || (wn == 6 && memcmp(w, "caller", 6) == 0)) &&
	    (f->nwords == 1 || (f->nwords == 2 && (f->p1f & TF_NUM))) && fs_from_place(f, b))
		s |= S_RES;
	/* contact */
	int route_dev = (c & K_DEV) && ((f->p1 & K_RMOD) || (f->p1f & TF_POSS));
	if ((c & K_CALL) && !(f->p1 & (K_NDET | K_BY)) && !(f->p1f & TF_NUM) && !route_dev &&
	    !fs_calls_authority(f, b))
		s |= S_CALL, f->ncall++, f->call_any = 1;
	else if ((c & K_CALL) && (f->p1 & K_NDET))
		s |= S_CALLN;
	if (c & K_DEV)
		s |= S_DEV;
	if (c & K_TIME)
		s |= S_DAY;
	if (((c & (K_TIME | K_DAYAB)) && wn >= 3 && fs_weekday(w)) ||
	    ((tf & TF_NUM) && fs_time_range(w, wn)))
		s |= S_WDAY;
	if ((wn == 5 && memcmp(w, "alone", 5) == 0) ||
	    (wn == 3 && memcmp(w, "own", 3) == 0 && (f->p1 & K_SHE) && (f->p1 & K_DET)) ||
	    (wn == 7 && memcmp(w, "herself", 7) == 0 && (f->p1 & K_BY)))
		s |= S_ALONE;
	/* "She can be seen alone at the clinic", "the nurse can see her
	 * alone at the start", "Mum can be spoken to on her own
	 * when he is at work": when and where she can be met without him is
	 * the arrangement itself (not "seen alone: disclosed ...", a report,
	 * nor "so she can be seen alone", what an appointment is for) */
	if ((s & S_ALONE) && f->see_win > 0)
		s |= S_SAFE;
	/* "best after 7pm", "safe on Tuesdays": safe or best before a time */
	if ((f->p1 & K_SAFE) && ((c & (K_TIME | K_COND)) || (tf & TF_CLOCK)))
		s |= S_SAFE;
	if ((c & K_FROM) && (f->p1 & K_CALL) && f->ncall > 0 &&
	    --f->ncall == 0)
		f->seen &= ~S_CALL; /* "a call from her sister": a report */
	if ((c & K_CALLPP) && (f->p1 & K_BEBASE))
		s |= S_CALL;
	/* "days are fine", "mornings are no good", "Tuesdays best": a time
	 * and a judgement of it is advice on when */
	if ((c & K_GOOD) && (f->seen & S_DAY))
		s |= S_SAFE;
	/* "the way to reach her", "best way to contact her is ...": how */
	if ((c & K_CALL) && (f->p1 & K_TO) && (f->p2 & K_WAY))
		s |= S_SAFE;
	/* "ok to talk", "free to ring", "safe to call": whether she can talk */
	if ((c & K_CALL) && (f->p1 & K_TO) && (f->p2 & K_OKTO))
		s |= S_SAFE;
	if ((c & (K_TIME | K_COND)) &&
	    !(((wn == 5 && (memcmp(w, "after", 5) == 0 || memcmp(w, "until", 5) == 0)) ||
	       (wn == 6 && memcmp(w, "before", 6) == 0)) && fs_told_after(f, b)))
		s |= S_WHEN;
	int route = (c & K_ROUTE) != 0 &&
	            !((wn == 3 || wn == 7) && (memcmp(w, "via", 3) == 0 || memcmp(w, "through", 7) == 0) &&
	              fs_via_court(f, b));
	if (c & K_INTERP)
		s |= S_INTERP;
	if ((tf & TF_CLOCK) || (c & K_CLOCKW))
		s |= S_CLOCK;
	/* "drop-off at 8 and pick-up at 5": a routine's hour, written bare */
	if ((tf & TF_NUM) && (f->seen & (S_ROUT | S_WORKH)) && (f->p1 & K_PREP) &&
	    ((wn == 1 && w[0] >= '1' && w[0] <= '9') || (wn == 2 && w[0] == '1' && w[1] >= '0' && w[1] <= '2')))
		s |= S_CLOCK;
	if (c & K_ROUT)
		s |= S_ROUT;
	/* s41-never: a child's contact handed over by the calendar ("handed
	 * over every other Saturday at 10am at the <Shop> car park", "every
	 * Sunday handover at ..."): a routine; not a worker's handover ("handover
	 * e-mail to the MASH Monday", "handed over to the day team") */
	if (((wn == 6 && memcmp(w, "handed", 6) == 0) || (wn == 8 && memcmp(w, "handover", 8) == 0) ||
	     (wn == 9 && memcmp(w, "handovers", 9) == 0)) &&
	    ((f->seen & S_EVERY) || fs_every_ahead(f, b)))
		s |= S_ROUT;
	/* s30-never: a timetable's row, "Tue<TAB>10:00-12:00<TAB><Building>
	 * LT2": a weekday, an hour range and more after it (the line breaks
	 * and tabs are spaces here): where she will be and when (her
	 * lectures, her shifts) */
	if ((tf & TF_NUM) && fs_time_range(w, wn) && b + 1 < f->n &&
	    (f->s[b] == ' ' || f->s[b] == '\t') && fs_alnum(f->s[b + 1]) &&
	    fs_weekday_before(f, a, NULL))
		s |= S_ROUT | S_CLOCK;
	/* "Work: <Place>, medical records - Mon/Tue/Thu 8.30-4.30": the hours
	 * under her work's label are where she will be and when */
	if (f->work_lbl && (s & (S_WDAY | S_CLOCK)))
		s |= S_ROUT;
	if (workh_sig) {
		s |= S_WORKH;
		f->workh_end = b;
		/* s38-never: "<Hospital> site, <Area>, where the victim works in
		 * the pathology lab", "the Co-op in <Town>, where she works":
		 * the place before "where" is her workplace */
		if (f->where_win > 0 && f->where_named)
			s |= S_RES;
	}
	/* the range right after ("works 12-8", "break is 2-2.30"): its hours */
	if ((tf & TF_NUM) && f->workh_end && a <= f->workh_end + 12 && fs_time_range(w, wn))
		f->workh_near = 1;
	if (c & K_PREP)
		s |= S_PREP;
	if ((c & K_KIN) && (tf & TF_POSS)) {
		/* someone's home: the possessive alone ("HER AUNTIE'S",
		 * "mum's.") or before where ("mum's in ...", "her nan's
		 * flat"); not "her auntie's car" */
		char kx[16];
		int kt;
		size_t kk = fs_peek(f, b, kx, sizeof kx, &kt);
		if (kk == 0 || (fs_lookup(kx, kk) & (K_PREP | K_RESN | K_PLACE | K_STREET)))
			s |= S_KINP;
	}
	if (c & K_MEDIC)
		s |= S_MEDIC;
	if (c & K_EVERY)
		s |= S_EVERY;
	if ((c & K_CALL) && (f->p1 & K_BY))
		s |= S_WHEN; /* "contact by text only" */
	if ((c & K_MODAL) || ((c & K_CALL) && (f->p1 & K_TO)))
		s |= S_MODAL; /* "IDVA to call at 10" */
	if ((c & K_CALL) && ((f->p1 & K_DONT) || ((f->p1 & K_NOT) && (f->p2 & K_DO))) &&
	    !fs_next_is(f, b, "unannounced"))
		s |= S_WHEN; /* "do not call" (s20-over: not "do not visit unannounced":
		              * how a visit is made, no time or route) */
	/* s20-over: "he has sent", "suspect <NAME> sent": he or his name right
	 * before, or one unclassed word between ("has", his name) */
	if (wn == 4 && memcmp(w, "sent", 4) == 0 &&
	    ((f->p1 & K_HE) || ((f->p2 & K_HE) && f->p1 == 0)))
		s |= S_HISMSG;
	if ((c & (K_HE | K_KIN)) && f->when_win > 0)
		s |= S_WHEN; /* "when he is at work", "when Dad is offshore" */
	/* "if she replies OK she can talk": a condition on her, with a
	 * contact word, is when she can be reached */
	if ((c & K_SHE) && f->if_win > 0)
		s |= S_WHEN;
	/* "free in the daytime", "available after 4": whether she is free,
	 * and when, is a safe time */
	if (f->free_win > 0 && ((c & (K_TIME | K_COND)) || (tf & TF_CLOCK)))
		s |= S_SAFE;
	if ((c & K_SCHN) && (f->p1 & K_SCHOOL))
		s |= S_WHEN;
	if (route_dev)
		s |= S_WHEN; /* "her friend's phone", "work mobile" */
	/* s20-over: after "he has sent", a device of hers or her people's ("to
	 * her sister's phone"), a condition, advice or "if" ("..., so only
	 * call her after 6") is a contact with her again: S_HISMSG goes */
	if ((route_dev && !(f->p1 & K_HE)) || (c & (K_COND | K_MODAL | K_WHEN | K_IF)))
		f->seen &= ~S_HISMSG, s &= ~S_HISMSG;
	/* "Reach her on WhatsApp", "Message her on Instagram", "call her on
	 * the landline": advice to reach her on a channel is her route (not
	 * "on his mobile": his) */
	if ((f->seen & S_CALL) && ((c & K_DEV) || fs_in(w, FS_APPS)) && !(f->p1 & K_HE) &&
	    fs_after_on(f, a, (f->p1 & K_DET) != 0))
		s |= S_WHEN;
	/* "Leave a voicemail saying it's the surgery", "leave a message with
	 * her sister": leaving one is the contact, and how */
	if (((c & K_MSG) || ((c & K_ROUTE) && wn == 9 && memcmp(w, "voicemail", 9) == 0)) &&
	    ((f->p1 & K_LEAVE) || (f->p2 & K_LEAVE)))
		s |= S_CALL | S_WHEN;
	/* someone who passes messages on is her route: "the project worker
	 * will pass messages", "her ward manager can get a message to her",
	 * "staff will take a message"; and the name to ask for when one
	 * rings: "answers the phone, ask for \"<Name>\"" */
	/* her number by its last digits ("Mob ends 392", "phone ending 0417"):
	 * the number, told so it can be recognised, is her contact */
	if ((f->p1 & K_DEV) && ((wn == 4 && memcmp(w, "ends", 4) == 0) ||
	                        (wn == 6 && memcmp(w, "ending", 6) == 0))) {
		size_t j = b + 1; /* one space, then three digits: reads four bytes */
		if (b < f->n && f->s[b] == ' ' && j + 2 < f->n && f->s[j] >= '0' && f->s[j] <= '9' &&
		    f->s[j + 1] >= '0' && f->s[j + 1] <= '9' && f->s[j + 2] >= '0' && f->s[j + 2] <= '9')
			s |= S_SAFE;
	}
	int relay = fs_relay(f, a, b, w, wn, c);
	if (relay)
		s |= relay == 2 ? S_SAFE | S_CODE : S_SAFE;
	if (((c & K_SAFEN) && (f->p1 & K_SAFE)) || ((c & K_BOX) && (f->p1 & K_PO)))
		s |= S_SAFE;
	/* a code word: "texts the word 'pizza'", "a codeword" */
	if ((wn == 4 && memcmp(w, "word", 4) == 0 && (f->p1 & K_DET) && (f->p2 & K_CALL)) ||
	    ((c & K_SAFEN) && (c & K_SAFE)))
		s |= S_SAFE;
	/* who: him in a condition ("until husband leaves for his job") is
	 * when, not whose the clause is ("Currently at the friend's house in
	 * <Town> until husband leaves ..." is hers) */
	if (((c & K_HE) || ((tf & TF_POSS) && wn == 2 && w[0] == 'h' && w[1] == 'e')) && !f->in_cond)
		s |= S_HE;
	if ((c & K_WHEN) || ((c & K_COND) && fs_in(w, FS_COND_CLAUSE)))
		f->in_cond = 1;
	if ((c & K_SHE) && !((c & (K_KIN | K_MOD)) && (f->p1 & K_HE)))
		s |= S_SHE; /* "his mum", "his family" are not hers */
	if ((tf & TF_POSS) && wn == 3 && memcmp(w, "she", 3) == 0)
		s |= S_SHE;
	if (s & S_RES)
		s |= S_RESO;
	if (s & S_WHEN)
		s |= S_WHENO;
	if (route)
		s |= S_WHEN;
	if (conv)
		s |= S_RES | S_CONV;
	if (conv && (f->seen & S_CONV))
		s |= S_RESO; /* a second place reached: "went to A&E then went to her
		              * sister's" (s19-over) */
	if (conv == 2)
		s |= S_RESO; /* someone's home reached: "CONVEYED TO HER MUMS NOT
		              * HOSPITAL" (s19-over) */
	if (livew)
		s |= S_RES | S_LIVEW;
	if (movin)
		s |= S_RES | S_MOVIN;
	if (s & S_RES)
		f->res_strong = 1;
	if (dwell)
		s |= S_RES | S_RESO;

	f->seen |= s;

	/* windows for the next words */
	if (f->prep_win > 0)
		f->prep_win--;
	/* a determiner, then up to two words no class lists (nouns used
	 * as adjectives: "a new housing association flat"), then the noun;
	 * a listed word between ("a different man when home") ends it */
	if ((c & (K_DET | K_MOD)) && !(c & K_THE))
		f->det_win = 3;
	else if (c == 0 && f->det_win > 0)
		f->det_win--;
	else
		f->det_win = 0;
	if (f->when_win > 0)
		f->when_win--;
	if ((c & (K_GO | K_BE)) || ((c & K_SUBJ) && f->nwords == 1) ||
	    ((c & K_SHE) && (c & K_KIN) && f->nwords == 1 && fs_next2_is_and(f, b))) {
		/* a conveyance, or a bare subject ("IP TO <HOSPITAL>", "Mum
		 * and <Name> to ..."); "is at" and a moving verb are where
		 * she is wherever it is */
		/* (s19-over: "went to" as a conveyance: "She went to <Name>
		 * A&E", a visit past, as "conveyed to <Name> Hospital" is;
		 * "went to her mum's" is still where she is) */
		f->go_conv = ((c & K_CONV) && (c & K_GO)) || (wn == 4 && memcmp(w, "went", 4) == 0) ? 1
		             : ((c & (K_SUBJ | K_KIN)) && f->nwords == 1 && !(c & (K_GO | K_BE))) ? 2 : 0;
		f->go_visit = fs_in(w, FS_VISIT_VERBS);
		f->go_win = 1;
	} /* notes drop the verb: "V at mums", "IP IN HULL" */ /* notes drop the verb: "V at mums", "IP IN HULL" */
	if ((tf & TF_POSS) && ((wn == 3 && memcmp(w, "she", 3) == 0) || (wn == 2 && memcmp(w, "he", 2) == 0)))
		f->go_win = 1; /* she's at */
	if ((c & K_SUBJ) && (f->p1 & K_FROM) && (f->p2 & (K_CALL | K_CALLPP)))
		f->go_win = 1; /* "CALL FROM IP AT <PLACE>": where she rings from */
	/* (and after "from": "rang from a cousin's", "the bus from his
	 * nan's" is where they stay) */
	if (c & (K_PREP | K_TO | K_FROM))
		f->prep_win = 3, f->kin_from = (c & K_FROM) != 0;
	if ((c & K_TO) && (f->nwords == 1 || (f->nwords == 2 && (f->p1 & K_ADV))) &&
	    !f->place_next && !(b < f->n && f->s[b] == ':'))
		f->place_next = 2, /* a clause that starts "to my cousin's in ..." */
		f->pn_conv = 1;    /* s20-over: taken there, as "IP TO <X>" is: a
		                    * custody or a hospital after it is an incident's
		                    * ("23:31 SUSP ARRESTED. TO <NAME> CUSTODY"),
		                    * someone's home or a town alone is where she is */
	if (c & K_WHEN)
		f->when_win = 2;
	if (f->if_win > 0)
		f->if_win--;
	if (c & K_IF)
		f->if_win = 2;
	if (f->free_win > 0)
		f->free_win--;
	f->see_win -= f->see_win > 0;
	if (f->can_win > 0 && fs_in(w, FS_SEE))
		f->see_win = 3;
	f->can_win -= f->can_win > 0;
	if (wn == 3 && memcmp(w, "can", 3) == 0) {
		char pw[8];
		fs_prev_word(f, a, pw, sizeof pw, NULL);
		if (strcmp(pw, "so") != 0 && strcmp(pw, "that") != 0)
			f->can_win = 4; /* "can only be seen", "can see her" */
	}
	if (f->dwell_win > 0)
		f->dwell_win--;
	if (f->where_win > 0)
		f->where_win--;
	if (wn == 5 && memcmp(w, "where", 5) == 0) {
		f->where_win = 4;
		/* ", where": a named place before it, the comma after its
		 * name ("<Hospital> site, <Area>, where ...") */
		f->where_named = a >= 2 && f->s[a - 1] == ' ' && f->s[a - 2] == ',' &&
				 (f->p1f & (TF_CAP | TF_UPPER));
	}
	if (c & (K_RESN | K_STREET))
		f->dwell_win = 5; /* "the house with the green door opposite" */
	f->kin_poss = (c & K_KIN) && (tf & TF_POSS);
	if (((wn == 4 && memcmp(w, "free", 4) == 0) || (wn == 9 && memcmp(w, "available", 9) == 0)) &&
	    !(f->p1 & K_NDET))
		f->free_win = 4; /* not "a free ...", "no free ..." */
	if (c & K_OUT)
		f->out_of = 1;
	else if ((c & K_OF) && f->out_of == 1)
		f->out_of = 2;
	else if (!((c & K_DET) && f->out_of == 2))
		f->out_of = 0;
	f->p2 = f->p1;
	f->p1 = c;
	f->p1f = tf;
}

/* Is the line s[0..n) a letter's greeting and a name at most ("Hi,",
 * "Dear Oonagh,", "Good morning all,")? */
static int fs_greeting(const unsigned char *s, size_t n)
{
	static const char *const G[] = {"hi", "hello", "dear", "morning", "afternoon", "evening",
	                                "good", "hiya", NULL};
	size_t a = 0, words = 0;
	while (a < n && s[a] == ' ')
		a++;
	size_t b = a;
	while (b < n && ((s[b] | 0x20) >= 'a' && (s[b] | 0x20) <= 'z'))
		b++;
	char w[12];
	if (b == a || b - a >= sizeof w)
		return 0;
	for (size_t k = a; k < b; k++)
		w[k - a] = (char)(s[k] | 0x20);
	w[b - a] = 0;
	if (!fs_in(w, G))
		return 0;
	for (size_t k = a; k < n; k++)
		words += s[k] == ' ' && k + 1 < n && s[k + 1] != ' ';
	return words <= 2;
}

static int fs_label_is(const unsigned char *s, size_t a, size_t e, const char *const *w);
static int fs_code_cell(const unsigned char *s, size_t a, size_t e);
static int fs_gap_label(const unsigned char *s, size_t n, size_t j, int any);
/* Labels of a form's field that say nothing of where ("Crew:", "Date:",
 * "Ref:", "Balance:"): line_goes_on ends a place's line before them. */
static const char *const FS_NOT_PLACE_LABEL[] = {
	"crew", "driver", "drivers", "porter", "porters", "date", "time", "ref", "reference",
	"balance", "cost", "price", "fee", "deposit", "payment", "paid", "status", "officer",
	"worker", "sent", "subject", "cc", "eta", "vehicle", "van", "booked", "booking", NULL};
static int fs_label_is(const unsigned char *s, size_t a, size_t e, const char *const *w);
/* The label opening at j (letters to its ':' within 32 bytes): its last
 * word one of w? */
static int fs_next_label_is(const unsigned char *s, size_t n, size_t j, const char *const *w)
{
	for (size_t k = j; k < n && k < j + 32; k++)
		if (s[k] == ':')
			return fs_label_is(s, j, k, w);
	return 0;
}
/* an e-mail's attribution line ends in one of these and ':' */
static const char *const FS_WROTE_LABEL[] = {"wrote", "writes", NULL};

/* Does the text after a line break at i visibly go on the same sentence? */
static int fs_cad_entry(const struct fs *f, size_t j, int stamp);

/* Is the line at j a short heading in capitals ("SAFETY PLAN", "RISK:"):
 * two letters or more, no lower case, digits or sentence end, ending
 * within 40 bytes? */
static int fs_caps_line(const struct fs *f, size_t j)
{
	size_t lim = j + 40 < f->n ? j + 40 : f->n, letters = 0;
	for (; j < lim && f->s[j] != '\n'; j++) {
		unsigned char ch = f->s[j];
		if (ch >= 'A' && ch <= 'Z')
			letters++;
		else if (ch != ' ' && ch != ':' && ch != '&' && ch != '/' && ch != '-' && ch != '\'')
			return 0;
	}
	return letters >= 2 && (j == f->n || f->s[j] == '\n');
}

/* Has the heading's clause no signal of where, contact, a routine or a
 * device (a heading that has introduces what it withholds)? */
static int fs_heading_plain(const struct fs *f)
{
	return !(f->seen & (S_RES | S_CALL | S_CALLN | S_SAFE | S_ROUT | S_DEV | S_CONV | S_LIVEW |
	                    S_MOVIN));
}

static int fs_list_row(const struct fs *f, size_t line_start, size_t i, size_t j);

static int line_goes_on(const struct fs *f, size_t line_start, size_t i, uint64_t last_cls,
                        unsigned char last_ch, int upper)
{
	size_t j = i + 1;
	while (j < f->n && (f->s[j] == ' '))
		j++;
	if (j >= f->n || f->s[j] == '\n')
		return 0; /* a blank line */
	unsigned char nx = f->s[j];
	/* a CAD line in capitals ending in a function word ("FUTURE CALLS
	 * FROM HER\nWITH WORD ...") goes on, unless the next opens an entry */
	if (upper && (last_cls & K_FUNC) && fs_cad_entry(f, j, 1))
		return 0;
	if (last_ch == '.' || last_ch == '!' || last_ch == '?')
		return 0;
	/* s24-over: a heading with no signal of where, contact or when, then
	 * a list's rows ("Agreed actions with her (9 Aug):\n1. She will ..."):
	 * each row is a statement of its own, the heading is the agencies' */
	if (last_ch == ':' && f->c_start != SIZE_MAX && fs_heading_plain(f) &&
	    !(f->seen & S_WHEN) && fs_list_row(f, line_start, i, j))
		return 0;
	if (last_ch == ':')
		return 1; /* "Moved to:" and the place on the next line */
	if (last_ch == ',' || (last_cls & (K_FUNC | K_BE)))
		return 1; /* "Safe window is\n10-12 weekdays": no sentence ends in "is" */
	/* "the Travelodge ..., room\n212, until Mon": a dwelling's word, then
	 * its number on the next line */
	if ((last_cls & K_RESN) && last_ch >= 'a' && last_ch <= 'z' && nx >= '0' && nx <= '9')
		return 1;
	/* s38-over: a numbered list's next item ("...ref WM-0303-0441\n5.
	 * Tenure: ..."): one or two digits, '.' or ')', a space */
	if (nx >= '0' && nx <= '9') {
		size_t k = j;
		while (k < f->n && k - j < 3 && f->s[k] >= '0' && f->s[k] <= '9')
			k++;
		if (k - j <= 2 && k + 1 < f->n && (f->s[k] == '.' || f->s[k] == ')') && f->s[k + 1] == ' ')
			return 0;
	}
	if (last_ch >= '0' && last_ch <= '9' && nx >= '0' && nx <= '9') {
		/* a CAD log's next entry ("2341 CALL FROM ...") is no wrapped
		 * number: four digits and a space */
		if (fs_cad_entry(f, j, 0))
			return 0;
		return 1; /* a number wrapped over the break ("07700\n900202") */
	}
	/* "Next call Tuesday\n10.15 from the car park": a day at the line's end,
	 * then its hour and the sentence going on in lower case (not a
	 * log's "0930 CALLER ...", nor a date opening a line) */
	if ((last_cls & K_TIME) && nx >= '0' && nx <= '9' && fs_clock_goes_on(f, j))
		return 1;
	/* "SAFETY PLAN" on its own line under a line in lower case: a
	 * heading opens a section (at most 40 bytes read) */
	if (!upper && fs_caps_line(f, j))
		return 0;
	/* "o <Area> Women's Aid": a word processor's bullet, a lone
	 * "o" before a capital, opens an item */
	if (nx == 'o' && j + 2 < f->n && f->s[j + 1] == ' ' && f->s[j + 2] >= 'A' && f->s[j + 2] <= 'Z')
		return 0;
	if (nx >= 'a' && nx <= 'z')
		return 1;
	/* s30-never: a name wrapped before its last word ("at <Town> and
	 * District\nHospital, bed 6", "<Name>\nRoad"): a capitalised word
	 * ends the line, an institution's or a street's word opens the next */
	if (nx >= 'A' && nx <= 'Z' && last_ch >= 'a' && last_ch <= 'z' && !upper) {
		size_t k = j;
		while (k < f->n && k - j < 16 && fs_alnum(f->s[k]))
			k++;
		size_t e = i;
		while (e > line_start && fs_alnum(f->s[e - 1]))
			e--;
		if (e < i && f->s[e] >= 'A' && f->s[e] <= 'Z' &&
		    (lex_classify((const char *)f->s + j, k - j) & (LEX_INSTITUTION | LEX_STREET)))
			return 1;
	}
	/* "[the applicant's new address is not in this order]" on a line of
	 * its own: an aside in brackets, whole, is a statement of its own
	 * however long (a scanned form's note, a transcript's "(inaudible)") */
	if (last_ch == ']' || last_ch == ')') {
		size_t k = line_start;
		while (k < i && f->s[k] == ' ')
			k++;
		if (k < i && f->s[k] == (last_ch == ']' ? '[' : '('))
			return 0;
	}
	/* s49-over: a form's next field after a line a label of where opened
	 * ("Delivery: <House>, <Town> ETA 3pm\nCrew: <Name> + 1 porter"): a
	 * label that says nothing of a place (FS_NOT_PLACE_LABEL: the crew,
	 * a date, a reference, a cost) opens it; any other ("Access: via the
	 * back gate ...", "Parking: ...", "Room: 214") goes on with the place */
	{
		size_t ls = line_start;
		while (ls < i && f->s[ls] == ' ')
			ls++;
		if (fs_gap_label(f->s, f->n, ls, 0) && fs_gap_label(f->s, f->n, j, 1) &&
		    fs_next_label_is(f->s, f->n, j, FS_NOT_PLACE_LABEL))
			return 0;
	}
	if (i - line_start >= 60 && !(nx >= '0' && nx <= '9') && nx != '-' && nx != '*')
		return 1; /* a hard-wrapped e-mail */
	if (i - line_start >= 60 && nx >= '0' && nx <= '9' && last_ch >= 'a' && last_ch <= 'z') {
		/* a long line ending mid-sentence, then an hour range ("... he
		 * works\n12-8 at the car wash"): no log entry or list item opens
		 * on a range of hours, a wrapped sentence does (at most 12 bytes
		 * read) */
		char w[12];
		size_t k = 0;
		while (j + k < f->n && k < sizeof w && f->s[j + k] != ' ' && f->s[j + k] != '\n')
			w[k] = (char)(f->s[j + k] | ((f->s[j + k] >= 'A' && f->s[j + k] <= 'Z') ? 0x20 : 0)),
			k++;
		if (k < sizeof w && fs_time_range(w, k))
			return 1;
	}
	return 0;
}

/* Does the line at j open a CAD log's entry: four digits and a space
 * ("2341 CALL FROM ..."), or with stamp also a stamp or a date
 * (next_line_opens: "23:58 FEMALE ...")? */
static int fs_cad_entry(const struct fs *f, size_t j, int stamp)
{
	size_t d = j;
	while (d < f->n && d < j + 5 && f->s[d] >= '0' && f->s[d] <= '9')
		d++;
	if (d - j == 4 && d < f->n && f->s[d] == ' ')
		return 1;
	return stamp && next_line_opens(f, j) >= NL_DATE;
}

/*
 * A line that line_goes_on() joins to the next and that is none the less
 * a statement of its own: the rules decide the clauses before the break
 * apart from those after it (the unit model's unit goes on: its units and
 * weights are those it was trained on). A letter's greeting ("Hello,\nShe has
 * moved ..."); a CAD entry after a number ("LOG 0917\n23:41 UNIT ...": a
 * clock or a date, not a wrapped number); a heading longer than 60 bytes
 * when the next line is longer than it and its first word, which would
 * have fitted had the text been wrapped ("... - enquiry log - ref NS-2203\n
 * Mrs B reports ..."; bytes, so a margin for multi-byte letters), and has
 * no sentence's end in it (then it is prose, wrapped); a long line whose next
 * opens with a list's bullet ("• "; "- " and "* " already end it). A message
 * log's next entry ("[03/02, 18:12] Hetty: ...") still goes on, its stamp
 * left out (emit()): a message runs over several, and a withheld one may
 * explain the next.
 */
static int line_is_heading(const struct fs *f, size_t line_start, size_t i, uint64_t last_cls,
                           unsigned char last_ch)
{
	size_t j = i + 1;
	while (j < f->n && (f->s[j] == ' '))
		j++;
	if (j >= f->n)
		return 0;
	unsigned char nx = f->s[j];
	/* A heading of more words than a label's, ending in ':', whose next line
	 * is a speaker's or a field's ("K: ...") or a log entry's ("Texts
	 * between IDVA and client, 3 May:"), or an e-mail's attribution ("On 2
	 * May, at 10:02, J Bloggs wrote:", its quote marks blanked by textnorm):
	 * what it introduces are statements of their own, the heading says only
	 * whose and when (its date and clock are no window). Not a heading that
	 * itself speaks of contact, a condition or where ("Best times to call
	 * her, agreed on 9 Jan:\nMon: after 6"): the lines it introduces are
	 * what it withholds. */
	if (last_ch == ':' && f->c_start != SIZE_MAX && fs_heading_plain(f)) {
		size_t c = i;
		while (c > line_start && f->s[c - 1] == ' ')
			c--;
		/* an attribution's weekday and time are when it was sent */
		if (c > line_start && fs_label_is(f->s, line_start, c - 1, FS_WROTE_LABEL))
			return 2;
		if (!(f->seen & S_WHEN) &&
		    (next_line_opens(f, j) != 0 || (f->nwords > 3 && nx >= 'A' && nx <= 'Z')))
			return 2;
	}
	if (last_ch == ',')
		return fs_greeting(f->s + line_start, i - line_start) && nx >= 'A' && nx <= 'Z';
	if (last_ch >= '0' && last_ch <= '9' && nx >= '0' && nx <= '9')
		return next_line_opens(f, j) >= NL_DATE;
	if (last_ch != ':' && !(last_cls & (K_FUNC | K_BE)) && i - line_start >= 60 && j + 3 <= f->n &&
	    f->s[j] == 0xE2 && ((f->s[j + 1] == 0x80 && (f->s[j + 2] == 0xA2 || f->s[j + 2] == 0xA3)) ||
	                        (f->s[j + 1] == 0x96 && f->s[j + 2] == 0xAA) ||
	                        (f->s[j + 1] == 0x97 && f->s[j + 2] == 0x8F)))
		return 1; /* a list's next item ("• ", U+2022, 2023, 25AA, 25CF) */
	if (last_ch == ':' || (last_cls & (K_FUNC | K_BE)) || !(nx >= 'A' && nx <= 'Z') ||
	    i - line_start < 60 || next_line_opens(f, j) == NL_STAMP)
		return 0;
	for (size_t k = line_start; k + 1 < i; k++)
		if ((f->s[k] == '.' || f->s[k] == '?' || f->s[k] == '!') && f->s[k + 1] == ' ')
			return 0; /* a sentence's end in it: prose, wrapped */
	size_t e, w = j;
	while (w < f->n && f->s[w] != ' ' && f->s[w] != '\n')
		w++;
	for (e = w; e < f->n && f->s[e] != '\n'; e++)
		;
	return e - j > (i - line_start) + 1 + (w - j) + 8;
}

/* 10:30, 10.30, 10am, 6pm, 1030hrs, 9.15pm; not a date (12.03.2026). */
static int is_clock(const char *w, size_t n)
{
	size_t k = 0;
	while (k < n && w[k] >= '0' && w[k] <= '9')
		k++;
	if (k == 0 || k > 4)
		return 0;
	if (k <= 2 && k + 3 <= n && (w[k] == ':' || w[k] == '.') && w[k + 1] >= '0' &&
	    w[k + 1] <= '9' && w[k + 2] >= '0' && w[k + 2] <= '9') {
		if (k + 3 == n)
			return 1;
		k += 3;
	}
	if (n - k == 2 && (w[k] == 'a' || w[k] == 'p') && w[k + 1] == 'm')
		return 1;
	return n - k >= 2 && n - k <= 3 && w[k] == 'h' && w[k + 1] == 'r';
}

/* Is the last word of the label s[a..e) (before its ':') one of w? */
static int fs_label_is(const unsigned char *s, size_t a, size_t e, const char *const *w)
{
	size_t b = e;
	/* (a word with a hyphen whole: "Drop-off:", "E-mail:") */
	while (b > a && (((s[b - 1] | 0x20) >= 'a' && (s[b - 1] | 0x20) <= 'z') ||
	                 (s[b - 1] == '-' && b - 1 > a && b < e && ((s[b - 2] | 0x20) >= 'a' &&
	                                                            (s[b - 2] | 0x20) <= 'z'))))
		b--;
	char x[16];
	if (e - b == 0 || e - b >= sizeof x)
		return 0;
	for (size_t k = 0; k < e - b; k++)
		x[k] = (char)(s[b + k] | 0x20);
	x[e - b] = 0;
	if (fs_in(x, w))
		return 1;
	/* (else its last part, as before: "Post-town:", "Pass-code:") */
	const char *h = strrchr(x, '-');
	return h != NULL && h[1] && fs_in(h + 1, w);
}

static const char *const FS_PLAN_LABEL[] = {"plan", "plans", "arrangement", "arrangements",
					    "agreed", "interim", "alternative", "alternatives",
					    "option", "options", "email", "e-mail", NULL};
/* A label of where someone is: the name after it is the place. */
static const char *const FS_WHERE_LABEL[] = {"location", "loc", "area", "town", "city",
					     "whereabouts", "village", "county",
					     /* s32-never: "Receiving setting: <Nursery>, <Town>",
					      * "Collection point: <Foodbank>, Fri 10-12" */
					     "setting", "point",
					     /* s46-never: a ride's or a delivery's ends ("Drop-off:
					      * <Hotel> <Town>", "Pick-up: <Wharf>, <Town>") */
					     "drop-off", "dropoff", "pick-up", "pickup", "destination",
					     /* s49-never: a removal's "Delivery: <House>, <Road>,
					      * nr <Town>, <Postcode>" */
					     "delivery", NULL};
/* A label of a place's part, which goes on with the place before it
 * ("Location: Holiday Inn Luton  Room: 214"). */
static const char *const FS_PLACE_PART[] = {"room", "rm", "bed", "bay", "flat", "unit", "floor",
					    "ward", "pitch", "plot", "berth", "address", "postcode",
					    "street", "block", "site", "cubicle", "side", NULL};
/*
 * Does a label of where open at j, after a field gap: one or two words of
 * letters, the first a capital, then ':' and a space, its last word one of
 * FS_WHERE_LABEL ("Location: ", "Current area: ")? (Not any label: "Return
 * date: 18/06 10:00 at <Police Station>" after "Person bailed: <Name>" is
 * his, which the line's clause still tells.) With any: any label but a
 * place's part's, which ends the field a label of where opened ("Setting:
 * <School>  Date: ...").
 */
static int fs_gap_label(const unsigned char *s, size_t n, size_t j, int any)
{
	if (j >= n || s[j] < 'A' || s[j] > 'Z')
		return 0;
	int words = 1;
	for (size_t k = j; k < n && k < j + 32; k++) {
		if (s[k] == ':')
			return k + 1 < n && (s[k + 1] == ' ' || s[k + 1] == '\n') &&
			       (any ? !fs_label_is(s, j, k, FS_PLACE_PART)
			            : fs_label_is(s, j, k, FS_WHERE_LABEL));
		if (s[k] == ' ') {
			if (++words > 2 || s[k - 1] == ' ')
				return 0;
		} else if (!(((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z') || s[k] == '-' || s[k] == '\''))
			return 0;
	}
	return 0;
}

static const char *const FS_NEXT_LABEL[] = {"next", NULL};
/* "Remember the code: if you say ...": what follows is the code */
static const char *const FS_CODE_LABEL[] = {"code", "codeword", "password", NULL};
/* A label of her work ("Work:", "IP's work:", "Employment:"): the hours after it are hers. */
static const char *const FS_WORK_LABEL[] = {"work", "job", "employment", "employer", "shifts",
					    "rota", NULL};

/*
 * s24-over: does the line at j, after the heading [line_start, i), open a
 * list's row: one or two digits and ". " or ") " ("1. She will ...", "2)
 * IDVA to ..."), or a bullet, "- " or "* ", under a heading with no word of
 * a plan in it (FS_PLAN_LABEL: "Plan agreed with her:\n- Delivery: ..." goes
 * on into its bullets, each of which the plan explains)? Reads the heading
 * and at most 4 bytes of the row.
 */
static int fs_list_row(const struct fs *f, size_t line_start, size_t i, size_t j)
{
	size_t k = j;
	while (k < f->n && k < j + 2 && f->s[k] >= '0' && f->s[k] <= '9')
		k++;
	if (k > j)
		return k + 1 < f->n && (f->s[k] == '.' || f->s[k] == ')') && f->s[k + 1] == ' ';
	if (!(j + 1 < f->n && (f->s[j] == '-' || f->s[j] == '*') && f->s[j + 1] == ' '))
		return 0;
	char x[16];
	for (k = line_start; k < i;) {
		if (!fs_alnum(f->s[k])) {
			k++;
			continue;
		}
		size_t wn = fs_alnum_word(f, &k, i, x, sizeof x);
		if (wn + 1 < sizeof x && fs_in(x, FS_PLAN_LABEL))
			return 0;
	}
	return 1;
}

static int fs_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

/* The letters and digits from *i (up to e), lower-cased into x (cap bytes)
 * while they fit; returns the word's whole length and moves *i past it. x
 * is NUL-terminated when the word fits (length + 1 < cap). */
static size_t fs_alnum_word(const struct fs *f, size_t *i, size_t e, char *x, size_t cap)
{
	size_t k = 0;
	for (; *i < e && fs_alnum(f->s[*i]); (*i)++, k++)
		if (k + 1 < cap)
			x[k] = (char)(f->s[*i] | 0x20);
	if (k + 1 < cap)
		x[k] = 0;
	return k;
}

/* Is "c/o" ending at b "care of": a determiner or a capitalised word next? */
static int fs_care_of(const struct fs *f, size_t b)
{
	char nx[16];
	int title;
	size_t k = fs_peek(f, b, nx, sizeof nx, &title);
	return k > 0 && (title || fs_in(nx, FS_CO_DET));
}

/*
 * A time window written bare: "9-11am", "10-2", "12.30-2pm", "9:00-11:00",
 * "1100-1500" (both ends an hour of the day, so "3-12" of a score or
 * "2020-21" is none; four digits on the 24-hour clock on a quarter hour,
 * so "2020-2021" is none either).
 */
static int fs_time_range(const char *w, size_t wn)
{
	size_t k = 0;
	for (int side = 0; side < 2; side++) {
		unsigned h = 0, d = 0;
		while (k < wn && w[k] >= '0' && w[k] <= '9' && d < 5)
			h = h * 10 + (unsigned)(w[k++] - '0'), d++;
		if (d == 4 && h / 100 <= 23 && h % 100 % 15 == 0 && h % 100 < 60)
			h = 0, d = 2; /* "1100", "1830" */
		if (d == 0 || d > 2 || h > 24)
			return 0;
		if (k + 2 < wn && (w[k] == ':' || w[k] == '.') && w[k + 1] >= '0' && w[k + 1] <= '5' &&
		    w[k + 2] >= '0' && w[k + 2] <= '9')
			k += 3;
		if (k + 2 <= wn && (w[k] == 'a' || w[k] == 'p') && w[k + 1] == 'm')
			k += 2;
		if (side == 0) {
			if (k >= wn || w[k] != '-')
				return 0;
			k++;
		}
	}
	return k == wn;
}

static size_t fs_peek(const struct fs *f, size_t b, char *out, size_t cap, int *title);

/* Is the word after b "at" or "in"? */
static int fs_at_in_next(const struct fs *f, size_t b)
{
	char nx[4];
	int title;
	size_t k = fs_peek(f, b, nx, sizeof nx, &title);
	return k == 2 && ((nx[0] == 'a' && nx[1] == 't') || (nx[0] == 'i' && nx[1] == 'n'));
}

/* Is the folded word w[0..wn) a dwelling by its bedrooms: one digit, '-'
 * and "bed", "beds", "bedroom" ("1-bed", "3-bedroom")? */
static int fs_n_bed(const char *w, size_t wn)
{
	return wn >= 5 && w[0] >= '1' && w[0] <= '9' && w[1] == '-' &&
	       ((wn == 5 && memcmp(w + 2, "bed", 3) == 0) || (wn == 6 && memcmp(w + 2, "beds", 4) == 0) ||
	        (wn == 9 && memcmp(w + 2, "bedroom", 7) == 0));
}

/* Is the folded word w[0..wn) two days joined by '-' ("thurs-sun",
 * "mon-fri", "sun-wed"): a span of days, when someone works or is free? */
static int fs_day_range(const char *w, size_t wn)
{
	const char *d = memchr(w, '-', wn);
	if (d == NULL)
		return 0;
	size_t l = (size_t)(d - w), r = wn - l - 1;
	return l >= 3 && r >= 3 && (fs_lookup(w, l) & (K_TIME | K_DAYAB)) &&
	       (fs_lookup(d + 1, r) & (K_TIME | K_DAYAB)) && fs_weekday(w) &&
	       fs_weekday(d + 1);
}

/* Is the one-word label s[a..e) her: V, IP, victim, client, or a forename
 * that is no common word ("Leah:", not "Hours:", "Score:")? */
static int fs_her_label(const struct fs *f, size_t a, size_t e)
{
	while (e > a && f->s[e - 1] == ' ')
		e--;
	if (f->p1 & K_SUBJ)
		return (f->p1 & K_SHE) != 0;
	if (f->p1 != 0 || !(f->p1f & TF_CAP) || (f->p1f & (TF_NUM | TF_POSS)) || e - a < 3)
		return 0;
	unsigned lx = lex_classify((const char *)f->s + a, e - a);
	return (lx & LEX_FORENAME) && !(lx & (LEX_COMMON | LEX_ALLOW | LEX_KIN | LEX_TITLE | LEX_RANK));
}

/* The end of the gateway's marker at s[i] ('[' then REDACTED or WITHHELD,
 * a ground or a ':' and its ']' within 80 bytes, on one line), or 0. */
static size_t fs_marker_end(const unsigned char *s, size_t n, size_t i)
{
	if (n - i < 12 || (memcmp(s + i + 1, "REDACTED", 8) != 0 &&
	                   memcmp(s + i + 1, "WITHHELD", 8) != 0) ||
	    (s[i + 9] != ' ' && s[i + 9] != ':'))
		return 0;
	for (size_t j = i + 10; j < n && j < i + 80; j++) {
		if (s[j] == ']')
			return j + 1;
		if (s[j] == '[' || s[j] == '\n')
			return 0;
	}
	return 0;
}

/*
 * A code word agreed with her, quoted in a withheld statement of the code
 * ('SHE USED "<WORD>" AS THE CODE WORD', 'password "<word>"'), is the
 * arrangement wherever it stands: 'CALLER SAYS "<WORD>"' an hour earlier
 * in the log says it as plainly. The withheld spans from `from` that name
 * a code (code, codeword, password, word) give their quoted single words
 * (3 to 20 letters, at most FS_CODES); each is then withheld at every
 * whole-word occurrence, in any case. Each span is read once, then the text
 * once per code: linear.
 */
#define FS_CODES 4
static int fs_codes_again(struct fs *f, size_t from)
{
	static const char *const CUE[] = {"code", "codeword", "password", "word", NULL};
	const unsigned char *s = f->s;
	size_t n = f->n, to = f->out->n, code[FS_CODES], clen[FS_CODES];
	int nc = 0;
	for (size_t j = from; j < to && nc < FS_CODES; j++) {
		size_t a = f->out->v[j].start, e = f->out->v[j].end;
		int cue = 0;
		for (size_t i = a; i < e && !cue; i++)
			if (fs_alnum(s[i]) && (i == a || !fs_alnum(s[i - 1]))) {
				char x[12];
				size_t k;
				fs_word_at(f, i, x, sizeof x, &k);
				cue = k > 0 && fs_in(x, CUE);
			}
		for (size_t i = a; cue && i < e && nc < FS_CODES; i++) {
			if (s[i] != '"')
				continue;
			size_t q = i + 1;
			while (q < e && q - i <= 21 && ((s[q] | 0x20) >= 'a' && (s[q] | 0x20) <= 'z'))
				q++;
			if (q < e && s[q] == '"' && q - (i + 1) >= 3 && q - (i + 1) <= 20)
				code[nc] = i + 1, clen[nc++] = q - (i + 1);
			i = q; /* a closing quote opens no code */
		}
	}
	for (int c = 0; c < nc && f->rc == 0; c++)
		for (size_t i = 0; i + clen[c] <= n && f->rc == 0; i++) {
			if ((i > 0 && fs_alnum(s[i - 1])) || (i + clen[c] < n && fs_alnum(s[i + clen[c]])) ||
			    strncasecmp((const char *)s + i, (const char *)s + code[c], clen[c]) != 0)
				continue;
			f->rc = spans_push(f->out, i, i + clen[c], SCRUB_SAFE_TIME, "fs:code-again");
			i += clen[c];
		}
	return f->rc;
}

/*
 * s49-never: a table's row is one statement per cell. A cell that names a
 * code word ("| My secret word | \"blue socks\" |", "| Password | red kite
 * |"): its next cell is the code (to the next bar or the line's end). The cell [a, e) is at most four words of letters, its last
 * "codeword", "password", "passcode" or "passphrase", or "word" after code,
 * secret, safe or pass ("Code" alone is a reference's column). The
 * label's cell and the code's (read to 120 bytes) are withheld together.
 */
static int fs_code_cell(const unsigned char *s, size_t a, size_t e)
{
	static const char *const LAST[] = {"codeword", "password", "passcode", "passphrase", NULL};
	static const char *const WORD_AFTER[] = {"code", "secret", "safe", "pass", NULL};
	while (a < e && s[a] == ' ')
		a++;
	while (e > a && s[e - 1] == ' ')
		e--;
	if (e - a < 4 || e - a > 40)
		return 0;
	size_t words = 1, prev = a;
	for (size_t k = a; k < e; k++) {
		if (s[k] == ' ') {
			if (++words > 4)
				return 0;
			if (k + 1 < e && s[k + 1] != ' ')
				prev = k + 1;
		} else if (!(((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z') || s[k] == '-' ||
		             s[k] == '\''))
			return 0;
	}
	if (fs_label_is(s, a, e, LAST))
		return 1;
	static const char *const WORD[] = {"word", NULL};
	if (words < 2 || !fs_label_is(s, a, e, WORD))
		return 0;
	size_t b = prev; /* the last word's start; the one before it ends at b - 1 */
	while (b > a && s[b - 1] == ' ')
		b--;
	return fs_label_is(s, a, b, WORD_AFTER);
}

/* The cell from `a` (after a bar) to the next bar or the line's end, its
 * blanks trimmed: [*ca, *ce). Reads at most 120 bytes. */
static void fs_cell_at(const unsigned char *s, size_t n, size_t a, size_t *ca, size_t *ce)
{
	size_t e = a;
	while (e < n && e < a + 120 && s[e] != '|' && s[e] != '\n')
		e++;
	while (a < e && s[a] == ' ')
		a++;
	while (e > a && s[e - 1] == ' ')
		e--;
	*ca = a, *ce = e;
}

static int fs_run(const char *text, size_t n, struct spans *out, int model,
                  const struct fs_unit_sink *sink)
{
	if (n == 0)
		return 0;
	pthread_once(&fs_once, fs_build);
	/* model: bit 0 the unit model; bit 1 the victim is a man */
	struct fs f = {.s = (const unsigned char *)text, .n = n, .out = out, .model = model & 1,
	               .he_is_her = (model & 2) != 0, .sink = sink};
	size_t scan_from = out->n; /* this scan's spans (fs_codes_again) */
	clause_reset(&f);
	fsm_reset(&f);
	const unsigned char *s = f.s;
	size_t line_start = 0;
	size_t cell_start = SIZE_MAX; /* after the line's last bar, if any */
	uint64_t last_cls = 0;   /* classes of the last word (for line breaks, full stops) */
	size_t last_wn = 0;      /* its length */
	unsigned char last_ch = 0; /* the last non-space byte */
	int age_next = 0;          /* the last word was "aged", "age" or "ages" */
	int last_upper = 0;        /* the last word was in capitals (a CAD's) */
	size_t i = 0;
	while (i < n && f.rc == 0) {
		unsigned char ch = s[i];
		if (fs_cc[ch] & CC_ALNUM) { /* fs_alnum(ch), by fs_build's table */
			size_t a = i;
			/* zero-padded to FS_WORD_MAX for fs_hash_padded */
			char w[FS_WORD_MAX + 8];
			memset(w, 0, FS_WORD_MAX);
			size_t wn = 0;
			unsigned up = 0, low = 0;
			int num = (ch >= '0' && ch <= '9');
			/* Find the end first (a tight loop: most bytes are inside
			 * words), then fold at most FS_WORD_MAX + 1 of them. */
			for (;;) {
				i += fs_word_run(s + i, n - i);
				if (i + 1 >= n)
					break;
				unsigned x = s[i];
				/* internal ' & - . : (a.m, e.g, b&b, sofa-surfing, 10.30) */
				if ((x == '\'' || x == '&' || x == '-' || x == '.' || x == ':') &&
				    (fs_cc[s[i + 1]] & CC_ALNUM) &&
				    (x != '.' || num || (i + 2 < n && !(fs_cc[s[i + 2]] & CC_ALNUM))) &&
				    (x != ':' || num))
					i++;
				else
					break;
			}
			uint64_t wa = 0, wb = 0;
			int have_ab = i - a <= FS_WORD_MAX && n - a >= 16;
			if (have_ab) {
				/* The common case, 16 bytes at once: the folded
				 * word (zero-padded as the loop below leaves it),
				 * its halves for the hash, its capitals and small
				 * letters counted as the loop counts them. */
				size_t L = i - a;
				uint64_t x, y, mx, my;
				memcpy(&x, s + a, 8);
				memcpy(&y, s + a + 8, 8);
				mx = L >= 8 ? ~0ull : (1ull << (8 * L)) - 1;
				my = L <= 8 ? 0 : L == 16 ? ~0ull : (1ull << (8 * (L - 8))) - 1;
				up = CC_UPPER * (ar_count(ar_in(x, 'A', 'Z') & mx) +
				                 ar_count(ar_in(y, 'A', 'Z') & my));
				low = CC_LOWER * (ar_count(ar_in(x, 'a', 'z') & mx) +
				                  ar_count(ar_in(y, 'a', 'z') & my));
				wa = fs_fold8(x) & mx;
				wb = fs_fold8(y) & my;
				memcpy(w, &wa, 8);
				memcpy(w + 8, &wb, 8);
				wn = L;
			} else {
				for (size_t j = a; j < i; j++) {
					unsigned x = s[j], k = fs_cc[x];
					up += k & CC_UPPER;
					low += k & CC_LOWER;
					if (wn < FS_WORD_MAX + 1)
						w[wn++] = (char)(x | (k & CC_UPPER) << 3);
					else if (low)
						break; /* too long to be listed, and not all capitals */
				}
			}
			unsigned tf = 0;
			int plural_poss = 0;
			if (wn > FS_WORD_MAX)
				wn = 0;
			if (ch >= 'A' && ch <= 'Z')
				tf |= TF_CAP;
			if (up >= 2 * CC_UPPER && low == 0)
				tf |= TF_UPPER;
			if (wn >= 2 && w[wn - 1] == 's' && w[wn - 2] == '\'') {
				wn -= 2, tf |= TF_POSS;
				w[wn] = w[wn + 1] = 0;
			} else if (wn >= 2 && w[wn - 1] == 's' && i < n && s[i] == '\'' &&
				   (i + 1 >= n || !(fs_cc[s[i + 1]] & CC_ALNUM))) {
				tf |= TF_POSS; /* a plural's: "her parents' in ..." */
				plural_poss = 1;
			}
			if (!have_ab) {
				memcpy(&wa, w, 8);
				memcpy(&wb, w + 8, 8);
			} else if ((tf & TF_POSS) && !plural_poss) {
				/* "'s" taken off: its two bytes are zero in w */
				wa &= wn >= 8 ? ~0ull : (1ull << (8 * wn)) - 1;
				wb &= wn <= 8 ? 0 : (1ull << (8 * (wn - 8))) - 1;
			}
			uint32_t h = fs_hash_ab(wa, wb, wn);
			if (num) {
				tf |= TF_NUM;
				if (is_clock(w, wn) && !age_next)
					tf |= TF_CLOCK;
			}
			/* A number after "aged" is how old someone is, not when
			 * ("Children aged 10-12 attend on weekdays"): the model
			 * sees it as an age, not as the range of a safe window. */
			int age = num && age_next;
			age_next = !num && ((wn == 4 && memcmp(w, "aged", 4) == 0) ||
			                    (wn == 3 && memcmp(w, "age", 3) == 0) ||
			                    (wn == 4 && memcmp(w, "ages", 4) == 0));
			uint64_t c = (wn && !num) ? fs_lookup_ab(wa, wb, wn, h) : 0;
			if (num && fs_n_bed(w, wn))
				c = K_RES; /* "1-bed", "2-bedroom": a dwelling offered or sought */
			if (c == 0 && wn >= 7 && !num && fs_day_range(w, wn))
				c = K_TIME; /* "Thurs-Sun", "mon-fri": days, as "weekdays" */
			if (c == 0 && wn == 2 && (tf & TF_UPPER) && w[0] == 'e' && w[1] == 'd')
				c = K_MEDIC; /* "ED": the emergency department (not "Ed") */
			/* "Safe & Well visit", "Safe and Well check": the fire
			 * service's visit by its name, no word of her safety */
			if ((c & K_SAFE) && (tf & TF_CAP) && wn == 4 &&
			    ((i + 7 <= n && memcmp(s + i, " & Well", 7) == 0) ||
			     (i + 9 <= n && memcmp(s + i, " and Well", 9) == 0)))
				c = 0;
			/* a static caravan by its number: "Dana in van 41 at <Name> Bay" */
			if (wn == 3 && memcmp(w, "van", 3) == 0 && !(tf & (TF_CAP | TF_UPPER)) &&
			    (f.p1 & K_PREP) && fs_van_number(s, n, i))
				c |= K_RESN; /* not "came to van 23:40" (a clock) */
			if (plural_poss && !(c & K_KIN))
				tf &= ~TF_POSS; /* only kin: "her parents' in", not "the pupils' home project" */
			if (f.model || f.sink) {
				/* the unit model's tokens: a number by its shape, a
				 * capitalised word inside a unit that no class lists as
				 * one token (names of towns and people are not
				 * learnt), any other word folded */
				uint32_t t = num ? fsm_shape(w, wn) ^ ((tf & TF_CLOCK) ? 1u : age ? 2u : 0u)
				             : wn == 0 ? FSM_LONG
				             : ((tf & TF_CAP) && !(tf & TF_UPPER) && f.u_words > 0 && c == 0)
				                     ? FSM_CAPW
				                     : h;
				if (tf & TF_POSS)
					t ^= FSM_POSS;
				fsm_token(&f, t);
				if ((tf & TF_CAP) && (f.p1 & (K_PREP | K_TO)) && fs_justice_venue(&f, a))
					f.u_venue |= 1;
				else if ((tf & TF_CAP) && fs_court_label(&f, a) && fs_justice_venue(&f, a))
					f.u_venue |= 2;
				f.u_cls |= c;
				f.u_words++;
			}
			/* a new GP, a new school: "Registering with <Practice>,
			 * <Town>, from next week" says where she now lives (not
			 * "registered with": the GP on file). After the unit model's
			 * token: a going word to the rules only. */
			if (wn == 11 && memcmp(w, "registering", 11) == 0)
				c |= K_GO;
			/* s50-never: "still on the boat": "on" a dwelling is where,
			 * as "at" is (to the rules only, as above) */
			if (wn == 2 && w[0] == 'o' && w[1] == 'n' && fs_on_dwelling(s, n, i))
				c = fs_lookup("at", 2);
			if (i < n && s[i] == '/' && wn == 1 && w[0] == 'w' && !num) {
				i++; /* w/ : with */
				word(&f, a, i, "with", 4, fs_lookup("with", 4), tf);
				last_cls = K_PREP | K_FUNC;
			} else if (i + 1 < n && s[i] == '/' && wn == 1 && w[0] == 'c' && !num &&
				   (s[i + 1] | 0x20) == 'o' && (i + 2 >= n || !fs_alnum(s[i + 2])) &&
				   fs_care_of(&f, i + 2)) {
				i += 2; /* c/o: care of, a route for her post */
				word(&f, a, i, "via", 3, fs_lookup("via", 3), tf);
				last_cls = K_ROUTE;
			} else {
				if (wn == 10 && memcmp(w, "indirectly", 10) == 0)
					f.sent_order = 1; /* (an order's condition: sentence_decide) */
				if (!(c & ~FS_INERT) && !(tf & TF_CLOCK) && fs_idle(&f) &&
				    !((f.prep_win || f.go_win) && c == 0 && wn > 3 && w[wn - 1] == 's') &&
				    !(c == 0 && wn > 3 && w[wn - 1] == 's' &&
				      (fs_in_at_next(s, n, i) || (fs_lookup(w, wn - 1) & K_KIN))) &&
				    !(num && wn <= 2 && (f.seen & (S_ROUT | S_WORKH)) && (f.p1 & K_PREP)) &&
				    !(num && ((f.seen & (S_ROUT | S_WORKH)) || f.work_lbl || f.workh_prev ||
				              (f.workh_end && a <= f.workh_end + 12) ||
				              ((f.p1 & (K_TIME | K_DAYAB)) && fs_at_in_next(&f, i))) &&
				      fs_time_range(w, wn)) && /* (s38: a day, its hours, then
								* where: "Weds 10-3 at <Name>") */
				    !((tf & TF_CAP) && (f.p1 & (K_PREP | K_TO)) && wn <= 4) &&
				    !((tf & TF_CAP) && (f.p1 & K_BE) && (f.p2 & K_RESN)) &&
				    !(f.appt_next && (tf & TF_CAP)) && !(f.want && (tf & TF_CAP)) &&
				    !fs_rare_cue(w, wn)) {
					/* Most words: listed nowhere or only a function
					 * word ("the", "and"), nothing pending that such
					 * a word completes: what word() would do. */
					/* "V AND CHILD", "Mum and <Name>": the bare
					 * subject's company keeps its "to" pending */
					if (f.go_win && f.go_conv == 2 &&
					    ((wn == 3 && memcmp(w, "and", 3) == 0) ||
					     (f.subj_and && (tf & TF_CAP) && c == 0))) {
						f.subj_and = !f.subj_and;
						if (!f.subj_and)
							f.go_win = 1; /* after the name: to next */
					} else {
						f.go_win = 0;
						f.subj_and = 0;
					}
					f.prep_win -= f.prep_win > 0;
					f.when_win -= f.when_win > 0;
					f.free_win -= f.free_win > 0;
					f.if_win -= f.if_win > 0;
					f.dwell_win -= f.dwell_win > 0;
					f.where_win -= f.where_win > 0;
					f.kin_poss = 0;
					f.now_first = 0;
					if (!(c & K_DET))
						f.appt_next = 0;
					if ((c & K_DET) && !(c & K_THE))
						f.det_win = 3; /* as word() */
					else if (c == 0 && f.det_win > 0)
						f.det_win--;
					else
						f.det_win = 0;
					if (f.tlabel) {
						if (num && fs_time_range(w, wn))
							f.t_time++, f.t_end = i;
						else if (!(c & K_FUNC) || (c & K_DET))
							f.t_other = 1;
					}
					f.c_end = i;
					f.nwords++;
					f.p2 = f.p1;
					f.p1 = c;
					f.p1f = tf;
				} else {
					word(&f, a, i, w, wn, c, tf);
				}
				last_cls = (wn && !num) ? f.p1 : 0;
				last_upper = (tf & TF_UPPER) != 0;
				if ((tf & TF_CAP) && !last_upper)
					last_cls &= ~K_FUNC; /* "To" starting a line is no continuation */
			}
			last_wn = wn;
			last_ch = s[i - 1];
			continue;
		}
		switch (ch) {
		case '\n': {
			if (!line_goes_on(&f, line_start, i, last_cls, last_ch, last_upper)) {
				clause_end(&f);
				sentence_end(&f);
			} else {
				int h = line_is_heading(&f, line_start, i, last_cls, last_ch);
				if (h) {
					clause_end(&f);
					sentence_decide(&f);
					f.u_cont |= h == 2;
				}
			}
			line_start = i + 1;
			cell_start = SIZE_MAX;
			break;
		}
		case '.':
		case '!':
		case '?':
			/* a quoted question or exclamation inside the sentence
			 * ('asks "have my eye drops come in?", call 999') ends
			 * none: a comma after the closing quote */
			if (ch != '.' && i + 2 < n && s[i + 1] == '"' && s[i + 2] == ',')
				break;
			if (i + 1 >= n || s[i + 1] == ' ' || s[i + 1] == '\n' || s[i + 1] == '"' ||
			    s[i + 1] == ')') {
				if (ch == '.' && last_ch != '.' && ((last_wn == 1 && fs_alnum(last_ch)) ||
				                                    (last_cls & K_ABBR)))
					break; /* "Mr.", "J." */
				clause_end(&f);
				sentence_end(&f);
			}
			break;
		case ';':
			clause_end(&f);
			break;
		case '[': {
			/* The gateway's own marker in text scrubbed before (a view
			 * pasted into a new share): its words are ours, not the
			 * note's ("victim location" is no statement of where), and
			 * a withheld statement ended where its marker ends. */
			size_t e = fs_marker_end(s, n, i);
			if (e) {
				if (s[i + 1] == 'W') {
					clause_end(&f);
					sentence_end(&f);
				}
				last_ch = ']';
				i = e;
				continue;
			}
			break;
		}
		case ' ':
		case '\t':
			/* s48-never: a record's header holds fields apart by a run
			 * of spaces or a tab ("Pt FLETT, Ingrid  NHS no. 999 461
			 * 2077  Location: Ward 4, bed 7"): a label after such a
			 * gap opens a clause of its own, as after a line's end */
			if (f.c_start != SIZE_MAX && i > line_start && (ch == '\t' || s[i - 1] == ' ') &&
			    fs_gap_label(s, n, i + 1, f.gap_field)) {
				clause_end(&f);
				f.gap_field = 1;
			}
			break;
		case '&':
			/* "Mum & <Name> now at ...": as "and" after a bare subject */
			if (f.go_win && f.go_conv == 2 && !f.subj_and && i > 0 && s[i - 1] == ' ' &&
			    i + 1 < n && s[i + 1] == ' ')
				f.subj_and = 1;
			break;
		case '|': {
			/* a table's cells are separate statements */
			clause_end(&f);
			sentence_end(&f);
			if (f.rc)
				break;
			/* s49-never: a cell that names a code word: the next cell is
			 * the code */
			{
				size_t ca, ce, na, ne;
				fs_cell_at(s, n, cell_start != SIZE_MAX ? cell_start : line_start, &ca, &ce);
				fs_cell_at(s, n, i + 1, &na, &ne);
				/* (the label's cell with it: fs_codes_again reads the
				 * code's cue in the span, and withholds the code where
				 * the note says it again) */
				if (f.rc == 0 && fs_code_cell(s, ca, ce) && ne > na)
					f.rc = spans_push(f.out, ca, ne, SCRUB_SAFE_TIME, "fs:code-cell");
			}
			cell_start = i + 1;
			break;
		}
		case '-':
			if (i > 0 && s[i - 1] == ' ' && i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '-'))
				clause_end(&f);
			break;
		case '@':
			if (i == 0 || s[i - 1] == ' ')
				word(&f, i, i + 1, "at", 2, fs_lookup("at", 2), 0), last_cls = K_PREP | K_FUNC;
			break;
		case ':':
			/* "Housing:" or "Next contact:" at the start of a clause is a
			 * label: the span starts after it, its words still count. */
			if (f.c_start != SIZE_MAX && f.nwords <= 3 && i + 1 < n && s[i + 1] != '/') {
				/* A label that itself says where or when ("Safe
				 * window:", "New tenancy:") or that a plan follows
				 * ("Plan:", "Arrangement:") goes with the clause if
				 * it is withheld; an agency's or a date's stays. */
				if (fs_label_is(s, f.c_start, i, FS_CODE_LABEL) || fs_code_cell(s, f.c_start, i))
					f.seen |= S_SAFE; /* (s49: "My secret word:") */
				/* her work's label: "Work:" alone or hers ("IP's
				 * work:", "Mother's work:"; not "Husband's work:",
				 * "BF's employer:") */
				if (fs_label_is(s, f.c_start, i, FS_WORK_LABEL) && !(f.seen & S_HE) &&
				    (f.nwords == 1 || (f.seen & S_SHE) || (f.p2 & (K_SHE | K_SUBJ)) ||
				     (f.nwords == 2 && fs_slash_label(s, f.c_start, i))))
					f.work_lbl = 1; /* (s38: "Gwaith / work:", a form's
							 * two languages) */
				/* "Location: <Town>", "Area: <Name>", "Town: ...":
				 * a label of where, then a name, says where (his
				 * own, "Perpetrator location:", stays: the clause
				 * decides) */
				int where = !(f.seen & S_RES) && !(f.p2 & K_BIZ) && f.nwords <= 2 &&
				            fs_label_is(s, f.c_start, i, FS_WHERE_LABEL);
				size_t lbl = (f.seen & (S_RES | S_CALL | S_SAFE | S_WHEN)) || where ||
				                     fs_label_is(s, f.c_start, i, FS_PLAN_LABEL)
				                 ? f.c_start : SIZE_MAX;
				if (where && !f.place_next)
					f.place_next = 3, f.pn_conv = 0;
				/* "Birth plan: <Name> Birth Centre", "Next appt:
				 * <Name> Clinic": where she will be seen, as "birth
				 * plan changed to <Name>" (a time, a day or an agency
				 * after it is not: word()) */
				/* s48-never: "Next: 17/03 at 11:00, our outreach at
				 * <Name> Community Centre": a note's bare "Next:" is
				 * her next appointment's label, its place after "at" */
				int next = f.nwords == 1 && fs_label_is(s, f.c_start, i, FS_NEXT_LABEL);
				if (f.appt && !(f.seen & S_HE))
					f.appt_next = 2;
				if (next)
					f.appt = 2; /* (a name after "at", not an
				                     * agency's: not "Next: Aberdeenshire
				                     * MARAC 20/01", "refer to <Town> City
				                     * Council") */
				if (f.u_start == f.c_start &&
				    !(where || fs_label_is(s, f.c_start, i, FS_PLAN_LABEL) ||
				      (f.seen & (S_RES | S_CALL | S_SAFE))))
					f.u_start = SIZE_MAX; /* nor of the unit's (a plan's,
					                       * a place's or a contact's label
					                       * stays in; a day's goes) */
				int her = f.nwords == 1 && fs_her_label(&f, f.c_start, i);
				size_t from = f.c_start;
				f.c_start = SIZE_MAX;
				f.nwords = 0;
				f.lbl = lbl;
				f.tlabel = her, f.tlab_start = from;
				f.t_time = f.t_other = 0;
			}
			break;
		default:
			break;
		}
		if (ch != ' ' && ch != '\n')
			last_ch = ch;
		if (ch != ' ' && ch != '\n' && f.c_start != SIZE_MAX && ch != ';')
			f.c_end = i + 1; /* a closing bracket or quote */
		i++;
	}
	clause_end(&f);
	sentence_end(&f);
	if (f.rc == 0 && !sink)
		f.rc = fs_codes_again(&f, scan_from);
	return f.rc;
}

/*
 * Speech-to-text writes the punctuation it was dictated as words: "she is
 * staying at her sisters full stop new paragraph I advised ...". A note
 * dictated so is one sentence from end to end, so no clause of it is
 * decided on its own (and a unit of more than 100 words is beyond the
 * model). Where the text holds "full stop", "new paragraph" or "question
 * mark" as words, the scan reads a copy of it with each of them blanked
 * and a sentence end in its last byte ("full stop" -> "        ."): the same
 * length, so every offset holds, and a withheld statement takes its
 * dictated full stop as it takes a written one. NULL when there is none
 * (or no memory: the text is then read as written).
 */
static const char *const FS_DICTATED[] = {"full stop", "new paragraph", "question mark"};

static char *fs_dictated(const char *text, size_t n)
{
	char *copy = NULL;
	for (size_t i = 0; i < n; i++) {
		/* past every eight bytes where no word starts with f, n or q
		 * (either case): most of a note, each byte of which the tests
		 * below would pass over (p: each lane's byte before) */
		for (; i > 0 && i + 8 <= n; i += 8) {
			uint64_t x, p;
			memcpy(&x, text + i, 8);
			memcpy(&p, text + i - 1, 8);
			x |= AR_ONES * 0x20;
			uint64_t m = (ar_in(x, 'f', 'f') | ar_in(x, 'n', 'n') | ar_in(x, 'q', 'q')) &
			             ~(ar_letters(p) | ar_in(p, '0', '9') | (p & AR_HI));
			if (m) {
				i += ar_lead(~m & AR_HI);
				break;
			}
		}
		if (i >= n)
			break;
		if ((text[i] | 0x20) != 'f' && (text[i] | 0x20) != 'n' && (text[i] | 0x20) != 'q')
			continue;
		if (i > 0 && fs_alnum((unsigned char)text[i - 1]))
			continue;
		for (size_t d = 0; d < sizeof FS_DICTATED / sizeof *FS_DICTATED; d++) {
			if ((text[i] | 0x20) != FS_DICTATED[d][0])
				continue; /* (each starts with its own letter) */
			size_t k = strlen(FS_DICTATED[d]);
			if (i + k > n || strncasecmp(text + i, FS_DICTATED[d], k) != 0 ||
			    (i + k < n && fs_alnum((unsigned char)text[i + k])))
				continue;
			if (!copy) {
				copy = malloc(n);
				if (!copy)
					return NULL;
				memcpy(copy, text, n);
			}
			memset(copy + i, ' ', k - 1);
			copy[i + k - 1] = d == 2 ? '?' : '.';
			i += k - 1;
			break;
		}
	}
	return copy;
}

static int fs_run_dictated(const char *text, size_t n, struct spans *out, int model,
                           const struct fs_unit_sink *sink)
{
	char *copy = fs_dictated(text, n);
	int rc = fs_run(copy ? copy : text, n, out, model, sink);
	free(copy);
	return rc;
}

int failsafe_scan(const char *text, size_t n, struct spans *out)
{
	return fs_run_dictated(text, n, out, 0, NULL);
}

int failsafe_scan_model(const char *text, size_t n, struct spans *out)
{
	return fs_run_dictated(text, n, out, 1, NULL);
}

int failsafe_scan_model_he(const char *text, size_t n, struct spans *out)
{
	return fs_run_dictated(text, n, out, 3, NULL);
}

int failsafe_units(const char *text, size_t n, const struct fs_unit_sink *sink)
{
	struct spans sv = {0};
	int rc = fs_run_dictated(text, n, &sv, 0, sink);
	spans_free(&sv);
	return rc;
}
