/*
 * units: the unit model's training data (gateway/redact/failsafe.h, "The
 * unit model"), exported from the scrubber's own C code so the trainer
 * (train_unitclf.py) learns on exactly the features the runtime sums.
 *
 *   redaction_units [--text] PATH...
 *
 * PATH is a corpus file or a directory of them (tests/redaction/README.md).
 * For every free-text field of every case (narrative, incidents[].summary,
 * risk.answers[].comment, consent_reason), the text is normalised as the
 * scrubber does (textnorm.h) and cut into the failsafe's units; one line per
 * unit, tab-separated:
 *
 *   set  case  field  label  cats  keep  fired  idx idx idx ...  [text]
 *
 * set is the directory's name; label 1 when the unit overlaps a span of a
 * never-share category (refuge, victim_location, safe_times,
 * victim_contact), cats those categories ("-" for none), keep 1 when it
 * overlaps a must-keep span (what a false alarm there costs), fired 1 when
 * the failsafe's rules already withhold part of it, then the feature
 * indexes with repeats, and with --text the unit's text (to read why a
 * unit scores as it does; not on a set kept unread). Offsets: labels are
 * in code points of the original field, units in bytes of the normalised
 * text; both are taken to bytes of the original (textnorm_orig) before
 * they are compared.
 * Exit status 0, or 2 on a usage or corpus error.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "failsafe.h"
#include "textnorm.h"

#define MAX_FILES 4096

struct lab {
	const char *field;
	size_t a, b; /* original bytes */
	int never;   /* 1 never-share, 0 must-keep */
	const char *cat;
};

struct ctx {
	const char *set, *id, *field;
	const char *orig;
	size_t origlen;
	const struct textnorm *t;
	const struct lab *labs;
	size_t nlabs;
	uint32_t *fv;
	size_t nf, capf;
	int text; /* --text: append the unit's text */
};

static const char *const NEVER[] = {"refuge", "victim_location", "safe_times", "victim_contact"};

static int is_never(const char *cat)
{
	for (size_t i = 0; i < sizeof NEVER / sizeof NEVER[0]; i++)
		if (strcmp(cat, NEVER[i]) == 0)
			return 1;
	return 0;
}

/* Byte offset of code point cp in s[0..n). */
static size_t cp_to_byte(const char *s, size_t n, size_t cp)
{
	size_t i = 0, k = 0;
	while (i < n && k < cp) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		k++;
	}
	return i;
}

static void on_feat(void *p, uint32_t idx)
{
	struct ctx *c = p;
	if (c->nf == c->capf) {
		size_t cap = c->capf ? 2 * c->capf : 1024;
		uint32_t *v = realloc(c->fv, cap * sizeof *v);
		if (v == NULL) {
			fprintf(stderr, "units: out of memory\n");
			exit(2);
		}
		c->fv = v, c->capf = cap;
	}
	c->fv[c->nf++] = idx;
}

static void on_unit(void *p, size_t a, size_t b, int fired)
{
	struct ctx *c = p;
	if (a == SIZE_MAX) {
		c->nf = 0;
		return;
	}
	size_t oa, ob;
	textnorm_orig(c->t, c->orig, c->origlen, a, b, &oa, &ob);
	int label = 0, keep = 0;
	char cats[128] = "";
	for (size_t i = 0; i < c->nlabs; i++) {
		const struct lab *l = &c->labs[i];
		if (strcmp(l->field, c->field) != 0 || l->b <= oa || l->a >= ob)
			continue;
		if (!l->never) {
			keep = 1;
			continue;
		}
		label = 1;
		if (strstr(cats, l->cat) == NULL && strlen(cats) + strlen(l->cat) + 2 < sizeof cats) {
			if (cats[0])
				strcat(cats, ",");
			strcat(cats, l->cat);
		}
	}
	printf("%s\t%s\t%s\t%d\t%s\t%d\t%d\t", c->set, c->id, c->field, label, cats[0] ? cats : "-",
	       keep, fired);
	for (size_t i = 0; i < c->nf; i++)
		printf(i ? " %u" : "%u", (unsigned)c->fv[i]);
	if (c->text) {
		/* the unit's text, for reading (line breaks and tabs as spaces) */
		putchar('\t');
		for (size_t i = oa; i < ob; i++)
			putchar(c->orig[i] == '\n' || c->orig[i] == '\t' ? ' ' : c->orig[i]);
	}
	putchar('\n');
	c->nf = 0;
}

/* "relationshipToVictim" -> "relationship_to_victim", as the labels spell paths. */
static void snake(const char *k, char *out, size_t cap)
{
	size_t j = 0;
	for (; *k && j + 2 < cap; k++) {
		if (*k >= 'A' && *k <= 'Z') {
			out[j++] = '_';
			out[j++] = (char)(*k - 'A' + 'a');
		} else {
			out[j++] = *k;
		}
	}
	out[j] = 0;
}

static int free_text(const char *path)
{
	const char *last = strrchr(path, '.');
	last = last ? last + 1 : path;
	return strcmp(last, "narrative") == 0 || strcmp(last, "summary") == 0 ||
	       strcmp(last, "comment") == 0 || strcmp(last, "consent_reason") == 0;
}

static void walk(struct ctx *c, json_t *j, char *path, size_t plen, size_t cap)
{
	if (json_is_object(j)) {
		const char *k;
		json_t *v;
		json_object_foreach(j, k, v) {
			char sk[128];
			snake(k, sk, sizeof sk);
			int w = snprintf(path + plen, cap - plen, "%s%s", plen ? "." : "", sk);
			if (w > 0 && (size_t)w < cap - plen)
				walk(c, v, path, plen + (size_t)w, cap);
			path[plen] = 0;
		}
	} else if (json_is_array(j)) {
		size_t i;
		json_t *v;
		json_array_foreach(j, i, v) {
			int w = snprintf(path + plen, cap - plen, "[%zu]", i);
			if (w > 0 && (size_t)w < cap - plen)
				walk(c, v, path, plen + (size_t)w, cap);
			path[plen] = 0;
		}
	} else if (json_is_string(j) && free_text(path)) {
		const char *s = json_string_value(j);
		size_t n = json_string_length(j);
		struct textnorm t;
		if (textnorm_build(s, n, &t) != 0) {
			fprintf(stderr, "units: out of memory\n");
			exit(2);
		}
		c->field = path, c->orig = s, c->origlen = n, c->t = &t, c->nf = 0;
		struct fs_unit_sink sink = {c, on_feat, on_unit};
		if (failsafe_units(t.s, t.n, &sink) != 0) {
			fprintf(stderr, "units: out of memory\n");
			exit(2);
		}
		textnorm_free(&t);
	}
}

static int one_file(const char *set, const char *file, struct ctx *c)
{
	json_error_t jerr;
	json_t *doc = json_load_file(file, 0, &jerr);
	if (doc == NULL) {
		fprintf(stderr, "units: %s: %s\n", file, jerr.text);
		return -1;
	}
	json_t *spans = json_object_get(doc, "spans"), *cs = json_object_get(doc, "case");
	size_t ns = json_array_size(spans), nl = 0;
	struct lab *labs = NULL;
	for (size_t i = 0; i < ns; i++)
		nl += json_array_size(json_object_get(json_array_get(spans, i), "at"));
	if (nl && (labs = calloc(nl, sizeof *labs)) == NULL)
		exit(2);
	nl = 0;
	for (size_t i = 0; i < ns; i++) {
		json_t *sp = json_array_get(spans, i);
		const char *field = json_string_value(json_object_get(sp, "field"));
		const char *text = json_string_value(json_object_get(sp, "text"));
		const char *cat = json_string_value(json_object_get(sp, "category"));
		if (!field || !text || !cat)
			continue;
		/* the field's text, to turn code points into bytes */
		json_t *at = json_object_get(sp, "at");
		size_t tl = 0;
		for (const char *q = text; *q; q++)
			tl += ((unsigned char)*q & 0xC0) != 0x80;
		for (size_t k = 0; k < json_array_size(at); k++) {
			labs[nl].field = field;
			labs[nl].cat = cat;
			labs[nl].never = is_never(cat);
			labs[nl].a = (size_t)json_integer_value(json_array_get(at, k));
			labs[nl].b = labs[nl].a + tl; /* code points, until walk() */
			nl++;
		}
	}
	c->id = json_string_value(json_object_get(doc, "id"));
	c->set = set;
	c->labs = labs, c->nlabs = nl;
	char path[512] = "";
	/* walk() compares in bytes: each label's code points to bytes of its
	 * field, looked up by path */
	for (size_t i = 0; i < nl; i++) {
		/* resolve labs[i].field: "a.b[2].c" */
		json_t *v = cs;
		char buf[512];
		snprintf(buf, sizeof buf, "%s", labs[i].field);
		for (char *tok = buf; v && tok && *tok;) {
			char *dot = strchr(tok, '.');
			if (dot)
				*dot = 0;
			char *br = strchr(tok, '[');
			size_t idx = 0;
			if (br) {
				idx = strtoul(br + 1, NULL, 10);
				*br = 0;
			}
			/* keys are camelCase in the document */
			json_t *nv = NULL;
			const char *k;
			json_t *x;
			json_object_foreach(v, k, x) {
				char sk[128];
				snake(k, sk, sizeof sk);
				if (strcmp(sk, tok) == 0)
					nv = x;
			}
			v = nv;
			if (v && br)
				v = json_array_get(v, idx);
			tok = dot ? dot + 1 : NULL;
		}
		if (json_is_string(v)) {
			const char *s = json_string_value(v);
			size_t n = json_string_length(v);
			size_t a = cp_to_byte(s, n, labs[i].a), b = cp_to_byte(s, n, labs[i].b);
			labs[i].a = a, labs[i].b = b;
		}
	}
	walk(c, cs, path, 0, sizeof path);
	free(labs);
	json_decref(doc);
	return 0;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: redaction_units [--text] PATH...\n");
		return 2;
	}
	struct ctx c = {0};
	int ai = 1;
	if (strcmp(argv[1], "--text") == 0)
		c.text = 1, ai++;
	for (; ai < argc; ai++) {
		const char *arg = argv[ai];
		const char *set;
		DIR *d = opendir(arg);
		if (d == NULL) {
			if (one_file("file", arg, &c) != 0)
				return 2;
			continue;
		}
		char setname[256];
		size_t al = strlen(arg);
		while (al > 1 && arg[al - 1] == '/')
			al--;
		snprintf(setname, sizeof setname, "%.*s", (int)al, arg);
		set = strrchr(setname, '/');
		set = set ? set + 1 : setname;
		char *files[MAX_FILES];
		size_t nfiles = 0;
		struct dirent *e;
		while ((e = readdir(d)) != NULL && nfiles < MAX_FILES) {
			size_t l = strlen(e->d_name);
			if (l > 5 && strcmp(e->d_name + l - 5, ".json") == 0) {
				size_t pl = al + 1 + l + 1;
				files[nfiles] = malloc(pl);
				if (files[nfiles] == NULL)
					return 2;
				snprintf(files[nfiles], pl, "%.*s/%s", (int)al, arg, e->d_name);
				nfiles++;
			}
		}
		closedir(d);
		qsort(files, nfiles, sizeof files[0], cmp);
		for (size_t i = 0; i < nfiles; i++) {
			if (one_file(set, files[i], &c) != 0)
				return 2;
			free(files[i]);
		}
	}
	free(c.fv);
	return 0;
}
