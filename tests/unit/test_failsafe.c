/*
 * failsafe: the structural second layer for the victim's whereabouts and
 * safe contact (failsafe.h). Phrasings that no cue list of place.c names are
 * withheld by their structure; what is only about him, a report of a past
 * call, and the stamp and label of a log entry stay. End to end through the
 * scrubber too: the marker, and nothing without SCRUB_F_LOCATION.
 * Synthetic data only (names, places and phones of our own).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "failsafe.h"
#include "mgw_err.h"
#include "scrub.h"
#include "linear_guard.h"

static struct spans scan(const char *s)
{
	struct spans sv = {0};
	cr_assert_eq(failsafe_scan(s, strlen(s), &sv), 0);
	for (size_t i = 0; i < sv.n; i++) {
		cr_assert(sv.v[i].start < sv.v[i].end && sv.v[i].end <= strlen(s), "span out of bounds");
		cr_assert_not_null(sv.v[i].rule);
	}
	spans_sort(&sv);
	return sv;
}

static void dump(const char *s, const struct spans *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		fprintf(stderr, "  got %s %s [%.*s]\n", scrub_kind_name(sv->v[i].kind), sv->v[i].rule,
			(int)(sv->v[i].end - sv->v[i].start), s + sv->v[i].start);
}

/* A span of kind covering exactly what. */
static void expect(const char *s, int kind, const char *what)
{
	struct spans sv = scan(s);
	size_t n = strlen(what);
	int ok = 0;
	for (size_t i = 0; i < sv.n; i++)
		if (sv.v[i].kind == (unsigned)kind && sv.v[i].end - sv.v[i].start == n &&
		    memcmp(s + sv.v[i].start, what, n) == 0)
			ok = 1;
	if (!ok)
		dump(s, &sv);
	spans_free(&sv);
	cr_assert(ok, "want %s [%s] in: %s", scrub_kind_name(kind), what, s);
}

static void expect_none(const char *s)
{
	struct spans sv = scan(s);
	size_t n = sv.n;
	dump(s, &sv);
	spans_free(&sv);
	cr_assert_eq(n, 0, "nothing to withhold in: %s", s);
}

Test(failsafe, residence_phrasings_no_cue_list_names)
{
	expect("Update: she's kipping on a pal's settee in Filey for now.", SCRUB_LOCATION,
	       "she's kipping on a pal's settee in Filey for now");
	expect("Ruth has gone back to her nana's.", SCRUB_LOCATION, "Ruth has gone back to her nana's");
	expect("She is with her auntie over in Selby", SCRUB_LOCATION,
	       "She is with her auntie over in Selby");
	expect("Housing have given her a temp flat above the chemist.", SCRUB_LOCATION,
	       "Housing have given her a temp flat above the chemist");
	expect("Mother and baby now out of area.", SCRUB_LOCATION, "Mother and baby now out of area");
	expect("V @ mums tonight", SCRUB_LOCATION, "V @ mums tonight");
	expect("client stayin w/ cousin", SCRUB_LOCATION, "client stayin w/ cousin");
}

Test(failsafe, cad_capitals_one_line_each)
{
	const char *s = "22:14 CALLER REPORTS ARGUMENT\n22:31 IP HAS GONE TO HER SISTERS IN BRID\n"
	                "22:40 UNIT 4 ON SCENE";
	expect(s, SCRUB_LOCATION, "IP HAS GONE TO HER SISTERS IN BRID");
	struct spans sv = scan(s);
	cr_assert_eq(sv.n, 1, "only the line that says where she went");
	spans_free(&sv);
}

Test(failsafe, stamp_and_label_stay_visible)
{
	expect("03/11/2026 09:40 Housing: offered a one-bed property in Thirsk", SCRUB_LOCATION,
	       "offered a one-bed property in Thirsk");
	expect("04/11 - V now living with a friend; Police to review bail", SCRUB_LOCATION,
	       "V now living with a friend");
	struct spans sv = scan("04/11 - V now living with a friend; Police to review bail");
	cr_assert_eq(sv.n, 1, "the bail clause and the date stay");
	spans_free(&sv);
}

/* issue 9: a statement that runs on over a message log's next entries
 * (a line with no full stop) withholds their words, not their stamps */
Test(failsafe, next_entries_keep_their_stamps)
{
	const char *s = "[14:02] Jo: ring me after 7 when hes at football and not before\n"
	                "[14:05] IDVA: Ok will do";
	expect(s, SCRUB_SAFE_TIME, "ring me after 7 when hes at football and not before");
	expect(s, SCRUB_SAFE_TIME, "Ok will do");
	struct spans sv = scan(s);
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(!memmem(s + sv.v[i].start, sv.v[i].end - sv.v[i].start, "14:05", 5),
			  "the second entry's stamp was withheld");
	spans_free(&sv);
	s = "11/06 19:05 Roz: ring me after 8 when hes at darts and not before\n"
	    "IDVA 19:07: Ok will do";
	expect(s, SCRUB_SAFE_TIME, "Ok will do");
	s = "[19:05] Roz: ring me after 8 when hes out, or\n11/06 19:07 Roz: text first";
	expect(s, SCRUB_SAFE_TIME, "text first");
	s = "[19:05] Roz: ring me after 8 when hes out, or\n[11/06 19:07 SW]: text first";
	expect(s, SCRUB_SAFE_TIME, "text first");
	s = "Chat copied from the work mobile, Thu 5 Mar:\nKT 18:40: can u call me on my friends phone after 9\n";
	expect(s, SCRUB_SAFE_TIME, "can u call me on my friends phone after 9");
	/* no stamp: the next line is part of the statement */
	expect("She is staying with her cousin above the\nbakery on the corner", SCRUB_LOCATION,
	       "She is staying with her cousin above the\nbakery on the corner");
}

/* issue 9: a heading, a letter's greeting and a CAD log's reference are
 * not part of the statement on the next line, though no full stop ends them */
Test(failsafe, headings_and_greetings_stand_apart)
{
	const char *s = "Northshire Constabulary - Occurrence enquiry log - reference NS-2203-1187\n"
	                "Mrs Yusra Quenby reports that her daughter is now staying at her aunt's in Beccles since Sunday.";
	expect(s, SCRUB_LOCATION,
	       "Mrs Yusra Quenby reports that her daughter is now staying at her aunt's in Beccles since Sunday");
	struct spans sv = scan(s);
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(sv.v[i].start > (size_t)(strchr(s, '\n') - s), "the heading was withheld");
	spans_free(&sv);
	s = "Hello,\nShe has moved in with her cousin for now.";
	expect(s, SCRUB_LOCATION, "She has moved in with her cousin for now");
	s = "INCIDENT 0419\n21:47 CALLER NOW AT HER MUMS";
	expect(s, SCRUB_LOCATION, "CALLER NOW AT HER MUMS");
	/* a hard-wrapped paragraph still reads as one: its next line is no longer */
	s = "The IDVA spoke to her this morning and she said that she has gone to\n"
	    "Alnwick to be with her sister.";
	expect(s, SCRUB_LOCATION,
	       "The IDVA spoke to her this morning and she said that she has gone to\n"
	       "Alnwick to be with her sister");
}

/* issue 9 (h9-over7): a long heading ending in ':' before a speaker's line,
 * and an e-mail's attribution line ("... wrote:") before the quoted text
 * (its '>' marks blanked by textnorm), stay out of the statement after them */
Test(failsafe, attribution_and_chat_headings_stand_apart)
{
	const char *s = "Notes copied across by the IDVA for Marguerite, 9 Jan:\nM: im at my aunties in Ripon now";
	expect(s, SCRUB_LOCATION, "im at my aunties in Ripon now");
	struct spans sv = scan(s);
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(sv.v[i].start > (size_t)(strchr(s, '\n') - s), "the heading was withheld");
	spans_free(&sv);
	s = "On 4 Jan 2027, at 09:12, Ottoline Venn <o.venn@example.org> wrote:\n"
	    "  Marguerite asked me to say that she is staying at her aunt's in\n  Ripon for now.";
	expect(s, SCRUB_LOCATION,
	       "Marguerite asked me to say that she is staying at her aunt's in\n  Ripon for now");
	sv = scan(s);
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(sv.v[i].start > (size_t)(strchr(s, '\n') - s), "the attribution was withheld");
	spans_free(&sv);
	/* a statement that ends in ':' and says where goes on to the next line */
	expect("She told the worker that she is now staying at:\nher aunt's in Ripon",
	       SCRUB_LOCATION, "She told the worker that she is now staying at:\nher aunt's in Ripon");
	/* a heading of four words or more before a line of prose; an
	 * attribution's weekday and time */
	expect("Worker update for the meeting on 9 Jan: \nShe is staying at her aunt's in Ripon for now.",
	       SCRUB_LOCATION, "She is staying at her aunt's in Ripon for now");
	expect("On Tue, 4 Jan 2027 at 09:12, Ottoline Venn wrote:\n  Does anyone know where she is staying?",
	       SCRUB_LOCATION, "Does anyone know where she is staying");
	/* a heading that speaks of contact takes the lines it introduces */
	s = "Best times to call her, agreed with the IDVA on 9 Jan:\nMon: after 6 when he is at darts";
	sv = scan(s);
	int whole = 0;
	for (size_t i = 0; i < sv.n; i++)
		whole |= memmem(s + sv.v[i].start, sv.v[i].end - sv.v[i].start, "darts", 5) != NULL;
	spans_free(&sv);
	cr_assert(whole, "the window under a safe-contact heading was left visible");
}

/* issue 9: a list's items are statements of their own, even after a long
 * item with no full stop: one withheld item does not take the next */
Test(failsafe, list_items_stand_apart)
{
	const char *s = "\xe2\x80\xa2 She is now living with her nan in Amble and has been there since the weekend\n"
	                "\xe2\x80\xa2 She can be rung on her own mobile after six on weekdays when he is at work\n"
	                "\xe2\x80\xa2 Review booked for the end of the month";
	struct spans sv = scan(s);
	cr_assert(sv.n >= 2, "both items withheld");
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(!memmem(s + sv.v[i].start, sv.v[i].end - sv.v[i].start, "Review", 6),
			  "the last item was withheld with the others");
	spans_free(&sv);
}

Test(failsafe, safe_contact_with_time_condition_or_route)
{
	expect("Best to ring Weds after the school run.", SCRUB_SAFE_TIME,
	       "Best to ring Weds after the school run");
	expect("Text only, never call the landline.", SCRUB_SAFE_TIME, "Text only, never call the landline");
	expect("Contact via her work mobile please.", SCRUB_SAFE_TIME, "Contact via her work mobile please");
	expect("Speak to her whilst he is on nights.", SCRUB_SAFE_TIME,
	       "Speak to her whilst he is on nights");
	expect("Her safe word is \"blue kettle\".", SCRUB_SAFE_TIME, "Her safe word is \"blue kettle\"");
	/* what follows a safe time explains it; a label that itself names
	 * the contact goes with it */
	expect("Next contact: thurs eve - he plays darts then.", SCRUB_SAFE_TIME,
	       "Next contact: thurs eve - he plays darts then");
}

Test(failsafe, routine_with_a_time)
{
	expect("She walks the dog along the canal every morning.", SCRUB_LOCATION,
	       "She walks the dog along the canal every morning");
}

Test(failsafe, residence_and_contact_in_one_is_location)
{
	struct spans sv = scan("She is at her gran's, ring after 7pm.");
	cr_assert_eq(sv.n, 1);
	cr_assert_eq(sv.v[0].kind, SCRUB_LOCATION);
	spans_free(&sv);
}

Test(failsafe, about_him_alone_stays)
{
	expect_none("He is living at his brother's in Wexcombe.");
	expect_none("Perpetrator has moved in with his new partner.");
	/* but not when she is in it too */
	expect("He says she has moved to Wexcombe.", SCRUB_LOCATION, "He says she has moved to Wexcombe");
}

Test(failsafe, what_is_no_place_stays)
{
	expect_none("She is at high risk of serious harm.");
	expect_none("A safety plan is in place.");
	expect_none("She was in fear for her life.");
	expect_none("They were married in 2012 and separated last year.");
	expect_none("She is going to report it to the police.");
	expect_none("She lent money to her daughter's boyfriend.");
	expect_none("Officers attended the address at 01:20.");
	expect_none("IP located, minor injuries, ambulance called.");
	/* the name of an agency is no statement */
	expect_none("Referred to Brighter Lives Together for support.");
}

Test(failsafe, reports_of_calls_are_not_safe_times)
{
	expect_none("She rang 999 at 23:05 screaming.");
	expect_none("Call from her sister on Friday.");
	expect_none("Spoke to the GP by phone at 10:15.");
	expect_none("Email received at 20:20 with threats.");
}

Test(failsafe, abbreviations_do_not_end_a_unit)
{
	expect("Mrs. Okafor says the family moved to Rotherham.", SCRUB_LOCATION,
	       "Mrs. Okafor says the family moved to Rotherham");
}

Test(failsafe, odd_input_is_safe)
{
	struct spans sv = {0};
	cr_assert_eq(failsafe_scan(NULL, 0, &sv), 0);
	cr_assert_eq(sv.n, 0);
	char buf[3000];
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (char)(i * 131 + 7);
	cr_assert_eq(failsafe_scan(buf, sizeof buf, &sv), 0);
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(sv.v[i].start < sv.v[i].end && sv.v[i].end <= sizeof buf);
	spans_free(&sv);
	/* one long sentence of many clauses: bounded, still found */
	char big[4000] = "";
	for (int i = 0; i < 60; i++)
		strcat(big, "noted; ");
	strcat(big, "she moved to Ripon");
	sv = scan(big);
	cr_assert_geq(sv.n, 1);
	spans_free(&sv);
}

static char *scrub_with(unsigned flags, const char *text)
{
	struct scrub_spec spec = {.flags = flags};
	scrubber *sc = scrubber_build(&spec);
	cr_assert_not_null(sc);
	char *out = NULL;
	cr_assert_eq(scrub_text(sc, text, strlen(text), "s40(2)", 0, &out, NULL), 0);
	scrubber_free(sc);
	return out;
}

Test(failsafe, scrubber_marks_and_keeps_the_rest)
{
	const char *t = "MARAC on 12/03. She is kipping at a pal's in Whitby. CPS reviewing.";
	char *out = scrub_with(SCRUB_F_LOCATION, t);
	cr_assert(strstr(out, "[WITHHELD s38: victim location]") != NULL, "%s", out);
	cr_assert(strstr(out, "Whitby") == NULL, "%s", out);
	cr_assert(strstr(out, "MARAC on 12/03.") != NULL, "%s", out);
	cr_assert(strstr(out, "CPS reviewing.") != NULL, "%s", out);
	free(out);

	out = scrub_with(SCRUB_F_LOCATION, "Only phone her on a Tuesday.");
	cr_assert(strstr(out, "[WITHHELD s38: safe times]") != NULL, "%s", out);
	free(out);

	/* entitled recipients (no flag) keep the statement */
	out = scrub_with(0, t);
	cr_assert(strstr(out, "kipping at a pal's") != NULL, "%s", out);
	free(out);
}

Test(failsafe, capitals_only_abbreviations)
{
	expect("Offered TA in Scarborough.", SCRUB_LOCATION, "Offered TA in Scarborough");
	expect("V in Bridlington since Sunday", SCRUB_LOCATION, "V in Bridlington since Sunday");
	expect_none("Ta for the update.");
}

Test(failsafe, a_label_at_the_end_of_a_line_takes_the_next)
{
	expect("Moved to:\nScarborough", SCRUB_LOCATION, "Moved to:\nScarborough");
}

/* A label that says where or when ("Safe window:") or that a plan follows
 * ("Plan:", "Interim arrangement:") goes with the statement it heads; an
 * agency's label or a log stamp stays. */
Test(failsafe, a_plan_or_place_label_goes_with_its_statement)
{
	expect("Plan: she stays at her cousin's till the locks are changed", SCRUB_LOCATION,
	       "Plan: she stays at her cousin's till the locks are changed");
	expect("Safe window: after 2 on weekdays", SCRUB_SAFE_TIME, "Safe window: after 2 on weekdays");
	expect("14/06 CAMHS: she is staying at her gran's", SCRUB_LOCATION,
	       "she is staying at her gran's");
}

Test(failsafe, the_route_before_a_safe_time_goes_with_it)
{
	expect("Spoke via her cousin's mobile - text first, she rings back after 8pm.", SCRUB_SAFE_TIME,
	       "Spoke via her cousin's mobile - text first, she rings back after 8pm");
	/* V is the subject only at the start of a clause */
	expect_none("Officers spoke to V at the front counter.");
}

/* A span of kind covers `what` (a part of s). */
static void expect_covers(const char *s, int kind, const char *what)
{
	struct spans sv = scan(s);
	const char *w = strstr(s, what);
	cr_assert_not_null(w, "test text holds %s", what);
	size_t a = (size_t)(w - s), e = a + strlen(what);
	int ok = 0;
	for (size_t i = 0; i < sv.n; i++)
		ok |= sv.v[i].kind == (unsigned)kind && sv.v[i].start <= a && sv.v[i].end >= e;
	if (!ok)
		dump(s, &sv);
	spans_free(&sv);
	cr_assert(ok, "want %s over [%s] in: %s", scrub_kind_name(kind), what, s);
}

/* A place named in a statement of where she is goes wherever else the
 * text names it; kept text and other capitalised words stay. */
Test(failsafe, a_place_in_a_location_statement_goes_everywhere_in_the_text)
{
	const char *t = "Her uncle Rhodri of Penmaenrhos, Llanfair drove her there. "
	                "She will stay at Penmaenrhos for now. Strategy meeting on Monday.";
	char *out = scrub_with(SCRUB_F_LOCATION, t);
	cr_assert(strstr(out, "Penmaenrhos") == NULL, "%s", out);
	cr_assert(strstr(out, "Strategy meeting on Monday.") != NULL, "%s", out);
	free(out);
	/* an entitled recipient keeps the statement and the first mention */
	out = scrub_with(0, t);
	cr_assert(strstr(out, "victim location") == NULL, "%s", out);
	cr_assert(strstr(out, "of Penmaenrhos, Llanfair") != NULL, "%s", out);
	free(out);
}

/* Advice on when to reach her, without a contact verb next to the time. */
Test(failsafe, safe_times_said_with_a_phone_a_visit_or_best)
{
	expect_covers("Use mobile 07700 900 411 Tue-Thu daytime.", SCRUB_SAFE_TIME, "Tue-Thu daytime");
	expect_covers("She asks that any visit is Wednesday afternoon, after the clinic.", SCRUB_SAFE_TIME,
	       "Wednesday afternoon");
	expect_covers("Her new number - best after 8pm.", SCRUB_SAFE_TIME, "after 8pm");
	expect_covers("The nursery run is a safe route on Monday mornings.", SCRUB_SAFE_TIME,
	       "Monday mornings");
	/* a report of a visit is not advice */
	expect_none("A visit on Tuesday morning found the children well.");
}

/* House-hunting says where she will live. */
Test(failsafe, house_hunting_is_a_location)
{
	expect_covers("Looking at flats near her cousin in Llanishen.", SCRUB_LOCATION, "Llanishen");
	expect_covers("Ms Exampleton has bid on a 2-bed in Thornaby.", SCRUB_LOCATION, "Thornaby");
	expect_covers("She has registered for properties in the Conwy area only.", SCRUB_LOCATION, "Conwy");
}

/* A number wrapped over a line break does not end the sentence. */
Test(failsafe, a_wrapped_number_keeps_the_sentence_whole)
{
	expect_covers("Could you ring her on 07700\n900411 before 9 - she leaves then.", SCRUB_SAFE_TIME,
	       "she leaves then");
}

/* "go to hers": her home, by the possessive alone. */
Test(failsafe, going_to_someones_by_the_possessive_alone)
{
	expect_covers("Her son wants mum to go to hers in Thornaby on discharge.", SCRUB_LOCATION,
		      "hers in Thornaby");
	expect_none("She is going to report it.");
}

/* Travelling, being taken, "stops at", "going where", a friend's after
 * "is her", respite: where she will be, in words no cue list had. */
Test(failsafe, travel_and_being_taken_somewhere)
{
	expect_covers("She plans to fly to her aunt in Belfast next week.", SCRUB_LOCATION, "Belfast");
	expect_covers("FEMALE CONVEYED TO HER SISTER'S IN GOVAN", SCRUB_LOCATION, "GOVAN");
	expect_covers("Victim stops at her nan's most nights.", SCRUB_LOCATION, "nan's");
	expect_covers("IP confirmed this is her old school friend's in Luton.", SCRUB_LOCATION, "Luton");
	expect_covers("She agreed to a respite bed at Ashlea, Kendal for a week.", SCRUB_LOCATION,
		      "Kendal");
	expect_covers("to my cousin in Derby", SCRUB_LOCATION, "Derby");
	expect_covers("HV to phone when Dad is away - rota on the fridge.", SCRUB_SAFE_TIME,
		      "when Dad is away");
	/* a header and a bail date are no place */
	expect_none("To: Early Help Duty");
	expect_none("BAIL TO SUNDAY NIGHT AT 2215 HRS.");
}

/* Her own words: "I" and "me" are hers, so "he" in the sentence does not
 * make it his alone; "maybe to my cousin's" starts a place. */
Test(failsafe, her_own_words_in_the_first_person)
{
	expect_covers("\"I'm going where I stayed last time, he never found me there\"", SCRUB_LOCATION,
		      "going where");
	expect_covers("maybe to my aunt in Wigan", SCRUB_LOCATION, "Wigan");
}

/* A line that ends in a form of "be" goes on: the time on the next line
 * belongs to the safe window before it (an e-mail wrapped by hand). */
Test(failsafe, a_line_ending_in_is_goes_on)
{
	expect("Best window for a visit is\n2-4 on Thursdays only", SCRUB_SAFE_TIME,
	       "Best window for a visit is\n2-4 on Thursdays only");
}

/* His texts to her, quoted: "ur" and "you're" are her, and "are" is in
 * the word. "you're at risk" says nowhere. */
Test(failsafe, his_texts_saying_where_she_is)
{
	expect_covers("Kyle (Tue 01:12): ur at bethanys arent u", SCRUB_LOCATION, "ur at bethanys");
	expect_covers("then you're in Morecambe with her", SCRUB_LOCATION, "Morecambe");
	expect_none("you're at risk and you know it");
}

/* A dwelling noun a few words after "a", "her" or "new" is hers, with
 * nouns used as adjectives between; a listed word between ends it, and
 * "home" after a verb is where money or a child was sent, not hers. */
Test(failsafe, a_dwelling_after_a_determiner_and_nouns)
{
	expect_covers("Mum has a new council tenancy flat near Pontypool", SCRUB_LOCATION, "Pontypool");
	expect_covers("She was given a housing trust house on Monday", SCRUB_LOCATION,
		      "housing trust house");
	expect_none("He sends £200 a month back home to his brother.");
	expect_none("Dad is a different man when home from the rigs.");
}

/* The town after "to" or "in" in a statement of where she is goes
 * wherever else the text names it, even a town the name lists allow and a
 * town in a CAD line in capitals (after "TO", or after the house number
 * of an address), and the same town in an agency's or a prison's name
 * (the agency of her town says where she is); another town's agency stays. */
Test(failsafe, the_town_she_goes_to_goes_everywhere_agency_names_too)
{
	char *out = scrub_with(SCRUB_F_LOCATION,
			       "She is moving to Halifax next week. Bail condition: not to enter "
			       "Halifax town centre. Calderdale Council and Halifax Council aware.");
	cr_assert(strstr(out, "Halifax") == NULL, "%s", out);
	cr_assert(strstr(out, "Calderdale Council and ") != NULL, "%s", out);
	free(out);
	out = scrub_with(SCRUB_F_LOCATION, "2215 RP IS HER AUNT, CALLING FROM KIRKOSWALD.\n"
					   "2240 FEMALE TAKEN TO AUNTS ADDRESS, 6 FELL VIEW, KIRKOSWALD.");
	cr_assert(strstr(out, "KIRKOSWALD") == NULL, "%s", out);
	/* the line that says where her aunt calls from is withheld whole by the
	 * unit model since session 13 (where the aunt is, she is going) */
	cr_assert(strncmp(out, "2215 ", 5) == 0, "%s", out);
	free(out);
	out = scrub_with(SCRUB_F_LOCATION, "Woman relocated to Wexbury. He is at HMP Wexbury.");
	cr_assert(strstr(out, "Wexbury") == NULL, "%s", out);
	cr_assert(strstr(out, "He is at HMP ") != NULL, "%s", out);
	free(out);
	out = scrub_with(SCRUB_F_LOCATION, "Woman relocated to Wexbury. He is at HMP Wakefield.");
	cr_assert(strstr(out, "He is at HMP Wakefield.") != NULL, "%s", out);
	free(out);
}

/* The clause before a safe-contact clause that names the phone or number
 * to use is its route, and goes with it. */
Test(failsafe, the_number_to_use_goes_with_the_advice)
{
	expect("Only use the mobile her friend lent her; never call after 8pm.", SCRUB_SAFE_TIME,
	       "Only use the mobile her friend lent her; never call after 8pm");
	expect("Keep to the number she withholds; do not ring back after 9", SCRUB_SAFE_TIME,
	       "Keep to the number she withholds; do not ring back after 9");
}

/* A journey she has booked, with its time, says where she will be and
 * when: the crossing, the flight, the coach. */
Test(failsafe, a_journey_with_its_time)
{
	expect_covers("She goes by coach on the 06:40 from the bus station", SCRUB_LOCATION, "06:40");
	expect_covers("she gets the 7.20 crossing on Fridays to avoid him", SCRUB_LOCATION, "crossing");
	expect_covers("Flight booked: Tuesday, the 11:05 from Stansted", SCRUB_LOCATION, "11:05");
	expect_none("The ferry company confirmed the booking reference.");
}

/* What reads like a statement of where she lives and is not: a teaching
 * assistant named after "TA", a home visit, a residence permit, her head
 * in the door, not sleeping, the marital home she left, an agency whose
 * name holds a residence word, the person on probation's shifts, a weekday
 * in a log entry's stamp. Each still withholds in its place-saying form. */
Test(failsafe, look_alike_phrasings_stay)
{
	expect_none("Wed 12/11 9.05am: Kacper told TA Miss Oduya that dad shouted.");
	expect_covers("MOVED TO TA IN HULL", SCRUB_LOCATION, "TA IN HULL");
	expect_none("No chance of a home visit on her own.");
	expect_covers("She is back at a home near the seafront", SCRUB_LOCATION, "near the seafront");
	expect_none("He hid her residence permit and her bank card.");
	expect_none("Ellie said he pushed her head into the wardrobe.");
	expect_none("Low mood, not sleeping, appetite poor.");
	expect_covers("She is sleeping at her aunt's in Rhyl", SCRUB_LOCATION, "Rhyl");
	expect_none("She left the marital home in 2019.");
	expect_none("She has agreed to work with Moving On Together.");
	expect_none("PoP's job: warehouse picker, nights, 10pm-6am.");
}

/* A weekday before a date starts a log entry: it is the stamp, not a
 * time of contact. */
Test(failsafe, a_weekday_stamp_is_no_safe_time)
{
	expect_none("Thu 6/11 Joint visit with PC Hale - mum agreed to a safety plan.");
	expect_covers("Thu 6/11 Visit her only on Thursdays after 4", SCRUB_SAFE_TIME, "after 4");
}

/* A person named by a role (the tenant, a lodger, a resident), a
 * tenancy officer's visit, home time at school, going to court or back
 * into school: none says where she lives or stays. */
Test(failsafe, roles_and_errands_are_no_residence)
{
	expect_none("Seen by lodger Tomasz who rang 999.");
	expect_none("Tenant Mrs Okafor reported the damage on 3/2.");
	expect_none("Tenancy sustainment visit 4/2, all rooms seen.");
	expect_none("Dad waited at the gate at home time.");
	expect_none("She is going to court on the 14th to give evidence.");
	expect_none("Mum took Carys back into school after lunch.");
	expect_covers("Mum took Carys back to her nan's in Bala", SCRUB_LOCATION, "Bala");
}

/* A postcode district after in/near/to says where she is even without a
 * verb of living; a school year or a key stage is no district. */
Test(failsafe, a_postcode_district_after_a_preposition)
{
	expect_covers("Both children need nursery places in WF13 from January", SCRUB_LOCATION, "WF13");
	expect_covers("a two-bed near M14 offered", SCRUB_LOCATION, "M14");
	expect_none("Report card for Y6 and KS2 results attached.");
}

/* Whether she is free to talk is when she can be reached: "ok to talk",
 * "free to ring", "safe to call", with no time named. */
Test(failsafe, free_to_talk_is_a_safe_contact)
{
	expect_covers("She replies with a thumbs-up when she is free to ring", SCRUB_SAFE_TIME,
		      "free to ring");
	expect_covers("Send the dentist text; she answers Y if okay to talk", SCRUB_SAFE_TIME,
		      "okay to talk");
}

/* After a clause that says where she is, the next clause of the sentence
 * that is about her (or the children) and somewhere or some time goes on
 * saying it; one about someone else stays. */
Test(failsafe, what_follows_where_she_is_goes_with_it)
{
	expect_covers("She has gone to her aunt's in Prestatyn; the kids get the school bus "
		      "from the end of the lane", SCRUB_LOCATION, "the end of the lane");
	expect_covers("Mum is living at her friend's flat; she uses the side door at 8.40",
		      SCRUB_LOCATION, "side door at 8.40");
	expect_covers("Refuge space in Oban from Monday; sleeper train from Euston booked",
		      SCRUB_LOCATION, "sleeper train from Euston");
	const char *t = "She is staying with a friend in Conwy; police have flagged the address.";
	struct spans sv = scan(t);
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(sv.v[i].end <= (size_t)(strstr(t, ";") - t), "police clause kept: %s", t);
	spans_free(&sv);
}

/* Where she will give birth is where she will be; a flat above, below
 * or behind something says where she lives. Going into labour is no
 * place. */
Test(failsafe, where_she_gives_birth_and_the_flat_above)
{
	expect_covers("Plan is to deliver at Furnace Vale maternity, not the General",
		      SCRUB_LOCATION, "Furnace Vale");
	expect_covers("Tiverton. Room behind the launderette, first door", SCRUB_LOCATION,
		      "behind the launderette");
	expect_none("She went into labour early and all is well.");
}

/* "in fact", "stayed behind after class", "the tenancy" (the one the
 * notes know) and "his family" (not hers) say nowhere she is. */
Test(failsafe, more_look_alikes_stay)
{
	expect_none("Dad is in fact from Lisburn originally.");
	expect_none("Jodie stayed behind after PE and spoke to Mr Arkwright.");
	expect_none("His name is to come off the tenancy at the hearing.");
	expect_none("He threatened to tell his family in Cork about the baby.");
	expect_none("SHE HAS PRE-SETTLED STATUS BUT FEARS THE HOME OFFICE");
	expect_none("She has settled status.");
	expect_covers("She has a new tenancy in Ashby", SCRUB_LOCATION, "Ashby");
}

/* A code word she texts, or a codeword written as one word, is how she
 * can safely be reached, as "code word" is. */
Test(failsafe, a_code_word_is_a_safe_contact)
{
	expect_covers("If she messages the word \"lasagne\" officers attend", SCRUB_SAFE_TIME, "lasagne");
	expect_covers("Codeword agreed with her support worker", SCRUB_SAFE_TIME, "Codeword agreed");
}

/* A time and a judgement of it is advice on when to reach her ("days are
 * fine", "mornings are no good"), and what follows a "code:" label is the
 * code. */
Test(failsafe, a_judged_time_and_a_code_label)
{
	expect_covers("He is on earlies so afternoons are fine", SCRUB_SAFE_TIME, "afternoons are fine");
	expect_covers("Evenings no good - his shift ends at 5", SCRUB_SAFE_TIME, "Evenings no good");
	expect_covers("Agreed the code: \"is the parcel here yet\" means send help", SCRUB_SAFE_TIME,
		      "parcel here yet");
	expect_none("The review was good and the plan is working.");
}

/* Someone else's social-media account is a route he does not watch, as
 * her friend's phone is; his messages to her on it are a report. */
Test(failsafe, someone_elses_account_is_a_route)
{
	expect_covers("She is using her cousin's Instagram to message the IDVA", SCRUB_SAFE_TIME,
		      "cousin's Instagram");
	expect_none("He messaged her on Instagram at 2am.");
}

/* A postcode, or the end of one, is where she is even when the value
 * recognisers take the code itself: the word around it goes too. */
Test(failsafe, a_postcode_named_is_where_she_is)
{
	expect("Safe house sorted. Postcode ends 3JW - keep it off the minutes.", SCRUB_LOCATION,
	       "Postcode ends 3JW");
	expect("Her new postcode is HG4 9XX if control need it.", SCRUB_LOCATION,
	       "Her new postcode is HG4 9XX if control need it");
	expect_none("His postcode is on the bail sheet.");
}

/* When she is free, whether she can talk, and her breaks are safe times. */
Test(failsafe, free_times_breaks_and_if_she_can_talk)
{
	expect("Leanne says she is free after 3pm once the kids are collected.", SCRUB_SAFE_TIME,
	       "Leanne says she is free after 3pm once the kids are collected");
	expect("Im free in the evenings on my rest days", SCRUB_SAFE_TIME,
	       "Im free in the evenings on my rest days");
	expect("Text her on her breaks at the bakery.", SCRUB_SAFE_TIME,
	       "Text her on her breaks at the bakery");
	expect("Ring the landline first; if she answers 'yes' she can chat.", SCRUB_SAFE_TIME,
	       "Ring the landline first; if she answers 'yes' she can chat");
	expect_none("Free school meals application sent.");
	expect_none("If he breaches the order he will be arrested.");
}

/* Where she is, said the ways notes say it without a cue word: a kind of
 * dwelling, someone's (house) is in, the street and what it is behind, a
 * CAD line's subject, a journey, a later clause that opens on a place. */
Test(failsafe, whereabouts_without_a_cue_word)
{
	expect("Her cousin's trailer is the grey one by the tip.", SCRUB_LOCATION,
	       "Her cousin's trailer is the grey one by the tip");
	expect("mate has a four-in-a-block past the bowling green", SCRUB_LOCATION,
	       "mate has a four-in-a-block past the bowling green");
	expect("my aunties in whitby for now", SCRUB_LOCATION, "my aunties in whitby for now");
	expect("Home now means her grandparents' in Tralee.", SCRUB_LOCATION,
	       "Home now means her grandparents' in Tralee");
	expect("its the house with the yellow door opposite the chapel", SCRUB_LOCATION,
	       "its the house with the yellow door opposite the chapel");
	expect("it's on the lane behind the garage", SCRUB_LOCATION, "it's on the lane behind the garage");
	expect("14.10 FEMALE AT KESWICK", SCRUB_LOCATION, "FEMALE AT KESWICK");
	expect("14.02 ADVISED TO MAKE HER WAY TO PENRITH BUS STATION", SCRUB_LOCATION,
	       "ADVISED TO MAKE HER WAY TO PENRITH BUS STATION");
	expect("14.30 FEMALE GOT OFF AT CARLISLE", SCRUB_LOCATION, "FEMALE GOT OFF AT CARLISLE");
	expect("She is safe; it is outside Cumbria.", SCRUB_LOCATION, "it is outside Cumbria");
	expect("Rhian took a taxi to Tenby last night.", SCRUB_LOCATION,
	       "Rhian took a taxi to Tenby last night");
	expect("She is at her godmother's - in Ruthin, near the castle - for now.", SCRUB_LOCATION,
	       "in Ruthin, near the castle");
	expect_none("He was parked on the road behind the pub.");
	expect_none("Seen at clinic; in March she missed two doses.");
	expect_none("Officers attended at the flat after a call from the downstairs neighbour.");
	expect_none("The pupils' home reading project restarts.");
}

/* A routine's place and hour: the school run with bare hours, where she
 * parks up for the night. */
Test(failsafe, school_run_hours_and_where_she_parks_up)
{
	expect("nan will do drop-off at 9 and pick-up at 3 tomorrow", SCRUB_LOCATION,
	       "nan will do drop-off at 9 and pick-up at 3 tomorrow");
	expect("Most nights she parks up at the services near Penrith.", SCRUB_LOCATION,
	       "Most nights she parks up at the services near Penrith");
	expect_none("Officers attended at 22 Mill Road.");
	expect_none("Dad shouted at staff at pick-up 12/10 15:05.");
}

/* A weekday and a time after a contact clause are the safe time, not a
 * log stamp: only a sentence's start is a stamp. */
Test(failsafe, a_day_and_time_clause_after_a_contact)
{
	expect("Calls to go through the project office; Thursdays 2pm.", SCRUB_SAFE_TIME,
	       "Calls to go through the project office; Thursdays 2pm");
	expect("Tue 4/11 She is staying at her cousin's in Hexham.", SCRUB_LOCATION,
	       "She is staying at her cousin's in Hexham");
}

/* A dwelling named after "is", and the place before "where she sleeps". */
Test(failsafe, a_dwelling_named_and_where_she_sleeps)
{
	expect("She moved on Friday; the flat is Alder Court, third floor.", SCRUB_LOCATION,
	       "the flat is Alder Court, third floor");
	expect("Her cousin collects her from Hexham where she has been sleeping.", SCRUB_LOCATION,
	       "Her cousin collects her from Hexham where she has been sleeping");
	expect_none("He would not say where he went.");
	expect("Can patrols pass the Heron Way flat tonight?", SCRUB_LOCATION,
	       "Can patrols pass the Heron Way flat tonight");
}

/* A CAD log's entries are lines of their own: "2341 ..." starts a new one
 * even after a line ending in a number. */
Test(failsafe, cad_entries_are_not_wrapped_lines)
{
	const char *s = "Serial 0412 of 03/12/26\n2341 FEMALE CALLER SAYS EX IS OUTSIDE WITH A BAT\n";
	expect(s, SCRUB_LOCATION, "FEMALE CALLER SAYS EX IS OUTSIDE WITH A BAT");
}

/*
 * The scan reads a word of up to 16 bytes sixteen at a time where sixteen
 * are there, byte by byte in the text's last sixteen: the same words must
 * give the same spans either way. Each sentence ends on the word that
 * decides it (a possessive, capitals, a word of 16 or 17 letters), alone
 * and with spaces after it.
 */
Test(failsafe, last_word_read_alike_at_the_end_and_inside)
{
	static const char *const S[] = {
		"She has moved in with her Nan's",
		"SHE IS NOW STAYING AT HER MUM'S",
		"Since the weekend she has been sofa-surfing",
		"She is staying with her sisters",
		"Safe to call her after 6pm",
		"She lives at Thornleigh-Underbankss",
		"She lives at Thornleigh-Underbanks",
	};
	int withheld = 0;
	for (size_t k = 0; k < sizeof S / sizeof S[0]; k++) {
		char padded[128];
		size_t n = strlen(S[k]);
		snprintf(padded, sizeof padded, "%s%20s", S[k], "");
		struct spans a = {0}, b = {0};
		cr_assert_eq(failsafe_scan_model(S[k], n, &a), 0);
		cr_assert_eq(failsafe_scan_model(padded, strlen(padded), &b), 0);
		spans_sort(&a);
		spans_sort(&b);
		cr_assert_eq(a.n, b.n, "%zu spans alone, %zu inside: %s", a.n, b.n, S[k]);
		for (size_t i = 0; i < a.n; i++) {
			cr_assert(a.v[i].start == b.v[i].start && a.v[i].end == b.v[i].end &&
			          a.v[i].kind == b.v[i].kind, "span %zu differs: %s", i, S[k]);
			withheld += a.v[i].kind == SCRUB_LOCATION || a.v[i].kind == SCRUB_SAFE_TIME;
		}
		spans_free(&a);
		spans_free(&b);
	}
	cr_assert_geq(withheld, 4, "the residence and safe-time sentences are withheld");
}

/* How she can be reached named by the way to reach her, a day of a faith's
 * observance, where her phone has signal and post "care of" somewhere; not
 * "c/o" as "complains of", nor a telephone consultation. */
Test(failsafe, ways_to_reach_her_signal_and_care_of)
{
	expect("Living with a cousin; her imam, not her mobile, is the way to reach her.",
	       SCRUB_SAFE_TIME, "her imam, not her mobile, is the way to reach her");
	expect("Never on the Sabbath; she can talk Monday to Friday after 7pm.", SCRUB_SAFE_TIME,
	       "Never on the Sabbath; she can talk Monday to Friday after 7pm");
	expect("The boat has no signal except by the lock; she walks up there at 9 each morning to "
	       "read texts.",
	       SCRUB_LOCATION,
	       "The boat has no signal except by the lock; she walks up there at 9 each morning to "
	       "read texts");
	expect("Letters c/o the health centre please; do not telephone her.", SCRUB_SAFE_TIME,
	       "Letters c/o the health centre please; do not telephone her");
	expect_none("Seen in ED, c/o chest pain since Tuesday.");
	expect_none("Telephone review via the interpreting service (Tigrinya).");
}

/* An appointment at a named place, and the birth plan's hospital: where she
 * will be; an appointment's date and time alone, a birth reported, and
 * antenatal care in general are not. */
Test(failsafe, an_appointment_at_a_named_place)
{
	expect("- Booked: next appt at Fernhill Health Centre, 9th Jan at 10.40 - IDVA aware.",
	       SCRUB_LOCATION, "next appt at Fernhill Health Centre, 9th Jan at 10.40");
	expect("Birth plan changed to St Aldric's; staff alerted.", SCRUB_LOCATION,
	       "Birth plan changed to St Aldric's");
	expect_none("Next appt 14/01 09:30.");
	expect_none("Birth of baby Tobias at Westcombe General.");
	expect_none("Pregnant 24/40, antenatal at Westcombe General.");
	expect_none("Appointment with the Citizens Advice adviser 12/01 at 14:00.");
}

/* A transfer to another branch or town is where she will be; a bank
 * transfer is money. */
Test(failsafe, a_transfer_to_another_branch)
{
	expect("From March she will transfer to the Westgate store.", SCRUB_LOCATION,
	       "From March she will transfer to the Westgate store");
	expect("The project is transferring her to their Hereford house next week.", SCRUB_LOCATION,
	       "The project is transferring her to their Hereford house next week");
	expect_none("He made three bank transfers with abusive references.");
}

/* What is said ("talk about", "texts about") is no contact. */
Test(failsafe, talking_about_something_is_no_contact)
{
	expect_none("The twins talk about it every night.");
	expect("She can talk after 8 when the twins are asleep.", SCRUB_SAFE_TIME,
	       "She can talk after 8 when the twins are asleep");
}

/* Taken to a hospital, A&E or custody in an incident's account is no
 * residence; taken to someone's, or taken to hospital and then to stay
 * somewhere, is. */
Test(failsafe, conveyed_to_hospital_or_custody)
{
	expect_none("Ambulance attended. Conveyed to Westholm General Hospital.");
	expect_none("03:10 IP CONVEYED TO NORTHGATE A&E");
	expect_none("03:40 MALE CONVEYED TO BRACKMILL CUSTODY");
	expect_none("FEMALE TO WESTHOLM INFIRMARY BY AMB");
	expect("03:55 IP CONVEYED TO HER AUNTIES AT KELBROOK", SCRUB_LOCATION,
	       "IP CONVEYED TO HER AUNTIES AT KELBROOK");
	expect("Taken to Westholm Hospital by ambulance, then to stay at her son's in Ashby.",
	       SCRUB_LOCATION,
	       "Taken to Westholm Hospital by ambulance, then to stay at her son's in Ashby");
	expect("03:12 IP TO SISTERS ADDRESS", SCRUB_LOCATION, "IP TO SISTERS ADDRESS");
}

/* "via" an interpreter names the service the agencies speak through, not
 * a route of hers; a time or condition with it still makes a safe
 * contact. */
Test(failsafe, an_interpreter_is_no_route)
{
	expect_none("Contact via Amharic interpreter (ID 5521).");
	expect_none("Speak with her through the interpreting service (Tigrinya).");
	expect("Contact via the interpreter only after 6pm.", SCRUB_SAFE_TIME,
	       "Contact via the interpreter only after 6pm");
	expect("Contact via her cousin Selam only.", SCRUB_SAFE_TIME, "Contact via her cousin Selam only");
}

/* The fire service's "Safe and Well visit" is a name, and "fleeing DA" is
 * why she left: neither a safe time nor where she is. */
Test(failsafe, safe_and_well_and_fleeing_abuse)
{
	expect_none("Safe and Well visit, 02/03/2027, smoke alarms fitted.");
	expect_none("Homeless application accepted, fleeing domestic abuse (s177 Housing Act 1996).");
	expect("Safe to call after 4pm.", SCRUB_SAFE_TIME, "Safe to call after 4pm");
	expect("She is fleeing to her cousin's in Redruth.", SCRUB_LOCATION,
	       "She is fleeing to her cousin's in Redruth");
}

/* The perpetrator named by his role: where her husband or ex-partner is
 * is not where she is; with her in the clause it still is. */
Test(failsafe, her_husband_alone_is_about_him)
{
	expect_none("Husband is now staying with a friend in Bude.");
	expect_none("Ex-partner moved to Truro in June.");
	expect("She is staying at her husband's aunt's in Bude.", SCRUB_LOCATION,
	       "She is staying at her husband's aunt's in Bude");
}

/* "lives with her son" is the household at the address on file; "now lives
 * with", a place after it, or "no longer lives with her" still say where
 * or when. */
Test(failsafe, who_she_lives_with_is_no_whereabouts)
{
	expect_none("Mrs Penrose (79) lives with her grandson Tobias, who manages her money.");
	expect("She now lives with her brother.", SCRUB_LOCATION, "She now lives with her brother");
	expect("She lives with her brother in Penzance.", SCRUB_LOCATION,
	       "She lives with her brother in Penzance");
	expect("Ring any time, he no longer lives with her.", SCRUB_LOCATION,
	       "Ring any time, he no longer lives with her");
}

/* Someone moving into her home ("Tomasz moved in last week") is no
 * whereabouts; she moving in, or moving in with someone, is. */
Test(failsafe, someone_moving_in_is_no_whereabouts)
{
	expect_none("Stepson Tomasz moved back in after prison.");
	expect_none("Lodger Bartek moved in yesterday.");
	expect("She moves in on the 9th.", SCRUB_LOCATION, "She moves in on the 9th");
	expect("Anya has moved in with her aunt.", SCRUB_LOCATION, "Anya has moved in with her aunt");
}

/* Time spent with someone or somewhere is a stay, whatever lies between
 * the verb and the preposition; what she would accept in a housing
 * application is where she will live; "Co." ends no sentence. */
Test(failsafe, time_spent_and_areas_she_would_accept)
{
	expect("Note: she and the twins spent the last few nights with paternal nan at Pocklington.",
	       SCRUB_LOCATION,
	       "she and the twins spent the last few nights with paternal nan at Pocklington");
	expect("Tesni spent 3 days at a friend's in Corwen.", SCRUB_LOCATION,
	       "Tesni spent 3 days at a friend's in Corwen");
	expect("Applicant would consider Garstang or Lofthouse.", SCRUB_LOCATION,
	       "Applicant would consider Garstang or Lofthouse");
	expect("She has gone to her aunt's in Ballycastle (Co. Mayo).", SCRUB_LOCATION,
	       "She has gone to her aunt's in Ballycastle (Co. Mayo)");
	/* money spent, a law considered, time spent with no place */
	expect_none("She spent the benefit money on the electric.");
	expect_none("She may consider Sarah's Law for his new partner.");
	expect_none("She spent an hour crying after the hearing.");
}

/* A dwelling named where it is says where, even after "the"; a business
 * named by its trade is someone's workplace (place_addr.c's). */
Test(failsafe, a_dwelling_named_where_it_is)
{
	expect("DAUGHTER WILL COLLECT HER AND TAKE HER TO THE FLAT ON LARCH WALK", SCRUB_LOCATION,
	       "DAUGHTER WILL COLLECT HER AND TAKE HER TO THE FLAT ON LARCH WALK");
	expect("Mum and baby are in the bungalow in Hornsea.", SCRUB_LOCATION,
	       "Mum and baby are in the bungalow in Hornsea");
	expect_none("His brothers run the pancake house on Tannery Row.");
	expect_none("The house in March was cold and damp.");
}

/* No span covers the text what (found in s). */
static void expect_kept(const char *s, const char *what)
{
	struct spans sv = scan(s);
	const char *p = strstr(s, what);
	cr_assert_not_null(p);
	size_t at = (size_t)(p - s), n = strlen(what);
	int hit = 0;
	for (size_t i = 0; i < sv.n; i++)
		hit |= sv.v[i].start < at + n && sv.v[i].end > at;
	if (hit)
		dump(s, &sv);
	spans_free(&sv);
	cr_assert(!hit, "want [%s] kept in: %s", what, s);
}

/* After a withheld statement of where she is, a clause that only names a
 * place names it again and goes too; a heading's name, or a clause with a
 * verb, stays. */
Test(failsafe, a_name_after_where_she_is_goes_with_it)
{
	expect("Plan: she will go to a crisis house run by the trust - Wren Lodge, Portishead.",
	       SCRUB_LOCATION, "Wren Lodge, Portishead");
	expect("0214 FEMALE NOW AT THE SWIMMING BATHS ON GASWORKS ROAD - FITZONE", SCRUB_LOCATION,
	       "FITZONE");
	expect_kept("Tenancy note - Brookvale.", "Brookvale");
	expect_kept("She is staying at her cousin's in Tregaron - seen by the GP today.",
	            "seen by the GP today");
}

/* A journey from or to a named place says where she lives or goes; his
 * own journey stays. Right after where she is, "it's near ..." is that
 * place again; "it is in place" is not, nor "it's near" after a sentence
 * that said nowhere. */
Test(failsafe, journeys_and_the_place_said_again)
{
	expect("Kids stay at the same school - bus from Oakhurst each morning.", SCRUB_LOCATION,
	       "bus from Oakhurst each morning");
	expect_none("He caught the train from Hornsea to the hearing.");
	expect("She has moved to a flat her cousin found. It's just off the dual carriageway "
	       "near the big supermarket.",
	       SCRUB_LOCATION, "It's just off the dual carriageway near the big supermarket");
	expect_kept("She has moved to a flat her cousin found. It is in place until May.",
	            "It is in place until May");
	expect_none("The court date is set. It's near the end of the list.");
}

/* Text the gateway scrubbed before (a view pasted into a new share) holds
 * its markers: their words are the gateway's, no statement of the note's,
 * and a withheld statement ends where its marker ends, so the sentence
 * after it is judged alone. Neither the rules nor the model take the
 * markers' "victim location" or "safe times" for where she is. */
Test(failsafe, the_gateways_own_markers_say_nothing)
{
	static const char *const S[] = {
		"[WITHHELD s38: victim location]. Dr Quillon at the surgery knows.",
		"Neighbour [REDACTED s40(2): name] rang [REDACTED s40(2): phone] at 2am. "
		"[WITHHELD s38: victim location] [REDACTED s40(2): name] at the surgery knows.",
		"[WITHHELD s38: safe times] Review at the next meeting.",
	};
	for (size_t k = 0; k < sizeof S / sizeof S[0]; k++) {
		struct spans sv = {0};
		cr_assert_eq(failsafe_scan_model(S[k], strlen(S[k]), &sv), 0);
		dump(S[k], &sv);
		cr_assert_eq(sv.n, 0, "withheld in: %s", S[k]);
		spans_free(&sv);
	}
	/* a statement around a marker is still one */
	expect("She is staying with [REDACTED s40(2): name] in Wexcombe now.", SCRUB_LOCATION,
	       "She is staying with [REDACTED s40(2): name] in Wexcombe now");
}

/* Her being seen somewhere, and "down <County> way", say where she is, in
 * whoever's words (his family asking after her on social media); him seen
 * somewhere, her seen in clinic or at a hearing, "up early" and "over
 * Easter" do not. */
Test(failsafe, where_she_was_seen_and_which_way_she_went)
{
	expect("His brother posted \"anyone seen her in Tenbury?\" on a local page.", SCRUB_LOCATION,
	       "His brother posted \"anyone seen her in Tenbury");
	expect("A neighbour spotted her at the Spar in Wrockwardine.", SCRUB_LOCATION,
	       "A neighbour spotted her at the Spar in Wrockwardine");
	expect("She was sighted in Ludlow by his cousin.", SCRUB_LOCATION,
	       "She was sighted in Ludlow by his cousin");
	expect("His mate texted her mum: \"we know she's down Dorset way\".", SCRUB_LOCATION,
	       "His mate texted her mum: \"we know she's down Dorset way\"");
	expect_none("He was seen in Tenbury on CCTV.");
	expect_none("The consultant has seen her in clinic twice.");
	expect_none("The IDVA has seen her at the hearing.");
	expect_none("She's up early most days.");
	expect_none("She is over Easter with no money.");
	expect("She has gone up north to family.", SCRUB_LOCATION, "She has gone up north to family");
	expect("She's holed up at a hotel off the motorway.", SCRUB_LOCATION,
	       "She's holed up at a hotel off the motorway");
	expect_none("He has gone up north.");
}

/* Her label and only a time window after it is when she can be reached
 * (an e-mail's last line "Maisie: 10-2 weekdays", a form's "V: 9-11am"),
 * label and all: the name says whose window it is. A label that is a
 * common word, a date, a clock time alone or a score stays; so does a
 * speaker's line that says more. */
Test(failsafe, her_label_then_only_a_time_window)
{
	expect("V: 9-11am.", SCRUB_SAFE_TIME, "V: 9-11am");
	expect("Maisie: 10-2 weekdays.", SCRUB_SAFE_TIME, "Maisie: 10-2 weekdays");
	expect("Client: evenings", SCRUB_SAFE_TIME, "Client: evenings");
	expect("Maisie: 12.30-2pm", SCRUB_SAFE_TIME, "Maisie: 12.30-2pm");
	expect_none("Hours: 9-5.");
	expect_none("Score: 3-1.");
	expect_none("Arrived: 10:30");
	expect_none("Maisie: 2019-20");
	expect_none("Ages: 10-12");
}

/* A case or conference transferred to another area names where the family
 * now live (the receiving authority), after whatever is transferred; money
 * transferred names nowhere. */
Test(failsafe, a_case_transferred_to_where_they_now_live)
{
	expect("02/11 Transfer-in ICPC requested with Wexcombe Children's Services.", SCRUB_LOCATION,
	       "Transfer-in ICPC requested with Wexcombe Children's Services");
	expect("Transfer of the case to Bramhurst requested.", SCRUB_LOCATION,
	       "Transfer of the case to Bramhurst requested");
	expect_none("He made a bank transfer of 200 pounds to his brother.");
	expect_none("Transfer of funds to her Barnley Building Society account was stopped.");
	expect_none("Transfer of the case file to the MARAC coordinator is done.");
}

/* A form's label of where ("Location:", "Area:", "Town:") then a name or
 * someone's says where, label and all; a meeting's location, his, an
 * incident's and "unknown" stay. */
Test(failsafe, a_label_of_where_then_a_name)
{
	expect("Client accommodated in refuge. Provider: Orla Trust. Location: Wexcombe.",
	       SCRUB_LOCATION, "Location: Wexcombe");
	expect("Area: Bramhurst", SCRUB_LOCATION, "Area: Bramhurst");
	expect("Current location: her sister's", SCRUB_LOCATION, "Current location: her sister's");
	expect_none("Meeting location: Town Hall");
	expect_none("Perpetrator location: HMP Wexcombe");
	expect_none("Location of incident: car park");
	expect_none("Location: unknown");
}

/* Advice to reach her on a channel (an app, the landline) is her route;
 * a call reported, his mobile and her phone as a thing stay. A provider
 * that placed her says where she is housed; an order placed by phone does
 * not. */
Test(failsafe, a_channel_to_reach_her_and_who_placed_her)
{
	expect("Reach her on WhatsApp, not her mobile.", SCRUB_SAFE_TIME,
	       "Reach her on WhatsApp, not her mobile");
	expect("Message her on Telegram.", SCRUB_SAFE_TIME, "Message her on Telegram");
	expect("Call her on the landline.", SCRUB_SAFE_TIME, "Call her on the landline");
	expect_none("I called her on her mobile at 10.");
	expect_none("Police to call him on his mobile.");
	expect_none("Photos on her phone were deleted.");
	expect("She's been placed by the Orla Trust.", SCRUB_LOCATION,
	       "She's been placed by the Orla Trust");
	expect_none("The order was placed by phone.");
	expect("Leave a voicemail saying it's the dentist.", SCRUB_SAFE_TIME,
	       "Leave a voicemail saying it's the dentist");
	expect("Leave a message with her sister.", SCRUB_SAFE_TIME,
	       "Leave a message with her sister");
	expect_none("He left a voicemail threatening her.");
}

/* Taking her people somewhere says where they go ("take the kids to her
 * friend's in <Town>"), not school, not his act; a bare subject's company
 * keeps its "to" ("V AND CHILD TO ...", "Mum and <Name> to ..."); "is
 * indeed at", "is believed to be at" are "is at". */
Test(failsafe, taken_somewhere_with_company_and_hedged)
{
	expect("Mum said she will take the kids to her friend Pella's in Wexcombe tonight.",
	       SCRUB_LOCATION,
	       "Mum said she will take the kids to her friend Pella's in Wexcombe tonight");
	expect("0310 V AND CHILD TO HER COUSIN'S BY POLICE CAR", SCRUB_LOCATION,
	       "V AND CHILD TO HER COUSIN'S BY POLICE CAR");
	expect("mum and Tobiah to mum's nan in Bramhurst", SCRUB_LOCATION,
	       "mum and Tobiah to mum's nan in Bramhurst");
	expect("Mum & Tobiah now at maternal grandparents', Bramhurst", SCRUB_LOCATION,
	       "Mum & Tobiah now at maternal grandparents', Bramhurst");
	expect_none("Mum & Dad happy with the plan.");
	expect("victim is indeed at her sister Orla's in Wexcombe", SCRUB_LOCATION,
	       "victim is indeed at her sister Orla's in Wexcombe");
	expect_none("She took the children to school.");
	expect_none("The meeting will take place at the Town Hall.");
	expect_none("Husband has threatened to take the children to Bramhurst.");
	expect_none("Mum and dad to attend the review.");
}

/* Him in a condition (until, unless, when, while) is when, not whose the
 * clause is: a note that drops her as the subject still says where she
 * is. His own stay, with the condition after, stays his. */
Test(failsafe, him_in_a_condition_is_when_not_whose)
{
	expect("Currently at the friend's house in Bramhurst until husband leaves for his job.",
	       SCRUB_LOCATION,
	       "Currently at the friend's house in Bramhurst until husband leaves for his job");
	expect("Staying at a friend's in Wexcombe while he is on bail.", SCRUB_LOCATION,
	       "Staying at a friend's in Wexcombe while he is on bail");
	expect_none("He is staying at his mum's in Bramhurst until the hearing.");
}

/* When she is alone (alone, on her own, by herself) with a weekday or an
 * hour is when she can be met; "left alone at night" (no weekday, no
 * hour), his leaving her alone and "see the child alone by 25/11" are
 * not. */
Test(failsafe, when_she_is_alone)
{
	expect("She's alone on the till after 2 on Tuesdays.", SCRUB_SAFE_TIME,
	       "She's alone on the till after 2 on Tuesdays");
	expect("She comes to clinic on her own on Fridays.", SCRUB_SAFE_TIME,
	       "She comes to clinic on her own on Fridays");
	expect_none("She was left alone with the baby at night.");
	expect_none("He left her alone on Tuesday after the assault.");
	expect_none("SW to see Tobiah alone by 25/11.");
}

/* s11-over: "at home" after an incident in the same clause is where it
 * happened (the address the notes already hold), not where she lives now;
 * a being, living or going word after the incident makes it hers again. */
Test(failsafe, at_home_after_an_incident_is_where_it_happened)
{
	expect_none("Notification from Wexshire Police: DA incident at home 03/02 22:10, both children present.");
	expect_none("Reports she was punched by her partner at home approx 0200.");
	expect_none("Op Encompass - DA at home overnight, police attended 0140.");
	expect("Assaulted on Friday, she is now at home with her aunt.", SCRUB_LOCATION,
	       "Assaulted on Friday, she is now at home with her aunt");
	expect("The victim is staying at home with her dad in Bramhurst.", SCRUB_LOCATION,
	       "The victim is staying at home with her dad in Bramhurst");
}

/* s11-over: the incident's home with a place named after it ("at home in
 * <Town>", "at home, <Town>", "at home (Flat 2 ...") stays withheld. */
Test(failsafe, at_home_after_an_incident_with_a_place_named_stays_withheld)
{
	expect("DA incident at home in Bramhurst last night.", SCRUB_LOCATION,
	       "DA incident at home in Bramhurst last night");
	expect("Incident at home, Wexcombe, 02:10.", SCRUB_LOCATION, "Incident at home, Wexcombe, 02:10");
	expect_none("DA incident at home 03/02 22:10, Tobiah present.");
}

/* s11-where. "There" after a going or staying verb is the place just
 * named; "bide" is Scots and northern English for stay; someone's home
 * named by the possessive alone after "from" or a going verb with no
 * preposition ("rang from a cousin's", "going ur aunties"). "Is there",
 * "from her uncle's account" and his own stay are not. */
Test(failsafe, there_bide_and_a_possessive_home_without_a_preposition)
{
	expect("Aunt Wenna offered her the box room. Tamsin went there on Sunday with a suitcase.",
	       SCRUB_LOCATION, "Tamsin went there on Sunday with a suitcase");
	expect("They will bide there until the new flat is ready.", SCRUB_LOCATION,
	       "They will bide there until the new flat is ready");
	expect("She will bide at her cousin's a while.", SCRUB_LOCATION,
	       "She will bide at her cousin's a while");
	expect("She phoned from a cousin's - unsure of the road.", SCRUB_LOCATION,
	       "She phoned from a cousin's");
	expect("u think ur clever going ur aunties", SCRUB_LOCATION,
	       "u think ur clever going ur aunties");
	expect_none("Is there any news from the court? There went the last bus.");
	expect_none("Rent is paid from her uncle's account.");
	expect_none("He went there on Sunday to collect his tools.");
}

/* s11-where. Where she rang from is where she is: a place, a name or any
 * noun after "rang from", "RINGING FROM", "called from" (her, her label or
 * someone by name ringing). The line she rang on ("a withheld number",
 * "07700 900123"), who was with her ("from her sister"), him, an agency
 * ringing, and her relative ringing from where they live are not. */
Test(failsafe, where_she_rang_from)
{
	expect("IP RINGING FROM THE ALL-NIGHT GARAGE ON MILL RD, SAYS HE THREW HER OUT.",
	       SCRUB_LOCATION,
	       "IP RINGING FROM THE ALL-NIGHT GARAGE ON MILL RD, SAYS HE THREW HER OUT");
	expect("IP RANG FROM OUTSIDE THE CHAPEL IN BRAMHURST.", SCRUB_LOCATION,
	       "IP RANG FROM OUTSIDE THE CHAPEL IN BRAMHURST");
	expect("Morwenna rang from the library at Wexcombe.", SCRUB_LOCATION,
	       "Morwenna rang from the library at Wexcombe");
	expect("Mum rang from her friend Tegan's.", SCRUB_LOCATION,
	       "Mum rang from her friend Tegan's");
	expect_none("She rang from a withheld number at 10:02.");
	expect_none("She rang from her sister at 9.");
	expect_none("He rang from the pub.");
	expect_none("The school rang from the office.");
	expect_none("Her mum Enid rang from Calderby, very worried.");
}

/* s11-where. Where a worker met or will meet her, a common place in small
 * letters, is where she goes; his meeting her, a time, an agency's own
 * premises and a venue by its name (an agency's) are not. */
Test(failsafe, where_she_was_met)
{
	expect("Met Tegan in the bakery on the harbour.", SCRUB_LOCATION,
	       "Met Tegan in the bakery on the harbour");
	expect_none("He met her at a party in 2015.");
	expect_none("Met client at the office with an interpreter.");
	expect_none("Met Tegan at the advice service before the trial.");
	expect_none("Met client at Calderby Civic Centre.");
}

/* s11-where. Her working hours (works, finishes, starts at) with a day, an
 * hour or a condition say when she is out and when at home: a safe time,
 * with the rest of its sentence. His hours, an office's, "working with"
 * and a start that is no shift are not. */
Test(failsafe, her_working_hours)
{
	expect("She works weekdays 8-4.", SCRUB_SAFE_TIME, "She works weekdays 8-4");
	expect("Morwenna finishes at 3 on Thursdays; text then.", SCRUB_SAFE_TIME,
	       "Morwenna finishes at 3 on Thursdays; text then");
	expect_none("He works weekdays 8-4.");
	expect_none("The office works 9-5 on weekdays.");
	expect_none("She is working with the IDVA on Mondays.");
	expect_none("The children start school on Monday.");
}

/* A clause with many "at home" and no stop (s11-review): each "home" read
 * the clause back to its start, so 64 KiB took 15 s and a 1 MiB narrative
 * about an hour on the writer. Now the clause is read once: the same text
 * costs about what one with "at house" does (CPU time, the least of five;
 * the bound is 50 times that, against about 10,000 times before). */
Test(failsafe, many_at_homes_in_one_clause_cost_linear_time)
{
	size_t n = 64 * 1024;
	char *home = malloc(n + 32), *house = malloc(n + 32);
	cr_assert(home && house);
	size_t k = (size_t)sprintf(home, "She was assaulted ");
	memcpy(house, home, k);
	while (k + 8 < n) {
		memcpy(home + k, "at home ", 8);
		memcpy(house + k, "at hous ", 8);
		k += 8;
	}
	double a = lg_cpu_least(failsafe_scan_model, home, k, 5),
	       b = lg_cpu_least(failsafe_scan_model, house, k, 5);
	cr_assert_lt(a, 50 * b + 0.01, "\"at home\" x %zu: %.4f s, \"at hous\": %.4f s", k / 8, a, b);
	free(home), free(house);
}

/* The same for every cue this session's rules read around (s11-where's
 * "rang from", "there", "met her in", her working hours; s11-over's
 * incident): 64 KiB of one phrase again and again, no stop, costs at most
 * 50 times a text of the same length with no cue. */
Test(failsafe, repeated_cues_without_a_stop_cost_linear_time)
{
	static const char *const cue[] = {"rang from a friend's ", "she went there ", "met her in the cafe ",
					  "she works weekdays 9 ", "DA incident at home ", "she is staying at ",
					  "ringing from across the ", "at home in "};
	lg_assert_linear(failsafe_scan_model, cue, sizeof cue / sizeof cue[0], 64 * 1024, 5);
}

/* s13-over: where an incident happened, her home as the notes know it ("at
 * her home", "the family home", "home address"), is no statement of where
 * she is now; a new dwelling, a place named after it, "now" or a verb of
 * living in the clause still are. */
Test(failsafe, incident_at_her_known_home_is_kept)
{
	expect_none("Police: Brannock assaulted Ms Quell at her home on 7 November (punched).");
	expect_none("Referrer: Wexshire Police following an incident on 10 November at the family home.");
	expect_none("Notification: DA at home address last night, children present, father arrested.");
	expect_none("Husband grabbed her throat at home on 18/11.");
	expect("She was assaulted at her new flat in Tormouth on 3/11.", SCRUB_LOCATION,
	       "She was assaulted at her new flat in Tormouth on 3/11");
	expect("He assaulted her at home in Quellby; she is safe.", SCRUB_LOCATION,
	       "He assaulted her at home in Quellby");
	expect("Incident at her home; she is now staying at her aunt's.", SCRUB_LOCATION,
	       "she is now staying at her aunt's");
	expect("Assaulted at her flat, she is now at her flat with her mum.", SCRUB_LOCATION,
	       "Assaulted at her flat, she is now at her flat with her mum");
}

Test(failsafe, incident_clauses_without_a_stop_cost_linear_time)
{
	static const char *const cue[] = {"assaulted at her home ", "incident at the family home ",
					  "DA at home address "};
	lg_assert_linear(failsafe_scan_model, cue, sizeof cue / sizeof cue[0], 64 * 1024, 5);
}

/* s13-over: idioms of living, staying and moving that name no place: "live
 * in hope", "stay away (from her)", money moved, "into his name"; the
 * same words with a place still say where. */
Test(failsafe, idioms_of_living_and_moving_name_no_place)
{
	expect_none("Pt says \"I live in hope he'll change\".");
	expect_none("She has no hope he will stay away.");
	expect_none("He was told to stay away from her and the children.");
	expect_none("Brannock has moved £5,500 out of the joint savings.");
	expect_none("Her inheritance went into his name.");
	expect("She lives in Hope now.", SCRUB_LOCATION, "She lives in Hope now");
	expect("She is staying away from home for now.", SCRUB_LOCATION,
	       "She is staying away from home for now");
	expect("She moved to Quellby last week.", SCRUB_LOCATION, "She moved to Quellby last week");
}

/* s13-over: a word of living in an agency's title-case name ("Staying Strong",
 * "Living Beyond Harm"), "where she lives" as a topic, the joint tenancy
 * the notes know and a CAD's "BY AMBO" are no statements of where she is;
 * the same words saying where still are. */
Test(failsafe, agency_names_topics_and_known_tenancy_are_kept)
{
	expect_none("IDVA notes - Staying Strong Wexhollow - interpreter used.");
	expect_none("Present: Staying Strong; Wexshire CSC; Probation.");
	expect_none("Referred to Living Beyond Harm (LBH).");
	expect_none("Mrs Quell has capacity for decisions about where she lives and who she sees.");
	expect_none("Rent arrears on joint tenancy £980.50 - husband's responsibility.");
	expect_none("00:40 FEMALE TO TORMOUTH GENERAL BY AMBO");
	expect("Staying With Mum.", SCRUB_LOCATION, "Staying With Mum");
	expect("Moved To Quellby", SCRUB_LOCATION, "Moved To Quellby");
	expect("He knows where she lives in Quellby.", SCRUB_LOCATION,
	       "He knows where she lives in Quellby");
	expect("She told me where she lives now.", SCRUB_LOCATION, "She told me where she lives now");
	expect("She has a new tenancy in Tormouth.", SCRUB_LOCATION, "She has a new tenancy in Tormouth");
}

/* s13-over: a worker's visit at her known home is kept too ("Seen at home");
 * someone else's address after a visit or an attendance is where she is. */
Test(failsafe, visit_at_her_known_home_kept_someone_elses_withheld)
{
	expect_none("Seen at home, mum Aditi, baby Roo, sibling Tam (3).");
	expect_none("Brannock attended the victim's home in breach of the order.");
	expect("0140 PC 1234 ATTENDED AT KESSIAS ADDRESS. INFORMANT SAFE AND WELL.", SCRUB_LOCATION,
	       "PC 1234 ATTENDED AT KESSIAS ADDRESS");
	expect("Seen at her home in Quellby.", SCRUB_LOCATION, "Seen at her home in Quellby");
	expect("Brannock broke into her friend's flat.", SCRUB_LOCATION,
	       "Brannock broke into her friend's flat");
}

/* s13-over: the national charity "Refuge" (in brackets, a list, a heading
 * before a spaced dash) is no refuge she is in. */
Test(failsafe, refuge_the_charity_is_kept)
{
	expect_none("Present: Wexshire IDVA Service (Refuge); Wexshire Children's Services.");
	expect_none("Refuge - Wexshire IDVA Service - report to Wexshire MARAC.");
	expect("Refuge space confirmed for Monday.", SCRUB_LOCATION, "Refuge space confirmed for Monday");
}

/* s13-over: "speaks" before a language, "on call" (on duty) and "via" an
 * interpreter in the next clause are no safe contact; speaking to her at a
 * time or through someone still is. */
Test(failsafe, language_on_call_and_interpreter_are_no_contact)
{
	expect_none("She speaks Kurdish Sorani; interpreter via Lingua Wex.");
	expect_none("IP speaks little English; Ukrainian interpreter via Wex Languages.");
	expect_none("01:20 SUSPECT DETAINED. IP SUPPORTED BY SOCIAL WORKER ON CALL TOMORROW");
	expect("She can speak Tuesdays after 2.", SCRUB_SAFE_TIME, "She can speak Tuesdays after 2.");
	expect("Speak to her via her sister only, evenings.", SCRUB_SAFE_TIME,
	       "Speak to her via her sister only, evenings");
	expect("Contact via her sister only; after 6.", SCRUB_SAFE_TIME,
	       "Contact via her sister only; after 6.");
}

/* s13-over: "the same address", "attended address" in an incident's clause
 * are the known home; "TA/<digits>" is a reference, not temporary
 * accommodation. */
Test(failsafe, same_address_and_ta_reference_are_kept)
{
	expect_none("20:05 LOG 1234 03/12 LINKED TO LOG 0999 01/12 (PREV DA SAME ADDRESS)");
	expect_none("Ex attended address uninvited on Saturday night, smashed front window.");
	expect_none("Tenant's rent account TA/00990011.");
	expect("She is in TA in Quellby.", SCRUB_LOCATION, "She is in TA in Quellby");
	expect("Ex found her at a new address and smashed the window.", SCRUB_LOCATION,
	       "Ex found her at a new address and smashed the window");
}

/* s13-over: a clock time or a date after "at home," is when the incident
 * was, not a house number after it. */
Test(failsafe, incident_at_home_then_a_time_is_kept)
{
	expect_none("Op Encompass (ref 4410): DA at home, 23:10.");
	expect_none("Assaulted at home (14/11).");
	expect("DA at home, 12 Elm Close.", SCRUB_LOCATION, "DA at home, 12 Elm Close");
}

/* s13-where. A span of days joined by '-' ("Thurs-Sun", "mon-fri") is a
 * time, as "weekdays" is: her working days so written are a safe time. At
 * a sentence's start it is a window, no log entry's day: it stays in the
 * span. An office's days and his stay. */
Test(failsafe, a_span_of_days_is_a_time)
{
	expect("Ellowen works at the nursery on Quarry Lane, Thurs-Sun 9-5.", SCRUB_SAFE_TIME,
	       "Ellowen works at the nursery on Quarry Lane, Thurs-Sun 9-5");
	expect("Mon-Fri 10-12 best time to call", SCRUB_SAFE_TIME, "Mon-Fri 10-12 best time to call");
	expect("Tue 4/11 best time to call is after 6", SCRUB_SAFE_TIME, "best time to call is after 6");
	expect_none("He works Thurs-Sun 9-5 at the depot.");
	expect_none("The library is open Mon-Fri.");
}

/* s13-where. A routine (a shift, a rota, earlies) with an hour range or a
 * weekday says where she will be and when; his alone does not, nor a
 * shift with no time. */
Test(failsafe, a_shift_or_rota_with_hours)
{
	expect("Zoryana cleans offices for a contractor, shift 22:00-06:00.", SCRUB_LOCATION,
	       "Zoryana cleans offices for a contractor, shift 22:00-06:00");
	expect("She is on earlies, 4am-12, four on four off.", SCRUB_LOCATION,
	       "She is on earlies, 4am-12, four on four off");
	expect("Client's work: rota is Mon, Wed, Fri 9-6.", SCRUB_LOCATION, "rota is Mon, Wed, Fri 9-6");
	expect_none("Husband works shifts 6-2 at the depot.");
	expect_none("The shift pattern is under review.");
}

/* s13-where. Areas she has asked for are where she will live: a choice of
 * two or more capitalised places after wants/asked for/requested. Not a
 * person she wants, not agencies joined with other words, not his. */
Test(failsafe, areas_she_has_asked_for)
{
	expect("Housing: she wants Brackton or Wellmere.", SCRUB_LOCATION, "she wants Brackton or Wellmere");
	expect("She has asked for Ostley/Haddleby.", SCRUB_LOCATION, "She has asked for Ostley/Haddleby");
	expect("Has asked for areas: Holmwood, Ardglen, Newtonbury.", SCRUB_LOCATION,
	       "Has asked for areas: Holmwood, Ardglen, Newtonbury");
	expect("she has asked for Ostley Rise / Haddleby Cross", SCRUB_LOCATION,
	       "she has asked for Ostley Rise / Haddleby Cross");
	expect_none("She wants Tom to have the children.");
	expect_none("He wants Brackton or Wellmere.");
	expect_none("She has asked for a copy of the report.");
}

/* The cues above, repeated with no stop, cost linear time. */
Test(failsafe, s13_cues_without_a_stop_cost_linear_time)
{
	static const char *const cue[] = {"she wants Brackton or Wellmere or ", "shift 22:00-06:00 ",
					  "rota is Mon-Fri 9-5 ", "asked for areas: Holm, Ard, "};
	lg_assert_linear(failsafe_scan_model, cue, sizeof cue / sizeof cue[0], 64 * 1024, 5);
}

/* s13-where. Someone who passes messages to her is her route, and the name
 * to ask for on a phone she answers is how to reach her; a report that he
 * has been passing messages from someone, a message to the team and a
 * receipt asked for are not. Areas named after "preference" or "requested"
 * are where she will live. */
Test(failsafe, a_route_through_someone_else)
{
	expect("Her ward manager can get a message to her; number on file.", SCRUB_SAFE_TIME,
	       "Her ward manager can get a message to her; number on file");
	expect("Project worker Ankaret will pass messages.", SCRUB_SAFE_TIME,
	       "Project worker Ankaret will pass messages");
	expect("Mrs Velanne answers the phone, ask for \"Brisca\".", SCRUB_SAFE_TIME,
	       "Mrs Velanne answers the phone, ask for \"Brisca\"");
	expect("Her preference is Brackton or Wellmere.", SCRUB_LOCATION,
	       "Her preference is Brackton or Wellmere");
	expect_none("His dad has been passing messages from him.");
	expect_none("Please pass this message to the team.");
	expect_none("Ask for a receipt.");
}

Test(failsafe, s13_relay_cues_without_a_stop_cost_linear_time)
{
	static const char *const cue[] = {"will pass on a message ", "ask for 'x' ",
					  "her preference Holm or "};
	lg_assert_linear(failsafe_scan_model, cue, sizeof cue / sizeof cue[0], 64 * 1024, 5);
}

/* s13-where. The hours under her work's label ("Work:", "IP's work:",
 * "Mother's work:") are where she will be and when; his work's label
 * ("Husband's work:", "BF's employer:") is not hers. */
Test(failsafe, hours_under_her_work_label)
{
	expect("IP's work: Calderby Infirmary, records - Mon/Tue/Thu 8.30-4.30.", SCRUB_LOCATION,
	       "Mon/Tue/Thu 8.30-4.30");
	expect("Mother's work: cleaner at the Infirmary, 6-10am.", SCRUB_LOCATION,
	       "cleaner at the Infirmary, 6-10am");
	expect_none("Husband's work: depot, Mon-Fri 6-2.");
	expect_none("BF's employer: a poultry plant - nightshift, finishes 06:00.");
}

/* s13-where. A host family is where a guest of a hosting scheme lives;
 * "she'd like" two places is where she wants to live. Hosting a meeting
 * and "looks like" two people are not. */
Test(failsafe, host_family_and_a_wish_for_areas)
{
	expect("With the host family in Brackton since May.", SCRUB_LOCATION,
	       "With the host family in Brackton since May");
	expect("Longer-term she'd like Brackton or Wellmere.", SCRUB_LOCATION,
	       "Longer-term she'd like Brackton or Wellmere");
	expect_none("CSC will host the strategy meeting.");
	expect_none("It looks like Tom and Dave were there.");
}

/* s13-where. A code agreed with her and quoted ("password \"...\"", "code
 * phrase \"...\"") is a safe contact, with the whole sentence it belongs
 * to; a password he knows or changed with no quote is not. */
Test(failsafe, a_quoted_code_and_its_arrangement)
{
	expect("School will release Zennor to Orlith if Brisca is delayed; password \"bluebell\".",
	       SCRUB_SAFE_TIME, "School will release Zennor to Orlith if Brisca is delayed; password \"bluebell\"");
	expect("Code phrase \"is the jam stall open\" = she needs police.", SCRUB_SAFE_TIME,
	       "Code phrase \"is the jam stall open\" = she needs police");
	expect_none("He knows her password and reads her e-mails.");
}

/* s13-review: a word of living in title case before a town the dictionary
 * does not know is where she is (telegraphic notes: "Lives <Town> with
 * mum"), not an agency's name; before a common word ("Staying Put") it is
 * the agency. */
Test(failsafe, title_case_living_word_before_a_town_is_withheld)
{
	expect("Lives Ambleworth with her mum.", SCRUB_LOCATION, "Lives Ambleworth with her mum");
	expect("Moved Penvarrow on 3/11.", SCRUB_LOCATION, "Moved Penvarrow on 3/11");
	expect("Resides Ambleworth with her aunt.", SCRUB_LOCATION,
	       "Resides Ambleworth with her aunt");
	expect("Moved Hope Valley on 3/11.", SCRUB_LOCATION, "Moved Hope Valley on 3/11");
	expect_none("Referred to Staying Put for support.");
	expect_none("Referred to Living Beyond Harm (LBH).");
}

/* s13-review: "staying away" then a place or a host is where she is; only
 * "stay away" at the sentence's end or "from" someone is the idiom. */
Test(failsafe, staying_away_then_a_place_is_withheld)
{
	expect("Staying away, Ambleworth, with aunt.", SCRUB_LOCATION,
	       "Staying away, Ambleworth, with aunt");
	expect("She is staying away with friends in Penvarrow.", SCRUB_LOCATION,
	       "She is staying away with friends in Penvarrow");
	expect_none("She has no hope he will stay away.");
	expect_none("He was told to stay away from her and the children.");
}

/* s13-review: an incident or a visit at her known home stays kept only
 * when its clause names no place: "seen at home with her partner in
 * <Town>" says where that home is. A day or a month after "in" is no
 * place. */
Test(failsafe, known_home_with_a_place_in_its_clause_is_withheld)
{
	expect("Seen at home with her new partner in Ambleworth.", SCRUB_LOCATION,
	       "Seen at home with her new partner in Ambleworth");
	expect("Assaulted at her home near Penvarrow Park on Friday.", SCRUB_LOCATION,
	       "Assaulted at her home near Penvarrow Park on Friday");
	expect_none("Husband grabbed her throat at home in November.");
	expect_none("Seen at home, mum well.");
}

/* s13-review: a place after the known home and a dash, a slash or a colon
 * ("at the family home - <Town>") is where that home is, as after a comma. */
Test(failsafe, known_home_then_a_dash_and_a_place_is_withheld)
{
	expect("Assault at the family home - Ambleworth.", SCRUB_LOCATION,
	       "Assault at the family home");
	expect("Incident at her flat / Penvarrow.", SCRUB_LOCATION, "Incident at her flat / Penvarrow");
	expect_none("Op Encompass (ref 4410): DA at home, 23:10.");
	expect_none("Assaulted at home - 14/11.");
	expect_none("DA at home - Police attended.");
}

/* fs_want_areas asked whether a place after "wants" was a month with
 * strcmp on the word buffer, which holds NULs only for words shorter than
 * FS_WORD_MAX: a capitalised word of 17 letters or more read past it
 * (ASan: stack-buffer-overflow in CI, the measure of three sets). */
Test(failsafe, a_long_capitalised_word_after_wants)
{
	char *out = scrub_with(SCRUB_F_LOCATION, "She wants Quenburyhamptonshirewell or "
						 "Marnwickshiretonbury near her mother.");
	cr_assert_not_null(out);
	free(out);
	out = scrub_with(SCRUB_F_LOCATION, "She wants March or Brackton.");
	cr_assert_not_null(out);
	free(out);
}


/* s15-never: after a withheld statement of where she is, a clause naming
 * someone's home ("- HER AUNTIE'S") or only a dwelling ("- CARE HOME")
 * says it again; his clause, or a relative's thing, does not. */
Test(failsafe, next_clause_naming_someones_home_is_withheld)
{
	expect_covers("0825 MUM STATES SHE NOW LIVES QUENBURY - HER AUNTIE'S", SCRUB_LOCATION,
		      "HER AUNTIE'S");
	expect_covers("1635 IP SAYS SHE GETS OFF AT MARNWICK, GOES TO HER WORK - CARE HOME",
		      SCRUB_LOCATION, "CARE HOME");
	expect_kept("Mum has gone to her sister's - he has been told to stay away.",
		    "he has been told to stay away");
	expect_kept("She is staying at her sister's; her auntie's car was damaged.",
		    "her auntie's car was damaged");
}

/* s15-never: a code set in capitals after "password", "code" or "phrase"
 * in small letters is a code agreed with her, as a quoted one is; not a
 * password in a CAD's capitals or an agency's acronym. */
Test(failsafe, a_password_in_capitals_is_a_safe_contact)
{
	expect_covers("Name alert on the ward, do not disclose - use password PELICAN.",
		      SCRUB_SAFE_TIME, "PELICAN");
	expect_none("1410 IP STATES HE CHANGED HER PASSWORD RESET EMAIL.");
	expect_none("She knows her password for the app.");
	expect_none("Referred under code DVA by the GP.");
}

/* s15-never: her work, then its hours in a clause of their own, is when
 * she is out and when at home (a safe time, both clauses); a clause of
 * his, or one that is not only times, is not. */
Test(failsafe, her_work_then_its_hours_after_a_dash_is_a_safe_time)
{
	expect("Client is a nurse; she works long days - usually Mon, Thu, Sat.", SCRUB_SAFE_TIME,
	       "she works long days - usually Mon, Thu, Sat");
	expect_covers("She works at the hospital - days, 8-4.", SCRUB_SAFE_TIME, "days, 8-4");
	expect_none("Dev works away in the week as a lorry driver; comes home Fri-Sun.");
	expect_none("He works at the depot - days, 8-4.");
}

/* s15-never: a conveyance, her bare label, then "to": where she was
 * taken, as "IP TO <place>"; a pronoun after it is a report's (an
 * ambulance to hospital) and stays. */
Test(failsafe, a_conveyance_of_her_label_to_a_place_is_withheld)
{
	expect_covers("2340 OFFICERS TRANSPORTED IP TO QUENBURY SANDS.", SCRUB_LOCATION,
		      "TRANSPORTED IP TO QUENBURY SANDS");
	expect_covers("Officers escorted V to her sister's flat.", SCRUB_LOCATION,
		      "escorted V to her sister's flat");
	expect_none("LAS conveyed her to North Marnwick.");
	expect_none("Police transported IP to Quenbury Hospital.");
}

/* The cues above, repeated without a stop: linear. */
Test(failsafe, s15_never_cues_cost_linear_time)
{
	static const char *const cue[] = {"lives Quenbury - her auntie's ", "use password PELICAN ",
					  "she works days - Mon, Thu, 9-5 ",
					  "TRANSPORTED IP TO QUENBURY "};
	lg_assert_linear(failsafe_scan_model, cue, sizeof cue / sizeof cue[0], 64 * 1024, 5);
}

/* s15-never: "lives with <someone>" is the household at the address on
 * file, unless "since" a recent time says she moved in ("LIVES WITH
 * MOTHER, <address> SINCE SEPT"); "since leaving <country> 2022" stays. */
Test(failsafe, lives_with_since_a_month_is_withheld)
{
	expect_covers("1722 IP - LIVES WITH MOTHER, 88 QUENBURY RD SINCE SEPT", SCRUB_LOCATION,
		      "LIVES WITH MOTHER");
	expect_covers("She lives with her cousin since last week.", SCRUB_LOCATION,
		      "lives with her cousin");
	expect_none("V reports her brother (lives with her since leaving Marnland 2022) hits her.");
	expect_none("Mrs Quenby lives with her son since 2019, who is her carer.");
}

/* s15-never: after a withheld statement of where she is, a clause that is
 * only a name and where it is ("- <Name> House in <Town> -") names the
 * place again; a clause with a word in small letters no class lists stays. */
Test(failsafe, next_clause_a_name_in_a_town_is_withheld)
{
	expect_covers("On discharge she will go to a care home for respite - Larchmere House in "
		      "Quenbury - her son will not be told.",
		      SCRUB_LOCATION, "Larchmere House in Quenbury");
	expect_kept("She is staying at her sister's - Police in attendance.", "Police in attendance");
}

/* s15-never: her phone told by its last digits ("Mob ends 392") is her
 * contact, withheld; "ends" after no phone word, or before no number,
 * stays. */
Test(failsafe, a_phone_by_its_last_digits_is_withheld)
{
	expect("T is often on her own there. Mob ends 392.", SCRUB_SAFE_TIME, "Mob ends 392");
	expect_covers("Her new mobile ending 0417 is the one to use.", SCRUB_SAFE_TIME, "ending 0417");
	expect_none("The meeting ends 2pm.");
	expect_none("Her phone ends up in his car most nights.");
}

Test(failsafe, a_phone_by_its_last_digits_costs_linear_time)
{
	static const char *const cue[] = {"mob ends 392 ", "mob ends ", "phone ending "};
	lg_assert_linear(failsafe_scan_model, cue, sizeof cue / sizeof cue[0], 64 * 1024, 5);
}

/* A whole scrub (every pass, the linear guards below) with g_body_sc. */
static scrubber *g_body_sc;

static int scrub_body(const char *s, size_t n, struct spans *out)
{
	(void)out;
	char *o = NULL;
	int rc = scrub_text(g_body_sc, s, n, "s40(2)", 0, &o, NULL);
	free(o);
	return rc;
}

/* The whole scrub, for a recipient entitled to no location, costs the same
 * per byte on a text repeating each cue as on one without (linear_guard.h). */
static void assert_body_linear(const char *const *cue, size_t ncue)
{
	struct scrub_spec spec = {.flags = SCRUB_F_LOCATION};
	g_body_sc = scrubber_build(&spec);
	cr_assert_not_null(g_body_sc);
	lg_assert_linear(scrub_body, cue, ncue, 64 * 1024, 3);
	scrubber_free(g_body_sc);
}

/* s15-over: "Refuge" before one of the national charity's services
 * ("national", "helpline", "24h helpline") is the charity, an agency; a
 * refuge she is in or goes to is still where she is. */
Test(failsafe, refuge_the_charitys_national_services_are_kept)
{
	static const char *const kept[] = {
		"Referral to Refuge national service.",
		"Mum given Refuge 24h helpline number on a card.",
		"Refuge helpline rang back at 14:10.",
	};
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		char *out = scrub_with(SCRUB_F_LOCATION, kept[i]);
		cr_assert_str_eq(out, kept[i]);
		free(out);
	}
	char *out = scrub_with(SCRUB_F_LOCATION, "She moved to the Refuge in Brackton on Monday.");
	cr_assert(strstr(out, "Brackton") == NULL, "%s", out);
	free(out);
	out = scrub_with(SCRUB_F_LOCATION, "Refuge space confirmed in Brackton.");
	cr_assert(strstr(out, "Brackton") == NULL, "%s", out);
	free(out);
}

/* ... and the look past "Refuge" is bounded: linear on a text of them. */
Test(failsafe, refuge_service_is_linear)
{
	static const char *const cue[] = {
		"Refuge 24h helpline ",
		"Refuge 1234567890123456789-----          helpline Refuge national ",
	};
	assert_body_linear(cue, sizeof cue / sizeof cue[0]);
}

/* s15-over: the agencies' next contact and only its date ("Next contact
 * Thursday", "Next visit Mon 3/12") is a date to keep; with a clock time, a
 * bare hour or a condition it says when it is safe. */
Test(failsafe, next_contact_and_only_its_date_is_kept)
{
	static const char *const kept[] = {
		"Seen today. Next contact Thursday.",
		"Seen today. Next visit Mon 3/12.",
		"Seen today. Next call Thursday 13 November.",
	};
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		char *out = scrub_with(SCRUB_F_LOCATION, kept[i]);
		cr_assert_str_eq(out, kept[i]);
		free(out);
	}
	static const char *const withheld[] = {
		"Seen today. Next call Friday 2pm.",
		"Seen today. Next visit Thursday 11.",
		"Seen today. Next contact Thursday after 6pm.",
		"Seen today. Next contact: Tues - after 6.",
	};
	for (size_t i = 0; i < sizeof withheld / sizeof withheld[0]; i++) {
		char *out = scrub_with(SCRUB_F_LOCATION, withheld[i]);
		cr_assert(strstr(out, "[WITHHELD s38: safe times]") != NULL, "%s", out);
		free(out);
	}
}

/* ... read once per sentence: linear on a text of them. */
Test(failsafe, next_contact_date_is_linear)
{
	static const char *const cue[] = {
		"Next contact Thursday 13 November on Mon 3/12 13th ",
		"Next contact: Thursday Friday Monday Tuesday 12 ",
	};
	assert_body_linear(cue, sizeof cue / sizeof cue[0]);
}

/* s15-over: where she rang from is where she is, unless it is the home the
 * notes know ("from the bathroom of her home") in an incident's clause;
 * and banging, shouting, smashing ... at that home are an incident there.
 * Someone else's home, a place named after it, or a new home still go. */
Test(failsafe, rang_from_her_known_home_in_an_incident_is_kept)
{
	expect_none("She called 999 from the bathroom of her home stating that he had "
		    "punched her.");
	expect_none("Ex-partner was banging on the door of her flat.");
	char *out = scrub_with(SCRUB_F_LOCATION, "She called 999 from her cousin's flat stating "
						 "that he had punched her.");
	cr_assert(strstr(out, "[WITHHELD s38: victim location]") != NULL, "%s", out);
	free(out);
	out = scrub_with(SCRUB_F_LOCATION, "She rang from her flat in Brackton, he had punched her.");
	cr_assert(strstr(out, "Brackton") == NULL, "%s", out);
	free(out);
	out = scrub_with(SCRUB_F_LOCATION, "Ex-partner was banging on the door of her new flat.");
	cr_assert(strstr(out, "[WITHHELD s38: victim location]") != NULL, "%s", out);
	free(out);
}

/* A refuge referral says she is going into a refuge (s15-review: the
 * carve-out that kept "Refuge referral accepted" passed "Refuge referral
 * accepted, moves in Monday" whole to the six agencies not entitled to her
 * whereabouts): withheld, with what follows it. */
Test(failsafe, a_refuge_referral_is_where_she_is_going)
{
	static const char *const in[] = {
		"Refuge referral accepted, moves in Monday",
		"Refuge referral made to Hull Women's Aid, she goes tomorrow.",
	};
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		char *out = scrub_with(SCRUB_F_LOCATION, in[i]);
		cr_assert(strstr(out, "[WITHHELD s38: victim location]") != NULL, "%s", out);
		cr_assert(strstr(out, "Monday") == NULL && strstr(out, "Hull") == NULL, "%s", out);
		free(out);
	}
}

/* s15-over: a worker's review or assessment at the home the notes know is
 * their visit there, as "seen at home" is; a place named in the clause
 * still says where that home is. */
Test(failsafe, reviewed_at_home_is_a_visit)
{
	expect_none("Reviewed at home by the CPN, mood low.");
	expect_none("Assessed at home with the health visitor.");
	expect("Reviewed at home with her new partner in Ambleworth.", SCRUB_LOCATION,
	       "Reviewed at home with her new partner in Ambleworth");
}

/* s17-never: her break or lunch, and her working hours written as a bare
 * hour range right after the word ("She works 9-5", "Tenant works 12-8 at
 * the hospital"), say when she is away from him: a safe time. Not his
 * break, not a break with no hours, not hours far from the word (a
 * workplace's address, then its days). */
Test(failsafe, her_break_and_bare_working_hours_are_safe_times)
{
	expect("Her break is 2-2.30. Then back on the tills.", SCRUB_SAFE_TIME, "Her break is 2-2.30");
	expect("Her lunch break is 1-1.45 at the bakery.", SCRUB_SAFE_TIME,
	       "Her lunch break is 1-1.45 at the bakery");
	expect("She works 9-5.", SCRUB_SAFE_TIME, "She works 9-5");
	expect("Tenant works 12-8 at the depot; visits only mornings.", SCRUB_SAFE_TIME,
	       "Tenant works 12-8 at the depot; visits only mornings");
	expect_none("She needs a break from the arguments.");
	expect_none("He takes his break 2-2.30 in the van.");
	expect_none("The office works 9-5.");
}

/* s17-never: a sentence hard-wrapped before an hour range goes on ("...
 * he works\n12-8 at the car wash"): no log entry opens on a range of hours. */
Test(failsafe, a_line_wrapped_before_an_hour_range_goes_on)
{
	expect("Mum wishes to stay where she is for now, and says so clearly. HV to see mum only at "
	       "the clinic, Tuesday 2pm - he works\n11-7 at the tyre place. Baby well.",
	       SCRUB_SAFE_TIME,
	       "HV to see mum only at the clinic, Tuesday 2pm - he works\n11-7 at the tyre place");
	/* a CAD's next entry still opens a line of its own */
	struct spans sv = scan("1702 CALLER REPORTS SHOUTING FROM THE FLAT ABOVE THE CHIP SHOP ok\n"
			       "1703 UNIT ASSIGNED");
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(sv.v[i].end <= 67, "the next entry was joined");
	spans_free(&sv);
}

/* s17-never: in a CAD's capitals the victim found, locked in or hidden
 * somewhere is there ("VIC FOUND AT NEIGHBOURS", "VICTIM IS LOCKED IN STAFF
 * ROOM"); "VIC" is the victim as "V" and "IP" are. In prose "was found
 * with bruising", "car found in the car park" report an incident. */
Test(failsafe, cad_victim_found_or_locked_somewhere)
{
	expect("0122 VIC FOUND AT NEIGHBOURS NO 9, MRS DOVECOTE. MALE HAD LEFT", SCRUB_LOCATION,
	       "VIC FOUND AT NEIGHBOURS NO 9, MRS DOVECOTE");
	expect("1703 VICTIM IS LOCKED IN STORE ROOM WITH SUPERVISOR\n1712 OFFICERS O/S",
	       SCRUB_LOCATION, "VICTIM IS LOCKED IN STORE ROOM WITH SUPERVISOR");
	expect_none("She was found with bruising by the district nurse.");
	expect_none("Her car was found in the car park with the tyres slashed.");
}

/* s17-never: "He is there most nights" right after a sentence withheld as
 * where she is: "there" is that place, whoever goes there. Not "Is there a
 * risk", nor "there" with no location sentence before. */
Test(failsafe, there_after_where_she_is_is_that_place)
{
	expect("Victim now sleeps in the flat above the bakery. He is there most nights; the key is "
	       "his.",
	       SCRUB_LOCATION, "He is there most nights");
	expect_none("Risk reviewed with the team. He is there most nights, she says.");
	expect_none("Is there a risk to the children?");
}

/* The cues above, repeated with no stop, in linear time. */
Test(failsafe, s17_never_cues_cost_linear_time)
{
	static const char *const cue[] = {"her lunch break is 1-2 ", "she works 9-5 ", "VIC FOUND AT ",
					  "VICTIM IS LOCKED IN ", "he is there ", "he works\n12-8 "};
	lg_assert_linear(failsafe_scan_model, cue, sizeof cue / sizeof cue[0], 64 * 1024, 5);
}

/* s17-never: "placed" then a name, the preposition dropped as notes do,
 * is where she was placed ("placed by phone", "placed on a plan" are not). */
Test(failsafe, placed_then_a_name_is_where_she_is)
{
	expect("TA review. Client placed Marigold Lodge, Fen St since 02/09. Keys issued.",
	       SCRUB_LOCATION, "Client placed Marigold Lodge, Fen St since 02/09");
	expect_none("Child placed on a CP plan in March.");
	expect_none("Order placed Monday for the new cooker.");
}

/* s17-never: a birth plan's or an appointment's label, then a name, says
 * where she will be seen; a time, a day or an agency after it does not. */
Test(failsafe, birth_plan_label_then_a_name)
{
	expect("Pt feels safe at present. Birth plan:\nOakhurst Birth Centre; partner not told.",
	       SCRUB_LOCATION, "Birth plan:\nOakhurst Birth Centre");
	expect_none("Next appt: Monday 10:30.");
	expect_none("Appointment: CAMHS review.");
}

/* s17-never: "1-bed", "2-bedroom": a dwelling offered or sought, also
 * opening a clause after a label ("Approved: 1-bed, 12 Alder House, ..."). */
Test(failsafe, a_dwelling_by_its_bedrooms)
{
	expect("Management transfer (panel 20/11). Approved: 1-bed, 12 Alder House, Brayton estate.",
	       SCRUB_LOCATION, "1-bed, 12 Alder House, Brayton estate");
	expect_none("Scored 1-2 on the scale at review.");
}

/* s17-never: calls from her with a word agreed are the arrangement, also
 * over a CAD line that ends in a function word; a CAD line's next entry
 * (a stamp) still ends it. Not a word said in abuse. */
Test(failsafe, calls_with_an_agreed_word)
{
	expect("1830 OFFICERS BRIEFED. FUTURE CALLS FROM HER\nWITH WORD TEAPOT = ATTEND IMMEDIATELY\n"
	       "1905 CLOSED",
	       SCRUB_SAFE_TIME, "FUTURE CALLS FROM HER\nWITH WORD TEAPOT = ATTEND IMMEDIATELY");
	expect_none("He called her names, with the word slag, in front of the children.");
	struct spans sv = scan("1811 MALE TAKEN TO THE\n1812 CUSTODY SUITE BOOKED IN");
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(sv.v[i].end <= 22, "the next entry was joined");
	spans_free(&sv);
}

/* The cues above, repeated with no stop, in linear time. */
Test(failsafe, s17_never_cues2_cost_linear_time)
{
	static const char *const cue[] = {"client placed Alder ", "Birth plan: Alder ", "1-bed, ",
					  "CALLS FROM HER WITH WORD TEAPOT ", "CALLS FROM HER\nWITH "};
	lg_assert_linear(failsafe_scan_model, cue, sizeof cue / sizeof cue[0], 64 * 1024, 5);
}

/* s17-never: a kin word's possessive written without the apostrophe before
 * a phone ("CALL MOTHERS LANDLINE NOT HER MOBILE") is her route, as "her
 * mum's landline" is; the whole sentence goes when a location clause ends
 * it. Not a kin word's plural before anything else. */
Test(failsafe, kin_possessive_without_apostrophe_before_a_phone)
{
	expect("IP ASKS POLICE CALL MOTHERS LANDLINE NOT HER MOBILE - HE HAS HER MOBILE IN HIS "
	       "PROPERTY.",
	       SCRUB_LOCATION,
	       "IP ASKS POLICE CALL MOTHERS LANDLINE NOT HER MOBILE - HE HAS HER MOBILE IN HIS "
	       "PROPERTY");
	expect("Call her aunties landline not her mobile.", SCRUB_SAFE_TIME,
	       "Call her aunties landline not her mobile");
	expect_none("The mothers group meets at the library.");
}

/* s17-never: her break's hours a few words on ("on her break at work
 * (12.30-1)") are its hours too. */
Test(failsafe, her_break_hours_a_few_words_on)
{
	expect("Spoke to her while she was on her break at work (12.30-1). Plan reviewed.",
	       SCRUB_SAFE_TIME, "Spoke to her while she was on her break at work (12.30-1)");
}

/* s17-never: a routine told in clauses goes whole: the clauses right
 * before its decisive one, of an hour or of her people somewhere ("Mum
 * drives him in; arrives 8.40; collects 3.15 at the office"). Not a
 * clause about him alone before it. */
Test(failsafe, a_routine_told_in_clauses_goes_whole)
{
	expect("Mum drives him in; arrives 8.40; collects 3.15 at the office. Dad rang.",
	       SCRUB_LOCATION, "Mum drives him in; arrives 8.40; collects 3.15 at the office");
	expect("Victim rides out 6-10am and 3-5pm; call between 11 and 2.", SCRUB_LOCATION,
	       "Victim rides out 6-10am and 3-5pm");
	struct spans sv = scan("He was at the pub at 9; she walks the dog at 7 every morning.");
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(sv.v[i].start >= 22, "his clause was taken: %zu", sv.v[i].start);
	spans_free(&sv);
	/* her working hours with him in the clause are his watch, not her time */
	expect_none("Pt says she works at the bakery and he waits outside at 23:15.");
}

/* s17-never: an hour range opening a clause is the time itself ("V: 12-1
 * when salon quiet"), not an entry's stamp: the model's unit has it. */
Test(failsafe, an_hour_range_opening_a_clause_is_kept_in_it)
{
	struct spans sv = {0};
	const char *s = "[09:07] IDVA: ok. What's best time to call?\n[09:10] V: 12-1 when salon quiet";
	cr_assert_eq(failsafe_scan_model(s, strlen(s), &sv), 0);
	int ok = 0;
	for (size_t i = 0; i < sv.n; i++)
		ok |= sv.v[i].start == (size_t)(strstr(s, "12-1") - s);
	if (!ok)
		dump(s, &sv);
	spans_free(&sv);
	cr_assert(ok, "12-1 not in the unit");
}

Test(failsafe, s17_never_cues3_cost_linear_time)
{
	static const char *const cue[] = {"mum drives him in; arrives 8.40; ", "V: 12-1 when ",
					  "CALL MOTHERS LANDLINE ", "on her break at work (12.30-1) "};
	lg_assert_linear(failsafe_scan_model, cue, sizeof cue / sizeof cue[0], 64 * 1024, 5);
}

/* s17-never: an alternative's, an option's or an e-mail's label goes with
 * the clause it heads when that is withheld ("Alternative: ..."); a day's
 * label before words that are kept stays. */
Test(failsafe, an_alternatives_label_goes_with_its_clause)
{
	expect("Refuge too close. Alternative: she moves to her aunt's in Brayford.", SCRUB_LOCATION,
	       "Alternative: she moves to her aunt's in Brayford");
	expect_none("Wed: Visa worry raised at review.");
}

/* s17-never: a code word agreed with her, quoted in a withheld statement of
 * the code, goes wherever it stands in the text (an earlier log line that
 * only quotes it); a quoted word in a statement naming no code does not. */
Test(failsafe, an_agreed_code_word_goes_everywhere)
{
	const char *s = "1802 CALLER WHISPERING. SAYS \"TEAPOT\" - SILENT SOLUTION\n"
			"1830 VICTIM STATES SHE USED \"TEAPOT\" AS THE CODE WORD AGREED WITH HER IDVA.";
	struct spans sv = {0};
	cr_assert_eq(failsafe_scan(s, strlen(s), &sv), 0);
	size_t first = (size_t)(strstr(s, "TEAPOT") - s);
	int ok = 0;
	for (size_t i = 0; i < sv.n; i++)
		ok |= sv.v[i].start <= first && sv.v[i].end >= first + 6;
	if (!ok)
		dump(s, &sv);
	spans_free(&sv);
	cr_assert(ok, "the earlier TEAPOT was kept");
	expect_none("She said \"sorry\" and left; the school rang at noon.");
}

Test(failsafe, s17_never_codes_cost_linear_time)
{
	static const char *const cue[] = {"SHE USED \"TEAPOT\" AS THE CODE WORD. ", "\"TEAPOT\" "};
	lg_assert_linear(failsafe_scan_model, cue, sizeof cue / sizeof cue[0], 64 * 1024, 5);
}

/* s17-fp: an incident at her home as the notes know it stays, however the
 * note names that home: by her label's possessive ("IP's flat": not a
 * dwelling named by its street, as "the Mill Lane flat" is), in a CAD's
 * capitals ("OUTSIDE HOUSE", "IN FLAT": no name after the preposition),
 * with what he shouted in which language. A place named, a new home or a
 * word of now still go. */
Test(failsafe, an_incident_at_her_known_home_is_kept)
{
	expect_none("Latest 12/10: he kicked the door of IP's flat in, criminal damage.");
	expect_none("He attended the victim's address at 0210, banged on the door shouting in "
		    "Romanian.");
	expect_none("CALLER STATES EX OUTSIDE HOUSE BANGING WINDOWS");
	expect_none("CALLER SAYS PARTNER LOCKED HER IN FLAT FOR 2 DAYS");
	expect("He kicked the door of IP's flat in Brackton.", SCRUB_LOCATION,
	       "He kicked the door of IP's flat in Brackton");
	expect("He attended IP's address at 0210, banged on the door shouting in Brackton.",
	       SCRUB_LOCATION,
	       "He attended IP's address at 0210, banged on the door shouting in Brackton");
	expect("She says he kicked the door of the Mill Lane flat.", SCRUB_LOCATION,
	       "She says he kicked the door of the Mill Lane flat");
	expect("CALLER SAYS PARTNER LOCKED HER IN FLAT, SHE IS NOW AT HER MUMS", SCRUB_LOCATION,
	       "CALLER SAYS PARTNER LOCKED HER IN FLAT, SHE IS NOW AT HER MUMS");
}

/* s17-fp: a conveyance to a police station or a custody suite is an
 * arrest's, as one to custody is: no place she lives. Anything else in the
 * clause that says where she lives still makes it hers. */
Test(failsafe, conveyed_to_a_police_station_is_custody)
{
	expect_none("KOVAC detained for s.47 assault, conveyed to Brackton police station.");
	expect_none("Suspect arrested and taken to the custody suite.");
	expect("IP conveyed to her sister's near Brackton police station.", SCRUB_LOCATION,
	       "IP conveyed to her sister's near Brackton police station");
	expect("IP conveyed to the bus station.", SCRUB_LOCATION, "IP conveyed to the bus station");
}

/* s17-fp: a door is where someone stands at the home the notes know, no
 * place of its own, in a CAD's capitals too (where every word looks like a
 * town): kept by the scrubber as a whole (place.c and this layer). A town
 * after "AT" still goes. */
Test(failsafe, at_the_door_is_no_place)
{
	static const char *const kept[] = {
		"0012 CALLER STATES EX IS AT DOOR WITH A BAT",
		"2250 CALLER SAYS PARTNER IS AT DOORS SHOUTING",
		"Her ex is at the door.",
	};
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		char *out = scrub_with(SCRUB_F_LOCATION, kept[i]);
		cr_assert(strstr(out, "[WITHHELD s38") == NULL, "%s", out);
		free(out);
	}
	char *out = scrub_with(SCRUB_F_LOCATION, "0012 CALLER STATES IP IS AT BRACKTON WITH A FRIEND");
	cr_assert(strstr(out, "[WITHHELD s38: victim location]") != NULL, "%s", out);
	free(out);
	out = scrub_with(SCRUB_F_LOCATION, "She went to the door of her sister's flat.");
	cr_assert(strstr(out, "[WITHHELD s38: victim location]") != NULL, "%s", out);
	free(out);
}

/* s17-fp: a tenancy held already (joint, old, previous ..., a name "on" it)
 * and its reference are legal facts, as "the tenancy" is; a new one is
 * where she goes. */
Test(failsafe, a_tenancy_held_already_is_a_fact)
{
	expect_none("Joint tenancy (tenancy ref 0091-3342) since 2011.");
	expect_none("Old tenancy locks changed 30/10.");
	expect_none("Partner not on tenancy.");
	char *out = scrub_with(SCRUB_F_LOCATION, "She has signed a new tenancy in Brackton.");
	cr_assert(strstr(out, "[WITHHELD s38: victim location]") != NULL, "%s", out);
	cr_assert(strstr(out, "Brackton") == NULL, "%s", out);
	free(out);
	expect("Sole tenancy offered in Brackton.", SCRUB_LOCATION,
	       "Sole tenancy offered in Brackton");
	expect("Her current tenancy is near Brackton.", SCRUB_LOCATION,
	       "Her current tenancy is near Brackton");
}

/* s17-fp: how she lived and how long she stayed are no place ("lived
 * \"like a slave\"", "for staying so long"), nor a pupil's school place;
 * any place after them (at, in, near ... a name, kin, someone's, a
 * number, "near you") still says where. */
Test(failsafe, how_she_lived_is_no_place)
{
	expect_none("She says she has lived \"like a slave\" for years.");
	expect_none("Client says she feels stupid for staying so long.");
	expect_none("There is hope of a school place by January.");
	expect("She lives like a hermit in Brackton.", SCRUB_LOCATION,
	       "She lives like a hermit in Brackton");
	expect("She stayed too long at her aunt's.", SCRUB_LOCATION,
	       "She stayed too long at her aunt's");
	expect("She will need a school place near you.", SCRUB_LOCATION,
	       "She will need a school place near you");
}

/* s17-fp: "was with <Name> for 9 years" is how long they were together, and
 * money going "into his account" goes to no place: kept by the scrubber as
 * a whole. Being with someone now, or for weeks, or somewhere named, still
 * says where she is. */
Test(failsafe, together_for_years_is_no_place)
{
	static const char *const kept[] = {
		"Background: Mirela was with Dorin VASILE for 9 years.",
		"She was with Tam for six years.",
		"Her wages go into his account.",
	};
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		char *out = scrub_with(SCRUB_F_LOCATION, kept[i]);
		cr_assert(strstr(out, "[WITHHELD s38") == NULL, "%s", out);
		free(out);
	}
	static const char *const held[] = {
		"She is with Tam Reid for two weeks.",
		"She was with Tam Reid for 9 years in Brackton.",
		"She was with Tam for 2 months at his flat.",
	};
	for (size_t i = 0; i < sizeof held / sizeof held[0]; i++) {
		char *out = scrub_with(SCRUB_F_LOCATION, held[i]);
		cr_assert(strstr(out, "[WITHHELD s38: victim location]") != NULL, "%s", out);
		free(out);
	}
}

/* s17-fp's cues, each repeated with no stop: the clause reads (police
 * station, an incident's place, no place ahead, was with ... for years)
 * are once per clause or a few words ahead, so the cost stays linear, for
 * this layer and for the whole scrub (place.c's with_for_years). */
Test(failsafe, s17_fp_cues_cost_linear_time)
{
	static const char *const cue[] = {
		"conveyed to the police station ", "kicked the door of IP's flat ",
		"shouting in Polish at her home ", "lived like a ", "staying so long ",
		"a school place ", "old tenancy ", "was with Tam Reid for 9 years ",
		"EX IS AT DOOR ", "goes into his account ",
	};
	lg_assert_linear(failsafe_scan_model, cue, sizeof cue / sizeof cue[0], 64 * 1024, 5);
	struct scrub_spec spec = {.flags = SCRUB_F_LOCATION};
	g_body_sc = scrubber_build(&spec);
	cr_assert_not_null(g_body_sc);
	lg_assert_linear(scrub_body, cue, sizeof cue / sizeof cue[0], 64 * 1024, 3);
	scrubber_free(g_body_sc);
}

/* s17-fp: where he stays ("the husband remains at the property", "he will
 * be at <Name> Lodge from Monday") is his, kept by the scrubber as a whole
 * when the sentence has no word for her or hers; with her, her kin or the
 * children in it, or where he is in a live incident ("HE IS IN ..."), it
 * still goes. */
Test(failsafe, where_he_stays_is_his)
{
	char *out = scrub_with(SCRUB_F_LOCATION,
			       "The husband remains at the property (joint tenancy, Brackton Homes).");
	cr_assert(strstr(out, "[WITHHELD s38") == NULL, "%s", out);
	free(out);
	static const char *const held[] = {
		"The husband remains at the property with her.",
		"He will be at her mum's from Monday.",
		"18:07 HE IS IN BRACKTON, FEMALE WITH HIM.",
	};
	for (size_t i = 0; i < sizeof held / sizeof held[0]; i++) {
		out = scrub_with(SCRUB_F_LOCATION, held[i]);
		cr_assert(strstr(out, "[WITHHELD s38: victim location]") != NULL, "%s", out);
		free(out);
	}
}

/* s17-fp: "is with <Town> Magistrates' Court" is a court holding an
 * application (courts are where hearings are, not where she lives); being
 * with an agency or a person that is no court still says where. */
Test(failsafe, with_a_court_is_no_place)
{
	expect_none("The SPO application is with Brackton Magistrates' Court, hearing 3/12.");
	expect("She is with Brackton Council now.", SCRUB_LOCATION, "She is with Brackton Council now");
	expect("She is with Brackton Women's Aid.", SCRUB_LOCATION,
	       "She is with Brackton Women's Aid");
}

/* s17-fp: a contact session or a visit named by when it was ("after
 * contact on Sunday") is no contact with her; advice to call at a time in
 * the same sentence still goes. */
Test(failsafe, after_contact_is_an_event)
{
	expect_none("Ex-partner refused to return Kit (4) after contact on Sun 25/10.");
	expect_none("Child upset during contact.");
	expect("Text her after contact on Sunday, only after 6.", SCRUB_SAFE_TIME,
	       "Text her after contact on Sunday, only after 6.");
}

/* s17-fp: a hospital as notes name one, a town then "General" or "Royal" at
 * the clause's end, is where an incident's people are taken, as "<Name>
 * Hospital" is; someone's home in the clause, or more after the name,
 * still says where she is. */
Test(failsafe, conveyed_to_a_general_is_a_hospital)
{
	expect_none("Hypothermia risk, conveyed to Brackton Royal.");
	expect_none("FEMALE TO BRACKTON GENERAL");
	expect("IP TO HER MUMS AT BRACKTON GENERAL", SCRUB_LOCATION,
	       "IP TO HER MUMS AT BRACKTON GENERAL");
	expect("IP TO BRACKTON ROYAL OAK", SCRUB_LOCATION, "IP TO BRACKTON ROYAL OAK");
}

/* s18: a call from her (her label after "call from") at or in a place is
 * where she is, as "IP AT ..." is; a call from an agency is not. */
Test(failsafe, call_from_her_at_a_place)
{
	expect("CALL FROM IP AT BRACKTON SERVICES M5 J14", SCRUB_LOCATION,
	       "CALL FROM IP AT BRACKTON SERVICES M5 J14");
	expect("Call from victim at her cousin's.", SCRUB_LOCATION,
	       "Call from victim at her cousin's");
	expect_none("Call from the school at Brackton Academy re attendance.");
}

/* s18: a cover story agreed with her is how she can safely be reached:
 * an appointment booked under a quoted false name, what to say if he
 * answers, a pretext; what a record already says ("recorded as") and an
 * appointment's urgency are no arrangement. */
Test(failsafe, a_cover_story_is_a_safe_contact)
{
	expect("Next appt booked as a \"glucose test\" so he does not come.", SCRUB_SAFE_TIME,
	       "Next appt booked as a \"glucose test\" so he does not come");
	expect("Say you are from the dentist if he answers.", SCRUB_SAFE_TIME,
	       "Say you are from the dentist if he answers");
	expect("She comes in on the pretext of a check-up.", SCRUB_SAFE_TIME,
	       "She comes in on the pretext of a check-up");
	expect_none("Injury previously recorded as \"fell\".");
	expect_none("Appointment booked as urgent.");
}

/* s19: "can be seen alone", "can see her alone": when and where she can be
 * met without him is the arrangement; a visit's report ("Seen alone:
 * disclosed ...") is none, and "so she can be seen alone" says what an
 * appointment is for. A title's full stop ("Rev.") ends no sentence. */
Test(failsafe, can_be_seen_alone_is_a_safe_contact)
{
	expect("Nurse said Ola can be seen alone when the men go out, about 9 to 3.",
	       SCRUB_SAFE_TIME, "Nurse said Ola can be seen alone when the men go out, about 9 to 3.");
	expect("The nurse can see her alone at the start of each clinic.",
	       SCRUB_SAFE_TIME,
	       "The nurse can see her alone at the start of each clinic");
	expect_none("Seen alone: disclosed husband pushed her.");
	expect_none("Routine enquiry asked so she could be seen alone.");
	expect("Pastor (Rev. Okafor) is a safe contact.", SCRUB_SAFE_TIME,
	       "Pastor (Rev. Okafor) is a safe contact");
}

/* s19: a child's collection and its hour is a routine that says where she
 * (or who collects for her) will be; a collection without an hour is
 * none. A lone "o" before a capital at a line's start is a bullet: the
 * clause before does not run into it. */
Test(failsafe, collection_at_an_hour_is_a_routine)
{
	expect("Nursery as before - collection 11.45 Mon-Fri by her dad.", SCRUB_LOCATION,
	       "collection 11.45 Mon-Fri by her dad");
	expect_none("Police-escorted collection from the marital home, 24/11.");
	expect_none("School has a photo of him and a password for collection.");
	expect("Nursery as before, he stays there - collection 11.45 Mon-Fri by her dad in a red van\n"
	       "SAFETY PLAN\no Brackton Women's Aid\no DASO considered",
	       SCRUB_LOCATION, "collection 11.45 Mon-Fri by her dad in a red van");
}

/* s19: her working hours anywhere in the clause that names her work ("works
 * as a cleaner at <Place> 6am-10am") are when she is out and where; the
 * withholding starts at the part that names her work, not at what the
 * clause told before it; with a contact word ("Revisit by arrangement")
 * the whole clause is one arrangement. */
Test(failsafe, working_hours_after_her_workplace)
{
	expect("She works as a cleaner at Brackton Leisure Centre 6am-10am.", SCRUB_SAFE_TIME,
	       "She works as a cleaner at Brackton Leisure Centre 6am-10am");
	expect("She came to the UK in 2023, owes money, works in a nail bar 6 days, 9-7, cash in hand.",
	       SCRUB_SAFE_TIME, "works in a nail bar 6 days, 9-7, cash in hand");
	expect("Revisit by arrangement, she works 7-3 so any time after 4.", SCRUB_SAFE_TIME,
	       "Revisit by arrangement, she works 7-3 so any time after 4.");
	expect_none("She works as a cleaner at the leisure centre.");
}

/* s19: a day at a line's end and its hour opening the next line, the
 * sentence going on in lower case, is one statement, the hour in it; an
 * entry's stamp on the next line ("09:40 Call from ...") stays out. */
Test(failsafe, a_day_then_its_hour_over_a_line_break)
{
	expect("Spoke to her. Next call Tuesday\n10.15 from the car park.", SCRUB_SAFE_TIME,
	       "Next call Tuesday\n10.15 from the car park");
	expect_none("Visited Monday.\n09:40 Call from the school re attendance.");
}

/* s19: after a safe contact made at her appointments, the sentence that
 * gives the next one ("Next appt <day> <hour>") is when she can be seen;
 * after any other sentence it is the agencies' date and stays. */
Test(failsafe, next_appointment_after_a_safe_contact_at_appointments)
{
	expect("The nurse can see her alone at the start of each appointment.\n"
	       "Next appt Tuesday 3rd Mar 11.40am.",
	       SCRUB_SAFE_TIME, "Next appt Tuesday 3rd Mar 11.40am");
	expect_none("Safety plan agreed. Next appt Tuesday 3rd Mar 11.40am.");
}

/* s19-over: a tenancy told by its tenure ("sole", "joint" after it, or
 * whose name it is in) is the one held already, with its landlord named;
 * a tenancy with a place after it, a new one, or one in a town is still
 * where she lives. */
Test(failsafe, a_tenancy_by_its_tenure_is_held_already)
{
	expect_none("Brackton Borough Council tenancy, in the client's sole name.");
	expect_none("The flat is a Wellmere Homes tenancy in her sole name.");
	expect_none("BBC tenancy, sole.");
	expect_none("Wellmere Council: secure tenancy (joint).");
	expect("Tenancy: joint, Brackton Council, Larch Walk.", SCRUB_LOCATION,
	       "Tenancy: joint, Brackton Council, Larch Walk");
	expect("She has a new tenancy in her sole name.", SCRUB_LOCATION,
	       "She has a new tenancy in her sole name");
	expect("She has a tenancy in Wellmere in her name.", SCRUB_LOCATION,
	       "She has a tenancy in Wellmere in her name");
	expect("She has a tenancy in her sole name, Flat 2 Larch Walk.", SCRUB_LOCATION,
	       "She has a tenancy in her sole name, Flat 2 Larch Walk");
}

/* s19-over: a marker or flag on an address is on the one the notes know;
 * a marker on a new address, or on one named, says where. */
Test(failsafe, a_marker_on_the_address_is_no_whereabouts)
{
	expect_none("Police marker placed on the home address; Clare's Law not relevant.");
	expect_none("Marker on victim's address.");
	expect_none("Brackton Police: flag on both addresses.");
	expect_none("Address flagged on our system.");
	expect("Marker placed on her new address.", SCRUB_LOCATION,
	       "Marker placed on her new address");
	expect("Police marker on address at 4 Larch Walk.", SCRUB_LOCATION,
	       "Police marker on address at 4 Larch Walk");
}

/* s19-over: "family" in "the family home" is nobody of hers: his staying
 * there is his; hers is still where she is. */
Test(failsafe, the_family_home_is_his_when_he_is_there)
{
	expect_none("He is still at the old family home in Brackton.");
	expect("She is still at the family home in Brackton.", SCRUB_LOCATION,
	       "She is still at the family home in Brackton");
	expect("He remains at her family home.", SCRUB_LOCATION, "He remains at her family home");
}

/* s19-over: money goes into or out of an account; a tenancy is in a name;
 * a month after "in" is when; none is a place. A flat in a name is still a
 * flat. */
Test(failsafe, an_account_a_name_or_a_month_is_no_place)
{
	expect_none("Her wages go into the joint\naccount.");
	expect_none("Partner kept moving her savings (£9,000) out of her sole account.");
	expect_none("The tenancy (Brackton Homes) is in her sole name.");
	expect_none("The family home tenancy (Brackton Homes) is in her sole name.");
	expect_none("The landlord raised a management transfer in Oct.");
	expect("She moved into a flat in her sole name.", SCRUB_LOCATION,
	       "She moved into a flat in her sole name");
	expect("She has moved her things out of the flat into her sister's.", SCRUB_LOCATION,
	       "She has moved her things out of the flat into her sister's");
	expect("She is staying in Wellmere.", SCRUB_LOCATION, "She is staying in Wellmere");
}

/* s19-over: "went to" a hospital or A&E is a visit, as a conveyance there
 * is; then to someone's home, or a second place reached, is where she is. */
Test(failsafe, went_to_a_and_e_is_a_visit)
{
	expect_none("She went to Brackton A&E.");
	expect("She went to Brackton General A&E, then to her sister's.", SCRUB_LOCATION,
	       "She went to Brackton General A&E, then to her sister's");
	expect("She was conveyed to Brackton General A&E, then to her sister's.", SCRUB_LOCATION,
	       "She was conveyed to Brackton General A&E, then to her sister's");
	expect("She went to A&E then went to her sister's.", SCRUB_LOCATION,
	       "She went to A&E then went to her sister's");
	expect("She went to her mum's.", SCRUB_LOCATION, "She went to her mum's");
}

/* s19-over: a call made from a room of the home the notes know is no
 * whereabouts; the room somewhere named is. A wish that had its object
 * ("Police requested, <Force> and <County>") names no areas she wants.
 * MARAC is a meeting, not a place. Words of an e-mail address are no
 * statement. */
Test(failsafe, rooms_requests_the_meeting_and_e_mail_words)
{
	expect_none("IP rang 999 from the bathroom 0320.");
	expect("IP rang 999 from the bathroom at her mum's.", SCRUB_LOCATION,
	       "IP rang 999 from the bathroom at her mum's");
	expect_none("Police requested, Brackton and Wellmere (5226299102).");
	expect("She has requested Brackton or Wellmere.", SCRUB_LOCATION,
	       "She has requested Brackton or Wellmere");
	expect_none("Outcome: to MARAC 10/12.");
	expect_none("Housing Support <housing.support@example.org>");
	expect_none("Solicitor to seek a transfer of tenancy under the Family Law Act 1996.");
	expect("Housing to advise on transfer of tenancy to a flat in Brackton.", SCRUB_LOCATION,
	       "Housing to advise on transfer of tenancy to a flat in Brackton");
	expect_none("Tenancy advice given.");
}

/* s19-over: the rules above read a bounded number of words around a cue,
 * so a text of them with no stop costs linear time. */
Test(failsafe, tenure_marker_and_account_cues_cost_linear_time)
{
	static const char *const cue[] = {
	    "tenancy in her sole ",   "marker on victim's address ", "into the joint ",
	    "moving her money out of ", "the family home ",         "from the bathroom ",
	    "requested, Brackton and ", "transfer of tenancy ",
	};
	lg_assert_linear(failsafe_scan_model, cue, sizeof cue / sizeof cue[0], 64 * 1024, 5);
}

/* s19-over: a child's contact session with a parent ("Father's contact is
 * supervised", "at the contact centre") is no contact with her; her
 * contact number or details with a time still are. */
Test(failsafe, a_contact_session_is_no_contact_with_her)
{
	expect_none("Dad's contact is supervised at the contact centre on Fridays.");
	expect_none("His contact with the children is Saturdays 10-12.");
	expect("Mum's contact number is the safe one, after 6pm.", SCRUB_SAFE_TIME,
	       "Mum's contact number is the safe one, after 6pm");
	expect("Contact her Tuesdays only.", SCRUB_SAFE_TIME, "Contact her Tuesdays only");
}

/* s22-over: "Contact log:", "call history", "visit record" name a record of
 * contacts, no contact with her: the log's entries are judged each on its
 * own, and an entry that advises a time still goes. */
Test(failsafe, a_contact_log_is_no_contact_with_her)
{
	expect_none("Contact log:\n18/11 10:30 Planned HV - husband answered, mum asleep. Not seen.\n"
		    "19/11 09:05 T/C mum - no answer, VM left (generic).");
	expect_none("Call history 14:00-16:00 reviewed by the team.");
	expect("Contact log:\n04/11 09:20 T/C to V - asked me to ring after 15:00 on her break.",
	       SCRUB_SAFE_TIME, "asked me to ring after 15:00 on her break");
	expect("Contact her after 6pm.", SCRUB_SAFE_TIME, "Contact her after 6pm");
}

/* s22-over: an appointment at a court or a police station named by its kind
 * ("<Town> Family Court", "Magistrates' Court", "courthouse", "Police
 * Station") is a hearing or a statement, and a room of an agency's premises
 * after its name ("<Name> Police Station, room 3") is no room of hers; an
 * appointment at a bare "<Name> Court" (a block of flats) and a room of a
 * B&B or a house still say where she is. */
Test(failsafe, a_court_or_station_appointment_is_no_whereabouts)
{
	expect_none("She has an appointment at Wexbury Family Court on 14/12 for the hearing.");
	expect_none("Appt at Quellby Magistrates' Court 10am.");
	expect_none("Strategy meeting at Wexbury Police Station, room 3.");
	expect("Viewing appt at Foxglove Court on 14/12.", SCRUB_LOCATION,
	       "Viewing appt at Foxglove Court on 14/12");
	expect("She is in the Larch House, room 6.", SCRUB_LOCATION,
	       "She is in the Larch House, room 6.");
}

/* s22-over: a record of the tenancy held ("Tenancy history:", "tenancy
 * note", "Tenancy agreement seen:") and a tenancy told by its tenure before
 * it ("sole secure tenancy since 2021") say who holds it, not where she is;
 * a new one, one offered, or one with a place after it still goes. */
Test(failsafe, a_tenancy_record_is_no_whereabouts)
{
	expect_none("Tenancy history: 2012 sign-up, rent clear, no ASB.");
	expect_none("Tenancy agreement seen: sole name, started 01/03/2026, rent £850 pcm.");
	expect_none("Ms Doe, sole secure tenancy since 2021.");
	expect("She has been offered a secure tenancy.", SCRUB_LOCATION,
	       "She has been offered a secure tenancy");
	expect("Tenancy agreement seen: sole name, rent £850 pcm, flat 3 at Oak Row.", SCRUB_LOCATION,
	       "Tenancy agreement seen: sole name, rent £850 pcm, flat 3 at Oak Row");
}

/* s19-over: contact of a kind ("supervised contact", "weekend contact"),
 * contact through a court or a centre, and "health visiting" (the service)
 * are no contact with her; contact through her sister, or the best way of
 * contacting her, with a time, still is. */
Test(failsafe, supervised_contact_and_health_visiting_are_no_contact_with_her)
{
	expect_none("Contact through Family Court - order for supervised contact, now suspended.");
	expect_none("Review Kit's weekend contact; school to monitor.");
	expect_none("Brackton health visiting: no concerns until now.");
	expect("Contact through her sister only, after 6.", SCRUB_SAFE_TIME,
	       "Contact through her sister only, after 6.");
	expect("The best way of contacting her is text after 6.", SCRUB_SAFE_TIME,
	       "The best way of contacting her is text after 6.");
}

/* s19-over: "via" or "through" a court is no route of hers; via her
 * sister, or via a court with a time to contact her, still is. */
Test(failsafe, via_a_court_is_no_route)
{
	expect_none("Contact for the twins via Brackton Family Court - handovers are tense.");
	expect("Contact her via her sister after 6.", SCRUB_SAFE_TIME,
	       "Contact her via her sister after 6.");
	expect("Contact her via the court after 6.", SCRUB_SAFE_TIME,
	       "Contact her via the court after 6.");
}

/* s19-over: the area in "<Area> MARAC" inside a withheld statement names
 * the meeting, which every agency attends: it is not withheld again
 * elsewhere; the same town said bare in the statement still is. */
Test(failsafe, the_meetings_area_is_not_withheld_again)
{
	char *out = scrub_with(SCRUB_F_LOCATION,
			       "Action from Quellborough MARAC held 13/11: she is currently with her "
			       "brother in Wellmere. Quellborough Council to attend.");
	cr_assert(strstr(out, "Quellborough Council to attend.") != NULL, "%s", out);
	cr_assert(strstr(out, "Wellmere") == NULL, "%s", out);
	free(out);
	out = scrub_with(SCRUB_F_LOCATION,
			 "She is currently staying in Quellborough with her brother. Quellborough "
			 "Council to attend.");
	cr_assert(strstr(out, "Quellborough") == NULL, "%s", out);
	free(out);
}

/* s19-over: "hosp" is a hospital, HMP and prison are where he is taken;
 * "home owner" is who owns one; a venue's room named by two capitalised
 * words is no dwelling. Conveyed to someone's home, with a hospital named
 * too, is still where she is (as it was not before with "HOSPITAL"); a
 * dwelling named by its street, or a room after one word and a comma,
 * still says where. */
Test(failsafe, hosp_prison_owner_and_a_venues_room)
{
	expect_none("FEMALE CONVEYED TO BRACKTON DISTRICT HOSP");
	expect_none("Returned to HMP Brackton.");
	expect_none("Tenant Mrs Quill, home owner.");
	expect_none("She waited in the Witness Service room before the hearing.");
	expect("IP CONVEYED TO HER MUMS NOT HOSP", SCRUB_LOCATION, "IP CONVEYED TO HER MUMS NOT HOSP");
	expect("IP CONVEYED TO HER MUMS NOT HOSPITAL", SCRUB_LOCATION,
	       "IP CONVEYED TO HER MUMS NOT HOSPITAL");
	expect("She is in the Larch Walk house.", SCRUB_LOCATION, "She is in the Larch Walk house");
}

/* s19-over: "to Royal <Town>" ending a conveyance's clause is a hospital,
 * as "<Town> Royal" is ("to Royal Oak" is a pub: a common word); "<Town>
 * at Home" is a housing provider's name ("<Forename> at Home" is her). */
Test(failsafe, royal_town_and_a_provider_at_home)
{
	expect_none("IP TRANSPORTED TO ROYAL TADCASTER");
	expect("IP TRANSPORTED TO ROYAL OAK", SCRUB_LOCATION, "IP TRANSPORTED TO ROYAL OAK");
	expect("Conveyed to Royal Witney, then to her sister's.", SCRUB_LOCATION,
	       "Conveyed to Royal Witney, then to her sister's");
	expect_none("Reigate at Home");
	expect("Oonagh at Home with mum.", SCRUB_LOCATION, "Oonagh at Home with mum");
}

/* s19-over: someone's then an event is no home ("returned from a friend's
 * birthday"); someone's home is. */
Test(failsafe, someones_event_is_no_home)
{
	expect_none("She came back from a friend's birthday about 0200.");
	expect("Victim returned from a friend's at 0100.", SCRUB_LOCATION,
	       "Victim returned from a friend's at 0100");
}

/* s19-over: a tenancy's tenure with its landlord in brackets is the one
 * held; a street or a number in the brackets still says where. A ring
 * back "from previous log" is from a record, no place. */
Test(failsafe, a_landlord_in_brackets_and_a_ring_back_from_a_log)
{
	expect_none("Tenancy: sole in her name (Wellmere Council)");
	expect("Tenancy: sole in her name (Larch Walk)", SCRUB_LOCATION,
	       "Tenancy: sole in her name (Larch Walk)");
	expect("Tenancy: sole in her name (14 Oak Row)", SCRUB_LOCATION,
	       "Tenancy: sole in her name (14 Oak Row)");
	expect_none("CALLED BACK FROM PREVIOUS LOG 0412");
	expect("IP RINGING FROM ACROSS THE PARK", SCRUB_LOCATION, "IP RINGING FROM ACROSS THE PARK");
}

/* s20-over: a tenancy after its holder ("her", "<Name>'s") with no name,
 * number or place after it is the one held, as is one whose holders are
 * named by title or held "since" a year; "tenancy management" is the
 * landlord's work. A place, a house number or its start after it still
 * says where or when she moves. */
Test(failsafe, a_tenancy_told_by_its_holder)
{
	expect_none("Bryony's tenancy, no arrears.");
	expect_none("Housing (Wellmere Council): Bryony's tenancy.");
	expect_none("Mrs Quill's tenancy is joint.");
	expect_none("HOUSING (Wellmere Council): tenancy in her name since 2024 (he was removed).");
	expect_none("Tenancy: secure, joint (Mrs Quill / Mr Quill).");
	expect_none("Tenancy: assured, sole name Ms Quill, since 2017.");
	expect_none("tenancy management note 12/11/26");
	expect("Bryony's tenancy in Brackton.", SCRUB_LOCATION, "Bryony's tenancy in Brackton");
	expect("Her tenancy since 2019 at Larch Walk.", SCRUB_LOCATION,
	       "Her tenancy since 2019 at Larch Walk");
	expect("Her tenancy (Mrs Quill, 14 Oak Row).", SCRUB_LOCATION,
	       "Her tenancy (Mrs Quill, 14 Oak Row)");
	expect("Her tenancy starts next week.", SCRUB_LOCATION, "Her tenancy starts next week");
	expect("Tenancy: sole name Ms Quill, Larch Walk.", SCRUB_LOCATION,
	       "Tenancy: sole name Ms Quill, Larch Walk");
}

/* s20-over: "stay together" is the couple's relationship; with a place
 * after it, where they stay. */
Test(failsafe, staying_together_is_no_stay)
{
	expect_none("Mum wants to stay together.");
	expect_none("They stayed together for the children.");
	expect("They stay together at her mum's.", SCRUB_LOCATION, "They stay together at her mum's");
	expect("They stay together in Wellmere.", SCRUB_LOCATION, "They stay together in Wellmere");
}

/* s20-over: messages he sent, reported, are his abuse, not a way to reach
 * her; a device of hers or her people's, a condition or advice after them
 * still makes the clause a safe contact. */
Test(failsafe, messages_he_sent_are_a_report)
{
	expect_none("IP reports suspect QUILL sent threatening messages across Snapchat overnight.");
	expect_none("Since separation he has sent hundreds of messages via Instagram.");
	expect("He has sent messages to her sister's phone at night.", SCRUB_SAFE_TIME,
	       "He has sent messages to her sister's phone at night");
	expect("He has sent messages via Instagram, so only call her after 6.", SCRUB_SAFE_TIME,
	       "He has sent messages via Instagram, so only call her after 6.");
}

/* s20-over: "do not visit unannounced" is how a visit is made, with no
 * time or route; "do not visit after 6" is when. An ambulance service by
 * its initials conveys to a hospital, as "AMB" does; to someone's home is
 * still where she is. */
Test(failsafe, unannounced_and_an_ambulance_service)
{
	expect_none("Do not visit unannounced.");
	expect("Do not visit after 6.", SCRUB_SAFE_TIME, "Do not visit after 6.");
	expect_none("NWAS CONVEYED FEMALE TO BRACKTONWELLS");
	expect("SAS CONVEYED FEMALE TO HER MUMS", SCRUB_LOCATION, "SAS CONVEYED FEMALE TO HER MUMS");
}

/* s20-over: the tenancy's holder, "stay together", "he has sent" and
 * "unannounced" read a bounded number of words, so a text of them with no
 * stop costs linear time. */
Test(failsafe, holder_together_sent_and_unannounced_cost_linear_time)
{
	static const char *const cue[] = {
	    "Bryony's tenancy ", "her tenancy since 2019 ", "sole name Ms Quill ",
	    "stay together ",    "he has sent messages via ", "do not visit unannounced ",
	    "NWAS conveyed ",
	};
	lg_assert_linear(failsafe_scan_model, cue, sizeof cue / sizeof cue[0], 64 * 1024, 5);
}

/* s20-over: the town of a court ("<Town> Family Court", "<Town> Sheriff
 * Court") inside a withheld statement is where a case is heard, not taken
 * as a place of hers to withhold again elsewhere; the same town said bare
 * in the statement still is. */
Test(failsafe, a_courts_town_is_not_withheld_again)
{
	char *out = scrub_with(SCRUB_F_LOCATION,
			       "Hearing at Quellborough Family Court on 14/12, she is staying with her "
			       "brother in Wellmere. Quellborough Council to attend.");
	cr_assert(strstr(out, "Quellborough Council to attend.") != NULL, "%s", out);
	cr_assert(strstr(out, "Wellmere") == NULL, "%s", out);
	free(out);
	out = scrub_with(SCRUB_F_LOCATION,
			 "She is staying in Quellborough near the Quellborough Sheriff Court. "
			 "Quellborough Council to attend.");
	cr_assert(strstr(out, "Quellborough Council") == NULL, "%s", out);
	free(out);
}

/* s20-over: a clause opening on "to" is a conveyance, as "IP TO <X>" is: to
 * custody or a hospital it is an incident's; to a town alone or someone's
 * home it is where she is. "has been with <Name> 10 years" is how long they
 * were together. */
Test(failsafe, to_custody_opening_a_clause_and_years_together)
{
	expect_none("23:31 SUSP ARRESTED. TO BRACKTON CUSTODY");
	expect("TO BRACKTON", SCRUB_LOCATION, "TO BRACKTON");
	expect("to my cousin's in Brackton", SCRUB_LOCATION, "to my cousin's in Brackton");
	expect_none("Donna has been with Gary 10 years.");
	expect("She has been with Gary 10 years at his flat.", SCRUB_LOCATION,
	       "She has been with Gary 10 years at his flat");
}

/* s20-over: a landlord's name in brackets over one hard wrap is still a
 * landlord's; a street so wrapped still says where. */
Test(failsafe, a_landlord_aside_over_a_hard_wrap)
{
	expect_none("Mother's tenancy (Wellmere\nHomes) is in her name only.");
	expect("Her tenancy (Larch\nWalk).", SCRUB_LOCATION, "Her tenancy (Larch\nWalk)");
}

/* s20: "<Name> is at home with the children", "Jade at home": the home the
 * notes know, said plainly, tells no one where she is. Not at home, at the
 * home of someone, at home with her kin, alone at home, back at home or at
 * home in a town still say where she is. */
Test(failsafe, at_home_said_plainly)
{
	expect_none("Chantal is at home with the children.");
	expect_none("Jodie at home. Ryan remanded.");
	expect("She is not at home.", SCRUB_LOCATION, "She is not at home");
	expect("She is at home with her mum.", SCRUB_LOCATION, "She is at home with her mum");
	expect("She is now at home in Quellby.", SCRUB_LOCATION, "She is now at home in Quellby");
	expect("Seen at home with the kids in Quellby.", SCRUB_LOCATION,
	       "Seen at home with the kids in Quellby");
	expect("She is at home with\nher sister.", SCRUB_LOCATION, "She is at home with\nher sister");
}

/* s21-over: "live" of an order or a marker in force ("Bail conditions from
 * Feb still live", "(live)") is no living; "they still live" with nothing
 * after is who lives where. "Border Force" is the agency, "over the border"
 * still a move. */
Test(failsafe, live_in_force_and_border_force)
{
	expect_none("Bail conditions from Feb still live.");
	expect_none("Police marker on address (live).");
	expect_none("Border Force port alert considered.");
	expect("They still live.", SCRUB_LOCATION, "They still live");
	expect("She still lives in Quellby.", SCRUB_LOCATION, "She still lives in Quellby");
	expect("She fled over the border.", SCRUB_LOCATION, "She fled over the border");
}

/* s21-over: the police at her home the notes know, or a marker put on it,
 * is an attendance or a flag, as "assault at her home" is; now, a place
 * after it, a new home or a placement still say where she is. */
Test(failsafe, police_or_a_marker_at_the_known_home)
{
	expect_none("Police at home address overnight, children present.");
	expect_none("CAD marker on her home address.");
	expect_none("Council tenancy services 04/12: joint tenants.");
	expect("Police at her home now.", SCRUB_LOCATION, "Police at her home now");
	expect("Police at her home in Quellby.", SCRUB_LOCATION, "Police at her home in Quellby");
	expect("Tenancy services say she moved to Quellby.", SCRUB_LOCATION,
	       "Tenancy services say she moved to Quellby");
}

/* s21-over: "marker placed on V's address": the marker is placed, not she. */
Test(failsafe, a_marker_placed)
{
	struct spans sv = scan("Marker placed on V's address.");
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(strcmp(sv.v[i].rule, "fs:residence") != 0, "%s", sv.v[i].rule);
	spans_free(&sv);
	expect("She was placed at Larch House.", SCRUB_LOCATION, "She was placed at Larch House");
}

/* s21-over: "stayed up" is awake, "kicking off at mum" an outburst at her,
 * "since last MARAC" a time: no statement of where she is. "stayed up
 * north", "stayed up in <Town>", "kicked off at her mum's" and an incident
 * at her home "since Monday" still are. */
Test(failsafe, stayed_up_kicking_off_since_last)
{
	expect_none("She said she stayed up because of the police.");
	expect_none("She stayed up all night.");
	expect_none("Dale was kicking off at mum all night.");
	expect_none("Incidents since last MARAC, most recent 02/12 assault at victim's address.");
	expect("She stayed up north.", SCRUB_LOCATION, "She stayed up north");
	expect("She stayed up in Quellby.", SCRUB_LOCATION, "She stayed up in Quellby");
	expect("He kicked off at her mum's.", SCRUB_LOCATION, "He kicked off at her mum's");
	expect("Assault at her home since Monday.", SCRUB_LOCATION, "Assault at her home since Monday");
}

/* s21-over: going to a programme, a course, a group or an outreach service
 * is something she does, not where she lives; a place named after it, or
 * someone's home, or a town alone still is. */
Test(failsafe, going_to_an_activity)
{
	expect_none("She went to the Freedom Programme.");
	expect_none("She went to the Quellby Recovery Group.");
	expect("She went to the group at Larch House.", SCRUB_LOCATION,
	       "She went to the group at Larch House");
	expect("She went to Quellby.", SCRUB_LOCATION, "She went to Quellby");
	expect("She will go to the course in Quellby.", SCRUB_LOCATION,
	       "She will go to the course in Quellby");
}

/* s21-over: "still live", "Border Force", "marker placed", "stayed up",
 * "kicking off", "since last" and going to an activity read a bounded
 * number of words, so a text of them with no stop costs linear time. */
Test(failsafe, s21_over_cues_cost_linear_time)
{
	static const char *const cue[] = {
	    "conditions still live ", "(live) ",           "Border Force ",
	    "marker placed on ",      "police at home ",   "stayed up ",
	    "kicking off at mum ",    "since last MARAC ", "went to the Freedom Programme ",
	};
	lg_assert_linear(failsafe_scan_model, cue, sizeof cue / sizeof cue[0], 64 * 1024, 5);
}

/* s21-over: sole tenancy said bare ("wants sole tenancy", "advice on sole
 * tenancy") is who will hold the home she has; a sole tenancy offered, new
 * or "a" one, or one with a street, a number or a town after it, is where
 * she will live. */
Test(failsafe, sole_tenancy_said_bare)
{
	expect_none("Tenant wants sole tenancy.");
	expect_none("Sole tenancy application in progress.");
	expect_none("Housing Options - advice on sole tenancy.");
	expect_none("Housing: sole tenancy in victim's name.");
	expect("She has been offered a sole tenancy.", SCRUB_LOCATION,
	       "She has been offered a sole tenancy");
	expect("She has a new sole tenancy.", SCRUB_LOCATION, "She has a new sole tenancy");
	expect("Sole tenancy, Larch Rd.", SCRUB_LOCATION, "Sole tenancy, Larch Rd.");
	expect("She wants sole tenancy at 4 Oak Row.", SCRUB_LOCATION,
	       "She wants sole tenancy at 4 Oak Row");
	expect("She applied for sole tenancy in Quellby.", SCRUB_LOCATION,
	       "She applied for sole tenancy in Quellby");
}

/* s21-over: "TA" told something is a teaching assistant; "in TA", "told TA
 * in <Town>" are temporary accommodation. */
Test(failsafe, a_teaching_assistant_told)
{
	expect_none("Maisie told TA \"daddy pushed mummy\".");
	expect_none("Ollie told TA dad broke the telly.");
	expect("Told TA in Quellby.", SCRUB_LOCATION, "Told TA in Quellby");
	expect("She is in TA.", SCRUB_LOCATION, "She is in TA");
	static const char *const cue[] = {"told TA ", "told TA (", "asked TA "};
	lg_assert_linear(failsafe_scan_model, cue, sizeof cue / sizeof cue[0], 64 * 1024, 5);
}

/* s21-over: a right to stay or reside, with no place after it, is a legal
 * right; "a right to stay in the UK", "at her mum's" name a place. */
Test(failsafe, a_right_to_stay)
{
	expect_none("Mona has asked about her rights to stay.");
	expect_none("Advice on her right to reside.");
	expect("She has the right to stay at her mum's.", SCRUB_LOCATION,
	       "She has the right to stay at her mum's");
	expect("She wants to stay.", SCRUB_LOCATION, "She wants to stay");
	static const char *const cue[] = {"rights to stay ", "right to reside ", "to stay "};
	lg_assert_linear(failsafe_scan_model, cue, sizeof cue / sizeof cue[0], 64 * 1024, 5);
}

/* s21: the children at home with her counted by "both", "two", "all" ("at
 * home with both children", "with her two boys") are as plain as "the
 * children"; two men, her kin or a town after them still say where. */
Test(failsafe, at_home_with_both_children)
{
	expect_none("Chantal is at home with both children.");
	expect_none("Chantal is at home with her two boys.");
	expect_none("Chantal is at home with the two kids.");
	expect("She is at home with two men.", SCRUB_LOCATION, "She is at home with two men");
	expect("She is at home with both children in Quellby.", SCRUB_LOCATION,
	       "She is at home with both children in Quellby");
	expect("She is at home with her two sisters.", SCRUB_LOCATION,
	       "She is at home with her two sisters");
}

/* s22-never: her own next clinic appointment with its date, and an hour,
 * "booked", or a place in a sentence that speaks of him, is where she will
 * be; the agencies' "Next appt" and a bare "Next ANC <date>" stay, and so
 * does one she attended or someone rang about. */
Test(failsafe, her_next_clinic_appointment)
{
	expect("Next ANC: 15/11 09:40, Quellby Community Clinic.", SCRUB_LOCATION,
	       "Next ANC: 15/11 09:40, Quellby Community Clinic");
	expect("Detox booked at Quellby General 02/12.", SCRUB_LOCATION,
	       "Detox booked at Quellby General 02/12");
	expect("Follow-up fracture clinic 26/11 09:30 - she asked this not be sent by post.",
	       SCRUB_LOCATION, "Follow-up fracture clinic 26/11 09:30");
	expect("Plan: next CPA review 02/12 at Quellby Hospital - husband not invited.",
	       SCRUB_LOCATION, "next CPA review 02/12 at Quellby Hospital");
	expect("Appointment for smear booked for 11/11.", SCRUB_LOCATION,
	       "Appointment for smear booked for 11/11");
	expect_none("Next appt 23/11 10:30.");
	expect_none("Next ANC 15/12.");
	expect_none("Next ANC 10/11 at Quellby Hospital.");
	expect_none("Follow-up: fracture clinic 09/11.");
	expect_none("She attended the antenatal clinic 04/11 at 10:30, next scan booked.");
	expect_none("Her sister rang the antenatal clinic on 26/11 asking for her next scan.");
	expect_none("ANC 28/40 today at clinic.");
}

/* s27: her appointment at a named place on a day and at a clock time is
 * where she will be, with no "next" ("Fracture clinic appt <Name>
 * Hospital, 12/11 at 10:30") or at a place no word of care names ("Next
 * appointment 24/11, 09:00, <Name> Lodge"); a record's header (a place, a
 * date and an hour), one the sentence says is over, and one at an
 * agency's office stay. */
Test(failsafe, s27_appointment_at_a_named_place)
{
	expect("Plan: Sertraline 50mg. Fracture clinic appt Quellby Hospital, 12/11 at 10:30. "
	       "Given card.",
	       SCRUB_LOCATION, "Fracture clinic appt Quellby Hospital, 12/11 at 10:30");
	expect("Safety: pt wants to stay in home. Next appointment 24/11, 09:00, Hillview Lodge. "
	       "Referral to IDVA.",
	       SCRUB_LOCATION, "Next appointment 24/11, 09:00, Hillview Lodge");
	expect("Pt discharged. Burns dressing clinic 21/11, 10:00, Quellby Hospital plastics.",
	       SCRUB_LOCATION, "dressing clinic 21/11, 10:00, Quellby Hospital plastics");
	expect("Women's Aid referral. Next CPN visit 17/11 at Quellby Cross Hospital, 14:30.",
	       SCRUB_LOCATION, "Next CPN visit 17/11 at Quellby Cross Hospital, 14:30");
	expect_none("Quellby County Hospital ED 08/11/2026 19:40.");
	expect_none("Seen in fracture clinic appt Quellby Hospital, 12/11 at 10:30.");
	expect_none("Victim booked at Quellby Hospital for termination 01/12 - attended.");
	expect_none("Next appt 11/11 10:00, Hollinsfield probation office.");
	expect_none("MAPPA level 2. Next appt 26/11/26 10:30.");
}

/* s22-never: a CAD's "FEMALE CALLER FROM <place>" is her ringing from
 * somewhere, as "IP RANG FROM" is; a caller alone (a neighbour) and a
 * caller from a number stay. */
Test(failsafe, her_as_caller_from_a_place)
{
	expect("04:55 FEMALE CALLER FROM STATION TOILETS QUELLBY, SAYS PARTNER CHOKED HER",
	       SCRUB_LOCATION, "FEMALE CALLER FROM STATION TOILETS QUELLBY, SAYS PARTNER CHOKED HER");
	expect_none("04:55 CALLER FROM NEXT DOOR REPORTS SHOUTING");
	expect_none("FEMALE CALLER FROM 07700 900123 STATES HUSBAND HIT HER");
	static const char *const cue[] = {"FEMALE CALLER FROM ", "caller ", "V caller from the "};
	lg_assert_linear(failsafe_scan_model, cue, sizeof cue / sizeof cue[0], 64 * 1024, 5);
}

/* s22-never: "she's sitting in <somewhere>" is where she is, as "she's in";
 * sitting in fear, and him sitting somewhere, stay. */
Test(failsafe, she_is_sitting_somewhere)
{
	expect("She's sitting in her car in the Quellby Park car park.", SCRUB_LOCATION,
	       "She's sitting in her car in the Quellby Park car park");
	expect_none("She is sitting in fear of him.");
	expect_none("He is sitting in the car outside.");
}

/* s23: an aside in brackets on a line of its own ends there, however long:
 * the order's next line is not part of the withheld statement. */
Test(failsafe, s23_bracketed_line_is_a_statement_of_its_own)
{
	const char *s = "[the applicant's new address is not included in this order and has been "
			"withheld from the respondent]\nThis order lasts until 12 June 2027.";
	expect_covers(s, SCRUB_LOCATION, "new address");
	expect_kept(s, "12 June 2027");
}

/* Her label typed in small letters opens a clause as "V" does; inside one,
 * "v" is "versus" or "very". */
Test(failsafe, small_v_is_her_label)
{
	expect("v at the travelodge in quellby", SCRUB_LOCATION, "v at the travelodge in quellby");
	expect("called back. v at dragana's in harraby", SCRUB_LOCATION,
	       "v at dragana's in harraby");
	expect_none("R v Quell was listed at the Crown Court.");
	expect_none("v upset, discussed options");
}

/* Dictated punctuation ends a sentence as written punctuation does: the
 * statement of where she stays goes, the dictated sentences round it stay. */
Test(failsafe, dictated_full_stop_ends_a_sentence)
{
	const char *s = "patient seen today with bruising full stop she is staying with a friend "
	                "in quellby for now full stop new paragraph discussed options full stop";
	expect_covers(s, SCRUB_LOCATION, "she is staying with a friend in quellby for now");
	expect_kept(s, "patient seen today with bruising");
	expect_kept(s, "discussed options");
}

/* A clock time written as said ("2.30pm", "10am") makes her next clinic
 * appointment where she will be and when, as "14:30" does. */
Test(failsafe, her_next_clinic_appointment_am_pm)
{
	expect("pregnant 14/40; next scan Quellby Mid 19/12 2.30pm", SCRUB_LOCATION,
	       "next scan Quellby Mid 19/12 2.30pm");
	expect("Next antenatal appt 19/12 at 10am.", SCRUB_LOCATION,
	       "Next antenatal appt 19/12 at 10am");
	expect_none("Next ANC 15/12.");
	expect_none("She attended the antenatal clinic 04/11 at 2.30pm, next scan booked.");
}

/* A face-to-face consultation (f2f) is clinical care in person; booked for a
 * weekday at a clock time it is where she will be and when, as a date in
 * figures is. */
Test(failsafe, her_booked_f2f_on_a_weekday)
{
	expect("booked f2f thurs 09:20 w the GP.", SCRUB_LOCATION, "booked f2f thurs 09:20 w the GP");
	expect("F2F booked for Tuesday 10:30.", SCRUB_LOCATION, "F2F booked for Tuesday 10:30");
	expect_none("Offered F2F today 16:40 - accepted.");
	expect_none("Booked telephone review Thursday.");
	expect_none("Next clinic Thursday.");
}

/* s23-over: fleeing told by when or whom ("fled sunday", "fled 24/01",
 * "fled husband") is no whereabouts; fleeing to somewhere, with someone,
 * a place left by its name, or a date that is a house number, still is. */
Test(failsafe, fleeing_told_by_when_or_whom_is_no_whereabouts)
{
	expect_none("v fled sunday.");
	expect_none("DA, fled 24/01 night, 2 kids.");
	expect_none("V (Ukrainian, refugee visa) fled husband who arrived Aug.");
	expect_none("She has fled.");
	expect("v fled sunday to Tolvenny.", SCRUB_LOCATION, "v fled sunday to Tolvenny");
	expect("She fled 24/01, now in Quellby.", SCRUB_LOCATION, "She fled 24/01, now in Quellby");
	expect("She fled Quellby with the children.", SCRUB_LOCATION,
	       "She fled Quellby with the children");
	expect("She fled 14 Oak Row.", SCRUB_LOCATION, "She fled 14 Oak Row");
}

/* s23-over: a refuge referral is a process, no refuge she is in, unless a
 * place follows it. */
Test(failsafe, a_refuge_referral_is_no_whereabouts)
{
	expect_none("Subject: RE: Refuge referral - S.B. - ref HOM/26/8812");
	expect_none("REFUGE REFERRAL (national helpline) - completed by Elbury IDVA Service");
	expect("Refuge referral to Tolvenny.", SCRUB_LOCATION, "Refuge referral to Tolvenny");
}

/* s24: a tenancy surrendered or ended, and a date after it ("from 23
 * June": a day and a month, no house number and street), says nothing of
 * where she is; where she now lives, after it, still goes. */
Test(failsafe, s24_a_tenancy_surrendered_is_no_whereabouts)
{
	expect_none("Tenancy surrendered from 23 June. Key to the housing office.");
	expect_none("Tenancy ended 3 May.");
	expect("Tenancy ended, she now lives at her mum's in Quellby.", SCRUB_LOCATION,
	       "Tenancy ended, she now lives at her mum's in Quellby");
}

/* s24: the next contact with her at a place, on a day and at a clock time
 * ("Next contact at <Name> Children's Centre, 3/12, 10am", "her next
 * appointment is there, Monday 10th, 09:20") is where she will be and
 * when, as her next clinic is; a next contact by its day alone, or the
 * agencies' review, is not. */
Test(failsafe, her_next_contact_at_a_place_and_time)
{
	expect("Weight 9.1kg. Next contact at Quellby Children's Centre, 3/12, 10am.",
	       SCRUB_LOCATION, "Next contact at Quellby Children's Centre, 3/12, 10am");
	expect("GP aware; her next appointment is there, Monday 10th, 09:20.", SCRUB_LOCATION,
	       "next appointment is there, Monday 10th, 09:20");
	expect_none("Next contact Thursday.");
	expect_none("Next review at the MARAC 3/12 10am.");
	expect_none("Her next review is there, Monday 10th, 09:20.");
}

/* s24: "write to me" and "write c/o ..." say where her post goes, a route
 * to her as "letters c/o ..." is; "write to housing" is not. */
Test(failsafe, write_to_her_care_of_is_her_route)
{
	expect("Please do not tell him. Write to me at c/o Quellby Women's Centre.", SCRUB_SAFE_TIME,
	       "Write to me at c/o Quellby Women's Centre");
	expect_none("IDVA to write to housing by Friday.");
	expect_none("I will write a statement.");
}

/* s24: working hours opening a note's sentence with her left out ("Works
 * nights Sun-Wed at <Place>") are when she is out and when home, as "She
 * works nights" is; "Works with the IDVA" is none. */
Test(failsafe, works_with_her_left_out)
{
	expect("Seen alone. Works nights Sun-Wed at Quellby General, Ward 3.", SCRUB_SAFE_TIME,
	       "Works nights Sun-Wed at Quellby General, Ward 3.");
	expect_none("Works with the IDVA.");
}

/* s24: a clock between a going verb and its preposition ("arrived 16:30
 * at <Name> (<Town>)") is read past as an adverb is: where she arrived is
 * where she is. */
Test(failsafe, s24_arrived_at_a_clock_time_at_a_place)
{
	expect("She and the baby arrived 16:30 at Quellby House (Tolvenny) via the IDVA.",
	       SCRUB_LOCATION,
	       "She and the baby arrived 16:30 at Quellby House (Tolvenny) via the IDVA");
	expect_none("The hearing started 10:30 at Quellby Crown Court.");
}

/* s26: her next clinic appointment with its date in words ("1 Dec", "Dec
 * 3rd") or in full (03/12/2026), at the EPAU, the fracture clinic,
 * maternity or gynae, at a clock time, is where she will be and when, as
 * "Next ANC 15/11 09:40" is; "at 2.00am" is a time, no place, so a next
 * contact at one is the agencies' date. */
Test(failsafe, s26_next_appointment_dates_in_words)
{
	expect_covers("Seen today. Her next EPAU appointment is on 1 Dec at 10am.", SCRUB_LOCATION,
		      "EPAU appointment is on 1 Dec at 10am");
	expect_covers("Plan agreed. Next fracture clinic appt Dec 3rd, 09:30.", SCRUB_LOCATION,
		      "fracture clinic appt Dec 3rd, 09:30");
	expect_covers("Next maternity appt 03/12/2026 at 09:30.", SCRUB_LOCATION,
		      "maternity appt 03/12/2026 at 09:30");
	expect_none("Next contact 19/12/2026 at 2.00am.");
	expect_none("Next appt 23/11 10:30 with probation.");
	expect_none("Attended fracture clinic 1 Dec at 10am.");
}

/* s26: a date right before "at <place>" where she will be ("Next appt:
 * 26/11 at <Name> children's centre 10:30 - not home") is when she will be
 * there and is withheld with it. */
Test(failsafe, s26_date_before_where_she_will_be)
{
	expect_covers("Do not discuss at home visits.\nNext appt: 26/11 at Quellby children's centre "
		      "10:30 - not home.",
		      SCRUB_LOCATION, "26/11 at Quellby children's centre 10:30");
	expect_covers("Next CMHT appointment: 01/12/2026 at the Quellby community team base, 2pm.",
		      SCRUB_LOCATION, "01/12/2026 at the Quellby community team base, 2pm");
	expect_none("Next appt 26/11 at 10:30.");
}

/* s26: a day and a clock time right after where she will be ("Offer
 * made: <address> - viewing Fri 20/11 at 11am") say when she is there; the
 * hours of a daily round right before where she is alone ("Carers visit
 * 8am and 6pm daily - V is alone with mum otherwise") say when. */
Test(failsafe, s26_when_she_is_there)
{
	expect_covers("Offer made: 2-bed flat, 14 Quell Avenue, Tolvenny - viewing Fri 20/11 at 11am.",
		      SCRUB_LOCATION, "viewing Fri 20/11 at 11am");
	expect_covers("Carers visit 8am and 6pm daily - V is alone with mum otherwise.", SCRUB_LOCATION,
		      "Carers visit 8am and 6pm daily");
	expect_none("Carers visit 8am and 6pm daily.");
}

/* s26: a CAD's present tense in capitals ("IP CALLS FROM ...", "IP
 * RE-CALLS FROM NEXT DOOR NO 46") says where she rang from, as "IP RANG
 * FROM ..." does. */
Test(failsafe, s26_cad_calls_from)
{
	expect_covers("0402 IP RE-CALLS FROM NEXT DOOR NO 46 - NEIGHBOUR MRS JONES", SCRUB_LOCATION,
		      "RE-CALLS FROM NEXT DOOR NO 46");
	expect_covers("0402 IP CALLS FROM THE CAFE BY THE STATION", SCRUB_LOCATION,
		      "CALLS FROM THE CAFE BY THE STATION");
	expect_none("0402 IP RE-CALLS FROM 07700 900123.");
}

/* s26: someone housing her ("her sister is putting her up for now", "her
 * brother has taken her in (<District>)") says where she is; "put her up
 * against the wall", "took her in for questioning" do not. */
Test(failsafe, s26_putting_her_up)
{
	expect_covers("Her sister is putting her up for now.", SCRUB_LOCATION, "putting her up");
	expect_covers("A friend is putting her up in Quellby.", SCRUB_LOCATION, "putting her up");
	expect_covers("Her brother has taken her in (Tolvenny).", SCRUB_LOCATION, "taken her in");
	expect_none("He put her up against the wall.");
	expect_none("Police took her in for questioning.");
	expect_none("They are putting up a fence.");
}

/* s26: her working hours after a dash ("She works at <Shop>, <Town> -
 * mornings") say when she is out and when home, as "works mornings at
 * <Shop>" does; his do not. */
Test(failsafe, s26_her_hours_after_a_dash)
{
	expect_covers("She works at Quellby Stores, Tolvenny - lunchtimes.", SCRUB_SAFE_TIME,
		      "works at Quellby Stores, Tolvenny - lunchtimes");
	expect_covers("Victim works at Quellby Stores - mornings.", SCRUB_SAFE_TIME,
		      "works at Quellby Stores - mornings");
	expect_none("He works at the depot - nights.");
	expect_none("She works for the council - since 2019.");
}

/* s28: a code agreed with her quoted after a colon a few words on from
 * "password"; a visit booked "there", where she will stay; a named office
 * of the writer's own; a clinic at a named place on a weekday and a time. */
Test(failsafe, s28_password_visit_there_our_office_weekday_clinic)
{
	expect_covers("Collection password set for Luisa: 'sardines'.", SCRUB_SAFE_TIME,
		      "'sardines'");
	expect_covers("She is going to her sister's in Tredegar next week. Sister's house has no alarms - HSC booked there 22/01 at 2pm.",
		      SCRUB_LOCATION, "22/01 at 2pm");
	expect_covers("Next appt 6 Feb 10:30, our Castle Square office. Referred on.", SCRUB_LOCATION,
		      "Castle Square office");
	expect_none("Next appt 6 Feb 10:30, Castle Square probation office.");
	expect_covers("Urgent: wound care referral to the Salford homeless health clinic, Thurs 9:30, Spike Island.",
		      SCRUB_LOCATION, "Spike Island");
}

/* s30: where the call came from when a record opens on it; where she hid
 * or parked; whom she met in a note written all in small letters; her
 * school run with its hour after a comma. Someone calling, his parking and
 * a father's one collection are no such statement. */
Test(failsafe, s30_call_from_parked_hid_met_school_run)
{
	expect_covers("SCAS ePR 03/02. Call from Quellby Hospital staff car park, level 2 - pt is a nurse.",
		      SCRUB_LOCATION, "Call from Quellby Hospital staff car park");
	expect_covers("21:04:10 CALLER FROM SHOP - STATES A WOMAN RAN IN", SCRUB_LOCATION,
		      "CALLER FROM SHOP");
	expect_covers("21:04:10 CALLER FROM SHOP - QUICKSAVE, TOLVENNY HIGH RD - STATES A WOMAN RAN IN",
		      SCRUB_LOCATION, "QUICKSAVE, TOLVENNY HIGH RD");
	expect_none("Call from IDVA re: court date.");
	expect_none("Call from the school about attendance.");
	expect_covers("Caller said she had locked herself in the bathroom, boyfriend asleep.",
		      SCRUB_LOCATION, "locked herself in the bathroom");
	expect_covers("Caller in her car, parked in the Tesco car park at Tolvenny; crying.",
		      SCRUB_LOCATION, "parked in the Tesco car park");
	expect_none("He parked outside the flat at 2am.");
	expect_covers("met demi at costa in the market. she sez he kicked her out.", SCRUB_LOCATION,
		      "met demi at costa");
	expect_covers("She is not allowed out except to collect the kids from school, 3.15, Quellby.",
		      SCRUB_LOCATION, "collect the kids from school, 3.15");
	expect_none("Dad arrived to collect the children at 3pm.");
	expect_none("Police to collect CCTV from the shop, 3pm.");
}

/* s30: a timetable's rows (a weekday, an hour range, a room) are where she
 * will be and when, the weekday with them; a day and a range alone, or an
 * agency's opening hours in prose, are not. */
Test(failsafe, s30_timetable_rows)
{
	const char *t = "Her timetable (from the faculty):\nMon\t09:00-11:00\tQuellby Bldg LT 14\n"
	                "Thu\t14:00-17:00\tDunmore 8.43 (lab)\nHe waits outside.";
	char *out = scrub_with(SCRUB_F_LOCATION, t);
	cr_assert(strstr(out, "09:00-11:00") == NULL && strstr(out, "Quellby Bldg") == NULL, "%s", out);
	cr_assert(strstr(out, "14:00-17:00") == NULL && strstr(out, "Dunmore 8.43") == NULL, "%s", out);
	cr_assert(strstr(out, "Mon") == NULL && strstr(out, "Thu") == NULL, "%s", out);
	cr_assert(strstr(out, "He waits outside.") != NULL, "%s", out);
	free(out);
	expect_none("Court listed Mon 10:00-12:00.");
}

/* s30: a hard line break inside a name, before its institution's word,
 * does not end the statement of where she is. */
Test(failsafe, s30_name_wrapped_before_hospital)
{
	expect_covers("She is on Ward 2 at Quellby and District\nHospital, bed 6, for now.\nHe visited.",
		      SCRUB_LOCATION, "Quellby and District\nHospital, bed 6");
}

/* s30: a CAD's location label in capitals without a colon, then the place,
 * says where she is; "LOCATION UNKNOWN", "LOCATION OF INCIDENT ..." do not. */
Test(failsafe, s30_cad_location_label)
{
	expect_covers("22/11/2026 16:12:40 LOCATION QUELLBY NEWSAGENTS, 40 DUNMORE ROAD\n16:13 FEMALE IN SHOP",
		      SCRUB_LOCATION, "LOCATION QUELLBY NEWSAGENTS, 40 DUNMORE ROAD");
	expect_covers("07:41 LOCN JUNC OF QUELLBY RD / DUNMORE RD", SCRUB_LOCATION,
		      "LOCN JUNC OF QUELLBY RD / DUNMORE RD");
	expect_none("10:13 LOCATION UNKNOWN");
	expect_none("10:13 LOCATION OF INCIDENT UNKNOWN");
}

/* s31: the one channel she may be reached on, "use journal only" (a
 * Universal Credit journal); a journal she keeps is no channel. */
Test(failsafe, s31_journal_only)
{
	expect_covers("thank you. please dont send texts. Use journal only. My claim is right?",
		      SCRUB_SAFE_TIME, "Use journal only");
	expect_none("She keeps a journal of incidents since 2024 and brought it to the appointment.");
}

/* s31: a line wrapped before a 24-hour range ("best contacted\n1100-1500
 * Fridays") goes on; a span of years is no range of hours. A Welsh
 * letter's temporary accommodation ("llety dros dro ... yn Fflat 2, ...,
 * Stryd y Bont, <Town>") says where she lives. */
Test(failsafe, s31_four_digit_hours_and_welsh_accommodation)
{
	expect_covers("Case progression: IP works nights at the Amazon warehouse, Brackmills; best contacted\n"
		      "1100-1500 Fridays, not Mon-Thu after 1800.",
		      SCRUB_SAFE_TIME, "best contacted\n1100-1500");
	expect_none("Accounts for 2020-2021 show arrears.");
	expect_covers("Rydym wedi trefnu llety dros dro i chi yn Fflat 2, Stryd y Bont, Llanelli.",
		      SCRUB_LOCATION, "Fflat 2, Stryd y Bont, Llanelli");
}

/* s31: a quoted phrase that means a call for help is the code agreed with
 * her, also after "code (" ; a quote that means nothing of help is not. */
Test(failsafe, s31_quoted_code_means_ring)
{
	expect_covers("Note by adviser: the last message is their code (\"have u fed the cat\" means ring 999).",
		      SCRUB_SAFE_TIME, "\"have u fed the cat\" means ring 999");
	expect_none("She said \"whatever\" means nothing to him.");
}

/* s32: a quoted question inside a sentence ('asks "have my eye drops come
 * in?", call 999') ends none; a dwelling's word ends a line and its number
 * opens the next ("room\n212"); a street abroad ("ul. Dluga") is no
 * sentence's end. */
Test(failsafe, s32_quoted_question_room_number_and_streets_abroad)
{
	expect_covers("Agreed a code for this branch: if she rings and asks \"have my eye drops\n"
		      "come in?\", call 999 and tell them she's at home. Noted on PMR.",
		      SCRUB_LOCATION, "call 999 and tell them she's at home");
	expect_covers("Occupier not home since - put up by a charity in the Travelodge Dundee Central, room\n"
		      "212, until Mon. Cat taken in.", SCRUB_LOCATION, "room\n212, until Mon");
	expect_covers("IP now at her sister's in Gdansk, ul. Dluga, returns 02/04 via Luton.",
		      SCRUB_LOCATION, "ul. Dluga, returns 02/04 via Luton");
}

/* s32: labels of where she or her child will be: a nursery's "Receiving
 * setting:", a foodbank's "Collection point:". */
Test(failsafe, s32_receiving_setting_and_collection_point)
{
	expect_covers("Leaving date 28/11/2026. Receiving setting: Busy Bees Worle, Weston-super-Mare - start 07/12.",
		      SCRUB_LOCATION, "Busy Bees Worle, Weston-super-Mare");
	expect_covers("Collection point: Whitmore Reans foodbank, St Andrew's church hall, Fri 10-12",
		      SCRUB_LOCATION, "Whitmore Reans foodbank, St Andrew's church hall, Fri 10-12");
}

/* s32: a line of many tabs between words and blanks (textnorm's table
 * cells) costs the same per byte as a line of none. */
Test(failsafe, tab_cells_are_linear)
{
	static const char *const cue[] = {
		"Work\t \t\t  Asda\t",
		"a b\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t ",
	};
	assert_body_linear(cue, sizeof cue / sizeof cue[0]);
}

/* s32: a place he waits at after her lectures is where she will be; a
 * fragment placing the place just withheld ("Headingley, near the cricket
 * ground.") says it again; an appointment's weekday and date before "at"
 * its hour go with it. */
Test(failsafe, s32_lectures_fragment_after_a_place_and_weekday_date)
{
	expect_covers("He has been waiting outside the Arts Tower after her lectures.", SCRUB_LOCATION,
		      "outside the Arts Tower after her lectures");
	expect_covers("She is staying with her cousin in Leeds. Headingley, near the cricket ground. "
		      "Police informed.", SCRUB_LOCATION, "Headingley, near the cricket ground");
	expect_none("Headingley, near the cricket ground, was busy on Saturday.");
	char *out = scrub_with(SCRUB_F_LOCATION, "Viewing arranged: Tues 03/03 at 10:00, 18 Lilford Avenue, "
						 "Leigh - officer to meet her there.");
	cr_assert(strstr(out, "03/03") == NULL && strstr(out, "Lilford") == NULL, "%s", out);
	free(out);
}

/* s38-over: fleeing is going: where to is a place after it (a day or a
 * date between), a name or a house number right after it the place left;
 * when she fled and what he did ("fled 12/11 after <Name> locked her out",
 * "fled on 12/02 after ...") say no place. */
Test(failsafe, s38_fleeing_told_by_what_he_did_is_no_whereabouts)
{
	expect_none("Fled 12/11 after Tunde locked her and the children out.");
	expect_none("She fled on 12/02 after Mr Jama hit her.");
	expect("She fled 24/01 to Tolvenny.", SCRUB_LOCATION, "She fled 24/01 to Tolvenny");
	expect("She fled sunday night to Tolvenny.", SCRUB_LOCATION, "She fled sunday night to Tolvenny");
}

/* s38-over: his visit to the home the notes know ("Ex came to her flat
 * uninvited at 0100") is an incident there, not where she is (her new flat
 * is place.c's "new address"). */
Test(failsafe, s38_his_visit_to_her_known_home_is_no_whereabouts)
{
	expect_none("Pt says ex came to her flat uninvited at approx 0100, called her a slur.");
	expect_none("He came to her flat.");
}

/* s38: "now in <Town>", "currently in <Town>" anywhere in a clause. */
Test(failsafe, s38_now_in_a_named_place)
{
	expect("She fled 24/01, now in Quellby.", SCRUB_LOCATION, "She fled 24/01, now in Quellby");
	expect_none("He is now in custody.");
}

/* s38-over: a numbered list's next item opens a statement of its own,
 * after a line ending in a reference's digits ("... ref WM-0303-0441\n5.
 * Tenure: ..."); a phone number wrapped over the break still goes on. */
Test(failsafe, s38_a_numbered_item_after_a_reference)
{
	const char *s = "4. Police informed 14:05, ref WM-0303-0441\n5. Tenure: tied cottage on her "
			"father-in-law's farm in Quellby, licence not tenancy";
	struct spans sv = scan(s);
	for (size_t i = 0; i < sv.n; i++)
		cr_assert(sv.v[i].start > strlen("4. Police informed 14:05, ref WM-0303-0441"),
			  "the item before is withheld with it");
	cr_assert(sv.n > 0, "the tenancy's item is withheld");
	spans_free(&sv);
}

/* s38-never: a code agreed with her, one short word between the cue and the
 * quote ("Collection password now 'albastru'"); "knows her password now"
 * quotes none. */
Test(failsafe, s38_a_password_quoted_after_one_word)
{
	expect("Collection password now 'albastru' - dad doesn't know it.", SCRUB_SAFE_TIME,
	       "Collection password now 'albastru' - dad doesn't know it");
	expect_none("He knows her password now.");
}

/* s38-over: a tenancy's record or role ("Tenancy HH/LOZ/0056", "tenancy
 * file WCH-0081734"), the arrested conveyed (custody, whatever its name),
 * someone living alone (the household) are no whereabouts; a tenancy in a
 * named town still is. */
Test(failsafe, s38_records_custody_and_living_alone)
{
	expect_none("Tenancy HH/LOZ/0056 checked.");
	expect_none("Pawel WROBEL arrested 23:58 (ABH, criminal damage), conveyed to Thorpe Wood.");
	expect_none("Peter, 69, wheelchair user, lives alone with daily care.");
	expect("Her new tenancy is in Quellby.", SCRUB_LOCATION, "Her new tenancy is in Quellby");
}

/* s38-never: a named place, a comma, then "where she works" ("<Hospital>
 * site, <Area>, where the victim works in the pathology lab"): the place
 * before is her workplace; "know where she works" names none. */
Test(failsafe, s38_a_named_place_where_she_works)
{
	expect("EZ2 = Quellby General Hospital site, Lyndon, where the victim works in the lab.",
	       SCRUB_LOCATION, "EZ2 = Quellby General Hospital site, Lyndon, where the victim works in the lab");
	expect_none("She does not want housing to know where she works.");
}

/* s38-never: a day, its hours and where ("day centre Weds 10-3 at St
 * Margaret's") after a clause withheld: her routine, withheld too. */
Test(failsafe, s38_a_day_its_hours_and_where)
{
	struct spans sv = scan("Plan: respite from 27/11; day centre Weds 10-3 at St Margaret's to carry on.");
	int routine = 0;
	for (size_t i = 0; i < sv.n; i++)
		routine |= sv.v[i].start >= 26;
	spans_free(&sv);
	cr_assert(routine, "the day centre's day and hours are withheld");
}

/* s38-over: what she flees, in capitals or not ("fleeing DV", "fled HBV",
 * "fled DA in 2019"), is no place left. */
Test(failsafe, s38_what_she_flees_is_no_place)
{
	expect_none("Applicant fleeing DV, 2 children.");
	expect_none("She fled HBV.");
	expect_none("She fled DA in 2019.");
	expect("She fled Quellby.", SCRUB_LOCATION, "She fled Quellby");
}

/* s39-over: an agency's service or a court's room is none of her places
 * ("referred back to the memory service", "friends in public gallery",
 * "our consultation room"); a refuge's service still is. */
Test(failsafe, s39_services_and_rooms_are_no_place_of_hers)
{
	expect_none("Mr Ellery has been referred back to the memory service.");
	expect_none("He is anxious about the defendant's friends in public gallery.");
	expect_none("IDVA met pt in our consultation room 2.05pm, DASH 16.");
	expect("She moved to the Leeds refuge service last week.", SCRUB_LOCATION,
	       "She moved to the Leeds refuge service last week");
}

/* s39-over: "live link" is a court's video, no residence, unless from a
 * place; calling an authority is no contact with her; an order's "directly
 * or indirectly" condition is his. */
Test(failsafe, s39_live_link_authorities_and_orders)
{
	expect_none("Not eligible for live link per CPS (reviewed).");
	expect_kept("Measures: live link from the remote evidence suite at the Quellby Justice Centre.",
		    "Measures:");
	struct spans sv = scan("Measures: live link from the remote evidence suite at the Quellby Justice Centre.");
	cr_assert_gt(sv.n, 0, "where she gives evidence from is withheld");
	spans_free(&sv);
	expect_none("He has told her that if she leaves he will call immigration.");
	expect_none("Not to contact Daniel Quell directly or indirectly, including through social media.");
	expect("Ring her after 6pm when he is out.", SCRUB_SAFE_TIME, "Ring her after 6pm when he is out");
}

/* s40-over: money taken from someone's purse or wallet is no place. */
Test(failsafe, s40_a_purse_is_no_place)
{
	expect_none("Son pushed father, took £180 from mother's purse.");
	expect("She is staying at her mother's.", SCRUB_LOCATION, "She is staying at her mother's");
}

/* s40-over: a tenancy's reference is a record's, no residence. */
Test(failsafe, s40_a_tenancy_reference_is_no_place)
{
	expect_none("Tenancy ref BHCC/T/118204 checked by the officer.");
	expect("Her tenancy at Quellby House ends Friday.", SCRUB_LOCATION,
	       "Her tenancy at Quellby House ends Friday");
}

/* s40-over: an alert in force ("Marker live 21/02"), money into an
 * account written short ("into joint acct"), the Mental Capacity Act's
 * question ("has capacity re where to live") are no place of hers. */
Test(failsafe, s40_markers_accounts_and_capacity)
{
	expect_none("Marker live 21/02.");
	expect_none("Her wages go into joint acct he holds the card for.");
	expect_none("Capacity assessed 08/03 - has capacity re where to live.");
	expect("She will live with her aunt in Quellby.", SCRUB_LOCATION,
	       "She will live with her aunt in Quellby");
}

/* s40-never: "taken" (a going word too) then her people and where: "has
 * taken the children to her sister" says where they are. */
Test(failsafe, s40_taken_the_children_to_her_sister)
{
	expect("Grandmother has taken the children to her sister.", SCRUB_LOCATION,
	       "Grandmother has taken the children to her sister");
	expect_none("He was taken to hospital by ambulance.");
}

/* s41-over: "stay safe", "stay calm" say how, not where (not "stay safe
 * at her mum's"); "in bed" is asleep; a relative's money is no place. */
Test(failsafe, s41_stay_safe_in_bed_and_grans_money)
{
	expect_none("Sian wants to \"stay safe from Li\".");
	expect_none("Sian says Liam \"gets angry if I don't do what he says in bed\".");
	expect_none("She says Dad \"has always been a sly old fox with Gran's money\".");
	expect("She will stay safe at her mum's.", SCRUB_LOCATION, "She will stay safe at her mum's");
}

/* s41-never: a child handed over by the calendar at a place is where she
 * will be and when; a worker's handover is not. A code word after
 * "password changed to" is the arrangement. */
Test(failsafe, s41_contact_handovers_and_changed_passwords)
{
	expect("Aarav is handed over every other Saturday at 10am at the Fosse Park car park.",
	       SCRUB_LOCATION,
	       "Aarav is handed over every other Saturday at 10am at the Fosse Park car park");
	expect_none("Case handed over to the day team on Monday.");
	expect("Collection password changed to \"penguin\".", SCRUB_SAFE_TIME,
	       "Collection password changed to \"penguin\"");
}

/* s41-over: "was in the room" is where an incident happened, "in a
 * same-sex relationship" a state; "in a refuge", "in room 11" still say
 * where she is. */
Test(failsafe, s41_in_the_room_and_in_a_relationship)
{
	expect_none("Mum (Rhiannon) was in a same-sex relationship with Danielle Hughes for six years.");
	expect("She is in room 11 at Foxhall House.", SCRUB_LOCATION,
	       "She is in room 11 at Foxhall House");
}

/* s41-over: a child asleep in the bedroom, "arrived at about 2245", "rang
 * from withheld numbers" say no place; she locked in the bathroom does. */
Test(failsafe, s41_rooms_times_and_withheld_numbers)
{
	expect_none("He told me CONNOLLY had arrived at about 2245 demanding to take their son "
		    "Mason who was asleep in the bedroom.");
	expect_none("BLAKE rang V 42 times overnight from withheld numbers.");
	expect("Caller said she had locked herself in the bathroom, boyfriend asleep.",
	       SCRUB_LOCATION, "Caller said she had locked herself in the bathroom, boyfriend asleep");
}

/* s41 (review): the exceptions above stop where a place follows: "in a
 * crisis house in <Town>", "in the bedroom at her sister's", "in bed and
 * breakfast in <Town>" still say where she is. */
Test(failsafe, s41_exceptions_stop_at_a_place)
{
	expect("She is now in a crisis house in Leeds.", SCRUB_LOCATION,
	       "She is now in a crisis house in Leeds");
	expect("Placed in bed and breakfast in Hull.", SCRUB_LOCATION,
	       "Placed in bed and breakfast in Hull");
}
