/*
 * scrub: each recogniser in free text with its near misses, names and
 * keep-names, counts, masks, UTF-8, and a 4 MiB generated narrative whose
 * expected output is built alongside it. Synthetic data only (see
 * test_ident.c for the ranges); names are obviously fictional.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ident.h"
#include "mgw_err.h"
#include "scrub.h"

#define G "s40(2)"
#define R(kind) "[REDACTED " G ": " kind "]"

static const char *const NAMES[] = {"Percival Gloam",     "Johnny Tumbleweed", "Anna Marie",
                                    "Marie Quillfeather", "Zo\xC3\xAB \xC3\x98lsen", "Wei Li",
                                    "Barnaby Rudge-Pickle"};
static const char *const KEEP[] = {"Jane Tumbleweed", "Ozzy Bramblecrust"};
static const char *const DOBS[] = {"1985-03-12", "2001-11-05"};

static scrubber *SC;

static void setup(void)
{
	SC = scrubber_new(NAMES, 7, KEEP, 2, DOBS, 2);
	cr_assert_not_null(SC);
}

static void teardown(void)
{
	scrubber_free(SC);
}

/* Scrub with every kind on and check output and per-kind counts. */
static void expect_mask(const char *in, unsigned mask, const char *want, const unsigned want_counts[SCRUB_KIND_COUNT])
{
	char *out = NULL;
	unsigned counts[SCRUB_KIND_COUNT] = {0};
	cr_assert_eq(scrub_text(SC, in, strlen(in), G, mask, &out, counts), 0);
	cr_assert_str_eq(out, want, "in:   %s", in);
	if (want_counts != NULL)
		for (int k = 0; k < SCRUB_KIND_COUNT; k++)
			cr_assert_eq(counts[k], want_counts[k], "%s: %s count %u", in,
			             scrub_kind_name((enum scrub_kind)k), counts[k]);
	free(out);
}

static void expect(const char *in, const char *want)
{
	expect_mask(in, 0, want, NULL);
}

static void unchanged(const char *in)
{
	expect(in, in);
}

TestSuite(scrub, .init = setup, .fini = teardown);

Test(scrub, kind_names)
{
	static const char *const want[] = {"phone", "email", "postcode", "nhs-number", "ni-number",
	                                   "pnc-id", "crn", "date-of-birth", "name",
	                                   "address", "place", "victim location", "safe times",
	                                   "vehicle", "handle", "bank", "document", "value"};
	for (int k = 0; k < SCRUB_KIND_COUNT; k++)
		cr_assert_str_eq(scrub_kind_name((enum scrub_kind)k), want[k]);
	cr_assert_str_eq(scrub_kind_name(SCRUB_KIND_COUNT), "unknown");
}

Test(scrub, phones_in_every_format)
{
	expect("Call 07700 900123 today.", "Call " R("phone") " today.");
	expect("Mobile +44 (0)7700-900123, evenings", "Mobile " R("phone") ", evenings");
	expect("Ring 0044 7700 900123", "Ring " R("phone"));
	expect("Tel (07700) 900 123.", "Tel " R("phone") ".");
	expect("Tel: (07700 900123)", "Tel: " R("phone"));
	expect("07700900123", R("phone"));
	expect("+447700900123;", R("phone") ";");
	expect("landline 020 7946 0123 or 01632 960123", "landline " R("phone") " or " R("phone"));
	expect("07700-900-123/", "07700-900-123/"); /* glued to '/' */
	expect("two: 07700 900123 07700 900456", "two: " R("phone") " " R("phone"));
	expect("tel:07700900123", "tel:" R("phone"));
}

Test(scrub, phone_near_misses)
{
	unchanged("Crime ref CR/0123456789/21 refers.");
	unchanged("Crime ref CR/01234567890/21 refers."); /* 11 digits, but a reference */
	unchanged("Ref 01234 567890/21");
	unchanged("Account 077009001234 closed");        /* 12-digit run: not cut */
	unchanged("Order 1077009001234");
	unchanged("abc07700900123 and 07700900123abc");
	unchanged("call 0770 090 012");                  /* 10 digits */
	unchanged("+33 1 23 45 67 89");
	/* Leading groups that cannot start a phone are left; the phone is not. */
	expect("ref 1234 07700 900123", "ref 1234 " R("phone"));
	expect("07700 900123 4567", R("phone") " 4567");
}

Test(scrub, emails)
{
	expect("Email jane.doe+x@example.co.uk.", "Email " R("email") ".");
	expect("<first_last-1@sub.example.org>", "<" R("email") ">");
	expect("mailto:zo\xC3\xAB@exampl\xC3\xA9.com now", "mailto:" R("email") " now");
	unchanged("x@y and a@b.c and user@localhost and @example.com");
	expect("a@b.example.com5", R("email") ".com5"); /* the last all-letter label ends it */
}

Test(scrub, postcodes)
{
	expect("lives at ts1 2ab now", "lives at " R("postcode") " now");
	expect("TS12AB.", R("postcode") ".");
	expect("(ts1  2ab)", "(" R("postcode") ")");
	expect("EC1A 1BB, M1 1AA and gir 0aa", R("postcode") ", " R("postcode") " and " R("postcode"));
	unchanged("TS1 2AC");   /* C never in an inward code */
	unchanged("ABTS1 2AB"); /* not a word start */
	unchanged("TS1 2ABC");
	unchanged("TS1\n2AB");
	unchanged("room B12 has 3 beds");
}

Test(scrub, nhs_numbers)
{
	expect("NHS 999 000 0018.", "NHS " R("nhs-number") ".");
	expect("NHS no 9990000018", "NHS no " R("nhs-number"));
	expect("999-029-7363", R("nhs-number"));
	unchanged("NHS 999 000 0017 (bad checksum)");
	unchanged("9990000000");
	unchanged("99900000189");
	unchanged("CR/9990000018/21");
}

Test(scrub, ni_numbers)
{
	expect("NI AB 12 34 56 C.", "NI " R("ni-number") ".");
	expect("ni ab123456c", "ni " R("ni-number"));
	unchanged("QQ123456A");
	unchanged("QQ 12 34 56 A");
	unchanged("GB123456A and AB123456E and AB123456");
}

Test(scrub, pnc_ids)
{
	expect("PNC 2001/0171310W refers", "PNC " R("pnc-id") " refers");
	expect("PNC 01/171310W", "PNC " R("pnc-id"));
	expect("pnc 1981/0154257c.", "pnc " R("pnc-id") ".");
	unchanged("PNC 2001/0171310X");
	unchanged("x2001/0171310W");
}

Test(scrub, crns)
{
	expect("CRN X123456.", "CRN " R("crn") ".");
	unchanged("X1234567 and AX123456 and X12345");
}

Test(scrub, dates_of_birth)
{
	expect("born 12/03/1985 in", "born " R("date-of-birth") " in");
	expect("DOB 12 March 1985.", "DOB " R("date-of-birth") ".");
	expect("dob 1985-03-12", "dob " R("date-of-birth"));
	expect("on 12.03.85", "on " R("date-of-birth"));
	expect("born March 12th, 1985", "born " R("date-of-birth"));
	expect("and 5th November 2001", "and " R("date-of-birth"));
	expect("5/11/2001", R("date-of-birth"));
	unchanged("seen 13/03/1985 and 03/12/1985"); /* other dates, and MM/DD is never read */
	unchanged("12/03/19850");
}

Test(scrub, names_full_surname_initial_any_case)
{
	expect("Percival Gloam called.", R("name") " called.");
	expect("PERCIVAL GLOAM", R("name"));
	expect("later gloam said", "later " R("name") " said");
	expect("P. Gloam and P Gloam", R("name") " and " R("name"));
	expect("Gloam, Percival was", R("name") " was");
	expect("Gloam's car", R("name") "'s car");
	unchanged("Gloams and Gloamson and xGloam and Gloam2");
	expect("Barnaby Rudge-Pickle and Rudge-Pickle", R("name") " and " R("name"));
}

Test(scrub, names_do_not_span_sentences)
{
	expect("We saw Gloam. Percival Jones left.", "We saw " R("name") ". Percival Jones left.");
	expect("Gloam (Percival) left", R("name") " (Percival) left");
	expect("P.\nGloam and Percival\nGloam", R("name") " and " R("name")); /* wrapped lines */
	expect("Barnaby Rudge\xE2\x80\x93Pickle", R("name"));                 /* en dash */
	expect("Rudge\xE2\x80\x94Pickle", "Rudge\xE2\x80\x94Pickle");           /* em dash */
}

Test(scrub, three_word_names)
{
	static const char *const n[] = {"Mary Ellen Thistlewood"};
	scrubber *e = scrubber_new(n, 1, NULL, 0, NULL, 0);
	cr_assert_not_null(e);
	const char *in = "Mary Ellen Thistlewood; Mary Thistlewood; M. E. Thistlewood; M Thistlewood; "
	                 "Thistlewood, Mary. Ellen stays.";
	char *out;
	unsigned counts[SCRUB_KIND_COUNT] = {0};
	cr_assert_eq(scrub_text(e, in, strlen(in), G, 0, &out, counts), 0);
	cr_assert_str_eq(out, R("name") "; " R("name") "; " R("name") "; " R("name") "; " R("name")
	                      ". Ellen stays.");
	cr_assert_eq(counts[SCRUB_NAME], 5);
	free(out);
	/* Mentions joined by a comma read as "Thistlewood, Mary" too, and merge. */
	in = "Mary Thistlewood, Mary Thistlewood";
	cr_assert_eq(scrub_text(e, in, strlen(in), G, 0, &out, counts), 0);
	cr_assert_str_eq(out, R("name"));
	free(out);
	scrubber_free(e);
}

Test(scrub, keep_names_win_where_they_cover)
{
	/* "Tumbleweed" is both a third party's and the victim's surname. */
	expect("Jane Tumbleweed met Johnny Tumbleweed", "Jane Tumbleweed met " R("name"));
	unchanged("Tumbleweed");                  /* same span: keep wins */
	unchanged("J Tumbleweed");
	expect("Tumbleweed, Johnny", R("name")); /* longer than the keep match */
	unchanged("Ozzy Bramblecrust and Bramblecrust");
}

Test(scrub, overlapping_names_and_short_surnames)
{
	unsigned want[SCRUB_KIND_COUNT] = {0};
	want[SCRUB_NAME] = 1;
	expect_mask("Anna Marie Quillfeather", 0, R("name"), want);
	want[SCRUB_NAME] = 2;
	expect_mask("Wei Li and W. Li", 0, R("name") " and " R("name"), want);
	unchanged("Li said");   /* surname under 3 letters alone */
}

Test(scrub, utf8_names_and_boundaries)
{
	expect("Zo\xC3\xAB \xC3\x98lsen \xE2\x80\x94 ZOE OLSEN", R("name") " \xE2\x80\x94 " R("name"));
	expect("\xC3\x98lsen\xE2\x80\x99s", R("name") "\xE2\x80\x99s");
	unchanged("Olsen\xC3\xA9 \xC3\xA9Olsen");             /* non-ASCII letters are letters */
	expect("T\xC3\xA9l: 07700 900123 \xE2\x80\x94 ok", "T\xC3\xA9l: " R("phone") " \xE2\x80\x94 ok");
	unchanged("\xC3\xA9" "07700900123");
}

Test(scrub, counts_mask_and_ground)
{
	const char *in = "Johnny Tumbleweed (07700 900123, jt@example.org) lives at TS1 2AB; "
	                 "Wei Li on 07700 900456.";
	unsigned want[SCRUB_KIND_COUNT] = {0};
	want[SCRUB_NAME] = 2, want[SCRUB_PHONE] = 2, want[SCRUB_EMAIL] = 1, want[SCRUB_POSTCODE] = 1;
	expect_mask(in, 0,
	            R("name") " (" R("phone") ", " R("email") ") lives at " R("postcode") "; " R("name")
	                " on " R("phone") ".",
	            want);

	unsigned only[SCRUB_KIND_COUNT] = {0};
	only[SCRUB_PHONE] = 2;
	expect_mask(in, 1u << SCRUB_PHONE,
	            "Johnny Tumbleweed (" R("phone") ", jt@example.org) lives at TS1 2AB; Wei Li on " R(
	                "phone") ".",
	            only);

	char *out;
	unsigned counts[SCRUB_KIND_COUNT] = {0};
	counts[SCRUB_PHONE] = 5; /* counts accumulate */
	cr_assert_eq(scrub_text(SC, "07700 900123", 12, NULL, 0, &out, counts), 0);
	cr_assert_str_eq(out, "[REDACTED: phone]");
	cr_assert_eq(counts[SCRUB_PHONE], 6);
	free(out);
	cr_assert_eq(scrub_text(SC, NULL, 0, G, 0, &out, NULL), 0);
	cr_assert_str_eq(out, "");
	free(out);
}

Test(scrub, overlapping_kinds_merge_into_one)
{
	/* An e-mail whose local part holds a name: one replacement, the e-mail. */
	unsigned want[SCRUB_KIND_COUNT] = {0};
	want[SCRUB_EMAIL] = 1;
	expect_mask("johnny.tumbleweed@example.org", 0, R("email"), want);
}

Test(scrub, empty_scrubber)
{
	scrubber *e = scrubber_new(NULL, 0, NULL, 0, NULL, 0);
	cr_assert_not_null(e);
	char *out;
	const char *in = "Johnny Tumbleweed 12/03/1985 07700 900123";
	cr_assert_eq(scrub_text(e, in, strlen(in), G, 0, &out, NULL), 0);
	cr_assert_str_eq(out, "Johnny Tumbleweed 12/03/1985 " R("phone"));
	free(out);
	scrubber_free(e);
	scrubber_free(NULL);
	/* Bad entries are skipped, not fatal. */
	const char *odd[] = {NULL, "", "  ", "Bad\xFFName", "Ok Name"};
	const char *dates[] = {"not a date", NULL, "1990-01-01"};
	e = scrubber_new(odd, 5, NULL, 0, dates, 3);
	cr_assert_not_null(e);
	cr_assert_eq(scrub_text(e, "Name 01/01/1990 BadName", 23, G, 0, &out, NULL), 0);
	cr_assert_str_eq(out, R("name") " " R("date-of-birth") " BadName");
	free(out);
	scrubber_free(e);
}

/* ---- a 4 MiB narrative -------------------------------------------------------- */

struct sb {
	char *p;
	size_t n, cap;
};

static void sb_put(struct sb *b, const char *s)
{
	size_t n = strlen(s);
	if (b->n + n + 1 > b->cap) {
		b->cap = 2 * (b->n + n + 1);
		b->p = realloc(b->p, b->cap);
		cr_assert_not_null(b->p);
	}
	memcpy(b->p + b->n, s, n + 1);
	b->n += n;
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static unsigned next(unsigned n)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
	return (unsigned)(rng % n);
}

Test(scrub, four_mib_narrative)
{
	static const char *const filler[] = {
		"The officer attended the address after a call from a neighbour. ",
		"She said he had taken her phone and would not let her leave. ",
		"Children were present and were seen by the social worker. ",
		"The IDVA will contact her on the agreed safe number. ",
		"He denied the allegations and was released under investigation. ",
		"Housing have been asked to consider a management transfer. ",
		"Caf\xC3\xA9 staff reported raised voices \xE2\x80\x94 no further action. ",
		"Na\xC3\xAFve safety plan reviewed; the victim's sister helped. ",
		"Crime ref CR/01234567890/21 was raised. ",
		"NHS 999 000 0017 (checksum fails) and QQ 12 34 56 A stay. ",
		"Account 077009001234 is a bank reference. ",
		"Jane Tumbleweed was spoken to alone. ",
	};
	static const char *const hits[][2] = {
		{"07700 900123", R("phone")},
		{"+44 (0)7700-900456", R("phone")},
		{"(07700) 900 789", R("phone")},
		{"0044 7700 900321", R("phone")},
		{"j.t@example.org", R("email")},
		{"ts1 2ab", R("postcode")},
		{"TS12AB", R("postcode")},
		{"999 000 0018", R("nhs-number")},
		{"9990297363", R("nhs-number")},
		{"AB 12 34 56 C", R("ni-number")},
		{"2001/0171310W", R("pnc-id")},
		{"X123456", R("crn")},
		{"12/03/1985", R("date-of-birth")},
		{"5 November 2001", R("date-of-birth")},
		{"Johnny Tumbleweed", R("name")},
		{"P. Gloam", R("name")},
		{"QUILLFEATHER", R("name")},
		{"Zo\xC3\xAB \xC3\x98lsen", R("name")},
	};
	const size_t nh = sizeof hits / sizeof hits[0];
	unsigned want[SCRUB_KIND_COUNT] = {0};
	static const enum scrub_kind kinds[] = {
		SCRUB_PHONE, SCRUB_PHONE, SCRUB_PHONE, SCRUB_PHONE, SCRUB_EMAIL, SCRUB_POSTCODE,
		SCRUB_POSTCODE, SCRUB_NHS, SCRUB_NHS, SCRUB_NINO, SCRUB_PNC, SCRUB_CRN,
		SCRUB_DOB, SCRUB_DOB, SCRUB_NAME, SCRUB_NAME, SCRUB_NAME, SCRUB_NAME,
	};
	cr_assert_eq(sizeof kinds / sizeof kinds[0], nh);
	struct sb in = {0}, exp = {0};
	while (in.n < (4u << 20)) {
		const char *f = filler[next(sizeof filler / sizeof filler[0])];
		sb_put(&in, f);
		sb_put(&exp, f);
		if (next(3) == 0) {
			unsigned h = next((unsigned)nh);
			sb_put(&in, "Noted: ");
			sb_put(&exp, "Noted: ");
			sb_put(&in, hits[h][0]);
			sb_put(&exp, hits[h][1]);
			sb_put(&in, ". ");
			sb_put(&exp, ". ");
			want[kinds[h]]++;
		}
	}
	char *out;
	unsigned counts[SCRUB_KIND_COUNT] = {0};
	cr_assert_eq(scrub_text(SC, in.p, in.n, G, 0, &out, counts), 0);
	cr_assert_eq(strlen(out), exp.n);
	cr_assert(memcmp(out, exp.p, exp.n) == 0, "4 MiB output differs");
	for (int k = 0; k < SCRUB_KIND_COUNT; k++)
		cr_assert_eq(counts[k], want[k], "%s", scrub_kind_name((enum scrub_kind)k));
	free(out);
	free(in.p);
	free(exp.p);
}
