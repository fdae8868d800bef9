/*
 * policy_case.c: what one share needs before any recipient's view is built,
 * and what its recipients share while they are built (struct pol_cx).
 *
 *   limits      the case against mgw_limits.h, first, so a case with tens of
 *               thousands of names is refused (MGW_E_TOO_LARGE) before it
 *               costs memory, and one with more never-share forms than
 *               MGW_MAX_NS_FORMS before any value is compared with them;
 *   never-share the case's never-share values (every value under a path the
 *               never_share block names: refuge address, the victim's
 *               address, phones, e-mail, safe times, ...) in comparable
 *               forms ("needles"): addresses as their lines joined, the
 *               first line alone and each "number street" part, all under
 *               canon CANON_ADDRESS (so "Rd" is "Road" and a trailing
 *               postcode does not count), plus the postcode; phones as their
 *               national digits; e-mails in lower case; identifiers upper
 *               case alphanumerics; other text as canonical words;
 *   items       every structured value that may go into a recipient's scrub
 *               spec (names and aliases, dates of birth, identifiers,
 *               places, safe times, addresses; of a never-share address
 *               also its building's name alone and, of the refuge's, its
 *               town line alone), with the field whose decision puts it
 *               there;
 *   groups      recipients whose spec is the same byte for byte (the same
 *               items in, the same names kept, the same flags) share one
 *               scrubber, built on first use;
 *   cache       each (group, text, marker label) is scrubbed once.
 *
 * A needle is compared by containment: a field whose canonical form holds
 * the needle as whole words (or, for digits, e-mails and identifiers, as a
 * substring) holds the value. Containment errs towards withholding: "Flat 1
 * Example Road" holds "1 Example Road". Address messages compare as a whole:
 * their lines must hold one of the address's word needles, and two postcodes
 * that are both present must agree; an address of a postcode alone matches
 * an address with that postcode.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "canon.h"
#include "ident.h"
#include "lexicon.h"
#include "mgw_err.h"
#include "mgw_limits.h"
#include "policy_int.h"
#include "scrub.h"

#define NEEDLE_MIN 5 /* shortest word needle: "1 Rd" alone is no address */

static int grow(void *vp, size_t *cap, size_t n, size_t size)
{
	void **v = vp;
	if (n < *cap)
		return MGW_OK;
	size_t c = *cap ? *cap * 2 : 16;
	void *x = realloc(*v, c * size);
	if (x == NULL)
		return MGW_E_NOMEM;
	*v = x;
	*cap = c;
	return MGW_OK;
}

/* Keep s (malloc'd) until pol_cx_free; NULL (and s freed) on no memory. */
static char *own(struct pol_cx *cx, char *s)
{
	if (s == NULL || grow(&cx->owned, &cx->cap_owned, cx->n_owned, sizeof *cx->owned)) {
		free(s);
		return NULL;
	}
	return cx->owned[cx->n_owned++] = s;
}

/* A new canonical form of s[0..n); *out NULL when nothing is left. 0 or MGW_E_NOMEM. */
static int canon_new(enum canon_kind k, const char *s, size_t n, char **out)
{
	size_t cap = 3 * n + 16; /* abbreviations expand: "st" -> "street" */
	char *b = malloc(cap);
	*out = NULL;
	if (b == NULL)
		return MGW_E_NOMEM;
	size_t l = canon_value(k, s, n, b, cap);
	if (l == (size_t)-1 || l == 0) {
		free(b);
		return MGW_OK;
	}
	*out = b;
	return MGW_OK;
}

/* canon_new of the skeleton of s[0..n) (canon.h): what it looks like, not how it is written. */
static int canon_sk_new(enum canon_kind k, const char *s, size_t n, char **out)
{
	size_t l;
	char *sk = canon_skeleton(s, n, &l);
	*out = NULL;
	if (sk == NULL)
		return MGW_E_NOMEM;
	int rc = canon_new(k, sk, l, out);
	free(sk);
	return rc;
}

/* ---- limits ------------------------------------------------------------------- */

/* Bytes of every string in m, stopping early once above limit. */
static size_t msg_bytes(const ProtobufCMessage *m, size_t limit)
{
	const ProtobufCMessageDescriptor *d = m->descriptor;
	size_t t = 0;
	for (unsigned i = 0; i < d->n_fields && t <= limit; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		const char *b = (const char *)m + f->offset;
		size_t n = 1;
		const void *v = b;
		if (f->type != PROTOBUF_C_TYPE_STRING && f->type != PROTOBUF_C_TYPE_MESSAGE)
			continue;
		if (f->label == PROTOBUF_C_LABEL_REPEATED) {
			n = *(const size_t *)((const char *)m + f->quantifier_offset);
			v = *(const void *const *)b;
			if (v == NULL)
				n = 0;
		}
		for (size_t k = 0; k < n && t <= limit; k++) {
			const void *e = ((const void *const *)v)[k];
			if (e == NULL)
				continue;
			t += f->type == PROTOBUF_C_TYPE_STRING ? strlen(e)
							       : msg_bytes(e, limit - t);
		}
	}
	return t;
}

static int check_limits(const Marac__V1__CaseSummary *c)
{
	const Marac__V1__Person *const *lists[] = {
	    (const Marac__V1__Person *const *)&c->victim,
	    (const Marac__V1__Person *const *)c->perpetrators,
	    (const Marac__V1__Person *const *)c->children,
	    (const Marac__V1__Person *const *)c->others};
	size_t counts[] = {c->victim ? 1 : 0, c->n_perpetrators, c->n_children, c->n_others};
	size_t persons = 0, bytes = 0;
	for (int k = 0; k < 4; k++)
		persons += lists[k] ? counts[k] : 0;
	if (persons > MGW_MAX_CASE_PERSONS)
		return MGW_E_TOO_LARGE;
	if (c->refuge_address && c->refuge_address->n_lines > MGW_MAX_ADDRESS_LINES)
		return MGW_E_TOO_LARGE;
	if (c->refuge_address)
		bytes = msg_bytes(&c->refuge_address->base, MGW_MAX_CASE_VALUE_BYTES);
	for (int k = 0; k < 4; k++)
		for (size_t i = 0; lists[k] && i < counts[k]; i++) {
			const Marac__V1__Person *pp = lists[k][i];
			if (pp == NULL)
				continue;
			if (pp->n_aliases > MGW_MAX_PERSON_ALIASES ||
			    (pp->address && pp->address->n_lines > MGW_MAX_ADDRESS_LINES))
				return MGW_E_TOO_LARGE;
			bytes += msg_bytes(&pp->base, MGW_MAX_CASE_VALUE_BYTES);
			if (bytes > MGW_MAX_CASE_VALUE_BYTES)
				return MGW_E_TOO_LARGE;
		}
	return bytes > MGW_MAX_CASE_VALUE_BYTES ? MGW_E_TOO_LARGE : MGW_OK;
}

/* ---- needles ------------------------------------------------------------------- */

static int needle_add(struct pol_cx *cx, char *s, enum pol_how how, uint32_t allowed, int addr)
{
	if (s == NULL)
		return MGW_OK;
	if (cx->n_nd >= MGW_MAX_NS_FORMS) {
		free(s);
		return MGW_E_TOO_LARGE;
	}
	if (own(cx, s) == NULL ||
	    grow(&cx->nd, &cx->cap_nd, cx->n_nd, sizeof *cx->nd))
		return MGW_E_NOMEM;
	char *sq = NULL;
	if (how == POL_N_WORDS) { /* "hidden lane" -> "hiddenlane" */
		if ((sq = own(cx, malloc(strlen(s) + 1))) == NULL)
			return MGW_E_NOMEM;
		char *w = sq;
		for (const char *q = s; *q; q++)
			if (*q != ' ')
				*w++ = *q;
		*w = 0;
	}
	cx->nd[cx->n_nd++] =
	    (struct pol_needle){s, sq, allowed, (unsigned char)how, (unsigned char)addr};
	return MGW_OK;
}

/* A word needle of s[0..n), if it is long enough to identify anything. */
static int needle_words(struct pol_cx *cx, const char *s, size_t n, uint32_t allowed, int addr)
{
	char *c;
	int rc = canon_sk_new(CANON_ADDRESS, s, n, &c);
	if (rc || c == NULL)
		return rc;
	if (strlen(c) < NEEDLE_MIN) {
		free(c);
		return MGW_OK;
	}
	for (size_t i = 0; i < cx->n_nd; i++) /* the same form twice is one needle */
		if (cx->nd[i].how == POL_N_WORDS && cx->nd[i].allowed == allowed &&
		    strcmp(cx->nd[i].s, c) == 0) {
			free(c);
			return MGW_OK;
		}
	return needle_add(cx, c, POL_N_WORDS, allowed, addr);
}

/* ---- times: a safe time written another way ------------------------------------------ */

/*
 * A safe time ("weekdays 10:00-12:00") reads the same as "Weekdays 10am-12pm",
 * "weekdays 1000-1200hrs", "Mon-Fri, 10.00 to 12.00" or "wkdays 10-12": its
 * times and days. time_tokens() reads a text's times (minutes of the day;
 * a bare hour only as an end of a range "10-12", "10 to 12", and then as
 * either half of the day) and day words (weekdays, a day's name, weekends,
 * mornings, afternoons, evenings) with their word positions.
 */
enum { TT_TIME, TT_HOUR, TT_DAY };
#define TIME_WINDOW 6 /* words, within a sentence: "weekdays, between 10.00 and 12.00" */
struct ttok {
	unsigned char kind;
	short v;      /* minutes (TT_TIME), an hour 0-24 (TT_HOUR), a day code (TT_DAY) */
	unsigned pos; /* word number */
};

static int day_code(const char *w, size_t l)
{
	static const struct {
		const char *w;
		int code;
	} D[] = {{"weekdays", 1}, {"weekday", 1}, {"wkdays", 1}, {"wkday", 1}, {"mon-fri", 1},
		 {"monday", 2}, {"mon", 2}, {"tuesday", 3}, {"tue", 3}, {"tues", 3},
		 {"wednesday", 4}, {"wed", 4}, {"thursday", 5}, {"thu", 5}, {"thurs", 5},
		 {"friday", 6}, {"fri", 6}, {"saturday", 7}, {"sat", 7}, {"sunday", 8},
		 {"sun", 8}, {"weekends", 9}, {"weekend", 9}, {"mornings", 10}, {"morning", 10},
		 {"afternoons", 11}, {"afternoon", 11}, {"evenings", 12}, {"evening", 12},
		 {"mondays", 2}, {"tuesdays", 3}, {"wednesdays", 4}, {"thursdays", 5},
		 {"fridays", 6}, {"saturdays", 7}, {"sundays", 8}};
	if (l < 3 || l > 10 || !strchr("mtwfsae", w[0] | 0x20))
		return 0; /* no day word: most words stop here */
	for (size_t i = 0; i < sizeof D / sizeof D[0]; i++)
		if ((w[0] | 0x20) == D[i].w[0] && strlen(D[i].w) == l &&
		    strncasecmp(w, D[i].w, l) == 0)
			return D[i].code;
	return 0;
}

/* The tokens of s into *out (malloc'd, *n of them). 0 or MGW_E_NOMEM. */
static int time_tokens(const char *s, struct ttok **out, size_t *n)
{
	size_t len = strlen(s), cap = 16, k = 0;
	unsigned pos = 0;
	struct ttok *t = malloc(cap * sizeof *t);
	int pend_hour = -1; /* a bare hour waiting for "-"/"to" and another */
	unsigned pend_pos = 0;
	int range = 0;      /* a range word or dash since pend_hour */
	if (t == NULL)
		return MGW_E_NOMEM;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		if (!isalnum(c)) {
			if (c == '-' && pend_hour >= 0)
				range = 1;
			if (strchr(".!?;\n", c) && c) { /* a sentence's end: far from the next */
				pos += TIME_WINDOW + 1;
				pend_hour = -1;
			}
			i++;
			continue;
		}
		size_t j = i;
		while (j < len && (isalnum((unsigned char)s[j]) ||
				   ((s[j] == ':' || s[j] == '.') && j + 2 < len &&
				    isdigit((unsigned char)s[j + 1]) && isdigit((unsigned char)s[j + 2]) &&
				    j > i && isdigit((unsigned char)s[j - 1]))))
			j++;
		if (j - i == 7 && strncasecmp(s + i, "mon", 3) == 0 && s[i + 3] == '-')
			j = i + 7;
		const char *w = s + i;
		size_t l = j - i;
		if (k + 2 >= cap) {
			struct ttok *x = realloc(t, 2 * cap * sizeof *t);
			if (x == NULL) {
				free(t);
				return MGW_E_NOMEM;
			}
			t = x, cap *= 2;
		}
		int h = -1, m = 0, ap = 0, bare = 0;
		size_t d = 0;
		while (d < l && isdigit((unsigned char)w[d]))
			d++;
		if (d > 0 && d <= 4) {
			int v = atoi(w);
			size_t rest = d;
			if (d <= 2 && rest < l && (w[rest] == ':' || w[rest] == '.'))
				h = v, m = atoi(w + rest + 1), rest += 3;
			else if (d == 4 && v % 100 < 60 && v / 100 < 24)
				h = v / 100, m = v % 100;
			else if (d <= 2 && v <= 24)
				h = v, bare = 1;
			const char *sfx = w + rest;
			size_t sl = l - rest;
			if (sl == 0 && j + 3 <= len && s[j] == ' ' &&
			    (strncasecmp(s + j + 1, "am", 2) == 0 || strncasecmp(s + j + 1, "pm", 2) == 0) &&
			    (j + 3 == len || !isalnum((unsigned char)s[j + 3])))
				sfx = s + j + 1, sl = 2, j += 3; /* "10 am" */
			if (sl == 2 && strncasecmp(sfx, "am", 2) == 0)
				ap = 1, bare = 0;
			else if (sl == 2 && strncasecmp(sfx, "pm", 2) == 0)
				ap = 2, bare = 0;
			else if (sl && !(sl <= 3 && (strncasecmp(sfx, "hrs", sl) == 0 || strncasecmp(sfx, "h", sl) == 0)))
				h = -1; /* "10th", "12kg": no time */
			if (h >= 0 && h <= 24 && m < 60) {
				if (ap == 2 && h < 12)
					h += 12;
				if (ap == 1 && h == 12)
					h = 0;
			} else {
				h = -1;
			}
		}
		if (h >= 0 && bare) {
			if (pend_hour >= 0 && range) { /* "10-12", "10 to 12": both ends */
				t[k++] = (struct ttok){TT_HOUR, (short)pend_hour, pend_pos};
				t[k++] = (struct ttok){TT_HOUR, (short)h, pos};
				pend_hour = -1;
			} else {
				pend_hour = h, pend_pos = pos;
			}
			range = 0;
		} else if (h >= 0) {
			t[k++] = (struct ttok){TT_TIME, (short)(h * 60 + m), pos};
			pend_hour = -1;
		} else {
			int dc = day_code(w, l);
			if (dc)
				t[k++] = (struct ttok){TT_DAY, (short)dc, pos};
			if (pend_hour >= 0 && ((l == 2 && strncasecmp(w, "to", 2) == 0) ||
					       (l == 4 && strncasecmp(w, "till", 4) == 0) ||
					       (l == 5 && strncasecmp(w, "until", 5) == 0) ||
					       (l == 3 && strncasecmp(w, "and", 3) == 0)))
				range = 1;
			else
				pend_hour = -1;
		}
		pos++;
		i = j;
	}
	/* in word order (a range's first hour is written after the words
	 * between its ends): nearly sorted, so insertion sort is linear */
	for (size_t i = 1; i < k; i++) {
		struct ttok x = t[i];
		size_t j = i;
		for (; j > 0 && t[j - 1].pos > x.pos; j--)
			t[j] = t[j - 1];
		t[j] = x;
	}
	*out = t;
	*n = k;
	return MGW_OK;
}

/* A day word within two words of t[i] (tokens are in word order): a bare
 * range ("10-12") is a time only beside one ("wkdays 10-12"), not in "aged
 * 10-12 attend on weekdays". */
static int day_near(const struct ttok *t, size_t n, size_t i)
{
	for (size_t k = i; k-- > 0 && t[k].pos + 2 >= t[i].pos;)
		if (t[k].kind == TT_DAY)
			return 1;
	for (size_t k = i + 1; k < n && t[k].pos <= t[i].pos + 2; k++)
		if (t[k].kind == TT_DAY)
			return 1;
	return 0;
}

/* Does a token of t[lo..hi) stand for time v (minutes)? */
static int has_time(const struct ttok *t, size_t n, size_t lo, size_t hi, int v)
{
	for (size_t i = lo; i < hi; i++) {
		if (t[i].kind == TT_TIME && t[i].v == v)
			return 1;
		if (t[i].kind == TT_HOUR && v % 60 == 0 &&
		    (t[i].v * 60 == v || (t[i].v < 12 && (t[i].v + 12) * 60 == v)) &&
		    day_near(t, n, i))
			return 1;
	}
	return 0;
}

/*
 * Does text (tokens h[0..nh), in word order) hold the safe time whose tokens
 * are nd[0..nn): all its times within TIME_WINDOW words of one of them and,
 * if it names days, one of its days there too? Linear in nh: a window holds
 * a bounded number of tokens.
 */
static int times_hold(const struct ttok *nd, size_t nn, const struct ttok *h, size_t nh)
{
	int times = 0;
	for (size_t i = 0; i < nn; i++)
		times += nd[i].kind != TT_DAY;
	if (times == 0)
		return 0; /* "evenings only" is its words needle's */
	size_t lo = 0, hi = 0;
	for (size_t a = 0; a < nh; a++) { /* each time token of the text as a window's centre */
		unsigned from = h[a].pos > TIME_WINDOW ? h[a].pos - TIME_WINDOW : 0,
			 to = h[a].pos + TIME_WINDOW;
		while (lo < nh && h[lo].pos < from)
			lo++;
		if (hi < lo)
			hi = lo;
		while (hi < nh && h[hi].pos <= to)
			hi++;
		if (h[a].kind == TT_DAY)
			continue;
		int ok = 1, days = 0, day_ok = 0;
		for (size_t i = 0; i < nn && ok; i++) {
			if (nd[i].kind == TT_DAY) {
				days = 1;
				for (size_t b = lo; b < hi && !day_ok; b++)
					day_ok = h[b].kind == TT_DAY && h[b].v == nd[i].v;
			} else {
				int v = nd[i].kind == TT_TIME ? nd[i].v : nd[i].v * 60;
				ok = has_time(h, nh, lo, hi, v);
			}
		}
		if (ok && (!days || day_ok))
			return 1;
	}
	return 0;
}

/* The needles of a never-share value s[0..n) (a skeleton) of a field of class pn->cls. */
static int needle_sk(struct pol_cx *cx, const struct pol_path *pn, const char *s, size_t n,
		     uint32_t allowed)
{
	char e[16], *c = NULL;
	int rc;
	switch (pn->cls) {
	case POL_C_CODE: return MGW_OK; /* "female" is nobody's whereabouts */
	case POL_C_ID:
		if (pn->grammar == POL_G_PHONE) {
			if (ident_phone_e164(s, n, e) != 0)
				break;
			/* the national significant number: matched inside any written form */
			const char *d = strncmp(e, "+44", 3) == 0 ? e + 3 : e + 1;
			char *dd = strdup(d);
			if (dd == NULL) /* needle_add(NULL) adds nothing: no silent gap */
				return MGW_E_NOMEM;
			return needle_add(cx, dd, POL_N_DIGITS, allowed, 0);
		}
		if (pn->grammar == POL_G_EMAIL) {
			if ((rc = canon_new(CANON_EMAIL, s, n, &c)) != MGW_OK)
				return rc;
			return needle_add(cx, c, POL_N_EMAIL, allowed, 0);
		}
		if (pn->grammar == POL_G_DATE)
			break;
		if ((rc = canon_new(CANON_ID, s, n, &c)) != MGW_OK)
			return rc;
		if (c && strlen(c) < NEEDLE_MIN) {
			free(c);
			return MGW_OK;
		}
		return needle_add(cx, c, POL_N_ID, allowed, 0);
	case POL_C_TEXT:
		if (strcmp(pn->field->name, "safe_times") == 0) { /* also by its times and days */
			struct ttok *t;
			size_t nt;
			if ((rc = time_tokens(s, &t, &nt)) != MGW_OK)
				return rc;
			char *enc = malloc(nt * 12 + 1), *o = enc;
			if (enc == NULL) {
				free(t);
				return MGW_E_NOMEM;
			}
			for (size_t i = 0; i < nt; i++)
				o += sprintf(o, "%c%d ", "thd"[t[i].kind], t[i].v);
			*o = 0;
			free(t);
			if (nt && (rc = needle_add(cx, enc, POL_N_TIMES, allowed, 0)) != MGW_OK)
				return rc;
			if (nt == 0)
				free(enc);
		}
		break;
	default: break;
	}
	return needle_words(cx, s, n, allowed, 0);
}

/* The needles of a never-share value s of a field of class cls (not an address line). */
static int needle_leaf(struct pol_cx *cx, const struct pol_path *pn, const char *s,
		       uint32_t allowed)
{
	size_t n;
	char *sk = canon_skeleton(s, strlen(s), &n);
	int rc;
	if (sk == NULL)
		return MGW_E_NOMEM;
	rc = needle_sk(cx, pn, sk, n, allowed);
	free(sk);
	return rc;
}

/* An Address message's lines joined with ", " (and ", postcode" when pc). */
static char *address_join(const Marac__V1__Address *a, int pc)
{
	size_t len = 1;
	for (size_t i = 0; i < a->n_lines; i++)
		len += (a->lines[i] ? strlen(a->lines[i]) : 0) + 2;
	if (pc && a->postcode)
		len += strlen(a->postcode) + 2;
	char *s = malloc(len), *o = s;
	if (s == NULL)
		return NULL;
	*o = 0;
	for (size_t i = 0; i < a->n_lines; i++) {
		if (a->lines[i] == NULL || a->lines[i][0] == 0)
			continue;
		o += strlen(strcpy(o, o == s ? "" : ", "));
		o += strlen(strcpy(o, a->lines[i]));
	}
	if (pc && a->postcode && a->postcode[0]) {
		o += strlen(strcpy(o, o == s ? "" : ", "));
		strcpy(o, a->postcode);
	}
	return s;
}

/* ident_postcode_norm of the skeleton of s ("ＴＳ９ ９ＺＺ" is TS9 9ZZ); pc[9]. */
static int postcode_sk(const char *s, char pc[9])
{
	size_t n;
	char *sk = canon_skeleton(s, strlen(s), &n);
	int rc = sk ? ident_postcode_norm(sk, n, pc) : MGW_E_NOMEM;
	free(sk);
	return rc;
}

/* Is l a unit's word and its number alone ("Pitch 7", "Flat 3A", "Room 12",
 * "Caravan 41")? Two words, the second with a digit. */
static int unit_line(const char *l)
{
	static const char *const UNIT[] = {"flat", "apartment", "apt", "room", "unit", "pitch",
					   "plot", "chalet", "caravan", "berth", "mooring", "bay",
					   "cabin", "lodge", "trailer", "fflat", NULL};
	if (l == NULL)
		return 0;
	while (*l == ' ')
		l++;
	const char *sp = strchr(l, ' ');
	if (sp == NULL || strchr(sp + 1, ' ') != NULL || !strpbrk(sp + 1, "0123456789"))
		return 0;
	for (size_t k = 0; UNIT[k]; k++)
		if (strlen(UNIT[k]) == (size_t)(sp - l) && strncasecmp(l, UNIT[k], (size_t)(sp - l)) == 0)
			return 1;
	return 0;
}

static int needle_address(struct pol_cx *cx, const Marac__V1__Address *a, uint32_t allowed)
{
	int rc = grow(&cx->na, &cx->cap_na, cx->n_na, sizeof *cx->na);
	if (rc)
		return rc;
	struct pol_ns_addr na = {.first = cx->n_nd, .allowed = allowed};
	char *joined = own(cx, address_join(a, 0));
	if (joined == NULL)
		return MGW_E_NOMEM;
	if ((rc = needle_words(cx, joined, strlen(joined), allowed, 1)) != MGW_OK)
		return rc;
	for (size_t i = 0; i < a->n_lines; i++) {
		const char *l = a->lines[i];
		if (l == NULL || l[0] == 0)
			continue;
		/* its skeleton: "٥ Hidden Lane" has a house number too */
		if ((l = own(cx, canon_skeleton(l, strlen(l), NULL))) == NULL)
			return MGW_E_NOMEM;
		if (i == 0 && (rc = needle_words(cx, l, strlen(l), allowed, 1)) != MGW_OK)
			return rc;
		/* s57-never: the site, block or building under a first line that
		 * is a unit and its number alone ("Pitch 7" / "Broad Ings Lane
		 * Gypsy and Traveller Site", "Flat 3" / "Rosewood House"): his
		 * "Pitch 12" on the same site says where she is */
		if (i == 1 && unit_line(a->lines[0]) && !strpbrk(l, "0123456789") && strchr(l, ' ') &&
		    (rc = needle_words(cx, l, strlen(l), allowed, 1)) != MGW_OK)
			return rc;
		/* "Refuge, 5 Hidden Lane" also as "5 Hidden Lane": from its first number on */
		for (const char *q = l; *q; q++)
			if (isdigit((unsigned char)*q) && (q == l || !isalnum((unsigned char)q[-1]))) {
				/* a later line that starts with its number ("14 Hollybush
				 * Walk" under "DA Refuge 8") is a needle of its own too */
				if ((q != l || i > 0) && strchr(q, ' ') &&
				    (rc = needle_words(cx, q, strlen(q), allowed, 1)) != MGW_OK)
					return rc;
				/* and the street alone, two words or more after the
				 * number ("Birchfield Rd" in a child's address when
				 * the refuge is "2 Birchfield Road") */
				const char *r = q;
				while (*r && *r != ' ')
					r++;
				while (*r == ' ')
					r++;
				if (*r && strchr(r, ' ') &&
				    (rc = needle_words(cx, r, strlen(r), allowed, 1)) != MGW_OK)
					return rc;
				break;
			}
	}
	na.n = cx->n_nd - na.first;
	if (a->postcode && postcode_sk(a->postcode, na.pc) == 0) {
		char *c;
		if ((rc = canon_new(CANON_ID, na.pc, strlen(na.pc), &c)) != MGW_OK ||
		    (rc = needle_add(cx, c, POL_N_ID, allowed, 1)) != MGW_OK)
			return rc;
	}
	cx->na[cx->n_na++] = na;
	return MGW_OK;
}

/* ---- items ---------------------------------------------------------------------- */

static int item_add(struct pol_cx *cx, struct pol_item it)
{
	if (it.text == NULL || it.text[0] == 0)
		return MGW_OK;
	if (grow(&cx->it, &cx->cap_it, cx->n_it, sizeof *cx->it))
		return MGW_E_NOMEM;
	cx->it[cx->n_it++] = it;
	return MGW_OK;
}

static void id_kind(int grammar, unsigned char *kind, unsigned char *canon)
{
	static const struct {
		int g;
		unsigned char kind, canon;
	} m[] = {
	    {POL_G_PHONE, SCRUB_PHONE, CANON_PHONE},  {POL_G_EMAIL, SCRUB_EMAIL, CANON_EMAIL},
	    {POL_G_NHS, SCRUB_NHS, CANON_ID},         {POL_G_NINO, SCRUB_NINO, CANON_ID},
	    {POL_G_PNC, SCRUB_PNC, CANON_ID},         {POL_G_CRN, SCRUB_CRN, CANON_ID},
	    {POL_G_POSTCODE, SCRUB_POSTCODE, CANON_ID},
	};
	*kind = SCRUB_VALUE;
	*canon = CANON_ID;
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
		if (m[i].g == grammar) {
			*kind = m[i].kind;
			*canon = m[i].canon;
		}
}

/* Does s hold one of the words w (whole words, any case)? */
static int has_word_of(const char *s, const char *const *w)
{
	if (s == NULL)
		return 0;
	for (int k = 0; w[k]; k++) {
		size_t n = strlen(w[k]);
		for (const char *q = s; (q = strcasestr(q, w[k])) != NULL; q++)
			if ((q == s || !isalpha((unsigned char)q[-1])) && !isalpha((unsigned char)q[n]))
				return 1;
	}
	return 0;
}

static const char *surname_of(const char *s, size_t *n);

/* Is alias a name of two or more words whose surname is not full's
 * ("Bridget Ward" of "Bridget Connors"), in any case? */
static int other_surname(const char *alias, const char *full)
{
	size_t al, fl;
	const char *as = surname_of(alias, &al), *fs = full ? surname_of(full, &fl) : NULL;
	return as != NULL && as != alias && fs != NULL && (al != fl || strncasecmp(as, fs, al) != 0);
}

/*
 * s36: the titles (POL_T_*) person p cannot bear: by the relationship to
 * the victim ("son", "ex-husband" no "Mrs" or "Ms"; "mother" no "Mr"), and
 * nobody under 18 (by the date of birth, today) is "Mrs". Not by the
 * gender recorded: an agency's record and the name a note calls her by
 * differ (a trans woman recorded "male" is "Ms" in the notes). So a "Mrs
 * <Surname>" where every kept subject of that surname is a son or a girl
 * of 15 is someone else of the family (title_values).
 */
static unsigned person_notitle(const Marac__V1__Person *p)
{
	static const char *const SHE[] = {"mother", "mum", "wife", "ex-wife", "girlfriend",
					  "ex-girlfriend", "daughter", "stepdaughter", "sister",
					  "stepmother", "grandmother", "granddaughter", "aunt", "niece",
					  "daughter-in-law", "mother-in-law", NULL};
	static const char *const HE[] = {"father", "dad", "husband", "ex-husband", "boyfriend",
					 "ex-boyfriend", "son", "stepson", "brother", "stepfather",
					 "grandfather", "grandson", "uncle", "nephew", "son-in-law",
					 "father-in-law", NULL};
	const char *r = p->relationship_to_victim;
	unsigned no = 0;
	if (has_word_of(r, SHE) && !has_word_of(r, HE))
		no |= POL_T_MR;
	if (has_word_of(r, HE) && !has_word_of(r, SHE))
		no |= POL_T_MRS | POL_T_MS;
	int y, m, d;
	if (p->date_of_birth && sscanf(p->date_of_birth, "%4d-%2d-%2d", &y, &m, &d) == 3) {
		time_t now = time(NULL);
		struct tm t;
		if (gmtime_r(&now, &t) != NULL &&
		    (t.tm_year + 1900 - y) * 10000 + (t.tm_mon + 1 - m) * 100 + (t.tm_mday - d) < 180000)
			no |= POL_T_MRS | POL_T_MINOR;
	}
	return no;
}

static int leaf_found(struct pol_cx *cx, int node, int slot, const char *s)
{
	const struct policy *p = cx->p;
	const struct pol_path *pn = &p->paths[node];
	const ProtobufCMessageDescriptor *in = p->paths[pn->parent].msg;
	int in_person = in == &marac__v1__person__descriptor;
	int rc;
	if (in == &marac__v1__address__descriptor)
		return MGW_OK; /* addresses are taken whole: address_found */
	if (p->ns_allowed[node] != POL_ALL_AGENCIES &&
	    (rc = needle_leaf(cx, pn, s, p->ns_allowed[node])) != MGW_OK)
		return rc;
	if (pn->cls == POL_C_TEXT || pn->cls == POL_C_CODE) {
		if (grow(&cx->tx, &cx->cap_tx, cx->n_tx + 1, sizeof *cx->tx) != 0)
			return MGW_E_NOMEM;
		cx->tx[cx->n_tx++] = s;
	}
	struct pol_item it = {.text = s, .path = node, .role_slot = slot, .list = POL_I_VALUE};
	switch (pn->cls) {
	case POL_C_NAME:
		it.list = POL_I_NAME;
		it.keepable = !pn->role_scope; /* others[] are third parties for everyone */
		it.notitle = cx->person ? (unsigned char)person_notitle(cx->person) : 0;
		if (cx->person && strcmp(pn->field->name, "aliases") == 0 &&
		    other_surname(s, cx->person->full_name))
			it.notitle |= POL_T_ALIAS;
		return item_add(cx, it);
	case POL_C_ID:
		if (pn->grammar == POL_G_DATE) {
			if (!in_person || strcmp(pn->field->name, "date_of_birth") != 0)
				return MGW_OK; /* incident dates stay in text */
			it.list = POL_I_DOB;
			return item_add(cx, it);
		}
		id_kind(pn->grammar, &it.kind, &it.canon);
		return item_add(cx, it);
	case POL_C_PLACE:
		it.kind = SCRUB_PLACE;
		it.canon = CANON_TEXT;
		return item_add(cx, it);
	case POL_C_ADDRESS: /* an address-like field outside an Address message */
		it.kind = SCRUB_ADDRESS;
		it.canon = CANON_ADDRESS;
		return item_add(cx, it);
	case POL_C_TEXT:
		if (!in_person)
			return MGW_OK; /* the free texts are what is scrubbed */
		it.kind = strcmp(pn->field->name, "safe_times") == 0 ? SCRUB_SAFE_TIME : SCRUB_VALUE;
		it.canon = CANON_TEXT;
		return item_add(cx, it);
	default: return MGW_OK; /* codes and address lines (whole, below) */
	}
}

static int child_named(const struct policy *p, int node, const char *name)
{
	const struct pol_path *pn = &p->paths[node];
	for (int i = 0; i < pn->n_children; i++)
		if (strcmp(p->paths[pn->first_child + i].field->name, name) == 0)
			return pn->first_child + i;
	return -1;
}

/*
 * The name of a building that a never-share address's first line names
 * without a number ("Rosewood House" -> "Rosewood", "The Willows Lodge" ->
 * "Willows", "Ty Nant" -> "Nant"), into out (cap bytes), or 0 when the line
 * names none. Notes call a refuge or a safe house by that name alone ("IDVA:
 * Rosewood place secured", "in Sycamore since Monday"), and the name alone
 * says where she is as surely as the street. A line with a digit is a flat
 * or a house number, left to the address forms.
 */
static size_t building_name(const char *line, char *out, size_t cap)
{
	static const char *const bldg[] = {"house", "hse", "lodge", "hall", "court", "mews",
					   "centre", "center", "cottage", "cottages", "villa",
					   "villas", "manor", "farm", "grange"};
	const char *b = line, *e = line + strlen(line);
	for (const char *q = b; q < e; q++)
		if (isdigit((unsigned char)*q) || *q == ',')
			return 0;
	while (b < e && *b == ' ')
		b++;
	while (e > b && e[-1] == ' ')
		e--;
	if (e - b > 4 && strncasecmp(b, "the ", 4) == 0)
		b += 4;
	/* Welsh: "Ty" / "Ty^" (house) before the name */
	if (e - b > 3 && strncasecmp(b, "ty ", 3) == 0)
		b += 3;
	else if (e - b > 4 && (unsigned char)b[0] == 'T' && (unsigned char)b[1] == 0xc5 &&
		 (unsigned char)b[2] == 0xb7 && b[3] == ' ')
		b += 4;
	else {
		const char *w = e;
		while (w > b && w[-1] != ' ')
			w--;
		int found = 0;
		for (size_t i = 0; i < sizeof bldg / sizeof bldg[0] && !found; i++)
			found = strlen(bldg[i]) == (size_t)(e - w) &&
				strncasecmp(w, bldg[i], (size_t)(e - w)) == 0;
		if (!found || w == b)
			return 0;
		e = w;
		while (e > b && e[-1] == ' ')
			e--;
	}
	if (e - b < 4 || (size_t)(e - b) >= cap)
		return 0;
	memcpy(out, b, (size_t)(e - b));
	out[e - b] = 0;
	return (size_t)(e - b);
}

/*
 * The street of a never-share address's first line when it is written with
 * a house number and no street type ("19 Larchmere" -> "Larchmere", "Flat
 * 2, 7a Foxhollow Rise" gives nothing: "Rise" is a type, and a street with
 * its type is an address form place.c finds anyway), into out (cap bytes),
 * or 0. A street named without a type is as much the address as the house
 * ("she is not at Larchmere", "bail: not to enter Larchmere") and no
 * recogniser finds it without the line on file. One or two capitalised
 * words, at least five letters, a single word not a common English one
 * ("12 Parkside" would make "parkside" everywhere hers): withheld in any
 * case wherever it stands.
 */
static size_t street_name(const char *line, char *out, size_t cap)
{
	const char *b = line, *e = line + strlen(line);
	/* after the last token with a digit: "19", "7a", "Flat 3, 19" */
	const char *num = NULL;
	for (const char *q = b; q < e; q++)
		if (isdigit((unsigned char)*q))
			num = q;
	if (num == NULL)
		return 0;
	b = num;
	while (b < e && *b != ' ')
		b++;
	while (b < e && (*b == ' ' || *b == ','))
		b++;
	while (e > b && (e[-1] == ' ' || e[-1] == ','))
		e--;
	if (e - b < 5 || (size_t)(e - b) >= cap)
		return 0;
	size_t words = 0;
	for (const char *q = b; q < e; q++) {
		if (*q == ',' || isdigit((unsigned char)*q))
			return 0;
		if (q == b || q[-1] == ' ') {
			const char *w = q;
			while (q + 1 < e && q[1] != ' ')
				q++;
			if (!isupper((unsigned char)*w))
				return 0;
			unsigned lx = lex_classify(w, (size_t)(q + 1 - w));
			if (lx & LEX_STREET)
				return 0;
			words++;
		}
	}
	if (words == 0 || words > 2)
		return 0;
	if (words == 1 && (lex_classify(b, (size_t)(e - b)) & LEX_COMMON))
		return 0;
	memcpy(out, b, (size_t)(e - b));
	out[e - b] = 0;
	return (size_t)(e - b);
}

/*
 * The forms of a town whose first word is a size's or a market's (item
 * nm, its text the town): "Great Yarmouth" as "Yarmouth" and "Gt Yarmouth",
 * "Little Chalfont" as "Lt Chalfont", "Market Harborough" as "Harborough":
 * the rest of five letters or more that is no common word, surname or
 * forename ("King's Lynn" keeps "Lynn"), each an item like nm. MGW_OK or
 * MGW_E_NOMEM.
 */
static int town_short_forms(struct pol_cx *cx, struct pol_item nm)
{
	static const struct {
		const char *w, *alt;
	} FIRST[] = {{"Great", "Gt"}, {"Gt", "Great"}, {"Little", "Lt"}, {"Lt", "Little"},
		     {"Market", NULL}, {"King's", NULL}, {"Kings", NULL}, {"Bishop's", NULL},
		     {"Bishops", NULL}};
	const char *t = nm.text;
	const char *sp = strchr(t, ' ');
	if (sp == NULL || strlen(sp + 1) < 5 || strchr(sp + 1, ' ') != NULL)
		return MGW_OK; /* (two words only: "Great Yarmouth", not "Market Deeping St James") */
	for (size_t k = 0; k < sizeof FIRST / sizeof FIRST[0]; k++) {
		if (strlen(FIRST[k].w) != (size_t)(sp - t) || strncasecmp(t, FIRST[k].w, (size_t)(sp - t)) != 0)
			continue;
		int rc;
		/* (not "Bishop's Castle": its rest alone is a common word; not
		 * "Little Sutton", "Kings Norton": a surname or a forename too,
		 * "DC Sutton", "Chipping Norton") */
		nm.text = sp + 1;
		if (!(lex_classify(sp + 1, strlen(sp + 1)) & (LEX_COMMON | LEX_SURNAME | LEX_FORENAME)) &&
		    (rc = item_add(cx, nm)) != MGW_OK)
			return rc;
		if (FIRST[k].alt != NULL) {
			size_t la = strlen(FIRST[k].alt), lr = strlen(sp);
			char *f = malloc(la + lr + 1);
			if (f == NULL || own(cx, f) == NULL)
				return MGW_E_NOMEM;
			memcpy(f, FIRST[k].alt, la);
			memcpy(f + la, sp, lr + 1);
			nm.text = f;
			if ((rc = item_add(cx, nm)) != MGW_OK)
				return rc;
		}
		break;
	}
	return MGW_OK;
}

/* A line that is a town's name: no digit, one to three words, at least
 * three letters ("Blackpool", "Newcastle upon Tyne"; not "32 Chapel
 * Street", "Flat 2"). */
static int town_line(const char *l)
{
	size_t letters = 0, words = 0;
	int in = 0;
	for (const char *q = l; *q; q++) {
		if (isdigit((unsigned char)*q))
			return 0;
		if (*q == ' ' || *q == ',') {
			in = 0;
			continue;
		}
		if (!in)
			words++;
		in = 1;
		letters++;
	}
	return letters >= 3 && words >= 1 && words <= 3;
}

/*
 * "<number>/<flat> <street>" for a first line that is only a flat ("2F1",
 * "Flat 3", "PF2") and a second that starts with a house number ("14 Easter
 * Road"), malloc'd; NULL when the lines are not so, or out of memory (the
 * form is then not matched: the others still are).
 */
static char *scots_flat(const char *l0, const char *l1)
{
	while (*l0 == ' ')
		l0++;
	if (strncasecmp(l0, "flat ", 5) == 0)
		l0 += 5;
	size_t fn = strlen(l0);
	while (fn > 0 && l0[fn - 1] == ' ')
		fn--;
	int digit = 0;
	if (fn == 0 || fn > 4)
		return NULL;
	for (size_t i = 0; i < fn; i++) {
		if (!isalnum((unsigned char)l0[i]))
			return NULL;
		digit |= isdigit((unsigned char)l0[i]) != 0;
	}
	while (*l1 == ' ')
		l1++;
	size_t hn = 0;
	while (isdigit((unsigned char)l1[hn]))
		hn++;
	if (!digit || hn == 0 || hn > 4 || l1[hn] != ' ')
		return NULL;
	size_t rn = strlen(l1 + hn);
	char *o = malloc(hn + 1 + fn + rn + 1);
	if (o == NULL)
		return NULL;
	memcpy(o, l1, hn);
	o[hn] = '/';
	memcpy(o + hn + 1, l0, fn);
	memcpy(o + hn + 1 + fn, l1 + hn, rn + 1);
	return o;
}

/* Bits of agencies entitled to the victim's address (never_share victim.address). */
static uint32_t her_address_allowed(const struct policy *p)
{
	int lines = pol_path_find(p, "victim.address.lines");
	int pc = pol_path_find(p, "victim.address.postcode");
	if (lines < 0 || pc < 0)
		return 0;
	return p->ns_allowed[lines] & p->ns_allowed[pc];
}

/*
 * Does a listed person's relationship_to_victim say the victim lives with
 * them, or they with her ("mother - victim and child living with her",
 * "sister, victim staying with her", "friend putting her up")? Their
 * address is then where she is: a never-share value like her own, so a
 * child's address equal to it is withheld from whoever may not know where
 * she is. Whole words, any case; s is at most a field's length.
 */
static int lives_with_her(const char *s)
{
	static const char *const cue[] = {
	    "living with", "lives with", "live with", "staying with", "stays with", "stay with",
	    "residing with", "resides with", "reside with", "moved in with", "lodging with",
	    "lodges with", "sofa surfing", "sofa-surfing", "putting her up", "put her up",
	    "putting up", "housing her", "hosting", "host", "same address", "same household",
	    "household member", NULL};
	if (s == NULL)
		return 0;
	for (int k = 0; cue[k]; k++) {
		size_t n = strlen(cue[k]);
		for (const char *q = s; *q; q++)
			if (strncasecmp(q, cue[k], n) == 0 &&
			    (q == s || !isalnum((unsigned char)q[-1])) &&
			    !isalnum((unsigned char)q[n]))
				return 1;
	}
	return 0;
}

static int address_found(struct pol_cx *cx, const Marac__V1__Address *a, int node, int slot)
{
	const struct policy *p = cx->p;
	int lines = child_named(p, node, "lines"), pc = child_named(p, node, "postcode");
	if (lines < 0 || pc < 0)
		return MGW_E_INVALID;
	uint32_t allowed = p->ns_allowed[lines] & p->ns_allowed[pc];
	if (cx->with_her) /* where she lives (lives_with_her) */
		allowed &= her_address_allowed(p);
	int rc;
	if (allowed != POL_ALL_AGENCIES && (rc = needle_address(cx, a, allowed)) != MGW_OK)
		return rc;
	struct pol_item it = {.path = lines, .role_slot = slot, .list = POL_I_VALUE,
			      .kind = SCRUB_ADDRESS, .canon = CANON_ADDRESS};
	if (a->n_lines) {
		char *with = own(cx, address_join(a, 1)), *without = own(cx, address_join(a, 0));
		if (with == NULL || without == NULL)
			return MGW_E_NOMEM;
		it.text = with;
		if ((rc = item_add(cx, it)) != MGW_OK)
			return rc;
		it.text = without;
		if (strcmp(with, without) != 0 && (rc = item_add(cx, it)) != MGW_OK)
			return rc;
		it.text = a->lines[0];
		if (a->n_lines > 1 && (rc = item_add(cx, it)) != MGW_OK)
			return rc;
		/* A never-share building's name alone ("Rosewood" of
		 * "Rosewood House"): the value, not the address form. */
		char bn[MGW_SCRUB_MAX_ENTRY_BYTES];
		if (allowed != POL_ALL_AGENCIES && a->lines[0] &&
		    building_name(a->lines[0], bn, sizeof bn) > 0) {
			struct pol_item nm = it;
			nm.canon = CANON_TEXT;
			if ((nm.text = own(cx, strdup(bn))) == NULL)
				return MGW_E_NOMEM;
			if ((rc = item_add(cx, nm)) != MGW_OK)
				return rc;
		} else if (allowed != POL_ALL_AGENCIES && a->lines[0] &&
			   street_name(a->lines[0], bn, sizeof bn) > 0) {
			/* the street alone, written without a type */
			struct pol_item nm = it;
			nm.canon = CANON_TEXT;
			if ((nm.text = own(cx, strdup(bn))) == NULL)
				return MGW_E_NOMEM;
			if ((rc = item_add(cx, nm)) != MGW_OK)
				return rc;
		}
		/* The refuge's town alone ("the suspect was seen in Blackpool"
		 * when the refuge is in Blackpool) narrows where she is to one
		 * town, and refuges are often out of the area, so the town is no
		 * everyday word of the notes. Its last line when that has no
		 * number (a town, not "32 Chapel Street") and is one to three
		 * words; only the refuge's: the victim's home town is usually the
		 * MARAC's own, in the agencies' names. Fail safe: withheld in
		 * every free-text field from whoever may not have the refuge. */
		const char *town = a->lines[a->n_lines - 1];
		if (allowed != POL_ALL_AGENCIES && a->n_lines >= 2 && town &&
		    strcmp(p->paths[node].field->name, "refuge_address") == 0 && town_line(town)) {
			struct pol_item nm = it;
			nm.text = town;
			nm.canon = CANON_TEXT;
			if ((rc = item_add(cx, nm)) != MGW_OK)
				return rc;
			/* s52-never: a town named by its second word, its first
			 * a size's or a market's ("Great Yarmouth": "their new
			 * Yarmouth branch"; "Gt Yarmouth"; "Market Harborough"):
			 * the rest alone, and the short forms */
			if ((rc = town_short_forms(cx, nm)) != MGW_OK)
				return rc;
		}
		/* The first line and the town, the middle left out, is how an
		 * address is often written in a letter's heading ("Bronallt,
		 * Deiniolen" for Bronallt, Ffordd Llanberis, Deiniolen). */
		const char *last = a->lines[a->n_lines - 1];
		if (a->n_lines > 2 && a->lines[0] && a->lines[0][0] && last && last[0]) {
			size_t l0 = strlen(a->lines[0]), l1 = strlen(last);
			char *fl = malloc(l0 + l1 + 3);
			if (fl == NULL || own(cx, fl) == NULL)
				return MGW_E_NOMEM;
			memcpy(fl, a->lines[0], l0);
			memcpy(fl + l0, ", ", 2);
			memcpy(fl + l0 + 2, last, l1 + 1);
			it.text = fl;
			if ((rc = item_add(cx, it)) != MGW_OK)
				return rc;
		}
	}
	/* A flat on a line of its own ("2F1", "Flat 3") before the house
	 * number and street is written in Scotland as number/flat ("14/2F1
	 * Easter Road" for 2F1, 14 Easter Road; "7/3 High Street"). */
	if (a->n_lines >= 2 && a->lines[0] && a->lines[1]) {
		char *fl = scots_flat(a->lines[0], a->lines[1]);
		if (fl != NULL) {
			if (own(cx, fl) == NULL)
				return MGW_E_NOMEM;
			it.text = fl;
			if ((rc = item_add(cx, it)) != MGW_OK)
				return rc;
		}
	}
	it = (struct pol_item){.text = a->postcode, .path = pc, .role_slot = slot,
			       .list = POL_I_VALUE, .kind = SCRUB_POSTCODE, .canon = CANON_ID};
	return item_add(cx, it);
}

static int walk_fields(struct pol_cx *cx, const ProtobufCMessage *m, int node, int slot);

/* Every string and Address of m (at node, role slot) into needles and items. */
static int walk(struct pol_cx *cx, const ProtobufCMessage *m, int node, int slot)
{
	const struct policy *p = cx->p;
	const struct pol_path *pn = &p->paths[node];
	int rc;
	if (m->descriptor != pn->msg)
		return MGW_E_INVALID;
	if (pn->msg == &marac__v1__address__descriptor &&
	    (rc = address_found(cx, (const Marac__V1__Address *)m, node, slot)) != MGW_OK)
		return rc;
	const Marac__V1__Person *was_person = cx->person;
	if (pn->msg == &marac__v1__person__descriptor)
		cx->person = (const Marac__V1__Person *)m;
	rc = walk_fields(cx, m, node, slot);
	cx->person = was_person;
	return rc;
}

/* walk's fields of m. */
static int walk_fields(struct pol_cx *cx, const ProtobufCMessage *m, int node, int slot)
{
	const struct policy *p = cx->p;
	const struct pol_path *pn = &p->paths[node];
	int rc;
	for (int i = 0; i < pn->n_children; i++) {
		int c = pn->first_child + i;
		const struct pol_path *cn = &p->paths[c];
		const ProtobufCFieldDescriptor *f = cn->field;
		const char *b = (const char *)m + f->offset;
		size_t n = 1;
		const void *v = b;
		if (cn->leaf && !cn->text)
			continue;
		if (f->label == PROTOBUF_C_LABEL_REPEATED) {
			n = *(const size_t *)((const char *)m + f->quantifier_offset);
			v = *(const void *const *)b;
			if (v == NULL)
				n = 0;
		}
		int by_role = cn->parent == 0 && cn->role_scope &&
			      cn->msg == &marac__v1__person__descriptor;
		for (size_t k = 0; k < n; k++) {
			const void *e = ((const void *const *)v)[k];
			if (e == NULL)
				continue;
			if (cn->leaf) {
				rc = ((const char *)e)[0] ? leaf_found(cx, c, slot, e) : MGW_OK;
			} else {
				int s = slot;
				if (by_role) {
					int role = ((const Marac__V1__Person *)e)->role;
					s = role >= 0 && role + 1 < POL_ROLES ? role + 1 : 0;
				}
				int was = cx->with_her;
				if (by_role && strcmp(cn->name, "others") == 0)
					cx->with_her = lives_with_her(
					    ((const Marac__V1__Person *)e)->relationship_to_victim);
				rc = walk(cx, e, c, s);
				cx->with_her = was;
			}
			if (rc)
				return rc;
		}
	}
	return MGW_OK;
}

int pol_cx_init(struct pol_cx *cx, const struct policy *p, const Marac__V1__CaseSummary *in,
		int purpose)
{
	memset(cx, 0, sizeof *cx);
	cx->p = p;
	cx->in = in;
	cx->purpose = purpose;
	int rc = check_limits(in);
	if (rc)
		return rc;
	if ((rc = walk(cx, &in->base, 0, 0)) != MGW_OK)
		return rc;
	cx->sig_len = cx->n_it + 1;
	return MGW_OK;
}

/* The profile's places she is said to be (where_values), freed; none after. */
static void where_free(struct pol_profile *gr)
{
	for (size_t k = 0; k < gr->n_where; k++)
		free(gr->where[k]);
	free(gr->where);
	gr->where = NULL;
	gr->n_where = 0;
}

void pol_cx_free(struct pol_cx *cx)
{
	for (size_t i = 0; i < cx->n_owned; i++)
		free(cx->owned[i]);
	for (size_t i = 0; i < cx->n_g; i++) {
		free(cx->g[i].sig);
		scrubber_free(cx->g[i].scr);
		where_free(&cx->g[i]);
	}
	for (size_t i = 0; i < cx->cap_sc; i++)
		if (cx->sc[i].in) {
			free(cx->sc[i].out);
			free(cx->sc[i].f);
		}
	for (size_t i = 0; i < cx->cap_mm; i++)
		scrub_memo_free(cx->mm[i].m);
	free(cx->mm);
	free(cx->tx);
	free(cx->owned);
	free(cx->nd);
	free(cx->na);
	free(cx->it);
	free(cx->g);
	free(cx->sc);
	memset(cx, 0, sizeof *cx);
}

/* Does a recorded gender say a man ("male", "M", "man", "trans man")? Not
 * "female", nor an empty or other value: then notes read "she" as her. */
static int victim_is_a_man(const char *g)
{
	static const char *const MAN[] = {"male", "m", "man", "trans man", "transgender man",
					  "trans male", "boy", NULL};
	if (g == NULL)
		return 0;
	while (*g == ' ')
		g++;
	size_t n = strlen(g);
	while (n > 0 && g[n - 1] == ' ')
		n--;
	for (size_t k = 0; MAN[k]; k++)
		if (strlen(MAN[k]) == n && strncasecmp(g, MAN[k], n) == 0)
			return 1;
	return 0;
}

/* ---- groups ---------------------------------------------------------------------- */

int pol_knows_where_she_is(const struct pol_rd *r)
{
	const struct pol_rule *rule;
	const char *g;
	int vaddr = pol_path_find(r->p, "victim.address.lines");
	return vaddr >= 0 && pol_decide(r, vaddr, 0, &rule, &g) == POL_SHARE;
}

int pol_cx_group(struct pol_cx *cx, int agency)
{
	struct pol_rd r = {.p = cx->p, .in = cx->in, .agency = agency, .purpose = cx->purpose,
			   .case_slot = pol_case_slot(cx->in)};
	const struct pol_rule *rule;
	const char *g;
	unsigned char *sig = malloc(cx->sig_len);
	if (sig == NULL)
		return MGW_E_NOMEM;
	for (size_t i = 0; i < cx->n_it; i++) {
		const struct pol_item *it = &cx->it[i];
		int shared = pol_decide(&r, it->path, it->role_slot, &rule, &g) == POL_SHARE;
		/* values: 0 shared, 1 withheld, 3 withheld as never-share data
		 * (found in free text, withheld under s38: struct scrub_value) */
		sig[i] = it->list == POL_I_NAME ? (shared && it->keepable ? 2 : 1)
		         : shared                ? 0
		         : pol_never_ok(&r, it->path) ? 1 : 3;
	}
	unsigned flags = 0;
	if (!pol_knows_where_she_is(&r))
		flags |= SCRUB_F_LOCATION; /* she may be somewhere it must not learn */
	if ((flags & SCRUB_F_LOCATION) && cx->in->victim && victim_is_a_man(cx->in->victim->gender))
		flags |= SCRUB_F_VICTIM_HE; /* "he" may be the victim */
	sig[cx->n_it] = (unsigned char)flags;
	for (size_t i = 0; i < cx->n_g; i++)
		if (memcmp(cx->g[i].sig, sig, cx->sig_len) == 0) {
			free(sig);
			return (int)i;
		}
	struct pol_profile *ng = realloc(cx->g, (cx->n_g + 1) * sizeof *ng);
	if (ng == NULL) {
		free(sig);
		return MGW_E_NOMEM;
	}
	cx->g = ng;
	cx->g[cx->n_g] = (struct pol_profile){.sig = sig};
	return (int)cx->n_g++;
}

/*
 * The places she is said to be, found in one free text, withheld from every
 * text of the share (scrub.h, scrub_where_words): "moved to <Town>" in the
 * narrative, "bailed with an exclusion from <Town>" in an incident's
 * summary, "<Town> locality team" as an agency's name. At most
 * WHERE_WORDS words a share, each once.
 */
#define WHERE_WORDS 64
#define FOUND_NAMES 512 /* the people texts name by a cue, carried to every text */
struct where_acc {
	char **w;
	size_t n, cap, max; /* at most max words */
	int over;           /* a word did not fit */
};

static void where_acc_free(struct where_acc *a)
{
	for (size_t k = 0; k < a->n; k++)
		free(a->w[k]);
	free(a->w);
}

static int where_add(void *ctx, const char *w, size_t n)
{
	struct where_acc *a = ctx;
	for (size_t k = 0; k < a->n; k++)
		if (strlen(a->w[k]) == n && strncasecmp(a->w[k], w, n) == 0)
			return 0;
	if (a->n == a->max || n >= MGW_SCRUB_MAX_ENTRY_BYTES) {
		a->over = 1;
		return 0;
	}
	if (a->n == a->cap) {
		size_t cap = a->cap ? 2 * a->cap : 16;
		char **w2 = realloc(a->w, cap * sizeof *w2);
		if (w2 == NULL)
			return MGW_E_NOMEM;
		a->w = w2;
		a->cap = cap;
	}
	char *c = malloc(n + 1);
	if (c == NULL)
		return MGW_E_NOMEM;
	memcpy(c, w, n);
	c[n] = '\0';
	a->w[a->n++] = c;
	return 0;
}

/*
 * The words find (scrub_where_words, scrub_found_names) gives for every
 * text of the case, with the group's scrubber scr, into *acc; a text with
 * more than one pass carries sets acc->over. 0 or MGW_E_NOMEM.
 */
typedef int (*words_fn)(const scrubber *sc, struct scrub_memo *memo, const char *text, size_t len,
                        int (*add)(void *ctx, const char *w, size_t n), void *ctx);

static int texts_words(struct pol_cx *cx, const scrubber *scr, words_fn find,
                       struct where_acc *acc)
{
	int rc = MGW_OK;
	for (size_t i = 0; i < cx->n_tx && rc == MGW_OK; i++) {
		struct scrub_memo *memo = pol_cx_memo(cx, cx->tx[i]);
		rc = memo == NULL ? MGW_E_NOMEM
		                  : find(scr, memo, cx->tx[i], strlen(cx->tx[i]), where_add, acc);
		if (rc == MGW_E_TOO_LARGE) { /* more than one text's pass carries */
			acc->over = 1;
			rc = MGW_OK;
		}
	}
	return rc;
}

/*
 * With the group's scrubber *scr (built from spec, SCRUB_F_LOCATION), look
 * in every text of the case for the places she is said to be and, when
 * there are any, build *scr again with them as never-share places (found
 * in text, withheld under s38 as her location). 0 or MGW_E_NOMEM (*scr
 * unchanged). When there are more than WHERE_WORDS of them, or the wider
 * scrubber would be over a cap of mgw_limits.h, *scr stays as built and
 * *blind is set: a text could name one of them with no cue, so the
 * group's free texts are withheld whole (fail closed).
 */
static int where_values(struct pol_cx *cx, const struct scrub_spec *spec,
			struct pol_profile *gr)
{
	scrubber **scr = &gr->scr;
	int *blind = &gr->blind;
	struct where_acc acc = {.max = WHERE_WORDS};
	int rc = texts_words(cx, *scr, scrub_where_words, &acc);
	if (rc == MGW_OK && acc.n > 0) {
		struct scrub_value *v = malloc((spec->n_values + acc.n) * sizeof *v);
		if (v == NULL) {
			rc = MGW_E_NOMEM;
		} else {
			if (spec->n_values)
				memcpy(v, spec->values, spec->n_values * sizeof *v);
			for (size_t k = 0; k < acc.n; k++)
				v[spec->n_values + k] =
					(struct scrub_value){acc.w[k], SCRUB_PLACE, CANON_TEXT, 1};
			struct scrub_spec sp = *spec;
			scrubber *wider = NULL;
			sp.values = v;
			sp.n_values += acc.n;
			rc = scrubber_build2(&sp, &wider);
			if (rc == MGW_OK) {
				scrubber_free(*scr);
				*scr = wider;
			} else if (rc != MGW_E_NOMEM) {
				rc = MGW_OK; /* over a cap with them (the case alone fits) */
				acc.over = 1;
			}
			free(v);
		}
	}
	*blind |= rc == MGW_OK && acc.over;
	if (rc == MGW_OK) { /* the words, for the case's addresses (pol_cx_where_address) */
		gr->where = acc.w;
		gr->n_where = acc.n;
	} else {
		where_acc_free(&acc);
	}
	return rc;
}

/*
 * With the group's scrubber *scr (built from *spec), look in every text of
 * the case for people named by a cue (scrub_found_names) and, when there
 * are any, build *scr again with them as third-party names: found once,
 * withheld in all their forms from every text. At most FOUND_NAMES names
 * a share, kept in *acc; spec->names then points to *nm, the spec's names
 * and them (the caller frees both after its last build from spec). 0 or
 * MGW_E_NOMEM (*scr unchanged). With more names, or a wider scrubber over
 * a cap of mgw_limits.h, *scr stays as built and *blind is set: a name
 * found in one text would pass in another, so the group's free texts are
 * withheld whole (fail closed).
 */
static int found_names(struct pol_cx *cx, struct scrub_spec *spec, scrubber **scr,
                       struct where_acc *acc, const char ***nm, int *blind)
{
	int rc = texts_words(cx, *scr, scrub_found_names, acc);
	*blind |= rc == MGW_OK && acc->over;
	if (rc != MGW_OK || acc->n == 0)
		return rc;
	if ((*nm = malloc((spec->n_names + acc->n) * sizeof **nm)) == NULL)
		return MGW_E_NOMEM;
	if (spec->n_names)
		memcpy(*nm, spec->names, spec->n_names * sizeof **nm);
	for (size_t k = 0; k < acc->n; k++)
		(*nm)[spec->n_names + k] = acc->w[k];
	struct scrub_spec sp = *spec;
	scrubber *wider = NULL;
	sp.names = *nm;
	sp.n_names += acc->n;
	sp.n_found = acc->n;
	rc = scrubber_build2(&sp, &wider);
	if (rc == MGW_OK) {
		scrubber_free(*scr);
		*scr = wider;
		*spec = sp;
	} else if (rc != MGW_E_NOMEM) {
		rc = MGW_OK; /* over a cap with them (the case alone fits) */
		*blind = 1;
	}
	return rc;
}

/* The last word of name s ("Foster" of "Ellie-May Foster"): *n bytes from
 * the return, or NULL if it has fewer than two letters. */
static const char *surname_of(const char *s, size_t *n)
{
	size_t e = strlen(s);
	while (e > 0 && !isalpha((unsigned char)s[e - 1]))
		e--;
	size_t a = e;
	while (a > 0 && !isspace((unsigned char)s[a - 1]) && s[a - 1] != ',')
		a--;
	*n = e - a;
	return e - a >= 2 ? s + a : NULL;
}

/* Is sn (sl bytes) the surname o (ol bytes) or one part of it ("Bailey" of
 * "Bailey-Thompson": "Mrs Bailey" may be her)? Any case. */
static int surname_part(const char *o, size_t ol, const char *sn, size_t sl)
{
	for (size_t a = 0; a + sl <= ol; a++)
		if ((a == 0 || o[a - 1] == '-') && (a + sl == ol || o[a + sl] == '-') &&
		    strncasecmp(o + a, sn, sl) == 0)
			return 1;
	return 0;
}

/* The titles (POL_T_MR, _MRS, _MS) that a grown-up whose name is withheld
 * from the profile (a listed third party) and whose surname is sn (sl bytes,
 * any case) can bear. */
static unsigned withheld_titles(const struct pol_cx *cx, const struct pol_profile *gr,
				const char *sn, size_t sl)
{
	unsigned can = 0;
	for (size_t j = 0; j < cx->n_it; j++) {
		const char *os;
		size_t ol;
		if (cx->it[j].list == POL_I_NAME && gr->sig[j] == 1 &&
		    !(cx->it[j].notitle & POL_T_MINOR) &&
		    (os = surname_of(cx->it[j].text, &ol)) != NULL && ol == sl &&
		    strncasecmp(os, sn, sl) == 0)
			can |= ~cx->it[j].notitle & (POL_T_MR | POL_T_MRS | POL_T_MS);
	}
	return can;
}

/*
 * s36: "Mrs <Surname>", "Mr <Surname>", "Ms/Miss <Surname>" where no kept
 * subject of that surname can bear the title (person_notitle: "Parents
 * informed (Mrs Foster)" when the kept Foster is a girl of 15) is someone
 * else of the family: a value withheld as a name. Appended to vals (room
 * for four per kept name); *nv grows. 0 or MGW_E_NOMEM.
 */
static int title_values(struct pol_cx *cx, const struct pol_profile *gr, struct scrub_value *vals,
			size_t *nv)
{
	static const struct {
		unsigned bit;
		const char *t;
	} T[] = {{POL_T_MR, "Mr"}, {POL_T_MRS, "Mrs"}, {POL_T_MS, "Ms"}, {POL_T_MS, "Miss"}};
	for (size_t i = 0; i < cx->n_it; i++) {
		const struct pol_item *it = &cx->it[i];
		if (it->list != POL_I_NAME || gr->sig[i] != 2)
			continue;
		size_t sl, ol;
		const char *sn = surname_of(it->text, &sl);
		if (sn == NULL)
			continue;
		unsigned no = 0x7u;
		int first = 1;
		for (size_t j = 0; j < cx->n_it; j++) {
			const struct pol_item *o = &cx->it[j];
			const char *os;
			if (o->list != POL_I_NAME || gr->sig[j] != 2 || (os = surname_of(o->text, &ol)) == NULL ||
			    !surname_part(os, ol, sn, sl))
				continue;
			if (j < i && ol == sl)
				first = 0; /* that surname's forms were made at j */
			/* s57: her maiden name is her mother's or father's too:
			 * "Nan (Mrs Ward)" of a listed Nora Ward, where the kept
			 * Ward is only an alias of the victim, Bridget Connors, is
			 * the listed one. (She is written by the name she has.) */
			no &= o->notitle & POL_T_ALIAS ? o->notitle | withheld_titles(cx, gr, os, ol)
						       : o->notitle;
		}
		for (size_t k = 0; first && k < sizeof T / sizeof T[0]; k++) {
			if (!(no & T[k].bit))
				continue;
			char *v = malloc(strlen(T[k].t) + 1 + sl + 1);
			if (v == NULL || own(cx, v) == NULL)
				return MGW_E_NOMEM;
			sprintf(v, "%s %.*s", T[k].t, (int)sl, sn);
			vals[(*nv)++] = (struct scrub_value){v, SCRUB_NAME, CANON_TEXT, 0};
		}
	}
	return MGW_OK;
}

int pol_cx_scrubber(struct pol_cx *cx, int group, const struct scrubber **out)
{
	struct pol_profile *gr = &cx->g[group];
	*out = gr->scr;
	if (gr->built)
		return gr->rc;
	size_t n = cx->n_it ? cx->n_it : 1, nn = 0, nk = 0, nd = 0, nv = 0;
	const char **names = malloc(n * sizeof *names), **keep = malloc(n * sizeof *keep);
	const char **dobs = malloc(n * sizeof *dobs);
	struct scrub_value *vals = malloc(5 * n * sizeof *vals); /* title_values: 4 a name */
	if (names && keep && dobs && vals) {
		for (size_t i = 0; i < cx->n_it; i++) {
			const struct pol_item *it = &cx->it[i];
			if (gr->sig[i] == 0)
				continue;
			if (it->list == POL_I_NAME && gr->sig[i] == 2)
				keep[nk++] = it->text;
			else if (it->list == POL_I_NAME)
				names[nn++] = it->text;
			else if (it->list == POL_I_DOB)
				dobs[nd++] = it->text;
			else
				vals[nv++] = (struct scrub_value){it->text, it->kind, it->canon,
								  gr->sig[i] == 3};
		}
		if (title_values(cx, gr, vals, &nv) != MGW_OK) {
			free(names);
			free(keep);
			free(dobs);
			free(vals);
			return MGW_E_NOMEM;
		}
		struct scrub_spec spec = {names, nn, keep, nk, dobs, nd, vals, nv,
					  gr->sig[cx->n_it], 0};
		scrubber_free(gr->scr); /* a try that ran out of memory */
		gr->scr = NULL;
		gr->blind = 0;
		where_free(gr);
		gr->rc = scrubber_build2(&spec, &gr->scr);
		struct where_acc found = {.max = FOUND_NAMES};
		const char **fnames = NULL;
		if (gr->rc == MGW_OK)
			gr->rc = found_names(cx, &spec, &gr->scr, &found, &fnames, &gr->blind);
		if (gr->rc == MGW_OK && (spec.flags & SCRUB_F_LOCATION))
			gr->rc = where_values(cx, &spec, gr);
		free(fnames);
		where_acc_free(&found);
		gr->built = gr->rc != MGW_E_NOMEM; /* out of memory may pass: try again */
	}
	free(names);
	free(keep);
	free(dobs);
	free(vals);
	*out = gr->scr;
	return gr->built ? gr->rc : MGW_E_NOMEM;
}

/* Does line l hold word w (w_n bytes) as a whole word, in any case? */
static int line_has_word(const char *l, const char *w, size_t w_n)
{
	for (const char *q = l; (q = strcasestr(q, w)) != NULL; q++)
		if ((q == l || !isalnum((unsigned char)q[-1])) && !isalnum((unsigned char)q[w_n]))
			return 1;
	return 0;
}

int pol_cx_where_address(struct pol_cx *cx, int group, const Marac__V1__Address *a)
{
	const struct scrubber *scr;
	int rc = pol_cx_scrubber(cx, group, &scr);
	if (rc == MGW_E_TOO_LARGE)
		return 1; /* the texts cannot be read for her places: fail closed */
	if (rc != MGW_OK)
		return rc;
	const struct pol_profile *gr = &cx->g[group];
	if (gr->blind)
		return 1;
	for (size_t i = 0; i < a->n_lines; i++)
		for (size_t k = 0; a->lines[i] && k < gr->n_where; k++)
			if (line_has_word(a->lines[i], gr->where[k], strlen(gr->where[k])))
				return 1;
	return 0;
}

/* ---- the scrub cache -------------------------------------------------------------- */

static size_t slot_of(const struct pol_cx *cx, int group, const char *in)
{
	uintptr_t h = (uintptr_t)in * 0x9E3779B97F4A7C15ull + (uintptr_t)group * 0x85EBCA6Bu;
	return (size_t)(h ^ (h >> 29)) & (cx->cap_sc - 1);
}

struct pol_scrubbed *pol_cx_get(struct pol_cx *cx, int group, const char *in, const char *label)
{
	if (cx->cap_sc == 0)
		return NULL;
	for (size_t i = slot_of(cx, group, in);; i = (i + 1) & (cx->cap_sc - 1)) {
		struct pol_scrubbed *e = &cx->sc[i];
		if (e->in == NULL)
			return NULL;
		if (e->in == in && e->group == group && strcmp(e->label, label) == 0)
			return e;
	}
}

static size_t memo_slot(const char *in, size_t cap)
{
	uintptr_t h = (uintptr_t)in * 0x9E3779B97F4A7C15ull;
	return (size_t)(h ^ (h >> 29)) & (cap - 1);
}

struct scrub_memo *pol_cx_memo(struct pol_cx *cx, const char *in)
{
	if (2 * (cx->n_mm + 1) > cx->cap_mm) { /* at most half full: probes stay short */
		size_t cap = cx->cap_mm ? cx->cap_mm * 2 : 64;
		struct pol_memo *mm = calloc(cap, sizeof *mm);
		if (mm == NULL)
			return NULL;
		for (size_t i = 0; i < cx->cap_mm; i++) {
			if (cx->mm[i].in == NULL)
				continue;
			size_t j = memo_slot(cx->mm[i].in, cap);
			while (mm[j].in != NULL)
				j = (j + 1) & (cap - 1);
			mm[j] = cx->mm[i];
		}
		free(cx->mm);
		cx->mm = mm;
		cx->cap_mm = cap;
	}
	size_t i = memo_slot(in, cx->cap_mm);
	for (; cx->mm[i].in != NULL; i = (i + 1) & (cx->cap_mm - 1))
		if (cx->mm[i].in == in)
			return cx->mm[i].m;
	struct scrub_memo *m = scrub_memo_new();
	if (m == NULL)
		return NULL;
	cx->mm[i] = (struct pol_memo){in, m};
	cx->n_mm++;
	return m;
}

static void put_slot(struct pol_cx *cx, const struct pol_scrubbed *e)
{
	size_t i = slot_of(cx, e->group, e->in);
	while (cx->sc[i].in != NULL)
		i = (i + 1) & (cx->cap_sc - 1);
	cx->sc[i] = *e;
}

int pol_cx_put(struct pol_cx *cx, const struct pol_scrubbed *e)
{
	if (2 * (cx->n_sc + 1) > cx->cap_sc) { /* at most half full: probes stay short */
		size_t cap = cx->cap_sc ? cx->cap_sc * 2 : 64;
		struct pol_scrubbed *old = cx->sc, *sc = calloc(cap, sizeof *sc);
		size_t oldcap = cx->cap_sc;
		if (sc == NULL) {
			free(e->out);
			free(e->f);
			return MGW_E_NOMEM;
		}
		cx->sc = sc;
		cx->cap_sc = cap;
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].in)
				put_slot(cx, &old[i]);
		free(old);
	}
	put_slot(cx, e);
	cx->n_sc++;
	return MGW_OK;
}

/* ---- never-share on values --------------------------------------------------------- */

static int contains_words(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *q = hay; (q = strstr(q, needle)) != NULL; q++)
		if ((q == hay || q[-1] == ' ') && (q[n] == 0 || q[n] == ' '))
			return 1;
	return 0;
}

/* The forms of one value the needles are compared with; NULL until needed. */
struct forms {
	char *words, *digits, *lower, *id;
	char *spoken;      /* digits written as words read as digits (spoken_digits) */
	char *lsq;         /* lower without . _ - */
	struct ttok *tt;   /* times and days (time_tokens) */
	size_t ntt;
	char *sq;          /* words without spaces */
	unsigned char *wb; /* wb[i] of sq: WB_START a word starts at i, WB_END one ends at i */
};

#define WB_START 1
#define WB_END 2

static void forms_free(struct forms *f)
{
	free(f->words);
	free(f->digits);
	free(f->lower);
	free(f->id);
	free(f->sq);
	free(f->wb);
	free(f->spoken);
	free(f->lsq);
	free(f->tt);
}

/* f->words, f->sq and f->wb of the skeleton s. 0 or MGW_E_NOMEM. */
static int form_words(struct forms *f, const char *s)
{
	if (canon_new(CANON_ADDRESS, s, strlen(s), &f->words))
		return MGW_E_NOMEM;
	if (f->words == NULL && (f->words = strdup("")) == NULL)
		return MGW_E_NOMEM;
	size_t n = strlen(f->words), o = 0;
	if ((f->sq = malloc(n + 1)) == NULL || (f->wb = calloc(n + 1, 1)) == NULL)
		return MGW_E_NOMEM;
	for (size_t i = 0; i < n; i++) {
		if (f->words[i] == ' ') {
			f->wb[o] |= WB_END;
			continue;
		}
		if (i == 0 || f->words[i - 1] == ' ')
			f->wb[o] |= WB_START;
		f->sq[o++] = f->words[i];
	}
	f->wb[o] |= WB_END;
	f->sq[o] = 0;
	return MGW_OK;
}

/* Is a[0..la) within one edit of b[0..lb): a letter added, dropped or
 * changed, or two next to each other swapped ("raod", "hiden", "lne")? */
static int one_edit(const char *a, size_t la, const char *b, size_t lb)
{
	size_t i = 0;
	if (la > lb + 1 || lb > la + 1)
		return 0;
	while (i < la && i < lb && a[i] == b[i])
		i++;
	if (la == lb)
		return i == la || memcmp(a + i + 1, b + i + 1, la - i - 1) == 0 ||
		       (i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
			memcmp(a + i + 2, b + i + 2, la - i - 2) == 0);
	if (la + 1 == lb)
		return memcmp(a + i, b + i + 1, la - i) == 0;
	return memcmp(a + i + 1, b + i, lb - i) == 0;
}

static size_t word_len(const char *p)
{
	size_t n = 0;
	while (p[n] && p[n] != ' ')
		n++;
	return n;
}

/* The m words w[] (lengths l[]) from h on, one of them (of four letters or
 * more, no digit: a house number must agree) within one edit. */
static int fuzzy_at(const char *h, const char *const *w, const size_t *l, size_t m)
{
	int fuzzed = 0;
	for (size_t j = 0; j < m; j++) {
		size_t hl = word_len(h), k = 0;
		if (hl == 0)
			return 0;
		if (hl != l[j] || memcmp(h, w[j], hl) != 0) {
			while (k < l[j] && isalpha((unsigned char)w[j][k]))
				k++;
			if (fuzzed || l[j] < 4 || k < l[j] || !one_edit(h, hl, w[j], l[j]))
				return 0;
			fuzzed = 1;
		}
		h += hl;
		if (*h == ' ')
			h++;
		else if (j + 1 < m)
			return 0;
	}
	return 1;
}

/*
 * Does hay (canonical words) hold needle (canonical words, two to eight of
 * them) with one word misspelt ("hiden lane", "example raod")? Anchored on
 * each of the needle's words found whole in hay, so the cost is the
 * occurrences of those words, not the length of hay times the needle.
 */
static int fuzzy_hold(const char *hay, const char *needle)
{
	const char *w[8];
	size_t l[8], m = 0;
	for (const char *p = needle; *p;) {
		if (m == 8)
			return 0;
		w[m] = p;
		l[m] = word_len(p);
		p += l[m];
		m++;
		if (*p == ' ')
			p++;
	}
	if (m < 2)
		return 0; /* one word: "evenings" is not "evening" */
	for (size_t j = 0; j < m; j++) {
		char one[64]; /* w[j] alone: the needle's words are not NUL-terminated */
		if (l[j] >= sizeof one)
			continue;
		memcpy(one, w[j], l[j]);
		one[l[j]] = 0;
		for (const char *q = hay; (q = strstr(q, one)) != NULL; q++) {
			if ((q != hay && q[-1] != ' ') || (q[l[j]] != 0 && q[l[j]] != ' '))
				continue;
			const char *s = q;
			size_t back = j;
			while (back > 0 && s > hay) { /* to the start of the word j before */
				s--;
				while (s > hay && s[-1] != ' ')
					s--;
				back--;
			}
			if (back == 0 && fuzzy_at(s, w, l, m))
				return 1;
		}
	}
	return 0;
}

/* Does f hold word needle nd: as whole words, or spaces aside from a word's
 * start to a word's end ("hiddenlane", "h i d d e n lane"), or with one of
 * its words misspelt ("hiden lane")? */
static int words_hold(const struct forms *f, const struct pol_needle *nd)
{
	if (contains_words(f->words, nd->s))
		return 1;
	size_t n = strlen(nd->sq);
	for (const char *q = f->sq; n && (q = strstr(q, nd->sq)) != NULL; q++)
		if ((f->wb[q - f->sq] & WB_START) && (f->wb[q - f->sq + n] & WB_END))
			return 1;
	return fuzzy_hold(f->words, nd->s);
}

/* Digits of s, a letter between two digits making a break ("tel07700" stays
 * whole); a letter O next to a digit is a zero ("O7700 9OO 144"). */
static char *digit_stream(const char *s)
{
	char *o = malloc(strlen(s) + 1), *w = o;
	if (o == NULL)
		return NULL;
	for (; *s; s++)
		if (isdigit((unsigned char)*s) ||
		    ((*s == 'O' || *s == 'o') &&
		     ((w > o && w[-1] != 'x' && (s[-1] == w[-1] || s[-1] == 'O' || s[-1] == 'o')) ||
		      isdigit((unsigned char)s[1]))))
			*w++ = isdigit((unsigned char)*s) ? *s : '0';
		else if (isalpha((unsigned char)*s) && w > o && w[-1] != 'x')
			*w++ = 'x';
	*w = 0;
	return o;
}

/*
 * The digits of s with digits written as words read as digits: "oh seven
 * seven oh oh, nine oh oh, one two three" and "07700 nine double oh 123"
 * hold 07700900123. Any other word is a break ('x'); punctuation and
 * spaces are not.
 */
static char *spoken_digits(const char *s)
{
	size_t n = strlen(s), o = 0;
	char *out = malloc(3 * n + 1); /* "triple 0": 3 digits from 8 bytes at most */
	int rep = 1;
	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < n;) {
		if (!isalnum((unsigned char)s[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && isalnum((unsigned char)s[j]))
			j++;
		size_t l = j - i;
		if (isdigit((unsigned char)s[i])) {
			for (size_t k = i; k < j; k++)
				out[o++] = isdigit((unsigned char)s[k]) ? s[k] : 'x';
			rep = 1;
			i = j;
			continue;
		}
		int d = ident_digit_word(s + i, l, 1);
		if (d < 0 && l == 6 && strncasecmp(s + i, "double", 6) == 0) {
			rep = 2;
		} else if (d < 0 && l == 6 && strncasecmp(s + i, "triple", 6) == 0) {
			rep = 3;
		} else if (d >= 0) {
			while (rep-- > 0)
				out[o++] = (char)('0' + d);
			rep = 1;
		} else {
			if (o > 0 && out[o - 1] != 'x')
				out[o++] = 'x';
			rep = 1;
		}
		i = j;
	}
	out[o] = 0;
	return out;
}

/*
 * s in lower case without white space, "at" and "dot" written out as words
 * ("(at)", "[dot]", " at ") read as '@' and '.': "jo (at) example dot org"
 * holds "jo@example.org".
 */
static char *lower_copy(const char *s)
{
	size_t n = strlen(s);
	char *o = malloc(n + 1), *w = o;
	if (o == NULL)
		return NULL;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (isspace(c)) {
			i++;
			continue;
		}
		/* a word "at"/"dot", bracketed or between spaces */
		size_t j = i, b = 0;
		if (strchr("([{<", c) && i + 1 < n)
			j++, b = 1;
		int lc = s[j] | 0x20; /* 'a' or 'd' first: most characters stop here */
		int at = lc == 'a' && strncasecmp(s + j, "at", 2) == 0,
		    dot = lc == 'd' && strncasecmp(s + j, "dot", 3) == 0;
		size_t k = j + (at ? 2 : dot ? 3 : 0);
		int closed = b ? k < n && strchr(")]}>", s[k]) != NULL
			       : i > 0 && isspace((unsigned char)s[i - 1]) && k < n &&
				     isspace((unsigned char)s[k]);
		if ((at || dot) && closed) {
			*w++ = at ? '@' : '.';
			i = k + b;
			continue;
		}
		*w++ = (char)tolower(c);
		i++;
	}
	*w = 0;
	return o;
}

/* 1 if needle nd is in f (forms of s, made as needed), 0 if not, <0 on no memory. */
static int holds(const struct pol_needle *nd, const char *s, struct forms *f)
{
	switch (nd->how) {
	case POL_N_WORDS:
		if (f->words == NULL && form_words(f, s))
			return MGW_E_NOMEM;
		return words_hold(f, nd);
	case POL_N_DIGITS:
		if (f->digits == NULL && (f->digits = digit_stream(s)) == NULL)
			return MGW_E_NOMEM;
		if (strstr(f->digits, nd->s) != NULL)
			return 1;
		if (f->spoken == NULL && (f->spoken = spoken_digits(s)) == NULL)
			return MGW_E_NOMEM;
		return strstr(f->spoken, nd->s) != NULL;
	case POL_N_TIMES: {
		if (f->tt == NULL && time_tokens(s, &f->tt, &f->ntt) != MGW_OK)
			return MGW_E_NOMEM;
		struct ttok nt[32];
		size_t nn = 0;
		for (const char *p = nd->s; *p && nn < 32;) {
			char k = *p++;
			int v = (int)strtol(p, (char **)&p, 10);
			nt[nn++] = (struct ttok){(unsigned char)(k == 't' ? TT_TIME : k == 'h' ? TT_HOUR
											    : TT_DAY),
						(short)v, 0};
			while (*p == ' ')
				p++;
		}
		return times_hold(nt, nn, f->tt, f->ntt);
	}
	case POL_N_EMAIL: {
		if (f->lower == NULL && (f->lower = lower_copy(s)) == NULL)
			return MGW_E_NOMEM;
		if (strstr(f->lower, nd->s) != NULL)
			return 1;
		/* and without its dots, dashes and underscores: "alexa testperson
		 * at example dot org" is alexa.testperson@example.org */
		char nq[256];
		size_t k = 0;
		for (const char *q = nd->s; *q && k + 1 < sizeof nq; q++)
			if (!strchr("._-", *q))
				nq[k++] = *q;
		nq[k] = 0;
		if (f->lsq == NULL) {
			if ((f->lsq = malloc(strlen(f->lower) + 1)) == NULL)
				return MGW_E_NOMEM;
			char *w = f->lsq;
			for (const char *q = f->lower; *q; q++)
				if (!strchr("._-", *q))
					*w++ = *q;
			*w = 0;
		}
		return k > 0 && strchr(nq, '@') && strstr(f->lsq, nq) != NULL;
	}
	default:
		if (f->id == NULL) {
			if (canon_new(CANON_ID, s, strlen(s), &f->id))
				return MGW_E_NOMEM;
			if (f->id == NULL && (f->id = strdup("")) == NULL)
				return MGW_E_NOMEM;
		}
		return strstr(f->id, nd->s) != NULL;
	}
}

int pol_ns_leaf(const struct pol_cx *cx, int agency, const char *s, int in_address)
{
	struct forms f = {0};
	int hit = 0;
	char *sk = NULL;
	for (size_t i = 0; i < cx->n_nd && hit == 0; i++) {
		const struct pol_needle *nd = &cx->nd[i];
		if ((nd->allowed >> agency & 1) ||
		    (in_address && nd->addr && !(in_address == 2 && nd->how == POL_N_ID)))
			continue;
		if (sk == NULL && (sk = canon_skeleton(s, strlen(s), NULL)) == NULL)
			return MGW_E_NOMEM;
		hit = holds(nd, sk, &f);
	}
	forms_free(&f);
	free(sk);
	return hit;
}

uint32_t pol_ns_mask(const struct pol_cx *cx, const char *s, int *err)
{
	struct forms f = {0};
	uint32_t mask = 0, any = 0;
	char *sk = NULL;
	*err = 0;
	for (size_t i = 0; i < cx->n_nd; i++)
		any |= ~cx->nd[i].allowed;
	for (size_t i = 0; i < cx->n_nd && (mask & any) != any; i++) {
		const struct pol_needle *nd = &cx->nd[i];
		if ((~nd->allowed & ~mask) == 0)
			continue; /* every agency it could add is in already */
		if (sk == NULL && (sk = canon_skeleton(s, strlen(s), NULL)) == NULL) {
			*err = MGW_E_NOMEM;
			break;
		}
		int hit = holds(nd, sk, &f);
		if (hit < 0) {
			*err = hit;
			break;
		}
		if (hit)
			mask |= ~nd->allowed;
	}
	forms_free(&f);
	free(sk);
	return mask;
}

int pol_ns_address(const struct pol_cx *cx, int agency, const Marac__V1__Address *a)
{
	char pc[9] = "";
	char *joined = NULL, *sk = NULL;
	struct forms f = {0};
	int hit = 0;
	if (cx->n_na == 0)
		return 0;
	if (a->postcode && postcode_sk(a->postcode, pc) != 0)
		pc[0] = 0;
	if ((joined = address_join(a, 0)) == NULL ||
	    (sk = canon_skeleton(joined, strlen(joined), NULL)) == NULL || form_words(&f, sk)) {
		free(joined);
		free(sk);
		forms_free(&f);
		return MGW_E_NOMEM;
	}
	const char *words = f.words[0] ? f.words : NULL;
	for (size_t i = 0; i < cx->n_na && !hit; i++) {
		const struct pol_ns_addr *na = &cx->na[i];
		if (na->allowed >> agency & 1)
			continue;
		int lines = 0;
		for (size_t k = na->first; words && k < na->first + na->n && !lines; k++)
			lines = words_hold(&f, &cx->nd[k]);
		if (words == NULL) /* a postcode alone: the same postcode */
			hit = pc[0] && na->pc[0] && strcmp(pc, na->pc) == 0;
		else /* lines that hold the address, and no postcode that says otherwise */
			hit = lines && !(pc[0] && na->pc[0] && strcmp(pc, na->pc) != 0);
	}
	free(joined);
	free(sk);
	forms_free(&f);
	return hit;
}
