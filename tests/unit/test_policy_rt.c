/*
 * Red team on the redaction, as a hostile or careless sender (issue 9 items
 * 1, 2, 5, 8): never-share values put into every structured field of a real
 * share, written in forms a reader still reads as the value (a lost space,
 * look-alike Cyrillic and Greek letters, digits of other scripts, invisible
 * characters), run through the real default policy to every agency not
 * entitled to them. Each test failed before its fix.
 * Synthetic data only (tests/fixtures/case_basic.json: the refuge is
 * "Refuge, 5 Hidden Lane", TS9 9ZZ; her phone 07700 900123).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "codec.h"
#include "mgw_err.h"
#include "pbjson.h"
#include "policy.h"

#define AG(x) MARAC__V1__AGENCY__AGENCY_##x
#define PU(x) MARAC__V1__PURPOSE__PURPOSE_##x
#define ACT(x) MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_##x

static Marac__V1__CaseSummary *fixture(void)
{
	FILE *f = fopen(MARAC_SOURCE_DIR "/tests/fixtures/case_basic.json", "rb");
	cr_assert_not_null(f);
	char *buf = malloc(1 << 20);
	size_t n = fread(buf, 1, (1 << 20) - 1, f);
	fclose(f);
	buf[n] = 0;
	ProtobufCMessage *m = NULL;
	char err[256];
	int rc = pbjson_parse(&marac__v1__case_summary__descriptor, buf, n, &m, err, sizeof err);
	free(buf);
	cr_assert_eq(rc, MGW_OK, "fixture: %s", err);
	return (Marac__V1__CaseSummary *)m;
}

static policy *load_default(void)
{
	policy *p = NULL;
	char err[512];
	cr_assert_eq(policy_load(MARAC_SOURCE_DIR "/policy/default.yaml", &p, err, sizeof err),
		     MGW_OK, "%s", err);
	return p;
}

static void set_str(char **field, const char *v)
{
	if (*field != protobuf_c_empty_string) /* an unset field: protobuf-c's static "" */
		codec_mfree(*field);
	*field = codec_strdup(v);
}

static void set_list(char ***list, size_t *n, const char *v)
{
	for (size_t i = 0; i < *n; i++)
		codec_mfree((*list)[i]);
	codec_mfree(*list);
	*list = codec_malloc(sizeof **list);
	(*list)[0] = codec_strdup(v);
	*n = 1;
}

static Marac__V1__Address *address(const char *l1, const char *pc)
{
	Marac__V1__Address *a = (Marac__V1__Address *)codec_new(&marac__v1__address__descriptor);
	a->n_lines = 1;
	a->lines = codec_malloc(sizeof *a->lines);
	a->lines[0] = codec_strdup(l1);
	if (pc)
		a->postcode = codec_strdup(pc);
	return a;
}

/* 1 if text occurs in any string of msg (recursively). */
static int has(const ProtobufCMessage *msg, const char *text)
{
	const ProtobufCMessageDescriptor *d = msg->descriptor;
	for (unsigned i = 0; i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		const char *base = (const char *)msg;
		size_t cnt = 1;
		const void *vals = base + f->offset;
		if (f->label == PROTOBUF_C_LABEL_REPEATED) {
			cnt = *(const size_t *)(base + f->quantifier_offset);
			vals = *(const void *const *)(base + f->offset);
		}
		for (size_t k = 0; k < cnt && vals; k++) {
			const void *v = (const char *)vals + k * sizeof(void *);
			if (f->type == PROTOBUF_C_TYPE_STRING) {
				const char *s = *(const char *const *)v;
				if (s && strstr(s, text))
					return 1;
			} else if (f->type == PROTOBUF_C_TYPE_MESSAGE && *(void *const *)v &&
				   has(*(const ProtobufCMessage *const *)v, text)) {
				return 1;
			}
		}
	}
	return 0;
}

struct out {
	Marac__V1__CaseSummary *view;
	Marac__V1__RedactionEntry **m;
	size_t n;
};

static struct out redact(const policy *p, const Marac__V1__CaseSummary *cs, int agency)
{
	struct out o;
	int rc = policy_redact(p, cs, agency, PU(MEETING), &o.view, &o.m, &o.n);
	cr_assert_eq(rc, MGW_OK, "redact: %d", rc);
	return o;
}

static void out_free(struct out *o)
{
	policy_manifest_free(o->m, o->n);
	codec_free(&o->view->base);
}

static const Marac__V1__RedactionEntry *entry(const struct out *o, const char *path, int action,
					      const char *ground)
{
	for (size_t i = 0; i < o->n; i++)
		if (!strcmp(o->m[i]->path, path) && (int)o->m[i]->action == action &&
		    !strcmp(o->m[i]->ground, ground))
			return o->m[i];
	return NULL;
}

/* The agencies the default policy gives neither the refuge nor her contact details. */
static const int NOT_CONTACT[] = {AG(CHILDRENS_SOCIAL_CARE), AG(ADULT_SOCIAL_CARE), AG(HEALTH),
				  AG(PROBATION), AG(HOUSING), AG(EDUCATION)};
#define N_NOT (sizeof NOT_CONTACT / sizeof NOT_CONTACT[0])

/* Where a sender can put a value: structured fields of every class, and free text. */
enum where { W_VICTIM_ALIAS, W_PERP_ALIAS, W_CHILD_ALIAS, W_GP, W_SCHOOL, W_AGENCY_NAME,
	     W_NARRATIVE, W_DASH_COMMENT, W_SUMMARY, W_CONSENT, W_N };
static const char *const WHERE[] = {"victim.aliases", "perpetrators[].aliases",
				    "children[].aliases", "perpetrators[].gp_practice",
				    "children[].school", "others[].agency_name", "narrative",
				    "risk.answers[].comment", "incidents[].summary",
				    "consent_reason"};

static void put(Marac__V1__CaseSummary *cs, enum where w, const char *v)
{
	char text[512];
	snprintf(text, sizeof text, "Seen on 2 November. %s. Review in a month.", v);
	switch (w) {
	case W_VICTIM_ALIAS: set_list(&cs->victim->aliases, &cs->victim->n_aliases, v); break;
	case W_PERP_ALIAS:
		set_list(&cs->perpetrators[0]->aliases, &cs->perpetrators[0]->n_aliases, v);
		break;
	case W_CHILD_ALIAS:
		set_list(&cs->children[0]->aliases, &cs->children[0]->n_aliases, v);
		break;
	case W_GP: set_str(&cs->perpetrators[0]->gp_practice, v); break;
	case W_SCHOOL: set_str(&cs->children[0]->school, v); break;
	case W_AGENCY_NAME: set_str(&cs->others[1]->agency_name, v); break;
	case W_NARRATIVE: set_str(&cs->narrative, text); break;
	case W_DASH_COMMENT: set_str(&cs->risk->answers[0]->comment, text); break;
	case W_SUMMARY: set_str(&cs->incidents[0]->summary, text); break;
	case W_CONSENT: set_str(&cs->consent_reason, text); break;
	default: cr_assert_fail("where %d", w);
	}
}

/*
 * The refuge's street and her phone as a reader reads them, written so that
 * no byte-level form matched: each must reach none of the six agencies, in
 * any field. Before the fix every one of them reached health in at least
 * one field (the skeletons and the spaceless match of policy_int.h).
 */
Test(policy_rt, never_share_values_in_every_field_in_every_written_form, .timeout = 120)
{
	static const char *const forms[] = {
	    "Hiddenlane",                                      /* the space lost */
	    "HIDDENLANE",
	    "H i d d e n Lane",                                /* letter-spaced */
	    "Hidden\xe2\x80\x8bLane",                          /* zero-width space */
	    "Hidden\xc2\xad" "Lane",                           /* soft hyphen */
	    "Hidden\xe2\x81\xa0Lane",                          /* word joiner */
	    "H\xd1\x96" "dd\xd0\xb5n L\xd0\xb0n\xd0\xb5",      /* Cyrillic i, e, a */
	    "Hidd\xce\xb5n L\xce\xb1ne",                       /* Greek epsilon, alpha */
	    "\xef\xbc\xa8\xef\xbd\x89\xef\xbd\x84\xef\xbd\x84\xef\xbd\x85\xef\xbd\x8e "
	    "\xef\xbc\xac\xef\xbd\x81\xef\xbd\x8e\xef\xbd\x85", /* full-width letters */
	    "\xef\xbc\x90\xef\xbc\x97\xef\xbc\x97\xef\xbc\x90\xef\xbc\x90 "
	    "\xef\xbc\x99\xef\xbc\x90\xef\xbc\x90\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93", /* full-width phone */
	    "\xd9\xa0\xd9\xa7\xd9\xa7\xd9\xa0\xd9\xa0 "
	    "\xd9\xa9\xd9\xa0\xd9\xa0\xd9\xa1\xd9\xa2\xd9\xa3",  /* Arabic-Indic phone */
	    "\xe0\xa5\xa6\xe0\xa5\xad\xe0\xa5\xad\xe0\xa5\xa6\xe0\xa5\xa6"
	    "\xe0\xa5\xaf\xe0\xa5\xa6\xe0\xa5\xa6\xe0\xa5\xa7\xe0\xa5\xa8\xe0\xa5\xa9", /* Devanagari */
	    "07700\xe2\x80\x8b" "900\xe2\x80\x8b" "123",       /* zero-width between groups */
	};
	policy *p = load_default();
	for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++)
		for (int w = 0; w < W_N; w++) {
			Marac__V1__CaseSummary *cs = fixture();
			put(cs, (enum where)w, forms[f]);
			for (size_t a = 0; a < N_NOT; a++) {
				struct out o = redact(p, cs, NOT_CONTACT[a]);
				cr_assert(!has(&o.view->base, forms[f]),
					  "form %zu in %s reached agency %d", f, WHERE[w],
					  NOT_CONTACT[a]);
				out_free(&o);
			}
			/* police may have both: the narrative is not withheld from them */
			if (w == W_NARRATIVE) {
				struct out o = redact(p, cs, AG(POLICE));
				cr_assert(has(&o.view->base, "Review in a month"),
					  "form %zu: narrative withheld from police", f);
				out_free(&o);
			}
			codec_free(&cs->base);
		}
	policy_free(p);
}

/* The withheld structured value is named in the manifest under never-share. */
Test(policy_rt, a_look_alike_alias_is_withheld_under_never_share)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	put(cs, W_VICTIM_ALIAS, "H\xd1\x96" "dden Lane");
	struct out o = redact(p, cs, AG(HEALTH));
	cr_assert_eq(o.view->victim->n_aliases, 0);
	cr_assert_eq(entry(&o, "victim.aliases", ACT(WITHHOLD), "never-share")->count, 1);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/*
 * A child's address that is the refuge, written with a look-alike letter,
 * with the refuge's postcode: children's social care may have the child's
 * address but never the refuge. Before, it got both lines and postcode.
 */
Test(policy_rt, child_at_the_refuge_written_with_a_look_alike_letter)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	cs->children[0]->address = address("5 H\xd1\x96" "dden Lane", "TS9 9ZZ");
	struct out o = redact(p, cs, AG(CHILDRENS_SOCIAL_CARE));
	cr_assert(!has(&o.view->base, "dden Lane"));
	cr_assert(!has(&o.view->base, "TS9"));
	cr_assert_not_null(
	    entry(&o, "children[].address.lines", ACT(WITHHOLD), "never-share"));
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/*
 * A child's address under the refuge's postcode, with lines nobody can
 * compare (the refuge's house name, a flat): the postcode is the refuge's
 * and does not go; the lines do (they are not the refuge's as written).
 */
Test(policy_rt, the_refuge_postcode_under_other_lines)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	cs->children[0]->address = address("Flat 2, Rowan House", "ts9  9zz");
	struct out o = redact(p, cs, AG(CHILDRENS_SOCIAL_CARE));
	cr_assert(!has(&o.view->base, "9zz"));
	cr_assert_str_eq(o.view->children[0]->address->lines[0], "Flat 2, Rowan House");
	cr_assert_not_null(
	    entry(&o, "children[].address.postcode", ACT(WITHHOLD), "never-share"));
	out_free(&o);
	/* the IDVA may have the refuge: the child's address goes whole */
	o = redact(p, cs, AG(IDVA));
	cr_assert_str_eq(o.view->children[0]->address->postcode, "ts9  9zz");
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* Precision: a word that only contains the street's letters is not the street. */
Test(policy_rt, spaceless_match_keeps_word_boundaries)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	set_str(&cs->narrative, "Health visitor saw the children; the hiddenlanes project "
				"and the forbiddenlane poster were discussed.");
	struct out o = redact(p, cs, AG(HEALTH));
	cr_assert(has(&o.view->base, "hiddenlanes project"), "%s", o.view->narrative);
	cr_assert(has(&o.view->base, "forbiddenlane poster"), "%s", o.view->narrative);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/*
 * A third party's phone (the neighbour's: withheld from health under s40(2),
 * not a never-share value) in free text, written as a pasted web page or an
 * Arabic keyboard writes it: the scrubber finds it (textnorm.h). Before,
 * each reached health verbatim.
 */
Test(policy_rt, third_party_phone_in_forms_the_scrubber_did_not_fold)
{
	static const char *const forms[] = {
	    "07700&nbsp;900555",
	    "&#48;&#55;&#55;&#48;&#48; &#57;&#48;&#48;&#53;&#53;&#53;",
	    "07700 90055&#x35;", /* a reference as its last character: all of it goes */
	    "\xd9\xa0\xd9\xa7\xd9\xa7\xd9\xa0\xd9\xa0 \xd9\xa9\xd9\xa0\xd9\xa0\xd9\xa5\xd9\xa5\xd9\xa5",
	    "\xf0\x9d\x9f\x8e\xf0\x9d\x9f\x95\xf0\x9d\x9f\x95\xf0\x9d\x9f\x8e\xf0\x9d\x9f\x8e "
	    "\xf0\x9d\x9f\x97\xf0\x9d\x9f\x8e\xf0\x9d\x9f\x8e\xf0\x9d\x9f\x93\xf0\x9d\x9f\x93"
	    "\xf0\x9d\x9f\x93", /* mathematical bold digits */
	    "0\xcc\xb2" "7\xcc\xb2" "7\xcc\xb2" "0\xcc\xb2" "0\xcc\xb2 9\xcc\xb2" "0\xcc\xb2"
	    "0\xcc\xb2" "5\xcc\xb2" "5\xcc\xb2" "5", /* underlined with combining marks */
	    "0\xcc\xb2" "7\xcc\xb2" "7\xcc\xb2" "0\xcc\xb2" "0\xcc\xb2 \xcc\xb2" "9\xcc\xb2"
	    "0\xcc\xb2" "0\xcc\xb2" "5\xcc\xb2" "5\xcc\xb2" "5", /* the space underlined too */
	};
	policy *p = load_default();
	for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
		Marac__V1__CaseSummary *cs = fixture();
		char text[512];
		snprintf(text, sizeof text, "Neighbour rang %s about shouting. Review in a month.",
			 forms[f]);
		set_str(&cs->narrative, text);
		struct out o = redact(p, cs, AG(HEALTH));
		cr_assert(strstr(o.view->narrative, "[REDACTED s40(2): phone]") != NULL &&
			      strstr(o.view->narrative, "#") == NULL &&
			      strstr(o.view->narrative, "Review in a month") != NULL,
			  "form %zu: %s", f, o.view->narrative);
		out_free(&o);
		codec_free(&cs->base);
	}
	policy_free(p);
}

/* E-mails with '@' as a reference, and a listed third party's surname with a
 * Cyrillic e in it, are found; text that only looks like a reference is
 * kept as written. */
Test(policy_rt, references_and_look_alikes_in_free_text)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	set_str(&cs->narrative, "Frank wrote from f.worker&#64;example.gov.uk and "
				"f.worker%40example.gov.uk. N\xd0\xb5ighbourly called. "
				"Tom &amp; Jerry, 50%20 rate and AT&T were mentioned.");
	struct out o = redact(p, cs, AG(HEALTH));
	const char *n = o.view->narrative;
	cr_assert(strstr(n, "example.gov.uk") == NULL && strstr(n, "ighbourly") == NULL, "%s", n);
	cr_assert(strstr(n, "&amp;") && strstr(n, "50%20 rate") && strstr(n, "AT&T"), "%s", n);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* Her phone read out digit by digit, as a note of a call is typed: the
 * scrubber reads the number said aloud and knows it for hers (session 48;
 * before, the field's check for her listed values withheld the narrative
 * whole as never-share). */
Test(policy_rt, her_phone_in_words_is_never_shared)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	set_str(&cs->narrative, "She gave her number as oh seven seven oh oh, nine oh oh, one "
				"two three. One or two of the three children were present.");
	for (size_t a = 0; a < N_NOT; a++) {
		struct out o = redact(p, cs, NOT_CONTACT[a]);
		cr_assert(!has(&o.view->base, "nine oh oh"), "agency %d", NOT_CONTACT[a]);
		cr_assert(has(&o.view->base, "One or two of the three children"), "agency %d",
			  NOT_CONTACT[a]);
		cr_assert(strstr(o.view->narrative, "[WITHHELD s38: victim contact]"), "%s",
			  o.view->narrative);
		out_free(&o);
	}
	/* to the police as her number in figures is in free text: a phone */
	struct out o = redact(p, cs, AG(POLICE));
	cr_assert(!has(&o.view->base, "nine oh oh") && strstr(o.view->narrative, "[REDACTED s40(2): phone]"),
		  "%s", o.view->narrative);
	out_free(&o);
	/* number words that are no phone of hers are no phone: the unit model
	 * (sixteen training sets, threshold 0.10, session 13) withholds the
	 * first sentence as a statement of where she is (children, ages: an
	 * over-redaction the measure counts), but nothing here is her contact */
	set_str(&cs->narrative, "One or two of the three children; seven in total, aged four to "
				"nine. Review in a month.");
	o = redact(p, cs, AG(HEALTH));
	cr_assert(!strstr(o.view->narrative, "REDACTED") && !strstr(o.view->narrative, "contact") &&
			  strstr(o.view->narrative, "Review in a month"),
		  "%s", o.view->narrative);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* A right-to-left override shows "07700 900123" from text stored reversed. */
Test(policy_rt, text_a_reader_sees_in_another_order_is_withheld)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	set_str(&cs->narrative, "Number given: \xe2\x80\xae" "321009 00770\xe2\x80\xac. Review.");
	set_str(&cs->others[1]->agency_name, "Testshire \xe2\x81\xa7" "321009 00770");
	struct out o = redact(p, cs, AG(HEALTH));
	cr_assert(!has(&o.view->base, "321009"));
	cr_assert_not_null(entry(&o, "narrative", ACT(WITHHOLD), "invalid-value"));
	cr_assert_not_null(entry(&o, "others[].agency_name", ACT(WITHHOLD), "invalid-value"));
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* Full-width digits are digits: a phone is no name, whoever's it is. */
Test(policy_rt, a_phone_in_full_width_digits_is_no_name)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	/* the neighbour's phone (not a never-share value) as the victim's alias */
	put(cs, W_VICTIM_ALIAS, "\xef\xbc\x90\xef\xbc\x97\xef\xbc\x97\xef\xbc\x90\xef\xbc\x90 "
				"\xef\xbc\x99\xef\xbc\x90\xef\xbc\x90\xef\xbc\x95\xef\xbc\x95\xef\xbc\x95");
	for (int a = AG(POLICE); a <= AG(EDUCATION); a++) {
		struct out o = redact(p, cs, a);
		cr_assert_eq(o.view->victim ? o.view->victim->n_aliases : 0, 0, "agency %d", a);
		out_free(&o);
	}
	codec_free(&cs->base);
	policy_free(p);
}

/* A field this gateway's schema does not have (a newer client's, or made
 * up) carrying text reaches no view: views are built field by field from
 * the schema, so unknown fields are dropped, for every agency. */
Test(policy_rt, unknown_fields_never_reach_a_view)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	uint8_t *buf, *wire;
	size_t len;
	cr_assert_eq(codec_pack(&cs->base, &buf, &len), MGW_OK);
	static const char extra[] = "5 Hidden Lane, 07700 900123";
	/* field 999, length-delimited (tag 999 << 3 | 2 = 7994: varint 0xBA 0x3E) */
	wire = malloc(len + 3 + sizeof extra);
	memcpy(wire, buf, len);
	wire[len] = 0xBA, wire[len + 1] = 0x3E, wire[len + 2] = (uint8_t)(sizeof extra - 1);
	memcpy(wire + len + 3, extra, sizeof extra - 1);
	ProtobufCMessage *m = NULL;
	cr_assert_eq(codec_unpack(&marac__v1__case_summary__descriptor, wire,
				  len + 3 + sizeof extra - 1, 1 << 20, &m),
		     MGW_OK);
	for (int a = AG(POLICE); a <= AG(EDUCATION); a++) {
		struct out o = redact(p, (Marac__V1__CaseSummary *)m, a);
		uint8_t *vb;
		size_t vl;
		cr_assert_eq(codec_pack(&o.view->base, &vb, &vl), MGW_OK);
		cr_assert_null(memmem(vb, vl, "Hidden Lane, 07700", 18), "agency %d", a);
		cr_assert_eq(o.view->base.n_unknown_fields, 0);
		free(vb);
		out_free(&o);
	}
	codec_free(m);
	free(wire);
	free(buf);
	codec_free(&cs->base);
	policy_free(p);
}

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/*
 * Bounds (item 8): every value of a share is compared with every form of a
 * never-share value, so 250 children with ten-line addresses (5,000 forms)
 * and 30 aliases each took 1.6 s before the share was refused for its
 * names; an address of thousands of lines likewise. Now refused typed
 * before any comparison, quickly.
 */
Test(policy_rt, too_many_never_share_forms_or_address_lines_are_refused_quickly)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture(), *v = (void *)1;
	Marac__V1__RedactionEntry **m = (void *)1;
	size_t n = 5;
	char buf[64];
	/* 250 children, each with a ten-line address and 30 aliases */
	Marac__V1__Person **keep = cs->children;
	size_t nkeep = cs->n_children;
	cs->children = codec_malloc(250 * sizeof *cs->children);
	cs->n_children = 250;
	for (size_t i = 0; i < 250; i++) {
		Marac__V1__Person *c =
		    (Marac__V1__Person *)codec_new(&marac__v1__person__descriptor);
		c->role = MARAC__V1__PERSON_ROLE__PERSON_ROLE_CHILD;
		c->address = address("1 Ab Rd", NULL);
		codec_mfree(c->address->lines[0]);
		codec_mfree(c->address->lines);
		c->address->n_lines = 10;
		c->address->lines = codec_malloc(10 * sizeof(char *));
		for (size_t j = 0; j < 10; j++) {
			snprintf(buf, sizeof buf, "%zu Ab%zu Rd", j, i * 10 + j);
			c->address->lines[j] = codec_strdup(buf);
		}
		c->n_aliases = 30;
		c->aliases = codec_malloc(30 * sizeof(char *));
		for (size_t j = 0; j < 30; j++) {
			snprintf(buf, sizeof buf, "Al Kid%zu", i * 30 + j);
			c->aliases[j] = codec_strdup(buf);
		}
		cs->children[i] = c;
	}
	double t0 = now_s();
	cr_assert_eq(policy_redact(p, cs, AG(HEALTH), PU(MEETING), &v, &m, &n), MGW_E_TOO_LARGE);
	double took = now_s() - t0; /* about 1 ms; 0.5 s and more before */
	cr_assert_lt(took, 0.25, "took %.2f s", took);
	cr_log_info("refused in %.4f s", took);
	cr_assert(v == NULL && m == NULL && n == 0);
	/* one address of 17 lines */
	for (size_t i = 0; i < 250; i++)
		codec_free(&cs->children[i]->base);
	codec_mfree(cs->children);
	cs->children = keep;
	cs->n_children = nkeep;
	Marac__V1__Address *a = cs->refuge_address;
	char **lines = a->lines;
	size_t nl = a->n_lines;
	a->lines = codec_malloc(17 * sizeof(char *));
	for (size_t j = 0; j < 17; j++)
		a->lines[j] = lines[0];
	a->n_lines = 17;
	cr_assert_eq(policy_redact(p, cs, AG(POLICE), PU(MEETING), &v, &m, &n), MGW_E_TOO_LARGE);
	a->n_lines = 16; /* at the cap: fine */
	struct out o = redact(p, cs, AG(POLICE));
	out_free(&o);
	codec_mfree(a->lines);
	a->lines = lines;
	a->n_lines = nl;
	codec_free(&cs->base);
	policy_free(p);
}

/* The refuge's street split over two aliases, one word each. */
Test(policy_rt, a_value_split_over_the_elements_of_a_list)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	codec_mfree(cs->victim->aliases[0]);
	codec_mfree(cs->victim->aliases[1]);
	cs->victim->aliases[0] = codec_strdup("Hidden");
	cs->victim->aliases[1] = codec_strdup("Lane");
	struct out o = redact(p, cs, AG(HEALTH));
	cr_assert_eq(o.view->victim->n_aliases, 0);
	cr_assert_eq(entry(&o, "victim.aliases", ACT(WITHHOLD), "never-share")->count, 2);
	out_free(&o);
	/* aliases that hold nothing of it together go as before */
	codec_mfree(cs->victim->aliases[1]);
	cs->victim->aliases[1] = codec_strdup("Lexi");
	o = redact(p, cs, AG(HEALTH));
	cr_assert_eq(o.view->victim->n_aliases, 2);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* Her street or the refuge's with one word misspelt, as notes are typed. */
Test(policy_rt, a_never_share_street_with_a_misspelt_word)
{
	static const char *const forms[] = {"Hiden Lane", "Hidden Lne", "Hiddden Lane",
					    "Exampel Road", "1 Exmaple Rd", "Example Raod"};
	policy *p = load_default();
	for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++)
		for (int w = 0; w < W_N; w++) {
			Marac__V1__CaseSummary *cs = fixture();
			put(cs, (enum where)w, forms[f]);
			struct out o = redact(p, cs, AG(HEALTH));
			cr_assert(!has(&o.view->base, forms[f]), "\"%s\" in %s reached health",
				  forms[f], WHERE[w]);
			out_free(&o);
			codec_free(&cs->base);
		}
	/* two misspelt words, a house number that differs, or one word
	 * alone are not her street: kept */
	Marac__V1__CaseSummary *cs = fixture();
	set_str(&cs->narrative, "Hiden Lnae. The hidden door. Example primary. Review in a month.");
	struct out o = redact(p, cs, AG(HEALTH));
	cr_assert(has(&o.view->base, "Hiden Lnae. The hidden door."), "%s", o.view->narrative);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* Her safe time (weekdays 10:00-12:00) written another way, as a line of its
 * own that no cue of a safe-time statement introduces. */
Test(policy_rt, her_safe_time_written_another_way)
{
	static const char *const forms[] = {"Weekdays 10am-12pm.", "Weekdays, 10.00 to 12.00.",
					    "weekdays 1000-1200hrs", "wkdays 10-12",
					    "Weekdays 10 am to 12 pm."};
	policy *p = load_default();
	for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
		Marac__V1__CaseSummary *cs = fixture();
		put(cs, W_NARRATIVE, forms[f]);
		for (size_t a = 0; a < N_NOT; a++) {
			struct out o = redact(p, cs, NOT_CONTACT[a]);
			cr_assert(!has(&o.view->base, forms[f]), "\"%s\" reached agency %d", forms[f],
				  NOT_CONTACT[a]);
			out_free(&o);
		}
		codec_free(&cs->base);
	}
	/* the same numbers that are no time of hers stay */
	Marac__V1__CaseSummary *cs = fixture();
	set_str(&cs->narrative, "Children aged 10-12 attend on weekdays. Meeting on Monday at "
				"10:00, lunch at 12:00.");
	struct out o = redact(p, cs, AG(HEALTH));
	/* an age range is no time of hers. "Meeting on Monday at 10:00, lunch
	 * at 12:00." scores above the unit model's threshold since session 13
	 * (sixteen training sets, 0.10; it kept it up to 0.16 with twelve) and
	 * is withheld as a safe time: an over-redaction the measure counts,
	 * accepted for the model's never-share recall (README "How far to
	 * trust it") */
	cr_assert(has(&o.view->base, "Children aged 10-12 attend on weekdays."), "%s",
		  o.view->narrative);
	out_free(&o);
	codec_free(&cs->base);
	/* her working hours say when she is at work and when at home: the
	 * hand-written sets label them safe times, and they go (session 9) */
	cs = fixture();
	set_str(&cs->narrative, "Children aged 10-12 attend on weekdays. She works weekdays 9-5.");
	o = redact(p, cs, AG(HEALTH));
	cr_assert(has(&o.view->base, "aged 10-12 attend") && !has(&o.view->base, "weekdays 9-5"),
		  "%s", o.view->narrative);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* Her e-mail with the dot of its local part said as a space. */
Test(policy_rt, her_email_written_out_without_its_dots)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	put(cs, W_VICTIM_ALIAS, "alexa testperson at example dot org");
	struct out o = redact(p, cs, AG(HEALTH));
	cr_assert_eq(o.view->victim->n_aliases, 0);
	cr_assert_eq(entry(&o, "victim.aliases", ACT(WITHHOLD), "never-share")->count, 1);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* s13-where. A place the narrative says she is in goes from every text of
 * the view of an agency not entitled to her whereabouts, not only from the
 * narrative: an incident's summary naming it says where she is as plainly.
 * Police keep it; a town the lexicon knows (a MARAC's, a court's name) is
 * left to each text; a place named only where no statement says she is
 * stays. */
Test(policy_rt, where_she_is_goes_from_every_text)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	set_str(&cs->narrative, "She has since moved to a rented house in Quenbury.");
	set_str(&cs->incidents[1]->summary, "He was arrested in Quenbury.");
	struct out o = redact(p, cs, AG(HEALTH));
	cr_assert(!has(&o.view->base, "Quenbury"), "%s | %s", o.view->narrative,
		  o.view->n_incidents > 1 ? o.view->incidents[1]->summary : "");
	out_free(&o);
	o = redact(p, cs, AG(POLICE));
	cr_assert(has(&o.view->base, "arrested in Quenbury"), "police keep it");
	out_free(&o);
	/* named where nothing says she is: kept */
	set_str(&cs->narrative, "He was seen drinking in Quenbury on Friday.");
	o = redact(p, cs, AG(HEALTH));
	cr_assert(has(&o.view->base, "arrested in Quenbury"), "%s",
		  o.view->n_incidents > 1 ? o.view->incidents[1]->summary : "");
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* More places she is said to be than one share's scrubber carries
 * (WHERE_WORDS): the last of them, named in an incident's summary with no
 * cue, must not reach health because the list was full. Every free text of
 * the view is withheld instead (fail closed); police keep them all. */
Test(policy_rt, too_many_places_she_is_withhold_the_texts)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	char *nar = malloc(80 * 64), *e = nar;
	for (int i = 0; i < 80; i++) /* Qaabury, Qabbury, ...: invented towns */
		e += sprintf(e, "In %s she moved to a flat in Q%c%cbury. ", i % 2 ? "May" : "June",
			     'a' + i / 26, 'a' + i % 26);
	set_str(&cs->narrative, nar);
	free(nar);
	set_str(&cs->incidents[1]->summary, "He was arrested in Qdbbury."); /* the 80th */
	struct out o = redact(p, cs, AG(HEALTH));
	cr_assert(!has(&o.view->base, "Qdbbury"), "%s",
		  o.view->n_incidents > 1 ? o.view->incidents[1]->summary : "");
	cr_assert(!has(&o.view->base, "Qaabury"));
	out_free(&o);
	o = redact(p, cs, AG(POLICE));
	cr_assert(has(&o.view->base, "arrested in Qdbbury"), "police keep it");
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* More people named by a cue than one share's scrubber carries
 * (FOUND_NAMES): the last of them, named bare in an incident's summary,
 * must not reach any agency because the list was full (s15-review: the
 * names past the list passed in every other text). Every free text of the
 * view is withheld instead; with few, the bare name alone goes. */
Test(policy_rt, too_many_people_found_withhold_the_texts)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	for (int many = 0; many < 2; many++) {
		int n = many ? 600 : 20;
		char *nar = malloc((size_t)n * 48 + 1), *e = nar;
		for (int i = 0; i < n; i++) /* Zqaab, Zqabb, ...: no list knows them */
			e += sprintf(e, "Her friend called Zq%c%cb rang. ", 'a' + i / 26, 'a' + i % 26);
		set_str(&cs->narrative, nar);
		free(nar);
		char last[64];
		snprintf(last, sizeof last, "Zq%c%cb was there.", 'a' + (n - 1) / 26,
			 'a' + (n - 1) % 26);
		set_str(&cs->incidents[1]->summary, last);
		struct out o = redact(p, cs, AG(POLICE));
		last[5] = '\0';
		cr_assert(!has(&o.view->base, last), "%d: %s", n,
			  o.view->n_incidents > 1 ? o.view->incidents[1]->summary : "");
		if (!many)
			cr_assert(has(&o.view->base, "was there."), "the rest of the text stays");
		out_free(&o);
	}
	codec_free(&cs->base);
	policy_free(p);
}

/*
 * A child's address where the narrative says she has moved ("moved with
 * the boy to her father's in <Town>, <number> <Street> Road"), written
 * another way ("Rd", the town on the postcode's line): children's social
 * care may have a child's address, but this one says where she is, so it
 * goes under never-share, and the narrative's statement goes too. The
 * police, who know where she is, keep it; a child's address in a town no
 * statement names stays.
 */
Test(policy_rt, child_at_the_place_the_narrative_says_she_is)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	set_str(&cs->narrative, "On 3 May she moved with the boy to her father's address in "
				"Quelbridge, 4 Tarnock Road, which she asked us to pass on.");
	cs->children[0]->address = address("4 Tarnock Rd, Quelbridge", NULL);
	struct out o = redact(p, cs, AG(CHILDRENS_SOCIAL_CARE));
	cr_assert(!has(&o.view->base, "Tarnock"), "%s", o.view->narrative);
	cr_assert(!has(&o.view->base, "Quelbridge"), "%s", o.view->narrative);
	cr_assert_not_null(
	    entry(&o, "children[].address.lines", ACT(WITHHOLD), "never-share"));
	out_free(&o);
	o = redact(p, cs, AG(POLICE));
	cr_assert(has(&o.view->base, "4 Tarnock Rd, Quelbridge"), "police know where she is");
	out_free(&o);
	/* the narrative names no place she is: the child's address goes to CSC */
	set_str(&cs->narrative, "He was seen drinking in Quelbridge on Friday.");
	o = redact(p, cs, AG(CHILDRENS_SOCIAL_CARE));
	cr_assert(has(&o.view->base, "4 Tarnock Rd, Quelbridge"), "%s", o.view->narrative);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}
