/*
 * place: free-text addresses, schools, GP surgeries and workplaces for every
 * recipient; statements of where the victim is and safe times only with
 * PLACE_F_LOCATION. Each recogniser with its near misses, sentence and line
 * handling, bounds on odd input, and a labelled set (place_corpus.h) whose
 * recall and over-redaction must stay within the targets below.
 * Synthetic data only.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mgw_err.h"
#include "place.h"
#include "scrub.h"
#include "linear_guard.h"

#include "place_corpus.h"

static struct spans scan(const char *s, unsigned flags)
{
	struct spans sv = {0};
	cr_assert_eq(place_scan(s, strlen(s), flags, &sv), 0);
	for (size_t i = 0; i < sv.n; i++) {
		cr_assert(sv.v[i].start < sv.v[i].end && sv.v[i].end <= strlen(s), "span out of bounds");
		cr_assert_not_null(sv.v[i].rule);
	}
	spans_sort(&sv);
	return sv;
}

/* Is there a span of kind (or any kind if kind < 0) covering exactly what? */
static int found_exact(const char *s, const struct spans *sv, int kind, const char *what)
{
	size_t n = strlen(what);
	for (size_t i = 0; i < sv->n; i++)
		if ((kind < 0 || sv->v[i].kind == (unsigned)kind) && sv->v[i].end - sv->v[i].start == n &&
		    memcmp(s + sv->v[i].start, what, n) == 0)
			return 1;
	return 0;
}

static void expect_span(const char *s, unsigned flags, int kind, const char *what)
{
	struct spans sv = scan(s, flags);
	int ok = found_exact(s, &sv, kind, what);
	if (!ok)
		for (size_t i = 0; i < sv.n; i++)
			fprintf(stderr, "  got %s [%.*s]\n", scrub_kind_name(sv.v[i].kind),
				(int)(sv.v[i].end - sv.v[i].start), s + sv.v[i].start);
	spans_free(&sv);
	cr_assert(ok, "want %s [%s] in: %s", scrub_kind_name(kind), what, s);
}

static void expect_none(const char *s, unsigned flags)
{
	struct spans sv = scan(s, flags);
	size_t n = sv.n;
	for (size_t i = 0; i < sv.n; i++)
		fprintf(stderr, "  unexpected %s %s [%.*s]\n", scrub_kind_name(sv.v[i].kind),
			sv.v[i].rule, (int)(sv.v[i].end - sv.v[i].start), s + sv.v[i].start);
	spans_free(&sv);
	cr_assert_eq(n, 0, "nothing expected in: %s", s);
}

/* The whole text is one withheld statement of this kind. */
static void expect_sentence(const char *s, int kind)
{
	expect_span(s, PLACE_F_LOCATION, kind, s);
	struct spans sv = scan(s, 0);
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(sv.v[i].kind != SCRUB_LOCATION && sv.v[i].kind != SCRUB_SAFE_TIME,
			  "statement withheld without the flag: %s", s);
	spans_free(&sv);
}

#define LOC PLACE_F_LOCATION

Test(place, addresses_with_number_and_street_type)
{
	expect_span("She has moved to 33a Grange Court, Grimsby.", 0, SCRUB_ADDRESS,
		    "33a Grange Court, Grimsby");
	expect_span("Officers attended 12 Windsor Crescent at 2214.", 0, SCRUB_ADDRESS,
		    "12 Windsor Crescent");
	expect_span("staying at 170a Cliff Walk for now", 0, SCRUB_ADDRESS, "170a Cliff Walk");
	expect_span("He lives at 27 Beacon Avenue, Grimsby, DN32 0NE.", 0, SCRUB_ADDRESS,
		    "27 Beacon Avenue, Grimsby, DN32 0NE");
	expect_span("seen at 12-14 Station Road yesterday", 0, SCRUB_ADDRESS, "12-14 Station Road");
	expect_span("Enquiries at No. 14 Church Lane.", 0, SCRUB_ADDRESS, "No. 14 Church Lane");
	expect_span("call came from 5 St Mary's Road", 0, SCRUB_ADDRESS, "5 St Mary's Road");
	expect_span("lives at 12 The Green in Laceby", 0, SCRUB_ADDRESS, "12 The Green in Laceby");
	expect_span("she gave 4 main road as her address", 0, SCRUB_ADDRESS, "4 main road");
}

Test(place, street_type_abbreviations)
{
	static const char *const abbr[] = {"Rd", "St", "Ave", "Cres", "Ct", "Dr", "Ln", "Pl",
					   "Sq", "Tce", "Gdns", "Cl"};
	for (size_t i = 0; i < sizeof abbr / sizeof abbr[0]; i++) {
		char in[96], want[64];
		snprintf(want, sizeof want, "9 Fernhill %s", abbr[i]);
		snprintf(in, sizeof in, "Seen at %s, then left.", want);
		expect_span(in, 0, SCRUB_ADDRESS, want);
	}
	/* a saint and a doctor are not streets */
	expect_none("Seen by Dr Shah on the ward.", 0);
	expect_none("The St John Ambulance crew attended.", 0);
}

Test(place, flats_and_named_buildings)
{
	expect_span("staying at Flat 10, 170a Cliff Walk tonight", 0, SCRUB_ADDRESS,
		    "Flat 10, 170a Cliff Walk");
	expect_span("Police attended Flat 3 Rosewood House twice.", 0, SCRUB_ADDRESS,
		    "Flat 3 Rosewood House");
	expect_span("Apartment 4B, Quayside Mews was searched.", 0, SCRUB_ADDRESS,
		    "Apartment 4B, Quayside Mews");
	expect_span("She lives in flat 2.", 0, SCRUB_ADDRESS, "flat 2");
	expect_span("now at Ashdown Court with a friend", 0, SCRUB_ADDRESS, "Ashdown Court");
	expect_span("Neighbours in Rosewood House complained.", 0, SCRUB_ADDRESS, "Rosewood House");
	expect_none("They live in a flat 10 minutes away.", 0);
	expect_none("UNIT 3 ATTENDED", 0);
}

Test(place, multi_line_and_capitals)
{
	expect_span("Address:\nFlat 3\n170a Cliff Walk\nGrimsby\nDN31 2AB\n", 0, SCRUB_ADDRESS,
		    "Flat 3\n170a Cliff Walk\nGrimsby\nDN31 2AB");
	expect_span("2214 DISTURBANCE AT 12 WINDSOR CRES GRIMSBY CALLER STATES MALE SHOUTING", 0,
		    SCRUB_ADDRESS, "12 WINDSOR CRES GRIMSBY");
	expect_span("UNITS TO 40 KING EDWARD ST", 0, SCRUB_ADDRESS, "40 KING EDWARD ST");
	expect_span("12 Windsor Crescent\nGrimsby\n\nThe caller", 0, SCRUB_ADDRESS,
		    "12 Windsor Crescent\nGrimsby");
}

Test(place, streets_named_without_number)
{
	expect_span("She is now in the refuge on Windsor Crescent.", 0, SCRUB_ADDRESS,
		    "Windsor Crescent");
	expect_span("Neighbours on Grange Court reported noise.", 0, SCRUB_ADDRESS, "Grange Court");
	expect_span("He was seen on Victoria Street.", 0, SCRUB_ADDRESS, "Victoria Street");
	expect_span("Pennine Road is a cul-de-sac.", 0, SCRUB_ADDRESS, "Pennine Road");
	/* a surname that is a street type, without a cue, is not a street */
	expect_none("Jenny Green and Sarah Hill were spoken to.", 0);
}

Test(place, towns_after_a_cue)
{
	expect_span("She has moved to Leeds.", 0, SCRUB_ADDRESS, "Leeds");
	expect_span("Refuge space was found in Sheffield.", 0, SCRUB_ADDRESS, "Sheffield");
	expect_span("staying with her sister in Kingston upon Hull", 0, SCRUB_ADDRESS, "Kingston");
	expect_none("She was born in Leeds.", 0);
	expect_none("The meeting moved to Tuesday.", 0);
}

Test(place, not_addresses)
{
	static const char *const keep[] = {
		"Seen at 10am by the duty officer.",
		"Section 47 enquiries were started.",
		"He left 15 minutes later.",
		"2 children were present.",
		"She was interviewed in Room 3.",
		"He is on Ward 12.",
		"Damage was estimated at 250 pounds.",
		"The hearing is on 12 March 2025.",
		"He was remanded to Grimsby Magistrates Court.",
		"The case went to Hull Crown Court.",
		"Listed at the County Court and the Family Court.",
		"At the close of the meeting actions were agreed.",
		"A court hearing is listed.",
		"She walked for 20 minutes.",
		"Crime ref 22/12345/24 was raised.",
		"DASH score 17, 3 incidents in 12 months.",
		"He drives a grey Vauxhall.",
		"She rang 999 at 0230.",
		"The park was closed.",
		"Call received 2214 hrs, units on way.",
	};
	for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
		expect_none(keep[i], LOC);
}

Test(place, schools_surgeries_workplaces)
{
	expect_span("The children attend St Mary's Primary School.", 0, SCRUB_PLACE,
		    "St Mary's Primary School");
	expect_span("The eldest is in Year 9 at Oakwood Academy.", 0, SCRUB_PLACE, "Oakwood Academy");
	expect_span("She attends Little Acorns Nursery.", 0, SCRUB_PLACE, "Little Acorns Nursery");
	expect_span("Registered with Riverside Medical Centre.", 0, SCRUB_PLACE,
		    "Riverside Medical Centre");
	expect_span("Discussed with Dr Shah's surgery today.", 0, SCRUB_PLACE, "Dr Shah's surgery");
	expect_span("Registered at Church Street Surgery since 2019.", 0, SCRUB_PLACE,
		    "Church Street Surgery");
	expect_span("GP is the Grange Practice.", 0, SCRUB_PLACE, "Grange Practice");
	expect_span("She works at Tesco on Freeman Street.", 0, SCRUB_PLACE,
		    "Tesco on Freeman Street");
	expect_span("She is employed by Grimsby Institute as a cleaner.", 0, SCRUB_PLACE,
		    "Grimsby Institute");
	expect_span("Her workplace, Boots in Freshney Place, is aware.", 0, SCRUB_PLACE,
		    "Boots in Freshney Place");
	expect_span("The youngest attends Little Acorns three days a week.", 0, SCRUB_PLACE,
		    "Little Acorns");
	expect_span("studying at the University of Lincoln", 0, SCRUB_PLACE, "University of Lincoln");
	/* generic places and agencies stay */
	static const char *const keep[] = {
		"She attended A&E at 0300.",
		"She was taken to the hospital.",
		"Her local GP surgery has been informed.",
		"The school has been told.",
		"She works at the hospital as a nurse.",
		"She works for the council.",
		"She attended the Freedom Programme.",
		"Primary School staff raised concerns.",
		"Sure Start Centre staff were helpful.",
		"He works as a delivery driver.",
		"He attended court on Monday.",
	};
	for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
		expect_none(keep[i], 0);
}

Test(place, named_hospital_only_where_she_is)
{
	expect_none("She was treated previously at Scunthorpe General Hospital.", 0) ;
}

Test(place, victim_location_statements)
{
	expect_sentence("She is now in the refuge on Windsor Crescent.", SCRUB_LOCATION);
	expect_sentence("She was placed in a refuge in another area.", SCRUB_LOCATION);
	expect_sentence("Refuge space found in Leeds.", SCRUB_LOCATION);
	expect_sentence("She has been rehoused.", SCRUB_LOCATION);
	expect_sentence("Her new address is being kept confidential.", SCRUB_LOCATION);
	expect_sentence("She has a new tenancy.", SCRUB_LOCATION);
	expect_sentence("Family placed in temporary accommodation.", SCRUB_LOCATION);
	expect_sentence("She is in a B&B.", SCRUB_LOCATION);
	expect_sentence("She is sofa-surfing.", SCRUB_LOCATION);
	expect_sentence("She is stopping at her mum's.", SCRUB_LOCATION);
	expect_sentence("She is at her sister's.", SCRUB_LOCATION);
	expect_sentence("She lives at the address with the children.", SCRUB_LOCATION);
	expect_sentence("She can be found at the library most days.", SCRUB_LOCATION);
	expect_sentence("She is currently residing elsewhere.", SCRUB_LOCATION);
	expect_sentence("A safe house has been arranged.", SCRUB_LOCATION);
	expect_sentence("She walks the children to school via the park at 8.30.", SCRUB_LOCATION);
	expect_sentence("She takes the 7:15 bus from the interchange.", SCRUB_LOCATION);
	expect_sentence("She is staying with her brother-in-law at Flat 10, 170a Cliff Walk.",
			SCRUB_LOCATION);
	expect_sentence("She stayed at her mum's last night.", SCRUB_LOCATION);
	expect_sentence("She's at her mum's.", SCRUB_LOCATION);
	expect_sentence("V currently at friend's address", SCRUB_LOCATION);
	expect_sentence("She's been put up in a Travelodge.", SCRUB_LOCATION);
	expect_sentence("Her new home is in Grimsby.", SCRUB_LOCATION);
	expect_sentence("She gets the bus to work at 7.", SCRUB_LOCATION);
	expect_sentence("She's moving to her nan's on Friday.", SCRUB_LOCATION);
	expect_sentence("She has a key to her sister's house and goes there most evenings.",
			SCRUB_LOCATION);
	expect_sentence("VIC NOW AT MOTHERS ADDRESS 14 PARK RD", SCRUB_LOCATION);
	expect_sentence("IDVA has arranged for her to go into a safe house.", SCRUB_LOCATION);
	expect_sentence("Her address is 4 Main Road.", SCRUB_LOCATION);
	expect_sentence("She was admitted to Hull Royal Infirmary on Ward 9.", SCRUB_LOCATION);
	expect_span("She was admitted to Hull Royal Infirmary on Ward 9.", 0, SCRUB_PLACE,
		    "Hull Royal Infirmary on Ward 9");
}

/* More ways case notes say where she is or how to reach her: each withheld. */
Test(place, more_statements)
{
	static const char *const loc[] = {
		"She has been given a room at the YMCA.",
		"Victim has taken up residence at her grandmother's.",
		"She is lodging with a work colleague.",
		"Victim is in a Salvation Army hostel.",
		"She has accepted a property in the north of the county.",
		"She is being accommodated by a friend.",
		"Mum and kids are at her mother's until the locks are changed.",
		"She is now settled in her new home.",
		"She has found a flat in Hull.",
		"Victim advised she has gone to Scotland.",
		"She is out of area.",
		"She has moved out.",
		"Victim moved 2 weeks ago.",
		"She is going to stay at her dad's for a few days.",
		"She has a new place near the seafront.",
		"She will be collecting the kids from nursery at 12.",
		"She attends church every Sunday morning.",
		"She walks her dog on the beach each evening.",
		"She drives her son to football on Saturdays.",
		"The victim's new postcode is in the DN35 area.",
	};
	static const char *const safe[] = {
		"Please don't phone after 3.",
		"Mornings are best for calls.",
		"She is free to talk between 9 and 11.",
		"Text only.",
		"Only contact via her work email.",
		"It is unsafe to call on weekends.",
		"He is on nights this week so days are better to ring.",
		"Victim requests no letters are sent to the address.",
		"She has a second phone that he doesn't know about.",
	};
	for (size_t i = 0; i < sizeof loc / sizeof loc[0]; i++)
		expect_sentence(loc[i], SCRUB_LOCATION);
	for (size_t i = 0; i < sizeof safe / sizeof safe[0]; i++)
		expect_sentence(safe[i], SCRUB_SAFE_TIME);
	expect_none("She was offered a place on the Freedom Programme.", LOC);
}

Test(place, safe_times)
{
	expect_sentence("Call after 10am when he is at work.", SCRUB_SAFE_TIME);
	expect_sentence("Only call Tues/Thurs mornings.", SCRUB_SAFE_TIME);
	/* a call word and days alone: when she can be called is a safe time */
	expect_sentence("Ring her only on weekdays.", SCRUB_SAFE_TIME);
	expect_sentence("Safe to call between 1 and 3pm.", SCRUB_SAFE_TIME);
	expect_sentence("Text first, do not leave voicemail.", SCRUB_SAFE_TIME);
	expect_sentence("He checks her phone in the evenings, call before 5.", SCRUB_SAFE_TIME);
	expect_sentence("Safe times: weekday mornings.", SCRUB_SAFE_TIME);
	expect_sentence("Do not ring after 6pm.", SCRUB_SAFE_TIME);
	expect_sentence("Safe contact: via her sister.", SCRUB_SAFE_TIME);
	expect_sentence("Can be contacted at her work on 07700 900123.", SCRUB_SAFE_TIME);
}

Test(place, not_victim_location)
{
	static const char *const keep[] = {
		"The meeting moved to Tuesday.",
		"The case moved to another MARAC.",
		"The hearing has been moved to 12 April.",
		"He moved on from the subject.",
		"She is at risk of serious harm.",
		"She was living in fear.",
		"She is at home with the children.",
		"Officers attended the address.",
		"The social worker moved to another team.",
		"Probation confirmed there is no contact with the victim.",
		"The IDVA will make contact on the agreed safe number.",
		"She left a voicemail for the IDVA.",
		"He drives a Vauxhall.",
		"The family have lived in the area for 10 years.",
		"She stayed at home with the children over the weekend.",
		"Victim's address is flagged on the police system.",
		"The IDVA will call on the agreed safe number during the agreed safe times.",
		"He was found in the loft by officers.",
		"She is now aware of the risks.",
		"He is still in custody.",
		"She is currently with the IDVA.",
		"She is still in contact with him.",
		"The victim lives with the perpetrator.",
		"She lives with her two children.",
		"She is living with him again.",
		"The IDVA will call her on Monday to review the safety plan.",
		"She declined refuge",
	};
	/* the last one withholds: any mention of a refuge is withheld (fail safe) */
	for (size_t i = 0; i + 1 < sizeof keep / sizeof keep[0]; i++)
		expect_none(keep[i], LOC);
	expect_sentence(keep[sizeof keep / sizeof keep[0] - 1], SCRUB_LOCATION);
}

Test(place, sentence_boundaries)
{
	/* only the sentence that says where she is goes */
	const char *s = "IDVA spoke to her today. She is staying with her aunt. Safety plan reviewed.";
	expect_span(s, LOC, SCRUB_LOCATION, "She is staying with her aunt.");
	struct spans sv = scan(s, LOC);
	cr_assert_eq(sv.n, 1);
	spans_free(&sv);
	/* a semicolon ends a statement too */
	expect_span("Seen today; she is staying with her aunt; no concerns.", LOC, SCRUB_LOCATION,
		    "she is staying with her aunt;");
	/* CAD and chronology lines are sentences */
	expect_span("2231 CALLER STATES SHE IS AT HER SISTERS ADDRESS\n2240 UNITS ON SCENE", LOC,
		    SCRUB_LOCATION, "CALLER STATES SHE IS AT HER SISTERS ADDRESS");
	/* a hard-wrapped e-mail line goes on */
	expect_span("Hi all,\nJust to say the victim has now moved to a new\naddress in Leeds and "
		    "is settling in.\nThanks",
		    LOC, SCRUB_LOCATION,
		    "Just to say the victim has now moved to a new\naddress in Leeds and is settling in.");
	expect_span("Please note she is staying with her sister\nat 14 Beech Grove, Hull for now.\n"
		    "Kind regards",
		    LOC, SCRUB_LOCATION,
		    "Please note she is staying with her sister\nat 14 Beech Grove, Hull for now.");
	/* "Mr." does not end a sentence */
	expect_span("She is staying with Mr. Khan at his flat.", LOC, SCRUB_LOCATION,
		    "She is staying with Mr. Khan at his flat.");
}

Test(place, odd_input_is_bounded)
{
	struct spans sv = {0};
	cr_assert_eq(place_scan("", 0, LOC, &sv), 0);
	cr_assert_eq(sv.n, 0);
	cr_assert_eq(place_scan(NULL, 0, LOC, &sv), 0);
	/* a NUL inside is a character like any other */
	static const char nul[] = "She is at\0 her mum's. 12 Windsor Road";
	cr_assert_eq(place_scan(nul, sizeof nul - 1, LOC, &sv), 0);
	spans_free(&sv);

	/* 1 MiB without a sentence end, of digits, of capitals, of cue words:
	 * terminates, spans in bounds, the location statement is one span */
	size_t n = 1u << 20;
	char *s = malloc(n + 1);
	cr_assert_not_null(s);
	static const char *const fill[] = {"1 ", "A ", "Road ", "staying with her mum ", "\n",
					   "\xC3\xA9", "12 Windsor Road ", ". ", "'s-&"};
	for (size_t f = 0; f < sizeof fill / sizeof fill[0]; f++) {
		size_t k = strlen(fill[f]);
		for (size_t i = 0; i < n; i++)
			s[i] = fill[f][i % k];
		s[n] = '\0';
		memset(&sv, 0, sizeof sv);
		cr_assert_eq(place_scan(s, n, LOC, &sv), 0);
		for (size_t i = 0; i < sv.n; i++)
			cr_assert(sv.v[i].start < sv.v[i].end && sv.v[i].end <= n);
		if (f == 3)
			cr_assert(sv.n == 1 && sv.v[0].start == 0 && sv.v[0].end >= n - 1,
				  "one sentence, one span");
		spans_free(&sv);
	}
	free(s);
}

/* ---- tuning on realistic notes (issue 9) ------------------------------------------ */

Test(place, where_he_would_find_her)
{
	/* the perpetrator finding her says where she is, with or without an address */
	expect_sentence("She fears he will find her in Whitby with her aunt.", SCRUB_LOCATION);
	expect_sentence("His cousin helped him track her down to a flat in Selby.", SCRUB_LOCATION);
	expect_sentence("She is worried he will locate her at the Seaview Hotel in Filey.",
			SCRUB_LOCATION);
	/* hotels are places she can be, whatever their first word is */
	expect_sentence("She is currently at the Holiday Inn at Wexcombe.", SCRUB_LOCATION);
	expect_sentence("They are at the Travelodge near Malton.", SCRUB_LOCATION);
	/* "her new ..." is somewhere, even misspelt */
	expect_sentence("She will be at her new adress, 8 Oak Rise, from Friday.", SCRUB_LOCATION);
	/* an ex is kin: who she is with and where */
	expect_sentence("She will be with her ex at Fern Cottage from Monday.", SCRUB_LOCATION);
	/* a slip of two letters does not hide a refuge */
	expect_sentence("She went to a rfeuge in Ripon on Monday.", SCRUB_LOCATION);
	expect_sentence("She has now moved to a reufge.", SCRUB_LOCATION);
	/* not: someone's relative as a person, an office, a phone number */
	expect_none("She lent £40 to her brother's wife Mandy.", LOC);
	expect_none("His passport is with the Passport Office.", LOC);
	expect_none("0915 CALLER IS HIS BROTHER, CALLING FROM 07700 900456", LOC);
	/* not: finding things, or the past of an event */
	expect_none("Officers could not find her phone.", LOC);
	expect_none("She hid at a neighbour's until 23:10.", LOC);
}

Test(place, how_to_reach_her)
{
	expect_sentence("She can be reached only on Fridays between 10 and 12.", SCRUB_SAFE_TIME);
	expect_sentence("She can be reahced after 6.30pm.", SCRUB_SAFE_TIME);
	expect_sentence("She is contactable before 9am on weekdays.", SCRUB_SAFE_TIME);
	/* a call word and a time window in one sentence */
	expect_sentence("Client asked us to phone not on Sundays, weekdays 9-11 only.",
			SCRUB_SAFE_TIME);
	expect_sentence("VIC REQUESTS CONTACT DURING HER LUNCH BREAK 12:15-12:45 ONLY.",
			SCRUB_SAFE_TIME);
	expect_sentence("Ring Tue-Thu 08:30-10:00 on the agreed number.", SCRUB_SAFE_TIME);
	/* a log entry about a call at a time, and dates, are not windows */
	expect_none("Police called at 21:05 on 03-04-2025 and left at 21:40.", LOC);
	expect_none("He made 30 calls between 9 and 11 that night.", LOC);
}

Test(place, log_entry_stamp_is_kept)
{
	/* the withheld statement starts after the entry's own time or date */
	const char *s = "[0915 HRS] IP NOW STAYING WITH HER COUSIN IN BEVERLEY\n"
			"0940 - ALL UNITS CLEAR";
	expect_span(s, LOC, SCRUB_LOCATION, "IP NOW STAYING WITH HER COUSIN IN BEVERLEY");
	expect_span("07/09/25: Client has moved to a refuge.", LOC, SCRUB_LOCATION,
		    "Client has moved to a refuge.");
	expect_span("APPROX 2145 CALLER SAYS SHE IS AT HER NAN'S", LOC, SCRUB_LOCATION,
		    "CALLER SAYS SHE IS AT HER NAN'S");
	expect_span("4th March: Client is staying with her gran.", LOC, SCRUB_LOCATION,
		    "Client is staying with her gran.");
	expect_span("Friday 9th | Housing | She has moved to a refuge.", LOC, SCRUB_LOCATION,
		    "She has moved to a refuge.");
	/* "Friday nights" or "Friday night" may be when she is there: kept inside */
	expect_sentence("Friday night: at her nan's", SCRUB_LOCATION);
	/* a time that opens a safe-time window is the window itself */
	expect_sentence("7pm - 9pm safe to call", SCRUB_SAFE_TIME);
	/* a log entry's stamp is not the clock of a routine */
	expect_none("1730HRS SUSPECT DRIVES A SILVER CORSA.", LOC);
}

/* issue 9: a chronology dated by day and month only, or by a weekday and
 * the date in figures, keeps its date; the statement after it goes */
Test(place, chronology_day_and_month_stamp_is_kept)
{
	expect_span("03/02 Marnie moved in with her gran.", LOC, SCRUB_LOCATION,
		    "Marnie moved in with her gran.");
	expect_span("19/08 - Mother placed in a refuge with both boys.", LOC, SCRUB_LOCATION,
		    "Mother placed in a refuge with both boys.");
	expect_span("Thu 6/03: She is back in Trowbridge for the hearing.", LOC, SCRUB_LOCATION,
		    "She is back in Trowbridge for the hearing.");
	expect_span("Fri 07.03 - She is staying at her aunt's.", LOC, SCRUB_LOCATION,
		    "She is staying at her aunt's.");
}

/* issue 9 (h9-over7): a list's bullet before a stamp, and figures right after
 * a date or a clock, leave the stamp visible; the statement still goes */
Test(place, bulleted_stamp_and_figures_after_the_stamp)
{
	expect_span("- 12/03: Gran rang asking where the refuge is.", LOC, SCRUB_LOCATION,
		    "Gran rang asking where the refuge is.");
	expect_span("* 14/02 - only text her after 8 tonight", LOC, SCRUB_SAFE_TIME,
		    "only text her after 8 tonight");
	expect_span("17/05 3-4 wk review moved to the refuge in Selby.", LOC, SCRUB_LOCATION,
		    "3-4 wk review moved to the refuge in Selby.");
	expect_span("21:14 999 CALL - FEMALE SAYS SHE IS AT HER AUNT'S IN WEXCOMBE", LOC,
		    SCRUB_LOCATION, "999 CALL - FEMALE SAYS SHE IS AT HER AUNT'S IN WEXCOMBE");
	/* a heading line of four words or more ending in ':', an e-mail's
	 * attribution: the statement starts on the next line */
	expect_span("Worker update for the meeting on 9 Jan:\nShe is staying with her gran in Wexcombe.",
		    LOC, SCRUB_LOCATION, "She is staying with her gran in Wexcombe.");
	expect_span("On Tue, 4 Jan 2027 at 09:12, Ottoline Venn wrote:\n  She is staying with her gran in Wexcombe.",
		    LOC, SCRUB_LOCATION, "She is staying with her gran in Wexcombe.");
	/* a bullet with no stamp: the item from its first word */
	expect_span("- Staying with her aunt in Wexcombe for now.", LOC, SCRUB_LOCATION,
		    "Staying with her aunt in Wexcombe for now.");
	/* a window after a clock stays whole */
	expect_sentence("10:30 - 12:30 safe to ring her", SCRUB_SAFE_TIME);
}

/* issue 9: a flat ending a sentence is no flat number with the next
 * line's log time ("...NOT AT FLAT.\n01:55 PNC ...") */
Test(place, flat_at_a_sentence_end_takes_no_number_from_the_next_line)
{
	struct spans sv = scan("OFFICERS TO CALL AT THE FLAT.\n03:10 PNC CHECK DONE", 0);
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(sv.v[i].kind != SCRUB_ADDRESS, "the log's time was read as a flat number");
	spans_free(&sv);
	expect_span("She lives at Flat 7, Penlow Court.", 0, SCRUB_ADDRESS, "Flat 7, Penlow Court");
}

/* issue 9: a heading line (its next line longer than it, so no wrap, and
 * no sentence's end in it) is not part of the statement that follows */
Test(place, heading_line_is_not_the_statement)
{
	expect_span("Northshire Ambulance Service - Patient Report - incident 2211-0417-PX\n"
		    "She is staying at her sister's in Frome for now and has asked us not to tell him at all.",
		    LOC, SCRUB_LOCATION,
		    "She is staying at her sister's in Frome for now and has asked us not to tell him at all.");
	/* a wrapped paragraph still reads as one sentence */
	expect_span("The worker spoke to her on the phone this morning and she told us that she is\n"
		    "Staying at her sister's in Frome.",
		    LOC, SCRUB_LOCATION,
		    "The worker spoke to her on the phone this morning and she told us that she is\n"
		    "Staying at her sister's in Frome.");
}

/* issue 9: each item of a bulleted list is a sentence of its own */
Test(place, list_items_are_sentences)
{
	const char *s = "Update:\n\xe2\x80\xa2 She is staying at her aunt's in Frome for now, until the council has a room\n"
			"\xe2\x80\xa2 Review booked for the end of the month\n- Worker to ring the school";
	struct spans sv = scan(s, LOC);
	int loc = 0;
	for (size_t i = 0; i < sv.n; i++) {
		loc |= sv.v[i].kind == SCRUB_LOCATION;
		cr_assert(!memmem(s + sv.v[i].start, sv.v[i].end - sv.v[i].start, "Review", 6),
			  "the next item was withheld with the statement");
	}
	spans_free(&sv);
	cr_assert(loc, "the item that says where she is is withheld");
}

/* issue 9: a safe-time statement keeps a message's bracketed stamp and a
 * stamp with a date in it out too; a bare clock may be the window itself */
Test(place, safe_time_after_a_dated_stamp)
{
	expect_span("[09:45] Hetty: ring me after 6 when hes at the gym", LOC, SCRUB_SAFE_TIME,
		    "Hetty: ring me after 6 when hes at the gym");
	expect_span("12.04 18:30 Oonagh: only text me after 8 tonight", LOC, SCRUB_SAFE_TIME,
		    "Oonagh: only text me after 8 tonight");
	expect_span("14/02 - only text her after 8 tonight", LOC, SCRUB_SAFE_TIME,
		    "only text her after 8 tonight");
	expect_sentence("10:30 - best time to ring her", SCRUB_SAFE_TIME);
	/* h9-over7: a CAD log's four-figure time before its text in capitals,
	 * and a heading line, stay out of a safe time too */
	expect_span("2312 ADVISED ONLY RING HER MOBILE AFTER 2200", LOC, SCRUB_SAFE_TIME,
		    "ADVISED ONLY RING HER MOBILE AFTER 2200");
	expect_span("Worker update for the meeting on 9 Jan:\nOnly text her after 8 at night.", LOC,
		    SCRUB_SAFE_TIME, "Only text her after 8 at night.");
	expect_sentence("1930 best time to ring her", SCRUB_SAFE_TIME);
}

Test(place, workplaces_and_businesses)
{
	/* cues: at work (...), sacked from, her route to */
	expect_span("He waits for her at work (Hartley's Florist on Moor Lane).", 0, SCRUB_PLACE,
		    "Hartley's Florist on Moor Lane");
	expect_span("He was dismissed from Morrisons in Barnsley last year.", 0, SCRUB_PLACE,
		    "Morrisons in Barnsley");
	expect_span("He knows her route to Boots in Thirsk.", 0, SCRUB_PLACE, "Boots in Thirsk");
	expect_span("He was sacked from the bakery at Filey in 03.02.25.", 0, SCRUB_PLACE,
		    "bakery at Filey");
	/* business name endings make a place without a cue */
	expect_span("He drinks at the Wheatsheaf Arms most nights.", 0, SCRUB_PLACE,
		    "Wheatsheaf Arms");
	expect_span("He is employed casually; payslips from Dale Logistics Ltd.", 0, SCRUB_PLACE,
		    "Dale Logistics Ltd");
	expect_span("She cleans at Ashgrove Care Home.", 0, SCRUB_PLACE, "Ashgrove Care Home");
	expect_span("Payslips show Kirk & Sons Roofers and Priory Hotel.", 0, SCRUB_PLACE,
		    "Priory Hotel");
	expect_span("She works at the Ellis & Sons Builders yard.", 0, SCRUB_PLACE,
		    "Ellis & Sons Builders yard");
	/* a job stays a job: no name, no place */
	expect_none("She works at a care home part time.", 0);
	expect_none("Her care plan is reviewed at home.", 0);
	expect_none("He knows her route to school.", 0);
}

Test(place, schools_and_practices_in_more_shapes)
{
	expect_span("Seen outside St Wilfrid's C of E Primary at 3pm.", 0, SCRUB_PLACE,
		    "St Wilfrid's C of E Primary");
	expect_span("Officer from Ashby Junior Sch visited.", 0, SCRUB_PLACE, "Ashby Junior Sch");
	expect_span("Collected from Little Owls Nursery (Kirkby) on Friday.", 0, SCRUB_PLACE,
		    "Little Owls Nursery (Kirkby)");
	/* the school word first, with the articles inside the name */
	expect_span("She started at Ysgol y Castell in September.", 0, SCRUB_PLACE,
		    "Ysgol y Castell");
	expect_span("TRANSFERRED TO GAELSCOIL AN CHNOIC.", 0, SCRUB_PLACE, "GAELSCOIL AN CHNOIC");
	expect_span("Moved from Gaelscoil na Mara to a new school.", 0, SCRUB_PLACE,
		    "Gaelscoil na Mara");
	expect_span("He registered at Northgate Group Practice.", 0, SCRUB_PLACE,
		    "Northgate Group Practice");
	expect_span("Practice: Eastfield Healthcare.", 0, SCRUB_PLACE, "Eastfield Healthcare");
	expect_none("The group practice will review it.", 0);
}

Test(place, addresses_in_more_shapes)
{
	/* a house name before the street, a town straight after it */
	expect_span("It happened outside Hollybank, Mill Road, Selby.", 0, SCRUB_ADDRESS,
		    "Hollybank, Mill Road, Selby");
	expect_span("His aunt lives at The Old Mill, Church Lane Thirsk.", 0, SCRUB_ADDRESS,
		    "The Old Mill, Church Lane Thirsk");
	expect_span("Her cousin lives at 41 Rowan Road Malton.", 0, SCRUB_ADDRESS,
		    "41 Rowan Road Malton");
	expect_span("A named house: Ivy Cottage, Moor Lane YO8 9ZZ.", 0, SCRUB_ADDRESS,
		    "Ivy Cottage, Moor Lane YO8 9ZZ");
	/* abbreviations after a house number, before a town */
	expect_span("It is 7 Larch Pl Whitby.", 0, SCRUB_ADDRESS, "7 Larch Pl Whitby");
	expect_span("NEAR 22B ASPEN WLK WEXCOMBE", 0, SCRUB_ADDRESS, "22B ASPEN WLK WEXCOMBE");
	/* Welsh street types come first */
	expect_span("She is at 5 Heol y Felin, Neath.", 0, SCRUB_ADDRESS, "5 Heol y Felin, Neath");
	expect_span("LIVES AT 31 LÔN HIR", 0, SCRUB_ADDRESS, "31 LÔN HIR");
	expect_span("Flat above 9 Ffordd Celyn Rhyl\nLL18 1AA. Next", 0, SCRUB_ADDRESS,
		    "9 Ffordd Celyn Rhyl\nLL18 1AA");
	/* a house name before an ambiguous street type, a town before "near" */
	expect_span("Her mum's address is The Byre, Orchard Place Ripon.", 0, SCRUB_ADDRESS,
		    "The Byre, Orchard Place Ripon");
	expect_span("Seen at 4 Ash Close Selby near the park.", 0, SCRUB_ADDRESS,
		    "4 Ash Close Selby");
	/* '#' and a house number after a preposition */
	expect_span("The neighbour from #14 called police.", 0, SCRUB_ADDRESS, "#14");
	/* not: a street and then a sentence going on, a saint, a ranking */
	expect_span("He lives at 12 Elm Road Officers attended.", 0, SCRUB_ADDRESS, "12 Elm Road");
	expect_none("Priority #1 is her safety.", 0);
	/* capitals: "THE FIELD" after "ON" is a field, "4 THE GREEN" an address */
	expect_none("1340 THE KIDS PLAY ON THE FIELD BEHIND THE FLATS.", 0);
	expect_span("SHE LIVES AT 4 THE GREEN", 0, SCRUB_ADDRESS, "4 THE GREEN");
	expect_span("She lives on The Green.", 0, SCRUB_ADDRESS, "The Green");
}

Test(place, where_she_is_said_indirectly)
{
	/* an adjective between the determiner and the kin word */
	expect_sentence("She may go to her best mates, Kerry's, out in Hessle.", SCRUB_LOCATION);
	expect_sentence("Planning to stay at an old friend's for now.", SCRUB_LOCATION);
	expect_sentence("Mum is now with her eldest sister.", SCRUB_LOCATION);
	/* a new street or estate she is on, unnamed */
	expect_sentence("He must not enter her new street or the shop.", SCRUB_LOCATION);
	expect_sentence("They have settled on their new estate.", SCRUB_LOCATION);
	/* not: a capitalised New Street is a street name, a plan is no place */
	expect_none("Her daughter wants a new bike.", LOC);
	expect_none("Grandad to stay over this week.", LOC);
	expect_none("He is going to buy a new car.", LOC);
}

Test(place, safe_routes_and_windows)
{
	/* "only" restricts how or when she can be reached */
	expect_sentence("Please phone her only in office hours.", SCRUB_SAFE_TIME);
	expect_sentence("Text her only on the work number.", SCRUB_SAFE_TIME);
	/* a contact label with a day or time after it */
	expect_sentence("Next contact: Weds am - he is at the gym.", SCRUB_SAFE_TIME);
	expect_sentence("Contact - weekday mornings", SCRUB_SAFE_TIME);
	/* not: a visit planned today, a contact label with a phone number */
	expect_none("Social worker to visit today.", LOC);
	expect_none("Duty officer to call tomorrow.", LOC);
}

Test(place, venues_where_she_may_be_found)
{
	/* venue and shop words make a place after a capitalised name */
	expect_span("She helps out at the Polish church hall most days.", 0, SCRUB_PLACE,
		    "Polish church hall");
	expect_span("Seen waiting outside Heckmond Library.", 0, SCRUB_PLACE, "Heckmond Library");
	/* "is at" a venue is where she is, not a school she attends */
	expect_sentence("She is at the Riverview Inn until Friday.", SCRUB_LOCATION);
	/* Hall, Barber, Temple are surnames too */
	expect_none("Kevin HALL gave a statement to police.", 0);
	expect_none("Witness Ann Barber saw the assault.", 0);
}

Test(place, workplaces_in_more_shapes)
{
	/* "her workplace (" and a colleague "from" it, a town after a comma */
	expect_span("He turned up at her workplace (Polish deli on Bank St) twice.", 0, SCRUB_PLACE,
		    "Polish deli on Bank St");
	expect_span("Brought in by her colleague Tina Webb from Aldi Superstore, Kirkham.", 0,
		    SCRUB_PLACE, "Aldi Superstore, Kirkham");
	expect_span("He has been offered work at Humber Freight, Wexcombe - start date tbc.", 0,
		    SCRUB_PLACE, "Humber Freight, Wexcombe");
	/* a person's business: runs, owns, manages */
	expect_span("Her uncle Imran runs the Lahore Grill on Spring Bank.", 0, SCRUB_PLACE,
		    "Lahore Grill on Spring Bank");
	expect_span("She manages Kwik Nails in the precinct.", 0, SCRUB_PLACE, "Kwik Nails");
	/* a school named by who works there, without its school word */
	expect_span("The DSL at Oakfield will update the collection list.", 0, SCRUB_PLACE,
		    "Oakfield");
	expect_span("She told her teacher Mr Lowe at St Bede that dad hits mum.", 0, SCRUB_PLACE,
		    "St Bede");
	/* not: an institution running a programme, an agency's team */
	expect_none("The school runs Healthy Relationships sessions.", 0);
	expect_none("Spoke with teacher Brown from the MASH team.", 0);
	expect_none("Her teacher spoke with Mum.", 0);
}

Test(place, institutions_named_by_a_label)
{
	expect_span("GP: Meddygfa Glan Conwy (temporary resident).", 0, SCRUB_PLACE,
		    "Meddygfa Glan Conwy");
	expect_span("GP: Canal Side Surgery", 0, SCRUB_PLACE, "Canal Side Surgery");
	expect_span("Worried about Maisie's nursery (Tiny Steps, Hedon) too.", 0, SCRUB_PLACE,
		    "Maisie's nursery (Tiny Steps, Hedon)");
	expect_span("Her nursery (Honeypot) has been told.", 0, SCRUB_PLACE, "Honeypot");
	/* the doctor first, then the practice */
	expect_span("Her GP (Dr Mensah, Westbourne) knows.", 0, SCRUB_PLACE, "Westbourne");
	/* not: a person after the label, a year group */
	expect_none("GP: Dr Okafor.", 0);
	expect_none("School: Year 5.", 0);
}

Test(place, addresses_given_loosely)
{
	expect_span("Letters to PO Box 2210, Scarborough YO11 9ZZ only.", 0, SCRUB_ADDRESS,
		    "PO Box 2210, Scarborough YO11 9ZZ");
	expect_span("Her friend who lives three doors down at 57 will help.", 0, SCRUB_ADDRESS,
		    "three doors down at 57");
	expect_span("His cousin is living at 14b with his girlfriend.", 0, SCRUB_ADDRESS, "14b");
	expect_span("His mate rents the downstairs flat (12c).", 0, SCRUB_ADDRESS, "12c");
	/* not: a clock after "at", a police station named by its street */
	expect_none("Arrested 0410, taken to Hessle Road custody.", 0);
	expect_none("She came to Park Street police station.", 0);
	expect_none("He is living at 10.30 in the morning on his own.", 0);
}

Test(place, more_ways_of_saying_where_and_how)
{
	static const char *const loc[] = {
		"She now lives above the bakery near the bus station.",
		"Mum is staying next door with a neighbour.",
		"She has been put up by a woman from her mosque.",
		"The council booked her into a guest house.",
		"Mum now rents a flat on the same road as her cousin.",
		"Mum is at her workplace most days 8-4.",
	};
	static const char *const safe[] = {
		"Text her work mobile, not the home one.",
		"Get in touch via her aunt's phone only.",
		"Contact her at her workplace please.",
		"She has a spare phone hidden at work.",
		"Never send post to the house.",
		"He plays darts on Thursdays so that is the best day.",
		"Mum prefers contact by text during office hours.",
	};
	for (size_t i = 0; i < sizeof loc / sizeof loc[0]; i++)
		expect_sentence(loc[i], SCRUB_LOCATION);
	for (size_t i = 0; i < sizeof safe / sizeof safe[0]; i++)
		expect_sentence(safe[i], SCRUB_SAFE_TIME);
	/* not: a relative's own number in a list, a pregnancy booked at a
	 * hospital, a professional's work number */
	expect_none("Grandad's landline is in the file.", LOC);
	expect_none("Booked at the maternity unit for her scan.", LOC);
	expect_none("PC Hewitt's work number is on the referral.", LOC);
}

Test(place, jobs_year_groups_and_practices)
{
	/* a job and where it is done */
	expect_span("She is a receptionist at Wold Vets in Driffield.", 0, SCRUB_PLACE,
		    "Wold Vets in Driffield");
	expect_span("He works as a porter for Hallam Freight in Wexcombe.", 0, SCRUB_PLACE,
		    "Hallam Freight in Wexcombe");
	/* a year group and where it is */
	expect_span("Ruby is in reception at Birchwood.", 0, SCRUB_PLACE, "Birchwood");
	/* a practice named by the GP word after its name */
	expect_span("Registered with the Marfleet GP since 2019.", 0, SCRUB_PLACE, "Marfleet GP");
	/* the clause ends at a verb after the name */
	expect_span("DSL at Westfield informed.", 0, SCRUB_PLACE, "Westfield");
	/* a district she lives on, right after the cue */
	expect_span("She lives on Longhill with the children.", 0, SCRUB_ADDRESS, "Longhill");
	/* not: a job without a named employer, a GP without a name */
	expect_none("She is a carer for her mother.", 0);
	expect_none("Her GP has been informed.", 0);
	expect_none("Officers spoke to her at reception.", 0);
	/* not: a name as a modifier, a car, a custody booking, a log time */
	expect_none("He runs a Facebook page about her.", 0);
	expect_none("She owns a Ford Fiesta.", 0);
	expect_none("He was booked into custody at 0300.", LOC);
	expect_none("Police attended the address at 2215.", LOC);
}

Test(place, arrests_and_hospital_cafes_are_kept)
{
	/* an arrest is where the suspect was, not where she is */
	expect_none("Suspect located at a friend's flat, arrested 0215.", LOC);
	/* a hospital's cafe is a meeting place, named only where she is in it */
	expect_none("Met her in the Castle Hill Hospital cafe to talk.", 0);
	/* she still can be located */
	expect_sentence("She can be located at her nan's most evenings.", SCRUB_LOCATION);
}

Test(place, her_place_and_post_told_plainly)
{
	expect_sentence("Her flat is on the Bransholme estate.", SCRUB_LOCATION);
	expect_sentence("Mum's house is near the leisure centre.", SCRUB_LOCATION);
	expect_sentence("Her location is known to the IDVA only.", SCRUB_LOCATION);
	expect_sentence("A friend's house in Hornsea is where she is staying.", SCRUB_LOCATION);
	expect_sentence("Mum has asked that all letters go to the school office.", SCRUB_SAFE_TIME);
	expect_sentence("The best way to reach her is through her support worker.", SCRUB_SAFE_TIME);
	/* not: a flat in a state, his tracking told as an event, a letter to a court */
	expect_none("Her flat is in a poor state of repair.", LOC);
	expect_none("He had her location on his phone app.", LOC);
	expect_none("Letters to the court were sent on Monday.", LOC);
}

Test(place, house_numbers_before_names)
{
	expect_span("Her aunt lives at 9 Woodlands with her husband.", 0, SCRUB_ADDRESS,
		    "9 Woodlands");
	expect_span("They are now at 21 The Sidings, Brough.", 0, SCRUB_ADDRESS,
		    "21 The Sidings, Brough");
	expect_span("The neighbour at 31 heard screaming.", 0, SCRUB_ADDRESS, "31");
	/* not: a year before a sentence, a family */
	expect_none("In 2019 The Samaritans were called.", 0);
	expect_none("Since 2021 The family have been known to services.", 0);
}

Test(place, timed_routines_at_work)
{
	expect_sentence("She is at work\nuntil 4 on weekdays.", SCRUB_LOCATION);
	expect_sentence("Mum is at work from 9 till 3.", SCRUB_LOCATION);
	/* a call window when he is at work stays a safe time */
	expect_sentence("Ring after 9am when he is at work.", SCRUB_SAFE_TIME);
	/* not: at work without a time */
	expect_none("She was at work when he phoned.", LOC);
}

Test(place, jobs_in_capitals_labels_with_dashes_churches)
{
	expect_span("She is a TA at Millbrook.", 0, SCRUB_PLACE, "Millbrook");
	expect_span("IP IS A CARER AT ELMTREE LODGE.", 0, SCRUB_PLACE, "ELMTREE LODGE");
	expect_span("He is the manager at the Spar on Holme Lane.", 0, SCRUB_PLACE,
		    "Spar on Holme Lane");
	expect_span("IP IS A CLEANER WITH BRIGHTWAY SERVICES.", 0, SCRUB_PLACE, "BRIGHTWAY SERVICES");
	expect_span("SUSPECT WORKS @ KWIKFIT ANLABY.", 0, SCRUB_PLACE, "KWIKFIT ANLABY");
	expect_span("GP - Riverbank Health Centre", 0, SCRUB_PLACE, "Riverbank Health Centre");
	expect_span("She helps at a toddler group at St Cuthbert's church.", 0, SCRUB_PLACE,
		    "St Cuthbert's church");
	expect_span("Pupil at St Agnes Church of England Primary School.", 0, SCRUB_PLACE,
		    "St Agnes Church of England Primary School");
	/* not: Church the surname, a role that is not a job */
	expect_none("Ruth Church gave a statement.", 0);
	expect_none("He is the perpetrator at the address.", 0);
}

Test(place, shelters_and_bed_spaces)
{
	expect_sentence("She was accepted into a Women's Aid house in Wakefield.", SCRUB_LOCATION);
	expect_sentence("Mum has a bed space at the Harbour project.", SCRUB_LOCATION);
	expect_sentence("She stayed two nights at the night shelter.", SCRUB_LOCATION);
	/* not: Shelter the housing charity, a bus shelter */
	expect_none("Referred to Shelter for housing advice.", LOC);
	expect_none("He waited at the bus shelter.", LOC);
}

Test(place, workplace_labels_and_appositions)
{
	expect_span("He waited outside her place of work (Rowe Opticians, Hedon).", 0, SCRUB_PLACE,
		    "Rowe Opticians, Hedon");
	expect_span("Place of work: Ainsty Care Group, Selby.", 0, SCRUB_PLACE,
		    "Ainsty Care Group, Selby");
	expect_span("Employment: Lidl Distribution, Wexcombe", 0, SCRUB_PLACE,
		    "Lidl Distribution, Wexcombe");
	expect_span("Occupation: porter at Wharfedale Mills", 0, SCRUB_PLACE, "Wharfedale Mills");
	expect_span("Her daughter's nursery, Little Sparrows on Mill Lane, knows.", 0, SCRUB_PLACE,
		    "Little Sparrows");
	/* not: a sentence after the label, a list after a plain institution word */
	expect_none("Employment: Gary has been offered work locally.", 0);
	expect_none("Contact the school, Police and Housing today.", 0);
}

/* issue 9: a firm named after its trade is a workplace whatever the sentence
 * says; the branch after a comma goes with it */
Test(place, employer_shapes)
{
	expect_span("Seen outside Pennine Tyre & Exhaust, Skipton Rd on Monday.", 0, SCRUB_PLACE,
		    "Pennine Tyre & Exhaust, Skipton Rd");
	expect_span("He has a start with Walsden Scaffolding next week.", 0, SCRUB_PLACE,
		    "Walsden Scaffolding");
	expect_span("A van saying R.J. Roofing was parked there.", 0, SCRUB_PLACE, "R.J. Roofing");
	expect_span("He drives for Star Radio Cars, Moss Side, most nights.", 0, SCRUB_PLACE,
		    "Star Radio Cars, Moss Side");
	expect_span("The fight was in the car park of the Kestrel bar on Friday.", 0, SCRUB_PLACE,
		    "Kestrel bar");
	expect_span("Her wages from the Oakvale garden centre stopped.", 0, SCRUB_PLACE,
		    "Oakvale garden centre");
	/* "works (", "works on the", a boss "at" */
	expect_span("The shop where she works (Pazar Market, Leyton) was visited.", 0, SCRUB_PLACE,
		    "Pazar Market, Leyton");
	expect_span("Both work on the Loch Ewe salmon farm now.", 0, SCRUB_PLACE,
		    "Loch Ewe salmon farm");
	expect_span("Her boss at Greggs Bakery, Hexham, is supportive.", 0, SCRUB_PLACE,
		    "Greggs Bakery, Hexham");
	expect_span("He turned up at her work (Lloyds pharmacy, Arndale, Manchester) again.", 0,
		    SCRUB_PLACE, "Lloyds pharmacy, Arndale, Manchester");
	/* "he's a ... at", "works on reception at" */
	expect_span("He's a plasterer with Northcote Interiors.", 0, SCRUB_PLACE, "Northcote Interiors");
	expect_span("She works on reception at the Kingsway Hotel.", 0, SCRUB_PLACE, "Kingsway Hotel");
	expect_none("He works on his car at weekends.", 0);
	/* a job and its employer in an aside */
	expect_span("Mr Bell (van driver, Swiftline Parcels, since May) saw it.", 0, SCRUB_PLACE,
		    "Swiftline Parcels");
	expect_span("Her friend (cleaner, Hallam Facilities) rang.", 0, SCRUB_PLACE, "Hallam Facilities");
	expect_none("Mrs Ali (interpreter, Urdu) attended.", 0);
	expect_none("PC Rudd (officer, Humberside Police) attended.", 0);
	expect_none("Mr Jones (witness, barman) said.", 0);
	/* a day naming the market, the shopping centre a shop is in */
	expect_span("He works at the Saturday market at Kirkgate most weeks.", 0, SCRUB_PLACE,
		    "Saturday market at Kirkgate");
	expect_span("She works at Boots in the Kingsgate now.", 0, SCRUB_PLACE,
		    "Boots in the Kingsgate");
	expect_span("He works at Lidl on Sunday mornings.", 0, SCRUB_PLACE, "Lidl");
	/* not: a door bar, trades in lower case, a job without a name */
	expect_none("Fitted a London bar and a door chain.", 0);
	expect_none("He does roofing and scaffolding for cash.", 0);
	expect_none("She works on the tills three days a week.", 0);
}

/* issue 9: a child's school named without a school word */
Test(place, school_without_school_word)
{
	expect_span("Son Kacper (9) at Moorside - school told this morning.", 0, SCRUB_PLACE,
		    "Moorside");
	expect_span("Child known: Ruby, Y3 at Hollybank.", 0, SCRUB_PLACE, "Hollybank");
	expect_span("Her eldest is in Year 10 at Parkfield Grange now.", 0, SCRUB_PLACE,
		    "Parkfield Grange");
	expect_span("His brother at St Oswald's has been told.", 0, SCRUB_PLACE, "St Oswald's");
	expect_span("Present: Mr Adebayo (DSL, Thornleigh), health visitor.", 0, SCRUB_PLACE,
		    "Thornleigh");
	/* not: a street, a clock time, an age without a name, an adult's year */
	const char *road = "She was seen at St Anne's Road.";
	struct spans sv = scan(road, 0);
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(sv.v[i].kind != SCRUB_PLACE, "a street read as a school: %s", road);
	spans_free(&sv);
	expect_none("Ring at 10 (not before).", 0);
	expect_none("In the year 2019 at court he was bailed.", 0);
}

/* issue 9: practices that call themselves a partnership */
Test(place, gp_partnership)
{
	expect_span("Registered with Brynmawr Medical Partnership last week.", 0, SCRUB_PLACE,
		    "Brynmawr Medical Partnership");
	expect_none("Leeds Community Safety Partnership was told.", 0);
	/* an NHS body named after a university or a college */
	expect_none("Seen by Oxford University Hospitals midwifery.", 0);
	expect_none("Referred to Imperial College NHS Trust.", 0);
}

/* issue 9: where a named relative or a titled person lives, by district;
 * a neighbour's house number in brackets */
Test(place, named_person_in_a_district)
{
	expect_span("Her aunt Bisi Adeyemi in Walthamstow (tel to follow) knows.", 0, SCRUB_ADDRESS,
		    "Walthamstow");
	expect_span("Witness: Mr Karl Price of Low Moor.", 0, SCRUB_ADDRESS, "Low Moor");
	expect_span("Neighbour Mrs Hale (no. 14) has a key.", 0, SCRUB_ADDRESS, "no. 14");
	/* not: a family or a relative without a name, a force, a team code */
	expect_none("His family in Bristol keep ringing.", 0);
	expect_none("PC Amy Rudd of Greater Manchester Police attended.", 0);
	expect_none("DS Omar Khan of CID rang back.", 0);
}

/* issue 9: addresses without a number or a street type */
Test(place, addresses_without_number_or_type)
{
	expect_span("He lives on the Seacroft estate now.", 0, SCRUB_ADDRESS, "Seacroft estate");
	expect_span("Her cousin lives at The Laurels, Ripon.", 0, SCRUB_ADDRESS, "The Laurels, Ripon");
	expect_span("Her address is Moor View, Keighley.", 0, SCRUB_ADDRESS, "Moor View, Keighley");
	expect_span("They met in the cafe on Westgate.", 0, SCRUB_ADDRESS, "Westgate");
	/* not: codes and refusals after an address label, a lone capital */
	expect_none("Address: NFA. Bail address: TBC. Address is unknown.", 0);
	expect_none("Address: No Fixed Abode.", 0);
	expect_none("He went on Facebook and the Crown estate.", 0);
}

/* issue 9: more ways of saying when and how she can safely be reached */
Test(place, safe_contact_more_cues)
{
	static const char *const safe[] = {
		"Her sister's landline is safest.",
		"It is safer to text than ring.",
		"She can be spoken to at the surgery then.",
		"Tuesdays he's at the allotment till 4.",
		"Visits are fine when Darren is asleep.",
		"Call the IDVA first, not her.",
		"Her manager lets her take calls in the office at 12.30.",
		"Password for collection is \"Kestrel\".",
	};
	for (size_t i = 0; i < sizeof safe / sizeof safe[0]; i++)
		expect_sentence(safe[i], SCRUB_SAFE_TIME);
	expect_none("He was spoken to by officers.", LOC);
	expect_none("He is angry until he eats.", LOC);
	expect_none("He changed her email password again.", LOC);
	expect_none("When Darren is angry the risk rises.", LOC);
	expect_none("When Monday is over we review.", LOC);
	static const char *const loc[] = {
		"She will take the baby to her aunt in Tipton on Friday.",
		"She was placed by the emergency duty team in a hotel in Leek.",
		"She has shacked up with a friend in Ossett.",
	};
	for (size_t i = 0; i < sizeof loc / sizeof loc[0]; i++)
		expect_sentence(loc[i], SCRUB_LOCATION);
	expect_none("He took the car to the garage.", LOC);
	expect_none("She was placed by the court on a curfew.", LOC);
	/* a pitch on a Traveller site, a home label with a house name */
	expect_span("Trailer windows smashed on Bay 6.", 0, SCRUB_ADDRESS, "Bay 6");
	expect_span("Home: Ivy House, Chapel La.", 0, SCRUB_ADDRESS, "Ivy House, Chapel La");
}

/* issue 9: a message log's next entry starts a new sentence even after a
 * long line, so one withheld message does not take the next ones */
Test(place, message_log_entries_end_at_the_stamp)
{
	const char *s = "[10:02] IDVA: We have a room for you at the refuge from tomorrow, see you at 10\n"
			"[10:05] K: ok thanks, I will be ready by then\n";
	struct spans sv = scan(s, LOC);
	int second = 0;
	for (size_t i = 0; i < sv.n; i++)
		second |= sv.v[i].end > (size_t)(strchr(s, '\n') - s) + 1;
	spans_free(&sv);
	cr_assert(!second, "the next entry was withheld with the first");
	/* a date and a time open the entry: the clock is the stamp's, not a
	 * routine's */
	expect_none("[03/12/2026, 09:15] Kim: my battery goes flat a lot", LOC);
	expect_none("03/12/2026 09:15 Kim: my battery goes flat a lot", LOC);
	expect_span(s, LOC, SCRUB_LOCATION,
		    "IDVA: We have a room for you at the refuge from tomorrow, see you at 10");
}

Test(place, where_she_is_between_and_nearby)
{
	static const char *const loc[] = {
		"She divides her week between her nan's and her aunt's.",
		"She is in the town where her parents live.",
		"She is at the same address as her cousin.",
		"She lives three roads away from him.",
		"She has a room above a takeaway near the station.",
	};
	for (size_t i = 0; i < sizeof loc / sizeof loc[0]; i++)
		expect_sentence(loc[i], SCRUB_LOCATION);
	expect_none("She has a flat tyre.", LOC);
	expect_none("She has a room of her own now.", LOC);
}

Test(place, more_safe_contact_shapes)
{
	static const char *const safe[] = {
		"She can talk freely once the children are in bed.",
		"He works away Tue-Fri so calls are safe then.",
		"Ring between nursery drop-off and pick-up.",
		"Write to her work email, not the home one.",
		"Do not use the home landline.",
		"The agreed safe word is \"umbrella\".",
		"Leave a message with her manager at work.",
	};
	for (size_t i = 0; i < sizeof safe / sizeof safe[0]; i++)
		expect_sentence(safe[i], SCRUB_SAFE_TIME);
	expect_none("He used the landline to make threats.", LOC);
	expect_none("Officers will speak to him in interview.", LOC);
}

/* ---- the labelled set ------------------------------------------------------------ */

struct label {
	size_t start, end;
	char kind;
};

struct item {
	char text[1024];
	size_t n;
	struct label lab[16];
	size_t nlab;
};

static void parse(const char *src, struct item *it)
{
	size_t stack[16], sp = 0;
	memset(it, 0, sizeof *it);
	for (const char *p = src; *p; p++) {
		if (p[0] == '{' && p[1] && p[2] == ':') {
			cr_assert(sp < 16 && it->nlab < 16);
			it->lab[it->nlab] = (struct label){it->n, 0, p[1]};
			stack[sp++] = it->nlab++;
			p += 2;
		} else if (*p == '}') {
			cr_assert(sp > 0, "unbalanced: %s", src);
			it->lab[stack[--sp]].end = it->n;
		} else {
			cr_assert(it->n + 1 < sizeof it->text);
			it->text[it->n++] = *p;
		}
	}
	cr_assert_eq(sp, 0, "unbalanced: %s", src);
}

struct tally {
	unsigned want[128], got[128]; /* labels by kind, and those fully withheld */
	size_t keep_bytes, over_bytes; /* must-keep bytes, and those withheld */
};

/*
 * Score one item for one recipient class. With the flag every label but X
 * must be withheld and X is free; without it only A and P are, and L, T and
 * X text outside them must be kept.
 */
static void score(const struct item *it, unsigned flags, struct tally *ty, int verbose)
{
	struct spans sv = {0};
	cr_assert_eq(place_scan(it->text, it->n, flags, &sv), 0);
	char red[1024] = {0}, must[1024] = {0}, free_[1024] = {0};
	for (size_t i = 0; i < sv.n; i++)
		memset(red + sv.v[i].start, 1, sv.v[i].end - sv.v[i].start);
	for (size_t l = 0; l < it->nlab; l++) {
		const struct label *lb = &it->lab[l];
		int withheld = flags ? lb->kind != 'X' : (lb->kind == 'A' || lb->kind == 'P');
		if (flags && lb->kind == 'X')
			memset(free_ + lb->start, 1, lb->end - lb->start);
		if (!withheld)
			continue;
		memset(must + lb->start, 1, lb->end - lb->start);
		ty->want[(int)lb->kind]++;
		int all = 1;
		for (size_t i = lb->start; i < lb->end; i++)
			if (!red[i] && it->text[i] != ' ' && it->text[i] != '\n')
				all = 0;
		if (all)
			ty->got[(int)lb->kind]++;
		else if (verbose)
			fprintf(stderr, "MISSED %c (%s): %.*s\n", lb->kind, flags ? "loc" : "all",
				(int)(lb->end - lb->start), it->text + lb->start);
	}
	int over = 0;
	for (size_t i = 0; i < it->n; i++) {
		if (must[i] || free_[i] || it->text[i] == ' ' || it->text[i] == '\n')
			continue;
		ty->keep_bytes++;
		if (red[i])
			ty->over_bytes++, over = 1;
	}
	if (over && verbose) {
		fprintf(stderr, "OVER (%s): %s\n   withheld:", flags ? "loc" : "all", it->text);
		for (size_t i = 0; i < sv.n; i++)
			fprintf(stderr, " [%.*s]", (int)(sv.v[i].end - sv.v[i].start),
				it->text + sv.v[i].start);
		fprintf(stderr, "\n");
	}
	spans_free(&sv);
}

static double ratio(unsigned a, unsigned b)
{
	return b ? (double)a / b : 1.0;
}

static void measure(const char *name, const char *const *set, size_t n, double min_recall,
		    double max_over_loc, double max_over_all)
{
	int verbose = getenv("PLACE_VERBOSE") != NULL;
	struct tally loc = {0}, all = {0};
	static struct item it;
	for (size_t i = 0; i < n; i++) {
		parse(set[i], &it);
		score(&it, PLACE_F_LOCATION, &loc, verbose);
		score(&it, 0, &all, verbose);
	}
	unsigned lw = 0, lg = 0;
	for (const char *k = "APLT"; *k; k++)
		lw += loc.want[(int)*k], lg += loc.got[(int)*k];
	double over_loc = ratio((unsigned)loc.over_bytes, (unsigned)loc.keep_bytes);
	double over_all = ratio((unsigned)all.over_bytes, (unsigned)all.keep_bytes);
	fprintf(stderr,
		"place %s: %zu items\n"
		"  not entitled to whereabouts: recall %.1f%% (%u/%u): address %u/%u, place %u/%u, "
		"location %u/%u, safe times %u/%u; over-redaction %.2f%% of %zu kept bytes\n"
		"  entitled: recall address %u/%u, place %u/%u; over-redaction %.2f%% of %zu kept bytes\n",
		name, n, 100.0 * ratio(lg, lw), lg, lw, loc.got['A'], loc.want['A'], loc.got['P'],
		loc.want['P'], loc.got['L'], loc.want['L'], loc.got['T'], loc.want['T'],
		100.0 * over_loc, loc.keep_bytes, all.got['A'], all.want['A'], all.got['P'],
		all.want['P'], 100.0 * over_all, all.keep_bytes);
	cr_expect_geq(ratio(lg, lw), min_recall, "%s: recall below target", name);
	cr_expect_geq(ratio(all.got['A'] + all.got['P'], all.want['A'] + all.want['P']), min_recall,
		      "%s: address and place recall below target", name);
	cr_expect_leq(over_loc, max_over_loc, "%s: over-redaction above target (location)", name);
	cr_expect_leq(over_all, max_over_all, "%s: over-redaction above target (entitled)", name);
}

/* Firms named by their trade or profession: a solicitor's, an accountant's,
 * a care or cab firm, a club: each a workplace where someone is found. */
Test(place, professional_firms_and_clubs_are_workplaces)
{
	expect_span("She instructed Penrose Adebayo Solicitors last week.", 0, SCRUB_PLACE,
		    "Penrose Adebayo Solicitors");
	expect_span("Letter on headed paper from Varga Quist LLP arrived.", 0, SCRUB_PLACE,
		    "Varga Quist LLP");
	expect_span("He keeps the books at Thorne Accountants.", 0, SCRUB_PLACE, "Thorne Accountants");
	expect_span("A fitter from Kestrel Locksmiths changed the locks.", 0, SCRUB_PLACE,
		    "Kestrel Locksmiths");
	expect_span("Carers from Meadowlark Homecare visit twice a day.", 0, SCRUB_PLACE,
		    "Meadowlark Homecare");
	expect_span("He drives for ALDERBY CABS at night.", 0, SCRUB_PLACE, "ALDERBY CABS");
	expect_span("He shoots at the Wrekin Clay Club on Sundays.", 0, SCRUB_PLACE, "Wrekin Clay Club");
	expect_span("She is a receptionist at Glow Studio now.", 0, SCRUB_PLACE, "Glow Studio");
	/* the trade word alone names no firm */
	expect_none("Her solicitors have written to the court.", 0);
	expect_none("The club meets at lunchtime.", 0);
}

/* A job named without a verb, or with its employer in a bracket. */
Test(place, a_job_without_a_verb_names_its_employer)
{
	expect_span("Partner a warehouse supervisor at Brindle Foods, Wexcombe.", 0, SCRUB_PLACE,
		    "Brindle Foods, Wexcombe");
	expect_span("Her brother, a prison officer at HMP Farrowmoor, was told.", 0, SCRUB_PLACE,
		    "HMP Farrowmoor");
	expect_span("He is a delivery driver (Pellow Express, van 12) most days.", 0, SCRUB_PLACE,
		    "Pellow Express");
	/* an agency is kept; a letter is no job */
	expect_none("Her cousin, a police officer with Dyfed Powys Police, rang.", 0);
	expect_none("She sent a letter for Mrs Okafor to sign.", 0);
}

/* "PS", "HC", "MC": a primary school, health or medical centre after its
 * name; a postscript or a reference is no place. */
Test(place, abbreviated_school_and_centre_names)
{
	expect_span("Both girls go to Sacred Heart PS now.", 0, SCRUB_PLACE, "Sacred Heart PS");
	expect_span("She is registered at Thornfield HC with Dr Rao.", 0, SCRUB_PLACE, "Thornfield HC");
	expect_span("Letter from Kelvedon MC about her bloods.", 0, SCRUB_PLACE, "Kelvedon MC");
	expect_none("PS: ring Joanne before Friday.", 0);
	expect_none("Log INC PS-20250304-1177 opened.", 0);
}

/* A home found or accepted, named by its bedrooms or as a host family,
 * then where it is. */
Test(place, homes_found_and_accepted_say_where_she_is)
{
	expect_sentence("Offer accepted: a 3-bed in Kirkby, ground floor.", SCRUB_LOCATION);
	expect_sentence("Housing have accepted a 1 bed near the Strand.", SCRUB_LOCATION);
	expect_sentence("A host family found in Wymondham for her and the baby.", SCRUB_LOCATION);
	expect_sentence("Temporary flat secured at Brinkley Court.", SCRUB_LOCATION);
	/* a family found in the past, or an offer of a course, says nothing of her home */
	expect_none("His family found in his favour at the tribunal.", LOC);
	expect_none("Offer accepted: a place on the Freedom Programme.", LOC);
}

/* Someone driving her to a town says where she is going. */
Test(place, driven_to_a_town)
{
	expect_sentence("Her brother will drive her up to Carlisle on Sunday.", SCRUB_LOCATION);
	expect_sentence("A volunteer drove them to Penrith with two bags.", SCRUB_LOCATION);
	expect_none("He drove her car into a wall.", LOC);
	expect_none("She has to drive to the police station for interview.", LOC);
}

/* Where someone retired from, and a colleague's workplace after "works with
 * him at". */
Test(place, retired_from_and_works_with_him_at)
{
	expect_span("Things got worse after he retired from Severn Trent Water.", 0, SCRUB_PLACE,
		    "Severn Trent Water");
	expect_span("Her new partner works with him at Tavernor Foods, Wigan on nights.", 0,
		    SCRUB_PLACE, "Tavernor Foods, Wigan");
	expect_none("He retired in 2019 and drinks daily.", 0);
}

/* A business or venue word in lower case, then its name in brackets. */
Test(place, a_venue_named_in_brackets)
{
	expect_span("Since he lost his restaurant (Saffron Lounge, High Street) he drinks.", 0,
		    SCRUB_PLACE, "Saffron Lounge, High Street");
	expect_span("All accounts are held at his firm (Pettifer Rowe) in his name.", 0, SCRUB_PLACE,
		    "Pettifer Rowe");
	expect_none("He lost the shop (closed in May) last year.", 0);
}

Test(place, labelled_set_recall_and_over_redaction)
{
	size_t n = sizeof PLACE_CORPUS / sizeof PLACE_CORPUS[0];
	cr_assert_geq(n, 150);
	measure("labelled set", PLACE_CORPUS, n, 0.99, 0.02, 0.02);
}

Test(place, held_out_set)
{
	size_t n = sizeof PLACE_HELDOUT / sizeof PLACE_HELDOUT[0];
	measure("held-out set", PLACE_HELDOUT, n, 0.0, 1.0, 1.0);
}

/* issue 9: the part of a workplace after its name, where someone is found
 * there (a ward, a department, a berth, a campus, a shop inside a centre,
 * a unit in brackets), and more ways of naming the workplace */
Test(place, workplace_parts_and_more_cues)
{
	expect_span("Her employer, Castlebridge General Hospital, Ward 12 (HCA), was told.", 0,
		    SCRUB_PLACE, "Castlebridge General Hospital, Ward 12 (HCA)");
	expect_span("He is a porter at Denholme Infirmary, Department of Clinical Imaging.", 0,
		    SCRUB_PLACE, "Denholme Infirmary, Department of Clinical Imaging");
	expect_span("He works at Orwell Freight Terminal, berth 17, most days.", 0, SCRUB_PLACE,
		    "Orwell Freight Terminal, berth 17");
	expect_span("She studies nursing at Wexcombe University, Barnfield campus.", 0, SCRUB_PLACE,
		    "Wexcombe University, Barnfield campus");
	expect_span("She is a student at Harrowfield College (ESOL) now.", 0, SCRUB_PLACE,
		    "Harrowfield College (ESOL)");
	expect_span("Dean's work: Pryce & Daughters Glazing, Elmsett industrial estate.", 0,
		    SCRUB_PLACE, "Pryce & Daughters Glazing, Elmsett industrial estate");
	expect_span("She came with a friend from work, Tollgate Bakery, on Monday.", 0, SCRUB_PLACE,
		    "Tollgate Bakery");
	expect_span("Arrested at his work, the Wharfside car park (Z-Park).", 0, SCRUB_PLACE,
		    "Wharfside car park (Z-Park)");
	expect_span("He cannot go there as he works there (Kelso bus depot).", 0, SCRUB_PLACE,
		    "Kelso bus depot");
	expect_span("Leave a message with her manager Sue Pratt at Fernhill Timber.", 0, SCRUB_PLACE,
		    "Fernhill Timber");
	/* not: a day or a number in the brackets, a sentence after the comma,
	 * "work" with no name after it, a manager with no workplace */
	expect_span("He works at Orwell Freight (Mon-Fri).", 0, SCRUB_PLACE, "Orwell Freight");
	expect_none("She was late from work, Monday was bad.", 0);
	expect_none("Her line manager Sue Pratt is supportive.", 0);
}

/* issue 9: the workplace named just before "where she works", or after it */
Test(place, workplace_where_she_works)
{
	expect_span("He waited for her at Greggs K12 at Failsworth where she works.", 0, SCRUB_PLACE,
		    "Greggs K12 at Failsworth");
	expect_span("He went to the deli where victim works, Zielony Sklep, Castlegate.", 0,
		    SCRUB_PLACE, "Zielony Sklep, Castlegate");
	/* "does ... work", a kind of site after the name, an agency after it */
	expect_span("He came to the Nissan plant where she does shift work (Adecco).", 0,
		    SCRUB_PLACE, "Nissan plant");
	expect_span("He came to the Nissan plant where she does shift work (Adecco).", 0,
		    SCRUB_PLACE, "Adecco");
	/* "where pt studies", a site after a comma */
	expect_span("Her cousin is at Trentside University, Clifton campus where pt studies.", 0,
		    SCRUB_PLACE, "Trentside University, Clifton campus");
	/* not: no name before it */
	expect_none("He went to the cafe where she works and shouted.", 0);
}

/* issue 9: a hospital or police station attended is not a school, and a
 * hospital named in brackets where she was seen is kept; admitted, withheld */
Test(place, hospitals_and_stations_attended)
{
	expect_none("Officers attended Penrhos hospital at 0200 hrs.", 0);
	expect_none("She attended Millgate Road station to report it.", 0);
	expect_none("Has been to hospital (Royal Tamworth) with a head injury.", 0);
	expect_span("She has been admitted to hospital (Royal Tamworth) overnight.", 0, SCRUB_PLACE,
		    "Royal Tamworth");
	/* a school attended still is one */
	expect_span("Kayden attended Brookvale today.", 0, SCRUB_PLACE, "Brookvale");
}

/* issue 9: a school named without its school word */
Test(place, school_word_left_out)
{
	expect_span("Coordinator note - Kelvinside Secondary.", 0, SCRUB_PLACE, "Kelvinside Secondary");
	expect_span("Old school Dunmore Junior is not to be told.", 0, SCRUB_PLACE, "Dunmore Junior");
	expect_span("Her sister at Bramblefield CofE was absent too.", 0, SCRUB_PLACE,
		    "Bramblefield CofE");
	/* not: the word before a school word, a junior doctor */
	expect_none("She is a junior doctor at the practice.", 0);
}

/* issue 9: the town after a labelled practice or school says which one */
Test(place, labelled_practice_with_town)
{
	expect_span("- GP: Abbey Surgery, Marlcliffe.", 0, SCRUB_PLACE, "Abbey Surgery, Marlcliffe");
	expect_span("GP: Abbey Surgery, Marlcliffe - aware.", 0, SCRUB_PLACE,
		    "Abbey Surgery, Marlcliffe");
}

/* issue 9: a firm's name with '&' in brackets after its trade; a name
 * ending in a word that is also an adverb */
Test(place, firm_names_with_ampersand_and_adverb)
{
	expect_span("He rang her at her salon (Nilay Nails & Beauty, Crane Lane) twice.", 0,
		    SCRUB_PLACE, "Nilay Nails & Beauty, Crane Lane");
	expect_span("Leave word with her manager Jo Tull at Harbour Retail Next.", 0, SCRUB_PLACE,
		    "Harbour Retail Next");
	expect_span("She works at Tesco next week.", 0, SCRUB_PLACE, "Tesco");
}

/* issue 9: a job, a person, then the employer */
Test(place, job_person_then_employer)
{
	expect_span("Locks fitted (joiner Dale Pym, Westfold Homes Ltd). Cost met.", 0, SCRUB_PLACE,
		    "Westfold Homes Ltd");
	expect_span("Concern from optician Mrs Rai (Vision Plus, Bath Row): missed visits.", 0,
		    SCRUB_PLACE, "Vision Plus");
	/* not: an agency, kin */
	expect_none("Seen by (officer Tom Bale, Avon Police) today.", 0);
	expect_none("Told her brother Sam Ray (Leeds) about it.", 0);
	expect_none("A disclosure under DVDS (Clare's Law) is considered.", 0);
	expect_none("Non-mol with solicitor Ms Dunn (Pryor Legal) next week.", 0);
}

/* issue 9: a job right after the person it is, with no article */
Test(place, job_after_person_without_article)
{
	expect_span("Victim cleaner at Hadley Castings, Wrockwardine.", 0, SCRUB_PLACE,
		    "Hadley Castings, Wrockwardine");
	expect_span("Her husband driver for Moorside Haulage since May.", 0, SCRUB_PLACE,
		    "Moorside Haulage");
	expect_none("Victim spoke at length about it.", 0);
}

/* issue 9: a police station named by its street before it, and a service
 * named after a venue word, are no one's address or workplace */
Test(place, stations_and_services_kept)
{
	expect_none("She came to the front counter at Mill Road with a friend.", 0);
	expect_none("He was held in custody at Ferry Lane overnight.", 0);
	expect_none("Referred to the Drop In Shop DA service today.", 0);
	/* still an address */
	expect_span("She is staying at Mill Road with a friend.", 0, SCRUB_ADDRESS, "Mill Road");
}

/* issue 9: a school named after the word "school" */
Test(place, school_named_after_the_word)
{
	expect_span("Her old school Penwortham Lane told us she left.", 0, SCRUB_PLACE,
		    "Penwortham Lane");
	expect_span("The school nurse at Brightwell reports weight loss.", 0, SCRUB_PLACE,
		    "Brightwell");
	/* not: a person, a sentence after it */
	expect_none("The school Mrs Hale runs is nearby.", 0);
	expect_none("She left school. Police were told.", 0);
}

/* issue 9: pay from an employer, a job with an aside, an investigations firm */
Test(place, pay_aside_and_firms)
{
	expect_span("He takes her wages from the Kirkby Mills canteen every week.", 0, SCRUB_PLACE,
		    "Kirkby Mills canteen");
	expect_span("She is a nurse (agency) at Halton Lea Clinic, Ward 3.", 0, SCRUB_PLACE,
		    "Halton Lea Clinic, Ward 3");
	expect_span("He hired a firm, Roper Investigations, to follow her.", 0, SCRUB_PLACE,
		    "Roper Investigations");
	expect_none("Her salary is paid monthly.", 0);
}

/* issue 9: a CAD log's time at a line's start is no house number; the
 * street later on the line still is found */
Test(place, cad_time_is_no_house_number)
{
	const char *log = "1904 PNC CHECK DONE.\n1925 CAR HALTED NEAR JUNCTION KELBY ST.";
	struct spans sv = scan(log, 0);
	size_t at = (size_t)(strstr(log, "1925") - log);
	for (size_t i = 0; i < sv.n; i++)
		cr_expect(sv.v[i].start > at || sv.v[i].end <= at, "the time 1925 taken as a house number");
	spans_free(&sv);
	expect_span("1904 PNC CHECK DONE.\n1925 CAR HALTED NEAR JUNCTION KELBY ST.", 0, SCRUB_ADDRESS,
		    "JUNCTION KELBY ST");
	expect_span("Lives at 1925 Kelby Road with her mum.", 0, SCRUB_ADDRESS, "1925 Kelby Road");
}

/* issue 9: an agency named as a workplace, a service named "Work", a
 * hospital named by its town: kept */
Test(place, agencies_and_hospitals_are_no_workplace)
{
	expect_none("Suspect is a serving officer (Dyfed Constabulary), PSD told.", 0);
	expect_none("Referral from Youth Social Work (Fenland District Council) today.", 0);
	expect_none("She attended Wythenshawe General with a cut hand.", 0);
	/* still a workplace */
	expect_span("He works for Dunmore Plastics (Fenland) on nights.", 0, SCRUB_PLACE,
		    "Dunmore Plastics (Fenland)");
}

/* issue 9: a job's employer after "the" is taken whole (it lost its last
 * word when "the" was taken in) */
Test(place, job_employer_after_the_whole)
{
	expect_span("Her husband, a porter at the Royal Wexley, is abusive.", 0, SCRUB_PLACE,
		    "the Royal Wexley");
	expect_span("She is a doctor (locum) at the Kestrel Infirmary, Department of Acute Care.", 0,
		    SCRUB_PLACE, "the Kestrel Infirmary, Department of Acute Care");
}

/* issue 9: a GP's sign-off naming the practice, not an MP */
Test(place, gp_signoff_practice)
{
	expect_span("Letter copied to IDVA.\nDr Okafor, Brampton MP.", 0, SCRUB_PLACE, "Brampton MP");
	expect_none("She wrote to Sarah Gale MP about it.", 0);
	expect_none("Raised with the local MP.", 0);
}

/* issue 9: a second town joined by "and" after a location cue */
Test(place, town_after_cue_and_another)
{
	expect_span("The children remain at Ashcombe and Pen Twyn - taxi arranged.", 0, SCRUB_ADDRESS,
		    "Pen Twyn");
	expect_span("The children remain at Ashcombe and Pen Twyn - taxi arranged.", 0, SCRUB_ADDRESS,
		    "Ashcombe");
	/* not: a sentence going on after "and" */
	const char *s = "She moved to Thornaby and Sam came too.";
	struct spans sv = scan(s, 0);
	cr_expect(found_exact(s, &sv, SCRUB_ADDRESS, "Thornaby"));
	cr_expect(!found_exact(s, &sv, -1, "Sam"), "a person after 'and' taken as a town");
	spans_free(&sv);
}

/* issue 9: barracks, where soldiers work and families live */
Test(place, barracks_are_places)
{
	expect_span("He is posted to Sir Redvers Buller Barracks until May.", 0, SCRUB_PLACE,
		    "Sir Redvers Buller Barracks");
	expect_span("She cleans at Kinloss Barracks on weekdays.", 0, SCRUB_PLACE, "Kinloss Barracks");
}

/* A chronology names each child's school with no school word: "<name> at
 * <name>." ends the clause; a year group in brackets before the school too. */
Test(place, a_child_at_a_bare_school_name)
{
	expect_span("Dexter at Fernlea.\nNext review in May.", 0, SCRUB_PLACE, "Fernlea");
	expect_span("Younger son Rhys at Penybryn, attendance good.", 0, SCRUB_PLACE, "Penybryn");
	expect_span("Amber and Cody at Brookvale Park. School aware.", 0, SCRUB_PLACE, "Brookvale Park");
	expect_span("Cody will continue at Brookvale; the move is later.", 0, SCRUB_PLACE, "Brookvale");
	expect_span("Amber (Y10, Saltwell High) says little.", 0, SCRUB_PLACE, "Saltwell High");
	expect_span("Cody (Year 3, Marsh Lane) was upset.", 0, SCRUB_PLACE, "Marsh Lane");
	/* not a clause of its own, or not a person before "at" */
	expect_none("Dexter at Fernlea with his nan on Sundays is calm.", 0);
	expect_none("Police at scene.", 0);
	expect_none("Refused at Reception.", 0);
	expect_none("Arrived at Halifax.", 0);
	expect_none("Cody (Y3, aged 7) was upset.", 0);
}

/* House-to-house enquiries list one house a line by its number. */
Test(place, house_to_house_numbers)
{
	const char *s = "Enquiries on the street:\n- No. 21: Mrs Ahmed heard shouting.\n"
			"- No. 5 opposite: no reply.\nNo. 9: card left.";
	expect_span(s, 0, SCRUB_ADDRESS, "No. 21");
	expect_span(s, 0, SCRUB_ADDRESS, "No. 5 opposite");
	expect_span(s, 0, SCRUB_ADDRESS, "No. 9");
	expect_none("Agenda item No. 4: the review.", 0);
}

/* A work label starting a line or a bullet: the name after it, or a job
 * and then where it is done. */
Test(place, work_labels_at_the_start_of_a_line)
{
	expect_span("- Work: Hexham auction mart, sales office.", 0, SCRUB_PLACE,
		    "Hexham auction mart, sales office");
	expect_span("Works: cashier at the Morpeth Herald. Mobile off.", 0, SCRUB_PLACE, "Morpeth Herald");
	expect_span("Employment: driving for K & M Haulage, paid weekly.", 0, SCRUB_PLACE, "K & M Haulage");
	expect_none("Work: none at present.", 0);
	expect_none("Employment: unemployed since May.", 0);
	/* not at a line's start: a sentence's word */
	expect_none("She asked about work: Monday is fine.", 0);
}

/* A practice named without its last word, as a health care centre, or with
 * its NHS ODS code in brackets. */
Test(place, gp_practices_by_medical_hcc_and_ods_code)
{
	expect_span("Booked with Elmtree Medical for the scan.", 0, SCRUB_PLACE, "Elmtree Medical");
	expect_span("GP: Kirkby HCC (Y01234).", 0, SCRUB_PLACE, "Kirkby HCC (Y01234)");
	expect_span("Registered at Kirkby HCC (ODS Y01234) since 2019.", 0, SCRUB_PLACE,
		    "Kirkby HCC (ODS Y01234)");
	expect_none("He has a history with Medical records.", 0);
}

/* What a child attends: its town after a comma, the days it is open to her,
 * and a child named after a label. */
Test(place, attends_with_town_days_and_label)
{
	expect_span("Poppy attends Busy Bees Nursery, Thirsk; staff aware.", 0, SCRUB_PLACE,
		    "Busy Bees Nursery, Thirsk");
	expect_span("Alfie attends Little Owls Wed/Thu.", 0, SCRUB_PLACE, "Little Owls");
	expect_span("Schools: Poppy at Brackenfield. Attendance good.", 0, SCRUB_PLACE, "Brackenfield");
	expect_none("She attends Monday clinic.", 0);
}

/* A workplace in brackets after its cue runs to the bracket's end. */
Test(place, bracketed_workplace_with_its_parts)
{
	expect_span("His employer (Kettering Mills, despatch bay, Corby) was told.", 0, SCRUB_PLACE,
		    "Kettering Mills, despatch bay, Corby");
	expect_span("He waits outside her work (Asda Hulme, the pharmacy counter) daily.", 0,
		    SCRUB_PLACE, "Asda Hulme, the pharmacy counter");
	expect_span("Her employer (Greggs) knows.", 0, SCRUB_PLACE, "Greggs");
}

/* The department after a workplace, in lower case, ending the clause. */
Test(place, workplace_department_in_lower_case)
{
	expect_span("She works at Airedale General, pharmacy stores.", 0, SCRUB_PLACE,
		    "Airedale General, pharmacy stores");
	expect_span("He works at Hull Docks, the Maersk office.", 0, SCRUB_PLACE,
		    "Hull Docks, the Maersk office");
	expect_span("Work: Tilbury port, Forth Ports cargo - nights.", 0, SCRUB_PLACE,
		    "Tilbury port, Forth Ports cargo");
	/* an adverb or a list goes on: not part of the place */
	expect_span("He works at Lidl, apparently.", 0, SCRUB_PLACE, "Lidl");
	expect_span("He works at Lidl, she says.", 0, SCRUB_PLACE, "Lidl");
}

/* '&' inside a firm's name after a job, with "Son" or "Daughters" after it. */
Test(place, firm_names_with_ampersand_after_a_job)
{
	expect_span("Her dad is a joiner (Bell & Sons Joinery), van seen.", 0, SCRUB_PLACE,
		    "Bell & Sons Joinery");
	expect_span("She is a cleaner at Hart & Lowe.", 0, SCRUB_PLACE, "Hart & Lowe");
	expect_span("He is a cleaner at Aldi & she says so.", 0, SCRUB_PLACE, "Aldi");
}

/* A name glossed in brackets as someone's school. */
Test(place, a_name_glossed_as_a_school)
{
	expect_span("Referral from BGHS (Amira's school): she was upset.", 0, SCRUB_PLACE, "BGHS");
	expect_span("A call from Thornleigh (her son's school) today.", 0, SCRUB_PLACE, "Thornleigh");
	expect_none("Yesterday (her son's school) rang.", 0);
}

Test(place, schools_named_without_their_school_word)
{
	/* "High" after a name, "ELC" (a Scottish nursery) */
	expect_span("Nia attends Dalby High and is doing well.", 0, SCRUB_PLACE, "Dalby High");
	expect_span("1402 CALLER SON. SCHOOL BRAEHEAD HIGH. SAFE.", 0, SCRUB_PLACE, "SCHOOL BRAEHEAD HIGH");
	expect_span("Evie moved to Bankfoot ELC last week.", 0, SCRUB_PLACE, "Bankfoot ELC");
	/* a risk level, a street, a court are no school */
	expect_none("Risk High. RISK HIGH at MARAC. Very High.", 0);
	expect_none("The High Court made an order.", 0);
	/* a lower-case school word before a colon is a label */
	expect_span("Previous school: Fernlea Vale; records requested.", 0, SCRUB_PLACE, "Fernlea Vale");
	/* a child's age in brackets, then the school */
	expect_span("Children: Brenna (9), St Brigid's; Dara (6), Holy Trinity PS.", 0, SCRUB_PLACE,
		    "St Brigid's");
	expect_span("Children: Brenna (9), St Brigid's; Dara (6), Holy Trinity PS.", 0, SCRUB_PLACE,
		    "Holy Trinity PS");
	expect_span("her son Kai (15, at Thornleigh) saw it", 0, SCRUB_PLACE, "Thornleigh");
	expect_none("Mum Jo (34), a carer, and s47 (2), Children Act.", 0);
}

Test(place, a_saints_name_alone_after_outside_or_from)
{
	expect_span("Dad waited outside St Ninian's at home time.", 0, SCRUB_PLACE, "St Ninian's");
	expect_span("Cara moved from St Kevin's to a new school.", 0, SCRUB_PLACE, "St Kevin's");
	/* a street or a named hospital is decided at its own word */
	expect_span("He parked near St Anne's Road again.", 0, SCRUB_ADDRESS, "St Anne's Road");
}

Test(place, workplaces_run_with_and_after_a_time_or_apposition)
{
	/* a business someone runs, where it is, and the kind of place */
	expect_span("Her father runs Osman Jewellers in the Corn Exchange arcade. Seen", 0, SCRUB_PLACE,
		    "Osman Jewellers in the Corn Exchange arcade");
	expect_none("He runs a Facebook page about her.", 0);
	/* a time between the verb and "at" */
	expect_span("she works now at the Ferrybridge bottling plant.", 0, SCRUB_PLACE,
		    "Ferrybridge bottling plant");
	/* apposition after "outside her work," with a numbered shed */
	expect_span("he waits outside her work, the Tesco distribution centre, shed DC7.", 0,
		    SCRUB_PLACE, "Tesco distribution centre, shed DC7");
	/* "and" inside an employer's name ending the clause; not before a person */
	expect_span("his sister is a nurse at the Royal Devon and Exeter.", 0, SCRUB_PLACE,
		    "Royal Devon and Exeter");
	expect_span("She works at Lidl and Mum says so.", 0, SCRUB_PLACE, "Lidl");
	/* jobs whose endings do not say so */
	expect_span("Her son is a paramedic (SWAST, Exeter hub) now.", 0, SCRUB_PLACE,
		    "SWAST, Exeter hub");
}

Test(place, services_and_courses_are_no_school_or_street)
{
	/* a family centre is a service, kept; a child's nursery there is not */
	expect_none("Contact is supervised at Orwell Family Centre.", 0);
	expect_span("Kit starts nursery at Elmsall Family Centre on Monday.", 0, SCRUB_PLACE,
		    "Elmsall Family Centre");
	/* a street's name before an institution's words names the institution */
	expect_none("Seen by the midwife at Harlow Vale Birth Centre.", 0);
	expect_span("She lives at 4 Harlow Vale now.", 0, SCRUB_ADDRESS, "4 Harlow Vale");
	/* a police station attended; a course attended */
	expect_none("He attended Castle Mead police station yesterday.", 0);
	expect_none("He is to attend Building Better Relationships.", 0);
	expect_span("Ria will attend Castlemead Academy from Monday.", 0, SCRUB_PLACE, "Castlemead Academy");
}

Test(place, practices_named_as_doctors_or_two_places)
{
	expect_span("She is registered at Quenby Vale Family Doctors.", 0, SCRUB_PLACE,
		    "Quenby Vale Family Doctors");
	expect_span("GP (Uig and Portree practice) informed", 0, SCRUB_PLACE, "Uig and Portree practice");
	expect_none("She went to the doctors on Monday.", 0);
}

Test(place, prisons_programmes_and_community_halls_are_kept)
{
	expect_none("He is on remand in HMP Grange Hall until May.", 0);
	expect_none("He attends Safer Choices sessions at the probation office.", 0);
	expect_none("She was seen at Brayton Community Centre with her advocate.", 0);
	/* someone's workplace there is withheld; a house of that name is an address */
	expect_span("She works at Brayton Community Centre now.", 0, SCRUB_PLACE, "Brayton Community Centre");
	expect_span("He lives at 4 Grange Hall, Selby.", 0, SCRUB_ADDRESS, "4 Grange Hall, Selby");
}

Test(place, practice_codes_and_schools_before_their_lead)
{
	expect_span("Tel 01632 960000 | ODS Y12345", 0, SCRUB_PLACE, "Y12345");
	expect_span("the centre on Mill Row (ODS P81234). Seen", 0, SCRUB_PLACE, "P81234");
	expect_span("Spoke with Mr Obi (Fenwood DSL) today.", 0, SCRUB_PLACE, "Fenwood");
	expect_span("Present: HV; Castleford Middle SENCO (Ms Ure); CSC.", 0, SCRUB_PLACE,
		    "Castleford Middle");
	expect_none("The ODS list was updated; Police DSL attended.", 0);
}

Test(place, a_workplace_takes_the_part_named_in_brackets)
{
	expect_span("I am the line manager at Corran Foods (poultry packing, Gate 2). One", 0,
		    SCRUB_PLACE, "Corran Foods (poultry packing, Gate 2)");
	expect_span("He works at Hallam Aero (Spirit Wings) now.", 0, SCRUB_PLACE,
		    "Hallam Aero (Spirit Wings)");
	/* a remark or the days are not part of it */
	expect_span("She works at Lidl (she says) and", 0, SCRUB_PLACE, "Lidl");
	expect_span("He works at Lidl (Mon-Fri) and", 0, SCRUB_PLACE, "Lidl");
}

Test(place, a_business_run_by_its_kind_and_name_or_place)
{
	expect_span("Her ex runs a tattoo studio, 'Black Ink', in the Westbrook precinct. Seen", 0,
		    SCRUB_PLACE, "a tattoo studio, 'Black Ink', in the Westbrook precinct");
	expect_span("She owns a small cafe at the Wool Exchange. He", 0, SCRUB_PLACE,
		    "a small cafe at the Wool Exchange");
	expect_none("He runs a cafe. She owns a shop in town.", 0);
}

Test(place, approved_premises_and_a_neighbours_number_alone)
{
	expect_span("Released on licence to Brackley AP, Kettering. Victim", 0, SCRUB_ADDRESS,
		    "Brackley AP, Kettering");
	expect_span("Release plan: Thornby AP (Elm Villa). Exclusion", 0, SCRUB_ADDRESS,
		    "Thornby AP (Elm Villa)");
	expect_none("the AP said she was fine.", 0);
	expect_span("She rang from next door (Mrs Obi, no. 22) for help.", 0, SCRUB_ADDRESS, "no. 22");
	expect_none("Item no. 14 on the list; Section 8, no. 3 applies.", 0);
}

/* A contact word before "about" names what is said, not a way to reach
 * her: no safe time. */
Test(place, talking_about_something_is_no_contact)
{
	expect_none("Older relatives never speak about money, he said.", PLACE_F_LOCATION);
	expect_sentence("Do not ring after 9pm.", SCRUB_SAFE_TIME);
}

/* Who she lives with, said in the present with nobody moving, is the
 * household at the address on file; with a place or "now" it says where. */
Test(place, who_she_lives_with_is_no_whereabouts)
{
	expect_none("Mrs Penrose (79) lives with her grandson Tobias, who manages her money.",
		    PLACE_F_LOCATION);
	expect_sentence("She now lives with her brother.", SCRUB_LOCATION);
	expect_sentence("She lives with her brother in Penzance.", SCRUB_LOCATION);
}

/* Someone moving into her home is no whereabouts; she moving in is. */
Test(place, someone_moving_in_is_no_whereabouts)
{
	expect_none("Lodger Bartek moved in yesterday.", PLACE_F_LOCATION);
	expect_sentence("She moves in on the 9th.", SCRUB_LOCATION);
}

/* issue 9 (h9-fix7p): a place's name goes on past its institution word with
 * "of" ("School of Engineering"), and after a comma the part of it someone
 * works in ("revenues team", "ward 4") goes with it; a clause after the
 * comma that names no part stays. */
Test(place, a_workplace_takes_its_faculty_and_the_part_after_a_comma)
{
	expect_span("Her husband is a lecturer at Tolworth University, School of Marine Studies. He", 0,
		    SCRUB_PLACE, "Tolworth University, School of Marine Studies");
	expect_span("He is an instructor (Brantley School of Motoring), and", 0, SCRUB_PLACE,
		    "Brantley School of Motoring");
	expect_span("She works at Ormbrook Foods, night shift packing team.\nNext", 0, SCRUB_PLACE,
		    "Ormbrook Foods, night shift packing team");
	expect_span("He works at Brockwell Hospital, ward 12, as a porter.", 0, SCRUB_PLACE,
		    "Brockwell Hospital, ward 12");
	expect_span("She works at Ormbrook Foods, which she enjoys.", 0, SCRUB_PLACE, "Ormbrook Foods");
}

/* issue 9 (h9-fix7p): a house named by an old building's word ("The Old
 * Forge", "The Rectory") and its village, with no number or street */
Test(place, a_house_named_after_an_old_building_and_its_village)
{
	expect_span("Her hosts were at The Old Forge, Kelsby; she left them.", 0, SCRUB_ADDRESS,
		    "The Old Forge, Kelsby");
	expect_span("He stays at Yew Tree Bungalow, Kelsby.", 0, SCRUB_ADDRESS,
		    "Yew Tree Bungalow, Kelsby");
}

/* issue 9 (h9-fix7p): a remark in brackets between a workplace's label and
 * its colon */
Test(place, a_workplace_label_with_a_remark_before_its_colon)
{
	expect_span("Husband's workplace (as she gave it): Ormbrook Foods, Kelsby.", 0, SCRUB_PLACE,
		    "Ormbrook Foods, Kelsby");
	expect_span("Her employer (she says): Quillan Produce.", 0, SCRUB_PLACE, "Quillan Produce");
}

/* issue 9 (h9-fix7p): a GP practice's code after "Practice code" or "ODS
 * code", a colon allowed; a code after another word stays */
Test(place, a_practice_code_after_its_label)
{
	expect_span("GP Dr Oxenholt, Kelsby Surgery. Practice code D91027.", 0, SCRUB_PLACE, "D91027");
	expect_span("ODS code: K84302 on file", 0, SCRUB_PLACE, "K84302");
	expect_none("The voucher code K84302 expired.", 0);
}

/* issue 9 (h9-fix7p): a named house right after someone's home ("at his
 * mum's, <House>, <Town>"), and a named building whose kind is in lower case
 * before its street address ("the <Name> guesthouse, 12 <Street>") */
Test(place, a_named_house_after_someones_home_or_before_its_street)
{
	expect_span("Uncle is at his mum's, Quill Lodge, Kelsby.", 0, SCRUB_ADDRESS, "Quill Lodge, Kelsby");
	expect_span("They stayed at the Brightwater guesthouse, 12 Holm Parade.", 0, SCRUB_ADDRESS,
		    "Brightwater guesthouse, 12 Holm Parade");
	/* a lower-case word before the building's kind names nothing */
	expect_span("They sold the big house, 4 Holm Street, in May.", 0, SCRUB_ADDRESS, "4 Holm Street");
}

/* issue 9 (h9-fix7p): a council as someone's employer, with the part of it
 * they work in or after an employment label, is a workplace; the council
 * named alone stays an agency */
Test(place, a_council_as_an_employer_with_the_part_worked_in)
{
	expect_span("Husband works at Kelsby Council, grounds team.", 0, SCRUB_PLACE,
		    "Kelsby Council, grounds team");
	expect_span("PoP employment: Kelsby Council, refuse crews.", 0, SCRUB_PLACE,
		    "Kelsby Council, refuse crews");
	expect_span("Victim's employer: Kelsby Council, benefits team, Civic Centre.", 0, SCRUB_PLACE,
		    "Kelsby Council, benefits team, Civic Centre");
	expect_none("She works for Kelsby Council.", 0);
}

Test(place, a_job_without_its_article_and_where_it_is_done)
{
	/* a job after a bracket, a name or "now", then "at" the employer */
	expect_span("Husband (anaesthetist at Wrexham Maelor Hospital) denies it.", 0, SCRUB_PLACE,
		    "Wrexham Maelor Hospital");
	expect_span("Partner now director at Quillfield Logistics, Telford. Seen", 0, SCRUB_PLACE,
		    "Quillfield Logistics, Telford");
	expect_span("Tomasz care worker at Bramblehurst Lodge. Seen", 0, SCRUB_PLACE,
		    "Bramblehurst Lodge");
	/* "works as" with no article */
	expect_span("Her sister works as HCA at Pinderfields, ward 12.", 0, SCRUB_PLACE,
		    "Pinderfields, ward 12");
	/* the professional a patient saw keeps the hospital's name */
	expect_none("Seen by the doctor at Wrexham Maelor Hospital on Monday.", 0);
	/* an agency is no employer to withhold */
	expect_none("Referred by officer at Dyfed-Powys Police.", 0);
}

Test(place, a_trade_verb_names_the_firm_it_is_done_for)
{
	/* taxi, delivery and cleaning work: the firm after "for" or "at" */
	expect_span("Her brother drives for Kestrel Cabs most nights.", 0, SCRUB_PLACE, "Kestrel Cabs");
	expect_span("SUSPECT DRIVES FOR ZOOMDROP COURIERS AS A SIDE JOB", 0, SCRUB_PLACE,
		    "ZOOMDROP COURIERS");
	expect_span("Mum cleans at the Brackenfield Arms in the mornings.", 0, SCRUB_PLACE,
		    "Brackenfield Arms");
	/* a time, a person or driving at night name no employer */
	expect_none("He drives for hours at night.", 0);
	expect_none("She drives for Mum on Fridays.", 0);
}

Test(place, a_workplace_given_as_a_label_value)
{
	expect_span("M's workplace: Pellow Foods DC2? (unsure, Aston Cross).", 0, SCRUB_PLACE,
		    "Pellow Foods DC2? (unsure, Aston Cross)");
	expect_span("Husband's job: forklift driver, Trentham depot (via Staffmark), nights.", 0,
		    SCRUB_PLACE, "forklift driver, Trentham depot (via Staffmark), nights");
	expect_span("Dad's business: Kaur Fabrics, Southall.\nNext", 0, SCRUB_PLACE, "Kaur Fabrics, Southall");
	/* the label starting its line; the shift's clock time kept */
	expect_span("Seen today.\nBF's employer: Marwood Poultry, Leominster - nights, ends 06:00.", 0,
		    SCRUB_PLACE, "Marwood Poultry, Leominster");
	/* the pay after it kept too */
	expect_span("Dad's employer: Brandle Haulage, Ashby depot, nights, £11.44/hr.\nNext", 0,
		    SCRUB_PLACE, "Brandle Haulage, Ashby depot, nights");
	/* a sentence about someone, an agency as employer */
	expect_none("Dad's job: he has lost it.", 0);
	expect_none("Her job: PC, Gwent Police.", 0);
}

Test(place, a_practice_code_on_its_letterhead_line)
{
	expect_span("THE ALDERBROOK SURGERY  |  K83021\nRe: patient", 0, SCRUB_PLACE, "K83021");
	/* a code on another line is no practice's */
	expect_none("Seen at the surgery.\nRef K83021 closed.", 0);
}

Test(place, where_someone_lives_named_in_an_aside)
{
	/* after a possessive home: the estate and the town */
	expect_span("He was bailed to his nan's (Gorsefield estate, Widnes), no contact.", 0, SCRUB_ADDRESS,
		    "Gorsefield estate, Widnes");
	expect_span("A party at his cousin's house (Tolley Rise, Bulwell) ended badly.", 0, SCRUB_ADDRESS,
		    "Tolley Rise, Bulwell");
	/* a couple in brackets and their district */
	expect_span("Hosts (Mr & Mrs Aldous, Kempshott Vale) rang 999.", 0, SCRUB_ADDRESS, "Kempshott Vale");
	/* a day is no place; an interpreter's agency is kept */
	expect_none("She stays at her mum's (Saturday) each week.", 0);
	expect_none("Seen with her interpreter (Mr Farah, Lingua Link).", 0);
	expect_none("An interpreter was used by phone (Ms Nowak, Talkwell Lingo).", 0);
}

Test(place, a_job_aside_names_the_part_of_the_employer_too)
{
	/* after the employer, up to the bracket: the ward, the lab */
	expect_span("V (student nurse, Glan Clwyd, Ward 7) reports", 0, SCRUB_PLACE, "Glan Clwyd, Ward 7");
	expect_span("V (PhD student, Keele Uni, Geography lab) reports", 0, SCRUB_PLACE,
		    "Keele Uni, Geography lab");
	/* an agency's officer stays; a badge after the employer is no part of it */
	expect_none("V (officer, Dyfed-Powys Police, Carmarthen) reports", 0);
	expect_span("Mr Ali (cab driver, Rapid Cars Exeter, badge EX 0931) rang", 0, SCRUB_PLACE,
		    "Rapid Cars Exeter");
}

Test(place, a_vessel_and_a_church_given_as_a_label)
{
	expect_span("He crews on the FV Kittiwake Star out of Brixham.", 0, SCRUB_PLACE, "FV Kittiwake Star");
	expect_span("Church: Bethel Gospel Hall, Aston - she is a steward.", 0, SCRUB_PLACE,
		    "Bethel Gospel Hall, Aston");
	/* "MV" alone, or before a lower-case word, names no vessel */
	expect_none("MV seen on ward round.", 0);
}

Test(place, a_colleagues_or_friends_workplace_in_brackets)
{
	expect_span("Her colleague Mr Dale Whitton (Pendleford Garden Centre, tills) saw it.", 0, SCRUB_PLACE,
		    "Pendleford Garden Centre, tills");
	expect_span("Her friend Nia Price (Harvey Bakers, Ruthin) is a witness.", 0, SCRUB_PLACE,
		    "Harvey Bakers, Ruthin");
	/* a friend's nickname in brackets; an agency */
	expect_none("Her friend Nia Price (Bramble) is a witness.", 0);
	expect_none("Her colleague Ms Orla Dunne (Wrexham Council) rang.", 0);
}

Test(place, a_business_someone_owns_by_its_name_and_where_it_is)
{
	expect_span("Husband owns Kaur Textiles, Soho Road; she works there.", 0, SCRUB_PLACE,
		    "Kaur Textiles, Soho Road");
	expect_span("V says he (owns Finnegan's Bar, Ballycastle) drinks daily.", 0, SCRUB_PLACE,
		    "Finnegan's Bar, Ballycastle");
	/* a car or shares named after "owns" is no business */
	expect_none("He owns a Vauxhall Astra.", 0);
	expect_none("He owns Rolls Royce shares.", 0);
}

Test(place, a_business_named_after_the_word_for_it)
{
	expect_span("He works for his uncle's firm, Dhillon Roofing, most days.", 0, SCRUB_PLACE,
		    "Dhillon Roofing");
	expect_span("Self-employed, trading as Kestrel Arboriculture.", 0, SCRUB_PLACE,
		    "Kestrel Arboriculture");
	/* an agency as her employer stays */
	expect_none("Her employer, Lancashire Police, is aware.", 0);
}

Test(place, a_relatives_home_named_by_its_district)
{
	expect_span("Father bailed to his brother's in Longsight until court.", 0, SCRUB_ADDRESS, "Longsight");
	expect_span("He was arrested at his mum's, Hattersley.", 0, SCRUB_ADDRESS, "Hattersley");
	/* a relative with no home named: the family in a city is no place */
	expect_none("Her family in Leicester do not know.", 0);
}

Test(place, an_employer_after_works_with_no_preposition)
{
	expect_span("Husband works Stansted Airport, cargo sheds.", 0, SCRUB_PLACE,
		    "Stansted Airport, cargo sheds");
	expect_span("Dad works offshore (Forties Alpha, 2 on/2 off).", 0, SCRUB_PLACE,
		    "Forties Alpha, 2 on/2 off");
	/* a day or a time after "works" names no employer */
	expect_none("He works Saturdays and Sundays.", 0);
	expect_none("She works Monday to Friday.", 0);
}

/* The text is not NUL-terminated: a note ending "..., no" (the house-number
 * recogniser looks for the stop after "no") must not read past its end.
 * sh_fuzz found this under ASan; the buffer here is exactly the text. */
Test(place, a_text_ending_in_no_after_a_comma_is_read_within_its_bounds)
{
	static const char t[] = "Hi all,\nPlease note it all,\n no";
	size_t n = sizeof t - 1;
	char *s = malloc(n);
	cr_assert_not_null(s);
	memcpy(s, t, n);
	struct spans sv = {0};
	cr_assert_eq(place_scan(s, n, LOC, &sv), 0);
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(sv.v[i].end <= n);
	spans_free(&sv);
	free(s);
}

/* ---- s11-third: third parties' workplaces on unseen notes ---- */

Test(place, a_small_business_named_after_its_trade)
{
	expect_span("The new carpets came from Penrhos Flooring last week.", 0, SCRUB_PLACE,
		    "Penrhos Flooring");
	expect_span("Her brother drives for Medway Removals.", 0, SCRUB_PLACE, "Medway Removals");
	expect_span("She does the books at Starling Nails.", 0, SCRUB_PLACE, "Starling Nails");
	expect_span("Van booked with Teme Valley Hire for Friday.", 0, SCRUB_PLACE, "Teme Valley Hire");
	expect_span("Door cameras fitted by Ravensworth Security.", 0, SCRUB_PLACE,
		    "Ravensworth Security");
	/* a service or a department named by such a word is no firm */
	expect_none("Campus Security were told at 9.", 0);
	expect_none("Referred to the Target Hardening Locks scheme.", 0);
	expect_none("Council Repairs Cleaning came on Monday.", 0);
}

Test(place, a_person_then_the_employer_in_a_jobs_bracket)
{
	expect_span("A home carer (Elowen, Tegid Valley Care) noticed the marks.", 0, SCRUB_PLACE,
		    "Tegid Valley Care");
	expect_span("He is a driver (Marek at Kestrel Cabs, Thornaby) most nights.", 0, SCRUB_PLACE,
		    "Kestrel Cabs, Thornaby");
	expect_span("Her support worker (Kirsty, Larchfield Support) called us.", 0, SCRUB_PLACE,
		    "Larchfield Support");
	/* an agency after the person stays, as does an interpreter's agency */
	expect_none("Her social worker (Jane Hollis, Leeds City Council) visited.", 0);
	const char *vs = "A support worker (Tom, Victim Support) rang.";
	struct spans sv = scan(vs, 0);
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(sv.v[i].end <= (size_t)(strstr(vs, "Victim") - vs), "Victim Support withheld");
	spans_free(&sv);
	expect_none("Her interpreter (Mr Haddad, Lingua Line) was present.", 0);
}

Test(place, a_house_number_in_an_aside)
{
	expect_span("Her nan is a few doors down (no 41) from him.", 0, SCRUB_ADDRESS, "no 41");
	expect_span("A neighbour (Mr Okafor, No. 17) rang 999.", 0, SCRUB_ADDRESS, "No. 17");
	expect_span("NEIGHBOUR (MR OKAFOR, NO.17) RANG 999.", 0, SCRUB_ADDRESS, "NO.17");
	/* a numbered item is no house */
	expect_none("She answered the last question (no 4) yes.", 0);
}

Test(place, a_street_named_after_how_far_along_it)
{
	expect_span("His cousin lives two doors down on Ashgrove.", 0, SCRUB_ADDRESS, "Ashgrove");
	expect_span("Her nan lives a few doors along on Tenterfield, by the shop.", 0, SCRUB_ADDRESS,
		    "Tenterfield");
	/* no street after the distance */
	expect_none("Her nan lives two doors down on the left.", 0);
}

Test(place, a_shop_named_by_its_street)
{
	expect_span("She takes her pay from the Lidl on Calder Road.", 0, SCRUB_PLACE,
		    "the Lidl on Calder Road");
	expect_span("He drinks in the Red Lion on Tanner Street.", 0, SCRUB_PLACE,
		    "the Red Lion on Tanner Street");
	/* a court or a public building stays (its street is still withheld) */
	struct spans sv = scan("Seen at the Crown Court on Ferry Road.", 0);
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(sv.v[i].kind != SCRUB_PLACE, "the court taken as a shop");
	spans_free(&sv);
}

Test(place, a_job_with_no_article_then_the_person_and_employer)
{
	expect_span("Concern raised by pharmacist (Mr Ibbotson, Kelham Pharmacy Selby).", 0, SCRUB_PLACE,
		    "Kelham Pharmacy Selby");
	expect_span("Bruises seen by carer (Elowen, Tamsin Vale Care) on Monday.", 0, SCRUB_PLACE,
		    "Tamsin Vale Care");
	/* an interpreter's agency stays */
	expect_none("Seen with interpreter (Mr Haddad, Lingua Line) today.", 0);
}

Test(place, where_a_job_is_based_out_of)
{
	expect_span("Her brother is a fisherman, works out of Kilkeel.", 0, SCRUB_PLACE, "Kilkeel");
	expect_span("Dad is a trawlerman out of Brixham (the Morning Gull) most weeks.", 0, SCRUB_PLACE,
		    "Brixham (the Morning Gull)");
	/* "out of" after no work word is no workplace */
	expect_none("He has been locked out of Instagram.", 0);
}

static int place_loc(const char *s, size_t n, struct spans *out)
{
	return place_scan(s, n, LOC, out);
}

/* The cues this session's recognisers read around (doors down on, a shop
 * on a street, a person then an employer in a bracket, works out of, a
 * house number alone), 64 KiB of one phrase with no stop: at most 50 times
 * the CPU time of a text of the same shape with no cue (least of three). */
Test(place, repeated_cues_without_a_stop_cost_linear_time)
{
	static const char *const cue[] = {"lives two doors down on Mill ", "the Anchor on Quay ",
					  "a carer (Lowri, Brightcare ", "fisherman, works out of Looe ",
					  "(Mrs Obi, no. 14, ", "nurse at Wexford General ", "the flat above the "};
	lg_assert_linear(place_loc, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s12-refuge: a provider that has a bed for her says where she will be,
 * refuge word or not; "room for her" without an article is no place. */
Test(place, a_provider_with_a_bed_for_her_says_where_she_will_be)
{
	expect_sentence("Harbourside Housing have a vacancy for her in Tenby.", SCRUB_LOCATION);
	expect_sentence("The trust has a family room for them from Monday.", SCRUB_LOCATION);
	expect_sentence("Referred to Quayside, who have a space for her.", SCRUB_LOCATION);
	expect_none("He made room for her at the table.", LOC);
}

/* s12-refuge: how far her house or unit is from a landmark is where it is,
 * even when the note never says "refuge". */
Test(place, how_far_her_place_is_from_a_landmark)
{
	expect_sentence("The flat is a five minute walk from the harbour.", SCRUB_LOCATION);
	expect_sentence("The unit is a short drive from the station.", SCRUB_LOCATION);
	expect_sentence("The house is a 10 min bus ride.", SCRUB_LOCATION);
	expect_none("The flat is a short let until May.", LOC);
}

/* s12-refuge: a unit or house that has accepted her is where she is; a
 * referral accepted is not. */
Test(place, a_unit_that_accepted_her_is_where_she_is)
{
	expect_sentence("The women's unit at Pennine Homes has accepted her.", SCRUB_LOCATION);
	expect_sentence("The house accepted them on Friday.", SCRUB_LOCATION);
	expect_none("The housing unit accepted her referral.", LOC);
}

/* s12-refuge: the journey she is making to a town (a refuge worker's "can
 * you get to", tickets, the train) names where she will be; his journey, and
 * a log's time before "to", do not. */
Test(place, the_town_she_is_travelling_to)
{
	expect_sentence("Can you get to Wrexham?", SCRUB_LOCATION);
	expect_sentence("Train tickets to Wrexham are booked.", SCRUB_LOCATION);
	expect_sentence("Catch the 09:40 to Wrexham.", SCRUB_LOCATION);
	expect_none("He can get to Wrexham.", LOC);
	expect_none("Referral sent 10:30 to Wrexham Council.", LOC);
}

Test(place, an_nhs_trust_named_healthcare_by_its_county_stays)
{
	/* a trust named by its county, city or region, or as a community
	 * service, is an agency */
	expect_none("The health visitor from Lincolnshire Healthcare attended.", 0);
	expect_none("Referred on to Tameside Community Healthcare for support.", 0);
	expect_none("Her CPN (West Country Healthcare) was told.", 0);
	/* a practice named by a word of its own or a common word is still her GP */
	expect_span("She is registered at Meadowbank Healthcare.", 0, SCRUB_PLACE, "Meadowbank Healthcare");
	expect_span("She is registered at Orchard Healthcare.", 0, SCRUB_PLACE, "Orchard Healthcare");
}

Test(place, a_library_where_a_worker_met_her_stays)
{
	/* a public library named where the worker met her */
	expect_none("12/05 Met at Ormskirk Library. Went through the DASH.", 0);
	expect_none("Face to face at Kirkdale library, she was calm.", 0);
	/* where she works or goes it is still withheld */
	expect_span("She works Saturdays at Kirkdale Library.", 0, SCRUB_PLACE, "Kirkdale Library");
	expect_span("She fled to Kirkdale Library that night.", 0, SCRUB_PLACE, "Kirkdale Library");
}

/* s13-over: "Refuge" in title case in brackets, a list of services or before a
 * heading's spaced dash is the national charity, an agency; any other
 * mention of a refuge is still withheld (fail safe). */
Test(place, refuge_the_charity_is_an_agency)
{
	expect_none("Present: Wexshire IDVA Service (Refuge); Wexshire Children's Services.", LOC);
	expect_none("Plan: discussed Solace / Refuge with her.", LOC);
	expect_none("Refuge - Wexshire IDVA Service - report to Wexshire MARAC.", LOC);
	expect_sentence("Refuge space confirmed for Monday.", SCRUB_LOCATION);
	expect_sentence("She is now in a Refuge in Quellby.", SCRUB_LOCATION);
	expect_sentence("REFUGE (OUT OF AREA) CONFIRMED.", SCRUB_LOCATION);
}

/* s13-over: "tenancy in his name", "in both names": who holds it, not where;
 * "tenancy in Quellby" still says where. */
Test(place, tenancy_holder_is_no_place)
{
	expect_none("Housing: tenancy in both names.", LOC);
	expect_none("Housing: tenancy in his name only.", LOC);
	expect_sentence("She has a tenancy in Quellby now.", SCRUB_LOCATION);
}

/* s14-work: "a <job> at <Hospital>" after is/was/as, a comma or a bracket
 * says where that person works: the hospital is withheld; after a
 * preposition it is the professional seen there, the hospital kept. */
Test(place, a_job_at_a_hospital_said_of_the_person)
{
	expect_span("Victim Quellbury Tolvenny (44), a nurse at Brackwell General Hospital, reports that he hit her.", 0,
		    SCRUB_PLACE, "Brackwell General Hospital");
	expect_span("She is a porter at Brackwell General Hospital.", 0, SCRUB_PLACE,
		    "Brackwell General Hospital");
	expect_span("He works as a cleaner at Brackwell General Hospital.", 0, SCRUB_PLACE,
		    "Brackwell General Hospital");
	expect_none("She was seen by a doctor at Brackwell General Hospital.", 0);
}

/* s14-work: a worker's own agency named in brackets after "her agency" is
 * her employer; an agency of the case in the bracket is kept. */
Test(place, her_agency_in_brackets_is_her_employer)
{
	expect_span("She asked her agency (Quellby Nursing) to move her shifts.", 0, SCRUB_PLACE,
		    "Quellby Nursing");
	expect_span("He rings her agency (Tolvenny Staffing, Brackwell) daily.", 0, SCRUB_PLACE,
		    "Tolvenny Staffing, Brackwell");
	expect_none("She told her agency (Probation) today.", 0);
	expect_none("She told the agency (Quellby Nursing) today.", 0);
}

/* s14-work: "a nurse on Ward 10 at <Hospital>": the ward and the hospital
 * are where she works; a ward with no employer after it is left. */
Test(place, a_job_on_a_ward_at_a_hospital)
{
	expect_span("Her aunt is a nurse on Ward 10 at Brackwell General Hospital - nights.", 0,
		    SCRUB_PLACE, "Ward 10");
	expect_span("Her aunt is a nurse on Ward 10 at Brackwell General Hospital - nights.", 0,
		    SCRUB_PLACE, "Brackwell General Hospital");
	expect_none("She is a nurse on Ward 10 at the moment.", 0);
}

/* s14-work: a carer comes "from" the care provider that employs her; a
 * support worker from a service, a grant from a council are kept. */
Test(place, a_carer_from_her_care_provider)
{
	expect_span("Bruising seen by carer Perpetua from Quellby Care yesterday.", 0, SCRUB_PLACE,
		    "Quellby Care");
	expect_span("She told the carer from Tolvenny Care that he hits her.", 0, SCRUB_PLACE, "Tolvenny Care");
	expect_none("A support worker from Quellby Housing will visit.", 0);
	expect_none("Hardship grant from Brackwell Council agreed.", 0);
}

/* s14-work: the cues of the rules above repeated with no stop: linear. */
Test(place, s14_work_cues_cost_linear_time)
{
	static const char *const cue[] = {"is a nurse at Brackwell General ", "her agency (Tolvenny Staffing ",
					  "a nurse on Ward 10 at Brackwell ", "carer Perpetua from Quellby ",
					  "does nights at Quellby "};
	lg_assert_linear(place_loc, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s14-work: in the bracket after a job said of the person, a department
 * then the employer: the employer (a hospital too) is withheld; after
 * "seen by" it is the professional seen there, kept. */
Test(place, a_department_then_the_employer_in_a_job_bracket)
{
	expect_span("She is a senior nurse (theatres, Brackwell General Hospital) and on nights.", 0,
		    SCRUB_PLACE, "Brackwell General Hospital");
	expect_none("Seen by a nurse (triage, Brackwell General Hospital) today.", 0);
}

/* s14-work: a shift word after do/does/on/works before "at" says where the
 * person works; "two days at" a hospital is a stay, kept. */
Test(place, a_shift_at_a_workplace)
{
	expect_span("His wife does nights at Quellby General. Capacity.", 0, SCRUB_PLACE,
		    "Quellby General");
	expect_span("She is on lates at Tolvenny Foods this week.", 0, SCRUB_PLACE, "Tolvenny Foods");
	expect_none("She spent two days at Quellby General.", 0);
}

/* s14-work: "works full-time (at <Store>)": a hyphenated word and a
 * bracket opening on "at" between "works" and "at"; "(at home)" is none. */
Test(place, works_full_time_in_brackets_at)
{
	expect_span("Her sister works full-time (at Tolvenny Foods); she is alone.", 0, SCRUB_PLACE,
		    "Tolvenny Foods");
	expect_span("She works part-time at Tolvenny Foods now.", 0, SCRUB_PLACE, "Tolvenny Foods");
	expect_none("She works (at home) on Fridays.", 0);
}

/* s15-third: approved premises written out or as "<Name> House AP", with
 * the name or the town that says which; "Approved Premises" alone, or a
 * house's name alone, names no place. */
Test(place, s15_approved_premises_named_or_with_its_town)
{
	expect_span("Released on licence to Quellby Approved Premises, Tolvenny. SED 2027.", 0,
		    SCRUB_ADDRESS, "Quellby Approved Premises, Tolvenny");
	expect_span("Licence: reside at Approved Premises, Brackwell (Ember House); curfew 21:00.", 0,
		    SCRUB_ADDRESS, "Approved Premises, Brackwell (Ember House)");
	expect_span("Released from HMP Quellby to the Approved Premises in Brackwell. Tag fitted.", 0,
		    SCRUB_ADDRESS, "Approved Premises in Brackwell");
	expect_span("Release to Tolvenny House AP, Brackwell (curfew 7pm-7am).", 0, SCRUB_ADDRESS,
		    "Tolvenny House AP, Brackwell");
	expect_none("Address not yet approved by the Approved Premises team.", 0);
	expect_none("Release at the automatic release date to Approved Premises.", 0);
}

/* s15-third: the rule's cue repeated with no stop: linear. */
Test(place, s15_approved_premises_cost_linear_time)
{
	static const char *const cue[] = {"Quellby Approved Premises, Tolvenny ", "Approved Premises in ",
					  "Tolvenny House AP, "};
	lg_assert_linear(place_loc, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s15-third: someone's work named right after "work", a label without its
 * colon ("Husband's work <Firm>, <Town>."); a day or an agency after it
 * is no workplace. */
Test(place, s15_someones_work_then_its_name)
{
	expect_span("Husband's work Tolvenny Foods, Brackwell depot.\nNext line.", 0, SCRUB_PLACE,
		    "Tolvenny Foods, Brackwell depot");
	expect_span("Dad's work Quellby Plastics, Tolvenny.", 0, SCRUB_PLACE, "Quellby Plastics, Tolvenny");
	expect_none("His work Monday to Friday is hard.", 0);
	expect_none("Her work IDVA team said so.", 0);
}

/* s15-third: the cue repeated with no stop: linear. */
Test(place, s15_someones_work_cost_linear_time)
{
	static const char *const cue[] = {"Husband's work Tolvenny Foods, ", "his work Quellby "};
	lg_assert_linear(place_loc, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s15-over: "went to" or "taken to" a named hospital or ED is an
 * incident's trip there, not where she lives; "is at" or "remains in" a
 * hospital still says where she is. */
Test(place, went_or_taken_to_a_hospital_is_no_statement_of_where_she_is)
{
	static const char *const kept[] = {
		"She went to Brackton General Hospital after the assault.",
		"VIC TAKEN TO BRACKTON ROYAL INFIRMARY.",
		"She went to Brackton ED.",
	};
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		struct spans sv = scan(kept[i], LOC);
		for (size_t k = 0; k < sv.n; k++)
			cr_assert(sv.v[k].kind != SCRUB_LOCATION, "%s: %s", kept[i], sv.v[k].rule);
		spans_free(&sv);
	}
	expect_sentence("She is at Brackton General Hospital.", SCRUB_LOCATION);
}

/* s16-work: a job and its employer in brackets with no article ("husband,
 * self-employed stonemason (<Firm>, <Town>)"), and in a log in capitals
 * ("TAXI DRIVER (<FIRM>)", "(SHOP OWNER, <FIRM>)", "TAXI DRIVER MR <NAME>
 * (<FIRM>)"); a person alone in the bracket, an agency, a caller are none. */
Test(place, s16_job_then_its_employer_in_brackets)
{
	expect_span("Husband, self-employed stonemason (Quellby Memorials, Tolvenny). DL seen.", 0,
		    SCRUB_PLACE, "Quellby Memorials, Tolvenny");
	expect_span("Her husband is a publican (the Brackwell Arms, Tolvenny).", 0, SCRUB_PLACE,
		    "the Brackwell Arms, Tolvenny");
	expect_span("0615 BUS DRIVER (QUELLBY COACHES) CALLER - FEMALE PASSENGER", 0, SCRUB_PLACE,
		    "QUELLBY COACHES");
	expect_span("0047 CALL FROM TAXI DRIVER MR OKAFOR (TOLVENNY CARS), HAS A FEMALE IN HIS CAB", 0,
		    SCRUB_PLACE, "TOLVENNY CARS");
	expect_span("1602 CALL FROM MR DEMIR (SHOP OWNER, QUELLBY CONVENIENCE) - WOMAN CAME IN", 0,
		    SCRUB_PLACE, "QUELLBY CONVENIENCE");
	expect_none("Husband, social worker (Mildred Quell) visited.", 0);
	expect_none("Seen with a Romanian interpreter (Quellby Languages) today.", 0);
	expect_none("Young people's DA worker (QVA) note.", 0);
	expect_none("1602 CALLER (ANON) STATES SHOUTING.", 0);
	expect_none("Husband, police officer (Brackshire Police).", 0);
}

/* s16-work: the job before a bracket, repeated with no stop: linear. */
Test(place, s16_job_then_bracket_cost_linear_time)
{
	static const char *const cue[] = {"stonemason (Quellby ", "TAXI DRIVER (QUELLBY ", "(SHOP OWNER, "};
	lg_assert_linear(place_loc, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s16-work: someone's work named in brackets after "the" ("ringing my
 * work (the <Town> <Shop>)"), after a spaced dash ("from her work - the
 * <Store> (...)"), someone's employment in brackets; a lower-case aside
 * after work, or a dash inside a word, names none. */
Test(place, s16_someones_work_in_brackets_or_after_a_dash)
{
	expect_span("He keeps ringing my work (the Quellby Sainsbury's). please help.", 0, SCRUB_PLACE,
		    "Quellby Sainsbury's");
	expect_span("He keeps ringing my work (the Tolvenny centre, Quellby Cards).", 0, SCRUB_PLACE,
		    "the Tolvenny centre, Quellby Cards");
	expect_span("Call from client (from her work - the Quellby Foodstore). Ok.", 0, SCRUB_PLACE,
		    "Quellby Foodstore");
	expect_span("Protective factors: Quennel's employment (Tolvenny Foods refuse team), contact.", 0,
		    SCRUB_PLACE, "Tolvenny Foods refuse team");
	expect_none("She rang from her work (the usual place).", 0);
	expect_none("She went to work - Monday was fine.", 0);
	expect_none("Employment (see above).", 0);
}

/* s16-work: the work cue repeated with no stop: linear. */
Test(place, s16_someones_work_in_brackets_cost_linear_time)
{
	static const char *const cue[] = {"my work (the Quellby ", "her work - the Tolvenny ",
					  "Dan's employment (Quellby "};
	lg_assert_linear(place_loc, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s16-work: a business someone owns or runs, then the street or town it
 * is on or in; an agency, or a name of no kind of place with no capital,
 * is none. */
Test(place, s16_business_owned_or_run_on_a_street)
{
	expect_span("His brother owns Quellby Money Transfer on Tolvenny Road and is everywhere.", 0,
		    SCRUB_PLACE, "Quellby Money Transfer on Tolvenny Road");
	expect_span("Her cousin runs the barber's on Quellby Lane.", 0, SCRUB_PLACE,
		    "barber's on Quellby Lane");
	expect_span("Her aunt runs the Spar in Tolvenny. Car seen.", 0, SCRUB_PLACE, "Spar in Tolvenny");
	expect_none("She runs a tight ship in Tolvenny.", 0);
	expect_none("She runs the Women's Aid group in Tolvenny.", 0);
}

/* s16-work: "owns" or "runs" repeated with no place after: linear. */
Test(place, s16_business_on_a_street_cost_linear_time)
{
	static const char *const cue[] = {"owns Quellby Sweets ", "runs the grocery on "};
	lg_assert_linear(place_loc, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s16-work: a script "supervised at" a pharmacy, where she goes daily;
 * children's contact supervised at a family centre is the case's
 * service, kept. */
Test(place, s16_script_supervised_at_a_pharmacy)
{
	expect_span("Script: methadone 60ml daily, supervised at Quellby Chemists, Tolvenny Centre - ok.", 0,
		    SCRUB_PLACE, "Quellby Chemists, Tolvenny Centre");
	expect_span("On buprenorphine, daily supervised at Quellby Pharmacy. Attended.", 0, SCRUB_PLACE,
		    "Quellby Pharmacy");
	expect_none("Contact with father is supervised at Tolvenny Family Centre.", 0);
	expect_none("Dad's contact supervised at Tolvenny Contact Centre.", 0);
}

/* s16-work: an occupation label's value on its line holds the employer
 * ("Occupation: <job>, <Employer> <part>."); a job alone is none. */
Test(place, s16_occupation_label_value)
{
	expect_span("Email: none.\nOccupation: pharmacy technician, Quellby Hospital dispensary.\nNext.", 0,
		    SCRUB_PLACE, "pharmacy technician, Quellby Hospital dispensary");
	expect_none("Email: none.\nOccupation: unemployed.\nNext.", 0);
}

/* s16-work: "works" then a few lower-case words, then the workplace in
 * brackets ("works in your repairs team (<Council> repairs, <Depot>)");
 * "works with" a colleague or agency names none. */
Test(place, s16_works_in_a_team_then_the_workplace_in_brackets)
{
	expect_span("His cousin works in your repairs team (Quellby Homes repairs, Tolvenny depot).", 0,
		    SCRUB_PLACE, "Quellby Homes repairs, Tolvenny depot");
	expect_span("He works nights on the tills (Quellby Superstore) now.", 0, SCRUB_PLACE,
		    "Quellby Superstore");
	expect_none("She works closely with the team (Tolvenny Quell) on this.", 0);
}

/* s16-work: "works" and lower-case words with no bracket: linear. */
Test(place, s16_works_then_bracket_cost_linear_time)
{
	static const char *const cue[] = {"works in your team ", "works on the tills (Quellby "};
	lg_assert_linear(place_loc, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s16-work: "of" inside an employer's name after a job ("a teacher at
 * <Name> of <Name> Grammar"); "of" before a lower-case word ends it. */
Test(place, s16_of_inside_an_employers_name)
{
	expect_span("Her friend is Ethelred Tey, a teacher at Quellby of Tolvenny Grammar. She has",
		    0, SCRUB_PLACE, "Quellby of Tolvenny Grammar");
	expect_span("Her friend is a teacher at Quellby Grammar of course.", 0, SCRUB_PLACE, "Quellby Grammar");
}

/* s16-work: the care provider whose carers come to the home, named after
 * "carers (", "care package via", "Care staff from", "a carer (<Name>,";
 * an agency of the case after it is kept. */
Test(place, s16_care_provider_after_its_cue)
{
	expect_span("Husband to have carers (Quellby Care Tolvenny). Review.", 0, SCRUB_PLACE,
		    "Quellby Care Tolvenny");
	expect_span("Mr T - care package via Quellby Homecare. Contact", 0, SCRUB_PLACE, "Quellby Homecare");
	expect_span("A domiciliary carer (Mildred, Quellby Care) reported that", 0, SCRUB_PLACE, "Quellby Care");
	expect_none("Carers from Adult Social Care visit daily.", 0);
}

/* s16-work: the other side's solicitor named with the firm ("Father's
 * solicitor (Ms <Name>, <Firm>, <Town>)"); her own solicitor's firm and a
 * firm named alone serve the case and are kept. */
Test(place, s16_his_solicitors_firm)
{
	expect_span("Father attended with his solicitor (Ms Tey, Quellby Family Law). Next", 0, SCRUB_PLACE,
		    "Quellby Family Law");
	expect_span("Father's solicitor (Ms Tey, Quellby & Partners, Tolvenny) wrote.", 0, SCRUB_PLACE,
		    "Quellby & Partners, Tolvenny");
	expect_span("His solicitor is Mr Tey at Quellby & Partners. Next", 0, SCRUB_PLACE, "Quellby & Partners");
	expect_none("Non-mol with her solicitor Ms Tey (Quellby Law).", 0);
	expect_none("Non-mol appointment with Quellby Law.", 0);
}

/* s16-work: the care provider's and the solicitor's cues repeated with no
 * stop: linear. */
Test(place, s16_care_provider_and_solicitor_cost_linear_time)
{
	static const char *const cue[] = {"carers (Quellby ", "his solicitor Mr Tey at Quellby ",
					  "care package via Tolvenny "};
	lg_assert_linear(place_loc, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s17-keep: a leisure centre and a children's centre are public buildings,
 * kept as a community centre is; someone's workplace there, and a child's
 * nursery there, still go. */
Test(place, s17_leisure_and_childrens_centre_are_public)
{
	expect_none("Followed her to football training at Quellby Leisure Centre on Saturdays.", 0);
	expect_none("2 yr review at Alderbrook children's centre as mum asked. On track.", 0);
	expect_span("He works at Quellby Leisure Centre as a lifeguard.", 0, SCRUB_PLACE,
		    "Quellby Leisure Centre");
	expect_span("Nursery: Tolvenny Children's Centre.", 0, SCRUB_PLACE, "Tolvenny Children's Centre");
}

/* s17-keep: after a location cue, a town that names an institution after
 * it ("<Town> Family Centre", "<Town> General") is no town on its own;
 * the town alone after the cue still is. */
Test(place, s17_town_naming_an_institution_after_a_cue)
{
	expect_none("Contact moved to Quellby Family Centre, supervised.", 0);
	expect_none("Pt (67) admitted to Tolvenny General Sun with # wrist.", 0);
	expect_span("She has moved to Quellby with the children.", 0, SCRUB_ADDRESS, "Quellby");
}

/* s17-keep: a town hall is the council's building; a clinic in lower case
 * after a specialty's acronym or a street is a service's clinic. A
 * practice's short name before "clinic", and a capitalised Clinic, stay
 * withheld. */
Test(place, s17_town_hall_and_service_clinics_are_kept)
{
	expect_none("MARAC held in the Council Chamber, Quellby Town Hall.", 0);
	expect_none("FGM risk assessment for baby - FGM clinic referral made.", 0);
	expect_span("Baby seen at Quellby clinic by the HV.", 0, SCRUB_PLACE, "Quellby clinic");
	expect_span("Registered at Tolvenny Clinic since May.", 0, SCRUB_PLACE, "Tolvenny Clinic");
}

/* s17-keep: "Virtual School" is a council's service and "primary care" is
 * health's; a school named with "Primary" still goes. */
Test(place, s17_virtual_school_and_primary_care)
{
	expect_none("Interim education from Virtual School pending transfer.", 0);
	expect_none("Referred to BCUHB primary care safeguarding team.", 0);
	expect_span("Jade attends Tolvenny Primary School.", 0, SCRUB_PLACE, "Tolvenny Primary School");
}

/* s18-places: a practice named right after "GP" with no label mark,
 * known by its last word (a named building, Partnership, Centre). "GP
 * Partner" and "GP Dr <Name>" name no practice. */
Test(place, s18_practice_named_after_gp)
{
	expect_span("Health: no concerns. GP Quellby Partnership.", 0, SCRUB_PLACE,
		    "Quellby Partnership");
	expect_span("Seen today. GP Tolvenny House.\nNext", 0, SCRUB_PLACE, "Tolvenny House");
	expect_none("Dr A Tey, GP Partner, safeguarding lead.", 0);
	expect_none("Seen by GP Dr Tey today.", 0);
}

/* s18-places: a work verb starting the sentence, its subject left out
 * ("Drives for <Firm>."), names the employer as it does mid-sentence; a
 * capitalised verb inside a sentence does not. */
Test(place, s18_work_verb_starting_a_sentence)
{
	expect_span("On bail. Drives for Quellby Couriers. Next", 0, SCRUB_PLACE, "Quellby Couriers");
	expect_none("Met Sam Drives for Tolvenny Day.", 0);
}

/* s18-places: "GP" and a sentence-starting work verb repeated with no
 * stop: linear. */
Test(place, s18_gp_and_work_verb_cost_linear_time)
{
	static const char *const cue[] = {"GP Quellby ", "GP Tolvenny House ", ". Drives for Quellby "};
	lg_assert_linear(place_loc, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s18-places: a court's word (Crown) names a practice or a school before
 * its modifier ("Crown Medical Practice", "Crown Primary"); a court, and
 * the Crown Prosecution Service, stay. */
Test(place, s18_court_word_naming_a_practice)
{
	expect_span("She is now registered with\nCrown Medical Practice.\nNext", 0, SCRUB_PLACE,
		    "Crown Medical Practice");
	expect_none("Sentenced at Crown Court today; CPS (Crown Prosecution Service) told.", 0);
}

/* s18-places: a nursery named as nurseries are, "Little" or "Tiny" and a
 * capitalised plural, with its town; a village ("Little Quelling") and a
 * nickname ("Little T") are no nursery. */
Test(place, s18_little_and_tiny_nurseries)
{
	expect_span("Mum reports dad waiting outside Tiny Quellbies at pick-up.", 0, SCRUB_PLACE, "Tiny Quellbies");
	expect_span("Nursery place at Little Tolvennies, Quellby being looked into.", 0, SCRUB_PLACE,
		    "Little Tolvennies, Quellby");
	expect_span("Brannoc (3) - nursery at Tiny Tots Quellby.", 0, SCRUB_PLACE, "Tiny Tots Quellby");
	expect_none("The Little Quelling show was cancelled.", 0);
	expect_none("Associate known as Little T was present.", 0);
}

/* s18-places: a school not yet named, known by its town ("new school
 * place requested in <Town>", "New schools in <Town>"); a month, a class
 * and a log's capitals after "school in" are no town. */
Test(place, s18_school_known_by_its_town)
{
	expect_span("Rosalind was at Tolvenny Grove; new school place requested in Quellby.", 0, SCRUB_PLACE,
		    "Quellby");
	expect_span("New schools\nin Quellby being sought by the LA.", 0, SCRUB_PLACE, "Quellby");
	expect_none("The children will change school in January.", 0);
	expect_none("She started school in Reception last year.", 0);
	expect_none("1631 MALE ARRIVED AT SCHOOL IN BLACK AUDI", 0);
}

/* s18-places: the nursery's and the school's town cues repeated with no
 * stop: linear. */
Test(place, s18_nursery_and_school_town_cost_linear_time)
{
	static const char *const cue[] = {"Little Tots ", "Tiny Quellbies, Tolvenny ", "school place requested in ",
					  "schools in Quellby "};
	lg_assert_linear(place_loc, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s18-places: under an education heading, the capitalised words before a
 * spaced dash or the school's DSL name the school; a child in a bracket
 * or a forename alone does not. */
Test(place, s18_school_under_an_education_heading)
{
	expect_span("Notes.\nEDUCATION: Quellby South - Brannoc Y11, predicted good grades.", 0, SCRUB_PLACE,
		    "Quellby South");
	expect_span("Notes.\nEDUCATION: QSFG - Quilla in Y9.", 0, SCRUB_PLACE, "QSFG");
	expect_span("Notes.\n4. Education - Tolvenny CS DSL to monitor.", 0, SCRUB_PLACE, "Tolvenny CS");
	expect_none("Notes.\nEDUCATION: Rosalind - attendance good.", 0);
	expect_none("Notes.\nEducation: attendance 89% - no concerns.", 0);
}

/* s18-places: under an education heading, a child then a bracket of
 * capitalised words: the bracket is the child's school; a bracket of
 * numbers (an age, a year group) is not. */
Test(place, s18_child_then_school_in_a_bracket_under_education)
{
	expect_span("Notes.\nEducation: Brannoc (Quellby Vale) is refusing to see his father.", 0, SCRUB_PLACE,
		    "Quellby Vale");
	expect_none("Notes.\nEducation: Brannoc (10) - school will hold a place.", 0);
}

/* s18-places: a garrison, a dockyard, docks and a named building are
 * workplaces ("Serving soldier, <Town> Garrison", "her office in the
 * <Name> Building"); a programme named with "Building" is not. */
Test(place, s18_garrison_dockyard_and_named_building)
{
	expect_span("Regular soldier, Quellby Garrison; on leave.", 0, SCRUB_PLACE, "Quellby Garrison");
	expect_span("Dad works at Tolvenny Dockyard, nights.", 0, SCRUB_PLACE, "Tolvenny Dockyard");
	expect_span("Security at her office in the Quellby Building - 04/12", 0, SCRUB_PLACE,
		    "Quellby Building");
	expect_none("Recommend Building Better Relationships programme.", 0);
}

/* s18-places: a capitalised subject before a department in lower case
 * names a workplace; an agency's department does not. */
Test(place, s18_named_department)
{
	expect_span("A staff member (Jo Tey, admin in the Quellbistry\ndepartment) disclosed abuse.", 0,
		    SCRUB_PLACE, "Quellbistry\ndepartment");
	expect_none("Referred to the Police department and the council.", 0);
}

/* s18-places: "<Name> Company" is an employer; a housing company named
 * with an agency's word is not read as one. */
Test(place, s18_named_company)
{
	expect_span("Loss of job (Quellby Ferry Company) last month.", 0, SCRUB_PLACE, "Quellby Ferry Company");
	expect_none("Door repaired by the Housing Company on 19/10.", 0);
}

/* s18-places: in a log's capitals, whose home a numbered address is, said
 * right before it ("TO HIS MOTHERS, 44 <STREET> RD"), goes with it; in
 * lower case, and with no owner before the kin word, it stays. */
Test(place, s18_kin_owner_before_an_address)
{
	expect_span("0050 MALE TRACED TO HIS MOTHERS, 44 QUELLBY RD, ARRESTED.", 0, SCRUB_ADDRESS,
		    "HIS MOTHERS, 44 QUELLBY RD");
	expect_span("Arrested at her nan's 6 Tolvenny Way on Friday.", 0, SCRUB_ADDRESS, "6 Tolvenny Way");
	expect_span("Mother's address: 6 Tolvenny Way.", 0, SCRUB_ADDRESS, "6 Tolvenny Way");
}

/* s18-places: a hard line break between "attend" and "<Town> High" still
 * names the high school; a line starting "<Word> High" with no such verb
 * before it does not. */
Test(place, s18_high_school_after_a_wrapped_line)
{
	expect_span("Children will attend\nQuellby High and the primary.", 0, SCRUB_PLACE, "Quellby High");
	expect_none("Risk was assessed.\nVery High after the incident.", 0);
}

/* s19: approved premises in lower case, as most notes write them, with the
 * town after "in" followed by more of the clause ("with an exclusion zone",
 * "for 12 weeks") or the house's name after a comma; alone, no place. */
Test(place, s19_approved_premises_in_lower_case)
{
	expect_span("He will be released to approved premises in Brackwell with an exclusion zone.", 0,
		    SCRUB_ADDRESS, "approved premises in Brackwell");
	expect_span("Residence at approved premises in Tolvenny for the first 12 weeks.", 0,
		    SCRUB_ADDRESS, "approved premises in Tolvenny");
	expect_span("He lives at approved premises, Quellby Lodge.", 0, SCRUB_ADDRESS,
		    "approved premises, Quellby Lodge");
	expect_none("He was in approved premises for 12 weeks.", 0);
	expect_span("Released to approved\npremises in Brackwell on licence.", 0, SCRUB_ADDRESS,
		    "approved\npremises in Brackwell");
}

/* s19: a house number right after an opening bracket is an address's
 * ("(12 Stryd y Felin)", "(4 Acacia Avenue)"); a year and a comma in brackets
 * before a court is no house number. */
Test(place, s19_house_number_in_brackets)
{
	expect_span("Registered at his mother's (12 Stryd y Felin).", 0, SCRUB_ADDRESS, "12 Stryd y Felin");
	expect_span("His sister's address (4 Quellby Avenue).", 0, SCRUB_ADDRESS, "4 Quellby Avenue");
	expect_none("A restraining order (2017, Brackwell Crown Court).", 0);
	expect_none("Two children (12 and 9).", 0);
}

/* s19-over: no statement of whereabouts withheld (an address in the
 * sentence may still be). */
static void expect_no_location(const char *s)
{
	struct spans sv = scan(s, LOC);
	int n = 0;
	for (size_t i = 0; i < sv.n; i++)
		if (sv.v[i].kind == SCRUB_LOCATION || sv.v[i].kind == SCRUB_SAFE_TIME) {
			fprintf(stderr, "  unexpected %s %s [%.*s]\n", scrub_kind_name(sv.v[i].kind),
				sv.v[i].rule, (int)(sv.v[i].end - sv.v[i].start), s + sv.v[i].start);
			n++;
		}
	spans_free(&sv);
	cr_assert_eq(n, 0, "no whereabouts expected in: %s", s);
}

/* s19-over: his kin's place ("moved to his mum's", "bailed to his
 * brother's in <Town>", "now at his brother's") is where he is, as "he
 * remains at" is; with her, the children, or a place of her kin's in the
 * sentence it is still withheld. */
Test(place, s19_his_kins_place_is_his)
{
	expect_no_location("Husband moved to his mum's in Quellby.");
	expect_no_location("Bailed on 03/04 to his brother's in Quellby.");
	expect_no_location("Traced 0410 at his cousin's in Quellby and arrested.");
	expect_no_location("Husband left in May (currently at his brother's).");
	expect_span("She moved to his mum's in Quellby.", LOC, SCRUB_LOCATION,
		    "She moved to his mum's in Quellby.");
	expect_span("He took the children to his mum's in Quellby.", LOC, SCRUB_LOCATION,
		    "He took the children to his mum's in Quellby.");
	expect_span("He moved to her mum's in Quellby.", LOC, SCRUB_LOCATION,
		    "He moved to her mum's in Quellby.");
}

/* s19-over: a range of weeks is no window ("6-8 wk check"); a child's
 * contact session with a parent is no contact with her; "Next contact:"
 * then only a date is the agencies' next date. A window of hours, her
 * contact number, a time of day after the label stay safe times. */
Test(place, s19_weeks_sessions_and_next_dates)
{
	expect_no_location("HV (Quellby FT): 6-8 wk check done, all fine.");
	expect_no_location("Birth visit 02/03/26, then the 6-8 week review on 14/04/26.");
	expect_no_location("Dad's contact is supervised at the contact centre on Fridays.");
	expect_no_location("Next contact: Thurs 3 Dec.");
	expect_span("Visit 10-12 weekdays.", LOC, SCRUB_SAFE_TIME, "Visit 10-12 weekdays.");
	expect_span("Mum's contact number is the safe one, after 6pm.", LOC, SCRUB_SAFE_TIME,
		    "Mum's contact number is the safe one, after 6pm.");
	expect_span("Next contact: tues pm.", LOC, SCRUB_SAFE_TIME, "Next contact: tues pm.");
	expect_span("Next contact: Tue 14/04 at work.", LOC, SCRUB_SAFE_TIME,
		    "Next contact: Tue 14/04 at work.");
}

/* s19-over: "via" a court or Cafcass is the court's process, no route of
 * hers; "via <Name> Court Road" is a street, and a route. */
Test(place, s19_via_a_court_is_no_route)
{
	expect_no_location("Contact for the twins via Quellby Family Court - handovers are tense.");
	expect_span("She goes to her mum's via Quellby Court Road every Monday.", LOC, SCRUB_LOCATION,
		    "She goes to her mum's via Quellby Court Road every Monday.");
	expect_span("She walks the kids to school via the park at 8.40.", LOC, SCRUB_LOCATION,
		    "She walks the kids to school via the park at 8.40.");
}

/* s19-over: someone's then an event or a part of the body is no home of
 * theirs ("at <Name>'s rugby match", "a knife to mum's throat"); someone's
 * alone, or before a dwelling, still is. */
Test(place, s19_someones_event_or_body_is_no_home)
{
	expect_no_location("Ex-husband breached non-mol 14/11 at Tamsin's rugby match (shouted at her).");
	expect_no_location("Petra disclosed that Rolo held a knife to mum's throat on 15/11.");
	expect_span("She is at her mum's.", LOC, SCRUB_LOCATION, "She is at her mum's.");
	expect_span("She is staying at Jo's on Friday.", LOC, SCRUB_LOCATION,
		    "She is staying at Jo's on Friday.");
}

/* s19-work: a firm's town after a comma ending a line ("Kwik Tyres,\n
 * Quellby") is its branch as on one line; a capitalised label on the next
 * line ("...,\nGP: known") is no town. */
Test(place, s19_trailing_town_after_a_wrapped_comma)
{
	expect_span("He works at Quellby Roofing,\nTolvenny and is there daily.", 0, SCRUB_PLACE,
		    "Quellby Roofing,\nTolvenny");
	expect_span("He works at Quellby Roofing,\nGP: known.", 0, SCRUB_PLACE, "Quellby Roofing");
}

/* s19-work: a business named in apposition after the word for its kind
 * ("a roofing firm,\n<Name> Roofing, <Town>", "his uncle's restaurant,
 * <Name>, <Street>"); a word for a kind of business with no article or
 * owner before it, or an agency after it, is not. */
Test(place, s19_business_named_after_its_kind)
{
	expect_span("He works for a roofing firm,\nQuellby Brothers, Tolvenny - boss unaware.", 0, SCRUB_PLACE,
		    "Quellby Brothers, Tolvenny");
	expect_span("Arrested at his uncle's restaurant, Quellby Garden, Tolvenny Road.", 0, SCRUB_PLACE,
		    "Quellby Garden, Tolvenny Road");
	expect_none("Items: shop, Tuesday list.", 0);
	expect_none("Referred by the office, Tolvenny Council, on Monday.", 0);
}

/* s19-work: the rule's cue repeated with no stop: linear. */
Test(place, s19_business_apposition_costs_linear_time)
{
	static const char *const cue[] = {"his uncle's restaurant, Quellby ", "a firm, the "};
	lg_assert_linear(place_loc, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s19-work: where a business is, after the word for its kind ("(roofing
 * firm in <Town>)", "a firm based at <Estate>", "a building site in
 * <Town>"); "the garage at <Chain>" names the business, and a court after
 * "in" is no town. */
Test(place, s19_town_after_a_business_word)
{
	expect_span("He works away (roofing firm in Quellby) and comes home.", 0, SCRUB_PLACE, "Quellby");
	expect_span("He drives for a courier firm based at Tolvenny.", 0, SCRUB_PLACE, "Tolvenny");
	expect_span("He labours on a building site in Quellby.", 0, SCRUB_PLACE, "Quellby");
	expect_none("The tracker was found by the garage at Quellfords.", 0);
}

/* s19-work: the rule's cue repeated with no stop: linear. */
Test(place, s19_town_after_a_business_word_costs_linear_time)
{
	static const char *const cue[] = {"firm based at Quellby ", "site in the "};
	lg_assert_linear(place_loc, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s19-work: a works named by its maker ("the <Maker> plant, <Town>", "waits
 * outside <Maker> <Town> plant"); "Plant" capitalised is Welsh for children
 * (an agency's name), and a plant with no name before it is none. */
Test(place, s19_works_named_by_its_maker)
{
	expect_span("Arrested at the Quellby Brant\nplant, Tolvenny; bailed.", 0, SCRUB_PLACE,
		    "Quellby Brant\nplant, Tolvenny");
	expect_span("He waits outside Quellby Tolvenny plant most days.", 0, SCRUB_PLACE, "Quellby Tolvenny plant");
	expect_none("Referred to Gwasanaethau Plant on Monday.", 0);
	expect_none("She bought a plant for the flat.", 0);
}

/* s19-work: more kinds of business a firm is named after ("<Name> Hand Car
 * Wash", "<Name> Rug Gallery", "<Name> Civils"); a generic one
 * ("Recruitment") needs a name before it. */
Test(place, s19_more_business_kinds)
{
	expect_span("He runs a car wash (Quellby Hand Car Wash, Tolvenny Road).", 0, SCRUB_PLACE,
		    "Quellby Hand Car Wash, Tolvenny Road");
	expect_span("His partner (Quellby Rug Gallery, Tolvenny) has asked around.", 0, SCRUB_PLACE,
		    "Quellby Rug Gallery, Tolvenny");
	expect_none("Staff did Safer Recruitment training.", 0);
}

/* s19-work: "<Word> Hand Car Wash" after any capitalised word, its street
 * after a wrapped comma; a hand wash in lower case is none. */
Test(place, s19_car_wash_after_any_word)
{
	expect_span("brought here to work at a car wash (Glossy Hand Car Wash,\nQuellby Lane); unpaid.", 0,
		    SCRUB_PLACE, "Glossy Hand Car Wash,\nQuellby Lane");
	expect_none("Staff to hand wash the bedding.", 0);
}

/* s19-work: the ward after a hospital someone works at, with its side
 * ("Ward 3 North") or in brackets ("(Ward 24)"); a bracket holding a
 * count stays. */
Test(place, s19_ward_with_its_side_or_in_brackets)
{
	expect_span("Her sister is a nurse at Quellby Area Hospital, Ward 3 North; her partner knows.", 0,
		    SCRUB_PLACE, "Quellby Area Hospital, Ward 3 North");
	expect_span("She works nights as a nurse at Quellby City Hospital (Ward 24), so he is alone.", 0,
		    SCRUB_PLACE, "Quellby City Hospital (Ward 24)");
	expect_span("She works nights as a nurse at Quellby City Hospital (3 nights), so he is alone.", 0,
		    SCRUB_PLACE, "Quellby City Hospital");
}

/* s19-work: firms named after what they sell ("<Name> Sweets", "<Name>
 * Foods", "<Name> Fabrics"); "Supplies" and "Properties" only after a
 * name-like word. */
Test(place, s19_firms_named_after_their_goods)
{
	expect_span("He works at Quellby Sweets on Tolvenny Road most days.", 0, SCRUB_PLACE,
		    "Quellby Sweets on Tolvenny Road");
	expect_span("She packs for Quellby Foods, Tolvenny.", 0, SCRUB_PLACE, "Quellby Foods, Tolvenny");
	expect_none("She asked for Medical Supplies at the desk.", 0);
}

/* s19-work: a workplace in brackets after "workplace", lower-case words
 * first ("(the fish dock, <Name> Market)"); a bracket naming an agency, or
 * with no name, stays. */
Test(place, s19_workplace_bracket_read_whole)
{
	expect_span("Arrested 18:40 at his workplace (the fish dock, Quellby Fish Market).", 0, SCRUB_PLACE,
		    "the fish dock, Quellby Fish Market");
	expect_none("Seen at his workplace (the Police were called).", 0);
	expect_none("Seen at his workplace (nights only).", 0);
}

/* s19-work: the town of a practice someone works at ("a GP partner at a
 * practice in <Town>"); "in practice" is no place. */
Test(place, s19_town_of_a_practice)
{
	expect_span("Husband is a GP partner at a practice in Quellby Wells.", 0, SCRUB_PLACE, "Quellby Wells");
	expect_none("In practice Tolvenny agreed.", 0);
}

/* s19-work: "café" with its accent is the word "cafe"; "Café" alone at a
 * sentence's start with no name before it is none. */
Test(place, s19_cafe_with_its_accent)
{
	expect_span("Arrested at the Quellby café today.", 0, SCRUB_PLACE, "Quellby café");
	expect_span("He runs a shisha café, the Tolvenny Nights.", 0, SCRUB_PLACE, "Tolvenny Nights");
	expect_none("Café visits stopped.", 0);
}

/* s19-work: a capitalised modifier of a firm placed by its town goes with
 * it ("a Quellbian delivery firm based at <Estate>"); a firm with no town
 * keeps its modifiers. */
Test(place, s19_capitalised_modifier_of_a_placed_firm)
{
	expect_span("He drives for a Quellbian delivery firm based at Tolvenny.", 0, SCRUB_PLACE,
		    "Quellbian delivery firm");
	expect_none("He drives for a Quellbian delivery firm now.", 0);
}

/* s19-work: a single capital and a full stop after a number (an NI
 * number's last letter) is no firm's initial: "... 56 C. Café staff" keeps
 * "Café"; "J.P. Plastering" still is a firm. */
Test(place, s19_ni_letter_is_no_initial)
{
	expect_none("Noted: QQ 12 34 56 C. Café staff reported raised voices.", 0);
	expect_span("He works for J.P. Plastering now.", 0, SCRUB_PLACE, "J.P. Plastering");
}

/* s19: a nation in an Act's brackets ("Domestic Abuse (Scotland) Act") is
 * the Act's name, never a workplace or a place. */
Test(place, s19_a_nation_in_an_acts_brackets)
{
	expect_none("Police to consider Domestic Abuse (Scotland) Act 2018 charge.", 0);
}

/* s19: after attend, a national service or programme the lexicon allows
 * by name ("Attending Talking Therapies") is no school; a school after it,
 * or an allowed name after "at" as her workplace, still goes. */
Test(place, s19_attending_an_allowed_service)
{
	expect_none("Health: Attending Talking Therapies.", 0);
	expect_span("Jack attends Quellby Hill Primary.", 0, SCRUB_PLACE, "Quellby Hill Primary");
}

/* s20: "text mum first", "ring her sister first": she is reached through
 * her kin before her, a safe route; "text the first reply" names no one. */
Test(place, s20_text_her_kin_first)
{
	expect_sentence("That is mum's mobile, text mum first.", SCRUB_SAFE_TIME);
	expect_sentence("Ring her sister first.", SCRUB_SAFE_TIME);
	expect_none("Text the first reply to the duty desk.", LOC);
	expect_none("School will not release him without calling mum first.", LOC);
}

/* s20: a firm's own name in brackets right after a place is the same
 * place ("a scaffolding firm in <Town> (<Firm> Scaffolding)"); an acronym
 * in brackets ("Out-of-hours GP (IC24)") is a service's, and a lower-case
 * aside is what is said about it. */
Test(place, s20_a_firms_name_in_brackets)
{
	expect_span("He drives for a scaffolding firm in Tolvenny (Quell Scaffolding).", 0,
		    SCRUB_PLACE, "Tolvenny (Quell Scaffolding)");
	expect_span("He drives for a scaffolding firm in Tolvenny (QX24).", 0, SCRUB_PLACE,
		    "Tolvenny");
	expect_span("He drives for a scaffolding firm in Tolvenny (since May).", 0, SCRUB_PLACE,
		    "Tolvenny");
}

/* s20-over: "has been with <Name> 10 years" is how long they have been
 * together, as "was with <Name> for 9 years" is; with a place after it,
 * or a day, where she is. */
Test(place, s20_been_with_someone_for_years)
{
	expect_none("Donna has been with Gary 10 years.", LOC);
	expect_none("Donna was with Gary Quill for 9 years.", LOC);
	expect_span("She has been with Gary since Monday.", LOC, SCRUB_LOCATION,
		    "She has been with Gary since Monday.");
}

/* s20-over: after "address:", a date in full is a log of calls to it, no
 * address; a Scots flat's number ("12/3") or a house number still is one. */
Test(place, s20_a_date_after_address_is_a_log)
{
	expect_none("Calls to address: 11/06/2024 (concern for welfare), 02/02/2026 (NFA).", LOC);
	expect_span("Previous address: 12/3 Oak Row.", LOC, SCRUB_LOCATION,
		    "Previous address: 12/3 Oak Row.");
}

/* s21-never: an appointment booked under a cover name ('as a "..."') is
 * how she can be seen without him knowing: a safe contact. A quoted
 * name without a booking word, or a booking "as urgent", is none. */
Test(place, s21_an_appointment_under_a_cover_name)
{
	expect_sentence("Booked her next visit as a \"smear recall\".", SCRUB_SAFE_TIME);
	expect_sentence("Appointment made at the clinic as an \"eye test\".", SCRUB_SAFE_TIME);
	expect_none("Appointment booked as urgent for Tuesday.", LOC);
	expect_none("Offence recorded as a \"common assault\".", LOC);
}

/* s21-never: the cover-name cue repeated with no stop: linear. */
Test(place, s21_cover_name_costs_linear_time)
{
	static const char *const cue[] = {"booked as a \"", "appt as an 'x "};
	lg_assert_linear(place_loc, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s21-never: her next appointment at a named place with its date is where
 * she will be; with no place, a past visit, or a clock only, it is none. */
Test(place, s21_next_appointment_at_a_named_place)
{
	expect_sentence("Next ANC: Quellby Family Hub 14/05.", SCRUB_LOCATION);
	expect_sentence("Next appointment at Brannoc Health Centre 2 June.", SCRUB_LOCATION);
	expect_sentence("HV to review in clinic at Tolvenny Hall 17/03 11:00.", SCRUB_LOCATION);
	expect_none("Next review: Tues 12/03.", LOC);
	expect_none("Next appointment at 10:30 on 12/03.", LOC);
	expect_none("Next MARAC 12/03.", LOC);
	expect_none("Seen in clinic at Quellby Family Hub 17/03.", LOC);
}

/* s21-never: the next-appointment cue repeated with no stop: linear. */
Test(place, s21_next_appointment_costs_linear_time)
{
	static const char *const cue[] = {"next anc at Quellby ", "to review in clinic at "};
	lg_assert_linear(place_loc, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s21-never: where at her work she can take calls unheard is a route to
 * her; his calls, or calls from someone, are none. */
Test(place, s21_she_can_take_calls_at_work)
{
	expect_sentence("Her manager will let her take calls in the office.", SCRUB_SAFE_TIME);
	expect_sentence("She can take calls at work.", SCRUB_SAFE_TIME);
	expect_none("He takes calls in the office.", LOC);
	expect_none("She would not take calls from him.", LOC);
}

/* s21-never: the take-calls-at-work cue repeated with no stop: linear. */
Test(place, s21_calls_at_work_costs_linear_time)
{
	static const char *const cue[] = {"let her take calls in the office ", "she take calls at "};
	lg_assert_linear(place_loc, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s21-never: a private talk someone will arrange is how the victim can
 * safely be spoken to; one that was had, or a private landlord, is none. */
Test(place, s21_a_private_talk_arranged)
{
	expect_sentence("Staff will facilitate a private conversation there.", SCRUB_SAFE_TIME);
	expect_sentence("The pharmacist can offer her a private word.", SCRUB_SAFE_TIME);
	expect_none("Officer had a private conversation with him.", LOC);
	expect_none("She rents from a private landlord.", LOC);
}

/* s21-never: the private-talk cue repeated with no stop: linear. */
Test(place, s21_private_talk_costs_linear_time)
{
	static const char *const cue[] = {"facilitate a private ", "offer private word "};
	lg_assert_linear(place_loc, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
}

/* s21-never: a child's year group in brackets before "at", "Yr 3" before
 * "at", and a saint's school a child left name the school; an age that is
 * no year group, or a saint's road, does not. */
Test(place, s21_year_groups_and_a_school_left)
{
	expect_span("Education: Toby (Y4) and Nell (Rec) at Quellby Vale.", 0, SCRUB_PLACE,
		    "Quellby Vale");
	expect_span("EDUCATION: Toby Yr 3 at Brannoc Fields, attendance 87%.", 0, SCRUB_PLACE,
		    "Brannoc Fields");
	expect_span("Education: Nell left St Oswin's 03/03.", 0, SCRUB_PLACE, "St Oswin's");
	expect_none("Dad (Rover) at home.", 0);
	expect_none("He left St Ives harbour at noon.", 0);
}

/* s21-never: her hours as a range of figures between "works" and "at"
 * ("works 6-2 at <Firm>, <Town>") do not hide the workplace; a date or a
 * count after "works" is no workplace cue. */
Test(place, s21_works_hours_then_at)
{
	expect_span("She works 6-2 at Quellby Dairies, Tolvenny and gets the bus.", 0, SCRUB_PLACE,
		    "Quellby Dairies, Tolvenny");
	expect_none("The plan works 2 days a week.", 0);
}

/* s21-never: "owner of <Firm>, <Town>" names a business where its owner
 * (and here she, his employee) is found; "owner of a <Make>" is a car. */
Test(place, s21_owner_of_a_business)
{
	expect_span("Came in with her employer (Mr Quell, owner of Quell's Packing, Tolvenny).", 0,
		    SCRUB_PLACE, "Quell's Packing, Tolvenny");
	expect_none("He is the registered owner of a Ford Focus.", 0);
}

/* s21-never: a house number alone after a spaced dash ends the clause as
 * after a comma; a range or a count with a dash is none. */
Test(place, s21_house_number_after_a_dash)
{
	expect_span("Her brother lives 2 doors away - no. 41.", 0, SCRUB_ADDRESS, "no. 41");
	expect_none("Scored it no-1 of 5.", 0);
}

/* s23: to work with a service ("agreed to work with <Service>", "will work
 * with") is to take its help; "works with <Firm>" is still her job. */
Test(place, s23_work_with_a_service_is_no_job)
{
	expect_none("You agreed to work with Talk It Through (domestic abuse support).", 0);
	expect_none("She will work with Safer Places.", 0);
	expect_span("Her mum works with Quellby Foods in Tolvenny.", 0, SCRUB_PLACE,
		    "Quellby Foods in Tolvenny");
}

/* s23-over: "school run" as the topic of a safety-planning action, with
 * only its owner and date after it, says neither where nor when she goes;
 * with a clock, a place or a routine after it, or after "Safety plan:", it
 * is her route as before. */
Test(place, s23_safety_plan_re_school_run)
{
	expect_no_location("IDVA to safety plan re school run - owner Quellby IDVA - due 27/11.");
	expect_no_location("6.3 IDVA - safety plan school run incl. taxi - 03/12");
	expect_no_location("My action: safety plan school run by 6/12.");
	expect_sentence("IDVA to safety plan re school run 8.30-9 from Tolvenny.", SCRUB_LOCATION);
	expect_sentence("IDVA to safety plan re school run by bus from Tolvenny.", SCRUB_LOCATION);
	expect_sentence("Safety plan: school run 8.30 via the 49 bus.", SCRUB_LOCATION);
}

/* s23-over: "refuge" as the kind of a referral ("Refuge referral -
 * outcome", "REFUGE REFERRAL FORM") is the agencies' process, no refuge
 * she is in; a refuge named right after "to", or reached in the next
 * sentence, still is. */
Test(place, s23_refuge_referral_is_a_process)
{
	expect_no_location("Subject: RE: Refuge referral - S.B. - ref HOM/26/8812");
	expect_no_location("REFUGE REFERRAL (national helpline) - completed by Elbury IDVA Service");
	expect_sentence("Refuge referral to Quellby refuge in Tolvenny.", SCRUB_LOCATION);
	expect_span("Refuge referral - DONE. Victim in refuge out of area since 20/01.", LOC,
		    SCRUB_LOCATION, "Victim in refuge out of area since 20/01.");
}

/* s24: a street after a comma or a bracket that follows a court, a police
 * station or an agency's office is that building's address, no one's home;
 * a street after a building with no agency's word ("Grange Court") still is
 * an address. */
Test(place, s24_agency_building_and_its_street)
{
	expect_none("Reports to Tolvenny probation office, Avenue Road on Mondays.", LOC);
	expect_none("Trial at Quellby Crown Court (Minshull Street) on 4 May.", LOC);
	expect_none("Hearing at Tolvenny Magistrates' Court, Princes Street, 10am.", LOC);
	expect_none("Seen at Elbury IDVA office,\nConway Street.", LOC);
	expect_none("ABE interview at the Quellby ABE suite, Lambeth Road.", LOC);
	expect_none("Appointment at Tolvenny CAMHS, Carminow Road on 2 April.", LOC);
	expect_span("She moved to Grange Court, Elm Road last week.", LOC, SCRUB_ADDRESS,
		    "Grange Court, Elm Road");
	expect_span("Her sister lives at 4 Holly Court, Elm Road.", 0, SCRUB_ADDRESS,
		    "4 Holly Court, Elm Road");
}

/* s24: the town before a public service's office or a court is no school
 * or club attended ("attended <Town> probation office", a court's name
 * wrapped over a line); the nursery or family centre she attends still is a
 * place. */
Test(place, s24_attends_an_office_or_a_court)
{
	expect_none("He attended Tolvenny probation office on Monday.", LOC);
	expect_none("Released to his mother's; attending Quellby\nCrown Court on 20 June for breach.", LOC);
	expect_span("Lily attends Tolvenny Family Centre on Mondays.", 0, SCRUB_PLACE,
		    "Tolvenny Family Centre");
	expect_span("Lily attends Quellby Nursery.", 0, SCRUB_PLACE, "Quellby Nursery");
}

/* s24: an occupation order is a court order, a key-work session a meeting
 * with her key worker: neither names anyone's work; a job at a firm still
 * does. */
Test(place, s24_occupation_order_and_key_work_are_no_job)
{
	expect_none("Occupation order refused at Quellby County Court; non-mol granted.", 0);
	expect_none("Key work session at Tolvenny Recovery Hub on 5 Feb.", 0);
	expect_span("She is a key worker at Quellby Foods.", 0, SCRUB_PLACE, "Quellby Foods");
}

/* s24: a party's solicitors under their label are named as agencies are;
 * a firm where she works is still her workplace. */
Test(place, s24_a_partys_solicitors_are_kept)
{
	expect_none("Applicant's solicitors: Quellby Lane LLP, ref JO/2025/0881.", 0);
	expect_none("Her solicitors, Tolvenny Hart LLP, applied on 3 May.", 0);
	expect_span("She works at Quellby Lane LLP.", 0, SCRUB_PLACE, "Quellby Lane LLP");
}

/* s24: a spreadsheet pasted as comma-separated rows: the address cell is
 * an address, its house number glued to the comma; the next row's first
 * cell is no town of it. */
Test(place, s24_csv_rows_keep_their_cells)
{
	const char *s = "NAME,REF,ADDRESS\nHART Jason,X1,22 MOOR LANE TOLVENNY\nROSS Dean,X2,Flat 4, Elm House";
	expect_span(s, 0, SCRUB_ADDRESS, "22 MOOR LANE TOLVENNY");
	expect_span("Ref,Address,Agency\nA1,14 Tern Walk,Police", 0, SCRUB_ADDRESS, "14 Tern Walk");
}

/* s24: a form pasted as "Label: value" lines: each line after a label line
 * is a statement of its own, so where she is withholds its own line and
 * not the victim's name or the risk level around it; a label ending its
 * line still takes the value on the next. */
Test(place, s24_form_lines_are_statements)
{
	const char *s = "Victim name: Tolvenny Quell\nCurrent address: Flat 2, 19 Heron Court, Quellby\n"
			"Risk level: HIGH (DASH 18)";
	expect_span(s, LOC, SCRUB_LOCATION, "Current address: Flat 2, 19 Heron Court, Quellby");
	expect_sentence("Staying at:\nFlat 2, 19 Heron Court, Quellby", SCRUB_LOCATION);
	expect_span("Place of work: Asda, Quellby Road\nOccupation: cleaner", 0, SCRUB_PLACE,
		    "Asda, Quellby Road");
}

/* s24-over: the street after a court by its kind, a police station or a
 * probation, IDVA, council or housing office ("<Town> probation office,
 * <Street>", "<Town> Crown Court (<Street>)") is where that building stands,
 * no one's address; a block of flats named "<Name> Court" still is one. */
Test(place, s24_street_of_a_court_or_office_is_no_address)
{
	expect_none("Supervision: reporting weekly at Quellby probation office, Avenue Road.", 0);
	expect_none("Return date 16 October at Quellby Combined Court, Tolvenny Road.", 0);
	expect_none("Made at Quellby Crown Court (Minster Street) on 4 December.", 0);
	expect_none("Reports to Quellby police station, Elm Road daily.", 0);
	expect_span("He must not go to Flat 7, Ambrose Court, Mill Road.", 0, SCRUB_ADDRESS,
		    "Flat 7, Ambrose Court, Mill Road");
}

/* s26: a house number and a street's name with no street type, then a
 * town ending the clause ("of 5 Ashvale, Tredegar", "attended 7 Maesglas,
 * Newport"), is an address; a postcode district alone after an address's
 * town ("Haworth Road\nBingley BD16") goes with it. A number and a name
 * that a town does not follow is not. */
Test(place, s26_number_name_town_and_district)
{
	expect_span("The tenant of 5 Ashvale, Tredegar, reported noise.", 0, SCRUB_ADDRESS,
		    "5 Ashvale, Tredegar");
	expect_span("Police attended 7 Maesglas, Newport.", 0, SCRUB_ADDRESS, "7 Maesglas, Newport");
	expect_span("Mum's mother Glenys Price of 5 Ashvale, Tredegar supportive.", 0, SCRUB_ADDRESS,
		    "5 Ashvale, Tredegar");
	expect_span("Flat 11, Ashgrove House\nHaworth Road\nBingley BD16\nAccount: 4002", 0,
		    SCRUB_ADDRESS, "Flat 11, Ashgrove House\nHaworth Road\nBingley BD16");
	expect_none("He served 3 Years, Cardiff Crown Court.", 0);
	expect_none("Scored 5 Amber, then Red.", 0);
}

/* s26: "where IP works" in a police log's capitals names her workplace as
 * "where she works" does, back over the comma and the site's gate; "Prim"
 * is a primary school's short form ("<Name> Comm Prim"). */
Test(place, s26_where_ip_works_and_prim)
{
	expect_span("Loc: outside Felixstowe Port gate 2, where IP works\nSusp seen.", 0, SCRUB_PLACE,
		    "Felixstowe Port gate 2");
	expect_span("She was seen at Tesco Extra, where she works.", 0, SCRUB_PLACE, "Tesco Extra");
	expect_none("Attended 12/11, where IP was spoken to.", 0);
	expect_span("Child attends Beech Hill Comm Prim, Y3.", 0, SCRUB_PLACE, "Beech Hill Comm Prim");
}

/* s26: a public library where professionals meet ("Core group first
 * meeting 27/11 at <Name> Library", "Venue <Name> Library", "Met <Name> at
 * <Name> Library") is chosen because it is public and no one's, kept as
 * "Met at <Name> Library" is; a library where she works, goes or fled stays
 * withheld. */
Test(place, s26_library_as_a_meeting_venue)
{
	expect_none("Decision: CP Plan. Core group first meeting 27/11/2026 at Winsford Library.", 0);
	expect_none("CORE GROUP\nDate 26/11/2026   Venue Beaumont Leys Library\nAttendees: SW", 0);
	expect_none("Met Maria at Great Yarmouth Library with Portuguese interpreter.", 0);
	expect_span("She goes to Kirkdale Library every Tuesday.", 0, SCRUB_PLACE, "Kirkdale Library");
	expect_span("She fled to Kirkdale Library that night.", 0, SCRUB_PLACE, "Kirkdale Library");
}

/* s26: a council's own hall ("<Town> Civic Hall", "City Hall", "County
 * Hall"), where MARACs and hearings sit, is kept as "<Town> Town Hall" is,
 * neither an address nor a venue; where she works there, the workplace. */
Test(place, s26_civic_and_city_halls)
{
	expect_none("MARAC held on 12/11/2026 at Leeds Civic Hall; actions agreed.", 0);
	expect_none("MARAC held at Bradford City Hall; actions agreed.", 0);
	expect_span("She works at County Hall in Wakefield.", 0, SCRUB_PLACE, "County Hall in Wakefield");
	expect_span("She moved to 3 Town Hall Street, Keighley.", 0, SCRUB_ADDRESS,
		    "3 Town Hall Street, Keighley");
}

/* s26: "attended A&E at St James's", "attended ED at St Thomas'": a
 * hospital's emergency department named by the hospital, kept as a
 * hospital she attended is; a child attending "St Mary's RC Primary" is
 * still a school. */
Test(place, s26_emergency_department_at_a_saints_hospital)
{
	expect_none("She attended A&E at St James's on 3 November with a head injury.", 0);
	expect_none("She attended ED at St Thomas' last night.", 0);
	expect_span("Her son attends St Mary's RC Primary.", 0, SCRUB_PLACE, "St Mary's RC Primary");
}

/* s26: the kind of school alone before its safeguarding lead ("School DSL
 * reports ...", "Nursery SENCO aware") names no school; "Moorside First
 * DSL" still does. */
Test(place, s26_school_dsl_names_no_school)
{
	expect_none("School DSL reports the children were late three times last week.", 0);
	expect_none("Nursery SENCO aware.", 0);
	expect_span("Present: SW, Moorside First DSL (Mrs Kay), HV.", 0, SCRUB_PLACE, "Moorside First");
}

/* s26: a known town alone after a comma, then any word in lower case, is
 * the workplace's or the school's town ("Park Lane Primary, Leeds according
 * to mum"). */
Test(place, s26_known_town_then_lower_case)
{
	expect_span("Her son attends Park Lane Primary, Leeds according to mum.", 0, SCRUB_PLACE,
		    "Park Lane Primary, Leeds");
	expect_span("Her son is a paramedic (SWAST, Exeter hub) now.", 0, SCRUB_PLACE, "SWAST, Exeter hub");
}

/* s27: a hotel's town right after its name says which one, and its room
 * after a comma is part of it ("PREMIER INN QUELLBY, ROOM 118"). */
Test(place, s27_hotel_with_its_town_and_room)
{
	expect_span("Night shift at the Premier Inn Quellby, room 118 is hers.", 0, SCRUB_PLACE,
		    "Premier Inn Quellby, room 118");
	expect_span("She cleans at the Quellby Hotel, Room 4 on Fridays.", 0, SCRUB_PLACE,
		    "Quellby Hotel, Room 4");
}

/* s27: after "works at", what a firm makes may come between its name and
 * the kind of place ("the Sun Valley chicken factory"), and a day's short
 * form opening a name is no day ("Sun Valley"). */
Test(place, s27_firm_with_its_goods_before_the_kind_of_place)
{
	expect_span("IP works at the Sun Valley chicken factory, nights with suspect.", 0, SCRUB_PLACE,
		    "Sun Valley chicken factory");
	expect_span("IP works at the Quellby Valley factory, days.", 0, SCRUB_PLACE,
		    "Quellby Valley factory");
	expect_none("He saw a Facebook page about her.", 0);
}

/* s27: a bare house number and a street's name after a relative named
 * ("his mother <Name> at 42 <Name> Run"); a number alone there is a time. */
Test(place, s27_relative_by_name_at_a_house_number)
{
	expect_span("Dad to live with his mother Brenda at 42 Quellby Run.", 0, SCRUB_ADDRESS,
		    "42 Quellby Run");
	expect_none("Collected by her sister Amy at 5.", 0);
}

/* s28: what the writer says of the job after a workplace, in a list ending
 * the sentence, with a name or a number in it (", nights" alone stays); the
 * town after "her workplace" and its kind; a trailer's pitch. */
Test(place, s28_job_details_workplace_town_and_pitch)
{
	expect_span("Client works at Luton Airport, Swissport baggage, shifts. Wants wages moved.", 0,
		    SCRUB_PLACE, "Luton Airport, Swissport baggage, shifts");
	expect_span("Dad works at Tolvenny Dockyard, nights.", 0, SCRUB_PLACE, "Tolvenny Dockyard");
	expect_span("He is an engineer at RAF Quellby, RAF Police informed.", 0, SCRUB_PLACE,
		    "RAF Quellby");
	expect_span("New card to her workplace office in Barking, hardship fund.", 0, SCRUB_PLACE,
		    "Barking");
	expect_span("Scene: trailer on pitch 6. Pt on floor.", 0, SCRUB_ADDRESS, "pitch 6");
	/* a line's end ends the list (a table's row) */
	expect_span("Mother's work\tQuellby Foods, checkouts, 2-10\nContact\tmobile", 0, SCRUB_PLACE,
		    "Quellby Foods, checkouts, 2-10");
}

/* s28: a record of a call that happened is no window for calls: "call log
 * <date> 14:07-14:41" keeps its times. */
Test(place, s28_call_log_times_are_the_record)
{
	expect_none("National DA Helpline - call log 09/02/2027 14:07-14:41.", PLACE_F_LOCATION);
}

/* s28: typed in lower case, a chain's shop after "works" and the town
 * after it; a lower-case word that is no chain stays. */
Test(place, s28_lower_case_chain_workplace)
{
	expect_span("works weekends in the basildon greggs, town square.", 0, SCRUB_PLACE,
		    "basildon greggs");
	expect_span("she works at the asda in huyton, tills.", 0, SCRUB_PLACE, "asda in huyton");
	expect_none("she works at the weekend in the garden.", 0);
}

/* s28: a Welsh-medium school written short, "YGG" or "YG" before its name */
Test(place, s28_welsh_medium_school_short)
{
	expect_span("Education: Nia at YGG Tan-y-lan, attendance fine.", 0, SCRUB_PLACE, "YGG Tan-y-lan");
	expect_span("Kids at YG Gwynllyw now.", 0, SCRUB_PLACE, "YG Gwynllyw");
}

/* s28: before "where she works", one or two lower-case words of the part
 * after the workplace's name */
Test(place, s28_part_of_a_workplace_before_where_she_works)
{
	expect_span("Husband appeared at the Quellby Lewis perfume counter where she works.", 0,
		    SCRUB_PLACE, "Quellby Lewis perfume counter");
	/* "worked" with no preposition, as "works <Airport>" */
	expect_span("V worked Quellby cruise terminal cafe, Ocean Village.", 0, SCRUB_PLACE,
		    "Quellby cruise terminal cafe, Ocean Village");
	expect_none("He worked Christmas Day.", 0);
	/* an employment label with a dash for its colon */
	expect_span("Employment - Quellby Foods (packing), Sutton Bridge, 6am-2pm.", 0, SCRUB_PLACE,
		    "Quellby Foods (packing), Sutton Bridge, 6am-2pm");
}

/* s29: a public body's own word before a comma and a street ("<Town>
 * Probation, <street>"), the council's own building ("Civic Centre, <street>"),
 * and a court or a force's headquarters named by its street: public
 * buildings, no one's home. A refuge provider's name before a street is no
 * public body, and a street after her kin still is an address. */
Test(place, s29_public_body_and_its_street)
{
	expect_none("Reports to Tolvenny Probation, Albion St every Tuesday.", LOC);
	expect_none("Meeting at the Civic Centre, Castle Street at 2pm.", LOC);
	expect_none("Interview at Council House, Corporation St, 10.30.", LOC);
	expect_none("Appeal listed at the Bishop Street courthouse on 4 May.", LOC);
	expect_none("Statement taken at the Grey Street police HQ.", 0);
	expect_span("Referred to Tolvenny Women's Aid, Albion Street.", 0, SCRUB_ADDRESS, "Albion Street");
	expect_span("Her sister's house, Albion Street, is where she goes.", 0, SCRUB_ADDRESS,
		    "Albion Street");
}

/* s29: "Refuge" capitalised before "Trust", "tech" ...: an organisation or
 * its service, no stay; a stay in its refuge still is one. */
Test(place, s29_refuge_trust_is_an_organisation)
{
	expect_none("Police to liaise with Tolvenny Refuge Trust solicitor.", LOC);
	expect_none("Gave her the Refuge tech safety guide.", LOC);
	expect_span("She is now in a Tolvenny Refuge Trust refuge.", LOC, SCRUB_LOCATION,
		    "She is now in a Tolvenny Refuge Trust refuge.");
}

/* s29: a letter's greeting line is no part of a firm's name on the next
 * line ("Dear Zoe\n<Name>'s solicitors have applied"); a firm's name on
 * one line still is a place. */
Test(place, s29_greeting_line_is_not_a_firms_name)
{
	expect_none("Dear Zoe\nOwain's solicitors have applied for an order.", 0);
	expect_span("She now works at Quellby Fencing Supplies, tills.", 0, SCRUB_PLACE,
		    "Quellby Fencing Supplies, tills");
	expect_span("Dear Zoe\nQuellby Fencing Supplies have written.", 0, SCRUB_PLACE,
		    "Quellby Fencing Supplies");
}

/* s30: the MARAC a case is transferred to names where she now lives; the
 * case's own MARAC, a transfer in to the writer's, an unnamed receiving
 * area and an e-mail's "To:" are no such place. */
Test(place, s30_receiving_marac)
{
	expect_span("2. Receiving MARAC:\tQuellby\tDate to be heard: tbc\n", LOC, SCRUB_LOCATION,
		    "Receiving MARAC:\tQuellby\tDate to be heard: tbc");
	expect_span("Receiving area: North Tolvenny (Quellby)", LOC, SCRUB_LOCATION,
		    "Receiving area: North Tolvenny (Quellby)");
	expect_span("MARAC Transfer. From: Tolvenny MARAC | To: Quellby MARAC, Dunmore", LOC,
		    SCRUB_LOCATION, "From: Tolvenny MARAC | To: Quellby MARAC, Dunmore");
	expect_span("IDVA to refer to MARAC Quellby (transfer) by 06/03; police to flag.", LOC,
		    SCRUB_LOCATION, "IDVA to refer to MARAC Quellby (transfer) by 06/03;");
	expect_none("Referred to Quellby MARAC via Tolvenny Women's Aid.", LOC);
	expect_none("IDVA handover to receiving area.", LOC);
	expect_none("From: jo@example.org To: Quellby MARAC coordinator. Hi all.", LOC);
}

/* s30: her next appointment named by its place and its date, either way
 * round, is where she will be then; his reporting at probation is not. */
Test(place, s30_next_appointment_date_then_place)
{
	expect_sentence("Next appt Quellby Advice office, Dunmore, 27/01 10:00.", SCRUB_LOCATION);
	expect_sentence("Next core group 16/02 10am at Quellby Family Hub - dad not invited.",
			SCRUB_LOCATION);
	expect_none("Next appt 11/11 10:00, Quellby probation office.", LOC);
	expect_none("Next review 12/03.", LOC);
	expect_none("Next MARAC 12/03 at the Civic Centre.", LOC);
}

/* s30: an appointment's label, then its date and its place, is where she
 * will be; a date with an agency and no place is not. */
Test(place, s30_appointment_label_date_place)
{
	expect_sentence("20wk anomaly scan: Tue 12/01/2027 09:20, Ultrasound dept, Quellby District Hospital.",
			SCRUB_LOCATION);
	expect_sentence("Appointment: Fri 12/03 10:20, Clinic 2, Quellby Infirmary.", SCRUB_LOCATION);
	expect_none("Appointment: 12/03 with probation, Quellby office.", LOC);
	expect_none("Scan: 12/01 normal, no concerns.", LOC);
	expect_sentence("Next 08/11 at Quellby Park day assessment, 10:00.", SCRUB_LOCATION);
	expect_none("Next 12/03 at Quellby Crown Court.", LOC);
}

/* s31: "on the tills at <Shop>" (with or without "works") names her
 * workplace; emptying the tills at closing names none. */
Test(place, s31_on_the_tills_at)
{
	expect_span("She works on the tills at the Morrisons.", 0, SCRUB_PLACE, "Morrisons");
	expect_span("She is on the tills at Morrisons, early shift.", 0, SCRUB_PLACE, "Morrisons");
	expect_none("He emptied the tills at the end of the night.", 0);
}

/* s31: an appointment's place then its day ("appt Civic Offices, Saxon
 * Gate, Thursday 29th 11am"), "Next <team> contact <date>, <place>", and
 * her detention under the Mental Health Act (a ward); his reporting, his
 * detention and a custody record's "DETAINED" are none. */
Test(place, s31_appointment_place_day_contact_and_detention)
{
	expect_sentence("Actions: housing options appt Civic Offices, Saxon Gate, Thursday 29th 11am.",
			SCRUB_LOCATION);
	expect_sentence("Next PMHT contact 24/03 14:00, Blakenall children's centre.", SCRUB_LOCATION);
	expect_none("His probation appt Quellby Probation, Thursday 29th 11am.", LOC);
	expect_span("07.02.28 | CMHT | IP detained s2 MHA 1983, Ward 2 (Eden), Quellby Hospital.", LOC,
		    SCRUB_LOCATION, "IP detained s2 MHA 1983, Ward 2 (Eden), Quellby Hospital.");
	expect_none("Marcus was detained under s2, now on Ardenleigh ward.", LOC);
	expect_none("23:58 SP21 - ONE MALE DETAINED ASSAULT S39", LOC);
}

/* s31: a bilingual Welsh letter's call window ("yn eich ffonio bob dydd
 * Mawrth rhwng 10 a 12") is a safe time as the English is. */
Test(place, s31_welsh_call_window)
{
	expect_sentence("Bydd eich swyddog tai yn eich ffonio bob dydd Mawrth rhwng 10 a 12.",
			SCRUB_SAFE_TIME);
}

/* s32: a chain in small letters right after "works" ("ip works morrisons
 * crownhill, tills, 6-2") and its branch's words name a workplace; a word
 * that is no chain ("works nights") names none. */
Test(place, s32_chain_right_after_works)
{
	expect_span("ip works morrisons crownhill, tills, 6-2, he knows this.", 0, SCRUB_PLACE,
		    "morrisons crownhill");
	expect_none("ip works nights, he knows this.", 0);
}

/* s32: a health job by its letters ("I'm a HCA on Ward 19 at <Hospital>")
 * names her ward and employer, as "a nurse on Ward 19 at ..." does. */
Test(place, s32_job_by_its_letters)
{
	expect_span("Client: I'm a HCA on Ward 19 at North Middlesex.", 0, SCRUB_PLACE, "North Middlesex");
	expect_none("She is a HCA.", 0);
}

/* s36: money moved is no move of hers ("£1,850 moved from <Name>'s
 * account", "he moves it to his own account"); she moved still is. */
Test(place, s36_money_moved_between_accounts)
{
	expect_none("Controls money - £1,850 moved from Daniel's account in Feb.", PLACE_F_LOCATION);
	expect_none("Her wages are paid in and he moves it to his own account.", PLACE_F_LOCATION);
	expect_span("She moved to Leeds in Feb.", PLACE_F_LOCATION, SCRUB_LOCATION, "She moved to Leeds in Feb.");
}

/* s38: her own job for a town's care provider names her employer ("a care
 * worker for <Town> Home Care"), and ", mainly in <Area>" after it where
 * she works, withheld again wherever the note names it; her carer from
 * it (someone else's job) keeps it. */
Test(place, s38_her_job_for_a_towns_provider_and_its_area)
{
	const char *s = "Control of her wages (she is a care worker for Bristol Home Care, mainly in "
			"Bedminster).";
	expect_span(s, 0, SCRUB_PLACE, "Bristol Home Care");
	expect_span(s, 0, SCRUB_LOCATION, "Bedminster");
	expect_none("Her carer from Bristol Home Care visits daily.", 0);
}

/* s38-over: whose something is ("in Gareth's name", "in his name", "in
 * joint names") is no place she is; "is in Leeds" still is. */
Test(place, s38_in_whose_name_is_no_place)
{
	expect_no_location("The car is in Gareth's name.");
	expect_no_location("The car is in his name.");
	expect_no_location("All the savings are in joint names.");
	expect_span("She is in Leeds.", LOC, SCRUB_LOCATION, "She is in Leeds.");
}

/* s38-over: a function word opening a sentence before a school's or a
 * farm's word ("All farm income", "All school uniform") names no place;
 * "All Saints School" still is one when a place rule finds it. */
Test(place, s38_function_word_opening_is_no_name)
{
	expect_none("All farm income is his.", 0);
	expect_none("All school uniform was bought by her.", 0);
	expect_span("All Saints Primary School called.", 0, SCRUB_PLACE, "All Saints Primary School");
	expect_span("Our Lady of Lourdes Primary called.", 0, SCRUB_PLACE, "Our Lady of Lourdes Primary");
}

/* s38: a neighbour's home named in the bracket after them, then where it
 * is from hers ("(Pant-y-Dwr, next farm)", "(The Laurels, opposite)"); a
 * bracket with no such word after the comma names none. */
Test(place, s38_a_neighbours_home_in_their_bracket)
{
	expect_span("Neighbour Mrs Bowen (Pant-y-Dwr, next farm) rang 101.", 0, SCRUB_ADDRESS, "Pant-y-Dwr");
	expect_span("Mrs Hale (The Laurels, opposite) called.", 0, SCRUB_ADDRESS, "The Laurels");
	expect_none("DS Khan (Kent Police, next week) will call.", 0);
}

/* s38: a workplace's estate and unit after it (", Team Valley unit 12"):
 * any capitalised words before a unit's number. */
Test(place, s38_estate_and_unit_after_a_workplace)
{
	expect_span("Amara works at Tyne Logistics, Team Valley unit 12.", 0, SCRUB_PLACE,
		    "Tyne Logistics, Team Valley unit 12");
}

/* s38-never: a hospital's discharge lounge after its name is where she is,
 * a patient there; the hospital alone where she was met is kept. */
Test(place, s38_a_hospitals_discharge_lounge)
{
	expect_span("Attending client (77) at the Kettering General Hospital discharge lounge.", 0,
		    SCRUB_PLACE, "Kettering General Hospital");
	expect_none("Met her at Kettering General Hospital.", 0);
}

/* s38: "Prifysgol" (Welsh "university") opens an institution's name, as
 * "Ysgol" and "Coleg" do. */
Test(place, s38_prifysgol_opens_a_name)
{
	expect_span("Gwaith / work: Prifysgol Aberystwyth, library.", 0, SCRUB_PLACE, "Prifysgol Aberystwyth");
}

/* s39-never: after "new school" and when ("after half term", "from
 * September"), a comma or dash, then the school's name. */
Test(place, s39_new_school_when_then_its_name)
{
	expect_span("Yasmin started at a new school after half term, St Clare's - Dad not told.", 0,
		    SCRUB_PLACE, "St Clare's");
	expect_none("Jayden moved to a new school in September, Dad was not told.", 0);
}

/* s39-never: a court's word opening a practice's name ("Crown Lane
 * Medical Centre"), "Court" inside a school's name ("Upton Court
 * Primary", "Upton Court Grammar"); no court's own name ("Leeds Crown Court
 * Centre") nor "English Grammar". */
Test(place, s39_court_words_inside_practice_and_school_names)
{
	expect_span("Crown Lane Medical Centre\n11 March 2027", 0, SCRUB_PLACE, "Crown Lane Medical Centre");
	expect_span("Application for him to Upton Court Primary.", 0, SCRUB_PLACE, "Upton Court Primary");
	expect_span("Mykyta to Slough (Upton Court Grammar? - TBC)", 0, SCRUB_PLACE, "Upton Court Grammar");
	expect_none("Listed at Leeds Crown Court Centre. Hearing at Bristol Family Court Centre.", 0);
	expect_none("Poor English Grammar and spelling.", 0);
	expect_none("Hearing at Camberwell Green Magistrates' Court on 3 May.", 0);
	expect_none("Parents may ask under the Education (Pupil Information) (England) Regulations 2005.", 0);
}

/* s39-never: a saint's name alone in a sentence about school is the
 * school; s39-over: a visit's day and date under a label is a record, and
 * an hour after a meeting's date no house number. */
Test(place, s39_saint_after_school_records_and_meeting_hours)
{
	expect_span("Wants the kids back in school but not St Michael's as he'd wait there.", 0,
		    SCRUB_PLACE, "St Michael's");
	expect_none("Visit: Tue 09/02/2027 10.30am, unannounced, re persistent absence.", PLACE_F_LOCATION);
	expect_span("Next contact: Tue 14/04 at work.", PLACE_F_LOCATION, SCRUB_SAFE_TIME,
		    "Next contact: Tue 14/04 at work.");
	struct spans sv = scan("Date 18 March 2027, 1400, Middle Engine Lane police office.", 0);
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(sv.v[i].start >= 26, "the meeting's hour 1400 is no house number");
	spans_free(&sv);
}

/* s39-over: a firm of solicitors acting in the proceedings ("prepared by",
 * "instructed", "act for", "on behalf of") is an agency; where someone
 * works, it is still withheld. */
Test(place, s39_solicitors_acting_are_agencies)
{
	expect_none("Statement prepared by Hartwell Lane Solicitors for signature.", 0);
	expect_none("Letter from Hartwell Lane Solicitors on behalf of the mother.", 0);
	expect_span("She works as a receptionist at Hartwell Lane Solicitors.", 0, SCRUB_PLACE,
		    "Hartwell Lane Solicitors");
}

/* s39-never: a titled person, a comma, a town and "area" is where that
 * person lives (a foster carer's, a host's); "Leeds area manager" a role. */
Test(place, s39_a_titled_persons_area)
{
	expect_span("Foster carer: Mrs Yvonne Hollis, Marple area (not disclosed to owner).", 0,
		    SCRUB_PLACE, "Marple");
	expect_none("Contact Mr Ali, Leeds area manager.", 0);
}

/* s39-never: "GP <Name> MC": a practice's short form after its title; a
 * reference's "PS" or "MC" stays. */
Test(place, s39_gp_title_before_a_practice_short_form)
{
	expect_span("GP Moorland MC informed by task.", 0, SCRUB_PLACE, "Moorland MC");
	expect_none("INC PS-2026-0001 logged.", 0);
}

/* s40-never: a student's word capitalised inside a practice's name after
 * its town ("Leeds Student Medical Practice"); not a student's word
 * opening one. */
Test(place, s40_student_inside_a_practices_name)
{
	expect_span("Referred to GP at Leeds Student Medical Practice for review.", 0, SCRUB_PLACE,
		    "Leeds Student Medical Practice");
	expect_none("Student Support Service contacted.", 0);
}

/* s40-over: "capacity regarding where to live" is the Mental Capacity
 * Act's question, no statement of where she is. */
Test(place, s40_capacity_where_to_live)
{
	expect_none("MCA assessment 30/11 - HAS capacity regarding where to live on discharge.",
		    PLACE_F_LOCATION);
	expect_sentence("Her mum's house in Bilton is where she is staying.", SCRUB_LOCATION);
}

/* s40-over: what she did or would do ("T would not talk", "she did not
 * call") is no instruction not to call her; "do not ring" still is. */
Test(place, s40_would_not_talk_is_no_instruction)
{
	expect_none("Jordan and a friend present, T would not talk.", PLACE_F_LOCATION);
	expect_sentence("Please do not ring her after 6pm.", SCRUB_SAFE_TIME);
}

/* s41-never: a call handler's shorthand for where she is: "now safe @"
 * (the '@' with spaces round it is "at"), "AT NBR" (a neighbour's, the
 * apostrophe dropped in a log in capitals); "he is now safe at home" and
 * "SHOUTED AT NBR" say nothing of her. A workplace named before "where
 * <Name> works" goes as one before "where she works" does. */
Test(place, s41_call_handler_shorthand_and_named_workers)
{
	expect_span("GRADED PRIORITY. V NOW SAFE @ NBR NO.4 - DO NOT APPROACH.", PLACE_F_LOCATION,
		    SCRUB_LOCATION, "V NOW SAFE @ NBR NO.4 - DO NOT APPROACH.");
	expect_span("AB21 ARRIVED. V SEEN AT NBR. CONFIRMS SON TOOK CARD.", PLACE_F_LOCATION,
		    SCRUB_LOCATION, "V SEEN AT NBR.");
	expect_sentence("She is now safely with her aunt.", SCRUB_LOCATION);
	expect_none("He is now safe at home.", PLACE_F_LOCATION);
	expect_none("P SHOUTED AT NBR.", PLACE_F_LOCATION);
	expect_span("The lie has spread to the Amazon site where Marcus works.", 0, SCRUB_PLACE,
		    "Amazon site");
}

/* s41-over: "with" names an employer after a job's word only ("a carer
 * with <Firm>"), not after any noun ("a sly old fox with Gran's money"). */
Test(place, s41_with_an_employer_after_a_job_only)
{
	expect_none("He is a fox with Gran's money.", 0);
	expect_span("She is a cleaner with Mitie Services.", 0, SCRUB_PLACE, "Mitie Services");
}

/* s41-never: a Welsh-medium school's town after it says which one ("To:
 * Ysgol Y Ddwylan, Newcastle Emlyn - DSL"), as after "GP: <Surgery>,". */
Test(place, s41_a_welsh_schools_town)
{
	expect_span("To: Ysgol Y Ddwylan, Newcastle Emlyn - DSL (please sign)", 0, SCRUB_PLACE,
		    "Ysgol Y Ddwylan, Newcastle Emlyn");
}

/* s41 (review): "AT <kin>" in capitals is a place only after a word that
 * puts her there ("V SEEN AT NBR"), not after what someone did at them
 * ("SHOUTING AT NBR", "THREW CUP AT MOTHER"). */
Test(place, s41_caps_at_kin_needs_a_subject)
{
	expect_none("P SHOUTING AT NBR.", PLACE_F_LOCATION);
	expect_none("P THREW CUP AT MOTHER.", PLACE_F_LOCATION);
	expect_span("V NOW AT NBRS.", PLACE_F_LOCATION, SCRUB_LOCATION, "V NOW AT NBRS.");
}

/* s41-never: a chronology's move with no verb, opening its cell ("Aga +
 * children to Arbury, Cambridge"; "V and kids to Leeds"); not a referral
 * ("Referral to Cambridge MASH") nor an incident's trip to hospital ("V to
 * City Hospital ED"). */
Test(place, s41_verbless_moves_in_chronologies)
{
	expect_span("| Housing | Aga + children to Arbury, Cambridge 24/08.", PLACE_F_LOCATION,
		    SCRUB_LOCATION, "| Housing | Aga + children to Arbury, Cambridge 24/08.");
	expect_none("Referral to Cambridge MASH.", PLACE_F_LOCATION);
	expect_none("V to City Hospital ED, CT neck clear.", PLACE_F_LOCATION);
}
