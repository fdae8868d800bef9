/*
 * ident: every recogniser with the forms it must accept and the near misses
 * it must refuse. Synthetic data only: phones from Ofcom's drama ranges
 * (07700 900xxx, 01632 960xxx, 020 7946 0xxx), NHS numbers in the 999
 * range (valid checksums, never issued), the NINO prefix QQ (invalid by
 * rule) and PNC ids from the published tests of the Ministry of Justice's
 * PNCIdValidator (github.com/ministryofjustice/hmpps-person-record).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "canon.h"
#include "ident.h"
#include "textnorm.h"
#include "mgw_err.h"

#define S(x) (x), strlen(x)

/* ---- phone ------------------------------------------------------------------ */

Test(phone, every_common_uk_format_gives_e164)
{
	static const char *const forms[] = {
		"07700 900123", "07700900123", "+44 7700 900123", "+44 (0)7700 900123",
		"(07700) 900-123", "447700900123", "0044 7700 900123", "07700-900-123",
		"+447700900123", "+44 07700 900123", "0044 (0)7700 900123", "0770.090.0123",
		" 07700 900123\n", "+44 (0) 7700-900123", "44 7700 900 123",
	};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		char out[16];
		cr_assert_eq(ident_phone_e164(S(forms[i]), out), 0, "%s", forms[i]);
		cr_assert_str_eq(out, "+447700900123", "%s", forms[i]);
	}
}

Test(phone, landlines)
{
	char out[16];
	cr_assert_eq(ident_phone_e164(S("01632 960123"), out), 0);
	cr_assert_str_eq(out, "+441632960123");
	cr_assert_eq(ident_phone_e164(S("020 7946 0123"), out), 0);
	cr_assert_str_eq(out, "+442079460123");
	cr_assert_eq(ident_phone_e164(S("(020) 7946-0123"), out), 0);
	cr_assert_str_eq(out, "+442079460123");
}

Test(phone, near_misses)
{
	static const char *const bad[] = {
		"",
		"0770090012",       /* 0 + 9 digits */
		"077009001234",     /* 0 + 11 digits */
		"7700900123",       /* no trunk 0 or country code */
		"+33 1 23 45 67 89", /* France */
		"+4477009001",      /* too short */
		"07700 900123x",
		"07700/900123",     /* '/' is not a phone separator */
		"0 7700 9001 23 4",
		"00447700900",
		"06123 456789",     /* 06 unallocated */
		"04123 456789",     /* 04 unallocated */
		"+44 0 0770 0900 12", /* 0 after +44 (0) */
		"7+447700900123",   /* '+' not first */
		"4477009001234",    /* 13 digits from 44 */
		"0123456789",       /* crime-reference shaped, 10 digits */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char out[16] = "x";
		cr_assert_eq(ident_phone_e164(S(bad[i]), out), MGW_E_INVALID, "%s", bad[i]);
		cr_assert_str_eq(out, "");
	}
	char out[16];
	cr_assert_eq(ident_phone_e164(NULL, 0, out), MGW_E_INVALID);
}

/* ---- NHS number ------------------------------------------------------------- */

Test(nhs, valid_forms)
{
	static const char *const ok[] = {"999 000 0018", "9990000018", "999-000-0018", " 9990000018 "};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		char out[11];
		cr_assert_eq(ident_nhs_valid(S(ok[i]), out), 0, "%s", ok[i]);
		cr_assert_str_eq(out, "9990000018");
	}
	char out[11];
	cr_assert_eq(ident_nhs_valid(S("999 003 7175"), out), 0);
	cr_assert_eq(ident_nhs_valid(S("999 029 7363"), out), 0);
	cr_assert_str_eq(out, "9990297363");
}

Test(nhs, checksum_and_shape_failures)
{
	static const char *const bad[] = {
		"999 000 0017",  /* wrong check digit */
		"9990000019",
		"9990000000",    /* weighted sum gives 10: no valid check digit */
		"9990000001",
		"999 000-0018",  /* mixed separators */
		"9990 000 018",  /* not 3-3-4 */
		"999  000 0018", /* two spaces */
		"99900000018",   /* 11 digits */
		"999000001",
		"999 000 001A",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char out[11];
		cr_assert_eq(ident_nhs_valid(S(bad[i]), out), MGW_E_INVALID, "%s", bad[i]);
	}
}

/* ---- NINO --------------------------------------------------------------------- */

Test(nino, valid_any_case_and_spacing)
{
	static const char *const ok[] = {"AB 12 34 56 C", "AB123456C", "ab123456c", "Ab 123456 c",
	                                 "AB12 3456C"};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		char out[10];
		cr_assert_eq(ident_nino_valid(S(ok[i]), out), 0, "%s", ok[i]);
		cr_assert_str_eq(out, "AB123456C");
	}
}

Test(nino, prefix_and_suffix_rules)
{
	static const char *const bad[] = {
		"QQ 12 34 56 A", "QQ123456A", /* Q never first */
		"DA123456A", "FA123456A", "IA123456A", "UA123456A", "VA123456A",
		"AD123456A", "AO123456A", "AQ123456A", "AV123456A",
		"BG123456A", "GB123456A", "KN123456A", "NK123456A", "NT123456A", "TN123456A",
		"ZZ123456A",
		"AB123456E", /* suffix A-D only */
		"AB123456",  /* suffix required */
		"AB12345C", "AB1234567C", "A1234567C", "AB-12-34-56-C",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char out[10];
		cr_assert_eq(ident_nino_valid(S(bad[i]), out), MGW_E_INVALID, "%s", bad[i]);
	}
}

/* ---- postcode ----------------------------------------------------------------- */

Test(postcode, every_format_normalised)
{
	static const char *const cases[][2] = {
		{"ts1 2ab", "TS1 2AB"},   {"TS12AB", "TS1 2AB"},   {"ts1  2ab", "TS1 2AB"},
		{"M1 1AA", "M1 1AA"},     {"B33 8TH", "B33 8TH"},  {"cr26xh", "CR2 6XH"},
		{"DN55 1PT", "DN55 1PT"}, {"W1A 0AX", "W1A 0AX"},  {"ec1a 1bb", "EC1A 1BB"},
		{"GIR 0AA", "GIR 0AA"},   {"gir0aa", "GIR 0AA"},   {" M60 1NW ", "M60 1NW"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[9];
		cr_assert_eq(ident_postcode_norm(S(cases[i][0]), out), 0, "%s", cases[i][0]);
		cr_assert_str_eq(out, cases[i][1]);
	}
}

Test(postcode, near_misses)
{
	static const char *const bad[] = {
		"TS1 2AC", /* C never in the inward code */
		"TS1 2IB", "TS1 2KB", "TS1 2MB", "TS1 2OB", "TS1 2VB",
		"TS1 2A", "TS1 AB2", "1TS 2AB", "TSS1 2AB", "TS123 2AB", "T 2AB", "TS1-2AB",
		"GIR 0AB", "", "TS1 2ABC",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char out[9];
		cr_assert_eq(ident_postcode_norm(S(bad[i]), out), MGW_E_INVALID, "%s", bad[i]);
	}
}

Test(postcode, outward)
{
	char out[5];
	cr_assert_eq(ident_postcode_outward(S("ec1a1bb"), out), 0);
	cr_assert_str_eq(out, "EC1A");
	cr_assert_eq(ident_postcode_outward(S("ts1 2ab"), out), 0);
	cr_assert_str_eq(out, "TS1");
	cr_assert_eq(ident_postcode_outward(S("M1 1AA"), out), 0);
	cr_assert_str_eq(out, "M1");
	cr_assert_eq(ident_postcode_outward(S("TS1 2AC"), out), MGW_E_INVALID);
	cr_assert_str_eq(out, "");
}

/* ---- PNC id ---------------------------------------------------------------------- */

Test(pnc, published_vectors)
{
	/* hmpps-person-record PNCIdValidatorTest: valid ids. */
	static const char *const ok[][2] = {
		{"20030011985X", "2003/0011985X"}, {"20120052494Q", "2012/0052494Q"},
		{"20230583843L", "2023/0583843L"}, {"2001/0171310W", "2001/0171310W"},
		{"2011/0275516Q", "2011/0275516Q"}, {"2008/0056560Z", "2008/0056560Z"},
		{"2003/0062845E", "2003/0062845E"}, {"1981/0154257C", "1981/0154257C"},
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		char out[16];
		cr_assert_eq(ident_pnc_valid(S(ok[i][0]), out), 0, "%s", ok[i][0]);
		cr_assert_str_eq(out, ok[i][1]);
	}
}

Test(pnc, short_forms_and_padding)
{
	char out[16];
	cr_assert_eq(ident_pnc_valid(S("01/171310W"), out), 0);
	cr_assert_str_eq(out, "2001/0171310W");
	cr_assert_eq(ident_pnc_valid(S("81/154257c"), out), 0);
	cr_assert_str_eq(out, "1981/0154257C");
	cr_assert_eq(ident_pnc_valid(S("2001/171310W"), out), 0);
	cr_assert_str_eq(out, "2001/0171310W");
	cr_assert_eq(ident_pnc_valid(S("08/56560Z"), out), 0);
	cr_assert_str_eq(out, "2008/0056560Z");
}

Test(pnc, near_misses)
{
	static const char *const bad[] = {
		"2001/0171310X", /* wrong check letter */
		"2001/0171311W",
		"1X23/1234567A", "1923[1234567A", "1923/1Z34567A", "1923/1234567AA", /* MoJ's malformed */
		"1801/0171310W", /* year not 19xx/20xx */
		"2001/01713100W", "2001-0171310W", "2001/W", "201/0171310W", "",
		"2001 0171310W",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char out[16];
		cr_assert_eq(ident_pnc_valid(S(bad[i]), out), MGW_E_INVALID, "%s", bad[i]);
	}
}

/* ---- CRN ---------------------------------------------------------------------- */

Test(crn, shape)
{
	char out[8];
	cr_assert_eq(ident_crn_valid(S("X123456"), out), 0);
	cr_assert_str_eq(out, "X123456");
	cr_assert_eq(ident_crn_valid(S(" x123456 "), out), 0);
	cr_assert_str_eq(out, "X123456");
	static const char *const bad[] = {"X12345", "X1234567", "XX123456", "1123456", "X12345A", ""};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_eq(ident_crn_valid(S(bad[i]), out), MGW_E_INVALID, "%s", bad[i]);
}

/* ---- names ---------------------------------------------------------------------- */

static void fold_is(const char *in, const char *want)
{
	char out[256];
	int n = ident_name_fold(in, strlen(in), out, sizeof out);
	cr_assert_geq(n, 0, "%s", in);
	cr_assert_str_eq(out, want, "%s", in);
	cr_assert_eq((size_t)n, strlen(want));
}

Test(name_fold, case_punctuation_spaces)
{
	fold_is("  J. Smith-Jones ", "j smith jones");
	fold_is("JOHN   SMITH", "john smith");
	fold_is("O'Brien", "obrien");
	fold_is("O\xE2\x80\x99" "Brien", "obrien"); /* U+2019 */
	fold_is("Smith's", "smith s");
	fold_is("Smith\xE2\x80\x99s car", "smith s car");
	fold_is("O'Sullivan", "osullivan");
	fold_is("Smith, John", "smith john");
	fold_is("", "");
	fold_is("...", "");
	fold_is("Ann\xC2\xA0" "Lee", "ann lee"); /* NBSP */
}

Test(name_fold, diacritics)
{
	fold_is("Zo\xC3\xAB \xC3\x89lodie", "zoe elodie");                 /* Zoë Élodie */
	fold_is("\xC5\x81ukasz Wa\xC5\x82\xC4\x99sa", "lukasz walesa");      /* Łukasz Wałęsa */
	fold_is("Stra\xC3\x9F" "e", "strasse");                             /* Straße */
	fold_is("\xC3\x86sa \xC3\x98stberg", "aesa ostberg");                /* Æsa Østberg */
	fold_is("\xC4\xB2sbrand", "ijsbrand");                              /* Ĳsbrand */
	fold_is("Bj\xC3\xB6rk G\xC3\xBC" "nn", "bjork gunn");             /* Björk Günn */
	fold_is("\xC5\x92uvre \xC3\x9Eora", "oeuvre thora");                 /* Œuvre Þora */
	fold_is("Jose\xCC\x81", "jose");                                    /* decomposed é */
	fold_is("\xC3\x81NGEL \xC3\x91O\xC3\x91O", "angel nono");           /* ÁNGEL ÑOÑO */
	fold_is("\xC3\x97", "");                                            /* × is a symbol */
	/* Other scripts: kept as written. */
	fold_is("\xD0\x94\xD0\xBC\xD0\xB8\xD1\x82\xD1\x80\xD0\xB8\xD0\xB9", "\xD0\x94\xD0\xBC\xD0\xB8\xD1\x82\xD1\x80\xD0\xB8\xD0\xB9");
}

/* Letters beyond Latin Extended-A: Vietnamese, Yoruba, Akan, Romanian, Welsh names. */
Test(name_fold, more_latin_letters)
{
	fold_is("NGUY\xE1\xBB\x84N Th\xE1\xBB\x8B Hoa", "nguyen thi hoa");     /* NGUYỄN Thị Hoa */
	fold_is("Tr\xC6\xB0\xC6\xA1ng V\xC4\x83n \xC4\x90\xE1\xBB\xA9" "c", "truong van duc"); /* Trương Văn Đức */
	fold_is("Ad\xE1\xBA\xB9 \xE1\xBB\x8Cl\xC3\xA1\xE1\xB9\xA3\xE1\xBA\xB9\xCC\x81", "ade olase"); /* Adẹ Ọláṣẹ́ */
	fold_is("Ak\xC9\x94sua \xC6\x90kua", "akosua ekua");                    /* Akɔsua Ɛkua */
	fold_is("\xC8\x98tefan \xC8\x9Aoni", "stefan toni");                    /* Ștefan Țoni */
	fold_is("Gw\xE1\xBA\x81n", "gwwn");                                      /* Gwẁn: U+1E81 */
	fold_is("\xE1\xBA\x9E", "ss");                                           /* ẞ */
	fold_is("\xC7\x84" "ana", "dzana");                                          /* Ǆana */
}

Test(name_fold, errors)
{
	char out[8];
	cr_assert_eq(ident_name_fold(S("Jo\xFFhn"), out, sizeof out), MGW_E_UTF8);
	cr_assert_eq(ident_name_fold(S("Jo\xC3"), out, sizeof out), MGW_E_UTF8);
	cr_assert_eq(ident_name_fold(S("\xC0\x80"), out, sizeof out), MGW_E_UTF8); /* overlong */
	cr_assert_eq(ident_name_fold(S("\xED\xA0\x80"), out, sizeof out), MGW_E_UTF8); /* surrogate */
	cr_assert_eq(ident_name_fold(S("Johnathan"), out, sizeof out), MGW_E_TOO_LARGE);
	cr_assert_eq(ident_name_fold(S("Johnath"), out, sizeof out), 7);
	cr_assert_eq(ident_name_fold(S("x"), out, 0), MGW_E_TOO_LARGE);
}

Test(chars, classes)
{
	struct ident_char c;
	cr_assert_eq(ident_char_next(S("\xC3\xA9x"), &c), 2);
	cr_assert_eq(c.cls, IDENT_C_LETTER);
	cr_assert_eq(c.nfold, 1);
	cr_assert_eq(c.fold[0], 'e');
	cr_assert_eq(ident_char_next(S("\xFF"), &c), 1);
	cr_assert_eq(c.cls, IDENT_C_INVALID);
	cr_assert_eq(ident_char_next(S("\xE2\x82"), &c), 1);
	cr_assert_eq(c.cls, IDENT_C_INVALID);
	cr_assert_eq(ident_char_next(S("\xE2\x80\x94"), &c), 3); /* em dash */
	cr_assert_eq(c.cls, IDENT_C_OTHER);
	cr_assert_eq(ident_char_next(S("\xE2\x80\x99s "), &c), 3);
	cr_assert_eq(c.cls, IDENT_C_SPACE);
	cr_assert_eq(ident_char_next(S("'sullivan"), &c), 1);
	cr_assert_eq(c.cls, IDENT_C_JOIN);
	cr_assert_eq(ident_char_next(S("'s"), &c), 1);
	cr_assert_eq(c.cls, IDENT_C_SPACE);
	cr_assert_eq(ident_char_next(S("\xE4\xB8\xAD"), &c), 3); /* CJK: a letter */
	cr_assert_eq(c.cls, IDENT_C_LETTER);
	cr_assert_eq(c.nfold, 3);
	cr_assert_eq(ident_char_next(S("7"), &c), 1);
	cr_assert_eq(c.cls, IDENT_C_DIGIT);
}

/* ---- dates ---------------------------------------------------------------------- */

static void date_is(const char *in, const char *want)
{
	char out[11];
	cr_assert_eq(ident_date_parse(S(in), out), 0, "%s", in);
	cr_assert_str_eq(out, want, "%s", in);
}

Test(dates, day_first_numeric_and_iso)
{
	date_is("12/03/1985", "1985-03-12");
	date_is("1/3/1985", "1985-03-01");
	date_is("12-03-1985", "1985-03-12");
	date_is("12.03.1985", "1985-03-12");
	date_is("1985-03-12", "1985-03-12");
	date_is("1985/3/12", "1985-03-12");
	date_is("03/12/1985", "1985-12-03"); /* never MM/DD */
	date_is("29/02/2000", "2000-02-29");
	date_is(" 31/12/1999 ", "1999-12-31");
}

Test(dates, month_names)
{
	date_is("12 March 1985", "1985-03-12");
	date_is("12th of March, 1985", "1985-03-12");
	date_is("March 12th, 1985", "1985-03-12");
	date_is("12-MAR-1985", "1985-03-12");
	date_is("1st Sept 2001", "2001-09-01");
	date_is("Dec. 3 1999", "1999-12-03");
	date_is("3 dec 1999", "1999-12-03");
}

Test(dates, refused)
{
	static const char *const bad[] = {
		"31/02/1985", "29/02/1900", "29/02/2023", "13/13/1985", "00/01/1985", "1985-13-01",
		"12/03/85",   /* two-digit year: century unknown */
		"12/03-1985", /* mixed separators */
		"12/03/19851", "123/03/1985", "12 Marchx 1985", "12 Mars 1985", "12031985",
		"1985-03-12x", "12/03/1985 and", "", "March 1985", "32 March 1985",
		"12/03/0001", /* outside caldate's years */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char out[11];
		cr_assert_eq(ident_date_parse(S(bad[i]), out), MGW_E_INVALID, "%s", bad[i]);
	}
}

Test(dates, scan_prefix_and_two_digit_years)
{
	struct ident_date d;
	cr_assert_eq(ident_date_scan(S("12/03/85 and then"), &d), 8);
	cr_assert(d.two_digit_year);
	cr_assert_eq(d.y, 85);
	cr_assert_eq(d.m, 3);
	cr_assert_eq(d.d, 12);
	cr_assert_eq(ident_date_scan(S("12 Mar 85."), &d), 9);
	cr_assert_eq(ident_date_scan(S("29/02/04"), &d), 8);
	cr_assert_eq(ident_date_scan(S("29/02/01"), &d), 0);
	cr_assert_eq(ident_date_scan(S("12/03/1985, at"), &d), 10);
	cr_assert_not(d.two_digit_year);
	cr_assert_eq(ident_date_scan(S("12/03/198"), &d), 0);
	cr_assert_eq(ident_date_scan(S("on 12/03/1985"), &d), 0);
}

Test(dates, apostrophe_for_the_century_after_a_month_name)
{
	struct ident_date d;
	cr_assert_eq(ident_date_scan(S("7th June '71 at"), &d), 12);
	cr_assert(d.two_digit_year);
	cr_assert_eq(d.y, 71);
	cr_assert_eq(d.m, 6);
	cr_assert_eq(d.d, 7);
	cr_assert_eq(ident_date_scan(S("June 7, \u2019" "71"), &d), 13);
	cr_assert_eq(d.y, 71);
	/* Only before two digits, and never a full date for ident_date_parse. */
	cr_assert_eq(ident_date_scan(S("7 June '1971"), &d), 0);
	cr_assert_eq(ident_date_scan(S("07/06/'71"), &d), 0);
	char out[11];
	cr_assert_eq(ident_date_parse(S("7 June '71"), out), MGW_E_INVALID);
}

Test(bank, iban_mod97_and_card_luhn)
{
	char ib[35], cd[20];
	/* The ECBS documentation example and the card networks' test numbers. */
	cr_assert_eq(ident_iban_valid(S("gb82 west 1234 5698 7654 32"), ib), 0);
	cr_assert_str_eq(ib, "GB82WEST12345698765432");
	cr_assert_eq(ident_iban_valid(S("GB82 WEST 1234 5698 7654 33"), ib), MGW_E_INVALID);
	cr_assert_eq(ident_iban_valid(S("GB82 WEST 1234 5698 7654"), ib), MGW_E_INVALID); /* GB is 22 */
	cr_assert_eq(ident_iban_valid(S("82GB WEST 1234 5698 7654 32"), ib), MGW_E_INVALID);
	cr_assert_eq(ident_card_valid(S("4111 1111 1111 1111"), cd), 0);
	cr_assert_str_eq(cd, "4111111111111111");
	cr_assert_eq(ident_card_valid(S("5500-0000-0000-0004"), cd), 0);
	cr_assert_eq(ident_card_valid(S("4111 1111 1111 1112"), cd), MGW_E_INVALID);
	cr_assert_eq(ident_card_valid(S("4111 1111 11"), cd), MGW_E_INVALID); /* too short */
	cr_assert_eq(ident_card_valid(S("4111/1111/1111/1111"), cd), MGW_E_INVALID);
}

/* ---- canon.h ------------------------------------------------------------------ */

static void canon_is(enum canon_kind k, const char *in, const char *want)
{
	char out[256];
	size_t n = canon_value(k, in, strlen(in), out, sizeof out);
	cr_assert_neq(n, (size_t)-1, "%s", in);
	cr_assert_str_eq(out, want, "in: %s", in);
	cr_assert_eq(n, strlen(want));
}

Test(canon, addresses_agree_in_every_written_form)
{
	canon_is(CANON_ADDRESS, "33A Grange Ct., Grimsby DN31 1AA", "33a grange court grimsby");
	canon_is(CANON_ADDRESS, "33a grange court, grimsby", "33a grange court grimsby");
	canon_is(CANON_ADDRESS, "33a GRANGE CRT GRIMSBY DN311AA", "33a grange court grimsby");
	canon_is(CANON_ADDRESS, "Flat 10, 170a Cliff Wlk", "flat 10 170a cliff walk");
	canon_is(CANON_TEXT, "  St. Mary's  C of E School ", "st mary s c of e school");
	canon_is(CANON_PHONE, "07700 900123", "+447700900123");
	canon_is(CANON_PHONE, "+33 1 23 45 67 89", "33123456789");
	canon_is(CANON_EMAIL, " Jo.Bloggs@Example.ORG ", "jo.bloggs@example.org");
	canon_is(CANON_ID, "ab 12 34 56 c", "AB123456C");
	char small[8];
	cr_assert_eq(canon_value(CANON_TEXT, "a long value", 12, small, sizeof small), (size_t)-1);
}

Test(canon, street_words_and_forms)
{
	cr_assert_str_eq(canon_street_word("ct", 2), "court");
	cr_assert_str_eq(canon_street_word("court", 5), "court");
	cr_assert_str_eq(canon_street_word("wlk", 3), "walk");
	cr_assert_null(canon_street_word("grange", 6));
	const char *f[8];
	size_t n = canon_street_forms("court", f, 8);
	cr_assert_geq(n, 3);
	cr_assert_str_eq(f[0], "court");
	int ct = 0, crt = 0;
	for (size_t i = 0; i < n; i++)
		ct |= strcmp(f[i], "ct") == 0, crt |= strcmp(f[i], "crt") == 0;
	cr_assert(ct && crt);
	cr_assert_eq(canon_street_forms("ct", f, 8), 0); /* an abbreviation is no full word */
	cr_assert_eq(canon_street_forms("grange", f, 8), 0);
}

/* ---- textnorm.h --------------------------------------------------------------- */

Test(textnorm, table_and_dense_map)
{
	/* NBSP, tab (after a short first cell: a label's end), en dash,
	 * full-width 7, zero-width space, em dash, curly quote, CR */
	const char *in = "a\xC2\xA0" "b\tc\xE2\x80\x93" "d\xEF\xBC\x97" "e\xE2\x80\x8B"
	                 "f\xE2\x80\x94g\xE2\x80\x99h\r\n";
	struct textnorm t;
	cr_assert_eq(textnorm_build(in, strlen(in), &t), 0);
	cr_assert_str_eq(t.s, "a b:c-d7ef - g'h \n");
	cr_assert_eq(t.n, strlen(t.s));
	static const size_t want[] = {0, 1, 3, 4, 5, 6, 9, 10, 13, 17, 18, 18, 18, 21, 22, 25, 26, 27};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		cr_assert_eq(t.map[i], want[i], "map[%zu] = %zu", i, t.map[i]);
	cr_assert_eq(t.map[t.n], strlen(in));
	/* "7" (normalised 7..8) is the 3-byte full-width digit at 10..13. */
	size_t os, oe;
	textnorm_orig(&t, in, strlen(in), 7, 8, &os, &oe);
	cr_assert_eq(os, 10);
	cr_assert_eq(oe, 13);
	textnorm_free(&t);
}

/* s32: a tab that indents, ends a line or stands by a figure is a space;
 * after a short first cell of words it ends a label (':'; a space after
 * a colon); any other parts a table's cells ('|'). */
Test(textnorm, tabs_as_spaces_labels_and_cells)
{
	static const struct {
		const char *in, *want;
	} C[] = {
		{"\tIndented.", " Indented."},
		{"Tel\t07700\t900 228", "Tel 07700 900 228"},
		{"Mother's work\tAsda, tills", "Mother's work:Asda, tills"},
		{"Others:\this cousin", "Others: his cousin"},
		{"Sanctuary assessment - Gemma Rich\tHousing\tN", "Sanctuary assessment - Gemma Rich|Housing|N"},
		{"ACTION\tOWNER\tDUE", "ACTION:OWNER|DUE"},
		{"22/11\t09:15\tHealth\tV seen", "22/11 09:15 Health|V seen"},
		{"end\t\nnext", "end \nnext"},
	};
	for (size_t i = 0; i < sizeof C / sizeof C[0]; i++) {
		struct textnorm t;
		cr_assert_eq(textnorm_build(C[i].in, strlen(C[i].in), &t), 0);
		cr_expect_str_eq(t.s, C[i].want, "[%s] -> [%s]", C[i].in, t.s);
		textnorm_free(&t);
	}
}

Test(textnorm, letter_o_in_short_groups_and_after_a_cue)
{
	static const struct {
		const char *in, *want;
	} C[] = {
		{"ring O2O 7946 O321", "ring 020 7946 0321"},     /* one-digit groups among others */
		{"+44 (O)77OO 9O0321", "+44 (0)7700 900321"},     /* the trunk zero in brackets */
		{"telO77OO9OO321 x", "tel07700900321 x"},         /* glued to its cue */
		{"NHSno9990000018", "NHSno9990000018"},           /* 'no' is the cue's own letter */
		{"on O2 with 2O of them", "on O2 with 2O of them"}, /* alone: words */
		{"Room12 no12345", "Room12 no12345"},             /* too short for a phone */
		{"DOB 12/O3/1990", "DOB 12/03/1990"},             /* s27: a date's group, OCR'd */
		{"w/o 3 of them", "w/o 3 of them"},               /* a word, no digit beside */
	};
	for (size_t i = 0; i < sizeof C / sizeof C[0]; i++) {
		struct textnorm t;
		cr_assert_eq(textnorm_build(C[i].in, strlen(C[i].in), &t), 0);
		cr_assert_str_eq(t.s, C[i].want, "in: %s", C[i].in);
		textnorm_free(&t);
	}
}

/* Scanned and OCR'd text writes a zero for O and an l for a one: in a text
 * with two words that have a zero between letters, its words read as
 * words and its numbers as numbers; one such word alone (a handle, a
 * code) and a postcode's inward code stay as written. */
Test(textnorm, zero_for_o_in_a_scanned_text)
{
	static const struct {
		const char *in, *want;
	} C[] = {
		{"SECTI0N 3 n0ne in h0useh0ld (s0n Dmytr0)", "SECTION 3 none in household (son Dmytro)"},
		{"must n0t go t0 l4 Kiln R0ad until l2 June at l0.00",
		 "must not go to 14 Kiln Road until 12 June at 10.00"},
		{"0RDER, DISTRICT JUDGE H0LL0WAY, C0UNTY", "ORDER, DISTRICT JUDGE HOLLOWAY, COUNTY"},
		{"h0me at LS1 0AB, c0urt", "home at LS1 0AB, court"}, /* the postcode stays */
		{"on snapchat as b0ss_man", "on snapchat as b0ss_man"}, /* one word: a handle */
		{"ref AB0CD l2 June", "ref AB0CD l2 June"},            /* one word: a code */
		/* and a one for an l or an I among letters; not a postcode's
		 * district ("FY1") nor a word with another digit */
		{"SEFT0N C0UNCIL: J. Mc1ntyre at Ca1der L0dge Hote1, B1ackpool FY1, she wi11 ring",
		 "SEFTON COUNCIL: J. Mclntyre at Calder Lodge Hotel, Blackpool FY1, she will ring"},
		{"SEFT0N C0UNCIL: ref AB1C2D, 1st visit, KX17 HRT", "SEFTON COUNCIL: ref AB1C2D, 1st visit, KX17 HRT"},
	};
	for (size_t i = 0; i < sizeof C / sizeof C[0]; i++) {
		struct textnorm t;
		cr_assert_eq(textnorm_build(C[i].in, strlen(C[i].in), &t), 0);
		cr_assert_str_eq(t.s, C[i].want, "in: %s", C[i].in);
		textnorm_free(&t);
	}
}

Test(textnorm, sparse_agrees_with_dense)
{
	const char *in = "Tel \xEF\xBC\x90\xEF\xBC\x97\xEF\xBC\x97" "00\xC2\xA0" "900123 \xE2\x80\x8B"
	                 "caf\xC3\xA9 \xE2\x80\x9CO77OO 9OO123\xE2\x80\x9D Oo 2O";
	struct textnorm d, s;
	cr_assert_eq(textnorm_build(in, strlen(in), &d), 0);
	cr_assert_eq(textnorm_build_sparse(in, strlen(in), &s), 0);
	cr_assert_null(s.map);
	cr_assert_str_eq(d.s, s.s);
	cr_assert_str_eq(d.s, "Tel 07700 900123 caf\xC3\xA9 \"07700 900123\" Oo 2O");
	for (size_t a = 0; a <= d.n; a++)
		for (size_t b = a; b <= d.n; b++) {
			size_t os1, oe1, os2, oe2;
			textnorm_orig(&d, in, strlen(in), a, b, &os1, &oe1);
			textnorm_orig(&s, in, strlen(in), a, b, &os2, &oe2);
			cr_assert_eq(os1, os2, "%zu..%zu", a, b);
			cr_assert_eq(oe1, oe2, "%zu..%zu", a, b);
		}
	textnorm_free(&d);
	textnorm_free(&s);
	cr_assert_eq(textnorm_build(NULL, 0, &d), 0);
	cr_assert_str_eq(d.s, "");
	cr_assert_eq(d.map[0], 0);
	textnorm_free(&d);
}

/* A digit said as a word: any case; "o" and "nil" only when loose (a field
 * known to hold a number), never a longer word that starts like one. */
Test(ident, digit_words)
{
	cr_assert_eq(ident_digit_word("Seven", 5, 0), 7);
	cr_assert_eq(ident_digit_word("OH", 2, 0), 0);
	cr_assert_eq(ident_digit_word("nought", 6, 0), 0);
	cr_assert_eq(ident_digit_word("o", 1, 0), -1);
	cr_assert_eq(ident_digit_word("o", 1, 1), 0);
	cr_assert_eq(ident_digit_word("nil", 3, 1), 0);
	cr_assert_eq(ident_digit_word("nine", 3, 0), -1); /* "nin" */
	cr_assert_eq(ident_digit_word("sevens", 6, 0), -1);
	cr_assert_eq(ident_digit_word("hundred", 7, 1), -1);
}
