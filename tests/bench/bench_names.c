/*
 * bench_names.c: names_scan throughput.
 *
 *   bench_names [MIB]      default: 64 MiB
 *
 * Generates MIB MiB of synthetic case narrative (police, health, IDVA and
 * social-care sentences, a CAD line in capitals, UTF-8 names of many
 * origins; names in about one sentence in two) and times names_scan over it
 * on one thread. MB is 10^6 bytes. Prints a human line to stderr and one
 * JSON object to stdout:
 *   {"bench":"names","mb_per_s":...,"bytes":...,"findings":...}
 * Synthetic data only; nothing here is timed in the test suite.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "names.h"

static const char *const SENTENCES[] = {
	"Officers attended the address following a call from a neighbour reporting shouting. ",
	"The victim disclosed that the perpetrator had taken her phone and locked the door. ",
	"She is staying with her sister Jane in the evenings. ",
	"Mr Patel at number 12 heard shouting and called the police. ",
	"Housing have been asked to consider a management transfer on safety grounds. ",
	"DC 4471 HUGHES attended and took a statement from KOWALSKA, Agnieszka. ",
	"A safety plan was reviewed; the victim\xE2\x80\x99s sister has offered accommodation. ",
	"Zo\xC3\xAB O'Sullivan and \xC5\x81ukasz Kowalczyk attended the MARAC on Tuesday. ",
	"Children's Social Care completed a Section 47 and referred to Early Help. ",
	"She has a friend called Dee who drove her to the refuge on Windsor Crescent. ",
	"\nCAD 1234 12/03/24 23:11 CALLER STATES EX PARTNER DARREN SMITH IS KICKING DOOR\n",
	"Seen by Dr Khan at the GP surgery; sertraline 50mg, referred to IAPT. ",
	"Grace Young said she would call back after the meeting with Women's Aid. ",
	"Probation confirmed the licence conditions include no contact with the victim. ",
};

int main(int argc, char **argv)
{
	size_t mib = argc > 1 ? strtoul(argv[1], NULL, 10) : 64;
	size_t want = mib << 20, n = 0, k = 0;
	char *text = malloc(want + 256);
	if (text == NULL || mib == 0) {
		fprintf(stderr, "bench_names: bad size or out of memory\n");
		return 1;
	}
	while (n < want) {
		const char *s = SENTENCES[k++ % (sizeof SENTENCES / sizeof *SENTENCES)];
		size_t l = strlen(s);
		memcpy(text + n, s, l);
		n += l;
	}
	struct spans sv = {0};
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	if (names_scan(text, n, &sv) != 0) {
		fprintf(stderr, "bench_names: out of memory\n");
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	double s = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	double mbs = (double)n / 1e6 / s;
	fprintf(stderr, "bench_names: %zu bytes in %.3f s: %.1f MB/s, %zu names\n", n, s, mbs, sv.n);
	printf("{\"bench\":\"names\",\"mb_per_s\":%.1f,\"bytes\":%zu,\"findings\":%zu}\n", mbs, n,
	       sv.n);
	spans_free(&sv);
	free(text);
	return 0;
}
