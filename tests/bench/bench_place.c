/*
 * bench_place.c: throughput of place_scan (addresses, places, statements of
 * where the victim is and safe times).
 *
 *   bench_place [MIB] [THREADS]      defaults: 64 MiB, one thread per CPU
 *
 * Generates MIB MiB of synthetic case narrative in the styles place.c reads
 * (police occurrence entries, CAD lines in capitals, health and IDVA notes,
 * chronology lines, e-mail text with hard line breaks) where about one
 * sentence in three holds an address, a school or surgery, a statement of
 * where the victim is or a safe time, and the rest are near misses
 * ("Section 47", "15 minutes", "Magistrates Court", "the meeting moved to
 * Tuesday") or plain narrative. Times place_scan over the whole text on one
 * thread without and with PLACE_F_LOCATION (MB/s per core), then with the
 * flag on THREADS threads, each scanning the whole text (aggregate MB/s).
 * MB is 10^6 bytes; the single-thread runs are also reported per second of
 * the thread's CPU time, which a shared machine disturbs less than the wall
 * clock. Prints a human line to stderr and one JSON object to stdout:
 *   {"bench":"place","mb_per_s":...,"mb_per_s_location":...,"mb_per_cpu_s":...,
 *    "mb_per_cpu_s_location":...,"bytes":...,"findings":...,"threads":...,
 *    "mb_per_s_parallel":...,"mb_per_s_per_thread":...}
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
#include "place.h"
#include "scrub.h"

static const char *const PLAIN[] = {
	"Officers attended the address following a call from a neighbour reporting shouting. ",
	"The victim disclosed that the perpetrator had taken her phone and locked the door. ",
	"Two children were present and were spoken to by the attending social worker. ",
	"He denied the allegations in interview and was released under investigation. ",
	"Caf\xC3\xA9 staff reported raised voices \xE2\x80\x94 no further action was taken. ",
	"Section 47 enquiries were started and 2 children were seen within 15 minutes. ",
	"He was remanded to appear at Grimsby Magistrates Court on 14 March at 10am. ",
	"The meeting moved to Tuesday and the case moved to another MARAC. ",
	"Crime ref CR/01234567890/21 was raised for criminal damage. ",
	"She attended A&E at 0300 and was seen in Room 3 by the duty doctor. ",
	"2214 CALLER STATES MALE SHOUTING IN STREET UNITS DISPATCHED\n",
	"12/03/24 Home visit completed, children seen and spoken to alone.\n",
	"Hi all,\nPlease see the minutes of the last meeting attached, and let me\nknow of any changes.\n",
	"She is at risk of serious harm and was living in fear of him. ",
};

static const char *const FINDS[] = {
	"She is now in the refuge on Windsor Crescent. ",
	"The victim has moved to 33a Grange Court, Grimsby. ",
	"She is staying with her brother-in-law at Flat 10, 170a Cliff Walk. ",
	"Safe to call after 10am when he is at work. ",
	"Text first, do not leave voicemail. ",
	"The children attend St Mary's Primary School and Little Acorns Nursery. ",
	"She is registered with Riverside Medical Centre. ",
	"She works at Tesco on Freeman Street. ",
	"2231 CALLER STATES SHE IS AT HER SISTERS ADDRESS 12 WINDSOR CRES GRIMSBY\n",
	"She walks the children to school via the park at 8.30. ",
	"Address:\nFlat 3\n170a Cliff Walk\nGrimsby\nDN31 2AB\n",
	"Dear colleagues,\nPlease note she is staying with her sister\nat 14 Beech Grove, Hull for now.\n",
};

struct job {
	const char *text;
	size_t len;
	int rc;
};

static void *run(void *arg)
{
	struct job *j = arg;
	struct spans sv = {0};
	j->rc = place_scan(j->text, j->len, PLACE_F_LOCATION, &sv);
	spans_free(&sv);
	return NULL;
}

int main(int argc, char **argv)
{
	size_t mib = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 64;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int threads = argc > 2 ? atoi(argv[2]) : (int)(ncpu > 0 ? ncpu : 1);
	if (mib == 0 || threads < 1 || threads > 256) {
		fprintf(stderr, "usage: bench_place [MIB] [THREADS]\n");
		return 2;
	}

	struct buf t = {0};
	const unsigned np = sizeof PLAIN / sizeof PLAIN[0], nf = sizeof FINDS / sizeof FINDS[0];
	while (t.n < mib << 20)
		put(&t, pick(3) == 0 ? FINDS[pick(nf)] : PLAIN[pick(np)]);

	struct spans sv = {0};
	double t0 = now(), c0 = cpu();
	if (place_scan(t.p, t.n, 0, &sv) != 0) {
		fprintf(stderr, "bench_place: place_scan failed\n");
		return 1;
	}
	double plain = now() - t0, plain_cpu = cpu() - c0;
	spans_free(&sv);

	t0 = now(), c0 = cpu();
	if (place_scan(t.p, t.n, PLACE_F_LOCATION, &sv) != 0) {
		fprintf(stderr, "bench_place: place_scan failed\n");
		return 1;
	}
	double loc = now() - t0, loc_cpu = cpu() - c0;
	unsigned counts[SCRUB_KIND_COUNT] = {0};
	for (size_t i = 0; i < sv.n; i++)
		if (sv.v[i].kind < SCRUB_KIND_COUNT)
			counts[sv.v[i].kind]++;
	size_t findings = sv.n;
	spans_free(&sv);

	pthread_t tid[256];
	struct job jobs[256];
	t0 = now();
	for (int i = 0; i < threads; i++) {
		jobs[i] = (struct job){t.p, t.n, -1};
		if (pthread_create(&tid[i], NULL, run, &jobs[i]) != 0) {
			fprintf(stderr, "bench_place: pthread_create failed\n");
			return 1;
		}
	}
	for (int i = 0; i < threads; i++) {
		pthread_join(tid[i], NULL);
		if (jobs[i].rc != 0) {
			fprintf(stderr, "bench_place: place_scan failed in a thread\n");
			return 1;
		}
	}
	double par = now() - t0;

	double mbps = (double)t.n / 1e6 / plain, mbps_loc = (double)t.n / 1e6 / loc;
	double cpu_plain = (double)t.n / 1e6 / plain_cpu, cpu_loc = (double)t.n / 1e6 / loc_cpu;
	double agg = (double)t.n * threads / 1e6 / par;
	fprintf(stderr,
		"bench_place: %.1f MB, %zu findings (address %u, place %u, location %u, "
		"safe times %u): %.1f MB/s on one core, %.1f MB/s with the location flag "
		"(per CPU second: %.1f, %.1f); %d threads %.1f MB/s (%.1f per thread)\n",
		(double)t.n / 1e6, findings, counts[SCRUB_ADDRESS], counts[SCRUB_PLACE],
		counts[SCRUB_LOCATION], counts[SCRUB_SAFE_TIME], mbps, mbps_loc, cpu_plain, cpu_loc,
		threads, agg,
		agg / threads);
	printf("{\"bench\":\"place\",\"mb_per_s\":%.1f,\"mb_per_s_location\":%.1f,"
	       "\"mb_per_cpu_s\":%.1f,\"mb_per_cpu_s_location\":%.1f,\"bytes\":%zu,"
	       "\"findings\":%zu,\"threads\":%d,\"mb_per_s_parallel\":%.1f,"
	       "\"mb_per_s_per_thread\":%.1f}\n",
	       mbps, mbps_loc, cpu_plain, cpu_loc, t.n, findings, threads, agg, agg / threads);
	free(t.p);
	return 0;
}
