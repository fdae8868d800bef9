/*
 * measure: recall and over-redaction of the redaction policy on the annotated
 * corpus (tests/redaction/README.md is the specification; this header is a
 * summary).
 *
 *   measure [--policy FILE] [--redactor policy|identity] [--views DIR]
 *           [--json] [--verbose] [--dump AGENCY|all] [--min-recall R]
 *           [--min-never R] [--max-over R] PATH...
 *
 * PATH is a corpus file (one case and its spans) or a directory of them.
 * For every case and every recipient agency (1..8) the tool builds the
 * recipient's view (policy_redact, purpose MEETING) and a baseline: the view
 * of the same case with every span that must be withheld from that
 * recipient blanked out. A sensitive span is LEAKED to a recipient it must be
 * withheld from when its exact text or one of its identifying parts occurs
 * more often in the view than in the baseline, searched over every string of
 * the view (a value may move to another field), after normalising both
 * (Unicode spaces, full-width digits, dashes, case). Parts are: each run of
 * 3 or more digits once separators are removed (a letter O among digits read
 * as 0; +44, +44 (0) and 0044 as 0), and each capitalised word of 3 or more letters that is not a
 * structure word (Road, Flat, Mr, She, months, ...) nor listed in the span's
 * "exclude" (words of names the policy shares). The baseline is what makes
 * "occurs" fair: a surname the victim shares with her sister, a year of
 * birth the policy masks to, a town named in a kept court name, are in both.
 * A must-keep span is LOST to a recipient whose view still carries its field
 * when its text occurs fewer times in that field than the corpus labels it.
 *
 * --redactor identity gives every recipient the whole case: every span must
 * then leak and none be lost (the corpus self-check). --views DIR reads fake
 * views from DIR/<case id>.<agency>.json (and a baseline from
 * DIR/<case id>.<agency>.base.json if present, else none): the tool's own
 * self-check. --dump AGENCY prints that recipient's view of every case before
 * the report; --dump all prints every recipient's (viewdigest.sh hashes them).
 * Exit status: 0, 1 when a --min/--max target is not met, 2 on a
 * usage, corpus or policy error.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jansson.h>

#include "codec.h"
#include "mgw_err.h"
#include "pbjson.h"
#include "policy.h"

#define N_AGENCY 8
#define MAX_PATHS 4096

static const char *const agency_name[N_AGENCY + 1] = {
	"", "police", "childrens_social_care", "adult_social_care", "health",
	"idva", "probation", "housing", "education",
};

/* The categories, exactly as the corpus names them (README.md). */
static const char *const cat_name[] = {
	"refuge", "victim_location", "safe_times", "victim_contact",
	"third_party_name", "listed_name_variant", "child_name", "address", "school",
	"gp_practice", "workplace", "vehicle", "social_handle", "bank", "dob", "phone",
	"email", "nhs_number", "ni_number", "pnc_id", "crn", "passport", "driving_licence",
	"keep_agency", "keep_legislation", "keep_reference", "keep_time", "keep_money",
	"keep_date", "keep_common_word", "keep_subject_name", "keep_other",
};
#define N_CAT (sizeof cat_name / sizeof cat_name[0])
#define N_NEVER 4              /* the first four are never-share */
#define FIRST_KEEP 23          /* keep_agency */

/*
 * Words that are never an identifying part of a span on their own: address
 * structure, titles and roles, pronouns and function words, months and
 * weekdays, kinds of place. Lower case; compared after folding.
 */
static const char *const structure_word[] = {
	"road", "street", "avenue", "ave", "lane", "close", "court", "crescent", "cres",
	"drive", "way", "walk", "wlk", "place", "grove", "gardens", "gdns", "terrace",
	"terr", "row", "mews", "square", "view", "flat", "apartment", "apt", "house",
	"cottage", "estate", "block", "floor", "unit", "room", "number",
	"mr", "mrs", "ms", "miss", "mx", "dr", "dc", "pc", "ds", "di", "dci", "ps",
	"sgt", "pcso", "hv", "cpn", "sw", "po", "dsl", "idva", "nurse", "midwife",
	"teacher", "officer", "probation", "social", "worker", "family", "support",
	"housing", "supt", "nana", "mum", "dad", "nan",
	"the", "she", "he", "her", "his", "him", "they", "them", "their", "this",
	"that", "then", "when", "after", "before", "only", "not", "now", "and", "but",
	"with", "from", "who", "has", "had", "was", "are", "will", "for", "near",
	"opposite", "any", "time", "except", "between", "while", "until", "weekdays",
	"weekday", "weekends", "mornings", "evenings", "lunchtimes", "nights",
	"refuge", "women", "safe", "hostel", "school", "sch", "primary", "academy",
	"nursery", "infant", "junior", "high", "college", "community", "catholic",
	"surgery", "medical", "centre", "center", "health", "healthcare", "practice",
	"partners", "group", "clinic", "hospital", "ysgol", "gymraeg",
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr",
	"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"north", "south", "east", "west", "upper", "lower", "new", "old",
	"dob", "born", "tel", "mob", "email", "reg", "vrm",
};

/* ---- Unicode normalisation --------------------------------------------------------- */

typedef struct {
	uint32_t *cp;
	size_t n, cap;
} cpbuf;

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("measure: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(2);
}

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die("out of memory");
	return q;
}

static char *xstrdup(const char *s)
{
	char *d = strdup(s);
	if (!d)
		die("out of memory");
	return d;
}

static void cp_push(cpbuf *b, uint32_t c)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 256;
		b->cp = xrealloc(b->cp, b->cap * sizeof *b->cp);
	}
	b->cp[b->n++] = c;
}

/* Next code point of s (invalid UTF-8 reads as U+FFFD, one byte). */
static uint32_t utf8_next(const unsigned char **s)
{
	const unsigned char *p = *s;
	uint32_t c = *p;
	int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
	if (len == 0) {
		*s = p + 1;
		return 0xFFFD;
	}
	c = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
	for (int i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			*s = p + 1;
			return 0xFFFD;
		}
		c = (c << 6) | (p[i] & 0x3F);
	}
	*s = p + len;
	return c;
}

static int cp_is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

/* Letters of the scripts in the corpus: Latin (with diacritics), Cyrillic. */
static int cp_is_letter(uint32_t c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x52F) ||
	       (c >= 0x1E00 && c <= 0x1EFF);
}

static int cp_is_alnum(uint32_t c)
{
	return cp_is_digit(c) || cp_is_letter(c);
}

static int cp_is_upper(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (c >= 0xC0 && c <= 0xDE)
		return c != 0xD7;
	if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177) || (c >= 0x218 && c <= 0x21B) ||
	    (c >= 0x1E00 && c <= 0x1EFF))
		return (c & 1) == 0;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
		return (c & 1) == 1;
	if (c == 0x178)
		return 1;
	return c >= 0x400 && c <= 0x42F;
}

static uint32_t cp_fold(uint32_t c)
{
	if (!cp_is_upper(c))
		return c;
	if (c < 0x80 || (c >= 0xC0 && c <= 0xDE))
		return c + 0x20;
	if (c == 0x178)
		return 0xFF;
	if (c >= 0x400 && c <= 0x40F)
		return c + 0x50;
	if (c >= 0x410 && c <= 0x42F)
		return c + 0x20;
	return c + 1;
}

/*
 * Append the normalised form of s to b: full-width forms to ASCII, every
 * kind of space, tab and line break to one space (runs collapsed), zero-width
 * characters dropped, dashes to '-', curly quotes to straight, case folded.
 */
static void norm_append(cpbuf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		uint32_t c = utf8_next(&p);
		if (c >= 0xFF01 && c <= 0xFF5E)
			c -= 0xFEE0;
		if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0xAD)
			continue;
		if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0xA0 ||
		    c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
		    c == 0x202F || c == 0x205F || c == 0x3000)
			c = ' ';
		if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212)
			c = '-';
		if (c == 0x2018 || c == 0x2019 || c == 0x02BC)
			c = '\'';
		if (c == 0x201C || c == 0x201D)
			c = '"';
		c = cp_fold(c);
		if (c == ' ' && (b->n == 0 || b->cp[b->n - 1] == ' ' || b->cp[b->n - 1] == 1))
			continue;
		cp_push(b, c);
	}
	while (b->n && b->cp[b->n - 1] == ' ')
		b->n--;
}

/* Occurrences of pat in text; an alphanumeric edge of pat must sit at a word boundary. */
static size_t count_cp(const cpbuf *text, const cpbuf *pat)
{
	size_t k = 0;
	if (pat->n == 0 || pat->n > text->n)
		return 0;
	int lb = cp_is_alnum(pat->cp[0]), rb = cp_is_alnum(pat->cp[pat->n - 1]);
	for (size_t i = 0; i + pat->n <= text->n; i++) {
		if (text->cp[i] != pat->cp[0] ||
		    memcmp(text->cp + i, pat->cp, pat->n * sizeof *pat->cp) != 0)
			continue;
		if (lb && i > 0 && cp_is_alnum(text->cp[i - 1]))
			continue;
		if (rb && i + pat->n < text->n && cp_is_alnum(text->cp[i + pat->n]))
			continue;
		k++;
	}
	return k;
}

/* ---- digit runs ------------------------------------------------------------------------ */

typedef struct {
	char **run;
	size_t n, cap;
} runs;

static int digit_sep(uint32_t c)
{
	return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')';
}

/*
 * The runs of digits of a normalised text, separators between digits
 * removed. In a token of digits and the letter o only ("o77oo"), o is 0.
 */
static void digit_runs(const cpbuf *t, runs *out)
{
	size_t n = t->n;
	uint32_t *c = xrealloc(NULL, (n + 1) * sizeof *c);
	memcpy(c, t->cp, n * sizeof *c);
	for (size_t i = 0; i < n;) {
		if (!cp_is_alnum(c[i])) {
			i++;
			continue;
		}
		size_t j = i, digits = 0, other = 0;
		while (j < n && cp_is_alnum(c[j])) {
			if (cp_is_digit(c[j]))
				digits++;
			else if (c[j] != 'o')
				other++;
			j++;
		}
		if (digits && !other)
			for (size_t k = i; k < j; k++)
				if (c[k] == 'o')
					c[k] = '0';
		i = j;
	}
	char *buf = xrealloc(NULL, n + 1);
	for (size_t i = 0; i < n;) {
		if (!cp_is_digit(c[i])) {
			i++;
			continue;
		}
		size_t len = 0;
		while (i < n) {
			if (cp_is_digit(c[i])) {
				buf[len++] = (char)c[i++];
				continue;
			}
			size_t j = i;
			while (j < n && digit_sep(c[j]))
				j++;
			if (j > i && j < n && cp_is_digit(c[j])) {
				i = j;
				continue;
			}
			break;
		}
		buf[len] = 0;
		/* +44 7700 900123, 0044 ..., +44 (0)7700 ...: the number as dialled at home */
		if (len == 12 && memcmp(buf, "44", 2) == 0)
			memmove(buf + 1, buf + 2, 11), buf[0] = '0';
		else if (len == 13 && memcmp(buf, "440", 3) == 0)
			memmove(buf, buf + 2, 12);
		else if (len == 14 && memcmp(buf, "0044", 4) == 0)
			memmove(buf + 1, buf + 4, 11), buf[0] = '0';
		if (out->n == out->cap) {
			out->cap = out->cap ? 2 * out->cap : 32;
			out->run = xrealloc(out->run, out->cap * sizeof *out->run);
		}
		out->run[out->n++] = xstrdup(buf);
	}
	free(buf);
	free(c);
}

static void runs_free(runs *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->run[i]);
	free(r->run);
	memset(r, 0, sizeof *r);
}

/* Runs equal to part; a part of 7 digits or more also counts inside a longer run. */
static size_t count_digits(const runs *r, const char *part)
{
	size_t k = 0, pl = strlen(part);
	for (size_t i = 0; i < r->n; i++) {
		if (strcmp(r->run[i], part) == 0) {
			k++;
		} else if (pl >= 7) {
			for (const char *p = r->run[i]; (p = strstr(p, part)) != NULL; p++)
				k++;
		}
	}
	return k;
}

/* ---- the corpus -------------------------------------------------------------------------- */

typedef struct {
	char *field;
	char *text;
	int cat;
	unsigned wf;           /* bit a: must be withheld from agency a */
	size_t *at, n_at;      /* code-point offsets of each occurrence in the field */
	cpbuf exact;           /* the text, normalised */
	cpbuf *word;           /* identifying words, normalised */
	size_t n_word;
	runs digits;           /* identifying digit runs (3+) */
} span;

typedef struct {
	char *id;
	char *file;
	json_t *doc;           /* the file */
	json_t *cs;            /* its "case" (borrowed from doc) */
	span *sp;
	size_t n_sp;
} kase;

static int cat_index(const char *s)
{
	for (size_t i = 0; i < N_CAT; i++)
		if (strcmp(cat_name[i], s) == 0)
			return (int)i;
	return -1;
}

static int agency_index(const char *s)
{
	for (int i = 1; i <= N_AGENCY; i++)
		if (strcmp(agency_name[i], s) == 0)
			return i;
	return 0;
}

static int is_structure(const cpbuf *w)
{
	char a[64];
	if (w->n >= sizeof a)
		return 0;
	for (size_t i = 0; i < w->n; i++) {
		if (w->cp[i] >= 0x80)
			return 0;
		a[i] = (char)w->cp[i];
	}
	a[w->n] = 0;
	for (size_t i = 0; i < sizeof structure_word / sizeof *structure_word; i++)
		if (strcmp(a, structure_word[i]) == 0)
			return 1;
	return 0;
}

/* The identifying parts of a span's text (see the file header). */
static void span_parts(span *s, json_t *exclude)
{
	norm_append(&s->exact, s->text);
	runs all = {0};
	digit_runs(&s->exact, &all);
	for (size_t i = 0; i < all.n; i++) {
		if (strlen(all.run[i]) < 3)
			continue;
		if (s->digits.n == s->digits.cap) {
			s->digits.cap = s->digits.cap ? 2 * s->digits.cap : 4;
			s->digits.run = xrealloc(s->digits.run, s->digits.cap * sizeof *s->digits.run);
		}
		s->digits.run[s->digits.n++] = xstrdup(all.run[i]);
	}
	runs_free(&all);

	/* capitalised words, from the text as written (case matters here) */
	const unsigned char *p = (const unsigned char *)s->text;
	cpbuf w = {0};
	int upper = 0;
	for (;;) {
		uint32_t c = *p ? utf8_next(&p) : 0;
		if (c >= 0xFF21 && c <= 0xFF5A)
			c -= 0xFEE0;
		if (c && cp_is_letter(c)) {
			if (w.n == 0)
				upper = cp_is_upper(c);
			cp_push(&w, cp_fold(c));
			continue;
		}
		if (w.n >= 3 && upper && !is_structure(&w)) {
			int excluded = 0;
			size_t i;
			json_t *e;
			json_array_foreach(exclude, i, e) {
				cpbuf x = {0};
				norm_append(&x, json_string_value(e) ? json_string_value(e) : "");
				if (x.n == w.n && memcmp(x.cp, w.cp, w.n * sizeof *w.cp) == 0)
					excluded = 1;
				free(x.cp);
			}
			if (!excluded) {
				s->word = xrealloc(s->word, (s->n_word + 1) * sizeof *s->word);
				s->word[s->n_word] = w;
				s->n_word++;
				memset(&w, 0, sizeof w);
			}
		}
		w.n = 0;
		if (!c)
			break;
	}
	free(w.cp);
}

static void kase_free(kase *k)
{
	for (size_t i = 0; i < k->n_sp; i++) {
		span *s = &k->sp[i];
		free(s->field);
		free(s->text);
		free(s->at);
		free(s->exact.cp);
		for (size_t j = 0; j < s->n_word; j++)
			free(s->word[j].cp);
		free(s->word);
		runs_free(&s->digits);
	}
	free(k->sp);
	free(k->id);
	free(k->file);
	json_decref(k->doc);
}

static void kase_load(const char *file, kase *k)
{
	json_error_t jerr;
	memset(k, 0, sizeof *k);
	k->file = xstrdup(file);
	k->doc = json_load_file(file, 0, &jerr);
	if (!k->doc)
		die("%s:%d: %s", file, jerr.line, jerr.text);
	json_t *id = json_object_get(k->doc, "id");
	k->cs = json_object_get(k->doc, "case");
	json_t *spans = json_object_get(k->doc, "spans");
	if (!json_is_string(id) || !json_is_object(k->cs) || !json_is_array(spans))
		die("%s: needs \"id\", \"case\" and \"spans\"", file);
	k->id = xstrdup(json_string_value(id));
	k->n_sp = json_array_size(spans);
	k->sp = xrealloc(NULL, k->n_sp * sizeof *k->sp);
	memset(k->sp, 0, k->n_sp * sizeof *k->sp);
	size_t i;
	json_t *js;
	json_array_foreach(spans, i, js) {
		span *s = &k->sp[i];
		const char *field = json_string_value(json_object_get(js, "field"));
		const char *text = json_string_value(json_object_get(js, "text"));
		const char *cat = json_string_value(json_object_get(js, "category"));
		json_t *at = json_object_get(js, "at");
		if (!field || !text || !cat || !*text)
			die("%s: span %zu: needs \"field\", \"text\" and \"category\"", file, i);
		s->cat = cat_index(cat);
		if (s->cat < 0)
			die("%s: span %zu: unknown category \"%s\"", file, i, cat);
		s->field = xstrdup(field);
		s->text = xstrdup(text);
		s->n_at = json_array_size(at);
		s->at = xrealloc(NULL, (s->n_at ? s->n_at : 1) * sizeof *s->at);
		for (size_t j = 0; j < s->n_at; j++)
			s->at[j] = (size_t)json_integer_value(json_array_get(at, j));
		if (s->n_at == 0) {
			s->at[0] = 0;
			s->n_at = 1;
		}
		size_t j;
		json_t *a;
		json_array_foreach(json_object_get(js, "withhold_from"), j, a) {
			int ag = agency_index(json_string_value(a) ? json_string_value(a) : "");
			if (!ag)
				die("%s: span %zu: unknown agency in withhold_from", file, i);
			s->wf |= 1u << ag;
		}
		if (s->cat < FIRST_KEEP && !s->wf)
			die("%s: span %zu: a sensitive span needs withhold_from", file, i);
		span_parts(s, json_object_get(js, "exclude"));
	}
}

/* ---- paths into proto3 JSON ---------------------------------------------------------------- */

/* "relationship_to_victim" -> "relationshipToVictim" */
static void camel(const char *in, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	int up = 0;
	for (size_t i = 0; i < n && o + 1 < cap; i++) {
		if (in[i] == '_') {
			up = 1;
			continue;
		}
		out[o++] = up && in[i] >= 'a' && in[i] <= 'z' ? (char)(in[i] - 32) : in[i];
		up = 0;
	}
	out[o] = 0;
}

/*
 * The value at path ("incidents[1].summary") in a proto3 JSON object, keys
 * in lowerCamelCase or as in the proto. *parent and *key / *index say where
 * it hangs (index SIZE_MAX under an object). NULL if absent.
 */
static json_t *resolve(json_t *root, const char *path, json_t **parent, char *key, size_t keycap,
		       size_t *index)
{
	json_t *cur = root;
	const char *p = path;
	while (*p && cur) {
		size_t n = strcspn(p, ".[");
		char name[128], cam[128];
		if (n == 0 || n >= sizeof name)
			return NULL;
		memcpy(name, p, n);
		name[n] = 0;
		camel(name, n, cam, sizeof cam);
		json_t *next = json_object_get(cur, cam);
		if (!next)
			next = json_object_get(cur, name);
		*parent = cur;
		snprintf(key, keycap, "%s", json_object_get(cur, cam) ? cam : name);
		*index = SIZE_MAX;
		cur = next;
		p += n;
		while (*p == '[' && cur) {
			char *end;
			unsigned long ix = strtoul(p + 1, &end, 10);
			if (*end != ']')
				return NULL;
			*parent = cur;
			*index = ix;
			cur = json_array_get(cur, ix);
			p = end + 1;
		}
		if (*p == '.')
			p++;
	}
	return cur;
}

static void set_string(json_t *parent, const char *key, size_t index, const char *v)
{
	if (index == SIZE_MAX)
		json_object_set_new(parent, key, json_string(v));
	else
		json_array_set_new(parent, index, json_string(v));
}

/* Encode cps[0..n) as UTF-8 into a new string. */
static char *utf8_encode(const uint32_t *cps, size_t n)
{
	char *o = xrealloc(NULL, 4 * n + 1), *q = o;
	for (size_t i = 0; i < n; i++) {
		uint32_t c = cps[i];
		if (c < 0x80) {
			*q++ = (char)c;
		} else if (c < 0x800) {
			*q++ = (char)(0xC0 | c >> 6);
			*q++ = (char)(0x80 | (c & 0x3F));
		} else if (c < 0x10000) {
			*q++ = (char)(0xE0 | c >> 12);
			*q++ = (char)(0x80 | ((c >> 6) & 0x3F));
			*q++ = (char)(0x80 | (c & 0x3F));
		} else {
			*q++ = (char)(0xF0 | c >> 18);
			*q++ = (char)(0x80 | ((c >> 12) & 0x3F));
			*q++ = (char)(0x80 | ((c >> 6) & 0x3F));
			*q++ = (char)(0x80 | (c & 0x3F));
		}
	}
	*q = 0;
	return o;
}

static void decode_all(const char *s, cpbuf *b)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p)
		cp_push(b, utf8_next(&p));
}

static int blank_for(const span *s, int ag)
{
	return s->cat < FIRST_KEEP && (!ag || (s->wf & (1u << ag)));
}

/* Replace the marked code points of field f of case c by "[X]", one per run. */
static void blank_field(const kase *k, json_t *c, const char *f, int ag)
{
	json_t *parent = NULL;
	char key[128];
	size_t index;
	json_t *v = resolve(c, f, &parent, key, sizeof key, &index);
	if (!json_is_string(v))
		die("%s: a span names %s, which holds no string", k->file, f);
	cpbuf t = {0}, o = {0};
	decode_all(json_string_value(v), &t);
	unsigned char *mark = calloc(t.n + 1, 1);
	if (!mark)
		die("out of memory");
	for (size_t g = 0; g < k->n_sp; g++) {
		const span *s = &k->sp[g];
		if (!blank_for(s, ag) || strcmp(s->field, f) != 0)
			continue;
		cpbuf sp = {0};
		decode_all(s->text, &sp);
		for (size_t j = 0; j < s->n_at; j++) {
			size_t at = s->at[j];
			if (at + sp.n > t.n || memcmp(t.cp + at, sp.cp, sp.n * sizeof *sp.cp) != 0)
				die("%s: span \"%s\" is not at %zu of %s", k->file, s->text, at, f);
			memset(mark + at, 1, sp.n);
		}
		free(sp.cp);
	}
	for (size_t i = 0; i < t.n; i++) {
		if (!mark[i]) {
			cp_push(&o, t.cp[i]);
		} else if (i == 0 || !mark[i - 1]) {
			cp_push(&o, '[');
			cp_push(&o, 'X');
			cp_push(&o, ']');
		}
	}
	char *u = utf8_encode(o.cp, o.n);
	set_string(parent, key, index, u);
	free(u);
	free(o.cp);
	free(mark);
	free(t.cp);
}

/*
 * A copy of the case with every sensitive span that must be withheld from
 * agency ag (every one if ag is 0) replaced by "[X]" at its labelled
 * offsets. A label that does not match its field is a corpus error.
 */
static json_t *blanked(const kase *k, int ag)
{
	json_t *c = json_deep_copy(k->cs);
	if (!c)
		die("out of memory");
	for (size_t f = 0; f < k->n_sp; f++) {
		if (!blank_for(&k->sp[f], ag))
			continue;
		size_t g;
		for (g = 0; g < f; g++)
			if (blank_for(&k->sp[g], ag) && strcmp(k->sp[g].field, k->sp[f].field) == 0)
				break;
		if (g == f) /* the first span of its field: blank them all */
			blank_field(k, c, k->sp[f].field, ag);
	}
	return c;
}

/* ---- views ------------------------------------------------------------------------------ */

typedef struct {
	json_t *json;          /* the view as proto3 JSON (NULL: no view) */
	cpbuf text;            /* every string of it, normalised, separated by U+0001 */
	runs digits;
} view;

/*
 * A view string without the redactor's own markers ("[REDACTED s40(2):
 * phone]", "[WITHHELD s38: victim location]"), each replaced by '#', which
 * is no digit separator: the "402" of "s40(2)" would otherwise be read as
 * the digits of a leaked identifier, and digits either side of a marker
 * must not join into one run.
 */
static char *strip_markers(const char *s)
{
	size_t n = strlen(s);
	char *o = xrealloc(NULL, n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] == '[' && (strncmp(s + i, "[REDACTED", 9) == 0 ||
				    strncmp(s + i, "[WITHHELD", 9) == 0)) {
			const char *e = strchr(s + i, ']');
			if (e != NULL) {
				o[k++] = '#';
				i = (size_t)(e - s) + 1;
				continue;
			}
		}
		o[k++] = s[i++];
	}
	o[k] = 0;
	return o;
}

static void collect(json_t *j, cpbuf *b)
{
	size_t i;
	const char *k;
	json_t *v;
	if (json_is_string(j)) {
		char *t = strip_markers(json_string_value(j));
		norm_append(b, t);
		free(t);
		cp_push(b, 1);
	} else if (json_is_object(j)) {
		json_object_foreach(j, k, v)
			collect(v, b);
	} else if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			collect(v, b);
	}
}

static void view_index(view *v)
{
	cp_push(&v->text, 1);
	if (v->json)
		collect(v->json, &v->text);
	digit_runs(&v->text, &v->digits);
}

static void view_free(view *v)
{
	json_decref(v->json);
	free(v->text.cp);
	runs_free(&v->digits);
	memset(v, 0, sizeof *v);
}

enum redactor { RED_POLICY, RED_IDENTITY, RED_VIEWS };

static const policy *g_policy;
static enum redactor g_redactor = RED_POLICY;
static const char *g_views;

/* The view of case JSON cs for agency ag by the chosen redactor; NULL: none. */
static json_t *redact_json(const kase *k, json_t *cs, int ag)
{
	char err[256];
	ProtobufCMessage *in = NULL;
	if (g_redactor == RED_IDENTITY)
		return json_incref(cs);
	if (pbjson_from_json(&marac__v1__case_summary__descriptor, cs, &in, err, sizeof err) != 0)
		die("%s: not a CaseSummary: %s", k->file, err);
	Marac__V1__CaseSummary *out = NULL;
	Marac__V1__RedactionEntry **man = NULL;
	size_t n_man = 0;
	int rc = policy_redact(g_policy, (Marac__V1__CaseSummary *)in, ag,
			       MARAC__V1__PURPOSE__PURPOSE_MEETING, &out, &man, &n_man);
	if (rc != 0)
		die("%s: policy_redact to %s: %s", k->file, agency_name[ag], mgw_strerror(rc));
	json_t *j = pbjson_to_json(&out->base);
	if (!j)
		die("%s: view to %s is not valid JSON", k->file, agency_name[ag]);
	policy_manifest_free(man, n_man);
	codec_free(&out->base);
	codec_free(in);
	return j;
}

static json_t *view_file(const kase *k, int ag, const char *suffix)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s.%s%s.json", g_views, k->id, agency_name[ag], suffix);
	json_error_t jerr;
	if (access(path, F_OK) != 0)
		return NULL;
	json_t *j = json_load_file(path, 0, &jerr);
	if (!j)
		die("%s:%d: %s", path, jerr.line, jerr.text);
	return j;
}

/* ---- counting ----------------------------------------------------------------------------- */

typedef struct {
	unsigned long need[N_CAT][N_AGENCY + 1]; /* sensitive: (span, recipient) pairs; keep: spans checked */
	unsigned long miss[N_CAT][N_AGENCY + 1]; /* sensitive: leaked; keep: lost */
	unsigned long cases, spans;
} tally;

static tally g_t;
static int g_verbose;
static int g_dump; /* --dump AGENCY: print that recipient's view of each case; -1: every recipient's */

static void print_text(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '\n')
			fputs("\\n", f);
		else if (*s == '\t')
			fputs("\\t", f);
		else if (*s == '"')
			fputs("\\\"", f);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

static int leaked(const span *s, const view *v, const view *base)
{
	if (count_cp(&v->text, &s->exact) > count_cp(&base->text, &s->exact))
		return 1;
	for (size_t i = 0; i < s->n_word; i++)
		if (count_cp(&v->text, &s->word[i]) > count_cp(&base->text, &s->word[i]))
			return 1;
	for (size_t i = 0; i < s->digits.n; i++)
		if (count_digits(&v->digits, s->digits.run[i]) >
		    count_digits(&base->digits, s->digits.run[i]))
			return 1;
	return 0;
}

static int lost(const span *s, json_t *vj, int *carried)
{
	json_t *parent = NULL;
	char key[128];
	size_t index;
	json_t *f = resolve(vj, s->field, &parent, key, sizeof key, &index);
	*carried = json_is_string(f);
	if (!*carried)
		return 0;
	cpbuf t = {0};
	norm_append(&t, json_string_value(f));
	int r = count_cp(&t, &s->exact) < s->n_at;
	free(t.cp);
	return r;
}

static void measure_case(const kase *k)
{
	g_t.cases++;
	g_t.spans += k->n_sp;
	for (int ag = 1; ag <= N_AGENCY; ag++) {
		view v = {0}, base = {0};
		if (g_redactor == RED_VIEWS) {
			v.json = view_file(k, ag, "");
			if (!v.json)
				continue;
			base.json = view_file(k, ag, ".base");
		} else {
			json_t *b = blanked(k, ag);
			v.json = redact_json(k, k->cs, ag);
			base.json = redact_json(k, b, ag);
			json_decref(b);
		}
		if (ag == g_dump || g_dump < 0) {
			char *d = json_dumps(v.json, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
			printf("%s %s view: %s\n", k->id, agency_name[ag], d ? d : "(none)");
			free(d);
		}
		view_index(&v);
		view_index(&base);
		for (size_t i = 0; i < k->n_sp; i++) {
			const span *s = &k->sp[i];
			int miss, carried = 1;
			if (s->cat < FIRST_KEEP) {
				if (!(s->wf & (1u << ag)))
					continue;
				miss = leaked(s, &v, &base);
			} else {
				miss = lost(s, v.json, &carried);
				if (!carried)
					continue;
			}
			g_t.need[s->cat][ag]++;
			g_t.miss[s->cat][ag] += (unsigned long)miss;
			if (miss && g_verbose) {
				printf("%s %s %s %s %s ", s->cat < FIRST_KEEP ? "LEAK" : "LOST", k->id,
				       s->field, cat_name[s->cat], agency_name[ag]);
				print_text(stdout, s->text);
				putchar('\n');
			}
		}
		view_free(&v);
		view_free(&base);
	}
}

/* ---- report ------------------------------------------------------------------------------- */

typedef struct {
	unsigned long need, miss;
} pair;

static pair sum(size_t c0, size_t c1, int ag)
{
	pair p = {0, 0};
	for (size_t c = c0; c < c1; c++)
		for (int a = 1; a <= N_AGENCY; a++)
			if (!ag || a == ag) {
				p.need += g_t.need[c][a];
				p.miss += g_t.miss[c][a];
			}
	return p;
}

static double recall(pair p)
{
	return p.need ? (double)(p.need - p.miss) / (double)p.need : 1.0;
}

static double over(pair p)
{
	return p.need ? (double)p.miss / (double)p.need : 0.0;
}

static void report_text(const char *policy_path)
{
	printf("redaction corpus: %lu cases, %lu spans; redactor %s%s%s, purpose meeting\n\n",
	       g_t.cases, g_t.spans,
	       g_redactor == RED_POLICY ? "policy " : g_redactor == RED_IDENTITY ? "identity" : "views ",
	       g_redactor == RED_POLICY ? policy_path : "", g_redactor == RED_VIEWS ? g_views : "");
	printf("%-22s %9s %9s %8s   (withheld: recall = removed / required (span, recipient) pairs)\n",
	       "category", "required", "removed", "recall");
	for (size_t c = 0; c < FIRST_KEEP; c++) {
		pair p = sum(c, c + 1, 0);
		printf("%-22s %9lu %9lu %8.4f\n", cat_name[c], p.need, p.need - p.miss, recall(p));
	}
	pair nv = sum(0, N_NEVER, 0), all = sum(0, FIRST_KEEP, 0);
	printf("%-22s %9lu %9lu %8.4f\n", "NEVER-SHARE", nv.need, nv.need - nv.miss, recall(nv));
	printf("%-22s %9lu %9lu %8.4f\n\n", "ALL WITHHELD", all.need, all.need - all.miss, recall(all));
	printf("%-22s %9s %9s %8s   (must-keep: over-redaction = lost / (span, recipient) pairs)\n",
	       "category", "pairs", "lost", "over");
	for (size_t c = FIRST_KEEP; c < N_CAT; c++) {
		pair p = sum(c, c + 1, 0);
		printf("%-22s %9lu %9lu %8.4f\n", cat_name[c], p.need, p.miss, over(p));
	}
	pair kp = sum(FIRST_KEEP, N_CAT, 0);
	printf("%-22s %9lu %9lu %8.4f\n\n", "ALL KEEP", kp.need, kp.miss, over(kp));
	printf("%-22s %8s %8s %8s   (never: - where the recipient may have it all)\n", "recipient",
	       "recall", "never", "over");
	for (int a = 1; a <= N_AGENCY; a++) {
		pair n = sum(0, N_NEVER, a);
		char nv_s[16] = "       -";
		if (n.need)
			snprintf(nv_s, sizeof nv_s, "%8.4f", recall(n));
		printf("%-22s %8.4f %s %8.4f\n", agency_name[a], recall(sum(0, FIRST_KEEP, a)), nv_s,
		       over(sum(FIRST_KEEP, N_CAT, a)));
	}
	printf("%-22s %8.4f %8.4f %8.4f\n", "overall", recall(all), recall(nv), over(kp));
}

static void report_json(void)
{
	json_t *o = json_object(), *cats = json_object(), *recs = json_object();
	json_object_set_new(o, "cases", json_integer((json_int_t)g_t.cases));
	json_object_set_new(o, "spans", json_integer((json_int_t)g_t.spans));
	for (size_t c = 0; c < N_CAT; c++) {
		pair p = sum(c, c + 1, 0);
		json_t *e = json_object();
		if (c < FIRST_KEEP) {
			json_object_set_new(e, "required", json_integer((json_int_t)p.need));
			json_object_set_new(e, "removed", json_integer((json_int_t)(p.need - p.miss)));
			json_object_set_new(e, "recall", json_real(recall(p)));
		} else {
			json_object_set_new(e, "pairs", json_integer((json_int_t)p.need));
			json_object_set_new(e, "lost", json_integer((json_int_t)p.miss));
			json_object_set_new(e, "over", json_real(over(p)));
		}
		json_t *per = json_object();
		for (int a = 1; a <= N_AGENCY; a++) {
			pair q = sum(c, c + 1, a);
			if (q.need)
				json_object_set_new(per, agency_name[a],
						    json_real(c < FIRST_KEEP ? recall(q) : over(q)));
		}
		json_object_set_new(e, "per_recipient", per);
		json_object_set_new(cats, cat_name[c], e);
	}
	for (int a = 1; a <= N_AGENCY; a++) {
		json_t *e = json_object();
		json_object_set_new(e, "recall", json_real(recall(sum(0, FIRST_KEEP, a))));
		json_object_set_new(e, "never_recall", json_real(recall(sum(0, N_NEVER, a))));
		json_object_set_new(e, "over", json_real(over(sum(FIRST_KEEP, N_CAT, a))));
		json_object_set_new(recs, agency_name[a], e);
	}
	json_object_set_new(o, "categories", cats);
	json_object_set_new(o, "recipients", recs);
	json_t *ov = json_object();
	pair all = sum(0, FIRST_KEEP, 0), nv = sum(0, N_NEVER, 0), kp = sum(FIRST_KEEP, N_CAT, 0);
	json_object_set_new(ov, "required", json_integer((json_int_t)all.need));
	json_object_set_new(ov, "leaked", json_integer((json_int_t)all.miss));
	json_object_set_new(ov, "recall", json_real(recall(all)));
	json_object_set_new(ov, "never_required", json_integer((json_int_t)nv.need));
	json_object_set_new(ov, "never_leaked", json_integer((json_int_t)nv.miss));
	json_object_set_new(ov, "never_recall", json_real(recall(nv)));
	json_object_set_new(ov, "keep_pairs", json_integer((json_int_t)kp.need));
	json_object_set_new(ov, "keep_lost", json_integer((json_int_t)kp.miss));
	json_object_set_new(ov, "over", json_real(over(kp)));
	json_object_set_new(o, "overall", ov);
	char *s = json_dumps(o, JSON_INDENT(1) | JSON_REAL_PRECISION(6));
	if (!s)
		die("out of memory");
	puts(s);
	free(s);
	json_decref(o);
}

/* ---- main --------------------------------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t add_path(char **paths, size_t n, const char *p)
{
	if (n >= MAX_PATHS)
		die("more than %d corpus files", MAX_PATHS);
	paths[n] = xstrdup(p);
	return n + 1;
}

static size_t list_paths(const char *arg, char **paths, size_t n)
{
	DIR *d = opendir(arg);
	if (!d)
		return add_path(paths, n, arg);
	struct dirent *e;
	size_t first = n;
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		if (e->d_name[0] == '.' || l < 6 || strcmp(e->d_name + l - 5, ".json") != 0)
			continue;
		char p[4096];
		snprintf(p, sizeof p, "%s/%s", arg, e->d_name);
		n = add_path(paths, n, p);
	}
	closedir(d);
	qsort(paths + first, n - first, sizeof *paths, cmp_str);
	return n;
}

static double parse_ratio(const char *s, const char *flag)
{
	char *end;
	double v = strtod(s, &end);
	if (*end || v < 0 || v > 1)
		die("%s wants a number from 0 to 1", flag);
	return v;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: measure [--policy FILE] [--redactor policy|identity] [--views DIR]\n"
		"               [--json] [--verbose] [--dump AGENCY|all] [--min-recall R] [--min-never R] [--max-over R]\n"
		"               CORPUS_FILE_OR_DIR...\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *policy_path = MARAC_SOURCE_DIR "/policy/default.yaml";
	double min_recall = -1, min_never = -1, max_over = 2;
	int as_json = 0;
	static char *paths[MAX_PATHS];
	size_t n_paths = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--policy") == 0 && i + 1 < argc) {
			policy_path = argv[++i];
		} else if (strcmp(a, "--redactor") == 0 && i + 1 < argc) {
			const char *r = argv[++i];
			if (strcmp(r, "policy") == 0)
				g_redactor = RED_POLICY;
			else if (strcmp(r, "identity") == 0)
				g_redactor = RED_IDENTITY;
			else
				usage();
		} else if (strcmp(a, "--views") == 0 && i + 1 < argc) {
			g_redactor = RED_VIEWS;
			g_views = argv[++i];
		} else if (strcmp(a, "--dump") == 0 && i + 1 < argc) {
			const char *d = argv[++i];
			g_dump = strcmp(d, "all") == 0 ? -1 : agency_index(d);
			if (!g_dump)
				usage();
		} else if (strcmp(a, "--json") == 0) {
			as_json = 1;
		} else if (strcmp(a, "--verbose") == 0) {
			g_verbose = 1;
		} else if (strcmp(a, "--min-recall") == 0 && i + 1 < argc) {
			min_recall = parse_ratio(argv[++i], a);
		} else if (strcmp(a, "--min-never") == 0 && i + 1 < argc) {
			min_never = parse_ratio(argv[++i], a);
		} else if (strcmp(a, "--max-over") == 0 && i + 1 < argc) {
			max_over = parse_ratio(argv[++i], a);
		} else if (a[0] == '-') {
			usage();
		} else {
			n_paths = list_paths(a, paths, n_paths);
		}
	}
	if (n_paths == 0)
		usage();

	policy *pol = NULL;
	if (g_redactor == RED_POLICY) {
		char err[512];
		if (policy_load(policy_path, &pol, err, sizeof err) != 0)
			die("%s", err);
		g_policy = pol;
	}
	for (size_t i = 0; i < n_paths; i++) {
		kase k;
		kase_load(paths[i], &k);
		measure_case(&k);
		kase_free(&k);
		free(paths[i]);
	}
	policy_free(pol);

	if (as_json)
		report_json();
	else
		report_text(policy_path);

	pair all = sum(0, FIRST_KEEP, 0), nv = sum(0, N_NEVER, 0), kp = sum(FIRST_KEEP, N_CAT, 0);
	int fail = 0;
	if (min_recall >= 0 && recall(all) < min_recall) {
		fprintf(stderr, "measure: recall %.4f below %.4f\n", recall(all), min_recall);
		fail = 1;
	}
	if (min_never >= 0 && recall(nv) < min_never) {
		fprintf(stderr, "measure: never-share recall %.4f below %.4f\n", recall(nv), min_never);
		fail = 1;
	}
	if (over(kp) > max_over) {
		fprintf(stderr, "measure: over-redaction %.4f above %.4f\n", over(kp), max_over);
		fail = 1;
	}
	return fail;
}
