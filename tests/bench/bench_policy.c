/*
 * bench_policy.c: one share's redaction for every agency.
 *
 *   bench_policy [KIB] [ROUNDS] [SOURCE_DIR]   defaults: 256 KiB, 20 rounds, "."
 *
 * Loads policy/default.yaml and tests/fixtures/case_basic.json, gives the
 * case a narrative of KIB KiB (the fixture's sentences repeated: names,
 * phones, e-mails, NHS numbers), then times, per round, the views of 24
 * recipient nodes (three per agency) built one policy_redact() at a time
 * and all at once with policy_redact_many(), which scrubs each text once
 * per visibility profile (wall and CPU milliseconds per round).
 * Also: the number of profiles, and how long refusing a case with 22,000
 * third parties takes (MGW_E_TOO_LARGE, before any work) and what it costs
 * in peak memory. Prints one JSON object to stdout. Synthetic data only;
 * built, never timed, by the suite. From the source tree:
 *   build/tests/bench_policy 256 20 .
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "codec.h"
#include "mgw_err.h"
#include "pbjson.h"
#include "policy.h"
#include "policy_int.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* CPU seconds of the process (one thread): a shared machine does not disturb it. */
static double cpu(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	char *b = malloc(1 << 20);
	*len = b ? fread(b, 1, (1 << 20) - 1, f) : 0;
	fclose(f);
	if (b)
		b[*len] = 0;
	return b;
}

static long maxrss_kib(void)
{
	struct rusage u;
	getrusage(RUSAGE_SELF, &u);
	return u.ru_maxrss;
}

int main(int argc, char **argv)
{
	size_t kib = argc > 1 ? (size_t)atol(argv[1]) : 256;
	int rounds = argc > 2 ? atoi(argv[2]) : 20;
	const char *src = argc > 3 ? argv[3] : ".";
	policy *p = NULL;
	char err[512], path[4096];
	size_t len;
	snprintf(path, sizeof path, "%s/policy/default.yaml", src);
	if (policy_load(path, &p, err, sizeof err) != MGW_OK) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	snprintf(path, sizeof path, "%s/tests/fixtures/case_basic.json", src);
	char *text = slurp(path, &len);
	ProtobufCMessage *m = NULL;
	if (text == NULL ||
	    pbjson_parse(&marac__v1__case_summary__descriptor, text, len, &m, err, sizeof err)) {
		fprintf(stderr, "fixture: %s\n", text ? err : "cannot read");
		return 1;
	}
	Marac__V1__CaseSummary *cs = (Marac__V1__CaseSummary *)m;
	const char *unit = "Victim disclosed to Frank Worker (f.worker@example.gov.uk) that "
			   "E. Neighbourly saw the assault. Call 07700-900-123 only on weekdays. "
			   "Lexi Testperson went to the GP. NHS 999 123 4578. ";
	size_t ul = strlen(unit), n = kib * 1024 / ul + 1;
	char *narr = codec_malloc(n * ul + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(narr + i * ul, unit, ul);
	narr[n * ul] = 0;
	codec_mfree(cs->narrative);
	cs->narrative = narr;

	/* 24 recipient nodes: three per agency, as an area with several nodes per agency */
	enum { NR = 24 };
	int ag[NR];
	for (int i = 0; i < NR; i++)
		ag[i] = MARAC__V1__AGENCY__AGENCY_POLICE + i % 8;
	Marac__V1__CaseSummary *v[NR];
	Marac__V1__RedactionEntry **man[NR];
	size_t nm[NR];
	double t0 = now(), c0 = cpu();
	for (int r = 0; r < rounds; r++)
		for (int i = 0; i < NR; i++) {
			if (policy_redact(p, cs, ag[i], MARAC__V1__PURPOSE__PURPOSE_MEETING, &v[i],
					  &man[i], &nm[i]) != MGW_OK)
				return 1;
			policy_manifest_free(man[i], nm[i]);
			codec_free(&v[i]->base);
		}
	double one = (now() - t0) / rounds, one_cpu = (cpu() - c0) / rounds;
	t0 = now(), c0 = cpu();
	for (int r = 0; r < rounds; r++) {
		if (policy_redact_many(p, cs, ag, NR, MARAC__V1__PURPOSE__PURPOSE_MEETING, v, man,
				       nm) != MGW_OK)
			return 1;
		for (int i = 0; i < NR; i++) {
			policy_manifest_free(man[i], nm[i]);
			codec_free(&v[i]->base);
		}
	}
	double many = (now() - t0) / rounds, many_cpu = (cpu() - c0) / rounds;
	struct pol_cx cx;
	if (pol_cx_init(&cx, p, cs, MARAC__V1__PURPOSE__PURPOSE_MEETING) != MGW_OK)
		return 1;
	for (int i = 0; i < NR; i++)
		pol_cx_group(&cx, ag[i]);
	size_t profiles = cx.n_g;
	pol_cx_free(&cx);

	/* 22,000 third parties: refused before any work */
	size_t big = 22000, old = cs->n_others;
	Marac__V1__Person **keep = cs->others;
	cs->others = malloc(big * sizeof *cs->others);
	for (size_t i = 0; i < big; i++)
		cs->others[i] = keep[i % old];
	cs->n_others = big;
	long rss0 = maxrss_kib();
	t0 = now();
	int rc = policy_redact_many(p, cs, ag, NR, MARAC__V1__PURPOSE__PURPOSE_MEETING, v, man, nm);
	double refuse = now() - t0;
	long rss1 = maxrss_kib();
	free(cs->others);
	cs->others = keep;
	cs->n_others = old;

	double mb = (double)(n * ul) / 1e6;
	fprintf(stderr,
		"%zu KiB narrative, 24 recipients (3 per agency): %.2f ms one by one, %.2f ms at once (%zu "
		"profiles); CPU %.2f ms and %.2f ms; 22,000 names refused (%s) in %.3f ms, peak RSS "
		"+%ld KiB\n",
		kib, one * 1e3, many * 1e3, profiles, one_cpu * 1e3, many_cpu * 1e3,
		rc == MGW_E_TOO_LARGE ? "too large" : "?", refuse * 1e3, rss1 - rss0);
	printf("{\"bench\":\"policy\",\"narrative_mb\":%.3f,\"ms_one_by_one\":%.3f,"
	       "\"ms_many\":%.3f,\"cpu_ms_one_by_one\":%.3f,\"cpu_ms_many\":%.3f,"
	       "\"profiles\":%zu,\"refuse_22000_ms\":%.3f,"
	       "\"refuse_rss_kib\":%ld,\"refused_too_large\":%d}\n",
	       mb, one * 1e3, many * 1e3, one_cpu * 1e3, many_cpu * 1e3, profiles, refuse * 1e3,
	       rss1 - rss0, rc == MGW_E_TOO_LARGE);
	codec_free(m);
	free(text);
	policy_free(p);
	return rc == MGW_E_TOO_LARGE ? 0 : 1;
}
