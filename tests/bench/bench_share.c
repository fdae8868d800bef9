/*
 * bench_share.c: load generator over real mTLS against a running gateway.
 *
 *   bench_share --gateway wss://localhost:PORT --pki DIR
 *               --senders police,probation --recipients health,idva,csc
 *               --shares N (per sender) --window W --size BYTES --out result.json
 *
 * Each sender and each recipient is its own process with its own client
 * certificate (one TLS lws context per process). Senders keep W shares in
 * flight, each a CaseSummary of about BYTES (default 2 KiB) addressed to
 * every recipient agency; recipients ack every delivery. Reported: shares/s
 * and deliveries/s over the whole run, and p50/p99/max latency from send to
 * ShareAccepted and from send to delivery (the send time travels in the
 * msg_id; all processes share this machine's clock). Commits are durable
 * (the gateway's synchronous=FULL WAL): this measures the real share path.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "client.h"
#include "mgw_err.h"

static int64_t now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

struct opts {
	const char *gateway, *pki, *out;
	char *senders[8], *recipients[8];
	int n_send, n_recv, shares, window, size;
};

static int split(char *s, char **out, int max)
{
	int n = 0;
	for (char *save = NULL, *t = strtok_r(s, ",", &save); t && n < max;
	     t = strtok_r(NULL, ",", &save))
		out[n++] = t;
	return n;
}

static mgw_client *connect_as(const struct opts *o, const char *name)
{
	char crt[512], key[512], ca[512], err[512];
	snprintf(crt, sizeof crt, "%s/%s.crt", o->pki, name);
	snprintf(key, sizeof key, "%s/%s.key", o->pki, name);
	snprintf(ca, sizeof ca, "%s/ca.crt", o->pki);
	struct mgw_client_opts co = {.url = o->gateway, .cert = crt, .key = key, .ca = ca,
				     .software = "bench_share", .timeout_ms = 20000};
	mgw_client *c = NULL;
	if (mgw_client_connect(&co, &c, err, sizeof err) != MGW_OK) {
		fprintf(stderr, "bench: %s: %s\n", name, err);
		exit(2);
	}
	return c;
}

static int agency_of(const char *name)
{
	static const char *const names[] = {"", "police", "csc", "asc", "health", "idva",
					    "probation", "housing", "education"};
	for (int i = 1; i < 9; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return 0;
}

static void run_sender(const struct opts *o, int idx, FILE *lat)
{
	mgw_client *c = connect_as(o, o->senders[idx]);
	Marac__V1__Agency to[8];
	for (int i = 0; i < o->n_recv; i++)
		to[i] = agency_of(o->recipients[i]);
	char *narr = malloc((size_t)o->size + 1);
	for (int i = 0; i < o->size; i++)
		narr[i] = "abcdefghij klmnopqrstuvwxyz. "[i % 29];
	narr[o->size] = 0;
	Marac__V1__Person v = MARAC__V1__PERSON__INIT;
	v.full_name = "Bench Victim";
	v.date_of_birth = "1990-01-01";
	Marac__V1__CaseSummary cs = MARAC__V1__CASE_SUMMARY__INIT;
	cs.marac_area = "testshire";
	cs.victim = &v;
	cs.narrative = narr;
	int sent = 0, done = 0;
	while (done < o->shares) {
		while (sent < o->shares && sent - done < o->window) {
			char id[96], ref[48];
			snprintf(id, sizeof id, "b-%d-%d-%lld", idx, sent, (long long)now_us());
			snprintf(ref, sizeof ref, "MARAC-BENCH-%d-%d", idx, sent);
			cs.case_ref = ref;
			Marac__V1__Share sh = MARAC__V1__SHARE__INIT;
			sh.msg_id = id;
			sh.to = to;
			sh.n_to = (size_t)o->n_recv;
			sh.purpose = MARAC__V1__PURPOSE__PURPOSE_MEETING;
			sh.lawful_basis = MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_PUBLIC_TASK_SCH1_PARA18;
			sh.summary = &cs;
			Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
			f.body_case = MARAC__V1__FRAME__BODY_SHARE;
			f.share = &sh;
			if (mgw_client_send(c, &f) != MGW_OK) {
				fprintf(stderr, "bench: send failed\n");
				exit(3);
			}
			sent++;
		}
		Marac__V1__Frame *r;
		int rc = mgw_client_recv(c, 60000, &r);
		if (rc != MGW_OK) {
			fprintf(stderr, "bench: sender recv: %s\n", mgw_strerror(rc));
			exit(3);
		}
		if (r->body_case == MARAC__V1__FRAME__BODY_SHARE_ACCEPTED) {
			long long t0 = atoll(strrchr(r->share_accepted->msg_id, '-') + 1);
			fprintf(lat, "A %lld\n", (long long)(now_us() - t0));
			done++;
		} else if (r->body_case == MARAC__V1__FRAME__BODY_ERROR) {
			fprintf(stderr, "bench: refused: %s\n", r->error->message);
			exit(3);
		}
		codec_free(&r->base);
	}
	free(narr);
	mgw_client_free(c);
}

static void run_recipient(const struct opts *o, int idx, FILE *lat)
{
	mgw_client *c = connect_as(o, o->recipients[idx]);
	long want = (long)o->shares * o->n_send, got = 0;
	while (got < want) {
		Marac__V1__Frame *r;
		int rc = mgw_client_recv(c, 60000, &r);
		if (rc != MGW_OK) {
			fprintf(stderr, "bench: recipient recv: %s after %ld\n", mgw_strerror(rc), got);
			exit(3);
		}
		if (r->body_case == MARAC__V1__FRAME__BODY_DELIVER) {
			long long t0 = atoll(strrchr(r->deliver->msg_id, '-') + 1);
			fprintf(lat, "D %lld\n", (long long)(now_us() - t0));
			mgw_client_ack(c, r->deliver->delivery_id, r->deliver->seq);
			got++;
		}
		codec_free(&r->base);
	}
	mgw_client_free(c);
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

static void pct(long long *v, size_t n, double *p50, double *p99, double *max)
{
	qsort(v, n, sizeof *v, cmp_ll);
	*p50 = n ? v[n / 2] / 1000.0 : 0;
	*p99 = n ? v[(n * 99) / 100 < n ? (n * 99) / 100 : n - 1] / 1000.0 : 0;
	*max = n ? v[n - 1] / 1000.0 : 0;
}

int main(int argc, char **argv)
{
	struct opts o = {.shares = 1000, .window = 32, .size = 2048, .out = "bench_share.json"};
	char *snd = NULL, *rcv = NULL;
	for (int i = 1; i + 1 < argc; i += 2) {
		const char *k = argv[i], *v = argv[i + 1];
		if (!strcmp(k, "--gateway")) o.gateway = v;
		else if (!strcmp(k, "--pki")) o.pki = v;
		else if (!strcmp(k, "--senders")) snd = strdup(v);
		else if (!strcmp(k, "--recipients")) rcv = strdup(v);
		else if (!strcmp(k, "--shares")) o.shares = atoi(v);
		else if (!strcmp(k, "--window")) o.window = atoi(v);
		else if (!strcmp(k, "--size")) o.size = atoi(v);
		else if (!strcmp(k, "--out")) o.out = v;
		else { fprintf(stderr, "bench: unknown option %s\n", k); return 2; }
	}
	if (!o.gateway || !o.pki || !snd || !rcv || o.shares <= 0 || o.window <= 0) {
		fprintf(stderr, "usage: bench_share --gateway URL --pki DIR --senders A,B "
				"--recipients C,D [--shares N] [--window W] [--size B] [--out F]\n");
		return 2;
	}
	o.n_send = split(snd, o.senders, 8);
	o.n_recv = split(rcv, o.recipients, 8);
	char tmpl[] = "/tmp/marac-bench-XXXXXX";
	char *dir = mkdtemp(tmpl);
	int64_t t0 = now_us();
	pid_t pids[16];
	int np = 0;
	for (int r = 0; r < o.n_recv; r++) {
		if ((pids[np++] = fork()) == 0) {
			char p[256];
			snprintf(p, sizeof p, "%s/r%d", dir, r);
			FILE *f = fopen(p, "w");
			run_recipient(&o, r, f);
			fclose(f);
			_exit(0);
		}
	}
	usleep(300000); /* recipients connected: deliveries go straight out */
	t0 = now_us();
	for (int s = 0; s < o.n_send; s++) {
		if ((pids[np++] = fork()) == 0) {
			char p[256];
			snprintf(p, sizeof p, "%s/s%d", dir, s);
			FILE *f = fopen(p, "w");
			run_sender(&o, s, f);
			fclose(f);
			_exit(0);
		}
	}
	int failed = 0;
	for (int i = 0; i < np; i++) {
		int st;
		waitpid(pids[i], &st, 0);
		failed |= !WIFEXITED(st) || WEXITSTATUS(st) != 0;
	}
	double secs = (now_us() - t0) / 1e6;
	if (failed) {
		fprintf(stderr, "bench: a node process failed\n");
		return 1;
	}
	size_t na = 0, nd = 0, cap = (size_t)o.shares * o.n_send * (o.n_recv + 1) + 16;
	long long *a = malloc(cap * sizeof *a), *d = malloc(cap * sizeof *d);
	for (int k = 0; k < np; k++) {
		char p[256];
		snprintf(p, sizeof p, "%s/%c%d", dir, k < o.n_recv ? 'r' : 's',
			 k < o.n_recv ? k : k - o.n_recv);
		FILE *f = fopen(p, "r");
		char kind;
		long long v;
		while (f && fscanf(f, " %c %lld", &kind, &v) == 2) {
			if (kind == 'A' && na < cap) a[na++] = v;
			if (kind == 'D' && nd < cap) d[nd++] = v;
		}
		if (f)
			fclose(f);
		unlink(p);
	}
	rmdir(dir);
	double a50, a99, amax, d50, d99, dmax;
	pct(a, na, &a50, &a99, &amax);
	pct(d, nd, &d50, &d99, &dmax);
	FILE *out = fopen(o.out, "w");
	for (FILE *f = stdout; f; f = f == stdout ? out : NULL)
		fprintf(f,
			"{\"bench\":\"share\",\"senders\":%d,\"recipients\":%d,\"window\":%d,"
			"\"case_bytes\":%d,\"shares\":%zu,\"deliveries\":%zu,\"seconds\":%.3f,"
			"\"shares_per_s\":%.1f,\"deliveries_per_s\":%.1f,"
			"\"accept_ms\":{\"p50\":%.2f,\"p99\":%.2f,\"max\":%.2f},"
			"\"deliver_ms\":{\"p50\":%.2f,\"p99\":%.2f,\"max\":%.2f}}\n",
			o.n_send, o.n_recv, o.window, o.size, na, nd, secs, na / secs, nd / secs,
			a50, a99, amax, d50, d99, dmax);
	if (out)
		fclose(out);
	free(a);
	free(d);
	return 0;
}
