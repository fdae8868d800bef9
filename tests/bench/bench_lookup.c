/*
 * bench_lookup.c: point-of-call lookups over real mTLS against a running
 * gateway, at a fixed offered rate (issue 12: p99 under 5 ms at 1,000/s).
 *
 *   bench_lookup --gateway wss://localhost:PORT --pki DIR --fixture referral.json
 *                [--cases N] [--rate R] [--seconds S] [--out result.json]
 *
 * Seeding: police refers N cases made from the fixture, each victim with
 * her own phone (07700 9xxxxx), name and DOB, referred today (so every case
 * is open). Then the control-room certificate (role lookup; the gateway's
 * lookup.per_minute must allow R a second) sends R lookups a second for S
 * seconds on one connection, open loop: request i is due at t0 + i/R and
 * its latency is measured from that due time (coordinated omission would
 * otherwise hide a stall), to its LookupResult; and from when it was
 * actually written. The lookups go over a minimal TLS + WebSocket client of
 * this file's own (poll() to the microsecond), not the client library,
 * whose loop sleeps up to its 50 ms tick (client.c: lws 4.1 ignores the
 * service timeout) and would send in bursts. Half ask for a seeded phone
 * written another way ("+44 7700 9xxxxx"), half for an unknown one.
 * Reported: p50, p99, max latency, answers, hits, errors.
 *
 *   bench_lookup --local N [--lookups M]
 *
 * The gateway's own work per lookup, without network or client: N cases
 * recorded in a fresh SQLite file (WAL, as the store), then M lookups
 * (half hits, the phone written another way) through lookup_keys and
 * lookup_open_cases on a second, read-only handle, as the service thread
 * does. Reported: p50, p99, max per lookup.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "cases.h"
#include "client.h"
#include "codec.h"
#include "flags.h"
#include "lookup.h"
#include "match.h"
#include "mgw_err.h"
#include "pbjson.h"

static int64_t now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static mgw_client *connect_as(const char *url, const char *pki, const char *name)
{
	char crt[512], key[512], ca[512], err[512];
	snprintf(crt, sizeof crt, "%s/%s.crt", pki, name);
	snprintf(key, sizeof key, "%s/%s.key", pki, name);
	snprintf(ca, sizeof ca, "%s/ca.crt", pki);
	struct mgw_client_opts co = {.url = url, .cert = crt, .key = key, .ca = ca,
				     .software = "bench_lookup", .timeout_ms = 20000};
	mgw_client *c = NULL;
	if (mgw_client_connect(&co, &c, err, sizeof err) != MGW_OK) {
		fprintf(stderr, "bench_lookup: %s: %s\n", name, err);
		return NULL;
	}
	return c;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc((size_t)n + 1);
	if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
		free(b);
		b = NULL;
	}
	if (b)
		b[n] = 0;
	*len = (size_t)n;
	fclose(f);
	return b;
}

/* Police refers n cases, each a different victim. 0 or -1. */
static int seed(mgw_client *c, const char *fixture, int n)
{
	size_t len;
	char *text = slurp(fixture, &len), err[256];
	ProtobufCMessage *m = NULL;
	if (text == NULL ||
	    pbjson_parse(&marac__v1__referral__descriptor, text, len, &m, err, sizeof err) != 0) {
		fprintf(stderr, "bench_lookup: %s: cannot read the fixture\n", fixture);
		free(text);
		return -1;
	}
	free(text);
	Marac__V1__Referral *r = (Marac__V1__Referral *)m;
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	char today[16], phone[32], name[64], dob[16], msg_id[64];
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	char *saved_date = r->referral_date, *saved_name = r->victim->full_name,
	     *saved_dob = r->victim->date_of_birth, *saved_phone = r->victim->phones[0],
	     *saved_nhs = r->victim->nhs_number;
	size_t saved_aliases = r->victim->n_aliases;
	r->referral_date = today;
	r->victim->n_aliases = 0;
	r->victim->nhs_number = "";
	int rc = 0;
	for (int i = 0; i < n && rc == 0; i++) {
		snprintf(phone, sizeof phone, "07700 9%05d", i);
		snprintf(name, sizeof name, "Benchvictim %c%c%c", 'a' + i % 26, 'a' + i / 26 % 26,
			 'a' + i / 676 % 26);
		snprintf(dob, sizeof dob, "19%02d-%02d-%02d", 60 + i % 40, 1 + i % 12, 1 + i % 28);
		snprintf(msg_id, sizeof msg_id, "bench-seed-%ld-%d", (long)t, i);
		r->victim->phones[0] = phone;
		r->victim->full_name = name;
		r->victim->date_of_birth = dob;
		Marac__V1__Refer rf = MARAC__V1__REFER__INIT;
		rf.msg_id = msg_id;
		rf.referral = r;
		rf.lawful_basis = MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_PUBLIC_TASK_SCH1_PARA18;
		Marac__V1__Frame req = MARAC__V1__FRAME__INIT, *res = NULL;
		req.body_case = MARAC__V1__FRAME__BODY_REFER;
		req.refer = &rf;
		if (mgw_client_request(c, &req, MARAC__V1__FRAME__BODY_REFERRAL_ACCEPTED, msg_id,
				       30000, &res) != MGW_OK) {
			const Marac__V1__Error *e = mgw_client_last_error(c);
			fprintf(stderr, "bench_lookup: seeding case %d refused: %s\n", i,
				e && e->message ? e->message : "no answer");
			rc = -1;
		} else {
			codec_free(&res->base);
		}
	}
	r->referral_date = saved_date;
	r->victim->full_name = saved_name;
	r->victim->date_of_birth = saved_dob;
	r->victim->phones[0] = saved_phone;
	r->victim->nhs_number = saved_nhs;
	r->victim->n_aliases = saved_aliases;
	codec_free(m);
	return rc;
}

/* ---- a minimal client: TLS 1.3, WebSocket, one frame at a time ------------ */

struct raw {
	SSL_CTX *ctx;
	SSL *ssl;
	int fd;
	unsigned char buf[1 << 16];
};

static int raw_read_n(struct raw *r, unsigned char *b, size_t n)
{
	size_t got = 0;
	while (got < n) {
		int k = SSL_read(r->ssl, b + got, (int)(n - got));
		if (k <= 0)
			return -1;
		got += (size_t)k;
	}
	return 0;
}

/* A masked binary frame holding f. 0 or -1. */
static int raw_send(struct raw *r, const Marac__V1__Frame *f)
{
	unsigned char out[4096];
	size_t n = protobuf_c_message_get_packed_size(&f->base), hn = 0;
	if (n + 8 > sizeof out || n >= 65536)
		return -1;
	out[hn++] = 0x82;
	if (n < 126) {
		out[hn++] = (unsigned char)(0x80 | n);
	} else {
		out[hn++] = 0x80 | 126;
		out[hn++] = (unsigned char)(n >> 8);
		out[hn++] = (unsigned char)n;
	}
	static const unsigned char key[4] = {0x5a, 0x17, 0xc3, 0x08};
	memcpy(out + hn, key, 4);
	hn += 4;
	protobuf_c_message_pack(&f->base, out + hn);
	for (size_t i = 0; i < n; i++)
		out[hn + i] ^= key[i % 4];
	return SSL_write(r->ssl, out, (int)(hn + n)) == (int)(hn + n) ? 0 : -1;
}

/* The next Frame if one arrives within timeout_us (0: none waiting). 1 got, 0 none, -1 error. */
static int raw_recv(struct raw *r, int64_t timeout_us, Marac__V1__Frame **out)
{
	if (SSL_pending(r->ssl) == 0) {
		struct pollfd p = {.fd = r->fd, .events = POLLIN};
		struct timespec ts = {.tv_sec = timeout_us / 1000000,
				      .tv_nsec = (timeout_us % 1000000) * 1000};
		int k = ppoll(&p, 1, &ts, NULL);
		if (k < 0)
			return -1;
		if (k == 0)
			return 0;
	}
	unsigned char h[2], ext[8];
	if (raw_read_n(r, h, 2) != 0)
		return -1;
	uint64_t n = h[1] & 0x7f;
	if (n == 126) {
		if (raw_read_n(r, ext, 2) != 0)
			return -1;
		n = (uint64_t)ext[0] << 8 | ext[1];
	} else if (n == 127) {
		if (raw_read_n(r, ext, 8) != 0)
			return -1;
		n = 0;
		for (int i = 0; i < 8; i++)
			n = n << 8 | ext[i];
	}
	if (n > sizeof r->buf || raw_read_n(r, r->buf, (size_t)n) != 0)
		return -1;
	if ((h[0] & 0x0f) != 2) {
		*out = NULL;
		return 1; /* ping, pong or close: not a Frame */
	}
	*out = marac__v1__frame__unpack(NULL, (size_t)n, r->buf);
	return *out ? 1 : -1;
}

/* TLS as NAME to the port of url, upgrade, Hello, wait for Welcome. 0 or -1. */
static int raw_connect(struct raw *r, const char *url, const char *pki, const char *name)
{
	char crt[512], key[512], ca[512];
	snprintf(crt, sizeof crt, "%s/%s.crt", pki, name);
	snprintf(key, sizeof key, "%s/%s.key", pki, name);
	snprintf(ca, sizeof ca, "%s/ca.crt", pki);
	const char *colon = strrchr(url, ':');
	int port = colon ? atoi(colon + 1) : 0;
	memset(r, 0, sizeof *r);
	r->fd = -1;
	r->ctx = SSL_CTX_new(TLS_client_method());
	if (r->ctx == NULL || SSL_CTX_use_certificate_file(r->ctx, crt, SSL_FILETYPE_PEM) != 1 ||
	    SSL_CTX_use_PrivateKey_file(r->ctx, key, SSL_FILETYPE_PEM) != 1 ||
	    SSL_CTX_load_verify_locations(r->ctx, ca, NULL) != 1)
		return -1;
	SSL_CTX_set_verify(r->ctx, SSL_VERIFY_PEER, NULL);
	SSL_CTX_set_min_proto_version(r->ctx, TLS1_3_VERSION);
	r->fd = socket(AF_INET, SOCK_STREAM, 0);
	int one = 1;
	setsockopt(r->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
	if (connect(r->fd, (struct sockaddr *)&a, sizeof a) != 0)
		return -1;
	r->ssl = SSL_new(r->ctx);
	SSL_set_fd(r->ssl, r->fd);
	SSL_set_tlsext_host_name(r->ssl, "localhost");
	SSL_set1_host(r->ssl, "localhost");
	if (SSL_connect(r->ssl) != 1)
		return -1;
	char req[512];
	int n = snprintf(req, sizeof req,
			 "GET /v1 HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
			 "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
			 "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: marac.v1\r\n\r\n");
	if (SSL_write(r->ssl, req, n) != n)
		return -1;
	char resp[2048];
	size_t got = 0;
	while (got < sizeof resp - 1) {
		if (SSL_read(r->ssl, resp + got, 1) != 1)
			return -1;
		got++;
		if (got >= 4 && memcmp(resp + got - 4, "\r\n\r\n", 4) == 0)
			break;
	}
	resp[got] = 0;
	if (strncmp(resp, "HTTP/1.1 101", 12) != 0)
		return -1;
	Marac__V1__Hello hello = MARAC__V1__HELLO__INIT;
	hello.protocol_version = 1;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_HELLO;
	f.hello = &hello;
	if (raw_send(r, &f) != 0)
		return -1;
	for (int i = 0; i < 100; i++) {
		Marac__V1__Frame *w = NULL;
		int k = raw_recv(r, 100000, &w);
		if (k < 0)
			return -1;
		int welcome = w && w->body_case == MARAC__V1__FRAME__BODY_WELCOME;
		if (w)
			marac__v1__frame__free_unpacked(w, NULL);
		if (welcome)
			return 0;
	}
	return -1;
}

static void raw_free(struct raw *r)
{
	if (r->ssl)
		SSL_free(r->ssl);
	if (r->fd >= 0)
		close(r->fd);
	SSL_CTX_free(r->ctx);
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* --local: the lookup path in process, on an on-disk WAL database. */
static int run_local(int cases, int lookups)
{
	static const uint8_t key[32] = "bench-lookup-key-bench-lookup-ke";
	char dir[] = "/tmp/marac-bench-lookup-XXXXXX", path[64];
	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof path, "%s/bench.db", dir);
	sqlite3 *w = NULL, *r = NULL;
	if (sqlite3_open(path, &w) != SQLITE_OK ||
	    sqlite3_exec(w, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", NULL, NULL,
			 NULL) != SQLITE_OK ||
	    match_schema(w) || cases_schema(w) || flags_schema(w))
		return 1;
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	char today[16];
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	sqlite3_exec(w, "BEGIN", NULL, NULL, NULL);
	for (int i = 0; i < cases; i++) {
		char phone[32], name[64], dob[16], ref[32];
		snprintf(phone, sizeof phone, "07700 9%05d", i);
		snprintf(name, sizeof name, "Benchvictim %c%c%c", 'a' + i % 26, 'a' + i / 26 % 26,
			 'a' + i / 676 % 26);
		snprintf(dob, sizeof dob, "19%02d-%02d-%02d", 60 + i % 40, 1 + i % 12, 1 + i % 28);
		snprintf(ref, sizeof ref, "TS-2026-%05d", i + 1);
		Marac__V1__Person v = MARAC__V1__PERSON__INIT;
		char *phones[1] = {phone};
		v.phones = phones;
		v.n_phones = 1;
		v.full_name = name;
		v.date_of_birth = dob;
		struct match_keys k;
		struct case_row row = {.case_ref = ref, .area = "testshire", .referral_date = today,
				       .referring_agency = 1, .referring_node = "police",
				       .route = 1, .score = 15, .level = 3, .meeting_date = today};
		if (match_keys(&v, NULL, 0, key, sizeof key, &k) ||
		    match_record(w, ref, "testshire", today, &k) || cases_insert(w, &row))
			return 1;
		match_keys_free(&k);
	}
	sqlite3_exec(w, "COMMIT", NULL, NULL, NULL);
	if (sqlite3_open_v2(path, &r, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return 1;
	int64_t *lat = calloc((size_t)lookups, sizeof *lat);
	size_t hits = 0;
	int32_t day = (int32_t)(t / 86400);
	for (int i = 0; i < lookups; i++) {
		char phone[32];
		if (i % 2 == 0)
			snprintf(phone, sizeof phone, "+44 7700 9%05d", i / 2 % cases);
		else
			snprintf(phone, sizeof phone, "07700 8%05d", i % 100000);
		int64_t t0 = now_us();
		struct match_keys k;
		uint8_t digest[32];
		struct lookup_case lc[8];
		size_t n = 0;
		if (lookup_keys(phone, NULL, NULL, NULL, key, sizeof key, &k, digest) ||
		    lookup_open_cases(r, &k, NULL, day, 12, lc, 8, &n))
			return 1;
		match_keys_free(&k);
		lat[i] = now_us() - t0;
		hits += n > 0;
	}
	qsort(lat, (size_t)lookups, sizeof *lat, cmp_i64);
	printf("{\"mode\": \"local\", \"cases\": %d, \"lookups\": %d, \"hits\": %zu, "
	       "\"p50_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f}\n",
	       cases, lookups, hits, lat[lookups / 2] / 1000.0, lat[lookups * 99 / 100] / 1000.0,
	       lat[lookups - 1] / 1000.0);
	free(lat);
	sqlite3_close(r);
	sqlite3_close(w);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc >= 3 && !strcmp(argv[1], "--local")) {
		int lookups = argc >= 5 && !strcmp(argv[3], "--lookups") ? atoi(argv[4]) : 10000;
		int n = atoi(argv[2]);
		if (n < 1 || n > 99999 || lookups < 1)
			return 2;
		return run_local(n, lookups);
	}

	const char *url = NULL, *pki = NULL, *fixture = NULL, *out = "bench_lookup.json";
	int cases = 200, rate = 1000, seconds = 10;
	for (int i = 1; i + 1 < argc; i += 2) {
		const char *k = argv[i], *v = argv[i + 1];
		if (!strcmp(k, "--gateway")) url = v;
		else if (!strcmp(k, "--pki")) pki = v;
		else if (!strcmp(k, "--fixture")) fixture = v;
		else if (!strcmp(k, "--cases")) cases = atoi(v);
		else if (!strcmp(k, "--rate")) rate = atoi(v);
		else if (!strcmp(k, "--seconds")) seconds = atoi(v);
		else if (!strcmp(k, "--out")) out = v;
		else { fprintf(stderr, "bench_lookup: unknown option %s\n", k); return 2; }
	}
	if (!url || !pki || !fixture || cases < 1 || cases > 99999 || rate < 1 || seconds < 1) {
		fprintf(stderr, "usage: bench_lookup --gateway URL --pki DIR --fixture REFERRAL.json "
				"[--cases N] [--rate R] [--seconds S] [--out F]\n");
		return 2;
	}
	mgw_client *police = connect_as(url, pki, "police");
	if (police == NULL || seed(police, fixture, cases) != 0)
		return 1;
	mgw_client_free(police);

	static struct raw rc_;
	struct raw *c = &rc_;
	if (raw_connect(c, url, pki, "control") != 0) {
		fprintf(stderr, "bench_lookup: control: cannot connect\n");
		return 1;
	}
	size_t total = (size_t)rate * (size_t)seconds;
	int64_t *due = calloc(total, sizeof *due), *lat = calloc(total, sizeof *lat);
	int64_t *sent_at = calloc(total, sizeof *sent_at), *lat_s = calloc(total, sizeof *lat_s);
	if (due == NULL || lat == NULL || sent_at == NULL || lat_s == NULL)
		return 1;
	size_t sent = 0, answered = 0, hits = 0, errors = 0, slow = 0;
	int64_t slow_at[8] = {0}; /* when (ms into the run) the first answers over 5 ms were due */
	int64_t t0 = now_us(), end = t0 + (int64_t)seconds * 1000000 + 2000000;
	while (answered + errors < total && now_us() < end) {
		int64_t now = now_us();
		int64_t next = sent < total ? t0 + (int64_t)(sent * 1000000 / (size_t)rate) : end;
		while (sent < total && t0 + (int64_t)(sent * 1000000 / (size_t)rate) <= now) {
			char phone[32], msg_id[32];
			/* even: a seeded victim's phone written another way; odd: unknown */
			if (sent % 2 == 0)
				snprintf(phone, sizeof phone, "+44 7700 9%05zu", sent / 2 % (size_t)cases);
			else
				snprintf(phone, sizeof phone, "07700 8%05zu", sent % 100000);
			snprintf(msg_id, sizeof msg_id, "q%zu", sent);
			Marac__V1__LookupRequest q = MARAC__V1__LOOKUP_REQUEST__INIT;
			q.msg_id = msg_id;
			q.phone = phone;
			Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
			req.body_case = MARAC__V1__FRAME__BODY_LOOKUP_REQUEST;
			req.lookup_request = &q;
			due[sent] = t0 + (int64_t)(sent * 1000000 / (size_t)rate);
			if (raw_send(c, &req) != 0) {
				fprintf(stderr, "bench_lookup: send failed\n");
				return 1;
			}
			sent_at[sent] = now_us();
			sent++;
		}
		Marac__V1__Frame *f = NULL;
		now = now_us();
		int rc = raw_recv(c, next > now ? next - now : 0, &f);
		if (rc == 0)
			continue;
		if (rc < 0) {
			fprintf(stderr, "bench_lookup: connection failed\n");
			return 1;
		}
		if (f == NULL)
			continue;
		int64_t at = now_us();
		if (f->body_case == MARAC__V1__FRAME__BODY_LOOKUP_RESULT) {
			const char *id = f->lookup_result->msg_id;
			size_t i = id && id[0] == 'q' ? strtoul(id + 1, NULL, 10) : total;
			if (i < sent) {
				lat_s[answered] = at - sent_at[i];
				if (at - sent_at[i] > 5000 && slow++ < 8)
					slow_at[slow - 1] = (due[i] - t0) / 1000;
				lat[answered++] = at - due[i];
				hits += f->lookup_result->found;
			}
		} else if (f->body_case == MARAC__V1__FRAME__BODY_ERROR) {
			errors++;
		}
		marac__v1__frame__free_unpacked(f, NULL);
	}
	double secs = (now_us() - t0) / 1e6;
	raw_free(c);
	if (answered == 0) {
		fprintf(stderr, "bench_lookup: no answers\n");
		return 1;
	}
	qsort(lat, answered, sizeof *lat, cmp_i64);
	qsort(lat_s, answered, sizeof *lat_s, cmp_i64);
	double p50 = lat[answered / 2] / 1000.0, p99 = lat[answered * 99 / 100] / 1000.0,
	       max = lat[answered - 1] / 1000.0;
	double s50 = lat_s[answered / 2] / 1000.0, s99 = lat_s[answered * 99 / 100] / 1000.0,
	       smax = lat_s[answered - 1] / 1000.0;
	char json[1024];
	snprintf(json, sizeof json,
		 "{\"cases\": %d, \"offered_per_s\": %d, \"seconds\": %.2f, \"sent\": %zu, "
		 "\"answered\": %zu, \"hits\": %zu, \"errors\": %zu, "
		 "\"from_send\": {\"p50_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f}, "
		 "\"from_due\": {\"p50_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f}, "
		 "\"over_5ms\": %zu, \"first_over_5ms_at_ms\": [%lld, %lld, %lld, %lld, %lld, %lld, "
		 "%lld, %lld], \"target_p99_ms\": 5}\n",
		 cases, rate, secs, sent, answered, hits, errors, s50, s99, smax, p50, p99, max, slow,
		 (long long)slow_at[0], (long long)slow_at[1], (long long)slow_at[2],
		 (long long)slow_at[3], (long long)slow_at[4], (long long)slow_at[5],
		 (long long)slow_at[6], (long long)slow_at[7]);
	fputs(json, stdout);
	FILE *f = fopen(out, "w");
	if (f) {
		fputs(json, f);
		fclose(f);
	}
	free(due);
	free(lat);
	free(sent_at);
	free(lat_s);
	return answered == total && errors == 0 ? 0 : 1;
}
