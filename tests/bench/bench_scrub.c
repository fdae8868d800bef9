/*
 * bench_scrub.c: free-text scrubbing throughput.
 *
 *   bench_scrub [MIB] [THREADS]      defaults: 64 MiB, one thread per CPU
 *
 * Generates MIB MiB of synthetic case narrative (police, health, housing and
 * IDVA notes with UTF-8 punctuation and accents) with identifiers sprinkled
 * through about one sentence in three: phones in every format, e-mails,
 * postcodes, NHS numbers, NINOs, PNC ids, CRNs, dates of birth, names and
 * the near misses (crime references, bad checksums) that must survive.
 * Also withheld values in their written forms (an address with "Ct"/"Court",
 * a phone, a school, safe times), written-out e-mails, registrations,
 * handles and identifiers with no-break spaces and en dashes.
 * Builds one scrubber (scrubber_build) for 50 third-party names, 2
 * keep-names, 10 dates of birth, 4 withheld values and the location flag,
 * then times scrub_text: over the whole text in one call on one thread
 * (MB/s per core); over the same text cut into fields of about 32 KiB, one
 * call each, as a share scrubs its free-text fields (MB/s per core); then
 * on THREADS threads sharing the scrubber, each scrubbing the whole text
 * (aggregate MB/s, and that per thread). The single-thread figures are also
 * given per CPU second of the scrubbing thread (mb_per_cpu_s), which a
 * shared machine does not disturb. Last, the fields again with a scrubber
 * for 500 third-party names (mb_per_cpu_s_500_names): a large case must not
 * scrub much slower than a small one.
 * Then short varied fields (mb_per_cpu_s_short): the text is repetitive (21
 * sentences), and a CPU learns its branches; a share's fields are short and
 * each different. So 8 MiB of fields of 1 to 4 sentences of 6 to 30 words
 * drawn at random from the words of the sentences above, with a name in
 * about 40 words and an identifier in 60 (random case for one word in six,
 * random punctuation), each scrubbed once, as a share scrubs its fields:
 * per CPU second.
 * Then the stages alone over the whole text, in CPU nanoseconds per byte
 * (the least of three runs): textnorm, the token pass (identifiers, cue
 * words, misspelt names), names_scan and place_scan (with the location
 * flag); "rest" is the single-thread scrub less these (e-mails, listed names
 * and values, merging, writing): where the time of a scrub goes.
 * MB is 10^6 bytes. Prints a human line to stderr and one JSON object to
 * stdout:
 *   {"bench":"scrub","mb_per_s":...,"mb_per_s_fields":...,"mb_per_cpu_s":...,
 *    "mb_per_cpu_s_fields":...,"bytes":...,"findings":...,"threads":...,"mb_per_s_parallel":...,
 *    "mb_per_s_per_thread":...,"mb_per_cpu_s_500_names":...,"mb_per_cpu_s_short":...,
 *    "ns_per_byte":{"textnorm":...,"token":...,"names":...,"place":...,"rest":...},
 *    "output_digest":"<FNV-1a 64 of the single-thread scrubbed text, hex>"}
 * Synthetic data only; nothing here is timed in the test suite.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench_util.h"
#include "canon.h"
#include "names.h"
#include "place.h"
#include "scrub.h"
#include "scrub_int.h"
#include "spans.h"
#include "textnorm.h"

static const char *const FIRST[] = {"Percival", "Anna",   "Barnaby", "Zo\xC3\xAB", "Wei",
                                    "Marigold", "Caspian", "Ottilie", "Rufus",      "Seren"};
static const char *const LAST[] = {"Gloam",       "Quillfeather", "Thistlewood", "\xC3\x98lsen",
                                   "Rudge-Pickle"};

static const char *const SENTENCES[] = {
	"Officers attended the address following a call from a neighbour reporting shouting. ",
	"The victim disclosed that the perpetrator had taken her phone and locked the door. ",
	"Two children were present and were spoken to by the attending social worker. ",
	"The IDVA will make contact on the agreed safe number during the agreed safe times. ",
	"He denied the allegations in interview and was released under investigation. ",
	"Housing have been asked to consider a management transfer on safety grounds. ",
	"Caf\xC3\xA9 staff reported raised voices \xE2\x80\x94 no further action was taken. ",
	"The GP practice confirmed attendance for injuries consistent with the account given. ",
	"A safety plan was reviewed; the victim\xE2\x80\x99s sister has offered accommodation. ",
	"Probation confirmed the licence conditions include no contact with the victim. ",
	"School reports the eldest child has been withdrawn and tired since half term. ",
	"Crime ref CR/01234567890/21 was raised for criminal damage. ",
	"The NHS record 999 000 0017 quoted on the form fails its checksum. ",
	"Reference QQ 12 34 56 A on the letter is not a valid National Insurance number. ",
	"Account 077009001234 belongs to the housing provider, not to a person. ",
	"Maternity services flagged missed appointments at 28 and 32 weeks. ",
	"She has moved to 33a Grange Court, Grimsby and attends Riverside Primary. ",
	"Safe to call after 10am when he is at work, on 07700\xC2\xA0" "900555. ",
	"He drives a green Vauxhall, VRM AB12 CDE, and is on Snapchat as chunk779. ",
	"Held on 9th May; crime ref 42/12345/24; NHS 999\xE2\x80\x93" "000\xE2\x80\x93" "0018. ",
	"E-mail her at jo.bloggs at gmail dot com; DOB 01/02/1990. ",
};

static const char *const IDS[] = {
	"07700 900123", "+44 (0)7700-900456", "(07700) 900 789", "0044 7700 900321",
	"020 7946 0123", "j.doe@example.org", "ts1 2ab", "TS12AB", "999 000 0018",
	"9990297363", "AB 12 34 56 C", "2001/0171310W", "X123456", "12/03/1985",
	"5 November 2001", "1999-12-31",
};

/* Scrub text in fields of about 32 KiB, cut after a space, as a share
 * scrubs its free-text fields; the CPU seconds taken, or -1 on failure. */
static double scrub_fields(const scrubber *sc, const char *p, size_t n)
{
	double c0 = cpu();
	for (size_t at = 0; at < n;) {
		size_t e = at + (32u << 10) < n ? at + (32u << 10) : n;
		char *out;
		while (e < n && p[e - 1] != ' ')
			e++;
		if (scrub_text(sc, p + at, e - at, "s40(2)", 0, &out, NULL) != 0)
			return -1;
		free(out);
		at = e;
	}
	return cpu() - c0;
}

/* The stages of a scrub alone over p[0..n): CPU seconds of each, the
 * least of three runs, into st (textnorm, token pass, names, place); 0 on
 * success, -1 on failure. */
static int stages(const scrubber *sc, const char *p, size_t n, double st[4])
{
	for (int k = 0; k < 4; k++)
		st[k] = 1e30;
	for (int r = 0; r < 3; r++) {
		struct textnorm t = {0};
		struct spans a = {0};
		double c[5];
		int rc = 0;
		c[0] = cpu();
		rc |= textnorm_build_sparse(p, n, &t);
		c[1] = cpu();
		rc |= rc ? 0 : scrub_token_pass(sc, (const unsigned char *)t.s, t.n, ~0u, &a);
		c[2] = cpu();
		a.n = 0;
		rc |= rc ? 0 : names_scan(t.s, t.n, &a);
		c[3] = cpu();
		a.n = 0;
		rc |= rc ? 0 : place_scan(t.s, t.n, PLACE_F_LOCATION, &a);
		c[4] = cpu();
		spans_free(&a);
		textnorm_free(&t);
		if (rc != 0)
			return -1;
		for (int k = 0; k < 4; k++)
			st[k] = c[k + 1] - c[k] < st[k] ? c[k + 1] - c[k] : st[k];
	}
	return 0;
}

/* Short fields of words drawn at random from SENTENCES, the names and IDS,
 * NUL-separated in *out (freed by the caller); the number of bytes of text. */
static size_t varied_fields(char names[][64], size_t target, struct buf *out)
{
	const char *w[1024];
	size_t nw = 0, text = 0;
	static char words[8192];
	size_t wp = 0;
	/* the words of the sentences, split at spaces (copied: NUL-ended) */
	for (size_t k = 0; k < sizeof SENTENCES / sizeof SENTENCES[0]; k++) {
		const char *p = SENTENCES[k];
		while (*p) {
			while (*p == ' ')
				p++;
			size_t l = strcspn(p, " ");
			if (l == 0 || wp + l + 1 > sizeof words || nw == 1024)
				break;
			memcpy(words + wp, p, l);
			words[wp + l] = '\0';
			w[nw++] = words + wp;
			wp += l + 1;
			p += l;
		}
	}
	static const char *const PUNCT[] = {" ", " ", " ", " ", " ", ", ", ". ", "; ", ": ", " - ",
	                                    "\n", " (", ") "};
	while (text < target) {
		size_t start = out->n;
		for (unsigned sn = 1 + pick(4); sn > 0; sn--) {
			for (unsigned k = 6 + pick(25); k > 0; k--) {
				char word[80];
				/* names and identifiers about as often as in the
				 * long text: a name in 40 words, an identifier in 60 */
				unsigned r = pick(120);
				snprintf(word, sizeof word, "%s",
				         r < 3 ? names[pick(50)]
				         : r < 5 ? IDS[pick(sizeof IDS / sizeof IDS[0])]
				                 : w[pick((unsigned)nw)]);
				unsigned c = pick(6);
				if (c == 0 && word[0] >= 'a' && word[0] <= 'z')
					word[0] = (char)(word[0] - 'a' + 'A');
				else if (c == 1)
					for (char *q = word; *q; q++)
						if (*q >= 'A' && *q <= 'Z')
							*q = (char)(*q - 'A' + 'a');
				put(out, word);
				put(out, k > 1 ? PUNCT[pick(sizeof PUNCT / sizeof PUNCT[0])] : ". ");
			}
		}
		text += out->n - start;
		put(out, "");
		out->n++; /* keep the NUL: fields are NUL-separated */
	}
	return text;
}

/* Scrub each NUL-separated field of f[0..n) once; CPU seconds, -1 on failure. */
static double scrub_each(const scrubber *sc, const char *f, size_t n)
{
	double c0 = cpu();
	for (size_t at = 0; at < n;) {
		size_t l = strlen(f + at);
		char *out;
		if (scrub_text(sc, f + at, l, "s40(2)", 0, &out, NULL) != 0)
			return -1;
		free(out);
		at += l + 1;
	}
	return cpu() - c0;
}

struct job {
	const scrubber *sc;
	const char *text;
	size_t len;
	int rc;
};

static void *run(void *arg)
{
	struct job *j = arg;
	char *out;
	j->rc = scrub_text(j->sc, j->text, j->len, "s40(2)", 0, &out, NULL);
	if (j->rc == 0)
		free(out);
	return NULL;
}

int main(int argc, char **argv)
{
	size_t mib = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 64;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int threads = argc > 2 ? atoi(argv[2]) : (int)(ncpu > 0 ? ncpu : 1);
	if (mib == 0 || threads < 1 || threads > 256) {
		fprintf(stderr, "usage: bench_scrub [MIB] [THREADS]\n");
		return 2;
	}

	/* 50 third-party names: 10 first names x 5 surnames. */
	char names[50][64];
	const char *np[50];
	for (int i = 0; i < 50; i++) {
		snprintf(names[i], sizeof names[i], "%s %s", FIRST[i % 10], LAST[i / 10]);
		np[i] = names[i];
	}
	static const char *const keep[] = {"Jane Bramblecrust", "Ozzy Bramblecrust"};
	static const char *const dobs[] = {"1985-03-12", "2001-11-05", "1999-12-31", "1970-01-01",
	                                   "1990-06-15", "2010-02-28", "2012-07-04", "1964-10-10",
	                                   "1977-05-25", "2015-09-09"};
	static const struct scrub_value values[] = {
		{"33A Grange Ct., Grimsby DN31 1AA", SCRUB_ADDRESS, CANON_ADDRESS, 0},
		{"+44 7700 900555", SCRUB_PHONE, CANON_PHONE, 0},
		{"Riverside Primary School", SCRUB_PLACE, CANON_TEXT, 0},
		{"after 10am when he is at work", SCRUB_SAFE_TIME, CANON_TEXT, 0},
	};
	struct scrub_spec spec = {np, 50, keep, 2, dobs, 10, values, 4, SCRUB_F_LOCATION, 0};
	scrubber *sc = scrubber_build(&spec);
	if (sc == NULL) {
		fprintf(stderr, "bench_scrub: scrubber_build failed\n");
		return 1;
	}

	struct buf t = {0};
	const size_t ns = sizeof SENTENCES / sizeof SENTENCES[0], ni = sizeof IDS / sizeof IDS[0];
	while (t.n < mib << 20) {
		put(&t, SENTENCES[pick((unsigned)ns)]);
		switch (pick(6)) {
		case 0:
			put(&t, "Contact: ");
			put(&t, IDS[pick((unsigned)ni)]);
			put(&t, ". ");
			break;
		case 1:
			put(&t, names[pick(50)]);
			put(&t, " was present. ");
			break;
		default:
			break;
		}
	}

	unsigned counts[SCRUB_KIND_COUNT] = {0};
	char *out;
	double t0 = now(), c0 = cpu();
	if (scrub_text(sc, t.p, t.n, "s40(2)", 0, &out, counts) != 0) {
		fprintf(stderr, "bench_scrub: scrub_text failed\n");
		return 1;
	}
	double single = now() - t0, single_cpu = cpu() - c0;
	/* FNV-1a of the scrubbed text, after the timing: a change meant to
	 * make the scrubber faster, not different, leaves it unchanged. */
	uint64_t digest = 0xcbf29ce484222325u;
	for (const unsigned char *q = (const unsigned char *)out; *q; q++)
		digest = (digest ^ *q) * 0x100000001b3u;
	free(out);

	/* Fields of about 32 KiB, cut after a sentence. */
	t0 = now();
	double fields_cpu = scrub_fields(sc, t.p, t.n), fields = now() - t0;
	if (fields_cpu < 0) {
		fprintf(stderr, "bench_scrub: scrub_text failed\n");
		return 1;
	}
	unsigned long findings = 0;
	for (int k = 0; k < SCRUB_KIND_COUNT; k++)
		findings += counts[k];

	pthread_t tid[256];
	struct job jobs[256];
	t0 = now();
	for (int i = 0; i < threads; i++) {
		jobs[i] = (struct job){sc, t.p, t.n, -1};
		if (pthread_create(&tid[i], NULL, run, &jobs[i]) != 0) {
			fprintf(stderr, "bench_scrub: pthread_create failed\n");
			return 1;
		}
	}
	for (int i = 0; i < threads; i++) {
		pthread_join(tid[i], NULL);
		if (jobs[i].rc != 0) {
			fprintf(stderr, "bench_scrub: scrub_text failed in a thread\n");
			return 1;
		}
	}
	double par = now() - t0;

	/* 500 third-party names (10 first names x 50 made-up surnames), the
	 * same keep-names, dates and values. */
	static const char *const SYL[] = {"bram", "wick", "thorn", "holl", "fen",
	                                  "ash",  "mere", "ford",  "ley",  "stan"};
	static char many[500][64];
	const char *mp[500];
	for (int i = 0; i < 500; i++) {
		snprintf(many[i], sizeof many[i], "%s %c%s%s", FIRST[i % 10], 'A' + i / 10 % 26,
		         SYL[i / 10 % 10], SYL[i / 50]);
		mp[i] = many[i];
	}
	struct scrub_spec spec500 = spec;
	spec500.names = mp, spec500.n_names = 500;
	scrubber *sc500 = scrubber_build(&spec500);
	double many_cpu = sc500 ? scrub_fields(sc500, t.p, t.n) : -1;
	scrubber_free(sc500);
	if (many_cpu < 0) {
		fprintf(stderr, "bench_scrub: 500 names failed\n");
		return 1;
	}

	struct buf vf = {0};
	size_t vtext = varied_fields(names, 8u << 20, &vf);
	double short_cpu = scrub_each(sc, vf.p, vf.n);
	free(vf.p);
	if (short_cpu < 0) {
		fprintf(stderr, "bench_scrub: short fields failed\n");
		return 1;
	}
	double mbshort = (double)vtext / 1e6 / short_cpu;

	double st[4];
	if (stages(sc, t.p, t.n, st) != 0) {
		fprintf(stderr, "bench_scrub: a stage failed\n");
		return 1;
	}
	double nsb[5], nb = (double)t.n;
	for (int k = 0; k < 4; k++)
		nsb[k] = st[k] * 1e9 / nb;
	nsb[4] = (single_cpu - st[0] - st[1] - st[2] - st[3]) * 1e9 / nb;

	double mbps = (double)t.n / 1e6 / single, mbpf = (double)t.n / 1e6 / fields;
	double mbpc = (double)t.n / 1e6 / single_cpu, mbpfc = (double)t.n / 1e6 / fields_cpu;
	double agg = (double)t.n * threads / 1e6 / par, mb500 = (double)t.n / 1e6 / many_cpu;
	fprintf(stderr,
	        "bench_scrub: %.1f MB, %lu findings (phone %u, email %u, postcode %u, nhs %u, "
	        "nino %u, pnc %u, crn %u, dob %u, name %u, address %u, vehicle %u, handle %u): "
	        "%.1f MB/s on one core (%.1f in 32 KiB fields); per CPU second %.1f (%.1f); "
	        "%d threads %.1f MB/s (%.1f per thread); 500 names %.1f per CPU second; "
	        "short varied fields %.1f per CPU second; "
	        "ns per byte: textnorm %.2f, token pass %.2f, names %.2f, place %.2f, rest %.2f; "
	        "output digest %016llx\n",
	        (double)t.n / 1e6, findings, counts[SCRUB_PHONE], counts[SCRUB_EMAIL],
	        counts[SCRUB_POSTCODE], counts[SCRUB_NHS], counts[SCRUB_NINO], counts[SCRUB_PNC],
	        counts[SCRUB_CRN], counts[SCRUB_DOB], counts[SCRUB_NAME], counts[SCRUB_ADDRESS],
	        counts[SCRUB_VEHICLE], counts[SCRUB_HANDLE], mbps, mbpf, mbpc, mbpfc, threads, agg,
	        agg / threads, mb500, mbshort, nsb[0], nsb[1], nsb[2], nsb[3], nsb[4],
	        (unsigned long long)digest);
	printf("{\"bench\":\"scrub\",\"mb_per_s\":%.1f,\"mb_per_s_fields\":%.1f,"
	       "\"mb_per_cpu_s\":%.1f,\"mb_per_cpu_s_fields\":%.1f,\"bytes\":%zu,"
	       "\"findings\":%lu,\"threads\":%d,\"mb_per_s_parallel\":%.1f,"
	       "\"mb_per_s_per_thread\":%.1f,\"mb_per_cpu_s_500_names\":%.1f,"
	       "\"mb_per_cpu_s_short\":%.1f,"
	       "\"ns_per_byte\":{\"textnorm\":%.2f,\"token\":%.2f,\"names\":%.2f,"
	       "\"place\":%.2f,\"rest\":%.2f},\"output_digest\":\"%016llx\"}\n",
	       mbps, mbpf, mbpc, mbpfc, t.n, findings, threads, agg, agg / threads, mb500, mbshort,
	       nsb[0], nsb[1], nsb[2], nsb[3], nsb[4], (unsigned long long)digest);
	free(t.p);
	scrubber_free(sc);
	return 0;
}
