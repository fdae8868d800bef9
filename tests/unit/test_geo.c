/* geo.h: coordinates, what3words, map links and plus codes as her location. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "geo.h"
#include "scrub.h"

/* The text of every span geo_scan finds in s, joined by '|'. */
static char *found(const char *s)
{
	struct spans sp = {0};
	cr_assert_eq(geo_scan(s, strlen(s), &sp), 0);
	char *o = calloc(1, strlen(s) * 2 + 2);
	cr_assert_not_null(o);
	for (size_t j = 0; j < sp.n; j++) {
		cr_assert_eq(sp.v[j].kind, SCRUB_LOCATION);
		if (j)
			strcat(o, "|");
		strncat(o, s + sp.v[j].start, sp.v[j].end - sp.v[j].start);
	}
	spans_free(&sp);
	return o;
}

static void expect(const char *s, const char *want)
{
	char *o = found(s);
	cr_expect_str_eq(o, want, "in \"%s\"", s);
	free(o);
}

Test(geo, coordinates)
{
	expect("She sent a pin (51.4816, -0.1916) from the new flat.", "51.4816, -0.1916");
	expect("Location 52.0406N 1.1482W at 21:40", "52.0406N 1.1482W");
	expect("grid 55.86515 -4.25763;", "55.86515 -4.25763");
	expect("DMS 51\xC2\xB0" "28'54\"N 0\xC2\xB0" "11'30\"W noted", "51\xC2\xB0" "28'54\"N 0\xC2\xB0" "11'30\"W");
	/* not coordinates: money, times, versions, references, one number alone */
	expect("Paid 1.500 and 2.250 (thousand) in arrears", "");
	expect("At 10.30, 11.45 and 12.15 she rang.", "");
	expect("Crime ref 43.210987, ward 190.123456", "");
	expect("Lat 53.5703 only", "");
	expect("app v2.1.003, 4.5678", "");
}

Test(geo, what3words_and_plus_codes)
{
	expect("Meet at ///lamp.orchid.sleeps by the gate", "///lamp.orchid.sleeps");
	expect("w3w: parcel.copper.thimble (the back entrance)", "parcel.copper.thimble");
	expect("What3Words - tulip.cable.marsh", "tulip.cable.marsh");
	expect("Plus code 9C5W+QR Wigan; also 9C4VHCQR+8V", "9C5W+QR|9C4VHCQR+8V");
	/* not: a web address, an e-mail, a list of three words, a sum */
	expect("see www.gov.uk and jo.ann.smith@example.org", "");
	expect("apples.pears.plums were on the list", "");
	expect("Score was 2+2 in C+W terms", "");
}

Test(geo, map_links)
{
	expect("Link: https://maps.app.goo.gl/Zx81QpLm2. Sent 14:02", "https://maps.app.goo.gl/Zx81QpLm2");
	expect("(https://www.google.com/maps/@53.5703,-2.6128,17z)",
	       "https://www.google.com/maps/@53.5703,-2.6128,17z");
	expect("she sent maps.apple.com/?ll=51.5,-0.12 and what3words.com/lamp.orchid.sleeps",
	       "maps.apple.com/?ll=51.5,-0.12|what3words.com/lamp.orchid.sleeps");
	expect("The council website www.example.gov.uk/housing has the form", "");
}

/* Through the scrubber: withheld where the recipient may not know where she
 * is, kept where it may. */
Test(geo, withheld_only_without_location_entitlement)
{
	static const char *const names[] = {"Percival Gloam"};
	struct scrub_spec spec = {names, 1, NULL, 0, NULL, 0, NULL, 0, SCRUB_F_LOCATION, 0};
	scrubber *sc = scrubber_build(&spec);
	cr_assert_not_null(sc);
	const char *in = "IDVA call. She also sent a Google Maps pin (51.4816, -0.1916). Not on file.";
	char *out = NULL;
	cr_assert_eq(scrub_text(sc, in, strlen(in), NULL, 0, &out, NULL), 0);
	cr_assert(strstr(out, "51.4816") == NULL && strstr(out, "0.1916") == NULL, "%s", out);
	cr_assert(strstr(out, "[WITHHELD s38: victim location]") != NULL, "%s", out);
	free(out);
	scrubber_free(sc);

	spec.flags = 0;
	sc = scrubber_build(&spec);
	cr_assert_not_null(sc);
	cr_assert_eq(scrub_text(sc, in, strlen(in), NULL, 0, &out, NULL), 0);
	cr_assert(strstr(out, "(51.4816, -0.1916)") != NULL, "%s", out);
	free(out);
	scrubber_free(sc);
}

/* An exclusion zone is drawn around where she lives, works or goes: the
 * places it names go with the rest of its clause; a zone that names
 * nothing ("as map", "reminded of exclusion zone") leaves nothing. */
Test(geo, exclusion_zones_and_places_not_to_enter)
{
	expect("Licence: exclusion zone to include Brackley and Wexbury. Curfew 19:00.",
	       "exclusion zone to include Brackley and Wexbury");
	expect("BAIL: NOT TO CONTACT IP; NOT TO ENTER ORCHARD WAY; REPORT DAILY",
	       "NOT TO ENTER ORCHARD WAY");
	expect("excl zone covers the LS99 area - map attached", "excl zone covers the LS99 area");
	expect("Exclusion zones: Marlow, Bourne End\nNext review 12/12",
	       "Exclusion zones: Marlow, Bourne End");
	expect("EM tag with exclusion zone around Pellow Green (map on file)",
	       "exclusion zone around Pellow Green");
	expect("Licence conditions: curfew; exclusion zone as map; no contact.", "");
	expect("He was reminded of his exclusion zone.", "");
	expect("Condition not to enter the property or garden.", "");
}

/* Coordinates as CAD and apps write them (rv9's misses): each number after
 * its own cue, a slash between them, an Ordnance Survey grid reference
 * after its cue, Waze and Google Earth links. */
Test(geo, cued_coordinates_grid_references_and_more_map_links)
{
	expect("LOC: Lat: 51.48163, Long: -0.19162 (caller's phone)",
	       "Lat: 51.48163, Long: -0.19162");
	expect("latitude=52.0406 longitude=1.1482 logged", "latitude=52.0406 longitude=1.1482");
	expect("pin 55.86515/-4.25763 sent", "55.86515/-4.25763");
	expect("Grid ref SD 56123 07345 - farm track", "SD 56123 07345");
	expect("NGR: SJ812345.", "SJ812345");
	expect("open in https://waze.com/ul?ll=51.48,-0.19 or earth.google.com/web/@51.4,-0.1",
	       "https://waze.com/ul?ll=51.48,-0.19|earth.google.com/web/@51.4,-0.1");
	/* not: a vehicle, an NI number, a date, a ratio without a cue */
	expect("Vehicle SD 56 ABC; NI SD 12 34 56 A; on 12/03; ratio 1.500/2.250", "");
	expect("Latest: 12 calls. Long wait.", "");
}

/* s32: a second prohibition of the same condition, "or enter" after "not
 * to", its place wrapped to the next line; "or enter" with no "not to"
 * before it in the sentence is none. */
Test(geo, or_enter_after_not_to)
{
	expect("RO made. Not to contact Rachel Long or enter\nHerne Bay. Long way to go.",
	       "or enter\nHerne Bay");
	expect("Visitors may ring or enter Reception at any time.", "");
	expect("He is not to call. Knock or enter Room 4 as usual.", "");
}

/* s33: a list of places not to enter wrapped over a line break after "or",
 * "and" or a comma takes the next line's place; a line ending otherwise
 * ends the condition. */
Test(geo, zone_list_wraps_after_or)
{
	expect("Licence: no contact; not to enter Seaford or\nBishopstone (map enclosed); curfew.",
	       "not to enter Seaford or\nBishopstone");
	expect("Not to enter Leyton,\nWalthamstow; curfew.", "Not to enter Leyton,\nWalthamstow");
	expect("Not to enter Leyton\nHe agreed.", "Not to enter Leyton");
}
